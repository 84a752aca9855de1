"""`tidy browse`: the Textual app (tidy/browse/), imported only when this command runs."""

from __future__ import annotations

import os
import sys

import click

from tidy.cli import options


@click.command("browse")
@click.argument("path", required=False, default=".", type=click.Path(path_type=str))
@options.config_option
@click.option("--skip-recent", callback=options.age, default="10s", show_default=True,
              help="Leave alone anything written more recently than this (a running build).")
def browse(path: str, config_path: str | None, skip_recent: float) -> int:
    """Look through what a scan of PATH finds, choose, and clean it (a terminal UI).

    Marked findings go through the same plan, re-checks and journal as `tidy fix`:
    `tidy undo` puts a run back, `tidy log` lists it. Keys: press ? in the app.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise click.ClickException("tidy browse needs a terminal; `tidy scan` reports "
                                   "without one")
    if os.environ.get("TERM", "") == "dumb":  # Emacs' shell, some CI logs: no cursor moves
        raise click.ClickException("tidy browse needs a terminal that can draw a screen "
                                   "(TERM=dumb); `tidy scan` reports without one")
    if not os.path.isdir(path):
        raise click.ClickException(f"{path}: not a folder")
    from tidy.browse import run  # Textual is imported here only: other commands stay fast
    from tidy.core.config import load
    from tidy.rules.registry import check_file_codes  # a typo in the file: exit 2, not the app

    return run(path, check_file_codes(load(path, config_path)), skip_recent or 0.0)
