"""A kind's `with` takes along only kinds that are safe and offered by default.

The catalogue's `with` (tsc's js-dist takes its tsbuildinfo) makes `tidy fix --kind X` take
X's companions too. A repo's own `[[tool.tidy.catalog]]` can declare `with` as well: a kind
`gen` with `with = ["venv", "ml-outputs"]` made `tidy fix --unsafe-fixes --kind gen` trash
the repo's virtualenv (opt-in, not safe) and its experiment outputs (tier never: "may be
the only copy"), neither of which the user named; without --unsafe-fixes it still added
their ignore rules. Now a companion must be safe and of tier default or marker
(tidy.core.catalog.companions_of); tsbuildinfo with js-dist still goes.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import tidy

GEN_WITH_UNWANTED = """[[tool.tidy.catalog]]
name = "gen"
type = "dir"
names = ["gen"]
tier = "default"
safe = true
regenerate = "make gen"
with = ["venv", "ml-outputs", "tsbuildinfo"]
"""


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "project")
    write(repo / "pyproject.toml", GEN_WITH_UNWANTED)
    write(repo / "main.py", "print(1)\n")
    commit(repo)
    write(repo / "gen" / "a.txt", "generated\n")
    write(repo / ".venv" / "pyvenv.cfg", "home = /usr/bin\n")
    write(repo / ".venv" / "bin" / "python", "")
    write(repo / "outputs" / "run1" / "metrics.txt", "0.93\n")
    backdate(repo)
    return repo


def test_a_repos_own_with_brings_in_no_unsafe_or_never_kind(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    state = tmp_path / "state"
    fixed = tidy("fix", "--yes", "--unsafe-fixes", "--kind", "gen", str(repo), cwd=tmp_path,
                 state=state)
    assert fixed.returncode == 0, fixed.stderr
    assert not (repo / "gen").exists()  # the kind the user named is fixed
    assert (repo / ".venv" / "pyvenv.cfg").read_text() == "home = /usr/bin\n"
    assert (repo / "outputs" / "run1" / "metrics.txt").read_text() == "0.93\n"
    ignored = (repo / ".gitignore").read_text()
    assert ".venv" not in ignored and "outputs" not in ignored, ignored


def test_the_scan_narrowed_to_the_kind_shows_no_unsafe_companion(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    scan = tidy("scan", "--kind", "gen", str(repo), cwd=tmp_path, state=tmp_path / "state")
    assert "gen" in scan.stdout
    assert ".venv" not in scan.stdout and "outputs" not in scan.stdout, scan.stdout
