"""Write tidy/core/catalog_data.py: tidy/core/catalog.toml, parsed, as a Python literal.

    python scripts/catalog_data.py          # after editing catalog.toml
    python scripts/catalog_data.py --check  # exit 1 when catalog_data.py is out of date

Every scan and commit hook reads the built-in catalogue; parsing its TOML took ~5 ms of each
(tomllib is pure Python), loading the same data from this module's .pyc a fraction of a
millisecond. The module keeps the exact text it was made from: tidy uses its DOCUMENT only
while catalog.toml still reads the same, and parses the TOML otherwise, so a stale module is
slower, never wrong. tests/core/test_catalog.py fails while it is stale.
"""

from __future__ import annotations

import argparse
import pprint
import sys
import tomllib
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "tidy" / "core"
SOURCE, TARGET = CORE / "catalog.toml", CORE / "catalog_data.py"

HEADER = '''"""tidy/core/catalog.toml, parsed (written by scripts/catalog_data.py; do not edit).

catalog.load_builtin uses DOCUMENT only while catalog.toml's text is SOURCE.
"""

from __future__ import annotations

from typing import Any

'''


def render(text: str) -> str:
    document = tomllib.loads(text)
    lines = "".join(f"    {line!r}\n" for line in text.splitlines(keepends=True))
    shown = pprint.pformat(document, width=100, sort_dicts=False)
    return f"{HEADER}SOURCE = (\n{lines})\n\nDOCUMENT: dict[str, Any] = {shown}\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    check = parser.parse_args().check
    wanted = render(SOURCE.read_text(encoding="utf-8"))
    if check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET} is out of date: run python scripts/catalog_data.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
