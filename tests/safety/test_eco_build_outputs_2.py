"""Round 2 of the ecosystem audit (bench/eco_audit.py --round 2, 2026-12-06): build outputs
tidy missed, built for real here where the tool is on the machine (go 1.19, gcc 12, javac 17,
cmake 3.25, autoconf 2.71 / automake 1.16.5 / libtool 2.4.7), and hand-written or committed
files and folders of the same names that must stay.

What each tool wrote (git status --ignored after the build):
- `go build`: the program beside go.mod, named after the module path's last element
  (example.com/greeter/v2 -> greeter); in cmd/tool, cmd/tool/tool. ELF, mode 755.
- `cc -o hello hello.c`, make's built-in rule `make hello`, `rustc tool.rs`, `zig build-exe
  hello.zig`: the program beside its one source.
- `javac -d out`: out/com/example/App.class, App$In.class, App$1.class, util/U.class: only
  .class files; Eclipse's bin/ (.classpath) and Ant's build/classes the same; Ant's dist/demo.jar.
- IntelliJ IDEA: out/production/<module>/ (classes, copied resources), out/test/<module>/,
  out/artifacts/<name>_jar/.
- `cmake .` (in-source): CMakeFiles/ beside every CMakeLists.txt (cmake.check_cache,
  progress.marks, <target>.dir/ ...), cmake_install.cmake, Makefile, CMakeCache.txt.
- libtool: .libs/ beside the .la and .lo (libgreet.so.0.0.0, libgreet.a, libgreet.lai,
  greet.o, and the real `hello` behind the wrapper script).
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import findings, git, make_repo, scan_foundation, write
from tests.safety.helpers import (
    artifacts_by_path,
    build,
    commit_all,
    compiled_program,
    fix_artifacts,
    fix_moves_exactly,
    left_alone,
)

needs = {tool: pytest.mark.skipif(shutil.which(tool) is None, reason=f"needs {tool}")
         for tool in ("go", "cc", "javac", "cmake", "make", "autoreconf", "libtoolize")}


def _script(path: Path) -> Path:
    write(path, "#!/bin/sh\necho hand-written\n")
    path.chmod(0o755)
    return path


# ------------------------------------------------------------------------------ Go
def _go_module(tmp_path: Path, module: str = "example.com/hello") -> Path:
    root = make_repo(tmp_path / "gomod")
    write(root / "go.mod", f"module {module}\n\ngo 1.19\n")
    write(root / "main.go", "package main\n\nfunc main() {}\n")
    write(root / "cmd" / "tool" / "main.go", "package main\n\nfunc main() {}\n")
    commit_all(root)
    return root


@needs["go"]
@pytest.mark.slow
def test_go_build_programs_are_found_and_moved(tmp_path: Path) -> None:
    """`go build` at the module root and in cmd/tool, `go build ./cmd/tool` at the root
    (go 1.19): the three programs were missed."""
    root = _go_module(tmp_path)
    build(root, tmp_path, "go", "build")
    build(root / "cmd" / "tool", tmp_path, "go", "build")
    build(root, tmp_path, "go", "build", "./cmd/tool")
    assert artifacts_by_path(root) == {"hello": ("go-program", "safe"),
                                       "tool": ("go-program", "safe"),
                                       "cmd/tool/tool": ("go-program", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"hello", "tool", "cmd/tool/tool"})


@pytest.mark.parametrize(("module", "program"), [
    ("example.com/greeter/v2 // major version 2", "greeter"),
    ('"example.com/quoted"', "quoted"),
    ("tool", "tool"),
])
def test_a_go_program_is_named_after_its_module_path(tmp_path: Path, module: str,
                                                     program: str) -> None:
    root = _go_module(tmp_path, module)
    compiled_program(root / program, tmp_path)
    assert artifacts_by_path(root) == {program: ("go-program", "safe")}


@pytest.mark.parametrize("layout", ["script", "no-exec-bit", "other-name", "committed",
                                    "link", "no-go-mod", "cmd-without-go", "cmd-link",
                                    "go-mod-fifo"])
def test_what_is_not_go_builds_program_is_left_alone(tmp_path: Path, layout: str) -> None:
    """A hand-written script named after the module, a program that lost its executable
    bit, one named otherwise, one committed, a link to a program, a program beside no go.mod
    and no .go file, one named after a cmd/ folder of no Go package or behind a link, one
    beside a go.mod that is a FIFO (never opened: the scan does not hang): none is
    reported, neither fix touches it."""
    root = _go_module(tmp_path)
    if layout == "script":
        _script(root / "hello")
        _script(root / "cmd" / "tool" / "tool")
    elif layout == "no-exec-bit":
        compiled_program(root / "hello", tmp_path).chmod(0o644)
    elif layout == "other-name":
        compiled_program(root / "helper", tmp_path)
    elif layout == "committed":
        compiled_program(root / "hello", tmp_path)
        commit_all(root)
    elif layout == "link":
        os.symlink(compiled_program(tmp_path / "elsewhere" / "hello", tmp_path), root / "hello")
    elif layout == "cmd-without-go":  # cmd/notes holds no Go package
        write(root / "cmd" / "notes" / "README.md", "how to run\n")
        compiled_program(root / "notes", tmp_path)
    elif layout == "go-mod-fifo":
        (root / "go.mod").unlink()
        os.mkfifo(root / "go.mod")
        compiled_program(root / "hello", tmp_path)
    elif layout == "cmd-link":  # cmd/ is a link to another module's commands
        shutil.rmtree(root / "cmd")
        write(tmp_path / "other" / "tool" / "main.go", "package main\n\nfunc main() {}\n")
        os.symlink(tmp_path / "other", root / "cmd")
        compiled_program(root / "tool", tmp_path)
    else:
        (root / "go.mod").unlink()
        (root / "main.go").unlink()
        commit_all(root)
        compiled_program(root / "gomod", tmp_path)  # named after the folder, but no .go beside it
    found = {f["path"]: f["code"] for f in findings(scan_foundation(root))
             if f["code"] in ("TDY101", "TDY102")}
    if layout == "committed":  # a committed build output: reported as committed, never moved
        assert found == {"hello": "TDY102"}
        fix_artifacts(root, tmp_path / "state")
        assert (root / "hello").is_file()
        return
    assert found == {}
    left_alone(root, tmp_path / "state", "hello", "cmd/tool/tool", "helper", "gomod", "notes",
               "tool")


# ------------------------------------------------------------------- programs beside source
@needs["cc"]
@needs["make"]
@pytest.mark.slow
def test_a_program_compiled_beside_its_source_is_found_and_moved(tmp_path: Path) -> None:
    """make's built-in rule (`make hello` from hello.c) and `cc -o other other.c`."""
    root = make_repo(tmp_path / "c")
    write(root / "hello.c", "int main(void) { return 0; }\n")
    write(root / "other.c", "int main(void) { return 0; }\n")
    commit_all(root)
    build(root, tmp_path, "make", "-s", "hello")
    build(root, tmp_path, "cc", "-o", "other", "other.c")
    assert artifacts_by_path(root) == {"hello": ("native-program", "safe"),
                                       "other": ("native-program", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"hello", "other"})
    build(root, tmp_path, "make", "-s", "hello")


@needs["cc"]
def test_a_script_or_a_prebuilt_program_beside_sources_is_left_alone(tmp_path: Path) -> None:
    """`check` is a hand-written script beside check.c; `tool` a program no source of its
    name is beside (a prebuilt binary, maybe the only copy); `run.c` a C file with the
    executable bit (it has an extension)."""
    root = make_repo(tmp_path / "c")
    write(root / "check.c", "int main(void) { return 0; }\n")
    write(root / "tool.c.orig", "int main(void) { return 0; }\n")
    commit_all(root)
    _script(root / "check")
    compiled_program(root / "tool", tmp_path)
    write(root / "run.c", "int main(void) { return 0; }\n").chmod(0o755)
    left_alone(root, tmp_path / "state", "check", "tool", "run.c")


# ------------------------------------------------------------------------------ Java
def _java(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "java")
    write(root / "src" / "com" / "example" / "App.java",
          "package com.example;\npublic class App { class In {} public static void main("
          "String[] a) { Runnable r = new Runnable() { public void run() {} }; "
          "com.example.util.U.one(); } }\n")
    write(root / "src" / "com" / "example" / "util" / "U.java",
          "package com.example.util;\npublic class U { public static int one() { return 1; } }\n")
    commit_all(root)
    return root


def _javac(root: Path, tmp_path: Path, out: str) -> None:
    sources = sorted(str(p.relative_to(root)) for p in (root / "src").rglob("*.java"))
    build(root, tmp_path, "javac", "-d", out, *sources)


@needs["javac"]
@pytest.mark.slow
@pytest.mark.parametrize(("out", "marker"), [("out", None), ("bin", ".classpath"),
                                             ("build", "build.xml")])
def test_javac_class_folders_are_found_and_moved(tmp_path: Path, out: str,
                                                 marker: str | None) -> None:
    """javac -d out (src/ beside it), Eclipse's bin/ (.classpath), Ant's build/ (build.xml):
    only .class files in package folders three deep. All three were missed."""
    root = _java(tmp_path)
    if marker is not None:
        write(root / marker, "<project/>\n")
        (root / "src").rename(root / "java")  # the marker alone says whose folder it is
        commit_all(root)
        root_src = root / "java"
        sources = sorted(str(p.relative_to(root)) for p in root_src.rglob("*.java"))
        build(root, tmp_path, "javac", "-d", out, *sources)
    else:
        _javac(root, tmp_path, out)
    assert (root / out / "com" / "example" / "App$1.class").is_file()
    assert artifacts_by_path(root) == {out: ("java-classes-out", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {out})


def _javac_shape(out: Path) -> None:
    """What javac -d out wrote for _java's sources (javac 17)."""
    for name in ("App.class", "App$In.class", "App$1.class", "util/U.class"):
        write(out / "com" / "example" / name, size=500)


@pytest.mark.parametrize("layout", ["a-readme", "a-java-file", "committed", "link",
                                    "no-marker", "empty-packages", "fifo"])
def test_a_class_folder_with_anything_else_or_committed_is_left_alone(tmp_path: Path,
                                                                       layout: str) -> None:
    """out/ of javac's classes plus someone's README, plus a .java source; committed; with
    a link in it (a link is never evidence); beside no marker (no src/, .java, IDE or Ant
    file); holding folders but no file; holding a FIFO named like a class (never opened)."""
    root = _java(tmp_path)
    _javac_shape(root / "out")
    if layout == "a-readme":
        write(root / "out" / "com" / "README.md", "# keep\n")
    elif layout == "a-java-file":
        write(root / "out" / "com" / "example" / "Gen.java", "class Gen {}\n")
    elif layout == "committed":
        commit_all(root)
    elif layout == "fifo":
        os.mkfifo(root / "out" / "com" / "Pipe.class")
    elif layout == "link":
        os.symlink(root / "out" / "com" / "example" / "App.class",
                   root / "out" / "com" / "Link.class")
    elif layout == "no-marker":  # only the sources move: out/ stays untracked
        (root / "src").rename(root / "sources")
        git(root, "add", "-A", "--", "src", "sources")
        git(root, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "move")
    else:
        shutil.rmtree(root / "out")
        (root / "out" / "com" / "example").mkdir(parents=True)
    left_alone(root, tmp_path / "state", "out")


def _intellij(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "idea")
    write(root / ".idea" / "misc.xml", '<project version="4"><component name="ProjectRoot'
          'Manager"><output url="file://$PROJECT_DIR$/out" /></component></project>\n')
    write(root / "demo.iml", '<module type="JAVA_MODULE" version="4"/>\n')
    write(root / "src" / "demo" / "App.java", "package demo;\npublic class App {}\n")
    write(root / "src" / "app.properties", "greeting=hi\n")
    commit_all(root)
    return root


@needs["javac"]
@pytest.mark.slow
def test_intellijs_out_folder_is_found_and_moved(tmp_path: Path) -> None:
    """out/production/demo (classes and a copied resource), out/test/demo, out/artifacts:
    the layout IntelliJ IDEA writes, compiled here by javac. Missed before."""
    root = _intellij(tmp_path)
    build(root, tmp_path, "javac", "-d", "out/production/demo", "src/demo/App.java")
    shutil.copy(root / "src" / "app.properties", root / "out" / "production" / "demo")
    write(root / "out" / "test" / "demo" / "demo" / "AppTest.class", size=400)
    write(root / "out" / "artifacts" / "demo_jar" / "demo.jar", size=900)
    assert artifacts_by_path(root) == {"out": ("intellij-out", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"out"})


@pytest.mark.parametrize("layout", ["notes", "committed", "no-ide"])
def test_an_out_folder_that_is_not_intellijs_is_left_alone(tmp_path: Path, layout: str) -> None:
    """out/production/ beside .idea with someone's notes, or committed (a deploy folder
    named production/ and test/); the same folder beside no .idea and no .iml."""
    root = _intellij(tmp_path)
    write(root / "out" / "production" / "settings.yaml", "replicas: 3\n")
    write(root / "out" / "test" / "settings.yaml", "replicas: 1\n")
    if layout == "notes":
        write(root / "out" / "notes.txt", "deploy by hand\n")
    elif layout == "committed":
        commit_all(root)
    else:
        shutil.rmtree(root / ".idea")
        (root / "demo.iml").unlink()
        commit_all(root)
    left_alone(root, tmp_path / "state", "out")


def _ant(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "ant")
    write(root / "build.xml", '<project name="demo" default="jar"/>\n')
    write(root / "src" / "demo" / "App.java", "package demo;\npublic class App {}\n")
    commit_all(root)
    return root


def test_ants_dist_of_archives_is_found_and_moved(tmp_path: Path) -> None:
    root = _ant(tmp_path)
    write(root / "dist" / "demo.jar", size=900)
    assert artifacts_by_path(root) == {"dist": ("ant-dist", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"dist"})


@pytest.mark.parametrize("layout", ["release-notes", "committed"])
def test_a_dist_folder_beside_build_xml_with_more_or_committed_is_left_alone(
        tmp_path: Path, layout: str) -> None:
    root = _ant(tmp_path)
    write(root / "dist" / "demo.jar", size=900)
    if layout == "release-notes":
        write(root / "dist" / "RELEASE.md", "signed by hand\n")
    else:
        commit_all(root)
    left_alone(root, tmp_path / "state", "dist")


# ------------------------------------------------------------------------------ CMake
def _cmake_project(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "cm")
    write(root / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.16)\nproject(hello C)\n"
          "add_subdirectory(lib)\nadd_executable(hello main.c)\n"
          "target_link_libraries(hello greet)\n")
    write(root / "main.c", "int greet(void);\nint main(void) { return greet() - 1; }\n")
    write(root / "lib" / "CMakeLists.txt", "add_library(greet greet.c)\n")
    write(root / "lib" / "greet.c", "int greet(void) { return 1; }\n")
    commit_all(root)
    return root


@needs["cmake"]
@needs["make"]
@pytest.mark.slow
def test_an_in_source_cmake_build_has_its_cmakefiles_found_and_make_still_builds(
        tmp_path: Path) -> None:
    """`cmake . && make`: CMakeFiles/ at the top and in lib/ were not reported at all. After
    `tidy fix --kind cmake-files` (round 4: it takes the generated Makefiles and scripts along,
    as ninja fails without CMakeFiles/: tests/safety/test_eco_build_outputs_4.py), `cmake .`
    writes them again from CMakeCache.txt (the -D options given), which is left, and make
    builds."""
    root = _cmake_project(tmp_path)
    build(root, tmp_path, "cmake", ".")
    build(root, tmp_path, "make", "-s")
    assert {p: v for p, v in artifacts_by_path(root).items() if v[0] == "cmake-files"} == {
        "CMakeFiles": ("cmake-files", "safe"), "lib/CMakeFiles": ("cmake-files", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {
        "CMakeFiles", "lib/CMakeFiles", "Makefile", "lib/Makefile", "cmake_install.cmake",
        "lib/cmake_install.cmake"}, "--kind", "cmake-files")
    fix_artifacts(root, tmp_path / "state", "--kind", "cmake-files")
    assert not (root / "CMakeFiles").exists() and (root / "CMakeCache.txt").is_file()
    build(root, tmp_path, "cmake", ".")
    build(root, tmp_path, "make", "-s")
    build(root, tmp_path, "./hello")


@pytest.mark.parametrize("tracked", [False, True])
def test_a_hand_written_cmakefiles_folder_is_left_alone(tmp_path: Path, tracked: bool) -> None:
    """A folder of someone's CMake modules named CMakeFiles beside CMakeLists.txt (FindFoo
    .cmake): nothing CMake writes there."""
    root = _cmake_project(tmp_path)
    write(root / "CMakeFiles" / "FindFoo.cmake", "find_path(FOO_INCLUDE foo.h)\n")
    if tracked:
        commit_all(root)
    left_alone(root, tmp_path / "state", "CMakeFiles")


@needs["cmake"]
@pytest.mark.slow
def test_a_cmake_tree_inside_a_committed_build_folder_is_found_alone(tmp_path: Path) -> None:
    """build/ committed (a toolchain file), `cmake -B build/release` inside it: the tree is
    reported, build/ is not."""
    root = _cmake_project(tmp_path)
    write(root / "build" / "linux.cmake", 'set(CMAKE_C_FLAGS_INIT "-O1")\n')
    commit_all(root)
    build(root, tmp_path, "cmake", "-S", ".", "-B", "build/release",
           "-DCMAKE_TOOLCHAIN_FILE=build/linux.cmake")
    assert artifacts_by_path(root) == {"build/release": ("cmake-tree", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"build/release"})


# ------------------------------------------------------------------------------ libtool
@needs["autoreconf"]
@needs["libtoolize"]
@needs["make"]
@needs["cc"]
@pytest.mark.slow
def test_libtools_objdir_is_found_and_taken_with_its_objects(tmp_path: Path) -> None:
    """autoreconf, configure, make of a libtool library and a program: .libs/ was not
    reported. `tidy fix --kind libtool-objdir` takes the .lo/.o beside it too (alone, make
    calls the program up to date and its wrapper fails: `.libs/hello' does not exist`), and
    make builds a working program again."""
    root = make_repo(tmp_path / "lt")
    write(root / "configure.ac", "AC_INIT([hello],[1.0])\nAM_INIT_AUTOMAKE([foreign])\n"
          "LT_INIT\nAC_PROG_CC\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    write(root / "Makefile.am", "lib_LTLIBRARIES = libgreet.la\nlibgreet_la_SOURCES = greet.c\n"
          "bin_PROGRAMS = hello\nhello_SOURCES = main.c\nhello_LDADD = libgreet.la\n")
    write(root / "greet.c", "int greet(void) { return 1; }\n")
    write(root / "main.c", "int greet(void);\nint main(void) { return greet() - 1; }\n")
    commit_all(root)
    build(root, tmp_path, "autoreconf", "-fi")
    build(root, tmp_path, "./configure", "-q")
    build(root, tmp_path, "make", "-s")
    found = artifacts_by_path(root)
    assert found[".libs"] == ("libtool-objdir", "safe")
    assert {p for p, (kind, _) in found.items() if kind == "object-file"} == {
        "greet.lo", "greet.o", "main.o"}
    fix_moves_exactly(root, tmp_path / "state", {".libs", "greet.lo", "greet.o", "main.o"},
                      "--kind", "libtool-objdir")
    fix_artifacts(root, tmp_path / "state", "--kind", "libtool-objdir")
    assert not (root / ".libs").exists() and not (root / "main.o").exists()
    build(root, tmp_path, "make", "-s")
    build(root, tmp_path, "./hello")


@pytest.mark.parametrize("layout", ["no-marker", "no-signature"])
def test_a_libs_folder_that_is_not_libtools_is_left_alone(tmp_path: Path, layout: str) -> None:
    """.libs/ of someone's prebuilt libraries beside no libtool file; beside Makefile.am but
    holding only notes."""
    root = make_repo(tmp_path / "lt")
    write(root / "README", "prebuilt\n")
    if layout != "no-marker":
        write(root / "Makefile.am", "SUBDIRS = .\n")
    commit_all(root)
    if layout == "no-signature":
        write(root / ".libs" / "NOTES.txt", "which libraries we ship\n")
    else:
        write(root / ".libs" / "libvendor.so.1", size=2000)
    left_alone(root, tmp_path / "state", ".libs")


# ------------------------------------------------------------------------------ Visual Studio
def test_visual_studios_state_is_shown_only_when_asked_for_and_never_moved(
        tmp_path: Path) -> None:
    """.vs/ beside a .sln (Visual Studio 2022: .vs/<solution>/v17/.suo, FileContentIndex/):
    per-user state (breakpoints, open documents); research/cleaners.md T4: never by default."""
    root = make_repo(tmp_path / "vs")
    write(root / "App.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n")
    commit_all(root)
    write(root / ".vs" / "App" / "v17" / ".suo", size=3000)
    write(root / ".vs" / "App" / "FileContentIndex" / "a.vsidx", size=3000)
    assert artifacts_by_path(root) == {}
    done = scan_foundation(root, "--kind", "visual-studio-state")
    found = {f["path"]: f["fix"]["applicability"] for f in findings(done, "TDY101")}
    assert found == {".vs": "unsafe"}
    left_alone(root, tmp_path / "state", ".vs")
    assert stat.S_ISREG(os.lstat(root / ".vs" / "App" / "v17" / ".suo").st_mode)


def _vcxproj(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "vs")
    write(root / "App.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n")
    write(root / "App" / "App.vcxproj", '<Project DefaultTargets="Build"/>\n')
    write(root / "App" / "main.cpp", "int main() { return 0; }\n")
    commit_all(root)
    return root


def test_msbuilds_cpp_output_and_intermediates_are_found_and_moved(tmp_path: Path) -> None:
    """Visual Studio 2022's defaults for App.vcxproj in App.sln: x64/Debug/ beside the .sln
    (App.exe, App.pdb, App.ilk), App/x64/Debug/ beside the .vcxproj (main.obj, App.tlog/,
    vc143.pdb), and a Win32 build's Debug/ beside the .sln. None was reported."""
    root = _vcxproj(tmp_path)
    for name in ("App.exe", "App.pdb", "App.ilk"):
        write(root / "x64" / "Debug" / name, size=2000)
    for name in ("main.obj", "vc143.pdb", "vc143.idb", "App.log"):
        write(root / "App" / "x64" / "Debug" / name, size=1000)
    write(root / "App" / "x64" / "Debug" / "App.tlog" / "CL.command.1.tlog", size=300)
    write(root / "App" / "x64" / "Debug" / "App.tlog" / "App.lastbuildstate", "x\n")
    for name in ("App.exe", "App.pdb"):
        write(root / "Debug" / name, size=2000)
    assert artifacts_by_path(root) == {
        "x64": ("msvc-platform-output", "safe"), "App/x64": ("msvc-platform-output", "safe"),
        "Debug": ("msvc-configuration-output", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"x64", "App/x64", "Debug"})


@pytest.mark.parametrize("layout", ["committed", "sources", "no-solution", "more-inside"])
def test_a_release_or_x64_folder_of_someone_s_own_is_left_alone(tmp_path: Path,
                                                                 layout: str) -> None:
    """Release/ with a committed build (App.exe, App.pdb) beside the .sln; x64/ of
    platform-specific sources beside it; Release/ with a .pdb beside no solution or project;
    x64/ holding Debug/ and someone's notes."""
    root = _vcxproj(tmp_path)
    if layout == "committed":
        write(root / "Release" / "App.exe", size=2000)
        write(root / "Release" / "App.pdb", size=2000)
        commit_all(root)
        left_alone(root, tmp_path / "state", "Release")
        return
    if layout == "sources":
        write(root / "x64" / "Debug" / "asm_helpers.asm", "ret\n")
        write(root / "x64" / "simd.cpp", "void f() {}\n")
    elif layout == "no-solution":
        (root / "App.sln").unlink()
        commit_all(root)
        write(root / "Release" / "App.pdb", size=2000)
    else:
        write(root / "x64" / "Debug" / "App.pdb", size=2000)
        write(root / "x64" / "NOTES.md", "signed builds go here\n")
    left_alone(root, tmp_path / "state", "x64", "Release")


# ------------------------------------------------------------------------------ Kotlin
def test_the_kotlin_gradle_plugins_folder_is_found_and_moved(tmp_path: Path) -> None:
    """Kotlin Gradle plugin 2.0: .kotlin/sessions/ and .kotlin/errors/ at the build's root."""
    root = make_repo(tmp_path / "kt")
    write(root / "settings.gradle.kts", 'rootProject.name = "demo"\n')
    write(root / "build.gradle.kts", 'plugins { kotlin("jvm") version "2.0.0" }\n')
    commit_all(root)
    write(root / ".kotlin" / "sessions" / "kotlin-compiler-1.salive", "")
    write(root / ".kotlin" / "errors" / "errors-1718000000000.log", "daemon died\n")
    assert artifacts_by_path(root) == {".kotlin": (".kotlin", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {".kotlin"})


@pytest.mark.parametrize("layout", ["no-gradle", "scripts"])
def test_a_kotlin_folder_that_is_not_the_plugins_is_left_alone(tmp_path: Path,
                                                                layout: str) -> None:
    """.kotlin/ beside no Gradle build; .kotlin/ of someone's scripts beside one."""
    root = make_repo(tmp_path / "kt")
    write(root / "README.md", "demo\n")
    if layout == "scripts":
        write(root / "build.gradle.kts", "plugins {}\n")
    commit_all(root)
    write(root / ".kotlin" / "sessions" / "kotlin-compiler-1.salive", "")
    if layout == "scripts":
        write(root / ".kotlin" / "setup.main.kts", 'println("hi")\n')
    left_alone(root, tmp_path / "state", ".kotlin")


# --------------------------------------------------------------- Visual Studio's CMake presets
_PRESETS = ('{"version": 3, "configurePresets": [{"name": "x64-debug", "generator": '
            '"Unix Makefiles", "binaryDir": "${sourceDir}/out/build/${presetName}", '
            '"installDir": "${sourceDir}/out/install/${presetName}"}]}\n')


@needs["cmake"]
@needs["make"]
@pytest.mark.slow
def test_visual_studios_cmake_out_folder_is_found_whole(tmp_path: Path) -> None:
    """cmake --preset x64-debug, --build, --install with Visual Studio's template presets:
    out/build/x64-debug was found, out/install/x64-debug (no file of CMake's) was not."""
    root = _cmake_project(tmp_path)
    write(root / "CMakeLists.txt", (root / "CMakeLists.txt").read_text()
          + "install(TARGETS hello)\n")
    write(root / "CMakePresets.json", _PRESETS)
    commit_all(root)
    build(root, tmp_path, "cmake", "--preset", "x64-debug")
    build(root, tmp_path, "cmake", "--build", "out/build/x64-debug")
    build(root, tmp_path, "cmake", "--install", "out/build/x64-debug")
    assert (root / "out" / "install" / "x64-debug" / "bin" / "hello").is_file()
    assert artifacts_by_path(root) == {"out": ("cmake-presets-out", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"out"})


@pytest.mark.parametrize("layout", ["committed", "more", "no-presets"])
def test_an_out_folder_beside_cmake_presets_with_more_or_committed_is_left_alone(
        tmp_path: Path, layout: str) -> None:
    """out/ of install/ and build/ committed; with someone's release notes; beside no
    presets file."""
    root = _cmake_project(tmp_path)
    if layout != "no-presets":
        write(root / "CMakePresets.json", _PRESETS)
        commit_all(root)
    write(root / "out" / "build" / "x64-debug" / "CMakeCache.txt", "# cache\n")
    write(root / "out" / "build" / "x64-debug" / "CMakeFiles" / "cmake.check_cache", "# x\n")
    write(root / "out" / "install" / "x64-debug" / "bin" / "hello", size=900)
    if layout == "committed":
        commit_all(root)
    elif layout == "more":
        write(root / "out" / "RELEASE.md", "signed by hand\n")
    found = artifacts_by_path(root)
    assert "out" not in found
    if layout != "committed":  # the CMake tree inside is found on its own, as before
        assert found == {"out/build/x64-debug": ("cmake-tree", "safe")}
        return
    left_alone(root, tmp_path / "state", "out")
