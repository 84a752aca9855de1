"""`tidy watch --once` and `tidy watch --status` print one line per action, whatever the
names: a newline, or bytes that are not UTF-8, in a project's path are escaped.

Before, `moved .../pro\\nj\\xff/we\\nb2/node_modules` was printed over three lines, with the
raw byte 0xff: a reader (or a script counting actions) saw lines that were no action.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import write
from tests.safety.helpers import tidy
from tests.watch.helpers import DAY, set_age


def test_each_action_is_one_line_however_its_path_is_named(tmp_path: Path) -> None:
    root = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/pro\nj\xff"))
    for project in ("web", "we\nb2"):
        write(root / project / "package.json", "{}\n")
        write(root / project / "node_modules" / "dep" / "index.js", "x\n")
    set_age(root, 40 * DAY)
    state = tmp_path / "st"

    once = tidy("watch", "--once", str(root), cwd=tmp_path, state=state)
    assert once.returncode == 0, once.stdout + once.stderr
    status = tidy("watch", "--status", cwd=tmp_path, state=state)
    assert status.returncode == 0, status.stdout + status.stderr
    for said in (once.stdout, status.stdout):
        actions = [line for line in said.splitlines() if "old-artifact" in line]
        assert len(actions) == 2, said
        assert all("pro\\nj\\xff/" in line and line.endswith("/node_modules")
                   for line in actions), said
        assert "\udcff" not in said and len(said.splitlines()) == said.count("\n")
    assert not (root / "web" / "node_modules").exists()
