"""`tidy browse` on a scan of 50,000 findings: every key answers at once.

The group is a real scan's, its findings copied under 50,000 paths and handed to the app as
the scan stream hands a group over: what is timed is the app, not the walk. Textual's
DataTable took 26 s to show 100,000 rows and rebuilt them all on each filter key and each
mark-all; a key now costs what is drawn.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.browse.helpers import (
    app_for,
    drive,
    press,
    rows,
    scanned,
    send_key,
    until,
    workspace,
)
from tidy.browse.app import BrowseApp, ScanEvent
from tidy.browse.model import prepare
from tidy.browse.screens import PlanScreen
from tidy.browse.stream import GroupDone
from tidy.core.models import Group

N = 50_000
_ANSWER = 1.0  # seconds, the pilot's own waiting included (a key itself: < 0.1 s in tmux)


def _big_group(app: BrowseApp) -> Group:
    group = max(app.model.groups, key=lambda g: len(g.findings))
    models = group.findings
    findings = tuple(dataclasses.replace(models[i % len(models)],
                                         path=f"p{i // 500:03d}/m{i % 500:03d}/"
                                              f"{models[i % len(models)].path}")
                     for i in range(N))
    return dataclasses.replace(group, root=group.root + "-big", label="big", findings=findings)


async def _timed(pilot: Pilot[int], *keys: str) -> float:
    start = time.monotonic()
    await press(pilot, *keys)
    return (time.monotonic() - start) / len(keys)


@pytest.mark.slow
def test_fifty_thousand_findings_answer_each_key_at_once(tmp_path: Path) -> None:
    app = app_for(workspace(tmp_path / "ws"))
    slowest: dict[str, float] = {}

    async def script(pilot: Pilot[int]) -> None:
        await scanned(pilot)
        big = _big_group(app)
        app.post_message(ScanEvent(GroupDone(big), prepare(big)))
        await until(pilot, lambda: len(rows(app)) > N, timeout=10, what="the 50,000 rows")
        finished = app.finished
        assert finished is not None
        app.post_message(ScanEvent(finished))  # the scan's end comes after its groups
        await until(pilot, lambda: app._tree is not None
                    and app._tree[0][0] == len(app.model.groups), timeout=30,
                    what="the folder view's tree, built on a worker thread")
        for name, keys in (("down", ("down",) * 3), ("page", ("pagedown", "end", "home")),
                           ("mark", ("down", "space")), ("mark all", ("a",)),
                           ("unmark all", ("a",)), ("filter", ("slash", *"m0", "1")),
                           ("clear", ("escape",)), ("folders", ("enter",)),
                           ("back", ("escape",))):
            slowest[name] = await _timed(pilot, *keys)
        assert app.model.marked() == []
        await press(pilot, "a")
        # The plan screen shows at once; tidy fix's plan itself (re-reading every path) is
        # made on a worker thread meanwhile.
        start = time.monotonic()
        send_key(app, "p", "p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), what="the plan screen")
        slowest["plan"] = time.monotonic() - start
        start = time.monotonic()
        send_key(app, "escape")
        await until(pilot, lambda: not isinstance(app.screen, PlanScreen), what="esc")
        slowest["plan back"] = time.monotonic() - start

    drive(app, script, size=(200, 60))
    assert {k: v for k, v in slowest.items() if v >= _ANSWER} == {}
