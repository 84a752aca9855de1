"""The cyclic garbage collector paused around work that makes objects but no garbage cycles:
a scan, and the imports before it.

Python collects its youngest objects every 700 allocations: the imports of a start-up
(click, the command, the engine) made 23 collections before a scan's walk and 64 before a
fix's (bench/bench_startup.py), passes over modules, classes and functions that all live until
the process ends (the same imports with the early job's, all outside a pause: 42
collections, 6-11 ms). A scan makes millions of short-lived objects and no cycles; in forked workers
the collector would also copy every page it touches.

What was made and kept while the collector was off stays young: switched back on, the first
allocation would pass over all of it at once (a 250k bench scan's report: ~3 ms). It goes
straight to the oldest generation instead (freeze, then unfreeze: two list splices), where
only a full collection looks at it again; unless the process froze objects of its own
(browse's model): unfreezing would hand those back to every collection.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off inside, then back as it was (a pause inside another leaves it to
    the outer one)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
