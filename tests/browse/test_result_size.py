"""The result of a big run shows at once: what needs a look in full, the rest counted.

The screen's cost is the text it lays out: what is asserted is how many lines that text has,
which no load can change (the time it takes is bench/bench_browse.py's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.browse.helpers import app_for, drive, scanned, until, workspace
from tidy.browse.actions import Applied
from tidy.browse.screens import ResultScreen
from tidy.core.models import ActionKind
from tidy.fixes import Outcome, Status


@pytest.mark.slow
def test_a_run_of_50000_moves_shows_its_result_at_once(tmp_path: Path) -> None:
    """Every outcome was a line of one text: 50,000 took seconds to lay out, the screen
    frozen meanwhile. Skips and failures are listed (they need a look); done items are
    counted past the first ones, `tidy log` and `tidy trash list` having them all."""
    root = workspace(tmp_path / "ws")
    app = app_for(root)
    outcomes = tuple(Outcome(str(root / f"p{i}" / "__pycache__"), ActionKind.TRASH,
                             Status.DONE, bytes=100, files=1) for i in range(50_000))
    outcomes += (Outcome(str(root / "busy"), ActionKind.TRASH, Status.SKIPPED,
                         reason="modified since the plan"),)
    applied = Applied("20261205-000000-abcdef", outcomes)

    async def script(pilot: Pilot[int]) -> None:
        await scanned(pilot)
        await app.push_screen(ResultScreen(applied, ""))
        await until(pilot, lambda: isinstance(app.screen, ResultScreen), what="the result")
        await pilot.pause()
        text = str(app.screen.query_one("#result", Static).render())
        assert "done 50,000 items" in text and "skipped" in text and "busy" in text
        assert "modified since the plan" in text
        # 1 skip and 200 done listed, the rest counted: one text of 50,001 lines took 13 s.
        assert "and 49,800 more done" in text and len(text.splitlines()) < 300

    drive(app, script)
