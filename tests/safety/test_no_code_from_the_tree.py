"""A scan never runs code that lives in the tree it scans.

tidy's confirmation child was started as `python -m tidy.extract.confirm` in the caller's
folder: Python puts that folder first on sys.path, so a repository holding its own
`tidy/extract/confirm.py` had it executed by a plain `tidy scan` run inside it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, write

_PLANTED = "open({canary!r}, 'w').write('ran')\n"


@pytest.mark.slow
def test_a_scan_inside_a_repo_never_imports_that_repos_tidy_package(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    canary = tmp_path / "canary"
    for module in ("tidy/__init__.py", "tidy/extract/__init__.py", "tidy/extract/confirm.py"):
        write(repo / module, _PLANTED.format(canary=str(canary)))
    # A module big enough and literal enough to reach the confirmation step.
    rows = "".join(f"    {{'id': {i}, 'name': 'item {i}', 'tags': ['a', 'b']}},\n"
                   for i in range(9000))
    write(repo / "data.py", "ROWS = [\n" + rows + "]\n")
    commit(repo)
    # As the `tidy` console script runs: the caller's folder is not on sys.path (-P).
    done = subprocess.run([sys.executable, "-P", "-m", "tidy", "scan", "--select", "TDY3",
                           "--format", "json", "."], cwd=repo, capture_output=True, text=True,
                          env=hermetic_env(), timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert "data.py" in done.stdout  # the confirmation ran and found the module
    assert not canary.exists(), "tidy ran code from the scanned repository"
