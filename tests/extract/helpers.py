"""Builders for extraction tests: literal source text written independently of tidy's encoder,
a fresh-process import that ships values back, and a small type-exact comparator of its own."""

from __future__ import annotations

import math
import os
import pickle
import struct
import subprocess
import sys
from array import array
from collections import OrderedDict
from pathlib import Path
from typing import Any


def lit(value: Any) -> str:
    """Python source for a literal value (repr, except where repr is not a literal)."""
    kind = type(value)
    if kind is float:
        if math.isnan(value):
            raise ValueError("nan has no literal spelling")
        if math.isinf(value):
            return "1e999" if value > 0 else "-1e999"
        return repr(value)
    if kind is complex:
        return f"({lit(value.real)} + {lit(abs(value.imag))}j)" if value.imag >= 0 else \
            f"({lit(value.real)} - {lit(-value.imag)}j)"
    if kind is list:
        return "[" + ", ".join(lit(v) for v in value) + "]"
    if kind is tuple:
        return "(" + "".join(lit(v) + ", " for v in value) + ")"
    if kind is set:
        return "{" + ", ".join(lit(v) for v in value) + "}" if value else "set()"
    if kind is dict:
        return "{" + ", ".join(f"{lit(k)}: {lit(v)}" for k, v in value.items()) + "}"
    if value is Ellipsis:
        return "..."
    if kind is int and value.bit_length() > 13_000:
        return hex(value)  # decimal conversion is limited to 4300 digits
    return repr(value)  # str (surrogates come out escaped), bytes, int, bool, None, Ellipsis


def same(a: Any, b: Any) -> bool:
    """Type-exact equality written for the tests (not tidy's verify.py)."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return struct.pack("<d", a) == struct.pack("<d", b)
    if type(a) is complex:
        return same(a.real, b.real) and same(a.imag, b.imag)
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=False))
    if type(a) is dict or type(a) is OrderedDict:
        return len(a) == len(b) and all(same(ka, kb) and same(va, vb) for (ka, va), (kb, vb)
                                        in zip(a.items(), b.items(), strict=False))
    if type(a) in (set, frozenset):
        return len(a) == len(b) and all(any(same(x, y) for y in b) for x in a)
    if type(a) is array:
        return a.typecode == b.typecode and a.tobytes() == b.tobytes()
    return bool(a == b)


_IMPORT = """
import importlib, pickle, sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
module = importlib.import_module(sys.argv[2])
sys.stdout.buffer.write(pickle.dumps({n: getattr(module, n) for n in sys.argv[3:]}))
"""


def import_fresh(root: Path, module: str, *names: str, python: str = sys.executable,
                 cwd: Path | None = None) -> dict[str, Any]:
    """Import `module` in a new interpreter and return the named values (pickled back)."""
    done = subprocess.run([python, "-c", _IMPORT, str(root), module, *names],
                          capture_output=True, check=False, cwd=cwd or root,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stderr.decode()
    values: dict[str, Any] = pickle.loads(done.stdout)  # test-only channel from our own child
    return values


def package(tmp: Path, name: str = "pkg") -> Path:
    folder = tmp / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "__init__.py").write_text("")
    return folder


def data_module(rows: int = 6000) -> str:
    """A module that is mostly one literal (TDY301), with a function of its own."""
    lines = ['"""Questions for the mock API."""', "", "QUESTIONS = ["]
    lines += [f'    {{"id": {i}, "text": "question number {i} about chemistry?", '
              f'"score": {i * 0.5}, "tags": ("a", "b")}},' for i in range(rows)]
    lines += ["]", "", "", "def count():", "    return len(QUESTIONS)", ""]
    return "\n".join(lines)


def data_module_repo(root: Path, package: str = "mockapi", rows: int = 3000) -> Path:
    """A repository at `root` with one committed data module, PACKAGE/data.py: its path."""
    from tests.conftest import commit, make_repo, write

    repo = make_repo(root)
    module = write(repo / package / "data.py", data_module(rows))
    write(repo / package / "__init__.py", "")
    commit(repo)
    return module


def wheel_files(project: Path, wheels: Path) -> list[str]:
    """The names in the wheel pip builds from `project` (no isolation, no index: the build
    backend installed here), written to `wheels`."""
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
                    "--no-index", "-q", "-w", str(wheels), str(project)], check=True,
                   capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    return zipfile.ZipFile(wheel).namelist()
