"""The measuring loop in C (tidy/workspace/_fastmeasure.c) answers what the Python loop does.

Both loops measure the same real trees (links of every kind, hard links, FIFOs, nested
repositories, names that are not UTF-8 or hold a newline, folders nobody may read); as root
the measuring runs in a child that dropped to `nobody`, so closed folders are really closed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tests.workspace.trees import as_nobody, decorate, materialise, open_tree, random_tree, sized
from tidy.workspace import measure
from tidy.workspace.measure import Measured, Root, measure_roots_in_python


@contextlib.contextmanager
def decorated_tree(tree: Any, data: st.DataObject) -> Iterator[Path]:
    """A random tree made real, with the links, odd names and modes hypothesis draws."""
    with open_tree() as top:
        root = top / "t"
        files: list[Path] = []
        dirs: list[Path] = []
        materialise(root, tree if isinstance(tree, dict) else {"f": tree}, files, dirs, sized)
        decorate(data, root, files, dirs)
        yield root

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("TIDY_PURE_PYTHON")), reason="the C loop is turned off on purpose")


def _native(roots: list[Root], device: int) -> Measured:
    assert measure._native is not None, "the C measuring loop was not built (pip install -e .)"
    return measure._from_native(measure._native(roots, device, False))


def normal(out: Measured) -> dict[str, Any]:
    """A measurement in an order that does not depend on the order folders were listed in."""
    row = dataclasses.asdict(out)
    for name in ("skipped", "links", "gitignore_dirs", "vcs_markers"):
        row[name] = sorted(map(repr, row[name]))
    row["surface"] = dict(sorted(out.surface.items()))
    return row


def _roots_below(top: Path) -> list[Root]:
    """The folders right below `top`, as the walk hands an artifact's subfolders over."""
    roots: list[Root] = []
    for entry in os.scandir(top):
        if entry.is_dir(follow_symlinks=False):
            roots.append((entry.path, entry.name, entry.name.startswith(".")))
    return roots


def _both(top: Path, whole: bool = True) -> tuple[dict[str, Any], dict[str, Any]]:
    """Both loops over `top` as one root (whole), or over each folder right below it."""
    def work() -> tuple[dict[str, Any], dict[str, Any]]:
        device = os.lstat(top).st_dev
        roots = [(str(top), ".", False)] if whole else _roots_below(top)
        return (normal(_native(roots, device)),
                normal(measure_roots_in_python(roots, device, False)))

    answer: tuple[dict[str, Any], dict[str, Any]] = as_nobody(work)
    return answer


def test_the_c_loop_is_built_and_used() -> None:
    """An install with a compiler builds it (CI installs gcc): a silent fallback would hide
    a broken build behind slower scans."""
    assert measure._native is not None
    assert measure.measure_roots is not measure_roots_in_python


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=random_tree, data=st.data())
def test_the_c_loop_measures_what_the_python_loop_measures(tree: Any, data: st.DataObject) -> None:
    with decorated_tree(tree, data) as root:
        if data.draw(st.booleans(), label="fifo"):
            os.mkfifo(root / "pipe")
        whole = data.draw(st.booleans(), label="as one root")
        native, python = _both(root, whole)
    assert native == python


def test_every_kind_of_entry_is_counted_alike() -> None:
    with open_tree() as tmp_path:
        top = tmp_path / "node_modules"
        write(top / "a" / "index.js", size=300)
        write(top / "a" / ".gitignore", "x\n")
        write(top / ".hidden" / "x.js", size=7)
        write(top / "dep" / ".git" / "HEAD", "ref: refs/heads/main\n")  # a checkout inside
        write(top / "sub" / ".git", "gitdir: ../elsewhere\n")
        write(top / "fossil" / "_FOSSIL_", "")
        os.link(top / "a" / "index.js", top / "a" / "twin.js")
        os.symlink("a", top / "to-a")
        os.symlink("nowhere", top / "dangling")
        os.symlink(".", top / "a" / "loop")
        os.mkfifo(top / "a" / "fifo")
        write(top / os.fsdecode(b"caf\xe9") / "new\nline", size=11)
        native, python = _both(top)
    assert native == python
    assert native["files"] == 6 and native["vcs_markers"] and native["links"]


def test_a_listing_longer_than_one_kernel_read_is_counted_whole() -> None:
    """The C loop reads a folder's names 64 KB at a time into one buffer that every folder
    of the walk shares: 3,000 long names (~300 KB of records) take several reads, and the
    subfolders among them are entered only once the listing is read to its end."""
    with open_tree() as tmp_path:
        top = tmp_path / "node_modules"
        top.mkdir()
        for index in range(3000):
            name = f"{index:05d}-" + "n" * 80
            if index % 100 == 0:
                write(top / name / "inner.js", size=index % 7 + 1)
            else:
                write(top / name, size=index % 13)
        native, python = _both(top)
    assert native == python
    assert native["files"] == 3000 and native["dirs"] == 30


def test_a_folder_nobody_may_read_is_skipped_alike() -> None:
    with open_tree() as top:
        write(top / "m" / "closed" / "secret.txt", "s")
        write(top / "m" / "open.txt", "o")
        (top / "m" / "closed").chmod(0)
        native, python = _both(top / "m")
    assert native == python
    if os.geteuid() == 0 or os.geteuid() == 65534:
        assert native["skipped"], "nobody cannot list a folder closed with chmod 0"


def test_a_tree_deeper_than_the_c_loop_descends_is_reported_not_crashed(tmp_path: Path) -> None:
    """One descriptor is held per level: the walk stops at MAX_DEPTH and says where."""
    depth = 1003
    fd = os.open(tmp_path, os.O_RDONLY)
    for _ in range(depth):  # relative mkdir/open: the path is longer than PATH_MAX allows
        os.mkdir("d", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(os.open("leaf", os.O_CREAT | os.O_WRONLY, dir_fd=fd))
    os.close(fd)
    try:
        out = _native([(str(tmp_path / "d"), "d", False)], os.lstat(tmp_path).st_dev)
    finally:  # pytest's own clean-up of old temp folders recurses: it cannot remove this
        subprocess.run(["rm", "-rf", str(tmp_path / "d")], check=True)
    too_deep = [s for s in out.skipped if s.reason == "nested too deep to measure"]
    assert len(too_deep) == 1
    assert too_deep[0].path == "/".join(["d"] * 1002)
    assert out.dirs == 1001  # the folders below the root that were listed, and the one not
    assert out.files == 0


def _nested(top: Path, depth: int) -> None:
    """top/d/d/.../d (`depth` folders) with a file `leaf` in the last and one beside each."""
    fd = os.open(top, os.O_RDONLY)
    for _ in range(depth):  # relative mkdir/open: the whole path is never resolved
        os.mkdir("d", dir_fd=fd)
        os.close(os.open("f", os.O_CREAT | os.O_WRONLY, dir_fd=fd))
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(os.open("leaf", os.O_CREAT | os.O_WRONLY, dir_fd=fd))
    os.close(fd)


@pytest.mark.parametrize("handed_over_at", [0, 1, 2, 997],
                         ids=["the top", "a level down", "two levels down", "near the bottom"])
def test_both_loops_stop_at_the_same_folder_below_max_depth(tmp_path: Path,
                                                            handed_over_at: int) -> None:
    """Trust round 8: the C loop stopped 1,000 levels below the root it was handed (a level
    or two below the artifact, as the walk splits it), the Python loop never: 1,500 levels
    were 1,003 files against 1,500. Both now stop at the same folder, said the same way,
    wherever the subtree was handed over."""
    _nested(tmp_path, measure.MAX_DEPTH + 3)
    rel = "/".join(["d"] * (handed_over_at + 1))
    roots: list[Root] = [(str(tmp_path / rel), rel, False)]
    device = os.lstat(tmp_path).st_dev
    try:
        native = _native(roots, device)
        python = measure_roots_in_python(roots, device, False)
    finally:  # pytest's own clean-up of old temp folders recurses: it cannot remove this
        subprocess.run(["rm", "-rf", str(tmp_path / "d")], check=True)
    assert normal(native) == normal(python)
    skipped = "/".join(["d"] * (measure.MAX_DEPTH + 2))
    assert python.skipped == [measure.Skipped(skipped, measure.TOO_DEEP)]
    assert python.files == measure.MAX_DEPTH + 1 - handed_over_at


def test_the_c_loop_is_used_only_with_the_python_loops_depth() -> None:
    from tidy.workspace import _fastmeasure

    assert _fastmeasure.max_depth() == measure.MAX_DEPTH


def test_ctrl_c_stops_a_long_c_loop(tmp_path: Path) -> None:
    """The loop looks for signals as it goes: Ctrl-C is not held until the walk ends. A signal
    sent a tenth into a walk stops it long before the whole walk's time."""
    for i in range(200):
        folder = tmp_path / f"p{i}"
        folder.mkdir()
        for j in range(200):
            (folder / f"f{j}").touch()
    roots, device = _roots_below(tmp_path), os.lstat(tmp_path).st_dev
    start = time.monotonic()
    _native(roots, device)
    whole = time.monotonic() - start

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, stop)
    start = time.monotonic()
    try:
        signal.setitimer(signal.ITIMER_REAL, whole / 10)
        with pytest.raises(KeyboardInterrupt):
            _native(roots, device)
        stopped_after = time.monotonic() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert stopped_after < whole / 2, (stopped_after, whole)


def _scan(tree: Path, home: Path, pure: bool) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "TIDY_PURE_PYTHON"}
    env.update(HOME=str(home), TIDY_STATE_DIR=str(home / "state"))
    if pure:
        env["TIDY_PURE_PYTHON"] = "1"
    out = subprocess.run(
        [sys.executable, "-m", "tidy", "scan", "--format", "json", "-q", "--no-cache", str(tree)],
        env=env, capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    report: dict[str, Any] = json.loads(out.stdout)
    report.pop("duration_s")
    return report


@pytest.mark.slow
def test_a_scan_reports_the_same_with_and_without_the_c_loop(tmp_path: Path) -> None:
    tree = tmp_path / "proj"
    write(tree / "package.json", "{}")
    for i in range(40):  # enough subfolders for the measuring to go to the workers
        write(tree / "node_modules" / f"p{i}" / "lib" / "index.js", size=100 + i)
        write(tree / "node_modules" / f"p{i}" / "package.json", "{}")
    os.link(tree / "node_modules" / "p0" / "package.json", tree / "node_modules" / "p1" / "x.json")
    write(tree / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=900)
    write(tree / "pkg" / "m.py", "x = 1\n")
    assert _scan(tree, tmp_path / "h1", pure=False) == _scan(tree, tmp_path / "h2", pure=True)


def test_pure_python_turns_the_c_loop_off() -> None:
    code = "from tidy.workspace import measure; print(measure._native is None)"
    env = dict(os.environ, TIDY_PURE_PYTHON="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "True"


# ------------------------------------------------------------------ one folder's entries (the walk)
_STAT_FIELDS = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_size", "st_blocks", "st_mtime",
                "st_mtime_ns", "st_ctime_ns")


def _stat_rows(folder: Path, names: list[str] | None = None) -> tuple[list[Any], list[Any]]:
    """lstat_entries of every folder below `folder` (itself included), in C and in Python,
    each entry as (name, its fields or its errno). `names`: entries made to vanish between
    the listing and the lstat."""
    def rows(native: bool) -> list[Any]:
        out: list[Any] = []
        for path, _dirs, _files in os.walk(folder):
            with os.scandir(path) as it:
                listing = list(it)
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
            try:
                for name in names or ():
                    if os.path.lexists(os.path.join(path, name)):
                        os.replace(os.path.join(path, name), os.path.join(path, name + ".gone"))
                stats = (measure.lstat_entries(fd, listing) if native
                         else measure.lstat_entries_in_python(fd, listing))
                for name in names or ():
                    if os.path.lexists(os.path.join(path, name + ".gone")):
                        os.replace(os.path.join(path, name + ".gone"), os.path.join(path, name))
            finally:
                os.close(fd)
            for entry, st_ in zip(listing, stats, strict=True):
                value = st_ if isinstance(st_, int) else tuple(
                    getattr(st_, f) for f in _STAT_FIELDS)
                out.append((os.path.join(path, entry.name), value))
        return out

    return rows(True), rows(False)


def test_the_c_lstat_is_built_and_used() -> None:
    assert measure._native_lstat is not None


def test_the_c_lstat_answers_what_os_lstat_answers_for_every_kind_of_entry(
        tmp_path: Path) -> None:
    top = tmp_path / "t"
    write(top / "a" / "index.js", size=300)
    write(top / ".hidden" / "x.js", size=7)
    os.link(top / "a" / "index.js", top / "a" / "twin.js")
    os.symlink("a", top / "to-a")
    os.symlink("nowhere", top / "dangling")
    os.mkfifo(top / "a" / "fifo")
    write(top / os.fsdecode(b"caf\xe9") / "new\nline", size=11)
    os.utime(top / "a" / "index.js", ns=(1, 1_700_000_000_123_456_789))  # st_mtime's float
    native, python = _stat_rows(top)
    assert native == python
    assert len(native) == 10


def test_an_entry_gone_since_the_listing_is_its_errno_alike(tmp_path: Path) -> None:
    """The walk lists a folder, then lstats its entries: one removed in between is reported
    skipped (its errno), the others still answered."""
    write(tmp_path / "t" / "stays.txt", "s")
    write(tmp_path / "t" / "goes.txt", "g")
    native, python = _stat_rows(tmp_path / "t", names=["goes.txt"])
    assert native == python
    assert (str(tmp_path / "t" / "goes.txt"), errno.ENOENT) in native


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=random_tree, data=st.data())
def test_the_c_lstat_answers_what_os_lstat_answers(tree: Any, data: st.DataObject) -> None:
    with decorated_tree(tree, data) as root:
        native, python = _stat_rows(root)
    assert native == python


# ------------------------------------------------------------------ a folder's plain files summed
def _summed(folder: Path, hidden: bool, big: int, kinds: measure.FileNames,
            programs: bool) -> tuple[list[Any], list[Any]]:
    """lstat_sum of every folder below `folder` (itself included), in C and in Python: each
    folder's sums, and its other entries as (name, fields or errno)."""
    def rows(native: bool) -> list[Any]:
        out: list[Any] = []
        for path, _dirs, _files in os.walk(folder):
            with os.scandir(path) as it:
                names = [entry.name for entry in it]
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
            try:
                summed = (measure.lstat_sum(fd, names, hidden, big, kinds, programs) if native
                          else measure.lstat_sum_in_python(fd, names, hidden, big, kinds,
                                                           programs))
            finally:
                os.close(fd)
            *sums, special = summed
            out.append((path, tuple(sums), [
                (names[index], s if isinstance(s, int) else tuple(
                    getattr(s, f) for f in _STAT_FIELDS)) for index, s in special]))
        return out

    return rows(True), rows(False)


def test_the_c_sum_is_built_and_used() -> None:
    assert measure._native_sum is not None


def test_the_c_sum_hands_back_every_entry_the_walk_must_look_at(tmp_path: Path) -> None:
    """Summed in C: a plain file of no kind. Handed back: a folder, a file of a kind's name,
    glob start or end, a big one, an executable when programs are looked for, one with
    several names; a link or a FIFO only adds its size."""
    top = tmp_path / "t"
    write(top / "plain.txt", size=10)
    write(top / ".hidden.txt", size=5)
    write(top / "Thumbs.db", size=3)
    write(top / "core.1234", size=3)
    write(top / "mod.pyc", size=3)
    write(top / "big.bin", size=2000)
    write(top / "tool", size=4)
    os.chmod(top / "tool", 0o755)
    write(top / "sub" / "x", size=1)
    os.link(top / "plain.txt", top / "sub" / "again.txt")
    os.symlink("plain.txt", top / "link")
    os.mkfifo(top / "fifo")
    os.utime(top / "plain.txt", ns=(1, 1_700_000_000_923_456_789))
    kinds = (frozenset({"Thumbs.db"}), ("core.",), (".pyc",), False)
    native, python = _summed(top, hidden=False, big=1000, kinds=kinds, programs=True)
    assert native == python
    _path, sums, special = native[0]
    assert sorted(name for name, _ in special) == sorted(
        ["Thumbs.db", "core.1234", "mod.pyc", "big.bin", "tool", "sub", "plain.txt"])
    link_size = len("plain.txt")
    assert sums[0] == 1  # .hidden.txt: plain.txt has two names
    assert sums[1] == 5 + link_size  # the link's and the FIFO's sizes count, not as files
    assert sums[4:] == (0, 0)  # the one plain file is hidden
    without_programs, _ = _summed(top, hidden=True, big=1000, kinds=kinds, programs=False)
    assert "tool" not in [name for name, _ in without_programs[0][2]]
    for big in (2**70, -(2**70), 2**63 - 1, -1):  # any int, as Python compares sizes with it
        native, python = _summed(top, hidden=False, big=big, kinds=kinds, programs=False)
        assert native == python
        assert ("big.bin" in [name for name, _ in native[0][2]]) == (big <= 2000)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=random_tree, data=st.data(), hidden=st.booleans(),
       big=st.integers(min_value=0, max_value=5000), programs=st.booleans(),
       exact=st.frozensets(st.sampled_from(["f", "a", "b", "x.js", "café"]), max_size=3),
       starts=st.lists(st.sampled_from(["a", "f", ".", "ca", "x"]), max_size=2).map(tuple),
       ends=st.lists(st.sampled_from(["s", ".js", "é", "1"]), max_size=2).map(tuple),
       any_file=st.booleans())
def test_the_c_sum_answers_what_the_python_loop_does(
        tree: Any, data: st.DataObject, hidden: bool, big: int, programs: bool,
        exact: frozenset[str], starts: tuple[str, ...], ends: tuple[str, ...],
        any_file: bool) -> None:
    with decorated_tree(tree, data) as root:
        native, python = _summed(root, hidden, big, (exact, starts, ends, any_file), programs)
    assert native == python


def _path_rows(top: Path, paths: list[str]) -> tuple[list[Any], list[Any]]:
    """lstat_paths of `paths` below `top`, in C and in Python: (path, fields or errno)."""
    def rows(found: Sequence[measure.EntryStat | int]) -> list[Any]:
        return [(p, s if isinstance(s, int) else tuple(getattr(s, f) for f in _STAT_FIELDS))
                for p, s in zip(paths, found, strict=True)]

    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        return (rows(measure.lstat_paths(fd, paths)),
                rows(measure.lstat_paths_in_python(fd, paths)))
    finally:
        os.close(fd)


def test_the_c_lstat_of_paths_below_a_folder_answers_what_os_stat_does(tmp_path: Path) -> None:
    """The content cache's check of a warm scan's files (paths below the repo, relative to
    its descriptor): the last component never followed, as os.stat with follow_symlinks=False
    does, and no link on the way either (trust round 13: 'alias/deep/mod.py' was the stat of
    src/deep/mod.py through the link on 658633b, the size and times of a file outside the
    repo where the link leads out of it); a link on the way is ELOOP, in C and in Python."""
    top = tmp_path / "repo"
    write(top / "src" / "deep" / "mod.py", size=120)
    write(top / os.fsdecode(b"caf\xe9") / "new\nline.txt", size=9)
    os.symlink("src", top / "alias")
    os.symlink("nowhere", top / "src" / "dangling.py")
    os.mkfifo(top / "src" / "fifo")
    os.utime(top / "src" / "deep" / "mod.py", ns=(1, 1_700_000_000_123_456_789))
    paths = ["src/deep/mod.py", os.fsdecode(b"caf\xe9") + "/new\nline.txt", "alias/deep/mod.py",
             "alias", "src/dangling.py", "src/fifo", "src/gone.py", "src/deep/mod.py/x", "."]
    native, python = _path_rows(top, paths)
    assert native == python
    assert native[2][1] == errno.ELOOP  # a link on the way: not followed
    assert not isinstance(native[3][1], int)  # the link itself, lstat'ed
    assert [row[1] for row in native[6:8]] == [errno.ENOENT, errno.ENOTDIR]
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        key = (0, 0, 0, 0, 0)
        for lstat_changed in (measure.lstat_changed, measure.lstat_changed_in_python):
            found = lstat_changed(fd, ["alias/deep/mod.py", "src/deep/mod.py"], [key, key], 1 << 20)
            assert found[0] == errno.ELOOP and not isinstance(found[1], int)
    finally:
        os.close(fd)
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for lstat_paths in (measure.lstat_paths, measure.lstat_paths_in_python):
            with pytest.raises(ValueError):  # as os.stat refuses it
                lstat_paths(fd, ["src/a\0b"])
    finally:
        os.close(fd)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=random_tree, data=st.data())
def test_property_the_c_lstat_of_paths_answers_what_os_stat_does(
    tree: Any, data: st.DataObject
) -> None:
    with decorated_tree(tree, data) as root:
        paths = sorted(os.path.relpath(os.path.join(d, n), root)
                       for d, subdirs, names in os.walk(root) for n in [*subdirs, *names])
        paths += [p + "/missing" for p in paths[:5]]
        native, python = _path_rows(root, paths)
    assert native == python


# ------------------------------------------------------------------ paths longer than PATH_MAX
def _long_chain(top: Path, names: list[str], files: list[int]) -> None:
    """top/names[0]/names[1]/... made relative to each folder's descriptor (the whole path may
    be longer than PATH_MAX), with files[i] small files in level i and a name with a newline."""
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for level, name in enumerate(names):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = inner
            for i in range(files[level % len(files)]):
                made = os.open(f"f{i}\n{level}", os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd)
                os.write(made, b"x" * (i + level))
                os.close(made)
    finally:
        os.close(fd)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lengths=st.lists(st.integers(min_value=100, max_value=255), min_size=12, max_size=40),
       files=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=4),
       handed_over_at=st.integers(min_value=0, max_value=3))
def test_both_loops_agree_on_paths_longer_than_path_max(
        lengths: list[int], files: list[int], handed_over_at: int) -> None:
    """Trust round 9: the Python loop opened each folder by its whole path, the C loop relative
    to its parent's descriptor: past 4,096 bytes the Python loop skipped the folder as `File
    name too long` and counted nothing below it, where the C loop counted everything. Deep
    chains of long names (up to 60 x 255 bytes, most over PATH_MAX) measure alike."""
    names = [("n" * length)[:length] for length in lengths]
    with open_tree() as top:
        _long_chain(top, names, files)
        at = min(handed_over_at, len(names) - 1)
        rel = "/".join(names[:at + 1])
        device = os.lstat(top).st_dev
        # The root is handed over by its path, as the walk does: only where it is short enough.
        assume_short = len(str(top / rel)) < 4000
        if not assume_short:
            rel = names[0]
        roots: list[Root] = [(str(top / rel), rel, False)]
        try:
            native = normal(_native(roots, device))
            python = normal(measure_roots_in_python(roots, device, False))
        finally:
            subprocess.run(["rm", "-rf", str(top / names[0])], check=True)
    assert native == python
    assert not python["skipped"]


def test_the_python_loop_counts_below_a_path_longer_than_path_max(tmp_path: Path) -> None:
    """The same as a plain example: 20 levels of 250-byte names (5,000 bytes of path)."""
    names = [f"{i:02d}" + "x" * 248 for i in range(20)]
    _long_chain(tmp_path, names, [1])
    roots: list[Root] = [(str(tmp_path / names[0]), names[0], False)]
    device = os.lstat(tmp_path).st_dev
    try:
        python = measure_roots_in_python(roots, device, False)
        native = _native(roots, device)
    finally:
        subprocess.run(["rm", "-rf", str(tmp_path / names[0])], check=True)
    assert python.skipped == []
    assert python.files == 20 and python.dirs == 19
    assert normal(native) == normal(python)


# ------------------------------------------------------------------ a worker dies with the scan
def _death_signal_after(setter: Any, signum: int) -> tuple[str, int]:
    """In a forked child: `setter(signum)`, then the kernel's PR_GET_PDEATHSIG, as
    ("set", the signal) or ("refused", errno)."""
    import ctypes

    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never back into pytest
        code = 0
        try:
            os.close(read)
            try:
                setter(signum)
                got = ctypes.c_int(-1)
                ctypes.CDLL(None, use_errno=True).prctl(2, ctypes.byref(got), 0, 0, 0)
                answer = f"set {got.value}"
            except OSError as error:
                answer = f"refused {error.errno}"
            os.write(write_end, answer.encode())
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    os.waitpid(pid, 0)
    kind, value = answer.split()
    return kind, int(value)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@settings(max_examples=25, deadline=None)
@given(signum=st.integers(min_value=-2, max_value=70))
def test_the_c_death_signal_is_what_ctypes_sets(signum: int) -> None:
    """set_death_signal in C and its ctypes twin (core.processes) leave the same signal set,
    or are refused alike (a number that is no signal)."""
    from tidy.core.processes import set_death_signal

    native = measure.native_death_signal()
    assert native is not None
    assert _death_signal_after(native, signum) == _death_signal_after(set_death_signal, signum)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("native", [True, False])
def test_a_worker_dies_when_the_process_that_forked_it_is_killed(native: bool) -> None:
    """die_with_parent with the C setter (the scan's workers) or without: the parent killed,
    the child is killed too, not left running (its pipe reaches end of file)."""
    from tidy.core.processes import die_with_parent

    setter = measure.native_death_signal() if native else None
    read, write_end = os.pipe()
    parent = os.fork()
    if parent == 0:  # the parent to be killed: forks the worker, then waits to be killed
        try:
            os.close(read)
            me = os.getpid()
            if os.fork() == 0:
                die_with_parent(me, setter)
                os.write(write_end, b"ready")
                time.sleep(30)  # killed with its parent long before
            else:
                os.close(write_end)
                time.sleep(30)
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read, "rb") as pipe:
        assert pipe.read(5) == b"ready"
        os.kill(parent, signal.SIGKILL)
        os.waitpid(parent, 0)
        started = time.monotonic()
        assert pipe.read() == b""  # the worker's end closed: it died
        assert time.monotonic() - started < 10


# What a forked helper reports: ctypes loaded in it before anything but its start-up ran, then
# its death signal (PR_GET_PDEATHSIG, read through ctypes only after that look).
_FORKED_REPORT = """
import ctypes as _ct
got = _ct.c_int(-1)
_ct.CDLL(None, use_errno=True).prctl(2, _ct.byref(got), 0, 0, 0)
"""

_HELPERS = {
    # the content pass's forked part (tidy.workspace.forked.run_beside's child)
    "pass": textwrap.dedent("""
        import sys
        from tidy.workspace import forked, measure
        assert "ctypes" not in sys.modules
        def work(part):
            if not part:
                return None
            loaded = "ctypes" in sys.modules
            exec(REPORT, globals())
            return loaded, got.value
        print(forked.run_beside(work, 0, 1)[1])
    """),
    # a duplicate-hashing worker's start (tidy.workspace.duplicates._start_hashing_worker)
    "hashing": textwrap.dedent("""
        import os, sys
        from tidy.workspace import duplicates, measure
        assert "ctypes" not in sys.modules
        read, write = os.pipe()
        parent = os.getpid()
        if os.fork() == 0:
            duplicates._start_hashing_worker(parent)
            loaded = "ctypes" in sys.modules
            exec(REPORT, globals())
            os.write(write, repr((loaded, got.value)).encode())
            os._exit(0)
        os.close(write)
        print(os.read(read, 100).decode())
        os.wait()
    """),
}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("helper", sorted(_HELPERS))
@pytest.mark.parametrize("pure", [False, True])
def test_a_forked_helper_dies_with_the_scan_without_importing_ctypes(helper: str,
                                                                     pure: bool) -> None:
    """The content pass's forked part and a hashing worker set their death signal (SIGKILL)
    with the C module's setter, as the pool's workers do: no ctypes import in them (~2-4 ms
    of CPU each, the forked part on a cold scan's longest chain). With TIDY_PURE_PYTHON=1
    (no C module used) the ctypes twin sets the same signal. Fails on b6d55fb (both imported
    ctypes)."""
    env = {k: v for k, v in os.environ.items() if k != "TIDY_PURE_PYTHON"}
    if pure:
        env["TIDY_PURE_PYTHON"] = "1"
    code = f"REPORT = {_FORKED_REPORT!r}\n" + _HELPERS[helper]
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip() == repr((pure, int(signal.SIGKILL)))


# ------------------------------------------------------------------ roots opened below their parent
def test_roots_opened_through_their_parent_answer_as_by_their_whole_path() -> None:
    """The C loop opens a run of sibling roots through their parent's descriptor (opened once,
    O_PATH): roots below several parents and back again, below a parent one may enter but not
    list, a root that is a link (to a folder outside), a root gone, a root whose parent is
    gone: the Python loop, each root opened by its whole path, answers the same."""
    with open_tree() as top:
        outside = top / "outside"
        write(outside / "huge.bin", size=100_000)
        for parent in ("a", "b", "closed"):
            for name in ("p", "q", ".r"):
                write(top / parent / name / "index.js", size=len(parent + name))
        os.symlink(outside, top / "a" / "link")
        (top / "closed").chmod(0o311)  # entered, not listed
        roots = [(str(top / parent / name), f"{parent}/{name}", name.startswith("."))
                 for parent, name in [("a", "p"), ("a", "q"), ("b", "p"), ("a", ".r"),
                                      ("closed", "p"), ("closed", "q"), ("a", "link"),
                                      ("a", "gone"), ("nothing", "p"), ("b", ".r")]]

        def work() -> tuple[dict[str, Any], dict[str, Any]]:
            device = os.lstat(top).st_dev
            return (normal(_native(roots, device)),
                    normal(measure_roots_in_python(roots, device, False)))

        native, python = as_nobody(work)
        assert native == python
        assert native["apparent"] < 100_000
        assert len(native["skipped"]) == 3  # the link, the root gone, the parent gone


# ---------------------------------------------- the searched files counted by folder, in C
_PART = st.sampled_from(["a", "b", "ab", "é", "z", "", ".", "x\ny", "\udcff"])
_PATHS = st.lists(st.lists(_PART, min_size=1, max_size=4).map("/".join), max_size=40)


@settings(max_examples=300, deadline=None)
@given(paths=_PATHS, order=st.sampled_from(["as drawn", "sorted", "reversed"]))
def test_folder_counts_in_c_count_what_the_python_loop_counts(paths: list[str],
                                                              order: str) -> None:
    """Any paths in any order (a folder's paths together or apart, the same path twice, an
    empty part, a leading or trailing '/', non-ASCII and undecodable names): the same counts
    by folder as the Python loop, "" for a path with no '/'."""
    if order == "sorted":
        paths = sorted(paths)
    elif order == "reversed":
        paths = sorted(paths, reverse=True)
    if measure._native is not None:
        assert measure._native_folder_counts is not None  # built with the module
        assert measure._native_folder_counts(paths) == measure.folder_counts_in_python(paths)
    assert measure.folder_counts(paths) == measure.folder_counts_in_python(paths)


def test_folder_counts_refuse_what_is_not_a_list_of_str() -> None:
    if measure._native_folder_counts is None:
        pytest.skip("the C module is not used")
    with pytest.raises(TypeError):
        measure._native_folder_counts(("a/b",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        measure._native_folder_counts(["a/b", b"a/c"])  # type: ignore[list-item]


# ------------------------------------------------ freed memory kept for the scan's process
# In a fresh interpreter: buffers of growing sizes (1 MB to 7.5 MB, 59.5 MB in all), each
# written whole and freed before the next; prints the minor page faults they cost. A fresh
# mapping each (glibc's default for blocks over its sliding threshold) costs every page of
# every buffer; kept heap memory only each size's growth over the last.
_SIZES = range(1 << 20, 8 << 20, 1 << 19)
_GROWING_BUFFERS = textwrap.dedent(f"""
    import resource, sys
    def faults():
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    before = faults()
    for size in range({_SIZES.start}, {_SIZES.stop}, {_SIZES.step}):
        buffer = bytearray(size)  # zero-filled: every page written
        del buffer
    print(faults() - before)
""")


def _huge_pages_always() -> bool:
    """Transparent huge pages for every mapping: a fresh buffer then costs a fault per 2 MB,
    and the page counts below say nothing."""
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as mode:
            return "[always]" in mode.read()
    except OSError:
        return False


_PAGE_COUNTS = pytest.mark.skipif(
    not sys.platform.startswith("linux") or _huge_pages_always(),
    reason="glibc's malloc and 4 kB pages")


def _growing_buffers_faults(prelude: str) -> int:
    code = prelude + _GROWING_BUFFERS
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={**os.environ, "GLIBC_TUNABLES": ""})
    return int(done.stdout.split()[-1])


@_PAGE_COUNTS
def test_kept_freed_memory_lets_growing_buffers_reuse_their_pages() -> None:
    """keep_freed_memory: each bigger buffer reuses the pages the last one touched (less than
    half the faults of fresh mappings: 59.5 MB written, 7.5 MB at most at once)."""
    fresh = _growing_buffers_faults("")
    kept = _growing_buffers_faults(
        "from tidy.workspace import measure\nassert measure.keep_freed_memory()\n")
    assert fresh > sum(_SIZES) / 4096 * 0.9  # a fresh page for every 4 kB written
    assert kept < fresh / 2


@_PAGE_COUNTS
def test_a_scan_command_keeps_the_memory_it_frees(tmp_path: Path) -> None:
    """`tidy scan` sets keep_freed_memory in its process (it ends with the scan): after a scan,
    growing buffers in the same process reuse their pages."""
    write(tmp_path / "repo" / "a.py", "x = 1\n")
    prelude = textwrap.dedent(f"""
        import os
        os.environ["TIDY_STATE_DIR"] = {str(tmp_path / "state")!r}
        from tidy.cli import main
        assert main(["scan", "--format", "json", "-q", "--no-record", "--output",
                     {str(tmp_path / "report.json")!r}, {str(tmp_path / "repo")!r}]) == 0
    """)
    fresh = _growing_buffers_faults("")
    assert _growing_buffers_faults(prelude) < fresh / 2
