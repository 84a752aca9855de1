"""`tidy schedule` through the `crontab` command itself (not TIDY_CRONTAB_FILE), as on a
machine without a systemd user manager.

A fake HOME, and fake `crontab` / `systemctl` / `launchctl` programs first on PATH that keep
the crontab in a file of the test and record every call: no real scheduler is touched.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, make_repo
from tests.watch.helpers import compile_to_cache, set_age
from tidy.watch.schedule import cron_unescape

USER = ("MAILTO=me@example.invalid\n# my jobs\n15 4 * * 1 /usr/local/bin/backup --all\n"
        '0 * * * * echo "# BEGIN TIDY SCHEDULE is only words here"\n@reboot /bin/true\n')

CRONTAB = """#!/bin/sh
echo "crontab $*" >> "{calls}"
if [ "$1" = "-l" ]; then
  if [ -n "$FAIL_LIST" ]; then echo "$FAIL_LIST" >&2; exit 1; fi
  if [ -f "{store}" ]; then cat "{store}"; exit 0; fi
  echo "no crontab for $(id -un)" >&2; exit 1
fi
cp "$1" "{store}"
"""


def _tidy(tmp_path: Path, *args: str, fail_list: str = "",
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    bin_dir, home = tmp_path / "bin", tmp_path / "home"
    if not bin_dir.is_dir():
        bin_dir.mkdir()
        home.mkdir()
        (bin_dir / "crontab").write_text(CRONTAB.format(calls=tmp_path / "calls",
                                                        store=tmp_path / "store"))
        for name in ("systemctl", "launchctl"):  # no systemd user manager, no launchd
            (bin_dir / name).write_text(f'#!/bin/sh\necho "{name} $*" >> "{tmp_path}/calls"\n'
                                        "exit 1\n")
        for program in bin_dir.iterdir():
            program.chmod(0o755)
    full = hermetic_env({"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                         "TIDY_STATE_DIR": str(tmp_path / "state"), "FAIL_LIST": fail_list,
                         "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **(env or {})})
    for name in ("TIDY_CRONTAB_FILE", "TIDY_SYSTEMD_USER_DIR", "TIDY_LAUNCHD_DIR"):
        full.pop(name, None)
    full = {k: v for k, v in full.items() if v}  # "" means: not set
    return subprocess.run([sys.executable, "-m", "tidy", *args], env=full, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)


def _calls(tmp_path: Path) -> list[str]:
    path = tmp_path / "calls"
    return path.read_text().splitlines() if path.exists() else []


@pytest.mark.parametrize("message", [
    "crontab: cannot open your crontab: Resource temporarily unavailable",
    "You (me) are not allowed to use this program (crontab)",
])
def test_a_crontab_that_cannot_be_listed_is_never_overwritten(tmp_path: Path,
                                                              message: str) -> None:
    """`crontab -l` failing for another reason than "no crontab" was read as an empty
    crontab, and install replaced every job of the user's with tidy's alone."""
    (tmp_path / "store").write_text(USER)
    root = make_repo(tmp_path / "code" / "app").parent
    done = _tidy(tmp_path, "schedule", "install", "--scheduler", "cron", str(root),
                 fail_list=message)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "crontab -l failed" in done.stderr
    assert message in done.stderr and "left as it is" in done.stderr
    assert (tmp_path / "store").read_text() == USER
    assert [c for c in _calls(tmp_path) if c.startswith("crontab ") and c != "crontab -l"] == []
    status = _tidy(tmp_path, "schedule", "status", fail_list=message)
    assert status.returncode == 2 and "crontab -l failed" in status.stderr


@pytest.mark.parametrize("user", [USER, USER.rstrip("\n"), "# only a comment, no newline"])
def test_install_reinstall_remove_through_the_crontab_command_keep_the_users_bytes(
        tmp_path: Path, user: str) -> None:
    """A crontab whose last line had no newline came back from install + remove with one
    added: a newline is needed before tidy's lines, and now remove takes it away again."""
    (tmp_path / "store").write_text(user)
    root = make_repo(tmp_path / "code" / "my app's \"x\" 100% $HOME" / "app").parent
    for at in ("02:30", "04:45"):
        done = _tidy(tmp_path, "schedule", "install", "--at", at, str(root))
        assert done.returncode == 0, done.stderr
        assert "installed (cron)" in done.stdout
    text = (tmp_path / "store").read_text()
    assert text.startswith(user.rstrip("\n") + "\n# BEGIN TIDY SCHEDULE")
    assert text.count("-m tidy watch") == 1 and "45 4 * * *" in text
    status = _tidy(tmp_path, "schedule", "status")
    assert status.returncode == 0, status.stderr
    assert "cron: daily at 04:45:" in status.stdout and shlex.quote(str(root)) in status.stdout
    removed = _tidy(tmp_path, "schedule", "remove")
    assert removed.returncode == 0, removed.stderr
    assert (tmp_path / "store").read_bytes() == user.encode()


def test_no_crontab_yet_is_an_empty_one(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "code" / "app").parent
    done = _tidy(tmp_path, "schedule", "install", "--at", "01:05", str(root))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "store").read_text().count("-m tidy watch") == 1


@pytest.mark.parametrize(("schedule", "shown"), [("*/30 3 * * *", "at '*/30 3 * * *'"),
                                                 ("@daily", "at '@daily'")])
def test_status_reads_a_crontab_the_user_edited(tmp_path: Path, schedule: str,
                                                shown: str) -> None:
    """status ended in an internal error (exit 3) on a user line holding the marker's words,
    and on tidy's line with its time edited in `crontab -e`."""
    (tmp_path / "store").write_text(USER)
    assert _tidy(tmp_path, "schedule", "status").stdout.startswith("not scheduled")
    root = make_repo(tmp_path / "code" / "app").parent
    assert _tidy(tmp_path, "schedule", "install", "--at", "02:30", str(root)).returncode == 0
    store = tmp_path / "store"
    store.write_text(store.read_text().replace("30 2 * * * ", f"{schedule} "))
    status = _tidy(tmp_path, "schedule", "status")
    assert status.returncode == 0, status.stderr
    assert f"cron: {shown}: " in status.stdout and str(root) in status.stdout
    assert _tidy(tmp_path, "schedule", "remove").returncode == 0
    assert store.read_text() == USER


def test_the_nightly_run_keeps_its_journals_where_the_users_tidy_reads_them(
        tmp_path: Path) -> None:
    """XDG_STATE_HOME (or TIDY_STATE_DIR) set in a shell profile is not in cron's environment:
    the nightly run kept its journals and log under ~/.local/state/tidy, where the user's
    `tidy undo`, `tidy log` and `tidy trash purge` never look (its moves could not be undone
    from the shell, its trash never purged). The job now carries the state folder."""
    user = {"TIDY_STATE_DIR": "", "XDG_STATE_HOME": str(tmp_path / "xdg-state")}
    root = tmp_path / "code"
    repo = make_repo(root / "app")
    source = repo / "gone.py"
    source.write_text("")
    stale = compile_to_cache(source)
    source.unlink()
    set_age(repo, 3600)
    done = _tidy(tmp_path, "schedule", "install", "--at", "02:30", str(root), env=user)
    assert done.returncode == 0, done.stderr
    line = next(ln for ln in (tmp_path / "store").read_text().splitlines()
                if "-m tidy watch" in ln)
    command = cron_unescape(line.split(None, 5)[5])

    # As cron runs it: /bin/sh, HOME and a bare PATH, nothing from the user's profile.
    home = tmp_path / "home"
    cron_env = {"HOME": str(home), "LOGNAME": "me", "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin"}
    ran = subprocess.run(["/bin/sh", "-c", command], env=cron_env, cwd=home, timeout=120,
                         check=False)
    assert ran.returncode == 0
    assert not stale.exists(), "the nightly pass ran"
    assert not (home / ".local" / "state" / "tidy").exists()

    undo = _tidy(tmp_path, "undo", "--last-anywhere", "--yes", env=user)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert stale.exists(), "the user's own tidy undid the nightly run"
