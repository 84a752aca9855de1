"""`tidy init`: prints or writes the pre-commit config and a starter [tool.tidy]; never
overwrites without --force; what it writes is accepted by pre-commit and by tidy itself."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.conftest import hermetic_env, make_repo, run_cli
from tidy.core.config import DEFAULT_FAIL_ON, SETTINGS, Config, load
from tidy.rules import budgets


def _validate_config(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(path)],
                          capture_output=True, text=True, env=hermetic_env(), check=False)


def test_prints_both_and_writes_nothing(tmp_path: Path) -> None:
    result = run_cli("init", cwd=tmp_path)
    assert result.code == 0
    assert list(tmp_path.iterdir()) == []
    config_part, toml_part = result.out.split("# --- pyproject.toml", 1)
    hooks = yaml.safe_load(config_part)["repos"][0]["hooks"]
    assert [h["id"] for h in hooks] == ["tidy-staged", "tidy-push"]
    table = tomllib.loads(toml_part.split("\n", 1)[1])["tool"]["tidy"]
    assert budgets.from_table(table["budgets"], "printed").get("largest-file") == 10_000_000


@pytest.mark.slow
def test_write_creates_files_that_pre_commit_and_tidy_accept(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    result = run_cli("init", "--write", cwd=repo)
    assert result.code == 0, result.err
    assert _validate_config(repo / ".pre-commit-config.yaml").returncode == 0
    config = load(str(repo))
    assert config.source == str(repo / ".tidy.toml")
    assert budgets.load(config).get("committed-caches") is False
    assert run_cli("scan", "-q", cwd=repo).code == 0


def test_remote_form_pins_the_revision(tmp_path: Path) -> None:
    result = run_cli("init", "--write", "--repo", "https://example.invalid/tidy.git",
                     "--rev", "v9.9.9", cwd=tmp_path)
    assert result.code == 0
    repos = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())["repos"]
    assert (repos[0]["repo"], repos[0]["rev"]) == ("https://example.invalid/tidy.git", "v9.9.9")
    assert _validate_config(tmp_path / ".pre-commit-config.yaml").returncode == 0


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []  # mine\n")
    (tmp_path / ".tidy.toml").write_text("# mine\n")
    kept = run_cli("init", "--write", cwd=tmp_path)
    assert kept.code == 1
    assert kept.out.count("kept") == 2
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == "repos: []  # mine\n"
    assert (tmp_path / ".tidy.toml").read_text() == "# mine\n"

    forced = run_cli("init", "--write", "--force", cwd=tmp_path)
    assert forced.code == 0
    assert "tidy-staged" in (tmp_path / ".pre-commit-config.yaml").read_text()
    assert "[budgets]" in (tmp_path / ".tidy.toml").read_text()


def test_appends_to_pyproject_keeping_every_byte(tmp_path: Path) -> None:
    original = '[project]\r\nname = "demo"  # a comment\r\n\r\n[tool.ruff]\r\nline-length = 99\r\n'
    (tmp_path / "pyproject.toml").write_bytes(original.encode())
    (tmp_path / "pyproject.toml").chmod(0o640)
    result = run_cli("init", "--write", cwd=tmp_path)
    assert result.code == 0, result.out
    data = (tmp_path / "pyproject.toml").read_bytes()
    assert data.startswith(original.encode())
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF kept for the new lines too
    assert (tmp_path / "pyproject.toml").stat().st_mode & 0o777 == 0o640
    parsed = tomllib.loads(data.decode())
    assert parsed["tool"]["ruff"] == {"line-length": 99}
    assert not (tmp_path / ".tidy.toml").exists()
    assert budgets.load(load(str(tmp_path))).get("largest-file") == 10_000_000

    again = run_cli("init", "--write", "--force", cwd=tmp_path)
    assert "already has [tool.tidy]" in again.out and again.code == 1
    assert (tmp_path / "pyproject.toml").read_bytes() == data


_HTML_TIDY = """#!/bin/sh
# Debian's `tidy` (HTML Tidy): answers --version its own way, dumps HTML for anything else.
if [ "$1" = --version ]; then echo "HTML Tidy for Linux version 5.6.0"; exit 0; fi
echo '<!DOCTYPE html><html><head><meta name="generator" content="HTML Tidy"></head></html>'
exit 1
"""


def _path_with(tmp_path: Path, tidy_script: str) -> str:
    """A PATH whose `tidy` is `tidy_script`, then the usual programs (git, sh, grep)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "tidy").write_text(tidy_script)
    (bin_dir / "tidy").chmod(0o755)
    return f"{bin_dir}:/usr/local/bin:/usr/bin:/bin"


@pytest.mark.slow
def test_the_local_hook_stops_with_one_line_when_tidy_on_path_is_html_tidy(
        tmp_path: Path) -> None:
    # `tidy init` wrote `entry: tidy hook check-staged`; with ~/.local/bin not first on PATH
    # pre-commit ran Debian's HTML Tidy, which printed an HTML page as the hook's failure.
    repo = make_repo(tmp_path / "repo")
    assert run_cli("init", "--write", cwd=repo).code == 0
    (repo / "app.py").write_text("x = 1\n")
    subprocess.run(["git", "add", "app.py"], cwd=repo, check=True, env=hermetic_env())

    def hook(path: str) -> subprocess.CompletedProcess[str]:
        env = hermetic_env({"PATH": path, "PRE_COMMIT_HOME": str(tmp_path / "pc"),
                            "HOME": str(tmp_path)})
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "tidy-staged",
                               "--files", "app.py"], cwd=repo, capture_output=True, text=True,
                              env=env, timeout=120, check=False)

    html = hook(_path_with(tmp_path, _HTML_TIDY))
    assert html.returncode == 1, html.stdout
    assert "<html" not in html.stdout, html.stdout
    assert "tidy: the tidy on PATH is not tidy-workspace (HTML Tidy, or none)" in html.stdout
    ours = hook(_path_with(tmp_path, f'#!/bin/sh\nexec {sys.executable} -m tidy "$@"\n'))
    assert ours.returncode == 0, ours.stdout


# ------------------------------------------------------------------ the starter tells the truth
def _written_starter(folder: Path) -> Path:
    result = run_cli("init", "--write", cwd=folder)
    assert result.code == 0, result.err
    return folder / ".tidy.toml"


def test_the_starter_parses_and_its_settings_are_the_real_defaults(tmp_path: Path) -> None:
    # The starter writes the defaults out to be edited: a value that differs from Config's
    # default (or a key tidy no longer knows) would quietly change what a scan does.
    starter = tomllib.loads(_written_starter(tmp_path).read_text())
    settings = {key: value for key, value in starter.items() if key != "budgets"}
    assert settings, starter
    for key, value in settings.items():
        setting = next(s for s in SETTINGS.values() if s.key == key)
        assert setting.parse(value) == getattr(Config(), setting.name), key
    config = load(str(tmp_path))  # as tidy reads it: the budgets add TDY9 to fail-on
    assert config.fail_on == (*DEFAULT_FAIL_ON, "TDY9")
    assert budgets.load(config).values == {"largest-file": 10_000_000,
                                           "committed-caches": False}


def test_the_starters_commented_out_budgets_are_valid_when_switched_on(tmp_path: Path) -> None:
    text = _written_starter(tmp_path).read_text()
    switched_on = re.sub(r"(?m)^# (?=[a-z-]+ = )", "", text)
    table = tomllib.loads(switched_on)["budgets"]
    assert set(table) == set(budgets.BY_KEY)  # every budget, each with a valid value
    assert budgets.from_table(table, "starter").any


@pytest.mark.slow
def test_committed_caches_does_what_the_starter_says(tmp_path: Path) -> None:
    # "committed-caches = false  # allowed? false: a committed cache or build output fails the
    # scan (TDY903); true: never, TDY102 only reports it" -- the old comment ("committed
    # caches and build outputs fail") read as the setting's opposite beside `false`.
    repo = make_repo(tmp_path / "repo")
    starter = _written_starter(repo)
    line = next(ln for ln in starter.read_text().splitlines()
                if ln.startswith("committed-caches"))
    assert line.split("#", 1)[0].split("=")[1].strip() == "false"
    assert "TDY903" in starter.read_text().split("committed-caches", 1)[1].split("\n#")[0]
    (repo / "pkg/__pycache__").mkdir(parents=True)
    (repo / "pkg/__pycache__/m.cpython-311.pyc").write_bytes(b"\0" * 100)
    subprocess.run(["git", "-C", str(repo), "add", "-f", "."], check=True, env=hermetic_env())
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", "x"], check=True,
                   env=hermetic_env())

    def scan() -> tuple[int, dict[str, bool]]:
        result = run_cli("scan", "-q", "--no-record", "--format", "json", cwd=repo)
        report = result.json()
        return result.code, {f["code"]: f["fails"] for g in report["groups"]
                             for f in g["findings"]}

    assert scan() == (1, {"TDY102": True, "TDY903": True})  # false: the scan fails
    starter.write_text(starter.read_text().replace("committed-caches = false",
                                                   "committed-caches = true"))
    assert scan() == (0, {"TDY102": False})  # true: reported, never failing


def test_a_broken_pyproject_is_kept_and_said_broken(tmp_path: Path) -> None:
    """It said "already has [tool.tidy]" of a pyproject.toml that only failed to parse."""
    broken = b'[project]\nname = "p"\nversion = \n'
    (tmp_path / "pyproject.toml").write_bytes(broken)
    done = run_cli("init", "--write", cwd=tmp_path)
    assert done.code == 1, done
    line = next(line for line in done.out.splitlines() if "pyproject.toml" in line)
    assert "not valid TOML" in line and "line 3" in line, line
    assert "already has" not in line
    assert (tmp_path / "pyproject.toml").read_bytes() == broken
