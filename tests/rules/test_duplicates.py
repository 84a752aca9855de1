"""TDY204 and TDY205 on hand-made contexts over a few real files (no walk, no git).

Against jdupes and rmlint on bigger trees: tests/workspace/test_duplicates.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import write
from tests.rules.context import context
from tidy.core.models import Tracked
from tidy.rules import duplicates


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
