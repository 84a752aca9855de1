"""The walk measures like GNU du: every finding's bytes are `du -sb --apparent-size PATH`.

Oracles are GNU `du` and `find` run on the same real tree; nothing here repeats tidy's sums.
"""

from __future__ import annotations

import functools
import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import (
    distinct_files,
    du_apparent,
    du_disk,
    find_dirs,
    findings,
    make_repo,
    scan_foundation,
    scan_json,
    write,
)
from tests.workspace.trees import SYMLINKS, make_symlink, materialise


def _by_path(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["path"]: f for f in findings(report) if f["code"] == "TDY101"}


def assert_measured_like_du(root: Path, finding: dict[str, Any]) -> None:
    path = root / finding["path"]
    assert finding["bytes"] == du_apparent(path), finding["path"]
    assert finding["disk_bytes"] == du_disk(path), finding["path"]
    assert finding["files"] == distinct_files(path), finding["path"]
    assert finding["dirs"] == find_dirs(path), finding["path"]


def build_zoo(top: Path, outside: Path) -> None:
    """Nested dirs, every kind of symlink, hard links, empty dirs, a fifo: inside `top`."""
    write(top / "a" / "b" / "c" / "deep.js", size=3000)
    write(top / "a" / "one.js", "one")
    write(top / "big.bin", size=70_000)
    (top / "empty" / "emptier").mkdir(parents=True)
    os.link(top / "big.bin", top / "a" / "big-hardlink.bin")  # same inode: counted once
    os.link(top / "a" / "one.js", top / "a" / "b" / "one-again.js")
    os.symlink("one.js", top / "a" / "to-file")
    os.symlink("b", top / "a" / "to-dir")
    os.symlink(str(outside), top / "to-outside")  # would add `outside`'s bytes if followed
    os.symlink("nothing-here", top / "dangling")
    os.symlink("..", top / "a" / "b" / "loop-up")
    os.symlink("self", top / "self")  # a link to itself: ELOOP when followed
    os.mkfifo(top / "a" / "pipe")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    big = tmp_path / "outside"
    write(big / "huge.bin", size=200_000)
    return big


def test_zoo_in_node_modules_measures_like_du(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "proj"
    build_zoo(root / "node_modules", outside)
    write(root / "index.js", "x")
    report = scan_foundation(root)
    found = _by_path(report)
    assert set(found) == {"node_modules"}
    assert_measured_like_du(root, found["node_modules"])


def test_plain_folder_total_equals_du(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "proj"
    build_zoo(root / "node_modules", outside)
    build_zoo(root / "src", outside)  # the same zoo where it is explored, not measured
    report = scan_foundation(root)
    (group,) = report["groups"]
    assert group["scanned"]["bytes"] == du_apparent(root)
    assert group["scanned"]["disk_bytes"] == du_disk(root)
    assert group["scanned"]["files"] == distinct_files(root)
    assert group["scanned"]["dirs"] == find_dirs(root)


def test_nested_artifacts_are_measured_once(tmp_path: Path) -> None:
    """A __pycache__ inside node_modules is part of node_modules, never a finding of its own."""
    root = tmp_path / "proj"
    write(root / "node_modules" / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=100)
    write(root / "node_modules" / "pkg" / "package.json", "{}")
    write(root / "node_modules" / "pkg" / "dist" / "x.js", size=10)  # no marker is looked at
    write(root / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=50)
    write(root / "pkg" / "m.py", "")
    found = _by_path(scan_foundation(root))
    assert set(found) == {"node_modules", "pkg/__pycache__"}
    for finding in found.values():
        assert_measured_like_du(root, finding)


def test_symlink_named_like_an_artifact_is_not_followed(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    os.symlink(outside, root / "node_modules")  # pnpm-style link to somewhere else
    os.symlink(outside, root / "__pycache__")
    write(root / "index.js", "x")
    report = scan_foundation(root)
    assert findings(report) == []
    (group,) = report["groups"]
    assert group["scanned"]["bytes"] == du_apparent(root)


def test_symlink_loops_terminate(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    (root / "a" / "b").mkdir(parents=True)
    os.symlink("../..", root / "a" / "b" / "up")
    os.symlink("../a", root / "a" / "again")
    os.symlink("x", root / "y")
    os.symlink("y", root / "x")
    write(root / "a" / "b" / "__pycache__" / "m.pyc", size=10)
    report = scan_foundation(root)
    assert set(_by_path(report)) == {"a/b/__pycache__"}
    assert report["groups"][0]["scanned"]["bytes"] == du_apparent(root)


def test_git_dir_is_never_entered(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / ".git" / "__pycache__" / "x.pyc", size=10)
    write(repo / ".git" / "node_modules" / "x.js", size=10)
    write(repo / "x.py", "")
    report = scan_foundation(repo)
    assert findings(report) == []
    expected = du_apparent(repo) - du_apparent(repo / ".git")
    assert report["groups"][0]["scanned"]["bytes"] == expected


def test_hard_links_inside_one_artifact_count_once(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    store = root / "node_modules" / ".pnpm" / "store"
    write(store / "lodash.js", size=40_000)
    for i in range(5):  # pnpm hard-links one file into many packages
        (root / "node_modules" / f"p{i}").mkdir(parents=True)
        os.link(store / "lodash.js", root / "node_modules" / f"p{i}" / "lodash.js")
    (finding,) = findings(scan_foundation(root))
    assert_measured_like_du(root, finding)
    assert finding["files"] == 1


def test_hard_link_shared_with_source_still_counts_in_each_artifact(tmp_path: Path) -> None:
    """Each finding is `du PATH` on its own: an inode seen elsewhere first still counts here."""
    root = tmp_path / "proj"
    write(root / "aaa" / "data.bin", size=50_000)
    (root / "zzz" / "node_modules").mkdir(parents=True)
    os.link(root / "aaa" / "data.bin", root / "zzz" / "node_modules" / "data.bin")
    (root / "node_modules").mkdir()
    os.link(root / "aaa" / "data.bin", root / "node_modules" / "data.bin")
    found = _by_path(scan_foundation(root))
    assert set(found) == {"node_modules", "zzz/node_modules"}
    for finding in found.values():
        assert_measured_like_du(root, finding)


def test_scanned_total_counts_a_hard_link_shared_by_findings_once(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "aaa" / "data.bin", size=50_000)
    (root / "zzz" / "node_modules").mkdir(parents=True)
    os.link(root / "aaa" / "data.bin", root / "zzz" / "node_modules" / "data.bin")
    (root / "node_modules").mkdir()
    os.link(root / "aaa" / "data.bin", root / "node_modules" / "data.bin")
    (group,) = scan_foundation(root)["groups"]
    assert group["scanned"]["bytes"] == du_apparent(root)
    assert group["scanned"]["files"] == distinct_files(root)


def test_scanned_total_counts_file_findings_once(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "src" / "main.py", "print()")
    write(root / ".DS_Store", size=6148)
    write(root / "src" / "orphan.pyc", size=100)
    (group,) = scan_foundation(root)["groups"]
    assert {f["code"] for f in group["findings"]} == {"TDY103", "TDY104"}
    assert group["scanned"]["bytes"] == du_apparent(root)
    assert group["scanned"]["files"] == distinct_files(root)


# ----------------------------------------------------------------- property test against du
# Name fragments: spaces, accents, CJK, a newline, a lone surrogate (the byte 0xE9 that is
# not UTF-8, as os.fsdecode gives it back), dots and dashes.
_FRAGMENTS = ["a", "b", "Z", " ", "é", "日本", "\n", os.fsdecode(b"\xe9"), "-", ".x", "~1"]
_names = st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=4).map("".join).filter(
    lambda n: n not in (".", ".."))
_tree = st.recursive(
    st.integers(min_value=0, max_value=9000),  # a file of this many bytes
    lambda children: st.dictionaries(_names, children, max_size=4),  # a folder
    max_leaves=12,
)


def _add_links(data: st.DataObject, top: Path, files: list[Path], dirs: list[Path]) -> None:
    for _ in range(data.draw(st.integers(0, 6), label="links")):
        where = data.draw(st.sampled_from(dirs))
        name = data.draw(_names) + "-link"
        if (where / name).exists() or (where / name).is_symlink():
            continue
        what = data.draw(st.sampled_from(["hard", *SYMLINKS]))
        if what == "hard" and files:
            os.link(data.draw(st.sampled_from(files)), where / name)
        else:
            make_symlink(data, what, where / name, files, dirs)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=_tree, data=st.data())
def test_property_findings_match_du(tree: int | dict[str, Any], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "proj"
        files: list[Path] = []
        dirs: list[Path] = []
        top = root / "node_modules"
        materialise(top, tree if isinstance(tree, dict) else {"f": tree}, files, dirs)
        _add_links(data, top, files, dirs)
        report = scan_foundation(root)
        (finding,) = findings(report)
        assert finding["path"] == "node_modules"
        assert_measured_like_du(root, finding)
        assert report["groups"][0]["scanned"]["bytes"] == du_apparent(root)
        assert report["groups"][0]["scanned"]["files"] == distinct_files(root)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=_tree, data=st.data())
def test_property_tree_explored_by_workers_matches_du(
    tree: int | dict[str, Any], data: st.DataObject
) -> None:
    """Every pending folder is handed to a worker (share_above=1), hard links cross between
    the parts and into an artifact: the totals still count each inode once, as du does."""
    from tidy import engine
    from tidy.workspace.walk import WalkOptions

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "proj"
        files: list[Path] = []
        dirs: list[Path] = []
        materialise(root / "src", tree if isinstance(tree, dict) else {"f": tree}, files, dirs)
        materialise(root / "node_modules", {"m": 100, "n": {"o": 200}}, files, dirs)
        for i in range(4):  # folders enough that parts go to workers, linked across parts
            materialise(root / f"part{i}", {"f": 10 * i + 1, "d": {"g": 5}}, files, dirs)
        os.link(root / "part0" / "f", root / "part3" / "f-again")
        os.link(root / "part1" / "d" / "g", root / "node_modules" / "g-again")
        _add_links(data, root, files, dirs)
        # parts of 3 entries: workers hand most folders back, to be shared again
        sharing = functools.partial(WalkOptions, share_above=1, share_after=0, part_budget=3)
        with mock.patch.object(engine, "WalkOptions", sharing):
            report = scan_foundation(root)
        (finding,) = [f for f in findings(report) if f["path"] == "node_modules"]
        assert_measured_like_du(root, finding)
        assert report["groups"][0]["scanned"]["bytes"] == du_apparent(root)
        assert report["groups"][0]["scanned"]["disk_bytes"] == du_disk(root)
        assert report["groups"][0]["scanned"]["files"] == distinct_files(root)


def test_a_tree_explored_by_workers_reports_what_one_process_does(tmp_path: Path) -> None:
    """Repos, artifacts, stale bytecode, big files and OS junk found in a worker's part are
    reported exactly as when one process walks everything."""
    from tidy import engine
    from tidy.workspace.walk import WalkOptions

    root = tmp_path / "code"
    for i in range(6):
        repo = make_repo(root / f"team{i}" / f"app{i}")
        write(repo / "pyproject.toml", "[project]\nname='x'\n")
        write(repo / "pkg" / "__pycache__" / "gone.cpython-311.pyc", size=50 + i)
        write(repo / "pkg" / "mod.py", "x = 1\n")
        write(repo / "data" / "big.bin", size=1_200_000 + i)
        write(repo / "node_modules" / "dep" / "index.js", size=300 * i)
        write(repo / ".DS_Store", size=6148)
        os.link(repo / "pkg" / "mod.py", repo / "pkg" / "same.py")
    write(root / "notes" / "orphan.pyc", size=77)
    for i in range(40):  # enough subfolders that a worker's part hands it back to share
        write(root / "team0" / "app0" / "node_modules" / f"pkg{i}" / "index.js", size=i)

    def scan(share_above: int, part_budget: int = 25_000) -> dict[str, Any]:
        options = functools.partial(WalkOptions, share_above=share_above, share_after=0,
                                    part_budget=part_budget)
        with mock.patch.object(engine, "WalkOptions", options):
            report = scan_json(root, "--no-record")
        for group in report["groups"]:
            group["findings"].sort(key=lambda f: (f["path"], f["code"]))
        report["groups"].sort(key=lambda g: g["root"])
        report.pop("duration_s")
        return report

    alone, shared, handed_back = scan(0), scan(1), scan(1, part_budget=2)
    assert shared == alone
    assert handed_back == alone
    assert len(alone["groups"]) == 7  # the folder itself and six repos


def test_big_artifact_measured_on_workers_matches_du(tmp_path: Path, outside: Path) -> None:
    """Enough subfolders that the walk shares the folder out to forked workers."""
    root = tmp_path / "proj"
    modules = root / "node_modules"
    shared = write(modules / "shared.js", size=12_345)
    for i in range(120):
        package = modules / f"pkg{i:03d}"
        write(package / "lib" / "index.js", size=i * 7)
        write(package / "package.json", "{}")
        if i % 10 == 0:
            os.link(shared, package / "shared.js")  # the same inode in many worker chunks
            os.symlink(outside, package / "escape")
    (finding,) = findings(scan_foundation(root))
    assert_measured_like_du(root, finding)


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """Mount a small tmpfs at a path (skips where mounting is not allowed)."""
    mounts: list[Path] = []

    def mount(at: Path) -> Path:
        at.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tidy-test", str(at)],
                              capture_output=True, check=False)
        if proc.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode().strip()}")
        mounts.append(at)
        return at

    try:
        yield mount
    finally:
        for at in reversed(mounts):
            subprocess.run(["umount", str(at)], check=False)


def test_stays_on_one_filesystem_unless_asked(
    tmp_path: Path, mounted: Callable[[Path], Path]
) -> None:
    root = tmp_path / "proj"
    write(root / "src" / "a.py", "")
    other = mounted(root / "mnt")
    write(other / "node_modules" / "x.js", size=1000)
    inner = mounted(root / "node_modules" / "cache-mount")
    write(root / "node_modules" / "y.js", size=100)
    write(inner / "big.bin", size=50_000)
    report = scan_foundation(root)
    found = _by_path(report)
    assert set(found) == {"node_modules"}
    assert found["node_modules"]["bytes"] == int(subprocess.run(
        ["du", "-sbx", str(root / "node_modules")], capture_output=True, check=True, text=True
    ).stdout.split()[0])
    skipped = {os.path.relpath(s["path"], root): s["reason"] for s in report["skipped"]}
    assert "another filesystem" in skipped["mnt"]
    assert "another filesystem" in skipped["node_modules/cache-mount"]
    crossing = _by_path(scan_foundation(root, "--cross-filesystems"))
    assert set(crossing) == {"node_modules", "mnt/node_modules"}
    assert crossing["node_modules"]["bytes"] == du_apparent(root / "node_modules")


def test_tidys_own_state_folder_is_never_scanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trash, journals and extraction backups are tidy's, not bloat to report back."""
    root = tmp_path / "home"
    state = root / ".local" / "state" / "tidy"
    write(state / "trash" / "run" / "node_modules" / "x.js", size=5000)
    write(state / "extract" / "b" / "module.py.orig", size=300_000)
    write(root / "code" / "copy.py.orig", size=300_000)
    monkeypatch.setenv("TIDY_STATE_DIR", str(state))
    report = scan_json(root, "--duplicates")
    paths = {f["path"] for g in report["groups"] for f in g["findings"]}
    assert not [p for p in paths if ".local/state/tidy" in p]
