"""Dropping every content cache (`tidy trash purge`) on real files: the list of repos whose
git dir holds a cache, and purge trying its best to delete the wrong thing.

Each attack plants something where a cache or the list would be -- a symlink, a folder link,
a hard link, a FIFO, a file that is not a cache, a cache of another folder, lines of the list
that point elsewhere -- and checks that the victim is byte-for-byte intact and the purge says
what it left.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tidy.core.config import Config
from tidy.core.state import state_dir
from tidy.rules.content import content_spec
from tidy.workspace import cache_registry, content_cache
from tidy.workspace.content import RACY_MARGIN_NS, ContentFacts

VICTIM = b'{"format":3,"tidy":"0.1.0","shape":"ab","root":"/elsewhere","notes":{}}'


def _cache_of(root: Path) -> Path:
    """Make a real content cache for `root` the way a scan does (ContentFacts.save)."""
    write(root / "README.md", "# hello\n")
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)
    facts = ContentFacts(str(root), content_spec(Config()))
    facts.head("README.md", 100)  # a fact learnt: the save writes
    assert facts.save()
    path = Path(content_cache.cache_path(str(root)))
    assert path.is_file()
    return path


def _registry() -> Path:
    return Path(state_dir()) / content_cache.STATE_FOLDER / cache_registry.REGISTRY_NAME


def test_a_saved_repo_cache_is_listed_and_purge_drops_it_and_the_plain_ones(
        tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    in_repo = _cache_of(repo)
    plain = _cache_of(tmp_path / "plain")
    assert plain.is_relative_to(state_dir())
    assert cache_registry.registered() == [str(repo)]

    preview = cache_registry.drop_all(dry_run=True)
    assert sorted(p for p, _ in preview.removed) == sorted([str(in_repo), str(plain)])
    assert in_repo.exists() and plain.exists()  # a dry run deletes nothing

    done = cache_registry.drop_all()
    assert sorted(p for p, _ in done.removed) == sorted([str(in_repo), str(plain)])
    assert done.bytes > 0 and not done.left
    assert not in_repo.exists() and not plain.exists()
    assert cache_registry.registered() == []
    assert (repo / ".git" / "tidy").is_dir()  # only the cache file: tidy's folder stays


def test_two_saves_of_one_repo_list_it_once(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    _cache_of(repo)
    cache_registry._registered.clear()  # a second process: it reads the list again
    _cache_of(repo)
    assert _registry().read_text().count(json.dumps(str(repo))) == 1


def test_the_list_is_bounded_the_oldest_forgotten(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_registry, "MAX_REGISTERED", 3)
    roots = [str(tmp_path / f"r{i}") for i in range(5)]
    for root in roots:
        cache_registry.register(root)
    assert cache_registry.registered() == roots[2:]


def test_a_symlinked_cache_file_is_left_and_its_target_untouched(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    path = _cache_of(repo)
    victim = write(tmp_path / "victim.json", VICTIM)
    path.unlink()
    path.symlink_to(victim)

    done = cache_registry.drop_all()

    assert victim.read_bytes() == VICTIM
    assert path.is_symlink()
    assert done.removed == [] and [p for p, _ in done.left] == [str(path)]
    assert "symlink" in done.left[0][1]
    assert cache_registry.registered() == [str(repo)]  # left: still listed


def test_a_cache_folder_linked_outside_is_not_followed(tmp_path: Path) -> None:
    """`.git/tidy` a symlink to a folder elsewhere that holds a real cache of this very repo:
    purge does not delete through the link."""
    repo = make_repo(tmp_path / "repo")
    path = _cache_of(repo)
    outside = tmp_path / "outside"
    outside.mkdir()
    kept = outside / content_cache.CACHE_NAME
    os.rename(path, kept)
    os.rmdir(path.parent)
    path.parent.symlink_to(outside, target_is_directory=True)
    body = kept.read_bytes()

    done = cache_registry.drop_all()

    assert kept.read_bytes() == body
    assert done.removed == [] and len(done.left) == 1 and "not followed" in done.left[0][1]


def test_a_git_dir_link_is_not_followed(tmp_path: Path) -> None:
    real = make_repo(tmp_path / "real")
    cache = _cache_of(real)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / ".git").symlink_to(real / ".git", target_is_directory=True)
    cache_registry._registered.clear()
    _write_registry([json.dumps(str(linked))])

    done = cache_registry.drop_all()

    assert cache.exists()
    # A `.git` link to another repository's `.git` makes no repository of `linked`
    # (git.foreign_git_dir): there is no git folder of its own to look in.
    assert done.removed == [] and done.left == []


@pytest.mark.parametrize("plant", ["hardlink", "fifo", "not-a-cache", "other-root", "folder"])
def test_what_is_not_tidys_own_cache_file_is_left(tmp_path: Path, plant: str) -> None:
    repo = make_repo(tmp_path / "repo")
    path = _cache_of(repo)
    other = tmp_path / "victim"
    if plant == "hardlink":
        other = Path(str(path) + ".mine")
        os.link(path, other)
    else:
        path.unlink()
    if plant == "fifo":
        os.mkfifo(path)
    elif plant == "not-a-cache":
        write(path, b'{"some": "user data"}')
    elif plant == "other-root":  # a real-looking cache, but of another folder
        write(path, VICTIM)
    elif plant == "folder":
        path.mkdir()
        write(path / "inside", b"data")
    before = path.read_bytes() if path.is_file() else None

    done = cache_registry.drop_all()

    assert done.removed == [] and len(done.left) == 1, done
    assert os.path.lexists(path)
    if before is not None:
        assert path.read_bytes() == before
    if plant == "hardlink":
        assert other.exists()
    if plant == "folder":
        assert (path / "inside").read_bytes() == b"data"


def _write_registry(lines: list[str]) -> None:
    folder = _registry().parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _registry().write_text("".join(line + "\n" for line in lines))


def test_a_tampered_list_leads_nowhere_but_to_tidys_caches(tmp_path: Path) -> None:
    """Lines an attacker wrote: relative and unnormalised paths, non-strings, garbage, a path
    with a newline, and folders whose `.git` file points at a folder with a user's file named
    like a cache. Only the one real cache named in the list is dropped."""
    repo = make_repo(tmp_path / "repo")
    real = _cache_of(repo)
    decoy = tmp_path / "decoy"
    victim_dir = tmp_path / "victim-dir"
    write(victim_dir / "tidy" / content_cache.CACHE_NAME, b'{"user": "file"}')
    write(decoy / ".git", f"gitdir: {victim_dir}\n")
    newline = tmp_path / "new\nline"
    write(newline / ".git", f"gitdir: {victim_dir}\n")
    _write_registry([json.dumps("relative/path"), json.dumps(str(repo) + "/../repo"),
                     "42", "null", '["a"]', "{not json", json.dumps(str(decoy)),
                     json.dumps(str(newline)), json.dumps("/"), json.dumps(str(repo))])

    done = cache_registry.drop_all()

    assert [p for p, _ in done.removed] == [str(real)]
    assert (victim_dir / "tidy" / content_cache.CACHE_NAME).read_bytes() == b'{"user": "file"}'
    assert {p for p, _ in done.left} == {str(victim_dir / "tidy" / content_cache.CACHE_NAME)}
    assert all("left alone" in why for _, why in done.left)


def test_in_the_state_folder_only_cache_names_of_their_own_root_go(tmp_path: Path) -> None:
    plain = _cache_of(tmp_path / "plain")
    folder = plain.parent
    write(folder / "notes.json", b'{"mine": 1}')  # not a cache name
    victim = write(tmp_path / "victim.json", VICTIM)
    (folder / ("a" * 24 + ".json")).symlink_to(victim)
    # a real cache body under the name of another folder's hash
    write(folder / ("b" * 24 + ".json"), plain.read_bytes())

    done = cache_registry.drop_all()

    assert [p for p, _ in done.removed] == [str(plain)]
    assert (folder / "notes.json").read_bytes() == b'{"mine": 1}'
    assert victim.read_bytes() == VICTIM and (folder / ("a" * 24 + ".json")).is_symlink()
    assert (folder / ("b" * 24 + ".json")).exists()
    assert len(done.left) == 2


def test_a_state_folder_linked_elsewhere_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / ("c" * 24 + ".json"), VICTIM)
    folder = Path(state_dir()) / content_cache.STATE_FOLDER
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(elsewhere, target_is_directory=True)

    done = cache_registry.drop_all()

    assert (elsewhere / ("c" * 24 + ".json")).read_bytes() == VICTIM
    assert done.removed == [] and "symlink" in done.left[0][1]
