"""Property: on random trees, `tidy fix --yes` never changes a tracked file or anything outside
the root, and `tidy undo` brings the whole tree back exactly (path, type, bytes, mode, link
target, file mtime).

Trees mix tracked and untracked files, caches (__pycache__, node_modules beside package.json,
.pytest_cache), a tracked file inside a cache, symlinks inside and out of the root (one
named like a cache), odd names (spaces, unicode, a newline, bytes that are not UTF-8, glob
characters) and read-only files and folders.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate, snapshot
from tidy.cli import main

NAMES = ["p", "with space", "café", "new\nline", os.fsdecode(b"bad\xff"), "[glob]*?", "-dash"]

project_spec = st.fixed_dictionaries({
    "name": st.sampled_from(NAMES),
    "tracked_source": st.booleans(),
    "pycache": st.booleans(),
    "tracked_in_pycache": st.booleans(),
    "node_modules": st.booleans(),
    "link_out": st.booleans(),
    "read_only": st.booleans(),
    "pytest_cache": st.booleans(),
    "cache_named_link_out": st.booleans(),
})


def build(base: Path, specs: list[dict[str, Any]]) -> tuple[Path, Path, list[Path]]:
    """(root, outside, caches that a safe fix must move)."""
    outside = base / "outside"
    write(outside / "precious.txt", "outside the root\n")
    write(outside / "__pycache__" / "x.pyc", b"outside cache")
    root = make_repo(base / "root")
    tracked: list[str] = []
    movable: list[Path] = []
    for index, spec in enumerate(specs):
        name = f"{spec['name']}{index}"
        project = root / name
        write(project / "mod.py", f"value = {index}\n")
        if spec["tracked_source"]:
            tracked.append(f"{name}/mod.py")
        if spec["pycache"]:
            cache = project / "__pycache__"
            write(cache / "mod.cpython-311.pyc", b"\x00" * (index + 1))
            if spec["tracked_in_pycache"]:
                write(cache / "committed.pyc", b"committed")
                tracked.append(f"{name}/__pycache__/committed.pyc")
            else:
                movable.append(cache)
        if spec["node_modules"]:
            write(project / "package.json", "{}\n")
            tracked.append(f"{name}/package.json")
            modules = project / "node_modules"
            write(modules / "dep" / "index.js", "module.exports = 1\n")
            os.makedirs(modules / ".bin")
            os.symlink("../dep/index.js", modules / ".bin" / "dep")
            if spec["link_out"]:
                os.symlink(str(outside), modules / ".bin" / "out")
            if spec["read_only"]:
                (modules / "dep" / "index.js").chmod(0o444)
                (modules / "dep").chmod(0o555)
            movable.append(modules)
        if spec["pytest_cache"]:
            write(project / ".pytest_cache" / "v" / "lastfailed", "{}\n")
            movable.append(project / ".pytest_cache")
        if spec["cache_named_link_out"]:
            os.symlink(str(outside / "__pycache__"), project / "build-cache-link")
            if not spec["pycache"]:
                os.symlink(str(outside / "__pycache__"), project / "__pycache__")
        if spec["read_only"]:
            (project / "mod.py").chmod(0o444)
    if tracked:
        commit(root, *tracked)
    backdate(base)
    return root, outside, movable


def tidy(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue() + err.getvalue()


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(specs=st.lists(project_spec, min_size=1, max_size=3))
def test_fix_touches_nothing_tracked_or_outside_and_undo_restores_all(
        specs: list[dict[str, Any]]) -> None:
    base = Path(tempfile.mkdtemp(prefix="tidy-prop-"))
    saved = os.environ.get("TIDY_STATE_DIR")
    os.environ["TIDY_STATE_DIR"] = str(base / "state")
    try:
        root, outside, movable = build(base, specs)
        before = snapshot(root)
        outside_before = snapshot(outside)
        tracked_before = {k: v for k, v in before.items()
                          if os.fsdecode(k) in _tracked(root)}
        code, output = tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json",
                            str(root))
        assert code == 0, output
        result = json.loads(output)["result"]
        after = snapshot(root)
        assert {k: after.get(k) for k in tracked_before} == tracked_before
        assert snapshot(outside) == outside_before
        for cache in movable:
            assert not os.path.lexists(cache), f"{cache} was not moved: {result}"
        assert result["moved_to_trash"]["items"] == len(movable)
        code, output = tidy("undo", "--last-anywhere")  # run from elsewhere: reach further
        assert code == 0, output
        assert snapshot(root) == before
        assert snapshot(outside) == outside_before
    finally:
        if saved is None:
            os.environ.pop("TIDY_STATE_DIR", None)
        else:
            os.environ["TIDY_STATE_DIR"] = saved
        for folder, dirs, _files in os.walk(base):
            for name in dirs:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    os.chmod(path, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def _tracked(root: Path) -> set[str]:
    from tests.conftest import git

    return {p for p in git(root, "ls-files", "-z").split("\0") if p}
