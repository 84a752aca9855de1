"""Does a value's whole text hold anything a Python literal cannot (a call, a name, an
operator)? The sampled windows of values.py do not read all of a long value; before the scan
offers `tidy extract` for a binding that looked like a plain literal, the rest is read here
(phonenumbers' geodata modules: a `u('...')` at line 1,941 of 10,022 that the windows
skipped, so the scan offered an extraction the extractor refused: "use --evaluate").

`built_marks` reads a value the windows found built (a call, a name) the same way, for code
between them (`'abc'[1]`, a comprehension): whole.py.

`first_mark` and `built_marks` are `_literalscan.c` where it was built (~700 MB/s: a byte
loop), else the same rules in Python (`first_mark_in_python`, `built_marks_in_python`: plain
runs of lines taken whole, ~60-80 MB/s on data tables, ~6 MB/s token by token;
TIDY_PURE_PYTHON=1 picks them);
tests/analysis/test_literalscan.py holds the two equal. What a mark is: the C file's header.
"""

from __future__ import annotations

import keyword
import os
import re
from collections.abc import Callable

_NUMBER = re.compile(rb"(?:\d|\.\d)(?:[eE][-+]|[\w\x80-\xff.])*")
_HEX_NUMBER = re.compile(rb"0[xX][\w\x80-\xff.]*")
_NAME = re.compile(rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*")
_COMMENT_OR_BLANK = re.compile(rb"(?:[ \t\r\n\f]+|#[^\n]*\n?|\\\r?\n)+")
_SINGLE = {q: re.compile(q + rb"[^" + q + rb"\\\n]*(?:\\[\s\S][^" + q + rb"\\\n]*)*" + q)
           for q in (b"'", b'"')}
_TRIPLE = {q: re.compile(q * 3 + rb"[^" + q + rb"\\]*(?:(?:\\[\s\S]|" + q + rb"(?!" + q * 2
                         + rb"))[^" + q + rb"\\]*)*" + q * 3)
           for q in (b"'", b'"')}
_PREFIXES = frozenset({b"r", b"u", b"b", b"br", b"rb"})
_CONSTANTS = frozenset({b"True", b"False", b"None"})
_OPENERS = frozenset(b"[{(,:")
# what follows the name `set` in literal_eval's empty set
_EMPTY_SET = re.compile(rb"[ \t\r\n\f]*\([ \t\r\n\f]*\)")
_CLOSERS = frozenset(b"]})")


def first_mark_in_python(data: bytes, start: int, end: int, chunk: int = 1 << 16) -> int:
    """The offset of the first thing in data[start:end] a literal cannot hold, or -1."""
    return _read(data, start, end, chunk, None)


def built_marks_in_python(data: bytes, start: int, end: int,
                          chunk: int = 1 << 16) -> tuple[int, list[bytes]]:
    """The offset of the first thing in data[start:end] a built value cannot hold (a
    keyword, an attribute read, a subscript, an operator...), or -1; and the names read
    before it, callees ending in `(` (`u(`, `np.array(`, `.split(`), in order of first
    appearance. What a built value may hold: the C file's header (built_marks)."""
    names: list[bytes] = []
    at = _read(data, start, end, chunk, names)
    return at, list(dict.fromkeys(names))


def _read(data: bytes, start: int, end: int, chunk: int, names: list[bytes] | None) -> int:
    """Both reads: literal mode (names None), built mode (the names read are put in it)."""
    pos, after_value, sign = max(0, start), False, -1
    first = pos
    # the last value is a real number that began a value (`1` of `1+2j`); complex_op: the
    # + or - after it, waiting for an unsigned imaginary number; began: no value before here
    real_began, complex_op, began = False, -1, True
    end = min(end, len(data))
    # a run found not plain is read token by token to its end before the next is tried (else
    # each token of it would copy and check the next `chunk` bytes again: a name on every row
    # of a built value made the read quadratic, seconds for 100 kB)
    plain_from = pos
    parens = _Parens()  # built mode: which open `(` are calls'
    while pos < end:
        if sign < 0 and complex_op < 0 and end - pos >= chunk and pos >= plain_from:
            plain = _plain_run(data, pos, end, chunk, after_value, began)
            if plain is not None:
                if names is not None:
                    parens.replay(data, pos, plain[0])
                pos, after_value, real_began = plain
                began = not after_value
                continue
            plain_from = pos + chunk
        blank = _COMMENT_OR_BLANK.match(data, pos, end)
        if blank is not None:
            pos = blank.end()
            continue
        c = data[pos]
        number = 48 <= c <= 57 or (c == 46 and pos + 1 < end and 48 <= data[pos + 1] <= 57)
        bracketed = _bracketed_number(data, pos, end, 0) if c == 40 and not after_value \
            else None
        if sign >= 0 and (bracketed[1] if bracketed else not number):
            if names is None or not _signs_a_name(data, pos, end):
                return sign  # -'a', -x, --1, -(-1)
            sign = -1  # built: -COUNT, -u(1)
        if complex_op >= 0 and (bracketed[1] if bracketed else not number):
            return complex_op  # 1 + 'a', 1 + -2j, 1 + (-2j)
        if bracketed is not None:  # `(1)`: the number itself (`(1)+2j`, `-(1)`)
            stop, _, imaginary = bracketed
            if complex_op >= 0 and not imaginary:
                return complex_op
            real_began = began and complex_op < 0 and not imaginary
            pos, after_value, sign, complex_op, began = stop, True, -1, -1, False
            parens.closed_call = False  # `(2)(3)`: a number's brackets
            continue
        if c in b"[(" and after_value and not (
                names is not None and c == 40 and _after_a_bracket(data, first, pos)
                and parens.closed_call):
            return pos  # a subscript or a call of a value: 'abc'[1], 'abc'(1), (1, 2)(3)
        if c in _OPENERS:  # (built: a call of what a call returns, `f(x)(y)`)
            if names is not None and c == 40:
                parens.open(after_value)  # a call's bracket after a value, else a group's
            pos, after_value, began = pos + 1, False, True
        elif c in _CLOSERS:
            if names is not None and c == 41:
                parens.close()
            pos, after_value, real_began, began = pos + 1, True, False, False
        elif c in b"'\"":
            stop = _string_end(data, pos, end)
            if stop < 0:
                return pos
            pos, after_value, real_began, began = stop, True, False, False
        elif c == 46 and names is not None and after_value and not number:
            method = _METHOD_CALL.match(data, pos, end)
            if method is None:
                return pos  # an attribute read
            names.append(_without_blanks(data[pos:method.end() - 1]).rstrip() + b"(")
            parens.open(True)
            pos, after_value, began = method.end(), False, True  # `"a,b".split(",")`
        elif c == 46 and not after_value and data.startswith(b"...", pos) and pos + 3 <= end:
            pos, after_value, real_began, began = pos + 3, True, False, False  # Ellipsis
        elif c in b"+-":
            if after_value and names is not None:  # `COUNT - 1`, `'a' + 'b'`: built
                pos, after_value, real_began, began = pos + 1, False, False, True
                continue
            if after_value:
                if not real_began:
                    return pos
                complex_op, real_began, after_value, pos = pos, False, False, pos + 1
                continue
            sign, pos = pos, pos + 1
        elif number:
            hexadecimal = data[pos:min(pos + 2, end)] in (b"0x", b"0X")
            match = (_HEX_NUMBER if hexadecimal else _NUMBER).match(data, pos, end)
            assert match is not None
            imaginary = not hexadecimal and data[match.end() - 1] in b"jJ"
            if complex_op >= 0 and not imaginary:
                return complex_op  # 1 + 2: computed
            real_began = began and complex_op < 0 and not imaginary
            pos, after_value, sign, complex_op, began = match.end(), True, -1, -1, False
        else:
            name = _NAME.match(data, pos, end)
            if name is None:
                if names is not None and c == 42 and _unpacks(data, first, pos):
                    stars = 2 if data[pos + 1:min(pos + 2, end)] == b"*" else 1
                    pos, after_value, began = pos + stars, False, True  # [*A], f(**{...})
                    continue
                return pos  # an operator, a '.', a backslash that continues nothing
            word = name.group()
            if name.end() < end and data[name.end()] in b"'\"" and word.lower() in _PREFIXES:
                pos = name.end()
            elif word in _CONSTANTS:
                pos, after_value, real_began, began = name.end(), True, False, False
            else:
                empty_set = None if after_value or word != b"set" else \
                    _EMPTY_SET.match(data, name.end(), end)
                if empty_set is not None:
                    pos, after_value, real_began, began = empty_set.end(), True, False, False
                    parens.closed_call = False  # `set()(1)` calls a set
                    continue
                if names is None:
                    return pos
                built = _built_name(data, pos, name.end(), end, names)
                if built is None:
                    return pos
                pos, after_value = built
                if data[pos - 1] == 40:  # a call: `u(`, `np.array(`
                    parens.open(True)
                real_began, began = False, not after_value
    return complex_op if complex_op >= 0 else sign


class _Parens:
    """Built mode's open round brackets, whether each is a call's (the C file's paren_stack:
    the innermost 64, one bit each)."""

    __slots__ = ("bits", "closed_call", "depth")
    _KEPT = 64

    def __init__(self) -> None:
        self.bits, self.depth, self.closed_call = 0, 0, False

    def open(self, call: bool) -> None:
        if self.depth < self._KEPT:
            self.bits = ((self.bits << 1) | call) & ((1 << self._KEPT) - 1)
        self.depth += 1

    def replay(self, data: bytes, start: int, stop: int) -> None:
        """The brackets of a plain run (_plain_run: one kind of quote, strings closed on their
        line, no escape or comment), read as the C loop reads them one by one: each `(` a
        group's (a call or a subscript is no plain run), `(1)` too (the C loop reads it as
        a number: the same depth after, and no call closed)."""
        text = data[start:stop]
        for quote in (b"'", b'"'):
            if quote in text:
                text = b"".join(text.split(quote)[0::2])
        for bracket in text.translate(None, _NOT_PARENS):
            if bracket == 40:
                self.open(False)
            else:
                self.close()

    def close(self) -> None:
        if self.depth == 0:
            self.closed_call = False  # a `)` from before the read's start
            return
        self.depth -= 1
        if self.depth < self._KEPT:
            self.closed_call = bool(self.bits & 1)
            self.bits >>= 1
        else:
            self.closed_call = False


# what built mode passes over (the C file's scan_mode says the same in C)
_KEYWORDS = frozenset(k.encode() for k in keyword.kwlist) - _CONSTANTS
_CALL = re.compile(rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*(?:[ \t]*\.[ \t]*[A-Za-z_\x80-\xff]"
                   rb"[\w\x80-\xff]*)*[ \t]*\(")
_METHOD_CALL = re.compile(rb"\.[ \t]*[A-Za-z_\x80-\xff][\w\x80-\xff]*[ \t]*\(")
_BLANKS = re.compile(rb"[ \t\r\n\f]*")


def _built_name(data: bytes, pos: int, stop: int, end: int,
                names: list[bytes]) -> tuple[int, bool] | None:
    """For the name data[pos:stop] in built mode: (where the read goes on, whether a value
    ends there) when a built value may hold it (a call, a keyword argument, a bare name: noted
    in `names`); None for a mark (a keyword, an f-string, an attribute read, a subscript)."""
    def byte(at: int) -> bytes:  # data[at], or b"" from `end` on
        return data[at:min(at + 1, end)]

    if data[pos:stop] in _KEYWORDS or byte(stop) in (b"'", b'"'):
        return None
    call = _CALL.match(data, pos, end)
    if call is not None:  # u(...), np . array(...)
        names.append(_without_blanks(data[pos:call.end() - 1]) + b"(")
        return call.end(), False
    if byte(stop) == b".":
        return None  # an attribute read: Name.Builtin
    blanks = _BLANKS.match(data, stop, end)
    following = blanks.end() if blanks is not None else stop
    if byte(following) == b"[":
        return None  # a subscript: A[0]
    if byte(following) == b"=" and byte(following + 1) != b"=":
        return following + 1, False  # a keyword argument: dict(a=1)
    names.append(data[pos:stop])
    return stop, True


def _without_blanks(text: bytes) -> bytes:
    return text.replace(b" ", b"").replace(b"\t", b"")


def _signs_a_name(data: bytes, pos: int, end: int) -> bool:
    """The name at `pos`, after a sign, is one a built value may negate (`-COUNT`, `-u(1)`),
    not a string's prefix (`-u'x'`: code)."""
    name = _NAME.match(data, pos, end)
    if name is None:
        return False
    stop = name.end()
    return not (stop < end and data[stop] in b"'\"" and name.group().lower() in _PREFIXES)


def _after_a_bracket(data: bytes, first: int, at: int) -> bool:
    """The `(` at `at` follows a `)`, blanks between, no comment on the line of the `)`
    (looking back no further than first): `f(x)(y)`."""
    while at > first and data[at - 1] in b" \t\r\n\x0c":
        at -= 1
    if at <= first or data[at - 1] != 41:
        return False
    line = max(data.rfind(b"\n", first, at - 1) + 1, first)
    return data.find(b"#", line, at - 1) < 0


def _unpacks(data: bytes, first: int, at: int) -> bool:
    """The `*` at `at` follows a bracket or a comma (looking back no further than first)."""
    while at > first and data[at - 1] in b" \t\r\n\x0c":
        at -= 1
    return at > first and data[at - 1] in b"([{,"


_BRACKET_DEPTH = 32  # brackets around one number read at most (deeper: the brackets are
# read one by one, and a sign or a + after them is a mark, never an offer refused)


def _bracketed_number(data: bytes, pos: int, end: int,
                      depth: int) -> tuple[int, bool, bool] | None:
    """For the `(` at `pos`: (the end after its `)`, signed, imaginary) when the brackets hold
    one number, perhaps signed once and bracketed again (`(1)`, `(-2j)`, `((1))`, `(-(1))`),
    which ast.literal_eval reads as the number; None otherwise (blanks only between tokens)."""
    if depth >= _BRACKET_DEPTH:
        return None
    at = _skip_blanks(data, pos + 1, end)
    signed = at < end and data[at] in b"+-"
    if signed:
        at = _skip_blanks(data, at + 1, end)
    if at >= end:
        return None
    if data[at] == 40:
        inner = _bracketed_number(data, at, end, depth + 1)
        if inner is None or (signed and inner[1]):
            return None
        at, signed, imaginary = inner[0], signed or inner[1], inner[2]
    elif 48 <= data[at] <= 57 or (data[at] == 46 and at + 1 < end and 48 <= data[at + 1] <= 57):
        hexadecimal = data[at:min(at + 2, end)] in (b"0x", b"0X")
        match = (_HEX_NUMBER if hexadecimal else _NUMBER).match(data, at, end)
        assert match is not None
        at, imaginary = match.end(), not hexadecimal and data[match.end() - 1] in b"jJ"
    else:
        return None
    at = _skip_blanks(data, at, end)
    return (at + 1, signed, imaginary) if at < end and data[at] == 41 else None


def _skip_blanks(data: bytes, at: int, end: int) -> int:
    while at < end and data[at] in b" \t\r\n\x0c":
        at += 1
    return at


# What plain literal text holds outside its strings (a string being \x01 here)
_PLAIN = b" \t\r\n\x0c0123456789[]{}(),:.\x01"
_SUBSCRIPT_OR_CALL = re.compile(rb"[\x01)\]}0-9][ \t\r\n\x0c]*[\[(]")
_LONE_DOT = re.compile(rb"(?<![0-9])\.(?![0-9])")
_TRIPLES = (b"'" * 3, b'"' * 3)


def _plain_run(data: bytes, pos: int, end: int, chunk: int, after_value: bool,
               began: bool) -> tuple[int, bool, bool] | None:
    """(where it ends, whether a value ends it, whether that value is a number that began a
    value: `1` of `1+2j`, when the next line goes on `+2j`) for the next ~`chunk` bytes from
    `pos` (up to
    a line end) when they are plainly literal: one kind of quote, strings closed on their
    line, no escape, comment or triple quote, and outside the strings only blanks, digits,
    brackets, commas, colons and dots inside numbers. The token loop then skips them whole
    (module51's 51 MB: ~8 s token by token); None: let it read them."""
    stop = data.find(b"\n", pos + chunk, end)
    stop = end if stop < 0 else stop + 1
    text = data[pos:stop]
    # (a \x01 of the text itself would pass for a string below: the C loop marks it)
    if b"\\" in text or b"#" in text or b"\x01" in text or any(t in text for t in _TRIPLES):
        return None
    single, double = b"'" in text, b'"' in text
    if single and double:
        return None
    scrubbed = text
    if single or double:
        parts = text.split(b"'" if single else b'"')
        if len(parts) % 2 == 0 or b"\n" in b"".join(parts[1::2]):
            return None  # a string this run cuts, or one left open on its line
        scrubbed = b"\x01".join(parts[0::2])
    if scrubbed.translate(None, _PLAIN) or _SUBSCRIPT_OR_CALL.search(scrubbed) or (
            b"." in scrubbed and _LONE_DOT.search(scrubbed)):
        return None
    # brackets and numbers at the end, with a `(` among them (`(1`, `((1)`, `(`): the number
    # in brackets may go on past the run (`(1)` then `+2j` on the next line); the run stops
    # before that `(`, and the token loop reads it as one number
    rest = scrubbed.rstrip(b"()0123456789. \t\r\n\x0c")
    opened = scrubbed.find(b"(", len(rest))
    if opened >= 0:
        stop -= len(scrubbed) - opened
        scrubbed = scrubbed[:opened]
        if not scrubbed.strip():
            return None
    head, tail = scrubbed.lstrip()[:1], scrubbed.rstrip()[-1:]
    if not tail or (after_value and head in (b"[", b"(")):
        return None
    if tail not in b"0123456789.":
        return stop, tail in b"\x01)]}", False
    trimmed = scrubbed.rstrip()
    before = trimmed[:len(trimmed.rstrip(b"0123456789."))].rstrip()
    return stop, True, before[-1:] in (b"[", b"{", b"(", b",", b":") or (not before and began)


def _string_end(data: bytes, pos: int, end: int) -> int:
    quote = data[pos:pos + 1]
    triple = data[pos:pos + 3] == quote * 3 and pos + 3 <= end
    match = (_TRIPLE if triple else _SINGLE)[quote].match(data, pos, end)
    return match.end() if match is not None else -1


def find_in_python(data: bytes, needle: bytes, start: int) -> int:
    return data.find(needle, start)


# What bracket_depth passes over: strings (a triple-quoted one first, as the C loop tries it
# first), comments; a string never closed takes the rest (the C loop stops counting there)
_NOT_COUNTED = re.compile(b"|".join((
    _TRIPLE[b"'"].pattern, _TRIPLE[b'"'].pattern, rb"'''[\s\S]*", rb'"""[\s\S]*',
    _SINGLE[b"'"].pattern, _SINGLE[b'"'].pattern, rb"#[^\n]*", rb"['\"][\s\S]*")))
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}()")
_NOT_PARENS = bytes(b for b in range(256) if b not in b"()")


def bracket_depth_in_python(data: bytes, start: int, end: int) -> tuple[int, int]:
    """(Brackets opened minus closed in data[start:end] outside strings and comments, where an
    f-string cut by `end` in a replacement field begins or -1): the C file says what for."""
    text = data[max(0, start):max(0, end)]
    if _may_hold_fstring(text):
        total, cut_at, _ = _count_with_fstrings(text)
        return total, -1 if cut_at < 0 else cut_at + max(0, start)
    plain = _outside_plain_strings(text)
    if plain is None:
        plain = _NOT_COUNTED.sub(b"", text)
    brackets = plain.translate(None, _NOT_BRACKETS)
    return 2 * (brackets.count(b"[") + brackets.count(b"{") + brackets.count(b"(")) \
        - len(brackets), -1


def _outside_plain_strings(text: bytes) -> bytes | None:
    """The brackets (and quotes, newlines) of the text outside its strings when those are
    plain: one kind of quote, no escape, triple quote or comment, no bracket or line end in
    them (a table's rows), found at C speed (the regex reads ~30 MB/s: a 24 MB table before
    a call took 0.77 s); None: let the regex read it. Of the quotes, brackets and newlines
    kept, a pair of quotes side by side is an empty string or the gap between two strings with
    no bracket in either: dropped. A quote left over means a string holds a bracket or a line
    end (or is never closed)."""
    if b"#" in text or b"\\" in text or any(t in text for t in _TRIPLES):
        return None
    single, double = b"'" in text, b'"' in text
    if not (single or double):
        return text
    if single and double:
        return None
    quote = b"'" if single else b'"'
    kept = text.translate(None, _NOT_SINGLE_KEPT if single else _NOT_DOUBLE_KEPT)
    reduced = kept.replace(quote * 2, b"")
    return None if quote in reduced else reduced


# An f-string's (or t-string's) prefix before a quote, found where no name byte is before it
F_PREFIX = re.compile(rb"(?<![\w\x80-\xff])(?:[fFtT][rR]?|[rR][fFtT])['\"]")
_QUOTE_OR_COMMENT = re.compile(rb"[#'\"]")
# For _may_hold_fstring: an f-string's prefix letters (f, t, and r of fr, rf...) as F, quotes as
# Q, other name bytes as n, the rest as a blank
_F_CLASSES = bytes(
    ord("F") if chr(b) in "fFtTrR" else ord("Q") if chr(b) in "'\"" else
    ord("n") if (chr(b).isalnum() and b < 128) or b == ord("_") or b >= 128 else ord(" ")
    for b in range(256))


def _may_hold_fstring(text: bytes) -> bool:
    """Whether an f-string's prefix may stand before a quote in the text (a prefix letter
    after a byte that is no name's, or at the start): a translate and a few searches at C
    speed. F_PREFIX's search reads ~25 MB/s (a lookbehind first: tried at every position),
    and the count of a 34 MB table took 1.07 s instead of 0.10 s (dic-11). True also for
    some texts with none (`' f'`, a string ending in " f"): the exact read then says."""
    classes = text.translate(_F_CLASSES)
    if b"FQ" not in classes:
        return False
    return classes.startswith((b"FQ", b"FFQ")) or any(
        needle in classes for needle in (b" FQ", b" FFQ", b"QFQ", b"QFFQ"))
_FSTRING_BROKEN, _FSTRING_CUT, _FSTRING_NESTING = -1, -2, 32
_NAME_BYTES = frozenset(b"0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        + bytes(range(0x80, 0x100)))


def _count_with_fstrings(text: bytes) -> tuple[int, int, bool]:
    """The C file's count_depth over text that holds an f-string (strings and comments found
    by a search, the brackets between them counted by translate): the count, where an f-string
    cut by the text's end begins (or -1), and whether the text ends outside any string or
    comment."""
    total, pos, end = 0, 0, len(text)
    while pos < end:
        found = _QUOTE_OR_COMMENT.search(text, pos)
        at = end if found is None else found.start()
        brackets = text[pos:at].translate(None, _NOT_BRACKETS)
        total += 2 * (brackets.count(b"[") + brackets.count(b"{") + brackets.count(b"(")) \
            - len(brackets)
        if found is None:
            break
        if text[at] == 35:  # a comment, up to its line end
            line_end = text.find(b"\n", at)
            if line_end < 0:
                return total, -1, False
            pos = line_end
            continue
        raw = fstring_prefix(text, 0, at)
        if raw is not None:
            stop = fstring_end(text, at, end, raw, 0)
            if stop == _FSTRING_CUT:
                return total, at - 1 - raw, False  # its prefix: two bytes where raw
        else:
            stop = _string_end(text, at, end)
        if stop < 0:
            return total, -1, False
        pos = stop
    return total, -1, True


def outside_strings(text: bytes) -> bool:
    """Whether the end of `text` (from a line start) is outside its strings and comments,
    f-strings read as Python 3.12 reads them (segments.py: is a triple quote there code?)."""
    return _count_with_fstrings(text)[2]


def fstring_prefix(data: bytes, floor: int, at: int) -> bool | None:
    """For the quote at `at`: whether it is raw when the name bytes before it (from `floor`
    on) are an f-string's or t-string's prefix (f, t, fr, rf, tr, rt, any case); else None."""
    first = at
    while first > floor and first > at - 3 and data[first - 1] in _NAME_BYTES:
        first -= 1
    size = at - first
    if size == 0 or size > 2 or (first > floor and data[first - 1] in _NAME_BYTES):
        return None
    prefix = data[first:at].lower()
    if prefix in (b"f", b"t"):
        return False
    return True if prefix in (b"fr", b"rf", b"tr", b"rt") else None


def fstring_end(data: bytes, at: int, end: int, raw: bool, nest: int = 0) -> int:
    """The end of the f-string whose quote is at `at`, read as Python 3.12 reads it (PEP 701:
    the C file's fstring_end says how); -1 for one never closed, -2 for one cut by `end` in a
    replacement field."""
    quote = data[at]
    triple = at + 2 < end and data[at + 1] == quote and data[at + 2] == quote
    if nest > _FSTRING_NESTING:
        return _FSTRING_BROKEN
    return _fstring_part_end(data, at + (3 if triple else 1), end, quote, triple, raw, False,
                             nest)


def _fstring_part_end(data: bytes, i: int, end: int, quote: int, triple: bool, raw: bool,
                      in_spec: bool, nest: int) -> int:
    """An f-string's literal part (to its closing quote) or a field's format spec (in_spec:
    to the `}` that closes the field)."""
    while i < end:
        c = data[i]
        if c == 92:  # a backslash
            if i + 1 < end and data[i + 1] in b"{}":
                i += 1
            elif not raw and i + 2 < end and data[i + 1:i + 3] == b"N{":
                i += 3  # \N{NAME}: a character's name, not a field
                while i < end and data[i] not in (125, quote, 10):
                    i += 1
                if i < end and data[i] == 125:
                    i += 1
            else:
                i += 2
        elif c == quote:
            if not triple:
                return _FSTRING_BROKEN if in_spec else i + 1
            if i + 2 < end and data[i + 1] == quote and data[i + 2] == quote:
                return _FSTRING_BROKEN if in_spec else i + 3
            i += 1
        elif c == 10 and not triple and not in_spec:
            return _FSTRING_BROKEN
        elif c == 123:  # {
            if not in_spec and i + 1 < end and data[i + 1] == 123:
                i += 2
                continue
            i = _fstring_field_end(data, i + 1, end, quote, triple, raw, nest + 1)
            if i < 0:
                return i
        elif c == 125:  # }
            if in_spec:
                return i + 1
            i += 2 if i + 1 < end and data[i + 1] == 125 else 1
        else:
            i += 1
    return _FSTRING_CUT if in_spec else _FSTRING_BROKEN


def _fstring_field_end(data: bytes, i: int, end: int, quote: int, triple: bool, raw: bool,
                       nest: int) -> int:
    """A replacement field's expression from after its `{` to the `}` closing it (or its
    format spec, after a `:` outside brackets)."""
    depth, floor = 0, i
    if nest > _FSTRING_NESTING:
        return _FSTRING_BROKEN
    while i < end:
        c = data[i]
        if c in b"([{":
            depth += 1
            i += 1
        elif c in b")]":
            depth -= 1
            i += 1
        elif c == 125:  # }
            if depth <= 0:
                return i + 1
            depth -= 1
            i += 1
        elif c == 58 and depth <= 0:  # `:` starts the format spec
            return _fstring_part_end(data, i + 1, end, quote, triple, raw, True, nest)
        elif c == 35:  # a comment (3.12: a field over lines may hold one)
            line_end = data.find(b"\n", i, end)
            i = end if line_end < 0 else line_end
        elif c == 92:
            i += 2
        elif c in b"'\"":
            inner_raw = fstring_prefix(data, floor, i)
            if inner_raw is not None:
                stop = fstring_end(data, i, end, inner_raw, nest + 1)
            else:
                stop = _string_end(data, i, end)
                if stop < 0:
                    return _FSTRING_BROKEN
            if stop < 0:
                return stop
            i = stop
        else:
            i += 1
    return _FSTRING_CUT


_NOT_SINGLE_KEPT = bytes(b for b in range(256) if b not in b"[]{}()\n'")
_NOT_DOUBLE_KEPT = bytes(b for b in range(256) if b not in b'[]{}()\n"')


_Reads = tuple[Callable[[bytes, int, int], int],
               Callable[[bytes, int, int], tuple[int, list[bytes]]],
               Callable[[bytes, bytes, int], int],
               Callable[[bytes, int, int], tuple[int, int]]]


def _chosen() -> _Reads:
    in_python = (first_mark_in_python, built_marks_in_python, find_in_python,
                 bracket_depth_in_python)
    if os.environ.get("TIDY_PURE_PYTHON"):
        return in_python
    try:
        from tidy.analysis.data_in_code._literalscan import bracket_depth as depth_in_c
        from tidy.analysis.data_in_code._literalscan import built_marks as built_in_c
        from tidy.analysis.data_in_code._literalscan import find as find_in_c
        from tidy.analysis.data_in_code._literalscan import first_mark as in_c
    except ImportError:
        return in_python
    return in_c, built_in_c, find_in_c, depth_in_c


# `find(data, needle, start)`: data.find by memchr's cousin memmem where the C module was
# built (2-3 times faster for a triple quote; segments.triple_spans); `bracket_depth`: the
# statement splitter's bracket count (segments.py)
first_mark, built_marks, find, bracket_depth = _chosen()


def _triple_run_chosen() -> Callable[[bytes, int, int], tuple[list[tuple[int, int]], int]] | None:
    """_literalscan.c's triple_run where it was built and not declined (segments.triple_spans
    runs its own loop in Python otherwise)."""
    if os.environ.get("TIDY_PURE_PYTHON"):
        return None
    try:
        from tidy.analysis.data_in_code._literalscan import triple_run as run_in_c
    except ImportError:
        return None
    return run_in_c


# `triple_run(data, pos, floor)`: segments.triple_spans' loop in C while its plain rules decide
# (the C file says which), or None
triple_run = _triple_run_chosen()
