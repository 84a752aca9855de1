"""GitLab Code Quality (`--format gitlab`): one JSON array for `artifacts: reports: codequality`.

Each entry has the fields GitLab requires (research/bloat-ci.md 8.3): `description`,
`check_name` (the TDY code), `fingerprint` (rule code + path + kind: unique per finding and
stable across runs, so the merge-request widget can tell new from fixed), `severity`
(info|minor|major|critical|blocker) and `location.path` with `location.lines.begin`.
The other CodeClimate fields (`type`, `categories`, `engine_name`, `content`) are extras that
GitLab ignores and other CodeClimate readers use.
"""

from __future__ import annotations

import json
from typing import Any

from tidy.core.models import Finding, Group, Report, finding_fingerprint, scan_path
from tidy.reporters._common import each_finding, size_words

SEVERITIES = ("info", "minor", "major", "critical", "blocker")


def severity(finding: Finding) -> str:
    if finding.fails:
        return "critical"
    if finding.code in ("TDY101", "TDY103"):
        return "info"  # a local cache: removable at will, harms nobody else
    return "minor"


def _entry(group: Group, finding: Finding) -> dict[str, Any]:
    path = scan_path(group, finding)
    fix = finding.fix.description if finding.fix is not None else ""
    return {
        "type": "issue",
        "engine_name": "tidy",
        "check_name": finding.code,
        "description": f"{path}: {finding.message} ({size_words(finding)})",
        "content": {"body": f"{finding.rule}. Fix: {fix}" if fix else finding.rule},
        "categories": ["Performance" if finding.code.startswith("TDY2") else "Style"],
        "fingerprint": finding_fingerprint(group, finding),
        "severity": severity(finding),
        "location": {"path": path, "lines": {"begin": 1}},
    }


def code_quality(report: Report) -> list[dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for group, finding in each_finding(report):
        entry = _entry(group, finding)
        entries.setdefault(entry["fingerprint"], entry)  # identical ones collapse in GitLab anyway
    return list(entries.values())


def render(report: Report) -> str:
    # GitLab wants a plain JSON array without BOM; ASCII keeps odd file names representable.
    return json.dumps(code_quality(report), indent=2, ensure_ascii=True) + "\n"
