"""TDY401's "last referenced": one walk for every library, checked against `git log -S` itself.

Histories are written with one `git fast-import` (any parents, trees, dates: merges, several
roots, equal and out-of-order dates, renames across a library's folder edge, binary and
symlink blobs); the expected answer is `git log -1 --format='%h %as %s' -S<path> -- .
':(exclude)<path>'`, the command tidy ran before, run directly on the same repo.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cache_body import read_cache, write_cache
from tests.conftest import commit, git, hermetic_env, make_repo, write
from tidy.workspace import content_cache, pickaxe
from tidy.workspace.content import BLOB, REFS, ContentFacts, Spec
from tidy.workspace.githistory import LastReferences, history_walk_pays

LIBRARIES = ("lib/a", "lib/b", "x/x")  # x/x overlaps itself: "x/x/x" holds it once, not twice
PATHS = ("f1.txt", "f2.txt", "docs/f3.md", "lib/a/x.js", "lib/a/f1.txt", "lib/b/y.js",
         "lib/ab.txt", "lib/a.txt", "x/x/v.js", "link")
_LINES = b"".join(b"line %d of a longer file\n" % n for n in range(20))
CONTENTS = (
    b"", b"nothing here\n", b"lib/a\n", b"lib/a lib/a\n", b"use lib/b\n", b"lib/a and lib/b\n",
    b"\0binary lib/a\n", b"lib/ab\n", b"LIB/A\n", b"x/x/x\n", b"x/x x/x\n",
    _LINES + b"lib/a\n", _LINES + b"lib/b\n",  # similar enough for an inexact rename
)


@dataclass(frozen=True)
class Step:
    """One commit: its parents (indices of earlier commits), how its tree starts (the first
    parent's, the second's, or both merged), the edits, and its committer date."""

    parents: tuple[int, ...]
    start: str  # "first", "second", "union"
    edits: tuple[tuple[str, str, int], ...]  # ("write", path, content) / ("delete", path, 0)
    #                                            / ("move", path, index of the new path)
    minute: int


def _tree_after(trees: list[dict[str, bytes]], step: Step) -> dict[str, bytes]:
    first = trees[step.parents[0]] if step.parents else {}
    second = trees[step.parents[1]] if len(step.parents) > 1 else {}
    tree = dict({"first": first, "second": second or first,
                 "union": {**second, **first}}[step.start])
    for kind, path, value in step.edits:
        if kind == "write":
            tree[path] = CONTENTS[value]
        elif kind == "delete":
            tree.pop(path, None)
        elif path in tree and PATHS[value] not in tree:
            tree[PATHS[value]] = tree.pop(path)
    return tree


def fast_import(repo: Path, steps: list[Step]) -> list[dict[str, bytes]]:
    """Write the history in one `git fast-import`; main points at the last commit."""
    stream = bytearray()
    trees: list[dict[str, bytes]] = []
    for number, step in enumerate(steps):
        tree = _tree_after(trees, step)
        trees.append(tree)
        stream += b"commit refs/build/c%d\nmark :%d\n" % (number, number + 1)
        stream += b"committer T <t@t> %d +0000\n" % (1_600_000_000 + 60 * step.minute)
        stream += b"data %d\nc%d\n" % (len(b"c%d" % number), number)
        for position, parent in enumerate(step.parents):
            stream += b"%s :%d\n" % (b"from" if position == 0 else b"merge", parent + 1)
        stream += b"deleteall\n"
        for path, data in sorted(tree.items()):
            mode = b"120000" if path == "link" else b"100644"
            stream += b"M %s inline %s\ndata %d\n%s\n" % (mode, path.encode(), len(data), data)
    stream += b"reset refs/heads/main\nfrom :%d\n" % len(steps)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=bytes(stream),
                   env=hermetic_env(), check=True, capture_output=True)
    return trees


def git_log_s(repo: Path, path: str) -> str:
    """The command tidy ran before, one per library."""
    return git(repo, "log", "-1", "--format=%h %as %s", f"-S{path}", "--", ".",
               f":(exclude){path}").strip()


@st.composite
def histories(draw: st.DrawFn) -> list[Step]:
    steps: list[Step] = []
    for number in range(draw(st.integers(1, 7))):
        if number == 0:
            parents: tuple[int, ...] = ()
        else:
            kind = draw(st.sampled_from(["line", "line", "line", "merge", "root"]))
            if kind == "merge" and number >= 2:
                parents = (number - 1, draw(st.integers(0, number - 2)))
            elif kind == "root":
                parents = ()
            else:
                parents = (number - 1,)
        edits = tuple(draw(st.lists(st.one_of(
            st.tuples(st.just("write"), st.sampled_from(PATHS),
                      st.integers(0, len(CONTENTS) - 1)),
            st.tuples(st.just("delete"), st.sampled_from(PATHS), st.just(0)),
            st.tuples(st.just("move"), st.sampled_from(PATHS),
                      st.integers(0, len(PATHS) - 1))), max_size=4)))
        start = draw(st.sampled_from(["first", "second", "union"])) if len(parents) > 1 else "first"
        steps.append(Step(parents, start, edits, draw(st.integers(0, 4))))
    return steps


@pytest.mark.slow
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(histories())
def test_the_walk_names_the_commit_git_log_s_names(tmp_path_factory, steps: list[Step]) -> None:
    repo = make_repo(tmp_path_factory.mktemp("history"))
    fast_import(repo, steps)
    last = LastReferences(60, walk_min_work=0)
    last.start(str(repo), LIBRARIES)
    answers = {path: last.of(str(repo), path) for path in LIBRARIES}
    assert answers == {path: git_log_s(repo, path) for path in LIBRARIES}
    assert last.found is not None and last.found.listings >= 1


def test_a_reference_only_in_an_old_commit_and_a_move_across_the_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    steps = [
        # the library's own file names it: no reference, the folder is left out
        Step((), "first", (("write", "f1.txt", 2), ("write", "lib/a/x.js", 2)), 0),
        Step((0,), "first", (("delete", "f1.txt", 0),), 1),  # the reference goes
        Step((1,), "first", (("write", "f2.txt", 4),), 2),
        Step((2,), "first", (("move", "lib/a/x.js", 0), ("write", "docs/f3.md", 1)), 3),
        Step((3,), "first", (("write", "docs/f3.md", 12),), 4),
    ]
    fast_import(repo, steps)
    last = LastReferences(60, walk_min_work=0)
    last.start(str(repo), LIBRARIES)
    for path in LIBRARIES:
        assert last.of(str(repo), path) == git_log_s(repo, path)
    # f1.txt comes out of lib/a (a rename to git's whole-tree diff, a new file outside it)
    assert last.of(str(repo), "lib/a").endswith(" c3")
    assert last.of(str(repo), "lib/b").endswith(" c4")


def _committed_project(tmp_path: Path) -> Path:
    """A repo whose one commit is its working tree: a reference to lib/b, none to lib/a."""
    repo = make_repo(tmp_path / "project")
    write(repo / "lib/a/a.js", "// library a\n")
    write(repo / "lib/b/b.js", "// library b\n")
    write(repo / "app.js", "import 'lib/b/b.js'\n")
    write(repo / "README.md", "nothing\n")
    write(repo / "logo.png", b"\x89PNG\0\0 not text")
    commit(repo, message="first")
    return repo


def _pass(repo: Path, files: list[str], use_cache: bool = False) -> ContentFacts:
    """The content pass as the early job runs it: the libraries' paths as needles."""
    content = ContentFacts(str(repo), Spec(patterns=("lib/a", "lib/b")), use_cache=use_cache)
    content.with_needles(("lib/a", "lib/b"))
    content.ensure({path: (REFS,) for path in files})
    return content


def test_blobs_the_content_pass_read_are_not_read_again(tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    content = _pass(repo, ["app.js", "README.md", "lib/a/a.js", "lib/b/b.js"])
    last = LastReferences(60, walk_min_work=0, blobs=content)
    last.start(str(repo), ["lib/a", "lib/b"])
    assert last.of(str(repo), "lib/a") == git_log_s(repo, "lib/a") == ""
    assert last.of(str(repo), "lib/b") == git_log_s(repo, "lib/b") != ""
    assert last.found is not None
    assert last.found.blobs_read == 1  # logo.png: not text, so the pass did not read it


def test_a_file_edited_since_its_commit_is_not_taken_for_its_blob(tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    write(repo / "README.md", "now it says lib/a\n")  # not committed
    content = _pass(repo, ["app.js", "README.md", "lib/a/a.js", "lib/b/b.js"])
    last = LastReferences(60, walk_min_work=0, blobs=content)
    assert last.of(str(repo), "lib/a") == git_log_s(repo, "lib/a") == ""
    assert last.found is not None and last.found.blobs_read == 2  # logo.png, README.md


def _cache_file(repo: Path) -> Path:
    return Path(content_cache.cache_path(str(repo)))


def test_a_second_walk_reads_no_blob_and_a_new_commit_only_its_own(tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    content = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    first = LastReferences(60, walk_min_work=0, blobs=content)
    assert first.of(str(repo), "lib/a") == ""
    # all but lib/a/a.js, which cannot answer anything about lib/a
    assert first.found is not None and first.found.blobs_read == 4
    assert content.save()

    # Nothing noted (no answers kept), so the walk goes through all of history again: every
    # count comes from the cache's blob table.
    again = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    second = LastReferences(60, walk_min_work=0, blobs=again)
    assert second.of(str(repo), "lib/a") == ""
    assert second.found is not None and second.found.blobs_read == 0

    write(repo / "docs/new.md", "see lib/a\n")
    commit(repo, message="mention")
    third = LastReferences(60, walk_min_work=0,
                           blobs=ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b"))))
    assert third.of(str(repo), "lib/a") == git_log_s(repo, "lib/a") != ""
    assert third.found is not None and third.found.blobs_read == 1  # docs/new.md's blob


def test_answers_noted_at_an_old_head_end_the_walk_there(tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    content = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    first = LastReferences(60, walk_min_work=0, notes=content, blobs=content)
    assert first.of(str(repo), "lib/a") == ""
    assert content.save()
    write(repo / "other.txt", "no reference\n")
    commit(repo, message="unrelated")
    later = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    last = LastReferences(60, walk_min_work=0, notes=later, blobs=later)
    assert last.of(str(repo), "lib/a") == git_log_s(repo, "lib/a") == ""
    assert last.found is not None and last.found.noted == {"lib/a": ""}
    assert last.found.blobs_read == 1  # other.txt; the first commit's answer was noted


def test_a_tampered_blob_table_is_ignored(tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    content = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    assert LastReferences(60, walk_min_work=0, blobs=content).of(str(repo), "lib/b") != ""
    assert content.save()
    path = _cache_file(repo)
    body = read_cache(path)
    table = body["blobs"]
    assert table["needles"] == ["lib/a", "lib/b"] and len(table["zero"]) == 3 * 40
    (referring,) = table["counts"]
    # Each of these is not what tidy writes: the whole table is ignored, the blobs read again.
    for tampered in ({**table, "counts": {referring: [0, -1]}},
                     {**table, "counts": {referring: [0]}},
                     {**table, "counts": {referring: ["1", 0]}},
                     {**table, "counts": {"not-an-id": [0, 1]}},
                     {**table, "zero": table["zero"][:-1]},
                     {**table, "zero": table["zero"].upper()},
                     {**table, "needles": "lib/a"}):
        write_cache(path, {**body, "blobs": tampered})
        os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
        loaded = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
        last = LastReferences(60, walk_min_work=0, blobs=loaded)
        assert last.of(str(repo), "lib/b") == git_log_s(repo, "lib/b")
        assert last.found is not None and last.found.blobs_read == 4, tampered


def test_a_blob_table_of_other_needles_is_not_used(tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    content = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    LastReferences(60, walk_min_work=0, blobs=content).of(str(repo), "lib/a")
    assert content.save()
    other = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/c")))
    last = LastReferences(60, walk_min_work=0, blobs=other)
    assert last.of(str(repo), "lib/a") == ""
    assert last.found is not None and last.found.blobs_read == 4


def test_a_shallow_clone_answers_as_git_log_s_does_there(tmp_path: Path) -> None:
    origin = make_repo(tmp_path / "origin")
    fast_import(origin, [
        Step((), "first", (("write", "f1.txt", 2), ("write", "lib/a/x.js", 1)), 0),
        Step((0,), "first", (("write", "f1.txt", 1),), 1),
        Step((1,), "first", (("write", "f2.txt", 4),), 2),
        Step((2,), "first", (("write", "docs/f3.md", 1),), 3),
    ])
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{origin}", str(clone)],
                   env=hermetic_env(), check=True, capture_output=True)
    last = LastReferences(60, walk_min_work=0)
    last.start(str(clone), LIBRARIES)
    for path in LIBRARIES:
        assert last.of(str(clone), path) == git_log_s(clone, path)
    assert last.of(str(clone), "lib/b").endswith(" c2")  # the shallow edge: all of it added


def test_no_commit_yet_means_no_answer_and_none_kept(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "app.js", "lib/a\n")
    git(repo, "add", "-A")
    content = ContentFacts(str(repo), Spec(needles=("lib/a",)))
    last = LastReferences(60, walk_min_work=0, notes=content, blobs=content)
    last.start(str(repo), ["lib/a"])
    assert last.of(str(repo), "lib/a") == ""
    assert last.found is None  # nothing walked
    assert not content.save()  # nothing learnt, nothing noted


def test_out_of_time_is_no_answer_and_is_not_kept(tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    content = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    last = LastReferences(0, walk_min_work=0, notes=content, blobs=content)
    assert last.of(str(repo), "lib/b") == ""
    assert content.note(f"last-reference\0{git(repo, 'rev-parse', 'HEAD').strip()}\0lib/b") \
        is None
    answered = LastReferences(60, walk_min_work=0).of(str(repo), "lib/b")
    assert answered == git_log_s(repo, "lib/b") != ""


def test_a_glob_character_in_the_path_leaves_its_pathspec_to_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "lib/a*/x.js", "x\n")
    write(repo / "lib/ab/y.js", "lib/a*\n")  # inside the exclude's glob, outside the folder
    write(repo / "app.js", "nothing\n")
    commit(repo, message="first")
    last = LastReferences(60, walk_min_work=0)
    assert last.of(str(repo), "lib/a*") == git_log_s(repo, "lib/a*")
    assert last.found is not None and last.found.listings == 1  # its own, not the chain's


def test_counts_are_gits_non_overlapping_counts() -> None:
    needles = (b"x/x", b"aa")
    automaton = pickaxe.make_automaton(needles)
    assert pickaxe.count(b"x/x/x aaa aaaa", needles, automaton) == (1, 3)
    assert pickaxe.count(b"", needles, automaton) == (0, 0)
    assert pickaxe.blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_a_root_below_the_top_leaves_it_to_git_log_s_and_textconv_is_never_run(
        tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "sub/app.js", "lib/a\n")
    write(repo / "sub/lib/a/x.js", "x\n")
    write(repo / "top.txt", "lib/a\n")
    write(repo / "sub/notes.upper", "nothing\n")
    commit(repo, message="first")
    write(repo / "top.txt", "gone\n")
    git(repo, "commit", "-q", "-am", "second")
    sub = repo / "sub"
    # "." is the subfolder there: the top's change is not in its walk
    assert LastReferences(60, walk_min_work=0).of(str(sub), "lib/a") == git_log_s(sub, "lib/a")
    assert git_log_s(sub, "lib/a").endswith(" first")
    # A textconv driver of the repo's is never run (a downloaded repo's config is not tidy's
    # to execute; it ran before): the blobs as stored are searched, as by `git log -S
    # --no-textconv`, and the walk answers as it does without a driver.
    ran = tmp_path / "textconv-ran"
    write(repo / ".gitattributes", "*.upper diff=upper\n")
    git(repo, "config", "diff.upper.textconv", f"sh -c 'touch {ran}; echo lib/a; cat \"$0\"'")
    last = LastReferences(60, walk_min_work=0)
    assert last.of(str(repo), "lib/a") == git(
        repo, "log", "--no-textconv", "-1", "--format=%h %as %s", "-Slib/a", "--", ".",
        ":(exclude)lib/a").strip()
    assert last.found is not None  # the walk answered
    assert not ran.exists()


def test_a_small_history_asks_git_log_s_and_a_big_one_walks(tmp_path: Path) -> None:
    """Below WALK_MIN_WORK (history bytes x paths) one `git log -S` per path costs less than
    the walk; above it the walk answers. Both give git's answer."""
    repo = _committed_project(tmp_path)
    packed = int(git(repo, "count-objects", "-v").split("size: ")[1].split()[0]) * 1024
    assert not history_walk_pays(str(repo), 2)
    assert history_walk_pays(str(repo), 2, min_work=2 * packed)
    assert not history_walk_pays(str(repo), 0, min_work=0)
    small = LastReferences(60)
    assert small.of(str(repo), "lib/b") == git_log_s(repo, "lib/b") != ""
    assert small.found is None  # git log -S answered: nothing walked
    big = LastReferences(60, walk_min_work=1)
    assert big.of(str(repo), "lib/b") == git_log_s(repo, "lib/b")
    assert big.found is not None


_ALPHABET = b"ab./_"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=4).map(
           lambda b: bytes(_ALPHABET[x % len(_ALPHABET)] for x in b)), min_size=1, max_size=90),
       st.binary(max_size=200).map(lambda b: bytes(_ALPHABET[x % len(_ALPHABET)] for x in b)))
def test_the_screened_automaton_finds_what_the_plain_one_finds(
        patterns: list[bytes], haystack: bytes) -> None:
    # Short patterns over five letters: many contain one another, and sets of 65 or more
    # innermost patterns (no screen) occur too.
    import ahocorasick_rs

    plain = ahocorasick_rs.BytesAhoCorasick(patterns, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
    screened = pickaxe.automaton(patterns)
    for overlapping in (True, False):
        assert (screened.find_matches_as_indexes(haystack, overlapping=overlapping)
                == plain.find_matches_as_indexes(haystack, overlapping=overlapping))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=4).map(
           lambda b: bytes(_ALPHABET[x % len(_ALPHABET)] for x in b)), min_size=1, max_size=20),
       st.lists(st.tuples(st.binary(max_size=12).map(
           lambda b: bytes(_ALPHABET[x % len(_ALPHABET)] for x in b)),
           st.integers(0, 3 * pickaxe._WINDOW_GAP)), max_size=12))
def test_the_screened_windows_apart_or_merged_find_what_the_plain_search_finds(
        patterns: list[bytes], pieces: list[tuple[bytes, int]]) -> None:
    """Pieces of text with fillers of no pattern's byte between them, shorter and longer than
    the gap under which two windows are searched as one: the same matches in the same order."""
    import ahocorasick_rs

    haystack = b"".join(piece + b"-" * filler for piece, filler in pieces)
    plain = ahocorasick_rs.BytesAhoCorasick(patterns, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
    screened = pickaxe.automaton(patterns)
    assert (screened.find_matches_as_indexes(haystack, overlapping=True)
            == plain.find_matches_as_indexes(haystack, overlapping=True))


def test_library_names_get_a_screen_of_those_holding_no_other() -> None:
    patterns = [b"jquery", b"jquery.min.js", b"static/jquery/", b"d3.js", b"vendor/d3/d3.js"]
    automaton = pickaxe.automaton(patterns)
    assert isinstance(automaton, pickaxe.Screened)
    assert automaton.find_matches_as_indexes(b"nothing to see") == []
    assert [m[0] for m in automaton.find_matches_as_indexes(
        b"<script src=vendor/d3/d3.js>", overlapping=True)] == [4, 3]
    # Past what the packed searcher takes, the plain automaton is used alone.
    many = [b"lib%03d" % n for n in range(65)]
    assert not isinstance(pickaxe.automaton(many), pickaxe.Screened)
    assert isinstance(pickaxe.automaton(many[:64]), pickaxe.Screened)


def test_a_file_read_for_its_blob_alone_answers_the_walk_and_keeps_no_entry(
        tmp_path: Path) -> None:
    repo = _committed_project(tmp_path)
    write(repo / "copy.png", b"\x89PNG\0\0 not text")  # same size as logo.png: not hashed
    commit(repo, message="second")
    content = _pass(repo, ["app.js", "README.md", "lib/a/a.js", "lib/b/b.js"])
    content.ensure({"logo.png": (BLOB,), "copy.png": (BLOB,)})
    assert content.stats.files_read == 6
    assert content.facts("logo.png") is None and content.facts("copy.png") is None
    last = LastReferences(60, walk_min_work=0, blobs=content)
    last.start(str(repo), ["lib/a", "lib/b"])
    assert last.of(str(repo), "lib/a") == git_log_s(repo, "lib/a") == ""
    assert last.of(str(repo), "lib/b") == git_log_s(repo, "lib/b") != ""
    assert last.found is not None and last.found.blobs_read == 0  # logo.png's came from the pass


def test_the_early_pass_reads_for_the_walk_only_blobs_it_does_not_know(tmp_path: Path) -> None:
    from tidy.core.config import Config
    from tidy.engine import _early_content
    from tidy.workspace.blobs import list_index

    repo = _committed_project(tmp_path)
    listing = list_index(str(repo))
    assert dict(zip(listing.blob_paths, listing.blob_ids, strict=True))["logo.png"] == git(
        repo, "rev-parse", "HEAD:logo.png").strip()

    def early_pass(needles: tuple[str, ...]) -> ContentFacts:
        content = ContentFacts(str(repo), Spec(patterns=("lib/a", "lib/b")))
        content.with_needles(needles)
        _early_content(listing, Config(select=("TDY401",)), [], content)
        return content

    assert early_pass(()).stats.files_read == 0  # no history asked: nothing read for it
    first = early_pass(("lib/a", "lib/b"))
    assert first.stats.files_read == 5  # every tracked file, none searched or judged
    assert first.facts("logo.png") is None
    assert first.save()
    assert early_pass(("lib/a", "lib/b")).stats.files_read == 0  # the blob table knows them


def test_reads_for_the_blob_alone_stop_at_their_budget_and_cat_file_does_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tidy.workspace import content as content_module

    repo = _committed_project(tmp_path)
    write(repo / "big.bin", b"\0" + b"lib/a " * 20)  # 121 bytes, over what is left
    commit(repo, message="second")
    monkeypatch.setattr(content_module, "BLOB_READ_BUDGET", 50)
    content = _pass(repo, ["app.js", "README.md", "lib/a/a.js", "lib/b/b.js"])
    content.ensure({"logo.png": (BLOB,), "big.bin": (BLOB,)})
    last = LastReferences(60, walk_min_work=0, blobs=content)
    last.start(str(repo), ["lib/a", "lib/b"])
    assert last.of(str(repo), "lib/a") == git_log_s(repo, "lib/a") != ""
    assert last.of(str(repo), "lib/b") == git_log_s(repo, "lib/b") != ""
    assert last.found is not None and last.found.blobs_read == 1  # big.bin's, by cat-file


def test_a_listing_cut_anywhere_parses_as_the_whole_one(tmp_path: Path) -> None:
    """git's listing comes in pieces of any size: a rename record cut right after its first
    path (the bytes so far look like a one-path record of status R) was taken for one, and
    its second path then stopped the parse as unexpected output."""
    repo = make_repo(tmp_path / "r")
    write(repo / "old name.txt", "content that moves\n" * 20)
    write(repo / "other.txt", "other\n")
    commit(repo)
    git(repo, "mv", "old name.txt", "new name.txt")
    write(repo / "other.txt", "changed\n")
    commit(repo)
    out = subprocess.run(["git", "-C", str(repo), *pickaxe._LISTING, "-M"], check=True,
                         capture_output=True, env=hermetic_env()).stdout
    assert b" R100\0old name.txt\0new name.txt\0" in out
    whole = list(pickaxe.parse_listing([out]))
    assert sorted(p.status for c in whole for p in c.pairs) == [b"A", b"A", b"M", b"R"]
    for cut in range(1, len(out)):
        assert list(pickaxe.parse_listing([out[:cut], out[cut:]])) == whole, cut


# ------------------------------------------------------------- the listing started ahead
def _listings_started(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every git pickaxe starts from here on (start_listing's and the walk's own)."""
    started: list[subprocess.Popen[bytes]] = []
    popen = subprocess.Popen

    def recorded(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        proc = popen(*args, **kwargs)  # type: ignore[call-overload]
        started.append(proc)
        return proc  # type: ignore[no-any-return]

    monkeypatch.setattr(subprocess, "Popen", recorded)
    return started


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(histories())
def test_a_listing_started_ahead_gives_the_walk_git_log_s_answers(
        tmp_path_factory: pytest.TempPathFactory, steps: list[Step]) -> None:
    """start_ahead before the walk (the early job's, before its content pass): the walk
    reads that listing instead of starting one, and answers as git log -S does."""
    repo = make_repo(tmp_path_factory.mktemp("history"))
    fast_import(repo, steps)
    last = LastReferences(60, walk_min_work=0)
    last.start_ahead(str(repo))
    head = git(repo, "rev-parse", "HEAD").strip()
    assert set(pickaxe._AHEAD) == {(str(repo), head)}
    last.start(str(repo), LIBRARIES)
    answers = {path: last.of(str(repo), path) for path in LIBRARIES}
    assert not pickaxe._AHEAD  # taken by the walk
    assert answers == {path: git_log_s(repo, path) for path in LIBRARIES}


def test_the_walk_takes_the_listing_started_ahead_and_ends_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _committed_project(tmp_path)
    write(repo / "app.js", "nothing now\n")
    commit(repo, message="second")
    last = LastReferences(60, walk_min_work=0)
    last.start_ahead(str(repo))
    started = _listings_started(monkeypatch)
    [ahead] = pickaxe._AHEAD.values()
    last.start(str(repo), ["lib/a", "lib/b"])  # one walk for both, as walk_history asks
    assert last.of(str(repo), "lib/b") == git_log_s(repo, "lib/b") != ""
    assert last.of(str(repo), "lib/a") == git_log_s(repo, "lib/a") == ""
    assert last.found is not None and last.found.listings == 1
    assert not [p for p in started if "--raw" in p.args]  # no listing of its own
    assert ahead.returncode is not None  # reaped


def test_a_listing_started_ahead_and_not_taken_is_stopped_and_reaped(tmp_path: Path) -> None:
    """No walk follows (every library used; an error before it): stop_listings ends it, and
    a listing of another commit or root is never taken for this one's."""
    repo = _committed_project(tmp_path)
    first = git(repo, "rev-parse", "HEAD").strip()
    write(repo / "app.js", "nothing now\n")
    commit(repo, message="second")
    pickaxe.start_listing(str(repo), first)
    pickaxe.start_listing(str(tmp_path / "elsewhere"), first)  # git fails: never taken either
    pickaxe.start_listing(str(repo), first)  # one per root and commit
    ahead = list(pickaxe._AHEAD.values())
    assert len(ahead) == 2
    last = LastReferences(60, walk_min_work=0)
    assert last.of(str(repo), "lib/b") == git_log_s(repo, "lib/b") != ""  # from HEAD
    assert list(pickaxe._AHEAD.values()) == ahead
    pickaxe.stop_listings()
    assert not pickaxe._AHEAD
    assert all(proc.returncode is not None for proc in ahead)


def test_no_listing_is_started_ahead_where_no_walk_would_read_it(tmp_path: Path) -> None:
    """A small history (git log -S per path), a scan at a commit a scan asked at before (its
    answers noted), no commit yet: nothing started."""
    repo = _committed_project(tmp_path)
    LastReferences(60).start_ahead(str(repo))  # WALK_MIN_WORK: this history is small
    assert not pickaxe._AHEAD
    content = ContentFacts(str(repo), Spec(needles=("lib/a", "lib/b")))
    noted = LastReferences(60, walk_min_work=0, notes=content, blobs=content)
    noted.remember_asked(str(repo), ["lib/a"])
    noted.start_ahead(str(repo))
    assert not pickaxe._AHEAD
    empty = make_repo(tmp_path / "empty")
    LastReferences(60, walk_min_work=0).start_ahead(str(empty))
    assert not pickaxe._AHEAD
