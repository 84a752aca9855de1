"""2xx: size. Large tracked files, files over the hard limit, and Git LFS as it really is.

TDY201/TDY202 judge tracked files over a threshold; a file whose committed blob is a Git LFS
pointer is not bloat in git and is reported apart (TDY207). TDY208 flags `.gitattributes`
and the committed blob disagreeing, both ways (`git lfs migrate info --fixup` semantics and
the reverse: a pointer committed where no `filter=lfs` applies, which clones as 130 bytes of
pointer text). Hosting limits are named where they bite (research/bloat-ci.md section 7).
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import humanize

from tidy.core.models import ActionKind, Applicability, Finding, Fix, Size, Tracked
from tidy.rules.base import GroupContext, Rule, per_context
from tidy.rules.content import content_of
from tidy.workspace.blobs import (
    LFS_POINTER_MAX,
    SYMLINK,
    LfsPointer,
    index_entries,
    index_pointers,
    index_stamp,
    lfs_paths,
    object_sizes,
    parse_lfs_pointer,
    read_blobs,
    uses_lfs,
)
from tidy.workspace.git import GitUnavailable

# Hosting limits that bite (research/bloat-ci.md section 7).
_GITHUB_WARN = 50 * 1024 * 1024
_GITHUB_BLOCK = 100 * 1024 * 1024
_GITHUB_LFS_FREE = 2 * 1000**3  # Git LFS max file size on GitHub Free/Pro (Team 4 GB, EC 5 GB)
_POINTER_WITHOUT_RULE_MAX = 200  # a canonical pointer is 126-145 bytes; extensions are rare

_ADVICE = Fix(
    ActionKind.NONE,
    Applicability.DISPLAY_ONLY,
    "move it to Git LFS (git lfs migrate import --include=PATH) or out of the repo",
)


def hosting_note(size: int) -> str:
    """What the big hosts do with a blob this size (GitHub: warn 50 MiB, block 100 MiB;
    GitLab.com Free: block 100 MiB)."""
    if size >= _GITHUB_BLOCK:
        return "GitHub and GitLab.com reject pushes with a file over 100 MiB"
    if size >= _GITHUB_WARN:
        return "GitHub warns on pushes with a file over 50 MiB"
    return ""


def _size(n: int) -> str:
    return humanize.naturalsize(n, binary=False)


# ------------------------------------------------------------------ what the index holds
@dataclass(frozen=True)
class LfsView:
    """Which tracked files are LFS pointers in the index, and where attributes disagree."""

    pointers: dict[str, LfsPointer] = field(default_factory=dict)  # big working files only
    plain_but_lfs: dict[str, int] = field(default_factory=dict)  # path -> blob size
    pointer_without_rule: dict[str, LfsPointer] = field(default_factory=dict)


def _tracked_big(ctx: GroupContext) -> dict[str, int]:
    if ctx.git is None or not ctx.git.known:
        return {}
    return {b.rel: b.bytes for b in ctx.big_files if ctx.git.is_tracked(b.rel)}


@per_context
def _lfs_view(ctx: GroupContext) -> LfsView:
    try:
        pointers = _big_file_pointers(ctx)
        if ctx.git is None or not ctx.git.known or not uses_lfs(ctx.root, ctx.git.tracked):
            return LfsView(pointers)
        return _mismatches(ctx, pointers)
    except GitUnavailable:
        return LfsView()


_POINTERS_NOTE = "lfs-pointers"  # the content cache's note: {"index": stamp, "paths": {...}}


def _big_file_pointers(ctx: GroupContext) -> dict[str, LfsPointer]:
    """Big working-tree files whose committed blob is a pointer (LFS checked them out).
    The answer for a path depends on the index alone, so it is kept in the content cache
    under the index's stamp: a rescan with the same index asks git nothing (it asked two or
    three processes, after the walk, on every scan of a repo with a big tracked file)."""
    big = _tracked_big(ctx)
    if not big:
        return {}
    content = content_of(ctx)
    stamp = index_stamp(ctx.root)
    known = _noted_pointers(content.note(_POINTERS_NOTE), stamp)
    missing = [path for path in big if path not in known]
    if missing:
        begun = ctx.started.get(LARGE_TRACKED_FILE.code)
        found = (begun.found if isinstance(begun, _BegunPointers) and begun.paths >= set(missing)
                 else index_pointers(ctx.root, missing))
        known.update({path: found.get(path) for path in missing})
        if stamp is not None:
            content.set_note(_POINTERS_NOTE, json.dumps({"index": stamp, "paths": {
                path: None if p is None else [p.oid, p.size] for path, p in known.items()}}))
    return {path: pointer for path in big if (pointer := known.get(path)) is not None}


@dataclass(frozen=True)
class _BegunPointers:
    """index_pointers' answer for these paths, asked while the early work was waited for."""

    paths: frozenset[str]
    found: dict[str, LfsPointer]


def begin_large_files(ctx: GroupContext) -> _BegunPointers | None:
    """Without the content cache no note can answer which big tracked files are LFS
    pointers: git is asked now (Rule.begin), while the main process would only wait for the
    early work, not after it (two git processes, ~20 ms of the cold web app's tail). With
    the cache, the note usually answers and nothing is asked."""
    if not ctx.config.no_cache:
        return None
    big = _tracked_big(ctx)
    if not big:
        return None
    try:
        return _BegunPointers(frozenset(big), index_pointers(ctx.root, list(big)))
    except GitUnavailable:
        return None


def _noted_pointers(noted: str | None, stamp: str | None) -> dict[str, LfsPointer | None]:
    """The answers kept for this very index; nothing for another index or a note that does
    not decode (the cache is untrusted input)."""
    if noted is None or stamp is None:
        return {}
    try:
        body = json.loads(noted)
    except (ValueError, RecursionError):
        return {}
    paths = body.get("paths") if isinstance(body, dict) and body.get("index") == stamp else None
    if not isinstance(paths, dict):
        return {}
    known: dict[str, LfsPointer | None] = {}
    for path, value in paths.items():
        if value is None:
            known[path] = None
        elif (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
              and type(value[1]) is int and value[1] >= 0):
            known[path] = LfsPointer(value[0], value[1])
        else:
            return {}
    return known


def _mismatches(ctx: GroupContext, pointers: dict[str, LfsPointer]) -> LfsView:
    entries = [e for e in index_entries(ctx.root) if e.has_blob]
    sizes = object_sizes(ctx.root, (e.sha for e in entries))
    wanted = lfs_paths(ctx.root, [e.path for e in entries])
    readable = {e.sha for e in entries
                if 0 < sizes.get(e.sha, 0) < LFS_POINTER_MAX and (
                    e.path in wanted or sizes[e.sha] <= _POINTER_WITHOUT_RULE_MAX)}
    contents = read_blobs(ctx.root, readable, limit=LFS_POINTER_MAX)
    plain: dict[str, int] = {}
    unruled: dict[str, LfsPointer] = {}
    for entry in entries:
        size = sizes.get(entry.sha, 0)
        pointer = parse_lfs_pointer(contents[entry.sha]) if entry.sha in contents else None
        if entry.path in wanted and pointer is None and size > 0 and entry.mode != SYMLINK:
            plain[entry.path] = size
        elif entry.path not in wanted and pointer is not None:
            unruled[entry.path] = pointer
    return LfsView(pointers, plain, unruled)


# ------------------------------------------------------------------ TDY201 / TDY202
# Each check asks git (through _lfs_view) and hands the answer to a function of the context
# and that answer alone: what the rule decides, testable without a repository.
LfsPointers = Callable[[], Mapping[str, LfsPointer]]  # asked only when a big file is tracked


def _large_tracked(ctx: GroupContext, lfs_pointers: LfsPointers) -> Iterator[tuple[str, int]]:
    big = _tracked_big(ctx)
    if not big:
        return
    lfs = lfs_pointers()
    for rel, size in big.items():
        if size >= ctx.config.large_file and rel not in lfs:
            yield rel, size


def _finding(rule: Rule, rel: str, size: int, message: str, ctx: GroupContext) -> Finding:
    note = hosting_note(size)
    return rule.finding(
        rel,
        message + (f"; {note}" if note else ""),
        size=Size(size, size, 1, 0),
        surface=ctx.surface_of(rel, False, size),
        tracked=Tracked.TRACKED,
        ignored=ctx.ignored(rel),
        fix=_ADVICE,
    )


def check_large_files(ctx: GroupContext) -> Iterator[Finding]:
    return large_files(ctx, lambda: _lfs_view(ctx).pointers)


def large_files(ctx: GroupContext, lfs_pointers: LfsPointers) -> Iterator[Finding]:
    limit = ctx.config.large_file
    for rel, size in _large_tracked(ctx, lfs_pointers):
        if size < ctx.config.max_file_size:
            message = f"tracked file of {_size(size)} (over {_size(limit)})"
            yield _finding(LARGE_TRACKED_FILE, rel, size, message, ctx)


def check_oversized_files(ctx: GroupContext) -> Iterator[Finding]:
    return oversized_files(ctx, lambda: _lfs_view(ctx).pointers)


def oversized_files(ctx: GroupContext, lfs_pointers: LfsPointers) -> Iterator[Finding]:
    limit = ctx.config.max_file_size
    for rel, size in _large_tracked(ctx, lfs_pointers):
        if size >= limit:
            message = f"tracked file of {_size(size)} is over the limit of {_size(limit)}"
            yield _finding(OVERSIZED_TRACKED_FILE, rel, size, message, ctx)


# ------------------------------------------------------------------ TDY207 / TDY208
def check_lfs_files(ctx: GroupContext) -> Iterator[Finding]:
    return lfs_files(ctx, _lfs_view(ctx))


def lfs_files(ctx: GroupContext, view: LfsView) -> Iterator[Finding]:
    for rel, pointer in sorted(view.pointers.items()):
        if pointer.size < ctx.config.large_file:
            continue
        note = ("; over the 2 GB Git LFS file limit of GitHub Free/Pro (Team 4 GB, "
                "Enterprise Cloud 5 GB)") if pointer.size > _GITHUB_LFS_FREE else ""
        yield LFS_FILE.finding(
            rel, f"stored in Git LFS: {_size(pointer.size)} in LFS storage, a pointer in git"
                 + note,
            size=Size(pointer.size, pointer.size, 1, 0), surface=ctx.surface.under(rel),
            tracked=Tracked.TRACKED, ignored=ctx.ignored(rel),
            details=(("lfs_oid", pointer.oid), ("lfs_size", str(pointer.size))),
        )


def check_lfs_mismatches(ctx: GroupContext) -> Iterator[Finding]:
    return lfs_mismatches(ctx, _lfs_view(ctx))


def lfs_mismatches(ctx: GroupContext, view: LfsView) -> Iterator[Finding]:
    for rel, size in sorted(view.plain_but_lfs.items()):
        quoted = shlex.quote(rel)
        yield LFS_MISMATCH.finding(
            rel, (f".gitattributes sends it through Git LFS (filter=lfs) but it is "
                  f"committed as a plain blob of {_size(size)}"),
            size=Size(size, size, 1, 0), surface=ctx.surface.under(rel),
            tracked=Tracked.TRACKED, ignored=ctx.ignored(rel),
            fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                    f"with git-lfs installed: git add --renormalize {quoted} and commit; for "
                    f"history too: git lfs migrate import --everything --include={quoted}"),
            details=(("direction", "plain-blob-but-lfs-attribute"),),
        )
    for rel, pointer in sorted(view.pointer_without_rule.items()):
        yield LFS_MISMATCH.finding(
            rel, ("committed as a Git LFS pointer but no .gitattributes rule says "
                  "filter=lfs: clones get the pointer text, not the "
                  f"{_size(pointer.size)} file"),
            size=Size(pointer.size, pointer.size, 1, 0), surface=ctx.surface.under(rel),
            tracked=Tracked.TRACKED, ignored=ctx.ignored(rel),
            fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                    f"add `{rel} filter=lfs diff=lfs merge=lfs -text` to .gitattributes "
                    f"(git lfs track {shlex.quote(rel)})"),
            details=(("direction", "pointer-without-lfs-attribute"), ("lfs_oid", pointer.oid)),
        )


LARGE_TRACKED_FILE = Rule(
    "TDY201", "large-tracked-file",
    "A tracked file over the `large-file` threshold (default 1 MB)",
    """What: a file git tracks whose size is over `large-file` (default 1 MB). Files whose
committed blob is a Git LFS pointer are not counted here (see TDY207).
Why: every clone downloads it and every version of it stays in history.
Fix (display only): move it to Git LFS or out of the repository.""",
    check_large_files, Applicability.DISPLAY_ONLY, begin=begin_large_files,
)
OVERSIZED_TRACKED_FILE = Rule(
    "TDY202", "oversized-tracked-file",
    "A tracked file over `max-file-size` (default 50 MB): fails the scan",
    """What: a tracked file over `max-file-size` (default 50 MB; GitHub warns at 50 MiB
and rejects 100 MiB, GitLab.com rejects 100 MiB).
Why: pushes fail or warn, clones crawl.
Fix (display only): git lfs migrate import, or remove it from history with git filter-repo.""",
    check_oversized_files, Applicability.DISPLAY_ONLY,
)
LFS_FILE = Rule(
    "TDY207", "lfs-file",
    "A big tracked file stored in Git LFS (reported apart from TDY201)",
    """What: a working-tree file over `large-file` whose committed blob is a Git LFS
pointer; the size shown is the LFS object's, read from the pointer.
Why: it is not bloat in git, but LFS storage and bandwidth are metered by hosts, and GitHub
limits LFS files to 2 GB on Free/Pro (4 GB Team, 5 GB Enterprise Cloud).
Fix: none needed; listed so LFS content is visible next to plain blobs.""",
    check_lfs_files, Applicability.DISPLAY_ONLY,
)
LFS_MISMATCH = Rule(
    "TDY208", "lfs-mismatch",
    "`.gitattributes` and the committed blob disagree about Git LFS",
    """What: either a path `.gitattributes` marks `filter=lfs` is committed as a plain
blob (someone committed without git-lfs installed: the bytes went into git history), or a
blob that is an LFS pointer is committed where no `filter=lfs` rule applies (clones check
out the pointer text instead of the file).
Why: the first bloats history despite LFS; the second silently breaks checkouts.
Fix (display only): `git add --renormalize PATH` with git-lfs installed, or add the missing
`filter=lfs diff=lfs merge=lfs -text` rule (`git lfs track PATH`).""",
    check_lfs_mismatches, Applicability.DISPLAY_ONLY,
)
RULES = (LARGE_TRACKED_FILE, OVERSIZED_TRACKED_FILE, LFS_FILE, LFS_MISMATCH)
