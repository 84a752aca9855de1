"""Report -> Plan: which findings `tidy fix` acts on, each with the state to re-check.

A plan is data: frozen PlannedActions with absolute paths, the group and scan roots, the
finding behind each one, its size, and the `Expected` state seen when the plan was made
(type, device, inode, mtime, tracked state). Appliers compare that with the disk again
right before they act, and skip what changed.

What is planned (ruff's model):
- a finding's fix at Applicability.SAFE; UNSAFE too with `unsafe=True`; DISPLAY_ONLY only
  when the user allows unsafe fixes and names that exact code in `select` (git rm of an
  unused vendored library);
- only codes that `select`/`ignore` keep (longest prefix wins), only `kinds` when given;
- with `older_than`, only projects whose own newest file (Finding.activity, computed by the
  engine from the project's files, never atime) is at least that old;
- stale bytecode (TDY103) moves the stale files it names, not the whole `__pycache__`;
- a path inside another planned path of the same action is covered by it and left out;
- never, whatever the flags: a finding that holds a repository (a `.git` folder or file, `.hg`,
  ... found while measuring it); it is listed as left out with the checkout's path.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import sys
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from tidy.core.catalog import Catalog, companions_of, load_builtin
from tidy.core.models import (
    FOLDER_FILE_DETAIL,
    NESTED_REPO_DETAIL,
    ActionKind,
    Applicability,
    Finding,
    Group,
    Report,
    Tracked,
)

# Linux's CLOCK_REALTIME_COARSE (Python has no name for it): file times are stamped from it
# (or, for a file whose times were just read, from the fine clock). Its tick: 1-10 ms.
_COARSE: int | None = 5 if sys.platform.startswith("linux") else None
_TICK_NS = min(int(time.clock_getres(_COARSE) * 1e9), 20_000_000) if _COARSE is not None \
    else 10_000_000

# Names of the trash folders tidy itself creates (outside repos; see tidy/fixes/trash/).
TRASH_FOLDER_NAME = ".tidy-trash"


class PlanRefused(ValueError):
    """A root tidy will not fix at all (/, the home folder): exit 2 with this message."""


@dataclass(frozen=True)
class Expected:
    """The state an applier must still find before it acts (compared with lstat)."""

    type: str  # "dir" or "file"
    dev: int
    ino: int
    mtime_ns: int  # of the path itself; newer at apply time means it changed
    mode: int
    tracked: Tracked  # as the scan saw it
    newest_mtime: float  # newest mtime anywhere inside, as the scan measured it (0: unknown)
    # Writes since the plan: anything inside whose ctime (or mtime) is after `since_ns`
    # was written after the scan began (ctime cannot be set back by a program; see
    # tidy/fixes/recheck.py). 0: unknown, only the path's own mtime is compared.
    since_ns: int = 0
    ctime_ns: int = 0  # of the path itself
    # (st_dev, st_ino) of the scan root and of each folder from it down to the path's
    # parent: the move walks down by descriptors and refuses a folder that is not the same.
    chain: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class PlannedAction:
    path: str  # absolute
    root: str  # the group root: the repo (or plain folder) the path belongs to
    scan_root: str  # the root the user named; nothing outside it is ever touched
    rel: str  # relative to `root`, POSIX separators
    is_repo: bool
    code: str
    rule: str
    kind: str
    action: ActionKind
    applicability: Applicability
    bytes: int
    disk_bytes: int
    files: int
    why: str
    regenerate: str
    activity: float  # newest mtime of the project's own files (0: unknown)
    expected: Expected
    # The folder of the finding this action is one file of (TDY501's files of a folder,
    # absolute), "" when the finding was this path itself: the plan prints them as one row.
    of_folder: str = ""
    # Of `bytes`, files with names outside the path (hard links into pnpm's or uv's store):
    # moved with it, but a purge frees none of them.
    linked_out: int = 0
    # An extraction the scan of this run found the build config would ship (Fix.ships): the
    # plan does not read the config again (the extraction still checks when it runs)
    ships: bool = False


# Why a finding was left out, in `tidy fix`'s flags (tidy browse says them in its keys).
UNSAFE_LEFT_OUT = "unsafe fix: add --unsafe-fixes to include it"
DISPLAY_ONLY_LEFT_OUT = "display-only: applied only with --unsafe-fixes --select "


@dataclass(frozen=True)
class LeftOut:
    """A fixable finding the plan does not act on, and why (shown with --dry-run)."""

    path: str
    code: str
    reason: str
    # The user must act for it to be fixed (declare package data): said in a real run too,
    # and `tidy fix` exits 1, as for a skip that needs attention.
    attention: bool = False


@dataclass(frozen=True)
class PlanOptions:
    unsafe: bool = False
    select: tuple[str, ...] = ()  # empty: every code
    ignore: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # empty: every kind
    older_than: float | None = None  # seconds
    now: float = 0.0  # 0: time.time() when the plan is made
    actions: Collection[ActionKind] | None = None  # the action kinds an applier exists for
    # `mark_since()` read before the scan began: the re-check before a move treats anything
    # changed after it as written since the plan. 0: derived from the report (its end minus
    # its duration).
    since_ns: int = 0
    # The catalogue the scan used (its `with` companions of `kinds`); None: the built-in one.
    catalog: Catalog | None = None


@dataclass(frozen=True)
class Plan:
    roots: tuple[str, ...]
    actions: tuple[PlannedAction, ...]
    left_out: tuple[LeftOut, ...] = ()
    created: float = 0.0

    @property
    def bytes(self) -> int:
        return sum(a.bytes for a in self.actions)

    @property
    def files(self) -> int:
        return sum(a.files for a in self.actions)


def build(report: Report, options: PlanOptions = PlanOptions()) -> Plan:
    """The plan for `report`. Raises PlanRefused for a root tidy must not clean."""
    for root in report.roots:
        refuse_root(root)
    now = options.now or time.time()
    since_ns = options.since_ns or _since_of(report)
    if options.kinds:
        options = replace(options, kinds=with_companions(options.kinds, options.catalog))
    chosen: list[PlannedAction] = []
    left_out: list[LeftOut] = []
    seen = _Seen()
    for group in report.groups:
        for finding in group.findings:
            scan_root = _scan_root_of(group, finding, report.roots)
            held = _held_back(finding, options)
            if held:
                left_out.append(LeftOut(_join(group.root, finding.path), finding.code, held,
                                        attention=True))
                continue
            verdict = _verdict(finding, options, now)
            if verdict is None:
                continue  # not a fix, or narrowed away by the user: not worth a line
            if verdict:
                left_out.append(LeftOut(_join(group.root, finding.path), finding.code, verdict))
                continue
            for candidate in _expand(finding, group, scan_root, since_ns, seen):
                if isinstance(candidate, LeftOut):
                    left_out.append(candidate)
                else:
                    chosen.append(candidate)
    kept, covered = _drop_covered(chosen)
    kept, refused = _config_files_checked(kept)
    kept, unshipped = _extractions_that_ship(kept)
    return Plan(report.roots, tuple(kept), tuple(left_out + covered + refused + unshipped), now)


def with_companions(kinds: tuple[str, ...], catalog: Catalog | None = None) -> tuple[str, ...]:
    """`kinds` and the kinds that must go with them (the catalogue's `with`; the built-in
    one when none is given): moving tsc's outDir and leaving its tsbuildinfo makes the next
    `tsc -b` write nothing."""
    known = catalog.kinds if catalog is not None else load_builtin()
    # A kind named as --kind names it: its name, or one of its folder names (`.nox`).
    named = [k for k in known if k.name in kinds or any(n in kinds for n in k.names)]
    companions = companions_of(named, known)
    return tuple(dict.fromkeys([*kinds, *sorted(companions)]))


def _config_files_checked(actions: list[PlannedAction]
                          ) -> tuple[list[PlannedAction], list[LeftOut]]:
    """Ignore and editor-exclude fixes edit config files: one that tidy will not edit (a
    symlink, a FIFO, in a linked folder) is named in the plan with the reason. The actions
    stay planned: at apply time each one is skipped (ignore rules, which go only into
    .gitignore) or done in the other files, and says so."""
    from tidy.fixes.editors.excludes import holds_python, refused_files

    refused: list[LeftOut] = []
    by_file_owner: dict[tuple[str, ActionKind], list[PlannedAction]] = {}
    for action in actions:  # grouped once: a workspace of 2,000 repos has 2,000 keys
        if action.action in (ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE):
            by_file_owner.setdefault((action.root, action.action), []).append(action)
    for (root, kind), mine in by_file_owner.items():
        ignore = kind is ActionKind.IGNORE
        python = not ignore and any(holds_python(a.path) for a in mine)
        refused += [LeftOut(_join(root, rel), mine[0].code, why)
                    for rel, why in refused_files(root, ignore, python)]
    return actions, refused


def _extractions_that_ship(actions: list[PlannedAction]
                           ) -> tuple[list[PlannedAction], list[LeftOut]]:
    """An extraction whose project would not ship the data file (setup.py/setup.cfg declare
    no package data for it: tidy edits neither) is left out of the plan with the build
    config's reason, needing attention. Asked about and then skipped, Faker's 23 data modules
    cost 80 s of converting before each was refused for the same reason. The extraction
    checks again when it runs (the config may change meanwhile). Each project's build config
    is read and parsed once for all its modules (Faker: setup.py, setup.cfg, MANIFEST.in and
    pyproject.toml were read again for each of its 26 data modules), and only for this plan.
    An extraction whose finding this run's scan made already says the config ships its data
    file (PlannedAction.ships: the scan read the config for its rule): it is not read again."""
    if not any(a.action is ActionKind.EXTRACT and not a.ships for a in actions):
        return actions, []
    from tidy.extract.core import data_file_name
    from tidy.extract.packaging import check
    from tidy.workspace.build_config import BuildConfigs

    configs = BuildConfigs(a.root for a in actions if a.action is ActionKind.EXTRACT)
    data_paths = {id(a): os.path.join(os.path.dirname(a.path), data_file_name(a.path, "gz"))
                  for a in actions if a.action is ActionKind.EXTRACT and not a.ships}
    configs.expect(data_paths.values())  # one `git check-ignore` per project
    kept: list[PlannedAction] = []
    unshipped: list[LeftOut] = []
    for action in actions:
        if id(action) in data_paths:
            refusal = check(action.path, data_paths[id(action)], configs).refusal
            if refusal:
                unshipped.append(LeftOut(action.path, action.code, refusal, attention=True))
                continue
        kept.append(action)
    return kept, unshipped


def refuse_root(root: str) -> None:
    real = os.path.realpath(root)
    if real == os.path.realpath("/") or os.path.dirname(real) == real:
        raise PlanRefused(f"refusing to fix {root!r}: the filesystem root; name a project folder")
    home = os.path.realpath(os.path.expanduser("~"))
    if real == home:
        raise PlanRefused(f"refusing to fix {root!r}: the home folder itself; name the folders "
                          "that hold projects (e.g. tidy fix ~/code)")


def _scan_root_of(group: Group, finding: Finding, roots: tuple[str, ...]) -> str:
    """The scan root `finding` was found under (a group may be a repo enclosing the root)."""
    best = ""
    for root in roots:
        if _inside_or_same(group.root, root) and len(root) > len(best):
            best = root
    if best:
        return best
    # The scan roots lie inside this group's repo: the root is the limit, not the repo. Two
    # named folders of one repo (`tidy fix repo/a repo/b`) are one group: each finding is
    # limited by the named folder that holds it, the deepest when they nest.
    inside = [r for r in roots if _inside_or_same(r, group.root)]
    path = _join(group.root, finding.path)
    holding = [r for r in inside if _inside_or_same(path, r)]
    return max(holding or inside, key=len) if inside else group.root


def _selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    if not select and not ignore:
        return True
    best_select = max((len(p) for p in select or ("",) if code.startswith(p)), default=-1)
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return best_select >= 0 and best_select > best_ignore


def _held_back(finding: Finding, options: PlanOptions) -> str:
    """Why a fix the scan found blocked (Fix.blocked_by: a data module whose build config
    would not ship its data file) waits for the user, when the plan would otherwise have
    carried it out (its code selected, unsafe fixes allowed: an extraction is unsafe); ""
    when it is not such a fix, or the user did not ask for it."""
    fix = finding.fix
    if fix is None or not fix.blocked_by or not options.unsafe or options.kinds:
        return ""
    return fix.blocked_by if _selected(finding.code, options.select, options.ignore) else ""


def _verdict(finding: Finding, options: PlanOptions, now: float) -> str | None:
    """"" to plan it, a reason to list it as left out, None to drop it silently."""
    fix = finding.fix
    repos = [value for key, value in finding.details if key == NESTED_REPO_DETAIL]
    if fix is None or (fix.action is ActionKind.NONE and not repos):
        return None
    if not _selected(finding.code, options.select, options.ignore):
        return None
    if options.kinds and finding.kind not in options.kinds and (
            finding.path.rsplit("/", 1)[-1] not in options.kinds):  # a name of the kind (.nox)
        return None
    if repos:
        # Whatever the rule offered: a checkout may hold commits and edits found nowhere else.
        more = f" and {len(repos) - 1} more" if len(repos) > 1 else ""
        return f"holds a repository: {repos[0]}{more}; never moved (remove it yourself)"
    if fix.action is ActionKind.TRASH and finding.tracked in (Tracked.TRACKED, Tracked.PARTLY):
        # Safety rule 1: tracked content never goes to the trash, whatever the rule said.
        return "holds tracked files: tidy never trashes tracked content (see TDY102)"
    if fix.applicability is Applicability.DISPLAY_ONLY and not _asked_for(finding, options):
        # NONE was dropped above: this is advice tidy can carry out when asked by name.
        return f"{DISPLAY_ONLY_LEFT_OUT}{finding.code}"
    if fix.applicability is Applicability.UNSAFE and not options.unsafe:
        return UNSAFE_LEFT_OUT
    if options.actions is not None and fix.action not in options.actions:
        return f"no fixer for {fix.action.value!r} is installed"
    if options.older_than is not None:
        return _age_verdict(finding, options.older_than, now)
    return ""


def _asked_for(finding: Finding, options: PlanOptions) -> bool:
    """A display-only fix that can be applied (git rm of an unused vendored library) runs
    only when the user names its rule exactly and allows unsafe fixes."""
    fix = finding.fix
    return (fix is not None and fix.action is not ActionKind.NONE and options.unsafe
            and finding.code in options.select)


def _age_verdict(finding: Finding, older_than: float, now: float) -> str:
    if not finding.activity:
        return "project age unknown (no files of its own): kept because of --older-than"
    age = now - finding.activity
    if age < older_than:
        return f"project changed {_days(age)} ago (--older-than {_days(older_than)})"
    return ""


def _days(seconds: float) -> str:
    if seconds < 86400:
        return f"{max(0, int(seconds // 3600))}h"
    return f"{int(seconds // 86400)}d"


def mark_since() -> int:
    """The moment after which a change counts as "since the plan": call it right before the
    scan. File times are stamped from a clock that can lag the wall clock by a tick (Linux's
    coarse clock), so it waits two ticks before returning: anything written after that
    carries a later ctime, and anything written before it an earlier or equal one."""
    since = time.time_ns()
    time.sleep(2 * _TICK_NS / 1e9)
    return since


def _since_of(report: Report) -> int:
    """When the scan behind `report` began, for callers that did not mark it themselves
    (watch, library use): now minus the scan's duration. A write in the scan's first tick
    may be stamped earlier than this and go unseen; `mark_since` has no such gap."""
    return time.time_ns() - int(report.duration_s * 1e9)


class _Seen:
    """What one plan looks at more than once, looked at once: the home folder and / (resolved),
    and the lstat of each folder on the way to the planned paths (100,000 __pycache__ folders
    share their parents). A plan is a snapshot: the move checks every level again."""

    def __init__(self) -> None:
        self.home = os.path.realpath(os.path.expanduser("~"))
        self.slash = os.path.realpath("/")
        self._folders: dict[str, tuple[int, int] | None] = {}
        self._chains: dict[tuple[str, str], tuple[tuple[int, int], ...] | None] = {}
        self._stats: dict[str, os.stat_result | OSError] = {}

    def chain(self, scan_root: str, folder: str) -> tuple[tuple[int, int], ...] | None:
        """_chain's answer for `folder` (the scan root or a folder inside it), built on its
        parent's: each folder is looked at once however many items it holds."""
        if not _inside_or_same(folder, scan_root):
            return None
        missing = []  # from `folder` up to the nearest one already known (or the root's)
        current = folder
        while (scan_root, current) not in self._chains:
            missing.append(current)
            if current == scan_root or os.path.dirname(current) == current:
                break
            current = os.path.dirname(current)
        chain = self._chains.get((scan_root, current), ()) if missing and (
            missing[-1] != scan_root) else ()
        for path in reversed(missing):
            ident = self.folder(path) if chain is not None else None
            chain = None if ident is None or chain is None else (*chain, ident)
            self._chains[(scan_root, path)] = chain
        return self._chains[(scan_root, folder)]

    def lstat(self, path: str) -> os.stat_result:
        """os.lstat(path), looked at once per plan: a stray .pyc is planned twice (moved, and
        named by its folder's ignore rule), each with the same snapshot. Raises OSError."""
        found = self._stats.get(path)
        if found is None:
            try:
                found = os.lstat(path)
            except OSError as error:
                found = error
            self._stats[path] = found
        if isinstance(found, OSError):
            raise found
        return found

    def folder(self, path: str) -> tuple[int, int] | None:
        """(st_dev, st_ino) of the folder at `path` (lstat), None when it is not a folder."""
        if path not in self._folders:
            try:
                st = os.lstat(path)
            except OSError:
                self._folders[path] = None
            else:
                self._folders[path] = ((st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode)
                                       else None)
        return self._folders[path]


def _expand(finding: Finding, group: Group, scan_root: str,
            since_ns: int, seen: _Seen) -> Iterable[PlannedAction | LeftOut]:
    fix = finding.fix
    assert fix is not None
    stale = [name for key, name in finding.details if key == "stale"]
    if stale and fix.action is ActionKind.TRASH:
        # Stale bytecode: the named .pyc files, never the __pycache__ that holds live ones.
        for name in stale:
            rel = f"{finding.path}/{name}"
            yield _planned(finding, group, scan_root, rel, "file", since_ns, seen)
        return
    files = [name for key, name in finding.details if key == FOLDER_FILE_DETAIL]
    if files and fix.action is ActionKind.IGNORE:
        folder = _join(group.root, finding.path)
        # Files of one folder under one rule (TDY501): an action for each, as if found alone.
        for name in files:
            if "/" in name or name in ("", ".", ".."):
                yield LeftOut(_join(group.root, finding.path), finding.code,
                              f"not a file name: {name!r}")
                continue
            yield _planned(finding, group, scan_root, f"{finding.path}/{name}", "file",
                           since_ns, seen, of_folder=folder)
        return
    yield _planned(finding, group, scan_root, finding.path, None, since_ns, seen)


def _planned(finding: Finding, group: Group, scan_root: str, rel: str,
             want_type: str | None, since_ns: int, seen: _Seen,
             of_folder: str = "") -> PlannedAction | LeftOut:
    fix = finding.fix
    assert fix is not None
    path = _join(group.root, rel)
    problem = _outside(path, scan_root, seen)
    if problem:
        return LeftOut(path, finding.code, problem)
    try:
        st = seen.lstat(path)
    except OSError as error:
        return LeftOut(path, finding.code, f"cannot read it now: {error.strerror}")
    if stat.S_ISLNK(st.st_mode):
        return LeftOut(path, finding.code, "a symlink: tidy never moves links it was not asked to")
    kind = "dir" if stat.S_ISDIR(st.st_mode) else "file" if stat.S_ISREG(st.st_mode) else ""
    if not kind or (want_type and kind != want_type):
        return LeftOut(path, finding.code, "not a regular file or folder")
    chain = _chain(scan_root, path, seen)
    if chain is None:
        return LeftOut(path, finding.code, "a folder on the way is a symlink or not a folder")
    size = finding.size
    file_bytes = st.st_size if want_type == "file" else size.apparent
    return PlannedAction(
        path=path, root=group.root, scan_root=scan_root, rel=rel, is_repo=group.is_repo,
        code=finding.code, rule=finding.rule, kind=finding.kind, action=fix.action,
        applicability=fix.applicability,
        bytes=file_bytes,
        disk_bytes=st.st_blocks * 512 if want_type == "file" else size.disk,
        files=1 if want_type == "file" else size.files,
        linked_out=(st.st_size if st.st_nlink > 1 else 0) if want_type == "file"
        else size.linked_out,
        why=finding.message, regenerate=dict(finding.details).get("regenerate", ""),
        activity=finding.activity,
        expected=Expected(
            type=kind, dev=st.st_dev, ino=st.st_ino, mtime_ns=st.st_mtime_ns,
            mode=stat.S_IMODE(st.st_mode), tracked=finding.tracked,
            newest_mtime=max(size.newest_mtime, st.st_mtime),
            since_ns=since_ns, ctime_ns=st.st_ctime_ns, chain=chain,
        ),
        of_folder=of_folder, ships=fix.ships,
    )


def _chain(scan_root: str, path: str, seen: _Seen) -> tuple[tuple[int, int], ...] | None:
    """(st_dev, st_ino) of the scan root and each folder down to `path`'s parent (lstat);
    None when one of them is a link or not a folder."""
    return seen.chain(scan_root, os.path.dirname(path))


def _outside(path: str, scan_root: str, seen: _Seen) -> str:
    """Why `path` may not be touched from `scan_root`, or ""."""
    if not _inside_or_same(path, scan_root) or path == scan_root:
        return "outside the scanned folder (or the folder itself)"
    if path in (seen.home, seen.slash):
        return "the home folder or the filesystem root"
    rel = path[len(scan_root.rstrip(os.sep)) + 1:]  # inside it, both normalized: no relpath
    if TRASH_FOLDER_NAME in rel.split(os.sep):
        return "inside tidy's own trash"
    return ""


def _inside_or_same(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _drop_covered(actions: list[PlannedAction]) -> tuple[list[PlannedAction], list[LeftOut]]:
    """Each path once; a path below another planned path of the same action goes with it."""
    kept: list[PlannedAction] = []
    covered: list[LeftOut] = []
    by_action: dict[ActionKind, list[PlannedAction]] = {}
    for action in actions:
        by_action.setdefault(action.action, []).append(action)
    for same in by_action.values():
        # Parents right before children: folder by folder, as the separator sorting lowest
        # (no name holds a NUL) gives it, without a list per path.
        same.sort(key=lambda a: (a.path.replace(os.sep, "\0"), a.code))
        last: PlannedAction | None = None
        for action in same:
            if last is not None and (action.path == last.path or _inside_or_same(
                    action.path, last.path)):
                if action.path != last.path:
                    covered.append(LeftOut(action.path, action.code,
                                           f"goes with {last.path} ({last.code})"))
                continue
            last = action
            kept.append(action)
    kept.sort(key=lambda a: (-a.bytes, a.path))
    return kept, covered


# A part that normpath would change: ".", "..", an empty one (`a//b`, a trailing `/`).
_NOT_PLAIN = re.compile(r"(?:^|/)\.{0,2}(?:/|$)")


@functools.lru_cache(maxsize=64)
def _plain_root(root: str) -> bool:
    return os.sep == "/" and os.path.isabs(root) and root == os.path.normpath(root)


def _join(root: str, rel: str) -> str:
    if rel in ("", "."):
        return root
    if _plain_root(root) and not _NOT_PLAIN.search(rel):
        return f"{root.rstrip('/')}/{rel}"  # what normpath(join) gives, without its walk
    return os.path.normpath(os.path.join(root, rel))
