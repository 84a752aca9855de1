#!/usr/bin/env python3
"""start_timeline.py [--runs N] [--args "..."] PYTHON... TREE: when a scan reaches each step,
from strace (issue 16: the time before the walk's first folder is read, the walk, the tail).

Each run is `strace -f --seccomp-bpf -tt -y -e trace=execve,clone,clone3,vfork,getdents64,
exit_group PYTHON -m tidy scan ARGS --format json -q TREE`; from its log, in ms after the
exec: the first git started, the first worker forked (a clone of the main process that never
runs a program), the first and the last getdents64 of a folder below TREE (any process), the
workers' exit, the main process's exit_group; and the tail (exit after the last getdents64).
strace stops every traced call (~37k getdents64 on the 250k tree), so the walk looks longer
than it is; the steps before it (a few dozen calls) are as they are. The runs alternate
between the pythons; medians. TREE gets the scan's caches in its git folder: a copy of a bench
tree, one per python is best (then give PYTHON TREE pairs with --pairs).

    python bench/start_timeline.py --runs 7 /tmp/x/venv-ref/bin/python \\
        /work/venvs/BRANCH/bin/python /tmp/x/a
    python bench/start_timeline.py --pairs --runs 7 /tmp/x/venv-ref/bin/python /tmp/x/a \\
        /work/venvs/BRANCH/bin/python /tmp/x/b

Every run has a state folder and HOME of its own (temp folders), never the user's.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile

_LINE = re.compile(r"^(\d+)\s+(\d\d):(\d\d):(\d\d\.\d+) (.*)$")
STEPS = ("first git", "worker fork", "first getdents", "last getdents", "workers exit",
         "exit", "tail")


def _seconds(hours: str, minutes: str, seconds: str) -> float:
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def timeline(log: str, tree: str) -> dict[str, float]:
    """The steps' times (ms after the exec) in one strace log."""
    tree = os.path.realpath(tree)
    main_pid = ""
    start = 0.0
    clones: dict[str, float] = {}  # child pid -> when the main process made it
    ran_program: set[str] = set()
    exits: dict[str, float] = {}
    getdents: list[float] = []
    first_git = None
    for line in log.splitlines():
        found = _LINE.match(line)
        if found is None:
            continue
        pid, call = found.group(1), found.group(5)
        at = _seconds(*found.group(2, 3, 4))
        if not main_pid:
            main_pid, start = pid, at
            continue
        if call.startswith("execve(") and pid != main_pid:
            ran_program.add(pid)
            if first_git is None and "/git" in call.split(",", 1)[0]:
                first_git = at
        elif (pid == main_pid and call.startswith(("clone(", "vfork("))
              and "CLONE_THREAD" not in call):
            child = call.rsplit("=", 1)[-1].strip()
            if child.isdigit():
                clones[child] = at
        elif call.startswith("getdents64(") and f"<{tree}" in call.split(",", 1)[0]:
            getdents.append(at)
        elif call.startswith("exit_group("):
            exits[pid] = at
    workers = [p for p in clones if p not in ran_program]
    steps = {
        "first git": first_git,
        "worker fork": min((clones[p] for p in workers), default=None),
        "first getdents": min(getdents, default=None),
        "last getdents": max(getdents, default=None),
        "workers exit": max((exits[p] for p in workers if p in exits), default=None),
        "exit": exits.get(main_pid),
    }
    found_steps = {k: (v - start) * 1000 for k, v in steps.items() if v is not None}
    if "exit" in found_steps and "last getdents" in found_steps:
        found_steps["tail"] = found_steps["exit"] - found_steps["last getdents"]
    return found_steps


def one_run(python: str, args: list[str], tree: str, env: dict[str, str]) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as log:
        subprocess.run(["strace", "-f", "--seccomp-bpf", "-tt", "-y", "-o", log.name, "-e",
                        "trace=execve,clone,clone3,vfork,getdents64,exit_group", python, "-m",
                        "tidy", "scan", *args, "--format", "json", "-q", tree],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       cwd="/", check=False)
        return timeline(log.read(), tree)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--args", default="", help="the scan's options (--select TDY1)")
    parser.add_argument("--pairs", action="store_true", help="PYTHON TREE pairs")
    parser.add_argument("items", nargs="+")
    options = parser.parse_args()
    if options.pairs:
        sides = list(zip(options.items[::2], options.items[1::2], strict=True))
    else:
        *pythons, tree = options.items
        sides = [(p, tree) for p in pythons]
    args = shlex.split(options.args)
    with tempfile.TemporaryDirectory(prefix="start-timeline-") as temp:
        env = {**os.environ, "TIDY_STATE_DIR": os.path.join(temp, "state"),
               "HOME": os.path.join(temp, "home")}
        os.makedirs(env["HOME"])
        for python, tree in sides:  # untimed: the caches warm
            subprocess.run([python, "-m", "tidy", "scan", *args, "--format", "json", "-q",
                            tree], capture_output=True, env=env, check=False, cwd="/")
        seen: list[list[dict[str, float]]] = [[] for _ in sides]
        for _ in range(options.runs):
            for index, (python, tree) in enumerate(sides):
                seen[index].append(one_run(python, args, tree, env))
    stamp = datetime.datetime.now(datetime.UTC).strftime("%H:%M UTC")
    print(f"tidy scan {options.args} --format json -q: {options.runs} alternating runs under "
          f"strace, medians in ms after the exec (load "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} at {stamp})")
    print(f"  {'':34s}" + "".join(f"{s:>15s}" for s in STEPS))
    for (python, tree), runs in zip(sides, seen, strict=True):
        cells = []
        for step in STEPS:
            values = [r[step] for r in runs if step in r]
            cells.append(f"{statistics.median(values):15.1f}" if values else f"{'-':>15s}")
        print(f"  {(python[-20:] + ' ' + tree[-13:]):34s}" + "".join(cells))


if __name__ == "__main__":
    sys.exit(main())
