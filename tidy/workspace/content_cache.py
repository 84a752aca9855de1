"""The content cache: what the content pass learnt about each file, kept between scans.

Git's index and ruff's cache are the models. One JSON file per repository, inside its git
directory (`<git dir>/tidy/content-cache.json`), or for a plain folder in tidy's state folder
(`content-cache/<hash of the path>.json`). Per file, keyed by (device, inode, size, mtime_ns,
ctime_ns), the facts the rules asked for (see tidy.workspace.content). An entry is used only
when the file's stat is the same on every field. Most files have the same facts (text, no
reference found): each distinct set is written once, in a table the entries point into
(`"facts": [{...}, ...]`), so what a warm scan reads is about the paths and their stats.
Those are not JSON: the file is a JSON object on one line (its header, the facts table, the
notes, the blobs; `"count"` paths taking `"paths_bytes"` bytes), a newline, then the binary
tail (TAIL): the paths, each in UTF-8 (surrogateescape: any name the file system has) ended
by a NUL byte, then in the same order each one's (device, inode, size, mtime_ns, ctime_ns,
row of the table) packed in 48 bytes (PACKED). A warm scan splits the paths in one call and
hands the packed bytes to the C loop as they are: no JSON string of 2 MB of hexadecimal
digits scanned by the JSON parser and then by bytes.fromhex, no JSON list of 21,700 strings
(250k bench tree: the file 2.9 -> 1.8 MB, its load ~17 -> ~12 ms of CPU). FORMAT 6 kept
the paths as a JSON list and the packed stats as one string of hexadecimal digits; FORMAT 5 a
JSON list per path, and refused a negative number: one file dated before 1970 made the whole
cache untrusted.

It is tidy's own state, and still untrusted input: the file is JSON and fixed-size records
(never pickle), read
through no link, only when this user owns it (another user's git dir gets no cache of ours: it
is kept in the state folder), bounded in size, checked entry by entry, and thrown away as a
whole when its format, tidy's version or the shape of the facts (`shape`) differ, or when
anything in it is not what tidy writes. A cache that cannot be read is rebuilt; it is never a
reason to fail. Writes replace the file in one rename (tidy.core.safe_files.replace_at): two
scans writing at once leave one complete cache or the other.

Beside the files, a table of blobs (`"blobs"`): for one set of strings (the vendored libraries'
paths), how often each occurs in a blob, by git object id, for the history walk of
tidy.workspace.pickaxe. A blob id names its bytes for ever, so these entries need no stat and
stay true across commits; the table is thrown away when its strings are not the ones asked
now. Most blobs hold none of the strings: their ids are one string of 40-character ids
(`"zero"`), the others `{id: [count, ...]}`. A table that is not what tidy writes is ignored
as a whole (the walk then reads the blobs again). Its counts need no stat to be used, so it
is signed (`"blobs_mac"`: HMAC-SHA256 under content_notes' per-user key, handed in by the
caller, over the table, root, shape and tidy): a table of the right shape written by whoever
writes the git directory (a downloaded repo's .git) is no table (trust round 19, where one made
TDY401's "last referenced" lie). A file's well-formed facts that lie cannot be told from true
ones, but they are used only under the file's own stat, ctime included, which no one sets.

Notes (answers keyed by what they depend on, such as a commit id) are kept in a file of their
own beside a cache in a git directory (tidy.workspace.content_notes): a scan that only noted
something (the main process, after the early job's worker saved the cache) writes a few kB,
not the whole cache a second time. A cache in the state folder keeps its notes in itself.

The racy-git problem (a file changed within the timestamp tick of the cache's write, so its
stat still matches): as git does with its index, an entry whose mtime or ctime is not older
than the cache file's own mtime is not trusted and the file is read again.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import os
import re
import stat
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from tidy import __version__
from tidy.core.safe_files import replace_at
from tidy.core.state import state_dir
from tidy.workspace.git import git_dir

if TYPE_CHECKING:
    from tidy.workspace.measure import EntryStat

# 2: the search's hits kept per pattern set; 3: each distinct set of facts once; 4: the
# blob table; 5: a line's text kept with its first hit only; 6: the entries packed (PACKED);
# 7: the paths and the packed entries a binary tail after the JSON (TAIL), not JSON
FORMAT = 7
CACHE_NAME = "content-cache.json"
CACHE_FOLDER = "tidy"  # inside the git directory
STATE_FOLDER = "content-cache"  # inside the state folder, for plain folders
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a bigger file is not read (and not written)
MAX_ENTRIES = 500_000
MAX_NOTES = 10_000  # answers keyed by content, not by a file's stat (a commit's history)
MAX_BLOBS = 1_000_000  # blob table entries (40 MB of ids at most)
MAX_NEEDLES = 10_000
_SHA1_HEX = re.compile(r"[0-9a-f]*")
_OBJECT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)

StatKey = tuple[int, int, int, int, int]  # device, inode, size, mtime_ns, ctime_ns
# An entry's key and the row of its facts, as the cache keeps them (in hexadecimal, one record
# per path, in the order of "paths"): device, inode, size, then mtime_ns and ctime_ns (signed:
# a file may be dated before 1970), then the row. The C loop (_fastmeasure.packed_entries)
# reads the same layout.
PACKED = struct.Struct("<QQQqqQ")
# Between the JSON and the binary tail. json.dumps writes no newline (not between values with
# save's separators, and as \n inside a string): the first one ends the JSON.
TAIL = b"\n"
Facts = dict[str, object]  # fact name -> JSON value (tidy.workspace.content decodes them)


class Entry(NamedTuple):
    """What is known of one file under one stat. A named tuple: a warm scan makes one per
    file of the repo from the cache (a frozen dataclass's __init__ cost 1 us more each)."""

    key: StatKey
    facts: Facts


def stat_key(st: EntryStat) -> StatKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def cache_path(root: str) -> str:
    """Where the cache of the group rooted at `root` lives: in its git dir when this user
    owns it, else (a plain folder; another user's repo, scanned by root or through
    safe.directory) in this user's state folder. Writing into another user's git dir would
    leave them a folder of ours they cannot delete (`rm -rf` of their own repo fails), and
    reading what another user wrote there would take their word for this user's facts."""
    directory = git_dir(root)
    if directory is not None and _owned_by_me(directory):
        return os.path.join(directory, CACHE_FOLDER, CACHE_NAME)
    return os.path.join(state_dir(), STATE_FOLDER, f"{state_digest(root)}.json")


def _owned_by_me(path: str) -> bool:
    try:
        return os.stat(path).st_uid == os.geteuid()
    except OSError:
        return False


def state_digest(root: str) -> str:
    """The name (without .json) of a plain folder's cache in the state folder."""
    return hashlib.sha256(os.fsencode(os.path.realpath(root))).hexdigest()[:24]


class BlobTable:
    """Counts of `needles` per blob id: the zero ones as one string of ids (split into a set
    on first use: a warm scan at an unchanged commit never asks), the others by id."""

    def __init__(self, needles: tuple[str, ...] = (), zero: str = "",
                 counts: dict[str, tuple[int, ...]] | None = None,
                 signed: Callable[[], bool] | None = None) -> None:
        self.needles = needles
        self._zero_ids = zero
        self._zero: set[str] | None = None
        self.counts: dict[str, tuple[int, ...]] = counts if counts is not None else {}
        # A kept table's signature, checked on first use (a warm scan that asks no history
        # pays no HMAC): a table it does not verify is an empty one.
        self._signed = signed

    def _verified(self) -> None:
        signed, self._signed = self._signed, None
        if signed is not None and not signed():
            self._zero_ids, self._zero, self.counts = "", None, {}

    def __len__(self) -> int:
        self._verified()
        return len(self._zero_ids) // 40 + len(self.counts)

    def get(self, sha: str) -> tuple[int, ...] | None:
        self._verified()
        found = self.counts.get(sha)
        if found is not None:
            return found
        if sha in self.zero_ids():
            return tuple(0 for _ in self.needles)
        return None

    def zero_ids(self) -> set[str]:
        self._verified()
        if self._zero is None:
            ids = self._zero_ids
            self._zero = {ids[i:i + 40] for i in range(0, len(ids), 40)}
        return self._zero

    def items(self) -> dict[str, tuple[int, ...]]:
        self._verified()
        zero = tuple(0 for _ in self.needles)
        return {**dict.fromkeys(self.zero_ids(), zero), **self.counts}


@dataclass
class Loaded:
    """What a cache held that can be trusted: file entries by group-relative path, notes
    (answers keyed by what they depend on, such as a commit id) and the blob table."""

    entries: dict[str, Entry] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    blobs: BlobTable = field(default_factory=BlobTable)


KeyOf = Callable[[bool], "bytes | None"]  # content_notes.signing_key: the user's key (made?)


def load(path: str, root: str, shape: str, key: KeyOf | None = None) -> Loaded:
    """The trusted part of the cache at `path`; nothing when there is no cache or it is not
    one this tidy wrote for `root` with these facts' `shape`. `key`: the signing key of the
    blob table (none: no table)."""
    raw = read_own_file(path, head_pattern(root, shape))
    if raw is None:
        return Loaded()
    data, cutoff = raw
    end = data.find(TAIL)
    if end < 0:
        return Loaded()
    try:
        body = json.loads(data[:end])
    except (ValueError, RecursionError):
        return Loaded()
    if not _header_matches(body, root, shape):
        return Loaded()
    count, names = body.get("count"), body.get("paths_bytes")
    notes, table = body.get("notes", {}), body.get("facts")
    tail = memoryview(data)[end + len(TAIL):]
    if not (type(count) is int and 0 <= count <= MAX_ENTRIES and type(names) is int
            and names >= 0 and names + PACKED.size * count == len(tail)
            and isinstance(notes, dict) and len(notes) <= MAX_NOTES
            and all(isinstance(v, str) for v in notes.values())
            and type(table) is list and len(table) <= MAX_ENTRIES
            and all(type(facts) is dict for facts in table)):
        return Loaded()
    paths = split_paths(tail[:names], count)
    trusted = (None if paths is None
               else trusted_entries(paths, tail[names:], table, cutoff))
    if trusted is None:
        return Loaded()  # not what tidy writes: none of it is trusted
    return Loaded(trusted, notes, _blob_table(body.get("blobs"), body.get("blobs_mac"),
                                              (root, shape, key)))


def split_paths(names: memoryview | bytes, count: int) -> list[str] | None:
    """The `count` paths of a tail's `names` (each in UTF-8, surrogateescape, ended by a NUL
    byte: save's join_paths); None when `names` is not exactly that. One decode and one
    split for them all."""
    if count == 0:
        return [] if len(names) == 0 else None
    if len(names) == 0 or names[-1] != 0:
        return None
    paths = str(names[:-1], "utf-8", "surrogateescape").split("\0")
    return paths if len(paths) == count else None


def join_paths(paths: list[str]) -> bytes | None:
    """split_paths' `names` for `paths`; None when one cannot be written so (a NUL in it, or
    a surrogate that is not an undecodable byte's: no file system gives such a name)."""
    if not paths:
        return b""
    try:
        names = "\0".join(paths).encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return None
    if names.count(0) != len(paths) - 1:  # a NUL of a path's own
        return None
    return names + b"\0"


def trusted_entries(paths: list[str] | list[object], packed: bytes | memoryview, table: list[Facts],
                    cutoff: int) -> dict[str, Entry] | None:
    """The cache's file entries as save() writes them (`paths`, and their keys and facts rows
    PACKED in `packed`), each made an Entry; None when any is not. In C where it was built (a
    warm scan makes one per file of the repo)."""
    if _native_entries is not None and -(1 << 63) <= cutoff < 1 << 63:
        return _native_entries(paths, packed, table, cutoff, Entry)
    return trusted_entries_in_python(paths, packed, table, cutoff)


def trusted_entries_in_python(paths: list[str] | list[object], packed: bytes | memoryview,
                              table: list[Facts],
                              cutoff: int) -> dict[str, Entry] | None:
    """trusted_entries without C: the fallback, and what tests hold the C loop to."""
    if len(packed) != len(paths) * PACKED.size:
        return None
    trusted: dict[str, Entry] = {}
    racy: list[str] = []
    for rel, (dev, ino, size, mtime, ctime, row) in zip(paths, PACKED.iter_unpack(packed),
                                                        strict=True):
        if type(rel) is not str or row >= len(table):
            return None
        trusted[rel] = Entry((dev, ino, size, mtime, ctime), table[row])
        # Racy: changed within the tick of the cache's own write, the stat may not tell.
        if not (mtime < cutoff and ctime < cutoff):
            racy.append(rel)
    if len(trusted) != len(paths):
        return None  # a path twice
    for rel in racy:
        del trusted[rel]
    return trusted


_NativeEntries = Callable[[list[str] | list[object], bytes | memoryview, list[Facts], int,
                           type[Entry]], dict[str, Entry] | None]


def _load_native_entries() -> _NativeEntries | None:
    if os.environ.get("TIDY_PURE_PYTHON"):
        return None
    try:
        from tidy.workspace import _fastmeasure
    except ImportError:
        return None
    return getattr(_fastmeasure, "packed_entries", None)


_native_entries = _load_native_entries()


def _blob_table(value: object, mac: object,
                for_: tuple[str, str, KeyOf | None]) -> BlobTable:
    """The blob table as tidy writes it, signed by this user's key for this root and shape
    (`for_`: checked on first use), else an empty one (not what tidy writes: ignored)."""
    if not isinstance(value, dict) or not isinstance(mac, str) or len(mac) != 64:
        return BlobTable()
        return BlobTable()
    needles, zero, counts = value.get("needles"), value.get("zero"), value.get("counts")
    if not (type(needles) is list and 0 < len(needles) <= MAX_NEEDLES
            and all(isinstance(n, str) and n for n in needles)
            and isinstance(zero, str) and len(zero) % 40 == 0
            and _SHA1_HEX.fullmatch(zero) is not None
            and isinstance(counts, dict) and len(zero) // 40 + len(counts) <= MAX_BLOBS):
        return BlobTable()
    width = len(needles)
    trusted: dict[str, tuple[int, ...]] = {}
    for sha, row in counts.items():
        if not (_OBJECT_ID.fullmatch(sha) and type(row) is list and len(row) == width
                and all(type(c) is int and c >= 0 for c in row)):
            return BlobTable()
        trusted[sha] = tuple(row)

    def signed() -> bool:
        expected = _blobs_signature(value, for_, make=False)
        return expected is not None and hmac.compare_digest(mac.encode("ascii", "replace"),
                                                             expected)

    return BlobTable(tuple(needles), zero, trusted, signed)


def _blobs_signature(table: dict[str, object], for_: tuple[str, str, KeyOf | None],
                     make: bool) -> bytes | None:
    """HMAC-SHA256 (content_notes' per-user key, handed in: that module imports this one) of
    the blob table as written, with the root, shape and tidy it was kept for: a blob's
    counts need no stat to be used, so a table of the right shape that someone else wrote
    into the git directory (a downloaded repo's .git) made TDY401's "last referenced" lie
    (trust round 19). None without a key."""
    root, shape, key_of = for_
    key = key_of(make) if key_of is not None else None
    if key is None:
        return None
    signed = json.dumps([FORMAT, __version__, root, shape, table], separators=(",", ":"),
                        ensure_ascii=False).encode("utf-8", "surrogateescape")
    return hmac.new(key, signed, hashlib.sha256).hexdigest().encode("ascii")


def blob_table_json(table: BlobTable) -> dict[str, object] | None:
    """The table as save() writes it; None when it is empty or too big to keep."""
    if not table.needles or not len(table) or len(table) > MAX_BLOBS:
        return None
    zero: list[str] = []
    counts: dict[str, list[int]] = {}
    for sha, row in table.items().items():
        if len(sha) == 40 and not any(row):
            zero.append(sha)
        else:
            counts[sha] = list(row)
    return {"needles": list(table.needles), "zero": "".join(sorted(zero)), "counts": counts}


_HEAD_BYTES = 65_536  # enough for the header and any root path


def head_pattern(root: str, shape: str, fmt: int = FORMAT) -> re.Pattern[bytes]:
    """How a cache for this root and shape begins: save()'s header, its keys first and in
    this order (whitespace and \\u escapes allowed, as any JSON writer may put them). `fmt`:
    the format of another file that begins the same way (workspace/content_notes)."""
    def value(v: object) -> bytes:
        spellings = {json.dumps(v, ensure_ascii=a).encode("utf-8", "surrogateescape")
                     for a in (False, True)}
        return b"(?:" + b"|".join(re.escape(x) for x in sorted(spellings)) + b")"

    gap = rb"\s*"
    fields = [value(k) + gap + b":" + gap + value(v) for k, v in
              (("format", fmt), ("tidy", __version__), ("shape", shape), ("root", root))]
    return re.compile(rb"\{" + gap + (gap + b"," + gap).join(fields) + gap + b",")


def read_own_file(path: str, head: re.Pattern[bytes] | None = None, limit: int | None = None
                  ) -> tuple[bytes, int] | None:
    """A cache file's bytes and its mtime_ns (this one's, the index listing's of
    workspace/index_cache, the notes' of workspace/content_notes); None when absent, not a
    regular file of this user's, too big (`limit`, else MAX_CACHE_BYTES), or not beginning as
    `head` says. The head is matched before the rest is read: a foreign cache (a downloaded
    repo's, another tidy version's) near the size bound cost a scan 11 s
    and 1 GB parsing 139 MB that its header then threw away."""
    bound = MAX_CACHE_BYTES if limit is None else limit
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        # Another user's file is their word, not what this user's tidy learnt.
        if (not stat.S_ISREG(st.st_mode) or st.st_size > bound
                or st.st_uid != os.geteuid()):
            return None
        start = read_all(fd, _HEAD_BYTES)
        if head is not None and head.match(start) is None:
            return None
        return start + read_all(fd, bound + 1 - len(start)), st.st_mtime_ns
    except OSError:
        return None
    finally:
        os.close(fd)


def read_all(fd: int, limit: int) -> bytes:
    """At most `limit` bytes from `fd`, read to its end (or the limit)."""
    chunks = []
    left = limit
    while left > 0 and (chunk := os.read(fd, min(left, 1 << 22))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _header_matches(body: object, root: str, shape: str) -> bool:
    return (isinstance(body, dict) and body.get("format") == FORMAT
            and body.get("tidy") == __version__ and body.get("shape") == shape
            and body.get("root") == root)


def save(path: str, root: str, shape: str, entries: Mapping[str, Entry],
         notes: Mapping[str, str] | None = None, blobs: BlobTable | None = None,
         key: KeyOf | None = None) -> bool:
    """Replace the cache at `path` with `entries` in one rename; False when it could not be
    written (a read-only git dir, a link where a folder should be, too big)."""
    if len(entries) > MAX_ENTRIES or len(notes or {}) > MAX_NOTES:
        return False
    table, paths, packed = _facts_table(entries)
    names = join_paths(paths)
    if names is None:
        names, paths, packed = _writable(paths, packed)
    body: dict[str, object] = {"format": FORMAT, "tidy": __version__, "shape": shape,
                               "root": root, "notes": dict(notes or {}), "facts": table,
                               "count": len(paths), "paths_bytes": len(names)}
    blob_json = blob_table_json(blobs) if blobs is not None else None
    mac = (_blobs_signature(blob_json, (root, shape, key), make=True)
           if blob_json is not None else None)
    if blob_json is not None and mac is not None:  # never kept unsigned: it would not be read
        body["blobs"] = blob_json
        body["blobs_mac"] = mac.decode("ascii")
    data = b"".join((json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogateescape"), TAIL, names, packed))
    if len(data) > MAX_CACHE_BYTES:
        return False
    try:
        folder = open_cache_folder(os.path.dirname(path))
    except OSError:
        return False
    try:
        replace_at(folder, CACHE_NAME if path.endswith(CACHE_NAME) else os.path.basename(path),
                   data, 0o600)
        return True
    except OSError:
        return False
    finally:
        os.close(folder)


def _facts_table(entries: Mapping[str, Entry]) -> tuple[list[Facts], list[str], bytes]:
    """Each distinct set of facts once, and the entries' paths with, PACKED in that order,
    each one's key and the row of its facts (an entry whose key does not fit is left out: it
    is read again next time). Equal repr means equal facts for JSON values; entries loaded
    together share one dict, so most are matched by identity (held by `entries`, no id is
    reused during the loop)."""
    table: list[Facts] = []
    by_id: dict[int, int] = {}
    by_repr: dict[str, int] = {}
    paths: list[str] = []
    packed = bytearray()
    pack = PACKED.pack
    for rel, entry in entries.items():
        row = by_id.get(id(entry.facts))
        if row is None:
            text = repr(entry.facts)
            row = by_repr.get(text)
            if row is None:
                row = by_repr[text] = len(table)
                table.append(entry.facts)
            by_id[id(entry.facts)] = row
        try:
            packed += pack(*entry.key, row)
        except struct.error:
            continue
        paths.append(rel)
    return table, paths, bytes(packed)


def _writable(paths: list[str], packed: bytes) -> tuple[bytes, list[str], bytes]:
    """join_paths of the `paths` it can write, those paths and their records of `packed`:
    the others are left out (read again next time)."""
    kept: list[str] = []
    records: list[bytes] = []
    for i, rel in enumerate(paths):
        if join_paths([rel]) is not None:
            kept.append(rel)
            records.append(packed[i * PACKED.size:(i + 1) * PACKED.size])
    return join_paths(kept) or b"", kept, b"".join(records)


def open_cache_folder(folder: str) -> int:
    """The cache's folder, made if missing (mode 0700), never through a link: its parent
    (the git dir or the state folder) must exist already."""
    parent = os.open(os.path.dirname(folder), _DIR_FLAGS)
    try:
        name = os.path.basename(folder)
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o700, dir_fd=parent)
        return os.open(name, _DIR_FLAGS, dir_fd=parent)
    finally:
        os.close(parent)


class NotACache(OSError):
    """Something other than a file tidy writes stands where the cache would be."""


def clear(root: str) -> str | None:
    """Delete the cache of the group rooted at `root`; its path when there was one. Only a
    regular file (what save writes) or a link (the link itself) is removed, by name in its
    folder's descriptor; anything else there (a folder, a fifo) raises NotACache, kept."""
    path = cache_path(root)
    try:
        folder = os.open(os.path.dirname(path), _DIR_FLAGS)
    except OSError:
        return None
    name = os.path.basename(path)
    try:
        st = os.stat(name, dir_fd=folder, follow_symlinks=False)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
            raise NotACache(errno.EEXIST, "not a file tidy wrote (left alone)", path)
        os.unlink(name, dir_fd=folder)
        return path
    except FileNotFoundError:
        return None
    finally:
        os.close(folder)


def clear_state_caches() -> int:
    """Delete every plain folder's cache kept in the state folder; how many there were."""
    folder_path = os.path.join(state_dir(), STATE_FOLDER)
    try:
        folder = os.open(folder_path, _DIR_FLAGS)
    except OSError:
        return 0
    removed = 0
    try:
        for name in os.listdir(folder):
            if name.endswith(".json"):
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=folder)
                    removed += 1
    finally:
        os.close(folder)
    return removed
