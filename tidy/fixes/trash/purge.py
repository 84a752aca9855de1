"""`tidy trash list` and `tidy trash purge`: what each run holds, and deleting it for good."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from tidy.fixes.fdops import Refused, open_dir, purge_at
from tidy.fixes.journal import Intent, RunJournal, RunRecord, freed_bytes
from tidy.fixes.recheck import mount_points, mounts_below
from tidy.fixes.trash.locate import (
    Spot,
    SpotChecker,
    not_what_moved,
    open_run,
    remove_run_if_empty,
)
from tidy.fixes.trash.strays import slots_holding, strays


@dataclass(frozen=True)
class TrashRun:
    run_id: str
    started: float
    finished: float
    command: str
    items: int  # moved and still in the trash
    bytes: int
    files: int
    status: str  # running / complete / interrupted / undone / partly undone / purged /
    # partly purged (a purge cut short: finished by the next one, never undone)
    locations: tuple[str, ...]
    skipped: int
    failed: int


def summarize(record: RunRecord) -> TrashRun:
    intents = record.intents()
    trash = [i for i in intents if i.action == "trash"]
    live = [] if record.purged else [i for i in trash if i.applied]
    locations = sorted({os.path.dirname(os.path.dirname(str(i.entry.get("dst", ""))))
                        for i in live})
    undone = any(i.has("undo-done") or i.last("recovered-undo") for i in intents)
    if record.active:
        status = "running"
    elif record.purged:
        status = "purged"
    elif record.purge_begun:
        status = "partly purged"
    elif record.interrupted:
        status = "interrupted, undone" if undone and not live else "interrupted"
    elif undone and not any(i.applied for i in intents):
        status = "undone"
    elif undone:
        status = "partly undone"
    else:
        status = "complete"
    argv = record.begin.get("argv") or []
    return TrashRun(
        run_id=record.run_id, started=record.started, finished=record.finished_at,
        command=" ".join(str(a) for a in argv[1:]) if isinstance(argv, list) else "",
        items=len(live), bytes=sum(freed_bytes(i.entry) for i in live),
        files=sum(int(i.entry.get("files", 0)) for i in live),
        status=status, locations=tuple(locations), skipped=len(record.skips()),
        failed=sum(1 for i in intents if i.has("fail")),
    )


@dataclass(frozen=True)
class Purged:
    run_id: str
    items: int
    bytes: int
    errors: tuple[str, ...]


def purge_run(record: RunRecord, journal: RunJournal) -> Purged:
    """Delete a run's trash for good: only the slots its valid entries name, below its own
    trash folders, each deleted relative to the run folder's descriptor."""
    checker = SpotChecker(record.run_id, record)
    errors: list[str] = []
    items = size = 0
    by_run: dict[tuple[str, tuple[str, ...]], list[tuple[Intent, Spot]]] = {}
    for intent in (i for i in record.intents() if i.action == "trash"):
        spot = checker.spot(intent, record)
        if isinstance(spot, str):
            errors.append(f"{intent.entry.get('dst')}: journal entry refused: {spot}; "
                          "left alone")
            continue
        by_run.setdefault((spot.anchor, spot.run_parts), []).append((intent, spot))
    left = strays(record, held=True)
    # Before anything goes: a purge cut short leaves items half deleted, which undo must
    # never put back as if whole (RunRecord.purge_begun), and the next purge finishes.
    journal.write({"op": "purge-begin"}, sync=True)
    for mine in by_run.values():
        spot = mine[0][1]
        try:
            run = open_run(spot)
        except Refused as refused:
            if not refused.link and "is gone" in refused.reason:
                continue  # nothing of this run there any more
            errors.append(refused.reason)
            continue
        with run:
            slots = sorted({s.slot for _, s in mine})
            points = mount_points()  # read once for every slot of the run
            mounted = {slot for slot in slots
                       if mounts_below(os.path.join(run.path, slot), points)}
            errors += [f"{os.path.join(run.path, slot)}: another filesystem is mounted inside; "
                       "left alone" for slot in sorted(mounted)]
            # What the slots hold now, before they go: only the fix's own items are freed.
            uncounted = {id(intent): why for intent, slot_spot in mine
                         if intent.applied and slot_spot.slot not in mounted
                         and (why := _not_the_item(run.fd, intent, slot_spot)) is not None}
            errors += [f"{os.path.join(run.path, s.slot, s.name)}: {reason}: removed, not "
                       "counted as freed" for i, s in mine if (reason := uncounted.get(id(i)))]
            # A slot shared with an item no whole line names (an interrupted run's torn
            # line: trash/strays.py) loses only the named items, the stray stays.
            kept = slots_holding(left, run.path)
            failed = purge_at(run.fd, [slot for slot in slots
                                       if slot not in mounted and slot not in kept])
            failed += _purge_named(run.fd, [(s.slot, s.name) for _, s in mine
                                            if s.slot in kept and s.slot not in mounted])
            failed += [f"{slot}: mounted inside" for slot in sorted(mounted)]
            errors += [os.path.join(run.path, e) for e in failed if e.split(":", 1)[0]
                       not in mounted]
            gone = {e.split(":", 1)[0] for e in failed}
            for intent, slot_spot in mine:
                if intent.applied and slot_spot.slot not in gone and id(intent) not in uncounted:
                    items += 1
                    size += freed_bytes(intent.entry)
        remove_run_if_empty(spot)
    journal.write({"op": "purged", "items": items, "bytes": size, "errors": errors}, sync=True)
    return Purged(record.run_id, items, size, tuple(errors))


def _purge_named(run_fd: int, named: list[tuple[str, str]]) -> list[str]:
    """Delete each (slot, name) in the run folder, the slot kept; what failed, "slot: why"."""
    errors: list[str] = []
    for slot, name in sorted(set(named)):
        try:
            fd = open_dir(slot, run_fd)
        except OSError as error:
            errors.append(f"{slot}: {error.strerror}")
            continue
        try:
            errors += [f"{slot}: {failed}" for failed in purge_at(fd, [name])]
        finally:
            os.close(fd)
    return errors


def _not_the_item(run_fd: int, intent: Intent, spot: Spot) -> str | None:
    """None when the slot holds the item the fix moved there; else why not ("": it is gone,
    removed by hand, so a purge frees nothing of it). The trash in a git dir can be written
    by whatever writes the repo: a link (or another folder) put in the item's place is
    removed by the purge like the item, but the journal's bytes were never its size."""
    try:
        slot = os.stat(spot.slot, dir_fd=run_fd, follow_symlinks=False)
        if not stat.S_ISDIR(slot.st_mode):
            return "the trash holds something else than a slot folder there"
        return not_what_moved(intent, run_fd, os.path.join(spot.slot, spot.name)) or None
    except FileNotFoundError:
        return ""
    except OSError:
        return None  # unreadable: purge_at says what it could not remove
