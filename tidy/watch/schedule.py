"""`tidy schedule install|status|remove`: a nightly `tidy watch --once ROOT...` for this user.

Modelled on `git maintenance start` (git/git builtin/gc.c):

    Linux     a systemd user timer + service: $XDG_CONFIG_HOME/systemd/user/tidy-clean.{timer,
              service}, enabled with `systemctl --user enable --now tidy-clean.timer`
              (Persistent=true: a run missed while the machine was off happens at boot; user
              units run while the user's manager does: `loginctl enable-linger` for always)
    macOS     a launchd agent: ~/Library/LaunchAgents/dev.tidy.clean.plist, `launchctl
              bootstrap gui/<uid>` (a run missed while asleep happens on wake)
    fallback  a crontab region between "# BEGIN TIDY SCHEDULE" and "# END TIDY SCHEDULE"

The files come from the templates in hooks/ (systemd/, launchd/, cron/). Every entry runs the
absolute path of this Python with `-m tidy`, so it works without the shell's PATH. Installing
removes tidy's entry from the other schedulers first, so there is only ever one.

Every location can be redirected, and then nothing outside it is touched (no systemctl, no
launchctl, no crontab command) — how the tests run:

    TIDY_SYSTEMD_USER_DIR   folder for the unit files
    TIDY_LAUNCHD_DIR        folder for the plist
    TIDY_CRONTAB_FILE       a file standing in for the user's crontab
    TIDY_HOOKS_DIR          where the templates are (default: tidy/templates/, linked as hooks/)
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import random
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from tidy.core import state
from tidy.core.atomic import atomic_write
from tidy.core.printable import printable

LABEL = "dev.tidy.clean"
SERVICE, TIMER, PLIST = "tidy-clean.service", "tidy-clean.timer", f"{LABEL}.plist"
CRON_BEGIN, CRON_END = "# BEGIN TIDY SCHEDULE", "# END TIDY SCHEDULE"
SCHEDULERS = ("systemd", "launchd", "cron")
ENV = {"systemd": "TIDY_SYSTEMD_USER_DIR", "launchd": "TIDY_LAUNCHD_DIR",
       "cron": "TIDY_CRONTAB_FILE"}


class ScheduleError(ValueError):
    """A usage or environment problem: exit 2 with this one line."""


# -- where things go -------------------------------------------------------------------------
@dataclass(frozen=True)
class Locations:
    systemd_dir: str
    launchd_dir: str
    crontab_file: str | None  # None: the real crontab command
    overridden: frozenset[str] = frozenset()  # schedulers redirected by env / options

    @property
    def sandboxed(self) -> bool:
        """Any location redirected: only redirected schedulers are considered, none activated."""
        return bool(self.overridden)


def locations(systemd_dir: str | None = None, launchd_dir: str | None = None,
              crontab_file: str | None = None) -> Locations:
    given = {"systemd": systemd_dir or os.environ.get(ENV["systemd"]),
             "launchd": launchd_dir or os.environ.get(ENV["launchd"]),
             "cron": crontab_file or os.environ.get(ENV["cron"])}
    xdg = os.environ.get("XDG_CONFIG_HOME", "")

    def config_home() -> str:
        # never relative (state.home_dir): the units would land below the current folder
        return xdg if os.path.isabs(xdg) else os.path.join(state.home_dir(), ".config")

    return Locations(
        systemd_dir=given["systemd"] or os.path.join(config_home(), "systemd", "user"),
        launchd_dir=given["launchd"] or os.path.join(state.home_dir(), "Library",
                                                     "LaunchAgents"),
        crontab_file=given["cron"],
        overridden=frozenset(k for k, v in given.items() if v),
    )


def hooks_dir() -> str:
    """The scheduler templates: shipped inside the package (hooks/ links to them), so a plain
    wheel install has them too."""
    override = os.environ.get("TIDY_HOOKS_DIR")
    if override:
        return override
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # tidy/, not watch/
    return os.path.join(package, "templates")


def _template(*parts: str) -> str:
    path = os.path.join(hooks_dir(), *parts)
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as error:
        raise ScheduleError(f"template {path} is missing ({error.strerror}); set TIDY_HOOKS_DIR "
                            "to the hooks/ folder of tidy's source") from None


# -- what runs -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Job:
    roots: tuple[str, ...]
    hour: int
    minute: int
    python: str = field(default_factory=lambda: sys.executable)
    state_dir: str = ""  # passed as TIDY_STATE_DIR when the scheduler would not find it

    @property
    def argv(self) -> list[str]:
        command = [self.python, "-m", "tidy", "watch", "--once", *self.roots]
        if not self.state_dir:
            return command
        return [ENV_PROGRAM, f"{state.ENV_OVERRIDE}={self.state_dir}", *command]


ENV_PROGRAM = "/usr/bin/env"  # sets a variable for one command, on Linux and macOS alike


def state_dir_to_pass() -> str:
    """The state folder when a scheduler would not find it by itself, else "".

    cron gives its jobs HOME and little else, a systemd user manager or launchd the session's
    environment at best: a TIDY_STATE_DIR or XDG_STATE_HOME from a shell profile is not
    there. The nightly run then kept its journals in another folder than the user's `tidy
    undo`, `tidy log` and `tidy trash purge` read: its moves could not be undone or purged
    from the shell, and its trash grew for good."""
    here = state.state_dir()
    if sys.platform == "darwin":
        default = os.path.join(state.home_dir(), "Library", "Application Support", "tidy")
    else:
        default = os.path.join(state.home_dir(), ".local", "state", "tidy")
    return "" if here == default else here


def parse_at(text: str | None, rng: random.Random | None = None) -> tuple[int, int]:
    """'HH:MM' -> (hour, minute); None: 02:MM with a random minute (spreads load, like git)."""
    if text is None:
        return 2, (rng or random.Random()).randrange(60)
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ScheduleError(f"--at {text!r}: expected HH:MM between 00:00 and 23:59")
    return int(match[1]), int(match[2])


def check_argv(argv: Sequence[str]) -> None:
    """Refuse what no scheduler file can carry safely: control characters (a newline would
    end the cron line or the unit's ExecStart= and start another), line separators."""
    for arg in argv:
        bad = next((c for c in arg if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
        if bad is not None:
            raise ScheduleError(f"{arg!r}: a control character ({bad!r}) in a path; a "
                                "scheduled command cannot carry it safely (rename the folder)")


# systemd.syntax(7), "Quoting": C-style escapes inside a quoted word; `%` starts a specifier
# (systemd.unit(5)) and `$` a variable (systemd.service(5), "Command lines"), doubled to be
# literal. Every word is double-quoted, so `;` (which separates commands) is just a letter.
_SYSTEMD_ESCAPES = {"\\": "\\\\", '"': '\\"', "%": "%%", "$": "$$"}


def _systemd_quote(arg: str) -> str:
    """One ExecStart= word: always quoted; bytes that are not UTF-8 as \\xNN."""
    out = []
    for char in arg:
        if "\udc80" <= char <= "\udcff":  # os.fsdecode's stand-in for a byte >= 0x80
            out.append(f"\\x{ord(char) - 0xdc00:02x}")
        else:
            out.append(_SYSTEMD_ESCAPES.get(char, char))
    return '"' + "".join(out) + '"'


_C_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
              "\\": "\\", '"': '"', "'": "'", "s": " "}


def exec_start_words(value: str, program: bool = True) -> list[str]:
    """An ExecStart= value split back into argv, as systemd does for what tidy writes:
    quoted or bare words, C escapes (\\xNN giving back a raw byte), `%%` and `$$` (not in
    the program's own path, where `$` is literal)."""
    words: list[str] = []
    i = 0
    while i < len(value):
        if value[i].isspace():
            i += 1
            continue
        quote = value[i] if value[i] in "\"'" else ""
        i += 1 if quote else 0
        raw = bytearray()
        while i < len(value) and (value[i] != quote if quote else not value[i].isspace()):
            char = value[i]
            if char == "\\" and i + 1 < len(value):
                i, piece = _c_escape(value, i + 1)
                raw += piece
                continue
            raw += os.fsencode(char)
            i += 1
        i += 1 if quote else 0
        word = os.fsdecode(bytes(raw)).replace("%%", "%")
        words.append(word if program and not words else word.replace("$$", "$"))
    return words


def _c_escape(value: str, i: int) -> tuple[int, bytes]:
    char = value[i]
    if char == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", value[i + 1:i + 3]):
        return i + 3, bytes([int(value[i + 1:i + 3], 16)])
    if char in _C_ESCAPES:
        return i + 1, _C_ESCAPES[char].encode()
    return i + 1, os.fsencode("\\" + char)  # unknown escape: systemd warns and keeps it


def _systemd_executable(path: str) -> str:
    """The program word of ExecStart=: systemd expands specifiers in it but no variables
    (`$` is literal there), and refuses quotes and backslashes in it outright."""
    special = next((c for c in path if c in "\\\"'"), None)
    if special is not None:
        raise ScheduleError(f"{path!r}: systemd runs no program whose path holds {special!r}; "
                            "use --scheduler cron, or a Python installed elsewhere")
    return _systemd_quote(path).replace("$$", "$")


def render_service(job: Job) -> str:
    line = " ".join([_systemd_executable(job.argv[0]), *map(_systemd_quote, job.argv[1:])])
    text = _template("systemd", SERVICE).replace("@EXEC@", line)
    execs = [ln for ln in text.splitlines() if ln.startswith("Exec")]
    if len(execs) != 1 or exec_start_words(execs[0].split("=", 1)[1],
                                           program=True) != job.argv:
        raise ScheduleError("cannot write a systemd unit that runs exactly "
                            f"{shlex.join(job.argv)}")
    return text


def render_timer(job: Job) -> str:
    return (_template("systemd", TIMER).replace("@HOUR@", f"{job.hour:02d}")
            .replace("@MINUTE@", f"{job.minute:02d}"))


def _plist_string(value: str) -> str:
    """`value` as plistlib writes a <string> (XML-escaped); a plist holds only Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ScheduleError(f"{value!r}: not UTF-8; a launchd plist cannot name it") from None
    document = plistlib.dumps(value, fmt=plistlib.FMT_XML).decode("utf-8")
    return document[document.index("<string>"):document.index("</string>") + len("</string>")]


def render_plist(job: Job, log_file: str) -> str:
    args = "\n".join(f"\t\t{_plist_string(a)}" for a in job.argv)
    log = _plist_string(log_file).removeprefix("<string>").removesuffix("</string>")
    values = {"ARGS": args, "HOUR": str(job.hour), "MINUTE": str(job.minute), "LOG": log}
    # One pass: a folder named "@HOUR@" stays a name, never becomes a placeholder.
    text = re.sub(r"@(ARGS|HOUR|MINUTE|LOG)@", lambda m: values[m[1]],
                  _template("launchd", PLIST))
    try:
        parsed = plistlib.loads(text.encode("utf-8"))
    except Exception:  # any parse failure means the plist is broken
        parsed = {}
    if parsed.get("ProgramArguments") != job.argv or parsed.get("StandardOutPath") != log_file:
        raise ScheduleError(f"cannot write a launchd plist that runs exactly "
                            f"{shlex.join(job.argv)}")
    return text


def _cron_word(arg: str) -> str:
    """A shell word for a crontab command line. cron turns an unescaped `%` into a newline
    (and `\\%` into `%`, dropping the backslash, crontab(5)); a `\\` right before that would
    escape the backslash instead, so every `%` stands alone in double quotes, `"\\%"`, never
    after a backslash, and the rest is shlex.quote'd."""
    if not arg:
        return "''"
    return '"\\%"'.join(shlex.quote(piece) if piece else "" for piece in arg.split("%"))


def cron_unescape(command: str) -> str:
    """What cron hands to /bin/sh: vixie cron's loop in do_command.c (`\\%` -> `%`; an
    unescaped `%` ends the command, the rest would be its standard input)."""
    out: list[str] = []
    escaped = False
    for char in command:
        if escaped:
            escaped = False
            if char == "%":
                out[-1] = "%"
                continue
            out.append(char)
            continue
        if char == "%":
            break
        out.append(char)
        escaped = char == "\\"
    return "".join(out)


def render_cron(job: Job) -> str:
    command = " ".join(_cron_word(a) for a in job.argv)
    command += " >/dev/null 2>&1"  # the watch log has it all; cron would mail it otherwise
    text = (_template("cron", "tidy-clean.cron").replace("@MINUTE@", str(job.minute))
            .replace("@HOUR@", str(job.hour)).replace("@COMMAND@", command))
    jobs = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if len(jobs) != 1 or _cron_argv(jobs[0]) != [*job.argv, ">/dev/null", "2>&1"]:
        raise ScheduleError(f"cannot write a crontab line that runs exactly "
                            f"{shlex.join(job.argv)}")
    return text


def _cron_fields(line: str) -> tuple[str, str]:
    """A crontab job line as (its schedule, its command); ("", "") when it is none."""
    if line.startswith("@"):  # @daily, @reboot ...: one word of schedule
        fields = line.split(None, 1)
        return (fields[0], fields[1]) if len(fields) == 2 else ("", "")
    fields = line.split(None, 5)
    return (" ".join(fields[:5]), fields[5]) if len(fields) == 6 else ("", "")


def _cron_when(line: str) -> str:
    """"02:30" for tidy's own `M H * * *`; a schedule the user edited, as it is written."""
    spec = _cron_fields(line.strip())[0]
    fields = spec.split()
    if len(fields) == 5 and fields[0].isdigit() and fields[1].isdigit() \
            and fields[2:] == ["*", "*", "*"]:
        return f"{int(fields[1]):02d}:{int(fields[0]):02d}"
    return printable(spec) if spec else "?"


def _cron_argv(line: str) -> list[str]:
    command = _cron_fields(line)[1]
    if not command:
        return []
    try:
        return shlex.split(cron_unescape(command))
    except ValueError:
        return []


# -- choosing a scheduler --------------------------------------------------------------------
def available(where: Locations, platform: str = sys.platform) -> list[str]:
    """Schedulers to consider, preferred first. Redirected ones only, when any is redirected."""
    if where.sandboxed:
        return [s for s in SCHEDULERS if s in where.overridden]
    found = []
    if platform == "darwin":
        found.append("launchd")
    elif platform.startswith("linux") and _systemd_user_works():
        found.append("systemd")
    if shutil.which("crontab"):
        found.append("cron")
    return found


def _systemd_user_works() -> bool:
    if not shutil.which("systemctl"):
        return False
    try:
        proc = subprocess.run(["systemctl", "--user", "list-timers"], capture_output=True,
                              timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


def choose(requested: str, where: Locations, platform: str = sys.platform) -> str:
    options = available(where, platform)
    if requested != "auto":
        if where.sandboxed and requested not in where.overridden:
            raise ScheduleError(f"--scheduler {requested}: its location is not redirected while "
                                f"others are ({', '.join(sorted(where.overridden))})")
        if requested not in options:
            raise ScheduleError(_not_installed(requested, options))
        return requested
    if not options:
        raise ScheduleError("no scheduler found: no systemd user manager, launchd or crontab "
                            "(set TIDY_CRONTAB_FILE or install cron)")
    return options[0]


_WHAT_IT_NEEDS = {"cron": "no `crontab` command (install cron)",
                  "systemd": "no systemd user manager (`systemctl --user` does not answer)",
                  "launchd": "no launchd (macOS only)"}


def _not_installed(requested: str, options: Sequence[str]) -> str:
    """One line for --scheduler naming one this machine does not have, and what it has."""
    other = f"; use --scheduler {options[0]}" if options else ""
    return f"--scheduler {requested}: {_WHAT_IT_NEEDS.get(requested, 'not available')}{other}"


# -- install / remove / status ---------------------------------------------------------------
@dataclass
class Outcome:
    scheduler: str
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# The line every unit and agent tidy writes holds (hooks/systemd, hooks/launchd): a file at
# one of tidy's names without it is the user's own, never replaced or deleted.
_MARK = b"Created by `tidy schedule install`"


def _files_of(scheduler: str, where: Locations) -> list[str]:
    """The files tidy writes for `scheduler` (cron's crontab is edited, never replaced)."""
    if scheduler == "systemd":
        return [os.path.join(where.systemd_dir, n) for n in (TIMER, SERVICE)]
    if scheduler == "launchd":
        return [os.path.join(where.launchd_dir, PLIST)]
    return []


def not_tidys(path: str) -> bool:
    """Something is at `path` and it is not a file tidy wrote: no _MARK in its first 1 kB
    (unreadable, a folder, a FIFO: not tidy's either). A link is judged by what it names."""
    if not os.path.lexists(path):
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True
    try:
        return not stat.S_ISREG(os.fstat(fd).st_mode) or _MARK not in os.read(fd, 1024)
    except OSError:
        return True
    finally:
        os.close(fd)


def _refuse_the_users_own(scheduler: str, where: Locations) -> None:
    for path in _files_of(scheduler, where):
        if not_tidys(path):
            raise ScheduleError(f"{printable(path)} exists and is not tidy's (no "
                                f"\"{_MARK.decode()}\" line): it is left as it is; rename "
                                "it, or choose another --scheduler")


def install(roots: Sequence[str], at: str | None, requested: str = "auto",
            where: Locations | None = None, activate: bool = True) -> Outcome:
    where = where or locations()
    checked = _check_roots(roots)
    hour, minute = parse_at(at)
    job = Job(checked, hour, minute, state_dir=state_dir_to_pass())
    check_argv([*job.argv, _log_file()])
    scheduler = choose(requested, where)
    activate = activate and not where.sandboxed
    _render(scheduler, job)  # a job no file can carry is refused before anything changes
    with _lock():
        # A user's own unit or agent at tidy's name is never written over (trust round 17)
        _refuse_the_users_own(scheduler, where)
        notes = [n for other in SCHEDULERS if other != scheduler
                 for n in _remove_one(other, where, activate, quiet=True).notes]
        outcome = _INSTALLERS[scheduler](job, where, activate)
    outcome.notes = notes + outcome.notes
    outcome.notes.append(f"runs daily at {hour:02d}:{minute:02d}: {shlex.join(job.argv)}")
    if not activate:
        outcome.notes.append("files written only: not activated (a location is redirected or "
                             "--no-activate)")
    return outcome


def _log_file() -> str:
    return os.path.join(state.state_dir(), "schedule.log")


def _render(scheduler: str, job: Job) -> list[str]:
    """The file texts `scheduler` would get; ScheduleError when one cannot run `job` exactly."""
    if scheduler == "systemd":
        return [render_service(job), render_timer(job)]
    if scheduler == "launchd":
        return [render_plist(job, _log_file())]
    return [render_cron(job)]


def _check_roots(roots: Sequence[str]) -> tuple[str, ...]:
    from tidy.watch.runner import WatchError, check_roots

    try:
        return check_roots(roots or ["."])
    except WatchError as error:
        raise ScheduleError(str(error)) from None


def _install_systemd(job: Job, where: Locations, activate: bool) -> Outcome:
    os.makedirs(where.systemd_dir, exist_ok=True)
    service = os.path.join(where.systemd_dir, SERVICE)
    timer = os.path.join(where.systemd_dir, TIMER)
    _write_atomic(service, render_service(job))
    _write_atomic(timer, render_timer(job))
    outcome = Outcome("systemd", [service, timer])
    if activate:
        _run(["systemctl", "--user", "daemon-reload"])
        _run(["systemctl", "--user", "enable", "--now", TIMER])
        outcome.notes.append("user units run while you are logged in; "
                             "`loginctl enable-linger` keeps them running after logout")
    return outcome


def _install_launchd(job: Job, where: Locations, activate: bool) -> Outcome:
    text = render_plist(job, _log_file())
    os.makedirs(where.launchd_dir, exist_ok=True)
    plist = os.path.join(where.launchd_dir, PLIST)
    _write_atomic(plist, text)
    if activate:
        domain = f"gui/{os.getuid()}"
        subprocess.run(["launchctl", "bootout", domain, plist], capture_output=True, check=False)
        _run(["launchctl", "bootstrap", domain, plist])
    return Outcome("launchd", [plist])


def _install_cron(job: Job, where: Locations, activate: bool) -> Outcome:
    current = _read_crontab(where)
    mine = _without_region(current)
    region = render_cron(job)
    if mine and not mine.endswith("\n"):
        # The user's last line had no newline: one is needed before tidy's lines, and the
        # BEGIN line says so, for `remove` to give the crontab back byte for byte.
        mine += "\n"
        first, rest = region.split("\n", 1)
        region = f"{first}{NEWLINE_ADDED}\n{rest}"
    _write_crontab(where, mine + region)
    return Outcome("cron", [where.crontab_file or "crontab"])


_INSTALLERS = {"systemd": _install_systemd, "launchd": _install_launchd, "cron": _install_cron}


def remove(where: Locations | None = None, activate: bool = True) -> list[Outcome]:
    where = where or locations()
    activate = activate and not where.sandboxed
    with _lock():
        removed = [_remove_one(s, where, activate, quiet=False) for s in _considered(where)]
    return [r for r in removed if r.files or r.notes]


def _considered(where: Locations) -> list[str]:
    if where.sandboxed:
        return [s for s in SCHEDULERS if s in where.overridden]
    considered = ["systemd", "launchd"]
    if shutil.which("crontab"):
        considered.append("cron")
    return considered


def _remove_one(scheduler: str, where: Locations, activate: bool, quiet: bool) -> Outcome:
    if where.sandboxed and scheduler not in where.overridden:
        return Outcome(scheduler)
    outcome = Outcome(scheduler)
    # A user's own unit or agent at tidy's name stays, and is not stopped (trust round 17)
    theirs = [f for f in _files_of(scheduler, where) if not_tidys(f)]
    outcome.notes += [f"left {printable(f)}: not tidy's" for f in theirs]
    if scheduler == "systemd":
        timer, service = _files_of(scheduler, where)
        files = [f for f in (timer, service) if f not in theirs]
        if activate and timer in files and os.path.exists(timer) and shutil.which("systemctl"):
            subprocess.run(["systemctl", "--user", "disable", "--now", TIMER],
                           capture_output=True, check=False)
        outcome.files = [f for f in files if _unlink(f)]
        if activate and outcome.files and shutil.which("systemctl"):
            subprocess.run(["systemctl", "--user", "daemon-reload"], capture_output=True,
                           check=False)
    elif scheduler == "launchd":
        plist = os.path.join(where.launchd_dir, PLIST)
        if plist in theirs:
            return outcome
        if activate and os.path.exists(plist) and shutil.which("launchctl"):
            subprocess.run(["launchctl", "bootout", f"gui/{os.getuid()}", plist],
                           capture_output=True, check=False)
        outcome.files = [plist] if _unlink(plist) else []
    else:
        if where.crontab_file is None and not shutil.which("crontab"):
            return outcome
        current = _read_crontab(where)
        if CRON_BEGIN in current:
            _write_crontab(where, _without_region(current))
            outcome.files = [where.crontab_file or "crontab"]
    if outcome.files and quiet:
        outcome.notes.append(f"removed the earlier {scheduler} schedule")
    return outcome


@dataclass
class Installed:
    scheduler: str
    files: list[str]
    when: str  # "02:13"
    command: list[str]
    next_run: str = ""


def status(where: Locations | None = None) -> list[Installed]:
    where = where or locations()
    found: list[Installed] = []
    for scheduler in _considered(where):
        entry = _status_one(scheduler, where)
        if entry is not None:
            found.append(entry)
    return found


def _status_one(scheduler: str, where: Locations) -> Installed | None:
    if scheduler == "systemd":
        timer = os.path.join(where.systemd_dir, TIMER)
        service = os.path.join(where.systemd_dir, SERVICE)
        if not os.path.exists(timer):
            return None
        calendar = _ini_value(timer, "OnCalendar")
        when = calendar.split()[-1][:5] if calendar else "?"
        command = exec_start_words(_ini_value(service, "ExecStart"))
        entry = Installed("systemd", [timer, service], when, command)
        if not where.sandboxed and shutil.which("systemctl"):
            entry.next_run = _systemd_next(TIMER)
        return entry
    if scheduler == "launchd":
        plist = os.path.join(where.launchd_dir, PLIST)
        if not os.path.exists(plist):
            return None
        when, argv = _plist_job(plist)
        return Installed("launchd", [plist], when, argv)
    region = _region(_read_crontab(where))
    if not region:
        return None
    line = next((ln for ln in region if _is_tidy_job(ln)), "")
    when = _cron_when(line)
    command = _cron_argv(line)
    return Installed("cron", [where.crontab_file or "crontab"], when,
                     [c for c in command if c not in (">/dev/null", "2>&1")])


def _plist_job(plist: str) -> tuple[str, list[str]]:
    """("HH:MM", argv) of tidy's launchd agent; "?" and [] for what an edited or damaged file
    no longer says (it ended `status` in an internal error)."""
    try:
        with open(plist, "rb") as f:
            data = plistlib.load(f)
    except Exception:  # plistlib raises several kinds (InvalidFileException, expat, ValueError)
        data = {}
    data = data if isinstance(data, dict) else {}
    interval = data.get("StartCalendarInterval")
    hour, minute = (interval.get("Hour"), interval.get("Minute")) \
        if isinstance(interval, dict) else (None, None)
    when = f"{hour:02d}:{minute:02d}" if all(
        isinstance(v, int) and not isinstance(v, bool) for v in (hour, minute)) else "?"
    argv = data.get("ProgramArguments")
    if not (isinstance(argv, list) and all(isinstance(a, str) for a in argv)):
        argv = []
    return when, list(argv)


def _systemd_next(timer: str) -> str:
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        proc = subprocess.run(["systemctl", "--user", "show", timer,
                               "--property=NextElapseUSecRealtime", "--value"],
                              capture_output=True, text=True, timeout=10, check=False)
        return proc.stdout.strip()
    return ""


def _ini_value(path: str, key: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(f"{key}="):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


# -- crontab ---------------------------------------------------------------------------------
def _read_crontab(where: Locations) -> str:
    # Bytes as they are: a crontab (or a folder name in it) need not be UTF-8.
    if where.crontab_file is not None:
        try:
            with open(where.crontab_file, encoding="utf-8", errors="surrogateescape") as f:
                return f.read()
        except FileNotFoundError:
            return ""
    try:
        proc = subprocess.run(["crontab", "-l"], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ScheduleError(f"crontab -l: {error}; your crontab is left as it is") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip()
        if _NO_CRONTAB.search(message):
            return ""  # "no crontab for user" (busybox: "can't open ...: No such file"): empty
        # Anything else (a busy spool, a permission, a PAM refusal): what the crontab holds is
        # unknown, and writing tidy's lines over it would drop every job of the user's.
        first = (message.splitlines() or [f"exit {proc.returncode}"])[0]
        raise ScheduleError(f"crontab -l failed: {printable(first)}; your crontab is left as "
                            "it is (run the command again once `crontab -l` works)")
    return proc.stdout.decode("utf-8", "surrogateescape")


def _write_crontab(where: Locations, text: str) -> None:
    if where.crontab_file is not None:
        _write_atomic(where.crontab_file, text)
        return
    with tempfile.NamedTemporaryFile("wb", suffix=".cron", delete=False) as f:
        try:
            f.write(text.encode("utf-8", "surrogateescape"))
            f.flush()  # a full disk fails here, never in a crontab that lost its tail
        except OSError as error:
            os.unlink(f.name)
            raise _not_written(f.name, error) from None
    try:
        _run(["crontab", f.name])
    finally:
        os.unlink(f.name)


_NO_CRONTAB = re.compile(r"no crontab|no such file", re.IGNORECASE)


def _region(text: str) -> list[str]:
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.startswith(CRON_BEGIN)), None)
    if start is None:  # the marker's words elsewhere in a line of the user's are no region
        return []
    end = next((i for i, ln in enumerate(lines) if ln.startswith(CRON_END) and i > start),
               len(lines) - 1)
    return lines[start:end + 1]


NEWLINE_ADDED = " [a newline was added above]"


def _without_region(text: str) -> str:
    """The crontab without tidy's lines: its markers and, between them, its job (and blank
    lines). Every other line stays where it was, inside the region too, and everything
    after a BEGIN whose END the user deleted: a crontab has no backup to take lines from.
    The newline install added after a last line that had none goes too, while that line is
    still the last: the crontab comes back byte for byte."""
    kept: list[str] = []
    inside, added_after = False, -1
    for line in text.splitlines(keepends=True):
        if line.startswith(CRON_BEGIN):
            inside = True
            if line.rstrip("\n").endswith(NEWLINE_ADDED):
                added_after = len(kept)
        elif inside and line.startswith(CRON_END):
            inside = False
        elif not (inside and (not line.strip() or _is_tidy_job(line))):
            kept.append(line)
    if added_after == len(kept) > 0 and kept[-1].endswith("\n"):
        kept[-1] = kept[-1][:-1]
    return "".join(kept)


def _is_tidy_job(line: str) -> bool:
    """A crontab line that runs `<python> -m tidy watch ...` (what install writes), maybe
    through `env TIDY_STATE_DIR=...`."""
    return without_env(_cron_argv(line.strip()))[1:4] == ["-m", "tidy", "watch"]


def without_env(argv: list[str]) -> list[str]:
    """`argv` without a leading `env NAME=value ...`: the command it runs."""
    if not argv or os.path.basename(argv[0]) != "env":
        return argv
    rest = argv[1:]
    while rest and re.match(r"[A-Za-z_][A-Za-z0-9_]*=", rest[0]):
        rest = rest[1:]
    return rest


# -- small helpers ---------------------------------------------------------------------------
def _write_atomic(path: str, text: str) -> None:
    """Replace `path` whole (or not at all); ScheduleError when the disk refuses."""
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        atomic_write(path, text.encode("utf-8", "surrogateescape"), 0o644)
    except OSError as error:
        raise _not_written(path, error) from None


def _not_written(path: str, error: OSError) -> ScheduleError:
    return ScheduleError(f"cannot write {printable(path)}: {error.strerror or error}; it is "
                         "as it was (the schedule may be only partly changed): free some "
                         "space and run the command again")


def _unlink(path: str) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    return True


def _run(argv: list[str]) -> None:
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ScheduleError(f"{argv[0]}: {error}") from None
    if proc.returncode != 0:
        message = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[0]
        raise ScheduleError(f"{' '.join(argv)}: {message}")


@contextlib.contextmanager
def _lock() -> Iterator[None]:
    import fcntl

    folder = state.ensure_dir(state.state_dir())
    fd = os.open(os.path.join(folder, "schedule.lock"), os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC,
                 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
