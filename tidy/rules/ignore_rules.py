"""5xx: ignore rules — artifacts git still sees, heavy folders search still reads, tracked
files a rule already matches."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

import humanize

from tidy.analysis import ignore_choice as choice
from tidy.core.models import (
    FOLDER_FILE_DETAIL,
    ActionKind,
    Applicability,
    Finding,
    Fix,
    Size,
    Surface,
    Tracked,
)
from tidy.rules.base import GroupContext, Rule
from tidy.workspace import ignorefiles
from tidy.workspace.blobs import IndexListing
from tidy.workspace.index_memo import Json, memoized, plain_relative
from tidy.workspace.measure import files_size
from tidy.workspace.walk import Hit

# The rule text a finding proposes travels in its details, so the fixer never re-detects.
RULE_DETAIL = "ignore rule"
FILE_DETAIL = "ignore file"


def _wanting_rules(ctx: GroupContext) -> list[Hit]:
    """The reported hits, and those of opt-in kinds left out (a venv: deleting one is a
    choice, keeping it out of git is not); none of a narrowed `--kind` scan's others."""
    opt_in = () if ctx.config.only_kinds else [h for h in ctx.hidden_hits
                                                if h.kind.tier == "opt-in"]
    return [hit for hit in (*ctx.hits, *opt_in) if not hit.kind.is_global]


def _artifact_targets(ctx: GroupContext) -> list[tuple[choice.Target, Size]]:
    """Catalogued artifacts git neither tracks nor ignores."""
    found = []
    for hit in _wanting_rules(ctx):
        is_dir = hit.kind.type == "dir"
        tracked, _ = ctx.tracked_state(hit.rel, hit.size.files, is_dir)
        if tracked is not Tracked.UNTRACKED or ctx.ignored(hit.rel) is not False:
            continue
        found.append((choice.Target(hit.rel, is_dir, hit.kind), hit.size))
    return found


_SHOWN_NAMES = 3  # file names a folder's finding names in its message; its details list all


def check_unignored_artifacts(ctx: GroupContext) -> Iterator[Finding]:
    if ctx.git is None or not ctx.git.known:
        return
    targets = _artifact_targets(ctx)
    rules = choice.choose_rules([t for t, _ in targets], ctx.git.tracked)
    rules = choice.gather_stores(rules, _holding_only_these(
        ctx, choice.env_stores([t for t, _ in targets])))
    rule_of = {path: c.pattern for c in rules for path in c.targets}
    by_path = {t.path: (t, size) for t, size in targets}
    singles, folders = _by_folder(rule_of, by_path)
    for path in singles:
        target, size = by_path[path]
        yield _unignored(ctx, path, target, size, rule_of[path])
    for (folder, pattern), paths in folders.items():
        yield _unignored_in_folder(ctx, folder, pattern, [by_path[p] for p in paths])


def _holding_only_these(ctx: GroupContext, stores: dict[str, list[str]]
                        ) -> dict[str, list[str]]:
    """The stores (folder -> the environments right in it) whose folder holds those and
    nothing else the walk counted: no file of its own (virtualenvwrapper's hook scripts, a
    README), no folder that is not one of them. Its contents alone may go under one rule."""
    kept = {}
    for folder, paths in stores.items():
        rows = ctx.sizes.rows_below(folder)
        own = [row for key, row in rows if key == folder]
        others = [key for key, _ in rows if key != folder
                  and not any(key == p or key.startswith(p + "/") for p in paths)]
        if len(own) == 1 and own[0][0] == 0 and not others:
            kept[folder] = paths
    return kept


def _by_folder(rule_of: dict[str, str], by_path: dict[str, tuple[choice.Target, Size]]
               ) -> tuple[list[str], dict[tuple[str, str], list[str]]]:
    """The targets reported one by one, and the files that one unanchored rule covers,
    gathered per folder (two or more of a folder): 100,000 legacy .pyc beside their sources
    are 23,000 findings, not 100,000 that each say `*.pyc`. Folders, anchored rules and a
    folder's lone file stay findings of their own."""
    gathered: dict[tuple[str, str], list[str]] = {}
    singles: list[str] = []
    for path, pattern in sorted(rule_of.items()):
        folder, _, _ = path.rpartition("/")
        if by_path[path][0].is_dir or pattern.startswith("/") or not folder:
            singles.append(path)
        else:
            gathered.setdefault((folder, pattern), []).append(path)
    folders = {}
    for key, paths in gathered.items():
        if len(paths) == 1:
            singles.append(paths[0])
        else:
            folders[key] = paths
    return sorted(singles), folders


def _ignore_fix(pattern: str) -> Fix:
    return Fix(ActionKind.IGNORE, Applicability.SAFE,
               f"add `{pattern}` to the tidy block in .gitignore (checked with git first)")


def _unignored(ctx: GroupContext, path: str, target: choice.Target, size: Size,
               pattern: str) -> Finding:
    kind = target.kind
    what = kind.why if kind is not None else "an artifact"
    return ARTIFACT_NOT_IGNORED.finding(
        path,
        f"{what} has no ignore rule: git status, search and editors all see it",
        kind=kind.name if kind is not None else "",
        ecosystem=kind.ecosystem if kind is not None else "",
        size=size,
        surface=ctx.surface_of(path, target.is_dir, size.apparent),
        tracked=Tracked.UNTRACKED,
        ignored=False,
        fix=_ignore_fix(pattern),
        details=((RULE_DETAIL, pattern), (FILE_DETAIL, ".gitignore")),
    )


def _unignored_in_folder(ctx: GroupContext, folder: str, pattern: str,
                         files: list[tuple[choice.Target, Size]]) -> Finding:
    """One finding for the files of `folder` that `pattern` (unanchored) covers; each is
    named in the details (FOLDER_FILE_DETAIL), and the plan acts on each."""
    kind = files[0][0].kind
    what = kind.why if kind is not None else "an artifact"
    names = [target.path.rsplit("/", 1)[1] for target, _ in files]
    shown = ", ".join(names[:_SHOWN_NAMES])  # reporters make a message printable
    more = f" and {len(names) - _SHOWN_NAMES} more" if len(names) > _SHOWN_NAMES else ""
    size = sum((s for _, s in files), Size())
    surface = sum((ctx.surface_of(t.path, False, s.apparent) for t, s in files), Surface())
    return ARTIFACT_NOT_IGNORED.finding(
        folder,
        (f"{what}: {len(names):,} files here ({shown}{more}) have no ignore rule: git "
         "status, search and editors all see them"),
        kind=kind.name if kind is not None else "",
        ecosystem=kind.ecosystem if kind is not None else "",
        size=size,
        surface=surface,
        tracked=Tracked.UNTRACKED,
        ignored=False,
        fix=_ignore_fix(pattern),
        details=((RULE_DETAIL, pattern), (FILE_DETAIL, ".gitignore"),
                 *((FOLDER_FILE_DETAIL, name) for name in names)),
    )


def _heavy_candidates(root: str, tracked: Sequence[str]) -> list[choice.HeavyCandidate]:
    attributes = choice.gitattributes_folders(ignorefiles.read_gitattributes(root))
    return choice.heavy_candidates(tracked, attributes)


def early_heavy_candidates(root: str, index: IndexListing,
                           _content: object = None) -> list[choice.HeavyCandidate]:
    """The candidates from the index alone, while the walk goes on (Rule.early); kept with
    the listing between scans under the .gitattributes' folders they were chosen with (a
    rescan of the same index: ~1 ms instead of ~20 ms on the 250k bench tree)."""
    attributes = choice.gitattributes_folders(ignorefiles.read_gitattributes(root))
    inputs = json.dumps([_CANDIDATES_VERSION, attributes], ensure_ascii=True)
    return memoized(index, "ignore_rules.heavy", inputs,
                    lambda: choice.heavy_candidates(index.paths, attributes),
                    lambda found: [[c.path, c.why] for c in found], _kept_candidates)


# Bumped whenever heavy_candidates would answer a listing differently: a kept answer of
# another version is worked out again (workspace/index_memo).
_CANDIDATES_VERSION = "1"


def _kept_candidates(kept: Json) -> list[choice.HeavyCandidate] | None:
    """Kept candidates: [folder, why] pairs, each folder a relative path of plain names
    (nothing a listing could not hold); None for anything else."""
    if not isinstance(kept, list):
        return None
    found: list[choice.HeavyCandidate] = []
    for item in kept:
        if not (isinstance(item, list) and len(item) == 2
                and all(isinstance(x, str) for x in item) and plain_relative(item[0])):
            return None
        found.append(choice.HeavyCandidate(item[0], item[1]))
    return found


def check_heavy_folders(ctx: GroupContext) -> Iterator[Finding]:
    if ctx.git is None or not ctx.git.known:
        return
    early = ctx.early.get("TDY502")
    candidates = early if isinstance(early, list) else _heavy_candidates(ctx.root, ctx.git.tracked)
    hit_paths = {h.rel for h in ctx.hits}
    for candidate in candidates:
        folder = candidate.path
        if folder in hit_paths:
            continue  # a committed cache: TDY102 says untrack it
        surface = ctx.surface.under(folder)
        if surface.bytes < ctx.config.heavy_folder or surface.files == 0:
            continue
        if ignorefiles.ancestors_filter(ctx.root, folder).excluded(folder, True):
            continue  # a .ignore / .rgignore already keeps search out
        tracked = len(ctx.git.tracked_under(folder))
        pattern = choice.anchored(folder, True)
        yield HEAVY_FOLDER_SEARCHED.finding(
            folder,
            (f"{candidate.why}: {surface.files:,} files, "
             f"{humanize.naturalsize(surface.bytes)} that search and editors still read"),
            ecosystem="vendored",
            size=Size(surface.bytes, surface.bytes, surface.files, 0),
            surface=surface,
            tracked=Tracked.TRACKED if tracked >= surface.files else Tracked.PARTLY,
            ignored=ctx.ignored(folder),
            fix=Fix(ActionKind.EDITOR_EXCLUDE, Applicability.SAFE,
                    f"add `{pattern}` to .ignore (ripgrep, fd, VS Code search) and "
                    f"`{folder}/**` to search.exclude / files.watcherExclude"),
            details=((RULE_DETAIL, pattern), (FILE_DETAIL, ".ignore"),
                     ("why", candidate.why),
                     ("python", "yes" if choice.holds_python(ctx.git.tracked, folder)
                      else "no")),
        )


def _tracked_ignored_groups(ctx: GroupContext) -> list[tuple[str, list[str]]]:
    """Tracked files a rule matches, gathered under the highest folder whose tracked files
    all match (one finding per folder, not per file)."""
    assert ctx.git is not None
    git = ctx.git
    # A committed cache (TDY102/TDY104 report it, with its kind) is left out before grouping:
    # `static/.DS_Store` alone must not make `static` a folder of ignored files.
    hits = {hit.rel for hit in ctx.hits}
    matched = {path for path in git.tracked_ignored if not _under(hits, path)}
    whole: dict[str, bool] = {}

    def all_matched(folder: str) -> bool:
        if folder not in whole:
            whole[folder] = all(p in matched for p in git.tracked_under(folder))
        return whole[folder]

    groups: dict[str, list[str]] = {}
    for path in sorted(matched):
        parts = path.split("/")
        folders = ("/".join(parts[:depth]) for depth in range(1, len(parts)))
        top = next((f for f in folders if all_matched(f)), path)
        groups.setdefault(top, []).append(path)
    return sorted(groups.items())


def _tracked_size(ctx: GroupContext, folder: str, paths: list[str]) -> Size:
    """The folder as `du` counts it (what the walk summed), or the files themselves: a finding
    of 1,150 tracked files is not one of 0 bytes."""
    if paths != [folder]:
        counted = ctx.sizes.under(folder)
        if counted.dirs:
            return counted
    return files_size(ctx.root, paths)


def _under(folders: set[str], path: str) -> bool:
    """`path` is one of `folders` or lies below one."""
    parts = path.split("/")
    return any("/".join(parts[:depth]) in folders for depth in range(1, len(parts) + 1))


def check_tracked_but_ignored(ctx: GroupContext) -> Iterator[Finding]:
    if ctx.git is None or not ctx.git.known or not ctx.git.tracked_ignored:
        return
    for folder, paths in _tracked_ignored_groups(ctx):
        count = len(paths)
        noun = f"{count:,} tracked files match" if count > 1 else "a tracked file matches"
        yield TRACKED_BUT_IGNORED.finding(
            folder,
            (f"{noun} an ignore rule: committed before the rule, so git still tracks "
             "and ships them"),
            size=(size := _tracked_size(ctx, folder, paths)),
            surface=ctx.surface_of(folder, paths != [folder], size.apparent),
            tracked=Tracked.TRACKED,
            ignored=True,
            fix=Fix(ActionKind.UNTRACK, Applicability.UNSAFE,
                    f"git rm -r --cached {folder} (the files stay on disk)"),
            details=tuple(("file", p) for p in paths[:10]),
        )


ARTIFACT_NOT_IGNORED = Rule(
    "TDY501", "artifact-not-ignored",
    "A cache or build output with no ignore rule",
    """What: a catalogued cache or build output (__pycache__, node_modules, .next, ...)
that git neither tracks nor ignores; an opt-in kind too (an untracked .venv gets `/.venv/`:
moving a venv to the trash stays opt-in, keeping it out of git does not). Files of one folder
that one unanchored rule covers (the legacy .pyc of a package) are one finding for the
folder, each file named in its details.
Why: `git status` lists it, `git add -A` commits it, and ripgrep, VS Code search and AI
indexers read it: the search surface grows with every build.
Fix (safe): the fewest rules that cover what exists (`__pycache__/` once, not per folder;
`/frontend/.next/` anchored where the output belongs to one project) go into a managed block
in .gitignore. Each rule is tried with git first: it must ignore every target and no tracked
file; a rule that fails is not written and the fix says why.""",
    check_unignored_artifacts, Applicability.SAFE,
)
HEAVY_FOLDER_SEARCHED = Rule(
    "TDY502", "heavy-folder-searched",
    "A heavy committed folder (vendored or generated) that search still reads",
    """What: a tracked folder over `heavy-folder` (default 5MB) that looks vendored
(vendor/, third_party/, ...), generated (mostly minified bundles and source maps) or is marked
linguist-vendored / linguist-generated, and that no .ignore keeps out of search.
Why: .gitignore cannot hide tracked files, so ripgrep, VS Code search, file watchers and AI
indexers read every byte of it.
Fix (safe): the folder goes into .ignore (ripgrep, fd, VS Code search), into search.exclude and
files.watcherExclude of .vscode/settings.json (when the repo has .vscode/ or with
`tidy fix --editor vscode`), into .cursorindexingignore / .aiignore / .codeiumignore where
that tool is used or asked for (`--editor cursor,jetbrains,windsurf`), and into pyright's
exclude where the folder holds Python. `tidy fix --diff` shows every edit first.""",
    check_heavy_folders, Applicability.SAFE, early=early_heavy_candidates,
)
TRACKED_BUT_IGNORED = Rule(
    "TDY503", "tracked-but-ignored",
    "Tracked files that an ignore rule matches",
    """What: files git tracks although a .gitignore rule matches them: they were committed
before the rule was written.
Why: the rule does nothing for them; every clone still gets them and changes to them
still show up.
Fix (unsafe): `git rm -r --cached` (the files stay on disk).""",
    check_tracked_but_ignored, Applicability.UNSAFE,
)
RULES = (ARTIFACT_NOT_IGNORED, HEAVY_FOLDER_SEARCHED, TRACKED_BUT_IGNORED)
