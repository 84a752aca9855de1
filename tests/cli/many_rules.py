"""A small real repo that triggers many rules at once (caches, committed caches, stale
bytecode, OS junk, big and huge tracked files, a duplicate, a data module, vendored libraries
used and unused), for tests that compare what several views of one scan say."""

from __future__ import annotations

import random
from pathlib import Path

from tests.conftest import commit, make_repo, write

MINIFIED = "var a=function(){return 1};" * 400 + "\n"
# Thresholds low enough for small files: TDY201 over 100 kB, TDY202 over 1 MB.
SCAN_OPTIONS = ("--large-file", "100KB", "--max-file-size", "1MB", "--no-record")


def data_module_text(rows: int = 3000) -> str:
    """A module that is one literal of data (TDY301), ~170 kB."""
    rng = random.Random(7)
    data = [{"id": i, "name": f"n{i}", "v": round(rng.random(), 6)} for i in range(rows)]
    return f"DATA = {data!r}\n"


def write_vendored_site(repo: Path) -> None:
    """Two vendored libraries under static/vendor: jquery, which a template loads (TDY403),
    and ketcher, which nothing references (TDY401)."""
    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", MINIFIED)
    write(repo / "static/vendor/jquery/package.json", '{"name": "jquery", "version": "3.6.0"}')
    write(repo / "static/vendor/jquery/jquery.min.js", MINIFIED)
    write(repo / "templates/base.html", '<script src="/static/vendor/jquery/jquery.min.js">\n')


def many_rules_repo(root: Path) -> Path:
    repo = make_repo(root)
    write(repo / "pyproject.toml", '[project]\nname = "demo"\nversion = "0"\n')
    write(repo / "app" / "main.py", "import json\n")
    write(repo / "app" / "mock_data.py", data_module_text())
    write(repo / "committed" / "__pycache__" / "m.cpython-311.pyc", size=500)
    write(repo / "data" / "big.bin", bytes(range(256)) * 800)  # 204,800 bytes
    write(repo / "data" / "copy_of_big.bin", bytes(range(256)) * 800)
    write(repo / "data" / "huge.bin", size=1_500_000)
    write_vendored_site(repo)
    commit(repo)
    write(repo / "app" / "__pycache__" / "main.cpython-311.pyc", size=2_000)
    write(repo / "app" / "__pycache__" / "gone.cpython-311.pyc", size=1_000)  # no gone.py
    write(repo / "web" / "node_modules" / "left-pad" / "index.js", size=3_000)
    write(repo / "web" / "package.json", '{"name": "web"}')
    write(repo / ".DS_Store", size=6148)
    return repo
