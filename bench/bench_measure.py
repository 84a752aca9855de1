#!/usr/bin/env python3
"""The measuring loop alone: tidy's C loop and its Python loop against `du -s`, same folders.

usage: bench_measure.py [--trees 250k,webapp] [--runs N] [--no-write]

For each tree, the folders right below it (not `.git`) are the roots, as the walk hands an
artifact's subfolders to the loop; every series runs in a fresh process, interleaved round by
round, page cache warm (an untimed `du -s` first):
  c        tidy.workspace.measure.measure_roots with the C loop (tidy/workspace/_fastmeasure.c)
  python   measure_roots_in_python, the fallback
  du       `du -s ROOT...`, the peer
CPU is user + sys of the measuring process (getrusage of the waited child), wall its elapsed
time; medians. Both loops must give the same bytes, files and folders, or the run stops.
The section "## Measuring loop in C (issue 16)" of bench/RESULTS.md is rewritten unless
--no-write. Trees as bench_content.py builds them, under $TIDY_BENCH_DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness as h
from bench_content import ensure_trees

_CHILD = r"""
import json, os, sys, time
loop = sys.argv[1]
roots = json.loads(sys.argv[2])
if loop == "python":
    os.environ["TIDY_PURE_PYTHON"] = "1"
from tidy.workspace import measure
if loop == "start":  # the interpreter and the imports alone, subtracted from both loops
    sys.exit(0)
assert (measure._native is None) == (loop == "python"), "C loop not built: pip install ."
device = os.lstat(roots[0][0]).st_dev
out = measure.measure_roots([tuple(r) for r in roots], device, False)
print(json.dumps([out.apparent, out.files, out.dirs]))
"""


def _roots(tree: str) -> list[tuple[str, str, bool]]:
    return sorted((e.path, e.name, e.name.startswith(".")) for e in os.scandir(tree)
                  if e.is_dir(follow_symlinks=False) and e.name != ".git")


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(argv: list[str]) -> tuple[float, float, str]:
    before, start = _child_cpu(), time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - start, _child_cpu() - before, out


def measure_tree(tree: str, runs: int) -> dict[str, object]:
    roots = _roots(tree)
    paths = [r[0] for r in roots]
    du = ["du", "-s", *paths]
    subprocess.run(du, capture_output=True, check=True)  # page cache warm
    series: dict[str, list[tuple[float, float]]] = {"c": [], "python": [], "du": [], "start": []}
    answers: dict[str, list[int]] = {}
    for _ in range(runs):
        for loop in ("c", "python", "start"):
            wall, cpu, out = _run([sys.executable, "-c", _CHILD, loop, json.dumps(roots)])
            if loop != "start":
                answers.setdefault(loop, json.loads(out))
            series[loop].append((wall, cpu))
        wall, cpu, _ = _run(du)
        series["du"].append((wall, cpu))
    if answers["c"] != answers["python"]:
        sys.exit(f"bench: the loops disagree on {tree}: {answers}")
    entries = answers["c"][1] + answers["c"][2]  # files and folders
    return {
        "tree": tree, "roots": len(roots), "entries": entries, "runs": runs,
        "median": {k: [statistics.median(w for w, _ in v), statistics.median(c for _, c in v)]
                   for k, v in series.items()},
        "load1": os.getloadavg()[0],
    }


def _section(results: list[dict[str, object]], info: dict[str, str], command: str) -> str:
    rows = []
    for r in results:
        med: dict[str, list[float]] = r["median"]  # type: ignore[assignment]
        start_wall, start_cpu = med["start"]
        c_cpu, py_cpu = med["c"][1] - start_cpu, med["python"][1] - start_cpu
        du_cpu = med["du"][1] or 1e-9
        rows.append([
            os.path.basename(str(r["tree"])), f"{r['entries']:,}",
            f"{c_cpu:.2f} s ({c_cpu / du_cpu:.2f} x)", f"{py_cpu:.2f} s ({py_cpu / du_cpu:.2f} x)",
            f"{med['du'][1]:.2f} s",
            f"{med['c'][0] - start_wall:.2f} / {med['python'][0] - start_wall:.2f} / "
            f"{med['du'][0]:.2f} s", f"{start_cpu:.2f} s", f"{r['load1']:.1f}"])
    body = (
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), Linux {info['kernel']}, Python "
        f"{info['python']}; {info['date']}. Reproduce: `{command}`.\n\n"
        "The loop that sums what is below an artifact's folders, alone, on the folders right "
        "below each tree (one process each, page cache warm, medians of interleaved runs). "
        "The loops' figures are net of a process that starts Python and imports the module "
        "and measures nothing (its CPU in the column `start`). CPU is what the issue's bars are "
        "bound by on 2 cores: the kernel's share of it is `du`'s.\n\n"
        + h.table(["tree", "entries", "C loop CPU (x du)", "Python loop CPU (x du)", "du -s CPU",
                   "wall C / Python / du", "start", "load"], rows))
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trees", default="250k,webapp")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    h.isolate_state()
    trees = ensure_trees(args.trees.split(","))
    results = [measure_tree(path, args.runs) for path in trees.values()]
    h.save_json("measure.json", results)
    command = f"python bench/bench_measure.py --trees {args.trees} --runs {args.runs}"
    info = h.machine()
    body = _section(results, info, command)
    print(body)
    if not args.no_write:
        h.write_section("Measuring loop in C (issue 16)", body, info, refresh_header=False)


if __name__ == "__main__":
    main()
