"""A write that lands while `tidy fix` or `tidy undo` replaces a config file is never lost.

tidy read a config file, merged its edit, and renamed the new text over the name: an
editor's save or another program's write landing in the milliseconds between the read and
the rename was silently gone. Now every edit and every undo is a compare-and-swap
(tidy.core.swap): the file is moved aside, checked to still be the very file read, and the
new one linked in without replacing anything; a write meanwhile makes tidy read and merge
again (or give up naming the file, nothing lost).

strace holds the real `tidy` process at every rename (or link) for a moment; the test
waits until tidy's temp file for the file under test exists (it is written right before
the rename), and then writes, swaps or links the file while tidy is held there.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import write
from tests.safety.helpers import config_repo, held_tidy, tidy

HOLD_US = 1_000_000
FIX = ("fix", "--yes", "--skip-recent", "0s", "--format", "json", ".")
USERS = '{\n  // team settings\n  "a": 2,\n  "theme": "dark"\n}\n'
MINE = "# mine\n*.log\n"


def _held(repo: Path, state: Path, syscall: str, *args: str, hold_us: int = HOLD_US
          ) -> subprocess.Popen[bytes]:
    """`tidy ARGS`, held `hold_us` before every `syscall` it makes."""
    return held_tidy(*args, cwd=repo, state=state, syscall=syscall, hold_s=hold_us / 1e6,
                     when="1+")


def _temp_in(folder: Path) -> bool:
    try:
        return any(n.startswith(".tidy-") and n.endswith(".tmp") for n in os.listdir(folder))
    except FileNotFoundError:
        return False


def _in_the_window(proc: subprocess.Popen[bytes], folder: Path,
                   act: Callable[[], None]) -> tuple[int, str]:
    """Once tidy's temp file is in `folder` (tidy is then held at the next rename or link),
    `act`; then tidy's exit code and output."""
    deadline = time.monotonic() + 60
    while not _temp_in(folder):
        if proc.poll() is not None or time.monotonic() > deadline:
            out, err = proc.communicate()
            raise AssertionError("tidy never wrote a temp file there: "
                                 + out.decode() + err.decode())
        time.sleep(0.001)
    time.sleep(0.3)  # well inside the hold
    assert proc.poll() is None, "tidy was not held"
    act()
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out.decode() + err.decode()


def _save_in_place(path: Path, text: str) -> Callable[[], None]:
    def save() -> None:
        with open(path, "r+", encoding="utf-8") as f:
            f.write(text)
            f.truncate()
    return save


def _save_like_an_editor(path: Path, text: str) -> Callable[[], None]:
    def save() -> None:
        new = path.with_name(path.name + ".swp-new")
        new.write_text(text, encoding="utf-8")
        os.rename(new, path)
    return save


def _append(path: Path, text: str) -> Callable[[], None]:
    def append() -> None:
        with open(path, "a", encoding="utf-8") as f:
            f.write(text)
    return append


@pytest.mark.slow
@pytest.mark.parametrize("save", [_save_in_place, _save_like_an_editor])
def test_a_settings_save_while_tidy_replaces_the_file_is_merged_not_lost(
        tmp_path: Path, save: Callable[[Path, str], Callable[[], None]]) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    settings = repo / ".vscode" / "settings.json"
    fix = _held(repo, state, "renameat", *FIX)
    code, said = _in_the_window(fix, settings.parent, save(settings, USERS))

    assert code == 0, said
    text = settings.read_text(encoding="utf-8")
    assert '"theme": "dark"' in text and '"a": 2' in text, text  # the save stays
    assert "static/vendor/lib/**" in text, text  # and tidy's edit was merged into it
    assert "// team settings" in text
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert settings.read_text(encoding="utf-8") == USERS  # undo goes back to the save


@pytest.mark.slow
def test_an_append_to_gitignore_while_tidy_replaces_it_is_kept(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    write(repo / ".gitignore", MINE)
    state = tmp_path / "st"
    fix = _held(repo, state, "renameat", *FIX)
    code, said = _in_the_window(fix, repo, _append(repo / ".gitignore", "secrets.env\n"))

    assert code == 0, said
    text = (repo / ".gitignore").read_text()
    assert text.startswith(MINE + "secrets.env\n"), text
    assert "__pycache__" in text.split("secrets.env\n", 1)[1], text
    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert (repo / ".gitignore").read_text() == MINE + "secrets.env\n"


@pytest.mark.slow
def test_a_gitignore_created_while_tidy_creates_it_is_kept(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    fix = _held(repo, state, "renameat,linkat", *FIX)
    code, said = _in_the_window(fix, repo, lambda: write(repo / ".gitignore", MINE))

    assert code == 0, said
    text = (repo / ".gitignore").read_text()
    assert text.startswith(MINE) and "__pycache__" in text, text


@pytest.mark.slow
def test_a_save_while_undo_puts_settings_back_is_kept(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    settings = repo / ".vscode" / "settings.json"
    original = settings.read_text()
    done = tidy(*FIX, cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    edited = settings.read_text()
    saved = edited.replace('"a": 1', '"a": 1, "theme": "dark"')
    undo = _held(repo, state, "renameat", "undo")
    code, said = _in_the_window(undo, settings.parent, _save_like_an_editor(settings, saved))

    # Undo saw the save: the file is put back and the save is kept beside, named.
    assert code == 1, said
    assert settings.read_text() == original
    conflict = settings.with_name("settings.json.tidy-undo-conflict")
    assert conflict.read_text() == saved
    assert "settings.json.tidy-undo-conflict" in said


@pytest.mark.slow
def test_an_append_while_undo_takes_tidys_block_out_is_kept(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    write(repo / ".gitignore", MINE)
    state = tmp_path / "st"
    # Only the .gitignore edit: the temp file in the repo's root is then its undo's.
    done = tidy(*FIX[:-1], "--select", "TDY501", ".", cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    undo = _held(repo, state, "renameat", "undo")
    code, said = _in_the_window(undo, repo, _append(repo / ".gitignore", "secrets.env\n"))

    assert code == 0, said
    text = (repo / ".gitignore").read_text()
    assert text == MINE + "secrets.env\n" or (
        "secrets.env\n" in text and "__pycache__" not in text), text


@pytest.mark.slow
def test_a_save_between_tidys_read_and_its_write_is_merged(tmp_path: Path) -> None:
    """Held at the fsync of the journal's intent for settings.json: tidy has just read the
    file (and recorded its text); the save lands before tidy writes anything."""
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    settings = repo / ".vscode" / "settings.json"
    fix = _held(repo, state, "fsync", *FIX, hold_us=400_000)

    def intent_written() -> bool:
        runs = state / "runs"
        return runs.is_dir() and any('"rel":".vscode/settings.json"' in p.read_text()
                                     for p in runs.glob("*.jsonl"))

    deadline = time.monotonic() + 120
    while not intent_written():
        assert fix.poll() is None and time.monotonic() < deadline, "never saw the intent"
        time.sleep(0.001)
    _save_like_an_editor(settings, USERS)()
    out, err = fix.communicate(timeout=120)

    assert fix.returncode == 0, (out + err).decode()
    text = settings.read_text()
    assert '"theme": "dark"' in text and "static/vendor/lib/**" in text, text


# ------------------------------------------------------------------ an attacker in the window
def _outcomes(said: str) -> list[dict[str, str]]:
    start = said.index("{")
    outcomes: list[dict[str, str]] = json.JSONDecoder().raw_decode(said[start:])[0][
        "result"]["outcomes"]
    return outcomes


@pytest.mark.slow
def test_settings_swapped_for_a_symlink_in_the_window_is_not_written_through(
        tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    outside = tmp_path / "outside.json"
    outside.write_text('{"secret": 1}\n')
    settings = repo / ".vscode" / "settings.json"

    def swap() -> None:
        settings.unlink()
        os.symlink(outside, settings)

    fix = _held(repo, state, "renameat", *FIX)
    code, said = _in_the_window(fix, settings.parent, swap)

    assert code == 1, said
    assert outside.read_text() == '{"secret": 1}\n'
    assert settings.is_symlink() and os.readlink(settings) == str(outside)
    failed = [o for o in _outcomes(said) if o["status"] != "done" or o.get("reason")]
    assert any("settings.json" in o["reason"] and "symlink" in o["reason"] for o in failed), said
    # The run's other edits are in place and undo puts them back.
    assert "__pycache__" in (repo / ".gitignore").read_text()
    undo = tidy("undo", cwd=repo, state=state)
    assert not (repo / ".gitignore").exists(), undo.stdout + undo.stderr
    assert outside.read_text() == '{"secret": 1}\n'


@pytest.mark.slow
def test_settings_swapped_for_a_fifo_in_the_window_is_left_alone(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    settings = repo / ".vscode" / "settings.json"

    def swap() -> None:
        settings.unlink()
        os.mkfifo(settings)

    fix = _held(repo, state, "renameat", *FIX)
    code, said = _in_the_window(fix, settings.parent, swap)  # communicate() times out on a hang

    assert code == 1, said
    assert settings.is_fifo()
    assert "settings.json" in said and "FIFO" in said, said


@pytest.mark.slow
def test_a_hard_link_made_in_the_window_is_not_split(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    settings = repo / ".vscode" / "settings.json"
    alias = tmp_path / "shared-settings.json"
    before = settings.read_text()
    fix = _held(repo, state, "renameat", *FIX)
    code, said = _in_the_window(fix, settings.parent, lambda: os.link(settings, alias))

    assert code == 1, said
    assert "hard links" in said, said
    assert os.path.samefile(settings, alias) and settings.read_text() == before


@pytest.mark.slow
def test_the_settings_folder_renamed_in_the_window_is_not_written_into(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "st"
    folder = repo / ".vscode"
    before = (folder / "settings.json").read_bytes()
    moved = repo / "old-vscode"
    fix = _held(repo, state, "renameat", *FIX)
    code, said = _in_the_window(fix, folder, lambda: os.rename(folder, moved))

    assert code in (0, 1), said
    assert (moved / "settings.json").read_bytes() == before  # the file read, where it went
    assert not (repo / ".vscode").exists()  # and nothing made where it was
    assert not [n for n in os.listdir(moved) if ".tidy-" in n]


@pytest.mark.slow
def test_a_save_to_pyproject_while_tidy_init_appends_to_it_stays(tmp_path: Path) -> None:
    project = tmp_path / "project"
    body = '[project]\nname = "demo"\n'
    write(project / "pyproject.toml", body)
    saved = body + "\n[tool.black]\nline-length = 100\n"
    # .pre-commit-config.yaml is created by a link; the held rename is pyproject.toml's.
    init = _held(project, tmp_path / "st", "renameat", "init", "--write")
    code, said = _in_the_window(init, project, _save_like_an_editor(
        project / "pyproject.toml", saved))

    assert code == 1, said  # a file kept asks for a look
    assert (project / "pyproject.toml").read_text() == saved, said
    assert "pyproject.toml" in said and "changed while tidy wrote it" in said, said
