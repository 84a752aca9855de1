"""Unused vendored libraries: a corpus of real-shaped repos, each library used (or not) one way."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import (
    commit,
    du_apparent,
    du_disk,
    findings,
    git,
    make_repo,
    scan_json,
    write,
)
from tidy.analysis.vendored.evidence import Verdict
from tidy.rules.vendored import References, count_outside, per_folder
from tidy.workspace.textscan import Match, outside

MINIFIED = ("var a=function(){return 1};" * 200 + "\n") * 20  # long lines, like a real bundle


def _library(repo: Path, root: str, name: str, *, entry: str | None = None) -> None:
    """A copied front-end library: its own package.json, a licence, a minified bundle."""
    entry = entry or f"{name}.min.js"
    write(repo / root / "package.json", json.dumps({"name": name, "version": "1.2.3",
                                                    "main": entry, "license": "MIT"}))
    write(repo / root / "LICENSE", "MIT License\n\nPermission is hereby granted, free of charge")
    write(repo / root / entry, MINIFIED)


def _python_package(repo: Path, root: str, package: str) -> None:
    write(repo / root / "setup.py", f"from setuptools import setup\nsetup(name='{package}')\n")
    write(repo / root / package / "__init__.py", "def helper():\n    return 42\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    repo = make_repo(tmp_path_factory.mktemp("vendored") / "site")
    # --- planted unused: a big editor bundle under static/, a Python package under third_party/
    _library(repo, "static/vendor/ketcher", "ketcher")
    write(repo / "static/vendor/ketcher/dist/chunk-1.min.js", MINIFIED * 3)
    _python_package(repo, "third_party/oldparser", "oldparser")
    write(repo / "docs/history.md", "We once embedded ketcher and oldparser.\n")  # weak only
    write(repo / "app/views.py", "# from oldparser import parse  (removed)\nX = 1\n")  # comment
    # --- used, one way each
    _library(repo, "static/vendor/jquery", "jquery", entry="jquery-3.6.0.min.js")
    write(repo / "templates/base.html",
          '<script src="/static/vendor/jquery/jquery-3.6.0.min.js"></script>\n')  # script tag
    _library(repo, "static/lib/chartkit", "chartkit")
    write(repo / "templates/report.html",
          "{% load static %}"
          "<script src=\"{% static 'lib/chartkit/chartkit.min.js' %}\"></script>\n")
    _library(repo, "static/vendor/normalizer", "normalizer", entry="normalizer.css")
    write(repo / "static/css/site.css", '@import url("../vendor/normalizer/normalizer.css");\n')
    _python_package(repo, "third_party/fastjsonx", "fastjsonx")
    write(repo / "app/api.py", "from fastjsonx import loads\n\nprint(loads)\n")  # Python import
    _library(repo, "frontend/vendor/plotter", "plotter")
    write(repo / "frontend/webpack.config.js",
          "module.exports = {resolve: {alias: {plotter: path.resolve(__dirname, "
          "'vendor/plotter')}}};\n")  # webpack alias
    _library(repo, "frontend/vendor/tinyfmt", "tinyfmt")
    write(repo / "frontend/package.json",
          json.dumps({"name": "fe", "dependencies": {"tinyfmt": "file:vendor/tinyfmt"}}))
    # used only through another vendored library, which is itself used (jquery)
    _library(repo, "static/vendor/sizzlekit", "sizzlekit")
    write(repo / "static/vendor/jquery/plugins.js",
          "import '../sizzlekit/sizzlekit.min.js';\n")
    # referenced only by an unused vendored library: not proof of use
    _library(repo, "static/vendor/molrender", "molrender")
    write(repo / "static/vendor/ketcher/loader.js", "require('../molrender/molrender.min.js')\n")
    # not libraries although linguist calls them vendored
    write(repo / ".github/workflows/ci.yml", "on: push\n")
    write(repo / "dist/app.js", "console.log(1)\n")
    commit(repo)
    report = scan_json(repo)
    return {"repo": repo, "report": report}


def _codes_by_path(report: dict[str, object]) -> dict[str, str]:
    return {f["path"]: f["code"] for f in findings(report) if f["code"].startswith("TDY4")}


def test_every_planted_unused_library_is_found(corpus: dict[str, object]) -> None:
    by_path = _codes_by_path(corpus["report"])
    assert by_path["static/vendor/ketcher"] == "TDY401"
    assert by_path["third_party/oldparser"] == "TDY401"


@pytest.mark.parametrize("root", [
    "static/vendor/jquery",  # script tag
    "static/lib/chartkit",  # {% static %}
    "static/vendor/normalizer",  # CSS @import
    "third_party/fastjsonx",  # Python import
    "frontend/vendor/plotter",  # webpack alias
    "frontend/vendor/tinyfmt",  # package.json file: dependency
    "static/vendor/sizzlekit",  # used by a used vendored library
])
def test_no_used_library_is_called_unused(corpus: dict[str, object], root: str) -> None:
    by_path = _codes_by_path(corpus["report"])
    assert by_path.get(root) not in ("TDY401", "TDY402"), by_path


def test_used_only_by_an_unused_library_is_only_possibly_unused(corpus: dict[str, object]) -> None:
    by_path = _codes_by_path(corpus["report"])
    assert by_path["static/vendor/molrender"] == "TDY402"


def test_non_library_folders_are_not_candidates(corpus: dict[str, object]) -> None:
    paths = set(_codes_by_path(corpus["report"]))
    assert not {p for p in paths if p.startswith((".github", "dist"))}


def test_finding_shows_size_license_strings_and_evidence(corpus: dict[str, object]) -> None:
    repo = corpus["repo"]
    (ketcher,) = [f for f in findings(corpus["report"], "TDY401")
                  if f["path"] == "static/vendor/ketcher"]
    details = dict((k, v) for k, v in ketcher["details"] if k != "evidence")
    evidence = [v for k, v in ketcher["details"] if k == "evidence"]
    tracked = git(repo, "ls-files", "-z", "--", "static/vendor/ketcher").split("\0")
    folder = repo / "static/vendor/ketcher"  # type: ignore[operator]
    assert ketcher["bytes"] == du_apparent(folder)  # like every finding: `du -sb` of its path
    assert ketcher["disk_bytes"] == du_disk(folder)
    assert ketcher["files"] == len([p for p in tracked if p])  # nothing untracked in it
    assert details["license"] == "MIT"
    assert "static/vendor/ketcher" in details["strings searched"]
    assert int(details["files searched"]) > 10
    assert any(e.startswith("weak: docs/history.md") for e in evidence)


def test_runtime_built_paths_downgrade_the_verdict(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "dyn")
    _library(repo, "static/vendor/widgetlib", "widgetlib")
    write(repo / "app/assets.py",
          "def url(name):\n    return 'static/vendor/' + name + '/main.js'\n")
    commit(repo)
    codes = _codes_by_path(scan_json(repo))
    assert codes["static/vendor/widgetlib"] == "TDY402"


def test_linguist_vendored_is_honoured_both_ways(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "attrs")
    write(repo / "editor/bundle.js", "var x = 1;\n")
    write(repo / "editor/more.js", "var y = 2;\n")
    _library(repo, "vendor/ourfork", "ourfork")  # a vendor/ folder the team says is theirs
    write(repo / ".gitattributes",
          "editor/** linguist-vendored\nvendor/ourfork/** -linguist-vendored\n")
    write(repo / "main.py", "print('hi')\n")
    commit(repo)
    codes = _codes_by_path(scan_json(repo))
    assert codes.get("editor") == "TDY401"
    assert "vendor/ourfork" not in codes


def test_select_a_single_vendored_code(corpus: dict[str, object]) -> None:
    report = scan_json(corpus["repo"], "--select", "TDY402")
    assert {f["code"] for f in findings(report)} == {"TDY402"}


def test_a_docs_theme_library_used_through_sphinx_static_is_used(tmp_path: Path) -> None:
    """Shaped like Django's docs: a CSS file of the theme @imports `_static/<lib>/...`."""
    repo = make_repo(tmp_path / "docs-site")
    theme = repo / "docs/_theme/site/static"
    write(theme / "fontawesome/LICENSE.txt", "MIT License\n")
    write(theme / "fontawesome/css/fa-brands.min.css", MINIFIED)
    write(theme / "console-tabs.css",
          "@import url(\"{{ pathto('_static/fontawesome/css/fa-brands.min.css', 1) }}\");\n")
    write(repo / "docs/index.rst", "Docs.\n")
    commit(repo)
    assert "docs/_theme/site/static/fontawesome" not in _codes_by_path(scan_json(repo))


def test_references_inside_caches_and_venvs_do_not_count(tmp_path: Path) -> None:
    """A venv (opt-in, so not reported) and node_modules are not the project's code."""
    repo = make_repo(tmp_path / "app")
    _library(repo, "static/vendor/ketcher", "ketcher")
    write(repo / "app/main.py", "print('hi')\n")
    commit(repo)
    write(repo / "env/pyvenv.cfg", "home = /usr/bin\n")
    write(repo / "env/lib/site.py", "ASSET = 'static/vendor/ketcher/ketcher.min.js'\n")
    write(repo / "web/package.json", "{}")
    write(repo / "web/node_modules/x/index.js",
          "require('../../static/vendor/ketcher/ketcher.min.js')\n")
    assert _codes_by_path(scan_json(repo))["static/vendor/ketcher"] == "TDY401"
    narrowed = scan_json(repo, "--kind", "__pycache__", "--select", "TDY4")
    assert _codes_by_path(narrowed)["static/vendor/ketcher"] == "TDY401"


def _without_timings(report: dict[str, object]) -> list[object]:
    return [(f["code"], f["path"], f["bytes"], f["files"], f["details"])
            for f in findings(report) if f["code"].startswith("TDY4")]


def test_early_search_in_a_worker_gives_the_same_verdicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tracked files are read in a forked worker while the walk runs; what lies in an
    artifact folder is only known at the end, and a reference there must not count."""
    import tidy.workspace.early

    repo = make_repo(tmp_path / "site")
    _library(repo, "static/vendor/ketcher", "ketcher")
    _library(repo, "static/vendor/jquery", "jquery", entry="jquery-3.6.0.min.js")
    write(repo / "templates/base.html",
          '<script src="/static/vendor/jquery/jquery-3.6.0.min.js"></script>\n')
    # a committed build output mentions ketcher: an artifact, so no proof of use (a folder
    # whose name is also a source folder's, a tracked build/, is source: test below)
    write(repo / "package.json", '{"name": "site"}\n')
    write(repo / ".next/server/app.js", "load('/static/vendor/ketcher/ketcher.min.js')\n")
    commit(repo)
    write(repo / "notes/draft.py", "# untracked, not ignored: read after the walk\n"
                                   "JQ = 'static/vendor/jquery/jquery-3.6.0.min.js'\n")
    inline = scan_json(repo)
    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    early = scan_json(repo)
    assert _without_timings(early) == _without_timings(inline)
    codes = {path: code for code, path, *_ in _without_timings(early)}  # type: ignore[misc]
    assert codes["static/vendor/ketcher"] == "TDY401"
    assert "static/vendor/jquery" not in codes or codes["static/vendor/jquery"] == "TDY403"
    searched = [dict(f["details"])["files searched"]  # type: ignore[index]
                for f in findings(early, "TDY401")]
    # base.html, package.json, notes/draft.py and the libraries' six files; never .next/
    assert searched == ["9"]


def test_early_work_runs_in_a_worker_for_a_big_enough_index(tmp_path: Path) -> None:
    from tidy.core.config import Config
    from tidy.engine import _early_task
    from tidy.rules.vendored import References
    from tidy.workspace.early import EarlyWork
    from tidy.workspace.pool import WorkerPool

    repo = make_repo(tmp_path / "site")
    _library(repo, "static/vendor/ketcher", "ketcher")
    commit(repo)
    prepared: list[int] = []  # how many children this process had when `prepare` ran

    def prepare() -> None:
        prepared.append(len(multiprocessing.active_children()))

    with WorkerPool() as pool:
        jobs = _early_task(Config(select=("TDY401",)), tracked_size=False)
        small = EarlyWork(jobs, pool)
        small.start(str(repo), prepare)
        assert small.results(str(repo)) == {}  # a tiny index: not worth a worker
        assert prepared == []  # nor its preparation
        any_size = EarlyWork(jobs, pool, min_index_bytes=0)
        any_size.start(str(repo), prepare)
        any_size.start(str(repo), prepare)  # queued once: prepared once
        found = any_size.results(str(repo))["TDY401"]
    assert prepared == [0]  # before the pool forked its worker
    assert isinstance(found, References)
    assert [lib.root for lib in found.libraries] == ["static/vendor/ketcher"]


def _site_using_two_libraries(repo: Path) -> None:
    """Two vendored libraries, both referenced by the site's template (not committed yet)."""
    _library(repo, "static/vendor/ketcher", "ketcher")
    _library(repo, "static/vendor/jquery", "jquery", entry="jquery-3.6.0.min.js")
    write(repo / "templates/base.html",
          '<script src="/static/vendor/ketcher/ketcher.min.js"></script>\n'
          '<script src="/static/vendor/jquery/jquery-3.6.0.min.js"></script>\n')


def _drop_the_editor(repo: Path) -> None:
    """Commits what is there ("add the editor"), then a commit that drops ketcher's only
    reference ("drop the editor page"): ketcher was last referenced there."""
    commit(repo, message="add the editor")
    write(repo / "templates/base.html",
          '<script src="/static/vendor/jquery/jquery-3.6.0.min.js"></script>\n')
    commit(repo, message="drop the editor page")


def _add_then_drop_the_editor(repo: Path) -> None:
    _site_using_two_libraries(repo)
    _drop_the_editor(repo)


def test_an_unused_library_names_the_commit_that_last_referenced_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "site")
    _add_then_drop_the_editor(repo)
    report = scan_json(repo)
    details = {f["path"]: dict(f["details"]) for f in findings(report)
               if f["code"].startswith("TDY4")}
    removed = git(repo, "log", "-1", "--format=%h %as %s").strip()
    assert details["static/vendor/ketcher"]["last referenced"] == removed
    assert removed.endswith("drop the editor page")
    assert "last referenced" not in details.get("static/vendor/jquery", {})


@pytest.mark.slow
def test_the_early_job_answers_last_referenced_for_the_main_process(tmp_path: Path) -> None:
    """The worker walks the history right after its pass and hands the answers over as notes
    under HEAD (the main process then starts no git for them), cache or no cache: without
    the cache, after its hand-over (the pass's export, before the walk), with the job's end
    (EarlyWork.rest); with it, all at its end."""
    from tidy.core.config import Config
    from tidy.engine import CONTENT, _early_task
    from tidy.workspace.content import PassResult
    from tidy.workspace.early import EarlyWork
    from tidy.workspace.pool import WorkerPool

    repo = make_repo(tmp_path / "site")
    _add_then_drop_the_editor(repo)
    head = git(repo, "rev-parse", "HEAD").strip()
    expected = git(repo, "log", "-1", "--format=%h %as %s", "-Sstatic/vendor/ketcher", "--",
                   ".", ":(exclude)static/vendor/ketcher").strip()
    assert expected.endswith("drop the editor page")
    for no_cache in (True, False):
        with WorkerPool() as pool:
            jobs = _early_task(Config(select=("TDY401",), no_cache=no_cache), tracked_size=False)
            early = EarlyWork(jobs, pool, min_index_bytes=0)
            early.start(str(repo))
            spec, result = early.results(str(repo))[CONTENT]  # type: ignore[misc]
            assert early.handed_over(str(repo)) == no_cache
            rest = early.rest(str(repo))
        assert isinstance(result, PassResult)
        notes = dict(result.notes)
        if no_cache:
            later = rest[CONTENT][1]  # type: ignore[index]
            assert isinstance(later, PassResult) and not later.entries
            assert not set(notes) & set(later.notes)  # only what the walk learnt
            notes.update(later.notes)
        # A history this small: one `git log -S` per library in the worker, so the pass
        # counted no needles (githistory.history_walk_pays); the answers arrive all the same.
        assert spec.needles == ()
        key = f"last-reference\0{head}\0static/vendor/ketcher"
        assert notes[key] == expected
        assert f"last-reference\0{head}\0static/vendor/jquery" not in notes  # used
    report = scan_json(repo)
    [unused] = [f for f in findings(report) if f["path"] == "static/vendor/ketcher"]
    assert dict(unused["details"])["last referenced"] == expected


def test_the_early_job_starts_the_history_listing_before_its_pass(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A history big enough for the walk (a 5 MB blob in it): the early job starts the
    walk's `git log` listing before its content pass (References.before_pass), its walk
    reads that one, the answer is git log -S's, and no git is left running after the job."""
    from tidy.core.config import Config
    from tidy.engine import CONTENT, _index_work
    from tidy.workspace import pickaxe
    from tidy.workspace.blobs import list_index

    repo = make_repo(tmp_path / "site")
    write(repo / "data.bin", os.urandom(5 * 1024 * 1024))  # incompressible: the pack's size
    _add_then_drop_the_editor(repo)
    head = git(repo, "rev-parse", "HEAD").strip()
    expected = git(repo, "log", "-1", "--format=%h %as %s", "-Sstatic/vendor/ketcher", "--",
                   ".", ":(exclude)static/vendor/ketcher").strip()
    started: list[Any] = []
    taken: list[bool] = []
    start_listing, listing = pickaxe.start_listing, pickaxe._listing

    def start(root: str, at: str) -> None:
        start_listing(root, at)
        started.append(pickaxe._AHEAD.get((root, at)))

    def walk_listing(root: str, at: str, *pathspec: str) -> Any:
        taken.append((root, at) in pickaxe._AHEAD)
        return listing(root, at, *pathspec)

    monkeypatch.setattr(pickaxe, "start_listing", start)
    monkeypatch.setattr(pickaxe, "_listing", walk_listing)
    config = Config(select=("TDY401",), no_cache=True)
    done = _index_work(config, False, time.time_ns(), None, str(repo), list_index(str(repo)))
    spec, result = done[CONTENT]  # type: ignore[misc]
    assert spec.needles  # the walk, not git log -S per library
    assert dict(result.notes)[f"last-reference\0{head}\0static/vendor/ketcher"] == expected
    assert expected.endswith("drop the editor page")
    [proc] = started
    assert proc is not None and proc.returncode is not None  # taken, ended, reaped
    assert taken == [True]
    assert not pickaxe._AHEAD


# ----------------------------------------------------------------- the verdicts on a built context
# (tests.rules.context: no walk, no git; the matches are the search's answer, made by hand)
def _verdicts(matches: list[tuple[str, str, str]]) -> list[Verdict]:
    """Verdicts for one library from (file, pattern text, the line it sits on)."""
    from tidy.analysis.vendored.candidates import Library
    from tidy.analysis.vendored.evidence import judge, patterns_for
    from tidy.workspace.textscan import Match

    libraries = [Library("static/vendor/ketcher", ("static/vendor/ketcher/ketcher.min.js",),
                         ("vendor folder",), "ketcher", "2.4.0", "Apache-2.0")]
    patterns = patterns_for(libraries)
    index = {p.text: i for i, p in enumerate(patterns)}
    found = [Match(path, index[text], 3, line) for path, text, line in matches]
    return list(judge(libraries, patterns, found))


def test_tdy401_unused_names_the_commit_that_last_referenced_it() -> None:
    from tests.rules.context import context
    from tidy.core.models import ActionKind
    from tidy.rules.vendored import verdict_findings

    ctx = context(tracked=["static/vendor/ketcher/ketcher.min.js"], large_file=1)
    [verdict] = _verdicts([])
    asked = []
    def last(root: str) -> str:
        asked.append(root)
        return "abc1234 2024-05-01 drop it"

    [found] = verdict_findings(ctx, verdict, 7, last)
    assert (found.code, found.path) == ("TDY401", "static/vendor/ketcher")
    assert asked == ["static/vendor/ketcher"]
    assert ("last referenced", "abc1234 2024-05-01 drop it") in found.details
    assert ("files searched", "7") in found.details
    assert found.fix is not None and found.fix.action is ActionKind.GIT_RM


def test_marking_a_library_vendored_in_gitattributes_is_no_use_of_it() -> None:
    [verdict] = _verdicts([(".gitattributes", "static/vendor/ketcher",
                            "static/vendor/ketcher/** linguist-vendored -diff")])
    assert not verdict.used and not verdict.evidence


def test_tdy403_used_and_big_tdy402_only_a_runtime_path() -> None:
    from tests.rules.context import context
    from tidy.rules.vendored import verdict_findings

    ctx = context(tracked=["static/vendor/ketcher/ketcher.min.js", "app.js"],
                  sizes={"static/vendor/ketcher": (1, 5_000_000, 5_000_000, 1, 0.0)})
    [used] = _verdicts([("app.js", "static/vendor/ketcher",
                         "load('static/vendor/ketcher/ketcher.min.js')")])
    [found] = verdict_findings(ctx, used, 2, lambda root: "")
    assert (found.code, found.rule) == ("TDY403", "vendored-library-in-use")
    # only the parent folder, with the rest of the path built at run time
    [doubt] = _verdicts([("app.js", "static/vendor/", "load('static/vendor/' + name)")])
    codes = [f.code for f in verdict_findings(ctx, doubt, 2, lambda root: "")]
    assert codes == ["TDY402"]


@pytest.mark.slow
def test_tidys_own_excludes_are_no_evidence_of_use(tmp_path: Path, tidy_main) -> None:  # type: ignore[no-untyped-def]
    """scan -> safe fix (.ignore, VS Code and pyright excludes) -> scan: the same TDY401s,
    no TDY403 citing the lines tidy wrote (issue 17, point 4)."""
    repo = make_repo(tmp_path / "app")
    _library(repo, "static/vendor/ketcher", "ketcher")
    _python_package(repo, "third_party/oldparser", "oldparser")
    write(repo / "third_party/oldparser/oldparser/tables.py", "X = 1\n" * 20_000)
    write(repo / ".vscode/settings.json", '{\n  // the team\'s\n  "editor.tabSize": 4\n}\n')
    write(repo / "pyproject.toml", '[project]\nname = "app"\n\n[tool.tidy]\nheavy-folder = "100KB"'
          '\n\n[tool.pyright]\nstrict = []\n')  # both libraries are heavy: TDY502 too
    write(repo / "app/main.py", "print('hello')\n")
    commit(repo)

    def verdicts() -> dict[str, list[dict[str, object]]]:
        report = scan_json(repo)
        found: dict[str, list[dict[str, object]]] = {}
        for f in findings(report):
            if f["code"] in ("TDY401", "TDY402", "TDY403", "TDY502"):
                found.setdefault(f["path"], []).append(f)
        return found

    before = verdicts()
    for root in ("static/vendor/ketcher", "third_party/oldparser"):
        assert {f["code"] for f in before[root]} == {"TDY401", "TDY502"}, before[root]
    assert tidy_main("fix", str(repo), "--yes").code == 0
    written = {rel: (repo / rel).read_text() for rel in
               (".ignore", ".vscode/settings.json", "pyproject.toml")}
    assert "/static/vendor/ketcher/" in written[".ignore"]
    assert '"static/vendor/ketcher/**": true' in written[".vscode/settings.json"]
    assert '"third_party/oldparser"]' in written["pyproject.toml"]  # pyright exclude
    after = verdicts()
    for root in ("static/vendor/ketcher", "third_party/oldparser"):
        codes = [f["code"] for f in after[root]]
        assert codes == ["TDY401"], after[root]  # TDY502 done, TDY401 unchanged, no TDY403
        (unused,) = after[root]
        (was,) = [f for f in before[root] if f["code"] == "TDY401"]
        assert unused["fix"] == was["fix"] and unused["message"] == was["message"]
        assert not [v for k, v in unused["details"] if k == "evidence"]


def test_a_users_own_reference_next_to_tidys_lines_still_counts(tmp_path: Path) -> None:
    """Only tidy's block and exclude entries are set aside: a path the user wrote elsewhere in
    the same files is still a reference."""
    from tidy.workspace.textscan import Match
    from tidy.workspace.tidy_written import without_written

    write(tmp_path / ".ignore", "# ours\n!static/vendor/keep/\n\n"
          "# >>> tidy managed (do not edit this block) >>>\n/static/vendor/gone/\n"
          "# <<< tidy managed <<<\n")
    write(tmp_path / ".vscode/settings.json",
          '{\n  "search.exclude": {\n    "static/vendor/gone/**": true\n  },\n'
          '  "html.customData": ["static/vendor/keep/data.json"]\n}\n')
    write(tmp_path / "pyproject.toml",
          '[tool.pyright]\nexclude = [\n  "third_party/gone/**",\n]\n\n'
          '[tool.setuptools]\npackages = ["third_party/keep"]\n')
    matches = [Match(".ignore", 0, 2, "!static/vendor/keep/"),
               Match(".ignore", 0, 5, "/static/vendor/gone/"),
               Match(".vscode/settings.json", 0, 3, '"static/vendor/gone/**": true'),
               Match(".vscode/settings.json", 0, 5, '"html.customdata": [...]'),
               Match("pyproject.toml", 0, 3, '"third_party/gone/**",'),
               Match("pyproject.toml", 0, 7, 'packages = ["third_party/keep"]')]
    kept = without_written(str(tmp_path), matches)
    assert [(m.path, m.line_no) for m in kept] == [
        (".ignore", 2), (".vscode/settings.json", 5), ("pyproject.toml", 7)]


DIST_HEADS = json.loads((Path(__file__).parent / "data" / "dist_heads.json").read_text())


def _webapp(root: Path) -> Path:
    """The bench's web app in small (bench/mkwebapp.py): dist folders copied to
    static/vendor/, jquery and htmx loaded by templates, a React front end that installs
    react, react-dom and alpinejs from npm and imports them, and never loads the copies."""
    repo = make_repo(root)
    for rel, head in DIST_HEADS.items():
        write(repo / "static/vendor" / rel, head + "\n" + MINIFIED)
    for lib in ("react", "react-dom", "jquery", "htmx", "alpinejs", "bootstrap-5.3.3", "popper"):
        write(repo / "static/vendor" / lib / "LICENSE", "MIT License\n")
    write(repo / "templates/base.html",
          "{% load static %}\n"
          "<script src=\"{% static 'vendor/jquery/jquery.min.js' %}\"></script>\n"
          "<script src=\"{% static 'vendor/htmx/htmx.min.js' %}\"></script>\n"
          "<script src=\"{% static 'vendor/bootstrap-5.3.3/js/bootstrap.js' %}\"></script>\n")
    write(repo / "frontend/package.json", json.dumps({
        "name": "webapp-frontend", "private": True,
        "dependencies": {"@emotion/react": "11.13.3", "alpinejs": "3.14.3", "react": "18.3.1",
                         "react-dom": "18.3.1"},
        "devDependencies": {"@types/react-dom": "18.3.1", "@vitejs/plugin-react": "4.3.3",
                            "eslint-plugin-react-hooks": "5.0.0"}}, indent=2))
    write(repo / "frontend/src/main.tsx",
          'import { StrictMode } from "react";\nimport { createRoot } from "react-dom/client";\n'
          'import Alpine from "alpinejs";\n\nAlpine.start();\n')
    write(repo / "frontend/vite.config.ts",
          'import { defineConfig } from "vite";\nimport react from "@vitejs/plugin-react";\n\n'
          "export default defineConfig({\n  plugins: [react()],\n});\n")
    write(repo / "frontend/eslint.config.js",
          'import reactHooks from "eslint-plugin-react-hooks";\n\n'
          'export default [{ plugins: { "react-hooks": reactHooks } }];\n')
    commit(repo)
    return repo


def test_vendored_dists_are_named_and_judged_by_what_refers_to_them(tmp_path: Path) -> None:
    """Issue 17: react-dom's copy was labelled "Modernizr" (a banner its bundle embeds) and
    copies the front end installs from npm counted as used by `"react": "18.3.1"`,
    `from "react"`, `@emotion/react` or `react-hooks`. Now each is named by its own opening
    banner or folder, a package the package manager installs is no use of the copy, and the
    copies templates load stay used (TDY403 over --large-file)."""
    report = scan_json(_webapp(tmp_path / "webapp"), "--select", "TDY4", "--large-file", "1KB")
    by_path = {f["path"].removeprefix("static/vendor/"): f for f in findings(report)}
    codes = {lib: f["code"] for lib, f in by_path.items()}
    assert codes == {"react-dom": "TDY401", "alpinejs": "TDY401", "react": "TDY402",
                     "jquery": "TDY403", "htmx": "TDY403", "bootstrap-5.3.3": "TDY403",
                     "popper": "TDY403"}, codes
    assert "modernizr" not in json.dumps(report).lower()
    assert by_path["react-dom"]["message"].startswith("vendored react-dom is not referenced")
    packages = {lib: dict(f["details"]).get("package") for lib, f in by_path.items()}
    assert packages["jquery"] == "jQuery 3.7.1"
    assert packages["bootstrap-5.3.3"] == "Bootstrap 5.3.3"
    assert packages["popper"] == "@popperjs/core 2.11.8"  # used by bootstrap.js (UMD global)
    evidence = [v for k, v in by_path["react-dom"]["details"] if k == "evidence"]
    assert evidence and all(e.startswith("registry: frontend/") for e in evidence), evidence
    assert ("referenced by", "static/vendor/react-dom (itself unused)") in [
        tuple(d) for d in by_path["react"]["details"]]


@pytest.mark.parametrize(("path", "line", "name", "expected"), [
    ("frontend/package.json", '"react": "18.3.1",', "react", "registry"),
    ("frontend/package.json", '"@emotion/react": "11.13.3",', "react", None),
    ("frontend/package.json", '"@types/react-dom": "18.3.1",', "react-dom", None),
    ("frontend/package.json", '"tinyfmt": "file:vendor/tinyfmt"', "tinyfmt", "code"),
    ("frontend/package.json", '"@popperjs/core": "2.11.8",', "@popperjs/core", "registry"),
    ("src/main.tsx", 'import { createRoot } from "react-dom/client";', "react-dom", "registry"),
    ("src/main.tsx", 'import { createRoot } from "react-dom/client";', "react", None),
    ("eslint.config.js", '{ plugins: { "react-hooks": reactHooks } }', "react", None),
    ("app.js", "const $ = require('jquery'); jQuery.fn.extend({})", "jquery", "code"),
    ("app.js", "import '../vendor/jquery/jquery.js';", "jquery", "code"),
    ("base.html", "<script>jQuery(function () {});</script>", "jquery", "code"),
])
def test_a_name_is_told_from_the_package_of_that_name(
    path: str, line: str, name: str, expected: str | None
) -> None:
    from tidy.analysis.vendored.evidence import mention

    assert mention(path, line, name) == expected


def test_the_early_job_answers_the_same_with_its_pass_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The early job's content pass shared with a forked child (thresholds lowered to nothing)
    gives what one process gives: every rule's early answer, the pass's facts, blob counts and
    notes, and the cache it writes."""
    import time

    from tidy.core.config import Config
    from tidy.engine import CONTENT, _early_task
    from tidy.workspace import content
    from tidy.workspace.content import PassResult, SplitWhen
    from tidy.workspace.content_cache import cache_path
    from tidy.workspace.early import run_task

    forks: list[int] = []
    real_pass = content.run_pass

    def counting_forks(*args: Any, **kwargs: Any) -> PassResult:  # the real pass, forks counted
        return real_pass(*args, **kwargs, on_fork=forks.append)

    monkeypatch.setattr(content, "run_pass", counting_forks)

    repo = make_repo(tmp_path / "site")
    _site_using_two_libraries(repo)
    rows = ",\n".join(f'    {{"id": {i}, "name": "n{i}"}}' for i in range(3000))
    write(repo / "app/mock_api.py", f"ROWS = [\n{rows}\n]\n")
    write(repo / "app/copy_a.txt", "same bytes\n" * 20_000)
    write(repo / "app/copy_b.txt", "same bytes\n" * 20_000)
    for i in range(30):
        write(repo / f"app/m{i}.py", f"import os\nJQ = 'static/vendor/jquery'  # {i}\n")
    _drop_the_editor(repo)
    time.sleep(0.08)  # clearly older than the passes: cacheable
    always = SplitWhen(min_bytes=0, min_average=0, min_cores=0)
    answers = []
    for split in (None, always):
        for no_cache in (True, False):
            config = Config(no_cache=no_cache)
            before = len(forks)
            done = run_task(_early_task(config, False, split), str(repo))
            # the big pass split: its files dealt out, then the big ones (the copies, the data)
            assert len(forks) - before == (0 if split is None else 2)
            spec, result = done.pop(CONTENT)  # type: ignore[misc]
            assert isinstance(result, PassResult)
            cache = Path(cache_path(str(repo)))
            saved = cache.read_bytes() if cache.exists() else b""
            answers.append((done, spec, result.entries, result.blobs, result.notes,
                            result.stats.files_read, result.stats.bytes_read, saved))
            cache.unlink(missing_ok=True)  # the next pass starts cold again
    assert answers[0] == answers[2] and answers[1] == answers[3]
    assert answers[0][2] and answers[1][-1]  # facts were learnt, and cached


def _pip_target_install(repo: Path, folder: str, name: str, version: str) -> None:
    """What `pip install --target FOLDER NAME` leaves: the package, its .dist-info beside it
    (METADATA, RECORD, WHEEL, INSTALLER, top_level.txt, a licence) and compiled bytecode."""
    write(repo / folder / name / "__init__.py", f"__version__ = '{version}'\n\n"
          "def get(url):\n    return url\n")
    write(repo / folder / name / "__pycache__" / "__init__.cpython-311.pyc", b"\xa7\r\r\n" * 8)
    meta = repo / folder / f"{name}-{version}.dist-info"
    write(meta / "METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    write(meta / "RECORD", f"{name}/__init__.py,sha256=x,40\n")
    write(meta / "WHEEL", "Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: true\n")
    write(meta / "INSTALLER", "pip\n")
    write(meta / "top_level.txt", f"{name}\n")
    write(meta / "licenses" / "LICENSE", "Apache License\nVersion 2.0\n")


def test_a_pip_target_installs_metadata_is_not_a_library(tmp_path: Path) -> None:
    """A Lambda-style project vendors with `pip install --target vendor/`: each library's
    `NAME-VERSION.dist-info` beside it was reported TDY401 "high confidence unused" (nothing
    imports metadata by path). It belongs to its library: only the libraries are judged."""
    repo = make_repo(tmp_path / "lambda")
    _pip_target_install(repo, "vendor", "requestsish", "2.32.3")
    _pip_target_install(repo, "vendor", "oldjson", "1.0")  # nothing imports it: unused
    write(repo / "handler.py",
          "import os\nimport sys\n\n"
          "sys.path.insert(0, os.path.join(os.path.dirname(__file__), 'vendor'))\n\n"
          "import requestsish  # noqa: E402\n\n\n"
          "def handler(event, context):\n    return requestsish.get(event['url'])\n")
    commit(repo)
    report = scan_json(repo, "--select", "TDY4")
    assert _codes_by_path(report) == {"vendor/oldjson": "TDY401"}



def test_a_python_vendor_folder_named_underscore_vendor_is_judged(tmp_path: Path) -> None:
    """pip, setuptools and poetry-core vendor with pypa/vendoring into `PACKAGE/_vendor/`
    (its default destination): that folder was no vendor container, so a big vendored
    library in use got no TDY403 and one nothing imports any more no TDY401."""
    repo = make_repo(tmp_path / "tool")
    vendor = repo / "src/tool/_vendor"
    write(vendor / "__init__.py", "")
    write(vendor / "vendor.txt", "richtext==13.9.4\nolddirs==2.6.2\n")
    for name in ("richtext", "olddirs"):
        write(vendor / name / "__init__.py", f'"""{name}: vendored."""\n\n'
              + "".join(f"def f{i}():\n    return {i}\n\n" for i in range(400)))
        write(vendor / name / "LICENSE", "MIT License\n\nPermission is hereby granted, free of")
    write(repo / "src/tool/__init__.py", "")
    write(repo / "src/tool/cli.py", "from tool._vendor.richtext import f1\n\n\n"
          "def main():\n    return f1()\n")
    write(repo / "pyproject.toml", "[project]\nname = 'tool'\n\n[tool.vendoring]\n"
          "destination = 'src/tool/_vendor/'\nrequirements = 'src/tool/_vendor/vendor.txt'\n")
    commit(repo)
    report = scan_json(repo, "--select", "TDY4", "--large-file", "1KB")
    assert _codes_by_path(report) == {"src/tool/_vendor/richtext": "TDY403",
                                      "src/tool/_vendor/olddirs": "TDY401"}


def test_a_resolvers_fixture_node_modules_is_test_input(tmp_path: Path) -> None:
    """A module resolver's tests commit node_modules trees as fixtures (browserify's
    resolve, eslint, jest): the fixture was TDY102 'committed artifact', failing the run,
    with `git rm --cached` as its fix (which breaks the tests), and its package TDY401
    'high confidence unused' (its only users are tests). Below tests/fixtures it is test
    input; the project's own node_modules is still reported."""
    repo = make_repo(tmp_path / "resolver")
    write(repo / "package.json", json.dumps({"name": "resolver", "version": "1.0.0"}))
    write(repo / "lib/resolve.js", "module.exports = function resolve(x) { return x; };\n")
    fixture = repo / "test/fixtures/basic/node_modules/dep"
    write(fixture / "package.json", json.dumps({"name": "dep", "main": "index.js"}))
    write(fixture / "index.js", "module.exports = 1;\n")
    write(repo / "test/resolve.test.js",
          "const r = require('../lib/resolve');\nrequire('assert').equal(r('dep'), 'dep');\n")
    commit(repo)
    write(repo / "node_modules/tape/package.json", json.dumps({"name": "tape"}))
    write(repo / "node_modules/tape/index.js", "module.exports = {};\n")
    report = scan_json(repo)
    found = {(f["code"], f["path"]) for f in findings(report)}
    assert ("TDY101", "node_modules") in found
    assert not {f for f in found if f[1].startswith("test/")}, found
    assert report["_exit"] == 0


def test_a_vendored_library_with_a_non_utf8_name_is_judged_not_a_crash(tmp_path: Path) -> None:
    """A repo that committed a library under a Latin-1 folder name (third_party/caf\\xe9):
    its path became a search pattern that could not be encoded, and every scan of the repo
    ended in 'internal error: UnicodeEncodeError' (exit 3). The name is kept as the bytes it
    is, searched for, and reported."""
    repo = make_repo(tmp_path / "r")
    odd = os.fsdecode(b"caf\xe9")
    _python_package(repo, f"third_party/{odd}", "cafelib")
    _python_package(repo, "third_party/usedlib", "usedlib")
    write(repo / "app.py", "from usedlib import helper\n\nprint(helper())\n")
    commit(repo)
    report = scan_json(repo, "--select", "TDY4")
    assert report["_exit"] == 0
    assert _codes_by_path(report) == {f"third_party/{odd}": "TDY401"}


def test_a_c_projects_include_directives_are_uses_of_its_third_party_libraries(
    tmp_path: Path
) -> None:
    """A C/C++ project (CMakeLists.txt puts third_party/ on the include path) uses fmt and
    stb through `#include <fmt/core.h>` and `#include "stb/stb_image.h"`: lines that start
    with '#', read as comments, so both were TDY401 'high confidence unused' with `git rm -r`
    as their fix. A preprocessor directive in a C-family file is code; the same words in a
    Python comment are not; json, which nothing includes, is still unused."""
    repo = make_repo(tmp_path / "app")
    write(repo / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(app C)\n"
          "include_directories(${CMAKE_SOURCE_DIR}/third_party)\n"
          "add_executable(app src/main.c)\n")
    write(repo / "src/main.c", '#define STB_IMAGE_IMPLEMENTATION\n#include "stb/stb_image.h"\n'
          "#  include <fmt/core.h>\n\nint main(void) { return 0; }\n")
    write(repo / "tools/gen.py", "# include <json/json.hpp> once the generator needs it\n")
    body = "".join(f"static int f{i}(int x) {{ return x + {i}; }}\n" for i in range(200))
    write(repo / "third_party/stb/stb_image.h",
          "/* stb_image - v2.30 - public domain image loader */\n" + body)
    write(repo / "third_party/fmt/include/fmt/core.h", "// Formatting library for C++\n" + body)
    write(repo / "third_party/fmt/LICENSE", "Permission is hereby granted, free of charge\n")
    write(repo / "third_party/json/include/json/json.hpp", "// JSON for Modern C++\n" + body)
    write(repo / "third_party/json/LICENSE.MIT", "MIT License\n")
    commit(repo)
    report = scan_json(repo, "--select", "TDY4", "--large-file", "1KB")
    assert _codes_by_path(report) == {"third_party/fmt": "TDY403", "third_party/stb": "TDY403",
                                      "third_party/json": "TDY401"}


def test_cmake_lists_and_requirement_files_are_build_input_not_prose(tmp_path: Path) -> None:
    """Every .txt counted as documentation, so `add_subdirectory(fmt)` in
    third_party/CMakeLists.txt and `-e ./vendor/mylib` in requirements.txt were weak
    mentions, and both libraries TDY401 'high confidence unused'. CMakeLists.txt and pip's
    requirement and constraint files are build input; a notes.txt is still prose."""
    repo = make_repo(tmp_path / "app")
    write(repo / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(app CXX)\n"
          "add_subdirectory(third_party)\nadd_executable(app src/main.cpp)\n")
    write(repo / "src/main.cpp", "int main() { return 0; }\n")
    write(repo / "third_party/CMakeLists.txt", "add_subdirectory(fmt)\n")
    write(repo / "third_party/fmt/CMakeLists.txt",
          "project(FMT CXX)\nadd_library(fmt src/format.cc)\n")
    write(repo / "third_party/fmt/src/format.cc", "// fmt\nint fmt_version = 11;\n")
    write(repo / "third_party/fmt/LICENSE", "Permission is hereby granted, free of charge\n")
    _python_package(repo, "vendor/mylib", "mylib")
    _python_package(repo, "vendor/oldlib", "oldlib")
    write(repo / "requirements-dev.txt", "pytest>=8\n-e ./vendor/mylib\n")
    write(repo / "notes.txt", "oldlib lives in vendor/oldlib until we drop it\n")
    commit(repo)
    report = scan_json(repo, "--select", "TDY4", "--large-file", "1B")
    assert _codes_by_path(report) == {"third_party/fmt": "TDY403", "vendor/mylib": "TDY403",
                                      "vendor/oldlib": "TDY401"}


def test_a_committed_composer_vendor_folder_counts_its_own_autoloader(tmp_path: Path) -> None:
    """A PHP project that commits Composer's vendor/ (WordPress plugins, shared hosting):
    vendor/ beside composer.json is also the catalogue's Composer folder, so every file in
    it was left out of the search as an artifact's, and vendor/composer (the autoloader that
    vendor/autoload.php loads) and vendor/psr (which monolog uses) were TDY401 'high
    confidence unused'. A tracked vendor/ is somebody's code, as TDY102 already held it."""
    repo = make_repo(tmp_path / "app")
    write(repo / "composer.json", json.dumps({"name": "acme/app", "require": {
        "monolog/monolog": "^3.5"}, "autoload": {"psr-4": {"Acme\\\\": "src/"}}}))
    write(repo / "public/index.php",
          "<?php\nrequire __DIR__ . '/../vendor/autoload.php';\n\n(new Acme\\App())->run();\n")
    write(repo / "src/App.php", "<?php\nnamespace Acme;\n\nuse Monolog\\Logger;\n\n"
          "class App { public function run(): void { (new Logger('app'))->info('hi'); } }\n")
    write(repo / "vendor/autoload.php", "<?php\n// autoload.php @generated by Composer\n"
          "require_once __DIR__ . '/composer/autoload_real.php';\n"
          "return ComposerAutoloaderInit::getLoader();\n")
    write(repo / "vendor/composer/autoload_real.php",
          "<?php\nclass ComposerAutoloaderInit { public static function getLoader() {} }\n")
    write(repo / "vendor/composer/LICENSE", "Copyright (c) Nils Adermann, Jordi Boggiano\n")
    write(repo / "vendor/monolog/monolog/composer.json", '{"name": "monolog/monolog"}\n')
    write(repo / "vendor/monolog/monolog/src/Monolog/Logger.php",
          "<?php\nnamespace Monolog;\n\nuse Psr\\Log\\LoggerInterface;\n\nclass Logger {}\n")
    write(repo / "vendor/psr/log/composer.json", '{"name": "psr/log"}\n')
    write(repo / "vendor/psr/log/src/LoggerInterface.php",
          "<?php\nnamespace Psr\\Log;\n\ninterface LoggerInterface {}\n")
    commit(repo)
    report = scan_json(repo, "--select", "TDY1,TDY4", "--large-file", "1B")
    assert _codes_by_path(report) == {"vendor/composer": "TDY403", "vendor/monolog": "TDY403",
                                      "vendor/psr": "TDY403"}
    assert not findings(report, "TDY102")


def test_sprockets_require_directives_are_uses(tmp_path: Path) -> None:
    """A Rails app loads vendor/assets/ through Sprockets directives, which are written as
    comments (`//= require select2/select2` in application.js, ` *= require select2/select2`
    in application.css): they were weak mentions and Select2 TDY401 'high confidence unused'.
    In an asset file they are code; a plain comment naming it is not."""
    repo = make_repo(tmp_path / "app")
    write(repo / "Gemfile", "source 'https://rubygems.org'\ngem 'rails', '~> 6.1'\n")
    write(repo / "app/assets/javascripts/application.js",
          "//= require rails-ujs\n//= require select2/select2\n//= require_tree .\n")
    write(repo / "app/assets/stylesheets/application.css",
          "/*\n *= require select2/select2\n *= require_self\n */\nbody { margin: 0; }\n")
    write(repo / "vendor/assets/javascripts/select2/select2.js",
          "/*! Select2 4.0.13 | https://github.com/select2/select2 */\n" + MINIFIED)
    write(repo / "vendor/assets/stylesheets/select2/select2.css", ".select2 { margin: 0 }\n")
    write(repo / "lib/old/README.md", "We used to vendor select2 here.\n")
    commit(repo)
    report = scan_json(repo, "--select", "TDY4", "--large-file", "1KB")
    assert _codes_by_path(report) == {"vendor/assets": "TDY403"}
    # the same directive in a Ruby comment is no use
    write(repo / "app/assets/javascripts/application.js", "//= require rails-ujs\n")
    write(repo / "app/assets/stylesheets/application.css", "body { margin: 0; }\n")
    write(repo / "config/notes.rb", "# //= require select2/select2 (removed)\n")
    commit(repo, ".")
    report = scan_json(repo, "--select", "TDY4", "--large-file", "1KB")
    assert _codes_by_path(report) == {"vendor/assets": "TDY401"}


def test_a_library_only_the_test_suite_builds_is_used(tmp_path: Path) -> None:
    """googletest under third_party/, added by test/CMakeLists.txt alone (the usual C++
    layout): every mention in a test counted as weak, so it was TDY401 'high confidence
    unused' with `git rm -r` as its fix, and the test build would break. A test's load of a
    library (its path outside a comment, an import, an #include) is a use; a test that only
    names one in a string is not (oldmock, asserted absent, stays unused)."""
    repo = make_repo(tmp_path / "calc")
    write(repo / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.14)\nproject(calc CXX)\n"
          "add_library(calc src/calc.cpp)\nenable_testing()\nadd_subdirectory(test)\n")
    write(repo / "src/calc.cpp", "int add(int a, int b) { return a + b; }\n")
    write(repo / "test/CMakeLists.txt",
          "add_subdirectory(${PROJECT_SOURCE_DIR}/third_party/googletest googletest)\n"
          "add_executable(calc_test calc_test.cpp)\n"
          "target_link_libraries(calc_test calc gtest_main)\n")
    write(repo / "test/calc_test.cpp", "#include <gtest/gtest.h>\nint add(int, int);\n"
          "TEST(Calc, Add) { EXPECT_EQ(add(1, 2), 3); }\n")
    write(repo / "test/test_layout.py", "import os\n\n\ndef test_no_mock_copy():\n"
          "    assert not os.path.exists('oldmock')\n")
    write(repo / "third_party/googletest/CMakeLists.txt", "project(googletest-distribution)\n")
    write(repo / "third_party/googletest/LICENSE", "Copyright 2008, Google Inc.\n")
    write(repo / "third_party/googletest/googletest/include/gtest/gtest.h", "// gtest\n")
    _python_package(repo, "third_party/oldmock", "oldmock")
    commit(repo)
    report = scan_json(repo, "--select", "TDY4", "--large-file", "1B")
    assert _codes_by_path(report) == {"third_party/googletest": "TDY403",
                                      "third_party/oldmock": "TDY401"}


# ------------------------------------------- the early job's count of searched files, by folder
_segment = st.sampled_from(["a", "b", "ab", "a.b", "a-b", "é", "z"])
_rel = st.lists(_segment, min_size=1, max_size=4).map("/".join)


@given(paths=st.sets(_rel, max_size=40), folders=st.lists(_rel, max_size=4))
def test_searched_files_counted_by_folder_as_by_path(paths: set[str],
                                                      folders: list[str]) -> None:
    """What crosses from the early job (per_folder) counts the files outside the walk's
    artifacts as the paths themselves did (textscan.outside)."""
    counts = per_folder(paths)
    assert sum(n for _, n in counts) == len(paths)
    assert count_outside(counts, folders) == len(outside(sorted(paths), folders))


def test_an_untracked_file_can_still_make_a_library_used(tmp_path: Path) -> None:
    """The verdicts of the tracked files' matches are judged while git lists the untracked
    files; an untracked file that refers to a library judges again with its match (a used
    library is no TDY401), one that does not leaves the first verdicts as they were."""
    repo = make_repo(tmp_path / "site")
    _library(repo, "static/vendor/ketcher", "ketcher")
    write(repo / "app.py", "print('no library named here')\n")
    commit(repo)
    write(repo / "notes/todo.txt", "nothing about any library\n")  # untracked, no match
    unused = {path: code for code, path, *_ in _without_timings(scan_json(repo))}  # type: ignore[misc]
    assert unused.get("static/vendor/ketcher") == "TDY401"
    write(repo / "notes/draft.html",  # untracked: its reference counts as a use
          '<script src="/static/vendor/ketcher/ketcher.min.js"></script>\n')
    used = {path: code for code, path, *_ in _without_timings(scan_json(repo))}  # type: ignore[misc]
    assert "static/vendor/ketcher" not in used or used["static/vendor/ketcher"] == "TDY403"


# --------------------------- the untracked listing, begun while the early job is waited for
def _slow_index_work(*args: Any) -> dict[str, object]:
    """The engine's early job, half a second late (in the worker): still running when a
    small test tree's walk ends, so TDY401's listing of untracked files begins then."""
    import time

    import tidy.engine

    time.sleep(0.5)
    return tidy.engine._index_work_unslowed(*args)  # type: ignore[attr-defined, no-any-return]


def _slow_early_job(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Every group's begun work (engine._begin's answer), as the scans go."""
    import tidy.engine
    import tidy.workspace.early

    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    monkeypatch.setattr(tidy.engine, "_index_work_unslowed", tidy.engine._index_work,
                        raising=False)
    monkeypatch.setattr(tidy.engine, "_index_work", _slow_index_work)
    begun: list[dict[str, object]] = []
    real_begin = tidy.engine._begin

    def begin(*args: Any) -> dict[str, object]:
        begun.append(real_begin(*args))
        return begun[-1]

    monkeypatch.setattr(tidy.engine, "_begin", begin)
    return begun


def test_the_untracked_listing_begun_after_the_walk_sees_a_file_made_during_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git lists the untracked files once the walk has ended, before the early job is done:
    a file written while the walk ran (here as it waits for its measuring) is listed, and
    its reference makes the library used."""
    from tidy.workspace.textscan import PendingFiles
    from tidy.workspace.walk import Walker

    repo = make_repo(tmp_path / "site")
    _library(repo, "static/vendor/ketcher", "ketcher")
    write(repo / "app.py", "print('no library named here')\n")
    commit(repo)
    before = {path: code for code, path, *_ in _without_timings(scan_json(repo))}  # type: ignore[misc]
    assert before.get("static/vendor/ketcher") == "TDY401"
    begun = _slow_early_job(monkeypatch)
    real_wait = Walker._before_waiting

    def written_during_the_walk(walker: Walker) -> None:
        write(repo / "notes/draft.html",
              '<script src="/static/vendor/ketcher/ketcher.min.js"></script>\n')
        real_wait(walker)

    monkeypatch.setattr(Walker, "_before_waiting", written_during_the_walk)
    after = {path: code for code, path, *_ in _without_timings(scan_json(repo))}  # type: ignore[misc]
    assert [type(b.get("TDY401")) for b in begun] == [PendingFiles]
    assert "static/vendor/ketcher" not in after or after["static/vendor/ketcher"] == "TDY403"


def test_a_begun_listing_gives_what_a_listing_after_the_early_job_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One library (its own folder is left out of the listing in Python, not by git), an
    artifact folder (left out by git), a repo with nothing committed yet: the same findings
    whether the listing began early or not."""
    repo = make_repo(tmp_path / "site")
    _library(repo, "static/vendor/ketcher", "ketcher")
    write(repo / "package.json", '{"name": "site"}\n')
    git(repo, "add", "-A")  # staged, no commit: an index, no HEAD
    write(repo / "node_modules/x/index.js", "require('/static/vendor/ketcher/ketcher.min.js')\n")
    write(repo / "static/vendor/ketcher/extra.js", "// untracked, inside the library\n")
    write(repo / "notes/todo.txt", "nothing about any library\n")
    inline = _without_timings(scan_json(repo, "--no-cache"))
    begun = _slow_early_job(monkeypatch)
    early = _without_timings(scan_json(repo, "--no-cache"))
    assert begun and all("TDY401" in b for b in begun)
    assert early == inline
    assert [path for _, path, *_ in early] == ["static/vendor/ketcher"]  # type: ignore[misc]


def test_a_begun_listing_not_wanted_is_stopped_and_reaped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No library in the repo: the listing begun after the walk is not needed, and its git
    is stopped and reaped by the time the scan returns. Without git on PATH nothing begins."""
    from tests.git_calls import GitRecorder, still_there

    repo = make_repo(tmp_path / "site")
    write(repo / "app.py", "print('nothing vendored')\n")
    commit(repo)
    recorder = GitRecorder(tmp_path / "git")
    monkeypatch.setenv("PATH", recorder.env()["PATH"])
    begun = _slow_early_job(monkeypatch)
    assert findings(scan_json(repo), "TDY401") == []
    listings = [c for c in recorder.calls() if c.asks("ls-files") and c.asks("--others")]
    assert len(begun) == 1 and len(listings) == 1
    assert not still_there(listings[0])
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    assert findings(scan_json(repo), "TDY401") == []
    assert begun[-1]["TDY401"] is None  # (TDY201 begins nothing with the cache either)


def test_a_finished_early_job_decides_whether_the_listing_begins(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the early job has ended by the time the walk does, its answer is looked at
    first: no library, no listing of untracked files at all; a library, the listing begins
    before the rest of the group's context is made."""
    import tidy.engine
    import tidy.workspace.early
    from tests.git_calls import GitRecorder
    from tidy.workspace.textscan import PendingFiles
    from tidy.workspace.walk import Walker

    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    real_wait = Walker._before_waiting

    def after_the_early_job(walker: Walker) -> None:
        time.sleep(1.0)  # the early job (a tiny index) is done by then
        real_wait(walker)

    monkeypatch.setattr(Walker, "_before_waiting", after_the_early_job)
    begun: list[dict[str, object]] = []
    real_begin = tidy.engine._begin
    monkeypatch.setattr(tidy.engine, "_begin",
                        lambda *args: begun.append(real_begin(*args)) or begun[-1])
    recorder = GitRecorder(tmp_path / "git")
    monkeypatch.setenv("PATH", recorder.env()["PATH"])
    plain = make_repo(tmp_path / "plain")
    write(plain / "app.py", "print('nothing vendored')\n")
    commit(plain)
    assert findings(scan_json(plain), "TDY401") == []
    assert [b["TDY401"] for b in begun] == [None]
    assert not [c for c in recorder.calls() if c.asks("--others")]
    site = make_repo(tmp_path / "site")
    _library(site, "static/vendor/ketcher", "ketcher")
    commit(site)
    assert findings(scan_json(site), "TDY401")
    assert isinstance(begun[-1]["TDY401"], PendingFiles)


@pytest.mark.parametrize("change", ["fewer", "other", "none"])
def test_a_listing_started_ahead_gives_what_a_listing_after_the_walk_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    """The engine starts the untracked listing once the tree is explored, leaving out the
    artifact folders known then. Leaving out fewer (node_modules not left out by git, so
    its referring file is dropped in Python) it is taken over; leaving out one TDY401's own
    listing would not (notes/, where a referring file may be), it is stopped and the listing
    made again. Either way the same findings as a scan that started none."""
    import tidy.engine
    import tidy.rules.vendored as vendored
    import tidy.workspace.early
    from tidy.workspace.textscan import PendingFiles

    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    repo = make_repo(tmp_path / "site")
    _library(repo, "static/vendor/ketcher", "ketcher")
    write(repo / "package.json", '{"name": "site"}\n')
    write(repo / "build/keep.txt", "a tracked file in a folder of an ambiguous name\n")
    commit(repo)
    refer = '<script src="/static/vendor/ketcher/ketcher.min.js"></script>\n'
    write(repo / "node_modules/x/index.js", refer)  # an artifact's file: no use
    write(repo / "notes/todo.txt", "nothing about any library\n")
    real_ahead = vendored.list_untracked_ahead
    monkeypatch.setattr(vendored, "list_untracked_ahead", lambda *_: None)
    none_ahead = _without_timings(scan_json(repo))
    assert [path for _, path, *_ in none_ahead] == ["static/vendor/ketcher"]  # type: ignore[misc]
    started: list[PendingFiles | None] = []

    def ahead(root: str, dirs: list[str], *rest: Any) -> PendingFiles | None:
        dirs = {"fewer": [d for d in dirs if d != "node_modules"], "other": [*dirs, "notes"],
                "none": dirs}[change]
        started.append(real_ahead(root, dirs, *rest))
        return started[-1]

    taken: list[bool] = []
    real_begin = tidy.engine._begin

    def begin(ctx: Any, config: Any) -> dict[str, object]:
        begun = real_begin(ctx, config)
        taken.append(begun.get("TDY401") is ctx.started.get("TDY401"))
        return begun

    monkeypatch.setattr(vendored, "list_untracked_ahead", ahead)
    monkeypatch.setattr(tidy.engine, "_begin", begin)
    assert _without_timings(scan_json(repo)) == none_ahead
    assert len(started) == 1 and started[0] is not None
    assert "build" not in started[0].skip  # tracked inside: TDY401's own listing reads it
    assert ("node_modules" in started[0].skip) == (change != "fewer")
    assert taken == [change != "other"]
    write(repo / "notes/draft.html", refer)  # untracked and read: the library is used
    assert "static/vendor/ketcher" not in [
        path for _, path, *_ in _without_timings(scan_json(repo))]  # type: ignore[misc]


def test_the_main_process_takes_the_early_jobs_verdicts_of_the_very_same_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The early job judged the tracked files' matches to know which libraries to ask history
    about; the main process, finding the same matches (none in an artifact folder), judges
    nothing again, and reports what it reports when it judges them itself."""
    import tidy.analysis.vendored.evidence as evidence
    import tidy.workspace.early

    repo = make_repo(tmp_path / "site")
    _add_then_drop_the_editor(repo)
    inline = scan_json(repo, "--no-cache")  # each scan judges afresh (no noted answers)
    real_judge = evidence.judge
    judged_here: list[int] = []

    def counted(*args: Any) -> list[Any]:
        if os.getpid() == main_pid:
            judged_here.append(1)
        return real_judge(*args)

    main_pid = os.getpid()
    monkeypatch.setattr(evidence, "judge", counted)
    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    early = scan_json(repo, "--no-cache")
    assert _without_timings(early) == _without_timings(inline)
    assert judged_here == []
    codes = {path: code for code, path, *_ in _without_timings(early)}  # type: ignore[misc]
    assert codes["static/vendor/ketcher"] == "TDY401"


def test_judging_with_a_memo_of_grades_gives_the_same_verdicts_and_grades_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The early job hands the main process what grade() said of each match it judged; the
    main process judges the same matches less those in artifact folders (or more: untracked
    ones) with it, and gets what judging them afresh gives, grading only the new ones."""
    import tidy.analysis.vendored.evidence as evidence
    from tidy.rules.vendored import _references
    from tidy.workspace.textscan import search

    repo = make_repo(tmp_path / "site")
    _site_using_two_libraries(repo)
    write(repo / "docs/setup.md", "Copy static/vendor/ketcher/ketcher.min.js by hand.\n")
    write(repo / "build/app.js", "require('/static/vendor/ketcher/ketcher.min.js')\n")
    commit(repo)
    tracked = git(repo, "ls-files").split()
    found = _references(str(repo), tracked)
    libraries, patterns = list(found.libraries), list(found.patterns)
    matches, _ = search(str(repo), found.request.files, found.request.patterns)
    assert len(matches) > 3
    grades: dict[Any, str | None] = {}
    assert evidence.judge(libraries, patterns, matches, grades) == evidence.judge(
        libraries, patterns, matches)
    assert grades
    graded: list[Any] = []
    real_grade = evidence.grade

    def counted(match: Any, pattern: Any) -> str | None:
        graded.append(match)
        return real_grade(match, pattern)

    fewer = [m for m in matches if not m.path.startswith("build/")]  # an artifact's left out
    afresh = evidence.judge(libraries, patterns, fewer)
    monkeypatch.setattr(evidence, "grade", counted)
    assert evidence.judge(libraries, patterns, fewer, dict(grades)) == afresh
    assert graded == []  # every one of them was graded by the first judgement
    more = [*fewer, Match("notes/todo.py", 0, 1, "import ketcher")]  # an untracked one added
    evidence.judge(libraries, patterns, more, dict(grades))
    assert graded == [more[-1]]


def test_the_grades_a_part_of_the_pass_works_out_are_those_judge_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each process of a split pass grades its first-party matches (first_party_grades);
    judge() with them grades nothing of those again, and gives the same verdicts."""
    import tidy.analysis.vendored.evidence as evidence
    from tidy.rules.vendored import _references
    from tidy.workspace.textscan import search

    repo = make_repo(tmp_path / "site")
    _site_using_two_libraries(repo)
    write(repo / "docs/setup.md", "Copy static/vendor/ketcher/ketcher.min.js by hand.\n")
    write(repo / "static/vendor/jquery/plugin.js", "// needs ketcher.min.js\n")
    commit(repo)
    found = _references(str(repo), git(repo, "ls-files").split())
    libraries, patterns = list(found.libraries), list(found.patterns)
    matches, _ = search(str(repo), found.request.files, found.request.patterns)
    afresh = evidence.judge(libraries, patterns, matches)
    memo = evidence.first_party_grades(libraries, patterns, matches)
    assert memo and all(not m.path.startswith("static/vendor/") for m in memo)
    graded: list[Any] = []
    real_grade = evidence.grade
    monkeypatch.setattr(evidence, "grade",
                        lambda match, pattern: graded.append(match) or real_grade(match, pattern))
    assert evidence.judge(libraries, patterns, matches, dict(memo)) == afresh
    assert not set(graded) & set(memo)


# ------------------------ the early job's history walk, after its hand-over (engine._hand_over)
def _walk_late(self: References, content: Any) -> None:
    time.sleep(0.5)  # the main process's checks are done long before
    _WALK_HISTORY(self, content)


def _walk_fails(self: References, content: Any) -> None:
    raise RuntimeError("the walk failed")


def _worker_killed(self: References, content: Any) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


_WALK_HISTORY = References.walk_history


@pytest.mark.slow
@pytest.mark.parametrize("walk, main_asks_git", [(_walk_late, False), (_walk_fails, True),
                                                 (_worker_killed, True)])
def test_last_referenced_is_the_same_however_the_early_walk_goes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        walk: Callable[[References, Any], None], main_asks_git: bool) -> None:
    """Without the cache the early job hands its answers over before it walks the history,
    and the main process's checks go on meanwhile: TDY401 waits for the walk's notes (a
    slow walk), or, when the walk fails or its worker dies, asks git itself; the answer is
    the same."""
    import tidy.workspace.early
    from tidy.workspace.githistory import LastReferences

    repo = make_repo(tmp_path / "site")
    _add_then_drop_the_editor(repo)
    expected = git(repo, "log", "-1", "--format=%h %as %s").strip()
    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    monkeypatch.setattr(References, "walk_history", walk)  # the worker inherits it
    asked_here: list[int] = []
    answer = LastReferences._answer

    def counted(self: LastReferences, root: str) -> None:
        asked_here.append(os.getpid())
        answer(self, root)

    monkeypatch.setattr(LastReferences, "_answer", counted)
    handed: list[bool] = []
    rest = tidy.workspace.early.EarlyWork.rest

    def seen_rest(self: tidy.workspace.early.EarlyWork, root: str) -> dict[str, object]:
        handed.append(self.handed_over(root))
        return rest(self, root)

    monkeypatch.setattr(tidy.workspace.early.EarlyWork, "rest", seen_rest)
    report = scan_json(repo, "--no-cache")
    details = {f["path"]: dict(f["details"]) for f in findings(report)
               if f["code"].startswith("TDY4")}
    assert details["static/vendor/ketcher"]["last referenced"] == expected
    assert "last referenced" not in details.get("static/vendor/jquery", {})
    assert handed == [True]  # the answers came before the walk
    assert bool(asked_here) == main_asks_git
