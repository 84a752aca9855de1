"""Moving one checked item into its trash slot and back out: a rename, or a verified copy and
then the original removed, always relative to folder descriptors."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tidy.core.printable import printable
from tidy.core.units import counted
from tidy.fixes.fdcopy import CopyError, compare_at, copy_at
from tidy.fixes.fdops import (
    Refused,
    birth_ns,
    generation,
    generation_at,
    lstat_at,
    open_dir,
    remove_at,
    remove_copied_at,
    rename_noreplace,
    same,
    why,
)
from tidy.fixes.journal import RunJournal
from tidy.fixes.plan import PlannedAction
from tidy.fixes.recheck import Opened, Problem, files_unchanged, still_there
from tidy.fixes.trash.folder_times import folder_mtime, folder_mtime_after
from tidy.fixes.trash.locate import Slot, TrashLocator
from tidy.fixes.trash.settled import first_change, where_changed

# Called once a verified copy is in place, before the original is removed, with the copy's
# identity (copy_identity); the journal's `copied` line.
Copied = Callable[[dict[str, int]], object]


@dataclass
class Prepared:
    """An item checked, held, given its slot in the trash, and journaled (not yet durable:
    `RunJournal.sync()` makes a batch of them so before any of them moves)."""

    action: PlannedAction
    item: Opened
    slot: Slot
    method: str
    seq: int
    # A verified copy in its slot whose original is still at home: when the copy began
    # (anything at home changed after it stays there, remove_copied_at). Its original is
    # removed only once the batch's users were looked at (record_moved), or the copy dropped
    # (put_back_used).
    copied_since_ns: int | None = None
    # The name that original has in its own folder meanwhile (aside_name; "" when it kept
    # its own): from the copy on, no program finds it at its path, as with a renamed item,
    # and one that holds it is seen there by the look (trust round 17).
    aside: str = ""

    @property
    def dst(self) -> str:
        return os.path.join(self.slot.path, self.item.name)


def move_opened(action: PlannedAction, item: Opened, journal: RunJournal,
                locator: TrashLocator) -> Problem | None:
    """Move the checked, held item into this run's trash; journal first. None when moved;
    Refused for a reason to skip; a Problem "failed: ..." when the move itself failed."""
    prepared = prepare_move(action, item, journal, locator)
    try:
        journal.sync()
        return finish_move(prepared, journal, locator)
    finally:
        prepared.slot.close()


def prepare_move(action: PlannedAction, item: Opened, journal: RunJournal,
                 locator: TrashLocator) -> Prepared:
    """The slot for the held item, and its intent written (durable only after the next
    `journal.sync()`: nothing may move before it). The caller closes `slot` when done."""
    slot, method = locator.place(action, item)
    try:
        if method != "rename":
            # A rename is checked once done (trash/settled.py); a copy takes what it finds.
            files_unchanged(action, item)
        seq = journal.intent(
            "trash", sync=False, path=action.path, dst=os.path.join(slot.path, item.name),
            method=method, code=action.code, kind=action.kind, bytes=action.bytes,
            files=action.files, root=action.root, scan_root=action.scan_root,
            type=action.expected.type, mode=action.expected.mode,
            src_dev=item.st.st_dev, src_ino=item.st.st_ino,
            **_birth_of(item, method), **folder_mtime(item.parent),
            **({"linked_out": action.linked_out} if action.linked_out else {}),
        )
    except BaseException:
        slot.close()
        locator.drop(slot)
        raise
    return Prepared(action, item, slot, method, seq)


def _birth_of(item: Opened, method: str) -> dict[str, int]:
    """The held item's birth time for its intent, when renamed on a filesystem that keeps
    one: undo and purge tell it from a folder made in its slot since, which ext4 may give
    its inode number (locate.made_since). Where it keeps none, the item's generation number
    (ext4 with 128-byte inodes keeps whole seconds only: a folder made within the second of
    the move has the same times; a read of the held descriptor, locate.not_what_moved)."""
    if method != "rename":
        return {}
    try:
        born = birth_ns(item.parent, item.name)
    except OSError:
        return {}  # gone or swapped: the move's own checks say so
    if born is not None:
        return {"src_birth": born}
    try:
        number = generation(item.fd) if item.fd >= 0 else None
    except OSError:
        return {}
    return {} if number is None else {"src_gen": number}


def finish_move(prepared: Prepared, journal: RunJournal, locator: TrashLocator) -> Problem | None:
    """Move a prepared item whose intent is durable (see move_opened for what it returns)."""
    problem = move_now(prepared, journal, locator)
    if problem is None:
        problem = record_moved(prepared, journal, locator)
    return problem


def record_moved(prepared: Prepared, journal: RunJournal, locator: TrashLocator
                 ) -> Problem | None:
    """The move of an item move_now moved, journaled as done: a copy's original removed
    first (a failed Problem, journaled as done with a warning, when some of it stays)."""
    if prepared.copied_since_ns is not None:
        item = prepared.item
        at = prepared.aside or item.name
        try:
            if not same(lstat_at(item.parent, at), (item.st.st_dev, item.st.st_ino)):
                raise OSError(errno.ESTALE, "replaced after it was copied (what is there "
                              "now stays)")
            left = left_behind([item.name + path[len(at):] for path in remove_copied_at(
                item.parent, at, prepared.slot.fd, item.name, prepared.copied_since_ns)])
        except OSError as error:
            left = f"copied, but the original could not be fully removed: {why(error)}"
        if prepared.aside:  # what stays (written during the move) goes back to its name
            stays = back_from_aside(item.parent, prepared.aside, item.name)
            left = f"{left}; {stays}" if left and stays else left or stays
        prepared.copied_since_ns = None
        if left:
            journal.done(prepared.seq, warning=left, **folder_mtime_after(item.parent))
            return Problem(f"failed: {left}", True)
    journal.done(prepared.seq, **folder_mtime_after(prepared.item.parent))
    locator.last = prepared.dst
    return None


def put_back_used(prepared: Prepared, journal: RunJournal, locator: TrashLocator,
                  reason: str) -> Problem:
    """An item move_now moved, that a live process was found to use once moved (`reason`:
    in use by ...): renamed back to its place (a Problem with `reason`), or, when its name
    was taken meanwhile, left in the trash, journaled (a failed Problem with why). A copy's
    original never left: the copy is dropped from the trash."""
    item = prepared.item
    if prepared.copied_since_ns is not None:
        return _drop_copy(prepared, journal, locator, reason)
    try:
        partial = _put_back(item, prepared.slot.fd, f"it moved, but {reason} (seen once moved)",
                            f"{reason} (seen once moved)", True)
    except Refused as refused:
        journal.failed(prepared.seq, refused.reason)
        locator.drop(prepared.slot)
        return Problem.of(refused)
    journal.done(prepared.seq, warning=partial)
    return Problem(f"failed: {partial}", True)


def _drop_copy(prepared: Prepared, journal: RunJournal, locator: TrashLocator,
               reason: str) -> Problem:
    """The verified copy of an item in use taken out of the trash; its original stays (back
    at its name when it was set aside)."""
    prepared.copied_since_ns = None
    if prepared.aside:
        stays = back_from_aside(prepared.item.parent, prepared.aside, prepared.item.name)
        if stays:
            reason = f"{reason}; {stays}"
    try:
        remove_at(prepared.slot.fd, prepared.item.name)
    except OSError as error:
        said = (f"{reason} (seen once copied): it stays; its copy could not be taken out of "
                f"the trash ({why(error)})")
        journal.failed(prepared.seq, said)
        return Problem(f"failed: {said}", True)
    said = f"{reason} (seen once copied); its copy taken out of the trash, nothing moved"
    journal.failed(prepared.seq, said)
    locator.drop(prepared.slot)
    return Problem(said, True)


def moved_path(prepared: Prepared) -> str:
    """Where a process using the moved item now names it in /proc: a renamed item's place in
    the trash, a copied one's original at home (each folder's descriptor read back: a state
    folder below a linked HOME reads as the link's target there)."""
    copied = prepared.copied_since_ns is not None
    folder, fallback = ((prepared.item.parent, prepared.action.path) if copied
                        else (prepared.slot.fd, prepared.dst))
    name = (prepared.aside or prepared.item.name) if copied else prepared.item.name
    try:
        return os.path.join(os.readlink(f"/proc/self/fd/{folder}"), name)
    except OSError:
        return os.path.join(os.path.dirname(fallback), name)


def move_now(prepared: Prepared, journal: RunJournal, locator: TrashLocator) -> Problem | None:
    """finish_move but the done record: None when it moved (record_moved or put_back_used
    next); Refused or a Problem as finish_move."""
    item, slot, seq = prepared.item, prepared.slot, prepared.seq
    try:
        still_there(item)

        def copied(made: dict[str, int]) -> None:
            # `aside`: its original is renamed aside next (recovery looks for it there)
            journal.write({"op": "copied", "ref": seq, "aside": 1, **made}, sync=True)

        if prepared.method != "rename":
            # Its original is removed by record_moved, once the batch's users were looked
            # at: one that started using it since the run's look keeps it (trust round 16).
            prepared.copied_since_ns = copy_in(item.parent, item.name, slot.fd, item.name,
                                               copied, (item.st.st_dev, item.st.st_ino))
            prepared.aside = _set_aside(item, aside_name(journal.run_id, seq))
            return None
        partial = _rename_in(item, slot.fd, prepared.action)
    except Refused as refused:
        journal.failed(seq, refused.reason)
        locator.drop(slot)
        raise
    except OSError as error:
        journal.failed(seq, why(error))
        locator.drop(slot)
        return Problem(f"failed: {why(error)}", True)
    if partial:
        journal.done(seq, warning=partial)
        return Problem(f"failed: {partial}", True)
    return None


def aside_name(run_id: str, seq: int) -> str:
    """The name a copied item's original has in its own folder between its verified copy and
    its removal (or its return): one per run and item, so recovery finds it from the journal
    without taking a name from it."""
    return f".tidy-aside-{run_id}-{seq}"


def _set_aside(item: Opened, aside: str) -> str:
    """Rename the copied original to `aside` in its folder: `aside`, or "" when it keeps its
    name (the rename failed: it is looked at and removed there, as before; something else
    was renamed, swapped in the instant: put back, and record_moved finds it replaced)."""
    try:
        rename_noreplace(item.parent, item.name, item.parent, aside)
    except OSError:
        return ""
    try:
        if same(lstat_at(item.parent, aside), (item.st.st_dev, item.st.st_ino)):
            return aside
    except OSError:
        return ""
    with contextlib.suppress(OSError):
        rename_noreplace(item.parent, aside, item.parent, item.name)
    return ""


def back_from_aside(parent_fd: int, aside: str, name: str) -> str:
    """Rename what stays of a copied original at `aside` back to its own `name`: "" when
    done or nothing is there, else where it stays and why."""
    try:
        rename_noreplace(parent_fd, aside, parent_fd, name)
    except FileNotFoundError:
        return ""
    except OSError as error:
        return f"it stays as {printable(aside)} beside its name ({why(error)})"
    return ""


def _rename_in(item: Opened, slot_fd: int, action: PlannedAction) -> str:
    """Rename the item into the slot under its own name. "" or a warning when it moved but
    could not be put back; OSError when nothing moved; Refused when it moved and was put
    back."""
    _rename_item(item, slot_fd)
    if not same(lstat_at(slot_fd, item.name), (item.st.st_dev, item.st.st_ino)):
        # Swapped in the instant between the last check and the rename: put it back.
        return _put_back(item, slot_fd, "something else was moved (the item was replaced "
                         "in the instant before the move)", "replaced during the move", True)
    # Out of every path's reach now: what it holds is what moved (trash/settled.py).
    change = first_change(item, slot_fd, action.expected.since_ns)
    if change is not None:
        where = printable(where_changed(action.path, change))
        return _put_back(item, slot_fd, f"it moved, but {where} changed after the scan "
                         "began", f"modified since the plan: {where} changed after the "
                         "scan began (seen once moved)", False)
    return ""


def _put_back(item: Opened, slot_fd: int, moved: str, refused: str, attention: bool) -> str:
    """Rename what was just moved back to its place: Refused(`refused`; put back), or the
    warning `moved` and why it could not be (the name taken meanwhile: it stays in the trash,
    journaled; `tidy undo` puts it back once the name is free)."""
    try:
        rename_noreplace(slot_fd, item.name, item.parent, item.name)
    except OSError as error:
        return f"{moved} and could not be put back ({why(error)}); `tidy undo` puts it back"
    raise Refused(f"{refused}; put back", attention)


def _rename_item(item: Opened, slot_fd: int) -> None:
    try:
        rename_noreplace(item.parent, item.name, slot_fd, item.name)
    except PermissionError:
        # Moving a folder to another parent rewrites its `..`: Linux wants write permission
        # on the folder itself. For our own read-only folder: allow it, move, restore.
        st = item.st
        if (item.fd < 0 or not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid()
                or st.st_mode & stat.S_IWUSR):
            raise
        os.fchmod(item.fd, stat.S_IMODE(st.st_mode) | stat.S_IWUSR)
        try:
            rename_noreplace(item.parent, item.name, slot_fd, item.name)
        finally:
            os.fchmod(item.fd, stat.S_IMODE(st.st_mode))


def copy_then_remove(src_fd: int, src: str, dst_fd: int, dst: str,
                     copied: Copied, ident: tuple[int, int] | None = None) -> str:
    """Copy to `dst.partial`, verify, rename into place, call `copied(made)` with the copy's
    own identity (copy_identity: the journal notes the copy is complete, and what it is),
    then delete what of the original the copy holds (anything written into it since the
    comparison stays: see left_behind). "" or a warning when some of the original could not
    be removed. With `ident`, the source must be that (st_dev, st_ino) before the copy and
    before the original is deleted."""
    started_ns = copy_in(src_fd, src, dst_fd, dst, copied, ident)
    try:
        left = remove_copied_at(src_fd, src, dst_fd, dst, started_ns)
    except OSError as error:
        return f"copied, but the original could not be fully removed: {why(error)}"
    return left_behind(left)


def copy_in(src_fd: int, src: str, dst_fd: int, dst: str, copied: Copied,
            ident: tuple[int, int] | None = None) -> int:
    """copy_then_remove up to the original's removal: the verified copy at `dst`, journaled
    (`copied`); when the copy began, what remove_copied_at keeps anything changed after."""
    partial = dst + ".partial"

    def check() -> None:
        if ident is not None and not same(lstat_at(src_fd, src), ident):
            raise Refused("replaced during the copy; nothing moved")

    started_ns = time.time_ns()  # anything changed after this stays (remove_copied_at)
    check()
    try:
        copy_at(src_fd, src, dst_fd, partial)
    except FileExistsError as error:
        if partial in (error.filename, error.filename2):
            # The name is someone else's (the user's own `node_modules.partial`): never ours
            # to remove.
            raise OSError(errno.EEXIST, f"{partial} exists already (not tidy's); "
                          "nothing moved", partial) from None
        with contextlib.suppress(OSError):
            remove_at(dst_fd, partial)
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            remove_at(dst_fd, partial)
        raise
    try:
        made = copy_identity(dst_fd, partial)
        difference = compare_at(src_fd, src, dst_fd, partial)
        if difference:
            raise CopyError(errno.EIO, f"copy did not verify: {difference}")
        check()
        rename_noreplace(dst_fd, partial, dst_fd, dst)
    except BaseException:
        with contextlib.suppress(OSError):
            remove_at(dst_fd, partial)
        raise
    if not same(lstat_at(dst_fd, dst), (made["copy_dev"], made["copy_ino"])):
        # Swapped between the comparison and the rename: what is there is not ours.
        raise CopyError(errno.EIO, "the copy was replaced in the trash before the original "
                        "was removed; nothing removed")
    copied(made)
    return started_ns


def copy_identity(dir_fd: int, name: str) -> dict[str, int]:
    """What tells the copy tidy just made (`name` in `dir_fd`) from anything put in its
    place later: its inode, and its birth time or, where the filesystem keeps none, its
    generation number. A copy is a new inode, so the source's own identity (a rename's) says
    nothing of it; without this, on a filesystem with whole-second times and no birth time
    (ext4 with 128-byte inodes) a folder made in the slot within the second of the move
    passed undo's and purge's checks (locate.not_what_moved, trust round 10)."""
    st = lstat_at(dir_fd, name)
    made = {"copy_dev": st.st_dev, "copy_ino": st.st_ino}
    born = birth_ns(dir_fd, name)
    if born is not None:
        made["copy_birth"] = born
        return made
    number = generation_at(dir_fd, name, st)
    if number is not None:
        made["copy_gen"] = number
    return made


def left_behind(left: list[str]) -> str:
    """The warning for what stayed at home because the copy does not hold it ("" if none)."""
    if not left:
        return ""
    were = "was" if len(left) == 1 else "were"
    return (f"copied, but {counted(len(left), 'path')} written or changed during the move "
            f"{were} left in place, not in the trash (e.g. {left[0]})")


# -- path wrappers (tests, and tools that hold paths rather than descriptors) ---------------
def remove_tree(path: str) -> None:
    """Delete `path` for good: its parent opened once, then remove_at (never follows links)."""
    parent = open_dir(os.path.dirname(path) or ".")
    try:
        remove_at(parent, os.path.basename(path))
    finally:
        os.close(parent)


def copy_tree(src: str, dst: str) -> None:
    with _parents(src, dst) as (a, b):
        copy_at(a, os.path.basename(src), b, os.path.basename(dst))


def compare_trees(a: str, b: str) -> str:
    with _parents(a, b) as (fa, fb):
        return compare_at(fa, os.path.basename(a), fb, os.path.basename(b))


def transfer(src: str, dst: str, method: str, copied: Copied) -> str:
    """Move src to dst (dst must not exist), by their parents' descriptors."""
    with _parents(src, dst) as (a, b):
        if method == "rename":
            rename_noreplace(a, os.path.basename(src), b, os.path.basename(dst))
            return ""
        return copy_then_remove(a, os.path.basename(src), b, os.path.basename(dst), copied)


@contextlib.contextmanager
def _parents(a: str, b: str) -> Iterator[tuple[int, int]]:
    fa = open_dir(os.path.dirname(a) or ".")
    try:
        fb = open_dir(os.path.dirname(b) or ".")
        try:
            yield fa, fb
        finally:
            os.close(fb)
    finally:
        os.close(fa)
