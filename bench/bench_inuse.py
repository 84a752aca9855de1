"""What the in-use check costs a fix run: one look at /proc with N processes running.

Starts N processes that are not this one's children (a shell starts them and exits, as a
user's dev servers and shells are not tidy's): half `sleep`, half Pythons each holding a file
open and a library mapped, like the dev servers the check is for. Then times
tidy.workspace.procfs.read() (the one read per fix run) and, on that look, the question a
fix asks per item (Users.use_of) for 1,000 items.

    python bench/bench_inuse.py [N=300] [ROUNDS=7]
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from tidy.workspace import procfs
from tidy.workspace.inuse import Users

HOLD = "import sys, time; f = open(sys.argv[1], 'rb'); time.sleep(600)"


def start(count: int, folder: str) -> list[int]:
    held = os.path.join(folder, "held")
    with open(held, "wb") as f:
        f.write(b"x")
    script = ("i=0; while [ $i -lt $1 ]; do sleep 600 >/dev/null 2>&1 & echo $!; "
              '"$2" -c "$3" "$4" >/dev/null 2>&1 & echo $!; i=$((i+2)); done')
    out = subprocess.run(["sh", "-c", script, "sh", str(count), sys.executable, HOLD, held],
                         capture_output=True, check=True, stdin=subprocess.DEVNULL).stdout
    return [int(line) for line in out.split()]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    with tempfile.TemporaryDirectory() as folder:
        pids = start(count, folder)
        try:
            time.sleep(2.0)  # the Pythons start and open their file
            looks, asks, listed = [], [], 0
            for _ in range(rounds):
                began = time.perf_counter()
                snapshot = procfs.read()
                looks.append(time.perf_counter() - began)
                listed = snapshot.listed
                users = Users(snapshot)
                began = time.perf_counter()
                for i in range(1000):
                    users.use_of(f"{folder}/project{i}/node_modules", f"{folder}/project{i}")
                asks.append(time.perf_counter() - began)
        finally:
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    print(f"processes started: {len(pids)}; listed in /proc: {listed}; "
          f"load average: {os.getloadavg()[0]:.2f}")
    print(f"one look at /proc: median {statistics.median(looks) * 1000:.1f} ms "
          f"(min {min(looks) * 1000:.1f}, max {max(looks) * 1000:.1f}) over {rounds} rounds")
    print(f"1,000 questions on one look: median {statistics.median(asks) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
