"""Report -> Plan: what is chosen, what is left out and why (findings are data; paths real)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tidy.core.models import (
    ActionKind,
    Applicability,
    Finding,
    Fix,
    Group,
    Report,
    Size,
    Surface,
    Tracked,
)
from tidy.fixes import plan as planning

SAFE = Fix(ActionKind.TRASH, Applicability.SAFE, "trash")
UNSAFE = Fix(ActionKind.TRASH, Applicability.UNSAFE, "trash")


def finding(path: str, code: str = "TDY101", fix: Fix = SAFE, kind: str = "node_modules",
            activity: float = 0.0, tracked: Tracked = Tracked.UNTRACKED,
            details: tuple[tuple[str, str], ...] = ()) -> Finding:
    return Finding(code, "rule", path, "why", kind=kind, size=Size(10, 4096, 1, 1),
                   tracked=tracked, fix=fix, activity=activity, details=details)


def report(root: Path, *findings: Finding) -> Report:
    group = Group(str(root), ".", False, findings, Size(), Surface(), Surface(), Size())
    return Report((str(root),), (group,))


def test_nested_paths_go_with_their_parent_even_beside_look_alike_names(tmp_path: Path) -> None:
    for rel in ("a/b/x", "a/b c", "a/b/x/deeper"):
        (tmp_path / rel).mkdir(parents=True)
    plan = planning.build(report(tmp_path, finding("a/b/x/deeper"), finding("a/b c"),
                                 finding("a/b/x"), finding("a/b/x", code="TDY103")))
    assert sorted(a.rel for a in plan.actions) == ["a/b c", "a/b/x"]
    assert [(i.path, i.reason.split(" (")[0]) for i in plan.left_out] == [
        (str(tmp_path / "a/b/x/deeper"), f"goes with {tmp_path / 'a/b/x'}")]


def test_stale_bytecode_expands_to_the_named_files(tmp_path: Path) -> None:
    write(tmp_path / "__pycache__" / "gone.pyc", b"12345")
    write(tmp_path / "__pycache__" / "live.pyc", b"1")
    plan = planning.build(report(tmp_path, finding(
        "__pycache__", code="TDY103", kind="__pycache__", details=(("stale", "gone.pyc"),))))
    (action,) = plan.actions
    assert action.rel == "__pycache__/gone.pyc" and action.bytes == 5
    assert action.expected.type == "file"


def test_unsafe_tracked_symlinked_and_young_are_left_out_with_reasons(tmp_path: Path) -> None:
    for rel in ("venv", "tracked", "young"):
        (tmp_path / rel).mkdir()
    os.symlink(str(tmp_path / "young"), tmp_path / "link")
    now = time.time()
    found = report(
        tmp_path,
        finding("venv", fix=UNSAFE, kind="venv"),
        finding("tracked", tracked=Tracked.PARTLY),
        finding("link", activity=now - 10 * 86400),
        finding("young", activity=now - 3600),
    )
    plan = planning.build(found, planning.PlanOptions(older_than=86400, now=now))
    reasons = {os.path.basename(i.path): i.reason for i in plan.left_out}
    assert plan.actions == ()
    assert "--unsafe-fixes" in reasons["venv"]
    assert "tracked" in reasons["tracked"]
    assert "symlink" in reasons["link"]
    assert "project changed 1h ago" in reasons["young"]


def test_select_ignore_and_kind_narrow_silently(tmp_path: Path) -> None:
    for rel in ("a", "b"):
        (tmp_path / rel).mkdir()
    found = report(tmp_path, finding("a", code="TDY101"), finding("b", code="TDY104", kind="x"))
    only = planning.build(found, planning.PlanOptions(select=("TDY10",), ignore=("TDY104",)))
    assert [a.rel for a in only.actions] == ["a"] and only.left_out == ()
    kinds = planning.build(found, planning.PlanOptions(kinds=("x",)))
    assert [a.rel for a in kinds.actions] == ["b"]


@pytest.mark.parametrize("root", ["/", "HOME"])
def test_roots_that_are_refused(root: str, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    target = Path(str(tmp_path) if root == "HOME" else "/")
    with pytest.raises(planning.PlanRefused, match="refusing"):
        planning.build(report(target))
