"""Where a scan's time goes on a real tree, for bench_content.py --profile.

Three views of one scan each, all through the CLI of the installed tidy (its own python):

- times: phases (imports, walk, rules), each rule's check (and start) in the main process, the
  early jobs that run on a worker while the walk goes on, and every data-in-code pre-filter and
  confirmation call with its file. Done by wrapping tidy's functions before the scan starts;
  whatever is not where this expects it is left unwrapped and missing from the figures.
- cProfile of the main process (forked workers and the confirmation children are separate
  processes it does not see).
- strace -ff of every process: how often each first-party file is opened and how many of its
  bytes are read, by which process (tidy's main process, its forked workers, the data-in-code
  confirmation children, git).
"""

from __future__ import annotations

import collections
import glob
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from typing import Any

TIMES_SCRIPT = r"""
import dataclasses, io, json, os, sys, time, contextlib
out_path, tree = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
marks, rules, early_jobs, calls = {}, {}, {}, []
def mark(name):
    marks.setdefault(name, round(time.perf_counter() - t0, 4))
import tidy.cli as cli
import tidy.engine as engine
import tidy.trends as trends
import tidy.workspace.early as early
import tidy.workspace.walk as walk
mark("imports done")

spans = {}
def wrap(owner, attr, span):
    # first start and last end as marks; the time inside summed over every call (one per
    # repo for the rules)
    original = getattr(owner, attr, None)
    if original is None:
        return
    def call(*a, **k):
        mark(span + " starts")
        started = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            spans[span] = spans.get(span, 0.0) + time.perf_counter() - started
            marks[span + " ends"] = round(time.perf_counter() - t0, 4)
    setattr(owner, attr, call)

wrap(walk.Walker, "run", "walk")
wrap(engine, "_findings", "rules")
wrap(trends, "record_and_read", "history")

def timed_check(code, check):
    def call(ctx):
        started = time.perf_counter()
        found = list(check(ctx))
        rules[code] = rules.get(code, 0.0) + time.perf_counter() - started
        return iter(found)
    return call

def timed_start(code, start):
    def call(ctx):
        started = time.perf_counter()
        handle = start(ctx)
        key = code + " (start)"
        rules[key] = rules.get(key, 0.0) + time.perf_counter() - started
        return handle
    return call

# The early jobs run on a forked worker (forked after this patching): their times travel
# back in the result.
worker_times = {}
def timed_early(code, job):
    def call(repo, listing):
        started = time.perf_counter()
        try:
            return job(repo, listing)
        finally:
            worker_times[code] = time.perf_counter() - started
    return call

try:
    import tidy.rules.registry as registry
    registry.RULES = tuple(
        dataclasses.replace(r, check=timed_check(r.code, r.check) if r.check else None,
                            start=timed_start(r.code, r.start) if r.start else None,
                            early=timed_early(r.code, r.early) if r.early else None)
        for r in registry.RULES)
    registry.CHECKED = tuple(r for r in registry.RULES if r.check is not None)
except Exception as error:
    print(f"times: rules not wrapped: {error!r}", file=sys.stderr)

def run_task(task, repo):
    from tidy.workspace.blobs import list_index
    worker_times.clear()
    started = time.perf_counter()
    listing = list_index(repo)
    times = {"index listing": time.perf_counter() - started}
    done = task(repo, listing)
    times.update(worker_times)
    done["_bench_times"] = times
    return done
run_task.__module__, run_task.__qualname__ = "tidy.workspace.early", "run_task"
if hasattr(early, "run_task") and hasattr(early, "EarlyWork"):
    early.run_task = run_task
    original_results = early.EarlyWork.results
    def results(self, repo):
        found = original_results(self, repo)
        times = found.pop("_bench_times", None)
        if times:
            early_jobs[repo] = times
        return found
    early.EarlyWork.results = results

try:
    import tidy.rules.data_in_code as dic
    def traced(name, function):
        def call(path, *a, **k):
            started = time.perf_counter()
            result = function(path, *a, **k)
            seconds = round(time.perf_counter() - started, 4)
            calls.append((name, os.path.relpath(path, tree), seconds))
            return result
        return call
    dic._VERDICTS.get = traced("data-in-code judgement", dic._VERDICTS.get)
    if hasattr(dic, "_js_is_data"):
        dic._js_is_data = traced("_js_is_data", dic._js_is_data)
except Exception as error:
    print(f"times: data-in-code not wrapped: {error!r}", file=sys.stderr)

with contextlib.redirect_stdout(io.StringIO()):
    try:
        cli.main(["scan", "--format", "json", "-q", tree])
    except SystemExit:
        pass
mark("done")
with open(out_path, "w") as f:
    json.dump({"marks": marks, "spans": spans, "rules": rules, "early": early_jobs,
               "calls": calls}, f)
"""

CPROFILE_SCRIPT = r"""
import cProfile, contextlib, io, pstats, sys
import tidy.cli as cli
tree = sys.argv[1]
profiler = cProfile.Profile()
with contextlib.redirect_stdout(io.StringIO()):
    profiler.enable()
    try:
        cli.main(["scan", "--format", "json", "-q", tree])
    except SystemExit:
        pass
    profiler.disable()
out = io.StringIO()
stats = pstats.Stats(profiler, stream=out)
stats.sort_stats("cumulative").print_stats(r"tidy/", 28)
stats.sort_stats("tottime").print_stats(14)
print(out.getvalue())
"""


# `python -c` puts the working folder first on sys.path: run where no checkout of tidy is, so
# the installed tidy is the one imported.
_NOWHERE = "/"


def times(python: str, tree: str, env: dict[str, str]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        done = subprocess.run([python, "-c", TIMES_SCRIPT, out.name, tree], env=env,
                              capture_output=True, text=True, check=False, cwd=_NOWHERE)
        try:
            found: dict[str, Any] = json.load(out)
        except ValueError:
            return {"error": done.stderr.strip()[-400:]}
    if done.stderr.strip():
        found["stderr"] = done.stderr.strip()[-400:]
    return found


def cprofile(python: str, tree: str, env: dict[str, str]) -> str:
    done = subprocess.run([python, "-c", CPROFILE_SCRIPT, tree], env=env, capture_output=True,
                          text=True, check=False, cwd=_NOWHERE)
    keep = []
    for line in done.stdout.splitlines():
        if not line.strip() or "Ordered by" in line or "due to restriction" in line:
            continue
        line = re.sub(r"/\S*/site-packages/", "", line)
        line = re.sub(r"/\S*/lib/python3\.\d+/", "<stdlib>/", line)
        keep.append(line.rstrip())
    return "\n".join(keep) if keep else f"(cProfile failed: {done.stderr.strip()[-300:]})"


# ---------------------------------------------------------------------- strace
_LINE = re.compile(r"^(\w+)\((.*)\)\s+=\s+(-?\d+)(?:<(.*?)>)?")
_FD_PATH = re.compile(r"^\d+<(.*?)>")


def strace_counts(tidy: str, tree: str, env: dict[str, str], own_list: str,
                  extra: tuple[str, ...] = ()) -> dict[str, Any]:
    """Opens and bytes read per first-party file in one scan (`extra`: its options), by
    process kind."""
    if not shutil.which("strace"):
        return {"error": "strace not installed"}
    with open(own_list, "rb") as f:
        own = {os.fsdecode(p) for p in f.read().split(b"\0") if p}
    work = tempfile.mkdtemp(prefix="tidy-strace-")
    try:
        prefix = os.path.join(work, "t")
        subprocess.run(
            ["strace", "-ff", "-qq", "-y", "-s", "96", "-o", prefix, "-e",
             "trace=openat,open,read,pread64,execve,clone,clone3,vfork,fork",
             tidy, "scan", "--format", "json", "-q", *extra, tree],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return _summarize(_parse(prefix), own, tree)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _parse(prefix: str) -> dict[int, dict[str, Any]]:
    procs: dict[int, dict[str, Any]] = {}
    for path in glob.glob(prefix + ".*"):
        pid = int(path.rsplit(".", 1)[1])
        proc: dict[str, Any] = {"children": [], "threads": [], "exec": None,
                                "opens": collections.Counter(), "reads": collections.Counter()}
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                match = _LINE.match(line)
                if match is None:
                    continue
                call, args, ret, decorated = match.groups()
                value = int(ret)
                if call in ("clone", "clone3", "vfork", "fork") and value > 0:
                    (proc["threads"] if "CLONE_THREAD" in args else proc["children"]).append(value)
                elif call == "execve" and value == 0:
                    proc["exec"] = args
                elif call in ("openat", "open") and value >= 0 and decorated:
                    proc["opens"][decorated] += 1
                elif call in ("read", "pread64") and value > 0:
                    fd = _FD_PATH.match(args)
                    if fd:
                        proc["reads"][fd.group(1)] += value
        procs[pid] = proc
    return procs


def _kinds(procs: dict[int, dict[str, Any]]) -> dict[int, str]:
    parent: dict[int, tuple[int, bool]] = {}
    for pid, proc in procs.items():
        for child in proc["children"]:
            parent[child] = (pid, False)
        for thread in proc["threads"]:
            parent[thread] = (pid, True)
    kinds: dict[int, str] = {}

    def kind(pid: int) -> str:
        if pid in kinds:
            return kinds[pid]
        proc = procs.get(pid, {})
        exec_args = proc.get("exec")
        up = parent.get(pid)
        if exec_args is not None and up is not None:
            if "tidy.extract.confirm" in exec_args:
                found = "data-in-code confirmation (python -m tidy.extract.confirm)"
            elif re.search(r'"git"|/git"', exec_args):
                found = "git"
            else:
                found = "other: " + exec_args.split(",", 1)[0].strip('"')
        elif up is None:
            found = "tidy main process"
        else:
            above = kind(up[0])
            found = above if up[1] or above != "tidy main process" else "tidy forked worker"
        kinds[pid] = found
        return found

    for pid in procs:
        kind(pid)
    return kinds


def _summarize(procs: dict[int, dict[str, Any]], own: set[str], tree: str) -> dict[str, Any]:
    kinds = _kinds(procs)
    opens: collections.Counter[str] = collections.Counter()
    reads: collections.Counter[str] = collections.Counter()
    by_kind: dict[str, dict[str, Any]] = {}
    elsewhere: collections.Counter[str] = collections.Counter()
    for pid, proc in procs.items():
        kind = kinds[pid]
        slot = by_kind.setdefault(kind, {"processes": 0, "files": set(), "opens": 0,
                                         "bytes_read": 0})
        slot["processes"] += 1
        for path, n in proc["opens"].items():
            if path in own:
                opens[path] += n
                slot["files"].add(path)
                slot["opens"] += n
            else:
                elsewhere[f"{kind}: {_where(path, tree)}"] += n
        for path, n in proc["reads"].items():
            if path in own:
                reads[path] += n
                slot["bytes_read"] += n
    own_bytes = {p: os.path.getsize(p) for p in own if os.path.exists(p)}
    histogram = collections.Counter(min(opens.get(p, 0), 4) for p in own)
    top = sorted(own, key=lambda p: (-reads.get(p, 0), p))[:8]
    return {
        "first_party_files": len(own),
        "first_party_bytes": sum(own_bytes.values()),
        "opens_histogram": {("4+" if k == 4 else str(k)): v for k, v in sorted(histogram.items())},
        "opens_total": sum(opens.values()),
        "bytes_read_total": sum(reads.values()),
        "by_kind": {k: {"processes": v["processes"], "files": len(v["files"]),
                        "opens": v["opens"], "bytes_read": v["bytes_read"]}
                    for k, v in sorted(by_kind.items())},
        "top_read": [{"path": os.path.relpath(p, tree), "bytes": own_bytes.get(p, 0),
                      "opens": opens.get(p, 0), "bytes_read": reads.get(p, 0)} for p in top],
        "other_opens": dict(elsewhere.most_common()),
        "never_opened": sorted(os.path.relpath(p, tree) for p in own if not opens.get(p)),
    }


def _where(path: str, tree: str) -> str:
    if path != tree and not path.startswith(tree + os.sep):
        return "outside the tree (python, libraries, state)"
    parts = path[len(tree) + 1:].split("/")
    if ".git" in parts:
        return "in .git"
    if os.path.isdir(path):
        return "folders (listings)"
    if "node_modules" in parts:
        return "files in node_modules"
    if "__pycache__" in parts:
        return "files in __pycache__"
    return "other files (binary, or artifacts)"


# ---------------------------------------------------------------------- one tree
def profile_tree(python: str, tree: str, env: dict[str, str], own_list: str,
                 deep: bool, cached: bool = False) -> dict[str, Any]:
    """`cached`: tidy has a content cache; the strace is then of a cold scan (--no-cache) and
    of a warm one (the cache just written by a scan before it)."""
    tidy = os.path.join(os.path.dirname(python), "tidy")
    found: dict[str, Any] = {"tree": tree, "times": times(python, tree, env),
                             "strace": strace_counts(tidy, tree, env, own_list,
                                                     ("--no-cache",) if cached else ())}
    if cached:
        subprocess.run([tidy, "scan", "--format", "json", "-q", tree], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        found["strace_warm"] = strace_counts(tidy, tree, env, own_list)
    if deep:
        found["cprofile"] = cprofile(python, tree, env)
    return found


# ---------------------------------------------------------------------- Markdown
def render(profiles: dict[str, dict[str, Any]]) -> str:
    out = io.StringIO()
    out.write("### Where the time goes (one instrumented scan per tree, `--profile`)\n\n")
    out.write("Phases and rule checks in the main process (seconds; a rule's *start* runs "
              "before the checks, its git or reading then goes on beside them); early jobs "
              "run on a forked worker while the walk goes on. Timings under instrumentation, "
              "one run each, on the shared machine.\n\n")
    rows = []
    for name, prof in profiles.items():
        t = prof.get("times", {})
        marks, spans = t.get("marks", {}), t.get("spans", {})
        walk = f"{spans['walk']:.2f}" if "walk" in spans else "?"
        rules = f"{spans['rules']:.2f}" if "rules" in spans else "?"
        top = sorted(t.get("rules", {}).items(), key=lambda kv: -kv[1])[:4]
        early: collections.Counter[str] = collections.Counter()
        for jobs in t.get("early", {}).values():
            early.update(jobs)
        rows.append([name, f"{marks.get('done', float('nan')):.2f}", walk, rules,
                     ", ".join(f"{k} {v:.2f}" for k, v in top) or "-",
                     ", ".join(f"{k} {v:.2f}" for k, v in early.items()) or "none"])
    out.write(_table(["tree", "whole s", "walk s", "rules s", "slowest rule checks s",
                      "early jobs (worker) s"], rows) + "\n\n")
    calls = [(name, c) for name, prof in profiles.items()
             for c in prof.get("times", {}).get("calls", [])]
    if calls:
        per: dict[tuple[str, str], list[float]] = {}
        for name, (_what, path, seconds) in calls:
            per.setdefault((name, path), []).append(seconds)
        counted = collections.Counter((name, what) for name, (what, _, _) in calls)
        repeated = sorted(((name, path, s) for (name, path), s in per.items() if len(s) > 1),
                          key=lambda item: -sum(item[2]))
        out.write("Data-in-code calls (each is a fresh read of the file; a confirmation is a "
                  "fresh interpreter): "
                  + "; ".join(f"{name}: {what} x{n}" for (name, what), n in sorted(counted.items()))
                  + ". Files checked more than once (calls, seconds in all): "
                  + (", ".join(f"{name}:{path} {len(s)}x {sum(s):.1f} s"
                               for name, path, s in repeated[:6]) or "none")
                  + ".\n\n")
    traces = {name: prof["strace"] for name, prof in profiles.items()
              if prof.get("strace") and "error" not in prof["strace"]}
    if traces:
        out.write(_render_strace(traces))
    warm = {name: prof["strace_warm"] for name, prof in profiles.items()
            if prof.get("strace_warm") and "error" not in prof["strace_warm"]}
    if warm:
        out.write("The same count for a warm scan (the cache written by the scan before it):\n\n"
                  + "".join(f"- {name}: {t['opens_total']:,} opens of first-party files, "
                            f"{t['bytes_read_total'] / 1e6:.1f} MB read\n"
                            for name, t in warm.items()) + "\n")
    for name, prof in profiles.items():
        if prof.get("cprofile"):
            out.write(f"cProfile of the main process ({name}; workers and children not "
                      f"seen):\n\n```\n{prof['cprofile']}\n```\n\n")
    return out.getvalue().rstrip()


def _render_strace(traces: dict[str, dict[str, Any]]) -> str:
    out = io.StringIO()
    out.write("strace -ff of one scan per tree (openat and read of every process; a cold scan, "
              "--no-cache, where tidy has a cache): how often each first-party text file is "
              "opened and how many of its bytes are read.\n\n")
    rows = []
    for name, t in traces.items():
        hist = ", ".join(f"{k}x: {v:,}" for k, v in t["opens_histogram"].items())
        top = "; ".join(f"{r['path']} ({r['bytes'] / 1e6:.1f} MB) opened {r['opens']}x, "
                        f"{r['bytes_read'] / 1e6:.1f} MB read" for r in t["top_read"][:3]
                        if r["opens"] > 1)
        out.write(f"- {name}: {t['first_party_files']:,} files ({t['first_party_bytes'] / 1e6:.1f}"
                  f" MB) opened {t['opens_total']:,} times, {t['bytes_read_total'] / 1e6:.1f} MB "
                  f"read ({t['bytes_read_total'] / max(1, t['first_party_bytes']):.2f} x their "
                  f"size); files by opens: {hist}. Read most: {top or '-'}.\n")
        for kind, v in t["by_kind"].items():
            if v["opens"]:
                rows.append([name, kind, str(v["processes"]), f"{v['files']:,}",
                             f"{v['opens']:,}", f"{v['bytes_read'] / 1e6:,.1f}"])
    out.write("\n" + _table(["tree", "process", "processes + threads", "first-party files "
                             "opened", "opens", "MB read"], rows) + "\n\n")
    return out.getvalue()


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
