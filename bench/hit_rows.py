#!/usr/bin/env python3
"""hit_rows.py TREE [RUNS]: the reference search's per-hit work of a cold scan over TREE, in C
(_fastmeasure.line_hits, expanded_hits) and in Python (content._with_lines + _compact_hits,
content._expanded_hits: what TIDY_PURE_PYTHON=1 runs), alternating in this process, CPU
medians of RUNS rounds (default 7); and whether every answer is the same. The files are the
repo's tracked text files of 8 MB or less, searched for the patterns a scan of TREE uses
(bench/_content_pass.py's), each read, lowered and searched once before the rounds (the
search itself is not timed). Reads TREE only.

    TIDY_STATE_DIR=/tmp/x/state HOME=/tmp/x/home /work/wt/BRANCH/.venv/bin/python \\
        bench/hit_rows.py /tmp/x/bench/webapp 9
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time

from tidy.workspace import content, pickaxe
from tidy.workspace._fastmeasure import expanded_hits, line_hits

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _content_pass import _patterns


def _work(tree: str) -> list[tuple[bytes, list[tuple[int, int, int]]]]:
    """(lowered bytes, matches) of each tracked text file the search finds something in."""
    patterns = _patterns(tree)
    automaton = pickaxe.automaton([os.fsencode(p.lower()) for p in patterns])
    listed = subprocess.run(["git", "-C", tree, "ls-files", "-z"], capture_output=True,
                            check=True).stdout.decode("utf-8", "surrogateescape")
    work = []
    for rel in listed.split("\0")[:-1]:
        path = os.path.join(tree, rel)
        if not os.path.isfile(path) or os.path.islink(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if not content.searchable(data, len(data)):
            continue
        hay = content.lowered(data)
        found = automaton.find_matches_as_indexes(hay, overlapping=True)
        if found:
            work.append((hay, found))
    return work


def main(argv: list[str]) -> int:
    if not argv or not os.environ.get("TIDY_STATE_DIR") or not os.environ.get("HOME"):
        print(__doc__, file=sys.stderr)
        return 2
    work = _work(argv[0])
    gc.disable()  # as in the early job (early._run_job): no collection over the rows made
    runs = int(argv[1]) if len(argv) > 1 else 7
    spent: dict[str, list[float]] = {k: [] for k in ("rows_c", "rows_py", "exp_c", "exp_py")}
    same = True
    rows: list[list[list[object]]] = []
    hits: list[list[tuple[int, int, str]]] = []
    for _ in range(runs):
        for side in ("c", "py"):
            rows_of = ((lambda h, f: line_hits(h, f, content.LINE_SHOWN)) if side == "c" else
                       (lambda h, f: content._compact_hits(content._with_lines(h, f))))
            expand = expanded_hits if side == "c" else content._expanded_hits
            rows = hits = []  # the last round's freed before the clock starts, not in it
            started = time.process_time()
            rows = [rows_of(hay, found) for hay, found in work]
            spent[f"rows_{side}"].append(time.process_time() - started)
            started = time.process_time()
            hits = [expand(r) for r in rows]
            spent[f"exp_{side}"].append(time.process_time() - started)
            if side == "c":
                c_rows, c_hits = rows, hits
            else:
                same = same and rows == c_rows and hits == c_hits
    kept = sum(len(r) for r in c_rows)
    print(f"{len(work)} files with matches, {sum(len(f) for _, f in work):,} matches, "
          f"{kept:,} hits kept; CPU ms, median of {runs}:")
    for key, values in spent.items():
        print(f"  {key:8} {statistics.median(values) * 1000:7.1f}")
    print("same answers:", same)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
