"""The rewrite: only the literal's span changes; no-op, idempotence, CRLF, encoding cookie,
shebang, non-UTF-8 source, undo."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.extract.helpers import import_fresh, package, same
from tidy.extract.core import ExtractError, extract_module, undo_extract
from tidy.extract.locate import statements

ROWS = [{"name": f"n{i}", "v": i * 1.5, "t": (i, "x")} for i in range(200)]


def _module(head: bytes, body_lines: list[str], tail: bytes, newline: bytes = b"\n",
            encoding: str = "utf-8") -> bytes:
    text = newline.join(line.encode(encoding) for line in ["ROWS = [", *body_lines, "]"])
    return head + text + newline + tail


def _kept_outside_span(old: bytes, new: bytes) -> None:
    (stmt,) = [s for s in statements(old) if s.name == "ROWS"]
    assert new.startswith(old[:stmt.start])
    assert new.endswith(old[stmt.end:])


def test_only_the_span_changes_and_module_works(tmp_path: Path) -> None:
    folder = package(tmp_path)
    head = b"#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n\"\"\"Doc.\"\"\"\nimport os\n\n"
    tail = b"\n\ndef first():\n    return ROWS[0]  # uses the data: eager\n"
    old = _module(head, [f"    {r!r}," for r in ROWS], tail)
    (folder / "rows.py").write_bytes(old)
    result = extract_module(str(folder / "rows.py"))
    new = (folder / "rows.py").read_bytes()
    _kept_outside_span(old, new)
    assert result.eager == ("ROWS",)
    values = import_fresh(tmp_path, "pkg.rows", "ROWS")
    assert same(values["ROWS"], ROWS)
    raw = gzip.decompress((folder / "rows.json.gz").read_bytes())
    assert json.loads(raw)["ROWS"][0]["t"] == {"$tuple": [0, "x"]}
    assert (folder / "rows.json.gz").read_bytes()[4:8] == b"\0\0\0\0"  # mtime 0
    again = extract_module(str(folder / "rows.py"))
    assert again.status == "up-to-date" and (folder / "rows.py").read_bytes() == new


def test_deterministic_output(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        folder = package(tmp_path / name)
        (folder / "m.py").write_bytes(_module(b"", [f"    {r!r}," for r in ROWS], b""))
        extract_module(str(folder / "m.py"))
        outputs.append(((folder / "m.py").read_bytes(), (folder / "m.json.gz").read_bytes()))
    assert outputs[0] == outputs[1]


def test_crlf_file_stays_crlf(tmp_path: Path) -> None:
    folder = package(tmp_path)
    old = _module(b"X = 1\r\n", [f"    {r!r}," for r in ROWS], b"Y = 2\r\n", newline=b"\r\n")
    (folder / "m.py").write_bytes(old)
    extract_module(str(folder / "m.py"))
    new = (folder / "m.py").read_bytes()
    assert new.count(b"\n") == new.count(b"\r\n")
    _kept_outside_span(old, new)
    assert same(import_fresh(tmp_path, "pkg.m", "ROWS", "X", "Y"),
                {"ROWS": ROWS, "X": 1, "Y": 2})


def test_latin1_cookie_and_non_utf8_bytes(tmp_path: Path) -> None:
    folder = package(tmp_path)
    rows = [{"caf\xe9": "na\xefve " * i} for i in range(300)]
    head = b"# -*- coding: latin-1 -*-\n# caf\xe9 comment\n"
    old = _module(head, [f"    {r!r}," for r in rows], b"S = 'd\xe9j\xe0'\n", encoding="latin-1")
    (folder / "m.py").write_bytes(old)
    extract_module(str(folder / "m.py"))
    new = (folder / "m.py").read_bytes()
    _kept_outside_span(old, new)
    assert same(import_fresh(tmp_path, "pkg.m", "ROWS", "S"), {"ROWS": rows, "S": "d\xe9j\xe0"})


def test_lazy_name_star_import_dir_and_plain_json(tmp_path: Path) -> None:
    folder = package(tmp_path)
    old = _module(b'"""Plain data."""\n', [f"    {r!r}," for r in range(500)], b"")
    (folder / "m.py").write_bytes(old)
    result = extract_module(str(folder / "m.py"), fmt="json")
    assert result.eager == () and not result.tagged
    assert json.loads((folder / "m.json").read_text())["ROWS"] == list(range(500))
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import pkg.m as m;"
              "assert 'ROWS' not in vars(m); assert 'ROWS' in dir(m);"
              "assert '__annotations__' not in vars(m);"
              "from pkg.m import *; assert ROWS == list(range(500)); print(m.__annotations__)")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "{}\n"  # no annotation added: the module had none
    assert "# ROWS: list[int], loaded on first access" in (folder / "m.py").read_text()


def test_undo_restores_module_and_removes_data(tmp_path: Path) -> None:
    folder = package(tmp_path)
    old = _module(b"", [f"    {r!r}," for r in ROWS], b"")
    (folder / "m.py").write_bytes(old)
    result = extract_module(str(folder / "m.py"))
    assert Path(result.backup).is_dir() and str(tmp_path) not in result.backup
    undo_extract(str(folder / "m.py"))
    assert (folder / "m.py").read_bytes() == old
    assert not (folder / "m.json.gz").exists()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    folder = package(tmp_path)
    old = _module(b"", [f"    {r!r}," for r in ROWS], b"")
    (folder / "m.py").write_bytes(old)
    result = extract_module(str(folder / "m.py"), dry_run=True)
    assert result.status == "dry-run" and sorted(p.name for p in folder.iterdir()) == [
        "__init__.py", "m.py"]


def test_single_module_distribution_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "1"\n')
    (tmp_path / "m.py").write_bytes(_module(b"", [f"    {r!r}," for r in ROWS], b""))
    with pytest.raises(ExtractError, match="single-module"):
        extract_module(str(tmp_path / "m.py"))
    assert not (tmp_path / "m.json.gz").exists()


def test_cli_refusal_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("import os\nX = [os.sep] * 2000\n")
    done = subprocess.run([sys.executable, "-m", "tidy", "extract", "m.py", "--name", "X"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "extract refused" in done.stderr


@pytest.mark.parametrize("head", [b"", b"MAP = {'verb': 'verb'}\n", b"# generated\n"])
def test_a_module_starting_with_a_bom_keeps_it_once(tmp_path: Path, head: bytes) -> None:
    """libqutrub 1.2.4.1's triverbtable.py starts with a UTF-8 BOM (Python reads it as the
    file's encoding): the stub and each replaced value were encoded with "utf-8-sig", each
    with a BOM of its own, and the rewritten module did not compile (U+FEFF at line 1, 3...)."""
    folder = package(tmp_path)
    old = b"\xef\xbb\xbf" + _module(head, [f"    {r!r}," for r in ROWS], b"\nN = len(ROWS)\n")
    (folder / "m.py").write_bytes(old)
    extract_module(str(folder / "m.py"))
    new = (folder / "m.py").read_bytes()
    assert new.startswith(b"\xef\xbb\xbf") and new.count(b"\xef\xbb\xbf") == 1
    _kept_outside_span(old, new)
    assert same(import_fresh(tmp_path, "pkg.m", "ROWS", "N"), {"ROWS": ROWS, "N": len(ROWS)})
