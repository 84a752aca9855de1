"""GitHub Actions: workflow-command annotations (`--format github`) and the job summary.

GitHub shows at most 10 error and 10 warning annotations per step and 50 per job and drops
the rest silently (actions/toolkit#734; research/bloat-ci.md 8.2). So each level gets at most
`PER_LEVEL` lines: when there are more findings than that, the biggest `PER_LEVEL - 1` are
annotated one by one and the last line says how many more there are and where to read them --
the Markdown summary that the CLI appends to `$GITHUB_STEP_SUMMARY` (`summary()`).

Escaping follows actions/toolkit `command.ts`: in messages `%`, CR and LF; in properties also
`:` and `,`.
"""

from __future__ import annotations

import os

from tidy.core import units
from tidy.core.models import Finding, Group, Report, scan_path
from tidy.core.units import counted, human_bytes
from tidy.reporters import markdown
from tidy.reporters._common import anchor_of, each_finding, fix_sentence, level, size_words

PER_LEVEL = 10  # per step, for error and for warning (notices kept to the same number)
PER_JOB = 50
_COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}
_ORDER = ("error", "warning", "note")


def escape_data(text: str) -> str:
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _file(group: Group, finding: Finding, workspace: str | None) -> tuple[str, int] | None:
    """The file and line GitHub links the annotation to (the finding's anchor, as in SARIF):
    relative to the checked-out repository."""
    where, line = anchor_of(group, finding)
    if where in ("", "."):
        return None  # the repo itself (a shallow clone, a budget): no file to show a line of
    if workspace is None:
        return where, line
    absolute = os.path.normpath(os.path.join(group.root, finding.anchor.path if finding.anchor
                                             else finding.path))
    relative = os.path.relpath(absolute, workspace)
    if relative in (".", "..") or relative.startswith("../"):
        return None  # outside the repository: annotate without a file
    return relative.replace(os.sep, "/"), line


def annotation(group: Group, finding: Finding, workspace: str | None = None) -> str:
    params = []
    found = _file(group, finding, workspace)
    if found is not None:
        params.append(f"file={escape_property(found[0])}")
        params.append(f"line={found[1]}")
    params.append(f"title={escape_property(f'{finding.code} {finding.rule}')}")
    fix = fix_sentence(finding)
    message = f"{scan_path(group, finding)}: {finding.message} ({size_words(finding)}).{fix}"
    return f"::{_COMMANDS[level(finding)]} {','.join(params)}::{escape_data(message)}"


def _overflow(level_name: str, hidden: list[tuple[Group, Finding]]) -> str:
    total = sum(f.size.apparent for _, f in hidden)
    noun = {"error": "failing finding", "warning": "warning", "note": "note"}[level_name]
    more = units.noun(len(hidden), noun)
    message = (f"{len(hidden):,} more {more} ({human_bytes(total)}) not annotated: GitHub "
               f"shows {PER_LEVEL} per step. Every finding is in the job summary.")
    title = escape_property(f"tidy: {len(hidden):,} more")
    return f"::{_COMMANDS[level_name]} title={title}::{escape_data(message)}"


def annotation_lines(report: Report, workspace: str | None = None) -> list[str]:
    by_level: dict[str, list[tuple[Group, Finding]]] = {name: [] for name in _ORDER}
    for group, finding in each_finding(report):
        by_level[level(finding)].append((group, finding))
    lines: list[str] = []
    for name in _ORDER:
        found = sorted(by_level[name], key=lambda gf: -gf[1].size.apparent)
        if len(found) <= PER_LEVEL:
            lines += [annotation(g, f, workspace) for g, f in found]
            continue
        lines += [annotation(g, f, workspace) for g, f in found[:PER_LEVEL - 1]]
        lines.append(_overflow(name, found[PER_LEVEL - 1:]))
    return lines[:PER_JOB]


def render(report: Report, workspace: str | None = None) -> str:
    findings = report.findings
    failing = sum(f.fails for f in findings)
    closing = (f"tidy: {counted(len(findings), 'finding')}, {failing:,} over budget"
               + (" -- failing" if report.failed else ""))
    return "\n".join([*annotation_lines(report, workspace), closing]) + "\n"


def summary(report: Report) -> str:
    """The Markdown for `$GITHUB_STEP_SUMMARY` (kept under GitHub's 1 MiB per step)."""
    return markdown.render(report, max_bytes=markdown.STEP_SUMMARY_LIMIT - 1024) + "\n"
