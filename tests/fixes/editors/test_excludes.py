"""AI-editor ignore files and pyright's exclude: written where the tool is used, checked by
reading the result back with the tool's own format rules (tomllib, the JSONC oracle)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.fixes.editors import jsonc_oracle
from tidy.fixes.editors import excludes as ei
from tidy.fixes.ignore import plan as ignore_plan

FOLDER = "static/vendor/lib"


def test_editors_detected_from_their_folders(tmp_path: Path) -> None:
    assert ei.editors_in_use(str(tmp_path)) == ()
    (tmp_path / ".cursor").mkdir()
    (tmp_path / ".idea").mkdir()
    assert ei.editors_in_use(str(tmp_path)) == ("cursor", "jetbrains")
    assert ei.editors_in_use(str(tmp_path), ("windsurf",)) == ("windsurf", "cursor", "jetbrains")


def test_parse_editors() -> None:
    assert ei.parse_editors("cursor, jetbrains,cursor") == ("cursor", "jetbrains")
    with pytest.raises(ValueError, match="unknown editor 'emacs'"):
        ei.parse_editors("emacs")


def test_ai_files_carry_a_note_on_committing(tmp_path: Path) -> None:
    plan = ignore_plan.plan_fixes(str(tmp_path), [], [FOLDER], ("cursor", "jetbrains", "windsurf"))
    files = {e.rel: e for e in plan.edits}
    assert set(files) == {".ignore", ".cursorindexingignore", ".aiignore", ".codeiumignore"}
    assert ".cursorignore" not in files  # that one blocks AI access, not just indexing
    for edit in files.values():
        assert f"/{FOLDER}/" in edit.after
        assert "commit" in edit.note


PYPROJECTS = [
    '[project]\nname = "x"\n',
    '[project]\nname = "x"\n\n[tool.pyright]\nstrict = ["a"]\n\n[tool.ruff]\nx = 1\n',
    '[tool.pyright]\nexclude = ["build"]  # ours\n',
    '[tool.pyright]\nexclude = [\n  "build",  # ours\n  "x"\n]\ntypeCheckingMode = "basic"\n',
    '[tool.pyright]\nexclude = [\n  "build",\n]\n',
    '[tool.pyright]\nexclude = [\n  "build",\n  "y"]\n',
    '[tool.pyright]\r\nexclude = ["a"]\r\n',
]


@pytest.mark.parametrize("text", PYPROJECTS)
def test_pyproject_exclude(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_bytes(text.encode())
    edit = ei.pyright_edit(str(tmp_path), [FOLDER])
    assert edit is not None
    before, after = tomllib.loads(text), tomllib.loads(edit.after)
    old = before.get("tool", {}).get("pyright", {}).get("exclude")
    wanted = [*old, FOLDER] if old is not None else [*ei.PYRIGHT_DEFAULTS, FOLDER]
    assert after["tool"]["pyright"]["exclude"] == wanted
    after["tool"]["pyright"].pop("exclude")
    before.setdefault("tool", {}).setdefault("pyright", {}).pop("exclude", None)
    assert after == before  # nothing else changed
    it = iter(edit.after)
    assert all(c in it for c in text)  # insertions only: every old character still in order
    (tmp_path / "pyproject.toml").write_bytes(edit.after.encode())
    assert ei.pyright_edit(str(tmp_path), [FOLDER]) is None  # idempotent


def test_pyrightconfig_wins_and_restates_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.pyright]\n")
    (tmp_path / "pyrightconfig.json").write_text('{\n  // strict\n  "strict": ["src"],\n}\n')
    edit = ei.pyright_edit(str(tmp_path), [FOLDER])
    assert edit is not None and edit.rel == "pyrightconfig.json"
    value = jsonc_oracle.load(edit.after)
    assert value == {"strict": ["src"], "exclude": [*ei.PYRIGHT_DEFAULTS, FOLDER]}
    assert "// strict" in edit.after


def test_no_pyright_config_created_from_nothing(tmp_path: Path) -> None:
    assert ei.pyright_edit(str(tmp_path), [FOLDER]) is None


def test_pyright_only_for_folders_with_python(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    plan = ignore_plan.plan_fixes(str(tmp_path), [], [FOLDER, "static/vendor/js"], (),
                         python_folders=[FOLDER])
    pyproject = next(e for e in plan.edits if e.rel == "pyproject.toml")
    assert "static/vendor/js" not in pyproject.after and FOLDER in pyproject.after


def test_broken_toml_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.pyright\n")
    plan = ignore_plan.plan_fixes(str(tmp_path), [], [FOLDER], (), python_folders=[FOLDER])
    assert any("invalid TOML" in e for e in plan.errors)
    assert (tmp_path / "pyproject.toml").read_text() == "[tool.pyright\n"
