"""Builders for the CI reporter tests: a bloated repository scanned for real, and synthetic
reports of any size built from the models (reporters are pure functions of a Report)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import commit, make_repo, write
from tidy import engine
from tidy.core.config import Config
from tidy.core.models import ActionKind, Applicability, Finding, Fix, Group, Report, Size, Surface

ODD_NAME = "assets/big clip #1, final:cut 100%.bin"  # space, '#', ',', ':', '%'


def bloated_repo(root: Path) -> Path:
    """A repo with a committed cache (fails), a large tracked file with an awkward name, and an
    untracked node_modules."""
    repo = make_repo(root)
    write(repo / "pkg" / "__init__.py", "")
    write(repo / "pkg" / "__pycache__" / "mod.cpython-311.pyc", size=3000)
    write(repo / ODD_NAME, size=2_000_000)
    write(repo / "README.md", "# demo\n")
    commit(repo)
    write(repo / "node_modules" / "left-pad" / "index.js", "module.exports = 1\n")
    return repo


def scan(repo: Path, config: Config | None = None) -> Report:
    return engine.scan([str(repo)], config or Config())


_FIX = Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, "look at it")


def finding(code: str, path: str, size: int = 1000, fails: bool = False,
            kind: str = "") -> Finding:
    return Finding(code=code, rule=f"rule-{code.lower()}", path=path,
                   message=f"{code} says hello", kind=kind, size=Size(size, size, 1, 0),
                   fix=_FIX, fails=fails)


def synthetic(findings: list[Finding], root: str = "/work/repo", label: str = ".") -> Report:
    group = Group(root=root, label=label, is_repo=True, findings=tuple(findings),
                  scanned=Size(), surface_before=Surface(), surface_after=Surface(),
                  reclaimable=Size())
    return Report(roots=(root,), groups=(group,))
