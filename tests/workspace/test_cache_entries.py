"""The content cache's entries checked and made in C (_fastmeasure.cache_entries) answer what
the Python loop does (content_cache.trusted_entries_in_python): the same entries, the same
racy ones left out, the same whole cache refused for one entry that is not what tidy writes
(a bool, a float, a negative or huge number, a row past the table, a wrong length)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.workspace import content_cache, measure
from tidy.workspace.content_cache import Entry, trusted_entries_in_python

_C_OFF = pytest.mark.skipif(bool(os.environ.get("TIDY_PURE_PYTHON")),
                            reason="the C loop is turned off on purpose")

_NUMBER = st.one_of(
    st.integers(min_value=0, max_value=2_000_000_000_000_000_000),  # ns times and the like
    st.integers(min_value=-3, max_value=8),  # rows, negatives
    st.integers(min_value=1 << 62, max_value=1 << 70),  # past 64 bits
)
_ODD = st.one_of(st.booleans(), st.floats(allow_nan=False), st.none(), st.text(max_size=3),
                 st.lists(st.integers(), max_size=2))
_FIELD = st.one_of(_NUMBER, _NUMBER, _NUMBER, _ODD)  # mostly numbers: most caches are sound
_SOUND = st.tuples(*[st.integers(min_value=0, max_value=1 << 64)] * 5,
                   st.integers(min_value=0, max_value=4)).map(list)
# A sound entry with one field replaced by something tidy never writes there.
_SPOILED = st.tuples(
    _SOUND, st.integers(min_value=0, max_value=5),
    st.one_of(st.booleans(), _ODD, st.integers(max_value=-1), st.integers(min_value=5)),
).map(lambda t: [*t[0][:t[1]], t[2], *t[0][t[1] + 1:]])
_VALUE = st.one_of(
    _SOUND, _SOUND, _SPOILED,
    st.lists(_NUMBER, min_size=6, max_size=6),  # well-formed but for the numbers' range
    st.lists(_FIELD, min_size=6, max_size=6),
    st.lists(_NUMBER, min_size=0, max_size=8),  # a wrong length
    st.tuples(*[_NUMBER] * 6),  # not a list (JSON never makes one, a tamperer's pickle might)
    _ODD,
)
_CUTOFF = st.one_of(st.integers(min_value=0, max_value=2_000_000_000_000_000_000),
                    st.integers(min_value=-5, max_value=10), st.integers(min_value=1 << 64))


def _shown(found: dict[str, Entry] | None, table: list[dict[str, Any]]) -> object:
    """What an answer says, with each entry's facts named by their row (identity, not only
    equality: entries with the same facts share one dict)."""
    if found is None:
        return None
    rows = {id(facts): row for row, facts in enumerate(table)}
    return {rel: (type(entry), entry.key, tuple(map(type, entry.key)), rows[id(entry.facts)])
            for rel, entry in found.items()}


def _agree(entries: dict[str, object], rows: int, cutoff: int) -> None:
    assert content_cache._native_entries is not None, "the C loop was not built (pip install -e .)"
    table: list[dict[str, Any]] = [{"text": True, "row": row} for row in range(rows)]
    native = content_cache.trusted_entries(entries, table, cutoff)
    python = trusted_entries_in_python(entries, table, cutoff)
    assert _shown(native, table) == _shown(python, table)


@_C_OFF
@given(entries=st.dictionaries(st.text(max_size=6), _VALUE, max_size=12),
       rows=st.integers(min_value=0, max_value=4), cutoff=_CUTOFF)
def test_c_and_python_trust_the_same_entries(entries: dict[str, object], rows: int,
                                             cutoff: int) -> None:
    _agree(entries, rows, cutoff)


@_C_OFF
@settings(max_examples=300)
@given(sound=st.dictionaries(st.text(max_size=4), _SOUND, max_size=6),
       spoiled=st.one_of(st.none(), _SPOILED), rows=st.integers(min_value=0, max_value=6),
       cutoff=st.integers(min_value=0, max_value=1 << 65))
def test_one_spoiled_entry_is_refused_alike(sound: dict[str, object], spoiled: object,
                                            rows: int, cutoff: int) -> None:
    _agree({**sound, "spoiled": spoiled} if spoiled is not None else sound, rows, cutoff)


def test_a_sound_cache_is_trusted_whole_but_its_racy_entries() -> None:
    table: list[dict[str, Any]] = [{"text": True}, {"text": False}]
    entries: dict[str, object] = {"a.py": [1, 2, 3, 10, 10, 0], "b.js": [1, 5, 0, 9, 99, 1],
                                  "racy.py": [1, 6, 7, 100, 10, 0]}
    found = content_cache.trusted_entries(entries, table, 100)
    assert found == {"a.py": Entry((1, 2, 3, 10, 10), table[0]),
                     "b.js": Entry((1, 5, 0, 9, 99), table[1])}
    assert found["a.py"].facts is table[0] and isinstance(found["b.js"], Entry)
    for bad in (True, 1.0, -1, None, "1"):
        assert content_cache.trusted_entries({**entries, "x": [1, 2, 3, 4, 5, bad]},
                                             table, 100) is None
    assert content_cache.trusted_entries({"x": [1, 2, 3, 4, 5, 2]}, table, 100) is None


# ------------------------------------------------------------------ the warm check's lstat
_FIELDS = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_size", "st_blocks", "st_mtime_ns",
           "st_ctime_ns")


def _answers(found: Sequence[object]) -> list[object]:
    return [st if st is None or isinstance(st, int) else tuple(getattr(st, f) for f in _FIELDS)
            for st in found]


@_C_OFF
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_c_and_python_find_the_same_files_unchanged(tmp_path_factory: pytest.TempPathFactory,
                                                    data: st.DataObject) -> None:
    top = tmp_path_factory.mktemp("changed")
    (top / "src").mkdir()
    (top / "src" / "small.py").write_bytes(b"x = 1\n")
    (top / "src" / "big.js").write_bytes(b"y" * 5000)
    (top / "link").symlink_to("src/small.py")
    os.mkfifo(top / "fifo")
    paths = ["src/small.py", "src/big.js", "link", "fifo", "src", "gone.py", "src/small.py/x"]
    real = [os.stat(top / p, follow_symlinks=False) if os.path.lexists(top / p) else None
            for p in paths]
    keys: list[tuple[int, int, int, int, int]] = []
    for st_ in real:
        key = ((st_.st_dev, st_.st_ino, st_.st_size, st_.st_mtime_ns, st_.st_ctime_ns)
               if st_ is not None else (0, 0, 0, 0, 0))
        field = data.draw(st.integers(min_value=-1, max_value=4))  # -1: the key as it is
        if field >= 0:
            changed = data.draw(st.sampled_from([1, -1, 1 << 64, -(1 << 64)]))
            key = (*key[:field], key[field] + changed, *key[field + 1:])
        keys.append(key)
    below = data.draw(st.sampled_from([0, 6, 7, 5000, 5001, 1 << 40]))
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        native = measure.lstat_changed(fd, paths, keys, below)
        python = measure.lstat_changed_in_python(fd, paths, keys, below)
    finally:
        os.close(fd)
    assert measure._native_changed is not None, "the C loop was not built (pip install -e .)"
    assert _answers(native) == _answers(python)
    small_same = keys[0] == (real[0].st_dev, real[0].st_ino, real[0].st_size,  # type: ignore[union-attr]
                             real[0].st_mtime_ns, real[0].st_ctime_ns)  # type: ignore[union-attr]
    assert (native[0] is None) == (small_same and below > 6)
    assert all(found is not None for found in native[2:])  # a link, a FIFO, a folder, gone


def test_a_nul_byte_or_a_missing_key_is_refused_alike(tmp_path: Path) -> None:
    fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for check in (measure.lstat_changed, measure.lstat_changed_in_python):
            with pytest.raises(ValueError):
                check(fd, ["a\0b"], [(0, 0, 0, 0, 0)], 10)
            with pytest.raises(ValueError):
                check(fd, ["a", "b"], [(0, 0, 0, 0, 0)], 10)
    finally:
        os.close(fd)
