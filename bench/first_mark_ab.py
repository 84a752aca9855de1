#!/usr/bin/env python3
"""The C whole-value read (`_literalscan.first_mark`, and `built_marks` where a tree has it)
of two tidy trees over one big value, in one run.

usage: bench/first_mark_ab.py SRC_A SRC_B MODULE [--rounds 4] [--repeat 300]

SRC_A and SRC_B are tidy source trees with the C module built in place (`git archive REF |
tar x -C DIR && cd DIR && python setup.py build_ext --inplace`). MODULE is a data module
whose biggest statement is read (the web app's 3 MB mock_api.py: QUESTIONS). A worker per
tree reads the value best of REPEAT times a round, the two taking turns round by round so
both see the same load; prints each round's best, in ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

_WORKER = r"""
import json, sys, time
from tidy.analysis.data_in_code import _literalscan as scan
data = open(sys.argv[1], "rb").read()
start = data.index(b" = ", data.index(b"\n\n")) + 3  # the first binding's value
end = len(data.rstrip())
kinds = [("first_mark", scan.first_mark)]
if hasattr(scan, "built_marks"):
    kinds.append(("built_marks", scan.built_marks))
for line in sys.stdin:
    out = {}
    for name, read in kinds:
        best = float("inf")
        for _ in range(int(sys.argv[2])):
            began = time.perf_counter()
            read(data, start, end)
            best = min(best, time.perf_counter() - began)
        out[name] = best * 1000
    print(json.dumps(out), flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("module")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    workers = [subprocess.Popen([sys.executable, "-c", _WORKER, os.path.abspath(args.module),
                                 str(args.repeat)], env={**os.environ, "PYTHONPATH": src},
                                cwd="/", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True) for src in (args.a, args.b)]
    for round_ in range(args.rounds):
        cells = []
        for src, worker in zip((args.a, args.b), workers, strict=True):
            assert worker.stdin is not None and worker.stdout is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
            times = json.loads(worker.stdout.readline())
            cells.append(f"{os.path.basename(src.rstrip('/'))}: " + ", ".join(
                f"{k} {v:.2f} ms" for k, v in times.items()))
        print(f"round {round_ + 1}: " + " | ".join(cells), flush=True)
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()


if __name__ == "__main__":
    main()
