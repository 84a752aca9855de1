#!/usr/bin/env python3
"""Search surface before and after tidy's ignore fixes, measured with ripgrep.

usage: python bench/bench_search.py [--files N] [--dest DIR] [--runs R]

Builds the benchmark tree (/work/shared/bench/mkbloat.py, 250,000 entries by default),
then in one run:
  1. `rg --files | wc -l` and `rg -c TODO` (best of R) on the tree as built;
  2. tidy scan -> TDY501 / TDY502 findings -> the ignore plan (.gitignore rules checked with
     git, .ignore for the vendored folder) -> written;
  3. the same two rg measurements again.
Prints the figures as a Markdown block for bench/RESULTS.md.
Bar (issue 4): >= 95 % fewer files searched and >= 10x faster search.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

MKBLOAT = "/work/shared/bench/mkbloat.py"


def rg_files(root: str) -> int:
    out = subprocess.run(["rg", "--files"], cwd=root, capture_output=True, check=True).stdout
    return out.count(b"\n")


def rg_todo(root: str, runs: int) -> tuple[float, int]:
    """Best wall time of `rg -c TODO` over `runs`, and how many files it reported."""
    best = float("inf")
    matched = 0
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(["rg", "-c", "TODO"], cwd=root, capture_output=True, check=False)
        best = min(best, time.perf_counter() - started)
        matched = proc.stdout.count(b"\n")
    return best, matched


def apply_ignore_fixes(root: str) -> tuple[list[str], float]:
    from tidy import engine
    from tidy.analysis import ignore_choice as ir
    from tidy.core.catalog import load_builtin
    from tidy.core.config import Config
    from tidy.core.models import ActionKind
    from tidy.fixes.ignore import plan as ignore_plan
    from tidy.fixes.ignore.apply import write_edit
    from tidy.fixes.journal import RunJournal

    started = time.perf_counter()
    report = engine.scan([root], Config())
    kinds = {k.name: k for k in load_builtin()}
    group = report.groups[0]
    targets = [ir.Target(f.path, kinds[f.kind].type == "dir", kinds[f.kind])
               for f in group.findings if f.code == "TDY501"]
    heavy = [f.path for f in group.findings if f.code == "TDY502"]
    plan = ignore_plan.plan_fixes(group.root, targets, heavy)
    # Written as `tidy fix` writes them (re-read, journaled, atomic), the journal kept in a
    # throwaway state folder, never the user's.
    state = tempfile.mkdtemp(prefix="tidy-bench-state-")
    os.environ["TIDY_STATE_DIR"] = state
    with RunJournal.create("bench", (group.root,)) as journal:
        errors = [problem for edit in plan.edits if (problem := write_edit(
            edit, ActionKind.IGNORE if edit.rel == ".gitignore" else ActionKind.EDITOR_EXCLUDE,
            journal, "TDY5"))]
        journal.end("complete")
    del os.environ["TIDY_STATE_DIR"]
    shutil.rmtree(state, ignore_errors=True)
    if errors or plan.refused:
        raise SystemExit(f"fix failed: {errors} {[v.reason for v in plan.refused]}")
    lines = [f"{e.rel}: " + ", ".join(
        e.after.split(">>>\n", 1)[-1].split("# <<<")[0].split()) for e in plan.edits]
    return lines, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=250_000)
    parser.add_argument("--dest", default="")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dest = args.dest or os.path.join(tempfile.gettempdir(), f"tidy-bench-search-{args.files}")
    shutil.rmtree(dest, ignore_errors=True)
    subprocess.run([sys.executable, MKBLOAT, dest, "--files", str(args.files)], check=True)
    rg_version = subprocess.run(["rg", "--version"], capture_output=True, text=True,
                                check=True).stdout.splitlines()[0]
    entries = sum(len(d) + len(f) for _, d, f in os.walk(dest))
    rg_todo(dest, 1)  # warm the page cache
    files_before = rg_files(dest)
    time_before, hits_before = rg_todo(dest, args.runs)
    rules, fix_seconds = apply_ignore_fixes(dest)
    rg_todo(dest, 1)
    files_after = rg_files(dest)
    time_after, hits_after = rg_todo(dest, args.runs)
    fewer = 100.0 * (files_before - files_after) / files_before
    speedup = time_before / time_after
    print(f"""## Search surface (issue 4)

`python bench/bench_search.py --files {args.files} --runs {args.runs}` ({rg_version},
{os.cpu_count()} CPUs; tree from `mkbloat.py`: {entries:,} entries; best of {args.runs} runs,
page cache warm)

| | files `rg --files` lists | `rg -c TODO` wall time | files with a match |
| --- | ---: | ---: | ---: |
| before `tidy fix` | {files_before:,} | {time_before * 1000:.1f} ms | {hits_before:,} |
| after the ignore fixes | {files_after:,} | {time_after * 1000:.1f} ms | {hits_after:,} |

- files searched: {fewer:.1f} % fewer (bar: >= 95 %) — {"met" if fewer >= 95 else "NOT met"}
- search time: {speedup:.1f}x faster (bar: >= 10x) — {"met" if speedup >= 10 else "NOT met"}
- scan + plan + git checks + writes: {fix_seconds:.1f} s
- written: {"; ".join(rules)}
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
