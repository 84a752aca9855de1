"""What the CI reporters share: a finding's path from the scan root, its stable fingerprint,
its severity, and a few words about its size.

The fingerprint is what `--baseline` matches on and what SARIF/GitLab use to follow a finding
across runs: the rule code, the path from the scan root and the catalogue kind -- never the
size or the message, which change while the finding stays the same one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from tidy.core.models import Finding, Group, Report


def scan_path(group: Group, finding: Finding) -> str:
    """The finding's path relative to the scan root (groups below it get their label in front)."""
    if group.label in ("", "."):
        return finding.path
    if finding.path in ("", "."):
        return group.label
    return f"{group.label}/{finding.path}"


def fingerprint(code: str, path: str, kind: str) -> str:
    identity = "\0".join((code, path, kind)).encode("utf-8", "surrogateescape")
    return hashlib.sha256(identity).hexdigest()


def finding_fingerprint(group: Group, finding: Finding) -> str:
    return fingerprint(finding.code, scan_path(group, finding), finding.kind)


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


def human_bytes(size: int) -> str:
    """Decimal units as humanize prints them, without importing humanize (hooks stay fast)."""
    if size < 1000:
        return f"{size} Byte" + ("s" if size != 1 else "")
    value = float(size)
    for unit in ("kB", "MB", "GB", "TB", "PB"):
        value /= 1000
        if value < 1000 or unit == "PB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def size_words(finding: Finding) -> str:
    size = finding.size
    if size.files > 1:
        return f"{human_bytes(size.apparent)} in {size.files:,} files"
    return human_bytes(size.apparent)
