"""The evidence pane's text: why a finding is one, in the scan's own words and numbers."""

from __future__ import annotations

from rich.text import Text

from tidy.browse.cells import age, fix_word, size, state_word
from tidy.browse.model import GroupRow, Item, Row
from tidy.core.models import Applicability, Group
from tidy.core.printable import printable

_APPLICABILITY = {
    Applicability.SAFE: "safe: applied by a plain `tidy fix`",
    Applicability.UNSAFE: "unsafe: needs the unsafe toggle (u)",
    Applicability.DISPLAY_ONLY: "display-only: applied only when marked with the unsafe "
                                "toggle (u) on",
}


def for_row(row: Row | None, now: float) -> Text:
    if row is None:
        return Text("Nothing here yet.", style="dim")
    if isinstance(row, GroupRow):
        return _group(row.group, row)
    return _item(row, now)


def _item(item: Item, now: float) -> Text:
    """Why first (the message, the rule's evidence), then the fix, then the measurements."""
    finding = item.finding
    text = Text()
    text.append(f"{finding.code} {finding.rule}", style="bold")
    text.append(f"  {printable(_shown_path(item))}\n")
    text.append(printable(finding.message) + "\n")
    for key, value in finding.details:
        text.append(f"{printable(key)}: ", style="bold")
        text.append(printable(value) + "\n")
    fix = finding.fix
    if fix is None:
        text.append("fix: none\n", style="dim")
    else:
        text.append(f"fix ({fix_word(finding)}): ", style="bold")
        text.append(f"{printable(fix.description)}\n")
        text.append(f"  {_APPLICABILITY[fix.applicability]}\n", style="dim")
    text.append(" · ".join(_facts(item, now)) + "\n", style="dim")
    return text


def _facts(item: Item, now: float) -> list[str]:
    finding = item.finding
    measured = finding.size
    facts = [size(measured.apparent)]
    if measured.files:
        facts.append(_count(measured.files, "file", "files"))
    if measured.dirs > 1:
        facts.append(_count(measured.dirs, "folder", "folders"))
    if measured.linked_out_files:  # a pnpm node_modules: du's size, not what deleting frees
        facts.append(f"{size(measured.linked_out)} of it hard links to files elsewhere; "
                     f"deleting it frees {size(measured.freed.apparent)}")
    facts.append(f"git: {state_word(finding)}")
    if finding.activity:
        facts.append(f"project's newest own file {age(finding.activity, now)} old")
    if finding.kind:
        ecosystem = finding.ecosystem if finding.ecosystem not in ("", finding.kind) else ""
        facts.append(f"kind: {finding.kind}" + (f" ({ecosystem})" if ecosystem else ""))
    return facts


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _files(n: int) -> str:
    return _count(n, "file", "files")


def _group(group: Group, row: GroupRow) -> Text:
    text = Text()
    kind = "repository" if group.is_repo else "folder (no git)"
    text.append(printable(group.label if group.label != "." else group.root), style="bold")
    text.append(f"  {kind} at {printable(group.root)}\n")
    scanned = group.scanned
    text.append(f"scanned {size(scanned.apparent)} in {_files(scanned.files)}; "
                f"{_count(row.count, 'finding', 'findings')}, {size(row.total)}\n")
    text.append(f"a plain `tidy fix` frees {size(group.reclaimable.apparent)} in "
                f"{_files(group.reclaimable.files)} (once the trash is purged)\n")
    before, after = group.surface_before, group.surface_after
    text.append(f"search surface {_files(before.files)}, {size(before.bytes)}")
    if after != before:
        text.append(f" -> {_files(after.files)}, {size(after.bytes)} after that fix")
    text.append("\n")
    for note in group.notes:
        text.append(f"note: {printable(note)}\n")
    return text


def _shown_path(item: Item) -> str:
    label = item.group.label
    if label in (".", ""):
        return item.finding.path
    return f"{label}/{item.finding.path}" if item.finding.path != "." else label
