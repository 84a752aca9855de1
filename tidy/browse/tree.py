"""The folder tree of a scan, for ncdu-style drilling in `tidy browse`: no second walk.

Drawn only from what the scan's groups hold, with the HTML report's size accounting
(tidy.reporters.sizetree): each group's layout, its findings as blocks (artifact folders
measured but not walked into, big files and data modules carved out of their folder's
files) and one "(not itemised)" entry for the rest, so a group's sizes add up to what the
scan counted. Here a node also carries the findings (items) drawn at it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tidy.browse.model import Item
from tidy.core.models import Group
from tidy.reporters import sizetree

NOT_ITEMISED = "(not itemised)"
_NOT_IN_TREE = frozenset({"TDY203", "TDY206"})  # git history, not the work tree


@dataclass(eq=False)
class Node(sizetree.Node):
    keys: list[str] = field(default_factory=list)  # items (findings) at this path
    gone: str = ""  # the run that moved or changed what the scan found here

    @property
    def enterable(self) -> bool:
        return not self.block and not self.synthetic and bool(self.kids)


class ScanTree:
    def __init__(self, base: str) -> None:
        self.base = base
        self.sizes: sizetree.SizeTree[Node] = sizetree.SizeTree(base, Node)
        self.root = self.sizes.root
        self.nodes = self.sizes.nodes
        self.where: dict[str, str] = {}  # item key -> node path

    @classmethod
    def build(cls, groups: Iterable[Group], items: Iterable[Item],
              roots: tuple[str, ...] = (),
              gone: Mapping[str, tuple[Item, str]] | None = None) -> ScanTree:
        """The tree of `groups`, with `items` where the scan found them; `gone` (item key ->
        (item, run id)) are findings a run has changed since, drawn where they were."""
        groups = list(groups)
        tree = cls(sizetree.base_of([g.root for g in groups] or list(roots)))
        runs = {key: run for key, (_, run) in (gone or {}).items()}
        by_group: dict[str, list[Item]] = {}
        for item in [*items, *(item for item, _ in (gone or {}).values())]:
            by_group.setdefault(item.group.root, []).append(item)
        for group in groups:
            tree._add_group(group, by_group.get(group.root, []))
        for node in tree.nodes.values():
            if node.keys and all(k in runs for k in node.keys):
                node.gone = runs[node.keys[0]]
        tree.sizes.total()
        return tree

    # -- reading ------------------------------------------------------------------------------
    def node(self, path: str) -> Node:
        return self.nodes.get(path, self.root)

    def entries(self, path: str) -> list[Node]:
        """What is inside `path`, biggest first."""
        return sorted(self.node(path).kids.values(), key=lambda n: (-n.total_bytes, n.name))

    def parent(self, path: str) -> str | None:
        if path == "":
            return None
        return sizetree.parent_of(path)

    def folder_of(self, key: str) -> str:
        """The folder to open for an item: the one holding it."""
        path = self.where.get(key, "")
        return self.parent(path) or ""

    def absolute(self, path: str) -> str:
        return os.path.join(self.base, path) if path else self.base

    # -- building ---------------------------------------------------------------------------
    def _add_group(self, group: Group, items: list[Item]) -> None:
        prefix = sizetree.rel_to(group.root, self.base)
        self.sizes.folder(prefix)
        accounted = self.sizes.add_layout(prefix, group)
        for item in sorted(items, key=lambda i: (i.finding.path.count("/"), i.finding.path,
                                                 -i.finding.size.apparent)):
            accounted += self._add_item(sizetree.join(prefix, item.finding.path), item)
        self.sizes.add_rest(prefix, group, accounted, NOT_ITEMISED)

    def _add_item(self, path: str, item: Item) -> int:
        """Place one finding; the bytes it adds beyond the layout."""
        finding = item.finding
        if path not in self.nodes and (finding.code in _NOT_IN_TREE
                                       or finding.size.apparent <= 0):
            return 0
        placed = self.sizes.place(path, finding.size.apparent, max(finding.size.files, 0),
                                  is_dir=finding.size.dirs != 0)
        placed.node.keys.append(item.key)
        self.where[item.key] = placed.node.path
        return placed.added
