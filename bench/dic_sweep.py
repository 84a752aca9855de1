#!/usr/bin/env python3
"""The data-in-code judgement of one tidy tree over many modules: a mirror, or labelled ones.

usage: bench/dic_sweep.py unpack ARCHIVE_DIR... --out DIR
       bench/dic_sweep.py judge --src SRC --modules DIR --out FILE.jsonl
       bench/dic_sweep.py compare BEFORE.jsonl AFTER.jsonl
       bench/dic_sweep.py labels --src SRC MANIFEST.toml... --roots ROOT...

unpack: every .py of 64 kB or more inside the wheels and sdists under ARCHIVE_DIR (the
machine's PyPI mirror: /opt/pypi/files, /opt/pypi-more/files) copied to DIR/ARCHIVE/PATH.
judge: each of those modules judged by the tidy source tree SRC (`git archive REF | tar x -C
SRC`), one JSON line each: path, bytes, TDY301, TDY302, share, judged to the end, the module's
own classes its data calls, CPU seconds. compare: verdicts and data shares that differ, and
the CPU of both. labels: every module of the manifests (bench/corpus/*.toml) found under one
of ROOT/NAME, ROOT/NAME-VERSION*, ROOT/name_version* (a tree per package: dic_audit.py's
WORK/tree, an unpacked archive), judged, and scored against its label.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import tarfile
import time
import tomllib
import zipfile
from typing import Any

FLOOR = 64_000


def unpack(archives: list[str], out: str) -> int:
    count = 0
    for root in archives:
        for folder, _, files in os.walk(root):
            for name in sorted(files):
                count += _unpack_one(os.path.join(folder, name), os.path.join(out, name))
    return count


def _unpack_one(path: str, out: str) -> int:
    count = 0
    try:
        if path.endswith((".whl", ".zip")):
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    if info.filename.endswith(".py") and info.file_size >= FLOOR:
                        count += _write(out, info.filename, archive.read(info))
        elif path.endswith((".tar.gz", ".tgz", ".tar.bz2")):
            with tarfile.open(path) as archive:
                for member in archive:
                    handle = archive.extractfile(member) if member.isfile() else None
                    if handle and member.name.endswith(".py") and member.size >= FLOOR:
                        count += _write(out, member.name, handle.read())
    except (OSError, tarfile.TarError, zipfile.BadZipFile) as error:
        print(f"dic-sweep: skipped {path}: {error}", file=sys.stderr)
    return count


def _write(out: str, member: str, data: bytes) -> int:
    target = os.path.join(out, member.lstrip("/").replace("..", "_"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(data)
    return 1


def _judge_python(src: str) -> Any:
    sys.path.insert(0, os.path.abspath(src))
    from tidy.analysis.data_in_code import judge_python
    return judge_python


def judge(src: str, modules: str, out: str) -> None:
    judge_python = _judge_python(src)
    with open(out, "w", encoding="utf-8") as sink:
        for folder, dirs, files in os.walk(modules):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    data = f.read()
                started = time.process_time()
                verdict = judge_python(data)
                spent = time.process_time() - started
                sink.write(json.dumps([os.path.relpath(path, modules), len(data), verdict.is_data,
                                       bool(verdict.giant_strings),
                                       round(verdict.literal_fraction, 4), verdict.complete,
                                       list(verdict.own_classes), spent]) + "\n")


def compare(before_path: str, after_path: str) -> None:
    before, after = _rows(before_path), _rows(after_path)
    changed = [k for k in before if before[k][2:4] != after[k][2:4]]
    shares = [k for k in before if before[k][2] and abs(before[k][4] - after[k][4]) > 1e-4]
    megabytes = sum(r[1] for r in before.values()) / 1e6
    print(f"modules {len(before)}; reported {sum(1 for r in before.values() if r[2] or r[3])}"
          f" -> {sum(1 for r in after.values() if r[2] or r[3])}; verdicts changed "
          f"{len(changed)}; shares of data modules changed {len(shares)}; CPU "
          f"{sum(r[7] for r in before.values()):.1f} -> {sum(r[7] for r in after.values()):.1f}"
          f" s over {megabytes:.0f} MB")
    for key in changed:
        print(f"  {before[key][2:5]} -> {after[key][2:5]} {key}")


def _rows(path: str) -> dict[str, list[Any]]:
    with open(path, encoding="utf-8") as f:
        return {row[0]: row for row in map(json.loads, f)}


def labels(src: str, manifests: list[str], roots: list[str]) -> None:
    judge_python = _judge_python(src)
    score: dict[str, dict[str, int]] = {}
    for manifest in manifests:
        with open(manifest, "rb") as f:
            body = tomllib.load(f)
        tally = score.setdefault(os.path.basename(manifest), {})
        for package in body.get("package", []):
            trees = _trees(roots, package["name"], package["version"])
            for module in package.get("module", []):
                found = [os.path.join(t, module["path"]) for t in trees
                         if os.path.isfile(os.path.join(t, module["path"]))]
                label = module["label"]
                if not found:
                    tally["not found"] = tally.get("not found", 0) + 1
                    continue
                with open(found[0], "rb") as f:
                    data = f.read()
                verdict = judge_python(data)
                reported = verdict.is_data or bool(verdict.giant_strings)
                kind = label if label != "data" or len(data) >= FLOOR else "small-data"
                tally[kind] = tally.get(kind, 0) + 1
                tally[kind + " reported"] = tally.get(kind + " reported", 0) + reported
                if kind != "small-data" and reported != (label == "data"):  # the floor decides
                    print(f"  {label:10s} {'reported' if reported else 'not reported':12s} "
                          f"{verdict.literal_fraction:.3f} {package['name']}: {module['path']}")
    for manifest, tally in score.items():
        print(manifest, ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))


def _trees(roots: list[str], name: str, version: str) -> list[str]:
    spellings = {name, name.lower(), name.replace("-", "_").replace(".", "_")}
    found: list[str] = []
    for root in roots:
        for spelled in spellings:
            found += [p for p in glob.glob(os.path.join(root, spelled)) +
                      glob.glob(os.path.join(root, f"{spelled}-{version}*"))
                      if os.path.isdir(p)]
    return list(dict.fromkeys(found))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("unpack")
    one.add_argument("archives", nargs="+")
    one.add_argument("--out", required=True)
    two = sub.add_parser("judge")
    two.add_argument("--src", required=True)
    two.add_argument("--modules", required=True)
    two.add_argument("--out", required=True)
    three = sub.add_parser("compare")
    three.add_argument("before")
    three.add_argument("after")
    four = sub.add_parser("labels")
    four.add_argument("--src", required=True)
    four.add_argument("manifests", nargs="+")
    four.add_argument("--roots", nargs="+", required=True)
    args = parser.parse_args()
    if args.command == "unpack":
        print(f"{unpack(args.archives, args.out)} modules of 64 kB or more")
    elif args.command == "judge":
        judge(args.src, args.modules, args.out)
    elif args.command == "compare":
        compare(args.before, args.after)
    else:
        labels(args.src, args.manifests, args.roots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
