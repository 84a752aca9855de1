"""Where the loader stub reads its data file from: beside the module in a folder, inside a
zip on sys.path (a zipapp, a zipped wheel), and for a module run as a script; and what that
costs: reading through the module's own loader imports nothing (importlib.resources alone
costs ~18 ms of CPU, more than a pyc'd data module of a few hundred kB took to import)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.extract.helpers import import_fresh, package, same
from tidy.extract.core import extract_module

ROWS = [{"id": i, "tags": ("a", i), "ratio": i / 7} for i in range(400)]
CODES = {i: f"c{i}" for i in range(300)}


def _extracted(tmp_path: Path) -> Path:
    folder = package(tmp_path)
    module = folder / "tables.py"
    module.write_text(f"ROWS = {ROWS!r}\nCODES = {CODES!r}\n\n\ndef first():\n"
                      "    return CODES[0]\n\n\nif __name__ == '__main__':\n"
                      "    print(len(ROWS), first())\n", encoding="utf-8")
    result = extract_module(str(module))
    assert set(result.names) == {"ROWS", "CODES"} and result.tagged
    return folder


def _run(code: str, *path: Path) -> str:
    done = subprocess.run([sys.executable, "-I", "-S", "-c", code, *map(str, path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_package_in_a_folder_reads_its_data_without_importlib_resources(
        tmp_path: Path) -> None:
    _extracted(tmp_path)
    got = import_fresh(tmp_path, "pkg.tables", "ROWS", "CODES")
    assert same(got["ROWS"], ROWS) and same(got["CODES"], CODES)
    loaded = _run("import sys; sys.path.insert(0, sys.argv[1]); import pkg.tables as t; "
                  "t.ROWS; print(t.first(), 'importlib.resources' in sys.modules)", tmp_path)
    assert loaded == "c0 False"


def test_a_package_inside_a_zip_reads_its_data_from_the_zip(tmp_path: Path) -> None:
    folder = _extracted(tmp_path / "src")
    archive = tmp_path / "app.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(folder.iterdir()):
            zipped.write(path, f"pkg/{path.name}")
    got = _run("import sys; sys.path.insert(0, sys.argv[1]); import pkg.tables as t; "
               "print(t.__spec__.loader.__class__.__name__, len(t.ROWS), t.ROWS[3], t.first())",
               archive)
    assert got == f"zipimporter 400 {ROWS[3]!r} c0"


def test_a_module_run_as_a_script_reads_the_file_beside_it(tmp_path: Path) -> None:
    script = _extracted(tmp_path) / "tables.py"
    done = subprocess.run([sys.executable, "-I", "-S", str(script)], capture_output=True,
                          text=True, check=False, cwd=tmp_path.parent)
    assert (done.returncode, done.stdout.strip()) == (0, "400 c0"), done.stderr


def test_a_data_function_gives_a_new_object_each_call_and_copies_nothing_at_first(
        tmp_path: Path) -> None:
    # idna's uts46data: `def _seg_0(): return [(0x0, '3'), ...]`, each called once at import
    # by `uts46data = tuple(_seg_0() + ...)`; a deep copy per call was ~11 ms of that import
    folder = package(tmp_path)
    rows = [(i, "M", f"x{i}") for i in range(400)]
    module = folder / "segs.py"
    module.write_text(f"def _seg_0():\n    return {rows!r}\n\n\ndef _seg_1():\n"
                      f"    return {[[i, [i]] for i in range(200)]!r}\n\n\n"
                      "TABLE = tuple(_seg_0() + _seg_1())\n", encoding="utf-8")
    result = extract_module(str(module))
    assert set(result.names) == {"_seg_0()", "_seg_1()"}
    got = _run("import sys; sys.path.insert(0, sys.argv[1]); import pkg.segs as m\n"
               "copied_at_import = 'copy' in sys.modules\n"
               "first = m._seg_1(); first[0][1].append('changed'); first.append('more')\n"
               "second, third = m._seg_1(), m._seg_1()\n"
               "print(copied_at_import, len(m.TABLE), m.TABLE[0], second == third, "
               "second is not third, second[0][1] is not third[0][1], second[0], len(second))",
               tmp_path)
    assert got == "False 600 (0, 'M', 'x0') True True True [0, [0]] 200"
