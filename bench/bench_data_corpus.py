#!/usr/bin/env python3
"""Issue 15: detection (TDY301/TDY302) and `tidy extract` on real data modules from PyPI.

usage: bench/bench_data_corpus.py [--label NAME] [--runs N] [--mock-runs N] [--only PKG,...]
           [--skip-build] [--skip-scan] [--skip-extract] [--skip-mock] [--extract-arg ARG ...]
           [--write-results TITLE]
       bench/bench_data_corpus.py --compare BEFORE.json AFTER.json
       bench/bench_data_corpus.py --render RESULTS.json [--write-results TITLE]

tidy is the one installed in the interpreter running this script (`sys.executable -m tidy`).
The corpus (bench/corpus/manifest.toml) is built by bench/corpus/build.py into bench/out/corpus
first, unless --skip-build. Everything this script writes goes to bench/out/data_corpus/:
results-LABEL.json (every figure, per module), results-LABEL.md (the Markdown block), work/
(throwaway copies of package trees), mockapi/ (the 51 MB seed-shaped module in a git repo).

1. Scans of the corpus tree, `tidy scan --format json --select ...` with `--config` pointing at
   a .tidy.toml that holds only `data-min-size` (nothing else is configured; default 256KB, and
   64kB): which labelled modules are flagged, per package; wall time, CPU and peak RSS; the
   time detection adds is the scan with TDY301,TDY302 minus the scan with TDY1 (same walk).
2. For every module labelled `data`: a fresh copy of its package tree, the module imported in
   the corpus venv (fresh interpreter, bench/corpus/probe.py: a type-exact digest of every
   top-level name), `tidy extract MODULE [--extract-arg ...]` timed, then the module imported
   again and every name compared. Outcome: exact / refused (with tidy's reason) / different /
   broken-import / refused-but-changed / unchanged / not-importable (the original does not
   import in the corpus venv: nothing to compare against).
3. The seed-shaped module: `mkmockapi.py DEST 283000` committed in a repo, scanned with all
   rules, with TDY301,TDY302, TDY301 alone and TDY1: seconds and detection cost per MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import _harness as harness

sys.path.insert(0, os.path.join(harness.BENCH, "corpus"))
import manifest
from manifest import Module, Package

OUT = os.path.join(harness.BENCH, "out", "data_corpus")
CORPUS = manifest.DEFAULT_OUT
PROBE = os.path.join(harness.BENCH, "corpus", "probe.py")
FLOORS = {"256KB (default)": "", "64kB": "64kB"}  # label -> data-min-size ("" = not set)
GOAL_FLOOR = 64_000
BIG = 64_000  # "data modules of 64 kB or more" (tidy's kB is 1000 bytes)
EXTRACT_TIMEOUT = 900
MOCK_ROWS = 283_000
# (name, selection, floor label): the order of one round. The rules alone run at the default
# floor only: at 64kB a scan of today's detection takes minutes, and the split shows the same.
_SCAN_PLAN = (
    ("walk only", "TDY1", "256KB (default)"),
    ("detection", "TDY301,TDY302", "256KB (default)"),
    ("TDY301 alone", "TDY301", "256KB (default)"),
    ("TDY302 alone", "TDY302", "256KB (default)"),
    ("detection", "TDY301,TDY302", "64kB"),
)


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def load_average() -> float:
    return os.getloadavg()[0]


def tidy_command() -> list[str]:
    return [sys.executable, "-m", "tidy"]


def isolated_env() -> dict[str, str]:
    """tidy's state, history and caches under OUT: never the user's."""
    state = os.path.join(OUT, "state")
    os.makedirs(state, exist_ok=True)
    return {**os.environ, "TIDY_STATE_DIR": state, "XDG_STATE_HOME": state,
            "XDG_CACHE_HOME": os.path.join(state, "cache"), "PYTHONDONTWRITEBYTECODE": "1"}


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ------------------------------------------------------------------------- corpus
def ensure_corpus(skip: bool) -> dict[str, Any]:
    if not skip:
        subprocess.run([sys.executable, os.path.join(harness.BENCH, "corpus", "build.py")],
                       check=True)
    built = os.path.join(CORPUS, "built.json")
    if not os.path.exists(built) or not os.path.exists(manifest.venv_python()):
        sys.exit("bench: the corpus is not built: run bench/corpus/build.py")
    with open(built, encoding="utf-8") as f:
        info: dict[str, Any] = json.load(f)
    return info


def venv_lock() -> str:
    with open(os.path.join(CORPUS, "venv", ".corpus-lock"), encoding="utf-8") as f:
        return f.read().strip()


def module_file(module: Module, root: str | None = None) -> str:
    return os.path.join(root or os.path.join(manifest.tree_root(), module.package), module.path)


def py_candidates(floor: int, roots: Sequence[str]) -> tuple[int, int]:
    """(.py files, bytes) at or over the floor in the trees: what the 3xx rules look at."""
    files = total = 0
    for folder, dirs, names in (walked for root in roots for walked in os.walk(root)):
        if ".git" in dirs:
            dirs.remove(".git")
        for name in names:
            if name.endswith(".py"):
                size = os.lstat(os.path.join(folder, name)).st_size
                if size >= floor:
                    files += 1
                    total += size
    return files, total


# ------------------------------------------------------------------------- scans
def scan_config(floor: str) -> str:
    folder = os.path.join(OUT, "config", floor or "default")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, ".tidy.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'data-min-size = "{floor}"\n' if floor else "# tidy's defaults\n")
    return path


def scan_command(targets: Sequence[str], select: str, config: str, report: str) -> list[str]:
    return [*tidy_command(), "scan", "-q", "--format", "json", "--no-history", "--exit-zero",
            "--select", select, "--config", config, "-o", report, *targets]


def findings_by_path(report: str) -> dict[str, list[dict[str, str]]]:
    with open(report, encoding="utf-8") as f:
        document = json.load(f)
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for group in document["groups"]:
        for finding in group["findings"]:
            found[os.path.realpath(finding["abs_path"])].append(
                {"code": finding["code"], "message": finding["message"]})
    return found


def run_scans(runs: int, targets: Sequence[str]) -> dict[str, Any]:
    """Every scan of the plan, rounds interleaved; medians; findings of the last round."""
    timings: dict[str, list[harness.Run]] = defaultdict(list)
    loads: dict[str, list[float]] = defaultdict(list)
    findings: dict[str, dict[str, list[dict[str, str]]]] = {}
    env = isolated_env()
    for round_number in range(runs):
        for _name, select, floor_label in _SCAN_PLAN:
            key = f"{select} @ {floor_label}"
            report = os.path.join(OUT, "scans", f"{select.replace(',', '+')}-"
                                  f"{FLOORS[floor_label] or 'default'}.json")
            os.makedirs(os.path.dirname(report), exist_ok=True)
            config = scan_config(FLOORS[floor_label])
            loads[key].append(load_average())
            say(f"scan round {round_number + 1}/{runs}: {key} ...")
            run = harness.measure(scan_command(targets, select, config, report), env=env)
            timings[key].append(run)
            say(f"  {run.wall_s:.1f} s")
            findings[key] = findings_by_path(report)
    rows = {}
    for name, select, floor_label in _SCAN_PLAN:
        key = f"{select} @ {floor_label}"
        rows[key] = {"what": name, "select": select, "floor": floor_label,
                     **harness.summarize(timings[key]),
                     "load": [round(x, 2) for x in loads[key]]}
    return {"rows": rows, "findings": findings}


# ------------------------------------------------------------------------- extraction
def reset_copy(package: Package) -> str:
    """A fresh copy of the package's tree under OUT/work (the copy is the import root)."""
    work = os.path.join(OUT, "work", package.key)
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(os.path.dirname(work), exist_ok=True)
    subprocess.run(["cp", "-a", os.path.join(manifest.tree_root(), package.key), work],
                   check=True)
    return work


def restore_copy(work: str) -> None:
    """Back to the committed tree: the module, pyproject edits, data files, tidy's backups."""
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=work, check=True)
    subprocess.run(["git", "clean", "-q", "-f", "-d", "-x"], cwd=work, check=True)
    shutil.rmtree(os.path.join(work, ".git", "tidy"), ignore_errors=True)


def changed_files(work: str) -> list[str]:
    done = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=work,
                          capture_output=True, text=True, check=True)
    return [line[3:] for line in done.stdout.splitlines() if line.strip()]


_PROBE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONHASHSEED": "0",
              "LC_ALL": "C.UTF-8"}


def probe(work: str, module: Module, names: list[str] | None = None,
          explain: tuple[list[str], str] | None = None) -> dict[str, Any]:
    """Import the module from the copy in the corpus venv, in a fresh interpreter."""
    out = os.path.join(OUT, "probe.json")
    # -s -P is -I without -E: the fixed PYTHONHASHSEED must reach the interpreter, or a module
    # that builds a value from set order (faker's it_IT) looks "different" across two imports.
    command = [manifest.venv_python(), "-B", "-s", "-P", PROBE, work, module.dotted, out]
    if names is not None:
        names_file = os.path.join(OUT, "probe-names.json")
        with open(names_file, "w", encoding="utf-8") as f:
            json.dump(names, f)
        command += ["--names", names_file]
    if explain is not None:
        os.makedirs(explain[1], exist_ok=True)
        command += ["--explain", ",".join(explain[0]), explain[1]]
    if os.path.exists(out):
        os.unlink(out)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          timeout=EXTRACT_TIMEOUT, cwd=work, env=_PROBE_ENV)
    if done.returncode != 0 or not os.path.exists(out):
        last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return {"error": f"probe failed: {last}"[:500]}
    with open(out, encoding="utf-8") as f:
        result: dict[str, Any] = json.load(f)
    result["wall_s"] = time.perf_counter() - started
    return result


class BeforeCache:
    """Digests of the untouched modules: they depend only on the module, the venv and probe.py."""

    def __init__(self) -> None:
        self.path = os.path.join(OUT, "before-cache.json")
        self.salt = venv_lock() + sha256_file(PROBE)
        self.data: dict[str, Any] = {}
        if os.path.exists(self.path):
            with open(self.path, encoding="utf-8") as f:
                self.data = json.load(f)

    def get(self, work: str, module: Module, digest: str) -> dict[str, Any]:
        key = f"{module.key}|{digest}|{self.salt}"
        if key not in self.data:
            self.data[key] = probe(work, module)
            with open(self.path, "w", encoding="utf-8") as f:
                json.dump(self.data, f)
        result: dict[str, Any] = self.data[key]
        return result


def run_timed(command: Sequence[str], cwd: str, env: dict[str, str],
              timeout: float) -> dict[str, Any]:
    """Exit code, wall time, peak RSS (largest process, /usr/bin/time) and the output."""
    report = os.path.join(OUT, "time.txt")
    started = time.perf_counter()
    try:
        done = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%M", *command], cwd=cwd,
                              env=env, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        return {"rc": None, "wall_s": timeout, "maxrss_mb": 0.0, "stdout": "",
                "stderr": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - started
    with open(report, encoding="utf-8") as f:
        fields = f.read().split()
    rss = int(fields[-1]) * 1024 / 1e6 if fields and fields[-1].isdigit() else 0.0
    return {"rc": done.returncode, "wall_s": wall, "maxrss_mb": rss, "stdout": done.stdout,
            "stderr": done.stderr}


def _reason(stderr: str, work: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    text = lines[-1] if lines else "(no message)"
    return text.replace(work + os.sep, "").replace(work, ".")


def _first_difference(before_file: str, after_file: str) -> str:
    try:
        with open(before_file, encoding="utf-8", errors="replace") as f:
            old = f.read().splitlines()
        with open(after_file, encoding="utf-8", errors="replace") as f:
            new = f.read().splitlines()
    except OSError as error:
        return f"(no explanation: {error.strerror})"
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else "(end)"
        b = new[index] if index < len(new) else "(end)"
        if a != b:
            return f"{a[:160]}  ->  {b.split(chr(9), 1)[-1][:160]}"
    return "(streams equal: the digest differs in a set element)"


def compare(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    old, new = before["names"], after.get("names", {})
    differing, notes = [], []
    for name, entry in old.items():
        if name in after.get("missing", {}):
            differing.append(f"{name}: {after['missing'][name]}")
        elif name not in new:
            differing.append(f"{name}: gone")
        elif new[name] != entry:
            if name == "__annotations__":
                notes.append("__annotations__ changed")
            else:
                differing.append(name)
    added = [n for n in new if n not in old]
    return {"differing": differing, "added": added, "notes": notes}


def extract_one(package: Package, module: Module, work: str, cache: BeforeCache,
                extra: list[str]) -> dict[str, Any]:
    path = module_file(module, work)
    original = sha256_file(path)
    size = os.path.getsize(path)
    record: dict[str, Any] = {"module": module.key, "bytes": size}
    before = cache.get(work, module, original)
    record["import_before_s"] = before.get("import_s")
    env = isolated_env()
    command = [*tidy_command(), "extract", *[a.replace("{python}", manifest.venv_python())
                                            for a in extra], path]
    ran = run_timed(command, work, env, EXTRACT_TIMEOUT)
    record.update(extract_s=round(ran["wall_s"], 2), extract_rss_mb=round(ran["maxrss_mb"], 1),
                  rc=ran["rc"])
    changed = changed_files(work)
    now = sha256_file(path) if os.path.exists(path) else "gone"
    record["changed_files"] = changed
    if ran["rc"] != 0:
        record["reason"] = _reason(ran["stderr"], work)
        record["status"] = "refused" if now == original and not changed else "refused-but-changed"
        return record
    record["stdout"] = ran["stdout"].strip().splitlines()[:1]
    if now == original:
        record["status"] = "unchanged"
        record["reason"] = (ran["stdout"].strip().splitlines() or ["(no output)"])[0]
        return record
    record["bytes_after"] = os.path.getsize(path)
    record["data_files"] = {c: os.path.getsize(os.path.join(work, c)) for c in changed
                            if c != module.path and os.path.isfile(os.path.join(work, c))}
    if before.get("error"):
        record["status"] = "not-importable"
        record["reason"] = f"the original does not import: {before['error']}"
        return record
    after = probe(work, module, names=list(before["names"]))
    record["import_after_s"] = after.get("import_s")
    if after.get("error"):
        record["status"] = "broken-import"
        record["reason"] = after["error"]
        return record
    verdict = compare(before, after)
    record.update(added=verdict["added"], notes=verdict["notes"])
    if not verdict["differing"]:
        record["status"] = "exact"
        return record
    record["status"] = "different"
    record["differing"] = verdict["differing"][:20]
    plain = [d for d in verdict["differing"] if ":" not in d][:3]
    if plain:
        where = os.path.join(OUT, "explain", module.key.replace("/", "_").replace(":", "_"))
        probe(work, module, names=list(before["names"]), explain=(plain, where + "/after"))
        restore_copy(work)
        probe(work, module, explain=(plain, where + "/before"))
        record["first_difference"] = {
            n: _first_difference(f"{where}/before/{n}.txt", f"{where}/after/{n}.txt")
            for n in plain}
    return record


def run_extractions(packages: list[Package], extra: list[str]) -> list[dict[str, Any]]:
    cache = BeforeCache()
    results = []
    for package in packages:
        data = [m for m in package.modules if m.label == "data"]
        if not data:
            continue
        work = reset_copy(package)
        for module in data:
            restore_copy(work)
            say(f"extract {module.key} ...")
            record = extract_one(package, module, work, cache, extra)
            say(f"  {record['status']} ({record['extract_s']} s)"
                + (f": {record.get('reason', '')[:150]}" if record.get("reason") else ""))
            results.append(record)
        restore_copy(work)
        shutil.rmtree(work)
    return results


# ------------------------------------------------------------------------- the seed module
def mock_generator() -> str:
    for candidate in (os.environ.get("TIDY_MKMOCKAPI", ""),
                      os.path.join(harness.REPO, "..", "shared", "bench", "mkmockapi.py"),
                      "/work/shared/bench/mkmockapi.py"):
        if candidate and os.path.isfile(candidate):
            return os.path.abspath(candidate)
    sys.exit("bench: mkmockapi.py not found (set TIDY_MKMOCKAPI)")


def ensure_mock() -> tuple[str, int]:
    repo = os.path.join(OUT, "mockapi")
    module = os.path.join(repo, "pkg", "mock_api.py")
    stamp = os.path.join(OUT, "mockapi.built")
    generator = mock_generator()
    want = f"{sha256_file(generator)} {MOCK_ROWS}"
    if os.path.exists(stamp) and os.path.exists(module):
        with open(stamp, encoding="utf-8") as f:
            if f.read() == want:
                return repo, os.path.getsize(module)
    shutil.rmtree(repo, ignore_errors=True)
    os.makedirs(os.path.join(repo, "pkg"))
    with open(os.path.join(repo, "pkg", "__init__.py"), "w", encoding="utf-8"):
        pass
    say("generating the 51 MB seed-shaped module ...")
    subprocess.run([sys.executable, generator, module, str(MOCK_ROWS)], check=True)
    git_env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@example.invalid",
               "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "b@example.invalid",
               "GIT_AUTHOR_DATE": "2025-01-01T00:00:00+00:00",
               "GIT_COMMITTER_DATE": "2025-01-01T00:00:00+00:00"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "mock api"]):
        subprocess.run(["git", *args], cwd=repo, env=git_env, check=True)
    old = 1735689600
    for path in (module, os.path.join(repo, "pkg", "__init__.py")):
        os.utime(path, (old, old))
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(want)
    return repo, os.path.getsize(module)


def run_mock(runs: int) -> dict[str, Any]:
    repo, size = ensure_mock()
    env = isolated_env()
    config = scan_config("")
    plan = (("all rules", ""), ("TDY301,TDY302", "TDY301,TDY302"), ("TDY301 alone", "TDY301"),
            ("walk only (TDY1)", "TDY1"))
    timings: dict[str, list[harness.Run]] = defaultdict(list)
    loads: dict[str, list[float]] = defaultdict(list)
    flagged: dict[str, list[str]] = {}
    for round_number in range(runs):
        for name, select in plan:
            report = os.path.join(OUT, "scans", f"mock-{name.split()[0].replace(',', '+')}.json")
            command = scan_command([repo], select or "TDY", config, report)
            loads[name].append(load_average())
            say(f"mock round {round_number + 1}/{runs}: {name} ...")
            run = harness.measure(command, env=env)
            timings[name].append(run)
            say(f"  {run.wall_s:.1f} s")
            flagged[name] = sorted({f["code"] for fs in findings_by_path(report).values()
                                    for f in fs if f["code"].startswith("TDY3")})
    rows = {name: {**harness.summarize(timings[name]), "load": loads[name],
                   "flagged": flagged[name]} for name, _ in plan}
    return {"bytes": size, "rows": rows}


# ------------------------------------------------------------------------- analysis
def detection_table(packages: list[Package], findings: dict[str, Any]) -> dict[str, Any]:
    """Per module: which scans flagged it (by code), and whether a finding is unconfirmed."""
    per_module: dict[str, dict[str, Any]] = {}
    labelled = {}
    for package in packages:
        for module in package.modules:
            path = os.path.realpath(module_file(module))
            labelled[path] = module
            per_module[module.key] = {}
    unlabelled: dict[str, list[str]] = defaultdict(list)
    root = os.path.realpath(manifest.tree_root())
    for key, by_path in findings.items():
        for path, found in by_path.items():
            codes = sorted({f["code"] for f in found if f["code"].startswith("TDY30")})
            if not codes or not path.startswith(root + os.sep):
                continue
            hit = labelled.get(path)
            if hit is None:
                unlabelled[key].append(os.path.relpath(path, root))
                continue
            per_module[hit.key][key] = {
                "codes": codes, "message": "; ".join(f["message"] for f in found)[:300]}
    return {"modules": per_module, "unlabelled": {k: sorted(v) for k, v in unlabelled.items()}}


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def summarize_results(packages: list[Package], detection: dict[str, Any] | None,
                      extraction: list[dict[str, Any]] | None) -> dict[str, Any]:
    sizes = {m.key: os.path.getsize(module_file(m)) for m in manifest.modules(packages)}
    by_key = {r["module"]: r for r in extraction or []}
    per_package = []
    for package in packages:
        row: dict[str, Any] = {"package": package.key, "version": package.version}
        data = [m for m in package.modules if m.label == "data"]
        big = [m for m in data if sizes[m.key] >= BIG]
        code = [m for m in package.modules if m.label == "code"]
        row.update(data_big=len(big), data_small=len(data) - len(big), code=len(code))
        if detection is not None:
            for key in detection["keys"]:
                hit = detection["modules"]
                row[f"found {key}"] = sum(1 for m in big if key in hit[m.key])
                row[f"small found {key}"] = sum(1 for m in data if m not in big
                                                and key in hit[m.key])
                row[f"code flagged {key}"] = [m.path for m in code if key in hit[m.key]]
        if extraction is not None:
            outcomes = Counter(by_key[m.key]["status"] for m in data if m.key in by_key)
            row["outcomes"] = dict(outcomes)
        per_package.append(row)
    return {"sizes": sizes, "per_package": per_package}


# ------------------------------------------------------------------------- Markdown
def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f}"


def _detection_keys() -> list[str]:
    return [f"TDY301,TDY302 @ {label}" for label in FLOORS]


def markdown(result: dict[str, Any], packages: list[Package]) -> str:
    info = result["machine"]
    lines = [
        f"Measured {info['date']} on {info['nproc']} CPUs ({info['cpu']}), shared with other "
        f"engineers' test runs (load average {result['load_start']:.1f} at the start, "
        f"{result['load_end']:.1f} at the end), Python {info['python']}, tidy {info['tidy']}.",
        "",
        f"Reproduce: `{result['command']}` (builds the corpus first: "
        "`bench/corpus/build.py`; see bench/README.md).",
        "",
    ]
    corpus = result["corpus"]
    mods = manifest.modules(packages)
    sizes = result["summary"]["sizes"]
    data = [m for m in mods if m.label == "data"]
    big = [m for m in data if sizes[m.key] >= BIG]
    code = [m for m in mods if m.label == "code"]
    lines.append(
        f"Corpus: {len(packages)} PyPI packages pinned in `bench/corpus/manifest.toml` "
        f"({_mb(corpus['download_bytes'])} MB downloaded with their dependencies, "
        f"{_mb(corpus['tree_bytes'])} MB unpacked, {_mb(corpus['py_bytes'])} MB of .py); "
        f"{len(data)} modules labelled data ({len(big)} of 64 kB or more, "
        f"{_mb(sum(sizes[m.key] for m in big))} MB), {len(code)} labelled code "
        f"({sum(1 for m in code if sizes[m.key] >= BIG)} of 64 kB or more).")
    lines.append("")
    detection = result.get("detection")
    extraction = result.get("extraction")
    lines += _package_table(result, detection is not None, extraction is not None)
    lines.append("")
    lines += _goals(result, packages)
    if detection is not None:
        lines += _detection_notes(result, packages)
        lines += _scan_table(result)
    if extraction is not None:
        lines += _extraction_notes(result, packages)
    if result.get("mock"):
        lines += _mock_table(result)
    if detection is not None or extraction is not None:
        lines += _shape_table(result, packages)
        lines += _module_table(result, packages)
    return "\n".join(lines).rstrip() + "\n"


def _moved(record: dict[str, Any]) -> str:
    """The share of the module's bytes an extraction took out of it."""
    if "bytes_after" not in record:
        return "-"
    return f"{1 - record['bytes_after'] / record['bytes']:.0%}"


def _goals(result: dict[str, Any], packages: list[Package]) -> list[str]:
    """Issue 15's goals against this run."""
    sizes = result["summary"]["sizes"]
    mods = manifest.modules(packages)
    big = [m for m in mods if m.label == "data" and sizes[m.key] >= BIG]
    code = [m for m in mods if m.label == "code"]
    lines = ["Against the goals of issue 15:", ""]
    detection = result.get("detection")
    if detection is not None:
        key = _detection_keys()[1]
        found = sum(1 for m in big if key in detection["modules"][m.key])
        flagged = sum(1 for m in code if key in detection["modules"][m.key])
        default = sum(1 for m in big if _detection_keys()[0] in detection["modules"][m.key])
        lines.append(f"- data modules ≥ 64 kB detected at 64kB: {found} of {len(big)} "
                     f"({_pct(found, len(big))}; goal ≥ 95 %); at the default floor: {default}")
        lines.append(f"- code modules flagged at 64kB: {flagged} of {len(code)} (goal 0)")
    records = result.get("extraction")
    if records is not None:
        statuses = Counter(r["status"] for r in records)
        exact = [r for r in records if r["status"] == "exact"]
        partial = [r for r in exact if r["bytes_after"] > r["bytes"] / 2]
        broken = sum(statuses[s] for s in ("different", "broken-import", "refused-but-changed"))
        lines.append(f"- extracted exactly: {len(exact)} of {len(records)} data modules "
                     f"({_pct(len(exact), len(records))}; goal ≥ 90 %), of which "
                     f"{len(partial)} moved less than half of the module: "
                     + (", ".join(f"`{r['module']}` ({_moved(r)})" for r in partial) or "none"))
        lines.append(f"- refused with a reason: {statuses['refused'] + statuses['unchanged']}; "
                     f"broken (different after import, import fails, or refused but changed "
                     f"files): {broken} (goal 0); original not importable in the corpus venv: "
                     f"{statuses['not-importable']}")
        annotated = [r for r in records if "__annotations__" in r.get("added", [])]
        if annotated:
            lines.append(f"- extractions that added a module `__annotations__` (the lazy stub's "
                         f"declarations): {len(annotated)}")
    mock = result.get("mock")
    if mock is not None:
        rows = mock["rows"]
        judged = rows["TDY301,TDY302"]["median_s"] - rows["walk only (TDY1)"]["median_s"]
        judged_cpu = rows["TDY301,TDY302"]["cpu_s"] - rows["walk only (TDY1)"]["cpu_s"]
        lines.append(f"- the 51 MB seed-shaped module judged in {judged:.1f} s of a scan "
                     f"({judged_cpu:.1f} CPU s; TDY301,TDY302 minus TDY1; goal ≤ 1 s)")
    return [*lines, ""]


def _package_table(result: dict[str, Any], scanned: bool, extracted: bool) -> list[str]:
    header = ["package", "data ≥ 64 kB"]
    keys = _detection_keys()
    if scanned:
        header += ["found @ 256KB", "found @ 64kB", "data < 64 kB found @ 64kB", "code",
                   "code flagged @ 256KB / 64kB"]
    if extracted:
        header += ["extracted exactly", "refused", "different", "broken"]
    rows: list[list[str]] = []
    totals: Counter[str] = Counter()
    for row in result["summary"]["per_package"]:
        cells = [f"{row['package']} {row['version']}", str(row["data_big"])]
        totals["data_big"] += row["data_big"]
        if scanned:
            flagged = [len(row[f"code flagged {k}"]) for k in keys]
            cells += [str(row[f"found {keys[0]}"]), str(row[f"found {keys[1]}"]),
                      f"{row[f'small found {keys[1]}']} of {row['data_small']}", str(row["code"]),
                      " / ".join(str(n) for n in flagged)]
            totals["found0"] += row[f"found {keys[0]}"]
            totals["found1"] += row[f"found {keys[1]}"]
            totals["small_found"] += row[f"small found {keys[1]}"]
            totals["small"] += row["data_small"]
            totals["code"] += row["code"]
            totals["flag0"] += flagged[0]
            totals["flag1"] += flagged[1]
        if extracted:
            outcomes = row.get("outcomes", {})
            broken = sum(outcomes.get(s, 0) for s in ("broken-import", "refused-but-changed"))
            refused = sum(outcomes.get(s, 0) for s in ("refused", "unchanged"))
            cells += [str(outcomes.get("exact", 0)), str(refused),
                      str(outcomes.get("different", 0)), str(broken)]
            totals["exact"] += outcomes.get("exact", 0)
            totals["refused"] += refused
            totals["different"] += outcomes.get("different", 0)
            totals["broken"] += broken
        if row["data_big"] or row["data_small"] or row["code"]:
            rows.append(cells)
    total = ["**all**", f"**{totals['data_big']}**"]
    if scanned:
        total += [f"**{totals['found0']}** ({_pct(totals['found0'], totals['data_big'])})",
                  f"**{totals['found1']}** ({_pct(totals['found1'], totals['data_big'])})",
                  f"{totals['small_found']} of {totals['small']}", f"**{totals['code']}**",
                  f"**{totals['flag0']} / {totals['flag1']}**"]
    if extracted:
        n = sum(totals[k] for k in ("exact", "refused", "different", "broken"))
        total += [f"**{totals['exact']}** ({_pct(totals['exact'], n)})",
                  f"{totals['refused']}", f"**{totals['different']}**", f"**{totals['broken']}**"]
    rows.append(total)
    return [harness.table(header, rows)]


def _detection_notes(result: dict[str, Any], packages: list[Package]) -> list[str]:
    detection = result["detection"]
    mods = {m.key: m for m in manifest.modules(packages)}
    lines = [""]
    for key in _detection_keys():
        flagged_code = [k for k, hits in detection["modules"].items()
                        if key in hits and mods[k].label == "code"]
        text = "; ".join(f"`{k}` ({detection['modules'][k][key]['message'][:120]})"
                         for k in flagged_code) or "none"
        lines.append(f"- code modules flagged with {key}: {text}")
        missed = [k for k, m in mods.items() if m.label == "data"
                  and result["summary"]["sizes"][k] >= BIG and key not in detection["modules"][k]]
        lines.append(f"- data modules ≥ 64 kB not found with {key}: {len(missed)}"
                     + (": " + ", ".join(f"`{k}`" for k in missed) if len(missed) <= 30 else ""))
        unlabelled = detection["unlabelled"].get(key, [])
        if unlabelled:
            shown = ", ".join(f"`{p}`" for p in unlabelled[:8])
            more = f" and {len(unlabelled) - 8} more" if len(unlabelled) > 8 else ""
            lines.append(f"- unlabelled modules flagged with {key} ({len(unlabelled)}): "
                         f"{shown}{more}")
    lines.append("")
    return lines


def _scan_table(result: dict[str, Any]) -> list[str]:
    scans = result["scans"]["rows"]
    walk = scans["TDY1 @ 256KB (default)"]["median_s"]
    walk_cpu = scans["TDY1 @ 256KB (default)"]["cpu_s"]
    header = ["scan of the corpus tree", "data-min-size", ".py candidates", "wall s (median)",
              "CPU s", "peak RSS MB", "detection wall s / CPU s (minus the TDY1 scan)",
              "candidate MB per CPU s"]
    rows = []
    for row in scans.values():
        floor = FLOORS[row["floor"]] or "256KB"
        files, size = result["candidates"][row["floor"]]
        extra, extra_cpu = row["median_s"] - walk, row["cpu_s"] - walk_cpu
        is_walk = row["select"] == "TDY1"
        rows.append([f"`--select {row['select']}` ({row['what']})", floor,
                     f"{files} files, {_mb(size)} MB", f"{row['median_s']:.1f}",
                     f"{row['cpu_s']:.1f}", f"{max(row['maxrss_mb'], row['tree_rss_mb']):.0f}",
                     "-" if is_walk else f"{extra:.1f} / {extra_cpu:.1f}",
                     "-" if is_walk or extra_cpu <= 0 else f"{size / 1e6 / extra_cpu:.2f}"])
    runs = next(iter(scans.values()))["runs"]
    return [f"Scan time ({runs} round(s), interleaved; `tidy scan -q --format json "
            "--no-history --exit-zero --config CFG --select ...` on bench/out/corpus/tree, "
            f"{result['scans']['targets']} repositories in one scan; CFG holds only "
            "`data-min-size`). CPU s is the user+system time of tidy and its children (the "
            "confirmation subprocesses); on this shared machine it is the steadier figure.", "",
            harness.table(header, rows), ""]


def _normalized_reason(reason: str) -> str:
    text = re.sub(r"^tidy: extract refused: ", "", reason)
    text = re.sub(r"^\S+\.py: ", "", text)
    text = re.sub(r"<ast\.\w+ object at 0x[0-9a-f]+>", "<ast node>", text)
    text = re.sub(r"\b[A-Za-z_][A-Za-z_0-9]* \(line \d+\)", "NAME (line N)", text)
    text = re.sub(r"line \d+", "line N", text)
    return text[:140]


def _extraction_notes(result: dict[str, Any], packages: list[Package]) -> list[str]:
    records = result["extraction"]
    reasons: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record["status"] in ("refused", "unchanged"):
            reasons[_normalized_reason(record.get("reason", ""))].append(record["module"])
    lines = ["Refusals by reason (tidy's message with names and line numbers generalized):", ""]
    rows = [[f"`{reason}`", str(len(mods)), ", ".join(m.split(":")[1] for m in mods[:3])
             + (" ..." if len(mods) > 3 else "")]
            for reason, mods in sorted(reasons.items(), key=lambda kv: -len(kv[1]))]
    lines += [harness.table(["reason", "modules", "e.g."], rows), ""]
    bad = [r for r in records if r["status"] not in ("exact", "refused", "unchanged")]
    for record in bad:
        detail = record.get("reason") or ", ".join(record.get("differing", []))
        first = record.get("first_difference")
        if first:
            detail += "; first difference: " + "; ".join(f"{k}: {v}" for k, v in first.items())
        lines.append(f"- **{record['status']}** `{record['module']}`: {detail[:400]}")
    times = [r["extract_s"] for r in records]
    lines += ["", f"`tidy extract` wall time per module: median {statistics.median(times):.1f} s, "
              f"max {max(times):.1f} s (`{max(records, key=lambda r: r['extract_s'])['module']}`);"
              f" all {len(records)} modules with imports before and after: "
              f"{result['extraction_s']:.0f} s.", ""]
    return lines


def _mock_table(result: dict[str, Any]) -> list[str]:
    mock = result["mock"]
    size = mock["bytes"]
    walk = mock["rows"]["walk only (TDY1)"]["median_s"]
    header = ["`tidy scan` of a repo holding mock_api.py", "wall s (median)", "CPU s",
              "peak RSS MB", "wall over the TDY1 scan", "per MB of module", "TDY3xx findings"]
    rows = []
    for name, row in mock["rows"].items():
        extra = row["median_s"] - walk
        rows.append([name, f"{row['median_s']:.1f}", f"{row['cpu_s']:.1f}",
                     f"{max(row['maxrss_mb'], row['tree_rss_mb']):.0f}",
                     "-" if name.startswith("walk") else f"{extra:.1f} s",
                     "-" if name.startswith("walk") else f"{extra / (size / 1e6):.3f} s",
                     ", ".join(row["flagged"]) or "none"])
    return [f"The seed-shaped module (`mkmockapi.py DEST {MOCK_ROWS}`: {size:,} bytes, "
            f"committed in a repo of its own; {next(iter(mock['rows'].values()))['runs']} "
            "round(s)):", "", harness.table(header, rows), ""]


def _shape_table(result: dict[str, Any], packages: list[Package]) -> list[str]:
    sizes = result["summary"]["sizes"]
    detection = result.get("detection")
    by_key = {r["module"]: r for r in result.get("extraction") or []}
    shapes: dict[str, list[Module]] = defaultdict(list)
    for module in manifest.modules(packages):
        if module.label == "data" and sizes[module.key] >= BIG:
            for shape in module.shape or ("(none)",):
                shapes[shape].append(module)
    key = _detection_keys()[1]
    header = ["shape (data ≥ 64 kB; a module counts under each of its shapes)", "modules",
              "found @ 64kB", "extracted exactly"]
    rows = []
    for shape, mods in sorted(shapes.items(), key=lambda kv: -len(kv[1])):
        found = sum(1 for m in mods if detection and key in detection["modules"][m.key])
        exact = sum(1 for m in mods if by_key.get(m.key, {}).get("status") == "exact")
        rows.append([shape, str(len(mods)), str(found) if detection else "-",
                     str(exact) if by_key else "-"])
    return ["By shape (the shapes are described in the manifest's header):", "",
            harness.table(header, rows), ""]


def _module_table(result: dict[str, Any], packages: list[Package]) -> list[str]:
    sizes = result["summary"]["sizes"]
    detection = result.get("detection")
    by_key = {r["module"]: r for r in result.get("extraction") or []}
    keys = _detection_keys()
    header = ["module", "label", "kB", "shape", "flagged @ 256KB", "flagged @ 64kB",
              "extract", "moved", "reason / difference"]
    rows = []
    for module in manifest.modules(packages):
        hits = detection["modules"][module.key] if detection else {}
        record = by_key.get(module.key, {})
        detail = re.sub(r"^tidy: extract refused: \S+\.py: ", "", record.get("reason") or "")
        detail = detail or ", ".join(record.get("differing", []))
        rows.append([f"`{module.key}`", module.label + (" (boundary)" if module.boundary else ""),
                     f"{sizes[module.key] / 1000:,.0f}", " ".join(module.shape),
                     ",".join(hits.get(keys[0], {}).get("codes", [])) or "-",
                     ",".join(hits.get(keys[1], {}).get("codes", [])) or "-",
                     record.get("status", "-"), _moved(record),
                     detail.replace("|", "\\|")[:150]])
    return ["<details><summary>Every module</summary>", "", harness.table(header, rows), "",
            "</details>", ""]


NOTES = "### Notes"


def write_results_section(title: str, body: str, path: str = harness.RESULTS_MD) -> None:
    """Replace (or append) `## title` in RESULTS.md; every other byte stays as it was, and so
    does a hand-written `### Notes` subsection at the end of the section."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    heading = f"## {title}"
    section = f"{heading}\n\n{body.strip()}\n\n"
    lines = text.splitlines(keepends=True)
    begin = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    if begin is None:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = next((i for i in range(begin + 1, len(lines)) if lines[i].startswith("## ")),
                   len(lines))
        notes = next((i for i in range(begin + 1, end) if lines[i].rstrip() == NOTES), None)
        if notes is not None:  # hand-written notes under the figures survive a re-run
            section = section.rstrip("\n") + "\n\n" + "".join(lines[notes:end]).rstrip("\n")
            section += "\n\n"
        text = "".join(lines[:begin]) + section + "".join(lines[end:])
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n")
    os.replace(tmp, path)


# ------------------------------------------------------------------------- compare
def compare_files(before_path: str, after_path: str) -> int:
    with open(before_path, encoding="utf-8") as f:
        before = json.load(f)
    with open(after_path, encoding="utf-8") as f:
        after = json.load(f)
    old = {r["module"]: r for r in before.get("extraction") or []}
    new = {r["module"]: r for r in after.get("extraction") or []}
    keys = _detection_keys()
    rows = []
    for key in sorted(set(old) | set(new) | set(before.get("detection", {}).get("modules", {}))):
        cells = [f"`{key}`"]
        changed = False
        for doc in (before, after):
            hits = doc.get("detection", {}).get("modules", {}).get(key, {})
            cells.append(",".join(hits.get(keys[1], {}).get("codes", [])) or "-")
        changed |= cells[1] != cells[2]
        a, b = old.get(key, {}).get("status", "-"), new.get(key, {}).get("status", "-")
        cells += [a, b]
        changed |= a != b
        if changed:
            rows.append(cells)
    print(harness.table(["module", "flagged @ 64kB before", "after", "extract before", "after"],
                        rows))
    for label, doc in (("before", before), ("after", after)):
        scans = doc.get("scans", {}).get("rows", {})
        det = scans.get(f"TDY301,TDY302 @ {list(FLOORS)[-1]}", {}).get("median_s")
        walk = scans.get(f"TDY1 @ {next(iter(FLOORS))}", {}).get("median_s")
        if det is not None and walk is not None:
            print(f"- {label}: TDY301,TDY302 @ 64kB {det:.1f} s, TDY1 {walk:.1f} s, "
                  f"detection {det - walk:.1f} s")
    return 0


# ------------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="")
    parser.add_argument("--runs", type=int, default=1, help="corpus scan rounds (medians)")
    parser.add_argument("--mock-runs", type=int, default=3,
                        help="rounds of the seed-shaped module's scans (medians)")
    parser.add_argument("--only", default="", help="comma-separated package names")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-scan", action="store_true")
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument("--skip-mock", action="store_true")
    parser.add_argument("--extract-arg", action="append", default=[],
                        help="extra argument for `tidy extract` ({python} = the corpus venv's "
                             "interpreter), e.g. --extract-arg=--python --extract-arg={python}")
    parser.add_argument("--write-results", metavar="TITLE", default="",
                        help="also write the Markdown block as `## TITLE` of bench/RESULTS.md")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--render", metavar="RESULTS_JSON",
                        help="print (and with --write-results, write) the Markdown of a saved run")
    args = parser.parse_args(argv)
    if args.compare:
        return compare_files(*args.compare)
    if args.render:
        return render(args.render, args.write_results)
    os.makedirs(OUT, exist_ok=True)
    started = time.monotonic()
    built = ensure_corpus(args.skip_build)
    packages = manifest.load()
    if args.only:
        wanted = {manifest.canonical(n) for n in args.only.split(",")}
        packages = [p for p in packages if p.key in wanted]
    info = harness.machine()
    label = args.label or f"tidy-{info['tidy']}"
    result: dict[str, Any] = {
        "label": label, "machine": info, "load_start": load_average(),
        "command": shlex.join(["python", "bench/bench_data_corpus.py",
                               *(argv if argv is not None else sys.argv[1:])]),
        "tidy": tidy_command(), "extract_args": args.extract_arg,
        "corpus": {"download_bytes": sum(built["download_bytes"].values()),
                   "tree_bytes": sum(p["bytes"] for p in built["packages"].values()),
                   "py_bytes": sum(p["py_bytes"] for p in built["packages"].values()),
                   "packages": {k: v["pin"] for k, v in built["packages"].items()}},
    }
    if not args.skip_scan:
        targets = ([os.path.join(manifest.tree_root(), p.key) for p in packages] if args.only
                   else [manifest.tree_root()])
        scans = run_scans(args.runs, targets)
        result["scans"] = {"rows": scans["rows"], "targets": len(targets) if args.only
                           else len(built["packages"])}
        detection = detection_table(packages, {k: scans["findings"][k]
                                               for k in _detection_keys()})
        detection["keys"] = _detection_keys()
        result["detection"] = detection
        result["candidates"] = {label_: py_candidates(
            harness_size(FLOORS[label_] or "256KB"), targets) for label_ in FLOORS}
    if not args.skip_extract:
        began = time.monotonic()
        result["extraction"] = run_extractions(packages, args.extract_arg)
        result["extraction_s"] = time.monotonic() - began
    if not args.skip_mock:
        result["mock"] = run_mock(args.mock_runs)
    result["load_end"] = load_average()
    result["summary"] = summarize_results(packages, result.get("detection"),
                                          result.get("extraction"))
    result["seconds"] = time.monotonic() - started
    body = markdown(result, packages)
    json_path = os.path.join(OUT, f"results-{label}.json")
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    with open(os.path.join(OUT, f"results-{label}.md"), "w", encoding="utf-8") as f:
        f.write(body)
    print(body)
    say(f"results: {json_path} ({result['seconds']:.0f} s in all)")
    if args.write_results:
        write_results_section(args.write_results, body)
        say(f"wrote `## {args.write_results}` in {harness.RESULTS_MD}")
    return 0


def render(path: str, title: str) -> int:
    """The Markdown of a saved run, against the current manifest (a module added to the
    manifest since the run shows as not flagged and not extracted)."""
    with open(path, encoding="utf-8") as f:
        result: dict[str, Any] = json.load(f)
    packages = manifest.load()
    wanted = set(result["corpus"]["packages"])
    packages = [p for p in packages if p.key in wanted]
    if result.get("detection"):
        for module in manifest.modules(packages):
            result["detection"]["modules"].setdefault(module.key, {})
    result["summary"] = summarize_results(packages, result.get("detection"),
                                          result.get("extraction"))
    body = markdown(result, packages)
    print(body)
    if title:
        write_results_section(title, body)
    return 0


def harness_size(text: str) -> int:
    """tidy's own size parser, so the floor means what tidy means by it."""
    from tidy.core.units import parse_size

    return parse_size(text)


if __name__ == "__main__":
    sys.exit(main())
