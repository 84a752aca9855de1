"""Ctrl-C during TDY401's history walk: no `git cat-file` the scan started outlives it.

A real `tidy scan` runs on a repo whose history takes the one-walk path (githistory: object
bytes x libraries asked >= WALK_MIN_WORK, made real with thousands of commits written by one
`git fast-import`), so `git cat-file --batch` reads blob after blob for a while. A harness
process watches the scan's process tree in /proc and, once a `git cat-file --batch` is in it,
sends SIGINT: to the whole process group as a terminal's Ctrl-C does, or to the scan alone.

The harness is a child subreaper (PR_SET_CHILD_SUBREAPER): a process whose parent exits
without reaping it is re-parented to the harness, not to init, and init's reaping cannot hide
a child the scan (or its worker) left behind. Every git the scan started is recorded with its
pid and start time (tests.git_calls), so "none remains" is checked of exactly those.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import git, make_repo
from tests.git_calls import GitCall, GitRecorder, still_there
from tests.rules.test_vendored import MINIFIED
from tidy.workspace.early import EARLY_MIN_INDEX_BYTES
from tidy.workspace.githistory import WALK_MIN_WORK

_HARNESS = textwrap.dedent(r"""
    import ctypes, json, os, signal, subprocess, sys, time

    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    how, repo = sys.argv[1], sys.argv[2]
    scan = subprocess.Popen(
        [sys.executable, "-m", "tidy", "scan", repo, "--format", "json", "--no-cache",
         "--select", "TDY401"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)

    def parents():
        found = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    with open(f"/proc/{name}/stat", "rb") as f:
                        found[int(name)] = int(f.read().rsplit(b")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    pass
        return found

    def reading_blobs(root):
        tree, todo = [], [root]
        by_parent = {}
        for pid, parent in parents().items():
            by_parent.setdefault(parent, []).append(pid)
        while todo:
            for child in by_parent.get(todo.pop(), ()):
                tree.append(child)
                todo.append(child)
        for pid in tree:
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    args = f.read().split(b"\0")
            except OSError:
                continue
            if b"cat-file" in args and b"--batch" in args:
                return True
        return False

    seen = False
    deadline = time.monotonic() + 60
    while scan.poll() is None and time.monotonic() < deadline:
        if reading_blobs(scan.pid):
            seen = True
            if how == "ctrl-c":  # a terminal's Ctrl-C: the whole foreground process group
                os.killpg(scan.pid, signal.SIGINT)
            else:
                os.kill(scan.pid, signal.SIGINT)
            break
        time.sleep(0.002)
    try:
        _, err = scan.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(scan.pid, signal.SIGKILL)
        _, err = scan.communicate()
    print(json.dumps({"seen": seen, "code": scan.returncode,
                      "err": err.decode("utf-8", "replace")}), flush=True)
    sys.stdin.readline()  # the test has looked: now whatever came here is reaped
    for pid, parent in parents().items():
        if parent == os.getpid():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
""")

KETCHER = "static/vendor/ketcher"


def _history(repo: Path, commits: int, files: int) -> None:
    """`commits` commits, each changing one module (a blob the walk has not met), over a first
    commit that adds two vendored libraries (ketcher never referenced: its walk goes down to
    the root) and `files` more tracked files; checked out."""
    package = '{"name": "%s", "version": "1.2.3", "main": "%s.min.js", "license": "MIT"}'
    first = {f"static/vendor/{name}/{leaf}": data for name in ("ketcher", "jquery")
             for leaf, data in (("package.json", package % (name, name)),
                                ("LICENSE", "MIT License\n\nPermission is hereby granted"),
                                (f"{name}.min.js", MINIFIED))}
    first["templates/base.html"] = '<script src="/static/vendor/jquery/jquery.min.js">\n'
    for n in range(files):
        first[f"src/package_{n // 100:02d}/a_module_whose_name_is_rather_long_{n:05d}.py"] = (
            f"VALUE = {n}\n")
    stream = bytearray()
    for n in range(commits):
        stream += b"commit refs/heads/main\ncommitter T <t@t> %d +0000\n" % (1_600_000_000 + n)
        stream += b"data %d\nc%d\n" % (len(b"c%d" % n), n)
        changed = dict(first) if n == 0 else {}
        changed[f"app/module_{n % 50}.py"] = "".join(
            f"line {line} of change {n}: {(n * 7919 + line) ** 3}\n" for line in range(40))
        for path, text in changed.items():
            data = text.encode()
            stream += b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=bytes(stream),
                   check=True, capture_output=True)
    git(repo, "reset", "-q", "--hard", "main")
    git(repo, "repack", "-a", "-d", "-q")


def _packed_bytes(repo: Path) -> int:
    values = dict(line.split(": ") for line in git(repo, "count-objects", "-v").splitlines())
    return (int(values["size-pack"]) + int(values["size"])) * 1024


def _interrupt(tmp_path: Path, recorder: GitRecorder, repo: Path,
               how: str) -> tuple[dict[str, object], list[GitCall]]:
    """One scan through the harness: what it said, and the git cat-file calls the scan made,
    looked at while the harness still holds whatever the scan left to it."""
    script = tmp_path / "harness.py"
    script.write_text(_HARNESS)
    recorder.clear()
    harness = subprocess.Popen([sys.executable, str(script), how, str(repo)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               env=recorder.env())
    try:
        assert harness.stdout is not None and harness.stdin is not None
        said = json.loads(harness.stdout.readline())
        blob_readers = [c for c in recorder.calls() if c.asks("cat-file")]
        deadline = time.monotonic() + 10  # one the scan killed just before it exited: dying
        while any(map(still_there, blob_readers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [c for c in blob_readers if still_there(c)]
        harness.stdin.write("checked\n")
        harness.stdin.flush()
    finally:
        harness.wait(timeout=60)
    return said, left


@pytest.mark.slow
@pytest.mark.parametrize("how", ["ctrl-c", "sigint-scan-only"])
@pytest.mark.parametrize("index", ["checks", "early-job"])
def test_no_git_cat_file_outlives_an_interrupted_scan(tmp_path: Path, how: str,
                                                      index: str) -> None:
    # A big index: the early job walks the history in a pool worker; else the check does it
    # in the scan's own process.
    files = EARLY_MIN_INDEX_BYTES // 110 if index == "early-job" else 0
    recorder = GitRecorder(tmp_path / "git")
    commits = 6_000
    for attempt in range(3):  # a loaded machine may run the whole walk between two looks
        repo = make_repo(tmp_path / f"repo{attempt}")
        _history(repo, commits, files)
        assert _packed_bytes(repo) >= WALK_MIN_WORK  # one library asked: the walk pays
        said, left = _interrupt(tmp_path, recorder, repo, how)
        if said["seen"] and said["code"] not in (0, 1):
            break
        commits *= 2
    else:
        pytest.skip("the scan read the history faster than the harness could look, 3 times")
    assert left == [], f"git cat-file left behind by the interrupted scan: {left}"
    # Interrupted, it says so in a line and ends by the SIGINT (a shell's 130): no worker's
    # traceback either
    assert said["code"] == -signal.SIGINT and "tidy: interrupted" in str(said["err"]), said
    assert "Traceback" not in str(said["err"]), said["err"]
