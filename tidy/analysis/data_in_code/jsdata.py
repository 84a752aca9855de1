"""Is a .js/.ts file a data table (TDY303)? Judged on the first megabyte of its bytes.

`judge_js` is _literalscan.c's `js_data` where it was built (one pass over the bytes), else
`judge_js_in_python` (TIDY_PURE_PYTHON=1 picks it); tests/analysis/test_data_in_code.py holds
the two equal."""

from __future__ import annotations

import os
import re
from collections.abc import Callable

SAMPLE_BYTES = 1_000_000

# The tokens that count: strings, numbers and comments. Names are not matched one by one:
# a name holds no quote, slash or digit that could start one of these, so the search jumps
# from one such byte to the next (a bare character class is sre's fastest search; a digit
# inside a name, as in `x1` or `$2`, is passed over there too, by a look back at the byte
# before it) and the names are counted afterwards, over what lies between the tokens, in
# one findall, and only when the literals make half of the sample (else it is code anyway).
_START = re.compile(rb"[\"'`/0-9](?<![A-Za-z0-9_$][0-9])")
# Each token's pattern "unrolled": a run of plain bytes as one character-class repeat (sre's
# tight loop), an escape or a star only where one is, not an alternation tried at every byte
# of a string (`'(?:[^'\\\n]|\\.)*'`, the same language: a byte is plain or the start of an
# escape, never both, so the match ends where that one did; a comment ends at its first
# `*/`, as `/\*[\s\S]*?\*/` did). Web app, its 39 .js/.ts files of 64 kB and up (8.6 MB):
# judge_js 117 -> 86 ms of CPU (medians of 9, alternating), the same answers.
_AT = {
    0x27: re.compile(rb"'[^'\\\n]*(?:\\.[^'\\\n]*)*'"),
    0x22: re.compile(rb"\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\""),
    0x60: re.compile(rb"`[^`\\]*(?:\\.[^`\\]*)*`"),
    0x2F: re.compile(rb"//[^\n]*|/\*[^*]*\*+(?:[^/*][^*]*\*+)*/"),
}
_NUMBER = re.compile(rb"\d[\w.]*")
_NAME = re.compile(rb"[A-Za-z_$][\w$]*")
_SLASH, _ZERO, _NINE = 0x2F, 0x30, 0x39


def judge_js_in_python(data: bytes) -> bool:
    """String/number bytes over half of the first MB, and few names: a data table, not code.

    The tokens are those of a tokenizer that, from left to right, takes a string ('', "" or
    ``), a number (a digit not inside a name), a name or a comment, and skips any other byte.
    Code is told early: once the literals so far and every byte still to come could not make
    half of the sample, it is not data (the same answer as reading on)."""
    sample = data[:SAMPLE_BYTES]
    size = len(sample)
    half = size / 2
    literal = counted = 0  # literal bytes; strings, numbers and comments
    spans: list[int] = []  # where each token starts and ends: the names lie between them
    note = spans.append
    pos = 0
    search, number, at = _START.search, _NUMBER.match, _AT
    while (found := search(sample, pos)) is not None:
        start = found.start()
        byte = sample[start]
        if _ZERO <= byte <= _NINE:
            end = number(sample, start).end()  # type: ignore[union-attr]
        else:
            token = at[byte].match(sample, start)
            if token is None:  # a lone quote or slash: skipped, as the tokenizer does
                pos = start + 1
                continue
            end = token.end()
        note(start)
        note(end)
        counted += 1
        if byte != _SLASH:
            literal += end - start
        pos = end
        if not counted & 0xFF and literal + size - end < half:
            return False
    if not sample or literal / size < 0.5:
        return False
    between = [sample[stop:start] for stop, start in zip([0, *spans[1::2]], [*spans[0::2], size],
                                                          strict=True)]
    names = len(_NAME.findall(b" ".join(between)))
    return names <= max(20, (names + counted) // 10)


def _in_c() -> Callable[[bytes, int], bool] | None:
    """_literalscan.c's js_data where it was built and not declined (TIDY_PURE_PYTHON)."""
    if os.environ.get("TIDY_PURE_PYTHON"):
        return None
    try:
        from tidy.analysis.data_in_code._literalscan import js_data
    except ImportError:
        return None
    return js_data


_JS_DATA_IN_C = _in_c()


def judge_js_in_c(data: bytes) -> bool:
    """judge_js_in_python's answer, read in one pass in C (only where _JS_DATA_IN_C is set)."""
    return _JS_DATA_IN_C(data, SAMPLE_BYTES)  # type: ignore[misc]


# Web app, the 28 .js files a cold scan judges: ~60 ms of CPU in Python (react-dom's 1 MB
# development build 7.8 ms), a few ms in C.
judge_js = judge_js_in_python if _JS_DATA_IN_C is None else judge_js_in_c
