"""What the commands share about the terminal: printing, asking, the scan's progress spinner,
and which errors are the user's (a one-line message, exit 2) rather than tidy's."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tidy.core.models import Report
    from tidy.workspace.walk import ProgressFn


def out(text: str, err: bool = False) -> None:
    click.echo(text, nl=False, err=err)


def ask(question: str) -> bool:
    return click.confirm(question, default=False, err=True)


def can_ask() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def no_color() -> bool:
    """NO_COLOR (https://no-color.org): set and not empty, no ANSI styling at all."""
    return bool(os.environ.get("NO_COLOR"))


def force_color() -> bool:
    """FORCE_COLOR (https://force-color.org): set and not empty, colour even through a pipe
    (a CI log that renders ANSI). "0" and "false" are read as "no": CI setups set
    FORCE_COLOR=0 to turn colour off, as Node's tools read it."""
    return os.environ.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false")


def width_and_color(to_terminal: bool, default_width: int = 120, *,
                    to_stdout: bool = True) -> tuple[int, bool]:
    """The terminal's width and colours when output goes to one, or to standard output with
    FORCE_COLOR set (never to a file); NO_COLOR wins over both. Otherwise a fixed width,
    plain text: no colour, no box-drawing lines."""
    width = shutil.get_terminal_size().columns if to_terminal else default_width
    coloured = to_terminal or (to_stdout and force_color())
    return width, coloured and not no_color()


def _interactive() -> bool:
    # The spinner moves the cursor with escape sequences: NO_COLOR asks for none.
    return sys.stderr.isatty() and not os.environ.get("CI") and not no_color()


def with_progress(job: Callable[[ProgressFn | None], Report], quiet: bool) -> Report:
    """Run a scan with a spinner on stderr (a terminal, not CI, not --quiet)."""
    if quiet or not _interactive():
        return job(None)
    import humanize
    from rich.console import Console
    from rich.live import Live
    from rich.spinner import Spinner

    # No auto-refresh thread: the walk forks measuring workers, and fork wants one thread.
    spinner = Spinner("dots", "scanning ...")
    with Live(spinner, console=Console(stderr=True), auto_refresh=False, transient=True) as live:
        def progress(entries: int, size: int) -> None:
            spinner.update(text=f"scanning ... {entries:,} entries, {humanize.naturalsize(size)}")
            live.refresh()

        return job(progress)


def fix_errors() -> tuple[type[Exception], ...]:
    """What `tidy fix`, `undo` and `trash` report as a usage problem (exit 2)."""
    from tidy.fixes.commands import CommandError
    from tidy.fixes.journal import JournalError
    from tidy.fixes.plan import PlanRefused

    return CommandError, PlanRefused, JournalError
