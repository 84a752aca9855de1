"""The content cache's entries checked and made in C (_fastmeasure.packed_entries) answer what
the Python loop does (content_cache.trusted_entries_in_python): the same entries, the same
racy ones left out, the same whole cache refused for one entry that is not what tidy writes
(a path not a str, a path twice, a row past the table, packed stats of the wrong length)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.workspace import content_cache, measure
from tidy.workspace.content_cache import PACKED, Entry, trusted_entries_in_python

_C_OFF = pytest.mark.skipif(bool(os.environ.get("TIDY_PURE_PYTHON")),
                            reason="the C loop is turned off on purpose")

_U64 = st.one_of(st.integers(min_value=0, max_value=(1 << 64) - 1),
                 st.integers(min_value=0, max_value=8))  # rows and the like
_I64 = st.one_of(st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1),
                 st.integers(min_value=-3, max_value=8),
                 st.integers(min_value=0, max_value=2_000_000_000_000_000_000))  # ns times
_RECORD = st.tuples(_U64, _U64, _U64, _I64, _I64, _U64)
# Some records repeat a field of the one before (the C loop reuses the number it made then).
_PATH = st.one_of(st.text(max_size=6), st.text(max_size=6), st.integers(), st.none())
_CUTOFF = st.one_of(st.integers(min_value=0, max_value=2_000_000_000_000_000_000),
                    st.integers(min_value=-5, max_value=10),
                    st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1),
                    st.integers(min_value=1 << 64))


def _shown(found: dict[str, Entry] | None, table: list[dict[str, Any]]) -> object:
    """What an answer says, with each entry's facts named by their row (identity, not only
    equality: entries with the same facts share one dict)."""
    if found is None:
        return None
    rows = {id(facts): row for row, facts in enumerate(table)}
    return {rel: (type(entry), type(entry.key), entry.key, tuple(map(type, entry.key)),
                  rows[id(entry.facts)])
            for rel, entry in found.items()}


def _agree(paths: list[object], packed: bytes, rows: int, cutoff: int) -> object:
    assert content_cache._native_entries is not None, "the C loop was not built (pip install -e .)"
    table: list[dict[str, Any]] = [{"text": True, "row": row} for row in range(rows)]
    native = content_cache.trusted_entries(paths, packed, table, cutoff)
    python = trusted_entries_in_python(paths, packed, table, cutoff)
    assert _shown(native, table) == _shown(python, table)
    return native


def _packed(records: Sequence[tuple[int, ...]]) -> bytes:
    return b"".join(PACKED.pack(*r) for r in records)


@_C_OFF
@given(entries=st.lists(st.tuples(_PATH, _RECORD), max_size=12),
       rows=st.integers(min_value=0, max_value=4), cutoff=_CUTOFF,
       trim=st.sampled_from([0, 0, 0, 1, 8, 47, 48, -1]), repeat=st.booleans())
def test_c_and_python_trust_the_same_entries(entries: list[tuple[object, tuple[int, ...]]],
                                             rows: int, cutoff: int, trim: int,
                                             repeat: bool) -> None:
    records = [r for _, r in entries]
    if repeat and records:  # the second record repeats the first's numbers, as files often do
        records = [records[0], *records]
        entries = [(f"repeat{len(entries)}", records[0]), *entries]
    packed = _packed(records)
    packed = packed[:len(packed) - trim] if trim >= 0 else packed + b"\0"
    _agree([p for p, _ in entries], packed, rows, cutoff)


@_C_OFF
@settings(max_examples=300)
@given(sound=st.dictionaries(st.text(max_size=4), _RECORD, max_size=6),
       spoiled=st.sampled_from(["none", "not str", "twice", "row", "short"]),
       rows=st.integers(min_value=1, max_value=6),
       cutoff=st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1))
def test_one_spoiled_entry_is_refused_alike(sound: dict[str, tuple[int, ...]], spoiled: str,
                                            rows: int, cutoff: int) -> None:
    records = [(*r[:5], r[5] % rows) for r in sound.values()]
    paths: list[object] = list(sound)
    if spoiled == "not str":
        paths.append(b"bytes")
        records.append((1, 2, 3, 4, 5, 0))
    elif spoiled == "twice" and paths:
        paths.append(paths[0])
        records.append(records[0])
    elif spoiled == "row":
        paths.append("past")
        records.append((1, 2, 3, 4, 5, rows))
    packed = _packed(records)
    if spoiled == "short":
        packed = packed[:-1]
    found = _agree(paths, packed, rows, cutoff)
    if spoiled != "none" and (spoiled != "twice" or sound) and (spoiled != "short" or sound):
        assert found is None


def test_a_sound_cache_is_trusted_whole_but_its_racy_entries() -> None:
    table: list[dict[str, Any]] = [{"text": True}, {"text": False}]
    paths: list[object] = ["a.py", "b.js", "racy.py", "old.txt"]
    records = [(1, 2, 3, 10, 10, 0), (1, 5, 0, 9, 99, 1), (1, 6, 7, 100, 10, 0),
               (1, 7, 8, -5, 20, 1)]
    found = content_cache.trusted_entries(paths, _packed(records), table, 100)
    assert found == {"a.py": Entry((1, 2, 3, 10, 10), table[0]),
                     "b.js": Entry((1, 5, 0, 9, 99), table[1]),
                     "old.txt": Entry((1, 7, 8, -5, 20), table[1])}  # before 1970: kept
    assert found["a.py"].facts is table[0] and isinstance(found["b.js"], Entry)
    for bad in ([*paths[:3], 4], [*paths[:3], "a.py"]):
        assert content_cache.trusted_entries(bad, _packed(records), table, 100) is None
    assert content_cache.trusted_entries(paths, _packed(records)[:-1], table, 100) is None
    assert content_cache.trusted_entries(["x"], _packed([(1, 2, 3, 4, 5, 2)]), table,
                                         100) is None


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
