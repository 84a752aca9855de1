"""`tidy cache clear`: drop the content cache (tidy/workspace/content_cache.py)."""

from __future__ import annotations

import os

import click

from tidy.cli import terminal
from tidy.cli.exits import EXIT_FAIL, EXIT_OK, EXIT_USAGE


@click.group()
def cache() -> None:
    """The content cache: what tidy learnt from each file's content, kept between scans."""


@cache.command("clear")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--all", "everything", is_flag=True,
              help="Also every plain folder's cache kept in tidy's state folder.")
def cache_clear(paths: tuple[str, ...], everything: bool) -> int:
    """Delete the content cache of the repos (or plain folders) PATHS lie in (default: the
    current folder). The next scan reads every file again and writes a new one."""
    from tidy.core.printable import printable
    from tidy.workspace import content_cache, content_notes, index_cache, untracked_cache
    from tidy.workspace.git import find_repo_root

    status = EXIT_OK
    for path in paths or (".",):
        if not os.path.isdir(path):
            terminal.out(f"tidy: error: {printable(path)}: not a folder\n", err=True)
            status = EXIT_USAGE
            continue
        folder = os.path.realpath(path)
        root = find_repo_root(folder) or folder
        index_cache.clear(root)  # the index's listing kept beside it: rebuilt as cheaply
        untracked_cache.clear(root)  # and git's listing of the untracked files
        content_notes.clear(root)  # and the cache's notes (answers kept by their inputs)
        try:
            removed = content_cache.clear(root)
        except OSError as error:  # NotACache, or the folder refuses the unlink
            where = printable(str(error.filename or root))
            terminal.out(f"tidy: {where}: {error.strerror}\n", err=True)
            status = max(status, EXIT_FAIL)
            continue
        terminal.out(f"removed {printable(removed)}\n" if removed
                     else f"{printable(root)}: no content cache\n")
    if everything:
        count = content_cache.clear_state_caches()
        terminal.out(f"removed {count} plain-folder cache(s) from the state folder\n")
    return status
