"""What one key costs, counted in work the app does rather than in time (timings are
bench/bench_browse.py's): a key that moves the cursor or marks a row draws the rows it changed
and never lays the whole screen out again."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.strip import Strip

from tests.browse.helpers import app_for, drive, press, scanned, settled, svg_text
from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate
from tidy.browse.app import MARK
from tidy.browse.model import Item
from tidy.browse.rowlist import RowList

DAYS = 86400


class Layouts:
    """How often a screen was laid out again (every widget on it measured and placed anew),
    counted around the screen's own method, which still does the work."""

    def __init__(self, screen: Screen[object]) -> None:
        self.count = 0
        real = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            self.count += 1
            real(*args, **kwargs)  # type: ignore[arg-type]

        screen._refresh_layout = counted  # type: ignore[method-assign]


class LinesComposed:
    """How many lines of a table the screen asked for (drawn anew or from its cache, each
    then composed and sent to the terminal), counted around the table's own method."""

    def __init__(self, table: RowList) -> None:
        self.count = 0
        real = table.render_line

        def counted(y: int) -> Strip:
            self.count += 1
            return real(y)

        table.render_line = counted  # type: ignore[method-assign]


def _many_caches(root: Path, count: int) -> Path:
    """One repo with `count` packages, each with a `__pycache__` of one file: rows whose
    evidence reads alike, line for line."""
    repo = make_repo(root)
    for i in range(count):
        write(repo / f"p{i:02d}" / "m.py", "x = 1\n")
        write(repo / f"p{i:02d}" / "__pycache__" / "m.cpython-311.pyc", size=1000 + i)
    commit(repo)
    backdate(repo, 3 * DAYS)
    return repo


def test_moving_and_marking_lay_nothing_out_again(tmp_path: Path) -> None:
    """Static.update lays out every widget on screen; a cursor move updated the evidence
    pane and the status line, three layouts a key (half its cost at 50,000 findings).
    A pane whose text keeps its height is only drawn again."""
    app = app_for(_many_caches(tmp_path / "repo", 30))
    counts: dict[str, int] = {}
    drawn: dict[str, int] = {}
    sent: dict[str, int] = {}

    async def script(pilot: Pilot[int]) -> None:
        await scanned(pilot)
        await press(pilot, "down", "down")  # from the repo's row to two findings
        assert isinstance(app.main.current_row(), Item)
        await settled(pilot)
        layouts = Layouts(app.main)
        table = app.main.query_one("#rows", RowList)
        composed = LinesComposed(table)
        for name, keys in (("down", ("down",) * 4), ("up", ("up",) * 2),
                           ("mark", ("space",) * 3), ("unmark", ("up", "space")),
                           ("page", ("pagedown",))):
            before, drawn_before, composed_before = (layouts.count, table.lines_made,
                                                     composed.count)
            await press(pilot, *keys)
            counts[name] = layouts.count - before
            drawn[name] = table.lines_made - drawn_before
            sent[name] = composed.count - composed_before
        assert len(app.model.marks) == 2
        # What is on screen says so: each marked row drawn again with its mark, no other.
        assert svg_text(app.export_screenshot()).count(MARK) == 2

    drive(app, script, size=(160, 50))
    assert counts == {"down": 0, "up": 0, "mark": 0, "unmark": 0, "page": 0}
    # A move draws the two rows the cursor left and reached; a mark, the row it marked (the
    # one the cursor left) and the next: never the ~45 rows on screen (each a Rich render,
    # most of what a mark cost when all were drawn again).
    assert drawn["down"] <= 2 * 4 and drawn["up"] <= 2 * 2
    assert drawn["mark"] <= 2 * 3 and drawn["unmark"] <= 2 * 2 + 1, drawn
    assert all(n <= 3 * 50 for n in drawn.values()), drawn
    # And the screen composes only those lines: a whole-table refresh asked for all ~45.
    assert sent["down"] <= 2 * 4 and sent["up"] <= 2 * 2, sent
    assert sent["mark"] <= 3 * 3 and sent["unmark"] <= 3 * 2, sent
