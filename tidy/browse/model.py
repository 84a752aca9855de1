"""What `tidy browse` shows and what the user chose: groups as they arrive, rows, marks.

Pure data, no Textual: the app asks for rows (filtered and sorted), toggles marks, and gets
the marked findings back as a Report of the scan's own findings, which is what the plan code
of `tidy fix` takes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tidy.browse.cells import fixable
from tidy.browse.filters import Facts, Filter, facts_of
from tidy.core.models import Finding, Group, Report

# Bytes in git history, not in the work tree: left out of a group's total.
_NOT_IN_TREE = frozenset({"TDY203", "TDY206"})


@dataclass(frozen=True)
class Item:
    """One finding of one group: a row that can be marked."""

    key: str
    group: Group
    finding: Finding


@dataclass(frozen=True)
class GroupRow:
    """A repo's (or plain folder's) header row."""

    key: str
    group: Group
    shown: tuple[Item, ...]  # its items that pass the filter
    total: int  # bytes of all its findings, each path once
    count: int  # all its findings


Row = GroupRow | Item


@dataclass(frozen=True)
class Arrived:
    """A group made ready to be shown: its items, what the filter reads of each, which can be
    marked. Worked out by `prepare` on the thread that reads the scan, not the screen's."""

    group: Group
    items: tuple[Item, ...]
    facts: tuple[Facts, ...]
    fixable: frozenset[str]
    orders: dict[str, list[tuple[Item, Facts]]]  # the items sorted by path, by age


def prepare(group: Group) -> Arrived:
    items = tuple(Item(f"{group.root}\0{i}", group, f) for i, f in enumerate(group.findings))
    facts = tuple(facts_of(f) for f in group.findings)
    pairs = list(zip(items, facts, strict=True))
    orders = {order: sorted(pairs, key=_ITEM_ORDER[order]) for order in ORDERS[1:]}
    return Arrived(group, items, facts, frozenset(i.key for i in items if fixable(i.finding)),
                   orders)


ORDERS = ("size", "path", "age")  # `s` goes round them


def _age_key(pair: tuple[Item, Facts]) -> tuple[bool, float, str]:
    """Oldest project first (the likeliest to be done with); an unknown age last."""
    facts = pair[1]
    return (not facts.activity, facts.activity, facts.path)


_ITEM_ORDER: dict[str, Callable[[tuple[Item, Facts]], Any]] = {
    "path": lambda pair: pair[1].path,
    "age": _age_key,
}
_GROUP_ORDER: dict[str, Callable[[GroupRow], Any]] = {
    "size": lambda h: (-h.total, h.group.label),
    "path": lambda h: h.group.label.lower(),
    "age": lambda h: _age_key((h.shown[0], facts_of(h.shown[0].finding))),
}


def group_key(group: Group) -> str:
    return f"{group.root}\0group"


def tree_bytes(findings: Iterable[Finding]) -> int:
    """Bytes of the findings, a path inside one already counted adding nothing again."""
    total = 0
    last: str | None = None
    for finding in sorted((f for f in findings if f.code not in _NOT_IN_TREE),
                          key=lambda f: (f.path, -f.size.apparent)):
        if last is not None and (finding.path == last or finding.path.startswith(last + "/")
                                 or last == "."):
            continue
        last = finding.path
        total += finding.size.apparent
    return total


class Marks(set[str]):
    """The marked keys; `version` changes with every change, so that what is worked out from
    them (the marked items, their bytes: a sort of every mark) is worked out once per change."""

    version = 0

    def _changed(self) -> None:
        self.version += 1

    def add(self, key: str) -> None:
        super().add(key)
        self._changed()

    def discard(self, key: object) -> None:
        super().discard(key)
        self._changed()

    def remove(self, key: str) -> None:
        super().remove(key)
        self._changed()

    def clear(self) -> None:
        super().clear()
        self._changed()

    def update(self, *keys: Iterable[str]) -> None:
        super().update(*keys)
        self._changed()

    def difference_update(self, *keys: Iterable[object]) -> None:
        super().difference_update(*keys)
        self._changed()


class Model:
    def __init__(self) -> None:
        self._groups: dict[str, Group] = {}  # by root, in arrival order
        self._items: dict[str, list[Item]] = {}  # by group root, biggest first (engine order)
        self._by_key: dict[str, Item] = {}
        self._gone: dict[str, tuple[Item, str]] = {}  # changed by a run: (item, run id)
        self._fixable: set[str] = set()  # keys of the items tidy can apply a fix to
        self._facts: dict[str, list[Facts]] = {}  # by group root, as _items: for the filter
        self._totals: dict[str, int] = {}  # group root -> tree_bytes of its items
        self._orders: dict[tuple[str, str], list[tuple[Item, Facts]]] = {}  # (root, order)
        self._marked: tuple[int, list[Item], int] = (-1, [], 0)  # (marks version, items, bytes)
        self.marks: Marks = Marks()

    # -- what arrived -----------------------------------------------------------------------
    def add_group(self, group: Group | Arrived) -> None:
        arrived = group if isinstance(group, Arrived) else prepare(group)
        root = arrived.group.root
        if root in self._groups:
            return  # a repo reached from two scanned paths: shown once
        self._groups[root] = arrived.group
        self._items[root] = list(arrived.items)
        self._facts[root] = list(arrived.facts)
        self._orders.update(((root, order), pairs) for order, pairs in arrived.orders.items())
        self._by_key.update((item.key, item) for item in arrived.items)
        self._fixable.update(arrived.fixable)

    @property
    def groups(self) -> list[Group]:
        return list(self._groups.values())

    def item(self, key: str) -> Item | None:
        return self._by_key.get(key)

    def group(self, key: str) -> Group | None:
        root = key.removesuffix("\0group")
        return self._groups.get(root) if key.endswith("\0group") else None

    def items(self) -> list[Item]:
        return [item for items in self._items.values() for item in items]

    # -- rows ---------------------------------------------------------------------------------
    def rows(self, flt: Filter, now: float, order: str = "size") -> list[Row]:
        """Groups, each followed by its shown items, in `order` (ORDERS: biggest first, by
        path, oldest project first); a group with nothing to show (clean, or filtered away)
        is left out."""
        headers = []
        test = flt.predicate(now)
        for root, group in self._groups.items():
            pairs = self._ordered(root, order)
            shown = (tuple([i for i, f in pairs if test(f)]) if flt.active
                     else tuple([i for i, _ in pairs]))
            if not shown:
                continue
            headers.append(GroupRow(group_key(group), group, shown, self._total(root),
                                    len(self._items[root])))
        headers.sort(key=_GROUP_ORDER[order])
        rows: list[Row] = []
        for header in headers:
            rows.append(header)
            rows.extend(header.shown)
        return rows

    def _ordered(self, root: str, order: str) -> list[tuple[Item, Facts]]:
        """A group's items with their facts in `order`, sorted once per order and change."""
        found = self._orders.get((root, order))
        if found is None:
            pairs = list(zip(self._items[root], self._facts_of(root), strict=True))
            if order != "size":  # the engine's order is biggest first
                pairs.sort(key=_ITEM_ORDER[order])
            found = self._orders[(root, order)] = pairs
        return found

    def _facts_of(self, root: str) -> list[Facts]:
        facts = self._facts.get(root)
        if facts is None:  # worked out at the first filter, not for every scan
            facts = self._facts[root] = [facts_of(i.finding) for i in self._items[root]]
        return facts

    def _total(self, root: str) -> int:
        total = self._totals.get(root)
        if total is None:
            total = self._totals[root] = tree_bytes(i.finding for i in self._items[root])
        return total

    # -- marks --------------------------------------------------------------------------------
    def toggle(self, key: str) -> str:
        """Mark or unmark one item; "" when done, else why it cannot be marked."""
        item = self._by_key.get(key)
        if item is None:
            return "not a finding"
        if key in self.marks:
            self.marks.discard(key)
            return ""
        if not fixable(item.finding):
            return f"{item.finding.code}: tidy only advises here; nothing to apply"
        self.marks.add(key)
        return ""

    def toggle_all(self, keys: Iterable[str]) -> int:
        """Mark every fixable item of `keys`; when all are marked already, unmark them.
        How many marks changed."""
        fixables = [k for k in keys if k in self._fixable]
        if fixables and all(k in self.marks for k in fixables):
            self.marks.difference_update(fixables)
            return len(fixables)
        new = [k for k in fixables if k not in self.marks]
        self.marks.update(new)
        return len(new)

    def toggle_together(self, keys: Iterable[str]) -> str:
        """The findings at one path as one mark: unmark all if any is marked, else mark
        those that can be applied; "" when done, else why none could be marked."""
        keys = [k for k in keys if k in self._by_key]
        if any(k in self.marks for k in keys):
            self.marks.difference_update(keys)
            return ""
        problems = [self.toggle(k) for k in keys]
        return "" if not all(problems) else (problems[0] if problems else "nothing to mark")

    def marked(self) -> list[Item]:
        return list(self._marked_now()[0])

    def marked_bytes(self) -> int:
        return self._marked_now()[1]

    def _marked_now(self) -> tuple[list[Item], int]:
        version, items, total = self._marked
        if version != self.marks.version:
            marks = self.marks
            items, total = [], 0
            for root, group_items in self._items.items() if marks else ():
                chosen = [i for i in group_items if i.key in marks]
                items += chosen
                # Each repo on its own: `node_modules` of two repos are two folders.
                total += (self._total(root) if len(chosen) == len(group_items)
                          else tree_bytes(i.finding for i in chosen))
            self._marked = (marks.version, items, total)
        return items, total

    def marked_report(self, roots: tuple[str, ...]) -> Report:
        """The scan's report narrowed to the marked findings: what the plan is built from."""
        chosen = {i.key for i in self.marked()}
        groups = []
        for root, group in self._groups.items():
            findings = tuple(i.finding for i in self._items[root] if i.key in chosen)
            if findings:
                groups.append(dataclasses.replace(group, findings=findings))
        return Report(roots=roots, groups=tuple(groups))

    def forget(self, keys: Iterable[str], run_id: str) -> None:
        """Take items whose paths run `run_id` changed out of the rows: the scan's numbers
        no longer hold for them. The folder view still shows where they were."""
        asked = set(keys)
        self.marks.difference_update(asked)
        gone = asked & self._by_key.keys()
        roots = set()
        for key in gone:
            item = self._by_key.pop(key)
            self._fixable.discard(key)
            self._gone[key] = (item, run_id)
            roots.add(item.group.root)
        for root in roots:  # each list filtered once (a remove per item was quadratic)
            kept = [(i, f) for i, f in zip(self._items[root], self._facts_of(root), strict=True)
                    if i.key not in gone]
            self._items[root] = [i for i, _ in kept]
            self._facts[root] = [f for _, f in kept]
            self._totals.pop(root, None)
            for order in ORDERS:
                pairs = self._orders.get((root, order))
                if pairs is not None:
                    self._orders[(root, order)] = [p for p in pairs if p[0].key not in gone]

    def gone_item(self, key: str) -> Item | None:
        found = self._gone.get(key)
        return found[0] if found is not None else None

    def gone(self) -> dict[str, tuple[Item, str]]:
        return dict(self._gone)
