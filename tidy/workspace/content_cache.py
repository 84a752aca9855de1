"""The content cache: what the content pass learnt about each file, kept between scans.

Git's index and ruff's cache are the models. One JSON file per repository, inside its git
directory (`<git dir>/tidy/content-cache.json`), or for a plain folder in tidy's state folder
(`content-cache/<hash of the path>.json`). Per file, keyed by (device, inode, size, mtime_ns,
ctime_ns), the facts the rules asked for (see tidy.workspace.content). An entry is used only
when the file's stat is the same on every field. Most files have the same facts (text, no
reference found): each distinct set is written once, in a table the entries point into
(`"facts": [{...}, ...]`, an entry `[device, inode, size, mtime_ns, ctime_ns, row]`), so the
file a warm scan parses is about the paths and their stats (3.3 MB -> 2.1 MB, its parse 54 ->
18 ms on the 250k bench tree).

It is tidy's own state, and still untrusted input: the file is JSON (never pickle), read
through no link, bounded in size, checked entry by entry, and thrown away as a whole when its
format, tidy's version or the shape of the facts (`shape`) differ, or when anything in it is
not what tidy writes. A cache that cannot be read is rebuilt; it is never a reason to fail.
Writes replace the file in one rename (tidy.core.safe_files.replace_at): two scans writing at
once leave one complete cache or the other.

The racy-git problem (a file changed within the timestamp tick of the cache's write, so its
stat still matches): as git does with its index, an entry whose mtime or ctime is not older
than the cache file's own mtime is not trusted and the file is read again.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from tidy import __version__
from tidy.core.safe_files import replace_at
from tidy.core.state import state_dir
from tidy.workspace.git import git_dir

FORMAT = 3  # 2: the search's hits kept per pattern set; 3: each distinct set of facts once
CACHE_NAME = "content-cache.json"
CACHE_FOLDER = "tidy"  # inside the git directory
STATE_FOLDER = "content-cache"  # inside the state folder, for plain folders
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a bigger file is not read (and not written)
MAX_ENTRIES = 500_000
MAX_NOTES = 10_000  # answers keyed by content, not by a file's stat (a commit's history)
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)

StatKey = tuple[int, int, int, int, int]  # device, inode, size, mtime_ns, ctime_ns
Facts = dict[str, object]  # fact name -> JSON value (tidy.workspace.content decodes them)


class Entry(NamedTuple):
    """What is known of one file under one stat. A named tuple: a warm scan makes one per
    file of the repo from the cache (a frozen dataclass's __init__ cost 1 us more each)."""

    key: StatKey
    facts: Facts


def stat_key(st: os.stat_result) -> StatKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def cache_path(root: str) -> str:
    """Where the cache of the group rooted at `root` lives."""
    directory = git_dir(root)
    if directory is not None:
        return os.path.join(directory, CACHE_FOLDER, CACHE_NAME)
    return os.path.join(state_dir(), STATE_FOLDER, f"{state_digest(root)}.json")


def state_digest(root: str) -> str:
    """The name (without .json) of a plain folder's cache in the state folder."""
    return hashlib.sha256(os.fsencode(os.path.realpath(root))).hexdigest()[:24]


@dataclass
class Loaded:
    """What a cache held that can be trusted: file entries by group-relative path, and notes
    (answers keyed by what they depend on, such as a commit id)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def load(path: str, root: str, shape: str) -> Loaded:
    """The trusted part of the cache at `path`; nothing when there is no cache or it is not
    one this tidy wrote for `root` with these facts' `shape`."""
    raw = _read(path)
    if raw is None:
        return Loaded()
    data, cutoff = raw
    try:
        body = json.loads(data)
    except (ValueError, RecursionError):
        return Loaded()
    if not _header_matches(body, root, shape):
        return Loaded()
    entries, notes, table = body.get("entries"), body.get("notes", {}), body.get("facts")
    if not (isinstance(entries, dict) and len(entries) <= MAX_ENTRIES and isinstance(notes, dict)
            and len(notes) <= MAX_NOTES and all(isinstance(v, str) for v in notes.values())
            and type(table) is list and len(table) <= MAX_ENTRIES
            and all(type(facts) is dict for facts in table)):
        return Loaded()
    trusted: dict[str, Entry] = {}
    for rel, value in entries.items():
        entry = _entry(value, table)
        if entry is None:
            return Loaded()  # not what tidy writes: none of it is trusted
        # Racy: changed within the tick of the cache's own write, the stat may not tell.
        if entry.key[3] < cutoff and entry.key[4] < cutoff:
            trusted[rel] = entry
    return Loaded(trusted, notes)


def _read(path: str) -> tuple[bytes, int] | None:
    """The cache's bytes and its mtime_ns; None when absent, not a regular file or too big."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_CACHE_BYTES:
            return None
        return read_all(fd, MAX_CACHE_BYTES + 1), st.st_mtime_ns
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


def _entry(value: object, table: list[Facts]) -> Entry | None:
    """[device, inode, size, mtime_ns, ctime_ns, row of the facts table], each number a whole
    number >= 0 (spelled out: this runs once per file of the repo on every scan). Entries with
    the same facts share one dict: nothing changes an Entry's facts in place."""
    if type(value) is not list or len(value) != 6:
        return None
    dev, ino, size, mtime, ctime, row = value
    if (type(dev) is not int or type(ino) is not int or type(size) is not int
            or type(mtime) is not int or type(ctime) is not int or type(row) is not int
            or dev < 0 or ino < 0 or size < 0 or mtime < 0 or ctime < 0
            or not 0 <= row < len(table)):
        return None
    return Entry((dev, ino, size, mtime, ctime), table[row])


def save(path: str, root: str, shape: str, entries: Mapping[str, Entry],
         notes: Mapping[str, str] | None = None) -> bool:
    """Replace the cache at `path` with `entries` in one rename; False when it could not be
    written (a read-only git dir, a link where a folder should be, too big)."""
    if len(entries) > MAX_ENTRIES or len(notes or {}) > MAX_NOTES:
        return False
    table, rows = _facts_table(entries)
    body = {"format": FORMAT, "tidy": __version__, "shape": shape, "root": root,
            "notes": dict(notes or {}), "facts": table, "entries": rows}
    data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogateescape")
    if len(data) > MAX_CACHE_BYTES:
        return False
    try:
        folder = _open_folder(os.path.dirname(path))
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


def _facts_table(entries: Mapping[str, Entry]) -> tuple[list[Facts], dict[str, list[int]]]:
    """Each distinct set of facts once, and each entry as its key and the row of its facts.
    Equal repr means equal facts for JSON values; entries loaded together share one dict, so
    most are matched by identity (held by `entries`, no id is reused during the loop)."""
    table: list[Facts] = []
    by_id: dict[int, int] = {}
    by_repr: dict[str, int] = {}
    rows: dict[str, list[int]] = {}
    for rel, entry in entries.items():
        row = by_id.get(id(entry.facts))
        if row is None:
            text = repr(entry.facts)
            row = by_repr.get(text)
            if row is None:
                row = by_repr[text] = len(table)
                table.append(entry.facts)
            by_id[id(entry.facts)] = row
        rows[rel] = [*entry.key, row]
    return table, rows


def _open_folder(folder: str) -> int:
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


def clear(root: str) -> str | None:
    """Delete the cache of the group rooted at `root`; its path when there was one."""
    path = cache_path(root)
    try:
        folder = os.open(os.path.dirname(path), _DIR_FLAGS)
    except OSError:
        return None
    try:
        os.unlink(os.path.basename(path), dir_fd=folder)
        return path
    except OSError as error:
        if error.errno != errno.ENOENT:
            raise
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
