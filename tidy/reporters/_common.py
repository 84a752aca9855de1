"""What the CI reporters share: each finding with its group, its severity, and a few words
about its size (a finding's path from the scan root and its fingerprint are tidy.core.models')."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from tidy.core.models import ActionKind, Applicability, Finding, Group, Report, scan_path
from tidy.core.units import counted, human_bytes

__all__ = ["FIX_MARKS", "anchor_of", "counted", "each_finding", "fix_label", "fix_sentence",
           "git_state", "groups_said", "level", "size_words"]

# The fix column names the fix kind JSON's fix.action names; the mark says what `tidy fix`
# needs to apply it (JSON's fix.applicability). A fix of kind "none" is advice: no mark.
FIX_MARKS = {Applicability.SAFE: "", Applicability.UNSAFE: "*", Applicability.DISPLAY_ONLY: "**"}


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


def fix_sentence(finding: Finding) -> str:
    """ " Fix: <what to do>." after a CI message; one full stop, whether or not the fix's
    description ends with one (budgets' do)."""
    if finding.fix is None:
        return ""
    description = finding.fix.description
    return f" Fix: {description}" + ("" if description.endswith(".") else ".")


def fix_label(finding: Finding) -> str:
    """The fix column's word for a finding (`tidy scan`'s table, `tidy browse`): its fix kind
    and mark, `git-rm**`, `untrack*`, `trash`, `none` ("-": no fix at all)."""
    fix = finding.fix
    if fix is None:
        return "-"
    kind = str(fix.action.value)
    return kind if fix.action is ActionKind.NONE else kind + FIX_MARKS[fix.applicability]


def anchor_of(group: Group, finding: Finding) -> tuple[str, int]:
    """The file (from the scan root) and line a result points at: the finding's anchor, else
    its own path at line 1."""
    if finding.anchor is None:
        return scan_path(group, finding), 1
    located = dataclasses.replace(finding, path=finding.anchor.path)
    return scan_path(group, located), finding.anchor.line


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
