"""`tidy trash list` and `tidy trash purge` (the logic: tidy/fixes/commands.py)."""

from __future__ import annotations

import sys

import click

from tidy.cli import options, terminal


@click.group()
def trash() -> None:
    """tidy's trash: what fix runs moved, until purged."""


@trash.command("list")
@click.option("--all", "show_all", is_flag=True, help="Also runs that were undone or purged.")
@options.format_option()
def trash_list(show_all: bool, output_format: str) -> int:
    """Runs in the trash, with sizes and ages; interrupted runs are flagged."""
    from tidy.fixes.commands import run_trash_list

    width, color = terminal.width_and_color(sys.stdout.isatty())
    return run_trash_list(output_format, show_all, terminal.out, width=width, color=color)


@trash.command("purge")
@click.argument("run_ids", nargs=-1)
@click.option("--older-than", callback=options.age,
              help="Only runs that finished longer ago than this (e.g. 7d).")
@click.option("--dry-run", is_flag=True, help="Say what would be freed; delete nothing.")
@click.option("-y", "--yes", is_flag=True, help="Do not ask, even on a terminal.")
@options.format_option()
def trash_purge(run_ids: tuple[str, ...], older_than: float | None, dry_run: bool, yes: bool,
                output_format: str) -> int:
    """Delete the trash of RUN_IDS (default: every run) for good, freeing the space.

    Without RUN_IDS and --older-than it also drops every content cache tidy wrote (plain
    folders' in the state folder, repos' in their git dirs) and lists them. Asks on a
    terminal unless --yes; without a terminal the command itself is the consent.
    """
    from tidy.fixes.commands import run_trash_purge

    try:
        return run_trash_purge(older_than, run_ids, dry_run, yes, terminal.can_ask(),
                               output_format, terminal.out, terminal.ask)
    except terminal.fix_errors() as error:
        raise click.ClickException(str(error)) from None
