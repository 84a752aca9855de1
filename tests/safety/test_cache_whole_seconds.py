"""The content cache on a filesystem that keeps whole seconds (trust round 11).

The cache keeps a file's facts under its stat (device, inode, size, mtime, ctime) and leaves
out, as git does with its index, a file whose times are not clearly older than the scan: it
may change again within the tick of its read and keep its stat. "Clearly" was 50 ms, the
coarse clock's lag behind the real one. ext4 with 128-byte inodes (`mkfs.ext4 -I 128`, older
filesystems, small images) keeps whole seconds, and so do others (vfat: two): a file touched
at the start of a second, read by a scan later in that second and rewritten within it with
the same size keeps its stat, its old facts were kept and believed by the next scan (here: a
template that stopped loading a vendored library still "used" it, so the library was not
reported). A file whose times are whole seconds must now be older than the scan by two
seconds to be kept.

Real: a loop-mounted ext4 made with `-I 128`, a real `tidy scan` subprocess, the file
rewritten the moment the scan's read of it closes (inotify), within the same second, the
scan held meanwhile (SIGSTOP to its process group) until the next second begins, as a loaded
machine may hold it: the cache it writes is stamped later than the file.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.safety.mounts import ext4_or_here
from tests.safety.test_content_cache import _env, _found, _scan, _site
from tidy.workspace import content_cache

pytestmark = pytest.mark.slow

_IN_CLOSE_NOWRITE = 0x10
_USES = b'<script src="/static/vendor/jquery/jquery.min.js">\n'
_DOES_NOT = b'<script src="/static/vendor/xxxxxx/xxxxxx.min.js">\n'  # the same size
_OLD = 1_600_000_000  # the template's mtime, fixed: only its ctime says when it changed


def _whole_seconds(path: Path) -> bool:
    st = path.stat()
    return st.st_ctime_ns % 1_000_000_000 == 0 and st.st_mtime_ns % 1_000_000_000 == 0


def _touch(path: Path) -> None:
    os.utime(path, (_OLD, _OLD))  # the ctime becomes now, the mtime stays


def _toucher(path: Path, stop: threading.Event) -> None:
    """Touch the file every few milliseconds until the scan has read it: its ctime is the
    second of its read (its content and mtime unchanged: as a program that chmods or touches
    what it just wrote)."""
    while not stop.is_set():
        _touch(path)
        time.sleep(0.002)


def _rewrite_after_its_read(path: Path, scan: subprocess.Popen[bytes]) -> bool:
    """Wait for a read of `path` to close, then give it the other content of the same size,
    its mtime as before: True when that was done within the second of its ctime (its stat
    is then what the scan saw)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    fd = libc.inotify_init1(os.O_NONBLOCK)
    assert fd >= 0
    try:
        assert libc.inotify_add_watch(fd, os.fsencode(path), _IN_CLOSE_NOWRITE) >= 0
        stop = threading.Event()
        toucher = threading.Thread(target=_toucher, args=(path, stop), daemon=True)
        toucher.start()
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and scan.poll() is None:
                try:
                    events = os.read(fd, 4096)
                except BlockingIOError:
                    time.sleep(0.0005)
                    continue
                if struct.unpack_from("iIII", events)[1] & _IN_CLOSE_NOWRITE:
                    break
            else:
                return False
        finally:
            stop.set()
            toucher.join()
        # The scan held (as a loaded machine may hold it) until the next second: what it
        # writes now is stamped later than the template's ctime.
        os.killpg(scan.pid, signal.SIGSTOP)
        try:
            ctime_second = path.stat().st_ctime_ns // 1_000_000_000
            path.write_bytes(_DOES_NOT)
            _touch(path)
            same = path.stat().st_ctime_ns // 1_000_000_000 == ctime_second
            time.sleep(1.0 - time.time() % 1.0 + 0.05)
        finally:
            os.killpg(scan.pid, signal.SIGCONT)
        return same
    finally:
        os.close(fd)


def _cache_written_after(repo: Path, template: Path) -> bool:
    """The cache was written in a later second than the template's ctime: its own mtime (the
    load's cutoff) does not tell the entry is racy; only what the scan kept does."""
    cache = Path(content_cache.cache_path(str(repo)))
    return cache.exists() and (cache.stat().st_mtime_ns // 1_000_000_000
                               > template.stat().st_ctime_ns // 1_000_000_000)


def test_a_file_rewritten_within_the_second_of_its_read_is_not_believed_next_time(
        tmp_path: Path) -> None:
    (tmp_path / "fs").mkdir()
    with ext4_or_here(tmp_path / "fs", size="32M", mkfs=("-I", "128")) as fs:
        repo = _site(fs / "site")
        template = repo / "templates" / "base.html"
        assert template.read_bytes() == _USES
        if not _whole_seconds(template):
            pytest.skip("no filesystem keeping whole seconds here (needs root and a loop "
                        "mount)")
        state = tmp_path / "state"
        for _attempt in range(15):
            template.write_bytes(_USES)
            _touch(template)
            time.sleep(2.5)  # the cache of the last attempt keeps nothing racy of it
            scan = subprocess.Popen(
                [sys.executable, "-m", "tidy", "scan", "--format", "json", "-q",
                 "--no-record", "."], cwd=repo, env=_env(state), stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, start_new_session=True)
            try:
                rewritten = _rewrite_after_its_read(template, scan)
            finally:
                _, err = scan.communicate(timeout=120)
            assert scan.returncode in (0, 1), err
            if rewritten and _cache_written_after(repo, template):
                break
        else:
            pytest.skip("the template's read never fell within the second of its touch with "
                        "the cache written in a later one")
        truth = _found(_scan(repo, state, "--no-cache"))
        assert ("TDY401", "static/vendor/jquery") in {(c, p) for c, p, _ in truth}
        # On the old code the cache kept the template's facts under its unchanged stat: the
        # library was still "used", not reported.
        assert _found(_scan(repo, state)) == truth
