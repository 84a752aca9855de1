"""engine.without_cycle_collection: the cyclic collector off for a scan, and back after it."""

from __future__ import annotations

import gc
import weakref

from tidy import engine


class _Node:
    def __init__(self) -> None:
        self.me: object = self  # a cycle: only the cyclic collector frees it


def test_what_a_scan_kept_goes_to_the_oldest_generation_and_stays_collectable() -> None:
    """Left young, everything the scan kept would be passed over at once by the first
    allocation after the collector is back on (tens of ms after a big scan); moved to the
    oldest generation it is not, and a cycle dropped later is still freed (a watch scans
    again and again in one process: nothing may stay frozen)."""
    was_enabled = gc.isenabled()
    gc.enable()
    # What an earlier test in this process froze (a browse test's model) stays frozen: the
    # scan must leave the count as it found it, not at zero.
    frozen_before = gc.get_freeze_count()
    try:
        with engine.without_cycle_collection():
            assert not gc.isenabled()
            kept = _Node()
            dropped = _Node()
        assert gc.isenabled()
        assert any(o is kept for o in gc.get_objects(generation=2))
        assert gc.get_freeze_count() == frozen_before
        gone = weakref.ref(dropped)
        del dropped
        gc.collect()
        assert gone() is None
    finally:
        if not was_enabled:
            gc.disable()


def test_what_the_process_froze_before_a_scan_stays_frozen() -> None:
    """browse freezes its model (each collection walked it: a key press waited 0.2 s) and
    may scan again in the same process (a fix's confirming scan)."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        model = [_Node() for _ in range(10)]
        gc.freeze()
        frozen = gc.get_freeze_count()
        with engine.without_cycle_collection():
            _Node()
        assert gc.get_freeze_count() >= frozen
        assert not any(o is model for o in gc.get_objects())
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


def test_a_scan_inside_another_leaves_the_collector_to_the_outer_one() -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        with engine.without_cycle_collection():
            with engine.without_cycle_collection():
                pass
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        if not was_enabled:
            gc.disable()
