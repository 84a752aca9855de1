#!/usr/bin/env python3
"""The content pass alone, in-process, over a NUL-separated list of files (bench_content.py's
first-party list): what tidy.workspace.content reads and computes for a scan (the reference
search with the tree's vendored-library patterns, data-in-code judges, hashes), without the
cache. Prints JSON: files, bytes read, seconds (median of --runs, interpreter start excluded).

usage: _content_pass.py LIST TREE [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def _patterns(tree: str) -> list[str]:
    """The reference search's patterns a scan of `tree` uses: its repos' vendored libraries."""
    from tidy.analysis.vendored.evidence import patterns_for
    from tidy.rules.vendored import _references
    from tidy.workspace.blobs import list_index

    repos = [tree] if os.path.isdir(os.path.join(tree, ".git")) else [
        os.path.join(tree, n) for n in sorted(os.listdir(tree))
        if os.path.isdir(os.path.join(tree, n, ".git"))]
    found: list[str] = []
    for repo in repos:
        try:
            refs = _references(repo, list_index(repo).paths)
        except (OSError, subprocess.SubprocessError, RuntimeError):
            continue
        found += [p.text for p in patterns_for(refs.libraries)]
    return list(dict.fromkeys(found))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("list")
    parser.add_argument("tree")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from tidy.core.config import Config
    from tidy.rules.content import content_spec
    from tidy.workspace.content import REFS, run_pass

    with open(args.list, "rb") as f:
        paths = [os.fsdecode(p) for p in f.read().split(b"\0") if p]
    spec = content_spec(Config()).with_patterns(_patterns(args.tree))
    requests = {p.lstrip("/"): (REFS,) for p in paths}
    times, read, files = [], 0, 0
    for _ in range(args.runs):
        started = time.perf_counter()
        result = run_pass("/", requests, spec, {})
        times.append(time.perf_counter() - started)
        read, files = result.stats.bytes_read, result.stats.files_read
    json.dump({"files": files, "bytes": read, "seconds": statistics.median(times),
               "patterns": len(spec.patterns)}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
