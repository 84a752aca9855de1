"""same_output.py PYTHON_A PYTHON_B TREE...: do two tidies report the very same thing?

Each tree is scanned by both pythons' tidy (`python -m tidy scan --format json -q`), cold
(`--no-cache`) and warm (the second of two scans), and the JSON reports, without
`duration_s`, must be byte-identical: a speed change must not change an answer. Every scan runs
with a state folder and HOME of its own (temp folders), never the user's. Exit 0 when all are
the same, 1 otherwise (the first lines of each difference printed).

    python bench/same_output.py /work/venvs/main/bin/python /work/venvs/BRANCH/bin/python \\
        /tmp/tidy-bench/tree-250k /tmp/tidy-bench/webapp /tmp/tidy-bench/module51
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
import tempfile


def report(python: str, tree: str, cold: bool, env: dict[str, str]) -> str:
    """The scan's JSON report, duration_s dropped, as text."""
    cmd = [python, "-m", "tidy", "scan", "--format", "json", "-q",
           *(["--no-cache"] if cold else []), tree]
    if not cold:  # the timed scan's cache is fresh
        subprocess.run(cmd, capture_output=True, env=env, check=False, cwd="/")
    done = subprocess.run(cmd, capture_output=True, env=env, check=False, cwd="/")
    found = json.loads(done.stdout)
    found.pop("duration_s", None)
    return json.dumps(found, indent=1)


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    first, second, trees = argv[0], argv[1], argv[2:]
    status = 0
    with tempfile.TemporaryDirectory(prefix="same-output-") as temp:
        env = {**os.environ, "TIDY_STATE_DIR": os.path.join(temp, "state"),
               "HOME": os.path.join(temp, "home")}
        os.makedirs(env["HOME"])
        for tree in trees:
            for cold in (True, False):
                a, b = report(first, tree, cold, env), report(second, tree, cold, env)
                how = "cold" if cold else "warm"
                if a == b:
                    print(f"same: {tree} {how} ({len(a):,} characters)")
                    continue
                status = 1
                print(f"DIFFERENT: {tree} {how}")
                diff = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="")
                for line in list(diff)[:20]:
                    print("  " + line)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
