#!/usr/bin/env python3
"""Issue 16 benchmark: what a scan of a real repository costs against reading it.

usage: bench_content.py [--trees webapp,module51,wheels,250k] [--runs N] [--checkout PATH]...
                        [--label before|after|...] [--profile] [--no-write]

Trees (built when missing or out of date, reused otherwise; all under $TIDY_BENCH_DIR):
  webapp    mkwebapp.py: Django sdist committed, `npm ci` node_modules, vendored JS dist
            folders, a 3 MB data module, real __pycache__ folders
  module51  mkdatatrees.py: one committed 51 MB seed-shaped module
  wheels    mkdatatrees.py: ten data-heavy wheels, each unpacked and committed as its own repo
  250k      mktree.py: the 250,000-entry bloated monorepo of bench_scan.py

Series, interleaved round by round (every series of a tree takes its turn before the next
round), medians reported, output to /dev/null:
  cold     `tidy scan --format json -q TREE`, with `--no-cache` when `tidy scan --help` lists it
  warm     the same scan without `--no-cache`, each timed run right after an untimed one (so
           the cache is fresh); measured only once tidy has a cache - until then warm = cold
  walk     `tidy scan --format json -q --select TDY1 TREE`: the walk and the artifact rules
  rg       `rg -uu -c x TREE`: reads every text file below the tree (.git and node_modules too)
  rg-own   `rg -uu -c x` over the first-party text files only (xargs): what a content pass has
           to read; its MB/s is the throughput to put a content pass's beside
  du       `du -s TREE`
tidy is what `pip install CHECKOUT` makes (a virtualenv per checkout under $TIDY_BENCH_DIR),
with TIDY_STATE_DIR pointing into $TIDY_BENCH_DIR. `--checkout` may be given more than once:
every checkout then runs in the same rounds (before and after, side by side).

First-party files: `git ls-files --cached --others --exclude-standard` of every repo in the
tree, less everything inside what `--select TDY1` reports (artifact folders and files), less
binary files (a NUL byte in the first 8 KiB), symlinks and empty files.

--profile adds, once per tree, per-rule and per-phase times of one scan through the CLI and an
strace count of how often each first-party file is opened and how many of its bytes are read,
by which process; and for the web app a cProfile of the main process (_content_profile.py).

Raw figures go to $TIDY_BENCH_DIR/results/content-<label>.json; unless --no-write, the section
"## Content pass and cache (issue 16): <label>" of bench/RESULTS.md is rewritten.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness as h
import mkdatatrees
import mkwebapp

TREE_NAMES = ("webapp", "module51", "wheels", "250k")
WARM_OVER_WALK = 1.3  # webapp: warm <= 1.3 x walk-only
COLD_RG_FACTOR = 2.0  # webapp: cold <= walk-only + 2 x rg
MODULE51_COLD_S, MODULE51_WARM_S = 2.0, 0.3
TREE250K_COLD_DU, TREE250K_WARM_DU = 2.0, 1.2
SERIES = ("cold", "warm", "walk", "rg", "rg-own", "du")


# ---------------------------------------------------------------------- tidy, per checkout
@dataclass
class Tidy:
    label: str
    checkout: str
    exe: str
    rev: str
    no_cache: bool  # `tidy scan --no-cache` exists: there is a cache, and cold can be asked for

    @property
    def python(self) -> str:
        return os.path.join(os.path.dirname(self.exe), "python")


def install(checkout: str) -> Tidy:
    """tidy as `pip install CHECKOUT` gives it, in a virtualenv of its own for that checkout,
    re-installed on every run so the checkout's current files are what is measured."""
    checkout = os.path.realpath(checkout)
    tag = hashlib.sha256(checkout.encode()).hexdigest()[:8]
    venv = os.path.join(h.bench_dir(), "venvs", f"{os.path.basename(checkout)}-{tag}")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        _quiet([python, "-m", "pip", "install", "-q", checkout])
    _quiet([python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", checkout])
    exe = os.path.join(venv, "bin", "tidy")
    rev = h._out(["git", "-C", checkout, "rev-parse", "--short", "HEAD"])
    # what pip installs: a change to bench/ or the docs does not make the measured tidy dirty
    dirty = h._out(["git", "-C", checkout, "status", "--porcelain", "--untracked-files=no",
                    "--", "tidy", "pyproject.toml"])
    help_text = subprocess.run([exe, "scan", "--help"], capture_output=True, text=True,
                               env=tidy_env()).stdout
    return Tidy(
        label=f"{os.path.basename(checkout)}@{rev}{'+dirty' if dirty.strip() else ''}",
        checkout=checkout,
        exe=exe,
        rev=rev,
        no_cache="--no-cache" in help_text,
    )


def _quiet(cmd: list[str]) -> None:
    """Run cmd; its output only when it fails (pip warns about every local index)."""
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"bench_content: {shlex.join(cmd)} failed:\n{done.stdout}{done.stderr}")


def tidy_env() -> dict[str, str]:
    """The benchmark's own state folder: history records (and a cache kept in the state
    folder) never touch the user's."""
    state = os.path.join(h.bench_dir(), "state-content")
    os.makedirs(state, exist_ok=True)
    return {**os.environ, "TIDY_STATE_DIR": state}


def scan(tidy: Tidy, tree: str, *extra: str) -> list[str]:
    return [tidy.exe, "scan", "--format", "json", "-q", *extra, tree]


# ---------------------------------------------------------------------- trees
def ensure_trees(names: list[str]) -> dict[str, str]:
    paths = {}
    for name in names:
        if name == "webapp":
            paths[name] = str(mkwebapp.ensure(os.path.join(h.bench_dir(), "webapp"))["dest"])
        elif name in mkdatatrees.BUILDERS:
            paths[name] = str(mkdatatrees.ensure(name, h.bench_dir())["dest"])
        else:
            paths[name] = h.ensure_tree(name)
    return paths


def repos_in(tree: str) -> list[str]:
    """The tree if it is a repo, else its child folders that are."""
    if os.path.isdir(os.path.join(tree, ".git")):
        return [tree]
    return sorted(os.path.join(tree, n) for n in os.listdir(tree)
                  if os.path.isdir(os.path.join(tree, n, ".git")))


def artifact_paths(report: dict[str, object]) -> list[str]:
    """Absolute paths of everything the walk-only scan reports (TDY1xx)."""
    found = []
    for group in report["groups"]:  # type: ignore[attr-defined]
        for finding in group["findings"]:
            found.append(os.path.normpath(finding["abs_path"]))
    return sorted(set(found))


def first_party(tree: str, report: dict[str, object]) -> tuple[list[str], int]:
    """The first-party text files (see the module's doc) and their bytes."""
    skip = artifact_paths(report)
    skip_set = set(skip)
    prefixes = tuple(p + os.sep for p in skip)
    files, total = [], 0
    for repo in repos_in(tree):
        listed = subprocess.run(
            ["git", "-C", repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, check=True).stdout.split(b"\0")
        for rel in dict.fromkeys(p for p in listed if p):
            path = os.path.join(repo, os.fsdecode(rel))
            if path in skip_set or path.startswith(prefixes):
                continue
            try:
                st = os.lstat(path)
                if not os.path.isfile(path) or os.path.islink(path) or st.st_size == 0:
                    continue
                with open(path, "rb") as f:
                    if b"\0" in f.read(8192):
                        continue
            except OSError:
                continue
            files.append(path)
            total += st.st_size
    return files, total


# ---------------------------------------------------------------------- one measured series
@dataclass
class Series:
    tree: str
    kind: str  # one of SERIES
    cmd: list[str]
    tidy: Tidy | None = None  # None for the peers
    prime: list[str] | None = None  # run untimed right before each timed run
    runs: list[h.Run] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)

    @property
    def key(self) -> str:
        who = self.tidy.label if self.tidy else "peer"
        return f"{self.tree}/{who}/{self.kind}"


def series_for(tree_name: str, tree: str, tidys: list[Tidy], own_list: str) -> list[Series]:
    found = []
    for tidy in tidys:
        cold = scan(tidy, tree, "--no-cache") if tidy.no_cache else scan(tidy, tree)
        found.append(Series(tree_name, "cold", cold, tidy))
        if tidy.no_cache:
            plain = scan(tidy, tree)
            found.append(Series(tree_name, "warm", plain, tidy, prime=plain))
        found.append(Series(tree_name, "walk", scan(tidy, tree, "--select", "TDY1"), tidy))
    found += [
        Series(tree_name, "rg", ["rg", "-uu", "-c", "x", tree]),
        # as few rg processes as the argument limit allows (xargs' own default is 128 KiB)
        Series(tree_name, "rg-own", ["xargs", "-0", "-s", str(_arg_room()), "-a", own_list,
                                     "rg", "-uu", "-c", "x", "--no-messages", "--"]),
        Series(tree_name, "du", ["du", "-s", tree]),
    ]
    return found


def _arg_room() -> int:
    environment = sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    return max(4096, min(2_000_000, os.sysconf("SC_ARG_MAX") - environment - 8192))


def load1() -> float:
    with open("/proc/loadavg", encoding="utf-8") as f:
        return float(f.read().split()[0])


def loadavg() -> str:
    with open("/proc/loadavg", encoding="utf-8") as f:
        return " ".join(f.read().split()[:3])


def run_series(s: Series) -> h.Run:
    env = tidy_env() if s.tidy else None
    if s.prime:
        subprocess.run(s.prime, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       check=False)
    s.loads.append(load1())
    # tidy exits 1 when findings are over budget; rg 1 when nothing matched: both fine.
    run = h.measure(s.cmd, env=env, check=False)
    if run.returncode > 1 and not (s.kind == "rg-own" and run.returncode == 123):
        raise RuntimeError(f"{shlex.join(s.cmd)} exited {run.returncode}")
    return run


# ---------------------------------------------------------------------- warm-up and checks
def capture(cmd: list[str]) -> dict[str, object]:
    done = subprocess.run(cmd, capture_output=True, text=True, env=tidy_env(), check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{shlex.join(cmd)} exited {done.returncode}: {done.stderr[-400:]}")
    report: dict[str, object] = json.loads(done.stdout)
    return report


def findings_of(report: dict[str, object]) -> list[tuple[str, str, int]]:
    return sorted((f["code"], f["abs_path"], f["bytes"])
                  for g in report["groups"] for f in g["findings"])  # type: ignore[attr-defined]


def files_searched(report: dict[str, object]) -> int | None:
    """The vendored rule's own count of files it read, when it reports a library."""
    for group in report["groups"]:  # type: ignore[attr-defined]
        for finding in group["findings"]:
            for name, value in finding.get("details", []):
                if name == "files searched":
                    return int(value)
    return None


def warm_up(series: list[Series], tree: str, tidys: list[Tidy]) -> dict[str, object]:
    """One untimed pass of everything (page cache, and any tool that fails stops us here),
    and what the tree's reports say: findings, and cold/warm agreement once a cache exists."""
    facts: dict[str, object] = {}
    for tidy in tidys:
        cold = capture(scan(tidy, tree, "--no-cache") if tidy.no_cache else scan(tidy, tree))
        entry: dict[str, object] = {
            "findings": len(findings_of(cold)),
            "by_code": dict(collections.Counter(code for code, _, _ in findings_of(cold))),
            "files_searched": files_searched(cold),
        }
        if tidy.no_cache:
            capture(scan(tidy, tree))
            warm = capture(scan(tidy, tree))
            entry["warm_equals_cold"] = findings_of(warm) == findings_of(cold)
        facts[tidy.label] = entry
    for s in series:
        if s.kind not in ("cold",):
            run_series(s)
    return facts


def content_pass(tidy: Tidy, own_list: str, tree: str) -> dict[str, object] | None:
    """The content pass alone over the first-party files (bench/_content_pass.py, in the
    checkout's own python); None for a checkout without one."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_content_pass.py")
    done = subprocess.run([tidy.python, script, own_list, tree], capture_output=True,
                          text=True, env=tidy_env(), check=False)
    if done.returncode != 0:
        return None
    found: dict[str, object] = json.loads(done.stdout)
    return found


# ---------------------------------------------------------------------- the run
def run(names: list[str], runs: int, checkouts: list[str], label: str,
        profile: bool) -> dict[str, object]:
    tidys = [install(c) for c in checkouts]
    trees = ensure_trees(names)
    started_load, machine = loadavg(), h.machine()  # when and where the rounds began
    plan: dict[str, list[Series]] = {}
    own: dict[str, dict[str, object]] = {}
    lists: dict[str, str] = {}
    facts: dict[str, object] = {}
    for name, tree in trees.items():
        walk_report = capture(scan(tidys[0], tree, "--select", "TDY1"))
        files, total = first_party(tree, walk_report)
        own_list = os.path.join(h.results_dir(), f"first-party-{name}.list")
        with open(own_list, "wb") as f:
            f.write(b"\0".join(os.fsencode(p) for p in files))
        own[name] = {"files": len(files), "bytes": total, "list": own_list}
        lists[name] = own_list
        plan[name] = series_for(name, tree, tidys, own_list)
        print(f"bench_content: {name}: warm-up ({len(files):,} first-party text files, "
              f"{total / 1e6:.1f} MB)", file=sys.stderr, flush=True)
        facts[name] = warm_up(plan[name], tree, tidys)
        facts[name]["pass"] = {t.label: content_pass(t, own_list, tree) for t in tidys}
    for round_no in range(runs):
        for name, series in plan.items():
            for s in series:
                s.runs.append(run_series(s))
            print(f"bench_content: round {round_no + 1}/{runs} {name}: "
                  + ", ".join(f"{_short(s, len(tidys))} {s.runs[-1].wall_s:.2f}s" for s in series)
                  + f" (load {loadavg()})", file=sys.stderr, flush=True)
    result: dict[str, object] = {
        "label": label,
        "machine": machine,
        "versions": {**h.versions(), "rg": h._out(["rg", "--version"]).splitlines()[0]},
        "load_start": started_load,
        "load_end": loadavg(),
        "runs": runs,
        "tidys": [t.__dict__ for t in tidys],
        "trees": {name: {"path": tree, "built": _built_summary(tree), "first_party": own[name],
                         "facts": facts[name]} for name, tree in trees.items()},
        "series": [
            {"tree": s.tree, "kind": s.kind, "tidy": s.tidy.label if s.tidy else None,
             "cmd": _shown(s.cmd, trees[s.tree], s.tidy), **h.summarize(s.runs),
             "walls": [round(r.wall_s, 3) for r in s.runs],
             "load1": [round(x, 2) for x in s.loads]}
            for series in plan.values() for s in series
        ],
        "command": "python bench/bench_content.py " + " ".join(sys.argv[1:]),
    }
    if profile:
        import _content_profile as cp

        measured = tidys[-1]  # the checkout under test: the last one named
        result["profiled"] = measured.label
        result["profile"] = {name: cp.profile_tree(measured.python, tree, tidy_env(),
                                                    lists[name], deep=name == "webapp",
                                                    cached=measured.no_cache)
                             for name, tree in trees.items()}
    result["ended"] = time.strftime("%Y-%m-%d %H:%M %Z")
    return result


def _short(s: Series, checkouts: int) -> str:
    return s.kind if s.tidy is None or checkouts == 1 else f"{s.kind}@{s.tidy.rev}"


def _built_summary(tree: str) -> dict[str, object]:
    try:
        with open(tree + ".built", encoding="utf-8") as f:
            built = json.load(f)
    except (OSError, ValueError):
        return {}
    keep = ("files", "dirs", "links", "entries", "bytes", "tracked_files", "parts", "repos")
    found = {k: built[k] for k in keep if k in built}
    if "bytes" not in found:  # mktree.py's marker: no byte count
        du = h._out(["du", "-sb", "--exclude=.git", tree]).split()
        if du and du[0].isdigit():
            found["bytes"] = int(du[0])
    return found


def _shown(cmd: list[str], tree: str, tidy: Tidy | None) -> str:
    shown = ["tidy" if tidy and c == tidy.exe else c for c in cmd]
    text = shlex.join(shown).replace(tree, "TREE")
    text = re.sub(r"-s \d+ ", "-s MAX ", text)
    return re.sub(r"\S*first-party-(\w+)\.list", r"FIRST_PARTY_LIST", text)


# ---------------------------------------------------------------------- report
def _median(result: dict[str, object], tree: str, kind: str, tidy: str | None) -> float | None:
    for s in result["series"]:  # type: ignore[attr-defined]
        if s["tree"] == tree and s["kind"] == kind and s["tidy"] == tidy:
            return float(s["median_s"])
    return None


def _verdict(value: float, bar: float) -> str:
    return f"**{'pass' if value <= bar else 'FAIL'}**"


def bars(result: dict[str, object], tidy: dict[str, object]) -> list[str]:
    """The issue's bars for one checkout, from the medians; warm = cold until a cache exists."""
    who = str(tidy["label"])
    lines = []
    no_cache = bool(tidy["no_cache"])
    for tree in result["trees"]:  # type: ignore[attr-defined]
        cold = _median(result, tree, "cold", who)
        warm = _median(result, tree, "warm", who) if no_cache else cold
        walk = _median(result, tree, "walk", who)
        rg = _median(result, tree, "rg", None)
        du = _median(result, tree, "du", None)
        if cold is None or warm is None or walk is None or rg is None or du is None:
            continue
        note = "" if no_cache else " (no cache yet: warm = cold)"
        if tree in ("webapp", "wheels"):
            info = "" if tree == "webapp" else " (no bar in the issue; the web app's, for scale)"
            limit = walk + COLD_RG_FACTOR * rg
            lines.append(
                f"- {tree}{info}: cold {cold:.2f} s vs walk-only + 2 x rg = {walk:.2f} + 2 x "
                f"{rg:.2f} = {limit:.2f} s: {cold / limit:.2f} x the bar {_verdict(cold, limit)};"
                f" warm {warm:.2f} s vs 1.3 x walk-only = {WARM_OVER_WALK * walk:.2f} s: "
                f"{warm / (WARM_OVER_WALK * walk):.2f} x the bar "
                f"{_verdict(warm, WARM_OVER_WALK * walk)}{note}")
        elif tree == "module51":
            lines.append(
                f"- module51: cold {cold:.2f} s (bar <= {MODULE51_COLD_S} s) "
                f"{_verdict(cold, MODULE51_COLD_S)}; warm {warm:.2f} s (bar <= "
                f"{MODULE51_WARM_S} s) {_verdict(warm, MODULE51_WARM_S)}{note}")
        elif tree == "250k":
            lines.append(
                f"- 250k: cold {cold / du:.2f} x du -s ({cold:.2f} / {du:.2f} s; bar <= "
                f"{TREE250K_COLD_DU}) {_verdict(cold / du, TREE250K_COLD_DU)}; warm "
                f"{warm / du:.2f} x du -s (bar <= {TREE250K_WARM_DU}) "
                f"{_verdict(warm / du, TREE250K_WARM_DU)}{note}")
    return lines


def render(result: dict[str, object]) -> str:
    machine = result["machine"]
    assert isinstance(machine, dict)
    tidys = result["tidys"]
    assert isinstance(tidys, list)
    versions = result["versions"]
    assert isinstance(versions, dict)
    intro = (
        f"Reproduce: `{result['command']}` (trees are built on first use: about 2 minutes "
        f"and ~420 MB under `$TIDY_BENCH_DIR` besides bench_scan.py's 250k tree; downloads "
        f"kept in `bench/out/`; see bench/README.md). Measured {machine['date']} to "
        f"{result.get('ended', '?')} on {machine['nproc']} cores ({machine['cpu']}, "
        f"{machine['ram']} RAM, disk {machine['disk']}), shared with other engineers' test "
        f"runs: load average (1, 5, 15 min) {result['load_start']} at the start, "
        f"{result['load_end']} at the end; the 1-minute load at each timed run is in the "
        f"table. {result['runs']} interleaved rounds, medians; page cache warm (one untimed "
        f"pass of everything first). tidy: "
        + ", ".join(f"`{t['label']}`" + ("" if t["no_cache"] else " (no `--no-cache` option: "
                                         "no cache, so cold = warm)") for t in tidys)
        + f"; {versions.get('rg', 'rg')}; {versions.get('du', 'du')}.")
    parts = [textwrap.fill(intro, width=100, break_on_hyphens=False, break_long_words=False)]
    parts.append(_trees_table(result))
    parts.append(_times_table(result))
    parts.append(_throughput_table(result))
    for tidy in tidys:
        parts.append(f"Bars of issue 16 (`{tidy['label']}`):\n" + "\n".join(bars(result, tidy)))
    if result.get("profile"):
        import _content_profile as cp

        parts.append(f"Profiled: `{result.get('profiled', '?')}`.\n\n"
                     + cp.render(result["profile"]))  # type: ignore[arg-type]
    return "\n\n".join(parts)


def _trees_table(result: dict[str, object]) -> str:
    rows = []
    for name, tree in result["trees"].items():  # type: ignore[attr-defined]
        built = tree["built"]
        own = tree["first_party"]
        nm = built.get("parts", {}).get("frontend/node_modules")
        what = {
            "webapp": f"Django {mkwebapp.DJANGO} sdist + `npm ci` (node_modules "
                      f"{nm['files']:,} files, {nm['bytes'] / 1e6:.0f} MB) + static/vendor + "
                      f"3 MB data module + 3 __pycache__" if nm else "web app",
            "module51": "one 51 MB seed-shaped module, committed",
            "wheels": f"{len(built.get('repos', {}))} unpacked wheels, one repo each",
            "250k": "bench/mktree.py monorepo",
        }.get(name, name)
        files = built.get("files", built.get("planned_files", 0))
        entries = built.get("entries", 0)
        size = f"{built['bytes'] / 1e6:,.0f}" if "bytes" in built else "?"
        rows.append([name, what, f"{files:,}", f"{entries:,}", size,
                     f"{own['files']:,}", f"{own['bytes'] / 1e6:,.1f}"])
    return h.table(["tree", "what", "files", "entries", "MB", "first-party text files",
                    "their MB"], rows)


def _times_table(result: dict[str, object]) -> str:
    rows = []
    for s in result["series"]:  # type: ignore[attr-defined]
        who = f" ({s['tidy']})" if s["tidy"] and len(result["tidys"]) > 1 else ""  # type: ignore[arg-type]
        loads = s["load1"]
        rows.append([s["tree"], s["kind"] + who, f"`{s['cmd']}`", f"{s['median_s']:.2f}",
                     f"{s['min_s']:.2f}-{s['max_s']:.2f}", f"{s['cpu_s']:.2f}",
                     f"{max(s['maxrss_mb'], s['tree_rss_mb']):.0f}",
                     f"{min(loads):.1f}-{max(loads):.1f}" if loads else "?"])
    return h.table(["tree", "series", "command (TREE = the tree)", "median s", "range s",
                    "CPU s", "peak RSS MB", "load (1 min)"], rows)


def _throughput_table(result: dict[str, object]) -> str:
    rows = []
    for name, tree in result["trees"].items():  # type: ignore[attr-defined]
        own = tree["first_party"]
        rg_own = _median(result, name, "rg-own", None)
        if not rg_own:
            continue
        row = [name, f"{own['files']:,}", f"{own['bytes'] / 1e6:,.1f}", f"{rg_own:.2f}",
               f"{own['bytes'] / 1e6 / rg_own:,.0f}"]
        for tidy in result["tidys"]:  # type: ignore[attr-defined]
            cold = _median(result, name, "cold", tidy["label"])
            walk = _median(result, name, "walk", tidy["label"])
            if cold is None or walk is None:
                continue
            extra = cold - walk
            row.append(f"{extra:.2f} s = {own['bytes'] / 1e6 / extra:,.1f} MB/s"
                       if extra > 0.005 else "-")
            passed = tree["facts"].get("pass", {}).get(tidy["label"])
            row.append(f"{passed['seconds']:.2f} s, {passed['files']:,} files read = "
                       f"{passed['bytes'] / 1e6 / passed['seconds']:,.0f} MB/s"
                       if passed and passed["seconds"] > 0 else "-")
        rows.append(row)
    who = [column for t in result["tidys"]  # type: ignore[attr-defined]
           for column in (f"tidy cold - walk-only ({t['label']})",
                          f"content pass alone ({t['label']})")]
    return ("Throughput over the first-party text files (the content pass's input). "
            "*cold - walk-only* is everything a scan does beyond the walk and the artifact "
            "rules, set against the same bytes (it also holds git listings, the rules' own "
            "work and the history record). *content pass alone* is "
            "bench/_content_pass.py: tidy.workspace.content.run_pass over the same list "
            "in one process, without the cache (the reference search with the tree's "
            "vendored-library patterns, the data-in-code judges, hashes from 100 kB), median "
            "of 3, interpreter start excluded; its MB/s is bytes it read over its time (files "
            "over 5 MB are read only when a judge or the hash needs them):\n\n"
            + h.table(["tree", "files", "MB", "rg-own median s", "rg MB/s", *who], rows))


# ---------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trees", default=",".join(TREE_NAMES),
                        help=f"comma-separated, from {', '.join(TREE_NAMES)} (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--checkout", action="append",
                        help="a tidy checkout to pip-install and measure (repeatable; default: "
                             "this one)")
    parser.add_argument("--label", default="before",
                        help='names the RESULTS.md section "...(issue 16): LABEL" and the JSON')
    parser.add_argument("--profile", action="store_true",
                        help="also per-rule times, cProfile and an strace of open() counts")
    parser.add_argument("--no-write", action="store_true", help="do not touch bench/RESULTS.md")
    parser.add_argument("--rewrite", action="store_true",
                        help="measure nothing: render results/content-LABEL.json into "
                             "RESULTS.md again")
    args = parser.parse_args(argv)
    if args.rewrite:
        saved = h.load_json(f"content-{args.label}.json")
        if saved is None:
            parser.error(f"no results/content-{args.label}.json in {h.results_dir()}")
        _write(args.label, render(saved), saved)
        return 0
    names = [n.strip() for n in args.trees.split(",") if n.strip()]
    unknown = [n for n in names if n not in TREE_NAMES]
    if unknown or not names:
        parser.error(f"unknown tree(s): {', '.join(unknown) or '(none)'}")
    if not re.fullmatch(r"[\w.-]+", args.label):
        parser.error("--label: letters, digits, '.', '-' and '_' only")
    started = time.monotonic()
    result = run(names, args.runs, args.checkout or [h.REPO], args.label, args.profile)
    path = h.save_json(f"content-{args.label}.json", result)
    text = render(result)
    print(text)
    print(f"\nbench_content: {time.monotonic() - started:.0f} s; raw figures in {path}",
          file=sys.stderr)
    if not args.no_write:
        _write(args.label, text, result)
    return 0


def _write(label: str, text: str, result: dict[str, object]) -> None:
    h.write_section(f"Content pass and cache (issue 16): {label}", text,
                    result["machine"], refresh_header=False)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
