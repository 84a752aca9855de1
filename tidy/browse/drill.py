"""ncdu-style folders: walk down and up the scanned tree by size, mark what is found there.

The tree is tidy.browse.tree.ScanTree: the scan's layout and findings, never a second walk.
A folder the scan measured as a whole (node_modules, a build folder) is one entry with its
size; the walk did not list what is inside, so neither does this view.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from tidy.browse import evidence, panes
from tidy.browse.cells import fit, kind_word, size
from tidy.browse.model import Item
from tidy.browse.rowlist import Column, RowList
from tidy.browse.tree import Node, ScanTree
from tidy.core.printable import printable

if TYPE_CHECKING:
    from tidy.browse.app import BrowseApp

_BAR = 10
_SIZE_WIDTH = 9
_FILES_WIDTH = 9
_KIND_WIDTH = 14


class DrillScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,l", "enter_folder", "Into"),
        Binding("left,h,backspace", "up", "Up"),
        Binding("space", "mark", "Mark"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        Binding("j", "cursor('down')", show=False),
        Binding("k", "cursor('up')", show=False),
    ]
    CSS = """
    #drill-title { height: 1; padding: 0 1; background: $panel; }
    #drill-rows { height: 1fr; }
    #drill-info { height: 5; padding: 0 1; border-top: solid $primary; }
    """

    def __init__(self, from_key: str) -> None:
        super().__init__()
        self.from_key = from_key
        self.scan_tree: ScanTree | None = None
        self.folder = ""
        self.listing: list[Node] = []

    @property
    def browse(self) -> BrowseApp:
        return cast("BrowseApp", self.app)  # only BrowseApp pushes this screen

    def compose(self) -> ComposeResult:
        yield Static(id="drill-title", markup=False)
        yield RowList(id="drill-rows")
        yield Static(id="drill-info", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.scan_tree = self.browse.scan_tree()
        start, select = self._start()
        self.show(start, select)
        self.query_one("#drill-rows", RowList).focus()

    def _start(self) -> tuple[str, str]:
        """The folder to open and the entry to put the cursor on."""
        assert self.scan_tree is not None
        group = self.browse.model.group(self.from_key)
        if group is not None:
            path = _rel(group.root, self.scan_tree.base)
            return path, ""
        where = self.scan_tree.where.get(self.from_key)
        if where is None:
            return "", ""
        return self.scan_tree.parent(where) or "", where

    # -- drawing ------------------------------------------------------------------------------
    def show(self, path: str, select: str = "") -> None:
        assert self.scan_tree is not None
        self.folder = path
        node = self.scan_tree.node(path)
        self.listing = self.scan_tree.entries(path)
        table = self.query_one("#drill-rows", RowList)
        name_width = max(12, self.size.width - (_SIZE_WIDTH + _BAR + 2 + _FILES_WIDTH
                                                 + _KIND_WIDTH + 5 * 2 + 2))
        table.set_columns([Column("size", "size", _SIZE_WIDTH, right=True),
                           Column("bar", "", _BAR + 2),
                           Column("files", "files", _FILES_WIDTH, right=True),
                           Column("name", "name", name_width),
                           Column("found", "found", _KIND_WIDTH)])
        biggest = max((e.total_bytes for e in self.listing), default=0)
        listing, own = self.listing, self._own_files(node)

        def cells(index: int) -> list[Text]:
            if index < len(listing):
                return self._cells(listing[index], biggest, name_width)
            assert own is not None
            return own

        paths = [e.path for e in listing]
        table.set_rows(len(listing) + (own is not None), cells,
                       paths.index(select) if select in paths else 0)
        where = printable(self.scan_tree.absolute(path))
        files = node.total_files
        title = f"{where}  {size(node.total_bytes)} in {files:,} file{'' if files == 1 else 's'}"
        panes.show(self.query_one("#drill-title", Static), Text(fit(title, self.size.width - 2)))
        self._info()

    def _cells(self, entry: Node, biggest: int, name_width: int) -> list[Text]:
        filled = round(_BAR * entry.total_bytes / biggest) if biggest else 0
        bar = "[" + "#" * filled + " " * (_BAR - filled) + "]"
        name = printable(entry.name) + ("/" if entry.enterable else "")
        marked = any(k in self.browse.model.marks for k in entry.keys)
        if marked:
            name = "● " + name
        found = self._found(entry)
        style = "dim strike" if entry.gone else "bold" if entry.keys else ""
        return [Text(size(entry.total_bytes), justify="right"), Text(bar),
                Text(f"{entry.total_files:,}", justify="right"),
                Text(fit(name, name_width), style=style),
                Text(fit(found, _KIND_WIDTH), style="dim" if entry.gone else "")]

    def _found(self, entry: Node) -> str:
        if entry.gone:
            return f"done: run {entry.gone}"
        items = [self._item(k) for k in entry.keys]
        kinds = [kind_word(i.finding) for i in items if i is not None]
        return ", ".join(dict.fromkeys(kinds))

    def _item(self, key: str) -> Item | None:
        model = self.browse.model
        return model.item(key) or model.gone_item(key)

    def _own_files(self, node: Node) -> list[Text] | None:
        if not node.kids or node.own_files <= 0:
            return None  # a folder of only files shows them all in its own size line
        label = f"({node.own_files:,} files directly here)"
        return [Text(size(node.own_bytes), justify="right"), Text(""),
                Text(f"{node.own_files:,}", justify="right"), Text(label, style="dim"), Text("")]

    def _current(self) -> Node | None:
        row = self.query_one("#drill-rows", RowList).cursor_row
        return self.listing[row] if 0 <= row < len(self.listing) else None

    def _info(self) -> None:
        entry = self._current()
        text = Text()
        if entry is None:
            text.append("Files directly in this folder, counted by the walk.", style="dim")
        elif entry.synthetic:
            text.append("Bytes the walk counted that no listed folder or finding holds: "
                        "opt-in kinds (venvs), findings under --min-size or not selected.")
        elif entry.gone:
            text.append(f"Changed by run {entry.gone} after the scan (moved to tidy's trash, "
                        "or edited); the sizes are the scan's. `tidy undo` puts it back.")
        elif entry.keys:
            text = evidence.for_row(self._item(entry.keys[0]), time.time())
        elif entry.block:
            text.append("Measured as a whole by the scan.", style="dim")
        else:
            text.append(f"{printable(entry.path)}: {size(entry.total_bytes)} in "
                        f"{entry.total_files:,} files. enter or → opens it.")
        panes.show(self.query_one("#drill-info", Static), text)

    @on(RowList.Highlighted, "#drill-rows")
    def _highlighted(self) -> None:
        self._info()

    @on(RowList.Selected, "#drill-rows")
    def _selected(self) -> None:
        self.action_enter_folder()

    # -- actions ------------------------------------------------------------------------------
    def action_enter_folder(self) -> None:
        entry = self._current()
        if entry is not None and entry.enterable:
            self.show(entry.path)

    def action_up(self) -> None:
        assert self.scan_tree is not None
        parent = self.scan_tree.parent(self.folder)
        if parent is not None:
            self.show(parent, select=self.folder)

    def action_mark(self) -> None:
        entry = self._current()
        if entry is None or not entry.keys:
            self.notify("nothing found here to mark", severity="warning")
            return
        problem = self.browse.model.toggle_together(entry.keys)
        if problem:
            self.notify(problem, severity="warning")
        self.query_one("#drill-rows", RowList).redraw()
        self._info()
        self.browse.main.marks_changed()

    def action_cursor(self, direction: str) -> None:
        self.query_one("#drill-rows", RowList).action_move(1 if direction == "down" else -1)

    def action_back(self) -> None:
        self.app.pop_screen()


def _rel(path: str, base: str) -> str:
    rel = os.path.relpath(path, base).replace(os.sep, "/")
    return "" if rel == "." else rel
