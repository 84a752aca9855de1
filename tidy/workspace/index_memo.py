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
from typing import TYPE_CHECKING, TypeVar

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


def paths_at(listing: IndexListing, kept: Json) -> list[str] | None:
    """The listing's paths at the kept positions: a list of ints, rising, each in range;
    None for anything else."""
    if not isinstance(kept, list):
        return None
    if not kept:
        return []
    paths = listing.paths
    # The checks as whole-list passes in C, not a Python loop per position (a warm scan of
    # the 250k bench tree takes ~30,000 kept positions: ~5 -> ~2 ms). Rising from the first,
    # each in range when the first and the last are.
    if (set(map(type, kept)) != {int} or kept[0] < 0 or kept[-1] >= len(paths)
            or not all(map(operator.lt, kept, itertools.islice(kept, 1, None)))):
        return None
    return list(map(paths.__getitem__, kept))


def plain_relative(path: str) -> bool:
    """A kept path a listing could hold: relative, plain names (no empty, `.` or `..`
    component), no NUL."""
    return "\0" not in path and all(part not in ("", ".", "..") for part in path.split("/"))
