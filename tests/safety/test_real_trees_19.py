"""Real trees, round 19 (bench/RESULTS.md, "Real trees, round 19"): what tidy got wrong on
real projects, and the look-alikes that must stay.

The commit hook and `tidy watch` judged a folder by its name first and stopped there when no
kind had that name; the scan's walk also knows folders of any name by a file inside (a venv's
pyvenv.cfg, Django's staticfiles.json, a CMake tree's CMakeCache.txt, a CACHEDIR.TAG) or by a
sibling config naming them (tsconfig.json's outDir "lib"). So `git add` of a CMake tree built
with `cmake -B _bld`, of a STATIC_ROOT, or of tsc's lib/ passed the hook that blocks a build/,
and `tidy watch` spent one inotify watch per folder inside a venv named `py311` (1,000 folders
in a venv with pip) as if it were the project's own source.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import git, make_repo, run_cli, write
from tests.safety.helpers import build, commit_all
from tidy.core.catalog import Catalog, load_builtin
from tidy.watch import scale
from tidy.watch.runner import Watcher, WatchOptions


def _cmake_project(root: Path, tmp_path: Path) -> Path:
    """A C project configured with `cmake -B _bld` (a build tree of no catalogued name)."""
    write(root / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.10)\nproject(hi C)\n"
          "add_executable(hi hi.c)\n")
    write(root / "hi.c", "int main(void) { return 0; }\n")
    commit_all(root)
    build(root, tmp_path, "cmake", "-S", ".", "-B", "_bld")
    return root


def _static_root(root: Path, folder: str = "collected") -> None:
    """What `manage.py collectstatic` writes with ManifestStaticFilesStorage (Django 5.2)."""
    write(root / "manage.py", "#!/usr/bin/env python\n")
    write(root / folder / "admin" / "css" / "base.css", "body {}\n")
    write(root / folder / "admin" / "css" / "base.523eb49842a7.css", "body {}\n")
    write(root / folder / "staticfiles.json", json.dumps({
        "paths": {"admin/css/base.css": "admin/css/base.523eb49842a7.css"},
        "version": "1.1", "hash": "6e2a1bd1c1b9"}))


def _tsc_lib(root: Path) -> None:
    """A TypeScript package whose tsconfig.json names lib/ as tsc's outDir, as tsc wrote it."""
    write(root / "tsconfig.json", json.dumps({"compilerOptions": {
        "outDir": "lib", "rootDir": "src", "declaration": True}}))
    write(root / "src" / "index.ts", "export const three = 3\n")
    write(root / "lib" / "index.js", '"use strict";\nexports.three = 3;\n')
    write(root / "lib" / "index.d.ts", "export declare const three: number;\n")


def _hook(repo: Path, *files: str) -> tuple[int, str]:
    done = run_cli("hook", "check-staged", *files, cwd=repo)
    return done.code, done.out + done.err


def _staged(repo: Path) -> list[str]:
    return git(repo, "diff", "--cached", "--name-only", "-z").split("\0")[:-1]


# ------------------------------------------------------------------ the commit hook
def test_the_commit_hook_blocks_folders_known_by_what_is_in_or_beside_them(
        tmp_path: Path) -> None:
    """`git add -A` of a CMake tree configured as _bld, a STATIC_ROOT named collected and
    tsc's lib/: each is what the scan calls a cache or build output (TDY102 once committed),
    and each passed the hook. Each is now named once, with its file count in the index."""
    repo = _cmake_project(make_repo(tmp_path / "repo"), tmp_path)
    _static_root(repo)
    _tsc_lib(repo / "packages" / "ui")
    git(repo, "add", "-A")
    code, text = _hook(repo, *_staged(repo))
    assert code == 1, text
    built = len(git(repo, "ls-files", "_bld").splitlines())
    assert f"_bld: CMake build tree (CMakeCache.txt inside) (cmake-tree folder) ({built:,} "\
        "files) must not be committed [TDY102]" in text
    assert "collected: Django's collected static files" in text
    assert "(3 files) must not be committed" in text
    assert "packages/ui/lib: JavaScript build output (js-dist folder) (2 files)" in text
    assert "packages/ui/src" not in text and "hi.c" not in text


def test_the_push_hook_judges_the_pushed_tree_alike(tmp_path: Path) -> None:
    """`pre-commit run --hook-stage manual tidy-push` (no range: HEAD's tree) of a commit that
    holds them."""
    repo = _cmake_project(make_repo(tmp_path / "repo"), tmp_path)
    _static_root(repo)
    commit_all(repo)
    done = run_cli("hook", "check-push", cwd=repo)
    assert done.code == 1, done.err
    assert "_bld: CMake build tree" in done.out
    assert "collected: Django's collected static files" in done.out


def test_look_alikes_still_pass_the_commit_hook(tmp_path: Path) -> None:
    """A staticfiles.json of other JSON, a CMakeCache.txt in a source folder (CMakeLists.txt
    beside it: configured in place), a lib/ of plain .js beside a tsconfig.json, a
    tsconfig.json naming dist/ beside a lib/ of .d.ts files: none is blocked."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "notes" / "staticfiles.json", '{"files": ["a.css"]}\n')
    write(repo / "notes" / "a.css", "a {}\n")
    write(repo / "inplace" / "CMakeLists.txt", "project(x C)\n")
    write(repo / "inplace" / "CMakeCache.txt", "# This is the CMakeCache file.\n")
    write(repo / "inplace" / "CMakeFiles" / "x.txt", "x\n")
    write(repo / "plain" / "tsconfig.json", '{"compilerOptions": {"outDir": "lib"}}\n')
    write(repo / "plain" / "lib" / "index.js", "module.exports = 3;\n")
    write(repo / "other" / "tsconfig.json", '{"compilerOptions": {"outDir": "dist"}}\n')
    write(repo / "other" / "lib" / "globals.d.ts", "declare const V: string;\n")
    git(repo, "add", "-A")
    code, text = _hook(repo, *_staged(repo))
    assert code == 0, text


def test_an_ordinary_commit_lists_no_index(tmp_path: Path) -> None:
    """Where the evidence of kinds of any name lies is asked of git with the catalogue's
    names as pathspecs: a commit of plain files in folders gets that answer, not the whole
    index, and nothing is blocked (a repo of 400 tracked files here, a tsconfig.json at its
    root whose outDir is not the folder committed to)."""
    repo = make_repo(tmp_path / "repo")
    for i in range(400):
        write(repo / "src" / f"m{i:04}.py", f"X = {i}\n")
    # a TypeScript repo's root config sits beside src/: its setting is read, not the index
    write(repo / "tsconfig.json", '{"compilerOptions": {"outDir": "dist"}}\n')
    commit_all(repo)
    write(repo / "src" / "m0001.py", "X = -1\n")
    git(repo, "add", "src/m0001.py")
    trace = tmp_path / "trace"
    env = {**os.environ, "GIT_TRACE": str(trace)}
    done = subprocess.run([sys.executable, "-m", "tidy", "hook", "check-staged",
                           "src/m0001.py"], cwd=repo, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    listings = [line.split("built-in: ", 1)[1].replace("'", "").split()
                for line in trace.read_text().splitlines()
                if "built-in: git ls-files" in line]
    assert len(listings) >= 2, "the staged path's entry, then the pathspec query"
    # ... and never the whole index: `git ls-files -s -z` (or -z) with no pathspec
    assert all("--" in args for args in listings), listings


# ------------------------------------------------------------------ tidy watch
def _venv(path: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    for i in range(5):  # what an install leaves: packages in site-packages
        write(next(path.glob("lib/python3*/site-packages")) / f"pkg{i}" / "__init__.py", "")


def test_watch_keeps_folders_of_any_name_as_cache_locations(tmp_path: Path) -> None:
    """The survey that picks watch's folders watched every folder inside a venv named py311,
    a STATIC_ROOT and a CMake tree as project folders. Now each is one cache location, judged
    as the scan judges it, and the project's own folders are watched as before."""
    root = _cmake_project(make_repo(tmp_path / "ws"), tmp_path)
    _venv(root / "py311")
    _static_root(root)
    _tsc_lib(root / "ui")
    write(root / "src" / "app.py", "")
    layout = scale.survey([str(root)], Catalog(load_builtin()))
    caches = {c.path: c.kind for c in layout.caches}
    assert caches == {str(root / "py311"): "venv", str(root / "collected"): "django-staticfiles",
                      str(root / "_bld"): "cmake-tree", str(root / "ui" / "lib"): "js-dist"}
    assert sorted(layout.project_dirs) == sorted(str(p) for p in (
        root, root / "src", root / "ui", root / "ui" / "src"))


def test_watch_knows_a_folder_moved_in_by_what_is_inside(tmp_path: Path) -> None:
    """A venv or STATIC_ROOT moved into a watched project (mv, tar x) is a cache location,
    watched on its own; a folder of plain files moved in is a project folder."""
    root = make_repo(tmp_path / "ws")
    write(root / "README.md", "")
    watcher = Watcher(WatchOptions((str(root),)))
    _venv(root / "env-3.11")
    _static_root(root, "static_root")
    write(root / "docs" / "index.md", "")
    assert watcher._is_artifact(str(root), "env-3.11")
    assert watcher._is_artifact(str(root), "static_root")
    assert not watcher._is_artifact(str(root), "docs")


# -------------------------------------------------------- an sdist committed as it unpacks
# Every sdist setuptools builds carries NAME.egg-info, and projects ship the C that Cython
# generated (msgpack 1.2.4: msgpack/_cmsgpack.c, 1.2 MB): six 1.17.0 and msgpack committed as
# they unpack failed the default scan with "setuptools metadata is committed to git" and the
# untrack fix alone, which is wrong advice for a release kept as published.
def _sdist(tmp_path: Path, name: str) -> Path:
    """A real sdist of a small project, built by setuptools and unpacked: its folder."""
    project = tmp_path / f"{name}-src"
    write(project / "setup.py", "from setuptools import setup\n"
          f"setup(name={name!r}, version='1.0', py_modules=[{name!r}])\n")
    write(project / f"{name}.py", "VALUE = 1\n")
    subprocess.run([sys.executable, "setup.py", "-q", "sdist", "--formats=gztar"], cwd=project,
                   check=True, capture_output=True)
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    subprocess.run(["tar", "xzf", str(project / "dist" / f"{name}-1.0.tar.gz"), "-C",
                    str(unpacked)], check=True)
    return unpacked / f"{name}-1.0"


def _committed_findings(root: Path) -> dict[str, str]:
    from tests.conftest import findings, scan_foundation

    return {f["path"]: f["message"] for f in findings(scan_foundation(root), "TDY102")}


def test_an_unpacked_sdist_says_where_its_egg_info_comes_from(tmp_path: Path) -> None:
    """The finding stays (in the project's own repository the metadata is a stale artifact)
    and says both ways out; the exclude it gives makes the scan pass."""
    import shutil

    repo = make_repo(tmp_path / "repo")
    shutil.copytree(_sdist(tmp_path, "tinyvendor"), repo / "vendor" / "tinyvendor-1.0")
    write(repo / "app.py", "import tinyvendor\n")
    commit_all(repo)
    message = _committed_findings(repo)["vendor/tinyvendor-1.0/tinyvendor.egg-info"]
    assert "the sdist unpacked in vendor/tinyvendor-1.0/ ships it" in message
    assert "untrack it (tidy fix --unsafe-fixes --select TDY102)" in message
    exclude = 'exclude = ["/vendor/tinyvendor-1.0/tinyvendor.egg-info/"]'
    assert f"add {exclude} to .tidy.toml" in message
    assert run_cli("scan", str(repo), cwd=repo).code == 1
    write(repo / ".tidy.toml", exclude + "\n")
    done = run_cli("scan", str(repo), cwd=repo)
    assert done.code == 0, done.out


def test_a_projects_own_committed_egg_info_keeps_the_plain_message(tmp_path: Path) -> None:
    """No PKG-INFO tracked above it (a project that committed `pip install -e .`'s output), or
    a PKG-INFO with no project file beside it: the message is the one it always was."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "setup.py", "from setuptools import setup\nsetup(name='own', version='1')\n")
    write(repo / "own.egg-info" / "PKG-INFO", "Metadata-Version: 2.1\nName: own\n")
    write(repo / "own.egg-info" / "SOURCES.txt", "setup.py\n")
    write(repo / "docs" / "PKG-INFO", "Metadata-Version: 2.1\n")
    write(repo / "docs" / "x.egg-info" / "PKG-INFO", "Metadata-Version: 2.1\n")
    commit_all(repo)
    found = _committed_findings(repo)
    assert found["own.egg-info"] == "setuptools metadata is committed to git (2 tracked files)"
    assert found["docs/x.egg-info"] == "setuptools metadata is committed to git (1 tracked file)"


# -------------------------------------------------------------------------------- nox
def test_noxs_environments_are_named_as_noxs(tmp_path: Path) -> None:
    """A data-science repo with tox.ini and noxfile.py: `tox` made .tox/py311, `nox` made
    .nox/tests (each a virtualenv per session). .nox was reported as kind .tox, "tox/nox test
    environments (.tox folder)"; now it is its own, and both are still moved."""
    from tests.conftest import findings, scan_foundation
    from tests.safety.helpers import fix_moves_exactly

    repo = make_repo(tmp_path / "ds")
    write(repo / "noxfile.py", "import nox\n\n@nox.session\ndef tests(session):\n    pass\n")
    write(repo / "tox.ini", "[tox]\nenvlist = py311\n")
    commit_all(repo)
    _venv(repo / ".nox" / "tests")
    _venv(repo / ".tox" / "py311")
    found = {f["path"]: (f["kind"], f["message"]) for f in findings(scan_foundation(repo),
                                                                     "TDY101")}
    assert found == {".nox": (".nox", "nox session environments (.nox folder)"),
                     ".tox": (".tox", "tox test environments (.tox folder)")}
    fix_moves_exactly(repo, tmp_path / "state", {".nox", ".tox"})


# ------------------------------------------------------- the hook's ignore rule, followed
def test_the_hooks_ignore_rule_hides_only_what_it_blocks(tmp_path: Path) -> None:
    """pre-commit on msgpack 1.2.4 committed as it unpacked: the hook told to add '*.c' to
    .gitignore for Cython's msgpack/_cmsgpack.c, and 'lib/' for tsc's packages/ui/lib, rules
    that hide every hand-written .c and every lib/ of sources from then on. It now names the
    one place, as `tidy fix` writes it; followed to the letter, the next hand-written .c and
    a lib/ of sources are still committed."""
    import shlex

    repo = make_repo(tmp_path / "repo")
    write(repo / "pkg" / "fast.pyx", "def f():\n    return 1\n")
    write(repo / "pkg" / "fast.c", "/* Generated by Cython 3.1.2 */\n#include <Python.h>\n")
    write(repo / "pkg" / "helper.c", "int helper(void) { return 2; }\n")
    _tsc_lib(repo / "packages" / "ui")
    git(repo, "add", "-A")
    code, text = _hook(repo, *_staged(repo))
    assert code == 1, text
    advice = [line.split("fix: ", 1)[1] for line in text.splitlines() if "fix: " in line]
    assert len(advice) == 2, text
    for fix in advice:
        command, rule = fix.split(", then add ", 1)
        subprocess.run(shlex.split(command), cwd=repo, check=True)
        with open(repo / ".gitignore", "a", encoding="utf-8") as ignore:
            ignore.write(shlex.split(rule.split(" to .gitignore", 1)[0])[0] + "\n")
    write(repo / "pkg" / "other.c", "int other(void) { return 3; }\n")
    write(repo / "src" / "lib" / "util.js", "module.exports = 1;\n")
    git(repo, "add", "-A")
    staged = set(_staged(repo))
    assert {"pkg/other.c", "pkg/helper.c", "src/lib/util.js", "pkg/fast.pyx"} <= staged
    assert not {"pkg/fast.c", "packages/ui/lib/index.js"} & staged
    assert _hook(repo, *staged)[0] == 0


def test_the_commit_hook_gives_the_sdists_way_out_too(tmp_path: Path) -> None:
    """`git add` of a real sdist as unpacked: the hook names the untrack fix and, for a
    release kept as published, the exclude line; written to .tidy.toml, the hook passes."""
    import shutil

    repo = make_repo(tmp_path / "repo")
    shutil.copytree(_sdist(tmp_path, "tinyvendor"), repo / "third_party" / "tinyvendor-1.0")
    git(repo, "add", "-A")
    code, text = _hook(repo, *_staged(repo))
    assert code == 1, text
    exclude = 'exclude = ["/third_party/tinyvendor-1.0/tinyvendor.egg-info/"]'
    assert ("; or, for a release kept as published (the sdist unpacked in "
            "third_party/tinyvendor-1.0/ ships it), "
            f"add {exclude} to .tidy.toml") in text
    write(repo / ".tidy.toml", exclude + "\n")
    git(repo, "add", ".tidy.toml")
    assert _hook(repo, *_staged(repo)) == (0, "")
