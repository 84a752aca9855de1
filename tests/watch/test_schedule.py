"""`tidy schedule install|status|remove`, into temporary folders only.

Every test redirects all three schedulers (TIDY_SYSTEMD_USER_DIR, TIDY_LAUNCHD_DIR,
TIDY_CRONTAB_FILE) and puts tripwire `systemctl`, `launchctl` and `crontab` programs first on
PATH: if tidy ever ran one, the tripwire file would appear. The real user's scheduler is never
touched.
"""

from __future__ import annotations

import configparser
import json
import os
import plistlib
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import hermetic_env, make_repo

TRIPWIRES = ("systemctl", "launchctl", "crontab")


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[dict[str, Any]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tripped = tmp_path / "tripped"
    for name in TRIPWIRES:
        script = bin_dir / name
        script.write_text(f"#!/bin/sh\necho {name} \"$@\" >> {tripped}\nexit 1\n")
        script.chmod(0o755)
    env = hermetic_env({
        "TIDY_STATE_DIR": str(tmp_path / "state"),
        "TIDY_SYSTEMD_USER_DIR": str(tmp_path / "systemd"),
        "TIDY_LAUNCHD_DIR": str(tmp_path / "LaunchAgents"),
        "TIDY_CRONTAB_FILE": str(tmp_path / "crontab"),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
    })
    yield {"env": env, "tmp": tmp_path, "tripped": tripped}
    assert not tripped.exists(), f"a real scheduler command ran: {tripped.read_text()}"


def tidy(sandbox: dict[str, Any], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidy", *args], capture_output=True, text=True,
                          env=sandbox["env"], cwd=sandbox["tmp"], timeout=120, check=False)


def _job(sandbox: dict[str, Any], root: Path) -> list[str]:
    """What the scheduled job runs: this python's tidy, with the state folder of the tests
    (TIDY_STATE_DIR, which no scheduler would give it) passed through env."""
    return ["/usr/bin/env", f"TIDY_STATE_DIR={sandbox['tmp'] / 'state'}",
            sys.executable, "-m", "tidy", "watch", "--once", str(root)]


def _root(sandbox: dict[str, Any], name: str = "code") -> Path:
    root = sandbox["tmp"] / name
    make_repo(root / "app")
    return root


# -- systemd ---------------------------------------------------------------------------------
def _units(sandbox: dict[str, Any]) -> tuple[Path, Path]:
    folder = sandbox["tmp"] / "systemd"
    return folder / "tidy-clean.service", folder / "tidy-clean.timer"


def _ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text())
    return parser


def _exec_start_argv(value: str) -> list[str]:
    """systemd's ExecStart word splitting for what tidy writes: quotes, \\, %% and $$."""
    return [w.replace("%%", "%").replace("$$", "$") for w in shlex.split(value)]


@pytest.mark.slow
def test_systemd_units_are_valid_and_run_tidy_at_the_given_time(sandbox: dict[str, Any]) -> None:
    root = _root(sandbox, "my code %d $HOME")  # a space, a specifier and a variable
    done = tidy(sandbox, "schedule", "install", "--scheduler", "systemd", "--at", "03:07",
                str(root))
    assert done.returncode == 0, done.stderr
    service, timer = _units(sandbox)
    assert f"installed (systemd): {service}, {timer}" in done.stdout
    assert "not activated" in done.stdout

    unit = _ini(service)
    assert unit["Service"]["Type"] == "oneshot"
    assert _exec_start_argv(unit["Service"]["ExecStart"]) == _job(sandbox, root)
    calendar = _ini(timer)
    assert calendar["Timer"]["OnCalendar"] == "*-*-* 03:07:00"
    assert calendar["Timer"]["Persistent"] == "true"
    assert calendar["Timer"]["Unit"] == "tidy-clean.service"
    assert calendar["Install"]["WantedBy"] == "timers.target"

    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed: checked with the INI parser only")
    runtime = sandbox["tmp"] / "runtime"
    runtime.mkdir(mode=0o700)
    verify = subprocess.run([analyze, "verify", "--user", str(timer), str(service)],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})
    assert verify.returncode == 0, verify.stderr
    assert "Unknown key" not in verify.stderr and "ignoring" not in verify.stderr, verify.stderr
    normalized = subprocess.run([analyze, "calendar", calendar["Timer"]["OnCalendar"]],
                                capture_output=True, text=True, check=True).stdout
    assert "Normalized form: *-*-* 03:07:00" in normalized


# -- launchd ---------------------------------------------------------------------------------
def test_launchd_plist_parses_and_escapes(sandbox: dict[str, Any]) -> None:
    root = _root(sandbox, "a&b <c>")
    done = tidy(sandbox, "schedule", "install", "--scheduler", "launchd", "--at", "23:59",
                str(root))
    assert done.returncode == 0, done.stderr
    plist = sandbox["tmp"] / "LaunchAgents" / "dev.tidy.clean.plist"
    with plist.open("rb") as f:
        data = plistlib.load(f)
    assert data["Label"] == "dev.tidy.clean"
    assert data["ProgramArguments"] == _job(sandbox, root)
    assert data["StartCalendarInterval"] == {"Hour": 23, "Minute": 59}
    assert data["StandardOutPath"] == str(sandbox["tmp"] / "state" / "schedule.log")
    if shutil.which("plutil"):
        subprocess.run(["plutil", "-lint", str(plist)], check=True)


# -- cron ------------------------------------------------------------------------------------
def _parse_cron_line(line: str) -> tuple[list[str], str]:
    """Five time fields and the command; each field checked against cron's ranges."""
    fields = line.split(None, 5)
    assert len(fields) == 6, f"not 5 fields + command: {line!r}"
    ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
    for value, (low, high) in zip(fields[:5], ranges, strict=True):
        if value == "*":
            continue
        assert re.fullmatch(r"\d+", value), value
        assert low <= int(value) <= high, f"{value} outside {low}-{high}"
    return fields[:5], fields[5]


@pytest.mark.slow
def test_crontab_region_is_added_replaced_and_removed_leaving_the_rest(
        sandbox: dict[str, Any]) -> None:
    crontab = sandbox["tmp"] / "crontab"
    mine = "MAILTO=me@example.invalid\n# my backup\n15 4 * * 1 /usr/local/bin/backup --all\n"
    crontab.write_text(mine)
    root = _root(sandbox, "50% done")
    assert tidy(sandbox, "schedule", "install", "--scheduler", "cron", "--at", "02:30",
                str(root)).returncode == 0
    assert tidy(sandbox, "schedule", "install", "--scheduler", "cron", "--at", "01:05",
                str(root)).returncode == 0
    text = crontab.read_text()
    assert text.startswith(mine)
    assert text.count("# BEGIN TIDY SCHEDULE") == 1 and text.count("# END TIDY SCHEDULE") == 1
    region = text[len(mine):].splitlines()
    times, command = _parse_cron_line(region[1])
    assert times == ["5", "1", "*", "*", "*"]
    assert "\\%" in command, "% is special in crontab commands"
    argv = shlex.split(command.replace("\\%", "%"))
    assert argv[:8] == _job(sandbox, root)

    # The line runs as cron would run it (sh -c): a real pass over the root, logged.
    assert subprocess.run(["sh", "-c", command.replace("\\%", "%")], env=sandbox["env"],
                          check=False).returncode == 0
    log = (sandbox["tmp"] / "state" / "watch.log").read_text().splitlines()
    passes = [json.loads(line) for line in log if '"event":"pass"' in line]
    assert passes[-1]["reason"] == "once" and passes[-1]["targets"] == [str(root)]

    status = tidy(sandbox, "schedule", "status")
    expected = shlex.join(_job(sandbox, root))
    assert status.stdout.splitlines()[0] == f"cron: daily at 01:05: {expected}"
    removed = tidy(sandbox, "schedule", "remove")
    assert removed.stdout.strip() == f"removed (cron): {crontab}"
    assert crontab.read_text() == mine


# -- one schedule at a time, status / remove round trip ---------------------------------------
@pytest.mark.slow
def test_status_and_remove_round_trip_and_one_scheduler_at_a_time(
        sandbox: dict[str, Any]) -> None:
    root = _root(sandbox)
    assert tidy(sandbox, "schedule", "status").stdout.startswith("not scheduled")
    assert tidy(sandbox, "schedule", "install", "--scheduler", "systemd", "--at", "02:00",
                str(root)).returncode == 0
    status = tidy(sandbox, "schedule", "status").stdout
    assert status.startswith("systemd: daily at 02:00: ")
    assert str(root) in status

    moved = tidy(sandbox, "schedule", "install", "--scheduler", "launchd", "--at", "04:00",
                 str(root))
    assert "removed the earlier systemd schedule" in moved.stdout
    assert not any(p.exists() for p in _units(sandbox))
    assert tidy(sandbox, "schedule", "status").stdout.startswith("launchd: daily at 04:00: ")

    removed = tidy(sandbox, "schedule", "remove")
    assert removed.stdout.startswith("removed (launchd): ")
    assert tidy(sandbox, "schedule", "status").stdout.startswith("not scheduled")
    assert tidy(sandbox, "schedule", "remove").stdout.strip() == "nothing to remove"


def test_default_time_is_two_oclock_at_some_minute_and_auto_picks_a_redirected_one(
        sandbox: dict[str, Any]) -> None:
    root = _root(sandbox)
    done = tidy(sandbox, "schedule", "install", str(root))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("installed (systemd): ")
    on_calendar = _ini(_units(sandbox)[1])["Timer"]["OnCalendar"]
    match = re.fullmatch(r"\*-\*-\* 02:(\d\d):00", on_calendar)
    assert match and 0 <= int(match[1]) <= 59


@pytest.mark.parametrize(("args", "message"), [
    (("--at", "24:00"), "--at '24:00': expected HH:MM"),
    (("--at", "2pm"), "--at '2pm': expected HH:MM"),
    (("/",), "filesystem root"),
    (("/no/such/folder",), "not a folder"),
])
def test_bad_input_is_one_line_and_exit_2(sandbox: dict[str, Any], args: tuple[str, ...],
                                         message: str) -> None:
    done = tidy(sandbox, "schedule", "install", "--scheduler", "cron", *args)
    assert done.returncode == 2
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert not (sandbox["tmp"] / "crontab").exists()


def test_options_redirect_too_and_templates_come_from_hooks(sandbox: dict[str, Any]) -> None:
    other = sandbox["tmp"] / "elsewhere"
    done = tidy(sandbox, "schedule", "install", "--scheduler", "systemd", "--systemd-dir",
                str(other), "--at", "05:05", str(_root(sandbox)))
    assert done.returncode == 0, done.stderr
    written = (other / "tidy-clean.timer").read_text()
    hooks = Path(__file__).resolve().parents[2] / "hooks"
    template = (hooks / "systemd" / "tidy-clean.timer").read_text()
    assert written == template.replace("@HOUR@", "05").replace("@MINUTE@", "05")


def test_a_scheduler_that_is_not_installed_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # A fresh Debian account without cron: `--scheduler cron` was an internal error (exit 3,
    # "FileNotFoundError: ... 'crontab'"). PATH holds no crontab or systemctl at all, and no
    # scheduler is redirected, so nothing real can be reached.
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    root = tmp_path / "code"
    root.mkdir()
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path),
                        "PATH": str(empty_bin)})
    for name in ("TIDY_SYSTEMD_USER_DIR", "TIDY_LAUNCHD_DIR", "TIDY_CRONTAB_FILE"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "tidy", "schedule", "install", "--scheduler",
                           "cron", str(root)], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert "--scheduler cron: no `crontab` command" in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "internal error" not in done.stderr


@pytest.mark.parametrize("content", [
    b"not a plist",
    b'<?xml version="1.0"?><plist version="1.0"><array/></plist>',
    b'<?xml version="1.0"?><plist version="1.0"><dict><key>StartCalendarInterval</key><dict>'
    b"<key>Hour</key><string>x</string></dict><key>ProgramArguments</key><string>x</string>"
    b"</dict></plist>",
])
def test_status_and_remove_read_an_edited_launchd_agent(sandbox: dict[str, Any],
                                                        content: bytes) -> None:
    """An agent file edited by hand or damaged ended `schedule status` in an internal error
    (exit 3). It is shown with what can no longer be read as "?". Without the line tidy's
    agent carries it may be the user's own: remove leaves it and says so (trust round 17);
    with that line, remove deletes it."""
    agents = sandbox["tmp"] / "LaunchAgents"
    agents.mkdir()
    (agents / "dev.tidy.clean.plist").write_bytes(content)
    status = tidy(sandbox, "schedule", "status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.startswith("launchd: daily at ?: ")
    removed = tidy(sandbox, "schedule", "remove")
    assert removed.returncode == 0 and (agents / "dev.tidy.clean.plist").read_bytes() == content
    assert "not tidy's" in removed.stdout, removed.stdout
    (agents / "dev.tidy.clean.plist").write_bytes(
        content + b"<!-- Created by `tidy schedule install` -->")
    removed = tidy(sandbox, "schedule", "remove")
    assert removed.returncode == 0 and not (agents / "dev.tidy.clean.plist").exists()
