"""Trust round 16: what tidy takes on trust, and what a careless user or an attacker can make
it move or overwrite.

A folder named dist/, out/ or build/ beside a tsconfig.json (core/catalog._confirmed): the
tsconfig.json was taken as the marker of js-dist and any of its signature (a .d.ts, an
index.html) confirmed it, without the trace round 15 asks of a declared outDir. So a
hand-written dist/index.js with its dist/index.d.ts in a TypeScript package was moved by
`tidy fix` (on 76087a1). Now a tsconfig.json, the config tsc declares its output in, confirms
only what tsc wrote there, each file traced to tsc (catalog.tsc_wrote_only: its map beside
it, or the .ts source it was emitted from); another marker (vite.config.ts ...) still
confirms the folder as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.safety.helpers import artifacts_by_path, fix_moves_exactly, left_alone

pytestmark = pytest.mark.slow


# ---------------------------------- a hand-written dist/ beside a tsconfig.json (no outDir)
def _ts_package(root: Path, out_dir: str | None = None) -> Path:
    project = make_repo(root)
    write(project / "package.json", '{"name": "ui", "version": "1.0.0"}\n')
    options: dict[str, object] = {"declaration": True}
    if out_dir is not None:
        options["outDir"] = out_dir
    write(project / "tsconfig.json", json.dumps({"compilerOptions": options}))
    write(project / "src" / "other.ts", "export const four = 4\n")  # sources of other files
    return project


HAND_WRITTEN = {
    "a .js and its .d.ts": {"index.js": "export const three = 3;\n",
                            "index.d.ts": "export declare const three: number;\n"},
    "an ES module and its .d.mts": {"index.mjs": "export const three = 3;\n",
                                    "index.d.mts": "export declare const three: number;\n"},
    "a page and its script": {"index.html": "<h1>mine</h1>\n",
                              "assets/app.js": "console.log('the only copy')\n"},
}


@pytest.mark.parametrize("folder", ["dist", "out", "build"])
@pytest.mark.parametrize("what", list(HAND_WRITTEN))
@pytest.mark.parametrize("out_dir", [None, "same"])
def test_a_hand_written_folder_beside_a_tsconfig_stays(tmp_path: Path, folder: str, what: str,
                                                       out_dir: str | None) -> None:
    """Fails on 76087a1: each is found as js-dist (safe) and moved."""
    project = _ts_package(tmp_path / "ui", folder if out_dir else None)
    for name, text in HAND_WRITTEN[what].items():
        write(project / folder / name, text)
    left_alone(project, tmp_path / "state", folder)


@pytest.mark.parametrize("folder", ["dist", "out", "build"])
@pytest.mark.parametrize("traced_by", ["source", "map"])
def test_tsc_output_beside_a_tsconfig_traced_to_tsc_still_moves(tmp_path: Path, folder: str,
                                                                traced_by: str) -> None:
    project = _ts_package(tmp_path / "ui")
    if traced_by == "source":
        write(project / "src" / "index.ts", "export const three = 3\n")
    else:
        write(project / folder / "index.js.map", '{"version":3,"sources":["../src/x.ts"]}')
        write(project / folder / "index.d.ts.map", '{"version":3,"sources":["../src/x.ts"]}')
    write(project / folder / "index.js", "export const three = 3;\n")
    write(project / folder / "index.d.ts", "export declare const three: number;\n")
    assert artifacts_by_path(project) == {folder: ("js-dist", "safe")}
    fix_moves_exactly(project, tmp_path / "state", {folder})


def test_another_marker_beside_the_tsconfig_still_confirms_the_folder(tmp_path: Path) -> None:
    """A vite.config.ts says Vite writes dist/: its bundle, hashed names or not, is moved as
    before (Vite's output is traced by nothing of tsc's)."""
    project = _ts_package(tmp_path / "ui")
    write(project / "vite.config.ts", "export default {}\n")
    write(project / "dist" / "index.html", '<script src="/assets/app.js"></script>\n')
    write(project / "dist" / "assets" / "app.js", "(function(){})();\n")
    assert artifacts_by_path(project) == {"dist": ("js-dist", "safe")}
    fix_moves_exactly(project, tmp_path / "state", {"dist"})
