"""The HTML report's data and page, without a browser (tests/reporters/test_html_browser.py
loads it in Chromium): the tree adds up, small entries merge, text cannot break out, the page
fetches nothing, and a 250k-entry scan stays a few MB."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, make_repo, scan_json, write
from tests.work import growth
from tidy.core.config import Config
from tidy.core.models import (
    ActionKind,
    Applicability,
    Finding,
    Fix,
    Group,
    Report,
    Size,
    Surface,
    Tracked,
)
from tidy.engine import scan
from tidy.reporters import html

PARENT, NAME, BYTES, FILES, FAMILY, ROW, FLAGS = range(7)
FAMILY_KEYS = [f[0] for f in html.FAMILIES]


def embedded_data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="tidy-data">(.*?)</script>', page,
                      re.S)
    assert match is not None
    loaded: dict[str, Any] = json.loads(match.group(1))
    return loaded


def kids_of(tree: list[list[Any]]) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {i: [] for i in range(len(tree))}
    for index, row in enumerate(tree):
        if row[PARENT] >= 0:
            kids[row[PARENT]].append(index)
    return kids


def paths_of(tree: list[list[Any]]) -> dict[str, list[Any]]:
    paths: dict[int, str] = {0: ""}
    found = {"": tree[0]}
    for index, row in enumerate(tree[1:], start=1):
        parent = paths[row[PARENT]]
        paths[index] = f"{parent}/{row[NAME]}" if parent else row[NAME]
        found.setdefault(paths[index], row)
    return found


# --------------------------------------------------------------------------- a real repo
def bloated_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    write(repo / "pyproject.toml", "[project]\nname = 'x'\n")
    write(repo / "src/app/main.py", "print('hi')\n")
    write(repo / "src/app/util.py", "X = 1\n")
    write(repo / "src/app/__pycache__/main.cpython-311.pyc", size=300_000)
    write(repo / "node_modules/lodash/index.js", size=2_000_000)
    write(repo / "node_modules/lodash/package.json", "{}")
    write(repo / "data/big.bin", size=1_500_000)
    write(repo / "docs/a.md", size=200_000)
    write(repo / "docs/b.md", size=100_000)
    commit(repo, "pyproject.toml", "src/app/main.py", "src/app/util.py", "data/big.bin",
           "docs/a.md", "docs/b.md")
    return repo


def test_the_tree_adds_up_to_what_was_scanned_and_draws_each_finding(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path)
    report = scan([str(repo)], Config())
    data = html.report_data(report)
    tree = data["tree"]
    scanned = scan_json(repo)["summary"]["scanned"]["bytes"]  # the JSON report: independent
    assert tree[0][BYTES] == scanned
    kids = kids_of(tree)
    for index, row in enumerate(tree):  # a folder holds its tiles (and its own entry)
        assert row[BYTES] >= sum(tree[k][BYTES] for k in kids[index])
    paths = paths_of(tree)
    sizes = {f["path"]: f["bytes"] for f in scan_json(repo)["groups"][0]["findings"]}
    assert paths["node_modules"][BYTES] == sizes["node_modules"]
    assert FAMILY_KEYS[paths["node_modules"][FAMILY]] == "cache"
    assert paths["data/big.bin"][BYTES] == 1_500_000
    assert FAMILY_KEYS[paths["data/big.bin"][FAMILY]] == "big"
    assert FAMILY_KEYS[paths["src/app/__pycache__"][FAMILY]] == "cache"
    # big.bin was carved out of data/'s files: the folder's other files are what is left
    assert "data/(0 files)" not in paths
    assert paths["docs"][FILES] == 2


def test_table_rows_are_the_findings_biggest_first(tmp_path: Path) -> None:
    repo = bloated_repo(tmp_path)
    report = scan([str(repo)], Config())
    rows = html.report_data(report)["findings"]
    expected = scan_json(repo)["groups"][0]["findings"]
    assert sorted((r[0], r[2], r[4]) for r in rows) == sorted(
        (f["code"], f["path"], f["bytes"]) for f in expected)
    assert [r[4] for r in rows] == sorted((r[4] for r in rows), reverse=True)


# --------------------------------------------------------------------------- synthetic reports
def finding(code: str, path: str, size: int, files: int = 1, dirs: int = 0,
            kind: str = "") -> Finding:
    return Finding(code=code, rule="r", path=path, message=f"{code} at {path}", kind=kind,
                   size=Size(size, size, files, dirs), tracked=Tracked.UNTRACKED,
                   fix=Fix(ActionKind.TRASH, Applicability.SAFE, "trash"))


def group(root: str, layout: list[tuple[str, int, int]], findings: list[Finding],
          extra: int = 0) -> Group:
    """A group whose scanned bytes are its layout plus its unexplored (folder) findings."""
    unexplored = sum(f.size.apparent for f in findings if f.size.dirs)
    scanned = sum(b for _, _, b in layout) + unexplored + extra
    return Group(root=root, label=".", is_repo=True, findings=tuple(findings),
                 scanned=Size(scanned, scanned, sum(f for _, f, _ in layout), len(layout)),
                 surface_before=Surface(10, 1000), surface_after=Surface(5, 500),
                 reclaimable=Size(), layout=tuple(layout))


def layouts() -> st.SearchStrategy[list[tuple[str, int, int]]]:
    names = st.sampled_from(["a", "b", "c", "src", "lib"])
    paths = st.lists(names, min_size=1, max_size=4).map("/".join)
    entry = st.tuples(paths, st.integers(0, 20), st.integers(0, 10**7))
    return st.lists(entry, max_size=30, unique_by=lambda e: e[0]).map(
        lambda entries: [(".", 1, 4096), *entries])


@settings(max_examples=50, deadline=None)
@given(layout=layouts(), budget=st.integers(3, 40), artifacts=st.lists(
    st.tuples(st.sampled_from(["a", "b", "src", "src/a", "lib/b"]), st.integers(1, 10**6)),
    max_size=6, unique_by=lambda a: a[0]))
def test_merging_small_entries_keeps_every_byte(layout: list[tuple[str, int, int]], budget: int,
                                                artifacts: list[tuple[str, int]]) -> None:
    findings = [finding("TDY101", f"{where}/node_modules", size, 3, 2, "node_modules")
                for where, size in artifacts]
    report = Report(roots=("/r",), groups=(group("/r", layout, findings),))
    full = html.tree_rows(report, budget=10**6)[1]
    small = html.tree_rows(report, budget=budget)[1]
    total = sum(b for _, _, b in layout) + sum(size for _, size in artifacts)
    assert full[0][BYTES] == small[0][BYTES] == total
    kids = kids_of(small)
    for index, row in enumerate(small):
        assert row[BYTES] >= sum(small[k][BYTES] for k in kids[index])
    # per family, merged tiles keep the bytes: leaves' sums equal with and without the budget
    for tree in (full, small):
        leaves = [r for i, r in enumerate(tree) if not kids_of(tree)[i]]
        assert sum(r[BYTES] for r in leaves if FAMILY_KEYS[r[FAMILY]] == "cache") == sum(
            size for _, size in artifacts)
    assert len(small) <= budget * 3 + len(FAMILY_KEYS)


def test_small_entries_are_merged_into_one_tile_per_family() -> None:
    layout = [(".", 0, 4096), *[(f"pkg{i:03}", 1, 1000) for i in range(200)],
              ("big", 1, 10_000_000)]
    report = Report(roots=("/r",), groups=(group("/r", layout, []),))
    tree = html.tree_rows(report, budget=10)[1]
    merged = [r for r in tree if r[FLAGS] & 1 and "small items" in r[NAME]]
    assert len(merged) == 1
    kept_pkgs = sum(1 for r in tree if r[NAME].startswith("pkg"))
    assert merged[0][NAME] == f"({200 - kept_pkgs:,} small items)"
    assert merged[0][BYTES] == (200 - kept_pkgs) * 1000


def test_a_finding_in_a_vendored_folder_tints_what_is_inside() -> None:
    layout = [(".", 0, 4096), ("static", 0, 4096), ("static/vendor", 3, 90_000),
              ("static/vendor/x", 2, 50_000)]
    vendored = finding("TDY401", "static/vendor", 144_096, 5, 0)
    report = Report(roots=("/r",), groups=(group("/r", layout, [vendored]),))
    paths = paths_of(html.tree_rows(report)[1])
    assert FAMILY_KEYS[paths["static/vendor"][FAMILY]] == "vendored"
    assert FAMILY_KEYS[paths["static/vendor/x"][FAMILY]] == "vendored"
    assert FAMILY_KEYS[paths["static/vendor/(3 files)"][FAMILY]] == "vendored"


def test_groups_of_a_workspace_are_drawn_where_they_live() -> None:
    outer = group("/ws", [(".", 1, 5000), ("notes", 1, 100)], [])
    inner = group("/ws/repos/a", [(".", 2, 7000)], [finding("TDY201", "huge.bin", 6000)])
    report = Report(roots=("/ws",), groups=(outer, inner))
    base, tree = html.tree_rows(report)
    paths = paths_of(tree)
    assert base == "/ws"
    assert paths["repos/a/huge.bin"][BYTES] == 6000
    assert tree[0][BYTES] == 5000 + 100 + 7000


def test_history_and_ignore_findings_are_listed_but_not_drawn() -> None:
    blob = finding("TDY203", "old/video.mp4", 80_000_000)
    ignore = finding("TDY501", "node_modules", 3_000)
    cache = finding("TDY101", "node_modules", 3_000, 2, 1, "node_modules")
    report = Report(roots=("/r",), groups=(group("/r", [(".", 0, 4096)], [blob, cache, ignore]),))
    data = html.report_data(report)
    assert {r[0] for r in data["findings"]} == {"TDY203", "TDY101", "TDY501"}
    paths = paths_of(data["tree"])
    assert "old/video.mp4" not in paths
    assert FAMILY_KEYS[paths["node_modules"][FAMILY]] == "cache"
    assert data["tree"][0][BYTES] == 4096 + 3_000


# --------------------------------------------------------------------------- the page itself
def test_names_cannot_break_out_of_the_page() -> None:
    nasty = '</script><script>alert(1)</script><!--{{style}}&'
    layout = [(".", 1, 100), (nasty, 1, 5000)]
    report = Report(roots=("/r",), groups=(group("/r", layout, [
        finding("TDY201", f"{nasty}/x.bin", 4000)]),))
    page = html.render(report)
    assert "alert(1)</script>" not in page
    assert page.count("</script>") == 3  # the error hook, the data, the script
    assert page.count("<style>") == 1
    data = embedded_data(page)
    assert nasty in paths_of(data["tree"])
    assert data["findings"][0][2] == f"{nasty}/x.bin"


def test_undecodable_names_are_shown_escaped() -> None:
    name = b"caf\xe9".decode("utf-8", "surrogateescape")
    report = Report(roots=("/r",), groups=(group("/r", [(".", 0, 1), (name, 3, 300)], []),))
    page = html.render(report)
    page.encode("utf-8")  # no lone surrogates: the page is valid UTF-8
    assert "caf\\xe9" in paths_of(embedded_data(page)["tree"])


def test_the_page_loads_nothing_from_elsewhere(tmp_path: Path) -> None:
    page = html.render(scan([str(bloated_repo(tmp_path))], Config()))
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:|//)", page)
    # The only URL is the SVG namespace name, which is never fetched.
    assert set(re.findall(r"https?://[^\s\"')]+", page)) <= {"http://www.w3.org/2000/svg"}


# --------------------------------------------------------------------------- a 250k-entry scan
def synthetic_big_report(dirs: int = 25_000, files_per_dir: int = 9) -> Report:
    """A Report shaped like a 250k-entry scan: 25k folders, 225k files, 6k artifact folders,
    500 big files; built directly, no disk tree."""
    layout: list[tuple[str, int, int]] = [(".", 5, 40_000)]
    findings: list[Finding] = []
    for i in range(dirs):
        top, mid = i % 40, (i // 40) % 25
        path = f"packages/pkg{top:02}/module{mid:02}/sub{i:05}"
        own = 4096 + files_per_dir * (1000 + i % 7000)
        if i % 50 == 0:  # a big file is one of its folder's files
            findings.append(finding("TDY201", f"{path}/blob{i}.bin", 2_000_000))
            own += 2_000_000
        layout.append((path, files_per_dir, own))
        if i % 4 == 0:
            findings.append(finding("TDY101", f"{path}/__pycache__", 30_000 + i, 12, 1,
                                    "__pycache__"))
    for top in range(40):
        layout.append((f"packages/pkg{top:02}", 1, 4096))
        for mid in range(25):
            layout.append((f"packages/pkg{top:02}/module{mid:02}", 2, 9000))
    findings.append(finding("TDY101", "node_modules", 400_000_000, 60_000, 9_000, "node_modules"))
    layout.sort()
    return Report(roots=("/big",), groups=(group("/big", layout, findings),))


@pytest.mark.slow
def test_a_250k_entry_scan_gives_a_page_of_a_few_mb() -> None:
    report = synthetic_big_report()
    entries = sum(f for _, f, _ in report.groups[0].layout) + len(report.groups[0].layout)
    assert entries >= 250_000
    page = html.render(report)
    size = len(page.encode("utf-8"))
    assert size < 3_000_000, f"{size:,} bytes"
    data = embedded_data(page)
    assert len(data["tree"]) <= html.NODE_BUDGET * 2
    assert len(data["findings"]) == html.ROW_BUDGET
    assert data["findingsLeftOut"] == len(report.findings) - html.ROW_BUDGET
    total = report.groups[0].scanned.apparent
    assert data["tree"][0][BYTES] == total
    # Rendering is linear in the scan: twice the folders, about twice the calls (1.88x at
    # 8,000 -> 16,000; a linear look-up per finding path made it 3.36x). Counted, not timed.
    assert growth(lambda n: functools.partial(html.render, synthetic_big_report(dirs=n)),
                  8_000) < 2.5
