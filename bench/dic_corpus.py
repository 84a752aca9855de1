#!/usr/bin/env python3
"""Data in code on real packages: does `tidy fix` keep every extracted module working exactly?

usage: bench/dic_corpus.py [--only NAME,...] [--keep] [--write-results]

For each package below (pinned; `pip download --no-deps` of its wheel into
$TIDY_BENCH_DIR/dic-corpus/dl, default /tmp/tidy-bench): the wheel is unpacked into a fresh
folder, committed as a git repo, then
1. `tidy scan --format json --select TDY301,TDY302` (timed; the data floor is the package's
   `floor`, written to a `.tidy.toml` outside the repo and passed with --config);
2. every flagged module and every module labelled data is imported in a fresh interpreter
   (bench/corpus/probe.py, PYTHONHASHSEED=0): a type-exact digest of every module-level name,
   order included, a mutable object shared by two names written as a reference to the first;
3. `tidy fix --yes --unsafe-fixes --select TDY301 --format json` extracts what it can;
4. each module is imported again and compared name by name (the names of step 2 read with
   getattr first, so lazy names load): exact, different, broken (no longer imports), refused
   (tidy left it alone, with the reason; the file must be byte-identical), and the loader's
   additions to the namespace are checked (only its private names may appear);
5. `tidy undo RUN` and `git status --porcelain`: every file byte-identical, nothing left over.

Also recorded: what tidy flagged against what an independent ast count calls mostly-literal
(`missed?`: modules at or above the floor whose top-level literal values hold half of the
bytes or more and that were not flagged), and the scan's MB/s (tree bytes / wall time).

tidy is the one installed beside this interpreter (`sys.executable -m tidy`); the probe runs
in the same interpreter. Results: $TIDY_BENCH_DIR/dic-corpus/results.json, and with
--write-results the section "Data in code: tidy fix on real packages" of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import glob
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from typing import Any

import _harness as harness

PROBE = os.path.join(harness.BENCH, "corpus", "probe.py")
SECTION = "Data in code: tidy fix on real packages"
# What the loader stub adds to a module's namespace (tidy/extract/stub.py).
LOADER_NAMES = frozenset({"_tidy_builtins", "_tidy_cache", "_tidy_data", "_tidy_read",
                          "_tidy_untag", "_tidy_copy", "_tidy_decode", "_tidy_fresh",
                          "_TidyAny", "_TIDY_LAZY",
                          "__getattr__", "__dir__"})
MISSED_FRACTION = 0.5
SCAN_RUNS = 3


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    floor: str = ""  # data-min-size for this package ("" = tidy's default)
    data: tuple[str, ...] = ()  # modules labelled data (paths in the tree), flagged or not
    trim: tuple[str, ...] = ()  # globs of files removed before the commit (speed) ...
    keep: tuple[str, ...] = ()  # ... except these
    deps: tuple[str, ...] = ()  # wheels unpacked into the same tree so the modules import
    why: str = ""


PACKAGES = (
    Package("chardet", "5.2.0", "16kB", why="language models: int-keyed nested dicts, tuples "
            "with comments, constructor calls naming them; frequency tables; jpcntx classes",
            data=("chardet/langrussianmodel.py", "chardet/langbulgarianmodel.py",
                  "chardet/big5freq.py", "chardet/jisfreq.py", "chardet/jpcntx.py",
                  "chardet/euckrfreq.py", "chardet/gb2312freq.py", "chardet/euctwfreq.py")),
    Package("idna", "3.10", why="uts46data: functions returning lists of tuples, then "
            "tuple(_seg_0() + ...); idnadata: dicts of int tuples, __version__",
            data=("idna/uts46data.py", "idna/idnadata.py")),
    Package("pygments", "2.19.1", "16kB", why="_mapping (dict of tuples), _*_builtins (tuples, "
            "sets, dicts, `if __name__ == '__main__':` regenerators, __all__)",
            data=("pygments/lexers/_mapping.py", "pygments/lexers/_php_builtins.py",
                  "pygments/lexers/_lasso_builtins.py", "pygments/lexers/_cocoa_builtins.py",
                  "pygments/lexers/_mysql_builtins.py", "pygments/lexers/_asy_builtins.py",
                  "pygments/lexers/_scilab_builtins.py", "pygments/lexers/_vim_builtins.py",
                  "pygments/lexers/_stata_builtins.py", "pygments/lexers/_csound_builtins.py")),
    Package("wcwidth", "0.2.13", "4kB", why="dicts of tuples of (int, int) tuples, hex ints, "
            "comments on every line", data=("wcwidth/table_wide.py", "wcwidth/table_zero.py",
                                             "wcwidth/table_vs16.py")),
    Package("rich", "13.9.4", "8kB", why="_emoji_codes (str dict), _cell_widths (list of "
            "int tuples), _spinners (dict of dicts), _palettes (calls)",
            data=("rich/_emoji_codes.py", "rich/_cell_widths.py", "rich/_spinners.py")),
    Package("unidecode", "1.3.8", "2kB", why="x0NN.py: `data = (...)` tuples of str with a "
            "comment per item", trim=("unidecode/x*.py",),
            keep=("unidecode/x000.py", "unidecode/x004.py", "unidecode/x020.py",
                  "unidecode/x05e.py", "unidecode/x1d4.py", "unidecode/x0ff.py"),
            data=("unidecode/x000.py", "unidecode/x004.py", "unidecode/x020.py",
                  "unidecode/x05e.py", "unidecode/x1d4.py", "unidecode/x0ff.py")),
    Package("fonttools", "4.56.0", "16kB", why="unicodedata tables (int lists, str/tuple lists "
            "with comments), otData (nested list of tuples), agl (parsed at import)",
            data=("fontTools/unicodedata/Scripts.py", "fontTools/unicodedata/Blocks.py",
                  "fontTools/unicodedata/ScriptExtensions.py", "fontTools/ttLib/tables/otData.py",
                  "fontTools/encodings/StandardEncoding.py")),
    Package("docutils", "0.21.2", "2kB", why="language modules (small dicts, lists, "
            "docstrings, __docformat__), math tables (int-keyed dicts)",
            trim=("docutils/languages/*.py", "docutils/parsers/rst/languages/*.py"),
            keep=("*/__init__.py", "*/en.py", "docutils/languages/de.py",
                  "docutils/languages/zh_cn.py",
                  "docutils/parsers/rst/languages/fr.py", "docutils/parsers/rst/languages/ja.py"),
            data=("docutils/utils/math/tex2unichar.py", "docutils/utils/math/unichar2tex.py",
                  "docutils/utils/math/mathalphabet2unichar.py", "docutils/languages/de.py",
                  "docutils/parsers/rst/languages/fr.py")),
    Package("pycparser", "2.22", why="yacctab: parser tables, then top-level loops that "
            "derive _lr_action from _lr_action_items and `del` it",
            data=("pycparser/yacctab.py", "pycparser/lextab.py")),
    Package("pytz", "2025.1", why="code module holding big lists (all_timezones): a negative"),
    Package("pip", "24.3.1", why="vendored copies (idna, rich, pygments)",
            data=("pip/_vendor/idna/uts46data.py", "pip/_vendor/idna/idnadata.py",
                  "pip/_vendor/rich/_emoji_codes.py", "pip/_vendor/pygments/lexers/_mapping.py")),
    Package("html5lib", "1.1", why="constants.py: entity dicts, frozenset([...]) calls, dicts "
            "of tuples naming other constants", deps=("six==1.17.0", "webencodings==0.5.1"),
            data=("html5lib/constants.py",)),
    Package("tzlocal", "5.2", "8kB", why="windows_tz.py: str dicts",
            data=("tzlocal/windows_tz.py",)),
    Package("webcolors", "24.11.1", "8kB", why="_definitions.py: dicts, then dicts built by "
            "calls naming them (_reversedict)", data=("webcolors/_definitions.py",)),
    Package("emoji", "2.8.0", why="data_dict.py: EMOJI_DATA dict of dicts naming module "
            "constants ('status': fully_qualified), the shape issue 15 names",
            data=("emoji/unicode_codes/data_dict.py",)),
    Package("reportlab", "4.2.5", "16kB", why="pdfbase font data: width dicts, encoding tuples "
            "holding None, glyph lists", data=("reportlab/pdfbase/_fontdata_widths_courier.py",
                                               "reportlab/pdfbase/_cidfontdata.py")),
    Package("faker", "33.3.1", why="providers: class attributes, OrderedDict(...) tables, "
            "tuples of str", deps=("python-dateutil==2.9.0.post0", "six==1.17.0"),
            data=("faker/decode/codes.py", "faker/providers/person/en_US/__init__.py",
                  "faker/providers/job/de_AT/__init__.py",
                  "faker/providers/lorem/en_US/__init__.py",
                  "faker/providers/address/it_IT/__init__.py")),
)


def say(message: str) -> None:
    print(f"dic-corpus: {message}", file=sys.stderr, flush=True)


def run(argv: list[str], cwd: str | None = None, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False, **kw)


def tidy(*args: str, cwd: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    done = run([sys.executable, "-m", "tidy", *args], cwd=cwd)
    return done, time.perf_counter() - started


# -- the corpus --------------------------------------------------------------------------------
def download(spec: str, folder: str) -> str:
    name, version = spec.split("==")
    stem = name.replace("-", "_").lower()
    for path in glob.glob(os.path.join(folder, "*.whl")):
        base = os.path.basename(path).lower()
        if base.startswith(f"{stem}-{version}-"):
            return path
    done = run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                "--only-binary=:all:", spec, "-d", folder])
    if done.returncode != 0:
        raise SystemExit(f"dic-corpus: pip download {spec} failed: {done.stderr.strip()[-300:]}")
    return download(spec, folder)


def build_tree(package: Package, work: str, dl: str) -> str:
    tree = os.path.join(work, package.name)
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(tree)
    for spec in (f"{package.name}=={package.version}", *package.deps):
        with zipfile.ZipFile(download(spec, dl)) as wheel:
            wheel.extractall(tree)
    for pattern in package.trim:
        for path in glob.glob(os.path.join(tree, pattern)):
            rel = os.path.relpath(path, tree)
            if not any(fnmatch.fnmatch(rel, keep) for keep in package.keep):
                os.unlink(path)
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
           "GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z"}
    for argv in (["git", "init", "-q"], ["git", "add", "-A"],
                 ["git", "commit", "-q", "-m", f"{package.name} {package.version}"]):
        done = run(argv, cwd=tree, env=env)
        if done.returncode != 0:
            raise SystemExit(f"dic-corpus: {' '.join(argv)} in {tree}: {done.stderr.strip()}")
    return tree


def config_file(package: Package, work: str) -> str:
    folder = os.path.join(work, "config", package.name)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, ".tidy.toml")  # --config reads a file of this name whole
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'data-min-size = "{package.floor}"\n' if package.floor else "# defaults\n")
    return path


# -- measuring ---------------------------------------------------------------------------------
def dotted(rel: str) -> str:
    parts = rel[:-3].split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def probe(tree: str, rel: str, out: str, names: list[str] | None = None) -> dict[str, Any]:
    argv = [sys.executable, "-B", "-s", "-P", PROBE, tree, dotted(rel), out]
    if names is not None:
        names_file = out + ".names"
        with open(names_file, "w", encoding="utf-8") as f:
            json.dump(names, f)
        argv += ["--names", names_file]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    done = run(argv, cwd=tree, env=env, timeout=300)
    if done.returncode != 0 or not os.path.exists(out):
        return {"error": f"probe failed: {done.stderr.strip()[-300:]}"}
    with open(out, encoding="utf-8") as f:
        result: dict[str, Any] = json.load(f)
    return result


def findings(report: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for group in report.get("groups", []):
        for finding in group.get("findings", []):
            if finding.get("code") in ("TDY301", "TDY302"):
                found[finding["path"]] = finding["code"]
    return found


def best_scan(tree: str, config: str, select: str) -> tuple[subprocess.CompletedProcess[str],
                                                            float]:
    """The fastest of SCAN_RUNS scans (the machine is shared: the minimum is the least noisy)."""
    runs = [tidy("scan", "--format", "json", "--no-cache", "--select", select, "--config",
                 config, ".", cwd=tree) for _ in range(SCAN_RUNS)]
    return min(runs, key=lambda run: run[1])


def literal_fraction(path: str) -> float:
    """Independent of tidy: the share of a module's bytes in top-level (and class-body)
    assignments whose value ast.literal_eval takes."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return 0.0
    lines = data.split(b"\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    held = 0
    bodies = [tree.body] + [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
    for body in bodies:
        for node in body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                try:
                    ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                    continue
                value = node.value
                start = starts[value.lineno - 1] + value.col_offset
                end = starts[(value.end_lineno or value.lineno) - 1] + (value.end_col_offset or 0)
                held += end - start
    return held / max(1, len(data))


def floor_bytes(text: str) -> int:
    units = {"kb": 1000, "mb": 1000**2, "b": 1}
    lowered = text.lower()
    for unit, scale in units.items():
        if lowered.endswith(unit):
            return int(float(lowered[: -len(unit)]) * scale)
    return int(lowered)


def python_modules(tree: str) -> list[str]:
    out = []
    for folder, dirs, files in os.walk(tree):
        dirs[:] = [d for d in dirs if d != ".git"]
        out += [os.path.relpath(os.path.join(folder, f), tree) for f in files if f.endswith(".py")]
    return sorted(out)


@dataclass
class ModuleResult:
    rel: str
    bytes: int
    labelled: bool
    flagged: bool
    fix: str = "not planned"  # done / failed / skipped / not planned
    reason: str = ""
    outcome: str = ""  # exact / different / broken / refused / refused-but-changed / ...
    detail: str = ""
    names: int = 0
    lazy: int = 0  # names that are no longer in vars() right after import (PEP 562 loads)
    added: list[str] = field(default_factory=list)
    undo: str = ""  # identical / differs / not extracted
    # What `tidy extract --evaluate` does with a module `tidy fix` refused (calls, names):
    evaluate: str = ""  # exact / different / broken / refused / "" (not tried)
    evaluate_detail: str = ""
    evaluate_undo: str = ""  # identical / differs


def compare(before: dict[str, Any], after: dict[str, Any]) -> tuple[str, str, int, list[str]]:
    if "error" in after:
        return "broken", after["error"][:200], 0, []
    names_before, names_after = before["names"], after["names"]
    differing = [n for n, d in names_before.items()
                 if names_after.get(n, {}).get("digest") != d["digest"]]
    missing = [n for n in names_before if n not in names_after] + list(after.get("missing", {}))
    added = sorted(set(names_after) - set(names_before))
    unexpected = [n for n in added if n not in LOADER_NAMES]
    lazy = len(set(before.get("vars", [])) - set(after.get("vars", [])))
    if missing:
        return "different", "missing: " + ", ".join(missing[:5]), lazy, added
    if differing:
        return "different", "differ: " + ", ".join(differing[:5]), lazy, added
    if unexpected:
        return "different", "added: " + ", ".join(unexpected[:5]), lazy, added
    return "exact", f"{len(names_before)} names", lazy, added


def measure(package: Package, work: str, dl: str) -> dict[str, Any]:
    say(f"{package.name} {package.version}")
    tree = build_tree(package, os.path.join(work, "tree"), dl)
    config = config_file(package, work)
    floor = floor_bytes(package.floor or "64kB")
    scan, scan_s = best_scan(tree, config, "TDY301,TDY302")
    _, walk_s = best_scan(tree, config, "TDY1")  # the same walk without the data rules
    if scan.returncode not in (0, 1):
        raise SystemExit(f"dic-corpus: tidy scan of {tree}: {scan.stderr.strip()[-300:]}")
    report = json.loads(scan.stdout)
    flagged = findings(report)
    scanned = int(report["summary"]["scanned"]["bytes"])
    modules = python_modules(tree)
    sizes = {rel: os.path.getsize(os.path.join(tree, rel)) for rel in modules}
    missed = []
    for rel in modules:
        if sizes[rel] >= floor and rel not in flagged:
            share = literal_fraction(os.path.join(tree, rel))
            if share >= MISSED_FRACTION:
                missed.append({"module": rel, "bytes": sizes[rel], "literal": round(share, 3)})
    wanted = sorted(set(flagged) | {rel for rel in package.data if rel in sizes})
    results = {rel: ModuleResult(rel, sizes[rel], rel in package.data, rel in flagged)
               for rel in wanted}
    probes = os.path.join(work, "probes", package.name)
    shutil.rmtree(probes, ignore_errors=True)
    os.makedirs(probes)
    before = {rel: probe(tree, rel, os.path.join(probes, rel.replace("/", "__") + ".before"))
              for rel in wanted}
    originals = {rel: open(os.path.join(tree, rel), "rb").read() for rel in wanted}  # noqa: SIM115
    fix, fix_s = tidy("fix", "--yes", "--unsafe-fixes", "--select", "TDY301", "--format", "json",
                      "--no-cache", "--skip-recent", "0s", "--config", config, ".", cwd=tree)
    try:
        fixed = json.loads(fix.stdout)
    except ValueError:
        raise SystemExit(f"dic-corpus: tidy fix in {tree} (exit {fix.returncode}): "
                         f"{fix.stderr.strip()[-500:]}") from None
    if fix.returncode not in (0, 1):
        say(f"tidy fix exit {fix.returncode}: {fix.stderr.strip()[-300:]}")
    for outcome in fixed.get("result", {}).get("outcomes", []):
        rel = os.path.relpath(outcome["path"], tree)
        if rel in results:
            results[rel].fix, results[rel].reason = outcome["status"], outcome.get("reason", "")
    for rel, result in results.items():
        first = before[rel]
        if "error" in first:
            result.outcome, result.detail = "not importable", first["error"][:200]
        with open(os.path.join(tree, rel), "rb") as f:
            now = f.read()
        changed = now != originals[rel]
        if result.fix != "done":
            result.outcome = result.outcome or ("refused-but-changed" if changed else
                                                ("refused" if result.fix != "not planned"
                                                 else "not flagged"))
            result.undo = "not extracted"
            continue
        if "error" in first:
            continue
        second = probe(tree, rel, os.path.join(probes, rel.replace("/", "__") + ".after"),
                       list(first["names"]))
        result.outcome, result.detail, result.lazy, result.added = compare(first, second)
        result.names = len(first["names"])
    run_id = str(fixed.get("run", ""))
    undo_s = 0.0
    undo_note = ""
    if run_id:
        undone, undo_s = tidy("undo", "--yes", run_id, cwd=tree)
        if undone.returncode != 0:
            undo_note = f"tidy undo exit {undone.returncode}: {undone.stderr.strip()[-300:]}"
    status = run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tree).stdout
    left = [line[3:] for line in status.splitlines()]
    for rel, result in results.items():
        if result.fix == "done":
            with open(os.path.join(tree, rel), "rb") as f:
                same = f.read() == originals[rel]
            result.undo = "identical" if same and rel not in left else "differs"
    for rel, result in results.items():
        if result.outcome == "refused" and "--evaluate" in result.reason:
            evaluate(tree, rel, result, before[rel], originals[rel], probes)
    return {
        "package": package.name, "version": package.version, "floor": package.floor or "64kB",
        "why": package.why, "tree_bytes": scanned, "scan_s": round(scan_s, 3),
        "walk_s": round(walk_s, 3),
        "candidate_bytes": sum(size for size in sizes.values() if size >= floor),
        "fix_s": round(fix_s, 3), "undo_s": round(undo_s, 3), "fix_exit": fix.returncode,
        "undo_note": undo_note, "left_after_undo": left, "missed": missed,
        "modules": [vars(r) for r in results.values()],
    }


def evaluate(tree: str, rel: str, result: ModuleResult, first: dict[str, Any], original: bytes,
             probes: str) -> None:
    """`tidy extract --evaluate` (imports the module to take values built by calls or names),
    compared like a fix, then `tidy extract --undo`."""
    done, _ = tidy("extract", "--evaluate", "--python", sys.executable, rel, cwd=tree)
    with open(os.path.join(tree, rel), "rb") as f:
        changed = f.read() != original
    if done.returncode != 0:
        result.evaluate = "refused-but-changed" if changed else "refused"
        result.evaluate_detail = (done.stderr.strip().splitlines() or ["?"])[-1][:300]
        return
    second = probe(tree, rel, os.path.join(probes, rel.replace("/", "__") + ".evaluated"),
                   list(first["names"]))
    result.evaluate, result.evaluate_detail, _, _ = compare(first, second)
    tidy("extract", "--undo", rel, cwd=tree)
    with open(os.path.join(tree, rel), "rb") as f:
        same = f.read() == original
    status = run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tree).stdout
    result.evaluate_undo = "identical" if same and not status.strip() else "differs"


# -- results -----------------------------------------------------------------------------------
def render(results: list[dict[str, Any]], command: str) -> str:
    mods = [m for r in results for m in r["modules"]]
    flagged = [m for m in mods if m["flagged"]]
    done = [m for m in mods if m["fix"] == "done"]
    exact = [m for m in done if m["outcome"] == "exact"]
    identical = [m for m in done if m["undo"] == "identical"]
    labelled = [m for m in mods if m["labelled"]]
    scan_bytes = sum(r["tree_bytes"] for r in results)
    scan_s = sum(r["scan_s"] for r in results)
    detect_s = max(0.0, sum(r["scan_s"] - r["walk_s"] for r in results))
    candidate_bytes = sum(r["candidate_bytes"] for r in results)
    lines = [
        f"## {SECTION}", "",
        f"Command: `{command}` (Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}).",
        "Each package's wheel is committed as a git repo; `tidy scan` then `tidy fix --yes "
        "--unsafe-fixes --select TDY301` at the package's data floor; every flagged or "
        "labelled module is imported in a fresh interpreter before and after "
        "(bench/corpus/probe.py: every module-level name, type-exact, order included, shared "
        "mutable objects as references); `tidy undo RUN`; `git status` must be clean.", "",
        f"- modules checked: {len(mods)} ({len(labelled)} labelled data), flagged by tidy: "
        f"{len(flagged)}, labelled data not flagged: "
        f"{len([m for m in labelled if not m['flagged']])}",
        f"- extracted by `tidy fix`: {len(done)}; exact after import: {len(exact)}; "
        f"different or broken: {len([m for m in done if m['outcome'] in ('different', 'broken')])}"
        f"; undo byte-identical: {len(identical)} of {len(done)}",
        f"- refused (left byte-identical, with a reason): "
        f"{len([m for m in mods if m['outcome'] == 'refused'])}; refused but changed: "
        f"{len([m for m in mods if m['outcome'] == 'refused-but-changed'])}",
        f"- scan (TDY301+TDY302, no cache, process start included; fastest of {SCAN_RUNS}): "
        f"{scan_bytes / 1e6:.1f} MB in {scan_s:.2f} s = "
        f"{scan_bytes / 1e6 / max(scan_s, 1e-9):.1f} MB/s of tree; detection (that scan minus "
        f"a `--select TDY1` scan of the same walk) {detect_s:.2f} s for "
        f"{candidate_bytes / 1e6:.1f} MB of .py modules at or over the floors"
        + (f" = {candidate_bytes / 1e6 / detect_s:.0f} MB/s" if detect_s > 0.05 else
           " (within the noise of two process starts)"), "",
        "| package | floor | tree MB | scan s | walk-only s | .py >= floor MB | flagged "
        "| extracted | exact | undo identical | refused | missed? |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        ms = r["modules"]
        d = [m for m in ms if m["fix"] == "done"]
        lines.append(
            f"| {r['package']} {r['version']} | {r['floor']} | {r['tree_bytes'] / 1e6:.1f} | "
            f"{r['scan_s']:.2f} | {r['walk_s']:.2f} | {r['candidate_bytes'] / 1e6:.2f} | "
            f"{len([m for m in ms if m['flagged']])} | {len(d)} | "
            f"{len([m for m in d if m['outcome'] == 'exact'])} | "
            f"{len([m for m in d if m['undo'] == 'identical'])} | "
            f"{len([m for m in ms if m['outcome'] == 'refused'])} | {len(r['missed'])} |")
    lines += ["", "| module | kB | flagged | fix | after import | names (lazy) | undo | reason |",
              "| --- | ---: | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        for m in r["modules"]:
            reason = (m["detail"] if m["outcome"] != "refused" else m["reason"]).replace("|", "/")
            lines.append(
                f"| {m['rel']} | {m['bytes'] / 1000:.0f} | {'yes' if m['flagged'] else 'no'} | "
                f"{m['fix']} | {m['outcome']} | {m['names']} ({m['lazy']}) | {m['undo']} | "
                f"{reason[:160]} |")
    tried = [m for r in results for m in r["modules"] if m["evaluate"]]
    if tried:
        lines += ["", "What `tidy fix` refused for values built by calls or names, tried with "
                  "`tidy extract --evaluate --python <bench python>` (compared the same way), "
                  "then `tidy extract --undo`:", "",
                  "| module | --evaluate | undo | detail |", "| --- | --- | --- | --- |"]
        lines += [f"| {m['rel']} | {m['evaluate']} | {m['evaluate_undo'] or '-'} | "
                  f"{m['evaluate_detail'].replace('|', '/')[:200]} |" for m in tried]
    missed = [(r["package"], x) for r in results for x in r["missed"]]
    if missed:
        lines += ["", "Not flagged although top-level literals hold at least half of the bytes "
                  "(an ast count, independent of tidy):", ""]
        lines += [f"- {p}: {x['module']} ({x['bytes'] / 1000:.0f} kB, {x['literal']:.0%} literal)"
                  for p, x in missed]
    return "\n".join(lines) + "\n"


def write_section(text: str, section: str = SECTION) -> None:
    """Replace the section `## section` of bench/RESULTS.md with `text` (appended if new)."""
    with open(harness.RESULTS_MD, encoding="utf-8") as f:
        current = f.read()
    head = f"## {section}"
    if head in current:
        before, _, rest = current.partition(head)
        after = rest.split("\n## ", 1)
        tail = "\n## " + after[1] if len(after) > 1 else ""
        current = before.rstrip("\n") + "\n\n" + text + tail
    else:
        current = current.rstrip("\n") + "\n\n" + text
    with open(harness.RESULTS_MD, "w", encoding="utf-8") as f:
        f.write(current)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated package names")
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    harness.isolate_state()
    work = os.path.join(harness.bench_dir(), "dic-corpus")
    dl = os.path.join(work, "dl")
    os.makedirs(dl, exist_ok=True)
    chosen = [p for p in PACKAGES if not args.only or p.name in args.only.split(",")]
    started = time.perf_counter()
    results = [measure(p, work, dl) for p in chosen]
    say(f"done in {time.perf_counter() - started:.0f} s")
    with open(os.path.join(work, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    command = "python bench/dic_corpus.py" + (f" --only {args.only}" if args.only else "") + \
        " --write-results"
    text = render(results, command)
    print(text)
    if args.write_results:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
