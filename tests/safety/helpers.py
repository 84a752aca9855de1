"""A repository whose `tidy fix` edits every config file tidy knows how to edit.

`tidy fix --yes` on it writes: `.gitignore` (TDY501, a rule for backend/__pycache__), and for
the heavy vendored folder (TDY502) `.ignore`, `.vscode/settings.json`, `.cursorindexingignore`
(a `.cursor/` folder says Cursor is in use) and pyright's exclude in `pyproject.toml` (the
folder holds Python).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import commit, findings, git, hermetic_env, make_repo, scan_foundation, write
from tests.fixes.helpers import backdate, run_tidy, snapshot

EDITED = (".gitignore", ".ignore", ".vscode/settings.json", ".cursorindexingignore",
          "pyproject.toml")


def config_repo(root: Path) -> Path:
    repo = make_repo(root)
    for i in range(5):
        write(repo / "backend" / f"mod{i}.py", f"x = {i}\n")
        write(repo / "backend" / "__pycache__" / f"mod{i}.cpython-311.pyc", b"\0" * 300)
    for i in range(30):
        write(repo / "static" / "vendor" / "lib" / f"c{i}.min.js", "var a=1;" * 300)
    write(repo / "static" / "vendor" / "lib" / "build.py", "y = 2\n")
    write(repo / ".vscode" / "settings.json", '{\n  // team settings\n  "a": 1\n}\n')
    write(repo / ".cursor" / "rules", "be nice\n")
    write(repo / "pyproject.toml", '[project]\nname = "demo"\n')
    write(repo / ".tidy.toml", 'heavy-folder = "10KB"\n')
    commit(repo, *(f"backend/mod{i}.py" for i in range(5)), "static", ".vscode", ".cursor",
           "pyproject.toml", ".tidy.toml")
    backdate(repo)
    return repo


def tidy(*args: str, cwd: Path, state: Path, timeout: float = 120
         ) -> subprocess.CompletedProcess[str]:
    """`python -m tidy ARGS` with its own state folder (no terminal)."""
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          errors="surrogateescape",
                          env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                          timeout=timeout, check=False)


def strace_hold(syscall: str, hold_s: float, when: str = "1",
                follow_forks: bool = True) -> list[str]:
    """The strace argv prefix that holds a command `hold_s` seconds before the `when`-th
    call of `syscall` (strace's syntax: "2" the second, "1+" every one; counted per process;
    `syscall` may list several, "rename,renameat"). The way the race tests land a write,
    a swap or a kill at one exact step of tidy."""
    return [str(shutil.which("strace") or "strace"), *(["-f"] if follow_forks else []), "-qq",
            "--seccomp-bpf", "-o", os.devnull, "-e", f"trace={syscall}",
            "-e", f"inject={syscall}:delay_enter={int(hold_s * 1_000_000)}:when={when}"]


def held_tidy(*args: str, cwd: Path, state: Path, syscall: str, hold_s: float,
              when: str = "1", quiet: bool = False, text: bool = False,
              follow_forks: bool = True, env: dict[str, str] | None = None
              ) -> subprocess.Popen[Any]:
    """`python -m tidy ARGS` (its own state folder, no terminal, a session of its own so a
    test can kill it with its children) held as strace_hold says; output piped, or dropped
    when `quiet`. `env`: variables over the hermetic environment."""
    out = subprocess.DEVNULL if quiet else subprocess.PIPE
    return subprocess.Popen(
        [*strace_hold(syscall, hold_s, when, follow_forks), sys.executable, "-m", "tidy", *args],
        cwd=cwd, env=hermetic_env({"TIDY_STATE_DIR": str(state), **(env or {})}),
        stdin=subprocess.DEVNULL, stdout=out, stderr=out, text=text, start_new_session=True)


def data_module_repo(root: Path) -> Path:
    """A committed repo whose pkg/data.py is one big literal (3,000 rows): `tidy fix
    --unsafe-fixes --select TDY301` extracts it."""
    repo = make_repo(root)
    write(repo / "pkg" / "__init__.py", "")
    rows = "\n".join(f"    {{'id': {i}, 'text': 'question {i} about things?'}},"
                     for i in range(3000))
    write(repo / "pkg" / "data.py", f'"""Data."""\n\nQUESTIONS = [\n{rows}\n]\n')
    commit(repo)
    return repo


def stop_a_rebase(repo: Path, env: dict[str, str] | None = None) -> None:
    """A real rebase stopped on a real conflict: `a.txt` (committed on `main`) changed on a
    `topic` branch and on `main`, then `topic` rebased onto `main`."""
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo / "a.txt", "topic\n")
    commit(repo)
    git(repo, "checkout", "-q", "main")
    write(repo / "a.txt", "main\n")
    commit(repo)
    git(repo, "checkout", "-q", "topic")
    stopped = subprocess.run(["git", "rebase", "main"], cwd=repo, env=env or hermetic_env(),
                             capture_output=True, check=False)
    assert stopped.returncode != 0 and (repo / ".git" / "rebase-merge").is_dir()


def artifacts_by_path(root: Path) -> dict[str, tuple[str, str]]:
    """Each untracked cache a scan reports (TDY101): path -> (kind, fix applicability)."""
    return {f["path"]: (f["kind"], f["fix"]["applicability"])
            for f in findings(scan_foundation(root), "TDY101")}


def fix_artifacts(root: Path, state: Path, *flags: str) -> None:
    """`tidy fix --yes --select TDY1 FLAGS` in `root`, which must exit 0."""
    done = run_tidy("fix", "--yes", "--select", "TDY1", *flags, cwd=root, state=state)
    assert done.returncode == 0, done.stderr


def fix_moves_exactly(root: Path, state: Path, moved: set[str], *flags: str) -> None:
    """The fix moves these paths and nothing else; undo puts back every byte."""
    backdate(root)
    before = snapshot(root)
    fix_artifacts(root, state, *flags)
    after = snapshot(root)
    gone = {p.decode() for p in before if p not in after}
    assert {p for p in gone if not any(p.startswith(m + "/") for m in moved)} == moved
    done = run_tidy("undo", "--yes", cwd=root, state=state)
    assert done.returncode == 0, done.stderr
    assert snapshot(root) == before


def tracked_index(root: Path) -> str:
    return subprocess.run(["git", "-C", str(root), "ls-files", "-s"], check=True,
                          capture_output=True, text=True).stdout


def left_alone(root: Path, state: Path, *paths: str) -> None:
    """None reported as a cache (untracked or committed), and neither fix (safe, then unsafe)
    changes a byte below the root or what git tracks."""
    found = {f["path"] for f in findings(scan_foundation(root)) if f["code"] in
             ("TDY101", "TDY102")}
    assert not {p for p in found if any(p == q or q.startswith(p + "/") for q in paths)}, found
    backdate(root)
    before, index = snapshot(root), tracked_index(root)
    for flags in ((), ("--unsafe-fixes",)):
        fix_artifacts(root, state, *flags)
        assert snapshot(root) == before
        assert tracked_index(root) == index


def commit_all(root: Path) -> None:
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "-c", "user.email=a@b", "-c", "user.name=a",
                    "commit", "-qm", "sources"], check=True)


def build(root: Path, tmp_path: Path, *command: str, **env_extra: str) -> None:
    """Run a real build (go, cc, cmake, javac ...) in `root` with a throwaway home under
    `tmp_path` (go's build cache, cmake's registry); it must succeed."""
    home = tmp_path / "build-home"
    home.mkdir(exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "LC_ALL": "C", **env_extra}
    done = subprocess.run(list(command), cwd=root, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])


def compiled_program(path: Path, tmp_path: Path) -> Path:
    """A real ELF program at `path`, compiled by cc from a throwaway source elsewhere."""
    source = tmp_path / "elsewhere" / "prog.c"
    write(source, "int main(void) { return 0; }\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    build(source.parent, tmp_path, "cc", "-o", str(path), str(source))
    return path


def wait_for_intents(state: Path, count: int) -> None:
    """Wait until the fix held by strace has journaled `count` intents (its batch is planned
    and durable), for at most a minute."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        lines = [line for path in (state / "runs").glob("*.jsonl")
                 for line in path.read_text().splitlines() if '"op":"intent"' in line]
        if len(lines) >= count:
            return
        time.sleep(0.02)
    raise AssertionError("the fix never wrote its intents")


def used_and_unused_node_modules(ws: Path) -> tuple[Path, Path, Path]:
    """Two projects in `ws`, backdated, each with a node_modules: a's holds a file a test's
    program starts using mid-fix, b's nobody uses. (project a, that file, b's file)."""
    project = ws / "a"
    write(project / "package.json", "{}\n")
    used = project / "node_modules" / "dep" / "lib" / "index.js"
    write(used, "module.exports = 1\n")
    unused = ws / "b" / "node_modules" / "x" / "i.js"
    write(ws / "b" / "package.json", "{}\n")
    write(unused, "1\n")
    backdate(ws)
    return project, used, unused


def held_at_first_rename(ws: Path, cwd: Path, state: Path, copied: bool = False
                         ) -> subprocess.Popen[str]:
    """`tidy fix` of the TDY1 items of `ws` (JSON out) held by strace at its first
    renameat2, returned once every intent of its batch is durable and the run's look at /proc
    taken; with `copied` (no trash on the tree's filesystem), once the first item's verified
    copy is in the trash, before it takes its name and the original is deleted."""
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(ws),
                    cwd=cwd, state=state, syscall="renameat2", hold_s=2.5, text=True)
    wait_for_intents(state, 2)
    if copied:
        wait_while_held(fix, lambda: any(p.name.endswith(".partial")
                                         for p in state.rglob("*")), "copied")
    return fix


def kept_in_use(fix: subprocess.Popen[str], ws: Path, project: Path, other: Path, pid: int
                ) -> tuple[dict[str, Any], str]:
    """Once the held fix of used_and_unused_node_modules(ws) ends: project's node_modules
    was skipped, in use by `pid`; b's, which nobody uses, moved. (That outcome, the output.)"""
    out, err = fix.communicate(timeout=120)
    outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
    mine: dict[str, Any] = outcomes[str(project / "node_modules")]
    assert mine["status"] == "skipped", out + err
    assert f"in use by pid {pid}" in str(mine["reason"]), mine
    assert not other.exists(), "the unused node_modules was not moved"
    assert outcomes[str(ws / "b" / "node_modules")]["status"] == "done"
    return mine, out


def wait_while_held(proc: subprocess.Popen[Any], came: Callable[[], bool], what: str) -> None:
    """Until `came()` (what a held tidy has done so far) while `proc` is still held at its
    syscall; then a moment more, and `proc` must still be held."""
    for _ in range(6000):  # at most a minute: a test that fails does not hang
        if came():
            time.sleep(0.3)
            assert proc.poll() is None, "tidy was not held"
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    raise AssertionError(f"tidy never {what}")


def wait_for(path: Path) -> None:
    for _ in range(3000):  # at most 30 s: a test that fails does not hang
        if path.exists():
            return
        time.sleep(0.01)
    raise AssertionError(f"{path} never came")


def forge(pid: int, fd: int, message: bytes) -> None:
    """Another process of the user writes `message` into the worker's pipe, by its /proc."""
    script = ("import os, sys\n"
              "fd = os.open(sys.argv[1], os.O_WRONLY)\n"
              "os.write(fd, bytes.fromhex(sys.argv[2]))\n")
    subprocess.run([sys.executable, "-c", script, f"/proc/{pid}/fd/{fd}", message.hex()],
                   check=True, timeout=30)


# ------------------------------------------- pipes another process of the user can open
def _pipes(pid: int, mode: int) -> dict[str, int]:
    """`pid`'s pipes open for reading (mode 0) or writing (os.O_WRONLY): inode -> fd."""
    found = {}
    for fd in map(int, os.listdir(f"/proc/{pid}/fd")):
        with contextlib.suppress(OSError):
            info = Path(f"/proc/{pid}/fdinfo/{fd}").read_text()
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if target.startswith("pipe:") and int(info.split("flags:")[1].split()[0], 8) & 3 \
                    == mode:
                found[target] = fd
    return found


def pipe_write_end(pid: int) -> int:
    """The forked child `pid`'s end of its answer's pipe: the one whose other end its parent
    reads."""
    (fd,) = [fd for pipe, fd in _pipes(pid, os.O_WRONLY).items()
             if pipe in _pipes(os.getppid(), 0)]
    return fd


@contextlib.contextmanager
def copied_node_modules(tmp_path: Path) -> Iterator[tuple[Path, Path, Path, Path]]:
    """The used and unused node_modules pair on a tmpfs whose top folder is immutable
    (chattr +i), so no trash can be made on the tree's filesystem: a fix copies each item to
    the state folder's trash, then deletes its original. Yields (ws, project, held, other);
    skips where chattr +i is not supported."""
    from tests.safety.mounts import tmpfs

    (tmp_path / "mnt").mkdir()
    with tmpfs(tmp_path / "mnt") as mnt:
        ws = mnt / "ws"
        project, held, other = used_and_unused_node_modules(ws)
        if subprocess.run(["chattr", "+i", str(ws)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        yield ws, project, held, other


def undo_everything(cwd: Path, state: Path) -> None:
    """`tidy undo` until it has nothing left to undo (at most three runs), none of them an
    internal error."""
    for _ in range(3):
        undo = tidy("undo", cwd=cwd, state=state)
        assert "internal error" not in undo.stderr, undo.stderr
        if "nothing to undo" in undo.stderr:
            return
