"""Rules 1xx/2xx on real repositories; tracked and ignored state checked against git itself."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import (
    commit,
    distinct_files,
    du_apparent,
    findings,
    git,
    hermetic_env,
    make_repo,
    scan_foundation,
    write,
)


def by_code(report: dict[str, Any], code: str) -> dict[str, dict[str, Any]]:
    return {f["path"]: f for f in findings(report, code)}


# ---------------------------------------------------------------- oracles from git itself
def git_tracked_state(repo: Path, rel: str) -> str:
    """What `git ls-files` says of a path: tracked / partly-tracked / untracked."""
    listed = [p for p in git(repo, "ls-files", "-z", "--", rel).split("\0") if p]
    if not listed:
        return "untracked"
    return "tracked" if len(listed) >= distinct_files(repo / rel) else "partly-tracked"


def git_ignored(repo: Path, rel: str) -> bool:
    """Does an ignore rule match the path (`git check-ignore --no-index`: tracked ones too)?"""
    proc = subprocess.run(["git", "-C", str(repo), "check-ignore", "-q", "--no-index", "--", rel],
                          env=hermetic_env(), check=False)
    assert proc.returncode in (0, 1)
    return proc.returncode == 0


@pytest.fixture
def mixed_repo(tmp_path: Path) -> Path:
    """A repo with committed caches, untracked caches, ignored and not-ignored ones."""
    repo = make_repo(tmp_path / "repo")
    write(repo / ".gitignore", "__pycache__/\n*.log\n/dist/\n.DS_Store\n")
    write(repo / "pyproject.toml", "[project]\nname = 'demo'\n")
    write(repo / "src" / "demo" / "core.py", "def f():\n    return 1\n")
    write(repo / "src" / "demo" / "__pycache__" / "core.cpython-311.pyc", size=300)
    write(repo / "legacy" / "__pycache__" / "old.cpython-311.pyc", size=200)  # committed cache
    write(repo / "legacy" / "old.py", "x = 1\n")
    write(repo / "web" / "package.json", "{}")
    write(repo / "web" / "node_modules" / "left-pad" / "index.js", size=120)
    write(repo / "web" / "node_modules" / "left-pad" / "package.json", "{}")
    write(repo / "vendored" / "node_modules" / "a" / "a.js", size=50)  # partly committed
    write(repo / "vendored" / "node_modules" / "b" / "b.js", size=60)
    write(repo / "vendored" / "node_modules" / ".package-lock.json", "{}")  # npm wrote it
    write(repo / "docs" / ".DS_Store", size=6148)
    write(repo / "assets" / ".DS_Store", size=4096)  # committed before the rule existed
    write(repo / "mod.pyc", size=80)  # tracked stray bytecode beside its source
    write(repo / "mod.py", "")
    commit(repo, ".gitignore", "pyproject.toml", "src/demo/core.py", "legacy", "web/package.json",
           "vendored/node_modules/a/a.js", "vendored/node_modules/.package-lock.json",
           "assets/.DS_Store", "mod.pyc", "mod.py")
    write(repo / "dist" / "demo-0.1.tar.gz", size=900)
    write(repo / "run.log", size=10)
    return repo


def test_tracked_and_ignored_state_match_git(mixed_repo: Path) -> None:
    report = scan_foundation(mixed_repo)
    seen = findings(report)
    assert len(seen) >= 8
    for finding in seen:
        rel = finding["path"]
        assert finding["tracked"] == git_tracked_state(mixed_repo, rel), rel
        assert finding["ignored"] == git_ignored(mixed_repo, rel), rel


def test_untracked_caches_are_tdy101_and_do_not_fail(mixed_repo: Path) -> None:
    report = scan_foundation(mixed_repo, "--select", "TDY101")
    found = by_code(report, "TDY101")
    assert set(found) == {"src/demo/__pycache__", "web/node_modules", "dist"}
    for finding in found.values():
        assert finding["fix"] == {"action": "trash", "applicability": "safe",
                                  "description": finding["fix"]["description"]}
        assert finding["fails"] is False
    assert report["_exit"] == 0


def test_committed_caches_are_tdy102_and_fail(mixed_repo: Path) -> None:
    report = scan_foundation(mixed_repo)
    found = by_code(report, "TDY102")
    assert set(found) == {"legacy/__pycache__", "vendored/node_modules", "mod.pyc"}
    assert found["vendored/node_modules"]["tracked"] == "partly-tracked"
    assert dict(map(tuple, found["legacy/__pycache__"]["details"]))["tracked files"] == "1"
    for finding in found.values():
        assert finding["fix"]["action"] == "untrack"
        assert finding["fix"]["applicability"] == "unsafe"
        assert finding["fails"] is True
    assert report["_exit"] == 1
    assert report["summary"]["failed"] is True


def test_committed_node_modules_is_tdy102(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "package.json", "{}")
    write(repo / "package-lock.json", "{}")  # what `npm ci` brings the folder back from
    write(repo / "node_modules" / "x" / "index.js", size=10)
    commit(repo)
    (finding,) = findings(scan_foundation(repo))
    assert (finding["code"], finding["path"], finding["tracked"]) == (
        "TDY102", "node_modules", "tracked")


def test_stale_bytecode_in_pycache(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "pkg" / "kept.py", "")
    write(root / "pkg" / "__pycache__" / "kept.cpython-311.pyc", size=100)
    gone = write(root / "pkg" / "__pycache__" / "removed.cpython-311.pyc", size=333)
    renamed = write(root / "pkg" / "__pycache__" / "old_name.cpython-312.opt-1.pyc", size=44)
    report = scan_foundation(root)
    (stale,) = findings(report, "TDY103")
    assert stale["path"] == "pkg/__pycache__"
    assert stale["bytes"] == du_apparent(gone) + du_apparent(renamed)
    assert stale["files"] == 2
    assert "removed.cpython-311.pyc" in stale["message"]
    assert {v for k, v in stale["details"] if k == "stale"} == {gone.name, renamed.name}
    assert set(by_code(report, "TDY101")) == {"pkg/__pycache__"}


def test_no_stale_bytecode_when_every_source_exists(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "pkg" / "a.py", "")
    write(root / "pkg" / "b.pyw", "")
    write(root / "pkg" / "__pycache__" / "a.cpython-311.pyc", size=10)
    write(root / "pkg" / "__pycache__" / "b.cpython-311.pyc", size=10)
    assert findings(scan_foundation(root), "TDY103") == []


def test_legacy_pyc_without_source_is_stale(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    orphan = write(root / "lib" / "deleted.pyc", size=77)
    write(root / "lib" / "alive.pyc", size=66)
    write(root / "lib" / "alive.py", "")
    report = scan_foundation(root)
    (stale,) = findings(report, "TDY103")
    assert (stale["path"], stale["bytes"], stale["files"]) == ("lib/deleted.pyc", 77, 1)
    assert set(by_code(report, "TDY101")) == {"lib/alive.pyc"}  # not stale: plain bytecode
    assert stale["disk_bytes"] == orphan.stat().st_blocks * 512
    assert stale["newest_mtime"] == pytest.approx(orphan.stat().st_mtime)


def test_os_junk(mixed_repo: Path) -> None:
    found = by_code(scan_foundation(mixed_repo), "TDY104")
    assert set(found) == {"docs/.DS_Store", "assets/.DS_Store"}
    assert found["docs/.DS_Store"]["fix"]["action"] == "trash"
    assert found["docs/.DS_Store"]["fix"]["applicability"] == "safe"
    assert found["assets/.DS_Store"]["tracked"] == "tracked"
    assert found["assets/.DS_Store"]["fix"]["action"] == "untrack"


def test_editor_swap_files_are_junk_but_never_safe_to_trash(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / ".notes.md.swp", size=12288)
    write(root / "notes.md~", "old")
    write(root / "#scratch.el#", "x")
    write(root / "notes.md", "new")
    found = by_code(scan_foundation(root), "TDY104")
    assert set(found) == {".notes.md.swp", "notes.md~", "#scratch.el#"}
    assert {f["fix"]["applicability"] for f in found.values()} == {"unsafe"}


def test_large_tracked_file_tdy201(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "data" / "big.csv", size=1_500_000)
    write(repo / "data" / "small.csv", size=999_999)
    write(repo / "untracked.bin", size=2_000_000)
    commit(repo, "data")
    report = scan_foundation(repo)
    assert set(by_code(report, "TDY201")) == {"data/big.csv"}
    finding = by_code(report, "TDY201")["data/big.csv"]
    assert finding["bytes"] == 1_500_000 and finding["tracked"] == "tracked"
    assert finding["fails"] is False and report["_exit"] == 0
    assert finding["fix"]["applicability"] == "display-only"
    smaller = scan_foundation(repo, "--large-file", "900KB")
    assert set(by_code(smaller, "TDY201")) == {"data/big.csv", "data/small.csv"}


def test_oversized_tracked_file_tdy202_fails(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "model.bin", size=3_000_000)
    write(repo / "big.csv", size=1_200_000)
    commit(repo)
    report = scan_foundation(repo, "--max-file-size", "2MB")
    assert set(by_code(report, "TDY202")) == {"model.bin"}
    assert set(by_code(report, "TDY201")) == {"big.csv"}  # never both for one file
    assert by_code(report, "TDY202")["model.bin"]["fails"] is True
    assert report["_exit"] == 1


def test_findings_are_sorted_biggest_first(mixed_repo: Path) -> None:
    (group,) = scan_foundation(mixed_repo)["groups"]
    sizes = [f["bytes"] for f in group["findings"]]
    assert sizes == sorted(sizes, reverse=True)


def test_reclaimable_counts_each_safe_path_once(mixed_repo: Path) -> None:
    (group,) = scan_foundation(mixed_repo)["groups"]
    safe = {f["path"]: f for f in group["findings"]
            if f["fix"] and f["fix"]["action"] == "trash" and f["fix"]["applicability"] == "safe"}
    assert group["reclaimable"]["bytes"] == sum(du_apparent(mixed_repo / p) for p in safe)


def test_scan_inside_a_subfolder_reports_paths_from_the_repo_root(mixed_repo: Path) -> None:
    report = scan_foundation(mixed_repo / "web")
    (group,) = report["groups"]
    assert group["root"] == str(mixed_repo)
    assert {f["path"] for f in group["findings"]} == {"web/node_modules"}
    assert group["findings"][0]["tracked"] == "untracked"


def test_each_committed_file_is_reported_by_one_rule(tmp_path: Path) -> None:
    """A committed orphan .pyc is TDY103, a committed .DS_Store TDY104: never TDY102 as well."""
    repo = make_repo(tmp_path / "r")
    write(repo / "orphan.pyc", size=50)
    write(repo / ".DS_Store", size=6148)
    commit(repo)
    report = scan_foundation(repo)
    assert sorted((f["code"], f["path"]) for f in findings(report)) == [
        ("TDY103", "orphan.pyc"), ("TDY104", ".DS_Store")]
    # The committed .pyc with no source is what `import orphan` loads: only reported.
    assert {f["path"]: f["fix"]["action"] for f in findings(report)} == {
        "orphan.pyc": "none", ".DS_Store": "untrack"}


def test_stale_bytecode_disk_bytes_are_allocated_bytes(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    gone = write(root / "pkg" / "__pycache__" / "removed.cpython-311.pyc", size=333)
    write(root / "pkg" / "__pycache__" / "kept.cpython-311.pyc", size=10)
    write(root / "pkg" / "kept.py", "")
    (stale,) = findings(scan_foundation(root), "TDY103")
    assert stale["disk_bytes"] == gone.stat().st_blocks * 512
