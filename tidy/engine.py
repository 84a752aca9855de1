"""scan(paths, config) -> Report: one walk per root, git facts per repo, rules per group."""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import os
import posixpath
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal, TypeVar

if TYPE_CHECKING:
    import pathspec

    from tidy.rules.base import GroupContext, Rule, SurfaceIndex
    from tidy.workspace.content import ContentFacts, PassResult, SplitWhen

from tidy.core.catalog import Catalog, Kind
from tidy.core.config import Config, for_folder
from tidy.core.cycles import paused
from tidy.core.models import (
    ActionKind,
    Anchor,
    Applicability,
    Finding,
    Group,
    Report,
    Size,
    Skipped,
    Surface,
    encloses_scan_root,
)
from tidy.core.safe_files import config_file_notes
from tidy.core.state import state_dir
from tidy.workspace import fifo_guard
from tidy.workspace.anchors import first_file, line_count, line_of_key
from tidy.workspace.blobs import IndexListing, IndexSizing
from tidy.workspace.early import EarlyWork, IndexTask
from tidy.workspace.editor_excludes import folder_filter
from tidy.workspace.git import GitFacts, GitQuery, filters_asked, find_repo_root, ignore_source
from tidy.workspace.measure import regular_file_size
from tidy.workspace.pool import WorkerPool
from tidy.workspace.walk import BigFile, Hit, ProgressFn, WalkOptions, WalkResult, walk


class ScanError(RuntimeError):
    """A scan that cannot start (the path is missing or not a folder): exit code 2."""


# git's refusal of a repository another user owns (safe.directory); its messages are read in
# the C locale (workspace/git.git_env).
GIT_REFUSES_OWNER = "detected dubious ownership"


def refuse_unreadable_root(report: Report) -> None:
    """ScanError when git refuses to read the repo a scanned root is in (another user's
    checkout: a container job's $GITHUB_WORKSPACE): without git, a committed cache looks
    untracked and the run passes with its failing findings lost. Repos found below a root
    keep their warning: one refused repo does not stop a scan of a whole folder of them."""
    from tidy.core.printable import printable

    held = [g.root for g in report.groups
            if g.is_repo and (g.label == "." or encloses_scan_root(g))]
    for warning in report.warnings:
        root = next((r for r in held if warning.startswith(r + ": ")), None)
        if root is not None and GIT_REFUSES_OWNER in warning:
            import shlex

            raise ScanError(
                f"git refuses to read the repository {printable(root)}: another user owns "
                f"it (git's safe.directory check), so what is tracked there is unknown; "
                f"trust it with `git config --global --add safe.directory "
                f"{shlex.quote(printable(root))}`, or scan as its owner")


# Called with each group as soon as it is complete, before the next one is checked: how a
# caller shows results while the scan goes on (`tidy browse`). In the scan's thread.
GroupFn = Callable[[Group], None]


@dataclass
class _Bucket:
    """What the walk found inside one group, paths still relative to the walk root."""

    walk_rel: str
    hits: list[Hit] = field(default_factory=list)
    big_files: list[BigFile] = field(default_factory=list)
    stale: list[tuple[str, int]] = field(default_factory=list)
    surface: dict[str, tuple[int, int]] = field(default_factory=dict)
    content: Size = field(default_factory=Size)
    search_ignore_dirs: list[str] = field(default_factory=list)
    layout: list[tuple[str, int, int]] = field(default_factory=list)  # explored dir, files, bytes
    newest: dict[str, int] = field(default_factory=dict)  # explored dir -> newest file mtime
    # explored dir or measured hit -> (files, apparent, disk, dirs, newest), for SizeIndex
    sizes: dict[str, tuple[int, int, int, int, float]] = field(default_factory=dict)


def scan(paths: Iterable[str], config: Config, progress: ProgressFn | None = None,
         tracked_size: bool = False, on_group: GroupFn | None = None,
         anchors: bool = True, meanwhile: Callable[[], None] | None = None) -> Report:
    """Scan each path; `tracked_size` measures each repo's index too (for the history),
    early where the index is big; `on_group` gets each group as soon as it is done;
    `anchors`: each finding gets its Anchor (what SARIF and GitHub annotations point at; a
    caller rendering only formats that show none leaves them out: a folder finding's anchor
    may list the folder, ~0.02 s on the 250k bench tree); `meanwhile`: the caller's own work
    for after the scan that needs none of its results (the imports of the history and the
    reporter), done in this process while the walk's workers finish rather than before the
    walk or after it (once a root)."""
    started = time.monotonic()
    roots, covered = _distinct_roots(tuple(_check_root(p) for p in paths))
    groups: list[Group] = []
    skipped: list[Skipped] = []
    warnings: list[str] = [f"{inner}: named twice, scanned once" if inner == outer else
                           f"{inner}: inside {outer}, scanned once" for inner, outer in covered]
    hidden: dict[str, list[int]] = {}
    # A repo below a root that has settings of its own is scanned on its own with them, once
    # the walk that found it is done: the same findings as a scan started at it.
    pending = [(root, _settings_of(config, root), root) for root in roots]
    order: dict[int, tuple[int, bool, str]] = {}  # id(group) -> where it is reported
    with without_cycle_collection():
        while pending:
            root, root_config, top = pending.pop(0)  # top: the root the user named
            found = _scan_root(root, root_config, progress, hidden, tracked_size, on_group,
                               top, anchors, meanwhile)
            for group in found.groups:  # in path order, the named root first, as one walk
                order[id(group)] = (roots.index(top), group.label != ".", group.label)
            groups.extend(found.groups)
            skipped.extend(found.skipped)
            warnings.extend(found.warnings)
            pending.extend((path, own, top) for path, own in found.own_settings)
    groups.sort(key=lambda g: order[id(g)])
    return Report(
        roots=roots,
        groups=tuple(groups),
        skipped=tuple(skipped),
        warnings=tuple(dict.fromkeys([*warnings, *_fifo_warnings()])),
        hidden_kinds=tuple((k, v[0], v[1]) for k, v in sorted(hidden.items())),
        duration_s=time.monotonic() - started,
    )


def _fifo_warnings() -> list[str]:
    return [f"{path}: a FIFO where git reads a config file; git was let go and read it as "
            "empty (tidy never reads FIFOs)" for path in fifo_guard.released()]


def without_cycle_collection() -> contextlib.AbstractContextManager[None]:
    """The walk makes millions of short-lived objects and no cycles: the cyclic collector
    would only pass over them again and again, and in forked workers it would copy every
    page it touches. Turned off for the scan (workers inherit that), then back as it was,
    what the scan kept moved to the oldest generation (tidy.core.cycles)."""
    return paused()


def _distinct_roots(roots: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple[str, str]]]:
    """The roots to walk: one named twice, or inside another on the same filesystem, is
    walked as part of that one (as `du a a/b` counts a/b once); walked again, its groups,
    findings and bytes were reported twice and summed twice (`tidy scan ~/src ~/src/app`).
    One on another filesystem stays a root of its own: the walk of the outer one stops at
    the mount. Also each dropped root with the root it is in."""
    devices = {root: _device(root) for root in roots}
    kept: list[str] = []
    covered: list[tuple[str, str]] = []
    for index, root in enumerate(roots):
        outer = [other for i, other in enumerate(roots) if i != index
                 and _inside_or_same(root, other) and (root != other or i < index)
                 and devices[root] == devices[other]]
        if outer:
            covered.append((root, min(outer, key=len)))  # the outermost: the one walked
        else:
            kept.append(root)
    return tuple(kept), covered


def _device(path: str) -> int:
    try:
        return os.stat(path).st_dev
    except OSError:  # gone since it was checked: the walk says so
        return -1


def _check_root(path: str) -> str:
    absolute = os.path.abspath(path)
    if not os.path.exists(absolute):
        raise ScanError(f"{path}: no such file or directory")
    if not os.path.isdir(absolute):
        raise ScanError(f"{path}: not a directory")
    return os.path.realpath(absolute)  # the user named it: a link given here is followed once


def _exclusion_filter(patterns: Sequence[str]) -> pathspec.GitIgnoreSpec | None:
    if not patterns:
        return None
    import pathspec  # on use only: ~35 ms of import for scans without excludes

    return pathspec.GitIgnoreSpec.from_lines(patterns)


@dataclass(frozen=True)
class _Excluded:
    """The `exclude` patterns as the walk asks them; picklable, for its workers. Each set
    with its own base: (spec, the walked folder's path from that base, "" when the same)."""

    rules: tuple[tuple[pathspec.GitIgnoreSpec, str], ...]

    def __call__(self, rel: str, is_dir: bool) -> bool:
        tail = rel + ("/" if is_dir else "")
        return any(spec.match_file(lead + tail) for spec, lead in self.rules)


def _exclusions(config: Config, root: str, top: str) -> _Excluded | None:
    """The settings file's patterns are relative to the folder of the file that holds them,
    like a .gitignore's, so `/web/legacy/` means the same whichever folder below it is
    scanned; --exclude's are relative to the folder named on the command line."""
    given = tuple(dict(config.command_line).get("exclude") or ())
    rules = []
    from_file = _exclusion_filter([p for p in config.exclude if p not in given])
    if from_file is not None:
        holder = config.exclude_from or config.source
        rules.append((from_file, _lead(root, os.path.dirname(holder) if holder else root)))
    from_line = _exclusion_filter(given)
    if from_line is not None:
        rules.append((from_line, _lead(root, top or root)))
    return _Excluded(tuple(rules)) if rules else None


def _lead(root: str, base: str) -> str:
    prefix = _rel_to(root, base) if _inside_or_same(root, base) else "."
    return "" if prefix == "." else prefix + "/"


@dataclass(frozen=True)
class _RootScan:
    """What the scan of one root gives: its groups, skipped paths and warnings."""

    groups: list[Group]
    skipped: list[Skipped]
    warnings: list[str]
    # Repos found below the root with settings files of their own, to scan with them.
    own_settings: list[tuple[str, Config]] = field(default_factory=list)


def _scan_root(
    root: str, config: Config, progress: ProgressFn | None, hidden: dict[str, list[int]],
    tracked_size: bool, on_group: GroupFn | None = None, top: str = "", anchors: bool = True,
    meanwhile: Callable[[], None] | None = None,
) -> _RootScan:
    with WorkerPool() as pool:
        early = EarlyWork(_early_task(config, tracked_size), pool,
                          use_cache=not config.no_cache, before_fork=_early_imports)
        try:
            return _scan_root_with(root, config, progress, hidden, early, pool, on_group,
                                   top or root, anchors, meanwhile)
        finally:
            early.close()


TRACKED = "tracked"  # the key of the index's size among the early results
HANDED = "handed"  # in the early job's answer: it is the rest, after a hand-over
CONTENT = "content"  # the key of the early content pass: (its Spec, its PassResult)
_DATA_CODES = ("TDY301", "TDY302", "TDY303")  # rules that judge big modules' content


# The early pass's default `split`: SplitWhen() (split when there is much to read), made in
# the worker: the content pass's modules are the worker's to import, not the main process's
# before its walk starts.
_SPLIT_DEFAULT: Final = "default"


def _early_task(config: Config, tracked_size: bool,
                split: SplitWhen | Literal["default"] | None = _SPLIT_DEFAULT) -> IndexTask:
    # Made before the walk starts: its time is the worker's line for racy files. `split`:
    # when the worker shares its content pass with a forked child (the tests force it).
    return functools.partial(_index_work, config, tracked_size, time.time_ns(), split)


def _early_imports() -> None:
    """The modules the early job imports (_index_work, its rules' early jobs, the kept index
    listing), imported here before the pool forks for it. This process imports them all
    anyway (the rules after the walk, the rest while it waits for its workers); imported
    in the worker instead, they cost a second time on a core the walk is using, at the head
    of the early job, which a warm scan of a mid-sized repo waits for (web app: the
    worker's first job ~60 ms longer than its next; CPU of a warm scan 0.62 -> 0.58 s,
    250k bench tree 1.30 -> 1.28 s, medians of 15 and 13 runs under load 8-9)."""
    import importlib

    from tidy.rules.early import EARLY_MODULES

    for name in (*EARLY_MODULES, "tidy.rules.content", "tidy.rules.data_in_code",
                 "tidy.workspace.index_cache", "tidy.analysis.vendored.evidence",
                 "tidy.workspace.githistory", "tidy.workspace.tidy_written"):
        importlib.import_module(name)


def _load_pass_modules(config: Config) -> None:
    """Before the pool forks its worker, with --no-cache: what only a cold pass needs (the
    judges, the rules' early jobs made), loaded here, where this process still runs alone,
    not in the worker beside the walk, where they head the cold scan's longest chain (the
    pass, then the history). The modules every early job imports are _early_imports'. (Cold
    web app: 0.76 -> 0.73 s, CPU 1.04 -> 1.00 s, medians of 15 at load ~17.) With a cache
    the worker's job may only check it, and the walk is the longest chain: left there."""
    if config.no_cache:
        import tidy.analysis.data_in_code.judge  # noqa: F401 (the name `tidy`, bound once)
        from tidy.rules.early import early_rules

        early_rules()


# In a pool worker: the last early job's content facts and listing (_index_work).
_HELD_BY_WORKER: list[object] = []


def _index_work(config: Config, tracked_size: bool, started_ns: int,
                split: SplitWhen | Literal["default"] | None, repo: str,
                listing: IndexListing) -> dict[str, object]:
    """In a pool worker, from one listing of the repo's index: the `early` job of every
    selected rule (by code), then the content pass over the tracked files those jobs and the
    data rules want read (CONTENT), and the index's size (TRACKED) when the trends want it.
    The worker imports the rules, not the main process before its walk. A job that fails is
    left out: its check then does the work itself and meets the error where it can say so."""
    from tidy.rules.content import content_spec
    from tidy.rules.early import early_rules
    from tidy.workspace.content import ContentFacts, SplitWhen

    # The worker's content facts: the early jobs read through them too (library discovery),
    # and what they learnt goes to the main process with the pass (CONTENT).
    content = ContentFacts(repo, content_spec(config), use_cache=not config.no_cache,
                           started_ns=started_ns,
                           split=SplitWhen() if split == _SPLIT_DEFAULT else split)
    content.notes_by_adopter = True  # the main process writes the notes, once (adopt)
    # Kept after the job, not freed before its answer is sent: the last job's (cold web
    # app: ~3-5 ms of the early job, the cold scan's longest chain, freeing 7,000 entries).
    # A worker leaves with os._exit, which frees nothing; a next job frees them first.
    _HELD_BY_WORKER[:] = [content, listing]
    done: dict[str, object] = {}
    for rule in early_rules():
        if rule.early is not None and any(config.selects(code) for code in rule.emits):
            try:
                done[rule.code] = rule.early(repo, listing, content)
            except Exception:
                continue
    sizing: IndexSizing | None = None
    handed: PassResult | None = None  # the pass's export, when the main process has it
    try:
        with contextlib.suppress(Exception):
            for value in done.values():  # TDY401's history listing, started beside the pass
                before = getattr(value, "before_pass", None)
                if callable(before):
                    before(content)
            _early_content(listing, config, done.values(), content)
            # The index's size (a rescan's from the cache's notes), asked of git after the
            # pass and answered after the history walk (the early jobs' after_pass): git
            # sizes the objects on the core the walk leaves idle, not at the head of this
            # job, the cold scan's longest chain (web app: ~15-20 ms)
            sizing = _index_sizing(repo, listing, content) if tracked_size else None
            for code, value in list(done.items()):  # an early job's answer from the facts
                after = getattr(value, "after_pass", None)
                if callable(after):
                    done[code] = after(content)
            handed = _hand_over(done, content)
            for value in done.values():  # TDY401's history walk, its answers noted in content
                walk = getattr(value, "walk_history", None)
                if callable(walk):
                    walk(content)
        if sizing is None and tracked_size:  # the pass failed: sized now, as before it
            sizing = _index_sizing(repo, listing, content)
        rest: dict[str, object] = {} if handed is None else {HANDED: True}
        if sizing is not None:  # before the cache is saved: its answer is kept there
            with contextlib.suppress(Exception):
                rest[TRACKED] = sizing.finish()
        with contextlib.suppress(Exception):
            # Saved here, beside the walk: the main process is handed only what its checks
            # may still ask (verdicts, hashes, notes), not every file's entry.
            content.save()
            rest[CONTENT] = ((content.spec, content.export()) if handed is None
                             else (content.spec, content.export_since(handed)))
    finally:
        if sizing is not None:
            sizing.close()
        from tidy.workspace.pickaxe import stop_listings

        stop_listings()  # a listing before_pass started that no walk took (an early way out)
    return rest if handed is not None else {**done, **rest}


def _hand_over(done: dict[str, object], content: ContentFacts) -> PassResult | None:
    """The early answers and the pass's export to the main process now, before the history
    walk (early.hand_over): its checks run meanwhile, the walk's answers (notes) come with
    the job's end (CONTENT of EarlyWork.rest, adopted before TDY401 looks one up). The
    export handed, or None when nothing went: the job then returns everything, as before.
    (Cold web app: the main process's ~20 ms of unpickling and its checks beside the walk.)"""
    if content.use_cache:
        # Not with the cache: the main process's look-ups in the cache file (its notes, the
        # search hits its save keeps: ContentFacts._kept_adopted) would then race this job's
        # save after the walk. A scan with the cache is the warm one, its walk noted already.
        return None
    from tidy.workspace.early import hand_over

    exported = content.export()
    return exported if hand_over({**done, CONTENT: (content.spec, exported)}) else None


def _index_sizing(repo: str, listing: IndexListing, content: ContentFacts
                  ) -> IndexSizing | None:
    try:
        return IndexSizing(repo, listing, content)
    except Exception:  # the trends then go without the index's size
        return None


def _early_content(listing: IndexListing, config: Config, early: Iterable[object],
                   content: ContentFacts) -> None:
    """The content pass over the index's files, one read each: what an early job asked to be
    searched (SearchRequest), and the modules the data rules judge (the walk later names the
    big ones; those the index holds are read here already)."""
    from tidy.rules.data_in_code import early_requests
    from tidy.workspace.content import BLOB, SearchRequest

    requests: dict[str, tuple[str, ...]] = {}
    if any(config.selects(code) for code in _DATA_CODES):
        requests = early_requests(listing)
    for value in early:
        request = getattr(value, "request", None)
        if isinstance(request, SearchRequest) and request.patterns:
            content.with_patterns(request.patterns)
            requests = _with_refs(requests, request.files)
            # Its matches worked out by each process of a split pass for the files it read
            # (its after_pass puts them together): not after the pass, by one process alone.
            digest = getattr(value, "part_matches", None)
            if callable(digest):
                content.digest = digest
    if content.spec.needles:
        # The history walk (TDY401's "last referenced") counts the needles in every blob of
        # the commits it goes through, HEAD's first: a tracked file no rule reads (an image,
        # a font, the one library's own files) is read here, beside the others on two
        # cores, rather than inflated by `git cat-file` after the pass, alone (web app:
        # 128 blobs, 14 MB, the last ~0.08 s of the early job). Only blobs whose counts
        # are not known yet (a rescan asks none), none over MAX_TEXT_BYTES (cat-file's).
        for path, sha in zip(listing.blob_paths, listing.blob_ids, strict=False):
            if path not in requests and content.blob_counts(sha) is None:
                requests[path] = (BLOB,)
    content.ensure(requests)


def _with_refs(requests: dict[str, tuple[str, ...]], files: Iterable[str]
               ) -> dict[str, tuple[str, ...]]:
    """`requests` with REFS asked of each of `files` too, in the order a loop adding them one
    by one makes (a file asked already keeps its place): the search's files as one dict
    made in C, the loop kept for the few asked already (250k bench tree: 21,700 files, ~4 ms
    of the warm early job)."""
    from tidy.workspace.content import REFS

    refs: tuple[str, ...] = (REFS,)
    searched = dict.fromkeys(files, refs)
    for path in searched.keys() & requests.keys():
        searched[path] = (*requests[path], REFS)
    return {**requests, **searched} if requests else searched


def _scan_root_with(
    root: str, config: Config, progress: ProgressFn | None, hidden: dict[str, list[int]],
    early: EarlyWork, pool: WorkerPool, on_group: GroupFn | None = None, top: str = "",
    anchors: bool = True, meanwhile: Callable[[], None] | None = None,
) -> _RootScan:
    started_ns = time.time_ns()  # before anything is read: the content cache's racy line
    enclosing = find_repo_root(root)
    queries: dict[str, GitQuery] = {}

    def on_repo(path: str) -> None:
        if path not in queries:
            # The early job first: it is the cold scan's longest chain (index listing, content
            # pass, history), and forking the pool's workers takes ~20 ms that git's listings
            # started here need not wait on; nor do the workers then inherit their pipes.
            early.start(path, functools.partial(_load_pass_modules, config))
            queries[path] = GitQuery(path)

    # The catalogue is built while git answers the first question every git of the repo's
    # waits on (its own filters, git_env), and before the pool forks: its workers find both
    # ready (the compiled name patterns of every part of the walk they are handed, the
    # answer for the early job's git), and this process does not wait for `git config`.
    with filters_asked(enclosing):
        catalog = config.catalog()
    if enclosing is not None:
        on_repo(enclosing)

    def while_waiting() -> None:
        """Main-process work that needs no measured sizes, done while the workers finish."""
        import tidy.rules.registry  # every rule module, imported once

        if pool.started:  # a tree big enough for workers: what its checks load after the walk
            import tidy.analysis.vendored.evidence
            import tidy.workspace.githistory
            import tidy.workspace.tidy_written

            if any(config.selects(code) for code in ("TDY204", "TDY205")):
                import tidy.workspace.duplicates  # noqa: F401 (the name `tidy`, bound once)

        for query in queries.values():
            query.prepare()
        if meanwhile is not None:
            meanwhile()

    # git's listing of the untracked files outside the artifacts (TDY401's), started once
    # the tree is explored: the enclosing repo's, when the walk starts at its root.
    ahead: dict[str, object] = {}

    def when_explored(artifact_dirs: list[str], repo_roots: list[str]) -> None:
        if (enclosing is None or enclosing != os.path.abspath(root)
                or not config.selects("TDY401") or not early.started(enclosing)):
            return
        from tidy.rules.vendored import list_untracked_ahead

        done = early.results(enclosing) if early.finished(enclosing) else {}
        query = queries.get(enclosing)
        listing = list_untracked_ahead(enclosing, artifact_dirs, repo_roots,
                                       None if query is None else query.tracked(),
                                       done.get("TDY401"), not config.no_cache)
        if listing is not None:
            ahead["TDY401"] = listing

    excluded = _exclusions(config, root, top)

    options = WalkOptions(
        cross_filesystems=config.cross_filesystems,
        # Files at or over this are listed by the walk for size, data-in-code and duplicates.
        big_file_bytes=min(config.large_file, config.max_file_size, config.data_min_size,
                           config.duplicate_min_size),
        excluded=excluded,
        progress=progress,
        on_repo=on_repo,
        while_waiting=while_waiting,
        when_explored=when_explored,
        # tidy's own state (trash, journals, backups) is never reported back as bloat.
        skip_paths=frozenset({os.path.realpath(state_dir())}),
        pool=pool,
    )
    store = catalog.global_cache_of(root)
    if store is not None:  # `tidy scan ~/.pyenv`: the tool's files, none a project's
        catalog = Catalog(())
    try:
        return _judge_walk(root, config, hidden, early, pool, on_group, top, anchors, enclosing,
                           queries, catalog, options, store, started_ns, ahead)
    finally:
        for listing in ahead.values():  # taken over by its rule (and read) or not wanted
            _stop(listing)


def _stop(listing: object) -> None:
    stop = getattr(listing, "stop", None)
    if callable(stop):
        stop()


def _judge_walk(
    root: str, config: Config, hidden: dict[str, list[int]], early: EarlyWork,
    pool: WorkerPool, on_group: GroupFn | None, top: str, anchors: bool, enclosing: str | None,
    queries: dict[str, GitQuery], catalog: Catalog, options: WalkOptions,
    store: Kind | None, started_ns: int, ahead: Mapping[str, object],
) -> _RootScan:
    """The walk, then each group it found judged."""
    result = walk(root, catalog, options)
    # The walk queues nothing more, nor does anything after it (the early jobs were queued as
    # it found the repos): the workers leave as they finish, while this process judges, not
    # after (_scan_root's shutdown waits for them; ~5-10 ms a scan).
    pool.no_more_jobs()
    if store is not None:
        result.big_files.clear()  # not duplicates, not data in code: the tool's own copies
    gitignores = sorted(_join(root, rel) for rel in result.gitignore_dirs)
    facts = {path: query.result(gitignore_found=_any_inside(gitignores, path))
             for path, query in queries.items()}
    buckets = _bucket(result)
    own_settings = _own_settings(root, buckets, config)
    apart = tuple(path for path, _ in own_settings)
    warnings = [*config.untrusted, *(w for w in _warnings(result, facts) if not _about(w, apart))]
    if store is not None:
        warnings.append(f"{root}: inside a global cache ({store.why}); nothing in it is a "
                        f"project's artifact or duplicate; clean it with {store.clean_advice}")
    groups = []
    for bucket in buckets.values():
        if _inside_any(_join(root, bucket.walk_rel), apart):
            continue  # scanned again with its own settings
        group = _group(root, bucket, enclosing, facts, config, hidden, early, started_ns,
                       anchors, ahead if bucket.walk_rel == "." else {})
        if top and top != root and group.root != top:  # a repo scanned on its own: labelled
            group = dataclasses.replace(group, label=_rel_to(group.root, top))  # as found
        groups.append(group)
        if on_group is not None:
            on_group(groups[-1])
    skipped = [Skipped(path, s.reason) for s in result.skipped
               if not _inside_any(path := _join(root, s.path), apart)]
    return _RootScan(groups, skipped, warnings, own_settings)


def _own_settings(root: str, buckets: Mapping[str, _Bucket],
                  config: Config) -> list[tuple[str, Config]]:
    """The repos found below `root` whose settings differ from the root's (their own file),
    outermost only: a repo inside one of them is that one's to judge."""
    found: list[tuple[str, Config]] = []
    for rel in sorted(r for r in buckets if r != "."):
        path = _join(root, rel)
        if _inside_any(path, tuple(p for p, _ in found)):
            continue
        own = _settings_of(config, path)
        if own is not config:
            found.append((path, own))
    return found


def _settings_of(config: Config, folder: str) -> Config:
    """for_folder, with the rule codes its files gave checked (exit 2 for a typo, naming the
    file). The registry is imported here only when a file gave codes: without such a setting
    the walk starts without waiting for every rule module."""
    own = for_folder(config, folder)
    if own.codes_from_files:
        from tidy.rules.registry import check_file_codes

        check_file_codes(own)
    return own


def _inside_any(path: str, folders: tuple[str, ...]) -> bool:
    return any(_inside_or_same(path, folder) for folder in folders)


def _about(warning: str, folders: tuple[str, ...]) -> bool:
    """A warning that starts with a path inside one of `folders`."""
    return any(warning == f or warning.startswith((f + ":", f + os.sep)) for f in folders)


def _warnings(result: WalkResult, facts: dict[str, GitFacts]) -> list[str]:
    warnings = [f"{f.root}: {f.error}" for f in facts.values() if f.error]
    warnings += [f"{f.root}: {f.state}; tracked state is read from the index as it is now"
                 for f in facts.values() if f.state]
    warnings += [f"{_join(result.root, b)}: a bare repository, nothing to clean there"
                 for b in result.bare_repos]
    return warnings


def _bucket(result: WalkResult) -> dict[str, _Bucket]:
    keys = {".", *result.repo_roots}
    # Reported in path order, the folder itself first: the same tree reads the same each time.
    buckets = {k: _Bucket(k) for k in sorted(keys, key=lambda k: (k != ".", k))}

    def owner(rel: str) -> _Bucket:
        if len(keys) == 1:  # no repo below the root: everything is the root's
            return buckets["."]
        current = rel
        while current not in keys:
            slash = current.rfind("/")
            current = "." if slash < 0 else current[:slash]
        return buckets[current]

    for hit in result.hits:
        bucket = owner(hit.rel)
        bucket.hits.append(hit)
        if hit.kind.type == "dir":
            measured = hit.size
            bucket.sizes[hit.rel] = (measured.files, measured.apparent, measured.disk,
                                     measured.dirs, measured.newest_mtime)
    for big in result.big_files:
        owner(big.rel).big_files.append(big)
    for rel in result.search_ignore_dirs:
        owner(rel).search_ignore_dirs.append(rel)
    for rel, size in result.stale_legacy_pyc:
        owner(rel).stale.append((rel, size))
    for rel, (files, size) in result.surface_by_dir.items():
        owner(rel).surface[rel] = (files, size)
    # Summed as plain ints, one Size per group at the end: a Size per explored folder and
    # another per addition: 3.3 -> 1.7 ms for _bucket on the 250k bench tree (1,023 folders).
    sums: dict[str, list[int]] = {}  # group -> [apparent, disk, files, folders]
    for rel, (files, apparent, disk, newest) in result.content_by_dir.items():
        bucket = owner(rel)
        slot = sums.get(bucket.walk_rel)
        if slot is None:
            slot = sums[bucket.walk_rel] = [0, 0, 0, 0]
        slot[0] += apparent
        slot[1] += disk
        slot[2] += files
        slot[3] += 1
        bucket.layout.append((rel, files, apparent))
        bucket.sizes[rel] = (files, apparent, disk, 1, newest)
        if newest:
            bucket.newest[rel] = newest
    for key, (apparent, disk, files, folders) in sums.items():
        buckets[key].content = buckets[key].content + Size(apparent, disk, files, folders)
    return buckets


def _group(
    walk_root: str,
    bucket: _Bucket,
    enclosing: str | None,
    facts: dict[str, GitFacts],
    config: Config,
    hidden: dict[str, list[int]],
    early: EarlyWork,
    started_ns: int,
    anchors: bool = True,
    ahead: Mapping[str, object] | None = None,
) -> Group:
    from tidy.rules.base import GroupContext, SizeIndex, SurfaceIndex

    bucket_abs = _join(walk_root, bucket.walk_rel)
    group_root = enclosing if bucket.walk_rel == "." and enclosing is not None else bucket_abs
    git = facts.get(group_root)
    is_repo = git is not None
    to_group = _translator(walk_root, group_root, bucket.walk_rel)
    hits = _visible_hits(bucket.hits, config, hidden, to_group)
    ignore_dirs = [to_group(rel) for rel in bucket.search_ignore_dirs]
    # The early work's results when they are there already (not waited for yet).
    ready = early.results(group_root) if is_repo and early.finished(group_root) else None
    # As the walk summed them: Rule.begin may work from them while the early work runs.
    sizes = SizeIndex(_to_group(bucket.sizes, to_group))
    ctx = GroupContext(
        root=group_root,
        is_repo=is_repo,
        hits=tuple(hits),
        artifact_dirs=tuple(sorted(to_group(h.rel) for h in bucket.hits if h.kind.type == "dir")),
        big_files=tuple(BigFile(to_group(b.rel), b.bytes) for b in bucket.big_files),
        stale_legacy_pyc=tuple((to_group(r), s) for r, s in bucket.stale),
        git=git,
        surface=SurfaceIndex({}),  # below, once what can start first has started
        config=config,
        sizes=sizes,
        early=ready or {},
        started=ahead or {},  # work started during the walk, for Rule.begin to take over
        hidden_hits=tuple(dataclasses.replace(h, rel=to_group(h.rel)) for h in bucket.hits
                          if not config.kind_enabled(h.kind)),
    )
    # What can start before the rest of the group is put together, and before the early
    # work is waited for, starts now (Rule.begin): for a repo with early work.
    begun = _begin(ctx, config) if is_repo and early.started(group_root) else {}
    surface = _effective_surface(bucket.surface, to_group, git, group_root, ignore_dirs)
    activity = ActivityIndex(_to_group(bucket.newest, to_group))
    if ready is None and is_repo and early.started(group_root):
        _while_early_runs(bucket, config)
    done_early = ready if ready is not None else early.results(group_root) if is_repo else {}
    tracked = done_early.pop(TRACKED, None)
    content = _content_facts(group_root, config, done_early.pop(CONTENT, None), started_ns)
    later = _Later(early, group_root, content) if is_repo and early.handed_over(
        group_root) else None
    if later is not None:  # the checks run while the early job walks the history
        content.pending = later.adopt
    ctx = dataclasses.replace(ctx, surface=surface, early=done_early,
                              content=content, started=begun)
    findings = _findings(ctx, config, activity, anchors)
    if later is not None:
        content.settle()  # before the save: it keeps what the job learnt (a note-less check)
        tracked = later.tracked if tracked is None else tracked
    content.save()
    reclaimable, removed_surface = _reclaimable(findings)
    notes = ((f"{git.state}",) if git is not None and git.state else ()) + tuple(
        config_file_notes(group_root, ignore_dirs))
    return Group(
        root=group_root,
        label=_rel_to(group_root, walk_root) if group_root != walk_root else ".",
        is_repo=is_repo,
        findings=tuple(findings),
        scanned=_scanned_size(bucket),
        surface_before=surface.total,
        surface_after=surface.total - removed_surface,
        reclaimable=reclaimable,
        notes=notes,
        layout=tuple(sorted((to_group(rel), files, size) for rel, files, size in bucket.layout)),
        tracked=tracked if isinstance(tracked, tuple) else None,
    )


class _Later:
    """What the early job answers after its hand-over (EarlyWork.rest): its history walk's
    notes and blob counts, adopted into the group's content facts when a check first looks
    one up (ContentFacts.settle), and the index's size. A job that failed after its
    hand-over answers nothing: TDY401 then walks the history itself, the trends go without
    the index's size, as when the whole job fails."""

    def __init__(self, early: EarlyWork, root: str, content: ContentFacts) -> None:
        self._early = early
        self._root = root
        self._content = content
        self.tracked: object = None

    def adopt(self) -> None:
        from tidy.workspace.content import PassResult

        rest = self._early.rest(self._root)
        self.tracked = rest.get(TRACKED)
        learnt = rest.get(CONTENT)
        if (rest.get(HANDED) is True and isinstance(learnt, tuple) and len(learnt) == 2
                and isinstance(learnt[1], PassResult)):
            self._content.adopt(learnt[1], learnt[0])


def _while_early_runs(bucket: _Bucket, config: Config) -> None:
    """Work of the checks that needs no early result, done before this process waits for
    them: it would wait idle, and the checks run after the early job on the cold scan's
    longest chain (web app, --no-cache: the build config reader's imports, ~9 ms, off it)."""
    if any(config.selects(code) for code in _DATA_CODES):
        from tidy.rules.data_in_code import load_checks_for

        load_checks_for(((big.rel, big.bytes) for big in bucket.big_files),
                        config.data_min_size)


def _content_facts(root: str, config: Config, early: object, started_ns: int) -> ContentFacts:
    """The group's content facts, with what the early pass read already."""
    from tidy.rules.content import content_spec
    from tidy.workspace.content import ContentFacts, PassResult

    content = ContentFacts(root, content_spec(config), use_cache=not config.no_cache,
                           started_ns=started_ns)
    if isinstance(early, tuple) and len(early) == 2 and isinstance(early[1], PassResult):
        content.adopt(early[1], early[0])
    return content


class ActivityIndex:
    """Newest mtime of a project's own files: the folder holding an artifact, artifacts excluded.

    kondo's rule: a project is as old as its newest source file, never its caches' atime.
    """

    def __init__(self, newest_by_dir: Mapping[str, int]) -> None:
        self._keys = sorted(newest_by_dir)
        self._values = [newest_by_dir[k] for k in self._keys]
        # Findings share projects (a folder's many stray .pyc, a tree's node_modules): each
        # project's subtree is run over once.
        self._known: dict[str, float] = {}

    def project_of(self, rel: str) -> float:
        slash = rel.rfind("/")
        project = "." if slash < 0 else rel[:slash]
        known = self._known.get(project)
        if known is None:
            known = self._known[project] = self._newest(project)
        return known

    def _newest(self, project: str) -> float:
        if project == ".":
            return float(max(self._values, default=0))
        own = self._values[i] if (i := bisect.bisect_left(self._keys, project)) < len(
            self._keys) and self._keys[i] == project else 0
        start = bisect.bisect_left(self._keys, project + "/")
        end = bisect.bisect_left(self._keys, project + "/\U0010ffff")
        return float(max(own, max(self._values[start:end], default=own)))


def _scanned_size(bucket: _Bucket) -> Size:
    """Everything under the group once: explored content (file hits are part of it) plus
    measured folders, less hard links a folder shares with what was counted before it."""
    total = bucket.content
    for hit in bucket.hits:
        if hit.kind.type == "dir":
            total = total + hit.size
            total = Size(total.apparent - hit.repeated.apparent, total.disk - hit.repeated.disk,
                         total.files - hit.repeated.files, total.dirs, total.newest_mtime)
    return total


Translate = Callable[[str], str]
V = TypeVar("V")


def _same_rel(rel: str) -> str:
    """The translator of a group rooted at the walk's root: paths stay as they are."""
    return rel


def _translator(walk_root: str, group_root: str, bucket_rel: str) -> Translate:
    """A function from walk-relative paths to group-relative ones."""
    if group_root == walk_root:
        return _same_rel
    if bucket_rel != ".":  # a repo found below the walk root
        cut = len(bucket_rel) + 1
        return lambda rel: "." if rel == bucket_rel else rel[cut:]
    prefix = _rel_to(walk_root, group_root)  # the walk root lies inside the repo
    return lambda rel: prefix if rel == "." else f"{prefix}/{rel}"


def _to_group(by_rel: Mapping[str, V], to_group: Translate) -> Mapping[str, V]:
    """`by_rel` with group-relative keys; itself when they are already (a group rooted at the
    walk's root: the indexes made from it only read it, and its folders are thousands)."""
    return by_rel if to_group is _same_rel else {to_group(rel): v for rel, v in by_rel.items()}


def _visible_hits(
    hits: list[Hit], config: Config, hidden: dict[str, list[int]], to_group: Translate
) -> list[Hit]:
    visible = []
    for hit in hits:
        if config.kind_enabled(hit.kind):
            # A Hit is frozen: one whose path stays as it is is shared, not copied (~5 us a
            # dataclasses.replace; the 250k bench tree has hundreds).
            visible.append(hit if to_group is _same_rel
                           else dataclasses.replace(hit, rel=to_group(hit.rel)))
        elif not config.only_kinds:
            slot = hidden.setdefault(hit.kind.name, [0, 0])
            slot[0] += 1
            slot[1] += hit.size.apparent
    return visible


def _effective_surface(
    by_dir: dict[str, tuple[int, int]], to_group: Translate, git: GitFacts | None,
    group_root: str, ignore_dirs: list[str],
) -> SurfaceIndex:
    """The per-folder surface minus what git, `.ignore` and `.rgignore` hide from ripgrep."""
    from tidy.rules.base import SurfaceIndex

    # The walk's (files, bytes) pairs are kept as they are: only a folder a file is taken
    # out of gets a new pair (250k bench tree, 7,804 folders: 5.6 -> ~2 ms with the rest).
    kept = (dict(by_dir) if to_group is _same_rel
            else {to_group(rel): value for rel, value in by_dir.items()})
    if git is not None and git.known:
        if git.ignored_files or git.ignored_dirs or git.tracked_ignored:  # else none is
            kept = {rel: v for rel, v in kept.items() if not git.is_ignored(rel)}
        for rel in (*git.ignored_files, *git.tracked_ignored):
            _subtract_file(kept, rel, group_root)
    if ignore_dirs:
        kept = _without_search_ignored(kept, group_root, ignore_dirs)
    kept = _without_editor_excluded(kept, group_root)
    return SurfaceIndex({k: v for k, v in kept.items() if v[0] > 0})


def _without_editor_excluded(
    kept: dict[str, tuple[int, int]], group_root: str
) -> dict[str, tuple[int, int]]:
    """Folders that `.vscode/settings.json` keeps out of VS Code search drop out, as does
    everything below them."""
    excluded = folder_filter(group_root)
    if excluded is None:
        return kept
    known: dict[str, bool] = {".": False}

    def out(rel: str) -> bool:  # the folder, or one above it, is excluded
        if rel not in known:
            parent = rel.rsplit("/", 1)[0] if "/" in rel else "."
            known[rel] = out(parent) or excluded(rel)
        return known[rel]

    return {rel: v for rel, v in kept.items() if not out(rel)}


def _without_search_ignored(
    kept: dict[str, tuple[int, int]], group_root: str, ignore_dirs: list[str]
) -> dict[str, tuple[int, int]]:
    """Folders that `.ignore`/`.rgignore` exclude (or sit under one that is) drop out.

    File-level patterns (`*.min.js`) cannot be applied to per-folder sums; folders can.
    """
    from tidy.workspace.ignorefiles import surface_filter

    search_filter = surface_filter(group_root, folders=ignore_dirs)
    if not search_filter:
        return kept
    search_filter.prepare((rel, True) for rel in kept)
    return {rel: v for rel, v in kept.items()
            if rel == "." or not search_filter.excluded(rel, True)}


def _subtract_file(kept: dict[str, tuple[int, int]], rel: str, group_root: str) -> None:
    slash = rel.rfind("/")
    parent, name = ("." if slash < 0 else rel[:slash]), rel[slash + 1:]
    slot = kept.get(parent)
    if slot is None or name.startswith("."):
        return
    size = regular_file_size(group_root, rel)
    if size is not None:
        kept[parent] = (slot[0] - 1, slot[1] - size)


def _findings(ctx: GroupContext, config: Config, activity: ActivityIndex,
              anchors: bool = True) -> list[Finding]:
    found: list[Finding] = []
    from tidy.rules.registry import CHECKED  # loaded while the walk's workers finished

    selected = [rule for rule in CHECKED if _selected(rule, config)]
    started = {rule.code: rule.start(ctx) for rule in selected if rule.start is not None}
    if started:
        ctx = dataclasses.replace(ctx, started={**ctx.started, **started})
    anchor_of = _Anchors(ctx, config).of if anchors else _no_anchor
    counted = _budgeted(config) if config.min_size > 0 else ()
    verdicts = _CodeVerdicts(config)
    # Rules whose git is running go last, so it has the other checks' time to finish.
    for rule in sorted(selected, key=lambda r: r.code in started):
        assert rule.check is not None  # CHECKED
        for finding in rule.check(ctx):
            selects, fails = verdicts.of(finding.code)
            # min-size declutters the report; it never hides what fails the run (a small
            # committed cache is still TDY102) nor what a budget adds up (a 100 kB data
            # module under `data-in-code-modules = 0`).
            small = (finding.size.apparent < config.min_size and not fails
                     and not finding.code.startswith(counted))
            if small or not selects:
                continue
            found.append(dataclasses.replace(finding, fails=fails,
                                             activity=activity.project_of(finding.path),
                                             anchor=finding.anchor or anchor_of(finding)))
    found.sort(key=lambda f: (-f.size.apparent, f.path, f.code))
    return found


class _CodeVerdicts:
    """Whether the config selects a finding code and whether it fails the run, worked out
    once per code: a scan's hundreds of findings have a dozen codes, and each answer runs
    over the select, ignore and fail-on prefixes."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._known: dict[str, tuple[bool, bool]] = {}

    def of(self, code: str) -> tuple[bool, bool]:
        known = self._known.get(code)
        if known is None:
            known = self._known[code] = (self._config.selects(code), self._config.fails(code))
        return known


def _budgeted(config: Config) -> tuple[str, ...]:
    """The finding codes (prefixes) the config file's budgets add up."""
    from tidy.rules.budgets import counted_families

    return counted_families(config)


def _begin(ctx: GroupContext, config: Config) -> dict[str, object]:
    """Each selected rule's `begin` (git work started while the early work is waited for),
    by code."""
    from tidy.rules.registry import CHECKED

    return {rule.code: rule.begin(ctx) for rule in CHECKED
            if rule.begin is not None and _selected(rule, config)}


def _no_anchor(_finding: Finding) -> None:
    return None


class _Anchors:
    """The file and line each finding attaches to (core.models.Anchor) when its rule gave
    none: a file finding, its file; a folder, the file that makes it a problem: for a tracked
    folder git ignores, the .gitignore line that matches it; else its first tracked file; else
    its kind's marker beside it (package.json for node_modules); else, for what is not
    ignored, the repo's .gitignore (where the rule goes). None: nothing to point at."""

    def __init__(self, ctx: GroupContext, config: Config) -> None:
        self.ctx = ctx
        self.kinds = {k.name: k for k in config.catalog().kinds}

    def of(self, finding: Finding) -> Anchor | None:
        rel = finding.path
        if rel in ("", "."):
            return None
        full = os.path.join(self.ctx.root, rel)
        if os.path.isfile(full) and not os.path.islink(full):
            return Anchor(rel)
        git = self.ctx.git
        tracked = git.tracked_under(rel) if git is not None and git.known else []
        if tracked and finding.ignored:
            source = ignore_source(self.ctx.root, tracked[0])
            if source is not None:
                return Anchor(*source)
        if tracked:
            return Anchor(tracked[0])
        return self._marker(finding) or self._gitignore(finding) or self._first_file(rel)

    def _first_file(self, rel: str) -> Anchor | None:
        first = first_file(self.ctx.root, rel)
        return Anchor(first) if first else None

    def _marker(self, finding: Finding) -> Anchor | None:
        kind = self.kinds.get(finding.kind)
        parent = posixpath.dirname(finding.path)
        for marker in kind.markers if kind is not None else ():
            rel = posixpath.join(parent, marker) if parent else marker
            if os.path.isfile(os.path.join(self.ctx.root, rel)):
                return Anchor(rel)
        return None

    def _gitignore(self, finding: Finding) -> Anchor | None:
        if finding.ignored or not self.ctx.is_repo:
            return None
        lines = line_count(os.path.join(self.ctx.root, ".gitignore"))
        return Anchor(".gitignore", max(1, lines)) if lines is not None else None


def _selected(rule: Rule, config: Config) -> bool:
    return any(config.selects(code) for code in rule.emits)


def read_baseline(path: str | None) -> Mapping[str, tuple[int, int]] | None:
    """The findings of a --baseline report by fingerprint (None without one); BaselineError
    (exit 2) for a file that is not one. Read before the scan, so a bad one fails at once."""
    if path is None:
        return None
    from tidy.rules.baseline import load_baseline

    return load_baseline(path)


def finish(report: Report, config: Config,
           baseline: str | Mapping[str, tuple[int, int]] | None) -> Report:
    """What follows the scan: the budgets of the config's file, then the baseline (a path, or
    one load_baseline already read: the CLI reads it before scanning, so a bad one fails
    fast)."""
    from tidy.rules import budgets
    from tidy.rules.baseline import apply_baseline, load_baseline

    groups: list[Group] = []
    limits: dict[str, budgets.Budgets] = {}  # by settings file: read once
    for group in report.groups:  # each repo with settings of its own: its own budgets
        own = _group_config(report, group, config)
        if own.source not in limits:
            limits[own.source] = budgets.load(own)
        judged, _ = budgets.apply(dataclasses.replace(report, groups=(group,)),
                                  limits[own.source], own)
        groups.extend(_budget_anchors(g, own) for g in judged.groups)
    report = dataclasses.replace(report, groups=tuple(groups))
    if baseline is not None:
        known = load_baseline(baseline) if isinstance(baseline, str) else baseline
        report = apply_baseline(report, known)
    return report


def _budget_anchors(group: Group, config: Config) -> Group:
    """A budget over the whole repo points at the line of its config file that sets it."""
    source = config.source
    if not source or not _inside_or_same(source, group.root):
        return group
    found = []
    for finding in group.findings:
        key = dict(finding.details).get("budget")
        if finding.anchor is None and key and finding.path == ".":
            line = line_of_key(source, key)
            rel = os.path.relpath(source, group.root).replace(os.sep, "/")
            finding = dataclasses.replace(finding, anchor=Anchor(rel, line))
        elif finding.anchor is None and key:
            finding = dataclasses.replace(finding, anchor=Anchor(finding.path))
        found.append(finding)
    return dataclasses.replace(group, findings=tuple(found))


def _group_config(report: Report, group: Group, config: Config) -> Config:
    """The settings a group was judged with: a repo found below a scanned root reads its own
    (as scan did), any other group the scan's."""
    below = any(group.root != root and _inside_or_same(group.root, root)
                for root in report.roots)
    return for_folder(config, group.root) if below else config


def applies_by_default(finding: Finding) -> bool:
    fix = finding.fix
    return (fix is not None and fix.action is ActionKind.TRASH
            and fix.applicability is Applicability.SAFE)


def _hides_from_search(finding: Finding) -> bool:
    """A plain `tidy fix` takes it out of search: moved away, or ignored / excluded."""
    fix = finding.fix
    return (fix is not None and fix.applicability is Applicability.SAFE
            and fix.action in (ActionKind.TRASH, ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE))


def _outermost(findings: Iterable[Finding]) -> list[Finding]:
    """Each path once: a finding inside another chosen finding's folder is covered by it."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: f.path):
        last = kept[-1].path if kept else None
        if last is not None and (finding.path == last or finding.path.startswith(last + "/")):
            continue
        kept.append(finding)
    return kept


def _reclaimable(findings: list[Finding]) -> tuple[Size, Surface]:
    """What a plain `tidy fix` would free (bytes: hard links into a store outside each path
    free nothing) and take out of search (surface)."""
    moved = _outermost(f for f in findings if applies_by_default(f))
    hidden = _outermost(f for f in findings if _hides_from_search(f))
    total = sum((f.size.freed for f in moved), Size())
    surface = sum((f.surface for f in hidden), Surface())
    return total, surface


def _any_inside(paths: list[str], folder: str) -> bool:
    """Whether any of `paths` (sorted) is `folder` or lies below it."""
    for probe in (folder, folder.rstrip(os.sep) + os.sep):
        index = bisect.bisect_left(paths, probe)
        if index < len(paths) and _inside_or_same(paths[index], folder):
            return True
    return False


def _inside_or_same(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _join(root: str, rel: str) -> str:
    return root if rel == "." else os.path.join(root, rel)


def _rel_to(path: str, start: str) -> str:
    rel = os.path.relpath(path, start)
    return rel.replace(os.sep, "/")
