#!/usr/bin/env python3
"""Build the data-in-code corpus of issue 15 from manifest.toml.

usage: bench/corpus/build.py [--out DIR] [--only NAME,...] [--skip-venv] [--python PATH]
       bench/corpus/build.py --relock      # re-resolve support.txt (the dependencies' pins)

Into OUT (default bench/out/corpus, git-ignored; nothing here is committed):
  downloads/        the pinned wheels (sdists where the manifest says so) and their pinned
                    dependencies, from `pip download --no-deps`
  tree/<package>/   each package unpacked (wheel as site-packages lays it out; sdist without
                    its top folder) and committed as its own git repository, fixed author,
                    dates and mtimes: the real tree that `tidy scan` walks
  venv/             a virtualenv with every package and dependency installed (--no-deps from
                    downloads/, so exactly the pinned versions): to import modules before and
                    after an extraction
  built.json        what was built: archives and sizes, trees and their commits

Idempotent and resumable: a download that is present is not fetched again, a tree whose last
commit names the same archive is kept, the venv is rebuilt only when the pins change. It prints
what it fetched and the total download size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Sequence
from typing import Any

import manifest
from manifest import Package, canonical

FIXED_MTIME = 1735689600  # 2025-01-01 00:00 UTC: old enough for tidy's "just written" guards
_GIT_ENV = {
    "GIT_AUTHOR_NAME": "corpus", "GIT_AUTHOR_EMAIL": "corpus@example.invalid",
    "GIT_COMMITTER_NAME": "corpus", "GIT_COMMITTER_EMAIL": "corpus@example.invalid",
    "GIT_AUTHOR_DATE": "2025-01-01T00:00:00+00:00",
    "GIT_COMMITTER_DATE": "2025-01-01T00:00:00+00:00",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}
_ARCHIVE_SUFFIXES = (".whl", ".tar.gz", ".zip", ".tar.bz2")


def say(message: str) -> None:
    print(f"corpus: {message}", flush=True)


def _run(cmd: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    done: subprocess.CompletedProcess[str] = subprocess.run(list(cmd), check=True, text=True,
                                                            **kwargs)
    return done


# ------------------------------------------------------------------------- downloads
def _archive_id(filename: str) -> tuple[str, str, str] | None:
    """(canonical name, version, 'wheel'|'sdist') of a distribution file name."""
    if filename.endswith(".whl"):
        parts = filename[:-4].split("-")
        return (canonical(parts[0]), parts[1], "wheel") if len(parts) >= 5 else None
    for suffix in _ARCHIVE_SUFFIXES[1:]:
        if filename.endswith(suffix):
            name, _, version = filename[: -len(suffix)].rpartition("-")
            return (canonical(name), version, "sdist") if name else None
    return None


def _find(downloads: str, name: str, version: str, dist: str | None) -> str | None:
    want = (canonical(name), version)
    for filename in sorted(os.listdir(downloads)):
        found = _archive_id(filename)
        if found and found[:2] == want and (dist is None or found[2] == dist):
            return os.path.join(downloads, filename)
    return None


def _split_pin(pin: str) -> tuple[str, str]:
    name, _, version = pin.partition("==")
    if not version:
        raise SystemExit(f"corpus: {pin!r} in support.txt is not pinned with ==")
    return name.strip(), version.strip()


def download(packages: list[Package], pins: list[str], downloads: str,
             python: str) -> dict[str, tuple[str, bool]]:
    """Every archive, fetched when missing: pin -> (path, fetched now)."""
    os.makedirs(downloads, exist_ok=True)
    result: dict[str, tuple[str, bool]] = {}
    pip = [python, "-m", "pip", "download", "--no-deps", "-q", "-d", downloads,
           "--disable-pip-version-check"]
    for package in packages:
        path = _find(downloads, package.name, package.version, package.dist)
        fetched = path is None
        if path is None:
            binary = ["--no-binary=:all:"] if package.dist == "sdist" else ["--only-binary=:all:"]
            _run([*pip, *binary, package.pin])
            path = _find(downloads, package.name, package.version, package.dist)
            if path is None:
                raise SystemExit(f"corpus: pip download {package.pin} left no {package.dist}")
        result[package.pin] = (path, fetched)
    missing = [pin for pin in pins if _find(downloads, *_split_pin(pin), None) is None]
    if missing:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("\n".join(missing) + "\n")
        try:
            _run([*pip, "--prefer-binary", "-r", f.name])
        finally:
            os.unlink(f.name)
    for pin in pins:
        path = _find(downloads, *_split_pin(pin), None)
        if path is None:
            raise SystemExit(f"corpus: pip download {pin} left no archive")
        result[pin] = (path, pin in missing)
    return result


# ------------------------------------------------------------------------- trees
def _git(cwd: str, *args: str) -> str:
    env = {**os.environ, **_GIT_ENV}
    return _run(["git", *args], cwd=cwd, env=env, capture_output=True).stdout.strip()


def _safe_member(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return not name.startswith("/") and ".." not in parts


def _unpack(archive: str, dest: str) -> None:
    """The wheel as site-packages lays it out; an sdist without its single top folder."""
    if archive.endswith(".whl"):
        with zipfile.ZipFile(archive) as z:
            bad = [n for n in z.namelist() if not _safe_member(n)]
            if bad:
                raise SystemExit(f"corpus: {archive}: unsafe member {bad[0]!r}")
            z.extractall(dest)
        return
    scratch = dest + ".unpack"
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    if archive.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            if any(not _safe_member(n) for n in z.namelist()):
                raise SystemExit(f"corpus: {archive}: unsafe member")
            z.extractall(scratch)
    else:
        with tarfile.open(archive) as t:
            t.extractall(scratch, filter="data")
    tops = os.listdir(scratch)
    if len(tops) != 1 or not os.path.isdir(os.path.join(scratch, tops[0])):
        raise SystemExit(f"corpus: {archive}: expected one top folder, found {tops[:5]}")
    os.rename(os.path.join(scratch, tops[0]), dest)
    os.rmdir(scratch)


def _normalize(root: str) -> None:
    """Plain modes and one fixed mtime everywhere, so two builds give the same tree."""
    for folder, dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, 0o644)
                os.utime(path, (FIXED_MTIME, FIXED_MTIME))
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)
    for folder, _dirs, _files in os.walk(root, topdown=False):
        os.utime(folder, (FIXED_MTIME, FIXED_MTIME))


def _stamp(package: Package, archive: str) -> str:
    return f"{package.pin} from {os.path.basename(archive)}"


def tree_is_current(dest: str, package: Package, archive: str) -> bool:
    if not os.path.isdir(os.path.join(dest, ".git")):
        return False
    try:
        subject = _git(dest, "log", "-1", "--format=%s")
        dirty = _git(dest, "status", "--porcelain", "--untracked-files=all", "--ignored")
    except subprocess.CalledProcessError:
        return False
    return subject == _stamp(package, archive) and not dirty


def build_tree(package: Package, archive: str, trees: str) -> bool:
    """Unpack and commit the package; False when an identical tree is already there."""
    dest = os.path.join(trees, package.key)
    if tree_is_current(dest, package, archive):
        return False
    partial = dest + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    _unpack(archive, partial)
    _normalize(partial)
    _git(partial, "-c", "init.defaultBranch=main", "init", "-q")
    _git(partial, "-c", "core.autocrlf=false", "add", "-A", "-f")
    _git(partial, "commit", "-q", "--no-verify", "--no-gpg-sign", "-m", _stamp(package, archive))
    _git(partial, "gc", "-q")
    shutil.rmtree(dest, ignore_errors=True)
    os.rename(partial, dest)
    return True


def check_modules(package: Package, trees: str) -> list[str]:
    """Problems with the manifest's modules in the built tree (missing, git-ignored)."""
    dest = os.path.join(trees, package.key)
    problems = []
    for module in package.modules:
        if not os.path.isfile(os.path.join(dest, module.path)):
            problems.append(f"{package.pin}: {module.path} is not in the tree")
            continue
        ignored = subprocess.run(["git", "check-ignore", "-q", module.path], cwd=dest,
                                 env={**os.environ, **_GIT_ENV}, check=False)
        if ignored.returncode == 0:
            problems.append(f"{package.pin}: {module.path} is git-ignored in its tree")
    return problems


def tree_sizes(dest: str) -> dict[str, int]:
    files = total = py = py_files = 0
    for folder, dirs, names in os.walk(dest):
        if folder == dest and ".git" in dirs:
            dirs.remove(".git")
        for name in names:
            size = os.lstat(os.path.join(folder, name)).st_size
            files += 1
            total += size
            if name.endswith(".py"):
                py += size
                py_files += 1
    return {"files": files, "bytes": total, "py_files": py_files, "py_bytes": py}


# ------------------------------------------------------------------------- venv
def _lock_digest(pins: list[str], python: str) -> str:
    version = _run([python, "-c", "import sys; print(sys.version)"], capture_output=True).stdout
    return hashlib.sha256(("\n".join(sorted(pins)) + "\n" + version).encode()).hexdigest()


def build_venv(pins: list[str], downloads: str, venv: str, python: str) -> bool:
    """Every pin installed with --no-deps from downloads/; False when already so."""
    marker = os.path.join(venv, ".corpus-lock")
    want = _lock_digest(pins, python)
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            if f.read().strip() == want:
                return False
    _run([python, "-m", "venv", "--clear", venv])
    vpy = os.path.join(venv, "bin", "python")
    pip = [vpy, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
           "--no-index", "--find-links", downloads]
    tools = [p for p in pins if canonical(_split_pin(p)[0]) in ("setuptools", "wheel")]
    if tools:
        _run([*pip, *tools])
    # sdists are built here: with the pinned setuptools/wheel, no build isolation (no index)
    _run([*pip, "--no-build-isolation", *[p for p in pins if p not in tools]])
    check = subprocess.run([vpy, "-m", "pip", "check"], capture_output=True, text=True,
                           check=False)
    say(f"pip check: {(check.stdout or check.stderr).strip() or 'ok'}")
    with open(marker, "w", encoding="utf-8") as f:
        f.write(want + "\n")
    return True


def relock(packages: list[Package], python: str) -> None:
    """Resolve the packages with their dependencies in a scratch venv; pin what came in."""
    with tempfile.TemporaryDirectory(prefix="corpus-lock-") as scratch:
        venv = os.path.join(scratch, "venv")
        _run([python, "-m", "venv", venv])
        vpy = os.path.join(venv, "bin", "python")
        # the venv's bundled setuptools is too old to build sdists without isolation
        _run([vpy, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-U",
              "setuptools", "wheel"])
        _run([vpy, "-m", "pip", "install", "-q", "--disable-pip-version-check",
              "--prefer-binary", *[p.pin for p in packages]])
        frozen = _run([vpy, "-m", "pip", "freeze", "--all"], capture_output=True).stdout
    ours = {p.key for p in packages} | {"pip"}
    pins = sorted((line for line in frozen.splitlines()
                   if "==" in line and canonical(line.split("==")[0]) not in ours),
                  key=str.lower)
    with open(manifest.SUPPORT, "w", encoding="utf-8") as f:
        f.write("# Dependencies of the corpus packages, pinned so the corpus venv is the same on\n"
                "# every run. Generated by `bench/corpus/build.py --relock` on "
                f"{time.strftime('%Y-%m-%d')} (Python {sys.version.split()[0]}).\n")
        f.write("\n".join(pins) + "\n")
    say(f"wrote {len(pins)} pins to {manifest.SUPPORT}")


# ------------------------------------------------------------------------- main
def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=manifest.DEFAULT_OUT)
    parser.add_argument("--only", default="", help="comma-separated package names")
    parser.add_argument("--skip-venv", action="store_true")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter for pip and the corpus venv (default: this one)")
    parser.add_argument("--relock", action="store_true",
                        help="re-resolve the dependencies into support.txt, then stop")
    args = parser.parse_args(argv)
    packages = manifest.load()
    if args.relock:
        relock(packages, args.python)
        return 0
    if args.only:
        wanted = {canonical(n) for n in args.only.split(",")}
        packages = [p for p in packages if p.key in wanted]
    pins = manifest.support_pins()
    out = os.path.abspath(args.out)
    downloads, trees = os.path.join(out, "downloads"), manifest.tree_root(out)
    os.makedirs(trees, exist_ok=True)
    started = time.monotonic()
    archives = download(packages, [] if args.only else pins, downloads, args.python)
    fetched = [(pin, path) for pin, (path, now) in archives.items() if now]
    for _pin, path in fetched:
        say(f"fetched {os.path.basename(path)} ({_mb(os.path.getsize(path))})")
    corpus_bytes = sum(os.path.getsize(archives[p.pin][0]) for p in packages)
    support_bytes = sum(os.path.getsize(path) for pin, (path, _) in archives.items()
                        if pin in pins)
    say(f"downloads: {len(fetched)} fetched now, {len(archives) - len(fetched)} already there; "
        f"corpus packages {_mb(corpus_bytes)}, dependencies {_mb(support_bytes)}, "
        f"total {_mb(corpus_bytes + support_bytes)}")
    problems: list[str] = []
    built: dict[str, dict[str, Any]] = {}
    for package in packages:
        archive = archives[package.pin][0]
        changed = build_tree(package, archive, trees)
        problems += check_modules(package, trees)
        dest = os.path.join(trees, package.key)
        sizes = tree_sizes(dest)
        built[package.key] = {"pin": package.pin, "archive": os.path.basename(archive),
                              "archive_bytes": os.path.getsize(archive),
                              "commit": _git(dest, "rev-parse", "HEAD"), **sizes}
        say(f"tree {package.key}: {'built' if changed else 'kept'} ({sizes['files']:,} files, "
            f"{_mb(sizes['bytes'])}, .py {_mb(sizes['py_bytes'])})")
    for problem in problems:
        say(f"PROBLEM {problem}")
    if not args.skip_venv and not args.only:
        venv = os.path.join(out, "venv")
        all_pins = [p.pin for p in packages] + pins
        changed = build_venv(all_pins, downloads, venv, args.python)
        say(f"venv {venv}: {'built' if changed else 'kept'} ({len(all_pins)} distributions)")
    if not args.only:
        summary = {"built": time.strftime("%Y-%m-%d %H:%M %Z"), "packages": built,
                   "download_bytes": {"corpus": corpus_bytes, "dependencies": support_bytes},
                   "problems": problems}
        with open(os.path.join(out, "built.json"), "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
    total = sum(int(b["bytes"]) for b in built.values())
    say(f"done in {time.monotonic() - started:.0f} s: {len(packages)} trees, {_mb(total)} "
        f"unpacked under {trees}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
