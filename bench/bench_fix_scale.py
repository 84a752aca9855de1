#!/usr/bin/env python3
"""Fix at scale: `tidy fix`, `tidy undo` and `tidy trash purge` on trees with tens of thousands
of items, against pyclean, `find ... -exec rm -rf` and npkill.

usage: bench_fix_scale.py [--trees pycache,legacy-pyc,node,src] [--runs N]
                          [--rev REV | --checkout PATH] [--label L] [--write [--heading H]]
       bench_fix_scale.py --render before,after [--write [--heading H]]

The trees are mkfixtrees.py's (built on first use). tidy is what `pip install` makes of this
checkout (--checkout PATH: another one; --rev REV: that commit of this repository, exported
with `git archive`), in a virtualenv under $TIDY_BENCH_DIR/venvs/. Every tidy command runs
with TIDY_STATE_DIR and HOME set to folders of the copy's own (never the user's state).

Per tree and round, each on a fresh `cp -a` of the tree (untimed, then `sync`; used copies
are deleted before the next timing):
  copy T: `tidy scan` (content cache warm-up, untimed), `tidy scan` (timed: the scan),
          `tidy fix --dry-run` (timed: scan + plan + the plan printed), `tidy fix --yes`,
          `tidy undo --yes`, `tidy fix --yes` again (untimed), `tidy trash purge --yes`
  copy P: `pyclean TREE` (the Python trees)
  copy F: `find TREE ... -prune -exec rm -rf {} +` of the same items (`-delete` for files)
  copy N: `npkill --directory TREE --delete-all -y` on a pty (the node trees), timed until
          the last node_modules is gone (bench_fix.run_npkill)
Wall time, CPU (user+sys of the command and its children), and how many items each removed
(counted with find before and after). Results: $TIDY_BENCH_DIR/results/fixscale-LABEL.json;
--write puts the section "Fix at scale" into RESULTS.md (the labels given to --render, or
this run's).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _build as b
import _harness as h
import bench_fix
import mkfixtrees

HEADING = "Fix at scale: many items (fix, undo, purge vs pyclean, find, npkill)"
# What each tree's peers remove: the find expression (items found, then removed).
FIND = {
    "pycache": (["-name", "__pycache__", "-prune"], "-exec rm -rf {} +"),
    "legacy-pyc": (["-name", "*.pyc", "-type", "f"], "-delete"),
    "node": (["-name", "node_modules", "-prune"], "-exec rm -rf {} +"),
    "src": (["(", "-name", "__pycache__", "-o", "-name", "node_modules", "-o", "-name",
             ".pytest_cache", ")", "-prune"], "-exec rm -rf {} +"),
}
PYTHON_TREES = ("pycache", "legacy-pyc", "src")
NODE_TREES = ("node", "src")


# ---------------------------------------------------------------------- tidy to measure
def tidy_from(rev: str | None, checkout: str | None) -> tuple[str, str]:
    """(the tidy executable, a description): this checkout, another, or a commit of it."""
    venvs = os.path.join(h.bench_dir(), "venvs")
    os.makedirs(venvs, exist_ok=True)
    if rev:
        sha = subprocess.run(["git", "-C", h.REPO, "rev-parse", "--short", rev], check=True,
                             capture_output=True, text=True).stdout.strip()
        source = os.path.join(venvs, f"src-{sha}")
        if not os.path.isdir(source):
            os.makedirs(source)
            archive = subprocess.run(["git", "-C", h.REPO, "archive", sha], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", source], input=archive, check=True)
        venv, what = os.path.join(venvs, f"rev-{sha}"), f"commit {sha}"
    else:
        source = os.path.realpath(checkout or h.REPO)
        sha = subprocess.run(["git", "-C", source, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
        venv, what = os.path.join(venvs, "checkout-" + source.strip("/").replace("/", "_")), \
            f"{source} at {sha}"
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps",
                    source], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([python, "-m", "pip", "install", "-q", source], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(venv, "bin", "tidy"), what


def pyclean() -> str | None:
    venv = os.path.join(h.bench_dir(), "venvs", "pyclean")
    exe = os.path.join(venv, "bin", "pyclean")
    if not os.path.exists(exe):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        done = subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "pyclean"],
                              check=False)
        if done.returncode != 0:
            return None
    return exe


# ---------------------------------------------------------------------- one tree
def own_env(copy: str) -> dict[str, str]:
    """TIDY_STATE_DIR and HOME of the copy's own: nothing reaches the user's state."""
    state, home = copy + ".state", copy + ".home"
    os.makedirs(state, exist_ok=True)
    os.makedirs(home, exist_ok=True)
    return {**os.environ, "TIDY_STATE_DIR": state, "HOME": home}


_WORK = {"label": "after"}  # copies live in fixscale-work/<label>: two runs never share one


def fresh(tree: str, name: str) -> str:
    work = os.path.join(h.bench_dir(), "fixscale-work", _WORK["label"])
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, name)
    discard(path)
    subprocess.run(["cp", "-a", tree, path], check=True)
    b.refresh_indexes(path)  # the copy's inodes are new: its repos' indexes as a clone's
    h.drop_nothing_sync()
    return path


def discard(path: str) -> None:
    for used in (path, path + ".state", path + ".home"):
        if os.path.lexists(used):
            subprocess.run(["rm", "-rf", used], check=False)
    h.drop_nothing_sync()


def found(tree: str, label: str) -> int:
    expr, _ = FIND[label]
    out = subprocess.run(["find", tree, *expr, "-print0"], capture_output=True,
                         check=True).stdout
    return out.count(b"\0")


def timed(cmd: list[str], cwd: str, env: dict[str, str] | None = None) -> h.Run:
    return h.measure(cmd, cwd=cwd, check=False, env=env)


def tidy_rounds(tidy: str, tree: str, label: str, items: int) -> dict[str, object]:
    copy = fresh(tree, "tidy")
    env = own_env(copy)
    out: dict[str, object] = {}
    try:
        h.measure([tidy, "scan", "-q", "--format", "json", "--exit-zero", "."], cwd=copy,
                  check=False, env=env)  # untimed: fills the content cache as a user's has
        out["scan"] = timed([tidy, "scan", "-q", "--format", "json", "--exit-zero", "."], copy,
                            env)
        out["fix --dry-run"] = timed([tidy, "fix", "--dry-run", "-q", "."], copy, env)
        out["fix"] = timed([tidy, "fix", "--yes", "-q", "."], copy, env)
        out["fix left"] = found(copy, label)
        out["undo"] = timed([tidy, "undo", "--yes"], copy, env)
        out["undo back"] = found(copy, label)
        h.measure([tidy, "fix", "--yes", "-q", "."], cwd=copy, check=False, env=env)
        out["purge"] = timed([tidy, "trash", "purge", "--yes"], copy, env)
        out["trash left"] = _disk(env["TIDY_STATE_DIR"]) + _git_trash(copy)
    finally:
        discard(copy)
    return out


def _disk(path: str) -> int:
    done = subprocess.run(["du", "-sB1", path], capture_output=True, text=True, check=False)
    return int(done.stdout.split()[0]) if done.stdout else 0


def _git_trash(tree: str) -> int:
    done = subprocess.run(["find", tree, "-path", "*/.git/tidy/trash", "-prune", "-print0"],
                          capture_output=True, check=False).stdout
    return sum(_disk(os.fsdecode(p)) for p in done.split(b"\0") if p)


def peer_rounds(tree: str, label: str) -> dict[str, object]:
    out: dict[str, object] = {}
    expr, action = FIND[label]
    copy = fresh(tree, "find")
    try:
        cmd = ["find", ".", *expr, *action.split()]
        out["find"] = timed(cmd, copy)
        out["find cmd"] = "find . " + " ".join(expr) + " " + action
        out["find left"] = found(copy, label)
    finally:
        discard(copy)
    exe = pyclean()
    if label in PYTHON_TREES and exe:
        copy = fresh(tree, "pyclean")
        try:
            out["pyclean"] = timed([exe, "."], copy)
            out["pyclean left"] = found(copy, label)
        finally:
            discard(copy)
    if label in NODE_TREES and shutil.which("npkill"):
        copy = fresh(tree, "npkill")
        try:
            targets = subprocess.run(["find", ".", "-name", "node_modules", "-prune"],
                                     cwd=copy, capture_output=True, text=True,
                                     check=True).stdout.split()
            out["npkill"] = bench_fix.run_npkill(copy, [os.path.normpath(t) for t in targets])
            out["npkill targets"] = len(targets)
        finally:
            discard(copy)
    return out


def run(trees: list[str], runs: int, tidy: str, what: str, label: str,
        scale: float = 1.0) -> dict[str, object]:
    results: dict[str, object] = {}
    for name in trees:
        tree = mkfixtrees.build(name, scale, False)
        items = found(tree, name)
        rounds = []
        for number in range(runs):
            result = {**tidy_rounds(tidy, tree, name, items), **peer_rounds(tree, name)}
            rounds.append(result)
            print(f"bench_fix_scale: {name} round {number + 1}: " + ", ".join(
                f"{k} {v.wall_s:.1f}s" for k, v in result.items() if isinstance(v, h.Run)),
                file=sys.stderr, flush=True)
        results[name] = {"items": items, "census": h.tree_info(tree).get("census"),
                         "rounds": rounds}
        # saved after each tree: a run stopped on a later tree keeps what it measured
        h.save_json(f"fixscale-{label}.json", _result(label, what, runs, results))
    return _result(label, what, runs, results)


def _result(label: str, what: str, runs: int, trees: dict[str, object]) -> dict[str, object]:
    return {"label": label, "tidy": what, "machine": h.machine(), "versions": h.versions(),
            "runs": runs, "trees": trees}


# ---------------------------------------------------------------------- RESULTS.md
ROWS = (
    ("scan", "`tidy scan` (warm cache)", "scan"),
    ("fix --dry-run", "`tidy fix --dry-run` (scan + plan + plan printed)", "scan"),
    ("fix", "`tidy fix --yes` (scan, plan, moves to the trash)", "find"),
    ("undo", "`tidy undo --yes`", "find"),
    ("purge", "`tidy trash purge --yes` (after a second fix)", "find"),
    ("find", "find ... -exec rm -rf (the same items)", "find"),
    ("pyclean", "`pyclean .`", "find"),
    ("npkill", "`npkill --delete-all` (pty)", "find"),
)


def _median(rounds: list[dict[str, object]], key: str, field: str) -> float:
    values = [r[key][field] for r in rounds if isinstance(r.get(key), dict)]  # type: ignore[index]
    return h.median(values)


def render(results: list[dict[str, object]]) -> str:
    head = ["tree", "items", "command", *[f"{r['label']} wall s" for r in results],
            *[f"{r['label']} CPU s" for r in results], "ratio", "note"]
    rows = []
    for name in mkfixtrees.TREES:
        present = [r for r in results if name in r["trees"]]  # type: ignore[operator]
        if not present:
            continue
        data = [r["trees"][name] for r in present]  # type: ignore[index]
        for key, text, base in ROWS:
            walls = [_median(d["rounds"], key, "wall_s") for d in data]
            if all(w != w for w in walls):
                continue
            cpus = [_median(d["rounds"], key, "cpu_s") for d in data]
            base_wall = _median(data[-1]["rounds"], base, "wall_s")
            ratio = (f"{walls[-1] / base_wall:.2f} x {base}" if key != base
                     and base_wall == base_wall and walls[-1] == walls[-1] else "")
            rows.append([name, f"{data[-1]['items']:,}", text,
                         *[f"{w:.2f}" for w in walls], *[f"{c:.2f}" for c in cpus], ratio,
                         _note(data[-1]["rounds"], key)])
    machine = results[-1]["machine"]
    lines = [
        "Reproduce: `python bench/mkfixtrees.py` (once; ~25 min on the shared machine), then "
        "`python bench/bench_fix_scale.py --rev REV --label before` and "
        "`python bench/bench_fix_scale.py --label after --write` (this checkout). Each command "
        "on a fresh `cp -a` of the tree; `find` is the baseline for moving and purging (the same "
        "items deleted in place), the warm scan for the plan. Trees (mkfixtrees.py): "
        "pycache = one repo, 32 copies of Django 5.1.4's sources byte-compiled "
        "(20,608 __pycache__); legacy-pyc = 36 copies compiled with `compileall -b` "
        "(100,224 stray .pyc beside their sources); node = 2,000 git repos each with a real "
        "`npm install chalk@4` node_modules; src = 300 repos with __pycache__, node_modules "
        "and .pytest_cache each.",
        f"Measured {machine['date']} on {machine['nproc']} cores ({machine['cpu']}), disk "  # type: ignore[index]
        f"{machine['disk']}, load average {machine['load']} at start (the machine is shared: "  # type: ignore[index]
        "CPU seconds are the steadier figure). "
        + "; ".join(f"{r['label']}: {r['tidy']}, {r['runs']} round(s)" for r in results),
        h.table(head, rows),
    ]
    return "\n\n".join(lines)


def _note(rounds: list[dict[str, object]], key: str) -> str:
    last = rounds[-1]
    if key == "fix" and "fix left" in last:
        return f"{last['fix left']} left"
    if key == "undo" and "undo back" in last:
        return f"{last['undo back']} back"
    if key == "purge" and "trash left" in last:
        return f"trash left {int(last['trash left']) / 1e6:.1f} MB"  # type: ignore[call-overload]
    if key in ("find", "pyclean") and f"{key} left" in last:
        return f"{last[f'{key} left']} left"
    if key == "npkill" and "npkill targets" in last:
        return f"{last['npkill targets']} node_modules"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trees", default=",".join(mkfixtrees.TREES))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="build the trees at this fraction of their size (mkfixtrees "
                             "--scale; use its own TIDY_BENCH_DIR: a tree's path is its name)")
    parser.add_argument("--rev")
    parser.add_argument("--checkout")
    parser.add_argument("--label", default="after")
    parser.add_argument("--render", help="labels of saved runs, comma-separated")
    parser.add_argument("--write", action="store_true", help="write the section of RESULTS.md")
    parser.add_argument("--heading", default=HEADING,
                        help="the RESULTS.md section --write writes (a new one: others' kept)")
    args = parser.parse_args(argv)
    if args.render:
        results = [h.load_json(f"fixscale-{label}.json") for label in args.render.split(",")]
        chosen = [r for r in results if r is not None]
    else:
        _WORK["label"] = args.label
        tidy, what = tidy_from(args.rev, args.checkout)
        started = time.monotonic()
        result = run(args.trees.split(","), args.runs, tidy, what, args.label, args.scale)
        h.save_json(f"fixscale-{args.label}.json", result)
        print(f"bench_fix_scale: {time.monotonic() - started:.0f} s", file=sys.stderr)
        chosen = [json.loads(json.dumps(result, default=lambda o: o.__dict__))]
    text = render(chosen)
    print(text)
    if args.write:
        h.write_section(args.heading, text, chosen[-1]["machine"], refresh_header=False)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
