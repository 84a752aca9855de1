"""Round 5 of the ecosystem audit (bench/eco_audit.py --round 5, 2026-12-06): JavaScript test
reporters, docs sites and server builds installed from npm and run for real, Python build
folders, SwiftPM's per-package state, Bazel's convenience links; and the hand-written, tracked
or linked folders of the same names that must stay.

What each tool wrote (git status --ignored after the build; the trees below are written as
these versions wrote them, the tools being no dependency of this project, except Bazel's test,
which runs bazel where it is installed):
- Playwright Test 1.65.2 (`npx playwright test`, html reporter; no browser needed by tests
  that use none): playwright-report/index.html; test-results/.last-run.json ({"status":
  "passed", "failedTests": []}) and a folder per test with attachments (test-results/a-attaches);
  `--reporter=blob`: blob-report/report.zip.
- nitropack 2.13.6 (`nitropack build`): .output/nitro.json, .output/server/index.mjs,
  .output/public/; .nitro/types/nitro.d.ts (and nitro-routes.d.ts, tsconfig.json ...).
- VitePress 1.6.4: `vitepress build docs` -> docs/.vitepress/dist/ (index.html, 404.html,
  hashmap.json, assets/); `vitepress dev docs` and a page asked for ->
  docs/.vitepress/cache/deps/ (_metadata.json, vue.js, chunk-*.js, package.json).
- Parcel 2.16.4 (`parcel build`, package.json "source": "src/index.html"): dist/index.html,
  dist/parcel.200036c6.js and its .map; .parcel-cache/.
- setuptools 65.5 (`setup.py egg_info` with setup_requires=["six"]): .eggs/README.txt ("This
  directory contains eggs that were downloaded by setuptools ...") and .eggs/six-1.17.0-py3.11.egg/.
- pdm-backend 2.5.0 (`pip install -e .`, `python -m build`): .pdm-build/ holding .gitignore
  ("*") and pyproject.toml; the editable install's .pth names src/, not .pdm-build/.
- bazel 4.2.3 (Debian's bazel-bootstrap): bazel-bin, bazel-out, bazel-testlogs, bazel-<ws>,
  links into the output base under ~/.cache/bazel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import findings, make_repo, scan_foundation, write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import (
    artifacts_by_path,
    build,
    commit_all,
    fix_artifacts,
    fix_moves_exactly,
    left_alone,
)

_LAST_RUN = '{\n  "status": "passed",\n  "failedTests": []\n}'


def _playwright_project(root: Path) -> Path:
    write(root / "package.json", '{"name":"pw","private":true,'
          '"devDependencies":{"@playwright/test":"1.65.2"}}\n')
    write(root / "playwright.config.ts", "import { defineConfig } from '@playwright/test';\n"
          "export default defineConfig({ testDir: './tests' });\n")
    write(root / "tests" / "a.spec.ts", "import { test } from '@playwright/test';\n")
    commit_all(root)
    return root


def _playwright_outputs(root: Path) -> None:
    write(root / "playwright-report" / "index.html", "<!DOCTYPE html><html>")
    write(root / "test-results" / ".last-run.json", _LAST_RUN)
    (root / "test-results" / "a-attaches").mkdir()
    write(root / "blob-report" / "report.zip", b"PK\x03\x04" + b"\0" * 60)


# ------------------------------------------------------------------------------ Playwright
def test_playwrights_report_and_test_results_are_found_and_moved(tmp_path: Path) -> None:
    """playwright-report/, blob-report/ and test-results/ beside playwright.config.ts were
    missed (only node_modules was reported); now found, moved, and undo puts back every byte."""
    root = _playwright_project(make_repo(tmp_path / "pw"))
    _playwright_outputs(root)
    assert artifacts_by_path(root) == {
        "playwright-report": ("playwright-report", "safe"),
        "blob-report": ("playwright-report", "safe"),
        "test-results": ("playwright-test-results", "safe")}
    fix_moves_exactly(root, tmp_path / "state",
                      {"playwright-report", "blob-report", "test-results"})


def test_a_test_results_folder_playwright_did_not_write_stays(tmp_path: Path) -> None:
    """test-results/ of JUnit XML beside a Playwright config (no .last-run.json), a
    playwright-report/ with no config beside it, a test-results/ that is a link to
    Playwright's elsewhere: none is Playwright's output here."""
    root = _playwright_project(make_repo(tmp_path / "pw"))
    write(root / "test-results" / "junit.xml", "<testsuites/>\n")
    elsewhere = _playwright_project(make_repo(tmp_path / "other"))
    _playwright_outputs(elsewhere)
    (root / "e2e").mkdir()
    (root / "e2e" / "test-results").symlink_to(elsewhere / "test-results")
    bare = make_repo(tmp_path / "bare")
    write(bare / "package.json", "{}\n")
    write(bare / "playwright-report" / "index.html", "<html>my notes</html>\n")
    commit_all(bare)
    outside = snapshot(elsewhere)
    left_alone(root, tmp_path / "state", "test-results", "e2e/test-results")
    left_alone(bare, tmp_path / "state", "playwright-report")
    assert snapshot(elsewhere) == outside


def test_a_committed_playwright_report_is_never_moved(tmp_path: Path) -> None:
    """A report someone committed (a tracked folder) is TDY102's at most: the safe fix
    neither moves nor untracks it."""
    root = _playwright_project(make_repo(tmp_path / "pw"))
    write(root / "playwright-report" / "index.html", "<html>")
    commit_all(root)
    assert "playwright-report" not in artifacts_by_path(root)
    backdate(root)
    before = snapshot(root)
    fix_artifacts(root, tmp_path / "state")
    assert snapshot(root) == before


# ------------------------------------------------------------------------------ Nitro, Nuxt
def _node_project(root: Path) -> Path:
    write(root / "package.json", '{"name":"nt","private":true}\n')
    write(root / "nitro.config.ts", "export default defineNitroConfig({})\n")
    commit_all(root)
    return root


def test_nitros_output_and_build_folder_are_found_and_moved(tmp_path: Path) -> None:
    """`nitropack build`: .output/ (nitro.json at its top) was found as Nuxt's by its name
    alone; .nitro/ (generated types) was missed."""
    root = _node_project(make_repo(tmp_path / "nt"))
    write(root / ".output" / "nitro.json", '{"date":"2026-12-06","preset":"node-server"}\n')
    write(root / ".output" / "server" / "index.mjs", "export {};\n")
    (root / ".output" / "public").mkdir()
    write(root / ".nitro" / "types" / "nitro.d.ts", "export {}\n")
    assert artifacts_by_path(root) == {".output": ("nitro-output", "safe"),
                                       ".nitro": ("nitro-build", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {".output", ".nitro"})


def test_a_hand_written_output_folder_beside_package_json_stays(tmp_path: Path) -> None:
    """An `.output/` of someone's own files beside package.json (no nitro.json): the start
    called it Nuxt's build output by its name and the safe fix moved it. Nitro's always holds
    nitro.json; this one stays, and so does a `.nitro/` of notes."""
    root = make_repo(tmp_path / "app")
    write(root / "package.json", '{"name":"app","private":true}\n')
    write(root / "nuxt.config.ts", "export default defineNuxtConfig({})\n")
    commit_all(root)
    write(root / ".output" / "report.csv", "a,b\n1,2\n")
    write(root / ".output" / "server" / "notes.md", "mine\n")
    write(root / ".nitro" / "notes.md", "mine\n")
    left_alone(root, tmp_path / "state", ".output", ".nitro")


# ------------------------------------------------------------------------------ VitePress
def _vitepress_site(root: Path) -> Path:
    write(root / "package.json", '{"name":"vp","private":true}\n')
    write(root / "docs" / ".vitepress" / "config.mts", "export default { title: 'Demo' }\n")
    write(root / "docs" / "index.md", "# Hello\n")
    commit_all(root)
    return root


def test_vitepress_cache_and_dist_are_found_and_moved(tmp_path: Path) -> None:
    """.vitepress/cache/ (Vite's optimised dependencies) and .vitepress/dist/ (the site):
    both missed (no marker the other dist kinds know is beside them)."""
    root = _vitepress_site(make_repo(tmp_path / "vp"))
    vp = root / "docs" / ".vitepress"
    write(vp / "cache" / "deps" / "_metadata.json", '{"hash":"0d1c1a2b","optimized":{}}\n')
    write(vp / "cache" / "deps" / "vue.js", "export {};\n")
    write(vp / "dist" / "index.html", "<html>")
    write(vp / "dist" / "hashmap.json", '{"index.md":"BqL5bW9w"}')
    write(vp / "dist" / "assets" / "app.BqL5bW9w.js", "x")
    assert artifacts_by_path(root) == {
        "docs/.vitepress/cache": ("vitepress-cache", "safe"),
        "docs/.vitepress/dist": ("vitepress-dist", "safe")}
    fix_moves_exactly(root, tmp_path / "state",
                      {"docs/.vitepress/cache", "docs/.vitepress/dist"})


def test_a_cache_or_dist_beside_a_config_file_that_vitepress_did_not_write_stays(
        tmp_path: Path) -> None:
    """A cache/ beside a config.js holding more than Vite's deps/ (someone's downloads), a
    dist/ beside config.ts without hashmap.json: left alone."""
    root = make_repo(tmp_path / "tool")
    write(root / "config.js", "module.exports = {}\n")
    write(root / "config.ts", "export default {}\n")
    commit_all(root)
    write(root / "cache" / "deps" / "_metadata.json", "{}\n")
    write(root / "cache" / "downloads" / "data.bin", size=64)
    write(root / "dist" / "index.html", "<html>mine</html>\n")
    left_alone(root, tmp_path / "state", "cache", "dist")


# ------------------------------------------------------------------------------ Parcel
def test_parcels_dist_is_found_and_a_hand_named_one_stays(tmp_path: Path) -> None:
    """`parcel build`'s dist/ (hashed bundle names) beside package.json was missed; a dist/ of
    hand-named files beside another package.json stays."""
    root = make_repo(tmp_path / "pc")
    write(root / "package.json", '{"name":"pc","source":"src/index.html"}\n')
    write(root / "src" / "index.html", "<html>")
    commit_all(root)
    write(root / "dist" / "index.html", "<html>")
    write(root / "dist" / "parcel.200036c6.js", "x")
    write(root / "dist" / "parcel.200036c6.js.map", "{}")
    assert artifacts_by_path(root) == {"dist": ("parcel-dist", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"dist"})
    other = make_repo(tmp_path / "lib")
    write(other / "package.json", '{"name":"lib"}\n')
    commit_all(other)
    write(other / "dist" / "index.html", "<html>")
    write(other / "dist" / "app.js", "x")
    write(other / "dist" / "app.1.2.3.js", "x")
    left_alone(other, tmp_path / "state", "dist")


# ------------------------------------------------------------------------------ Python
def test_setuptools_eggs_and_pdm_backends_build_folder_are_found_and_moved(
        tmp_path: Path) -> None:
    """.eggs/ (setup_requires) and .pdm-build/ were missed; now found and moved."""
    root = make_repo(tmp_path / "py")
    write(root / "setup.py", "from setuptools import setup\n"
          "setup(name='eg', version='1', py_modules=['eg'], setup_requires=['six'])\n")
    write(root / "pyproject.toml", '[build-system]\nrequires = ["pdm-backend"]\n'
          'build-backend = "pdm.backend"\n')
    write(root / "eg.py", "X = 1\n")
    commit_all(root)
    write(root / ".eggs" / "README.txt", "This directory contains eggs that were downloaded "
          "by setuptools to build, test, and run plug-ins.\n")
    write(root / ".eggs" / "six-1.17.0-py3.11.egg" / "six.py", "X = 1\n")
    write(root / ".pdm-build" / ".gitignore", "*\n")
    write(root / ".pdm-build" / "pyproject.toml", "[build-system]\n")
    assert artifacts_by_path(root) == {".eggs": ("setuptools-eggs", "safe"),
                                       ".pdm-build": ("pdm-build", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {".eggs", ".pdm-build"})


def test_eggs_and_pdm_build_folders_without_the_tools_files_stay(tmp_path: Path) -> None:
    """.eggs/ of notes beside setup.py, .pdm-build/ without pdm-backend's .gitignore, and a
    real-looking .eggs/ beside no Python project: left alone."""
    root = make_repo(tmp_path / "py")
    write(root / "setup.py", "from setuptools import setup\nsetup()\n")
    write(root / "pyproject.toml", "[project]\nname = 'x'\n")
    commit_all(root)
    write(root / ".eggs" / "notes.md", "mine\n")
    write(root / ".pdm-build" / "notes.md", "mine\n")
    bare = make_repo(tmp_path / "bare")
    write(bare / "main.c", "int main(void) { return 0; }\n")
    commit_all(bare)
    write(bare / ".eggs" / "README.txt", "This directory contains eggs\n")
    left_alone(root, tmp_path / "state", ".eggs", ".pdm-build")
    left_alone(bare, tmp_path / "state", ".eggs")


# ------------------------------------------------------------------------------ SwiftPM
def artifacts_by_path_with(root: Path, *args: str) -> dict[str, tuple[str, str]]:
    """artifacts_by_path with more scan options (`--kind` of a kind off by default)."""
    return {f["path"]: (f["kind"], f["fix"]["applicability"])
            for f in findings(scan_foundation(root, *args), "TDY101")}


def test_swiftpms_per_package_mirrors_are_not_moved_by_the_safe_fix(tmp_path: Path) -> None:
    """`swift package config set-mirror` writes .swiftpm/configuration/mirrors.json beside
    Package.swift (SwiftPM's docs; no Swift toolchain here). The start called .swiftpm/ a
    build directory and the safe fix moved it, mirrors and Xcode's schemes with it. Now it is
    the never-tier swiftpm-state: not reported by default, not moved; .build/ still is."""
    root = make_repo(tmp_path / "pkg")
    write(root / "Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\n")
    write(root / "Sources" / "pkg" / "pkg.swift", "public let x = 1\n")
    commit_all(root)
    mirrors = root / ".swiftpm" / "configuration" / "mirrors.json"
    write(mirrors, '{"object":[{"mirror":"https://example.org/m.git",'
          '"original":"https://example.org/o.git"}],"version":1}\n')
    write(root / ".swiftpm" / "xcode" / "xcshareddata" / "xcschemes" / "pkg.xcscheme", "<Scheme/>")
    write(root / ".build" / "debug.yaml", "client:\n")
    assert artifacts_by_path(root) == {".build": ("swift-build", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {".build"})
    fix_artifacts(root, tmp_path / "state")
    assert mirrors.is_file()
    shown = artifacts_by_path_with(root, "--kind", "swiftpm-state")
    assert shown == {".swiftpm": ("swiftpm-state", "unsafe")}


# ------------------------------------------------------------------------------ Bazel
@pytest.mark.skipif(shutil.which("bazel") is None, reason="needs bazel (bazel-bootstrap)")
@pytest.mark.slow
def test_a_real_bazel_build_keeps_its_links_and_output_base(tmp_path: Path) -> None:
    """A real `bazel build` (Debian's bazel 4.2.3, a genrule): the bazel-* links into the
    output base are neither reported nor followed; the fix (safe, then unsafe) changes
    nothing in the workspace or the output base, and bazel builds again after it."""
    root = make_repo(tmp_path / "ws")
    write(root / "BUILD", 'genrule(name = "hello", srcs = ["main.c"], outs = ["hello.txt"], '
          'cmd = "cat $< > $@")\n')
    write(root / "WORKSPACE", "")
    write(root / "main.c", "int main(void) { return 0; }\n")
    commit_all(root)
    home = tmp_path / "build-home"

    def bazel(*args: str) -> None:
        build(root, tmp_path, "bazel", *args)

    try:
        bazel("build", "//:hello")
        links = sorted(p.name for p in root.iterdir() if p.is_symlink())
        assert links == ["bazel-bin", "bazel-out", "bazel-testlogs", "bazel-ws"]
        out_base = Path(os.readlink(root / "bazel-ws")).parents[1]
        assert str(out_base).startswith(str(home / ".cache" / "bazel"))
        bazel("shutdown")  # its server writes its log in the output base while it runs
        assert not {p for p in artifacts_by_path(root) if p.startswith("bazel-")}
        backdate(root)
        before, cache = snapshot(root), snapshot(out_base)
        for flags in ((), ("--unsafe-fixes",)):
            fix_artifacts(root, tmp_path / "state", *flags)
            assert snapshot(root) == before
            assert snapshot(out_base) == cache
        bazel("build", "//:hello")
        assert (root / "bazel-bin" / "hello.txt").read_text() == (root / "main.c").read_text()
    finally:
        subprocess.run(["bazel", "shutdown"], cwd=root, capture_output=True, check=False,
                       env={"PATH": os.environ.get("PATH", ""), "HOME": str(home)})


# ------------------------------------------------------------------------------ autotools
_AUTORECONF_WROTE = ("configure", "Makefile.in", "aclocal.m4", "compile", "config.guess",
                     "config.sub", "depcomp", "install-sh", "ltmain.sh", "missing")
_CONFIGURE_WROTE = ("Makefile", "libtool", "libgreet.la", "hello")


@pytest.mark.skipif(any(shutil.which(t) is None for t in ("autoreconf", "libtoolize", "make",
                                                          "cc")),
                    reason="needs autoreconf, libtoolize, make and cc")
@pytest.mark.slow
@pytest.mark.parametrize("configure", ["untracked", "tracked"])
def test_autoreconfs_and_configures_outputs_are_left_on_purpose(tmp_path: Path,
                                                                configure: str) -> None:
    """Decided this round: what `autoreconf -fi` writes (configure, Makefile.in, aclocal.m4,
    the build-aux scripts) and what ./configure writes besides config.log/config.status (the
    Makefiles, the libtool script; make's libgreet.la and the wrapper `hello`) are never
    reported, whether configure is committed (a release branch) or not (a git checkout that
    runs autoreconf): the usual loop, `./configure && make`, needs them, and only the
    autotools, which a user of the tarball may not have, write them again. autom4te.cache
    and the objects are moved, and `./configure && make` builds a working program after."""
    root = make_repo(tmp_path / "at")
    write(root / "configure.ac", "AC_INIT([hello],[1.0])\nAM_INIT_AUTOMAKE([foreign])\n"
          "LT_INIT\nAC_PROG_CC\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    write(root / "Makefile.am", "lib_LTLIBRARIES = libgreet.la\nlibgreet_la_SOURCES = greet.c\n"
          "bin_PROGRAMS = hello\nhello_SOURCES = main.c\nhello_LDADD = libgreet.la\n")
    write(root / "greet.c", "int greet(void) { return 1; }\n")
    write(root / "main.c", "int greet(void);\nint main(void) { return greet() - 1; }\n")
    commit_all(root)
    build(root, tmp_path, "autoreconf", "-fi")
    if configure == "tracked":
        shutil.rmtree(root / "autom4te.cache")
        commit_all(root)
    build(root, tmp_path, "./configure", "-q")
    build(root, tmp_path, "make", "-s")
    generated = _AUTORECONF_WROTE + _CONFIGURE_WROTE
    assert all((root / name).is_file() for name in generated)
    reported = {f["path"] for f in findings(scan_foundation(root))
                if f["code"] in ("TDY101", "TDY102")}
    assert not reported.intersection(generated)
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert all((root / name).is_file() for name in generated)
    assert not (root / "autom4te.cache").exists() and not (root / "main.o").exists()
    build(root, tmp_path, "./configure", "-q")
    build(root, tmp_path, "make", "-s")
    build(root, tmp_path, "./hello")


# ------------------------------------------------------------------------------ .NET
def test_dotnet_tests_results_folder_is_found_and_a_hand_written_one_stays(tmp_path: Path
                                                                            ) -> None:
    """`dotnet test --logger trx --collect "XPlat Code Coverage"` leaves TestResults/ beside
    the test project: a .trx and <guid>/coverage.cobertura.xml (vstest's documented layout;
    no .NET SDK here, not built). It was missed. A TestResults/ of someone's notes beside a
    .csproj, and a real-looking one beside no project, stay."""
    root = make_repo(tmp_path / "cs")
    write(root / "Demo.Tests.csproj", '<Project Sdk="Microsoft.NET.Sdk"></Project>\n')
    write(root / "UnitTest1.cs", "public class UnitTest1 {}\n")
    commit_all(root)
    write(root / "TestResults" / "root_host_2026-12-06_12_00_00.trx", "<TestRun/>\n")
    write(root / "TestResults" / "0f8fad5b-d9cb-469f-a165-70867728950e" /
          "coverage.cobertura.xml", "<coverage/>\n")
    assert artifacts_by_path(root) == {"TestResults": ("dotnet-test-results", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"TestResults"})
    mine = make_repo(tmp_path / "mine")
    write(mine / "Demo.csproj", "<Project/>\n")
    commit_all(mine)
    write(mine / "TestResults" / "notes.md", "what QA found\n")
    bare = make_repo(tmp_path / "bare")
    write(bare / "README.md", "x\n")
    commit_all(bare)
    write(bare / "TestResults" / "run.trx", "<TestRun/>\n")
    left_alone(mine, tmp_path / "state", "TestResults")
    left_alone(bare, tmp_path / "state", "TestResults")
