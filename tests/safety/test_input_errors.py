"""Issue 14, point 11: where the cause is the input, the real CLI says so in one line and
exits 2 (the old code exited 3, "internal error", for each of these).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, make_repo, write


def _tidy(*args: str, cwd: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd, capture_output=True,
                          text=True, errors="surrogateescape", timeout=120, check=False,
                          env=hermetic_env({"TIDY_STATE_DIR": str(Path(cwd).parent / "st")}))


def _one_line_usage_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert done.stderr.count("\n") == 1, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("where", [".tidy.toml", "pyproject.toml"])
def test_config_that_is_not_utf8(tmp_path: Path, where: str) -> None:
    repo = make_repo(tmp_path / "repo")
    body = b'exclude = ["caf\xe9/"]\n' if where == ".tidy.toml" else \
        b'[tool.tidy]\nexclude = ["caf\xe9/"]\n'
    write(repo / where, body)
    _one_line_usage_error(_tidy("scan", ".", cwd=repo), where, "not UTF-8")
    _one_line_usage_error(_tidy("fix", "--dry-run", ".", cwd=repo), where, "not UTF-8")


BASELINES = {
    "a list": [1, 2],
    "a number": 5,
    "a string": "report",
    "null": None,
    "no groups": {"version": 1},
    "groups not a list": {"version": 1, "groups": {"a": 1}},
    "a group that is a number": {"version": 1, "groups": [5]},
    "a label that is a list": {"version": 1, "groups": [{"label": ["x"], "findings": []}]},
    "findings not a list": {"version": 1, "groups": [{"label": ".", "findings": {"a": 1}}]},
    "a finding without code": {"version": 1, "groups": [{"findings": [{"path": "x"}]}]},
    "a finding that is a list": {"version": 1, "groups": [{"findings": [["TDY101", "x"]]}]},
    "a code that is a list": {"version": 1, "groups": [{"findings": [
        {"code": ["TDY101"], "path": "x"}]}]},
    "bytes that is text": {"version": 1, "groups": [{"findings": [
        {"code": "TDY101", "path": "x", "bytes": "big"}]}]},
    "bytes negative": {"version": 1, "groups": [{"findings": [
        {"code": "TDY101", "path": "x", "bytes": -5}]}]},
    "files a boolean": {"version": 1, "groups": [{"findings": [
        {"code": "TDY101", "path": "x", "files": True}]}]},
    "a kind that is a number": {"version": 1, "groups": [{"findings": [
        {"code": "TDY101", "path": "x", "kind": 7}]}]},
}


@pytest.mark.parametrize("shape", sorted(BASELINES))
def test_baseline_of_the_wrong_shape(tmp_path: Path, shape: str) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "b.json", json.dumps(BASELINES[shape]))
    _one_line_usage_error(_tidy("scan", "--baseline", "b.json", ".", cwd=repo), "b.json")


@pytest.mark.parametrize("text", ['{"version": 1, "groups": [{"findings": [{"code": "TDY101", '
                                  '"path": "x", "bytes": 1e400}]}]}', "[" * 100_000,
                                  '{"version": 1, "groups": [{"findings": [{"code": "TDY101", '
                                  '"path": "x", "bytes": NaN}]}]}'])
def test_baseline_json_that_python_reads_oddly(tmp_path: Path, text: str) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "b.json", text)  # infinity, nesting deeper than the parser goes, NaN
    _one_line_usage_error(_tidy("scan", "--baseline", "b.json", ".", cwd=repo), "b.json")


def _from_deleted_folder(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`cd work/gone && rmdir ../gone && tidy ARGS`, as a shell would do it."""
    gone = tmp_path / "work" / "gone"
    gone.mkdir(parents=True)
    command = 'cd "$1" && rmdir ../gone && shift && exec "$@"'
    return subprocess.run(["sh", "-c", command, "sh", str(gone), sys.executable, "-m", "tidy",
                           *args], capture_output=True, text=True, timeout=120, check=False,
                          env=hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "st")}))


@pytest.mark.parametrize("args", [("scan",), ("scan", "."), ("scan", "./sub"),
                                  ("scan", "../elsewhere"), ("fix", "--dry-run"),
                                  ("fix", "--yes", ".")])
def test_running_from_a_deleted_folder(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = _from_deleted_folder(tmp_path, *args)
    assert not (tmp_path / "work" / "gone").exists()
    _one_line_usage_error(done, "the current folder no longer exists")


def test_absolute_paths_still_work_from_a_deleted_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "a.py", "x = 1\n")
    done = _from_deleted_folder(tmp_path, "scan", "--no-record", str(repo))
    assert done.returncode == 0, done.stderr
