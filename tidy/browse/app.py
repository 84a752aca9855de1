"""`tidy browse`: the Textual app. The main screen lists findings as the scan streams in.

Threads: the scan runs in a child process (tidy.browse.stream), read by a thread worker that
posts its events here; a fix run goes in a thread worker too, and a Ctrl-C while it runs
asks it to stop between two moves (ApplySettings.stop), then quits. Everything on screen
changes on the app's own thread, in message handlers.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tidy.browse import actions, evidence, filters, panes
from tidy.browse.cells import (
    age,
    fit,
    fix_word,
    kind_word,
    only_explains,
    size,
    state_word,
)
from tidy.browse.drill import DrillScreen
from tidy.browse.model import ORDERS, Arrived, GroupRow, Item, Model, Row, prepare
from tidy.browse.rowlist import Column, RowList
from tidy.browse.screens import HelpScreen, PlanScreen, ResultScreen, plan_for
from tidy.browse.stream import (
    Event,
    Failed,
    Finished,
    GroupDone,
    Job,
    Progress,
    ScanStream,
)
from tidy.browse.tree import ScanTree
from tidy.core import stop_signals
from tidy.core.config import Config
from tidy.core.models import Group
from tidy.core.printable import printable
from tidy.fixes.commands import CommandError
from tidy.fixes.journal import JournalError
from tidy.fixes.plan import Plan, PlanRefused

# Fixed columns after the path: (key, title, width, right-aligned).
COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("kind", "kind", 12, False),
    ("size", "size", 9, True),
    ("age", "age", 4, True),
    ("state", "state", 9, False),
    ("fix", "fix", 8, False),
)
_MIN_PATH = 16
_DROPPED_FIRST = ("kind", "state", "age", "fix")  # a narrow terminal leaves these out
_SORT_WORDS = {"size": "size", "path": "path", "age": "oldest"}
_SHORT = 20  # lines: below this the evidence pane is 3 lines, not 7
_REFRESH_EVERY = 0.2  # seconds: rows are rebuilt at most this often while groups stream in
MARK = "●"


@dataclass(frozen=True)
class Options:
    path: str  # the folder to scan, absolute
    config: Config
    skip_recent: float = 10.0  # `tidy fix --skip-recent`: what was written since is left alone


class ScanEvent(Message):
    """One event of the scan stream, posted from the reader thread (a group made ready to be
    shown there: `arrived`)."""

    def __init__(self, event: Event, arrived: Arrived | None = None,
                 scan: ScanStream | None = None) -> None:
        super().__init__()
        self.event = event
        self.arrived = arrived
        self.scan = scan  # the scan it came from: one replaced by `r` is not listened to


class ApplyDone(Message):
    def __init__(self, applied: actions.Applied | None, error: str = "") -> None:
        super().__init__()
        self.applied = applied
        self.error = error


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Mark"),
        Binding("a", "mark_all", "All"),
        Binding("slash", "filter", "Filter"),
        Binding("s", "sort", "Sort"),
        Binding("r", "rescan", "Rescan", show=False),
        Binding("p", "plan", "Plan"),
        Binding("u", "toggle_unsafe", "Unsafe"),
        Binding("enter", "open", "Open", show=False),
        Binding("e", "toggle_evidence", "Why"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "app.quit_browse", "Quit"),
        Binding("j", "cursor('down')", show=False),
        Binding("k", "cursor('up')", show=False),
        Binding("escape", "clear_filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown: list[Row] = []
        self._touched = False  # the user moved the cursor: keep it on its row
        self._cursor_key: str | None = None  # the row under the cursor, across rebuilds

    def compose(self) -> ComposeResult:
        yield Static(id="top", markup=False)
        yield RowList(id="rows")
        with VerticalScroll(id="evidence-pane"):
            yield Static(id="evidence", markup=False)
        yield Input(id="filter", placeholder="filter: words, kind:, rule:, age:>30d, state:, fix:")
        yield Static(id="status", markup=False)
        yield Footer()

    @property
    def browse(self) -> BrowseApp:
        assert isinstance(self.app, BrowseApp)
        return self.app

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self._columns()
        self.query_one("#rows", RowList).focus()
        self.update_top()
        self.update_status()
        self.browse.start_scan()

    def on_resize(self) -> None:
        # A short terminal keeps room for rows: the evidence pane shrinks to 3 lines.
        self.query_one("#evidence-pane").set_class(self.size.height < _SHORT, "short")
        self._columns()
        self.refresh_rows()
        self.update_top()

    # -- the table ------------------------------------------------------------------------------
    def _shown_columns(self) -> tuple[tuple[str, str, int, bool], ...]:
        """The columns that fit beside a path of _MIN_PATH, the least needed left out first
        (a 40-column terminal shows path, size and fix)."""
        columns = list(COLUMNS)
        for key in _DROPPED_FIRST:
            if self._room(columns) >= _MIN_PATH:
                break
            columns = [c for c in columns if c[0] != key]
        return tuple(columns)

    def _room(self, columns: list[tuple[str, str, int, bool]]) -> int:
        return self.size.width - sum(width + 2 for _, _, width, _ in columns) - 2 - 2

    def _path_width(self) -> int:
        return max(_MIN_PATH, self._room(list(self._shown_columns())))

    def _columns(self) -> None:
        table = self.query_one("#rows", RowList)
        table.set_columns([Column("path", "path", self._path_width()),
                           *(Column(*column) for column in self._shown_columns())])

    def refresh_rows(self) -> None:
        """Rebuild the rows from the model; the cursor stays on the same row if it is left."""
        table = self.query_one("#rows", RowList)
        index = table.cursor_row
        rows = self.browse.model.rows(self.browse.filter, time.time(), self.browse.order)
        width = self._path_width()
        self._shown = rows
        if not self._touched:
            index = 0  # rows still arriving above: the biggest stays in view
        elif self._cursor_key is not None:
            where = next((i for i, row in enumerate(rows) if row.key == self._cursor_key), None)
            index = index if where is None else where
        table.set_rows(len(rows), lambda i: self._cells(rows[i], width), max(index, 0))
        self.show_evidence()
        self.update_status()

    def _cells(self, row: Row, width: int) -> list[Text]:
        keys = [key for key, *_ in self._shown_columns()]
        if isinstance(row, GroupRow):
            group = row.group
            title = printable(group.label if group.label != "." else group.root)
            label = f"{title}  ({row.count:,})"
            cells = {"kind": Text("repo" if group.is_repo else "folder", style="bold"),
                     "size": Text(size(row.total), style="bold", justify="right")}
            return [Text(fit(label, width), style="bold"),
                    *(cells.get(key, Text("")) for key in keys)]
        finding = row.finding
        marked = row.key in self.browse.model.marks
        mark = MARK if marked else " "
        path = Text(f"{mark} " + fit(printable(finding.path), width - 2),
                    style="bold" if marked else "")
        cells = {"kind": Text(fit(kind_word(finding), COLUMNS[0][2])),
                 "size": Text(size(finding.size.apparent), justify="right"),
                 "age": Text(age(finding.activity, time.time()), justify="right"),
                 "state": Text(state_word(finding)),
                 "fix": Text(fix_word(finding), style="dim" if only_explains(finding) else "")}
        return [path, *(cells[key] for key in keys)]

    def current_row(self) -> Row | None:
        table = self.query_one("#rows", RowList)
        shown = self._shown
        if not shown or not 0 <= table.cursor_row < len(shown):
            return None
        return shown[table.cursor_row]

    def _redraw_rows(self) -> None:
        """Marks changed: the rows are the same, their first cells are drawn again."""
        self.query_one("#rows", RowList).redraw()

    def marks_changed(self) -> None:
        self._redraw_rows()
        self.update_status()

    # -- panes --------------------------------------------------------------------------------
    def show_evidence(self) -> None:
        row = self.current_row()
        text = evidence.for_row(row, time.time()) if row is not None else self._nothing_shown()
        panes.show(self.query_one("#evidence", Static), text)

    def _nothing_shown(self) -> Text:
        """Why the list is empty: still scanning, the filter, or nothing (left) to clean."""
        app = self.browse
        if app.scan_state in ("starting", "scanning"):
            return Text("Nothing found yet: the scan goes on (top line).", style="dim")
        if app.filter.active and app.model.items():
            return Text(f"Nothing matches the filter {app.filter.text!r}: esc clears it.")
        if app.scan_state != "done":
            return Text(f"The scan {app.scan_state}: nothing to show.")
        if app.runs and not app.model.items():
            return Text("Nothing left: every finding was handled by this session's runs "
                        "(`tidy log` lists them, `tidy undo` puts them back).")
        return Text("No findings: tidy has nothing to clean here.")

    def update_top(self) -> None:
        panes.show(self.query_one("#top", Static), self.browse.top_line())

    def update_status(self, note: str = "") -> None:
        panes.show(self.query_one("#status", Static), self.browse.status_line(note))

    @on(RowList.Highlighted, "#rows")
    def _highlighted(self, highlighted: RowList.Highlighted) -> None:
        if highlighted.by_user:
            self._touched = True  # the user moved: rows arriving later keep the cursor there
        row = self.current_row()
        self._cursor_key = row.key if row is not None else None
        self.show_evidence()

    @on(RowList.Selected, "#rows")
    def _selected(self) -> None:
        self.action_open()

    # -- actions ------------------------------------------------------------------------------
    def action_cursor(self, direction: str) -> None:
        self.query_one("#rows", RowList).action_move(1 if direction == "down" else -1)

    def action_mark(self) -> None:
        row = self.current_row()
        if row is None:
            return
        model = self.browse.model
        if isinstance(row, GroupRow):
            model.toggle_all(item.key for item in row.shown)
            self._redraw_rows()
            self.update_status()
            return
        problem = model.toggle(row.key)
        if problem:
            self.update_status(problem)
            return
        table = self.query_one("#rows", RowList)
        table.redraw_row(table.cursor_row)
        self.action_cursor("down")
        self.update_status()

    def action_mark_all(self) -> None:
        self.browse.model.toggle_all(r.key for r in self._shown if isinstance(r, Item))
        self._redraw_rows()
        self.update_status()

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.value = self.browse.filter.text
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        if box.display:
            self._close_filter()
        if self.browse.filter.active:
            self.browse.filter = filters.Filter()
            self.refresh_rows()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, changed: Input.Changed) -> None:
        try:
            self.browse.filter = filters.parse(changed.value)
        except filters.FilterError as error:
            self.update_status(f"filter: {error}")
            return
        self.refresh_rows()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, submitted: Input.Submitted) -> None:
        try:
            filters.parse(submitted.value)
        except filters.FilterError as error:
            self.update_status(f"filter: {error}")  # stays open to be corrected
            return
        self._close_filter()

    def _close_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = False
        self.query_one("#rows", RowList).focus()
        self.update_status()

    def action_toggle_unsafe(self) -> None:
        self.browse.unsafe = not self.browse.unsafe
        self.update_status()

    def action_rescan(self) -> None:
        self.browse.rescan()

    def rows_replaced(self) -> None:
        """A new scan: its rows start at the top again."""
        self._touched, self._cursor_key = False, None
        self.refresh_rows()
        self.update_top()

    def action_sort(self) -> None:
        """Biggest first -> by path -> oldest project first -> biggest first."""
        app = self.browse
        app.order = ORDERS[(ORDERS.index(app.order) + 1) % len(ORDERS)]
        self.refresh_rows()

    def action_plan(self) -> None:
        self.browse.open_plan()

    def action_open(self) -> None:
        row = self.current_row()
        self.app.push_screen(DrillScreen(row.key if row is not None else ""))

    def action_toggle_evidence(self) -> None:
        """The evidence pane: 7 lines, or most of the screen to read it all."""
        pane = self.query_one("#evidence-pane")
        pane.set_class(not pane.has_class("tall"), "tall")

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())


class BrowseApp(App[int]):
    """Scan a folder, list what it found, let the user choose, plan, and apply."""

    TITLE = "tidy browse"
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    #top { height: 1; padding: 0 1; background: $panel; }
    #rows { height: 1fr; }
    #evidence-pane { height: 7; border-top: solid $primary; padding: 0 1; }
    #evidence-pane.short { height: 4; }
    #evidence-pane.tall { height: 70%; }
    #status { height: 1; padding: 0 1; background: $panel; }
    #filter { height: 3; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # Ctrl-C quits (Textual's default only hints at ctrl+q): mid-scan the scan is killed,
        # mid-apply the current move finishes and the rest is left alone.
        Binding("ctrl+c", "quit_browse", "Quit", show=False, priority=True),
        Binding("ctrl+q", "quit_browse", "Quit", show=False, priority=True),
        # Ctrl-Z suspends as in any terminal program (the terminal given back, `fg` resumes);
        # Textual reads it as a key and would do nothing.
        Binding("ctrl+z", "suspend_process", show=False, priority=True),
    ]

    def __init__(self, options: Options) -> None:
        super().__init__()
        self.options = options
        self.model = Model()
        self.filter = filters.Filter()
        self.order = ORDERS[0]  # how the rows are sorted: `s` goes round model.ORDERS
        self.unsafe = False
        self.scan_state = "starting"  # scanning, done, failed, stopped
        self.scan_note = ""
        self.progress: Progress | None = None
        self.roots: tuple[str, ...] = (options.path,)
        self.finished: Finished | None = None
        self.stream = ScanStream(Job((options.path,), options.config))
        self.applying = False
        self.stop_applying = threading.Event()
        self.quit_when_applied = False
        self.attention = False  # a run (or the scan) needed attention this session: exit 1
        self.internal_error = False  # a bug surfaced while applying: exit 3
        self.terminal_gone = False  # SIGHUP: nothing can be drawn or read any more
        self.runs: list[actions.Applied] = []
        self._last_refresh = 0.0
        self._refresh_pending = False
        self._started = time.monotonic()
        self._tree: tuple[tuple[int, int], ScanTree] | None = None
        self._terminal_fd: int | None = None  # watched for a hang-up no signal told of

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # -- the scan -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.set_interval(0.5, self._tick)
        # Not every terminal that closes sends SIGHUP: only a controlling terminal does. One
        # that is not (started in a session of its own, as a test harness or an IDE's pane
        # may) reads end-of-file for ever once its other side closes, and Textual's input
        # thread then spins (35 % of a core for half an hour, with nothing left to draw to).
        self._terminal_fd = 0 if not self.is_headless and _is_terminal(0) else None
        # The terminal closed (SIGHUP: a window shut, an SSH link dropped) or a polite kill
        # (SIGTERM): quit as q does, a run stopping after its current move, its journal
        # closed and in `tidy log`; Python's default would end the process mid-move.
        loop = asyncio.get_running_loop()
        for signum, handler in ((signal.SIGHUP, self._hung_up),
                                (signal.SIGTERM, self.action_quit_browse)):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._stopped_by, signum, handler)

    @staticmethod
    def _stopped_by(signum: int, handler: Callable[[], None]) -> None:
        stop_signals.note(signum)  # once quit, tidy ends by it (tidy/__main__.py)
        handler()

    def start_scan(self) -> None:
        """Called once the main screen is mounted: its table has columns for the rows the scan
        sends (started from the app's own mount, a busy machine could deliver the first group
        before the screen had composed its table)."""
        if self.scan_state != "starting":
            return
        self.scan_state = "scanning"
        stream = self.stream
        stream.start()
        self.run_worker(lambda: self._read_scan(stream), thread=True, name="scan",
                        exit_on_error=False)

    def _read_scan(self, stream: ScanStream) -> None:
        try:
            for event in stream.events():
                arrived = prepare(event.group) if isinstance(event, GroupDone) else None
                self.post_message(ScanEvent(event, arrived, stream))
        except Exception as error:  # a bug here must not leave the app scanning forever
            self.post_message(ScanEvent(Failed(f"internal error: {type(error).__name__}: "
                                               f"{error}"), scan=stream))

    def rescan(self) -> None:
        """Scan again (`r`): what changed since (a run, a build, an edit) shows as it is now.
        The marks go with the old scan's rows."""
        if self.applying:
            self.main.update_status("a run is applying; r after it")
            return
        old, self.stream = self.stream, ScanStream(Job((self.options.path,), self.options.config))
        old.close()
        self.model = Model()
        self.scan_state, self.scan_note = "starting", ""
        self.progress, self.finished, self._tree = None, None, None
        self._started = time.monotonic()
        self.main.rows_replaced()
        self.start_scan()

    def _tick(self) -> None:
        if self._terminal_fd is not None and not self.terminal_gone \
                and _hung_up_terminal(self._terminal_fd):
            self._stopped_by(signal.SIGHUP, self._hung_up)
            return
        if self.scan_state == "scanning" and self.screen_stack:
            self.main.update_top()

    @on(ScanEvent)
    def _scan_event(self, message: ScanEvent) -> None:
        if message.scan is not None and message.scan is not self.stream:
            return  # a scan `r` replaced
        event = message.event
        if isinstance(event, Progress):
            self.progress = event
        elif isinstance(event, GroupDone):
            self.model.add_group(message.arrived or event.group)
            # The scan's objects live as long as the app: out of the collector's sight, or
            # each collection walks them all (a key press waited 0.2 s for it at 100,000).
            gc.freeze()
            self._refresh_soon()
        elif isinstance(event, Finished):
            self.scan_state, self.finished, self.roots = "done", event, event.roots
            self.main.refresh_rows()
            self._build_tree_meanwhile()
        elif isinstance(event, Failed):
            self.scan_state = "stopped" if self.stream.stopped else "failed"
            self.scan_note = event.message
            self.attention = self.attention or self.scan_state == "failed"
            self.main.refresh_rows()
        self.main.update_top()

    def _refresh_soon(self) -> None:
        """Rows are rebuilt at most every _REFRESH_EVERY while groups stream in."""
        wait = self._last_refresh + _REFRESH_EVERY - time.monotonic()
        if wait <= 0 or not self.main.current_row():  # the first rows show at once
            self._refresh_now()
        elif not self._refresh_pending:
            self._refresh_pending = True
            self.set_timer(wait, self._refresh_now)

    def _refresh_now(self) -> None:
        self._refresh_pending = False
        self._last_refresh = time.monotonic()
        if self.screen_stack:  # a timer set while rows streamed in may fire as the app exits
            self.main.refresh_rows()

    # -- the folder view's tree ------------------------------------------------------------------
    def _tree_inputs(self) -> tuple[tuple[int, int], list[Group], list[Item],
                                    dict[str, tuple[Item, str]]]:
        """What the tree is drawn from, copied, with the key saying which model it was."""
        model = self.model
        gone = model.gone()
        return (len(model.groups), len(gone)), model.groups, model.items(), gone

    def scan_tree(self) -> ScanTree:
        """The folder view's tree for the model as it is now: built once per change (100,000
        findings: 2.5 s), after the scan on a worker thread, so that enter answers at once."""
        key, groups, items, gone = self._tree_inputs()
        if self._tree is None or self._tree[0] != key:
            self._tree = (key, ScanTree.build(groups, items, self.roots, gone))
        return self._tree[1]

    def _build_tree_meanwhile(self) -> None:
        key, groups, items, gone = self._tree_inputs()
        roots = self.roots

        def build() -> None:
            tree = ScanTree.build(groups, items, roots, gone)
            self.call_from_thread(self._tree_built, key, tree)

        self.run_worker(build, thread=True, name="tree", exit_on_error=False)

    def _tree_built(self, key: tuple[int, int], tree: ScanTree) -> None:
        if self._tree is None or self._tree[0] != key:
            self._tree = (key, tree)
        gc.freeze()  # long-lived, as the scan's objects

    def top_line(self) -> Text:
        where = printable(self.options.path)
        groups = len(self.model.groups)
        if self.scan_state in ("starting", "scanning"):
            seconds = time.monotonic() - self._started
            seen = (f"{self.progress.entries:,} entries, {size(self.progress.bytes)}"
                    if self.progress else "starting")
            state = f"scanning… {seen}; {groups} {'group' if groups == 1 else 'groups'} done " \
                    f"({seconds:.0f}s)"
        elif self.scan_state == "done" and self.finished is not None:
            found = sum(len(g.findings) for g in self.model.groups)
            state = (f"scanned in {self.finished.duration_s:.1f}s: {groups} "
                     f"{'group' if groups == 1 else 'groups'}, "
                     f"{found:,} {'finding' if found == 1 else 'findings'}")
            if self.finished.skipped:
                state += f", {len(self.finished.skipped):,} unreadable skipped"
        else:
            state = f"scan {self.scan_state}: {printable(self.scan_note)}"
        return Text(fit(f"tidy browse {where} · {state}", max(self.size.width - 2, 10)))

    def status_line(self, note: str = "") -> Text:
        text = Text()
        text.append(f"{len(self.model.marks):,} marked, {size(self.model.marked_bytes())}")
        text.append(" · unsafe fixes: ")
        text.append("ON" if self.unsafe else "off", style="bold reverse" if self.unsafe else "")
        text.append(f" · sort: {_SORT_WORDS[self.order]}")
        if self.filter.active:
            text.append(f" · filter: {self.filter.text}")
        if self.applying:
            text.append(" · applying…", style="bold")
        if note:
            text.append(f" · {note}", style="bold")
        return text

    # -- plan and apply -------------------------------------------------------------------------
    def open_plan(self) -> None:
        if self.applying:
            self.main.update_status("a run is still applying")
            return
        if not self.model.marks:
            self.main.update_status("nothing marked: space marks the row, a marks all shown")
            return
        self.push_screen(PlanScreen())

    def build_plan(self) -> tuple[Plan | None, str]:
        """The plan for the marks, or why there is none (a refused root)."""
        return plan_for(self.model.marked_report(self.roots), self.unsafe)

    def start_apply(self, plan: Plan) -> None:
        self.applying = True
        self.stop_applying.clear()
        self.main.update_status()
        self.run_worker(lambda: self._apply(plan), thread=True, name="apply",
                        exit_on_error=False)

    def _apply(self, plan: Plan) -> None:
        try:
            applied = actions.apply(plan, self.options.skip_recent, self.stop_applying.is_set,
                                    self.options.config)
        except (CommandError, PlanRefused, JournalError, OSError) as error:
            self.post_message(ApplyDone(None, str(error)))
            return
        except Exception as error:  # a bug: said on screen, exit code 3 when the app quits
            self.internal_error = True
            self.post_message(ApplyDone(None, f"internal error: {type(error).__name__}: "
                                              f"{error}"))
            return
        self.post_message(ApplyDone(applied))

    @on(ApplyDone)
    def _applied(self, message: ApplyDone) -> None:
        self.applying = False
        if message.applied is not None:
            applied = message.applied
            self.runs.append(applied)
            self.attention = self.attention or applied.attention
            changed = actions.changed_items(self.model.marked(), applied.outcomes)
            self.model.forget(changed, applied.run_id)
            self.model.marks.clear()
        else:
            self.attention = True
        if self.quit_when_applied:
            self._leave()
            return
        while isinstance(self.screen, PlanScreen):
            self.pop_screen()
        self.main.refresh_rows()
        self.push_screen(ResultScreen(message.applied, message.error))

    # -- quitting -------------------------------------------------------------------------------
    def action_quit_browse(self) -> None:
        if self.applying:
            self.quit_when_applied = True
            self.stop_applying.set()
            self.notify("stopping after the current move, then quitting", timeout=10)
            self.main.update_status("stopping after the current move…")
            return
        self._leave()

    def _hung_up(self) -> None:
        """The terminal is gone: quit as q does, what is drawn meanwhile going to /dev/null.
        Textual's writer thread dies on its first write to a hung-up terminal, and its
        goodbye then waited forever for room in its queue (the process was left running)."""
        with contextlib.suppress(OSError):
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.close(null)
        self.terminal_gone = True
        self.action_quit_browse()

    def _leave(self) -> None:
        self.stream.stop()
        code = 3 if self.internal_error else 1 if self.attention else 0
        if self.terminal_gone:
            # Nothing left to give back, and Textual's goodbye to the terminal can wait
            # forever on its dead writer thread; the run's journal is closed, the scan is
            # stopped: end here (by the signal that closed the terminal).
            if stop_signals.received():
                stop_signals.end_by(stop_signals.received())
            os._exit(code)
        self.exit(code, return_code=code)

    def on_unmount(self) -> None:
        self.stop_applying.set()
        self.stream.close()


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def _hung_up_terminal(fd: int) -> bool:
    """The terminal on `fd` was hung up: the kernel's poll says so, or it is no terminal any
    more (a hung-up terminal's ioctls fail, so isatty turns false)."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLHUP)
    try:
        events = poller.poll(0)
    except OSError:
        return True
    return any(mask & (select.POLLHUP | select.POLLNVAL) for _, mask in events) \
        or not _is_terminal(fd)
