"""4xx: vendored third-party code — unused copies, and used ones that search should skip."""

from __future__ import annotations

import bisect
import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import humanize

from tidy.analysis.vendored.candidates import (
    BANNER_FILES,
    Library,
    PathFacts,
    PathFactsOf,
    discover,
    each_path_facts,
    path_candidates,
)
from tidy.core.catalog import AMBIGUOUS_NAMES
from tidy.core.models import ActionKind, Applicability, Finding, Fix, Size, Tracked
from tidy.rules.base import GroupContext, Rule
from tidy.rules.content import content_of
from tidy.workspace import ignorefiles
from tidy.workspace.blobs import IndexListing
from tidy.workspace.content import ContentFacts, SearchRequest
from tidy.workspace.git import GitUnavailable
from tidy.workspace.index_memo import (
    Json,
    kept_positions,
    memoized,
    paths_at,
    plain_relative,
)
from tidy.workspace.measure import files_size, folder_counts
from tidy.workspace.textscan import (
    Match,
    PendingFiles,
    may_be_text,
    outside,
    read_head,
    search,
    search_paths,
)

# What judges libraries, and git's history, load only once a repo has a vendored library:
# most scans have none, and a short one should not pay their imports (~5 ms).
if TYPE_CHECKING:
    from tidy.analysis.vendored.evidence import Pattern, Verdict
    from tidy.workspace.githistory import HeadAt, LastReferences

_Made = TypeVar("_Made")
_GIT_LOG_SECONDS = 10.0  # the whole "last referenced by" look-up, all libraries together


def _sizes(ctx: GroupContext, library: Library) -> Size:
    """The library folder as `du` counts it, from what the walk summed while passing."""
    counted = ctx.sizes.under(library.root)
    if counted.dirs:
        return counted
    return files_size(ctx.root, library.files)  # inside a measured artifact: its tracked files


def _vendored_attributes(root: str, tracked: Sequence[str]) -> dict[str, bool]:
    """linguist-vendored from .gitattributes: True when set, False when explicitly unset."""
    return ignorefiles.check_attribute(root, tracked, "linguist-vendored")


@dataclass(frozen=True)
class References:
    """Candidate libraries, and the search that tells whether the repo refers to them: their
    patterns over the tracked files outside them (the content pass answers it)."""

    libraries: tuple[Library, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    request: SearchRequest = field(default_factory=SearchRequest)
    # The request's answer, when the early job's content pass gave it (after_pass).
    matches: tuple[Match, ...] = ()
    # The requested files that were text, as (folder, how many directly in it), "" the root:
    # the main process only counts those outside the artifacts the walk found, and 36,000
    # paths (250k bench tree) cost more to pickle, unpickle and sort than their folders.
    searched: tuple[tuple[str, int], ...] = ()
    answered: bool = False
    # The repo's object bytes (githistory.history_size), asked once for the choice of
    # needles and handed to "last referenced"'s choice of method; None: not asked.
    history_size: int | None = None
    head_at: HeadAt | None = None  # the early job's HEAD, for the main process's look-ups
    # The early job's verdicts from the tracked files' matches (`judged_from`, tidy's own
    # lines left out), which it judged to know what to ask history: the main process's own
    # judgement of the very same matches (no match in an artifact) is this one.
    judged: tuple[Verdict, ...] | None = None
    judged_from: tuple[Match, ...] = ()
    # What grade() said of each match judged there (evidence.judge's memo): the main
    # process's judgement of other matches (some in an artifact, untracked ones added) grades
    # only those the job did not.
    grades: dict[Match, str | None] = field(default_factory=dict)
    # The libraries the matches leave unused, whose history the early job walks after its
    # hand-over (walk_history); none after that walk.
    history_asked: tuple[str, ...] = ()

    def part_matches(self, content: ContentFacts, files: list[str]) -> _PartMatches:
        """The deciding matches of the requested files among `files` (a part of the split
        content pass, which read them: ContentFacts.digest), worked out in that part's own
        process right after its reads, beside the other part."""
        from tidy.analysis.vendored.evidence import first_party_grades

        wanted = self._wanted_files()
        mine = [path for path in files if path in wanted]
        matches, searched = self._search(content, mine)
        by_file: dict[str, list[Match]] = {}
        for match in matches:
            by_file.setdefault(match.path, []).append(match)
        return _PartMatches(frozenset(mine), frozenset(searched), by_file,
                            first_party_grades(self.libraries, self.patterns, matches))

    def _wanted_files(self) -> frozenset[str]:
        return frozenset(self.request.files)

    def _search(self, content: ContentFacts, files: Sequence[str]
                ) -> tuple[list[Match], list[str]]:
        from tidy.analysis.vendored.evidence import deciding_hits
        from tidy.workspace.tidy_written import may_hold_written

        return search_paths(
            content.root, files, self.request.patterns, content,
            keep=deciding_hits(self.libraries, self.patterns, may_hold_written),
            ensured=True)  # the early pass read them for this request

    def _matches(self, content: ContentFacts, grades: dict[Match, str | None]
                 ) -> tuple[list[Match], list[str]]:
        """search_paths' answer over the request: the parts' (content.digests) for the
        files they read, the rest from the pass's facts, in the request's order; what the
        parts graded goes into `grades`."""
        parts = [d for d in content.digests if isinstance(d, _PartMatches)]
        if not parts:
            return self._search(content, self.request.files)
        for part in parts:
            grades.update(part.grades)
        covered = frozenset().union(*(part.files for part in parts))
        rest = [path for path in self.request.files if path not in covered]
        rest_matches, rest_searched = self._search(content, rest)
        found: dict[str, list[Match]] = {}
        for part in parts:
            found.update(part.matches)
        for match in rest_matches:
            found.setdefault(match.path, []).append(match)
        searched_set = frozenset(rest_searched).union(*(part.searched for part in parts))
        matches: list[Match] = []
        searched: list[str] = []
        for path in self.request.files:
            if path in searched_set:
                searched.append(path)
                matches += found.get(path, ())
        return matches, searched

    def after_pass(self, content: ContentFacts) -> References:
        """The search's matches from the pass's facts (no file is read again), only those
        that can move the verdicts (evidence.deciding_matches): they cross to the main
        process, which judges them after the walk."""
        if not self.libraries:
            return self
        grades: dict[Match, str | None] = {}
        matches, searched = self._matches(content, grades)
        # Which libraries the matches leave unused: their "last referenced" is walked next
        # (walk_history), while the worker is at it.
        head_at, judged, unused = _history_to_ask(content, self.libraries, self.patterns,
                                                  matches, self.history_size, grades,
                                                  self.head_at)
        # Answered: the main process needs the patterns, not the 7,000-odd files searched.
        return dataclasses.replace(self, matches=tuple(matches), searched=per_folder(searched),
                                   answered=True, head_at=head_at,
                                   request=dataclasses.replace(self.request, files=()),
                                   judged=None if judged is None else tuple(judged[0]),
                                   judged_from=() if judged is None else tuple(judged[1]),
                                   grades=grades, history_asked=tuple(unused))

    def before_pass(self, content: ContentFacts) -> None:
        """In the early job, before its content pass: the history walk's listing started
        (LastReferences.start_ahead) when the pass counts the libraries' paths for it, so
        git lists the commits beside the pass; walk_history reads it. Which libraries the
        walk asks about is known only after the pass; the listing is the same for all."""
        if not self.libraries or not content.spec.needles or self.head_at is None:
            return
        last = _last_references(content, self.history_size, self.head_at)
        try:
            last.start_ahead(content.root)
        except GitUnavailable:
            return
        finally:
            last.close()

    def walk_history(self, content: ContentFacts) -> None:
        """In the early job, after its hand-over (engine._hand_over): "last referenced" of
        each library after_pass left unused, one walk counting their paths in each blob the
        pass has not already counted; the answers are noted in `content`, for the main
        process (TDY401 looks them up there)."""
        if not self.history_asked:
            return
        last = _last_references(content, self.history_size, self.head_at)
        try:
            last.start(content.root, self.history_asked)
            for root in self.history_asked:
                last.of(content.root, root)
        except GitUnavailable:
            return  # no answer noted: the main process asks git itself
        finally:
            last.close()


@dataclass(frozen=True)
class _PartMatches:
    """References.part_matches' answer: of the requested files one part read, those that
    were searched (text) and the deciding matches of each, in the file's order."""

    files: frozenset[str]
    searched: frozenset[str]
    matches: dict[str, list[Match]]
    grades: dict[Match, str | None]  # evidence.first_party_grades of the matches


def per_folder(paths: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """How many of `paths` lie directly in each folder ("" the root), by folder."""
    listed = paths if isinstance(paths, list) else list(paths)
    return tuple(sorted(folder_counts(listed).items()))


def count_outside(counts: Iterable[tuple[str, int]], folders: Iterable[str]) -> int:
    """How many of the paths per_folder counted lie outside every one of `folders`: what
    len(outside(paths, folders)) says of the paths themselves."""
    prefixes = tuple(folder + "/" for folder in folders if folder)
    return sum(n for folder, n in counts if not (folder + "/").startswith(prefixes))


def _history_to_ask(content: ContentFacts, libraries: Sequence[Library],
                    patterns: Sequence[Pattern], matches: Sequence[Match],
                    history_size: int | None, grades: dict[Match, str | None] | None = None,
                    at: HeadAt | None = None
                    ) -> tuple[HeadAt | None, tuple[list[Verdict], list[Match]] | None,
                               list[str]]:
    """The commit the history's answers are keyed by (None when git could not tell), the
    verdicts judged to know which libraries are unused, with the matches they were judged
    from (None: not judged), and those libraries (a rescan at the same commit: the ones its
    notes say were asked)."""
    from tidy.analysis.vendored.evidence import judge
    from tidy.workspace.tidy_written import without_written

    last = _last_references(content, history_size, at)
    judged = None
    try:
        # A rescan at the same commit: the answers are noted, no need to judge which to ask
        unused = last.asked_before(content.root)
        if unused is None:
            kept = without_written(content.root, matches)
            verdicts = judge(list(libraries), list(patterns), kept, grades)
            judged = (verdicts, kept)
            unused = [v.library.root for v in verdicts if not v.used]
        return last.at(content.root), judged, unused
    except GitUnavailable:
        return None, judged, []
    finally:
        last.close()


def early_references(root: str, index: IndexListing,
                     content: ContentFacts | None = None) -> References:
    """Everything the index alone decides, run while the walk goes on (Rule.early): the
    candidates and what to search. The engine's early job runs the content pass over the
    request in the same worker; artifact folders are only known when the walk ends, and what
    lies in them is dropped then (a committed cache is seldom big)."""
    return _references(root, index.paths, content, index)


def _references(root: str, tracked: Sequence[str],
                content: ContentFacts | None = None,
                listing: IndexListing | None = None) -> References:
    """`content`: the scan's content facts, through which the libraries' own files are read
    (their heads kept in the cache, so a rescan reads none)."""
    read = ((lambda path, limit: content.head(path, limit)) if content is not None
            else (lambda path, limit: read_head(root, path, limit)))
    if listing is None:
        libraries = discover(tracked, read, _vendored_attributes(root, tracked))
    else:
        libraries = discover(tracked, read, _kept_vendored_attributes(root, listing),
                             _kept_path_candidates(listing), _kept_path_facts(listing))
    if not libraries:
        return References()
    from tidy.analysis.vendored.evidence import patterns_for

    size = None
    head_at = None
    if content is not None:
        from tidy.workspace.githistory import history_walk_pays

        # HEAD, which the history's answers are noted under, asked now, beside the walk,
        # rather than after the content pass (a git process on the cold scan's tail)
        head_at = _last_references(content, None).at(root)
        size = _history_size_at(content, root, head_at)  # "last referenced" chooses with it
        if history_walk_pays(root, len(libraries), size=size):
            # the pass counts their paths for the history walk as it reads (a small history:
            # one `git log -S` per library costs less than counting in every file read)
            content.with_needles(library_needles(libraries))
    patterns = patterns_for(libraries)
    if content is not None:
        # What each process of a split content pass needs for its part's matches
        # (part_matches), loaded before the pass forks rather than in both (~3 ms each)
        import tidy.workspace.tidy_written  # noqa: F401
    own = _library_roots_unread(libraries)
    files = (_search_files(tracked, own) if listing is None
             else _kept_search_files(listing, own))
    return References(tuple(libraries), tuple(patterns),
                      SearchRequest(tuple(p.text for p in patterns), tuple(files)),
                      history_size=size, head_at=head_at)


def _kept_path_candidates(listing: IndexListing) -> list[tuple[str, bool, str]]:
    """candidates.path_candidates over the listing, kept with it between scans (250k bench
    tree: ~7 ms)."""
    return memoized(listing, "vendored.path_candidates", _PATH_CANDIDATES_VERSION,
                    lambda: path_candidates(listing.paths),
                    lambda found: [list(c) for c in found], _decode_path_candidates)


def _decode_path_candidates(kept: Json) -> list[tuple[str, bool, str]] | None:
    """Kept candidates: [root, by path, signal], each root a relative path of plain names;
    None for anything else."""
    if not isinstance(kept, list):
        return None
    found: list[tuple[str, bool, str]] = []
    for item in kept:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                and type(item[1]) is bool and isinstance(item[2], str)
                and plain_relative(item[0])):
            return None
        found.append((item[0], item[1], item[2]))
    return found


def _kept_path_facts(listing: IndexListing) -> PathFactsOf:
    """candidates.each_path_facts over the listing, kept with it between scans for the same
    candidate roots (250k bench tree: one library of 14,400 files, ~10 ms)."""
    def of(roots: list[str], files_by_root: Mapping[str, list[str]]) -> Mapping[str, PathFacts]:
        return memoized(listing, "vendored.path_facts",
                        "\0".join((_PATH_FACTS_VERSION, *roots)),
                        lambda: each_path_facts(roots, files_by_root),
                        _encode_path_facts, lambda kept: _decode_path_facts(kept, roots))

    return of


def _encode_path_facts(found: Mapping[str, PathFacts]) -> Json:
    return {root: [list(f.top), f.minified, f.maps, list(f.scripts), f.python_package]
            for root, f in found.items()}


def _decode_path_facts(kept: Json, roots: list[str]) -> dict[str, PathFacts] | None:
    """Kept PathFacts, one for each of `roots`: top names plain (no "/"), counts, scripts
    each a plain path inside its root, at most as many as the banner reads, a package name
    without "/"; None for anything else."""
    if not (isinstance(kept, dict) and kept.keys() == set(roots)):
        return None
    found: dict[str, PathFacts] = {}
    for root in roots:
        item = kept[root]
        if not (isinstance(item, list) and len(item) == 5):
            return None
        top, minified, maps, scripts, package = item
        if not (type(top) is list and all(_plain_name(n) for n in top)
                and type(minified) is int and minified >= 0
                and type(maps) is int and maps >= 0
                and type(scripts) is list and len(scripts) <= BANNER_FILES
                and all(isinstance(p, str) and p.startswith(root + "/") and plain_relative(p)
                        for p in scripts)
                and isinstance(package, str) and (not package or _plain_name(package))):
            return None
        found[root] = PathFacts(tuple(top), minified, maps, tuple(scripts), package)
    return found


def _plain_name(name: object) -> bool:
    return isinstance(name, str) and "/" not in name and plain_relative(name)


def _kept_vendored_attributes(root: str, listing: IndexListing) -> dict[str, bool]:
    """_vendored_attributes, git not asked when the index holds no .gitattributes, which
    the listing's memo tells without going over its 36,000 paths (250k bench tree: ~4 ms)."""
    tracks = memoized(listing, "vendored.tracks_gitattributes", _TRACKS_VERSION,
                      lambda: any(p.rsplit("/", 1)[-1] == ".gitattributes"
                                  for p in listing.paths),
                      lambda found: found, lambda kept: kept if type(kept) is bool else None)
    return _vendored_attributes(root, listing.paths) if tracks else {}


# Bumped whenever what they keep would be worked out differently from a listing: a kept
# answer of another version is worked out again (workspace/index_memo).
_PATH_CANDIDATES_VERSION = "1"
_PATH_FACTS_VERSION = "1"
_TRACKS_VERSION = "1"


def _search_files(tracked: Sequence[str], own: list[str]) -> list[str]:
    """The tracked files the libraries' patterns are searched in: text, outside `own`."""
    return [p for p in outside(tracked, own) if may_be_text(p) and p not in own]


# Bumped whenever _search_files would answer a listing differently: a kept answer of another
# version is worked out again (workspace/index_memo).
_SEARCH_FILES_VERSION = "2"  # 2: its positions kept in runs (index_memo.kept_positions)


def _kept_search_files(listing: IndexListing, own: list[str]) -> list[str]:
    """_search_files over the listing, kept with it between scans under the library roots
    left out (a rescan of the same index: ~1 ms instead of ~9 ms on the 250k bench tree)."""
    inputs = json.dumps([_SEARCH_FILES_VERSION, own], ensure_ascii=True)
    return memoized(listing, "vendored.search_files", inputs,
                    lambda: _search_files(listing.paths, own),
                    lambda files: kept_positions(listing, files),
                    lambda kept: paths_at(listing, kept))


def library_needles(libraries: Sequence[Library]) -> tuple[str, ...]:
    """What "last referenced" looks for in history (`git log -S<root>`): each root once."""
    return tuple(sorted({lib.root for lib in libraries}))


def _library_roots_unread(libraries: Sequence[Library]) -> list[str]:
    # One library can only be referenced from outside itself: its files need no reading.
    return [libraries[0].root] if len(libraries) == 1 else []


@dataclass
class _Started:
    """The vendored check under way: what the index said, and git's listing of untracked
    files and history look-ups already running."""

    found: References
    content: ContentFacts | None = None
    matches: list[Match] = field(default_factory=list)  # tracked references that count
    searched: int = 0
    untracked: PendingFiles | None = None
    untracked_also: tuple[str, ...] = ()  # folders the listing leaves out in Python
    last: LastReferences | None = None  # None: no library, nothing to ask git
    tracked_verdicts: list[Verdict] | None = None  # judge() of `matches` alone, once

    def judged_tracked(self) -> list[Verdict]:
        """The verdicts from the tracked files' matches: the answer unless an untracked file
        adds a match (judge() depends on its matches alone)."""
        if self.tracked_verdicts is None:
            from tidy.analysis.vendored.evidence import judge

            self.tracked_verdicts = judge(list(self.found.libraries), list(self.found.patterns),
                                          self.matches, dict(self.found.grades))
        return self.tracked_verdicts


def _generated_dirs(ctx: GroupContext) -> list[str]:
    """The artifact folders whose files are no evidence of use. A tracked one of an ambiguous
    name (a committed Composer vendor/, a tracked build/) is somebody's code, as TDY102 holds
    it: its vendor/autoload.php loading vendor/composer is a use like any other."""
    return [rel for rel in ctx.artifact_dirs
            if rel.rsplit("/", 1)[-1] not in AMBIGUOUS_NAMES
            or ctx.tracked_state(rel, 1, True)[0] in (Tracked.UNTRACKED, Tracked.UNKNOWN)]


_SIZE_NOTE = "history-size\0"  # + HEAD's id: the repo's object bytes a scan there found
_SIZE_DIGITS = 20  # a noted size longer than this is not one githistory.history_size gave


def _history_size_at(content: ContentFacts, root: str, at: HeadAt) -> int | None:
    """githistory.history_size once per commit: noted under HEAD, so a rescan at the same
    commit takes it from the notes rather than starting `git count-objects` (one git process
    of each warm early job). It only chooses how to walk the history and whether the pass
    counts the libraries' paths for that walk, both ways giving the same answers: objects
    fetched since (HEAD not moved) cost at most the slower way. Without a commit (or git),
    asked each time, as before."""
    from tidy.workspace.githistory import history_size

    key = _SIZE_NOTE + at.head if at.head else None
    noted = content.note(key) if key is not None else None
    if (noted is not None and 0 < len(noted) <= _SIZE_DIGITS and noted.isascii()
            and noted.isdigit()):
        return int(noted)
    size = history_size(root)
    if key is not None and size is not None:
        content.set_note(key, str(size))
    return size


def _last_references(notes: ContentFacts, history_size: int | None,
                     at: HeadAt | None = None) -> LastReferences:
    from tidy.workspace.githistory import LastReferences

    return LastReferences(_GIT_LOG_SECONDS, notes=notes, blobs=notes,
                          history_size=history_size, at=at)


def list_untracked_ahead(root: str, artifact_dirs: Sequence[str], repo_roots: Sequence[str],
                         tracked: Sequence[str] | None, early: object,
                         use_cache: bool = False) -> PendingFiles | None:
    """begin_vendored's listing, started before the walk has measured its artifacts (the
    engine calls this once the tree is explored; measuring the last artifacts then still
    takes the workers a while, and git's walk of the untracked folders runs meanwhile
    instead of after the walk: web app, ~45 ms). `root` is the repo's root and the walk's;
    `artifact_dirs` the walk's artifact folders, `repo_roots` the repos found (relative),
    `tracked` the repo's tracked paths (sorted; None when not known yet), `early` the
    early job's TDY401 answer when it is done, `use_cache` whether git's listing may come
    from the one kept (workspace/untracked_cache). Only folders begin_vendored leaves out as
    well are left out here (_generated_dirs: one of an ambiguous name only when nothing in
    it is tracked; none of a nested repo, another group's): begin_vendored takes the listing
    over when they are among its own, the rest left out in Python (PendingFiles.result),
    and stops it otherwise."""
    if isinstance(early, References) and not early.libraries:
        return None  # the early job is done and found none: nothing to list for
    nested = tuple(rel + "/" for rel in repo_roots if rel != ".")
    skip = sorted({rel for rel in artifact_dirs
                   if not rel.startswith(nested) and rel not in repo_roots
                   and (rel.rsplit("/", 1)[-1] not in AMBIGUOUS_NAMES
                        or (tracked is not None and not _holds_tracked(tracked, rel)))})
    try:
        return PendingFiles(root, skip, tracked=(), use_cache=use_cache)
    except GitUnavailable:
        return None


def _holds_tracked(tracked: Sequence[str], rel: str) -> bool:
    """Whether `rel` or a path below it is in `tracked` (sorted)."""
    at = bisect.bisect_left(tracked, rel)
    if at < len(tracked) and tracked[at] == rel:
        return True
    at = bisect.bisect_left(tracked, rel + "/", lo=at)
    return at < len(tracked) and tracked[at].startswith(rel + "/")


def begin_vendored(ctx: GroupContext) -> PendingFiles | None:
    """git's listing of the untracked files outside the artifact folders, started as soon as
    the walk has ended, before the early job's libraries are looked at (or, when it is done
    already and found some, before the rest of the context is made): what start_vendored
    would start later. start_vendored takes it over, or stops it when there is no library.
    A listing started ahead (list_untracked_ahead, in ctx.started) is taken over when every
    folder it leaves out is one this one would (the others are then left out in Python),
    else stopped."""
    return _handing_over(ctx, _begin_vendored, lambda begun: begun)


def _begin_vendored(ctx: GroupContext, ahead: PendingFiles | None) -> PendingFiles | None:
    if ctx.git is None or not ctx.git.known:
        return None
    early = ctx.early.get("TDY401")
    if isinstance(early, References) and not early.libraries:
        return None  # the early job is done and found none: nothing to list for
    generated = sorted(set(_generated_dirs(ctx)))
    if ahead is not None and _covers(generated, ahead):
        return ahead
    try:
        return PendingFiles(ctx.root, generated, tracked=(), use_cache=not ctx.config.no_cache)
    except GitUnavailable:
        return None


def _covers(skip: Sequence[str], listing: PendingFiles) -> bool:
    """Whether `listing` may stand for a listing leaving out `skip`: every folder it leaves
    out is in `skip` (the rest of `skip` is then left out of its answer in Python)."""
    return set(listing.skip) <= set(skip)


def start_vendored(ctx: GroupContext) -> _Started | None:
    return _handing_over(ctx, _start_vendored,
                         lambda started: None if started is None else started.untracked)


def _handing_over(ctx: GroupContext,
                  make: Callable[[GroupContext, PendingFiles | None], _Made],
                  keeps: Callable[[_Made], PendingFiles | None]) -> _Made:
    """What make builds from the listing started earlier for TDY401 (ctx.started), if any.
    That listing is stopped unless what make returns keeps it (an error, no library, or a
    listing that leaves out too little): a git process nobody reads must not run on."""
    begun = ctx.started.get("TDY401")
    listing = begun if isinstance(begun, PendingFiles) else None
    try:
        made = make(ctx, listing)
    except BaseException:
        if listing is not None:
            listing.stop()
        raise
    if listing is not None and keeps(made) is not listing:
        listing.stop()
    return made


def _start_vendored(ctx: GroupContext, listing: PendingFiles | None) -> _Started | None:
    if ctx.git is None or not ctx.git.known:
        return None
    early = ctx.early.get("TDY401")
    try:
        found = (early if isinstance(early, References)
                 else _references(ctx.root, ctx.git.tracked, content_of(ctx)))
    except GitUnavailable:
        return None
    if not found.libraries:
        return _Started(found)
    from tidy.workspace.tidy_written import without_written

    generated = sorted(set(_generated_dirs(ctx)))
    skip = sorted({*generated, *_library_roots_unread(found.libraries)})
    content = content_of(ctx)
    content.with_patterns(found.request.patterns)
    content.with_needles(library_needles(found.libraries))
    if found.answered:  # by the early job: only what lies in artifacts is dropped now
        kept = set(outside(sorted({m.path for m in found.matches}), skip))
        matches = [m for m in found.matches if m.path in kept]
        searched = count_outside(found.searched, skip)
    else:
        matches, searched = search(ctx.root, outside(sorted(found.request.files), skip),
                                   found.request.patterns, content)
    matches = without_written(ctx.root, matches)  # tidy's own exclusions are no use of it
    last = _last_references(content, found.history_size, found.head_at)
    started = _Started(found, content, matches, searched, last=last)
    if found.judged is not None and matches == list(found.judged_from):
        started.tracked_verdicts = list(found.judged)  # judge() of these very matches
    try:
        if listing is not None and _covers(generated, listing):  # begun after the walk
            started.untracked = listing
            started.untracked_also = tuple(r for r in skip if r not in listing.skip)
        else:
            started.untracked = PendingFiles(ctx.root, skip, tracked=(),
                                             use_cache=not ctx.config.no_cache)
    except GitUnavailable:
        return None
    return started


def _ask_history(started: _Started, root: str, last: LastReferences) -> None:
    """The paths `last` is asked about, once the early job's history answers are in (their
    notes, which it looks up first: ContentFacts.settle waits for a job still walking).
    Untracked files can only add references: what the tracked ones leave unused is all
    that may need its history."""
    if started.content is not None:
        started.content.settle()
    asked = last.asked_before(root)  # a rescan at the same commit
    if asked is None:
        asked = [v.library.root for v in started.judged_tracked() if not v.used]
    last.start(root, asked)


def _analyse(started: _Started) -> tuple[list[Verdict], int]:
    found = started.found
    if not found.libraries or started.untracked is None or started.content is None:
        return [], 0
    from tidy.analysis.vendored.evidence import judge
    from tidy.workspace.tidy_written import without_written

    tracked = started.judged_tracked()  # while git lists the untracked files
    more, searched_untracked = search(started.content.root,
                                      started.untracked.result(started.untracked_also),
                                      started.found.request.patterns, started.content)
    more = without_written(started.content.root, more)  # tidy's own lines are no use
    verdicts = (judge(list(found.libraries), list(found.patterns), [*started.matches, *more],
                      dict(found.grades))
                if more else tracked)
    return verdicts, started.searched + searched_untracked


def _details(verdict: Verdict, searched: int, last: str) -> tuple[tuple[str, str], ...]:
    lib = verdict.library
    pairs = [("signals", "; ".join(lib.signals)),
             ("license", lib.license or "not found"),
             ("strings searched", ", ".join(verdict.strings)),
             ("files searched", str(searched))]
    if lib.package_name or lib.version:
        pairs.append(("package", f"{lib.package_name} {lib.version}".strip()))
    for evidence in sorted(verdict.evidence, key=lambda e: e.tier)[:5]:
        pairs.append(("evidence", f"{evidence.tier}: {evidence.path}:{evidence.line_no}: "
                                  f"{evidence.line}"))
    for hazard in verdict.hazards[:3]:
        pairs.append(("runtime path", f"{hazard.path}:{hazard.line_no}: {hazard.line}"))
    for user in verdict.used_by[:5]:
        pairs.append(("referenced by", user))
    if last:
        pairs.append(("last referenced", last))
    return tuple(pairs)


def _finding(ctx: GroupContext, verdict: Verdict, rule: Rule, message: str,
             fix: Fix, searched: int, size: Size, last: str = "") -> Finding:
    lib = verdict.library
    return rule.finding(
        lib.root, message, kind="vendored",
        ecosystem="vendored", size=size, surface=ctx.surface.under(lib.root),
        tracked=Tracked.TRACKED, ignored=ctx.ignored(lib.root), fix=fix,
        details=_details(verdict, searched, last),
    )


def check_vendored(ctx: GroupContext) -> Iterator[Finding]:
    handle = ctx.started.get("TDY401")
    started = handle if isinstance(handle, _Started) else start_vendored(ctx)
    if started is None or started.last is None:  # no library found
        return
    last = started.last
    try:
        verdicts, searched = _analyse(started)  # while the early job may still walk history
        _ask_history(started, ctx.root, last)
        last.remember_asked(ctx.root, [v.library.root for v in verdicts if not v.used])
        for verdict in verdicts:
            yield from verdict_findings(ctx, verdict, searched,
                                        lambda root: last.of(ctx.root, root))
    except GitUnavailable:
        return
    finally:
        last.close()


def verdict_findings(ctx: GroupContext, verdict: Verdict, searched: int,
                     last_reference: Callable[[str], str]) -> Iterator[Finding]:
    """TDY401, TDY402 or TDY403 for one library's verdict; `last_reference(root)`: the commit
    that last referenced that folder (git log -S, asked only for an unused library)."""
    lib = verdict.library
    label = lib.package_name or lib.name
    size = _sizes(ctx, lib)
    if verdict.used:
        if size.apparent >= ctx.config.large_file:
            how = ("referenced" if verdict.referenced
                   else "used by " + ", ".join(verdict.used_by[:2]))
            yield _finding(ctx, verdict, VENDORED_LIBRARY_IN_USE,
                           f"vendored {label} ({humanize.naturalsize(size.apparent)}) is "
                           f"{how}: keep it out of search and mark it linguist-vendored",
                           _SEARCH_ADVICE, searched, size)
        return
    last = last_reference(lib.root)  # unused once the untracked files were read
    if verdict.hazards or verdict.used_by:
        yield _finding(ctx, verdict, POSSIBLY_UNUSED_VENDORED_LIBRARY,
                       f"vendored {label}: no reference found, but "
                       + ("paths are built at run time" if verdict.hazards
                          else "an unused vendored library refers to it"),
                       _remove_fix(lib), searched, size, last)
        return
    yield _finding(ctx, verdict, UNUSED_VENDORED_LIBRARY,
                   f"vendored {label} is not referenced anywhere{_mentions(verdict)}: "
                   "high confidence unused",
                   _remove_fix(lib), searched, size, last)


def _mentions(verdict: Verdict) -> str:
    """What the mentions that do not count were, for the TDY401 message."""
    from tidy.analysis.vendored.evidence import REGISTRY, WEAK

    tiers = {e.tier for e in verdict.evidence}
    kinds = [text for tier, text in ((WEAK, "in docs, comments or tests"),
                                     (REGISTRY, "as a package the package manager installs "
                                                "apart from this copy")) if tier in tiers]
    return f" (mentioned only {' or '.join(kinds)})" if kinds else ""


_SEARCH_ADVICE = Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                     "exclude it from search (.ignore, search.exclude) and add "
                     "`<path>/** linguist-vendored` to .gitattributes")


def _remove_fix(lib: Library) -> Fix:
    return Fix(ActionKind.GIT_RM, Applicability.DISPLAY_ONLY,
               f"git rm -r {lib.root} (only with --unsafe-fixes --select naming this rule; "
               "`tidy undo` restores index and files)")




UNUSED_VENDORED_LIBRARY = Rule(
    "TDY401", "unused-vendored-library",
    "A vendored third-party library nothing references (high confidence)",
    """What: a committed copy of a third-party library (vendor/, Python's _vendor/,
third_party/, a lib/ or vendor/ folder under static/, a committed node_modules,
linguist-vendored) that no first-party
file references: no path, import, #include, script tag, {% static %}, CSS @import, Sprockets
`//= require`, build alias, CMake add_subdirectory or package.json `file:` dependency, and no
used vendored library either. Mentions in docs and comments do not count, nor in tests unless
the test loads it (its path, an import, an #include), nor the package of the same name that a
package manager
installs apart from this copy (`"react": "^18"`, `from "react"` in a project that installs
it), nor the name inside another one (`@emotion/react`, `react-hooks`), nor lines tidy's own
fixes wrote (.ignore, search.exclude). The library is named by its manifest, else by the
banner its own files open with, else by its folder.
Why: tens of megabytes that every clone downloads and every search reads.
Fix (display only): `git rm -r` of the folder, applied only with --unsafe-fixes --select TDY401,
recorded so `tidy undo` restores it.""",
    check_vendored, Applicability.DISPLAY_ONLY, also_emits=("TDY402", "TDY403"),
    start=start_vendored, begin=begin_vendored, early=early_references,
)
# One search of the repo judges every library; its verdicts are TDY401, TDY402 or TDY403, so
# these two have no check of their own: TDY401's check yields them (its `also_emits`).
POSSIBLY_UNUSED_VENDORED_LIBRARY = Rule(
    "TDY402", "possibly-unused-vendored-library",
    "A vendored library with no direct reference but reasons for doubt",
    """What: as TDY401, but paths around the library's folder are built at run time
(string concatenation, globs) or only an unused vendored library refers to it.
Why: worth a look; tidy cannot prove it unused. The evidence is listed.
Fix (display only).
Note: found by TDY401's analysis: one search of the repo judges every vendored library.""",
    None, Applicability.DISPLAY_ONLY,
)
VENDORED_LIBRARY_IN_USE = Rule(
    "TDY403", "vendored-library-in-use",
    "A big vendored library that is used: keep it out of search",
    """What: a vendored library over `large-file` that first-party code references.
Why: search tools and editors still read it.
Fix (advice): exclude it from search and mark it linguist-vendored.
Note: found by TDY401's analysis: one search of the repo judges every vendored library.""",
    None, Applicability.DISPLAY_ONLY,
)
RULES = (UNUSED_VENDORED_LIBRARY, POSSIBLY_UNUSED_VENDORED_LIBRARY, VENDORED_LIBRARY_IN_USE)
