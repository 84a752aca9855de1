"""The scan's cost of judging data modules' build config (TDY301/TDY302 advice when the data
file would not ship): warm `tidy scan` and `tidy fix --dry-run --unsafe-fixes --select TDY301`
of one tree by two tidy source folders, interleaved, medians and their ratio.

    python bench/bench_build_config.py TREE OLD_SRC NEW_SRC [--rounds 9]

Then the added work itself, less noisy on a loaded machine than a difference of whole scans:
in a fresh process that has loaded what a scan loads, importing tidy.extract.packaging and
judging every data module the scan found (one BuildConfigs, as the rule does per group).

OLD_SRC/NEW_SRC are folders holding a `tidy` package (its C extension built in place). HOME and
TIDY_STATE_DIR are temp folders made here; the tree is only read (a dry run plans nothing)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = {
    "scan (warm)": ["scan", "--format", "json"],
    "fix --dry-run TDY301": ["fix", "--dry-run", "--unsafe-fixes", "--select", "TDY301"],
}


def _run(src: str, tree: str, args: list[str], env: dict[str, str]) -> float:
    # Each source keeps its own state (its content cache): one version's cache may not be
    # the other's, and a shared one would make every scan of both a cold one.
    state = os.path.join(env["HOME"], "state-" + str(abs(hash(src))))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tidy", *args], cwd=tree, env={
        **env, "PYTHONPATH": src, "TIDY_STATE_DIR": state}, capture_output=True, check=False)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{src}: tidy {' '.join(args)} exited {done.returncode}: "
                         f"{done.stderr.decode()[-500:]}")
    return took


_ADDED = """
import json, sys, time
import tidy.rules.data_in_code, tidy.workspace.content
paths = json.loads(sys.argv[1])
start = time.perf_counter()
from tidy.extract.packaging import check
from tidy.workspace.build_config import BuildConfigs
imported = time.perf_counter()
configs = BuildConfigs()
refused = sum(1 for p in paths if check(p, p[:-3] + ".json.gz", configs).refusal)
done = time.perf_counter()
print(json.dumps([imported - start, done - imported, refused, configs.reads]))
"""


def _added_work(src: str, tree: str, env: dict[str, str], rounds: int) -> None:
    import json
    report = subprocess.run([sys.executable, "-m", "tidy", "scan", "--select", "TDY301,TDY302",
                             "--format", "json"], cwd=tree, env={**env, "PYTHONPATH": src},
                            capture_output=True, check=False)
    paths = sorted({f["abs_path"] for g in json.loads(report.stdout)["groups"]
                    for f in g["findings"]})
    runs = [json.loads(subprocess.run([sys.executable, "-c", _ADDED, json.dumps(paths)],
                                      env={**env, "PYTHONPATH": src}, capture_output=True,
                                      check=True).stdout) for _ in range(rounds)]
    imports = statistics.median(r[0] for r in runs)
    checks = statistics.median(r[1] for r in runs)
    print(f"added work, {len(paths)} data modules ({runs[0][2]} refused, {runs[0][3]} config "
          f"files read): imports {imports * 1000:.1f} ms, judging {checks * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tree")
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--rounds", type=int, default=9)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "TIDY_STATE_DIR": os.path.join(home, "state")}
        print(f"load average {os.getloadavg()[0]:.1f}")
        for label, args in COMMANDS.items():
            times: dict[str, list[float]] = {"old": [], "new": []}
            for src in (options.old, options.new):
                _run(src, options.tree, args, env)  # warms the content cache
            for _ in range(options.rounds):
                for name, src in (("old", options.old), ("new", options.new)):
                    times[name].append(_run(src, options.tree, args, env))
            old, new = (statistics.median(times[n]) for n in ("old", "new"))
            print(f"{label}: old {old * 1000:.0f} ms, new {new * 1000:.0f} ms, "
                  f"new/old {new / old:.2f}")
        _added_work(options.new, options.tree, env, options.rounds)
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
