"""tidy's own state is input, not trusted (issue 14, point 7).

Symlinked state folders, journal lines edited to point outside, a malformed line, and dry
runs that must not write journals; all through the real CLI (in-process `tidy.cli.main`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, commit, git, hermetic_env, make_repo, write
from tests.fixes.helpers import snapshot
from tests.safety.helpers import config_repo, data_module_repo
from tests.safety.moves_helpers import node_project

Tidy = Callable[..., CliResult]
FIX = ("fix", "--yes", "-q", "--select", "TDY1")


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    return path


def project(tmp_path: Path, name: str = "proj", repo: bool = True) -> Path:
    return node_project(tmp_path, name, repo=repo)


def outside_tree(tmp_path: Path) -> tuple[Path, dict[bytes, tuple[object, ...]]]:
    outside = tmp_path / "outside"
    write(outside / "precious" / "data.txt", "outside the root\n")
    return outside, snapshot(outside)


def journal_file(state: Path, run_id: str) -> Path:
    return state / "runs" / f"{run_id}.jsonl"


def rewrite(path: Path, change: Callable[[dict[str, object]], None]) -> None:
    """Edit the journal's intent lines the way a person (or another program) could."""
    lines = []
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        if entry.get("op") == "intent":
            change(entry)
        lines.append(json.dumps(entry))
    path.write_text("\n".join(lines) + "\n")


def fix(tidy_main: Tidy, root: Path) -> tuple[int, str]:
    result = tidy_main(*FIX, "--format", "json", str(root), cwd=root)
    document = json.loads(result.out)
    return result.code, document["run"]


def test_a_symlinked_git_tidy_folder_is_refused(tmp_path: Path, state: Path,
                                                tidy_main: Tidy) -> None:
    root = project(tmp_path)
    outside, before = outside_tree(tmp_path)
    os.symlink(outside, root / ".git" / "tidy")
    result = tidy_main(*FIX, "--format", "json", str(root), cwd=root)
    assert result.code == 1
    (outcome,) = json.loads(result.out)["result"]["outcomes"]
    assert outcome["status"] == "skipped" and "symlink" in outcome["reason"]
    assert snapshot(outside) == before  # no trash made through the link
    assert (root / "web" / "node_modules" / "dep" / "index.js").exists()
    assert not (state / "trash").exists()  # nor elsewhere instead


@pytest.mark.parametrize("which", ["trash", "runs"])
def test_a_symlinked_state_folder_is_refused(tmp_path: Path, state: Path, tidy_main: Tidy,
                                             which: str) -> None:
    root = project(tmp_path, repo=False)  # not a repo: its trash is the state folder's
    outside, before = outside_tree(tmp_path)
    state.mkdir()
    os.symlink(outside, state / which)
    result = tidy_main(*FIX, str(root), cwd=root)
    assert result.code in (1, 2) and result.code != 3
    assert "symlink" in result.out + result.err
    assert snapshot(outside) == before
    assert (root / "web" / "node_modules" / "dep" / "index.js").exists()


def test_a_run_folder_replaced_by_a_symlink_is_never_purged_or_undone_through(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    root = project(tmp_path)
    code, run_id = fix(tidy_main, root)
    assert code == 0
    run_dir = root / ".git" / "tidy" / "trash" / run_id
    outside = tmp_path / "outside"
    write(outside / "000000" / "node_modules" / "precious.txt", "outside the root\n")
    before = snapshot(outside)
    os.rename(run_dir, tmp_path / "moved-away")
    os.symlink(outside, run_dir)
    undo = tidy_main("undo", run_id, cwd=root)
    assert undo.code == 1 and "symlink" in undo.out
    assert not (root / "web" / "node_modules").exists()  # nothing brought in from outside
    purge = tidy_main("trash", "purge", "--yes", cwd=root)
    assert purge.code == 1 and "symlink" in purge.out
    assert snapshot(outside) == before


def test_an_edited_trash_path_is_refused_by_purge(tmp_path: Path, state: Path,
                                                  tidy_main: Tidy) -> None:
    root = project(tmp_path)
    _code, run_id = fix(tidy_main, root)
    # a folder shaped like a trash slot, outside: the old check (names only) accepted it
    victim = tmp_path / "outside" / "trash" / run_id / "000000" / "node_modules"
    write(victim / "precious.txt", "outside the root\n")
    before = snapshot(tmp_path / "outside")
    rewrite(journal_file(state, run_id), lambda e: e.update(dst=str(victim)))
    purge = tidy_main("trash", "purge", "--yes", cwd=root)
    assert purge.code == 1
    refused = [line for line in purge.out.splitlines() if "journal entry refused" in line]
    assert len(refused) == 1 and str(victim) in refused[0]
    assert snapshot(tmp_path / "outside") == before


def test_an_edited_original_path_is_refused_by_undo(tmp_path: Path, state: Path,
                                                    tidy_main: Tidy) -> None:
    root = project(tmp_path)
    _code, run_id = fix(tidy_main, root)
    target = tmp_path / "outside" / "node_modules"  # where an edited line says it came from
    rewrite(journal_file(state, run_id), lambda e: e.update(path=str(target)))
    undo = tidy_main("undo", run_id, cwd=root)
    assert undo.code == 1 and "journal entry refused" in undo.out
    assert not target.exists() and not (tmp_path / "outside").exists()
    assert (root / ".git" / "tidy" / "trash" / run_id / "000000" / "node_modules").exists()


def test_an_edited_root_cannot_widen_what_undo_may_write(tmp_path: Path, state: Path,
                                                         tidy_main: Tidy) -> None:
    """Editing both the path and the intent's root is not enough: the root must be one the
    run was started on (its begin line), and the trash folder must belong to that root."""
    root = project(tmp_path)
    _code, run_id = fix(tidy_main, root)
    target = tmp_path / "outside" / "node_modules"
    write(tmp_path / "outside" / "precious.txt", "outside the root\n")

    def widen(entry: dict[str, object]) -> None:
        entry.update(path=str(target), scan_root=str(tmp_path / "outside"),
                     root=str(tmp_path / "outside"))

    rewrite(journal_file(state, run_id), widen)
    undo = tidy_main("undo", run_id, cwd=root)
    assert undo.code == 1 and "journal entry refused" in undo.out
    assert not target.exists()


def test_a_malformed_journal_is_set_aside_and_other_runs_keep_working(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    first = project(tmp_path, "first")
    second = project(tmp_path, "second")
    _, bad_run = fix(tidy_main, first)
    _, good_run = fix(tidy_main, second)
    path = journal_file(state, bad_run)
    path.write_text(path.read_text().replace('"seq":1,', '"seq":"abc",', 1))
    listing = tidy_main("trash", "list", cwd=tmp_path)
    assert listing.code == 0
    notices = [line for line in listing.err.splitlines() if bad_run in line]
    assert len(notices) == 1 and "damaged" in notices[0]
    assert not path.exists() and Path(str(path) + ".damaged").exists()
    assert good_run in listing.out and bad_run not in listing.out
    undo = tidy_main("undo", cwd=tmp_path)  # the newest sound run
    assert undo.code == 0
    assert (second / "web" / "node_modules" / "dep" / "index.js").exists()
    again = tidy_main("undo", bad_run, cwd=tmp_path)
    assert again.code == 2 and len(again.err.strip().splitlines()) == 1


def _killed_run(state: Path, root: Path) -> Path:
    """A journal as a run killed mid-move leaves it: an intent, no outcome, no end."""
    from tidy.fixes.journal import RunJournal

    journal = RunJournal.create("fix", (str(root),), argv=["tidy", "fix", "--yes"])
    journal.intent("trash", path=str(root / "web" / "node_modules"),
                   dst=str(state / "trash" / journal.run_id / "000000" / "node_modules"),
                   method="rename", scan_root=str(root), bytes=1, files=1, type="dir",
                   mode=0o755)
    journal.close()
    return Path(journal.path)


@pytest.mark.parametrize("command", [("fix", "--dry-run"), ("trash", "purge", "--dry-run")])
def test_a_dry_run_never_writes_a_journal(tmp_path: Path, state: Path, tidy_main: Tidy,
                                          command: tuple[str, ...]) -> None:
    root = project(tmp_path, repo=False)
    path = _killed_run(state, root)
    before = {p.name: p.read_bytes() for p in (state / "runs").iterdir()}
    result = tidy_main(*command, str(root) if command[0] == "fix" else "--yes", cwd=root)
    assert result.code == 0, result.err
    assert {p.name: p.read_bytes() for p in (state / "runs").iterdir()} == before
    assert path.exists()


# -- what else an intent names: the root and file an edit, untrack or extraction acts on ------
def _edit_run(tmp_path: Path, tidy_main: Tidy) -> tuple[Path, str]:
    repo = config_repo(tmp_path / "repo")
    result = tidy_main("fix", "--yes", "--format", "json", str(repo), cwd=repo)
    assert result.code == 0, result.out + result.err
    return repo, json.loads(result.out)["run"]


@pytest.mark.parametrize("how", ["root", "slash"])
def test_an_edited_config_edit_cannot_make_undo_write_outside(
        tmp_path: Path, state: Path, tidy_main: Tidy, how: str) -> None:
    """The edit appliers undo at the intent's root and rel. The path alone was checked: an
    intent whose path stayed inside the root but whose root (and rel) named another folder,
    or whose root was `/` (it "holds" every run root), had `tidy undo` write the journal's
    old text there, keeping the file it replaced beside it."""
    repo, run_id = _edit_run(tmp_path, tidy_main)
    victim = tmp_path / "outside" / "victim.txt"
    write(victim, "precious\n")

    def point_out(entry: dict[str, object]) -> None:
        if entry["action"] not in ("ignore", "editor-exclude"):
            return
        if how == "root":
            entry.update(root=str(victim.parent), rel=victim.name)
        else:
            entry.update(path=str(victim), root="/", rel=str(victim).lstrip("/"))
        entry.update(before="written by an edited journal\n")

    rewrite(journal_file(state, run_id), point_out)
    undo = tidy_main("undo", run_id, cwd=repo)
    assert undo.code == 1 and "journal entry refused" in undo.out, undo.out + undo.err
    assert victim.read_text() == "precious\n"
    assert os.listdir(victim.parent) == [victim.name]  # no conflict copy made beside it


def _committed_cache_repo(parent: Path, name: str) -> Path:
    repo = make_repo(parent / name)
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 400)
    commit(repo, "pkg")
    return repo


def test_an_edited_untrack_entry_reaches_no_other_repo_and_no_other_index_entry(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Untrack's undo runs `git update-index` in the intent's root with the index records it
    holds, and restores the `.gitignore` it names: each was taken as written."""
    repo = _committed_cache_repo(tmp_path, "repo")
    other = _committed_cache_repo(tmp_path, "other")
    write(other / ".gitignore", "other's rules\n")
    result = tidy_main("fix", "--yes", "--unsafe-fixes", "--select", "TDY102", "--format",
                       "json", str(repo), cwd=repo)
    assert result.code == 0, result.out + result.err
    run_id = json.loads(result.out)["run"]
    index_before = {r: git(r, "ls-files", "-s") for r in (repo, other)}
    planted = write(tmp_path / "planted.txt", "not what was committed\n")
    blob = git(repo, "hash-object", "-w", str(planted)).strip()

    rewrite(journal_file(state, run_id), lambda e: e.update(
        root=str(other), gitignore=str(other / ".gitignore"), gitignore_before="replaced\n"))
    undo = tidy_main("undo", run_id, cwd=repo)
    assert undo.code == 1 and "journal entry refused" in undo.out, undo.out + undo.err
    assert git(other, "ls-files", "-s") == index_before[other]
    assert (other / ".gitignore").read_text() == "other's rules\n"

    rewrite(journal_file(state, run_id), lambda e: e.update(
        root=str(repo), gitignore=str(repo / ".gitignore"), gitignore_before=None,
        index=[*e["index"], f"100644 {blob} 0\tpkg/m.py"]))  # type: ignore[misc]
    undo = tidy_main("undo", run_id, cwd=repo)
    assert undo.code == 1, undo.out + undo.err
    assert f"{blob}" not in git(repo, "ls-files", "-s", "pkg/m.py")
    assert git(repo, "ls-files", "-s", "pkg/m.py") in index_before[repo]


@pytest.mark.slow
def test_an_edited_extraction_backup_cannot_make_undo_write_elsewhere(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Extraction's undo wrote the backup's original to the module and build config its
    record names, from whatever backup folder the journal's `done` line named."""
    repo = data_module_repo(tmp_path / "svc")
    result = tidy_main("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                       "TDY301", "--format", "json", str(repo), cwd=repo)
    assert result.code == 0, result.out + result.err
    run_id = json.loads(result.out)["run"]
    victim = tmp_path / "outside" / "victim.py"
    write(victim, "precious = True\n")
    forged = tmp_path / "outside" / "backup"
    write(forged / "module.py.orig", "written by a forged backup\n")
    write(forged / "record.json", json.dumps({
        "module": str(victim), "data_file": str(victim.parent / "victim.json.gz"),
        "project_file": "", "module_sha256": "", "data_sha256": "", "complete": True}))
    path = journal_file(state, run_id)
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    for line in lines:
        if line.get("op") == "done":
            line["backup"] = str(forged)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    undo = tidy_main("undo", run_id, cwd=repo)
    assert undo.code == 1, undo.out + undo.err
    assert victim.read_text() == "precious = True\n"
    assert sorted(os.listdir(victim.parent)) == ["backup", "victim.py"]


# -- tidy's own logs: a FIFO or a link where the file should be --------------------------------
def _log_trap(state: Path, name: str, kind: str, outside: Path) -> None:
    state.mkdir(mode=0o700, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(state / name)
    else:
        os.symlink(outside, state / name)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "link"])
@pytest.mark.parametrize(("name", "command"), [
    ("log.jsonl", ("fix", "--yes", "-q", "--select", "TDY1")),
    ("watch.log", ("watch", "--once")),  # its pass is logged whatever it moves
])
def test_a_fifo_or_link_named_as_a_log_neither_hangs_nor_writes_elsewhere(
        tmp_path: Path, name: str, command: tuple[str, ...], kind: str) -> None:
    """The audit log (`tidy log`) and the watch log were opened with a plain O_CREAT|O_APPEND:
    a FIFO in their place hung the command for ever once its work was done (an open for
    writing waits for a reader), and a symlink had a line appended to whatever it named."""
    from tests.safety.helpers import tidy as run

    root = project(tmp_path)
    state = tmp_path / "st"
    outside = write(tmp_path / "outside.txt", "precious\n")
    _log_trap(state, name, kind, outside)
    done = run(*command, str(root), cwd=root, state=state, timeout=30)
    assert done.returncode == 0, done.stdout + done.stderr
    if command[0] == "fix":
        assert not (root / "web" / "node_modules").exists()  # the work itself was done
        assert "audit log was not written" in done.stderr
    assert outside.read_text() == "precious\n"
    assert os.path.islink(state / name) == (kind == "link")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "link"])
@pytest.mark.parametrize("name", ["watch-pass.lock", "watch-state.json"])
def test_watch_state_files_that_are_a_fifo_or_link_neither_hang_nor_write_elsewhere(
        tmp_path: Path, name: str, kind: str) -> None:
    """`tidy watch --once` (the nightly job) opened its pass lock for writing and read its
    state between passes with plain opens: a FIFO there hung it for ever; a link had it
    open (and create) the file the link named, or failed with an internal error. Now the
    lock must be a regular file (else one line naming it, exit 2) and a state file that is
    not one is started afresh."""
    from tests.safety.helpers import tidy as run

    root = project(tmp_path)
    state = tmp_path / "st"
    outside = tmp_path / "outside" / "named-by-the-link"
    _log_trap(state, name, kind, outside)
    done = run("watch", "--once", str(root), cwd=root, state=state, timeout=30)
    if name.endswith(".lock"):
        assert done.returncode == 2, done.stdout + done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and name in done.stderr
    else:
        assert done.returncode == 0, done.stdout + done.stderr
    assert not outside.exists() and not outside.parent.exists()


@pytest.mark.slow
def test_a_watch_lock_that_is_a_link_is_not_truncated_through(tmp_path: Path) -> None:
    """The running watcher truncated its lock file and wrote its pid there: through a link
    named `watch.lock`, the linked file lost its content."""
    root = project(tmp_path)
    state = tmp_path / "st"
    precious = write(tmp_path / "thesis.tex", "years of work\n")
    _log_trap(state, "watch.lock", "link", precious)
    watcher = subprocess.Popen([sys.executable, "-m", "tidy", "watch", str(root)], cwd=root,
                               env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and watcher.poll() is None and not any(
                '"event":"start"' in line for line in _lines(state / "watch.log")):
            time.sleep(0.05)
    finally:
        watcher.send_signal(signal.SIGINT)
        watcher.communicate(timeout=30)
    assert precious.read_text() == "years of work\n"


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except OSError:
        return []
