"""Builders and drivers for the `tidy browse` tests: real trees, the real app run headless.

`drive(app, script)` runs `App.run_test()` (Textual's pilot, no terminal) and awaits `script`;
`until(pilot, ...)` lets the app's loop (and its worker threads) run until a condition holds.
The scans are real: the app's scan child runs `python -m tidy.browse.stream` with this
interpreter and this test's environment (its own state folder, hermetic git).
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import Snapshot, backdate, snapshot
from tidy.browse.app import BrowseApp, Options
from tidy.browse.model import Item
from tidy.browse.rowlist import RowList
from tidy.core.config import load

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DAYS = 86400


def workspace(root: Path) -> Path:
    """Two repos: `web` (an ignored node_modules of 300 kB) and `api` (a __pycache__ and a
    .mypy_cache, untracked and not ignored); everything three days old."""
    web = make_repo(root / "web")
    write(web / "package.json", "{}\n")
    write(web / ".gitignore", "node_modules/\n")
    write(web / "src" / "app.js", "console.log(1)\n")
    write(web / "node_modules" / "left-pad" / "index.js", size=300_000)
    write(web / "node_modules" / "left-pad" / "package.json", '{"name": "left-pad"}\n')
    commit(web, "package.json", ".gitignore", "src/app.js")
    api = make_repo(root / "api")
    write(api / "pkg" / "m.py", "x = 1\n")
    write(api / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=50_000)
    write(api / ".mypy_cache" / "3.11" / "m.data.json", size=20_000)
    commit(api, "pkg/m.py")
    backdate(root, 3 * DAYS)
    return root


def app_for(path: Path, skip_recent: float = 10.0) -> BrowseApp:
    return BrowseApp(Options(str(path.resolve()), load(str(path), None), skip_recent))


def drive(app: BrowseApp, script: Callable[[Pilot[int]], Awaitable[None]],
          size: tuple[int, int] = (80, 24), **kwargs: Any) -> None:
    async def main() -> None:
        async with app.run_test(size=size, **kwargs) as pilot:
            await script(pilot)

    asyncio.run(main())


async def until(pilot: Pilot[int], done: Callable[[], bool], timeout: float = 30.0,
                what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)  # the app's loop runs meanwhile (no wait for it to idle)


async def settled(pilot: Pilot[int], rounds: int = 50) -> None:
    """Wait until every message pump on screen has handled what it was sent.

    `pilot.press` waits for the process to look idle and for each pump to reach a marker queued
    after the key; under load a key the app forwards to the table (and the table's own
    messages after it) can land behind those markers, so the test would read the cursor before
    the key moved it. Here the wait repeats until no pump has anything queued, and then once
    more (what the last round handled may have queued the next hop)."""
    quiet = 0
    for _ in range(rounds):
        await pilot._wait_for_screen()
        app = pilot.app
        pumps = [app, *app.screen.walk_children(with_self=True)]
        quiet = quiet + 1 if all(pump._message_queue.empty() for pump in pumps) else 0
        if quiet >= 2:
            return
        await asyncio.sleep(0.005)
    raise AssertionError("the app never settled after the key presses")


async def press(pilot: Pilot[int], *keys: str) -> None:
    """Press `keys` one after the other, each handled in full (see `settled`) before the next."""
    for key in keys:
        await pilot.press(key)
        await settled(pilot)


def send_key(app: BrowseApp, key: str, char: str | None = None) -> None:
    """A key press through the driver, as `pilot.press` sends it, without then waiting for
    the app to go idle: while a run applies in a thread, the app is not idle, and the wait
    would outlast the run."""
    driver = app._driver
    assert driver is not None
    event = events.Key(key, char)
    event.set_sender(app)
    driver.send_message(event)


async def scanned(pilot: Pilot[int]) -> None:
    app = pilot.app
    assert isinstance(app, BrowseApp)
    await until(pilot, lambda: app.scan_state not in ("starting", "scanning"), what="the scan")
    assert app.scan_state == "done", app.scan_note
    await pilot.pause()


async def filter_by(pilot: Pilot[int], text: str) -> None:
    """`/`, then `text` put into the filter box at once (one Input.Changed, as a paste), then
    enter: the rows are filtered and the table has the focus again."""
    app = pilot.app
    assert isinstance(app, BrowseApp)
    await press(pilot, "slash")
    app.main.query_one("#filter", Input).value = text
    await press(pilot, "enter")


def rows(app: BrowseApp) -> list[list[str]]:
    """The main table as text, row by row."""
    table = app.main.query_one("#rows", RowList)
    return [[str(getattr(cell, "plain", cell)) for cell in table.get_row_at(i)]
            for i in range(table.row_count)]


def cursor_path(app: BrowseApp) -> str:
    """The path of the finding under the cursor, or the label of the group row."""
    row = app.main.current_row()
    assert row is not None
    return row.finding.path if isinstance(row, Item) else row.group.label


def tree_snapshot(root: Path) -> Snapshot:
    """tests.fixes.helpers.snapshot without any repo's `.git` (trash folders live there)."""
    return {k: v for k, v in snapshot(root).items() if b".git" not in k.split(b"/")}


def svg_text(svg: str) -> str:
    """The characters a screenshot shows, in document order (lines run together)."""
    return html.unescape("".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))).replace(
        "\xa0", " ")


def svg_colours(svg: str) -> set[tuple[int, int, int]]:
    """Colours of the terminal's text and cell backgrounds (not the window's decoration)."""
    found = re.findall(r"\.terminal-[\w-]+ \{ fill: #([0-9a-fA-F]{6})", svg)
    found += re.findall(r'<rect fill="#([0-9a-fA-F]{6})"[^>]*shape-rendering="crispEdges"', svg)
    return {(int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)) for h in found}


def journal(state: Path) -> list[dict[str, Any]]:
    entries = []
    runs = state / "runs"
    for name in sorted(os.listdir(runs)) if runs.is_dir() else []:
        if name.startswith("."):  # a journal being created (`.RUN.jsonl.new`), then renamed
            continue
        with open(runs / name, encoding="ascii") as f:
            entries += [json.loads(line) for line in f if line.strip()]
    return entries


ALT_SCREEN_OFF = b"\x1b[?1049l"  # leaving the alternate screen: the terminal is given back


def read_until(fd: int, wanted: bytes, seen: bytearray, timeout: float) -> bool:
    """Read a pseudo-terminal into `seen` until `wanted` shows up (or the time is up)."""
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # EIO: the other side closed the terminal
                break
    return wanted in seen


def terminal(rows: int = 24, columns: int = 80) -> tuple[int, int]:
    """A real pseudo-terminal of that size: (master, slave)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return master, slave


def browse_in_terminal(root: Path, state: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`python -m tidy browse ROOT` in a real 80x24 pseudo-terminal (a session of its own,
    its own state folder): the process and the terminal's master side."""
    from tests.conftest import hermetic_env

    master, slave = terminal()
    app = subprocess.Popen([sys.executable, "-m", "tidy", "browse", str(root)], cwd=root,
                           stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                           env=hermetic_env({"TIDY_STATE_DIR": str(state),
                                             "TERM": "xterm-256color"}))
    os.close(slave)
    return app, master


def type_keys(fd: int, keys: bytes, seen: bytearray) -> None:
    """Keys typed into the terminal, and what it shows for a moment after (the round trip
    through the app, and sshd where there is one)."""
    os.write(fd, keys)
    read_until(fd, b"\0never\0", seen, 0.4)


def plan_the_artifacts(fd: int, seen: bytearray) -> None:
    """In a browse that has scanned: filter to TDY101, mark every row, plan, ask to apply;
    returns at its `Apply (y)` question."""
    type_keys(fd, b"/", seen)
    type_keys(fd, b"rule:TDY101\r", seen)
    type_keys(fd, b"a", seen)
    type_keys(fd, b"p", seen)
    assert read_until(fd, b"Plan for", seen, 30), bytes(seen[-3000:])
    type_keys(fd, b"\r", seen)
    assert read_until(fd, b"Apply (y)", seen, 30), bytes(seen[-3000:])
