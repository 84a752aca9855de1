"""`tidy watch` (the logic: tidy/watch/)."""

from __future__ import annotations

import click

from tidy.cli import options
from tidy.cli.exits import EXIT_FAIL, EXIT_OK


@click.command("watch")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--once", is_flag=True, help="One pass of the policy over PATHS, then exit "
              "(what cron and the nightly timer run).")
@click.option("--status", "show_status", is_flag=True,
              help="Show whether a watcher runs, its mode, and what it did recently.")
@options.format_option("Output of --once and --status.")
@options.config_option
@click.option("--mode", type=click.Choice(["inotify-selective", "inotify-projects", "periodic",
                                           "native-recursive"]),
              help="Force a watch mode (default: the cheapest that fits the inotify budget).")
@click.option("--max-watches", type=click.IntRange(min=1),
              help="inotify watches tidy may use (default: half of the free ones).")
@click.option("--settle", callback=options.age, help="Quiet time before a rescan (e.g. 2s).")
@click.option("--quiet-period", callback=options.age,
              help="Leave alone anything written more recently than this (e.g. 10s).")
@click.option("--stop-after", callback=options.age, help="Stop watching after this long.")
def watch_command(paths: tuple[str, ...], once: bool, show_status: bool, output_format: str,
                  config_path: str | None, mode: str | None, max_watches: int | None,
                  settle: float | None, quiet_period: float | None,
                  stop_after: float | None) -> int:
    """Keep PATHS clean as they change, by the [tool.tidy.watch] policy (undo: `tidy undo`)."""
    from tidy.fixes.journal import JournalError
    from tidy.watch import runner, status

    if show_status:
        found = status.collect()
        click.echo(status.render_json(found) if output_format == "json"
                   else status.render_text(found), nl=False)
        return EXIT_OK
    overrides = {k: v for k, v in (("settle", settle), ("quiet", quiet_period)) if v is not None}
    try:
        roots = runner.check_roots(paths or (".",))
        if once:
            result = runner.run_once(roots, config_path, overrides)
            click.echo(runner.result_json(result) if output_format == "json"
                       else runner.describe(result), nl=False)
            return EXIT_FAIL if result.failed else EXIT_OK
        watching = runner.WatchOptions(roots, config_path, overrides, mode, max_watches,
                                        max_seconds=stop_after)
        return runner.watch(watching, say=lambda text: click.echo(text, err=True))
    except (runner.WatchError, JournalError) as error:  # JournalError: a full state disk ...
        raise click.ClickException(str(error)) from None
