"""The folder tree of a scan, drawn from the Report alone (no second walk), with its sizes:
what the HTML treemap (reporters/html.py) and `tidy browse`'s folders (browse/tree.py) show.

Each group gives its `layout` (every folder the walk went into, with the files directly
inside) and its findings, placed as blocks measured whole: an artifact folder measured but
not walked into, or a big file or data module carved out of its folder's own files (a file
the walk already counted there is not counted twice). What the walk counted that neither
shows (opt-in kinds, findings under --min-size) is one "(not itemised)" block per group, so
a group's sizes add up to what the scan counted. Which findings are placed, and what a node
carries besides sizes, is the caller's.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, Self, TypeVar

from tidy.core.models import Group


@dataclass(eq=False)
class Node:
    name: str
    path: str  # relative to the tree's base, "" for the base itself
    kids: dict[str, Self] = field(default_factory=dict)  # nodes of the same (caller's) type
    own_bytes: int = 0  # folders: the files directly inside; blocks: their whole size
    own_files: int = 0
    explored: bool = False  # a folder the walk went into: its own files are known
    block: bool = False  # measured as a whole (a finding, the rest): nothing drawn below it
    synthetic: bool = False  # not a real path ("(not itemised)", merged tiles)
    total_bytes: int = 0
    total_files: int = 0


N = TypeVar("N", bound=Node)


@dataclass(frozen=True)
class Placed(Generic[N]):
    """Where a finding is drawn: `node`, at the finding's own path (`own`) or the block above
    it that holds its bytes already; `added`: the bytes it adds beyond the layout."""

    node: N
    own: bool
    added: int


class SizeTree(Generic[N]):
    def __init__(self, base: str, make: Callable[[str, str], N]) -> None:
        self.base = base
        self._make = make  # (name, path) -> a node of the caller's type
        self.root = make(os.path.basename(base) or base, "")
        self.nodes: dict[str, N] = {"": self.root}

    def folder(self, path: str) -> N:
        """The node at `path`, created with its missing ancestors."""
        node = self.nodes.get(path)
        if node is not None:
            return node
        parent = self.folder(parent_of(path)) if "/" in path else self.root
        node = self._make(path.rsplit("/", 1)[-1], path)
        parent.kids[node.name] = node
        self.nodes[path] = node
        return node

    def nearest(self, path: str) -> N:
        """The deepest existing node at or above `path`."""
        while path not in self.nodes:
            path = parent_of(path) if "/" in path else ""
        return self.nodes[path]

    def add_layout(self, prefix: str, group: Group) -> int:
        """The folders the walk explored in `group` (grafted at `prefix`); their bytes."""
        accounted = 0
        for rel, files, size in group.layout:
            node = self.folder(join(prefix, rel))
            node.own_files += files
            node.own_bytes += size
            node.explored = True
            accounted += size
        return accounted

    def place(self, path: str, size: int, files: int, is_dir: bool) -> Placed[N]:
        """A finding measured as a whole, at `path`. A node there already (a folder the walk
        explored, a block placed before, the base) shows it as it is; inside a block, the
        block does; else it becomes a block, carved out of its folder's own files when the
        walk counted it there."""
        existing = self.nodes.get(path)
        if existing is not None:
            return Placed(existing, True, 0)
        holder = self.nearest(parent_of(path))
        if holder.block:  # inside a block measured whole: its bytes are there already
            return Placed(holder, False, 0)
        parent = self.nodes.get(parent_of(path))
        carved = (not is_dir and parent is not None and parent.explored
                  and parent.own_bytes >= size and parent.own_files >= files)
        if carved and parent is not None:  # a file the walk counted among its folder's files
            parent.own_bytes -= size
            parent.own_files -= files
        node = self.folder(path)
        node.block, node.own_bytes, node.own_files = True, size, files
        return Placed(node, True, 0 if carved else size)

    def add_rest(self, prefix: str, group: Group, accounted: int, name: str) -> N | None:
        """What the walk counted in `group` beyond `accounted` bytes, as one block `name`."""
        rest = group.scanned.apparent - accounted
        if rest <= 0:
            return None
        node = self._make(name, join(prefix, "(not itemised)"))
        node.own_bytes, node.block, node.synthetic = rest, True, True
        self.folder(prefix).kids[name] = node
        return node

    def walk(self) -> Iterator[tuple[N, N | None]]:
        """Every (node, parent), parents first; iterative: trees may be deeper than the stack."""
        stack: list[tuple[N, N | None]] = [(self.root, None)]
        while stack:
            node, parent = stack.pop()
            yield node, parent
            stack.extend((kid, node) for kid in node.kids.values())

    def total(self) -> list[N]:
        """Sum sizes bottom-up; the nodes, parents first."""
        order = [node for node, _ in self.walk()]
        for node in reversed(order):
            node.total_bytes = node.own_bytes + sum(k.total_bytes for k in node.kids.values())
            node.total_files = node.own_files + sum(k.total_files for k in node.kids.values())
        return order


def base_of(places: Iterable[str]) -> str:
    """The folder the tree is drawn from: the groups' common folder."""
    found = list(places)
    if not found:
        return os.sep
    try:
        return os.path.commonpath(found)
    except ValueError:  # mixed absolute/relative: never from the engine, but keep drawing
        return found[0]


def rel_to(path: str, base: str) -> str:
    rel = os.path.relpath(path, base).replace(os.sep, "/")
    return "" if rel == "." else rel


def parent_of(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def join(prefix: str, rel: str) -> str:
    if rel in ("", "."):
        return prefix
    return f"{prefix}/{rel}" if prefix else rel
