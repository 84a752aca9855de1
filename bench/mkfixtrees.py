#!/usr/bin/env python3
"""Build the trees of the fix-at-scale benchmark (bench_fix_scale.py): many items per fix.

usage: mkfixtrees.py [--only NAME,...] [--scale F] [--force]
       (trees under $TIDY_BENCH_DIR/fixscale/, default /tmp/tidy-bench)

    pycache     one git repo (a monorepo): 32 copies of the Django sdist's `django/` and
                `tests/` Python files (committed), byte-compiled with `python -m compileall`:
                ~20,600 untracked __pycache__ folders, ~89,000 real .pyc files
    legacy-pyc  one git repo: 36 copies of the same sources compiled with `compileall -b`
                (Python 2 style): ~100,000 stray .pyc files beside their sources, each a finding
    node        a workspace folder of 2,000 git repos, each a package.json + lock committed and
                an untracked node_modules from a real `npm install chalk@4` (copied)
    src         a ~/src of 300 git repos, each a small Python package (Django's utils/ and
                http/, committed) with its __pycache__ folders, a real node_modules
                (`npm install chalk@4`) and a .pytest_cache from a real pytest run

Downloads (the sdist, npm's cache) go to bench/out/ (git-ignored). Every file and folder gets
the mtime 2025-01-01 UTC (old enough for tidy fix's "written in the last seconds" guard; `cp -a`
keeps it) and commits have fixed dates. DEST.built is written last; a tree whose marker holds
the same recipe is reused. `--scale 0.1` builds a tenth of each (a quick check of the harness).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _build as b
import _harness as h

DJANGO = "5.1.4"
CHALK = "4.1.2"
TREES = ("pycache", "legacy-pyc", "node", "src")
COUNTS = {"pycache": 32, "legacy-pyc": 36, "node": 2000, "src": 300}
RECIPE_VERSION = 1


def root() -> str:
    path = os.path.join(h.bench_dir(), "fixscale")
    os.makedirs(path, exist_ok=True)
    return path


def tree_path(name: str) -> str:
    return os.path.join(root(), name)


# ---------------------------------------------------------------------- real content
def django_sources() -> str:
    """The Django sdist's django/ and tests/ Python files, unpacked once (py files only)."""
    dest = os.path.join(b.OUT, "fixscale", f"django-{DJANGO}-py")
    if os.path.exists(dest + ".done"):
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    archive = b.pip_download(f"django=={DJANGO}", sdist=True)
    top = f"Django-{DJANGO}/"
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            rel = member.name.removeprefix(top)
            if member.isfile() and rel.endswith(".py") and rel.split("/")[0] in ("django",
                                                                                  "tests"):
                target = os.path.join(dest, rel)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with tar.extractfile(member) as src, open(target, "wb") as out:  # type: ignore[union-attr]
                    shutil.copyfileobj(src, out)
    open(dest + ".done", "w").close()
    return dest


def npm_tree() -> str:
    """A real `npm install chalk@CHALK` (package.json, package-lock.json, node_modules)."""
    dest = os.path.join(b.OUT, "fixscale", f"chalk-{CHALK}")
    if os.path.exists(dest + ".done"):
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    with open(os.path.join(dest, "package.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "app", "version": "1.0.0", "private": True}, f)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent",
                    "--cache", os.path.join(b.OUT, "npm-cache"), f"chalk@{CHALK}"],
                   cwd=dest, check=True)
    with open(os.path.join(dest, "index.js"), "w", encoding="utf-8") as f:
        f.write("const chalk = require('chalk');\nconsole.log(chalk.green('ok'));\n")
    open(dest + ".done", "w").close()
    return dest


def compileall(path: str, legacy: bool = False) -> None:
    cmd = [sys.executable, "-m", "compileall", "-q", "-j", "0"]
    subprocess.run([*cmd, *(["-b"] if legacy else []), path], check=False,
                   stdout=subprocess.DEVNULL)


def git_init(repo: str) -> list[str]:
    git = ["git", "-C", repo, "-c", "init.defaultBranch=main", "-c", "gc.auto=0"]
    subprocess.run([*git, "init", "-q", "--template="], check=True, env=b.git_env())
    return git


def commit(repo: str, paths: list[str]) -> None:
    """Commit `paths` (relative) of `repo`, leaving everything else untracked."""
    git = git_init(repo)
    subprocess.run([*git, "add", "--pathspec-from-file=-", "--pathspec-file-nul"],
                   input="\0".join(paths).encode(), check=True, env=b.git_env())
    subprocess.run([*git, "commit", "-qm", "sources"], check=True, env=b.git_env())
    subprocess.run([*git, "gc", "-q", "--prune=now"], check=True, env=b.git_env())


def py_files(top: str, below: str = "") -> list[str]:
    found = []
    for here, _dirs, names in os.walk(os.path.join(top, below)):
        rel = os.path.relpath(here, top)
        found += [os.path.join(rel, n) for n in names if n.endswith(".py")]
    return found


# ---------------------------------------------------------------------- the trees
def build_python_monorepo(dest: str, copies: int, legacy: bool) -> None:
    """One copy compiled, then copied: compiling 100,000 modules takes minutes, copying not."""
    template = os.path.join(root(), ".py-template")
    shutil.rmtree(template, ignore_errors=True)
    shutil.copytree(django_sources(), template)
    b.freeze_times(template)  # sources old before compiling: the .pyc record that mtime
    compileall(template, legacy)
    b.freeze_times(template)
    for number in range(copies):
        subprocess.run(["cp", "-a", template, os.path.join(dest, f"svc{number:02d}")],
                       check=True)
    shutil.rmtree(template)
    commit(dest, py_files(dest))
    b.freeze_times(dest)


def build_node_workspace(dest: str, repos: int) -> None:
    npm = npm_tree()
    template = os.path.join(root(), ".node-template")
    shutil.rmtree(template, ignore_errors=True)
    shutil.copytree(npm, template, symlinks=True)
    commit(template, ["package.json", "package-lock.json", "index.js"])
    b.freeze_times(template)
    for number in range(repos):
        subprocess.run(["cp", "-a", template, os.path.join(dest, f"repo{number:04d}")],
                       check=True)
    shutil.rmtree(template)


def build_src(dest: str, repos: int) -> None:
    sources, npm = django_sources(), npm_tree()
    template = os.path.join(root(), ".src-template")
    shutil.rmtree(template, ignore_errors=True)
    os.makedirs(template)
    pkg = os.path.join(template, "pkg")
    for part in ("utils", "http"):
        shutil.copytree(os.path.join(sources, "django", part), os.path.join(pkg, part))
    open(os.path.join(pkg, "__init__.py"), "w").close()
    with open(os.path.join(template, "test_pkg.py"), "w", encoding="utf-8") as f:
        f.write("def test_import():\n    import pkg.utils.text  # noqa: F401\n")
    front = os.path.join(template, "frontend")
    shutil.copytree(npm, front, symlinks=True)
    b.freeze_times(template)
    commit(template, [*py_files(template, "pkg"), "test_pkg.py", "frontend/package.json",
                      "frontend/package-lock.json", "frontend/index.js"])
    compileall(pkg)
    pytest = shutil.which("pytest") or ""
    if pytest:  # a real .pytest_cache (the test itself need not pass)
        subprocess.run([pytest, "-q", "-p", "no:randomly", "test_pkg.py"], cwd=template,
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    b.freeze_times(template)
    for number in range(repos):
        subprocess.run(["cp", "-a", template, os.path.join(dest, f"proj{number:03d}")],
                       check=True)
    shutil.rmtree(template)


def build(name: str, scale: float, force: bool) -> str:
    dest = tree_path(name)
    count = max(1, round(COUNTS[name] * scale))
    recipe = {"version": RECIPE_VERSION, "tree": name, "count": count, "django": DJANGO,
              "chalk": CHALK, "index": "refreshed"}  # before: every repo's index stale
    if not force and b.is_built(dest, recipe):
        return dest
    print(f"mkfixtrees: building {dest} ({count}) ...", file=sys.stderr, flush=True)
    b.start_build(dest)
    if name == "pycache":
        build_python_monorepo(dest, count, legacy=False)
    elif name == "legacy-pyc":
        build_python_monorepo(dest, count, legacy=True)
    elif name == "node":
        build_node_workspace(dest, count)
    else:
        build_src(dest, count)
    b.refresh_indexes(dest)  # last: every repo's index as a clone's (its copies' inodes are new)
    b.finish_build(dest, recipe, {"census": b.census(dest)})
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(TREES))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    for name in args.only.split(","):
        print(build(name, args.scale, args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
