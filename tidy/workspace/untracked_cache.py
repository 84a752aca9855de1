"""git's listing of a repo's untracked files (TDY401's), kept between scans under its inputs.

`git ls-files -z --others --exclude-standard -- . :(exclude,top,literal)SKIP...` reads every
folder outside the artifacts: on the 250k bench tree ~42 ms of git's CPU at the walk's end,
on the core the walk needs, for an answer that is the same from one scan to the next. That
answer depends on nothing but:

- which names each folder git reads holds: a folder's mtime and ctime move when a name is
  added to it, removed or renamed (git's own untracked cache rests on the same fact), and its
  device and inode change when another folder or a mount takes its place;
- the index (which names are tracked): index_cache's stamp, stat and git's checksum;
- the ignore rules: every `.gitignore` in those folders (its stat; one added or removed moves
  its folder's), `info/exclude` and core.excludesFile (their stat, through a link and not,
  and their folder's);
- git's config, all of it as `git config -z --list` prints it in the repo (every scope, its
  includes, the variables tidy passes): core.excludesFile, core.ignoreCase and whatever else
  git reads; git itself (its path and stat); the pathspecs; tidy's version.

Kept in `<git dir>/tidy/untracked-listing`, only in a git directory this user owns, with
every one of those, and used only when each is the same now. It is written only when nothing
of it changed while git listed: the index's stamp and the config the same before and after
git ran, and every folder and file recorded older than git's start by RACY_MARGIN_NS (file
times come from the kernel's coarse clock): a change within the tick git read in is never
stamped as what git saw (git's racy-git rule, as index_cache applies it). Never kept: a tree
with a `.git` below its root (git decides by a nested repository's git folder, which no
folder's stat shows, whether to list its files), a `.gitignore` that is not a regular file
(git may or may not follow a link), more than MAX_FOLDERS folders. Keeping a new answer walks
the folders to record them; when a listing was kept before, a folder with the stat it
recorded holds the names it held, and only the folders whose stat moved are listed again.

Untrusted input all the same: read through no link, only this user's regular file, bounded,
and used only under its signature (HMAC-SHA256 with content_notes' per-user key over all of
it): anything else is ignored and git asked. `--no-cache` reads and writes none.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import shutil
import stat
import time
from collections.abc import Sequence
from typing import Any

from tidy import __version__
from tidy.core.safe_files import remove_kept_file
from tidy.workspace.content_cache import read_own_file
from tidy.workspace.content_notes import signature, signing_key
from tidy.workspace.git import (
    GitUnavailable,
    _default_excludes_file,
    _info_exclude,
    run_git,
)
from tidy.workspace.index_cache import (
    RACY_MARGIN_NS,
    index_stamp,
    kept_path,
    root_named,
    write_kept,
)

FORMAT = 1
CACHE_NAME = "untracked-listing"
MAGIC = b"tidy untracked listing\n"
MAX_FOLDERS = 50_000  # past this, checking the folders costs what git's walk does
_EXCLUDE = ":(exclude,top,literal)"
_SIGNATURE_BYTES = 64
_ROOT_FLAGS = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)

Record = list[int] | None  # a stat as kept: dev, ino, mode, size, mtime_ns, ctime_ns; None: absent


class Probe:
    """One listing's inputs as they are now, the kept answer when it is theirs, and what a
    new answer needs to be kept (begin before git starts, save once it has answered)."""

    def __init__(self, root: str, args: Sequence[str]) -> None:
        self.root = root
        self.args = list(args)
        self.started_ns = time.time_ns()  # before anything is read
        self.path = cache_path(root)
        self.key = _inputs(root) if self.path is not None else None
        self._before: dict[str, object] | None = None

    def kept(self) -> bytes | None:
        """git's output kept for these very inputs; None when there is none to trust."""
        if self.path is None or self.key is None:
            return None
        payload = _load(self.path)
        if payload is None or not _same_listing(payload, self.root, self.args):
            return None
        self._before = payload  # save()'s walk then reads again only what changed
        if not all(payload.get(name) == value for name, value in self.key.items()):
            return None
        folders, ignores = payload.get("folders"), payload.get("ignores")
        if not (_same_stats(self.root, folders) and _same_stats(self.root, ignores)):
            return None
        try:
            return base64.b64decode(payload.get("out"), validate=True)  # type: ignore[arg-type]
        except (ValueError, TypeError):
            return None

    def save(self, output: bytes) -> bool:
        """Keep git's `output` when nothing it depends on changed while git ran (and none of
        it is racy); False when not written."""
        if self.path is None or self.key is None:
            return False
        recent = self.started_ns - RACY_MARGIN_NS
        if _inputs(self.root) != self.key or not _old(self.key["index"][3:5], recent):
            return False
        if not all(_old(_times(record), recent) for record in self.key["excludes"]):
            return False
        known = _Known.of(self._before) if self._before is not None else None
        found = _folders(self.root, _skipped(self.args), recent, known)
        if found is None:
            return False
        folders, ignores = found
        payload = {**self.key, "format": FORMAT, "tidy": __version__, "root": self.root,
                   "args": self.args, "folders": folders, "ignores": ignores,
                   "out": base64.b64encode(output).decode("ascii")}
        return _save(self.path, self.root, payload)


def cache_path(root: str) -> str | None:
    """Where the listing of the repo at `root` is kept; None when its git directory is not
    this user's (or there is none)."""
    return kept_path(root, CACHE_NAME)


def _inputs(root: str) -> dict[str, Any] | None:
    """What the listing depends on besides the folders (see the module): None when one of
    them cannot be known (no readable index, git's config cannot be listed, an excludes
    file named in a way tidy does not expand)."""
    stamp = index_stamp(root)
    git = shutil.which("git")
    if stamp is None or git is None:
        return None
    try:
        config = run_git(root, "config", "-z", "--list")
    except (GitUnavailable, OSError):
        return None
    excludes = _excludes_file(root, config)
    if excludes is None:
        return None
    files = [f for f in (_info_exclude(root), excludes) if f]
    return {"index": list(stamp), "git": [git, *(_record(git) or [])],
            "config": hashlib.sha256(config).hexdigest(),
            "excludes": [_file_records(f) for f in files]}


def _excludes_file(root: str, config: bytes) -> str | None:
    """The per-user excludes file git reads with this config (its last core.excludesFile,
    else git's default); "" for none; None when named in a way not expanded here."""
    value = None
    for record in config.split(b"\0"):
        key, _, setting = record.partition(b"\n")
        if key.lower() == b"core.excludesfile":
            value = os.fsdecode(setting)
    if value is None:
        return _default_excludes_file()
    if not value:
        return ""
    if value.startswith("~/"):
        return os.path.join(os.path.expanduser("~"), value[2:])
    if value.startswith(("~", "%(")):
        return None  # another user's home, git's prefix: not guessed
    return os.path.join(root, value)  # absolute, or relative to where git runs


def _file_records(path: str) -> list[object]:
    """An ignore file as kept: its path, its stat through a link and not, its folder's."""
    return [path, _record(path, follow=False), _record(path), _record(os.path.dirname(path),
                                                                      follow=False)]


def _record(path: str, follow: bool = True) -> Record:
    try:
        st = os.stat(path, follow_symlinks=follow)
    except (OSError, ValueError):
        return None
    return _of(st)


def _of(st: os.stat_result) -> list[int]:
    return [st.st_dev, st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _times(record: object) -> list[int]:
    """The mtimes and ctimes in a record (or a file's records)."""
    if isinstance(record, list) and record and isinstance(record[0], str):
        return [t for r in record[1:] for t in _times(r)]
    return record[4:6] if isinstance(record, list) else []


def _old(times: Sequence[int], recent: int) -> bool:
    return all(t < recent for t in times)


def _skipped(args: Sequence[str]) -> frozenset[str]:
    """The folders the pathspecs leave out (git reads nothing in them)."""
    return frozenset(a[len(_EXCLUDE):] for a in args if a.startswith(_EXCLUDE))


def _folders(root: str, skip: frozenset[str], recent: int, known: _Known | None = None
             ) -> tuple[list[list[object]], list[list[object]]] | None:
    """Every folder git may read for the listing, not through a link and not into `skip`,
    and every `.gitignore` in them, each with its stat; None when the tree is one whose
    listing is never kept (see the module), or as soon as one of them changed at or after
    `recent` (racy: what git saw is not known; the rest need not be read). A folder `known`
    holds with the same stat is not listed again."""
    folders: list[list[object]] = []
    ignores: list[list[object]] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        path = os.path.join(root, rel) if rel else root
        try:
            folder = _of(os.stat(path, follow_symlinks=False))
            if not _old(folder[4:6], recent):
                return None
            folders.append([rel, folder])
            if len(folders) > MAX_FOLDERS:
                return None
            if known is not None and known.stat.get(rel) == folder:
                stack.extend(known.below.get(rel, ()))
                for rule in known.rules.get(rel, ()):
                    rules = _of(os.stat(os.path.join(root, rule), follow_symlinks=False))
                    if not stat.S_ISREG(rules[2]) or not _old(rules[4:6], recent):
                        return None
                    ignores.append([rule, rules])
                continue
            with os.scandir(path) as entries:
                for entry in entries:
                    name = entry.name
                    if name[0] == ".":  # only these few need more than a look at the type
                        lowered = name.lower()  # as git names them with core.ignoreCase
                        if lowered == ".git" and rel:
                            return None  # a nested repository
                        if name == ".git" and not rel:
                            continue  # the repository's own
                        if lowered == ".gitignore":
                            if not entry.is_file(follow_symlinks=False):
                                return None
                            rules = _of(entry.stat(follow_symlinks=False))
                            if not _old(rules[4:6], recent):
                                return None
                            ignores.append([f"{rel}/{name}" if rel else name, rules])
                            continue
                    if entry.is_dir(follow_symlinks=False):
                        child = f"{rel}/{name}" if rel else name
                        if child not in skip:
                            stack.append(child)
        except OSError:
            return None  # a folder git may read and tidy cannot: not guessed
    return folders, ignores


def _same_stats(root: str, kept: object) -> bool:
    """Whether every kept folder or `.gitignore` has the stat it had (each looked up from
    the root's descriptor: ~1,000 folders on the 250k bench tree, on the main process's
    path, without a whole path resolved for each)."""
    if not isinstance(kept, list):
        return False
    try:
        fd = os.open(root, _ROOT_FLAGS)
    except OSError:
        return False
    try:
        for entry in kept:
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)):
                return False
            try:
                now = os.stat(entry[0] or ".", dir_fd=fd, follow_symlinks=False)
            except (OSError, ValueError):
                return False
            if _of(now) != entry[1]:
                return False
        return True
    finally:
        os.close(fd)


def _same_listing(payload: dict[str, object], root: str, args: list[str]) -> bool:
    """Whether `payload` is this tidy's listing of `root` with these pathspecs."""
    return (payload.get("format") == FORMAT and payload.get("tidy") == __version__
            and payload.get("root") == root and payload.get("args") == args)


class _Known:
    """The folders a kept listing recorded, by folder: its stat, its subfolders and its
    `.gitignore`. A folder whose stat is the same now holds the same names (the cache's own
    premise): save()'s walk takes its subfolders and rules from here instead of listing it
    again, so a file added costs the folders that changed, not the whole walk."""

    def __init__(self) -> None:
        self.stat: dict[str, list[int]] = {}
        self.below: dict[str, list[str]] = {}
        self.rules: dict[str, list[str]] = {}

    @classmethod
    def of(cls, payload: dict[str, object]) -> _Known | None:
        known = cls()
        folders, ignores = payload.get("folders"), payload.get("ignores")
        if not (isinstance(folders, list) and isinstance(ignores, list)):
            return None
        for entry in folders:
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)
                    and isinstance(entry[1], list)):
                return None
            rel = entry[0]
            known.stat[rel] = entry[1]
            if rel:
                known.below.setdefault(rel.rpartition("/")[0], []).append(rel)
        for entry in ignores:
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)):
                return None
            known.rules.setdefault(entry[0].rpartition("/")[0], []).append(entry[0])
        return known


def _save(path: str, root: str, payload: dict[str, object]) -> bool:
    key = signing_key(make=True)
    if key is None:
        return False
    head = json.dumps({"format": FORMAT, "root": root}, ensure_ascii=True).encode() + b"\n"
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    return write_kept(path, MAGIC + head + signature(key, head + body) + b"\n" + body)


def _load(path: str) -> dict[str, object] | None:
    """The kept payload when it is this user's, whole and signed with their key."""
    raw = read_own_file(path)
    key = signing_key(make=False)
    if raw is None or key is None or not raw[0].startswith(MAGIC):
        return None
    data = raw[0][len(MAGIC):]
    head_end = data.find(b"\n")
    mac_end = head_end + 1 + _SIGNATURE_BYTES
    if head_end < 0 or data[mac_end:mac_end + 1] != b"\n":
        return None
    head, mac, body = data[:head_end + 1], data[head_end + 1:mac_end], data[mac_end + 1:]
    if not hmac.compare_digest(mac, signature(key, head + body)):
        return None
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return payload if isinstance(payload, dict) else None


def root_in_head(head: bytes) -> str | None:
    """The repo root the first bytes of a kept listing name; None when they are not one's
    (`tidy trash purge` deletes only what reads as tidy's)."""
    return root_named(head, MAGIC, FORMAT)


def clear(root: str) -> str | None:
    """Delete the kept listing of the repo at `root`; its path when there was one."""
    return remove_kept_file(cache_path(root))
