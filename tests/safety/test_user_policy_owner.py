"""The user's own watch settings file, written by someone else (trust round 7).

`$XDG_CONFIG_HOME/tidy/config.toml` (`[watch]`) decides what `tidy watch` and the nightly
`tidy watch --once` move on their own: `artifacts-older-than = "1s"` trashes every
artifact at once. It was read with no owner check: a file another user owns (or may write,
through its mode, its group or its folder), or a link of theirs to it, steered the nightly
job. Now such a file is refused in one line (exit 2) and nothing moves.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, run_cli, write
from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER as OTHER

EVERYTHING_NOW = '[watch]\nartifacts-older-than = "1s"\nquiet = "0s"\n'

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("as_root")]


def _plant(config_home: Path, how: str) -> None:
    path = config_home / "tidy" / "config.toml"
    if how == "a link another user made to my file":
        write(config_home / "mine.toml", EVERYTHING_NOW)
        path.parent.mkdir(parents=True)
        path.symlink_to(config_home / "mine.toml")
        os.chown(path, OTHER, OTHER, follow_symlinks=False)
        return
    if how == "a link to a file another user owns":
        theirs = write(config_home / "theirs.toml", EVERYTHING_NOW)
        os.chown(theirs, OTHER, OTHER)
        path.parent.mkdir(parents=True)
        path.symlink_to(theirs)
        return
    write(path, EVERYTHING_NOW)
    if how == "owned by another user":
        os.chown(path, OTHER, OTHER)
    elif how == "writable by its group":
        os.chown(path, -1, OTHER)
        path.chmod(0o664)
    elif how == "in a folder anyone may write":
        path.parent.chmod(0o777)


def _once(root: Path, tmp_path: Path, config_home: Path) -> tuple[int, str, str]:
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"),
                        "XDG_CONFIG_HOME": str(config_home)})
    done = run_cli("watch", "--once", str(root), cwd=tmp_path, env=env)
    return done.code, done.out, done.err


@pytest.mark.parametrize("how", ["owned by another user", "writable by its group",
                                 "in a folder anyone may write",
                                 "a link another user made to my file",
                                 "a link to a file another user owns"])
def test_a_settings_file_someone_else_could_write_moves_nothing(tmp_path: Path,
                                                                 how: str) -> None:
    root = node_project(tmp_path, repo=True)
    config_home = tmp_path / "config"
    _plant(config_home, how)
    code, out, err = _once(root, tmp_path, config_home)
    assert code == 2, out + err
    assert len(err.strip().splitlines()) == 1 and "config.toml: not read" in err, err
    assert (root / "web" / "node_modules" / "dep" / "index.js").is_file()


def test_my_own_settings_file_is_followed(tmp_path: Path) -> None:
    root = node_project(tmp_path, repo=True)
    config_home = tmp_path / "config"
    _plant(config_home, "mine")
    code, out, err = _once(root, tmp_path, config_home)
    assert code == 0, out + err
    assert not (root / "web" / "node_modules").exists()
