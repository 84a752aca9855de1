#!/usr/bin/env python3
"""Issue 3 benchmark: `tidy fix --yes` and `tidy trash purge` against `rm -rf` of the same
folders, and pyclean / npkill on their own targets.

usage: bench_fix.py [--tree 250k|1m] [--runs N] [--no-write]

Every measurement gets a fresh `cp -a` of the benchmark tree (not timed, followed by `sync`),
and rounds interleave the tools. Per round:
  copy A: `tidy fix --yes TREE`, then `tidy trash purge` (both timed; cwd = the copy)
  copy B: `rm -rf` of the same folders, in three timed commands (__pycache__ folders,
          node_modules folders, the rest); their sum is the whole
  copy C: `pyclean TREE` (its default targets: bytecode and __pycache__), then npkill
          --delete-all on node_modules (it needs a terminal: run on a pty, timed until the last
          node_modules is gone)
  copy D: `tidy fix --yes --kind __pycache__`, then `--kind node_modules` (the tidy rows for
          the pyclean and npkill comparisons), when tidy fix has --kind
"The same folders" are the safe trash fixes of `tidy scan --format json` on the tree, nested ones
folded into their parent, cross-checked against the folders the tree builder made.
Used copies are set aside and deleted at the end, so their deletion never overlaps a timing.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _build
import _harness as h

HEADING = "Fix (issue 3)"
FIX_BAR, PURGE_BAR = 0.5, 1.5
NPKILL_TIMEOUT_S = 600.0
PENDING = "pending"


# ---------------------------------------------------------------------- what gets removed
def planned_targets(tree: str) -> list[str]:
    """Folders and files a plain `tidy fix` would move, per tidy's own scan (relative paths)."""
    done = subprocess.run(
        ["tidy", "scan", "--format", "json", "-q", "--exit-zero", tree],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)
    chosen = sorted(
        os.path.relpath(f["abs_path"], tree)
        for g in report["groups"]
        for f in g["findings"]
        if f.get("fix") and f["fix"]["action"] == "trash" and f["fix"]["applicability"] == "safe"
    )
    folded: list[str] = []
    for rel in chosen:
        if folded and (rel == folded[-1] or rel.startswith(folded[-1] + "/")):
            continue
        folded.append(rel)
    return folded


def built_targets(tree: str) -> list[str]:
    """What mktree.py made as caches, found independently of tidy (find by name)."""
    fixed = [
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "frontend/.next",
        "frontend/node_modules",
        "packages/admin/node_modules",
        "services/engine/target",
    ]
    found = subprocess.run(
        ["find", os.path.join(tree, "backend"), "-type", "d", "-name", "__pycache__", "-prune"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return sorted(fixed + [os.path.relpath(p, tree) for p in found])


def split_targets(targets: Sequence[str]) -> dict[str, list[str]]:
    parts: dict[str, list[str]] = {"__pycache__": [], "node_modules": [], "rest": []}
    for rel in targets:
        name = os.path.basename(rel)
        parts[name if name in parts else "rest"].append(rel)
    return parts


# ---------------------------------------------------------------------- copies
class Copies:
    """Fresh copies of the tree; used ones are parked in a graveyard and deleted at the end."""

    def __init__(self, tree: str) -> None:
        self.tree = tree
        self.work = os.path.join(h.bench_dir(), "fix-work")
        self.grave = os.path.join(self.work, "used")
        self.count = 0
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.grave)

    def fresh(self) -> str:
        self.count += 1
        path = os.path.join(self.work, f"copy{self.count}")
        subprocess.run(["cp", "-a", self.tree, path], check=True)
        _build.refresh_indexes(path)  # the copy's inodes are new: its index as a clone's
        h.drop_nothing_sync()
        return path

    def done(self, path: str) -> None:
        for used in (path, path + ".state"):
            if os.path.lexists(used):
                os.rename(used, os.path.join(self.grave, os.path.basename(used)))

    def cleanup(self) -> None:
        print("bench_fix: deleting used copies ...", file=sys.stderr, flush=True)
        shutil.rmtree(self.work, ignore_errors=True)


# ---------------------------------------------------------------------- the tools
def tidy_fix_cmd(tree: str, kind: str | None = None) -> list[str]:
    cmd = ["tidy", "fix", "--yes"]
    help_text = subprocess.run(["tidy", "fix", "--help"], capture_output=True, text=True).stdout
    if "--quiet" in help_text:
        cmd.append("-q")
    if kind is not None:
        cmd += ["--kind", kind]
    return [*cmd, tree]


def own_state(copy: str) -> dict[str, str]:
    """A state directory (journal, trash, audit log) of the copy's own: purging "every run"
    must never reach the runs of anyone else using tidy on this machine."""
    state = copy + ".state"
    os.makedirs(state, exist_ok=True)
    return {**os.environ, "TIDY_STATE_DIR": state}


def gone(tree: str, targets: Sequence[str]) -> int:
    return sum(not os.path.lexists(os.path.join(tree, rel)) for rel in targets)


def disk_bytes(path: str) -> int:
    out = subprocess.run(["du", "-sB1", path], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0])


def run_npkill(tree: str, targets: Sequence[str]) -> h.Run | None:
    """npkill on a pty (it refuses to run without one), timed until the node_modules are gone.

    npkill never exits by itself after --delete-all (its TUI stays up), so the clock stops
    when the last target has disappeared, then it is sent SIGTERM.
    """
    npkill = shutil.which("npkill")
    if npkill is None:
        return None
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [npkill, "--directory", tree, "--delete-all", "-y", "-nu"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    sampler = h._Sampler(proc.pid, skip_root=False)
    sampler.start()
    wall = None
    while time.perf_counter() - started < NPKILL_TIMEOUT_S:
        if select.select([master], [], [], 0.02)[0]:
            with contextlib.suppress(OSError):
                os.read(master, 1 << 16)  # drain its screen so it never blocks on output
        if gone(tree, targets) == len(targets):
            wall = time.perf_counter() - started
            break
        if proc.poll() is not None:
            break
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    cpu, maxrss = float("nan"), 0
    if proc.returncode is None:  # not reaped by poll(): its rusage is still ours to read
        _, _, usage = os.wait4(proc.pid, 0)
        cpu, maxrss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
    sampler.done.set()
    os.close(master)
    return h.Run(
        wall if wall is not None else float("nan"),
        cpu,
        maxrss,
        max(sampler.peak_kb, maxrss),
        0 if wall else 1,
    )


def rm_rf(tree: str, rels: Sequence[str]) -> h.Run | None:
    if not rels:
        return None
    return h.measure(["rm", "-rf", *rels], cwd=tree)


# ---------------------------------------------------------------------- rounds
def one_round(
    copies: Copies,
    targets: list[str],
    has_fix: bool,
    has_purge: bool,
    has_kind: bool,
    before_bytes: int,
) -> dict[str, object]:
    out: dict[str, object] = {}
    parts = split_targets(targets)
    if has_fix:  # copy A
        a = copies.fresh()
        env = own_state(a)
        out["tidy fix"] = h.measure(tidy_fix_cmd(a), cwd=a, check=False, env=env)
        out["fix moved"] = gone(a, targets)
        if has_purge:
            out["tidy trash purge"] = h.measure(
                ["tidy", "trash", "purge", "--yes"], cwd=a, check=False, env=env
            )
            out["freed by fix+purge"] = (
                before_bytes - disk_bytes(a) - disk_bytes(env["TIDY_STATE_DIR"])
            )
        copies.done(a)
    b = copies.fresh()  # copy B
    for name, rels in parts.items():
        out[f"rm -rf {name}"] = rm_rf(b, rels)
    out["rm freed"] = before_bytes - disk_bytes(b)
    copies.done(b)
    c = copies.fresh()  # copy C
    if shutil.which("pyclean"):
        out["pyclean"] = h.measure(["pyclean", "-q", c], check=False)
        out["pyclean removed"] = gone(c, parts["__pycache__"])
    out["npkill"] = run_npkill(c, parts["node_modules"])
    out["npkill removed"] = gone(c, parts["node_modules"])
    copies.done(c)
    if has_fix and has_kind:  # copy D
        d = copies.fresh()
        env = own_state(d)
        out["tidy fix --kind __pycache__"] = h.measure(
            tidy_fix_cmd(d, "__pycache__"), cwd=d, check=False, env=env
        )
        out["kind __pycache__ moved"] = gone(d, parts["__pycache__"])
        out["tidy fix --kind node_modules"] = h.measure(
            tidy_fix_cmd(d, "node_modules"), cwd=d, check=False, env=env
        )
        out["kind node_modules moved"] = gone(d, parts["node_modules"])
        copies.done(d)
    return out


def run(label: str, runs: int) -> dict[str, object]:
    tree = h.ensure_tree(label)
    has_fix = h.has_command("tidy", "fix")
    has_purge = h.has_command("tidy", "trash", "purge")
    fix_help = subprocess.run(["tidy", "fix", "--help"], capture_output=True, text=True).stdout
    has_kind = "--kind" in fix_help
    targets = planned_targets(tree)
    built = built_targets(tree)
    before = disk_bytes(tree)
    copies = Copies(tree)
    rounds = []
    try:
        for number in range(runs):
            rounds.append(one_round(copies, targets, has_fix, has_purge, has_kind, before))
            print(
                f"bench_fix: round {number + 1}/{runs}: " + _brief(rounds[-1]),
                file=sys.stderr,
                flush=True,
            )
    finally:
        copies.cleanup()
    return {
        "tree": label,
        "path": tree,
        "built": h.tree_info(tree),
        "runs": runs,
        "machine": h.machine(),
        "versions": h.versions(),
        "has_fix": has_fix,
        "has_purge": has_purge,
        "has_kind": has_kind,
        "fix_cmd": " ".join(tidy_fix_cmd("TREE")) if has_fix else None,
        "targets": len(targets),
        "targets_split": {k: len(v) for k, v in split_targets(targets).items()},
        "targets_match_builder": targets == built,
        "targets_only_tidy": sorted(set(targets) - set(built))[:20],
        "targets_only_builder": sorted(set(built) - set(targets))[:20],
        "tree_disk_bytes": before,
        "rounds": rounds,
    }


def _brief(result: dict[str, object]) -> str:
    return ", ".join(f"{k} {v.wall_s:.2f}s" for k, v in result.items() if isinstance(v, h.Run))


# ---------------------------------------------------------------------- RESULTS.md
def _walls(rounds: list[dict[str, object]], key: str) -> list[float]:
    return [r[key]["wall_s"] for r in rounds if isinstance(r.get(key), dict)]  # type: ignore[index]


def _runs(rounds: list[dict[str, object]], key: str) -> list[dict[str, float]]:
    return [r[key] for r in rounds if isinstance(r.get(key), dict)]  # type: ignore[misc]


def _rm_total(rounds: list[dict[str, object]], parts: Sequence[str]) -> list[float]:
    totals = []
    for r in rounds:
        walls = [
            r[f"rm -rf {p}"]["wall_s"] for p in parts if isinstance(r.get(f"rm -rf {p}"), dict)
        ]  # type: ignore[index]
        if walls:
            totals.append(sum(walls))
    return totals


def _row(
    name: str, cmd: str, runs: list[dict[str, float]], base: float, note: str = ""
) -> list[str]:
    if not runs:
        return [name, cmd, PENDING, "", "", "", "", note]
    walls = sorted(r["wall_s"] for r in runs)
    med = h.median(walls)
    return [
        name,
        cmd,
        f"{med:.2f}",
        f"{walls[0]:.2f}-{walls[-1]:.2f}",
        f"{med / base:.2f} x" if base == base and base > 0 else "",
        f"{h.median([r['cpu_s'] for r in runs]):.2f}",
        f"{max(max(r['maxrss_kb'], r['tree_rss_kb']) for r in runs) * 1024 / 1e6:.1f}",
        note,
    ]


def render(res: dict[str, object]) -> str:
    rounds: list[dict[str, object]] = res["rounds"]  # type: ignore[assignment]
    machine: dict[str, str] = res["machine"]  # type: ignore[assignment]
    split: dict[str, int] = res["targets_split"]  # type: ignore[assignment]
    rm_all = h.median(_rm_total(rounds, ("__pycache__", "node_modules", "rest")))
    rm_py = h.median(_walls(rounds, "rm -rf __pycache__"))
    rm_nm = h.median(_walls(rounds, "rm -rf node_modules"))
    fix_cmd = res.get("fix_cmd") or "tidy fix --yes TREE"
    pending_note = "" if res["has_fix"] else "`tidy fix` not in this build yet"
    rows = [
        [
            "all safe fixes",
            "`rm -rf` of the same folders (3 commands, summed)",
            f"{rm_all:.2f}",
            _range(_rm_total(rounds, ("__pycache__", "node_modules", "rest"))),
            "1.00 x",
            "",
            "",
            "",
        ],
        _row(
            "all safe fixes",
            f"`{fix_cmd}`",
            _runs(rounds, "tidy fix"),
            rm_all,
            pending_note
            or _removed(rounds, "fix moved", int(res["targets"]), "moved")  # type: ignore[call-overload]
            + _codes(rounds, "tidy fix"),
        ),
        _row(
            "purge the trash",
            "`tidy trash purge --yes` (after the fix)",
            _runs(rounds, "tidy trash purge"),
            rm_all,
            _freed(rounds) if res["has_purge"] else "`tidy trash purge` not in this build yet",
        ),
        _row(
            "__pycache__",
            "`rm -rf` of the __pycache__ folders",
            _runs(rounds, "rm -rf __pycache__"),
            rm_py,
        ),
        _row(
            "__pycache__",
            "`pyclean -q TREE`",
            _runs(rounds, "pyclean"),
            rm_py,
            _removed(rounds, "pyclean removed", split["__pycache__"]),
        ),
        _row(
            "__pycache__",
            "`tidy fix --yes --kind __pycache__ TREE`",
            _runs(rounds, "tidy fix --kind __pycache__"),
            rm_py,
            pending_note
            or _removed(rounds, "kind __pycache__ moved", split["__pycache__"], "moved"),
        ),
        _row(
            "node_modules",
            "`rm -rf` of the node_modules folders",
            _runs(rounds, "rm -rf node_modules"),
            rm_nm,
        ),
        _row(
            "node_modules",
            "`npkill --directory TREE --delete-all -y` (on a pty)",
            _runs(rounds, "npkill"),
            rm_nm,
            _removed(rounds, "npkill removed", split["node_modules"]),
        ),
        _row(
            "node_modules",
            "`tidy fix --yes --kind node_modules TREE`",
            _runs(rounds, "tidy fix --kind node_modules"),
            rm_nm,
            pending_note
            or _removed(rounds, "kind node_modules moved", split["node_modules"], "moved"),
        ),
    ]
    head = [
        "targets",
        "command",
        "median s",
        "range s",
        "vs rm -rf",
        "CPU s",
        "peak RSS MB",
        "note",
    ]
    match = (
        "the same list as the folders the builder made"
        if res["targets_match_builder"]
        else f"DIFFERENT from the builder's list (only tidy: {res['targets_only_tidy']}, only "
        f"builder: {res['targets_only_builder']})"
    )
    bars = _bars(rounds, rm_all, bool(res["has_fix"]), bool(res["has_purge"]))
    return "\n\n".join(
        [
            "Reproduce: `bench/run_all.sh`, or `python bench/bench_fix.py --tree 250k`. Each "
            "measurement runs on a fresh `cp -a` of the tree (untimed, then `sync`); rounds "
            'interleave tidy, `rm -rf` and the peers; medians are reported. "The same folders": '
            f"the {res['targets']} paths that `tidy scan` marks as safe trash fixes "
            f"({split['__pycache__']} `__pycache__`, {split['node_modules']} `node_modules`, "
            f"{split['rest']} others), {match}. npkill needs a terminal and never exits after "
            "`--delete-all`: it runs on a pty and its clock stops when the last node_modules is "
            "gone (npkill measures each folder with `du -sk`, then deletes it with `rm -rf`, "
            "several folders at once: it can beat one `rm -rf` of both). `rm -rf` is slow on this "
            "disk: it is mounted with `discard`, so every freed extent is trimmed. The tidy fix "
            "times include tidy's own scan of the tree (it plans before it moves). "
            "peak RSS = the larger of the biggest single process and the sampled sum over the "
            "process tree.",
            f"### {res['tree']} tree ({int(res['built']['entries']):,} entries), "  # type: ignore[index]
            f"measured {machine['date']} (load average {machine['load']} at start, "
            f"tidy {machine['tidy']}), "
            f"{res['runs']} rounds",
            h.table(head, rows),
            bars,
        ]
    )


def _range(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}" if values else ""


def _removed(rounds: list[dict[str, object]], key: str, total: int, verb: str = "removed") -> str:
    counts = [r[key] for r in rounds if key in r]
    if not counts:
        return ""
    low = min(counts)  # type: ignore[type-var]
    return f"{verb} {low} of {total}" + ("" if low == total else " (the worst round)")


def _codes(rounds: list[dict[str, object]], key: str) -> str:
    codes = sorted({r[key]["returncode"] for r in rounds if isinstance(r.get(key), dict)})  # type: ignore[index]
    return f"; exit {', '.join(map(str, codes))}" if codes else ""


def _freed(rounds: list[dict[str, object]]) -> str:
    fixed = [r["freed by fix+purge"] for r in rounds if "freed by fix+purge" in r]
    removed = [r["rm freed"] for r in rounds if "rm freed" in r]
    if not fixed or not removed:
        return ""
    return (
        f"disk freed by fix+purge {min(fixed) / 1e6:,.0f} MB (rm -rf: "  # type: ignore[operator]
        f"{min(removed) / 1e6:,.0f} MB){_codes(rounds, 'tidy trash purge')}"
    )  # type: ignore[operator]


def _bars(rounds: list[dict[str, object]], rm_all: float, has_fix: bool, has_purge: bool) -> str:
    lines = ["### Bars of issue 3"]
    if not has_fix:
        lines.append(
            "- `tidy fix --yes` <= 0.5 x rm -rf: **pending** (`tidy fix` is being built; "
            "the harness is ready and fills these rows when it lands)"
        )
    else:
        fix = h.median(_walls(rounds, "tidy fix"))
        lines.append(
            f"- `tidy fix --yes` {fix / rm_all:.2f} x rm -rf (bar <= {FIX_BAR}): "
            f"**{'pass' if fix / rm_all <= FIX_BAR else 'FAIL'}**"
        )
    if not has_purge:
        lines.append(
            "- `tidy trash purge` <= 1.5 x rm -rf: **pending** (`tidy trash purge` not there yet)"
        )
    else:
        purge = h.median(_walls(rounds, "tidy trash purge"))
        lines.append(
            f"- `tidy trash purge` {purge / rm_all:.2f} x rm -rf (bar <= {PURGE_BAR}): "
            f"**{'pass' if purge / rm_all <= PURGE_BAR else 'FAIL'}**"
        )
    return "\n".join(lines)


def write_results(label: str) -> None:
    res = h.load_json(f"fix-{label}.json")
    if res is not None:
        h.write_section(HEADING, render(res), res["machine"])  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", choices=sorted(h.TREES), default="250k")
    parser.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--no-write", action="store_true", help="do not touch bench/RESULTS.md")
    args = parser.parse_args(argv)
    started = time.monotonic()
    result = run(args.tree, args.runs)
    path = h.save_json(f"fix-{args.tree}.json", result)
    print(render(json.loads(json.dumps(result, default=lambda o: o.__dict__))))
    print(
        f"\nbench_fix: {time.monotonic() - started:.0f} s; raw figures in {path}", file=sys.stderr
    )
    if not args.no_write and args.tree != "smoke":
        write_results(args.tree)
    return 0


if __name__ == "__main__":
    sys.exit(main())
