"""Marks -> tidy fix's plan -> one journaled run: stopping between moves, what the question
says, stale bytecode, refused roots. Real scans, real moves, the real `tidy undo`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.browse.helpers import (
    DAYS,
    app_for,
    drive,
    filter_by,
    journal,
    press,
    scanned,
    tree_snapshot,
    until,
    workspace,
)
from tests.browse.test_model import _finding, _group
from tests.conftest import commit, hermetic_env, make_repo, run_cli, write
from tests.fixes.helpers import backdate
from tests.work import growth
from tidy import engine
from tidy.browse import actions
from tidy.browse.actions import changed_items
from tidy.browse.model import Model
from tidy.browse.screens import PlanScreen
from tidy.core.config import load
from tidy.core.models import ActionKind
from tidy.fixes import STOPPED, Outcome, Status
from tidy.fixes.plan import PlanRefused


def _model(root: Path) -> tuple[Model, tuple[str, ...]]:
    report = engine.scan([str(root)], load(str(root), None))
    model = Model()
    for group in report.groups:
        model.add_group(group)
    return model, report.roots


def _mark(model: Model, code: str) -> None:
    for item in model.items():
        if item.finding.code == code:
            model.toggle(item.key)


@pytest.mark.slow
def test_stop_between_moves_leaves_the_rest_untouched_and_undo_restores(
        tmp_path: Path, state_dir: Path) -> None:
    root = workspace(tmp_path / "ws")
    before = tree_snapshot(root)
    model, roots = _model(root)
    _mark(model, "TDY101")
    plan = actions.build_plan(model.marked_report(roots), unsafe=False)
    assert len(plan.actions) == 3
    first = plan.actions[0].path

    # Asked before each move: once the first folder is gone, stop.
    applied = actions.apply(plan, skip_recent=0, stop=lambda: not os.path.lexists(first))
    done = [o for o in applied.outcomes if o.status is Status.DONE]
    assert [o.path for o in done] == [first]
    stopped = [o for o in applied.outcomes if o.reason == STOPPED]
    assert len(stopped) == 2 and not any(o.attention for o in stopped)
    assert all(os.path.isdir(a.path) for a in plan.actions[1:])  # never started: at home
    entries = journal(state_dir)
    assert [e["op"] for e in entries if e["op"] in ("intent", "done", "skip")] == [
        "intent", "done", "skip", "skip"]
    assert entries[-1]["op"] == "end" and "stopped before 2" in entries[-1]["summary"]
    assert actions.changed_items(model.marked(), applied.outcomes) == {
        i.key for i in model.marked()
        if os.path.join(i.group.root, i.finding.path) == first}
    env = hermetic_env({"TIDY_STATE_DIR": str(state_dir)})
    assert run_cli("undo", cwd=root, env=env).code == 0
    assert tree_snapshot(root) == before


def test_stale_bytecode_moves_only_the_stale_files(tmp_path: Path, state_dir: Path) -> None:
    repo = make_repo(tmp_path / "svc")
    write(repo / "pkg" / "live.py", "x = 1\n")
    write(repo / "pkg" / "__pycache__" / "live.cpython-311.pyc", size=3000)
    write(repo / "pkg" / "__pycache__" / "gone.cpython-311.pyc", size=5000)  # no gone.py
    commit(repo, "pkg/live.py")
    backdate(repo, 2 * DAYS)
    model, roots = _model(repo)
    _mark(model, "TDY103")
    plan = actions.build_plan(model.marked_report(roots), unsafe=False)
    assert [os.path.basename(a.path) for a in plan.actions] == ["gone.cpython-311.pyc"]
    assert actions.describe(plan) == ("Move 1 file, 5.0 kB in 1 file, to tidy's trash; "
                                      "`tidy undo` brings them back.")
    applied = actions.apply(plan, skip_recent=0)
    assert [o.status for o in applied.outcomes] == [Status.DONE]
    assert (repo / "pkg" / "__pycache__" / "live.cpython-311.pyc").is_file()
    assert not (repo / "pkg" / "__pycache__" / "gone.cpython-311.pyc").exists()
    assert len(actions.changed_items(model.marked(), applied.outcomes)) == 1
    assert "run " in actions.result_line(applied) and "`tidy undo`" in actions.result_line(
        applied)


def test_the_question_names_every_kind_of_change(tmp_path: Path) -> None:
    root = workspace(tmp_path / "ws")
    write(root / "api" / ".pytest_cache" / "v" / "lastfailed", "{}\n")
    commit(root / "api", ".pytest_cache/v/lastfailed")
    backdate(root, 2 * DAYS)
    model, roots = _model(root)
    for code in ("TDY101", "TDY102", "TDY501"):
        _mark(model, code)
    safe = actions.build_plan(model.marked_report(roots), unsafe=False)
    assert {a.action.value for a in safe.actions} == {"trash", "ignore"}
    assert actions.describe(safe).startswith("Move 3 folders, ")
    assert "; add ignore rules for 2 folders to .gitignore; `tidy undo` reverts all of it." \
        in actions.describe(safe)
    unsafe = actions.build_plan(model.marked_report(roots), unsafe=True)
    assert "untrack 1 folder with `git rm --cached` (the files stay on disk)" in \
        actions.describe(unsafe)


@pytest.mark.slow
def test_a_root_tidy_never_cleans_is_refused_in_the_plan(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    home = workspace(tmp_path / "home")
    monkeypatch.setenv("HOME", str(home))
    model, roots = _model(home)
    _mark(model, "TDY101")
    with pytest.raises(PlanRefused, match="home folder"):
        actions.build_plan(model.marked_report(roots), unsafe=False)
    app = app_for(home)

    async def script(pilot: Pilot[int]) -> None:
        await scanned(pilot)
        await filter_by(pilot, "rule:TDY101")
        await press(pilot, "a", "p")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), what="the plan")
        sentence = app.screen.query_one("#plan-sentence", Static).render()
        assert "Refused: refusing to fix" in str(getattr(sentence, "plain", sentence))
        await press(pilot, "enter")  # nothing to apply: no question, nothing moves
        assert isinstance(app.screen, PlanScreen)

    drive(app, script)
    assert (home / "web" / "node_modules").is_dir()


def _changed_items_setup(n: int) -> tuple[Model, list[Outcome]]:
    """n items under `p<i>/cache` of one group (and two more), half of them moved by a run."""
    model = Model()
    model.add_group(_group("/w/r", *(_finding(f"p{i}/cache", 10) for i in range(n)),
                           _finding("whole", 10), _finding("other", 10)))
    done = [Outcome(f"/w/r/p{i}/cache", ActionKind.TRASH, Status.DONE, code="TDY101")
            for i in range(0, n, 2)]
    done += [Outcome("/w/r/p1/cache", ActionKind.TRASH, Status.SKIPPED, code="TDY101"),
             Outcome("/w/r/whole/inner/x", ActionKind.TRASH, Status.DONE, code="TDY101"),
             Outcome("/w/r/other", ActionKind.TRASH, Status.DONE, code="TDY999")]
    return model, done


def test_the_items_a_run_changed_are_found_in_linear_time() -> None:
    """The items a run changed are those with a done outcome at their path or inside it,
    from their rule (each item against each outcome before: 400 million comparisons at
    20,000, minutes; hours at 100,000), and forgetting them filters each list once (a
    list.remove per item before: quadratic too). The work is counted in calls, twice the
    items making twice the calls, where the old code made four times as many."""
    n = 20_000
    model, done = _changed_items_setup(n)
    changed = changed_items(model.items(), done)
    paths = {model.item(k).finding.path for k in changed}  # type: ignore[union-attr]
    assert paths == {f"p{i}/cache" for i in range(0, n, 2)} | {"whole"}
    model.forget(changed, "run-1")
    assert len(model.items()) == n + 2 - len(changed) and len(model.gone()) == len(changed)

    def finding(size: int) -> Callable[[], object]:
        model, done = _changed_items_setup(size)
        items = model.items()
        return lambda: changed_items(items, done)

    def forgetting(size: int) -> Callable[[], object]:
        model, done = _changed_items_setup(size)
        changed = changed_items(model.items(), done)
        return lambda: model.forget(changed, "run-1")

    assert growth(finding, 1_000) < 2.5
    assert growth(forgetting, 1_000) < 2.5
