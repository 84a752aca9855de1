"""2xx: size. Large tracked files, and files over the hard limit that should fail a build."""

from __future__ import annotations

from collections.abc import Iterator

import humanize

from tidy.models import ActionKind, Applicability, Finding, Fix, Size, Tracked
from tidy.rules.base import GroupContext, Rule

# Hosting limits that bite (research/bloat-ci.md section 7).
_GITHUB_WARN = 50 * 1024 * 1024
_GITHUB_BLOCK = 100 * 1024 * 1024

_ADVICE = Fix(
    ActionKind.NONE,
    Applicability.DISPLAY_ONLY,
    "move it to Git LFS (git lfs migrate import --include=PATH) or out of the repo",
)


def hosting_note(size: int) -> str:
    """What the big hosts do with a blob this size (GitHub: warn 50 MiB, block 100 MiB;
    GitLab.com Free: block 100 MiB)."""
    if size >= _GITHUB_BLOCK:
        return "GitHub and GitLab.com reject pushes with a file over 100 MiB"
    if size >= _GITHUB_WARN:
        return "GitHub warns on pushes with a file over 50 MiB"
    return ""


def _large_tracked(ctx: GroupContext) -> Iterator[tuple[str, int]]:
    if ctx.git is None or not ctx.git.known:
        return
    for big in ctx.big_files:
        if big.bytes >= ctx.config.large_file and ctx.git.is_tracked(big.rel):
            yield big.rel, big.bytes


def _finding(code: str, name: str, rel: str, size: int, message: str, ctx: GroupContext) -> Finding:
    note = hosting_note(size)
    return Finding(
        code=code,
        rule=name,
        path=rel,
        message=message + (f"; {note}" if note else ""),
        size=Size(size, size, 1, 0),
        surface=ctx.surface.under(rel),
        tracked=Tracked.TRACKED,
        ignored=ctx.ignored(rel),
        fix=_ADVICE,
    )


def check_large_files(ctx: GroupContext) -> Iterator[Finding]:
    limit = ctx.config.large_file
    for rel, size in _large_tracked(ctx):
        if size < ctx.config.max_file_size:
            message = f"tracked file of {humanize.naturalsize(size)} (over {humanize.naturalsize(limit)})"
            yield _finding("TDY201", "large-tracked-file", rel, size, message, ctx)


def check_oversized_files(ctx: GroupContext) -> Iterator[Finding]:
    limit = ctx.config.max_file_size
    for rel, size in _large_tracked(ctx):
        if size >= limit:
            message = f"tracked file of {humanize.naturalsize(size)} is over the limit of {humanize.naturalsize(limit)}"
            yield _finding("TDY202", "oversized-tracked-file", rel, size, message, ctx)


RULES = (
    Rule(
        "TDY201", "large-tracked-file",
        "A tracked file over the `large-file` threshold (default 1 MB)",
        """What: a file git tracks whose size is over `large-file` (default 1 MB).
Why: every clone downloads it and every version of it stays in history.
Fix (display only): move it to Git LFS or out of the repository.""",
        check_large_files, "display-only",
    ),
    Rule(
        "TDY202", "oversized-tracked-file",
        "A tracked file over `max-file-size` (default 50 MB): fails the scan",
        """What: a tracked file over `max-file-size` (default 50 MB; GitHub warns at 50 MiB
and rejects 100 MiB).
Why: pushes fail or warn, clones crawl.
Fix (display only): git lfs migrate import, or remove it from history with git filter-repo.""",
        check_oversized_files, "display-only",
    ),
)
