"""Write tidy/core/catalog_data.py: tidy/core/catalog.toml, parsed, as a Python literal.

    python scripts/catalog_data.py          # after editing catalog.toml
    python scripts/catalog_data.py --check  # exit 1 when catalog_data.py is out of date

Every scan and commit hook reads the built-in catalogue; parsing its TOML took ~5 ms of each
(tomllib is pure Python), loading the same data from this module's .pyc a fraction of a
millisecond. The module keeps the exact text it was made from: tidy uses its DOCUMENT only
while catalog.toml still reads the same, and parses the TOML otherwise, so a stale module is
slower, never wrong. tests/core/test_catalog.py fails while it is stale.

KINDS holds each kind as catalog.kind_from_table made it from that document (checked and
normalised: each field that is not its default), so a run builds the 153 Kinds without
checking every table again (~4 ms of each process's start-up); catalog.load_builtin uses them
only while the text is SOURCE and Kind's fields are KIND_FIELDS.
"""

from __future__ import annotations

import argparse
import dataclasses
import pprint
import sys
import tomllib
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "tidy" / "core"
SOURCE, TARGET = CORE / "catalog.toml", CORE / "catalog_data.py"

HEADER = '''"""tidy/core/catalog.toml, parsed (written by scripts/catalog_data.py; do not edit).

catalog.load_builtin uses DOCUMENT and KINDS only while catalog.toml's text is SOURCE (and
KINDS only while Kind's fields are KIND_FIELDS).
"""

from __future__ import annotations

from typing import Any

'''


def render(text: str) -> str:
    sys.path.insert(0, str(CORE.parent.parent))
    from tidy.core.catalog import Kind, kinds_from_document

    document = tomllib.loads(text)
    lines = "".join(f"    {line!r}\n" for line in text.splitlines(keepends=True))
    shown = pprint.pformat(document, width=100, sort_dicts=False)
    fields = dataclasses.fields(Kind)
    checked = [{f.name: getattr(kind, f.name) for f in fields
                if f.default is dataclasses.MISSING or getattr(kind, f.name) != f.default}
               for kind in kinds_from_document(document, "tidy/core/catalog.toml")]
    names = tuple(f.name for f in fields)
    kinds = pprint.pformat(tuple(checked), width=100, sort_dicts=False)
    return (f"{HEADER}SOURCE = (\n{lines})\n\nDOCUMENT: dict[str, Any] = {shown}\n\n"
            f"KIND_FIELDS = {names!r}\n\nKINDS: tuple[dict[str, Any], ...] = {kinds}\n")


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
