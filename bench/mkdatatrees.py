#!/usr/bin/env python3
"""Build the data-heavy trees of the content-pass benchmark (issue 16).

usage: mkdatatrees.py [module51|wheels|all] [--dest DIR] [--force]   (DIR: $TIDY_BENCH_DIR)

module51  DIR/module51: a git repo with one committed 51 MB module shaped like the seed's
          mock_api.py (../shared/bench/mkmockapi.py at its default 283,000 questions) beside a
          small package that imports it.
wheels    DIR/wheels/<name>/: the wheels of ten data-heavy PyPI packages (WHEELS, pinned),
          each unpacked and committed as a repo of its own; DIR/wheels itself is no repo.

Downloads are kept in bench/out/downloads. Every file and folder gets the mtime 2025-01-01 UTC
and commits have fixed dates. DIR/<tree>.built is written last, with the recipe and a census; a
tree whose marker holds the same recipe is reused as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _build as b
import mkwebapp

MODULE_QUESTIONS = 283_000  # mkmockapi.py's default: 51.3 MB
# Pure-Python wheels whose size is mostly data: tables in .py modules (pypinyin, phonenumbers,
# emoji, idna, wcwidth, chardet, ua-parser, faker's providers, pygments' lexer maps) or data
# files beside them (babel's locale-data pickles).
WHEELS = (
    "pypinyin==0.53.0",
    "Faker==30.8.2",
    "phonenumbers==8.13.49",
    "Pygments==2.18.0",
    "babel==2.16.0",
    "emoji==2.14.0",
    "ua-parser==0.18.0",
    "chardet==5.2.0",
    "idna==3.10",
    "wcwidth==0.2.13",
)
RECIPE_VERSION = 1

APP = '''\
"""Questions for the quiz screens, served from the mock data."""

from mock_api import QUESTIONS, by_subject, get_question

__all__ = ["QUESTIONS", "by_subject", "get_question", "count"]


def count() -> int:
    return len(QUESTIONS)
'''


def module51(dest: str, force: bool = False) -> dict[str, object]:
    recipe: dict[str, object] = {"version": RECIPE_VERSION, "questions": MODULE_QUESTIONS}
    if not force and b.is_built(dest, recipe):
        return b.read_built(dest)
    print(f"mkdatatrees: building {dest} ...", file=sys.stderr, flush=True)
    started = time.monotonic()
    b.start_build(dest)
    subprocess.run([sys.executable, mkwebapp.mkmockapi(), os.path.join(dest, "mock_api.py"),
                    str(MODULE_QUESTIONS)], check=True)
    with open(os.path.join(dest, "quiz.py"), "w", encoding="utf-8") as f:
        f.write(APP)
    with open(os.path.join(dest, "README.md"), "w", encoding="utf-8") as f:
        f.write("# quiz\n\nMock questions for local development (mock_api.py).\n")
    b.freeze_times(dest)
    b.commit_all(dest, "quiz with its mock data")
    b.finish_build(dest, recipe, {"dest": dest, "tracked_files": b.tracked_count(dest),
                                  **b.census(dest, ["mock_api.py"]),
                                  "build_s": round(time.monotonic() - started, 1)})
    return b.read_built(dest)


def wheels(dest: str, force: bool = False) -> dict[str, object]:
    # "index": each repo's index refreshed after the last freeze_times (before, all stale)
    recipe: dict[str, object] = {"version": RECIPE_VERSION, "wheels": list(WHEELS),
                                 "index": "refreshed"}
    if not force and b.is_built(dest, recipe):
        return b.read_built(dest)
    print(f"mkdatatrees: building {dest} ...", file=sys.stderr, flush=True)
    started = time.monotonic()
    archives = [b.pip_download(w, sdist=False) for w in WHEELS]
    b.start_build(dest)
    repos = {}
    for requirement, archive in zip(WHEELS, archives, strict=True):
        name = requirement.partition("==")[0].lower()
        repo = os.path.join(dest, name)
        os.makedirs(repo)
        with zipfile.ZipFile(archive) as wheel:
            wheel.extractall(repo)
        b.freeze_times(repo)
        b.commit_all(repo, f"{os.path.basename(archive)}, unpacked")
        repos[name] = {"wheel": os.path.basename(archive), **b.census(repo)}
    b.freeze_times(dest)
    b.refresh_indexes(dest)  # last: each repo's index as a clone's
    b.finish_build(dest, recipe, {"dest": dest, **b.census(dest), "repos": repos,
                                  "build_s": round(time.monotonic() - started, 1)})
    return b.read_built(dest)


BUILDERS = {"module51": module51, "wheels": wheels}


def ensure(which: str, root: str | None = None, force: bool = False) -> dict[str, object]:
    return BUILDERS[which](os.path.join(root or mkwebapp.default_dest_root(), which), force)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", nargs="?", choices=[*BUILDERS, "all"], default="all")
    parser.add_argument("--dest", help="folder of the trees (default: $TIDY_BENCH_DIR)")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.dest) if args.dest else None
    for which in BUILDERS if args.tree == "all" else [args.tree]:
        print(json.dumps(ensure(which, root, args.force), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
