#!/usr/bin/env python3
"""Issue 2 benchmark: `tidy scan --format json -q` against du, find, gdu and fd on one tree.

usage: bench_scan.py [--tree 250k|1m] [--runs N] [--no-profile] [--no-write]

Same tree, same run, warm cache: one untimed pass of every tool first, then N rounds in which
the tools take turns (tidy, du -s, find, gdu, fd; tidy, du -s, ...), so a burst of load from
another process hits all of them alike. Reported: median wall time, ratio to `du -s`, time per
entry, CPU time, peak RSS. Once per run, tidy's bytes for every catalogued folder it reports
(frontend/node_modules first) are checked against `du -sb` (apparent size) of that folder.
Results go to $TIDY_BENCH_DIR/results/scan-<tree>.json and the "## Scan (issue 2)" section of
bench/RESULTS.md, which is rebuilt from every scan-*.json there.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness as h

HEADING = "Scan (issue 2)"
RSS_BAR_MB = {"250k": 200.0, "1m": 400.0}
TIME_BAR = 2.0  # x du -s on the 250k tree
LINEAR_SLACK = 1.15  # per-entry time at 1M may exceed 250k's by this much (noise) and pass

PROFILE_SCRIPT = r"""
import cProfile, io, pstats, sys
import tidy.engine as engine
from tidy.core.config import load
tree, inline = sys.argv[1], sys.argv[2] == "inline"
if inline:  # worker processes are invisible to cProfile: do everything inline
    original = engine.WorkerPool
    engine.WorkerPool = lambda *a, **k: original(0)
config = load(tree, None)
import time
started = time.perf_counter()
engine.scan([tree], config, None)
plain = time.perf_counter() - started
profiler = cProfile.Profile()
profiler.enable()
report = engine.scan([tree], config, None)
profiler.disable()
out = io.StringIO()
stats = pstats.Stats(profiler, stream=out)
print(f"scan {plain:.2f} s without the profiler, {stats.total_tt:.2f} s under cProfile")
stats.sort_stats("tottime").print_stats(10)
print(out.getvalue())
"""


# One scan through the CLI with marks at its phases (seconds since the process started) and
# the CPU of the main process and of its children (measuring workers, git).
TIMELINE_SCRIPT = r"""
import json, os, resource, sys, time
with open("/proc/self/stat") as f:
    start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
with open("/proc/uptime") as f:
    uptime = float(f.read().split()[0])
t0 = time.perf_counter() - (uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
marks = {}
def mark(name):
    marks.setdefault(name, round(time.perf_counter() - t0, 4))
mark("interpreter up")
import tidy.cli as cli
import tidy.engine as engine
import tidy.trends as trends
import tidy.workspace.walk as walk
mark("imports done")
def wrap(owner, attr, before=None, after=None):
    original = getattr(owner, attr)
    def call(*a, **k):
        if before: mark(before)
        result = original(*a, **k)
        if after: mark(after)
        return result
    setattr(owner, attr, call)
wrap(walk.Walker, "run", "walk starts", "walk ends")
wrap(walk.Walker, "_collect", "tree explored")
wrap(engine, "_findings", "rules start", "rules end")
wrap(trends, "record_and_read", "history starts", "history ends")
try:
    cli.main(["scan", "--format", "json", "-q", sys.argv[1]])
except SystemExit:
    pass
mark("done")
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(json.dumps({"marks": marks, "cpu_main": own.ru_utime + own.ru_stime,
                             "cpu_children": kids.ru_utime + kids.ru_stime}))
"""


def timeline(tree: str, tidy: str, runs: int = 5) -> dict[str, object]:
    """Median of each phase mark over a few instrumented scans (installed tidy's python)."""
    python = os.path.join(os.path.dirname(tidy), "python")
    samples = []
    for _ in range(runs):
        done = subprocess.run([python, "-c", TIMELINE_SCRIPT, tree], capture_output=True,
                              text=True, check=False)
        try:
            samples.append(json.loads(done.stderr.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            return {}
    names = list(samples[0]["marks"])
    return {
        "marks": {n: h.median([s["marks"][n] for s in samples if n in s["marks"]])
                  for n in names},
        "cpu_main": h.median([s["cpu_main"] for s in samples]),
        "cpu_children": h.median([s["cpu_children"] for s in samples]),
    }


def tools(tree: str, tidy: str) -> dict[str, list[str]]:
    """Every tool prints to /dev/null (measure() sends stdout there)."""
    return {
        "tidy scan --format json -q": [tidy, "scan", "--format", "json", "-q", tree],
        "du -s": ["du", "-s", tree],
        "find -printf '%s\\n'": ["find", tree, "-printf", "%s\n"],
        "gdu -n -p -s": ["gdu", "-n", "-p", "-s", tree],
        "fdfind -HI .": ["fdfind", "-HI", ".", tree],
        # the walk and the artifact rules alone: what the other rule families add
        "tidy scan --select TDY1": [
            tidy,
            "scan",
            "--format",
            "json",
            "-q",
            "--select",
            "TDY1",
            tree,
        ],
        "tidy --version (start-up only)": [tidy, "--version"],
        # The same scan once an ignore rule exists (`*.log` in .git/info/exclude, set only
        # around this command): git must then list ignored paths, walking every untracked
        # folder, node_modules included, on the cores the walk uses.
        WITH_RULE: [tidy, "scan", "--format", "json", "-q", tree],
    }


WITH_RULE = "tidy scan, with an ignore rule in .git/info/exclude"


@contextlib.contextmanager
def ignore_rule(tree: str, on: bool) -> Iterator[None]:
    """`*.log` in the tree's .git/info/exclude while the block runs (when `on`)."""
    path = os.path.join(tree, ".git", "info", "exclude")
    if not on:
        yield
        return
    before = Path(path).read_text(encoding="utf-8") if os.path.exists(path) else None
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n*.log\n")
    try:
        yield
    finally:
        if before is None:
            os.remove(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(before)


def available(commands: dict[str, list[str]]) -> tuple[dict[str, list[str]], list[str]]:
    present = {k: v for k, v in commands.items() if shutil.which(v[0])}
    return present, [k for k in commands if k not in present]


def count_entries(tree: str) -> int:
    """Entries below the tree as find sees them (.git included), the root itself not."""
    with subprocess.Popen(["find", tree, "-printf", "\n"], stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: proc.stdout.read(1 << 20), b""))
    return lines - 1


def check_bytes(tree: str, tidy: str) -> dict[str, object]:
    """tidy's bytes for each catalogued folder against `du -sb` (apparent size) of it."""
    done = subprocess.run(
        [tidy, "scan", "--format", "json", "-q", "--exit-zero", tree],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return {"ok": False, "error": done.stderr.strip()[-300:]}
    report = json.loads(done.stdout)
    folders = {}
    for group in report["groups"]:
        for finding in group["findings"]:
            path = finding["abs_path"]
            if finding.get("dirs", 0) and os.path.isdir(path) and not os.path.islink(path):
                folders[path] = finding["bytes"]
    mismatches = []
    for path, claimed in sorted(folders.items()):
        du = subprocess.run(["du", "-sb", path], capture_output=True, text=True, check=True)
        actual = int(du.stdout.split()[0])
        if actual != claimed:
            mismatches.append({"path": os.path.relpath(path, tree), "tidy": claimed, "du": actual})
    node_modules = os.path.join(tree, "frontend", "node_modules")
    return {
        "ok": node_modules in folders and not mismatches,
        "folders_checked": len(folders),
        "node_modules_bytes": folders.get(node_modules),
        "mismatches": mismatches[:20],
    }


def profile(tree: str, mode: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROFILE_SCRIPT, tree, mode], capture_output=True, text=True
    )
    if done.returncode != 0:
        return f"(profile failed: {done.stderr.strip().splitlines()[-1:]})"
    return _trim_profile(done.stdout)


def _trim_profile(text: str) -> str:
    keep = []
    for line in text.splitlines():
        if not line.strip() or "Ordered by" in line or "function calls" in line:
            continue
        line = line.replace(os.path.dirname(h.REPO) + "/", "")
        line = line.replace(os.path.dirname(os.__file__) + "/", "<stdlib>/")
        keep.append(line.rstrip())
    return "\n".join(keep)


def run(label: str, runs: int, with_profile: bool) -> dict[str, object]:
    tree = h.ensure_tree(label)
    tidy = h.installed_tidy()
    commands, missing = available(tools(tree, tidy))
    for name in missing:
        print(f"bench_scan: {name.split()[0]} not installed, left out", file=sys.stderr)
    print(f"bench_scan: {tree}: warm-up pass", file=sys.stderr, flush=True)
    entries = count_entries(tree)
    for name, cmd in commands.items():  # warm cache, and a tool that fails stops us here
        with ignore_rule(tree, name == WITH_RULE):
            h.measure(cmd, sample=False, check=cmd[0] != tidy)
    correctness = check_bytes(tree, tidy)
    timings: dict[str, list[h.Run]] = {name: [] for name in commands}
    for round_no in range(runs):
        for name, cmd in commands.items():
            with ignore_rule(tree, name == WITH_RULE):
                timings[name].append(h.measure(cmd, check=cmd[0] != tidy))
        print(
            f"bench_scan: round {round_no + 1}/{runs}: "
            + ", ".join(f"{n.split()[0]} {t[-1].wall_s:.2f}s" for n, t in timings.items()),
            file=sys.stderr,
            flush=True,
        )
    rcs = (
        {r.returncode for r in timings["tidy scan --format json -q"]}
        if "tidy scan --format json -q" in timings
        else set()
    )
    result: dict[str, object] = {
        "tree": label,
        "path": tree,
        "entries": entries,
        "built": h.tree_info(tree),
        "runs": runs,
        "machine": h.machine(),
        "versions": h.versions(),
        "missing": missing,
        "tidy_exit_codes": sorted(rcs),
        "correctness": correctness,
        "tools": {
            name: {
                "cmd": shlex.join("tidy" if c == tidy else c.replace("\n", "\\n")
                                  for c in cmd).replace(tree, "TREE")
                + ("` + `*.log` in `.git/info/exclude" if name == WITH_RULE else ""),
                **h.summarize(t),
                "walls": [round(r.wall_s, 3) for r in t],
            }
            for name, (cmd, t) in ((n, (commands[n], timings[n])) for n in commands)
        },
    }
    result["timeline"] = timeline(tree, tidy)
    if with_profile:
        result["profile_main"] = profile(tree, "default")
        result["profile_inline"] = profile(tree, "inline")
    return result


# ---------------------------------------------------------------------- RESULTS.md
def _fmt(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}"


def render(results: dict[str, dict[str, object]]) -> str:
    parts = [
        textwrap.dedent("""\
        Reproduce: `bench/run_all.sh` (all sections), or `python bench/bench_scan.py --tree 250k`
        and `--tree 1m`. Trees come from `bench/mktree.py` (deterministic, fixed mtimes, under
        `$TIDY_BENCH_DIR`, default `/tmp/tidy-bench`). tidy is what `pip install .` makes of this
        checkout, in a virtualenv of its own there (byte-compiled, its own entry point: no
        editable finder, no pyenv shim). Warm cache: one untimed pass of every tool,
        then rounds in which the tools take turns; the median of the rounds is reported. Every
        tool's output goes to `/dev/null`. *RSS* is the largest single process (wait4
        `ru_maxrss`, as `/usr/bin/time -f %M`); *tree RSS* is the peak of the summed resident
        sets of the tool and all its child processes, sampled every 100 ms (an upper bound:
        copy-on-write pages of forked workers count twice). MB = 10^6 bytes.""")
    ]
    for label in ("250k", "1m"):
        res = results.get(label)
        if res is not None:
            parts.append(_render_tree(res))
    if "250k" in results and "1m" in results:
        parts.append(_render_scaling(results["250k"], results["1m"]))
    parts.append(_render_bars(results))
    for label in ("250k", "1m"):
        res = results.get(label)
        if res and res.get("timeline"):
            parts.append(_render_timeline(res))
            break
    for label in ("250k", "1m"):
        res = results.get(label)
        if res and res.get("profile_main"):
            parts.append(_render_profile(res))
            break
    return "\n\n".join(parts)


_PHASES = (  # (from mark, to mark, what happens)
    ("interpreter up", "imports done", "start-up: importing the CLI and the walk"),
    ("imports done", "walk starts", "config, git listings started, worker pool forked"),
    ("walk starts", "tree explored", "explore (main) while workers measure artifacts and do the "
                                     "early work (index listing, reference search, index size)"),
    ("tree explored", "walk ends", "rules imported, git output parsed; waiting for workers"),
    ("walk ends", "rules start", "git facts, search surface, per-group sums"),
    ("rules start", "rules end", "every rule's check"),
    ("rules end", "done", "budgets, history record, JSON report"),
)


_GAP = """\
What is left between tidy and `du -s`: `du` spends about 2 us per entry in the kernel
(getdents, one fstatat per entry) and almost nothing in user space. tidy's walk makes the same
system calls (through folder descriptors, as `du` does) and adds about 1 us of Python per
entry, spread over the main process (exploring) and two forked workers (measuring artifact
folders), so the walk alone runs at about 1.5 x `du` on two cores. On top of it: Python's
start-up and imports (0.07 s), the early work that shares the workers (listing the index,
reading every tracked text file once for the vendored-code reference search, sizing the
index for the history), and a serial end (git facts, rules, JSON, history: about 0.1 s).
With an ignore rule in the repo, git also has to list ignored paths, which walks every
untracked folder (node_modules included) on the same two cores. Closing the rest of the gap
would take a native walker or fewer entries looked at, not more Python tuning."""


def _render_timeline(res: dict[str, object]) -> str:
    line = res["timeline"]
    assert isinstance(line, dict)
    marks = line["marks"]
    rows = [[what, _fmt(marks[a], 3), _fmt(marks[b] - marks[a], 3)]
            for a, b, what in _PHASES if a in marks and b in marks]
    rows.append(["whole process (to the last mark)", "0.000", _fmt(marks.get("done", 0), 3)])
    cpu = (f"CPU: main process {line['cpu_main']:.2f} s, its children (measuring workers and "
           f"git) {line['cpu_children']:.2f} s.\n\n" + _GAP)
    return ("### Where the time goes (phases of one scan, " f"{res['tree']} tree)\n\n"
            "Medians of 5 instrumented scans through the CLI (`TIMELINE_SCRIPT` in "
            "bench_scan.py), seconds since the process started:\n\n"
            + h.table(["phase", "starts at s", "takes s"], rows) + "\n\n" + cpu)


def _render_tree(res: dict[str, object]) -> str:
    tools_ = res["tools"]
    assert isinstance(tools_, dict)
    du = tools_.get("du -s", {}).get("median_s", float("nan"))
    entries = int(res["entries"])  # type: ignore[arg-type]
    machine = res["machine"]
    assert isinstance(machine, dict)
    rows = []
    for t in tools_.values():
        rows.append(
            [
                f"`{t['cmd']}`",
                _fmt(t["median_s"]),
                f"{_fmt(t['min_s'])}-{_fmt(t['max_s'])}",
                _fmt(t["median_s"] / du) + " x",
                _fmt(t["median_s"] / entries * 1e6),
                _fmt(t["cpu_s"]),
                _fmt(t["maxrss_mb"], 1),
                _fmt(t["tree_rss_mb"], 1),
            ]
        )
    head = [
        "command (TREE = the tree)",
        "median s",
        "range s",
        "vs du -s",
        "us/entry",
        "CPU s",
        "RSS MB",
        "tree RSS MB",
    ]
    corr = res["correctness"]
    assert isinstance(corr, dict)
    if corr.get("ok"):
        check = (
            f"Correctness: tidy's bytes equal `du -sb` for all {corr['folders_checked']} "
            f"catalogued folders it reported (frontend/node_modules: "
            f"{corr['node_modules_bytes']:,} bytes)."
        )
    else:
        check = f"Correctness check FAILED: {json.dumps(corr)[:600]}"
    missing = res.get("missing") or []
    note = f" Not installed, left out: {', '.join(missing)}." if missing else ""
    return (
        f"### {res['tree']} tree: {entries:,} entries (find's count, .git included)\n\n"
        f"Measured {machine['date']} (load average {machine['load']} at start, tidy "
        f"{machine['tidy']}), {res['runs']} rounds.{note}\n\n"
        + h.table(head, rows)
        + "\n\n"
        + check
    )


def _per_entry(res: dict[str, object], tool: str) -> float:
    tools_ = res["tools"]
    assert isinstance(tools_, dict)
    return float(tools_[tool]["median_s"]) / int(res["entries"])  # type: ignore[arg-type]


def _render_scaling(small: dict[str, object], big: dict[str, object]) -> str:
    rows = []
    for tool in big["tools"]:  # type: ignore[union-attr]
        if tool in small["tools"] and "--version" not in tool:  # type: ignore[operator]
            a, b = _per_entry(small, tool), _per_entry(big, tool)
            rows.append([tool, _fmt(a * 1e6), _fmt(b * 1e6), _fmt(b / a) + " x"])
    return "### Scaling, 250k -> 1M (time per entry)\n\n" + h.table(
        ["tool", "us/entry 250k", "us/entry 1M", "1M / 250k"], rows
    )


def _render_bars(results: dict[str, dict[str, object]]) -> str:
    lines = ["### Bars of issue 2"]
    tidy = "tidy scan --format json -q"
    small = results.get("250k")
    if small and tidy in small["tools"]:  # type: ignore[operator]
        t = small["tools"][tidy]  # type: ignore[index]
        ratio = t["median_s"] / small["tools"]["du -s"]["median_s"]  # type: ignore[index]
        rss = max(t["maxrss_mb"], t["tree_rss_mb"])
        lines.append(
            f"- 250k: time {ratio:.2f} x du -s (bar <= {TIME_BAR}): "
            f"**{'pass' if ratio <= TIME_BAR else 'FAIL'}**; peak RSS {rss:.0f} MB "
            f"(tree sum; bar <= 200 MB): **{'pass' if rss <= RSS_BAR_MB['250k'] else 'FAIL'}**"
        )
    if small and WITH_RULE in small["tools"]:  # type: ignore[operator]
        t = small["tools"][WITH_RULE]  # type: ignore[index]
        ratio = t["median_s"] / small["tools"]["du -s"]["median_s"]  # type: ignore[index]
        lines.append(
            f"- 250k with an ignore rule (git lists ignored paths, walking node_modules too): "
            f"{ratio:.2f} x du -s (bar <= {TIME_BAR}): "
            f"**{'pass' if ratio <= TIME_BAR else 'FAIL'}**"
        )
    big = results.get("1m")
    if big and tidy in big["tools"]:  # type: ignore[operator]
        t = big["tools"][tidy]  # type: ignore[index]
        rss = max(t["maxrss_mb"], t["tree_rss_mb"])
        line = (
            f"- 1M: peak RSS {rss:.0f} MB (bar <= 400 MB): "
            f"**{'pass' if rss <= RSS_BAR_MB['1m'] else 'FAIL'}**"
        )
        if small and tidy in small["tools"]:  # type: ignore[operator]
            growth = _per_entry(big, tidy) / _per_entry(small, tidy)
            du_growth = _per_entry(big, "du -s") / _per_entry(small, "du -s")
            line += (
                f"; time per entry {growth:.2f} x that of 250k (du -s: {du_growth:.2f} x; "
                f"linear means <= 1, passed up to {LINEAR_SLACK} for noise): "
                f"**{'pass' if growth <= LINEAR_SLACK else 'FAIL'}**"
            )
        lines.append(line)
    if len(lines) == 1:
        lines.append("- not measured yet")
    return "\n".join(lines)


def _render_profile(res: dict[str, object]) -> str:
    tools_ = res["tools"]
    assert isinstance(tools_, dict)
    full = tools_.get("tidy scan --format json -q", {}).get("median_s")
    walk = tools_.get("tidy scan --select TDY1", {}).get("median_s")
    start = tools_.get("tidy --version (start-up only)", {}).get("median_s")
    du = tools_.get("du -s", {}).get("median_s")
    split = ""
    if full and walk and start and du:
        split = (
            f"On the {res['tree']} tree a whole scan took {full:.2f} s: start-up (imports) "
            f"{start:.2f} s, the walk with the artifact rules alone (`--select TDY1`) "
            f"{walk:.2f} s, so {full - walk:.2f} s ({(full - walk) / full:.0%}) go to the other "
            f"rule families (vendored code's reference search, heavy folders, data in code, "
            f"ignore rules, sizes) and the index size for the history. `du -s` took {du:.2f} s "
            f"for the same entries.\n\n"
        )
    return (
        "### Where the time goes (cProfile of `tidy.engine.scan`, "
        f"{res['tree']} tree)\n\n{split}As shipped (measuring on forked workers, which cProfile "
        "does not see: their share shows as waiting in the main process):\n\n```\n"
        f"{res['profile_main']}\n```\n\nSame scan with the measuring done inline "
        "(`WorkerPool(0)`), so all Python work is visible:\n\n```\n"
        f"{res.get('profile_inline', '')}\n```"
    )


def write_results() -> None:
    found = {}
    for label in ("250k", "1m"):
        res = h.load_json(f"scan-{label}.json")
        if res is not None:
            found[label] = res
    if not found:
        return
    info = next(iter(found.values()))["machine"]
    h.write_section(HEADING, render(found), info)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", choices=sorted(h.TREES), default="250k")
    parser.add_argument("--runs", type=int, help="rounds (default 5 for 250k, 3 for 1m)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile pass")
    parser.add_argument("--no-write", action="store_true", help="do not touch bench/RESULTS.md")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.tree == "250k" else 3)
    h.isolate_state()
    started = time.monotonic()
    result = run(args.tree, runs, not args.no_profile)
    path = h.save_json(f"scan-{args.tree}.json", result)
    print(_render_tree(result))
    print(
        f"\nbench_scan: {time.monotonic() - started:.0f} s; raw figures in {path}", file=sys.stderr
    )
    if not args.no_write and args.tree != "smoke":
        write_results()
    return 0 if result["correctness"].get("ok") else 1  # type: ignore[union-attr]


if __name__ == "__main__":
    sys.exit(main())
