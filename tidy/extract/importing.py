"""Importing the module in the project's interpreter: before (to take values and fingerprint
every name) and after writing (to compare); a difference puts the original bytes back."""

from __future__ import annotations

import os
import subprocess

from tidy.extract import backup, evaluate, packaging
from tidy.extract.interpreter import Interpreter, InterpreterError, choose
from tidy.extract.plan import ExtractError, Options, Prepared
from tidy.workspace.git import git_env


def interpreter_for(path: str, options: Options) -> Interpreter:
    try:
        return choose(path, options.python, _repository_top(path))
    except InterpreterError as error:
        raise ExtractError(f"{path}: {error}") from None


def _repository_top(path: str) -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"],
                              cwd=os.path.dirname(path), capture_output=True, text=True,
                              timeout=30, check=False, stdin=subprocess.DEVNULL,
                              env=git_env(os.path.dirname(path)))
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def take(path: str, interpreter: Interpreter, keys: list[str], extra: list[str],
          names: list[str] | None = None, fresh: list[str] | None = None) -> evaluate.Taken:
    dotted, root = packaging.module_name(path)
    try:
        return evaluate.take(interpreter, root, dotted, keys, names, extra, fresh)
    except InterpreterError as error:
        raise ExtractError(f"{path}: importing {dotted} with {interpreter.describe()} "
                           f"failed: {error}; nothing written") from None


def verify_after_writing(path: str, prepared: Prepared, backup_folder: str) -> str:
    """Import the rewritten module in a fresh interpreter: every name the original had
    must have the same fingerprint, and every moved value the one its source gave. On any
    difference the original bytes are put back and the extraction is refused."""
    assert prepared.interpreter is not None
    before = prepared.before
    extra = [k for k in prepared.expected if k not in (before.names if before else ())]
    try:
        after = take(path, prepared.interpreter, [], extra,
                      list(before.names) if before is not None else [])
    except ExtractError as error:
        raise ExtractError(f"{error}; {_put_back(path, backup_folder)}") from None
    differing = sorted(k for k in prepared.expected
                       if after.fingerprints.get(k) != _wanted(prepared, k))
    if before is not None:
        differing += [k for k in evaluate.differences(before, after) if k not in differing]
    if differing:
        raise ExtractError(f"{path}: after extraction {', '.join(differing[:5])} differ on "
                           f"import; {_put_back(path, backup_folder)}")
    compared = len(before.names) if before is not None else 0
    return (f"imported again with {prepared.interpreter.python}: {len(prepared.expected)} "
            f"moved value(s) and {compared} module name(s) are the same, type for type")


def _put_back(path: str, backup_folder: str) -> str:
    """Roll a failed verification back; what became of the original, in words."""
    try:
        backup.undo(path, backup_folder)
    except backup.UndoRefused as error:
        return f"the original module could not be put back ({error}): `tidy undo` it"
    return "the original module was put back, byte for byte"


def _wanted(prepared: Prepared, key: str) -> str:
    """The fingerprint a moved key must have after the rewrite: what the original module held
    after its import when that was data or nothing (the module itself `del`s or changes the
    name: `_lr_action_items` in pycparser's yacctab.py, turned into `_lr_action` and
    deleted), else the value its source gave."""
    before = prepared.before
    held = before.fingerprints.get(key, "") if before is not None else ""
    if held.startswith("error ") or _is_digest(held):
        return held
    return prepared.expected[key]


def _is_digest(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)
