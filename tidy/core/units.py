"""Parse the human units users type: sizes ("10MB", "1.5GiB") and ages ("14d", "3M"); and
say counts in words ("1 file", "2 files")."""

from __future__ import annotations

import re

from tidy.core.lazy_re import LazyPattern

_SIZE = LazyPattern(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_SIZE_FACTORS = {
    "": 1, "b": 1,
    "k": 1000, "kb": 1000, "kib": 1024, "ki": 1024,
    "m": 1000**2, "mb": 1000**2, "mib": 1024**2, "mi": 1024**2,
    "g": 1000**3, "gb": 1000**3, "gib": 1024**3, "gi": 1024**3,
    "t": 1000**4, "tb": 1000**4, "tib": 1024**4, "ti": 1024**4,
}
# kondo's units: m(inutes) h d w M(onths) y; case matters only for m/M.
_AGE = LazyPattern(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w|M|y)\s*$")
_AGE_SECONDS = {
    "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400, "M": 30 * 86400, "y": 365 * 86400,
}


def parse_size(text: str | int) -> int:
    """Bytes from "123", "10MB" (decimal) or "10MiB" (binary)."""
    if isinstance(text, int):
        return text
    match = _SIZE.match(text)
    if match is None:
        raise ValueError(f"not a size: {text!r} (examples: 500KB, 10MB, 1.5GiB)")
    number, unit = match.groups()
    return int(float(number) * _SIZE_FACTORS[(unit or "").lower()])


def parse_age(text: str) -> float:
    """Seconds from "30s", "15m", "12h", "14d", "2w", "3M", "1y"."""
    match = _AGE.match(text)
    if match is None:
        raise ValueError(f"not an age: {text!r} (examples: 12h, 14d, 2w, 3M, 1y)")
    number, unit = match.groups()
    return float(number) * _AGE_SECONDS[unit]


def human_bytes(size: int) -> str:
    """Decimal units as humanize prints them, without importing humanize (hooks stay fast)."""
    if size < 1000:
        return f"{size} Byte" + ("s" if size != 1 else "")
    value = float(size)
    for unit in ("kB", "MB", "GB", "TB", "PB"):
        value /= 1000
        if value < 1000 or unit == "PB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def counted(count: int, word: str, plural: str = "") -> str:
    """ "1 file", "2 files", "1,204 files" (`plural` when adding an s is wrong)."""
    return f"{count:,} {noun(count, word, plural)}"


def noun(count: int, word: str, plural: str = "") -> str:
    """`word` as `count` of it is said: "file" for 1, "files" (or `plural`) otherwise."""
    return word if count == 1 else plural or word + "s"
