"""Writing an extraction, keeping what undoes it, and undoing it without losing an edit.

Before anything changes, the original module (and the build config tidy edits) is copied to
a backup folder under `.git/tidy/extract/` (else the state dir) with `record.json`: the paths,
whether the data file existed, and the sha256 of every file as tidy leaves it. Undo compares
those hashes with the files now: a module, data file or config edited since is named, and
nothing is restored unless `force` (then the current versions are kept beside the restored
ones, as `NAME.tidy-kept-STAMP`).

A run killed in the middle leaves a record without `"complete": true`; `clear_leftovers`
finishes it backwards before the next extraction of the same module: the module is put back
if it was replaced, the data file tidy wrote is removed, and tidy's temp files are deleted.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import subprocess
import time
from dataclasses import dataclass
from typing import Any

from tidy.core.atomic import atomic_write
from tidy.core.processes import process_alive


class UndoRefused(ValueError):
    """Something changed since the extraction; nothing was restored."""


@dataclass(frozen=True)
class Written:
    backup: str
    record: dict[str, Any]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_root(module_path: str) -> str:
    """.git/tidy/extract of the module's repository, else the user's state dir."""
    folder = os.path.dirname(os.path.abspath(module_path))
    try:
        done = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=folder,
                              capture_output=True, text=True, timeout=30, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return os.path.join(done.stdout.strip(), "tidy", "extract")
    except (OSError, subprocess.TimeoutExpired):
        pass
    from tidy.core.state import state_dir

    return os.path.join(state_dir(), "extract")


def write_mode(path: str, content: bytes, like: str | None = None) -> None:
    """Written in one rename, with the mode of `like` (the module it replaces) or 0644."""
    mode = os.stat(like).st_mode & 0o7777 if like and os.path.exists(like) else 0o644
    atomic_write(path, content, mode)


def write_all(path: str, original: bytes, new_module: bytes, data_path: str,
              data_bytes: bytes, edit: tuple[str, str] | None) -> Written:
    """Backup and record first (fsync'ed), then data file, build config, module (last)."""
    stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    backup = os.path.join(backup_root(path), f"{stamp}-{os.path.basename(path)}")
    os.makedirs(backup, exist_ok=True)
    project_new = edit[1].encode("utf-8") if edit else b""
    record: dict[str, Any] = {
        "module": path, "data_file": data_path, "project_file": edit[0] if edit else "",
        "data_sha256": sha256_bytes(data_bytes), "module_sha256": sha256_bytes(new_module),
        "module_original_sha256": sha256_bytes(original),
        "project_sha256": sha256_bytes(project_new) if edit else "",
        "data_existed": os.path.lexists(data_path), "pid": os.getpid(), "started": time.time(),
        "complete": False,
    }
    _write_synced(os.path.join(backup, "module.py.orig"), original)
    if edit is not None:
        with open(edit[0], "rb") as src:
            _write_synced(os.path.join(backup, "project.orig"), src.read())
    _save_record(backup, record)
    write_mode(data_path, data_bytes, like=path)
    if edit is not None:
        write_mode(edit[0], project_new, like=edit[0])
    write_mode(path, new_module, like=path)
    record["complete"] = True
    _save_record(backup, record)
    return Written(backup, record)


def _write_synced(path: str, content: bytes) -> None:
    with open(path, "wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())


def _save_record(backup: str, record: dict[str, Any]) -> None:
    atomic_write(os.path.join(backup, "record.json"),
                 json.dumps(record, indent=1).encode("utf-8"), 0o600)


def read_record(backup: str) -> dict[str, Any]:
    """The record of a backup folder; tidy's own state is still checked like any input."""
    with open(os.path.join(backup, "record.json"), encoding="utf-8") as f:
        record = json.load(f)
    if not isinstance(record, dict) or not isinstance(record.get("module"), str) or \
            not isinstance(record.get("data_file"), str):
        raise UndoRefused(f"{backup}: the extraction record is not one tidy wrote")
    module, data_file = record["module"], record["data_file"]
    if os.path.dirname(data_file) != os.path.dirname(module):
        raise UndoRefused(f"{backup}: the record names a data file outside the module's folder")
    return record


def record_of(backup: str, module_path: str) -> dict[str, Any]:
    """The record of `backup`, checked to be one this module's extraction left: the folder is
    in the module's backup root, the record names this module, and the build config it names
    is a pyproject.toml in a folder at or above the module's. Undo and the clearing of a
    killed extraction write to those paths: a backup named by an edited journal, or a record
    edited, must not send them anywhere else."""
    module_path = os.path.abspath(module_path)
    where = os.path.dirname(os.path.abspath(backup))
    if where != backup_root(module_path):
        raise UndoRefused(f"{backup}: not one of tidy's extraction backups for {module_path}")
    record = read_record(backup)
    if record["module"] != module_path:
        raise UndoRefused(f"{backup}: its record is of {record['module']}, not {module_path}")
    project = record.get("project_file") or ""
    folder = os.path.dirname(module_path)
    if project and not (isinstance(project, str) and os.path.isabs(project)
                        and os.path.basename(project) == "pyproject.toml"
                        and os.path.normpath(project) == project
                        and (folder + os.sep).startswith(
                            os.path.dirname(project).rstrip(os.sep) + os.sep)):
        raise UndoRefused(f"{backup}: its record names a build config that is not the "
                          f"module's: {project!r}")
    return record


def latest_backup(module_path: str, include_incomplete: bool = False) -> str | None:
    root = backup_root(module_path)
    if not os.path.isdir(root):
        return None
    target = os.path.abspath(module_path)
    for entry in sorted(os.listdir(root), reverse=True):
        if entry.endswith(".undone"):
            continue
        try:
            record = read_record(os.path.join(root, entry))
        except (OSError, ValueError):
            continue
        if record["module"] == target and (include_incomplete or record.get("complete", True)):
            return os.path.join(root, entry)
    return None


def changed_since(record: dict[str, Any]) -> list[str]:
    """What differs from how the extraction left it, in words."""
    changes = []
    checks = [(record["module"], record.get("module_sha256", ""), "the module"),
              (record["data_file"], record.get("data_sha256", ""), "its data file")]
    if record.get("project_file"):
        checks.append((record["project_file"], record.get("project_sha256", ""),
                       "the build config"))
    for path, expected, what in checks:
        if not expected:
            continue
        if not os.path.lexists(path):
            changes.append(f"{what} {path} is gone")
        elif os.path.islink(path) or not os.path.isfile(path):
            changes.append(f"{what} {path} is no longer a regular file")
        elif sha256_file(path) != expected:
            changes.append(f"{what} {path} was edited")
    return changes


FORCE_HINT = "`tidy extract --undo --force MODULE`"


def undo(module_path: str, backup: str | None = None, force: bool = False,
         hint: str = FORCE_HINT) -> str:
    """Put the original module (and build config) back and remove the data file tidy wrote.
    Refuses when any of them changed since, naming `hint` (the command that forces it);
    `force` keeps the current ones beside."""
    backup = backup or latest_backup(module_path)
    if backup is None:
        raise UndoRefused(f"{module_path}: no extraction backup found")
    record = record_of(backup, module_path)
    changes = changed_since(record)
    if changes and not force:
        raise UndoRefused("changed since the extraction: " + "; ".join(changes) +
                          f". Nothing was restored: {hint} restores and keeps the current "
                          "versions beside the restored ones")
    kept = _keep_current(record, changes) if changes else []
    with open(os.path.join(backup, "module.py.orig"), "rb") as f:
        write_mode(record["module"], f.read(), like=record["module"])
    if record.get("project_file"):
        with open(os.path.join(backup, "project.orig"), "rb") as f:
            write_mode(record["project_file"], f.read(), like=record["project_file"])
    note = f"restored {record['module']}"
    data_path = record["data_file"]
    if os.path.isfile(data_path) and not os.path.islink(data_path) and \
            not record.get("data_existed"):
        os.unlink(data_path)
        note += f", removed {data_path}"
    if kept:
        note += "; kept the versions edited since as " + ", ".join(kept)
    os.rename(backup, backup + ".undone")
    return note


def _keep_current(record: dict[str, Any], changes: list[str]) -> list[str]:
    """Copies of the current module, data file and config beside them (only those that
    exist), before undo overwrites or removes them."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    kept = []
    paths = [record["module"], record["data_file"]]
    if record.get("project_file"):
        paths.append(record["project_file"])
    for path in paths:
        if os.path.isfile(path) and not os.path.islink(path):
            beside = f"{path}.tidy-kept-{stamp}"
            with open(path, "rb") as f:
                content = f.read()
            write_mode(beside, content, like=path)
            kept.append(beside)
    del changes
    return kept


def clear_leftovers(module_path: str, data_path: str) -> list[str]:
    """Finish backwards an extraction of this module that was killed mid-way (its record is
    not complete and its process is gone). Returns what was done, in words."""
    backup = latest_backup(module_path, include_incomplete=True)
    if backup is None:
        return []
    try:
        record = record_of(backup, module_path)
    except UndoRefused as error:
        return [f"a killed extraction's backup was left alone: {error}"]
    writer = record.get("pid")
    if record.get("complete", True) or (writer != os.getpid() and process_alive(writer)):
        return []
    notes = _remove_temp_files(record)
    if not changed_since(record):
        # Killed after its last write, before it said so: the extraction is whole. Keep it,
        # and let undo find it.
        record["complete"] = True
        _save_record(backup, record)
        return [*notes, "a killed extraction had written everything: kept"]
    with open(os.path.join(backup, "module.py.orig"), "rb") as f:
        original = f.read()
    if os.path.isfile(module_path) and sha256_file(module_path) == record.get("module_sha256"):
        write_mode(module_path, original, like=module_path)
        notes.append("put back the module a killed extraction had replaced")
    if record.get("project_file") and os.path.isfile(record["project_file"]) and \
            sha256_file(record["project_file"]) == record.get("project_sha256"):
        with open(os.path.join(backup, "project.orig"), "rb") as f:
            write_mode(record["project_file"], f.read(), like=record["project_file"])
        notes.append("put back the build config")
    if not record.get("data_existed") and os.path.isfile(data_path) and \
            not os.path.islink(data_path) and sha256_file(data_path) == record.get("data_sha256"):
        os.unlink(data_path)
        notes.append(f"removed {os.path.basename(data_path)} a killed extraction left")
    os.rename(backup, backup + ".undone")
    return notes


def _remove_temp_files(record: dict[str, Any]) -> list[str]:
    """tidy's temp files (atomic_write's `.tidy-*.tmp`) left beside the files it was
    writing, made after the killed run started."""
    started = float(record.get("started", 0))
    folders = {os.path.dirname(record["module"])}
    if record.get("project_file"):
        folders.add(os.path.dirname(record["project_file"]))
    removed = []
    for folder in folders:
        for temp in glob.glob(os.path.join(glob.escape(folder), ".tidy-*.tmp")):
            with contextlib.suppress(OSError):
                if not os.path.islink(temp) and os.stat(temp).st_mtime >= started - 1:
                    os.unlink(temp)
                    removed.append(f"removed temp file {os.path.basename(temp)}")
    return removed

