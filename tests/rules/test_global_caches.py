"""TDY105: a home folder's toolchain and package-manager stores (issue 17, point 8).

A fake home (HOME set to a tmp dir) holds real content where each tool keeps it: a pyenv
Python's stdlib with its compiled __pycache__, two rustup toolchains with the same docs,
caches of pip, uv, npm, Cargo, Gradle and Maven, and a project with a cache of its own.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import commit, du_apparent, findings, make_repo, scan_json, write
from tests.fixes.helpers import backdate, run_tidy, snapshot

STDLIB = Path(json.__file__).parent.parent  # the running Python's real stdlib
CACHES = {  # where each tool keeps its store below the home folder -> the catalogue's kind
    ".pyenv": "pyenv", ".rustup": "rustup", ".cache/pip": "pip-cache", ".cache/uv": "uv-cache",
    ".npm": "npm-cache", ".cargo/registry": "cargo-registry", ".gradle/caches": "gradle-caches",
    ".m2/repository": "maven-repository", ".vscode/extensions": "editor-extensions",
    ".cache/bazel": "bazel-cache", ".cache/virtualenv": "virtualenv-app-data",
}
CLEAN = {".cache/pip": "pip cache purge", ".npm": "npm cache clean --force",
         ".cache/uv": "uv cache clean", ".cargo/registry": "cargo cache --autoclean"}


def _copy(source: Path, dest: Path) -> None:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))


def _home(root: Path) -> Path:
    home = root / "home"
    stdlib = home / ".pyenv/versions/3.12.1/lib/python3.12"
    for package in ("json", "email"):
        _copy(STDLIB / package, stdlib / package)
    assert compileall.compile_dir(str(stdlib), quiet=1)  # what pyenv install leaves: bytecode
    for toolchain in ("stable", "nightly"):  # the same docs twice: not duplicates of anyone's
        docs = home / f".rustup/toolchains/{toolchain}-x86_64-unknown-linux-gnu/share/doc/rust"
        _copy(STDLIB / "email", docs / "html" / "email")
        shutil.copyfile(STDLIB / "typing.py", docs / "html" / "search-index.js")
    blob = (STDLIB / "typing.py").read_bytes() + (STDLIB / "inspect.py").read_bytes()
    for rel, inside in ((".cache/pip", "http-v2/a/b/c/0f3e"), (".cache/uv", "wheels-v1/x.whl"),
                        (".npm", "_cacache/content-v2/sha512/ab/cd"),
                        (".cargo/registry", "cache/index.crates.io-6f17d22bba15001f/serde.crate"),
                        (".gradle/caches", "modules-2/files-2.1/x/y.jar"),
                        (".m2/repository", "org/x/y/1.0/y-1.0.jar"),
                        (".cache/bazel", "_bazel_u/0123abcd/execroot/__main__/bazel-out/"
                                         "k8-fastbuild/bin/hello.txt"),
                        (".cache/virtualenv", "wheel/3.11/image/1/CopyPipInstall/"
                                              "pip-25.0-py3-none-any/pip/__init__.py")):
        write(home / rel / inside, blob)  # the same bytes in every cache: still no duplicates
    extension = home / ".vscode/extensions/ms-python.python-2024.1.0"
    write(extension / "package.json", '{"name": "python", "publisher": "ms-python"}')
    write(extension / "node_modules/vscode-jsonrpc/package.json", '{"name": "vscode-jsonrpc"}')
    write(extension / "node_modules/.DS_Store", b"\0\0\0\1Bud1")
    project = make_repo(home / "code" / "app")
    write(project / "pkg" / "m.py", "X = 1\n")
    commit(project)
    assert compileall.compile_dir(str(project / "pkg"), quiet=1)
    backdate(home)
    return home


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    built = _home(tmp_path)
    monkeypatch.setenv("HOME", str(built))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    return built


def _by_code(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for finding in findings(report):
        found.setdefault(finding["code"], []).append(finding)
    return found


@pytest.mark.parametrize("duplicates", [False, True])
def test_a_home_scan_reports_each_tools_store_once_and_nothing_inside(
    home: Path, duplicates: bool
) -> None:
    report = scan_json(home, *(["--duplicates"] if duplicates else []))
    found = _by_code(report)
    caches = {f["path"]: f for f in found.pop("TDY105")}
    assert {path: f["kind"] for path, f in caches.items()} == CACHES
    for path, finding in caches.items():
        assert finding["bytes"] == du_apparent(home / path), path  # sized like `du -sb`
        assert (finding["fix"]["action"], finding["fix"]["applicability"]) == (
            "none", "display-only"), path
        assert dict(finding["details"])["clean"] in finding["message"]
    for path, command in CLEAN.items():
        clean = dict(caches[path]["details"])["clean"]
        assert clean.removeprefix("`").startswith(command), path
        assert f"`{command}`" in caches[path]["message"], path  # the command, and only it
    # what is left is the project's own cache, nothing from inside a tool's store
    assert {(f["code"], f["abs_path"]) for fs in found.values() for f in fs} == {
        ("TDY101", str(home / "code/app/pkg/__pycache__")),
        ("TDY501", str(home / "code/app/pkg/__pycache__"))}
    reclaimable = sum(g["reclaimable"]["bytes"] for g in report["groups"])
    assert reclaimable == du_apparent(home / "code/app/pkg/__pycache__")


def test_xdg_cache_home_is_where_the_cache_folder_is(home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    moved = home / "xdg-cache"
    os.rename(home / ".cache", moved)
    monkeypatch.setenv("XDG_CACHE_HOME", str(moved))
    caches = {f["path"]: f["kind"] for f in findings(scan_json(home), "TDY105")}
    assert caches["xdg-cache/pip"] == "pip-cache" and caches["xdg-cache/uv"] == "uv-cache"


def test_the_same_folders_outside_a_home_are_not_global_caches(home: Path,
                                                               tmp_path: Path) -> None:
    elsewhere = tmp_path / "backup"
    shutil.copytree(home / ".pyenv", elsewhere / ".pyenv")
    report = scan_json(elsewhere)
    assert not findings(report, "TDY105")
    assert findings(report, "TDY101")  # a copied tree's bytecode is ordinary bytecode


@pytest.mark.slow
def test_a_safe_fix_of_a_home_never_touches_a_global_cache(home: Path, tmp_path: Path) -> None:
    before = {rel: snapshot(home / rel) for rel in CACHES}
    # tidy refuses to fix the home folder itself; a folder holding it is fixed
    done = run_tidy("fix", "--yes", str(home.parent), cwd=home, state=tmp_path / "state")
    assert done.returncode == 0, done.stdout + done.stderr
    assert {rel: snapshot(home / rel) for rel in CACHES} == before
    assert not (home / "code/app/pkg/__pycache__").exists()  # the project's cache did go


def test_global_cache_of_names_the_store_a_path_lies_in(home: Path) -> None:
    from tidy.core.config import Config

    catalog = Config().catalog()
    inside = home / ".rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc"
    found = catalog.global_cache_of(str(inside))
    assert found is not None and found.name == "rustup"
    assert catalog.global_cache_of(str(home / "code/app")) is None


@pytest.mark.parametrize("duplicates", [False, True])
def test_a_scan_of_a_store_itself_finds_nothing_inside_it(home: Path, duplicates: bool) -> None:
    """`tidy scan ~/.rustup` (or ~/.pyenv): the walk looks inside, but nothing there is a
    project's artifact or duplicate; a warning names the store and its clean command."""
    for store in (".rustup/toolchains", ".pyenv"):
        report = scan_json(home / store, *(["--duplicates"] if duplicates else []))
        assert not findings(report), store
        assert any("inside a global cache" in w for w in report.get("warnings", [])), report


def test_an_empty_store_is_not_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh home where a tool made its folder and put nothing in it (the README's install
    left an empty ~/.rustup): no advice to run `npm cache clean` on an empty folder."""
    home = tmp_path / "home"
    for rel in (".rustup", ".npm", ".cache/pip/http-v2"):  # empty, or only empty folders
        (home / rel).mkdir(parents=True)
    write(home / ".cargo/registry/cache/serde.crate", b"crate")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    caches = {f["path"] for f in findings(scan_json(home), "TDY105")}
    assert caches == {".cargo/registry"}
