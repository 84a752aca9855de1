"""Trust round 17: what tidy takes on trust, and what a careless user or an attacker can make
it move, delete, overwrite or hang on.

The content pass's forked child (workspace/forked): its answer was read from a pipe to its
end, and the end comes only when every write end is closed. Any process of the user opens the
child's write end through /proc/PID/fd and keeps it: the scan then waited as long as that
process lived (on 486f37e). Now the answer's reading ends once the child has exited.

The look after a batch's renames (workspace/procfs.holders): it read each process's working
folder and descriptors, not its memory maps. A program that mapped a file inside a planned
folder after the run's look and closed the descriptor (the dynamic loader does so with every
.so: a Python importing a C extension from a venv, a node loading a native addon) had the
folder moved from under it; a copied folder's original was deleted under it (on 486f37e).
Now the lean look reads the maps too (only the lines naming the batch's common folder are
parsed), and such an item goes back, or its copy is dropped.

A copied folder's original (no trash on its filesystem), between that look and its deletion
(trash/move.record_moved): a program that opened a file of it there had it deleted under it
(on 486f37e). Now the original is renamed aside in its own folder once copied
(`.tidy-aside-RUN-N`, journaled on the `copied` line): no program finds it at its path from
then on, one that holds it is seen by the look at its aside name, and it goes back to its
name when it stays (in use, or what a build wrote during the move); a run killed meanwhile
has it renamed back by the next tidy's recovery.

"This is tidy" (workspace/procfs.is_tidy): a `python -m tidy`, or a console script importing
tidy.__main__, was taken for this tidy whenever the first folder Python looks in and its
PYTHONPATH held no package named tidy: the one in its site-packages was assumed to be this
one. A user's venv with a package of their own named tidy, run from elsewhere, counted as
tidy, and the folder it held open was moved (on 486f37e). Now a package found past those
folders is this tidy's only when the process runs this tidy's Python from this tidy's
environment (its interpreter as started, in the same folder, the same binary).

Folders listed while they change (workspace/_fastmeasure's getdents64 listing, and the Python
loop's): a real second process adds, removes and renames the user's files and folders in
the projects and junk inside node_modules, in a loop, through several `tidy fix` runs. Sizes
may be off; nothing of the user's is ever moved (tried and found holding on 486f37e).

Tried again and found holding (486f37e): an npm workspace's links and a `file:` dependency
inside node_modules (links to the user's own packages beside it, relative and absolute),
moved by a rename and by a copy: the packages they point to stay whole, and undo gives the
links back as they were. A planned node_modules written after the plan through a hard link
from outside it (an `npm link`ed file edited in its source), by a file renamed into it from
elsewhere, or by a write through a shared mapping: the re-check or the walk of the renamed
item sees it, whether the re-check lstats every entry or only the folders (a big tree), and
the item stays. Shipped bytecode with no source that `import` loads, in layouts round 14
did not try: a namespace package (no __init__.py), a module at the top of a plain folder of
scripts, a package whose every module is bytecode (a wheel built with only .pyc) - each kept
by `tidy fix --yes --unsafe-fixes`, the import working after, the stale __pycache__ control
moved.

`tidy schedule` (watch/schedule.py): `install` wrote its unit or agent over whatever file had
its name (tidy-clean.service, tidy-clean.timer, dev.tidy.clean.plist), and `remove` deleted
it, a user's own hand-written one included (on 486f37e). Now a file there without the line
tidy's templates carry ("Created by `tidy schedule install`") is the user's: install refuses
(exit 2, one line, nothing changed), remove leaves it and says so.

Tried again and found holding (486f37e): an extraction undone after its data file was edited
with the same length and its mtime set back (refused: the data file's hash), and with --force
after edits to the data file and the stub both (each edited version kept beside the restored
module).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli, write
from tests.fixes.helpers import backdate, tidy_env
from tests.safety.helpers import (
    copied_node_modules,
    held_at_first_rename,
    held_tidy,
    kept_in_use,
    pipe_write_end,
    used_and_unused_node_modules,
    wait_for,
    wait_for_intents,
    wait_while_held,
)
from tests.users import MAP, detached

pytestmark = pytest.mark.slow


# ------------------------------------ the forked child's answer pipe, held open by another
_HOLD_FOR_S = 20  # how long the other process keeps the write end open


def _held_open_beside(tmp_path: Path, holders: list[subprocess.Popen[bytes]]
                      ) -> Callable[[str], str]:
    """A job whose forked child says where its answer's pipe is and waits; this process's
    part has another process open that pipe's write end (through /proc) and keep it."""
    where, go, here = tmp_path / "where", tmp_path / "go", os.getpid()

    def work(part: str) -> str:
        if part == "theirs":
            if os.getpid() != here:
                where.write_text(f"{os.getpid()} {pipe_write_end(os.getpid())}")
                wait_for(go)
            return "the child's answer"
        wait_for(where)
        pid, fd = map(int, where.read_text().split())
        holder = subprocess.Popen(
            [sys.executable, "-c", "import os, sys, time\n"
             "fd = os.open(sys.argv[1], os.O_WRONLY)\n"
             "print('ready', flush=True); time.sleep(float(sys.argv[2]))\n",
             f"/proc/{pid}/fd/{fd}", str(_HOLD_FOR_S)], stdout=subprocess.PIPE)
        holders.append(holder)
        assert holder.stdout is not None and holder.stdout.readline() == b"ready\n"
        go.write_text("")
        return "mine"
    return work


@pytest.mark.parametrize("exit_seen_by", ["a pidfd", "waitid (no pidfd_open)"])
def test_the_forked_childs_answer_is_read_once_it_exits_whoever_holds_its_pipe(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exit_seen_by: str) -> None:
    """Fails on 486f37e: run_beside waits until the other process lets the pipe go (20 s).
    Where there is no pidfd (Linux before 5.3), the child's exit is asked every 50 ms."""
    from tidy.workspace import forked

    if exit_seen_by != "a pidfd":
        monkeypatch.delattr(os, "pidfd_open")

    holders: list[subprocess.Popen[bytes]] = []
    started = time.monotonic()
    try:
        mine, theirs = forked.run_beside(_held_open_beside(tmp_path, holders), "mine", "theirs")
        took = time.monotonic() - started
    finally:
        for holder in holders:
            holder.kill()
            holder.wait()
    assert holders, "the child never said where its pipe was"
    assert took < _HOLD_FOR_S / 2, f"the pass waited {took:.1f} s for another process"
    assert (mine, theirs) == ("mine", "the child's answer")


# ------------------------------- a program that maps a file of a folder after the run's look
def _maps(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text(errors="surrogateescape")


def test_a_program_that_maps_a_file_of_a_folder_after_the_look_keeps_it(tmp_path: Path) -> None:
    """Fails on 486f37e: the folder is moved into the trash, its file mapped from there."""
    ws, state = tmp_path / "ws", tmp_path / "state"
    project, held, other = used_and_unused_node_modules(ws)
    fix = held_at_first_rename(ws, tmp_path, state)
    with detached([sys.executable, "-c", MAP, str(held)]) as pid:
        assert str(held) in _maps(pid) and not any(
            os.readlink(f"/proc/{pid}/fd/{fd}") == str(held)
            for fd in os.listdir(f"/proc/{pid}/fd")), "not mapped alone"
        mine, out = kept_in_use(fix, ws, project, other, pid)
        assert held.exists(), "the folder of a file a program mapped mid-fix was moved: " + out
        assert f"it maps {held}" in str(mine["reason"]), mine
        assert str(held) in _maps(pid), "it maps the file in the trash"


def test_a_program_that_maps_a_file_of_a_folder_being_copied_keeps_it(tmp_path: Path) -> None:
    """No trash on the tree's filesystem: the folder is copied, then its original deleted.
    Fails on 486f37e: the original, whose file a program mapped after the look, is deleted."""
    state = tmp_path / "state"
    with copied_node_modules(tmp_path) as (ws, project, held, other):
        fix = held_at_first_rename(ws, tmp_path, state, copied=True)
        with detached([sys.executable, "-c", MAP, str(held)]) as pid:
            _mine, out = kept_in_use(fix, ws, project, other, pid)
            assert held.exists(), "the folder of a file a program maps was deleted: " + out
            assert f"{held} (deleted)" not in _maps(pid)
        assert not [p for p in state.rglob("*") if "dep" in p.parts], "the copy stayed"


# -------------------------------- a user's own package named tidy, in a venv's site-packages
_USERS_MAIN = ("import sys, time\n"
               "held = open(sys.argv[1], 'rb')\n"
               "def run():\n"
               "    print('ready', flush=True)\n"
               "    time.sleep(60)\n"
               "if __name__ == '__main__':\n"
               "    run()\n")


def _venv_with_a_tidy_of_its_own(tmp_path: Path) -> Path:
    """A venv whose site-packages holds the user's own package `tidy` (its __main__ holds
    argv[1] open), and pip's console script for it; the venv's folder."""
    venv = tmp_path / "their-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    (site,) = venv.glob("lib/python*/site-packages")
    write(site / "tidy" / "__init__.py", "")
    write(site / "tidy" / "__main__.py", _USERS_MAIN)
    script = venv / "bin" / "tidy"
    write(script, f"#!{venv / 'bin' / 'python'}\nimport sys\n"
                  "from tidy.__main__ import run\nsys.exit(run())\n")
    script.chmod(0o755)
    return venv


@pytest.mark.parametrize("how", ["python -m tidy", "its console script"])
def test_a_users_package_named_tidy_in_a_venv_counts_as_a_user(tmp_path: Path,
                                                                how: str) -> None:
    """Fails on 486f37e: taken for another tidy, what it holds open counts for nothing and
    the cache is moved (exit 0)."""
    venv = _venv_with_a_tidy_of_its_own(tmp_path)
    project = tmp_path / "ws" / "app"
    write(project / "package.json", "{}\n")
    held = write(project / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
    backdate(project)
    argv = ([str(venv / "bin" / "python"), "-m", "tidy"] if how == "python -m tidy" else
            [str(venv / "bin" / "tidy")])
    with detached([*argv, str(held)], cwd=tmp_path) as pid:
        result = run_cli("fix", "--yes", "-q", "--select", "TDY1", str(project),
                         cwd=tmp_path, env=tidy_env(tmp_path / "state"))
        assert held.exists(), "moved under a user's program named tidy: " + result.out
        assert result.code == 1 and f"in use by pid {pid}" in result.out, \
            result.out + result.err


def _sleeper() -> list[str]:
    return [sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(60)"]


@pytest.mark.parametrize("started", ["python -m tidy", "its console script",
                                     "python3 -m tidy, found on PATH"])
def test_this_tidy_run_from_elsewhere_is_still_tidy(tmp_path: Path, started: str) -> None:
    """This tidy's own Python (this environment), from a folder with no tidy in it: still
    tidy (a watcher started from the home folder), as on 486f37e."""
    from tidy.workspace.procfs import is_tidy

    exe = (os.path.realpath(sys.executable),)
    here = Path(sys.executable).parent
    if started == "its console script":
        script = here / "tidy"
        if not script.exists():
            pytest.skip("no console script installed beside this Python")
        argv = [sys.executable.encode(), bytes(script)]
    elif started == "python -m tidy":
        argv = [sys.executable.encode(), b"-m", b"tidy", b"watch"]
    else:
        argv = [os.path.basename(sys.executable).encode(), b"-m", b"tidy", b"watch"]
    env = {**os.environ, "PATH": f"{here}:/usr/bin:/bin"}
    with subprocess.Popen(_sleeper(), cwd=tmp_path, env=env,
                          stdout=subprocess.PIPE) as sleeper:
        try:
            assert sleeper.stdout is not None and sleeper.stdout.readline() == b"ready\n"
            assert is_tidy(argv, exe, f"/proc/{sleeper.pid}")
        finally:
            sleeper.kill()


# --------------------------------------------- folders that change while they are listed
_CHURN = r"""
import json, os, random, sys
root, stop, final = sys.argv[1:4]
rng = random.Random(17)
projects = sorted(os.path.join(root, p) for p in os.listdir(root))
keep = {p: set() for p in projects}
step = 0
while not os.path.exists(stop):
    step += 1
    p = rng.choice(projects)
    op = rng.randrange(7)
    try:
        if op == 0 or not keep[p]:
            name = f"keep{step}.txt"
            with open(os.path.join(p, name), "wb") as f:
                f.write(b"KEEP " + name.encode())
            keep[p].add(name)
        elif op == 1:
            name = rng.choice(sorted(keep[p]))
            os.unlink(os.path.join(p, name))
            keep[p].discard(name)
        elif op == 2:
            name = rng.choice(sorted(keep[p]))
            new = f"keep{step}.txt"
            os.rename(os.path.join(p, name), os.path.join(p, new))
            with open(os.path.join(p, new), "r+b") as f:
                f.write(b"KEEP " + new.encode())
            keep[p] = (keep[p] - {name}) | {new}
        elif op == 3:
            a, b = os.path.join(p, "mine_a"), os.path.join(p, "mine_b")
            os.rename(*((a, b) if os.path.exists(a) else (b, a)))
        elif op in (4, 5) and p.endswith(("0", "2", "4")):
            junk = os.path.join(p, "node_modules", "churn")
            os.makedirs(junk, exist_ok=True)
            name = os.path.join(junk, f"j{step % 50}.js")
            if os.path.exists(name):
                os.rename(name, os.path.join(junk, f"j{(step + 7) % 50}.js"))
            else:
                with open(name, "wb") as f:
                    f.write(b"junk")
        elif op == 6:
            folder = os.path.join(p, "src", f"d{step % 5}")
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "m.py"), "wb") as f:
                f.write(b"KEEP src")
    except FileNotFoundError:
        pass  # tidy moved node_modules meanwhile
with open(final, "w") as f:
    json.dump({"steps": step, "keep": {p: sorted(names) for p, names in keep.items()}}, f)
"""


def _churned_projects(ws: Path) -> None:
    for i in range(6):
        project = ws / f"p{i}"
        write(project / "package.json", "{}\n")
        for j in range(40):
            write(project / "node_modules" / f"dep{j}" / "index.js", "junk\n" * 20)
        for name in ("a.txt", "b.txt", "c.txt"):
            write(project / "mine_a" / name, f"KEEP {name}")
    backdate(ws)


@pytest.mark.parametrize("loop", ["C", "Python"])
def test_folders_changing_while_listed_never_get_the_users_files_moved(
        tmp_path: Path, loop: str) -> None:
    from tidy.workspace import measure

    if loop == "C" and measure._native is None:
        pytest.skip("_fastmeasure is not built here")
    ws, state = tmp_path / "ws", tmp_path / "state"
    _churned_projects(ws)
    stop, final = tmp_path / "stop", tmp_path / "final.json"
    churn = subprocess.Popen([sys.executable, "-c", _CHURN, str(ws), str(stop), str(final)])
    extra = {"TIDY_PURE_PYTHON": "1"} if loop == "Python" else {}
    codes = []
    try:
        for _ in range(4):
            result = run_cli("fix", "--yes", "-q", "--skip-recent", "0s", "--select", "TDY1",
                             str(ws), cwd=tmp_path, env=tidy_env(state, extra))
            codes.append((result.code, result.err))
            for i in (1, 3, 5):  # put the untouched projects' junk back for the next run
                if not (ws / f"p{i}" / "node_modules").exists():
                    for j in range(40):
                        write(ws / f"p{i}" / "node_modules" / f"dep{j}" / "index.js", "junk\n")
                    backdate(ws / f"p{i}" / "node_modules")
    finally:
        stop.write_text("")
        churn.wait(timeout=60)
    assert all(code in (0, 1) for code, _ in codes), codes
    churned = json.loads(final.read_text())
    assert churned["steps"] > 1000, churned["steps"]  # it changed the folders all along
    for project, names in churned["keep"].items():
        top = {p.name for p in Path(project).iterdir() if p.name.startswith("keep")}
        assert top == set(names), f"the user's files of {project} changed: {top ^ set(names)}"
        mine = [p for p in (Path(project) / "mine_a", Path(project) / "mine_b") if p.exists()]
        assert len(mine) == 1 and sorted(p.name for p in mine[0].iterdir()) == [
            "a.txt", "b.txt", "c.txt"], mine
    moved_keep = [p for p in state.rglob("*") if p.is_file() and not p.is_symlink()
                  and p.read_bytes().startswith(b"KEEP")]
    assert not moved_keep, f"the user's files were moved into the trash: {moved_keep[:5]}"
    assert any(p.name == "index.js" for p in state.rglob("*")), "nothing was moved at all"


# -------------- a copied folder's original, between the look after the copy and its removal
# Opens argv[1] if it can ("opened"), else says it is gone ("absent"); then keeps it.
_OPEN_IF_THERE = ("import sys, time\n"
                  "try:\n"
                  "    f = open(sys.argv[1], 'rb')\n"
                  "    print('opened', flush=True)\n"
                  "except FileNotFoundError:\n"
                  "    print('absent', flush=True)\n"
                  "time.sleep(60)\n")


def test_a_program_that_opens_a_copied_folders_original_after_the_look_keeps_it(
        tmp_path: Path) -> None:
    """No trash on the tree's filesystem: the folder is copied, the users looked at, then the
    original deleted. A program that opened a file of it after that look and before the
    deletion (held there: the run's second unlinkat, the first is the journal's temp) had it
    deleted under it (on 486f37e). Now the original is renamed aside in its folder before
    the look: from then on no program finds it at its path, and one that holds it is seen
    by the look."""
    state = tmp_path / "state"
    with copied_node_modules(tmp_path) as (ws, project, held, other):
        fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json",
                        str(ws), cwd=tmp_path, state=state, syscall="unlinkat", hold_s=3, when="2",
                        text=True, follow_forks=False)
        wait_for_intents(state, 2)

        def copied() -> bool:
            return any(p.name == "index.js" and "dep" in p.parts for p in state.rglob("*")
                       ) and not any(p.name.endswith(".partial") for p in state.rglob("*"))
        wait_while_held(fix, copied, "copied the first folder")
        starter = subprocess.Popen([sys.executable, "-c", _OPEN_IF_THERE, str(held)],
                                   stdout=subprocess.PIPE, text=True)
        try:
            assert starter.stdout is not None
            said = starter.stdout.readline().strip()
            out, err = fix.communicate(timeout=120)
            if said == "opened":
                assert held.exists(), "deleted under a program that opened it: " + out + err
            else:
                assert said == "absent", said
        finally:
            starter.kill()
            starter.wait()
        outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
        assert outcomes[str(ws / "b" / "node_modules")]["status"] == "done", out
        assert not other.exists(), "the unused node_modules was not moved"
        mine = outcomes[str(project / "node_modules")]
        assert (mine["status"] == "done") == (not held.exists()), mine
        assert sorted(p.name for p in project.iterdir()) == (
            ["package.json"] if mine["status"] == "done" else ["node_modules", "package.json"])


# Killed while the original is set aside: its removal's first unlink, its removal's last
# rmdir, and at the rename that sets it aside (before it happens).
ASIDE_KILLS = [("unlink,unlinkat,rmdir", 2), ("unlink,unlinkat,rmdir", 4),
               ("rename,renameat,renameat2", 2)]


@pytest.mark.parametrize(("syscall", "when"), ASIDE_KILLS)
def test_a_copy_killed_while_its_original_is_set_aside_leaves_no_aside(
        no_trash_of_its_own: Path, tmp_path: Path, syscall: str, when: int) -> None:
    """The next tidy puts the original back at its name (then finishes its removal as for
    one that never left it); `tidy undo` gives the tree back as it was."""
    from tests.fixes.helpers import snapshot
    from tests.safety.helpers import tidy, undo_everything

    root, state = no_trash_of_its_own, tmp_path / "st"
    before = snapshot(root)
    strace = ["strace", "-qq", "--seccomp-bpf", "-o", os.devnull, "-e", f"trace={syscall}",
              "-e", f"inject={syscall}:signal=KILL:when={when}"]
    killed = subprocess.run([*strace, sys.executable, "-m", "tidy", "fix", "--yes", "-q",
                             "--select", "TDY1", str(root)], cwd=tmp_path,
                            env=tidy_env(state), stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=120, check=False)
    assert killed.returncode == -9, killed
    listed = tidy("trash", "list", cwd=tmp_path, state=state)  # recovers the killed run
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert not [p for p in root.rglob(".tidy-aside-*")], "the original stayed set aside"
    found = [p for place in (root, state) for p in place.rglob("index.js")
             if p.read_text() == "module.exports = 1\n"]
    assert len(found) == 1, found
    undo_everything(tmp_path, state)
    assert snapshot(root) == before


def test_a_set_aside_original_whose_name_was_taken_after_the_kill_keeps_both(
        no_trash_of_its_own: Path, tmp_path: Path) -> None:
    """Killed mid-delete, then npm installs again at the name: the next tidy removes of the
    set-aside original only what the copy holds byte for byte; what was written there since
    stays, named; the new install is not touched."""
    from tests.safety.helpers import tidy

    root, state = no_trash_of_its_own, tmp_path / "st"
    web = root / "web"
    strace = ["strace", "-qq", "--seccomp-bpf", "-o", os.devnull, "-e", "trace=unlinkat",
              "-e", "inject=unlinkat:signal=KILL:when=2"]
    killed = subprocess.run([*strace, sys.executable, "-m", "tidy", "fix", "--yes", "-q",
                             "--select", "TDY1", str(root)], cwd=tmp_path,
                            env=tidy_env(state), stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=120, check=False)
    assert killed.returncode == -9, killed
    (aside,) = web.glob(".tidy-aside-*")
    write(aside / "dep" / "late.txt", "written after the kill\n")
    write(web / "node_modules" / "dep" / "index.js", "module.exports = 2\n")  # npm again
    listed = tidy("trash", "list", cwd=tmp_path, state=state)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert (web / "node_modules" / "dep" / "index.js").read_text() == "module.exports = 2\n"
    assert sorted(p.relative_to(aside).as_posix() for p in aside.rglob("*")) == [
        "dep", "dep/late.txt"], "more than what the copy does not hold stayed"
    copies = [p for p in state.rglob("index.js") if p.read_text() == "module.exports = 1\n"]
    assert len(copies) == 1, copies


# ------------------------- links inside node_modules to the user's own packages (holding)
def _linked_workspace(root: Path) -> tuple[Path, dict[str, str]]:
    """An npm workspace: node_modules/@mono/core -> ../../packages/core (npm's workspace
    link), node_modules/local -> an absolute path to ./local (a `file:` dependency); the
    user's packages, what they hold."""
    project = root / "mono"
    write(project / "package.json", json.dumps({
        "name": "mono", "workspaces": ["packages/*"],
        "dependencies": {"local": "file:./local"}}))
    mine = {"packages/core/package.json": '{"name": "@mono/core"}\n',
            "packages/core/src/index.js": "the user's only copy\n",
            "local/package.json": '{"name": "local"}\n', "local/index.js": "also theirs\n"}
    for rel, text in mine.items():
        write(project / rel, text)
    write(project / "node_modules" / "left-pad" / "index.js", "module.exports = 0\n")
    (project / "node_modules" / "@mono").mkdir()
    (project / "node_modules" / "@mono" / "core").symlink_to("../../packages/core")
    (project / "node_modules" / "local").symlink_to(project / "local")
    backdate(project)
    return project, mine


@pytest.mark.parametrize("method", ["rename", "copy"])
def test_workspace_and_file_links_in_node_modules_leave_the_packages_whole(
        tmp_path: Path, method: str) -> None:
    from tests.fixes.helpers import snapshot
    from tests.safety.helpers import tidy
    from tests.safety.mounts import tmpfs

    state = tmp_path / "state"
    with contextlib.ExitStack() as stack:
        if method == "copy":
            (tmp_path / "mnt").mkdir()
            ws = stack.enter_context(tmpfs(tmp_path / "mnt")) / "ws"
        else:
            ws = tmp_path / "ws"
        project, mine = _linked_workspace(ws)
        if method == "copy" and subprocess.run(["chattr", "+i", str(ws)],
                                               capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        before = snapshot(project)
        fixed = tidy("fix", "--yes", "-q", "--select", "TDY1", str(project), cwd=tmp_path,
                     state=state)
        assert fixed.returncode == 0, fixed.stdout + fixed.stderr
        assert not (project / "node_modules").exists()
        for rel, text in mine.items():
            assert (project / rel).read_text() == text, rel
        undo = tidy("undo", cwd=tmp_path, state=state)
        assert undo.returncode == 0, undo.stdout + undo.stderr
        assert snapshot(project) == before
        assert os.readlink(project / "node_modules" / "@mono" / "core") == "../../packages/core"
        if method == "copy":
            subprocess.run(["chattr", "-i", str(ws)], check=True)


# -------------------- a planned folder written after the plan in ways that bypass its names
def _planned_project(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "proj"
    write(root / "web" / "package.json", "{}\n")
    deep = root / "web" / "node_modules" / "pkg" / "lib"
    write(deep / "index.js", "module.exports = 1\n")
    write(tmp_path / "src" / "linked.js", "the source\n")
    os.link(tmp_path / "src" / "linked.js", deep / "linked.js")  # npm link / pnpm's store
    write(tmp_path / "elsewhere" / "moved.js", "the user's\n")
    backdate(root)
    backdate(tmp_path / "src")
    return root, deep


def _write_by_map(path: Path) -> None:
    import mmap

    with open(path, "r+b") as f, mmap.mmap(f.fileno(), 0) as mapped:
        mapped[:3] = b"NEW"
        mapped.flush()


WAYS: dict[str, Callable[[Path, Path], None]] = {
    "through a hard link from outside": lambda tmp, deep: (tmp / "src" / "linked.js")
    .write_text("edited in its source\n"),
    "a file renamed into it": lambda tmp, deep: os.rename(tmp / "elsewhere" / "moved.js",
                                                         deep / "moved.js"),
    "a write through a shared mapping": lambda tmp, deep: _write_by_map(deep / "index.js"),
}


@pytest.mark.parametrize("full", [True, False], ids=["every-entry", "folders-only"])
@pytest.mark.parametrize("way", list(WAYS))
def test_a_planned_folder_written_after_the_plan_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str, full: bool) -> None:
    from tidy import engine
    from tidy.core.config import Config
    from tidy.fixes import ApplySettings, Status, recheck
    from tidy.fixes import plan as planning
    from tidy.fixes.apply import appliers, apply_plan
    from tidy.fixes.journal import RunJournal

    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))
    if not full:  # the walk big trees get: folders only
        monkeypatch.setattr(recheck, "FULL_CHECK_ENTRIES", 0)
    root, deep = _planned_project(tmp_path)
    since = planning.mark_since()
    report = engine.scan([str(root)], Config())
    plan = planning.build(report, planning.PlanOptions(select=("TDY1",), since_ns=since,
                                                       actions=tuple(appliers())))
    time.sleep(0.01)
    WAYS[way](tmp_path, deep)
    with RunJournal.create("fix", plan.roots) as journal:
        (outcome,) = apply_plan(plan, journal, ApplySettings(skip_recent=0))
        journal.end("complete")
    assert outcome.status is Status.SKIPPED, outcome
    assert "modified since the plan" in outcome.reason, outcome.reason
    assert (deep / "index.js").exists() and (deep / "linked.js").exists()


# ------------------------------------------ shipped bytecode in layouts round 14 did not try
def _compiled_alone(source: Path, text: str) -> Path:
    """`source` compiled to the legacy place beside it (what `import` loads with no source),
    the source removed."""
    import py_compile

    write(source, text)
    shipped = source.with_suffix(".pyc")
    py_compile.compile(str(source), cfile=str(shipped), doraise=True)
    source.unlink()
    return shipped


LAYOUTS = {
    # (what `import` runs from the root, the shipped modules)
    "a namespace package": ("import ns.core; print(ns.core.ANSWER)", ["ns/core.py"]),
    "a top-level module": ("import core; print(core.ANSWER)", ["core.py"]),
    "a package of bytecode only": ("import pkg.core; print(pkg.core.ANSWER)",
                                   ["pkg/__init__.py", "pkg/core.py"]),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_shipped_bytecode_that_import_loads_is_kept(tmp_path: Path, layout: str) -> None:
    from tests.conftest import make_repo
    from tests.fixes.helpers import run_tidy
    from tests.watch.helpers import DAY, compile_to_cache, set_age

    statement, modules = LAYOUTS[layout]
    root = make_repo(tmp_path / "proj")
    shipped = [_compiled_alone(root / rel, "ANSWER = 42\n") for rel in modules]
    gone = write(root / "tools" / "gone.py", "X = 1\n")
    stale = compile_to_cache(gone)  # the control: a stale __pycache__ file, which goes
    gone.unlink()
    set_age(root, 60 * DAY)

    def imported() -> str:
        done = subprocess.run([sys.executable, "-B", "-c", statement], cwd=root,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert imported() == "42"
    fixed = run_tidy("fix", "--yes", "-q", "--unsafe-fixes", str(root), cwd=tmp_path,
                     state=tmp_path / "state")
    assert fixed.returncode in (0, 1), fixed.stdout + fixed.stderr
    assert all(p.exists() for p in shipped), fixed.stdout
    assert imported() == "42"
    assert not stale.exists(), "the control was not moved: " + fixed.stdout + fixed.stderr


# ------------------------------------------- a user's own unit at tidy's schedule file names
def _scheduler_sandbox(tmp_path: Path) -> dict[str, str]:
    """Every scheduler redirected into tmp_path; `systemctl`, `launchctl`, `crontab` are
    tripwires first on PATH (tmp_path/tripped appears if one ran)."""
    from tests.conftest import hermetic_env

    bin_dir = tmp_path / "bin"
    for name in ("systemctl", "launchctl", "crontab"):
        write(bin_dir / name, f"#!/bin/sh\necho {name} >> {tmp_path / 'tripped'}\nexit 1\n")
        (bin_dir / name).chmod(0o755)
    return hermetic_env({
        "TIDY_STATE_DIR": str(tmp_path / "state"),
        "TIDY_SYSTEMD_USER_DIR": str(tmp_path / "systemd"),
        "TIDY_LAUNCHD_DIR": str(tmp_path / "LaunchAgents"),
        "TIDY_CRONTAB_FILE": str(tmp_path / "crontab"),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"})


USERS_OWN = {
    "systemd/tidy-clean.service": "[Service]\nExecStart=/home/me/bin/tidy-up-photos\n",
    "systemd/tidy-clean.timer": "[Timer]\nOnCalendar=weekly\n",
    "LaunchAgents/dev.tidy.clean.plist": "<plist><dict><key>Label</key></dict></plist>\n",
}


@pytest.mark.parametrize("scheduler", ["systemd", "launchd"])
def test_a_users_own_unit_at_tidys_name_is_neither_replaced_nor_removed(
        tmp_path: Path, scheduler: str) -> None:
    """Fails on 486f37e: install writes over it (exit 0), remove deletes it."""
    env = _scheduler_sandbox(tmp_path)
    mine = {rel: text for rel, text in USERS_OWN.items()
            if rel.startswith("systemd" if scheduler == "systemd" else "Launch")}
    for rel, text in mine.items():
        write(tmp_path / rel, text)

    def schedule(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tidy", "schedule", *args], env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              check=False)

    (tmp_path / "code").mkdir()
    installed = schedule("install", "--scheduler", scheduler, str(tmp_path / "code"))
    assert installed.returncode == 2, installed.stdout + installed.stderr
    assert "is not tidy's" in installed.stderr and len(installed.stderr.splitlines()) == 1
    removed = schedule("remove")
    assert removed.returncode == 0, removed.stderr
    assert "not tidy's" in removed.stdout, removed.stdout
    for rel, text in mine.items():
        assert (tmp_path / rel).read_text() == text, rel
    assert not (tmp_path / "tripped").exists()


def test_tidys_own_units_are_still_replaced_and_removed(tmp_path: Path) -> None:
    env = _scheduler_sandbox(tmp_path)
    (tmp_path / "code").mkdir()

    def schedule(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tidy", "schedule", *args], env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              check=False)

    for at in ("02:00", "03:30"):
        done = schedule("install", "--scheduler", "systemd", "--at", at, str(tmp_path / "code"))
        assert done.returncode == 0, done.stderr
    assert "OnCalendar=*-*-* 03:30:00" in (tmp_path / "systemd" / "tidy-clean.timer").read_text()
    removed = schedule("remove")
    assert removed.stdout.startswith("removed (systemd): "), removed.stdout
    assert not list((tmp_path / "systemd").iterdir())


# ------------------------------------------------- an extraction undone over later edits
def _extracted(tmp_path: Path) -> tuple[Path, Path, bytes, dict[str, str]]:
    """A repo whose pkg/data.py (a big literal) `tidy extract` moved into data.json.gz:
    (the repo, the module, its original bytes, the environment)."""
    from tests.conftest import commit, make_repo

    repo = make_repo(tmp_path / "svc")
    write(repo / "pkg" / "__init__.py", "")
    rows = "\n".join(f"    {{'id': {i}, 'text': 'question {i} about {i * 7}?'}},"
                     for i in range(3000))
    module = write(repo / "pkg" / "data.py", f"QUESTIONS = [\n{rows}\n]\n")
    commit(repo)
    original = module.read_bytes()
    env = tidy_env(tmp_path / "state")
    done = run_cli("extract", "pkg/data.py", cwd=repo, env=env)
    assert done.code == 0, done.out + done.err
    return repo, module, original, env


def test_a_data_file_edited_to_the_same_length_and_time_is_not_undone_over(
        tmp_path: Path) -> None:
    import gzip

    repo, _module, _original, env = _extracted(tmp_path)
    data = repo / "pkg" / "data.json.gz"
    st = data.stat()
    raw = gzip.decompress(data.read_bytes())
    edited = raw.replace(b"question 1 ", b"question X ", 1)
    assert edited != raw and len(edited) == len(raw)
    data.write_bytes(gzip.compress(edited, mtime=0))
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
    refused = run_cli("extract", "--undo", "pkg/data.py", cwd=repo, env=env)
    assert refused.code == 1 and "was edited" in refused.err, refused.out + refused.err
    assert gzip.decompress(data.read_bytes()) == edited


def test_a_forced_undo_over_edits_to_the_data_and_the_stub_keeps_both(tmp_path: Path) -> None:
    import gzip

    repo, module, original, env = _extracted(tmp_path)
    data = repo / "pkg" / "data.json.gz"
    edited_data = gzip.compress(gzip.decompress(data.read_bytes()).replace(
        b"question 1 ", b"question X ", 1))
    data.write_bytes(edited_data)
    edited_stub = module.read_bytes() + b"\n# my edit\n"
    module.write_bytes(edited_stub)
    forced = run_cli("extract", "--undo", "--force", "pkg/data.py", cwd=repo, env=env)
    assert forced.code == 0, forced.out + forced.err
    assert module.read_bytes() == original and not data.exists()
    kept = {p.name.split(".tidy-kept-")[0]: p.read_bytes()
            for p in (repo / "pkg").glob("*.tidy-kept-*")}
    assert kept == {"data.py": edited_stub, "data.json.gz": edited_data}
