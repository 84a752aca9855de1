"""What the early job's rules work out from the index's listing alone, kept with the listing
(tidy.workspace.index_memo, in workspace/index_cache's file): used only for the very index
and the very inputs it was worked out from, worked out again when the kept answer is
damaged, not what its rule writes, or kept for other inputs, never with --no-cache; the
answer is always the one worked out from the listing itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, hermetic_env, make_repo, run_cli, write
from tidy.analysis import ignore_choice as choice
from tidy.analysis.vendored.candidates import each_path_facts, path_candidates
from tidy.rules import data_in_code, ignore_rules, vendored
from tidy.workspace import content_notes, index_cache
from tidy.workspace.blobs import IndexListing, list_index
from tidy.workspace.early import EARLY_MIN_INDEX_BYTES, run_task
from tidy.workspace.index_cache import MAGIC, keep, kept_listing

_FILES = ("a.txt", "src/app.py", "src/util.py", "src/data.js", "src/main.js",
          "static/vendor/lib/lib.min.js", "static/vendor/lib/lib.js.map",
          "static/vendor/lib/package.json", "dist/x.min.js", "dist/y.min.js", "dist/z.js.map",
          "logo.png", "new\nline.py")


def _after_a_tick() -> None:
    """Past the racy margin: a listing of the index may be kept."""
    time.sleep(index_cache.RACY_MARGIN_NS / 1e9 + 0.02)


def _repo(tmp_path: Path, attributes: str = "") -> Path:
    repo = make_repo(tmp_path / "r")
    for name in _FILES:
        write(repo / name, name * 3)
    if attributes:
        write(repo / ".gitattributes", attributes)
    commit(repo)
    _after_a_tick()
    return repo


def _answers(root: str, listing: IndexListing, own: list[str]) -> tuple[object, ...]:
    """Every kept answer, through the listing's memo when it has one."""
    return (data_in_code.early_requests(listing),
            ignore_rules.early_heavy_candidates(root, listing),
            vendored._kept_search_files(listing, own),
            vendored._kept_path_candidates(listing),
            vendored._kept_vendored_attributes(root, listing),
            vendored._kept_path_facts(listing)(own, _files_by_root(listing, own)))


def _files_by_root(listing: IndexListing, roots: list[str]) -> dict[str, list[str]]:
    return {root: [p for p in listing.paths if p.startswith(root + "/")] for root in roots}


def _worked_out(root: str, listing: IndexListing, own: list[str]) -> tuple[object, ...]:
    """The same answers worked out from the listing's paths, no memo."""
    attributes = choice.gitattributes_folders((Path(root) / ".gitattributes").read_text()
                                              if (Path(root) / ".gitattributes").exists()
                                              else "")
    return (data_in_code.early_content_requests(listing.paths),
            choice.heavy_candidates(listing.paths, attributes),
            vendored._search_files(listing.paths, own),
            path_candidates(listing.paths),
            vendored._vendored_attributes(root, listing.paths),
            each_path_facts(own, _files_by_root(listing, own)))


_NAMES_KEPT = {"data_in_code.requests", "ignore_rules.heavy", "vendored.search_files",
               "vendored.path_candidates", "vendored.tracks_gitattributes",
               "vendored.path_facts"}


class _Scanned:
    """What one early job's use of the kept listing saw."""

    def __init__(self, root: str, own: list[str] | None = None) -> None:
        self.listing = kept_listing(root)
        self.answers = _answers(root, self.listing, own or [])
        memo = self.listing.memo
        # Whether an answer was worked out (or the listing is git's, new): keep() writes
        self.learnt = memo is not None and memo.learnt
        keep(root, self.listing)


def _memo_line(repo: Path) -> dict[str, list[object]]:
    path = index_cache.cache_path(str(repo))
    assert path is not None
    data = Path(path).read_bytes()
    end = data.index(b"\n", len(MAGIC))
    line = data[end + 1:data.index(b"\n", end + 1)]
    # After its signature; b87a4ff's line was the JSON alone (run there, the forged answer
    # tests fail on what they assert, not here).
    kept = json.loads(line if line.startswith(b"{") else line.partition(b" ")[2])
    assert isinstance(kept, dict)
    return kept


def _rewrite_memo(repo: Path, kept: dict[str, list[object]], *, sign: str = "key",
                  header: bytes | None = None) -> None:
    """Put `kept` in place of the memo's line, the file's mtime kept (its stamp still good):
    signed with this user's key as tidy signs it (over `header`, the file's own by default);
    `sign` "wrong": a signature of the right form that is not one; "none": the answers'
    JSON alone (the line as b87a4ff wrote it)."""
    path = index_cache.cache_path(str(repo))
    assert path is not None
    st_ = os.stat(path)
    data = Path(path).read_bytes()
    end = data.index(b"\n", len(MAGIC))
    body = data[data.index(b"\n", end + 1):]
    answers = json.dumps(kept).encode()
    mac = _signature((header or data[len(MAGIC):end + 1]) + answers) if sign == "key" \
        else b"ab" * 32
    line = answers if sign == "none" else mac + b" " + answers
    Path(path).write_bytes(data[:end + 1] + line + body)
    os.utime(path, ns=(st_.st_atime_ns, st_.st_mtime_ns))


def _signature(signed: bytes) -> bytes:
    key = content_notes.signing_key(make=True)
    assert key is not None
    return content_notes.signature(key, signed)


def test_a_rescan_of_the_same_index_uses_every_kept_answer(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "dist/** linguist-generated\n")
    root = str(repo)
    first = _Scanned(root, ["static/vendor/lib"])
    assert first.learnt
    assert first.answers == _worked_out(root, first.listing, ["static/vendor/lib"])
    assert set(_memo_line(repo)) == _NAMES_KEPT
    second = _Scanned(root, ["static/vendor/lib"])
    assert not second.learnt  # all three kept: nothing worked out, nothing written
    assert second.answers == first.answers
    # In the listing's own order, as the rule gives it (the content pass reads in it).
    assert list(second.answers[0]) == list(first.answers[0])  # type: ignore[call-overload]


def test_kept_answers_are_used_not_worked_out_again(tmp_path: Path) -> None:
    """A kept answer (well-formed) is what comes back: nothing of the listing is gone over."""
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root)
    kept = _memo_line(repo)
    kept["vendored.search_files"][1] = [0]  # only the first path
    _rewrite_memo(repo, kept)
    again = _Scanned(root)
    assert not again.learnt
    assert again.answers[2] == [again.listing.paths[0]]


@pytest.mark.parametrize("sign", ["none", "wrong"])
def test_a_forged_answer_of_the_right_shape_is_not_used(tmp_path: Path, sign: str) -> None:
    """Trust round 14: the kept answers were checked for shape only, so one written by anyone
    but this user's tidy (a list of rising positions in range) was taken as the rule's answer
    (the "none" case fails on b87a4ff: its file, FORMAT 2, read as this one). Now it must
    carry this user's signature over this very header."""
    repo = _repo(tmp_path)
    root = str(repo)
    first = _Scanned(root)
    kept = _memo_line(repo)
    kept["vendored.search_files"][1] = [0]
    _rewrite_memo(repo, kept, sign=sign)
    again = _Scanned(root)
    assert again.answers == first.answers
    assert again.learnt, "the forged line was not replaced by the answers worked out"
    assert _memo_line(repo)["vendored.search_files"][1] != [0]


def test_answers_signed_for_another_header_are_not_used(tmp_path: Path) -> None:
    """A line this user's tidy signed for another repo or index (copied in whole) is no
    answer here: the signature covers the header (root, index stamp, counts, tidy)."""
    repo = _repo(tmp_path)
    root = str(repo)
    first = _Scanned(root)
    kept = _memo_line(repo)
    kept["vendored.search_files"][1] = [0]
    path = index_cache.cache_path(root)
    assert path is not None
    data = Path(path).read_bytes()
    header = data[len(MAGIC):data.index(b"\n", len(MAGIC)) + 1]
    _rewrite_memo(repo, kept, header=header.replace(root.encode(), b"/elsewhere"))
    again = _Scanned(root)
    assert again.answers == first.answers


def test_a_new_index_drops_every_kept_answer(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root)
    write(repo / "src" / "more.py", "x")
    git(repo, "add", "src/more.py")
    _after_a_tick()
    again = _Scanned(root)
    assert again.learnt  # worked out again and kept anew
    assert "src/more.py" in again.answers[0]  # type: ignore[operator]
    assert again.answers == _worked_out(root, again.listing, [])
    assert not _Scanned(root).learnt


@pytest.mark.parametrize("changes", [
    {"format": 1}, {"tidy": "0.0.0"}, {"root": "/elsewhere"}, {"index": [1, 2, 3, 4, 5, "0"]},
])
def test_answers_kept_for_another_file_key_are_not_used(
        tmp_path: Path, changes: dict[str, object]) -> None:
    """The memo lives under the listing's key: another format, tidy, root or index, and
    neither is used (the answers worked out again from git's listing)."""
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root)
    kept = _memo_line(repo)
    kept["vendored.search_files"][1] = [0]  # a lie, that would show if it were used
    _rewrite_memo(repo, kept)
    path = index_cache.cache_path(root)
    assert path is not None
    data = Path(path).read_bytes()
    end = data.index(b"\n", len(MAGIC))
    header = {**json.loads(data[len(MAGIC):end]), **changes}
    st_ = os.stat(path)
    Path(path).write_bytes(MAGIC + json.dumps(header).encode() + data[end:])
    os.utime(path, ns=(st_.st_atime_ns, st_.st_mtime_ns))
    again = _Scanned(root)
    assert again.learnt
    assert again.answers == _worked_out(root, again.listing, [])


def test_other_inputs_are_a_miss_per_answer(tmp_path: Path) -> None:
    """Each answer's own inputs: the libraries left out (search files), the .gitattributes'
    folders (heavy candidates), the version of the code deriving it (all three)."""
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root, ["static/vendor/lib"])
    again = _Scanned(root, ["dist"])
    assert again.learnt
    assert again.answers[2] == vendored._search_files(again.listing.paths, ["dist"])
    assert "dist/x.min.js" not in again.answers[2]  # type: ignore[operator]
    assert not _Scanned(root, ["dist"]).learnt

    write(repo / ".gitattributes", "src/** linguist-vendored\n")  # not staged: same index
    again = _Scanned(root, ["dist"])
    assert again.learnt
    assert again.answers == _worked_out(root, again.listing, ["dist"])
    assert any(c.path == "src" for c in again.answers[1])  # type: ignore[attr-defined]
    assert not _Scanned(root, ["dist"]).learnt

    for name in sorted(_NAMES_KEPT):
        kept = _memo_line(repo)
        inputs = kept[name][0]
        assert isinstance(inputs, str)
        kept[name][0] = _another_version(inputs)  # kept by another version of the rule
        kept[name][1] = {"data_in_code.requests": [[], ""],
                         "vendored.tracks_gitattributes": False}.get(name, [])
        _rewrite_memo(repo, kept)
        again = _Scanned(root, ["dist"])
        assert again.learnt
        assert again.answers == _worked_out(root, again.listing, ["dist"])


def _another_version(inputs: str) -> str:
    """`inputs` with its first digit (the rule's version of the answer) another one."""
    at = next(i for i, c in enumerate(inputs) if c.isdigit())
    return inputs[:at] + ("0" if inputs[at] != "0" else "9") + inputs[at + 1:]


@pytest.mark.parametrize("name, value", [
    ("data_in_code.requests", [[0, 0], "pp"]),  # a position twice
    ("data_in_code.requests", [{"runs": [0, 0]}, ""]),  # an empty run
    ("data_in_code.requests", [{"runs": [3, 5, 1, 2]}, "ppp"]),  # runs not in order
    ("data_in_code.requests", [{"runs": [1, 3, 3, 4]}, "ppp"]),  # runs that meet
    ("data_in_code.requests", [{"runs": [1, 10**9]}, "p"]),  # past the listing's end
    ("data_in_code.requests", [{"runs": [-1, 1]}, "pp"]),
    ("data_in_code.requests", [{"runs": [1]}, "p"]),  # a run without its end
    ("data_in_code.requests", [{"runs": [False, True]}, "p"]),
    ("data_in_code.requests", [{"runs": [1, 2], "more": []}, "p"]),
    ("data_in_code.requests", [{"runs": [1, 3]}, "p"]),  # a kind missing
    ("data_in_code.requests", [{"Runs": [1, 2]}, "p"]),
    ("vendored.search_files", {"runs": [0, 2.5]}),
    ("vendored.search_files", {"runs": "0 2"}),
    ("vendored.search_files", {"runs": [2, 2]}),
    ("vendored.search_files", {"runs": [0, 10**6]}),  # past the listing's end
    ("data_in_code.requests", [[5, 1], "pp"]),  # not in order
    ("data_in_code.requests", [[1], "x"]),  # no such kind
    ("data_in_code.requests", [[1, 2], "p"]),  # a kind missing
    ("data_in_code.requests", [[10**9], "p"]),  # past the listing's end
    ("data_in_code.requests", [[-1], "p"]),
    ("data_in_code.requests", [[True], "p"]),
    ("data_in_code.requests", "pj"),
    ("ignore_rules.heavy", [["../outside", "vendored"]]),
    ("ignore_rules.heavy", [["/abs", "vendored"]]),
    ("ignore_rules.heavy", [["a//b", "vendored"]]),
    ("ignore_rules.heavy", [["dist", 3]]),
    ("ignore_rules.heavy", [["dist"]]),
    ("ignore_rules.heavy", {"dist": "x"}),
    ("vendored.search_files", [2.5]),
    ("vendored.search_files", ["a.txt"]),
    ("vendored.search_files", [3, 3]),
    ("vendored.search_files", None),
    ("vendored.path_candidates", [["../up", True, "vendor folder"]]),
    ("vendored.path_candidates", [["vendor", 1, "vendor folder"]]),
    ("vendored.path_candidates", [["vendor", True]]),
    ("vendored.path_candidates", "vendor"),
    ("vendored.tracks_gitattributes", 1),
    ("vendored.tracks_gitattributes", None),
    ("vendored.path_facts", {"static/vendor/lib": [["x"], 0, 0, [], ""]}),  # another root
    ("vendored.path_facts", []),
])
def test_a_tampered_answer_is_worked_out_again(tmp_path: Path, name: str,
                                               value: object) -> None:
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root)
    kept = _memo_line(repo)
    kept[name][1] = value
    _rewrite_memo(repo, kept)
    again = _Scanned(root)
    assert again.learnt
    assert again.answers == _worked_out(root, again.listing, [])
    assert _memo_line(repo)[name][1] != value  # the good answer kept in its place


@pytest.mark.parametrize("line", [b"garbage", b"[1, 2]", b'{"a": 1}', b"{", b"[" * 100_000,
                                  b'{"vendored.search_files": ["1"]}'])
def test_a_damaged_memo_line_drops_the_answers_not_the_listing(tmp_path: Path,
                                                              line: bytes) -> None:
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root)
    path = index_cache.cache_path(root)
    assert path is not None
    st_ = os.stat(path)
    data = Path(path).read_bytes()
    end = data.index(b"\n", len(MAGIC))
    Path(path).write_bytes(data[:end + 1] + line + data[data.index(b"\n", end + 1):])
    os.utime(path, ns=(st_.st_atime_ns, st_.st_mtime_ns))
    again = _Scanned(root)
    assert again.listing == list_index(root)
    assert again.learnt
    assert again.answers == _worked_out(root, again.listing, [])


def test_a_file_cut_before_its_memo_line_ends_is_not_used(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root)
    path = index_cache.cache_path(root)
    assert path is not None
    data = Path(path).read_bytes()
    end = data.index(b"\n", len(MAGIC))
    Path(path).write_bytes(data[:end + 5])
    again = _Scanned(root)
    assert again.listing == list_index(root)
    assert again.answers == _worked_out(root, again.listing, [])


def test_no_cache_keeps_no_answers_and_uses_none(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    root = str(repo)
    _Scanned(root)
    kept = _memo_line(repo)
    kept["vendored.search_files"][1] = [0]
    _rewrite_memo(repo, kept)
    seen = run_task(lambda r, listing: {"answers": _answers(r, listing, []),
                                        "memo": listing.memo}, root, use_cache=False)
    assert seen["memo"] is None
    listing = list_index(root)
    assert seen["answers"] == _worked_out(root, listing, [])
    assert _memo_line(repo) == kept  # nothing written


_WRITER = """
import sys
from tidy.workspace.index_cache import keep, kept_listing
from tidy.rules import vendored
root, own = sys.argv[1], sys.argv[2]
for _ in range(25):
    listing = kept_listing(root)
    vendored._kept_search_files(listing, [own])
    keep(root, listing)
"""


def test_two_writers_leave_one_whole_file(tmp_path: Path) -> None:
    """Two scans keeping answers for other inputs at once: each replaces the file whole, so
    what stays is one of theirs, used for its inputs and worked out for the other's."""
    repo = _repo(tmp_path)
    root = str(repo)
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, root, own],
                                env=hermetic_env())
               for own in ("dist", "static/vendor/lib")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    path = index_cache.cache_path(root)
    assert path is not None
    assert not [n for n in os.listdir(os.path.dirname(path)) if n != index_cache.CACHE_NAME]
    for own in ("dist", "static/vendor/lib"):
        listing = kept_listing(root)
        assert listing == list_index(root)
        assert (vendored._kept_search_files(listing, [own])
                == vendored._search_files(listing.paths, [own]))


def _big_index(repo: Path) -> None:
    for i in range(3300):
        write(repo / "many" / f"file_{i:04d}_{'x' * 100}.py", str(i))
    write(repo / "static" / "vendor" / "lib" / "LICENSE", "MIT")
    commit(repo)
    _after_a_tick()
    assert (repo / ".git" / "index").stat().st_size >= EARLY_MIN_INDEX_BYTES


def test_a_scan_reports_the_same_with_and_without_kept_answers(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _big_index(repo)
    reports = []
    for args in (("--no-cache",), (), (), ("--no-cache",)):
        done = run_cli("scan", *args, "--format", "json", "-q", str(repo), cwd=tmp_path)
        assert done.code in (0, 1), done.err
        found = done.json()
        found.pop("duration_s", None)
        reports.append(found)
    assert set(_memo_line(repo)) >= {"data_in_code.requests", "ignore_rules.heavy"}
    assert all(report == reports[0] for report in reports)


_NAMES = st.sampled_from(["a.py", "b.js", "c.min.js", "d.js.map", "e.css", "package.json",
                          "LICENSE", "f.png", "g.ts", "h.txt", ".gitattributes"])
_FOLDERS = st.sampled_from(["", "src/", "dist/", "static/vendor/lib/", "vendor/x/",
                            "node_modules/y/", "web/", "web/assets/"])
_PATHS = st.builds(lambda folder, name: folder + name, _FOLDERS, _NAMES)
_EDITS = st.lists(st.tuples(st.booleans(), _PATHS), min_size=1, max_size=6)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_EDITS, min_size=1, max_size=3))
def test_random_edits_to_the_index_always_give_the_listings_own_answers(
        tmp_path_factory: pytest.TempPathFactory, rounds: list[list[tuple[bool, str]]]) -> None:
    """Entries added to and taken from the index (git update-index, no work tree needed),
    scanned twice after each round: every answer is the one the listing itself gives, kept
    or not, and the second scan of an unchanged index works nothing out."""
    repo = make_repo(tmp_path_factory.mktemp("edits"))
    root = str(repo)
    blob = subprocess.run(["git", "-C", root, "hash-object", "-w", "--stdin"], input=b"x",
                          capture_output=True, env=hermetic_env(), check=True
                          ).stdout.decode().strip()
    for edits in rounds:
        lines = [f"100644 {blob}\t{path}" if add else f"0 {'0' * 40}\t{path}"
                 for add, path in edits]
        subprocess.run(["git", "-C", root, "update-index", "--index-info"],
                       input="\n".join(lines).encode() + b"\n", env=hermetic_env(),
                       check=True)
        _after_a_tick()
        for own in ([], ["static/vendor/lib"]):
            for attempt in range(2):
                scanned = _Scanned(root, own)
                assert scanned.listing == list_index(root)
                assert scanned.answers == _worked_out(root, scanned.listing, own)
                if attempt == 1 and scanned.listing.memo is not None:
                    assert not scanned.learnt  # the same index and inputs: all kept


def _paths_at_one_by_one(paths: tuple[str, ...], kept: object) -> list[str] | None:
    """index_memo.paths_at as it was, a Python loop per position: what its whole-list
    checks are held to; runs ({"runs": [start, end, ...]}) spelt out position by position
    first (rising, each run not empty, none meeting the next)."""
    if isinstance(kept, dict) and set(kept) == {"runs"}:
        runs = kept["runs"]
        if not isinstance(runs, list) or len(runs) % 2:
            return None
        spelt: list[object] = []
        last = -1
        for start, end in zip(runs[::2], runs[1::2], strict=True):
            if type(start) is not int or type(end) is not int or not last < start < end:
                return None
            if end > len(paths):  # a position past the listing: spelt out, it would fail below
                return None
            spelt += range(start, end)
            last = end
        kept = spelt
    if not isinstance(kept, list):
        return None
    last = -1
    for i in kept:
        if type(i) is not int or not last < i < len(paths):
            return None
        last = i
    return [paths[i] for i in kept]


_POSITION = st.one_of(st.integers(min_value=-2, max_value=8), st.booleans(), st.floats(),
                      st.text(max_size=2), st.none(), st.integers(min_value=1 << 63))


@given(size=st.integers(min_value=0, max_value=7),
       kept=st.one_of(st.lists(_POSITION, max_size=8),
                      st.lists(st.integers(min_value=0, max_value=7), max_size=8, unique=True)
                      .map(sorted),
                      st.dictionaries(st.integers(), st.integers(), max_size=2), st.none(),
                      st.fixed_dictionaries({"runs": st.lists(_POSITION, max_size=8)}),
                      st.fixed_dictionaries({"runs": st.lists(
                          st.integers(min_value=0, max_value=8), max_size=8, unique=True)
                          .map(sorted)}),
                      st.fixed_dictionaries({"runs": st.lists(
                          st.integers(min_value=0, max_value=8), max_size=8).map(sorted)})))
def test_kept_positions_are_taken_as_a_loop_would_take_them(size: int, kept: object) -> None:
    """A kept answer's positions: rising ints, each in range, else no answer (a bool, a
    float, a repeat, a position past the listing, a negative one); in runs, each run not
    empty, none meeting or overlapping the next, its end at most the listing's length."""
    from tidy.workspace.index_memo import paths_at

    paths = tuple(f"p{i}" for i in range(size))
    listing = IndexListing(paths, (), ())
    assert paths_at(listing, kept) == _paths_at_one_by_one(paths, kept)


@given(size=st.integers(min_value=0, max_value=40), data=st.data())
def test_kept_positions_give_back_the_very_paths(size: int, data: st.DataObject) -> None:
    """Any subset of the listing's paths, in its order, kept (in runs or one by one,
    whichever is shorter) and read back, is that subset; runs when they are shorter."""
    from tidy.workspace.index_memo import kept_positions, paths_at

    paths = tuple(f"p{i}" for i in range(size))
    listing = IndexListing(paths, (), ())
    chosen = data.draw(st.lists(st.booleans(), min_size=size, max_size=size))
    subset = [p for p, keep in zip(paths, chosen, strict=True) if keep]
    kept = kept_positions(listing, subset)
    assert paths_at(listing, json.loads(json.dumps(kept))) == subset
    runs = sum(1 for i, keep in enumerate(chosen) if keep and (i == 0 or not chosen[i - 1]))
    assert isinstance(kept, dict) == (2 * runs < len(subset))


def test_a_rescan_keeps_long_runs_of_positions_as_runs(tmp_path: Path) -> None:
    """The searched files of a repo stand in runs of its sorted listing: kept as their
    runs, a handful of numbers, not one per file, and a rescan uses them."""
    repo = make_repo(tmp_path / "r")
    for i in range(30):
        write(repo / "src" / f"m{i:02}.py", f"x = {i}\n")
    commit(repo)
    _after_a_tick()
    root = str(repo)
    _Scanned(root)
    kept = _memo_line(repo)
    assert kept["vendored.search_files"][1] == {"runs": [0, 30]}
    assert kept["data_in_code.requests"][1] == [{"runs": [0, 30]}, "p" * 30]
    again = _Scanned(root)
    assert not again.learnt
    assert again.answers == _worked_out(root, again.listing, [])


_LIB = "static/vendor/lib"


@pytest.mark.parametrize("value", [
    [["../x"], 1, 1, [], ""],  # a top name that is no plain name
    [["a/b"], 1, 1, [], ""],
    [["package.json"], -1, 1, [], ""],  # a negative count
    [["package.json"], 1, True, [], ""],
    [["package.json"], 1, 1, ["elsewhere/lib.js"], ""],  # a script outside its root
    [["package.json"], 1, 1, [_LIB + "/../../../etc/x.js"], ""],
    [["package.json"], 1, 1, [_LIB + "/lib.min.js"] * 13, ""],  # more than the banner reads
    [["package.json"], 1, 1, [], "a/b"],  # a package name with a folder
    [["package.json"], 1, 1, []],  # a field missing
    "lib",
])
def test_a_tampered_path_facts_answer_is_worked_out_again(tmp_path: Path,
                                                          value: object) -> None:
    repo = _repo(tmp_path)
    root = str(repo)
    first = _Scanned(root, [_LIB])
    kept = _memo_line(repo)
    kept["vendored.path_facts"][1] = {_LIB: value}
    _rewrite_memo(repo, kept)
    again = _Scanned(root, [_LIB])
    assert again.learnt
    assert again.answers == first.answers == _worked_out(root, again.listing, [_LIB])


def test_kept_path_facts_are_used_not_worked_out_again(tmp_path: Path) -> None:
    """What the library's paths say (its top files, minified files, maps, the banner's
    scripts) is the kept answer on a rescan of the same index: its 15,000 paths are not
    gone over again."""
    repo = _repo(tmp_path)
    root = str(repo)
    first = _Scanned(root, [_LIB])
    facts = first.answers[-1][_LIB]  # type: ignore[index]
    assert facts.top == ("lib.js.map", "lib.min.js", "package.json")
    assert (facts.minified, facts.maps) == (1, 1)
    assert facts.scripts == (_LIB + "/lib.min.js",)
    kept = _memo_line(repo)
    kept["vendored.path_facts"][1] = {_LIB: [["package.json"], 7, 0, [], ""]}
    _rewrite_memo(repo, kept)
    again = _Scanned(root, [_LIB])
    assert not again.learnt
    assert again.answers[-1][_LIB].minified == 7  # type: ignore[index]
