"""A save to pyproject.toml while an extraction adds its package data is never overwritten.

`tidy extract` (and the TDY301 fix) reads pyproject.toml to add the data file to
setuptools' package-data, writes the backup and the data file (seconds for a big module),
and then wrote the new pyproject.toml made from the text it had read: a save in between was
gone. Now the edit is made again from a save that landed before the writing starts, and
the build config is replaced only while it holds the bytes checked (Folder.swap_in); a save
during the writing stays, and the extraction stops with everything put back (exit 1).
"""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import commit, write
from tests.safety.helpers import data_module_repo, held_tidy
from tidy.extract import backup, packaging

BODY = ('[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n'
        '[project]\nname = "pkg"\nversion = "1.0"\n')
SAVED = "\n[tool.black]\nline-length = 100\n"


def _repo(root: Path) -> Path:
    repo = data_module_repo(root)
    write(repo / "pyproject.toml", BODY)
    commit(repo, "pyproject.toml")
    return repo


@pytest.mark.slow
def test_a_save_to_pyproject_while_the_data_file_is_written_stays(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    module = repo / "pkg" / "data.py"
    original = module.read_bytes()
    # linkat: 1 the data file (held there; linked in, never over anything), then the build
    # config and the module.
    extract = held_tidy("extract", "pkg/data.py", cwd=repo, state=tmp_path / "st",
                        syscall="linkat", hold_s=2, when="1")
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in (repo / "pkg").iterdir()):
        assert extract.poll() is None and time.monotonic() < deadline, "never held"
        time.sleep(0.002)
    time.sleep(0.4)
    assert extract.poll() is None, "tidy was not held"
    with open(repo / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(SAVED)
    out, err = extract.communicate(timeout=120)

    assert extract.returncode == 1, (out + err).decode()
    assert b"pyproject.toml: the build config changed" in err, err
    assert (repo / "pyproject.toml").read_text() == BODY + SAVED  # the save stays
    assert module.read_bytes() == original  # and the extraction is put back
    assert sorted(p.name for p in (repo / "pkg").iterdir()) == ["__init__.py", "data.py"]
    assert not [p for p in repo.iterdir() if "tidy-aside" in p.name]


def test_a_save_before_the_writing_gets_the_package_data_merged_again(tmp_path: Path) -> None:
    """packaging.check read pyproject.toml; a save lands before backup.write_all: the
    package data is added to the saved text, not to the text first read."""
    repo = _repo(tmp_path / "repo")
    module = repo / "pkg" / "data.py"
    data_path = repo / "pkg" / "data.json"
    package = packaging.check(str(module), str(data_path))
    assert package.edit is not None and package.edit_from == BODY.encode()
    with open(repo / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(SAVED)
    original = module.read_bytes()
    written = backup.write_all(str(module), original, b"# stub\n", str(data_path), b"{}",
                               package.edit, package.edit_from)

    text = (repo / "pyproject.toml").read_text()
    assert text.startswith(BODY + SAVED), text
    parsed = tomllib.loads(text)
    assert parsed["tool"]["black"] == {"line-length": 100}
    assert parsed["tool"]["setuptools"]["package-data"]["pkg"] == ["data.json"]
    assert (Path(written.backup) / "project.orig").read_text() == BODY + SAVED
    assert backup.undo(str(module), written.backup).startswith("restored")
    assert (repo / "pyproject.toml").read_text() == BODY + SAVED
    assert module.read_bytes() == original
