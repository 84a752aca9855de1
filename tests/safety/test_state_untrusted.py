"""tidy's own state is input, not trusted (issue 14, point 7).

Symlinked state folders, journal lines edited to point outside, a malformed line, and dry
runs that must not write journals; all through the real CLI (in-process `tidy.cli.main`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, write
from tests.fixes.helpers import snapshot
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
