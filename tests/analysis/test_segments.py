"""tidy.analysis.data_in_code.segments: the statement splitter finds the statements Python
parses, for the shapes real packages write: tuple-unpacking assignments (holidays 0.109's
germany_school.py binds the six names its 233 kB table reads by `(AUTUMN_BREAK, ...,
SUMMER_BREAK) = range(6)`, a statement starting with `(` that the splitter took as part of
the one before), parenthesised target lists over lines, statements starting with `(` or `[`,
and tables whose rows start with `(` at the statement's indentation (which are no
statements, even with a bracket in a string)."""

from __future__ import annotations

import ast

from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.analysis.data_in_code.segments import Segment, Splitter, triple_spans

# Statements a module may hold ({i} makes names unique); each is one top-level statement
STATEMENTS = (
    "X{i} = {{'a': [1, 2], 'b': (3, 4)}}",
    "(A{i}, B{i}) = range(2)",
    "(\n    A{i},\n    B{i},  # the second\n    C{i},\n) = range(3)",
    "(A{i},\n B{i}) = 1, 2",
    "A{i}, B{i} = 1, 2",
    "A{i}, = (1,)",
    "A{i}, B{i}, = 'x', 'y'",
    "[A{i}, B{i}] = [1, 2]",
    "[\n    A{i},\n    B{i},\n] = [1, 2]",
    "(print)({i})",
    "[x for x in ({i},)]",
    "(y{i}) = 3",
    "(A{i}, B{i}) == (1, 2)",
    # rows at the indentation: no statements, a bracket in a string or not
    "T{i} = [\n(1, 'a'),\n(2, '(b'),\n(3, 'c]'),\n]",
    "T{i} = [\n[1, '(a'],\n[2, 'b)'],\n]",
    "T{i} = dict(\n(k, v) for k, v in [(1, 2)]\n)",
    "print(\n(1, 2),\n[3, 4],\n)",
    "T{i} = [\n(1, 'a'),  # a comment after the row\n(2, 'b'),\n]",
    "T{i} = (\n(1, 2)\n)",
    "if True:\n    (A{i}, B{i}) = range(2)\n(C{i}, D{i}) = range(2)",
    # items put into a table (scapy's automotive definitions), and one inside a call
    "D = {{}}\nD[0x{i}] = 'x'\nD['k{i}'] = ('y', 1)",
    "D = {{}}\nD.update(a={i})",
    "print(\nD.update(x))",
    "def f{i}():\n    return [\n(1, 2),\n    ]",
    "class K{i}:\n    (A, B) = range(2)\n    C = [\n(1, '(]')\n    ]",
)


def _starts(module: bytes) -> list[int]:
    lines = [0]
    for line in module.split(b"\n"):
        lines.append(lines[-1] + len(line) + 1)
    return [lines[node.lineno - 1] + node.col_offset for node in ast.parse(module).body]


def _split(module: bytes) -> list[Segment]:
    return Splitter(module, triple_spans(module)).split(0, len(module), b"")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(STATEMENTS), min_size=1, max_size=12),
       st.sampled_from(("\n", "\n\n", "\n# between\n")))
def test_the_splitter_finds_the_statements_python_parses(pieces: list[str],
                                                         gap: str) -> None:
    module = gap.join(p.format(i=i) for i, p in enumerate(pieces)).encode() + b"\n"
    assert [s.start for s in _split(module)] == _starts(module), module.decode()


def test_names_bound_by_unpacking_are_a_statement_of_their_own() -> None:
    """holidays 0.109's germany_school.py, as it starts (a comment, a docstring, then the
    unpacking): its names were never seen, so the table naming them was judged code."""
    module = (b'#  holidays\n\n"""Auto-generated Germany school holidays."""\n\n(\n'
              b"    AUTUMN_BREAK,\n    CHRISTMAS_BREAK,  # the second\n    SUMMER_BREAK,\n"
              b") = range(3)\n\nTABLE = {\n    1990: ((0, 10, 15, AUTUMN_BREAK),),\n}\n"
              b"A, B = 1, 2\n[C, D] = 'cd'\n")
    segments = _split(module)
    assert [(s.kind, s.names) for s in segments] == [
        ("unpack", ("AUTUMN_BREAK", "CHRISTMAS_BREAK", "SUMMER_BREAK")), ("assign", ()),
        ("unpack", ("A", "B")), ("unpack", ("C", "D"))]
    assert module[segments[0].value_start:].startswith(b"range(3)")
    assert segments[1].name == "TABLE"


def test_an_unpacking_after_a_bracket_in_a_string_is_a_statement() -> None:
    """An unpacking head starts a statement as `NAME =` does, whatever the brackets counted
    since the last one (a string's `(` would hide it). (A statement starting with `(` that
    binds nothing, `(print)(1)`, is found by that count: after `'(a'` it is not.)"""
    module = b"T = [\n[1, '(a'],\n]\n(A, B) = range(2)\nC, D = 1, 2\n"
    assert [s.kind for s in _split(module)] == ["assign", "unpack", "unpack"]


def test_a_name_list_inside_brackets_is_no_unpacking() -> None:
    """`a, b=1` at the indentation inside a call's brackets is an argument list."""
    module = b"f(\nx, y=1)\nZ = 2\n"
    assert [(s.kind, s.start) for s in _split(module)] == [("other", 0), ("assign", 11)]


# dic-10: brackets in strings and comments, then statements that bind nothing (found by the
# bracket count, which counted the string's `(` and read `print(1)` as part of X's value)
STRINGY = (
    "X{i} = '('", 'X{i} = "[{{"', "X{i} = b'(['", "X{i} = r'\\('", "X{i} = f'{{1}}('",
    "X{i} = '\\'('", "X{i} = \"it's (\"", "X{i} = '''(\n['''", 'X{i} = """\n)"""',
    "X{i} = rb'[]]'", "X{i} = 1  # (", "# ) a comment\nprint({i})", "print('(', {i})",
    "f{i}(x='[')", "X{i} = ('a(',\n 'b')", "X{i} = (1,  # (\n2)", "(print)('(')",
    "[x for x in '({i}']", "X{i} = 'a' \\\n  '('", "X{i} = 'a\\\n('", "x{i}.y = '{{'",
    "print({i})", "obj.attr({i})", "x{i}.y = 2", "T{i} = [\n'(',\n]", "f'{{{{'\nprint(2)",
    "T{i} = {{\n'k': ')',\n}}  # ]",
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STRINGY + STATEMENTS), min_size=1, max_size=12),
       st.sampled_from(("\n", "\n\n", "\n# between (\n")))
def test_a_bracket_in_a_string_or_a_comment_hides_no_statement(pieces: list[str],
                                                               gap: str) -> None:
    module = gap.join(p.format(i=i) for i, p in enumerate(pieces)).encode() + b"\n"
    assert [s.start for s in _split(module)] == _starts(module), module.decode()


def test_a_call_after_a_string_holding_a_bracket_is_a_statement() -> None:
    """The shape as written: a module's table, then a registration call after it."""
    module = (b"OPEN = {\n    'paren': '(',\n    'bracket': '[',\n}\n"
              b"register(OPEN)\nCLOSE = ')'  # ]\nregister(CLOSE)\n")
    assert [(s.kind, s.name) for s in _split(module)] == [
        ("assign", "OPEN"), ("other", ""), ("assign", "CLOSE"), ("other", "")]


def test_a_bom_is_no_part_of_the_first_name() -> None:
    """libqutrub's triverbtable.py starts with a UTF-8 BOM, then `TriVerbTableMap={...}`: the
    finding named "\\ufeffTriVerbTableMap" (the BOM's bytes read as name bytes)."""
    module = b"\xef\xbb\xbfMAP = {'a': 1}\nTABLE = [1]\n"
    assert [(s.kind, s.name, s.start) for s in _split(module)] == [
        ("assign", "MAP", 3), ("assign", "TABLE", 18)]


# web-cold-27: triple_spans' loop in C (_literalscan.triple_run) while its plain rules decide,
# each quote they leave open decided in Python. Pieces that make every case: docstrings,
# one-line strings before a triple quote on its line, comments, raw and f-string prefixes
# (PEP 701: a field holding the string's own triple quote), escapes, four quotes in a row,
# strings never closed, a comment line after a string ending on the same line.
_TRIPLE_PIECES = [b'"""', b"'''", b'"', b"'", b"\n", b"#", b" ", b"x = ", b"\\", b"\\\\",
                  b"f", b"r", b"b", b"rb", b"{", b"}", b'{d["""k"""]}', b"doc", b'""""',
                  b"''''", b"\r\n", b"\xc3\xa9"]


def _spans_or_error(reader, data: bytes):
    from tidy.analysis.data_in_code.segments import ScanError

    try:
        return reader(data)
    except ScanError as error:
        return str(error)


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_TRIPLE_PIECES), max_size=300).map(b"".join),
                 st.binary(max_size=300)))
def test_triple_spans_in_c_finds_what_the_python_loop_finds(data: bytes) -> None:
    """The same strings, or the same error (the line of a string never closed), from the
    C-assisted search as from the loop in Python, on any bytes."""
    import pytest

    from tidy.analysis.data_in_code import segments

    if segments.triple_run is None:
        pytest.skip("_literalscan was not built (or TIDY_PURE_PYTHON is set)")
    assert (_spans_or_error(segments.triple_spans, data)
            == _spans_or_error(segments.triple_spans_in_python, data))


def test_triple_spans_in_c_on_docstrings_comments_and_prefixes() -> None:
    """A module of the shapes the C loop decides and those it hands back (a quote before the
    triple quote on its line, a raw or f prefix), between and after each other."""
    from tidy.analysis.data_in_code import segments

    module = (b'"""Doc \\""" still."""\n# a comment """ not a string\nX = 1  # \'\'\'\n'
              b"def f():\n    '''Body.'''\n    return r'''\\d'''\n"
              b'Y = ("a", """b""")\nZ = f"""{d["""k"""]}"""\nW = """""""\n' * 50)
    assert segments.triple_spans(module) == segments.triple_spans_in_python(module)
    assert len(segments.triple_spans(module)) == 6 * 50  # the comment's quotes open none
