"""`tidy extract MODULE`: data literals to a JSON file and a loader stub (tidy/extract/)."""

from __future__ import annotations

import click

from tidy.cli import options
from tidy.cli.exits import EXIT_FAIL, EXIT_OK


@click.command("extract")
@click.argument("module", type=click.Path(dir_okay=False, path_type=str))
@click.option("--name", "names", multiple=True, help="Extract this binding (repeatable): NAME, "
              "Class.NAME or func; default: every data binding of 1 KB or more.")
@click.option("--format", "data_format", type=click.Choice(["gz", "json"]), default="gz",
              show_default=True, help="gz: MODULE.json.gz; json: plain, diff-friendly JSON.")
@click.option("--evaluate", is_flag=True,
              help="Take values built by calls or names (u('...'), frozenset([...])) by "
                   "importing the module in the project's interpreter. This runs the "
                   "project's code; the rewritten module is imported again and compared.")
@click.option("--python", "python", type=click.Path(dir_okay=False, path_type=str),
              help="The project's interpreter (default: its .venv or venv, else "
                   "$VIRTUAL_ENV, else tidy's own).")
@click.option("--verify-import", is_flag=True,
              help="Import the new module in a fresh project interpreter and compare every "
                   "module-level name; put the original back if anything differs.")
@click.option("--dry-run", is_flag=True, help="Check everything, write nothing.")
@click.option("--undo", is_flag=True, help="Put back the module as it was before the last "
              "extraction and remove the data file it wrote (refused if any of them changed "
              "since).")
@click.option("--force", is_flag=True, help="With --undo: restore even if the module, data "
              "file or build config changed since, keeping the current ones beside them.")
@click.option("--memory-cap", callback=options.size, default="2GiB", show_default=True,
              help="Address-space cap of each converting worker process.")
def extract(module: str, names: tuple[str, ...], data_format: str, evaluate: bool,
            python: str | None, verify_import: bool, dry_run: bool, undo: bool, force: bool,
            memory_cap: int) -> int:
    """Move the data of MODULE to a JSON file with a small loader stub (TDY301)."""
    from tidy.core.printable import printable
    from tidy.extract.core import ExtractError, extract_module, undo_extract
    from tidy.extract.report import describe

    try:
        if undo:
            click.echo(printable(undo_extract(module, force=force)))
            return EXIT_OK
        if force:
            raise click.UsageError("--force goes with --undo")
        result = extract_module(module, names, data_format, verify_import=verify_import,
                                dry_run=dry_run, memory_cap=memory_cap, evaluate=evaluate,
                                python=python)
    except ExtractError as error:
        click.echo(f"tidy: extract refused: {printable(str(error))}", err=True)
        return EXIT_FAIL
    click.echo(describe(result))
    return EXIT_OK
