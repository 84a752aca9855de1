"""Statements of a module's bytes without tokenizing the bulk of it.

A regex over every string token of a 51 MB data module runs at ~35 MB/s here (4 million
strings, ~0.3 us of engine work each), so the bulk is never tokenized. What is cheap: finding
the few lines that start at the statement's indentation with a name, `@`, `(` or `[`
(`\\n(?=[A-Za-z_@(\\[])` is a memchr-speed search), the triple-quoted strings (`bytes.find`), and
counting brackets between two such lines (literalscan.bracket_depth: a byte loop that passes
over one-line strings and comments). A line at the indentation that starts with a keyword or an
assignment head (`NAME =`, `T[0x36] =`, an unpacking `(A, B) =`) starts a statement; a `(` or
`[` line after a comma or an opening bracket is a row of a value; any other such line starts
one when the brackets counted since the statement began are balanced (a bracket in a string,
`X = '('`, counted until dic-10, hid the statement after it). F-strings are read as Python
3.12 reads them (PEP 701: `f"{d["("]}"` is one string; a field may go on over lines, and a
line in it starts nothing), whatever Python the scan runs on (dic-11). The judgement built on
it is a detection, checked exactly again by the extractor before anything is written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from tidy.analysis.data_in_code.literalscan import (
    F_PREFIX,
    bracket_depth,
    find,
    fstring_end,
    fstring_prefix,
    outside_strings,
    triple_run,
)

_SINGLE = rb"'[^'\\\n]*(?:\\[\s\S][^'\\\n]*)*'|\"[^\"\\\n]*(?:\\[\s\S][^\"\\\n]*)*\""
_LINE_PREFIX = re.compile(_SINGLE)
_NAME = rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*"
_KEYWORDS = (rb"import|from|if|elif|else|for|while|try|except|finally|with|return|raise|del"
             rb"|pass|assert|global|nonlocal|yield|async|await")
# What a line at the statement indentation starts with: a def or class (and its name), another
# keyword or a decorator, an assignment head `NAME [: annotation] =`, or just a name.
# A literal key of an item assignment: a number or a one-line string without escapes.
_KEY = (rb"-?(?:0[xXoObB][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?)"
        rb"|[rbuRBU]?'[^'\\\n]*'|[rbuRBU]?\"[^\"\\\n]*\"")
# Blanks inside the brackets of a target list: newlines, comments, continuations
_GAP = rb"(?:[ \t\r\n\f]|\\\r?\n|#[^\n]*)*"
_BRACKETED_NAMES = rb"(?:" + _GAP + _NAME + _GAP + rb"," + rb")+(?:" + _GAP + _NAME + rb")?" + _GAP
# Target lists of plain names with a comma: bracketed over lines, or on one line
_UNPACK_TARGETS = (rb"\(" + _BRACKETED_NAMES + rb"\)|\[" + _BRACKETED_NAMES + rb"\]"
                   rb"|" + _NAME + rb"(?:[ \t]*,[ \t]*" + _NAME + rb")+(?:[ \t]*,)?"
                   rb"|" + _NAME + rb"[ \t]*,")
_TARGET_NAME = re.compile(_NAME)
_COMMENT = re.compile(rb"#[^\n]*")
_HEAD = (rb"(?:(?:async[ \t]+)?(?P<def>def)|(?P<class>class))[ \t]+(?P<name>" + _NAME + rb")"
         rb"|(?P<keyword>(?:" + _KEYWORDS + rb")(?![\w\x80-\xff])|@)"
         rb"|(?P<target>" + _NAME + rb")[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*"
         # an item put into a table: `TABLE[0x3665] = '...'` (scapy's automotive
         # definitions), `d["k"] = v`, `TABLE.update({...})`, `.extend([...])`, `.append(...)`
         rb"|(?P<table>" + _NAME + rb"(?:\." + _NAME + rb")*)(?:[ \t]*\[[ \t]*(?:" + _KEY
         + rb")[ \t]*\][ \t]*=(?!=)[ \t]*|\.(?:update|extend|append)(?=\())(?P<item>)"
         # names bound by unpacking: `(AUTUMN_BREAK, ..., SUMMER_BREAK) = range(6)` (holidays'
         # germany_school.py), `A, B = 1, 2`, `[A, B] = ...`
         rb"|(?P<targets>" + _UNPACK_TARGETS + rb")[ \t]*=(?!=)[ \t]*(?P<unpack>)"
         rb"|(?=[A-Za-z_\x80-\xff(\[])")
_FIRST_HEAD = re.compile(_HEAD)
ASSIGN_HEAD = re.compile(rb"(?P<name>" + _NAME + rb")[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*")


class ScanError(ValueError):
    """The bytes do not hold a module the scanner can split (an unterminated string)."""


class Segment(NamedTuple):
    """One statement: data[start:end] (end is where the next statement starts). A tuple: a
    module has thousands of statements, and the judgement makes one for each."""

    start: int
    end: int
    kind: str  # assign, def, class, item (`TABLE[key] = value`, `TABLE.update(...)`),
    # unpack (`(A, B) = range(2)`, `A, B = 1, 2`), other
    name: str = ""  # unpack: the first name
    value_start: int = -1  # assign, item, unpack: where the value begins
    names: tuple[str, ...] = ()  # unpack: every name bound


def triple_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of every triple-quoted string, start at its first quote: the plain ones
    found by _literalscan.c's triple_run where it was built, each quote it leaves undecided
    (a quote before it on its line, an f-string or raw prefix, a string never closed) by
    triple_spans_in_python's rules, then on with the C loop after it; else all in Python.
    The same spans either way (tests/analysis/test_segments.py)."""
    if triple_run is None:
        return triple_spans_in_python(data)
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        found, at = triple_run(data, pos, spans[-1][1] if spans else 0)
        spans += found
        if at < 0:
            return spans
        end = _string_at(data, at, spans[-1][1] if spans else 0)
        if end is None:
            pos = at + 1  # in a comment or a one-line string
        else:
            spans.append((at, end))
            pos = end


def _string_at(data: bytes, at: int, floor: int) -> int | None:
    """Where the triple-quoted string opened by the triple quote at `at` ends; None when that
    quote opens none (it is in a comment or a one-line string); raises ScanError when it is
    never closed. triple_spans_in_python's rules for one quote."""
    if not _opens_here(data, at, floor):
        return None
    end = _closing(data, at + 3, data[at:at + 3])
    raw = fstring_prefix(data, 0, at) if at and data[at - 1] in _PREFIX_ENDS else None
    if raw is not None:
        # an f-string, whose fields may hold its own triple quote (Python 3.12, PEP 701:
        # f"""{d["""k"""]}"""): read as 3.12 reads it, where it closes at all
        end = max(fstring_end(data, at, len(data), raw), end)
    if end < 0:
        line = data.count(b"\n", 0, at) + 1
        raise ScanError(f"line {line}: a triple-quoted string is never closed")
    return end


def triple_spans_in_python(data: bytes) -> list[tuple[int, int]]:
    """triple_spans' answer by a loop in Python (TIDY_PURE_PYTHON, or no C module)."""
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(data)
    next_at = {b'"""': find(data, b'"""', 0), b"'''": find(data, b"'''", 0)}
    while pos < size:
        live = [(at, q) for q, at in next_at.items() if at >= 0]
        if not live:
            break
        at, quote = min(live)
        end = _string_at(data, at, spans[-1][1] if spans else 0)
        if end is None:
            next_at[quote] = find(data, quote, at + 1)
            continue
        spans.append((at, end))
        pos = end
        # Search again only where the last hit lies behind: a quote that never occurs is
        # not searched for again (that was quadratic on docstring-heavy modules).
        next_at = {q: find(data, q, end) if 0 <= at_q < end else at_q
                   for q, at_q in next_at.items()}
    return spans


_PREFIX_ENDS = frozenset(b"fFtTrR")  # the last letter of an f-string's (or t-string's) prefix


def _opens_here(data: bytes, at: int, floor: int) -> bool:
    """Is the triple quote at `at` code, not inside a comment or a one-line string?"""
    line_start = max(data.rfind(b"\n", 0, at) + 1, floor)
    prefix = data[line_start:at]
    if b"'" not in prefix and b'"' not in prefix:
        return b"#" not in prefix  # (a docstring's line: google-genai's types.py has 12,000)
    if F_PREFIX.search(prefix) is not None:  # an f-string may hold its own quote (PEP 701)
        return outside_strings(prefix)
    prefix = _LINE_PREFIX.sub(b"", prefix)
    return b"#" not in prefix and b"'" not in prefix and b'"' not in prefix


def _closing(data: bytes, pos: int, quote: bytes) -> int:
    while True:
        found = find(data, quote, pos)
        if found < 0:
            return -1
        slashes = 0
        while data[found - 1 - slashes] == 92:  # backslash
            slashes += 1
        if slashes % 2 == 0:
            return found + 3
        pos = found + 1


class Splitter:
    """Statements at one indentation of a region of the bytes."""

    def __init__(self, data: bytes, spans: list[tuple[int, int]]) -> None:
        self.data = data
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def in_string(self, pos: int) -> bool:
        index = bisect.bisect_right(self._starts, pos) - 1
        return index >= 0 and pos < self.spans[index][1]

    def span_at(self, pos: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        if index >= 0 and pos < self.spans[index][1]:
            return self.spans[index]
        return None

    def masked(self, start: int, stop: int) -> bytes:
        """data[start:stop] with each whole triple-quoted string in it as one \\x01 marker:
        a docstring or a text constant costs nothing to scrub. A cut one stays as it is."""
        data = self.data
        index = max(bisect.bisect_left(self._starts, start), 0)
        pieces, pos = [], start
        while index < len(self.spans) and self.spans[index][0] < stop:
            begin, end = self.spans[index]
            if end > stop:
                break
            pieces += [data[pos:begin], b"\x01"]
            pos = end
            index += 1
        if not pieces:
            return data[start:stop]
        pieces.append(data[pos:stop])
        return b"".join(pieces)

    def depth(self, start: int, stop: int) -> tuple[int, int]:
        """(Brackets opened minus closed in data[start:end] (from a line start outside any
        string), those in strings and comments not counted: `X = '('` leaves none open; where
        an f-string that `stop` cuts in a replacement field begins, or -1: the count stopped
        there)."""
        data, total, pos = self.data, 0, start
        index = bisect.bisect_right(self._starts, start) - 1
        index = max(index, 0)
        spans = self.spans
        while pos < stop:
            while index < len(spans) and spans[index][1] <= pos:
                index += 1
            cut = stop
            if index < len(spans) and spans[index][0] < stop:
                cut = max(pos, spans[index][0])
            # the triple-quoted strings are the spans' (triple_spans); between them the
            # one-line strings and comments are skipped by the count itself
            count, cut_at = bracket_depth(data, pos, cut)
            total += count
            if cut_at >= 0 or cut >= stop:
                return total, cut_at
            pos = spans[index][1]
        return total, -1

    def split(self, start: int, stop: int, indent: bytes) -> list[Segment]:
        """Statements that begin at `indent` in data[start:stop]."""
        return list(self.statements(start, stop, indent))

    def statements(self, start: int, stop: int, indent: bytes) -> Iterator[Segment]:
        """The same statements, in order, each found only when asked for (a caller that
        stops early does not pay for splitting the rest of a long block)."""
        previous: tuple[int, re.Match[bytes]] | None = None
        for head in self._heads(start, stop, indent):
            if previous is not None:
                yield _segment(previous[1], previous[0], head[0])
            previous = head
        if previous is not None:
            yield _segment(previous[1], previous[0], stop)

    def _heads(self, start: int, stop: int,
               indent: bytes) -> Iterator[tuple[int, re.Match[bytes]]]:
        data, spans = self.data, self.spans
        current = -1
        # the brackets open from `current` up to `counted` (counted on from there, not from
        # the statement's start again: rows at the indentation would make that quadratic)
        counted, opened = -1, 0
        if start == 0 and not indent:
            # (after a UTF-8 BOM, which is no name byte: libqutrub's triverbtable.py was
            # judged to bind "\ufeffTriVerbTableMap")
            head = 3 if data.startswith(b"\xef\xbb\xbf") else 0
            first = _FIRST_HEAD.match(data, head)
            if first is not None:
                yield head, first
                current = counted = head
        skip, index, count = len(indent) + 1, 0, len(spans)
        # A literal prefix (newline + indentation) the engine finds at memchr speed; the
        # statement head is matched only at those lines.
        for line in _line_starts(indent).finditer(data, max(start - 1, 0), stop):
            newline = line.start()
            at = newline + skip
            while index < count and spans[index][1] <= at:
                index += 1
            if at <= start or (index < count and spans[index][0] < at):
                continue  # inside a triple-quoted string
            if data[newline - 1] == 92 or (data[newline - 1] == 13 and data[newline - 2] == 92):
                continue  # a backslash continuation
            if data[at] in b"([" and _inside_brackets(data, newline):
                # a table's row written at the indentation, `(1, 'a'),`: passed over without
                # a bracket count
                continue
            match = _FIRST_HEAD.match(data, at)
            assert match is not None  # its last alternative matches any name start, ( and [
            kind = match.lastgroup
            if current >= 0 and (kind is None or kind == "unpack" or (
                    kind == "item" and data[match.end():match.end() + 1] == b"(")):
                # (`T[0x3665] = '...'` starts a statement as `NAME =` does: an assignment
                # is no part of a value; `T.update(` may be an argument, and `x, y=1` in
                # `f(\nx, y=1)` is one: counted)
                delta, cut_at = self.depth(counted, at)
                opened += delta
                if cut_at >= 0:
                    # inside an f-string's field that goes on over lines (3.12, PEP 701): no
                    # statement; counted again from its start, to read it whole
                    counted = cut_at
                    continue
                counted = at
                if opened != 0:
                    continue  # a name or a row at the indentation inside brackets: a value's
            yield at, match
            current = counted = at
            opened = 0


@lru_cache(maxsize=64)
def _line_starts(indent: bytes) -> re.Pattern[bytes]:
    """Lines at the indentation that may start a statement: with a name or `@`, `(` or `[`
    (`(A, B) = range(2)`, `[A, B] = ...`, `(f)(x)`). (A lookbehind for the line before
    cost the search 70 % more on every module: _heads looks at the few `(` lines instead.)"""
    return re.compile(rb"\n" + re.escape(indent) + rb"(?=[A-Za-z_@\x80-\xff(\[])")


def _inside_brackets(data: bytes, newline: int) -> bool:
    """The line before ends with a comma or an opening bracket, and holds no comment (which
    may end in one: `# between (`): the next one goes on inside brackets."""
    back = newline - 1
    if back >= 0 and data[back] == 13:
        back -= 1
    if back < 0 or data[back] not in b",([{":
        return False
    return data.find(b"#", data.rfind(b"\n", 0, back) + 1, back) < 0


def _segment(match: re.Match[bytes], at: int, end: int) -> Segment:
    kind = match.lastgroup
    if kind == "name":
        name = match.group("name").decode("utf-8", "replace")
        return Segment(at, end, "def" if match.group("def") else "class", name)
    if kind == "target":
        return Segment(at, end, "assign", match.group("target").decode("utf-8", "replace"),
                       match.end())
    if kind == "item":
        return Segment(at, end, "item", match.group("table").decode("utf-8", "replace"),
                       match.end())
    if kind == "unpack":
        targets = _COMMENT.sub(b"", match.group("targets"))
        names = tuple(n.decode("utf-8", "replace") for n in _TARGET_NAME.findall(targets))
        return Segment(at, end, "unpack", names[0], match.end(), names)
    return Segment(at, end, "other")


def trimmed_end(data: bytes, start: int, end: int) -> int:
    """`end` moved back over trailing blanks and whole comment lines (no copy of the span:
    a value can be one line of megabytes)."""
    while end > start:
        while end > start and data[end - 1] in b" \t\r\n\x0c":
            end -= 1
        line_start = max(data.rfind(b"\n", start, end) + 1, start)
        head = line_start
        while head < end and data[head] in b" \t\x0c":
            head += 1
        if head < end and data[head] != 35:  # not a comment line
            return end
        end = line_start
    return end
