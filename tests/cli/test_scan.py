"""`tidy scan` end to end: workspaces of many repos, the search surface against ripgrep,
exit codes, the text report, and `tidy rules` / `tidy rule`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import (
    FOUNDATION_RULES,
    CliResult,
    commit,
    du_apparent,
    findings,
    git,
    hermetic_env,
    make_repo,
    on_a_terminal,
    rg_surface,
    run_cli,
    scan_foundation,
    write,
)

Main = Callable[..., CliResult]


# ------------------------------------------------------------------------- workspace mode
def _repo_with_cache(path: Path, cache: str = "node_modules") -> Path:
    repo = make_repo(path)
    write(repo / "README.md", f"# {path.name}\n")
    write(repo / "package.json", "{}")
    commit(repo)
    write(repo / cache / "dep" / "index.js", size=500 + len(path.name))
    return repo


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """~/code-like: three repos, one nested in another, one with a submodule, loose notes."""
    ws = tmp_path / "code"
    _repo_with_cache(ws / "alpha")
    outer = _repo_with_cache(ws / "beta", "__pycache__")
    inner = _repo_with_cache(outer / "tools" / "inner", "node_modules")
    write(inner / "__pycache__" / "x.cpython-311.pyc", size=77)
    write(inner / "x.py", "")
    origin = _repo_with_cache(tmp_path / "origin-lib")
    gamma = _repo_with_cache(ws / "gamma")
    git(gamma, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(origin), "lib")
    git(gamma, "commit", "-q", "-m", "add submodule")  # staged by `submodule add`
    write(gamma / "lib" / "node_modules" / "y.js", size=1234)  # inside the submodule's tree
    write(ws / "notes" / "todo.txt", "call mum\n")  # loose files: the workspace's own group
    write(ws / ".envrc", "export X=1\n")
    return ws


def _walk_without_git_dirs(ws: Path) -> int:
    """du of the folder minus every .git, folder or file: a submodule's or linked worktree's
    .git file is git's, not the project's (real trees round 21), as `du --exclude=.git`."""
    out = subprocess.run(["du", "-sb", "--exclude=.git", str(ws)], capture_output=True,
                         check=True, text=True).stdout
    return int(out.split()[0])


def test_workspace_has_one_group_per_repo(workspace: Path) -> None:
    report = scan_foundation(workspace)
    labels = {g["label"]: g for g in report["groups"]}
    assert set(labels) == {".", "alpha", "beta", "beta/tools/inner", "gamma", "gamma/lib"}
    assert not labels["."]["is_repo"]
    assert all(g["is_repo"] for label, g in labels.items() if label != ".")
    assert {f["path"] for f in labels["beta"]["findings"]} == {"__pycache__"}
    assert {f["path"] for f in labels["beta/tools/inner"]["findings"]} == {
        "node_modules", "__pycache__"}
    assert {f["path"] for f in labels["gamma"]["findings"]} == {"node_modules"}
    assert {f["path"] for f in labels["gamma/lib"]["findings"]} == {"node_modules"}
    for label, group in labels.items():
        for finding in group["findings"]:
            assert finding["abs_path"] == os.path.join(workspace, label, finding["path"]).replace(
                "/./", "/")
            assert finding["bytes"] == du_apparent(finding["abs_path"])


def test_workspace_counts_nothing_twice(workspace: Path) -> None:
    report = scan_foundation(workspace)
    scanned = sum(g["scanned"]["bytes"] for g in report["groups"])
    assert scanned == _walk_without_git_dirs(workspace)
    assert report["summary"]["scanned"]["bytes"] == scanned
    paths = [f["abs_path"] for f in findings(report)]
    assert len(paths) == len(set(paths))
    reclaimable = sum(g["reclaimable"]["bytes"] for g in report["groups"])
    assert reclaimable == sum(du_apparent(p) for p in paths)


def test_workspace_of_only_repos_still_counts_its_own_bytes(tmp_path: Path) -> None:
    ws = tmp_path / "code"
    _repo_with_cache(ws / "alpha")
    write(ws / ".tool-versions", "python 3.11\n" * 50)
    report = scan_foundation(ws)
    assert report["summary"]["scanned"]["bytes"] == _walk_without_git_dirs(ws)


def test_scanning_two_paths_reports_both(tmp_path: Path) -> None:
    one = _repo_with_cache(tmp_path / "one")
    two = _repo_with_cache(tmp_path / "two")
    report = scan_foundation(one, str(two))
    assert report["roots"] == [str(one), str(two)]
    assert {g["root"] for g in report["groups"]} == {str(one), str(two)}


# ------------------------------------------------------------- search surface vs ripgrep
@pytest.fixture
def searchable_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    write(repo / ".gitignore", "__pycache__/\n/dist/\n*.log\n")
    write(repo / "src" / ".gitignore", "generated/\n")
    write(repo / "pyproject.toml", "[project]\nname='x'\n")
    write(repo / "src" / "app.py", size=1000)
    write(repo / "src" / "__pycache__" / "app.cpython-311.pyc", size=900)
    write(repo / "src" / "generated" / "big.py", size=5000)
    write(repo / "node_modules" / "lodash" / "lodash.js", size=7000)  # not ignored: searched
    write(repo / "node_modules" / "lodash" / "package.json", size=300)
    write(repo / "node_modules" / ".bin" / "tool", size=30)
    write(repo / "web" / "package.json", "{}")
    write(repo / "web" / ".next" / "cache" / "x.js", size=400)  # hidden: never searched
    write(repo / "dist" / "x-0.1.whl", size=800)
    write(repo / "debug.log", size=60)
    write(repo / "kept.log", size=70)
    write(repo / ".env", "SECRET=1\n")
    write(repo / "notes.txt", "hi\n")
    os.symlink("notes.txt", repo / "link.txt")
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("scratch/\n")
    write(repo / "scratch" / "tmp.txt", size=11)
    commit(repo, ".gitignore", "src/.gitignore", "pyproject.toml", "src/app.py", "kept.log",
           "notes.txt", "link.txt", "web/package.json")
    return repo


def test_surface_before_equals_ripgrep(searchable_repo: Path, tmp_path: Path) -> None:
    (group,) = scan_foundation(searchable_repo)["groups"]
    before = group["surface"]["before"]
    assert (before["files"], before["bytes"]) == rg_surface(searchable_repo, tmp_path)


def test_surface_after_equals_ripgrep_once_the_safe_fixes_are_done(
    searchable_repo: Path, tmp_path: Path
) -> None:
    (group,) = scan_foundation(searchable_repo)["groups"]
    assert "node_modules" in {f["path"] for f in group["findings"]}
    for finding in group["findings"]:
        fix = finding["fix"]
        if fix and fix["action"] == "trash" and fix["applicability"] == "safe":
            target = searchable_repo / finding["path"]
            shutil.rmtree(target) if target.is_dir() else target.unlink()
    after = group["surface"]["after"]
    assert (after["files"], after["bytes"]) == rg_surface(searchable_repo, tmp_path)


def test_surface_of_a_plain_folder_ignores_gitignore_like_ripgrep(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    write(root / ".gitignore", "*.log\n")  # rg needs a git repo before it reads .gitignore
    write(root / "a.log", size=10)
    write(root / "node_modules" / "m.js", size=20)
    write(root / "b.txt", size=30)
    (group,) = scan_foundation(root)["groups"]
    before = group["surface"]["before"]
    assert (before["files"], before["bytes"]) == rg_surface(root, tmp_path)


# ------------------------------------------------------------------- exit codes and flags
def test_exit_codes(tmp_path: Path, tidy_main: Main) -> None:
    repo = _repo_with_cache(tmp_path / "r")
    assert tidy_main("scan", "-q", str(repo)).code == 0  # untracked caches: informational
    assert tidy_main("scan", "-q", "--fail-on", "TDY101", str(repo)).code == 1
    write(repo / "pkg" / "__pycache__" / "m.pyc", size=10)
    commit(repo, "pkg")
    assert tidy_main("scan", "-q", str(repo)).code == 1  # committed cache fails
    assert tidy_main("scan", "-q", "--exit-zero", str(repo)).code == 0
    assert tidy_main("scan", "-q", "--fail-on", "none", str(repo)).code == 0
    assert tidy_main("scan", "-q", str(tmp_path / "missing")).code == 2
    assert tidy_main("scan", "--format", "xml", str(repo)).code == 2
    assert tidy_main("scan", "--min-size", "lots", str(repo)).code == 2


def test_select_ignore_and_min_size(tmp_path: Path, tidy_main: Main) -> None:
    root = tmp_path / "p"
    write(root / "node_modules" / "big.js", size=50_000)
    write(root / "a" / "__pycache__" / "m.pyc", size=10)
    write(root / ".DS_Store", size=10)
    assert {f["code"] for f in findings(scan_foundation(root))} == {"TDY101", "TDY103", "TDY104"}
    assert {f["code"] for f in findings(scan_foundation(root, "--select", "TDY104"))} == {"TDY104"}
    assert {f["code"] for f in findings(scan_foundation(root, "--select", "tdy1", "--ignore",
                                                   "TDY103,TDY104"))} == {"TDY101"}
    big_only = scan_foundation(root, "--min-size", "20KB")
    assert {f["path"] for f in findings(big_only)} == {"node_modules"}


def test_text_report_is_sorted_with_totals_and_no_progress_when_piped(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write(root / "node_modules" / "big.js", size=90_000)
    write(root / ".pytest_cache" / "v" / "x", size=5_000)
    write(root / "src" / "__pycache__" / "m.pyc", size=20_000)
    write(root / "src" / "m.py", "")
    result = run_cli("scan", "--select", FOUNDATION_RULES, str(root), cwd=tmp_path)
    assert result.code == 0
    assert result.err == ""  # not a terminal: no progress display
    rows = [line.split() for line in result.out.splitlines() if re.search(r"\bTDY1\d\d\b", line)]
    assert [row[-1] for row in rows] == ["node_modules", "src/__pycache__", ".pytest_cache"]
    assert re.search(r"total: 3 findings on 3 paths in 1 plain folder", result.out)
    assert "reclaimable by `tidy fix`" in result.out
    assert "search surface" in result.out


def test_output_file(tmp_path: Path, tidy_main: Main) -> None:
    root = tmp_path / "p"
    write(root / "node_modules" / "x.js", size=10)
    target = tmp_path / "report.json"
    result = tidy_main("scan", "-q", "--format", "json", "-o", str(target), str(root))
    assert result.code == 0 and result.out == ""
    assert '"version": 1' in target.read_text()


def test_default_path_is_the_current_folder(tmp_path: Path, tidy_main: Main) -> None:
    root = tmp_path / "p"
    write(root / "node_modules" / "x.js", size=10)
    result = tidy_main("scan", "-q", "--format", "json", cwd=root)
    assert result.code == 0
    assert '"path": "node_modules"' in result.out


# ----------------------------------------------------------------------- rules and rule
def test_rules_lists_every_code(tidy_main: Main) -> None:
    from tidy.rules.registry import RULES

    result = tidy_main("rules")
    assert result.code == 0
    listed = [line.split()[0] for line in result.out.splitlines() if line.strip()]
    assert listed == [rule.code for rule in RULES]
    assert {"TDY101", "TDY102", "TDY103", "TDY104", "TDY201", "TDY202"} <= set(listed)


@pytest.mark.parametrize("key", ["TDY101", "tdy101", "untracked-artifact"])
def test_rule_explains_by_code_or_name(tidy_main: Main, key: str) -> None:
    result = tidy_main("rule", key)
    assert result.code == 0
    assert result.out.startswith("TDY101 untracked-artifact")
    for part in ("What:", "Why:", "Fix"):
        assert part in result.out


def test_every_rule_has_a_doc_page(tidy_main: Main) -> None:
    from tidy.rules.registry import RULES

    for rule in RULES:
        result = tidy_main("rule", rule.code)
        assert result.code == 0 and "What:" in result.out and "Why:" in result.out, rule.code


@pytest.mark.parametrize("key", ["TDY999", "no-such-rule", ""])
def test_unknown_rule_is_a_usage_error(key: str, tmp_path: Path) -> None:
    result = run_cli("rule", key, cwd=tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "no rule" in result.err


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    result = run_cli("--version", cwd=tmp_path)
    assert result.code == 0 and "tidy" in result.out
    assert shutil.which("tidy") is not None  # the console script is installed


def _ignore(_: Any) -> None:  # keeps the Any import meaningful for helpers above
    return None


def _stderr_on_a_terminal(args: list[str], tmp_path: Path) -> bytes:
    """Run tidy with stderr on a pseudo-terminal (stdout piped) and return what it drew."""
    env = {k: v for k, v in hermetic_env().items() if k != "CI"}
    return on_a_terminal(args, tmp_path, env, stdout=False)


@pytest.mark.slow
def test_progress_on_a_terminal_and_silent_with_quiet(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write(root / "node_modules" / "x.js", size=10)
    assert b"scanning" in _stderr_on_a_terminal(["scan", str(root)], tmp_path)
    assert _stderr_on_a_terminal(["scan", "--quiet", str(root)], tmp_path) == b""


def test_a_scan_leaves_the_cycle_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    from tidy import engine
    from tidy.core.config import Config

    repo = _repo_with_cache(tmp_path / "r")
    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            engine.scan([str(repo)], Config())
            assert gc.isenabled() is state
    finally:
        (gc.enable if was else gc.disable)()
