"""The explorer's listing: each folder opened once, relative to its parent's descriptor, its
names read by measure.list_names (getdents64 in C), that descriptor handed on to the lstats and
the measuring. The C listing must answer what os.listdir does, the walk must report the same
whichever listing and whether pending folders are held open or opened again, and a folder
swapped for a link while it waits must never make the walk read outside the root.

As root the walks run in a forked child that dropped to `nobody`, so closed folders are
really unreadable.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tests.workspace.test_walk_parallel import normal
from tests.workspace.trees import as_nobody, decorate, materialise, open_tree, random_tree, sized
from tidy.core.config import Config
from tidy.workspace import measure
from tidy.workspace import walk as walk_module
from tidy.workspace.pool import WorkerPool
from tidy.workspace.walk import WalkOptions, walk

_CATALOG = Config().catalog()


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def _listings(top: Path) -> Iterator[tuple[str, Any, Any]]:
    """(folder, C answer, os.listdir's answer) for every folder below `top`: names, or the
    errno both raise."""
    for folder, dirs, _files in os.walk(top):
        for path in [folder, *(os.path.join(folder, d) for d in dirs)]:
            try:
                fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
            except OSError:
                continue
            try:
                answers = []
                for lister in (measure._native_list, os.listdir):
                    assert lister is not None
                    os.lseek(fd, 0, os.SEEK_SET)
                    try:
                        answers.append(lister(fd))
                    except OSError as error:
                        answers.append(error.errno)
                yield path, answers[0], answers[1]
            finally:
                os.close(fd)


def test_the_c_listing_is_built_and_used() -> None:
    assert measure._native_list is not None


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=random_tree, data=st.data())
def test_property_the_c_listing_answers_what_os_listdir_does(
        tree: int | dict[str, Any], data: st.DataObject) -> None:
    with open_tree() as top:
        files: list[Path] = []
        dirs: list[Path] = []
        materialise(top / "t", tree if isinstance(tree, dict) else {"f": tree}, files, dirs,
                    sized)
        decorate(data, top / "t", files, dirs)
        os.mkfifo(top / "t" / "fifo")
        for _path, native, python in as_nobody(lambda: list(_listings(top))):
            assert native == python


def test_the_c_listing_of_a_big_folder_with_odd_names(tmp_path: Path) -> None:
    """More names than one getdents64 read holds (64 KB), names with newlines and bytes that
    are not UTF-8."""
    for i in range(3000):
        (tmp_path / f"entry-{i:05d}-{'x' * 40}").touch()
    (tmp_path / "new\nline").touch()
    (tmp_path / os.fsdecode(b"caf\xe9")).mkdir()
    os.mkfifo(tmp_path / "pipe")
    ((_folder, native, python),) = [row for row in _listings(tmp_path)
                                         if row[0] == str(tmp_path)]
    assert native == python
    assert len(native) == 3003


def _walks(root: Path) -> list[dict[str, Any]]:
    """The walk of `root` with the C listing and pending folders held open, with the Python
    listing, and with no pending folder held (each opened again below the root)."""
    def work() -> list[dict[str, Any]]:
        out = [normal(walk(str(root), _CATALOG, WalkOptions(pool=WorkerPool(0),
                                                            share_above=0)))]
        with mock.patch.object(measure, "_native_list", None):
            out.append(normal(walk(str(root), _CATALOG, WalkOptions(pool=WorkerPool(0),
                                                                    share_above=0))))
        with mock.patch.object(walk_module, "_HELD_MOST", 0):
            out.append(normal(walk(str(root), _CATALOG, WalkOptions(pool=WorkerPool(0),
                                                                    share_above=0))))
        return out

    answer: list[dict[str, Any]] = as_nobody(work)
    return answer


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=random_tree, data=st.data())
def test_property_the_walk_answers_the_same_whichever_listing(
        tree: int | dict[str, Any], data: st.DataObject) -> None:
    """Links of every kind, odd names, closed and unlistable folders, nested repos, a FIFO."""
    with open_tree() as top:
        root = top / "proj"
        files: list[Path] = []
        dirs: list[Path] = []
        materialise(root, tree if isinstance(tree, dict) else {"f": tree}, files, dirs, sized)
        decorate(data, root, files, dirs)
        os.mkfifo(root / "fifo")
        held, python, reopened = _walks(root)
        assert held == python
        assert held == reopened


def _swapping_tree(tmp_path: Path) -> tuple[Path, Path]:
    """A root with ten pending folders `p0`..`p9`, each holding data.bin (10 bytes), and a
    folder outside with a data.bin of 200,000 bytes."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    write(outside / "data.bin", size=200_000)
    for i in range(10):
        write(root / f"p{i}" / "data.bin", size=10)
    return root, outside


class _SwapOthers:
    """`excluded`, asked for every entry explored: at the first entry inside one of p0..p9,
    every other p folder (all still pending: listed, not yet explored) is moved away and a
    link to `outside` put in its place."""

    def __init__(self, root: Path, outside: Path) -> None:
        self.root, self.outside, self.done = root, outside, False

    def __call__(self, rel: str, is_dir: bool) -> bool:
        if not self.done and rel.startswith("p") and "/" in rel:
            self.done = True
            mine = rel.split("/", 1)[0]
            for i in range(10):
                if f"p{i}" != mine:
                    os.rename(self.root / f"p{i}", self.root / f"p{i}.moved")
                    os.symlink(self.outside, self.root / f"p{i}")
        return False


@pytest.mark.parametrize("held_most", [128, 0], ids=["held", "opened-again"])
def test_a_pending_folder_swapped_for_a_link_is_never_read_outside_the_root(
        tmp_path: Path, held_most: int) -> None:
    """Held open, the folder is read where it was listed (its 10 bytes); opened again, the
    link is refused and the folder skipped. On b87a4ff the folder was opened again by its
    path, the link refused, and its entries then looked up by path: through the link, the
    outside data.bin's 200,000 bytes counted as the root's."""
    root, outside = _swapping_tree(tmp_path)
    swap = _SwapOthers(root, outside)
    with mock.patch.object(walk_module, "_HELD_MOST", held_most):
        result = walk(str(root), _CATALOG, WalkOptions(pool=WorkerPool(0), share_above=0,
                                                       excluded=swap))
    assert swap.done
    assert result.total.apparent < 200_000
    assert all(row[1] < 200_000 for row in result.content_by_dir.values())
    if held_most:
        assert result.content_by_dir.get("p0", [0, 0])[1] + sum(
            result.content_by_dir[f"p{i}"][1] for i in range(1, 10)) >= 100
    else:
        assert len([s for s in result.skipped if s.path.startswith("p")]) == 9


def test_the_walk_closes_every_descriptor_it_opened(tmp_path: Path) -> None:
    """Held frames past _HELD_MOST, a walk that ends normally and one stopped by an error
    mid-walk (Ctrl-C, a worker gone): no descriptor left open."""
    for i in range(200):
        write(tmp_path / "root" / f"d{i:03d}" / "sub" / "f.txt", "x")
    before = _open_fds()
    walk(str(tmp_path / "root"), _CATALOG, WalkOptions(pool=WorkerPool(0), share_above=0))
    assert _open_fds() == before

    def stop(rel: str, is_dir: bool) -> bool:
        if rel.endswith("f.txt"):
            raise KeyboardInterrupt
        return False

    with pytest.raises(KeyboardInterrupt):
        walk(str(tmp_path / "root"), _CATALOG, WalkOptions(pool=WorkerPool(0), share_above=0,
                                                           excluded=stop))
    assert _open_fds() == before


def test_a_root_given_as_a_link_is_walked(tmp_path: Path) -> None:
    write(tmp_path / "real" / "a" / "f.txt", size=123)
    os.symlink(tmp_path / "real", tmp_path / "link")
    through_link = normal(walk(str(tmp_path / "link"), _CATALOG,
                               WalkOptions(pool=WorkerPool(0), share_above=0)))
    own = os.lstat(tmp_path / "real" / "a").st_size  # the folder's own entry
    assert through_link["content_by_dir"]["a"][:2] == [1, 123 + own]
    assert through_link["skipped"] == []


def _children_fds_below(root: Path) -> dict[int, list[str]]:
    """This process's child processes (the pool's workers): the descriptors each holds on
    something below `root`."""
    me, out = os.getpid(), {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            if ppid != me:
                continue
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except (OSError, ValueError):
            continue
        out[int(pid)] = [link for link in links if link.startswith(str(root))]
    return out


def test_a_worker_forked_mid_walk_holds_none_of_the_pending_folders(tmp_path: Path) -> None:
    """The pool forks its workers when first asked, mid-walk, while the explorer holds its
    pending folders open: a forked child closes them (at fork), so no worker keeps a folder of
    the tree open for its life (another tidy's in-use check reads /proc/PID/fd)."""
    root = tmp_path / "root"
    for i in range(60):
        write(root / f"d{i:02d}" / "sub" / "f.txt", "x")
    with WorkerPool(2) as pool:
        result = walk(str(root), _CATALOG, WalkOptions(pool=pool, share_above=1,
                                                       share_after=0, part_budget=3))
        workers = _children_fds_below(root)
        assert workers, "the walk forked no worker"
        assert all(held == [] for held in workers.values()), workers
    assert result.entries == 60 + 60 * 2  # the root's, each d*'s, each sub's
