"""Command line: arguments -> Config -> engine -> reporter. The only module that prints.

Exit codes: 0 nothing over budget, 1 findings over budget, 2 usage or configuration error,
3 internal error.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from tidy import __version__
from tidy.config import Config, ConfigError
from tidy.config import load as load_config
from tidy.units import parse_size

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
REPORT_FORMATS = ["text", "json", "sarif", "github", "gitlab", "markdown", "html"]


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip() for c in value.split(",") if c.strip())


def _size_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _with_overrides(config: Config, **overrides: Any) -> Config:
    changes = {k: v for k, v in overrides.items() if v is not None}
    return dataclasses.replace(config, **changes)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidy")
def cli() -> None:
    """Find and safely clean caches, build artifacts and repository bloat."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(REPORT_FORMATS), default="text",
              show_default=True, help="Report format (github: annotations, and the Markdown "
              "summary appended to $GITHUB_STEP_SUMMARY when it is set).")
@click.option("--also", "also_write", multiple=True, metavar="FORMAT=FILE",
              help="Also write the same report in FORMAT to FILE (repeatable), "
              "e.g. --also sarif=tidy.sarif.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="A JSON report (--format json) of an earlier scan: only findings that are "
              "new or grew since then fail.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("--select", help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--fail-on", help="Codes or prefixes whose findings fail the scan (exit 1); "
              "'none' for never. Default: TDY102,TDY202.")
@click.option("--kind", "kinds", help="Only these catalogue kinds (comma-separated), "
              "opt-in kinds such as venv included.")
@click.option("--min-size", callback=_size_option,
              help="Hide findings smaller than this (e.g. 1MB).")
@click.option("--large-file", callback=_size_option,
              help="Report tracked files over this size.")
@click.option("--max-file-size", callback=_size_option,
              help="Fail on tracked files over this size.")
@click.option("--exclude", multiple=True, help="Gitignore-style pattern to leave out (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Read settings from this file instead of the nearest .tidy.toml/pyproject.toml.")
@click.option("--cross-filesystems", is_flag=True, default=None,
              help="Descend into other mounted filesystems.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are over budget.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.option("--history", is_flag=True, default=None,
              help="Also report the biggest blobs in git history (TDY203, TDY206).")
@click.option("--duplicates", is_flag=True, default=None,
              help="Full duplicate search: every file and whole folders (TDY205); without it "
              "only big files (over duplicate-min-size) are compared.")
@click.option("--top", "history_top", type=click.IntRange(min=1), default=None,
              help="With --history: how many of the biggest blobs to report (default 10).")
@click.option("--history-db", type=click.Path(dir_okay=False),
              help="The database of past scans' totals (`tidy history`); default: "
              "history.sqlite in tidy's state folder ($TIDY_STATE_DIR, $XDG_STATE_HOME/tidy).")
@click.option("--no-record", "--no-history", "no_history", is_flag=True,
              help="Do not record this scan's totals in the history database.")
def scan(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    kinds: str | None,
    min_size: int | None,
    large_file: int | None,
    max_file_size: int | None,
    exclude: tuple[str, ...],
    config_path: str | None,
    cross_filesystems: bool | None,
    exit_zero: bool,
    quiet: bool,
    history: bool | None = None,
    history_top: int | None = None,
    duplicates: bool | None = None,
    also_write: tuple[str, ...] = (),
    baseline: str | None = None,
    history_db: str | None = None,
    no_history: bool = False,
) -> int:
    """Report caches, build artifacts and bloat under PATHS (default: the current folder)."""
    from tidy import engine

    paths = paths or (".",)
    config = load_config(paths[0], config_path)
    fail_codes = _codes(fail_on)
    config = _with_overrides(
        config,
        select=_codes(select),
        ignore=_codes(ignore),
        fail_on=() if fail_codes in (("NONE",), ()) and fail_on is not None else fail_codes,
        only_kinds=_names(kinds),
        min_size=min_size,
        large_file=large_file,
        max_file_size=max_file_size,
        exclude=(*config.exclude, *exclude) if exclude else None,
        cross_filesystems=cross_filesystems,
        history=history,
        history_top=history_top,
        duplicates=duplicates,
    )
    extra_outputs = [_format_and_file(item) for item in also_write]
    known = _load_baseline(baseline)  # before the scan: a bad file fails at once
    # The report can hold a home folder's worth of objects: rendering it with the cyclic
    # collector on costs seconds of passes that free nothing.
    with engine.without_cycle_collection():
        report = _run_with_progress(
            lambda progress: engine.scan(paths, config, progress, tracked_size=not no_history),
            quiet)
        report = _budgets_and_baseline(report, config, known)
        wants_past = "html" in (output_format, *(f for f, _ in extra_outputs))
        past = _record_history(report, history_db, not no_history, wants_past)
        _emit(_render(report, output_format, output, past), output)
        for extra_format, extra_file in extra_outputs:
            _emit(_render(report, extra_format, extra_file, past), extra_file)
    return EXIT_FAIL if report.failed and not exit_zero else EXIT_OK


def _format_and_file(item: str) -> tuple[str, str]:
    report_format, _, path = item.partition("=")
    if report_format not in REPORT_FORMATS or not path:
        raise click.BadParameter(f"{item!r}: expected FORMAT=FILE with FORMAT one of "
                                 f"{', '.join(REPORT_FORMATS)}", param_hint="--also")
    return report_format, path


def _load_baseline(path: str | None) -> Any:
    if path is None:
        return None
    from tidy import budgets

    return budgets.load_baseline(path)


def _budgets_and_baseline(report: Any, config: Config, baseline: Any) -> Any:
    from tidy import budgets

    return budgets.finish(report, config, baseline)


def _record_history(report: Any, db_path: str | None, record: bool, read: bool) -> Any:
    """Append the scan's totals to the history (never in the engine); the groups' past scans
    when a report draws them. A history that cannot be used is a warning, not a failed scan."""
    import sqlite3

    from tidy import history

    path = db_path or history.default_path()
    try:
        if record:
            history.record(report, path)
        if not read or not os.path.exists(path):
            return {}
        with history.History(path, create=False) as past:
            return {g.root: past.entries(g.root, limit=500) for g in report.groups}
    except (history.HistoryError, sqlite3.Error) as error:
        click.echo(f"tidy: warning: history: {error}", err=True)
        return {}


def _render(report: Any, output_format: str, output: str | None, past: Any = None) -> str:
    if output_format == "html":
        from tidy.reporters import html

        return html.render(report, past)
    if output_format == "json":
        from tidy.reporters import json as json_reporter

        return json_reporter.render(report)
    if output_format in ("sarif", "gitlab", "markdown"):
        import importlib

        return str(importlib.import_module(f"tidy.reporters.{output_format}").render(report))
    if output_format == "github":
        return _render_github(report)
    from tidy.reporters import text

    to_terminal = output is None and sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if to_terminal else 120
    return text.render(report, width=width, color=to_terminal)


def _render_github(report: Any) -> str:
    from tidy.reporters import github

    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:  # GitHub renders this file's Markdown on the run's page
        with open(summary_file, "a", encoding="utf-8") as f:
            f.write(github.summary(report))
    return github.render(report, workspace=os.environ.get("GITHUB_WORKSPACE"))


def _emit(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as error:  # a usage problem (exit 2), not a bug in tidy (exit 3)
        raise click.FileError(output, hint=error.strerror or str(error)) from None


def _run_with_progress(job: Callable[[Any], Any], quiet: bool) -> Any:
    if quiet or not _interactive():
        return job(None)
    import humanize
    from rich.console import Console
    from rich.live import Live
    from rich.spinner import Spinner

    # No auto-refresh thread: the walk forks measuring workers, and fork wants one thread.
    spinner = Spinner("dots", "scanning ...")
    with Live(spinner, console=Console(stderr=True), auto_refresh=False, transient=True) as live:
        def progress(entries: int, size: int) -> None:
            spinner.update(text=f"scanning ... {entries:,} entries, {humanize.naturalsize(size)}")
            live.refresh()

        return job(progress)


@cli.command("rules")
def list_rules() -> int:
    """List every rule with its code and summary."""
    from tidy.rules.registry import RULES

    for rule in RULES:
        click.echo(f"{rule.code}  {rule.name:<24} {rule.summary}")
    return EXIT_OK


@cli.command("rule")
@click.argument("code")
def show_rule(code: str) -> int:
    """Explain one rule (by code such as TDY101, or by name)."""
    from tidy.rules.registry import by_code_or_name

    rule = by_code_or_name(code)
    if rule is None:
        raise click.UsageError(f"no rule {code!r}; `tidy rules` lists them")
    click.echo(f"{rule.code} {rule.name}\n\n{rule.summary}.\n\n{rule.doc}\n\n"
               f"fix: {rule.fix_applicability}")
    return EXIT_OK



# -- fix / undo / trash / log (issue 3). The logic lives in tidy/fixes/commands.py. ----------
def _age_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> float | None:
    if value is None:
        return None
    from tidy.units import parse_age

    try:
        return parse_age(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _out(text: str, err: bool = False) -> None:
    click.echo(text, nl=False, err=err)


def _ask(question: str) -> bool:
    return click.confirm(question, default=False, err=True)


def _can_ask() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def _fix_errors() -> tuple[type[Exception], ...]:
    from tidy.fixes.commands import CommandError
    from tidy.fixes.plan import PlanRefused
    from tidy.journal import JournalError

    return CommandError, PlanRefused, JournalError


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-y", "--yes", is_flag=True, help="Apply without asking (needed without a terminal).")
@click.option("--dry-run", "--diff", "dry_run", is_flag=True,
              help="Show the plan and change nothing.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Also apply unsafe fixes (costly to rebuild, or changes the git index).")
@click.option("--select", help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--kind", "kinds", help="Only these catalogue kinds (comma-separated).")
@click.option("--older-than", callback=_age_option,
              help="Only projects whose own newest file is older than this (e.g. 14d).")
@click.option("--skip-recent", callback=_age_option, default="10s", show_default=True,
              help="Leave alone anything written more recently than this (a running build); "
                   "0s turns the check off.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format (json: the plan and the result).")
@click.option("--exclude", multiple=True, help="Gitignore-style pattern to leave out (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Read settings from this file instead of the nearest .tidy.toml/pyproject.toml.")
@click.option("--cross-filesystems", is_flag=True, default=None,
              help="Descend into other mounted filesystems.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
def fix(
    paths: tuple[str, ...], yes: bool, dry_run: bool, unsafe_fixes: bool, select: str | None,
    ignore: str | None, kinds: str | None, older_than: float | None, skip_recent: float,
    output_format: str, exclude: tuple[str, ...], config_path: str | None,
    cross_filesystems: bool | None, quiet: bool,
) -> int:
    """Move caches and build outputs under PATHS to tidy's trash (undo with `tidy undo`).

    Shows the plan first and asks on a terminal; --yes applies without asking, --dry-run
    changes nothing. Exit 0 done, 1 something failed or was skipped for a safety reason,
    2 usage (no terminal and no --yes), 3 internal error.
    """
    from tidy import engine
    from tidy.fixes.commands import FixRequest, run_fix

    paths = paths or (".",)
    config = load_config(paths[0], config_path)
    config = _with_overrides(
        config, select=_codes(select), ignore=_codes(ignore), only_kinds=_names(kinds),
        exclude=(*config.exclude, *exclude) if exclude else None,
        cross_filesystems=cross_filesystems,
    )
    to_terminal = sys.stdout.isatty()
    request = FixRequest(
        paths=paths, config=config, yes=yes, dry_run=dry_run, unsafe=unsafe_fixes,
        select=_codes(select) or (), ignore=_codes(ignore) or (), kinds=_names(kinds) or (),
        older_than=older_than, skip_recent=skip_recent or 0.0, output_format=output_format,
        can_ask=_can_ask(), width=shutil.get_terminal_size().columns if to_terminal else 120,
        color=to_terminal,
    )

    def scan_paths(scan_paths: Sequence[str], scan_config: Config) -> Any:
        return _run_with_progress(
            lambda progress: engine.scan(scan_paths, scan_config, progress), quiet)

    try:
        return run_fix(request, scan_paths, _out, _ask)
    except _fix_errors() as error:
        raise click.ClickException(str(error)) from None


@cli.command()
@click.argument("run_id", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def undo(run_id: str | None, output_format: str) -> int:
    """Put back everything the last fix run (or run RUN_ID) moved or untracked."""
    from tidy.fixes.commands import run_undo

    try:
        return run_undo(run_id, output_format, _out)
    except _fix_errors() as error:
        raise click.ClickException(str(error)) from None


@cli.group()
def trash() -> None:
    """tidy's trash: what fix runs moved, until purged."""


@trash.command("list")
@click.option("--all", "show_all", is_flag=True, help="Also runs that were undone or purged.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def trash_list(show_all: bool, output_format: str) -> int:
    """Runs in the trash, with sizes and ages; interrupted runs are flagged."""
    from tidy.fixes.commands import run_trash_list

    to_terminal = sys.stdout.isatty()
    return run_trash_list(output_format, show_all, _out,
                          width=shutil.get_terminal_size().columns if to_terminal else 120,
                          color=to_terminal)


@trash.command("purge")
@click.argument("run_ids", nargs=-1)
@click.option("--older-than", callback=_age_option,
              help="Only runs that finished longer ago than this (e.g. 7d).")
@click.option("--dry-run", is_flag=True, help="Say what would be freed; delete nothing.")
@click.option("-y", "--yes", is_flag=True, help="Do not ask, even on a terminal.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def trash_purge(run_ids: tuple[str, ...], older_than: float | None, dry_run: bool, yes: bool,
                output_format: str) -> int:
    """Delete the trash of RUN_IDS (default: every run) for good, freeing the space.

    Asks on a terminal unless --yes; without a terminal the command itself is the consent.
    """
    from tidy.fixes.commands import run_trash_purge

    try:
        return run_trash_purge(older_than, run_ids, dry_run, yes, _can_ask(), output_format,
                               _out, _ask)
    except _fix_errors() as error:
        raise click.ClickException(str(error)) from None


@cli.command("log")
@click.option("-n", "--limit", type=click.IntRange(min=0), help="Only the last N entries.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def show_log(limit: int | None, output_format: str) -> int:
    """The audit log: what fix, undo and purge changed, when, how much, by which command."""
    from tidy.fixes.commands import run_log

    return run_log(output_format, limit, _out)

@cli.command("browse")
@click.argument("path", required=False, default=".", type=click.Path(path_type=str))
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Read settings from this file instead of the nearest .tidy.toml/pyproject.toml.")
@click.option("--skip-recent", callback=_age_option, default="10s", show_default=True,
              help="Leave alone anything written more recently than this (a running build).")
def browse(path: str, config_path: str | None, skip_recent: float) -> int:
    """Look through what a scan of PATH finds, choose, and clean it (a terminal UI).

    Marked findings go through the same plan, re-checks and journal as `tidy fix`:
    `tidy undo` puts a run back, `tidy log` lists it. Keys: press ? in the app.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise click.ClickException("tidy browse needs a terminal; `tidy scan` reports "
                                   "without one")
    if not os.path.isdir(path):
        raise click.ClickException(f"{path}: not a folder")
    from tidy.browse import run  # Textual is imported here only: other commands stay fast

    return run(path, load_config(path, config_path), skip_recent or 0.0)


@cli.command("history")
@click.argument("path", required=False, default=".", type=click.Path(path_type=str))
@click.option("--history-db", type=click.Path(dir_okay=False),
              help="The database to read (default: history.sqlite in tidy's state folder).")
@click.option("-n", "--limit", type=click.IntRange(min=1), help="Only the last N scans.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def show_history(path: str, history_db: str | None, limit: int | None,
                 output_format: str) -> int:
    """How the totals of PATH's repo (or of every repo below PATH) moved, scan after scan."""
    from tidy import history

    to_terminal = sys.stdout.isatty()
    try:
        text = history.command(path, history_db, limit, output_format,
                               width=shutil.get_terminal_size().columns if to_terminal else 100,
                               color=to_terminal)
    except history.HistoryError as error:
        raise click.ClickException(str(error)) from None
    click.echo(text, nl=False)
    return EXIT_OK


def _add_integrations() -> None:
    # Defined in their own modules, which import only click at import time (fast hooks).
    from tidy.hook import hook
    from tidy.init import init

    cli.add_command(hook)
    cli.add_command(init)


_add_integrations()


@cli.command("extract")
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
@click.option("--memory-cap", callback=_size_option, default="2GiB", show_default=True,
              help="Address-space cap of each converting worker process.")
def extract(module: str, names: tuple[str, ...], data_format: str, evaluate: bool,
            python: str | None, verify_import: bool, dry_run: bool, undo: bool, force: bool,
            memory_cap: int) -> int:
    """Move the data of MODULE to a JSON file with a small loader stub (TDY301)."""
    from tidy.extract.core import ExtractError, extract_module, undo_extract
    from tidy.extract.report import describe

    try:
        if undo:
            click.echo(undo_extract(module, force=force))
            return EXIT_OK
        if force:
            raise click.UsageError("--force goes with --undo")
        result = extract_module(module, names, data_format, verify_import=verify_import,
                                dry_run=dry_run, memory_cap=memory_cap, evaluate=evaluate,
                                python=python)
    except ExtractError as error:
        click.echo(f"tidy: extract refused: {error}", err=True)
        return EXIT_FAIL
    click.echo(describe(result))
    return EXIT_OK


# -- watch / schedule (issue 9). The logic lives in tidy/watch/ and tidy/schedule.py. ---------
@cli.command("watch")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--once", is_flag=True, help="One pass of the policy over PATHS, then exit "
              "(what cron and the nightly timer run).")
@click.option("--status", "show_status", is_flag=True,
              help="Show whether a watcher runs, its mode, and what it did recently.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output of --once and --status.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Read settings from this file instead of the nearest .tidy.toml/pyproject.toml.")
@click.option("--mode", type=click.Choice(["inotify-selective", "inotify-projects", "periodic",
                                           "native-recursive"]),
              help="Force a watch mode (default: the cheapest that fits the inotify budget).")
@click.option("--max-watches", type=click.IntRange(min=1),
              help="inotify watches tidy may use (default: half of the free ones).")
@click.option("--settle", callback=_age_option, help="Quiet time before a rescan (e.g. 2s).")
@click.option("--quiet-period", callback=_age_option,
              help="Leave alone anything written more recently than this (e.g. 10s).")
@click.option("--stop-after", callback=_age_option, help="Stop watching after this long.")
def watch_command(paths: tuple[str, ...], once: bool, show_status: bool, output_format: str,
                  config_path: str | None, mode: str | None, max_watches: int | None,
                  settle: float | None, quiet_period: float | None,
                  stop_after: float | None) -> int:
    """Keep PATHS clean as they change, by the [tool.tidy.watch] policy (undo: `tidy undo`)."""
    import json

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
            click.echo(json.dumps(dataclasses.asdict(result), indent=2) + "\n"
                       if output_format == "json" else runner.describe(result), nl=False)
            return EXIT_FAIL if result.failed else EXIT_OK
        options = runner.WatchOptions(roots, config_path, overrides, mode, max_watches,
                                      max_seconds=stop_after)
        return runner.watch(options, say=lambda text: click.echo(text, err=True))
    except runner.WatchError as error:
        raise click.ClickException(str(error)) from None


@cli.group("schedule")
def schedule_group() -> None:
    """A nightly `tidy watch --once` for this user (systemd timer, launchd agent or cron)."""


def _schedule_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.option("--systemd-dir", type=click.Path(file_okay=False),
                     help="Write the systemd units here (env TIDY_SYSTEMD_USER_DIR)."),
        click.option("--launchd-dir", type=click.Path(file_okay=False),
                     help="Write the launchd plist here (env TIDY_LAUNCHD_DIR)."),
        click.option("--crontab-file", type=click.Path(dir_okay=False),
                     help="A file standing in for the crontab (env TIDY_CRONTAB_FILE)."),
    ]):
        function = option(function)
    return function


@schedule_group.command("install")
@click.argument("roots", nargs=-1, type=click.Path(path_type=str))
@click.option("--at", "at", help="Time of day, HH:MM (default 02:MM, a random minute).")
@click.option("--scheduler", type=click.Choice(["auto", "systemd", "launchd", "cron"]),
              default="auto", show_default=True)
@click.option("--no-activate", is_flag=True, help="Write the files; do not enable them.")
@_schedule_options
def schedule_install(roots: tuple[str, ...], at: str | None, scheduler: str, no_activate: bool,
                     systemd_dir: str | None, launchd_dir: str | None,
                     crontab_file: str | None) -> int:
    """Run `tidy watch --once ROOTS` every night (default ROOTS: the current folder)."""
    from tidy import schedule

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
@_schedule_options
def schedule_status(systemd_dir: str | None, launchd_dir: str | None,
                    crontab_file: str | None) -> int:
    """Which scheduler runs tidy, when, and what."""
    import shlex

    from tidy import schedule

    found = schedule.status(schedule.locations(systemd_dir, launchd_dir, crontab_file))
    if not found:
        click.echo("not scheduled (`tidy schedule install` sets it up)")
    for entry in found:
        click.echo(f"{entry.scheduler}: daily at {entry.when}: {shlex.join(entry.command)}")
        click.echo(f"  files: {', '.join(entry.files)}")
        if entry.next_run:
            click.echo(f"  next run: {entry.next_run}")
    return EXIT_OK


@schedule_group.command("remove")
@_schedule_options
def schedule_remove(systemd_dir: str | None, launchd_dir: str | None,
                    crontab_file: str | None) -> int:
    """Remove tidy's nightly run from every scheduler."""
    from tidy import schedule

    try:
        removed = schedule.remove(schedule.locations(systemd_dir, launchd_dir, crontab_file))
    except schedule.ScheduleError as error:
        raise click.ClickException(str(error)) from None
    if not removed:
        click.echo("nothing to remove")
    for outcome in removed:
        click.echo(f"removed ({outcome.scheduler}): {', '.join(outcome.files)}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    try:
        result = cli.main(args=list(argv) if argv is not None else None,
                          prog_name="tidy", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as error:
        error.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return EXIT_USAGE
    except (ConfigError, _usage_errors()) as error:
        click.echo(f"tidy: error: {error}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        click.echo("tidy: interrupted", err=True)
        return 130
    except Exception as error:  # the promise is one line and exit 3, never a traceback
        if isinstance(error, OSError) and _cwd_gone():
            # `cd dir; rm -rf ../dir; tidy scan`: the input (where it runs from), not a bug.
            click.echo("tidy: error: the current folder no longer exists (it was deleted or "
                       "moved while this shell was in it): cd to a folder that exists, or "
                       "give absolute paths", err=True)
            return EXIT_USAGE
        if os.environ.get("TIDY_DEBUG"):
            raise
        click.echo(f"tidy: internal error: {type(error).__name__}: {error} "
                   "(set TIDY_DEBUG=1 for a traceback)", err=True)
        return EXIT_INTERNAL
    return int(result or 0)


def _cwd_gone() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _usage_errors() -> type[Exception]:
    from tidy.engine import ScanError

    return ScanError
