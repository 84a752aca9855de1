"""Another user's settings file above the scanned folder does not steer the scan.

tidy reads every `.tidy.toml` (and pyproject.toml with [tool.tidy]) at and above the folder.
A settings file can declare a catalogue kind, and a kind can make `tidy fix` move any folder
name to the trash: another local user who put a `.tidy.toml` declaring `src` a safe cache
into a shared folder (/tmp, /srv/projects) had `tidy fix` and the nightly `tidy watch
--once` move `src` of every project scanned below it. Now, as git ignores a `.git` above
that another user owns, such a file is passed over with one warning (tidy.core.config.
discover_all); the user's own files, root's and the scanned folder's owner's are read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import tidy
from tests.safety.other_user import USER as OTHER

pytestmark = pytest.mark.usefixtures("as_root")

SRC_IS_A_CACHE = """[[catalog]]
name = "planted"
type = "dir"
names = ["src"]
tier = "default"
safe = true
regenerate = "nothing"
"""


def _shared_folder(tmp_path: Path, settings_name: str = ".tidy.toml") -> Path:
    """A folder holding a planted settings file and, below it, the user's own project."""
    shared = tmp_path / "shared"
    table = "[[catalog]]" if settings_name == ".tidy.toml" else "[[tool.tidy.catalog]]"
    write(shared / settings_name, SRC_IS_A_CACHE.replace("[[catalog]]", table))
    write(shared / "project" / "src" / "main.py", "print('my code')\n")
    backdate(shared / "project")
    return shared


@pytest.mark.parametrize("settings_name", [".tidy.toml", "pyproject.toml"])
def test_another_users_settings_above_move_nothing(tmp_path: Path, settings_name: str) -> None:
    shared = _shared_folder(tmp_path, settings_name)
    os.chown(shared / settings_name, OTHER, OTHER)
    project = shared / "project"

    scan = tidy("scan", str(project), cwd=tmp_path, state=tmp_path / "state")
    said = " ".join(scan.stdout.split())
    assert "planted" not in said
    assert f"{shared / settings_name}: owned by another user (uid {OTHER})" in said

    fixed = tidy("fix", "--yes", str(project), cwd=tmp_path, state=tmp_path / "state")
    assert fixed.returncode == 0
    assert (project / "src" / "main.py").read_text() == "print('my code')\n"
    assert "owned by another user" in fixed.stderr and "nothing to fix" in fixed.stdout
    as_json = json.loads(tidy("fix", "--yes", "--format", "json", str(project), cwd=tmp_path,
                              state=tmp_path / "state").stdout)
    assert as_json["plan"]["items"] == 0
    assert [w.split(":")[0] for w in as_json["warnings"]] == [str(shared / settings_name)]


def test_the_named_file_is_read_whoever_owns_it(tmp_path: Path) -> None:
    """--config is the user's own choice: it is read, and the kind it declares applies."""
    shared = _shared_folder(tmp_path)
    os.chown(shared / ".tidy.toml", OTHER, OTHER)
    scan = tidy("scan", "--config", str(shared / ".tidy.toml"), str(shared / "project"),
                cwd=tmp_path, state=tmp_path / "state")
    assert "planted" in scan.stdout and "owned by another user" not in scan.stdout


@pytest.mark.parametrize("owner", ["the user", "the scanned folder's owner"])
def test_settings_of_the_user_or_of_the_folders_owner_are_read(tmp_path: Path,
                                                               owner: str) -> None:
    """The user's own file (here root's), and one owned by whoever owns the scanned folder
    (a checkout another uid made in CI, scanned by root) keep steering the scan."""
    shared = _shared_folder(tmp_path)
    project = shared / "project"
    if owner != "the user":
        os.chown(shared / ".tidy.toml", OTHER, OTHER)
        os.chown(project, OTHER, OTHER)
    scan = tidy("scan", str(project), cwd=tmp_path, state=tmp_path / "state")
    assert "planted" in scan.stdout and "owned by another user" not in scan.stdout
    fixed = tidy("fix", "--yes", str(project), cwd=tmp_path, state=tmp_path / "state")
    if owner == "the user":
        assert fixed.returncode == 0 and not (project / "src").exists()
    else:  # trust round 7: root changes no tree of another user's (tidy/core/owners.py)
        assert fixed.returncode == 1 and (project / "src").exists(), fixed.stdout
        assert "belongs to nobody (uid 65534)" in " ".join(fixed.stdout.split())


def test_a_planted_tidy_toml_hides_not_the_users_own_pyproject(tmp_path: Path) -> None:
    """In a folder others can write to, another user's `.tidy.toml` beside the user's own
    pyproject.toml is passed over, and the pyproject.toml is read in its place (it was
    passed over with it: the user's own settings were gone)."""
    project = tmp_path / "project"
    write(project / "pyproject.toml",
          SRC_IS_A_CACHE.replace("[[catalog]]", "[[tool.tidy.catalog]]")
          .replace('"planted"', '"users-own"'))
    write(project / "src" / "main.py", "print('generated')\n")
    write(project / ".tidy.toml", 'heavy-folder = "1KB"\n')
    os.chown(project / ".tidy.toml", OTHER, OTHER)
    backdate(project)
    scan = tidy("scan", str(project), cwd=tmp_path, state=tmp_path / "state")
    said = " ".join(scan.stdout.split())
    assert "users-own" in said, said
    assert f"{project / '.tidy.toml'}: owned by another user (uid {OTHER})" in said


@pytest.mark.parametrize("link_owner", [OTHER, 0], ids=["their link", "the user's link"])
def test_a_link_counts_as_its_owners_and_its_targets(tmp_path: Path, link_owner: int) -> None:
    """A `.tidy.toml` link is read only when both the link and the file it leads to are
    the user's (or another trusted owner's): another user's link to a file of the user's
    chose which settings steer this folder, as a file of theirs would; the user's link to
    another user's file reads that user's settings."""
    shared = tmp_path / "shared"
    write(shared / "project" / "src" / "main.py", "print('my code')\n")
    backdate(shared / "project")
    target = write(tmp_path / "elsewhere" / ".tidy.toml", SRC_IS_A_CACHE)
    if link_owner == 0:
        os.chown(target, OTHER, OTHER)
    (shared / ".tidy.toml").symlink_to(target)
    os.lchown(shared / ".tidy.toml", link_owner, link_owner)
    scan = tidy("scan", str(shared / "project"), cwd=tmp_path, state=tmp_path / "state")
    said = " ".join(scan.stdout.split())
    assert "planted" not in said
    assert f"{shared / '.tidy.toml'}: owned by another user (uid {OTHER})" in said
    fixed = tidy("fix", "--yes", str(shared / "project"), cwd=tmp_path, state=tmp_path / "state")
    assert fixed.returncode == 0
    assert (shared / "project" / "src" / "main.py").exists()
