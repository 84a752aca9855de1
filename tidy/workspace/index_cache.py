"""The repo's index as `git ls-files -s -z` lists it, kept between scans.

The early job starts from one listing of the index (tidy.workspace.early); on the 250k bench
tree's 36,000 tracked files `git ls-files` and its parse cost ~60 ms of a worker's CPU on
every scan, a read of this file ~8 ms. The listing depends on the index file alone (its
entries; a split index names its shared part by that part's hash, a sparse one expands from
trees, which never change), so it is kept under the index file's own stamp, as git checks
its index entries against the files: (device, inode, size, mtime_ns, ctime_ns) of the index
and its last 32 bytes (git ends the index with a hash of its content: an index rewritten in
place, under the same stat, still differs there). git writes a new index by renaming a new
file over the old one, so any change gives a new inode anyway.

Racy index: as git does with its entries and the content cache with its files, a listing
is not used when the index's mtime or ctime is not older than this file's own mtime (the
index may have changed within the same clock tick and kept its stat); it is written only when
the index's stat and tail were the same before and after git listed it, and the index is
clearly older than the listing (RACY_MARGIN_NS, the content cache's margin: file times come
from the kernel's coarse clock, a tick behind the fine one).

One file per repository, `<git dir>/tidy/index-listing`, only in a git directory this user
owns (another user's repo gets none: nothing of theirs is trusted, nothing of ours left
there). It is tidy's own state, and still untrusted input: read through no link, only this
user's regular file, bounded in size, and used only when it is exactly what save() writes
for this repo root, this tidy and this stamp: every path relative, without an empty, `.`,
`..` or `.git` component (git's own rule for its index), sorted and each once, every object
id hexadecimal and of one length; anything else and the whole file is ignored and the index
listed again. A well-formed listing that lies cannot be told from a true one: only who can
write the git directory can write it, and they can write the index itself.

After the header, one line of the answers the early job's rules worked out from this listing
alone (workspace/index_memo: by name, the inputs each came from and its value), so a rescan
of the same index works none of them out again; each is checked by its rule when used, and
the line is used only under its signature (HMAC-SHA256 over the header and the answers, with
content_notes' per-user key from the state folder): an answer of the right shape written by
anyone else, or kept for another root, index or tidy, is no answer. The
early job writes the file once its rules have run (early.run_task): a new listing with its
answers, or a kept one when an answer was missing. `--no-cache`
reads and writes none (early.run_task).
"""

from __future__ import annotations

import contextlib
import hmac
import itertools
import json
import operator
import os
import re
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import replace

from tidy import __version__
from tidy.core.safe_files import remove_kept_file, replace_at
from tidy.workspace.blobs import IndexListing, list_index
from tidy.workspace.content_cache import CACHE_FOLDER, MAX_CACHE_BYTES, read_own_file
from tidy.workspace.content_notes import signature, signing_key
from tidy.workspace.git import git_dir
from tidy.workspace.index_memo import IndexMemo, Json

FORMAT = 3  # 2: the memo's answers after the header; 3: signed
CACHE_NAME = "index-listing"
MAGIC = b"tidy index listing\n"
# As tidy.workspace.content's: an index stamped within this much of the listing is not kept.
RACY_MARGIN_NS = 50_000_000
_UNSIGNED = b"0" * 64  # the memo line's signature when there are no answers to sign
_HEX_DIGITS = b"0123456789abcdef"
_TAIL_BYTES = 32  # git's checksum of the index (20 bytes of SHA-1, 32 of SHA-256)
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
# A path git would never have in its index, in the paths joined by NULs with one before the
# first: empty, absolute, a trailing slash, an empty, `.` or `..` component, a `.git`
# component in any case of its ASCII letters (read-cache.c's verify_path).
_BAD_PATH = re.compile(rb"[\0/](?:\.(?:\.|[gG][iI][tT])?)?[\0/]")

Stamp = tuple[int, int, int, int, int, str]  # device, inode, size, mtime_ns, ctime_ns, tail


def cached_list_index(root: str) -> IndexListing:
    """list_index(root), from the cache when it holds this very index; the cache is written
    when it did not (and git's answer is one the cache may hold)."""
    listing = kept_listing(root)
    keep(root, listing)
    return listing


def kept_listing(root: str) -> IndexListing:
    """list_index(root), from the cache when it holds this very index, with the answers kept
    with it (IndexMemo); a listing the cache may hold gets a memo to fill, which keep() then
    writes with it."""
    recent = time.time_ns() - RACY_MARGIN_NS  # before anything is read
    path = cache_path(root)
    before = index_stamp(root) if path is not None else None
    if path is not None and before is not None:
        kept = load(path, root, before)
        if kept is not None:
            return kept
    listing = list_index(root)
    if (path is not None and before is not None and before[3] < recent and before[4] < recent
            and index_stamp(root) == before):
        # git's answer for the index as stamped: the cache may hold it
        listing = replace(listing, memo=_FileMemo(path, before))
    return listing


class _FileMemo(IndexMemo):
    """The memo of a listing the cache file holds or may hold: where, under which stamp."""

    def __init__(self, path: str, stamp: Stamp,
                 kept: dict[str, tuple[str, Json]] | None = None, new: bool = True) -> None:
        super().__init__(kept)
        self.path = path
        self.stamp = stamp
        self.learnt = new  # a listing git gave is kept even with no answer worked out


def keep(root: str, listing: IndexListing) -> bool:
    """Write the listing and its memo's answers when the memo learnt something (or the
    listing is git's, new); False when nothing was written."""
    memo = listing.memo
    if not isinstance(memo, _FileMemo) or not memo.learnt:
        return False
    if save(memo.path, root, memo.stamp, listing, memo.entries()):
        memo.learnt = False
        return True
    return False


def cache_path(root: str) -> str | None:
    """Where the listing of the repo at `root` is kept; None when its git directory is not
    this user's (or there is none)."""
    return kept_path(root, CACHE_NAME)


def kept_path(root: str, name: str) -> str | None:
    """Where tidy keeps its file `name` for the repo at `root` (in the git directory's tidy
    folder); None when that git directory is not this user's (or there is none)."""
    directory = git_dir(root)
    if directory is None:
        return None
    try:
        if os.stat(directory).st_uid != os.geteuid():
            return None
    except OSError:
        return None
    return os.path.join(directory, CACHE_FOLDER, name)


def index_stamp(root: str) -> Stamp | None:
    """The index file's stat and tail; None without a readable regular index."""
    directory = git_dir(root)
    if directory is None:
        return None
    try:
        fd = os.open(os.path.join(directory, "index"), _READ_FLAGS)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size < _TAIL_BYTES:
            return None
        tail = os.pread(fd, _TAIL_BYTES, st.st_size - _TAIL_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, tail.hex())


def _header(root: str, stamp: Stamp, listing: IndexListing, same_paths: bool) -> bytes:
    return json.dumps({
        "format": FORMAT, "tidy": __version__, "root": root, "index": list(stamp),
        "paths": len(listing.paths), "blobs": len(listing.blob_ids), "same": same_paths,
    }, separators=(",", ":"), ensure_ascii=True).encode("ascii") + b"\n"


def save(path: str, root: str, stamp: Stamp, listing: IndexListing,
         memo: dict[str, tuple[str, Json]] | None = None) -> bool:
    """Replace the kept listing (and the answers of its memo, by name: inputs and value)
    in one rename; False when it is not written (a path no load would take, a read-only git
    dir, a link where a folder should be, too big)."""
    same = listing.blob_paths == listing.paths
    fields = [*listing.paths, *listing.blob_ids, *(() if same else listing.blob_paths)]
    body = os.fsencode("".join(f + "\0" for f in fields))
    if (not _paths_clean(body) or not _well_formed(listing)
            or (not same and not _blob_paths_known(listing))):
        return False  # never kept: load() would refuse it, and git is asked every time
    header = _header(root, stamp, listing, same)
    try:
        answers = _signed_answers(header, memo or {})
    except (TypeError, ValueError):
        return False  # an answer json cannot write: a caller's encode is wrong
    data = MAGIC + header + answers + body
    return write_kept(path, data)


def write_kept(path: str, data: bytes) -> bool:
    """Replace the kept file at `path` (kept_path's) with `data` in one rename, its tidy
    folder made when missing; False when not written (too big, a read-only git dir, a link
    where a folder should be)."""
    if len(data) > MAX_CACHE_BYTES:
        return False
    try:
        parent = os.open(os.path.dirname(os.path.dirname(path)), _DIR_FLAGS)
    except OSError:
        return False
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(CACHE_FOLDER, 0o700, dir_fd=parent)
        folder = os.open(CACHE_FOLDER, _DIR_FLAGS, dir_fd=parent)
    except OSError:
        os.close(parent)
        return False
    os.close(parent)
    try:
        replace_at(folder, os.path.basename(path), data, 0o600)
        return True
    except OSError:
        return False
    finally:
        os.close(folder)


def load(path: str, root: str, stamp: Stamp) -> IndexListing | None:
    """The listing kept at `path` when it is what save() wrote for `root` under `stamp` and
    the index is not racy; None otherwise."""
    raw = read_own_file(path)
    if raw is None:
        return None
    data, written_ns = raw
    # Racy: changed within the tick of the listing's own write, the stamp may not tell.
    if not (stamp[3] < written_ns and stamp[4] < written_ns):
        return None
    if not data.startswith(MAGIC):
        return None
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        return None
    try:
        header = json.loads(data[len(MAGIC):end])
    except (ValueError, RecursionError):
        return None
    if not (isinstance(header, dict) and header.get("format") == FORMAT
            and header.get("tidy") == __version__ and header.get("root") == root
            and header.get("index") == list(stamp)):
        return None
    paths, blobs, same = header.get("paths"), header.get("blobs"), header.get("same")
    if type(paths) is not int or type(blobs) is not int or type(same) is not bool:
        return None
    memo_end = data.find(b"\n", end + 1)
    if memo_end < 0:
        return None
    body = data[memo_end + 1:]
    if not _paths_clean(body):
        return None
    try:
        text = body.decode(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
    except UnicodeError:
        return None
    listing = _listing(text, paths, blobs, same)
    if listing is None:
        return None
    return replace(listing, memo=_FileMemo(
        path, stamp, _answers(data[len(MAGIC):end + 1], data[end + 1:memo_end]), new=False))


def _signed_answers(header: bytes, memo: dict[str, tuple[str, Json]]) -> bytes:
    """The memo's line: its answers' JSON after their signature (content_notes' key) over
    the header and them, so that they are used for this very root, index and tidy only, and
    only as this user's tidy wrote them; with no key to sign with, no answers."""
    key = signing_key(make=True) if memo else None
    if key is None:
        return _UNSIGNED + b" {}\n"
    answers = json.dumps({name: [inputs, value] for name, (inputs, value) in memo.items()},
                         separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return signature(key, header + answers) + b" " + answers + b"\n"


def _answers(header: bytes, line: bytes) -> dict[str, tuple[str, Json]]:
    """The memo's kept answers, by name: (inputs, value); none when the line is not what
    save() writes or its signature is not this user's over this header (the listing itself
    is still good: each answer is checked when used). Checked for shape alone, a forged
    answer of the right shape changed what a scan reported (trust round 14)."""
    mac, _, answers = line.partition(b" ")
    key = signing_key(make=False)
    if key is None or len(mac) != len(_UNSIGNED) or not hmac.compare_digest(
            mac, signature(key, header + answers)):
        return {}
    try:
        kept = json.loads(answers)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {name: (entry[0], entry[1]) for name, entry in kept.items()
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)}


def _listing(text: str, paths: int, blobs: int, same: bool) -> IndexListing | None:
    fields = text.split("\0")
    want = paths + blobs + (0 if same else blobs)
    if paths < 0 or blobs < 0 or len(fields) != want + 1 or fields[-1] != "":
        return None  # every field ends in a NUL: nothing after the last, nothing missing
    listing = IndexListing(
        tuple(fields[:paths]), tuple(fields[paths:paths + blobs]),
        tuple(fields[:paths] if same else fields[paths + blobs:want]))
    if same and paths != blobs:
        return None
    if not _well_formed(listing) or (not same and not _blob_paths_known(listing)):
        return None
    return listing


def _paths_clean(body: bytes) -> bool:
    """No field of `body` (NUL-terminated fields) is a path git could not list: in C where
    it was built (250k bench tree: 3 MB in ~2 ms, the regular expression ~22 ms)."""
    if _native_clean is not None:
        return _native_clean(body)
    return paths_clean_in_python(body)


def paths_clean_in_python(body: bytes) -> bool:
    """_paths_clean without C: the fallback, and what tests hold the C loop to."""
    return _BAD_PATH.search(b"\0" + body) is None


def _load_native_clean() -> Callable[[bytes], bool] | None:
    if os.environ.get("TIDY_PURE_PYTHON"):
        return None
    try:
        from tidy.workspace import _fastmeasure
    except ImportError:
        return None
    return getattr(_fastmeasure, "paths_clean", None)


_native_clean = _load_native_clean()


def _well_formed(listing: IndexListing) -> bool:
    """Paths sorted and each once; ids of one hash's length, hexadecimal (lower case)."""
    paths = listing.paths
    # Each path greater than the one before: sorted and none twice, in one pass (a set and
    # a sort of the 250k bench tree's 36,000 paths cost ~4 ms of every warm scan).
    if not all(map(operator.lt, paths, itertools.islice(paths, 1, None))):
        return False
    ids = listing.blob_ids
    if len(ids) != len(listing.blob_paths):
        return False
    if not ids:
        return True
    joined = "".join(ids)
    if set(map(len, ids)) not in ({40}, {64}) or not joined.isascii():
        return False
    # Nothing left once the lower-case hexadecimal digits are taken out: one pass in C
    return not joined.encode("ascii").translate(None, _HEX_DIGITS)


def _blob_paths_known(listing: IndexListing) -> bool:
    known = set(listing.paths)
    return all(p in known for p in listing.blob_paths)


def root_in_head(head: bytes) -> str | None:
    """The repo root the first bytes of a kept listing name; None when they are not one's
    (`tidy trash purge` deletes only what reads as tidy's)."""
    return root_named(head, MAGIC, FORMAT)


def root_named(head: bytes, magic: bytes, format_: int) -> str | None:
    """The root in the JSON header line after `magic` of a file tidy keeps, when that header
    is of `format_`; None otherwise."""
    end = head.find(b"\n", len(magic))
    if not head.startswith(magic) or end < 0:
        return None
    try:
        header = json.loads(head[len(magic):end])
    except (ValueError, RecursionError):
        return None
    root = header.get("root") if isinstance(header, dict) else None
    return root if isinstance(root, str) and header.get("format") == format_ else None


def clear(root: str) -> str | None:
    """Delete the kept listing of the repo at `root` (a regular file or a link, by name in
    its folder); its path when there was one."""
    return remove_kept_file(cache_path(root))
