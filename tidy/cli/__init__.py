"""Command line: options -> Config -> one call into the layer below -> render -> exit code.
The only package that prints.

Exit codes (exits.py): 0 nothing over budget, 1 findings over budget, 2 usage or configuration
error, 3 internal error. One module per command; options.py holds the options several share
(written once), terminal.py printing, asking and the progress spinner. A command module
imports only click and those at import time, the layers below when it runs: `tidy --version`
and the git hooks start fast.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import click

from tidy import __version__
from tidy.cli import (
    browse,
    extract,
    fix,
    history,
    hook,
    init,
    log,
    rules,
    scan,
    schedule,
    trash,
    watch,
)
from tidy.cli.exits import EXIT_INTERNAL, EXIT_USAGE
from tidy.core.config import ConfigError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidy")
def cli() -> None:
    """Find and safely clean caches, build artifacts and repository bloat."""


for _command in (scan.scan, fix.fix, fix.undo, trash.trash, log.show_log, rules.list_rules,
                 rules.show_rule, browse.browse, history.show_history, hook.hook, init.init,
                 extract.extract, watch.watch_command, schedule.schedule_group):
    cli.add_command(_command)


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
