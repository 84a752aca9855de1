"""The HTML report (`--format html`): one self-contained page, no network.

A zoomable squarified treemap of the scanned tree (sized by bytes, coloured by finding family),
a sortable table of findings, the totals, the search surface before and after, and, when the
CLI passes the repo's history, line charts of how the totals moved.

The tree is drawn from what the Report already holds: each group's `layout` (every explored
folder with the files directly inside) and its findings (artifact folders the walk measured but
did not explore, big files and data modules carved out of their folder's files, vendored and
duplicate folders tinting their subtree). Small entries are merged into "(N small items)" tiles
so that a 250k-entry scan still gives a page of a few MB that opens at once.
"""

from __future__ import annotations

import heapq
import html
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from tidy import __version__
from tidy.core.models import Applicability, Finding, Group, Report, Size, Surface
from tidy.core.printable import printable
from tidy.reporters import sizetree
from tidy.trends import Totals, family_of, metrics

# (key, label, colour, what it means); the treemap's legend in this order. Okabe-Ito colours:
# told apart by colour-blind readers too.
FAMILIES: tuple[tuple[str, str, str, str], ...] = (
    ("cache", "cache", "#E69F00", "tool caches and installed dependencies (1xx)"),
    ("artifact", "artifact", "#D55E00", "build outputs and stray files (1xx)"),
    ("data", "data in code", "#CC79A7", "modules that are mostly a literal (3xx)"),
    ("vendored", "vendored", "#0072B2", "copied third-party code (4xx)"),
    ("big", "big file", "#56B4E9", "large tracked files (2xx)"),
    ("duplicate", "duplicate", "#009E73", "identical files and folders (2xx)"),
    ("other", "other", "#F0E442", "other findings"),
    ("clean", "clean", "#C3CAD4", "nothing to report"),
)
# Families a finding may have that are not drawn: they point at a place drawn already
# (ignore rules) or at bytes that are not in the work tree (history).
TABLE_ONLY = {"ignore": ("ignore rules", "#999999"), "history": ("git history", "#8C564B")}
_DRAWN = {key: index for index, (key, *_rest) in enumerate(FAMILIES)}
_CLEAN = "clean"

NODE_BUDGET = 15_000  # tiles kept in the page; the rest is merged into "(N small items)"
ROW_BUDGET = 5_000  # findings listed in the table; the JSON report lists all
_SLOT = re.compile(r"\{\{(title|style|script|data)\}\}")
_DRAW_PRIORITY = ("duplicate", "data", "vendored", "big", "cache", "artifact", "other")


# ---------------------------------------------------------------------------- the tree
@dataclass(eq=False)
class _Node(sizetree.Node):
    family: str = _CLEAN
    finding: int = -1  # index into the table's rows
    by_family: dict[str, list[int]] = field(default_factory=dict)  # family -> [bytes, files]


_Tree = sizetree.SizeTree[_Node]
_join = sizetree.join


def _drawable(finding: Finding) -> str | None:
    family = family_of(finding)
    return family if family in _DRAWN else None


def _primaries(group: Group, rows: Mapping[int, int]) -> list[tuple[str, Finding, int, bool]]:
    """Per path: the finding that draws it (biggest, then by family priority), shallow first."""
    by_path: dict[str, list[tuple[int, Finding]]] = {}
    for index, finding in enumerate(group.findings):
        if _drawable(finding) is not None and finding.size.apparent > 0:
            by_path.setdefault(finding.path, []).append((index, finding))
    chosen = []
    for path, members in by_path.items():
        index, best = max(members, key=lambda m: (m[1].size.apparent,
                                                  -_DRAW_PRIORITY.index(family_of(m[1]))))
        is_dir = any(f.size.dirs > 0 for _, f in members)
        chosen.append((path, best, rows.get(id(best), -1), is_dir))
    chosen.sort(key=lambda c: (c[0].count("/"), c[0]))
    return chosen


def _add_group(tree: _Tree, group: Group, prefix: str, rows: Mapping[int, int]) -> None:
    tree.folder(prefix)
    accounted = tree.add_layout(prefix, group)
    for path, finding, row, is_dir in _primaries(group, rows):
        accounted += _add_finding(tree, _join(prefix, path), finding, row, is_dir)
    # What the walk counted but neither the layout nor a finding shows: opt-in kinds, findings
    # hidden by --min-size or --select. Drawn so that the areas add up to the scanned bytes.
    tree.add_rest(prefix, group, accounted, "(not itemised: opt-in kinds, filtered findings)")


def _add_finding(tree: _Tree, path: str, finding: Finding, row: int, is_dir: bool) -> int:
    """Draw one finding; the bytes it adds to the tree beyond the layout."""
    placed = tree.place(path, finding.size.apparent, max(finding.size.files, 0), is_dir)
    node = placed.node
    if placed.own and (node.explored or node.block):  # a folder explored, or its own block
        node.family, node.finding = family_of(finding), row
    return placed.added


def _inherit_and_total(tree: _Tree) -> list[_Node]:
    """Tint clean descendants of tinted folders; sum sizes bottom-up. Nodes, parents first."""
    for node, parent in tree.walk():
        if node.family == _CLEAN and parent is not None:
            node.family = parent.family
    order = tree.total()
    for node in reversed(order):
        node.by_family = {node.family: [node.own_bytes, node.own_files]}
        for kid in node.kids.values():
            for family, (size, files) in kid.by_family.items():
                slot = node.by_family.setdefault(family, [0, 0])
                slot[0] += size
                slot[1] += files
    return order


def _own_files_as_tiles(order: list[_Node]) -> None:
    """A folder with subfolders shows the files directly inside it as one more tile."""
    for node in order:
        # Without files, own bytes are only the folder entry: kept in the total, not drawn.
        if node.kids and node.own_files > 0 and not node.block:
            label = f"({node.own_files:,} file{'s' if node.own_files != 1 else ''})"
            tile = _Node(label, _join(node.path, label), own_bytes=node.own_bytes,
                         own_files=node.own_files, family=node.family, block=True, synthetic=True,
                         total_bytes=node.own_bytes, total_files=node.own_files,
                         by_family={node.family: [node.own_bytes, node.own_files]})
            node.kids[label] = tile
            node.own_bytes = node.own_files = 0


def _keep(root: _Node, budget: int) -> set[int]:
    """The `budget` biggest nodes; a child is never bigger than its parent, so they form a tree."""
    kept: set[int] = set()
    heap: list[tuple[int, int, _Node]] = [(-root.total_bytes, 0, root)]
    tie = 1
    while heap and len(kept) < budget:
        _, _, node = heapq.heappop(heap)
        kept.add(id(node))
        for kid in node.kids.values():
            heapq.heappush(heap, (-kid.total_bytes, tie, kid))
            tie += 1
    return kept


def _merge_small(node: _Node, kept: set[int]) -> list[_Node]:
    """The node's children to draw: kept ones, the rest merged per family."""
    shown = [k for k in node.kids.values() if id(k) in kept]
    dropped = [k for k in node.kids.values() if id(k) not in kept and k.total_bytes > 0]
    if len(dropped) == 1 and len(_families_in(dropped[0])) == 1:
        only = dropped[0]  # merging one item would only rename it: drawn whole, not opened
        only.kids, only.family = {}, _families_in(only)[0]
        return [*shown, only]
    # Per family, over the whole subtrees: a clean folder's caches stay cache-coloured.
    merged: dict[str, list[int]] = {}
    for kid in dropped:
        for family in _families_in(kid):
            size, files = kid.by_family.get(family, (kid.total_bytes, kid.total_files))
            slot = merged.setdefault(family, [0, 0, 0])
            slot[0] += 1
            slot[1] += size
            slot[2] += files
    for family, (items, size, files) in sorted(merged.items()):
        label = f"({items:,} small item{'s' if items != 1 else ''})"
        shown.append(_Node(label, _join(node.path, f"{label} {family}"), family=family,
                           block=True, synthetic=True, total_bytes=size, total_files=files))
    return shown


def _families_in(node: _Node) -> list[str]:
    """The families holding bytes below `node` (its own when it holds none)."""
    found = [family for family, (size, _) in node.by_family.items() if size > 0]
    return sorted(found) or [node.family]


def _flatten(root: _Node, kept: set[int]) -> list[list[Any]]:
    """[parent index, name, bytes, files, family index, table row, flags] per node, parents first.

    Flat, not nested: JSON parsers and the page's script both stay iterative on deep trees.
    flags: 1 = merged tile (not a real path), 2 = a finding drawn as one block.
    """
    rows: list[list[Any]] = []
    stack: list[tuple[_Node, int]] = [(root, -1)]
    while stack:
        node, parent = stack.pop()
        index = len(rows)
        flags = (1 if node.synthetic else 0) | (2 if node.block and not node.synthetic else 0)
        rows.append([parent, printable(node.name), node.total_bytes, node.total_files,
                     _DRAWN.get(node.family, _DRAWN["other"]), node.finding, flags])
        kids = _merge_small(node, kept) if node.kids else []
        kids.sort(key=lambda k: (k.total_bytes, k.name))
        stack.extend((kid, index) for kid in kids)
    return rows


def tree_rows(report: Report, budget: int = NODE_BUDGET,
              rows: Mapping[int, int] | None = None) -> tuple[str, list[list[Any]]]:
    """The treemap's data: the base folder and the flat node list."""
    base = sizetree.base_of([g.root for g in report.groups] or report.roots)
    tree: _Tree = sizetree.SizeTree(base, _Node)
    for group in report.groups:
        _add_group(tree, group, sizetree.rel_to(group.root, base), rows or {})
    order = _inherit_and_total(tree)
    _own_files_as_tiles(order)
    return base, _flatten(tree.root, _keep(tree.root, budget))


# ---------------------------------------------------------------------------- the table
def _fix_text(finding: Finding) -> str:
    fix = finding.fix
    if fix is None:
        return ""
    label = {Applicability.SAFE: "fix", Applicability.UNSAFE: "unsafe fix",
             Applicability.DISPLAY_ONLY: "advice"}[fix.applicability]
    blocked = f": waits for the user: {fix.blocked_by}" if fix.blocked_by else ""
    return f"{fix.action.value} ({label}){blocked}"


def _state(finding: Finding) -> str:
    return finding.tracked.value + (", ignored" if finding.ignored else "")


def _finding_rows(report: Report, base: str,
                  budget: int) -> tuple[list[list[Any]], dict[int, int], int]:
    """The biggest `budget` findings as table rows; id(finding) -> row; how many were left out."""
    everything = [(g, f) for g in report.groups for f in g.findings]
    everything.sort(key=lambda gf: -gf[1].size.apparent)
    shown = everything[:budget]
    rows: list[list[Any]] = []
    index: dict[int, int] = {}
    for group, finding in shown:
        prefix = os.path.relpath(group.root, base).replace(os.sep, "/")
        tree_path = _join("" if prefix == "." else prefix, finding.path)
        index[id(finding)] = len(rows)
        rows.append([
            finding.code, family_of(finding), printable(_join(
                "" if prefix == "." else prefix, finding.path) or "."),
            finding.kind or finding.rule, finding.size.apparent, finding.size.files,
            _state(finding), _fix_text(finding), printable(finding.message),
            printable(tree_path), 1 if finding.fails else 0,
        ])
    return rows, index, len(everything) - len(shown)


# ---------------------------------------------------------------------------- totals
def _size_json(size: Size) -> dict[str, int]:
    return {"bytes": size.apparent, "disk": size.disk, "files": size.files}


def _surface_json(surface: Surface) -> dict[str, int]:
    return {"files": surface.files, "bytes": surface.bytes}


def _group_json(group: Group, base: str) -> dict[str, Any]:
    prefix = os.path.relpath(group.root, base).replace(os.sep, "/")
    return {
        "label": printable(group.label),
        "root": printable(group.root),
        "path": "" if prefix == "." else printable(prefix),
        "repo": group.is_repo,
        "scanned": _size_json(group.scanned),
        "reclaimable": _size_json(group.reclaimable),
        "before": _surface_json(group.surface_before),
        "after": _surface_json(group.surface_after),
        "findings": len(group.findings),
        "notes": [printable(n) for n in group.notes],
    }


def _totals_json(report: Report) -> dict[str, Any]:
    groups = report.groups
    return {
        "scanned": _size_json(sum((g.scanned for g in groups), Size())),
        "reclaimable": _size_json(sum((g.reclaimable for g in groups), Size())),
        "before": _surface_json(sum((g.surface_before for g in groups), Surface())),
        "after": _surface_json(sum((g.surface_after for g in groups), Surface())),
        "findings": len(report.findings),
        "failing": sum(1 for f in report.findings if f.fails),
        "duration": round(report.duration_s, 2),
    }


# ---------------------------------------------------------------------------- history
# colour, dash pattern: lines that often coincide (scanned and surface, tracked and surface
# after fix) stay visible on top of each other.
_SIZE_SERIES = {"scanned_bytes": ("#444444", ""), "tracked_bytes": ("#7B61FF", "7 5"),
                "surface_before_bytes": ("#0072B2", "2 4"),
                "surface_after_bytes": ("#56B4E9", "")}
# Ignore-rule findings point at bytes another family already counts: not a line of their own.
_CHART_FAMILIES_LEFT_OUT = {"family.ignore"}


def _colour(family: str) -> str:
    drawn = {key: colour for key, _label, colour, _what in FAMILIES}
    return drawn.get(family) or TABLE_ONLY.get(family, ("", "#999999"))[1]


def _history_json(history: Mapping[str, Sequence[Totals]], base: str) -> list[dict[str, Any]]:
    charts = []
    for repo, entries in sorted(history.items()):
        if not entries:
            continue
        found = metrics(entries)
        size_series = [
            {"label": m.label, "color": _SIZE_SERIES[m.key][0], "dash": _SIZE_SERIES[m.key][1],
             "values": list(m.values)}
            for m in found if m.key in _SIZE_SERIES
        ]
        family_series = [
            {"label": m.label, "color": _colour(m.key.split(".", 1)[1]), "dash": "",
             "values": list(m.values)}
            for m in found
            if m.key.startswith("family.") and m.key not in _CHART_FAMILIES_LEFT_OUT
        ]
        label = os.path.relpath(repo, base) if repo.startswith(base) else repo
        charts.append({
            "repo": printable(repo),
            "label": printable("." if label == "." else label),
            "times": [e.scanned_at for e in entries],
            "charts": [c for c in (
                {"title": "size and search surface", "series": size_series},
                {"title": "bloat by family", "series": family_series},
            ) if c["series"]],
        })
    return charts


# ---------------------------------------------------------------------------- the page
def _asset(name: str) -> str:
    return resources.files("tidy.reporters").joinpath("html_assets", name).read_text("utf-8")


def _script_json(data: Any) -> str:
    """JSON that can sit inside <script>: no "</script>", no "<!--" (every "<" escaped)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def report_data(report: Report, history: Mapping[str, Sequence[Totals]] | None = None,
                node_budget: int = NODE_BUDGET, row_budget: int = ROW_BUDGET) -> dict[str, Any]:
    """Everything the page draws, as plain data (also what the tests inspect)."""
    base = sizetree.base_of([g.root for g in report.groups] or report.roots)
    rows, index, left_out = _finding_rows(report, base, row_budget)
    base, tree = tree_rows(report, node_budget, index)
    return {
        "version": __version__,
        "base": printable(base),
        "roots": [printable(r) for r in report.roots],
        "families": [list(f) for f in FAMILIES],
        "tableFamilies": {k: list(v) for k, v in TABLE_ONLY.items()},
        "tree": tree,
        "findings": rows,
        "findingsLeftOut": left_out,
        "totals": _totals_json(report),
        "groups": [_group_json(g, base) for g in report.groups],
        "history": _history_json(history or {}, base),
        "warnings": [printable(w) for w in report.warnings],
        "skipped": [[printable(s.path), s.reason] for s in report.skipped[:200]],
        "skippedCount": len(report.skipped),
        "notReported": [list(h) for h in report.hidden_kinds],
    }


def render(report: Report, history: Mapping[str, Sequence[Totals]] | None = None,
           node_budget: int = NODE_BUDGET, row_budget: int = ROW_BUDGET) -> str:
    """The whole page as one string: inline CSS, inline script, the data as JSON."""
    data = report_data(report, history, node_budget, row_budget)
    parts = {
        "title": html.escape(f"tidy report: {data['base']}"),
        "style": _asset("report.css"),
        "script": _asset("report.js"),
        "data": _script_json(data),
    }
    # One pass: a path that happens to contain "{{style}}" is not expanded again.
    return _SLOT.sub(lambda match: parts[match[1]], _asset("report.html"))
