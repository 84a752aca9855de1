"""Putting a trash copy back around what stayed at home.

A move across filesystems deletes of the original only what its verified copy holds
(fdops.remove_copied_at); what a build wrote there meanwhile stays at home, in the very
folder tidy left in place. Undo then puts the copy back into that folder entry by entry:

- an entry home does not have comes back (a rename on one filesystem; else a copy under a
  temporary name of tidy's own, compared, then renamed in without replacing anything);
- a folder both have, a real folder at home (never a link, never another filesystem), is
  merged the same way, one level down;
- an entry home holds the same (type, mode, size and bytes, or link target) leaves the
  trash, as it is already back;
- anything else (a file changed at home, a link or a file where the copy has a folder) is
  never written over: the copy's version stays in the trash and is reported.

Every step is by name in folders opened by descriptor without following links. A copy in
flight has one name per merge, `.tidy-undo-<16 hex>`, journaled (the undo-intent's
`merge_temp`) before the merge starts: an undo killed mid-copy leaves it in the user's
folder, and the recovery of that undo removes it (clear_merge_temp) and nothing else.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from dataclasses import dataclass, field

from tidy.core.printable import printable
from tidy.fixes.fdcopy import compare_at, copy_at
from tidy.fixes.fdops import (
    FILE_FLAGS,
    lstat_at,
    open_dir,
    remove_at,
    rename_noreplace,
    same,
    why,
)

_CHUNK = 1 << 20
MERGE_TEMP = re.compile(r"\.tidy-undo-[0-9a-f]{16}")
_CLOCK_SLACK_S = 0.05  # some filesystems' clocks are coarse


def new_merge_temp() -> str:
    """The name a merge copies under before renaming into place: tidy's own, journaled."""
    return f".tidy-undo-{secrets.token_hex(8)}"


@dataclass
class Merged:
    """What a merge did: paths (from the item's name down) put back, found already the
    same at home, and kept in the trash (each with the reason); `blocked`, the folders at
    home nothing could be put into (read-only: the user's to fix), each with the reason."""

    restored: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    blocked: dict[str, str] = field(default_factory=dict)
    temp: str = ""


def shown(path: str) -> str:
    """A path for a one-line message (tidy.core.printable)."""
    return printable(path)


def merge_back(slot_fd: int, home_fd: int, name: str, home_ident: tuple[int, int],
               temp: str) -> Merged:
    """Put the folder `name` in `slot_fd` (the trash copy) back into the folder `name` in
    `home_fd` (what stayed at home), which must be the folder `home_ident` (st_dev, st_ino)
    names, never over anything; empty trash folders go. `temp` (new_merge_temp, journaled
    first) is the name an entry is copied under across filesystems."""
    merged = Merged(temp=temp)
    trash = open_dir(name, slot_fd)
    try:
        home = open_dir(name, home_fd)
        try:
            if not same(os.fstat(home), home_ident):
                raise OSError("replaced while being merged into")
            _merge(trash, home, home_ident[0], name, merged)
        finally:
            os.close(home)
    finally:
        os.close(trash)
    with contextlib.suppress(OSError):
        os.rmdir(name, dir_fd=slot_fd)  # only when everything came back
    return merged


def _merge(trash: int, home: int, dev: int, path: str, merged: Merged) -> None:
    for name in sorted(os.listdir(trash)):
        child = f"{path}/{name}"
        try:
            _merge_entry(trash, home, dev, name, child, merged)
        except OSError as error:
            merged.kept.append(f"{shown(child)} ({why(error)})")
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                merged.blocked.setdefault(path, error.strerror or why(error))


def _merge_entry(trash: int, home: int, dev: int, name: str, path: str,
                 merged: Merged) -> None:
    copy = lstat_at(trash, name)
    try:
        there = lstat_at(home, name)
    except FileNotFoundError:
        if _bring_back(trash, home, name, merged.temp):
            merged.restored.append(path)
        else:
            merged.kept.append(f"{shown(path)} (made at home meanwhile)")
        return
    if stat.S_ISDIR(copy.st_mode) and stat.S_ISDIR(there.st_mode) and there.st_dev == dev:
        sub_trash = open_dir(name, trash)
        try:
            sub_home = open_dir(name, home)  # O_NOFOLLOW: a link swapped in fails here
            try:
                if not same(os.fstat(sub_home), (there.st_dev, there.st_ino)):
                    raise OSError("replaced while being merged into")
                _merge(sub_trash, sub_home, dev, path, merged)
            finally:
                os.close(sub_home)
        finally:
            os.close(sub_trash)
        with contextlib.suppress(OSError):
            os.rmdir(name, dir_fd=trash)
        return
    if _same_entry(trash, home, name, copy, there):
        remove_at(trash, name)
        merged.already.append(path)
        return
    merged.kept.append(f"{shown(path)} (differs at home)")


def _bring_back(trash: int, home: int, name: str, temp: str) -> bool:
    """Move `name` from the trash folder into the home folder, where it must not exist.
    False when something took the name meanwhile (nothing replaced)."""
    if os.fstat(trash).st_dev == os.fstat(home).st_dev:
        try:
            rename_noreplace(trash, name, home, name)
        except FileExistsError:
            return False
        return True
    if not MERGE_TEMP.fullmatch(temp):
        raise OSError(errno.EINVAL, "no journaled name to copy under")
    try:
        copy_at(trash, name, home, temp)  # O_EXCL / mkdir: never over anything
    except FileExistsError as error:
        if temp in (error.filename, error.filename2):
            raise  # the name is taken: not ours to remove
        with contextlib.suppress(OSError):
            remove_at(home, temp)
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            remove_at(home, temp)  # a copy cut short (no space ...) is not left behind
        raise
    try:
        difference = compare_at(trash, name, home, temp)
        if difference:
            raise OSError(f"copy did not verify: {difference}")
        rename_noreplace(home, temp, home, name)
    except FileExistsError:
        remove_at(home, temp)
        return False
    except BaseException:
        with contextlib.suppress(OSError):
            remove_at(home, temp)
        raise
    remove_at(trash, name)
    return True


# -- what an undo killed mid-merge left -------------------------------------------------------
def clear_merge_temp(slot_fd: int, home_fd: int, name: str, temp: str, since: float) -> list[str]:
    """Remove the copy in flight (`temp`, journaled before the merge began at `since`) that a
    merge of `name` killed midway left at home. It is looked for where the merge could have
    been copying: in every folder the trash copy still holds, the same folder at home (a
    real folder on the same filesystem, never through a link). Only what this user made
    since the merge began goes: a regular file with one link, a link, a fifo, or a folder
    of only such things; anything else stays. The paths removed (from `name` down)."""
    removed: list[str] = []
    if not MERGE_TEMP.fullmatch(temp):
        return removed
    with contextlib.suppress(OSError):
        trash = open_dir(name, slot_fd)
        try:
            home = open_dir(name, home_fd)
            try:
                _clear_temps(trash, home, os.fstat(home).st_dev, name, temp, since, removed)
            finally:
                os.close(home)
        finally:
            os.close(trash)
    return removed


def _clear_temps(trash: int, home: int, dev: int, path: str, temp: str, since: float,
                 removed: list[str]) -> None:
    with contextlib.suppress(OSError):
        if _remove_made_since(home, temp, dev, since):
            removed.append(f"{path}/{temp}")
    for name in sorted(os.listdir(trash)):
        with contextlib.suppress(OSError):
            if not stat.S_ISDIR(lstat_at(trash, name).st_mode):
                continue
            there = lstat_at(home, name)
            if not stat.S_ISDIR(there.st_mode) or there.st_dev != dev:
                continue
            sub_trash = open_dir(name, trash)
            try:
                sub_home = open_dir(name, home)
                try:
                    if same(os.fstat(sub_home), (there.st_dev, there.st_ino)):
                        _clear_temps(sub_trash, sub_home, dev, f"{path}/{name}", temp, since,
                                     removed)
                finally:
                    os.close(sub_home)
            finally:
                os.close(sub_trash)


def _remove_made_since(folder: int, name: str, dev: int, since: float) -> bool:
    """Remove `name` when it (and, for a folder, all it holds) is this user's, made since
    `since`, on `dev`: what copy_at makes. False when anything of it stays."""
    st = lstat_at(folder, name)
    # (root's copy keeps the trash copy's owners: for root, what it made may be anyone's)
    if (st.st_uid != os.geteuid() != 0 or st.st_dev != dev
            or st.st_ctime < since - _CLOCK_SLACK_S):
        return False
    if stat.S_ISDIR(st.st_mode):
        fd = open_dir(name, folder)
        try:
            if not same(os.fstat(fd), (st.st_dev, st.st_ino)):
                return False
            mode = stat.S_IMODE(st.st_mode)
            if st.st_uid == os.geteuid() and mode & 0o300 != 0o300:
                # A read-only folder the copy finished (a Go module cache is 0555): ours,
                # so made writable to empty it; its mode back when anything stays.
                os.fchmod(fd, mode | 0o700)
            kept = [child for child in sorted(os.listdir(fd))
                    if not _remove_made_since(fd, child, dev, since)]
            if kept and stat.S_IMODE(os.fstat(fd).st_mode) != mode:
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        if kept:
            return False
        os.rmdir(name, dir_fd=folder)
        return True
    if stat.S_ISREG(st.st_mode) and st.st_nlink != 1:
        return False  # a hard link to it elsewhere: not a copy of ours
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        return False
    os.unlink(name, dir_fd=folder)
    return True


def _same_entry(trash: int, home: int, name: str, copy: os.stat_result,
                there: os.stat_result) -> bool:
    if stat.S_IFMT(copy.st_mode) != stat.S_IFMT(there.st_mode):
        return False
    if stat.S_ISLNK(copy.st_mode):
        return os.readlink(name, dir_fd=trash) == os.readlink(name, dir_fd=home)
    if not stat.S_ISREG(copy.st_mode):
        return False
    if (copy.st_size, stat.S_IMODE(copy.st_mode)) != (there.st_size,
                                                     stat.S_IMODE(there.st_mode)):
        return False
    return _same_bytes(trash, home, name, copy, there)


def _same_bytes(trash: int, home: int, name: str, copy: os.stat_result,
                there: os.stat_result) -> bool:
    a = os.open(name, FILE_FLAGS, dir_fd=trash)
    try:
        b = os.open(name, FILE_FLAGS, dir_fd=home)
        try:
            if not (same(os.fstat(a), (copy.st_dev, copy.st_ino))
                    and same(os.fstat(b), (there.st_dev, there.st_ino))):
                return False
            while True:
                left, right = os.read(a, _CHUNK), os.read(b, _CHUNK)
                if left != right:
                    return False
                if not left:
                    return True
        finally:
            os.close(b)
    finally:
        os.close(a)
