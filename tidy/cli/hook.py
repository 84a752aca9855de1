"""`tidy hook check-staged|check-push`: what tidy's git hooks run (tidy/precommit/checks.py).

Imports only click at import time, so that a hook starts fast; the checks load when one runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import click

from tidy.cli import options
from tidy.cli.exits import EXIT_FAIL, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from tidy.precommit.checks import Problem


@click.group("hook")
def hook() -> None:
    """Checks for git hooks: what is staged (pre-commit), what is pushed (pre-push)."""


_MAX_SIZE_HELP = ("Fail on files bigger than this (default: [tool.tidy.budgets] largest-file, "
                  "else large-file: 1 MB).")


def _report(problems: Sequence[Problem], scope: str) -> int:
    if not problems:
        return EXIT_OK
    lines = [f"tidy: {len(problems)} problem(s) in {scope}:"]
    lines += [problem.render() for problem in problems]
    click.echo("\n".join(lines))
    return EXIT_FAIL


def _run(job: Callable[[], list[Problem]], scope: str) -> int:
    from tidy.workspace.git import GitUnavailable

    try:
        problems = job()
    except GitUnavailable as error:  # not a repository: a usage problem
        click.echo(f"tidy: error: {error}", err=True)
        return EXIT_USAGE
    return _report(problems, scope)


@hook.command("check-staged")
@click.argument("files", nargs=-1, type=click.Path(path_type=str))
@click.option("--max-size", callback=options.size, help=_MAX_SIZE_HELP)
@options.config_option
def check_staged_command(files: tuple[str, ...], max_size: int | None,
                         config_path: str | None) -> int:
    """Block caches, build outputs and too-big files among the staged FILES (sizes of the
    staged blobs, not of the working tree)."""
    from tidy.precommit.checks import check_staged

    if not files:
        return EXIT_OK
    return _run(lambda: check_staged(os.getcwd(), files, config_path, max_size),
                "what is staged")


@hook.command("check-push")
@click.option("--from-ref", envvar="PRE_COMMIT_FROM_REF",
              help="Start of the pushed range (default: $PRE_COMMIT_FROM_REF).")
@click.option("--to-ref", envvar="PRE_COMMIT_TO_REF",
              help="End of the pushed range (default: $PRE_COMMIT_TO_REF, else HEAD).")
@click.option("--max-size", callback=options.size, help=_MAX_SIZE_HELP)
@options.config_option
def check_push_command(from_ref: str | None, to_ref: str | None, max_size: int | None,
                       config_path: str | None) -> int:
    """Check every blob added in FROM..TO, in every commit of the range (a file added and
    deleted inside the range still counts); without a range, HEAD's whole tree."""
    from tidy.precommit.checks import check_range

    target = (to_ref or "HEAD")[:12]
    scope = f"the pushed commits ({from_ref[:12]}..{target})" if from_ref else f"{target}'s tree"
    return _run(lambda: check_range(os.getcwd(), from_ref, to_ref, config_path, max_size), scope)
