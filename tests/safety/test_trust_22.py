"""Trust round 22: git folders under other names as a tampered journal's target, several
folders named at once, and the exact root of config reads and writes.

Round 20 refused a journal entry naming a place inside a folder called `.git`. A git folder
need not be called so: `git init --separate-git-dir=ROOT/gitdata`, a repository's folder
elsewhere in the root, `core.hooksPath` naming a folder of the tree. On 30a217b a journal
edited to name a place there had `tidy undo` move the trashed item into it. Now a place is
refused by what its folders are (tidy.fixes.git_places): a folder git would take as its
directory (HEAD, objects and refs, or commondir), or one git names for the repository
(`git rev-parse --git-dir --git-common-dir`, core.hooksPath).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, commit, git, hermetic_env, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy, wait_for_intents
from tests.safety.test_state_untrusted import journal_file, rewrite

Tidy = Callable[..., CliResult]


@pytest.fixture(name="state")
def _state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The state folder (and HOME) of the tidies this process runs."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


# ------------------------------------------------- a git folder under another name
def _separate_git_dir(root: Path) -> Path:
    """root, whose git folder is root/gitdata (`git init --separate-git-dir`)."""
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", "--separate-git-dir",
                    str(root / "gitdata"), str(root)], check=True, capture_output=True)
    return root / "gitdata"


def _hooks_path(root: Path) -> Path:
    """root, a plain repository whose core.hooksPath is root/githooks (tracked, as teams
    share their hooks)."""
    make_repo(root)
    write(root / "githooks" / "README", "the team's hooks\n")
    git(root, "config", "core.hooksPath", "githooks")
    return root / "githooks"


def _foreign_git_dir(root: Path) -> Path:
    """root, a plain repository holding root/store/gd: the git folder of a repository
    outside the root (git's answer for root does not name it)."""
    make_repo(root)
    other = root.parent / "elsewhere"
    other.mkdir()
    (root / "store").mkdir()
    subprocess.run(["git", "init", "-q", "--separate-git-dir", str(root / "store" / "gd"),
                    str(other)], check=True, capture_output=True)
    return root / "store" / "gd"


def _fixed(root: Path, tidy_main: Tidy) -> str:
    """The run id of `tidy fix` of the repository `root` given a web project whose
    node_modules it moves."""
    write(root / "web" / "package.json", "{}\n")
    write(root / "web" / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
    commit(root, "web/package.json")
    backdate(root)
    done = tidy_main("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(root),
                     cwd=root)
    assert done.code == 0, done.out + done.err
    return str(json.loads(done.out)["run"])


GIT_FOLDERS = {"separate git dir": _separate_git_dir, "core.hooksPath": _hooks_path,
               "another repo's git dir": _foreign_git_dir}


@pytest.mark.parametrize("make", GIT_FOLDERS.values(), ids=GIT_FOLDERS.keys())
def test_a_trash_entry_naming_a_git_folder_of_another_name_is_refused_by_undo(
        tmp_path: Path, state: Path, tidy_main: Tidy,
        make: Callable[[Path], Path]) -> None:
    """A trash entry's `path` edited to put the item in a git folder not called `.git`
    (fails on 30a217b: undo moved node_modules into it, exit 0)."""
    root = tmp_path / "proj"
    folder = make(root)
    run_id = _fixed(root, tidy_main)
    assert not (root / "web" / "node_modules").exists()
    target = folder / "node_modules"
    rewrite(journal_file(state, run_id), lambda e: e.update(path=str(target)))
    undo = tidy_main("undo", run_id, cwd=root)

    assert undo.code == 1 and "journal entry refused" in undo.out, undo.out + undo.err
    assert "git's folder" in undo.out
    assert not target.exists()
    assert list(root.glob(f"*/tidy/trash/{run_id}/*/node_modules"))  # still in the trash


def test_an_untouched_journal_of_a_separate_git_dir_repo_still_undoes(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Control: the same repository, its journal as tidy wrote it: everything goes back."""
    root = tmp_path / "proj"
    _separate_git_dir(root)
    undo = tidy_main("undo", _fixed(root, tidy_main), cwd=root)
    assert undo.code == 0, undo.out + undo.err
    assert (root / "web" / "node_modules" / "dep" / "index.js").read_text() == (
        "module.exports = 1\n")


# ------------------------------------------------- several folders named at once
def _three_folders(tmp_path: Path) -> tuple[Path, Path]:
    """tmp_path/repo with a, b and c, each a web project with a node_modules, and an
    outside project tmp_path/out with one; everything backdated. (repo, out)"""
    repo = make_repo(tmp_path / "repo")
    for name in ("a", "b", "c"):
        write(repo / name / "package.json", "{}\n")
        write(repo / name / "node_modules" / "dep" / "index.js", f"{name}\n")
        commit(repo, f"{name}/package.json")
    out = tmp_path / "out"
    write(out / "package.json", "{}\n")
    write(out / "node_modules" / "dep" / "index.js", "outside\n")
    backdate(tmp_path)
    return repo, out


def test_a_named_folder_swapped_for_a_link_after_the_plan_moves_nothing_outside(
        tmp_path: Path) -> None:
    """`tidy fix a b` held at its first rename (both intents durable), then repo/b renamed
    and replaced by a link to an outside project: the outside node_modules stays, c's
    (never named) stays, and what moved undoes (held on 30a217b: the moves recheck each
    item's folders by descriptor)."""
    repo, out = _three_folders(tmp_path)
    state = tmp_path / "state"
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", "a", "b",
                    cwd=repo, state=state, syscall="renameat2", hold_s=2.5, text=True)
    wait_for_intents(state, 2)
    (repo / "b").rename(repo / "b.real")
    (repo / "b").symlink_to(out)
    fix.communicate(timeout=120)

    assert (out / "node_modules" / "dep" / "index.js").read_text() == "outside\n"
    assert (repo / "c" / "node_modules" / "dep" / "index.js").read_text() == "c\n"
    assert (repo / "b.real" / "node_modules" / "dep" / "index.js").read_text() == "b\n"
    (repo / "b").unlink()
    (repo / "b.real").rename(repo / "b")
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    for name in ("a", "b"):
        assert (repo / name / "node_modules" / "dep" / "index.js").read_text() == f"{name}\n"


@pytest.mark.parametrize("names", [("a", "./a/", "a/../a"), ("la", "a"), ("a", "lb"),
                                   ("a", "../out")], ids=["one folder, three spellings",
                                                          "a link to a named folder",
                                                          "a link to another folder",
                                                          "a folder outside the repo"])
def test_folders_named_at_once_move_only_what_they_hold(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    """`tidy fix` of several folders (spelled twice, by a link in the repo, one outside the
    repo): each item once, from a folder named or led to by a named link, never c's (held
    on 30a217b)."""
    repo, out = _three_folders(tmp_path)
    (repo / "la").symlink_to("a")
    (repo / "lb").symlink_to("b")
    state = tmp_path / "state"
    done = tidy("fix", "--yes", "-q", "--select", "TDY1", *names, cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    named = {"a"} | {"b" for n in names if n == "lb"}
    for name in ("a", "b", "c"):
        assert (repo / name / "node_modules").exists() == (name not in named), name
    assert (out / "node_modules").exists() == ("../out" not in names)
    # A run with a root outside the repo is not "the newest run in this repo" (undo names
    # it and its id instead, fixes/apply.in_scope): it is undone by --last-anywhere.
    undo = tidy("undo", "--last-anywhere", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert all((repo / n / "node_modules" / "dep" / "index.js").read_text() == f"{n}\n"
               for n in ("a", "b", "c"))


# ------------------------------------------------- exact_root with no /proc, and odd names
_KEEP_BESIDE = """
import json, os, sys
from tidy.core.safe_files import UnsafeFile
from tidy.fixes.edit_restore import keep_beside
said = {}
for root in sys.argv[1:]:
    try:
        keep_beside(root, "pyproject.toml", "the user's text\\n")
        said[root] = "written"
    except UnsafeFile as error:
        said[root] = "refused: " + str(error)
print(json.dumps(said))
"""


def _no_proc() -> list[str]:
    """The command prefix that runs a program in a mount namespace of its own whose /proc
    is an empty tmpfs (as in a container or chroot with no /proc); skip where none can be
    made."""
    prefix = ["unshare", "-m", "sh", "-c", 'mount -t tmpfs none /proc && exec "$@"', "sh"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"no mount namespace here: {probe.stderr.decode(errors='replace')}")
    return prefix


def _roots(tmp_path: Path, name: str) -> tuple[Path, dict[str, bool]]:
    """Roots named with `name` in them: {root: whether it is reached with no link}, and the
    outside folder the linked ones lead to."""
    outside = tmp_path / "outside"
    outside.mkdir()
    real = tmp_path / f"real{name}"
    real.mkdir()
    linked = tmp_path / f"link{name}"
    linked.symlink_to(outside)
    parent = tmp_path / f"parent{name}"
    parent.symlink_to(tmp_path)
    return outside, {str(real): True, str(linked): False, str(parent / f"real{name}"): False}


@pytest.mark.parametrize("proc", [False, True], ids=["no /proc", "/proc"])
@pytest.mark.parametrize("name", ["", "\nnew line", os.fsdecode(b"-\xff\xfe")],
                         ids=["plain", "a newline", "non-UTF-8"])
def test_a_root_reached_through_a_link_is_refused_with_or_without_proc(
        tmp_path: Path, proc: bool, name: str) -> None:
    """Undo's conflict copy (keep_beside: folder_in_root with exact_root) in a root that is a
    link, or below a linked parent, is refused; in the real folder it is written, whatever
    bytes the name holds (fails on 30a217b with no /proc: exact_root's readlink of
    /proc/self/fd failed and the check was skipped, the copy made in the outside folder)."""
    outside, roots = _roots(tmp_path, name)
    prefix = [] if proc else _no_proc()
    done = subprocess.run([*prefix, sys.executable, "-c", _KEEP_BESIDE, *roots],
                          capture_output=True, cwd=Path(__file__).parents[2], check=False,
                          env=hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")}))
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    said = json.loads(done.stdout)
    for root, exact in roots.items():
        assert said[root] == "written" if exact else said[root].startswith("refused"), (
            root, said[root])
    assert os.listdir(outside) == []


def test_a_project_with_its_own_head_objects_and_refs_still_undoes(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Control: a project folder holding a file HEAD and folders objects/ and refs/ of its
    own (not a ref in HEAD: git would not take it as a repository) is not a git folder."""
    root = make_repo(tmp_path / "proj")
    write(root / "web" / "HEAD", "the newest build\n")
    (root / "web" / "objects").mkdir()
    (root / "web" / "refs").mkdir()
    undo = tidy_main("undo", _fixed(root, tidy_main), cwd=root)
    assert undo.code == 0, undo.out + undo.err
    assert (root / "web" / "node_modules" / "dep" / "index.js").exists()
