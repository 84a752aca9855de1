"""Command line: options -> Config -> one call into the layer below -> render -> exit code.
The only package that prints.

Exit codes (exits.py): 0 nothing over budget, 1 findings over budget, 2 usage or configuration
error, 3 internal error. One module per command; options.py holds the options several share
(written once), terminal.py printing, asking and the progress spinner. COMMANDS says where
each command is: its module is imported when that command runs (click's lazy subcommands), and
a command imports the layers below only inside its function, so `tidy --version` imports no
command and a git hook (`tidy hook ...`) only cli/hook.py: both start fast.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence

import click

from tidy import __version__
from tidy.cli.exits import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE
from tidy.cli.streams import CLOSED_MESSAGE, make_usable

# command -> (its module, the click command in it). Add yours here.
COMMANDS: dict[str, tuple[str, str]] = {
    "browse": ("tidy.cli.browse", "browse"),
    "cache": ("tidy.cli.cache", "cache"),
    "extract": ("tidy.cli.extract", "extract"),
    "fix": ("tidy.cli.fix", "fix"),
    "history": ("tidy.cli.history", "show_history"),
    "hook": ("tidy.cli.hook", "hook"),
    "init": ("tidy.cli.init", "init"),
    "log": ("tidy.cli.log", "show_log"),
    "rule": ("tidy.cli.rules", "show_rule"),
    "rules": ("tidy.cli.rules", "list_rules"),
    "scan": ("tidy.cli.scan", "scan"),
    "schedule": ("tidy.cli.schedule", "schedule_group"),
    "trash": ("tidy.cli.trash", "trash"),
    "undo": ("tidy.cli.fix", "undo"),
    "watch": ("tidy.cli.watch", "watch_command"),
}


class _Commands(click.Group):
    """The command group, each command's module imported when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, name = where
        from tidy.core.cycles import paused  # not at import: `tidy --version` loads no layer

        with paused():  # imports: nothing for the cyclic collector to free (tidy.core.cycles)
            command = getattr(importlib.import_module(module), name)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module}.{name} is not a click command")
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidy")
def cli() -> None:
    """Find and safely clean caches, build artifacts and repository bloat."""


# click 8.2+ raises this for a group called without a command (8.1 shows the help itself).
_NO_ARGS_IS_HELP: tuple[type[click.UsageError], ...] = tuple(
    t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if t is not None)


def main(argv: Sequence[str] | None = None) -> int:
    closed_stdout = make_usable()
    code = _main(argv)
    if closed_stdout is not None and closed_stdout.lost:
        click.echo(f"tidy: error: {CLOSED_MESSAGE}", err=True)
        return max(code, EXIT_USAGE)
    return code


def _main(argv: Sequence[str] | None) -> int:
    try:
        result = cli.main(args=list(argv) if argv is not None else None,
                          prog_name="tidy", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.UsageError as error:
        if isinstance(error, _NO_ARGS_IS_HELP):  # bare `tidy`: the help is the answer
            error.show()
            return EXIT_USAGE
        # One line, as every other bad input (click's own form is four: usage, a hint to
        # --help, a blank line, then the error).
        where = error.ctx.command_path if error.ctx is not None else "tidy"
        click.echo(f"Error: {error.format_message()} (see `{where} --help`)", err=True)
        return EXIT_USAGE
    except click.ClickException as error:
        error.show()
        return EXIT_USAGE
    except click.exceptions.Abort as aborted:
        if isinstance(aborted.__cause__, KeyboardInterrupt):  # click wraps a Ctrl-C in Abort
            click.echo(interrupted_line(aborted.__cause__), err=True)
            return EXIT_INTERRUPTED
        click.echo("aborted", err=True)  # a prompt met the end of its input
        return EXIT_USAGE
    except _usage_errors() as error:
        click.echo(f"tidy: error: {error}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM, SIGHUP (core/stop_signals)
        click.echo(interrupted_line(stop), err=True)
        return EXIT_INTERRUPTED
    except Exception as error:  # the promise is one line and exit 3, never a traceback
        if _ctrl_c_inside(error) or _stop_signal_received():
            # A worker or a child stopped by the same signal (a broken pool, a git that
            # died of it) can reach here before this process's own interrupt does.
            click.echo(interrupted_line(), err=True)
            return EXIT_INTERRUPTED
        if isinstance(error, OSError) and _cwd_gone():
            # `cd dir; rm -rf ../dir; tidy scan`: the input (where it runs from), not a bug.
            click.echo("tidy: error: the current folder no longer exists (it was deleted or "
                       "moved while this shell was in it): cd to a folder that exists, or "
                       "give absolute paths", err=True)
            return EXIT_USAGE
        unusable = _state_unusable(error)
        if unusable:
            click.echo(f"tidy: error: {unusable}", err=True)
            return EXIT_USAGE
        if os.environ.get("TIDY_DEBUG"):
            raise
        click.echo(f"tidy: internal error: {type(error).__name__}: {error} "
                   "(set TIDY_DEBUG=1 for a traceback)", err=True)
        return EXIT_INTERNAL
    return int(result or 0)


def interrupted_line(stop: BaseException | None = None) -> str:
    """"tidy: interrupted", with the signal when not Ctrl-C. Imported here, not at start-up:
    `tidy --version` loads no layer below (tidy.__main__ has it loaded already)."""
    from tidy.core.stop_signals import interrupted_line as line

    return line(stop)


def _stop_signal_received() -> bool:
    from tidy.core.stop_signals import received

    return received() != 0


def _ctrl_c_inside(error: BaseException) -> bool:
    """A Ctrl-C that Python handed on inside another error: one landing while a class is made
    (a command's lazy import of a dataclass module) is, on Python 3.11, "RuntimeError: Error
    calling __set_name__ on 'Field' instance", and was reported as tidy's internal error."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _state_unusable(error: Exception) -> str:
    """The environment, not a bug: tidy's state folder cannot be made or opened."""
    if not isinstance(error, OSError):
        return ""
    from tidy.core.state import unusable

    return unusable(error)


def _cwd_gone() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _usage_errors() -> tuple[type[Exception], ...]:
    """Errors in what the user gave (a config file, a path): a one-line message, exit 2.
    Imported only when an error is on its way: not at start-up."""
    from tidy.core.config import ConfigError
    from tidy.core.state import StateError
    from tidy.engine import ScanError

    return ConfigError, ScanError, StateError
