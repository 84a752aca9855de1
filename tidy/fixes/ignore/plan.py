"""Every edit one repo's ignore fix would make (TDY501 rules into `.gitignore`, TDY502 heavy
folders into `.ignore`, editor settings and exclude files), before anything is written.

The `.gitignore` rules are the ones tidy.analysis.ignore_choice proposed and git accepted;
the appliers in tidy.fixes.ignore.apply write the edits, journaled.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tidy.analysis.ignore_choice import (
    Target,
    Verdict,
    anchored,
    choose_rules,
    env_stores,
    gather_stores,
    verify_or_anchor,
)
from tidy.fixes.editors import vscode
from tidy.fixes.editors.excludes import (
    EditError,
    FileEdit,
    edit_problem,
    editor_file_edits,
    ignore_file_edit,
    pyright_edit,
)
from tidy.fixes.fdops import open_dir


@dataclass(frozen=True)
class IgnorePlan:
    """Every file edit one repo's ignore fix would make, and the rules that were refused."""

    root: str
    edits: tuple[FileEdit, ...] = ()
    verdicts: tuple[Verdict, ...] = ()  # each .gitignore rule tried with git
    errors: tuple[str, ...] = ()  # files tidy will not edit (a parse error ...), with why

    @property
    def refused(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if not v.ok)

    def diff(self) -> str:
        return "".join(e.diff() for e in self.edits if e.changed)


def plan_fixes(root: str, targets: Sequence[Target], heavy: Sequence[str] = (),
               editors: Sequence[str] = (), python_folders: Sequence[str] = ()) -> IgnorePlan:
    """The edits for untracked artifacts (`targets`) and heavy committed folders (`heavy`).

    `.gitignore` gets the rules git accepted; `.ignore` gets every heavy folder; VS Code,
    Cursor, JetBrains and Windsurf files are edited for `editors` (see editors_in_use);
    pyright's exclude gets the heavy folders in `python_folders`.
    """
    edits: list[FileEdit] = []
    errors: list[str] = []
    verdicts = _verdicts(root, targets, edit_problem(root, ".gitignore")) if targets else []
    accepted = [v.pattern for v in verdicts if v.ok]
    folders = sorted({h.strip("/") for h in heavy if h.strip("/")})
    patterns = [anchored(f, True) for f in folders]

    def attempt(make: Callable[[], FileEdit | None]) -> None:
        try:
            edit = make()
        except (EditError, vscode.SettingsError) as error:
            errors.append(str(error))
            return
        if edit is not None and edit.changed:
            edits.append(edit)

    if accepted:
        attempt(lambda: ignore_file_edit(root, ".gitignore", accepted))
    if patterns:
        attempt(lambda: ignore_file_edit(root, ".ignore", patterns,
                                         "ripgrep, fd and VS Code search; meant to be committed"))
        if "vscode" in editors:
            attempt(lambda: _settings_edit(root, folders))
        for edit in _safely(lambda: editor_file_edits(root, editors, patterns), errors):
            if edit.changed:
                edits.append(edit)
        python = [f for f in folders if f in set(python_folders)]
        if python:
            attempt(lambda: pyright_edit(root, python))
    return IgnorePlan(os.path.abspath(root), tuple(edits), tuple(verdicts), tuple(errors))


def _verdicts(root: str, targets: Sequence[Target], problem: str) -> list[Verdict]:
    """Each rule tried with git, unless `.gitignore` itself is not something tidy edits (a
    symlink, a FIFO git would wait on forever): then every rule is refused with that reason."""
    candidates = gather_stores(choose_rules(targets), _holding_only(root, env_stores(targets)))
    if problem:
        return [Verdict(c.pattern, c.targets, False, problem) for c in candidates]
    return verify_or_anchor(root, candidates)


def _holding_only(root: str, stores: dict[str, list[str]]) -> dict[str, list[str]]:
    """The stores (a folder of environments -> the targets right in it) whose folder holds
    those targets and nothing else now, as the scan found it (rules/ignore_rules): listed
    through descriptors opened from the root, no link followed. One rule for the folder then
    hides nothing of anyone's; a store that changed since, or cannot be listed, keeps a rule
    per environment."""
    kept = {}
    for folder, paths in stores.items():
        names = _listing(root, folder)
        if names is not None and names == {p.rpartition("/")[2] for p in paths}:
            kept[folder] = paths
    return kept


def _listing(root: str, folder: str) -> set[str] | None:
    fds: list[int] = []
    try:
        fds.append(open_dir(root))
        for part in folder.split("/"):
            fds.append(open_dir(part, fds[-1]))
        return set(os.listdir(fds[-1]))
    except (OSError, ValueError):
        return None
    finally:
        for fd in fds:
            os.close(fd)


def _settings_edit(root: str, folders: Sequence[str]) -> FileEdit:
    settings = vscode.plan(root, folders)
    return FileEdit(root, settings.rel, settings.before, settings.after,
                    "VS Code search.exclude and files.watcherExclude")


def _safely(make: Callable[[], list[FileEdit]], errors: list[str]) -> list[FileEdit]:
    try:
        return make()
    except EditError as error:
        errors.append(str(error))
        return []
