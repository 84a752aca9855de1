"""What a rule is and what it sees: one group (a repo or a plain folder) of one scan, or, for
a budget, the group's findings after the scan."""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, TypeVar

from tidy.core.config import Config
from tidy.core.models import Applicability, Finding, Fix, Group, Size, Surface, Tracked
from tidy.workspace.git import GitFacts

if TYPE_CHECKING:  # types only: a budget's judge (the git hooks) never imports the walk
    from tidy.workspace.blobs import IndexListing
    from tidy.workspace.content import ContentFacts
    from tidy.workspace.walk import BigFile, Hit

T = TypeVar("T")
_NO_SIZE, _NO_SURFACE = Size(), Surface()  # frozen: safe to share as defaults


class _FolderSums:
    """Numbers kept per folder, summed over any subtree on demand (sorted keys, bisect)."""

    def __init__(self, by_dir: Mapping[str, tuple[float, ...]]) -> None:
        self._keys = sorted(by_dir)
        self._values = list(map(by_dir.__getitem__, self._keys))

    def items(self) -> Iterable[tuple[str, tuple[float, ...]]]:
        """Each folder's own row, in path order."""
        return zip(self._keys, self._values, strict=True)

    def rows_below(self, rel: str) -> list[tuple[str, tuple[float, ...]]]:
        """The rows of `rel` itself and of every folder below it, with their folders."""
        index = bisect.bisect_left(self._keys, rel)
        end = bisect.bisect_left(self._keys, rel + "/\U0010ffff", lo=index)
        return [(key, self._values[i]) for i, key in enumerate(self._keys[index:end], index)
                if key == rel or key.startswith(rel + "/")]

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

    def holds(self, folder: str) -> bool:
        """Whether files right in `folder` are searched (it has a row of its own)."""
        index = bisect.bisect_left(self._keys, folder)
        return index < len(self._keys) and self._keys[index] == folder


class SizeIndex(_FolderSums):
    """What the walk counted per folder, as `du` would: (files, apparent, disk, dirs,
    newest mtime). A subtree's sum is `du -sb` of that folder without reading it again."""

    def under(self, rel: str) -> Size:
        rows = self._rows(rel)
        return Size(_total(rows, 1), _total(rows, 2), _total(rows, 0), _total(rows, 3),
                    max((r[4] for r in rows), default=0.0))


def _total(rows: list[tuple[float, ...]], column: int) -> int:
    # map(itemgetter) adds the same numbers in the same order as a generator, at ~1/3 of
    # its cost: a group's surface total runs over every folder (250k bench tree: 7,804).
    return int(sum(map(itemgetter(column), rows)))


@dataclass(frozen=True)
class GroupContext:
    """Everything the rules judge one group from: the walk's hits and sizes, git's facts,
    the config, the early work."""

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
    # Hits of kinds found but not turned on (an opt-in venv): not reported as artifacts, but
    # an ignore rule for them is still due (TDY501).
    hidden_hits: tuple[Hit, ...] = ()
    # The group's content facts (tidy.workspace.content.ContentFacts: one read of each file
    # per scan, and the content cache); None in a context made by hand (rules.content makes
    # one then).
    content: ContentFacts | None = None

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

    def surface_of(self, rel: str, is_dir: bool, size: int) -> Surface:
        """What ripgrep reads of `rel`: a folder's sums, or a file itself (the sums are per
        folder, so `surface.under` of a file is nothing) when it is not hidden, git does not
        ignore it and its folder is searched."""
        if is_dir:
            return self.surface.under(rel)
        folder, _, name = rel.rpartition("/")
        if name.startswith(".") or self.ignored(rel):
            return _NO_SURFACE
        if not self.surface.holds(folder or "."):
            return _NO_SURFACE
        return Surface(1, size)


def per_context(compute: Callable[[GroupContext], T]) -> Callable[[GroupContext], T]:
    """Run `compute` once per scan context, so several rules share one costly answer.

    Keyed by the context's identity (contexts hold unhashable indexes) and checked through
    a weak reference, so a later scan never sees an earlier scan's answer.
    """
    memo: dict[int, tuple[weakref.ref[GroupContext], T]] = {}

    def cached(ctx: GroupContext) -> T:
        entry = memo.get(id(ctx))
        if entry is not None and entry[0]() is ctx:
            return entry[1]
        value = compute(ctx)
        for key in [k for k, (ref, _) in memo.items() if ref() is None]:
            del memo[key]
        memo[id(ctx)] = (weakref.ref(ctx), value)
        return value

    return cached


Check = Callable[[GroupContext], Iterable[Finding]]
# Slow outside work (git processes) a rule starts before any rule is checked, so it runs while
# the other checks do; what it returns reaches check() as ctx.started[code].
Start = Callable[[GroupContext], object]
# Slow outside work a rule can start as soon as the walk has ended, for a repo with early
# work, before the rest of its context is put together and the early work is waited for: ctx
# has no `content`, an empty `surface`, and `early` only when the early work had ended
# already (`sizes` are the walk's). What it returns reaches `start` as ctx.started[code]
# (start then owns it: a git process it does not need, it stops), or `check` for a rule
# with no `start`.
Begin = Callable[[GroupContext], object]
# Work done from the repo's index alone (its root and one listing of it) on the scan's worker
# pool while the walk runs; what it returns (picklable) reaches check() as ctx.early[code].
# None from the pool (a small index, no fork, an error): the check does the work itself.
# It reads file contents through the ContentFacts it is given (one read a scan, the cache).
IndexJob = Callable[[str, "IndexListing", "ContentFacts"], object]


@dataclass(frozen=True)
class BudgetInput:
    """What a budget judges: one group after the scan, and git's answers when it needs them."""

    group: Group
    findings: Sequence[Finding]
    tracked_blobs: Callable[[], Sequence[tuple[str, int]]]  # (path, blob size) in the index
    history_disk: Callable[[], int | None]  # packed bytes of all history; None: git failed


@dataclass(frozen=True)
class Judged:
    """One budget in one group: its limit, what was measured, the failing findings it adds."""

    limit: int
    measured: int
    failing: tuple[Finding, ...]


BudgetValue = int | bool


@dataclass(frozen=True)
class Budget:
    """A limit in [tool.tidy.budgets], judged per group after the scan (tidy.rules.budgets)."""

    key: str  # in [tool.tidy.budgets]
    expects: str  # what the value must be, for error messages
    parse: Callable[[object], BudgetValue | None]  # a value from the file; None: wrong type
    judge: Judge
    # The code (or family prefix) of the findings it adds up, "" for none: min-size must not
    # hide those from it (tidy.engine keeps them while the budget is set).
    counts: str = ""


# (the budget's rule, the group, the value in the file) -> the verdict; None: not judged here
# (a plain folder has no index; git could not answer; `true` switches a count budget off).
Judge = Callable[["Rule", BudgetInput, BudgetValue], Judged | None]


@dataclass(frozen=True)
class Rule:
    """One code: what `tidy rule CODE` says about it and what finds it.

    Exactly one of these finds a rule's findings: its `check` over each group during the scan;
    another rule's check that lists it in `also_emits` (one analysis, several verdicts: TDY401
    yields TDY402 and TDY403); or its `budget`, judged after the scan.
    """

    code: str
    name: str
    summary: str
    doc: str  # What / Why / Fix, shown by `tidy rule CODE`
    check: Check | None
    fix_applicability: Applicability
    also_emits: tuple[str, ...] = ()  # other codes this rule's check yields
    start: Start | None = None
    begin: Begin | None = None
    early: IndexJob | None = None
    budget: Budget | None = None

    @property
    def emits(self) -> tuple[str, ...]:
        return (self.code, *self.also_emits)

    def finding(self, path: str, message: str, *, kind: str = "", ecosystem: str = "",
                size: Size = _NO_SIZE, surface: Surface = _NO_SURFACE,
                tracked: Tracked = Tracked.UNKNOWN, ignored: bool | None = None,
                fix: Fix | None = None, fails: bool = False,
                details: tuple[tuple[str, str], ...] = ()) -> Finding:
        """A finding of this rule: its code and name are never typed again in a check."""
        return Finding(code=self.code, rule=self.name, path=path, message=message, kind=kind,
                       ecosystem=ecosystem, size=size, surface=surface, tracked=tracked,
                       ignored=ignored, fix=fix, fails=fails, details=details)
