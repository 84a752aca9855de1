"""`tidy browse`: look through a scan, choose, and clean, in a terminal UI (Textual).

    app.py       the app and its main screen: rows stream in as the scan goes
    stream.py    the scan in a child process, streamed group by group (Ctrl-C kills it)
    model.py     groups, rows, marks; the marked findings as a Report
    filters.py   the `/` filter (words, kind:, rule:, age:, state:, fix:)
    actions.py   marks -> tidy fix's plan -> one confirmed, journaled run
    screens.py   the plan, its confirmation, the result, the keys
    drill.py     ncdu-style folders, from tree.py (the scan's layout; no second walk)
    evidence.py  the pane that says why a finding is one
    cells.py     how sizes, ages, git state and fixes read in a cell
    rowlist.py   the tables: rows drawn only where seen (100,000 findings answer at once)
    panes.py     text panes updated without laying the screen out again when their size stays

Only the CLI imports this package, and only for `tidy browse`: Textual's import time is
never paid by other commands.
"""

from __future__ import annotations

import os

from tidy.core.config import Config


def run(path: str, config: Config, skip_recent: float = 10.0) -> int:
    """Run the app on a terminal until the user quits; the exit code (1: a run needed
    attention, else 0)."""
    from tidy.browse.app import BrowseApp, Options

    app = BrowseApp(Options(os.path.realpath(os.path.abspath(path)), config, skip_recent))
    try:
        code = app.run()
    finally:
        app.stop_applying.set()  # the app died (an exception, a signal): stop between moves
        app.stream.close()
    return int(code or 0)
