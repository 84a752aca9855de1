"""Round 3 of the ecosystem audit: Go programs a Makefile builds into bin/ and Windows
programs, built for real here (go 1.19, gcc 12), and what must stay though it looks alike.

What each tool wrote (git status --ignored after the build):
- `go build -o bin/tool ./cmd/tool`, `go build -o bin/ ./...` (the usual Makefile target):
  bin/tool, bin/greeter (the module's own main package), ELF, mode 755.
- `GOOS=windows go build`: greeter.exe beside go.mod (a PE image, "MZ", mode 755);
  `GOOS=windows go build -o bin/tool.exe ./cmd/tool` likewise in bin/.
- `cc -o hello.exe hello.c` (what a MinGW build names its program; an ELF here).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import findings, make_repo, scan_foundation, write
from tests.safety.helpers import (
    artifacts_by_path,
    build,
    commit_all,
    compiled_program,
    fix_moves_exactly,
    left_alone,
)

needs_go = pytest.mark.skipif(shutil.which("go") is None, reason="needs go")
needs_cc = pytest.mark.skipif(shutil.which("cc") is None, reason="needs cc")


def _go_module(tmp_path: Path) -> Path:
    """A module example.com/greeter: a main package at its root, cmd/tool and server/."""
    root = make_repo(tmp_path / "gomod")
    write(root / "go.mod", "module example.com/greeter\n\ngo 1.19\n")
    for package in ("main.go", "cmd/tool/main.go", "server/main.go"):
        write(root / package, "package main\n\nfunc main() {}\n")
    write(root / "bin" / "README.md", "programs land here: make build\n")
    commit_all(root)
    return root


@needs_go
@pytest.mark.slow
def test_go_programs_built_into_bin_are_found_and_moved(tmp_path: Path) -> None:
    """`go build -o bin/...` of the module's packages (the module itself, cmd/tool, server):
    all three were missed; now found, moved, and undo puts back every byte."""
    root = _go_module(tmp_path)
    build(root, tmp_path, "go", "build", "-o", "bin/", "./...")
    assert {p.name for p in (root / "bin").iterdir()} == {"README.md", "greeter", "tool",
                                                          "server"}
    assert artifacts_by_path(root) == {"bin/greeter": ("go-program", "safe"),
                                       "bin/tool": ("go-program", "safe"),
                                       "bin/server": ("go-program", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"bin/greeter", "bin/tool", "bin/server"})


@needs_go
@pytest.mark.slow
def test_windows_programs_of_a_go_module_are_found_and_moved(tmp_path: Path) -> None:
    """GOOS=windows names the program greeter.exe (a PE image): missed before, since only a
    name without an extension was looked at."""
    root = _go_module(tmp_path)
    build(root, tmp_path, "go", "build", GOOS="windows")
    build(root, tmp_path, "go", "build", "-o", "bin/tool.exe", "./cmd/tool", GOOS="windows")
    assert (root / "greeter.exe").read_bytes()[:2] == b"MZ"
    assert artifacts_by_path(root) == {"greeter.exe": ("go-program", "safe"),
                                       "bin/tool.exe": ("go-program", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"greeter.exe", "bin/tool.exe"})


@needs_cc
def test_a_c_program_named_with_exe_beside_its_source_is_found(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "c")
    write(root / "hello.c", "int main(void) { return 0; }\n")
    commit_all(root)
    build(root, tmp_path, "cc", "-o", "hello.exe", "hello.c")
    assert artifacts_by_path(root) == {"hello.exe": ("native-program", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"hello.exe"})


@needs_cc
@pytest.mark.parametrize("layout", [
    "bin-script", "bin-other-name", "bin-committed", "bin-link", "bin-without-go-mod",
    "bin-is-a-link", "package-without-go", "exe-script", "exe-other-name", "double-extension",
])
def test_what_is_not_a_go_or_windows_build_is_left_alone(tmp_path: Path, layout: str) -> None:
    """A hand-written bin/ script named after a package, a program in bin/ named after
    nothing of the module, one committed, a link to a program, a bin/ of a folder with no
    go.mod, bin/ itself a link into another module, a name of a folder holding no .go file,
    a script or an unrelated program named NAME.exe, a NAME.tar.exe: none is reported, no
    fix touches it."""
    root = _go_module(tmp_path)
    bin_dir = root / "bin"
    if layout == "bin-script":
        write(bin_dir / "tool", "#!/bin/sh\necho hand-written\n")
        (bin_dir / "tool").chmod(0o755)
    elif layout == "bin-other-name":
        compiled_program(bin_dir / "golangci-lint", tmp_path)
    elif layout == "bin-committed":
        compiled_program(bin_dir / "tool", tmp_path)
        commit_all(root)
    elif layout == "bin-link":
        os.symlink(compiled_program(tmp_path / "elsewhere" / "tool", tmp_path), bin_dir / "tool")
    elif layout == "bin-without-go-mod":
        (root / "go.mod").unlink()
        commit_all(root)
        compiled_program(bin_dir / "greeter", tmp_path)
        compiled_program(bin_dir / "tool", tmp_path)
    elif layout == "bin-is-a-link":  # bin/ leads into another module: its parent is not ours
        other = tmp_path / "other"
        write(other / "go.mod", "module example.com/tool\n\ngo 1.19\n")
        compiled_program(other / "bin" / "tool", tmp_path)
        shutil.rmtree(bin_dir)
        os.symlink(other / "bin", bin_dir)
    elif layout == "package-without-go":
        write(root / "docs" / "README.md", "notes\n")
        commit_all(root)
        compiled_program(bin_dir / "docs", tmp_path)
    elif layout == "exe-script":
        write(root / "greeter.exe", "#!/bin/sh\necho hand-written\n")
        (root / "greeter.exe").chmod(0o755)
    elif layout == "exe-other-name":
        compiled_program(root / "setup.exe", tmp_path)
    else:
        compiled_program(root / "greeter.tar.exe", tmp_path)
    found = {f["path"]: f["code"] for f in findings(scan_foundation(root))
             if f["code"] in ("TDY101", "TDY102")}
    if layout == "bin-committed":  # a committed build output is reported, never moved
        assert found == {"bin/tool": "TDY102"}
        return
    assert found == {}
    left_alone(root, tmp_path / "state", "bin", "greeter.exe", "setup.exe", "greeter.tar.exe")
