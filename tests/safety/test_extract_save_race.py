"""An editor's save while tidy writes an extraction (or its undo) is never overwritten.

`tidy extract` (and the TDY301 fix) checks the module is still the bytes it read, then
writes the backup, the data file (50 MB for a big module: seconds) and the build config,
then replaces the module with its stub. Before, a save in that window was overwritten by
the stub (the backup holds the module as it was read, not the save): the edit was gone.
`tidy extract --undo` had the same window between its check and its write. Now the module
is replaced only while it still holds the bytes checked: it is renamed aside, hashed there,
and the new one linked in without replacing anything; a save meanwhile stays, the data file
and build config are put back, and the command says so (exit 1).

Real processes: strace holds tidy at a rename while the file is saved.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import hermetic_env
from tests.safety.helpers import data_module_repo, held_tidy
from tests.safety.test_move_copy_writes import _wait_for

pytestmark = pytest.mark.slow
EDIT = "\n# the user's edit, saved while tidy wrote\n"


def _held(repo: Path, state: Path, when: int, *args: str, syscall: str = "renameat"
          ) -> subprocess.Popen[bytes]:
    return held_tidy("extract", *args, "pkg/data.py", cwd=repo, state=state,
                     syscall=syscall, hold_s=3, when=str(when))


def _save_while_held(proc: subprocess.Popen[bytes], module: Path, ready: object) -> bytes:
    _wait_for(ready, proc, "tidy at the held rename")
    time.sleep(0.5)
    assert proc.poll() is None, "tidy was not held"
    saved = module.read_bytes() + EDIT.encode()
    temp = module.with_name(".data.py.swp")  # an editor: write whole, then rename over
    temp.write_bytes(saved)
    temp.rename(module)
    return saved


def test_a_save_while_the_data_file_is_written_stays(tmp_path: Path) -> None:
    repo = data_module_repo(tmp_path / "repo")
    module = repo / "pkg" / "data.py"
    # linkat: the data file (held there; linked in, never over anything), then the module.
    extract = _held(repo, tmp_path / "st", 1, syscall="linkat")
    saved = _save_while_held(extract, module, lambda: any(
        p.name.endswith(".tmp") for p in (repo / "pkg").iterdir()))
    out, err = extract.communicate(timeout=120)
    assert extract.returncode == 1, (out + err).decode()
    assert b"changed while it was being extracted" in err, err
    assert module.read_bytes() == saved
    assert sorted(p.name for p in (repo / "pkg").iterdir()) == ["__init__.py", "data.py"]


def test_a_save_while_the_undo_checks_stays(tmp_path: Path) -> None:
    repo = data_module_repo(tmp_path / "repo")
    module = repo / "pkg" / "data.py"
    state = tmp_path / "st"
    done = subprocess.run([sys.executable, "-m", "tidy", "extract", "pkg/data.py"], cwd=repo,
                          env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    stub = module.read_bytes()
    undo = _held(repo, state, 1, "--undo")
    saved = _save_while_held(undo, module, lambda: any(
        p.name.endswith(".tmp") for p in (repo / "pkg").iterdir()))
    out, err = undo.communicate(timeout=120)
    assert undo.returncode == 1, (out + err).decode()
    assert module.read_bytes() == saved and saved.startswith(stub)
    assert (repo / "pkg" / "data.json.gz").exists()
    assert not [p.name for p in (repo / "pkg").iterdir() if "tidy" in p.name]


def test_a_kill_while_the_module_stands_aside_is_put_back(tmp_path: Path) -> None:
    repo = data_module_repo(tmp_path / "repo")
    module = repo / "pkg" / "data.py"
    original = module.read_bytes()
    state = tmp_path / "st"
    # linkat: the data file (linked in, never over anything: trust round 16), then the new
    # module (held there, the original standing aside)
    extract = held_tidy("extract", "pkg/data.py", cwd=repo, state=state, syscall="linkat",
                        hold_s=3, when="2", quiet=True)
    _wait_for(lambda: not module.exists(), extract, "the module set aside")
    time.sleep(0.5)
    os.killpg(extract.pid, 9)
    extract.wait(timeout=30)
    assert not module.exists()
    (aside,) = [p for p in (repo / "pkg").iterdir() if ".tidy-aside-" in p.name]
    assert aside.read_bytes() == original
    (record,) = (repo / ".git" / "tidy" / "extract").glob("*/record.json")
    writer = int(json.loads(record.read_text())["pid"])
    deadline = time.monotonic() + 30  # the killed tracee is reaped a moment after strace
    while os.path.exists(f"/proc/{writer}") and time.monotonic() < deadline:
        time.sleep(0.05)

    again = subprocess.run([sys.executable, "-m", "tidy", "extract", "--dry-run",
                            "pkg/data.py"], cwd=repo,
                           env=hermetic_env({"TIDY_STATE_DIR": str(state)}),
                           capture_output=True, check=False)
    assert module.exists(), again.stderr + again.stdout
    assert module.read_bytes() == original, again.stderr
    assert not aside.exists()
    assert not (repo / "pkg" / "data.json.gz").exists()
