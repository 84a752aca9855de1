"""Is a .js/.ts file a data table (TDY303)? Judged on the first megabyte of its bytes."""

from __future__ import annotations

import re

SAMPLE_BYTES = 1_000_000

# The tokens that count: strings, numbers and comments. Names are not matched one by one:
# a name holds no quote, slash or digit that could start one of these, so the search jumps
# from one such byte to the next (a bare character class is sre's fastest search) and the
# names are counted afterwards, over what lies between the tokens, in one findall.
_START = re.compile(rb"[\"'`/0-9]")
_AT = {
    0x27: re.compile(rb"'(?:[^'\\\n]|\\.)*'"),
    0x22: re.compile(rb"\"(?:[^\"\\\n]|\\.)*\""),
    0x60: re.compile(rb"`(?:[^`\\]|\\.)*`"),
    0x2F: re.compile(rb"//[^\n]*|/\*[\s\S]*?\*/"),
}
_NUMBER = re.compile(rb"\d[\w.]*")
_NAME = re.compile(rb"[A-Za-z_$][\w$]*")
_IN_NAME = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
_SLASH, _ZERO, _NINE = 0x2F, 0x30, 0x39


def judge_js(data: bytes) -> bool:
    """String/number bytes over half of the first MB, and few names: a data table, not code.

    The tokens are those of a tokenizer that, from left to right, takes a string ('', "" or
    ``), a number (a digit not inside a name), a name or a comment, and skips any other byte.
    Code is told early: once the literals so far and every byte still to come could not make
    half of the sample, it is not data (the same answer as reading on)."""
    sample = data[:SAMPLE_BYTES]
    size = len(sample)
    half = size / 2
    literal = counted = 0  # literal bytes; strings, numbers and comments
    between: list[bytes] = []  # the bytes outside those tokens, where the names are
    pos = outside = 0
    search = _START.search
    while (found := search(sample, pos)) is not None:
        start = found.start()
        byte = sample[start]
        if _ZERO <= byte <= _NINE:
            if start and sample[start - 1] in _IN_NAME:
                pos = start + 1  # a digit of a name (x1, $2): the name's
                continue
            end = _NUMBER.match(sample, start).end()  # type: ignore[union-attr]
        else:
            token = _AT[byte].match(sample, start)
            if token is None:  # a lone quote or slash: skipped, as the tokenizer does
                pos = start + 1
                continue
            end = token.end()
        between.append(sample[outside:start])
        counted += 1
        if byte != _SLASH:
            literal += end - start
        pos = outside = end
        if not counted & 0xFF and literal + size - end < half:
            return False
    between.append(sample[outside:])
    names = len(_NAME.findall(b" ".join(between)))
    tokens = names + counted
    return bool(sample) and literal / size >= 0.5 and names <= max(20, tokens // 10)
