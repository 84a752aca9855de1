"""Trust round 21: an item in tidy's trash that no whole journal line names, two tidies at
once on one root, and the kept untracked listing as an attacker's input.

A journal cut inside a later intent line (its item already moved) read as a run killed before
that move: undo put back the items of the whole lines and said nothing of the other, `tidy
trash list` showed nothing of it, and purge deleted it with the slot it shared with a named
file (on a71221d). Now every command that looks at the trash names such an item, with where it
is; none moves or deletes it, since only the torn line could say where it came from.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, commit, make_repo, write
from tests.fixes.helpers import backdate

Tidy = Callable[..., CliResult]


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return path


# ------------------------------------------------- a journal cut inside a later intent line
def _journal(state: Path) -> Path:
    (journal,) = (state / "runs").glob("*.jsonl")
    return journal


def _cut_inside_intent(journal: Path, ending: str, fraction: float) -> None:
    """Keep the journal's lines up to the trash intent whose path ends with `ending`, and
    `fraction` of that line: what a crash that kept the move but not the line leaves."""
    lines = journal.read_bytes().split(b"\n")
    at = next(i for i, line in enumerate(lines) if b'"op":"intent"' in line
              and json.loads(line)["path"].endswith(ending))
    torn = lines[at][: max(1, int(len(lines[at]) * fraction))]
    journal.write_bytes(b"\n".join(lines[:at]) + b"\n" + torn)


def _two_node_modules(root: Path) -> Path:
    make_repo(root)
    for name in ("a", "b"):
        write(root / name / "package.json", "{}\n")
        write(root / name / "node_modules" / "dep" / "i.js", f"// {name}\n")
    commit(root, "a/package.json", "b/package.json")
    backdate(root)
    return root


def _fixed(tidy_main: Tidy, root: Path, *select: str) -> str:
    result = tidy_main("fix", "--yes", "--format", "json", *select, str(root), cwd=root)
    assert result.code == 0, result.out + result.err
    run_id: str = json.loads(result.out)["run"]
    return run_id


def _in_trash(root: Path, run_id: str, name: str) -> list[Path]:
    return sorted((root / ".git" / "tidy" / "trash" / run_id).glob(f"*/{name}"))


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.97])
def test_an_item_under_a_torn_intent_line_is_named_by_list_and_undo(
        tmp_path: Path, state: Path, tidy_main: Tidy, fraction: float) -> None:
    """Fails on a71221d: `trash list` showed nothing of b's node_modules, undo put a's back
    and exited 0 saying nothing of b's."""
    root = _two_node_modules(tmp_path / "repo")
    run_id = _fixed(tidy_main, root, "--select", "TDY1")
    _cut_inside_intent(_journal(state), "b/node_modules", fraction)
    (stray,) = _in_trash(root, run_id, "node_modules")[1:]

    listed = tidy_main("trash", "list", "--format", "json", cwd=root)
    assert {"run": run_id, "path": str(stray)} in listed.json()["left"], listed.out
    assert str(stray) in listed.err and "interrupted run" in listed.err

    undo = tidy_main("undo", cwd=root)
    assert undo.code == 1, undo.out + undo.err
    assert (root / "a" / "node_modules" / "dep" / "i.js").read_text() == "// a\n"
    assert str(stray) in undo.err and "neither puts it back nor deletes it" in undo.err
    # never moved because of the torn line: the item is whole where it was
    assert not (root / "b" / "node_modules").exists()
    assert (stray / "dep" / "i.js").read_text() == "// b\n"

    again = tidy_main("undo", cwd=root)
    assert again.code == 1 and str(stray) in again.err and "nothing to undo" in again.err
    text = tidy_main("trash", "list", cwd=root)
    assert "the trash is empty" not in text.out and "1 item left by" in text.out, text.out


def test_an_undo_of_only_a_torn_intent_says_where_the_item_is(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Fails on a71221d: "nothing to undo", exit 0, the item unnamed in the trash."""
    root = _two_node_modules(tmp_path / "repo")
    run_id = _fixed(tidy_main, root, "--select", "TDY1")
    _cut_inside_intent(_journal(state), "a/node_modules", 0.5)
    items = _in_trash(root, run_id, "node_modules")

    undo = tidy_main("undo", cwd=root)
    assert undo.code == 1, undo.out + undo.err
    assert "nothing to undo" in undo.err and all(str(p) in undo.err for p in items), undo.err
    assert len(_in_trash(root, run_id, "node_modules")) == 2
    assert not (root / "a" / "node_modules").exists()


def _two_files_in_one_slot(root: Path) -> Path:
    """a/.DS_Store and b/Thumbs.db: files of different names, which share one slot."""
    make_repo(root)
    write(root / "a" / ".DS_Store", "finder\n")
    write(root / "b" / "Thumbs.db", "explorer\n")
    write(root / "b" / "keep.txt", "kept\n")
    commit(root, "b/keep.txt")
    backdate(root)
    return root


def test_a_purge_keeps_an_unnamed_item_sharing_a_slot_with_a_named_one(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Fails on a71221d: the purge deleted the slot, Thumbs.db (never listed) with it."""
    root = _two_files_in_one_slot(tmp_path / "repo")
    run_id = _fixed(tidy_main, root, "--select", "TDY104")
    (thumbs,) = _in_trash(root, run_id, "Thumbs.db")
    assert _in_trash(root, run_id, ".DS_Store")[0].parent == thumbs.parent  # one slot
    _cut_inside_intent(_journal(state), "b/Thumbs.db", 0.5)

    purge = tidy_main("trash", "purge", "--yes", cwd=root)
    assert thumbs.exists(), "the purge deleted an item no whole journal line names"
    assert thumbs.read_text() == "explorer\n"
    assert purge.code == 1, purge.out + purge.err
    assert str(thumbs) in purge.err and "interrupted run" in purge.err
    assert not _in_trash(root, run_id, ".DS_Store")  # the named item went
    assert str(thumbs) in tidy_main("trash", "list", cwd=root).err


def test_a_finished_runs_trash_names_nothing_extra(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Control: a run that ended is never listed for strays (held on a71221d too)."""
    root = _two_node_modules(tmp_path / "repo")
    _fixed(tidy_main, root, "--select", "TDY1")
    listed = tidy_main("trash", "list", "--format", "json", cwd=root)
    assert listed.json().get("left", []) == [] and "interrupted run" not in listed.err
