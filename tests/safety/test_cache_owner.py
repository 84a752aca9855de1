"""The content cache and git dirs of other users (trust round 6).

The cache lived in the repo's git dir whoever owned it. Root (a CI container, a nightly job)
scanning a user's repo that git lets it read (safe.directory) left `.git/tidy/`, mode 0700,
owned by root: the user could no longer delete their own repo (`rm -rf` fails on it). The
other way round, a cache file another user wrote into this user's git dir (a group-shared
repo) was read as this user's own facts. Now another user's git dir gets no cache (it goes
to the state folder, under the repo's hash), and a cache file this user does not own is
never read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, run_cli
from tests.safety.other_user import USER as OTHER
from tests.safety.test_content_cache import _found, _site, _tamper_references
from tidy.workspace import content_cache

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("as_root")]


def _scan(repo: Path, state: Path, extra: dict[str, str] | None = None) -> list[tuple[str, str]]:
    env = hermetic_env({"TIDY_STATE_DIR": str(state), **(extra or {})})
    done = run_cli("scan", "--format", "json", "-q", "--no-record", ".", cwd=repo, env=env)
    assert done.code in (0, 1), done.err
    return [(code, path) for code, path, _ in _found(done.json())]


def _owners(folder: Path) -> set[int]:
    owners = {folder.lstat().st_uid}
    for top, dirs, files in os.walk(folder):
        owners |= {os.lstat(os.path.join(top, name)).st_uid for name in [*dirs, *files]}
    return owners


def test_a_scan_of_another_users_repo_leaves_nothing_in_its_git_dir(tmp_path: Path) -> None:
    repo = _site(tmp_path / "site")
    for top, dirs, files in os.walk(repo):
        for name in [".", *dirs, *files]:
            os.chown(os.path.join(top, name), OTHER, OTHER, follow_symlinks=False)
    trusting = tmp_path / "gitconfig"
    trusting.write_text("[safe]\n\tdirectory = *\n")  # git reads another user's repo
    state = tmp_path / "state"
    extra = {"GIT_CONFIG_GLOBAL": str(trusting)}
    first = _scan(repo, state, extra)
    assert ("TDY401", "static/vendor/ketcher") in first  # git answered: a real repo scan
    assert _owners(repo / ".git") == {OTHER}
    assert not (repo / ".git" / content_cache.CACHE_FOLDER).exists()
    kept = state / content_cache.STATE_FOLDER / f"{content_cache.state_digest(str(repo))}.json"
    assert kept.is_file()  # the cache is this user's, in this user's state folder
    assert _scan(repo, state, extra) == first


def test_a_cache_another_user_wrote_into_my_git_dir_is_not_read(tmp_path: Path) -> None:
    repo = _site(tmp_path / "site")
    state = tmp_path / "state"
    truth = _scan(repo, state)
    assert ("TDY401", "static/vendor/jquery") not in truth
    _tamper_references(repo)  # "templates/base.html mentions nothing", stat key matching
    os.chown(content_cache.cache_path(str(repo)), OTHER, OTHER)
    assert _scan(repo, state) == truth
