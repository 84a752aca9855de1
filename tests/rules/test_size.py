"""TDY201/202 next to Git LFS: pointers reported apart (TDY207), attribute mismatches (TDY208).

git-lfs need not be installed: a pointer is committed as the text the LFS spec defines, and a
"checked out" LFS file is that pointer in the index with the real bytes in the working tree,
which is what git-lfs's smudge filter leaves behind.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, findings, git, make_repo, scan_json, write
from tidy.rules.size import hosting_note
from tidy.workspace.blobs import LFS_POINTER_MAX, parse_lfs_pointer

LFS_RULE = "*.psd filter=lfs diff=lfs merge=lfs -text\n"


def pointer_for(data: bytes) -> bytes:
    oid = hashlib.sha256(data).hexdigest()
    return (b"version https://git-lfs.github.com/spec/v1\n"
            b"oid sha256:%s\nsize %d\n" % (oid.encode(), len(data)))


def by_code(report: dict[str, object], code: str) -> dict[str, dict[str, object]]:
    return {f["path"]: f for f in findings(report, code)}  # type: ignore[arg-type]


def _lfs_repo(tmp_path: Path) -> tuple[Path, bytes]:
    """art/cover.psd committed as an LFS pointer to `real` (1.5 MB), plain.bin (1.2 MB) as
    itself; the working tree not checked out yet."""
    repo = make_repo(tmp_path / "r")
    real = os.urandom(1_500_000)
    write(repo / ".gitattributes", LFS_RULE)
    write(repo / "art/cover.psd", pointer_for(real))
    write(repo / "plain.bin", os.urandom(1_200_000))
    commit(repo)
    return repo, real


def test_checked_out_lfs_file_is_not_a_large_tracked_file(tmp_path: Path) -> None:
    repo, real = _lfs_repo(tmp_path)
    write(repo / "art/cover.psd", real)  # what the smudge filter checks out
    report = scan_json(repo)
    assert set(by_code(report, "TDY201")) == {"plain.bin"}
    lfs = by_code(report, "TDY207")
    assert set(lfs) == {"art/cover.psd"}
    assert lfs["art/cover.psd"]["bytes"] == len(real)
    assert dict(lfs["art/cover.psd"]["details"])["lfs_oid"] == hashlib.sha256(real).hexdigest()
    assert not findings(report, "TDY208")


def test_lfs_attribute_but_plain_blob_is_flagged(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / ".gitattributes", LFS_RULE)
    write(repo / "a.psd", os.urandom(5000))  # committed without git-lfs: a plain blob
    write(repo / "b.psd", pointer_for(b"fine"))
    write(repo / "empty.psd", b"")
    commit(repo)
    mismatch = by_code(scan_json(repo), "TDY208")
    assert set(mismatch) == {"a.psd"}
    assert dict(mismatch["a.psd"]["details"])["direction"] == "plain-blob-but-lfs-attribute"
    assert mismatch["a.psd"]["bytes"] == 5000
    assert "git add --renormalize a.psd" in mismatch["a.psd"]["fix"]["description"]


def test_pointer_without_lfs_attribute_is_flagged(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / ".gitattributes", LFS_RULE)
    real = os.urandom(70_000)
    write(repo / "model.onnx", pointer_for(real))  # no rule covers *.onnx
    commit(repo)
    mismatch = by_code(scan_json(repo), "TDY208")
    assert set(mismatch) == {"model.onnx"}
    assert mismatch["model.onnx"]["bytes"] == len(real)
    assert "filter=lfs" in mismatch["model.onnx"]["fix"]["description"]


def test_attributes_are_read_from_the_index(tmp_path: Path) -> None:
    """A rule added to the working tree but not committed does not change what was committed."""
    repo = make_repo(tmp_path / "r")
    write(repo / ".gitattributes", "# lfs comes later\n")
    write(repo / "a.psd", os.urandom(3000))
    commit(repo)
    write(repo / ".gitattributes", LFS_RULE)
    assert not findings(scan_json(repo), "TDY208")
    git(repo, "add", ".gitattributes")
    assert set(by_code(scan_json(repo), "TDY208")) == {"a.psd"}


def test_repo_without_lfs_pays_nothing_for_mismatches(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "model.onnx", pointer_for(b"x"))  # no .gitattributes at all, no .git/lfs
    commit(repo)
    assert not findings(scan_json(repo), "TDY208")


def test_hosting_note_thresholds() -> None:
    """GitHub warns at 50 MiB and blocks at 100 MiB; GitLab.com Free blocks at 100 MiB."""
    mib = 1024 * 1024
    assert hosting_note(50 * mib - 1) == ""
    assert "warns" in hosting_note(50 * mib)
    assert "reject" in hosting_note(100 * mib)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_pointer_parser_round_trip(data: bytes) -> None:
    pointer = parse_lfs_pointer(pointer_for(data))
    assert pointer is not None
    assert (pointer.oid, pointer.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert parse_lfs_pointer(data) is None or data.startswith(b"version https://git-lfs")


def test_pointer_parser_refuses_near_misses() -> None:
    good = pointer_for(b"abc")
    assert parse_lfs_pointer(good.replace(b"sha256:", b"sha1:")) is None
    assert parse_lfs_pointer(good.replace(b"size 3", b"size x")) is None
    assert parse_lfs_pointer(b"x" + good) is None
    assert parse_lfs_pointer(good + b"x" * LFS_POINTER_MAX) is None


# ----------------------------------------------------------------- the checks on a built context
# (tests.rules.context: no walk, no git; what git says about LFS is handed in)
def test_tdy201_tdy202_a_big_tracked_file_by_its_size_not_an_lfs_pointer() -> None:
    from tests.rules.context import context
    from tidy.rules import size as rules
    from tidy.workspace.blobs import LfsPointer

    ctx = context(tracked=["data.bin", "huge.bin", "art.psd", "loose.bin"],
                  big_files={"data.bin": 2_000_000, "huge.bin": 60_000_000,
                             "art.psd": 3_000_000, "loose.bin": 5_000_000},
                  ignored_files=["loose.bin"])
    pointers = {"art.psd": LfsPointer("0" * 64, 3_000_000)}
    large = {f.path: f for f in rules.large_files(ctx, lambda: pointers)}
    assert sorted(large) == ["data.bin", "loose.bin"]  # not huge (TDY202), not the pointer
    assert large["data.bin"].code == "TDY201" and large["loose.bin"].ignored is True
    [over] = rules.oversized_files(ctx, lambda: pointers)
    assert (over.code, over.path) == ("TDY202", "huge.bin")
    assert "GitHub warns on pushes with a file over 50 MiB" in over.message


def test_tdy201_asks_nothing_of_git_without_a_big_tracked_file() -> None:
    from tests.rules.context import context
    from tidy.rules import size as rules
    from tidy.workspace.blobs import LfsPointer

    def never() -> dict[str, LfsPointer]:
        raise AssertionError("git asked")

    ctx = context(tracked=["a.py"], big_files={"untracked.bin": 9_000_000})
    assert list(rules.large_files(ctx, never)) == []


def test_tdy207_tdy208_from_a_view_of_the_index() -> None:
    from tests.rules.context import context
    from tidy.rules import size as rules
    from tidy.workspace.blobs import LfsPointer

    ctx = context(tracked=["a.psd", "b.psd", "c.bin"])
    view = rules.LfsView(pointers={"a.psd": LfsPointer("1" * 64, 3_000_000_000)},
                         plain_but_lfs={"b.psd": 4000},
                         pointer_without_rule={"c.bin": LfsPointer("2" * 64, 9000)})
    [stored] = rules.lfs_files(ctx, view)
    assert (stored.code, stored.size.apparent) == ("TDY207", 3_000_000_000)
    assert "over the 2 GB Git LFS file limit" in stored.message
    plain, pointer = rules.lfs_mismatches(ctx, view)
    assert (plain.code, plain.path) == ("TDY208", "b.psd")
    assert ("direction", "plain-blob-but-lfs-attribute") in plain.details
    assert ("direction", "pointer-without-lfs-attribute") in pointer.details


def _notes_file(repo: Path) -> tuple[str, str]:
    """The notes file of the repo's content cache (content_notes) and the cache's shape."""
    from tidy.workspace import content_notes

    path = content_notes.notes_path(str(repo))
    assert path is not None
    shape = json.loads(Path(path).read_bytes())["shape"]  # JSON whole, its signature last
    return path, shape


def _pointers_note(repo: Path) -> dict[str, object]:
    from tidy.workspace import content_notes

    path, shape = _notes_file(repo)
    note = json.loads(content_notes.load(path, str(repo), shape)["lfs-pointers"])
    assert isinstance(note, dict)
    return note


def _set_pointers_note(repo: Path, note: object) -> None:
    """The note changed as tidy itself would write it (signed with this user's key)."""
    from tidy.workspace import content_notes

    path, shape = _notes_file(repo)
    notes = content_notes.load(path, str(repo), shape)
    notes["lfs-pointers"] = note if isinstance(note, str) else json.dumps(note)
    assert content_notes.save(path, str(repo), shape, notes)


def test_which_big_files_are_pointers_is_kept_for_the_index_it_was_asked_of(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer (from git: ls-files, cat-file) is a note of the content cache under the
    index's stamp: the rescan uses it -- a note saying plain.bin is a pointer makes it one --
    and any change of the index (git add) throws it away and asks git again. The same note
    written by anyone else (signed with another key than this user's, or edited) is not
    used: it would hide a large file."""
    repo, real = _lfs_repo(tmp_path)
    write(repo / "art/cover.psd", real)
    first = scan_json(repo)
    note = _pointers_note(repo)
    oid = hashlib.sha256(real).hexdigest()
    assert note["paths"] == {"art/cover.psd": [oid, len(real)], "plain.bin": None}
    lie = {"index": note["index"], "paths": {
        "art/cover.psd": [oid, len(real)], "plain.bin": ["0" * 64, 5]}}

    with monkeypatch.context() as other:  # another user's tidy (or a repo's author) wrote it
        other.setenv("TIDY_STATE_DIR", str(tmp_path / "someone-else"))
        _set_pointers_note(repo, lie)
    assert set(by_code(scan_json(repo), "TDY201")) == {"plain.bin"}
    assert _pointers_note(repo) == note  # and the truth is written back

    path, _ = _notes_file(repo)
    _set_pointers_note(repo, lie)
    signed = Path(path).read_bytes()
    Path(path).write_bytes(signed.replace(b"0" * 64, b"1" * 64))  # edited after tidy wrote it
    assert set(by_code(scan_json(repo), "TDY201")) == {"plain.bin"}

    _set_pointers_note(repo, lie)
    assert set(by_code(scan_json(repo), "TDY201")) == set()  # tidy's own note is used

    write(repo / "other.txt", "x\n")
    git(repo, "add", "other.txt")  # a new index: the note is not for it
    again = scan_json(repo)
    assert set(by_code(again, "TDY201")) == set(by_code(first, "TDY201")) == {"plain.bin"}
    assert _pointers_note(repo)["index"] != note["index"]


def test_a_pointers_note_that_does_not_decode_is_asked_again(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "plain.bin", os.urandom(1_200_000))
    commit(repo)
    first = scan_json(repo)
    stamp = _pointers_note(repo)["index"]
    for bad in ("not json", [1, 2], {"index": stamp, "paths": {"plain.bin": ["x"]}},
                {"index": stamp, "paths": {"plain.bin": ["0" * 64, -1]}},
                {"index": stamp, "paths": ["plain.bin"]}):
        _set_pointers_note(repo, bad)
        assert findings(scan_json(repo), "TDY201") == findings(first, "TDY201")
        assert set(by_code(first, "TDY201")) == {"plain.bin"}


def test_without_the_cache_the_pointers_are_asked_once_while_the_early_work_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--no-cache: no note can answer, so which big tracked files are LFS pointers is asked
    of git while the main process waits for the early job (Rule.begin), once; the report is
    the one a scan with the cache, or without early work, gives."""
    import tidy.rules.size as size
    import tidy.workspace.early

    repo, real = _lfs_repo(tmp_path)
    write(repo / "art/cover.psd", real)
    inline = scan_json(repo, "--no-cache")
    asked: list[list[str]] = []
    real_ask = size.index_pointers

    def counted(root: str, paths: list[str]) -> object:
        import inspect

        asked.append(sorted(paths))
        callers.append({frame.function for frame in inspect.stack()})
        return real_ask(root, paths)

    callers: list[set[str]] = []

    monkeypatch.setattr(size, "index_pointers", counted)
    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    early = scan_json(repo, "--no-cache")
    assert asked == [["art/cover.psd", "plain.bin"]]
    assert "begin_large_files" in callers[0]  # before the early results were waited for
    cached = scan_json(repo)
    for report in (early, cached):
        assert set(by_code(report, "TDY201")) == set(by_code(inline, "TDY201")) == {"plain.bin"}
        assert set(by_code(report, "TDY207")) == set(by_code(inline, "TDY207")) == {
            "art/cover.psd"}
