"""What `tidy fix` says of a live process that holds an item back: as fields in its JSON
report (tidy/schemas/fix-v1.json, `in_use`), and before anything moves, in a dry run.

Real processes (orphans, as in test_in_use.py) hold a file open, sit in a cache, run or map a
file of it; real `tidy fix` subprocesses report on them.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import CliResult, run_cli
from tests.fixes.helpers import tidy_env
from tests.fixes.test_in_use import _outcomes, _project, _use
from tests.reporters.test_json import strict
from tests.users import HOLD, detached
from tidy.core.printable import printable


def fix_schema() -> dict[str, Any]:
    text = resources.files("tidy").joinpath("schemas/fix-v1.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _valid(document: dict[str, Any]) -> None:
    """Valid, with no field the schema does not describe."""
    jsonschema.validate(document, strict(fix_schema()), cls=jsonschema.Draft202012Validator)


def _fix(root: Path, state: Path, *args: str) -> CliResult:
    return run_cli("fix", "-q", "--select", "TDY101", *args, str(root), cwd=root,
                   env=tidy_env(state))


# kind of use in test_in_use._use -> what `holds` says, and the path it names
HOLDS = {
    "open": ("file", lambda cache: cache / "v" / "cache" / "nodeids"),
    "cwd": ("cwd", lambda cache: cache / "v"),
    "program": ("exe", lambda cache: cache / "bin" / "server"),
    "mmap": ("mapping", lambda cache: cache / "bin" / "data.bin"),
}


@pytest.mark.parametrize("kind", sorted(HOLDS))
def test_the_json_outcome_names_the_process_as_fields(kind: str, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    cache, free = _project(root, "app"), _project(root, "other")
    with _use(kind, cache, tmp_path) as (pid, _words):
        result = _fix(root, tmp_path / "state", "--yes", "--format", "json")
        assert cache.is_dir()
    document = result.json()
    _valid(document)
    outcomes = _outcomes(result)
    used = outcomes[str(cache)]["in_use"]
    holds, path = HOLDS[kind]
    assert isinstance(used, dict)
    assert used["pid"] == pid and used["holds"] == holds and used["path"] == str(path(cache))
    with open(f"/proc/{pid}/comm", encoding="utf-8") as f:  # still running: its own name
        assert used["program"] == f.read().strip()
    # the command as it is (JSON escapes it); the reason, one line for people, escapes it
    assert printable(str(used["command"])) in str(outcomes[str(cache)]["reason"])
    assert outcomes[str(free)]["status"] == "done" and outcomes[str(free)]["in_use"] is None


def test_a_git_operation_names_its_lock_and_no_process(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    cache = _project(root, "app")
    lock = cache.parent / ".git" / "index.lock"
    lock.write_bytes(b"")
    result = _fix(root, tmp_path / "state", "--yes", "--format", "json")
    _valid(result.json())
    assert _outcomes(result)[str(cache)]["in_use"] == {
        "pid": None, "program": None, "command": None, "holds": "git-lock", "path": str(lock)}
    assert cache.is_dir()


def _left_alone(text: str) -> list[str]:
    return [line for line in text.splitlines() if " left alone: " in line]


def test_a_dry_run_says_what_the_real_run_would_leave_alone_in_its_words(
        tmp_path: Path) -> None:
    """The dry run looks at the live processes as the real run does: the same line, a
    summary that says how many would stay, and nothing moved."""
    root = tmp_path / "ws"
    held, free = _project(root, "served"), _project(root, "idle")
    target = held / "bin" / "data.bin"
    with detached([sys.executable, "-c", HOLD, str(target)]) as pid:
        dry = _fix(root, tmp_path / "state", "--dry-run")
        assert held.is_dir() and free.is_dir(), "a dry run moved something"
        real = _fix(root, tmp_path / "state", "--yes")
    assert dry.code == 0, dry.err
    assert _left_alone(dry.out) == _left_alone(real.out)
    [line] = _left_alone(dry.out)
    assert line.startswith(f"! left alone: served/.pytest_cache in use by pid {pid} (")
    assert line.endswith(f"): it has {target} open")
    assert ("dry run: of 2 items to move, 1 would be left alone now: a running program "
            "uses it") in dry.out
    assert held.is_dir() and not free.exists()


def test_a_dry_run_in_json_marks_the_held_action(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    held, free = _project(root, "served"), _project(root, "idle")
    with _use("cwd", held, tmp_path) as (pid, _words):
        document = _fix(root, tmp_path / "state", "--dry-run", "--format", "json").json()
    _valid(document)
    assert document["dry_run"] is True and document["result"] is None
    assert document["plan"]["held_in_use"] == 1
    by_path = {a["path"]: a for a in document["plan"]["actions"]}
    assert by_path[str(held)]["in_use"]["pid"] == pid
    assert by_path[str(held)]["in_use"]["holds"] == "cwd"
    assert by_path[str(free)]["in_use"] is None
    assert held.is_dir() and free.is_dir()


def test_a_dry_run_with_nobody_using_anything_promises_every_move(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    caches = [_project(root, "a"), _project(root, "b")]
    dry = _fix(root, tmp_path / "state", "--dry-run")
    assert _left_alone(dry.out) == [] and "would be left alone" not in dry.out
    document = _fix(root, tmp_path / "state", "--dry-run", "--format", "json").json()
    _valid(document)
    assert document["plan"]["held_in_use"] == 0
    assert all(a["in_use"] is None for a in document["plan"]["actions"])
    assert all(c.is_dir() for c in caches)


def test_a_real_runs_json_validates_with_nothing_held(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    cache = _project(root, "a")
    document = _fix(root, tmp_path / "state", "--yes", "--format", "json").json()
    _valid(document)
    assert document["plan"]["held_in_use"] == 0 and not cache.exists()
    assert [o["in_use"] for o in document["result"]["outcomes"]] == [None]
