"""What a rule is and what it sees: one group (a repo or a plain folder) of one scan."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from tidy.core.config import Config
from tidy.core.models import Finding, Size, Surface, Tracked
from tidy.workspace.git import GitFacts
from tidy.workspace.walk import BigFile, Hit


class _FolderSums:
    """Numbers kept per folder, summed over any subtree on demand (sorted keys, bisect)."""

    def __init__(self, by_dir: Mapping[str, tuple[float, ...]]) -> None:
        self._keys = sorted(by_dir)
        self._values = [by_dir[k] for k in self._keys]

    def _rows(self, rel: str) -> list[tuple[float, ...]]:
        """The rows of `rel` itself and of every folder below it."""
        if rel in ("", "."):
            return self._values
        index = bisect.bisect_left(self._keys, rel)
        rows = []
        if index < len(self._keys) and self._keys[index] == rel:
            rows.append(self._values[index])
            index += 1
        prefix = rel + "/"
        start = bisect.bisect_left(self._keys, prefix, lo=index)
        end = bisect.bisect_left(self._keys, prefix + "\U0010ffff", lo=start)
        rows.extend(self._values[start:end])
        return rows


class SurfaceIndex(_FolderSums):
    """The search surface of a group per folder: (files, bytes)."""

    def __init__(self, by_dir: dict[str, tuple[int, int]]) -> None:
        super().__init__(by_dir)
        self.total = self.under(".")

    def under(self, rel: str) -> Surface:
        rows = self._rows(rel)
        return Surface(_total(rows, 0), _total(rows, 1))


class SizeIndex(_FolderSums):
    """What the walk counted per folder, as `du` would: (files, apparent, disk, dirs,
    newest mtime). A subtree's sum is `du -sb` of that folder without reading it again."""

    def under(self, rel: str) -> Size:
        rows = self._rows(rel)
        return Size(_total(rows, 1), _total(rows, 2), _total(rows, 0), _total(rows, 3),
                    max((r[4] for r in rows), default=0.0))


def _total(rows: list[tuple[float, ...]], column: int) -> int:
    return int(sum(r[column] for r in rows))


@dataclass(frozen=True)
class GroupContext:
    root: str  # absolute
    is_repo: bool
    hits: tuple[Hit, ...]  # paths relative to root; only kinds the user has turned on
    # Every artifact folder the walk measured, reported or not (an opt-in venv, a kind left
    # out by --kind): content that is not the project's own, for rules that read the tree.
    artifact_dirs: tuple[str, ...]
    big_files: tuple[BigFile, ...]
    stale_legacy_pyc: tuple[tuple[str, int], ...]
    git: GitFacts | None  # None for a plain folder
    surface: SurfaceIndex
    config: Config
    sizes: SizeIndex
    # What early work (tidy.workspace.early) returned for this repo, by rule code (none when
    # the index is small, the platform cannot fork or the work failed: the check then does it
    # itself).
    early: Mapping[str, object] = field(default_factory=dict)
    # What each rule's `start` returned for this group, by rule code.
    started: Mapping[str, object] = field(default_factory=dict)

    def tracked_state(self, rel: str, files: int, is_dir: bool) -> tuple[Tracked, int]:
        """Tracked state of a path and how many tracked files it holds."""
        if self.git is None:
            return Tracked.UNTRACKED, 0
        if not self.git.known:
            return Tracked.UNKNOWN, 0
        if not is_dir:
            tracked = self.git.is_tracked(rel)
            return (Tracked.TRACKED if tracked else Tracked.UNTRACKED), int(tracked)
        count = len(self.git.tracked_under(rel))
        if count == 0:
            return Tracked.UNTRACKED, 0
        return (Tracked.TRACKED if count >= files else Tracked.PARTLY), count

    def ignored(self, rel: str) -> bool | None:
        if self.git is None or not self.git.known:
            return None
        return self.git.is_ignored(rel)


Check = Callable[[GroupContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    doc: str  # What / Why / Fix, shown by `tidy rule CODE`
    check: Check
    fix_applicability: str
    # Codes this rule's check can produce, when one analysis yields several (4xx vendored).
    # Empty: just `code`. A rule whose check produces nothing of its own lists none.
    also_emits: tuple[str, ...] = ()
    # Starts a rule's slow outside work (git processes) before any rule is checked, so it
    # runs while the other checks do; the handle reaches check() as ctx.started[code].
    start: Callable[[GroupContext], object] | None = None

    @property
    def emits(self) -> tuple[str, ...]:
        return (self.code, *self.also_emits)
