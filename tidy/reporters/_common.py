"""What the CI reporters share: each finding with its group, its severity, and a few words
about its size (a finding's path from the scan root and its fingerprint are tidy.core.models')."""

from __future__ import annotations

from collections.abc import Iterator

from tidy.core.models import Finding, Group, Report
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
