"""Journals as untrusted input, property-tested (issue 14, point 7).

Whatever a journal line is changed to, reading it gives a sound record or a JournalError (set
aside as damaged), never another exception; and an entry that passes `spot_of` names only
places inside its run's root and inside one of its run's trash folders.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tidy.core import state
from tidy.fixes import journal
from tidy.fixes.apply import needs_recovery
from tidy.fixes.trash.locate import Spot, spot_of
from tidy.fixes.trash.purge import summarize

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=3),
    max_leaves=6,
)
FIELDS = ["run", "seq", "time", "op", "ref", "action", "path", "dst", "scan_root", "root",
          "bytes", "files", "method", "roots", "argv", "state", "status", "errors", "reason"]


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    return path


def _sound_run(root: str) -> tuple[str, list[dict[str, Any]]]:
    with journal.RunJournal.create("fix", (root,), argv=["tidy", "fix"]) as run:
        seq = run.intent("trash", path=f"{root}/web/node_modules", method="rename",
                         dst=f"{state.trash_dir()}/{run.run_id}/000000/node_modules",
                         scan_root=root, root=root, bytes=10, files=1, type="dir", mode=0o755)
        run.done(seq)
        run.skipped(f"{root}/x", "busy")
        run.end()
    lines = [json.loads(line) for line in Path(run.path).read_text().splitlines()]
    return run.run_id, lines


@pytest.mark.slow
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=st.integers(0, 3), name=st.sampled_from(FIELDS), value=json_values,
       drop=st.booleans())
def test_any_change_to_a_line_reads_as_sound_or_damaged(state_dir: Path, line: int, name: str,
                                                        value: object, drop: bool) -> None:
    run_id, lines = _sound_run("/work/proj")
    if drop:
        lines[line].pop(name, None)
    else:
        lines[line][name] = value
    path = journal.journal_path(run_id)
    Path(path).write_text("".join(json.dumps(e) + "\n" for e in lines))
    try:
        record = journal.read_run(run_id)
    except journal.JournalError:
        assert not os.path.exists(path) and os.path.exists(path + ".damaged")
        return
    summarize(record)  # what `tidy trash list` and purge read: no other exception
    needs_recovery(record)
    for intent in record.intents():
        assert isinstance(intent.seq, int) and isinstance(intent.applied, bool)


parts = st.lists(st.sampled_from(["", ".", "..", "work", "proj", "trash", ".tidy-trash", "tidy",
                                  ".git", "000000", "0000001", "RUN", "node_modules", "etc"]),
                 min_size=0, max_size=6)


def under(*prefixes: str) -> st.SearchStrategy[str]:
    """A path: one of `prefixes` (or /) followed by some of the parts above."""
    return st.builds(lambda prefix, tail: "/".join([prefix.rstrip("/"), *tail]) or "/",
                     st.sampled_from([*prefixes, "/"]), parts)


@pytest.mark.slow
@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_spot_never_points_outside_its_root_or_its_trash(state_dir: Path,
                                                           data: st.DataObject) -> None:
    run_id, root = "RUN", "/work/proj"
    trash = state.trash_dir()
    path = data.draw(under(root, "/work/proj/web", "/work/other"))
    prefix = data.draw(under(f"{trash}/RUN/000000", f"{root}/.git/tidy/trash/RUN/000001",
                             f"{root}/.tidy-trash/RUN/000002", f"{root}/web/.tidy-trash",
                             "/work/other/trash/RUN/000000", f"{root}/.git/tidy/trash"))
    tail = data.draw(st.sampled_from([[], [], [], ["RUN", "000003"], ["x"], [".."]]))
    entry = {
        "scan_root": data.draw(st.sampled_from([root, root, "/work", f"{root}/web",
                                                "/work/proj/..", "/work/proj/"])),
        "root": data.draw(st.sampled_from([root, "/work", "/work/other", "proj"])),
        "path": path,
        "dst": "/".join([prefix.rstrip("/"), *tail, os.path.basename(path)]),
    }
    spot = spot_of(entry, run_id, {root}, lambda folder: folder + "/.git")
    event("accepted" if isinstance(spot, Spot) else "refused")
    if not isinstance(spot, Spot):
        return
    for part in (*spot.src_parts, spot.name, *spot.run_parts, spot.slot):
        assert part not in ("", ".", "..") and "/" not in part
    original = os.path.join(spot.scan_root, *spot.src_parts, spot.name)
    assert original == entry["path"] and original.startswith(root + "/")
    assert spot.scan_root == root or spot.scan_root.startswith(root + "/")
    in_trash = os.path.join(spot.anchor, *spot.run_parts, spot.slot, spot.name)
    assert in_trash == entry["dst"] and spot.run_parts[-1] == run_id
    if spot.anchor == str(state_dir):
        assert spot.run_parts[:-1] == ("trash",)
    elif spot.anchor.endswith("/.git"):
        assert spot.run_parts[:-1] == ("tidy", "trash")
        assert spot.anchor == entry["root"] + "/.git"
    else:
        assert spot.anchor == spot.scan_root and spot.run_parts[-2] == ".tidy-trash"
