"""What `tidy init` prints or writes: the .pre-commit-config.yaml snippet and a starter [tool.tidy].

Printed by default. With --write: `.pre-commit-config.yaml` is created, and the starter config
goes to `.tidy.toml` when there is one or no pyproject.toml, else it is appended to
pyproject.toml as a new [tool.tidy] table. Nothing is overwritten without --force, and a
pyproject.toml that already has [tool.tidy] is never edited (TOML tables are not merged by hand
behind the user's back: the starter is printed instead). Writes are atomic (temp file + rename,
mode kept) and go only to regular files reached without following a link (tidy.core.safe_files): a
symlinked pyproject.toml or .tidy.toml is kept as it is, with the reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from tidy.core.owners import not_yours
from tidy.core.safe_files import UnsafeFile, check_editable
from tidy.core.swap import FileChanged, Seen, read_seen, swap_in_root
from tidy.workspace import provenance

PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"

# `tidy` may be Debian's HTML Tidy (first on PATH when pipx's ~/.local/bin is not): the entry
# checks `tidy --version` first and stops with one line, as hooks/pre-commit does, instead of
# letting HTML Tidy print a page of HTML as the hook's failure.
_GUARDED = ("sh -c 'tidy --version 2>/dev/null | grep -q \"^tidy, version \" || {{ echo \"tidy: "
            "the tidy on PATH is not tidy-workspace (HTML Tidy, or none): put the one pipx "
            "installed (~/.local/bin) first on PATH\" >&2; exit 1; }}; exec tidy hook {command} "
            "\"$@\"' tidy-{command}")

_LOCAL_HOOKS = """\
# tidy's git hooks, run by pre-commit (https://pre-commit.com): `pre-commit install
# --hook-type pre-commit --hook-type pre-push`. `repo: local` uses the tidy installed in
# this environment (README, "Set up"), after checking it is not HTML Tidy (the other `tidy`);
# `tidy init --repo URL` pins a commit of a repository instead.
repos:
  - repo: local
    hooks:
      - id: tidy-staged
        name: tidy (staged files)
        entry: >-
          {staged}
        language: system
        stages: [pre-commit]
        types: [file]
      - id: tidy-push
        name: tidy (pushed commits)
        entry: >-
          {push}
        language: system
        pass_filenames: false
        always_run: true
        stages: [pre-push]
""".format(staged=_GUARDED.format(command="check-staged"),
           push=_GUARDED.format(command="check-push"))

_REMOTE_HOOKS = """\
# tidy's git hooks, run by pre-commit (https://pre-commit.com): `pre-commit install
# --hook-type pre-commit --hook-type pre-push`.
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: tidy-staged
        # args: [--max-size, 1MB]   # default: [tool.tidy.budgets] largest-file, else 1 MB
      - id: tidy-push
"""

# The settings below are tidy's defaults (tests/precommit/test_init.py holds them to
# tidy/core/config.py), written out so they can be changed; the budgets are a starting point.
_SETTINGS = """\
fail-on = ["TDY102", "TDY202"]   # findings that make `tidy scan` exit 1: committed caches,
                                # huge files (and TDY9xx: a file with budgets adds them)
large-file = "1MB"              # report tracked files over this (TDY201)
max-file-size = "50MB"          # fail on tracked files over this (TDY202; GitHub warns at 50 MiB)
"""

_BUDGETS = """\
largest-file = "10MB"           # the hooks block bigger files; `tidy scan` fails on them
committed-caches = false        # allowed? false: a committed cache or build output fails the
                                # scan (TDY903); true: never, TDY102 only reports it
# total-tracked-bytes = "500MB"
# history-size = "1GB"          # `git rev-list --all --objects --disk-usage`
# data-in-code-modules = 0
# vendored-bytes = "5MB"
"""


class UnknownRev(ValueError):
    """--repo without --rev where the commit tidy was installed from is unknown."""


@dataclass(frozen=True)
class Snippet:
    text: str
    note: str = ""  # where the pinned rev came from, for the user (cli/init.py prints it)


def pre_commit_snippet(repo: str | None = None, rev: str | None = None) -> Snippet:
    if repo is None:
        return Snippet(_LOCAL_HOOKS)
    if rev:
        return Snippet(_REMOTE_HOOKS.format(repo=repo, rev=rev))
    pinned, note = pinned_rev()
    return Snippet(_REMOTE_HOOKS.format(repo=repo, rev=pinned), note)


def pinned_rev() -> tuple[str, str]:
    """The commit this tidy was installed from (a rev that exists, unlike a tag never made)
    and a line saying how it was found."""
    found = provenance.installed()
    if found is None or found.commit is None:
        raise UnknownRev("--repo needs --rev here: this tidy was not installed from a git "
                         "checkout or a git URL, so its commit is unknown; pass --rev with "
                         "a commit (or tag) of that repository")
    note = " (not on any remote branch: push it, or pass --rev)" if provenance.unpublished(
        found) else ""
    return found.commit, f"rev {found.commit} is {found.how}{note}"


def tidy_toml() -> str:
    """The starter as a whole .tidy.toml file."""
    return f"# tidy settings (`tidy scan`, the hooks)\n{_SETTINGS}\n[budgets]\n{_BUDGETS}"


def pyproject_tables() -> str:
    return f"[tool.tidy]\n{_SETTINGS}\n[tool.tidy.budgets]\n{_BUDGETS}"


@dataclass(frozen=True)
class Outcome:
    path: str
    action: str  # "written", "appended", "kept"
    reason: str = ""


def _write(folder: str, real: str, name: str, text: str, action: str = "written",
           seen: Seen | None = None) -> Outcome:
    """Replace folder/name (`real`: that folder resolved, once for the whole init) with
    `text` only while it is still the file `seen` (None: as it is now; tidy.core.swap), or
    keep it with the reason tidy does not edit it."""
    path = os.path.join(folder, name)
    foreign = not_yours(real, "init --write")  # root would leave the user's file root's
    if foreign:
        return Outcome(path, "kept", foreign)
    try:  # keeps the file's mode, like the edit it is
        swap_in_root(real, name, text.encode("utf-8"),
                     seen if seen is not None else read_seen(real, name))
    except UnsafeFile as error:
        return Outcome(path, "kept", str(error))
    except FileChanged as error:
        return Outcome(path, "kept", f"{error}; nothing written (run `tidy init` again)")
    except OSError as error:  # a full disk, a quota, a read-only folder: the file is as it was
        return Outcome(path, "kept", f"{error.strerror or error}; nothing written (run "
                       "`tidy init --write` again once it can be)")
    return Outcome(path, action)


def resolved(folder: str) -> str:
    """The folder the user named, its links followed once: every later step of an init
    works in that one folder, even if the name is swapped for a link meanwhile (trust
    round 20)."""
    return os.path.realpath(folder)


def _refused(folder: str, real: str, name: str) -> Outcome | None:
    problem = check_editable(real, name)
    return Outcome(os.path.join(folder, name), "kept", problem) if problem else None


def write_pre_commit(folder: str, snippet: str, force: bool, real: str | None = None
                     ) -> Outcome:
    path = os.path.join(folder, PRE_COMMIT_CONFIG)
    real = real or resolved(folder)
    refused = _refused(folder, real, PRE_COMMIT_CONFIG)
    if refused is not None:
        return refused
    if os.path.exists(os.path.join(real, PRE_COMMIT_CONFIG)) and not force:
        return Outcome(path, "kept", "exists (--force overwrites it; or add the hooks printed "
                       "by `tidy init` to it)")
    return _write(folder, real, PRE_COMMIT_CONFIG, snippet,
                  seen=None if force else Seen(None))


def write_config(folder: str, force: bool, real: str | None = None) -> Outcome:
    dot_tidy = os.path.join(folder, ".tidy.toml")
    pyproject = os.path.join(folder, "pyproject.toml")
    real = real or resolved(folder)
    if os.path.lexists(os.path.join(real, ".tidy.toml")) or not os.path.lexists(
            os.path.join(real, "pyproject.toml")):
        refused = _refused(folder, real, ".tidy.toml")
        if refused is not None:
            return refused
        if os.path.exists(os.path.join(real, ".tidy.toml")) and not force:
            return Outcome(dot_tidy, "kept", "exists (--force overwrites it)")
        return _write(folder, real, ".tidy.toml", tidy_toml(),
                      seen=None if force else Seen(None))
    try:
        seen = read_seen(real, "pyproject.toml")
    except UnsafeFile as error:
        return Outcome(pyproject, "kept", str(error))
    data = seen.data or b""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(pyproject, "kept", "not UTF-8; edit it by hand (`tidy init` prints the "
                       "starter)")
    kept = _why_not_appended(text)
    if kept:
        return Outcome(pyproject, "kept", f"{kept} (`tidy init` prints the starter)")
    newline = "\r\n" if "\r\n" in text else "\n"
    separator = "" if not text or text.endswith(("\n\n", "\r\n\r\n")) else (
        newline if text.endswith(("\n", "\r\n")) else newline * 2)
    return _write(folder, real, "pyproject.toml",
                  text + separator + pyproject_tables().replace("\n", newline), "appended",
                  seen)


def _why_not_appended(text: str) -> str:
    """Why the starter tables cannot go at the end of this pyproject.toml; "" when they can.
    A broken file is not ours to append to, and says so: it was "already has [tool.tidy]"."""
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError as error:
        return f"not valid TOML ({error}); fix it, then run `tidy init --write` again"
    if isinstance(tool, dict) and "tidy" in tool:
        return "already has [tool.tidy]; edit it by hand"
    return ""
