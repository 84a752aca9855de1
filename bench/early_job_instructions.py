#!/usr/bin/env python3
"""early_job_instructions.py TREE [JOBS]: the user-space instructions of one warm early job
over TREE's repo, as a pool worker runs it (early._run_job, then its answer pickled as the
pool sends it back; before warm-early-22 the child ran early.run_task alone, without the
pickling: figures measured that way are not comparable): in a child forked after the
imports and a first job (the caches warm), counted by valgrind's callgrind from the fork
on (its costs zeroed in PyOS_AfterFork_Child), median of JOBS (default 3) children. Not
jobs run one after another in one process: there a full collection of the garbage collector
falls in some runs and not in others (hundreds of millions of instructions either way).
Instruction counts do not move with the machine's load, which on the shared 2-core machine
moves CPU times by 30% and more from one minute to the next. Kernel time (the lstats) is not
counted: compare syscall counts with strace for that.

Run it with the python of the checkout to measure, with TIDY_STATE_DIR and HOME set to temp
folders (~2-4 minutes under valgrind); a warm early job writes nothing into TREE's .git (a
first one may write its caches there: use a copy of a shared tree).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile


def jobs(root: str, count: int) -> None:
    """Under valgrind: the imports and one job in this process, then `count` jobs each in a
    child forked from it."""
    from multiprocessing.reduction import ForkingPickler

    from tidy import engine
    from tidy.core import config
    from tidy.workspace.early import _run_job, run_task

    task = engine._early_task(config.load(root), True, split=None)
    engine._early_imports()
    import tidy.rules.registry  # noqa: F401 (the main process has it when its pool forks)

    run_task(task, root, True)  # the caches as a warm scan finds them
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            ForkingPickler.dumps(_run_job(task, root, True, None))
            os._exit(0)
        os.waitpid(pid, 0)


def instructions(root: str, count: int) -> list[int]:
    """Each forked child's instructions, from its fork to its end."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--zero-before=PyOS_AfterFork_Child",
             f"--callgrind-out-file={out}/cg.%p", sys.executable, __file__, "--jobs",
             str(count), root], capture_output=True, text=True, check=True)
        found = []
        for name in os.listdir(out):
            with open(os.path.join(out, name)) as dump:
                text = dump.read()
            total = re.search(r"^totals: (\d+)", text, re.M)
            # The parent's dump has no zeroing in it; each child's has one
            if total is not None and "PyOS_AfterFork_Child" in text:
                found.append(int(total.group(1)))
        return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["--jobs"]:
        jobs(argv[2], int(argv[1]))
        return 0
    if (len(argv) not in (1, 2) or not os.environ.get("TIDY_STATE_DIR")
            or not os.environ.get("HOME")):
        print(__doc__, file=sys.stderr)
        return 2
    found = instructions(os.path.realpath(argv[0]), int(argv[1]) if len(argv) > 1 else 3)
    print(f"{statistics.median(found):,.0f} instructions (user space) in one warm early job "
          f"(median of {len(found)}: {', '.join(f'{n:,}' for n in sorted(found))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
