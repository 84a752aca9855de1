"""An extraction's backup is deleted after its undo only when it holds nothing but tidy's own
three regular files (tidy.extract.backup.retire); anything else there keeps it, renamed
`.undone`, every byte as it was, and a link in it is never followed."""

from __future__ import annotations

import os
from pathlib import Path

from tidy.extract.backup import retire


def _backup(root: Path) -> Path:
    backup = root / "extract" / "20261205T120000-1-2-data.py"
    backup.mkdir(parents=True)
    for name in ("module.py.orig", "project.orig", "record.json"):
        (backup / name).write_text(f"{name}\n")
    return backup


def test_a_backup_of_tidys_three_files_is_deleted(tmp_path: Path) -> None:
    backup = _backup(tmp_path)
    retire(str(backup))
    assert not backup.exists() and not Path(f"{backup}.undone").exists()


def test_a_backup_holding_anything_else_is_kept_whole(tmp_path: Path) -> None:
    backup = _backup(tmp_path)
    (backup / "notes.txt").write_text("the user's\n")
    retire(str(backup))
    kept = Path(f"{backup}.undone")
    assert sorted(os.listdir(kept)) == ["module.py.orig", "notes.txt", "project.orig",
                                        "record.json"]
    assert (kept / "notes.txt").read_text() == "the user's\n"


def test_a_link_in_the_backup_is_neither_followed_nor_its_target_touched(
        tmp_path: Path) -> None:
    backup = _backup(tmp_path)
    target = tmp_path / "precious.json"
    target.write_text("keep\n")
    (backup / "record.json").unlink()
    (backup / "record.json").symlink_to(target)
    retire(str(backup))
    kept = Path(f"{backup}.undone")
    assert (kept / "record.json").is_symlink() and target.read_text() == "keep\n"


def test_a_backup_path_that_is_a_link_to_a_folder_is_not_emptied(tmp_path: Path) -> None:
    real = _backup(tmp_path / "elsewhere")
    link = tmp_path / "extract-link"
    link.symlink_to(real)
    retire(str(link))
    assert sorted(os.listdir(real)) == ["module.py.orig", "project.orig", "record.json"]
