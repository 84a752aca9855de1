"""TDY203 and TDY206 from a hand-made analysis of a repo's history (no git: the analysis is
git's answer; tests/workspace/test_githistory.py checks that answer against git itself)."""

from __future__ import annotations

from tests.rules.context import context
from tidy.core.models import ActionKind, Tracked
from tidy.rules import history
from tidy.workspace.githistory import HistoryAnalysis, HistoryBlob, Total

BLOB = HistoryBlob("a" * 40, 30_000_000, 29_000_000, "data/dump.sql", "c" * 40,
                   ("data/dump.sql",), ())
SMALL = HistoryBlob("b" * 40, 10_000, 9_000, "notes.txt", "d" * 40, ("notes.txt",),
                    ("notes.txt",))
ANALYSIS = HistoryAnalysis("/r", commits=12, blobs=40, blob_bytes=31_000_000,
                           blob_disk=30_000_000, object_disk=30_100_000, repo_disk=30_200_000,
                           top=(BLOB, SMALL),
                           by_extension=(Total(".sql", 30_000_000, 29_000_000, 1),),
                           by_directory=(Total("data", 30_000_000, 29_000_000, 1),))


def test_tdy203_a_deleted_blob_over_large_file_with_its_removal_command() -> None:
    ctx = context(tracked=["notes.txt"], history=True)
    [found] = history.blob_findings(ctx, ANALYSIS)  # SMALL is under large-file
    assert (found.code, found.path, found.tracked) == ("TDY203", "data/dump.sql",
                                                       Tracked.UNTRACKED)
    assert "deleted but still in history" in found.message
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert ("command", "git filter-repo --invert-paths --path data/dump.sql") in found.details


def test_tdy206_totals_or_the_reason_there_are_none() -> None:
    [summary] = history.size_findings(ANALYSIS)
    assert (summary.code, summary.path, summary.size.files) == ("TDY206", ".", 40)
    assert "by extension: .sql 30.0 MB" in summary.message
    [shallow] = history.size_findings("history not analysed: a shallow clone")
    assert shallow.tracked is Tracked.UNKNOWN and shallow.details == (
        ("error", "history not analysed: a shallow clone"),)


def test_history_rules_stay_quiet_unless_asked() -> None:
    ctx = context(tracked=["a.py"])  # no --history: nothing, and no git started
    assert list(history.check_history_blobs(ctx)) == []
    assert list(history.check_history_size(ctx)) == []


def test_tdy206_of_a_repo_without_commits_names_no_empty_rankings() -> None:
    empty = HistoryAnalysis("/r", commits=0, blobs=0, blob_bytes=0, blob_disk=0, object_disk=0,
                            repo_disk=0, top=(), by_extension=(), by_directory=())
    [summary] = history.size_findings(empty)
    assert summary.message.startswith("history: 0 commits, 0 blobs")
    assert "by extension" not in summary.message and "by folder" not in summary.message
