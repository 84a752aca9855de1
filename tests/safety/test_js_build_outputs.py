"""Build outputs of JavaScript frameworks that tidy missed in a real audit, and the
hand-written folders of the same names that must stay where they are.

Each layout below is what the tool wrote in a real project (2026-12-05, node 20.20):
- create-vite's `vanilla` template (vite 8.4.1): no vite.config, no tsconfig, so no marker the
  js-dist kind knew; `vite build` wrote dist/index.html, dist/vite.svg and
  dist/assets/index-<8-char hash>.js/.css.
- `ng new` (@angular/cli 20) then `ng build`: dist/<project>/ holding 3rdpartylicenses.txt,
  prerendered-routes.json and browser/ (index.html, main-<hash>.js); nothing directly in dist/.
- Astro 5.18 (`astro build`, `astro dev`): .astro/ with types.d.ts, content.d.ts,
  settings.json, data-store.json, content-assets.mjs, content-modules.mjs, collections/.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import findings, make_repo, scan_foundation, write
from tests.fixes.helpers import backdate, run_tidy, snapshot
from tests.safety.helpers import artifacts_by_path, fix_artifacts


def _left_alone(root: Path, state: Path, folder: str) -> None:
    """Not reported, and neither fix (safe, then unsafe) changes a byte of `folder`."""
    assert folder not in artifacts_by_path(root)
    backdate(root)
    before = snapshot(root / folder)
    for flags in ((), ("--unsafe-fixes",)):
        fix_artifacts(root, state, *flags)
        assert snapshot(root / folder) == before


def _vite_vanilla(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "vite-vanilla")
    write(root / "package.json", '{"name": "vite-vanilla", "private": true, "type": "module",'
          ' "scripts": {"dev": "vite", "build": "vite build"},'
          ' "devDependencies": {"vite": "^8.4.1"}}\n')
    write(root / "index.html", '<!doctype html>\n<script type="module" src="/src/main.js">'
          '</script>\n')
    write(root / "src" / "main.js", "import './style.css'\n")
    write(root / "public" / "vite.svg", "<svg/>\n")
    return root


def test_a_vite_build_without_a_vite_config_is_recognised_and_moved(tmp_path: Path) -> None:
    root = _vite_vanilla(tmp_path)
    write(root / "dist" / "index.html", '<script type="module" crossorigin '
          'src="/assets/index-CAoPt-vL.js"></script>\n')
    write(root / "dist" / "vite.svg", "<svg/>\n")
    write(root / "dist" / "assets" / "index-CAoPt-vL.js", "(function(){})();\n")
    write(root / "dist" / "assets" / "index-D8b4DHJx.css", ":root{}\n")
    assert artifacts_by_path(root) == {"dist": ("vite-dist", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert not (root / "dist").exists() and (root / "index.html").is_file()


@pytest.mark.parametrize("layout", ["own-assets", "assets-link", "assets-file"])
def test_a_hand_written_dist_beside_package_json_is_left_alone(tmp_path: Path,
                                                               layout: str) -> None:
    """A site someone wrote by hand: dist/ with index.html and assets/ of their own names; an
    assets/ that is a link to a folder holding Vite's names, or a file, is no evidence."""
    root = _vite_vanilla(tmp_path)
    write(root / "dist" / "index.html", "<h1>my site</h1>\n")
    if layout == "own-assets":
        write(root / "dist" / "assets" / "app.js", "console.log('mine')\n")
        write(root / "dist" / "assets" / "index.js", "// the only copy\n")
    elif layout == "assets-link":
        write(tmp_path / "elsewhere" / "index-CAoPt-vL.js", "(function(){})();\n")
        os.symlink(tmp_path / "elsewhere", root / "dist" / "assets")
    else:
        write(root / "dist" / "assets", "index-CAoPt-vL.js\n")
    _left_alone(root, tmp_path / "state", "dist")


def _angular(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "ng")
    write(root / "angular.json", '{"version": 1, "projects": {"ng": {"architect": {"build": '
          '{"builder": "@angular/build:application", "options": {"browser": '
          '"src/main.ts"}}}}}}\n')
    write(root / "package.json", '{"name": "ng", "scripts": {"build": "ng build"}}\n')
    write(root / "tsconfig.json", '{"compilerOptions": {"strict": true}}\n')
    write(root / "src" / "main.ts", "bootstrapApplication(App);\n")
    return root


@pytest.mark.parametrize("build", ["production", "development"])
def test_an_angular_build_in_dist_project_is_recognised_and_moved(tmp_path: Path,
                                                                  build: str) -> None:
    root = _angular(tmp_path)
    out = root / "dist" / "ng"
    write(out / "browser" / "index.html", "<app-root></app-root>\n")
    write(out / "browser" / "main-2G3XDJDN.js", "var a;\n")
    if build == "production":
        write(out / "3rdpartylicenses.txt", "Package: @angular/core\n")
        write(out / "prerendered-routes.json", '{"routes": {}}\n')
    assert artifacts_by_path(root) == {"dist": ("angular-dist", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert not (root / "dist").exists() and (root / "src" / "main.ts").is_file()


def test_a_hand_written_dist_beside_angular_json_is_left_alone(tmp_path: Path) -> None:
    root = _angular(tmp_path)
    write(root / "dist" / "notes" / "release.md", "# what shipped\n")
    write(root / "dist" / "deploy.sh", "#!/bin/sh\nrsync -a dist/ng/browser/ host:\n")
    _left_alone(root, tmp_path / "state", "dist")


def _astro(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "astro")
    write(root / "package.json", '{"name": "astro-min", "type": "module", "scripts": '
          '{"build": "astro build"}, "dependencies": {"astro": "^5.16.0"}}\n')
    write(root / "astro.config.mjs", 'import { defineConfig } from "astro/config";\n'
          "export default defineConfig({});\n")
    write(root / "src" / "pages" / "index.astro", "---\n---\n<h1>Astro</h1>\n")
    return root


def test_astros_generated_folder_is_recognised_and_moved(tmp_path: Path) -> None:
    root = _astro(tmp_path)
    gen = root / ".astro"
    write(gen / "types.d.ts", '/// <reference types="astro/client" />\n')
    write(gen / "content.d.ts", "declare module 'astro:content' {}\n")
    write(gen / "settings.json", '{"_variables": {"lastUpdateCheck": 1796494147277}}\n')
    write(gen / "data-store.json", '[["Map",1,2]]\n')
    write(gen / "content-assets.mjs", "export default new Map();\n")
    write(gen / "content-modules.mjs", "export default new Map();\n")
    (gen / "collections").mkdir()
    assert artifacts_by_path(root) == {".astro": (".astro", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert not gen.exists() and (root / "astro.config.mjs").is_file()


def test_a_hand_written_dot_astro_folder_is_left_alone(tmp_path: Path) -> None:
    root = _astro(tmp_path)
    write(root / ".astro" / "settings.json", '{"theme": "dark"}\n')
    write(root / ".astro" / "notes.md", "my drafts\n")
    _left_alone(root, tmp_path / "state", ".astro")


def _yarn_zero_install(tmp_path: Path) -> Path:
    """Yarn 4.18 (PnP) with enableGlobalCache false, as a zero-install repo commits it:
    .yarn/cache/*.zip and .pnp.cjs tracked; .yarn/unplugged/ (packages with native code or
    build scripts, extracted) and .yarn/install-state.gz ignored, rewritten by `yarn install`."""
    root = make_repo(tmp_path / "yarn-app")
    write(root / "package.json", '{"name": "yarn-app", "packageManager": "yarn@4.18.1"}\n')
    write(root / ".yarnrc.yml", "enableGlobalCache: false\n")
    write(root / "yarn.lock", "__metadata:\n  version: 8\n")
    write(root / ".pnp.cjs", "#!/usr/bin/env node\n/* setup */\n")
    write(root / ".gitignore", ".yarn/*\n!.yarn/cache\n!.yarn/releases\nnode_modules\n")
    write(root / ".yarn" / "cache" / "react-npm-19.3.1-9c943efb7d-3827009163.zip", size=4000)
    write(root / ".yarn" / "cache" / ".gitignore", "/.gitignore\n*.flock\n*.tmp\n")
    git_add = ["git", "-C", str(root), "add", "-f", ".yarn/cache", ".pnp.cjs", "package.json",
               ".yarnrc.yml", "yarn.lock", ".gitignore"]
    subprocess.run(git_add, check=True)
    subprocess.run(["git", "-C", str(root), "-c", "user.email=a@b", "-c", "user.name=a",
                    "commit", "-qm", "zero install"], check=True)
    return root


def test_yarns_unplugged_packages_and_install_state_are_recognised_and_moved(
        tmp_path: Path) -> None:
    root = _yarn_zero_install(tmp_path)
    unplugged = root / ".yarn" / "unplugged"
    write(unplugged / "oxlint-virtual-3d66b328d6" / "node_modules" / "oxlint" / "package.json",
          '{"name": "oxlint"}\n')
    write(unplugged / "node-gyp-npm-13.1.0-f9d5b0b5a3" / "node_modules" / "node-gyp" /
          "package.json", '{"name": "node-gyp"}\n')
    write(root / ".yarn" / "install-state.gz", size=300)
    assert artifacts_by_path(root) == {".yarn/unplugged": ("yarn-unplugged", "safe"),
                                ".yarn/install-state.gz": ("yarn-install-state", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state", "--unsafe-fixes")
    assert not unplugged.exists() and not (root / ".yarn" / "install-state.gz").exists()
    # the committed zero-install cache is the project's: never moved nor untracked
    assert (root / ".yarn" / "cache" / "react-npm-19.3.1-9c943efb7d-3827009163.zip").is_file()
    listed = subprocess.run(["git", "-C", str(root), "ls-files", ".yarn/cache"], check=True,
                            capture_output=True, text=True).stdout
    assert "react-npm-19.3.1-9c943efb7d-3827009163.zip" in listed


@pytest.mark.parametrize("layout", ["own-names", "mixed", "no-yarn-sibling"])
def test_a_hand_written_unplugged_folder_is_left_alone(tmp_path: Path, layout: str) -> None:
    """unplugged/ of someone's own (a band's live recordings beside cache/ and an
    install-state.gz), Yarn's names with one file of their own mixed in, or Yarn's names with
    nothing of Yarn's beside it."""
    root = make_repo(tmp_path / "site")
    write(root / "package.json", '{"name": "site"}\n')
    media = root / "media"
    if layout != "no-yarn-sibling":
        write(media / "cache" / "thumbs.db", size=10)
        write(media / "install-state.gz", size=50)
    if layout == "own-names":
        write(media / "unplugged" / "live-at-the-barn" / "set.md", "# set list\n")
    else:
        write(media / "unplugged" / "oxlint-virtual-3d66b328d6" / "notes.md", "mine\n")
    if layout == "mixed":
        write(media / "unplugged" / "README.md", "my own notes\n")
    _left_alone(root, tmp_path / "state", "media/unplugged")


def test_an_install_state_gz_with_nothing_of_yarns_beside_it_is_left_alone(
        tmp_path: Path) -> None:
    root = make_repo(tmp_path / "ops")
    write(root / "package.json", '{"name": "ops"}\n')
    write(root / "backups" / "install-state.gz", size=50)
    write(root / "backups" / "data" / "db.sql", "select 1;\n")
    _left_alone(root, tmp_path / "state", "backups")


def _ts_workspace(tmp_path: Path) -> Path:
    """An npm workspace built with `tsc -b` (TypeScript 5.9.3, composite projects with
    outDir "dist"): tsc wrote packages/core/dist/ and, beside the tsconfig.json,
    packages/core/tsconfig.tsbuildinfo."""
    root = make_repo(tmp_path / "mono")
    write(root / "package.json", '{"name": "mono", "workspaces": ["packages/*"]}\n')
    write(root / "tsconfig.json", '{"files": [], "references": [{"path": "packages/core"}]}\n')
    core = root / "packages" / "core"
    write(core / "tsconfig.json", '{"compilerOptions": {"composite": true, "outDir": "dist",'
          ' "rootDir": "src", "declaration": true, "sourceMap": true}, "include": ["src"]}\n')
    write(core / "src" / "index.ts", "export const add = (a: number, b: number) => a + b;\n")
    return root


def test_tsc_build_info_goes_with_the_output_it_describes(tmp_path: Path) -> None:
    """Moving dist/ alone broke the next build: tsc -b read the tsbuildinfo left behind,
    called the project up to date and wrote no dist/ again (seen with TypeScript 5.9.3)."""
    root = _ts_workspace(tmp_path)
    core = root / "packages" / "core"
    write(core / "dist" / "index.js", "export const add = (a, b) => a + b;\n")
    write(core / "dist" / "index.d.ts", "export declare const add: (a: number) => number;\n")
    write(core / "dist" / "index.js.map", '{"version": 3}\n')
    write(core / "tsconfig.tsbuildinfo", '{"fileNames": ["./src/index.ts"], "version": '
          '"5.9.3"}\n')
    assert artifacts_by_path(root) == {"packages/core/dist": ("js-dist", "safe"),
                                "packages/core/tsconfig.tsbuildinfo": ("tsbuildinfo", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert not (core / "dist").exists() and not (core / "tsconfig.tsbuildinfo").exists()


def test_fixing_only_the_tsc_output_takes_its_build_info_along(tmp_path: Path) -> None:
    """`tidy fix --kind js-dist` moved dist/ and left tsconfig.tsbuildinfo: the next
    `tsc -b` called the project up to date and wrote no dist/ again. The catalogue's `with`
    makes the kind take its tsbuildinfo along; `tidy undo` puts both back."""
    root = _ts_workspace(tmp_path)
    core = root / "packages" / "core"
    write(core / "dist" / "index.js", "export const add = (a, b) => a + b;\n")
    write(core / "dist" / "index.d.ts", "export declare const add: (a: number) => number;\n")
    write(core / "tsconfig.tsbuildinfo", '{"fileNames": ["./src/index.ts"]}\n')
    backdate(root)
    before = snapshot(core)
    state = tmp_path / "state"
    fix_artifacts(root, state, "--kind", "js-dist")
    assert not (core / "dist").exists() and not (core / "tsconfig.tsbuildinfo").exists()
    undone = run_tidy("undo", "--yes", cwd=root, state=state)
    assert undone.returncode == 0, undone.stderr
    assert snapshot(core) == before


def test_a_tsbuildinfo_with_no_tsconfig_beside_it_is_left_alone(tmp_path: Path) -> None:
    """Evidence is a TypeScript config beside it; a file of that name in a folder of notes
    (no tsconfig.json there) is someone's."""
    root = _ts_workspace(tmp_path)
    write(root / "notes" / "slow-build.tsbuildinfo", '{"kept": "to compare two builds"}\n')
    write(root / "notes" / "README.md", "why the build was slow\n")
    _left_alone(root, tmp_path / "state", "notes")


def _docusaurus(tmp_path: Path) -> Path:
    """create-docusaurus 3.10.2's classic template, as `docusaurus build` leaves it: build/
    with index.html, 404.html, sitemap.xml, assets/{js,css,images}/, docs/, blog/, img/."""
    root = make_repo(tmp_path / "docs-site")
    write(root / "package.json", '{"name": "docs-site", "scripts": {"build": '
          '"docusaurus build"}, "dependencies": {"@docusaurus/core": "3.10.2"}}\n')
    write(root / "docusaurus.config.js", "export default {title: 'My Site'};\n")
    write(root / "docs" / "intro.md", "# Intro\n")
    return root


def test_a_docusaurus_build_is_recognised_and_moved(tmp_path: Path) -> None:
    root = _docusaurus(tmp_path)
    build = root / "build"
    write(build / "index.html", "<div id=__docusaurus></div>\n")
    write(build / "404.html", "<h1>Page Not Found</h1>\n")
    write(build / "sitemap.xml", "<urlset/>\n")
    write(build / "assets" / "js" / "main.7c3e1d2a.js", "(()=>{})();\n")
    write(build / "assets" / "css" / "styles.0b6e7f5c.css", ":root{}\n")
    write(build / "docs" / "intro" / "index.html", "<h1>Intro</h1>\n")
    assert artifacts_by_path(root) == {"build": ("docusaurus-build", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert not build.exists() and (root / "docs" / "intro.md").is_file()


def test_a_hand_written_build_beside_docusaurus_config_is_left_alone(tmp_path: Path) -> None:
    root = _docusaurus(tmp_path)
    write(root / "build" / "index.html", "<h1>old landing page, kept by hand</h1>\n")
    write(root / "build" / "404.html", "<h1>gone</h1>\n")
    write(root / "build" / "assets" / "logo.svg", "<svg/>\n")
    write(root / "build" / "deploy.sh", "#!/bin/sh\nrsync -a build/ host:/srv\n")
    _left_alone(root, tmp_path / "state", "build")


def _react_router(tmp_path: Path) -> Path:
    """React Router 7.18.7 in framework mode: `react-router build` wrote build/client/
    (assets/, favicon.ico) and build/server/index.js; `react-router typegen` wrote
    .react-router/types/ (+routes.ts, +future.ts, app/+types/...)."""
    root = make_repo(tmp_path / "rr")
    write(root / "package.json", '{"name": "rr", "type": "module", "scripts": {"build": '
          '"react-router build"}}\n')
    write(root / "react-router.config.ts", "export default { ssr: true };\n")
    write(root / "vite.config.ts", "export default {};\n")
    write(root / "app" / "root.tsx", "export default function App() { return null; }\n")
    return root


def test_react_router_build_and_types_are_recognised_and_moved(tmp_path: Path) -> None:
    root = _react_router(tmp_path)
    write(root / "build" / "client" / "assets" / "entry.client-C0zLJ7hK.js", "x;\n")
    write(root / "build" / "client" / "favicon.ico", "x")
    write(root / "build" / "server" / "index.js", "export const routes = {};\n")
    types = root / ".react-router" / "types"
    write(types / "+routes.ts", "export {};\n")
    write(types / "+future.ts", "export {};\n")
    write(types / "app" / "+types" / "root.ts", "export {};\n")
    assert artifacts_by_path(root) == {"build": ("react-router-build", "safe"),
                                ".react-router": (".react-router", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert not (root / "build").exists() and not (root / ".react-router").exists()
    assert (root / "app" / "root.tsx").is_file()


@pytest.mark.parametrize("folder", ["build", ".react-router"])
def test_hand_written_folders_beside_react_router_config_are_left_alone(
        tmp_path: Path, folder: str) -> None:
    """A build/ with Remix's two folders plus a script of one's own, or a .react-router/ of
    notes: something the tool never writes is mixed in."""
    root = _react_router(tmp_path)
    if folder == "build":
        write(root / "build" / "server" / "index.js", "export {};\n")
        write(root / "build" / "client" / "assets" / "logo.svg", "<svg/>\n")
        write(root / "build" / "deploy.sh", "#!/bin/sh\nfly deploy\n")
    else:
        write(root / ".react-router" / "types" / "notes.ts", "// mine\n")
        write(root / ".react-router" / "plan.md", "# route plan\n")
    _left_alone(root, tmp_path / "state", folder)


def _nx_wrapper(tmp_path: Path) -> Path:
    """`nx init --useDotNxInstallation` (nx 24.0.7) in a repo of no JavaScript: it writes
    .nx/nxw.js (the wrapper, committed), ./nx, nx.json and a .gitignore of .nx/installation,
    .nx/cache and .nx/workspace-data; the wrapper installs Nx into .nx/installation."""
    root = make_repo(tmp_path / "svc")
    write(root / "nx.json", '{"installation": {"version": "24.0.7"}}\n')
    write(root / ".nx" / "nxw.js", "// This file should be committed to your repository!\n")
    write(root / "nx", '#!/bin/bash\nnode ./.nx/nxw.js "$@"\n')
    write(root / ".gitignore", ".nx/installation\n.nx/cache\n.nx/workspace-data\n")
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "-c", "user.email=a@b", "-c", "user.name=a",
                    "commit", "-qm", "nx wrapper"], check=True)
    return root


def test_nx_data_beside_a_committed_wrapper_is_moved_and_the_wrapper_stays_tracked(
        tmp_path: Path) -> None:
    """The whole .nx/ was a partly-tracked cache (TDY102): --unsafe-fixes would have untracked
    the committed wrapper. Now only Nx's own folders in it are caches."""
    root = _nx_wrapper(tmp_path)
    nx = root / ".nx"
    write(nx / "installation" / "package.json", '{"dependencies": {"nx": "24.0.7"}}\n')
    write(nx / "installation" / "node_modules" / "nx" / "package.json", '{"name": "nx"}\n')
    write(nx / "cache" / "1234567890" / "outputs" / "dist" / "a.js", "x;\n")
    write(nx / "workspace-data" / "project-graph.json", "{}\n")
    assert artifacts_by_path(root) == {".nx/installation": ("nx-wrapper-data", "safe"),
                                ".nx/cache": ("nx-wrapper-data", "safe"),
                                ".nx/workspace-data": ("nx-wrapper-data", "safe")}
    assert not findings(scan_foundation(root), "TDY102")
    backdate(root)
    fix_artifacts(root, tmp_path / "state", "--unsafe-fixes")
    assert sorted(p.name for p in nx.iterdir()) == ["nxw.js"]
    listed = subprocess.run(["git", "-C", str(root), "ls-files", ".nx"], check=True,
                            capture_output=True, text=True).stdout
    assert listed == ".nx/nxw.js\n"


def test_an_nx_cache_folder_of_a_plain_workspace_is_still_one_artifact(tmp_path: Path) -> None:
    """`nx run-many -t build` (nx 21) in an npm workspace: .nx/cache and .nx/workspace-data."""
    root = make_repo(tmp_path / "mono")
    write(root / "package.json", '{"name": "mono", "workspaces": ["packages/*"]}\n')
    write(root / "nx.json", '{"targetDefaults": {"build": {"cache": true}}}\n')
    write(root / ".nx" / "cache" / "1234567890" / "code", "0")
    write(root / ".nx" / "workspace-data" / "file-map.json", "{}\n")
    assert artifacts_by_path(root) == {".nx": (".nx", "safe")}


@pytest.mark.parametrize("layout", ["no-wrapper", "own-file-in-nx"])
def test_folders_named_like_nxs_are_left_alone_without_its_evidence(tmp_path: Path,
                                                                    layout: str) -> None:
    """installation/ and cache/ with no nxw.js beside them are anyone's; a .nx/ holding a file
    Nx never writes there is not all Nx's."""
    root = make_repo(tmp_path / "app")
    write(root / "package.json", '{"name": "app"}\n')
    if layout == "no-wrapper":
        write(root / "docs" / "installation" / "linux.md", "# Installing on Linux\n")
        write(root / "docs" / "cache" / "notes.md", "how our HTTP cache works\n")
        folder = "docs"
    else:
        write(root / ".nx" / "cache" / "1" / "code", "0")
        write(root / ".nx" / "my-notes.md", "team notes kept here\n")
        folder = ".nx"
    _left_alone(root, tmp_path / "state", folder)


def _gatsby(tmp_path: Path) -> Path:
    """Gatsby 5.16.1 (`gatsby build`): .cache/ (api-runner-*.js, babelState.json, caches/,
    caches-lmdb/, page-ssr/, redux/, .parcel-cache/, ...) and public/ (index.html,
    page-data/, chunk-map.json, webpack.stats.json, app-<hash>.js, static files copied from
    static/)."""
    root = make_repo(tmp_path / "blog")
    write(root / "package.json", '{"name": "blog", "scripts": {"build": "gatsby build"}}\n')
    write(root / "gatsby-config.js", "module.exports = { plugins: [] };\n")
    write(root / "src" / "pages" / "index.js", "export default function Index() {}\n")
    write(root / "static" / "robots.txt", "User-agent: *\n")
    return root


def test_gatsbys_cache_and_public_are_recognised_and_moved(tmp_path: Path) -> None:
    root = _gatsby(tmp_path)
    cache = root / ".cache"
    write(cache / "api-runner-browser.js", "module.exports = [];\n")
    write(cache / "babelState.json", "{}\n")
    write(cache / "caches-lmdb" / "data.mdb", size=100)
    write(cache / ".parcel-cache" / "data.mdb", size=100)
    public = root / "public"
    write(public / "index.html", "<div id=___gatsby></div>\n")
    write(public / "page-data" / "index" / "page-data.json", "{}\n")
    write(public / "chunk-map.json", "{}\n")
    write(public / "webpack.stats.json", "{}\n")
    write(public / "robots.txt", "User-agent: *\n")
    assert artifacts_by_path(root) == {".cache": ("gatsby-cache", "safe"),
                                "public": ("gatsby-public", "safe")}
    backdate(root)
    fix_artifacts(root, tmp_path / "state")
    assert not cache.exists() and not public.exists()
    assert (root / "static" / "robots.txt").is_file()


@pytest.mark.parametrize("folder", ["public", ".cache"])
def test_hand_written_public_and_cache_beside_gatsby_config_are_left_alone(
        tmp_path: Path, folder: str) -> None:
    """A public/ of one's own files (what Vite and others serve as-is), a .cache/ of notes:
    nothing of what Gatsby always writes is in them."""
    root = _gatsby(tmp_path)
    write(root / folder / "index.html", "<h1>kept by hand</h1>\n")
    write(root / folder / "favicon.ico", "x")
    write(root / folder / "data" / "cities.json", "[]\n")
    _left_alone(root, tmp_path / "state", folder)
