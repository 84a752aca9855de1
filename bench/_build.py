"""What the builders of real trees (mkwebapp.py, mkdatatrees.py) share: downloads from the
package registries kept under bench/out/downloads, deterministic commits, fixed times, and the
DEST.built marker that makes a rebuild a no-op.

Downloads are kept (bench/out/ is git-ignored, never committed) so a rebuild needs no network;
the trees themselves live under $TIDY_BENCH_DIR (default /tmp/tidy-bench) like every other
benchmark tree, never inside the checkout.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable

BENCH = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(BENCH, "out")
FIXED_MTIME_NS = 1_735_689_600 * 1_000_000_000  # 2025-01-01T00:00:00Z, as mktree.py
GIT_DATE = "2025-01-01T00:00:00+00:00"


def downloads() -> str:
    """$TIDY_BENCH_DOWNLOADS or bench/out/downloads."""
    path = os.environ.get("TIDY_BENCH_DOWNLOADS") or os.path.join(OUT, "downloads")
    os.makedirs(path, exist_ok=True)
    return path


def pip_download(requirement: str, sdist: bool) -> str:
    """The sdist (sdist=True) or wheel of `name==version`, downloaded once with pip."""
    name, _, version = requirement.partition("==")
    found = _downloaded(name, version, sdist)
    if found is None:
        kind = ["--no-binary", ":all:"] if sdist else ["--only-binary", ":all:"]
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", *kind, requirement,
             "-d", downloads()],
            check=True,
        )
        found = _downloaded(name, version, sdist)
    if found is None:
        raise SystemExit(f"build: pip did not leave a file for {requirement} in {downloads()}")
    return found


def _downloaded(name: str, version: str, sdist: bool) -> str | None:
    suffixes = (".tar.gz", ".zip") if sdist else (".whl",)
    wanted = {name.lower().replace("-", "_"), name.lower().replace("_", "-")}
    for path in sorted(glob.glob(os.path.join(downloads(), "*"))):
        base = os.path.basename(path)
        if not base.endswith(suffixes):
            continue
        dist, _, rest = base.partition(f"-{version}")
        if dist.lower() in wanted and rest and rest[0] in ".-":
            return path
    return None


def git_env() -> dict[str, str]:
    return {
        **os.environ,
        "GIT_AUTHOR_DATE": GIT_DATE,
        "GIT_COMMITTER_DATE": GIT_DATE,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@tidy.invalid",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@tidy.invalid",
    }


def commit_all(dest: str, message: str, leave_out: Iterable[str] = ()) -> None:
    """git init + commit of everything in dest but the `leave_out` paths (left untracked, not
    ignored), packed so .git holds a few dozen entries."""
    git = ["git", "-C", dest, "-c", "init.defaultBranch=main", "-c", "gc.auto=0",
           "-c", "core.autocrlf=false"]
    env = git_env()
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    excludes = [f":(exclude,top,literal){p}" for p in leave_out]
    subprocess.run([*git, "add", "-A", "--", ".", *excludes], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", message], check=True, env=env)
    subprocess.run([*git, "gc", "-q", "--prune=now"], check=True, env=env)


def freeze_times(dest: str) -> None:
    """Every file, link and folder below dest (outside .git) gets FIXED_MTIME_NS: builds are
    alike, and nothing looks like it was written a moment ago."""
    times = (FIXED_MTIME_NS, FIXED_MTIME_NS)
    for here, dirs, files in os.walk(dest):
        if ".git" in dirs:
            dirs.remove(".git")
        for name in files + [d for d in dirs if os.path.islink(os.path.join(here, d))]:
            os.utime(os.path.join(here, name), ns=times, follow_symlinks=False)
        os.utime(here, ns=times)


def refresh_indexes(dest: str) -> None:
    """The index of every git repo at or below dest made what a clone's is: `git update-index
    -q --refresh` records each tracked file's stat as it is now. freeze_times (or `cp -a`, whose
    copies have new inodes) after a commit leaves every entry's stat unlike its file's (ctime,
    inode): git status would then re-read every file, and so does tidy, which takes a blob id
    from an entry only when its stat matches (bench/RESULTS.md, "Issue 16: the web app's cold
    scan, round 2"). A repo inside another's work tree is left as it is (none in these trees).
    Run it after the last change to any file's stat; it changes no file, only .git/index."""
    for here, dirs, _files in os.walk(dest):
        if ".git" in dirs:
            subprocess.run(["git", "-C", here, "update-index", "-q", "--refresh"],
                           check=False, env=git_env(), stdout=subprocess.DEVNULL)
            dirs[:] = []  # its work tree holds no other repo here


def is_built(dest: str, recipe: dict[str, object]) -> bool:
    """The tree exists and was built from this very recipe (marker written last)."""
    marker = dest + ".built"
    if not (os.path.isdir(dest) and os.path.exists(marker)):
        return False
    try:
        with open(marker, encoding="utf-8") as f:
            return bool(json.load(f).get("recipe") == recipe)
    except (OSError, ValueError):
        return False


def start_build(dest: str) -> None:
    """Remove an old or half-built tree and its marker."""
    marker = dest + ".built"
    if os.path.exists(marker):
        os.remove(marker)
    if os.path.lexists(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)


def finish_build(dest: str, recipe: dict[str, object], summary: dict[str, object]) -> None:
    with open(dest + ".built", "w", encoding="utf-8") as f:
        json.dump({"recipe": recipe, **summary}, f, indent=1)


def read_built(dest: str) -> dict[str, object]:
    with open(dest + ".built", encoding="utf-8") as f:
        data: dict[str, object] = json.load(f)
    return data


def census(dest: str, parts: Iterable[str] = ()) -> dict[str, object]:
    """Files, folders, links and apparent bytes below dest outside .git (find's view), in all
    and for each of `parts` (relative paths)."""
    totals = _count(dest, skip_git=True)
    result: dict[str, object] = {**totals}
    result["parts"] = {p: _count(os.path.join(dest, p), skip_git=True) for p in parts
                       if os.path.lexists(os.path.join(dest, p))}
    return result


def _count(path: str, skip_git: bool) -> dict[str, int]:
    if not os.path.isdir(path) or os.path.islink(path):
        st = os.lstat(path)
        link = int(os.path.islink(path))
        return {"files": 1 - link, "dirs": 0, "links": link, "entries": 1, "bytes": st.st_size}
    files = dirs = links = size = 0
    for here, subdirs, names in os.walk(path):
        if skip_git and ".git" in subdirs:
            subdirs.remove(".git")
        for d in subdirs:
            if os.path.islink(os.path.join(here, d)):
                links += 1
            else:
                dirs += 1
        for name in names:
            st = os.lstat(os.path.join(here, name))
            if os.path.islink(os.path.join(here, name)):
                links += 1
            else:
                files += 1
                size += st.st_size
    return {"files": files, "dirs": dirs, "links": links, "entries": files + dirs + links,
            "bytes": size}


def tracked_count(repo: str) -> int:
    out = subprocess.run(["git", "-C", repo, "ls-files", "-z"], capture_output=True,
                         check=True).stdout
    return out.count(b"\0")
