"""The scan's advice agrees with `tidy extract --dry-run` (plain and --evaluate) for a big
literal of any Python type holding one mark at any depth and place: code (a subscript, a
comprehension, an attribute read...), built (a call, a name: the extractor needs --evaluate),
or what ast.literal_eval still takes (`set()`, `1+2j`).

The literal is one row of a table long enough to be judged on sampled windows, so the mark is
in a window or between them; a built row inside the first window (`LABEL`) makes the windows
see a built value. dic-7 left this case: a value its windows find built, holding code between
them, was advised `tidy extract --evaluate`, which refused it ("no data binding").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tests.extract.test_scan_agrees import _assert_agrees, _findings
from tidy.core.models import ActionKind

ROWS = 3_000  # ~110 kB of rows: more than three 24 kB windows
HEAD = ("def u(text):\n    return text\n\n\ndef joiner(separator):\n    return separator.join\n\n\n"
        "LABEL = 'label'\nCOUNT = 2\nPAIR = (1, 2)\n\n")

# What a literal cannot hold. Code: no data binding, even with --evaluate
CODE = ("'abc'[1]", "[1, 2][0]", "PAIR[0]", "[i for i in (1, 2)]", "{i: i for i in (1,)}",
        "(i for i in ())", "lambda: 1", "1 if COUNT else 2", "COUNT < 3", "not COUNT",
        "not(COUNT)", "2 * 3", "LABEL.upper", "u('x').real", "(y := 1)", "COUNT ** 2",
        "'%s' % 1", "u.__name__", "[*PAIR][0]", "u('x')[0]")
# Built: the extractor takes them with --evaluate
BUILT = ("u('x')", "LABEL", "COUNT", "COUNT - 1", "COUNT + 1", "frozenset({1, 2})",
         "u(u('y'))", "'a'.upper()", "u(*['z'])", "len('ab')", "[*PAIR]", "{**{'k': 1}}",
         "dict(a=1)",
         # dic-9: a sign before a name, a call of what a call returns (judged code between
         # the windows: a missed offer)
         "-COUNT", "+COUNT", "-u(1)", "- COUNT - 1", "joiner('-')(['a', 'b'])",
         "joiner(',') (u(('x', 'y')))")
# Still literals to ast.literal_eval: the extractor writes them without --evaluate
LITERAL = ("set()", "1+2j", "(1)+2j", "-(1)", "...", "-1.5e-3", "b'('", "'u(x)'", "0x1F",
           "'''a\nu(b)'''")
MARKS = CODE + BUILT + LITERAL

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
_SCALAR = st.one_of(
    st.integers(-10**6, 10**6).map(repr),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    _TEXT.map(repr), st.binary(max_size=6).map(repr),
    st.sampled_from(("True", "False", "None", "...", "1+2j", "-3j", "0o17", "1_000", "set()")),
)


@dataclass(frozen=True)
class Node:
    """A literal: a scalar's text, or a container of nodes (dict: keys, then values)."""

    kind: str  # scalar, list, tuple, dict, set
    text: str = ""
    items: tuple[Node, ...] = ()
    keys: tuple[str, ...] = ()  # a dict's keys, a set's items: hashable scalars

    def slots(self) -> int:
        """Places a mark can go: each value of a list, tuple or dict, at any depth."""
        return 1 + sum(item.slots() for item in self.items)

    def render(self, mark: str, slot: int) -> tuple[str, int]:
        """The text, with the value at `slot` (counted depth first) replaced by the mark;
        and the slots left to count."""
        if slot == 0:
            return mark, -1
        slot -= 1
        parts = []
        for item in self.items:
            text, slot = item.render(mark, slot) if slot >= 0 else item.render(mark, -2)
            parts.append(text)
        if self.kind == "scalar":
            return self.text, slot
        if self.kind == "list":
            return "[" + ", ".join(parts) + "]", slot
        if self.kind == "tuple":
            return "(" + "".join(p + ", " for p in parts) + ")", slot
        if self.kind == "dict":
            pairs = zip(self.keys, parts, strict=True)
            return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}", slot
        return "{" + ", ".join(self.keys) + "}", slot


def _literal() -> st.SearchStrategy[Node]:
    scalar = _SCALAR.map(lambda text: Node("scalar", text))
    hashable = _SCALAR.filter(lambda text: text != "set()")

    def containers(kids: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        return st.one_of(
            st.lists(kids, max_size=4).map(lambda xs: Node("list", items=tuple(xs))),
            st.lists(kids, max_size=4).map(lambda xs: Node("tuple", items=tuple(xs))),
            st.lists(st.tuples(hashable, kids), max_size=3).map(
                lambda kv: Node("dict", items=tuple(v for _, v in kv),
                                keys=tuple(k for k, _ in kv))),
            st.lists(hashable, min_size=1, max_size=3).map(
                lambda xs: Node("set", keys=tuple(xs))))
    return st.recursive(scalar, containers, max_leaves=12)


def _table(outer: str, row: int, held: str, built_in_window: bool) -> str:
    rows = [f"({i}, 'row number {i}', {i * 0.5})" for i in range(ROWS)]
    rows[row] = held
    if built_in_window and row != 1:
        rows[1] = "(1, LABEL, 0.5)"
    if outer == "dict":
        body = "".join(f"    {i}: {r},\n" for i, r in enumerate(rows))
        return HEAD + "ROWS = {\n" + body + "}\n"
    opener, closer = ("[", "]") if outer == "list" else ("(", ")")
    return HEAD + f"ROWS = {opener}\n" + "".join(f"    {r},\n" for r in rows) + f"{closer}\n"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(literal=_literal(), mark=st.sampled_from(MARKS), slot=st.integers(0, 10**6),
       row=st.integers(0, ROWS - 1), outer=st.sampled_from(("list", "tuple", "dict")),
       built_in_window=st.booleans())
def test_a_mark_at_any_depth_is_advised_as_the_extractor_does(
        tmp_path: Path, literal: Node, mark: str, slot: int, row: int, outer: str,
        built_in_window: bool) -> None:
    held, _ = literal.render(mark, slot % literal.slots())
    module = write(tmp_path / "table.py", _table(outer, row, held, built_in_window))
    _assert_agrees(module, _findings(module))


@pytest.mark.parametrize("built_in_window", [True, False])
def test_code_between_the_windows_is_code(tmp_path: Path, built_in_window: bool) -> None:
    """dic-7's leftover, as it was found: `LABEL` in the first window (built: --evaluate
    advised), `'abc'[1]` at row 1,500 between the windows; the extractor refuses even with
    --evaluate, so no extraction may be advised (the module is not data). The same without
    `LABEL`: the value looks like a plain literal on its windows."""
    for code in ("'abc'[1]", "[i for i in (1, 2)]", "lambda: 1", "LABEL.upper"):
        for held in (f"(1, {code})", code):
            module = write(tmp_path / "table.py", _table("list", 1_500, held, built_in_window))
            _assert_agrees(module, _findings(module))
            assert _findings(module) == [], held


def test_objects_of_the_module_s_own_class_stay_reported(tmp_path: Path) -> None:
    """nameparser 2.6.0's tests/v2/cases.py: 800 kB of `Case(...)` rows (the module's own
    dataclass), one of which reads an Enum member between the windows. Their objects never
    move whatever else they hold, so the value is not read past its windows: the module stays
    reported with no extraction offered (read whole, it was judged code, a labelled miss)."""
    rows = [f"    Case({i}, 'row number {i}', {i * 0.5})," for i in range(ROWS)]
    rows[1_500] = "    Case(1500, Kind.B, 750.0),"
    module = write(tmp_path / "cases.py", "import enum\n\n\nclass Kind(enum.Enum):\n    A = 1\n"
                   "    B = 2\n\n\nclass Case:\n    def __init__(self, *args):\n"
                   "        self.args = args\n\n\nCASES = [\n" + "\n".join(rows) + "\n]\n")
    [found] = _findings(module)
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert "objects of Case" in found.fix.description, found.fix.description
    _assert_agrees(module, [found])


@pytest.mark.parametrize("prefix", ["f", "rf", "F", "fR"])
@pytest.mark.parametrize("lines", [900, 3_000])
def test_an_f_string_is_no_data(tmp_path: Path, prefix: str, lines: int) -> None:
    """`TEXT = f\"\"\"...\"\"\"` (astropy 8.0.1's wcs/docstrings.py holds four): no literal
    (ast.JoinedStr, placeholder or not) and no shape the extractor takes even with
    --evaluate; the windows read it as a plain string, and the scan offered an extraction
    the extractor refused. On one window or sampled: not data."""
    text = "\n".join(f"line {i} of a long text about nothing" for i in range(lines))
    module = write(tmp_path / "texts.py", f'X = 1\n\nTEXT = {prefix}"""\n{text}\n"""\n')
    found = _findings(module)
    _assert_agrees(module, found)
    assert found == [], [f.fix for f in found]
