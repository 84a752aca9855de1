"""An extraction killed at each step keeps its module's data, and what the user wrote since
(trust round 6).

`tidy fix --unsafe-fixes` extracts a data module: backup and record, data file, stub (the
module is replaced last), the record marked complete, the journal's `done`. strace SIGKILLs
the fix at its N-th rename or link (each file tidy writes goes into place by one), N = 1, 2, ...
until a run ends on its own. After each kill: the module imports with its data; where the
stub is in, the user edits it; then `tidy undo`, `tidy fix` and `tidy extract` again, as a
user would.

Found: killed after the stub went in and before the record said so, the run was
"recovered" as extracted but `tidy undo` said "put back" and put nothing back (no complete
backup; `tidy extract --undo` said there was none), and the next extraction "finished it
backwards": it kept the user's edited stub, deleted the data file the stub loads and the
backup holding the original. The module could no longer be imported, its data gone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, write
from tests.extract.helpers import import_fresh, same
from tests.fixes.helpers import backdate
from tidy.extract import stub

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")]

FIX = ("fix", "--yes", "-q", "--unsafe-fixes", "--select", "TDY301", ".")
EDIT = "\n\ndef extra():\n    return 'written after the extraction'\n"


def _repo(root: Path) -> Path:
    make_repo(root)
    write(root / "pkg" / "__init__.py", "")
    rows = ",\n".join(f"    {{'id': {i}, 'q': 'question {i}?'}}" for i in range(3000))
    write(root / "pkg" / "data.py", f"QUESTIONS = [\n{rows}\n]\n")
    commit(root)
    backdate(root)
    return root


def _tidy(root: Path, state: Path, *args: str,
          kill_at: int = 0) -> subprocess.CompletedProcess[str]:
    calls = "rename,renameat,renameat2,linkat"  # the data file and the stub are linked in
    strace = [str(shutil.which("strace")), "-qq", "--seccomp-bpf", "-o", os.devnull,
              "-e", f"trace={calls}", "-e", f"inject={calls}:signal=KILL:when={kill_at}"]
    return subprocess.run([*(strace if kill_at else []), sys.executable, "-m", "tidy", *args],
                          cwd=root, env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300, check=False)


def _has_its_data(root: Path, expected: object) -> None:
    assert same(import_fresh(root, "pkg.data", "QUESTIONS")["QUESTIONS"], expected)


@pytest.mark.parametrize("user_edits", [True, False], ids=["stub edited", "untouched"])
def test_an_extraction_killed_at_each_rename_keeps_the_data_and_later_edits(
        tmp_path: Path, user_edits: bool) -> None:
    expected = import_fresh(_repo(tmp_path / "probe"), "pkg.data", "QUESTIONS")["QUESTIONS"]
    original = (tmp_path / "probe" / "pkg" / "data.py").read_bytes()
    stubbed = 0  # steps killed once the stub was in
    for step in range(1, 20):
        root = _repo(tmp_path / f"step{step}")
        state = tmp_path / f"state{step}"
        killed = _tidy(root, state, *FIX, kill_at=step)
        if killed.returncode == 0:
            break  # past the last rename: every step was met
        assert killed.returncode in (-9, 137), (step, killed.stderr)
        _has_its_data(root, expected)
        module = root / "pkg" / "data.py"
        edited = user_edits and stub.read_manifest(module.read_text()) is not None
        stubbed += stub.read_manifest(module.read_text()) is not None
        if edited:
            module.write_text(module.read_text() + EDIT)
        for args in (("undo", "--yes"), FIX, ("extract", "pkg/data.py")):
            done = _tidy(root, state, *args)
            assert done.returncode in (0, 1), (step, args, done.stdout, done.stderr)
            assert "internal error" not in done.stderr
            _has_its_data(root, expected)
            if edited:
                assert EDIT in module.read_text(), (step, args)
            elif args[0] == "undo":  # put back, or never replaced: the original either way
                assert module.read_bytes() == original, (step, done.stdout + done.stderr)
                assert not (root / "pkg" / "data.json.gz").exists(), step
    else:
        pytest.fail("the fix never ran to its end")
    assert step > 3 and stubbed, "fewer renames than the extraction's own files"
