#!/usr/bin/env python3
"""early_judges.py TREE [RUNS]: the data-in-code judge calls a cold scan's early pass makes over
TREE (every tracked .py of 64 kB and up gets its module verdict, the .js/.ts files TDY303 may
ask about their JS answer: rules/data_in_code.early_content_requests), each judge's CPU with
its loops in C (_literalscan: js_data, triple_run) and with their Python twins
(judge_js_in_python; triple_spans_in_python, what TIDY_PURE_PYTHON=1 runs), alternating in
this process, medians of RUNS rounds (default 7); and whether every answer is the same (each
module's whole verdict JSON). Reads TREE only. The first call of each judge in a scan also
loads and compiles what it needs; here that is paid before the first round.

    TIDY_STATE_DIR=/tmp/x/state HOME=/tmp/x/home /work/wt/BRANCH/.venv/bin/python \\
        bench/early_judges.py /tmp/x/bench/webapp 9
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from tidy.analysis.data_in_code import jsdata, segments
from tidy.analysis.data_in_code.facts import JS, PY
from tidy.analysis.data_in_code.judge import judge_python
from tidy.rules.data_in_code import early_content_requests

_FLOOR = 64_000  # config.data_min_size's default: the judges' floor


def _work(tree: str) -> list[tuple[str, bytes]]:
    """(fact, bytes) of each judge call the early pass makes over the tree's tracked files."""
    listed = subprocess.run(["git", "-C", tree, "ls-files", "-z"], capture_output=True,
                            check=True).stdout.decode("utf-8", "surrogateescape")
    work: list[tuple[str, bytes]] = []
    for rel, names in early_content_requests(listed.split("\0")[:-1]).items():
        path = os.path.join(tree, rel)
        if os.path.isfile(path) and not os.path.islink(path) and os.path.getsize(path) >= _FLOOR:
            with open(path, "rb") as f:
                data = f.read()
            work += [(name, data) for name in names]
    return work


def _round(work: list[tuple[str, bytes]], in_c: bool) -> tuple[dict[str, float], list[object]]:
    """CPU per fact of one pass over the work, and every answer (a verdict as JSON)."""
    run_in_c = segments.triple_run
    js: Callable[[bytes], bool] = jsdata.judge_js_in_c if in_c else jsdata.judge_js_in_python
    segments.triple_run = run_in_c if in_c else None  # triple_spans then loops in Python
    spent = {PY: 0.0, JS: 0.0}
    answers: list[object] = []
    try:
        for name, data in work:
            started = time.process_time()
            answer = js(data) if name == JS else judge_python(data).to_json()
            spent[name] += time.process_time() - started
            answers.append(answer)
    finally:
        segments.triple_run = run_in_c
    return spent, answers


def main(argv: list[str]) -> int:
    if not argv or segments.triple_run is None or jsdata._JS_DATA_IN_C is None:
        print(__doc__ if not argv else "early_judges.py: _literalscan was not built "
              "(or TIDY_PURE_PYTHON is set)", file=sys.stderr)
        return 2
    work = _work(argv[0])
    runs = int(argv[1]) if len(argv) > 1 else 7
    _round(work, True)
    _round(work, False)  # both sides' first calls (imports, compiled patterns) paid
    figures: dict[bool, list[dict[str, float]]] = {True: [], False: []}
    same = True
    for index in range(runs):
        first = _round(work, index % 2 == 0)
        second = _round(work, index % 2 != 0)
        figures[index % 2 == 0].append(first[0])
        figures[index % 2 != 0].append(second[0])
        same = same and json.dumps(first[1]) == json.dumps(second[1])
    counts = {name: sum(1 for n, _ in work if n == name) for name in (PY, JS)}
    for name, what in ((PY, "module verdicts"), (JS, "JS answers")):
        python = statistics.median(f[name] for f in figures[False]) * 1000
        c = statistics.median(f[name] for f in figures[True]) * 1000
        print(f"{counts[name]} {what}: Python loops {python:.1f} ms, C loops {c:.1f} ms (CPU, "
              f"medians of {runs})")
    print(f"answers the same: {same}; load {os.getloadavg()[0]:.1f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
