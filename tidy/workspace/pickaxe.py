"""`git log -1 -S<path> -- . ':(exclude)<path>'` for many paths at once, reading each blob once.

The question (TDY401's "last referenced"): the newest commit whose diff changes how often a
vendored library's path occurs in a file outside the library's own folder. `git log -S` answers
it for one path by inflating every blob of the history; asked for five libraries it does so five
times. Here one `git log --raw` listing (commit ids, parents, and each commit's file pairs with
their blob ids: no contents) is walked once for all paths, and each blob's occurrence counts come
from what is known already (`BlobCounts`: the content pass counted the paths in the working
tree's files it read, and the content cache keeps the counts of every blob seen before, by blob
id) or else from one `git cat-file --batch`.

What `git log -S` does, and so what this does (git 2.39's diffcore-pickaxe.c, checked against
git itself by tests/workspace/test_pickaxe.py):
- a file pair matches when the non-overlapping count of the string differs between its two
  sides (a missing side counts 0; binary blobs are searched too; a submodule's side is the text
  "Subproject commit <id>"); the pairs are those the diff shows after rename detection, so a
  file moved unchanged does not match;
- merges show no diff without -m, so they never match; the walk's order is the log's.

One listing serves every path only while the walk is a chain: from HEAD, commit after commit
each with one parent, every path's own walk visits the same commits in the same order. At the
first merge, history simplification (a merge TREESAME to a parent on the path's pathspec is
followed down that parent only) and the date-ordered queue differ per pathspec; from there each
path still unanswered gets its own listing, with its own pathspec, which git simplifies and
orders as `git log -S` would (still no blob read twice: the counts are shared). A commit that
touches the library's folder and could pair renames differently once that folder is left out
of the diff also sends that path to its own listing. Pathspec magic the string would carry
(glob characters) or a root below the work tree's top leave the question to `git log -S
--no-textconv` itself: a textconv driver the repo configures is never run (a downloaded repo's
config is not tidy's to execute), so both search the blobs as stored. (No pathspec setting of
the caller's reaches either: tidy.workspace.git.git_env drops GIT_*_PATHSPECS.)
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import re
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

import ahocorasick_rs

from tidy.core.processes import CtrlCHeld, running, stop
from tidy.workspace import fifo_guard
from tidy.workspace.git import GitUnavailable, git_env, git_executable

_LISTING = ("log", "--no-show-signature", "--no-color", "-z", "--raw", "--no-abbrev",
            "--format=%x01%H %P")
# The repo's textconv and external diff commands are never run: the question is about the
# blobs as stored (a downloaded repo's config is not tidy's to execute), so `git log -S` is
# asked what it finds without them, which is what the walk finds.
_NO_DRIVERS = ("--no-textconv", "--no-ext-diff", "--no-show-signature")
_GLOB = frozenset("*?[\\")
_GITLINK = b"160000"
_ABSENT_MODE = b"000000"
_BATCH = 500  # object ids written to cat-file before its answers are read (pipe-sized)
MAX_BLOB_BYTES = 256 * 1024 * 1024  # a bigger blob: the question goes to `git log -S`


class BlobCounts(Protocol):
    """Occurrence counts of a set of strings (the needles) per blob id, kept between scans
    (tidy.workspace.content.ContentFacts)."""

    def blob_needles(self) -> tuple[str, ...]: ...

    def blob_counts(self, sha: str) -> tuple[int, ...] | None: ...

    def learn_blob(self, sha: str, counts: tuple[int, ...]) -> None: ...


@dataclass
class MemoryCounts:
    """BlobCounts kept for one search only."""

    needles: tuple[str, ...]
    known: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def blob_needles(self) -> tuple[str, ...]:
        return self.needles

    def blob_counts(self, sha: str) -> tuple[int, ...] | None:
        return self.known.get(sha)

    def learn_blob(self, sha: str, counts: tuple[int, ...]) -> None:
        self.known[sha] = counts


class Noted(Protocol):
    """The answer an earlier scan found for `path` at `commit`, if any (a walk from that
    commit): reaching it on the chain from HEAD answers the path without walking further."""

    def __call__(self, commit: str, path: str) -> str | None: ...


class Pair(NamedTuple):
    """One file pair of a commit's raw diff: modes, blob ids ("" for a missing side), paths."""

    status: bytes
    src_mode: bytes
    dst_mode: bytes
    src: str
    dst: str
    src_path: bytes
    dst_path: bytes


class Commit(NamedTuple):
    sha: str
    parents: tuple[str, ...]
    pairs: list[Pair]


@dataclass
class Found:
    """A search's answers: per path, the matching commit's id ("" when none matched), or the
    text an earlier scan noted; paths missing from both ran out of time or could not be
    answered (and are not to be kept)."""

    commits: dict[str, str] = field(default_factory=dict)
    noted: dict[str, str] = field(default_factory=dict)
    blobs_read: int = 0  # blobs cat-file gave (none when every count was known)
    listings: int = 0  # git log processes started


class OutOfTime(Exception):
    pass


class Unanswerable(Exception):
    """The listing cannot answer exactly (a blob git does not have, or too big)."""


def count(data: bytes, needles: Sequence[bytes],
          automaton: Automaton | None) -> tuple[int, ...]:
    """git's count of each needle in `data`: non-overlapping occurrences, left to right. One
    automaton pass says which occur at all; only those are counted."""
    if automaton is None or not data:
        return tuple(0 for _ in needles)
    present = {index for index, _, _ in automaton.find_matches_as_indexes(data, overlapping=True)}
    return tuple(data.count(needle) if index in present else 0
                 for index, needle in enumerate(needles))


def make_automaton(needles: Sequence[bytes]) -> Automaton | None:
    return automaton(needles) if needles and all(needles) else None


# The crate searches with its packed (SIMD, "Teddy") searcher only for a leftmost match kind
# and at most this many patterns: then several GB/s, else its DFA's ~0.5 GB/s (measured on
# the bench web app's files: 29 library names 1.8 GB/s, 65 or more 0.5 GB/s).
_PACKED_MAX = 64
# Screened's windows closer than this are searched as one (web app: 12,124 windows of 1.7 MB
# in all; the windows' search 48 -> 42 ms of CPU at 256 or 1,024, 48 at 4,096, 54 at 16,384).
_WINDOW_GAP = 512


class Screened:
    """A standard (every overlapping match) automaton behind a screen: a leftmost-first one
    of the patterns that contain no other pattern. Every pattern holds one of those, so a
    haystack the screen finds nothing in holds no pattern and the full search is skipped:
    most files of a scan mention no library (on the bench web app 292 of 5,753), and the
    screen runs on the packed searcher (web app: 0.114 -> 0.034 s of search CPU).

    Where the screen finds something, the full overlapping search runs only around what it
    found. An occurrence of a pattern holds an occurrence of an innermost one, and the
    leftmost-first screen reports, of the innermost occurrences, each one or one it starts
    inside; so every occurrence lies within `reach` (the longest pattern's length) of a
    reported match. The windows around them, merged where they touch, are searched apart:
    each occurrence lies whole in one of them, found once, in the order the search of the
    whole haystack gives (by where it ends; the windows are disjoint and in order). On the
    web app's files with hits: 26.8 MB searched whole 0.049 s, around the hits ~0.02 s.
    Windows less than _WINDOW_GAP apart are searched as one: the gap between them holds no
    occurrence (each lies within a window), so the matches are the same, in the same order,
    for one call fewer (~1.4 us each, the search of a kB or so)."""

    __slots__ = ("_full", "_reach", "_screen")

    def __init__(self, full: ahocorasick_rs.BytesAhoCorasick,
                 screen: ahocorasick_rs.BytesAhoCorasick, reach: int) -> None:
        self._full = full
        self._screen = screen
        self._reach = reach

    def find_matches_as_indexes(self, haystack: bytes,
                                overlapping: bool = False) -> list[tuple[int, int, int]]:
        found = self._screen.find_matches_as_indexes(haystack)
        if not found:
            return []
        if not overlapping:  # its matches depend on where the search started: the whole
            return self._full.find_matches_as_indexes(haystack, overlapping=False)
        reach = self._reach
        _, start, end = found[0]
        low, high = max(0, start - reach), end + reach
        matches: list[tuple[int, int, int]] = []
        for _, start, end in found:  # in order, none overlapping the one before
            if start - reach <= high + _WINDOW_GAP:
                high = end + reach
                continue
            matches += self._window(haystack, low, high)
            low, high = start - reach, end + reach
        matches += self._window(haystack, low, high)
        return matches

    def _window(self, haystack: bytes, low: int, high: int) -> list[tuple[int, int, int]]:
        found = self._full.find_matches_as_indexes(memoryview(haystack)[low:high],
                                                   overlapping=True)
        return [(pattern, start + low, end + low) for pattern, start, end in found]


Automaton = ahocorasick_rs.BytesAhoCorasick | Screened


def automaton(patterns: Sequence[bytes]) -> Automaton:
    """One automaton finding every (overlapping) occurrence of `patterns` (none empty), behind
    a screen when the screen can run on the packed searcher."""
    full = ahocorasick_rs.BytesAhoCorasick(list(patterns),
                                           matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
    screen = _innermost(patterns)
    if screen is None:
        return full
    return Screened(full, ahocorasick_rs.BytesAhoCorasick(
        screen, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_FIRST), max(map(len, patterns)))


def _innermost(patterns: Iterable[bytes]) -> list[bytes] | None:
    """The patterns that contain no other one (shortest first), or None past _PACKED_MAX.
    Checked against those kept only: a pattern holding any pattern holds a kept one."""
    kept: list[bytes] = []
    for pattern in sorted(set(patterns), key=lambda p: (len(p), p)):
        if any(inner in pattern for inner in kept):
            continue
        if len(kept) == _PACKED_MAX:
            return None
        kept.append(pattern)
    return kept


def blob_id(data: bytes, _sha1: Callable[[bytes], Any] = hashlib.sha1) -> str:
    """The SHA-1 object id git gives these bytes as a blob (once per file the content pass
    reads: the hash function is bound once)."""
    digest = _sha1(b"blob %d\0" % len(data))
    digest.update(data)
    return str(digest.hexdigest())


# ------------------------------------------------------------------------ the listing
_HEADER = re.compile(rb"\x01([0-9a-f]{40,64}(?: [0-9a-f]{40,64})*) ?\0")  # a root: "id \0"
# A rename or copy (R, C) always names two paths, any other status one: a rename cut after
# its first path, at the end of what git has written so far, is not taken for a one-path
# record (its second path then stopped the parse as unexpected output).
_RECORD = re.compile(
    rb"\n?:([0-7]{6}) ([0-7]{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) "
    rb"(?:([RC])[0-9]*\0([^\0]*)\0([^\0]*)|([ABD-QS-Z])[0-9]*\0([^\0]*))\0")


def parse_listing(chunks: Iterable[bytes]) -> Iterator[Commit]:
    """Commits of `git log -z --raw --no-abbrev --format=%x01%H %P`, as their bytes come.

    A commit is its header (\\x01, id, parents, NUL) and then raw records
    (`:mode mode id id status`, then one path, two for a rename or copy), each matched whole
    where the last one ended: no byte of a name is ever read as structure, and what git
    prints is checked to be that shape (object ids in hex: they go to cat-file's input)."""
    buffer = b""
    position = 0
    current: Commit | None = None
    ended = False
    chunks = iter(chunks)
    while True:
        if current is not None:
            pairs = current.pairs
            record = _RECORD.match(buffer, position)
            while record is not None:  # the hot loop: 36,000 records for a big first commit
                src_mode, dst_mode, src, dst, moved, old, new, status, path = record.groups()
                pairs.append(Pair(
                    moved or status, src_mode, dst_mode,
                    "" if src_mode == _ABSENT_MODE or not src.strip(b"0") else src.decode(),
                    "" if dst_mode == _ABSENT_MODE or not dst.strip(b"0") else dst.decode(),
                    old if moved else path, new if moved else path))
                position = record.end()
                record = _RECORD.match(buffer, position)
        header = _HEADER.match(buffer, position)
        if header is not None:
            if current is not None:
                yield current
            ids = header.group(1).decode("ascii").split()
            current = Commit(ids[0], tuple(ids[1:]), [])
            position = header.end()
            continue
        if ended:
            break
        chunk = next(chunks, None)
        if chunk is None:
            ended = True
        else:
            buffer = buffer[position:] + chunk
            position = 0
    if buffer[position:].strip(b"\n"):
        raise ValueError(f"unexpected output of git log: {buffer[position:position + 80]!r}")
    if current is not None:
        yield current


# ------------------------------------------------------------------------ blob contents
class _Contents:
    """Counts per blob: known ones from `table`, the rest from one `git cat-file --batch`
    started on first need, each learnt back into `table`."""

    def __init__(self, root: str, table: BlobCounts, deadline: float) -> None:
        self.root = root
        self.table = table
        self.deadline = deadline
        self.needles = tuple(os.fsencode(n) for n in table.blob_needles())
        self._automaton = make_automaton(self.needles)
        self._memo: dict[str, tuple[int, ...]] = {}
        self.zero = tuple(0 for _ in self.needles)
        self._proc: subprocess.Popen[bytes] | None = None
        self.read = 0

    def counts(self, sha: str, mode: bytes) -> tuple[int, ...]:
        if not sha:
            return self.zero
        if mode == _GITLINK:  # what pickaxe reads for a submodule: no blob behind it
            return count(b"Subproject commit %s\n" % sha.encode(), self.needles,
                         self._automaton)
        return self._memo[sha]

    def ensure(self, pairs: Iterable[Pair]) -> None:
        """Counts for every blob of `pairs` in the memo, cat-file asked for the unknown."""
        missing: list[str] = []
        memo, table = self._memo, self.table
        for pair in pairs:
            for sha, mode in ((pair.src, pair.src_mode), (pair.dst, pair.dst_mode)):
                if not sha or mode == _GITLINK or sha in memo:
                    continue
                known = table.blob_counts(sha)
                if known is not None and len(known) == len(self.needles):
                    memo[sha] = known
                else:
                    memo[sha] = ()  # asked below
                    missing.append(sha)
        for start in range(0, len(missing), _BATCH):
            self._read(missing[start:start + _BATCH])

    def _read(self, shas: list[str]) -> None:
        first = self._proc is None
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write("".join(f"{sha}\n" for sha in shas).encode("ascii"))
            proc.stdin.flush()
        except OSError as error:
            raise GitUnavailable(f"git cat-file stopped: {error}") from None
        if first:  # git reads its config as it starts: a FIFO there is let go (fifo_guard)
            try:
                fifo_guard.wait_readable(proc, self.deadline)
            except subprocess.TimeoutExpired:
                raise OutOfTime from None
            except fifo_guard.FifoBlocked as error:
                raise GitUnavailable(str(error)) from None
        for sha in shas:
            if time.monotonic() > self.deadline:
                raise OutOfTime
            header = proc.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                raise Unanswerable(f"blob {sha} is not in the repository")
            size = int(header[2])
            if size > MAX_BLOB_BYTES:
                raise Unanswerable(f"blob {sha} is over {MAX_BLOB_BYTES} bytes")
            data = proc.stdout.read(size)
            proc.stdout.read(1)  # the newline after the contents
            if len(data) != size:
                raise GitUnavailable("git cat-file ended early")
            found = count(data, self.needles, self._automaton)
            self._memo[sha] = found
            self.table.learn_blob(sha, found)
            self.read += 1

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            with CtrlCHeld():  # a Ctrl-C while it starts: raised once close() can stop it
                self._proc = subprocess.Popen(
                    [git_executable(), "-C", self.root, "cat-file", "--batch"],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                    env=git_env(self.root))
        return self._proc

    def close(self) -> None:
        """cat-file stopped and reaped (search calls it on every way out, Ctrl-C too)."""
        if self._proc is not None:
            stop(self._proc)
            self._proc = None


# ------------------------------------------------------------------------ the search
def literal(path: str) -> bool:
    """Whether `:(exclude)<path>` means "that folder and below" as a plain prefix does."""
    return (bool(path) and path not in (".", "..") and not path.startswith("/")
            and not path.endswith("/") and not (_GLOB & set(path)))


def inside(path: bytes, folder: bytes) -> bool:
    return path == folder or path.startswith(folder + b"/")


class _PathState:
    """One path being answered: its needle's index in the counts, and the chain commits
    already known not to match for it."""

    def __init__(self, path: str, index: int) -> None:
        self.path = path
        self.folder = os.fsencode(path)
        self.index = index
        self.walked: set[str] = set()
        self.own_listing = not literal(path)


def search(root: str, paths: Sequence[str], table: BlobCounts, deadline: float,
           head: str, noted: Noted | None = None) -> Found:
    """The newest commit from `head` that `git log -1 -S<path> -- . :(exclude)<path>` names,
    for each path. Raises GitUnavailable when git fails (the answers so far are kept in
    nothing: the caller asks git again next time)."""
    found = Found()
    needles = table.blob_needles()
    if not set(paths) <= set(needles):
        table = MemoryCounts(tuple(sorted(set(paths))))
        needles = table.blob_needles()
    states = {path: _PathState(path, needles.index(path)) for path in dict.fromkeys(paths)}
    contents = _Contents(root, table, deadline)
    try:
        open_states = [s for s in states.values() if not s.own_listing]
        if open_states:
            _walk_chain(root, head, open_states, contents, found, deadline, noted)
        for state in states.values():
            if state.path in found.commits or state.path in found.noted:
                continue
            found.commits[state.path] = _walk_own(root, head, state, contents, found,
                                                  deadline)
    except OutOfTime:
        pass
    finally:
        found.blobs_read = contents.read
        contents.close()
    return found


def _walk_chain(root: str, head: str, states: list[_PathState], contents: _Contents,
                found: Found, deadline: float, noted: Noted | None) -> None:
    """The shared listing, while the walk is a chain from `head`: answers what it can, and
    leaves the rest (state.own_listing) to a listing each."""
    found.listings += 1
    open_states = list(states)
    expected = head
    with _listing(root, head) as proc:
        for commit in parse_listing(_chunks(proc, deadline)):
            if commit.sha != expected:  # not the chain this walk assumes: ask per path
                break
            for state in list(open_states):
                text = noted(commit.sha, state.path) if noted is not None else None
                if text is not None:
                    found.noted[state.path] = text
                    open_states.remove(state)
            if open_states and commit.pairs:
                _judge_chain_commit(commit, open_states, contents, found)
            open_states = [s for s in open_states
                           if s.path not in found.commits and not s.own_listing]
            for state in open_states:
                state.walked.add(commit.sha)
            if not open_states:
                return
            if not commit.parents:  # the root (or a shallow clone's edge): nothing matched
                for state in open_states:
                    found.commits[state.path] = ""
                return
            if len(commit.parents) > 1:
                break  # past a merge, each pathspec's walk goes its own way
            expected = commit.parents[0]
        for state in open_states:
            state.own_listing = True


def _judge_chain_commit(commit: Commit, states: list[_PathState], contents: _Contents,
                        found: Found) -> None:
    layout = _Layout(commit.pairs)
    needed = layout.outside_all([s.folder for s in states])
    contents.ensure(needed)
    counts = contents.counts
    changed = [p for p in needed if counts(p.src, p.src_mode) != counts(p.dst, p.dst_mode)]
    for state in states:
        folder = state.folder
        if not layout.touches(folder):
            pairs = changed
        else:
            if layout.renames_may_differ(folder):
                state.own_listing = True
                continue
            pairs = [p for p in changed
                     if not inside(p.src_path, folder) and not inside(p.dst_path, folder)]
            pairs += _view_without(layout.moves, folder)
        if any(_matches(p, state.index, contents) for p in pairs):
            found.commits[state.path] = commit.sha


class _Layout:
    """A commit's pairs by path, to ask of a folder in a few bisections whether the commit
    touches it and what the pairs outside it are (a first commit has thousands of files and
    every library's folder is among them)."""

    def __init__(self, pairs: list[Pair]) -> None:
        self.moves = [p for p in pairs if p.status in (b"R", b"C")]  # two paths each
        single = sorted(((p.dst_path, p) for p in pairs if p.status not in (b"R", b"C")),
                        key=lambda item: item[0])
        self.paths = [path for path, _ in single]
        self.singles = [pair for _, pair in single]
        self.added_before = [0]  # added_before[i]: additions among the first i paths
        for pair in self.singles:
            self.added_before.append(self.added_before[-1] + (pair.status == b"A"))

    def outside_all(self, folders: list[bytes]) -> list[Pair]:
        """The pairs some folder's question can see: those not inside every one of them (a
        library's own files are no answer about it: with one library, none are counted)."""
        low, end = 0, len(self.paths)
        for folder in folders:
            start, stop = self._span(folder)
            if start < 0:
                return [*self.singles, *self.moves]
            low, end = max(low, start), min(end, stop)
        if not folders or low >= end:
            kept = list(self.singles)
        else:
            kept = [*self.singles[:low], *self.singles[end:]]
        kept += [p for p in self.moves
                 if not all(inside(p.src_path, f) and inside(p.dst_path, f) for f in folders)]
        return kept

    def _span(self, folder: bytes) -> tuple[int, int]:
        """The sorted paths equal to `folder` or below it: a slice of self.paths (a path
        like `folder.x` sorts between the folder and its `/` children: skipped)."""
        low = bisect.bisect_left(self.paths, folder)
        exact = low < len(self.paths) and self.paths[low] == folder
        start = bisect.bisect_left(self.paths, folder + b"/", lo=low)
        end = bisect.bisect_left(self.paths, folder + b"0", lo=start)  # "0" follows "/"
        if exact and start > low + 1:  # not contiguous: count the exact path apart
            return -1, -1
        return (low if exact else start), end

    def touches(self, folder: bytes) -> bool:
        low, end = self._span(folder)
        if low < 0:
            return True
        return end > low or any(inside(p.src_path, folder) or inside(p.dst_path, folder)
                                for p in self.moves)

    def renames_may_differ(self, folder: bytes) -> bool:
        """Whether git's rename detection over the pairs outside `folder` alone might pair
        them otherwise than it did with the folder's files among them: only when a new file
        (a destination) sits beside another change that could be its source (a deleted,
        changed or moved file). A commit that only adds files (a first commit) pairs nothing
        either way. Counted from the bisections, not listed."""
        low, end = self._span(folder)
        if low < 0:
            return True
        outside = len(self.paths) - (end - low)
        added = self.added_before[-1] - (self.added_before[end] - self.added_before[low])
        view = [*_view_without(self.moves, folder)]
        size = outside + len(view)
        if size < 2:
            return False
        destination = added > 0 or any(p.status in (b"A", b"R", b"C") for p in view)
        source = outside > added or any(p.status != b"A" for p in view)
        return destination and source


def _view_without(pairs: list[Pair], folder: bytes) -> list[Pair]:
    """The pairs as the diff limited to everything but `folder` pairs them, when no rename
    could pair differently: a pair across the folder's edge keeps its outside side alone."""
    view = []
    for pair in pairs:
        src_in, dst_in = inside(pair.src_path, folder), inside(pair.dst_path, folder)
        if src_in and dst_in:
            continue
        if not src_in and not dst_in:
            view.append(pair)
        elif src_in:  # moved or copied out of the folder: outside, a new file
            view.append(pair._replace(status=b"A", src="", src_mode=_ABSENT_MODE,
                                      src_path=pair.dst_path))
        elif pair.status == b"R":  # moved into the folder: outside, a deleted file
            view.append(pair._replace(status=b"D", dst="", dst_mode=_ABSENT_MODE,
                                      dst_path=pair.src_path))
        # copied into the folder: the source outside is unchanged by it
    return view


def _matches(pair: Pair, index: int, contents: _Contents) -> bool:
    if pair.src == pair.dst and pair.src_mode == pair.dst_mode:
        return False
    return (contents.counts(pair.src, pair.src_mode)[index]
            != contents.counts(pair.dst, pair.dst_mode)[index])


def _walk_own(root: str, head: str, state: _PathState, contents: _Contents, found: Found,
              deadline: float) -> str:
    """The path's own listing, with `git log -S`'s very pathspec: git simplifies and orders
    the walk; commits the chain already judged are skipped."""
    found.listings += 1
    with _listing(root, head, "--", ".", f":(exclude){state.path}") as proc:
        for commit in parse_listing(_chunks(proc, deadline)):
            if commit.sha in state.walked or not commit.pairs:
                continue
            contents.ensure(commit.pairs)
            if any(_matches(p, state.index, contents) for p in commit.pairs):
                return commit.sha
        return ""


# The chain listings started ahead of their walk (start_listing), by (root, head): at most
# one per repo and commit, taken by the walk's _listing, stopped by stop_listings.
_AHEAD: dict[tuple[str, str], subprocess.Popen[bytes]] = {}
# The pipe of a listing started ahead holds this much (F_SETPIPE_SZ; Linux's default
# pipe-max-size): git writes up to it while the content pass runs, then waits for the walk.
# A long history costs no more than that ahead, the walk reading on from there as without.
# (Web app: its one commit's listing is 1,035,781 bytes: all of it.)
_AHEAD_PIPE_BYTES = 1 << 20


def start_listing(root: str, head: str) -> None:
    """The walk's shared listing from `head` (_walk_chain's: `git log --raw` with no
    pathspec, its input HEAD alone) started now, before the content pass whose counts the
    walk waits for: git lists the commits on a core the pass leaves idle instead of after
    it, on the cold scan's longest chain (web app: ~60 ms of git's wall). The same command,
    so the same bytes; the walk reads them as it would have (search, _listing). Whoever
    starts one ends it with stop_listings, whether a walk took it or not."""
    if not head or (root, head) in _AHEAD:
        return
    try:
        with CtrlCHeld():  # a Ctrl-C while it starts: raised once it is in _AHEAD
            proc = subprocess.Popen([git_executable(), "-C", root, *_LISTING, head],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, env=git_env(root))
            _AHEAD[(root, head)] = proc
    except (OSError, GitUnavailable):
        return  # the walk starts its own
    assert proc.stdout is not None
    with contextlib.suppress(OSError, AttributeError):  # else the default pipe, 64 kB
        import fcntl

        fcntl.fcntl(proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, _AHEAD_PIPE_BYTES)


def stop_listings() -> None:
    """Every listing start_listing started and no walk took, stopped and reaped."""
    while _AHEAD:
        stop(_AHEAD.popitem()[1])


@contextlib.contextmanager
def _listing(root: str, head: str, *pathspec: str) -> Iterator[subprocess.Popen[bytes]]:
    """`git log` listing from `head`, stopped and reaped however the reader leaves it (read
    to its end, an answer found early, an error, Ctrl-C); what it printed that is not a
    listing, or git failing to start, is GitUnavailable. The shared listing (no pathspec)
    is start_listing's when one was started for this root and commit."""
    ahead = None if pathspec else _AHEAD.pop((root, head), None)
    try:
        if ahead is not None:
            try:
                yield ahead
            finally:
                stop(ahead)
        else:
            # stderr not read: a rename-limit warning must not fill a pipe nobody drains
            with running([git_executable(), "-C", root, *_LISTING, head, *pathspec],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         env=git_env(root)) as proc:
                yield proc
    except ValueError as error:  # parse_listing's: not the shape a listing has
        raise GitUnavailable(str(error)) from None
    except OSError as error:
        raise GitUnavailable(f"git log could not run: {error}") from None


def _chunks(proc: subprocess.Popen[bytes], deadline: float) -> Iterator[bytes]:
    try:
        yield from fifo_guard.chunks(proc, deadline)
    except subprocess.TimeoutExpired:
        raise OutOfTime from None
    except fifo_guard.FifoBlocked as error:
        raise GitUnavailable(str(error)) from None
    if proc.wait() != 0:
        raise GitUnavailable(f"git log failed (exit {proc.returncode})")


def describe(root: str, commits: Iterable[str]) -> dict[str, str]:
    """"<short id> <date> <subject>" of each commit, as `git log --format=%h %as %s` prints
    it (the abbreviation git picks for this repo), in one git."""
    wanted = sorted({c for c in commits if c})
    if not wanted:
        return {}
    with running(
            [git_executable(), "-C", root, "log", "--no-walk=unsorted", "--no-show-signature",
             "--no-color", "-z", "--format=%H %h %as %s", *wanted, "--"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=git_env(root)) as proc:
        try:
            out, _ = fifo_guard.communicate(proc, timeout=30)
        except (subprocess.TimeoutExpired, fifo_guard.FifoBlocked):
            raise GitUnavailable("git log could not describe the commits") from None
    described = {}
    for record in out.split(b"\0"):
        sha, _, text = record.partition(b" ")
        if sha:
            described[sha.decode("ascii", "replace")] = text.decode("utf-8", "replace").strip()
    return described


def pickaxe(root: str, paths: Sequence[str], deadline: float) -> dict[str, str]:
    """`git log -1 -S<path>` itself, one git per path, side by side: for what the listing
    cannot answer exactly. Answers only for paths git answered in time."""
    started: dict[str, subprocess.Popen[bytes]] = {}
    answers = {}
    try:
        for path in dict.fromkeys(paths):
            with CtrlCHeld():  # a Ctrl-C while one starts: raised once it is kept to stop
                started[path] = subprocess.Popen(
                    [git_executable(), "-C", root, "log", *_NO_DRIVERS, "-1",
                     "--format=%h %as %s", f"-S{path}", "--", ".", f":(exclude){path}"],
                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL, env=git_env(root))
        for path, proc in started.items():
            try:
                # git log reads .gitattributes: a FIFO there is let go (fifo_guard)
                out, _ = fifo_guard.communicate(
                    proc, timeout=max(0.0, deadline - time.monotonic()))
            except (subprocess.TimeoutExpired, fifo_guard.FifoBlocked):
                continue
            if proc.returncode == 0:
                answers[path] = out.decode("utf-8", "replace").strip()
    finally:
        for proc in started.values():  # those out of time, or all of them after Ctrl-C
            stop(proc)
    return answers
