#!/usr/bin/env python3
"""Data in code audited on real packages: scan, extract in an installed venv, compare, undo.

usage: bench/dic_audit.py [--manifest TOML] [--only NAME,...] [--work DIR] [--write-results]
       bench/dic_audit.py --summary BEFORE.json AFTER.json

For each package of PACKAGES (pinned; downloaded with `pip download --no-deps`, an sdist unless
the package needs a compiler, then its wheel), in $TIDY_BENCH_DIR/dic-audit (default
/tmp/tidy-bench/dic-audit):
1. the sdist (or wheel) is unpacked into a fresh folder and committed as a git repo;
2. a venv of its own: the package installed *from that tree* (`pip install TREE`; a wheel's
   tree is put on sys.path by a .pth instead), its dependencies from PyPI, pytest when the
   package's own tests are run;
3. `tidy scan --format json --no-cache --select TDY301,TDY302` at tidy's defaults (fastest of
   3, beside a `--select TDY1` scan of the same walk): what is reported, and every module of
   64 kB or more judged independently (an ast count of the bytes held by top-level literals)
   so that clearly-data modules not reported (missed?) and code modules reported show;
4. every reported module, in the installed venv: fingerprinted (bench/corpus/probe.py: every
   module-level name type-exactly, order, sets, shared objects), import time (module alone,
   parents imported first: cold = its .pyc removed, warm = .pyc present; fastest of 5);
5. `tidy extract MODULE --verify-import --python VENV` (again with `--evaluate` when the
   refusal asks for it), then the package reinstalled from the changed tree (so the data file
   must ship in the build), every module probed and timed again, the package's tests run again;
6. undo, per module: the stub edited -> `tidy extract --undo` must refuse and keep the edit;
   the data file edited -> the same; both restored -> `--undo` byte-identical (`git status`
   clean); then `--undo --force` after an edit must keep the edited stub beside;
7. `tidy fix --unsafe-fixes --select TDY301,TDY302`, one stub edited, `tidy undo RUN` must not
   lose the edit; the edit taken back, `tidy undo RUN` again: the tree clean.

tidy runs as `sys.executable -m tidy` with HOME and TIDY_STATE_DIR inside the work folder
(refused otherwise). Results: WORK/results.json; --write-results writes the section
SECTION of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from dataclasses import asdict, dataclass, field
from typing import Any

import _harness as harness
from dic_corpus import compare, literal_fraction, write_section

sys.path.insert(0, harness.REPO)
from tidy.analysis.data_in_code import judge_python

PROBE = os.path.join(harness.BENCH, "corpus", "probe.py")
SECTION = "Data-in-code audit on real packages (session-2026-12-05g)"
SECTION_OF_MANIFEST = "Data in code: new packages, every module"
FLOOR = 64_000
MISSED_FRACTION = 0.5
SCAN_RUNS = 3
TIME_RUNS = 3
TIMED = 3  # import times of the largest reported modules of each package
TEST_TIMEOUT = 600


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    kind: str  # "sdist" or "wheel" (a wheel when the sdist needs a compiler)
    why: str
    tests: tuple[str, ...] = ()  # pytest arguments, paths inside the tree
    deps: tuple[str, ...] = ()  # extra requirements for the tests
    expect: str = "data"  # "data": a data module is expected; "code": nothing should be
    # (file, text, replacement): what tidy's refusal asks for (package data declared in a
    # setup.py it does not edit), committed before anything runs
    declare: tuple[str, str, str] | None = None
    # (module path, label) judged by reading it (a --manifest's [[package.module]]): "data",
    # "code" or "small-data" (data under the 64 kB floor)
    labels: tuple[tuple[str, str], ...] = ()


PACKAGES = (
    Package("babel", "2.19.0", "sdist", "CLDR data is pickled .dat files: the Python is code",
            expect="code"),
    Package("pytz", "2026.6", "sdist", "zone lists in __init__, zone files binary",
            expect="code"),
    Package("tzdata", "2026.6", "sdist", "zoneinfo binary files, tiny Python", expect="code"),
    Package("emoji", "2.16.0", "sdist", "EMOJI_DATA moved to unicode_codes/*.json in 2.x: "
            "the Python left is code", tests=("tests",), expect="code"),
    Package("idna", "3.21", "sdist", "idnadata: dicts of int tuples; uts46data: functions "
            "returning lists of tuples", tests=("tests",), deps=("hypothesis",)),
    Package("pygments", "2.21.0", "sdist", "lexers/_mapping.py, _*_builtins.py (tuples, sets, "
            "dicts, __main__ regenerators)",
            tests=("tests/test_basic_api.py", "tests/test_cmdline.py", "tests/test_util.py")),
    Package("faker", "40.63.0", "sdist", "providers: lists and OrderedDicts as class attributes"
            " (setup.py: package_data declared for *.json.gz as tidy's refusal asks)",
            tests=("tests/providers/test_address.py", "tests/providers/test_person.py"),
            declare=("setup.py", '"faker": ["py.typed", "proxy.pyi"]',
                     '"faker": ["py.typed", "proxy.pyi", "*.json.gz", "**/*.json.gz"]')),
    Package("pycountry", "26.2.16", "sdist", "ISO databases are JSON files: nothing in Python",
            expect="code"),
    Package("matplotlib", "3.11.2", "wheel", "_cm.py (dicts of tuples, functions), "
            "_cm_listed.py (lists of rgb lists), _color_data.py"),
    Package("fonttools", "4.68.0", "sdist", "agl.py (a big string parsed at import), "
            "unicodedata tables, otData", tests=("Tests/agl_test.py", "Tests/unicodedata_test.py")),
    Package("ua-parser-builtins", "202610", "wheel", "regexes as Matcher(...) objects"),
    Package("chardet", "7.7.0", "sdist", "7.x: models in binary files, 5.x's Python tables "
            "gone", expect="code"),
    Package("rich", "15.0.0", "sdist", "_emoji_codes.py (str dict), _spinners, _cell_widths "
            "(poetry build)"),
    Package("jedi", "0.20.1", "sdist", "code-heavy; typeshed stubs", expect="code"),
    Package("certifi", "2026.10.18", "sdist", "cacert.pem beside tiny code", expect="code"),
    Package("Unidecode", "1.4.0", "sdist", "x0NN.py str tuples, each under 64 kB",
            tests=("tests/test_unidecode.py",)),
    Package("text-unidecode", "1.3", "sdist", "data.bin beside code", expect="code"),
    Package("wcwidth", "0.9.4", "sdist", "tables of (int, int) tuples", tests=("tests",)),
    Package("webcolors", "25.10.0", "sdist", "name/hex dicts (pdm build)", tests=("tests",)),
    Package("pymdown-extensions", "13.1.2", "sdist", "emoji databases (hatchling build)",
            tests=("tests/test_extensions/test_emoji.py",)),
    Package("docutils", "0.23.1", "sdist", "math tables, language dicts (flit build)",
            expect="code"),
    Package("pycparser", "3.12", "sdist", "code-heavy parser, tables derived", expect="code"),
    Package("art", "6.5", "sdist", "ASCII-art fonts: big dicts of str"),
    Package("django", "5.2.19", "sdist", "code-heavy; locale format modules", expect="code"),
    Package("numpy", "2.4.6", "wheel", "big modules of mostly code", expect="code"),
    Package("sympy", "1.14.0", "wheel", "big modules of mostly code", expect="code"),
    Package("plotly", "7.1.0", "wheel", "validators and templates as JSON", expect="code"),
    Package("phonenumbers", "9.0.43", "sdist", "metadata modules built from PhoneMetadata(...) "
            "calls, geodata/carrier dicts", tests=("tests/phonenumberutiltest.py",)),
)


def load_manifest(path: str) -> tuple[Package, ...]:
    """The packages of a manifest such as bench/corpus/wild.toml."""
    with open(path, "rb") as f:
        body = tomllib.load(f)
    packages = []
    for entry in body.get("package", []):
        declare = entry.get("declare")
        packages.append(Package(
            entry["name"], entry["version"], entry.get("dist", "sdist"), entry.get("why", ""),
            tests=tuple(entry.get("tests", ())), deps=tuple(entry.get("deps", ())),
            expect=entry.get("expect", "data"),
            declare=tuple(declare) if declare else None,  # type: ignore[arg-type]
            labels=tuple((m["path"], m["label"]) for m in entry.get("module", ()))))
    return tuple(packages)


def scored(labels: tuple[tuple[str, str], ...], found: dict[str, str]) -> dict[str, list[str]]:
    """The scan against the labels: data reported (hit), data not reported (missed), code
    reported (false), small data reported or not, reported but not labelled."""
    out: dict[str, list[str]] = {"hit": [], "missed": [], "false": [], "small_reported": [],
                                 "small_left": [], "unlabelled": []}
    labelled = dict(labels)
    for rel, label in labels:
        if label == "data":
            out["hit" if rel in found else "missed"].append(rel)
        elif label == "code" and rel in found:
            out["false"].append(rel)
        elif label == "small-data":
            out["small_reported" if rel in found else "small_left"].append(rel)
    out["unlabelled"] = sorted(rel for rel in found if rel not in labelled)
    return out


def rg_seconds(tree: str) -> float:
    """`rg -c x` over the tree's .py files, fastest of SCAN_RUNS (a reader of every byte)."""
    best = float("inf")
    for _ in range(SCAN_RUNS):
        started = time.perf_counter()
        run(["rg", "-c", "x", "-g", "*.py", "."], cwd=tree)
        best = min(best, time.perf_counter() - started)
    return best


@dataclass
class ModuleResult:
    rel: str
    code: str
    size: int
    lines: int
    mode: str = ""  # plain / evaluate / refused
    reason: str = ""
    outcome: str = ""  # exact / different / broken / not importable
    detail: str = ""
    names: int = 0
    stub_size: int = 0
    stub_lines: int = 0
    data_size: int = 0
    shipped: str = ""  # yes / no / n/a (the data file in the installed package)
    import_ms: dict[str, float] = field(default_factory=dict)
    undo_edit_stub: str = ""  # refused-kept / LOST / restored?
    undo_edit_data: str = ""
    undo: str = ""  # identical / differs
    force_keeps: str = ""


def say(message: str) -> None:
    print(f"dic-audit: {message}", file=sys.stderr, flush=True)


def run(argv: list[str], cwd: str | None = None, timeout: float = 900,
        **kw: Any) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False,
                              timeout=timeout, stdin=subprocess.DEVNULL, **kw)
    except subprocess.TimeoutExpired as error:
        return subprocess.CompletedProcess(argv, 124, "", f"timed out after {error.timeout} s")


class Env:
    """Where the audit writes: every tidy run gets HOME and TIDY_STATE_DIR inside it."""

    def __init__(self, work: str) -> None:
        self.work = os.path.abspath(work)
        self.dl = os.path.join(self.work, "dl")
        self.home = os.path.join(self.work, "home")
        self.state = os.path.join(self.work, "state")
        for folder in (self.dl, self.home, self.state):
            os.makedirs(folder, exist_ok=True)
        self.tidy_env = {**os.environ, "HOME": self.home, "TIDY_STATE_DIR": self.state,
                         "XDG_STATE_HOME": os.path.join(self.home, ".local", "state"),
                         "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
                         "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
                         "PIP_CACHE_DIR": os.path.join(self.work, "pipcache")}
        for key in ("HOME", "TIDY_STATE_DIR"):
            if not self.tidy_env[key].startswith(self.work + os.sep):
                raise SystemExit(f"dic-audit: {key} must be inside {self.work}")

    def tidy(self, *args: str, cwd: str,
             venv: str = "") -> tuple[subprocess.CompletedProcess[str], float]:
        """`venv`: the package's venv, as VIRTUAL_ENV (an activated venv: what `tidy fix`,
        which takes no --python, imports the project with)."""
        started = time.perf_counter()
        env = {**self.tidy_env, "VIRTUAL_ENV": venv} if venv else self.tidy_env
        done = run([sys.executable, "-m", "tidy", *args], cwd=cwd, env=env)
        return done, time.perf_counter() - started

    def pip(self, *args: str, python: str = sys.executable) -> subprocess.CompletedProcess[str]:
        return run([python, "-m", "pip", "-q", "--disable-pip-version-check", *args],
                   env=self.tidy_env)


# -- trees and venvs ---------------------------------------------------------------------------
def download(package: Package, env: Env, tries: int = 2) -> str:
    stem = _normal(package.name)
    for path in glob.glob(os.path.join(env.dl, "*")):
        base = _normal(os.path.basename(path))
        if base.startswith(f"{stem}_{_normal(package.version)}_") and (
                path.endswith(".whl") == (package.kind == "wheel")):
            return path
    if tries == 0:  # pip wrote a file of another name than the one looked for
        raise RuntimeError(f"pip download {package.name}: no archive named {stem}_... in "
                           f"{env.dl}")
    binary = ["--only-binary", ":all:"] if package.kind == "wheel" else ["--no-binary", ":all:"]
    done = env.pip("download", "--no-deps", *binary, f"{package.name}=={package.version}",
                   "-d", env.dl)
    if done.returncode != 0:
        raise RuntimeError(f"pip download {package.name}: {done.stderr.strip()[-300:]}")
    return download(package, env, tries - 1)


def _normal(name: str) -> str:
    """A distribution's file name as PEP 625 spells it: `calmjs.parse` is calmjs_parse-..."""
    return re.sub(r"[-_.]+", "_", name).lower()


def git(tree: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
           "GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z"}
    return run(["git", *args], cwd=tree, env=env)


def build_tree(package: Package, env: Env) -> str:
    archive = download(package, env)
    tree = os.path.join(env.work, "tree", package.name)
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(tree)
    if archive.endswith(".whl"):
        with zipfile.ZipFile(archive) as wheel:
            wheel.extractall(tree)
    else:
        with tarfile.open(archive) as sdist:
            sdist.extractall(os.path.dirname(tree) + "/.unpack", filter="data")
        top = glob.glob(os.path.dirname(tree) + "/.unpack/*")[0]
        shutil.rmtree(tree)
        os.rename(top, tree)
        shutil.rmtree(os.path.dirname(tree) + "/.unpack")
    for argv in (["init", "-q"], ["add", "-A", "-f"], ["commit", "-q", "-m", "unpacked"]):
        done = git(tree, *argv)
        if done.returncode != 0:
            raise RuntimeError(f"git {argv[0]} in {tree}: {done.stderr.strip()}")
    return tree


def make_venv(package: Package, tree: str, env: Env) -> tuple[str, str]:
    """(the venv's python, the folder its imports of the package come from)."""
    venv = os.path.join(env.work, "venv", package.name)
    shutil.rmtree(venv, ignore_errors=True)
    done = run([sys.executable, "-m", "venv", venv])
    if done.returncode != 0:
        raise RuntimeError(f"venv: {done.stderr.strip()[-300:]}")
    python = os.path.join(venv, "bin", "python")
    extra = ["pytest", *package.deps] if package.tests else []
    if package.kind == "wheel":
        archive = download(package, env)
        done = env.pip("install", archive, *extra, python=python)
        if done.returncode == 0:
            done = env.pip("uninstall", "-y", package.name, python=python)
        site = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
        with open(os.path.join(site.stdout.strip(), "dic_audit_tree.pth"), "w") as f:
            f.write(tree + "\n")
        root = tree
    else:
        done = env.pip("install", built_copy(tree, env), *extra, python=python)
        root = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
                   ).stdout.strip()
    if done.returncode != 0:
        raise RuntimeError(f"pip install: {done.stderr.strip()[-500:]}")
    return python, root


def built_copy(tree: str, env: Env) -> str:
    """A copy of the tree without .git to install from: setuptools writes build/ and
    *.egg-info into the folder it builds, which would leave the tree unclean."""
    copy = os.path.join(env.work, "install-copy", os.path.basename(tree))
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(tree, copy, ignore=shutil.ignore_patterns(".git"), symlinks=True)
    return copy


def reinstall(package: Package, tree: str, python: str, env: Env) -> str:
    if package.kind == "wheel":
        return ""
    done = env.pip("install", "--no-deps", "--force-reinstall", "--no-cache-dir",
                   built_copy(tree, env), python=python)
    return "" if done.returncode == 0 else done.stderr.strip()[-300:]


def import_parts(tree: str, rel: str) -> tuple[str, str]:
    """(dotted name, path below the import root) of a module file of the tree."""
    folder = os.path.dirname(os.path.join(tree, rel))
    parts: list[str] = []
    while os.path.isfile(os.path.join(folder, "__init__.py")) and folder != tree:
        parts.insert(0, os.path.basename(folder))
        folder = os.path.dirname(folder)
    # a PEP 420 namespace package above (calmjs.parse's src/calmjs/ has no __init__.py): up
    # to the src/ or lib/ folder that is the import root
    above, names = folder, []
    while above != tree and os.path.basename(above) not in ("src", "lib"):
        names.insert(0, os.path.basename(above))
        above = os.path.dirname(above)
    if parts and above != tree:
        parts, folder = [*names, *parts], above
    stem = os.path.splitext(os.path.basename(rel))[0]
    dotted = ".".join(parts if stem == "__init__" else [*parts, stem])
    return dotted, os.path.relpath(os.path.join(tree, rel), folder)


# -- measuring ---------------------------------------------------------------------------------
def venv_env(env: Env, package: Package) -> dict[str, str]:
    clean = {k: v for k, v in env.tidy_env.items() if not k.startswith("PYTHON")}
    clean["PYTHONHASHSEED"] = "0"
    clean["PYTHONPYCACHEPREFIX"] = os.path.join(env.work, "pycache", package.name)
    return clean


def probe(python: str, root: str, dotted: str, out: str, env: dict[str, str],
          names: list[str] | None = None) -> dict[str, Any]:
    argv = [python, "-s", "-P", PROBE, root, dotted, out]
    if names is not None:
        with open(out + ".names", "w", encoding="utf-8") as f:
            json.dump(names, f)
        argv += ["--names", out + ".names"]
    done = run(argv, cwd=os.path.dirname(out), env=env, timeout=600)
    if done.returncode != 0 or not os.path.exists(out):
        return {"error": f"probe failed: {done.stderr.strip()[-300:]}"}
    with open(out, encoding="utf-8") as f:
        result: dict[str, Any] = json.load(f)
    return result


_TIMER = """
import importlib, importlib.util, os, sys, time
dotted, origin, cold = sys.argv[1], sys.argv[2], sys.argv[3] == "cold"
if cold:
    sys.dont_write_bytecode = True
    try:
        os.unlink(importlib.util.cache_from_source(origin))
    except OSError:
        pass
started = time.perf_counter()
module = importlib.import_module(dotted)
imported = time.perf_counter() - started
for name in dir(module):
    getattr(module, name)
print(imported, time.perf_counter() - started)
"""


def import_times(python: str, dotted: str, origin: str, env: dict[str, str]) -> dict[str, float]:
    """Milliseconds, fastest of TIME_RUNS, of importing the module with its package (a module
    the package's __init__ imports is never imported alone): cold = the module's own .pyc
    removed first, warm = every .pyc there; "+all" = then reading every name."""
    out: dict[str, float] = {}
    run([python, "-c", _TIMER, dotted, origin, "warm"], env=env, cwd="/")  # writes the .pyc
    for mode in ("cold", "warm"):
        best = (float("inf"), float("inf"))
        for _ in range(TIME_RUNS):
            done = run([python, "-c", _TIMER, dotted, origin, mode], env=env, cwd="/")
            if done.returncode != 0:
                return {"error": -1.0}
            parts = done.stdout.split()
            best = min(best, (float(parts[0]), float(parts[1])))
        out[mode] = round(best[0] * 1000, 1)
        out[mode + "+all"] = round(best[1] * 1000, 1)
        if mode == "cold":
            run([python, "-c", _TIMER, dotted, origin, "warm"], env=env, cwd="/")
    return out


def reported(report: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for group in report.get("groups", []):
        for finding in group.get("findings", []):
            if finding.get("code") in ("TDY301", "TDY302"):
                found.setdefault(finding["path"], finding["code"])
    return found


def best_scan(env: Env, tree: str, select: str) -> tuple[subprocess.CompletedProcess[str],
                                                         float]:
    runs = [env.tidy("scan", "--format", "json", "--no-cache", "--select", select, ".",
                     cwd=tree) for _ in range(SCAN_RUNS)]
    return min(runs, key=lambda one: one[1])


def python_modules(tree: str) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for folder, dirs, files in os.walk(tree):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                sizes[os.path.relpath(path, tree)] = os.path.getsize(path)
    return sizes


def judge_figures(tree: str) -> dict[str, Any]:
    """tidy's data-in-code judgement alone, from bytes in memory (CPU time, best of 2): its
    MB/s over the tree's .py modules of 64 kB or more and over all of them, and its share
    of literal bytes for each module of 64 kB or more."""
    big_s = all_s = 0.0
    shares: dict[str, float] = {}
    for rel, size in python_modules(tree).items():
        data = read(os.path.join(tree, rel))
        best = float("inf")
        for _ in range(2):
            started = time.process_time()
            verdict = judge_python(data)
            best = min(best, time.process_time() - started)
        all_s += best
        if size >= FLOOR:
            big_s += best
            shares[rel] = round(verdict.literal_fraction, 3)
    return {"judge_big_s": round(big_s, 4), "judge_all_s": round(all_s, 4),
            "tidy_share": shares}


def read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def write(path: str, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)


def status(tree: str) -> list[str]:
    return git(tree, "status", "--porcelain", "--untracked-files=all").stdout.splitlines()


def last_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in (done.stderr + done.stdout).strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else f"exit {done.returncode}"


# -- one package -------------------------------------------------------------------------------
def run_tests(package: Package, tree: str, python: str, env: dict[str, str]) -> str:
    if not package.tests:
        return ""
    pytest = os.path.join(os.path.dirname(python), "pytest")
    # `-o addopts=`: a package's own options may need plugins (wcwidth's --cov)
    done = run([pytest, "-q", "-p", "no:cacheprovider", "-o", "addopts=", *package.tests],
               cwd=tree, env=env, timeout=TEST_TIMEOUT)
    tail = [line for line in done.stdout.strip().splitlines() if line.strip()]
    return (tail[-1] if tail else last_line(done)).strip("= ")[:120]


def extract(env: Env, tree: str, rel: str, python: str) -> tuple[str, str]:
    done, _ = env.tidy("extract", rel, "--verify-import", "--python", python, cwd=tree)
    if done.returncode == 0:
        return "plain", ""
    reason = last_line(done)
    if "--evaluate" not in reason:
        return "refused", reason
    done, _ = env.tidy("extract", rel, "--evaluate", "--verify-import", "--python", python,
                       cwd=tree)
    return ("evaluate", "") if done.returncode == 0 else ("refused", last_line(done))


def new_files(tree: str, before: set[str]) -> list[str]:
    return [line[3:] for line in status(tree) if line.startswith("??")
            and line[3:] not in before]


def undo_checks(env: Env, tree: str, result: ModuleResult, original: bytes,
                data_rel: str, edits: bool) -> None:
    path = os.path.join(tree, result.rel)
    stub = read(path)
    data_path = os.path.join(tree, data_rel) if data_rel else ""
    data = read(data_path) if data_path else b""
    if not edits:
        result.undo_edit_stub = result.undo_edit_data = "not tried"
        data_path = ""
    # 1. the stub edited by the user: undo must refuse and keep it
    if edits:
        edit_stub(env, tree, result, path, stub)
    # 2. the data file edited: the same
    if data_path and os.path.exists(data_path):
        edit_data(env, tree, result, data_path, data)
    # 3. as left: byte-identical
    if read(path) != stub:
        result.undo = "not tried (module not as tidy left it)"
        return
    done, _ = env.tidy("extract", "--undo", result.rel, cwd=tree)
    same = os.path.exists(path) and read(path) == original
    # the other modules may still be extracted: only this one's paths count here (the
    # whole tree is checked once every module is undone: `left`)
    stem = os.path.splitext(result.rel)[0]
    mine = [line for line in status(tree) if line[3:] == result.rel
            or line[3:].startswith(stem + ".") or ".tidy-" in line]
    result.undo = ("identical" if done.returncode == 0 and same and not mine else
                   f"differs (exit {done.returncode}: {last_line(done)[:120]}; "
                   f"{' '.join(mine)[:120]})")


def edit_stub(env: Env, tree: str, result: ModuleResult, path: str, stub: bytes) -> None:
    write(path, stub + b"\n# an edit by the user\n")
    done, _ = env.tidy("extract", "--undo", result.rel, cwd=tree)
    kept = read(path).endswith(b"# an edit by the user\n")
    result.undo_edit_stub = ("refused, kept" if done.returncode != 0 and kept else
                             f"LOST (exit {done.returncode})" if not kept else
                             "undone, edit kept beside?")
    if kept:
        write(path, stub)


def edit_data(env: Env, tree: str, result: ModuleResult, data_path: str, data: bytes) -> None:
    if data_path.endswith(".gz"):
        text = gzip.decompress(data)
        edited = gzip.compress(text.rstrip() + b" ", mtime=0)
    else:
        edited = data.rstrip() + b" \n"
    write(data_path, edited)
    done, _ = env.tidy("extract", "--undo", result.rel, cwd=tree)
    still = os.path.exists(data_path) and read(data_path) == edited
    result.undo_edit_data = ("refused, kept" if done.returncode != 0 and still else
                             f"LOST (exit {done.returncode})" if not still else
                             "undone, edit kept")
    if still:
        write(data_path, data)


def force_check(env: Env, tree: str, result: ModuleResult, python: str, mode: str) -> None:
    """Extract again, edit the stub, `--undo --force`: the original back, the edit kept beside."""
    args = ["--evaluate"] if mode == "evaluate" else []
    done, _ = env.tidy("extract", result.rel, *args, "--python", python, cwd=tree)
    if done.returncode != 0:
        result.force_keeps = f"re-extract failed: {last_line(done)[:100]}"
        return
    path = os.path.join(tree, result.rel)
    edited = read(path) + b"\n# an edit by the user\n"
    write(path, edited)
    done, _ = env.tidy("extract", "--undo", "--force", result.rel, cwd=tree)
    left = [line[3:] for line in status(tree) if line.startswith("??")]
    kept = [rel for rel in left if read(os.path.join(tree, rel)) == edited]
    result.force_keeps = "kept beside" if done.returncode == 0 and kept else \
        f"NOT KEPT (exit {done.returncode}: {last_line(done)[:100]})"
    for rel in left:  # the user's clean-up of what --force kept
        os.unlink(os.path.join(tree, rel))


def fix_then_undo(env: Env, tree: str, folder: str, venv: str) -> str:
    """tidy fix (of the folder of the smallest reported module, the package's venv
    activated), a stub edited, tidy undo must keep the edit; the edit taken back, tidy undo
    again: the tree clean."""
    done, _ = env.tidy("fix", "--yes", "--unsafe-fixes", "--select", "TDY301,TDY302",
                       "--format", "json", "--no-cache", "--skip-recent", "0s", folder,
                       cwd=tree, venv=venv)
    try:
        fixed = json.loads(done.stdout)
    except ValueError:
        return f"fix failed (exit {done.returncode}): {last_line(done)[:150]}"
    outcomes = fixed.get("result", {}).get("outcomes", [])
    extracted = [o for o in outcomes if o.get("status") == "done"]
    run_id = str(fixed.get("run", ""))
    if not extracted or not run_id:
        why = next((o.get("reason", "") for o in outcomes if o.get("reason")), "")
        return f"fix extracted 0 of {len(outcomes)}" + (f" ({why[-160:]})" if why else "")
    path = extracted[0]["path"]
    stub = read(path)
    write(path, stub + b"\n# an edit by the user\n")
    undone, _ = env.tidy("undo", "--yes", run_id, cwd=tree)
    kept = read(path).endswith(b"# an edit by the user\n") if os.path.exists(path) else False
    verdict = "edit kept" if kept else f"EDIT LOST (exit {undone.returncode})"
    if kept:
        write(path, stub)
    undone, _ = env.tidy("undo", "--yes", run_id, cwd=tree)
    left = status(tree)
    return (f"fix {len(extracted)}, {verdict}, undo "
            + ("clean" if not left else f"LEFT {' '.join(left)[:150]} (exit {undone.returncode}:"
               f" {last_line(undone)[:120]})"))


def measure(package: Package, env: Env) -> dict[str, Any]:
    say(f"{package.name} {package.version} ({package.kind})")
    out: dict[str, Any] = {"package": package.name, "version": package.version,
                           "kind": package.kind, "why": package.why, "expect": package.expect}
    tree = build_tree(package, env)
    if package.declare:
        name, text, replacement = package.declare
        path = os.path.join(tree, name)
        before = read(path).decode("utf-8")
        if text not in before:
            raise RuntimeError(f"{name}: {text!r} not found to declare the package data")
        write(path, before.replace(text, replacement, 1).encode("utf-8"))
        git(tree, "commit", "-q", "-am", "declare the data files as package data")
        out["declared"] = f"{name}: {replacement}"
    python, root = make_venv(package, tree, env)
    venv = venv_env(env, package)
    scan, scan_s = best_scan(env, tree, "TDY301,TDY302")
    _, walk_s = best_scan(env, tree, "TDY1")
    if scan.returncode not in (0, 1):
        raise RuntimeError(f"tidy scan: {last_line(scan)}")
    found = reported(json.loads(scan.stdout))
    sizes = python_modules(tree)
    big = {rel: size for rel, size in sizes.items() if size >= FLOOR}
    judged = {rel: round(literal_fraction(os.path.join(tree, rel)), 3) for rel in big}
    out.update(scan_s=round(scan_s, 3), walk_s=round(walk_s, 3),
               rg_s=round(rg_seconds(tree), 3), score=scored(package.labels, found),
               py_bytes=sum(sizes.values()), big_bytes=sum(big.values()),
               missed=[{"module": rel, "bytes": big[rel], "literal": share}
                       for rel, share in judged.items()
                       if share >= MISSED_FRACTION and rel not in found],
               reported_code=[{"module": rel, "literal": judged.get(rel, 0.0)}
                              for rel in found if judged.get(rel, 1.0) < 0.2])
    out.update(judge_figures(tree))
    out["tests_before"] = run_tests(package, tree, python, venv)
    probes = os.path.join(env.work, "probes", package.name)
    shutil.rmtree(probes, ignore_errors=True)
    os.makedirs(probes)
    results: list[ModuleResult] = []
    befores: dict[str, dict[str, Any]] = {}
    originals: dict[str, bytes] = {}
    data_files: dict[str, str] = {}
    timed = sorted(found, key=lambda rel: -sizes.get(rel, 0))[:TIMED]
    for rel, code in sorted(found.items()):
        data = read(os.path.join(tree, rel))
        result = ModuleResult(rel, code, len(data), data.count(b"\n"))
        results.append(result)
        originals[rel] = data
        dotted, _ = import_parts(tree, rel)
        befores[rel] = probe(python, root, dotted, os.path.join(probes, f"{dotted}.before"), venv)
        if "error" in befores[rel]:
            result.outcome, result.detail = "not importable", befores[rel]["error"][:200]
        if rel in timed and "file" in befores[rel]:
            result.import_ms = {f"{k} before": v for k, v in
                                import_times(python, dotted, befores[rel]["file"], venv).items()}
        untracked = {line[3:] for line in status(tree) if line.startswith("??")}
        result.mode, result.reason = extract(env, tree, rel, python)
        if result.mode != "refused":
            added = new_files(tree, untracked)
            data_files[rel] = added[0] if added else ""
            stub = read(os.path.join(tree, rel))
            result.stub_size, result.stub_lines = len(stub), stub.count(b"\n")
            result.data_size = os.path.getsize(os.path.join(tree, data_files[rel])) \
                if data_files[rel] else 0
        elif read(os.path.join(tree, rel)) != data:
            result.reason = "REFUSED BUT CHANGED: " + result.reason
    out["reinstall"] = reinstall(package, tree, python, env) if any(
        r.mode != "refused" for r in results) else ""
    for result in results:
        if result.mode == "refused" or result.outcome == "not importable":
            continue
        if out["reinstall"]:
            result.outcome, result.detail = "broken", "pip install of the tree failed: " + \
                out["reinstall"][-150:]
            continue
        dotted, below = import_parts(tree, result.rel)
        if package.kind == "sdist":
            data_below = os.path.join(os.path.dirname(below),
                                      os.path.basename(data_files[result.rel]))
            result.shipped = "yes" if os.path.exists(os.path.join(root, data_below)) else "NO"
        else:
            result.shipped = "n/a (tree on sys.path)"
        first = befores[result.rel]
        second = probe(python, root, dotted, os.path.join(probes, f"{dotted}.after"), venv,
                       list(first["names"]))
        result.outcome, result.detail, _, _ = compare(first, second)
        result.names = len(first["names"])
        if result.rel in timed and "file" in second:
            result.import_ms.update({f"{k} after": v for k, v in
                                     import_times(python, dotted, second["file"], venv).items()})
    out["tests_after"] = run_tests(package, tree, python, venv) if any(
        r.mode != "refused" for r in results) else ""
    # the edit checks on the smallest extracted module (each is a tidy run), plain undo on all
    extracted = sorted((r for r in results if r.mode != "refused"), key=lambda r: r.size)
    for result in extracted:
        undo_checks(env, tree, result, originals[result.rel], data_files[result.rel],
                    edits=result is extracted[0])
    if extracted and extracted[0].undo == "identical":
        force_check(env, tree, extracted[0], python, extracted[0].mode)
    if found:
        smallest = min(found, key=lambda rel: sizes.get(rel, 0))
        out["fix_undo"] = fix_then_undo(env, tree, os.path.dirname(smallest) or ".",
                                        os.path.dirname(os.path.dirname(python)))
    if package.kind == "sdist" and out["reinstall"] == "" and any(
            r.mode != "refused" for r in results):
        reinstall(package, tree, python, env)  # leave the venv as the tree is
    out["left"] = status(tree)
    out["modules"] = [asdict(r) for r in results]
    return out


# -- results -----------------------------------------------------------------------------------
def _kb(n: int) -> str:
    return f"{n / 1000:,.0f} kB" if n < 1_000_000 else f"{n / 1e6:,.2f} MB"


def _local(text: str) -> str:
    """A message without the audit's own folders (paths shown from the package's tree)."""
    return re.sub(r"/\S*?/(?:tree|venv|install-copy)/[^/\s]+/", "", text).replace("|", "/")


def _rate(size: int, seconds: float | None) -> str:
    if seconds is None:
        return "?"
    if size == 0:
        return "-"
    return f"{size / 1e6 / max(seconds, 1e-4):.0f} MB/s"


def render(results: list[dict[str, Any]], command: str, section: str = SECTION) -> str:
    mods = [m for r in results if "modules" in r for m in r["modules"]]
    done = [m for m in mods if m["mode"] != "refused"]
    tried = [m for m in done if m["undo_edit_stub"] not in ("", "not tried")]
    lines = [
        f"## {section}", "",
        f"Reproduce: `{command}` (downloads the pinned sdists/wheels, builds a git repo and a "
        "venv per package; Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} shared cores, load "
        f"{os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}).", "",
        f"- packages: {len(results)}; modules reported: {len(mods)}; extracted: {len(done)} "
        f"({len([m for m in done if m['mode'] == 'evaluate'])} with --evaluate); "
        f"import-equal: {len([m for m in done if m['outcome'] == 'exact'])}; refused: "
        f"{len(mods) - len(done)}",
        f"- undo byte-identical: {len([m for m in done if m['undo'] == 'identical'])} of "
        f"{len(done)}; undo after a stub edit refused and kept it: "
        f"{len([m for m in done if m['undo_edit_stub'] == 'refused, kept'])} of {len(tried)} "
        f"tried (the smallest module of each package); after a data file edit: "
        f"{len([m for m in done if m['undo_edit_data'] == 'refused, kept'])} of {len(tried)}",
        "",
        "| package | version | module | size | reported? | extracted ok? | import-equal? | "
        "tests? | undo? | scan MB/s |",
        "| --- | --- | --- | ---: | --- | --- | --- | --- | --- | ---: |",
    ]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['package']} | {r['version']} | - | - | - | {r['error'][:120]} "
                         "| - | - | - | - |")
            continue
        big_rate = _rate(r["big_bytes"], r.get("judge_big_s"))
        all_rate = _rate(r["py_bytes"], r.get("judge_all_s"))
        rate = (f"judge {big_rate} of {r['big_bytes'] / 1e6:.2f} MB >= 64 kB, {all_rate}"
                f" of all {r['py_bytes'] / 1e6:.1f} MB .py; scan {r['scan_s']:.2f} s (walk only "
                f"{r['walk_s']:.2f} s)")
        tests = (f"{r['tests_before']} -> {r['tests_after'] or 'not rerun'}"
                 if r["tests_before"] else "-")
        if not r["modules"]:
            miss = "; missed? " + ", ".join(f"{m['module']} ({m['literal']:.0%})"
                                            for m in r["missed"]) if r["missed"] else ""
            lines.append(f"| {r['package']} | {r['version']} | none of {_kb(r['big_bytes'])} "
                         f">= 64 kB{miss} | - | no ({r['expect']}) | - | - | {tests} | - | "
                         f"{rate} |")
        for m in r["modules"]:
            ok = (f"{m['mode']}: {_kb(m['size'])} -> {m['stub_lines']}-line stub "
                  f"{_kb(m['stub_size'])} + {_kb(m['data_size'])}; shipped {m['shipped']}"
                  if m["mode"] != "refused" else
                  f"refused: {_local(m['reason']).replace('tidy: extract refused: ', '')[:220]}")
            ms = m["import_ms"]
            timing = (f"; import warm {ms['warm before']} -> {ms.get('warm after', '?')} ms, "
                      f"cold {ms['cold before']} -> {ms.get('cold after', '?')} ms"
                      if m["mode"] != "refused" and "warm before" in ms else "")
            equal = (f"{m['outcome']} ({m['names']} names{timing})" if m["outcome"] == "exact"
                     else f"{m['outcome']}: {_local(m['detail'])[:150]}" if m["outcome"] else "-")
            undo = (f"{_local(m['undo'])}; stub edit: {m['undo_edit_stub']}; data edit: "
                    f"{m['undo_edit_data']}" + (f"; --force: {m['force_keeps']}"
                                                if m["force_keeps"] else "")
                    if m["mode"] != "refused" else "-")
            lines.append(f"| {r['package']} | {r['version']} | {m['rel']} ({m['code']}) | "
                         f"{_kb(m['size'])} | yes | {ok} | {equal} | {tests} | {undo} | "
                         f"{rate} |")
    lines += ["", "`tidy fix --unsafe-fixes --select TDY301,TDY302 FOLDER` (the folder of the "
              "smallest reported module), one stub edited, "
              "`tidy undo RUN`, edit taken back, `tidy undo RUN`:", ""]
    lines += [f"- {r['package']}: {_local(r.get('fix_undo') or 'nothing reported')}"
              + (f"; left after all: {r['left']}" if r.get("left") else "")
              + (f" (package data declared first, as tidy asked: {r['declared']})"
                 if r.get("declared") else "")
              for r in results if "error" not in r]
    missed = [(r["package"], m) for r in results for m in r.get("missed", [])]
    if missed:
        lines += ["", "Modules of 64 kB or more whose top-level literals hold half of the bytes "
                  "or more (an ast count, independent of tidy) and that were not reported:", ""]
        lines += [f"- {p}: {m['module']} ({_kb(m['bytes'])}, {m['literal']:.0%})"
                  for p, m in missed]
    return "\n".join(lines) + "\n"


def _summary_cells(r: dict[str, Any]) -> list[str]:
    """reported / missed / false, extract ok, names equal, tests of one package."""
    if "error" in r:
        return ["error: " + r["error"][:60]] * 4
    score, mods = r.get("score", {}), r["modules"]
    done = [m for m in mods if m["mode"] != "refused"]
    equal = [m for m in done if m["outcome"] == "exact"]
    alone = [m for m in done if m["outcome"] == "not importable"]
    found = len(mods)
    counts = (f"{found} / {len(score.get('missed', []))} / {len(score.get('false', []))}"
              + (f" (+{len(score['small_reported'])} small)" if score.get("small_reported")
                 else ""))
    extract = f"{len(done)}/{found}" + (" (refused: " + "; ".join(sorted({
        _local(m["reason"]).replace("tidy: extract refused: ", "")[:90]
        for m in mods if m["mode"] == "refused"})) + ")" if len(done) < found else "")
    names = (f"{len(equal)}/{len(done) - len(alone)} ({sum(m['names'] for m in equal)} names)"
             + (f", {len(alone)} not importable alone" if alone else "")) if done else "-"
    tests = (f"{_no_time(r['tests_before'])} / {_no_time(r['tests_after']) or 'not rerun'}"
             if r["tests_before"] else "-")
    return [counts, extract, names, tests]


def _no_time(line: str) -> str:
    return re.sub(r" in [\d.]+s(?: \([\d:]+\))?$", "", line)


def _speed(r: dict[str, Any]) -> str:
    """The whole scan's wall time beside rg's on the same .py files, and the judgement's own
    CPU rate over the modules of 64 kB or more."""
    if "rg_s" not in r:
        return "-"
    return (f"{r['py_bytes'] / 1e6:.1f} MB: scan {r['scan_s']:.2f} s (walk only "
            f"{r['walk_s']:.2f} s), rg {r['rg_s']:.2f} s; judge "
            f"{_rate(r['big_bytes'], r.get('judge_big_s'))}")


def render_summary(before_path: str, after_path: str,
                   packages: tuple[Package, ...] = ()) -> str:
    """One row per package: before -> after for each cell that changed (the tests cell: before
    extraction / after it, for each run). With the manifest's packages, each run is scored
    again against its labels as they are now."""
    with open(before_path, encoding="utf-8") as f:
        before = {r["package"]: r for r in json.load(f)}
    with open(after_path, encoding="utf-8") as f:
        after = {r["package"]: r for r in json.load(f)}
    labels = {p.name: p.labels for p in packages}
    for r in [*before.values(), *after.values()]:
        if r["package"] in labels and "modules" in r:
            r["score"] = scored(labels[r["package"]], {m["rel"]: m["code"] for m in r["modules"]})
    lines = ["| package | version | data modules (labelled, >= 64 kB) | reported / missed / false "
             "| extract ok | names equal | tests (before / after extraction) | speed (after) |",
             "| --- | --- | ---: | --- | --- | --- | --- | --- |"]
    for name, r in after.items():
        old = before.get(name)
        cells = _summary_cells(r)
        if old is not None:
            cells = [c if o == c else f"{o} -> {c}" for o, c in zip(_summary_cells(old), cells,
                                                                    strict=True)]
        labelled = len(r.get("score", {}).get("hit", [])) + len(r.get("score", {}).get(
            "missed", []))
        lines.append(f"| {name} | {r['version']} | {labelled} | " + " | ".join(cells)
                     + f" | {_speed(r)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated package names")
    parser.add_argument("--work", default=os.path.join(harness.bench_dir(), "dic-audit"))
    parser.add_argument("--write-results", action="store_true")
    parser.add_argument("--render", action="store_true", help="re-print WORK/results.json")
    parser.add_argument("--manifest", default="",
                        help="packages from a TOML manifest (bench/corpus/wild.toml) instead "
                        "of the built-in list")
    parser.add_argument("--summary", nargs=2, metavar=("BEFORE.json", "AFTER.json"),
                        help="print one line per package of two runs' results.json, side by side")
    args = parser.parse_args(argv)
    if args.summary:
        print(render_summary(*args.summary, load_manifest(args.manifest) if args.manifest
                             else ()))
        return 0
    env = Env(args.work)
    saved = os.path.join(env.work, "results.json")
    packages = load_manifest(args.manifest) if args.manifest else PACKAGES
    chosen = [p for p in packages if not args.only or p.name in args.only.split(",")]
    if args.render:
        with open(saved, encoding="utf-8") as f:
            results = json.load(f)
        for result in results:  # a run from before the judge figures: the trees are kept
            tree = os.path.join(env.work, "tree", result["package"])
            if "judge_big_s" not in result and "error" not in result and os.path.isdir(tree):
                result.update(judge_figures(tree))
    else:
        results = []
        for package in chosen:
            started = time.perf_counter()
            try:
                results.append(measure(package, env))
            except (RuntimeError, OSError, ValueError) as error:
                results.append({"package": package.name, "version": package.version,
                                "error": str(error)})
            say(f"{package.name}: {time.perf_counter() - started:.0f} s")
            with open(saved, "w", encoding="utf-8") as f:
                json.dump(results, f, indent=1)
    command = "python bench/dic_audit.py" + (f" --manifest {args.manifest}" if args.manifest
                                             else "") + \
        (f" --only {args.only}" if args.only else "") + " --write-results"
    section = f"{SECTION_OF_MANIFEST}: {os.path.basename(args.manifest)}" if args.manifest \
        else SECTION
    text = render(results, command, section)
    print(text)
    if args.write_results:
        write_section(text, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
