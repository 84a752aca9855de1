"""Is a .js/.ts file a data table (TDY303)? Judged on the first megabyte of its bytes."""

from __future__ import annotations

import re

SAMPLE_BYTES = 1_000_000
_JS_TOKEN = re.compile(
    rb"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`|(?P<num>\b\d[\w.]*)"
    rb"|(?P<name>[A-Za-z_$][\w$]*)|//[^\n]*|/\*[\s\S]*?\*/")


def judge_js(data: bytes) -> bool:
    """String/number bytes over half of the first MB, and few names: a data table, not code."""
    sample = data[:SAMPLE_BYTES]
    literal = names = tokens = 0
    for match in _JS_TOKEN.finditer(sample):
        tokens += 1
        if match.group("name") is not None:
            names += 1
        elif not match.group(0).startswith((b"//", b"/*")):
            literal += len(match.group(0))
    return bool(sample) and literal / len(sample) >= 0.5 and names <= max(20, tokens // 10)
