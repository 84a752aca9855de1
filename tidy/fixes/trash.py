"""The TRASH applier: move into tidy's trash, put back (undo), recover, purge.

Where things go (first that is on the same filesystem as the path wins, so the move is one
O(1) rename however many files the folder holds):

1. inside a git repo: <git dir>/tidy/trash/<run-id>/   (never committed, never walked)
2. the per-user state folder: <state>/trash/<run-id>/  (see tidy/state.py)
3. `.tidy-trash/<run-id>/` at the top of that filesystem's part of the scanned root. It gets
   a `.gitignore` of `*` (git never lists it, even if the folder later becomes a repo) and a
   CACHEDIR.TAG (backup tools skip it); plans never include anything below it.
4. none of these: a copy into (1) or (2) — symlinks copied as symlinks, modes, mtimes and
   (as root) owners kept, fifos re-made, every entry compared (type, mode, size, mtime, link
   target, bytes) before the original is deleted. Hard links inside become separate files.
   Sockets and device files are not copied: such a path is skipped.

Each item lands in <run-id>/<nnnnnn>/<its name>. The journal (tidy/journal.py) holds the
original path; the item keeps its inode, bytes, modes, mtimes and links, so a rename back
restores it exactly.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import filecmp
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tidy import state
from tidy.catalog import CACHEDIR_SIGNATURE
from tidy.fixes import STOPPED, ApplySettings, Outcome, Status, register, skipped
from tidy.fixes.plan import TRASH_FOLDER_NAME, PlannedAction
from tidy.journal import Intent, RunJournal, RunRecord
from tidy.models import ActionKind
from tidy.workspace.git import GitUnavailable, find_repo_root, git_dir, git_env, git_executable

_GIT_BATCH = 64  # paths per `git ls-files`: asked again right before each batch moves


class CopyError(OSError):
    """A cross-filesystem copy that could not be made or did not verify: nothing moved."""


@dataclass(frozen=True)
class Problem:
    reason: str
    attention: bool  # a safety reason (exit 1), not a routine "busy" or "gone"


# -- the applier ----------------------------------------------------------------------------
class TrashApplier:
    kind = ActionKind.TRASH

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        locator = TrashLocator(journal.run_id)
        outcomes: list[Outcome] = []
        for start in range(0, len(actions), _GIT_BATCH):
            batch = actions[start:start + _GIT_BATCH]
            tracked = tracked_now(batch)
            for action in batch:
                if settings.stopping():  # between two moves: none is ever left half-done
                    outcomes.append(skipped(journal, action, self.kind, STOPPED, False))
                    continue
                outcomes.append(self._one(action, journal, locator, tracked, settings))
        return outcomes

    def _one(self, action: PlannedAction, journal: RunJournal, locator: TrashLocator,
             tracked: dict[str, Problem], settings: ApplySettings) -> Outcome:
        now = settings.now or time.time()
        problem = recheck(action, now, settings.skip_recent) or tracked.get(action.path)
        if problem is None:
            with held(action) as lock_problem:
                problem = lock_problem or self._move(action, journal, locator)
                if problem is None:
                    return Outcome(action.path, self.kind, Status.DONE, bytes=action.bytes,
                                   files=action.files, where=locator.last, code=action.code,
                                   run=journal.run_id)
                if problem.reason.startswith("failed: "):
                    return Outcome(action.path, self.kind, Status.FAILED,
                                   problem.reason.removeprefix("failed: "), True,
                                   code=action.code, run=journal.run_id)
        return skipped(journal, action, self.kind, problem.reason, problem.attention)

    def _move(self, action: PlannedAction, journal: RunJournal,
              locator: TrashLocator) -> Problem | None:
        try:
            base, method = locator.place(action)
            slot = locator.new_slot(base)
        except OSError as error:
            return Problem(f"failed: cannot make the trash folder: {_why(error)}", True)
        dst = os.path.join(slot, os.path.basename(action.path))
        seq = journal.intent(
            "trash", path=action.path, dst=dst, method=method, code=action.code,
            kind=action.kind, bytes=action.bytes, files=action.files, root=action.root,
            scan_root=action.scan_root, type=action.expected.type, mode=action.expected.mode,
        )
        try:
            partial = transfer(action.path, dst, method, lambda: journal.write(
                {"op": "copied", "ref": seq}, sync=True))
        except OSError as error:
            journal.failed(seq, _why(error))
            with contextlib.suppress(OSError):
                os.rmdir(slot)
            return Problem(f"failed: {_why(error)}", True)
        if partial:
            journal.done(seq, warning=partial)
            return Problem(f"failed: {partial}", True)
        journal.done(seq)
        locator.last = dst
        return None

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        outcomes = [self._undo_one(i, journal) for i in intents]
        _remove_empty_run_dirs(intents)
        return outcomes

    def _undo_one(self, intent: Intent, journal: RunJournal) -> Outcome:
        src, dst = str(intent.entry["path"]), str(intent.entry["dst"])
        size, files = int(intent.entry.get("bytes", 0)), int(intent.entry.get("files", 0))

        def fail(reason: str) -> Outcome:
            journal.write({"op": "undo-fail", "ref": intent.seq, "reason": reason}, sync=True)
            return Outcome(src, self.kind, Status.FAILED, reason, True, where=dst,
                           run=journal.run_id)

        if not os.path.lexists(dst):
            return fail("no longer in the trash (purged or removed by hand)")
        if os.path.lexists(src):
            return fail(f"something now exists at the original path; left in the trash at {dst}")
        scan_root = str(intent.entry.get("scan_root", ""))
        problem = _parents_problem(src, scan_root) if scan_root else None
        if problem is not None:
            return fail(problem.reason + f"; left in the trash at {dst}")
        try:
            os.makedirs(os.path.dirname(src), exist_ok=True)
        except OSError as error:
            return fail(f"cannot re-create its folder: {_why(error)}")
        journal.write({"op": "undo-intent", "ref": intent.seq}, sync=True)
        try:
            if intent.entry.get("method") == "copy" and not _same_device(dst, src):
                partial = transfer(dst, src, "copy", lambda: journal.write(
                    {"op": "undo-copied", "ref": intent.seq}, sync=True))
            else:
                _rename(dst, src)
                partial = ""
        except OSError as error:
            return fail(_why(error))
        journal.write({"op": "undo-done", "ref": intent.seq}, sync=bool(partial))
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(dst))
        return Outcome(src, self.kind, Status.DONE, partial, bool(partial), size, files, src,
                       run=journal.run_id)

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        return [recover_intent(i, journal) for i in intents]


register(TrashApplier())


# -- the re-check right before a move -------------------------------------------------------
def recheck(action: PlannedAction, now: float, skip_recent: float) -> Problem | None:
    """What changed since the plan that forbids the move, or None. lstat only."""
    expected = action.expected
    root_problem = _root_problem(action)
    if root_problem is not None:
        return root_problem
    parents = _parents_problem(action.path, action.scan_root)
    if parents is not None:
        return parents
    try:
        st = os.lstat(action.path)
    except FileNotFoundError:
        return Problem("gone since the scan", False)
    except OSError as error:
        return Problem(f"cannot look at it: {_why(error)}", True)
    if stat.S_ISLNK(st.st_mode):
        return Problem("now a symlink where a folder or file was planned", True)
    now_type = "dir" if stat.S_ISDIR(st.st_mode) else "file" if stat.S_ISREG(st.st_mode) else "?"
    if now_type != expected.type:
        return Problem(f"now a {now_type}, planned as a {expected.type}", True)
    if (st.st_dev, st.st_ino) != (expected.dev, expected.ino):
        return Problem("replaced since the plan (another inode)", True)
    if now_type == "dir" and _is_mount_point(action.path, st):
        return Problem("a mount point", True)
    if now_type == "dir":
        inner = mounts_below(action.path)
        if inner:
            return Problem(f"another filesystem is mounted inside: {inner[0]}", True)
    if st.st_mtime_ns > expected.mtime_ns:
        return Problem("modified since the plan", False)
    return _recent_problem(action, st, now, skip_recent)


def _root_problem(action: PlannedAction) -> Problem | None:
    path, root = action.path, action.scan_root
    forbidden = {os.path.realpath("/"), os.path.realpath(os.path.expanduser("~")), root}
    if path in forbidden or os.path.dirname(path) == path:
        return Problem("the scanned folder itself, the home folder or /: never moved", True)
    if not path.startswith(root.rstrip(os.sep) + os.sep):
        return Problem("outside the scanned folder", True)
    if _inside(path, state.state_dir()):
        return Problem("inside tidy's own state folder", True)
    rel_parts = os.path.relpath(path, root).split(os.sep)
    if TRASH_FOLDER_NAME in rel_parts or ".git" in rel_parts[:-1]:
        return Problem("inside tidy's trash or a .git folder", True)
    return None


def _parents_problem(path: str, scan_root: str) -> Problem | None:
    """Every folder from the scan root down to `path`'s parent must be a real folder."""
    current = scan_root
    try:
        st = os.lstat(current)
    except OSError as error:
        return Problem(f"the scanned folder is gone: {_why(error)}", True)
    if stat.S_ISLNK(st.st_mode):
        return Problem(f"the scanned folder {scan_root} is now a symlink", True)
    rel = os.path.relpath(os.path.dirname(path), scan_root)
    if rel.startswith(os.pardir):
        return Problem("outside the scanned folder", True)
    for part in ([] if rel == os.curdir else rel.split(os.sep)):
        current = os.path.join(current, part)
        try:
            st = os.lstat(current)
        except FileNotFoundError:
            return Problem(f"its folder {current} is gone", False)
        except OSError as error:
            return Problem(f"cannot look at {current}: {_why(error)}", True)
        if stat.S_ISLNK(st.st_mode):
            return Problem(f"a folder on the way is now a symlink: {current}", True)
        if not stat.S_ISDIR(st.st_mode):
            return Problem(f"a folder on the way is no longer a folder: {current}", True)
    return None


def _is_mount_point(path: str, st: os.stat_result) -> bool:
    try:
        parent = os.lstat(os.path.dirname(path))
    except OSError:
        return False
    return parent.st_dev != st.st_dev


def mounts_below(path: str) -> list[str]:
    """Mount points strictly inside `path` (Linux: /proc/self/mountinfo; elsewhere none known).

    A move would carry a mounted filesystem along, and a purge would then delete its content."""
    try:
        with open("/proc/self/mountinfo", "rb") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    prefix = path.rstrip(os.sep) + os.sep
    found = []
    for line in lines:
        fields = line.split(b" ")
        if len(fields) > 4:
            point = _unescape_mount(fields[4])
            if point.startswith(prefix):
                found.append(point)
    return sorted(found)


def _unescape_mount(field: bytes) -> str:
    # mountinfo escapes space, tab, newline and backslash as \ooo (octal).
    out = bytearray()
    i = 0
    while i < len(field):
        if field[i:i + 1] == b"\\" and field[i + 1:i + 4].isdigit():
            out.append(int(field[i + 1:i + 4], 8))
            i += 4
        else:
            out += field[i:i + 1]
            i += 1
    return os.fsdecode(bytes(out))


def _recent_problem(action: PlannedAction, st: os.stat_result, now: float,
                    window: float) -> Problem | None:
    """Written within the last `window` seconds: a build may be running; leave it alone."""
    if window <= 0:
        return None
    newest = max(action.expected.newest_mtime, st.st_mtime)
    if stat.S_ISDIR(st.st_mode):
        # The scan measured the whole tree; right now, look one level down (cheap).
        with contextlib.suppress(OSError), os.scandir(action.path) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
    age = now - newest
    if age < window:
        return Problem(f"written {max(age, 0):.0f}s ago: a build may be running", False)
    return None


def tracked_now(actions: Sequence[PlannedAction]) -> dict[str, Problem]:
    """Ask git again which of these paths hold tracked files; also: new repos around them."""
    problems: dict[str, Problem] = {}
    by_repo: dict[str, list[PlannedAction]] = {}
    for action in actions:
        if action.is_repo:
            by_repo.setdefault(action.root, []).append(action)
        elif find_repo_root(os.path.dirname(action.path)) is not None:
            problems[action.path] = Problem("now inside a git repository; scan again", True)
    for repo, mine in by_repo.items():
        try:
            listed = _ls_files(repo, [a.rel for a in mine])
        except GitUnavailable as error:
            for action in mine:
                problems[action.path] = Problem(f"git cannot say what is tracked: {error}", True)
            continue
        for action in mine:
            inside = [p for p in listed if p == action.rel or p.startswith(action.rel + "/")]
            if inside:
                problems[action.path] = Problem(
                    f"holds {len(inside)} tracked file(s), e.g. {inside[0]}: tidy never moves "
                    "tracked files (the unsafe untrack fix, TDY102, handles committed caches)",
                    True)
    return problems


def _ls_files(repo: str, rels: list[str]) -> list[str]:
    proc = subprocess.run(
        [git_executable(), "-C", repo, "--literal-pathspecs", "ls-files", "-z", "--cached",
         "--", *rels],
        capture_output=True, env=git_env(), check=False,
    )
    if proc.returncode != 0:
        raise GitUnavailable(proc.stderr.decode("utf-8", "replace").strip().split("\n")[0])
    return [os.fsdecode(p) for p in proc.stdout.split(b"\0") if p]


@contextlib.contextmanager
def held(action: PlannedAction) -> Iterator[Problem | None]:
    """Hold an flock on the path while it moves; a lock someone else holds means "in use".

    systemd-tmpfiles' convention: a program keeps its folder by holding a BSD lock on it.
    Cargo holds `.cargo-lock` (in target/ and target/<profile>/) while it builds.
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
    if action.expected.type == "dir":
        flags |= os.O_DIRECTORY
    try:
        fd = os.open(action.path, flags)
    except OSError:
        yield None  # unreadable to us: no lock to test; the move itself decides
        return
    try:
        st = os.fstat(fd)
        if (st.st_dev, st.st_ino) != (action.expected.dev, action.expected.ino):
            yield Problem("replaced since the plan (another inode)", True)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield Problem("locked by another process (flock held on it)", False)
            return
        except OSError:
            pass  # a filesystem without flock: nothing to respect
        if action.expected.type == "dir" and _cargo_busy(action.path):
            yield Problem("cargo is building here (.cargo-lock is held)", False)
            return
        yield None
    finally:
        os.close(fd)


def _cargo_busy(path: str) -> bool:
    candidates = [os.path.join(path, ".cargo-lock")]
    with contextlib.suppress(OSError), os.scandir(path) as entries:
        candidates += [os.path.join(e.path, ".cargo-lock") for e in entries
                       if e.is_dir(follow_symlinks=False)]
    for candidate in candidates:
        try:
            fd = os.open(candidate, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        except OSError:
            pass
        finally:
            os.close(fd)
    return False


# -- where things go ------------------------------------------------------------------------
class TrashLocator:
    """Chooses, per path, a trash folder on its filesystem (or the copy fallback)."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.last = ""
        self._next = 0
        self._made: set[str] = set()

    def candidates(self, action: PlannedAction) -> list[str]:
        found = []
        if action.is_repo:
            directory = git_dir(action.root)
            if directory is not None:
                found.append(os.path.join(directory, "tidy", "trash"))
        found.append(state.trash_dir())
        found.append(os.path.join(_filesystem_top(action), TRASH_FOLDER_NAME))
        return found

    def place(self, action: PlannedAction) -> tuple[str, str]:
        """(this run's folder in the chosen trash, "rename" or "copy")."""
        options = self.candidates(action)
        for base in options:
            if _device_of(base) == action.expected.dev:
                with contextlib.suppress(OSError):  # not writable: try the next one
                    return self._ensure(base), "rename"
        last_error: OSError | None = None
        for base in options:
            try:
                return self._ensure(base), "copy"
            except OSError as error:
                last_error = error
        assert last_error is not None
        raise last_error

    def new_slot(self, run_dir: str) -> str:
        while True:
            slot = os.path.join(run_dir, f"{self._next:06d}")
            self._next += 1
            try:
                os.mkdir(slot, 0o700)
            except FileExistsError:
                continue
            return slot

    def _ensure(self, base: str) -> str:
        run_dir = os.path.join(base, self.run_id)
        if run_dir not in self._made:
            if os.path.basename(base) == TRASH_FOLDER_NAME:
                _make_outside_trash(base)
            os.makedirs(run_dir, mode=0o700, exist_ok=True)
            self._made.add(run_dir)
        return run_dir


def _filesystem_top(action: PlannedAction) -> str:
    """The highest folder within the scan root on the same filesystem as the path."""
    current = action.scan_root
    rel = os.path.relpath(os.path.dirname(action.path), current)
    parts = [] if rel == os.curdir else rel.split(os.sep)
    for part in [None, *parts]:
        if part is not None:
            current = os.path.join(current, part)
        with contextlib.suppress(OSError):
            if os.lstat(current).st_dev == action.expected.dev:
                return current
    return os.path.dirname(action.path)


def _device_of(path: str) -> int:
    """The device `path` would live on: its own, or its nearest existing ancestor's."""
    current = path
    while True:
        try:
            return os.stat(current).st_dev
        except FileNotFoundError:
            parent = os.path.dirname(current)
            if parent == current:
                return -1
            current = parent
        except OSError:
            return -1


def _make_outside_trash(base: str) -> None:
    os.makedirs(base, mode=0o700, exist_ok=True)
    ignore = os.path.join(base, ".gitignore")
    if not os.path.exists(ignore):
        with open(ignore, "w", encoding="utf-8") as f:
            f.write("# tidy's trash (`tidy trash list`, `tidy trash purge`): never commit it\n*\n")
    tag = os.path.join(base, "CACHEDIR.TAG")
    if not os.path.exists(tag):
        with open(tag, "wb") as f:
            f.write(CACHEDIR_SIGNATURE + b"\n# tidy's trash: backups need not keep it.\n")


def _same_device(a: str, b: str) -> bool:
    return _device_of(a) == _device_of(os.path.dirname(b)) != -1


# -- moving ---------------------------------------------------------------------------------
def transfer(src: str, dst: str, method: str, copied: Callable[[], object]) -> str:
    """Move src to dst (dst must not exist). Returns "" or a warning when the move happened
    but the original could not be fully removed. Raises OSError when nothing moved.

    "copy": copy to `dst.partial`, verify, rename into place, call `copied()` (the journal
    notes the copy is complete), then delete the original."""
    if method == "rename":
        _rename(src, dst)
        return ""
    partial = dst + ".partial"
    try:
        copy_tree(src, partial)
        difference = compare_trees(src, partial)
        if difference:
            raise CopyError(errno.EIO, f"copy did not verify: {difference}")
        os.rename(partial, dst)
    except BaseException:
        with contextlib.suppress(OSError):
            remove_tree(partial)
        raise
    copied()
    try:
        remove_tree(src)
    except OSError as error:
        return f"copied, but the original could not be fully removed: {_why(error)}"
    return ""


def _rename(src: str, dst: str) -> None:
    try:
        os.rename(src, dst)
    except PermissionError:
        # Moving a folder to another parent rewrites its `..`: Linux wants write permission
        # on the folder itself. For our own read-only folder: allow it, move, restore.
        st = os.lstat(src)
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & stat.S_IWUSR:
            raise
        os.chmod(src, stat.S_IMODE(st.st_mode) | stat.S_IWUSR)
        try:
            os.rename(src, dst)
        except OSError:
            os.chmod(src, stat.S_IMODE(st.st_mode))
            raise
        os.chmod(dst, stat.S_IMODE(st.st_mode))


def copy_tree(src: str, dst: str) -> None:
    """Copy like `cp -a` without hard links: links as links, modes, times, owners as root."""
    st = os.lstat(src)
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        os.symlink(os.readlink(src), dst)
    elif stat.S_ISREG(mode):
        shutil.copyfile(src, dst, follow_symlinks=False)
    elif stat.S_ISDIR(mode):
        os.mkdir(dst, 0o700)
        with os.scandir(src) as entries:
            names = sorted(e.name for e in entries)
        for name in names:
            copy_tree(os.path.join(src, name), os.path.join(dst, name))
    elif stat.S_ISFIFO(mode):
        os.mkfifo(dst, 0o600)
    else:
        raise CopyError(errno.EOPNOTSUPP, f"{src}: a socket or device file; tidy does not copy "
                        "those across filesystems")
    _copy_metadata(dst, st)


def _copy_metadata(dst: str, st: os.stat_result) -> None:
    if os.geteuid() == 0:
        os.lchown(dst, st.st_uid, st.st_gid)
    if not stat.S_ISLNK(st.st_mode):
        os.chmod(dst, stat.S_IMODE(st.st_mode))
    with contextlib.suppress(NotImplementedError):
        os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=False)


def compare_trees(a: str, b: str) -> str:
    """"" when b is an exact copy of a (type, mode, size, mtime, link target, bytes)."""
    pending = [(a, b)]
    while pending:
        left, right = pending.pop()
        try:
            sl, sr = os.lstat(left), os.lstat(right)
        except OSError as error:
            return f"{right}: {_why(error)}"
        if stat.S_IFMT(sl.st_mode) != stat.S_IFMT(sr.st_mode):
            return f"{right}: another type"
        if stat.S_ISLNK(sl.st_mode):
            if os.readlink(left) != os.readlink(right):
                return f"{right}: another link target"
            continue
        if stat.S_IMODE(sl.st_mode) != stat.S_IMODE(sr.st_mode) or sl.st_mtime_ns != sr.st_mtime_ns:
            return f"{right}: another mode or mtime"
        if stat.S_ISREG(sl.st_mode):
            if sl.st_size != sr.st_size or not filecmp.cmp(left, right, shallow=False):
                return f"{right}: other bytes"
        elif stat.S_ISDIR(sl.st_mode):
            names_l, names_r = sorted(os.listdir(left)), sorted(os.listdir(right))
            if names_l != names_r:
                return f"{right}: other entries"
            pending += [(os.path.join(left, n), os.path.join(right, n)) for n in names_l]
    return ""


def remove_tree(path: str) -> None:
    """Delete for good. Never follows a link (a link is removed, not its target); folders
    we own that are read-only are made writable on the way (a Go module cache is 0555)."""
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode):
        os.unlink(path)
        return
    tried: set[str] = set()

    def retry(function: Any, failed: str, exc_info: Any) -> None:
        error = exc_info[1]
        if not isinstance(error, PermissionError) or failed in tried:
            raise error
        tried.add(failed)
        _owner_access(os.path.dirname(failed))
        try:
            here = os.lstat(failed)
        except FileNotFoundError:
            return
        if stat.S_ISDIR(here.st_mode):
            _owner_access(failed)
            shutil.rmtree(failed, onerror=retry)
        else:
            os.unlink(failed)

    shutil.rmtree(path, onerror=retry)


def purge_tree(path: str) -> None:
    """remove_tree, as fast as `rm -rf`: GNU rm where there is one (it never follows links,
    and --one-file-system keeps it out of anything mounted inside), Python otherwise or when
    rm leaves something behind (read-only folders of an ordinary user)."""
    inner = mounts_below(path)
    if inner:
        raise OSError(errno.EBUSY, f"another filesystem is mounted inside: {inner[0]}", path)
    rm = shutil.which("rm") if sys.platform.startswith("linux") else None
    if rm is not None:
        subprocess.run([rm, "-rf", "--one-file-system", "--", path], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if not os.path.lexists(path):
            return
    remove_tree(path)


def _owner_access(path: str) -> None:
    st = os.lstat(path)
    if stat.S_ISDIR(st.st_mode):
        wanted = stat.S_IMODE(st.st_mode) | stat.S_IRWXU
        if wanted != stat.S_IMODE(st.st_mode):
            os.chmod(path, wanted)


# -- recovery after a kill ------------------------------------------------------------------
def recover_intent(intent: Intent, journal: RunJournal) -> Outcome:
    """Decide from the disk what became of an intent a killed run left unresolved."""
    entry = intent.entry
    src, dst = str(entry["path"]), str(entry["dst"])
    if intent.undo_in_flight:
        return _recover_undo(intent, journal, src, dst)
    copied = intent.has("copied")
    if entry.get("method") == "copy" and not copied:
        with contextlib.suppress(OSError):
            if os.path.lexists(dst + ".partial"):
                remove_tree(dst + ".partial")  # our own half copy; the original is whole
    if copied and os.path.lexists(src) and os.path.lexists(dst):
        # The verified copy is complete: finish what the kill interrupted.
        with contextlib.suppress(OSError):
            remove_tree(src)
    in_trash, at_home = os.path.lexists(dst), os.path.lexists(src)
    state_name = "moved" if in_trash else "not-moved" if at_home else "missing"
    journal.write({"op": "recovered", "ref": intent.seq, "state": state_name}, sync=True)
    if not in_trash:
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(dst))
    status = Status.FAILED if state_name == "missing" else Status.DONE
    return Outcome(src, ActionKind.TRASH, status,
                   {"moved": f"was moved to the trash ({dst})",
                    "not-moved": "had not moved; still in place",
                    "missing": "neither in place nor in the trash"}[state_name],
                   state_name == "missing", where=dst, run=journal.run_id)


def _recover_undo(intent: Intent, journal: RunJournal, src: str, dst: str) -> Outcome:
    undo_ops = [r.get("op") for r in intent.results if str(r.get("op", "")).startswith("undo-")]
    if undo_ops and undo_ops[-1] == "undo-copied" and os.path.lexists(dst):
        with contextlib.suppress(OSError):
            remove_tree(dst)  # the restored copy verified; finish removing the trash copy
    elif os.path.lexists(src + ".partial") and os.path.lexists(dst):
        with contextlib.suppress(OSError):
            remove_tree(src + ".partial")
    restored = os.path.lexists(src) and not os.path.lexists(dst)
    journal.write({"op": "recovered-undo", "ref": intent.seq,
                   "state": "restored" if restored else "in-trash"}, sync=True)
    return Outcome(src, ActionKind.TRASH, Status.DONE,
                   "restored" if restored else f"still in the trash ({dst})",
                   where=dst, run=journal.run_id)


# -- listing and purging --------------------------------------------------------------------
@dataclass(frozen=True)
class TrashRun:
    run_id: str
    started: float
    finished: float
    command: str
    items: int  # moved and still in the trash
    bytes: int
    files: int
    status: str  # running / complete / interrupted / undone / partly undone / purged
    locations: tuple[str, ...]
    skipped: int
    failed: int


def summarize(record: RunRecord) -> TrashRun:
    intents = record.intents()
    trash = [i for i in intents if i.action == "trash"]
    live = [] if record.purged else [i for i in trash if i.applied]
    locations = sorted({os.path.dirname(os.path.dirname(str(i.entry["dst"]))) for i in live})
    undone = any(i.has("undo-done") or i.last("recovered-undo") for i in intents)
    if record.active:
        status = "running"
    elif record.purged:
        status = "purged"
    elif record.interrupted:
        status = "interrupted, undone" if undone and not live else "interrupted"
    elif undone and not any(i.applied for i in intents):
        status = "undone"
    elif undone:
        status = "partly undone"
    else:
        status = "complete"
    argv = record.begin.get("argv") or []
    return TrashRun(
        run_id=record.run_id, started=record.started, finished=record.finished_at,
        command=" ".join(str(a) for a in argv[1:]) if isinstance(argv, list) else "",
        items=len(live), bytes=sum(int(i.entry.get("bytes", 0)) for i in live),
        files=sum(int(i.entry.get("files", 0)) for i in live),
        status=status, locations=tuple(locations), skipped=len(record.skips()),
        failed=sum(1 for i in intents if i.has("fail")),
    )


@dataclass(frozen=True)
class Purged:
    run_id: str
    items: int
    bytes: int
    errors: tuple[str, ...]


def purge_run(record: RunRecord, journal: RunJournal) -> Purged:
    """Delete a run's trash for good. Only paths the journal names below its trash folders."""
    trash = [i for i in record.intents() if i.action == "trash"]
    errors: list[str] = []
    items = size = 0
    run_dirs: set[str] = set()
    for intent in trash:
        dst = str(intent.entry["dst"])
        slot = os.path.dirname(dst)
        run_dir = os.path.dirname(slot)
        if os.path.basename(run_dir) != record.run_id or os.path.basename(
                os.path.dirname(run_dir)) not in ("trash", TRASH_FOLDER_NAME):
            errors.append(f"{dst}: not inside this run's trash folder; left alone")
            continue
        run_dirs.add(run_dir)
        if not os.path.lexists(slot):
            continue
        counted = intent.applied
        try:
            purge_tree(slot)
        except OSError as error:
            errors.append(f"{slot}: {_why(error)}")
            continue
        if counted:
            items += 1
            size += int(intent.entry.get("bytes", 0))
    for run_dir in sorted(run_dirs):
        if not os.path.lexists(run_dir):
            continue
        try:
            remove_tree(run_dir)  # leftovers of a kill (an empty slot) go too
        except FileNotFoundError:
            pass
        except OSError as error:
            errors.append(f"{run_dir}: {_why(error)}")
    journal.write({"op": "purged", "items": items, "bytes": size, "errors": errors}, sync=True)
    return Purged(record.run_id, items, size, tuple(errors))


def _remove_empty_run_dirs(intents: Sequence[Intent]) -> None:
    for run_dir in {os.path.dirname(os.path.dirname(str(i.entry["dst"]))) for i in intents}:
        with contextlib.suppress(OSError):
            os.rmdir(run_dir)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _why(error: OSError) -> str:
    if error.strerror and error.filename:
        return f"{error.strerror}: {error.filename}"
    return error.strerror or str(error)
