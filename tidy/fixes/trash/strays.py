"""Items in an interrupted run's trash folder that no whole line of its journal names.

A journal cut inside an intent line (a crash that kept the move but not the whole line, a
torn write, a journal truncated by hand) leaves that item in the run's trash with no entry
tidy reads: undo, recovery and purge act on whole lines only, so they leave it where it is,
and before trust round 21 no command named it. Here an interrupted run's trash folders (the
state folder's, and those its whole lines name: trash intents and `trash-base` entries,
each checked as locate.spot_of / base_of check them) are listed through descriptors with no
link followed, and what a slot holds that no whole trash intent of the run names is a Stray.

Nothing here moves or deletes: the torn line is not trusted, so neither where the item came
from nor what it was is known (no identity to check it against), and putting it back could
write over what the user made since. tidy says where it is and leaves it to the user.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass

from tidy.core import state
from tidy.core.printable import printable
from tidy.fixes.fdops import Chain, Refused, lstat_at, open_chain, open_dir
from tidy.fixes.journal import RunRecord
from tidy.fixes.trash.locate import SLOT, Spot, SpotChecker, trash_bases


@dataclass(frozen=True)
class Stray:
    """One item in a run's trash that no whole journal line accounts for."""

    run_id: str
    path: str  # where it is now: <trash>/<run>/<slot>/<name>


def strays(record: RunRecord, held: bool = False) -> list[Stray]:
    """What `record`'s trash folders hold that none of its whole lines names; only for a run
    that was interrupted and is not running (a finished run wrote every line before its end,
    a running one may be moving an item in right now). `held`: the caller holds the run's
    lock itself (purge), so `active` is its own doing."""
    if (record.active and not held) or not record.interrupted:
        return []
    checker = SpotChecker(record.run_id, record)  # each intent checked once for both
    named = _named(record, checker)
    bases = trash_bases(record, checker) | {(state.state_dir(), ("trash",))}
    found: list[Stray] = []
    for anchor, parts in sorted(bases):
        found += _unnamed_in(anchor, (*parts, record.run_id), record.run_id,
                             named.get((anchor, parts), set()))
    return found


def strays_of(records: Iterable[RunRecord]) -> list[Stray]:
    return [stray for record in records for stray in strays(record)]


def _named(record: RunRecord, checker: SpotChecker
           ) -> dict[tuple[str, tuple[str, ...]], set[tuple[str, str]]]:
    """(slot, name) of every whole trash intent of the run, by its trash folder."""
    named: dict[tuple[str, tuple[str, ...]], set[tuple[str, str]]] = {}
    for intent in record.intents():
        if intent.action == "trash":
            spot = checker.spot(intent, record)
            if isinstance(spot, Spot):
                named.setdefault((spot.anchor, spot.base_parts), set()).add(
                    (spot.slot, spot.name))
    return named


def _unnamed_in(anchor: str, parts: tuple[str, ...], run_id: str,
                named: set[tuple[str, str]]) -> list[Stray]:
    try:
        run = open_chain(anchor, parts, what="tidy's trash folder", private=True)
    except Refused:  # gone (nothing left there), or not tidy's own: never read through
        return []
    with run:
        return [Stray(run_id, os.path.join(run.path, slot, name))
                for slot, name in _entries(run) if (slot, name) not in named]


def _entries(run: Chain) -> list[tuple[str, str]]:
    """(slot, name) of what the run folder holds; a name that is not a slot folder is an
    entry of its own (slot "")."""
    found: list[tuple[str, str]] = []
    with contextlib.suppress(OSError):
        for slot in sorted(os.listdir(run.fd)):
            if not (SLOT.fullmatch(slot) and stat.S_ISDIR(lstat_at(run.fd, slot).st_mode)):
                found.append(("", slot))
                continue
            with contextlib.suppress(OSError):
                fd = open_dir(slot, run.fd)
                try:
                    found += [(slot, name) for name in sorted(os.listdir(fd))]
                finally:
                    os.close(fd)
    return found


def stray_lines(found: list[Stray]) -> list[str]:
    """One line each, for stderr: where the item is, and why tidy leaves it there."""
    return [f"tidy: run {s.run_id}: {printable(s.path)} was left by an interrupted run: no "
            "whole line of its journal names it (a line cut mid-write), so tidy neither puts "
            "it back nor deletes it; move it back (or delete it) by hand" for s in found]


def slots_holding(found: list[Stray], run_path: str) -> dict[str, str]:
    """The slots of the run folder `run_path` that hold a stray (slot -> the stray's name):
    a purge deletes the named items in them, never the whole slot."""
    return {os.path.basename(os.path.dirname(s.path)): os.path.basename(s.path)
            for s in found if os.path.dirname(os.path.dirname(s.path)) == run_path}
