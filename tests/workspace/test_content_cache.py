"""The content pass and its cache (issue 16) on real files: one read per file per scan, a
rescan that reads nothing, and a cache that is never trusted into a wrong answer.

Every test counts reads through PassStats (what the pass opened and read), and compares what
the facts say with what the files hold.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cache_body import entries, read_cache, set_row, write_cache
from tests.conftest import make_repo, write
from tidy.analysis.data_in_code import DataVerdict
from tidy.core.config import Config
from tidy.core.state import state_dir
from tidy.rules.content import content_spec
from tidy.workspace import content_cache, content_notes
from tidy.workspace.content import HASH, RACY_MARGIN_NS, REFS, ContentFacts, Spec, read_all

PATTERNS = ("widgetlib", "static/vendor/widget/")
_ROWS = ",\n".join(f'    {{"id": {i}, "name": "n{i}"}}' for i in range(4000))
DATA = f"ROWS = [\n{_ROWS}\n]\n"


def _spec() -> Spec:
    return content_spec(Config(data_min_size=10_000)).with_patterns(PATTERNS)


def _old(path: Path) -> None:
    """Make `path` clearly older than the next scan: not racy (ctime is now, so wait)."""
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "r")
    write(repo / "app.py", "import widgetlib\nprint('x')\n")
    write(repo / "page.html", '<script src="/static/vendor/widget/w.js"></script>\n')
    write(repo / "notes.txt", "nothing here\n")
    write(repo / "mock_api.py", DATA)
    _old(repo)
    return repo


REQUESTS = {"app.py": (REFS,), "page.html": (REFS,), "notes.txt": (REFS,), "mock_api.py": ("py",)}


def _set_facts(body: dict[str, Any], rel: str, facts: dict[str, object]) -> None:
    """Give `rel` other facts in a cache file's body (a row of its own: others keep theirs)."""
    body["facts"].append(facts)
    set_row(body, rel, 5, len(body["facts"]) - 1)


def _pass(repo: Path, **kwargs: object) -> ContentFacts:
    facts = ContentFacts(str(repo), _spec(), **kwargs)  # type: ignore[arg-type]
    facts.ensure(REQUESTS)
    facts.save()
    return facts


def _answers(facts: ContentFacts) -> dict[str, object]:
    """What each file's facts say, decoded as the rules decode them."""
    def verdict(rel: str) -> DataVerdict | None:
        raw = (facts.facts(rel) or {}).get("py")
        return DataVerdict.from_json(raw) if isinstance(raw, dict) else None

    return {rel: (facts.hits(rel), verdict(rel)) for rel in REQUESTS}


def test_a_rescan_with_nothing_changed_reads_no_file(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    cold = _pass(repo)
    assert cold.stats.files_read == 4
    assert os.path.isfile(content_cache.cache_path(str(repo)))
    assert content_cache.cache_path(str(repo)).startswith(str(repo / ".git" / "tidy"))
    warm = _pass(repo)
    assert (warm.stats.files_read, warm.stats.hits) == (0, 4)
    assert _answers(warm) == _answers(cold)
    assert warm.hits("app.py") == [(0, 1, "import widgetlib")]
    assert (warm.facts("mock_api.py") or {})["py"]["is_data"] is True  # type: ignore[index]


def test_one_changed_file_costs_one_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _pass(repo)
    write(repo / "notes.txt", "now it names widgetlib\n")
    _old(repo)
    warm = _pass(repo)
    assert warm.stats.files_read == 1
    assert warm.hits("notes.txt") == [(0, 1, "now it names widgetlib")]


@pytest.mark.parametrize("field", ["device", "inode", "size", "mtime_ns", "ctime_ns"])
def test_a_different_value_of_any_key_field_is_a_miss(tmp_path: Path, field: str) -> None:
    """The cache says the file had other contents under a stat that differs in one field:
    that entry must not be used (the file is read, and its true hits are reported)."""
    repo = _repo(tmp_path)
    _pass(repo)
    path = content_cache.cache_path(str(repo))
    body = read_cache(path)
    entry = entries(body)["app.py"]
    index = ["device", "inode", "size", "mtime_ns", "ctime_ns"].index(field)
    set_row(body, "app.py", index, entry[index] + 1)
    _set_facts(body, "app.py", {**body["facts"][entry[5]],
                                REFS: [[_spec().patterns_key, []]]})  # a lie: no reference
    write_cache(path, body)
    _old(repo)
    warm = _pass(repo)
    assert warm.stats.files_read == 1
    assert warm.hits("app.py") == [(0, 1, "import widgetlib")]


def test_the_same_key_is_a_hit(tmp_path: Path) -> None:
    """The converse of the test above: the unchanged key is trusted (the lie is believed),
    which is why a fix never acts on a cached fact alone (tests/safety/test_content_cache)."""
    repo = _repo(tmp_path)
    _pass(repo)
    path = content_cache.cache_path(str(repo))
    body = read_cache(path)
    _set_facts(body, "app.py", {**body["facts"][entries(body)["app.py"][5]],
                                REFS: [[_spec().patterns_key, []]]})
    write_cache(path, body)
    _old(repo)
    warm = _pass(repo)
    assert warm.stats.files_read == 0
    assert warm.hits("app.py") == []


def test_entries_not_older_than_the_cache_file_are_read_again(tmp_path: Path) -> None:
    """Racy git: a file whose mtime or ctime is not older than the cache file's own may have
    changed in the tick the cache was written, unseen by its stat: it is read again. Files
    clearly older are trusted."""
    repo = _repo(tmp_path)
    _pass(repo)
    cache = content_cache.cache_path(str(repo))
    stamps = {rel: os.stat(repo / rel) for rel in REQUESTS}
    tick = stamps["notes.txt"].st_ctime_ns
    os.utime(cache, ns=(tick, tick))  # as if the cache was written in notes.txt's tick
    racy = {rel for rel, st in stamps.items() if max(st.st_mtime_ns, st.st_ctime_ns) >= tick}
    assert "notes.txt" in racy and "app.py" not in racy
    warm = ContentFacts(str(repo), _spec())
    warm.ensure(REQUESTS)
    assert warm.stats.files_read == len(racy)
    assert warm.hits("app.py") == [(0, 1, "import widgetlib")]


def test_a_file_stamped_during_the_scan_is_not_cached(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write(repo / "app.py", "import widgetlib  # just written\n")
    first = _pass(repo)  # the scan started before that write's tick was over
    assert first.stats.files_read == 4
    second = ContentFacts(str(repo), _spec())
    second.ensure(REQUESTS)
    assert second.stats.files_read == 1  # app.py, read again: it was too recent to keep
    assert second.hits("app.py") == [(0, 1, "import widgetlib  # just written")]


@pytest.mark.parametrize("garbage", [
    b"", b"{", b"\xff\xfe not json", b"[]", b'{"format": 1}', b"null",
    b'{"format": 999, "entries": {}}',
])
def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path, garbage: bytes) -> None:
    repo = _repo(tmp_path)
    truth = _answers(_pass(repo, use_cache=False))
    path = Path(content_cache.cache_path(str(repo)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(garbage)
    _old(repo)
    first = _pass(repo)
    assert first.stats.files_read == 4
    assert _answers(first) == truth
    assert read_cache(path)["format"] == content_cache.FORMAT  # rebuilt
    assert _pass(repo).stats.files_read == 0


def _tampered(data: bytes, tamper: str) -> bytes:
    """A cache file's bytes changed as `tamper` says (its JSON, a newline, then the paths
    each ended by a NUL and their packed records: FORMAT 7's tail)."""
    end = data.index(b"\n")
    head, tail = json.loads(data[:end]), data[end + 1:]
    names = head["paths_bytes"]
    if tamper == "count one more":
        head["count"] += 1
    elif tamper == "count one less":
        head["count"] -= 1
    elif tamper == "count a string":
        head["count"] = str(head["count"])
    elif tamper == "count past the bound":
        head["count"] = content_cache.MAX_ENTRIES + 1
    elif tamper == "paths_bytes one more":
        head["paths_bytes"] += 1
    elif tamper == "paths_bytes negative":  # the lengths add up; a slice would count back
        head["paths_bytes"] = -content_cache.PACKED.size
        tail = tail[names:-content_cache.PACKED.size]
    elif tamper == "no paths_bytes":
        del head["paths_bytes"]
    elif tamper == "stats short":
        tail = tail[:-1]
    elif tamper == "stats long":
        tail += b"\0" * content_cache.PACKED.size
    elif tamper == "no tail":
        tail = b""
    elif tamper == "no newline":
        return data[:end] + data[end + 1:]
    elif tamper == "a NUL inside a path":  # the same length: one path more than counted
        tail = tail.replace(b"app.py\0", b"ap\0.py\0", 1)
    elif tamper == "the last NUL missing":
        tail = tail[:names - 1] + b"x" + tail[names:]
    return json.dumps(head).encode() + b"\n" + tail


@pytest.mark.parametrize("tamper", [
    "count one more", "count one less", "count a string", "count past the bound",
    "paths_bytes one more", "paths_bytes negative", "no paths_bytes", "stats short",
    "stats long", "no tail", "no newline", "a NUL inside a path", "the last NUL missing",
    "a path twice"])
def test_a_tampered_tail_discards_the_whole_cache(tmp_path: Path, tamper: str) -> None:
    """Paths and their packed stats as save() writes them (FORMAT 7: the counts in the JSON,
    the paths each ended by a NUL, one record per path, each path once), or nothing of the
    cache trusted."""
    repo = _repo(tmp_path)
    _pass(repo)
    path = Path(content_cache.cache_path(str(repo)))
    assert content_cache.load(str(path), str(repo), _spec().shape).entries != {}
    if tamper == "a path twice":  # written as save() would, every length right
        body = read_cache(path)
        body["paths"][body["paths"].index("notes.txt")] = "app.py"
        write_cache(path, body)
    else:
        path.write_bytes(_tampered(path.read_bytes(), tamper))
    assert content_cache.load(str(path), str(repo), _spec().shape).entries == {}


def test_a_truncated_or_flipped_cache_never_raises(tmp_path: Path) -> None:
    """Any prefix of a cache file is nothing trusted (each length is checked); any one byte
    changed gives a Loaded, never an exception (a corrupt cache is rebuilt, never a reason
    to fail)."""
    repo = _repo(tmp_path)
    _pass(repo)
    path = Path(content_cache.cache_path(str(repo)))
    whole = path.read_bytes()
    shape = _spec().shape

    @settings(max_examples=150, deadline=None)
    @given(cut=st.integers(0, len(whole) - 1), at=st.integers(0, len(whole) - 1),
           byte=st.integers(0, 255))
    def check(cut: int, at: int, byte: int) -> None:
        path.write_bytes(whole[:cut])
        assert content_cache.load(str(path), str(repo), shape).entries == {}
        path.write_bytes(whole[:at] + bytes([byte]) + whole[at + 1:])
        assert isinstance(content_cache.load(str(path), str(repo), shape),
                          content_cache.Loaded)

    check()


_NAMES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0/"),
                 min_size=1, max_size=12) | st.binary(min_size=1, max_size=12).filter(
    lambda b: b"\0" not in b and b"/" not in b).map(os.fsdecode)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(_NAMES, min_size=0, max_size=8, unique=True))
def test_any_file_name_round_trips_through_the_tail(names: list[str]) -> None:
    """Paths as the file system gives them (a newline, any Unicode, bytes that are not UTF-8,
    as os.fsdecode makes them) come back as written, each with its key and facts."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "cache.json")
        rels = [f"d/{name}" for name in names] + names
        kept = {rel: content_cache.Entry((1, i, 10, -5 + i, 7), {"t": i % 2 == 0})
                for i, rel in enumerate(rels)}
        assert content_cache.save(path, "/r", "s", kept)
        loaded = content_cache.load(path, "/r", "s").entries
        assert loaded == kept


def test_a_name_no_file_system_gives_is_left_out_and_the_rest_kept(tmp_path: Path) -> None:
    """A path with a NUL, or a surrogate that is no undecodable byte's, cannot be written in
    the tail: that entry is left out (read again next time), the others kept."""
    path = str(tmp_path / "cache.json")
    kept = {"a.txt": content_cache.Entry((1, 1, 1, 1, 1), {"t": True}),
            "b\0c": content_cache.Entry((1, 2, 1, 1, 1), {"t": True}),
            "\ud800.txt": content_cache.Entry((1, 3, 1, 1, 1), {"t": False}),
            "z.txt": content_cache.Entry((1, 4, 1, 1, 1), {"t": False})}
    assert content_cache.save(path, "/r", "s", kept)
    assert content_cache.load(path, "/r", "s").entries == {
        rel: kept[rel] for rel in ("a.txt", "z.txt")}


@pytest.mark.parametrize("fmt", [5, 6])
def test_a_previous_format_is_not_read(tmp_path: Path, fmt: int) -> None:
    """A cache of FORMAT 5 (an entry a JSON list per path) or FORMAT 6 (the paths a JSON
    list, their packed stats a string of hexadecimal digits) left by the tidy before: not
    read, the next scan reads the files and writes FORMAT 7."""
    repo = _repo(tmp_path)
    _pass(repo)
    path = Path(content_cache.cache_path(str(repo)))
    body = read_cache(path)
    rest = {k: v for k, v in body.items() if k not in ("format", "paths", "stats")}
    old = ({"format": 5, **rest, "entries": entries(body)} if fmt == 5
           else {"format": 6, **rest, "paths": body["paths"], "stats": body["stats"]})
    path.write_text(json.dumps(old, separators=(",", ":")))
    assert content_cache.load(str(path), str(repo), _spec().shape).entries == {}
    _old(repo)
    again = _pass(repo)
    assert again.stats.files_read == len(REQUESTS)
    assert read_cache(path)["format"] == content_cache.FORMAT == 7
    _old(repo)
    assert _pass(repo).stats.files_read == 0


def test_a_file_dated_before_1970_keeps_the_cache_whole(tmp_path: Path) -> None:
    """A negative mtime (a file dated before 1970: an unpacked archive's, `touch -d 1960`)
    is a stat like any other: kept, and the rescan reads nothing. FORMAT 5 refused any
    negative number, so one such file made the whole cache untrusted: every rescan read
    every file again."""
    repo = _repo(tmp_path)
    os.utime(repo / "notes.txt", ns=(-315_619_200_000_000_000, -315_619_200_000_000_000))
    _old(repo)
    cold = _pass(repo)
    assert cold.stats.files_read == len(REQUESTS)
    _old(repo)
    warm = _pass(repo)
    assert warm.stats.files_read == 0
    assert _answers(warm) == _answers(cold)


def test_a_foreign_cache_is_not_used(tmp_path: Path) -> None:
    """Copied from another repo (its root differs), or written by another version or with
    other judges (its shape differs): nothing of it is trusted."""
    repo = _repo(tmp_path)
    _pass(repo)
    path = content_cache.cache_path(str(repo))
    assert content_cache.load(path, str(tmp_path / "elsewhere"), _spec().shape).entries == {}
    assert content_cache.load(path, str(repo), "another shape").entries == {}
    body = read_cache(path)
    body["tidy"] = "0.0.0-other"
    write_cache(path, body)
    assert content_cache.load(path, str(repo), _spec().shape).entries == {}


@pytest.mark.parametrize("tamper", ["row past the table", "row far past the table",
                                    "row not facts", "no table"])
def test_a_wrong_facts_row_discards_the_whole_cache(tmp_path: Path, tamper: str) -> None:
    """The entries point into the facts table: a row that is not there, or a row that is not
    a set of facts, is not what tidy writes, and nothing of that cache is trusted."""
    repo = _repo(tmp_path)
    _pass(repo)
    path = Path(content_cache.cache_path(str(repo)))
    body = read_cache(path)
    entry = entries(body)["notes.txt"]
    if tamper == "row past the table":
        set_row(body, "notes.txt", 5, len(body["facts"]))
    elif tamper == "row far past the table":  # a negative row, as 64 bits read it
        set_row(body, "notes.txt", 5, (1 << 64) - 1)
    elif tamper == "row not facts":
        body["facts"][entry[5]] = ["t", True]
    else:
        del body["facts"]
    write_cache(path, body)
    assert content_cache.load(str(path), str(repo), _spec().shape).entries == {}


def test_files_with_the_same_facts_share_one_row(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    for n in range(5):
        write(repo / f"plain{n}.txt", f"nothing here {n}\n")
    _old(repo)
    facts = ContentFacts(str(repo), _spec())
    facts.ensure({**REQUESTS, **{f"plain{n}.txt": (REFS,) for n in range(5)}})
    facts.save()
    body = read_cache(content_cache.cache_path(str(repo)))
    kept = entries(body)
    rows = {rel: kept[rel][5] for rel in (f"plain{n}.txt" for n in range(5))}
    assert len(set(rows.values())) == 1
    assert len(body["facts"]) < len(kept)
    again = ContentFacts(str(repo), _spec())
    again.ensure({f"plain{n}.txt": (REFS,) for n in range(5)})
    assert again.stats.files_read == 0
    assert all(again.hits(f"plain{n}.txt") == [] for n in range(5))


def test_the_cache_is_never_written_or_read_through_a_link(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, repo / ".git" / "tidy")
    facts = ContentFacts(str(repo), _spec())
    facts.ensure(REQUESTS)
    assert facts.save() is False
    assert list(elsewhere.iterdir()) == []


def test_cache_off_neither_reads_nor_writes(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _pass(repo)
    path = Path(content_cache.cache_path(str(repo)))
    stamp = path.stat().st_mtime_ns
    _old(repo)
    off = _pass(repo, use_cache=False)
    assert off.stats.files_read == 4
    assert path.stat().st_mtime_ns == stamp


def test_a_plain_folder_keeps_its_cache_in_the_state_folder(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    write(folder / "a.bin", size=200_000)
    _old(folder)
    first = ContentFacts(str(folder), _spec())
    first.ensure({"a.bin": (HASH,)})
    assert first.save()
    path = content_cache.cache_path(str(folder))
    assert path.startswith(state_dir() + os.sep)
    again = ContentFacts(str(folder), _spec())
    again.ensure({"a.bin": (HASH,)})
    assert again.stats.files_read == 0
    assert content_cache.clear_state_caches() == 1
    assert not os.path.exists(path)


def test_the_search_hits_of_two_pattern_sets_are_both_kept(tmp_path: Path) -> None:
    """The scan and the commit hook search for different libraries in the same files."""
    repo = _repo(tmp_path)
    _pass(repo)
    hook = ContentFacts(str(repo), _spec().with_patterns(["print"]))
    hook.ensure({"app.py": (REFS,)})
    hook.save()
    assert hook.hits("app.py") == [(0, 2, "print('x')")]
    _old(repo)
    again = _pass(repo)
    assert again.stats.files_read == 0


def test_a_file_is_read_once_for_every_fact(tmp_path: Path) -> None:
    """Modules read for the search get their data verdict from the same read, and so do the
    hashes of files whose size another file of the pass has (duplicate candidates)."""
    repo = _repo(tmp_path)
    write(repo / "copy_of_mock_api.py", DATA)
    facts = ContentFacts(str(repo), _spec())
    facts.ensure({"mock_api.py": (REFS,), "copy_of_mock_api.py": (REFS,), "app.py": (REFS,)})
    facts.ensure({"mock_api.py": ("py", HASH), "copy_of_mock_api.py": ("py", HASH)})
    assert facts.stats.files_read == 3
    assert {"py", HASH, REFS} <= set(facts.facts("mock_api.py") or {})
    assert HASH not in (facts.facts("app.py") or {})  # no twin: not hashed
    key = facts.key("mock_api.py")
    assert key is not None
    assert facts.cached("mock_api.py", key) == facts.cached(
        "copy_of_mock_api.py", facts.key("copy_of_mock_api.py") or key)


def test_a_deleted_files_entry_is_dropped_and_others_are_kept(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _pass(repo)
    (repo / "notes.txt").unlink()
    write(repo / "new.txt", "new\n")
    _old(repo)
    only = ContentFacts(str(repo), _spec())
    only.ensure({"app.py": (REFS,), "new.txt": (REFS,)})  # some rules only; new.txt is new
    assert only.save()
    kept = content_cache.load(content_cache.cache_path(str(repo)), str(repo), _spec().shape)
    assert set(kept.entries) == {"app.py", "page.html", "mock_api.py", "new.txt"}


# ------------------------------------------------------------------------ the size bound
def test_a_cache_over_the_byte_bound_is_neither_written_nor_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path)
    _pass(repo)
    path = Path(content_cache.cache_path(str(repo)))
    size = path.stat().st_size
    assert size > 1000
    monkeypatch.setattr(content_cache, "MAX_CACHE_BYTES", size - 1)
    # Read: too big, so nothing of it is used and every file is read again.
    assert _pass(repo).stats.files_read == len(REQUESTS)
    # Written: the new one would be too big too, so the file is not replaced.
    body = path.read_bytes()
    write(repo / "notes.txt", "changed " * 10)
    _old(repo)
    assert not _pass(repo).save() and path.read_bytes() == body


def test_a_cache_over_the_entry_bound_is_not_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path)
    monkeypatch.setattr(content_cache, "MAX_ENTRIES", 2)
    facts = ContentFacts(str(repo), _spec())
    facts.ensure(REQUESTS)  # four files, two allowed
    assert not facts.save()
    assert not os.path.exists(content_cache.cache_path(str(repo)))
    # A file over the bound is not trusted either: not one entry of it is used.
    monkeypatch.setattr(content_cache, "MAX_ENTRIES", 500_000)
    _pass(repo)
    monkeypatch.setattr(content_cache, "MAX_ENTRIES", 2)
    assert _pass(repo).stats.files_read == len(REQUESTS)


def test_notes_past_their_bound_keep_only_this_scans(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path)
    monkeypatch.setattr(content_notes, "MAX_NOTES", 3)
    first = ContentFacts(str(repo), _spec())
    for i in range(3):
        first.set_note(f"old{i}", "x")
    assert first.save()
    second = ContentFacts(str(repo), _spec())
    second.set_note("new", "y")
    assert second.save()
    path = content_notes.notes_path(str(repo))
    assert path is not None
    assert content_notes.load(path, str(repo), _spec().shape) == {"new": "y"}


def test_the_plain_folders_caches_stay_within_their_count_and_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every plain folder scanned leaves a cache in the state folder: past MAX_STATE_CACHES
    (or MAX_STATE_BYTES) the least recently written go; nothing else in the folder does."""
    from tidy.workspace import cache_registry

    monkeypatch.setattr(cache_registry, "MAX_STATE_CACHES", 3)
    paths = []
    for i in range(5):
        folder = tmp_path / f"plain{i}"
        write(folder / "a.bin", size=200_000 + i)
        _old(folder)
        facts = ContentFacts(str(folder), _spec())
        facts.ensure({"a.bin": (HASH,)})
        assert facts.save()
        paths.append(Path(content_cache.cache_path(str(folder))))
        time.sleep(0.01)  # mtimes apart: "least recently written" is well defined
    state_caches = Path(state_dir()) / content_cache.STATE_FOLDER
    write(state_caches / "mine.json", b"{}")  # not a cache name: never touched
    assert [p.exists() for p in paths] == [False, False, True, True, True]
    assert (state_caches / "mine.json").exists()
    monkeypatch.setattr(cache_registry, "MAX_STATE_BYTES", paths[4].stat().st_size + 1)
    assert cache_registry.bound_state_caches(paths[4].name) == 2
    assert [p.exists() for p in paths] == [False, False, False, False, True]


def test_a_line_with_many_hits_is_kept_once_and_every_hit_comes_back(tmp_path: Path) -> None:
    """A minified line naming the libraries many times: the cache holds its text once, and a
    rescan gives back every hit, in order, as the read did."""
    repo = make_repo(tmp_path / "r")
    line = "!function(){widgetlib.a();widgetlib.b();load('static/vendor/widget/')}()"
    write(repo / "bundle.js", f"// top\n{line}\n{line}\n")
    _old(repo)
    cold = ContentFacts(str(repo), _spec())
    cold.ensure({"bundle.js": (REFS,)})
    cold.save()
    expected = [(0, 2, line), (0, 2, line), (1, 2, line), (0, 3, line), (0, 3, line),
                (1, 3, line)]
    assert sorted(cold.hits("bundle.js") or []) == sorted(expected)
    kept = Path(content_cache.cache_path(str(repo))).read_bytes()
    assert kept.count(line.encode()) == 2  # once per line, not once per hit
    warm = ContentFacts(str(repo), _spec())
    warm.ensure({"bundle.js": (REFS,)})
    assert warm.stats.files_read == 0 and warm.hits("bundle.js") == cold.hits("bundle.js")


@pytest.mark.parametrize("raw", [
    [[0, 5]],  # no earlier hit gave line 5's text
    [[0, "5", "x"]], [["0", 5, "x"]], [[0, 5, 7]], [[0, 5, "x", 1]], [[]], [0], [None],
])
def test_a_tampered_hit_is_left_out_and_the_others_kept(tmp_path: Path, raw: list[Any]) -> None:
    repo = _repo(tmp_path)
    _pass(repo)
    path = content_cache.cache_path(str(repo))
    body = read_cache(path)
    key = _spec().patterns_key
    _set_facts(body, "app.py", {"t": True, REFS: [[key, [*raw, [0, 1, "import widgetlib"]]]]})
    write_cache(path, body)
    _old(repo)
    warm = ContentFacts(str(repo), _spec())
    warm.ensure({"app.py": (REFS,)})
    assert warm.stats.files_read == 0
    assert warm.hits("app.py") == [(0, 1, "import widgetlib")]


# ------------------------------------------------------------- one read per file of the pass
def test_a_read_that_ends_at_the_stat_size_is_the_last_one() -> None:
    """read_all stops after a short read that reached the size fstat gave (the pass's probe
    past it would only find the end): a pipe whose writer stays open shows it, as the next
    read would block. A short read before that size reads on, to the end or the limit."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"abcd")
        assert read_all(read_end, 5, expected=4) == b"abcd"  # no second read: no block
        os.write(write_end, b"ef")
        writer = threading.Timer(0.05, lambda: (os.write(write_end, b"gh"), os.close(write_end)))
        writer.start()
        assert read_all(read_end, 10, expected=4) == b"efgh"  # short of 4: read on to the end
        writer.join()
    finally:
        os.close(read_end)


def test_the_pass_reads_each_file_whole(tmp_path: Path) -> None:
    """Files of every size around the read chunk give the same facts as one read of them."""
    root = tmp_path / "t"
    sizes = {"empty.txt": 0, "one.txt": 1, "page.txt": 4096, "big.txt": (1 << 22) + 3}
    for name, size in sizes.items():
        write(root / name, "x" * size)
    spec = Spec(("x",))
    facts = ContentFacts(str(root), spec, use_cache=False)
    facts.ensure({name: (REFS, HASH) for name in sizes})
    for name, size in sizes.items():
        found = facts.facts(name)
        assert found is not None
        assert found[HASH] == hashlib.sha256(b"x" * size).hexdigest(), name
        assert found["t"] is (size > 0), name


def test_a_rescan_answers_every_kind_of_ask_as_the_first_scan(tmp_path: Path) -> None:
    """The warm pass's short way (a small file asked the search, alone or with judges' facts
    it is too small for) and its general one give what a scan without the cache gives."""
    repo = _repo(tmp_path)
    write(repo / "small.py", "import widgetlib\n")
    write(repo / "small.js", "require('widgetlib')\n")
    _old(repo)
    asks = {"small.py": ("py", REFS), "small.js": ("js", REFS), "app.py": (REFS, "py"),
            "mock_api.py": ("py", REFS), "notes.txt": (REFS,), "page.html": ("py",)}

    def scan(**kwargs: object) -> ContentFacts:
        facts = ContentFacts(str(repo), _spec(), **kwargs)  # type: ignore[arg-type]
        facts.ensure(asks)
        facts.save()
        return facts

    def answers(facts: ContentFacts) -> dict[str, object]:
        # As the cache keeps facts: JSON (a judge's fresh answer holds tuples, a kept one lists)
        return {rel: (facts.hits(rel), facts.key(rel), json.loads(json.dumps(facts.facts(rel))))
                for rel in asks}

    cold = scan()
    warm = scan()
    assert (warm.stats.files_read, warm.stats.hits) == (0, 5)  # page.html: nothing to know
    assert answers(warm) == answers(cold) == answers(scan(use_cache=False))
    assert warm.facts("page.html") is None and "py" in (warm.facts("mock_api.py") or {})


_PEAK_RSS = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


@pytest.mark.slow
def test_a_foreign_cache_near_the_bound_is_not_parsed(tmp_path: Path) -> None:
    """A downloaded repo's `.git/tidy/content-cache.json`, made for another root: its header
    is matched from the first bytes and the rest is never read. The old code parsed all of it
    first (139 MB: 11 s and 1 GB for a scan of a two-file repo), then threw it away."""
    import subprocess
    import sys

    repo = _repo(tmp_path)
    spec_shape = content_spec(Config()).shape
    paths = ",".join(f'"src/f{i:07d}/handlers.py"' for i in range(500_000))
    stats = "".join(content_cache.PACKED.pack(1, i, 100, 1, 1, 0).hex() for i in range(500_000))
    folder = repo / ".git" / "tidy"
    folder.mkdir()
    (folder / content_cache.CACHE_NAME).write_text(
        f'{{"format":{content_cache.FORMAT},"tidy":"{__import__("tidy").__version__}",'
        f'"shape":"{spec_shape}","root":"/home/someone/proj","notes":{{}},'
        f'"facts":[{{"t":true}}],"paths":[{paths}],"stats":"{stats}"}}')
    assert (folder / content_cache.CACHE_NAME).stat().st_size > 20_000_000
    _old(repo)
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, sys.executable, "-m", "tidy", "scan", "-q",
         "--no-record", "--select", "TDY301", str(repo)], capture_output=True, text=True,
        check=True)
    peak_kb = int(done.stdout.split()[-1])
    assert peak_kb < 150_000, f"peak {peak_kb} kB: the foreign cache was parsed"
    loaded = content_cache.load(str(folder / content_cache.CACHE_NAME), str(repo), spec_shape)
    assert loaded.entries == {} or len(loaded.entries) < 10  # rewritten for this root


@pytest.mark.parametrize("change", ["none", "mtime_ns", "size"])
def test_an_unchanged_file_asked_more_than_the_search_keeps_its_facts(
        tmp_path: Path, change: str) -> None:
    """A warm check's UNCHANGED file (run_pass) that is asked for more than the search (its
    first bytes, as library discovery asks) is looked at like any other: its cached head is
    a hit while the file is as its entry says, a read once it is not."""
    repo = _repo(tmp_path)
    _pass(repo)
    first = ContentFacts(str(repo), _spec())
    assert first.head("notes.txt", 64) == b"nothing here\n"
    first.save()
    _old(repo)
    if change == "mtime_ns":
        os.utime(repo / "notes.txt", ns=(1_000_000_000, 1_000_000_000))
    elif change == "size":
        write(repo / "notes.txt", "nothing here, widgetlib\n")
    _old(repo)
    warm = ContentFacts(str(repo), _spec())
    head = warm.head("notes.txt", 64)
    assert warm.stats.files_read == (0 if change == "none" else 1)
    assert head == (repo / "notes.txt").read_bytes()
