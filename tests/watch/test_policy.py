"""The watch policy: where it is read from, how it is validated, how the budget chooses."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tidy.core.config import ConfigError
from tidy.core.config import load as load_config
from tidy.core.models import ActionKind, Applicability, Tracked
from tidy.fixes.plan import Expected, PlannedAction
from tidy.watch.policy import WatchPolicy, evict_oldest, load_policy, user_config_path


@pytest.fixture
def user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home / "tidy" / "config.toml"


def test_defaults_when_nothing_is_configured(tmp_path: Path, user_config: Path) -> None:
    assert load_policy(load_config(str(tmp_path))) == WatchPolicy()


def test_user_file_then_project_file_win_per_key(tmp_path: Path, user_config: Path) -> None:
    assert user_config_path() == str(user_config)
    write(user_config, '[watch]\ncache-budget = "5GB"\nsettle = "3s"\nbig-file = false\n')
    write(tmp_path / "p" / "pyproject.toml",
          '[tool.tidy.watch]\nsettle = "1s"\nartifacts-older-than = "14d"\n')
    policy = load_policy(load_config(str(tmp_path / "p")))
    assert policy.cache_budget == 5_000_000_000  # from the user's file
    assert policy.big_file is None  # false turns it off
    assert policy.settle == 1.0  # the project's file wins
    assert policy.artifacts_older_than == 14 * 86400
    assert policy.sources == (str(user_config), str(tmp_path / "p" / "pyproject.toml"))


@pytest.mark.parametrize(("text", "message"), [
    ('stale-bytcode = "trash"', "unknown key 'stale-bytcode' in [watch]"),
    ('stale-bytecode = "delete"', "'stale-bytecode' in [watch] must be \"trash\", \"report\""),
    ('cache-budget = "lots"', "'cache-budget' in [watch] must be a size such as 5GB, or false"),
    ("settle = true", "'settle' in [watch] must be a duration"),
    ('cache-kinds = ["node-modules"]', "unknown catalogue kind 'node-modules' in [watch]"),
    ("max-watches = 0", "'max-watches' in [watch] must be a positive number"),
])
def test_errors_name_the_key_and_the_file(tmp_path: Path, user_config: Path, text: str,
                                          message: str) -> None:
    path = write(tmp_path / "p" / ".tidy.toml", f"[watch]\n{text}\n")
    with pytest.raises(ConfigError) as error:
        load_policy(load_config(str(tmp_path / "p")))
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


def test_the_user_file_is_checked_too(tmp_path: Path, user_config: Path) -> None:
    write(user_config, "[watch]\nquiet = \"10\"\n")
    with pytest.raises(ConfigError, match=r"config.toml: 'quiet' in \[watch\] must be"):
        load_policy(load_config(str(tmp_path)))
    write(user_config, "[wach]\n")
    with pytest.raises(ConfigError, match=r"config.toml: unknown key 'wach'"):
        load_policy(load_config(str(tmp_path)))


def test_the_scan_still_accepts_the_watch_table(tmp_path: Path, user_config: Path) -> None:
    write(tmp_path / "pyproject.toml",
          '[tool.tidy]\nmin-size = 1\n[tool.tidy.watch]\nquiet = "5s"\n')
    config = load_config(str(tmp_path))
    assert config.min_size == 1
    assert load_policy(config).quiet == 5.0


def _action(path: str, size: int, newest: float) -> PlannedAction:
    return PlannedAction(
        path=path, root="/r", scan_root="/r", rel=path, is_repo=True, code="TDY101",
        rule="untracked-artifact", kind=".mypy_cache", action=ActionKind.TRASH,
        applicability=Applicability.SAFE, bytes=size, disk_bytes=size, files=1, why="",
        regenerate="", activity=0.0,
        expected=Expected("dir", 1, 1, 0, 0o755, Tracked.UNTRACKED, newest))


caches = st.lists(st.tuples(st.integers(0, 10_000), st.floats(0, 1e9, allow_nan=False)),
                  max_size=12)


@settings(max_examples=60, deadline=None)
@given(caches, st.integers(0, 60_000))
def test_eviction_takes_the_oldest_until_the_rest_fits(items: list[tuple[int, float]],
                                                       budget: int) -> None:
    pool = [_action(f"/r/c{i}", size, newest) for i, (size, newest) in enumerate(items)]
    result = evict_oldest(pool, budget)
    total = sum(size for size, _ in items)
    chosen = {a.path for a in result.chosen}
    kept = [a for a in pool if a.path not in chosen]
    assert result.total_before == total
    assert result.total_after == sum(a.bytes for a in kept)
    assert result.total_after <= budget or not kept, "over budget only when nothing is left"
    if result.chosen:
        # Minimal: without the last one chosen, the rest would still be over the budget.
        assert result.total_after + result.chosen[-1].bytes > budget
        # Oldest first: nothing kept is older than something chosen.
        newest_chosen = max(a.expected.newest_mtime for a in result.chosen)
        assert all(a.expected.newest_mtime >= newest_chosen for a in kept)
    else:
        assert total <= budget


def test_policy_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        WatchPolicy().settle = 1.0  # type: ignore[misc]
