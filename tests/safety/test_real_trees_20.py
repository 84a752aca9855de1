"""Real trees, round 20 (bench/RESULTS.md, "Real trees, round 20"): what tidy got wrong on
real projects, and the look-alikes that must stay.

esbuild has no config file: the folder it writes is named only on its command line, in
package.json's scripts (`esbuild src/app.ts --bundle --outdir=dist`). A dist/ needed a marker
beside it (a vite/webpack/rollup config, a tsconfig.json), so esbuild's bundles were missed
(round 19: a pnpm workspace package's dist/; here esbuild 0.28.2's dist/ of app.js and
app.css, and the bundle/ of `--outfile=bundle/out.js --sourcemap` in a TypeScript library).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import git, make_repo, run_cli, write
from tests.fixes.helpers import run_tidy
from tests.safety.helpers import (
    artifacts_by_path,
    build,
    commit_all,
    compiled_program,
    fix_moves_exactly,
    left_alone,
)
from tidy.core.build_scripts import esbuild_output_folders


def _package(root: Path, **scripts: str) -> None:
    write(root / "package.json", json.dumps({"name": root.name, "private": True,
                                             "scripts": scripts}))
    write(root / "src" / "app.ts", 'import "./app.css";\ndocument.title = "hi";\n')
    write(root / "src" / "app.css", "body { color: red }\n")
    write(root / ".gitignore", "node_modules/\n")


def _bundle(folder: Path, name: str = "app", *, sourcemap: bool = False) -> None:
    """What esbuild 0.28.2 writes for src/app.ts importing app.css (--bundle --minify)."""
    write(folder / f"{name}.js", '(()=>{document.title="hi";})();\n'
          + (f"//# sourceMappingURL={name}.js.map\n" if sourcemap else ""))
    write(folder / f"{name}.css", "body{color:red}\n")
    if sourcemap:
        write(folder / f"{name}.js.map", '{"version":3,"sources":["../src/app.ts"]}\n')


def _esbuild_repo(root: Path) -> Path:
    """An app whose build script bundles into dist/, and a workspace package whose script
    writes one file into bundle/ with its map (a folder of no js-dist name)."""
    repo = make_repo(root)
    _package(repo, build="tsc --noEmit && esbuild src/app.ts --bundle --minify --outdir=dist",
             watch="esbuild src/app.ts --bundle --outdir=dist --watch")
    _package(repo / "packages" / "web",
             bundle="npx esbuild src/app.ts --bundle --sourcemap --outfile=bundle/web.js")
    commit_all(repo)
    _bundle(repo / "dist")
    _bundle(repo / "packages" / "web" / "bundle", "web", sourcemap=True)
    return repo


def test_an_esbuild_scripts_output_is_found_moved_and_put_back(tmp_path: Path) -> None:
    repo = _esbuild_repo(tmp_path / "repo")
    found = artifacts_by_path(repo)
    assert found.get("dist") == ("js-dist", "safe"), found
    assert found.get("packages/web/bundle") == ("js-dist", "safe"), found
    assert not any(p.startswith(("src", "packages/web/src")) for p in found), found
    fix_moves_exactly(repo, tmp_path / "state", {"dist", "packages/web/bundle"})


def test_the_commit_hook_blocks_an_esbuild_bundle(tmp_path: Path) -> None:
    """bundle/ is of no js-dist name: only the script names it."""
    repo = _esbuild_repo(tmp_path / "repo")
    git(repo, "add", "-A")
    staged = git(repo, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]
    done = run_cli("hook", "check-staged", *staged, cwd=repo)
    assert done.code == 1, done.out + done.err
    assert "packages/web/bundle: JavaScript build output" in done.out + done.err
    assert "src/app" not in done.out + done.err


def test_esbuild_look_alikes_stay(tmp_path: Path) -> None:
    """A script that only mentions esbuild (echo), an outdir that also holds a hand-written
    page or notes, an outdir named below dist/ (dist/ is then not all esbuild's), and a
    folder no script names: none is a build output."""
    repo = make_repo(tmp_path / "repo")
    _package(repo / "echoed", build="echo esbuild src/app.ts --outdir=dist")
    _bundle(repo / "echoed" / "dist")
    _package(repo / "mixed", build="esbuild src/app.ts --bundle --outdir=dist")
    _bundle(repo / "mixed" / "dist")
    write(repo / "mixed" / "dist" / "NOTES.md", "release notes kept with the bundle\n")
    _package(repo / "page", build="esbuild src/app.ts --bundle --sourcemap --outdir=public")
    _bundle(repo / "page" / "public", sourcemap=True)
    write(repo / "page" / "public" / "index.html", "<script src=app.js></script>\n")
    _package(repo / "deeper", build="esbuild src/app.ts --bundle --outdir=dist/js")
    _bundle(repo / "deeper" / "dist")
    _package(repo / "unnamed", build="esbuild src/app.ts --bundle --outfile=out.js")
    _bundle(repo / "unnamed" / "dist")
    commit_all(repo)
    left_alone(repo, tmp_path / "state", "echoed/dist", "mixed/dist", "page/public",
               "deeper/dist", "unnamed/dist")


_WORDS = st.text(alphabet="abcdefghij-=/._ '\"&|;", max_size=40)


@given(st.dictionaries(st.text(max_size=5), st.one_of(_WORDS, st.integers(), st.none()),
                       max_size=4))
def test_any_scripts_table_gives_folders_only_from_an_esbuild_command(
        scripts: dict[str, object]) -> None:
    """Whatever the table holds (open quotes, operators, no strings), reading it never
    fails, and with no word esbuild in it names no folder."""
    assert esbuild_output_folders(scripts) == frozenset()


def test_esbuild_command_lines_as_package_scripts_write_them() -> None:
    scripts = {
        "a": "rimraf dist && NODE_ENV=production npx --yes esbuild src/a.ts --outdir=./dist/",
        "b": "tsc -p . ; ./node_modules/.bin/esbuild b.ts --bundle --outfile=out/b.js",
        "c": "pnpm exec esbuild c.ts --outfile=c.js",
        "d": "echo esbuild --outdir=echoed | cat",
        "e": "esbuild 'e f.ts' --outdir=\"with space\"",
    }
    assert esbuild_output_folders(scripts) == {"./dist/", "out", "with space"}
    assert esbuild_output_folders(["esbuild --outdir=x"]) == frozenset()


# ------------------------------------------------------------------ tsBuildInfoFile
# The head of what tsc 5.9.3 wrote for `incremental` with tsBuildInfoFile ".cache/tsbuildinfo".
_BUILD_INFO = ('{"fileNames":["../node_modules/typescript/lib/lib.es5.d.ts","../src/index.ts"],'
               '"fileInfos":[{"version":"1","affectsGlobalScope":true},"2"],'
               '"root":[2],"options":{"declaration":true,"outDir":"../dist"},'
               '"version":"5.9.3"}')


def _tsc_library(root: Path) -> Path:
    """A library built by `tsc -p .` with its build state where tsconfig.json puts it."""
    repo = make_repo(root)
    write(repo / "tsconfig.json", json.dumps({"compilerOptions": {
        "outDir": "dist", "rootDir": "src", "declaration": True, "incremental": True,
        "tsBuildInfoFile": ".cache/tsbuildinfo"}, "include": ["src"]}))
    write(repo / "src" / "index.ts", "export function add(a: number, b: number): number "
          "{ return a + b; }\n")
    write(repo / ".gitignore", "node_modules/\n")
    commit_all(repo)
    write(repo / "dist" / "index.js", '"use strict";\nexports.add = add;\n')
    write(repo / "dist" / "index.d.ts", "export declare function add(a: number, b: number)"
          ": number;\n")
    write(repo / ".cache" / "tsbuildinfo", _BUILD_INFO)
    return repo


def test_a_tsbuildinfo_where_tsconfig_puts_it_goes_with_its_outdir(tmp_path: Path) -> None:
    """Kept while dist/ was moved, tsc 5.9.3's `tsc -p .` called the project up to date and
    wrote nothing: the library's main (dist/index.js) stayed gone. The build state is now
    found by its content, and `--kind js-dist` takes it along."""
    repo = _tsc_library(tmp_path / "repo")
    found = artifacts_by_path(repo)
    assert found.get(".cache/tsbuildinfo") == ("tsbuildinfo-set", "safe"), found
    assert found.get("dist") == ("js-dist", "safe"), found
    fix_moves_exactly(repo, tmp_path / "state", {"dist", ".cache/tsbuildinfo"},
                      "--kind", "js-dist")


def test_files_named_like_build_state_but_holding_other_json_stay(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "tsconfig.json", '{"compilerOptions": {"outDir": "dist"}}\n')
    write(repo / "meta" / "buildinfo.json", '{"version": "1.2.0", "commit": "abc123"}\n')
    write(repo / "meta" / "tsbuildinfo", "notes on the build: fileNames are kept\n")
    write(repo / "meta" / ".tsbuildinfo.json", '{"files": ["a.ts"], "fileNames": []}\n')
    commit_all(repo)
    write(repo / "local" / "buildinfo.json", '{"built": "2026-12-07"}\n')
    left_alone(repo, tmp_path / "state", "meta", "local/buildinfo.json")


# ------------------------------------------------------------------ CMake in the source folder
def _cmake_in_source(root: Path, tmp_path: Path) -> Path:
    """`cmake . && cmake --build .`: a test program built from tests/calc_test.c, so no
    source of its name is beside it."""
    repo = make_repo(root)
    write(repo / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(calc C)\n"
          "add_executable(calc_test tests/calc_test.c)\n")
    write(repo / "tests" / "calc_test.c", "int main(void) { return 0; }\n")
    commit_all(repo)
    build(repo, tmp_path, "cmake", ".")
    build(repo, tmp_path, "cmake", "--build", ".")
    return repo


def test_a_program_cmake_built_in_the_source_folder_is_found(tmp_path: Path) -> None:
    """CMakeFiles/ and the generated files were found and moved, calc_test was left: with
    CMakeFiles/calc_test.dir gone, nothing said what it was any more."""
    repo = _cmake_in_source(tmp_path / "repo", tmp_path)
    found = artifacts_by_path(repo)
    assert found.get("calc_test") == ("cmake-program", "safe"), found
    fix_moves_exactly(repo, tmp_path / "state",
                      {p for p, (_, how) in found.items() if how == "safe"})
    done = run_tidy("fix", "--yes", cwd=repo, state=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert not (repo / "calc_test").exists()
    build(repo, tmp_path, "cmake", ".")  # the project builds again, as before the fix
    build(repo, tmp_path, "cmake", "--build", ".")
    build(repo, tmp_path, "./calc_test")


def test_cmake_program_look_alikes_stay(tmp_path: Path) -> None:
    """A script of a target's name, a program with no CMakeFiles/NAME.dir, and one whose
    NAME.dir is a link to a folder: none is a program CMake built there."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "README.md", "tools\n")
    commit_all(repo)  # what follows stays untracked, where the scan offers to move it
    write(repo / "tool" / "CMakeFiles" / "run.dir" / "flags.make", "# flags\n")
    write(repo / "tool" / "run", "#!/bin/sh\necho run\n").chmod(0o755)
    compiled_program(repo / "tool" / "other", tmp_path)
    (repo / "elsewhere").mkdir()
    compiled_program(repo / "linked" / "prog", tmp_path)
    write(repo / "linked" / "CMakeFiles" / "keep.txt", "kept\n")
    (repo / "linked" / "CMakeFiles" / "prog.dir").symlink_to(repo / "elsewhere")
    assert not {p for p, (kind, _) in artifacts_by_path(repo).items()
                if kind == "cmake-program"}
    left_alone(repo, tmp_path / "state", "tool/run", "tool/other", "linked/prog")


# ------------------------------------------------------------------ Go coverage, pdm
def test_a_go_coverage_profile_is_found(tmp_path: Path) -> None:
    """`go test -coverprofile=coverage.out ./...` left its profile in the module; nothing
    named it (round 20's Go module)."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "go.mod", "module example.com/calc\n\ngo 1.19\n")
    write(repo / "calc.go", "package calc\n\nfunc Add(a, b int) int { return a + b }\n")
    write(repo / "calc_test.go", 'package calc\n\nimport "testing"\n\n'
          "func TestAdd(t *testing.T) {\n\tif Add(2, 2) != 4 {\n\t\tt.Fatal()\n\t}\n}\n")
    commit_all(repo)
    build(repo, tmp_path, "go", "test", "-coverprofile=coverage.out", "./...")
    found = artifacts_by_path(repo)
    assert found.get("coverage.out") == ("go-coverage", "safe"), found
    fix_moves_exactly(repo, tmp_path / "state", {"coverage.out"})


def test_coverage_look_alikes_stay(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "README.md", "notes\n")
    commit_all(repo)
    write(repo / "coverage.txt", "coverage went up to 81% this week\n")
    write(repo / "docs" / "c.out", "mode: manual\nsteps: 3\n")
    left_alone(repo, tmp_path / "state", "coverage.txt", "docs/c.out")


def test_pdms_interpreter_choice_gets_an_ignore_rule_not_the_trash(tmp_path: Path) -> None:
    """pdm 2.29's `pdm install` wrote .pdm-python (the path of the venv's python); nothing
    named it, so no ignore rule was offered for a path that holds only on this machine."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "pyproject.toml", '[project]\nname = "p"\nversion = "0.1"\n')
    commit_all(repo)
    write(repo / ".pdm-python", f"{repo}/.venv/bin/python\n")
    done = run_cli("scan", "--format", "json", cwd=repo)
    rows = [(f["code"], f["kind"], f["fix"]["applicability"]) for g in json.loads(done.out)[
        "groups"] for f in g["findings"] if f["path"] == ".pdm-python"]
    assert ("TDY501", "pdm-python", "safe") in rows, done.out
    assert ("TDY101", "pdm-python", "unsafe") in rows, done.out
    fixed = run_tidy("fix", "--yes", cwd=repo, state=tmp_path / "state")
    assert fixed.returncode == 0, fixed.stderr
    assert (repo / ".pdm-python").read_text() == f"{repo}/.venv/bin/python\n"
    assert "/.pdm-python" in (repo / ".gitignore").read_text().splitlines()
