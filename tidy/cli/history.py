"""`tidy history`: how a repo's totals moved (the database: tidy/trends.py)."""

from __future__ import annotations

import sys

import click

from tidy.cli import options, terminal
from tidy.cli.exits import EXIT_OK


@click.command("history")
@click.argument("path", required=False, default=".", type=click.Path(path_type=str))
@click.option("--history-db", type=click.Path(dir_okay=False),
              help="The database to read (default: history.sqlite in tidy's state folder).")
@click.option("-n", "--limit", type=click.IntRange(min=1), help="Only the last N scans.")
@options.format_option()
def show_history(path: str, history_db: str | None, limit: int | None,
                 output_format: str) -> int:
    """How the totals of PATH's repo (or of every repo below PATH) moved, scan after scan."""
    from tidy import trends

    width, color = terminal.width_and_color(sys.stdout.isatty(), default_width=100)
    try:
        text = trends.command(path, history_db, limit, output_format, width=width, color=color)
    except trends.TrendsError as error:
        raise click.ClickException(str(error)) from None
    click.echo(text, nl=False)
    return EXIT_OK
