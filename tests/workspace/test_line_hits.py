"""The reference search's hits in C (_fastmeasure.line_hits and expanded_hits) answer what
the Python twins answer (content._compact_hits(content._with_lines(...)) and
content._expanded_hits, which TIDY_PURE_PYTHON=1 runs): the same rows, lines and texts for
any bytes and matches, the same hits made back from any rows, a cache's malformed ones too."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.workspace import content, pickaxe

_C_OFF = pytest.mark.skipif(bool(os.environ.get("TIDY_PURE_PYTHON")),
                            reason="the C loop is turned off on purpose")

# Bytes a line is made of: word bytes (a hit touching one is inside a word), the whitespace
# bytes.strip() takes off (and \x1c-\x1f, which str.strip() would take, bytes.strip() not),
# newlines, and bytes that are no UTF-8 alone (the text's U+FFFD).
_PIECES = [b"a", b"b", b"ab", b"ba", b"_", b"9", b"Z", b" ", b"\t", b"\n", b"\r", b"\x0b",
           b"\x0c", b"\x1c", b"-", b".", b"/", b"\xc3", b"\xa9", b"\xe2\x82", b"\xff", b"\0",
           "é".encode(), "€".encode(), b"x" * 250, b" " * 210]
_HAY = st.lists(st.sampled_from(_PIECES), max_size=60).map(b"".join)
_PATTERNS = st.lists(st.sampled_from([b"a", b"ab", b"ba", b"b", b"a\nb", b"\n", b" a", b"x",
                                      b"b-a", b"\xc3"]), min_size=1, max_size=5, unique=True)


def _python_rows(hay: bytes, found: list[tuple[int, int, int]]) -> list[list[object]]:
    return content._compact_hits(content._with_lines(hay, found))


def _c_rows(hay: bytes, found: list[tuple[int, int, int]]) -> list[list[object]]:
    from tidy.workspace._fastmeasure import line_hits

    return line_hits(hay, found, content.LINE_SHOWN)


@_C_OFF
@settings(max_examples=600, deadline=None)
@given(hay=_HAY, patterns=_PATTERNS)
def test_the_c_rows_of_a_search_are_the_python_ones(hay: bytes, patterns: list[bytes]) -> None:
    """The matches as the search finds them (overlapping, in the automaton's order, through
    the screen's windows), rows and hits made back the same."""
    found = pickaxe.automaton(patterns).find_matches_as_indexes(hay, overlapping=True)
    rows = _c_rows(hay, found)
    assert rows == _python_rows(hay, found)
    assert [list(map(type, row)) for row in rows] == [
        list(map(type, row)) for row in _python_rows(hay, found)]
    from tidy.workspace._fastmeasure import expanded_hits

    assert expanded_hits(rows) == content._expanded_hits(rows)
    if not any(b"\n" in pattern for pattern in patterns):
        # (a hit of a pattern holding a newline shows its own text, which the compact rows
        # give up for the line's first: as on the base, where both sides are Python)
        assert expanded_hits(rows) == list(content._with_lines(hay, found))


@st.composite
def _hay_and_matches(draw: st.DrawFn) -> tuple[bytes, list[tuple[int, int, int]]]:
    """Any matches within the bytes, in any order, some with the same start (the sort must
    keep their order, as sorted() does)."""
    hay = draw(_HAY)
    spans = st.integers(0, len(hay)).flatmap(
        lambda start: st.tuples(st.integers(0, 3), st.just(start),
                                st.integers(start, len(hay))))
    return hay, draw(st.lists(spans, max_size=30))


@_C_OFF
@settings(max_examples=600, deadline=None)
@given(case=_hay_and_matches())
def test_the_c_rows_of_any_matches_are_the_python_ones(
        case: tuple[bytes, list[tuple[int, int, int]]]) -> None:
    hay, found = case
    assert _c_rows(hay, found) == _python_rows(hay, found)


_ROW = st.one_of(
    st.lists(st.integers(0, 3), min_size=2, max_size=2),
    st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from(["", "a", "b c"])).map(list),
    st.lists(st.one_of(st.integers(0, 3), st.booleans(), st.none(), st.text(max_size=2),
                       st.floats(allow_nan=False)), max_size=4),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),  # a tuple is no row of the cache's
    st.none(), st.integers(), st.text(max_size=2))


@_C_OFF
@settings(max_examples=800, deadline=None)
@given(raw=st.lists(_ROW, max_size=20))
def test_the_c_expansion_of_any_rows_is_the_python_one(raw: list[object]) -> None:
    """The cache is untrusted: rows of neither shape, bools for ints, a line no earlier row
    gave the text of, are left out by both."""
    from tidy.workspace._fastmeasure import expanded_hits

    assert expanded_hits(raw) == content._expanded_hits(raw)


@_C_OFF
def test_the_search_uses_the_c_rows_where_built() -> None:
    from tidy.workspace._fastmeasure import expanded_hits

    assert content._rows_expanded is expanded_hits
    hay = b"import d3\nx = 'replace' # d3 and d3\n" + b"d3," * 100
    found = pickaxe.automaton([b"d3", b"ace"]).find_matches_as_indexes(hay, overlapping=True)
    rows = content._hit_rows(hay, found)
    assert rows[:3] == [[0, 1, "import d3"], [0, 2, "x = 'replace' # d3 and d3"], [0, 2]]
    assert len(rows) == 103 and rows[3] == [0, 3, ("d3," * 100)[:content.LINE_SHOWN]]
    assert rows == _python_rows(hay, found)
