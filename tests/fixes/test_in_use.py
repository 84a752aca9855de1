"""`tidy fix` and `tidy browse`'s apply never move what a live process uses.

Real processes hold a file open inside a cache, sit in it, run a program from it or map a file
of it; real `tidy fix` subprocesses (and browse's apply, in this process) run beside them. Each
user is started by an intermediate shell that exits at once, so it is nobody's child here:
not of this test (browse applies in this process, and a process never counts its own
descendants) and not of the tidy under test.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CliResult, make_repo, run_cli, write
from tests.fixes.helpers import backdate, tidy_env
from tests.users import HOLD, MAP, MAP_DELETED, WATCH, detached
from tidy import engine
from tidy.browse import actions
from tidy.browse.model import Model
from tidy.core.config import load
from tidy.fixes import ApplySettings, Status
from tidy.fixes import plan as planning
from tidy.fixes.commands import apply_and_record


def _project(root: Path, name: str | bytes) -> Path:
    """A repo with a 3-file .pytest_cache, two hours old (nothing is recent)."""
    project = make_repo(root / os.fsdecode(name))
    write(project / "main.py", "print(1)\n")
    cache = project / ".pytest_cache"
    write(cache / "v" / "cache" / "lastfailed", "{}")
    write(cache / "v" / "cache" / "nodeids", "[]")
    write(cache / "bin" / "data.bin", size=8192)
    backdate(project)
    return cache


def _fix(root: Path, state: Path, *args: str) -> CliResult:
    return run_cli("fix", "--yes", "-q", "--select", "TDY101", *args, str(root), cwd=root,
                   env=tidy_env(state))


def _outcomes(result: CliResult) -> dict[str, dict[str, object]]:
    document = result.json()
    return {o["path"]: o for o in document["result"]["outcomes"]}


def test_a_cache_with_a_file_held_open_is_left_alone_the_other_projects_go(
        tmp_path: Path) -> None:
    """The text report names the process (pid and command) in one line; exit 1. A process
    using another project's cache holds back only that project."""
    root = tmp_path / "ws"
    held, free = _project(root, "served"), _project(root, "idle")
    with detached([sys.executable, "-c", HOLD, str(held / "v" / "cache" / "lastfailed")]) as pid:
        result = _fix(root, tmp_path / "state")
        assert (held / "v" / "cache" / "lastfailed").exists(), "moved under a running reader"
    assert result.code == 1, result.out + result.err
    line = next(line for line in result.out.splitlines() if "left alone" in line)
    assert line.startswith(f"! left alone: served/.pytest_cache in use by pid {pid} (")
    assert f"it has {held / 'v' / 'cache' / 'lastfailed'} open" in line
    assert "-c import sys, time" in line  # the command, not only the program's name
    assert not free.exists(), "another project's cache was held back"


def test_json_names_the_process_and_exits_1(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    held, free = _project(root, "served"), _project(root, "idle")
    with detached([sys.executable, "-c", HOLD, str(held / "bin" / "data.bin")]) as pid:
        result = _fix(root, tmp_path / "state", "--format", "json")
    assert result.code == 1
    outcomes = _outcomes(result)
    assert outcomes[str(held)]["status"] == "skipped"
    assert outcomes[str(held)]["attention"] is True
    reason = str(outcomes[str(held)]["reason"])
    assert reason.startswith(f"in use by pid {pid} (") and "data.bin open" in reason
    assert outcomes[str(free)]["status"] == "done"
    assert result.json()["exit_code"] == 1


def _sitting_in(cache: Path) -> contextlib.AbstractContextManager[int]:
    return detached(["sleep", "60"], cwd=cache / "v",
                    ready=lambda pid: _cwd(pid) == str(cache / "v"))


def _cwd(pid: int) -> str:
    try:
        return os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return ""


def _exe(pid: int) -> str:
    try:
        return os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return ""


@contextlib.contextmanager
def _use(kind: str, cache: Path, tmp_path: Path) -> Iterator[tuple[int, str]]:
    """A process using `cache` in one way; yields (its pid, the words the reason must hold)."""
    if kind == "open":
        target = cache / "v" / "cache" / "nodeids"
        with detached([sys.executable, "-c", HOLD, str(target)]) as pid:
            yield pid, f"it has {target} open"
    elif kind == "cwd":
        with _sitting_in(cache) as pid:
            yield pid, f"its working folder is {cache / 'v'}"
    elif kind == "cwd-through-a-symlink":
        link = tmp_path / "shortcut"
        link.symlink_to(cache / "v")
        with detached(["sleep", "60"], cwd=link,
                      ready=lambda pid: _cwd(pid) == str(cache / "v")) as pid:
            yield pid, f"its working folder is {cache / 'v'}"
    elif kind == "program":
        program = cache / "bin" / "server"
        shutil.copy2("/bin/sleep", program)
        backdate(cache.parent)
        with detached([str(program), "60"], ready=lambda pid: _exe(pid) == str(program)) as pid:
            yield pid, f"it runs {program}"
    elif kind == "mmap":
        target = cache / "bin" / "data.bin"
        with detached([sys.executable, "-c", MAP, str(target)]) as pid:
            yield pid, f"it maps {target}"
    elif kind == "mmap-of-a-deleted-file":
        target = cache / "bin" / "data.bin"
        with detached([sys.executable, "-c", MAP_DELETED, str(target)]) as pid:
            backdate(cache.parent)  # the unlink wrote the folder
            yield pid, f"it maps {target}"
    elif kind == "program-called-tidy":  # HTML Tidy is not tidy: it counts
        program = tmp_path / "bin" / "tidy"
        program.parent.mkdir()
        shutil.copy2("/bin/sleep", program)
        with detached([str(program), "60"], cwd=cache / "v",
                      ready=lambda pid: _cwd(pid) == str(cache / "v")) as pid:
            yield pid, f"its working folder is {cache / 'v'}"
    else:
        raise AssertionError(kind)


KINDS = ["open", "cwd", "cwd-through-a-symlink", "program", "mmap", "mmap-of-a-deleted-file",
         "program-called-tidy"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_use_keeps_the_cache(kind: str, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    cache, free = _project(root, "app"), _project(root, "other")
    with _use(kind, cache, tmp_path) as (pid, words):
        result = _fix(root, tmp_path / "state", "--format", "json")
        assert cache.is_dir(), f"moved under a process that uses it ({kind})"
    reason = str(_outcomes(result)[str(cache)]["reason"])
    assert reason.startswith(f"in use by pid {pid} (") and words in reason, reason
    assert result.code == 1 and not free.exists()


@pytest.mark.parametrize("name", [b"new\nline", b"caf\xe9", b"back\\012slash"],
                         ids=["newline", "latin-1", "a-real-backslash-012"])
def test_a_mapped_file_below_an_awkward_name_is_seen(name: bytes, tmp_path: Path) -> None:
    """maps prints a newline as the four bytes \\012 (and a real backslash as itself); the
    name is otherwise raw bytes. Only the map shows this use (the descriptor is closed)."""
    root = tmp_path / "ws"
    cache, free = _project(root, name), _project(root, "other")
    with detached([sys.executable, "-c", MAP, os.fsdecode(cache / "bin" / "data.bin")]) as pid:
        result = _fix(root, tmp_path / "state", "--format", "json")
        assert cache.is_dir(), "moved under a process that maps a file of it"
    reason = str(_outcomes(result)[os.fsdecode(cache)]["reason"])
    assert reason.startswith(f"in use by pid {pid} (") and ": it maps " in reason, reason
    assert not free.exists()


def test_the_text_report_escapes_a_newline_in_the_program_and_the_path(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    cache = _project(root, "app")
    target = write(cache / "v" / "two\nlines", "x")
    backdate(cache.parent)
    with detached([sys.executable, "-c", HOLD, str(target)]):
        result = _fix(root, tmp_path / "state")
    lines = [line for line in result.out.splitlines() if "left alone" in line]
    assert len(lines) == 1 and "two\\nlines open" in lines[0]


def test_once_the_process_ends_the_cache_goes(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    cache = _project(root, "app")
    with _sitting_in(cache):
        assert _fix(root, tmp_path / "state").code == 1
    assert cache.is_dir()
    assert _fix(root, tmp_path / "state").code == 0
    assert not cache.exists()


def test_a_build_running_in_the_project_keeps_its_caches(tmp_path: Path) -> None:
    """`pytest` (or `next dev`) running in the project holds nothing of .pytest_cache open,
    yet writes it: a process other than a shell or an editor working in the project keeps
    it; a shell sitting there does not."""
    root = tmp_path / "ws"
    cache, free = _project(root, "app"), _project(root, "other")
    fifo = tmp_path / "never-written"
    os.mkfifo(fifo)
    shell = ["bash", "-c", 'read x < "$1"', "bash", str(fifo)]  # waits in bash itself
    with detached(["sleep", "60"], cwd=cache.parent,
                  ready=lambda pid: _cwd(pid) == str(cache.parent)) as pid, \
            detached(shell, cwd=free.parent, ready=lambda p: _cwd(p) == str(free.parent)):
        result = _fix(root, tmp_path / "state", "--format", "json")
    reason = str(_outcomes(result)[str(cache)]["reason"])
    assert reason == (f"in use by pid {pid} (sleep 60): it runs inside the item's project "
                      f"(in {cache.parent})")
    assert cache.is_dir() and not free.exists()


def test_browse_apply_leaves_a_used_cache_where_it_is(tmp_path: Path) -> None:
    """`tidy browse`'s apply runs in this process: the user, an orphan, is not its child."""
    root = tmp_path / "ws"
    held, free = _project(root, "served"), _project(root, "idle")
    report = engine.scan([str(root)], load(str(root), None))
    model = Model()
    for group in report.groups:
        model.add_group(group)
    for item in model.items():
        if item.finding.code == "TDY101":
            model.toggle(item.key)
    plan = actions.build_plan(model.marked_report(report.roots), unsafe=False)
    with _sitting_in(held) as pid:
        applied = actions.apply(plan, skip_recent=0)
        assert held.is_dir(), "browse moved a cache a process works in"
    by_path = {o.path: o for o in applied.outcomes}
    assert by_path[str(held)].status is Status.SKIPPED and applied.attention
    assert by_path[str(held)].reason.startswith(f"in use by pid {pid} (sleep 60)")
    assert by_path[str(free)].status is Status.DONE and not free.exists()
    assert applied.blind == ""


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"],
                           capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs a private mount namespace (root)")
def test_without_proc_it_says_so_once_and_moves_as_before(tmp_path: Path) -> None:
    """/proc hidden (an empty tmpfs over it, in a mount namespace of its own): the fix cannot
    look, says it once, and moves what the other checks allow."""
    root = tmp_path / "ws"
    caches = [_project(root, "a"), _project(root, "b")]
    script = 'mount -t tmpfs none /proc && exec "$@"'
    argv = ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
            sys.executable, "-m", "tidy", "fix", "--yes", "-q", "--select", "TDY101"]
    text = subprocess.run([*argv, str(root)], cwd=root, env=tidy_env(tmp_path / "state"),
                          capture_output=True, check=False)
    assert text.returncode == 0, text.stderr
    assert text.stderr.decode().count("could not check which programs use the items") == 1
    assert not any(c.exists() for c in caches)
    again = _project(root, "c")
    document = subprocess.run([*argv, "--format", "json", str(root)], cwd=root,
                              env=tidy_env(tmp_path / "state"), capture_output=True,
                              check=False)
    warnings = json.loads(document.stdout)["warnings"]
    assert [w for w in warnings if "could not check which programs" in w] == [
        "could not check which programs use the items (/proc is not mounted (no /proc/self)); "
        "they were moved without that check"]
    assert not again.exists()


# A parent that runs `tidy fix` as its child, as `make clean`, `npm run clean` or a notebook's
# `!tidy fix` do; argv[1] is a file it keeps open ("" for none).
PARENT = ("import subprocess, sys\n"
          "held = open(sys.argv[1], 'rb') if sys.argv[1] else None\n"
          "sys.exit(subprocess.call([sys.executable, '-m', 'tidy', *sys.argv[2:]]))\n")


def _through_a_parent(project: Path, state: Path, held: str, *args: str) -> CliResult:
    proc = subprocess.run([sys.executable, "-c", PARENT, held, "fix", "--yes", "-q",
                           "--select", "TDY101", *args, str(project)], cwd=project,
                          env=tidy_env(state), capture_output=True, check=False, timeout=120)
    return CliResult(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_a_make_clean_that_runs_tidy_in_its_project_is_no_build(tmp_path: Path) -> None:
    """What started tidy works in the project to run it: it holds nothing back."""
    cache = _project(tmp_path / "ws", "app")
    result = _through_a_parent(cache.parent, tmp_path / "state", "")
    assert result.code == 0, result.out + result.err
    assert not cache.exists()


def test_a_kernel_that_runs_tidy_and_uses_the_cache_keeps_it(tmp_path: Path) -> None:
    """A notebook's `!tidy fix --unsafe-fixes` from a kernel running out of `.venv`: the
    kernel started tidy, and still uses what it would move."""
    cache = _project(tmp_path / "ws", "app")
    held = cache / "bin" / "data.bin"
    result = _through_a_parent(cache.parent, tmp_path / "state", str(held), "--format", "json")
    assert cache.is_dir(), "moved from under the program that ran tidy"
    assert result.code == 1
    reason = str(_outcomes(result)[str(cache)]["reason"])
    assert reason.startswith("in use by pid ") and f"it has {held} open" in reason


def _named(tmp_path: Path, name: str) -> str:
    """A Python started under another name (comm is the name it was executed by)."""
    link = tmp_path / "bin" / name
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(os.path.realpath(sys.executable))
    return str(link)


def test_a_dev_server_watching_keeps_the_cache_an_editor_watching_does_not(
        tmp_path: Path) -> None:
    """`tsc -w` or vite hold no file open, yet serve from what they watch; VS Code's watcher
    has an inotify watch in every folder of the project it shows, and only redraws."""
    root = tmp_path / "ws"
    served, shown = _project(root, "served"), _project(root, "shown")
    with detached([_named(tmp_path, "node"), "-c", WATCH, str(served / "v")]) as server, \
            detached([_named(tmp_path, "code"), "-c", WATCH, str(shown / "v")]):
        result = _fix(root, tmp_path / "state", "--format", "json")
        assert served.is_dir(), "moved from under a dev server watching it"
    reason = str(_outcomes(result)[str(served)]["reason"])
    assert reason.startswith(f"in use by pid {server} (node -c import ctypes, sys, time\\nlibc")
    assert reason.endswith("): it watches it for changes (a dev server, a `--watch` build)")
    assert not shown.exists(), "an editor's watch held the cache back"


def test_proc_is_read_once_per_run_and_not_at_all_when_nothing_moves(tmp_path: Path) -> None:
    from tidy.workspace.inuse import Look  # here: the module's other tests run on old code too

    root = tmp_path / "ws"
    caches = [_project(root, f"p{i}") for i in range(5)]
    with _sitting_in(caches[2]):
        report = engine.scan([str(root)], load(str(root), None))
        plan = planning.build(report, planning.PlanOptions(select=("TDY101",)))
        assert len(plan.actions) == 5
        look = Look()
        _run, outcomes = apply_and_record(plan, ApplySettings(skip_recent=0, in_use=look))
    assert look.reads == 1
    assert [o.status for o in outcomes].count(Status.DONE) == 4 and caches[2].is_dir()
    os.utime(caches[2])  # written now: refused for that before the question is asked
    plan = planning.build(engine.scan([str(root)], load(str(root), None)),
                          planning.PlanOptions(select=("TDY101",)))
    quiet = Look()
    _run, outcomes = apply_and_record(plan, ApplySettings(skip_recent=3600, in_use=quiet))
    assert outcomes and all(o.status is Status.SKIPPED for o in outcomes)
    assert quiet.reads == 0


SLEEPER = "import time; print('ready', flush=True); time.sleep(60)"


@pytest.mark.parametrize("name", [b"app", b"new\nline", b"caf\xe9"],
                         ids=["plain", "newline", "latin-1"])
def test_a_process_given_the_project_from_elsewhere_keeps_its_caches(
        name: bytes, tmp_path: Path) -> None:
    """`pytest ~/code/app` started in another folder: the path on its command line says it
    works on the project. Trust round 7: a path holding a newline was passed over (the
    word was dropped), so a project named so lost its cache under the running test."""
    root = tmp_path / "ws"
    cache, free = _project(root, name), _project(root, "other")
    project = os.fsdecode(cache.parent)
    with detached([sys.executable, "-c", SLEEPER, project], cwd=tmp_path) as pid:
        result = _fix(root, tmp_path / "state", "--format", "json")
        assert cache.is_dir(), "moved under a process given its project"
    reason = str(_outcomes(result)[os.fsdecode(cache)]["reason"])
    assert reason.startswith(f"in use by pid {pid} (") and "it was given" in reason, reason
    assert not free.exists()


# Another tidy (a script named `tidy`, as procfs.is_tidy knows one) that started a process of
# its own, as a `tidy watch` or `tidy fix` starts git in the repo: argv[1] is the child's
# working folder, argv[2] (optional) a file the child keeps open. The child ends with it.
_CHILD = ("import os, sys, time\n"
          "parent = os.getppid()\n"
          "held = open(sys.argv[1], 'rb') if len(sys.argv) > 1 else None\n"
          "print('ready', flush=True)\n"
          "while os.getppid() == parent:\n"
          "    time.sleep(0.05)\n")
_ANOTHER_TIDY = ("import subprocess, sys\n"
                 "from tidy.__main__ import run  # the line pip's console script has\n"
                 f"child = subprocess.Popen([sys.executable, '-c', {_CHILD!r}, *sys.argv[2:]],\n"
                 "                         cwd=sys.argv[1], stdout=subprocess.PIPE)\n"
                 "child.stdout.readline()\n"
                 "print('ready', flush=True)\n"
                 "child.wait()\n")


def _another_tidy(tmp_path: Path, text: str = _ANOTHER_TIDY) -> Path:
    script = tmp_path / "bin" / "tidy"
    write(script, text)
    return script


@pytest.mark.parametrize("relative", [False, True])
def test_a_users_own_script_named_tidy_is_no_tidy(tmp_path: Path, relative: bool) -> None:
    """Trust round 14: any Python script named `tidy` was taken for another tidy, so what it
    started (a build working in the project) held nothing back, and the folder it was using
    was moved (on b87a4ff: exit 0, the cache gone). Only tidy's own console script counts."""
    cache = _project(tmp_path / "ws", "app")
    script = _another_tidy(tmp_path, _ANOTHER_TIDY.replace("from tidy.__main__", "# from x"))
    argv = [sys.executable, "tidy" if relative else str(script), str(cache.parent)]
    with detached(argv, cwd=script.parent):
        result = _fix(cache.parent, tmp_path / "state")
    assert result.code == 1, result.out + result.err
    assert "in use by pid" in result.out and cache.is_dir()


def test_a_process_another_tidy_started_in_the_project_holds_nothing_back(
        tmp_path: Path) -> None:
    """Two tidy runs in one repo (a watcher and a fix, six fixes at once in
    tests/safety/test_config_races.py): the git one starts works in the repo, and was taken
    for a build running in the project, so the other's items were held back."""
    cache = _project(tmp_path / "ws", "app")
    script = _another_tidy(tmp_path)
    with detached([sys.executable, str(script), str(cache.parent)]):
        result = _fix(cache.parent, tmp_path / "state")
    assert result.code == 0, result.out + result.err  # on main: 1, "runs inside the project"
    assert not cache.exists()


def test_a_file_a_process_another_tidy_started_holds_open_keeps_its_cache(
        tmp_path: Path) -> None:
    """What such a process uses itself still counts (`tidy extract --evaluate`'s python
    importing from `.venv`)."""
    cache = _project(tmp_path / "ws", "app")
    held = cache / "v" / "cache" / "lastfailed"
    script = _another_tidy(tmp_path)
    with detached([sys.executable, str(script), str(cache.parent), str(held)]):
        result = _fix(cache.parent, tmp_path / "state")
    assert result.code == 1, result.out + result.err
    assert "in use by pid" in result.out and held.exists()
