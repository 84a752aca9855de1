"""Blobs as git stores them, not as the working tree shows them: the index, a pushed range, a tree.

- index: stage-0 entries (`git ls-files -s`), sized with one `git cat-file --batch-check`.
  A file staged at 2 MB and shrunk afterwards is still committed at 2 MB
  (pre-commit/pre-commit#2013). `staged_blobs` keeps what the next commit adds or changes.
- range: every blob a push of TO over FROM carries (`git rev-list --objects TO ^FROM`), so a
  file added in one commit and deleted in a later one still counts; one `git log --raw` names
  the commit, path and status (added, modified) of each.
- Git LFS: pointer parsing (`docs/spec.md` of git-lfs: "version https://git-lfs.github.com/spec/v1",
  "oid sha256:<64 hex>", "size <n>", under 1024 bytes) and which paths `.gitattributes` sends
  through `filter=lfs`.

Every question costs one git process however many paths it covers.

Which repo and index git reads is the caller's choice of environment. Scans use `scan_env()`
(the default), which drops the variables a git hook sets, since tidy names the repo itself.
Inside a hook, `hook_env()` keeps GIT_INDEX_FILE (a temporary index for `git commit -a` or
`git commit PATH`), GIT_DIR and the other variables git sets for a hook, so the hook reads the
index that is about to be committed; the caller's other GIT_* variables are dropped in both.
Both make file names literal (GIT_LITERAL_PATHSPECS): a name is never read as a glob.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
import struct
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING

from tidy.core.processes import CtrlCHeld, stop
from tidy.core.safe_files import UnsafeFile, read_in_root, read_regular
from tidy.workspace import fifo_guard
from tidy.workspace.git import GitUnavailable, git_dir, git_env, git_executable, no_commands

if TYPE_CHECKING:
    from tidy.workspace.githistory import Notes
    from tidy.workspace.index_memo import IndexMemo

GITLINK, SYMLINK = "160000", "120000"
LFS_VERSION = b"version https://git-lfs.github.com/spec/v1"
LFS_POINTER_MAX = 1024  # the spec: pointer files are under 1024 bytes
_LFS_OID = re.compile(rb"^oid sha256:([0-9a-f]{64})$", re.MULTILINE)
_LFS_SIZE = re.compile(rb"^size ([0-9]+)$", re.MULTILINE)


@dataclass(frozen=True)
class Blob:
    """A blob git lists at a path: its mode, id and size (and, in range mode, its commit)."""

    path: str  # relative to the repo root, POSIX
    mode: str  # "100644", "100755", "120000" (symlink), "160000" (submodule: no blob)
    sha: str
    size: int = -1  # bytes of the blob; -1 until asked, or when git does not have it
    commit: str = ""  # range mode: the commit that added or changed it
    status: str = "A"  # range mode: A added, M modified, T type changed

    @property
    def has_blob(self) -> bool:
        """False for a submodule, whose sha names a commit of another repo."""
        return self.mode != GITLINK

    @property
    def is_file(self) -> bool:
        return self.mode not in (GITLINK, SYMLINK)


@dataclass(frozen=True)
class LfsPointer:
    """A Git LFS pointer file's object: its id and size."""

    oid: str
    size: int  # of the object in LFS storage


# ------------------------------------------------------------------------ running git
def scan_env(index_file: str | None = None) -> dict[str, str]:
    """The environment of a scan: hook variables dropped; `index_file` read instead of
    the repo's own index when given."""
    env = git_env()
    env["GIT_LITERAL_PATHSPECS"] = "1"
    if index_file is not None:
        env["GIT_INDEX_FILE"] = index_file
    return env


# What git sets for a hook to say which repo, index and objects it works on (the temporary
# index of `git commit -a`, a push's quarantined objects): kept inside a hook, every other
# GIT_* variable dropped as a scan drops it (a GIT_GLOB_PATHSPECS of the user's shell made
# every check die on git's "incompatible pathspec settings").
_HOOK_REPO_ENV = ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_COMMON_DIR",
                  "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                  "GIT_QUARANTINE_PATH")


def hook_env() -> dict[str, str]:
    """The environment inside a git hook: git's own GIT_INDEX_FILE and GIT_DIR kept."""
    env = git_env()
    env.update({k: v for k, v in os.environ.items() if k in _HOOK_REPO_ENV})
    env["GIT_LITERAL_PATHSPECS"] = "1"
    return env


def _git(cwd: str, args: Sequence[str], env: Mapping[str, str] | None = None,
         stdin: bytes | None = None) -> bytes:
    # fifo_guard.run: the child stopped and reaped however this is left (Ctrl-C included),
    # and let go from a FIFO where git opens the index, its config or .gitattributes with a
    # blocking open() (the trends' index size, after the scan, waited for ever on one)
    try:
        proc = fifo_guard.run([git_executable(), *args], input=stdin, cwd=cwd,
                              env=no_commands(dict(env) if env is not None
                                              else scan_env(), cwd))
    except fifo_guard.FifoBlocked as error:
        raise GitUnavailable(str(error)) from None
    if proc.returncode != 0:
        text = proc.stderr.decode("utf-8", "replace").strip()
        raise GitUnavailable(text.splitlines()[0] if text else f"git {args[0]} failed")
    return proc.stdout


def _names(out: bytes) -> list[str]:
    return [os.fsdecode(p) for p in out.split(b"\0") if p]


def repo_root(cwd: str, env: Mapping[str, str] | None = None) -> str:
    """The work tree's top folder (`git rev-parse --show-toplevel`)."""
    try:
        out = _git(cwd, ["rev-parse", "--show-toplevel"], env)
    except GitUnavailable as error:
        if "detected dubious ownership" in str(error):  # C locale: git_env's LC_ALL
            raise GitUnavailable(
                f"git refuses to read this repository, another user owns it ({error}: git's "
                "safe.directory check); trust it with `git config --global --add "
                "safe.directory PATH`, or run as its owner") from None
        raise GitUnavailable(f"not inside a git work tree ({error})") from None
    return os.fsdecode(out.rstrip(b"\n"))


def is_shallow(root: str, env: Mapping[str, str] | None = None) -> bool:
    """Whether the repo is a shallow clone (`git clone --depth N`: history cut off)."""
    try:
        out = _git(root, ["rev-parse", "--is-shallow-repository"], env)
    except GitUnavailable:
        return False
    return out.strip() == b"true"


def _has_commit(root: str, ref: str, env: Mapping[str, str] | None) -> bool:
    try:
        _git(root, ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], env)
    except GitUnavailable:
        return False
    return True


# ------------------------------------------------------------------------ the index
def index_entries(root: str, paths: Sequence[str] | None = None,
                  env: Mapping[str, str] | None = None) -> list[Blob]:
    """Stage-0 index entries for `paths` (all when None), unsized; conflicted paths are
    left out."""
    args = ["ls-files", "-s", "-z"]
    if paths is not None:
        if not paths:
            return []
        args += ["--", *paths]
    entries = []
    for record in _git(root, args, env).split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, sha, stage = meta.decode("ascii").split(" ")
        if stage == "0":
            entries.append(Blob(os.fsdecode(name), mode, sha))
    return entries


@dataclass(frozen=True)
class IndexListing:
    """The index as one `git ls-files -s -z` shows it."""

    paths: tuple[str, ...]  # sorted, each once (a conflicted path has several stages)
    blob_ids: tuple[str, ...]  # of stage-0 entries with a blob (submodules have none)
    blob_paths: tuple[str, ...] = ()  # the path of each of blob_ids, in the same order
    # What the early job's rules work out from this listing alone, kept with it between
    # scans (workspace/index_memo); None when the listing is not kept (--no-cache).
    memo: IndexMemo | None = field(default=None, compare=False, repr=False)


# One record: "<mode> <object id> <stage>\t<path>\0"; a path holds no NUL.
_INDEX_RECORD = re.compile(r"([0-7]{6}) ([0-9a-f]+) ([0-3])\t([^\0]*)\0")


def list_index(root: str, env: Mapping[str, str] | None = None) -> IndexListing:
    out = _git(root, ["ls-files", "-s", "-z"], env)
    # Decoded whole as os.fsdecode would, so names compare equal to the walk's.
    text = out.decode(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
    records = _INDEX_RECORD.findall(text)
    paths = tuple(sorted(dict.fromkeys(r[3] for r in records)))
    staged = [r for r in records if r[2] == "0" and r[0] != GITLINK]
    return IndexListing(paths, tuple(r[1] for r in staged), tuple(r[3] for r in staged))


def index_size(root: str, env: Mapping[str, str] | None = None,
               listing: IndexListing | None = None) -> tuple[int, int] | None:
    """(files, bytes) of the index's blobs: what the next commit carries, staged changes
    included. Object headers only, never contents; submodules and conflicted paths are left
    out. None when git cannot tell."""
    try:
        blobs = (listing or list_index(root, env)).blob_ids
        sizes = object_sizes(root, blobs, env)
    except (GitUnavailable, OSError):
        return None
    return len(blobs), sum(sizes.get(b, 0) for b in blobs)


INDEX_SIZE_NOTE = "index-size"  # the content cache's note: "<index stamp> <files> <bytes>"


def noted_index_size(root: str, listing: IndexListing, notes: Notes) -> tuple[int, int] | None:
    """index_size, kept in `notes` under the index's stamp: it depends on the index alone, so
    a rescan with the same index asks git for no object sizes (a `git cat-file --batch-check`
    of every tracked blob: ~20 ms of the early job on the 7,000-file web app)."""
    sizing = IndexSizing(root, listing, notes)
    return sizing.finish()


class IndexSizing:
    """noted_index_size asked now and answered by `finish`: git sizes the objects meanwhile.

    The early job starts it after its content pass and finishes it after the history walk,
    so that a cold scan's `git cat-file --batch-check` (~15-20 ms on the web app) runs on
    the core the walk leaves idle rather than at the head of the job's chain. Its input and
    output are temporary files, not pipes (300 kB each way on the web app: a pipe would
    block git until it was read). `close` stops a git still running (an early way out)."""

    def __init__(self, root: str, listing: IndexListing, notes: Notes) -> None:
        self._root = root
        self._notes = notes
        self._blobs = listing.blob_ids
        self._answer: tuple[int, int] | None = None
        self._answered = False
        self._proc: subprocess.Popen[bytes] | None = None
        self._output: IO[bytes] | None = None
        self._stamp = index_stamp(root)
        noted = notes.note(INDEX_SIZE_NOTE) if self._stamp is not None else None
        if noted is not None:
            parts = noted.split(" ")
            # The cache is untrusted input: anything but what is written here is no answer.
            if len(parts) == 3 and parts[0] == self._stamp and all(
                    part.isascii() and part.isdigit() for part in parts[1:]):
                self._answer, self._answered = (int(parts[1]), int(parts[2])), True
                return
        wanted = list(dict.fromkeys(self._blobs))
        if not wanted:
            self._answer, self._answered = (0, 0), True
            return
        try:
            self._start(wanted)
        except (OSError, GitUnavailable):
            self.close()
            self._answered = True  # unknown: None

    def _start(self, wanted: list[str]) -> None:
        with _scratch_file() as given:
            given.write("".join(f"{sha}\n" for sha in wanted).encode("ascii"))
            given.seek(0)
            self._output = _scratch_file()
            with CtrlCHeld():  # a Ctrl-C while it starts: raised once close() can stop it
                self._proc = subprocess.Popen(
                    [git_executable(), "cat-file", "--buffer",
                     "--batch-check=%(objectname) %(objectsize)"],
                    stdin=given, stdout=self._output, stderr=subprocess.DEVNULL,
                    cwd=self._root, env=no_commands(scan_env(), self._root))

    def finish(self) -> tuple[int, int] | None:
        """(files, bytes) as index_size says, kept in the notes; None when git cannot tell."""
        if self._answered:
            return self._answer
        self._answered = True
        try:
            sizes = self._sizes()
        except (OSError, GitUnavailable, subprocess.SubprocessError):
            sizes = None
        finally:
            self.close()
        if sizes is None:
            return None
        self._answer = (len(self._blobs), sum(sizes.get(b, 0) for b in self._blobs))
        if self._stamp is not None:
            self._notes.set_note(INDEX_SIZE_NOTE,
                                 f"{self._stamp} {self._answer[0]} {self._answer[1]}")
        return self._answer

    def _sizes(self) -> dict[str, int] | None:
        if self._proc is None or self._output is None:
            return None
        try:  # git reads its config as it starts: a FIFO there is let go (fifo_guard)
            fifo_guard.communicate(self._proc)
        except fifo_guard.FifoBlocked:
            return None
        if self._proc.returncode != 0:
            return None
        self._output.seek(0)
        return _sizes_of(self._output.read())

    def close(self) -> None:
        """git stopped and reaped, its output dropped (every way out of the job)."""
        if self._proc is not None:
            stop(self._proc)
            self._proc = None
        if self._output is not None:
            self._output.close()
            self._output = None


def _scratch_file() -> IO[bytes]:
    """An anonymous file for a child's input or output: in memory where Linux has memfd
    (no `tempfile`, whose import, `random` with it, cost the early job ~5-9 ms)."""
    if hasattr(os, "memfd_create"):
        return os.fdopen(os.memfd_create("tidy-git", os.MFD_CLOEXEC), "w+b")
    import tempfile  # elsewhere: a temporary file, gone once closed

    return tempfile.TemporaryFile()


def index_paths(root: str, env: Mapping[str, str] | None = None) -> list[str]:
    return _names(_git(root, ["ls-files", "-z"], env))


def index_paths_named(root: str, names: Iterable[str],
                      env: Mapping[str, str] | None = None) -> list[str]:
    """Index paths that are, or lie in a folder, named one of `names` (catalogue names,
    globs allowed), at any depth: one `git ls-files` whose glob pathspecs git matches
    itself, so a commit hook learns where such evidence is without listing the whole index
    into Python. The caller's literal-pathspec setting is lifted for this call only: these
    patterns are the catalogue's, never a file's name."""
    specs = [spec for name in sorted(names)
             for spec in (f":(glob)**/{name}", f":(glob)**/{name}/**")]
    if not specs:
        return []
    glob_env = dict(env if env is not None else scan_env())
    glob_env.pop("GIT_LITERAL_PATHSPECS", None)
    return _names(_git(root, ["ls-files", "-z", "--", *specs], glob_env))


def worktree_differs(root: str, env: Mapping[str, str] | None = None,
                     paths: Sequence[str] = ()) -> list[str]:
    """Index paths (of `paths`, when given) whose working file differs from the entry
    (`git diff-files`: changed, deleted, type changed, or its stat not the one the index
    holds; nothing refreshed)."""
    args = ["diff-files", "--name-only", "-z", "--no-renames"]
    return _names(_git(root, [*args, "--", *paths] if paths else args, env))


def _differs_from_head(root: str, statuses: str,
                       env: Mapping[str, str] | None) -> set[str] | None:
    """Index paths whose change against HEAD has one of `statuses`; None before the first
    commit, when everything in the index is new."""
    if not _has_commit(root, "HEAD", env):
        return None
    out = _git(root, ["diff-index", "--cached", "--name-only", "-z", "--no-renames",
                      f"--diff-filter={statuses}", "HEAD", "--"], env)
    return set(_names(out))


def added_paths(root: str, env: Mapping[str, str] | None = None) -> set[str]:
    """Paths staged as new; all of them before the first commit."""
    added = _differs_from_head(root, "A", env)
    return set(index_paths(root, env)) if added is None else added


def merged_heads(environ: Mapping[str, str]) -> list[str]:
    """The commits a `git merge` running a pre-merge-commit hook is merging: git names each
    in a GITHEAD_<id> variable (MERGE_HEAD is only written once a merge stops)."""
    return [name[len("GITHEAD_"):] for name in environ
            if re.fullmatch(r"GITHEAD_(?:[0-9a-f]{40}|[0-9a-f]{64})", name)]


def parent_blob_ids(root: str, env: Mapping[str, str] | None = None,
                    merging: Sequence[str] = ()) -> tuple[dict[str, str], set[str]]:
    """What the commit being made stands on: HEAD's path -> blob id, and the ids of every
    blob HEAD or a merge's other side (MERGE_HEAD, or the commits `merging`) holds. Empty
    before the first commit. One `ls-tree` per parent: asked only when a staged blob is
    over the limit."""
    head: dict[str, str] = {}
    held: set[str] = set()
    for ref in ("HEAD", "MERGE_HEAD", *merging):
        if not _has_commit(root, ref, env):
            continue
        out = _git(root, ["ls-tree", "-r", "-z", "--full-tree", ref], env)
        for record in out.split(b"\0"):
            meta, _, name = record.partition(b"\t")
            fields = meta.split(b" ")
            if len(fields) != 3 or fields[1] != b"blob":
                continue
            sha = fields[2].decode("ascii")
            held.add(sha)
            if ref == "HEAD":
                head[os.fsdecode(name)] = sha
    return head, held


def staged_blobs(root: str, all_entries: bool = False,
                 index_file: str | None = None) -> list[Blob]:
    """Index blobs with their sizes: those the next commit adds or changes, or every one."""
    env = scan_env(index_file)
    entries = [e for e in index_entries(root, env=env) if e.has_blob]
    changed = None if all_entries else _differs_from_head(root, "ACMRT", env)
    if changed is not None:
        entries = [e for e in entries if e.path in changed]
    return with_sizes(root, entries, env)


# ------------------------------------------------------------------------ objects
def object_sizes(root: str, shas: Iterable[str],
                 env: Mapping[str, str] | None = None) -> dict[str, int]:
    """Sizes of objects by id, in one `cat-file --batch-check`; missing objects are left out."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    # --buffer: one write of the answers, not a flush per object (7,143 objects on the
    # web-app bench tree: 27 -> 14 ms, read through a pipe).
    out = _git(root, ["cat-file", "--buffer", "--batch-check=%(objectname) %(objectsize)"], env,
               stdin="".join(f"{sha}\n" for sha in wanted).encode("ascii"))
    return _sizes_of(out)


def _sizes_of(out: bytes) -> dict[str, int]:
    """`cat-file --batch-check=%(objectname) %(objectsize)`'s answer: size by object id."""
    sizes = {}
    for line in out.decode("ascii", "replace").splitlines():
        name, _, size = line.partition(" ")
        if size.isdigit():  # "<sha> missing" otherwise
            sizes[name] = int(size)
    return sizes


def with_sizes(root: str, blobs: Sequence[Blob],
               env: Mapping[str, str] | None = None) -> list[Blob]:
    sizes = object_sizes(root, (b.sha for b in blobs if b.has_blob), env)
    return [replace(b, size=sizes.get(b.sha, -1)) for b in blobs]


def read_blobs(root: str, shas: Iterable[str], limit: int | None = None,
               env: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """Contents of blobs by id, in one `cat-file --batch`; with a `limit`, only those under
    `limit` bytes (LFS pointer candidates), bigger ones are skipped."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    out = _git(root, ["cat-file", "--buffer", "--batch"], env,
               stdin="".join(f"{sha}\n" for sha in wanted).encode("ascii"))
    contents: dict[str, bytes] = {}
    position = 0
    while position < len(out):
        end = out.index(b"\n", position)
        header = out[position:end].decode("ascii", "replace").split(" ")
        position = end + 1
        if len(header) != 3:  # "<sha> missing"
            continue
        size = int(header[2])
        if limit is None or size < limit:
            contents[header[0]] = out[position:position + size]
        position += size + 1  # the contents, then a newline
    return contents


def read_at(root: str, ref: str, path: str,
            env: Mapping[str, str] | None = None) -> bytes | None:
    """The content of `path` in commit `ref`; None when it is no file there."""
    try:  # a folder, a link's target or a missing path: git says it is no blob
        return _git(root, ["cat-file", "blob", f"{ref}:{path}"], env)
    except GitUnavailable:
        return None


def over(blobs: Iterable[Blob], limit: int) -> list[Blob]:
    """Blobs at or over `limit` bytes, biggest first."""
    return sorted((b for b in blobs if b.size >= limit), key=lambda b: (-b.size, b.path))


# ------------------------------------------------------------------------ Git LFS
def index_pointers(root: str, paths: Sequence[str],
                   env: Mapping[str, str] | None = None) -> dict[str, LfsPointer]:
    """Of `paths`, those whose index blob is a Git LFS pointer, and the pointer."""
    entries = [e for e in index_entries(root, sorted(paths), env) if e.has_blob]
    sizes = object_sizes(root, (e.sha for e in entries), env)
    small = {e.path: e.sha for e in entries if sizes.get(e.sha, 0) < LFS_POINTER_MAX}
    contents = read_blobs(root, small.values(), limit=LFS_POINTER_MAX, env=env)
    found = {}
    for path, sha in small.items():
        pointer = parse_lfs_pointer(contents.get(sha, b""))
        if pointer is not None:
            found[path] = pointer
    return found


# ------------------------------------------------------------------------ the index's stat data
# git's index file (Documentation/gitformat-index.txt): "DIRC", version, entry count; per
# entry ctime (s, ns), mtime (s, ns), dev, ino, mode, uid, gid, size (each 32 bits), the
# object id, 16 bits of flags (v3: 16 more when the extended bit is set), the path, then
# 1-8 NULs to a multiple of 8; extensions; a SHA-1 of all that precedes it.
_INDEX_ENTRY = struct.Struct(">10I20sH")
# What the walk over the entries looks at: mtime (s, ns), mode, flags (the rest is unpacked
# only for a file asked about: IndexStat.blob_id)
_INDEX_WALK = struct.Struct(">8xII8xI32xH")
_ASSUME_VALID, _EXTENDED, _STAGE, _NAME_MASK = 0x8000, 0x4000, 0x3000, 0x0FFF
_SKIPPED = _ASSUME_VALID | _EXTENDED | _STAGE
_U32 = 0xFFFF_FFFF
_INDEX_MAX_BYTES = 512 * 1024 * 1024
# An entry whose mtime is not this much older than the index file's may have changed in the
# index's own timestamp tick after git hashed it (racy git: git compares such an entry's
# content; here its file is simply hashed). Wider than git's rule (mtime >= the index's),
# as the content cache's margin is: file timestamps come from a coarse clock.
INDEX_RACY_MARGIN_NS = 50_000_000


@dataclass(frozen=True)
class IndexStat:
    """The blob ids git's index holds for files whose stat it recorded, as git trusts them:
    a file whose stat is the one its entry holds, on every field git keeps, has the entry's
    blob as its content (what `git status` assumes without reading it). Only entries git
    itself would vouch for are held: stage 0, regular files, neither assume-unchanged nor
    skip-worktree nor intent-to-add, and not racy (see INDEX_RACY_MARGIN_NS)."""

    data: bytes  # the index file
    entries: Mapping[bytes, int]  # path -> where its entry starts in `data`

    def blob_id(self, rel: str, st: os.stat_result) -> str | None:
        """The blob id of `rel` when `st` (the fstat of it, a regular file) is the stat its
        entry holds; None when it is not, or no entry vouches for it (the caller then hashes
        the file). The index keeps 32 bits of each field: a file whose own value needs more
        (over 4 GiB, a timestamp past 2106 or before 1970) is never taken for its entry."""
        position = self.entries.get(os.fsencode(rel))
        if position is None:
            return None
        return _entry_blob_id(self.data, position, st)


def entry_blob_id_in_python(data: bytes, position: int, st: os.stat_result) -> str | None:
    """The blob id of the index entry at `position` of `data` when `st` is the stat it holds
    (IndexStat.blob_id's test); None otherwise. _fastmeasure.index_blob_id is its C twin."""
    (ctime_s, ctime_ns, mtime_s, mtime_ns, dev, ino, _mode, uid, gid, size, sha,
     _flags) = _INDEX_ENTRY.unpack_from(data, position)
    if (size != st.st_size or mtime_s * 1_000_000_000 + mtime_ns != st.st_mtime_ns
            or ctime_s * 1_000_000_000 + ctime_ns != st.st_ctime_ns
            or ino != st.st_ino & _U32 or dev != st.st_dev & _U32
            or uid != st.st_uid & _U32 or gid != st.st_gid & _U32):
        return None
    found: str = sha.hex()
    return found


def _load_entry_blob_id() -> Callable[[bytes, int, os.stat_result], str | None]:
    """_fastmeasure.index_blob_id where it was built (the cold pass asks it for every file it
    reads whole: ~10 ms of a cold web-app pass in Python), else the Python twin; the same
    answers either way (tests/workspace/test_index_stat.py). TIDY_PURE_PYTHON=1: the twin."""
    if not os.environ.get("TIDY_PURE_PYTHON"):
        try:
            from tidy.workspace._fastmeasure import index_blob_id
        except ImportError:
            pass
        else:
            return index_blob_id
    return entry_blob_id_in_python


_entry_blob_id = _load_entry_blob_id()


def read_index_stat(root: str) -> IndexStat | None:
    """The repo's index file read for IndexStat (never through a link, never a FIFO); None
    when there is none, or it is not one this reads whole and checked: versions 2 and 3
    only (v4 compresses paths), SHA-1 object ids, its trailing checksum right, no split
    index (whose entries live in another file)."""
    directory = git_dir(root)
    if directory is None:
        return None
    try:
        fd = os.open(os.path.join(directory, "index"),
                     os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > _INDEX_MAX_BYTES:
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    index = parse_index_stat(b"".join(chunks), st.st_mtime_ns - INDEX_RACY_MARGIN_NS)
    if index is None or _may_convert(root, directory, index):
        return None
    return index


# An attribute that makes a blob's bytes differ from the working file's: a clean filter (LFS,
# git-crypt, one's own) or a working-tree encoding. (eol/text only change line ends, and
# the needles counted in a blob, library paths, hold none.)
_CONVERTING = re.compile(rb"(?i)(?:^|[\s!-])(?:filter|working-tree-encoding)(?:[\s=]|$)",
                         re.MULTILINE)


def _may_convert(root: str, directory: str, index: IndexStat) -> bool:
    """Whether git may run some file's bytes through a filter or a re-encoding on the way into
    the index: then an entry's blob id is that of other bytes than the working file's, and the
    content pass, which counts needles in the bytes it read and files them under the blob id,
    would credit the blob with counts of the working file's (a git-crypt file's plain text
    under its encrypted blob: trust round 12). Any attributes file that names either, tracked
    or the repo's info/attributes or the user's, or a config that moves the user's elsewhere
    (core.attributesFile, not followed here, or a file it includes, which may set it),
    makes the whole index not vouched for."""
    if _names_elsewhere(os.path.join(directory, "config")):
        return True
    files = [os.path.join(directory, "info", "attributes"), _user_attributes()]
    if b".gitattributes\0" in index.data:
        tracked = [n for n in index.entries if n == b".gitattributes"
                   or n.endswith(b"/.gitattributes")]
        if len(tracked) != index.data.count(b".gitattributes\0"):
            return True  # one the index does not vouch for (racy, or a name ending so)
        files += [os.path.join(root, os.fsdecode(n)) for n in tracked]
    return any(_CONVERTING.search(_attributes_text(f)) for f in files)


def _attributes_text(path: str) -> bytes:
    try:
        return read_regular(path, follow_links=True) or b""
    except (UnsafeFile, OSError):
        return b"filter"  # unreadable: it may name one


def _user_attributes() -> str:
    xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(xdg, "git", "attributes")


def _names_elsewhere(repo_config: str) -> bool:
    """Whether the repo's, the user's or the system's config may set core.attributesFile
    (its value is not read): it names it, or includes another file (`[include]`,
    `[includeIf ...]`: not followed, so it may). A `git -c` of the git that wrote the index
    is out of sight: the scan's environment says nothing of it."""
    xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    configs = [repo_config,
               os.environ.get("GIT_CONFIG_GLOBAL") or os.path.expanduser("~/.gitconfig"),
               os.path.join(xdg, "git", "config")]
    if not os.environ.get("GIT_CONFIG_NOSYSTEM"):
        configs.append(os.environ.get("GIT_CONFIG_SYSTEM") or "/etc/gitconfig")
    return any(_MAY_NAME_ATTRIBUTES.search(_config_text(c)) for c in configs)


# A config's text that sets core.attributesFile, or may through a file it includes.
_MAY_NAME_ATTRIBUTES = re.compile(rb"(?i)attributesfile|\[\s*include")



def _config_text(path: str) -> bytes:
    try:
        return read_regular(path, follow_links=True) or b""
    except (UnsafeFile, OSError):
        return b""


def parse_index_stat(data: bytes, before_ns: int) -> IndexStat | None:
    """IndexStat of an index file's bytes, holding entries whose mtime is before `before_ns`;
    None for anything but a well-formed version 2 or 3 index of SHA-1 ids."""
    end = len(data) - 20
    if (end < 12 or data[:4] != b"DIRC"
            or hashlib.sha1(memoryview(data)[:end]).digest() != data[end:]):
        return None  # not an index, cut short, changed, or of SHA-256 ids (another length)
    version, count = struct.unpack_from(">II", data, 4)
    if version not in (2, 3):
        return None
    entries: dict[bytes, int] = {}
    unpack, find, position = _INDEX_WALK.unpack_from, data.find, 12
    try:
        for _ in range(count):  # the hot loop: one turn per tracked file
            mtime_s, mtime_ns, mode, flags = unpack(data, position)
            start = position + 62
            if flags & _EXTENDED:
                if version < 3:
                    return None
                start += 2
            stop = find(b"\0", start, end)
            if stop < 0 or (flags & _NAME_MASK != _NAME_MASK
                            and stop - start != flags & _NAME_MASK):
                return None
            if (not flags & _SKIPPED and mode & 0o170000 == 0o100000
                    and mtime_s * 1_000_000_000 + mtime_ns < before_ns):
                entries[data[start:stop]] = position
            position += (stop - position) // 8 * 8 + 8  # the NULs: to a multiple of 8
    except struct.error:  # an entry past the end
        return None
    if position > end or _has_extension(data, position, end, b"link"):
        return None
    return IndexStat(data, entries)


def _has_extension(data: bytes, position: int, end: int, signature: bytes) -> bool:
    """Whether the extensions from `position` hold `signature`; True when they are not
    well-formed (the index is then not used)."""
    while position < end:
        if position + 8 > end:
            return True
        size = int.from_bytes(data[position + 4:position + 8], "big")
        if data[position:position + 4] == signature or position + 8 + size > end:
            return True
        position += 8 + size
    return False


def index_stamp(root: str) -> str | None:
    """What changes whenever the repo's index does: git writes a new index file and renames
    it over the old one (a new inode), so (device, inode, size, mtime) names one version of
    it. None without a readable regular index (an answer is then not kept)."""
    directory = git_dir(root)
    if directory is None:
        return None
    try:
        st = os.stat(os.path.join(directory, "index"), follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def parse_lfs_pointer(data: bytes) -> LfsPointer | None:
    """The pointer a blob holds, or None when it is ordinary content."""
    if len(data) >= LFS_POINTER_MAX or not data.startswith(LFS_VERSION + b"\n"):
        return None
    oid = _LFS_OID.search(data)
    size = _LFS_SIZE.search(data)
    if oid is None or size is None:
        return None
    return LfsPointer(oid.group(1).decode(), int(size.group(1)))


def lfs_paths(root: str, paths: Sequence[str], env: Mapping[str, str] | None = None) -> set[str]:
    """Paths whose attributes (as committed in the index) say `filter=lfs`."""
    if not paths:
        return set()
    stdin = b"".join(os.fsencode(p) + b"\0" for p in paths)
    out = _git(root, ["check-attr", "--cached", "-z", "--stdin", "filter"], env, stdin=stdin)
    fields = out.split(b"\0")
    found = set()
    for index in range(0, len(fields) - 2, 3):
        if fields[index + 2] == b"lfs":
            found.add(os.fsdecode(fields[index]))
    return found


def uses_lfs(root: str, tracked: Sequence[str]) -> bool:
    """Any sign of LFS: a tracked .gitattributes naming it, info/attributes, or .git/lfs.
    A tracked one is read below the root with no link followed at any level: a folder of
    the repo swapped for a link after git listed it must not lend the repo an outside file's
    attributes (trust round 12)."""
    attribute_files = attribute_files_in(tracked)
    directory = git_dir(root)
    if directory is not None:
        if os.path.isdir(os.path.join(directory, "lfs")):
            return True
        info = os.path.join(directory, "info", "attributes")
        if _mentions_lfs(lambda: read_regular(info)):
            return True
    return any(_mentions_lfs(functools.partial(read_in_root, root, p, verb="read"))
               for p in attribute_files)


_ATTRIBUTES = ".gitattributes"


def attribute_files_in(tracked: Sequence[str]) -> list[str]:
    """The `.gitattributes` files among the tracked paths, in their order. Found by searching
    the paths joined with NULs (none holds one) for the name, not by testing each path: a
    path test in Python costs ~0.1 us a path (250k bench tree, 36,119 paths: 3.9 -> 0.8 ms,
    on the main process's last stretch after the walk)."""
    joined = "\0".join(tracked)
    found: list[str] = []
    at = joined.find(_ATTRIBUTES)
    while at >= 0:
        end = at + len(_ATTRIBUTES)
        if end == len(joined) or joined[end] == "\0":
            path = joined[joined.rfind("\0", 0, at) + 1:end]
            if path == _ATTRIBUTES or path.endswith("/" + _ATTRIBUTES):
                found.append(path)
        at = joined.find(_ATTRIBUTES, at + 1)
    return found


def _mentions_lfs(read: Callable[[], bytes | None]) -> bool:
    try:  # a .gitattributes replaced by a FIFO or a link in the work tree must not block
        data = read()  # the scan, nor answer for the repo
    except (OSError, UnsafeFile):
        return False
    return data is not None and b"lfs" in data


# ------------------------------------------------------------------------ ranges and trees
def range_blobs(root: str, from_ref: str | None, to_ref: str,
                env: Mapping[str, str] | None = None) -> list[Blob]:
    """Every blob a push of `to_ref` over `from_ref` carries, sized, once per commit and path
    that added or changed it: a file added in one commit and deleted in a later one is still
    listed (it is still pushed); a blob `from_ref` already holds is not, even under a new name.

    A FROM of None or all zeros (a new branch in a pre-push hook) means: nothing excluded.
    """
    revs = [to_ref] if not from_ref or set(from_ref) == {"0"} else [to_ref, f"^{from_ref}"]
    # The pushed objects, sized: rev-list | cat-file. It reads no index, so the repo `root`
    # names is all that matters and the scan environment serves hooks too.
    from tidy.workspace.githistory import BlobRecord, BlobStream  # a push's check only

    pushed = {r.sha: r for r in BlobStream(root, revs) if isinstance(r, BlobRecord)}
    out = _git(root, ["log", "--no-renames", "--raw", "--no-abbrev", "-z", "--diff-filter=AMT",
                      "--format=%x01%H", *revs, "--"], env)
    # Submodule entries carry no blob but keep their path for the artifact checks.
    changes = [b for b in _parse_log(out) if not b.has_blob or b.sha in pushed]
    named = {b.sha for b in changes}
    sized = [replace(b, size=pushed[b.sha].size) if b.has_blob else b for b in changes]
    # A merge that resolves a conflict with new content adds a blob no one-parent diff shows
    # (log --raw prints nothing for merges); its mode is not known here.
    resolved = [Blob(r.path, "100644", r.sha, r.size, r.commit, "M")
                for r in pushed.values() if r.sha not in named]
    return sized + resolved


def _parse_log(out: bytes) -> list[Blob]:
    """Tokens of `log -z --raw --format=%x01%H`: '\x01<commit>', then per change a
    ':old_mode new_mode old_sha new_sha status' token and a path token. Read in order, so a
    path holding odd bytes is never mistaken for a header."""
    tokens = out.split(b"\0")
    blobs: list[Blob] = []
    commit = ""
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if token.startswith(b"\x01"):
            commit = token[1:].decode("ascii")
        elif token.startswith(b":") and index < len(tokens):
            fields = token[1:].decode("ascii").split(" ")
            name = tokens[index]
            index += 1
            if len(fields) == 5:
                blobs.append(Blob(os.fsdecode(name), fields[1], fields[3], commit=commit,
                                  status=fields[4][:1]))
    return blobs


def paths_at(root: str, ref: str, env: Mapping[str, str] | None = None) -> set[str]:
    """Paths that exist in `ref`'s tree."""
    return set(_names(_git(root, ["ls-tree", "-r", "-z", "--name-only", ref], env)))


def tree_blobs(root: str, ref: str, env: Mapping[str, str] | None = None) -> list[Blob]:
    """Every blob of `ref`'s tree with its size (`git ls-tree -r -l`)."""
    out = _git(root, ["ls-tree", "-r", "-l", "-z", "--full-tree", ref], env)
    blobs = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, _kind, sha, size = meta.decode("ascii").split()
        blobs.append(Blob(os.fsdecode(name), mode, sha, int(size) if size.isdigit() else -1))
    return blobs


def history_disk_usage(root: str, env: Mapping[str, str] | None = None) -> int:
    """Bytes the objects reachable from every ref take in the object store (packed)."""
    out = _git(root, ["rev-list", "--all", "--objects", "--disk-usage"], env)
    text = out.decode("ascii").strip()
    return int(text) if text.isdigit() else 0
