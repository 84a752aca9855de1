"""Mount points and bind mounts in and at a cache folder, with `--cross-filesystems` off
and on: nothing of the mounted folder is ever moved, copied away or deleted.

A bind mount of a folder on the same filesystem has the cache's own st_dev: a walk or a
delete that only compares devices goes into it (the user's folder mounted into a build's
output, a container's volume). tests/fixes/test_trash.py and test_move_leftovers.py cover a
tmpfs mounted inside (applier level) and a bind mount in a purged slot; these go through
the CLI for a bind mount at fix time, by rename and by the copy across filesystems, and for
a cache that is itself a mount point. They held on the old code; kept as guards.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import tidy
from tests.safety.mounts import tmpfs
from tests.safety.moves_helpers import node_project

FIX = ("fix", "--yes", "-q", "--select", "TDY1", "--format", "json")


@pytest.fixture
def bind() -> Iterator[list[Path]]:
    """Bind-mount with bind_at(source, point); everything mounted is unmounted after."""
    points: list[Path] = []
    yield points
    for point in reversed(points):
        subprocess.run(["umount", "-l", str(point)], check=False)


def _bind(points: list[Path], source: Path, point: Path) -> None:
    point.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "--bind", str(source), str(point)],
                                           capture_output=True).returncode:
        pytest.skip("cannot bind-mount here (needs root and mount rights)")
    points.append(point)


def _outcome(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    (outcome,) = json.loads(done.stdout)["result"]["outcomes"]
    return dict(outcome)


@pytest.mark.slow
@pytest.mark.parametrize("cross", [False, True])
def test_a_bind_mount_inside_a_cache_keeps_the_cache_at_home(
        tmp_path: Path, bind: list[Path], cross: bool) -> None:
    root = node_project(tmp_path, repo=False)
    outside = tmp_path / "outside"
    write(outside / "precious.txt", "the user's\n")
    _bind(bind, outside, root / "web" / "node_modules" / "mounted")
    backdate(root)
    before = snapshot(outside)
    done = tidy(*FIX, *(["--cross-filesystems"] if cross else []), str(root), cwd=root,
                state=tmp_path / "st")
    assert done.returncode == 1, done.stdout + done.stderr
    outcome = _outcome(done)
    assert outcome["status"] == "skipped" and "mounted inside" in str(outcome["reason"])
    assert (root / "web" / "node_modules" / "dep" / "index.js").is_file()
    assert snapshot(outside) == before


@pytest.mark.slow
def test_a_bind_mount_inside_a_cache_that_would_be_copied_is_never_copied_or_deleted(
        no_trash_of_its_own: Path, tmp_path: Path, bind: list[Path]) -> None:
    root = no_trash_of_its_own
    outside = root.parent / "outside"  # the same tmpfs: the bind mount has the same st_dev
    write(outside / "precious.txt", "the user's\n")
    subprocess.run(["chattr", "-i", str(root)], check=True)
    _bind(bind, outside, root / "web" / "node_modules" / "mounted")
    backdate(root / "web")
    subprocess.run(["chattr", "+i", str(root)], check=True)
    before = snapshot(outside)
    done = tidy(*FIX, str(root), cwd=tmp_path, state=tmp_path / "st")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "mounted inside" in str(_outcome(done)["reason"])
    assert snapshot(outside) == before
    assert not (tmp_path / "st" / "trash").exists() or not list(
        (tmp_path / "st" / "trash").rglob("precious.txt"))


@pytest.mark.slow
def test_a_cache_that_is_a_mount_point_is_left_where_it_is(tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=False)
    cache = root / "web" / "node_modules"
    with tmpfs(cache, "size=1m"):
        write(cache / "dep" / "index.js", "module.exports = 1\n")
        backdate(root)
        before = snapshot(cache)
        plain = tidy(*FIX, str(root), cwd=root, state=tmp_path / "st")
        assert plain.returncode == 0 and json.loads(plain.stdout)["result"]["outcomes"] == []
        crossing = tidy(*FIX, "--cross-filesystems", str(root), cwd=root,
                        state=tmp_path / "st")
        assert crossing.returncode == 1, crossing.stdout + crossing.stderr
        outcome = _outcome(crossing)
        assert outcome["status"] == "skipped" and "mount point" in str(outcome["reason"])
        assert snapshot(cache) == before


@pytest.mark.slow
def test_an_undo_into_a_folder_mounted_over_since_the_fix_says_why_and_works_after(
        tmp_path: Path) -> None:
    """The cache went into the git dir's trash by rename; then a tmpfs was mounted over its
    parent folder. Before, undo failed with "Invalid cross-device link: node_modules";
    now it names the cause and where the item is, and completes once unmounted."""
    root = node_project(tmp_path, repo=True)
    state = tmp_path / "st"
    fix = tidy(*FIX, str(root), cwd=root, state=state)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    run_id = json.loads(fix.stdout)["run"]
    web = root / "web"
    with tmpfs(web, "size=1m"):
        undo = tidy("undo", cwd=root, state=state)
        assert undo.returncode == 1, undo.stdout + undo.stderr
        assert "now on another filesystem than the trash" in undo.stdout, undo.stdout
        assert f"stays in the trash at {root / '.git' / 'tidy' / 'trash' / run_id}" \
            in undo.stdout and f"tidy undo {run_id}" in undo.stdout, undo.stdout
        assert os.listdir(web) == []
    again = tidy("undo", run_id, cwd=root, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (web / "node_modules" / "dep" / "index.js").read_text() == "module.exports = 1\n"


@pytest.mark.slow
def test_an_undo_while_the_disk_of_its_trash_is_not_mounted_can_run_again_after(
        other_fs: Path, tmp_path: Path, bind: list[Path]) -> None:
    """A project on another disk than the state folder keeps its trash in `.tidy-trash/` on
    that disk; the disk is unmounted (unplugged) before `tidy undo`. Before, undo said "no
    longer in the trash (purged or removed by hand)", as if it were lost; now it names the
    unmounted disk as a cause, and after the disk is back the same undo puts it back."""
    (other_fs / "disk").mkdir()
    point = tmp_path / "point"
    _bind(bind, other_fs / "disk", point)
    root = node_project(point, repo=False)
    state = tmp_path / "st"
    fix = tidy(*FIX, str(root), cwd=tmp_path, state=state)
    assert fix.returncode == 0, fix.stdout + fix.stderr
    run_id = json.loads(fix.stdout)["run"]
    assert (root / ".tidy-trash" / run_id).is_dir()
    subprocess.run(["umount", str(point)], check=True)
    bind.remove(point)
    undo = tidy("undo", run_id, cwd=tmp_path, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr
    assert "on a disk that is not mounted now" in undo.stdout, undo.stdout
    _bind(bind, other_fs / "disk", point)
    again = tidy("undo", run_id, cwd=tmp_path, state=state)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (root / "web" / "node_modules" / "dep" / "index.js").read_text() == \
        "module.exports = 1\n"
