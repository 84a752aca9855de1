"""Issue 14, point 2: a legacy-location `pkg/core.pyc` with no `core.py` is what
`import pkg.core` loads (maybe the only copy of shipped code), so it is only reported.

Only `__pycache__/*.pyc` whose source is gone is stale: the control in every test is such a
file, and it does go. The import is checked for real, in a fresh interpreter, before and after
`tidy fix --yes` (also with --unsafe-fixes) and `tidy watch --once`.
"""

from __future__ import annotations

import json
import os
import py_compile
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, findings, git, make_repo, scan_foundation, write
from tests.fixes.helpers import run_tidy
from tests.watch.helpers import DAY, compile_to_cache, set_age


def _imports(root: Path) -> str:
    """What `import pkg.core` gives in a fresh interpreter run from `root`. -B: the check
    itself must not write pkg/__pycache__/__init__.*.pyc into the tree under test (a fresh
    write there makes `tidy fix` leave the folder for later, so the control would depend on
    PYTHONDONTWRITEBYTECODE being set in the caller's environment)."""
    proc = subprocess.run(
        [sys.executable, "-B", "-c", "import pkg.core; print(pkg.core.ANSWER)"], cwd=root,
        capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def _project(tmp_path: Path, tracked: bool = False, beside: str = "") -> tuple[Path, Path, Path]:
    """pkg/core.pyc shipped without its source (optionally committed, optionally beside a file
    that is no source to `import`), and a stale __pycache__ file as the control."""
    root = make_repo(tmp_path / "proj")
    write(root / "pkg" / "__init__.py", "")
    source = write(root / "pkg" / "core.py", "ANSWER = 42\n")
    shipped = root / "pkg" / "core.pyc"
    py_compile.compile(str(source), cfile=str(shipped), doraise=True)
    source.unlink()
    if beside:
        write(root / "pkg" / beside, "# not what `import pkg.core` loads on Linux\n")
    gone = write(root / "pkg" / "gone.py", "X = 1\n")
    stale = compile_to_cache(gone)
    gone.unlink()
    if tracked:
        commit(root, "pkg/__init__.py", "pkg/core.pyc")
    set_age(root / "pkg", 60 * DAY)
    return root, shipped, stale


@pytest.mark.parametrize("tracked", [False, True], ids=["untracked", "committed"])
def test_scan_reports_it_as_imported_with_no_fix(tmp_path: Path, tracked: bool) -> None:
    root, _, _ = _project(tmp_path, tracked)
    report = scan_foundation(root)
    (legacy,) = [f for f in findings(report) if f["path"] == "pkg/core.pyc"]
    assert legacy["code"] == "TDY103"
    assert "Python imports it (`import pkg.core` loads this file)" in legacy["message"]
    assert legacy["fix"]["action"] == "none"
    assert legacy["fix"]["applicability"] == "display-only"
    assert {f["code"] for f in findings(report, "TDY103")} == {"TDY103"}
    assert "pkg/core.pyc" not in {f["path"] for f in findings(report, "TDY101")}
    assert "pkg/core.pyc" not in {f["path"] for f in findings(report, "TDY102")}


@pytest.mark.slow
@pytest.mark.parametrize(("tracked", "beside", "flags"), [
    (False, "", ()),
    (False, "", ("--unsafe-fixes",)),
    (True, "", ("--unsafe-fixes",)),
    (False, "core.pyw", ()),  # .pyw is a source suffix on Windows only
], ids=["untracked", "untracked-unsafe", "committed-unsafe", "beside-pyw"])
def test_fix_keeps_the_import_working(tmp_path: Path, tracked: bool, beside: str,
                                      flags: tuple[str, ...]) -> None:
    root, shipped, stale = _project(tmp_path, tracked, beside)
    assert _imports(root) == "42"
    before = shipped.read_bytes()
    done = run_tidy("fix", "--yes", "--select", "TDY1", *flags, cwd=root, state=tmp_path / "s")
    assert done.returncode in (0, 1), done.stderr
    assert shipped.read_bytes() == before
    assert _imports(root) == "42"
    assert not stale.exists(), "the control: stale __pycache__ bytecode is moved"
    if tracked:
        assert git(root, "ls-files", "pkg/core.pyc").strip() == "pkg/core.pyc"


@pytest.mark.slow
def test_watch_once_keeps_the_import_working(tmp_path: Path) -> None:
    root, shipped, stale = _project(tmp_path)
    assert _imports(root) == "42"
    once = run_tidy("watch", "--once", str(root), "--format", "json", cwd=root,
                    state=tmp_path / "s")
    assert once.returncode == 0, once.stderr
    actions = json.loads(once.stdout)["actions"]
    moved = {a["path"] for a in actions if a["status"] == "done"}
    assert not stale.exists(), f"the control: stale __pycache__ bytecode is moved ({actions})"
    assert str(shipped) not in moved
    assert shipped.exists()
    assert _imports(root) == "42"


def test_stray_bytecode_beside_its_source_stays_a_safe_cache(tmp_path: Path) -> None:
    """The `pyc` kind is unchanged where Python never loads the file: mod.py wins over mod.pyc."""
    root = tmp_path / "proj"
    source = write(root / "mod.py", "ANSWER = 1\n")
    py_compile.compile(str(source), cfile=str(root / "mod.pyc"), doraise=True)
    (stray,) = [f for f in findings(scan_foundation(root)) if f["path"] == "mod.pyc"]
    assert (stray["code"], stray["fix"]["applicability"]) == ("TDY101", "safe")


@pytest.mark.slow
@pytest.mark.parametrize("posing", ["a folder", "a dangling link", "a FIFO"])
def test_a_name_that_is_no_source_to_import_keeps_the_pyc(tmp_path: Path, posing: str) -> None:
    """Trust round 8: a folder, a dangling link or a FIFO named `core.py` counted as the
    source beside `core.pyc`, so the .pyc (what `import pkg.core` loads: import's finder
    wants a regular file) was a safe cache and `tidy fix` moved it: the import broke."""
    root, shipped, stale = _project(tmp_path)
    posed = root / "pkg" / "core.py"
    if posing == "a folder":
        posed.mkdir()
    elif posing == "a dangling link":
        posed.symlink_to(tmp_path / "gone" / "core.py")
    else:
        os.mkfifo(posed)
    set_age(root / "pkg", 60 * DAY)
    assert _imports(root) == "42"
    (legacy,) = [f for f in findings(scan_foundation(root)) if f["path"] == "pkg/core.pyc"]
    assert legacy["code"] == "TDY103" and legacy["fix"]["action"] == "none"
    done = run_tidy("fix", "--yes", "--select", "TDY1", cwd=root, state=tmp_path / "s")
    assert done.returncode in (0, 1), done.stderr
    assert shipped.exists() and _imports(root) == "42"
    assert not stale.exists(), "the control: stale __pycache__ bytecode is moved"
