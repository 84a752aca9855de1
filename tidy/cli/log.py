"""`tidy log`: the audit log (the logic: tidy/fixes/commands.py)."""

from __future__ import annotations

import click

from tidy.cli import options, terminal


@click.command("log")
@click.option("-n", "--limit", type=click.IntRange(min=0), help="Only the last N entries.")
@options.format_option()
def show_log(limit: int | None, output_format: str) -> int:
    """The audit log: what fix, undo and purge changed, when, how much, by which command."""
    from tidy.fixes.commands import run_log

    return run_log(output_format, limit, terminal.out)
