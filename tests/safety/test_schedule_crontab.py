"""`tidy schedule install|remove` never drops a crontab line the user wrote.

tidy's cron job lives between "# BEGIN TIDY SCHEDULE" and "# END TIDY SCHEDULE". The old
code deleted everything from the BEGIN line to the END line, or to the end of the crontab
when there was no END line: a user who had deleted the END line in `crontab -e` (or whose
editor put a new job inside the region) lost every job after BEGIN on the next install or
remove, with nothing to get them back from. Now only tidy's own lines go (the markers and
its `python -m tidy watch` job); every other line stays, in its order.

Real `python -m tidy` processes on a crontab file (TIDY_CRONTAB_FILE), with tripwire
`crontab`, `systemctl` and `launchctl` programs first on PATH: no real scheduler is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, make_repo

BEGIN, END = "# BEGIN TIDY SCHEDULE", "# END TIDY SCHEDULE"
MINE_BEFORE = "MAILTO=me@example.invalid\n15 4 * * 1 /usr/local/bin/backup --all\n"
MINE_AFTER = "# rotate the logs\n0 3 * * * /usr/sbin/logrotate ~/.logrotate.conf\n"


def _schedule(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"
    if not bin_dir.is_dir():
        bin_dir.mkdir()
        for name in ("crontab", "systemctl", "launchctl"):
            (bin_dir / name).write_text(f"#!/bin/sh\necho {name} >> {tmp_path}/tripped\nexit 1\n")
            (bin_dir / name).chmod(0o755)
    env = hermetic_env({
        "TIDY_STATE_DIR": str(tmp_path / "state"),
        "TIDY_CRONTAB_FILE": str(tmp_path / "crontab"),
        "TIDY_SYSTEMD_USER_DIR": str(tmp_path / "systemd"),
        "TIDY_LAUNCHD_DIR": str(tmp_path / "LaunchAgents"),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
    })
    done = subprocess.run([sys.executable, "-m", "tidy", "schedule", *args], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert not (tmp_path / "tripped").exists(), "a real scheduler command ran"
    return done


def _installed(tmp_path: Path) -> str:
    root = make_repo(tmp_path / "code" / "app").parent
    done = _schedule(tmp_path, "install", "--scheduler", "cron", "--at", "02:30", str(root))
    assert done.returncode == 0, done.stderr
    return (tmp_path / "crontab").read_text()


def _user_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and "-m tidy watch" not in ln
            and not ln.startswith((BEGIN, END))]


@pytest.mark.slow
@pytest.mark.parametrize("command", [("remove",), ("install", "--scheduler", "cron", "--at",
                                                   "05:00")])
def test_a_region_whose_end_line_was_deleted_keeps_the_jobs_after_it(
        tmp_path: Path, command: tuple[str, ...]) -> None:
    crontab = tmp_path / "crontab"
    crontab.write_text(MINE_BEFORE)
    text = _installed(tmp_path)
    # The user deletes tidy's END line in `crontab -e` and adds jobs below.
    crontab.write_text("".join(ln for ln in text.splitlines(keepends=True)
                               if not ln.startswith(END)) + MINE_AFTER)
    args = [*command, str(tmp_path / "code")] if command[0] == "install" else list(command)
    done = _schedule(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    after = crontab.read_text()
    assert _user_lines(after) == _user_lines(MINE_BEFORE + MINE_AFTER), after
    assert after.count("-m tidy watch") == (1 if command[0] == "install" else 0)


@pytest.mark.slow
def test_a_job_the_user_put_inside_the_region_is_kept(tmp_path: Path) -> None:
    crontab = tmp_path / "crontab"
    crontab.write_text(MINE_BEFORE)
    text = _installed(tmp_path)
    inside = text.replace(END, MINE_AFTER + END)  # an editor put the new job above END
    crontab.write_text(inside)
    done = _schedule(tmp_path, "remove")
    assert done.returncode == 0, done.stderr
    after = crontab.read_text()
    assert _user_lines(after) == _user_lines(MINE_BEFORE + MINE_AFTER), after
    assert BEGIN not in after and END not in after and "-m tidy watch" not in after
