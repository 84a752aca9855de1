"""tidy's `.ignore` decisions against git's: random trees, random patterns, git as the oracle.

The same patterns go into `.gitignore` files of a real repo; `git check-ignore --no-index`
says what git ignores. Whatever tidy's SurfaceFilter decides (pathspec where it is safe,
git on a mirror where pathspec is known to differ) must be the same.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pathspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import hermetic_env
from tidy.workspace.ignorefiles import SurfaceFilter

_DIRS = ["a", "b", "node_modules", ".h", "c d"]
_FILES = ["x.py", "y.log", "a", "z.min.js", ".e"]
_SEGMENTS = ["a", "b", "*", "**", "x.py", "*.log", "?", "node_modules", "[ab]", "c d", "*.js"]


@st.composite
def trees(draw: st.DrawFn) -> list[str]:
    """Relative file paths (folders are implied by them)."""
    paths = set()
    for _ in range(draw(st.integers(1, 12))):
        depth = draw(st.integers(0, 3))
        parts = [draw(st.sampled_from(_DIRS)) for _ in range(depth)]
        parts.append(draw(st.sampled_from(_FILES)))
        paths.add("/".join(parts))
    # a name can't be both a file and a folder
    folders = {p.rsplit("/", 1)[0] for p in paths if "/" in p}
    prefixes = {"/".join(f.split("/")[:i]) for f in folders for i in range(1, f.count("/") + 2)}
    return sorted(p for p in paths if p not in prefixes)


@st.composite
def patterns(draw: st.DrawFn) -> str:
    segments = [draw(st.sampled_from(_SEGMENTS)) for _ in range(draw(st.integers(1, 3)))]
    text = "/".join(segments)
    if draw(st.booleans()):
        text = "/" + text
    if draw(st.booleans()):
        text += "/"
    if draw(st.integers(0, 3)) == 0:
        text = "!" + text
    return text


def _all_paths(files: list[str]) -> list[tuple[str, bool]]:
    found: dict[str, bool] = {}
    for path in files:
        parts = path.split("/")
        for i in range(1, len(parts)):
            found["/".join(parts[:i])] = True
        found[path] = False
    return sorted(found.items())


def _git_ignored(repo: str, paths: list[str]) -> set[str]:
    proc = subprocess.run(
        ["git", "-C", repo, "check-ignore", "--no-index", "-z", "--stdin"],
        input=b"".join(os.fsencode(p) + b"\0" for p in paths),
        capture_output=True, env=hermetic_env(), check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return {os.fsdecode(p) for p in proc.stdout.split(b"\0") if p}


def _build(root: str, files: list[str], ignore_files: dict[str, list[str]]) -> None:
    subprocess.run(["git", "init", "-q", root], check=True, env=hermetic_env())
    for path in files:
        full = Path(root, path)
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_text("x\n")
    for folder, lines in ignore_files.items():
        base = Path(root) if folder == "." else Path(root, folder)
        base.mkdir(parents=True, exist_ok=True)
        (base / ".gitignore").write_text("".join(line + "\n" for line in lines))


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=trees(), root_rules=st.lists(patterns(), min_size=1, max_size=4),
       nested_rules=st.lists(patterns(), max_size=3))
def test_tidy_agrees_with_git(files: list[str], root_rules: list[str],
                              nested_rules: list[str]) -> None:
    ignore_files = {".": root_rules}
    nested = next((p.split("/")[0] for p in files if "/" in p), None)
    if nested is not None and nested_rules:
        ignore_files[nested] = nested_rules
    with tempfile.TemporaryDirectory() as root:
        _build(root, files, ignore_files)
        entries = _all_paths(files)
        git_says = _git_ignored(root, [p for p, _ in entries])
        tidy = SurfaceFilter(root, {k: [v] for k, v in ignore_files.items()})
        tidy.prepare(entries)
        for path, is_dir in entries:
            assert tidy.excluded(path, is_dir) == (path in git_says), (
                f"{path} (dir={is_dir}) with {ignore_files}; git decides via mirror: "
                f"{tidy.use_git}")


def test_git_decides_where_pathspec_differs(tmp_path: Path) -> None:
    # python-pathspec #137: `d/**` reports the folder d/ itself ignored; git does not.
    root = str(tmp_path)
    _build(root, ["d/f.txt", "e/g.txt"], {".": ["d/**", "!e/g.txt", "e/"]})
    alone = pathspec.GitIgnoreSpec.from_lines(["d/**"])
    assert alone.match_file("d/") is True  # the divergence this guards against
    tidy = SurfaceFilter(root, {".": [["d/**", "!e/g.txt", "e/"]]})
    assert tidy.use_git
    git_says = _git_ignored(root, ["d", "d/f.txt", "e", "e/g.txt"])
    assert tidy.excluded("d", True) == ("d" in git_says)
    assert tidy.excluded("d/f.txt", False) == ("d/f.txt" in git_says)
    # git's parent rule: a file under an excluded folder cannot be re-included
    assert tidy.excluded("e/g.txt", False) == ("e/g.txt" in git_says) is True


def test_rgignore_wins_over_ignore_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / ".ignore").write_text("vendor/\n")
    (tmp_path / ".rgignore").write_text("!vendor/\n")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "a.js").write_text("TODO\n")
    rg = subprocess.run(["rg", "--files", "--no-require-git"], cwd=tmp_path,
                        capture_output=True, text=True, check=False)
    from tidy.workspace.ignorefiles import surface_filter

    tidy = surface_filter(str(tmp_path))
    assert ("vendor/a.js" in rg.stdout.split()) == (not tidy.excluded("vendor", True))
