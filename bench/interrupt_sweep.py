"""Interrupts and signals: tidy's long commands stopped at random moments, as real processes.

    python bench/interrupt_sweep.py [--runs 40] [--signals INT,TERM,HUP] [--commands scan,fix]
                                    [--start 0.05] [--step 0.02] [--entry script|module]

For each command and signal, `--runs` runs, the signal sent to the process group (a terminal's
Ctrl-C, a CI job cancelled) at `start + i * step` seconds after the start. Each run is its own
throwaway repo (400 folders, a node_modules of 300 packages, so the scan's worker pool starts),
its own HOME and TIDY_STATE_DIR, and an environment marker that finds its processes in /proc.
Each run is classed by what the user saw and what was left:

    message    the last line on stderr ("tidy: interrupted", a traceback's last line, ...)
    end        how it ended: "exit N" or "signal N"
    traceback  a Python traceback on stderr
    python     Python's own start-up failing ("Fatal Python error: init_import_site")
    ignored    "Exception ignored" (an exception dropped where Python cannot raise it)
    orphans    processes with the run's marker still alive 2 s after it ended
    state      a file in the state folder or the repo left half-written (a temp file, a
               journal or report that does not parse)
    restored   fix, undo, watch, browse-apply: after the signal, `tidy undo -y` until there
               is nothing left to undo gives back every file byte for byte (for undo: the
               tree before the fix it was undoing)
    index      hook: git's index is what it was (`git ls-files -s`)
    tty        browse, browse-apply: the terminal's modes are given back (ICANON, ECHO, ISIG
               set again on the pseudo-terminal the app ran in)

browse runs in a pseudo-terminal of its own (80x24); browse-apply types the keys that mark
every TDY1 row, plan and apply (`/rule:TDY1`, `a`, `p`, Enter, `y`), and the delay counts
from the `y`. watch is given 50 stale bytecode files (their sources deleted, the tree a day
old) for its first pass to move.

Nothing here touches the real HOME or state.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import fcntl
import hashlib
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
SIGNALS = {"INT": signal.SIGINT, "TERM": signal.SIGTERM, "HUP": signal.SIGHUP}
COMMANDS = {
    "scan": ["scan", "--format", "json", "-o", "{out}/report.json", "{repo}"],
    "scan-text": ["scan", "{repo}"],
    "scan-history": ["scan", "--history", "--duplicates", "{repo}"],
    "fix": ["fix", "-y", "{repo}"],
    "undo": ["undo", "-y"],
    "trash-purge": ["trash", "purge", "-y"],
    "extract": ["extract", "{repo}/pkg/data.py"],
    "watch": ["watch", "--stop-after", "5s", "{repo}"],
    "hook": ["hook", "check-staged"],
    "browse": ["browse", "{repo}"],
    "browse-apply": ["browse", "{repo}"],
}
IN_A_TERMINAL = ("browse", "browse-apply")
RESTORED = ("fix", "undo", "watch", "browse-apply")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env=hermetic())


def hermetic(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    env.update({"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"})
    env.update(extra or {})
    return env


def make_tree(root: Path) -> Path:
    repo = root / "repo"
    for i in range(400):
        pkg = repo / f"pkg{i:03}"
        (pkg / "__pycache__").mkdir(parents=True)
        (pkg / "__init__.py").write_text(f"X = {i}\n")
        (pkg / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(os.urandom(2048))
        if i % 20 == 0:
            (pkg / "build" / "lib").mkdir(parents=True)
            (pkg / "build" / "lib" / "m.py").write_text("x = 1\n")
    for i in range(300):
        (repo / "node_modules" / f"p{i}").mkdir(parents=True)
        (repo / "node_modules" / f"p{i}" / "index.js").write_text("module.exports = 1\n" * 40)
    (repo / "pkg").mkdir()
    (repo / "pkg" / "__init__.py").write_text("")
    (repo / "pkg" / "data.py").write_text("DATA = " + repr(list(range(40000))) + "\n")
    (repo / ".gitignore").write_text("node_modules/\n__pycache__/\nbuild/\n")
    (repo / "pyproject.toml").write_text('[project]\nname = "p"\nversion = "0"\n')
    git(root, "init", "-q", "-b", "main", str(repo))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    return repo


def snapshot(root: Path) -> dict[str, str]:
    seen: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            path = Path(folder, name)
            seen[str(path.relative_to(root))] = hashlib.sha1(path.read_bytes()).hexdigest()
    return seen


@dataclass
class Run:
    delay: float
    end: str = ""
    message: str = ""
    flags: list[str] = field(default_factory=list)


def marked_processes(marker: str) -> list[int]:
    """Live processes (not zombies) whose environment carries the run's marker."""
    found = []
    needle = f"TIDY_SWEEP_MARK={marker}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if needle not in Path(f"/proc/{entry}/environ").read_bytes():
                continue
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            found.append(int(entry))
    return found


def half_written(*folders: Path) -> list[str]:
    """Temp files left behind and JSON/journal files that do not parse."""
    bad = []
    for top in folders:
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d not in (".git", "node_modules", "trash")]
            for name in files:
                path = Path(folder, name)
                if ".tmp" in name or name.startswith(".tidy-") or name.endswith("~"):
                    bad.append(f"temp:{path.relative_to(top)}")
                elif name.endswith((".json", ".jsonl")) and path.stat().st_size:
                    text = path.read_text(errors="replace")
                    try:
                        if name.endswith(".jsonl"):
                            for line in text.splitlines():
                                if line.strip():
                                    json.loads(line)
                        else:
                            json.loads(text)
                    except ValueError:
                        bad.append(f"torn:{path.relative_to(top)}")
    return bad


TO_GROUP = True  # --to pid: the signal to tidy's process only (`kill PID`), not its group
CODE = ""  # --code: another checkout's tidy (python -m tidy with PYTHONPATH), for before/after


def entry(how: str) -> list[str]:
    if how == "script" and not CODE:
        return [str(VENV_BIN / "tidy")]
    return [sys.executable, "-m", "tidy"]


def prepare(command: str, repo: Path, env: dict[str, str]) -> None:
    """What the command needs to have work to do (a fix to undo, a trash to purge, stale
    bytecode for watch's first pass)."""
    if command in ("undo", "trash-purge"):
        # From the repo: `tidy undo` without a run id undoes the newest run of the current
        # repository (the first sweep ran it elsewhere: "nothing to undo").
        subprocess.run([*entry("module"), "fix", "-y", str(repo)], cwd=repo, env=env,
                       check=True, capture_output=True)
    if command == "hook":
        (repo / "big.bin").write_bytes(os.urandom(3 << 20))
        git(repo, "add", "big.bin")
    if command == "watch":
        for i in range(50):
            (repo / f"pkg{i:03}" / "__init__.py").unlink()
        backdate(repo)


def backdate(repo: Path) -> None:
    """Everything a day old: fix, watch and browse skip what was written in the last seconds
    (a build may be running), which a freshly made tree all is."""
    day_ago = time.time() - 86400
    for folder, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in (*files, *dirs):
            os.utime(Path(folder, name), (day_ago, day_ago), follow_symlinks=False)


def index_of(repo: Path) -> str:
    return subprocess.run(["git", "-C", str(repo), "ls-files", "-s"], capture_output=True,
                          text=True, env=hermetic(), check=False).stdout


def undo_all(repo: Path, env: dict[str, str]) -> int:
    """`tidy undo -y` until nothing is left to undo (watch may have made several runs); the
    last exit code."""
    code = 0
    for _ in range(10):
        undo = subprocess.run([*entry("module"), "undo", "-y"], cwd=repo, env=env,
                              capture_output=True, text=True)
        code = undo.returncode
        if code != 0 or "nothing to undo" in (undo.stdout + undo.stderr).lower():
            break
    return code


_TTY_MODES = termios.ICANON | termios.ECHO | termios.ISIG


def start(command: str, argv: list[str], how: str, repo: Path, env: dict[str, str]
          ) -> tuple[subprocess.Popen[bytes], int]:
    """The command started (in a pseudo-terminal of its own for browse: the master's
    descriptor, else -1)."""
    if command not in IN_A_TERMINAL:
        return subprocess.Popen([*entry(how), *argv], cwd=repo, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True), -1
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen([*entry(how), *argv], cwd=repo,
                            env={**env, "TERM": "xterm-256color"}, stdin=slave, stdout=slave,
                            stderr=slave, start_new_session=True)
    os.close(slave)
    return proc, master


def read_until(fd: int, wanted: bytes, seen: bytearray, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return wanted in seen


def drive_to_apply(master: int, seen: bytearray) -> bool:
    """browse-apply: mark the TDY1 rows, plan, apply; True once `y` is typed."""
    if not read_until(master, b"scanned in", seen, 90):
        return False
    for keys in (b"/", b"rule:TDY1\r", b"a", b"p"):
        os.write(master, keys)
        read_until(master, b"\0never\0", seen, 0.4)
    if not read_until(master, b"Plan for", seen, 30):
        return False
    os.write(master, b"\r")
    if not read_until(master, b"Apply (y)", seen, 30):
        return False
    os.write(master, b"y")
    return True


def one_run(base: Path, command: str, sig: int, delay: float, how: str) -> Run:
    root = Path(tempfile.mkdtemp(dir=base))
    shutil.copytree(base / "template", root / "repo", symlinks=True)
    repo = root / "repo"
    marker = uuid.uuid4().hex
    home, state, out = root / "home", root / "state", root / "out"
    for folder in (home, state, out):
        folder.mkdir()
    env = hermetic({"HOME": str(home), "TIDY_STATE_DIR": str(state),
                    "XDG_STATE_HOME": str(home / "xs"), "XDG_DATA_HOME": str(home / "xd"),
                    "XDG_CONFIG_HOME": str(home / "xc"), "TIDY_SWEEP_MARK": marker,
                    "TIDY_CRONTAB_FILE": str(root / "crontab"),
                    **({"PYTHONPATH": CODE} if CODE else {})})
    pristine = snapshot(repo)
    prepare(command, repo, env)
    before = snapshot(repo)
    index = index_of(repo)
    argv = [a.format(repo=repo, out=out) for a in COMMANDS[command]]
    run = Run(delay)
    proc, master = start(command, argv, how, repo, env)
    seen = bytearray()
    if command == "browse-apply" and not drive_to_apply(master, seen):
        run.flags.append("not-driven")
    if master >= 0:
        read_until(master, b"\0never\0", seen, delay)
    else:
        time.sleep(delay)
    if proc.poll() is not None:
        run.flags.append("done-before")  # finished before the signal: nothing to judge
    with contextlib.suppress(ProcessLookupError):
        if TO_GROUP:
            os.killpg(proc.pid, sig)
        else:
            os.kill(proc.pid, sig)
    raw = b""
    try:
        if master >= 0:
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                read_until(master, b"\0never\0", seen, 0.05)
            proc.wait(timeout=1)
            read_until(master, b"\0never\0", seen, 0.2)
            raw = re.sub(rb"\x1b\[[0-9;?<>=]*[a-zA-Z~]|\x1b[=>]", b"", bytes(seen[-4000:]))
            # SIGHUP says the terminal is gone: nothing is left to give its modes back to.
            if sig != signal.SIGHUP and \
                    termios.tcgetattr(master)[3] & _TTY_MODES != _TTY_MODES:
                run.flags.append("tty-raw")
        else:
            _, raw = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        run.flags.append("hang")
    finally:
        if master >= 0:
            os.close(master)
    err = raw.decode(errors="replace")
    code = proc.returncode
    run.end = f"signal {-code}" if code < 0 else f"exit {code}"
    lines = [line for line in err.splitlines() if line.strip()]
    run.message = lines[-1][:90] if lines else ""
    if "Traceback (most recent call last)" in err:
        run.flags.append("traceback")
    if "init_import_site" in err:
        run.flags.append("python")
    if "Exception ignored" in err:
        run.flags.append("ignored")
    # watch too (trust round 11): stopped, it finishes its pass and ends by the signal
    if code == 0 and command not in IN_A_TERMINAL \
            and "done-before" not in run.flags:
        run.flags.append("exit-0")
    time.sleep(2.0)
    left = marked_processes(marker)
    if left:
        run.flags.append(f"orphans:{len(left)}")
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    torn = half_written(state, repo, out)
    if (repo / ".git" / "tidy").is_dir():  # the content cache, the trash's run folders
        torn += [f".git/tidy/{t}" for t in half_written(repo / ".git" / "tidy")]
    if torn:
        run.flags.append("state:" + ",".join(torn[:3]))
    if command == "scan" and (out / "report.json").exists():
        with contextlib.suppress(ValueError):
            json.loads((out / "report.json").read_text())
    if command == "hook" and index_of(repo) != index:
        run.flags.append("index")
    if command in IN_A_TERMINAL and command not in RESTORED and snapshot(repo) != before:
        run.flags.append("tree-changed")
    if command in RESTORED:
        after = snapshot(repo)
        changed = sum(1 for rel, digest in before.items() if after.get(rel) != digest)
        changed += len(set(after) - set(before))  # put back (undo)
        run.message += f" [{changed} files moved]"
        code = undo_all(repo, env)
        target = pristine if command == "undo" else before
        if snapshot(repo) != target:
            run.flags.append(f"not-restored(undo exit {code})")
        if code not in (0, 1, 2):
            run.flags.append(f"undo-exit-{code}")
    shutil.rmtree(root, ignore_errors=True)
    return run


@contextlib.contextmanager
def workdir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="tidy-interrupts-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--start", type=float, default=0.05)
    parser.add_argument("--step", type=float, default=0.02)
    parser.add_argument("--signals", default="INT,TERM,HUP")
    parser.add_argument("--commands", default="scan,fix")
    parser.add_argument("--entry", choices=("script", "module"), default="script")
    parser.add_argument("--to", choices=("group", "pid"), default="group")
    parser.add_argument("--code", default="", help="run this checkout's tidy (before/after)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    # Started in the background by a shell, SIGINT comes ignored, and its children would
    # ignore it too (Python keeps an ignored SIGINT ignored): a Ctrl-C sweep of nothing.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    global CODE, TO_GROUP
    CODE = args.code
    TO_GROUP = args.to == "group"
    print(f"load {os.getloadavg()[0]:.1f}; entry {args.entry}; code {CODE or 'this'}",
          flush=True)
    with workdir() as base:
        template = make_tree(base / "tmp")
        backdate(template)
        template.rename(base / "template")
        for command in args.commands.split(","):
            for name in args.signals.split(","):
                tally: collections.Counter[str] = collections.Counter()
                flagged = 0
                for i in range(args.runs):
                    run = one_run(base, command, SIGNALS[name], args.start + i * args.step,
                                  args.entry)
                    flagged += bool(run.flags)
                    tally[f"{run.end} | {run.message}"] += 1
                    for flag in run.flags:
                        tally[f"  flag {flag.split(':')[0]}"] += 1
                    if run.flags and args.verbose:
                        print(f"  {run.delay:.2f}s {run.end} {run.flags} {run.message}",
                              flush=True)
                print(f"{command} SIG{name}: {args.runs} runs, {flagged} flagged "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)
                for what, count in tally.most_common():
                    print(f"  {count:3} {what}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
