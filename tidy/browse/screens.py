"""The plan, its one confirmation, the result of a run, and the keys: `tidy browse`'s screens."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static

from tidy.browse import actions, panes
from tidy.browse.cells import clip, fit, size
from tidy.browse.rowlist import Column, RowList
from tidy.core.models import ActionKind, Report
from tidy.core.printable import printable
from tidy.fixes import Outcome, Status
from tidy.fixes.plan import Plan, PlannedAction, PlanRefused

if TYPE_CHECKING:
    from tidy.browse.app import BrowseApp


def plan_for(report: Report, unsafe: bool) -> tuple[Plan | None, str]:
    """`tidy fix`'s plan for the marked findings, or why there is none (a refused root)."""
    try:
        return actions.build_plan(report, unsafe), ""
    except PlanRefused as error:
        return None, str(error)

_DOES = {ActionKind.TRASH: "to trash", ActionKind.UNTRACK: "untrack", ActionKind.GIT_RM: "git rm",
         ActionKind.IGNORE: "ignore", ActionKind.EDITOR_EXCLUDE: "exclude",
         ActionKind.EXTRACT: "extract"}
_LEFT_OUT_SHOWN = 50
_LOOK_SHOWN = 1_000  # skipped and failed outcomes listed on the result screen
_DONE_SHOWN = 200  # done outcomes listed there; the rest counted
_PLAN_AT_ONCE = 2_000  # marks: more, and the plan is made on a worker thread


def _app(screen: Screen[Any]) -> BrowseApp:
    return cast("BrowseApp", screen.app)  # only BrowseApp pushes these screens


def _shown(path: str, base: str) -> str:
    """A path relative to the scanned folder when it is inside it."""
    if path.startswith(base.rstrip(os.sep) + os.sep):
        path = os.path.relpath(path, base)
    return printable(path)


class PlanScreen(Screen[None]):
    """What applying the marks would do, from tidy fix's plan code; enter applies (asks once)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply"),
        Binding("u", "toggle_unsafe", "Unsafe"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
    ]
    CSS = """
    #plan-title { height: auto; padding: 0 1; background: $panel; }
    #plan-rows { height: 1fr; }
    #plan-why { height: 3; padding: 0 1; border-top: solid $primary; }
    #plan-left { height: auto; max-height: 6; padding: 0 1; }
    #plan-sentence { height: auto; padding: 0 1; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.plan: Plan | None = None
        self.refused = ""
        self.building = False  # a big plan is being made on a worker thread
        self._asked = 0  # which rebuild the plan being made is for (u may come meanwhile)

    def compose(self) -> ComposeResult:
        yield Static(id="plan-title", markup=False)
        yield RowList(id="plan-rows")
        yield Static(id="plan-why", markup=False)
        with VerticalScroll(id="plan-left"):
            yield Static(id="plan-left-text", markup=False)
        yield Static(id="plan-sentence", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.rebuild()
        self.query_one("#plan-rows", RowList).focus()

    def rebuild(self) -> None:
        """Make the plan: at once for a few marks; for many on a worker thread, the screen
        answering meanwhile (tidy fix's plan re-reads every path: 100,000 took 25 s, and
        the screen was frozen for all of it)."""
        app = _app(self)
        self._asked += 1
        asked = self._asked
        report, unsafe = app.model.marked_report(app.roots), app.unsafe
        self._title()
        if len(app.model.marks) < _PLAN_AT_ONCE:
            self._show(*plan_for(report, unsafe))
            return
        self.plan, self.refused, self.building = None, "", True
        self._show_table()
        self.query_one("#plan-sentence", Static).update(Text(
            f"Making the plan: re-reading {len(app.model.marks):,} marked paths as "
            "`tidy fix` does… esc: back", style="bold"))

        def make() -> None:
            try:
                made = plan_for(report, unsafe)
            except Exception as error:
                made = (None, f"the plan could not be made: {type(error).__name__}: {error}")
            with contextlib.suppress(RuntimeError):  # the app ended meanwhile
                self.app.call_from_thread(self._made, asked, *made)

        self.run_worker(make, thread=True, name="plan", exit_on_error=False)

    def _made(self, asked: int, plan: Plan | None, refused: str) -> None:
        if asked == self._asked and self.is_attached:
            self.building = False
            self._show(plan, refused)

    def _title(self) -> None:
        app = _app(self)
        marked = len(app.model.marks)
        unsafe = "ON" if app.unsafe else "off (u turns them on)"
        title = f"Plan for {marked:,} marked finding{'s' if marked != 1 else ''} · unsafe fixes: "
        self.query_one("#plan-title", Static).update(Text(title + unsafe))

    def _show(self, plan: Plan | None, refused: str) -> None:
        self.plan, self.refused = plan, refused
        self._show_table()
        sentence = (Text(f"Refused: {self.refused}", style="bold") if self.refused
                    else Text(actions.describe(self.plan) if self.plan else ""))
        if self.plan is not None and self.plan.actions:
            sentence.append("  enter: apply (asks once) · esc: back", style="dim")
        self.query_one("#plan-sentence", Static).update(sentence)

    def _show_table(self) -> None:
        self._fill_table()
        self._fill_left_out()
        self._show_why()

    def _fill_table(self) -> None:
        table = self.query_one("#plan-rows", RowList)
        rest = max(20, self.size.width - (9 + 9 + 7 + 5 * 2 + 4))
        path_width, why_width = rest * 6 // 10, rest - rest * 6 // 10
        table.set_columns([Column("does", "does", 9), Column("path", "path", path_width),
                           Column("size", "size", 9, right=True),
                           Column("files", "files", 7, right=True),
                           Column("why", "why", why_width)])
        base = _app(self).options.path
        planned = self.plan.actions if self.plan else ()

        def cells(index: int) -> list[Text]:
            action = planned[index]
            return [Text(_DOES.get(action.action, action.action.value)),
                    Text(fit(_shown(action.path, base), path_width)),
                    Text(size(action.bytes)), Text(f"{action.files:,}"),
                    Text(clip(printable(action.why), why_width))]

        table.set_rows(len(planned), cells)

    def _fill_left_out(self) -> None:
        text = Text()
        left = self.plan.left_out if self.plan else ()
        if left:
            text.append(f"left out ({len(left)}):\n", style="bold")
        base = _app(self).options.path
        for item in left[:_LEFT_OUT_SHOWN]:
            text.append(f"  {_shown(item.path, base)}  {item.code}: "
                        f"{printable(actions.left_out_reason(item.reason))}\n")
        if len(left) > _LEFT_OUT_SHOWN:
            text.append(f"  ... and {len(left) - _LEFT_OUT_SHOWN} more\n")
        self.query_one("#plan-left-text", Static).update(text)
        self.query_one("#plan-left").display = bool(left)

    def _show_why(self) -> None:
        action = self._current()
        text = Text()
        if action is not None:
            text.append(f"{action.code} {action.rule}: ", style="bold")
            text.append(printable(action.why))
            if action.regenerate:
                text.append(f"\nregenerate with: {printable(action.regenerate)}", style="dim")
        elif self.plan is not None and not self.plan.actions and not self.refused:
            text.append("Nothing in the plan: see what was left out, and why.")
        panes.show(self.query_one("#plan-why", Static), text)

    def _current(self) -> PlannedAction | None:
        if self.plan is None:
            return None
        row = self.query_one("#plan-rows", RowList).cursor_row
        return self.plan.actions[row] if 0 <= row < len(self.plan.actions) else None

    @on(RowList.Highlighted, "#plan-rows")
    def _highlighted(self) -> None:
        self._show_why()

    @on(RowList.Selected, "#plan-rows")
    def _selected(self) -> None:
        self.action_apply()

    def action_toggle_unsafe(self) -> None:
        app = _app(self)
        app.unsafe = not app.unsafe
        app.main.update_status()
        self.rebuild()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_apply(self) -> None:
        plan = self.plan
        if self.building:
            self.notify("the plan is still being made", severity="warning")
            return
        if _app(self).applying:
            self.notify("a run is applying; wait for its result", severity="warning")
            return
        if plan is None or not plan.actions:
            self.notify("nothing to apply", severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.query_one("#plan-sentence", Static).update(
                    Text("Applying… Ctrl-C stops after the current move.", style="bold"))
                _app(self).start_apply(plan)

        self.app.push_screen(ConfirmScreen(actions.describe(plan)), answered)


class ConfirmScreen(ModalScreen[bool]):
    """The one question before anything changes; the default answer is no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]
    CSS = """
    ConfirmScreen { align: center middle; }
    #confirm-box { width: 76; max-width: 100%; height: auto; border: thick $warning;
                   padding: 1 2; background: $surface; }
    #confirm-buttons { height: auto; margin-top: 1; }
    #confirm-buttons Button { margin-right: 2; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text(self.question), id="confirm-text", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Apply (y)", id="yes", variant="warning")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # enter on its own never applies

    @on(Button.Pressed)
    def _pressed(self, pressed: Button.Pressed) -> None:
        self.dismiss(pressed.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ResultScreen(Screen[None]):
    """What a run did: the journal's outcome per action, and how to take it back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("enter", "back", "Back", show=False),
        Binding("q", "back", "Back", show=False),
    ]
    CSS = "#result { padding: 0 1; }"

    def __init__(self, applied: actions.Applied | None, error: str) -> None:
        super().__init__()
        self.applied = applied
        self.error = error

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._text(), id="result", markup=False)
        yield Footer()

    def _text(self) -> Text:
        if self.applied is None:
            return Text(f"The run stopped with an error: {printable(self.error)}\n\n"
                        "`tidy trash list` shows what it did before; `tidy undo` puts that "
                        "back.", style="bold")
        applied = self.applied
        base = _app(self).options.path
        text = Text(actions.result_line(applied) + "\n\n", style="bold")
        # What needs a look first and in full (up to a limit); done items counted past the
        # first ones: one text of 50,000 lines took 13 s to lay out.
        look = [o for o in applied.outcomes if o.status is not Status.DONE]
        done = [o for o in applied.outcomes if o.status is Status.DONE]
        for outcomes, limit, word in ((look, _LOOK_SHOWN, "more skipped or failed"),
                                      (done, _DONE_SHOWN, "more done")):
            for outcome in outcomes[:limit]:
                self._line(text, outcome, base)
            if len(outcomes) > limit:
                text.append(f"... and {len(outcomes) - limit:,} {word} "
                            "(`tidy log` and `tidy trash list` have them all)\n", style="dim")
        if applied.done:
            text.append("\n`tidy undo` puts this run back; `tidy log` lists it; "
                        "`tidy trash purge` frees the space for good.\n", style="dim")
        return text

    @staticmethod
    def _line(text: Text, outcome: Outcome, base: str) -> None:
        word = {Status.DONE: "done", Status.SKIPPED: "skipped",
                Status.FAILED: "FAILED"}[outcome.status]
        text.append(f"{word:<8}", style="bold" if outcome.status is not Status.DONE else "")
        text.append(f"{_DOES.get(outcome.action, outcome.action.value):<9} ")
        text.append(_shown(outcome.path, base))
        if outcome.status is not Status.DONE:
            text.append(f"  {printable(outcome.reason)}\n")
        elif outcome.action in (ActionKind.TRASH, ActionKind.GIT_RM):
            text.append(f"  {size(outcome.bytes)}\n")
        else:
            text.append(f"  ({_shown(outcome.where, base)})\n" if outcome.where else "\n")

    def action_back(self) -> None:
        self.app.pop_screen()


HELP = """\
Every number here comes from the scan; nothing is measured twice.

  up/down j/k   move (mouse: click a row; click it again to open it)
  pgup/pgdn     a page; home/end (g/G) the first/last row
  space         mark or unmark (a repo's row: all its shown findings)
  a             mark all shown findings (again: unmark them)
  s             sort: biggest first, by path, oldest project first
  r             scan again (after a run, a build, an edit; marks go)
  /             filter: path words, kind:node_modules, rule:TDY1,
                age:>30d, state:ignored, fix:trash (esc clears)
  enter         open the folder, ncdu-style (-> or l in, <- or h up,
                space marks, esc back)
  p             the plan for the marks: what moves, bytes, files, why
                (enter applies after one question; esc back)
  e             a taller evidence pane (again: back)
  u             unsafe fixes on/off (off at start)
  ctrl+z        suspend (fg resumes)
  q, ctrl+c     quit: a scan stops at once, a run after its current move

fix: as in `tidy scan`'s table: trash = to tidy's trash
     (`tidy undo` brings it back); * = needs the unsafe toggle;
     ** = display-only, tidy only explains; none = advice
     (fix:advice finds both).
state: git's view (tracked, ignored, untracked).
age: since the project's newest own file was written.
(this text scrolls: up/down)
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]
    CSS = """
    HelpScreen { align: center middle; }
    #help-box { width: 80; max-width: 100%; height: auto; max-height: 100%;
                border: round $primary; padding: 0 1; background: $surface;
                scrollbar-gutter: stable; }
    #help { height: auto; width: 100%; }
    """

    def compose(self) -> ComposeResult:
        # A terminal shorter than the text scrolls it (40x12 showed its first 9 lines only).
        with VerticalScroll(id="help-box"):
            yield Static(Text(HELP), id="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.app.pop_screen()
