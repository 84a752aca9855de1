"""VS Code's search.exclude / files.exclude in the search surface, checked against ripgrep's
own glob exclusion (`rg --files -g '!GLOB'`) on the same tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, scan_json, write
from tidy.workspace.editor_excludes import glob_regex, settings_globs


def _rg_files(root: Path, globs: list[str]) -> int:
    args = ["rg", "--files", "--no-config"]
    for glob in globs:
        args += ["-g", f"!{glob}"]
    out = subprocess.run(args, cwd=root, capture_output=True, env=hermetic_env(), check=False)
    return len(out.stdout.splitlines())


@pytest.mark.parametrize(("glob", "path", "expected"), [
    ("**/node_modules", "a/b/node_modules", True),
    ("**/node_modules", "node_modules", True),
    ("static/vendor/**", "static/vendor/x", True),
    ("static/vendor/**", "static/vendorx", False),
    ("{build,dist}/**", "dist/x", True),
    ("*.log", "a/x.log", False),  # no **/: anchored at the root
    ("src/?.py", "src/a.py", True),
])
def test_glob_syntax(glob: str, path: str, expected: bool) -> None:
    assert bool(glob_regex(glob).match(path)) is expected


def test_surface_leaves_out_what_settings_exclude(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "app" / "main.py", "print(1)\n")
    for i in range(5):
        write(repo / "static" / "vendor" / "lib" / "dist" / f"c{i}.js", "x" * 100)
        write(repo / "web" / "node_modules" / f"p{i}" / "index.js", "y" * 10)
    write(repo / ".vscode" / "settings.json",
          '{\n  // editor settings\n  "search.exclude": {"static/vendor/**": true, '
          '"docs/**": false,},\n  "files.exclude": {"**/node_modules": true}\n}\n')
    commit(repo, "app", "static", ".vscode")
    globs = settings_globs(str(repo))
    assert globs == ["static/vendor/**", "**/node_modules"]
    (group,) = scan_json(repo, "--select", "TDY1")["groups"]
    assert group["surface"]["before"]["files"] == _rg_files(repo, globs) == 1


def test_a_broken_settings_file_changes_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "a.py", "x = 1\n")
    write(repo / ".vscode" / "settings.json", '{"search.exclude": {"**/a.py": true')
    commit(repo, "a.py")
    assert settings_globs(str(repo)) == []
    (group,) = scan_json(repo, "--select", "TDY1")["groups"]
    assert group["surface"]["before"]["files"] == 1
