"""Whether a place a journal entry names is inside one of git's own folders, by what the
folder is rather than by its name.

A git directory need not be called `.git`: `git init --separate-git-dir=ROOT/gitdata`, a
worktree's or submodule's `.git` file naming a folder elsewhere in the root, and a
`core.hooksPath` naming a folder of the tree all hold what git reads or runs at its next
command (config, hooks). Undo and recovery must never put anything there, whatever a
tampered journal says (tidy.fixes.apply.refusal).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

from tidy.workspace.git import GitUnavailable, find_repo_root, run_git


def is_git_dir(folder: str) -> bool:
    """Whether git would take `folder` as a repository's directory (its
    is_git_directory: a HEAD that is a ref or an object id, and objects and refs, or a
    `commondir` file naming them: a project's own file called HEAD is not enough).
    Read with no link followed at the folder's own entries."""
    if not _valid_head(os.path.join(folder, "HEAD")):
        return False
    if _kind(os.path.join(folder, "commondir"), stat.S_ISREG):
        return True  # a linked worktree's git folder
    return all(_kind(os.path.join(folder, name), stat.S_ISDIR) for name in ("objects", "refs"))


def _valid_head(path: str) -> bool:
    """HEAD as git's validate_headref takes it: `ref: refs/...`, an object id, or (old
    gits) a link into refs/."""
    try:
        if os.path.islink(path):
            return os.readlink(path).startswith("refs/")
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK)
    except (OSError, ValueError):
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, 256).strip()
    except OSError:
        return False
    finally:
        os.close(fd)
    return head.startswith(b"ref: refs/") or (
        len(head) in (40, 64) and all(c in b"0123456789abcdef" for c in head))


def _kind(path: str, *tests: Callable[[int], bool]) -> bool:
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return False
    return any(test(mode) for test in tests)


def git_folder_on_the_way(path: str, top: str) -> str | None:
    """The first folder from `path` up to `top` (both included) that is a git directory,
    or None. `path` must be `top` or below it (lexically)."""
    current = path
    while True:
        if is_git_dir(current):
            return current
        parent = os.path.dirname(current)
        if current == top or parent == current:
            return None
        current = parent


class GitFolders:
    """The folders git itself names for the repositories a journal's places are in (`git
    rev-parse --git-dir --git-common-dir`, and each core.hooksPath set),
    asked once per repository for one look at a run's journal."""

    def __init__(self) -> None:
        self._of_repo: dict[str, tuple[str, ...]] = {}
        self._repo_at: dict[str, str | None] = {}

    def holding(self, path: str, *folders: str) -> str | None:
        """The git folder (or hooks folder) of the repository around `path` or around one
        of `folders` that holds `path`, or None."""
        real = os.path.join(_resolved(os.path.dirname(path)), os.path.basename(path))
        repos = {self._repo_around(f) for f in (path, *folders)}
        for repo in sorted(r for r in repos if r):
            for place in self._folders(repo):
                if _inside(path, place) or _inside(real, place):
                    return place
        return None

    def _repo_around(self, path: str) -> str | None:
        start = _existing(path)
        if start not in self._repo_at:  # entries share their folders: one look each
            self._repo_at[start] = find_repo_root(start)
        return self._repo_at[start]

    def _folders(self, repo: str) -> tuple[str, ...]:
        if repo not in self._of_repo:
            self._of_repo[repo] = _asked(repo)
        return self._of_repo[repo]


def _asked(repo: str) -> tuple[str, ...]:
    """git's own folders for `repo`, each as written and with its links resolved."""
    try:
        out = run_git(repo, "rev-parse", "--git-dir", "--git-common-dir")
    except (GitUnavailable, OSError):
        return ()
    named = [line for line in os.fsdecode(out).splitlines() if line] + _hooks_paths(repo)
    places: set[str] = set()
    for line in named:  # relative ones are from `repo`: git's -C and where hooks run
        place = os.path.normpath(os.path.join(repo, os.path.expanduser(line)))
        places.update((place, _resolved(place)))
    return tuple(sorted(places))


def _hooks_paths(repo: str) -> list[str]:
    """Every core.hooksPath the repository's and the user's config files set. tidy's own
    git runs with a hooksPath of its own on the command line (workspace.git.no_commands),
    so `--git-path hooks` would answer that one: the files' values are read instead."""
    try:
        out = run_git(repo, "config", "--show-scope", "-z", "--get-all", "core.hooksPath",
                      check=False)
    except (GitUnavailable, OSError):
        return []
    fields = os.fsdecode(out).split("\0")
    return [value for scope, value in zip(fields[::2], fields[1::2], strict=False)
            if scope != "command" and value]


def _resolved(path: str) -> str:
    """`path` with its links resolved, or as written when a link on the way is swapped while
    realpath reads it (its readlink then fails with EINVAL or ENOENT: test_move_race's
    swapper). The written path is still checked, and the move home follows no link, so a
    place reached only through a link is refused there."""
    try:
        return os.path.realpath(path)
    except OSError:
        return path


def _existing(path: str) -> str:
    """The nearest folder at or above `path` that exists (where git would start looking)."""
    current = path
    while not os.path.isdir(current) and os.path.dirname(current) != current:
        current = os.path.dirname(current)
    return current


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
