"""`tidy extract MODULE`: data literals to a JSON file and a loader stub (tidy/extract/)."""

from __future__ import annotations

import click

from tidy.cli import options
from tidy.cli.exits import EXIT_FAIL, EXIT_OK


@click.command("extract")
@click.argument("module", type=click.Path(dir_okay=False, path_type=str))
@click.option("--name", "names", multiple=True, help="Extract this top-level name (repeatable); "
              "default: every top-level literal of 1 KB or more.")
@click.option("--format", "data_format", type=click.Choice(["gz", "json"]), default="gz",
              show_default=True, help="gz: MODULE.json.gz; json: plain, diff-friendly JSON.")
@click.option("--verify-import", is_flag=True,
              help="Import the old and new module in fresh processes and compare every public "
                   "name; put the original back if anything differs.")
@click.option("--dry-run", is_flag=True, help="Check everything, write nothing.")
@click.option("--undo", is_flag=True, help="Put back the module as it was before the last "
              "extraction and remove the data file it wrote.")
@click.option("--memory-cap", callback=options.size, default="2GiB", show_default=True,
              help="Address-space cap of each converting worker process.")
def extract(module: str, names: tuple[str, ...], data_format: str, verify_import: bool,
            dry_run: bool, undo: bool, memory_cap: int) -> int:
    """Move the data literal(s) of MODULE to a JSON file with a small loader stub (TDY301)."""
    from tidy.extract.core import ExtractError, extract_module, undo_extract
    from tidy.extract.report import describe

    try:
        if undo:
            click.echo(undo_extract(module))
            return EXIT_OK
        result = extract_module(module, names, data_format, verify_import=verify_import,
                                dry_run=dry_run, memory_cap=memory_cap)
    except ExtractError as error:
        click.echo(f"tidy: extract refused: {error}", err=True)
        return EXIT_FAIL
    click.echo(describe(result))
    return EXIT_OK
