"""`tidy fix` and `tidy undo` (the logic: tidy/fixes/commands.py)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from tidy.cli import options, terminal

if TYPE_CHECKING:
    from tidy.core.config import Config
    from tidy.core.models import Report


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-y", "--yes", is_flag=True, help="Apply without asking (needed without a terminal).")
@click.option("--dry-run", "--diff", "dry_run", is_flag=True,
              help="Show the plan and change nothing.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Also apply unsafe fixes (costly to rebuild, or changes the git index).")
@options.settings("select", "ignore", "only_kinds", "exclude", "cross_filesystems", "no_cache")
@click.option("--older-than", callback=options.age,
              help="Only projects whose own newest file is older than this (e.g. 14d).")
@click.option("--skip-recent", callback=options.age, default="10s", show_default=True,
              help="Leave alone anything written more recently than this (a running build); "
                   "0s turns the check off.")
@options.format_option("Output format (json: the plan and the result).")
@options.config_option
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
def fix(paths: tuple[str, ...], yes: bool, dry_run: bool, unsafe_fixes: bool,
        given: options.Given, older_than: float | None, skip_recent: float, output_format: str,
        config_path: str | None, quiet: bool) -> int:
    """Move caches and build outputs under PATHS to tidy's trash (undo with `tidy undo`).

    Shows the plan first and asks on a terminal; --yes applies without asking, --dry-run
    changes nothing. Exit 0 done, 1 something failed or was skipped for a safety reason,
    2 usage (no terminal and no --yes), 3 internal error.
    """
    from tidy import engine
    from tidy.fixes.commands import FixRequest, run_fix

    paths = paths or (".",)
    width, color = terminal.width_and_color(sys.stdout.isatty())
    request = FixRequest(
        paths=paths, config=given.config(paths[0], config_path), yes=yes, dry_run=dry_run,
        unsafe=unsafe_fixes, select=given.codes("select"), ignore=given.codes("ignore"),
        kinds=given.codes("only_kinds"), older_than=older_than, skip_recent=skip_recent or 0.0,
        output_format=output_format, can_ask=terminal.can_ask(), width=width, color=color,
    )

    def scan(scan_paths: Sequence[str], config: Config) -> Report:
        return terminal.with_progress(
            lambda progress: engine.scan(scan_paths, config, progress), quiet)

    try:
        return run_fix(request, scan, terminal.out, terminal.ask)
    except terminal.fix_errors() as error:
        raise click.ClickException(str(error)) from None


@click.command()
@click.argument("run_id", required=False)
@options.format_option()
def undo(run_id: str | None, output_format: str) -> int:
    """Put back everything the last fix run (or run RUN_ID) moved or untracked."""
    from tidy.fixes.commands import run_undo

    try:
        return run_undo(run_id, output_format, terminal.out)
    except terminal.fix_errors() as error:
        raise click.ClickException(str(error)) from None
