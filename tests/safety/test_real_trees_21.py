"""Real trees, round 21 (bench/RESULTS.md, "Real trees, round 21"): what tidy got wrong on
real projects, and the look-alikes that must stay.

An in-source CMake build (`cmake . && make`) writes its libraries beside CMakeFiles/ as it
writes its programs: libcalc.a for `add_library(calc STATIC ...)`, libcalc.so (with VERSION:
libcalc.so.1.2.0 and two links to it) for SHARED, libplug.so for MODULE. Round 20 named the
programs (cmake-program); the libraries stayed after a fix had moved everything else.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_repo, write
from tests.fixes.helpers import run_tidy
from tests.safety.helpers import (
    artifacts_by_path,
    build,
    commit_all,
    fix_moves_exactly,
    left_alone,
)


# ------------------------------------------------------------------ CMake's libraries in place
def _cmake_libraries(root: Path, tmp_path: Path) -> Path:
    """`cmake . && cmake --build .` of a static, a versioned shared and a module library
    and a test program linked to the static one."""
    repo = make_repo(root)
    write(repo / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(calc C)\n"
          "add_library(calc STATIC src/calc.c)\n"
          "add_library(calcshared SHARED src/calc.c)\n"
          "set_target_properties(calcshared PROPERTIES VERSION 1.2.0 SOVERSION 1)\n"
          "add_library(plug MODULE src/calc.c)\n"
          "add_executable(calc_test tests/calc_test.c)\n"
          "target_link_libraries(calc_test calc)\n")
    write(repo / "src" / "calc.c", "int add(int a, int b) { return a + b; }\n")
    write(repo / "tests" / "calc_test.c",
          "int add(int, int);\nint main(void) { return add(2, 2) == 4 ? 0 : 1; }\n")
    commit_all(repo)
    build(repo, tmp_path, "cmake", ".")
    build(repo, tmp_path, "cmake", "--build", ".")
    return repo


_LIBRARIES = {"libcalc.a", "libcalcshared.so.1.2.0", "libplug.so"}


def test_libraries_cmake_built_in_the_source_folder_are_found(tmp_path: Path) -> None:
    """The libraries are named and moved with the rest of the build (their links stay: tidy
    never moves a link), and the project builds and runs its test again after the fix."""
    repo = _cmake_libraries(tmp_path / "repo", tmp_path)
    found = artifacts_by_path(repo)
    for library in _LIBRARIES:
        assert found.get(library) == ("cmake-library", "safe"), found
    assert not any(p.startswith(("src", "tests", "libcalcshared.so.1", "CMakeLists"))
                   and p != "libcalcshared.so.1.2.0" for p in found), found
    fix_moves_exactly(repo, tmp_path / "state",
                      {p for p, (_, how) in found.items() if how == "safe"})
    done = run_tidy("fix", "--yes", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not any((repo / library).exists() for library in _LIBRARIES)
    build(repo, tmp_path, "cmake", ".")  # the project builds again, as before the fix
    build(repo, tmp_path, "cmake", "--build", ".")
    build(repo, tmp_path, "./calc_test")
    assert all((repo / library).is_file() for library in _LIBRARIES)


def test_cmake_library_look_alikes_stay(tmp_path: Path) -> None:
    """A library of no target's folder (a prebuilt SDK's beside another target's, one on its
    own), one whose NAME.dir is a link, a text file named libNAME.a beside NAME.dir."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "README.md", "libs\n")
    write(repo / "vendor" / "CMakeFiles" / "app.dir" / "flags.make", "# flags\n")
    write(repo / "vendor" / "libsdk.so", "\x7fELF a prebuilt SDK's, of no target here\n")
    commit_all(repo)  # what follows stays untracked, where the scan offers to move it
    write(repo / "lone" / "libcalc.a", "!<arch>\nnot beside a build\n")
    write(repo / "lone" / "CMakeFiles" / "other.dir" / "flags.make", "# flags\n")
    write(repo / "notes" / "CMakeFiles" / "calc.dir" / "flags.make", "# flags\n")
    write(repo / "notes" / "libcalc.a", "a list of the calc library's functions\n")
    (repo / "elsewhere").mkdir()
    write(repo / "linked" / "libcalc.a", "!<arch>\nlinked target folder\n")
    write(repo / "linked" / "CMakeFiles" / "keep.txt", "kept\n")
    (repo / "linked" / "CMakeFiles" / "calc.dir").symlink_to(repo / "elsewhere")
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items()
                if kind == "cmake-library"}
    left_alone(repo, tmp_path / "state", "vendor/libsdk.so", "lone/libcalc.a",
               "notes/libcalc.a", "linked/libcalc.a")


@settings(max_examples=200)
@given(st.text(alphabet="abcz_-+.019/", min_size=0, max_size=12))
def test_a_library_name_gives_its_target_or_nothing(stem: str) -> None:
    """libNAME.a, libNAME.so, libNAME.so.1.2, libNAME.dylib give NAME (no dot, no slash);
    any other name nothing."""
    from tidy.core.catalog import library_target  # here: the module's other tests run on main

    for suffix in (".a", ".so", ".so.1", ".so.1.2.0", ".dylib"):
        target = library_target(f"lib{stem}{suffix}")
        if stem and "." not in stem and "/" not in stem:
            assert target == stem
        elif target is not None:  # a dotted stem can read as NAME + a version: still no dot
            assert "." not in target and "/" not in target
    assert library_target(f"lib{stem}.la") is None  # libtool's, not a library image
    assert library_target(f"{stem}.a") is None or stem.startswith("lib")
