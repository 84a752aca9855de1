"""What tidy draws on a terminal, and what it leaves out: NO_COLOR (https://no-color.org) means
no ANSI escape in any command's output, and piped text has no box-drawing lines.

Real subprocesses on a real pseudo-terminal: colour is only ever decided by isatty()."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import hermetic_env, make_repo, on_a_terminal, run_cli, write

ANSI = re.compile(rb"\x1b[\[\]()]")
BOX_DRAWING = re.compile("[\u2500-\u257f]")

# Every command that prints a report, a table or a page (browse is the Textual app).
COMMANDS = [
    ["scan", "."],
    ["fix", "--dry-run", "."],
    ["trash", "list"],
    ["log"],
    ["history", "."],
    ["rules"],
    ["rule", "TDY101"],
    ["undo"],
    ["trash", "purge", "--dry-run"],
    ["init"],
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "p")
    write(repo / "pkg/__pycache__/m.cpython-312.pyc", size=2_000)
    write(repo / "node_modules/x/index.js", size=3_000)
    return repo


def _env(**extra: str) -> dict[str, str]:
    return {**{k: v for k, v in hermetic_env().items() if k not in ("CI", "NO_COLOR")},
            "COLUMNS": "120", **extra}


@pytest.mark.slow
def test_a_terminal_gets_colour_and_no_color_takes_every_escape_away(project: Path) -> None:
    assert ANSI.search(on_a_terminal(["scan", "."], project, _env())), "colour on a terminal"
    for args in COMMANDS:
        drawn = on_a_terminal(args, project, _env(NO_COLOR="1"))
        assert drawn, args
        assert not ANSI.search(drawn), (args, drawn[:400])


@pytest.mark.slow
def test_a_piped_fix_plan_and_trash_list_draw_no_boxes(project: Path) -> None:
    plan = run_cli("fix", "--dry-run", ".", cwd=project)
    assert plan.code == 0 and "tidy fix: plan" in plan.out
    assert "__pycache__" in plan.out
    assert not BOX_DRAWING.search(plan.out), plan.out
    # On a terminal, the plan keeps its lines.
    assert BOX_DRAWING.search(on_a_terminal(["fix", "--dry-run", "."], project,
                                            _env()).decode())
    assert run_cli("fix", "--yes", "--skip-recent", "0s", ".", cwd=project).code == 0
    listed = run_cli("trash", "list", cwd=project)
    assert "fix" in listed.out and "the trash is empty" not in listed.out
    assert not BOX_DRAWING.search(listed.out), listed.out
