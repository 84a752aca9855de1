"""What deleting a finding gives back: files whose other names lie outside it free nothing.

pnpm installs node_modules as hard links into its store, and uv installs venvs the same way:
`du PATH` counts those bytes, deleting PATH does not free them. A finding keeps du's figures
and says how much of it is linked from elsewhere; `reclaimable` leaves that part out.

The oracle is GNU du over one folder that holds both the store and the repo: du of it all,
less du of it all with PATH excluded, is what deleting PATH frees.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import du_apparent, du_disk, findings, scan_foundation, scan_json, write


def _du(*args: str) -> int:
    out = subprocess.run(["du", "-s", *args], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0])


def freed_by_deleting(everything: Path, path: Path) -> tuple[int, int]:
    """(apparent bytes, disk bytes) that deleting `path` frees, by du's own inode counting."""
    apparent = _du("-b", str(everything)) - _du("-b", f"--exclude={path}", str(everything))
    disk = _du("-B1", str(everything)) - _du("-B1", f"--exclude={path}", str(everything))
    return apparent, disk


def _finding(report: dict[str, Any], path: str) -> dict[str, Any]:
    (found,) = [f for f in findings(report) if f["path"] == path]
    return found


def _pnpm_like(top: Path, own: int = 3) -> tuple[Path, Path]:
    """A store outside the repo and a node_modules whose packages are hard links into it,
    beside a few files of its own (what pnpm writes: its own state, the .bin shims)."""
    store, repo = top / "store", top / "repo"
    write(repo / "package.json", "{}")
    for i in range(6):
        write(store / f"files-{i}", size=20_000 + i)
        target = repo / "node_modules" / ".pnpm" / f"p{i}@1.0.0" / "node_modules" / f"p{i}"
        target.mkdir(parents=True)
        os.link(store / f"files-{i}", target / "index.js")
    for i in range(own):
        write(repo / "node_modules" / ".bin" / f"shim{i}", size=500 + i)
    return store, repo


def test_a_node_modules_linked_from_a_store_frees_only_its_own_files(tmp_path: Path) -> None:
    _, repo = _pnpm_like(tmp_path)
    report = scan_foundation(repo)
    found = _finding(report, "node_modules")
    assert found["bytes"] == du_apparent(repo / "node_modules")  # the size is still du's
    assert found["disk_bytes"] == du_disk(repo / "node_modules")
    freed, freed_disk = freed_by_deleting(tmp_path, repo / "node_modules")
    linked = found["linked_elsewhere"]
    assert found["bytes"] - linked["bytes"] == freed
    assert found["disk_bytes"] - linked["disk_bytes"] == freed_disk
    assert linked["files"] == 6
    (group,) = report["groups"]
    assert group["reclaimable"]["bytes"] == freed
    assert report["summary"]["reclaimable"]["bytes"] == freed
    assert group["reclaimable"]["files"] == 3


def test_links_that_all_stay_inside_the_folder_are_freed_with_it(tmp_path: Path) -> None:
    """pnpm's store inside the project (`.pnpm-store` under node_modules): every name goes."""
    _, repo = _pnpm_like(tmp_path)
    os.rename(tmp_path / "store", repo / "node_modules" / ".pnpm-store")
    report = scan_foundation(repo)
    found = _finding(report, "node_modules")
    assert found["linked_elsewhere"] == {"bytes": 0, "disk_bytes": 0, "files": 0}
    assert freed_by_deleting(tmp_path, repo / "node_modules")[0] == found["bytes"]
    assert report["groups"][0]["reclaimable"]["bytes"] == found["bytes"]


def test_the_text_report_says_what_deleting_it_frees(tmp_path: Path) -> None:
    import contextlib
    import io

    from tidy.cli import main

    _, repo = _pnpm_like(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["scan", str(repo), "--select", "TDY101"])
    text = " ".join(out.getvalue().split())  # rich folds long lines
    freed, _ = freed_by_deleting(tmp_path, repo / "node_modules")
    assert "is hard links to files outside it" in text
    assert f"deleting it frees {_human(freed)}" in text
    assert f"reclaimable by `tidy fix`: {_human(freed)}" in text


def _human(size: int) -> str:
    from tidy.core.units import human_bytes

    return human_bytes(size)


def test_a_file_finding_with_another_name_frees_nothing(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(repo / "src" / "main.py", "print()")
    write(tmp_path / "backup" / "DS", size=6148)
    os.link(tmp_path / "backup" / "DS", repo / ".DS_Store")
    report = scan_json(repo, "--select", "TDY104")
    found = _finding(report, ".DS_Store")
    assert found["linked_elsewhere"]["bytes"] == 6148
    assert freed_by_deleting(tmp_path, repo / ".DS_Store") == (0, 0)


# Where each name of a file lies: inside the finding, in a store outside the repo, in the
# repo's own source, or inside a second finding.
_PLACES = ("node_modules/a", "node_modules/b/c", "store", "src", "web/node_modules")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.integers(0, 30_000),
                                st.lists(st.sampled_from(_PLACES), min_size=1, max_size=4)),
                      min_size=1, max_size=12))
def test_each_finding_frees_what_du_says_deleting_it_frees(
        tmp_path_factory: Any, files: list[tuple[int, list[str]]]) -> None:
    top = tmp_path_factory.mktemp("linked")
    repo = top / "repo"
    write(repo / "package.json", "{}")
    write(repo / "web" / "package.json", "{}")
    for place in _PLACES:
        (top / place if place == "store" else repo / place).mkdir(parents=True, exist_ok=True)
    for i, (size, places) in enumerate(files):
        first = None
        for n, place in enumerate(places):
            where = (top / place if place == "store" else repo / place) / f"f{i}-{n}"
            if first is None:
                write(where, size=size)
                first = where
            else:
                os.link(first, where)
    report = scan_foundation(repo)
    total = 0
    for path in ("node_modules", "web/node_modules"):
        found = _finding(report, path)
        freed, freed_disk = freed_by_deleting(top, repo / path)
        assert found["bytes"] - found["linked_elsewhere"]["bytes"] == freed, path
        assert found["disk_bytes"] - found["linked_elsewhere"]["disk_bytes"] == freed_disk, path
        total += freed
    assert report["groups"][0]["reclaimable"]["bytes"] == total


# ------------------------------------------------------------------ through fix and purge
def _tidy(*args: str, cwd: Path, state: Path) -> dict[str, Any]:
    import json

    from tests.fixes.helpers import run_tidy

    done = run_tidy(*args, "--format", "json", cwd=cwd, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def test_the_trash_and_its_purge_count_only_what_the_purge_frees(tmp_path: Path) -> None:
    from tests.conftest import git
    from tests.fixes.helpers import backdate

    store, repo = _pnpm_like(tmp_path)
    git(repo, "init", "-q")
    write(repo / ".gitignore", "node_modules/\n")
    backdate(repo)
    freed, _ = freed_by_deleting(tmp_path, repo / "node_modules")
    state = tmp_path / "state"
    from tests.fixes.helpers import run_tidy

    dry = run_tidy("fix", "--dry-run", str(repo), cwd=tmp_path, state=state)
    assert f"purging the trash frees {_human(freed)}" in " ".join(dry.stdout.split())
    _tidy("fix", "--yes", str(repo), cwd=tmp_path, state=state)
    assert not (repo / "node_modules").exists()
    (run,) = _tidy("trash", "list", cwd=tmp_path, state=state)["runs"]
    assert run["bytes"] == freed
    purged = _tidy("trash", "purge", "--yes", cwd=tmp_path, state=state)
    assert purged["freed_bytes"] == freed
    assert all(os.stat(f).st_nlink == 1 for f in store.iterdir())  # the store keeps its files
