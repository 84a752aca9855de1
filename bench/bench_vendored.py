#!/usr/bin/env python3
"""Reference search for vendored libraries vs one `rg -F -i -f patterns` pass, same files, one run.

usage: python bench/bench_vendored.py [--dest DIR] [--sources 20000] [--libraries 50] [--runs 5]

Builds (once, under $TIDY_BENCH_DIR or /tmp) a committed repo with N first-party source files
(py/js/html/css) and M vendored libraries under static/vendor/ and third_party/, half of them
referenced from the sources. Times tidy's whole vendored analysis (candidates, the file list
from git, the Aho-Corasick pass, grading) against ripgrep searching every pattern tidy uses
over the same tree, and prints a markdown row with the ratio (bar: <= 3x).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tidy.analysis.vendored.candidates import discover
from tidy.analysis.vendored.evidence import judge, patterns_for
from tidy.workspace.git import run_git, split_z
from tidy.workspace.textscan import read_head, search, text_files

GIT = ["git", "-c", "user.email=bench@tidy.invalid", "-c", "user.name=bench"]


def build(dest: Path, sources: int, libraries: int) -> None:
    if (dest / ".git").exists():
        return
    rnd = random.Random(11)
    dest.mkdir(parents=True)
    names = [f"lib{i:02d}kit" for i in range(libraries)]
    for i, name in enumerate(names):
        root = dest / ("third_party" if i % 5 == 0 else "static/vendor") / name
        root.mkdir(parents=True)
        (root / "package.json").write_text(json.dumps({"name": name, "version": "1.0.0",
                                                       "main": f"{name}.min.js"}))
        (root / "LICENSE").write_text("MIT License\n")
        for j in range(20):
            (root / f"part{j}.min.js").write_text("var a=1;" * rnd.randint(50, 2000))
        (root / f"{name}.min.js").write_text("var b=2;" * 500)
    for i in range(sources):
        kind = ("py", "js", "html", "css")[i % 4]
        folder = dest / "src" / f"pkg{i // 200}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n".join(f"def f{k}(x):\n    return x * {k}  # TODO tidy" for k in range(
            rnd.randint(5, 60)))
        if i % 400 == 0:  # half of the libraries get a reference somewhere
            name = names[(i // 400) % libraries]
            if (i // 400) % 2 == 0:
                body += f'\n<script src="/static/vendor/{name}/{name}.min.js"></script>\n'
        (folder / f"m{i}.{kind}").write_text(body)
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    subprocess.run([*GIT, "-C", str(dest), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(dest), "commit", "-qm", "bench"], check=True)


def tidy_pass(repo: str) -> tuple[float, int, list[str]]:
    start = time.perf_counter()
    tracked = split_z(run_git(repo, "ls-files", "-z"))
    libraries = discover(tracked, lambda p, n: read_head(repo, p, n))
    patterns = patterns_for(libraries)
    texts = [p.text for p in patterns]
    matches, searched = search(repo, text_files(repo), texts)
    judge(libraries, patterns, matches)
    return time.perf_counter() - start, searched, texts


def rg_pass(repo: str, pattern_file: str) -> float:
    start = time.perf_counter()
    subprocess.run(["rg", "-F", "-i", "-c", "--no-ignore", "-f", pattern_file, repo],
                   stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    base = Path(os.environ.get("TIDY_BENCH_DIR", tempfile.gettempdir()))
    parser.add_argument("--dest", type=Path, default=base / "tidy-bench-vendored")
    parser.add_argument("--sources", type=int, default=20_000)
    parser.add_argument("--libraries", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    build(args.dest, args.sources, args.libraries)
    repo = str(args.dest)
    _, searched, texts = tidy_pass(repo)  # warm-up, and the patterns for rg
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(texts) + "\n")
    tidy_times, rg_times = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both alike
        tidy_times.append(tidy_pass(repo)[0])
        rg_times.append(rg_pass(repo, f.name))
    os.unlink(f.name)
    t, r = statistics.median(tidy_times), statistics.median(rg_times)
    print(f"| {args.sources:,} sources, {args.libraries} libraries, {len(texts)} strings, "
          f"{searched:,} files searched | {t:.3f} s | {r:.3f} s | {t / r:.2f}x |")


if __name__ == "__main__":
    main()
