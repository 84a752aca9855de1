"""Duplicate files against `jdupes -r`, duplicate folders against a direct tree comparison.

Trees are random (hypothesis): contents drawn from a small pool so copies happen, sizes
around the 8 KiB partial-hash window, same-size files that differ only in the middle, hard
links, empty files, symlinks, folder copies made with shutil.copytree.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, findings, make_repo, scan_json, write
from tidy.workspace.duplicates import CopyIndex, find_duplicates

Inodes = frozenset[tuple[int, int]]


def inode(path: Path) -> tuple[int, int]:
    st = os.lstat(path)
    return st.st_dev, st.st_ino


def jdupes_groups(root: Path) -> set[Inodes]:
    """`jdupes -r` on root, each group as the set of inodes it names (it lists one name each)."""
    out = subprocess.run(["jdupes", "-r", "-q", str(root)], capture_output=True, check=True).stdout
    groups: set[Inodes] = set()
    for block in out.decode("utf-8", "surrogateescape").split("\n\n"):
        names = [line for line in block.splitlines() if line]
        if names:
            groups.add(frozenset(inode(Path(n)) for n in names))
    return groups


def our_groups(root: Path) -> set[Inodes]:
    found = find_duplicates(str(root))
    return {frozenset(inode(root / p) for p in g.paths) for g in found.files}


def _pool(seed: int) -> list[bytes]:
    """Contents that collide in interesting ways: same size, same ends, different middles."""
    base = bytes((seed + i) % 251 for i in range(20_000))
    middle_changed = base[:9000] + b"X" + base[9001:]
    return [b"a", b"b", b"hello\n", base[:4096], base[:8192], base[:8193], base,
            middle_changed, base[:12_000], os.urandom(3000)]


_tree_plan = st.lists(
    st.tuples(st.sampled_from(["x", "y", "z/w", "z/v/u", "q"]), st.text("abc", min_size=1,
              max_size=3), st.integers(0, 9)),
    min_size=1, max_size=25,
)


def build_tree(root: Path, plan: list[tuple[str, str, int]], seed: int) -> None:
    pool = _pool(seed)
    for folder, name, choice in plan:
        write(root / folder / f"{name}.dat", pool[choice])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=_tree_plan, seed=st.integers(0, 250), links=st.integers(0, 3),
       copy=st.booleans())
def test_file_groups_equal_jdupes(tmp_path_factory: pytest.TempPathFactory,
                                  plan: list[tuple[str, str, int]], seed: int, links: int,
                                  copy: bool) -> None:
    root = tmp_path_factory.mktemp("d")
    build_tree(root, plan, seed)
    write(root / "empty1")
    write(root / "empty2")
    files = sorted(p for p in root.rglob("*") if p.is_file())
    for n in range(min(links, len(files))):
        os.link(files[n], root / f"hardlink{n}")
    os.symlink(files[0], root / "symlink")
    if copy and (root / "z").is_dir():
        shutil.copytree(root / "z", root / "z_copy", symlinks=True)
    assert our_groups(root) == jdupes_groups(root)


def test_hard_links_are_one_file(tmp_path: Path) -> None:
    write(tmp_path / "a", b"x" * 10_000)
    os.link(tmp_path / "a", tmp_path / "b")
    assert find_duplicates(str(tmp_path)).files == ()
    write(tmp_path / "c", b"x" * 10_000)
    [group] = find_duplicates(str(tmp_path)).files
    assert len(group.paths) == 2 and "c" in group.paths  # one name of the linked pair, and c


def test_same_ends_different_middle_are_not_duplicates(tmp_path: Path) -> None:
    data = os.urandom(100_000)  # over the 64 KiB read-whole size: a partial pass first
    write(tmp_path / "a", data)
    write(tmp_path / "b", data[:50_000] + bytes([data[50_000] ^ 1]) + data[50_001:])
    write(tmp_path / "c", data[:-1] + bytes([data[-1] ^ 1]))  # differs in the last 4 KiB
    found = find_duplicates(str(tmp_path))
    assert found.files == ()
    # All three read 8 KiB; only a and b (equal ends) are then read whole.
    assert found.hashed_bytes == 3 * 8192 + 2 * 100_000


def test_unique_sizes_are_never_read(tmp_path: Path) -> None:
    write(tmp_path / "a", size=1000)
    write(tmp_path / "b", size=1001)
    assert find_duplicates(str(tmp_path)).hashed_bytes == 0


# --------------------------------------------------------------------- folders
def dirs_equal(a: Path, b: Path) -> bool:
    """Same names, same kinds, same bytes, recursively: what `cp -r` would produce."""
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files or cmp.common_funny:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(dirs_equal(a / d, b / d) for d in cmp.common_dirs)


def has_files(path: Path) -> bool:
    return any(p.is_file() for p in path.rglob("*"))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=_tree_plan, seed=st.integers(0, 250),
       copies=st.lists(st.sampled_from(["z", "z/v", "x", "q"]), max_size=3))
def test_folder_groups_equal_a_direct_comparison(tmp_path_factory: pytest.TempPathFactory,
                                                 plan: list[tuple[str, str, int]], seed: int,
                                                 copies: list[str]) -> None:
    root = tmp_path_factory.mktemp("f")
    build_tree(root, plan, seed)
    for n, folder in enumerate(copies):
        if (root / folder).is_dir():
            shutil.copytree(root / folder, root / f"copy{n}" / "inner")
    found = find_duplicates(str(root))
    dirs = [p for p in root.rglob("*") if p.is_dir() and has_files(p)]
    rel = {d: d.relative_to(root).as_posix() for d in dirs}
    every = CopyIndex(found.all_folders)
    reported = {frozenset(g.paths) for g in found.folders}
    for a, b in combinations(dirs, 2):
        equal = dirs_equal(a, b)
        same_group = any({rel[a], rel[b]} <= set(g) for g in found.all_folders)
        assert equal == same_group, (rel[a], rel[b])
    for group in found.folders:
        assert all(dirs_equal(root / group.paths[0], root / p) for p in group.paths[1:])
        assert group.size == sum(f.stat().st_size for f in (root / group.paths[0]).rglob("*")
                                 if f.is_file())
        assert not every.explains(group.paths)
    # Highest level: a group inside copies of a bigger folder is never reported on its own.
    for group in found.all_folders:
        if frozenset(group) not in reported:
            assert every.explains(group)


def test_copy_inside_copies_is_reported_once_at_the_top(tmp_path: Path) -> None:
    write(tmp_path / "backend/app/static/js/app.js", os.urandom(30_000))
    write(tmp_path / "backend/app/static/logo.png", os.urandom(20_000))
    shutil.copytree(tmp_path / "backend/app/static", tmp_path / "backend_old_copy")
    found = find_duplicates(str(tmp_path))
    assert [g.paths for g in found.folders] == [("backend/app/static", "backend_old_copy")]
    assert found.folders[0].size == 50_000 and found.folders[0].files == 2
    assert found.files_outside_folders() == ()


def test_copy_within_one_folder_is_not_hidden_by_an_outer_copy(tmp_path: Path) -> None:
    write(tmp_path / "a/x/f", os.urandom(5000))
    shutil.copytree(tmp_path / "a/x", tmp_path / "a/y")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    found = find_duplicates(str(tmp_path))
    assert {g.paths for g in found.folders} == {("a", "b"), ("a/x", "a/y", "b/x", "b/y")}


def test_hard_linked_folder_copy_is_not_a_copy(tmp_path: Path) -> None:
    write(tmp_path / "a/f", os.urandom(5000))
    write(tmp_path / "a/g", os.urandom(6000))
    subprocess.run(["cp", "-al", str(tmp_path / "a"), str(tmp_path / "b")], check=True)
    found = find_duplicates(str(tmp_path))
    assert found.folders == () and found.files == ()


def test_folder_holding_a_hard_link_to_elsewhere_still_has_a_real_copy(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere/big", os.urandom(7000))
    write(tmp_path / "a/own", os.urandom(3000))
    os.link(tmp_path / "elsewhere/big", tmp_path / "a/linked")
    shutil.copytree(tmp_path / "a", tmp_path / "b")  # copies bytes: b/ takes real space
    found = find_duplicates(str(tmp_path))
    assert [g.paths for g in found.folders] == [("a", "b")]


def test_git_dirs_and_skipped_paths_are_not_entered(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "a.bin", os.urandom(9000))
    commit(repo)
    shutil.copy(repo / "a.bin", repo / "skipme.bin")
    # .git/objects holds a.bin compressed: not a duplicate anyway, but never read either.
    found = find_duplicates(str(repo), skip=lambda rel, is_dir: rel == "skipme.bin")
    assert found.files == ()
    assert all(not p.startswith(".git/") for g in find_duplicates(str(repo)).files
               for p in g.paths)


# --------------------------------------------------------------------- through the scan
def test_scan_reports_copies_of_tracked_content(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    data = os.urandom(300_000)
    write(repo / "backend/app/static/app.js", data)
    write(repo / "backend/app/static/img/logo.png", os.urandom(200_000))
    write(repo / "small.txt", b"tiny")
    commit(repo)
    shutil.copytree(repo / "backend/app/static", repo / "backend_old_copy")
    write(repo / "release/app.js", data)
    write(repo / "copy-small.txt", b"tiny")
    write(repo / "node_modules/pkg/app.js", data)  # an artifact: the scan reports it as such
    report = scan_json(repo, "--duplicates")
    [folder] = findings(report, "TDY205")
    assert folder["path"] == "backend_old_copy" and folder["tracked"] == "untracked"
    assert folder["bytes"] == 500_000 and folder["files"] == 2
    assert "is a copy of backend/app/static/" in folder["message"]
    files = {f["path"]: f for f in findings(report, "TDY204")}
    assert set(files) == {"release/app.js"}  # node_modules, the folder copy and tiny files: no
    assert "identical to backend/app/static/app.js" in files["release/app.js"]["message"]
    assert report["_exit"] == 0


def test_default_scan_compares_big_files_only_and_no_folders(tmp_path: Path) -> None:
    """Without --duplicates the walk's big files are compared: no second pass, no folders."""
    repo = make_repo(tmp_path / "r")
    data = os.urandom(300_000)
    write(repo / "backend/app/static/app.js", data)
    write(repo / "backend/app/static/img/logo.png", os.urandom(200_000))
    write(repo / "same-size-other.bin", os.urandom(300_000))  # same size, other bytes
    commit(repo)
    shutil.copytree(repo / "backend/app/static", repo / "backend_old_copy")
    write(repo / "node_modules/pkg/app.js", data)
    report = scan_json(repo)
    assert not findings(report, "TDY205")
    copies = {f["path"]: f["details"] for f in findings(report, "TDY204")}
    # The tracked file is the original; each untracked copy is one finding.
    assert set(copies) == {"backend_old_copy/app.js", "backend_old_copy/img/logo.png"}
    assert dict(copies["backend_old_copy/app.js"])["original"] == "backend/app/static/app.js"


def test_duplicate_min_size_setting(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"same content\n" * 10)
    write(tmp_path / "b.txt", b"same content\n" * 10)
    assert not findings(scan_json(tmp_path), "TDY204")
    (tmp_path / ".tidy.toml").write_text('duplicate-min-size = "10B"\n')
    [found] = findings(scan_json(tmp_path), "TDY204")
    assert found["path"] in {"a.txt", "b.txt"}
