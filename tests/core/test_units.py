"""Human units: sizes ("10MB" decimal, "10MiB" binary) and ages ("14d", "3M")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.core.units import counted, noun, parse_age, parse_size

# SI prefixes are powers of 1000, IEC prefixes powers of 1024 (IEC 80000-13).
SI = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}
IEC = {"ki": 2**10, "mi": 2**20, "gi": 2**30, "ti": 2**40}
DAY = 24 * 60 * 60


@pytest.mark.parametrize(("text", "expected"), [
    ("0", 0), ("123", 123), ("1B", 1), ("1kb", 1000), ("1KB", 1000), ("1k", 1000),
    ("1KiB", 1024), ("1.5MB", 1_500_000), ("1.5MiB", 1_572_864), ("50MB", 50_000_000),
    ("2GiB", 2 * 2**30), (" 7 MB ", 7_000_000), ("1TB", 10**12), ("3ti", 3 * 2**40),
])
def test_sizes(text: str, expected: int) -> None:
    assert parse_size(text) == expected


def test_an_int_is_bytes() -> None:
    assert parse_size(4096) == 4096


@pytest.mark.parametrize("text", ["", "MB", "-1MB", "1 XB", "1e6", "ten", "1,000", "1..5MB"])
def test_bad_sizes_say_what_they_want(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


@settings(max_examples=60, deadline=None)
@given(number=st.integers(0, 10**6),
       unit=st.sampled_from([*SI, *IEC]),
       suffix=st.sampled_from(["", "b", "B"]),
       upper=st.booleans())
def test_size_units_property(number: int, unit: str, suffix: str, upper: bool) -> None:
    text = f"{number}{unit}{suffix}"
    text = text.upper() if upper else text
    assert parse_size(text) == number * {**SI, **IEC}[unit]


@pytest.mark.parametrize(("text", "expected"), [
    ("30s", 30), ("15m", 15 * 60), ("12h", 12 * 3600), ("14d", 14 * DAY), ("2w", 14 * DAY),
    ("3M", 90 * DAY), ("1y", 365 * DAY), ("1.5d", 1.5 * DAY), (" 7d ", 7 * DAY),
])
def test_ages(text: str, expected: float) -> None:
    assert parse_age(text) == expected


def test_minutes_and_months_differ_by_case() -> None:
    assert parse_age("1m") == 60
    assert parse_age("1M") == 30 * DAY


@pytest.mark.parametrize("text", ["", "7", "d", "7D", "7 days", "-1d", "1H", "1Y"])
def test_bad_ages(text: str) -> None:
    with pytest.raises(ValueError, match="not an age"):
        parse_age(text)


@given(st.integers(min_value=0, max_value=10**7))
def test_counted_says_one_in_the_singular_and_any_other_count_in_the_plural(n: int) -> None:
    said = counted(n, "file")
    assert said == (f"{n:,} file" if n == 1 else f"{n:,} files")
    assert counted(n, "cache", "caches!").endswith("cache" if n == 1 else "caches!")
    assert noun(n, "run") == ("run" if n == 1 else "runs")
