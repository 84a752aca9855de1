"""Recovery never ends a run that may still be running where its lock is not seen (trust
round 10).

Every command that lists runs first recovers the killed ones: a journal with no `end` that
nobody holds the lock of. A flock is seen only on the kernel that took it: a state folder
shared between machines (a home folder on NFS, a volume two hosts mount) shows another
machine's running `tidy fix` as killed, and recovery wrote its `recovered` lines and its
`end` into that live run (and took its slots, finished its copies). The `begin` line now
says the machine, the boot and the process's start; a run begun on another machine and
written to within the hour, or by a process of this boot that still runs and holds the
journal open, is left alone.

The runs here are real `tidy fix` processes killed mid-run (tests/fixes/test_kill.py); the
other machine is its `begin` line rewritten, the live holder a real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.fixes.helpers import journal_entries, run_tidy
from tests.fixes.test_kill import killed_run

pytestmark = pytest.mark.slow


def _killed_run(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(root, state, journal) of a `tidy fix` killed mid-run."""
    root, state, run_id, _, _ = killed_run(tmp_path)
    return root, state, state / "runs" / f"{run_id}.jsonl"


def _rewrite_begin(journal: Path, **fields: Any) -> None:
    lines = journal.read_text().splitlines()
    begin = json.loads(lines[0])
    assert begin["op"] == "begin"
    begin.update(fields)
    journal.write_text("\n".join([json.dumps(begin), *lines[1:]]) + "\n")


def _status(root: Path, state: Path) -> str:
    listing = run_tidy("trash", "list", "--format", "json", cwd=root, state=state)
    assert listing.returncode in (0, 1), listing.stderr
    [run] = json.loads(listing.stdout)["runs"]
    return str(run["status"])


def _recovered(state: Path) -> bool:
    return any(e.get("op") in ("recovered", "end") for e in journal_entries(state))


def test_a_run_begun_on_another_machine_is_left_alone_while_it_may_run(
        tmp_path: Path) -> None:
    root, state, journal = _killed_run(tmp_path)
    _rewrite_begin(journal, host="build-box-2", boot="0f0e0d0c-0000-4000-8000-000000000002")
    assert _status(root, state) == "running"
    assert not _recovered(state)  # on main: recovered, its end written
    # Nor undone by its id: undo would race the moves it may still be making.
    undone = run_tidy("undo", "--yes", journal.stem, cwd=root, state=state)
    assert undone.returncode != 0 and "another machine" in undone.stdout + undone.stderr
    assert not _recovered(state) and "undo-begin" not in journal.read_text()
    # Quiet for over an hour: the other machine's run is taken for dead, and recovered.
    hours_ago = time.time() - 2 * 3600
    os.utime(journal, (hours_ago, hours_ago))
    assert _status(root, state) == "interrupted"
    assert _recovered(state)


def test_a_run_whose_process_still_holds_its_journal_is_left_alone(tmp_path: Path) -> None:
    """A process of this boot, the same pid and start as the `begin` says, with the journal
    open (where its lock is not seen): still running."""
    root, state, journal = _killed_run(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; f = open(sys.argv[1]); print(flush=True); "
         "time.sleep(120)", str(journal)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "\n"
        stat = Path(f"/proc/{holder.pid}/stat").read_bytes()
        start = int(stat[stat.rfind(b")") + 1:].split()[19])
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        _rewrite_begin(journal, pid=holder.pid, pid_start=start, boot=boot)
        assert _status(root, state) == "running"
        assert not _recovered(state)
    finally:
        holder.kill()
        holder.wait()
    # Gone: a killed run, recovered.
    assert _status(root, state) == "interrupted"
    assert _recovered(state)


def test_a_pid_given_to_another_process_since_does_not_hold_the_run(tmp_path: Path) -> None:
    """The begin's pid alive but started at another time (a reused pid): the lock decides."""
    root, state, journal = _killed_run(tmp_path)
    boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    _rewrite_begin(journal, pid=os.getpid(), pid_start=1, boot=boot)
    assert _status(root, state) == "interrupted"
    assert _recovered(state)


def test_a_journal_of_another_user_is_set_aside_not_recovered(tmp_path: Path) -> None:
    """A killed run's journal owned by another user (left from when the folder was shared,
    or copied in with its owner kept): that user's word, which they may still write. On
    main it was recovered as the user's own run."""
    if os.geteuid() != 0:
        pytest.skip("needs root, to give a file to another user")
    root, state, journal = _killed_run(tmp_path)
    os.chown(journal, 65534, 65534)
    listing = run_tidy("trash", "list", "--format", "json", cwd=root, state=state)
    assert "owned by uid 65534" in listing.stderr, listing.stdout + listing.stderr
    aside = journal.with_name(journal.name + ".damaged")
    assert not journal.exists() and aside.exists()
    assert not any(json.loads(line).get("op") in ("recovered", "end")
                   for line in aside.read_text().splitlines())
