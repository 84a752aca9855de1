"""Issue 14, point 12 (config files): leftovers of a killed write, two `tidy fix` runs at once,
and an undo that finds the file gone or changed.

On the old code: the temp file of a killed write stayed for good; undo of a `.gitignore` that
was deleted or edited since failed ("its old text is in the journal", "changed after tidy
wrote it") on every try; two concurrent fixes left one run's rule out (or failed it with
"changed since tidy read it"), and undoing the first run before the second failed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy

BEGIN = "# >>> tidy managed (do not edit this block) >>>"
MINE = "# my rules\n*.log\n"


def _repo(root: Path, projects: tuple[str, ...] = ("web",)) -> Path:
    """A repo with a .gitignore of the user's and a Next.js output per project (TDY501 gives
    each an anchored rule, /web/.next/)."""
    repo = make_repo(root)
    write(repo / ".gitignore", MINE)
    for project in projects:
        write(repo / project / "package.json", '{"name": "x"}')
        write(repo / project / ".next" / "cache" / "a.pack", "x" * 100)
    commit(repo, ".gitignore", *(f"{p}/package.json" for p in projects))
    backdate(repo)
    return repo


def _temps(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(".tidy-") and n.endswith(".tmp"))


# ------------------------------------------------------------------ a killed write
_WRITER = """
import sys
from tidy.core.atomic import atomic_write
atomic_write(sys.argv[1], b"# new\\n" * (40 << 20))  # 280 MB: long enough to be caught mid-way
"""


@pytest.mark.slow
def test_the_temp_file_of_a_write_killed_mid_way_is_removed_by_the_next_run(
        tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    killed = False
    for _attempt in range(5):
        writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(repo / ".gitignore")],
                                  env=hermetic_env(), cwd=tmp_path)
        deadline = time.monotonic() + 30
        while not _temps(repo) and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        if _temps(repo) and writer.poll() is None:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
            killed = True
            break
        writer.wait()
        write(repo / ".gitignore", MINE)
    assert killed, "the writer finished before it could be killed"
    assert (repo / ".gitignore").read_text() == MINE  # atomic: the old file, whole
    [leftover] = _temps(repo)

    done = tidy("fix", "--yes", "--skip-recent", "0s", ".", cwd=repo, state=tmp_path / "st")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "/web/.next/" in (repo / ".gitignore").read_text()
    assert leftover not in os.listdir(repo) and _temps(repo) == []


@pytest.mark.slow
def test_only_stale_temp_files_of_tidys_own_pattern_are_removed(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    hour_ago = time.time() - 7200
    live = f".tidy-{os.getpid()}-0123456789ab.tmp"  # this process: a writer still at work
    dead = ".tidy-999999999-0123456789ab.tmp"  # no such process
    old_style_old, old_style_new = ".tidy-abcd1234.tmp", ".tidy-wxyz9876.tmp"
    for name in (live, dead, old_style_old, old_style_new, ".tidy-notes.tmp", "x.tidy-1.tmp"):
        write(repo / name, "partial")
    os.utime(repo / old_style_old, (hour_ago, hour_ago))
    (repo / ".tidy-1-aaaaaaaaaaaa.tmp").mkdir()  # a folder of that name is not ours
    os.symlink("/etc/hostname", repo / ".tidy-2-bbbbbbbbbbbb.tmp")  # nor is a link

    done = tidy("fix", "--yes", "--skip-recent", "0s", ".", cwd=repo, state=tmp_path / "st")
    assert done.returncode == 0, done.stdout + done.stderr
    left = set(os.listdir(repo))
    assert {dead, old_style_old}.isdisjoint(left)
    assert {live, old_style_new, ".tidy-notes.tmp", "x.tidy-1.tmp", ".tidy-1-aaaaaaaaaaaa.tmp",
            ".tidy-2-bbbbbbbbbbbb.tmp"} <= left


# ------------------------------------------------------------------ undo from the journal
def _fix(repo: Path, state: Path, *paths: str) -> str:
    done = tidy("fix", "--yes", "--skip-recent", "0s", "--format", "json", *(paths or (".",)),
                cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    run: str = json.loads(done.stdout)["run"]
    return run


@pytest.mark.slow
def test_undo_puts_a_deleted_gitignore_back_from_the_journal(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    state = tmp_path / "st"
    _fix(repo, state)
    (repo / ".gitignore").unlink()
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (repo / ".gitignore").read_text() == MINE
    assert "put back from the journal" in undo.stdout + undo.stderr


@pytest.mark.slow
def test_undo_takes_only_tidys_lines_out_of_a_gitignore_edited_since(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    state = tmp_path / "st"
    _fix(repo, state)
    text = (repo / ".gitignore").read_text()
    assert BEGIN in text and "/web/.next/" in text
    edited = text.replace("*.log\n", "*.log\n*.tmp\n") + "secrets.env\n"
    (repo / ".gitignore").write_text(edited)
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (repo / ".gitignore").read_text() == "# my rules\n*.log\n*.tmp\nsecrets.env\n"
    assert "only tidy's lines were taken out" in undo.stdout + undo.stderr


@pytest.mark.slow
def test_undo_keeps_a_changed_settings_file_beside_the_restored_one(tmp_path: Path) -> None:
    from tests.safety.helpers import config_repo

    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    settings = repo / ".vscode" / "settings.json"
    before = settings.read_text()
    _fix(repo, state)
    changed = settings.read_text().replace('"a": 1', '"a": 2, "theme": "dark"')
    settings.write_text(changed)
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr  # the user should look
    assert settings.read_text() == before
    conflict = repo / ".vscode" / "settings.json.tidy-undo-conflict"
    assert conflict.read_text() == changed
    assert "settings.json.tidy-undo-conflict" in undo.stdout + undo.stderr
    again = tidy("undo", cwd=repo, state=state)  # nothing is left failing for good
    assert again.returncode in (0, 2) and "its old text is in the journal" not in again.stderr


# ------------------------------------------------------------------ fixes at once
PROJECTS = ("a", "b", "c", "d", "e", "f")


def _line_up(state: Path, runs: list[subprocess.Popen[bytes]]) -> None:
    """Stop each run (SIGSTOP) as soon as its journal begins, i.e. once its scan and plan
    are done and it is about to apply; then let them all go at once (SIGCONT)."""
    waiting = {p.pid for p in runs}
    stopped: set[int] = set()
    deadline = time.monotonic() + 120
    try:
        while waiting - stopped and time.monotonic() < deadline:
            if any(p.poll() is not None for p in runs if p.pid not in stopped):
                break  # one finished (or failed) before it could be caught: no line-up
            for journal in (state / "runs").glob("*.jsonl") if (state / "runs").is_dir() else ():
                first = journal.read_bytes().split(b"\n", 1)[0]
                pid = json.loads(first).get("pid") if first.endswith(b"}") else None
                if pid in waiting and pid not in stopped:
                    os.kill(pid, signal.SIGSTOP)
                    stopped.add(pid)
            time.sleep(0.0005)
    finally:
        for pid in stopped:
            os.kill(pid, signal.SIGCONT)


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(3))
def test_concurrent_fixes_all_land_and_undo_in_any_order(tmp_path: Path, round_: int) -> None:
    """Six real `tidy fix` processes on six projects of one repo, lined up to apply at the
    same moment: each adds its rule to the same .gitignore. Every run succeeds, no rule is
    lost, and undoing them oldest first (not the reverse order of the writes) puts the file
    back exactly. (Without the edit lock, a run's rule goes missing in most rounds.)"""
    repo = _repo(tmp_path / "repo", PROJECTS)
    state = tmp_path / "st"
    env = hermetic_env({"TIDY_STATE_DIR": str(state)})
    runs = [subprocess.Popen([sys.executable, "-m", "tidy", "fix", "--yes", "--skip-recent",
                              "0s", "--format", "json", project], cwd=repo, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL)
            for project in PROJECTS]
    _line_up(state, runs)
    results = [(p.communicate(timeout=300), p.returncode) for p in runs]
    for (out, err), code in results:
        assert code == 0, out.decode() + err.decode()
    text = (repo / ".gitignore").read_text()
    for project in PROJECTS:
        assert f"/{project}/.next/" in text, text  # no run's rule was lost
    assert text.startswith(MINE)
    ids = sorted(json.loads(out)["run"] for (out, _err), _code in results)
    for run in ids if round_ % 2 == 0 else reversed(ids):
        undo = tidy("undo", run, cwd=repo, state=state)
        assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (repo / ".gitignore").read_text() == MINE
    assert all((repo / p / ".next").is_dir() for p in PROJECTS)
    assert _temps(repo) == []


@pytest.mark.slow
def test_an_undo_killed_before_it_edited_a_changed_gitignore_can_be_run_again(
        tmp_path: Path) -> None:
    """Recovery of an undo a kill cut short asked "is the file still what tidy wrote?" and,
    for a `.gitignore` the user had edited since, answered "no, so it was restored": the
    run counted as undone, `tidy undo` had nothing left to do and tidy's rules stayed in
    the file for good. Now it asks whether tidy's lines are still in it.

    strace holds `tidy undo` at the fsync of its intent (the last step before the edit)
    and it is killed there with SIGKILL."""
    repo = _repo(tmp_path / "repo")
    state = tmp_path / "st"
    _fix(repo, state)
    edited = (repo / ".gitignore").read_text() + "secrets.env\n"
    (repo / ".gitignore").write_text(edited)
    # fsync 1: the undo-begin, 2: the undo-intent
    undo = held_tidy("undo", cwd=repo, state=state, syscall="fsync", hold_s=3, when="2",
                     quiet=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and undo.poll() is None and '"undo-intent"' not in "".join(
            p.read_text() for p in (state / "runs").glob("*.jsonl")):
        time.sleep(0.01)
    assert undo.poll() is None, "the undo was not held"
    os.killpg(undo.pid, signal.SIGKILL)
    undo.wait(timeout=30)
    assert (repo / ".gitignore").read_text() == edited  # killed before it changed anything

    again = tidy("undo", cwd=repo, state=state)  # recovers the killed undo, then undoes
    assert again.returncode == 0, again.stdout + again.stderr
    assert (repo / ".gitignore").read_text() == MINE + "secrets.env\n"


@pytest.mark.slow
def test_an_untrack_undo_killed_before_it_took_the_rule_out_can_be_run_again(
        tmp_path: Path) -> None:
    """Untrack's undo puts the index entries back, then takes tidy's rule out of
    .gitignore. Killed in between, recovery saw the entries back and journaled the undo as
    done: `tidy undo` had nothing left to do and the rule stayed. strace (this process
    only: git's own renames are not counted) holds the undo at its first rename, the
    .gitignore's, and it is killed there."""
    repo = make_repo(tmp_path / "repo")
    write(repo / ".gitignore", MINE)
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 400)
    commit(repo, ".gitignore", "pkg")
    backdate(repo)
    state = tmp_path / "st"
    done = tidy("fix", "--yes", "--unsafe-fixes", "--select", "TDY102", cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "/pkg/__pycache__/" in (repo / ".gitignore").read_text()
    undo = held_tidy("undo", cwd=repo, state=state, syscall="rename,renameat", hold_s=3,
                     quiet=True, follow_forks=False)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and undo.poll() is None and not any(
            n.startswith(".tidy-") for n in os.listdir(repo)):  # its temp .gitignore
        time.sleep(0.01)
    assert undo.poll() is None, "the undo was not held"
    os.killpg(undo.pid, signal.SIGKILL)
    undo.wait(timeout=30)
    assert "/pkg/__pycache__/" in (repo / ".gitignore").read_text()

    again = tidy("undo", cwd=repo, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (repo / ".gitignore").read_text() == MINE


def _gitignore_edit_undone(tmp_path: Path, tamper: object = None) -> tuple[os.stat_result,
                                                                           os.stat_result]:
    """The .gitignore's stat before a fix that adds rules to it, and after its undo; with
    `tamper`, the journal's recorded time is replaced by it first."""
    repo = _repo(tmp_path / "repo")
    ignore = repo / ".gitignore"
    os.utime(ignore, ns=(1_700_000_000_123_456_789, 1_700_000_000_123_456_789))
    os.chmod(ignore, 0o640)
    before = ignore.stat()
    state = tmp_path / "st"
    run = _fix(repo, state)
    assert ignore.read_text() != MINE
    if tamper is not None:
        journal = state / "runs" / f"{run}.jsonl"
        lines = [json.loads(line) for line in journal.read_text().splitlines()]
        for line in lines:
            if "before_mtime_ns" in line:
                line["before_mtime_ns"] = tamper
        journal.write_text("".join(json.dumps(line) + "\n" for line in lines))
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert ignore.read_text() == MINE
    return before, ignore.stat()


@pytest.mark.slow
def test_undo_puts_a_gitignore_back_with_its_time_and_mode(tmp_path: Path) -> None:
    """Found auditing real JS projects: after fix + undo every byte was back, but the
    .gitignore tidy had added rules to carried the undo's time."""
    before, after = _gitignore_edit_undone(tmp_path)
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_mode == before.st_mode


@pytest.mark.slow
@pytest.mark.parametrize("tamper", ["1700000000", "", -5, 2**70, True])
def test_a_journal_time_that_is_no_time_changes_nothing_else(tmp_path: Path,
                                                             tamper: object) -> None:
    """tidy's journal is untrusted input: a recorded time that is no int in range is ignored
    and the text still goes back."""
    before, after = _gitignore_edit_undone(tmp_path, tamper)
    assert after.st_mtime_ns != before.st_mtime_ns
