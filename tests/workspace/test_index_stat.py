"""Blob ids from git's index (IndexStat): taken for a file only as git itself would take them,
and never for a file whose bytes may not be the entry's blob.

Every expected id is the SHA-1 of the bytes on disk ("blob <len>\\0<data>"), computed here;
each test tries to make the index vouch for bytes it does not hold.
"""

from __future__ import annotations

import hashlib
import os
import struct
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, make_repo, write
from tidy.workspace.blobs import (
    INDEX_RACY_MARGIN_NS,
    entry_blob_id_in_python,
    parse_index_stat,
    read_index_stat,
)
from tidy.workspace.content import BLOB, ContentFacts, PassStats, Spec, _Reader

_OLD_NS = 1_700_000_000 * 1_000_000_000  # a file timestamp long before any index is written


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _repo(tmp_path: Path, files: dict[str, bytes]) -> Path:
    """A committed repo whose files' mtimes are old when git adds them: not racy."""
    repo = make_repo(tmp_path / "r")
    for name, data in files.items():
        write(repo / name, data)
        os.utime(repo / name, ns=(_OLD_NS, _OLD_NS))
    commit(repo)
    return repo


def _id(repo: Path, rel: str) -> str | None:
    index = read_index_stat(str(repo))
    assert index is not None
    return index.blob_id(rel, os.stat(repo / rel, follow_symlinks=False))


def _rewrite_keeping_size_and_mtime(path: Path, data: bytes) -> None:
    before = os.stat(path)
    assert len(data) == before.st_size
    path.write_bytes(data)  # same inode, same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the mtime put back


def test_an_unchanged_file_has_the_blob_id_git_gave_it(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.txt": b"alpha\n", "d/b.bin": b"\0\1\2" * 100, "e.txt": b""})
    for rel, data in (("a.txt", b"alpha\n"), ("d/b.bin", b"\0\1\2" * 100), ("e.txt", b"")):
        assert _id(repo, rel) == blob_sha(data) == git(repo, "rev-parse", f":{rel}").strip()


def test_a_file_edited_after_the_index_was_written_is_not_vouched_for(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.txt": b"alpha\n"})
    write(repo / "a.txt", b"alpha, longer\n")
    assert _id(repo, "a.txt") is None


def test_a_file_rewritten_with_the_same_size_and_mtime_is_not_vouched_for(
        tmp_path: Path) -> None:
    """Its ctime moved (no one can set it back): the stat is not the entry's."""
    repo = _repo(tmp_path, {"a.txt": b"alpha\n"})
    _rewrite_keeping_size_and_mtime(repo / "a.txt", b"omega\n")
    assert _id(repo, "a.txt") is None


def test_a_file_replaced_by_another_of_the_same_size_and_mtime_is_not_vouched_for(
        tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.txt": b"alpha\n"})
    write(tmp_path / "new.txt", b"omega\n")
    os.utime(tmp_path / "new.txt", ns=(_OLD_NS, _OLD_NS))
    os.replace(tmp_path / "new.txt", repo / "a.txt")  # another inode, same size and mtime
    assert _id(repo, "a.txt") is None


def test_an_entry_in_the_index_s_own_timestamp_tick_is_racy_and_not_vouched_for(
        tmp_path: Path) -> None:
    """The index written in the tick the file was last changed in (racy git): the file may
    have changed again after git hashed it, unseen by its stat. git compares such an entry's
    content; IndexStat leaves it out, even while the file is in fact unchanged."""
    repo = _repo(tmp_path, {"a.txt": b"alpha\n"})
    index = repo / ".git" / "index"
    entry_mtime = os.stat(repo / "a.txt").st_mtime_ns
    for index_mtime in (entry_mtime, entry_mtime + INDEX_RACY_MARGIN_NS - 1):
        os.utime(index, ns=(index_mtime, index_mtime))
        assert _id(repo, "a.txt") is None
    os.utime(index, ns=(entry_mtime + INDEX_RACY_MARGIN_NS + 1,) * 2)
    assert _id(repo, "a.txt") == blob_sha(b"alpha\n")


def test_a_file_edited_just_after_git_add_is_never_taken_for_the_added_blob(
        tmp_path: Path) -> None:
    """The real race, tried many times: add, then rewrite with the same size at once (often
    in the same timestamp tick, so with the very stat git recorded)."""
    repo = make_repo(tmp_path / "r")
    for attempt in range(30):
        before, after = b"before %02d\n" % attempt, b"after! %02d\n" % attempt
        write(repo / "a.txt", before)
        git(repo, "add", "a.txt")
        (repo / "a.txt").write_bytes(after)
        assert _id(repo, "a.txt") in (None, blob_sha(after))
        assert _id(repo, "a.txt") != blob_sha(before)


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
def test_entries_git_does_not_check_are_not_vouched_for(tmp_path: Path, flag: str) -> None:
    """git takes such an entry as unchanged without looking at its file: an edit made since
    is invisible to git, so the entry says nothing of the file's bytes."""
    repo = _repo(tmp_path, {"a.txt": b"alpha\n", "b.txt": b"beta\n"})
    git(repo, "update-index", flag, "a.txt")
    assert _id(repo, "a.txt") is None  # even while the file is unchanged
    assert _id(repo, "b.txt") == blob_sha(b"beta\n")
    _rewrite_keeping_size_and_mtime(repo / "a.txt", b"omega\n")
    assert "a.txt" not in git(repo, "status", "--porcelain")  # git itself is fooled
    assert _id(repo, "a.txt") is None


def test_intent_to_add_and_conflicted_entries_are_not_vouched_for(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"c.txt": b"base\n"})
    write(repo / "new.txt", b"new\n")
    os.utime(repo / "new.txt", ns=(_OLD_NS, _OLD_NS))
    git(repo, "add", "-N", "new.txt")
    assert _id(repo, "new.txt") is None
    git(repo, "checkout", "-q", "-b", "other")
    write(repo / "c.txt", b"other\n")
    commit(repo, message="other")
    git(repo, "checkout", "-q", "-")
    write(repo / "c.txt", b"mine!\n")
    commit(repo, message="mine")
    git(repo, "merge", "-q", "other", check=False)
    assert "UU c.txt" in git(repo, "status", "--porcelain")
    assert _id(repo, "c.txt") is None


def test_a_file_changed_while_it_is_read_is_hashed_not_looked_up(tmp_path: Path) -> None:
    """The pass looks the stat up again after its read: bytes written after the file was
    opened and stat'ed (here just before the read) are not the entry's blob, though the
    stat seen at the open is the entry's."""
    repo = _repo(tmp_path, {"a.txt": b"alpha\n"})
    content = ContentFacts(str(repo), Spec(needles=("alpha",)), use_cache=False)
    real = _Reader._limit

    def rewrite_then_limit(self: _Reader, rel: str, want: set[str], size: int) -> int:
        (repo / rel).write_bytes(b"omega\n")  # same inode, same size; ctime and mtime move
        return real(self, rel, want, size)

    _Reader._limit = rewrite_then_limit  # type: ignore[method-assign]
    try:
        content.ensure({"a.txt": (BLOB,)})
    finally:
        _Reader._limit = real  # type: ignore[method-assign]
    assert content.stats.ids_from_index == 0
    assert content.export().blobs == {blob_sha(b"omega\n"): (0,)}  # the bytes read


def test_an_index_this_cannot_read_whole_and_checked_is_not_used(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.txt": b"alpha\n"})
    index = repo / ".git" / "index"
    good = index.read_bytes()
    assert parse_index_stat(good, time.time_ns()) is not None
    for broken in (good[:-1], good[:40], b"", good[:100] + bytes([good[100] ^ 1]) + good[101:],
                   b"DIRX" + good[4:]):
        assert parse_index_stat(broken, time.time_ns()) is None
    git(repo, "update-index", "--index-version", "4")
    assert read_index_stat(str(repo)) is None  # paths compressed: not read
    git(repo, "update-index", "--index-version", "2")
    assert read_index_stat(str(repo)) is not None
    git(repo, "update-index", "--split-index")
    assert any(p.name.startswith("sharedindex.") for p in (repo / ".git").iterdir())
    assert read_index_stat(str(repo)) is None  # entries in a shared index elsewhere


def test_an_index_that_is_a_fifo_or_a_link_is_not_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.txt": b"alpha\n"})
    index = repo / ".git" / "index"
    os.replace(index, tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", index)
    assert read_index_stat(str(repo)) is None
    index.unlink()
    os.mkfifo(index)  # opened without blocking, then refused
    assert read_index_stat(str(repo)) is None


def test_a_sha256_repo_s_index_is_not_used(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    git(tmp_path, "init", "-q", "--object-format=sha256", str(repo))
    write(repo / "a.txt", b"alpha\n")
    git(repo, "add", "a.txt")
    assert read_index_stat(str(repo)) is None


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.sampled_from(["keep", "grow", "same-size", "replace", "touch-index"]),
                      min_size=6, max_size=6))
def test_a_pass_s_blob_ids_are_always_those_of_the_bytes_read(
        tmp_path_factory: pytest.TempPathFactory, edits: list[str]) -> None:
    """Whatever was done to the files since the index was written, the blob ids the pass
    hands the history walk are those of the files' bytes; unchanged ones come from the
    index."""
    tmp_path = tmp_path_factory.mktemp("pass")
    names = [f"f{n}.txt" for n in range(len(edits))]
    repo = _repo(tmp_path, {name: b"needle %d\n" % n for n, name in enumerate(names)})
    for n, (name, edit) in enumerate(zip(names, edits, strict=True)):
        if edit == "grow":
            write(repo / name, b"needle needle %d\n" % n)
        elif edit == "same-size":
            _rewrite_keeping_size_and_mtime(repo / name, b"eldeen %d\n" % n)
        elif edit == "replace":
            write(tmp_path / "new", b"needle %d!" % n)
            os.utime(tmp_path / "new", ns=(_OLD_NS, _OLD_NS))
            os.replace(tmp_path / "new", repo / name)
        elif edit == "touch-index":  # the index rewritten in the tick of this file's change
            mtime = os.stat(repo / name).st_mtime_ns
            os.utime(repo / ".git" / "index", ns=(mtime, mtime))
    content = ContentFacts(str(repo), Spec(needles=("needle",)), use_cache=False)
    content.ensure({name: (BLOB,) for name in names})
    on_disk = {name: (repo / name).read_bytes() for name in names}
    assert set(content.export().blobs) == {blob_sha(data) for data in on_disk.values()}
    for data in on_disk.values():
        assert content.blob_counts(blob_sha(data)) == (data.count(b"needle"),)
    untouched = "touch-index" not in edits
    kept = sum(edit == "keep" for edit in edits)
    assert content.stats.ids_from_index == (kept if untouched else 0)


def test_a_stale_index_vouches_for_nothing_until_git_refreshes_it(tmp_path: Path) -> None:
    """A tree whose every file got its times set back after the commit (what the bench
    builders' freeze_times did, and what `touch -r`, a backup restore or an unpacked archive
    do): same bytes, same mtime, another ctime. No entry's stat is its file's, so the pass
    takes no id from the index and hashes every file, with the right ids; once git itself
    has compared them (`git update-index --refresh`, as `git status` does), every id comes
    from the index."""
    names = [f"d{n % 3}/f{n}.txt" for n in range(12)]
    repo = _repo(tmp_path, {name: b"needle %d\n" % n for n, name in enumerate(names)})
    # A ctime in a later second than the one git recorded: git (built without USE_NSEC)
    # compares seconds only, and would take a change within the second for none; IndexStat
    # compares nanoseconds, so it would not.
    time.sleep(1.01 - time.time() % 1)
    for name in names:
        os.utime(repo / name, ns=(_OLD_NS, _OLD_NS))  # the same times again: ctime moves

    def blob_ids() -> tuple[dict[str, str | None], int]:
        content = ContentFacts(str(repo), Spec(needles=("needle",)), use_cache=False)
        content.ensure({name: (BLOB,) for name in names})
        exported = content.export()
        assert set(exported.blobs) == {blob_sha((repo / n).read_bytes()) for n in names}
        return {n: _id(repo, n) for n in names}, content.stats.ids_from_index

    stale, from_index = blob_ids()
    assert from_index == 0 and set(stale.values()) == {None}
    git(repo, "update-index", "-q", "--refresh")
    os.utime(repo / ".git" / "index", ns=(_OLD_NS + 10**12,) * 2)  # clear of the racy tick
    fresh, from_index = blob_ids()
    assert from_index == len(names)
    assert fresh == {n: blob_sha((repo / n).read_bytes()) for n in names}


def _filtered_repo(tmp_path: Path, attributes: str, where: str = ".gitattributes",
                   filtered: bool = True) -> Path:
    """A repo whose `a.txt` a clean filter upper-cases on its way into the index: the blob
    holds `JQUERY`, the working file `jquery`."""
    repo = make_repo(tmp_path / "r")
    git(repo, "config", "filter.upper.clean", "tr a-z A-Z")
    git(repo, "config", "filter.upper.smudge", "cat")
    if where == "included":  # core.attributesFile set in a file the repo's config includes
        write(tmp_path / "attributes", attributes)
        write(tmp_path / "extra.gitconfig", f"[core]\n\tattributesFile = {tmp_path}/attributes\n")
        git(repo, "config", "include.path", str(tmp_path / "extra.gitconfig"))
    else:
        write(repo / ".git" / "info" / "attributes" if where == "info" else repo / where,
              attributes)
    write(repo / "a.txt", b"jquery jquery\n")
    write(repo / "b.txt", b"plain\n")
    for path in repo.rglob("*"):
        if ".git" not in path.parts and path.is_file():
            os.utime(path, ns=(_OLD_NS, _OLD_NS))
    commit(repo)
    assert (git(repo, "cat-file", "-p", ":a.txt") == "JQUERY JQUERY\n") is filtered
    return repo


@pytest.mark.parametrize(("attributes", "where"), [
    ("*.txt filter=upper\n", ".gitattributes"),
    ("*.txt\t-text filter=upper\n", ".gitattributes"),
    ("*.txt filter=upper\n", "info"),
    ("*.txt filter=upper\n", "included"),
])
def test_no_blob_id_is_taken_from_an_index_a_clean_filter_may_have_fed(
        tmp_path: Path, attributes: str, where: str) -> None:
    """The blob's bytes are not the working file's: its id with the needles counted in the
    working file's bytes credited the blob with `jquery` twice (trust round 12: the index's
    id was taken as it is for any file whose stat matched, on b3ba3e1; "included": an
    attributes file named in a config file the repo's config includes, on 658633b)."""
    repo = _filtered_repo(tmp_path, attributes, where)
    index = read_index_stat(str(repo))
    assert index is None or index.blob_id("a.txt", os.stat(repo / "a.txt")) is None


def test_a_pass_credits_no_blob_with_counts_of_other_bytes(tmp_path: Path) -> None:
    repo = _filtered_repo(tmp_path, "*.txt filter=upper\n")
    reader = _Reader(str(repo), Spec(needles=("jquery",)), read_index_stat(str(repo)))
    try:
        reader.read("a.txt", {BLOB}, PassStats())
    finally:
        reader.close()
    blob = git(repo, "rev-parse", ":a.txt").strip()
    # On b3ba3e1: {blob: (2,)}, the id of `JQUERY JQUERY` with the working file's count.
    assert reader.blobs.get(blob, (0,)) == (0,), reader.blobs
    assert reader.blob_of["a.txt"] == blob_sha(b"jquery jquery\n")


def test_attributes_that_only_set_line_ends_keep_the_index_vouching(tmp_path: Path) -> None:
    repo = _filtered_repo(tmp_path, "*.sh text eol=lf\n", filtered=False)
    index = read_index_stat(str(repo))
    assert index is not None
    assert index.blob_id("b.txt", os.stat(repo / "b.txt")) == blob_sha(b"plain\n")


# An index entry's stat fields as git writes them (each 32 bits), and a file's stat that is
# either built from them (the entry vouches for it) or off in one field, by a little or by a
# multiple of 2**32 (what the 32-bit fields cannot tell apart, or a size and times they can).
_U32S = st.integers(0, 2**32 - 1)
_FIELDS = ("size", "mtime_s", "mtime_ns", "ctime_s", "ctime_ns", "ino", "dev", "uid", "gid")


@st.composite
def _entry_and_stat(draw: st.DrawFn) -> tuple[bytes, int, os.stat_result]:
    entry = {name: draw(_U32S) for name in _FIELDS}
    entry["mtime_ns"] %= 1_000_000_000
    entry["ctime_ns"] %= 1_000_000_000
    file = {"size": entry["size"],
            "mtime": entry["mtime_s"] * 1_000_000_000 + entry["mtime_ns"],
            "ctime": entry["ctime_s"] * 1_000_000_000 + entry["ctime_ns"],
            **{name: entry[name] for name in ("ino", "dev", "uid", "gid")}}
    for name in draw(st.lists(st.sampled_from(sorted(file)), max_size=2)):
        file[name] += draw(st.sampled_from([1, -1, 2**32, -(2**32), 2**64, 10**19, -10**19]))
    sha = draw(st.binary(min_size=20, max_size=20))
    pad = draw(st.binary(max_size=9))
    data = pad + struct.pack(">10I20sH", entry["ctime_s"], entry["ctime_ns"], entry["mtime_s"],
                             entry["mtime_ns"], entry["dev"], entry["ino"], 0o100644,
                             entry["uid"], entry["gid"], entry["size"], sha, 3) + b"a.txt\0"
    stat = os.stat_result((0o100644, file["ino"], file["dev"], 1, file["uid"], file["gid"],
                           file["size"], 0, 0, 0, 0.0, 0.0, 0.0, 0, file["mtime"],
                           file["ctime"]))
    return data, len(pad), stat


@pytest.mark.skipif(bool(os.environ.get("TIDY_PURE_PYTHON")),
                    reason="the C test is turned off on purpose")
@settings(max_examples=500, deadline=None)
@given(case=_entry_and_stat())
def test_the_c_entry_test_answers_as_the_python_one(
        case: tuple[bytes, int, os.stat_result]) -> None:
    from tidy.workspace._fastmeasure import index_blob_id

    data, position, stat = case
    assert index_blob_id(data, position, stat) == entry_blob_id_in_python(data, position, stat)


@pytest.mark.skipif(bool(os.environ.get("TIDY_PURE_PYTHON")),
                    reason="the C test is turned off on purpose")
def test_the_index_s_ids_come_from_the_c_test_where_built(tmp_path: Path) -> None:
    from tidy.workspace import blobs
    from tidy.workspace._fastmeasure import index_blob_id

    assert blobs._entry_blob_id is index_blob_id
    files = {f"f{i}.txt": b"x" * i for i in range(20)}
    repo = _repo(tmp_path, files)
    index = read_index_stat(str(repo))
    assert index is not None
    for name, data in files.items():
        stat = os.stat(repo / name)
        position = index.entries[name.encode()]
        assert index.blob_id(name, stat) == blob_sha(data) == entry_blob_id_in_python(
            index.data, position, stat)
