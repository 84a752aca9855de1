"""TDY101-TDY104 on hand-made contexts: the checks alone, in milliseconds (tests.rules.context).

Through a real walk and git: tests/rules/test_scan_rules.py.
"""

from __future__ import annotations

from tests.rules.context import context, hit
from tidy.core.models import NESTED_REPO_DETAIL, ActionKind, Applicability, Tracked
from tidy.rules import artifacts


def test_tdy101_an_untracked_cache_goes_to_the_trash_safely() -> None:
    ctx = context(hits=[hit("pkg/__pycache__", "__pycache__", files=3, size=3000)],
                  tracked=["pkg/a.py"])
    [found] = artifacts.check_untracked_artifacts(ctx)
    assert (found.code, found.rule, found.path) == ("TDY101", "untracked-artifact",
                                                    "pkg/__pycache__")
    assert found.tracked is Tracked.UNTRACKED and found.size.apparent == 3000
    assert found.fix is not None
    assert (found.fix.action, found.fix.applicability) == (ActionKind.TRASH, Applicability.SAFE)


def test_tdy101_nothing_moves_where_git_cannot_answer_or_a_repo_is_inside() -> None:
    unknown = context(hits=[hit("node_modules", "node_modules")], tracked=[],
                      git_error="dubious ownership")
    [found] = artifacts.check_untracked_artifacts(unknown)
    assert found.tracked is Tracked.UNKNOWN and found.fix is not None
    assert found.fix.action is ActionKind.NONE
    nested = context(hits=[hit("node_modules", "node_modules", nested=["dep/.git"])],
                     tracked=[])
    [held] = artifacts.check_untracked_artifacts(nested)
    assert held.fix is not None and held.fix.action is ActionKind.NONE
    assert (NESTED_REPO_DETAIL, "node_modules/dep/.git") in held.details


def test_tdy102_a_committed_cache_is_untracked_not_trashed() -> None:
    ctx = context(hits=[hit("node_modules", "node_modules", files=3)],
                  tracked=["node_modules/.package-lock.json", "node_modules/a/index.js",
                           "node_modules/b/index.js", "app.js"])
    assert list(artifacts.check_untracked_artifacts(ctx)) == []
    [found] = artifacts.check_committed_artifacts(ctx)
    assert (found.code, found.tracked) == ("TDY102", Tracked.TRACKED)
    assert ("tracked files", "3") in found.details
    assert found.fix is not None
    assert (found.fix.action, found.fix.applicability) == (ActionKind.UNTRACK,
                                                           Applicability.UNSAFE)


def test_tdy102_a_cache_committed_as_a_test_fixture_is_test_input() -> None:
    tracked = ["test/fixtures/basic/node_modules/dep/index.js", "testdata/venv/__pycache__/a.pyc",
               "src/__pycache__/b.pyc"]
    ctx = context(hits=[hit("test/fixtures/basic/node_modules", "node_modules"),
                        hit("testdata/venv/__pycache__", "__pycache__"),
                        hit("src/__pycache__", "__pycache__")], tracked=tracked)
    assert [f.path for f in artifacts.check_committed_artifacts(ctx)] == ["src/__pycache__"]


def test_tdy102_a_tracked_build_folder_is_source() -> None:
    ctx = context(hits=[hit("build", "python-build", files=1)], tracked=["build/tool.py"])
    assert list(artifacts.check_committed_artifacts(ctx)) == []


def test_tdy103_stale_pyc_files_and_a_sourceless_legacy_pyc() -> None:
    ctx = context(hits=[hit("pkg/__pycache__", "__pycache__", files=2,
                            stale=["gone.cpython-311.pyc"])],
                  tracked=[], stale_legacy_pyc=[("lib/core.pyc", 500)])
    stale, legacy = artifacts.check_stale_bytecode(ctx)
    assert (stale.code, stale.path, stale.size.files) == ("TDY103", "pkg/__pycache__", 1)
    assert ("stale", "gone.cpython-311.pyc") in stale.details
    assert stale.fix is not None and stale.fix.applicability is Applicability.SAFE
    assert (legacy.path, legacy.size.apparent) == ("lib/core.pyc", 500)
    assert legacy.fix is not None and legacy.fix.action is ActionKind.NONE  # never moved


def test_tdy104_os_metadata_trashed_committed_backups_left_alone() -> None:
    loose = context(hits=[hit(".DS_Store", "os-junk")], tracked=[])
    [junk] = artifacts.check_junk(loose)
    assert junk.code == "TDY104" and junk.fix is not None
    assert (junk.fix.action, junk.fix.applicability) == (ActionKind.TRASH, Applicability.SAFE)
    committed = context(hits=[hit("notes.txt~", "editor-swap")], tracked=["notes.txt~"])
    [backup] = artifacts.check_junk(committed)
    assert backup.message.endswith("(committed)") and backup.fix is not None
    assert backup.fix.action is ActionKind.NONE
    assert list(artifacts.check_untracked_artifacts(loose)) == []  # junk is TDY104's alone
