"""The scan never offers an extraction `tidy extract` refuses whatever it is asked: for a
module that reads its own namespace as a whole, or uses the loader's private names, the
finding offers no fix and says the extractor's reason in its words (hanziconv 0.3.2's
runtests.py: a 228 kB zlib+base64 string, TDY302, and `do_exec(entry, locals())` in its
`__main__` block; the scan offered `tidy extract --name sources`, the extractor refused).

Each case is a real module file judged by the rule (as the scan's content pass does) and
handed to the extractor with --dry-run: the fix is EXTRACT exactly when the extractor would
write, and otherwise holds the extractor's refusal.
"""

from __future__ import annotations

import base64
import os
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tests.rules.context import context
from tidy.core.models import ActionKind, Finding, Fix
from tidy.extract.core import ExtractError, extract_module
from tidy.rules import data_in_code

TABLE = "ROWS = [\n" + "\n".join(f"    ({i}, 'row {i}', {i * 0.5})," for i in range(600)) + \
    "\n]\n"


def _findings(module: Path) -> list[Finding]:
    rel = module.name
    ctx = context(root=str(module.parent), tracked=[], data_min_size=10_000,
                  big_files={rel: module.stat().st_size})
    return [*data_in_code.check_data_modules(ctx), *data_in_code.check_giant_strings(ctx)]


def _extractor_says(module: Path, *names: str, evaluate: bool = False) -> str:
    """"" when the extractor would write; its refusal (without the path) otherwise."""
    before = module.read_bytes()
    try:
        extract_module(str(module), names, dry_run=True, evaluate=evaluate,
                       python=sys.executable if evaluate else None)
    except ExtractError as error:
        return str(error).removeprefix(f"{module}: ")
    finally:
        assert module.read_bytes() == before
    assert not os.path.exists(module.with_suffix(".json.gz"))
    return ""


def test_a_giant_string_beside_locals_is_offered_no_extraction(tmp_path: Path) -> None:
    packed = base64.encodebytes(zlib.compress(os.urandom(90_000), 0)).decode("ascii")
    module = write(tmp_path / "runtests.py", f'#! /usr/bin/env python\n\nsources = """\n{packed}'
                   '"""\n\nimport sys\n\n\ndef do_exec(co, loc):\n    exec(co, loc)\n\n\n'
                   'if __name__ == "__main__":\n    entry = "raise SystemExit(0)"\n'
                   '    do_exec(entry, locals())  # noqa\n')
    [found] = _findings(module)
    refusal = _extractor_says(module, "sources")
    assert found.code == "TDY302"
    assert "reads its own namespace as a whole" in refusal and "locals()" in refusal
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert refusal.removesuffix("; nothing written") in found.fix.description


READS = {
    "iterated": "for _name in list({call}):\n    pass\n",
    "handed on": "print({call})\n",
    "by key": "_first = {call}['ROWS']\n",
    "by get": "_first = {call}.get('ROWS')\n",
    "membership": "_has = 'ROWS' in {call}\n",
    "in main": "if __name__ == '__main__':\n    print(sorted({call}))\n",
    "in a function": "def names():\n    return {call}\n",
    "in a method": "class C:\n    def names(self):\n        return {call}\n",
    "in a class body": "class C:\n    seen = list({call})\n",
}
CALLS = ("globals()", "vars()", "dir()", "locals()", "globals ( )", "sys.modules[__name__]")
PRIVATE = ("", "_tidy_data = None\n", "def _tidy_builtins():\n    pass\n", "x = 1  # _tidy\n")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(read=st.sampled_from(sorted(READS)), call=st.sampled_from(CALLS),
       private=st.sampled_from(PRIVATE), before=st.booleans())
def test_the_fix_is_offered_exactly_when_the_extractor_would_write(
        tmp_path: Path, read: str, call: str, private: str, before: bool) -> None:
    code = "import sys\n" + private + READS[read].format(call=call)
    module = write(tmp_path / "table.py", code + TABLE if before else TABLE + code)
    [found] = _findings(module)
    refusal = _extractor_says(module)
    assert found.fix is not None
    if refusal:
        assert found.fix.action is ActionKind.NONE, refusal
        assert refusal.removesuffix("; nothing written") in found.fix.description
    else:
        assert found.fix.action is ActionKind.EXTRACT, found.fix.description


# A table long enough to be judged on sampled windows (3 of 24 kB over ~110 kB): what one row
# holds between them is read only by the whole-value check (literalscan.py).
BIG_ROWS = 4_000
# What one row may hold instead of its plain string: built (the extractor needs --evaluate),
# code, or still a literal to ast.literal_eval (which takes `set()` and `1+2j`: the extractor
# writes them without --evaluate, and constructor calls with arguments need it).
IN_A_ROW = {
    "an empty set": "set()",
    "an empty set, spaced": "set( )",
    "a complex sum": "1+2j",
    "a signed complex difference": "-1.5 - 2j",
    "a set of a list": "set([1, 2])",
    "a frozenset": "frozenset({1, 2})",
    "an empty frozenset": "frozenset()",
    "a dict call": "dict(a=1)",
    "an empty dict call": "dict()",
    "a sum of numbers": "1 + 2",
    "a sum of imaginary numbers": "1j + 2j",
    "an ellipsis": "...",
    "an unpacked call": "dict(**{'a': 1})",
    "the name Ellipsis": "Ellipsis",
    "a call": "u('Ca\\u00f1on City, CO')",  # phonenumbers' geodata
    "a dotted call": "str.upper('x')",
    "a name": "LABEL",
    "an attribute": "LABEL.upper",
    "a subtraction": "7 - 2",
    "a sum of strings": "'a' + 'b'",
    "a subscript": "'abc'[1]",
    "a lambda": "lambda: 1",
    "a call in a string": "'f(x) + y'",
    "a call in a comment": "'x'  # u(y)\n     ",
    "a negative number": "-1.5e-3",
    "a bytes literal": "rb'\\x00('",
    "a triple-quoted string": "'''a\nu(b)\n'''",
    # dic-7: a number in brackets is the number itself to ast.literal_eval (`(1)+2j` is a
    # literal: the extractor writes it); `-` between values and unpacking are built (the
    # extractor took neither, even with --evaluate, while the scan advised it)
    "a bracketed complex sum": "(1)+2j",
    "a bracketed imaginary part": "(1) + (2j)",
    "a sign before a bracketed number": "-(1)",
    "a signed bracketed complex sum": "-((1))-2j",
    "a signed imaginary part in brackets": "1+(-2j)",
    "a bracketed real sum": "(1)+2",
    "a difference of names": "COUNT - 1",
    "a starred tuple": "[*(1, 2)]",
    "a dict unpacked": "{**{'a': 1}}",
    "a list unpacked in a call": "u(*['x'])",
    # dic-9: built, and judged code between the windows (a missed offer)
    "a negated name": "-COUNT",
    "a negated call": "- u(2)",
    "a call of a call's result": "joiner('-')(['a', 'b'])",
}


HEAD = ("def u(text):\n    return text\n\n\ndef joiner(separator):\n    return separator.join\n"
        "\n\nLABEL = 'label'\nCOUNT = 2\n\n")


def _big_table(row: int, held: str) -> str:
    rows = [f"    ({i}, 'row number {i}', {i * 0.5})," for i in range(BIG_ROWS)]
    rows[row] = f"    ({row}, {held}, {row * 0.5}),"
    return (HEAD + "ROWS = [\n"
            + "\n".join(rows) + "\n]\n")


def test_a_call_between_the_sampled_windows_is_offered_as_advice(tmp_path: Path) -> None:
    """phonenumbers 8.13.48's geodata/data2.py (`u('Ca\\u00f1on City, CO')` at line 1,941
    of 10,022): the scan offered `tidy extract`, the extractor refused ("use --evaluate")."""
    module = write(tmp_path / "data2.py", _big_table(1_500, IN_A_ROW["a call"]))
    [found] = _findings(module)
    refusal = _extractor_says(module)
    assert "calls u()" in refusal and "use --evaluate" in refusal
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert "--evaluate: values built by u()" in found.fix.description
    assert found.fix.blocked_by


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(held=st.sampled_from(sorted(IN_A_ROW)), row=st.integers(0, BIG_ROWS - 1),
       plain=st.booleans())
def test_a_row_anywhere_is_offered_exactly_when_the_extractor_would_write(
        tmp_path: Path, held: str, row: int, plain: bool) -> None:
    """Wherever the row is (in a window or between them), an extraction is offered exactly
    when the extractor would write; a module judged code (a lambda, an attribute read) gets
    no finding, as it does when the windows see the mark."""
    module = write(tmp_path / "table.py", _big_table(row, "'plain'" if plain else
                                                    IN_A_ROW[held]))
    _assert_agrees(module, _findings(module))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(held=st.lists(st.tuples(st.sampled_from(sorted(IN_A_ROW)), st.integers(0, BIG_ROWS - 1)),
                     min_size=1, max_size=3, unique_by=lambda pair: pair[1]))
def test_rows_with_marks_anywhere_are_offered_exactly_when_the_extractor_would_write(
        tmp_path: Path, held: list[tuple[str, int]]) -> None:
    """Every mark counts, not only the first: a row the extractor takes as a literal (`set()`,
    `1+2j`) before or after a call, a name or code, in a window or between them."""
    module = write(tmp_path / "table.py", _big_table_of(dict((row, IN_A_ROW[kind])
                                                             for kind, row in held)))
    _assert_agrees(module, _findings(module))


def _assert_agrees(module: Path, found: list[Finding]) -> None:
    """Both ways: an extraction is offered exactly when the extractor writes as asked; advice
    to use --evaluate only where the extractor then writes (`7 - 2`, `[*(1, 2)]` were
    advised, and refused with --evaluate as "no data binding")."""
    refusal = _extractor_says(module)
    offered = [f for f in found if f.fix is not None and f.fix.action is ActionKind.EXTRACT]
    assert bool(offered) == (not refusal), (refusal, [f.fix for f in found])
    advised = [f for f in found if f.fix is not None and f.fix.action is ActionKind.NONE
               and "--evaluate:" in f.fix.description]
    if advised:
        assert _extractor_says(module, evaluate=True) == "", [f.fix for f in advised]


def _big_table_of(held: dict[int, str]) -> str:
    rows = [f"    ({i}, {held.get(i, repr(f'row number {i}'))}, {i * 0.5}),"
            for i in range(BIG_ROWS)]
    return (HEAD + "ROWS = [\n"
            + "\n".join(rows) + "\n]\n")


@given(empty_set=st.sampled_from(("set()", "set( )", "1+2j")), row=st.integers(0, BIG_ROWS - 1))
@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_what_literal_eval_takes_is_offered(tmp_path: Path, empty_set: str, row: int) -> None:
    """`set()` and `1+2j` are literals to ast.literal_eval, and the extractor writes them
    without --evaluate: the scan offers the extraction (it gave `--evaluate` advice, reading
    `set()` as a call and `1+2j` as arithmetic)."""
    module = write(tmp_path / "table.py", _big_table_of({row: empty_set}))
    [found] = _findings(module)
    assert _extractor_says(module) == ""
    assert found.fix is not None and found.fix.action is ActionKind.EXTRACT, found.fix


@pytest.mark.parametrize("call", ["set([1, 2])", "frozenset({1, 2})", "frozenset()",
                                  "dict(a=1)", "dict()"])
def test_a_constructor_call_is_advice_to_evaluate(tmp_path: Path, call: str) -> None:
    """A constructor call literal_eval refuses: the extractor wants --evaluate, and writes
    with it; the scan says so, in a window and between them."""
    for row in (3, BIG_ROWS // 3):
        module = write(tmp_path / "table.py", _big_table_of({row: call}))
        [found] = _findings(module)
        assert "use --evaluate" in _extractor_says(module)
        assert _extractor_says(module, evaluate=True) == ""
        assert found.fix is not None and found.fix.action is ActionKind.NONE
        assert f"--evaluate: values built by {call.split('(')[0]}()" in found.fix.description


def test_code_after_a_call_between_the_windows_is_code(tmp_path: Path) -> None:
    """The whole-value read judged a value by its first mark only: a `u('...')` row, then a
    `lambda` row, both between the sampled windows, was read as built by u(), and the scan
    advised `tidy extract --evaluate`, which refused (a lambda is no data). Every mark counts:
    the value is code, as the windows judge a lambda they see, and the module is not data."""
    module = write(tmp_path / "table.py", _big_table_of({1_200: IN_A_ROW["a call"],
                                                         1_300: IN_A_ROW["a lambda"]}))
    refusal = _extractor_says(module, evaluate=True)
    assert "no data binding" in refusal, refusal
    assert _findings(module) == []


def test_the_name_ellipsis_is_advice_to_evaluate(tmp_path: Path) -> None:
    """`Ellipsis` is a name to ast.literal_eval (`...` is the constant): the extractor wants
    --evaluate for it, in a window or between them; the windows read it as a constant (an
    extraction offered there was refused) and `...` between them as a stray `.` (code)."""
    for row in (3, BIG_ROWS // 3):
        module = write(tmp_path / "table.py", _big_table_of({row: "Ellipsis"}))
        [found] = _findings(module)
        assert "names Ellipsis" in _extractor_says(module)
        assert _extractor_says(module, evaluate=True) == ""
        assert found.fix is not None and found.fix.action is ActionKind.NONE
        assert "--evaluate: values built by module names" in found.fix.description
        module = write(tmp_path / "table.py", _big_table_of({row: "..."}))
        [found] = _findings(module)
        assert _extractor_says(module) == ""
        assert found.fix is not None and found.fix.action is ActionKind.EXTRACT


@pytest.mark.parametrize("held", ["-COUNT", "- u(2)", "+COUNT", "joiner('-')(['a', 'b'])",
                                  "u(2) (3) if False else 1"])
def test_a_sign_before_a_name_and_a_call_of_a_call_are_read_as_the_windows_read_them(
        tmp_path: Path, held: str) -> None:
    """`-COUNT` and `joiner('-')(['a', 'b'])` are built to the windows (the scan advised
    --evaluate when they were in one, and the extractor writes with it), but the whole-value
    read judged them code: the module got no finding wherever the row was. Now both read them
    as built. (`... if False else 1`: still code, after the call of a call.)"""
    for row in (3, BIG_ROWS // 3):
        module = write(tmp_path / "table.py", _big_table_of({row: held}))
        found = _findings(module)
        _assert_agrees(module, found)
        if " if " in held:
            assert found == []
            continue
        assert [f.fix.action for f in found if f.fix] == [ActionKind.NONE], held
        assert "--evaluate:" in found[0].fix.description  # type: ignore[union-attr]
        assert _extractor_says(module, evaluate=True) == ""


@pytest.mark.parametrize("held", ["(1, 2)(3)", "('a', 'b') (0)", "(u(2), 3)(4)", "set()(1)",
                                  "(2)(3)"])
def test_a_call_of_what_no_call_returns_is_code(tmp_path: Path, held: str) -> None:
    """`(1, 2)(3)` calls a tuple: the windows and the whole-value read passed it as a call of
    what a call returns (a `(` right after a `)`), the scan advised `tidy extract --evaluate`
    and the extractor refused it (the import raises TypeError). A call's result is called
    only where a name, an attribute or a call was called (`joiner('-')(['a'])`: above)."""
    for row in (3, BIG_ROWS // 3):
        module = write(tmp_path / "table.py", _big_table_of({row: held}))
        found = _findings(module)
        _assert_agrees(module, found)
        assert found == [], (held, row)


@pytest.mark.parametrize("held", ["7 - 2", "COUNT - 1", "[*(1, 2)]", "{**{'a': 1}}"])
def test_a_difference_or_unpacking_is_advice_the_extractor_follows(tmp_path: Path,
                                                                    held: str) -> None:
    """`7 - 2` and `[*(1, 2)]`: the scan advised `tidy extract --evaluate` (built values, as
    its windows and its whole-value read judge them), and the extractor refused them even
    with --evaluate ("no data binding of 1024 bytes or more": it took only `+` and no `*`).
    Now it takes them with --evaluate, in a window and between them."""
    for row in (3, BIG_ROWS // 3):
        module = write(tmp_path / "table.py", _big_table_of({row: held}))
        [found] = _findings(module)
        assert found.fix is not None and found.fix.action is ActionKind.NONE
        assert "--evaluate:" in found.fix.description
        assert "use --evaluate" in _extractor_says(module)
        assert _extractor_says(module, evaluate=True) == ""


@pytest.mark.parametrize("held", ["(1)+2j", "(1) + (2j)", "-(1)", "(-1)-2j", "-((1))+2j"])
def test_a_number_in_brackets_is_the_number(tmp_path: Path, held: str) -> None:
    """`(1)+2j` is a literal to ast.literal_eval (brackets leave no node) and the extractor
    writes it without --evaluate; the scan advised --evaluate (a `+` after a bracket)."""
    for row in (3, BIG_ROWS // 3):
        module = write(tmp_path / "table.py", _big_table_of({row: held}))
        [found] = _findings(module)
        assert _extractor_says(module) == ""
        assert found.fix is not None and found.fix.action is ActionKind.EXTRACT, found.fix


# holidays 0.109's calendars/germany_school.py: a 233 kB table whose rows end with one of six
# names bound by unpacking a range at the top of the module
UNPACKINGS = {
    "bracketed over lines": "(\n    AUTUMN_BREAK,\n    SUMMER_BREAK,  # the last\n) = range(2)\n",
    "on one line": "AUTUMN_BREAK, SUMMER_BREAK = range(2)\n",
    "a list of targets": "[AUTUMN_BREAK, SUMMER_BREAK] = 0, 1\n",
    "literal strings": "(AUTUMN_BREAK, SUMMER_BREAK) = ('autumn', 'summer')\n",
}


@pytest.mark.parametrize("unpacking", sorted(UNPACKINGS))
def test_names_bound_by_unpacking_a_range_are_data(tmp_path: Path, unpacking: str) -> None:
    """The rows named the six breaks, which the module binds by `(AUTUMN_BREAK, ...,
    SUMMER_BREAK) = range(6)`: a statement starting with `(` was part of the comment before it
    to the splitter, so the names resolved to nothing and the module was judged code (no
    finding); the extractor takes it with --evaluate. Now the names are data (a range of
    literal bounds gives ints), and the scan advises --evaluate."""
    rows = "".join(f"    {1990 + i}: ((0, 10, {i % 28 + 1}, 0, 10, 19, "
                   f"{'AUTUMN_BREAK' if i % 2 else 'SUMMER_BREAK'}),),\n" for i in range(2_000))
    module = write(tmp_path / "germany_school.py", '"""Auto-generated."""\n\n'
                   + UNPACKINGS[unpacking] + "\nHOLIDAYS = {\n" + rows + "}\n")
    [found] = _findings(module)
    assert found.fix is not None and "--evaluate: values built by module names" in \
        found.fix.description, found.fix
    assert "names SUMMER_BREAK" in _extractor_says(module)
    _assert_agrees(module, [found])


@pytest.mark.parametrize("unpacked", ["make()", "make(), 1", "divmod(7, 2)", "[1, 2] * 1"])
def test_names_unpacked_from_code_are_not_data(tmp_path: Path, unpacked: str) -> None:
    """What a call other than range() unpacks may be any object (the module's `make()` gives
    two `object()`s): a table naming it stays code, as one naming a function's result does."""
    rows = "".join(f"    ({i}, 'row {i}', {'A' if i % 2 else 'B'}),\n" for i in range(3_000))
    module = write(tmp_path / "table.py", "def make():\n    return object(), object()\n\n\n"
                   f"A, B = {unpacked}\n\nROWS = [\n{rows}]\n")
    assert _findings(module) == []


# dic-10: tables in class bodies and functions as packages write them. tidy extract moves the
# attributes of plain classes bound once (tidy/extract/bindings.py) and leaves decorated ones,
# classes with keywords in their header and names bound twice whole: the scan offered an
# extraction there, and the extractor answered "no data binding".
def _rows(indent: str) -> str:
    return "\n".join(f"{indent}'k{i}': ({i}, 'row {i}')," for i in range(500))


HELD = {
    "a dataclass": "from dataclasses import dataclass\n\n\n@dataclass\nclass T:\n    x: int = 0\n"
                   "    TABLE = {\n" + _rows("        ") + "\n    }\n",
    "a metaclass": "import abc\n\n\nclass T(metaclass=abc.ABCMeta):\n    TABLE = {\n"
                   + _rows("        ") + "\n    }\n",
    "a class bound twice": "class T:\n    TABLE = {\n" + _rows("        ")
                           + "\n    }\n\n\nclass T(T):\n    pass\n",
    "a class named as an import": "from collections import OrderedDict as T\n\n\nclass T(T):\n"
                                  "    TABLE = {\n" + _rows("        ") + "\n    }\n",
    "a cached function": "import functools\n\n\n@functools.lru_cache\ndef table():\n"
                         "    return {\n" + _rows("        ") + "\n    }\n\n\nTABLE = table()\n",
    "an attribute bound twice": "class T:\n    TABLE = {\n" + _rows("        ")
                                + "\n    }\n    TABLE = dict(TABLE, x=1)\n",
    "an attribute added to": "class T:\n    TABLE = [\n" + _rows("        ")
                             + "\n    ]\n    TABLE += [('x', 1)]\n",
}
MOVED = {
    "a plain class": "class T:\n    name = 'x'\n    TABLE = {\n" + _rows("        ")
                     + "\n    }\n\n    def get(self, k):\n        return self.TABLE[k]\n",
    "a subclass": "class Base:\n    TABLE = {}\n\n\nclass T(Base):\n    TABLE = {\n"
                  + _rows("        ") + "\n    }\n",
    "slots and an annotation": "from typing import ClassVar\n\n\nclass T:\n    __slots__ = "
                               "('a',)\n    TABLE: ClassVar[dict] = {\n" + _rows("        ")
                               + "\n    }\n",
    "items beside": "class T:\n    TABLE = {\n" + _rows("        ")
                    + "\n    }\n\n\nT.TABLE['x'] = 1\n",
    "a decorated method beside": "class T:\n    TABLE = {\n" + _rows("        ")
                                 + "\n    }\n\n    @classmethod\n    def get(cls, k):\n"
                                 "        return cls.TABLE[k]\n",
}


@pytest.mark.parametrize("shape", sorted(HELD))
def test_a_table_in_a_class_or_function_tidy_extract_leaves_whole_is_not_offered(
        tmp_path: Path, shape: str) -> None:
    module = write(tmp_path / "table.py", HELD[shape])
    [found] = _findings(module)
    _assert_agrees(module, [found])
    assert found.fix is not None and found.fix.action is ActionKind.NONE, found.fix
    assert found.fix.description in (data_in_code.HELD_ADVICE, data_in_code.REBOUND_ADVICE)


@pytest.mark.parametrize("shape", sorted(MOVED))
def test_a_table_in_a_plain_class_is_offered(tmp_path: Path, shape: str) -> None:
    module = write(tmp_path / "table.py", MOVED[shape])
    [found] = _findings(module)
    _assert_agrees(module, [found])
    assert found.fix is not None and found.fix.action is ActionKind.EXTRACT, found.fix


# dic-11: values built by calls whose results JSON cannot hold. The scan advised `tidy extract
# --evaluate` for each, and the extractor then answered "nothing could be moved: TABLE left in
# place: ... a Pattern cannot be written as data".
OBJECT_CALLS = {
    "re.compile": ("import re\n", "re.compile(r'a{i}+')"),
    "Decimal": ("from decimal import Decimal\n", "Decimal('{i}.5')"),
    "decimal.Decimal": ("import decimal\n", "decimal.Decimal('{i}.5')"),
    "an imported class": ("from fractions import Fraction\n", "Fraction({i}, 7)"),
    "a namedtuple": ("from collections import namedtuple\nP = namedtuple('P', 'x y')\n",
                     "P({i}, 'a')"),
    "date": ("from datetime import date\n", "date(2020, 1, 15)"),
    "datetime.date": ("import datetime\n", "datetime.date(2020, 1, 15)"),
    "range": ("", "range({i})"),
    "bytearray": ("", "bytearray(b'ab{i}')"),
}
# calls whose results JSON holds (the encoder's tags), or that turn an object back into data
DATA_CALLS = {
    "frozenset": ("", "frozenset({{{i}, 'a'}})"),
    "OrderedDict": ("from collections import OrderedDict\n", "OrderedDict(a={i})"),
    "dict": ("", "dict(a={i})"),
    "str(Decimal)": ("from decimal import Decimal\n", "str(Decimal('{i}.5'))"),
    "list(range)": ("", "list(range(3))"),
    "array.array": ("import array\n", "array.array('i', [{i}, 2])"),
}


def _table_of_calls(head: str, call: str, rows: int = 1_500, name: str = "TABLE") -> str:
    return (head + f"\n{name} = {{\n"
            + "\n".join(f"    'k{i}': ({i}, {call.format(i=i)}, 'row {i}')," for i in range(rows))
            + "\n}\n")


def _agreed_fix(module: Path, text: str) -> Fix:
    """The finding's fix for a module of `text`, once scan and extractor are seen to agree."""
    write(module, text)
    [found] = _findings(module)
    _assert_agrees(module, [found])
    assert found.fix is not None
    return found.fix


@pytest.mark.parametrize("shape", sorted(OBJECT_CALLS))
def test_values_json_cannot_hold_are_offered_no_extraction(tmp_path: Path, shape: str) -> None:
    fix = _agreed_fix(tmp_path / "table.py", _table_of_calls(*OBJECT_CALLS[shape]))
    # (a class of the module: "nothing can be moved: ... a class this module defines")
    assert "nothing c" in _extractor_says(tmp_path / "table.py", evaluate=True)
    assert fix.action is ActionKind.NONE
    assert fix.description.startswith("no extraction offered: most of the data (TABLE)")
    assert "would leave it in place" in fix.description


@pytest.mark.parametrize("shape", sorted(DATA_CALLS))
def test_values_json_holds_are_advice_to_evaluate(tmp_path: Path, shape: str) -> None:
    fix = _agreed_fix(tmp_path / "table.py", _table_of_calls(*DATA_CALLS[shape]))
    assert "--evaluate: values built by" in fix.description


def test_objects_beside_more_data_are_named_as_staying(tmp_path: Path) -> None:
    """A table of patterns beside a bigger plain one: the advice stays, and says that the
    patterns stay in place (the extractor moves ROWS and leaves PATTERNS, with a note)."""
    fix = _agreed_fix(tmp_path / "table.py",
                      _table_of_calls("import re\n", "re.compile(r'a{i}+')", 600, "PATTERNS")
                      + _table_of_calls("", "frozenset({{{i}}})", 1_500, "ROWS"))
    assert "--evaluate: values built by" in fix.description
    assert "PATTERNS stays in place: the objects of re.compile()" in fix.description


# dic-12: a callee was judged by its name alone (a capitalised one builds objects): a module's
# own `def Row(...)` returning a dict got no offer, though `tidy extract --evaluate` moves what
# it returns; a lower-case class (an imported `deque`, a `namedtuple` bound to `row`) got the
# --evaluate advice the extractor then answered with "nothing could be moved". What the module
# defines or imports decides where it is known; the name only where it is not.
BUILT_BY_WHAT_IT_IS = {
    "a capitalised def": ("def Row(a, b):\n    return {'a': a, 'b': b}\n", "Row({i}, 'x')"),
    "a capitalised lambda": ("Row = lambda a, b: [a, b]\n", "Row({i}, 'x')"),
    "an imported function, capitalised alias": ("from json import loads as Loads\n",
                                                "Loads('[{i}, 1]')"),
}
OBJECTS_BY_WHAT_IT_IS = {
    "a lower-case namedtuple": ("from collections import namedtuple\n"
                                "row = namedtuple('row', 'x y')\n", "row({i}, 'a')"),
    "an imported deque": ("from collections import deque\n", "deque([{i}, 'a'])"),
    "datetime's time": ("from datetime import time\n", "time(12, 30, 15, {i})"),
    "SimpleNamespace under an alias": ("from types import SimpleNamespace as ns\n", "ns(a={i})"),
    "an ip network": ("from ipaddress import ip_network\n", "ip_network('10.0.0.0/8')"),
    "datetime under an alias": ("import datetime as dt\n", "dt.date(2020, 1, 15)"),
    "collections' deque, dotted": ("import collections\n", "collections.deque([{i}])"),
    "Decimal under a lower-case alias": ("from decimal import Decimal as dec\n",
                                         "dec('{i}.5')"),
    "a lower-case class of the module": ("class row:\n    def __init__(self, x):\n"
                                         "        self.x = x\n", "row({i})"),
}


@pytest.mark.parametrize("shape", sorted(BUILT_BY_WHAT_IT_IS))
def test_a_function_of_any_name_returning_data_is_advice_to_evaluate(tmp_path: Path,
                                                                     shape: str) -> None:
    fix = _agreed_fix(tmp_path / "table.py", _table_of_calls(*BUILT_BY_WHAT_IT_IS[shape]))
    assert "--evaluate: values built by" in fix.description, fix.description


@pytest.mark.parametrize("shape", sorted(OBJECTS_BY_WHAT_IT_IS))
def test_a_class_of_any_name_is_offered_no_extraction(tmp_path: Path, shape: str) -> None:
    fix = _agreed_fix(tmp_path / "table.py", _table_of_calls(*OBJECTS_BY_WHAT_IT_IS[shape]))
    assert fix.action is ActionKind.NONE
    assert "--evaluate:" not in fix.description, fix.description
    # (a class of the module: "nothing can be moved: ... a class this module defines")
    assert "nothing c" in _extractor_says(tmp_path / "table.py", evaluate=True)


# dic-13: a callee imported from the project itself was judged by its name: `from .models
# import Row`, a `def` there returning a dict, got no offer (capitalised: "a class"), and a
# lower-case class there got the --evaluate advice the extractor then answered with "nothing
# could be moved". The module it comes from is read (one hop, never imported): what it binds
# the name to decides, as for the module's own names.
FIRST_PARTY_FUNCTIONS = {
    "a def, imported relatively": ("def Row(a, b):\n    return {'a': a, 'b': b}\n",
                                   "from .models import Row\n", "Row({i}, 'x')"),
    "a def, imported absolutely": ("def Row(a, b):\n    return {'a': a, 'b': b}\n",
                                   "from pkg.models import Row\n", "Row({i}, 'x')"),
    "a lambda, through its module": ("Row = lambda a, b: [a, b]\n", "from . import models\n",
                                     "models.Row({i}, 'x')"),
    "a def, through a module alias": ("def Row(a, b):\n    return (a, b)\n",
                                      "import pkg.models as m\n", "m.Row({i}, 'x')"),
    "a def of the package's __init__": ("def Row(a, b):\n    return {'a': a}\n",
                                        "from . import Row\n", "Row({i}, 'x')"),
}
FIRST_PARTY_CLASSES = {
    "a lower-case class": ("class row:\n    def __init__(self, a, b):\n        self.a = a\n",
                           "from .models import row\n", "row({i}, 'x')"),
    "a lower-case namedtuple": ("from collections import namedtuple\n"
                                "row = namedtuple('row', 'a b')\n",
                                "from pkg.models import row\n", "row({i}, 'x')"),
    "Decimal, renamed there": ("from decimal import Decimal as num\n",
                               "from .models import num\n", "num('{i}.5')"),
    "a class, through its module": ("class row:\n    def __init__(self, a, b):\n"
                                    "        self.a = a\n", "from . import models\n",
                                    "models.row({i}, 'x')"),
}


def _package_fix(root: Path, models: str, head: str, call: str) -> Fix:
    """The finding's fix for pkg/table.py (a table of `call`s, `head` on top) beside
    pkg/models.py (or pkg/__init__.py, for `from . import Row`) holding `models`, once scan
    and extractor are seen to agree."""
    init = models if head == "from . import Row\n" else ""
    write(root / "pkg" / "__init__.py", init)
    write(root / "pkg" / "models.py", "" if init else models)
    module = write(root / "pkg" / "table.py", _table_of_calls(head, call))
    ctx = context(root=str(root), tracked=[], data_min_size=10_000,
                  big_files={"pkg/table.py": module.stat().st_size})
    found = [*data_in_code.check_data_modules(ctx)]
    _assert_agrees(module, found)
    [one] = found
    assert one.fix is not None
    return one.fix


@pytest.mark.parametrize("shape", sorted(FIRST_PARTY_FUNCTIONS))
def test_a_function_of_the_project_returning_data_is_advice_to_evaluate(tmp_path: Path,
                                                                        shape: str) -> None:
    fix = _package_fix(tmp_path, *FIRST_PARTY_FUNCTIONS[shape])
    assert "--evaluate: values built by" in fix.description, fix.description


@pytest.mark.parametrize("shape", sorted(FIRST_PARTY_CLASSES))
def test_a_class_of_the_project_is_offered_no_extraction(tmp_path: Path, shape: str) -> None:
    fix = _package_fix(tmp_path, *FIRST_PARTY_CLASSES[shape])
    assert fix.action is ActionKind.NONE
    assert "--evaluate:" not in fix.description, fix.description
    assert "nothing c" in _extractor_says(tmp_path / "pkg" / "table.py", evaluate=True)


# dic-13: naftawayh 0.4's create_verbstamp.py, a 460 kB dict and then a loop printing it the
# Python 2 way (`print "VERB_STAMP={";`): the scan offered `tidy extract`, whose parse then
# refused it. A Python 2 statement in the code makes the judge parse the module (its data
# blanked) and say the extractor's parse error; Python 3 prints are offered as before.
PY2_CODE = {
    "a print statement": "for _k in ROWS:\n\tprint \"%s,\" % (_k,);\nprint \"}\";\n",
    "an exec statement": "exec \"X = 1\"\n",
    # dic-14: every other Python 2 shape was still offered, then refused by the parse
    "an except with a comma": "try:\n    import json\nexcept ImportError, e:\n    json = None\n",
    "backticks": "SHOWN = `len(ROWS)`\n",
    "an octal without o": "MODE = 0777\n",
    "a ur string": "TITLE = ur'rows'\n",
    "a diamond": "if len(ROWS) <> 600:\n    raise SystemExit(1)\n",
    "a long": "COUNT = 600L\n",
    "tabs after spaces": "if ROWS:\n        _first = 1\n\t_last = 2\n",
    "a raise with a comma": "def check():\n    raise ValueError, 'no rows'\n",
}
PY3_CODE = {
    "a print call, spaced": "print (len(ROWS))\n",
    "a print call": "print(len(ROWS))\n",
    "a print call in a loop": "for _k in ROWS:\n    print('%s,' % (_k,))\n",
    # Python 2's print to a file is Python 3 syntax too (a shift, then a tuple): it parses
    "a print to a file, Python 2's": "import sys\nprint >>sys.stderr, len(ROWS)\n",
    "print named in a docstring": "def f():\n    \"\"\"\n    print it out\n    \"\"\"\n",
    # dic-14: the Python 3 spellings of the Python 2 shapes above, and what warns at parse
    "an except with as": "try:\n    import json\nexcept (ImportError, OSError) as e:\n"
                         "    json = None\n",
    "an octal with o": "MODE = 0o777\n",
    "an rb string": "TITLE = rb'rows'\n",
    "tabs only": "if ROWS:\n\t_first = 1\n\t_last = 2\n",
    "a raise with a call": "def check():\n    raise ValueError('no rows')\n",
    "an invalid escape": "PATTERN = '\\d+'\n",
}


@pytest.mark.parametrize("shape", sorted(PY2_CODE))
def test_a_module_of_python_2_code_is_offered_no_extraction(tmp_path: Path, shape: str) -> None:
    module = write(tmp_path / "table.py", TABLE + "\n" + PY2_CODE[shape])
    [found] = _findings(module)
    refusal = _extractor_says(module)
    assert refusal.startswith("line ") and found.fix is not None
    assert found.fix.action is ActionKind.NONE
    assert refusal.removesuffix("; nothing written") in found.fix.description


@pytest.mark.parametrize("shape", sorted(PY3_CODE))
def test_a_module_of_python_3_prints_is_offered(tmp_path: Path, shape: str) -> None:
    module = write(tmp_path / "table.py", TABLE + "\n" + PY3_CODE[shape])
    found = _findings(module)
    _assert_agrees(module, found)
    assert [f.fix.action for f in found if f.fix is not None] == [ActionKind.EXTRACT]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(st.sampled_from(sorted({**PY2_CODE, **PY3_CODE}.values())), max_size=2),
       after=st.lists(st.sampled_from(sorted({**PY2_CODE, **PY3_CODE}.values())), max_size=3))
def test_code_of_either_python_is_offered_exactly_when_the_extractor_would_write(
        tmp_path: Path, before: list[str], after: list[str]) -> None:
    """A table with code lines of Python 3 and Python 2 shapes before and after it: the scan
    offers an extraction exactly when `tidy extract --dry-run` would write, and where the
    extractor's parse refuses, the finding says its words."""
    module = write(tmp_path / "table.py", "".join(before) + TABLE + "\n" + "".join(after))
    found = _findings(module)
    _assert_agrees(module, found)
    refusal = _extractor_says(module)
    if refusal.startswith("line "):
        assert any(f.fix is not None and refusal in f.fix.description for f in found)
