"""A folder of a walked path swapped for a link to one outside the root before the read
(trust round 12).

The walk never follows a link, but the scan opens the files it found again later: the content
pass (reference search, data-in-code verdicts, hashes, blob ids), the duplicate hashing, the
reference search of the commit hook. Each opened `lib/data.py` relative to the root with
O_NOFOLLOW, which guards the last part only: `lib` swapped for a link to a folder outside the
root between the walk and the read made the scan read `outside/lib/data.py`, and report and
cache its facts as the repo's. Now every such read opens the path below the root with no link
followed at any level (tidy.workspace.beneath: openat2 RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS
in C, a walk of O_NOFOLLOW | O_DIRECTORY folders where openat2 is missing and in Python).

The race is made deterministic by doing the swap at the moment of the read: a wrapper around
the reader's open (the content pass), after the duplicate finder's own walk (its hashing), or
between the walk's list and the read (the hook's search). The code that reads is the real one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cache_body import entries, read_cache
from tests.conftest import commit, findings, make_repo, scan_json, write
from tidy.workspace import (
    beneath,
    blobs,
    content,
    content_cache,
    duplicates,
    ignorefiles,
    measure,
    textscan,
)
from tidy.workspace.build_config import BuildConfigs

SECRET = "OUTSIDE-SECRET-7f3a"
_CODE = "".join(f"def function_{n}(x):\n    return x + {n}\n\n\n" for n in range(3000))
_DATA = "ROWS = [\n" + "".join(f"    {{'id': {n}, 'name': '{SECRET}-{n}'}},\n"
                               for n in range(3000)) + "]\n"


def _swap_for_link(folder: Path, target: Path) -> None:
    """`folder` moved aside and a link to `target` put at its name (once)."""
    if folder.is_symlink():
        return
    folder.rename(folder.with_name(folder.name + ".aside"))
    folder.symlink_to(target)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    """A repo whose `lib/data.py` is a big code module, and a folder outside it whose
    `lib/data.py` is a big data module holding SECRET."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "lib" / "data.py", _CODE)
    write(repo / "lib" / "__init__.py", "")
    write(repo / "app.py", "from lib import data\n")
    commit(repo)
    outside = tmp_path / "outside"
    write(outside / "lib" / "data.py", _DATA)
    write(outside / "lib" / "__init__.py", "")
    return repo, outside


@pytest.fixture(params=["c", "c-by-parts", "python"])
def opener(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every way of opening below the root: the C module's (openat2 where the kernel has it),
    its way where openat2 is missing, and the Python twin."""
    if request.param != "python" and measure.native_open_beneath() is None:
        pytest.skip("the C module is not built")
    if request.param != "c":
        way = beneath_open(request.param)
        for module in (beneath, content, duplicates, textscan):
            monkeypatch.setattr(module, "open_beneath", way)
    yield request.param


def _swap_when_read(monkeypatch: pytest.MonkeyPatch, folder: Path, target: Path,
                    rel: str) -> None:
    """The content pass's reader swaps `folder` for a link right before it opens `rel`."""
    original: Callable[..., int] = content._Reader.open

    def open_then(self: object, asked: str) -> int:
        if asked == rel:
            _swap_for_link(folder, target)
        return original(self, asked)

    monkeypatch.setattr(content._Reader, "open", open_then)


def test_a_parent_swapped_before_the_content_pass_reads_nothing_outside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opener: str) -> None:
    repo, outside = _project(tmp_path)
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))
    _swap_when_read(monkeypatch, repo / "lib", outside / "lib", "lib/data.py")
    report = scan_json(repo, "--select", "TDY301,TDY302,TDY303")
    assert (repo / "lib").is_symlink()  # the swap happened, during the scan
    text = json.dumps(report)
    # On the old code: TDY301 for lib/data.py, a data module of 3,000 rows (the outside one's).
    assert not [f for f in findings(report) if f["path"].endswith("data.py")], text
    assert SECRET not in text
    cache = Path(content_cache.cache_path(str(repo)))
    if cache.exists():  # nothing of the outside file's is kept as the repo's
        kept = entries(read_cache(cache))
        assert "lib/data.py" not in kept, kept.get("lib/data.py")
        assert SECRET.encode() not in cache.read_bytes()


def test_a_parent_swapped_before_the_search_reads_nothing_outside(
        tmp_path: Path, opener: str) -> None:
    repo, outside = _project(tmp_path)
    write(outside / "lib" / "data.py", f"import jquery  # {SECRET}\n")
    _swap_for_link(repo / "lib", outside / "lib")  # after the listing, before the read
    folder = textscan.open_repo(str(repo))
    try:
        assert textscan.read_head(folder, "lib/data.py", 1 << 20) == b""
        assert textscan.read_head(folder, "app.py", 1 << 20) == b"from lib import data\n"
    finally:
        os.close(folder)


class _Remembered:
    """A hash cache that keeps what it is told (the content facts' role), to see what the
    duplicate finder would have cached."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def cached(self, rel: str, key: content_cache.StatKey) -> bytes | None:
        return None

    def remember(self, rel: str, key: content_cache.StatKey, digest: bytes) -> None:
        self.kept[rel] = digest


def _twins(tmp_path: Path, size: int) -> tuple[Path, Path, bytes]:
    """`a/x.bin` and `b/x.bin` of one size and different bytes in the root; outside, a copy
    of `a/x.bin` at `outside/b/x.bin`."""
    root = tmp_path / "root"
    same = os.urandom(size)
    write(root / "a" / "x.bin", same)
    write(root / "b" / "x.bin", os.urandom(size))
    write(tmp_path / "outside" / "b" / "x.bin", same)
    return root, tmp_path / "outside" / "b", same


@pytest.mark.parametrize("size", [1000, 200_000])  # hashed whole; partial then full
def test_a_parent_swapped_after_the_duplicate_walk_hashes_nothing_outside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opener: str, size: int) -> None:
    root, target, _same = _twins(tmp_path, size)
    original = duplicates._scan

    def scan_then_swap(*args: object, **kwargs: object) -> object:
        tree = original(*args, **kwargs)  # type: ignore[arg-type]
        _swap_for_link(root / "b", target)
        return tree

    monkeypatch.setattr(duplicates, "_scan", scan_then_swap)
    cache = _Remembered()
    found = duplicates.find_duplicates(str(root), threads=1, cache=cache)
    assert (root / "b").is_symlink()
    # On the old code: a/x.bin and b/x.bin reported as copies (b's bytes read outside).
    assert not found.files, found.files
    assert "b/x.bin" not in cache.kept


@pytest.mark.parametrize("size", [1000, 200_000])
def test_a_parent_swapped_before_the_big_file_check_hashes_nothing_outside(
        tmp_path: Path, opener: str, size: int) -> None:
    root, target, _same = _twins(tmp_path, size)
    files = [("a/x.bin", size), ("b/x.bin", size)]  # as the walk saw them
    _swap_for_link(root / "b", target)
    cache = _Remembered()
    found = duplicates.duplicate_big_files(str(root), files, cache=cache)
    assert not found.files, found.files
    assert "b/x.bin" not in cache.kept


@pytest.mark.parametrize("rel", ["lib/data.py", "./lib/data.py", "lib//data.py"])
def test_a_path_with_no_link_is_opened_by_both_ways(tmp_path: Path, opener: str,
                                                     rel: str) -> None:
    write(tmp_path / "lib" / "data.py", "X = 1\n")
    folder = beneath.open_root(str(tmp_path))
    try:
        fd = beneath_open(opener)(folder, rel, os.O_RDONLY | os.O_CLOEXEC)
        with open(fd, "rb") as f:
            assert f.read() == b"X = 1\n"
    finally:
        os.close(folder)


@pytest.mark.parametrize("rel", ["../outside/x", "lib/../../outside/x", "/etc/passwd", "",
                                 "link/x", "lib/link/x", "lib/link"])
def test_a_path_leaving_the_root_or_through_a_link_is_refused_by_both_ways(
        tmp_path: Path, opener: str, rel: str) -> None:
    root = tmp_path / "root"
    write(root / "lib" / "data.py", "X = 1\n")
    write(tmp_path / "outside" / "x", SECRET)
    (root / "link").symlink_to(tmp_path / "outside")
    (root / "lib" / "link").symlink_to(tmp_path / "outside")
    folder = beneath.open_root(str(root))
    try:
        with pytest.raises(OSError):
            os.close(beneath_open(opener)(folder, rel, os.O_RDONLY | os.O_CLOEXEC))
    finally:
        os.close(folder)


def beneath_open(opener: str) -> Callable[[int, str, int], int]:
    if opener == "python":
        return beneath.open_beneath_py
    if opener == "c-by-parts":
        from tidy.workspace import _fastmeasure

        return _fastmeasure.open_beneath_by_parts
    found = measure.native_open_beneath()
    assert found is not None
    return found


def _monorepo(tmp_path: Path) -> tuple[Path, Path]:
    """A repo holding a project `proj/` whose setup.py declares no package data for its data
    module `proj/fk/data.py` (an extraction's data file would not ship), and outside it a
    `proj/` whose setup.py declares `*.json.gz` as package data of `fk`."""
    repo = make_repo(tmp_path / "repo")
    setup = 'from setuptools import setup\n\nsetup(name="fk", version="1", packages=["fk"]{})\n'
    write(repo / "proj" / "setup.py", setup.format(""))
    write(repo / "proj" / "fk" / "__init__.py", "")
    write(repo / "proj" / "fk" / "data.py", _DATA)
    commit(repo)
    outside = tmp_path / "outside" / "proj"
    write(outside / "setup.py", setup.format(', package_data={"fk": ["*.json.gz"]}'))
    write(outside / "fk" / "__init__.py", "")
    write(outside / "fk" / "data.py", _DATA)
    return repo, outside


def test_a_project_folder_swapped_before_its_build_config_is_read_is_not_judged_by_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, outside = _monorepo(tmp_path)
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))
    original = BuildConfigs._read

    def swap_then_read(self: BuildConfigs, path: str) -> object:
        _swap_for_link(repo / "proj", outside)  # the data module was read already
        return original(self, path)

    monkeypatch.setattr(BuildConfigs, "_read", swap_then_read)
    report = scan_json(repo, "--select", "TDY301")
    assert (repo / "proj").is_symlink()
    found = [f for f in findings(report, "TDY301") if f["path"] == "proj/fk/data.py"]
    assert len(found) == 1, json.dumps(report)
    # On the old code: the outside setup.py's package data taken for the project's, and the
    # extraction offered as one whose data file ships (an unsafe fix, nothing blocking it).
    # Now setup.py is not read through the link: nothing of it declares the data (as for any
    # setup.py that cannot be read), so the extraction is blocked.
    assert found[0]["fix"].get("blocked_by"), found[0]["fix"]



def test_a_folder_swapped_before_its_ignore_file_is_read_gives_no_rules(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write(root / ".ignore", "*.log\n")
    write(root / "sub" / ".ignore", "keep-me\n")
    write(tmp_path / "outside" / "sub" / ".ignore", f"*\n# {SECRET}\n")
    _swap_for_link(root / "sub", tmp_path / "outside" / "sub")  # after the walk listed it
    found = ignorefiles.read_ignore_files(str(root), [".", "sub"])
    # On the old code: the outside file's rules (`*`: nothing below sub/ searched) were the
    # folder's, taking its files out of the search surface.
    assert found == {".": [["*.log"]]}, found



def test_a_folder_swapped_before_its_gitattributes_is_read_lends_no_lfs(tmp_path: Path) -> None:
    """uses_lfs reads each tracked .gitattributes git listed: `assets` swapped for a link to a
    folder whose .gitattributes names LFS must not make the repo one that uses LFS."""
    root = make_repo(tmp_path / "root")
    write(root / "assets" / ".gitattributes", "*.png binary\n")
    commit(root, "assets/.gitattributes")
    tracked = ["assets/.gitattributes"]
    assert not blobs.uses_lfs(str(root), tracked)
    write(tmp_path / "outside" / "assets" / ".gitattributes", "*.png filter=lfs diff=lfs\n")
    _swap_for_link(root / "assets", tmp_path / "outside" / "assets")
    # On the old code: the outside file was read through the link, and the repo used LFS.
    assert not blobs.uses_lfs(str(root), tracked)
    (root / "assets").unlink()  # the control: the repo's own attributes naming LFS count
    write(root / "assets" / ".gitattributes", "*.png filter=lfs diff=lfs\n")
    assert blobs.uses_lfs(str(root), tracked)


_PARTS = ["lib", "data.py", "link", "..", ".", "", "missing", "sub", "x"]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A root with files, a folder, links to a file and a folder inside and outside it."""
    top = tmp_path_factory.mktemp("beneath")
    root = top / "root"
    write(root / "lib" / "data.py", "X = 1\n")
    write(root / "lib" / "sub" / "x", "x\n")
    write(root / "x", "x\n")
    write(top / "outside" / "lib" / "data.py", SECRET)
    (root / "link").symlink_to(top / "outside")
    (root / "lib" / "link").symlink_to("sub")
    (root / "sub").symlink_to("lib/sub")
    folder = beneath.open_root(str(root))
    yield folder
    os.close(folder)


def _outcome(way: Callable[[int, str, int], int], folder: int, rel: str) -> object:
    try:
        fd = way(folder, rel, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return "refused"
    try:
        st = os.fstat(fd)
        return (st.st_dev, st.st_ino)
    finally:
        os.close(fd)


@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=5))
@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_way_gives_the_same_answer(tree: int, parts: list[str]) -> None:
    if measure.native_open_beneath() is None:
        pytest.skip("the C module is not built")
    rel = "/".join(parts)
    answers = {way: _outcome(beneath_open(way), tree, rel)
               for way in ("c", "c-by-parts", "python")}
    assert len(set(answers.values())) == 1, (rel, answers)
    named = [p for p in parts if p != "."]
    if all(parts) and ".." not in named and "link" not in named and named[:1] != ["sub"]:
        # No link (`sub` is one at the top only), no "..", no empty part: what a plain open
        # from the root finds.
        assert answers["c"] == _outcome(lambda f, r, fl: os.open(r, fl, dir_fd=f), tree, rel)
