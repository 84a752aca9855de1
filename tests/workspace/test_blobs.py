"""Staged mode reads the index, range mode every blob a push carries.

Expected sizes come from the bytes the test wrote (sha1 of "blob <len>\\0<data>" computed
here), never from the code under test.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, make_repo, write
from tidy.workspace.blobs import (
    INDEX_SIZE_NOTE,
    LFS_POINTER_MAX,
    IndexSizing,
    attribute_files_in,
    index_size,
    index_stamp,
    list_index,
    noted_index_size,
    over,
    range_blobs,
    read_blobs,
    staged_blobs,
)


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def test_staged_size_is_the_index_not_the_working_tree(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "keep.txt", "unchanged\n")
    commit(repo)
    big = os.urandom(2_000_000)
    write(repo / "model.bin", big)
    git(repo, "add", "model.bin")
    write(repo / "model.bin", b"shrunk after staging")  # pre-commit/pre-commit#2013
    blobs = staged_blobs(str(repo))
    assert [(b.path, b.sha, b.size) for b in blobs] == [("model.bin", blob_sha(big), len(big))]
    assert [b.path for b in over(blobs, 1_000_000)] == ["model.bin"]


def test_staged_is_only_what_differs_from_head_unless_asked(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "old.bin", size=5000)
    commit(repo)
    write(repo / "new.bin", size=7000)
    write(repo / "old.bin", size=6000)
    git(repo, "add", "-A")
    assert {(b.path, b.size) for b in staged_blobs(str(repo))} == {("new.bin", 7000),
                                                                   ("old.bin", 6000)}
    git(repo, "commit", "-q", "-m", "x")
    assert staged_blobs(str(repo)) == []
    assert {b.path for b in staged_blobs(str(repo), all_entries=True)} == {"new.bin", "old.bin"}


def test_staged_before_the_first_commit_is_everything(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "a", size=10)
    git(repo, "add", "a")
    assert [(b.path, b.size) for b in staged_blobs(str(repo))] == [("a", 10)]


def test_staged_honours_an_explicit_index_file(tmp_path: Path) -> None:
    """Inside `git commit -a` hooks git points GIT_INDEX_FILE at a temporary index."""
    repo = make_repo(tmp_path / "r")
    write(repo / "a", size=10)
    commit(repo)
    other = tmp_path / "other-index"
    write(repo / "b", size=20)
    env_index = str(other)
    git(repo, "read-tree", f"--index-output={env_index}", "HEAD")
    assert staged_blobs(str(repo), index_file=env_index) == []
    git(repo, "add", "b")
    assert [b.path for b in staged_blobs(str(repo))] == ["b"]
    assert staged_blobs(str(repo), index_file=env_index) == []


def repo_at_base(path: Path, name: str, data: bytes) -> tuple[Path, str]:
    """A repo with one committed file, and that commit: the base of a range."""
    repo = make_repo(path)
    write(repo / name, data)
    commit(repo)
    return repo, git(repo, "rev-parse", "HEAD").strip()


def test_range_counts_a_file_added_and_deleted_inside_it(tmp_path: Path) -> None:
    old = os.urandom(3000)
    repo, base = repo_at_base(tmp_path / "r", "old.bin", old)
    secret = os.urandom(400_000)
    write(repo / "oops.bin", secret)
    commit(repo, message="add")
    git(repo, "rm", "-q", "oops.bin")
    git(repo, "commit", "-q", "-m", "remove")
    write(repo / "old.bin", old + b"more")
    commit(repo, message="edit")
    found = {b.sha: b for b in range_blobs(str(repo), base, "HEAD")}
    assert set(found) == {blob_sha(secret), blob_sha(old + b"more")}
    assert found[blob_sha(secret)].size == len(secret)
    assert found[blob_sha(secret)].path == "oops.bin"
    assert found[blob_sha(secret)].commit == git(repo, "rev-parse", "HEAD~2").strip()
    # A new branch in a pre-push hook arrives as forty zeros: everything reachable counts.
    everything = {b.sha for b in range_blobs(str(repo), "0" * 40, "HEAD")}
    assert blob_sha(old) in everything and blob_sha(secret) in everything


@pytest.mark.slow
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=st.lists(st.integers(0, 30_000), min_size=1, max_size=6),
       split=st.integers(0, 6), deletes=st.sets(st.integers(0, 5)))
@example(sizes=[0, 1, 0], split=2, deletes={0})  # the empty blob, deleted before the base
def test_range_is_every_blob_after_the_base(tmp_path_factory: pytest.TempPathFactory,
                                            sizes: list[int], split: int,
                                            deletes: set[int]) -> None:
    repo = make_repo(tmp_path_factory.mktemp("r"))
    write(repo / "base.txt", "base\n")
    commit(repo)
    contents = [os.urandom(n) for n in sizes]
    base_index = min(split, len(contents))
    for n, data in enumerate(contents):
        write(repo / f"f{n}.bin", data)
        commit(repo, f"f{n}.bin")
        if n + 1 == base_index:
            git(repo, "tag", "base")
        if n in deletes:
            git(repo, "rm", "-q", f"f{n}.bin")
            git(repo, "commit", "-q", "-m", "rm")
    base = "base" if base_index else git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    # What the base holds is its tree, as git push counts it: a blob deleted before the base
    # and added again after it is pushed again (hypothesis found it with two empty files).
    before = {line.split()[2] for line in git(repo, "ls-tree", "-r", base).splitlines()}
    expected = {blob_sha(d): len(d) for d in contents[base_index:]
                if blob_sha(d) not in before}
    got = {b.sha: b.size for b in range_blobs(str(repo), base, "HEAD")}
    assert got == expected


def test_read_blobs_skips_those_over_the_limit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "small", b"tiny\n")
    write(repo / "big", size=5000)
    commit(repo)
    small, big = blob_sha(b"tiny\n"), blob_sha(b"x" * 5000)
    got = read_blobs(str(repo), [small, big, small], limit=LFS_POINTER_MAX)
    assert got == {small: b"tiny\n"}
    assert read_blobs(str(repo), [big]) == {big: b"x" * 5000}  # no limit: everything


def test_range_leaves_out_a_blob_the_base_holds_even_renamed(tmp_path: Path) -> None:
    """A push carries no bytes for a blob the remote has: a rename or copy adds no weight."""
    big = os.urandom(50_000)
    repo, base = repo_at_base(tmp_path / "r", "big.bin", big)
    git(repo, "mv", "big.bin", "moved.bin")
    write(repo / "copy.bin", big)
    write(repo / "new.txt", "new\n")
    commit(repo, "copy.bin", "new.txt")
    assert {(b.path, b.sha) for b in range_blobs(str(repo), base, "HEAD")} == {
        ("new.txt", blob_sha(b"new\n"))}


def _conflicting_merge(repo: Path, path: str, ours: str, theirs: str) -> None:
    """Change `path` on a side branch and on the current one, then merge: a conflict."""
    git(repo, "checkout", "-q", "-b", "side")
    write(repo / path, theirs)
    commit(repo)
    git(repo, "checkout", "-q", "-")
    write(repo / path, ours)
    commit(repo)
    git(repo, "merge", "-q", "side", check=False)


def test_range_counts_the_blob_a_merge_resolution_writes(tmp_path: Path) -> None:
    """`log --raw` shows nothing for a merge; the content its conflict resolution wrote is
    still pushed."""
    repo, base = repo_at_base(tmp_path / "r", "f.txt", b"base\n")
    _conflicting_merge(repo, "f.txt", ours="main\n", theirs="side\n")
    resolved = b"resolved by hand\n"
    write(repo / "f.txt", resolved)
    git(repo, "add", "f.txt")
    git(repo, "commit", "-q", "--no-edit")
    merge = git(repo, "rev-parse", "HEAD").strip()
    found = {b.sha: b for b in range_blobs(str(repo), base, "HEAD")}
    assert set(found) == {blob_sha(b"side\n"), blob_sha(b"main\n"), blob_sha(resolved)}
    assert (found[blob_sha(resolved)].path, found[blob_sha(resolved)].size,
            found[blob_sha(resolved)].commit) == ("f.txt", len(resolved), merge)


def test_list_index_names_every_path_once_and_sizes_stage_zero_blobs(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    odd = ["tab\there.txt", "new\nline.txt", "sp ace.txt", "ünï.txt"]
    for name in odd:
        write(repo / name, name * 3)
    write(repo / "both.txt", "base\n")
    commit(repo)
    os.mkdir(repo / "raw")
    (repo / os.fsdecode(b"raw/\xff\xfe.bin")).write_bytes(b"x" * 10)  # not UTF-8
    git(repo, "add", "raw")
    sub = make_repo(tmp_path / "sub")
    write(sub / "f", "f")
    commit(sub)
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", str(sub), "sub")
    commit(repo)
    _conflicting_merge(repo, "both.txt", ours="ours\n", theirs="theirs\n")  # stages 1-3
    listing = list_index(str(repo))
    names = sorted({os.fsdecode(p) for p in
                    git(repo, "ls-files", "-z").encode("utf-8", "surrogateescape").split(b"\0")
                    if p})
    assert list(listing.paths) == names
    assert os.fsdecode(b"raw/\xff\xfe.bin") in listing.paths and "sub" in listing.paths
    staged = [line for line in git(repo, "ls-files", "-s").splitlines()
              if line.split()[2] == "0" and not line.startswith("160000")]
    assert len(listing.blob_ids) == len(staged)  # no submodule, no conflict stage
    files, total = index_size(str(repo), listing=listing)  # type: ignore[misc]
    assert files == len(staged) and total > 0


class _Notes:
    """The notes a scan keeps in its content cache, as a plain dict (ContentFacts' protocol)."""

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def note(self, key: str) -> str | None:
        return self.kept.get(key)

    def set_note(self, key: str, value: str) -> None:
        self.kept[key] = value


def _one_file_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "r")
    write(repo / "a.txt", size=1000)
    commit(repo)
    return repo


def test_the_index_size_is_kept_under_the_index_stamp_and_asked_again_when_it_changes(
        tmp_path: Path) -> None:
    repo, notes = _one_file_repo(tmp_path), _Notes()
    first = noted_index_size(str(repo), list_index(str(repo)), notes)
    assert first == index_size(str(repo))
    stamp = index_stamp(str(repo))
    assert notes.kept == {INDEX_SIZE_NOTE: f"{stamp} {first[0]} {first[1]}"}  # type: ignore[index]
    # Same index: the kept answer is the answer (git is not asked; a changed figure shows it).
    notes.kept[INDEX_SIZE_NOTE] = f"{stamp} 7 7777"
    assert noted_index_size(str(repo), list_index(str(repo)), notes) == (7, 7777)
    # A new index (a file staged): asked again, whatever was kept.
    write(repo / "b.txt", size=2000)
    git(repo, "add", "b.txt")
    assert index_stamp(str(repo)) != stamp
    second = noted_index_size(str(repo), list_index(str(repo)), notes)
    assert second == index_size(str(repo)) and second[1] == first[1] + 2000  # type: ignore[index]


@pytest.mark.parametrize("kept", ["", "x 1 2", "{stamp} -1 2", "{stamp} 1", "{stamp} 1 2 3",
                                  "{stamp} 1 2\n", "{stamp} one 2", "{stamp} \u00b2 2"])
def test_a_tampered_index_size_note_is_not_an_answer(tmp_path: Path, kept: str) -> None:
    repo, notes = _one_file_repo(tmp_path), _Notes()
    notes.kept[INDEX_SIZE_NOTE] = kept.format(stamp=index_stamp(str(repo)))
    assert noted_index_size(str(repo), list_index(str(repo)), notes) == index_size(str(repo))


def test_index_sizing_started_early_answers_what_git_says_for_more_than_a_pipe_holds(
        tmp_path: Path) -> None:
    """Started before other work and finished later (the early job's history walk between):
    the answer is the bytes the test wrote, for more object ids than a pipe holds either way
    (3,000 x 41 bytes in, as much out)."""
    repo = make_repo(tmp_path / "r")
    sizes = [n * 7 % 5000 + 1 for n in range(3000)]
    for n, size in enumerate(sizes):
        write(repo / f"d{n % 30}" / f"f{n}.txt", b"x" * size)
    commit(repo)
    notes = _Notes()
    sizing = IndexSizing(str(repo), list_index(str(repo)), notes)
    assert sizing.finish() == (3000, sum(sizes)) == index_size(str(repo))
    assert sizing.finish() == (3000, sum(sizes))  # asked again: the same answer, no git
    assert notes.kept[INDEX_SIZE_NOTE] == f"{index_stamp(str(repo))} 3000 {sum(sizes)}"


def test_index_sizing_closed_early_leaves_no_git_running(tmp_path: Path) -> None:
    repo = _one_file_repo(tmp_path)
    sizing = IndexSizing(str(repo), list_index(str(repo)), _Notes())
    proc = sizing._proc  # the git it started
    assert proc is not None
    sizing.close()  # an early way out (an exception, Ctrl-C): git stopped and reaped
    assert proc.returncode is not None
    assert sizing.finish() is None  # nothing to answer from: unknown, not a guess


def test_index_sizing_of_objects_git_does_not_have_counts_them_as_nothing(
        tmp_path: Path) -> None:
    """What index_size says of an index naming a blob its object store lacks (a partial
    clone): the blob counts as 0 bytes, as before the sizing was started early."""
    repo = _one_file_repo(tmp_path)
    listing = list_index(str(repo))
    missing = "0" * 39 + "1"
    broken = type(listing)(listing.paths, (*listing.blob_ids, missing),
                           (*listing.blob_paths, "gone.txt"))
    assert IndexSizing(str(repo), broken, _Notes()).finish() == (2, 1000)


_PATH_PART = st.sampled_from(["a", "b.txt", ".gitattributes", "x.gitattributes",
                              ".gitattributes.bak", "gitattributes", "é", "sub dir"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PATH_PART, min_size=1, max_size=4).map("/".join), max_size=30))
@example([".gitattributes"])
@example(["a/.gitattributes", ".gitattributes.gitattributes", "x/.gitattributes"])
def test_attribute_files_are_the_paths_named_gitattributes(tracked: list[str]) -> None:
    """The joined search finds exactly what testing each path finds, in the same order."""
    expected = [p for p in tracked if p == ".gitattributes" or p.endswith("/.gitattributes")]
    assert attribute_files_in(tracked) == expected
