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


# -- trust round 8: the folders above the file, up to the home folder ------------------------
def _home_with_settings(tmp_path: Path, how: str) -> Path:
    """tmp_path/home with ~/.config/tidy/config.toml (0644, its folders 0755, all mine),
    then one folder above the file opened to others as `how` says. The home folder."""
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    if how == "~/.config a link to a folder anyone may write":
        shared = tmp_path / "shared"
        shared.mkdir(mode=0o777)
        shared.chmod(0o777)
        (home / ".config").symlink_to(shared)
    else:
        (home / ".config").mkdir(mode=0o755)
    write(home / ".config" / "tidy" / "config.toml", EVERYTHING_NOW)
    (home / ".config" / "tidy").chmod(0o755)
    if how == "~/.config writable by anyone":
        (home / ".config").chmod(0o777)
    elif how == "~/.config writable by its group":
        os.chown(home / ".config", -1, OTHER)
        (home / ".config").chmod(0o775)
    elif how == "~/.config owned by another user":
        os.chown(home / ".config", OTHER, OTHER)
    elif how == "the home folder writable by anyone":
        home.chmod(0o777)
    return home


def _once_at_home(root: Path, tmp_path: Path, home: Path) -> tuple[int, str, str]:
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"), "HOME": str(home)})
    del env["XDG_CONFIG_HOME"]  # the default place: ~/.config
    done = run_cli("watch", "--once", str(root), cwd=tmp_path, env=env)
    return done.code, done.out, done.err


@pytest.mark.parametrize("how", ["~/.config writable by anyone",
                                 "~/.config writable by its group",
                                 "~/.config owned by another user",
                                 "the home folder writable by anyone",
                                 "~/.config a link to a folder anyone may write"])
def test_a_folder_above_the_settings_file_someone_else_could_write_moves_nothing(
        tmp_path: Path, how: str) -> None:
    """Whoever may write ~/.config may rename `tidy/` away and make their own: the file and
    its own folder being the user's said nothing. Each folder up to the home folder is
    held to what the file is (OpenSSH's StrictModes)."""
    root = node_project(tmp_path, repo=True)
    home = _home_with_settings(tmp_path, how)
    code, out, err = _once_at_home(root, tmp_path, home)
    assert code == 2, out + err
    assert len(err.strip().splitlines()) == 1 and "config.toml: not read" in err, err
    assert (root / "web" / "node_modules" / "dep" / "index.js").is_file()


def test_my_settings_file_at_home_is_followed(tmp_path: Path) -> None:
    """The same chain, every folder the user's own and closed to others: followed (and the
    folders above the home folder are not the user's to answer for, as in StrictModes)."""
    root = node_project(tmp_path, repo=True)
    home = _home_with_settings(tmp_path, "mine")
    code, out, err = _once_at_home(root, tmp_path, home)
    assert code == 0, out + err
    assert not (root / "web" / "node_modules").exists()
