"""Issue 14, point 8: a config file tidy edits that is a symlink (to a file outside the root),
or sits in a linked folder, is never edited through the link; the plan says so, the fix
skips it with the reason, and the file outside is byte for byte what it was.

On the old code every test here fails: the edit went through the link (atomic_write resolved
it with realpath) and the outside file gained tidy's rules.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import EDITED, config_repo, tidy

OUTSIDE_TEXT = "# somebody else's file\nkeep me exactly\n"


def _link_out(repo: Path, rel: str, outside: Path) -> Path:
    """Replace repo/rel with a symlink to a file outside the repo holding OUTSIDE_TEXT."""
    target = outside / rel.replace("/", "_")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(OUTSIDE_TEXT)
    (repo / rel).unlink()
    (repo / rel).symlink_to(target)
    return target


@pytest.mark.slow
@pytest.mark.parametrize("rel", EDITED)
def test_a_symlinked_config_file_is_not_edited_through_the_link(tmp_path: Path,
                                                               rel: str) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "state"
    if not (repo / rel).exists():
        write(repo / rel, "")
    target = _link_out(repo, rel, tmp_path / "outside")
    backdate(repo)

    plan = tidy("fix", "--dry-run", ".", cwd=repo, state=state)
    assert plan.returncode == 0, plan.stderr
    assert f"{rel} is a symlink to a file outside the root; not edited" in plan.stdout

    done = tidy("fix", "--yes", "--skip-recent", "0s", ".", cwd=repo, state=state)
    assert target.read_text() == OUTSIDE_TEXT
    assert (repo / rel).is_symlink() and os.readlink(repo / rel) == str(target)
    assert f"{rel} is a symlink to a file outside the root; not edited" in done.stdout
    assert done.returncode == 1, done.stdout + done.stderr  # a safety skip needs attention
    # Everything else was still done: the cache moved, the other files got their rules.
    assert not (repo / "backend" / "__pycache__").exists()
    others = [r for r in EDITED if r != rel]
    assert any(not (repo / r).is_symlink() and "static/vendor/lib" in (repo / r).read_text()
               for r in others)

    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 0, undo.stdout + undo.stderr
    assert target.read_text() == OUTSIDE_TEXT


@pytest.mark.slow
def test_a_linked_folder_on_the_way_is_not_followed(tmp_path: Path) -> None:
    repo = config_repo(tmp_path / "repo")
    state = tmp_path / "state"
    elsewhere = tmp_path / "outside" / "vscode"
    write(elsewhere / "settings.json", '{"mine": true}\n')
    for name in os.listdir(repo / ".vscode"):
        (repo / ".vscode" / name).unlink()
    (repo / ".vscode").rmdir()
    (repo / ".vscode").symlink_to(elsewhere)
    backdate(repo)

    done = tidy("fix", "--yes", "--skip-recent", "0s", ".", cwd=repo, state=state)
    assert (elsewhere / "settings.json").read_text() == '{"mine": true}\n'
    assert sorted(os.listdir(elsewhere)) == ["settings.json"]  # no temp file left there either
    assert ".vscode/ is a symlink to a folder outside the root; not edited" in done.stdout


@pytest.mark.slow
def test_untrack_leaves_a_symlinked_gitignore_alone(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "app" / "m.py", "x = 1\n")
    write(repo / "app" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 200)
    commit(repo)  # a committed cache: TDY102, untracked by --unsafe-fixes
    target = tmp_path / "outside" / "gitignore"
    write(target, OUTSIDE_TEXT)
    (repo / ".gitignore").symlink_to(target)
    backdate(repo)
    done = tidy("fix", "--yes", "--unsafe-fixes", "--select", "TDY102", "--skip-recent", "0s",
                ".", cwd=repo, state=tmp_path / "state")
    assert target.read_text() == OUTSIDE_TEXT
    assert "is a symlink" in done.stdout and done.returncode == 1
    listed = os.popen(f"git -C {repo} ls-files app").read().split()  # still tracked
    assert "app/__pycache__/m.cpython-311.pyc" in listed


@pytest.mark.parametrize("name", ["pyproject.toml", ".tidy.toml", ".pre-commit-config.yaml"])
def test_init_write_does_not_write_through_a_link(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    target = tmp_path / "outside" / name
    write(target, "[project]\nname = 'x'\n" if name == "pyproject.toml" else OUTSIDE_TEXT)
    before = target.read_text()
    (folder / name).symlink_to(target)
    done = tidy("init", "--write", "--force", ".", cwd=folder, state=tmp_path / "state")
    assert target.read_text() == before
    assert (folder / name).is_symlink()
    assert done.returncode == 1 and f"{name} is a symlink to a file outside the root" in \
        done.stdout


def test_root_relative_writes_refuse_links_fifos_and_dotdot(tmp_path: Path) -> None:
    from tidy.core.safe_files import UnsafeFile, read_in_root, write_in_root

    root = tmp_path / "root"
    write(root / "ok" / "file", "a")
    (root / "link").symlink_to(tmp_path)
    os.mkfifo(root / "fifo")
    write_in_root(str(root), "ok/file", b"b")
    assert (root / "ok" / "file").read_bytes() == b"b"
    for rel in ("link/file", "fifo", "../escape", "link"):
        with pytest.raises(UnsafeFile):
            write_in_root(str(root), rel, b"x")
        with pytest.raises(UnsafeFile):
            read_in_root(str(root), rel)
    assert not (tmp_path / "file").exists() and not (tmp_path / "escape").exists()
    assert sorted(os.listdir(root)) == ["fifo", "link", "ok"]  # no temp file anywhere
    assert os.listdir(root / "ok") == ["file"]


@pytest.mark.slow
def test_the_repo_above_really_edits_every_one_of_those_files(tmp_path: Path) -> None:
    """Without links, the same fix edits each file the tests above link away."""
    repo = config_repo(tmp_path / "repo")
    before = {rel: (repo / rel).read_text() if (repo / rel).exists() else None
              for rel in EDITED}
    done = tidy("fix", "--yes", "--skip-recent", "0s", ".", cwd=repo, state=tmp_path / "s")
    assert done.returncode == 0, done.stdout + done.stderr
    changed = {rel for rel in EDITED if (repo / rel).read_text() != before[rel]}
    assert changed == set(EDITED)


@pytest.mark.slow
def test_extract_does_not_add_package_data_through_a_linked_pyproject(tmp_path: Path) -> None:
    project = tmp_path / "project"
    target = tmp_path / "outside" / "pyproject.toml"
    body = ('[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"'
            '\n\n[project]\nname = "qdata"\nversion = "1.0"\n')
    write(target, body)
    write(project / "qdata" / "__init__.py", "")
    rows = "\n".join(f"    {{'id': {i}, 'name': 'row {i}'}}," for i in range(3000))
    write(project / "qdata" / "questions.py", f"QUESTIONS = [\n{rows}\n]\n")
    (project / "pyproject.toml").symlink_to(target)
    done = tidy("extract", str(project / "qdata" / "questions.py"), cwd=project,
                state=tmp_path / "state")
    assert target.read_text() == body, done.stdout + done.stderr
    assert (project / "pyproject.toml").is_symlink()
    assert "is a symlink; not edited" in done.stdout + done.stderr


_SWAPPER = r"""
import ctypes, os, random, sys, time
libc = ctypes.CDLL(None, use_errno=True)
AT_FDCWD, RENAME_EXCHANGE = -100, 2
a, b = (os.fsencode(p) for p in sys.argv[1:3])
print("ready", flush=True)
while True:
    # Bursts of swaps as fast as they go (the race inside one write), then a pause of up to
    # 10 ms in either state: a write that fits in it lands (or is refused) whole, so both
    # outcomes happen however loaded the machine is.
    until = time.monotonic() + random.uniform(0, 0.003)
    while time.monotonic() < until:
        if libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) != 0:
            sys.exit(ctypes.get_errno())
    time.sleep(random.uniform(0, 0.01))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_a_folder_swapped_for_a_link_while_tidy_writes_is_never_followed(
        tmp_path: Path) -> None:
    """`.vscode` and a link to a folder outside trade places in a loop (renameat2 with
    RENAME_EXCHANGE) while settings.json is written 300 times: every write lands in the real
    folder or is refused, never outside."""
    from tidy.core.safe_files import UnsafeFile, write_in_root

    root = tmp_path / "root"
    outside = tmp_path / "outside"
    write(outside / "settings.json", "outside\n")
    write(root / ".vscode" / "settings.json", "inside\n")
    (root / "swap").symlink_to(outside)
    swapper = subprocess.Popen([sys.executable, "-c", _SWAPPER, str(root / ".vscode"),
                                str(root / "swap")], stdout=subprocess.PIPE, text=True)
    assert swapper.stdout is not None and swapper.stdout.readline() == "ready\n"
    written = refused = 0
    deadline = time.monotonic() + 60
    try:
        # At least 300 writes, and on until both outcomes were seen: on a loaded machine the
        # swapper can sit out a whole stretch of writes.
        for i in itertools.count():
            if i >= 300 and ((written and refused) or time.monotonic() > deadline):
                break
            try:
                write_in_root(str(root), ".vscode/settings.json", f"tidy {i}\n".encode())
                written += 1
            except UnsafeFile:
                refused += 1
            except FileNotFoundError:
                refused += 1  # caught between the two names
    finally:
        swapper.kill()
        swapper.wait()
    assert (outside / "settings.json").read_text() == "outside\n"
    assert sorted(os.listdir(outside)) == ["settings.json"]
    assert written > 0 and refused > 0, (written, refused)  # the race really ran both ways
