"""The terminal report: a rich table per group, biggest first, with totals and search surface.
One row per path: a folder found by several rules (a `__pycache__` to trash and to ignore)
lists every code and fix on its row; JSON keeps one finding per rule."""

from __future__ import annotations

import io
import time
from collections.abc import Sequence

import humanize
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tidy.core.models import (
    NESTED_REPO_DETAIL,
    Applicability,
    Finding,
    Group,
    Report,
    Size,
    Surface,
)

_ROWS_PER_GROUP = 40
# Codes whose message only repeats the kind: the path and kind say it all.
_SELF_EXPLAINING = frozenset({"TDY101"})


def printable(path: str) -> str:
    """A path as text a terminal can show: undecodable bytes become \\xNN escapes, and control
    characters (a newline, a tab, an escape sequence in a file name) are escaped as `tidy fix`
    shows them, so a name is one line and exactly the name it is."""
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def _bytes(n: int) -> str:
    return humanize.naturalsize(n, binary=False)


def _age(mtime: float, now: float) -> str:
    if not mtime:
        return ""
    days = (now - mtime) / 86400
    if days < 1:
        return f"{max(0, int((now - mtime) / 3600))}h"
    if days < 60:
        return f"{int(days)}d"
    return f"{int(days / 30)}mo"


def _fix_text(finding: Finding) -> Text:
    fix = finding.fix
    if fix is None:
        return Text("-")
    if fix.applicability is Applicability.SAFE:
        return Text(fix.action.value, style="green")
    if fix.applicability is Applicability.UNSAFE:
        return Text(fix.action.value + "*", style="yellow")
    return Text("advice", style="cyan")


def _joined(parts: Sequence[Text]) -> Text:
    """Texts side by side, each once ("trash, ignore"), a lone "-" only when nothing else."""
    unique = list({part.plain: part for part in parts}.values())
    if len(unique) > 1:
        unique = [part for part in unique if part.plain != "-"]
    return Text(", ").join(unique)


def by_path(findings: Sequence[Finding]) -> list[list[Finding]]:
    """The findings of one path together (a cache that is trashed and ignored is one row),
    in the order of each path's first finding."""
    rows: dict[str, list[Finding]] = {}
    for finding in findings:
        rows.setdefault(finding.path, []).append(finding)
    return list(rows.values())


# A blob only in git history (TDY203) has no file to be new, tracked or ignored.
_HISTORY_ONLY = ("state", "history-only")


def _state(finding: Finding) -> str:
    if _HISTORY_ONLY in finding.details:
        return "history"
    if finding.ignored:
        return "ignored"
    return {"untracked": "new", "tracked": "tracked", "partly-tracked": "partly",
            "unknown": "?"}[finding.tracked.value]


def _kind(finding: Finding) -> str:
    kind = finding.kind or finding.rule
    # The path already says "node_modules": repeat only kinds that add something.
    return "" if finding.path.rsplit("/", 1)[-1] == kind else kind


def _holds_repository(finding: Finding) -> bool:
    """A cache left alone because a checkout is inside: the row must say where."""
    return any(key == NESTED_REPO_DETAIL for key, _ in finding.details)


def _table(group: Group, limit: int, now: float) -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=False, box=None,
                  header_style="bold dim")
    for column, justify in (("size", "right"), ("files", "right"), ("age", "right"),
                            ("code", "left"), ("state", "left"), ("fix", "left")):
        table.add_column(column, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column("path", overflow="fold", ratio=1)
    for row in by_path(group.findings)[:limit]:
        first = row[0]
        # "!" as well as red: piped output and NO_COLOR have no red to tell them by.
        code = _joined([Text(f"{f.code}!", style="bold red") if f.fails
                        else Text(f.code, style="bold") for f in row])
        path = Text(printable(first.path))
        kinds = list(dict.fromkeys(k for k in map(_kind, row) if k))
        if kinds:
            path.append(f"  {', '.join(kinds)}", style="dim")
        for finding in row:
            if finding.code not in _SELF_EXPLAINING or _holds_repository(finding):
                path.append("\n" + printable(finding.message), style="dim")
        biggest = max(row, key=lambda f: f.size.apparent)
        table.add_row(
            _bytes(biggest.size.apparent),
            f"{biggest.size.files:,}",
            _age(biggest.size.newest_mtime, now),
            code,
            _state(first),
            _joined([_fix_text(f) for f in row]),
            path,
        )
    return table


def _surface_line(before: Surface, after: Surface) -> str:
    line = f"search surface {before.files:,} files, {_bytes(before.bytes)}"
    if after != before:
        line += f" -> {after.files:,} files, {_bytes(after.bytes)} after fix"
    return line


def _group_lines(console: Console, group: Group, limit: int, now: float) -> None:
    title = printable(group.label if group.label != "." else group.root)
    kind = "repo" if group.is_repo else "folder"
    scanned = _bytes(group.scanned.apparent)
    console.print(Text(f"{title}  ({kind}, {scanned} scanned)", style="bold"))
    for note in group.notes:
        console.print(Text(f"  note: {note}", style="yellow"))
    if group.findings:
        console.print(_table(group, limit, now))
        rows = by_path(group.findings)
        hidden = len(rows) - limit
        if hidden > 0:
            rest = sum(max(f.size.apparent for f in row) for row in rows[limit:])
            console.print(
                f"  ... and {hidden:,} more paths ({_bytes(rest)}); --format json lists all")
    else:
        console.print("  nothing to report")
    console.print(f"  reclaimable {_bytes(group.reclaimable.apparent)} "
                  f"in {group.reclaimable.files:,} files")
    console.print("  " + _surface_line(group.surface_before, group.surface_after))
    console.print()


def _legend(console: Console, report: Report) -> None:
    if not report.findings:
        return
    history = any(_HISTORY_ONLY in f.details for f in report.findings)
    console.print(Text(
        "state: new = untracked and not ignored"
        + ("; history = only in git history, no file on disk" if history else "")
        + "; fix: trash = moved to tidy's trash by "
        "`tidy fix` (undo with `tidy undo`), * = needs --unsafe-fixes; codes marked ! fail the run",
        style="dim"))


def _totals(console: Console, report: Report) -> None:
    groups = report.groups
    scanned = sum((g.scanned for g in groups), Size())
    reclaimable = sum((g.reclaimable for g in groups), Size())
    before = sum((g.surface_before for g in groups), Surface())
    after = sum((g.surface_after for g in groups), Surface())
    failing = sum(1 for f in report.findings if f.fails)
    console.print(Text(
        f"total: {len(report.findings):,} findings in {len(groups)} group(s), "
        f"{_bytes(scanned.apparent)} scanned in {report.duration_s:.1f}s", style="bold"))
    console.print(f"  reclaimable by `tidy fix`: {_bytes(reclaimable.apparent)} "
                  f"({_bytes(reclaimable.disk)} on disk) in {reclaimable.files:,} files")
    console.print("  " + _surface_line(before, after))
    if failing:
        console.print(Text(f"  {failing} finding(s) over budget: exit 1", style="bold red"))


def _footer(console: Console, report: Report) -> None:
    for kind, count, size in report.hidden_kinds:
        console.print(f"not reported: {count} {kind} ({_bytes(size)}); "
                      f"opt in with kinds = [\"{kind}\"] or --kind {kind}")
    if report.skipped:
        console.print(Text(f"skipped {len(report.skipped)} path(s):", style="yellow"))
        for skipped in report.skipped[:10]:
            console.print(f"  {printable(skipped.path)}: {skipped.reason}")
        if len(report.skipped) > 10:
            console.print(f"  ... and {len(report.skipped) - 10} more (--format json lists all)")
    for warning in report.warnings:
        console.print(Text(f"warning: {printable(warning)}", style="yellow"))


def render(
    report: Report, width: int = 120, color: bool = False, limit: int = _ROWS_PER_GROUP
) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      highlight=False, soft_wrap=False)
    now = time.time()
    for group in report.groups:
        _group_lines(console, group, limit, now)
    _totals(console, report)
    _footer(console, report)
    _legend(console, report)
    return buffer.getvalue()
