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

Every file of the work tree (module, data file, build config, kept copies) is read, written
and deleted by name in its folder's descriptor (tidy.extract.worktree): a folder swapped for
a symlink is refused, never written through. The backup folder is tidy's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tidy.core.atomic import atomic_write
from tidy.core.printable import printable
from tidy.core.processes import process_alive
from tidy.core.safe_files import UnsafeFile, is_temp_name
from tidy.extract import stub
from tidy.extract.worktree import Folder, folder_of
from tidy.workspace.git import git_env


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
                              capture_output=True, text=True, timeout=30, check=False,
                              stdin=subprocess.DEVNULL, env=git_env(folder))
        if done.returncode == 0 and done.stdout.strip():
            return os.path.join(done.stdout.strip(), "tidy", "extract")
    except (OSError, subprocess.TimeoutExpired):
        pass
    from tidy.core.state import state_dir

    return os.path.join(state_dir(), "extract")


class Changed(UndoRefused):
    """The module changed (or its data file appeared) between reading and writing."""


@contextlib.contextmanager
def _folders(module: str, project: str) -> Iterator[tuple[Folder, Folder | None]]:
    """The module's folder and the build config's (None without one), opened by descriptors;
    UndoRefused naming a link on the way."""
    try:
        with folder_of(module) as here, contextlib.ExitStack() as more:
            conf = more.enter_context(folder_of(project)) if project else None
            yield here, conf
    except UnsafeFile as error:
        raise UndoRefused(f"{error}; nothing written") from None


def write_all(path: str, original: bytes, new_module: bytes, data_path: str,
              data_bytes: bytes, edit: tuple[str, str] | None,
              edit_from: bytes | None = None) -> Written:
    """Backup and record first (fsync'ed), then data file, build config, module (last), all
    in folders opened once; Changed when the module is no longer `original` there or the
    data file appeared. The build config's edit was made from `edit_from`: a save since is
    merged again; it is replaced only while it holds the bytes checked (Folder.swap_in)."""
    name, data_name = os.path.basename(path), os.path.basename(data_path)
    with _folders(path, edit[0] if edit else "") as (here, conf):
        if here.sha256(name) != sha256_bytes(original):
            raise Changed(f"{path}: the module changed while it was being extracted; "
                          "nothing written")
        if here.exists(data_name):
            raise Changed(f"{data_path} appeared while the module was being extracted; "
                          "nothing written")
        project_name = os.path.basename(edit[0]) if edit else ""
        project_old, project_new = _build_config_edit(path, data_name, conf, edit, edit_from)
        if project_old == project_new:
            project_name = ""  # declared meanwhile: nothing to edit
        stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        backup = os.path.join(backup_root(path), f"{stamp}-{name}")
        record: dict[str, Any] = {
            "module": path, "data_file": data_path,
            "project_file": edit[0] if edit and project_name else "",
            "data_sha256": sha256_bytes(data_bytes), "module_sha256": sha256_bytes(new_module),
            "module_original_sha256": sha256_bytes(original),
            "project_sha256": sha256_bytes(project_new) if project_name else "",
            "data_existed": False, "pid": os.getpid(), "started": time.time(),
            "complete": False,
            # Where the module stands for the instant it is checked before the stub goes in
            # (Folder.swap_in): a kill then leaves it there, and finishing backwards puts it
            # back. Not a temp name: nothing that clears temps may take it.
            "module_aside": f".{name}.tidy-aside-{stamp}",
            "project_aside": f".{project_name}.tidy-aside-{stamp}" if project_name else "",
            # Undo gives the originals their times back too: a restored file with a new mtime
            # is not the file the user had (make, rsync and `git status` see it as changed).
            "module_times_ns": here.times_ns(name),
            "project_times_ns": conf.times_ns(project_name)
            if project_name and conf is not None else None,
        }
        _write_backup(backup, original, project_old if project_name else None, record)
        try:
            if not here.create(data_name, data_bytes, like=name):  # never over what came
                notes = _finish_backwards(backup, record, here, conf, data_path)
                said = "; ".join(notes) or "nothing to put back"
                raise Changed(f"{data_path} appeared while the module was being extracted; "
                              f"it stays, nothing kept ({said})")
            if project_name and conf is not None and not conf.swap_in(
                    project_name, project_new, sha256_bytes(project_old),
                    record["project_aside"]):
                notes = _finish_backwards(backup, record, here, conf, data_path)
                raise Changed(f"{edit[0] if edit else project_name}: the build config changed "
                              "while the module was being extracted; the save stays, nothing "
                              f"kept ({'; '.join(notes) or 'nothing to put back'})")
            swapped = here.swap_in(name, new_module, sha256_bytes(original),
                                   record["module_aside"])
        except UnsafeFile as error:
            raise UndoRefused(f"{error}; the extraction stopped (a kill-safe record is "
                              "kept: the next extraction finishes it backwards)") from None
        except OSError as error:  # a full disk, a quota: what was written goes back
            raise UndoRefused(f"{path}: {_why_not_written(error)}; the extraction stopped, "
                              f"{_backwards_after(backup, record, here, conf, data_path)}"
                              ) from None
        if not swapped:
            # Written to while the data file was (a save from an editor, a checkout): the
            # module is the user's; the data file and build config go back at once.
            notes = _finish_backwards(backup, record, here, conf, data_path)
            raise Changed(f"{path}: the module changed while it was being extracted; nothing "
                          f"kept ({'; '.join(notes) or 'nothing to put back'})")
        record["complete"] = True
        _save_record(backup, record)
    return Written(backup, record)


def _build_config_edit(module: str, data_name: str, conf: Folder | None,
                       edit: tuple[str, str] | None, edit_from: bytes | None
                       ) -> tuple[bytes, bytes]:
    """(the build config's bytes now, what it will hold); a save since the edit was made
    (`edit_from`) gets the edit merged again. Changed when it can no longer be edited."""
    if edit is None or conf is None:
        return b"", b""
    project_name = os.path.basename(edit[0])
    now = conf.read(project_name)
    if edit_from is None or now == edit_from:
        return now, edit[1].encode("utf-8")
    from tidy.extract.packaging import merge_again, merge_manifest, package_of

    try:
        if project_name == "MANIFEST.in":
            data_path = os.path.join(os.path.dirname(os.path.abspath(module)), data_name)
            rel = os.path.relpath(data_path, os.path.dirname(os.path.abspath(edit[0])))
            merged: str | None = merge_manifest(now.decode("utf-8"), rel.replace(os.sep, "/"))
        else:
            merged = merge_again(now.decode("utf-8"), package_of(module)[0], data_name)
    except UnicodeDecodeError:
        merged = None
    if merged is None:
        raise Changed(f"{edit[0]}: the build config changed while the module was being "
                      "extracted and tidy can no longer add the package data safely; nothing "
                      "written")
    return now, merged.encode("utf-8")


def _write_backup(backup: str, original: bytes, project_old: bytes | None,
                  record: dict[str, Any]) -> None:
    """The backup folder and its record, before anything at home is touched. UndoRefused,
    with what was written of it taken out again, when it cannot be written whole."""
    try:
        _make_private(backup)
        _write_synced(os.path.join(backup, "module.py.orig"), original)
        if project_old is not None:
            _write_synced(os.path.join(backup, "project.orig"), project_old)
        _save_record(backup, record)
    except OSError as error:
        retire(backup)  # only tidy's own files in it, and then the folder
        raise UndoRefused(f"cannot write the extraction's backup in {backup}: "
                          f"{_why_not_written(error)}; nothing changed") from None


def _backwards_after(backup: str, record: dict[str, Any], here: Folder, conf: Folder | None,
                     data_path: str) -> str:
    """Finish an extraction that failed mid-write backwards; what it says about that."""
    try:
        notes = _finish_backwards(backup, record, here, conf, data_path)
    except (OSError, UnsafeFile) as error:
        return (f"and what it wrote could not all be taken back yet ({error}): the next "
                "`tidy extract` of the module finishes it backwards")
    return f"nothing kept ({'; '.join(notes) or 'nothing to put back'})"


def _why_not_written(error: OSError) -> str:
    return error.strerror or str(error)


def _make_private(folder: str) -> None:
    """`folder` and each missing folder above it, mode 0700 (makedirs gives the ones above
    the umask's mode: with a umask of 002, `.git/tidy` became writable by the repo's group,
    whose members could then swap a backup's original, which undo writes back, or tidy's
    trash there)."""
    missing = []
    while not os.path.isdir(folder):
        missing.append(folder)
        folder = os.path.dirname(folder)
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)


def _write_synced(path: str, content: bytes) -> None:
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600),
              "wb") as f:
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


BUILD_CONFIGS = ("pyproject.toml", "MANIFEST.in")  # the files an extraction may edit


def record_of(backup: str, module_path: str) -> dict[str, Any]:
    """The record of `backup`, checked to be one this module's extraction left: the folder is
    in the module's backup root, the record names this module, and the build config it names
    is a pyproject.toml or MANIFEST.in in a folder at or above the module's. Undo and the
    clearing of a killed extraction write to those paths: a backup named by an edited
    journal, or a record edited, must not send them anywhere else."""
    module_path = os.path.abspath(module_path)
    where = os.path.dirname(os.path.abspath(backup))
    if where != backup_root(module_path):
        raise UndoRefused(_moved_folder(module_path, backup) or
                          f"{backup}: not one of tidy's extraction backups for {module_path}")
    record = read_record(backup)
    if record["module"] != module_path:
        raise UndoRefused(f"{backup}: its record is of {record['module']}, not {module_path}")
    project = record.get("project_file") or ""
    folder = os.path.dirname(module_path)
    if project and not (isinstance(project, str) and os.path.isabs(project)
                        and os.path.basename(project) in BUILD_CONFIGS
                        and os.path.normpath(project) == project
                        and (folder + os.sep).startswith(
                            os.path.dirname(project).rstrip(os.sep) + os.sep)):
        raise UndoRefused(f"{backup}: its record names a build config that is not the "
                          f"module's: {project!r}")
    return record


def _moved_folder(module_path: str, backup: str) -> str:
    """Why `backup` no longer belongs to the module's folder, when it is the folder that
    changed, not the backup: a folder on the way is now a symlink, or (the backup's record
    naming this very module) the folder now lies in another repository. "" otherwise: the
    backup is not one of this module's."""
    folder = os.path.dirname(module_path)
    parts = [p for p in folder.split(os.sep) if p]
    for depth in range(1, len(parts) + 1):
        here = os.sep + os.path.join(*parts[:depth])
        if os.path.islink(here):
            try:
                target = os.readlink(here)
            except OSError:
                target = "?"
            return (f"{printable(here)} is now a symlink to {printable(target)}, not the folder "
                    "the module was extracted in; nothing was put back")
    try:
        named = read_record(backup)["module"] == module_path
    except (OSError, ValueError):
        named = False
    if named and os.path.isdir(folder):
        return (f"{printable(folder)} is not the folder the module was extracted in (it now "
                f"lies in another repository than {printable(os.path.dirname(backup))}); "
                "nothing was put back")
    return ""


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


def changed_since(record: dict[str, Any], here: Folder, conf: Folder | None) -> list[str]:
    """What differs from how the extraction left it, in words (`here`: the module's folder,
    `conf`: the build config's)."""
    changes = []
    checks = [(here, record["module"], record.get("module_sha256", ""), "the module"),
              (here, record["data_file"], record.get("data_sha256", ""), "its data file")]
    if record.get("project_file") and conf is not None:
        checks.append((conf, record["project_file"], record.get("project_sha256", ""),
                       "the build config"))
    for folder, path, expected, what in checks:
        name = os.path.basename(path)
        if not expected:
            continue
        if not folder.exists(name):
            changes.append(f"{what} {path} is gone")
        elif not folder.is_file(name):
            changes.append(f"{what} {path} is no longer a regular file")
        elif folder.sha256(name) != expected:
            changes.append(f"{what} {path} was edited")
    return changes


def _unmerged_config(record: dict[str, Any], conf: Folder) -> tuple[bytes, bytes] | None:
    """(the build config now, it without this extraction's package-data entry or MANIFEST.in
    line), or None when that entry is not there as tidy wrote it."""
    from tidy.extract.packaging import package_of, unmerge

    project = os.path.basename(record["project_file"])
    try:
        now = conf.read(project)
        text = now.decode("utf-8")
    except (OSError, UnsafeFile, UnicodeDecodeError):
        return None
    rel = os.path.relpath(record["data_file"], os.path.dirname(record["project_file"]))
    new = unmerge(text, project, package_of(record["module"])[0], rel.replace(os.sep, "/"))
    return None if new is None else (now, new.encode("utf-8"))


FORCE_HINT = "`tidy extract --undo --force MODULE`"


def undo(module_path: str, backup: str | None = None, force: bool = False,
         hint: str = FORCE_HINT) -> str:
    """Put the original module (and build config) back and remove the data file tidy wrote.
    Refuses when any of them changed since, naming `hint` (the command that forces it);
    `force` keeps the current ones beside."""
    backup = backup or latest_backup(module_path)
    if backup is None:
        # An extraction killed after its last write, before its record said so: finished
        # here (kept whole, so undone below; or put back, when it was half done).
        finished = _finish_killed(module_path)
        backup = latest_backup(module_path)
        if backup is None:
            if finished:
                return "; ".join(finished)
            raise UndoRefused(f"{module_path}: no extraction backup found")
    record = record_of(backup, module_path)
    with _folders(record["module"], record.get("project_file") or "") as (here, conf):
        _module_back_from_aside(record, here)  # an undo killed in that instant, before
        _project_back_from_aside(record, conf)
        changes = changed_since(record, here, conf)
        unmerged = None
        if changes and not force and conf is not None and \
                not changed_since({**record, "project_file": ""}, here, conf):
            # Only the build config differs: later extractions' package-data entries or an
            # edit of the user's. This extraction's own entry is taken out, the rest stays.
            unmerged = _unmerged_config(record, conf)
            if unmerged is not None:
                changes = []
        if changes and not force:
            raise UndoRefused("changed since the extraction: " + "; ".join(changes) +
                              f". Nothing was restored: {hint} restores and keeps the current "
                              "versions beside the restored ones")
        restored: list[str] = []
        try:
            note = _put_back(backup, record, here, conf, changes, restored, unmerged)
        except UnsafeFile as error:
            raise UndoRefused(f"{error}; not restored") from None
        except OSError as error:  # a full disk: the backup stays, the undo can run again
            done = (f"only {' and '.join(restored)} was restored" if restored
                    else "nothing was restored")
            raise UndoRefused(f"{_why_not_written(error)}; {done}: the backup is kept, run the "
                              "undo again once there is room") from None
    retire(backup)
    return note


def _put_back(backup: str, record: dict[str, Any], here: Folder, conf: Folder | None,
              changes: list[str], restored: list[str],
              unmerged: tuple[bytes, bytes] | None = None) -> str:
    """Restore the originals; `restored` names each as it is back (for a failure midway).
    `unmerged`: (the build config as read, it without this extraction's entry) to write
    instead of the original build config, which later edits have superseded."""
    with open(os.path.join(backup, "module.py.orig"), "rb") as f:
        original = f.read()
    expected = record.get("module_original_sha256")
    if isinstance(expected, str) and expected and sha256_bytes(original) != expected:
        # The backup is tidy's own state in the git dir, still input: what undo writes into
        # the module must be the module tidy read, not whatever was put there since.
        raise UndoRefused(f"{backup}: the module's backup is not the original tidy kept "
                          "(its sha256 differs from the record); nothing was restored")
    kept = _keep_current(record, here, conf) if changes else []
    name = os.path.basename(record["module"])
    if unmerged is not None and conf is not None:
        project = os.path.basename(record["project_file"])
        project_aside = _project_aside(record) or f".{project}.tidy-aside-{os.getpid()}"
        if not conf.swap_in(project, unmerged[1], sha256_bytes(unmerged[0]), project_aside):
            raise UndoRefused(f"{record['project_file']}: changed while being restored (saved "
                              "just now); nothing was restored")
        restored.append("the build config")
    elif record.get("project_file") and conf is not None:
        # The build config first: a save to it in the instant stops the undo with nothing
        # restored yet.
        with open(os.path.join(backup, "project.orig"), "rb") as f:
            project_original = f.read()
        if changes:
            conf.write(os.path.basename(record["project_file"]), project_original,
                       times_ns=recorded_times(record.get("project_times_ns")))
        elif not _put_project(record, conf, project_original):
            raise UndoRefused(f"{record['project_file']}: changed while being restored (saved "
                              "just now); nothing was restored")
        restored.append("the build config")
    aside = record.get("module_aside")
    times = recorded_times(record.get("module_times_ns"))
    if changes or not isinstance(aside, str) or not aside.startswith(f".{name}.tidy-aside-"):
        # --force (the current one is kept beside), or an old record
        here.write(name, original, times_ns=times)
    elif not here.swap_in(name, original, str(record.get("module_sha256", "")), aside, times):
        # Saved in the instant between the check and the write: the save stays.
        raise UndoRefused(f"{record['module']}: changed while being restored (saved just "
                          "now); nothing was restored"
                          + (" but the build config" if record.get("project_file") else ""))
    note = f"restored {record['module']}"
    data_path = record["data_file"]
    if not record.get("data_existed") and here.remove(os.path.basename(data_path)):
        note += f", removed {data_path}"
    if kept:
        note += "; kept the versions edited since as " + ", ".join(kept)
    return note


_BACKUP_FILES = frozenset({"module.py.orig", "project.orig", "record.json"})


def retire(backup: str) -> None:
    """A backup whose originals are back at home is deleted: it only repeats them, and kept
    it made every fix and undo of a data module add the module's size to `.git/tidy` for
    good (no purge reached it). Only tidy's own files, by name in the folder's descriptor; a
    folder holding anything else is renamed `.undone` and left, as before."""
    try:
        fd = os.open(backup, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return
    try:
        names = os.listdir(fd)
        if set(names) <= _BACKUP_FILES and all(
                stat.S_ISREG(os.stat(n, dir_fd=fd, follow_symlinks=False).st_mode)
                for n in names):
            for name in names:
                os.unlink(name, dir_fd=fd)
            os.rmdir(backup)
            return
    except OSError:
        pass
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        os.rename(backup, backup + ".undone")


def recorded_times(value: object) -> tuple[int, int] | None:
    """A record's (atime, mtime) in nanoseconds, or None: the record is input (an old one has
    no times; an edited one may hold anything), so only two non-negative integers pass."""
    if isinstance(value, list) and len(value) == 2 and all(
            type(t) is int and 0 <= t < 2**63 for t in value):
        return value[0], value[1]
    return None


def _keep_current(record: dict[str, Any], here: Folder, conf: Folder | None) -> list[str]:
    """Copies of the current module, data file and config beside them (only those that
    exist), before undo overwrites or removes them."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    kept = []
    places = [(here, record["module"]), (here, record["data_file"])]
    if record.get("project_file") and conf is not None:
        places.append((conf, record["project_file"]))
    for folder, path in places:
        name = os.path.basename(path)
        if folder.is_file(name):
            beside = f"{name}.tidy-kept-{stamp}"
            folder.write(beside, folder.read(name), like=name)
            kept.append(os.path.join(os.path.dirname(path), beside))
    return kept


def _finish_killed(module_path: str) -> list[str]:
    """clear_leftovers for the data file the killed extraction's own record names."""
    found = latest_backup(module_path, include_incomplete=True)
    if found is None:
        return []
    try:
        record = record_of(found, module_path)
    except UndoRefused:
        return []
    data_file = record.get("data_file")
    if not (isinstance(data_file, str)
            and os.path.dirname(data_file) == os.path.dirname(record["module"])):
        return []
    return clear_leftovers(module_path, data_file)


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
    try:
        with _folders(module_path, record.get("project_file") or "") as (here, conf):
            return _finish_backwards(backup, record, here, conf, data_path)
    except (UndoRefused, UnsafeFile) as error:
        return [f"a killed extraction was left as it is: {error}"]


def _finish_backwards(backup: str, record: dict[str, Any], here: Folder, conf: Folder | None,
                      data_path: str) -> list[str]:
    notes = _remove_temp_files(record, here, conf)
    notes += _module_back_from_aside(record, here)
    notes += _project_back_from_aside(record, conf)
    if not changed_since(record, here, conf):
        # Killed after its last write, before it said so: the extraction is whole. Keep it,
        # and let undo find it.
        record["complete"] = True
        _save_record(backup, record)
        return [*notes, "a killed extraction had written everything: kept"]
    with open(os.path.join(backup, "module.py.orig"), "rb") as f:
        original = f.read()
    name = os.path.basename(record["module"])
    data_name = os.path.basename(data_path)
    if here.sha256(name) == record.get("module_sha256"):
        here.write(name, original, times_ns=recorded_times(record.get("module_times_ns")))
        notes.append("put back the module a killed extraction had replaced")
    elif _loads(here, name, data_name):
        # The stub went in, then the user edited it (the kill came before the record said
        # the extraction was whole): the edit loads the data file, and the backup holds the
        # original. Both stay; the record is completed, so undo finds it (and refuses, naming
        # the edit, unless --force, which keeps the edit beside the original).
        record["complete"] = True
        _save_record(backup, record)
        return [*notes, f"a killed extraction's module was edited since: it, {data_name} and "
                        "the backup are kept"]
    project = os.path.basename(record.get("project_file") or "")
    if project and conf is not None and conf.sha256(project) == record.get("project_sha256"):
        with open(os.path.join(backup, "project.orig"), "rb") as f:
            if _put_project(record, conf, f.read()):
                notes.append("put back the build config")
            else:
                notes.append("the build config was saved meanwhile: the save stays")
    if not record.get("data_existed") and here.sha256(data_name) == record.get("data_sha256") \
            and here.remove(data_name):
        notes.append(f"removed {data_name} a killed extraction left")
    retire(backup)
    return notes


def _loads(here: Folder, name: str, data_name: str) -> bool:
    """Whether the module is a stub (edited or not) whose manifest names `data_name`."""
    try:
        head = here.head(name, _STUB_HEAD_BYTES)
    except (OSError, UnsafeFile):
        return False
    manifest = stub.read_manifest(head.decode("utf-8", "replace"))
    return manifest is not None and manifest.data_file == data_name


_STUB_HEAD_BYTES = 1 << 20  # a stub is small; its manifest is near its top


def _module_back_from_aside(record: dict[str, Any], here: Folder) -> list[str]:
    """A kill in the instant the module stood aside (Folder.swap_in): it goes back to its
    name, unless something took the name since (then it stays aside, named)."""
    aside = record.get("module_aside")
    name = os.path.basename(record["module"])
    if not (isinstance(aside, str) and aside.startswith(f".{name}.tidy-aside-")
            and "/" not in aside and here.is_file(aside)):
        return []
    if here.put_back(aside, name):
        return ["put back the module a killed extraction had set aside"]
    return [f"the module's earlier version is kept as {os.path.join(here.path, aside)}"]


def _project_aside(record: dict[str, Any]) -> str:
    """The record's aside name for the build config ("" for none, or one not tidy's)."""
    aside = record.get("project_aside")
    project = os.path.basename(str(record.get("project_file") or ""))
    if project and isinstance(aside, str) and aside.startswith(f".{project}.tidy-aside-") \
            and "/" not in aside:
        return aside
    return ""


def _put_project(record: dict[str, Any], conf: Folder, original: bytes) -> bool:
    """The build config back to `original` (and its recorded times) only while it holds what
    the extraction wrote (Folder.swap_in); False, the save kept, when it was saved meanwhile.
    (A record from before the aside name was kept: written after the check, as then.)"""
    project = os.path.basename(record["project_file"])
    aside = _project_aside(record)
    times = recorded_times(record.get("project_times_ns"))
    if not aside:
        conf.write(project, original, times_ns=times)
        return True
    return conf.swap_in(project, original, str(record.get("project_sha256", "")), aside, times)


def _project_back_from_aside(record: dict[str, Any], conf: Folder | None) -> list[str]:
    """A kill in the instant the build config stood aside: it goes back to its name,
    unless something took the name since (then it stays aside, named)."""
    aside = _project_aside(record)
    if conf is None or not aside or not conf.is_file(aside):
        return []
    if conf.put_back(aside, os.path.basename(record["project_file"])):
        return ["put back the build config a killed run had set aside"]
    return [f"the build config's earlier version is kept as {os.path.join(conf.path, aside)}"]


def _remove_temp_files(record: dict[str, Any], here: Folder, conf: Folder | None
                       ) -> list[str]:
    """tidy's temp files (`.tidy-<pid>-<hex>.tmp`) left beside the files it was writing,
    made after the killed run started."""
    started = float(record.get("started", 0))
    removed = []
    for folder in (here, conf) if conf is not None and conf.path != here.path else (here,):
        for name in folder.names():
            with contextlib.suppress(OSError):
                if is_temp_name(name) and folder.mtime(name) >= started - 1 and \
                        folder.remove(name):
                    removed.append(f"removed temp file {name}")
    return removed
