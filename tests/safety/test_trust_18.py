"""Trust round 18: what tidy takes on trust, and what a careless user or an attacker can make
it move, delete or lose.

The look after a batch's renames (workspace/procfs.holders): it read each process's working
folder, descriptors and memory maps, not its inotify watches. A dev server, a `tsc -w` or a
`--watch` build that began watching a planned folder after the run's look (it holds no file
open: it only watches) had the folder moved from under it (on 47812e7). Now the lean look
reads the watches of the processes that are not editors too, as the run's look does, and such
an item goes back.

The copy across filesystems (fixes/fdcopy: no trash on the item's filesystem; copy, verify,
delete the original; undo copies it back): it kept bytes, modes, mtimes, owners, links and
fifos, and lost the rest, and its verification did not look (on 47812e7). A `node_modules`
moved and undone came back with its files' `user.*` extended attributes gone, an ACL that
gave another user access gone, two names of one file (a hard link, as cargo's target/ and
pnpm make) split into two files, and a sparse 8 MB file taking its 8 MB on disk. Now the copy
keeps extended attributes and ACLs, makes a tree's hard links again and leaves holes holes,
and its verification holds the copy to the attributes and the links (a trash that cannot
keep them: nothing moved).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import (
    copied_node_modules,
    held_at_first_rename,
    kept_in_use,
    tidy,
    used_and_unused_node_modules,
)
from tests.safety.mounts import tmpfs
from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER, as_user_argv, readable_python, user_env
from tests.users import WATCH, detached
from tidy.fixes.trash.move import compare_trees, copy_tree

pytestmark = pytest.mark.slow


# ------------------------------------ a program that watches a folder after the run's look
def _watches(pid: int) -> bool:
    fds = os.listdir(f"/proc/{pid}/fd")
    return any(os.readlink(f"/proc/{pid}/fd/{fd}") == "anon_inode:inotify" for fd in fds)


def test_a_program_that_watches_a_folder_after_the_look_keeps_it(tmp_path: Path) -> None:
    """Fails on 47812e7: the folder is moved into the trash, the watch following it there."""
    ws, state = tmp_path / "ws", tmp_path / "state"
    project, held, other = used_and_unused_node_modules(ws)
    fix = held_at_first_rename(ws, tmp_path, state)
    with detached([sys.executable, "-c", WATCH, str(held.parent)]) as pid:
        assert _watches(pid) and not any(
            os.readlink(f"/proc/{pid}/fd/{fd}").startswith(str(ws))
            for fd in os.listdir(f"/proc/{pid}/fd")), "not a watch alone"
        mine, out = kept_in_use(fix, ws, project, other, pid)
        assert held.exists(), "the folder a program began watching mid-fix was moved: " + out
        assert "watches it for changes" in str(mine["reason"]), mine
        assert "put back" in str(mine["reason"])


def test_a_program_that_watches_a_folder_being_copied_keeps_it(tmp_path: Path) -> None:
    """No trash on the tree's filesystem: the folder is copied, its original renamed aside,
    then deleted. Fails on 47812e7: the original a program began watching after the look is
    deleted (its watch gone with it). Now its copy is dropped and it stays."""
    state = tmp_path / "state"
    with copied_node_modules(tmp_path) as (ws, project, held, other):
        fix = held_at_first_rename(ws, tmp_path, state, copied=True)
        with detached([sys.executable, "-c", WATCH, str(held.parent)]) as pid:
            assert _watches(pid)
            _mine, out = kept_in_use(fix, ws, project, other, pid)
            assert held.exists(), "the folder a program watches was deleted: " + out
        assert not [p for p in state.rglob("*") if "dep" in p.parts], "the copy stayed"


# ---------------------------------------------- what a copy across filesystems keeps
def _acl(uid: int) -> bytes:
    """system.posix_acl_access granting `uid` read and write (the kernel's xattr form)."""
    entries = [(0x01, 6, 0xFFFFFFFF), (0x02, 6, uid), (0x04, 4, 0xFFFFFFFF),
               (0x10, 6, 0xFFFFFFFF), (0x20, 0, 0xFFFFFFFF)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


def _xattrs(path: str) -> dict[str, bytes]:
    return {name: os.getxattr(path, name, follow_symlinks=False)
            for name in os.listxattr(path, follow_symlinks=False)}


def tree_state(top: Path) -> dict[str, tuple[object, ...]]:
    """Every entry below `top`: type, mode, mtime, bytes (hashed), link target, extended
    attributes, the first path of the file it is one name of, and whether it has holes."""
    found: dict[str, tuple[object, ...]] = {}
    first: dict[int, str] = {}
    for folder, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted([*dirs, *files]):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, top)
            info = os.lstat(path)
            data: object = None
            if stat.S_ISREG(info.st_mode):
                data = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                data = os.readlink(path)
            linked = first.setdefault(info.st_ino, rel) if (
                stat.S_ISREG(info.st_mode) and info.st_nlink > 1) else rel
            sparse = stat.S_ISREG(info.st_mode) and info.st_blocks * 512 < info.st_size
            found[rel] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode),
                          info.st_mtime_ns, data, _xattrs(path), linked, sparse)
    return found


def _user_xattr(dep: Path) -> None:
    os.setxattr(write(dep / "index.js", "module.exports = 1\n"), "user.origin", b"npm")


def _an_acl(dep: Path) -> None:
    shared = write(dep / "shared.js", "1\n")
    shared.chmod(0o640)
    os.setxattr(shared, "system.posix_acl_access", _acl(4242))


def _hard_links(dep: Path) -> None:
    os.link(write(dep / "bin" / "tool", b"\x7fELF" * 1000), dep / "tool")


def _a_sparse_file(dep: Path) -> None:
    dep.mkdir(parents=True, exist_ok=True)
    with open(dep / "disk.img", "wb") as f:
        f.seek(8 << 20)
        f.write(b"end")


def _odd_names(dep: Path) -> None:
    """A file and its second name, in a folder, each name with a newline and bytes that are
    not UTF-8, the file with an attribute: the links and attributes found by those names."""
    odd = os.fsdecode(b"we\nird-\xff")
    tagged = write(dep / odd / f"{odd}.js", "1\n")
    os.setxattr(tagged, "user.origin", b"npm")
    os.link(tagged, dep / f"{odd}-again.js")


KEPT: dict[str, Callable[[Path], None]] = {
    "a user.* extended attribute": _user_xattr, "an ACL": _an_acl,
    "two names of one file": _hard_links, "a sparse file": _a_sparse_file,
    "odd names, linked and with an attribute": _odd_names}


@pytest.fixture
def copied_project(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(ws, its node_modules/dep) on a tmpfs whose top folder is made immutable (chattr +i)
    by the test: no trash can be made on its filesystem, so a fix copies node_modules to the
    state folder's trash (another filesystem) and undo copies it back."""
    (tmp_path / "mnt").mkdir()
    with tmpfs(tmp_path / "mnt") as mnt:
        ws = mnt / "ws"
        write(ws / "a" / "package.json", "{}\n")
        dep = ws / "a" / "node_modules" / "dep"
        write(dep / "package.json", "{}\n")
        yield ws, dep
        subprocess.run(["chattr", "-i", str(ws)], check=False)


@pytest.mark.parametrize("kind", list(KEPT))
def test_a_copy_across_filesystems_and_its_undo_give_the_tree_back(
        tmp_path: Path, copied_project: tuple[Path, Path], kind: str) -> None:
    """Fails on 47812e7 for each kind: moved, and undone without it."""
    ws, dep = copied_project
    state = tmp_path / "state"
    try:
        KEPT[kind](dep)
    except OSError as error:
        pytest.skip(f"this tmpfs cannot hold {kind}: {error}")
    backdate(ws)
    before = tree_state(dep.parent)
    if subprocess.run(["chattr", "+i", str(ws)], capture_output=True).returncode:
        pytest.skip("chattr +i is not supported here")
    fixed = tidy("fix", "--yes", "--select", "TDY1", str(ws), cwd=tmp_path, state=state)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert not dep.exists(), "not moved: " + fixed.stdout + fixed.stderr
    (copy,) = state.glob("trash/*/*/node_modules")
    assert os.stat(copy).st_dev != os.stat(ws).st_dev, "not a copy to another filesystem"
    assert tree_state(copy) == before, f"the copy in the trash lost {kind}"
    undone = tidy("undo", cwd=ws, state=state)
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert tree_state(dep.parent) == before, f"undo gave the tree back without {kind}"


def test_a_copy_that_lost_links_or_attributes_does_not_verify(tmp_path: Path) -> None:
    """The verification before the original is deleted: a copy that split two names of one
    file, or dropped an attribute, is not an exact copy (fails on 47812e7: "")."""
    source = tmp_path / "source"
    _hard_links(source)
    _user_xattr(source)
    split = tmp_path / "split"
    shutil.copytree(source, split, symlinks=True)  # copies xattrs, not hard links
    assert "other hard links" in compare_trees(str(source), str(split))
    bare = tmp_path / "bare"
    copy_tree(str(source), str(bare))
    assert compare_trees(str(source), str(bare)) == ""
    os.removexattr(bare / "index.js", "user.origin")
    assert "other extended attributes" in compare_trees(str(source), str(bare))


_NAMES = st.sampled_from(["a", "b", "c", "d.js", "e"])
_PATHS = st.lists(_NAMES, min_size=1, max_size=3)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(_PATHS, st.binary(max_size=64), st.booleans(),
                                st.integers(0, 3)), max_size=12),
       links=st.lists(st.tuples(st.integers(0, 11), _PATHS), max_size=6))
def test_copy_tree_keeps_links_attributes_and_holes(
        tmp_path_factory: pytest.TempPathFactory,
        files: list[tuple[list[str], bytes, bool, int]],
        links: list[tuple[int, list[str]]]) -> None:
    """Any tree of files (some with an attribute, some with a hole) and more names of them:
    copy_tree's copy is the source as tree_state sees it, and verifies (fails on 47812e7)."""
    top = tmp_path_factory.mktemp("tree")
    source = top / "src"
    source.mkdir()
    made: list[Path] = []
    for parts, data, tagged, hole_mib in files:
        path = source.joinpath(*parts[:-1], "f-" + parts[-1])
        if path.exists() or any(p.is_file() for p in path.parents):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
            if hole_mib:
                f.seek(hole_mib << 20, os.SEEK_CUR)
                f.write(b"x")
        if tagged:
            os.setxattr(path, "user.tag", data[:8] or b"-")
        made.append(path)
    for index, parts in links:
        path = source.joinpath(*parts[:-1], "l-" + parts[-1])
        if not made or path.exists() or any(p.is_file() for p in path.parents):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        os.link(made[index % len(made)], path)
    copy = top / "copy"
    copy_tree(str(source), str(copy))
    assert tree_state(copy) == tree_state(source)
    assert compare_trees(str(source), str(copy)) == ""


def test_another_users_file_inside_an_item_is_not_copied_as_the_users(user_tree: Path) -> None:
    """As a user (uid 65534), a node_modules of theirs holding a file root left there (`sudo
    npm install`), no trash on its filesystem. Fails on 47812e7: copied, its original
    deleted, and undo gave it back as the user's own file. Now the copy does not verify
    (another owner): nothing moved, the file still root's."""
    python = readable_python()
    if python is None:
        pytest.skip("no python the other user can run tidy with")
    state_top = Path(tempfile.mkdtemp(prefix="tidy-state-"))
    try:
        state_top.chmod(0o755)
        state = state_top / "st"
        state.mkdir()
        os.chown(state, USER, USER)
        root = node_project(user_tree, repo=False)
        for folder, dirs, files in os.walk(root):
            for name in [*dirs, *files]:
                os.chown(os.path.join(folder, name), USER, USER, follow_symlinks=False)
        os.chown(root, USER, USER)
        roots = write(root / "web" / "node_modules" / "dep" / "postinstall.log", "as root\n")
        backdate(root)
        if subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode:
            pytest.skip("chattr +i is not supported here")
        try:
            fixed = subprocess.run(
                as_user_argv(python, state, "fix", "--yes", "--select", "TDY1", str(root)),
                env=user_env(), cwd=root, stdin=subprocess.DEVNULL, capture_output=True,
                text=True, timeout=120, check=False)
            said = fixed.stdout + fixed.stderr
            if not roots.exists():
                subprocess.run(as_user_argv(python, state, "undo"), env=user_env(), cwd=root,
                               capture_output=True, timeout=120, check=False)
            assert roots.exists() and roots.stat().st_uid == 0, (
                "root's file went through a copy and came back the user's: " + said)
            assert "another owner" in said, said
            assert not any(state.glob("trash/*/*/node_modules")), "a copy stayed in the trash"
        finally:
            subprocess.run(["chattr", "-i", str(root)], check=False)
    finally:
        shutil.rmtree(state_top, ignore_errors=True)


# ----------------------------------------------- undo after the world moved on (held)
@pytest.mark.parametrize("now", ["its folder a link outside", "a file of its name",
                                 "a mount point", "a link of its name"])
def test_undo_after_the_place_changed_writes_nothing_there_nor_outside(
        tmp_path: Path, now: str) -> None:
    """Held on 47812e7 too: undo refuses, the item stays in the trash, nothing written
    outside the tree or into what took the item's place."""
    ws, state, outside = tmp_path / "ws", tmp_path / "state", tmp_path / "outside"
    project = ws / "a"
    write(project / "package.json", "{}\n")
    write(project / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
    backdate(ws)
    fixed = tidy("fix", "--yes", "--select", "TDY1", str(ws), cwd=tmp_path, state=state)
    assert fixed.returncode == 0 and not (project / "node_modules").exists(), fixed.stdout
    write(outside / "package.json", "{}\n")
    place = project / "node_modules"
    if now == "its folder a link outside":
        project.rename(tmp_path / "a-moved")
        project.symlink_to(outside)
    elif now == "a file of its name":
        write(place, "the user's\n")
    elif now == "a link of its name":
        place.symlink_to(outside)
    else:
        place.mkdir()
    with contextlib.ExitStack() as stack:
        if now == "a mount point":
            stack.enter_context(tmpfs(place))
        undone = tidy("undo", cwd=ws, state=state)
        assert undone.returncode == 1, undone.stdout + undone.stderr
        assert sorted(p.name for p in outside.rglob("*")) == ["package.json"]
        if now == "a file of its name":
            assert place.read_text() == "the user's\n"
        elif now == "a mount point":
            assert not any(place.iterdir()), "undo wrote into another filesystem"
    assert any(state.glob("trash/*/*/node_modules/dep/index.js")), "the item left the trash"


# ------------------------------ a user's own sourceless `tidy` is not tidy (trust round 15's)
_USERS_MAIN = ("import sys, time\n"
               "held = open(sys.argv[1], 'rb')\n"
               "print('ready', flush=True)\n"
               "time.sleep(60)\n")


@pytest.mark.parametrize("shipped", ["a package of bytecode", "a module of bytecode"])
def test_python_m_tidy_of_the_users_sourceless_tidy_counts_as_a_user(
        tmp_path: Path, shipped: str) -> None:
    """The user's `tidy` shipped as bytecode only (`tidy/__init__.pyc`, or `tidy.pyc`), run
    as `python -m tidy` in its project with tidy's own Python, holding a file of the
    project's .pytest_cache open. Fails on 47812e7 (both): procfs saw no `__init__.py` nor
    `tidy.py` there, took the package for this tidy's, and the cache moved."""
    import py_compile

    project = tmp_path / "tidy-project"
    held = write(project / ".pytest_cache" / "v" / "cache" / "lastfailed", "{}")
    write(project / ".pytest_cache" / "bin" / "data.bin", size=8192)
    source = write(tmp_path / "main.py", _USERS_MAIN)
    if shipped == "a package of bytecode":
        (project / "tidy").mkdir()
        init = write(tmp_path / "init.py", "")
        py_compile.compile(str(init), str(project / "tidy" / "__init__.pyc"))
        py_compile.compile(str(source), str(project / "tidy" / "__main__.pyc"))
    else:
        py_compile.compile(str(source), str(project / "tidy.pyc"))
    backdate(project)
    with detached([sys.executable, "-m", "tidy", str(held)], cwd=project):
        fixed = tidy("fix", "--yes", "-q", "--select", "TDY101", str(project), cwd=tmp_path,
                     state=tmp_path / "state")
        assert held.exists(), ("the cache a user's bytecode named tidy holds open was moved: "
                               + fixed.stdout + fixed.stderr)
        assert fixed.returncode == 1 and "in use by pid" in fixed.stdout, fixed.stdout
