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
from dataclasses import dataclass
from typing import TYPE_CHECKING

import humanize

from tidy.core.config import Config
from tidy.core.models import ActionKind, Applicability, Finding, Fix, Size, Tracked
from tidy.rules.base import GroupContext, Rule, per_context

# The duplicate pass (and its thread and process pools) loads when some file or folder is the
# size of another: a scan of a small tree has none to compare and does not import it.
if TYPE_CHECKING:
    from tidy.workspace.duplicates import DuplicateFiles, DuplicateFolders, Duplicates, SkipFn


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
    from tidy.workspace.duplicates import catalogued_folder

    def skip(rel: str, is_dir: bool) -> bool:
        if rel in hits:
            return True
        if spec is not None and spec.match_file(rel + "/" if is_dir else rel):
            return True
        return is_dir and catalogued_folder(catalog, ctx.root, rel)

    return skip


_CODES = ("TDY204", "TDY205")  # the two rules below, which begin_duplicates begins
DEFAULT_FOLDER_MIN_SIZE = 1_000_000  # without --duplicates, folder copies from 1 MB on


def folder_min_size(config: Config) -> int:
    """The smallest folder copy reported: every size from `duplicate-min-size` with
    --duplicates; without it 1 MB (the folders a size prefilter finds cheaply)."""
    if config.duplicates:
        return config.duplicate_min_size
    return max(DEFAULT_FOLDER_MIN_SIZE, config.duplicate_min_size)


@per_context
def _duplicates(ctx: GroupContext) -> Duplicates | None:
    """The group's copies; None when nothing is the size of anything else (nothing hashed)."""
    from tidy.rules.content import content_of

    threads = min(4, os.cpu_count() or 1)
    if ctx.config.duplicates:
        from tidy.workspace.duplicates import find_duplicates

        return find_duplicates(ctx.root, skipper(ctx), threads=threads,
                               cross_filesystems=ctx.config.cross_filesystems,
                               cache=content_of(ctx))
    # The default scan: big files from the walk itself, and the folders whose sizes, as the
    # walk summed them, match another folder's; hashes from the content cache.
    big = [(b.rel, b.bytes) for b in ctx.big_files if b.bytes >= ctx.config.duplicate_min_size]
    starts = _folder_starts(ctx)
    sizes = [size for _, size in big if size > 0]
    if len(set(sizes)) == len(sizes) and not starts:  # no two files of one size, no folder
        return None
    from tidy.workspace.duplicates import Duplicates, duplicate_big_files, find_duplicates

    content = content_of(ctx)
    files = duplicate_big_files(ctx.root, big, cache=content)
    skip = skipper(ctx)  # the one place that says what duplicates leave out
    candidates = [rel for rel in starts if not skip(rel, True)]
    if not candidates:
        return files
    folders = find_duplicates(ctx.root, skip, threads=threads,
                              cross_filesystems=ctx.config.cross_filesystems, cache=content,
                              starts=candidates)
    return Duplicates(files=files.files, folders=folders.folders,
                      scanned_files=folders.scanned_files,
                      hashed_bytes=files.hashed_bytes + folders.hashed_bytes,
                      all_folders=folders.all_folders)


@dataclass(frozen=True)
class _FolderStarts:
    """folder_candidates' answer, worked out by begin_duplicates."""

    floor: int
    folders: tuple[str, ...]


def begin_duplicates(ctx: GroupContext) -> _FolderStarts | None:
    """A plain scan's folder candidates, from the walk's sizes alone, worked out while the
    engine would wait for the early work rather than after it on the cold scan's longest
    chain (web app: ~10 ms). Both duplicate rules begin with it, worked out once."""
    return None if ctx.config.duplicates else _begun_starts(ctx)


@per_context
def _begun_starts(ctx: GroupContext) -> _FolderStarts:
    floor = folder_min_size(ctx.config)
    return _FolderStarts(floor, tuple(folder_candidates(ctx, floor)))


def _folder_starts(ctx: GroupContext) -> list[str]:
    """folder_candidates(ctx, folder_min_size(...)): begin_duplicates' answer if it gave one
    (the walk's sizes, artifacts and hits it read are this context's too)."""
    floor = folder_min_size(ctx.config)
    for code in _CODES:
        begun = ctx.started.get(code)
        if isinstance(begun, _FolderStarts) and begun.floor == floor:
            return list(begun.folders)
    return folder_candidates(ctx, floor)


def folder_candidates(ctx: GroupContext, floor: int) -> list[str]:
    """Folders of at least `floor` bytes whose files, bytes and subfolders (as the walk
    counted them, artifacts left out) are the same as another folder's: the only ones that
    can be copies of each other. Outermost only; a nested one is listed with its parent."""
    skipped = {*ctx.artifact_dirs, *(hit.rel for hit in ctx.hits)}
    totals: dict[str, list[int]] = {}
    for rel, row in ctx.sizes.items():
        if rel in skipped or rel == ".":
            continue
        totals[rel] = [int(row[0]), int(row[1]), 1]
    by_depth: dict[int, list[str]] = {}
    for rel in totals:
        by_depth.setdefault(rel.count("/"), []).append(rel)
    for depth in range(max(by_depth, default=0), 0, -1):  # children before parents
        for rel in by_depth.get(depth, []):
            parent_rel = rel[:rel.rfind("/")]
            parent = totals.get(parent_rel)
            if parent is None:  # a folder with no files of its own has no row
                parent = totals[parent_rel] = [0, 0, 1]
                by_depth.setdefault(depth - 1, []).append(parent_rel)
            own = totals[rel]
            parent[0] += own[0]
            parent[1] += own[1]
            parent[2] += own[2]
    by_signature: dict[tuple[int, int, int], list[str]] = {}
    for rel, (files, size, dirs) in totals.items():
        if size >= floor and files > 0:
            by_signature.setdefault((files, size, dirs), []).append(rel)
    chosen = sorted(rel for group in by_signature.values() if len(group) > 1 for rel in group)
    outermost: list[str] = []
    for rel in chosen:
        if not outermost or not rel.startswith(outermost[-1] + "/"):
            outermost.append(rel)
    return outermost


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
            surface=ctx.surface_of(rel, False, group.size), tracked=tracked,
            ignored=ctx.ignored(rel),
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
        if group.size >= folder_min_size(ctx.config):
            order = _order(ctx, group.paths, group.mtimes, is_dir=True)
            prefixes += [group.paths[i] + "/" for i in order[1:]]
    return tuple(prefixes)


def check_duplicate_files(ctx: GroupContext) -> Iterator[Finding]:
    found = _duplicates(ctx)
    if found is None:
        return
    copies = _folder_copies(ctx, found) if ctx.config.selects("TDY205") else ()
    for group in found.files_outside_folders():
        if group.size >= ctx.config.duplicate_min_size:
            yield from _file_findings(ctx, group, copies)


def check_duplicate_folders(ctx: GroupContext) -> Iterator[Finding]:
    found = _duplicates(ctx)
    for group in found.folders if found is not None else ():
        if group.size >= folder_min_size(ctx.config):
            yield from _folder_findings(ctx, group)


DUPLICATE_FILE = Rule(
    "TDY204", "duplicate-file",
    "A file identical to another one (over `duplicate-min-size`, default 100 KB)",
    """What: a file whose content is byte-for-byte the same as another file's, tracked or
not (size, then a hash of the first and last 4 KiB, then a full hash; full hashes are kept
in the content cache, so an unchanged file is not read again). Hard links are one file, not
copies; empty files and files inside a reported folder copy are not repeated.
Why: every copy costs disk, clone size when tracked, and search time.
Fix (display only): keep one copy; `git rm` the others, or hard-link untracked ones.""",
    check_duplicate_files, Applicability.DISPLAY_ONLY, begin=begin_duplicates,
)
DUPLICATE_FOLDER = Rule(
    "TDY205", "duplicate-folder",
    "A folder that is a copy of another one, reported once at the highest level",
    """What: a folder whose every file, subfolder and name matches another folder's
(Merkle hashes over the tree, like rmlint's merged directories with the layout honoured),
reported at the highest level only: `backend_old_copy/` is a copy of `backend/app/static/`.
A plain scan reports copies of 1 MB or more: only folders whose file count, bytes and
subfolder count (summed by the walk) match another's are read, their hashes kept in the
content cache. `--duplicates` compares every folder from `duplicate-min-size` on.
Why: an old copy left behind doubles disk, clone size and search surface.
Fix (display only): keep one; `git rm -r` the copy if tracked, delete it if not.""",
    check_duplicate_folders, Applicability.DISPLAY_ONLY, begin=begin_duplicates,
)
RULES = (DUPLICATE_FILE, DUPLICATE_FOLDER)
