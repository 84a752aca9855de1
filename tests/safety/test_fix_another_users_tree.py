"""Root's `tidy fix` in another user's tree (trust round 7).

Root (a CI container, `sudo tidy fix`, a nightly job) running a fix in a user's repo that git
lets it read (safe.directory) moved the user's node_modules into `.git/tidy/trash/RUN/...`:
folders of mode 0700 owned by root. The user could not look into them, purge them, nor
delete their own repo (`rm -rf` fails), and only root's `tidy undo` could put the item back.
Now an action in a tree another user owns is skipped with one line saying whose it is and
how to run the fix as that user; nothing is written into the tree.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, run_cli, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import data_module_repo
from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER as OTHER

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("as_root")]


def _give(top: Path, uid: int) -> None:
    for folder, dirs, files in os.walk(top):
        for name in [".", *dirs, *files]:
            os.chown(os.path.join(folder, name), uid, uid, follow_symlinks=False)


def _fix(repo: Path, tmp_path: Path, *args: str) -> tuple[int, str]:
    trusting = tmp_path / "gitconfig"
    trusting.write_text("[safe]\n\tdirectory = *\n")  # git reads another user's repo
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"),
                        "GIT_CONFIG_GLOBAL": str(trusting)})
    done = run_cli("fix", "--yes", "-q", "--format", "json", *args, str(repo), cwd=tmp_path,
                   env=env)
    return done.code, done.out + done.err


def _not_mine(top: Path) -> list[str]:
    """Everything below `top` (itself included) that does not belong to OTHER."""
    return [os.path.join(folder, name) for folder, dirs, files in os.walk(top)
            for name in [".", *dirs, *files]
            if os.lstat(os.path.join(folder, name)).st_uid != OTHER]


def test_root_moves_nothing_of_another_users_repo_into_its_git_dir(tmp_path: Path) -> None:
    repo = node_project(tmp_path, repo=True)
    _give(repo, OTHER)
    code, said = _fix(repo, tmp_path, "--select", "TDY1")
    outcome, = json.loads(said[:said.rindex("}") + 1])["result"]["outcomes"]
    assert code == 1 and outcome["status"] == "skipped", said
    assert "belongs to nobody (uid 65534)" in outcome["reason"]
    assert "sudo -u nobody tidy fix" in outcome["reason"]
    assert (repo / "web" / "node_modules" / "dep" / "index.js").is_file()
    assert _not_mine(repo) == []  # no root-owned .git/tidy the user cannot remove


def test_root_edits_no_config_file_of_another_users_repo(tmp_path: Path) -> None:
    repo = node_project(tmp_path, repo=True)
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 200)
    write(repo / "pkg" / "m.py", "x = 1\n")
    backdate(repo)
    _give(repo, OTHER)
    code, said = _fix(repo, tmp_path, "--select", "TDY5")
    assert code == 1 and "belongs to nobody (uid 65534)" in said, said
    assert not (repo / ".gitignore").exists()
    assert _not_mine(repo) == []


def test_another_users_item_in_your_own_tree_says_how_to_take_it_back(tmp_path: Path) -> None:
    """A node_modules a container made in the user's repo (`docker run -v $PWD:/app`) is
    another user's item in the user's own tree: running tidy as its owner is no way out (the
    repo is not theirs), so the line says how to take it back; after that it is fixed."""
    repo = node_project(tmp_path, repo=True)
    modules = repo / "web" / "node_modules"
    _give(modules, OTHER)
    code, said = _fix(repo, tmp_path, "--select", "TDY1")
    outcome, = json.loads(said[:said.rindex("}") + 1])["result"]["outcomes"]
    assert code == 1 and outcome["status"] == "skipped", said
    assert "belongs to nobody (uid 65534) inside your own tree" in outcome["reason"]
    assert f"sudo chown -R root {modules}" in outcome["reason"]
    assert "sudo -u nobody" not in outcome["reason"]  # that user could not fix it either
    assert (modules / "dep" / "index.js").is_file()
    _give(modules, 0)
    code, said = _fix(repo, tmp_path, "--select", "TDY1")
    assert code == 0 and not modules.exists(), said


def test_a_users_own_tree_is_still_fixed(tmp_path: Path) -> None:
    repo = node_project(tmp_path, repo=True)
    code, said = _fix(repo, tmp_path, "--select", "TDY1")
    assert code == 0, said
    assert not (repo / "web" / "node_modules").exists()


def test_root_extracts_no_module_of_another_users_repo(tmp_path: Path) -> None:
    """`sudo tidy extract pkg/data.py` in a user's repo wrote the data file, the stub and a
    backup folder (`.git/tidy/extract/`, 0700) all owned by root."""
    repo = data_module_repo(tmp_path / "repo")
    before = (repo / "pkg" / "data.py").read_bytes()
    _give(repo, OTHER)
    trusting = tmp_path / "gitconfig"
    trusting.write_text("[safe]\n\tdirectory = *\n")
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"),
                        "GIT_CONFIG_GLOBAL": str(trusting)})
    done = run_cli("extract", "pkg/data.py", cwd=repo, env=env)
    lines = done.err.strip().splitlines()
    assert done.code == 1 and len(lines) == 1, done.out + done.err
    assert "belongs to nobody (uid 65534)" in lines[0] and "sudo -u nobody tidy extract" in lines[0]
    assert (repo / "pkg" / "data.py").read_bytes() == before
    assert _not_mine(repo) == []


def test_root_writes_no_init_files_into_another_users_repo(tmp_path: Path) -> None:
    """`sudo tidy init --write` made `.pre-commit-config.yaml` and `.tidy.toml` root's."""
    repo = node_project(tmp_path, repo=True)
    _give(repo, OTHER)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    done = run_cli("init", "--write", cwd=repo, env=env)
    said = done.out + done.err
    assert done.code != 0 and "belongs to nobody (uid 65534)" in said, said
    assert not (repo / ".pre-commit-config.yaml").exists() and not (repo / ".tidy.toml").exists()
    assert _not_mine(repo) == []
