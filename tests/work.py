"""Work done by a call, counted so that no load on the machine can change the count.

`calls(fn)` counts every function call `fn` makes, Python's and C's (sys.setprofile sees
both): the same input gives the same count on an idle machine and at a load of 11. A test
that once bounded a time ("20,000 items in under 2 s") asserts instead how the count grows
with the input: linear work doubles when the input doubles, quadratic work quadruples.
What it cannot see: work inside one C call (a `x in some_list` scan is one call however long
the list); a loop of Python calls or comparisons through `__eq__` it counts in full.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def calls(fn: Callable[[], object]) -> int:
    """How many calls `fn()` made, its own and those of everything it called."""
    count = 0

    def profile(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(previous)
    return count


def growth(work: Callable[[int], Callable[[], object]], n: int) -> float:
    """How much more `work(2n)` calls than `work(n)`: about 2 when linear, 4 when quadratic.
    `work(size)` prepares the input and returns the call to count."""
    return calls(work(2 * n)) / calls(work(n))
