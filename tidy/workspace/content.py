"""The content pass: each first-party file opened and read at most once per scan, and that one
read feeding every rule that needs its content.

What a file's bytes are asked for is a set of facts, named by a letter:
    r  reference-search hits: every (pattern, line number, line) of the Aho-Corasick search
       over the lower-cased text (vendored libraries, TDY4xx); kept with the fingerprint of the
       patterns, as a different set of libraries asks a different question
    t  whether the file was searchable text (not binary, at most MAX_TEXT_BYTES)
    h  sha256 of the whole content (duplicates, TDY204/TDY205)
    and one per judge of the spec (data in code: "py" the module's verdict, "js" whether a
       .js/.ts file is data), each the JSON its judge returned
A file read whole while the spec has needles (the vendored libraries' paths, whose history
`git log -S` would search: tidy.workspace.pickaxe) also gives its git blob id and how often
each needle occurs in it, from the same bytes: facts of the blob, not of the file, kept in the
cache's blob table (any file or commit with those bytes has them), so a rescan's history walk
reads no blob the working tree or an earlier scan showed.
A rule asks for what it needs (`ContentFacts.ensure`); when a file has to be read, every fact
the spec says its size and name call for is taken from the same bytes, so a later rule asking
for another fact finds it there. What was learnt is kept in the content cache
(tidy.workspace.content_cache), so a rescan with nothing changed reads no file at all.

The judges are handed in (tidy.analysis is a layer above this one); they must be module-level
functions, as a pass can run on the scan's forked worker (`run_pass`, the engine's early job).
"""

from __future__ import annotations

import collections
import enum
import functools
import hashlib
import itertools
import operator
import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

from tidy.core.state import state_dir
from tidy.workspace import content_cache, content_notes, forked, pickaxe
from tidy.workspace.beneath import open_beneath
from tidy.workspace.blobs import IndexStat, read_index_stat
from tidy.workspace.content_cache import BlobTable, Entry, Facts, StatKey, stat_key
from tidy.workspace.measure import EntryStat, lstat_changed, lstat_paths, open_folder

LINE_SHOWN = 200  # characters of a matching line kept (and judged) per match

MAX_TEXT_BYTES = 5_000_000  # bigger files are data or bundles, not references
_BINARY_SNIFF = 8192  # a NUL in this many leading bytes: binary
_MAX_CACHED_HITS = 20_000  # a file with more search hits is not kept (the cache stays small)
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
REFS, TEXT, HASH = "r", "t", "h"
# Asked of a file only so that it is read whole for its blob id and needle counts (the
# history walk's, PassResult.blobs): no fact of the file, so no entry is kept for it, and
# nothing else (no judge, no hash) is computed from that read.
BLOB = "b"
_BLOB_ONLY = frozenset({BLOB})
# Bytes one process reads for BLOB alone in a pass: the history walk may end before it needs
# them (a library referenced a few commits ago), so a repo of many tracked images is not
# read whole for it; what is left unread the walk asks `git cat-file` for, as before.
BLOB_READ_BUDGET = 32_000_000
_SEARCH_FACTS = frozenset({REFS, TEXT})
_NO_FACTS: frozenset[str] = frozenset()
HEAD = "head"  # HEAD + str(n): the file's first n bytes, as latin-1 text (library discovery)
# File timestamps come from the kernel's coarse clock, up to a tick (1-10 ms) behind the
# fine one: a file stamped within this much of the scan's start is not cached.
RACY_MARGIN_NS = 50_000_000
# A filesystem that keeps whole seconds (ext4 with 128-byte inodes, vfat's mtime: two) stamps
# a file up to that long before the moment it was written: one whose times are both whole
# seconds is cached only when older than the scan's start by this much (trust round 11: a
# file read and rewritten, the same size, within the second of its last change kept its stat,
# and the facts read before were believed by the next scan).
WHOLE_SECONDS_MARGIN_NS = 2_000_000_000
_SECOND_NS = 1_000_000_000

def _load_lowered() -> Callable[[bytes], bytes]:
    """bytes.lower() of the search's bytes: _fastmeasure.lowered where it was built (16 bytes
    at a time: CPython lowers one byte at a time, ~22 % of a cold content pass), the same
    answer either way (tests/workspace/test_lowered.py)."""
    if not os.environ.get("TIDY_PURE_PYTHON"):
        try:
            from tidy.workspace._fastmeasure import lowered
        except ImportError:
            pass
        else:
            return lowered
    return bytes.lower


lowered = _load_lowered()


def _load_hit_rows() -> tuple[Callable[[bytes, list[tuple[int, int, int]]], list[list[object]]],
                              Callable[[list[object]], list[Hit]]]:
    """The search's hits as rows and back (_compact_hits(_with_lines(...)) and _expanded_hits):
    _fastmeasure's line_hits and expanded_hits where it was built (a Python step per hit was
    ~9 % of a cold web-app early job), the Python twins otherwise, the same answers either
    way (tests/workspace/test_line_hits.py)."""
    if not os.environ.get("TIDY_PURE_PYTHON"):
        try:
            from tidy.workspace._fastmeasure import expanded_hits, line_hits
        except ImportError:
            pass
        else:
            return functools.partial(_line_hits_in_c, line_hits), expanded_hits
    return _line_rows_in_python, _expanded_hits


def _line_hits_in_c(line_hits: Callable[[bytes, list[tuple[int, int, int]], int],
                                        list[list[object]]],
                    hay: bytes, found: list[tuple[int, int, int]]) -> list[list[object]]:
    return line_hits(hay, found, LINE_SHOWN)


def _line_rows_in_python(hay: bytes, found: list[tuple[int, int, int]]) -> list[list[object]]:
    return _compact_hits(_with_lines(hay, found))


def _inside(rel: str) -> bool:
    """A path as the walk gives one: relative, below the root, no `.`, `..` or empty part
    (a cache naming `/etc/passwd` or `../x`, which no scan looks up, was carried into every
    cache written after it, each save an lstat outside the root: trust round 11)."""
    return bool(rel) and not rel.startswith("/") and "\0" not in rel and not any(
        part in ("", ".", "..") for part in rel.split("/"))


def racy(key: StatKey, started_ns: int) -> bool:
    """Whether a file of this stat may have changed within the tick of a read made after
    `started_ns` and kept its stat (as git's racily clean entries): its mtime or ctime is
    not clearly older than the start, by the coarse clock's lag, or by two seconds where
    both are whole seconds (a filesystem that keeps no finer time)."""
    whole = key[3] % _SECOND_NS == 0 and key[4] % _SECOND_NS == 0
    recent = started_ns - (WHOLE_SECONDS_MARGIN_NS if whole else RACY_MARGIN_NS)
    return not (key[3] < recent and key[4] < recent)


Hit = tuple[int, int, str]  # pattern index, 1-based line number, the line (stripped, <= 200)
# git's index for a pass (blob ids of unchanged files), or how to read it once it is needed
IndexSource = IndexStat | Callable[[], IndexStat | None] | None


@dataclass(frozen=True)
class Judge:
    """A fact computed from a file's bytes by a function of a higher layer."""

    name: str  # the fact's key
    suffixes: tuple[str, ...]  # files it applies to
    min_size: int  # from this size on, a read file gets this fact too
    judge: Callable[[bytes], object]  # bytes -> a JSON value; module-level (picklable)
    version: str  # changes when the judgement does: part of the cache's shape
    sample: int = 0  # bytes of the file's head it needs; 0: all of it
    # Computed for every read file it applies to (False: only when asked for, as a costly
    # judgement of few candidates is cheaper read apart than run on every file read).
    eager: bool = True
    # Loads the modules `judge` imports on its first call (module-level, picklable): a split
    # pass calls it before it forks, so that its processes do not each load them (cold web
    # app: the module judge's ~6 ms, in both processes of the first round).
    load: Callable[[], object] | None = None

    def applies(self, rel: str, size: int) -> bool:
        return self.eager and size >= self.min_size and rel.endswith(self.suffixes)


@dataclass(frozen=True)
class Spec:
    """What the content pass computes: the search's patterns, the judges, the hash floor."""

    patterns: tuple[str, ...] = ()
    judges: tuple[Judge, ...] = ()
    # A file of the pass this big whose size another one has is hashed from the same read:
    # a duplicate candidate (the duplicate rules' floor).
    hash_min_size: int = 100_000
    # Strings counted, as git's pickaxe counts them, in each file read whole (the file's blob
    # id and counts go to PassResult.blobs, not to the file's facts): no part of the shape.
    needles: tuple[str, ...] = ()

    @functools.cached_property
    def shape(self) -> str:
        """Everything that decides a fact's value besides the file: the cache's key."""
        parts = [str(MAX_TEXT_BYTES), "sha256", *(f"{j.name}:{j.version}:{j.sample}:"
                                                  f"{','.join(j.suffixes)}" for j in self.judges)]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]

    @functools.cached_property
    def patterns_key(self) -> str:
        # A pattern is a path, and a path may be any bytes (a Latin-1 folder name): kept
        # as os.fsdecode made it, so encoded back the same way (surrogateescape).
        return hashlib.sha256(os.fsencode("\0".join(self.patterns))).hexdigest()[:32]

    def with_patterns(self, patterns: Sequence[str]) -> Spec:
        return Spec(tuple(patterns), self.judges, self.hash_min_size, self.needles)

    def with_needles(self, needles: Sequence[str]) -> Spec:
        return Spec(self.patterns, self.judges, self.hash_min_size, tuple(needles))

    def wanted(self, rel: str, size: int) -> frozenset[str]:
        """The facts a read of this file computes besides those asked for (run_pass adds the
        hash of files whose size another file of the pass has)."""
        if size < self._eager_floor:
            return _NO_FACTS  # most files: smaller than any eager judge looks at
        return frozenset(name for name, floor, suffixes in self._eager
                         if size >= floor and rel.endswith(suffixes))

    @functools.cached_property
    def judge_floors(self) -> dict[str, int]:
        """Each judge's fact and the size from which it exists (for _names: every file)."""
        floors: dict[str, int] = {}
        for judge in self.judges:
            floors[judge.name] = max(floors.get(judge.name, 0), judge.min_size)
        return floors

    @functools.cached_property
    def judges_floor_max(self) -> int:
        return max(self.judge_floors.values(), default=0)

    @property
    def eager_floor(self) -> int:
        """The smallest file an eager judge looks at: below it wanted() adds nothing."""
        return self._eager_floor

    @functools.cached_property
    def _eager_floor(self) -> int:
        return min((floor for _, floor, _ in self._eager), default=sys.maxsize)

    @functools.cached_property
    def _eager(self) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
        # wanted() runs for every file of a scan: the judges' tests, unpacked once
        return tuple((j.name, j.min_size, j.suffixes) for j in self.judges if j.eager)


@dataclass(frozen=True)
class SearchRequest:
    """A rule's reference search: these patterns over these files (group-relative)."""

    patterns: tuple[str, ...] = ()
    files: tuple[str, ...] = ()


@dataclass
class PassStats:
    """What a pass cost: for the benchmark's MB/s and for the tests (one changed file, one
    read)."""

    files_read: int = 0
    bytes_read: int = 0
    hits: int = 0  # files answered from the cache
    seconds: float = 0.0
    # Files read whole whose blob id git's index gave (their stat the one it holds), not
    # SHA-1 over their bytes
    ids_from_index: int = 0

    def add(self, other: PassStats) -> None:
        self.files_read += other.files_read
        self.bytes_read += other.bytes_read
        self.hits += other.hits
        self.ids_from_index += other.ids_from_index
        self.seconds += other.seconds


# What a process of a split pass works out from the files it read, right after reading them
# (the early job's matches of its files: tidy.rules.vendored): (its facts, a view of the
# files it read, holding their entries; the files it read) -> anything picklable. It runs
# in both processes at once, so the work after the pass is left with putting answers
# together; an answer for files a part did not read is the caller's to work out.
PartDigest = Callable[["ContentFacts", list[str]], object]


@dataclass
class PassResult:
    """A pass's answer: an entry for every file it could stat (`entries`); from a worker
    (export), only the entries another rule may still ask about, and the cache's notes."""

    entries: dict[str, Entry] = field(default_factory=dict)
    stats: PassStats = field(default_factory=PassStats)
    notes: dict[str, str] = field(default_factory=dict)
    # Blob id -> count of each of the spec's needles, for the files read whole.
    blobs: dict[str, tuple[int, ...]] = field(default_factory=dict)
    digests: list[object] = field(default_factory=list)  # each part's PartDigest answer
    # Notes learnt by the exporting job and not written by it (ContentFacts.notes_by_adopter):
    # the process that adopts them writes them, with its own, in one write.
    notes_unsaved: bool = False


class Unchanged(enum.Enum):
    """A file whose stat is its cache entry's key (_Reader.stat_changed)."""

    UNCHANGED = "unchanged"


UNCHANGED: Final = Unchanged.UNCHANGED


class _Reader:
    """Reads files below one folder (through a descriptor of it) and computes their facts."""

    def __init__(self, root: str, spec: Spec, index: IndexSource = None) -> None:
        self.root = root
        self.spec = spec
        # git's index of the repo at `root` (blob ids for unchanged files), or how to read it:
        # read on the first file read whole, not before a pass that may read none (a warm
        # rescan: parsing the web app's index was ~6 ms of its early job, for nothing).
        self._index = index
        self.patterns_key = spec.patterns_key
        self._automaton: pickaxe.Automaton | None = None
        if spec.patterns:  # the search's automaton is made when there is something to find
            self._automaton = pickaxe.automaton([os.fsencode(p.lower()) for p in spec.patterns])
        self.blobs: dict[str, tuple[int, ...]] = {}
        self.blob_of: dict[str, str] = {}  # file -> its blob id, for the files read whole
        self._needles = tuple(os.fsencode(n) for n in spec.needles)
        self._blob_budget = BLOB_READ_BUDGET  # a forked child of the pass gets its own
        self._needle_automaton = pickaxe.make_automaton(self._needles)
        # A needle the search looks for anyway (its lower-case form is a pattern, and it is
        # ASCII, so bytes.lower() lowers it as str.lower() did): found by the search's own
        # pass, and counted only where it was found.
        lowered = {p.lower(): i for i, p in reversed(list(enumerate(spec.patterns)))}
        self._needle_pattern = tuple(
            lowered.get(n.lower(), -1) if n.isascii() else -1 for n in spec.needles)
        self._all_searched = all(p >= 0 for p in self._needle_pattern)
        self._needle_patterns = frozenset(self._needle_pattern)
        self._no_needle = tuple(0 for _ in spec.needles)
        self.folder = -1
        try:
            self.folder = open_folder(root) if os.open in os.supports_dir_fd else -1
        except OSError:
            self.folder = -1

    def close(self) -> None:
        if self.folder >= 0:
            os.close(self.folder)
            self.folder = -1

    def stat(self, rel: str) -> os.stat_result | None:
        try:
            if self.folder >= 0:
                return os.stat(rel, dir_fd=self.folder, follow_symlinks=False)
            return os.lstat(os.path.join(self.root, rel))
        except (OSError, ValueError):
            return None

    def stat_all(self, rels: list[str]) -> dict[str, EntryStat | None]:
        """stat() of each of `rels`, in one call (lstat_paths) through the folder's
        descriptor when there is one."""
        if self.folder >= 0:
            try:
                found = lstat_paths(self.folder, rels)
            except ValueError:  # a path with a NUL byte: each one asked alone
                pass
            else:
                return {rel: None if isinstance(st, int) else st
                        for rel, st in zip(rels, found, strict=True)}
        return {rel: self.stat(rel) for rel in rels}

    def stat_changed(self, rels: list[str], keys: list[StatKey],
                     below: int) -> list[EntryStat | Unchanged | None]:
        """stat_all for files with a cache entry each (`keys`, in order), in their order:
        UNCHANGED for a regular file under `below` bytes whose stat is its key, in one call
        (lstat_changed) that makes nothing for it. A list, not a dict by path: a warm pass
        of the 250k bench tree asks 36,000 files, each taken in turn."""
        if self.folder >= 0:
            try:
                found = lstat_changed(self.folder, rels, keys, below)
            except ValueError:  # a path with a NUL byte: each one asked alone
                pass
            else:
                return [UNCHANGED if st is None else None if isinstance(st, int) else st
                        for st in found]
        stats = self.stat_all(rels)
        return [stats[rel] for rel in rels]

    def read(self, rel: str, names: set[str], stats: PassStats,
             old: Entry | None = None) -> Entry | None:
        """One read of `rel` (never through a link, never a FIFO) for every wanted fact that
        `old`, when it is of the very same file, does not hold already."""
        fd = self.open(rel)
        if fd < 0:
            return None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return None
            return self.read_open(rel, fd, st, names, stats, old)
        except OSError:
            return None
        finally:
            os.close(fd)

    def open(self, rel: str) -> int:
        """A descriptor of `rel` for reading (never through a link, at any level of its path:
        tidy.workspace.beneath); -1 when it cannot be."""
        try:
            return (open_beneath(self.folder, rel, _READ_FLAGS) if self.folder >= 0
                    else os.open(os.path.join(self.root, rel), _READ_FLAGS))
        except (OSError, ValueError):
            return -1

    def read_open(self, rel: str, fd: int, st: os.stat_result, names: set[str],
                  stats: PassStats, old: Entry | None = None) -> Entry:
        """read() of a file already open, `st` its fstat (a regular file); raises OSError."""
        key = stat_key(st)
        want = _wanted(self.spec, rel, st.st_size, names)
        if old is not None and old.key == key:
            want = {n for n in want if not has_facts(old.facts, (n,), self.patterns_key)}
        data = read_all(fd, self._limit(rel, want, st.st_size), st.st_size)
        if want == _BLOB_ONLY:
            self._blob_budget -= len(data)
        stats.files_read += 1
        stats.bytes_read += len(data)
        facts = self.facts(rel, data, want, st.st_size)
        if self._needles and len(data) == st.st_size:
            sha = self._indexed_id(rel, fd, st, stats) or pickaxe.blob_id(data)
            self.blobs[sha] = self._count_needles(data)
            self.blob_of[rel] = sha
        if old is not None and old.key == key:  # keep what was known of this file
            facts = merged_facts(old.facts, facts)
        return Entry(key, facts)

    @property
    def index(self) -> IndexStat | None:
        """git's index of the repo at `root` (read now if it was given as how to read it)."""
        return self.load_index()

    def load_index(self) -> IndexStat | None:
        if callable(self._index):
            self._index = self._index()
        return self._index

    def _indexed_id(self, rel: str, fd: int, st: os.stat_result,
                    stats: PassStats) -> str | None:
        """The blob id of the file just read, from git's index, when its entry vouches for
        the stat `st` and the file's stat is still that after the read (not written since it
        was opened, so the bytes read are the blob's): no SHA-1 over them (~55 ms of a cold
        web-app pass's CPU). None otherwise: the caller hashes them."""
        index = self.index
        if index is None:
            return None
        sha = index.blob_id(rel, st)
        if sha is None:
            return None
        after = os.fstat(fd)  # the same file (inode): has it been written since its fstat?
        if (after.st_mtime_ns != st.st_mtime_ns or after.st_ctime_ns != st.st_ctime_ns
                or after.st_size != st.st_size):
            return None
        stats.ids_from_index += 1
        return sha

    def _limit(self, rel: str, want: set[str], size: int) -> int:
        """How much of the file the wanted facts need."""
        if want and want <= _SEARCH_FACTS:  # most files of a pass: only the search
            return size + 1 if size <= MAX_TEXT_BYTES else 0
        if want == _BLOB_ONLY:
            return (size + 1 if self._needles and size <= min(MAX_TEXT_BYTES, self._blob_budget)
                    else 0)
        if HASH in want or any(j.name in want and not j.sample for j in self.spec.judges):
            return size + 1
        limit = max((j.sample for j in self.spec.judges if j.name in want), default=0)
        limit = max([limit, *(_head_size(name) for name in want)])
        if (REFS in want or TEXT in want) and size <= MAX_TEXT_BYTES:
            limit = max(limit, size + 1)  # a bigger file is no text to search: not read for it
        return limit

    def facts(self, rel: str, data: bytes, want: set[str], size: int) -> Facts:
        facts: Facts = {}
        self._found = None
        if REFS in want or TEXT in want:
            text = searchable(data, size)
            facts[TEXT] = text
            facts[REFS] = [[self.patterns_key, self._search(data) if text else []]]
            if want <= _SEARCH_FACTS:
                return facts  # most files: nothing else asked (no judge or head to look for)
        if HASH in want and len(data) == size:
            facts[HASH] = hashlib.sha256(data).hexdigest()
        for judge in self.spec.judges:
            if judge.name in want:
                facts[judge.name] = judge.judge(data[:judge.sample] if judge.sample else data)
        for name in want:
            if (n := _head_size(name)) > 0:
                facts[name] = data[:n].decode("latin-1")
        return facts

    def _search(self, data: bytes) -> list[list[object]]:
        if self._automaton is None:
            return []
        hay = lowered(data)
        found = self._automaton.find_matches_as_indexes(hay, overlapping=True)
        self._found = {pattern for pattern, _, _ in found}
        return _hit_rows(hay, found) if found else []

    _found: set[int] | None = None  # patterns the last facts() call's search found anywhere

    def _count_needles(self, data: bytes) -> tuple[int, ...]:
        """git's count of each needle in the whole file (tidy.workspace.pickaxe.count); a
        needle the search looked for in these bytes and did not find occurs 0 times."""
        found = self._found
        if found is None or not self._all_searched:
            return pickaxe.count(data, self._needles, self._needle_automaton)
        if self._needle_patterns.isdisjoint(found):
            return self._no_needle  # most files: no library's path in them
        return tuple(data.count(needle) if pattern in found else 0
                     for needle, pattern in zip(self._needles, self._needle_pattern, strict=True))


def searchable(data: bytes, size: int) -> bool:
    """Whether a file of `size` bytes, read whole as `data`, is text the search looks at."""
    return (0 < size <= MAX_TEXT_BYTES and len(data) == size
            and data.find(b"\0", 0, _BINARY_SNIFF) < 0)


class BytesSearch:
    """The reference search over bytes that are no file (a staged blob): the same test for
    text, the same matching and the same lines as a file read by the pass gets."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self._automaton = (pickaxe.automaton([os.fsencode(p.lower()) for p in patterns])
                           if patterns else None)

    def hits(self, data: bytes) -> list[Hit] | None:
        """The hits in `data`; None when it is no searchable text."""
        if not searchable(data, len(data)):
            return None
        if self._automaton is None:
            return []
        hay = lowered(data)
        found = self._automaton.find_matches_as_indexes(hay, overlapping=True)
        return list(_with_lines(hay, found)) if found else []


# The search's hits are kept per set of patterns, for the last _REFS_KEPT sets: the scan and
# the commit hook (which looks only for the libraries being added) ask different questions
# of the same files, and neither should make the other read them again.
_REFS_KEPT = 2


def refs_for(facts: Facts, patterns_key: str) -> list[object] | None:
    """The raw hits `facts` hold for the patterns with this fingerprint; None when none.
    (The first well-formed pair of that key, as _refs_pairs would keep it: this runs for every
    file of a scan, so it builds no list.)"""
    kept = facts.get(REFS)
    if type(kept) is not list:
        return None
    for pair in kept:
        if (type(pair) is list and len(pair) == 2 and pair[0] == patterns_key
                and isinstance(pair[0], str) and isinstance(pair[1], list)):
            return pair[1]
    return None


def merged_facts(old: Facts, new: Facts) -> Facts:
    """`new` over `old` of the same file: the search's hits of other patterns are kept."""
    merged = {**old, **new}
    fresh, before = _refs_pairs(new.get(REFS)), _refs_pairs(old.get(REFS))
    if REFS in new:
        keys = {pair[0] for pair in fresh}
        merged[REFS] = [*fresh, *(pair for pair in before if pair[0] not in keys)][:_REFS_KEPT]
    return merged


def _refs_pairs(kept: object) -> list[list[Any]]:
    """The well-formed [patterns key, hits] pairs of a REFS fact (the cache is untrusted)."""
    if not isinstance(kept, list):
        return []
    return [pair for pair in kept if isinstance(pair, list) and len(pair) == 2
            and isinstance(pair[0], str) and isinstance(pair[1], list)]


def _head_size(name: str) -> int:
    """n of a HEAD + str(n) fact's name; 0 for any other fact."""
    tail = name[len(HEAD):] if name.startswith(HEAD) else ""
    return int(tail) if tail.isdigit() else 0


def has_facts(facts: Facts, names: Iterable[str], patterns_key: str) -> bool:
    """Whether `facts` answer every one of `names` (the search's for these patterns)."""
    for name in names:
        if name == REFS:
            if refs_for(facts, patterns_key) is None or TEXT not in facts:
                return False
        elif name not in facts:
            return False
    return True


_READ_CHUNK = 1 << 22


def read_all(fd: int, limit: int, expected: int = -1) -> bytes:
    """Up to `limit` bytes from `fd`, to its end. `expected`: the size fstat gave, when
    `limit` is past it (a read that would show the file grew): a read that stops short at
    exactly that size ended the file, as the next read, one more system call per file of
    the pass, would only confirm (a file growing meanwhile could as well grow after it)."""
    chunks = []
    size = 0
    while size < limit:
        asked = limit - size if limit - size < _READ_CHUNK else _READ_CHUNK
        chunk = os.read(fd, asked)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size == expected and len(chunk) < asked:
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)  # b"" when nothing was read


def _with_lines(hay: bytes, found: list[tuple[int, int, int]]) -> Iterator[Hit]:
    """Each hit not inside a longer word, with its line: lines are counted once over the
    file, from hit to hit (not from the start for each: a file of many hits stays linear)."""
    word, size = _WORD_BYTES, len(hay)
    line_no, counted_to = 1, 0
    # The last line shown, while it is one line (no newline inside): a later hit within it
    # shows the same text, not worked out again (a minified file holds many hits on one line
    # of megabytes, which each hit would search back and forth and copy), and no newline
    # lies between it and the hit before, which lies on that line too (none counted).
    line_start, line_stop, text = 0, -1, ""
    for pattern, start, end in sorted(found, key=_START):
        # Not inside a longer word: `d3` in `md3` or `ace` in `replace` is no reference
        if (start and hay[start - 1] in word) or (end < size and hay[end] in word):
            continue
        if not (line_start <= start and end <= line_stop):
            line_no += hay.count(b"\n", counted_to, start)
            line_start = hay.rfind(b"\n", 0, start) + 1
            line_end = hay.find(b"\n", end)
            line_stop = line_end if line_end >= 0 else size
            line = hay[line_start:line_stop]
            text = line.strip()[:LINE_SHOWN].decode("utf-8", "replace")
            if b"\n" in line:  # a pattern holding a newline: this text is that hit's alone
                line_stop = -1
        counted_to = start
        yield pattern, line_no, text


# A byte of a word (what bytes.isalnum() says of one byte, and "_"): tested per hit, as an
# int of the haystack, not a slice of it (web app: 29,000 hits, a third inside a word).
_WORD_BYTES = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_START = operator.itemgetter(1)  # of a match (pattern, start, end)
_KEY = operator.itemgetter(0)  # of an Entry: its key
_FACTS = operator.itemgetter(1)  # of an Entry: its facts
_NO_ENTRY = Entry((0, 0, 0, 0, 0), {})  # a file this scan knows nothing of: no hits (None)


def run_pass(root: str, requests: Mapping[str, Iterable[str]], spec: Spec,
             known: Mapping[str, Entry], split: SplitWhen | None = None,
             on_fork: forked.ForkHook | None = None, digest: PartDigest | None = None,
             keep_hits: bool = True, index: IndexSource = None) -> PassResult:
    """Facts for every requested file: from `known` (this scan's or the cache's entries) when
    its stat matches on every field and the facts are there, else from one read.

    A file nothing is known of is opened at once and its fstat is its only stat (most files of
    a first scan). Files of hash_min_size and up wait until every file was stat'ed: whether
    one is a duplicate candidate (hashed from the same read) depends on the others' sizes.

    With `split`, when a sample of the files says the pass has enough to read, half of it is
    read by a forked child at the same time (split_pass); the answer is the same. `digest`
    and `keep_hits` are split_pass's (a pass not split digests nothing). `index`: git's
    index of the repo at `root`, whose stat data gives the blob ids of unchanged files."""
    if split is not None and forked.can_fork() and split.worth_it(root, requests, known):
        return split_pass(root, requests, spec, known, split.min_bytes, on_fork, digest,
                          keep_hits, index)
    started = time.monotonic()
    result = PassResult()
    reader = _Reader(root, spec, index)
    big: list[tuple[str, EntryStat]] = []
    # A rescan's usual file: below every judge's size and the hash's, so asked only the
    # search (_names drops the judges' facts), its entry of this very stat holding the
    # search's facts: kept as _answer would keep it, without its general case (a warm scan
    # of the web app passes 7,000 files here).
    floors = spec.judge_floors
    below = min(spec.hash_min_size, spec.eager_floor, min(floors.values(), default=sys.maxsize))
    search_only: dict[object, bool] = {}  # by what was asked: only the search, at that size
    # Whether facts hold the search's (TEXT and these patterns' hits), by the facts' identity:
    # the cache's entries share one dict per distinct set of facts (a warm scan of the 250k
    # bench tree: 21,700 files, a handful of dicts), and nothing changes them in place.
    searched: dict[int, bool] = {}
    patterns_key, entries, kept = reader.patterns_key, result.entries, 0
    try:
        # Every file something is known of, stat'ed in one call (a warm scan: all of them);
        # a small one as its entry says is UNCHANGED, no stat made for it
        rels = [rel for rel in requests if rel in known]
        olds = list(map(known.__getitem__, rels))
        # in the order of `rels`: each known file of `requests` takes the next
        found = reader.stat_changed(rels, list(map(_KEY, olds)), below)
        if len(rels) == len(requests) and _all_kept(
                found, map(requests.__getitem__, rels), olds, search_only, searched, floors,
                patterns_key):
            # A rescan with nothing changed: every file kept as the loop below would keep
            # it, in the same order, without its steps per file (~7 ms, 250k bench tree)
            entries.update(zip(rels, olds, strict=True))
            kept = len(rels)
        stats = iter(found)
        for rel, asked in (() if kept else requests.items()):
            old = known.get(rel)
            if old is not None:
                st = next(stats)
                if st is UNCHANGED:
                    # _search_only and _searched, their remembered answers looked up here
                    # first: a warm pass comes here for every file (~4 ms of calls, 250k tree)
                    only = search_only.get(asked) if type(asked) is tuple else None
                    if only is None:
                        only = _search_only(search_only, asked, floors)
                    if only:
                        done = searched.get(id(old.facts))
                        if done is None:
                            done = _searched(searched, old.facts, patterns_key)
                        if done:
                            entries[rel] = old
                            kept += 1
                            continue
                    st = reader.stat(rel)  # asked more than the search: as any other file
                if st is None or isinstance(st, Unchanged) or not stat.S_ISREG(st.st_mode):
                    continue
                if (st.st_size < below and _search_only(search_only, asked, floors)
                        and old.key == stat_key(st)
                        and _searched(searched, old.facts, patterns_key)):
                    entries[rel] = old
                    kept += 1
                elif st.st_size >= spec.hash_min_size:
                    big.append((rel, st))
                else:
                    _answer(reader, rel, st, _names(spec, asked, st.st_size), old, result)
                continue
            fd = reader.open(rel)
            if fd < 0:
                continue
            try:
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode):
                    continue
                if st.st_size >= spec.hash_min_size:
                    big.append((rel, st))
                    continue
                names = _names(spec, asked, st.st_size)
                if names or spec.wanted(rel, st.st_size):
                    _keep(result.entries, rel,
                          reader.read_open(rel, fd, st, names, result.stats), names)
            except OSError:
                continue
            finally:
                os.close(fd)
        sizes = collections.Counter(st.st_size for rel, st in big
                                    if not _blob_only(requests[rel]))
        for rel, st in big:
            names = _names(spec, requests[rel], st.st_size)
            if sizes[st.st_size] > 1 and names != _BLOB_ONLY:
                names.add(HASH)  # a duplicate candidate: hashed from the same read
            _answer(reader, rel, st, names, known.get(rel), result)
        result.stats.hits += kept
    finally:
        reader.close()
    result.blobs = reader.blobs
    result.stats.seconds = time.monotonic() - started
    return result


def _all_kept(found: list[EntryStat | Unchanged | None], asked: Iterable[Iterable[str]],
              olds: list[Entry], search_only: dict[object, bool], searched: dict[int, bool],
              floors: Mapping[str, int], patterns_key: str) -> bool:
    """Whether run_pass keeps every one of these known files as its entry is (`found`, their
    stat_changed answers; `asked`, what each was asked; `olds`, their entries): each
    UNCHANGED, asked only the search (each distinct request asked once) and its entry's
    facts holding the search's (each distinct facts dict asked once: the cache's entries
    share a handful)."""
    if found.count(UNCHANGED) != len(found):
        return False
    try:
        kinds = set(asked)
    except TypeError:  # a request the loop tells apart by itself
        return False
    if not all(type(k) is tuple and _search_only(search_only, k, floors) for k in kinds):
        return False
    facts = list(map(_FACTS, olds))
    distinct = dict(zip(map(id, facts), facts, strict=True))
    return all(_searched(searched, f, patterns_key) for f in distinct.values())


# When a pass is split over two processes (the early job's, ContentFacts' `split`): below
# these the fork, one more stat per file and the hand-over of the child's facts (~6 us a file)
# cost more than the second core saves. Measured on the bench trees (bench/RESULTS.md,
# "Content pass over two processes").
SPLIT_MIN_BYTES = 16_000_000
SPLIT_MIN_AVERAGE = 4096  # bytes a file read: many small files cost more to hand over
_SPLIT_SAMPLE = 512  # files stat'ed to decide


@dataclass(frozen=True)
class SplitWhen:
    """A pass with at least `min_bytes` to read, `min_average` a file on average, is split."""

    min_bytes: int = SPLIT_MIN_BYTES
    min_average: int = SPLIT_MIN_AVERAGE
    min_cores: int = 2  # a process allowed one core (taskset, a container's cpuset) never splits

    def worth_it(self, root: str, requests: Mapping[str, Iterable[str]],
                 known: Mapping[str, Entry]) -> bool:
        """Estimated from an even sample of the files (lstat'ed): a file `known` has under
        its stat counts as nothing to read (a warm scan is never split)."""
        if len(requests) < 2 or _cores() < self.min_cores:  # discovery asks file by file
            return False
        step = max(1, len(requests) // _SPLIT_SAMPLE)
        reader = _Reader(root, Spec())
        files = size = 0
        try:
            for rel in itertools.islice(requests, 0, None, step):
                st = reader.stat(rel)
                if st is None or not stat.S_ISREG(st.st_mode):
                    continue
                old = known.get(rel)
                if old is None or old.key != stat_key(st):
                    files += 1
                    size += st.st_size
        finally:
            reader.close()
        return size * step >= self.min_bytes and size >= files * self.min_average


def _cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _ToRead(NamedTuple):  # one per file of a split pass: a frozen dataclass cost ~1 us more
    rel: str
    names: frozenset[str]
    old: Entry | None
    weight: int  # bytes the read takes


@dataclass
class _PartRead:
    """What one process read of a split pass."""

    entries: dict[str, Entry] = field(default_factory=dict)
    blob_of: dict[str, str] = field(default_factory=dict)
    blobs: dict[str, tuple[int, ...]] = field(default_factory=dict)
    stats: PassStats = field(default_factory=PassStats)
    digest: object = None  # the PartDigest's answer for the files this part read
    # Of the dealt files (_read_dealt): those of hash_min_size and up, and of these the ones
    # left for the second round, with their sizes (whether one is a duplicate candidate
    # depends on the sizes both processes saw).
    big: list[str] = field(default_factory=list)
    deferred: list[tuple[str, int]] = field(default_factory=list)
    dealt: list[int] = field(default_factory=list)  # the dealer's chunks this part read

    def __reduce__(self) -> tuple[Any, ...]:
        # The child's answer crosses a pipe: its blob ids as one string of their bytes, not
        # a str each (cold web app: 762 -> 651 kB, unpickled by the parent after its own
        # part). Their counts mostly are one shared tuple.
        rels = list(self.blob_of)
        shas = [self.blob_of[rel] for rel in rels]
        width = len(shas[0]) // 2 if shas else 0
        if any(len(sha) != 2 * width for sha in shas):  # not one kind of id: as they are
            return (_PartRead, (self.entries, self.blob_of, self.blobs, self.stats, self.digest,
                                self.big, self.deferred, self.dealt))
        ids = bytes.fromhex("".join(shas))
        return (_part_read_of, (self.entries, rels, ids, width,
                                [self.blobs[sha] for sha in shas], self.stats, self.digest,
                                self.big, self.deferred, self.dealt))


def _part_read_of(entries: dict[str, Entry], rels: list[str], ids: bytes, width: int,
                  counts: list[tuple[int, ...]], stats: PassStats, digest: object,
                  big: list[str], deferred: list[tuple[str, int]], dealt: list[int]
                  ) -> _PartRead:
    """_PartRead.__reduce__ undone."""
    shas = [ids[i:i + width].hex() for i in range(0, len(ids), width)] if width else []
    return _PartRead(entries, dict(zip(rels, shas, strict=True)),
                     dict(zip(shas, counts, strict=True)), stats, digest, big, deferred, dealt)


def split_pass(root: str, requests: Mapping[str, Iterable[str]], spec: Spec,
               known: Mapping[str, Entry], min_bytes: int,
               on_fork: forked.ForkHook | None = None, digest: PartDigest | None = None,
               keep_hits: bool = True, index: IndexSource = None) -> PassResult:
    """run_pass's answer, the files read by this process and a forked child at once.

    Two rounds. In the first, the files are dealt out in chunks to whichever process is free
    (_Dealer): each opens its files, and reads those below hash_min_size at once, their
    fstat their only stat; the bigger ones it only notes with their size. Nothing is stat'ed
    ahead (a plan that stat'ed every file first took ~60 ms of the cold web app's early job,
    before either process read a byte), and neither process waits for the other at the end
    of the round but for its last chunk. In the second, the big files, now that every size is
    known (which are duplicate candidates, hashed from the same read), are dealt out the
    same way, biggest first, to a second child. Either round forks only when it may read
    min_bytes / 4 or more.
    A file `known` holds is stat'ed here first, as run_pass does.

    Each file is read once, by one process; the entries and blob counts are put together in
    the order one process reading them all would have made them (small files first, then
    the big ones, each in the requests' order), so the cache written from them is the same.

    With `digest`, each process works out its answer over the files it read in each round
    (PassResult.digests; none from a part whose digest failed). `keep_hits` False (no cache
    is written from this pass): of a child's digested part only the entries with a fact
    besides the search's come, without its hits, which the digest has turned into what is
    wanted of them (cold web app: the child's answer 1.19 MB -> 434 kB)."""
    started = time.monotonic()
    result = PassResult()
    reader = _Reader(root, spec, index)
    big: set[str] = set()
    try:
        dealt, stale, later = _sort_known(reader, requests, known, result, big)
        if dealt or later:  # read before a part forks: both processes have it
            reader.load_index()
        _load_judges(spec, requests)
        dealer = _Dealer(dealt, os.getpid())
        try:
            work = functools.partial(_read_dealt, reader, requests, stale, dealer, digest)
            # The first round reads files below hash_min_size only: a few of them (a repo of
            # a handful of big modules) are not worth a fork
            files = sum(len(chunk) for chunk in dealt)
            if (len(dealt) > 1 and files * spec.hash_min_size >= min_bytes // 4
                    and dealer.open()):
                first = _untaken_read(dealer, forked.run_beside(
                    work, (True, True), (False, keep_hits), on_fork), work)
            else:
                first = (work((True, True)), _PartRead())
        finally:
            dealer.close()
        for part in first:
            big.update(part.big)
            later += [(rel, size, None, None) for rel, size in part.deferred]
        reads = _second_round(reader, requests, later, result)
        second = _read_apart(reader, reads, min_bytes // 4, on_fork, digest, keep_hits)
    finally:
        reader.close()
    parts = (*first, *second)
    order = [rel for rel in requests if rel not in big] + [rel for rel in requests if rel in big]
    _merge(order, parts, result)
    result.digests = [part.digest for part in parts if part.digest is not None]
    result.stats.seconds = time.monotonic() - started
    return result


def _load_judges(spec: Spec, requests: Mapping[str, Iterable[str]]) -> None:
    """Each judge's modules loaded here, before a fork, when a requested file may be judged
    (one of its suffixes; its size is not known yet): not once in each process."""
    for judge in spec.judges:
        if judge.load is not None and any(rel.endswith(judge.suffixes) for rel in requests):
            judge.load()


# A later file of the second round: (path, size, what `known` held of it, its stat then).
_Later = tuple[str, int, Entry | None, os.stat_result | None]
# The dealer's numbers (two bytes each) fit any pipe's buffer at once; a chunk costs one pipe
# read (cold web app: 7,143 files in chunks of 14).
_MAX_CHUNKS = 512


def _sort_known(reader: _Reader, requests: Mapping[str, Iterable[str]],
                known: Mapping[str, Entry], result: PassResult, big: set[str]
                ) -> tuple[list[list[str]], dict[str, Entry], list[_Later]]:
    """The files to deal out, in chunks of the requests' order; a `known` file is stat'ed
    here: below hash_min_size answered by its entry when it holds what is wanted (else dealt
    with its entry, `stale`), from that size on left to the second round (whether it is a
    duplicate candidate depends on every size)."""
    spec = reader.spec
    files: list[str] = []
    stale: dict[str, Entry] = {}
    later: list[_Later] = []
    for rel in requests:
        old = known.get(rel)
        if old is None:
            files.append(rel)
            continue
        st = reader.stat(rel)
        if st is None or not stat.S_ISREG(st.st_mode):
            continue
        if st.st_size >= spec.hash_min_size:
            big.add(rel)
            later.append((rel, st.st_size, old, st))
            continue
        names = _names(spec, requests[rel], st.st_size)
        wanted = _wanted(spec, rel, st.st_size, names)
        if not wanted:
            continue
        if old.key == stat_key(st) and has_facts(old.facts, wanted, reader.patterns_key):
            result.entries[rel] = old
            result.stats.hits += 1
        else:
            stale[rel] = old
            files.append(rel)
    size = max(1, -(-len(files) // _MAX_CHUNKS))
    return [files[i:i + size] for i in range(0, len(files), size)], stale, later


class _Dealer:
    """The chunks of a split pass's first round, dealt to whichever process asks next: their
    numbers, written whole into a pipe before the fork, each read (two bytes, under the
    pipe's lock) by one process only. This process notes the numbers it took: when the child
    fails, the chunks it took are read here (`rest`)."""

    def __init__(self, chunks: list[list[str]], parent: int) -> None:
        self.chunks = chunks
        self.parent = parent
        self.taken: list[int] = []
        self._fd = -1

    def open(self) -> bool:
        """The numbers in the pipe; False when they cannot all be put there at once."""
        try:
            read_fd, write_fd = os.pipe()
        except OSError:
            return False
        numbers = b"".join(i.to_bytes(2, "little") for i in range(len(self.chunks)))
        try:
            os.set_blocking(write_fd, False)  # never wait for a reader that is not there yet
            written = os.write(write_fd, numbers)
        except OSError:
            written = -1
        finally:
            os.close(write_fd)  # the readers see the end once every number is taken
        if written != len(numbers):
            os.close(read_fd)
            return False
        # Every number is in before the fork: an empty pipe is the end, even while another
        # process of the user holds a write end it opened through /proc (no end ever comes)
        os.set_blocking(read_fd, False)
        self._fd = read_fd
        return True

    def next(self) -> int | None:
        """The next chunk's number; None when there is none left (or no pipe: all here)."""
        if self._fd < 0:
            return self._next_here()
        while True:
            try:
                number = os.read(self._fd, 2)
            except OSError:  # empty (non-blocking): every number taken
                return None
            if len(number) != 2:
                return None
            chunk = int.from_bytes(number, "little")
            if chunk < len(self.chunks):  # not one of ours: written in by another process
                self.taken.append(chunk)
                return chunk

    def _next_here(self) -> int | None:
        chunk = len(self.taken)
        if chunk >= len(self.chunks):
            return None
        self.taken.append(chunk)
        return chunk

    def rest(self) -> Iterator[int]:
        """The chunks this process did not take (after its own round: the child's)."""
        taken = set(self.taken)
        return (chunk for chunk in range(len(self.chunks)) if chunk not in taken)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _untaken_read(dealer: _Dealer, parts: tuple[_PartRead, _PartRead],
                  work: Callable[[tuple[bool, bool]], _PartRead]) -> tuple[_PartRead, ...]:
    """The parts, and a third read here of the chunks neither read: the dealer's pipe is
    open to any process of the user (/proc/PID/fd), which may have taken numbers out of it
    (trust round 16: those files were in no part, the pass answered nothing of them)."""
    dealer.taken = [chunk for part in parts for chunk in part.dealt]
    if next(iter(dealer.rest()), None) is None:
        return parts
    return (*parts, work((False, True)))  # here, all it reads: dealer.rest()


def _read_dealt(reader: _Reader, requests: Mapping[str, Iterable[str]],
                stale: Mapping[str, Entry], dealer: _Dealer, digest: PartDigest | None,
                share: tuple[bool, bool]) -> _PartRead:
    """One process's first round: chunk after chunk as the dealer hands them out. The
    forking process's second call (`share` not its own: the child failed, or never was)
    reads the chunks it did not take itself."""
    own, keep_hits = share
    here = not own and os.getpid() == dealer.parent  # the child failed, or never was
    chunks = dealer.rest() if here else iter(dealer.next, None)
    spec = reader.spec
    hash_min_size = spec.hash_min_size
    regular = stat.S_ISREG
    part = _PartRead()
    reader.blobs, reader.blob_of = part.blobs, part.blob_of
    read: list[str] = []
    # Most files are below every judge's size and the eager floor: what they are asked is
    # what a read of them computes, worked out once for each different question (a pass asks
    # a handful) rather than once per file.
    below = min(spec.eager_floor, min(spec.judge_floors.values(), default=sys.maxsize),
                hash_min_size, MAX_TEXT_BYTES + 1)
    plain: dict[object, set[str]] = {}
    for chunk in chunks:
        part.dealt.append(chunk)
        for rel in dealer.chunks[chunk]:
            fd = reader.open(rel)
            if fd < 0:
                continue
            try:
                st = os.fstat(fd)
                if not regular(st.st_mode):
                    continue
                size = st.st_size
                asked = requests[rel]
                if size >= hash_min_size:
                    part.big.append(rel)
                    if not _blob_only(asked):
                        part.deferred.append((rel, size))
                        continue
                if size < below and isinstance(asked, tuple):
                    names = plain.get(asked)
                    if names is None:
                        names = plain[asked] = _wanted(spec, rel, size, _names(spec, asked, size))
                else:
                    names = _wanted(spec, rel, size, _names(spec, asked, size))
                if not names:
                    continue
                wanted = set(names)
                _keep(part.entries, rel,
                      reader.read_open(rel, fd, st, wanted, part.stats, stale.get(rel)), wanted)
                read.append(rel)
            except OSError:
                continue
            finally:
                os.close(fd)
    _digest_part(reader, part, read, digest, keep_hits)
    return part


def _second_round(reader: _Reader, requests: Mapping[str, Iterable[str]],
                  later: list[_Later], result: PassResult) -> list[_ToRead]:
    """The big files, every size now known: a duplicate candidate (a size another one has)
    is hashed from the same read; a known one is answered by its entry when it holds what is
    wanted. In the requests' order."""
    spec = reader.spec
    sizes = collections.Counter(size for rel, size, _, _ in later
                                if not _blob_only(requests[rel]))
    position = {rel: i for i, (rel, _, _, _) in enumerate(later)}
    if later:
        index = {rel: i for i, rel in enumerate(requests)}
        later = sorted(later, key=lambda item: index.get(item[0], position[item[0]]))
    reads: list[_ToRead] = []
    for rel, size, old, st in later:
        names = _names(spec, requests[rel], size)
        if sizes[size] > 1 and names != _BLOB_ONLY:
            names.add(HASH)  # a duplicate candidate: hashed from the same read
        wanted = _wanted(spec, rel, size, names)
        if not wanted:
            continue
        if old is not None and st is not None and old.key == stat_key(st) and has_facts(
                old.facts, wanted, reader.patterns_key):
            result.entries[rel] = old
            result.stats.hits += 1
            continue
        weight = (size if size <= MAX_TEXT_BYTES  # read whole
                  else min(size, reader._limit(rel, wanted, size)))
        reads.append(_ToRead(rel, frozenset(names), old, weight))
    return reads


def _read_apart(reader: _Reader, reads: list[_ToRead], min_bytes: int,
                on_fork: forked.ForkHook | None, digest: PartDigest | None,
                keep_hits: bool) -> tuple[_PartRead, ...]:
    """`reads` shared with a forked child when they come to `min_bytes` or more: dealt out
    one by one, the biggest first, to whichever process is free (their cost is not their
    size: a module judged costs more a byte than a bundle searched; cold web app, by bytes
    the forking process read 70 ms longer than the child)."""
    if len(reads) > 1 and sum(r.weight for r in reads) >= min_bytes:
        ordered = sorted(reads, key=lambda r: -r.weight)
        size = max(1, -(-len(ordered) // _MAX_CHUNKS))
        dealer = _Dealer([[r.rel for r in ordered[i:i + size]]
                          for i in range(0, len(ordered), size)], os.getpid())
        items = {r.rel: r for r in reads}
        try:
            if dealer.open():
                # Only the child's answer is pickled: only it leaves out what its digest
                # made unneeded (the parent's own entries stay whole, in this process)
                work = functools.partial(_read_dealt_reads, reader, items, dealer, digest)
                return _untaken_read(dealer, forked.run_beside(
                    work, (True, True), (False, keep_hits), on_fork), work)
        finally:
            dealer.close()
    return _read_part(reader, reads, digest), _PartRead()


def _read_dealt_reads(reader: _Reader, items: Mapping[str, _ToRead], dealer: _Dealer,
                      digest: PartDigest | None, share: tuple[bool, bool]) -> _PartRead:
    """One process's second round: the reads the dealer hands it (_read_dealt's rules)."""
    own, keep_hits = share
    here = not own and os.getpid() == dealer.parent  # the child failed, or never was
    chunks = dealer.rest() if here else iter(dealer.next, None)
    part = _PartRead()
    reader.blobs, reader.blob_of = part.blobs, part.blob_of
    read: list[str] = []
    for chunk in chunks:  # one at a time: the next is asked for once this one is read
        part.dealt.append(chunk)
        for rel in dealer.chunks[chunk]:
            item = items[rel]
            names = set(item.names)
            _keep(part.entries, rel, reader.read(rel, names, part.stats, item.old), names)
            read.append(rel)
    _digest_part(reader, part, read, digest, keep_hits)
    return part


def _read_part(reader: _Reader, reads: list[_ToRead], digest: PartDigest | None = None,
               keep_hits: bool = True) -> _PartRead:
    """One process's share of a split pass (in the child, with the reader it inherited), and
    the digest of the files it read (split_pass)."""
    part = _PartRead()
    reader.blobs, reader.blob_of = part.blobs, part.blob_of
    for item in reads:
        names = set(item.names)
        _keep(part.entries, item.rel, reader.read(item.rel, names, part.stats, item.old), names)
    _digest_part(reader, part, [item.rel for item in reads], digest, keep_hits)
    return part


def _digest_part(reader: _Reader, part: _PartRead, read: list[str],
                 digest: PartDigest | None, keep_hits: bool) -> None:
    """The digest of the files a part read, worked out in its own process; without
    `keep_hits`, its entries then hold no search hits."""
    if digest is None or not read:
        return
    view = ContentFacts(reader.root, reader.spec, use_cache=False)
    view._entries = part.entries
    try:
        part.digest = digest(view, read)
    except Exception:  # the caller works the answer out from the entries instead
        part.digest = None
    if part.digest is not None and not keep_hits:
        part.entries = _beyond_search(part.entries)


def _beyond_search(entries: dict[str, Entry]) -> dict[str, Entry]:
    """The entries that hold a fact besides the search's, without its hits: what a split
    pass that writes no cache hands on from a digested part (the judges' verdicts, hashes,
    heads), not the thousands of files that were only searched."""
    kept = {}
    for rel, entry in entries.items():
        facts = entry.facts
        if REFS in facts:
            facts = {k: v for k, v in facts.items() if k != REFS}
        if facts.keys() - _SEARCH_FACTS:
            kept[rel] = entry if facts is entry.facts else Entry(entry.key, facts)
    return kept


def _merge(order: list[str], parts: Sequence[_PartRead], result: PassResult) -> None:
    """The parts' answers as one process reading the files in `order` would have given them."""
    # Each file was answered by one of them (a known entry, or one part's read); a blob read
    # by several (files of the same bytes) has the same counts in each.
    pool: dict[str, Entry] = {}
    blob_of: dict[str, str] = {}
    counts: dict[str, tuple[int, ...]] = {}
    for part in parts:
        pool.update(part.entries)
        blob_of.update(part.blob_of)
        counts.update(part.blobs)
    pool.update(result.entries)
    result.entries = {rel: pool[rel] for rel in order if rel in pool}
    shas = dict.fromkeys(sha for rel in order if (sha := blob_of.get(rel)) is not None)
    result.blobs = {sha: counts[sha] for sha in shas}
    for part_read in parts:
        result.stats.add(part_read.stats)


def _search_only(known: dict[object, bool], asked: Iterable[str],
                 judges: Mapping[str, int]) -> bool:
    """Whether `asked` is the search and judges' facts only (a small file: the search alone),
    remembered in `known` by the asked tuple (a pass asks a handful of different ones)."""
    found = known.get(asked) if isinstance(asked, tuple) else None
    if found is None:
        found = {name for name in asked if name not in judges} == {REFS}
        if isinstance(asked, tuple):
            known[asked] = found
    return found


def _searched(known: dict[int, bool], facts: Facts, patterns_key: str) -> bool:
    """Whether `facts` hold the search's facts for these patterns, remembered in `known` by
    the dict's identity (its entries keep every dict alive for the whole pass)."""
    found = known.get(id(facts))
    if found is None:
        found = known[id(facts)] = TEXT in facts and refs_for(facts, patterns_key) is not None
    return found


def _names(spec: Spec, asked: Iterable[str], size: int) -> set[str]:
    """The facts asked of a file this big: a judge's fact exists for files of its size and up
    only, asked for or not."""
    names = set(asked)
    floors = spec.judge_floors
    if size < spec.judges_floor_max and not names.isdisjoint(floors):  # runs for every file
        for name, floor in floors.items():  # of a pass: most ask the search alone
            if size < floor:
                names.discard(name)
    return names


def _answer(reader: _Reader, rel: str, st: EntryStat, names: set[str],
            old: Entry | None, result: PassResult) -> None:
    """`rel`'s entry from `old` when it is of this very stat and holds every wanted fact,
    else from one read."""
    wanted = _wanted(reader.spec, rel, st.st_size, names)
    if not wanted:
        return  # nothing to learn from its bytes
    if old is not None and old.key == stat_key(st) and has_facts(
            old.facts, wanted, reader.patterns_key):
        result.entries[rel] = old
        result.stats.hits += 1
        return
    _keep(result.entries, rel, reader.read(rel, names, result.stats, old), names)


def _wanted(spec: Spec, rel: str, size: int, names: set[str]) -> set[str]:
    """The facts a read of `rel` computes: those asked and the spec's eager ones; a read for
    the blob counts alone computes nothing more (its file is no text searched nor judged)."""
    return names if names == _BLOB_ONLY else names | spec.wanted(rel, size)


def _blob_only(asked: Iterable[str]) -> bool:
    return isinstance(asked, tuple) and asked == (BLOB,)


def _keep(entries: dict[str, Entry], rel: str, entry: Entry | None, names: set[str]) -> None:
    """A read's entry, unless it holds no fact from a read for the blob counts alone."""
    if entry is not None and (entry.facts or names != _BLOB_ONLY):
        entries[rel] = entry


class ContentFacts:
    """The content facts of one group (a repo or a plain folder) for one scan.

    `ensure` computes what is missing; `facts` answers from what this scan has. At the end the
    engine calls `save`: entries this scan made replace the cache's, the others are kept.
    """

    def __init__(self, root: str, spec: Spec, use_cache: bool = True,
                 started_ns: int | None = None, split: SplitWhen | None = None) -> None:
        self.root = root
        # When a pass is shared with a forked child (run_pass); None: never (a process with
        # threads, as the main process with its pool, must not fork; the early job's worker
        # sets it).
        self.split = split
        self.spec = spec
        self.use_cache = use_cache
        # When the scan began reading: a file changed since (or just before) may have
        # changed again within one timestamp tick after it was read, unseen by its stat.
        self.started_ns = time.time_ns() if started_ns is None else started_ns
        self.stats = PassStats()
        self._entries: dict[str, Entry] = {}
        self._notes: dict[str, str] = {}  # set by this scan
        self._seen_notes: dict[str, str] = {}  # the cache's, as the worker read them
        self._kept: dict[str, str] | None = None  # the notes kept by earlier scans
        self._loaded: content_cache.Loaded | None = None
        self._changed = False  # an entry or a blob count learnt: the cache is written
        self._notes_changed = False  # a note set: the notes are written (content_notes)
        self._notes_at: tuple[str | None] | None = None  # notes_path, asked once
        self._blobs: dict[str, tuple[int, ...]] = {}  # learnt by this scan, for spec.needles
        # Entries taken from the early job's export (adopt), which left their search hits out
        self._adopted: dict[str, Entry] = {}
        # Given to a split pass (split_pass's digest); its parts' answers are `digests`.
        self.digest: PartDigest | None = None
        self.digests: list[object] = []
        self._index: IndexStat | None = None
        self._index_read = False
        # What the early job learns after its hand-over (its history walk's notes), adopted
        # by settle(): set by the engine in the main process; None: nothing to wait for.
        self.pending: Callable[[], None] | None = None
        # The early job's facts (engine._index_work): their notes, when kept apart
        # (content_notes), are written by the main process that adopts the export, with its
        # own, not here too: a first scan and a scan after a commit wrote the notes file
        # twice (the worker's history answers, then the main process's `asked` list or LFS
        # pointers), each write two fsyncs.
        self.notes_by_adopter = False

    def settle(self) -> None:
        """The early job's later answers adopted (waited for), once: before a look-up they
        may answer (TDY401's "last referenced"), and before the cache is saved."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending()

    def _cache(self) -> dict[str, Entry]:
        return self._load().entries

    def _load(self) -> content_cache.Loaded:
        if self._loaded is None:
            self._loaded = (content_cache.load(content_cache.cache_path(self.root), self.root,
                                               self.spec.shape, content_notes.signing_key)
                            if self.use_cache else content_cache.Loaded())
        return self._loaded

    def note(self, key: str) -> str | None:
        """An answer kept under `key` by an earlier scan (or this one): for work whose input is
        named by the key itself (a commit id), not by a file's stat."""
        if key in self._notes:
            return self._notes[key]
        if key in self._seen_notes:
            return self._seen_notes[key]
        return self._kept_notes().get(key)

    def set_note(self, key: str, value: str) -> None:
        if self.note(key) != value:
            self._notes_changed = True
        self._notes[key] = value

    def _notes_path(self) -> str | None:
        """Where the notes are kept apart from the cache (content_notes); None: in it."""
        if self._notes_at is None:
            self._notes_at = (content_notes.notes_path(self.root),)
        return self._notes_at[0]

    def _kept_notes(self) -> dict[str, str]:
        """The notes earlier scans kept: from their own file, not from the cache, whose
        load (every entry, ~25 ms on the web app) a process that only notes need not pay."""
        if self._kept is None:
            path = self._notes_path() if self.use_cache else None
            if path is not None:
                self._kept = content_notes.load(path, self.root, self.spec.shape)
            else:
                self._kept = self._load().notes
        return self._kept

    def adopt(self, result: PassResult, spec: Spec) -> None:
        """Take a pass made elsewhere (the early job) as this scan's own."""
        if spec.shape != self.spec.shape:
            return
        if spec.patterns and not self.spec.patterns:
            self.spec = self.spec.with_patterns(spec.patterns)
        if spec.needles and not self.spec.needles:
            self.spec = self.spec.with_needles(spec.needles)
        if spec.needles == self.spec.needles:
            self._blobs.update(result.blobs)
        self._entries.update(result.entries)
        self._adopted.update(result.entries)
        self._seen_notes.update(result.notes)
        if result.notes_unsaved:  # the job left its notes for this process to write
            self._notes_changed = True
        self.stats.add(result.stats)

    def with_patterns(self, patterns: Sequence[str]) -> None:
        """The reference search's patterns, known once the libraries are."""
        if tuple(patterns) != self.spec.patterns:
            self.spec = self.spec.with_patterns(patterns)

    def with_needles(self, needles: Sequence[str]) -> None:
        """The strings whose history is asked (tidy.workspace.pickaxe): counted in every file
        read whole from now on, by blob id."""
        if tuple(needles) != self.spec.needles:
            self.spec = self.spec.with_needles(needles)
            self._blobs = {}

    # BlobCounts (tidy.workspace.pickaxe): the history walk's counts of the needles per blob
    def blob_needles(self) -> tuple[str, ...]:
        return self.spec.needles

    def blob_counts(self, sha: str) -> tuple[int, ...] | None:
        found = self._blobs.get(sha)
        if found is not None:
            return found
        table = self._load().blobs
        return table.get(sha) if table.needles == self.spec.needles else None

    def learn_blob(self, sha: str, counts: tuple[int, ...]) -> None:
        if sha not in self._blobs:
            self._blobs[sha] = counts
            self._changed = True

    def ensure(self, requests: Mapping[str, Iterable[str]]) -> None:
        entries = self._entries  # what _has asks, without a call per file (thousands)
        # Nothing known yet of any requested file (a scan's first pass, its biggest: every
        # file of the early job's, after library discovery's few): all of it missing, as it
        # is. The requests this scan has are found by one intersection of the two key sets,
        # not a test per requested file (250k bench tree: 21,700 of them, ~2 ms).
        have = entries.keys() & requests.keys() if entries else None
        missing = requests if not have else {
            rel: names for rel, names in requests.items()
            if rel not in have or not self._has(rel, names)}
        if not missing:
            return
        cache = self._cache()
        # What is known of the missing files (run_pass only looks them up): the cache itself
        # when this scan knows nothing yet; this scan's entries over a copy of the cache when
        # many are missing (a copy in C, not a look-up in both per file: ~5 ms of the 250k
        # tree's warm early job); else those of the missing files only, no copy of the
        # whole cache per ensure (library discovery asks file by file).
        if not entries:
            known: Mapping[str, Entry] = cache
        elif 8 * len(missing) >= len(cache):
            known = {**cache, **entries}
        else:
            known = {rel: entry for rel in missing
                     if (entry := entries.get(rel) or cache.get(rel)) is not None}
        result = run_pass(self.root, missing, self.spec, known, self.split,
                          digest=self.digest, keep_hits=self.use_cache,
                          index=self._index_stat if self.spec.needles else None)
        self.digests += result.digests
        self._entries.update(result.entries)
        self._blobs.update(result.blobs)
        self.stats.add(result.stats)
        self._changed = self._changed or result.stats.files_read > 0

    def _index_stat(self) -> IndexStat | None:
        """git's index of the repo at root, read once, when a pass counts needles (computes
        blob ids): before a split pass forks, so both processes have it."""
        if not self.spec.needles:
            return None
        if not self._index_read:
            self._index_read = True
            self._index = read_index_stat(self.root)
        return self._index

    def _has(self, rel: str, names: Iterable[str]) -> bool:
        entry = self._entries.get(rel)
        return entry is not None and has_facts(entry.facts, names, self.spec.patterns_key)

    def forget(self, rel: str) -> None:
        """Drop what is known of `rel` (a fact that did not decode): the next ensure reads it."""
        self._entries.pop(rel, None)
        self._cache().pop(rel, None)

    def head(self, rel: str, limit: int) -> bytes:
        """At most `limit` bytes of the file's start (read_head's answer, b"" when it cannot be
        read), kept like any fact: what library discovery reads, a rescan need not."""
        name = f"{HEAD}{limit}"
        self.ensure({rel: (name,)})
        value = (self.facts(rel) or {}).get(name)
        return value.encode("latin-1") if isinstance(value, str) else b""

    def export(self) -> PassResult:
        """What the main process may still ask of the worker's early pass (which saved the
        cache itself): the entries with a judge's verdict or a hash, and the cache's notes.
        The search's hits stay behind: the early job turned them into its matches."""
        judged = frozenset(j.name for j in self.spec.judges) | {HASH}
        # Without their search hits too (web app: 350 of the 380 kB pickled, ~10 ms of the
        # worker's and the main process's time after the pass): the main process has the
        # early job's matches, and its save keeps the hits the worker's cache holds
        # (_kept_adopted). Worked out once per facts dict, by identity (the cache's entries
        # share one per distinct set, and `_entries` keeps each alive): a warm scan of the
        # 250k bench tree exports a handful of its 21,700 entries (~8 -> ~3 ms).
        slim: dict[int, Facts | None] = {}
        entries: dict[str, Entry] = {}
        for rel, e in self._entries.items():
            facts = e.facts
            key = id(facts)
            if key in slim:
                kept = slim[key]
            else:
                kept = slim[key] = _exported_facts(facts, judged)
            if kept is not None:
                entries[rel] = e if kept is facts else Entry(e.key, kept)
        notes = {**self._kept_notes(), **self._notes} if self.use_cache else dict(self._notes)
        # The blobs this scan counted: with the cache the main process finds them there, not
        # without it (--no-cache), when its own history walk may need them.
        blobs = {} if self.use_cache else dict(self._blobs)
        return PassResult(entries, self.stats, notes, blobs, notes_unsaved=self._left_notes())

    def export_since(self, earlier: PassResult) -> PassResult:
        """What export() holds now and `earlier` (this pass's export) did not: the notes and
        blob counts learnt since (the early job's history walk, after its hand-over), no
        entry. adopt() of both is adopt() of an export made now."""
        notes = {**self._kept_notes(), **self._notes} if self.use_cache else self._notes
        blobs = {} if self.use_cache else self._blobs
        return PassResult({}, PassStats(),
                          {key: value for key, value in notes.items()
                           if earlier.notes.get(key) != value},
                          {sha: counts for sha, counts in blobs.items()
                           if earlier.blobs.get(sha) != counts},
                          notes_unsaved=self._left_notes())

    def _left_notes(self) -> bool:
        """Whether this job's new notes are left to the process adopting its export (kept
        apart only: notes inside the cache are saved with it, by this job)."""
        return (self.notes_by_adopter and self._notes_changed and self.use_cache
                and self._notes_path() is not None)

    def facts(self, rel: str) -> Facts | None:
        entry = self._entries.get(rel)
        return entry.facts if entry is not None else None

    def key(self, rel: str) -> StatKey | None:
        entry = self._entries.get(rel)
        return entry.key if entry is not None else None

    def hits(self, rel: str) -> list[Hit] | None:
        """The reference search's hits in `rel` for the current patterns; None when it was
        not searched (not text, gone, unreadable)."""
        facts = self.facts(rel)
        if facts is None:
            return None
        return self.hits_in(facts)

    def hits_of(self, rels: Iterable[str]) -> Iterator[tuple[str, list[Hit] | None]]:
        """hits() of each of `rels`, as (rel, hits) pairs: hits_all's."""
        paths = list(rels)
        return zip(paths, self.hits_all(paths), strict=True)

    def hits_all(self, rels: list[str]) -> list[list[Hit] | None]:
        """hits() of each of `rels`, in order, worked out once per facts dict: the cache's
        entries share one per distinct set of facts (run_pass's `searched`), and a warm scan
        of the 250k bench tree asks 21,700 files holding a handful. Whole-list steps in C
        (look-ups, identities), not a Python step per file (~6 -> ~2 ms there). The lists
        handed out may be shared: they are not to be changed."""
        entries = self._entries
        facts = list(map(_FACTS, map(entries.get, rels, itertools.repeat(_NO_ENTRY))))
        ids = list(map(id, facts))  # `facts` keeps each dict alive: no id is reused
        known = {key: self.hits_in(f) for key, f in dict(zip(ids, facts, strict=True)).items()}
        return list(map(known.__getitem__, ids))

    def hits_in(self, facts: Facts) -> list[Hit] | None:
        """hits() of a file with these facts."""
        if facts.get(TEXT) is not True:
            return None
        refs = refs_for(facts, self.spec.patterns_key)
        if refs is None:
            return None
        if not refs:
            return []  # most files: nothing found (no generator to set up per file)
        return _rows_expanded(refs)

    def cached(self, rel: str, key: StatKey) -> bytes | None:
        """The sha256 of `rel` when this scan or the cache has it for this very stat (the
        duplicate pass's own listing saw the file so); never reads the file."""
        entry = self._entries.get(rel)
        if entry is None or entry.key != key:
            entry = self._cache().get(rel)
        if entry is None or entry.key != key:
            return None
        value = entry.facts.get(HASH)
        if not isinstance(value, str) or len(value) != 64:
            return None
        try:
            return bytes.fromhex(value)
        except ValueError:
            return None

    def remember(self, rel: str, key: StatKey, digest: bytes) -> None:
        """A hash the duplicate pass computed from the file with this stat."""
        entry = self._entries.get(rel) or self._cache().get(rel)
        facts = dict(entry.facts) if entry is not None and entry.key == key else {}
        if facts.get(HASH) == digest.hex():
            if entry is not None:
                self._entries.setdefault(rel, entry)
            return
        facts[HASH] = digest.hex()
        self._entries[rel] = Entry(key, facts)
        self._changed = True

    def save(self) -> bool:
        """Write what this scan learnt: its notes apart when they have a file of their own
        (content_notes), and the cache only when an entry or a blob count is new. A scan
        that only noted something (the main process after the early job saved the cache,
        on a first scan and after each commit) writes the small file, not the cache again."""
        if not self.use_cache:
            return False
        apart = self._notes_path() is not None
        # The early job's notes apart: written by the main process, with its own (adopt)
        saved = (apart and self._notes_changed and not self.notes_by_adopter
                 and self._save_notes())
        if self._changed or (self._notes_changed and not apart):
            saved = self._save_cache(apart) or saved
        return saved

    def _save_notes(self) -> bool:
        path = self._notes_path()
        if path is None:
            return False
        # The worker's notes too (adopted, as it exported them): this process may have read
        # the file before the worker last wrote it, and must not write their answers away.
        saved = content_notes.save(
            path, self.root, self.spec.shape,
            {**self._kept_notes(), **self._seen_notes, **self._notes}, dict(self._notes))
        if saved:
            from tidy.workspace import cache_registry

            cache_registry.register(self.root)  # for `tidy trash purge`
        return saved

    def _save_cache(self, notes_apart: bool) -> bool:
        """Write the cache (with the notes in it when they have no file of their own)."""
        path = content_cache.cache_path(self.root)
        if path.startswith(os.path.join(state_dir(), "")) and not _state_folder_ready(path):
            return False
        # What this scan did not look at is kept while its file is still there (a scan of
        # some rules only leaves the others' facts); bounded: past MAX_ENTRIES it goes first.
        untouched = {rel: e for rel, e in self._cache().items() if rel not in self._entries}
        merged = {rel: e for rel, e in untouched.items()
                  if _inside(rel) and os.path.lexists(os.path.join(self.root, rel))}
        if len(merged) + len(self._entries) > content_cache.MAX_ENTRIES:
            merged = {}
        merged.update(self._kept_adopted())
        # A file with a great many search hits is read again rather than kept: the cache
        # stays small, and the answer is the same.
        # Nor is a file whose mtime or ctime is not clearly older than the scan: it may have
        # changed within the tick of its read (racy, as in git), so it is read next time.
        kept = {rel: e for rel, e in merged.items()
                if _hit_count(e) <= _MAX_CACHED_HITS and not racy(e.key, self.started_ns)}
        notes = {} if notes_apart else {**self._load().notes, **self._notes}
        if len(notes) > content_cache.MAX_NOTES:
            notes = dict(self._notes)
        saved = content_cache.save(path, self.root, self.spec.shape, kept, notes,
                                   self._blob_table(), content_notes.signing_key)
        if saved:
            from tidy.workspace import cache_registry

            if path.startswith(os.path.join(state_dir(), "")):  # the plain folders' caches
                cache_registry.bound_state_caches(os.path.basename(path))  # stay bounded
            else:
                cache_registry.register(self.root)  # in the git dir: for `tidy trash purge`
        return saved

    def _kept_adopted(self) -> dict[str, Entry]:
        """This scan's entries to save: one adopted from the early job's export and not
        replaced since lacks the search hits the cache (written by that job) holds for the
        very same stat, which are kept with it."""
        if not self._adopted:
            return self._entries
        cache = self._cache()
        entries = dict(self._entries)
        for rel, entry in self._adopted.items():
            old = cache.get(rel)
            if entries.get(rel) is entry and old is not None and old.key == entry.key:
                entries[rel] = Entry(entry.key, merged_facts(old.facts, entry.facts))
        return entries

    def _blob_table(self) -> BlobTable | None:
        """The cache's blob table with what this scan counted (of the same needles)."""
        if not self.spec.needles:
            return self._load().blobs  # kept as it was: this scan asked no history
        table = self._load().blobs
        if not self._blobs:
            return table if table.needles == self.spec.needles else None
        known = table.items() if table.needles == self.spec.needles else {}
        if len(known) + len(self._blobs) > content_cache.MAX_BLOBS:
            known = {}
        return BlobTable(self.spec.needles, counts={**known, **self._blobs})


def _exported_facts(facts: Facts, judged: frozenset[str]) -> Facts | None:
    """What export() hands over of an entry with these facts: None without a judge's verdict
    or a hash, else the facts without their search hits (a new dict; the same when there
    are none)."""
    if judged.isdisjoint(facts):
        return None
    if REFS not in facts:
        return facts
    return {k: v for k, v in facts.items() if k != REFS}


def _hit_count(entry: Entry) -> int:
    return sum(len(hits) for _, hits in _refs_pairs(entry.facts.get(REFS))
               if isinstance(hits, list))


def _compact_hits(hits: Iterable[Hit]) -> list[list[object]]:
    """Hits as the cache keeps them: a line's text with its first hit only ([pattern, line,
    text]), later hits on that line as [pattern, line]. Several patterns, or one pattern
    several times, on one long (minified) line are common: on the web app 16,548 hits held
    4,869 distinct lines, and the repeated text was 1.35 of the cache's 2.95 MB."""
    written: set[int] = set()
    out: list[list[object]] = []
    for pattern, line, text in hits:
        if line in written:
            out.append([pattern, line])
        else:
            written.add(line)
            out.append([pattern, line, text])
    return out


def _expanded_hits(raw_hits: list[object]) -> list[Hit]:
    """_compact_hits undone. The cache is untrusted: a hit that is not one of the two shapes,
    or names a line no earlier hit gave the text of, is left out."""
    texts: dict[int, str] = {}
    hits: list[Hit] = []
    for raw in raw_hits:
        if type(raw) is not list or type(raw[0] if raw else None) is not int:
            continue
        if len(raw) == 3 and type(raw[1]) is int and isinstance(raw[2], str):
            texts.setdefault(raw[1], raw[2])
            hits.append((raw[0], raw[1], texts[raw[1]]))
        elif len(raw) == 2 and type(raw[1]) is int and raw[1] in texts:
            hits.append((raw[0], raw[1], texts[raw[1]]))
    return hits


_hit_rows, _rows_expanded = _load_hit_rows()


def _state_folder_ready(path: str) -> bool:
    """A plain folder's cache lives in the state folder: it must exist (made private)."""
    from tidy.core.state import StateError, ensure_private

    try:
        ensure_private(os.path.dirname(os.path.dirname(path)))
    except (OSError, StateError):
        return False
    return True
