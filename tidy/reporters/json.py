"""The versioned JSON report (`--format json`). Its schema is tidy/schemas/report-v1.json.

Version 1 is a contract: fields may be added, none renamed or removed without a new version.
"""

from __future__ import annotations

import json
import os
from typing import Any

from tidy import __version__
from tidy.models import Finding, Group, Report, Size, Surface

SCHEMA_VERSION = 1


def size_json(size: Size) -> dict[str, Any]:
    return {
        "bytes": size.apparent,
        "disk_bytes": size.disk,
        "files": size.files,
        "dirs": size.dirs,
    }


def surface_json(surface: Surface) -> dict[str, int]:
    return {"files": surface.files, "bytes": surface.bytes}


def finding_json(finding: Finding, group: Group) -> dict[str, Any]:
    fix = finding.fix
    return {
        "code": finding.code,
        "rule": finding.rule,
        "path": finding.path,
        "abs_path": os.path.normpath(os.path.join(group.root, finding.path)),
        "message": finding.message,
        "kind": finding.kind,
        "ecosystem": finding.ecosystem,
        **size_json(finding.size),
        "newest_mtime": finding.size.newest_mtime or None,
        "project_activity": finding.activity or None,
        "surface": surface_json(finding.surface),
        "tracked": finding.tracked.value,
        "ignored": finding.ignored,
        "fails": finding.fails,
        "fix": None if fix is None else {
            "action": fix.action.value,
            "applicability": fix.applicability.value,
            "description": fix.description,
        },
        "details": [list(pair) for pair in finding.details],
    }


def group_json(group: Group) -> dict[str, Any]:
    return {
        "root": group.root,
        "label": group.label,
        "is_repo": group.is_repo,
        "notes": list(group.notes),
        "scanned": size_json(group.scanned),
        "reclaimable": size_json(group.reclaimable),
        "surface": {
            "before": surface_json(group.surface_before),
            "after": surface_json(group.surface_after),
        },
        "findings": [finding_json(f, group) for f in group.findings],
    }


def report_json(report: Report) -> dict[str, Any]:
    groups = report.groups
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "tidy", "version": __version__},
        "roots": list(report.roots),
        "summary": {
            "findings": len(report.findings),
            "failed": report.failed,
            "scanned": size_json(sum((g.scanned for g in groups), Size())),
            "reclaimable": size_json(sum((g.reclaimable for g in groups), Size())),
            "surface": {
                "before": surface_json(sum((g.surface_before for g in groups), Surface())),
                "after": surface_json(sum((g.surface_after for g in groups), Surface())),
            },
        },
        "groups": [group_json(g) for g in groups],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "warnings": list(report.warnings),
        "not_reported": [
            {"kind": kind, "count": count, "bytes": size}
            for kind, count, size in report.hidden_kinds
        ],
        "duration_s": round(report.duration_s, 3),
    }


def render(report: Report) -> str:
    # ensure_ascii keeps non-UTF-8 file names (surrogate escapes) representable.
    return json.dumps(report_json(report), indent=2, ensure_ascii=True) + "\n"
