"""The index listing kept between scans (tidy.workspace.index_cache): used only for the very
index it was listed from, never when racy, never when it is not what tidy writes, and never
with --no-cache; whatever it holds, the listing a scan works from is git's."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, make_repo, run_cli, write
from tidy.workspace import index_cache
from tidy.workspace.blobs import IndexListing, list_index
from tidy.workspace.early import EARLY_MIN_INDEX_BYTES, run_task
from tidy.workspace.index_cache import MAGIC, cached_list_index, index_stamp, load


def _after_a_tick() -> None:
    """Past the filesystem clock's tick: a file written now is newer than the index (the
    racy rule refuses a listing written within the index's own tick)."""
    time.sleep(index_cache.RACY_MARGIN_NS / 1e9 + 0.02)


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "r")
    for name in ("a.txt", "src/b.py", "src/c.py", "docs/d.md", "sp ace.txt", "new\nline.txt"):
        write(repo / name, name * 3)
    commit(repo)
    _after_a_tick()
    return repo


def _kept(repo: Path) -> Path:
    """The cache file, written by a listing of the repo."""
    cached_list_index(str(repo))
    path = index_cache.cache_path(str(repo))
    assert path is not None and os.path.isfile(path)
    return Path(path)


def _what_the_task_sees(repo: Path, use_cache: bool) -> IndexListing:
    """The listing the early job is handed (run_task, as a pool worker runs it)."""
    seen = run_task(lambda _repo, listing: {"listing": listing}, str(repo), use_cache)
    listing = seen["listing"]
    assert isinstance(listing, IndexListing)
    return listing


def _rewrite(path: Path, edit: bytes, by: bytes) -> None:
    """Change the kept listing's bytes, keeping its mtime (so only the content differs)."""
    st_ = path.stat()
    data = path.read_bytes()
    assert edit in data
    path.write_bytes(data.replace(edit, by, 1))
    os.utime(path, ns=(st_.st_atime_ns, st_.st_mtime_ns))


def test_a_kept_listing_is_used_for_the_same_index(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    path = _kept(repo)
    stamp = index_stamp(str(repo))
    assert stamp is not None
    assert load(str(path), str(repo), stamp) == list_index(str(repo))
    # Used, not asked again: a listing that lies (well-formed) is what comes back. Only who can
    # write the git directory can write it, and they can write the index itself.
    _rewrite(path, b"docs/d.md\0", b"docs/e.md\0")
    assert "docs/e.md" in cached_list_index(str(repo)).paths


def test_a_changed_index_is_listed_again_and_kept_anew(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    path = _kept(repo)
    write(repo / "new.txt", "n")
    git(repo, "add", "new.txt")  # a new index file (git renames it in): a new stamp
    _after_a_tick()
    listing = cached_list_index(str(repo))
    assert listing == list_index(str(repo)) and "new.txt" in listing.paths
    stamp = index_stamp(str(repo))
    assert stamp is not None and load(str(path), str(repo), stamp) == listing


@pytest.mark.parametrize("field", range(6))
def test_a_stamp_differing_in_any_field_is_a_miss(tmp_path: Path, field: int) -> None:
    """(device, inode, size, mtime_ns, ctime_ns, tail): each one alone decides."""
    repo = _repo(tmp_path)
    path = _kept(repo)
    stamp = index_stamp(str(repo))
    assert stamp is not None
    other = list(stamp)
    other[field] = "00" * 32 if field == 5 else int(stamp[field]) + 1  # type: ignore[call-overload]
    assert load(str(path), str(repo), tuple(other)) is None  # type: ignore[arg-type]
    assert load(str(path), str(repo), stamp) is not None


def test_an_index_rewritten_in_place_with_its_old_times_is_listed_again(tmp_path: Path) -> None:
    """Same inode, same size, mtime put back (what a tool writing the index in place could
    leave): its tail (git's checksum of it) and its ctime still tell."""
    repo = _repo(tmp_path)
    _kept(repo)
    index = repo / ".git" / "index"
    old = repo / ".git" / "index.old-inode"
    before = index.stat()
    os.link(index, old)  # the index's inode, kept while git writes a new one
    write(repo / "a.txt", "A.TXTA.TXTA.TXT")  # the same length: the same size of index
    git(repo, "add", "a.txt")
    git(repo, "write-tree")  # the index's tree cache whole again, as the commit left it
    new = index.read_bytes()
    assert len(new) == before.st_size
    with open(old, "r+b") as f:  # the new content, written over the old inode
        f.write(new)
    os.utime(old, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(old, index)
    after = index.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino, before.st_size, before.st_mtime_ns)
    assert cached_list_index(str(repo)) == list_index(str(repo))


def test_a_racy_index_is_listed_again(tmp_path: Path) -> None:
    """Written within the same tick as the kept listing, the index's stat may not show a
    change: not used then."""
    repo = _repo(tmp_path)
    path = _kept(repo)
    stamp = index_stamp(str(repo))
    assert stamp is not None
    os.utime(path, ns=(stamp[4], stamp[4]))  # the listing as old as the index's ctime
    assert load(str(path), str(repo), stamp) is None
    os.utime(path, ns=(stamp[3], stamp[3]))
    assert load(str(path), str(repo), stamp) is None
    os.utime(path, ns=(stamp[4] + 1, stamp[4] + 1))
    assert load(str(path), str(repo), stamp) is not None


def test_an_index_written_just_before_the_listing_is_not_kept(tmp_path: Path) -> None:
    """It may change again within its clock tick, after git listed it, keeping its stat."""
    repo = _repo(tmp_path)
    write(repo / "new.txt", "n")
    git(repo, "add", "new.txt")
    assert cached_list_index(str(repo)) == list_index(str(repo))
    path = index_cache.cache_path(str(repo))
    assert path is not None and not os.path.exists(path)
    _after_a_tick()
    cached_list_index(str(repo))
    assert os.path.exists(path)


def test_an_index_changed_while_git_lists_it_is_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path)
    real = index_cache.list_index

    def listing_while_someone_stages(root: str) -> IndexListing:
        listing = real(root)
        write(repo / "late.txt", "l")
        git(repo, "add", "late.txt")  # another process's `git add`, during the listing
        return listing

    monkeypatch.setattr(index_cache, "list_index", listing_while_someone_stages)
    cached_list_index(str(repo))
    path = index_cache.cache_path(str(repo))
    assert path is not None and not os.path.exists(path)


@pytest.mark.parametrize(("edit", "by"), [
    (b"a.txt\0", b"../a.txt\0"),  # out of the repo
    (b"a.txt\0", b"/a.txtx\0"),  # absolute
    (b"src/b.py\0", b"src//b.p\0"),  # an empty component
    (b"src/b.py\0", b"src/./b.\0"),
    (b"src/b.py\0", b".git/b.p\0"),  # git's own folder, in any case
    (b"src/b.py\0", b".GiT/b.p\0"),
    (b"src/b.py\0", b"src/b.py/\0"),  # a trailing slash (sizes differ: header says so too)
    (b"a.txt\0", b"zzzzz\0"),  # out of order
    (b"a.txt\0", b"\0a.txt"),  # an empty path
    (b"docs/d.md\0", b"docs/d.md\0docs/d.md\0"),  # a path twice, counts no longer agree
    (b"docs/d.md\0", b"a.txt\0"),  # a path twice, in order, the counts agreeing
])
def test_a_tampered_listing_is_not_used(tmp_path: Path, edit: bytes, by: bytes) -> None:
    repo = _repo(tmp_path)
    path = _kept(repo)
    _rewrite(path, edit, by)
    stamp = index_stamp(str(repo))
    assert stamp is not None
    assert load(str(path), str(repo), stamp) is None
    assert _what_the_task_sees(repo, use_cache=True) == list_index(str(repo))


def _header_of(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC):end])
    assert isinstance(header, dict)
    return header


def _with_header(path: Path, **changes: object) -> None:
    data = path.read_bytes()
    end = data.index(b"\n", len(MAGIC))
    header = {**_header_of(path), **changes}
    st_ = path.stat()
    path.write_bytes(MAGIC + json.dumps(header).encode() + data[end:])
    os.utime(path, ns=(st_.st_atime_ns, st_.st_mtime_ns))


@pytest.mark.parametrize("changes", [
    {"format": 999}, {"tidy": "0.0.0"}, {"root": "/elsewhere"}, {"paths": 5}, {"blobs": 99},
    {"same": False}, {"paths": "6"}, {"index": [1, 2, 3]},
])
def test_a_listing_written_for_something_else_is_not_used(
        tmp_path: Path, changes: dict[str, object]) -> None:
    repo = _repo(tmp_path)
    path = _kept(repo)
    _with_header(path, **changes)
    stamp = index_stamp(str(repo))
    assert stamp is not None
    assert load(str(path), str(repo), stamp) is None


def test_another_repos_listing_is_not_used(tmp_path: Path) -> None:
    """A listing copied from another repo (same tidy, same format): its root and its index
    stamp are another's."""
    repo = _repo(tmp_path)
    other = make_repo(tmp_path / "other")
    write(other / "z.txt", "z")
    commit(other)
    _after_a_tick()
    theirs = _kept(other)
    mine = index_cache.cache_path(str(repo))
    assert mine is not None
    os.makedirs(os.path.dirname(mine), exist_ok=True)
    Path(mine).write_bytes(theirs.read_bytes())
    assert cached_list_index(str(repo)) == list_index(str(repo))


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "no newline", "a link",
                                    "a folder", "not utf-8 header"])
def test_a_damaged_listing_is_ignored_and_git_asked(tmp_path: Path, damage: str) -> None:
    repo = _repo(tmp_path)
    path = _kept(repo)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) - 7])
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "no newline":
        path.write_bytes(MAGIC + b'{"format":1')
    elif damage == "a link":
        (tmp_path / "elsewhere").write_bytes(data)
        path.unlink()
        path.symlink_to(tmp_path / "elsewhere")
    elif damage == "a folder":
        path.unlink()
        path.mkdir()
    else:
        path.write_bytes(MAGIC + b"\xff\xfe\n" + data)
    os.utime(path, ns=(time.time_ns(), time.time_ns()), follow_symlinks=False)
    stamp = index_stamp(str(repo))
    assert stamp is not None
    assert load(str(path), str(repo), stamp) is None
    assert _what_the_task_sees(repo, use_cache=True) == list_index(str(repo))


def test_conflicts_submodules_and_odd_names_come_back_as_git_lists_them(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / os.fsdecode(b"raw")).mkdir()
    (repo / os.fsdecode(b"raw/\xff\xfe.bin")).write_bytes(b"x" * 10)  # not UTF-8
    write(repo / "both.txt", "base\n")
    commit(repo)
    sub = make_repo(tmp_path / "sub")
    write(sub / "f", "f")
    commit(sub)
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", str(sub), "sub")
    commit(repo)
    git(repo, "checkout", "-q", "-b", "side")
    write(repo / "both.txt", "theirs\n")
    commit(repo)
    git(repo, "checkout", "-q", "-")
    write(repo / "both.txt", "ours\n")
    commit(repo)
    git(repo, "merge", "-q", "side", check=False)  # stages 1-3 of both.txt
    _after_a_tick()
    path = _kept(repo)
    listing = list_index(str(repo))
    assert listing.blob_paths != listing.paths  # kept in full, not as "the same"
    stamp = index_stamp(str(repo))
    assert stamp is not None
    assert load(str(path), str(repo), stamp) == listing


def _big_index(repo: Path) -> None:
    """Enough tracked files for the scan's early job (EARLY_MIN_INDEX_BYTES of index)."""
    for i in range(3300):
        write(repo / "many" / f"file_{i:04d}_{'x' * 100}.txt", str(i))
    commit(repo)
    _after_a_tick()
    assert (repo / ".git" / "index").stat().st_size >= EARLY_MIN_INDEX_BYTES


def test_no_cache_reads_and_writes_no_listing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _big_index(repo)
    path = index_cache.cache_path(str(repo))
    assert path is not None
    assert run_cli("scan", "--no-cache", "--format", "json", "-q", str(repo),
                   cwd=tmp_path).code in (0, 1)
    assert not os.path.exists(path)
    path_kept = _kept(repo)
    _rewrite(path_kept, b"a.txt\0", b"b.txt\0")  # well-formed (in order), and a lie
    assert _what_the_task_sees(repo, use_cache=False) == list_index(str(repo))
    assert "b.txt" in _what_the_task_sees(repo, use_cache=True).paths


def test_a_scan_keeps_the_listing_and_a_rescan_reports_the_same(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _big_index(repo)
    first = run_cli("scan", "--format", "json", "-q", str(repo), cwd=tmp_path)
    path = index_cache.cache_path(str(repo))
    assert path is not None and os.path.exists(path)
    second = run_cli("scan", "--format", "json", "-q", str(repo), cwd=tmp_path)
    reports = [report.json() for report in (first, second)]
    for report in reports:
        report.pop("duration_s", None)
    assert reports[0] == reports[1]


_PIECES = st.sampled_from([b"a", b"b", b".", b"..", b"/", b"\0", b".git", b".GIT", b".gIt",
                           b"git", b".gitx", b"x.git", b"\xff"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map(b"".join))
def test_the_c_path_check_answers_what_the_python_one_does(body: bytes) -> None:
    if index_cache._native_clean is None:
        pytest.skip("the C module was not built")
    assert index_cache._native_clean(body) == index_cache.paths_clean_in_python(body)


_LONG_PIECES = st.sampled_from([b"abcdefgh", b"src/pkg/", b"module.py\0", b"/", b"\0", b".",
                                b"..", b".git", b".Git", b"x", b"\xff\xfe", b"a.b/"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LONG_PIECES, max_size=80).map(b"".join))
def test_the_c_path_check_answers_what_the_python_one_does_on_long_bodies(body: bytes) -> None:
    """Bodies of hundreds of bytes: the C check goes 16 bytes at a time there (a refused
    component at any place in a block, across two, in the last bytes)."""
    if index_cache._native_clean is None:
        pytest.skip("the C module was not built")
    assert index_cache._native_clean(body) == index_cache.paths_clean_in_python(body)


@pytest.mark.parametrize("bad", [b"//", b"/./", b"/../", b"/.git/", b"/.GIT\0", b"\0\0",
                                 b"/.\0", b"\0..\0"])
def test_a_refused_component_is_found_at_every_offset(bad: bytes) -> None:
    if index_cache._native_clean is None:
        pytest.skip("the C module was not built")
    for before in range(40):
        body = b"a" * before + bad + b"b" * 40 + b"\0"
        assert index_cache._native_clean(body) is False, (before, bad)
        assert index_cache.paths_clean_in_python(body) is False
    clean = b"ab/cd/e.f\0" * 10
    assert index_cache._native_clean(clean) is True


def test_the_c_path_check_is_built_and_used() -> None:
    assert index_cache._native_clean is not None or os.environ.get("TIDY_PURE_PYTHON")


def test_cache_clear_and_purge_remove_the_listing_and_leave_what_is_not_it(
        tmp_path: Path) -> None:
    from tidy.workspace import cache_registry

    repo = _repo(tmp_path)
    path = _kept(repo)
    assert run_cli("cache", "clear", str(repo), cwd=tmp_path).code == 0
    assert not path.exists()
    # purge: the listing of a repo on tidy's list goes; a file of that name that does not
    # read as one tidy wrote for that repo stays, byte for byte.
    cache_registry.register(str(repo))
    path = _kept(repo)
    done = cache_registry.drop_all()
    assert str(path) in [p for p, _ in done.removed] and not path.exists()
    victim = b"tidy index listing\n" + json.dumps({"format": 1, "root": "/elsewhere"}).encode()
    path.write_bytes(victim + b"\n")
    cache_registry.register(str(repo))
    done = cache_registry.drop_all()
    assert path.read_bytes() == victim + b"\n"
    assert [p for p, _ in done.left] == [str(path)]


def _well_formed_as_it_was(listing: IndexListing) -> bool:
    """index_cache._well_formed before its one-pass checks (a set and a sort of the paths;
    isalnum, lower and fromhex of the ids): what they are held to."""
    paths = listing.paths
    if len(set(paths)) != len(paths) or sorted(paths) != list(paths):
        return False
    ids = listing.blob_ids
    if len(ids) != len(listing.blob_paths):
        return False
    if not ids:
        return True
    joined = "".join(ids)
    if set(map(len, ids)) not in ({40}, {64}) or not joined.isascii():
        return False
    raw = joined.encode("ascii")
    if not (raw.isalnum() and raw == raw.lower()):
        return False
    try:
        bytes.fromhex(raw.decode("ascii"))
    except ValueError:
        return False
    return True


_ID = st.one_of(
    st.text(alphabet="0123456789abcdef", min_size=40, max_size=40),
    st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    st.text(alphabet="0123456789abcdefABCDEFgz \u00e9\u0660", min_size=40, max_size=40),
    st.text(alphabet="0123456789abcdef", min_size=39, max_size=41),
)


_PATHS = st.sampled_from(["a", "a/b", "b", "B", "\u00e9", "a b", "\udc80"])


@given(paths=st.one_of(st.lists(_PATHS, max_size=5),
                       st.lists(_PATHS, max_size=5, unique=True).map(sorted)),
       ids=st.lists(_ID, max_size=4), extra=st.booleans())
def test_well_formed_answers_as_it_did(paths: list[str], ids: list[str], extra: bool) -> None:
    """Sorted and each once, ids lower-case hexadecimal of one hash's length: the same
    listings taken and refused as before."""
    from tidy.workspace.index_cache import _well_formed

    blob_paths = tuple(paths[:len(ids)]) + (("x",) if extra else ())
    listing = IndexListing(tuple(paths), tuple(ids), blob_paths)
    assert _well_formed(listing) == _well_formed_as_it_was(listing)
