"""What git history holds: every blob ever committed, its size, and where it came from.

One streaming pipeline, the way git-sizer walks history (research/bloat-ci.md section 2.4):

    git rev-list --objects --in-commit-order --topo-order --reverse <revs>
      | git cat-file --batch-check='%(objecttype) %(objectname) %(objectsize)
                                    %(objectsize:disk) %(rest)'   (one line)

The two git processes are joined by an OS pipe; Python reads only cat-file's answers. No blob
contents are read. `--in-commit-order --reverse` prints each commit (oldest first) followed by
the trees and blobs it is the first to reference, so the commit that added a blob is known
from the line order alone. `%(rest)` carries rev-list's path through cat-file.

Only the top N blobs are kept in memory, plus per-extension and per-folder totals; a second,
narrow walk (`git log --find-object=...`) names every path the top blobs ever had.
"""

from __future__ import annotations

import heapq
import json
import os
import re
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from tidy.core.processes import running
from tidy.workspace import fifo_guard, pickaxe
from tidy.workspace.git import GitUnavailable, git_dir, git_env, git_executable, run_git
from tidy.workspace.pickaxe import BlobCounts, Found

_OBJECT_ID = re.compile(rb"[0-9a-f]{40}|[0-9a-f]{64}")
BATCH_FORMAT = "%(objecttype) %(objectname) %(objectsize) %(objectsize:disk) %(rest)"
NO_EXTENSION = "<no extension>"
TOPLEVEL = "<toplevel>"


class ShallowClone(RuntimeError):
    """History analysis of a shallow clone would silently miss the cut-off part."""


@dataclass(frozen=True)
class BlobRecord:
    """One blob as the pipeline saw it: the first path and the first commit that held it."""

    sha: str
    size: int  # unpacked bytes (`%(objectsize)`)
    disk: int  # bytes in the object store as packed now (`%(objectsize:disk)`)
    path: str
    commit: str


@dataclass(frozen=True)
class HistoryBlob:
    """A blob of the history with its sizes, the paths it had, and those it has at HEAD."""

    sha: str
    size: int
    disk: int
    path: str  # the first path rev-list met it under
    commit: str  # the oldest commit (in reverse topological walk order) that holds it
    paths: tuple[str, ...]  # every path it had in any commit, sorted
    head_paths: tuple[str, ...]  # paths at HEAD whose content is this blob

    @property
    def at_head(self) -> bool:
        return bool(self.head_paths)


@dataclass(frozen=True)
class Total:
    """The history's blobs under one name: an extension, a folder, or the top level."""

    name: str  # an extension (".bin"), a folder ("data/raw") or TOPLEVEL / NO_EXTENSION
    size: int
    disk: int
    blobs: int


@dataclass(frozen=True)
class HistoryAnalysis:
    """What the walk of a repo's history found: its counts, sizes and biggest blobs."""

    root: str
    commits: int
    blobs: int
    blob_bytes: int
    blob_disk: int
    object_disk: int  # packed size of every reachable object: commits, trees, tags, blobs
    repo_disk: int  # `git count-objects -v`: packs + loose objects, reachable or not
    top: tuple[HistoryBlob, ...]
    by_extension: tuple[Total, ...]  # biggest first
    by_directory: tuple[Total, ...]  # biggest first, each folder including its subfolders
    head_paths: frozenset[str] = field(default_factory=frozenset)


def is_shallow(root: str) -> bool:
    directory = git_dir(root)
    if directory is None:
        return False
    common = _common_dir(directory)
    return os.path.exists(os.path.join(common, "shallow"))


def _common_dir(directory: str) -> str:
    """A worktree's git dir keeps `shallow` in the main repo's dir (named by `commondir`)."""
    try:
        with open(os.path.join(directory, "commondir"), encoding="utf-8") as f:
            return os.path.normpath(os.path.join(directory, f.read().strip()))
    except OSError:
        return directory


class BlobStream:
    """Every blob reachable from `revs` once, commits yielded as their sha (a str).

    After iteration `object_disk` holds the packed bytes of every object that went by
    (commits, trees and tags too), so no second walk is needed for the repo's packed size.
    Iterating raises GitUnavailable with git's own message when a revision is unknown.
    """

    def __init__(self, root: str, revs: Sequence[str] = ("--all",)) -> None:
        self.root = root
        self.revs = tuple(revs)
        self.object_disk = 0

    def __iter__(self) -> Iterator[BlobRecord | str]:
        git = git_executable()
        env = git_env(self.root)
        # Left early (the reader stopped, an exception, Ctrl-C): both killed and reaped.
        with running([git, "-C", self.root, "rev-list", "--objects", "--in-commit-order",
                      "--topo-order", "--reverse", *self.revs, "--"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as rev_list:
            assert rev_list.stdout is not None
            with running([git, "-C", self.root, "cat-file", f"--batch-check={BATCH_FORMAT}",
                          "--buffer"], stdin=rev_list.stdout, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env) as cat_file:
                rev_list.stdout.close()  # cat-file owns the read end: rev-list gets SIGPIPE
                yield from self._parse(cat_file)
                _finish(rev_list, cat_file)  # read to the end: git's exit statuses checked

    def _parse(self, cat_file: subprocess.Popen[bytes]) -> Iterator[BlobRecord | str]:
        assert cat_file.stdout is not None
        commit = ""
        fsdecode = os.fsdecode
        disk_total = 0
        try:
            for line in cat_file.stdout:
                kind, sha, size, disk, rest = line.rstrip(b"\n").split(b" ", 4)
                if kind == b"missing":
                    continue  # a promisor (partial) clone: the object is not here to measure
                disk_total += int(disk)
                if kind == b"blob":
                    yield BlobRecord(sha.decode(), int(size), int(disk), fsdecode(rest), commit)
                elif kind == b"commit":
                    commit = sha.decode()
                    yield commit
        finally:
            self.object_disk = disk_total


def stream_blobs(root: str, revs: Sequence[str] = ("--all",)) -> Iterator[BlobRecord | str]:
    """Every blob reachable from `revs` once, with commits yielded as their sha (a str)."""
    return iter(BlobStream(root, revs))


def _finish(rev_list: subprocess.Popen[bytes], cat_file: subprocess.Popen[bytes]) -> None:
    if cat_file.stdout is not None:
        cat_file.stdout.close()
    cat_error = cat_file.stderr.read() if cat_file.stderr is not None else b""
    rev_error = rev_list.stderr.read() if rev_list.stderr is not None else b""
    cat_file.wait()
    rev_list.wait()
    for proc in (cat_file, rev_list):
        if proc.stderr is not None:
            proc.stderr.close()
    if rev_list.returncode not in (0, -13):  # -13: SIGPIPE after the reader stopped early
        raise GitUnavailable(_first_line(rev_error) or "git rev-list failed")
    if cat_file.returncode != 0:
        raise GitUnavailable(_first_line(cat_error) or "git cat-file failed")


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else ""


@dataclass
class _Tally:
    """Running totals while the stream goes by; memory grows with folders, not blobs."""

    top_n: int
    commits: int = 0
    blobs: int = 0
    blob_bytes: int = 0
    blob_disk: int = 0
    heap: list[tuple[int, str, BlobRecord]] = field(default_factory=list)
    by_ext: dict[str, list[int]] = field(default_factory=dict)
    by_dir: dict[str, list[int]] = field(default_factory=dict)  # immediate parent only

    def add(self, blob: BlobRecord) -> None:
        self.blobs += 1
        self.blob_bytes += blob.size
        self.blob_disk += blob.disk
        _bump(self.by_ext, extension(blob.path), blob)
        slash = blob.path.rfind("/")
        _bump(self.by_dir, blob.path[:slash] if slash >= 0 else TOPLEVEL, blob)
        entry = (blob.size, blob.sha, blob)
        if len(self.heap) < self.top_n:
            heapq.heappush(self.heap, entry)
        elif self.top_n and entry > self.heap[0]:
            heapq.heapreplace(self.heap, entry)


def _bump(table: dict[str, list[int]], key: str, blob: BlobRecord) -> None:
    slot = table.get(key)
    if slot is None:
        table[key] = [blob.size, blob.disk, 1]
    else:
        slot[0] += blob.size
        slot[1] += blob.disk
        slot[2] += 1


def extension(path: str) -> str:
    """The extension as git filter-repo counts it: from the last dot of the file name."""
    name = path.rsplit("/", 1)[-1]
    ext = os.path.splitext(name)[1]
    return ext if ext else NO_EXTENSION


def roll_up(by_parent: dict[str, list[int]]) -> dict[str, list[int]]:
    """Per-folder totals including subfolders, from totals of each blob's own folder."""
    rolled: dict[str, list[int]] = {}
    for folder, (size, disk, count) in by_parent.items():
        if folder == TOPLEVEL:
            _add_to(rolled, TOPLEVEL, size, disk, count)
            continue
        parts = folder.split("/")
        for depth in range(1, len(parts) + 1):
            _add_to(rolled, "/".join(parts[:depth]), size, disk, count)
    return rolled


def _add_to(table: dict[str, list[int]], key: str, size: int, disk: int, count: int) -> None:
    slot = table.setdefault(key, [0, 0, 0])
    slot[0] += size
    slot[1] += disk
    slot[2] += count


def _totals(table: dict[str, list[int]], limit: int) -> tuple[Total, ...]:
    ranked = sorted(table.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return tuple(Total(name, v[0], v[1], v[2]) for name, v in ranked)


def analyze(
    root: str, revs: Sequence[str] = ("--all",), top: int = 10, totals: int = 10,
    all_paths: bool = True,
) -> HistoryAnalysis:
    """The biggest blobs reachable from `revs`, totals per extension and folder, packed sizes.

    Raises ShallowClone for a shallow clone and GitUnavailable when git fails.
    """
    if is_shallow(root):
        raise ShallowClone(
            f"{root} is a shallow clone: its history is cut off, so big blobs in the missing "
            "part cannot be found; run `git fetch --unshallow` and scan again"
        )
    with _start_head_listing(root) as head, _start(root, "count-objects", "-v") as count:
        tally = _Tally(top)
        stream = BlobStream(root, revs)
        for item in stream:
            if isinstance(item, str):
                tally.commits += 1
                continue
            tally.add(item)
        chosen = sorted(tally.heap, reverse=True)
        head_paths = _read_head(head, {entry[1] for entry in chosen})
        repo_disk = _read_count_objects(count)
    paths = _all_paths(root, revs, [e[1] for e in chosen]) if all_paths and chosen else {}
    blobs = tuple(_history_blob(e[2], paths, head_paths[0]) for e in chosen)
    return HistoryAnalysis(
        root=root,
        commits=tally.commits,
        blobs=tally.blobs,
        blob_bytes=tally.blob_bytes,
        blob_disk=tally.blob_disk,
        object_disk=stream.object_disk,
        repo_disk=repo_disk,
        top=blobs,
        by_extension=_totals(tally.by_ext, totals),
        by_directory=_totals(roll_up(tally.by_dir), totals),
        head_paths=head_paths[1],
    )


def _history_blob(
    record: BlobRecord, paths: dict[str, set[str]], at_head: dict[str, list[str]]
) -> HistoryBlob:
    every = {record.path, *paths.get(record.sha, ()), *at_head.get(record.sha, ())}
    return HistoryBlob(
        sha=record.sha,
        size=record.size,
        disk=record.disk,
        path=record.path,
        commit=record.commit,
        paths=tuple(sorted(every)),
        head_paths=tuple(sorted(at_head.get(record.sha, ()))),
    )


def _start(root: str, *args: str) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """git running beside the caller, stopped and reaped however its block is left."""
    return running([git_executable(), "-C", root, *args], stdout=subprocess.PIPE,
                   stderr=subprocess.DEVNULL, env=git_env(root))


def _start_head_listing(root: str) -> AbstractContextManager[subprocess.Popen[bytes]]:
    return _start(root, "ls-tree", "-r", "-z", "--full-tree", "HEAD")


def _read_head(
    proc: subprocess.Popen[bytes], wanted: set[str]
) -> tuple[dict[str, list[str]], frozenset[str]]:
    """(sha -> paths at HEAD for the wanted blobs, every path at HEAD); empty without HEAD."""
    out = _output(proc)
    if out is None or proc.returncode != 0:
        return {}, frozenset()
    found: dict[str, list[str]] = {}
    every: set[str] = set()
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        path = os.fsdecode(raw_path)
        every.add(path)
        sha = meta.rsplit(b" ", 1)[-1].decode()
        if sha in wanted:
            found.setdefault(sha, []).append(path)
    return found, frozenset(every)


def _output(proc: subprocess.Popen[bytes]) -> bytes | None:
    """What git printed; None when it stayed blocked on a FIFO (its config, an attributes
    file) that fifo_guard could not let go."""
    try:
        out, _ = fifo_guard.communicate(proc)
    except fifo_guard.FifoBlocked:
        return None
    return out


def _read_count_objects(proc: subprocess.Popen[bytes]) -> int:
    out = _output(proc) or b""
    values: dict[str, int] = {}
    for line in out.decode("ascii", "replace").splitlines():
        key, _, value = line.partition(":")
        if value.strip().isdigit():
            values[key.strip()] = int(value.strip())
    return (values.get("size-pack", 0) + values.get("size", 0)) * 1024


def _all_paths(root: str, revs: Sequence[str], shas: list[str]) -> dict[str, set[str]]:
    """Every path each blob had, from one `git log --find-object` walk over the same revs."""
    args = ["log", "--format=", "--raw", "--no-abbrev", "--no-renames", "-z", "-m",
            *(f"--find-object={sha}" for sha in shas), *revs, "--"]
    try:
        out = run_git(root, *args)
    except GitUnavailable:
        return {}
    return _parse_raw_paths(out, set(shas))


def _parse_raw_paths(out: bytes, wanted: set[str]) -> dict[str, set[str]]:
    """Paths of `--raw -z` records (`:mode mode sha sha status\\0path\\0`) with a wanted blob."""
    found: dict[str, set[str]] = {}
    fields = out.split(b"\0")
    index = 0
    while index < len(fields):
        meta = fields[index].lstrip(b"\n")
        if not meta.startswith(b":"):
            index += 1
            continue
        parts = meta.split(b" ")
        path = os.fsdecode(fields[index + 1]) if index + 1 < len(fields) else ""
        index += 2
        for sha in (parts[2].decode(), parts[3].decode()):
            if sha in wanted:
                found.setdefault(sha, set()).add(path)
    return found


class Notes(Protocol):
    """Where answers are kept between scans (tidy.workspace.content.ContentFacts)."""

    def note(self, key: str) -> str | None: ...

    def set_note(self, key: str, value: str) -> None: ...


# Below this many history bytes x paths asked, one `git log -S` per path (each inflates the
# whole history, side by side) costs less than the walk for all of them: its listing is
# parsed in Python and every file the pass reads gets a blob id. Measured on the 250k bench
# tree (a 1 MB pack, one library): git log -S 0.04 s, the walk ~0.2 s of the early job's
# CPU; on the web app (a 15.7 MB pack, five libraries) five git log -S 1.5 s, the walk 0.09 s.
WALK_MIN_WORK = 4 * 1024 * 1024


def history_size(root: str) -> int | None:
    """The bytes of the repo's objects, packed and loose (`git count-objects -v`); None when
    git could not start. A scan asks once per repo: TDY401's early job chooses the needles
    its content pass counts with it, and hands it to LastReferences' choice of method."""
    try:
        with _start(root, "count-objects", "-v") as proc:
            return _read_count_objects(proc)
    except OSError:
        return None


def history_walk_pays(root: str, paths: int, min_work: int = WALK_MIN_WORK,
                      size: int | None = None) -> bool:
    """Whether one walk for `paths` paths beats one `git log -S` each. `size`: history_size's
    answer when the caller has it (else git is asked); not known, the walk is chosen."""
    if paths <= 0:
        return False
    if min_work <= 0:
        return True
    if size is None:
        size = history_size(root)
    return size is None or paths * size >= min_work


@dataclass(frozen=True)
class HeadAt:
    """HEAD's id as one scan saw it ("" before the first commit or without git), and whether
    the root is the top of its repository."""

    head: str
    top: bool


class LastReferences:
    """The newest commit whose diff added or removed a path, outside that path (what
    `git log -1 -S<path> -- . ':(exclude)<path>'` names): where a vendored library was last
    referenced. One walk of the history for every path asked (tidy.workspace.pickaxe), each
    blob's counts from `blobs` (the content pass's and the cache's) or read once; all of it
    gets `seconds`, and a path not answered in time has no answer (and none is kept). With
    `notes`, an answer is kept under the commit it was asked at (HEAD): history behind a
    commit never changes, so a rescan at the same commit asks git nothing, and a scan after
    new commits walks only those (it meets the old HEAD's answers on the way).
    `history_size`: history_size(root) when the caller asked it already (git is not asked
    again); None: asked here when the choice of method needs it. `at`: another instance's
    `at()` for the same root in this scan (the early job's), so HEAD is asked once."""

    def __init__(self, seconds: float, notes: Notes | None = None,
                 blobs: BlobCounts | None = None, walk_min_work: int = WALK_MIN_WORK,
                 history_size: int | None = None, at: HeadAt | None = None) -> None:
        self._deadline = time.monotonic() + seconds
        self._walk_min_work = walk_min_work  # history bytes x paths (history_walk_pays)
        self._history_size = history_size
        self._notes = notes
        self._blobs = blobs
        self._head: str | None = None if at is None else at.head
        self._top = True if at is None else at.top
        self._pending: list[str] = []
        self._answers: dict[str, str] = {}
        self.found: Found | None = None  # the last search's figures (tests, profiling)

    def _head_of(self, root: str) -> str:
        if self._head is None:
            try:
                out = run_git(root, "rev-parse", "--show-prefix", "-q", "--verify", "HEAD")
                # "<prefix>\n<id>\n": the id is the last line (a prefix may hold a newline)
                prefix, _, head = out.rstrip(b"\n").rpartition(b"\n")
                self._top = prefix == b""
                self._head = head.decode("ascii") if _OBJECT_ID.fullmatch(head) else ""
            except GitUnavailable:
                self._head = ""
        return self._head

    def at(self, root: str) -> HeadAt:
        """The commit the answers are keyed by (HEAD as first asked), for another instance."""
        return HeadAt(self._head_of(root), self._top)

    def _key(self, root: str, path: str, commit: str | None = None) -> str | None:
        if self._notes is None:
            return None
        head = commit if commit is not None else self._head_of(root)
        return f"last-reference\0{head}\0{path}" if head else None

    def asked_before(self, root: str) -> list[str] | None:
        """The paths a scan at this same commit asked about (remember_asked); None when no
        scan did. A rescan starts git for those alone, without judging first which to ask."""
        key = self._key(root, "\0asked")
        noted = self._notes.note(key) if key is not None and self._notes is not None else None
        try:
            paths = json.loads(noted) if noted is not None else None
        except ValueError:
            return None
        if not (isinstance(paths, list) and all(isinstance(p, str) for p in paths)):
            return None
        return paths

    def remember_asked(self, root: str, paths: Sequence[str]) -> None:
        key = self._key(root, "\0asked")
        if key is not None and self._notes is not None:
            self._notes.set_note(key, json.dumps(sorted(paths)))

    def _noted(self, root: str, path: str, commit: str | None = None) -> str | None:
        key = self._key(root, path, commit)
        return self._notes.note(key) if key is not None and self._notes is not None else None

    def start(self, root: str, paths: Sequence[str]) -> None:
        """The paths `of` will be asked about: answered together, in one walk."""
        for path in paths:
            if path not in self._pending and self._noted(root, path) is None:
                self._pending.append(path)

    def start_ahead(self, root: str) -> None:
        """The walk's shared listing started now (pickaxe.start_listing), before what it
        waits for (the content pass's counts), when a walk from HEAD may follow: at the top
        of the work tree, not at a commit a scan asked at before (its answers are noted) and
        the walk chosen over `git log -S` for even one path."""
        head = self._head_of(root)
        if (head and self._top and self.asked_before(root) is None
                and self._walk_pays(root, 1)):
            pickaxe.start_listing(root, head)

    def of(self, root: str, path: str) -> str:
        """"<short sha> <date> <subject>" of that commit; "" when none (or out of time)."""
        noted = self._noted(root, path)
        if noted is not None:
            return noted
        if path not in self._answers:
            self.start(root, [path])
            self._answer(root)
        return self._answers.get(path, "")

    def _answer(self, root: str) -> None:
        asked = [p for p in self._pending if p not in self._answers]
        self._pending = []
        head = self._head_of(root)
        if not asked or not head:
            return  # no commit yet: nothing ever referenced anything
        try:
            if not self._top or not self._walk_pays(root, len(asked)):
                answers = pickaxe.pickaxe(root, asked, self._deadline)
            else:
                answers = self._walk(root, asked, head)
        except (GitUnavailable, OSError):
            return  # no answer, none kept: the next scan asks again
        for path, answer in answers.items():
            self._answers[path] = answer
            key = self._key(root, path)
            if key is not None and self._notes is not None:
                self._notes.set_note(key, answer)

    def _walk_pays(self, root: str, paths: int) -> bool:
        if self._history_size is None and paths > 0 and self._walk_min_work > 0:
            self._history_size = history_size(root)  # once, whatever is asked after
        return history_walk_pays(root, paths, self._walk_min_work, self._history_size)

    def _walk(self, root: str, asked: list[str], head: str) -> dict[str, str]:
        table = self._blobs if self._blobs is not None else pickaxe.MemoryCounts(tuple(asked))
        try:
            found = pickaxe.search(root, asked, table, self._deadline, head,
                                   noted=lambda commit, path: self._noted(root, path, commit))
        except pickaxe.Unanswerable:
            return pickaxe.pickaxe(root, asked, self._deadline)
        self.found = found
        described = pickaxe.describe(root, found.commits.values())
        answers = dict(found.noted)
        for path, commit in found.commits.items():
            if commit and commit not in described:
                continue  # git could not say: no answer rather than a wrong one
            answers[path] = described.get(commit, "")
        return answers

    def close(self) -> None:
        self._pending = []
