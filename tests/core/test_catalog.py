"""The artifact catalogue: every ecosystem the issue lists is recognised on a real tree, and
ambiguous names count only with evidence (a marker, CACHEDIR.TAG, a self-ignoring .gitignore).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import commit, findings, make_repo, scan_foundation, write
from tidy.core.catalog import (
    AMBIGUOUS_NAMES,
    CACHEDIR_SIGNATURE,
    TIERS,
    Catalog,
    CatalogError,
    Kind,
    _has_any,
    _kinds_union,
    has_source_sibling,
    kind_from_table,
    kinds_from_document,
    load_builtin,
)

GOOD_TAG = CACHEDIR_SIGNATURE + b"\n# This file is a cache directory tag created by a test.\n"
BAD_TAG = b"Signature: 00000000000000000000000000000000\n"


def reported(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Path -> finding of the artifact rules (TDY101/102/104)."""
    return {f["path"]: f for f in findings(report) if f["code"] in ("TDY101", "TDY102", "TDY104")}


# ----------------------------------------------------------------------------- the data
def test_every_kind_says_what_it_is_and_how_it_comes_back() -> None:
    kinds = load_builtin()
    assert len({k.name for k in kinds}) == len(kinds)
    for kind in kinds:
        assert kind.ecosystem and kind.why and kind.regenerate, kind.name
        assert kind.tier in TIERS, kind.name
        assert (kind.names or kind.globs or kind.inside or kind.home or kind.built_from
                or kind.name == "cachedir-tagged"), kind.name
        assert bool(kind.home) == kind.is_global == bool(kind.clean), kind.name


@pytest.mark.parametrize(("table", "message"), [
    ({"home": [".cache/x"], "clean": "x purge"}, "'home' and tier = \"global\" go together"),
    ({"tier": "global", "clean": "x purge"}, "'home' and tier = \"global\" go together"),
    ({"tier": "global", "home": [".cache/x"]}, "needs its tool's 'clean' command"),
    ({"tier": "global", "home": ["/var/cache/x"], "clean": "x"}, "paths below the home folder"),
    ({"tier": "global", "home": ["~/.x"], "clean": "x"}, "paths below the home folder"),
    ({"tier": "global", "home": [".x/../.y"], "clean": "x"}, "paths below the home folder"),
    ({"tier": "global", "home": [".x"], "names": [".x"], "clean": "x"},
     "found by its 'home' path only"),
    ({"names": [".x"], "clean": "x purge"}, "'clean' is for global caches"),
])
def test_catalogue_rejects_a_global_cache_that_cannot_work(
    table: dict[str, Any], message: str
) -> None:
    with pytest.raises(CatalogError, match=re.escape(message)):
        kind_from_table({"name": "x-cache", "regenerate": "x", **table}, "t.toml")


def test_no_ambiguous_name_is_enough_on_its_own() -> None:
    for kind in load_builtin():
        ambiguous = AMBIGUOUS_NAMES.intersection(kind.names)
        if ambiguous and kind.tier in ("default", "marker"):
            assert kind.markers or kind.inside, (kind.name, ambiguous)


def test_catalogue_rejects_an_ambiguous_default_kind() -> None:
    table = {"name": "my-build", "names": ["build"], "tier": "default", "regenerate": "make"}
    with pytest.raises(CatalogError, match="build is a common source folder name"):
        kind_from_table(table, "test.toml")


def test_catalogue_rejects_unknown_fields_and_duplicates() -> None:
    with pytest.raises(CatalogError, match="unknown key"):
        kind_from_table({"name": "x", "names": ["x"], "colour": "red"}, "t.toml")
    with pytest.raises(CatalogError, match="defined twice"):
        kinds_from_document({"kind": [{"name": "x", "names": ["x"]}] * 2}, "t.toml")
    with pytest.raises(CatalogError, match="'tier' must be one of"):
        kind_from_table({"name": "x", "names": ["x"], "tier": "sometimes"}, "t.toml")


@pytest.mark.parametrize(("extra", "message"), [
    ({"type": "file", "globs": ["*.o"]}, "'signature' is for folder kinds"),
    ({"names": []}, "narrows a kind found by its name or by what is inside"),
    ({"signature": ["lib/pkg/x.py"]}, "names (or globs) directly inside the folder"),
    ({"signature": ["lib/"]}, "names (or globs) directly inside the folder"),
    ({"signature": ["../x"]}, "names (or globs) directly inside the folder"),
    ({"only": ["lib/pkg"]}, "names (or globs) directly inside the folder"),
    ({"signature": [""]}, "names (or globs) directly inside the folder"),
    ({"signature": "lib"}, "'signature' must be a list of strings"),
    ({"declared": ["tsconfig.json"]}, "'declared' entries are FILE:key.path"),
    ({"declared": ["a/tsconfig.json:outDir"]}, "'declared' entries are FILE:key.path"),
    ({"declared": ["tsconfig.json:compilerOptions..outDir"]}, "'declared' entries are"),
    ({"type": "file", "globs": ["*.o"], "signature": [],
      "declared": ["tsconfig.json:outDir"]}, "'declared' entries are FILE:key.path"),
])
def test_catalogue_rejects_a_signature_that_cannot_work(
    extra: dict[str, Any], message: str
) -> None:
    table = {"name": "x", "names": ["x-out"], "markers": ["Makefile"], "signature": ["*.o"],
             **extra}
    with pytest.raises(CatalogError, match=re.escape(message)):
        kind_from_table(table, "t.toml")


@pytest.mark.parametrize(("table", "message"), [
    ({"type": "file", "names": ["hello"], "built_from": ["*.c"]}, "file kinds found by no name"),
    ({"type": "dir", "built_from": ["*.c"]}, "file kinds found by no name"),
    ({"type": "file", "built_from": ["hello.c"]}, "'built_from' entries are"),
    ({"type": "file", "built_from": ["*."]}, "'built_from' entries are"),
    ({"type": "file", "built_from": ["folder:go"]}, "'built_from' entries are"),
    ({"type": "file", "built_from": ["Cargo.toml:package.name"]}, "'built_from' entries are"),
    ({"type": "file", "globs": ["*.o"], "every_file": ["*.class"]}, "'every_file' narrows"),
    ({"names": ["out"], "markers": ["src"], "every_file": ["com/*.class"]},
     "'every_file' narrows"),
])
def test_catalogue_rejects_program_and_every_file_entries_that_cannot_work(
    table: dict[str, Any], message: str
) -> None:
    with pytest.raises(CatalogError, match=re.escape(message)):
        kind_from_table({"name": "x", "regenerate": "x", **table}, "t.toml")


@pytest.mark.parametrize(("table", "message"), [
    ({"type": "dir", "names": ["x"], "header": ["# x"]}, "'header' narrows a named file kind"),
    ({"type": "file", "globs": ["*.mk"], "header": ["# x"]}, "'header' narrows a named file"),
    ({"type": "file", "names": ["Makefile"], "header": [""]}, "'header' narrows a named file"),
    ({"type": "file", "names": ["Makefile"], "header": ["#" * 513]}, "within its first 512"),
    ({"type": "file", "names": ["x.log"], "absent": ["a"]}, "'absent' and 'wrapped_by' are"),
    ({"type": "file", "names": ["x.log"], "wrapped_by": "a"}, "'absent' and 'wrapped_by' are"),
    ({"type": "dir", "inside": ["x.cfg"], "wrapped_by": "a"}, "'wrapped_by' narrows a named"),
    ({"type": "file", "names": ["x.log"], "markers": ["src/conf.py"]}, "SUB/NAME"),
    ({"type": "dir", "names": ["x"], "markers": ["a/b/conf.py"]}, "SUB/NAME"),
    ({"type": "dir", "names": ["x"], "markers": ["../conf.py"]}, "SUB/NAME"),
    ({"type": "dir", "names": ["x"], "markers": ["*/conf.py"]}, "SUB/NAME"),
    ({"type": "dir", "names": ["x"], "markers": ["src/"]}, "SUB/NAME"),
])
def test_catalogue_rejects_header_absent_wrapper_and_marker_entries_that_cannot_work(
    table: dict[str, Any], message: str
) -> None:
    """A header is read only for a named file; `absent` and `wrapped_by` judge a folder; a
    SUB/NAME marker is one sibling folder deep, for folder kinds."""
    with pytest.raises(CatalogError, match=re.escape(message)):
        kind_from_table({"name": "x", "regenerate": "x", **table}, "t.toml")


@pytest.mark.parametrize("extra", [
    {"type": "dir", "names": ["x"]},  # a folder has no stem to compile from
    {"type": "file", "globs": ["*.o"], "sources": [".c"]},
    {"type": "file", "globs": ["*.o"], "sources": ["*.c*"]},
    {"type": "file", "globs": ["*.o"], "sources": ["*."]},
    {"type": "file", "globs": ["*.o"], "sources": ["src/*.c"]},
    {"type": "file", "globs": ["*.o"], "sources": ["main.c"]},
])
def test_catalogue_rejects_sources_that_cannot_work(extra: dict[str, Any]) -> None:
    table = {"name": "x", "sources": ["*.c"], **extra}
    with pytest.raises(CatalogError, match=re.escape("'sources' entries are \"*.EXT\"")):
        kind_from_table(table, "t.toml")


_STEM = st.text(st.characters(blacklist_characters="./$\x00"), min_size=1, max_size=12)


@given(stem=_STEM, tail=st.text(st.characters(blacklist_characters="/\x00"), max_size=20),
       cut=st.sampled_from([".", "$"]), other=_STEM)
def test_a_file_is_confirmed_by_a_source_of_its_own_stem_only(
        stem: str, tail: str, cut: str, other: str) -> None:
    """stem + "." or "$" + anything: core.cpython-311-x86_64-linux-gnu.so, App$1.class."""
    name = stem + cut + tail
    assert has_source_sibling(("*.pyx", "*.c"), name, {stem + ".c"})
    assert not has_source_sibling(("*.pyx",), name, {stem + ".c", stem + ".pyx.txt"})
    if other != stem:
        assert not has_source_sibling(("*.c",), name, {other + ".c"})


def test_a_file_kind_with_sources_needs_its_source_and_its_markers() -> None:
    catalog = Catalog(kinds_from_document({"kind": [
        {"name": "obj", "type": "file", "globs": ["*.o"], "sources": ["*.c"],
         "markers": ["Makefile"], "tier": "marker"}]}, "t.toml"))
    assert catalog.file_kind("main.o", {"main.o", "main.c", "Makefile"}) is not None
    assert catalog.file_kind("main.o", {"main.o", "main.c"}) is None  # no marker
    assert catalog.file_kind("main.o", {"main.o", "util.c", "Makefile"}) is None
    assert catalog.file_kind(".o", {".o", ".c", "Makefile"}) is None  # no stem


def test_a_content_kind_with_a_signature_needs_it_and_a_valid_tag(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "Cargo.toml", "[package]\n")
    for name, tag in (("good", GOOD_TAG), ("bad", BAD_TAG), ("none", None)):
        write(root / name / ".rustc_info.json", "{}")
        write(root / name / "debug" / "app", size=100)
        if tag is not None:
            write(root / name / "CACHEDIR.TAG", tag)
    found = reported(scan_foundation(root))
    assert found["good"]["kind"] == "cargo-target-dir"
    assert "bad" not in found and "none" not in found


def test_every_ambiguous_kind_with_a_tool_signature_has_one() -> None:
    """Where the tool reliably leaves something in its output folder, the catalogue asks for
    it (issue 14.5); Mix's deps/ holds only the dependencies, and ml-outputs is never fixed.
    javac's out/ has no one file it always writes: every file below must be a .class. A file
    of an ambiguous name (CMake's generated Makefile) is held to its header instead."""
    without = {k.name for k in load_builtin()
               if AMBIGUOUS_NAMES.intersection(k.names)
               and not (k.signature or k.every_file or k.header)}
    assert without == {"elixir-deps", "ml-outputs"}


def test_what_a_kind_takes_along_is_a_safe_kind_of_the_catalogue() -> None:
    """`with` names kinds a `--kind` selection takes too: each must exist, and be as safe to
    move as the kind that brings it (a safe fix never takes an unsafe item along)."""
    by_name = {k.name: k for k in load_builtin()}
    brought = [(k, by_name.get(name)) for k in load_builtin() for name in k.with_kinds]
    assert brought and all(c is not None and (c.safe or not k.safe) for k, c in brought)


def test_a_signature_in_a_project_catalogue_is_required_too(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "pyproject.toml", """[[tool.tidy.catalog]]
name = "make-out"
names = ["objects"]
markers = ["Makefile"]
signature = ["*.o"]
safe = true
regenerate = "make"
""")
    write(root / "Makefile", "all:\n")
    write(root / "objects" / "notes.txt", "mine\n")
    assert "objects" not in reported(scan_foundation(root))
    write(root / "objects" / "main.o", size=100)
    assert reported(scan_foundation(root))["objects"]["kind"] == "make-out"


# ------------------------------------------------------------- each ecosystem, table-driven
# (artifact path, files beside it that confirm it, expected code, expected ecosystem, args)
ECOSYSTEMS: list[tuple[str, tuple[str, ...], str, str, tuple[str, ...]]] = [
    ("__pycache__", (), "TDY101", "python", ()),
    ("mod.pyo", ("mod.py",), "TDY101", "python", ()),
    ("mod.pyc", ("mod.py",), "TDY101", "python", ()),
    (".pytest_cache", (), "TDY101", "python", ()),
    (".mypy_cache", (), "TDY101", "python", ()),
    (".ruff_cache", (), "TDY101", "python", ()),
    (".pytype", (), "TDY101", "python", ()),
    (".hypothesis", (), "TDY101", "python", ()),
    (".tox", (), "TDY101", "python", ()),
    (".nox", (), "TDY101", "python", ()),
    (".ipynb_checkpoints", (), "TDY101", "jupyter", ()),
    (".coverage", (), "TDY101", "python", ()),
    ("coverage.xml", ("pyproject.toml",), "TDY101", "python", ()),
    ("htmlcov", (), "TDY101", "python", ()),
    ("build", ("pyproject.toml",), "TDY101", "python", ()),
    ("dist", ("setup.py",), "TDY101", "python", ()),
    ("pkg.egg-info", ("setup.cfg",), "TDY101", "python", ()),
    (".venv", (), "TDY101", "python", ("--kind", "venv")),
    ("node_modules", ("package.json",), "TDY101", "node", ()),
    (".next", ("package.json",), "TDY101", "node", ()),
    (".nuxt", ("package.json",), "TDY101", "node", ()),
    (".svelte-kit", ("package.json",), "TDY101", "node", ()),
    (".angular", ("angular.json",), "TDY101", "node", ()),
    (".turbo", ("package.json",), "TDY101", "node", ()),
    (".parcel-cache", ("package.json",), "TDY101", "node", ()),
    (".vite", ("package.json",), "TDY101", "node", ()),
    (".eslintcache", ("package.json",), "TDY101", "node", ()),
    ("coverage", ("package.json",), "TDY101", "node", ()),
    (".nyc_output", ("package.json",), "TDY101", "node", ()),
    ("storybook-static", ("package.json",), "TDY101", "node", ()),
    ("dist", ("vite.config.ts",), "TDY101", "node", ()),
    ("target", ("Cargo.toml",), "TDY101", "rust", ()),
    ("target", ("pom.xml",), "TDY101", "jvm", ()),
    ("target", ("build.sbt",), "TDY101", "jvm", ()),
    ("build", ("build.gradle",), "TDY101", "jvm", ()),
    (".gradle", ("settings.gradle.kts",), "TDY101", "jvm", ()),
    ("bin", ("App.csproj",), "TDY101", "dotnet", ()),
    ("obj", ("Lib.fsproj",), "TDY101", "dotnet", ()),
    (".build", ("Package.swift",), "TDY101", "swift", ()),
    ("zig-cache", ("build.zig",), "TDY101", "zig", ()),
    (".zig-cache", ("build.zig",), "TDY101", "zig", ()),
    ("_build", ("mix.exs",), "TDY101", "elixir", ()),
    ("deps", ("mix.exs",), "TDY101", "elixir", ()),
    (".stack-work", ("stack.yaml",), "TDY101", "haskell", ()),
    ("dist-newstyle", ("pkg.cabal",), "TDY101", "haskell", ()),
    (".terraform", ("main.tf",), "TDY101", "terraform", ()),
    ("build", ("CMakeLists.txt",), "TDY101", "cmake", ()),
    ("vendor", ("composer.json",), "TDY101", "php", ()),
    (".DS_Store", (), "TDY104", "os", ()),
    ("Thumbs.db", (), "TDY104", "os", ()),
    ("desktop.ini", (), "TDY104", "os", ()),
    (".main.py.swp", ("main.py",), "TDY104", "editor", ()),
    ("notes.txt~", ("notes.txt",), "TDY104", "editor", ()),
]


FILE_ARTIFACTS = {"mod.pyo", "mod.pyc", ".coverage", "coverage.xml", ".eslintcache", ".DS_Store",
                  "Thumbs.db", "desktop.ini", ".main.py.swp", "notes.txt~"}
# What each tool leaves in an output folder with an ambiguous name (its `signature` in
# catalog.toml), as seen in real builds: pip wheel, cargo build, cmake, mvn, gradle, dotnet,
# vite, jest --coverage, nyc, composer. Names ending in "/" are folders.
TOOL_OUTPUT: dict[tuple[str, str], tuple[str, ...]] = {
    ("build", "pyproject.toml"): ("lib/pkg/__init__.py", "bdist.linux-x86_64/"),
    ("dist", "setup.py"): ("pkg-0.1-py3-none-any.whl", "pkg-0.1.tar.gz"),
    ("coverage", "package.json"): ("lcov.info", "lcov-report/index.html"),
    (".nyc_output", "package.json"): ("processinfo/index.json",
                                      "0a3c9f1e-5b7d-4e2a-9c8b-1d2e3f4a5b6c.json"),
    ("dist", "vite.config.ts"): ("index.html", "assets/index-4f2a1b.js"),
    ("target", "Cargo.toml"): ("CACHEDIR.TAG", ".rustc_info.json", "debug/.cargo-lock"),
    ("target", "pom.xml"): ("classes/App.class", "maven-status/", "app-1.0.jar"),
    ("target", "build.sbt"): ("scala-2.13/classes/App.class", "streams/"),
    ("build", "build.gradle"): ("tmp/compileJava/previous-compilation-data.bin",
                                "classes/java/main/App.class"),
    ("bin", "App.csproj"): ("Debug/net8.0/App.dll",),
    ("obj", "Lib.fsproj"): ("project.assets.json", "Debug/net8.0/Lib.dll"),
    ("build", "CMakeLists.txt"): ("CMakeCache.txt", "CMakeFiles/cmake.check_cache"),
    ("vendor", "composer.json"): ("autoload.php", "composer/installed.json"),
}


# Where a tool writes nothing but its own folders (catalog.toml `only`: setuptools' build/),
# the filler files go inside one of them, as the tool's own output does.
FILLER_UNDER = {"build": "lib"}


def _make_artifact(path: Path, output: tuple[str, ...] = (), filler: str = "") -> None:
    if path.name in FILE_ARTIFACTS:
        write(path, size=321)
    elif path.name == ".venv":
        write(path / "pyvenv.cfg", "home = /usr/bin\n")
        write(path / "lib" / "python3.11" / "site-packages" / "x.py", size=100)
    else:
        write(path / filler / "inner" / "data.bin", size=1234)
        _write_output(path, output)


def _write_output(folder: Path, output: tuple[str, ...]) -> None:
    for name in output:
        if name.endswith("/"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        elif name == "CACHEDIR.TAG":
            write(folder / name, GOOD_TAG)
        else:
            write(folder / name, size=64)


@pytest.mark.parametrize(("artifact", "markers", "code", "ecosystem", "args"), ECOSYSTEMS,
                         ids=[f"{e[0]}+{','.join(e[1])}" for e in ECOSYSTEMS])
def test_each_ecosystem_is_recognised(
    tmp_path: Path, artifact: str, markers: tuple[str, ...], code: str, ecosystem: str,
    args: tuple[str, ...],
) -> None:
    root = tmp_path / "proj"
    for marker in markers:
        write(root / marker, "marker\n")
    marker = markers[0] if markers else ""
    _make_artifact(root / artifact, TOOL_OUTPUT.get((artifact, marker), ()),
                   FILLER_UNDER.get(artifact, "") if marker == "pyproject.toml" else "")
    found = reported(scan_foundation(root, *args))
    assert artifact in found, found
    assert found[artifact]["code"] == code
    assert found[artifact]["ecosystem"] == ecosystem


@pytest.mark.parametrize(("artifact", "marker"), list(TOOL_OUTPUT),
                         ids=[f"{a}+{m}" for a, m in TOOL_OUTPUT])
def test_a_hand_written_folder_beside_the_marker_is_not_the_tools(
    tmp_path: Path, artifact: str, marker: str
) -> None:
    """A marker says the project uses the tool, not that this folder is its output: without
    the tool's signature inside, an untracked build/ of someone's scripts is left alone."""
    root = tmp_path / "proj"
    write(root / marker, "marker\n")
    write(root / artifact / "release.sh", "#!/bin/sh\nset -e\n./deploy prod\n")
    write(root / artifact / "deploy" / "notes.md", "how we ship\n")
    write(root / artifact / "helpers.py", "def main() -> None: ...\n")
    assert artifact not in reported(scan_foundation(root))


def test_cmake_tree_of_any_name_is_found_by_its_cache(tmp_path: Path) -> None:
    """CMakeCache.txt and CMakeFiles/ (cmake writes both into every tree it configures)."""
    root = tmp_path / "proj"
    write(root / "my-release-tree" / "CMakeCache.txt", "CMAKE_BUILD_TYPE:STRING=Release\n")
    write(root / "my-release-tree" / "CMakeFiles" / "cmake.check_cache", "# cache\n")
    write(root / "my-release-tree" / "app.o", size=500)
    found = reported(scan_foundation(root))
    assert found["my-release-tree"]["ecosystem"] == "cmake"


# ------------------------------------------------------- ambiguous names need evidence
AMBIGUOUS = ["build", "dist", "target", "out", "bin", "obj", "lib", "vendor", "deps"]
# A marker that confirms each name (lib has none in any ecosystem tidy knows).
MARKER_FOR = {"build": "pyproject.toml", "dist": "setup.py", "target": "Cargo.toml",
              "out": "CMakeLists.txt", "bin": "App.csproj", "obj": "App.csproj",
              "vendor": "composer.json", "deps": "mix.exs"}


# What the tool MARKER_FOR names leaves inside its output (no tag: that alone is evidence).
OUTPUT_FOR = {"build": ("lib/pkg/__init__.py",), "dist": ("pkg-0.1.tar.gz",),
              "target": (".rustc_info.json", "debug/"), "out": ("CMakeFiles/",),
              "bin": ("Debug/",), "obj": ("project.assets.json",),
              "vendor": ("autoload.php", "composer/")}


def _ambiguous_dir(root: Path, name: str) -> Path:
    folder = root / name
    write(folder / FILLER_UNDER.get(name, "") / "sub" / "file.dat", size=2048)
    _write_output(folder, OUTPUT_FOR.get(name, ()))
    write(root / "README.md", "a project\n")
    return folder


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_ambiguous_name_alone_is_not_reported(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    _ambiguous_dir(root, name)
    assert name not in reported(scan_foundation(root))


@pytest.mark.parametrize("name", [n for n in AMBIGUOUS if n in MARKER_FOR])
def test_ambiguous_name_with_its_marker_is_reported(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    _ambiguous_dir(root, name)
    write(root / MARKER_FOR[name], "")
    assert reported(scan_foundation(root))[name]["code"] == "TDY101"


@pytest.mark.parametrize("name", [n for n in AMBIGUOUS if n in MARKER_FOR])
def test_a_marker_of_another_ecosystem_is_not_enough(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    _ambiguous_dir(root, name)
    write(root / "Gemfile", "")  # Ruby confirms none of these names
    assert name not in reported(scan_foundation(root))


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_cachedir_tag_with_the_signature_is_evidence(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    write(_ambiguous_dir(root, name) / "CACHEDIR.TAG", GOOD_TAG)
    assert reported(scan_foundation(root))[name]["code"] == "TDY101"


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_cachedir_tag_with_a_wrong_signature_is_not(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    write(_ambiguous_dir(root, name) / "CACHEDIR.TAG", BAD_TAG)
    assert name not in reported(scan_foundation(root))


@pytest.mark.parametrize("name", [n for n in AMBIGUOUS if n in MARKER_FOR])
def test_self_ignoring_gitignore_is_evidence(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    write(_ambiguous_dir(root, name) / ".gitignore", "# created by the build tool\n*\n")
    assert reported(scan_foundation(root))[name]["code"] == "TDY101"


@pytest.mark.parametrize("rules", ["*.o\n", "*\n!keep.txt\n", "/sub\n"])
def test_a_gitignore_that_keeps_something_is_not_evidence(tmp_path: Path, rules: str) -> None:
    root = tmp_path / "proj"
    write(_ambiguous_dir(root, "build") / ".gitignore", rules)
    assert "build" not in reported(scan_foundation(root))


def test_marker_beats_cachedir_tag_when_naming_the_kind(tmp_path: Path) -> None:
    """A Gradle build/ that also carries a CACHEDIR.TAG is Gradle's, not setuptools'."""
    root = tmp_path / "proj"
    write(_ambiguous_dir(root, "build") / "CACHEDIR.TAG", GOOD_TAG)
    write(root / "build" / "tmp" / "jar" / "MANIFEST.MF", "Manifest-Version: 1.0\n")
    write(root / "build.gradle", "")
    found = reported(scan_foundation(root))["build"]
    assert (found["kind"], found["ecosystem"]) == ("gradle-build", "jvm")


# ------------------------------------------------------------------------------ traps
def test_tracked_build_of_scripts_without_marker_is_not_reported(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "build" / "release.sh", "#!/bin/sh\nmake\n")
    write(repo / "build" / "lib" / "helpers.sh", "f() { :; }\n")
    commit(repo)
    report = scan_foundation(repo)
    assert findings(report) == []


def test_tracked_build_beside_pyproject_is_source_not_an_artifact(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "pyproject.toml", "[project]\nname = 'x'\n")
    write(repo / "build" / "release.py", "print('release')\n")
    commit(repo)
    assert "build" not in reported(scan_foundation(repo))


def test_target_of_tracked_sources_without_a_build_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "target" / "deploy.yaml", "env: prod\n")
    write(repo / "target" / "src" / "main.go", "package main\n")
    commit(repo)
    assert reported(scan_foundation(repo)) == {}


@pytest.mark.parametrize("name", ["lib", "vendor", "deps"])
def test_committed_source_folders_are_not_reported(tmp_path: Path, name: str) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "composer.json", "{}")  # even with the marker that makes vendor/ Composer's
    write(repo / "mix.exs", "")
    write(repo / name / "thirdparty" / "code.js", "export const x = 1;\n")
    commit(repo)
    report = scan_foundation(repo)
    assert name not in reported(report)
    assert report["_exit"] == 0


def _venv(path: Path) -> None:
    write(path / "pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = false\n")
    ops = path / "lib" / "python3.11" / "site-packages" / "pip" / "_internal" / "operations"
    write(ops / "build" / "wheel.py", size=700)  # pyclean #48: deleting this breaks pip
    write(ops / "setup.py", "")
    write(path / "lib" / "python3.11" / "site-packages" / "x" / "__pycache__" / "a.pyc", size=99)


@pytest.mark.parametrize("name", [".venv", "venv", "env", "my-env"])
def test_venv_is_opt_in(tmp_path: Path, name: str) -> None:
    root = tmp_path / "proj"
    write(root / "pyproject.toml", "")
    _venv(root / name)
    report = scan_foundation(root)
    assert findings(report) == []
    assert [n["kind"] for n in report["not_reported"]] == ["venv"]
    found = reported(scan_foundation(root, "--kind", "venv"))
    assert list(found) == [name]
    assert found[name]["fix"]["applicability"] == "unsafe"


def test_venv_reported_when_enabled_in_config(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "pyproject.toml", "[tool.tidy]\nkinds = [\"venv\"]\n")
    _venv(root / ".venv")
    assert list(reported(scan_foundation(root))) == [".venv"]


def test_node_modules_contents_are_never_projects(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root / "package.json", "{}")
    pkg = root / "node_modules" / "some-pkg"
    for name in ("package.json", "tsconfig.json", "setup.py", "Cargo.toml", "CMakeLists.txt"):
        write(pkg / name, "")
    for name in ("dist", "build", "coverage", "target", "out", "node_modules/x", "__pycache__"):
        write(pkg / name / "f.bin", size=10)
    write(pkg / ".DS_Store", size=10)
    report = scan_foundation(root)
    assert {f["path"] for f in findings(report)} == {"node_modules"}


_GLOB_PART = st.sampled_from(["*", "?", ".", "a", "b", "~", "#", "pyc", "[ab]", "[!a]"])


@given(st.lists(st.lists(_GLOB_PART, min_size=1, max_size=4).map("".join), min_size=1,
                max_size=5),
       st.text(alphabet=".ab~#pyc!", max_size=8))
def test_quick_reject_never_drops_a_name_a_glob_matches(globs: list[str], name: str) -> None:
    from tidy.core.catalog import _literal_ends

    starts, ends, anything = _literal_ends(globs)
    if any(fnmatch.fnmatchcase(name, g) for g in globs):
        assert anything or name.startswith(starts) or name.endswith(ends)


def test_the_parsed_copy_of_the_catalogue_is_current() -> None:
    """catalog_data.py (scripts/catalog_data.py) is catalog.toml's text and its parse: run
    the script after editing the catalogue."""
    import subprocess
    import sys
    import tomllib

    from tidy.core import catalog_data

    root = Path(__file__).resolve().parents[2]
    text = (root / "tidy" / "core" / "catalog.toml").read_text(encoding="utf-8")
    assert text == catalog_data.SOURCE, "run python scripts/catalog_data.py"
    assert tomllib.loads(text) == catalog_data.DOCUMENT
    check = subprocess.run([sys.executable, str(root / "scripts" / "catalog_data.py"),
                            "--check"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_a_catalogue_text_other_than_the_copys_is_parsed_not_taken_from_it() -> None:
    """A stale copy is never used: any other text is parsed as it is."""
    from tidy.core import catalog_data
    from tidy.core.catalog import builtin_document

    assert builtin_document(catalog_data.SOURCE) is catalog_data.DOCUMENT
    edited = catalog_data.SOURCE.replace('name = ".pytest_cache"', 'name = "pytest-renamed"', 1)
    assert edited != catalog_data.SOURCE
    names = [kind["name"] for kind in builtin_document(edited)["kind"]]
    assert "pytest-renamed" in names and ".pytest_cache" not in names


def test_the_copys_checked_kinds_are_what_checking_its_document_makes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """catalog_data.KINDS (each table through kind_from_table when the script ran) are the
    very kinds a run would check from DOCUMENT; another text, or a Kind whose fields changed
    since, gets none of them: the caller checks the document."""
    from tidy.core import catalog_data
    from tidy.core.catalog import builtin_kinds, kinds_from_document, load_builtin

    kept = builtin_kinds(catalog_data.SOURCE)
    assert kept == kinds_from_document(catalog_data.DOCUMENT, "tidy/core/catalog.toml")
    assert load_builtin() == kept and len(kept) == len(catalog_data.DOCUMENT["kind"])
    assert builtin_kinds(catalog_data.SOURCE + "\n") == ()
    monkeypatch.setattr(catalog_data, "KIND_FIELDS", catalog_data.KIND_FIELDS[:-1])
    assert builtin_kinds(catalog_data.SOURCE) == ()


def test_coverage_reports_beside_a_python_project_only(tmp_path: Path) -> None:
    """`coverage xml/json/lcov` output (pyclean's default coverage debris) was not reported
    in a real project after `coverage run -m pytest; coverage html; coverage xml`, while
    .coverage and htmlcov/ beside it were. Beside a Python marker it is; a coverage.json
    somewhere else is somebody's file."""
    project = tmp_path / "proj"
    write(project / "pyproject.toml", "[project]\nname = 'p'\n")
    write(project / "coverage.xml", '<?xml version="1.0" ?>\n<coverage version="7.6.1">\n')
    write(project / "coverage.json", '{"meta": {"format": 3}, "files": {}}\n')
    write(project / "coverage.lcov", "SF:src/p/__init__.py\nend_of_record\n")
    write(tmp_path / "other" / "coverage.json", '{"budget": 80}\n')
    found = reported(scan_foundation(tmp_path))
    assert {p: f["kind"] for p, f in found.items()} == {
        "proj/coverage.xml": "coverage-report", "proj/coverage.json": "coverage-report",
        "proj/coverage.lcov": "coverage-report"}


def test_a_signature_may_name_an_entry_one_level_below() -> None:
    """SUB/NAME: Angular leaves dist/<project>/3rdpartylicenses.txt, nothing in dist/ itself."""
    kind = kind_from_table({"name": "x", "names": ["x-out"], "markers": ["Makefile"],
                            "signature": ["*/licenses.txt"]}, "t.toml")
    assert kind.signature == ("*/licenses.txt",)


def test_a_signature_of_several_entries_below_is_found_by_any_of_them(tmp_path: Path) -> None:
    """Each subfolder is listed once for every SUB/NAME entry: the last one alone is
    evidence too, and a name only the wrong SUB allows is not."""
    kind = kind_from_table({"name": "x", "names": ["x-out"], "markers": ["Makefile"],
                            "signature": ["*/a.txt", "p*/b.txt", "*/c.txt"]}, "t.toml")
    catalog = Catalog((kind,))
    out = tmp_path / "x-out"
    write(out / "proj" / "c.txt", "c")
    write(out / "other" / "zzz", "z")
    assert catalog.classify_dir(str(out), "x-out", {"Makefile"}, {"proj", "other"}) == kind
    (out / "proj" / "c.txt").unlink()
    write(out / "q" / "b.txt", "b")  # b.txt counts only below a folder named p*
    assert catalog.classify_dir(str(out), "x-out", {"Makefile"}, {"proj", "other", "q"}) is None


@given(names=st.lists(st.sampled_from(["a.txt", "abc", "browser", "x.json", ".h", "b[1]"]),
                      unique=True),
       leaves=st.lists(st.sampled_from(["*.txt", "browser", "a?c", "[ab]*", "x", "b[[]1]"]),
                       min_size=1, max_size=4, unique=True))
def test_property_a_folder_holds_one_of_several_leaves_as_fnmatch_says(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], leaves: list[str]
) -> None:
    from tidy.core.catalog import _holds

    folder = tmp_path_factory.mktemp("holds")
    for name in names:
        write(folder / name, "x")
    expected = any(fnmatch.fnmatchcase(n, leaf) for n in names for leaf in leaves)
    assert _holds(str(folder), tuple(leaves)) is expected


_OPENED: list[str] | None = None  # the paths os.open was asked for, while a test counts


def _count_opens(event: str, args: tuple[Any, ...]) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], str):
        _OPENED.append(args[0])


sys.addaudithook(_count_opens)  # audit hooks stay: it records only while _OPENED is a list


def test_a_dist_folders_subfolders_are_each_listed_once_for_every_kind(tmp_path: Path) -> None:
    """Two kinds' nested signatures (PyInstaller's `*/_internal`, Angular's
    `*/3rdpartylicenses.txt` ...) ask about the same subfolders of a `dist`: each is opened
    once (the 250k bench tree's ketcher dist: 144 listings of 72 folders before)."""
    global _OPENED
    dist = tmp_path / "ketcher" / "dist"
    for n in range(5):
        for f in range(3):
            write(dist / f"d{n}" / f"chunk{f}.min.js", "x")
    write(tmp_path / "ketcher" / "package.json", "{}")
    catalog = Catalog(load_builtin())
    inside = {f"d{n}" for n in range(5)}
    _OPENED = []
    try:
        kind = catalog.classify_dir(str(dist), "dist", {"dist", "package.json"}, inside)
        opened = list(_OPENED)
    finally:
        _OPENED = None
    assert kind is None
    subfolders = [p for p in opened if p.startswith(str(dist) + "/")]
    assert subfolders, "the nested signatures look into the subfolders"
    assert sorted(subfolders) == sorted(set(subfolders))


@given(names=st.lists(st.sampled_from(["a.txt", "abc", "browser", "x.json", ".h", "b[1]"]),
                      unique=True),
       asked=st.lists(st.lists(st.sampled_from(["*.txt", "browser", "a?c", "[ab]*", "x"]),
                               min_size=1, max_size=3, unique=True), min_size=1, max_size=4))
def test_property_a_folder_listed_once_answers_every_leaves_as_holds(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], asked: list[list[str]]
) -> None:
    from tidy.core.catalog import _holds, _ListedOnce

    folder = tmp_path_factory.mktemp("once")
    for name in names:
        write(folder / name, "x")
    once = _ListedOnce()
    for leaves in asked:
        assert once.holds(str(folder), tuple(leaves)) is _holds(str(folder), tuple(leaves))


def test_a_folder_listed_once_holds_nothing_through_a_link_or_when_missing(
        tmp_path: Path) -> None:
    from tidy.core.catalog import _ListedOnce

    write(tmp_path / "real" / "browser", "x")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    once = _ListedOnce()
    assert once.holds(str(tmp_path / "real"), ("browser",)) is True
    assert once.holds(str(tmp_path / "link"), ("browser",)) is False
    assert once.holds(str(tmp_path / "gone"), ("browser",)) is False


# ------------------------------------------------------------------ file kinds by glob

_GLOB_PART = st.sampled_from(["*", "?", "[ab]", "[!c]", ".", "o", "a", "b", "c", "x", "_"])
_GLOB = st.lists(_GLOB_PART, min_size=1, max_size=6).map("".join)
_NAME = st.text(alphabet="abcox._-~#", min_size=1, max_size=10)


def _glob_kinds() -> list[Kind]:
    return [kind for kind in load_builtin() if kind.type == "file" and kind.globs]


@given(st.lists(st.lists(_GLOB, min_size=1, max_size=3), min_size=1, max_size=5), _NAME)
def test_the_union_of_glob_kinds_names_the_first_kind_a_name_matches(
        globs: list[list[str]], name: str) -> None:
    """Catalog.file_kind learns from one regex which glob kind a name matches first (a group
    per kind), with none compiled per kind: the same kind fnmatch finds first, several
    stars (fnmatch's own groups inside) included."""
    template = _glob_kinds()[0]
    kinds = [dataclasses.replace(template, name=f"k{i}", globs=tuple(g))
             for i, g in enumerate(globs)]
    for name_ in (name, *(g.replace("*", "ab").replace("?", "x") for g in globs[-1])):
        expected = next((i for i, kind in enumerate(kinds)
                         if any(fnmatch.fnmatchcase(name_, g) for g in kind.globs)), None)
        matched = _kinds_union(kinds).match(name_)
        found = None if matched is None else int(str(matched.lastgroup).removeprefix("kind"))
        assert found == expected, (name_, globs)


def test_the_builtin_glob_kinds_are_found_as_fnmatch_finds_them() -> None:
    kinds = _glob_kinds()
    for kind in kinds:
        for glob in kind.globs:
            name = glob.replace("*", "main").replace("?", "x")
            expected = next(i for i, k in enumerate(kinds)
                            if any(fnmatch.fnmatchcase(name, g) for g in k.globs))
            matched = _kinds_union(kinds).match(name)
            assert matched is not None and matched.lastgroup == f"kind{expected}", name


def test_a_name_two_glob_kinds_match_is_the_second_kinds_when_the_first_is_not_confirmed(
) -> None:
    """`main.o`: a kind that needs main.c beside it first, then one that needs nothing."""
    template = _glob_kinds()[0]
    needs_source = dataclasses.replace(template, name="needs-source", globs=("*.o",),
                                       sources=("*.c",), markers=(), header=())
    plain = dataclasses.replace(template, name="plain", globs=("*.o", "*.tmp"), sources=(),
                                markers=(), header=(), tier="default")
    catalog = Catalog([needs_source, plain])
    assert catalog.file_kind("main.o", {"main.o", "main.c"}) is needs_source
    assert catalog.file_kind("main.o", {"main.o"}) is plain
    assert catalog.file_kind("main.tmp", {"main.tmp"}) is plain
    assert catalog.file_kind("main.c", {"main.c"}) is None


_GLOB_PART = st.sampled_from(["*", "?", "[ab]", "[!a]", "a", "b", ".", "x", "-", "[", "]"])


@given(patterns=st.lists(st.lists(_GLOB_PART, min_size=1, max_size=5).map("".join),
                         max_size=6),
       names=st.lists(st.text(st.sampled_from("ab.x-[]\n"), max_size=6), max_size=8))
def test_a_name_matches_the_patterns_as_fnmatchcase_says(
        patterns: list[str], names: list[str]) -> None:
    """_has_any matches every glob at once with one compiled regex (fnmatchcase per glob
    per name cost the 250k walk ~0.75 s): it must still mean what fnmatchcase means, for
    exact names too, and for names with a newline."""
    expected = any(fnmatch.fnmatchcase(name, pattern) if any(c in pattern for c in "*?[")
                   else pattern in names for pattern in patterns for name in names)
    assert _has_any(patterns, names) is expected
    assert _has_any(tuple(patterns), set(names)) is expected
