"""`tidy browse`'s data: the filter, rows and marks, the folder tree, the cells.

Property tests where inputs vary (filter text, paths, widths); the tree is checked on a real
scan of a built tree against the scan's own totals and against `du`.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.browse.helpers import DAYS, workspace
from tests.conftest import commit, du_apparent, make_repo, write
from tests.work import calls
from tidy import engine
from tidy.browse import cells, evidence, filters
from tidy.browse.model import GroupRow, Model, tree_bytes
from tidy.browse.tree import NOT_ITEMISED, ScanTree
from tidy.core.config import load
from tidy.core.models import ActionKind, Applicability, Finding, Fix, Group, Size, Surface, Tracked
from tidy.core.printable import printable

NOW = 1_800_000_000.0
_TRASH = Fix(ActionKind.TRASH, Applicability.SAFE, "move to the trash")
_ADVICE = Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, "track it with LFS")


def _finding(path: str, size: int = 10, code: str = "TDY101", fix: Fix | None = _TRASH,
             activity: float = NOW - 3 * DAYS, kind: str = "") -> Finding:
    return Finding(code=code, rule="untracked-artifact", path=path, message="m", kind=kind,
                   size=Size(apparent=size, files=1, dirs=1), fix=fix, activity=activity,
                   tracked=Tracked.UNTRACKED, ignored=True)


def _group(root: str, *findings: Finding) -> Group:
    return Group(root=root, label=root.rsplit("/", 1)[-1], is_repo=True, findings=findings,
                 scanned=Size(), surface_before=Surface(), surface_after=Surface(),
                 reclaimable=Size())


# -- the filter ----------------------------------------------------------------------------------
@given(st.text(max_size=60))
def test_any_filter_text_parses_or_names_the_bad_term(text: str) -> None:
    try:
        parsed = filters.parse(text)
    except filters.FilterError as error:
        assert str(error)
        return
    assert parsed.text == text
    parsed.matches(_finding("a/b"), NOW)  # never raises


_WORD = st.text(alphabet="abcxyz_/.", min_size=1, max_size=6).filter(lambda w: ":" not in w)


@given(st.lists(_WORD, max_size=3), st.text(alphabet="abcxyz_/.", min_size=1, max_size=20))
def test_words_match_exactly_the_paths_that_hold_them_all(words: list[str], path: str) -> None:
    flt = filters.parse(" ".join(words))
    assert flt.matches(_finding(path), NOW) == all(w.lower() in path.lower() for w in words)


@pytest.mark.parametrize(("text", "matched"), [
    ("kind:node", {"web/node_modules"}),
    ("rule:TDY2", {"big.bin"}),
    ("rule:untracked", {"web/node_modules", "old/.mypy_cache"}),
    ("age:>30d", {"old/.mypy_cache"}),
    ("age:<30d", {"web/node_modules"}),  # big.bin's age is unknown: neither
    ("state:ignored", {"web/node_modules", "old/.mypy_cache"}),
    ("fix:trash", {"web/node_modules", "old/.mypy_cache"}),
    ("fix:advice", {"big.bin"}),
    ("fix:none", {"big.bin"}),  # the scan table's word for advice
    ("fix:trash age:>30d cache", {"old/.mypy_cache"}),
])
def test_field_terms(text: str, matched: set[str]) -> None:
    found = [
        _finding("web/node_modules", kind="node_modules", activity=NOW - 2 * DAYS),
        _finding("old/.mypy_cache", kind=".mypy_cache", activity=NOW - 90 * DAYS),
        dataclasses.replace(_finding("big.bin", code="TDY201", fix=_ADVICE, activity=0.0),
                            rule="large-tracked-file", tracked=Tracked.TRACKED, ignored=False),
    ]
    flt = filters.parse(text)
    assert {f.path for f in found if flt.matches(f, NOW)} == matched


@pytest.mark.parametrize("text", ["age:>x", "age:", "state:gone", "age:>3"])
def test_bad_terms_are_named(text: str) -> None:
    with pytest.raises(filters.FilterError, match=text.split(":")[0]):
        filters.parse(text)


# -- rows and marks ---------------------------------------------------------------------------
def test_rows_group_biggest_first_and_marks_only_what_tidy_can_apply() -> None:
    model = Model()
    model.add_group(_group("/w/small", _finding("a", 5)))
    model.add_group(_group("/w/big", _finding("x", 50), _finding("x/inner", 40),
                           _finding("huge.bin", 30, code="TDY201", fix=_ADVICE)))
    rows = model.rows(filters.Filter(), NOW)
    big = rows[0]
    assert isinstance(big, GroupRow) and big.group.root == "/w/big"
    assert big.total == 80  # x/inner lies inside x: counted once
    assert [r.key for r in rows[1:4]] == [i.key for i in big.shown]
    advice = next(i for i in model.items() if i.finding.code == "TDY201")
    assert "only advises" in model.toggle(advice.key)
    assert model.marks == set()
    assert model.toggle_all(i.key for i in model.items()) == 3  # the three that can be applied
    assert model.toggle_all(i.key for i in model.items()) == 3  # again: all unmarked
    assert model.marks == set()
    first = model.items()[0]
    model.toggle(first.key)
    report = model.marked_report(("/w",))
    assert [g.root for g in report.groups] == [first.group.root]
    assert report.findings == (first.finding,)
    model.forget([first.key], "run-1")
    assert first.key not in model.marks and first not in model.items()
    assert model.gone() == {first.key: (first, "run-1")}


@given(st.lists(st.integers(1, 1000), min_size=1, max_size=6), st.data())
def test_marked_bytes_add_up_each_repos_own_folders(sizes: list[int], data: st.DataObject) -> None:
    """`node_modules` of two repos are two folders: marking both counts both (it counted one,
    so 20 repos' node_modules, all marked, showed the size of the biggest alone)."""
    model = Model()
    for n, size in enumerate(sizes):
        model.add_group(_group(f"/w/repo{n}", _finding("node_modules", size),
                               _finding("node_modules/inner", size // 2)))
    chosen = data.draw(st.sets(st.integers(0, len(sizes) - 1)))
    keys = [i.key for i in model.items() if int(i.group.root.rsplit("repo", 1)[1]) in chosen]
    model.toggle_all(keys)
    assert model.marked_bytes() == sum(sizes[n] for n in chosen)
    model.marks.clear()
    assert model.marked_bytes() == 0


_PATH = st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3).map("/".join)


@given(st.dictionaries(_PATH, st.integers(0, 1000), max_size=8))
def test_tree_bytes_counts_each_path_once(sizes: dict[str, int]) -> None:
    findings = [_finding(path, size) for path, size in sizes.items()]
    outermost = [p for p in sizes if not any(p.startswith(o + "/") for o in sizes if o != p)]
    assert tree_bytes(findings) == sum(sizes[p] for p in outermost)


# -- the folder tree ---------------------------------------------------------------------------
def test_tree_adds_up_to_the_scan_and_puts_findings_where_they_are(tmp_path: Path) -> None:
    root = workspace(tmp_path / "ws")
    repo = make_repo(root / "data")
    write(repo / "blob.bin", size=2_000_000)  # a large tracked file, carved from its folder
    write(repo / "src" / "x.py", "x = 1\n")
    commit(repo)
    report = engine.scan([str(root)], load(str(root), None))
    model = Model()
    for group in report.groups:
        model.add_group(group)
    tree = ScanTree.build(model.groups, model.items(), report.roots)
    assert tree.base == str(root.resolve())
    assert tree.root.total_bytes == sum(g.scanned.apparent for g in report.groups)
    assert tree.root.total_bytes == du_apparent(root) - sum(
        du_apparent(p) for p in root.glob("*/.git"))  # the walk never enters .git
    for item in model.items():
        node = tree.node(tree.where[item.key])
        if item.finding.code in ("TDY101", "TDY201"):
            assert node.total_bytes == item.finding.size.apparent, item.finding.path
    blob = tree.node("data/blob.bin")
    assert blob.block and blob.total_bytes == 2_000_000
    assert tree.node("web/node_modules").block and not tree.node("web/node_modules").enterable
    assert tree.entries("web")[0].name == "node_modules"  # biggest first
    assert NOT_ITEMISED not in {n.name for n in tree.entries("api")}
    key = next(i.key for i in model.items() if i.finding.path == "node_modules")
    assert tree.folder_of(key) == "web"


# -- cells ----------------------------------------------------------------------------------------
@given(st.text(max_size=40), st.integers(0, 30))
def test_fit_and_clip_stay_in_their_columns(text: str, width: int) -> None:
    for cut in (cells.fit(text, width), cells.clip(text, width)):
        if cell_len(text) <= width:
            assert cut == text
        else:
            assert cell_len(cut) <= width
    if cell_len(text) > width > 1:
        assert text.endswith(cells.fit(text, width)[1:])
        assert text.startswith(cells.clip(text, width)[:-1])


@given(st.text(max_size=30))
def test_printable_is_one_line(name: str) -> None:
    shown = printable(name)
    assert "\n" not in shown and "\r" not in shown and all(c.isprintable() for c in shown)


def test_ages_and_sizes_read_like_tidy_scan() -> None:
    now = time.time()
    assert [cells.age(now - s, now) for s in (60, 5 * 3600, 3 * DAYS, 90 * DAYS, 800 * DAYS)
            ] == ["0h", "5h", "3d", "3mo", "2y"]
    assert cells.age(0, now) == "?"
    assert cells.size(999) == "999 B" and cells.size(412_000_000) == "412.0 MB"


def test_a_repos_evidence_counts_in_the_singular_when_there_is_one(tmp_path: Path) -> None:
    """The repo row's evidence said "1 findings" and "moves ... in 1 files": a repo with one
    finding, one file moved by its fix."""
    repo = make_repo(tmp_path / "web")
    write(repo / ".gitignore", "node_modules/\n")
    write(repo / "node_modules" / "left-pad" / "index.js", size=3000)
    commit(repo, ".gitignore")
    model = Model()
    for group in engine.scan([str(repo)], load(str(repo), None)).groups:
        model.add_group(group)
    header = model.rows(filters.Filter(), 0.0)[0]
    assert isinstance(header, GroupRow) and header.count == 1
    text = evidence.for_row(header, 0.0).plain
    assert "; 1 finding, " in text, text
    assert " in 1 file (once the trash is purged)\nsearch surface " in text, text


def test_a_filter_key_makes_one_call_per_finding_and_term() -> None:
    """Each filter key tests every finding: the test was a lambda running all() over a
    generator (three or more calls a finding per term: 53 ms a key at 50,000 findings on a
    loaded machine, 16 ms as one call). Counted in calls, which no load changes."""
    n = 10_000
    model = Model()
    model.add_group(_group("/w/r", *(_finding(f"pkg{i // 100:02d}/mod{i % 100:02d}/__pycache__",
                                              10 + i) for i in range(n))))
    model.rows(filters.Filter(), 0.0)  # what the first rows worked out (totals) is kept
    for text, terms in (("m", 1), ("mod1 pkg0", 2), ("kind:pyc pkg", 2)):
        flt = filters.parse(text)
        made = calls(functools.partial(model.rows, flt, time.time()))
        assert made <= n * (terms + 1) + 100, (text, made)
