"""TDY204 and TDY205 on hand-made contexts over a few real files (no walk, no git), and
through one scan of a repo with early work (where the rules begin before it is waited for).

Against jdupes and rmlint on bigger trees: tests/workspace/test_duplicates.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, write
from tests.rules.context import context
from tidy.core.models import Tracked
from tidy.rules import duplicates
from tidy.rules.base import GroupContext


def test_tdy204_the_tracked_copy_is_the_original(tmp_path: Path) -> None:
    data = os.urandom(20_000)
    for rel in ("a/data.bin", "b/data.bin", "c/other.bin"):
        write(tmp_path / rel, data if rel != "c/other.bin" else os.urandom(20_000))
    ctx = context(root=str(tmp_path), tracked=["b/data.bin"], duplicate_min_size=10_000,
                  big_files={"a/data.bin": 20_000, "b/data.bin": 20_000,
                             "c/other.bin": 20_000})
    [copy] = duplicates.check_duplicate_files(ctx)
    assert (copy.code, copy.path, copy.tracked) == ("TDY204", "a/data.bin", Tracked.UNTRACKED)
    assert ("original", "b/data.bin") in copy.details


def test_tdy205_a_folder_copy_reported_once_at_the_top(tmp_path: Path) -> None:
    for top in ("app/static", "old_copy"):
        write(tmp_path / top / "css" / "site.css", "body { color: red }\n" * 700)
        write(tmp_path / top / "js" / "app.js", "console.log(1)\n" * 900)
    ctx = context(root=str(tmp_path), tracked=[], duplicates=True, duplicate_min_size=1000)
    [folder] = duplicates.check_duplicate_folders(ctx)
    assert (folder.code, folder.path) == ("TDY205", "old_copy")
    assert folder.message.startswith("old_copy/ is a copy of app/static/")
    # the files inside the copy are said once, by the folder
    assert list(duplicates.check_duplicate_files(ctx)) == []


# A tracked file with a long name: an index entry of 62 bytes + its name, 8-byte aligned.
_LONG_NAME = ("src/package_{:02d}/a_subpackage_whose_name_is_long_enough/"
              "a_module_whose_name_is_as_long_as_some_generated_ones_{:04d}.py")


def test_folder_candidates_are_worked_out_before_the_early_job_is_waited_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repo with early work (an index over EARLY_MIN_INDEX_BYTES): the folders whose walk
    sums match another's are worked out by the duplicate rules' begin, once, from the
    walk's sizes (the context has no content facts yet), and the folder copy found from them
    is the one a plain scan reports."""
    from tidy import engine
    from tidy.core.config import Config
    from tidy.workspace.early import EARLY_MIN_INDEX_BYTES

    repo = make_repo(tmp_path / "site")
    for n in range(EARLY_MIN_INDEX_BYTES // (62 + len(_LONG_NAME.format(0, 0))) + 100):
        write(repo / _LONG_NAME.format(n // 100, n), f"VALUE = {n}\n")
    for name in ("a.bin", "b.bin", "c.bin"):
        content = os.urandom(400_000)
        write(repo / "assets" / name, content)
        write(repo / "assets_old" / name, content)
    commit(repo, message="site")
    worked_out: list[bool] = []
    real = duplicates.folder_candidates

    def recorded(ctx: GroupContext, floor: int) -> list[str]:
        worked_out.append(ctx.content is None)
        return real(ctx, floor)

    monkeypatch.setattr(duplicates, "folder_candidates", recorded)
    report = engine.scan([str(repo)], Config(no_cache=True))
    assert worked_out == [True]  # once, in begin, before the early results came
    [copy] = [f for g in report.groups for f in g.findings if f.code == "TDY205"]
    assert (copy.path, dict(copy.details)["original"]) == ("assets_old", "assets")
