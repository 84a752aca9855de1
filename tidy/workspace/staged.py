"""Blobs as git stores them, not as the working tree shows them: staged and range modes.

- staged: the blobs in the index (`git ls-files -s`), sized with one
  `git cat-file --batch-check`; by default only entries that differ from HEAD, i.e. what the
  next commit adds. A file staged at 2 MB and shrunk afterwards is still committed at 2 MB
  (pre-commit/pre-commit#2013).
- range: every blob reachable from TO and not from FROM (`git rev-list --objects FROM..TO`,
  the objects a push of TO sends), so a file added and deleted inside the range still counts.
- Git LFS: pointer parsing (`docs/spec.md` of git-lfs: "version https://git-lfs.github.com/spec/v1",
  "oid sha256:<64 hex>", "size <n>", under 1024 bytes) and which paths `.gitattributes` sends
  through `filter=lfs`.

Every question costs one git process however many paths it covers.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tidy.workspace.git import GitUnavailable, git_env, git_executable
from tidy.workspace.history import BlobRecord, BlobStream

LFS_VERSION = b"version https://git-lfs.github.com/spec/v1"
LFS_POINTER_MAX = 1024  # the spec: pointer files are under 1024 bytes
_LFS_OID = re.compile(rb"^oid sha256:([0-9a-f]{64})$", re.MULTILINE)
_LFS_SIZE = re.compile(rb"^size ([0-9]+)$", re.MULTILINE)
_REGULAR = ("100644", "100755", "120000")  # files and links; gitlinks (160000) hold no blob


@dataclass(frozen=True)
class IndexBlob:
    path: str
    sha: str
    size: int
    mode: str


@dataclass(frozen=True)
class LfsPointer:
    oid: str
    size: int  # of the object in LFS storage


def _run(root: str, args: Sequence[str], stdin: bytes | None = None,
         index_file: str | None = None) -> bytes:
    env = git_env()
    if index_file is not None:
        env["GIT_INDEX_FILE"] = index_file  # inside a hook: the index about to be committed
    proc = subprocess.run([git_executable(), "-C", root, *args], input=stdin,
                          capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        text = proc.stderr.decode("utf-8", "replace").strip()
        raise GitUnavailable(text.splitlines()[0] if text else f"git {args[0]} failed")
    return proc.stdout


def has_head(root: str) -> bool:
    try:
        _run(root, ["rev-parse", "--verify", "-q", "HEAD^{commit}"])
    except GitUnavailable:
        return False
    return True


def index_entries(root: str, paths: Sequence[str] | None = None,
                  index_file: str | None = None) -> list[tuple[str, str, str]]:
    """(path, sha, mode) of each stage-0 index entry with a blob; `paths` literal, if given."""
    args = ["ls-files", "-s", "-z"]
    if paths is not None:
        if not paths:
            return []
        args += ["--", *(f":(literal){p}" for p in paths)]
    out = _run(root, args, index_file=index_file)
    entries = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, sha, stage = meta.decode().split(" ")
        if stage == "0" and mode in _REGULAR:
            entries.append((os.fsdecode(raw_path), sha, mode))
    return entries


def object_sizes(root: str, shas: Iterable[str]) -> dict[str, int]:
    """sha -> size for many objects, one `git cat-file --batch-check` process."""
    unique = list(dict.fromkeys(shas))
    if not unique:
        return {}
    out = _run(root, ["cat-file", "--batch-check=%(objectname) %(objectsize)"],
               stdin="".join(s + "\n" for s in unique).encode())
    sizes = {}
    for line in out.decode().splitlines():
        sha, _, size = line.partition(" ")
        if size.isdigit():
            sizes[sha] = int(size)
    return sizes


def read_small_blobs(root: str, shas: Iterable[str], limit: int = LFS_POINTER_MAX
                     ) -> dict[str, bytes]:
    """Contents of blobs under `limit` bytes (pointer candidates); bigger ones are skipped."""
    unique = list(dict.fromkeys(shas))
    if not unique:
        return {}
    out = _run(root, ["cat-file", "--batch"], stdin="".join(s + "\n" for s in unique).encode())
    found: dict[str, bytes] = {}
    position = 0
    while position < len(out):
        header_end = out.index(b"\n", position)
        parts = out[position:header_end].split(b" ")
        position = header_end + 1
        if len(parts) < 3 or parts[1] == b"missing":
            continue
        size = int(parts[2])
        if size < limit:
            found[parts[0].decode()] = out[position:position + size]
        position += size + 1  # the contents, then a newline
    return found


def parse_lfs_pointer(data: bytes) -> LfsPointer | None:
    """The pointer a blob holds, or None when it is ordinary content."""
    if len(data) >= LFS_POINTER_MAX or not data.startswith(LFS_VERSION + b"\n"):
        return None
    oid = _LFS_OID.search(data)
    size = _LFS_SIZE.search(data)
    if oid is None or size is None:
        return None
    return LfsPointer(oid.group(1).decode(), int(size.group(1)))


def staged_blobs(root: str, all_entries: bool = False,
                 index_file: str | None = None) -> list[IndexBlob]:
    """Index blobs with their sizes: those the next commit adds or changes, or every one."""
    entries = index_entries(root, index_file=index_file)
    if not all_entries and has_head(root):
        changed = set(_changed_against_head(root, index_file))
        entries = [e for e in entries if e[0] in changed]
    sizes = object_sizes(root, (sha for _, sha, _ in entries))
    return [IndexBlob(path, sha, sizes.get(sha, 0), mode) for path, sha, mode in entries]


def _changed_against_head(root: str, index_file: str | None) -> list[str]:
    out = _run(root, ["diff-index", "--cached", "--name-only", "-z", "--no-renames",
                      "--diff-filter=ACMRT", "HEAD", "--"], index_file=index_file)
    return [os.fsdecode(p) for p in out.split(b"\0") if p]


def range_blobs(root: str, from_ref: str | None, to_ref: str) -> list[BlobRecord]:
    """Every blob a push of `to_ref` over `from_ref` carries (all of to_ref's without FROM).

    A FROM of None or all zeros (a new branch in a pre-push hook) means: nothing excluded.
    """
    revs = [to_ref]
    if from_ref and set(from_ref) != {"0"}:
        revs.append(f"^{from_ref}")
    return [item for item in BlobStream(root, revs) if isinstance(item, BlobRecord)]


def over(blobs: Iterable[IndexBlob | BlobRecord], limit: int) -> list[IndexBlob | BlobRecord]:
    """Blobs at or over `limit` bytes, biggest first."""
    return sorted((b for b in blobs if b.size >= limit), key=lambda b: (-b.size, b.path))


def lfs_paths(root: str, paths: Sequence[str]) -> set[str]:
    """Paths whose attributes (as committed in the index) say `filter=lfs`."""
    if not paths:
        return set()
    stdin = b"".join(os.fsencode(p) + b"\0" for p in paths)
    out = _run(root, ["check-attr", "--cached", "-z", "--stdin", "filter"], stdin=stdin)
    fields = out.split(b"\0")
    found = set()
    for index in range(0, len(fields) - 2, 3):
        if fields[index + 2] == b"lfs":
            found.add(os.fsdecode(fields[index]))
    return found
