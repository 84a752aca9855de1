"""Benchmark of tidy's per-file commit hook and of its start-up time (issue 8).

    python bench/bench_hook.py [--files 1000] [--runs 15] [--no-write]

1. A throwaway repository (under $TIDY_BENCH_DIR or /tmp/tidy-bench) with FILES files staged for
   its first commit: source files in 40 packages, a few data files, and -- for the "dirty"
   commit -- a committed __pycache__ and a blob over the limit. Timed with hyperfine when it is
   installed (else a perf_counter loop), best and median of RUNS:
   - `python -m tidy hook check-staged <all staged files>` (clean commit, then dirty commit),
   - `pre-commit run` of a `repo: local` hook with the same entry (pre-commit's own overhead
     included: it lists the staged files, checks for unstaged changes, partitions the names).
   Bar: the hook itself within 1 s on this machine's 2 cores.
2. `python -X importtime -m tidy --version`: the sum of every module's own import time
   (microseconds reported by -X importtime), and the wall time of the whole process. Bar: 150 ms.

Writes the section "## Hooks (issue 8)" of bench/RESULTS.md (only that section).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "RESULTS.md"
SECTION = "## Hooks (issue 8)"
PY = sys.executable


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@tidy.invalid",
                "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@tidy.invalid",
                "PYTHONPATH": str(REPO), "PRE_COMMIT_COLOR": "never"})
    return env


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=_env(), check=True,
                          capture_output=True, text=True).stdout


def make_repo(root: Path, files: int, dirty: bool) -> tuple[Path, list[str]]:
    repo = root / ("dirty" if dirty else "clean")
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    names = []
    data_files = 10
    for i in range(files - data_files - (2 if dirty else 0)):
        name = f"src/pkg{i % 40:02d}/sub{i % 7}/module_{i:04d}.py"
        names.append(name)
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"def f_{i}(x):\n    return x + {i}\n" * (20 + i % 200))
    for i in range(data_files):
        name = f"data/table_{i}.csv"
        names.append(name)
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"a,b,c\n" * (10_000 + 5_000 * i))  # 60-330 kB: under the limit
    if dirty:
        extra = {"src/pkg00/__pycache__/module_0000.cpython-311.pyc": 4_000,
                 "data/dump.bin": 2_000_000}
        for name, size in extra.items():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).write_bytes(b"\0" * size)
            names.append(name)
    _git(repo, "add", "-f", "--", *names)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: tidy-staged\n"
        "        name: tidy (staged files)\n"
        f"        entry: {PY} -m tidy hook check-staged --max-size 1MB\n"
        "        language: system\n        types: [file]\n")
    _git(repo, "add", ".pre-commit-config.yaml")
    return repo, names


def _time(command: list[str], cwd: Path, runs: int, ok_codes: tuple[int, ...]) -> dict[str, float]:
    check = subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, check=False)
    if check.returncode not in ok_codes:
        sys.exit(f"bench: {command[:4]}... exited {check.returncode}: {check.stderr[-500:]!r}")
    if shutil.which("hyperfine"):
        return _hyperfine(command, cwd, runs)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return {"min": min(times), "median": statistics.median(times), "runs": runs}


def _hyperfine(command: list[str], cwd: Path, runs: int) -> dict[str, float]:
    # The file list goes through a file: hyperfine takes one shell-free command string.
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        export = out.name
    script = cwd / ".bench-command"
    script.write_text("#!/bin/sh\nexec " + " ".join(_sh(c) for c in command) + "\n")
    script.chmod(0o755)
    subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "-i",
                    "--export-json", export, str(script)], cwd=cwd, env=_env(),
                   capture_output=True, check=True)
    script.unlink()
    result = json.loads(Path(export).read_text())["results"][0]
    os.unlink(export)
    return {"min": result["min"], "median": result["median"], "runs": runs}


def _sh(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


def import_time(runs: int) -> dict[str, float]:
    """Sum of the modules' own import times (-X importtime), best and median of RUNS."""
    sums, walls, tidy_cum = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run([PY, "-X", "importtime", "-m", "tidy", "--version"],
                              env=_env(), capture_output=True, text=True, check=True)
        walls.append(time.perf_counter() - start)
        rows = re.findall(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", proc.stderr)
        sums.append(sum(int(own) for own, _, _, _ in rows) / 1e6)
        tidy_cum.append(next(int(cum) for _, cum, _, name in rows if name == "tidy.cli") / 1e6)
    return {"sum_min": min(sums), "sum_median": statistics.median(sums),
            "wall_min": min(walls), "wall_median": statistics.median(walls),
            "tidy_cli_min": min(tidy_cum), "tidy_cli_median": statistics.median(tidy_cum)}


_LOADED = " (the median is over it: other jobs share these 2 cores, see the load average)"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def write_section(text: str) -> None:
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _m: text, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(updated)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    root = Path(os.environ.get("TIDY_BENCH_DIR") or "/tmp/tidy-bench") / "hook"
    root.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TIDY_STATE_DIR", str(root / "state"))  # never the user's state

    load_start = os.getloadavg()[0]
    figures: dict[str, dict[str, float]] = {}
    for dirty in (False, True):
        repo, names = make_repo(root, args.files, dirty)
        label = "dirty" if dirty else "clean"
        hook = [PY, "-m", "tidy", "hook", "check-staged", "--max-size", "1MB", *names]
        figures[f"hook_{label}"] = _time(hook, repo, args.runs, (1,) if dirty else (0,))
        pre_commit = [PY, "-m", "pre_commit", "run", "tidy-staged"]
        figures[f"pre_commit_{label}"] = _time(pre_commit, repo, max(5, args.runs // 3),
                                               (1,) if dirty else (0,))
        figures[f"hook_{label}"]["files"] = len(names)  # passed to the hook
        figures[f"pre_commit_{label}"]["files"] = len(
            _git(repo, "diff", "--cached", "--name-only").split())  # its config as well
    imports = import_time(max(10, args.runs))
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    rev = _git(REPO, "rev-parse", "--short", "HEAD").strip()
    hook_worst = max(figures["hook_clean"]["median"], figures["hook_dirty"]["median"])
    lines = [
        SECTION,
        "",
        f"`python bench/bench_hook.py --files {args.files} --runs {args.runs}` "
        f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, tidy {rev}, {cores} CPUs, "
        f"load average {load_start:.1f} at the start, {load:.1f} at the end (other jobs share "
        "the machine); hyperfine -N, 2 warm-up runs; min / median)",
        "",
        "| what | files checked | min | median |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, what in (("hook_clean", "`tidy hook check-staged` -- clean commit"),
                      ("hook_dirty", "`tidy hook check-staged` -- committed __pycache__ + a "
                                     "2 MB blob (fails)"),
                      ("pre_commit_clean", "`pre-commit run tidy-staged` -- clean commit"),
                      ("pre_commit_dirty", "`pre-commit run tidy-staged` -- dirty commit")):
        f = figures[key]
        lines.append(f"| {what} | {f['files']:,.0f} | {_ms(f['min'])} | {_ms(f['median'])} |")
    lines += [
        "",
        f"- bar: the hook on a commit of {args.files:,} staged files within 1 s: "
        f"{'met' if hook_worst <= 1.0 else 'NOT met'} (worst median {_ms(hook_worst)})",
        f"- `python -X importtime -m tidy --version`: modules' own import times add up to "
        f"{_ms(imports['sum_min'])} (median {_ms(imports['sum_median'])}); of that `tidy.cli` "
        f"with everything it imports {_ms(imports['tidy_cli_min'])} (median "
        f"{_ms(imports['tidy_cli_median'])}); wall time of the whole process "
        f"{_ms(imports['wall_min'])} (median {_ms(imports['wall_median'])}). Bar 150 ms: "
        f"{'met' if imports['sum_min'] <= 0.150 else 'NOT met'} by the best run"
        f"{'' if imports['sum_median'] <= 0.150 else _LOADED}.",
        "- what the hook costs: one `git rev-parse`, one `git ls-files -s -- FILES`, one "
        "`git cat-file --batch-check` for all sizes; the index listing for marker evidence "
        "only when a path has an ambiguous name (build/, dist/, ...). rich, humanize and "
        "pathspec are not imported on this path.",
        "- pre-commit adds its own start-up, `git diff --cached`, the unstaged-changes check "
        "and the file-type identification of every staged file.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
