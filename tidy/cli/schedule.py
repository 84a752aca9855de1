"""`tidy schedule install|status|remove` (the logic: tidy/watch/schedule.py)."""

from __future__ import annotations

import click

from tidy.cli.exits import EXIT_OK
from tidy.cli.options import Decorator, F


@click.group("schedule")
def schedule_group() -> None:
    """A nightly `tidy watch --once` for this user (systemd timer, launchd agent or cron)."""


def _where(function: F) -> F:
    """The folders (or crontab stand-in) each scheduler's files go to."""
    options: list[Decorator] = [
        # Said of where the files are, not of writing them: status only reads, remove deletes.
        click.option("--systemd-dir", type=click.Path(file_okay=False),
                     help="The folder of the systemd user units, instead of "
                          "$XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user; env "
                          "TIDY_SYSTEMD_USER_DIR)."),
        click.option("--launchd-dir", type=click.Path(file_okay=False),
                     help="The folder of the launchd plist, instead of ~/Library/LaunchAgents "
                          "(env TIDY_LAUNCHD_DIR)."),
        click.option("--crontab-file", type=click.Path(dir_okay=False),
                     help="A file standing in for the user's crontab (env TIDY_CRONTAB_FILE)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@schedule_group.command("install")
@click.argument("roots", nargs=-1, type=click.Path(path_type=str))
@click.option("--at", "at", help="Time of day, HH:MM (default 02:MM, a random minute).")
@click.option("--scheduler", type=click.Choice(["auto", "systemd", "launchd", "cron"]),
              default="auto", show_default=True)
@click.option("--no-activate", is_flag=True, help="Write the files; do not enable them.")
@_where
def schedule_install(roots: tuple[str, ...], at: str | None, scheduler: str, no_activate: bool,
                     systemd_dir: str | None, launchd_dir: str | None,
                     crontab_file: str | None) -> int:
    """Run `tidy watch --once ROOTS` every night (default ROOTS: the current folder)."""
    from tidy.watch import schedule

    where = schedule.locations(systemd_dir, launchd_dir, crontab_file)
    try:
        outcome = schedule.install(roots, at, scheduler, where, activate=not no_activate)
    except schedule.ScheduleError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"installed ({outcome.scheduler}): {', '.join(outcome.files)}")
    for note in outcome.notes:
        click.echo(f"  {note}")
    return EXIT_OK


@schedule_group.command("status")
@_where
def schedule_status(systemd_dir: str | None, launchd_dir: str | None,
                    crontab_file: str | None) -> int:
    """Which scheduler runs tidy, when, and what."""
    import shlex

    from tidy.watch import schedule

    try:
        found = schedule.status(schedule.locations(systemd_dir, launchd_dir, crontab_file))
    except schedule.ScheduleError as error:
        raise click.ClickException(str(error)) from None
    if not found:
        click.echo("not scheduled (`tidy schedule install` sets it up)")
    for entry in found:
        # A time tidy wrote ("02:30"), or a schedule the user edited, as written.
        when = f"daily at {entry.when}" if ":" in entry.when or entry.when == "?" \
            else f"at {entry.when!r}"
        click.echo(f"{entry.scheduler}: {when}: {shlex.join(entry.command)}")
        click.echo(f"  files: {', '.join(entry.files)}")
        if entry.next_run:
            click.echo(f"  next run: {entry.next_run}")
    return EXIT_OK


@schedule_group.command("remove")
@_where
def schedule_remove(systemd_dir: str | None, launchd_dir: str | None,
                    crontab_file: str | None) -> int:
    """Remove tidy's nightly run from every scheduler."""
    from tidy.watch import schedule

    try:
        removed = schedule.remove(schedule.locations(systemd_dir, launchd_dir, crontab_file))
    except schedule.ScheduleError as error:
        raise click.ClickException(str(error)) from None
    if not removed:
        click.echo("nothing to remove")
    for outcome in removed:
        if outcome.files:
            click.echo(f"removed ({outcome.scheduler}): {', '.join(outcome.files)}")
        for note in outcome.notes:
            click.echo(f"  {note}")
    return EXIT_OK
