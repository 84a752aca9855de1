"""The scan streamed to `tidy browse`: engine.scan(on_group=...) and the child that runs it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.browse.helpers import workspace
from tests.conftest import commit, make_repo, write
from tidy import engine
from tidy.browse.stream import Failed, Finished, GroupDone, Job, ScanStream
from tidy.core.config import load
from tidy.core.models import Group


def test_engine_hands_over_each_group_before_the_scan_returns(tmp_path: Path) -> None:
    root = workspace(tmp_path / "ws")
    handed: list[tuple[float, Group]] = []
    report = engine.scan([str(root)], load(str(root), None),
                         on_group=lambda group: handed.append((time.monotonic(), group)))
    returned = time.monotonic()
    assert [g for _, g in handed] == list(report.groups)  # each once, in the report's order
    assert {g.label for _, g in handed} == {".", "web", "api"}
    assert all(when <= returned for when, _ in handed)


def _events(root: Path) -> list[object]:
    stream = ScanStream(Job((str(root),), load(str(root), None)))
    stream.start()
    try:
        return list(stream.events())
    finally:
        stream.close()


def test_the_child_streams_the_same_groups_as_an_in_process_scan(tmp_path: Path) -> None:
    root = workspace(tmp_path / "ws")
    events = _events(root)
    assert all(isinstance(e, GroupDone) for e in events[:-1])
    finished = events[-1]
    assert isinstance(finished, Finished) and finished.roots == (str(root.resolve()),)
    streamed = [e.group for e in events[:-1] if isinstance(e, GroupDone)]
    direct = engine.scan([str(root)], load(str(root), None)).groups
    assert [(g.label, g.findings, g.layout, g.scanned) for g in streamed] == [
        (g.label, g.findings, g.layout, g.scanned) for g in direct]


def test_a_folder_that_cannot_be_scanned_is_a_usage_failure(tmp_path: Path) -> None:
    events = _events(tmp_path / "missing")
    assert len(events) == 1
    failed = events[0]
    assert isinstance(failed, Failed) and failed.usage and "no such file" in failed.message


def test_stop_ends_the_child_and_everything_it_started(tmp_path: Path) -> None:
    root = workspace(tmp_path / "ws")
    for i in range(300):  # enough entries that the scan is still running when it is stopped
        (root / "web" / "node_modules" / f"m{i}").mkdir(parents=True)
    stream = ScanStream(Job((str(root),), load(str(root), None)))
    stream.start()
    pid = stream.pid
    assert pid is not None
    started = time.monotonic()
    stream.stop()
    # stop() returns once the child is gone, not when its scan would have ended: a bound for
    # that behaviour, with room for a loaded machine (the time it takes is not measured here).
    assert time.monotonic() - started < 30
    events = list(stream.events())
    stream.close()
    assert events and isinstance(events[-1], Failed) and events[-1].message == "stopped"
    assert not any(isinstance(e, Finished) for e in events)
    with pytest.raises(ProcessLookupError):
        os.killpg(pid, 0)  # no process of its group is left: workers and git went with it


@pytest.mark.slow
def test_the_scan_never_runs_code_from_the_folder_it_is_started_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`tidy browse` run inside a checkout that has a `tidy/` package of its own (a stranger's
    repo, or tidy's own source): neither the scan child nor the interpreter the scan starts to
    confirm a data module may import it."""
    root = make_repo(tmp_path / "checkout")
    marker = tmp_path / "ran-the-checkouts-code"
    planted = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
    for rel in ("tidy/__init__.py", "tidy/browse/__init__.py", "tidy/extract/__init__.py"):
        write(root / rel, "")
    write(root / "tidy" / "browse" / "stream.py", planted)
    write(root / "tidy" / "extract" / "confirm.py", planted)
    rows = [f'    {{"id": {i}, "text": "question {i} about chemistry?"}},' for i in range(6000)]
    write(root / "mockapi" / "data.py", "QUESTIONS = [\n" + "\n".join(rows) + "\n]\n")
    commit(root)
    monkeypatch.chdir(root)
    events = _events(root)
    assert isinstance(events[-1], Finished)
    codes = {f.code for e in events if isinstance(e, GroupDone) for f in e.group.findings}
    assert "TDY301" in codes  # the data module was confirmed, by tidy's own code
    assert not marker.exists()
