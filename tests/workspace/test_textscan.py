"""The reference search: which files it reads (git's view of the repo) and what it finds."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, make_repo, write
from tidy.workspace import content, pickaxe
from tidy.workspace.content import RACY_MARGIN_NS, ContentFacts, Hit, Spec
from tidy.workspace.textscan import open_repo, outside, read_head, search, text_files


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "r")
    write(repo / ".gitignore", "*.log\nbuild/\n")
    write(repo / "app" / "main.py", "import widgetlib\n")
    write(repo / "app" / "views.py", "x = 'static/vendor/widgetlib/w.js'\n")
    write(repo / "node_modules" / "dep" / "index.js", "require('widgetlib')\n")
    write(repo / "docs" / "notes.md", "widgetlib is old\n")
    write(repo / "logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR widgetlib")
    commit(repo, ".gitignore", "app", "docs", "logo.png")
    write(repo / "draft.py", "widgetlib\n")  # untracked, not ignored: searched
    write(repo / "debug.log", "widgetlib\n")  # ignored: not searched
    write(repo / "build" / "out.js", "widgetlib\n")
    return repo


def test_text_files_from_the_index_list_equals_git_listing_both(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    tracked = sorted(git(repo, "ls-files", "-z").split("\0")[:-1])
    skip = ["node_modules"]
    from_index = text_files(str(repo), skip, tracked=tracked)
    assert sorted(from_index) == sorted(text_files(str(repo), skip))
    assert set(from_index) == {".gitignore", "app/main.py", "app/views.py", "docs/notes.md",
                               "draft.py"}


def test_text_files_drop_tracked_files_inside_skipped_folders(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write(repo / "pkg" / "__pycache__" / "m.txt", "committed cache\n")
    commit(repo, "pkg")
    tracked = sorted(git(repo, "ls-files", "-z").split("\0")[:-1])
    files = text_files(str(repo), ["pkg/__pycache__", "node_modules"], tracked=tracked)
    assert "pkg/__pycache__/m.txt" not in files
    assert "app/main.py" in files


def test_search_finds_bounded_matches_with_lines(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write(repo / "app" / "other.py", "mywidgetlib = 1\n\nimport widgetlib\n")
    matches, searched = search(str(repo), ["app/main.py", "app/other.py", "logo.png"],
                               ["widgetlib"])
    found = sorted((m.path, m.line_no, m.line) for m in matches)
    assert found == [("app/main.py", 1, "import widgetlib"),
                     ("app/other.py", 3, "import widgetlib")]
    assert searched == 2  # the PNG holds a NUL byte: binary, not read as text


def test_search_never_reads_through_a_link(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside.py", "import widgetlib\n")
    repo = make_repo(tmp_path / "r")
    os.symlink(outside, repo / "link.py")
    matches, searched = search(str(repo), ["link.py"], ["widgetlib"])
    assert (matches, searched) == ([], 0)


def test_search_through_the_content_cache_finds_the_same(tmp_path: Path) -> None:
    # (The search no longer forks a process of its own: the engine's early job runs it on
    # the scan's worker. What replaced that split is the cache: the same answer, unread.)
    repo = make_repo(tmp_path / "r")
    paths = []
    for i in range(300):
        rel = f"src/m{i}.py"
        body = f"import widgetlib  # {i}\n" if i % 7 == 0 else f"value = {i}\n"
        write(repo / rel, body + ("jquery\n" if i % 11 == 0 else ""))
        paths.append(rel)
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)  # older than the scan by the racy margin
    patterns = ["widgetlib", "jquery"]
    alone = search(str(repo), paths, patterns)
    first = ContentFacts(str(repo), Spec(tuple(patterns)))
    cold = search(str(repo), paths, patterns, first)
    assert first.save()
    again = ContentFacts(str(repo), Spec(tuple(patterns)))
    warm = search(str(repo), paths, patterns, again)
    assert (first.stats.files_read, again.stats.files_read) == (300, 0)
    assert warm[1] == cold[1] == alone[1] == 300
    assert sorted(warm[0], key=repr) == sorted(cold[0], key=repr) == sorted(alone[0], key=repr)
    assert len(alone[0]) == len(range(0, 300, 7)) + len(range(0, 300, 11))


def test_hits_of_answers_each_file_as_hits_does_with_shared_facts(tmp_path: Path) -> None:
    """A warm pass's entries share one facts dict per distinct set of facts (the cache's
    load): hits_of works each dict's hits out once, and every file still gets its own
    answer (files with hits, without, not text, gone, never asked)."""
    repo = make_repo(tmp_path / "r")
    paths = []
    for i in range(60):
        rel = f"src/m{i}.py"
        body = b"\0binary" if i % 13 == 0 else (b"import widgetlib\n" if i % 5 == 0
                                                else b"value = 1\n")
        write(repo / rel, body)
        paths.append(rel)
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)
    patterns = ("widgetlib",)
    first = ContentFacts(str(repo), Spec(patterns))
    first.ensure({rel: (content.REFS,) for rel in paths})
    assert first.save()
    (repo / "src" / "m3.py").unlink()
    again = ContentFacts(str(repo), Spec(patterns))
    again.ensure({rel: (content.REFS,) for rel in paths})
    asked = [*paths, "src/never.py"]
    facts = {id(again.facts(rel)) for rel in paths if again.facts(rel) is not None}
    assert len(facts) < len(paths) - 10  # shared: the case hits_of is for
    assert list(again.hits_of(asked)) == [(rel, again.hits(rel)) for rel in asked]
    assert again.hits("src/m3.py") is None and again.hits("src/m0.py") is None
    assert again.hits("src/m5.py") and again.hits("src/m1.py") == []


_segment = st.sampled_from(["a", "b", "a.b", "a-b", "ab", "b0"])
_path = st.lists(_segment, min_size=1, max_size=4).map("/".join)


@pytest.mark.slow
@given(st.lists(_path, max_size=40), st.lists(_path, max_size=6))
def test_outside_equals_a_plain_prefix_filter(paths: list[str], folders: list[str]) -> None:
    ordered = sorted(set(paths))
    expected = [p for p in ordered if not any(p.startswith(f + "/") for f in folders)]
    assert outside(ordered, folders) == expected


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 300_000])
@pytest.mark.parametrize("limit", [10, 65536, 200_001, 5_000_001])
def test_read_head_reads_what_the_file_holds_up_to_the_limit(
    tmp_path: Path, size: int, limit: int
) -> None:
    data = bytes(i % 251 for i in range(size))
    write(tmp_path / "f.bin", data)
    folder = open_repo(str(tmp_path))
    try:
        assert read_head(str(tmp_path), "f.bin", limit) == data[:limit]
        assert read_head(folder, "f.bin", limit) == data[:limit]
    finally:
        os.close(folder)


def test_read_head_gives_nothing_for_what_is_no_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")  # would block a plain read forever
    os.symlink("/dev/zero", tmp_path / "zeros")  # never followed
    (tmp_path / "dir").mkdir()
    for name in ("fifo", "zeros", "dir", "missing"):
        assert read_head(str(tmp_path), name, 1 << 20) == b""


def _bounded(hay: bytes, start: int, end: int) -> bool:
    """Not inside a longer word: no letter, digit (bytes.isalnum) or "_" on either side."""
    before = hay[start - 1: start] if start else b""
    after = hay[end: end + 1]
    return not (before.isalnum() or before == b"_") and not (after.isalnum() or after == b"_")


def _lines_one_by_one(hay: bytes, found: list[tuple[int, int, int]]) -> list[Hit]:
    """What content._with_lines gives, each hit's line worked out on its own."""
    out: list[Hit] = []
    for pattern, start, end in sorted(found, key=lambda f: f[1]):
        if not _bounded(hay, start, end):
            continue
        line_start = hay.rfind(b"\n", 0, start) + 1
        line_end = hay.find(b"\n", end)
        line = hay[line_start: line_end if line_end >= 0 else len(hay)]
        out.append((pattern, hay.count(b"\n", 0, start) + 1,
                    line.strip()[:content.LINE_SHOWN].decode("utf-8", "replace")))
    return out


_PIECES = st.sampled_from([b"ab", b"b", b"\n", b" ", b"a\nb", b"x", b"-", b"\xe9", b"ab ab",
                           b"_", b"9", b"B", b"\xc3"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map(b"".join),
       st.lists(st.sampled_from([b"ab", b"b", b"a\nb", b"b a", b"x"]), min_size=1,
                max_size=4, unique=True))
def test_hits_on_one_line_share_its_text_as_each_would_find_it(
        hay: bytes, patterns: list[bytes]) -> None:
    found = pickaxe.automaton(patterns).find_matches_as_indexes(hay, overlapping=True)
    assert list(content._with_lines(hay, found)) == _lines_one_by_one(hay, found)
