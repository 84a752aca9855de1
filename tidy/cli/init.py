"""`tidy init`: print or write the pre-commit config and a starter [tool.tidy]
(tidy/precommit/init.py)."""

from __future__ import annotations

import click

from tidy.cli.exits import EXIT_FAIL, EXIT_OK


@click.command("init")
@click.argument("folder", default=".", type=click.Path(file_okay=False, exists=True,
                                                        path_type=str))
@click.option("--write", is_flag=True, help="Write the files instead of printing them.")
@click.option("--force", is_flag=True, help="With --write: overwrite existing files.")
@click.option("--repo", help="Hook repository URL for .pre-commit-config.yaml "
              "(default: a `repo: local` hook that runs the installed tidy).")
@click.option("--rev", help="With --repo: the commit or tag to pin (default: the commit this "
              "tidy was installed from; required when that is unknown).")
def init(folder: str, write: bool, force: bool, repo: str | None, rev: str | None) -> int:
    """Print (or --write) a .pre-commit-config.yaml with tidy's hooks and a starter config."""
    from tidy.precommit.init import (
        PRE_COMMIT_CONFIG,
        UnknownRev,
        pre_commit_snippet,
        pyproject_tables,
        resolved,
        write_config,
        write_pre_commit,
    )

    try:
        made = pre_commit_snippet(repo, rev)
    except UnknownRev as error:
        raise click.UsageError(str(error)) from None
    if made.note:
        click.echo(f"tidy init: {made.note}", err=True)
    snippet = made.text
    if not write:
        click.echo(f"# --- {PRE_COMMIT_CONFIG}\n{snippet}\n"
                   f"# --- pyproject.toml (or .tidy.toml without the `tool.tidy` prefix)\n"
                   f"{pyproject_tables()}", nl=False)
        return EXIT_OK
    real = resolved(folder)  # once: both files go to the folder named now
    outcomes = [write_pre_commit(folder, snippet, force, real),
                write_config(folder, force, real)]
    for outcome in outcomes:
        note = f": {outcome.reason}" if outcome.reason else ""
        click.echo(f"{outcome.action:>8}  {outcome.path}{note}")
    if any(o.action == "kept" for o in outcomes):
        return EXIT_FAIL
    click.echo("next: pre-commit install --hook-type pre-commit --hook-type pre-push")
    return EXIT_OK
