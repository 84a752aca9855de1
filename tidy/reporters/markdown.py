"""GitHub-flavoured Markdown (`--format markdown`; also the GitHub job summary).

A headline per scan, then per group one table of findings, biggest first, failing ones marked.
Long reports are cut to `max_rows` rows per group with a line saying how many were left out,
and the whole text stays under `max_bytes` (GitHub takes at most 1 MiB per step summary).
"""

from __future__ import annotations

from tidy.core.models import Finding, Group, Report, Size, Surface, scan_path
from tidy.core.units import human_bytes
from tidy.reporters._common import counted, git_state, groups_said

STEP_SUMMARY_LIMIT = 1024 * 1024


def _cell(text: str) -> str:
    """A table cell: pipes escaped, no line breaks, undecodable name bytes shown as U+FFFD."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def _code_cell(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{_cell(text)}{pad}{fence}"


def _row(group: Group, finding: Finding) -> str:
    # GitHub's emoji short codes: plain ASCII in the file, pictures on the page.
    mark = ":x:" if finding.fails else (
        ":information_source:" if finding.code in ("TDY101", "TDY103") else ":warning:")
    fix = finding.fix.description if finding.fix is not None else ""
    return (f"| {mark} | {finding.code} | {_code_cell(scan_path(group, finding))} | "
            f"{human_bytes(finding.size.apparent)} | {finding.size.files:,} | "
            f"{git_state(group, finding)} | {_cell(finding.message)} | {_cell(fix)} |")


_HEADER = ("|  | code | path | size | files | git | what | fix |\n"
           "| --- | --- | --- | ---: | ---: | --- | --- | --- |")


def _group_section(group: Group, max_rows: int) -> list[str]:
    title = "repository" if group.is_repo else "folder"
    lines = [f"### {_cell(group.label)} ({title})", ""]
    if not group.findings:
        return [*lines, "Nothing to report.", ""]
    failing = sum(f.fails for f in group.findings)
    lines.append(f"{counted(len(group.findings), 'finding')}, {failing:,} failing; reclaimable by "
                 f"`tidy fix`: {human_bytes(group.reclaimable.apparent)}; search surface "
                 f"{_surface(group.surface_before)} → {_surface(group.surface_after)}.")
    lines += ["", _HEADER]
    lines += [_row(group, f) for f in group.findings[:max_rows]]
    hidden = len(group.findings) - max_rows
    if hidden > 0:
        lines.append(f"\n… and {hidden:,} more (the full list: `tidy scan --format json`).")
    return [*lines, ""]


def _surface(surface: Surface) -> str:
    return f"{counted(surface.files, 'file')} / {human_bytes(surface.bytes)}"


def _headline(report: Report) -> list[str]:
    findings = report.findings
    failing = sum(f.fails for f in findings)
    reclaim = sum((g.reclaimable for g in report.groups), Size())
    verdict = ":x: over budget" if report.failed else ":white_check_mark: within budget"
    return [
        "## tidy report",
        "",
        f"**{verdict}**: {counted(len(findings), 'finding')}, {failing:,} failing, "
        f"{human_bytes(reclaim.apparent)} reclaimable, in {groups_said(report.groups)} "
        f"({report.duration_s:.1f} s).",
        "",
    ]


def render(report: Report, max_rows: int = 200, max_bytes: int = STEP_SUMMARY_LIMIT) -> str:
    lines = _headline(report)
    for group in report.groups:
        lines += _group_section(group, max_rows)
    if report.warnings:
        lines += ["#### Warnings", ""] + [f"- {_cell(w)}" for w in report.warnings] + [""]
    text = "\n".join(lines)
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    if max_rows > 10:  # too big even cut: fewer rows per group, then the hard cut below
        return render(report, max_rows // 4, max_bytes)
    encoded = text.encode("utf-8")[: max_bytes - 200]
    return encoded.decode("utf-8", "ignore") + "\n\n… (cut to fit the summary size limit)\n"
