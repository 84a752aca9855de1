"""Recovery after a kill, fed edited journals (trust round 9): what moved?

    python bench/recovery_probe.py [--keep]

For each case: two repos (`r`, `other`) with a `web/node_modules`, a folder `outside/`, a
link to `r`; `tidy fix` moves r's node_modules into its git dir's trash; the journal's `done`
and `end` lines are cut off (a run killed after its rename), then the case edits it (paths
outside the repo, `..`, through a link, into the other repo, a newline in a name, lines
duplicated, cut in the middle, of another run, the journal a link or a FIFO), and
`tidy trash list` runs recovery. One line per case: exit code, whether the item is still in
the trash or back at home, and whether anything outside `r` changed (it never may). Every
child gets a temp HOME and TIDY_STATE_DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any

Lines = list[dict[str, Any]]
Snapshot = dict[str, tuple[int, int, bytes | None]]


def snapshot(top: str) -> Snapshot:
    out: Snapshot = {}
    for folder, dirs, files in os.walk(top):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            body = None
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    body = f.read()
            out[path] = (st.st_mode, st.st_size, body)
    return out


def tidy(base: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=f"{base}/home", TIDY_STATE_DIR=f"{base}/state")
    env.pop("TIDY_PURE_PYTHON", None)
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=base, env=env,
                          capture_output=True, text=True, check=False)


def git(*args: str) -> None:
    subprocess.run(["git", "-c", "user.email=a@b", "-c", "user.name=a", *args], check=True,
                   capture_output=True)


def setup(base: str) -> tuple[str, Lines]:
    """The trees and a killed run's journal: (its path, its lines)."""
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(f"{base}/home")
    for name in ("r", "other"):
        root = f"{base}/{name}"
        git("init", "-q", root)
        os.makedirs(f"{root}/web/node_modules/dep")
        with open(f"{root}/web/package.json", "w") as f:
            f.write("{}")
        with open(f"{root}/web/node_modules/dep/i.js", "w") as f:
            f.write(f"{name} dep\n")
        git("-C", root, "add", "web/package.json")
        git("-C", root, "commit", "-qm", "i")
        old = 1_000_000_000.0
        for path in ("web/node_modules/dep/i.js", "web/node_modules/dep", "web/node_modules"):
            os.utime(f"{root}/{path}", (old, old))
    os.makedirs(f"{base}/outside/node_modules")
    with open(f"{base}/outside/node_modules/keep", "w") as f:
        f.write("keep\n")
    os.symlink(f"{base}/r", f"{base}/link-to-r")
    fixed = tidy(base, "fix", "--yes", "-q", "--select", "TDY1", f"{base}/r")
    assert fixed.returncode == 0, fixed.stderr
    [name] = [n for n in os.listdir(f"{base}/state/runs") if n.endswith(".jsonl")]
    path = f"{base}/state/runs/{name}"
    with open(path) as f:
        lines = [json.loads(line) for line in f.read().splitlines()]
    return path, [line for line in lines if line["op"] not in ("done", "end")]


def _repath(lines: Lines, old: str, new: str) -> Lines:
    for line in lines:
        for key in ("path", "dst", "scan_root", "root", "base"):
            if key in line:
                line[key] = line[key].replace(old, new)
    return lines


def cases(base: str) -> dict[str, Callable[[Lines], Lines | str]]:
    """Each edit: the new lines, or "raw:<text>", "link" or "fifo"."""
    def outside(lines: Lines) -> Lines:
        lines[2]["path"] = f"{base}/outside/node_modules"
        return lines

    def dotdot(lines: Lines) -> Lines:
        lines[2]["path"] = f"{base}/r/web/../../outside/node_modules"
        return lines

    def via_link(lines: Lines) -> Lines:
        lines[0]["roots"] = [f"{base}/link-to-r"]
        return _repath(lines, f"{base}/r/", f"{base}/link-to-r/")

    def other_repo(lines: Lines) -> Lines:
        lines[0]["roots"] = [f"{base}/other"]
        return _repath(lines, f"{base}/r", f"{base}/other")

    def other_repo_copied(lines: Lines) -> Lines:
        lines = other_repo(lines)
        lines[2]["method"] = "copy"
        lines.append({"run": lines[2]["run"], "seq": lines[-1]["seq"] + 1,
                      "time": lines[2]["time"], "op": "copied", "ref": lines[2]["seq"]})
        return lines

    def newline(lines: Lines) -> Lines:
        lines[2]["path"] = f"{base}/r/web/node\nmodules"
        lines[2]["dst"] = os.path.dirname(lines[2]["dst"]) + "/node\nmodules"
        return lines

    def twice(lines: Lines) -> Lines:
        lines.append({**lines[2], "seq": lines[-1]["seq"] + 1})
        return lines

    def same_seq(lines: Lines) -> Lines:
        lines.insert(3, dict(lines[2]))
        return lines

    def cut(lines: Lines) -> str:
        text = [json.dumps(line) + "\n" for line in lines]
        return "raw:" + "".join(text[:2]) + text[2][:80] + "\n" + "".join(text[3:])

    def another_run(lines: Lines) -> Lines:
        lines.append({**lines[2], "run": "20200101-000000-abcdef", "seq": lines[-1]["seq"] + 1})
        return lines

    return {"untampered": lambda lines: lines, "path outside": outside, "path with ..": dotdot,
            "through a link": via_link, "another repo": other_repo,
            "another repo, copy, copied": other_repo_copied, "newline in a name": newline,
            "intent twice": twice, "a line repeated": same_seq, "a line cut": cut,
            "a line of another run": another_run, "journal a link": lambda _l: "link",
            "journal a fifo": lambda _l: "fifo"}


def write(path: str, lines: Lines | str, base: str) -> None:
    if lines == "link":
        real = f"{base}/outside/real.jsonl"
        os.unlink(path)
        os.symlink(real, path)
        return
    if lines == "fifo":
        os.unlink(path)
        os.mkfifo(path)
        return
    text = lines[4:] if isinstance(lines, str) else "".join(json.dumps(x) + "\n" for x in lines)
    with open(path, "w") as f:
        f.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the last case's trees")
    options = parser.parse_args(argv)
    base = tempfile.mkdtemp(prefix="tidy-recovery-probe-")
    bad = 0
    for name, edit in cases(base).items():
        path, lines = setup(base)
        before = {top: snapshot(f"{base}/{top}") for top in ("outside", "other", "home")}
        write(path, edit([dict(line) for line in lines]), base)
        listed = tidy(base, "trash", "list")
        in_trash = any("i.js" in files for _d, _s, files in os.walk(f"{base}/r/.git/tidy/trash"))
        at_home = os.path.exists(f"{base}/r/web/node_modules/dep/i.js")
        changed = [top for top, seen in before.items() if snapshot(f"{base}/{top}") != seen]
        bad += bool(changed) or not (in_trash or at_home)
        said = (listed.stderr.strip().splitlines() or [""])[-1][:110]
        print(f"{name:28} exit={listed.returncode} in_trash={in_trash} at_home={at_home} "
              f"changed={changed or 'nothing'} {said}")
    if not options.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
