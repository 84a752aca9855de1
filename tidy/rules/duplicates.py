"""2xx: the same content twice. TDY204 identical files, TDY205 identical folders.

Each extra copy is one finding; the copy kept as "the original" is the tracked one, then
the one with the oldest content, then the first by path. Folders are reported at the
highest level only, and files already inside a reported folder copy are not repeated.
Caches and artifacts the scan reports (and any catalogued kind, opt-in ones too) are left
out: their duplicates are someone else's business.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import humanize

from tidy.core.models import ActionKind, Applicability, Finding, Fix, Size, Tracked
from tidy.rules.base import GroupContext, Rule, per_context
from tidy.workspace.duplicates import (
    DuplicateFiles,
    DuplicateFolders,
    Duplicates,
    SkipFn,
    catalogued_folder,
    duplicate_big_files,
    find_duplicates,
)


def _size(n: int) -> str:
    return humanize.naturalsize(n, binary=False)


def skipper(ctx: GroupContext) -> SkipFn:
    """What the duplicate pass leaves out: reported artifacts, excluded paths, catalogued kinds."""
    hits = {hit.rel for hit in ctx.hits} | set(ctx.artifact_dirs)
    spec = None
    if ctx.config.exclude:
        import pathspec  # on use only: most scans have no excludes

        spec = pathspec.GitIgnoreSpec.from_lines(ctx.config.exclude)
    catalog = ctx.config.catalog()
    if catalog.global_cache_of(ctx.root) is not None:
        return lambda rel, is_dir: True  # a tool's store scanned on its own: the tool's copies

    def skip(rel: str, is_dir: bool) -> bool:
        if rel in hits:
            return True
        if spec is not None and spec.match_file(rel + "/" if is_dir else rel):
            return True
        return is_dir and catalogued_folder(catalog, ctx.root, rel)

    return skip


@per_context
def _duplicates(ctx: GroupContext) -> Duplicates:
    if not ctx.config.duplicates:
        # The default scan: big files only, from the walk itself; no second pass, no folders.
        big = ((b.rel, b.bytes) for b in ctx.big_files if b.bytes >= ctx.config.duplicate_min_size)
        return duplicate_big_files(ctx.root, big)
    return find_duplicates(ctx.root, skipper(ctx), threads=min(4, os.cpu_count() or 1),
                           cross_filesystems=ctx.config.cross_filesystems)


def _order(ctx: GroupContext, paths: tuple[str, ...], mtimes: tuple[float, ...],
           is_dir: bool) -> list[int]:
    """Indexes of `paths`, the original first: tracked, then oldest content, then by path."""
    def key(i: int) -> tuple[int, float, str]:
        tracked, _ = ctx.tracked_state(paths[i], 1, is_dir)
        return (0 if tracked in (Tracked.TRACKED, Tracked.PARTLY) else 1, mtimes[i], paths[i])

    return sorted(range(len(paths)), key=key)


def _remove_advice(tracked: Tracked) -> str:
    if tracked in (Tracked.TRACKED, Tracked.PARTLY):
        return "keep one copy: `git rm -r` this one and point its users at the original"
    return "keep one copy: delete this one, or hard-link it to the original"


def _file_findings(
    ctx: GroupContext, group: DuplicateFiles, copies: tuple[str, ...]
) -> Iterator[Finding]:
    order = _order(ctx, group.paths, group.mtimes, is_dir=False)
    original = group.paths[order[0]]
    others = len(group.paths) - 2
    for i in order[1:]:
        rel = group.paths[i]
        if rel.startswith(copies):
            continue  # inside a folder copy TDY205 reports: said once
        tracked, _ = ctx.tracked_state(rel, 1, False)
        more = f" and {others} other cop{'y' if others == 1 else 'ies'}" if others else ""
        yield DUPLICATE_FILE.finding(
            rel, f"identical to {original}{more} ({_size(group.size)} each)",
            size=Size(group.size, group.disk, 1, 0, group.mtimes[i]),
            surface=ctx.surface.under(rel), tracked=tracked, ignored=ctx.ignored(rel),
            fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, _remove_advice(tracked)),
            details=(("original", original), ("copies", ", ".join(group.paths))),
        )


def _folder_findings(ctx: GroupContext, group: DuplicateFolders) -> Iterator[Finding]:
    order = _order(ctx, group.paths, group.mtimes, is_dir=True)
    original = group.paths[order[0]]
    for i in order[1:]:
        rel = group.paths[i]
        tracked, _ = ctx.tracked_state(rel, group.files, True)
        yield DUPLICATE_FOLDER.finding(
            rel, (f"{rel}/ is a copy of {original}/, "
                  f"{_size(group.size)} in {group.files:,} files"),
            size=Size(group.size, group.disk, group.files, group.dirs, group.mtimes[i]),
            surface=ctx.surface.under(rel), tracked=tracked, ignored=ctx.ignored(rel),
            fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, _remove_advice(tracked)),
            details=(("original", original), ("copies", ", ".join(group.paths))),
        )


def _folder_copies(ctx: GroupContext, found: Duplicates) -> tuple[str, ...]:
    """"copy/" prefixes of every folder copy TDY205 reports (originals excluded)."""
    prefixes = []
    for group in found.folders:
        if group.size >= ctx.config.duplicate_min_size:
            order = _order(ctx, group.paths, group.mtimes, is_dir=True)
            prefixes += [group.paths[i] + "/" for i in order[1:]]
    return tuple(prefixes)


def check_duplicate_files(ctx: GroupContext) -> Iterator[Finding]:
    found = _duplicates(ctx)
    copies = _folder_copies(ctx, found) if ctx.config.selects("TDY205") else ()
    for group in found.files_outside_folders():
        if group.size >= ctx.config.duplicate_min_size:
            yield from _file_findings(ctx, group, copies)


def check_duplicate_folders(ctx: GroupContext) -> Iterator[Finding]:
    for group in _duplicates(ctx).folders:
        if group.size >= ctx.config.duplicate_min_size:
            yield from _folder_findings(ctx, group)


DUPLICATE_FILE = Rule(
    "TDY204", "duplicate-file",
    "A file identical to another one (over `duplicate-min-size`, default 100 KB)",
    """What: a file whose content is byte-for-byte the same as another file's, tracked or
not (size, then a hash of the first and last 4 KiB, then a full hash). Hard links are one
file, not copies; empty files and files inside a reported folder copy are not repeated.
Why: every copy costs disk, clone size when tracked, and search time.
Fix (display only): keep one copy; `git rm` the others, or hard-link untracked ones.""",
    check_duplicate_files, Applicability.DISPLAY_ONLY,
)
DUPLICATE_FOLDER = Rule(
    "TDY205", "duplicate-folder",
    "A folder that is a copy of another one, reported once at the highest level",
    """What: a folder whose every file, subfolder and name matches another folder's
(Merkle hashes over the tree, like rmlint's merged directories with the layout honoured),
reported at the highest level only: `backend_old_copy/` is a copy of `backend/app/static/`.
Why: an old copy left behind doubles disk, clone size and search surface.
Fix (display only): keep one; `git rm -r` the copy if tracked, delete it if not.""",
    check_duplicate_folders, Applicability.DISPLAY_ONLY,
)
RULES = (DUPLICATE_FILE, DUPLICATE_FOLDER)
