"""`tidy scan`'s text report keeps each path on its line: a newline in a folder's name is
shown as \\n (bytes that are not UTF-8 were already shown as \\xNN). Before, the group title
and the finding's path were split over two lines (the table showed two rows for one)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import write
from tests.fixes.helpers import backdate
from tests.safety.helpers import tidy


def test_a_newline_in_a_name_stays_on_its_line(tmp_path: Path) -> None:
    root = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/pro\nj\xff"))
    web = root / os.fsdecode(b"we\nb\xfe")
    write(web / "package.json", "{}\n")
    write(web / "node_modules" / "dep" / "index.js", "x\n")
    backdate(root)
    done = tidy("scan", "--select", "TDY101", str(root), cwd=tmp_path, state=tmp_path / "st")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith(str(tmp_path) + "/pro\\nj\\xff ") for line in lines), lines
    assert any(line.rstrip().endswith("we\\nb\\xfe/node_modules") for line in lines), lines
