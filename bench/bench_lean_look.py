"""What the lean look after a batch's renames costs (workspace/procfs.holders), this tree's
against another copy of procfs.py, alternating in one run: N processes that are not this
one's children (half `sleep`, half Pythons holding a file open, as bench_inuse.py starts),
and a batch of 256 renamed folders below one trash folder.

    python bench/bench_lean_look.py OTHER_PROCFS_PY [N=300] [ROUNDS=15]
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import sys
import tempfile
import time

from bench._harness import other_module
from bench.bench_inuse import start
from tidy.workspace import procfs


def this_holders(batch: list[str]) -> object:
    """This tree's lean look as the trash's applier asks it (editors' watches aside)."""
    from tidy.workspace.inuse import EDITORS_WATCHING

    return procfs.holders(batch, procfs.PROC, EDITORS_WATCHING)


def main() -> None:
    other = other_module(sys.argv[1], "other_procfs")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    with tempfile.TemporaryDirectory() as folder:
        batch = [os.path.join(folder, "trash", f"slot{i}", "node_modules") for i in range(256)]
        pids = start(count, folder)
        try:
            time.sleep(2.0)
            cpu: dict[str, list[float]] = {"this": [], "other": []}
            for _ in range(rounds):
                for name, holders in (("this", this_holders),
                                      ("other", other.holders)):  # type: ignore[attr-defined]
                    began = time.process_time()
                    holders(batch)
                    cpu[name].append(time.process_time() - began)
        finally:
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    print(f"processes started: {len(pids)}; load average: {os.getloadavg()[0]:.2f}")
    for name, times in cpu.items():
        print(f"{name}: one lean look, CPU median {statistics.median(times) * 1000:.1f} ms "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}) over {rounds}")


if __name__ == "__main__":
    main()
