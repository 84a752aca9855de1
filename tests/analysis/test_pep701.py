"""Python 3.12 f-strings (PEP 701) in the scan, which runs on 3.11 and reads bytes: a field may
hold the f-string's own quote (`f"{d["("]}"`), nested f-strings, comments, and go on over lines.
The statement splitter's bracket count (literalscan.bracket_depth, C and Python) read
`f"{d["` as a string and counted the `(` after it: every statement after it was taken as part
of that value (a table after it was never judged). Here the count is 3.12 tokenize's, and the
splitter's statement starts are 3.12 ast's, where a 3.12 or later interpreter is on the
machine (asked once for a batch of texts: each run costs ~50 ms); the explicit cases need
none."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.analysis.data_in_code import judge_python, literalscan
from tidy.analysis.data_in_code.segments import Splitter, triple_spans

# Pieces of 3.12 source for the bracket count: f-strings reusing their quote, nested,
# with format specs, escapes, fields over lines, comments in fields; and bytes around them
FSTRING_PIECES = (
    'f"{d["("]}"', "f'{d['[']}'", 'f"{x:{"<"}{3}}"', 'f"{f"{f"{1}"}"}"', 'f"\\{{{d["{"]}"',
    'rf"\\N{{x}}{d["]"]}"', 'f"\\N{DIGIT ONE}("', 'f"{", ".join([\n"a",  # c )\n])}"',
    'f"{x!r:>{w}}"', 'f"{x = }"', "f'{x:{'}'}}'", 'F"{d["]"]!s}"', 'f"{ {"a": 1}["a"] }"',
    'f"""{d["""k"""]}\n("""', "f'''{x[''']''']}'''", 'f"{(lambda: ")")()}"', 'f"{{(}}"',
    'f"{"\\n".join(y)}"', 'f"{x # ( \n}"', 'f"{1:\\"}"', 'rf"\\{(}"', "(", ")", "[", "]",
    "{", "}", "'('", '"]"', "x", "1 ", "\n", "# (\n", " ", ",", "=", "'''(\n'''", "b'{'",
)


def _newer_python() -> str | None:
    """A Python 3.12 or later that runs on this machine (pyenv's interpreters first: its
    shims on PATH need a pyenv setup that HOME, a tmp dir in tests, lacks), or None."""
    candidates: list[str] = []
    for root in filter(None, (os.environ.get("PYENV_ROOT"), "/root/.pyenv", "/opt/pyenv")):
        candidates += sorted(glob.glob(f"{root}/versions/3.1[2-9]*/bin/python3"), reverse=True)
    candidates += filter(None, (shutil.which(f"python3.{minor}") for minor in (14, 13, 12)))
    for candidate in candidates:
        try:
            done = subprocess.run([candidate, "-I", "-c", "import sys; "
                                   "sys.exit(sys.version_info < (3, 12))"],
                                  capture_output=True, timeout=30, check=False)
        except OSError:
            continue
        if done.returncode == 0:
            return candidate
    return None


_ORACLE = r"""
import ast, io, json, sys, tokenize
out = []
for text in json.load(sys.stdin):
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
        depth = sum({"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(t.string, 0)
                    for t in tokens if t.type == tokenize.OP)
    except (tokenize.TokenError, SyntaxError):
        depth = None
    try:
        lines = [0]
        for line in text.encode().split(b"\n"):
            lines.append(lines[-1] + len(line) + 1)
        starts = [lines[n.lineno - 1] + n.col_offset for n in ast.parse(text).body]
    except SyntaxError:
        starts = None
    out.append([depth, starts])
json.dump(out, sys.stdout)
"""


@lru_cache(maxsize=1)
def _oracle_python() -> str:
    found = _newer_python()
    if found is None:
        pytest.skip("no Python 3.12 or later here to read PEP 701 f-strings")
    return found


def _read_by_newer_python(texts: list[str]) -> list[tuple[int | None, list[int] | None]]:
    """For each text: 3.12 tokenize's brackets opened minus closed, and ast's top-level
    statement starts (byte offsets); None where it does not tokenize or parse."""
    done = subprocess.run([_oracle_python(), "-I", "-c", _ORACLE], input=json.dumps(texts),
                          capture_output=True, text=True, timeout=120, check=True)
    return [(depth, starts) for depth, starts in json.loads(done.stdout)]


_Count = Callable[[bytes, int, int], tuple[int, int]]


def _counts() -> list[_Count]:
    counts: list[_Count] = [literalscan.bracket_depth_in_python]
    try:
        from tidy.analysis.data_in_code import _literalscan
    except ImportError:
        return counts
    return [_literalscan.bracket_depth, *counts]


def _texts(pieces: tuple[str, ...], size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


@settings(max_examples=12, deadline=None)
@given(st.lists(_texts(FSTRING_PIECES, 12), min_size=60, max_size=60))
def test_the_bracket_count_is_python_3_12_tokenizes(texts: list[str]) -> None:
    """Where 3.12 tokenizes a text, the count (C and Python) is its brackets'."""
    for text, (depth, _) in zip(texts, _read_by_newer_python(texts), strict=True):
        if depth is None:
            continue
        data = text.encode()
        for count in _counts():
            assert count(data, 0, len(data)) == (depth, -1), (text, count)


@settings(max_examples=300, deadline=None)
@given(data=_texts(FSTRING_PIECES, 20).map(str.encode), start=st.integers(-3, 120),
       end=st.integers(-3, 130))
def test_c_and_python_count_the_same_around_f_strings(data: bytes, start: int,
                                                       end: int) -> None:
    """On any cut of such bytes (a cut inside a field counts the brackets open there)."""
    counts = _counts()
    if len(counts) == 1:
        pytest.skip("the C extension is not built here")
    assert counts[0](data, start, end) == counts[1](data, start, end), data


# Statements of 3.12 source ({i} makes names unique)
FSTRING_STATEMENTS = (
    'X{i} = f"{{d["("]}}"', "X{i} = f'{{d['[']}}'", 'X{i} = f"{{x:{{"<"}}{{3}}}}"',
    'X{i} = f"{{", ".join([\n"a",  # c )\n])}}"', 'X{i} = f"{{f"{{f"{{1}}"}}"}}"',
    'print(f"{{x(\ny{i})}}")', 'X{i} = f"{{foo(\nbar, "(")}}" + str(1)',
    'X{i} = f"""{{d["""k"""]}}\n("""', 'X{i} = f"\\{{{{{{d["{{"]}}"',
    'X{i} = rf"\\N{{{{x}}}}{{d["]"]}}"', 'X{i} = [f"{{r["("]}}", 1]', "T{i} = {{'a': (1, 2)}}",
    'def f{i}():\n    return f"{{d["["]}}"', "print({i})", "(A{i}, B{i}) = range(2)",
    "X{i} = '('", "X{i} = f'{{1}}('",
)


@settings(max_examples=10, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FSTRING_STATEMENTS), min_size=1, max_size=8),
                min_size=40, max_size=40))
def test_the_splitter_finds_the_statements_python_3_12_parses(
        modules: list[list[str]]) -> None:
    texts = ["\n".join(p.format(i=i) for i, p in enumerate(pieces)) + "\n"
             for pieces in modules]
    for text, (_, starts) in zip(texts, _read_by_newer_python(texts), strict=True):
        assert starts is not None, text  # every piece is 3.12 source
        data = text.encode()
        found = Splitter(data, triple_spans(data)).split(0, len(data), b"")
        assert [s.start for s in found] == starts, text


# The same shapes with the statements written out (no newer Python needed): after the f-string
# a statement the splitter finds by its bracket count (a call), then an item put into a table
LABELS = (
    'f"{d["("]}"', "f'{d['[']:>{w}}'", 'f"{", ".join([\n    "a",  # (\n])}"',
    'f"""{d["""k"""]}\n("""', 'f"{f"{f"{"("}"}"}"', 'f"{x(\ny)}"', 'rf"\\N{{x}}{d["]"]}"',
)


@pytest.mark.parametrize("label", LABELS)
def test_a_pep_701_f_string_hides_no_statement(label: str) -> None:
    module = f"LABEL = {label}\nprint(LABEL)\nTABLE.update({{1: 2}})\nprint(1)\n".encode()
    found = Splitter(module, triple_spans(module)).split(0, len(module), b"")
    assert [(s.kind, s.name) for s in found] == [
        ("assign", "LABEL"), ("other", ""), ("item", "TABLE"), ("other", "")], module


@pytest.mark.parametrize("label", LABELS[:3])
def test_a_table_after_a_pep_701_f_string_is_judged(label: str) -> None:
    """The table put in after the label and a call is data: TDY301's judgement (on base, the
    call and the table were read as part of LABEL's value, code)."""
    rows = "\n".join(f"    {i}: ('row {i}', {i * 0.5})," for i in range(3000))
    module = (f'd = {{"(": 1, "[": 2}}\nw = 3\nTABLE = {{}}\nLABEL = {label}\nprint(LABEL)\n'
              f"TABLE.update({{\n{rows}\n}})\nprint(TABLE)\n").encode()
    verdict = judge_python(module)
    assert verdict.is_data and verdict.bindings[0].name.startswith("TABLE[")


@pytest.mark.parametrize(("text", "expected"), [
    (b'print(f"{x(\n', (1, 6)),  # the count stops at the f-string a field of which goes on
    (b'X = [rf"{x(\n', (1, 5)),
    (b'X = (f"{x(\ny)}")\n', (0, -1)),  # read whole
    (b'X = f"{x"\n', (0, -1)),  # its field never closed on a line it may not leave: broken
    (b'X = (f"a\n', (1, -1)),  # a one-line literal part never closed: the count ends there
    (b'X = [xf"{("]\n', (0, -1)),  # no f-string: a name, then a string
])
def test_an_f_string_cut_in_a_field_is_counted_again_from_its_start(
        text: bytes, expected: tuple[int, int]) -> None:
    for count in _counts():
        assert count(text, 0, len(text)) == expected, (text, count)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.binary(max_size=60), _texts(FSTRING_PIECES, 12).map(str.encode),
                 st.lists(st.sampled_from(list(b"fFtTrRbux'\" \n_a9\x80(")), max_size=30)
                 .map(bytes)))
def test_the_quick_look_for_an_f_string_misses_none(text: bytes) -> None:
    """bracket_depth_in_python reads token by token only where the quick look says an
    f-string's prefix may be before a quote: it says so wherever F_PREFIX finds one."""
    if literalscan.F_PREFIX.search(text) is not None:
        assert literalscan._may_hold_fstring(text)
