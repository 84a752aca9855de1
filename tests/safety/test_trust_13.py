"""Trust round 13 (bench/RESULTS.md, "Trust round 13"): what last session's new safe kinds
moved that a user needs.

tsc's declared outDir (tsconfig.json's compilerOptions.outDir names a sibling folder, and a
.d.ts, .map or tsbuildinfo is inside) and Django's STATIC_ROOT (a folder holding a
staticfiles.json that starts `{"paths": {`) were moved whole by `tidy fix`: a setting or a
manifest said where the tool writes, not that the folder held nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import findings, make_repo, scan_json, write
from tests.fixes.helpers import snapshot
from tests.safety.helpers import (
    artifacts_by_path,
    commit_all,
    data_module_repo,
    fix_artifacts,
    fix_moves_exactly,
    left_alone,
)
from tidy.extract import guards
from tidy.extract.core import ExtractError, extract_module
from tidy.workspace.anchors import first_file

_JS = "export const three = 3;\n"


def _ts_config(root: Path, out_dir: str) -> Path:
    write(root / "package.json", '{"name": "@mono/ui", "version": "1.0.0"}\n')
    write(root / "tsconfig.json", json.dumps({"compilerOptions": {
        "outDir": out_dir, "declaration": True}}))
    return root


def test_an_out_dir_holding_what_tsc_does_not_write_stays(tmp_path: Path) -> None:
    """An outDir "src" that is where the .ts sources are (tsc writes index.js and index.d.ts
    beside index.ts), in a repo and in a plain folder; an outDir "types" of a hand-written
    globals.d.ts (no .js it declares, no map); a lib/ of tsc's output with the user's
    notes.md beside it: each was js-dist, moved with the user's files (the test fails on
    658633b; src/ in a repo and in a plain folder, types/ each seen reported as js-dist
    there). None is reported or moved now."""
    in_repo = _ts_config(make_repo(tmp_path / "in-repo"), "src")
    plain = _ts_config(tmp_path / "plain", "./src/")
    for root in (in_repo, plain):
        write(root / "src" / "index.ts", "export const three = 3\n")
        write(root / "src" / "index.js", _JS)
        write(root / "src" / "index.d.ts", "export declare const three: number;\n")
    types = _ts_config(make_repo(tmp_path / "types"), "types")
    write(types / "types" / "globals.d.ts", "declare const VERSION: string;\n")
    mixed = _ts_config(make_repo(tmp_path / "mixed"), "lib")
    write(mixed / "lib" / "index.js", _JS)
    write(mixed / "lib" / "index.d.ts", "export declare const three: number;\n")
    write(mixed / "lib" / "notes.md", "what I learnt about the build\n")
    for root, folder in ((in_repo, "src"), (types, "types"), (mixed, "lib")):
        left_alone(root, tmp_path / "state", folder)
    assert artifacts_by_path(plain) == {}
    before = snapshot(plain)
    fix_artifacts(plain, tmp_path / "state")
    assert snapshot(plain) == before


def test_tscs_own_output_is_still_found(tmp_path: Path) -> None:
    """What tsc writes: .js with its .d.ts and maps at any depth, a declaration-only file
    with its own map (emitDeclarationOnly with declarationMap): still js-dist."""
    root = _ts_config(make_repo(tmp_path / "ui"), "lib")
    write(root / "lib" / "index.js", _JS)
    write(root / "lib" / "index.js.map", "{}")
    write(root / "lib" / "index.d.ts", "export declare const three: number;\n")
    write(root / "lib" / "util" / "sum.mjs", _JS)
    write(root / "lib" / "util" / "sum.d.mts", "export {};\n")
    write(root / "src" / "util" / "sum.mts", "export {};\n")  # what sum.mjs was emitted from
    write(root / "lib" / "types.d.ts", "export type T = 1;\n")
    write(root / "lib" / "types.d.ts.map", "{}")
    assert artifacts_by_path(root) == {"lib": ("js-dist", "safe")}


def _manifest(paths: dict[str, str]) -> str:
    return json.dumps({"paths": paths, "version": "1.1", "hash": "6e2a1bd1c1b9"})


def test_a_manifest_that_does_not_name_every_file_stays(tmp_path: Path) -> None:
    """A staticfiles.json forged (or left) in a source folder, naming none of its files; a
    STATIC_ROOT that is also a source static folder, where the user's file written after
    collectstatic is named by no manifest: each was django-staticfiles, moved whole (the
    test fails on 658633b at the forged one). Neither is reported or moved now."""
    forged = make_repo(tmp_path / "forged")
    write(forged / "assets" / "staticfiles.json", _manifest({}))
    write(forged / "assets" / "app.css", "body { margin: 0; }\n")
    write(forged / "assets" / "notes.txt", "precious\n")
    shared = make_repo(tmp_path / "shared")
    write(shared / "static" / "staticfiles.json",
          _manifest({"site.css": "site.0123456789ab.css"}))
    write(shared / "static" / "site.css", "body { margin: 0; }\n")
    write(shared / "static" / "site.0123456789ab.css", "body { margin: 0; }\n")
    write(shared / "static" / "theme.css", "h1 { color: red; }\n")  # the user's, since
    for root, folder in ((forged, "assets"), (shared, "static")):
        left_alone(root, tmp_path / "state", folder)


def test_collectstatics_own_files_are_still_found(tmp_path: Path) -> None:
    """Every file named by the manifest, an intermediate hashed copy of a CSS file (another
    pass's hash), whitenoise's .gz and .br beside them: still django-staticfiles."""
    root = make_repo(tmp_path / "site")
    static = root / "staticfiles"
    write(static / "staticfiles.json", _manifest({
        "admin/css/base.css": "admin/css/base.523eb49842a7.css",
        "admin/js/core.js": "admin/js/core.934aa95f5b5f.js"}))
    for name in ("admin/css/base.css", "admin/css/base.523eb49842a7.css",
                 "admin/css/base.0f0e0d0c0b0a.css", "admin/js/core.js",
                 "admin/js/core.934aa95f5b5f.js", "admin/js/core.934aa95f5b5f.js.gz",
                 "admin/js/core.934aa95f5b5f.js.br"):
        write(static / name, "x\n")
    assert artifacts_by_path(root) == {"staticfiles": ("django-staticfiles", "safe")}


def test_a_setup_py_not_read_is_said_so(tmp_path: Path) -> None:
    """A project's setup.py that is a link (to one declaring the data files, even) is not
    read through: the extraction stays blocked, and the reason says setup.py was not read
    and why, not that nothing declares the data files (on 658633b: 'nothing declares the
    extracted *.json.gz files as package data')."""
    repo = data_module_repo(tmp_path / "repo")
    write(tmp_path / "shared" / "setup.py", 'from setuptools import setup\n\nsetup(name="pkg", '
          'packages=["pkg"], package_data={"pkg": ["*.json.gz"]})\n')
    (repo / "setup.py").symlink_to(tmp_path / "shared" / "setup.py")
    commit_all(repo)
    found = [f for f in findings(scan_json(repo, "--select", "TDY301"), "TDY301")
             if f["path"] == "pkg/data.py"]
    assert len(found) == 1
    reason = found[0]["fix"].get("blocked_by", "")
    assert "setup.py was not read: is a symlink" in reason, found[0]["fix"]
    assert "nothing declares" not in reason


def test_an_anchor_names_no_file_through_a_swapped_folder(tmp_path: Path) -> None:
    """The first file of an untracked folder, listed for a finding's anchor: `cache`
    swapped for a link to an outside folder since the walk lends no outside name (on
    658633b: 'cache/sub/secret-name.txt', listed through the link); the folder's own first
    file is still found, in name order, below a folder that is a plain one."""
    root = tmp_path / "root"
    write(root / "cache" / "sub" / "b.bin", "x")
    write(root / "cache" / "sub" / "a" / "deeper.bin", "x")
    assert first_file(str(root), "cache") == "cache/sub/b.bin"
    assert first_file(str(root), "cache/sub") == "cache/sub/b.bin"
    write(tmp_path / "outside" / "sub" / "secret-name.txt", "x")
    (root / "cache").rename(tmp_path / "was-cache")
    (root / "cache").symlink_to(tmp_path / "outside")
    assert first_file(str(root), "cache") is None
    assert first_file(str(root), "cache/sub") is None


def test_extract_reads_no_module_through_a_folder_swapped_after_its_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`tidy extract` checks that the module's path holds no link, then reads it: `pkg`
    swapped for a link to an outside folder in between made it convert the outside module's
    data as the repo's (on 658633b the dry run judged the outside file: 'no data binding of
    1024 bytes or more', its two rows). Now
    every read is made from / down with no link followed: an error, nothing read."""
    repo = data_module_repo(tmp_path / "repo")
    outside = tmp_path / "outside" / "pkg"
    write(outside / "__init__.py", "")
    write(outside / "data.py", "SECRET = [\n    {'id': 1}, {'id': 2},\n]\n")
    checked = guards.path_refusal

    def check_then_swap(path: str) -> str:
        refusal = checked(path)
        if not (repo / "pkg").is_symlink():
            (repo / "pkg").rename(tmp_path / "pkg-was")
            (repo / "pkg").symlink_to(outside)
        return refusal

    monkeypatch.setattr(guards, "path_refusal", check_then_swap)
    with pytest.raises(ExtractError, match="symlink"):
        extract_module(str(repo / "pkg" / "data.py"), dry_run=True)


def test_an_out_dir_named_with_a_newline_is_moved_and_put_back_whole(tmp_path: Path) -> None:
    """outDir "li\\nb" (a newline in the folder's name, written as JSON's escape): found as
    tsc's, moved with nothing else, and undo puts back every byte (passes on 658633b too)."""
    root = _ts_config(make_repo(tmp_path / "ui"), "li\nb")
    write(root / "li\nb" / "index.js", _JS)
    write(root / "li\nb" / "index.d.ts", "export declare const three: number;\n")
    write(root / "src" / "index.ts", "export const three = 3\n")  # what tsc emitted it from
    assert artifacts_by_path(root) == {"li\nb": ("js-dist", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"li\nb"})


_DEEP = b"[" * 5_000 + b"]" * 5_000  # nested past what json's parser recurses into


def test_json_nested_past_the_parser_is_no_answer_not_a_crash(tmp_path: Path) -> None:
    """A tsconfig.json whose outDir is `[[[[...]]]]`, a vendored folder's package.json, a
    journal's line, a module's extraction manifest, each nested 5,000 deep: json raised
    RecursionError, which only ValueError was caught around (on 658633b `tidy scan` of a
    folder holding such a tsconfig.json beside a lib/ of .js and .d.ts exited 3, "internal
    error: RecursionError"; the other three raised). Each now says nothing."""
    from tidy.analysis.vendored.candidates import _read_manifest
    from tidy.core.catalog import declared_here
    from tidy.extract.stub import MANIFEST_PREFIX, read_manifest
    from tidy.fixes.journal import _parse

    write(tmp_path / "tsconfig.json", b'{"compilerOptions": {"outDir": ' + _DEEP + b"}}")
    assert not declared_here(["tsconfig.json:compilerOptions.outDir"], str(tmp_path / "lib"),
                             {"tsconfig.json", "lib"})
    assert _read_manifest({"package.json": "lib/package.json"}, lambda _p, _n: _DEEP) == {
        "file": "package.json"}  # named as the folder's manifest, nothing read from it
    assert _parse(_DEEP + b'\n{"run": "r1"}\n') == [{"run": "r1"}]
    assert read_manifest(MANIFEST_PREFIX + _DEEP.decode()) is None
