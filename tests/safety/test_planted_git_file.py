"""A `.git` file or link that names another work tree's repository is not followed.

git follows a `.git` file (`gitdir: PATH`) or a `.git` link wherever it points. A folder
copied from elsewhere, or a downloaded one with a planted `.git`, could name the `.git` of a
repository of the user's: `tidy scan` then listed that repository's index as the folder's
own, wrote its content cache into that repository's git folder, and `tidy fix
--unsafe-fixes` ran `git rm --cached` there, editing the other repository's index, outside
the root. Now the git folder must belong to the folder (tidy.workspace.git.foreign_git_dir):
a linked worktree's names this `.git` back, a submodule's names this folder as its
core.worktree, and one elsewhere that is another repository's `.git` or a bare repository
is refused with one warning; git is then never asked about the folder.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.safety.helpers import tidy

PYC = b"\0" * 300


def _with_committed_cache(repo: Path) -> Path:
    """A repo whose bytecode cache is committed (TDY102: untracked by --unsafe-fixes)."""
    write(repo / "pkg" / "a.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "a.cpython-311.pyc", PYC)
    commit(repo, "pkg", message="with a committed cache")
    return repo


def _victim(tmp_path: Path) -> Path:
    return _with_committed_cache(make_repo(tmp_path / "victim"))


def _copied_folder(tmp_path: Path) -> Path:
    """The files of the victim's work tree, as a downloaded or copied folder holds them."""
    folder = tmp_path / "download"
    write(folder / "pkg" / "a.py", "x = 1\n")
    write(folder / "pkg" / "__pycache__" / "a.cpython-311.pyc", PYC)
    return folder


def _git_folder_state(git_dir: Path) -> dict[str, str]:
    """Every file of a git folder by its bytes' hash (the index, logs, tidy's own files)."""
    return {str(p.relative_to(git_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(git_dir.rglob("*")) if p.is_file()}


def _plant_file_to_repo(tmp_path: Path, victim: Path, folder: Path) -> str:
    write(folder / ".git", f"gitdir: {victim / '.git'}\n")
    return str(victim)


def _plant_link_to_repo(tmp_path: Path, victim: Path, folder: Path) -> str:
    (folder / ".git").symlink_to(victim / ".git")
    return str(victim)


def _plant_relative_file(tmp_path: Path, victim: Path, folder: Path) -> str:
    write(folder / ".git", "gitdir: ../victim/.git\n")
    return str(victim)


def _plant_file_to_inner_link(tmp_path: Path, victim: Path, folder: Path) -> str:
    """`gitdir: inner`, and `inner` a link in the folder to the victim's `.git`."""
    (folder / "inner").symlink_to(victim / ".git")
    write(folder / ".git", "gitdir: inner\n")
    return str(victim)


def _plant_file_to_worktree(tmp_path: Path, victim: Path, folder: Path) -> str:
    checkout = tmp_path / "their-worktree"
    git(victim, "worktree", "add", "-q", str(checkout))
    write(folder / ".git", f"gitdir: {victim / '.git' / 'worktrees' / checkout.name}\n")
    return str(checkout)


def _plant_file_to_submodule(tmp_path: Path, victim: Path, folder: Path) -> str:
    superproject = make_repo(tmp_path / "super")
    git(superproject, "-c", "protocol.file.allow=always", "submodule", "add", "-q",
        str(victim), "sub")
    write(folder / ".git", f"gitdir: {superproject / '.git' / 'modules' / 'sub'}\n")
    return str(superproject / "sub")


def _plant_file_to_bare(tmp_path: Path, victim: Path, folder: Path) -> str:
    bare = tmp_path / "server.git"
    git(tmp_path, "clone", "-q", "--bare", str(victim), str(bare))
    write(folder / ".git", f"gitdir: {bare}\n")
    return "bare repository"


def _plant_trailing_space(tmp_path: Path, victim: Path, folder: Path) -> str:
    """`gitdir: inner ` read as git reads it (the space is part of the path): `inner ` is a
    link to the victim's `.git`, `inner` a harmless folder of the download's own."""
    make_repo(folder / "inner-repo")
    (folder / "inner").symlink_to(folder / "inner-repo" / ".git")
    (folder / "inner ").symlink_to(victim / ".git")
    write(folder / ".git", "gitdir: inner \n")
    return str(victim)


def _plant_leading_space(tmp_path: Path, victim: Path, folder: Path) -> str:
    make_repo(folder / "inner-repo")
    (folder / "inner").symlink_to(folder / "inner-repo" / ".git")
    (folder / " inner").symlink_to(victim / ".git")
    write(folder / ".git", "gitdir:  inner\n")
    return str(victim)


def _plant_second_line(tmp_path: Path, victim: Path, folder: Path) -> str:
    """git reads the whole file as the path (only trailing newlines dropped): a folder
    named `inner\\n` makes `inner\\n/../../victim/.git` the victim's `.git`."""
    make_repo(folder / "inner-repo")
    (folder / "inner").symlink_to(folder / "inner-repo" / ".git")
    (folder / "inner\n").mkdir()
    write(folder / ".git", "gitdir: inner\n/../../victim/.git\n")
    return str(victim)


def _plant_undecodable_name(tmp_path: Path, victim: Path, folder: Path) -> str:
    """A name that is not UTF-8 is the bytes git reads, not U+FFFD."""
    os.symlink(victim / ".git", os.path.join(os.fsencode(folder), b"inner\xff"))
    write(folder / ".git", b"gitdir: inner\xff\n")
    return str(victim)


def _plant_dotdot_through_link(tmp_path: Path, victim: Path, folder: Path) -> str:
    """`gitdir: d/../.git` reads as the folder's own `.git`, but `d` is a link into the
    victim: the kernel takes `..` from where the link leads, to the victim's `.git`."""
    (folder / "d").symlink_to(victim / "pkg")
    write(folder / ".git", "gitdir: d/../.git\n")
    return str(victim)


PLANTED: dict[str, Callable[[Path, Path, Path], str]] = {
    "gitdir file naming another repo's .git": _plant_file_to_repo,
    ".git link to another repo's .git": _plant_link_to_repo,
    "relative gitdir file": _plant_relative_file,
    "gitdir file naming a link inside the folder": _plant_file_to_inner_link,
    "gitdir file naming another worktree's git folder": _plant_file_to_worktree,
    "gitdir file naming a submodule's git folder": _plant_file_to_submodule,
    "gitdir file naming a bare repository": _plant_file_to_bare,
    "gitdir path with a trailing space": _plant_trailing_space,
    "gitdir path with a leading space": _plant_leading_space,
    "gitdir path going on past a newline": _plant_second_line,
    "gitdir path that is not UTF-8": _plant_undecodable_name,
    "gitdir path with .. after a link": _plant_dotdot_through_link,
}


@pytest.mark.parametrize("plant", PLANTED.values(), ids=PLANTED.keys())
def test_a_planted_git_pointer_reaches_no_other_repository(
        tmp_path: Path, plant: Callable[[Path, Path, Path], str]) -> None:
    victim = _victim(tmp_path)
    folder = _copied_folder(tmp_path)
    named = plant(tmp_path, victim, folder)
    before = _git_folder_state(victim / ".git")
    state = tmp_path / "state"

    scan = tidy("scan", str(folder), cwd=tmp_path, state=state)
    said = " ".join(scan.stdout.split())  # the report's warning, unwrapped
    warning = said[said.index("warning:"):]
    assert said.count("git is not asked") == 1 and named in warning, scan.stdout
    assert "TDY102" not in scan.stdout  # the victim's index is not read as this folder's

    fixed = tidy("fix", "--unsafe-fixes", "--yes", str(folder), cwd=tmp_path, state=state)
    assert fixed.returncode == 0, fixed.stderr
    # tidy fix says it too, on a line of its own (the run's own lines follow it)
    (line,) = [line for line in fixed.stderr.splitlines(keepends=True)
               if line.startswith("tidy fix: warning: ")]
    assert "git is not asked" in line and line.endswith("\n"), fixed.stderr
    assert _git_folder_state(victim / ".git") == before
    assert git(victim, "ls-files", "pkg/__pycache__").strip() == \
        "pkg/__pycache__/a.cpython-311.pyc"


def test_the_owning_repository_itself_is_scanned_and_fixed_as_before(tmp_path: Path) -> None:
    """The refusal is about the pointer, not the repository: the victim on its own still
    has its committed cache found and untracked."""
    victim = _victim(tmp_path)
    _plant_file_to_repo(tmp_path, victim, _copied_folder(tmp_path))
    state = tmp_path / "state"
    scan = tidy("scan", str(victim), cwd=tmp_path, state=state)
    assert "TDY102" in scan.stdout and "git is not asked" not in scan.stdout
    fixed = tidy("fix", "--unsafe-fixes", "--yes", str(victim), cwd=tmp_path, state=state)
    assert fixed.returncode == 0, fixed.stderr
    assert git(victim, "ls-files", "pkg/__pycache__").strip() == ""


def _linked_worktree(tmp_path: Path) -> Path:
    checkout = tmp_path / "checkout"
    git(_victim(tmp_path), "worktree", "add", "-q", str(checkout))
    return checkout


def _submodule(tmp_path: Path) -> Path:
    superproject = make_repo(tmp_path / "super")
    git(superproject, "-c", "protocol.file.allow=always", "submodule", "add", "-q",
        str(_victim(tmp_path)), "sub")
    return superproject / "sub"


def _separate_git_dir(tmp_path: Path) -> Path:
    repo = tmp_path / "separate"
    (tmp_path / "store").mkdir()
    git(tmp_path, "init", "-q", "--separate-git-dir", str(tmp_path / "store" / "sep"), str(repo))
    return _with_committed_cache(repo)


def _cloned_separate(tmp_path: Path) -> Path:
    clone = tmp_path / "clone"
    (tmp_path / "store").mkdir()
    git(tmp_path, "clone", "-q", "--separate-git-dir", str(tmp_path / "store" / "clone"),
        str(_victim(tmp_path)), str(clone))
    return clone


def _worktree_through_linked_parent(tmp_path: Path) -> Path:
    """A worktree named through a link to its parent: the back-link names the real path."""
    checkout = _linked_worktree(tmp_path)
    (tmp_path / "via").symlink_to(tmp_path)
    return tmp_path / "via" / checkout.name


OWN: dict[str, Callable[[Path], Path]] = {
    "linked worktree": _linked_worktree,
    "submodule": _submodule,
    "git init --separate-git-dir": _separate_git_dir,
    "git clone --separate-git-dir": _cloned_separate,
    "worktree through a linked parent": _worktree_through_linked_parent,
}


@pytest.mark.parametrize("make", OWN.values(), ids=OWN.keys())
def test_gits_own_pointers_are_followed(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    """Every `.git` file git itself writes still makes a repository tidy asks git about:
    the committed cache is found tracked, and --unsafe-fixes untracks it there."""
    checkout = make(tmp_path)
    assert (checkout / ".git").is_file()
    state = tmp_path / "state"
    scan = tidy("scan", str(checkout), cwd=tmp_path, state=state)
    assert "TDY102" in scan.stdout and "warning" not in scan.stdout, scan.stdout
    fixed = tidy("fix", "--unsafe-fixes", "--yes", str(checkout), cwd=tmp_path, state=state)
    assert fixed.returncode == 0, fixed.stderr
    assert git(checkout, "ls-files", "pkg/__pycache__").strip() == ""
    assert os.path.exists(checkout / "pkg" / "__pycache__" / "a.cpython-311.pyc")


def test_fifos_in_the_named_git_folder_never_hold_the_scan(tmp_path: Path) -> None:
    """The back-links are read without waiting on a FIFO: a named folder whose `gitdir` and
    `config` are FIFOs is refused (its `.git` name), and the scan ends."""
    planted = tmp_path / "elsewhere" / ".git"
    planted.mkdir(parents=True)
    os.mkfifo(planted / "gitdir")
    os.mkfifo(planted / "config")
    folder = _copied_folder(tmp_path)
    write(folder / ".git", f"gitdir: {planted}\n")
    scan = tidy("scan", str(folder), cwd=tmp_path, state=tmp_path / "state", timeout=60)
    assert "git is not asked" in " ".join(scan.stdout.split()), scan.stdout


BARE_SPELLINGS = {
    "a key with no value": "[core]\n\tbare\n",
    "a number": "[core]\n\tbare = 2\n",
    "an included file": "[include]\n\tpath = more\n",
}


@pytest.mark.parametrize("spelling", BARE_SPELLINGS.values(), ids=BARE_SPELLINGS.keys())
def test_a_bare_repository_is_known_however_its_config_says_so(
        tmp_path: Path, spelling: str) -> None:
    """git reads `bare` alone, `bare = 2` and a `bare = true` in an included file as a bare
    repository; so does the check. (Read as not bare, the download's scan and fix took the
    bare repository as its git folder: tidy's edit lock was written into it, and its trash
    and content cache would be.)"""
    bare = tmp_path / "server.git"
    git(tmp_path, "clone", "-q", "--bare", str(_victim(tmp_path)), str(bare))
    git(bare, "config", "--unset", "core.bare")
    with open(bare / "config", "a", encoding="utf-8") as config:
        config.write(spelling)
    write(bare / "more", "[core]\n\tbare = true\n")
    assert git(bare, "rev-parse", "--is-bare-repository").strip() == "true"
    folder = _copied_folder(tmp_path)
    write(folder / ".git", f"gitdir: {bare}\n")
    before = _git_folder_state(bare)
    state = tmp_path / "state"

    scan = tidy("scan", str(folder), cwd=tmp_path, state=state)
    assert "a bare repository: git is not asked" in " ".join(scan.stdout.split()), scan.stdout
    fixed = tidy("fix", "--unsafe-fixes", "--yes", str(folder), cwd=tmp_path, state=state)
    assert fixed.returncode == 0, fixed.stderr
    assert _git_folder_state(bare) == before


def _fifo(dot_git: Path) -> None:
    os.mkfifo(dot_git)


def _dangling_link(dot_git: Path) -> None:
    dot_git.symlink_to(dot_git.parent / "gone")


def _looping_link(dot_git: Path) -> None:
    dot_git.symlink_to(dot_git)


UNUSABLE: dict[str, Callable[[Path], None]] = {
    "a FIFO": _fifo, "a dangling link": _dangling_link, "a link to itself": _looping_link}


@pytest.mark.parametrize("make_odd", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_a_git_that_git_passes_over_does_not_reach_the_repository_above(
        tmp_path: Path, make_odd: Callable[[Path], None]) -> None:
    """A `.git` git cannot use is passed over by git, which looks for a repository in the
    folders above: the folder's scan took the enclosing repository's index as its own, and
    --unsafe-fixes untracked files in it (the enclosing repository's, outside the root)."""
    outer = make_repo(tmp_path / "outer")
    _with_committed_cache(outer)
    write(outer / "sub" / "pkg" / "a.py", "x = 1\n")
    write(outer / "sub" / "pkg" / "__pycache__" / "a.cpython-311.pyc", PYC)
    commit(outer, "sub", message="a folder that will look like a repository")
    folder = outer / "sub"
    make_odd(folder / ".git")
    before = _git_folder_state(outer / ".git")
    state = tmp_path / "state"
    scan = tidy("scan", str(folder), cwd=tmp_path, state=state, timeout=60)
    assert "TDY102" not in scan.stdout, scan.stdout
    fixed = tidy("fix", "--unsafe-fixes", "--yes", str(folder), cwd=tmp_path, state=state,
                 timeout=60)
    assert fixed.returncode == 0, fixed.stderr
    assert _git_folder_state(outer / ".git") == before
    assert git(outer, "ls-files", "sub/pkg/__pycache__").strip() == \
        "sub/pkg/__pycache__/a.cpython-311.pyc"


def test_a_planted_pointer_to_a_separate_git_folder_reaches_no_index(tmp_path: Path) -> None:
    """`git init --separate-git-dir` writes no back-link, so a `.git` file naming the user's
    separate git folder passed as this folder's own, and `--unsafe-fixes` untracked the
    user's files in that index. Its index records the inodes of the user's own files, none
    of which is here: refused."""
    (tmp_path / "store").mkdir()
    work = tmp_path / "work"
    git(tmp_path, "init", "-q", "--separate-git-dir", str(tmp_path / "store" / "work"), str(work))
    _with_committed_cache(work)
    separate = tmp_path / "store" / "work"
    before = _git_folder_state(separate)
    folder = _copied_folder(tmp_path)
    write(folder / ".git", f"gitdir: {separate}\n")
    state = tmp_path / "state"

    scan = tidy("scan", str(folder), cwd=tmp_path, state=state)
    said = " ".join(scan.stdout.split())
    assert "index records other files" in said and "TDY102" not in said, scan.stdout
    fixed = tidy("fix", "--unsafe-fixes", "--yes", str(folder), cwd=tmp_path, state=state)
    assert fixed.returncode == 0, fixed.stderr
    assert _git_folder_state(separate) == before
    assert git(work, "ls-files", "pkg/__pycache__").strip() == "pkg/__pycache__/a.cpython-311.pyc"
