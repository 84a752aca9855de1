"""`--baseline`: a JSON report (`tidy scan --format json -o baseline.json`) of an earlier scan.

A failing finding whose fingerprint (rule code, path from the scan root, kind) is in the
baseline with at least as many bytes and files no longer fails: only what is new or grew does,
so a team can adopt tidy on an old repository. The baseline is a file the user hands in: read
as a regular file only, every field checked, a bad one a one-line error (exit 2).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from tidy.core.config import ConfigError
from tidy.core.models import Finding, Group, Report, fingerprint, scan_path
from tidy.core.safe_files import UnsafeFile, read_regular


class BaselineError(ConfigError):
    """The baseline file is missing or not a tidy JSON report: exit code 2."""


def load_baseline(path: str) -> dict[str, tuple[int, int]]:
    """fingerprint -> (bytes, files) of every finding in a `tidy scan --format json` report.

    BaselineError (exit 2, one line) for a file that cannot be read, is not a regular file
    (a FIFO would block), is not JSON, or is JSON of another shape.
    """
    try:
        data = read_regular(path, follow_links=True, limit=1 << 30)
    except UnsafeFile as error:
        raise BaselineError(f"{error} (the baseline)") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror}") from None
    if data is None:
        raise BaselineError(f"{path}: cannot read the baseline: No such file or directory")
    try:
        document = json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise BaselineError(f"{path}: the baseline is not JSON ({error})") from None
    return load_baseline_document(document, path)


def load_baseline_document(document: Any, path: str) -> dict[str, tuple[int, int]]:
    if not isinstance(document, dict) or document.get("version") != 1 or not isinstance(
            document.get("groups"), list):
        raise BaselineError(f"{path}: not a tidy JSON report (make one with "
                            f"`tidy scan --format json -o {path}`)")
    known: dict[str, tuple[int, int]] = {}
    for index, group in enumerate(document["groups"]):
        label, findings = _baseline_group(group, index, path)
        for item in findings:
            code, where, kind, size, files = _baseline_finding(item, path)
            known[fingerprint(code, _joined(label, where), kind)] = (size, files)
    return known


def _baseline_group(group: Any, index: int, path: str) -> tuple[str, list[Any]]:
    label = group.get("label", ".") if isinstance(group, dict) else None
    findings = group.get("findings", []) if isinstance(group, dict) else None
    if not isinstance(label, str) or not isinstance(findings, list):
        raise BaselineError(f"{path}: group {index} is not a report group (an object with a "
                            "text `label` and a `findings` array); not a tidy JSON report")
    return label, findings


def _baseline_count(value: Any) -> int | None:
    """A byte or file count: a whole number >= 0 (JSON has no other kind of count)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _baseline_finding(item: Any, path: str) -> tuple[str, str, str, int, int]:
    shown = repr(item)
    shown = shown if len(shown) <= 120 else shown[:117] + "..."
    if not isinstance(item, dict):
        raise BaselineError(f"{path}: a finding that is not an object: {shown}")
    code, where, kind = item.get("code"), item.get("path"), item.get("kind", "")
    size, files = _baseline_count(item.get("bytes", 0)), _baseline_count(item.get("files", 0))
    if not isinstance(code, str) or not isinstance(where, str):
        raise BaselineError(f"{path}: a finding without code and path: {shown}")
    if not isinstance(kind, str) or size is None or files is None:
        raise BaselineError(f"{path}: a finding whose kind, bytes or files has the wrong "
                            f"type: {shown}")
    return code, where, kind, size, files


def _joined(label: str, path: str) -> str:
    if label in ("", "."):
        return path
    return label if path in ("", ".") else f"{label}/{path}"


def apply_baseline(report: Report, baseline: Mapping[str, tuple[int, int]]) -> Report:
    """Failing findings already in the baseline, no bigger than then, stop failing."""
    groups = []
    waived = 0
    for group in report.groups:
        findings = []
        for finding in group.findings:
            status = baseline_status(group, finding, baseline)
            if finding.fails and status == "unchanged":
                finding = dataclasses.replace(
                    finding, fails=False,
                    details=(*finding.details, ("baseline", "in the baseline, not grown")))
                waived += 1
            elif status == "grown":
                finding = dataclasses.replace(
                    finding, details=(*finding.details, ("baseline", "grew since the baseline")))
            findings.append(finding)
        groups.append(dataclasses.replace(group, findings=tuple(findings)))
    warnings = report.warnings
    if waived:
        warnings = (*warnings, f"baseline: {waived} finding(s) over budget are in the baseline "
                    "and have not grown; they do not fail the scan")
    return dataclasses.replace(report, groups=tuple(groups), warnings=warnings)


def baseline_status(group: Group, finding: Finding,
                    baseline: Mapping[str, tuple[int, int]]) -> str:
    """'new', 'grown' or 'unchanged' (not bigger in bytes or files than in the baseline)."""
    key = fingerprint(finding.code, scan_path(group, finding), finding.kind)
    if key not in baseline:
        return "new"
    old_bytes, old_files = baseline[key]
    if finding.size.apparent > old_bytes or finding.size.files > old_files:
        return "grown"
    return "unchanged"
