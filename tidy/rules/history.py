"""2xx: what git history holds (`tidy scan --history`). TDY203 big blobs, TDY206 totals.

tidy never rewrites history: each finding names the exact `git filter-repo` or
`git lfs migrate` command that would, for the user to run on a fresh clone.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from typing import TYPE_CHECKING

import humanize

from tidy.core.models import ActionKind, Applicability, Finding, Fix, Size, Tracked
from tidy.rules.base import GroupContext, Rule, per_context
from tidy.rules.size import hosting_note
from tidy.workspace.git import GitUnavailable

if TYPE_CHECKING:  # the history walk loads when --history asks for it
    from tidy.workspace.githistory import HistoryAnalysis, HistoryBlob, Total

# GitHub's repository guidance (research/bloat-ci.md section 7).
_GITHUB_IDEAL = 1_000_000_000
_GITHUB_STRONG = 5_000_000_000
_GITHUB_MAX_DISK = 10_000_000_000


def _size(n: int) -> str:
    return humanize.naturalsize(n, binary=False)


@per_context
def _analysis(ctx: GroupContext) -> HistoryAnalysis | str:
    """The group's history analysis, or a one-line reason it could not be made."""
    from tidy.workspace.githistory import ShallowClone, analyze

    try:
        return analyze(ctx.root, top=max(0, ctx.config.history_top))
    except ShallowClone as error:
        return str(error)
    except GitUnavailable as error:
        return f"history not analysed: {error}"


def _wanted(ctx: GroupContext) -> bool:
    return ctx.config.history and ctx.is_repo and ctx.git is not None


def removal_command(blob: HistoryBlob, paths_at_head: frozenset[str]) -> str:
    """The command that would take this blob out of history (run on a fresh clone)."""
    living = [p for p in blob.paths if p in paths_at_head]
    if living:
        includes = ",".join(living)
        return f"git lfs migrate import --everything --include={shlex.quote(includes)}"
    paths = " ".join(f"--path {shlex.quote(p)}" for p in blob.paths)
    return f"git filter-repo --invert-paths {paths}"


def _state(blob: HistoryBlob, paths_at_head: frozenset[str]) -> str:
    if blob.at_head:
        return f"still at HEAD as {', '.join(blob.head_paths)}"
    living = [p for p in blob.paths if p in paths_at_head]
    if living:
        return f"an older version of {', '.join(living)} (still in history)"
    return "deleted but still in history"


def _blob_finding(ctx: GroupContext, blob: HistoryBlob, analysis: HistoryAnalysis) -> Finding:
    state = _state(blob, analysis.head_paths)
    command = removal_command(blob, analysis.head_paths)
    path = blob.head_paths[0] if blob.head_paths else blob.path
    note = hosting_note(blob.size)
    message = (f"blob {blob.sha[:12]} of {_size(blob.size)} ({_size(blob.disk)} packed), "
               f"{state}; added in commit {blob.commit[:12]}"
               + (f"; {note}" if note else ""))
    tracked = ctx.git is not None and ctx.git.is_tracked(path)
    return BIG_BLOB_IN_HISTORY.finding(
        path,
        message,
        size=Size(blob.size, blob.disk, 1, 0),
        tracked=Tracked.TRACKED if tracked else Tracked.UNTRACKED,
        ignored=ctx.ignored(path),
        fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                f"on a fresh clone: {command}; then force-push and have everyone re-clone"),
        details=(
            ("blob", blob.sha),
            ("size", str(blob.size)),
            ("packed_size", str(blob.disk)),
            ("added_in", blob.commit),
            ("paths", ", ".join(blob.paths)),
            ("state", "at-head" if blob.at_head else "history-only"),
            ("command", command),
        ),
    )


def check_history_blobs(ctx: GroupContext) -> Iterator[Finding]:
    if not _wanted(ctx):
        return
    analysis = _analysis(ctx)
    if not isinstance(analysis, str):
        yield from blob_findings(ctx, analysis)


def blob_findings(ctx: GroupContext, analysis: HistoryAnalysis) -> Iterator[Finding]:
    """TDY203 from an analysis of the repo's history (git's answer, made by _analysis)."""
    for blob in analysis.top:
        if blob.size >= ctx.config.large_file:
            yield _blob_finding(ctx, blob, analysis)


def _ranking(totals: tuple[Total, ...], limit: int = 5) -> str:
    return ", ".join(f"{t.name} {_size(t.size)}" for t in totals[:limit])


def _repo_note(disk: int) -> str:
    if disk >= _GITHUB_MAX_DISK:
        return "over GitHub's 10 GB on-disk repository limit"
    if disk >= _GITHUB_STRONG:
        return "over the 5 GB GitHub strongly recommends"
    if disk >= _GITHUB_IDEAL:
        return "over the 1 GB GitHub recommends"
    return ""


def _summary(analysis: HistoryAnalysis) -> Finding:
    note = _repo_note(analysis.repo_disk)
    message = (
        f"history: {analysis.commits:,} commits, {analysis.blobs:,} blobs of "
        f"{_size(analysis.blob_bytes)} ({_size(analysis.blob_disk)} packed); object store "
        f"{_size(analysis.repo_disk)} on disk" + (f", {note}" if note else "")
        + (f"; by extension: {_ranking(analysis.by_extension)}"
           f"; by folder: {_ranking(analysis.by_directory)}" if analysis.blobs else "")
    )
    details = [
        ("commits", str(analysis.commits)), ("blobs", str(analysis.blobs)),
        ("blob_bytes", str(analysis.blob_bytes)), ("blob_packed_bytes", str(analysis.blob_disk)),
        ("reachable_packed_bytes", str(analysis.object_disk)),
        ("repo_disk_bytes", str(analysis.repo_disk)),
    ]
    for label, totals in (("extension", analysis.by_extension), ("folder", analysis.by_directory)):
        details += [(f"{label} {t.name}", f"{t.size} {t.disk} {t.blobs}") for t in totals]
    return HISTORY_SIZE.finding(
        ".", message,
        size=Size(analysis.blob_bytes, analysis.repo_disk, analysis.blobs, 0),
        tracked=Tracked.TRACKED, details=tuple(details),
    )


def check_history_size(ctx: GroupContext) -> Iterator[Finding]:
    if _wanted(ctx):
        yield from size_findings(_analysis(ctx))


def size_findings(analysis: HistoryAnalysis | str) -> Iterator[Finding]:
    """TDY206 from an analysis of the repo's history, or the reason there is none."""
    if isinstance(analysis, str):
        yield HISTORY_SIZE.finding(".", analysis, tracked=Tracked.UNKNOWN,
                                   details=(("error", analysis),))
        return
    if analysis.commits == 0:  # a new repo: nothing to rank (no "by extension: ; by folder: ")
        yield HISTORY_SIZE.finding(".", "history: no commits yet", tracked=Tracked.UNKNOWN,
                                   details=(("commits", "0"),))
        return
    yield _summary(analysis)


BIG_BLOB_IN_HISTORY = Rule(
    "TDY203", "big-blob-in-history",
    "One of the biggest blobs ever committed (`tidy scan --history`, over `large-file`)",
    """What: a blob in the history of any branch or tag, among the `--top N` biggest
(default 10) and over `large-file` (default 1 MB): its size, packed size, every path it had,
the commit that added it, and whether it is still at HEAD or "deleted but still in history".
Why: every clone downloads every blob ever pushed, deleted or not; GitHub and GitLab.com
reject pushes that contain a blob over 100 MiB even when a later commit deletes it.
Fix (display only, tidy never rewrites history): on a fresh clone run
`git filter-repo --invert-paths --path PATH` for deleted paths, or
`git lfs migrate import --everything --include=PATH` for files you keep; force-push, re-clone.""",
    check_history_blobs, Applicability.DISPLAY_ONLY,
)
HISTORY_SIZE = Rule(
    "TDY206", "history-size",
    "History in numbers (`tidy scan --history`): blobs, packed size, top extensions, folders",
    """What: the repository's history in numbers: commits, unique blobs, their unpacked and
packed size, the object store on disk, and the biggest extensions and folders (each blob counted
once, under the first path git lists it with; folders include their subfolders). A shallow clone
gets a message instead: its history is cut off.
Why: GitHub recommends repositories under 1 GB (under 5 GB strongly; 10 GB on disk at most).
Fix: none by itself; TDY203 names the blobs worth removing.""",
    check_history_size, Applicability.DISPLAY_ONLY,
)
RULES = (BIG_BLOB_IN_HISTORY, HISTORY_SIZE)
