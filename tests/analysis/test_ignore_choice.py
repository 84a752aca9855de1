"""Choosing ignore rules (the fewest that cover the targets) and verifying each with git."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.fixes.ignore.journaled import write_journaled
from tidy.analysis import ignore_choice as ir
from tidy.core.catalog import load_builtin
from tidy.fixes.ignore import plan as ignore_plan

KINDS = {k.name: k for k in load_builtin()}


def _target(path: str, kind: str) -> ir.Target:
    return ir.Target(path, KINDS[kind].type == "dir", KINDS[kind])


# ---------------------------------------------------------------- choosing

def test_one_rule_for_every_pycache_anchored_for_one_place() -> None:
    targets = [_target(f"pkg{i}/__pycache__", "__pycache__") for i in range(5)]
    targets += [_target("frontend/.next", ".next"), _target("frontend/node_modules",
                                                            "node_modules")]
    targets.append(_target("pkg0/__pycache__/inner/__pycache__", "__pycache__"))
    rules = {c.pattern: c.targets for c in ir.choose_rules(targets)}
    assert set(rules) == {"__pycache__/", "node_modules/", "/frontend/.next/"}
    assert len(rules["__pycache__/"]) == 5  # the nested one is covered by its parent


def test_ambiguous_names_are_always_anchored() -> None:
    targets = [_target("a/build", "python-build"), _target("b/build", "python-build")]
    assert [c.pattern for c in ir.choose_rules(targets)] == ["/a/build/", "/b/build/"]


def test_same_output_in_two_projects_gets_one_rule() -> None:
    targets = [_target("web/.next", ".next"), _target("docs/.next", ".next")]
    assert [c.pattern for c in ir.choose_rules(targets)] == [".next/"]


def test_file_kinds_use_their_glob() -> None:
    targets = [_target("a/x.pyc", "pyc"), _target(".DS_Store", "os-junk")]
    assert {c.pattern for c in ir.choose_rules(targets)} == {"*.pyc", ".DS_Store"}


def test_special_characters_are_escaped(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    (repo / "we[i]rd #1" / ".next").mkdir(parents=True)
    candidate = ir.choose_rules([_target("we[i]rd #1/.next", ".next")])
    assert candidate[0].pattern == "/we\\[i\\]rd \\#1/.next/"
    assert ir.verify_rules(str(repo), candidate)[0].ok


# ---------------------------------------------------------------- verifying with git

def test_rule_that_would_hide_a_tracked_file_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "keep" / "__pycache__" / "fixture.pyc", b"tracked on purpose")
    commit(repo, "keep")
    write(repo / "pkg" / "__pycache__" / "m.pyc", b"x")
    verdicts = ir.verify_rules(str(repo), [ir.Candidate("__pycache__/", ("pkg/__pycache__",))])
    assert not verdicts[0].ok
    assert "tracked file keep/__pycache__/fixture.pyc" in verdicts[0].reason
    # git agrees that the rule would have made it a tracked-but-ignored file
    assert git(repo, "ls-files", "-ci", "--exclude=__pycache__/").strip() == \
        "keep/__pycache__/fixture.pyc"


def test_a_committed_copy_of_the_kind_does_not_block_its_rule(tmp_path: Path) -> None:
    """Issue 17 point 5: `__pycache__/` is written although `keep/__pycache__/x.pyc` is
    committed (TDY102 untracks that one); `.DS_Store` likewise. A tracked file of another
    kind still blocks the rule, and a `*.pyc` rule is still refused over a tracked legacy
    `mod.pyc` (Python imports it: it may be shipped code)."""
    repo = make_repo(tmp_path / "r")
    for rel in ("keep/__pycache__/x.pyc", "static/.DS_Store", "lib/mod.pyc",
                "data/__pycache__.txt"):
        write(repo / rel, b"tracked")
    commit(repo)
    for rel in ("pkg/__pycache__/m.pyc", "pkg/.DS_Store", "old/stray.pyc"):
        write(repo / rel, b"x")
    candidates = ir.choose_rules([_target("pkg/__pycache__", "__pycache__"),
                                  _target("pkg/.DS_Store", "os-junk"),
                                  _target("old/stray.pyc", "pyc")])
    verdicts = {v.pattern: v for v in ir.verify_rules(str(repo), candidates)}
    assert verdicts["__pycache__/"].ok and verdicts[".DS_Store"].ok
    assert not verdicts["*.pyc"].ok
    assert "tracked file keep/__pycache__/x.pyc and 1 more" in verdicts["*.pyc"].reason


def test_rule_that_a_negation_defeats_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / ".gitignore", "!/web/.next/\n")
    (repo / "web" / ".next").mkdir(parents=True)
    verdicts = ir.verify_rules(str(repo), [ir.Candidate("/web/.next/", ("web/.next",))])
    assert not verdicts[0].ok
    assert "git does not ignore web/.next" in verdicts[0].reason
    assert ".gitignore:1:!/web/.next/" in verdicts[0].reason


def test_accepted_rules_ignore_every_target(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "a.py", "x = 1\n")
    commit(repo, "a.py")
    for folder in ("pkg/__pycache__", "web/.next", "node_modules"):
        write(repo / folder / "f", "x")
    targets = [_target("pkg/__pycache__", "__pycache__"), _target("web/.next", ".next"),
               _target("node_modules", "node_modules")]
    plan = ignore_plan.plan_fixes(str(repo), targets)
    assert all(v.ok for v in plan.verdicts)
    assert write_journaled(str(repo), plan.edits)[1] == []
    status = git(repo, "status", "--porcelain", "--untracked-files=all")
    assert status.split() == ["??", ".gitignore"]


def test_a_rule_that_matches_no_tracked_file_is_verified_without_listing_the_index_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fix-scale round 2: a workspace of 2,000 repos paid five gits per repo for its rule.
    Rules that only exclude and match no tracked file on their own cannot newly hide one:
    the two `ls-files --ignored --exclude-standard` listings (before and after the rules)
    are not run. A rule that does match a tracked file still is (the test above)."""
    from tests.git_calls import GitRecorder

    repo = make_repo(tmp_path / "r")
    write(repo / "package.json", "{}\n")
    commit(repo)
    write(repo / "node_modules" / "dep" / "index.js", "module.exports = 1\n")
    recorder = GitRecorder(tmp_path / "git")
    monkeypatch.setenv("PATH", recorder.env()["PATH"])
    verdicts = ir.verify_rules(str(repo), [ir.Candidate("node_modules/", ("node_modules",))])
    assert verdicts[0].ok, verdicts[0].reason
    # (`config --show-scope`: which filters the repo's config sets, asked once per process)
    calls = [c for c in recorder.calls() if not c.asks("--show-scope")]
    assert not [c for c in calls if c.asks("--exclude-standard")], calls
    # core.excludesFile, check-ignore with the rules, the index against the rules alone
    assert len(calls) == 3, calls
