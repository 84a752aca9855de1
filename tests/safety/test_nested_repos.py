"""Issue 14, point 1: a cache that holds a checkout is never moved.

A dependency installed from git (`node_modules/dep/.git`), a checkout with a `.git` FILE inside
Cargo's target/ (what `git submodule`/`git worktree` leave), a Composer package installed from
source with its `.hg`: each may hold commits and edits that exist nowhere else. The scan names
the checkout, `tidy fix` (with or without --unsafe-fixes) and `tidy watch --once` leave every
byte in place. The same trees without the checkouts are moved by the same commands: that is
what proves the checkout, and nothing else, is what keeps them.
"""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from tests.conftest import commit, findings, git, make_repo, scan_foundation, scan_json, write
from tests.fixes.helpers import run_tidy, snapshot
from tests.watch.helpers import DAY, set_age
from tidy.core.catalog import CACHEDIR_SIGNATURE

# (group, artifact, the checkout's marker inside it, relative to the group)
CHECKOUTS = [
    ("web", "node_modules", "node_modules/dep/.git"),
    ("crate", "target", "target/debug/build/gen-1f2e/out/vendored/.git"),
    ("php", "vendor", "vendor/acme/lib/.hg"),
]


def _workspace(tmp_path: Path, with_checkouts: bool) -> Path:
    """Three projects whose caches hold checkouts (or, as the control, the same files without
    the version-control markers), everything 60 days old so `tidy watch` would act."""
    upstream = make_repo(tmp_path / "upstream")
    write(upstream / "index.js", "module.exports = 1;\n")
    commit(upstream)
    root = tmp_path / "ws"

    web = make_repo(root / "web")
    write(web / "package.json", '{"dependencies": {"dep": "git+file:../upstream"}}\n')
    write(web / "node_modules" / "left-pad" / "index.js", "module.exports = 0;\n")
    dep = web / "node_modules" / "dep"
    if with_checkouts:
        git(tmp_path, "clone", "-q", str(upstream), str(dep))
        write(dep / "index.js", "module.exports = 2; // an unpushed commit\n")
        commit(dep, "index.js", message="work that exists only here")
        write(dep / "index.js", "module.exports = 3; // an edit not committed at all\n")
    else:
        write(dep / "index.js", "module.exports = 1;\n")

    crate = make_repo(root / "crate")
    write(crate / "Cargo.toml", '[package]\nname = "crate"\n')
    target = crate / "target"
    write(target / "CACHEDIR.TAG", CACHEDIR_SIGNATURE + b"\n# created by cargo\n")
    write(target / ".rustc_info.json", "{}")
    vendored = target / "debug" / "build" / "gen-1f2e" / "out" / "vendored"
    write(vendored / "lib.rs", "pub fn only_copy() {}\n")
    if with_checkouts:  # a `.git` file, as a submodule or `git worktree add` leaves
        write(vendored / ".git", "gitdir: /home/someone/src/vendored/.git/worktrees/v\n")

    php = make_repo(root / "php")
    write(php / "composer.json", "{}\n")
    write(php / "vendor" / "autoload.php", "<?php\n")
    write(php / "vendor" / "composer" / "installed.json", "{}\n")
    write(php / "vendor" / "acme" / "lib" / "src" / "Lib.php", "<?php // edited in place\n")
    if with_checkouts:  # composer install --prefer-source of a Mercurial package
        write(php / "vendor" / "acme" / "lib" / ".hg" / "requires", "store\n")
        write(php / "vendor" / "acme" / "lib" / ".hg" / "store" / "00changelog.i", b"\0" * 64)

    for project in ("web", "crate", "php"):
        set_age(root / project, 60 * DAY)
    return root


def _artifacts(root: Path) -> dict[str, Path]:
    return {artifact: root / group / artifact for group, artifact, _ in CHECKOUTS}


def _contents(root: Path) -> dict[str, object]:
    """Every byte, mode and mtime inside each artifact, its checkout's .git included."""
    return {name: snapshot(path, skip_git=False) if path.exists() else None
            for name, path in _artifacts(root).items()}


def test_scan_names_the_checkout_and_offers_no_safe_fix(tmp_path: Path) -> None:
    root = _workspace(tmp_path, with_checkouts=True)
    report = scan_foundation(root)
    found = {f["path"]: f for f in findings(report, "TDY101")}
    for _, artifact, marker in CHECKOUTS:
        finding = found[artifact]
        assert f"holds a repository: {marker}; never moved" in finding["message"]
        assert ["nested repository", marker] in finding["details"]
        assert finding["fix"]["applicability"] != "safe"
        assert finding["fix"]["action"] == "none"
    for group in report["groups"]:
        assert group["reclaimable"]["bytes"] == 0, group["label"]


@pytest.mark.slow
def test_the_text_report_says_where_the_checkout_is(tmp_path: Path) -> None:
    root = _workspace(tmp_path, with_checkouts=True)
    result = run_tidy("scan", "--select", "TDY101", str(root), cwd=root, state=tmp_path / "s")
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())  # the table wraps long messages at word breaks
    for _, _, marker in CHECKOUTS:
        assert f"holds a repository: {marker}; never moved" in text, result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("flags", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_fix_leaves_every_byte_of_a_cache_with_a_checkout(
    tmp_path: Path, flags: tuple[str, ...]
) -> None:
    root = _workspace(tmp_path, with_checkouts=True)
    before = _contents(root)
    state = tmp_path / "state"
    plan = run_tidy("fix", "--dry-run", "--format", "json", "--select", "TDY1", *flags,
                    cwd=root, state=state)
    assert plan.returncode == 0, plan.stderr
    document = json.loads(plan.stdout)
    left_out = {item["path"]: item["reason"] for item in document["plan"]["left_out"]}
    for group, artifact, marker in CHECKOUTS:
        reason = left_out[str(root / group / artifact)]
        assert reason.startswith(f"holds a repository: {marker}; never moved"), reason

    done = run_tidy("fix", "--yes", "--select", "TDY1", *flags, cwd=root, state=state)
    assert done.returncode in (0, 1), done.stderr
    assert _contents(root) == before
    dep = root / "web" / "node_modules" / "dep"
    assert "work that exists only here" in git(dep, "log", "-1", "--format=%s")
    assert git(dep, "status", "--porcelain").strip() == "M index.js"


@pytest.mark.slow
def test_fix_moves_the_same_caches_without_the_checkouts(tmp_path: Path) -> None:
    """The control: nothing but the version-control markers kept the caches above."""
    root = _workspace(tmp_path, with_checkouts=False)
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=root, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert {name: path.exists() for name, path in _artifacts(root).items()} == {
        name: False for name in _artifacts(root)}


@pytest.mark.slow
@pytest.mark.parametrize("with_checkouts", [True, False], ids=["checkouts", "control"])
def test_watch_once_never_moves_a_cache_with_a_checkout(
    tmp_path: Path, with_checkouts: bool
) -> None:
    root = _workspace(tmp_path, with_checkouts)
    before = _contents(root)
    state = tmp_path / "state"
    once = run_tidy("watch", "--once", str(root), "--format", "json", cwd=root, state=state)
    assert once.returncode == 0, once.stderr
    moved = {a["path"] for a in json.loads(once.stdout)["actions"] if a["status"] == "done"}
    artifacts = {str(path) for path in _artifacts(root).values()}
    if with_checkouts:
        assert moved.isdisjoint(artifacts), moved
        assert _contents(root) == before
    else:
        assert artifacts <= moved


def test_every_checkout_is_found_whichever_process_measures_it(tmp_path: Path) -> None:
    """A node_modules big enough to be measured by forked workers (and, with sharing, found
    inside a worker's part of the tree): every marker `find` sees is named, at any depth."""
    from tidy import engine
    from tidy.workspace.walk import WalkOptions

    root = tmp_path / "code"
    app = make_repo(root / "team" / "app")
    write(app / "package.json", "{}")
    modules = app / "node_modules"
    for i in range(120):
        write(modules / f"pkg{i:03d}" / "lib" / "index.js", size=i)
    (modules / "pkg007" / ".git").mkdir()
    write(modules / "pkg050" / "lib" / "deep" / "fork" / ".git", "gitdir: /elsewhere\n")
    (modules / "pkg099" / "vendored" / ".svn").mkdir(parents=True)
    write(modules / ".pnpm" / "x@1" / "node_modules" / "x" / "_FOSSIL_", size=10)
    listed = subprocess.run(
        ["find", ".", "(", "-name", ".git", "-o", "-name", ".svn", "-o", "-name", "_FOSSIL_",
         ")", "-printf", "%P\\n"], cwd=modules, capture_output=True, text=True, check=True)
    expected = sorted(f"node_modules/{line}" for line in listed.stdout.split())
    assert len(expected) == 4

    def nested(share_above: int, part_budget: int = 25_000) -> list[Any]:
        options = functools.partial(WalkOptions, share_above=share_above, share_after=0,
                                    part_budget=part_budget)
        with mock.patch.object(engine, "WalkOptions", options):
            report = scan_json(root, "--no-record", "--select", "TDY101")
        (finding,) = [f for f in findings(report) if f["path"] == "node_modules"]
        return sorted(value for key, value in finding["details"] if key == "nested repository")

    assert nested(0) == nested(1) == nested(1, part_budget=2) == expected


# How each marker exists on disk: every one as a folder; as a file, git's `gitdir:` file,
# Fossil's checkout databases; as a link, a `.git` pointing at the repository.
_FILE_MARKERS = {".git", ".fslckout", "_FOSSIL_"}


def test_every_version_control_marker_is_found_as_what_it_can_be(tmp_path: Path) -> None:
    from tidy.core.catalog import VCS_MARKERS

    # measure.py compares a visible plain file with "_FOSSIL_" only: a new marker that is a
    # file without a leading dot must be added there (and here).
    assert {m for m in VCS_MARKERS if not m.startswith(".")} == {"_FOSSIL_", "_darcs", "CVS"}
    root = tmp_path / "proj"
    write(root / "package.json", "{}")
    modules = root / "node_modules"
    expected = []
    for i, marker in enumerate(sorted(VCS_MARKERS)):
        (modules / f"dir{i}" / marker).mkdir(parents=True)
        expected.append(f"node_modules/dir{i}/{marker}")
        if marker in _FILE_MARKERS:
            write(modules / f"file{i}" / marker, "gitdir: /elsewhere\n")
            expected.append(f"node_modules/file{i}/{marker}")
    (modules / "linked").mkdir()
    (modules / "linked" / ".git").symlink_to(tmp_path / "elsewhere.git")
    expected.append("node_modules/linked/.git")
    write(modules / "hard" / "a" / ".git", "gitdir: /elsewhere\n")
    (modules / "hard" / "b").mkdir()
    (modules / "hard" / "b" / ".git").hardlink_to(modules / "hard" / "a" / ".git")
    expected += ["node_modules/hard/a/.git", "node_modules/hard/b/.git"]
    write(modules / "plain" / "git", "not a marker\n")
    write(modules / "plain" / ".gitkeep", "")
    write(modules / "plain" / "_FOSSIL_.md", "")

    (finding,) = findings(scan_foundation(root))
    found = sorted(value for key, value in finding["details"] if key == "nested repository")
    assert found == sorted(expected)
