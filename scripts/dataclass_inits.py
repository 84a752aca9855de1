"""Write tidy/_dataclass_inits.py: the __init__ of each of tidy's dataclasses, compiled ahead.

    python scripts/dataclass_inits.py          # after adding or changing a dataclass
    python scripts/dataclass_inits.py --check  # exit 1 when _dataclass_inits.py is out of date

On Python 3.11 and 3.12 `dataclasses` compiles each class's __init__ from a text of its own as
the class is made (tidy/_dataclass_methods.py defers every other method to its first call):
75 compiles before a scan's walk, ~12 ms of its CPU. This script imports every module of tidy,
records each __init__ text `dataclasses` hands its `exec`, and writes them out as Python, each
followed by the line that files its code under its text: the module's .pyc then holds them
compiled, and tidy._dataclass_methods answers such an `exec` with that code. A class changed
since, or another Python (its texts differ: 3.12 names the return type otherwise), finds no
text here and is compiled as before: slower, never wrong. tests/core/test_dataclass_inits.py
fails while the file is stale on the Python it was written with.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tidy" / "_dataclass_inits.py"

HEADER = '''"""The __init__ of each of tidy's dataclasses, compiled ahead (written by
scripts/dataclass_inits.py with Python {python}; do not edit).

CODES maps each __init__ text `dataclasses` compiles (`def __create_fn__(...)`, the __init__
inside) to the code Python compiles from that very text, loaded from this module's .pyc:
tidy._dataclass_methods answers `dataclasses`' exec of such a text with it. A text not here is
compiled as before.
"""
# mypy: ignore-errors
# ruff: noqa
# fmt: off

PYTHON = {python!r}
CODES = {{}}
'''


def collect() -> list[str]:
    """Every __init__ text of a tidy dataclass, in the order the modules make them (each
    once), importing every module of tidy in this process."""
    sys.path.insert(0, str(ROOT))
    import tidy  # installs tidy._dataclass_methods' exec

    texts: dict[str, None] = {}
    answer = getattr(dataclasses, "exec", None)
    if answer is None:
        sys.exit("dataclass_inits: this Python's dataclasses compiles no text per method "
                 "(3.13 and later): nothing to write")

    def recording(source: Any, globals: dict[str, Any] | None = None,
                  locals: dict[str, Any] | None = None) -> None:
        if (isinstance(source, str) and "\n def __init__(" in source
                and str((globals or {}).get("__name__", "")).startswith("tidy")):
            texts[source] = None
        answer(source, globals, locals)

    dataclasses.exec = recording  # type: ignore[attr-defined]
    try:
        for found in pkgutil.walk_packages(tidy.__path__, "tidy."):
            if found.name != "tidy._dataclass_inits":
                importlib.import_module(found.name)
    finally:
        dataclasses.exec = answer  # type: ignore[attr-defined]
    return list(texts)


def render(texts: list[str]) -> str:
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    parts = [HEADER.format(python=python)]
    for text in texts:
        parts.append(f"\n{text}\nCODES[{text!r}] = __create_fn__.__code__\n")
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    check = parser.parse_args().check
    wanted = render(collect())
    if check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run "
                  "python scripts/dataclass_inits.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
