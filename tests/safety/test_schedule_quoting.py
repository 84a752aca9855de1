"""Issue 14, point 9: `tidy schedule install` with a hostile folder name writes exactly one
job that runs exactly `python -m tidy watch --once <folder>`, in every scheduler.

Oracles are independent of tidy's code: a parser for ExecStart= written from systemd.syntax(7)
"Quoting" and systemd.service(5) "Command lines" (specifiers on the raw line, then quotes and
C escapes, then `$$`), `systemd-analyze verify` (no warning), vixie cron's `%` handling then a
real `sh -c` that runs a stand-in `tidy` printing its argv, and plistlib for launchd.
Everything is written into temporary folders (TIDY_*_DIR / TIDY_CRONTAB_FILE redirect every
scheduler; nothing is activated); the real crontab and unit folders are never touched.

On the old code: a newline in a folder name wrote a second crontab line and an
`ExecStartPost=` line into the unit (the CLI tests below), and the property tests find names
whose argv came back different (a `\\` before a `%` in cron, `;` as a lone word in systemd).
"""

from __future__ import annotations

import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import hermetic_env

HOSTILE = " \t'\"%$\\;&|<>(){}[]*?#!~`=,:@^+-éß中\u00a0"
_NAME_BYTES = st.lists(
    st.one_of(st.sampled_from([c.encode() for c in HOSTILE if c != "\t"]),
              st.sampled_from([b"a", b"b", b"%n", b"$HOME", b"${X}", b"\\x41", b"\\n"]),
              st.binary(min_size=1, max_size=1).filter(lambda b: b[0] >= 0x80)),
    min_size=1, max_size=8).map(b"".join).filter(lambda b: b not in (b".", b".."))


def _scheduler_env(tmp: Path) -> dict[str, str]:
    return {"TIDY_SYSTEMD_USER_DIR": str(tmp / "systemd"),
            "TIDY_LAUNCHD_DIR": str(tmp / "LaunchAgents"),
            "TIDY_CRONTAB_FILE": str(tmp / "crontab"),
            "TIDY_STATE_DIR": str(tmp / "state")}


def _cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=tmp, capture_output=True,
                          text=True, errors="surrogateescape", timeout=120, check=False,
                          env=hermetic_env(_scheduler_env(tmp)))


# ------------------------------------------------------------------ control characters
@pytest.mark.parametrize("scheduler", ["systemd", "cron", "launchd"])
@pytest.mark.parametrize("name", ["evil\nExecStartPost=touch pwned",
                                  "evil\n* * * * * touch pwned", "tab\there", "cr\rx",
                                  "bell\x07", "nel\x85x", "ls\u2028x"])
def test_control_characters_in_a_folder_name_are_refused(tmp_path: Path, scheduler: str,
                                                         name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    done = _cli(tmp_path, "schedule", "install", "--scheduler", scheduler, "--at", "02:00",
                str(folder))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "control character" in done.stderr
    for written in ("systemd", "LaunchAgents", "crontab"):
        assert not (tmp_path / written).exists()


# ------------------------------------------------------------------ systemd oracle
_C_ESCAPES = {"a": b"\a", "b": b"\b", "f": b"\f", "n": b"\n", "r": b"\r", "t": b"\t",
              "v": b"\v", "\\": b"\\", '"': b'"', "'": b"'", "s": b" "}


def systemd_exec_start(value: str) -> list[bytes]:
    """ExecStart= as systemd reads it (systemd.syntax(7) Quoting; systemd.service(5))."""
    assert not value.endswith("\\"), "a trailing backslash would continue the line"
    assert not re.search(r"%[^%]", value.replace("%%", "")), "an unexpanded specifier"
    value = value.replace("%%", "\0")  # specifiers first, on the raw line
    words: list[bytes] = []
    i = 0
    while i < len(value):
        if value[i] in " \t":
            i += 1
            continue
        quote = value[i] if value[i] in "\"'" else None
        i += 1 if quote else 0
        word = b""
        while i < len(value) and (value[i] != quote if quote else value[i] not in " \t"):
            if value[i] == "\\":
                nxt = value[i + 1]
                if nxt == "x":
                    word += bytes([int(value[i + 2:i + 4], 16)])
                    i += 4
                    continue
                assert nxt in _C_ESCAPES, f"unknown escape \\{nxt}: systemd warns"
                word += _C_ESCAPES[nxt]
                i += 2
                continue
            word += value[i].encode()
            i += 1
        if quote:
            assert i < len(value), "an unclosed quote"
            i += 1
            assert i == len(value) or value[i] in " \t", "a quote must end the word"
        words.append(word.replace(b"\0", b"%"))
    assert words and b";" not in words, "a lone ; separates commands"
    for index, word in enumerate(words[1:], 1):  # the program path takes no variables
        unescaped = word.replace(b"$$", b"\0")
        assert not re.search(rb"\$[{A-Za-z_]", unescaped), f"a variable in word {index}"
        words[index] = unescaped.replace(b"\0", b"$")
    return words


def _systemd_job(folder: Path) -> list[bytes]:
    text = (folder / "tidy-clean.service").read_text("utf-8")
    execs = [line for line in text.splitlines() if line.startswith("Exec")]
    assert len(execs) == 1 and execs[0].startswith("ExecStart="), execs
    sections = [line for line in text.splitlines() if line.startswith("[")]
    assert sections == ["[Unit]", "[Service]"]
    return systemd_exec_start(execs[0].removeprefix("ExecStart="))


def _analyze(folder: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        return  # scripts/test.sh installs it; the parser above still checks the unit
    runtime = tempfile.mkdtemp(prefix="rt")  # short: the system's socket units are checked too
    try:
        done = subprocess.run([analyze, "verify", "--user", str(folder / "tidy-clean.timer"),
                               str(folder / "tidy-clean.service")], capture_output=True,
                              check=False, env={**os.environ, "XDG_RUNTIME_DIR": runtime})
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    ours = [ln for ln in done.stderr.splitlines() if b"tidy-clean" in ln]
    assert done.returncode == 0 and not ours, done.stderr


# ------------------------------------------------------------------ cron oracle
def vixie_cron_command(command: bytes) -> tuple[bytes, bytes]:
    """(what /bin/sh gets, what goes to its stdin): do_command.c's loop over the command."""
    out = bytearray()
    escaped = False
    for index, char in enumerate(command):
        if escaped:
            escaped = False
            if char == ord("%"):
                out[-1] = char
                continue
            out.append(char)
            continue
        if char == ord("%"):
            return bytes(out), command[index + 1:]
        out.append(char)
        escaped = char == ord("\\")
    return bytes(out), b""


def _cron_argv(crontab: Path, stand_in: Path) -> list[bytes]:
    lines = [ln for ln in crontab.read_bytes().splitlines() if ln.strip()]
    jobs = [ln for ln in lines if not ln.lstrip().startswith(b"#")]
    assert len(jobs) == 1, jobs
    fields = jobs[0].split(None, 5)
    assert len(fields) == 6 and fields[2:5] == [b"*", b"*", b"*"]
    command, stdin = vixie_cron_command(fields[5])
    assert stdin == b"", "a % cut the command short"
    # The command as cron runs it, with a stand-in `tidy` package first on the path that
    # prints its argv instead of scanning; its output redirection is dropped to read it.
    assert command.endswith(b" >/dev/null 2>&1")
    done = subprocess.run([b"/bin/sh", b"-c", command.removesuffix(b" >/dev/null 2>&1")],
                          capture_output=True, check=True, cwd=stand_in,  # not a tidy checkout
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(stand_in)})
    ran = json.loads(done.stdout)
    # The state folder reached the command only through `env` on the line (cron passes no
    # TIDY_STATE_DIR): written back as the words that set it.
    passed = [b"/usr/bin/env", os.fsencode(f"TIDY_STATE_DIR={ran['state']}")] \
        if ran["state"] is not None else []
    return passed + [os.fsencode(a) for a in ran["argv"]]


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stand-in")
    (folder / "tidy").mkdir()
    (folder / "tidy" / "__init__.py").write_text("")
    (folder / "tidy" / "__main__.py").write_text(
        "import json, os, sys\n"
        "print(json.dumps({'argv': [sys.executable, '-m', 'tidy', *sys.argv[1:]],\n"
        "                  'state': os.environ.get('TIDY_STATE_DIR')}))\n")
    return folder


# ------------------------------------------------------------------ the property
def _install(base: Path, name: bytes, scheduler: str) -> tuple[Path, Any]:
    from tidy.watch import schedule

    work = Path(tempfile.mkdtemp(dir=base))
    folder = os.path.join(os.fsencode(work), name)
    os.mkdir(folder)
    where = schedule.locations(str(work / "systemd"), str(work / "LaunchAgents"),
                               str(work / "crontab"))
    try:
        schedule.install([os.fsdecode(folder)], "02:30", scheduler, where, activate=False)
    except schedule.ScheduleError as error:
        return work, error
    return work, os.fsencode(os.path.realpath(folder))


def _refused_as_control(name: bytes, folder: Any) -> bool:
    """A name that decodes to a control or line-separator character (C1 controls such as
    U+0080 included) is refused like a newline: the error says so. True when refused."""
    text = os.fsdecode(name)
    if not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        return False
    assert "control character" in str(folder), folder
    return True


def _expected(folder: bytes) -> list[bytes]:
    """The job: this python's tidy on `folder`, with the tests' own state folder passed
    through env (no scheduler would give the job TIDY_STATE_DIR or XDG_STATE_HOME)."""
    state_dir = os.environ.get("TIDY_STATE_DIR") or os.path.join(
        os.environ["XDG_STATE_HOME"], "tidy")
    return [b"/usr/bin/env", os.fsencode(f"TIDY_STATE_DIR={os.path.abspath(state_dir)}"),
            os.fsencode(sys.executable), b"-m", b"tidy", b"watch", b"--once", folder]


SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@pytest.mark.slow
@SETTINGS
@given(name=_NAME_BYTES)
@example(name=b"\xc2\x80")  # U+0080, a C1 control: refused like a newline
def test_systemd_runs_exactly_the_folder_it_was_given(tmp_path: Path, name: bytes) -> None:
    work, folder = _install(tmp_path, name, "systemd")
    if _refused_as_control(name, folder):
        assert not (work / "systemd").exists()
        return
    assert isinstance(folder, bytes), folder
    assert _systemd_job(work / "systemd") == _expected(folder)
    _analyze(work / "systemd")


@pytest.mark.slow
@SETTINGS
@given(name=_NAME_BYTES)
@example(name=b"\xc2\x80")  # U+0080, a C1 control: refused like a newline
def test_cron_runs_exactly_the_folder_it_was_given(tmp_path: Path, name: bytes,
                                                  stand_in: Path) -> None:
    work, folder = _install(tmp_path, name, "cron")
    if _refused_as_control(name, folder):
        assert not (work / "crontab").exists()
        return
    assert isinstance(folder, bytes), folder
    assert _cron_argv(work / "crontab", stand_in) == _expected(folder)


@SETTINGS
@given(name=_NAME_BYTES)
@example(name=b"\xc2\x80")  # U+0080, a C1 control: refused like a newline
@example(name=b"\x80\xc2\x80")  # not UTF-8 and a C1 control: refused for either
def test_launchd_runs_exactly_the_folder_it_was_given(tmp_path: Path, name: bytes) -> None:
    work, folder = _install(tmp_path, name, "launchd")
    if _refused_as_control(name, folder):
        assert not (work / "LaunchAgents").exists()
        return
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:  # a plist holds Unicode only: refused, nothing written
        assert "not UTF-8" in str(folder) and not (work / "LaunchAgents").exists()
        return
    assert isinstance(folder, bytes), folder
    with (work / "LaunchAgents" / "dev.tidy.clean.plist").open("rb") as f:
        data = plistlib.load(f)
    assert [os.fsencode(a) for a in data["ProgramArguments"]] == _expected(folder)
    assert data["Label"] == "dev.tidy.clean"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["a\\%b", "x;y", ";", "50%", "$HOME", "it's \"q\""])
def test_status_reads_back_what_install_wrote(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    for scheduler in ("systemd", "cron", "launchd"):
        done = _cli(tmp_path, "schedule", "install", "--scheduler", scheduler, "--at", "01:02",
                    str(folder))
        assert done.returncode == 0, done.stderr
        status = _cli(tmp_path, "schedule", "status")
        import shlex

        expected = shlex.join(["/usr/bin/env", f"TIDY_STATE_DIR={tmp_path / 'state'}",
                               sys.executable, "-m", "tidy", "watch", "--once", str(folder)])
        assert status.stdout.splitlines()[0] == f"{scheduler}: daily at 01:02: {expected}"
