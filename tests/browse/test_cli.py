"""`tidy browse` as a user starts it: the real CLI in a real pseudo-terminal (as over SSH),
Ctrl-C typed mid-scan, bad input, and the other commands not paying for Textual."""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.browse.helpers import ALT_SCREEN_OFF, read_until, tree_snapshot, workspace
from tests.conftest import hermetic_env, run_cli, write


def _wait(child: subprocess.Popen[bytes], fd: int, seen: bytearray, timeout: float) -> int:
    """Wait for the child while reading what it draws: a full terminal would block it."""
    deadline = time.monotonic() + timeout
    while child.poll() is None and time.monotonic() < deadline:
        read_until(fd, b"\0never\0", seen, 0.05)
    return child.wait(timeout=1)


def _scan_children(cwd: Path) -> list[int]:
    """Processes still running `tidy.browse.stream` in `cwd` (the scan child inherits it)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{name}/cmdline").read_bytes()
            where = os.readlink(f"/proc/{name}/cwd")
        except OSError:
            continue
        if b"tidy.browse.stream" in cmdline and where == str(cwd):
            found.append(int(name))
    return found


@pytest.mark.slow
def test_ctrl_c_typed_mid_scan_in_a_real_terminal_quits_cleanly(tmp_path: Path,
                                                                  state_dir: Path) -> None:
    root = workspace(tmp_path / "ws")
    for i in range(3000):  # enough that the scan is still going when Ctrl-C is typed
        write(root / "web" / "lib" / f"d{i // 100}" / f"f{i}.js", "x\n")
    before = tree_snapshot(root)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = hermetic_env({"TIDY_STATE_DIR": str(state_dir), "TERM": "xterm-256color"})
    child = subprocess.Popen([sys.executable, "-m", "tidy", "browse", str(root)], cwd=root,
                             stdin=slave, stdout=slave, stderr=slave, env=env,
                             start_new_session=True)
    os.close(slave)
    seen = bytearray()
    try:
        assert read_until(master, b"scanning", seen, timeout=30), bytes(seen[-2000:])
        typed = time.monotonic()
        os.write(master, b"\x03")  # Ctrl-C, as the terminal sends it in raw mode
        code = _wait(child, master, seen, 20)
        quit_after = time.monotonic() - typed
        read_until(master, ALT_SCREEN_OFF, seen, timeout=2)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    assert code == 0, bytes(seen[-2000:])
    # Ctrl-C was heard mid-scan, not after it (the app stays open when a scan ends): a bound
    # for that behaviour, generous for a loaded machine, as `_wait` gives it 20 s.
    assert quit_after < 20
    assert ALT_SCREEN_OFF in seen
    assert b"scanned in" not in seen  # it quit mid-scan, not after it
    assert b"Traceback" not in seen
    assert _scan_children(root) == []
    assert tree_snapshot(root) == before and not (state_dir / "runs").exists()


def _state(pid: int) -> str:
    """The process's state letter (R, S, T: stopped ...)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def _cooked(fd: int) -> bool:
    """The terminal is as a shell wants it: lines edited and echoed, Ctrl-C a signal."""
    lflag = termios.tcgetattr(fd)[3]
    return all(lflag & flag for flag in (termios.ICANON, termios.ECHO, termios.ISIG))


@pytest.mark.slow
def test_ctrl_z_suspends_giving_the_terminal_back_and_fg_resumes(tmp_path: Path,
                                                                  state_dir: Path) -> None:
    root = workspace(tmp_path / "ws")
    master, slave = pty.openpty()  # the test keeps the slave open to read its modes
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = hermetic_env({"TIDY_STATE_DIR": str(state_dir), "TERM": "xterm-256color"})
    child = subprocess.Popen([sys.executable, "-m", "tidy", "browse", str(root)], cwd=root,
                             stdin=slave, stdout=slave, stderr=slave, env=env,
                             start_new_session=True)
    seen = bytearray()
    try:
        assert read_until(master, b"scanned in", seen, 60), bytes(seen[-2000:])
        assert not _cooked(slave)  # the app reads keys raw
        os.write(master, b"\x1a")  # Ctrl-Z
        deadline = time.monotonic() + 10
        while _state(child.pid) != "T" and time.monotonic() < deadline:
            read_until(master, b"\0never\0", seen, 0.05)
        assert _state(child.pid) == "T", bytes(seen[-2000:])  # stopped, as a shell's job
        # What it wrote before it stopped may still wait in the terminal (seen stopped under
        # load before the loop above had read it): read it all.
        read_until(master, b"\0never\0", seen, 0.5)
        assert seen.rfind(ALT_SCREEN_OFF) > seen.rfind(b"scanned in")
        assert _cooked(slave)  # the shell gets a sane terminal while it is stopped
        del seen[:]
        child.send_signal(signal.SIGCONT)  # what `fg` sends
        assert read_until(master, b"\x1b[?1049h", seen, 10)  # it draws its screen again
        assert read_until(master, b"marked", seen, 10)
        os.write(master, b"q")
        assert _wait(child, master, seen, 20) == 0
        assert _cooked(slave)  # and after it quit
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
        os.close(slave)


def test_a_terminal_that_cannot_draw_a_screen_is_refused_in_one_line(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    child = subprocess.run([sys.executable, "-m", "tidy", "browse", str(tmp_path)],
                           cwd=tmp_path, stdin=slave, stdout=slave, stderr=subprocess.PIPE,
                           env=hermetic_env({"TERM": "dumb"}), timeout=60, check=False)
    os.close(slave)
    os.close(master)
    assert child.returncode == 2
    assert child.stderr.decode().startswith("Error: tidy browse needs a terminal that can "
                                            "draw a screen (TERM=dumb)")
    assert len(child.stderr.splitlines()) == 1


def test_without_a_terminal_it_says_so_and_exits_2(tmp_path: Path) -> None:
    result = run_cli("browse", str(tmp_path), cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("Error: tidy browse needs a terminal")
    assert len(result.err.strip().splitlines()) == 1


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    child = subprocess.run([sys.executable, "-m", "tidy", "browse", str(tmp_path / "nope")],
                           cwd=tmp_path, stdin=slave, stdout=slave, stderr=subprocess.PIPE,
                           env=hermetic_env(), timeout=60, check=False)
    os.close(slave)
    os.close(master)
    assert child.returncode == 2
    assert b"not a folder" in child.stderr


@pytest.mark.slow
def test_other_commands_never_import_textual(tmp_path: Path) -> None:
    root = workspace(tmp_path / "ws")
    probe = ("import sys, io, contextlib\n"
             "from tidy.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    main(['--version']); main(['scan', '--quiet', '--no-record', sys.argv[1]])\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n")
    out = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True,
                         text=True, env=hermetic_env(), check=True, timeout=60).stdout
    assert out.strip() == "[]"
    version = run_cli("--version", cwd=tmp_path)
    assert version.code == 0 and "tidy" in version.out


def _pycache_tree(root: Path, count: int) -> None:
    from tests.conftest import make_repo
    from tests.fixes.helpers import backdate

    make_repo(root)
    write(root / ".gitignore", "__pycache__/\n")
    for i in range(count):
        write(root / f"p{i:04d}" / "m.py", "x = 1\n")
        write(root / f"p{i:04d}" / "__pycache__" / "m.cpython-311.pyc", f"code {i}\n")
    backdate(root, 2 * 86400)


@pytest.mark.slow
@pytest.mark.parametrize("interrupt", ["ctrl-c", "sighup", "kill-9"])
def test_interrupting_a_run_in_a_real_terminal_never_half_moves(
        tmp_path: Path, state_dir: Path, interrupt: str) -> None:
    """Ctrl-C typed mid-run, or the terminal closed (SIGHUP): the move in progress finishes,
    the rest is left and journaled, the run is in `tidy log`. kill -9 mid-run: the journal
    resolves the move in flight. Either way every cache is wholly at home or wholly in the
    trash, and `tidy undo` gives the tree back."""
    env = hermetic_env({"TIDY_STATE_DIR": str(state_dir), "TERM": "xterm-256color"})
    for count in (300, 1500):  # a bigger tree if the first run ended before the interrupt
        root = tmp_path / f"tree{count}"
        _pycache_tree(root, count)
        before = tree_snapshot(root)
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        child = subprocess.Popen([sys.executable, "-m", "tidy", "browse", str(root)], cwd=root,
                                 stdin=slave, stdout=slave, stderr=slave, env=env,
                                 start_new_session=True)
        os.close(slave)
        seen = bytearray()
        try:
            assert read_until(master, b"scanned in", seen, 60), bytes(seen[-3000:])
            os.write(master, b"/")
            time.sleep(0.3)  # the filter box takes the focus
            os.write(master, b"rule:TDY101\r")
            time.sleep(0.3)
            os.write(master, b"a")
            time.sleep(0.3)
            os.write(master, b"p")
            assert read_until(master, b"Plan for", seen, 30), bytes(seen[-3000:])
            os.write(master, b"\r")
            assert read_until(master, b"Apply (y)", seen, 30), bytes(seen[-3000:])
            os.write(master, b"y")
            deadline = time.monotonic() + 60
            while _intents(state_dir) < 20 and time.monotonic() < deadline:
                read_until(master, b"\0never\0", seen, 0.005)
            if interrupt == "ctrl-c":
                os.write(master, b"\x03")
                code = _wait(child, master, seen, 60)
                assert code == 0, bytes(seen[-3000:])
            elif interrupt == "sighup":  # the window shut: its terminal is gone, then the
                os.close(master)  # shell passes SIGHUP on to its jobs, with a SIGCONT
                master = -1
                child.send_signal(signal.SIGHUP)
                child.send_signal(signal.SIGCONT)
                # Ends by the signal once the run is closed, as every command does (it
                # exited 0 until trust round 10: tests/browse/test_signals.py).
                assert child.wait(timeout=60) == -signal.SIGHUP
            else:
                child.send_signal(signal.SIGKILL)
                child.wait()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            if master >= 0:
                os.close(master)
        entries = _journal(state_dir)
        moved = {e["path"]: e["dst"] for e in entries if e.get("op") == "intent"}
        for i in range(count):
            home = str(root / f"p{i:04d}" / "__pycache__")
            places = [p for p in (home, moved.get(home)) if p and os.path.lexists(p)]
            assert len(places) == 1, places
        logged = run_cli("log", cwd=root, env=env).out
        undone = run_cli("undo", cwd=root, env=env)
        assert undone.code == 0, undone.out + undone.err
        assert tree_snapshot(root) == before
        if len(moved) < count:  # interrupted part-way, as wanted
            if interrupt != "kill-9":
                assert f"moved/changed {len(moved)} items" in logged, logged
                assert entries[-1]["op"] == "end"  # ended properly: nothing in flight
                skips = [e for e in entries if e.get("op") == "skip"]
                assert len(skips) == count - len(moved)
                assert all("stopped" in e["reason"] for e in skips)
            return
        shutil.rmtree(state_dir)
    pytest.fail("every run ended before it could be interrupted")


def _journal(state: Path) -> list[dict[str, object]]:
    from tests.browse.helpers import journal

    return journal(state)


def _intents(state: Path) -> int:
    try:
        return sum(1 for e in _journal(state) if e.get("op") == "intent")
    except ValueError:  # a line being written right now
        return 0
