"""TDY301 follows a callee imported from the project one hop (tidy/rules/first_party.py):
what the other module binds the name to, read from its bytes at check time, so the content
cache stays right when that module changes; two hops, a link or another project: by name."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import commit, findings, hermetic_env, make_repo, run_cli, write
from tests.extract.test_scan_agrees import _table_of_calls
from tests.rules.context import context
from tidy.core.models import ActionKind, Fix
from tidy.rules import data_in_code
from tidy.rules.first_party import _absolute

DEF = "def Row(a, b):\n    return {'a': a, 'b': b}\n"
CLASS = "class Row:\n    def __init__(self, a, b):\n        self.a = a\n"
EVALUATE = "--evaluate: values built by Row()"


def _scan_fix(repo: Path, state: Path) -> dict[str, object]:
    env = hermetic_env({"TIDY_STATE_DIR": str(state), "HOME": str(state / "home")})
    done = run_cli("scan", "--select", "TDY301", "--format", "json", "-q", "--no-record", ".",
                   cwd=repo, env=env)
    assert done.code in (0, 1), done.err
    [found] = findings(json.loads(done.out), "TDY301")
    return found["fix"]


@pytest.mark.slow
def test_a_change_to_the_imported_module_is_seen_by_the_next_cached_scan(tmp_path: Path) -> None:
    """The table's verdict comes from the cache (its file unchanged); what models.py binds
    Row to is read from models.py's own facts, which its change makes stale."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "pkg" / "__init__.py", "")
    write(repo / "pkg" / "models.py", DEF)
    write(repo / "pkg" / "table.py", _table_of_calls("from .models import Row\n",
                                                     "Row({i}, 'x')"))
    commit(repo)
    state = tmp_path / "state"
    assert EVALUATE in str(_scan_fix(repo, state)["description"])
    assert EVALUATE in str(_scan_fix(repo, state)["description"])  # from the cache
    write(repo / "pkg" / "models.py", CLASS)
    became = _scan_fix(repo, state)
    assert became["action"] == "none" and "no extraction offered" in str(
        became["description"]), became
    write(repo / "pkg" / "models.py", "# the function again\n" + DEF)
    assert EVALUATE in str(_scan_fix(repo, state)["description"])


def _fix(root: Path) -> Fix:
    rel = "pkg/table.py"
    ctx = context(root=str(root), tracked=[], data_min_size=10_000,
                  big_files={rel: (root / rel).stat().st_size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None
    return found.fix


def _package(root: Path, models: str) -> None:
    write(root / "pkg" / "__init__.py", "")
    write(root / "pkg" / "table.py", _table_of_calls("from .models import Row\n",
                                                     "Row({i}, 'x')"))
    if models:
        write(root / "pkg" / "models.py", models)


def test_one_hop_only(tmp_path: Path) -> None:
    """models.py imports Row from base.py in turn: not followed, Row judged by its name
    (capitalised: a class, no offer) as before dic-13."""
    _package(tmp_path, "from .base import Row\n")
    write(tmp_path / "pkg" / "base.py", DEF)
    fix = _fix(tmp_path)
    assert fix.action is ActionKind.NONE and EVALUATE not in fix.description


def test_a_link_is_not_followed(tmp_path: Path) -> None:
    """models.py a link to a file outside the scanned root: not read (the content pass opens
    nothing through a link), Row judged by its name."""
    root = tmp_path / "root"
    _package(root, "")
    outside = write(tmp_path / "elsewhere.py", DEF)
    os.symlink(outside, root / "pkg" / "models.py")
    fix = _fix(root)
    assert fix.action is ActionKind.NONE and EVALUATE not in fix.description


def test_the_same_file_plain_is_followed(tmp_path: Path) -> None:
    """The guard of the two above: models.py itself holding the def is followed."""
    _package(tmp_path, DEF)
    assert EVALUATE in _fix(tmp_path).description


def test_a_module_bigger_than_the_head_is_left_to_the_name(tmp_path: Path) -> None:
    _package(tmp_path, DEF + "X = 1\n" * 50_000)
    fix = _fix(tmp_path)
    assert fix.action is ActionKind.NONE and EVALUATE not in fix.description


@pytest.mark.parametrize(("dotted", "package", "absolute"), [
    (".models.Row", "a.b", "a.b.models.Row"),
    ("..models.Row", "a.b", "a.models.Row"),
    (".Row", "a", "a.Row"),
    ("..Row", "a", ""),  # above the top package: the import fails
    (".Row", "", ""),
    ("mypkg.rows.Row", "a", "mypkg.rows.Row"),
])
def test_a_relative_import_is_read_against_the_package(dotted: str, package: str,
                                                       absolute: str) -> None:
    assert _absolute(dotted, package) == absolute
