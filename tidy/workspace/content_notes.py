"""The content cache's notes, kept in a small file of their own beside it.

A note is an answer keyed by what it depends on, not by a file's stat: the LFS pointers of big
tracked files (keyed by the index's stamp), the history walk's last references and the paths
it was asked about (keyed by HEAD), the index's size. Some are worked out by the early job's
worker, which saves the content cache after its pass, and some by the main process after the
walk. Kept inside the content cache, the main process's notes cost a second write of the whole
cache on a first scan and on every scan after a commit: a reload, a check of every entry's file
and a dump of them all (web app, 7,005 entries: ~90 ms on the cold critical path) for a few
hundred bytes of notes. Here they cost a write of those bytes, once a scan: the early job's
notes go to the main process with its export, which writes them with its own
(ContentFacts.notes_by_adopter; the worker wrote them too before, a second rename and two
fsyncs on a first scan and after each commit).

`<git dir>/tidy/content-notes.json`, beside the content cache, only where that cache is kept in
a git directory this user owns; a cache in the state folder (a plain folder, another user's
repo) keeps its notes inside itself as before (content_cache.save's `notes`). `--no-cache` reads
and writes none. `tidy cache clear` and `tidy trash purge` drop it with the cache.

It is tidy's own state in a folder others may write (a downloaded repo's .git), so untrusted
input: read through no link, only this user's regular file, bounded (MAX_NOTES_BYTES,
MAX_NOTES), used only when it begins as save() writes it for this root, tidy version and
facts' shape, and signed: the file ends in an HMAC-SHA256 of the rest under a key of this
user's, kept in tidy's state folder (`notes-key`, 0600), which whoever writes the git directory
cannot read. A forged, edited, truncated or foreign file (another user's, another machine's,
one written before the key was replaced) does not verify and is ignored as a whole: the
answers are worked out again and the file rewritten. Writes replace the file in one rename:
two scans writing at once leave one complete, signed file or the other.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import os
import stat

from tidy import __version__
from tidy.core.safe_files import remove_kept_file, replace_at
from tidy.core.state import StateError, check_private, ensure_private, state_dir
from tidy.workspace import content_cache

FORMAT = 1
NOTES_NAME = "content-notes.json"
KEY_NAME = "notes-key"  # in the state folder
KEY_BYTES = 32
MAX_NOTES = content_cache.MAX_NOTES
MAX_NOTES_BYTES = 8 * 1024 * 1024  # a bigger file is not read (and not written)
_MAC_START = b',"mac":"'
_MAC_TAIL = len(_MAC_START) + 64 + 2  # ,"mac":"<64 hex digits>"}
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_keys: dict[str, bytes] = {}  # by state folder: read (or made) once per process


def notes_path(root: str) -> str | None:
    """Where the notes of the group rooted at `root` are kept; None when its content cache
    is not in a git directory of this user's (it then keeps its notes itself)."""
    path = content_cache.cache_path(root)
    if os.path.basename(path) != content_cache.CACHE_NAME:
        return None
    return os.path.join(os.path.dirname(path), NOTES_NAME)


def load(path: str, root: str, shape: str) -> dict[str, str]:
    """The notes kept at `path` for `root` and this `shape`; none when there is no file or it
    is not one this user's tidy signed for them."""
    key = _key(make=False)
    if key is None:
        return {}
    raw = content_cache.read_own_file(path, content_cache.head_pattern(root, shape, FORMAT),
                                      MAX_NOTES_BYTES)
    if raw is None:
        return {}
    data = raw[0]
    if len(data) > MAX_NOTES_BYTES or not _signed(key, data):
        return {}
    try:
        body = json.loads(data[:-_MAC_TAIL] + b"}")
    except (ValueError, RecursionError):
        return {}
    notes = body.get("notes") if isinstance(body, dict) else None
    if not (isinstance(body, dict) and body.get("format") == FORMAT
            and body.get("tidy") == __version__ and body.get("shape") == shape
            and body.get("root") == root and isinstance(notes, dict)
            and len(notes) <= MAX_NOTES and all(isinstance(v, str) for v in notes.values())):
        return {}
    return notes


def _signed(key: bytes, data: bytes) -> bool:
    tail = data[-_MAC_TAIL:]
    if not (tail.startswith(_MAC_START) and tail.endswith(b'"}')):
        return False
    return hmac.compare_digest(tail[len(_MAC_START):-2], _mac(key, data[:-_MAC_TAIL]))


def _mac(key: bytes, signed: bytes) -> bytes:
    return hmac.new(key, signed, hashlib.sha256).hexdigest().encode("ascii")


def save(path: str, root: str, shape: str, notes: dict[str, str],
         fallback: dict[str, str] | None = None) -> bool:
    """Replace the notes at `path` in one rename; `fallback` instead when `notes` are past
    a bound (those of this scan alone: older ones go, as a full cache's do). False when
    nothing is written (no key can be kept, too many or too big, a read-only git dir, a
    link where a folder should be)."""
    key = _key(make=True)
    if key is None:
        return False
    data = _signed_file(key, root, shape, notes)
    if data is None and fallback is not None:
        data = _signed_file(key, root, shape, fallback)
    if data is None:
        return False
    try:
        folder = content_cache.open_cache_folder(os.path.dirname(path))
    except OSError:
        return False
    try:
        replace_at(folder, NOTES_NAME, data, 0o600)
        return True
    except OSError:
        return False
    finally:
        os.close(folder)


def _signed_file(key: bytes, root: str, shape: str, notes: dict[str, str]) -> bytes | None:
    """The file's bytes for `notes`, signed; None past MAX_NOTES or MAX_NOTES_BYTES."""
    if len(notes) > MAX_NOTES:
        return None
    body = json.dumps({"format": FORMAT, "tidy": __version__, "shape": shape, "root": root,
                       "notes": notes}, separators=(",", ":"), ensure_ascii=False)
    signed = body.encode("utf-8", "surrogateescape")[:-1]  # the closing brace comes after
    data = signed + _MAC_START + _mac(key, signed) + b'"}'
    return data if len(data) <= MAX_NOTES_BYTES else None


def clear(root: str) -> str | None:
    """Delete the notes kept for the group rooted at `root` (a regular file or a link, by
    name in its folder); their path when there were some."""
    return remove_kept_file(notes_path(root))


# ---------------------------------------------------------------------------- the key
def signing_key(make: bool) -> bytes | None:
    """This user's key that signs what tidy keeps in git directories (these notes, the
    index listing's kept answers: workspace/index_cache); see _key."""
    return _key(make)


def signature(key: bytes, data: bytes) -> bytes:
    """HMAC-SHA256 of `data` under `key`, as 64 hexadecimal digits."""
    return _mac(key, data)


def _key(make: bool) -> bytes | None:
    """This user's signing key (made when `make` and there is none); None when the state
    folder cannot keep one: the notes are then neither read nor written."""
    try:
        top = state_dir()
    except StateError:
        return None
    known = _keys.get(top)
    if known is None:
        known = _read_key(top)
        if known is None and make:
            known = _make_key(top)
        if known is not None:
            _keys[top] = known
    return known


def _read_key(top: str) -> bytes | None:
    """The key file's bytes when it is this user's regular file, private, of KEY_BYTES, in a
    state folder of this user's that no one else may write (state.check_private, as for the
    journals: a key in a folder others control signs nothing of this user's; trust round
    15, where it was read from any)."""
    try:
        check_private(top)
        fd = os.open(os.path.join(top, KEY_NAME), _READ_FLAGS)
    except (OSError, StateError):
        return None
    try:
        st = os.fstat(fd)
        if (not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid()
                or st.st_mode & 0o077 or st.st_size != KEY_BYTES):
            return None
        data = content_cache.read_all(fd, KEY_BYTES)
        return data if len(data) == KEY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _make_key(top: str) -> bytes | None:
    """A new random key, written whole under a temporary name and linked to KEY_NAME: a
    reader never sees half a key, and of two scans making one at once the first link wins
    (the other reads it back)."""
    try:
        folder = os.open(ensure_private(top), _DIR_FLAGS)
    except (OSError, StateError):
        return None
    temp = f".{KEY_NAME}-{os.getpid()}-{os.urandom(6).hex()}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                     | getattr(os, "O_CLOEXEC", 0), 0o600, dir_fd=folder)
        try:
            os.write(fd, os.urandom(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):
            os.link(temp, KEY_NAME, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError as error:
        if error.errno != errno.EEXIST:
            return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=folder)
        os.close(folder)
    return _read_key(top)
