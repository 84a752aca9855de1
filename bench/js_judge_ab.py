#!/usr/bin/env python3
"""js_judge_ab.py TREE [RUNS]: judge_js's CPU with its first token patterns (an alternation
tried at every byte of a string) against the current ones (unrolled), alternating in this
process, over TREE's tracked .js/.ts files of 64 kB and up (the size TDY303 judges from);
medians of RUNS (default 7), and whether every answer is the same. Reads TREE only.

    /work/venvs/BRANCH/bin/python bench/js_judge_ab.py /tmp/x/webapp 9
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time

from tidy.analysis.data_in_code import jsdata

_FIRST = {
    0x27: re.compile(rb"'(?:[^'\\\n]|\\.)*'"),
    0x22: re.compile(rb"\"(?:[^\"\\\n]|\\.)*\""),
    0x60: re.compile(rb"`(?:[^`\\]|\\.)*`"),
    0x2F: re.compile(rb"//[^\n]*|/\*[\s\S]*?\*/"),
}
_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")
_MIN_SIZE = 64_000


def _files(tree: str) -> list[bytes]:
    listed = subprocess.run(["git", "-C", tree, "ls-files", "-z"], capture_output=True,
                            check=True).stdout.split(b"\0")
    paths = [os.path.join(tree, os.fsdecode(p)) for p in listed if p]
    found = []
    for path in paths:
        if path.endswith(_SUFFIXES) and os.path.isfile(path) and \
                os.path.getsize(path) >= _MIN_SIZE:
            with open(path, "rb") as f:
                found.append(f.read())
    return found


def main() -> int:
    tree = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    data = _files(tree)
    current = dict(jsdata._AT)
    seconds: dict[str, list[float]] = {"first": [], "current": []}
    answers: dict[str, list[bool]] = {}
    for _ in range(runs):
        for name, patterns in (("first", _FIRST), ("current", current)):
            jsdata._AT.clear()
            jsdata._AT.update(patterns)
            started = time.process_time()
            answers[name] = [jsdata.judge_js(d) for d in data]
            seconds[name].append(time.process_time() - started)
    jsdata._AT.clear()
    jsdata._AT.update(current)
    print(f"{len(data)} files, {sum(map(len, data))} bytes; same answers: "
          f"{answers['first'] == answers['current']}")
    for name, times in seconds.items():
        print(f"{name}: CPU median {statistics.median(times) * 1000:.1f} ms, "
              f"min {min(times) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
