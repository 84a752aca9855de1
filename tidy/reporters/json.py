"""The versioned JSON report (`--format json`). Its schema is tidy/schemas/report-v1.json.

Version 1 is a contract: fields may be added, none renamed or removed without a new version.
"""

from __future__ import annotations

import json
import os
from typing import Any

from tidy import __version__
from tidy.core.models import Finding, Group, Report, Size, Surface

SCHEMA_VERSION = 1


def size_json(size: Size) -> dict[str, Any]:
    return {
        "bytes": size.apparent,
        "disk_bytes": size.disk,
        "files": size.files,
        "dirs": size.dirs,
    }


def linked_json(size: Size) -> dict[str, int]:
    """The part of a path's size whose files have another name outside it: not freed."""
    return {"bytes": size.linked_out, "disk_bytes": size.linked_out_disk,
            "files": size.linked_out_files}


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
        "linked_elsewhere": linked_json(finding.size),
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
            **({"blocked_by": fix.blocked_by} if fix.blocked_by else {}),
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
    """The report indented, each finding and skipped path on a line of its own.

    json's indenting encoder is pure Python and takes seconds on a home folder's tens of
    thousands of findings; each finding goes through the C encoder on one line instead, which
    also keeps a report readable in a diff and a finding greppable.
    """
    document = report_json(report)
    rows: dict[str, list[object]] = {}
    for index, group in enumerate(document["groups"]):
        rows[f"findings-{index}"] = group["findings"]
        group["findings"] = _placeholder(f"findings-{index}")
    rows["skipped"] = document["skipped"]
    document["skipped"] = _placeholder("skipped")
    # ensure_ascii keeps non-UTF-8 file names (surrogate escapes) representable.
    text = json.dumps(document, indent=2, ensure_ascii=True)
    for key, items in rows.items():
        text = text.replace(json.dumps(_placeholder(key)), _one_per_line(items, text, key), 1)
    return text + "\n"


def _placeholder(key: str) -> str:
    return f"\x00tidy:{key}\x00"  # a NUL cannot come from a path or a message


def _one_per_line(items: list[object], text: str, key: str) -> str:
    if not items:
        return "[]"
    marker = json.dumps(_placeholder(key))
    line_start = text.rfind("\n", 0, text.index(marker)) + 1
    indent = " " * (len(text[line_start:]) - len(text[line_start:].lstrip(" ")))
    inner = indent + "  "
    # One encoder for every line, its circular check off: report_json built these rows just
    # now, trees of fresh dicts and lists with no cycle, and the check keeps a dict entry of
    # every container the C encoder enters (json.dumps's default encoder has it on).
    encode = json.JSONEncoder(ensure_ascii=True, check_circular=False).encode
    body = ",\n".join(inner + encode(item) for item in items)
    return f"[\n{body}\n{indent}]"
