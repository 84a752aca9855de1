"""The content cache and the index listing fed odd files (trust round 11): what does a scan say?

    python bench/cache_probe.py [--keep] [--pure]

A repo with vendored libraries (one used by a template, one not), a data module, a
`node_modules`; a first scan writes `.git/tidy/content-cache.json` and `.git/tidy/index-listing`.
Each case then puts something else in the place of one of them (a link to a file outside,
a FIFO, a folder, a 300 MB sparse file, the file cut in half, another tidy's version,
entries for paths outside the repo or with a newline, numbers past 64 bits, a key with a
NUL), and runs `tidy scan --format json` twice (the first may rewrite the cache, the second
reads what it wrote). One line per case: both exits, whether both scans' findings are those
of `--no-cache`, the seconds taken, what the place holds after, whether anything outside
the repo changed, and the first line of stderr (a traceback is a failure). `--pure`: with
TIDY_PURE_PYTHON=1 (the Python loops, not the C ones). Every child gets a temp HOME and
TIDY_STATE_DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

MINIFIED = "var a=function(){return 1};" * 400 + "\n"


def tidy(base: str, repo: str, *args: str, pure: bool) -> tuple[int, str, str, float]:
    env = dict(os.environ, HOME=f"{base}/home", TIDY_STATE_DIR=f"{base}/state")
    env.pop("TIDY_PURE_PYTHON", None)
    if pure:
        env["TIDY_PURE_PYTHON"] = "1"
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "tidy", *args], cwd=repo, env=env,
                              capture_output=True, text=True, check=False, timeout=120)
    except subprocess.TimeoutExpired:
        return -999, "", "timed out (hang)", 120.0
    return done.returncode, done.stdout, done.stderr, time.monotonic() - started


def git(repo: str, *args: str) -> None:
    subprocess.run(["git", "-C", repo, "-c", "user.email=a@b", "-c", "user.name=a", *args],
                   check=True, capture_output=True)


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def setup(base: str, many: bool) -> str:
    """The repo; `many`: 6,000 more tracked files (the index listing is kept only for an
    index of 512 kB and up: tidy.workspace.early)."""
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(f"{base}/home")
    write(f"{base}/outside/secret.txt", "outside the repo\n")
    repo = f"{base}/r"
    os.makedirs(repo)
    git(repo, "init", "-q")
    write(f"{repo}/static/vendor/jquery/package.json", '{"name": "jquery", "version": "3.6.0"}')
    write(f"{repo}/static/vendor/jquery/jquery.min.js", MINIFIED)
    write(f"{repo}/static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "2"}')
    write(f"{repo}/static/vendor/ketcher/ketcher.min.js", MINIFIED)
    write(f"{repo}/templates/base.html", '<script src="/static/vendor/jquery/jquery.min.js">\n')
    write(f"{repo}/app/mock_api.py", "ROWS = [\n" + ",\n".join(
        f'    {{"id": {i}, "v": "x{i}"}}' for i in range(3000)) + "\n]\n")
    write(f"{repo}/web/package.json", '{"name": "web"}')
    write(f"{repo}/web/node_modules/dep/index.js", "module.exports = 1\n")
    write(f"{repo}/.gitignore", "node_modules/\n")
    for i in range(6000 if many else 0):
        write(f"{repo}/data/d{i // 100:02d}/f{i:04d}.txt", f"row {i}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    old = time.time() - 3600
    for folder, dirs, files in os.walk(repo):
        for name in dirs + files:
            os.utime(os.path.join(folder, name), (old, old), follow_symlinks=False)
    return repo


def findings(out: str) -> list[tuple[str, str]]:
    try:
        report = json.loads(out)
    except ValueError:
        return [("unparsable", out[:60])]
    found = []
    for group in report.get("groups", [report]):
        for finding in group.get("findings", []):
            found.append((finding.get("code", ""), finding.get("path", "")))
    return sorted(found)


def outside_state(base: str) -> bytes:
    with open(f"{base}/outside/secret.txt", "rb") as handle:
        return handle.read() + str(os.lstat(f"{base}/outside/secret.txt").st_mtime_ns).encode()


def edit_json(path: str, change: Callable[[dict[str, Any]], None]) -> None:
    with open(path, "rb") as handle:
        body = json.loads(handle.read())
    change(body)
    with open(path, "w") as handle:
        json.dump(body, handle)


def case_link(base: str, path: str) -> None:
    os.unlink(path)
    os.symlink(f"{base}/outside/secret.txt", path)


def case_fifo(_base: str, path: str) -> None:
    os.unlink(path)
    os.mkfifo(path)


def case_folder(_base: str, path: str) -> None:
    os.unlink(path)
    os.mkdir(path)
    write(f"{path}/inside", "x\n")


def case_huge(_base: str, path: str) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(300 << 20)


def case_cut(_base: str, path: str) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(os.path.getsize(path) // 2)


def case_version(_base: str, path: str) -> None:
    edit_json(path, lambda b: b.update(tidy="0.0.1"))


def _entries(change: Callable[[dict[str, Any]], None]) -> Callable[[str, str], None]:
    def edit(_base: str, path: str) -> None:
        edit_json(path, lambda b: change(b["entries"]))
    return edit


def _outside_entries(entries: dict[str, Any]) -> None:
    any_row = next(iter(entries.values()))
    st = os.lstat("/etc/passwd")
    for rel in ("../outside/secret.txt", "/etc/passwd", "templates/../../outside/secret.txt"):
        entries[rel] = [st.st_dev, st.st_ino, st.st_size, 0, 0, any_row[5]]


def _newline_entry(entries: dict[str, Any]) -> None:
    row = entries.pop("templates/base.html")
    entries["templates/base.html\n"] = row
    entries["templates/base.html\napp/mock_api.py"] = row


def _big_numbers(entries: dict[str, Any]) -> None:
    entries["templates/base.html"][1] = 1 << 70


def _nul_key(entries: dict[str, Any]) -> None:
    entries["templates/base.html\0x"] = entries["templates/base.html"]


def _index_garbage(_base: str, path: str) -> None:
    with open(path, "r+b") as handle:
        data = handle.read()
        handle.seek(0)
        handle.write(data.replace(b"templates/base.html", b"../outside/secret.t"))


CASES: dict[str, tuple[str, Callable[[str, str], None]]] = {
    "content: a link to a file outside": ("content-cache.json", case_link),
    "content: a FIFO": ("content-cache.json", case_fifo),
    "content: a folder": ("content-cache.json", case_folder),
    "content: 300 MB sparse": ("content-cache.json", case_huge),
    "content: cut in half": ("content-cache.json", case_cut),
    "content: another tidy's version": ("content-cache.json", case_version),
    "content: entries outside the repo": ("content-cache.json", _entries(_outside_entries)),
    "content: names with a newline": ("content-cache.json", _entries(_newline_entry)),
    "content: an inode past 64 bits": ("content-cache.json", _entries(_big_numbers)),
    "content: a name with a NUL": ("content-cache.json", _entries(_nul_key)),
    "index: a link to a file outside": ("index-listing", case_link),
    "index: a FIFO": ("index-listing", case_fifo),
    "index: a folder": ("index-listing", case_folder),
    "index: 300 MB sparse": ("index-listing", case_huge),
    "index: cut in half": ("index-listing", case_cut),
    "index: a path made to leave the repo": ("index-listing", _index_garbage),
}


def what_is(path: str) -> str:
    if os.path.islink(path):
        return "link"
    if not os.path.exists(path):
        return "none"
    if os.path.isdir(path):
        return "folder"
    if not os.path.isfile(path):
        return "special"
    return f"file {os.path.getsize(path):,} B"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--pure", action="store_true", help="TIDY_PURE_PYTHON=1")
    parser.add_argument("--only", default="", help="only the cases whose name holds this")
    options = parser.parse_args(argv)
    top = tempfile.mkdtemp(prefix="tidy-cache-probe-")
    bad = 0
    scan = ("scan", "--format", "json", "-q", "--no-record", ".")
    try:
        for name, (target, attack) in CASES.items():
            if options.only not in name:
                continue
            base = f"{top}/{len(os.listdir(top))}"
            repo = setup(base, target == "index-listing")
            time.sleep(0.2)  # the index's ctime (the backdating) older than the racy margin
            code, out, err, _ = tidy(base, repo, *scan, pure=options.pure)
            truth_code, truth, _, _ = tidy(base, repo, *scan, "--no-cache", pure=options.pure)
            path = f"{repo}/.git/tidy/{target}"
            assert os.path.isfile(path), f"{name}: no {target} after the first scan ({err})"
            before = outside_state(base)
            attack(base, path)
            codes, same, took, errs = [], True, 0.0, []
            for _ in range(2):
                code, out, err, seconds = tidy(base, repo, *scan, pure=options.pure)
                codes.append(code)
                same = same and code == truth_code and findings(out) == findings(truth)
                took += seconds
                errs += [line for line in err.splitlines() if line.strip()]
            unchanged = outside_state(base) == before
            traceback = any("Traceback" in line for line in errs)
            ok = same and unchanged and not traceback and all(c in (0, 1) for c in codes)
            bad += not ok
            print(f"{'ok ' if ok else 'BAD'} {name:40} exits {codes} "
                  f"{'same as --no-cache' if same else 'DIFFERENT'} {took:5.1f}s "
                  f"after: {what_is(path):16} outside {'unchanged' if unchanged else 'CHANGED'}"
                  f"{'  stderr: ' + errs[0][:70] if errs else ''}")
    finally:
        if not options.keep:
            subprocess.run(["chmod", "-R", "u+w", top], check=False)
            shutil.rmtree(top, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
