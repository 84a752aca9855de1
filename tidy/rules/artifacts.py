"""1xx: caches and build artifacts, found by the walk against the catalogue."""

from __future__ import annotations

from collections.abc import Iterator

from tidy.core.catalog import (
    AMBIGUOUS_NAMES,
    SDIST_SHIPS,
    Kind,
    in_test_fixture,
    sdist_exclude,
    unpacked_sdist,
)
from tidy.core.models import (
    LINKED_OUT_DETAIL,
    NESTED_REPO_DETAIL,
    ActionKind,
    Applicability,
    Finding,
    Fix,
    Size,
    Tracked,
)
from tidy.core.units import counted, human_bytes
from tidy.rules.base import GroupContext, Rule
from tidy.workspace.walk import Hit

_JUNK_ECOSYSTEMS = frozenset({"os", "editor"})


def _trash_fix(kind: Kind) -> Fix:
    safe = kind.safe and kind.tier in ("default", "marker")
    return Fix(
        ActionKind.TRASH,
        Applicability.SAFE if safe else Applicability.UNSAFE,
        f"move to tidy's trash (undo with `tidy undo`); comes back with: {kind.regenerate}",
    )


# In a repo whose git cannot answer (dubious ownership, a broken index), nothing is provably
# untracked, so nothing may move (DESIGN.md safety rule 1): the scan says why instead.
_UNKNOWN_STATE_FIX = Fix(
    ActionKind.NONE,
    Applicability.DISPLAY_ONLY,
    "none until git can say what is tracked here (see the warning), then `tidy fix`",
)

_UNTRACK_FIX = Fix(
    ActionKind.UNTRACK,
    Applicability.UNSAFE,
    "git rm -r --cached (the files stay on disk) and add an ignore rule",
)


_NESTED_SHOWN = 3  # markers named in the message; the details list every one


def _nested_repo_fix(markers: tuple[str, ...]) -> Fix:
    return Fix(
        ActionKind.NONE,
        Applicability.DISPLAY_ONLY,
        f"none: never moved while it holds a repository ({markers[0]}); check that its "
        "commits are pushed and its edits saved, then remove it yourself",
    )


def _nested_repo_message(hit: Hit, markers: tuple[str, ...]) -> str:
    shown = ", ".join(markers[:_NESTED_SHOWN])
    more = len(markers) - _NESTED_SHOWN
    return (f"{hit.kind.why} ({hit.kind.name} folder) holds a repository: {shown}"
            + (f" and {more} more" if more > 0 else "") + "; never moved")


def _is_dir(hit: Hit) -> bool:
    return hit.kind.type == "dir"


def _is_source_folder(hit: Hit, tracked: Tracked) -> bool:
    # A tracked `build/` or `lib/` is somebody's code, whatever marker sits beside it.
    name = hit.rel.rsplit("/", 1)[-1]
    return tracked is not Tracked.UNTRACKED and name in AMBIGUOUS_NAMES


def _details(hit: Hit, extra: tuple[tuple[str, str], ...] = ()) -> tuple[tuple[str, str], ...]:
    linked = (((LINKED_OUT_DETAIL, linked_out_note(hit.size)),) if hit.size.linked_out_files
              else ())
    return (("why", hit.kind.why), ("regenerate", hit.kind.regenerate), *extra, *linked)


def linked_out_note(size: Size) -> str:
    """What a path's size does not give back: pnpm's node_modules and uv's venvs are mostly
    hard links into a store, which `du` counts and deleting the path does not free."""
    return (f"{human_bytes(size.linked_out)} of it ({counted(size.linked_out_files, 'file')}) "
            f"is hard links to files outside it (pnpm and uv install from their store this "
            f"way): deleting it frees {human_bytes(size.freed.apparent)}")


def _project_hits(ctx: GroupContext) -> Iterator[Hit]:
    """The hits that are a project's artifacts: not a tool's global cache (TDY105's)."""
    return (hit for hit in ctx.hits if not hit.kind.is_global)


def check_untracked_artifacts(ctx: GroupContext) -> Iterator[Finding]:
    for hit in _project_hits(ctx):
        if hit.kind.ecosystem in _JUNK_ECOSYSTEMS or _is_stale_legacy(ctx, hit):
            continue
        tracked, _ = ctx.tracked_state(hit.rel, hit.size.files, _is_dir(hit))
        if tracked is not Tracked.UNTRACKED and tracked is not Tracked.UNKNOWN:
            continue
        what = "folder" if _is_dir(hit) else "file"
        message = f"{hit.kind.why} ({hit.kind.name} {what})"
        fix = _UNKNOWN_STATE_FIX if tracked is Tracked.UNKNOWN else _trash_fix(hit.kind)
        markers = tuple(f"{hit.rel}/{m}" for m in hit.nested_vcs)
        if markers:  # a checkout inside: its unpushed commits would go with the cache
            message, fix = _nested_repo_message(hit, markers), _nested_repo_fix(markers)
        yield UNTRACKED_ARTIFACT.finding(
            hit.rel,
            message,
            kind=hit.kind.name,
            ecosystem=hit.kind.ecosystem,
            size=hit.size,
            surface=ctx.surface_of(hit.rel, _is_dir(hit), hit.size.apparent),
            tracked=tracked,
            ignored=ctx.ignored(hit.rel),
            fix=fix,
            details=_details(hit, tuple((NESTED_REPO_DETAIL, m) for m in markers)),
        )


# What an installer leaves in the node_modules it writes (npm 7+, pnpm, yarn 1 and berry's
# node-modules linker; every installer's .bin shims), and the lockfiles that restore one.
_INSTALLER_NAMES = frozenset({".package-lock.json", ".modules.yaml", ".yarn-integrity",
                              ".yarn-state.yml", ".bin", ".pnpm"})
_NODE_LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
                   "bun.lock", "bun.lockb")


def _made_by_an_install(ctx: GroupContext, rel: str) -> bool:
    """Whether a committed node_modules is one an install wrote (and `npm ci` writes again):
    an installer's own files are committed in it, or a lockfile beside it. One with neither
    was written by hand, test input for a module resolver (vite commits several): no install
    brings it back, so it is not reported as a committed artifact."""
    if ctx.git is None:
        return True
    parent = rel.rpartition("/")[0]
    if any(ctx.git.is_tracked(f"{parent}/{name}" if parent else name)
           for name in _NODE_LOCKFILES):
        return True
    start = len(rel) + 1
    return any(path[start:].split("/", 1)[0] in _INSTALLER_NAMES
               for path in ctx.git.tracked_under(rel))


def _committed_message(ctx: GroupContext, hit: Hit, held: str) -> str:
    message = f"{hit.kind.why} is committed to git ({held})"
    sdist = (unpacked_sdist(hit.rel, ctx.git.is_tracked)
             if hit.kind.name in SDIST_SHIPS and ctx.git is not None else None)
    if sdist is None:
        return message
    where = f"in {sdist}/" if sdist else "here"  # its PKG-INFO at its top
    # The two cases a new user meets this in, and what to do in each: it is the same
    # committed artifact in a project's own repository, and the release's own file in a
    # vendored copy, which the scan should leave out rather than untrack.
    return (f"{message}: the sdist unpacked {where} ships it (its PKG-INFO is tracked). In the "
            f"project's own repository untrack it (tidy fix --unsafe-fixes --select TDY102); "
            f"to keep the release as published, add {sdist_exclude(hit.rel, _is_dir(hit))} "
            "to .tidy.toml")


def check_committed_artifacts(ctx: GroupContext) -> Iterator[Finding]:
    for hit in _project_hits(ctx):
        if hit.kind.ecosystem in _JUNK_ECOSYSTEMS or _is_stale_legacy(ctx, hit):
            continue  # TDY104 / TDY103 report these, with the untrack fix when committed
        tracked, count = ctx.tracked_state(hit.rel, hit.size.files, _is_dir(hit))
        if tracked in (Tracked.UNTRACKED, Tracked.UNKNOWN) or _is_source_folder(hit, tracked):
            continue
        if in_test_fixture(hit.rel):
            continue  # tests/fixtures/x/node_modules: test input, committed on purpose
        if hit.kind.name == "node_modules" and not _made_by_an_install(ctx, hit.rel):
            continue
        held = f"{count:,} tracked file{'s' if count != 1 else ''}" if _is_dir(hit) else "tracked"
        yield COMMITTED_ARTIFACT.finding(
            hit.rel,
            _committed_message(ctx, hit, held),
            kind=hit.kind.name,
            ecosystem=hit.kind.ecosystem,
            size=hit.size,
            surface=ctx.surface_of(hit.rel, _is_dir(hit), hit.size.apparent),
            tracked=tracked,
            ignored=ctx.ignored(hit.rel),
            fix=_UNTRACK_FIX,
            details=_details(hit, (("tracked files", str(count)),)),
        )


def _is_stale_legacy(ctx: GroupContext, hit: Hit) -> bool:
    return hit.kind.name == "pyc" and any(rel == hit.rel for rel, _ in ctx.stale_legacy_pyc)


def check_stale_bytecode(ctx: GroupContext) -> Iterator[Finding]:
    for hit in ctx.hits:
        if not hit.stale_bytecode:
            continue
        if ctx.tracked_state(hit.rel, hit.size.files, True)[0] is not Tracked.UNTRACKED:
            continue  # a committed __pycache__ is TDY102's: untracked as a whole, not trashed
        stale = hit.stale_bytecode
        stale_bytes = sum(s.bytes for s in stale)
        names = ", ".join(s.name for s in stale[:5])
        more = len(hit.stale_bytecode) - 5
        yield STALE_BYTECODE.finding(
            hit.rel,
            (
                f"{len(stale)} .pyc file{'' if len(stale) == 1 else 's'} whose source is gone: "
                f"{names}"
                + (f" and {more} more" if more > 0 else "")
            ),
            kind=hit.kind.name,
            ecosystem="python",
            size=Size(stale_bytes, sum(s.disk for s in stale), len(stale), 0,
                      max(s.mtime for s in stale)),
            surface=ctx.surface_of(hit.rel, _is_dir(hit), hit.size.apparent),
            tracked=ctx.tracked_state(hit.rel, hit.size.files, True)[0],
            ignored=ctx.ignored(hit.rel),
            fix=Fix(ActionKind.TRASH, Applicability.SAFE,
                    "move the stale .pyc files to tidy's trash"),
            details=tuple(("stale", s.name) for s in stale),
        )
    # The walk's hit for the same file carries its blocks and mtime.
    measured = {hit.rel: hit.size for hit in ctx.hits if hit.kind.type == "file"}
    for rel, size in ctx.stale_legacy_pyc:
        yield STALE_BYTECODE.finding(
            rel,
            (f"bytecode with no source beside it: Python imports it (`import "
             f"{_module_name(rel)}` loads this file), so it may be the only copy of "
             "shipped code; never moved"),
            kind="pyc",
            ecosystem="python",
            size=measured.get(rel, Size(size, size, 1, 0)),
            tracked=ctx.tracked_state(rel, 1, False)[0],
            ignored=ctx.ignored(rel),
            fix=_SOURCELESS_PYC_FIX,
        )


# A legacy-location `pkg/core.pyc` with no `core.py` is what `import pkg.core` loads: moving or
# untracking it breaks the import. Only __pycache__ bytecode is a cache of a source file.
_SOURCELESS_PYC_FIX = Fix(
    ActionKind.NONE,
    Applicability.DISPLAY_ONLY,
    "none: Python imports this file; delete it yourself once nothing imports the module",
)


def _module_name(rel: str) -> str:
    """`pkg/core.pyc` -> `pkg.core` (as a hint: the package root may lie higher or lower)."""
    return rel.rsplit(".", 1)[0].replace("/", ".")


def check_junk(ctx: GroupContext) -> Iterator[Finding]:
    for hit in _project_hits(ctx):
        if hit.kind.ecosystem not in _JUNK_ECOSYSTEMS:
            continue
        tracked, _ = ctx.tracked_state(hit.rel, 1, False)
        yield OS_JUNK.finding(
            hit.rel,
            hit.kind.why + (" (committed)" if tracked is Tracked.TRACKED else ""),
            kind=hit.kind.name,
            ecosystem=hit.kind.ecosystem,
            size=hit.size,
            surface=ctx.surface_of(hit.rel, _is_dir(hit), hit.size.apparent),
            tracked=tracked,
            ignored=ctx.ignored(hit.rel),
            fix=_junk_fix(hit.kind, tracked),
            details=_details(hit),
        )


# A committed `backup~` or `.x.swp` was added on purpose more often than by accident (Django
# keeps test fixtures named like editor backups): tidy says so and leaves it to the user.
_COMMITTED_BACKUP_FIX = Fix(
    ActionKind.NONE,
    Applicability.DISPLAY_ONLY,
    "none: a committed backup or swap file may be a fixture someone added on purpose; "
    "`git rm --cached` it yourself if it is not",
)


def _junk_fix(kind: Kind, tracked: Tracked) -> Fix:
    if tracked is not Tracked.TRACKED:
        return _trash_fix(kind)
    # OS metadata (.DS_Store) is never anyone's content: untracking it stays an unsafe fix.
    return _UNTRACK_FIX if kind.ecosystem == "os" else _COMMITTED_BACKUP_FIX


def check_global_caches(ctx: GroupContext) -> Iterator[Finding]:
    for hit in ctx.hits:
        kind = hit.kind
        if not kind.is_global or hit.size.files == 0:
            # An empty store (a tool made the folder and put nothing in it yet: pip's install
            # of a package leaves an empty ~/.rustup) has nothing for its clean command to do;
            # it was a finding telling a newcomer to run `npm cache clean --force` on 4 kB.
            continue
        yield GLOBAL_CACHE.finding(
            hit.rel,
            f"{kind.why} (global cache): clean it with {kind.clean_advice}",
            kind=kind.name,
            ecosystem=kind.ecosystem,
            size=hit.size,
            surface=ctx.surface_of(hit.rel, _is_dir(hit), hit.size.apparent),
            tracked=ctx.tracked_state(hit.rel, hit.size.files, True)[0],
            ignored=ctx.ignored(hit.rel),
            fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                    f"the tool cleans it: {kind.clean_advice} (tidy never moves a tool's "
                    "own cache)"),
            details=(("why", kind.why), ("clean", kind.clean),
                     ("regenerate", kind.regenerate)),
        )


UNTRACKED_ARTIFACT = Rule(
    "TDY101", "untracked-artifact",
    "An untracked cache or build output from the catalogue",
    """What: a folder or file that a tool writes and can write again: __pycache__,
node_modules, .next, target/ beside Cargo.toml, build/ beside pyproject.toml, ...
Ambiguous names (build, dist, target, out, bin, obj, lib, vendor, deps) count only when a
marker file beside them (kondo's rule), a CACHEDIR.TAG, or a self-ignoring .gitignore
confirms them.
Why: caches take disk space and, when not ignored, slow every search and index.
Fix (safe for regenerable kinds): moved to tidy's trash; `tidy undo` brings it back.
Virtual environments and data folders are opt-in (`kinds = ["venv"]`).""",
    check_untracked_artifacts, Applicability.SAFE,
)
COMMITTED_ARTIFACT = Rule(
    "TDY102", "committed-artifact",
    "Cache or build output committed to git",
    """What: tracked files inside a catalogued cache (a committed __pycache__, .pyc,
node_modules, ...). A tracked build/ or lib/ is treated as source and never reported, nor is
one below a test-fixture folder (fixtures/, __fixtures__/, testdata/: a resolver's tests keep
node_modules trees there on purpose). A committed node_modules counts only when an install
wrote it: an installer's own files are committed in it (.package-lock.json, .modules.yaml,
.yarn-integrity, .bin/) or a lockfile sits beside it; one written by hand is test input that
no install brings back.
An sdist committed as it unpacked (a tracked PKG-INFO beside its setup.py or pyproject.toml)
carries its *.egg-info and the C Cython generated on purpose: the finding says so, and names
the `exclude` line that keeps a release as published out of the scan.
Why: every clone carries it, every change to it grows history, and it goes stale.
Fix (unsafe): `git rm -r --cached` (files stay on disk) plus an ignore rule.
Fails the scan by default (exit 1).""",
    check_committed_artifacts, Applicability.UNSAFE,
)
STALE_BYTECODE = Rule(
    "TDY103", "stale-bytecode",
    "Bytecode whose source file is gone",
    """What: a .pyc in __pycache__ whose module was deleted or renamed, or a legacy
mod.pyc with no mod.py beside it.
Why: __pycache__ bytecode of a deleted module is dead weight. A legacy mod.pyc without
source is different: `import mod` loads it, so it may be the only copy of shipped code.
Fix (safe): the stale __pycache__ files go to tidy's trash. A legacy .pyc is only reported
(never moved, untracked or acted on by `tidy watch`): delete it yourself once nothing
imports it.""",
    check_stale_bytecode, Applicability.SAFE,
)
OS_JUNK = Rule(
    "TDY104", "os-junk",
    "File-manager metadata and editor swap/backup files",
    """What: .DS_Store, Thumbs.db, desktop.ini, ._* and editor swap/backup files.
Why: noise in every status, diff and archive.
Fix: OS metadata goes to the trash (safe); swap and backup files may hold unsaved work,
so they need --unsafe-fixes. Committed OS metadata is untracked (unsafe); a committed
backup or swap file is only reported: projects commit fixtures named like them.""",
    check_junk, Applicability.SAFE,
)
GLOBAL_CACHE = Rule(
    "TDY105", "global-cache",
    "A toolchain's or package manager's own cache in the home folder",
    """What: a tool's own store under the home folder: ~/.cache/pip, ~/.cache/uv, ~/.npm,
~/.pyenv, ~/.rustup, ~/.cargo/registry, ~/.gradle/caches, ~/.m2/repository, ... (the
catalogue's tier "global" kinds; $XDG_CACHE_HOME is honoured for ~/.cache).
Why: these are often the biggest folders of a home, and only the tool knows what in them is
still needed: an installed Python or toolchain, a crate a lockfile pins.
Fix (display only): the tool's own clean command (`pip cache purge`, `npm cache clean --force`,
`cargo cache --autoclean`, ...). tidy never moves them, and never looks inside: a pyenv
Python's __pycache__ is not a project's artifact, two toolchains' identical docs are not
duplicates.""",
    check_global_caches, Applicability.DISPLAY_ONLY,
)
RULES = (UNTRACKED_ARTIFACT, COMMITTED_ARTIFACT, STALE_BYTECODE, OS_JUNK, GLOBAL_CACHE)
