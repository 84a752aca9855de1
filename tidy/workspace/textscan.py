"""One pass over a repo's text files looking for many literal strings at once.

Every pattern goes into one Aho-Corasick automaton (ahocorasick-rs, the Rust crate ripgrep
uses), so the cost is one read and one scan per file however many libraries are looked for.
Matching is case-insensitive: haystacks are lower-cased bytes. The reading and matching are
the content pass's (tidy.workspace.content): the same read feeds every content rule, and its
cache answers a rescan.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from tidy.workspace.beneath import open_beneath
from tidy.workspace.content import REFS, ContentFacts, Spec, read_all
from tidy.workspace.git import split_z, start_git
from tidy.workspace.measure import open_folder

if TYPE_CHECKING:
    from tidy.workspace.untracked_cache import Probe

_BINARY_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp", ".tif", ".tiff", ".psd",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst",
    ".7z", ".rar", ".jar", ".war", ".whl", ".egg", ".pyc", ".pyo", ".so", ".dll", ".dylib",
    ".exe", ".o", ".a", ".class", ".wasm", ".pdf", ".mp3", ".mp4", ".mov", ".avi", ".webm",
    ".ogg", ".wav", ".flac", ".sqlite", ".db", ".pkl", ".npy", ".npz", ".h5", ".parquet",
    ".map",
})
_LOCKFILES = frozenset({
    "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "poetry.lock", "uv.lock",
    "Cargo.lock", "composer.lock", "Gemfile.lock", "Pipfile.lock", "pdm.lock", "go.sum",
})


_FIRST_READ = 64 * 1024  # below malloc's mmap threshold: no page mapping per small file
# Never through a link, never stuck on a FIFO.
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


class Match(NamedTuple):
    """One occurrence of a pattern. A named tuple, not a dataclass: the early job hands the
    scan's matches (19,290 on the web-app bench tree) from its worker to the main process,
    and a tuple pickles in a quarter of the time (2.8 MB of frozen dataclasses took 30 ms to
    load on the critical path, after the walk)."""

    path: str  # repo-relative file
    pattern: int  # index into the patterns
    line_no: int
    line: str  # the whole line, stripped, at most content.LINE_SHOWN characters


_MAX_PATHSPECS = 2000  # past this, filter in Python rather than on git's command line


def text_files(
    repo: str, skip: Sequence[str] = (), tracked: Sequence[str] | None = None
) -> list[str]:
    """Tracked and untracked-not-ignored files outside the `skip` folders (caches, artifacts).

    `tracked` (sorted, as GitFacts holds it) saves listing the index again. The folders are
    passed to git as exclude pathspecs, so git does not walk into them.
    """
    return PendingFiles(repo, skip, tracked).result()


class PendingFiles:
    """text_files with git started now and read later, so it works while Python goes on."""

    def __init__(self, repo: str, skip: Sequence[str] = (),
                 tracked: Sequence[str] | None = None, use_cache: bool = False) -> None:
        self._skip, self._tracked = list(skip), tracked
        args = ["ls-files", "-z", "--others", "--exclude-standard"]
        if tracked is None:
            args.append("--cached")
        if skip and len(skip) <= _MAX_PATHSPECS:
            args += ["--", ".", *(f":(exclude,top,literal){s}" for s in skip)]
        # The untracked files alone (`tracked` given) are git's walk of the tree: kept
        # between scans under what they depend on (workspace/untracked_cache).
        self._probe: Probe | None = None
        if use_cache and tracked is not None:
            from tidy.workspace.untracked_cache import Probe  # only a scan with a cache needs it

            self._probe = Probe(repo, args)
        kept = self._probe.kept() if self._probe is not None else None
        self._kept = kept
        self._git = start_git(repo, *args) if kept is None else None

    @property
    def skip(self) -> tuple[str, ...]:
        return tuple(self._skip)

    def result(self, also_skip: Sequence[str] = ()) -> list[str]:
        """The files; `also_skip`: folders left out here as `skip` leaves them out (for a
        listing started before they were known)."""
        listed = split_z(self._output())
        skip = self._skip
        if self._tracked is not None:
            listed = [*outside(self._tracked, skip), *listed]
        skipped = frozenset((*skip, *also_skip))
        prefixes = tuple(s + "/" for s in skip) if len(skip) > _MAX_PATHSPECS else ()
        prefixes += tuple(s + "/" for s in also_skip)
        return [p for p in dict.fromkeys(listed) if may_be_text(p) and p not in skipped
                and not (prefixes and p.startswith(prefixes))]

    def _output(self) -> bytes:
        if self._kept is not None:
            return self._kept
        assert self._git is not None
        out = self._git.output()
        if self._probe is not None:
            self._probe.save(out)
            self._probe = None
        self._kept = out
        return out

    def stop(self) -> None:
        """Not wanted after all: git is stopped and reaped."""
        if self._git is not None:
            self._git.stop()


def outside(paths: Sequence[str], folders: Iterable[str]) -> list[str]:
    """`paths` (sorted) less those inside any of `folders`: a slice per folder, not a test
    per path."""
    cuts = []
    for folder in folders:
        prefix = folder + "/"
        start = bisect.bisect_left(paths, prefix)
        end = bisect.bisect_left(paths, prefix + "\U0010ffff", lo=start)
        if end > start:
            cuts.append((start, end))
    kept: list[str] = []
    position = 0
    for start, end in sorted(cuts):
        if start > position:
            kept.extend(paths[position:start])
        position = max(position, end)
    kept.extend(paths[position:])
    return kept


def may_be_text(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    if name in _LOCKFILES:
        return False
    dot = name.rfind(".")
    return dot < 0 or name[dot:].lower() not in _BINARY_SUFFIXES


def read_head(repo: str | int, path: str, limit: int) -> bytes:
    """At most `limit` bytes of a regular file, never through a link (at any level of its
    path, when `repo` is a descriptor: tidy.workspace.beneath); b"" on any error.

    `repo` is the folder's path, or a descriptor of it (open_repo): with thousands of files
    to read, the kernel then resolves only the relative path, not the whole one each time.
    """
    try:
        if isinstance(repo, int):
            fd = open_beneath(repo, path, _READ_FLAGS)
        else:
            fd = os.open(os.path.join(repo, path), _READ_FLAGS)
    except OSError:
        return b""
    try:
        # Most files fit in the first read, which is all they cost besides open and close;
        # only a full first chunk (a big file, or something that is no file) is looked at.
        data = os.read(fd, min(limit, _FIRST_READ))
        if len(data) < _FIRST_READ or len(data) >= limit:
            return data
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return data + read_all(fd, limit - len(data))
    except OSError:
        return b""
    finally:
        os.close(fd)


def open_repo(repo: str) -> int:
    """A descriptor of the folder `repo` for read_head; -1 when it cannot be opened."""
    try:
        return open_folder(repo) if os.open in os.supports_dir_fd else -1
    except OSError:
        return -1


def search(repo: str, files: Iterable[str], patterns: Sequence[str],
           content: ContentFacts | None = None) -> tuple[list[Match], int]:
    """Every occurrence of every pattern in `files`, and how many files were searched: the
    content pass's reference search (through `content`, and so its cache, when given)."""
    matches, searched = search_paths(repo, files, patterns, content)
    return matches, len(searched)


# Per file, a test of its hits (pattern index, line number, line) -> keep it; None: keep all.
HitFilter = Callable[[str], Callable[[int, int, str], bool] | None]


def search_paths(repo: str, files: Iterable[str], patterns: Sequence[str],
                 content: ContentFacts | None = None,
                 keep: HitFilter | None = None,
                 ensured: bool = False) -> tuple[list[Match], list[str]]:
    """search(), with the files that were searched (text) rather than their number; with
    `keep`, only the matches it keeps are made (the early job's hand-over). `ensured`: the
    caller's `content` already holds these files' search facts for these patterns (a file it
    could not read has none, and is not searched, as here)."""
    if not patterns:
        return [], []
    if content is None:
        content = ContentFacts(repo, Spec(tuple(patterns)), use_cache=False)
    else:
        content.with_patterns(patterns)
    paths = list(files)
    if not ensured:
        content.ensure({path: (REFS,) for path in paths})
    matches: list[Match] = []
    # One str per distinct line: a line hit by several patterns, or the same line in many
    # files, is pickled once when the early job hands its matches over (web-app bench tree:
    # 19,290 matches, 2,479 distinct lines).
    lines: dict[str, str] = {}
    found = content.hits_all(paths)
    # The files searched (text: hits not None) and those with a hit (a list not empty), each
    # taken out in one pass in C: most files of a repo have no hit (250k bench tree: 21,700
    # files, a handful with one)
    searched = list(itertools.compress(paths, map(operator.is_not, found,
                                                  itertools.repeat(None))))
    for path, hits in itertools.compress(zip(paths, found, strict=True), found):
        if not hits:  # none here: compress took the lists not empty
            continue
        wanted = keep(path) if keep is not None else None
        if wanted is not None:
            hits = [hit for hit in hits if wanted(*hit)]
        if hits:
            matches += [Match(path, pattern, line_no, lines.setdefault(line, line))
                        for pattern, line_no, line in hits]
    return matches, searched
