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
    LINKED_OUT_DETAIL,
    NESTED_REPO_DETAIL,
    ActionKind,
    Applicability,
    Finding,
    Group,
    Report,
    Size,
    Surface,
    Tracked,
)
from tidy.core.printable import printable
from tidy.reporters._common import FIX_MARKS, counted, fix_label, groups_said

_ROWS_PER_GROUP = 40
# Codes whose message only repeats the kind: the path and kind say it all.
_SELF_EXPLAINING = frozenset({"TDY101"})


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


_MARK_STYLES = {Applicability.SAFE: "green", Applicability.UNSAFE: "yellow",
                Applicability.DISPLAY_ONLY: "magenta"}


def _fix_text(finding: Finding) -> Text:
    fix = finding.fix
    if fix is None or fix.action is ActionKind.NONE:
        return Text(fix_label(finding), style="cyan" if fix else "")
    return Text(fix_label(finding), style=_MARK_STYLES[fix.applicability])


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


NOT_IN_GIT = "not in git"
# A blob only in git history (TDY203) has no file to be new, tracked or ignored.
_HISTORY_ONLY = ("state", "history-only")


def _state(finding: Finding, in_repo: bool) -> str:
    """Where git stands on the path. A plain folder has no git state: "new" there (untracked
    is all tidy can record outside a repo) would say git sees it as new, which is not true."""
    if _HISTORY_ONLY in finding.details:
        return "history"
    if not in_repo:
        return NOT_IN_GIT
    if finding.ignored:
        return "ignored"
    if finding.tracked is Tracked.UNKNOWN and finding.path == ".":
        return ""  # a budget over the whole repo: no one path's git state
    return {"untracked": "new", "tracked": "tracked", "partly-tracked": "partly",
            "unknown": "?"}[finding.tracked.value]


def _kind(finding: Finding) -> str:
    kind = finding.kind or finding.rule
    # The path already says "node_modules": repeat only kinds that add something.
    return "" if finding.path.rsplit("/", 1)[-1] == kind else kind


def _holds_repository(finding: Finding) -> bool:
    """A cache left alone because a checkout is inside: the row must say where."""
    return any(key == NESTED_REPO_DETAIL for key, _ in finding.details)


_COLUMNS = (("size", "right"), ("files", "right"), ("age", "right"), ("code", "left"),
            ("state", "left"), ("fix", "left"))
# The path column gets what the others leave. Below this (or below the longest path, when
# shorter), each path is a block of its own lines instead: at 80 columns the table folded
# `pkg/__pycache__` over two lines, below 70 it cut it to four letters a line, below 60 rich
# dropped the path column altogether and the rows said what, but not where.
_MIN_PATH_ROOM = 30


def _rows(group: Group, limit: int, now: float) -> list[tuple[Text, ...]]:
    """One row per path: size, files, age, code, state, fix, then the path and messages."""
    rows: list[tuple[Text, ...]] = []
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
            linked = dict(finding.details).get(LINKED_OUT_DETAIL)
            if linked:  # the size column is du's; this says what deleting it gives back
                path.append("\n" + linked, style="dim")
        biggest = max(row, key=lambda f: f.size.apparent)
        rows.append((Text(_bytes(biggest.size.apparent)), Text(f"{biggest.size.files:,}"),
                     Text(_age(biggest.size.newest_mtime, now)), code,
                     Text(_state(first, group.is_repo)), _joined([_fix_text(f) for f in row]),
                     path))
    return rows


def _path_fits(rows: list[tuple[Text, ...]], width: int) -> bool:
    fixed = sum(max(len(header), *(len(row[i].plain) for row in rows)) + 2
                for i, (header, _) in enumerate(_COLUMNS))
    longest = max(len(row[-1].plain.split("\n", 1)[0]) for row in rows)
    return width - fixed >= min(longest, _MIN_PATH_ROOM)


def _table(rows: list[tuple[Text, ...]]) -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=False, box=None,
                  header_style="bold dim")
    for column, justify in _COLUMNS:
        table.add_column(column, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column("path", overflow="fold", ratio=1)
    for row in rows:
        table.add_row(*row)
    return table


def _stacked(console: Console, rows: list[tuple[Text, ...]]) -> None:
    """The rows for a narrow terminal: the path on a line of its own, then its figures."""
    for size, files, age, code, state, fix, path in rows:
        where, _, messages = path.plain.partition("\n")
        console.print(Text(where, style="bold"), overflow="fold")
        plural = "" if files.plain == "1" else "s"
        facts = Text("  ").join(part for part in (
            Text(f"{size.plain}, {files.plain} file{plural}"), Text(f"age {age.plain}"), code,
            Text(f"state {state.plain}"), Text("fix ") + fix) if part.plain.strip(", "))
        console.print(Text("  ") + facts, overflow="fold")
        for message in messages.splitlines():
            console.print(Text(f"  {message}", style="dim"), overflow="fold")


def _surface_line(before: Surface, after: Surface) -> str:
    line = f"search surface {counted(before.files, 'file')}, {_bytes(before.bytes)}"
    if after != before:
        line += f" -> {counted(after.files, 'file')}, {_bytes(after.bytes)} after fix"
    return line


def _group_lines(console: Console, group: Group, limit: int, now: float) -> None:
    # A label that climbs ("..": the repo of a folder scanned inside it) says less than the
    # root, which the paths of the table are relative to.
    climbs = group.label in (".", "..") or group.label.startswith("../")
    title = printable(group.root if climbs else group.label)
    kind = "repo" if group.is_repo else f"folder, {NOT_IN_GIT}"
    scanned = _bytes(group.scanned.apparent)
    console.print(Text(f"{title}  ({kind}, {scanned} scanned)", style="bold"))
    for note in group.notes:
        console.print(Text(f"  note: {note}", style="yellow"))
    if group.findings:
        shown = _rows(group, limit, now)
        if _path_fits(shown, console.width):
            console.print(_table(shown))
        else:
            _stacked(console, shown)
        rows = by_path(group.findings)
        hidden = len(rows) - limit
        if hidden > 0:
            rest = sum(max(f.size.apparent for f in row) for row in rows[limit:])
            console.print(f"  ... and {counted(hidden, 'more path')} ({_bytes(rest)}); "
                          "--format json lists all")
        _blocked_lines(console, group)
    else:
        console.print("  nothing to report")
    console.print(f"  reclaimable {_bytes(group.reclaimable.apparent)} "
                  f"in {counted(group.reclaimable.files, 'file')}")
    console.print("  " + _surface_line(group.surface_before, group.surface_after))
    console.print()


def _blocked_lines(console: Console, group: Group) -> None:
    """Why fixes wait for the user (a project's build config that would not ship the data
    files of its data modules) and what to do: each reason once, however many rows share it
    (Faker: 26 modules, one setup.py)."""
    reasons: dict[str, int] = {}
    for finding in group.findings:
        if finding.fix is not None and finding.fix.blocked_by:
            reasons[finding.fix.blocked_by] = reasons.get(finding.fix.blocked_by, 0) + 1
    for reason, count in reasons.items():
        console.print(Text(f"  not offered for {counted(count, 'path')}: {printable(reason)}",
                           style="yellow"), overflow="fold")


# What the words of the table mean, said only for the words the report shows.
_STATE_WORDS = {
    "new": "untracked and not ignored (git status lists it)",
    "partly": "some of its files are tracked",
    "?": "git could not tell",
    NOT_IN_GIT: "in a folder outside any git repository",
    "history": "only in git history, no file on disk",
}
_FIX_WORDS = {
    ActionKind.TRASH: "moved to tidy's trash (`tidy undo` puts it back)",
    ActionKind.UNTRACK: "`git rm --cached` plus an ignore rule (the files stay on disk)",
    ActionKind.IGNORE: "an ignore rule added (.gitignore, or .ignore for search tools)",
    ActionKind.EDITOR_EXCLUDE: "added to the editors' search and watcher excludes",
    ActionKind.EXTRACT: "the data moved to a .json.gz file with a loader stub",
    ActionKind.GIT_RM: "`git rm -r` of the folder",
    ActionKind.NONE: "tidy changes nothing; the message says what to do",
}
_MARK_WORDS = {"*": "only with --unsafe-fixes",
               "**": "only with --unsafe-fixes --select CODE (the rule named alone)"}


def _legend(console: Console, report: Report) -> None:
    if not report.findings:
        return
    states = {_state(f, g.is_repo) for g in report.groups for f in g.findings}
    said = [f"{word} = {meaning}" for word, meaning in _STATE_WORDS.items() if word in states]
    if said:
        console.print(Text("state: " + "; ".join(said), style="dim"))
    fixes = [f.fix for f in report.findings if f.fix is not None]
    actions = {fix.action for fix in fixes}
    marks = {FIX_MARKS[fix.applicability] for fix in fixes if fix.action is not ActionKind.NONE}
    said = [f"{action.value} = {meaning}" for action, meaning in _FIX_WORDS.items()
            if action in actions]
    said += [f"{mark} = {meaning}" for mark, meaning in _MARK_WORDS.items() if mark in marks]
    if said:
        console.print(Text("fix: " + "; ".join(said), style="dim"))
    failing = "codes marked ! fail the run (exit 1); " if any(
        f.fails for f in report.findings) else ""
    console.print(Text(f"{failing}age = since its newest file was written; search surface = "
                       "the files and bytes that git-aware search (ripgrep, editors, AI "
                       "assistants) still reads", style="dim"))


def _totals(console: Console, report: Report) -> None:
    groups = report.groups
    scanned = sum((g.scanned for g in groups), Size())
    reclaimable = sum((g.reclaimable for g in groups), Size())
    before = sum((g.surface_before for g in groups), Surface())
    after = sum((g.surface_after for g in groups), Surface())
    failing = sum(1 for f in report.findings if f.fails)
    rows = sum(len(by_path(g.findings)) for g in groups)
    console.print(Text(
        f"total: {counted(len(report.findings), 'finding')} on {counted(rows, 'path')} "
        f"in {groups_said(groups)}, {_bytes(scanned.apparent)} scanned in "
        f"{report.duration_s:.1f}s", style="bold"))
    console.print(f"  reclaimable by `tidy fix`: {_bytes(reclaimable.apparent)} "
                  f"({_bytes(reclaimable.disk)} on disk) in {counted(reclaimable.files, 'file')}")
    console.print("  " + _surface_line(before, after))
    if failing:
        verb = "fails" if failing == 1 else "fail"
        console.print(Text(f"  {counted(failing, 'finding')} {verb} the run (marked !): exit 1",
                           style="bold red"))


def _footer(console: Console, report: Report) -> None:
    for kind, count, size in report.hidden_kinds:
        # A venv left out of the trash may still be in the table: TDY501 asks for its ignore
        # rule. So: not offered to the trash (true either way), not "not reported".
        console.print(f"opt-in, not offered to the trash: {counted(count, kind, kind)} "
                      f"({_bytes(size)}); kinds = [\"{kind}\"] in the settings offers it, "
                      f"--kind {kind} shows only that kind")
    if report.skipped:
        console.print(Text(f"skipped {counted(len(report.skipped), 'path')}:", style="yellow"))
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
