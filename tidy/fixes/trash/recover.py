"""Putting back: `tidy undo` of a trash intent, and what a kill left in flight, decided from
the disk (the item in the trash, at home, or a verified copy half removed)."""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from tidy.core.models import ActionKind
from tidy.fixes import Outcome, Status
from tidy.fixes.fdcopy import holds_only_a_copy_of, same_bytes
from tidy.fixes.fdops import (
    Chain,
    Refused,
    exists_at,
    lstat_at,
    open_chain,
    open_dir,
    remove_at,
    remove_copied_at,
    rename_noreplace,
    why,
)
from tidy.fixes.journal import Intent, RunJournal
from tidy.fixes.trash.folder_times import FolderTimes
from tidy.fixes.trash.locate import (
    Spot,
    SpotChecker,
    not_what_moved,
    open_run,
    remove_run_if_empty,
)
from tidy.fixes.trash.merge import Merged, clear_merge_temp, merge_back, new_merge_temp, shown
from tidy.fixes.trash.move import (
    Copied,
    aside_name,
    back_from_aside,
    copy_then_remove,
    left_behind,
)

# Items put back together: their undo-intents made durable by one fsync before any moves
# (as the fix's moves: tidy.fixes.trash.applier); two descriptors held per item.
_UNDO_BATCH = 256


def undo_many(intents: Sequence[Intent], journal: RunJournal,
              checker: SpotChecker) -> list[Outcome]:
    """Put back each intent's item, in the order given; a batch at a time, each item checked
    and held, the batch's undo-intents synced once, then each renamed home."""
    runs = _RunFolders()
    times = _fix_times(intents, checker)
    outcomes: list[Outcome] = []
    try:
        for start in range(0, len(intents), _UNDO_BATCH):
            outcomes += _undo_batch(intents[start:start + _UNDO_BATCH], journal, checker, runs,
                                    times)
    finally:
        runs.close()
    return outcomes


def _home_key(spot: Spot) -> tuple[str, tuple[str, ...]]:
    return (spot.scan_root, spot.src_parts)


def _fix_times(intents: Sequence[Intent], checker: SpotChecker) -> FolderTimes:
    """What the fix recorded of each home folder's mtime (folder_times)."""
    times = FolderTimes()
    for intent in intents:
        spot = checker.spot(intent)
        if not isinstance(spot, str):
            times.note(_home_key(spot), intent)
    return times


class _RunFolders:
    """The run folders of one undo, each opened once (by descriptors) and held to the end."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, tuple[str, ...]], Chain] = {}

    def of(self, spot: Spot) -> Chain:
        key = (spot.anchor, spot.run_parts)
        if key not in self._open:
            self._open[key] = open_run(spot)
        return self._open[key]

    def close(self) -> None:
        for chain in self._open.values():
            chain.close()
        self._open.clear()


@dataclass
class _Held:
    """An item checked in its slot, its way home open and its name there free."""

    intent: Intent
    spot: Spot
    run: Chain
    slot: Chain
    home: Chain


def _undo_batch(intents: Sequence[Intent], journal: RunJournal, checker: SpotChecker,
                runs: _RunFolders, times: FolderTimes) -> list[Outcome]:
    results: dict[int, Outcome] = {}
    ready: list[tuple[int, _Held]] = []
    checker.refresh()  # the way to the roots looked at again for each batch
    homes = _Homes()
    with contextlib.ExitStack() as held:
        held.callback(homes.close)
        for index, intent in enumerate(intents):
            prepared = _undo_prepare(intent, journal, checker, runs, homes, held)
            if isinstance(prepared, Outcome):
                results[index] = prepared
            else:
                ready.append((index, prepared))
        if ready:
            journal.sync()  # every undo-intent of the batch durable before anything moves
        homes_of_batch = {_home_key(item.spot): item.home for _, item in ready}
        for key, home in homes_of_batch.items():
            times.look(key, home.fd)
        for index, item in ready:
            results[index] = _undo_finish(item, journal)
        for index, outcome in results.items():
            spot = checker.spot(intents[index])
            if (outcome.status is not Status.DONE or outcome.attention) and not isinstance(
                    spot, str):
                times.keep(_home_key(spot))  # not all of it home: its time says so
        for key, home in homes_of_batch.items():
            times.set_back(key, home.fd)
    return [results[index] for index in range(len(intents))]


def _undo_failed(intent: Intent, journal: RunJournal, reason: str) -> Outcome:
    entry = intent.entry
    journal.write({"op": "undo-fail", "ref": intent.seq, "reason": reason}, sync=True)
    return Outcome(str(entry.get("path", "")), ActionKind.TRASH, Status.FAILED, reason, True,
                   where=str(entry.get("dst", "")), run=journal.run_id)


def _undo_error(error: Exception, intent: Intent, journal: RunJournal) -> Outcome:
    dst = str(intent.entry.get("dst", ""))
    if isinstance(error, Refused):
        if "is gone" in error.reason and "trash" in error.reason:
            return _undo_failed(intent, journal, _not_in_trash(dst, journal.run_id))
        return _undo_failed(intent, journal, error.reason + f"; left in the trash at {dst}")
    assert isinstance(error, OSError)
    return _undo_failed(intent, journal, _not_put_back(error, dst, journal.run_id))


class _Homes:
    """The folders items go back to, each opened once per batch (from the root down, by
    descriptors, made when missing) and held until the batch is put back: items of one
    folder (100,000 .pyc beside their sources) share it."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, tuple[str, ...]], Chain] = {}

    def of(self, spot: Spot) -> Chain:
        key = (spot.scan_root, spot.src_parts)
        if key not in self._open:
            chain = open_chain(spot.scan_root, spot.src_parts, make=0o755,
                               what="a folder on the way back")
            chain.release_ancestors()
            self._open[key] = chain
        return self._open[key]

    def close(self) -> None:
        for chain in self._open.values():
            chain.close()
        self._open.clear()


def _undo_prepare(intent: Intent, journal: RunJournal, checker: SpotChecker,
                  runs: _RunFolders, homes: _Homes,
                  held: contextlib.ExitStack) -> _Held | Outcome:
    """Check one item (in the trash, its way home, its name there free) and journal its
    undo-intent (durable only after the batch's sync); or its outcome when it is done with
    now: refused, not in the trash, or merged back around what stayed at home."""
    entry = intent.entry
    dst = str(entry.get("dst", ""))
    spot = checker.spot(intent)
    if isinstance(spot, str):
        return _undo_failed(intent, journal, f"journal entry refused: {spot}; nothing done")
    try:
        with contextlib.ExitStack() as mine:
            run = runs.of(spot)
            slot = mine.enter_context(open_chain(run.path, (spot.slot,), anchor_fd=run.fd,
                                                 what="its trash slot"))
            if not exists_at(slot.fd, spot.name):
                return _undo_failed(intent, journal, _not_in_trash(dst, journal.run_id))
            swapped = not_what_moved(intent, slot.fd, spot.name)
            if swapped:
                return _undo_failed(intent, journal,
                                    f"{swapped}; nothing put back, it stays at {dst}")
            home = homes.of(spot)
            if exists_at(home.fd, spot.name):
                if not _left_in_place(intent, slot.fd, home.fd, spot.name):
                    return _undo_failed(intent, journal, _taken_since(dst, journal.run_id))
                return _merge_home(intent, journal, spot, run, slot, home)
            journal.write({"op": "undo-intent", "ref": intent.seq})
            slot.release_ancestors()
            held.enter_context(mine.pop_all())  # held until the batch is put back
            return _Held(intent, spot, run, slot, home)
    except (Refused, OSError) as error:
        return _undo_error(error, intent, journal)


def _merge_home(intent: Intent, journal: RunJournal, spot: Spot, run: Chain, slot: Chain,
                home: Chain) -> Outcome:
    """A copy put back around what a move across filesystems left at home (rare: one at a
    time, its undo-intent synced alone, with the temp name recovery clears)."""
    entry = intent.entry
    dst = str(entry.get("dst", ""))
    temp = new_merge_temp()  # journaled first: recovery clears it
    journal.write({"op": "undo-intent", "ref": intent.seq, "merge_temp": temp}, sync=True)
    merged = merge_back(slot.fd, home.fd, spot.name,
                        (int(entry["src_dev"]), int(entry["src_ino"])), temp)
    if merged.kept:
        return _undo_failed(intent, journal, _merge_report(merged, dst, spot, journal.run_id))
    with contextlib.suppress(OSError):
        os.rmdir(spot.slot, dir_fd=run.fd)
    return _undo_done(intent, journal, _merge_report(merged, dst, spot, journal.run_id), False)


def _undo_finish(item: _Held, journal: RunJournal) -> Outcome:
    intent, spot = item.intent, item.spot
    try:
        partial = _put_back(intent.entry, item.slot.fd, item.home.fd, spot.name,
                            lambda _made: journal.write(
                                {"op": "undo-copied", "ref": intent.seq}, sync=True))
    except (Refused, OSError) as error:
        return _undo_error(error, intent, journal)
    with contextlib.suppress(OSError):
        os.rmdir(spot.slot, dir_fd=item.run.fd)
    return _undo_done(intent, journal, partial, bool(partial))


def _undo_done(intent: Intent, journal: RunJournal, said: str, attention: bool) -> Outcome:
    entry = intent.entry
    src = str(entry.get("path", ""))
    journal.write({"op": "undo-done", "ref": intent.seq}, sync=bool(said))
    return Outcome(src, ActionKind.TRASH, Status.DONE, said, attention,
                   int(entry.get("bytes", 0)), int(entry.get("files", 0)), src,
                   run=journal.run_id)


def _not_in_trash(dst: str, run_id: str) -> str:
    """The item is not where the journal says (a `.tidy-trash` on a disk that is not mounted
    now looks the same as a purged one): nothing is marked lost, undo may run again."""
    return (f"not in the trash at {dst} (purged, removed by hand, or on a disk that is not "
            f"mounted now: mount it and run `tidy undo {run_id}` again)")


def _not_put_back(error: OSError, dst: str, run_id: str) -> str:
    """Why a put-back failed, where the item is, and what to do (a full disk, a folder
    mounted over since the fix, a read-only one: the environment, not the journal)."""
    if error.errno == errno.EXDEV:
        cause = ("its folder is now on another filesystem than the trash (something was "
                 "mounted there since the fix)")
    else:
        cause = why(error)
    return (f"{cause}; it stays in the trash at {dst}: run `tidy undo {run_id}` again once "
            "that is resolved")


def _taken_since(dst: str, run_id: str) -> str:
    """Why an item stays in the trash when its name at home was taken again since the fix (a
    build or a test run regenerates the caches it moved: the common case after a fix), and
    the two ways on: a user running the tests between fix and undo must not read it as loss."""
    return ("something now exists at the original path (a build or test run may have made it "
            f"again); it stays as it is, and the old one stays in the trash at {dst}: move "
            f"what is there aside and run `tidy undo {run_id}` again to put the old one "
            "back, or `tidy trash purge` to free it")


def _left_in_place(intent: Intent, slot_fd: int, home_fd: int, name: str) -> bool:
    """Whether what is at home is the very folder a move across filesystems left in place
    (what the copy did not hold stayed in it: the move's journal says so, and its inode is
    the planned one), and the trash holds a folder: then undo merges the copy back around
    it. A folder made anew since (a node_modules rebuilt after the fix) is another tree,
    never merged into, even when it got the old folder's inode number: ext4 hands a freed
    inode to the next folder made beside it, so the number alone does not tell."""
    entry = intent.entry
    if entry.get("method") != "copy" or not _kept_at_home(intent):
        return False
    there, copy = lstat_at(home_fd, name), lstat_at(slot_fd, name)
    return (stat.S_ISDIR(there.st_mode) and stat.S_ISDIR(copy.st_mode)
            and (there.st_dev, there.st_ino) == (entry.get("src_dev"), entry.get("src_ino")))


def _kept_at_home(intent: Intent) -> bool:
    """Whether the move left its folder in place: its `done`, or the recovery that finished
    it after a kill, carries the warning of what stayed (move.left_behind, or an original
    that could not be fully removed)."""
    moved = intent.last("done", "recovered")
    return moved is not None and bool(moved.get("warning"))


def _merge_report(merged: Merged, dst: str, spot: Spot, run_id: str) -> str:
    said = (f"put back around what stayed at home: {len(merged.restored)} entr(ies) "
            f"restored, {len(merged.already)} already the same at home")
    if not merged.kept:
        return said
    if merged.blocked:
        rel, reason = next(iter(merged.blocked.items()))
        folder = os.path.join(spot.scan_root, *spot.src_parts, rel)
        return (f"{said}; {shown(folder)}: {reason.lower()} to put {len(merged.kept)} "
                f"entr(ies) back into it: make it writable (chmod u+w "
                f"{shlex.quote(shown(folder))}) and run `tidy undo {run_id}` again; they "
                f"stay in the trash at {dst} meanwhile")
    return (f"{said}; {len(merged.kept)} would overwrite what is at home now and stay in "
            f"the trash at {dst} (e.g. {merged.kept[0]})")


def _put_back(entry: dict[str, object], slot_fd: int, home_fd: int, name: str,
              copied: Copied) -> str:
    if entry.get("method") == "copy" and os.fstat(slot_fd).st_dev != os.fstat(home_fd).st_dev:
        return copy_then_remove(slot_fd, name, home_fd, name, copied)
    st = lstat_at(slot_fd, name)
    try:
        rename_noreplace(slot_fd, name, home_fd, name)
    except PermissionError:
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid():
            raise
        fd = open_dir(name, slot_fd)
        try:
            os.fchmod(fd, stat.S_IMODE(st.st_mode) | stat.S_IWUSR)
            try:
                rename_noreplace(slot_fd, name, home_fd, name)
            finally:
                os.fchmod(fd, stat.S_IMODE(st.st_mode))
        finally:
            os.close(fd)
    return ""


def tidy_up_runs(checker: SpotChecker, intents: Sequence[Intent]) -> None:
    """After undo: remove this run's folders that are now empty, and a .tidy-trash that
    holds no run any more (no empty leftovers in the user's folders)."""
    bases: dict[tuple[str, tuple[str, ...]], Spot] = {}
    for intent in intents:
        spot = checker.spot(intent)
        if isinstance(spot, Spot):
            bases[(spot.anchor, spot.base_parts)] = spot
    for spot in bases.values():
        remove_run_if_empty(spot)


# -- recovery after a kill ------------------------------------------------------------------
def recover_intent(intent: Intent, journal: RunJournal, checker: SpotChecker) -> Outcome:
    """Decide from the disk what became of an intent a killed run left unresolved. Its
    `recovered` entry is not synced here: nothing is done on its word (a recovery cut short
    decides again from the disk), and the caller syncs the journal once at the end."""
    entry = intent.entry
    src, dst = str(entry.get("path", "")), str(entry.get("dst", ""))
    spot = checker.spot(intent)
    if isinstance(spot, str):
        journal.write({"op": "recovered", "ref": intent.seq, "state": "refused"})
        return Outcome(src, ActionKind.TRASH, Status.FAILED,
                       f"journal entry refused: {spot}; nothing done", True, where=dst,
                       run=journal.run_id)
    try:
        run = _gone_is_none(lambda: open_run(spot))
        try:
            slot_fd = _open_or_none(run.fd, spot.slot) if run is not None else -1
            try:
                with _open_home(spot) as home:
                    if intent.undo_in_flight:
                        return _recover_undo(intent, journal, spot, slot_fd, home)
                    return _recover_move(intent, journal, spot, run, slot_fd, home)
            finally:
                if slot_fd >= 0:
                    os.close(slot_fd)
        finally:
            if run is not None:
                run.close()
    except Refused as refused:
        # A symlink where tidy's trash or the way home should be: touch nothing.
        if intent.undo_in_flight:
            journal.write({"op": "recovered-undo", "ref": intent.seq, "state": "in-trash"})
        else:
            journal.write({"op": "recovered", "ref": intent.seq, "state": "refused"})
        return Outcome(src, ActionKind.TRASH, Status.FAILED, refused.reason, True, where=dst,
                       run=journal.run_id)


def _gone_is_none(opener: Callable[[], Chain]) -> Chain | None:
    try:
        return opener()
    except Refused as refused:
        if refused.link:
            raise
        return None


@contextlib.contextmanager
def _open_home(spot: Spot) -> Iterator[Chain | None]:
    chain = _gone_is_none(lambda: open_chain(spot.scan_root, spot.src_parts,
                                             what="a folder on the way back"))
    try:
        yield chain
    finally:
        if chain is not None:
            chain.close()


def _open_or_none(dir_fd: int, name: str) -> int:
    try:
        return open_dir(name, dir_fd)
    except OSError:
        return -1


def _home_from_aside(intent: Intent, run_id: str, home_fd: int, name: str,
                     slot_fd: int) -> str:
    """A copied original the kill left set aside (move.aside_name, named from the run and the
    intent, never from the journal's text) goes back to its name, when it is the item the
    intent moved (its inode): recovery then goes on as for one that never left it. Its name
    taken meanwhile (npm installed again): it is removed where it is as far as the copy holds
    it byte for byte, and what stays is said (""  when nothing does)."""
    said = intent.last("copied")
    if said is None or not said.get("aside"):
        return ""
    aside = aside_name(run_id, intent.seq)
    try:
        st = lstat_at(home_fd, aside)
    except OSError:
        return ""
    if (st.st_dev, st.st_ino) != (intent.entry.get("src_dev"), intent.entry.get("src_ino")):
        return ""
    if not back_from_aside(home_fd, aside, name):
        return ""
    if slot_fd >= 0 and exists_at(slot_fd, name):
        with contextlib.suppress(OSError):
            remove_copied_at(home_fd, aside, slot_fd, name,
                             int(float(intent.entry["time"]) * 1e9), same_bytes)
    if exists_at(home_fd, aside):
        return (f"what was written at home during the move stays set aside as {aside} "
                "beside its name (taken since)")
    return ""


def _recover_move(intent: Intent, journal: RunJournal, spot: Spot, run: Chain | None,
                  slot_fd: int, home: Chain | None) -> Outcome:
    entry, name = intent.entry, spot.name
    copied = intent.has("copied")
    if slot_fd >= 0 and entry.get("method") == "copy" and not copied:
        with contextlib.suppress(OSError):
            if exists_at(slot_fd, name + ".partial"):
                remove_at(slot_fd, name + ".partial")  # our own half copy; the original is whole
    left = ""
    if copied and entry.get("method") == "copy" and home is not None:
        left = _home_from_aside(intent, journal.run_id, home.fd, name, slot_fd)
    in_trash = slot_fd >= 0 and exists_at(slot_fd, name)
    at_home = home is not None and exists_at(home.fd, name)
    if copied and entry.get("method") == "copy" and in_trash and at_home and home is not None:
        # The verified copy is complete: finish what the kill interrupted, deleting only what
        # the copy holds (a build may have written there since the kill), byte for byte:
        # the `copied` line is the journal's word and the copy sits in a trash whatever
        # writes the repo can write (trust round 9: a copy of the same sizes and times
        # holding other bytes made recovery delete the originals).
        with contextlib.suppress(OSError):
            left = left_behind(remove_copied_at(home.fd, name, slot_fd, name,
                                                int(float(intent.entry["time"]) * 1e9),
                                                same_bytes)) or left
        at_home = exists_at(home.fd, name)
    state_name = "moved" if in_trash else "not-moved" if at_home else "missing"
    recovered: dict[str, object] = {"op": "recovered", "ref": intent.seq, "state": state_name}
    if state_name == "moved" and at_home:  # the folder stays at home: undo merges around it
        recovered["warning"] = left or "the original stays in place beside the trash copy"
    journal.write(recovered)  # synced once, at the end of the recovery
    if not in_trash and run is not None:
        with contextlib.suppress(OSError):
            os.rmdir(spot.slot, dir_fd=run.fd)
    status = Status.FAILED if state_name == "missing" else Status.DONE
    dst = str(entry.get("dst", ""))
    reason = {"moved": f"was moved to the trash ({dst})",
              "not-moved": "had not moved; still in place",
              "missing": "neither in place nor in the trash"}[state_name]
    return Outcome(str(entry.get("path", "")), ActionKind.TRASH, status,
                   f"{reason}; {left}" if left else reason, state_name == "missing" or bool(left),
                   where=dst, run=journal.run_id)


def _our_partial(intent: Intent, home_fd: int, partial: str) -> bool:
    """Whether `partial` at home is the half copy this undo made (a copy-method undo, made
    since the undo began): a `<name>.partial` of the user's own is never removed."""
    began = intent.last("undo-intent")
    if intent.entry.get("method") != "copy" or began is None:
        return False
    try:
        st = lstat_at(home_fd, partial)
    except OSError:
        return False
    # (a little slack: some filesystems' clocks are coarse)
    return st.st_uid == os.geteuid() and st.st_ctime >= float(began["time"]) - 0.05


def _recover_undo(intent: Intent, journal: RunJournal, spot: Spot, slot_fd: int,
                  home: Chain | None) -> Outcome:
    name = spot.name
    undo_ops = [r.get("op") for r in intent.results if str(r.get("op", "")).startswith("undo-")]
    in_trash = slot_fd >= 0 and exists_at(slot_fd, name)
    cleared: list[str] = []
    if home is not None and in_trash:
        if undo_ops and undo_ops[-1] == "undo-copied" and exists_at(home.fd, name):
            # The restored copy verified: finish removing what of the trashed item it holds,
            # byte for byte (the journal's word: a forged line and anything at home of that
            # name made recovery delete the trashed item whole, trust round 9).
            if intent.entry.get("method") == "copy":
                began = intent.last("undo-intent")
                since = float(began["time"]) if began is not None else float(
                    intent.entry["time"])
                with contextlib.suppress(OSError):
                    remove_copied_at(slot_fd, name, home.fd, name, int(since * 1e9),
                                     same_bytes)
        elif _our_partial(intent, home.fd, name + ".partial") and holds_only_a_copy_of(
                home.fd, name + ".partial", slot_fd, name):
            # Only what holds nothing the trashed item does not (the undo-intent's time
            # is the journal's word: forged, it made a user's own `x.partial` tidy's).
            with contextlib.suppress(OSError):
                remove_at(home.fd, name + ".partial")
        else:
            cleared = _clear_merge_copy(intent, slot_fd, home.fd, name)
    in_trash = slot_fd >= 0 and exists_at(slot_fd, name)
    restored = home is not None and exists_at(home.fd, name) and not in_trash
    journal.write({"op": "recovered-undo", "ref": intent.seq,
                   "state": "restored" if restored else "in-trash"})
    dst = str(intent.entry.get("dst", ""))
    said = "restored" if restored else f"still in the trash ({dst})"
    if cleared:
        said += (f"; the half-made copy the interrupted undo left at home was removed "
                 f"({shown(cleared[0])})")
    return Outcome(str(intent.entry.get("path", "")), ActionKind.TRASH, Status.DONE, said,
                   where=dst, run=journal.run_id)


def _clear_merge_copy(intent: Intent, slot_fd: int, home_fd: int, name: str) -> list[str]:
    """What a merge (an undo around what stayed at home) killed mid-copy left at home: its
    journaled temp name, made since its undo-intent, by this user (clear_merge_temp). The
    run's lock, which recovery holds, says the undo that made it is dead."""
    began = intent.last("undo-intent")
    temp = began.get("merge_temp") if began is not None else None
    if began is None or not isinstance(temp, str):
        return []
    return clear_merge_temp(slot_fd, home_fd, name, temp, float(began["time"]))
