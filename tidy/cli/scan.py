"""`tidy scan`: options -> Config -> engine.scan and engine.finish -> trends -> reporters."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from tidy.cli import options, terminal
from tidy.cli.exits import EXIT_FAIL, EXIT_OK
from tidy.core import quick_exit
from tidy.reporters import ANCHORED, FORMATS

if TYPE_CHECKING:
    from tidy.core.models import Report
    from tidy.trends import Past


def _format_and_file(_ctx: click.Context, _param: click.Parameter,
                     items: tuple[str, ...]) -> list[tuple[str, str]]:
    found = []
    for item in items:
        report_format, _, path = item.partition("=")
        if report_format not in FORMATS or not path:
            raise click.BadParameter(f"{item!r}: expected FORMAT=FILE with FORMAT one of "
                                     f"{', '.join(FORMATS)}", param_hint="--also")
        found.append((report_format, path))
    return found


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Report format (github: annotations, and the Markdown "
              "summary appended to $GITHUB_STEP_SUMMARY when it is set).")
@click.option("--also", "also_write", multiple=True, metavar="FORMAT=FILE",
              callback=_format_and_file,
              help="Also write the same report in FORMAT to FILE (repeatable), "
              "e.g. --also sarif=tidy.sarif.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="A JSON report (--format json) of an earlier scan: only findings that are "
              "new or grew since then fail.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output (`-`: standard "
              "output).")
@options.settings("select", "ignore", "fail_on", "only_kinds", "min_size", "large_file",
                  "max_file_size", "exclude", "cross_filesystems", "history", "duplicates",
                  "history_top", "no_cache")
@options.config_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are over budget.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.option("--history-db", type=click.Path(dir_okay=False),
              help="The database of past scans' totals (`tidy history`); default: "
              "history.sqlite in tidy's state folder ($TIDY_STATE_DIR, $XDG_STATE_HOME/tidy).")
@click.option("--no-record", "no_history", is_flag=True,
              help="Do not record this scan's totals in the history database (`tidy history`).")
# Was an alias of --no-record, which read as the opposite of --history (git history's blobs).
@click.option("--no-history", "no_history_deprecated", is_flag=True, hidden=True)
def scan(paths: tuple[str, ...], output_format: str, also_write: list[tuple[str, str]],
         baseline: str | None, output: str | None, given: options.Given,
         config_path: str | None, exit_zero: bool, quiet: bool, history_db: str | None,
         no_history: bool, no_history_deprecated: bool) -> int:
    """Report caches, build artifacts and bloat under PATHS (default: the current folder)."""
    # The history (sqlite3) and the reporters are imported while the walk's workers finish
    # (engine.scan's `meanwhile`), not before the walk starts: _load_what_follows.
    from tidy.core.cycles import paused

    with paused():  # imports: nothing for the cyclic collector to free (tidy.core.cycles)
        from tidy import engine
    from tidy.workspace.measure import keep_freed_memory

    keep_freed_memory()  # this process ends with the scan (not so `tidy watch`'s)

    if no_history_deprecated:
        click.echo("tidy: warning: --no-history is deprecated and will go: it meant --no-record "
                   "(do not record this scan in the history database); --history is the walk "
                   "of git history", err=True)
        no_history = True
    paths = paths or (".",)
    config = given.config(paths[0], config_path)
    outputs = _destinations([(output_format, output), *also_write])
    known = engine.read_baseline(baseline)  # before the scan: a bad file fails at once
    # The report can hold a home folder's worth of objects: rendering it with the cyclic
    # collector on costs seconds of passes that free nothing.
    with engine.without_cycle_collection():
        report = terminal.with_progress(
            lambda progress: engine.scan(paths, config, progress, tracked_size=not no_history,
                                         anchors=any(f in ANCHORED for f, _ in outputs),
                                         meanwhile=lambda: _load_what_follows(outputs)),
            quiet)
        engine.refuse_unreadable_root(report)
        report = engine.finish(report, config, known)
        from tidy import trends

        read = any(f == "html" for f, _ in outputs)
        # Without a report that draws the history, the scan is recorded on a thread while
        # the reports are rendered and written: SQLite works without the GIL, and its commit
        # and checkpoint (a sync, 10-25 ms, more on a busy disk) need not come first.
        recording = None if read else _record_aside(report, history_db, not no_history)
        past, problem = ({}, "") if recording is not None else trends.record_and_read(
            report, history_db, save=not no_history, read=read)
        try:
            for report_format, path in outputs:
                _emit(*_render(report, report_format, path, past), path)
        finally:
            if recording is not None:
                problem = recording.result()
        if problem:
            click.echo(f"tidy: warning: history: {problem}", err=True)
    # Every report written and closed, the history's connection too: the process may end
    # without the interpreter's teardown (tidy.core.quick_exit).
    quick_exit.allow()
    return EXIT_FAIL if report.failed and not exit_zero else EXIT_OK


class _Recording:
    """trends.record_and_read(save=...) of one report on a thread of its own; result() waits
    for it and gives its warning ("" when none)."""

    def __init__(self, report: Report, history_db: str | None, save: bool) -> None:
        import threading

        self._problem = ""
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(report, history_db, save),
                                        name="tidy-history")
        self._thread.start()

    def _run(self, report: Report, history_db: str | None, save: bool) -> None:
        from tidy import trends

        try:
            _, self._problem = trends.record_and_read(report, history_db, save=save,
                                                      read=False)
        except BaseException as error:  # raised again in the scan's own thread
            self._error = error

    def result(self) -> str:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._problem


def _record_aside(report: Report, history_db: str | None, save: bool) -> _Recording | None:
    return _Recording(report, history_db, save) if save else None


def _load_what_follows(outputs: list[tuple[str, str | None]]) -> None:
    """The modules the scan's end uses (the history database, each report's reporter),
    imported during the walk, when this process would otherwise wait for its workers."""
    import importlib

    import tidy.reporters.render
    import tidy.trends  # noqa: F401 (the name `tidy`, bound once)

    for report_format, _ in outputs:
        importlib.import_module(f"tidy.reporters.{report_format}")


def _destinations(outputs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Each report's format and file, None for standard output (`-` is standard output, as
    for most tools: it wrote a file named `-` into the current folder). Two reports to one
    place are refused: one overwrote the other, or two ran together on standard output. A
    file that cannot be written is found now, not after the scan printed the first report."""
    found: list[tuple[str, str | None]] = []
    seen: dict[str, str] = {}
    for report_format, path in outputs:
        where = None if path in (None, "-") else path
        key = "" if where is None else os.path.realpath(where)
        given = "standard output" if where is None else where
        if key in seen:
            raise click.UsageError(f"{seen[key]} and {report_format} both go to {given}: give "
                                   "each report its own file (`-` is standard output)")
        seen[key] = report_format
        if where is not None:
            _check_writable(where)
        found.append((report_format, where))
    return found


def _check_writable(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise click.FileError(path, hint="it is a folder")
    if not os.path.isdir(folder):
        raise click.FileError(path, hint=f"no folder {folder}")


def _render(report: Report, report_format: str, output: str | None,
            past: Past) -> tuple[str, bool]:
    """The report's text, and whether it holds colour (ANSI styling) on purpose."""
    from tidy.reporters.render import render

    if report_format == "github":
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:  # GitHub renders this file's Markdown on the run's page
            from tidy.reporters import github

            with open(summary_file, "a", encoding="utf-8") as f:
                f.write(github.summary(report))
    width, color = terminal.width_and_color(output is None and sys.stdout.isatty(),
                                            to_stdout=output is None)
    text = render(report, report_format, past, width=width, color=color,
                  workspace=os.environ.get("GITHUB_WORKSPACE"))
    return text, color and report_format == "text"


def _emit(text: str, color: bool, output: str | None) -> None:
    if output is None:
        # click strips ANSI styling from what is not a terminal unless told it is wanted
        # (FORCE_COLOR through a pipe); None keeps that for every other output.
        click.echo(text, nl=False, color=True if color else None)
        return
    try:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as error:  # a usage problem (exit 2), not a bug in tidy (exit 3)
        raise click.FileError(output, hint=error.strerror or str(error)) from None
