"""Answers worked out from the index's listing alone, kept with the listing between scans.

The early job's rules spend much of a warm rescan's worker CPU going over every tracked path
again to find what they found last time (250k bench tree, 36,000 paths: the data rules'
requests ~17 ms, the heavy-folder candidates ~20 ms, the vendored search's file list ~9 ms).
Those answers depend on the listing and on inputs the caller names (a version of the code
that derives them, settings, a .gitattributes' folders), so they are kept in the listing's
own file (workspace/index_cache, under the index's stamp): one read gives both, and a new
index drops both.

Kept answers are untrusted input like the listing: each is handed back only through the
caller's `decode`, which checks its shape and refers to paths by their position in the
listing (a number out of range is no answer); a decode that refuses it, or an entry kept
under other inputs, and the answer is worked out again and kept anew. This module reads and
writes nothing itself.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from tidy.workspace.blobs import IndexListing

T = TypeVar("T")
Json = object  # what json.loads gives back, and json.dumps takes


class IndexMemo:
    """Answers by name, each with the inputs (besides the listing) it was worked out from."""

    def __init__(self, kept: dict[str, tuple[str, Json]] | None = None) -> None:
        self._entries: dict[str, tuple[str, Json]] = dict(kept or {})
        self.learnt = False  # an answer was worked out here: the kept file is to be rewritten

    def entries(self) -> dict[str, tuple[str, Json]]:
        return dict(self._entries)

    def get(self, name: str, inputs: str, compute: Callable[[], T],
            encode: Callable[[T], Json], decode: Callable[[Json], T | None]) -> T:
        """The kept answer `name` when it was kept for `inputs` and `decode` takes it; else
        compute()'s, kept for the next scan."""
        entry = self._entries.get(name)
        if entry is not None and entry[0] == inputs:
            kept = decode(entry[1])
            if kept is not None:
                return kept
        value = compute()
        self._entries[name] = (inputs, encode(value))
        self.learnt = True
        return value


def memoized(listing: IndexListing, name: str, inputs: str, compute: Callable[[], T],
             encode: Callable[[T], Json], decode: Callable[[Json], T | None]) -> T:
    """IndexMemo.get on the listing's memo; compute() alone when it has none (--no-cache, a
    listing git gave without the cache)."""
    memo = listing.memo
    if memo is None:
        return compute()
    return memo.get(name, inputs, compute, encode, decode)


def positions(listing: IndexListing, paths: list[str]) -> list[int]:
    """Where each of `paths` (in the listing's order, each once) stands in the listing."""
    at = {path: i for i, path in enumerate(listing.paths)} if paths else {}
    return [at[path] for path in paths]


def kept_positions(listing: IndexListing, paths: list[str]) -> Json:
    """positions() as they are kept: runs of consecutive positions as {"runs": [start, end,
    start, end, ...]} (each end past its run's last), or the positions themselves when that
    is no shorter. The files an answer names mostly stand in long runs of the sorted listing
    (the 250k bench tree's 21,731 searched files are one run; the web app's 7,005 are 91):
    a warm rescan then parses a handful of numbers instead of one per file (~70 M
    instructions of the 250k tree's warm early job)."""
    at = positions(listing, paths)
    runs: list[int] = []
    for position in at:
        if runs and runs[-1] == position:
            runs[-1] = position + 1
        else:
            runs += (position, position + 1)
    return {"runs": runs} if len(runs) < len(at) else at


def paths_at(listing: IndexListing, kept: Json) -> list[str] | None:
    """The listing's paths at the kept positions (kept_positions' forms): a list of ints,
    rising, each in range, or {"runs": [start, end, ...]}, rising, each run not empty and
    in range; None for anything else."""
    if isinstance(kept, dict):
        return _paths_in_runs(listing, kept)
    if not isinstance(kept, list):
        return None
    if not kept:
        return []
    paths = listing.paths
    # The checks as whole-list passes in C, not a Python loop per position (a warm scan of
    # the 250k bench tree takes ~30,000 kept positions: ~5 -> ~2 ms). Rising from the first,
    # each in range when the first and the last are.
    if not _rising_in(kept, len(paths) - 1):
        return None
    return list(map(paths.__getitem__, kept))


def _paths_in_runs(listing: IndexListing, kept: dict[object, object]) -> list[str] | None:
    """paths_at of {"runs": [start, end, ...]}: strictly rising (so each run holds a path
    and no run meets or overlaps the next), every end within the listing."""
    runs = kept.get("runs")
    if len(kept) != 1 or not isinstance(runs, list) or len(runs) % 2:
        return None
    if not runs:
        return []
    paths = listing.paths
    if not _rising_in(runs, len(paths)):
        return None
    return list(itertools.chain.from_iterable(
        map(paths.__getitem__, map(slice, runs[::2], runs[1::2]))))


def _rising_in(numbers: list[object], last: int) -> bool:
    """`numbers` (not empty) are ints (no bool), strictly rising, from 0 up to `last`."""
    if set(map(type, numbers)) != {int}:
        return False
    ints = cast("list[int]", numbers)
    return (ints[0] >= 0 and ints[-1] <= last
            and all(map(operator.lt, ints, itertools.islice(ints, 1, None))))


def plain_relative(path: str) -> bool:
    """A kept path a listing could hold: relative, plain names (no empty, `.` or `..`
    component), no NUL."""
    return "\0" not in path and all(part not in ("", ".", "..") for part in path.split("/"))
