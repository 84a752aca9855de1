"""A `.tidy-trash/` folder always holds its `.gitignore` (and CACHEDIR.TAG) while it holds a
run: git, editors and backup tools never see tidy's trash.

Before: purge (and undo) remove a `.tidy-trash` that holds no run any more by unlinking its
markers, then the folder. A `tidy fix` that had opened the folder (and found it marked)
before the markers went, and made its run folder in it before the rmdir, had the rmdir
fail (not empty) and kept its trash there with no `.gitignore`: `git status` of a folder
that later becomes a repo lists the user's trashed node_modules, editors index it. Now the
purge writes the markers back when the folder turned out not to be empty, and a fix writes
them once its run folder is made.

Real processes on a real tmpfs (no git dir, the state folder elsewhere: the trash is
`.tidy-trash` in the project); strace holds the fix at the mkdir of its run folder and the
purge at the rmdir of `.tidy-trash`, so the two meet in that order on every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy
from tests.safety.moves_helpers import node_project


def _held(args: list[str], cwd: Path, state: Path, syscall: str, when: int,
          hold_s: float, path: str | None = None) -> subprocess.Popen[str]:
    """tidy under strace, its `when`-th `syscall` held `hold_s` first (counted per process;
    `path` replaces PATH: without an `rm` there purge deletes in process, and counts)."""
    return held_tidy(*args, cwd=cwd, state=state, syscall=syscall, hold_s=hold_s,
                     when=str(when), text=True, env=None if path is None else {"PATH": path})


def _trashed_once(root: Path, state: Path) -> Path:
    """A first fix (its run in root/.tidy-trash), and the node_modules rebuilt since."""
    first = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=root, state=state)
    assert first.returncode == 0, first.stdout + first.stderr
    trash = root / ".tidy-trash"
    assert (trash / ".gitignore").is_file()
    write(root / "web" / "node_modules" / "dep" / "index.js", "module.exports = 2\n")
    backdate(root / "web")
    return trash


def _held_fix_at_its_run_folder(root: Path, state: Path, hold_s: float
                                ) -> subprocess.Popen[str]:
    """The second fix, opened .tidy-trash (found marked), held at the mkdir of its run."""
    fix = _held(["fix", "--yes", "-q", "--select", "TDY1", str(root)], root, state,
                "mkdirat", 1, hold_s)
    deadline = time.monotonic() + 30
    while len(list((state / "runs").glob("*.jsonl"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)
    return fix


@pytest.mark.slow
def test_a_trash_kept_by_a_fix_that_met_a_purge_keeps_its_gitignore(
        other_fs: Path, tmp_path: Path) -> None:
    root = node_project(other_fs, repo=False)
    state = tmp_path / "st"
    trash = _trashed_once(root, state)
    # The fix finds .tidy-trash marked, then waits at the mkdir of its run folder ...
    fix = _held_fix_at_its_run_folder(root, state, 4.0)
    # ... while the purge of the first run unlinks the markers and waits at the rmdir.
    # Without rm on PATH its unlinkats are: index.js, dep, node_modules, the slot, the run,
    # CACHEDIR.TAG, .gitignore, and the 8th, .tidy-trash itself.
    no_rm = tmp_path / "no-rm"
    no_rm.mkdir()
    purge = _held(["trash", "purge", "--yes"], root, state, "unlinkat", 8, 5.0, str(no_rm))
    fix_out, fix_err = fix.communicate(timeout=60)
    purge_out, purge_err = purge.communicate(timeout=60)
    assert fix.returncode == 0, fix_out + fix_err
    assert purge.returncode == 0, purge_out + purge_err

    runs = [p.name for p in trash.iterdir() if not p.name.startswith((".", "CACHEDIR"))]
    assert len(runs) == 1, sorted(os.listdir(trash))  # the second fix's run is in it
    assert (trash / ".gitignore").read_text().splitlines()[-1] == "*", sorted(
        os.listdir(trash))
    assert (trash / "CACHEDIR.TAG").is_file()
    assert not (root / "web" / "node_modules").exists()


@pytest.mark.slow
def test_a_fix_whose_trash_folder_a_purge_removed_makes_it_again(
        other_fs: Path, tmp_path: Path) -> None:
    """The other order: the purge removes the (empty) .tidy-trash while the fix holds it
    open, before its run folder is made there. Before, the mkdir failed and the fix fell
    back to copying the folder into the state folder's trash, on another filesystem (a
    node_modules of 100k files copied and compared instead of one rename); now the fix
    opens .tidy-trash again, made and marked anew, and moves by rename."""
    root = node_project(other_fs, repo=False)
    state = tmp_path / "st"
    trash = _trashed_once(root, state)
    fix = _held_fix_at_its_run_folder(root, state, 3.0)
    purge = tidy("trash", "purge", "--yes", cwd=root, state=state)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert fix.poll() is None and not trash.exists(), "the purge did not run in the hold"
    out, err = fix.communicate(timeout=60)
    assert fix.returncode == 0, out + err

    (run,) = [p for p in trash.iterdir() if not p.name.startswith((".", "CACHEDIR"))]
    assert (run / "000000" / "node_modules" / "dep" / "index.js").read_text() == (
        "module.exports = 2\n")
    assert (trash / ".gitignore").is_file() and (trash / "CACHEDIR.TAG").is_file()
    assert not (state / "trash").exists() or not any((state / "trash").iterdir())


@pytest.mark.slow
def test_a_fix_killed_while_writing_the_gitignore_never_leaves_it_empty(
        other_fs: Path, tmp_path: Path) -> None:
    """The markers were created (O_EXCL) under their own names, then written: a fix killed
    in between left an empty .gitignore (it ignores nothing), and every later fix found the
    name taken and kept it so. Now each is written under a temp name and linked in whole.
    strace kills the fix at any write to the path .tidy-trash/.gitignore."""
    root = node_project(other_fs, repo=False)
    state = tmp_path / "st"
    gitignore = root / ".tidy-trash" / ".gitignore"
    subprocess.run(
        [str(shutil.which("strace")), "-f", "-qq", "-o", os.devnull, "-P", str(gitignore),
         "-e", "trace=write", "-e", "inject=write:signal=KILL",
         sys.executable, "-m", "tidy", "fix", "--yes", "-q", "--select", "TDY1", str(root)],
        cwd=root, env=hermetic_env({"TIDY_STATE_DIR": str(state)}), stdin=subprocess.DEVNULL,
        capture_output=True, timeout=60, check=False)
    again = tidy("fix", "--yes", "-q", "--select", "TDY1", str(root), cwd=root, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert gitignore.read_text().splitlines()[-1] == "*"
