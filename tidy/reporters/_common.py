"""What the CI reporters share: each finding with its group, its severity, and a few words
about its size (a finding's path from the scan root and its fingerprint are tidy.core.models')."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from tidy.core.models import Finding, Group, Report, scan_path
from tidy.core.units import human_bytes


def each_finding(report: Report) -> Iterator[tuple[Group, Finding]]:
    for group in report.groups:
        for finding in group.findings:
            yield group, finding


def level(finding: Finding) -> str:
    """error: over budget; note: a local, safely removable cache; warning: everything else."""
    if finding.fails:
        return "error"
    if finding.code in ("TDY101", "TDY103"):
        return "note"
    return "warning"


def size_words(finding: Finding) -> str:
    size = finding.size
    if size.files > 1:
        return f"{human_bytes(size.apparent)} in {size.files:,} files"
    return human_bytes(size.apparent)


def anchor_of(group: Group, finding: Finding) -> tuple[str, int]:
    """The file (from the scan root) and line a result points at: the finding's anchor, else
    its own path at line 1."""
    if finding.anchor is None:
        return scan_path(group, finding), 1
    located = dataclasses.replace(finding, path=finding.anchor.path)
    return scan_path(group, located), finding.anchor.line


def counted(count: int, word: str, plural: str = "") -> str:
    """ "1 file", "2 files", "1,204 files"."""
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def groups_said(groups: Sequence[Group]) -> str:
    """ "1 repo", "3 repos and 1 plain folder": what the groups of a report are, in words."""
    repos = sum(1 for g in groups if g.is_repo)
    folders = len(groups) - repos
    parts = ([counted(repos, "repo")] if repos or not folders else []) + (
        [counted(folders, "plain folder")] if folders else [])
    return " and ".join(parts)


def git_state(group: Group, finding: Finding) -> str:
    """JSON's `tracked`, except in a plain folder: no git there, so no git state."""
    return finding.tracked.value if group.is_repo else "not in git"
