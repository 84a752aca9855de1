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


def _editors(_ctx: click.Context, _param: click.Parameter,
             value: str | None) -> tuple[str, ...]:
    if not value:  # parse_editors' answer for none, without its module (~0.01 s of imports)
        return ()
    from tidy.fixes.editors.excludes import parse_editors

    try:
        return parse_editors(value or "")
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-y", "--yes", is_flag=True, help="Apply without asking (needed without a terminal).")
@click.option("--dry-run", is_flag=True,
              help="Show the plan, and which moves a running program would hold back (the "
                   "real run's look at /proc); change nothing.")
@click.option("--diff", is_flag=True,
              help="Change nothing; print a unified diff of every file the fix would edit "
                   "(.gitignore, .ignore, editor settings and exclude files), a summary of "
                   "each extraction's module rewrite and a line per move.")
@click.option("--editor", "editors", callback=_editors, metavar="NAMES",
              help="Also write the search excludes of these editors (comma-separated: "
                   "vscode, cursor, jetbrains, windsurf) although nothing at the repository "
                   "root shows them in use (TDY502).")
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
def fix(paths: tuple[str, ...], yes: bool, dry_run: bool, diff: bool,
        editors: tuple[str, ...], unsafe_fixes: bool, given: options.Given,
        older_than: float | None, skip_recent: float, output_format: str,
        config_path: str | None, quiet: bool) -> int:
    """Move caches and build outputs under PATHS to tidy's trash (undo with `tidy undo`).

    Shows the plan first and asks on a terminal; --yes applies without asking, --dry-run
    and --diff change nothing. Right before each move everything is checked again; what a
    running program uses (a file open, its program or working folder inside, a watch on it, a
    build in its project) is left alone with the program named (Linux: read from /proc, once
    per run; no flag overrides it: stop the program). Exit 0 done, 1 something failed or was
    skipped for a safety reason (a program using it included), 2 usage (no terminal and no
    --yes), 3 internal error.
    """
    from tidy.core.cycles import paused

    with paused():  # imports: nothing for the cyclic collector to free (tidy.core.cycles)
        from tidy import engine
        from tidy.fixes.commands import FixRequest, run_fix

    paths = paths or (".",)
    width, color = terminal.width_and_color(sys.stdout.isatty())
    request = FixRequest(
        paths=paths, config=given.config(paths[0], config_path), yes=yes, dry_run=dry_run,
        diff=diff, editors=editors,
        unsafe=unsafe_fixes, select=given.codes("select"), ignore=given.codes("ignore"),
        kinds=given.codes("only_kinds"), older_than=older_than, skip_recent=skip_recent or 0.0,
        output_format=output_format, can_ask=terminal.can_ask(), width=width, color=color,
    )

    def scan(scan_paths: Sequence[str], config: Config) -> Report:
        return terminal.with_progress(
            lambda progress: engine.scan(scan_paths, config, progress,
                                         meanwhile=_load_what_follows), quiet)

    try:
        return run_fix(request, scan, terminal.out, terminal.ask)
    except terminal.fix_errors() as error:
        raise click.ClickException(str(error)) from None


def _load_what_follows() -> None:
    """The modules the fix uses after its scan (the appliers, the plan's and the result's
    report), imported during the walk, when this process would otherwise wait for its
    workers, rather than before the walk starts (~0.1 s)."""
    import tidy.fixes.report  # noqa: F401 (the name `tidy`, bound once)
    from tidy.fixes.apply import load_appliers

    load_appliers()


@click.command()
@click.argument("target", required=False, metavar="[RUN_ID|PATH]")
@click.option("--last-anywhere", is_flag=True,
              help="Undo the newest run wherever it ran, not only in this repository/folder.")
@click.option("--force", is_flag=True,
              help="Put back an extraction even if the module, data file or build config "
                   "changed since, keeping the current files beside the restored ones.")
@click.option("-y", "--yes", is_flag=True, help="Do not ask, even on a terminal.")
@options.format_option()
def undo(target: str | None, last_anywhere: bool, force: bool, yes: bool,
         output_format: str) -> int:
    """Put back what a fix run moved, untracked or edited.

    Without RUN_ID: the newest run whose folders lie in the current repository (or folder),
    or in PATH; --last-anywhere: the newest run anywhere. On a terminal it names the run,
    its folder and time, and asks first.
    """
    import os

    from tidy.fixes.commands import UndoRequest, run_undo, undo_scope

    is_path = target is not None and (os.sep in target or os.path.exists(target))
    if last_anywhere and target is not None:
        raise click.UsageError("--last-anywhere takes no RUN_ID or PATH")
    scope = None if last_anywhere else undo_scope(target if is_path and target else ".")
    request = UndoRequest(run_id=None if is_path else target, scope=scope, force=force,
                          yes=yes, output_format=output_format, can_ask=terminal.can_ask())
    try:
        return run_undo(request, terminal.out, terminal.ask)
    except terminal.fix_errors() as error:
        raise click.ClickException(str(error)) from None
