#!/usr/bin/env python3
"""Benchmark `tidy extract` on the 283,000-line mock_api.py (../shared/bench/mkmockapi.py).

usage: bench/bench_extract.py [WORKDIR] [--n 283000] [--skip-original-import]

Prints a Markdown table: extraction time and peak RSS, data size with gzip (xz/zstd for
comparison), rewritten module lines, import time without touching the data (--plain), import
plus first access vs the original import without .pyc, ruff check and py_compile side by side.
Every import runs in a fresh interpreter with PYTHONDONTWRITEBYTECODE=1 and no __pycache__.
"""

from __future__ import annotations

import argparse
import gzip
import lzma
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

# shared/bench/ sits beside the main checkout (../shared) and beside the worktrees (../../shared)
GENERATOR = next((p / "shared" / "bench" / "mkmockapi.py" for p in Path(__file__).resolve().parents
                  if (p / "shared" / "bench" / "mkmockapi.py").is_file()),
                 Path(__file__).resolve().parents[2] / "shared" / "bench" / "mkmockapi.py")
_PROBE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
t = time.perf_counter()
import pkg.mock_api as m
imported = time.perf_counter() - t
if sys.argv[2] == "touch":
    len(m.QUESTIONS)
total = time.perf_counter() - t
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork+exec from a big parent
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
print(imported, total, int(hwm) / 1024)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def _make(root: Path, n: int, plain: bool) -> Path:
    package = root / ("plain" if plain else "used") / "pkg"
    if package.parent.exists():
        shutil.rmtree(package.parent)
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    args = [sys.executable, str(GENERATOR), str(package / "mock_api.py"), str(n)]
    subprocess.run(args + (["--plain"] if plain else []), check=True)
    return package / "mock_api.py"


def _probe(module: Path, touch: bool) -> tuple[float, float, float]:
    shutil.rmtree(module.parent / "__pycache__", ignore_errors=True)
    done = subprocess.run([sys.executable, "-c", _PROBE, str(module.parent.parent),
                           "touch" if touch else "no"], capture_output=True, text=True,
                          env=_env(), check=True)
    imported, total, rss = (float(x) for x in done.stdout.split())
    return imported, total, rss


def _timed(command: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS MiB of the biggest process in the tree, exit code)."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter();"
            "rc = subprocess.run(sys.argv[1:]).returncode;"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN)"
            ".ru_maxrss / 1024, rc)")
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True,
                          text=True, env=_env(), check=False)
    seconds, rss, rc = done.stdout.split()[-3:]
    return float(seconds), float(rss), int(rc)


def _sizes(module: Path) -> dict[str, int]:
    raw = gzip.decompress((module.with_suffix(".json.gz")).read_bytes())
    sizes = {"json": len(raw), "gzip -9": module.with_suffix(".json.gz").stat().st_size,
             "xz -6": len(lzma.compress(raw, preset=6))}
    if shutil.which("zstd"):
        out = subprocess.run(["zstd", "-19", "-c", "-q"], input=raw, capture_output=True,
                             check=True).stdout
        sizes["zstd -19"] = len(out)
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir", nargs="?", default="/tmp/tidy-bench-extract")
    parser.add_argument("--n", type=int, default=283_000)
    parser.add_argument("--skip-original-import", action="store_true")
    args = parser.parse_args()
    root = Path(args.workdir)
    # Backups of modules outside a git repo go to tidy's state folder: the bench's, not yours.
    os.environ.setdefault("TIDY_STATE_DIR", str(root / "state"))
    rows: list[tuple[str, str]] = []
    for plain in (True, False):
        label = "--plain" if plain else "functions use the data"
        module = _make(root, args.n, plain)
        original = module.stat().st_size
        lines = module.read_bytes().count(b"\n")
        backup = module.with_suffix(".py.orig-bench")
        shutil.copyfile(module, backup)
        ruff_old = _timed(["ruff", "check", "--no-cache", "-q", str(module)])
        pyc_old = _timed([sys.executable, "-m", "py_compile", str(module)])
        shutil.rmtree(module.parent / "__pycache__", ignore_errors=True)
        old_import = None if args.skip_original_import else _probe(module, touch=True)
        seconds, rss, rc = _timed([sys.executable, "-m", "tidy", "extract", str(module)])
        if rc != 0:
            print(f"extraction failed ({label})", file=sys.stderr)
            return 1
        new_lines = module.read_bytes().count(b"\n")
        cold = _probe(module, touch=False)
        warm = _probe(module, touch=True)
        ruff_new = _timed(["ruff", "check", "--no-cache", "-q", str(module)])
        pyc_new = _timed([sys.executable, "-m", "py_compile", str(module)])
        sizes = _sizes(module)
        rows.append((f"**{label}**", f"{original:,} bytes, {lines:,} lines"))
        rows.append(("extraction (wall, peak RSS of the biggest process)",
                     f"{seconds:.1f} s, {rss:.0f} MiB"))
        rows += [(f"data file, {k}", f"{v:,} bytes ({v / original:.1%} of the module)")
                 for k, v in sizes.items()]
        rows.append(("rewritten module", f"{new_lines} lines, {module.stat().st_size:,} bytes"))
        rows.append(("import, data not touched", f"{cold[0] * 1000:.1f} ms, {cold[2]:.0f} MiB"))
        rows.append(("import + first access", f"{warm[1]:.2f} s, {warm[2]:.0f} MiB"))
        if old_import is not None:
            rows.append(("original import + access, no .pyc",
                         f"{old_import[1]:.2f} s, {old_import[2]:.0f} MiB "
                         f"(new/old = {warm[1] / old_import[1]:.3f})"))
        rows.append(("ruff check old / new", f"{ruff_old[0]:.2f} s, {ruff_old[1]:.0f} MiB / "
                                             f"{ruff_new[0]:.2f} s, {ruff_new[1]:.0f} MiB"))
        rows.append(("py_compile old / new", f"{pyc_old[0]:.2f} s, {pyc_old[1]:.0f} MiB / "
                                             f"{pyc_new[0]:.2f} s, {pyc_new[1]:.0f} MiB"))
        backup.unlink()
    print(f"\nmeasured {time.strftime('%Y-%m-%d %H:%M')}, load {os.getloadavg()[0]:.1f}, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    print("| what | figure |\n| --- | --- |")
    for what, figure in rows:
        print(f"| {what} | {figure} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
