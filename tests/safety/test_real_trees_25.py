"""Real trees, round 25 (bench/RESULTS.md, "Real trees, round 25"): what tidy got wrong on
real projects, and the look-alikes that must stay.

Left on a71221d: a zero-config Eleventy site (`"build": "eleventy"`, no config file: Eleventy
3.1.8 wrote _site/index.html, _site/about/index.html, _site/posts/first/index.html from
index.md, about.html, posts/first.md), and scikit-build-core's build/ (`build-dir =
"build/{wheel_tag}"`): its CMake tree build/cp311-cp311-linux_x86_64 was found, build/ left
empty after the fix.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_repo, write
from tests.safety.helpers import artifacts_by_path, commit_all, fix_moves_exactly, left_alone
from tidy.core.build_scripts import eleventy_inputs, script_outputs
from tidy.core.eleventy_site import template_paths

pytestmark = pytest.mark.slow


def _committed(root: Path, files: dict[str, str]) -> Path:
    """A repository at `root` holding `files` (path -> text), committed."""
    repo = make_repo(root)
    _written(repo, files)
    commit_all(repo)
    return repo


def _written(folder: Path, files: dict[str, str | bytes]) -> None:
    """`files` (path below `folder` -> text or bytes) written there."""
    for path, data in files.items():
        write(folder / path, data)


# ------------------------------------------------------------------ Eleventy, no config
def _zero_config_site(root: Path, script: str = "eleventy", source: str = ".",
                      dependency: bool = True) -> Path:
    """An Eleventy site as round 25's ele0: package.json's build script, no config file,
    three templates (committed), _site/ ignored."""
    package: dict[str, object] = {"name": "site", "private": True,
                                  "scripts": {"build": script, "start": script + " --serve"}}
    if dependency:
        package["devDependencies"] = {"@11ty/eleventy": "^3.1.0"}
    return _committed(root, {
        "package.json": json.dumps(package), ".gitignore": "node_modules\n_site\n",
        f"{source}/index.md": "# Hello\n\nA zero-config page.\n",
        f"{source}/about.html": "<p>About</p>\n",
        f"{source}/posts/first.md": "---\ntitle: First\n---\n# First post\n"})


def _eleventy_wrote(site: Path) -> None:
    """_site/ as Eleventy 3.1.8 wrote it from the three templates."""
    _written(site, {"index.html": "<h1>Hello</h1>\n<p>A zero-config page.</p>\n",
                    "about/index.html": "<p>About</p>\n",
                    "posts/first/index.html": "<h1>First post</h1>\n"})


@pytest.mark.parametrize("script", ["eleventy", "npx @11ty/eleventy",
                                    "npx @11ty/eleventy --quiet", "eleventy --output=_site"])
def test_a_zero_config_eleventy_site_is_found_moved_and_put_back(
        tmp_path: Path, script: str) -> None:
    """_site/ of pages each traced to its template (fails on a71221d: left)."""
    repo = _zero_config_site(tmp_path / "repo", script)
    _eleventy_wrote(repo / "_site")
    assert artifacts_by_path(repo).get("_site") == ("eleventy-site", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"_site"})


def test_a_zero_config_site_of_an_input_folder_is_found(tmp_path: Path) -> None:
    """`eleventy --input=src`: the templates are looked for in src/ (fails on a71221d)."""
    repo = _zero_config_site(tmp_path / "repo", "eleventy --input=src", source="src")
    _eleventy_wrote(repo / "_site")
    assert artifacts_by_path(repo).get("_site") == ("eleventy-site", "safe")


def _hand_made(repo: Path) -> None:
    write(repo / "_site" / "index.html", "<h1>My own pages</h1>\n")
    write(repo / "_site" / "contact.html", "<p>mail me</p>\n")


@pytest.mark.parametrize("case", ["no template", "not a page", "image",
                                  "template in the site", "linked template", "other input"])
def test_a_hand_made_site_beside_an_eleventy_script_stays(tmp_path: Path, case: str) -> None:
    """A _site/ holding what no template of the input folder accounts for stays: a page of
    no template, a page written elsewhere than Eleventy writes it (contact.html, not
    contact/index.html), an image (a passthrough copy needs a config), Eleventy only in
    a template found only inside _site/ itself or through a link, or the templates in
    another folder than the script's --input."""
    script = "eleventy --input=src" if case == "other input" else "eleventy"
    repo = _zero_config_site(tmp_path / "repo", script)
    _eleventy_wrote(repo / "_site")
    if case == "no template":
        write(repo / "_site" / "contact" / "index.html", "<p>mail me</p>\n")
    elif case == "not a page":
        _hand_made(repo)
    elif case == "image":
        write(repo / "_site" / "logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    elif case == "template in the site":
        write(repo / "_site" / "contact.md", "# Contact\n")
        write(repo / "_site" / "contact" / "index.html", "<p>mail me</p>\n")
    elif case == "linked template":
        outside = write(tmp_path / "elsewhere" / "contact.md", "# Contact\n")
        os.symlink(outside.parent, repo / "linked")
        write(repo / "_site" / "linked" / "contact" / "index.html", "<p>mail me</p>\n")
    left_alone(repo, tmp_path / "state", "_site")


def test_a_site_with_eleventy_only_in_dev_dependencies_stays(tmp_path: Path) -> None:
    """`@11ty/eleventy` in devDependencies, no script running it: nothing says where it
    wrote, and a hand-made _site/ of the same pages is not told apart: left."""
    repo = _zero_config_site(tmp_path / "repo", "echo build")
    _eleventy_wrote(repo / "_site")
    left_alone(repo, tmp_path / "state", "_site")


@pytest.mark.parametrize(("script", "inputs"), [
    ("eleventy", {"."}), ("npx @11ty/eleventy --input=src", {"src"}),
    ("eleventy --input docs --serve", {"docs"}), ("eleventy --input=../up", set()),
    ("echo eleventy", set()), ("ELEVENTY_ENV=prod npx eleventy", {"."})])
def test_eleventy_inputs_read_from_the_script(script: str, inputs: set[str]) -> None:
    """The input folder is --input's value, else the package's; none above the package."""
    assert eleventy_inputs({"build": script}) == inputs


@pytest.mark.parametrize(("script", "outputs"), [
    ("eleventy", {"_site"}), ("eleventy --output=public", {"public"}),
    ("eleventy --output /srv/www", set()), ("eleventy --output=.", set()),
    ("tsup src/index.ts --out-dir ../shared", set()), ("tsup src/index.ts", {"dist"})])
def test_eleventy_output_read_from_the_script(script: str, outputs: set[str]) -> None:
    """_site unless --output names a folder, inside the package or not (then none: the
    default is not where it writes; tsup's dist/ likewise, which a71221d took)."""
    assert set(script_outputs({"build": script})) == outputs


_SEGMENT = st.text(alphabet="abcxyz-_", min_size=1, max_size=6)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SEGMENT, min_size=0, max_size=3), st.sampled_from([".md", ".njk", ".html"]))
def test_each_template_maps_to_the_page_eleventy_writes(parts: list[str], ext: str) -> None:
    """A template at a/b.EXT writes a/b/index.html (index.EXT: the folder's index.html), and
    template_paths(page) names it; a page of any other name has no template."""
    stem = "/".join(parts) or "index"
    page = "index.html" if stem == "index" else (
        stem.removesuffix("/index") + "/index.html" if stem.endswith("/index") else
        stem + "/index.html")
    assert stem + ext in template_paths(page)
    assert template_paths(stem + ".htm") == []


# ------------------------------------------------------------------ scikit-build-core
def _skb_project(root: Path) -> Path:
    """Round 25's skb: scikit-build-core + pybind11, `build-dir = "build/{wheel_tag}"`."""
    return _committed(root, {
        "pyproject.toml": '[build-system]\nrequires = ["scikit-build-core", "pybind11"]\n'
                          'build-backend = "scikit_build_core.build"\n\n[project]\nname = "skb"\n'
                          'version = "0.1.0"\n\n[tool.scikit-build]\n'
                          'build-dir = "build/{wheel_tag}"\n',
        "CMakeLists.txt": "cmake_minimum_required(VERSION 3.15)\n"
                          "project(${SKBUILD_PROJECT_NAME} LANGUAGES CXX)\n",
        "src/core.cpp": "int add(int a, int b) { return a + b; }\n",
        ".gitignore": "build/\ndist/\n"})


def _cmake_tree(tree: Path) -> None:
    """A CMake tree as scikit-build-core 1.1.2 configured it (Ninja)."""
    _written(tree, {
        "CMakeCache.txt": "# This is the CMakeCache file.\nCMAKE_GENERATOR:INTERNAL=Ninja\n",
        "CMakeFiles/cmake.check_cache": "# This file is generated by cmake\n",
        "CMakeInit.txt": 'set(SKBUILD ON CACHE BOOL "" FORCE)\n',
        "build.ninja": "# CMAKE generated file: DO NOT EDIT!\n",
        "_core.cpython-311-x86_64-linux-gnu.so": b"\x7fELF" + b"\0" * 60})


@pytest.mark.parametrize("tags", [["cp311-cp311-linux_x86_64"],
                                  ["cp311-cp311-linux_x86_64", "cp312-abi3-linux_x86_64"],
                                  ["pp310-pypy310_pp73-linux_x86_64"]])
def test_a_scikit_build_core_build_folder_is_moved_whole(tmp_path: Path,
                                                         tags: list[str]) -> None:
    """build/ of wheel-tag trees moves whole, none left empty (fails on a71221d: only the
    tree inside moved)."""
    repo = _skb_project(tmp_path / "repo")
    for tag in tags:
        _cmake_tree(repo / "build" / tag)
    assert artifacts_by_path(repo).get("build") == ("skbuild-build", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"build"})
    assert (repo / "build").is_dir()  # undo put it back


@pytest.mark.parametrize("extra", ["notes.txt", "scripts/deploy.sh", "cp311-cp311-linux_x86_64"])
def test_a_build_folder_with_more_than_wheel_trees_keeps_itself(tmp_path: Path,
                                                                extra: str) -> None:
    """build/ holding anything but wheel-tag folders (a note, a folder of scripts), or a
    wheel-tag folder of no CMake tree, is not taken whole: at most the tree inside is."""
    repo = _skb_project(tmp_path / "repo")
    if extra == "cp311-cp311-linux_x86_64":
        write(repo / "build" / extra / "notes.txt", "mine\n")
        left_alone(repo, tmp_path / "state", "build")
        return
    _cmake_tree(repo / "build" / "cp311-cp311-linux_x86_64")
    write(repo / "build" / extra, "mine\n")
    found = artifacts_by_path(repo)
    assert "build" not in found
    assert found.get("build/cp311-cp311-linux_x86_64") == ("cmake-tree", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"build/cp311-cp311-linux_x86_64"})
    assert (repo / "build" / extra).read_text() == "mine\n"


# ------------------------------------------------------------------ Pelican
def _pelican_site(root: Path) -> Path:
    """Round 25's pel: pelicanconf.py (PATH = "content"), one article, output/ ignored."""
    return _committed(root, {
        "pelicanconf.py": 'AUTHOR = "A"\nSITENAME = "pel"\nPATH = "content"\n',
        "content/first.md": "Title: First\nDate: 2026-12-07\n\nHello.\n",
        ".gitignore": "output/\n"})


def test_a_pelican_output_is_found_moved_and_put_back(tmp_path: Path) -> None:
    """output/ as pelican 4.12 wrote it (fails on a71221d: left)."""
    repo = _pelican_site(tmp_path / "repo")
    out = repo / "output"
    for page in ("index.html", "first.html", "archives.html", "authors.html",
                 "categories.html", "tags.html", "category/misc.html", "author/a.html"):
        write(out / page, "<!DOCTYPE html><title>pel</title>\n")
    write(out / "feeds" / "all-en.atom.xml", "<feed/>\n")
    write(out / "theme" / "css" / "main.css", "body{}\n")
    assert artifacts_by_path(repo).get("output") == ("pelican-output", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"output"})


def test_an_output_folder_of_the_users_beside_pelicanconf_stays(tmp_path: Path) -> None:
    """output/ of none of Pelican's direct-template pages (a report, a CSV) stays."""
    repo = _pelican_site(tmp_path / "repo")
    _written(repo / "output", {"index.html": "<p>my report</p>\n", "results.csv": "a,b\n1,2\n"})
    left_alone(repo, tmp_path / "state", "output")


# ------------------------------------------------------------------ Jupyter Book 2 (MyST)
def _myst_book(root: Path) -> Path:
    """Round 25's jb: `jupyter-book init --write-toc` over two pages (myst.yml, .gitignore)."""
    return _committed(root, {
        "intro.md": "# Intro\n\nHello book.\n", "chapter.md": "# Chapter\n\nText.\n",
        "myst.yml": "version: 1\nproject:\n  toc:\n    - file: intro.md\n"
                    "    - file: chapter.md\nsite:\n  template: book-theme\n",
        ".gitignore": "# MyST build outputs\n_build\n"})


def test_a_jupyter_book_2_build_is_found_moved_and_put_back(tmp_path: Path) -> None:
    """_build/site as jupyter-book 2.1.7 wrote it (fails on a71221d: left)."""
    repo = _myst_book(tmp_path / "repo")
    _written(repo / "_build" / "site", {
        "content/intro.json": '{"kind": "Article"}\n',
        "content/index.json": '{"kind": "Article"}\n',
        "public/intro-f4947895a79b0491c4e0a1884e1223d9.md": "# Intro\n"})
    assert artifacts_by_path(repo).get("_build") == ("myst-build", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"_build"})


@pytest.mark.parametrize("extra", ["notes.md", "drafts/ch2.md"])
def test_a_build_folder_with_the_users_files_beside_myst_yml_stays(tmp_path: Path,
                                                                   extra: str) -> None:
    """_build/ holding anything MyST does not write there stays, its site/ too."""
    repo = _myst_book(tmp_path / "repo")
    write(repo / "_build" / "site" / "content" / "intro.json", "{}\n")
    write(repo / "_build" / extra, "mine\n")
    left_alone(repo, tmp_path / "state", "_build")


# ------------------------------------------------------------------ Hexo
_WAREHOUSE = ('{"meta":{"version":1,"warehouse":"5.0.1"},"models":{"Asset":[],"Cache":[],'
              '"Post":[{"title":"Hello World","source":"_posts/hello-world.md"}]}}')


def _hexo_blog(root: Path) -> Path:
    """Round 25's hx: hexo-cli's starter (_config.yml, scaffolds/, source/_posts/)."""
    scaffolds = {f"scaffolds/{name}": "---\ntitle: {{ title }}\n---\n"
                 for name in ("draft.md", "page.md", "post.md")}
    return _committed(root, {
        **scaffolds, "_config.yml": "title: Hexo\npublic_dir: public\ntheme: landscape\n",
        "source/_posts/hello-world.md": "---\ntitle: Hello World\n---\n",
        "package.json": json.dumps({"name": "hexo-site", "private": True,
                                    "scripts": {"build": "hexo generate"}}),
        ".gitignore": "db.json\nnode_modules/\npublic/\n"})


def test_hexo_public_and_db_are_found_moved_and_put_back(tmp_path: Path) -> None:
    """public/ and db.json as `hexo generate` (hexo 7.3) wrote them (fails on a71221d: left)."""
    repo = _hexo_blog(tmp_path / "repo")
    for page in ("index.html", "archives/index.html", "archives/2026/index.html",
                 "2026/12/07/hello-world/index.html"):
        write(repo / "public" / page, "<!DOCTYPE html><title>Hexo</title>\n")
    write(repo / "public" / "css" / "style.css", "body{}\n")
    write(repo / "db.json", _WAREHOUSE)
    found = artifacts_by_path(repo)
    assert found.get("public") == ("hexo-public", "safe")
    assert found.get("db.json") == ("hexo-db", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"public", "db.json"})


def test_hexo_look_alikes_stay(tmp_path: Path) -> None:
    """A public/ of no archive pages beside the scaffolds (a folder of the user's), a
    public/ with archives/ in a project with no Hexo scaffolds (a Jekyll site's
    _config.yml), and a db.json of the user's (a json-server database) stay."""
    repo = _hexo_blog(tmp_path / "repo")
    write(repo / "public" / "robots.txt", "User-agent: *\n")
    write(repo / "db.json", '{"posts": [{"id": 1, "title": "json-server"}]}\n')
    left_alone(repo, tmp_path / "state", "public", "db.json")
    other = _committed(tmp_path / "jekyll", {"_config.yml": "title: mine\n",
                                             "index.md": "# mine\n"})
    write(other / "public" / "archives" / "index.html", "<p>my archive</p>\n")
    left_alone(other, tmp_path / "state2", "public")


# ------------------------------------------------------------------ Jupyter Book 1 (Sphinx)
def test_a_jupyter_book_1_build_is_found_moved_and_put_back(tmp_path: Path) -> None:
    """_build/ of `jupyter-book build .` (1.0.4: Sphinx with no conf.py, _toc.yml beside):
    sphinx-build (fails on a71221d: left)."""
    repo = _committed(tmp_path / "repo", {
        "_config.yml": "title: My sample book\nauthor: The Jupyter Book Community\n",
        "_toc.yml": "format: jb-book\nroot: intro\nchapters:\n- file: markdown\n",
        "intro.md": "# Welcome to your Jupyter Book\n", "markdown.md": "# Markdown Files\n",
        ".gitignore": "_build/\n"})
    _written(repo / "_build", {
        ".doctrees/environment.pickle": b"\x80\x04" + b"\0" * 64,
        "html/.buildinfo": "# Sphinx build info version 1\n",
        "html/intro.html": "<!DOCTYPE html>\n", "jupyter_execute/notebooks.ipynb": "{}\n"})
    assert artifacts_by_path(repo).get("_build") == ("sphinx-build", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"_build"})


def test_a_build_folder_of_no_sphinx_run_beside_toc_yml_stays(tmp_path: Path) -> None:
    """_build/ of the user's beside _toc.yml, with no doctrees or .buildinfo, stays."""
    repo = _committed(tmp_path / "repo", {"_toc.yml": "format: jb-book\nroot: intro\n",
                                          "intro.md": "# Intro\n"})
    write(repo / "_build" / "html" / "intro.html", "<p>kept by hand</p>\n")
    left_alone(repo, tmp_path / "state", "_build")


# ------------------------------------------------------------------ Deno
def _deno_project(root: Path, tasks: dict[str, object], config: str = "deno.json") -> Path:
    """Round 25's dn: deno.json (nodeModulesDir auto, an npm: import, tasks), main.ts."""
    return _committed(root, {
        config: json.dumps({"nodeModulesDir": "auto", "tasks": tasks,
                            "imports": {"ms": "npm:ms@^2.1.3"}}, indent=2),
        "main.ts": 'import ms from "ms";\nimport { add } from "./lib.ts";\n'
                   "console.log(add(2, 2), ms(60000));\n",
        "lib.ts": "export function add(a: number, b: number): number { return a + b; }\n",
        ".gitignore": "node_modules/\ncoverage/\ndist/\n"})


@pytest.mark.parametrize(("config", "task"), [
    ("deno.json", "deno bundle -o dist/main.js main.ts"),
    ("deno.jsonc", "deno bundle --output=dist/main.js main.ts"),
    ("deno.json", {"command": "deno bundle --outdir dist main.ts", "description": "bundle"})])
def test_a_deno_bundle_and_coverage_are_found_moved_and_put_back(
        tmp_path: Path, config: str, task: object) -> None:
    """dist/ of `deno bundle` named by a task, coverage/ of `deno test --coverage` (Deno
    2.9.6) beside deno.json(c) (fails on a71221d: both left)."""
    repo = _deno_project(tmp_path / "repo", {"build": task}, config)
    write(repo / "dist" / "main.js", "// deno bundle\nconsole.log(4);\n")
    write(repo / "coverage" / "5891580e-ebaa-4bac-bf1b-b1d94e11cd6f.json",
          '{\n  "scriptId": "60",\n  "url": "file:///repo/lib.ts",\n  "functions": []\n}\n')
    write(repo / "coverage" / "lcov.info", "SF:/repo/lib.ts\nend_of_record\n")
    found = artifacts_by_path(repo)
    assert found.get("dist") == ("js-dist", "safe")
    assert found.get("coverage") == ("js-coverage", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"dist", "coverage"})


@pytest.mark.parametrize("task", ["deno run -A build.ts", "deno bundle -o out/main.js main.ts"])
def test_a_dist_no_deno_task_writes_stays(tmp_path: Path, task: str) -> None:
    """dist/ beside deno.json that no task bundles into (another script writes it, or the
    bundle goes elsewhere), or holding the user's files, stays."""
    repo = _deno_project(tmp_path / "repo", {"build": task})
    write(repo / "dist" / "main.js", "console.log('mine');\n")
    left_alone(repo, tmp_path / "state", "dist")
    write(repo / "dist" / "README.md", "# release notes\n")
    left_alone(repo, tmp_path / "state", "dist")


# ------------------------------------------------------------------ VuePress 2
def _vuepress_docs(root: Path) -> Path:
    """Round 25's vp: docs/.vuepress/config.js (bundler-vite, default theme), two pages."""
    return _committed(root, {
        "package.json": json.dumps({"name": "vp", "private": True, "type": "module",
                                    "scripts": {"docs:build": "vuepress build docs"}}),
        "docs/.vuepress/config.js": "import { defineUserConfig } from 'vuepress'\n"
                                    "export default defineUserConfig({ title: 'vp' })\n",
        "docs/README.md": "# Hello VuePress\n", "docs/guide.md": "# Guide\n",
        ".gitignore": "node_modules\n.temp\n.cache\ndist\n"})


def test_vuepress_dist_and_temp_are_found_moved_and_put_back(tmp_path: Path) -> None:
    """.vuepress/dist and .vuepress/.temp as vuepress 2.0.0-rc.31 wrote them (fails on
    a71221d: both left)."""
    repo = _vuepress_docs(tmp_path / "repo")
    _written(repo / "docs" / ".vuepress", {
        "dist/index.html": "<!doctype html>\n", "dist/404.html": "<!doctype html>\n",
        "dist/assets/app-Dp83Ew44.js": "import{}from'vue';\n",
        "dist/assets/style-DJsZWTjH.css": "body{}\n",
        ".temp/internal/siteData.js": "export const siteData = {}\n",
        ".temp/internal/routes.js": "export const routes = {}\n",
        ".temp/pages/index.html.vue": "<template><div/></template>\n"})
    found = artifacts_by_path(repo)
    assert found.get("docs/.vuepress/dist") == ("vuepress-dist", "safe")
    assert found.get("docs/.vuepress/.temp") == ("vuepress-temp", "safe")
    fix_moves_exactly(repo, tmp_path / "state", {"docs/.vuepress/dist", "docs/.vuepress/.temp"})


def test_vuepress_look_alikes_stay(tmp_path: Path) -> None:
    """A dist/ and a .temp/ of the user's in .vuepress/ (no app bundle, no generated
    siteData) stay."""
    repo = _vuepress_docs(tmp_path / "repo")
    _written(repo / "docs" / ".vuepress", {"dist/logo.svg": "<svg/>\n",
                                            ".temp/notes.md": "draft\n"})
    left_alone(repo, tmp_path / "state", "docs/.vuepress/dist", "docs/.vuepress/.temp")
