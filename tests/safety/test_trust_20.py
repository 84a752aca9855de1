"""Trust round 20: tidy's own journals as untrusted input again, a config file's folder
swapped between tidy's read and its write, and a trash that cannot hold what a copy keeps.

A journal's config-edit entry was checked to lie inside its run's root, and nothing more: an
entry edited (or a journal copied in from another machine or clone) to name `.git/config`,
a hook under `.git/hooks`, or any source file of the root had `tidy undo` write the
journal's "old text" there (on 2fc20d8), keeping the file it replaced beside it: a
`core.fsmonitor` line in .git/config runs a command at the next `git status`. Now an
entry naming anything inside a `.git` folder is refused for every kind of action, and an
edit's undo writes only a file name tidy edits.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, hermetic_env, make_repo, write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import config_repo, held_tidy
from tests.safety.mounts import tmpfs
from tests.safety.moves_helpers import node_project
from tests.safety.test_state_untrusted import journal_file, rewrite
from tidy.core.safe_files import UnsafeFile
from tidy.fixes.edit_restore import keep_beside

Tidy = Callable[..., CliResult]
FORGED = "[core]\n\tfsmonitor = touch /tmp/owned\n"


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    return path


def _edit_run(tmp_path: Path, tidy_main: Tidy) -> tuple[Path, str]:
    repo = config_repo(tmp_path / "repo")
    result = tidy_main("fix", "--yes", "--format", "json", str(repo), cwd=repo)
    assert result.code == 0, result.out + result.err
    return repo, json.loads(result.out)["run"]


# ------------------------------------------------- a journal naming a place inside .git
def _git_files(repo: Path) -> dict[bytes, tuple[object, ...]]:
    """The repository's git folder, less tidy's own trash there (undo empties it)."""
    return {k: v for k, v in snapshot(repo / ".git").items() if not k.startswith(b"tidy")}


PLACES = {"git config": ".git/config", "a source file": "backend/mod0.py"}


@pytest.mark.parametrize("place", list(PLACES))
def test_an_edit_entry_naming_git_or_a_source_file_is_refused_by_undo(
        tmp_path: Path, state: Path, tidy_main: Tidy, place: str) -> None:
    """Fails on 2fc20d8: undo wrote the journal's text into .git/config (the hook, the
    source file), the file it replaced kept beside it."""
    repo, run_id = _edit_run(tmp_path, tidy_main)
    rel = PLACES[place]
    (repo / rel).parent.mkdir(parents=True, exist_ok=True)
    git_before = _git_files(repo)
    source_before = (repo / "backend" / "mod0.py").read_bytes()

    def point_in(entry: dict[str, object]) -> None:
        if entry["action"] in ("ignore", "editor-exclude"):
            entry.update(path=str(repo / rel), rel=rel, root=str(repo), before=FORGED)

    rewrite(journal_file(state, run_id), point_in)
    undo = tidy_main("undo", run_id, cwd=repo)

    assert undo.code == 1 and "journal entry refused" in undo.out + undo.err, undo.out
    assert _git_files(repo) == git_before
    assert (repo / "backend" / "mod0.py").read_bytes() == source_before
    assert not list(repo.rglob("*.tidy-undo-conflict*"))
    assert len(undo.out.strip().splitlines()[-1]) < 400  # said, in a line


def test_a_trash_entry_naming_a_place_in_git_is_refused_by_undo(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """The trash's own checks (locate.spot_of) kept an entry inside its root and its trash;
    inside the root's .git was inside the root (fails on 2fc20d8: undo moved the item into
    .git)."""
    root = node_project(tmp_path, repo=True)
    done = tidy_main("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(root),
                     cwd=root)
    assert done.code == 0, done.out + done.err
    run_id = json.loads(done.out)["run"]
    target = root / ".git" / "node_modules"
    rewrite(journal_file(state, run_id), lambda e: e.update(path=str(target)))
    undo = tidy_main("undo", run_id, cwd=root)

    assert undo.code == 1 and "journal entry refused" in undo.out, undo.out + undo.err
    assert not target.exists()
    assert list((root / ".git" / "tidy" / "trash" / run_id).glob("*/node_modules"))


# ------------------------------- a config file's folder swapped between the read and the write
def _nested_repo(ws: Path) -> Path:
    """ws, a repository holding another (ws/sub, tests.safety.helpers.config_repo) whose
    config files `tidy fix` of ws edits, their group root ws/sub."""
    make_repo(ws)
    return config_repo(ws / "sub")


def _held_until_intent(ws: Path, state: Path, select: str, rel: str
                       ) -> subprocess.Popen[bytes]:
    """`tidy fix --select SELECT` of ws, held at each fsync, returned once its journal holds
    the intent for `rel`: tidy has read the file and not yet written it."""
    fix = held_tidy("fix", "--yes", "--select", select, "--format", "json", ".", cwd=ws,
                    state=state, syscall="fsync", hold_s=0.4, when="1+")
    deadline = time.monotonic() + 120
    while not any(f'"rel":"{rel}"' in p.read_text() for p in (state / "runs").glob("*.jsonl")
                  ) if (state / "runs").is_dir() else True:
        assert fix.poll() is None and time.monotonic() < deadline, "never saw the intent"
        time.sleep(0.001)
    return fix


@pytest.mark.parametrize(("select", "rel"), [
    ("TDY501", ".gitignore"), ("TDY502", ".cursorindexingignore"),
    ("TDY502", "pyproject.toml")])
def test_a_nested_repos_folder_swapped_for_a_link_after_the_read_is_not_written_through(
        tmp_path: Path, select: str, rel: str) -> None:
    """ws/sub swapped for a link to an outside folder after tidy read sub/REL, before it
    wrote it (fails on 2fc20d8: REL, or the next file, written in the outside folder, exit
    0: the group root was opened as if the user had named it, following the link)."""
    ws = tmp_path / "ws"
    sub = _nested_repo(ws)
    outside = tmp_path / "outside"
    write(outside / "pyproject.toml", '[project]\nname = "outside"\n')
    before = snapshot(outside)
    state = tmp_path / "st"
    fix = _held_until_intent(ws, state, select, rel)
    os.rename(sub, ws / "sub-moved")
    os.symlink(outside, sub)
    out, err = fix.communicate(timeout=120)
    said = (out + err).decode()

    assert snapshot(outside) == before, said
    assert fix.returncode == 1 and "symlink" in said, said


def _temp_in(folder: Path) -> bool:
    try:
        return any(n.startswith(".tidy-") and n.endswith(".tmp") for n in os.listdir(folder))
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("pyproject", [False, True])
def test_init_whose_folder_is_swapped_for_a_link_midway_writes_nothing_outside(
        tmp_path: Path, pyproject: bool) -> None:
    """`tidy init --write project`, held at its link of .pre-commit-config.yaml, its folder
    then swapped for a link to another folder: its .tidy.toml (or pyproject.toml's tables)
    went to the name again, through the link (fails on 2fc20d8: .tidy.toml made outside, or
    the outside pyproject.toml appended to)."""
    project = tmp_path / "project"
    project.mkdir()
    outside = tmp_path / "outside"
    theirs = '[project]\nname = "theirs"\n'
    write(outside / ("pyproject.toml" if pyproject else "keep.txt"), theirs)
    if pyproject:
        write(project / "pyproject.toml", '[project]\nname = "demo"\n')
    before = snapshot(outside)
    init = held_tidy("init", "--write", "project", cwd=tmp_path, state=tmp_path / "st",
                     syscall="linkat", hold_s=1.0, when="1+")
    deadline = time.monotonic() + 60
    while not _temp_in(project):
        assert init.poll() is None and time.monotonic() < deadline, init.communicate()
        time.sleep(0.001)
    time.sleep(0.3)
    os.rename(project, tmp_path / "moved")
    os.symlink(outside, project)
    out, err = init.communicate(timeout=120)

    said = (out + err).decode()
    assert snapshot(outside) == before, said
    assert init.returncode == 1 and "kept" in said and "symlink" in said, said
    assert (tmp_path / "moved" / ".pre-commit-config.yaml").exists()  # the folder held


# ------------------------------------- a trash that cannot hold what the copy must keep
def _item_outcome(out: str) -> dict[str, object]:
    (outcome,) = json.loads(out)["result"]["outcomes"]
    return outcome  # type: ignore[no-any-return]


def _copy_refused(root: Path, state: Path, *, strace: list[str] | None = None
                  ) -> tuple[int, dict[str, object], str]:
    """`tidy fix --select TDY1` of `root` (JSON): its exit code, its one outcome, all said."""
    argv = [*(strace or []), sys.executable, "-m", "tidy", "fix", "--yes", "--select", "TDY1",
            "--format", "json", str(root)]
    done = subprocess.run(argv, cwd=root, env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300, check=False)
    return done.returncode, _item_outcome(done.stdout), done.stdout + done.stderr


@pytest.mark.parametrize("size", [100, 60_000])
def test_a_trash_with_no_room_for_an_items_attribute_keeps_the_original(
        tmp_path: Path, no_trash_of_its_own: Path, size: int) -> None:
    """The state folder on a tmpfs of 40 inodes, whose room for extended attributes (what
    tmpfs counts against its inodes) cannot hold a 60 kB `user.*` attribute of the item's
    file: the copy is refused, the original stays whole with its attribute, said (held on
    2fc20d8). A 100-byte one fits: the item is moved (the trash itself has room)."""
    root = no_trash_of_its_own
    index = root / "web" / "node_modules" / "dep" / "index.js"
    os.setxattr(index, "user.big", b"x" * size)
    before = snapshot(root / "web")
    (tmp_path / "st").mkdir()
    with tmpfs(tmp_path / "st", "size=8m,nr_inodes=40") as state:
        code, outcome, said = _copy_refused(root, state)
        left = [p for p in state.rglob("*") if "node_modules" in str(p)]
        if size == 100:
            assert code == 0 and outcome["status"] == "done", said
            copied = [p for p in left if p.name == "index.js"]
            assert [os.getxattr(p, "user.big") for p in copied] == [b"x" * size], said
            return

    assert code == 1 and outcome["status"] != "done", said
    assert "No space left" in str(outcome["reason"]), said
    assert snapshot(root / "web") == before
    assert os.getxattr(index, "user.big") == b"x" * 60_000
    assert not left, left  # no half copy left in the trash


def test_a_trash_that_refuses_link_keeps_an_item_with_two_names_of_one_file(
        tmp_path: Path, no_trash_of_its_own: Path) -> None:
    """Every link(2) after tidy's journal's own fails with EPERM (strace: as on a FAT or
    some FUSE trash): the copy of an item holding two names of one file cannot make them
    one file again; it is refused, the original kept, said (held on 2fc20d8)."""
    root = no_trash_of_its_own
    index = root / "web" / "node_modules" / "dep" / "index.js"
    os.link(index, index.with_name("alias.js"))
    backdate(root / "web")  # the root is immutable: its own times stay
    before = snapshot(root / "web")
    refuse = [str(shutil.which("strace") or "strace"), "-f", "-qq", "-o", os.devnull,
              "-e", "trace=linkat", "-e", "inject=linkat:error=EPERM:when=2+"]
    code, outcome, said = _copy_refused(root, tmp_path / "st", strace=refuse)

    assert code == 1 and outcome["status"] != "done", said
    assert "hard links" in str(outcome["reason"]), said
    assert snapshot(root / "web") == before
    assert os.path.samefile(index, index.with_name("alias.js"))
    assert not [p for p in (tmp_path / "st").rglob("*") if "node_modules" in str(p)]


# ------------------------------------------ a journal set aside: undo does not say "all is well"
def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _another_users(path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root, to give the journal to another user")
    os.chown(path, 65534, 65534)


def _cut_mid_line(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:data.index(b'"op":"begin"') + 20])


@pytest.mark.parametrize("spoil", [_fifo, _another_users, _cut_mid_line])
def test_undo_whose_only_journal_is_set_aside_exits_non_zero_in_one_line(
        tmp_path: Path, state: Path, tidy_main: Tidy, spoil: Callable[[Path], None]) -> None:
    """The run's journal a FIFO, another user's, or cut inside its first line: it is set
    aside, nothing acted on, and undo said "nothing to undo" with exit 0 (fails on 2fc20d8)
    as if there never had been a run; now exit 1, the journal's line said first."""
    root = node_project(tmp_path, repo=True)
    done = tidy_main("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(root),
                     cwd=root)
    run_id = json.loads(done.out)["run"]
    spoil(journal_file(state, run_id))
    undo = tidy_main("undo", cwd=root)

    assert undo.code == 1, undo.out + undo.err
    damaged = [line for line in undo.err.splitlines() if "journal is damaged" in line]
    assert len(damaged) == 1 and run_id in damaged[0], undo.err
    assert not (root / "web" / "node_modules").exists()  # nothing put back from it
    assert list((root / ".git" / "tidy" / "trash" / run_id).glob("*/node_modules"))


def test_undos_conflict_copy_is_never_written_through_a_linked_root(tmp_path: Path) -> None:
    """keep_beside (undo keeps a changed file beside the one it puts back) in a root that is
    now a link to an outside folder: undo's read of the file refuses such a root, the copy
    was written through it (fails on 2fc20d8: the copy made in the outside folder), for the
    instant between that read and the copy."""
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "sub"
    os.symlink(outside, root)
    with pytest.raises(UnsafeFile, match="symlink"):
        keep_beside(str(root), "pyproject.toml", "the user's text\n")
    assert os.listdir(outside) == []
