"""`tidy browse` on a scan of 50,000 findings: a key costs what is drawn, not what was found.

The group is a real scan's, its findings copied under 50,000 paths and handed to the app as
the scan stream hands a group over. Textual's DataTable took 26 s to show 100,000 rows and
rebuilt them all on each filter key and each mark-all; a key now draws the ~55 rows on
screen. What is asserted is the work each key does, read from the app's own state (rows drawn
by its table, the folder view's tree, the plan's worker), never a
time: the timings are bench/bench_browse.py's.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from tests.browse.helpers import (
    app_for,
    drive,
    press,
    rows,
    scanned,
    send_key,
    settled,
    until,
    workspace,
)
from tidy.browse.app import BrowseApp, ScanEvent
from tidy.browse.drill import DrillScreen
from tidy.browse.model import prepare
from tidy.browse.rowlist import RowList
from tidy.browse.screens import PlanScreen
from tidy.browse.stream import GroupDone
from tidy.core.models import Group

N = 50_000
HEIGHT = 60
# Rows a key may draw: the screen's rows, twice over (the cursor's old and new row, a
# scroll, a screen shown again); a table that builds every row draws 50,000.
_DRAWN = 2 * HEIGHT


def _big_group(app: BrowseApp) -> Group:
    group = max(app.model.groups, key=lambda g: len(g.findings))
    models = group.findings
    findings = tuple(dataclasses.replace(models[i % len(models)],
                                         path=f"p{i // 500:03d}/m{i % 500:03d}/"
                                              f"{models[i % len(models)].path}")
                     for i in range(N))
    return dataclasses.replace(group, root=group.root + "-big", label="big", findings=findings)


def _table(screen: Screen[object], selector: str) -> RowList:
    return screen.query_one(selector, RowList)


@pytest.mark.slow
def test_fifty_thousand_findings_each_key_draws_only_the_screen(tmp_path: Path) -> None:
    app = app_for(workspace(tmp_path / "ws"))
    drawn: dict[str, int] = {}

    async def script(pilot: Pilot[int]) -> None:
        await scanned(pilot)
        big = _big_group(app)
        app.post_message(ScanEvent(GroupDone(big), prepare(big)))
        await until(pilot, lambda: len(rows(app)) > N, timeout=120, what="the 50,000 rows")
        finished = app.finished
        assert finished is not None
        app.post_message(ScanEvent(finished))  # the scan's end comes after its groups
        await until(pilot, lambda: app._tree is not None
                    and app._tree[0][0] == len(app.model.groups), timeout=300,
                    what="the folder view's tree, built on a worker thread")
        assert app._tree is not None
        tree = app._tree[1]
        main = _table(app.main, "#rows")
        await settled(pilot)
        for name, keys in (("down", ("down",) * 3), ("page", ("pagedown", "end", "home")),
                           ("mark", ("down", "space")), ("mark all", ("a",)),
                           ("unmark all", ("a",)), ("sort", ("s", "s", "s")),
                           ("filter", ("slash", *"m0", "1")), ("clear", ("escape",))):
            before = main.lines_made
            await press(pilot, *keys)
            drawn[name] = (main.lines_made - before) // len(keys)
        assert main.row_count > N
        await press(pilot, "enter")
        assert isinstance(app.screen, DrillScreen)
        # The folder view opens on the tree made after the scan; enter builds none.
        assert app._tree is not None and app._tree[1] is tree
        drill = _table(app.screen, "#drill-rows")
        before = drill.lines_made
        await press(pilot, "down", "down")
        drawn["folders down"] = (drill.lines_made - before) // 2
        before = main.lines_made
        await press(pilot, "escape")
        drawn["back"] = main.lines_made - before
        assert app.model.marked() == []
        await press(pilot, "a")
        assert len(app.model.marks) > N // 2
        # The plan screen shows before the plan is made: tidy fix's plan (re-reading every
        # path) is made on a worker thread meanwhile, and esc answers while it is.
        send_key(app, "p", "p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), what="the plan screen")
        plan_screen = app.screen
        assert isinstance(plan_screen, PlanScreen)
        await until(pilot, lambda: plan_screen.building or plan_screen.plan is not None,
                    what="the plan screen's first answer")
        assert plan_screen.building and plan_screen.plan is None
        assert any(w.name == "plan" for w in plan_screen.workers)
        await until(pilot, lambda: not plan_screen.building, timeout=600, what="the plan")
        plan = plan_screen.plan
        # The copies' paths are not on disk: the plan leaves them out, each looked at.
        assert plan is not None and len(plan.actions) + len(plan.left_out) > N // 2
        await press(pilot, "escape")
        assert not isinstance(app.screen, PlanScreen)

    drive(app, script, size=(200, HEIGHT))
    assert {k: v for k, v in drawn.items() if v > _DRAWN} == {}, drawn
