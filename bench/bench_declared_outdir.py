"""The walk's cost of asking tsconfig.json's outDir about folders of any name (round 18:
Catalog.classify_dir looks at js-dist's `declared` setting for every folder beside a
tsconfig.json): `tidy scan --no-cache` of a made tree of TypeScript packages by two tidy source
folders, interleaved, medians and their ratio.

    python bench/bench_declared_outdir.py OLD_SRC NEW_SRC [--packages 2000] [--rounds 7]

Each package: package.json, tsconfig.json (outDir --out-dir), src/ (index.ts and a hand-written
global.d.ts, so src/ holds a signature file and the config is read for it), public/index.html
(the same), test/, and in every second package lib/ as tsc writes it (index.js, index.d.ts):
the folders the new code reads a tsconfig.json for are src/, public/ and lib/.

OLD_SRC/NEW_SRC are folders holding a `tidy` package (its C extension built in place). Each
runs as `python -S` with PYTHONPATH=SRC:<this interpreter's site-packages>, so an editable
install of tidy in this interpreter cannot win over SRC. HOME and TIDY_STATE_DIR are temp
folders made here."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time


def _make_tree(root: str, packages: int, out_dir: str) -> None:
    subprocess.run(["git", "init", "-q", root], check=True)
    for i in range(packages):
        pkg = os.path.join(root, "packages", f"p{i:05d}")
        files = {
            "package.json": json.dumps({"name": f"p{i}", "version": "1.0.0"}),
            "tsconfig.json": json.dumps({"compilerOptions": {"outDir": out_dir,
                                                             "declaration": True}}),
            "src/index.ts": f"export const n = {i}\n",
            "src/global.d.ts": "declare const VERSION: string;\n",
            "public/index.html": "<!doctype html>\n",
            "test/index.test.ts": "import { n } from '../src'\n",
        }
        if i % 2 == 0:
            files["lib/index.js"] = f"exports.n = {i};\n"
            files["lib/index.d.ts"] = "export declare const n: number;\n"
        for rel, text in files.items():
            path = os.path.join(pkg, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _scan(src: str, tree: str, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the process and its workers, git), findings."""
    site = sysconfig.get_paths()["purelib"]
    state = os.path.join(env["HOME"], "state-" + str(abs(hash(src))))
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-S", "-m", "tidy", "scan", "--no-cache", "--format", "json", tree],
        cwd=env["HOME"], env={**env, "PYTHONPATH": f"{src}{os.pathsep}{site}",
                              "TIDY_STATE_DIR": state},
        capture_output=True, check=False)
    took, cpu = time.perf_counter() - start, _cpu() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"{src}: tidy scan exited {done.returncode}: "
                         f"{done.stderr.decode()[-500:]}")
    report = json.loads(done.stdout)
    return took, cpu, sum(len(g["findings"]) for g in report["groups"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old_src")
    parser.add_argument("new_src")
    parser.add_argument("--packages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--out-dir", default="dist",
                        help="tsconfig.json's outDir: dist (default) names no folder there, so "
                             "both find the same and only the added reading is timed; lib "
                             "makes the new code find the 1 in 2 lib/ folders")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tidy-bench-outdir-") as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8"}
        tree = os.path.join(home, "tree")
        _make_tree(tree, args.packages, args.out_dir)
        times: dict[str, list[float]] = {args.old_src: [], args.new_src: []}
        cpus: dict[str, list[float]] = {args.old_src: [], args.new_src: []}
        found: dict[str, int] = {}
        for src in times:  # a first, untimed scan of each: the page cache warm for both
            _scan(src, tree, env)
        for _ in range(args.rounds):
            for src in times:
                took, cpu, found[src] = _scan(src, tree, env)
                times[src].append(took)
                cpus[src].append(cpu)
        old, new = (statistics.median(times[s]) for s in (args.old_src, args.new_src))
        print(f"tree: {args.packages} packages ({args.packages // 2} lib/ folders tsc wrote), "
              f"outDir {args.out_dir!r}")
        for src in times:
            print(f"{src}: wall median {statistics.median(times[src]):.3f} s, min "
                  f"{min(times[src]):.3f} s; CPU median {statistics.median(cpus[src]):.3f} s; "
                  f"findings {found[src]}")
        old_cpu, new_cpu = (statistics.median(cpus[s]) for s in (args.old_src, args.new_src))
        print(f"new/old wall median: {new / old:.3f}, CPU median: {new_cpu / old_cpu:.3f}; "
              f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
