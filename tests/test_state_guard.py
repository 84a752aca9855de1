"""Every test has its own tidy state, and the suite fails when one writes the real user's.

Run as an inner pytest session in a subprocess whose HOME is a throwaway folder standing in
for the user's, with this suite's conftest fixtures: a module-scoped fixture that scans (the
pattern tests/rules/test_vendored.py uses, which wrote its scan to ~/.local/state/tidy) stays
out of it, a test that writes there about its own files anyway is failed by the guard, by
name, and a write there by someone else (another tidy at the same time) fails nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import hermetic_env

ROOT = Path(__file__).resolve().parent.parent

INNER_CONFTEST = "from tests.conftest import _hermetic_git, _session_state  # noqa: F401\n"
INNER_TESTS = '''
import os
import pytest
from tests.conftest import make_repo, scan_json, write


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    repo = make_repo(tmp_path_factory.mktemp("repo"))
    write(repo / "pkg/__pycache__/m.pyc", size=100)
    return scan_json(repo)


def test_a_module_fixture_scans_into_the_sessions_state(scanned):
    assert os.environ["TIDY_STATE_DIR"] != ""
    assert scanned["groups"]


def test_writing_the_real_state(tmp_path):
    folder = os.path.expanduser("~/.local/state/tidy")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "log.jsonl"), "a") as f:
        f.write('{"cwd": "%s"}\\n' % tmp_path)


def test_someone_else_writing_there_is_not_this_sessions():
    with open(os.path.expanduser("~/.local/state/tidy/log.jsonl"), "a") as f:
        f.write('{"cwd": "/elsewhere"}\\n')
'''


def test_fixtures_stay_out_of_the_real_state_and_the_guard_names_a_test_that_does_not(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "conftest.py").write_text(INNER_CONFTEST)
    (inner / "test_inner.py").write_text(INNER_TESTS)
    env = {k: v for k, v in hermetic_env().items()
           if k not in ("TIDY_STATE_DIR", "XDG_STATE_HOME", "XDG_DATA_HOME")}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-o", "addopts=", "--rootdir", str(inner), str(inner)],
                          cwd=inner, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    report = done.stdout + done.stderr
    assert "3 passed, 1 error" in report, report
    assert "test_writing_the_real_state" in report
    assert "wrote to the real user's tidy state" in report
    state = home / ".local" / "state" / "tidy"
    assert sorted(os.listdir(state)) == ["log.jsonl"], "only the tests that wrote there"
