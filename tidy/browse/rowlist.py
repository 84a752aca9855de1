"""A list of rows drawn only where it is seen: the tables of `tidy browse` at any size.

Textual's DataTable builds every row when it is filled (a quarter of a millisecond each):
100,000 findings took 26 s to show, and every filter key, mark-all or plan rebuilt them all.
Here the rows are a count and a function giving one row's cells; a line is made when it is
drawn (the ~60 on screen), so filling, filtering or re-marking costs what the model costs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

_GAP = 2  # columns between two cells
_MARGIN = 1  # blank columns before the first cell


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    right: bool = False  # numbers: right-aligned


Cells = Callable[[int], Sequence[Text]]


def _no_cells(_: int) -> Sequence[Text]:
    return ()


class RowList(ScrollView, can_focus=True):
    """A header line, then rows; one of them under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home,ctrl+home,g", "edge(0)", show=False),
        Binding("end,ctrl+end,G", "edge(1)", show=False),
        Binding("enter", "select", show=False),
    ]
    DEFAULT_CSS = """
    RowList { height: 1fr; overflow-x: hidden; overflow-y: auto; }
    """

    class Highlighted(Message):
        """The cursor is on row `index` (by the user's key or click, or put there)."""

        def __init__(self, row_list: RowList, index: int, by_user: bool) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index
            self.by_user = by_user

        @property
        def control(self) -> RowList:
            return self.row_list

    class Selected(Message):
        """Enter (or a click on the cursor's row) on row `index`."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: tuple[Column, ...] = ()
        self._count = 0
        self._cells: Cells = _no_cells
        self._cursor = 0
        self._lines: dict[int, Strip] = {}  # row index -> its drawn line, until redraw()
        self.lines_made = 0  # rows whose cells were asked for and drawn, ever: what a key cost

    # -- filling --------------------------------------------------------------------------------
    def set_columns(self, columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        self.redraw()

    def set_rows(self, count: int, cells: Cells, cursor: int = 0) -> None:
        """`count` rows, row i's cells from `cells(i)`; the cursor put on `cursor`."""
        self._count, self._cells = count, cells
        self.virtual_size = Size(self._width(), count + 1)
        self._lines.clear()
        self._cursor = -1
        self.move_cursor(cursor)
        self.refresh()

    def redraw(self) -> None:
        """The cells changed (a mark, a resize): draw them again, the rows stay."""
        self._lines.clear()
        self.refresh()

    def redraw_row(self, index: int) -> None:
        """One row's cells changed (one mark): only its line is drawn again, not the ~55 on
        screen (each a Rich render: most of what a mark cost)."""
        self._lines.pop(index, None)
        self.refresh_line(index + 1)  # + 1: the header line above the rows

    # -- reading --------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return self._count

    @property
    def cursor_row(self) -> int:
        return self._cursor if self._count else -1

    def get_row_at(self, index: int) -> list[Text]:
        return list(self._cells(index))

    # -- the cursor -----------------------------------------------------------------------------
    def move_cursor(self, row: int, by_user: bool = False) -> None:
        if not self._count:
            self._cursor = 0
            return
        row = min(max(row, 0), self._count - 1)
        old, self._cursor = self._cursor, row
        self._lines.pop(old, None)
        self._lines.pop(row, None)
        top = round(self.scroll_y)
        self._keep_in_view()
        if round(self.scroll_y) == top and old >= 0:
            # Only the two rows changed: the screen composes and sends those two lines, not
            # the ~45 on screen (what most of a cursor key cost once drawing was cached).
            self.refresh_line(old + 1)  # + 1: the header line above the rows
            self.refresh_line(row + 1)
        else:
            self.refresh()
        if old != row or not by_user:
            self.post_message(self.Highlighted(self, row, by_user))

    def _rows_in_view(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header

    def _keep_in_view(self) -> None:
        top, seen = round(self.scroll_y), self._rows_in_view()
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + seen:
            self.scroll_to(y=self._cursor - seen + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self.move_cursor(self._cursor + step, by_user=True)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self._cursor + direction * self._rows_in_view(), by_user=True)

    def action_edge(self, end: int) -> None:
        self.move_cursor(self._count - 1 if end else 0, by_user=True)

    def action_select(self) -> None:
        if self._count:
            self.post_message(self.Selected(self, self._cursor))

    def on_click(self, click: events.Click) -> None:
        if click.y < 1:
            return  # the header
        row = round(self.scroll_y) + click.y - 1
        if 0 <= row < self._count:
            if row == self._cursor:
                self.post_message(self.Selected(self, row))
            else:
                self.move_cursor(row, by_user=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self._width(), self._count + 1)
        self._lines.clear()
        self._keep_in_view()

    # -- drawing --------------------------------------------------------------------------------
    def _width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def render_line(self, y: int) -> Strip:
        width = self._width()
        if y == 0:
            return self._strip([Text(c.title, style="bold") for c in self.columns], width,
                               Style())
        index = round(self.scroll_y) + y - 1
        if not 0 <= index < self._count:
            return Strip.blank(width, self.rich_style)
        line = self._lines.get(index)
        if line is None or line.cell_length != width:
            cursor = Style(reverse=True) if index == self._cursor else Style()
            line = self._strip(self._cells(index), width, cursor)
            self._lines[index] = line
            self.lines_made += 1
        return line

    def _strip(self, cells: Sequence[Text], width: int, extra: Style) -> Strip:
        line = Text(" " * _MARGIN, end="", no_wrap=True)
        for column, cell in zip(self.columns, cells, strict=False):
            cell = cell.copy()
            cell.truncate(column.width, overflow="ellipsis")
            room = column.width - cell.cell_len
            if column.right:
                line.append(" " * room)
                line.append_text(cell)
            else:
                line.append_text(cell)
                line.append(" " * room)
            line.append(" " * _GAP)
        segments = list(line.render(self.app.console))
        strip = Strip([s for s in segments if s.text != "\n"]).adjust_cell_length(width)
        base = self.rich_style + extra
        return Strip([Segment(s.text, base + s.style if s.style else base, s.control)
                      for s in strip]).simplify()
