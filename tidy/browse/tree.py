"""The folder tree of a scan, for ncdu-style drilling in `tidy browse`: no second walk.

Drawn only from what the scan's groups hold, the way the HTML report's treemap is: each
group's `layout` (every folder the walk went into, with the files directly inside) and its
findings (artifact folders measured but not walked into, big files and data modules carved
out of their folder's files). What the walk counted that neither shows (opt-in kinds,
findings under --min-size) is one "(not itemised)" entry, so a group's sizes add up to what
the scan counted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tidy.browse.model import Item
from tidy.core.models import Group

NOT_ITEMISED = "(not itemised)"
_NOT_IN_TREE = frozenset({"TDY203", "TDY206"})  # git history, not the work tree


@dataclass(eq=False)
class Node:
    name: str
    path: str  # relative to the tree's base, "" for the base
    kids: dict[str, Node] = field(default_factory=dict)
    own_bytes: int = 0  # folders: the files directly inside; blocks: their whole size
    own_files: int = 0
    explored: bool = False  # the walk went into it: its own files are known
    block: bool = False  # measured as a whole (an artifact folder, a file): no entries below
    synthetic: bool = False  # "(not itemised)": not a real path
    keys: list[str] = field(default_factory=list)  # items (findings) at this path
    gone: str = ""  # the run that moved or changed what the scan found here
    total_bytes: int = 0
    total_files: int = 0

    @property
    def enterable(self) -> bool:
        return not self.block and not self.synthetic and bool(self.kids)


class ScanTree:
    def __init__(self, base: str) -> None:
        self.base = base
        self.root = Node(os.path.basename(base) or base, "")
        self.nodes: dict[str, Node] = {"": self.root}
        self.where: dict[str, str] = {}  # item key -> node path

    @classmethod
    def build(cls, groups: Iterable[Group], items: Iterable[Item],
              roots: tuple[str, ...] = (),
              gone: Mapping[str, tuple[Item, str]] | None = None) -> ScanTree:
        """The tree of `groups`, with `items` where the scan found them; `gone` (item key ->
        (item, run id)) are findings a run has changed since, drawn where they were."""
        groups = list(groups)
        tree = cls(_base_of([g.root for g in groups] or list(roots)))
        runs = {key: run for key, (_, run) in (gone or {}).items()}
        by_group: dict[str, list[Item]] = {}
        for item in [*items, *(item for item, _ in (gone or {}).values())]:
            by_group.setdefault(item.group.root, []).append(item)
        for group in groups:
            tree._add_group(group, by_group.get(group.root, []))
        for node in tree.nodes.values():
            if node.keys and all(k in runs for k in node.keys):
                node.gone = runs[node.keys[0]]
        tree._total(tree.root)
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
        return path.rsplit("/", 1)[0] if "/" in path else ""

    def folder_of(self, key: str) -> str:
        """The folder to open for an item: the one holding it."""
        path = self.where.get(key, "")
        return self.parent(path) or ""

    def absolute(self, path: str) -> str:
        return os.path.join(self.base, path) if path else self.base

    # -- building ---------------------------------------------------------------------------
    def _folder(self, path: str) -> Node:
        node = self.nodes.get(path)
        if node is not None:
            return node
        parent = self._folder(path.rsplit("/", 1)[0] if "/" in path else "")
        node = Node(path.rsplit("/", 1)[-1], path)
        parent.kids[node.name] = node
        self.nodes[path] = node
        return node

    def _add_group(self, group: Group, items: list[Item]) -> None:
        prefix = _rel(group.root, self.base)
        graft = self._folder(prefix)
        accounted = 0
        for rel, files, size in group.layout:
            node = self._folder(_join(prefix, rel))
            node.own_files += files
            node.own_bytes += size
            node.explored = True
            accounted += size
        for item in sorted(items, key=lambda i: (i.finding.path.count("/"), i.finding.path,
                                                 -i.finding.size.apparent)):
            accounted += self._add_item(_join(prefix, item.finding.path), item)
        rest = group.scanned.apparent - accounted
        if rest > 0:
            name = NOT_ITEMISED
            path = _join(prefix, name)
            graft.kids[name] = Node(name, path, own_bytes=rest, block=True, synthetic=True)

    def _add_item(self, path: str, item: Item) -> int:
        """Place one finding; the bytes it adds beyond the layout."""
        finding = item.finding
        existing = self.nodes.get(path)
        if existing is not None:  # an explored folder, or a path drawn by another finding
            existing.keys.append(item.key)
            self.where[item.key] = path
            return 0
        if finding.code in _NOT_IN_TREE or finding.size.apparent <= 0 or path == "":
            return 0
        holder = self._nearest(self.parent(path) or "")
        if holder.block:  # inside a block measured whole: its bytes are there already
            self.where[item.key] = holder.path
            holder.keys.append(item.key)
            return 0
        size, files = finding.size.apparent, max(finding.size.files, 0)
        parent = self.nodes.get(self.parent(path) or "")
        carved = (finding.size.dirs == 0 and parent is not None and parent.explored
                  and parent.own_bytes >= size and parent.own_files >= files)
        if carved and parent is not None:  # a file the walk counted among its folder's files
            parent.own_bytes -= size
            parent.own_files -= files
        node = self._folder(path)
        node.block, node.own_bytes, node.own_files = True, size, files
        node.keys.append(item.key)
        self.where[item.key] = path
        return 0 if carved else size

    def _nearest(self, path: str) -> Node:
        while path not in self.nodes:
            path = path.rsplit("/", 1)[0] if "/" in path else ""
        return self.nodes[path]

    def _total(self, root: Node) -> None:
        order: list[Node] = []
        stack = [root]
        while stack:  # iterative: trees may be deeper than the recursion limit
            node = stack.pop()
            order.append(node)
            stack.extend(node.kids.values())
        for node in reversed(order):
            node.total_bytes = node.own_bytes + sum(k.total_bytes for k in node.kids.values())
            node.total_files = node.own_files + sum(k.total_files for k in node.kids.values())


def _base_of(places: list[str]) -> str:
    if not places:
        return os.sep
    try:
        return os.path.commonpath(places)
    except ValueError:
        return places[0]


def _rel(path: str, base: str) -> str:
    rel = os.path.relpath(path, base).replace(os.sep, "/")
    return "" if rel == "." else rel


def _join(prefix: str, rel: str) -> str:
    if rel in ("", "."):
        return prefix
    return f"{prefix}/{rel}" if prefix else rel
