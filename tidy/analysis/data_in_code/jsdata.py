"""Is a .js/.ts file a data table (TDY303)? Judged on the first megabyte of its bytes."""

from __future__ import annotations

import re

SAMPLE_BYTES = 1_000_000
_JS_TOKEN = re.compile(
    rb"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`|(?P<num>\b\d[\w.]*)"
    rb"|(?P<name>[A-Za-z_$][\w$]*)|//[^\n]*|/\*[\s\S]*?\*/")


def judge_js(data: bytes) -> bool:
    """String/number bytes over half of the first MB, and few names: a data table, not code.

    Code is told early: once the literals so far and every byte still to come could not make
    half of the sample, it is not data (the same answer as reading on, in about 60% of the
    time; the regex engine is most of the cost)."""
    sample = data[:SAMPLE_BYTES]
    size = len(sample)
    half = size / 2
    literal = names = tokens = 0
    for match in _JS_TOKEN.finditer(sample):
        tokens += 1
        if match.lastgroup == "name":
            names += 1
            if not names & 0xFF and literal + size - match.end() < half:
                return False
        else:
            start, end = match.span()
            if sample[start] != 0x2F:  # a string or a number (not a // or /* comment)
                literal += end - start
    return bool(sample) and literal / size >= 0.5 and names <= max(20, tokens // 10)
