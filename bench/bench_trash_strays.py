"""CPU time of looking for items an interrupted run left unnamed (tidy.fixes.trash.strays).

Builds, in a temp state folder, an interrupted run (no `end`) of N trash intents whose items
are in its state-folder trash (one slot each), then times, with time.process_time, the look
`tidy trash list`, `tidy undo` and `tidy trash purge` now make per interrupted run
(strays()) beside what they already did per run (summarize()). A run that ended costs
nothing more (strays() returns before any listing).

    TIDY_STATE_DIR=/tmp/x HOME=/tmp/x .venv/bin/python bench/bench_trash_strays.py 2000
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time


def _build(items: int, top: str) -> str:
    """The run's id: its journal and its trash, both under the state folder `top`."""
    run_id = "20261207-200000-abcdef"
    root = os.path.join(top, "root")
    os.makedirs(root)
    trash = os.path.join(top, "state", "trash", run_id)
    runs = os.path.join(top, "state", "runs")
    os.makedirs(runs, mode=0o700)
    os.chmod(os.path.join(top, "state"), 0o700)
    os.chmod(os.path.join(top, "state", "trash") if os.path.isdir(
        os.path.join(top, "state", "trash")) else os.path.join(top, "state"), 0o700)
    lines = [{"run": run_id, "seq": 0, "time": time.time(), "op": "begin", "roots": [root]}]
    for i in range(items):
        slot = os.path.join(trash, f"{i:06d}")
        os.makedirs(os.path.join(slot, f"item{i}"))
        lines.append({"run": run_id, "seq": i + 1, "time": time.time(), "op": "intent",
                      "action": "trash", "path": os.path.join(root, f"item{i}"),
                      "dst": os.path.join(slot, f"item{i}"), "scan_root": root,
                      "type": "dir", "method": "rename"})
    for path in (os.path.join(top, "state", "trash"), trash):
        os.chmod(path, 0o700)
    with open(os.path.join(runs, run_id + ".jsonl"), "w") as journal:
        journal.write("".join(json.dumps(line) + "\n" for line in lines))
    return run_id


def main(items: int) -> None:
    with tempfile.TemporaryDirectory() as top:
        os.environ["TIDY_STATE_DIR"] = os.path.join(top, "state")
        from tidy.fixes.journal import read_run
        from tidy.fixes.trash.purge import summarize
        from tidy.fixes.trash.strays import strays

        run_id = _build(items, top)
        record = read_run(run_id)
        assert record.interrupted and not record.active
        for name, call in (("summarize", lambda: summarize(record)),
                           ("strays", lambda: strays(record))):
            times = []
            for _ in range(5):
                start = time.process_time()
                found = call()
                times.append(time.process_time() - start)
            extra = f", {len(found)} strays" if isinstance(found, list) else ""
            print(f"{name:9} {items} items: {min(times) * 1e3:7.1f} ms CPU "
                  f"(min of 5; max {max(times) * 1e3:.1f}){extra}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
