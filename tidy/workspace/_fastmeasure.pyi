"""Types of the measuring loop in C (tidy/workspace/_fastmeasure.c)."""

from collections.abc import Sequence
from typing import TypeVar

from tidy.workspace.measure import EntryStat

# (surface folder, files, bytes); (path, errno or a negative stand-in); a link's fields
SurfaceRow = tuple[str, int, int]
SkippedRow = tuple[str, int]
LinkRow = tuple[int, int, int, int, float, bool, str | None, int]
# apparent, blocks, files, dirs, entries, newest, surface, skipped, links, .gitignore folders,
# version-control markers
Raw = tuple[int, int, int, int, int, float, list[SurfaceRow], list[SkippedRow], list[LinkRow],
            list[str], list[str]]

def measure(roots: Sequence[tuple[str, str, bool]], device: int, cross: bool, /) -> Raw: ...
def markers() -> frozenset[str]: ...
def max_depth() -> int: ...
def link_fields() -> int: ...

# The fields of an lstat the walk reads: a struct sequence in C, typed as the Protocol.
Stat = EntryStat

def lstat_names(dirfd: int, names: Sequence[str], /) -> list[Stat | int]: ...
def paths_clean(fields: bytes, /) -> bool: ...

_E = TypeVar("_E", bound=tuple[object, ...])

def cache_entries(entries: dict[str, object], table: list[dict[str, object]], cutoff: int,
                  entry_type: type[_E], /) -> dict[str, _E] | None: ...
def lstat_changed(dirfd: int, paths: Sequence[str],
                  keys: Sequence[tuple[int, int, int, int, int]], below: int,
                  /) -> list[Stat | int | None]: ...
def lstat_sum(dirfd: int, names: Sequence[str], hidden: bool, big: int, exact: frozenset[str],
              starts: tuple[str, ...], ends: tuple[str, ...], any_file: bool, programs: bool,
              /) -> tuple[int, int, int, int, int, int, list[tuple[int, Stat | int]]]: ...
def set_death_signal(signum: int, /) -> None: ...
def open_beneath(dirfd: int, path: str, flags: int, /) -> int: ...
def openat2_used() -> bool: ...
