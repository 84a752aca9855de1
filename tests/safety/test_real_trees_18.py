"""Real trees, round 18 (bench/RESULTS.md, "Real trees, round 18"): what tidy got wrong on real
projects, and the look-alikes that must stay.

Django's `manage.py collectstatic` (Django 5.2.19, with ManifestStaticFilesStorage, run on
django-debug-toolbar 8.0.0's example project with STATIC_ROOT = BASE_DIR + "/staticfiles")
wrote staticfiles/ at the repository root: staticfiles.json (`{"paths": {"admin/js/...":
"admin/js/....934aa95f5b5f.js", ...}, "version": "1.1", "hash": "..."}`), and every app's
static files twice, as copied and under their hashed name (159 copied, 319 files, 3.5 MB).
tidy did not know the folder: it reported the hashed copies as duplicate files (TDY204), four
of them, and neither the folder nor its size. The trees below are written as Django wrote them
(Django is no dependency of this project).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import findings, make_repo, scan_json, write
from tests.fixes.helpers import backdate, snapshot
from tests.safety.helpers import (
    artifacts_by_path,
    commit_all,
    fix_artifacts,
    fix_moves_exactly,
    left_alone,
)
from tidy.core.catalog import CatalogError, kind_from_table

_VENDOR = b"/*! jQuery v3.7.1 */\n" + b"(function(){var a=1;})();\n" * 6_000  # ~160 kB


def _manifest(paths: dict[str, str]) -> str:
    """staticfiles.json as Django's ManifestFilesMixin.save_manifest writes it."""
    return json.dumps({"paths": paths, "version": "1.1", "hash": "6e2a1bd1c1b9"})


def _django_project(root: Path) -> Path:
    write(root / "manage.py", "#!/usr/bin/env python\nimport os, sys\n")
    write(root / "mysite" / "__init__.py", "")
    write(root / "mysite" / "settings.py",
          'BASE_DIR = __import__("pathlib").Path(__file__).resolve().parent.parent\n'
          'STATIC_URL = "static/"\nSTATIC_ROOT = BASE_DIR / "staticfiles"\n')
    write(root / "polls" / "static" / "polls" / "style.css", "li a { color: green; }\n")
    write(root / "polls" / "static" / "polls" / "vendor.js", _VENDOR)
    commit_all(root)
    return root


def _collectstatic(root: Path, folder: str = "staticfiles") -> None:
    """What `manage.py collectstatic` writes with ManifestStaticFilesStorage: each file
    copied, then again under its hashed name, then the manifest."""
    target = root / folder
    hashed = {"polls/style.css": "polls/style.9f1c0e4b7a2d.css",
              "polls/vendor.js": "polls/vendor.1b2c3d4e5f60.js",
              "admin/css/base.css": "admin/css/base.523eb49842a7.css"}
    for name, hashed_name in hashed.items():
        source = root / "polls" / "static" / name
        data = source.read_bytes() if source.exists() else b"html { margin: 0; }\n"
        write(target / name, data)
        write(target / hashed_name, data)
    write(target / "staticfiles.json", _manifest(hashed))


def test_djangos_collected_static_root_is_found_and_moved(tmp_path: Path) -> None:
    """staticfiles/ was missed and its hashed copies reported as duplicate files (TDY204);
    now it is one artifact, its copies are no duplicates of anyone's, and undo puts back
    every byte."""
    root = _django_project(make_repo(tmp_path / "site"))
    _collectstatic(root)
    assert artifacts_by_path(root) == {"staticfiles": ("django-staticfiles", "safe")}
    duplicates = findings(scan_json(root, "--select", "TDY204"), "TDY204")
    assert not [f["path"] for f in duplicates if f["path"].startswith("staticfiles/")]
    fix_moves_exactly(root, tmp_path / "state", {"staticfiles"})


def test_a_static_root_of_any_name_is_found(tmp_path: Path) -> None:
    """STATIC_ROOT is the project's choice of name: the manifest says what the folder is."""
    root = _django_project(make_repo(tmp_path / "site"))
    _collectstatic(root, "var/static_root")
    assert artifacts_by_path(root) == {"var/static_root": ("django-staticfiles", "safe")}


def test_folders_holding_another_staticfiles_json_stay(tmp_path: Path) -> None:
    """A staticfiles.json that is not Django's manifest (someone's own list), one that is a
    link to a real manifest elsewhere, one that is a FIFO (the scan must not wait on it), and
    a list holding Django's first bytes further in: none of their folders is moved, nothing
    else either."""
    root = _django_project(make_repo(tmp_path / "site"))
    write(root / "notes" / "staticfiles.json", '{"files": ["a.css"], "paths": {}}\n')
    write(root / "notes" / "a.css", "a {}\n")
    elsewhere = make_repo(tmp_path / "other")
    _collectstatic(_django_project(elsewhere))
    write(root / "linked" / "site.css", "b {}\n")
    os.symlink(elsewhere / "staticfiles" / "staticfiles.json",
               root / "linked" / "staticfiles.json")
    write(root / "piped" / "site.css", "c {}\n")
    os.mkfifo(root / "piped" / "staticfiles.json")
    write(root / "listed" / "staticfiles.json", '[{"paths": {"a.css": "a.1.css"}}]\n')
    outside = snapshot(elsewhere)
    left_alone(root, tmp_path / "state", "notes", "linked", "piped", "listed")
    assert snapshot(elsewhere) == outside


def test_a_committed_static_root_is_never_moved(tmp_path: Path) -> None:
    """A STATIC_ROOT someone committed (a platform that serves the repository as it is):
    the safe fix neither moves nor untracks it."""
    root = _django_project(make_repo(tmp_path / "site"))
    _collectstatic(root)
    commit_all(root)
    assert "staticfiles" not in artifacts_by_path(root)
    backdate(root)
    before = snapshot(root)
    fix_artifacts(root, tmp_path / "state")
    assert snapshot(root) == before


# ------------------------------------------------------------------ tsc's outDir of any name
# An npm workspace (npm 11.19, typescript 5.9.3): packages/ui's tsconfig.json has
# {"compilerOptions": {"outDir": "lib", "declaration": true, "incremental": true}}; `tsc -p .`
# wrote lib/index.js, lib/index.d.ts and tsconfig.tsbuildinfo beside tsconfig.json. tidy
# reported the tsbuildinfo (its message read "left behind without its outDir" although lib/
# was there) but not lib/, which js-dist knew only by the names dist/, out/ and build/.
_JS = ('"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n'
       'exports.three = void 0;\nexports.three = 3;\n')


def _ts_package(root: Path, out_dir: str = "lib") -> Path:
    write(root / "package.json", '{"name": "@mono/ui", "version": "1.0.0"}\n')
    write(root / "tsconfig.json", json.dumps({"compilerOptions": {
        "outDir": out_dir, "rootDir": "src", "declaration": True, "incremental": True}}))
    write(root / "src" / "index.ts", "export const three = 3\n")
    commit_all(root)
    return root


def _tsc_wrote(root: Path, folder: str = "lib", declarations: bool = True) -> None:
    write(root / folder / "index.js", _JS)
    if declarations:
        write(root / folder / "index.d.ts", "export declare const three: number;\n")
    write(root / "tsconfig.tsbuildinfo", '{"fileNames":["./src/index.ts"],"version":"5.9.3"}')


def test_tscs_out_dir_of_another_name_is_found_and_moved(tmp_path: Path) -> None:
    """lib/ that tsconfig.json names as its outDir, holding what tsc writes (.d.ts beside the
    .js), was missed; now it is js-dist like a dist/, moved with its tsbuildinfo, and undo
    puts back every byte."""
    root = _ts_package(make_repo(tmp_path / "ui"))
    _tsc_wrote(root)
    assert artifacts_by_path(root) == {"lib": ("js-dist", "safe"),
                                       "tsconfig.tsbuildinfo": ("tsbuildinfo", "safe")}
    fix_moves_exactly(root, tmp_path / "state", {"lib", "tsconfig.tsbuildinfo"})


def test_an_out_dir_written_as_a_path_is_found(tmp_path: Path) -> None:
    """"./types/" names the folder types beside tsconfig.json as much as "types" does."""
    root = _ts_package(make_repo(tmp_path / "ui"), "./types/")
    _tsc_wrote(root, "types")
    assert artifacts_by_path(root)["types"] == ("js-dist", "safe")


def test_folders_tsconfig_does_not_make_its_output_stay(tmp_path: Path) -> None:
    """lib/ of plain .js files (no declaration, map or tsbuildinfo inside: nothing tsc alone
    writes) although outDir names it; a lib/ of .d.ts files beside a tsconfig whose outDir is
    dist; outDir "lib/cjs" (lib/ then holds more than tsc's output); a lib/ that is a link to
    a real outDir elsewhere; a committed lib/: none is moved, nothing else either."""
    plain = _ts_package(make_repo(tmp_path / "plain"))
    _tsc_wrote(plain, declarations=False)
    (plain / "tsconfig.tsbuildinfo").unlink()
    other = _ts_package(make_repo(tmp_path / "other"), "dist")
    write(other / "lib" / "globals.d.ts", "declare const VERSION: string;\n")
    nested = _ts_package(make_repo(tmp_path / "nested"), "lib/cjs")
    _tsc_wrote(nested, "lib/cjs")
    write(nested / "lib" / "index.d.ts", "export * from './cjs';\n")
    (nested / "tsconfig.tsbuildinfo").unlink()  # tsc's, moved by the fix: not what is tested
    elsewhere = _ts_package(make_repo(tmp_path / "elsewhere"))
    _tsc_wrote(elsewhere)
    linked = _ts_package(make_repo(tmp_path / "linked"))
    os.symlink(elsewhere / "lib", linked / "lib")
    committed = _ts_package(make_repo(tmp_path / "committed"))
    _tsc_wrote(committed)
    (committed / "tsconfig.tsbuildinfo").unlink()
    commit_all(committed)
    outside = snapshot(elsewhere)
    for root in (plain, other, nested, linked, committed):
        left_alone(root, tmp_path / "state", "lib")
    assert snapshot(elsewhere) == outside


@pytest.mark.parametrize(("table", "message"), [
    ({"type": "dir", "names": ["x"], "tier": "marker", "markers": ["y"], "header": ["x"]},
     "'header' narrows a named file kind, or the file inside"),
    ({"type": "dir", "names": [], "inside": ["*.json"], "tier": "marker", "header": ["x"]},
     "'header' narrows a named file kind, or the file inside"),
    ({"type": "dir", "names": [], "inside": ["m.json"], "tier": "marker", "header": [""]},
     "texts within its first 512 bytes"),
])
def test_a_header_must_name_the_file_it_reads(table: dict[str, object], message: str) -> None:
    """A folder kind's header is read from the plain-named file inside that confirms it; on
    a folder with no such file (or a glob naming it) it could never hold, so it is refused."""
    with pytest.raises(CatalogError, match=message):
        kind_from_table({"name": "x-out", "regenerate": "x", "ecosystem": "x", **table}, "t.toml")


def test_an_out_dir_changed_since_is_read_again(tmp_path: Path) -> None:
    """The setting is kept per config file while the file is the one read (a watch asks for
    it again and again): tsconfig.json rewritten to name lib/ is read again, and rewritten
    to name dist/ no longer makes lib/ tsc's."""
    from tidy.core.catalog import Catalog, load_builtin

    catalog = Catalog(load_builtin())
    root = _ts_package(make_repo(tmp_path / "ui"), "dist")
    _tsc_wrote(root)
    siblings = set(os.listdir(root))

    def kind_of_lib() -> str | None:
        kind = catalog.classify_dir(str(root / "lib"), "lib", siblings,
                                    set(os.listdir(root / "lib")))
        return None if kind is None else kind.name

    assert kind_of_lib() is None
    write(root / "tsconfig.json", json.dumps({"compilerOptions": {"outDir": "./lib"}}))
    assert kind_of_lib() == "js-dist"
    write(root / "tsconfig.json", json.dumps({"compilerOptions": {"outDir": "./dist/"}}))
    assert kind_of_lib() is None
