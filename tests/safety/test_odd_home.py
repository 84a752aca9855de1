"""An odd HOME never puts tidy's state (or a schedule's files) in the project or under /.

tidy keeps its journals and trash in `$XDG_STATE_HOME/tidy`, else `~/.local/state/tidy`.
Before, a relative HOME (`HOME=rel/home`, as a broken service file or `env HOME=. ...`
gives) made that path relative to the current folder: `tidy fix` in a project moved its
caches into `<project>/rel/home/.local/state/tidy/trash`, inside the very tree it cleans, and
`HOME=` (empty) put the state under `/.local`. A HOME that is a file made fix, undo, trash
list, log, watch and schedule internal errors (exit 3). Now a HOME that is not an absolute
path is one line, exit 2, and nothing is written; a state folder that cannot be made is
one line naming it, exit 2. (HOME="" is not run here: on the old code it writes under /.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import hermetic_env
from tests.safety.moves_helpers import every_file, node_project


def _tidy(*args: str, cwd: Path, home: str, crontab: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in hermetic_env().items()
           if k not in ("TIDY_STATE_DIR", "XDG_STATE_HOME", "XDG_CONFIG_HOME")}
    env.update(HOME=home, TIDY_CRONTAB_FILE=str(crontab))
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
                          check=False)


COMMANDS = [("fix", "--yes", "-q", "."), ("trash", "list"), ("undo",), ("log",),
            ("watch", "--once", "."), ("schedule", "install", "--scheduler", "cron", ".")]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:2]))
def test_a_relative_home_is_refused_and_nothing_lands_in_the_project(tmp_path: Path,
                                                                     args: tuple[str, ...]
                                                                     ) -> None:
    root = node_project(tmp_path, repo=False)
    before = every_file(root)
    crontab = tmp_path / "crontab"
    done = _tidy(*args, cwd=root, home="rel/home", crontab=crontab)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "HOME" in done.stderr, done.stderr
    assert "absolute" in done.stderr
    assert sorted(os.listdir(root)) == ["web"]
    assert every_file(root) == before
    assert not crontab.exists()


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:2]))
def test_a_home_that_is_a_file_is_one_line_naming_the_state_folder(tmp_path: Path,
                                                                   args: tuple[str, ...]
                                                                   ) -> None:
    root = node_project(tmp_path, repo=False)
    before = every_file(root)
    home = tmp_path / "home-is-a-file"
    home.write_text("not a folder\n")
    done = _tidy(*args, cwd=root, home=str(home), crontab=tmp_path / "crontab")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "state folder" in done.stderr and str(home) in done.stderr, done.stderr
    assert "internal error" not in done.stderr
    assert every_file(root) == before
    assert home.read_text() == "not a folder\n"
