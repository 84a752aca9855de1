"""tidy/core/catalog.toml, parsed (written by scripts/catalog_data.py; do not edit).

catalog.load_builtin uses DOCUMENT and KINDS only while catalog.toml's text is SOURCE (and
KINDS only while Kind's fields are KIND_FIELDS).
"""

from __future__ import annotations

from typing import Any

SOURCE = (
    '# The artifact catalogue: what tidy recognises as a cache or build output, as data.\n'
    '#\n'
    '# Each [[kind]] has:\n'
    '#   name        unique id, used by --kind and [tool.tidy] kinds\n'
    '#   ecosystem   who makes it\n'
    '#   type        "dir" or "file"\n'
    '#   names       exact base names;  globs: fnmatch patterns on the base name (files)\n'
    '#   tier        "default"  on by default, the name alone is enough (unambiguous names)\n'
    '#               "marker"   on by default, but only where evidence confirms it: a sibling file\n'
    '#                          in `markers`, a file inside listed in `inside`, a CACHEDIR.TAG with the\n'
    '#                          standard signature, or a .gitignore inside that ignores everything (`*`)\n'
    '#               "opt-in"   detected but reported only when enabled (intentional, costly to rebuild)\n'
    '#               "never"    possibly user data: reported only when enabled, never fixed by default\n'
    "#   markers     sibling names or globs that confirm the kind (kondo's rule); for a folder kind\n"
    "#               also SUB/NAME, a sibling folder SUB holding NAME (Sphinx's source/conf.py)\n"
    '#   inside      names or globs inside the folder that confirm it on their own (a CMake tree of\n'
    '#               any name: CMakeCache.txt; a venv: pyvenv.cfg)\n'
    '#   signature   names or globs directly inside the folder of which one must be there as well,\n'
    '#               whatever else confirmed the kind (marker, CACHEDIR.TAG, self-ignoring\n'
    "#               .gitignore): what the tool always leaves in its output (setuptools' build/lib,\n"
    "#               Gradle's build/tmp). A marker says the project uses the tool, not that this\n"
    "#               folder is the tool's output: a hand-written build/ of scripts beside a\n"
    '#               pyproject.toml has no signature and is left alone. Give every kind with an\n'
    '#               ambiguous name one wherever the tool reliably leaves one; "dir" kinds only.\n'
    '#               An entry SUB/NAME (globs both) is one level below: a subfolder matching SUB\n'
    "#               (a real folder, no link followed) holding NAME (Angular's\n"
    "#               dist/<project>/3rdpartylicenses.txt, Vite's dist/assets/index-<hash>.js)\n"
    '#   only        names or globs: every entry directly inside must match one, whatever else\n'
    '#               confirmed the kind, where the tool writes nothing else there (setuptools puts\n'
    '#               only lib*, bdist.*, temp.*, scripts-* into build/, as pyclean relies on): a\n'
    "#               build/ of someone's scripts that holds a lib/ of helpers is left alone\n"
    '#   sources     "*.EXT" entries (file kinds): a sibling of the same stem with one of these\n'
    '#               extensions must be there, the source the file was compiled from (main.o beside\n'
    "#               main.c, Cython's core.c beside core.pyx): a hand-written helper.c has no\n"
    '#               helper.pyx. The stem is the name up to its first "." or "$" (an extension\n'
    "#               module core.cpython-311-x86_64-linux-gnu.so; javac's App$1.class)\n"
    '#   declared    FILE:key.path entries: a sibling JSON(C) file whose setting names the folder\n'
    '#               itself ("dist", "./dist/") confirms the kind where the signature is missing\n'
    "#               (tsc writes plain .js files to tsconfig.json's compilerOptions.outDir); a\n"
    '#               folder of none of the kind\'s names (outDir "lib") is the kind\'s where its\n'
    '#               setting names it and the signature is there as well; either way only where\n'
    '#               every file below is one tsc writes (no .ts source, no declaration file\n'
    '#               without the .js it declares or its map) and is traced to tsc (its map\n'
    '#               beside it, or the .ts source it was emitted from: catalog.tsc_wrote_only)\n'
    '#               "package.json:scripts" names the folder a build command there writes to\n'
    '#               (esbuild --outdir=dist, --outfile=dist/app.js; webpack --output-path/-o;\n'
    '#               rollup --file/-o, --dir/-d; parcel --dist-dir: core.build_scripts), where\n'
    '#               the project has no config file for the tool; it confirms the kind like a\n'
    '#               marker, only where every file below is one that tool writes (esbuild: .js\n'
    "#               .mjs .cjs .css .map .LEGAL.txt; webpack's .LICENSE.txt, parcel's .html). A\n"
    "#               folder below the package.json's (--outdir=app/static/dist) is found from up\n"
    "#               to 3 folders above it, when of the kind's name or holding its signature.\n"
    '#               "turbo.json:outputs": a folder beside a package.json that the workspace\'s\n'
    "#               turbo.json (the package's own, or one up to 3 folders above) names as a\n"
    "#               task's outputs (`dist/**`: core.task_outputs), where every file below is\n"
    '#               one a build writes (.js .mjs .cjs .css .map .html, .d.ts, .tsbuildinfo ...);\n'
    '#               "nx.json:targetDefaults" the same for Nx (`{projectRoot}/dist` in nx.json\'s\n'
    '#               targetDefaults, a project.json\'s or package.json "nx" targets)\n'
    '#   built_from  (file kinds found by no name) a program a compiler wrote beside its source:\n'
    '#               "*.EXT" a sibling NAME.EXT (cc -o hello hello.c), "folder:*.EXT" named after\n'
    '#               its folder beside a *.EXT file, "go.mod:module" named after the last element\n'
    '#               of go.mod\'s module path, "go.mod:cmd" named after a package cmd/NAME\n'
    '#               beside go.mod, "go.mod:bin" in a bin/ folder beside go.mod, named after the\n'
    '#               module or a package of it (cmd/NAME or NAME: go build -o bin/NAME ./cmd/NAME),\n'
    '#               "CMakeFiles:target" beside CMakeFiles/NAME.dir (CMake\'s in-source build);\n'
    '#               the file has no extension but a Windows program\'s ".exe", the executable bit\n'
    "#               and an executable image's header (ELF, Mach-O, PE): a script of that name is left\n"
    '#   every_file  (folder kinds) every file below, at any depth, matches one of these globs and\n'
    '#               there is one at least (javac -d out writes only .class files)\n'
    "#   header      (named file kinds) texts of which one is in the file's first 512 bytes: the line\n"
    '#               the tool writes at its top (CMake\'s "# CMAKE generated file: DO NOT EDIT!"), so a\n'
    '#               hand-written Makefile stays; the commit hook, which has no bytes to read there,\n'
    '#               never confirms these kinds. (folder kinds confirmed by `inside`, plain names) the\n'
    '#               file inside, at its very start: Django\'s staticfiles.json starts `{"paths": {`\n'
    '#   listed_by   (folder kinds confirmed by `inside`) FILE:key, a JSON file inside whose object at\n'
    '#               `key` names every file below the folder, as a key or a value, a hashed copy\n'
    '#               NAME.<12 hex>.EXT of one, or its .gz/.br (Django\'s staticfiles.json "paths"): a\n'
    "#               file it does not name is someone's (a forged manifest in a source folder)\n"
    "#   absent      (folder kinds) names that must not be directly inside: a source folder's own\n"
    '#               files (a CMakeLists.txt beside CMakeCache.txt: a project configured in place)\n'
    '#   wrapped_by  (named folder kinds) where the signature is missing: an entry E inside has a\n'
    '#               sibling file E whose first 512 bytes hold this text then "<folder>/E" (libtool\'s\n'
    '#               wrapper script `hello`: "temporary wrapper script for .libs/hello")\n'
    "#   parent      (folder kinds) names the folder's parent must have (VitePress's `.vitepress`)\n"
    "#   with        kind names whose items go stale when this kind's are moved without them:\n"
    "#               `tidy fix --kind THIS` (and a watch's artifact-kinds) takes them too (tsc's\n"
    '#               tsbuildinfo left beside a moved outDir: tsc -b calls it up to date, writes nothing)\n'
    '#               "global"   a toolchain\'s or package manager\'s own store in the home folder\n'
    '#                          (~/.cache/pip, ~/.rustup): found only at its `home` path, sized as a\n'
    '#                          whole, never looked into (its files are neither project artifacts nor\n'
    "#                          duplicates), never trashed: TDY105 names the tool's `clean` command\n"
    '#   home        (global caches) paths below the home folder; `.cache/...` also below\n'
    '#               $XDG_CACHE_HOME when that is set\n'
    "#   clean       (global caches) the tool's own command that cleans it; when words go with it\n"
    '#               (two steps, a choice), each command and path in backticks: advice puts only\n'
    '#               commands in backticks, and a plain value is wrapped whole\n'
    '#   safe        regenerable without loss: the fix is safe; otherwise it needs --unsafe-fixes\n'
    '#   regenerate  how it comes back\n'
    '#   why         one line on what it is\n'
    '# The same name may appear in several kinds (target/ for Cargo, Maven, sbt): the first whose\n'
    '# evidence holds wins. Names that are also common source folders must be tier "marker".\n'
    '\n'
    '# ---------------------------------------------------------------- Python\n'
    '[[kind]]\n'
    'name = "__pycache__"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["__pycache__"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "written again by the next import"\n'
    'why = "Python bytecode cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "pyc"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'globs = ["*.pyc", "*.pyo"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "written again by the next import"\n'
    'why = "stray Python bytecode outside __pycache__"\n'
    '\n'
    '[[kind]]\n'
    'name = ".pytest_cache"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".pytest_cache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "pytest writes it on the next run"\n'
    'why = "pytest\'s cache (last failures, step-wise state)"\n'
    '\n'
    '[[kind]]\n'
    'name = ".mypy_cache"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".mypy_cache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "mypy rebuilds it (the next run is slower)"\n'
    'why = "mypy\'s incremental cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".ruff_cache"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".ruff_cache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "ruff rebuilds it on the next run"\n'
    'why = "ruff\'s lint cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".pytype"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".pytype", ".pyre", ".pyright"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "the type checker rebuilds it"\n'
    'why = "type checker cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".hypothesis"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".hypothesis"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "hypothesis writes it again (saved failing examples are lost)"\n'
    'why = "hypothesis example database"\n'
    '\n'
    '[[kind]]\n'
    'name = ".tox"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".tox"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "tox recreates its environments"\n'
    'why = "tox test environments"\n'
    '\n'
    "# nox's sessions' virtualenvs (.nox/<session>/, nox 2025.11: 355 MB for one session with pandas\n"
    '# and pyarrow). A kind of its own: one shared with tox named it "(.tox folder)".\n'
    '[[kind]]\n'
    'name = ".nox"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".nox"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "nox recreates its sessions\' environments (nox -r reuses them)"\n'
    'why = "nox session environments"\n'
    '\n'
    '[[kind]]\n'
    'name = ".ipynb_checkpoints"\n'
    'ecosystem = "jupyter"\n'
    'type = "dir"\n'
    'names = [".ipynb_checkpoints"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "Jupyter writes a new checkpoint on save"\n'
    'why = "Jupyter notebook checkpoints"\n'
    '\n'
    '[[kind]]\n'
    'name = "htmlcov"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["htmlcov"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "coverage html"\n'
    'why = "coverage.py HTML report"\n'
    '\n'
    '# `pytest --debug` writes pytestdebug.log where it runs ("versions pytest-9.2.0, python-...";\n'
    '# pyclean removes it, research/cleaners.md b.3).\n'
    '[[kind]]\n'
    'name = "pytestdebug-log"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'names = ["pytestdebug.log"]\n'
    'header = ["versions pytest-"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "pytest --debug"\n'
    'why = "pytest\'s debug log"\n'
    '\n'
    '[[kind]]\n'
    'name = ".coverage"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'globs = [".coverage", ".coverage.*"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "coverage run"\n'
    'why = "coverage.py data file"\n'
    '\n'
    '# `coverage xml`, `coverage json`, `coverage lcov` write these beside the project (pyclean\n'
    '# removes them by default, research/cleaners.md b.3); a marker keeps the names to Python projects.\n'
    '[[kind]]\n'
    'name = "coverage-report"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'names = ["coverage.xml", "coverage.json", "coverage.lcov"]\n'
    'tier = "marker"\n'
    'markers = ["pyproject.toml", "setup.py", "setup.cfg", "tox.ini", ".coveragerc"]\n'
    'safe = true\n'
    'regenerate = "coverage xml / coverage json / coverage lcov"\n'
    'why = "coverage.py report file"\n'
    '\n'
    '[[kind]]\n'
    'name = "python-build"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["build"]\n'
    'tier = "marker"\n'
    'markers = ["pyproject.toml", "setup.py", "setup.cfg"]\n'
    'signature = ["lib", "lib.*", "bdist.*", "temp.*", "scripts-*", "__editable__.*"]\n'
    'only = ["lib", "lib.*", "bdist.*", "temp.*", "scripts-*", "src.*", "__editable__.*", ".DS_Store"]\n'
    'safe = true\n'
    'regenerate = "python -m build"\n'
    'why = "setuptools build tree"\n'
    '\n'
    '[[kind]]\n'
    'name = "python-dist"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["pyproject.toml", "setup.py", "setup.cfg"]\n'
    'signature = ["*.whl", "*.tar.gz", "*.zip", "*.egg"]\n'
    'safe = true\n'
    'regenerate = "python -m build"\n'
    'why = "built sdists and wheels"\n'
    '\n'
    '# PyInstaller (6.22) works in build/NAME/ for each NAME.spec beside it: its tables of contents\n'
    '# (Analysis-00.toc, PKG-00.toc ...), warn-NAME.txt, xref-NAME.html, base_library.zip (real\n'
    '# trees, round 24: build/ was left and its localpycs/*.pyc offered as stray bytecode). A\n'
    '# `*.spec` marker alone is weak (an RPM spec is named so too): the signature one level down\n'
    "# is PyInstaller's own. The .spec itself is the user's (edited, committed): never a kind.\n"
    '[[kind]]\n'
    'name = "pyinstaller-build"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["build"]\n'
    'tier = "marker"\n'
    'markers = ["*.spec"]\n'
    'signature = ["*/warn-*.txt", "*/xref-*.html", "*/Analysis-00.toc", "*/PKG-00.toc", "*/base_library.zip"]\n'
    'safe = true\n'
    'regenerate = "pyinstaller NAME.spec"\n'
    'why = "PyInstaller\'s work folder"\n'
    '\n'
    "# PyInstaller's default (one-folder) bundle: dist/NAME/ holding the program and _internal/.\n"
    '# A --onefile build is a lone executable dist/NAME: pyinstaller-onefile below.\n'
    '[[kind]]\n'
    'name = "pyinstaller-dist"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["*.spec"]\n'
    'signature = ["*/_internal"]\n'
    'safe = true\n'
    'regenerate = "pyinstaller NAME.spec"\n'
    'why = "PyInstaller\'s bundled program (one-folder build)"\n'
    '\n'
    '# `pyinstaller --onefile` writes one program, dist/NAME, and NAME.spec beside dist/: the\n'
    "# program (its header read: ELF, Mach-O, PE) named after a spec one folder up is the build's.\n"
    "# dist/ itself stays (it may hold the user's release notes, archives): the file moves.\n"
    '[[kind]]\n'
    'name = "pyinstaller-onefile"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'built_from = ["dist:../NAME.spec"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "pyinstaller NAME.spec"\n'
    'why = "program PyInstaller bundled into one file (dist/NAME, NAME.spec above it)"\n'
    '\n'
    '# sphinx-build writes doctrees and .buildinfo wherever it builds: `-M html docs docs/_build`\n'
    '# (the Makefile sphinx-quickstart writes) gives _build/doctrees and _build/html/.buildinfo,\n'
    '# `sphinx-build docs docs/_build` gives _build/.doctrees and _build/.buildinfo (checked with\n'
    "# Sphinx 9.0). docs/_build/ is in GitHub's Python .gitignore template.\n"
    '# sphinx-quickstart --sep puts conf.py in source/ and its Makefile builds into build/ (BUILDDIR\n'
    '# = build: build/html/.buildinfo, build/doctrees/); `sphinx-build -b html source _build/html`\n'
    '# leaves _build/ holding html/ alone (checked with Sphinx 9.0.4). Jupyter Book 1 runs Sphinx\n'
    '# with no conf.py (it writes one in memory from _config.yml and _toc.yml): `jupyter-book build\n'
    '# .` left _build/.doctrees, html/.buildinfo and jupyter_execute/ (real trees, round 25,\n'
    '# jupyter-book 1.0.4): its _toc.yml is a marker too.\n'
    '[[kind]]\n'
    'name = "sphinx-build"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["_build", "build"]\n'
    'tier = "marker"\n'
    'markers = ["conf.py", "source/conf.py", "_toc.yml"]\n'
    'signature = ["doctrees", ".doctrees", ".buildinfo", "*/.buildinfo"]\n'
    'safe = true\n'
    'regenerate = "make html (or sphinx-build)"\n'
    'why = "Sphinx documentation build"\n'
    '\n'
    '# Jupyter Book 2 (mystmd 1.x underneath) writes _build/ beside its myst.yml: site/content/*.json\n'
    '# and site/public/ for every build, html/ for `--html`, templates/ (the theme it fetched),\n'
    '# cache/, exports/, temp/, execute/; `myst clean` removes them (real trees, round 25: jupyter-book\n'
    '# 2.1.7 left _build/site). A _build/ holding anything else stays.\n'
    '[[kind]]\n'
    'name = "myst-build"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["_build"]\n'
    'tier = "marker"\n'
    'markers = ["myst.yml"]\n'
    'signature = ["site/content", "site/public", "site/config.json", "html/index.html", "templates/site"]\n'
    'only = ["site", "html", "templates", "cache", "exports", "temp", "execute", "logs"]\n'
    'safe = true\n'
    'regenerate = "jupyter-book build (or myst build)"\n'
    'why = "Jupyter Book 2 / MyST build folder"\n'
    '\n'
    "# mkdocs 1.6 writes sitemap.xml.gz (its theme's sitemap) and search/search_index.json (the\n"
    '# search plugin, on by default) into site/ on every build.\n'
    '[[kind]]\n'
    'name = "mkdocs-site"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["site"]\n'
    'tier = "marker"\n'
    'markers = ["mkdocs.yml", "mkdocs.yaml"]\n'
    'signature = ["sitemap.xml.gz", "search/search_index.json"]\n'
    'safe = true\n'
    'regenerate = "mkdocs build"\n'
    'why = "MkDocs site build"\n'
    '\n'
    '# cythonize writes core.c beside core.pyx ("/* Generated by Cython 3.3.1 */"), core.cpp for\n'
    '# `# distutils: language = c++`.\n'
    '[[kind]]\n'
    'name = "cython-c"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'globs = ["*.c", "*.cpp"]\n'
    'sources = ["*.pyx"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "cythonize (python setup.py build_ext --inplace / pip install -e .)"\n'
    'why = "C source Cython generated from the .pyx beside it"\n'
    '\n'
    '# build_ext --inplace puts the compiled module beside its source: core.cpython-311-x86_64-\n'
    '# linux-gnu.so beside core.pyx or _speed.c, _speed.abi3.so with py_limited_api (setuptools\n'
    '# 65.5). Moving it stops the package importing until the next build: an unsafe fix.\n'
    '[[kind]]\n'
    'name = "python-ext-inplace"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'globs = ["*.cpython-*.so", "*.abi3.so"]\n'
    'sources = ["*.pyx", "*.c", "*.cpp", "*.py"]\n'
    'tier = "marker"\n'
    'safe = false\n'
    'regenerate = "python setup.py build_ext --inplace (or pip install -e .); the package does not import until then"\n'
    'why = "Python extension module built in place beside its source"\n'
    '\n'
    '[[kind]]\n'
    'name = "egg-info"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'globs = ["*.egg-info"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "pip install -e . / python -m build"\n'
    'why = "setuptools metadata"\n'
    '\n'
    '# setup_requires / tests_require eggs setuptools fetched (setuptools 65 here): its README.txt\n'
    '# says "This directory caches those eggs to prevent repeated downloads. However, it is safe to\n'
    '# delete this directory."\n'
    '[[kind]]\n'
    'name = "setuptools-eggs"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".eggs"]\n'
    'tier = "marker"\n'
    'markers = ["setup.py", "setup.cfg", "pyproject.toml"]\n'
    'signature = ["README.txt", "*.egg"]\n'
    'safe = true\n'
    'regenerate = "setuptools fetches them again on the next setup.py run"\n'
    'why = "eggs setuptools downloaded for setup_requires"\n'
    '\n'
    '# pdm-backend\'s build folder (2.5 here): every build writes it again, with a .gitignore of "*"\n'
    '# and a copy of pyproject.toml; an editable install does not import from it.\n'
    '[[kind]]\n'
    'name = "pdm-build"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = [".pdm-build"]\n'
    'tier = "marker"\n'
    'markers = ["pyproject.toml"]\n'
    'signature = [".gitignore"]\n'
    'safe = true\n'
    'regenerate = "the next pdm build / pip install -e ."\n'
    'why = "pdm-backend\'s build folder"\n'
    '\n'
    "# pip's cache kept inside a project, as GitLab CI's Python template sets it up\n"
    '# (PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"): pip 23.2.1 built a wheel into\n'
    '# .cache/pip/wheels/c7/a5/d9/<56 hex>/six-1.16.0-py2.py3-none-any.whl. A wheelhouse of\n'
    "# someone's (pip/wheels/*.whl) has no two-hex folders and is left alone. (~/.cache/pip itself\n"
    '# is the global pip-cache kind.)\n'
    '[[kind]]\n'
    'name = "pip-cache-in-project"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["pip"]\n'
    'inside = ["wheels", "http", "http-v2"]\n'
    'signature = ["wheels/[0-9a-f][0-9a-f]"]\n'
    'only = ["wheels", "http", "http-v2", "selfcheck", "selfcheck.json"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "pip downloads and builds the wheels again when it needs them"\n'
    'why = "pip\'s cache inside the project (PIP_CACHE_DIR=.cache/pip, a CI cache)"\n'
    '\n'
    "# pdm's choice of interpreter for the project: one line, the path of a python on this machine\n"
    '# (pdm 2.29: `pdm install` writes it; `pdm init` puts it in .gitignore). Moved, pdm picks an\n'
    '# interpreter again, maybe another one: so an ignore rule, and the trash only when asked.\n'
    '[[kind]]\n'
    'name = "pdm-python"\n'
    'ecosystem = "python"\n'
    'type = "file"\n'
    'names = [".pdm-python"]\n'
    'markers = ["pyproject.toml"]\n'
    'tier = "marker"\n'
    'safe = false\n'
    'regenerate = "pdm use (pdm picks an interpreter again: the one you chose may not be it)"\n'
    'why = "pdm\'s choice of interpreter for this project (a path on this machine)"\n'
    '\n'
    '[[kind]]\n'
    'name = "__pypackages__"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["__pypackages__"]\n'
    'tier = "opt-in"\n'
    'safe = false\n'
    'regenerate = "pdm install"\n'
    'why = "PEP 582 local packages"\n'
    '\n'
    '[[kind]]\n'
    'name = "venv"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = ["pyvenv.cfg"]\n'
    'tier = "opt-in"\n'
    'safe = false\n'
    'regenerate = "python -m venv + reinstall the project\'s dependencies"\n'
    'why = "Python virtual environment (a folder with a pyvenv.cfg)"\n'
    '\n'
    "# Django's `manage.py collectstatic` copies every app's static files into STATIC_ROOT, a folder\n"
    '# of any name (staticfiles/, static_root/, ...). With ManifestStaticFilesStorage (and\n'
    '# WhiteNoise\'s storages built on it) it writes staticfiles.json at the top, `{"paths": {` then\n'
    "# the map of hashed names (checked with Django 5.2.19: 159 files copied, 319 written). Django's\n"
    '# documentation asks for an initially empty folder that nothing else writes to. With the plain\n'
    '# StaticFilesStorage no manifest is written, and the folder is not recognised (a miss).\n'
    '[[kind]]\n'
    'name = "django-staticfiles"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = ["staticfiles.json"]\n'
    'header = [\'{"paths": {\']\n'
    'listed_by = "staticfiles.json:paths"\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "python manage.py collectstatic"\n'
    'why = "Django\'s collected static files (STATIC_ROOT, with its staticfiles.json manifest)"\n'
    '\n'
    '[[kind]]\n'
    'name = "conda-env"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = ["conda-meta"]\n'
    'tier = "opt-in"\n'
    'safe = false\n'
    'regenerate = "conda env create"\n'
    'why = "conda environment"\n'
    '\n'
    '# ---------------------------------------------------------------- JavaScript / TypeScript\n'
    '[[kind]]\n'
    'name = "node_modules"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["node_modules"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "npm ci / pnpm install / yarn install"\n'
    'why = "installed npm dependencies (restored from package.json and the lockfile)"\n'
    '\n'
    '[[kind]]\n'
    'name = "yarn-unplugged"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["unplugged"]\n'
    'tier = "marker"\n'
    'markers = ["install-state.gz", "build-state.yml", "releases", "cache"]\n'
    'signature = ["*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"]\n'
    'only = ["*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"]\n'
    'safe = true\n'
    'regenerate = "yarn install"\n'
    'why = "Yarn Berry\'s unplugged packages (.yarn/unplugged/<name>-<10-hex hash>, extracted from the cache)"\n'
    '\n'
    '[[kind]]\n'
    'name = "yarn-install-state"\n'
    'ecosystem = "node"\n'
    'type = "file"\n'
    'globs = ["install-state.gz"]\n'
    'tier = "marker"\n'
    'markers = ["unplugged", "cache", "releases", "plugins", "sdks"]\n'
    'safe = true\n'
    'regenerate = "yarn install"\n'
    'why = "Yarn Berry\'s install state (.yarn/install-state.gz)"\n'
    '\n'
    '[[kind]]\n'
    'name = "bower_components"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["bower_components"]\n'
    'tier = "marker"\n'
    'markers = ["bower.json"]\n'
    'safe = true\n'
    'regenerate = "bower install"\n'
    'why = "installed Bower dependencies"\n'
    '\n'
    '[[kind]]\n'
    'name = ".next"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".next"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "next build / next dev"\n'
    'why = "Next.js build output and cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".nuxt"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".nuxt"]\n'
    'tier = "marker"\n'
    'markers = ["package.json", "nuxt.config.*"]\n'
    'safe = true\n'
    'regenerate = "nuxt build"\n'
    'why = "Nuxt build output"\n'
    '\n'
    "# Nitro's output folder (Nuxt 3, standalone nitropack, every Nitro preset): `.output` is a\n"
    "# plain name, so a folder of it beside package.json is Nitro's only with the nitro.json Nitro\n"
    '# writes at its top (nitropack 2.13 here: .output/nitro.json, server/, public/).\n'
    '[[kind]]\n'
    'name = "nitro-output"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".output"]\n'
    'tier = "marker"\n'
    'markers = ["package.json", "nuxt.config.*", "nitro.config.*"]\n'
    'signature = ["nitro.json"]\n'
    'safe = true\n'
    'regenerate = "nuxt build / nitro build"\n'
    'why = "Nitro\'s (Nuxt\'s) server build output"\n'
    '\n'
    "# Nitro's build folder: generated types (types/nitro.d.ts ...) and dev builds.\n"
    '[[kind]]\n'
    'name = "nitro-build"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".nitro"]\n'
    'tier = "marker"\n'
    'markers = ["package.json", "nuxt.config.*", "nitro.config.*"]\n'
    'signature = ["types", "dev"]\n'
    'safe = true\n'
    'regenerate = "nitro build / nitro dev"\n'
    'why = "Nitro\'s build folder (generated types, dev builds)"\n'
    '\n'
    "# Playwright Test (1.65 here): the html reporter's `playwright-report/` (index.html), the blob\n"
    "# reporter's `blob-report/` (report*.zip), and the output folder `test-results/`, where every\n"
    '# run writes `.last-run.json` (what --last-failed reads) besides traces and screenshots of\n'
    '# failures. `test-results` is a common name (JUnit, jest-junit): only with that file.\n'
    '[[kind]]\n'
    'name = "playwright-report"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["playwright-report", "blob-report"]\n'
    'tier = "marker"\n'
    'markers = ["playwright.config.*", "playwright-ct.config.*"]\n'
    'signature = ["index.html", "report*.zip"]\n'
    'safe = true\n'
    'regenerate = "npx playwright test"\n'
    'why = "Playwright\'s test report"\n'
    '\n'
    '[[kind]]\n'
    'name = "playwright-test-results"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["test-results"]\n'
    'tier = "marker"\n'
    'markers = ["playwright.config.*", "playwright-ct.config.*"]\n'
    'signature = [".last-run.json"]\n'
    'safe = true\n'
    'regenerate = "npx playwright test"\n'
    'why = "Playwright\'s test output (traces, screenshots, the last run\'s failures)"\n'
    '\n'
    "# VitePress (1.6 here) keeps both beside its config in `.vitepress/`: `cache/` is Vite's\n"
    "# dependency optimizer's (deps/_metadata.json; nothing else there), `dist/` the built site\n"
    '# (hashmap.json beside the pages). Neither name is enough on its own.\n'
    '[[kind]]\n'
    'name = "vitepress-cache"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["cache"]\n'
    'tier = "marker"\n'
    'markers = ["config.mts", "config.ts", "config.mjs", "config.js"]\n'
    'signature = ["deps/_metadata.json"]\n'
    'only = ["deps", "deps_temp_*"]\n'
    'parent = [".vitepress"]\n'
    'safe = true\n'
    'regenerate = "vitepress dev"\n'
    'why = "VitePress\'s dependency cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "vitepress-dist"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["config.mts", "config.ts", "config.mjs", "config.js"]\n'
    'signature = ["hashmap.json"]\n'
    'parent = [".vitepress"]\n'
    'safe = true\n'
    'regenerate = "vitepress build"\n'
    'why = "VitePress\'s built site"\n'
    '\n'
    '# VuePress 2 (2.0.0-rc.31, bundler-vite) keeps its output beside its config in `.vuepress/`:\n'
    '# `dist/` the built site (index.html, 404.html, assets/app-HASH.js) and `.temp/` the files it\n'
    '# generates for the client on every build and dev run (internal/siteData.js, routes.js,\n'
    '# clientConfigs.js, pages/); real trees, round 25: both left.\n'
    '[[kind]]\n'
    'name = "vuepress-dist"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["config.mts", "config.ts", "config.mjs", "config.js"]\n'
    'signature = ["assets/app-*.js"]\n'
    'parent = [".vuepress"]\n'
    'safe = true\n'
    'regenerate = "vuepress build"\n'
    'why = "VuePress\'s built site"\n'
    '\n'
    '[[kind]]\n'
    'name = "vuepress-temp"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".temp"]\n'
    'tier = "marker"\n'
    'markers = ["config.mts", "config.ts", "config.mjs", "config.js"]\n'
    'signature = ["internal/siteData.js", "internal/routes.js"]\n'
    'parent = [".vuepress"]\n'
    'safe = true\n'
    'regenerate = "vuepress build / vuepress dev"\n'
    'why = "VuePress\'s generated client files"\n'
    '\n'
    '# `expo export` (Expo SDK 52, Metro) writes dist/ beside app.json (or app.config.*): index.html\n'
    '# and metadata.json, the bundles under dist/_expo/static/js/<platform>/ (real trees, round 24:\n'
    "# left, no marker of js-dist beside it). _expo/ is Expo's own name.\n"
    '[[kind]]\n'
    'name = "expo-dist"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["app.json", "app.config.js", "app.config.ts"]\n'
    'signature = ["_expo"]\n'
    'safe = true\n'
    'regenerate = "npx expo export"\n'
    'why = "Expo\'s exported app (expo export)"\n'
    '\n'
    '[[kind]]\n'
    'name = ".svelte-kit"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".svelte-kit"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "vite build / svelte-kit sync"\n'
    'why = "SvelteKit generated files"\n'
    '\n'
    '[[kind]]\n'
    'name = ".angular"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".angular"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "ng build"\n'
    'why = "Angular CLI cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".turbo"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".turbo"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "turbo run"\n'
    'why = "Turborepo cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".parcel-cache"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".parcel-cache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "parcel build"\n'
    'why = "Parcel cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".vite"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".vite"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "vite (pre-bundling runs again)"\n'
    'why = "Vite dependency pre-bundling cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".nx"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".nx"]\n'
    'tier = "default"\n'
    'only = ["cache", "workspace-data", "installation"]\n'
    'safe = true\n'
    'regenerate = "nx recreates it on its next run"\n'
    'why = "Nx\'s task cache and workspace data"\n'
    '\n'
    '[[kind]]\n'
    'name = "nx-wrapper-data"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["cache", "workspace-data", "installation"]\n'
    'tier = "marker"\n'
    'markers = ["nxw.js"]\n'
    'safe = true\n'
    'regenerate = "./nx (the wrapper installs Nx again) / nx\'s next run"\n'
    'why = "Nx\'s cache, workspace data and wrapper installation beside the committed wrapper .nx/nxw.js"\n'
    '\n'
    '[[kind]]\n'
    'name = "gatsby-cache"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".cache"]\n'
    'tier = "marker"\n'
    'markers = ["gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs", "gatsby-node.js", "gatsby-node.ts"]\n'
    'signature = ["api-runner-browser.js", "api-runner-ssr.js", "babelState.json", "caches-lmdb"]\n'
    'safe = true\n'
    'regenerate = "gatsby build / gatsby develop (gatsby clean removes it)"\n'
    'why = "Gatsby\'s build cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "gatsby-public"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["public"]\n'
    'tier = "marker"\n'
    'markers = ["gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs", "gatsby-node.js", "gatsby-node.ts"]\n'
    'signature = ["page-data", "chunk-map.json", "webpack.stats.json"]\n'
    'safe = true\n'
    'regenerate = "gatsby build (gatsby clean removes it; the sources are in static/ and src/)"\n'
    'why = "Gatsby\'s built site"\n'
    '\n'
    '[[kind]]\n'
    'name = "js-tool-caches"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".swc", ".esbuild", ".rpt2_cache", ".rollup.cache", ".jest", ".docusaurus", "gatsby_cache", ".expo", ".metro", ".vercel", ".netlify", ".serverless", ".sass-cache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "the tool recreates it on its next run"\n'
    'why = "JavaScript tool cache"\n'
    '\n'
    '[[kind]]\n'
    'name = ".eslintcache"\n'
    'ecosystem = "node"\n'
    'type = "file"\n'
    'globs = [".eslintcache", ".stylelintcache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "eslint --cache / stylelint --cache"\n'
    'why = "lint cache file"\n'
    '\n'
    '[[kind]]\n'
    'name = "tsbuildinfo"\n'
    'ecosystem = "node"\n'
    'type = "file"\n'
    'globs = ["*.tsbuildinfo"]\n'
    'tier = "marker"\n'
    'markers = ["tsconfig.json", "tsconfig.*.json", "jsconfig.json"]\n'
    'safe = true\n'
    'regenerate = "tsc -b / tsc --incremental (the next build is a full one)"\n'
    'why = "TypeScript\'s incremental build state (it goes with its outDir: kept without it, tsc -b calls the project up to date and writes nothing)"\n'
    '\n'
    "# tsconfig.json's compilerOptions.tsBuildInfoFile puts the build state anywhere, under any\n"
    '# name (".cache/tsbuildinfo" in a library built with tsc 5.9): no tsconfig.json beside it, no\n'
    '# .tsbuildinfo ending. Left behind when its outDir is moved, `tsc -p .` writes nothing and\n'
    '# the outDir stays gone (real trees, round 20). The names such a setting gives it, and the\n'
    '# JSON tsc writes there: {"fileNames":[...] (tsc 5.x) or {"program":{"fileNames":[...] (4.x).\n'
    '[[kind]]\n'
    'name = "tsbuildinfo-set"\n'
    'ecosystem = "node"\n'
    'type = "file"\n'
    'names = ["tsbuildinfo", ".tsbuildinfo", "tsbuildinfo.json", ".tsbuildinfo.json", "buildinfo.json"]\n'
    'tier = "marker"\n'
    'header = [\'{"fileNames":["\', \'{"program":{"fileNames":["\']\n'
    'safe = true\n'
    'regenerate = "tsc -b / tsc --incremental (the next build is a full one)"\n'
    'why = "TypeScript\'s incremental build state at the path tsBuildInfoFile sets (it goes with its outDir: kept without it, tsc calls the project up to date and writes nothing)"\n'
    '\n'
    "# Deno 2's `deno test --coverage` writes coverage/ too (V8's profiles, <uuid>.json; `deno\n"
    '# coverage --html` html/, `--lcov --output=coverage/lcov.info`) beside deno.json(c).\n'
    '[[kind]]\n'
    'name = "js-coverage"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["coverage", ".nyc_output"]\n'
    'tier = "marker"\n'
    'markers = ["package.json", "deno.json", "deno.jsonc"]\n'
    'signature = ["lcov.info", "lcov-report", "coverage-final.json", "coverage-summary.json", "clover.xml", "cobertura-coverage.xml", "index.html", "tmp", "processinfo", "????????-????-????-????-????????????.json"]\n'
    'safe = true\n'
    'regenerate = "the test runner with coverage (jest --coverage / nyc / c8)"\n'
    'why = "JavaScript coverage output"\n'
    '\n'
    '[[kind]]\n'
    'name = "storybook-static"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["storybook-static"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "build-storybook"\n'
    'why = "static Storybook build"\n'
    '\n'
    '[[kind]]\n'
    'name = ".react-router"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".react-router"]\n'
    'tier = "marker"\n'
    'markers = ["react-router.config.*", "vite.config.*", "package.json"]\n'
    'signature = ["types"]\n'
    'only = ["types"]\n'
    'safe = true\n'
    'regenerate = "react-router typegen (also run by react-router dev / build)"\n'
    'why = "React Router\'s generated route types"\n'
    '\n'
    '[[kind]]\n'
    'name = ".astro"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = [".astro"]\n'
    'tier = "marker"\n'
    'markers = ["astro.config.*", "package.json"]\n'
    'signature = ["types.d.ts", "content.d.ts", "data-store.json", "content-modules.mjs", "content-assets.mjs"]\n'
    'safe = true\n'
    'regenerate = "astro sync / astro build / astro dev"\n'
    'why = "Astro\'s generated types and content data store"\n'
    '\n'
    '[[kind]]\n'
    'name = "js-dist"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["dist", "out", "build"]\n'
    'tier = "marker"\n'
    'markers = ["vite.config.*", "webpack.config.*", "rollup.config.*", "next.config.*", "tsconfig.json", "angular.json", "astro.config.*", "rspack.config.*", "rsbuild.config.*"]\n'
    'signature = ["index.html", "assets", "static", "_next", "_astro", "asset-manifest.json", "*.map", "*.d.ts", "*.d.mts", "*.d.cts", "*.tsbuildinfo", "*.LICENSE.txt", "*.bundle.js", "*.chunk.js", "*.min.js", "*.umd.js", "*.umd.cjs", "3rdpartylicenses.txt"]\n'
    'declared = ["tsconfig.json:compilerOptions.outDir", "package.json:scripts", "turbo.json:outputs", "nx.json:targetDefaults", "deno.json:tasks", "deno.jsonc:tasks"]\n'
    'with = ["tsbuildinfo", "tsbuildinfo-set"]\n'
    'safe = true\n'
    'regenerate = "the project\'s build script (npm run build)"\n'
    'why = "JavaScript build output"\n'
    '\n'
    '# ---------------------------------------------------------------- Rust\n'
    '[[kind]]\n'
    'name = "angular-dist"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["angular.json"]\n'
    'signature = ["*/3rdpartylicenses.txt", "*/prerendered-routes.json", "*/browser"]\n'
    'safe = true\n'
    'regenerate = "ng build"\n'
    'why = "Angular CLI build output (dist/<project>/)"\n'
    '\n'
    '# Parcel 2 (2.16 here, `parcel build` of package.json\'s "source"): dist/ holds the pages and\n'
    '# bundles named NAME.<8 hex>.js / .css beside their .map; a dist/ of hand-named files stays.\n'
    '[[kind]]\n'
    'name = "parcel-dist"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["package.json", ".parcelrc"]\n'
    'signature = ["*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].js", "*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].css"]\n'
    'safe = true\n'
    'regenerate = "parcel build"\n'
    'why = "Parcel\'s build output (hashed bundles in dist/)"\n'
    '\n'
    '[[kind]]\n'
    'name = "vite-dist"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["package.json"]\n'
    'signature = ["assets/index-????????.js", "assets/index-????????.css", "assets/index.????????.js"]\n'
    'safe = true\n'
    'regenerate = "vite build (npm run build)"\n'
    'why = "Vite build output (hashed bundles in dist/assets/)"\n'
    '\n'
    '[[kind]]\n'
    'name = "react-router-build"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["build"]\n'
    'tier = "marker"\n'
    'markers = ["react-router.config.*", "vite.config.*", "remix.config.*"]\n'
    'signature = ["server/index.js", "server/index.mjs", "client/assets"]\n'
    'only = ["client", "server", ".vite"]\n'
    'safe = true\n'
    'regenerate = "react-router build / remix vite:build (npm run build)"\n'
    'why = "React Router (framework mode) / Remix build output: build/client and build/server"\n'
    '\n'
    '[[kind]]\n'
    'name = "docusaurus-build"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["build"]\n'
    'tier = "marker"\n'
    'markers = ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.mts", "docusaurus.config.cjs"]\n'
    'signature = ["assets/js"]\n'
    'safe = true\n'
    'regenerate = "docusaurus build (npm run build)"\n'
    'why = "Docusaurus static site build"\n'
    '\n'
    '[[kind]]\n'
    'name = "cargo-target"\n'
    'ecosystem = "rust"\n'
    'type = "dir"\n'
    'names = ["target"]\n'
    'tier = "marker"\n'
    'markers = ["Cargo.toml"]\n'
    'signature = ["CACHEDIR.TAG", ".rustc_info.json", "debug", "release", "*-unknown-*/debug", "*-unknown-*/release", "*-apple-*/debug", "*-apple-*/release", "*-pc-windows-*/debug", "*-pc-windows-*/release", "*-linux-android*/debug", "*-linux-android*/release"]\n'
    'safe = true\n'
    'regenerate = "cargo build"\n'
    'why = "Cargo build directory"\n'
    '\n'
    '# A target directory of any name (`target-dir` in .cargo/config.toml, CARGO_TARGET_DIR):\n'
    '# cargo 1.95 writes .rustc_info.json and its CACHEDIR.TAG into it, whatever it is called,\n'
    '# beside debug/ or release/ (and <triple>/ for --target).\n'
    '[[kind]]\n'
    'name = "cargo-target-dir"\n'
    'ecosystem = "rust"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = [".rustc_info.json"]\n'
    'signature = ["CACHEDIR.TAG"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "cargo build"\n'
    'why = "Cargo build directory (its target-dir or CARGO_TARGET_DIR: .rustc_info.json inside)"\n'
    '\n'
    '[[kind]]\n'
    'name = ".xwin-cache"\n'
    'ecosystem = "rust"\n'
    'type = "dir"\n'
    'names = [".xwin-cache"]\n'
    'tier = "marker"\n'
    'markers = ["Cargo.toml"]\n'
    'safe = true\n'
    'regenerate = "cargo xwin"\n'
    'why = "cargo-xwin SDK cache"\n'
    '\n'
    '# ---------------------------------------------------------------- JVM\n'
    '[[kind]]\n'
    'name = "maven-target"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = ["target"]\n'
    'tier = "marker"\n'
    'markers = ["pom.xml", "build.sbt"]\n'
    'signature = ["classes", "test-classes", "maven-status", "maven-archiver", "generated-sources", "generated-test-sources", "surefire-reports", "*.jar", "*.war", "*.ear", "scala-*", "streams", "global-logging", "task-temp-directory"]\n'
    'safe = true\n'
    'regenerate = "mvn package / sbt compile"\n'
    'why = "Maven / sbt build directory"\n'
    '\n'
    '# javac without -d writes App.class (and App$Inner.class) beside App.java.\n'
    '[[kind]]\n'
    'name = "java-class"\n'
    'ecosystem = "jvm"\n'
    'type = "file"\n'
    'globs = ["*.class"]\n'
    'sources = ["*.java"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "javac"\n'
    'why = "class file compiled from the .java beside it"\n'
    '\n'
    "# javac -d out (and Eclipse's bin/, Ant's build/ of build/classes): package folders of any\n"
    '# depth holding .class files and nothing else; a committed out/ is source (never reported).\n'
    '[[kind]]\n'
    'name = "java-classes-out"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = ["out", "bin", "build", "classes"]\n'
    'tier = "marker"\n'
    'markers = ["src", "*.java", ".classpath", ".project", "*.iml", ".idea", "build.xml"]\n'
    'every_file = ["*.class"]\n'
    'safe = true\n'
    'regenerate = "javac -d <dir> (or the IDE\'s or Ant\'s build)"\n'
    'why = "compiled Java classes (only .class files below)"\n'
    '\n'
    "# IntelliJ IDEA's project output: out/production/<module>/ and out/test/<module>/ (classes\n"
    "# and copied resources), out/artifacts/ (built jars), beside .idea/ or a module's .iml.\n"
    '[[kind]]\n'
    'name = "intellij-out"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = ["out"]\n'
    'tier = "marker"\n'
    'markers = [".idea", "*.iml"]\n'
    'signature = ["production", "test"]\n'
    'only = ["production", "test", "artifacts"]\n'
    'safe = true\n'
    'regenerate = "Build > Build Project in IntelliJ IDEA"\n'
    'why = "IntelliJ IDEA\'s build output"\n'
    '\n'
    '# Ant\'s `<jar destfile="dist/...">`: dist/ beside build.xml holding only archives.\n'
    '[[kind]]\n'
    'name = "ant-dist"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = ["dist"]\n'
    'tier = "marker"\n'
    'markers = ["build.xml"]\n'
    'signature = ["*.jar", "*.war", "*.ear"]\n'
    'only = ["*.jar", "*.war", "*.ear"]\n'
    'safe = true\n'
    'regenerate = "ant (its jar/dist target)"\n'
    'why = "Ant\'s built archives"\n'
    '\n'
    '[[kind]]\n'
    'name = "gradle-build"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = ["build"]\n'
    'tier = "marker"\n'
    'markers = ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"]\n'
    'signature = ["tmp", "classes", "intermediates", "generated", "kotlin", "libs", "reports", "test-results", "resources", "outputs", "distributions", "scripts", "kotlin-dsl", "jacoco"]\n'
    'safe = true\n'
    'regenerate = "gradle build"\n'
    'why = "Gradle build directory"\n'
    '\n'
    '[[kind]]\n'
    'name = ".gradle"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = [".gradle"]\n'
    'tier = "marker"\n'
    'markers = ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradlew"]\n'
    'safe = true\n'
    'regenerate = "gradle (any task)"\n'
    'why = "project-local Gradle cache"\n'
    '\n'
    '# The Kotlin Gradle plugin 2.0 writes .kotlin/ (sessions/, errors/, metadata/) at the root of\n'
    '# a Gradle build.\n'
    '[[kind]]\n'
    'name = ".kotlin"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = [".kotlin"]\n'
    'tier = "marker"\n'
    'markers = ["build.gradle.kts", "settings.gradle.kts", "build.gradle", "settings.gradle", "gradlew"]\n'
    'signature = ["sessions", "errors", "metadata"]\n'
    'only = ["sessions", "errors", "metadata"]\n'
    'safe = true\n'
    'regenerate = "gradle (any build with the Kotlin plugin)"\n'
    'why = "the Kotlin Gradle plugin\'s project state"\n'
    '\n'
    '[[kind]]\n'
    'name = "scala-tooling"\n'
    'ecosystem = "jvm"\n'
    'type = "dir"\n'
    'names = [".bloop", ".metals", ".bsp"]\n'
    'tier = "marker"\n'
    'markers = ["build.sbt", "build.sc"]\n'
    'safe = true\n'
    'regenerate = "the IDE / build server re-imports"\n'
    'why = "Scala build server state"\n'
    '\n'
    '# ---------------------------------------------------------------- .NET\n'
    '[[kind]]\n'
    'name = "dotnet-bin-obj"\n'
    'ecosystem = "dotnet"\n'
    'type = "dir"\n'
    'names = ["bin", "obj"]\n'
    'tier = "marker"\n'
    'markers = ["*.csproj", "*.fsproj", "*.vbproj"]\n'
    'signature = ["Debug", "Release", "x64", "x86", "ARM64", "arm64", "project.assets.json", "project.nuget.cache", "*.nuget.g.props", "*.nuget.g.targets", "*.nuget.dgspec.json"]\n'
    'safe = true\n'
    'regenerate = "dotnet build"\n'
    'why = ".NET build output"\n'
    '\n'
    "# MSBuild's C++ projects (.vcxproj, Visual Studio 2022 defaults): OutDir\n"
    '# $(SolutionDir)$(Platform)\\$(Configuration)\\ (x64\\Debug\\App.exe, App.pdb; Win32 builds go to\n'
    '# Debug\\ directly), IntDir $(Platform)\\$(Configuration)\\ beside the .vcxproj (App.obj,\n'
    '# App.tlog\\, vc143.pdb, App.log). Release, Debug and x64 are names people give their own\n'
    "# folders too: the compiler's and linker's files must be inside (a committed one is never\n"
    '# reported: the names count as source folder names).\n'
    '[[kind]]\n'
    'name = "msvc-platform-output"\n'
    'ecosystem = "dotnet"\n'
    'type = "dir"\n'
    'names = ["x64", "ARM64", "Win32"]\n'
    'tier = "marker"\n'
    'markers = ["*.sln", "*.slnx", "*.vcxproj"]\n'
    'signature = ["Debug/*.pdb", "Release/*.pdb", "Debug/*.tlog", "Release/*.tlog", "Debug/*.obj", "Release/*.obj"]\n'
    'only = ["Debug", "Release"]\n'
    'safe = true\n'
    'regenerate = "Build > Build Solution (msbuild)"\n'
    'why = "MSBuild\'s C++ output and intermediates (x64/Debug)"\n'
    '\n'
    '[[kind]]\n'
    'name = "msvc-configuration-output"\n'
    'ecosystem = "dotnet"\n'
    'type = "dir"\n'
    'names = ["Debug", "Release"]\n'
    'tier = "marker"\n'
    'markers = ["*.sln", "*.slnx", "*.vcxproj"]\n'
    'signature = ["*.tlog", "*.pdb", "*.obj", "*.ilk", "*.idb", "*.iobj", "*.ipdb", "*.lastbuildstate"]\n'
    'safe = true\n'
    'regenerate = "Build > Build Solution (msbuild)"\n'
    'why = "MSBuild\'s C++ output and intermediates (Debug, Release)"\n'
    '\n'
    "# VSTest's results folder (`dotnet test --logger trx`: TestResults/*.trx; the coverlet collector,\n"
    '# `--collect "XPlat Code Coverage"`: TestResults/<guid>/coverage.cobertura.xml), beside each test\n'
    "# project by default (vstest-docs report.md; npkill's dotnet profile). Not built here: no .NET\n"
    '# SDK on this machine. A TestResults/ without these files stays.\n'
    '[[kind]]\n'
    'name = "dotnet-test-results"\n'
    'ecosystem = "dotnet"\n'
    'type = "dir"\n'
    'names = ["TestResults"]\n'
    'tier = "marker"\n'
    'markers = ["*.csproj", "*.fsproj", "*.vbproj", "*.sln", "*.slnx"]\n'
    'signature = ["*.trx", "*/coverage.cobertura.xml", "*/coverage.opencover.xml"]\n'
    'safe = true\n'
    'regenerate = "dotnet test"\n'
    'why = "dotnet test\'s results (.trx, coverage reports)"\n'
    '\n'
    "# Visual Studio's per-user state of a solution or opened folder (.suo: open documents,\n"
    '# breakpoints; the CMake and code indexes): written again on open, but not without loss\n'
    '# (research/cleaners.md T4): shown when asked for, never moved by default.\n'
    '[[kind]]\n'
    'name = "visual-studio-state"\n'
    'ecosystem = "dotnet"\n'
    'type = "dir"\n'
    'names = [".vs"]\n'
    'tier = "never"\n'
    'markers = ["*.sln", "*.slnx", "CMakeLists.txt", "CMakePresets.json", "CMakeSettings.json", "*.csproj", "*.vcxproj"]\n'
    'safe = false\n'
    'regenerate = "Visual Studio writes it again on open (breakpoints and open documents are lost)"\n'
    'why = "Visual Studio\'s per-user state (.vs)"\n'
    '\n'
    '# ---------------------------------------------------------------- Swift / Apple\n'
    '[[kind]]\n'
    'name = "swift-build"\n'
    'ecosystem = "swift"\n'
    'type = "dir"\n'
    'names = [".build"]\n'
    'tier = "marker"\n'
    'markers = ["Package.swift"]\n'
    'safe = true\n'
    'regenerate = "swift build"\n'
    'why = "Swift Package Manager build directory"\n'
    '\n'
    "# `.swiftpm/` is no build output: `swift package config set-mirror` writes the package's own\n"
    '# mirrors to .swiftpm/configuration/mirrors.json (registries.json beside it), and Xcode keeps\n'
    '# the package\'s workspace and schemes in .swiftpm/xcode/ (SwiftPM\'s docs, "Configuring\n'
    '# Dependency Mirrors"; not built here: no Swift toolchain). Shown when asked for, never moved\n'
    "# by default, like Visual Studio's .vs/.\n"
    '[[kind]]\n'
    'name = "swiftpm-state"\n'
    'ecosystem = "swift"\n'
    'type = "dir"\n'
    'names = [".swiftpm"]\n'
    'tier = "never"\n'
    'markers = ["Package.swift"]\n'
    'safe = false\n'
    'regenerate = "Xcode writes its workspace again; mirrors and registries set with `swift package config` are lost"\n'
    'why = "SwiftPM\'s per-package configuration (mirrors, registries) and Xcode\'s workspace"\n'
    '\n'
    '[[kind]]\n'
    'name = "xcode-deriveddata"\n'
    'ecosystem = "swift"\n'
    'type = "dir"\n'
    'names = ["DerivedData"]\n'
    'tier = "marker"\n'
    'markers = ["*.xcodeproj", "*.xcworkspace", "Podfile"]\n'
    'safe = true\n'
    'regenerate = "xcodebuild"\n'
    'why = "Xcode derived data"\n'
    '\n'
    '[[kind]]\n'
    'name = "cocoapods"\n'
    'ecosystem = "swift"\n'
    'type = "dir"\n'
    'names = ["Pods"]\n'
    'tier = "marker"\n'
    'markers = ["Podfile"]\n'
    'signature = ["Manifest.lock", "Pods.xcodeproj", "Target Support Files", "Headers", "Local Podspecs"]\n'
    'safe = true\n'
    'regenerate = "pod install"\n'
    'why = "installed CocoaPods"\n'
    '\n'
    '# ---------------------------------------------------------------- Go\n'
    '# `go build` (go 1.19) writes the program into the folder it is run in, named after the\n'
    "# module path's last element at the module's root (example.com/hello -> hello beside\n"
    "# go.mod) or after the package's folder (cmd/tool/tool, run in cmd/tool; ./tool from\n"
    "# `go build ./cmd/tool` at the root, beside go.mod and cmd/tool/*.go); a Makefile's\n"
    '# `go build -o bin/tool ./cmd/tool` into bin/ beside go.mod; GOOS=windows adds ".exe".\n'
    '# An ELF (Mach-O, PE) header is required: a committed or hand-written script of that name\n'
    '# is left alone.\n'
    '[[kind]]\n'
    'name = "go-program"\n'
    'ecosystem = "go"\n'
    'type = "file"\n'
    'built_from = ["go.mod:module", "folder:*.go", "go.mod:cmd", "go.mod:bin"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "go build"\n'
    'why = "program go build wrote (named after its module or a package of it)"\n'
    '\n'
    '# `go test -coverprofile=coverage.out ./...`: the profile, a text file of "mode: set" (count,\n'
    "# atomic) then one line per block. The name is the user's; these are the ones the Go docs and\n"
    '# CI examples use, and the first line is what go test writes.\n'
    '[[kind]]\n'
    'name = "go-coverage"\n'
    'ecosystem = "go"\n'
    'type = "file"\n'
    'names = ["coverage.out", "cover.out", "c.out", "coverage.txt", "profile.out"]\n'
    'header = ["mode: set\\n", "mode: count\\n", "mode: atomic\\n"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "go test -coverprofile=... ./..."\n'
    'why = "Go coverage profile (go test -coverprofile)"\n'
    '\n'
    '# ---------------------------------------------------------------- Zig, Elixir, Haskell, Dart, others\n'
    '[[kind]]\n'
    'name = "zig-cache"\n'
    'ecosystem = "zig"\n'
    'type = "dir"\n'
    'names = ["zig-cache", ".zig-cache", "zig-out"]\n'
    'tier = "marker"\n'
    'markers = ["build.zig"]\n'
    'safe = true\n'
    'regenerate = "zig build"\n'
    'why = "Zig build cache and output"\n'
    '\n'
    '[[kind]]\n'
    'name = "elixir-build"\n'
    'ecosystem = "elixir"\n'
    'type = "dir"\n'
    'names = ["_build", ".elixir_ls", ".elixir-tools", ".lexical"]\n'
    'tier = "marker"\n'
    'markers = ["mix.exs"]\n'
    'safe = true\n'
    'regenerate = "mix compile"\n'
    'why = "Elixir build output"\n'
    '\n'
    '# dune (OCaml) builds into _build/ beside dune-project: _build/default/ (the sources copied\n'
    '# and their objects), its databases (.db, .digest-db), .filesystem-clock, log (real trees,\n'
    '# round 24: dune 2.9 from Debian left its _build/).\n'
    '[[kind]]\n'
    'name = "dune-build"\n'
    'ecosystem = "ocaml"\n'
    'type = "dir"\n'
    'names = ["_build"]\n'
    'tier = "marker"\n'
    'markers = ["dune-project"]\n'
    'signature = [".db", ".digest-db", ".filesystem-clock", "default/.dune"]\n'
    'safe = true\n'
    'regenerate = "dune build"\n'
    'why = "dune\'s build folder (OCaml)"\n'
    '\n'
    '[[kind]]\n'
    'name = "elixir-deps"\n'
    'ecosystem = "elixir"\n'
    'type = "dir"\n'
    'names = ["deps"]\n'
    'tier = "marker"\n'
    'markers = ["mix.exs", "mix.lock"]\n'
    'safe = true\n'
    'regenerate = "mix deps.get"\n'
    'why = "fetched Mix dependencies"\n'
    '\n'
    '[[kind]]\n'
    'name = "stack-work"\n'
    'ecosystem = "haskell"\n'
    'type = "dir"\n'
    'names = [".stack-work"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "stack build"\n'
    'why = "Haskell Stack build directory"\n'
    '\n'
    '[[kind]]\n'
    'name = "dist-newstyle"\n'
    'ecosystem = "haskell"\n'
    'type = "dir"\n'
    'names = ["dist-newstyle"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "cabal build"\n'
    'why = "Cabal build directory"\n'
    '\n'
    '[[kind]]\n'
    'name = "dart-tool"\n'
    'ecosystem = "dart"\n'
    'type = "dir"\n'
    'names = [".dart_tool"]\n'
    'tier = "marker"\n'
    'markers = ["pubspec.yaml"]\n'
    'safe = true\n'
    'regenerate = "dart pub get"\n'
    'why = "Dart tool state"\n'
    '\n'
    '[[kind]]\n'
    'name = "flutter-build"\n'
    'ecosystem = "dart"\n'
    'type = "dir"\n'
    'names = ["build"]\n'
    'tier = "marker"\n'
    'markers = ["pubspec.yaml"]\n'
    'signature = [".last_build_id", "flutter_assets", "native_assets", "unit_test_assets", "test_cache", "*.dill", "app", "ios", "macos", "linux", "windows", "web"]\n'
    'safe = true\n'
    'regenerate = "flutter build"\n'
    'why = "Flutter build output"\n'
    '\n'
    '[[kind]]\n'
    'name = "godot"\n'
    'ecosystem = "godot"\n'
    'type = "dir"\n'
    'names = [".godot", ".import"]\n'
    'tier = "marker"\n'
    'markers = ["project.godot"]\n'
    'safe = true\n'
    'regenerate = "the Godot editor re-imports"\n'
    'why = "Godot import cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "terraform"\n'
    'ecosystem = "terraform"\n'
    'type = "dir"\n'
    'names = [".terraform"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "terraform init"\n'
    'why = "Terraform providers and modules"\n'
    '\n'
    '[[kind]]\n'
    'name = "php-vendor"\n'
    'ecosystem = "php"\n'
    'type = "dir"\n'
    'names = ["vendor"]\n'
    'tier = "marker"\n'
    'markers = ["composer.json"]\n'
    'signature = ["autoload.php", "composer"]\n'
    'safe = true\n'
    'regenerate = "composer install"\n'
    'why = "Composer dependencies"\n'
    '\n'
    "# Bundler's `path` (bundle config set --local path vendor/bundle, Bundler 2.3): vendor/bundle\n"
    '# holds only ruby/<version>/ (gems, specifications, cache, extensions, ...).\n'
    '[[kind]]\n'
    'name = "ruby-vendor-bundle"\n'
    'ecosystem = "ruby"\n'
    'type = "dir"\n'
    'names = ["bundle"]\n'
    'inside = ["ruby", "jruby", "truffleruby"]\n'
    'signature = ["ruby/[0-9]*.[0-9]*.[0-9]*", "jruby/[0-9]*.[0-9]*.[0-9]*", "truffleruby/[0-9]*.[0-9]*.[0-9]*"]\n'
    'only = ["ruby", "jruby", "truffleruby"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "bundle install"\n'
    'why = "gems Bundler installed into the project (vendor/bundle)"\n'
    '\n'
    '# Jekyll 4 writes .jekyll-cache/ (Jekyll/Cache/..., with a .gitignore of `*`) on every build\n'
    '# but in safe mode; _site/ beside it is the built site (Jekyll removes what it did not write).\n'
    '[[kind]]\n'
    'name = "jekyll-cache"\n'
    'ecosystem = "ruby"\n'
    'type = "dir"\n'
    'names = [".jekyll-cache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "jekyll build"\n'
    'why = "Jekyll\'s build cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "jekyll-site"\n'
    'ecosystem = "ruby"\n'
    'type = "dir"\n'
    'names = ["_site"]\n'
    'tier = "marker"\n'
    'markers = [".jekyll-cache", ".jekyll-metadata"]\n'
    'safe = true\n'
    'regenerate = "jekyll build"\n'
    'why = "Jekyll\'s built site"\n'
    '\n'
    '# Eleventy (11ty) writes its site to _site/ beside the eleventy.config.* (or the older\n'
    '# .eleventy.js) that configures it (real trees, round 24: eleventy 3.1 left its _site/). A\n'
    '# zero-config run (no config file, `"build": "eleventy"` in package.json\'s scripts; round 25)\n'
    '# is found through the script (build_scripts: `--output`, else _site) where every file below\n'
    '# is the page of a template in its input folder (eleventy_site: about.md -> about/index.html):\n'
    '# a hand-made _site/ beside such a script is left. `eleventy` only in devDependencies says\n'
    '# nothing of where it wrote: left.\n'
    '[[kind]]\n'
    'name = "eleventy-site"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["_site"]\n'
    'tier = "marker"\n'
    'markers = ["eleventy.config.*", ".eleventy.js", ".eleventy.cjs"]\n'
    'declared = ["package.json:scripts"]\n'
    'safe = true\n'
    'regenerate = "npx @11ty/eleventy"\n'
    'why = "Eleventy\'s built site"\n'
    '\n'
    "# Pelican writes its site to output/ beside pelicanconf.py (pelican-quickstart's layout, its\n"
    '# OUTPUT_PATH), with the pages of its direct templates always there: archives.html,\n'
    '# categories.html, tags.html, authors.html (real trees, round 25: pelican 4 left output/). An\n'
    "# output/ of the user's beside the config holding none of them stays.\n"
    '[[kind]]\n'
    'name = "pelican-output"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["output"]\n'
    'tier = "marker"\n'
    'markers = ["pelicanconf.py"]\n'
    'signature = ["archives.html", "categories.html", "tags.html", "authors.html"]\n'
    'safe = true\n'
    'regenerate = "pelican content (make html)"\n'
    'why = "Pelican\'s built site"\n'
    '\n'
    '# Hexo (hexo-cli 4.3, hexo 7.3; its starter copied when github.com is out of reach) generates the\n'
    '# site into public/ (public_dir) beside _config.yml and keeps its cache database in db.json\n'
    '# there (`{"meta":{"version":1,"warehouse":"5.0.1"},"models":{...`); `hexo clean` deletes\n'
    "# both (real trees, round 25: both were left, untracked). public/ is Hexo's where the project\n"
    "# has Hexo's scaffolds (scaffolds/post.md: a folder of the layouts `hexo new` uses) and holds\n"
    '# the archive pages its default generator writes; db.json where it starts as warehouse writes.\n'
    '[[kind]]\n'
    'name = "hexo-public"\n'
    'ecosystem = "node"\n'
    'type = "dir"\n'
    'names = ["public"]\n'
    'tier = "marker"\n'
    'markers = ["scaffolds/post.md", "scaffolds/draft.md", "scaffolds/page.md"]\n'
    'signature = ["archives"]\n'
    'safe = true\n'
    'regenerate = "hexo generate"\n'
    'why = "Hexo\'s generated site"\n'
    '\n'
    '[[kind]]\n'
    'name = "hexo-db"\n'
    'ecosystem = "node"\n'
    'type = "file"\n'
    'names = ["db.json"]\n'
    'header = [\'{"meta":{"version":1,"warehouse":"\', \'{"meta":{"version":2,"warehouse":"\']\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "hexo generate"\n'
    'why = "Hexo\'s cache database (warehouse)"\n'
    '\n'
    '# Hugo 0.111 writes .hugo_build.lock beside its config on every build, the site into public/\n'
    '# (sitemap.xml and index.xml, the RSS feed, unless disabled) and processed images and assets\n'
    '# into resources/_gen/ (images/, assets/): resources/ beside the config holding nothing else.\n'
    '[[kind]]\n'
    'name = "hugo-public"\n'
    'ecosystem = "hugo"\n'
    'type = "dir"\n'
    'names = ["public"]\n'
    'tier = "marker"\n'
    'markers = [".hugo_build.lock", "hugo.toml", "hugo.yaml", "hugo.json"]\n'
    'signature = ["sitemap.xml", "index.xml"]\n'
    'safe = true\n'
    'regenerate = "hugo"\n'
    'why = "Hugo\'s built site"\n'
    '\n'
    '[[kind]]\n'
    'name = "hugo-resources"\n'
    'ecosystem = "hugo"\n'
    'type = "dir"\n'
    'names = ["resources"]\n'
    'tier = "marker"\n'
    'markers = [".hugo_build.lock", "hugo.toml", "hugo.yaml", "hugo.json"]\n'
    'signature = ["_gen/images", "_gen/assets"]\n'
    'only = ["_gen"]\n'
    'safe = true\n'
    'regenerate = "hugo (processes the images and assets again)"\n'
    'why = "Hugo\'s processed images and assets (resources/_gen)"\n'
    '\n'
    '[[kind]]\n'
    'name = "hugo-build-lock"\n'
    'ecosystem = "hugo"\n'
    'type = "file"\n'
    'names = [".hugo_build.lock"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "hugo"\n'
    'why = "Hugo\'s build lock file"\n'
    '\n'
    '[[kind]]\n'
    'name = "ruby-bundle"\n'
    'ecosystem = "ruby"\n'
    'type = "dir"\n'
    'names = [".bundle"]\n'
    'tier = "marker"\n'
    'markers = ["Gemfile"]\n'
    'safe = true\n'
    'regenerate = "bundle install"\n'
    'why = "Bundler state"\n'
    '\n'
    '# ---------------------------------------------------------------- C / C++\n'
    '[[kind]]\n'
    'name = "cmake-build"\n'
    'ecosystem = "cmake"\n'
    'type = "dir"\n'
    'names = ["build", "out", "cmake-build-debug", "cmake-build-release", "cmake-build-relwithdebinfo", "cmake-build-minsizerel"]\n'
    'tier = "marker"\n'
    'markers = ["CMakeLists.txt"]\n'
    'signature = ["CMakeCache.txt", "CMakeFiles"]\n'
    'absent = ["CMakeLists.txt"]\n'
    'safe = true\n'
    'regenerate = "cmake -B build && cmake --build build"\n'
    'why = "CMake build tree"\n'
    '\n'
    '# scikit-build-core with `build-dir = "build/{wheel_tag}"` (its docs\' example, for an\n'
    '# editable install or a faster rebuild) configures a CMake tree per wheel tag below build/:\n'
    '# build/cp311-cp311-linux_x86_64/CMakeCache.txt. Round 24 found that tree (cmake-tree) and left\n'
    '# build/ empty after the fix; round 25 takes build/ whole where every entry in it is a folder\n'
    '# named like a wheel tag (cp311-cp311-..., cp312-abi3-..., pp310-pypy310_pp73-...,\n'
    "# py3-none-...) and one holds a CMake cache: a build/ of the user's with anything else in it\n"
    '# stays (the trees inside are still found on their own).\n'
    '[[kind]]\n'
    'name = "skbuild-build"\n'
    'ecosystem = "python"\n'
    'type = "dir"\n'
    'names = ["build"]\n'
    'tier = "marker"\n'
    'markers = ["pyproject.toml"]\n'
    'signature = ["*/CMakeCache.txt"]\n'
    'only = ["cp3*-*-*", "pp3*-*-*", "py3*-*-*"]\n'
    'safe = true\n'
    'regenerate = "pip install . (or python -m build): scikit-build-core configures it again"\n'
    'why = "scikit-build-core\'s build folder (one CMake tree per wheel tag)"\n'
    '\n'
    '[[kind]]\n'
    'name = "cmake-tree"\n'
    'ecosystem = "cmake"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = ["CMakeCache.txt"]\n'
    'signature = ["CMakeFiles"]\n'
    'absent = ["CMakeLists.txt"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "cmake -B <dir> && cmake --build <dir>"\n'
    'why = "CMake build tree (CMakeCache.txt inside)"\n'
    '\n'
    "# A build tree of any name (cmake -B _bld, CLion's cmake-build-*, out/build/x64): CMakeCache.txt\n"
    '# and CMakeFiles/ inside. A folder that also holds a CMakeLists.txt is a project configured in\n'
    '# place (`cmake .` in an untracked third_party/foo): its sources sit beside the cache, so\n'
    '# neither CMake kind takes it (its generated files are the in-source kinds below).\n'
    '\n'
    '# Visual Studio\'s CMake presets (its "CMake Project" template: binaryDir\n'
    '# ${sourceDir}/out/build/${presetName}, installDir ${sourceDir}/out/install/${presetName}):\n'
    '# out/ holds only build/ (CMake trees) and install/ (what cmake --install copied there).\n'
    '[[kind]]\n'
    'name = "cmake-presets-out"\n'
    'ecosystem = "cmake"\n'
    'type = "dir"\n'
    'names = ["out"]\n'
    'tier = "marker"\n'
    'markers = ["CMakePresets.json", "CMakeUserPresets.json", "CMakeSettings.json"]\n'
    'signature = ["build/*"]\n'
    'only = ["build", "install"]\n'
    'safe = true\n'
    'regenerate = "cmake --preset <name>, cmake --build and cmake --install (Visual Studio: Build All, Install)"\n'
    'why = "CMake presets\' build and install trees (out/build, out/install)"\n'
    '\n'
    '# An in-source CMake build (`cmake .`, make 3.25): CMakeFiles/ beside every CMakeLists.txt of\n'
    '# the tree (with cmake_install.cmake, and CMakeCache.txt at the top). make runs cmake again\n'
    '# when it is gone (its cmake.check_cache is missing), but ninja does not: build.ninja includes\n'
    '# CMakeFiles/rules.ninja and fails without it, so a selection of this kind takes the generated\n'
    '# files along (`with`) and `cmake .` writes them all again; CMakeCache.txt, which keeps the -D\n'
    '# options given, is left.\n'
    '[[kind]]\n'
    'name = "cmake-files"\n'
    'ecosystem = "cmake"\n'
    'type = "dir"\n'
    'names = ["CMakeFiles"]\n'
    'tier = "marker"\n'
    'markers = ["CMakeCache.txt", "cmake_install.cmake", "CMakeLists.txt"]\n'
    'signature = ["*.dir", "progress.marks", "CMakeDirectoryInformation.cmake", "cmake.check_cache", "CMakeOutput.log", "CMakeConfigureLog.yaml", "rules.ninja", "TargetDirectories.txt"]\n'
    'with = ["cmake-generated"]\n'
    'safe = true\n'
    'regenerate = "cmake . in the source folder (CMakeCache.txt keeps the options given)"\n'
    'why = "CMake\'s files of an in-source build (CMakeFiles)"\n'
    '\n'
    '# ctest (3.25) in a build folder writes Testing/Temporary/ (LastTest.log, CTestCostData.txt);\n'
    '# dashboard runs (ctest -D) add Testing/TAG and Testing/<date-time>/. In an out-of-source tree\n'
    '# it goes with the tree; an in-source build leaves it beside CTestTestfile.cmake.\n'
    '[[kind]]\n'
    'name = "ctest-testing"\n'
    'ecosystem = "cmake"\n'
    'type = "dir"\n'
    'names = ["Testing"]\n'
    'tier = "marker"\n'
    'markers = ["CTestTestfile.cmake", "DartConfiguration.tcl"]\n'
    'signature = ["Temporary/LastTest*.log", "Temporary/CTestCostData.txt"]\n'
    'only = ["Temporary", "TAG", "[0-9]*-[0-9]*"]\n'
    'safe = true\n'
    'regenerate = "ctest"\n'
    'why = "CTest\'s test logs (Testing/Temporary)"\n'
    '\n'
    '# What an in-source CMake build (`cmake .`, 3.25) writes beside the sources, at the top and in\n'
    "# every folder of add_subdirectory: the generator's Makefile (or build.ninja), the install and\n"
    '# test scripts. Each says at its top that CMake wrote it; a hand-written Makefile does not, and\n'
    "# a tracked Makefile is somebody's (AMBIGUOUS_NAMES). `cmake .` writes them again from the\n"
    '# CMakeCache.txt left beside them (its options kept).\n'
    '[[kind]]\n'
    'name = "cmake-generated"\n'
    'ecosystem = "cmake"\n'
    'type = "file"\n'
    'names = ["Makefile", "build.ninja", "cmake_install.cmake", "CTestTestfile.cmake"]\n'
    'header = ["# CMAKE generated file: DO NOT EDIT!", "# Install script for directory: ", "# CMake generated Testfile for "]\n'
    'markers = ["CMakeLists.txt", "CMakeCache.txt", "CMakeFiles"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "cmake . in the source folder (CMakeCache.txt keeps the options given)"\n'
    'why = "file CMake generated in the source folder (in-source build)"\n'
    '\n'
    "# An in-source build's CMakeCache.txt: it keeps the -D options and the paths found, as\n"
    '# config.status does for configure; `cmake .` without it starts over with the defaults.\n'
    '[[kind]]\n'
    'name = "cmake-cache"\n'
    'ecosystem = "cmake"\n'
    'type = "file"\n'
    'names = ["CMakeCache.txt"]\n'
    'header = ["# This is the CMakeCache file."]\n'
    'markers = ["CMakeLists.txt", "CMakeFiles", "Makefile", "build.ninja", "cmake_install.cmake"]\n'
    'tier = "marker"\n'
    'safe = false\n'
    'regenerate = "cmake . -D<the options given before> (they are lost with it)"\n'
    'why = "CMake\'s cache of an in-source build (keeps the -D options)"\n'
    '\n'
    "# ninja's own state beside a build.ninja (a hand-written one, or CMake's/Meson's in a tree\n"
    '# that is taken whole): the log of commands run and the dependencies the compiler reported.\n'
    '# Without them ninja builds again what it cannot prove up to date.\n'
    '[[kind]]\n'
    'name = "ninja-state"\n'
    'ecosystem = "ninja"\n'
    'type = "file"\n'
    'names = [".ninja_log", ".ninja_deps"]\n'
    'header = ["# ninja log v", "# ninjadeps"]\n'
    'markers = ["build.ninja"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "ninja (it writes them again; what it cannot prove up to date is built again)"\n'
    'why = "ninja\'s build log and dependency state"\n'
    '\n'
    '# configure\'s log (autoconf 2.71: "This file contains any messages produced by compilers\n'
    '# while running configure"): only read when configure went wrong.\n'
    '[[kind]]\n'
    'name = "autoconf-log"\n'
    'ecosystem = "c"\n'
    'type = "file"\n'
    'names = ["config.log"]\n'
    'header = ["This file contains any messages produced by compilers while"]\n'
    'markers = ["configure", "configure.ac", "configure.in", "config.status"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "./configure (it writes a new log)"\n'
    'why = "configure\'s log"\n'
    '\n'
    '# config.status ("# Generated by configure."): the generated Makefiles\' rules run it again,\n'
    '# and it keeps the options configure was given (`./config.status --config`). Moved, make\n'
    '# fails until ./configure is run again with those options.\n'
    '[[kind]]\n'
    'name = "autoconf-status"\n'
    'ecosystem = "c"\n'
    'type = "file"\n'
    'names = ["config.status"]\n'
    'header = ["# Generated by configure."]\n'
    'markers = ["configure", "configure.ac", "configure.in"]\n'
    'tier = "marker"\n'
    'safe = false\n'
    'regenerate = "./configure with the options it was given (./config.status --config shows them)"\n'
    'why = "configure\'s results (config.status: keeps the options given)"\n'
    '\n'
    "# A program a compiler wrote beside its one source: `cc -o hello hello.c` or make's built-in\n"
    '# rule (`make hello`), `zig build-exe hello.zig`, `rustc hello.rs`, `go build hello.go`,\n'
    '# `ghc Main.hs` (Main): NAME beside NAME.EXT, an executable image (a script is left alone).\n'
    '[[kind]]\n'
    'name = "native-program"\n'
    'ecosystem = "c"\n'
    'type = "file"\n'
    'built_from = ["*.c", "*.cc", "*.cpp", "*.cxx", "*.c++", "*.zig", "*.rs", "*.go", "*.hs", "*.f90", "*.f", "*.m", "*.d", "*.nim", "*.s", "*.S"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "the compiler or make, from the source beside it"\n'
    'why = "program compiled from the source of its name beside it"\n'
    '\n'
    '# A program CMake built in the source folder (`cmake . && make`: an in-source build): NAME\n'
    "# beside CMakeFiles/NAME.dir, where CMake keeps that target's objects, and an executable\n"
    '# image. Moved with CMakeFiles/ (cmake-files), it would be left with nothing to tell what it\n'
    '# is (real trees, round 20: calc_test stayed after the rest of the build had gone).\n'
    '[[kind]]\n'
    'name = "cmake-program"\n'
    'ecosystem = "c"\n'
    'type = "file"\n'
    'built_from = ["CMakeFiles:target"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "make (or cmake --build .) in the source folder"\n'
    'why = "program CMake built in the source folder (CMakeFiles/NAME.dir beside it: an in-source build)"\n'
    '\n'
    '# A library CMake built in the source folder: libNAME.a (an ar archive), libNAME.so,\n'
    "# libNAME.so.VERSION, libNAME.dylib (a shared object) beside CMakeFiles/NAME.dir, the target's\n"
    '# objects. Left behind by a fix that moved CMakeFiles/ (real trees, round 20: libcalc.a stayed),\n'
    '# nothing named it afterwards. The links CMake makes to a versioned one (libNAME.so ->\n'
    '# libNAME.so.1) are links: tidy never moves one; make writes them again with the library.\n'
    '[[kind]]\n'
    'name = "cmake-library"\n'
    'ecosystem = "c"\n'
    'type = "file"\n'
    'built_from = ["CMakeFiles:library"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "make (or cmake --build .) in the source folder"\n'
    'why = "library CMake built in the source folder (CMakeFiles/NAME.dir beside libNAME.a/.so: an in-source build)"\n'
    '\n'
    '# Objects a compiler writes beside their source when a Makefile builds in the source tree\n'
    "# (make, automake, libtool's .lo, ghc's .o/.hi): main.o beside main.c. make rebuilds them.\n"
    '[[kind]]\n'
    'name = "object-file"\n'
    'ecosystem = "c"\n'
    'type = "file"\n'
    'globs = ["*.o", "*.lo", "*.hi"]\n'
    'sources = ["*.c", "*.cc", "*.cpp", "*.cxx", "*.c++", "*.C", "*.s", "*.S", "*.m", "*.mm", "*.f", "*.f90", "*.F90", "*.for", "*.hs", "*.lhs"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "make (or the build that compiled it)"\n'
    'why = "object file compiled from the source beside it"\n'
    '\n'
    "# libtool's objdir (.libs; _libs where a name cannot start with a dot): the real programs\n"
    '# and shared libraries behind the wrapper scripts and .la files beside it, with PIC objects.\n'
    "# A program's objdir holds only the real program (src/.libs/hello, linked to an in-tree\n"
    '# libtool library): the wrapper script beside it (src/hello: "# hello - temporary wrapper\n'
    '# script for .libs/hello") is the evidence then.\n'
    '# Moved without the .lo/.o beside it, make calls the library and program up to date and the\n'
    "# wrapper fails (`.libs/hello' does not exist`): a --kind selection takes the objects along.\n"
    '[[kind]]\n'
    'name = "libtool-objdir"\n'
    'ecosystem = "c"\n'
    'type = "dir"\n'
    'names = [".libs", "_libs"]\n'
    'tier = "marker"\n'
    'markers = ["*.la", "*.lo", "libtool", "Makefile.am", "Makefile.in"]\n'
    'signature = ["*.o", "*.lai", "*.so", "*.so.*", "*.a", "*.dylib", "*.dll", "lt-*"]\n'
    'wrapped_by = "temporary wrapper script for "\n'
    'with = ["object-file"]\n'
    'safe = true\n'
    'regenerate = "make (with the .lo and .o beside it moved too)"\n'
    'why = "libtool\'s objdir (.libs)"\n'
    '\n'
    "# autoconf's cache of m4 traces (requests, output.N, traces.N): only autoconf uses the name.\n"
    '[[kind]]\n'
    'name = "autom4te.cache"\n'
    'ecosystem = "c"\n'
    'type = "dir"\n'
    'names = ["autom4te.cache"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "autoreconf (autoconf writes it again)"\n'
    'why = "autoconf\'s cache"\n'
    '\n'
    "# automake's dependency tracking: .deps/<source>.Po (.Plo with libtool), included by the\n"
    "# generated Makefile; automake 1.16's am--depfiles rule writes them again when missing.\n"
    '[[kind]]\n'
    'name = "automake-deps"\n'
    'ecosystem = "c"\n'
    'type = "dir"\n'
    'names = [".deps"]\n'
    'tier = "marker"\n'
    'markers = ["Makefile.am", "Makefile.in"]\n'
    'signature = ["*.Po", "*.Plo"]\n'
    'only = ["*.Po", "*.Plo", "*.Tpo", "*.Tplo"]\n'
    'safe = true\n'
    'regenerate = "make (automake 1.16 or later; older: ./config.status depfiles)"\n'
    'why = "automake\'s dependency files"\n'
    '\n'
    '# Meson tags its build folders with CACHEDIR.TAG (research/cleaners.md), but only when it\n'
    '# creates them: meson-python makes build/cp311/ first (with its own `*` .gitignore), so its\n'
    '# editable builds have none. meson-private/ (coredata.dat) is in every Meson build folder.\n'
    '# An editable meson-python install loads from that folder at import: not safe to move.\n'
    '# meson-python (0.22.1, meson 1.12.1) writes meson-python-native-file.ini into its build\n'
    '# folder (build/cp311/): an editable install imports from there. Listed first: it holds a\n'
    '# meson-private/ too.\n'
    '[[kind]]\n'
    'name = "meson-python-build"\n'
    'ecosystem = "meson"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = ["meson-python-native-file.ini"]\n'
    'tier = "marker"\n'
    'safe = false\n'
    'regenerate = "pip install --no-build-isolation -e . (an editable install imports from it: the package does not import until then)"\n'
    'why = "meson-python\'s build tree (meson-python-native-file.ini inside)"\n'
    '\n'
    '# `meson setup DIR` (meson 1.12.1) tags the folder it creates with a CACHEDIR.TAG; meson-python\n'
    '# creates its folder first, so its trees have no tag (and its native file, above).\n'
    '[[kind]]\n'
    'name = "meson-setup-build"\n'
    'ecosystem = "meson"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = ["meson-private"]\n'
    'signature = ["CACHEDIR.TAG"]\n'
    'tier = "marker"\n'
    'safe = true\n'
    'regenerate = "meson setup <dir> (with the options it was set up with), then ninja -C <dir>"\n'
    'why = "Meson build tree (meson-private and Meson\'s CACHEDIR.TAG inside)"\n'
    '\n'
    '[[kind]]\n'
    'name = "meson-build"\n'
    'ecosystem = "meson"\n'
    'type = "dir"\n'
    'names = []\n'
    'inside = ["meson-private"]\n'
    'tier = "marker"\n'
    'safe = false\n'
    'regenerate = "meson setup <dir>, or pip install --no-build-isolation -e . for meson-python (an editable install imports from it: reinstall after)"\n'
    'why = "Meson build tree (meson-private inside)"\n'
    '\n'
    '[[kind]]\n'
    'name = "cachedir-tagged"\n'
    'ecosystem = "generic"\n'
    'type = "dir"\n'
    'names = []\n'
    'tier = "marker"\n'
    'safe = false\n'
    'regenerate = "the tool that tagged it (CACHEDIR.TAG means \'do not back up\', not \'cheap to rebuild\')"\n'
    'why = "a folder marked as a cache with CACHEDIR.TAG"\n'
    '\n'
    '# ---------------------------------------------------------------- OS and editor junk\n'
    '[[kind]]\n'
    'name = "os-junk"\n'
    'ecosystem = "os"\n'
    'type = "file"\n'
    'names = [".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini", ".directory"]\n'
    'globs = ["._*"]\n'
    'tier = "default"\n'
    'safe = true\n'
    'regenerate = "the OS writes it again when the folder is browsed"\n'
    'why = "file-manager metadata"\n'
    '\n'
    '[[kind]]\n'
    'name = "editor-swap"\n'
    'ecosystem = "editor"\n'
    'type = "file"\n'
    'globs = [".*.swp", ".*.swo", "*~", ".#*", "#*#"]\n'
    'tier = "default"\n'
    'safe = false\n'
    'regenerate = "none: a swap or backup file may hold unsaved work of a running editor"\n'
    'why = "editor swap or backup file"\n'
    '\n'
    '# ---------------------------------------------------------------- Data (never by default)\n'
    '[[kind]]\n'
    'name = "ml-outputs"\n'
    'ecosystem = "data"\n'
    'type = "dir"\n'
    'names = ["outputs", "mlruns", ".mlruns", "wandb", "lightning_logs"]\n'
    'tier = "never"\n'
    'safe = false\n'
    'regenerate = "none: experiment results and history"\n'
    'why = "experiment outputs (may be the only copy)"\n'
    '\n'
    '[[kind]]\n'
    'name = "dvc"\n'
    'ecosystem = "data"\n'
    'type = "dir"\n'
    'names = [".dvc"]\n'
    'tier = "never"\n'
    'safe = false\n'
    'regenerate = "none: DVC\'s cache may hold the only copy of data"\n'
    'why = "DVC state and cache"\n'
    '\n'
    '# ---------------------------------------------------------------- Global caches (home folder)\n'
    "# A tool's own store: reported by size with the tool's clean command (TDY105), never moved by\n"
    '# tidy, never looked into. Entries are paths below the home folder.\n'
    '[[kind]]\n'
    'name = "pip-cache"\n'
    'ecosystem = "python"\n'
    'home = [".cache/pip", "Library/Caches/pip"]\n'
    'tier = "global"\n'
    'clean = "pip cache purge"\n'
    'regenerate = "pip downloads and builds wheels again when it needs them"\n'
    'why = "pip\'s download and wheel cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "uv-cache"\n'
    'ecosystem = "python"\n'
    'home = [".cache/uv", "Library/Caches/uv"]\n'
    'tier = "global"\n'
    'clean = "`uv cache clean` (or `uv cache prune`: only what no environment uses)"\n'
    'regenerate = "uv downloads again what a project needs"\n'
    'why = "uv\'s package cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "poetry-cache"\n'
    'ecosystem = "python"\n'
    'home = [".cache/pypoetry", "Library/Caches/pypoetry"]\n'
    'tier = "global"\n'
    'clean = "poetry cache clear --all PyPI"\n'
    'regenerate = "poetry downloads again on the next install"\n'
    'why = "Poetry\'s package cache (and its virtualenvs folder)"\n'
    '\n'
    '[[kind]]\n'
    'name = "pipenv-virtualenvs"\n'
    'ecosystem = "python"\n'
    'home = [".local/share/virtualenvs"]\n'
    'tier = "global"\n'
    'clean = "`pipenv --rm` in each project you no longer use (`pipenv --venv` shows which is whose)"\n'
    'regenerate = "pipenv install recreates a project\'s environment"\n'
    'why = "pipenv\'s virtual environments, one per project"\n'
    '\n'
    '[[kind]]\n'
    'name = "pyenv"\n'
    'ecosystem = "python"\n'
    'home = [".pyenv"]\n'
    'tier = "global"\n'
    'clean = "`pyenv versions`, then `pyenv uninstall VERSION` for the ones you no longer need"\n'
    'regenerate = "pyenv install VERSION builds it again"\n'
    'why = "pyenv\'s installed Python versions"\n'
    '\n'
    '[[kind]]\n'
    'name = "pre-commit-cache"\n'
    'ecosystem = "python"\n'
    'home = [".cache/pre-commit"]\n'
    'tier = "global"\n'
    'clean = "`pre-commit clean` (or `pre-commit gc`: only unused hook repos)"\n'
    'regenerate = "pre-commit installs a hook\'s environment again on its next run"\n'
    'why = "pre-commit\'s hook environments"\n'
    '\n'
    '[[kind]]\n'
    'name = "npm-cache"\n'
    'ecosystem = "node"\n'
    'home = [".npm"]\n'
    'tier = "global"\n'
    'clean = "npm cache clean --force"\n'
    'regenerate = "npm downloads again on the next install"\n'
    'why = "npm\'s package cache (_cacache), logs and npx installs"\n'
    '\n'
    '[[kind]]\n'
    'name = "yarn-cache"\n'
    'ecosystem = "node"\n'
    'home = [".cache/yarn", ".yarn/berry/cache", "Library/Caches/Yarn"]\n'
    'tier = "global"\n'
    'clean = "yarn cache clean"\n'
    'regenerate = "yarn downloads again on the next install"\n'
    'why = "Yarn\'s package cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "pnpm-store"\n'
    'ecosystem = "node"\n'
    'home = [".local/share/pnpm/store", ".pnpm-store", "Library/pnpm/store"]\n'
    'tier = "global"\n'
    'clean = "pnpm store prune"\n'
    'regenerate = "pnpm downloads again on the next install"\n'
    'why = "pnpm\'s content-addressable store"\n'
    '\n'
    '[[kind]]\n'
    'name = "rustup"\n'
    'ecosystem = "rust"\n'
    'home = [".rustup"]\n'
    'tier = "global"\n'
    'clean = "`rustup toolchain list`, then `rustup toolchain uninstall NAME` for the ones you no longer need"\n'
    'regenerate = "rustup toolchain install NAME"\n'
    'why = "rustup\'s installed Rust toolchains (with their documentation)"\n'
    '\n'
    '[[kind]]\n'
    'name = "cargo-registry"\n'
    'ecosystem = "rust"\n'
    'home = [".cargo/registry", ".cargo/git"]\n'
    'tier = "global"\n'
    'clean = "`cargo cache --autoclean` (after `cargo install cargo-cache`), or `cargo +nightly -Zgc clean gc`"\n'
    'regenerate = "cargo downloads again what a build needs"\n'
    'why = "Cargo\'s downloaded crates and git dependencies"\n'
    '\n'
    '[[kind]]\n'
    'name = "go-cache"\n'
    'ecosystem = "go"\n'
    'home = [".cache/go-build", "Library/Caches/go-build"]\n'
    'tier = "global"\n'
    'clean = "go clean -cache"\n'
    'regenerate = "go build rebuilds what it needs"\n'
    'why = "Go\'s build cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "go-modules"\n'
    'ecosystem = "go"\n'
    'home = ["go/pkg/mod"]\n'
    'tier = "global"\n'
    'clean = "go clean -modcache"\n'
    'regenerate = "go downloads modules again on the next build"\n'
    'why = "Go\'s module cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "gradle-caches"\n'
    'ecosystem = "jvm"\n'
    'home = [".gradle/caches", ".gradle/wrapper/dists"]\n'
    'tier = "global"\n'
    'clean = "`gradle --stop`, then remove `~/.gradle/caches` (Gradle cleans entries unused for 30 days itself)"\n'
    'regenerate = "gradle downloads again what a build needs"\n'
    'why = "Gradle\'s dependency and build caches, and downloaded distributions"\n'
    '\n'
    '[[kind]]\n'
    'name = "maven-repository"\n'
    'ecosystem = "jvm"\n'
    'home = [".m2/repository"]\n'
    'tier = "global"\n'
    'clean = "`mvn dependency:purge-local-repository` in each project (or remove artifacts you no longer build)"\n'
    'regenerate = "mvn downloads again what a build needs"\n'
    'why = "Maven\'s local repository"\n'
    '\n'
    '[[kind]]\n'
    'name = "nuget-packages"\n'
    'ecosystem = "dotnet"\n'
    'home = [".nuget/packages"]\n'
    'tier = "global"\n'
    'clean = "dotnet nuget locals all --clear"\n'
    'regenerate = "dotnet restore downloads again"\n'
    'why = "NuGet\'s global packages folder"\n'
    '\n'
    '[[kind]]\n'
    'name = "conda-pkgs"\n'
    'ecosystem = "python"\n'
    'home = [".conda/pkgs", "miniconda3/pkgs", "anaconda3/pkgs", "miniforge3/pkgs"]\n'
    'tier = "global"\n'
    'clean = "conda clean --all"\n'
    'regenerate = "conda downloads again what an environment needs"\n'
    'why = "conda\'s package cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "pipx"\n'
    'ecosystem = "python"\n'
    'home = [".local/share/pipx", ".local/pipx"]\n'
    'tier = "global"\n'
    'clean = "`pipx list`, then `pipx uninstall PACKAGE` for the tools you no longer use"\n'
    'regenerate = "pipx install PACKAGE"\n'
    'why = "pipx\'s installed command-line tools, one venv each"\n'
    '\n'
    '# virtualenv 21.15 keeps its seed wheels and interpreter info ("app data": wheel/, py_info/)\n'
    '# in ~/.cache/virtualenv.\n'
    '[[kind]]\n'
    'name = "virtualenv-app-data"\n'
    'ecosystem = "python"\n'
    'home = [".cache/virtualenv"]\n'
    'tier = "global"\n'
    'clean = "`virtualenv --reset-app-data DEST` (empties it while making DEST), or remove `~/.cache/virtualenv`"\n'
    'regenerate = "virtualenv writes it again on the next environment it makes"\n'
    'why = "virtualenv\'s seed wheels and interpreter cache"\n'
    '\n'
    "# Bazel (4.2.3 as Debian builds it) keeps every workspace's output base in\n"
    "# ~/.cache/bazel/_bazel_$USER/<md5 of the workspace path>/; the workspace's bazel-* entries\n"
    '# are links into it.\n'
    '[[kind]]\n'
    'name = "bazel-cache"\n'
    'ecosystem = "bazel"\n'
    'home = [".cache/bazel"]\n'
    'tier = "global"\n'
    'clean = "`bazel clean --expunge` in each workspace you no longer build"\n'
    'regenerate = "bazel build (fetches and builds again)"\n'
    'why = "Bazel\'s output bases (what the bazel-* links in a workspace point to) and caches"\n'
    '\n'
    '[[kind]]\n'
    'name = "nvm"\n'
    'ecosystem = "node"\n'
    'home = [".nvm"]\n'
    'tier = "global"\n'
    'clean = "`nvm ls`, then `nvm uninstall VERSION` for the ones you no longer need (and `nvm cache clear`)"\n'
    'regenerate = "nvm install VERSION"\n'
    'why = "nvm\'s installed Node.js versions and their global packages"\n'
    '\n'
    '[[kind]]\n'
    'name = "bun-cache"\n'
    'ecosystem = "node"\n'
    'home = [".bun/install/cache"]\n'
    'tier = "global"\n'
    'clean = "bun pm cache rm"\n'
    'regenerate = "bun downloads again on the next install"\n'
    'why = "Bun\'s package cache"\n'
    '\n'
    '[[kind]]\n'
    'name = "rbenv"\n'
    'ecosystem = "ruby"\n'
    'home = [".rbenv"]\n'
    'tier = "global"\n'
    'clean = "`rbenv versions`, then `rbenv uninstall VERSION` for the ones you no longer need"\n'
    'regenerate = "rbenv install VERSION"\n'
    'why = "rbenv\'s installed Ruby versions"\n'
    '\n'
    '[[kind]]\n'
    'name = "editor-extensions"\n'
    'ecosystem = "editors"\n'
    'home = [".vscode/extensions", ".vscode-server/extensions", ".vscode-oss/extensions", ".cursor/extensions", ".windsurf/extensions"]\n'
    'tier = "global"\n'
    'clean = "`code --list-extensions`, then `code --uninstall-extension ID` for the ones you no longer use"\n'
    'regenerate = "the editor installs an extension again from its marketplace"\n'
    'why = "installed editor extensions (each with its own node_modules)"\n'
)

DOCUMENT: dict[str, Any] = {'kind': [{'name': '__pycache__',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['__pycache__'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'written again by the next import',
           'why': 'Python bytecode cache'},
          {'name': 'pyc',
           'ecosystem': 'python',
           'type': 'file',
           'globs': ['*.pyc', '*.pyo'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'written again by the next import',
           'why': 'stray Python bytecode outside __pycache__'},
          {'name': '.pytest_cache',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.pytest_cache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'pytest writes it on the next run',
           'why': "pytest's cache (last failures, step-wise state)"},
          {'name': '.mypy_cache',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.mypy_cache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'mypy rebuilds it (the next run is slower)',
           'why': "mypy's incremental cache"},
          {'name': '.ruff_cache',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.ruff_cache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'ruff rebuilds it on the next run',
           'why': "ruff's lint cache"},
          {'name': '.pytype',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.pytype', '.pyre', '.pyright'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'the type checker rebuilds it',
           'why': 'type checker cache'},
          {'name': '.hypothesis',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.hypothesis'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'hypothesis writes it again (saved failing examples are lost)',
           'why': 'hypothesis example database'},
          {'name': '.tox',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.tox'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'tox recreates its environments',
           'why': 'tox test environments'},
          {'name': '.nox',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.nox'],
           'tier': 'default',
           'safe': True,
           'regenerate': "nox recreates its sessions' environments (nox -r reuses them)",
           'why': 'nox session environments'},
          {'name': '.ipynb_checkpoints',
           'ecosystem': 'jupyter',
           'type': 'dir',
           'names': ['.ipynb_checkpoints'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'Jupyter writes a new checkpoint on save',
           'why': 'Jupyter notebook checkpoints'},
          {'name': 'htmlcov',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['htmlcov'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'coverage html',
           'why': 'coverage.py HTML report'},
          {'name': 'pytestdebug-log',
           'ecosystem': 'python',
           'type': 'file',
           'names': ['pytestdebug.log'],
           'header': ['versions pytest-'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'pytest --debug',
           'why': "pytest's debug log"},
          {'name': '.coverage',
           'ecosystem': 'python',
           'type': 'file',
           'globs': ['.coverage', '.coverage.*'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'coverage run',
           'why': 'coverage.py data file'},
          {'name': 'coverage-report',
           'ecosystem': 'python',
           'type': 'file',
           'names': ['coverage.xml', 'coverage.json', 'coverage.lcov'],
           'tier': 'marker',
           'markers': ['pyproject.toml', 'setup.py', 'setup.cfg', 'tox.ini', '.coveragerc'],
           'safe': True,
           'regenerate': 'coverage xml / coverage json / coverage lcov',
           'why': 'coverage.py report file'},
          {'name': 'python-build',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['build'],
           'tier': 'marker',
           'markers': ['pyproject.toml', 'setup.py', 'setup.cfg'],
           'signature': ['lib', 'lib.*', 'bdist.*', 'temp.*', 'scripts-*', '__editable__.*'],
           'only': ['lib',
                    'lib.*',
                    'bdist.*',
                    'temp.*',
                    'scripts-*',
                    'src.*',
                    '__editable__.*',
                    '.DS_Store'],
           'safe': True,
           'regenerate': 'python -m build',
           'why': 'setuptools build tree'},
          {'name': 'python-dist',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['pyproject.toml', 'setup.py', 'setup.cfg'],
           'signature': ['*.whl', '*.tar.gz', '*.zip', '*.egg'],
           'safe': True,
           'regenerate': 'python -m build',
           'why': 'built sdists and wheels'},
          {'name': 'pyinstaller-build',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['build'],
           'tier': 'marker',
           'markers': ['*.spec'],
           'signature': ['*/warn-*.txt',
                         '*/xref-*.html',
                         '*/Analysis-00.toc',
                         '*/PKG-00.toc',
                         '*/base_library.zip'],
           'safe': True,
           'regenerate': 'pyinstaller NAME.spec',
           'why': "PyInstaller's work folder"},
          {'name': 'pyinstaller-dist',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['*.spec'],
           'signature': ['*/_internal'],
           'safe': True,
           'regenerate': 'pyinstaller NAME.spec',
           'why': "PyInstaller's bundled program (one-folder build)"},
          {'name': 'pyinstaller-onefile',
           'ecosystem': 'python',
           'type': 'file',
           'built_from': ['dist:../NAME.spec'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'pyinstaller NAME.spec',
           'why': 'program PyInstaller bundled into one file (dist/NAME, NAME.spec above it)'},
          {'name': 'sphinx-build',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['_build', 'build'],
           'tier': 'marker',
           'markers': ['conf.py', 'source/conf.py', '_toc.yml'],
           'signature': ['doctrees', '.doctrees', '.buildinfo', '*/.buildinfo'],
           'safe': True,
           'regenerate': 'make html (or sphinx-build)',
           'why': 'Sphinx documentation build'},
          {'name': 'myst-build',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['_build'],
           'tier': 'marker',
           'markers': ['myst.yml'],
           'signature': ['site/content',
                         'site/public',
                         'site/config.json',
                         'html/index.html',
                         'templates/site'],
           'only': ['site', 'html', 'templates', 'cache', 'exports', 'temp', 'execute', 'logs'],
           'safe': True,
           'regenerate': 'jupyter-book build (or myst build)',
           'why': 'Jupyter Book 2 / MyST build folder'},
          {'name': 'mkdocs-site',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['site'],
           'tier': 'marker',
           'markers': ['mkdocs.yml', 'mkdocs.yaml'],
           'signature': ['sitemap.xml.gz', 'search/search_index.json'],
           'safe': True,
           'regenerate': 'mkdocs build',
           'why': 'MkDocs site build'},
          {'name': 'cython-c',
           'ecosystem': 'python',
           'type': 'file',
           'globs': ['*.c', '*.cpp'],
           'sources': ['*.pyx'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'cythonize (python setup.py build_ext --inplace / pip install -e .)',
           'why': 'C source Cython generated from the .pyx beside it'},
          {'name': 'python-ext-inplace',
           'ecosystem': 'python',
           'type': 'file',
           'globs': ['*.cpython-*.so', '*.abi3.so'],
           'sources': ['*.pyx', '*.c', '*.cpp', '*.py'],
           'tier': 'marker',
           'safe': False,
           'regenerate': 'python setup.py build_ext --inplace (or pip install -e .); the package '
                         'does not import until then',
           'why': 'Python extension module built in place beside its source'},
          {'name': 'egg-info',
           'ecosystem': 'python',
           'type': 'dir',
           'globs': ['*.egg-info'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'pip install -e . / python -m build',
           'why': 'setuptools metadata'},
          {'name': 'setuptools-eggs',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.eggs'],
           'tier': 'marker',
           'markers': ['setup.py', 'setup.cfg', 'pyproject.toml'],
           'signature': ['README.txt', '*.egg'],
           'safe': True,
           'regenerate': 'setuptools fetches them again on the next setup.py run',
           'why': 'eggs setuptools downloaded for setup_requires'},
          {'name': 'pdm-build',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['.pdm-build'],
           'tier': 'marker',
           'markers': ['pyproject.toml'],
           'signature': ['.gitignore'],
           'safe': True,
           'regenerate': 'the next pdm build / pip install -e .',
           'why': "pdm-backend's build folder"},
          {'name': 'pip-cache-in-project',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['pip'],
           'inside': ['wheels', 'http', 'http-v2'],
           'signature': ['wheels/[0-9a-f][0-9a-f]'],
           'only': ['wheels', 'http', 'http-v2', 'selfcheck', 'selfcheck.json'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'pip downloads and builds the wheels again when it needs them',
           'why': "pip's cache inside the project (PIP_CACHE_DIR=.cache/pip, a CI cache)"},
          {'name': 'pdm-python',
           'ecosystem': 'python',
           'type': 'file',
           'names': ['.pdm-python'],
           'markers': ['pyproject.toml'],
           'tier': 'marker',
           'safe': False,
           'regenerate': 'pdm use (pdm picks an interpreter again: the one you chose may not be '
                         'it)',
           'why': "pdm's choice of interpreter for this project (a path on this machine)"},
          {'name': '__pypackages__',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['__pypackages__'],
           'tier': 'opt-in',
           'safe': False,
           'regenerate': 'pdm install',
           'why': 'PEP 582 local packages'},
          {'name': 'venv',
           'ecosystem': 'python',
           'type': 'dir',
           'names': [],
           'inside': ['pyvenv.cfg'],
           'tier': 'opt-in',
           'safe': False,
           'regenerate': "python -m venv + reinstall the project's dependencies",
           'why': 'Python virtual environment (a folder with a pyvenv.cfg)'},
          {'name': 'django-staticfiles',
           'ecosystem': 'python',
           'type': 'dir',
           'names': [],
           'inside': ['staticfiles.json'],
           'header': ['{"paths": {'],
           'listed_by': 'staticfiles.json:paths',
           'tier': 'marker',
           'safe': True,
           'regenerate': 'python manage.py collectstatic',
           'why': "Django's collected static files (STATIC_ROOT, with its staticfiles.json "
                  'manifest)'},
          {'name': 'conda-env',
           'ecosystem': 'python',
           'type': 'dir',
           'names': [],
           'inside': ['conda-meta'],
           'tier': 'opt-in',
           'safe': False,
           'regenerate': 'conda env create',
           'why': 'conda environment'},
          {'name': 'node_modules',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['node_modules'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'npm ci / pnpm install / yarn install',
           'why': 'installed npm dependencies (restored from package.json and the lockfile)'},
          {'name': 'yarn-unplugged',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['unplugged'],
           'tier': 'marker',
           'markers': ['install-state.gz', 'build-state.yml', 'releases', 'cache'],
           'signature': ['*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'],
           'only': ['*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'],
           'safe': True,
           'regenerate': 'yarn install',
           'why': "Yarn Berry's unplugged packages (.yarn/unplugged/<name>-<10-hex hash>, "
                  'extracted from the cache)'},
          {'name': 'yarn-install-state',
           'ecosystem': 'node',
           'type': 'file',
           'globs': ['install-state.gz'],
           'tier': 'marker',
           'markers': ['unplugged', 'cache', 'releases', 'plugins', 'sdks'],
           'safe': True,
           'regenerate': 'yarn install',
           'why': "Yarn Berry's install state (.yarn/install-state.gz)"},
          {'name': 'bower_components',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['bower_components'],
           'tier': 'marker',
           'markers': ['bower.json'],
           'safe': True,
           'regenerate': 'bower install',
           'why': 'installed Bower dependencies'},
          {'name': '.next',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.next'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'next build / next dev',
           'why': 'Next.js build output and cache'},
          {'name': '.nuxt',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.nuxt'],
           'tier': 'marker',
           'markers': ['package.json', 'nuxt.config.*'],
           'safe': True,
           'regenerate': 'nuxt build',
           'why': 'Nuxt build output'},
          {'name': 'nitro-output',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.output'],
           'tier': 'marker',
           'markers': ['package.json', 'nuxt.config.*', 'nitro.config.*'],
           'signature': ['nitro.json'],
           'safe': True,
           'regenerate': 'nuxt build / nitro build',
           'why': "Nitro's (Nuxt's) server build output"},
          {'name': 'nitro-build',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.nitro'],
           'tier': 'marker',
           'markers': ['package.json', 'nuxt.config.*', 'nitro.config.*'],
           'signature': ['types', 'dev'],
           'safe': True,
           'regenerate': 'nitro build / nitro dev',
           'why': "Nitro's build folder (generated types, dev builds)"},
          {'name': 'playwright-report',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['playwright-report', 'blob-report'],
           'tier': 'marker',
           'markers': ['playwright.config.*', 'playwright-ct.config.*'],
           'signature': ['index.html', 'report*.zip'],
           'safe': True,
           'regenerate': 'npx playwright test',
           'why': "Playwright's test report"},
          {'name': 'playwright-test-results',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['test-results'],
           'tier': 'marker',
           'markers': ['playwright.config.*', 'playwright-ct.config.*'],
           'signature': ['.last-run.json'],
           'safe': True,
           'regenerate': 'npx playwright test',
           'why': "Playwright's test output (traces, screenshots, the last run's failures)"},
          {'name': 'vitepress-cache',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['cache'],
           'tier': 'marker',
           'markers': ['config.mts', 'config.ts', 'config.mjs', 'config.js'],
           'signature': ['deps/_metadata.json'],
           'only': ['deps', 'deps_temp_*'],
           'parent': ['.vitepress'],
           'safe': True,
           'regenerate': 'vitepress dev',
           'why': "VitePress's dependency cache"},
          {'name': 'vitepress-dist',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['config.mts', 'config.ts', 'config.mjs', 'config.js'],
           'signature': ['hashmap.json'],
           'parent': ['.vitepress'],
           'safe': True,
           'regenerate': 'vitepress build',
           'why': "VitePress's built site"},
          {'name': 'vuepress-dist',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['config.mts', 'config.ts', 'config.mjs', 'config.js'],
           'signature': ['assets/app-*.js'],
           'parent': ['.vuepress'],
           'safe': True,
           'regenerate': 'vuepress build',
           'why': "VuePress's built site"},
          {'name': 'vuepress-temp',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.temp'],
           'tier': 'marker',
           'markers': ['config.mts', 'config.ts', 'config.mjs', 'config.js'],
           'signature': ['internal/siteData.js', 'internal/routes.js'],
           'parent': ['.vuepress'],
           'safe': True,
           'regenerate': 'vuepress build / vuepress dev',
           'why': "VuePress's generated client files"},
          {'name': 'expo-dist',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['app.json', 'app.config.js', 'app.config.ts'],
           'signature': ['_expo'],
           'safe': True,
           'regenerate': 'npx expo export',
           'why': "Expo's exported app (expo export)"},
          {'name': '.svelte-kit',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.svelte-kit'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'vite build / svelte-kit sync',
           'why': 'SvelteKit generated files'},
          {'name': '.angular',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.angular'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'ng build',
           'why': 'Angular CLI cache'},
          {'name': '.turbo',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.turbo'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'turbo run',
           'why': 'Turborepo cache'},
          {'name': '.parcel-cache',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.parcel-cache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'parcel build',
           'why': 'Parcel cache'},
          {'name': '.vite',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.vite'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'vite (pre-bundling runs again)',
           'why': 'Vite dependency pre-bundling cache'},
          {'name': '.nx',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.nx'],
           'tier': 'default',
           'only': ['cache', 'workspace-data', 'installation'],
           'safe': True,
           'regenerate': 'nx recreates it on its next run',
           'why': "Nx's task cache and workspace data"},
          {'name': 'nx-wrapper-data',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['cache', 'workspace-data', 'installation'],
           'tier': 'marker',
           'markers': ['nxw.js'],
           'safe': True,
           'regenerate': "./nx (the wrapper installs Nx again) / nx's next run",
           'why': "Nx's cache, workspace data and wrapper installation beside the committed "
                  'wrapper .nx/nxw.js'},
          {'name': 'gatsby-cache',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.cache'],
           'tier': 'marker',
           'markers': ['gatsby-config.js',
                       'gatsby-config.ts',
                       'gatsby-config.mjs',
                       'gatsby-node.js',
                       'gatsby-node.ts'],
           'signature': ['api-runner-browser.js',
                         'api-runner-ssr.js',
                         'babelState.json',
                         'caches-lmdb'],
           'safe': True,
           'regenerate': 'gatsby build / gatsby develop (gatsby clean removes it)',
           'why': "Gatsby's build cache"},
          {'name': 'gatsby-public',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['public'],
           'tier': 'marker',
           'markers': ['gatsby-config.js',
                       'gatsby-config.ts',
                       'gatsby-config.mjs',
                       'gatsby-node.js',
                       'gatsby-node.ts'],
           'signature': ['page-data', 'chunk-map.json', 'webpack.stats.json'],
           'safe': True,
           'regenerate': 'gatsby build (gatsby clean removes it; the sources are in static/ and '
                         'src/)',
           'why': "Gatsby's built site"},
          {'name': 'js-tool-caches',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.swc',
                     '.esbuild',
                     '.rpt2_cache',
                     '.rollup.cache',
                     '.jest',
                     '.docusaurus',
                     'gatsby_cache',
                     '.expo',
                     '.metro',
                     '.vercel',
                     '.netlify',
                     '.serverless',
                     '.sass-cache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'the tool recreates it on its next run',
           'why': 'JavaScript tool cache'},
          {'name': '.eslintcache',
           'ecosystem': 'node',
           'type': 'file',
           'globs': ['.eslintcache', '.stylelintcache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'eslint --cache / stylelint --cache',
           'why': 'lint cache file'},
          {'name': 'tsbuildinfo',
           'ecosystem': 'node',
           'type': 'file',
           'globs': ['*.tsbuildinfo'],
           'tier': 'marker',
           'markers': ['tsconfig.json', 'tsconfig.*.json', 'jsconfig.json'],
           'safe': True,
           'regenerate': 'tsc -b / tsc --incremental (the next build is a full one)',
           'why': "TypeScript's incremental build state (it goes with its outDir: kept without it, "
                  'tsc -b calls the project up to date and writes nothing)'},
          {'name': 'tsbuildinfo-set',
           'ecosystem': 'node',
           'type': 'file',
           'names': ['tsbuildinfo',
                     '.tsbuildinfo',
                     'tsbuildinfo.json',
                     '.tsbuildinfo.json',
                     'buildinfo.json'],
           'tier': 'marker',
           'header': ['{"fileNames":["', '{"program":{"fileNames":["'],
           'safe': True,
           'regenerate': 'tsc -b / tsc --incremental (the next build is a full one)',
           'why': "TypeScript's incremental build state at the path tsBuildInfoFile sets (it goes "
                  'with its outDir: kept without it, tsc calls the project up to date and writes '
                  'nothing)'},
          {'name': 'js-coverage',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['coverage', '.nyc_output'],
           'tier': 'marker',
           'markers': ['package.json', 'deno.json', 'deno.jsonc'],
           'signature': ['lcov.info',
                         'lcov-report',
                         'coverage-final.json',
                         'coverage-summary.json',
                         'clover.xml',
                         'cobertura-coverage.xml',
                         'index.html',
                         'tmp',
                         'processinfo',
                         '????????-????-????-????-????????????.json'],
           'safe': True,
           'regenerate': 'the test runner with coverage (jest --coverage / nyc / c8)',
           'why': 'JavaScript coverage output'},
          {'name': 'storybook-static',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['storybook-static'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'build-storybook',
           'why': 'static Storybook build'},
          {'name': '.react-router',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.react-router'],
           'tier': 'marker',
           'markers': ['react-router.config.*', 'vite.config.*', 'package.json'],
           'signature': ['types'],
           'only': ['types'],
           'safe': True,
           'regenerate': 'react-router typegen (also run by react-router dev / build)',
           'why': "React Router's generated route types"},
          {'name': '.astro',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['.astro'],
           'tier': 'marker',
           'markers': ['astro.config.*', 'package.json'],
           'signature': ['types.d.ts',
                         'content.d.ts',
                         'data-store.json',
                         'content-modules.mjs',
                         'content-assets.mjs'],
           'safe': True,
           'regenerate': 'astro sync / astro build / astro dev',
           'why': "Astro's generated types and content data store"},
          {'name': 'js-dist',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['dist', 'out', 'build'],
           'tier': 'marker',
           'markers': ['vite.config.*',
                       'webpack.config.*',
                       'rollup.config.*',
                       'next.config.*',
                       'tsconfig.json',
                       'angular.json',
                       'astro.config.*',
                       'rspack.config.*',
                       'rsbuild.config.*'],
           'signature': ['index.html',
                         'assets',
                         'static',
                         '_next',
                         '_astro',
                         'asset-manifest.json',
                         '*.map',
                         '*.d.ts',
                         '*.d.mts',
                         '*.d.cts',
                         '*.tsbuildinfo',
                         '*.LICENSE.txt',
                         '*.bundle.js',
                         '*.chunk.js',
                         '*.min.js',
                         '*.umd.js',
                         '*.umd.cjs',
                         '3rdpartylicenses.txt'],
           'declared': ['tsconfig.json:compilerOptions.outDir',
                        'package.json:scripts',
                        'turbo.json:outputs',
                        'nx.json:targetDefaults',
                        'deno.json:tasks',
                        'deno.jsonc:tasks'],
           'with': ['tsbuildinfo', 'tsbuildinfo-set'],
           'safe': True,
           'regenerate': "the project's build script (npm run build)",
           'why': 'JavaScript build output'},
          {'name': 'angular-dist',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['angular.json'],
           'signature': ['*/3rdpartylicenses.txt', '*/prerendered-routes.json', '*/browser'],
           'safe': True,
           'regenerate': 'ng build',
           'why': 'Angular CLI build output (dist/<project>/)'},
          {'name': 'parcel-dist',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['package.json', '.parcelrc'],
           'signature': ['*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].js',
                         '*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].css'],
           'safe': True,
           'regenerate': 'parcel build',
           'why': "Parcel's build output (hashed bundles in dist/)"},
          {'name': 'vite-dist',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['package.json'],
           'signature': ['assets/index-????????.js',
                         'assets/index-????????.css',
                         'assets/index.????????.js'],
           'safe': True,
           'regenerate': 'vite build (npm run build)',
           'why': 'Vite build output (hashed bundles in dist/assets/)'},
          {'name': 'react-router-build',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['build'],
           'tier': 'marker',
           'markers': ['react-router.config.*', 'vite.config.*', 'remix.config.*'],
           'signature': ['server/index.js', 'server/index.mjs', 'client/assets'],
           'only': ['client', 'server', '.vite'],
           'safe': True,
           'regenerate': 'react-router build / remix vite:build (npm run build)',
           'why': 'React Router (framework mode) / Remix build output: build/client and '
                  'build/server'},
          {'name': 'docusaurus-build',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['build'],
           'tier': 'marker',
           'markers': ['docusaurus.config.js',
                       'docusaurus.config.ts',
                       'docusaurus.config.mjs',
                       'docusaurus.config.mts',
                       'docusaurus.config.cjs'],
           'signature': ['assets/js'],
           'safe': True,
           'regenerate': 'docusaurus build (npm run build)',
           'why': 'Docusaurus static site build'},
          {'name': 'cargo-target',
           'ecosystem': 'rust',
           'type': 'dir',
           'names': ['target'],
           'tier': 'marker',
           'markers': ['Cargo.toml'],
           'signature': ['CACHEDIR.TAG',
                         '.rustc_info.json',
                         'debug',
                         'release',
                         '*-unknown-*/debug',
                         '*-unknown-*/release',
                         '*-apple-*/debug',
                         '*-apple-*/release',
                         '*-pc-windows-*/debug',
                         '*-pc-windows-*/release',
                         '*-linux-android*/debug',
                         '*-linux-android*/release'],
           'safe': True,
           'regenerate': 'cargo build',
           'why': 'Cargo build directory'},
          {'name': 'cargo-target-dir',
           'ecosystem': 'rust',
           'type': 'dir',
           'names': [],
           'inside': ['.rustc_info.json'],
           'signature': ['CACHEDIR.TAG'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'cargo build',
           'why': 'Cargo build directory (its target-dir or CARGO_TARGET_DIR: .rustc_info.json '
                  'inside)'},
          {'name': '.xwin-cache',
           'ecosystem': 'rust',
           'type': 'dir',
           'names': ['.xwin-cache'],
           'tier': 'marker',
           'markers': ['Cargo.toml'],
           'safe': True,
           'regenerate': 'cargo xwin',
           'why': 'cargo-xwin SDK cache'},
          {'name': 'maven-target',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['target'],
           'tier': 'marker',
           'markers': ['pom.xml', 'build.sbt'],
           'signature': ['classes',
                         'test-classes',
                         'maven-status',
                         'maven-archiver',
                         'generated-sources',
                         'generated-test-sources',
                         'surefire-reports',
                         '*.jar',
                         '*.war',
                         '*.ear',
                         'scala-*',
                         'streams',
                         'global-logging',
                         'task-temp-directory'],
           'safe': True,
           'regenerate': 'mvn package / sbt compile',
           'why': 'Maven / sbt build directory'},
          {'name': 'java-class',
           'ecosystem': 'jvm',
           'type': 'file',
           'globs': ['*.class'],
           'sources': ['*.java'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'javac',
           'why': 'class file compiled from the .java beside it'},
          {'name': 'java-classes-out',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['out', 'bin', 'build', 'classes'],
           'tier': 'marker',
           'markers': ['src', '*.java', '.classpath', '.project', '*.iml', '.idea', 'build.xml'],
           'every_file': ['*.class'],
           'safe': True,
           'regenerate': "javac -d <dir> (or the IDE's or Ant's build)",
           'why': 'compiled Java classes (only .class files below)'},
          {'name': 'intellij-out',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['out'],
           'tier': 'marker',
           'markers': ['.idea', '*.iml'],
           'signature': ['production', 'test'],
           'only': ['production', 'test', 'artifacts'],
           'safe': True,
           'regenerate': 'Build > Build Project in IntelliJ IDEA',
           'why': "IntelliJ IDEA's build output"},
          {'name': 'ant-dist',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['dist'],
           'tier': 'marker',
           'markers': ['build.xml'],
           'signature': ['*.jar', '*.war', '*.ear'],
           'only': ['*.jar', '*.war', '*.ear'],
           'safe': True,
           'regenerate': 'ant (its jar/dist target)',
           'why': "Ant's built archives"},
          {'name': 'gradle-build',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['build'],
           'tier': 'marker',
           'markers': ['build.gradle',
                       'build.gradle.kts',
                       'settings.gradle',
                       'settings.gradle.kts'],
           'signature': ['tmp',
                         'classes',
                         'intermediates',
                         'generated',
                         'kotlin',
                         'libs',
                         'reports',
                         'test-results',
                         'resources',
                         'outputs',
                         'distributions',
                         'scripts',
                         'kotlin-dsl',
                         'jacoco'],
           'safe': True,
           'regenerate': 'gradle build',
           'why': 'Gradle build directory'},
          {'name': '.gradle',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['.gradle'],
           'tier': 'marker',
           'markers': ['build.gradle',
                       'build.gradle.kts',
                       'settings.gradle',
                       'settings.gradle.kts',
                       'gradlew'],
           'safe': True,
           'regenerate': 'gradle (any task)',
           'why': 'project-local Gradle cache'},
          {'name': '.kotlin',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['.kotlin'],
           'tier': 'marker',
           'markers': ['build.gradle.kts',
                       'settings.gradle.kts',
                       'build.gradle',
                       'settings.gradle',
                       'gradlew'],
           'signature': ['sessions', 'errors', 'metadata'],
           'only': ['sessions', 'errors', 'metadata'],
           'safe': True,
           'regenerate': 'gradle (any build with the Kotlin plugin)',
           'why': "the Kotlin Gradle plugin's project state"},
          {'name': 'scala-tooling',
           'ecosystem': 'jvm',
           'type': 'dir',
           'names': ['.bloop', '.metals', '.bsp'],
           'tier': 'marker',
           'markers': ['build.sbt', 'build.sc'],
           'safe': True,
           'regenerate': 'the IDE / build server re-imports',
           'why': 'Scala build server state'},
          {'name': 'dotnet-bin-obj',
           'ecosystem': 'dotnet',
           'type': 'dir',
           'names': ['bin', 'obj'],
           'tier': 'marker',
           'markers': ['*.csproj', '*.fsproj', '*.vbproj'],
           'signature': ['Debug',
                         'Release',
                         'x64',
                         'x86',
                         'ARM64',
                         'arm64',
                         'project.assets.json',
                         'project.nuget.cache',
                         '*.nuget.g.props',
                         '*.nuget.g.targets',
                         '*.nuget.dgspec.json'],
           'safe': True,
           'regenerate': 'dotnet build',
           'why': '.NET build output'},
          {'name': 'msvc-platform-output',
           'ecosystem': 'dotnet',
           'type': 'dir',
           'names': ['x64', 'ARM64', 'Win32'],
           'tier': 'marker',
           'markers': ['*.sln', '*.slnx', '*.vcxproj'],
           'signature': ['Debug/*.pdb',
                         'Release/*.pdb',
                         'Debug/*.tlog',
                         'Release/*.tlog',
                         'Debug/*.obj',
                         'Release/*.obj'],
           'only': ['Debug', 'Release'],
           'safe': True,
           'regenerate': 'Build > Build Solution (msbuild)',
           'why': "MSBuild's C++ output and intermediates (x64/Debug)"},
          {'name': 'msvc-configuration-output',
           'ecosystem': 'dotnet',
           'type': 'dir',
           'names': ['Debug', 'Release'],
           'tier': 'marker',
           'markers': ['*.sln', '*.slnx', '*.vcxproj'],
           'signature': ['*.tlog',
                         '*.pdb',
                         '*.obj',
                         '*.ilk',
                         '*.idb',
                         '*.iobj',
                         '*.ipdb',
                         '*.lastbuildstate'],
           'safe': True,
           'regenerate': 'Build > Build Solution (msbuild)',
           'why': "MSBuild's C++ output and intermediates (Debug, Release)"},
          {'name': 'dotnet-test-results',
           'ecosystem': 'dotnet',
           'type': 'dir',
           'names': ['TestResults'],
           'tier': 'marker',
           'markers': ['*.csproj', '*.fsproj', '*.vbproj', '*.sln', '*.slnx'],
           'signature': ['*.trx', '*/coverage.cobertura.xml', '*/coverage.opencover.xml'],
           'safe': True,
           'regenerate': 'dotnet test',
           'why': "dotnet test's results (.trx, coverage reports)"},
          {'name': 'visual-studio-state',
           'ecosystem': 'dotnet',
           'type': 'dir',
           'names': ['.vs'],
           'tier': 'never',
           'markers': ['*.sln',
                       '*.slnx',
                       'CMakeLists.txt',
                       'CMakePresets.json',
                       'CMakeSettings.json',
                       '*.csproj',
                       '*.vcxproj'],
           'safe': False,
           'regenerate': 'Visual Studio writes it again on open (breakpoints and open documents '
                         'are lost)',
           'why': "Visual Studio's per-user state (.vs)"},
          {'name': 'swift-build',
           'ecosystem': 'swift',
           'type': 'dir',
           'names': ['.build'],
           'tier': 'marker',
           'markers': ['Package.swift'],
           'safe': True,
           'regenerate': 'swift build',
           'why': 'Swift Package Manager build directory'},
          {'name': 'swiftpm-state',
           'ecosystem': 'swift',
           'type': 'dir',
           'names': ['.swiftpm'],
           'tier': 'never',
           'markers': ['Package.swift'],
           'safe': False,
           'regenerate': 'Xcode writes its workspace again; mirrors and registries set with `swift '
                         'package config` are lost',
           'why': "SwiftPM's per-package configuration (mirrors, registries) and Xcode's "
                  'workspace'},
          {'name': 'xcode-deriveddata',
           'ecosystem': 'swift',
           'type': 'dir',
           'names': ['DerivedData'],
           'tier': 'marker',
           'markers': ['*.xcodeproj', '*.xcworkspace', 'Podfile'],
           'safe': True,
           'regenerate': 'xcodebuild',
           'why': 'Xcode derived data'},
          {'name': 'cocoapods',
           'ecosystem': 'swift',
           'type': 'dir',
           'names': ['Pods'],
           'tier': 'marker',
           'markers': ['Podfile'],
           'signature': ['Manifest.lock',
                         'Pods.xcodeproj',
                         'Target Support Files',
                         'Headers',
                         'Local Podspecs'],
           'safe': True,
           'regenerate': 'pod install',
           'why': 'installed CocoaPods'},
          {'name': 'go-program',
           'ecosystem': 'go',
           'type': 'file',
           'built_from': ['go.mod:module', 'folder:*.go', 'go.mod:cmd', 'go.mod:bin'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'go build',
           'why': 'program go build wrote (named after its module or a package of it)'},
          {'name': 'go-coverage',
           'ecosystem': 'go',
           'type': 'file',
           'names': ['coverage.out', 'cover.out', 'c.out', 'coverage.txt', 'profile.out'],
           'header': ['mode: set\n', 'mode: count\n', 'mode: atomic\n'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'go test -coverprofile=... ./...',
           'why': 'Go coverage profile (go test -coverprofile)'},
          {'name': 'zig-cache',
           'ecosystem': 'zig',
           'type': 'dir',
           'names': ['zig-cache', '.zig-cache', 'zig-out'],
           'tier': 'marker',
           'markers': ['build.zig'],
           'safe': True,
           'regenerate': 'zig build',
           'why': 'Zig build cache and output'},
          {'name': 'elixir-build',
           'ecosystem': 'elixir',
           'type': 'dir',
           'names': ['_build', '.elixir_ls', '.elixir-tools', '.lexical'],
           'tier': 'marker',
           'markers': ['mix.exs'],
           'safe': True,
           'regenerate': 'mix compile',
           'why': 'Elixir build output'},
          {'name': 'dune-build',
           'ecosystem': 'ocaml',
           'type': 'dir',
           'names': ['_build'],
           'tier': 'marker',
           'markers': ['dune-project'],
           'signature': ['.db', '.digest-db', '.filesystem-clock', 'default/.dune'],
           'safe': True,
           'regenerate': 'dune build',
           'why': "dune's build folder (OCaml)"},
          {'name': 'elixir-deps',
           'ecosystem': 'elixir',
           'type': 'dir',
           'names': ['deps'],
           'tier': 'marker',
           'markers': ['mix.exs', 'mix.lock'],
           'safe': True,
           'regenerate': 'mix deps.get',
           'why': 'fetched Mix dependencies'},
          {'name': 'stack-work',
           'ecosystem': 'haskell',
           'type': 'dir',
           'names': ['.stack-work'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'stack build',
           'why': 'Haskell Stack build directory'},
          {'name': 'dist-newstyle',
           'ecosystem': 'haskell',
           'type': 'dir',
           'names': ['dist-newstyle'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'cabal build',
           'why': 'Cabal build directory'},
          {'name': 'dart-tool',
           'ecosystem': 'dart',
           'type': 'dir',
           'names': ['.dart_tool'],
           'tier': 'marker',
           'markers': ['pubspec.yaml'],
           'safe': True,
           'regenerate': 'dart pub get',
           'why': 'Dart tool state'},
          {'name': 'flutter-build',
           'ecosystem': 'dart',
           'type': 'dir',
           'names': ['build'],
           'tier': 'marker',
           'markers': ['pubspec.yaml'],
           'signature': ['.last_build_id',
                         'flutter_assets',
                         'native_assets',
                         'unit_test_assets',
                         'test_cache',
                         '*.dill',
                         'app',
                         'ios',
                         'macos',
                         'linux',
                         'windows',
                         'web'],
           'safe': True,
           'regenerate': 'flutter build',
           'why': 'Flutter build output'},
          {'name': 'godot',
           'ecosystem': 'godot',
           'type': 'dir',
           'names': ['.godot', '.import'],
           'tier': 'marker',
           'markers': ['project.godot'],
           'safe': True,
           'regenerate': 'the Godot editor re-imports',
           'why': 'Godot import cache'},
          {'name': 'terraform',
           'ecosystem': 'terraform',
           'type': 'dir',
           'names': ['.terraform'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'terraform init',
           'why': 'Terraform providers and modules'},
          {'name': 'php-vendor',
           'ecosystem': 'php',
           'type': 'dir',
           'names': ['vendor'],
           'tier': 'marker',
           'markers': ['composer.json'],
           'signature': ['autoload.php', 'composer'],
           'safe': True,
           'regenerate': 'composer install',
           'why': 'Composer dependencies'},
          {'name': 'ruby-vendor-bundle',
           'ecosystem': 'ruby',
           'type': 'dir',
           'names': ['bundle'],
           'inside': ['ruby', 'jruby', 'truffleruby'],
           'signature': ['ruby/[0-9]*.[0-9]*.[0-9]*',
                         'jruby/[0-9]*.[0-9]*.[0-9]*',
                         'truffleruby/[0-9]*.[0-9]*.[0-9]*'],
           'only': ['ruby', 'jruby', 'truffleruby'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'bundle install',
           'why': 'gems Bundler installed into the project (vendor/bundle)'},
          {'name': 'jekyll-cache',
           'ecosystem': 'ruby',
           'type': 'dir',
           'names': ['.jekyll-cache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'jekyll build',
           'why': "Jekyll's build cache"},
          {'name': 'jekyll-site',
           'ecosystem': 'ruby',
           'type': 'dir',
           'names': ['_site'],
           'tier': 'marker',
           'markers': ['.jekyll-cache', '.jekyll-metadata'],
           'safe': True,
           'regenerate': 'jekyll build',
           'why': "Jekyll's built site"},
          {'name': 'eleventy-site',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['_site'],
           'tier': 'marker',
           'markers': ['eleventy.config.*', '.eleventy.js', '.eleventy.cjs'],
           'declared': ['package.json:scripts'],
           'safe': True,
           'regenerate': 'npx @11ty/eleventy',
           'why': "Eleventy's built site"},
          {'name': 'pelican-output',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['output'],
           'tier': 'marker',
           'markers': ['pelicanconf.py'],
           'signature': ['archives.html', 'categories.html', 'tags.html', 'authors.html'],
           'safe': True,
           'regenerate': 'pelican content (make html)',
           'why': "Pelican's built site"},
          {'name': 'hexo-public',
           'ecosystem': 'node',
           'type': 'dir',
           'names': ['public'],
           'tier': 'marker',
           'markers': ['scaffolds/post.md', 'scaffolds/draft.md', 'scaffolds/page.md'],
           'signature': ['archives'],
           'safe': True,
           'regenerate': 'hexo generate',
           'why': "Hexo's generated site"},
          {'name': 'hexo-db',
           'ecosystem': 'node',
           'type': 'file',
           'names': ['db.json'],
           'header': ['{"meta":{"version":1,"warehouse":"', '{"meta":{"version":2,"warehouse":"'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'hexo generate',
           'why': "Hexo's cache database (warehouse)"},
          {'name': 'hugo-public',
           'ecosystem': 'hugo',
           'type': 'dir',
           'names': ['public'],
           'tier': 'marker',
           'markers': ['.hugo_build.lock', 'hugo.toml', 'hugo.yaml', 'hugo.json'],
           'signature': ['sitemap.xml', 'index.xml'],
           'safe': True,
           'regenerate': 'hugo',
           'why': "Hugo's built site"},
          {'name': 'hugo-resources',
           'ecosystem': 'hugo',
           'type': 'dir',
           'names': ['resources'],
           'tier': 'marker',
           'markers': ['.hugo_build.lock', 'hugo.toml', 'hugo.yaml', 'hugo.json'],
           'signature': ['_gen/images', '_gen/assets'],
           'only': ['_gen'],
           'safe': True,
           'regenerate': 'hugo (processes the images and assets again)',
           'why': "Hugo's processed images and assets (resources/_gen)"},
          {'name': 'hugo-build-lock',
           'ecosystem': 'hugo',
           'type': 'file',
           'names': ['.hugo_build.lock'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'hugo',
           'why': "Hugo's build lock file"},
          {'name': 'ruby-bundle',
           'ecosystem': 'ruby',
           'type': 'dir',
           'names': ['.bundle'],
           'tier': 'marker',
           'markers': ['Gemfile'],
           'safe': True,
           'regenerate': 'bundle install',
           'why': 'Bundler state'},
          {'name': 'cmake-build',
           'ecosystem': 'cmake',
           'type': 'dir',
           'names': ['build',
                     'out',
                     'cmake-build-debug',
                     'cmake-build-release',
                     'cmake-build-relwithdebinfo',
                     'cmake-build-minsizerel'],
           'tier': 'marker',
           'markers': ['CMakeLists.txt'],
           'signature': ['CMakeCache.txt', 'CMakeFiles'],
           'absent': ['CMakeLists.txt'],
           'safe': True,
           'regenerate': 'cmake -B build && cmake --build build',
           'why': 'CMake build tree'},
          {'name': 'skbuild-build',
           'ecosystem': 'python',
           'type': 'dir',
           'names': ['build'],
           'tier': 'marker',
           'markers': ['pyproject.toml'],
           'signature': ['*/CMakeCache.txt'],
           'only': ['cp3*-*-*', 'pp3*-*-*', 'py3*-*-*'],
           'safe': True,
           'regenerate': 'pip install . (or python -m build): scikit-build-core configures it '
                         'again',
           'why': "scikit-build-core's build folder (one CMake tree per wheel tag)"},
          {'name': 'cmake-tree',
           'ecosystem': 'cmake',
           'type': 'dir',
           'names': [],
           'inside': ['CMakeCache.txt'],
           'signature': ['CMakeFiles'],
           'absent': ['CMakeLists.txt'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'cmake -B <dir> && cmake --build <dir>',
           'why': 'CMake build tree (CMakeCache.txt inside)'},
          {'name': 'cmake-presets-out',
           'ecosystem': 'cmake',
           'type': 'dir',
           'names': ['out'],
           'tier': 'marker',
           'markers': ['CMakePresets.json', 'CMakeUserPresets.json', 'CMakeSettings.json'],
           'signature': ['build/*'],
           'only': ['build', 'install'],
           'safe': True,
           'regenerate': 'cmake --preset <name>, cmake --build and cmake --install (Visual Studio: '
                         'Build All, Install)',
           'why': "CMake presets' build and install trees (out/build, out/install)"},
          {'name': 'cmake-files',
           'ecosystem': 'cmake',
           'type': 'dir',
           'names': ['CMakeFiles'],
           'tier': 'marker',
           'markers': ['CMakeCache.txt', 'cmake_install.cmake', 'CMakeLists.txt'],
           'signature': ['*.dir',
                         'progress.marks',
                         'CMakeDirectoryInformation.cmake',
                         'cmake.check_cache',
                         'CMakeOutput.log',
                         'CMakeConfigureLog.yaml',
                         'rules.ninja',
                         'TargetDirectories.txt'],
           'with': ['cmake-generated'],
           'safe': True,
           'regenerate': 'cmake . in the source folder (CMakeCache.txt keeps the options given)',
           'why': "CMake's files of an in-source build (CMakeFiles)"},
          {'name': 'ctest-testing',
           'ecosystem': 'cmake',
           'type': 'dir',
           'names': ['Testing'],
           'tier': 'marker',
           'markers': ['CTestTestfile.cmake', 'DartConfiguration.tcl'],
           'signature': ['Temporary/LastTest*.log', 'Temporary/CTestCostData.txt'],
           'only': ['Temporary', 'TAG', '[0-9]*-[0-9]*'],
           'safe': True,
           'regenerate': 'ctest',
           'why': "CTest's test logs (Testing/Temporary)"},
          {'name': 'cmake-generated',
           'ecosystem': 'cmake',
           'type': 'file',
           'names': ['Makefile', 'build.ninja', 'cmake_install.cmake', 'CTestTestfile.cmake'],
           'header': ['# CMAKE generated file: DO NOT EDIT!',
                      '# Install script for directory: ',
                      '# CMake generated Testfile for '],
           'markers': ['CMakeLists.txt', 'CMakeCache.txt', 'CMakeFiles'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'cmake . in the source folder (CMakeCache.txt keeps the options given)',
           'why': 'file CMake generated in the source folder (in-source build)'},
          {'name': 'cmake-cache',
           'ecosystem': 'cmake',
           'type': 'file',
           'names': ['CMakeCache.txt'],
           'header': ['# This is the CMakeCache file.'],
           'markers': ['CMakeLists.txt',
                       'CMakeFiles',
                       'Makefile',
                       'build.ninja',
                       'cmake_install.cmake'],
           'tier': 'marker',
           'safe': False,
           'regenerate': 'cmake . -D<the options given before> (they are lost with it)',
           'why': "CMake's cache of an in-source build (keeps the -D options)"},
          {'name': 'ninja-state',
           'ecosystem': 'ninja',
           'type': 'file',
           'names': ['.ninja_log', '.ninja_deps'],
           'header': ['# ninja log v', '# ninjadeps'],
           'markers': ['build.ninja'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'ninja (it writes them again; what it cannot prove up to date is built '
                         'again)',
           'why': "ninja's build log and dependency state"},
          {'name': 'autoconf-log',
           'ecosystem': 'c',
           'type': 'file',
           'names': ['config.log'],
           'header': ['This file contains any messages produced by compilers while'],
           'markers': ['configure', 'configure.ac', 'configure.in', 'config.status'],
           'tier': 'marker',
           'safe': True,
           'regenerate': './configure (it writes a new log)',
           'why': "configure's log"},
          {'name': 'autoconf-status',
           'ecosystem': 'c',
           'type': 'file',
           'names': ['config.status'],
           'header': ['# Generated by configure.'],
           'markers': ['configure', 'configure.ac', 'configure.in'],
           'tier': 'marker',
           'safe': False,
           'regenerate': './configure with the options it was given (./config.status --config '
                         'shows them)',
           'why': "configure's results (config.status: keeps the options given)"},
          {'name': 'native-program',
           'ecosystem': 'c',
           'type': 'file',
           'built_from': ['*.c',
                          '*.cc',
                          '*.cpp',
                          '*.cxx',
                          '*.c++',
                          '*.zig',
                          '*.rs',
                          '*.go',
                          '*.hs',
                          '*.f90',
                          '*.f',
                          '*.m',
                          '*.d',
                          '*.nim',
                          '*.s',
                          '*.S'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'the compiler or make, from the source beside it',
           'why': 'program compiled from the source of its name beside it'},
          {'name': 'cmake-program',
           'ecosystem': 'c',
           'type': 'file',
           'built_from': ['CMakeFiles:target'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'make (or cmake --build .) in the source folder',
           'why': 'program CMake built in the source folder (CMakeFiles/NAME.dir beside it: an '
                  'in-source build)'},
          {'name': 'cmake-library',
           'ecosystem': 'c',
           'type': 'file',
           'built_from': ['CMakeFiles:library'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'make (or cmake --build .) in the source folder',
           'why': 'library CMake built in the source folder (CMakeFiles/NAME.dir beside '
                  'libNAME.a/.so: an in-source build)'},
          {'name': 'object-file',
           'ecosystem': 'c',
           'type': 'file',
           'globs': ['*.o', '*.lo', '*.hi'],
           'sources': ['*.c',
                       '*.cc',
                       '*.cpp',
                       '*.cxx',
                       '*.c++',
                       '*.C',
                       '*.s',
                       '*.S',
                       '*.m',
                       '*.mm',
                       '*.f',
                       '*.f90',
                       '*.F90',
                       '*.for',
                       '*.hs',
                       '*.lhs'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'make (or the build that compiled it)',
           'why': 'object file compiled from the source beside it'},
          {'name': 'libtool-objdir',
           'ecosystem': 'c',
           'type': 'dir',
           'names': ['.libs', '_libs'],
           'tier': 'marker',
           'markers': ['*.la', '*.lo', 'libtool', 'Makefile.am', 'Makefile.in'],
           'signature': ['*.o', '*.lai', '*.so', '*.so.*', '*.a', '*.dylib', '*.dll', 'lt-*'],
           'wrapped_by': 'temporary wrapper script for ',
           'with': ['object-file'],
           'safe': True,
           'regenerate': 'make (with the .lo and .o beside it moved too)',
           'why': "libtool's objdir (.libs)"},
          {'name': 'autom4te.cache',
           'ecosystem': 'c',
           'type': 'dir',
           'names': ['autom4te.cache'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'autoreconf (autoconf writes it again)',
           'why': "autoconf's cache"},
          {'name': 'automake-deps',
           'ecosystem': 'c',
           'type': 'dir',
           'names': ['.deps'],
           'tier': 'marker',
           'markers': ['Makefile.am', 'Makefile.in'],
           'signature': ['*.Po', '*.Plo'],
           'only': ['*.Po', '*.Plo', '*.Tpo', '*.Tplo'],
           'safe': True,
           'regenerate': 'make (automake 1.16 or later; older: ./config.status depfiles)',
           'why': "automake's dependency files"},
          {'name': 'meson-python-build',
           'ecosystem': 'meson',
           'type': 'dir',
           'names': [],
           'inside': ['meson-python-native-file.ini'],
           'tier': 'marker',
           'safe': False,
           'regenerate': 'pip install --no-build-isolation -e . (an editable install imports from '
                         'it: the package does not import until then)',
           'why': "meson-python's build tree (meson-python-native-file.ini inside)"},
          {'name': 'meson-setup-build',
           'ecosystem': 'meson',
           'type': 'dir',
           'names': [],
           'inside': ['meson-private'],
           'signature': ['CACHEDIR.TAG'],
           'tier': 'marker',
           'safe': True,
           'regenerate': 'meson setup <dir> (with the options it was set up with), then ninja -C '
                         '<dir>',
           'why': "Meson build tree (meson-private and Meson's CACHEDIR.TAG inside)"},
          {'name': 'meson-build',
           'ecosystem': 'meson',
           'type': 'dir',
           'names': [],
           'inside': ['meson-private'],
           'tier': 'marker',
           'safe': False,
           'regenerate': 'meson setup <dir>, or pip install --no-build-isolation -e . for '
                         'meson-python (an editable install imports from it: reinstall after)',
           'why': 'Meson build tree (meson-private inside)'},
          {'name': 'cachedir-tagged',
           'ecosystem': 'generic',
           'type': 'dir',
           'names': [],
           'tier': 'marker',
           'safe': False,
           'regenerate': "the tool that tagged it (CACHEDIR.TAG means 'do not back up', not 'cheap "
                         "to rebuild')",
           'why': 'a folder marked as a cache with CACHEDIR.TAG'},
          {'name': 'os-junk',
           'ecosystem': 'os',
           'type': 'file',
           'names': ['.DS_Store', 'Thumbs.db', 'ehthumbs.db', 'desktop.ini', '.directory'],
           'globs': ['._*'],
           'tier': 'default',
           'safe': True,
           'regenerate': 'the OS writes it again when the folder is browsed',
           'why': 'file-manager metadata'},
          {'name': 'editor-swap',
           'ecosystem': 'editor',
           'type': 'file',
           'globs': ['.*.swp', '.*.swo', '*~', '.#*', '#*#'],
           'tier': 'default',
           'safe': False,
           'regenerate': 'none: a swap or backup file may hold unsaved work of a running editor',
           'why': 'editor swap or backup file'},
          {'name': 'ml-outputs',
           'ecosystem': 'data',
           'type': 'dir',
           'names': ['outputs', 'mlruns', '.mlruns', 'wandb', 'lightning_logs'],
           'tier': 'never',
           'safe': False,
           'regenerate': 'none: experiment results and history',
           'why': 'experiment outputs (may be the only copy)'},
          {'name': 'dvc',
           'ecosystem': 'data',
           'type': 'dir',
           'names': ['.dvc'],
           'tier': 'never',
           'safe': False,
           'regenerate': "none: DVC's cache may hold the only copy of data",
           'why': 'DVC state and cache'},
          {'name': 'pip-cache',
           'ecosystem': 'python',
           'home': ['.cache/pip', 'Library/Caches/pip'],
           'tier': 'global',
           'clean': 'pip cache purge',
           'regenerate': 'pip downloads and builds wheels again when it needs them',
           'why': "pip's download and wheel cache"},
          {'name': 'uv-cache',
           'ecosystem': 'python',
           'home': ['.cache/uv', 'Library/Caches/uv'],
           'tier': 'global',
           'clean': '`uv cache clean` (or `uv cache prune`: only what no environment uses)',
           'regenerate': 'uv downloads again what a project needs',
           'why': "uv's package cache"},
          {'name': 'poetry-cache',
           'ecosystem': 'python',
           'home': ['.cache/pypoetry', 'Library/Caches/pypoetry'],
           'tier': 'global',
           'clean': 'poetry cache clear --all PyPI',
           'regenerate': 'poetry downloads again on the next install',
           'why': "Poetry's package cache (and its virtualenvs folder)"},
          {'name': 'pipenv-virtualenvs',
           'ecosystem': 'python',
           'home': ['.local/share/virtualenvs'],
           'tier': 'global',
           'clean': '`pipenv --rm` in each project you no longer use (`pipenv --venv` shows which '
                    'is whose)',
           'regenerate': "pipenv install recreates a project's environment",
           'why': "pipenv's virtual environments, one per project"},
          {'name': 'pyenv',
           'ecosystem': 'python',
           'home': ['.pyenv'],
           'tier': 'global',
           'clean': '`pyenv versions`, then `pyenv uninstall VERSION` for the ones you no longer '
                    'need',
           'regenerate': 'pyenv install VERSION builds it again',
           'why': "pyenv's installed Python versions"},
          {'name': 'pre-commit-cache',
           'ecosystem': 'python',
           'home': ['.cache/pre-commit'],
           'tier': 'global',
           'clean': '`pre-commit clean` (or `pre-commit gc`: only unused hook repos)',
           'regenerate': "pre-commit installs a hook's environment again on its next run",
           'why': "pre-commit's hook environments"},
          {'name': 'npm-cache',
           'ecosystem': 'node',
           'home': ['.npm'],
           'tier': 'global',
           'clean': 'npm cache clean --force',
           'regenerate': 'npm downloads again on the next install',
           'why': "npm's package cache (_cacache), logs and npx installs"},
          {'name': 'yarn-cache',
           'ecosystem': 'node',
           'home': ['.cache/yarn', '.yarn/berry/cache', 'Library/Caches/Yarn'],
           'tier': 'global',
           'clean': 'yarn cache clean',
           'regenerate': 'yarn downloads again on the next install',
           'why': "Yarn's package cache"},
          {'name': 'pnpm-store',
           'ecosystem': 'node',
           'home': ['.local/share/pnpm/store', '.pnpm-store', 'Library/pnpm/store'],
           'tier': 'global',
           'clean': 'pnpm store prune',
           'regenerate': 'pnpm downloads again on the next install',
           'why': "pnpm's content-addressable store"},
          {'name': 'rustup',
           'ecosystem': 'rust',
           'home': ['.rustup'],
           'tier': 'global',
           'clean': '`rustup toolchain list`, then `rustup toolchain uninstall NAME` for the ones '
                    'you no longer need',
           'regenerate': 'rustup toolchain install NAME',
           'why': "rustup's installed Rust toolchains (with their documentation)"},
          {'name': 'cargo-registry',
           'ecosystem': 'rust',
           'home': ['.cargo/registry', '.cargo/git'],
           'tier': 'global',
           'clean': '`cargo cache --autoclean` (after `cargo install cargo-cache`), or `cargo '
                    '+nightly -Zgc clean gc`',
           'regenerate': 'cargo downloads again what a build needs',
           'why': "Cargo's downloaded crates and git dependencies"},
          {'name': 'go-cache',
           'ecosystem': 'go',
           'home': ['.cache/go-build', 'Library/Caches/go-build'],
           'tier': 'global',
           'clean': 'go clean -cache',
           'regenerate': 'go build rebuilds what it needs',
           'why': "Go's build cache"},
          {'name': 'go-modules',
           'ecosystem': 'go',
           'home': ['go/pkg/mod'],
           'tier': 'global',
           'clean': 'go clean -modcache',
           'regenerate': 'go downloads modules again on the next build',
           'why': "Go's module cache"},
          {'name': 'gradle-caches',
           'ecosystem': 'jvm',
           'home': ['.gradle/caches', '.gradle/wrapper/dists'],
           'tier': 'global',
           'clean': '`gradle --stop`, then remove `~/.gradle/caches` (Gradle cleans entries unused '
                    'for 30 days itself)',
           'regenerate': 'gradle downloads again what a build needs',
           'why': "Gradle's dependency and build caches, and downloaded distributions"},
          {'name': 'maven-repository',
           'ecosystem': 'jvm',
           'home': ['.m2/repository'],
           'tier': 'global',
           'clean': '`mvn dependency:purge-local-repository` in each project (or remove artifacts '
                    'you no longer build)',
           'regenerate': 'mvn downloads again what a build needs',
           'why': "Maven's local repository"},
          {'name': 'nuget-packages',
           'ecosystem': 'dotnet',
           'home': ['.nuget/packages'],
           'tier': 'global',
           'clean': 'dotnet nuget locals all --clear',
           'regenerate': 'dotnet restore downloads again',
           'why': "NuGet's global packages folder"},
          {'name': 'conda-pkgs',
           'ecosystem': 'python',
           'home': ['.conda/pkgs', 'miniconda3/pkgs', 'anaconda3/pkgs', 'miniforge3/pkgs'],
           'tier': 'global',
           'clean': 'conda clean --all',
           'regenerate': 'conda downloads again what an environment needs',
           'why': "conda's package cache"},
          {'name': 'pipx',
           'ecosystem': 'python',
           'home': ['.local/share/pipx', '.local/pipx'],
           'tier': 'global',
           'clean': '`pipx list`, then `pipx uninstall PACKAGE` for the tools you no longer use',
           'regenerate': 'pipx install PACKAGE',
           'why': "pipx's installed command-line tools, one venv each"},
          {'name': 'virtualenv-app-data',
           'ecosystem': 'python',
           'home': ['.cache/virtualenv'],
           'tier': 'global',
           'clean': '`virtualenv --reset-app-data DEST` (empties it while making DEST), or remove '
                    '`~/.cache/virtualenv`',
           'regenerate': 'virtualenv writes it again on the next environment it makes',
           'why': "virtualenv's seed wheels and interpreter cache"},
          {'name': 'bazel-cache',
           'ecosystem': 'bazel',
           'home': ['.cache/bazel'],
           'tier': 'global',
           'clean': '`bazel clean --expunge` in each workspace you no longer build',
           'regenerate': 'bazel build (fetches and builds again)',
           'why': "Bazel's output bases (what the bazel-* links in a workspace point to) and "
                  'caches'},
          {'name': 'nvm',
           'ecosystem': 'node',
           'home': ['.nvm'],
           'tier': 'global',
           'clean': '`nvm ls`, then `nvm uninstall VERSION` for the ones you no longer need (and '
                    '`nvm cache clear`)',
           'regenerate': 'nvm install VERSION',
           'why': "nvm's installed Node.js versions and their global packages"},
          {'name': 'bun-cache',
           'ecosystem': 'node',
           'home': ['.bun/install/cache'],
           'tier': 'global',
           'clean': 'bun pm cache rm',
           'regenerate': 'bun downloads again on the next install',
           'why': "Bun's package cache"},
          {'name': 'rbenv',
           'ecosystem': 'ruby',
           'home': ['.rbenv'],
           'tier': 'global',
           'clean': '`rbenv versions`, then `rbenv uninstall VERSION` for the ones you no longer '
                    'need',
           'regenerate': 'rbenv install VERSION',
           'why': "rbenv's installed Ruby versions"},
          {'name': 'editor-extensions',
           'ecosystem': 'editors',
           'home': ['.vscode/extensions',
                    '.vscode-server/extensions',
                    '.vscode-oss/extensions',
                    '.cursor/extensions',
                    '.windsurf/extensions'],
           'tier': 'global',
           'clean': '`code --list-extensions`, then `code --uninstall-extension ID` for the ones '
                    'you no longer use',
           'regenerate': 'the editor installs an extension again from its marketplace',
           'why': 'installed editor extensions (each with its own node_modules)'}]}

KIND_FIELDS = ('name', 'ecosystem', 'type', 'names', 'globs', 'tier', 'markers', 'inside', 'signature', 'safe', 'regenerate', 'why', 'home', 'clean', 'only', 'declared', 'with_kinds', 'sources', 'built_from', 'every_file', 'header', 'listed_by', 'absent', 'wrapped_by', 'parent')

KINDS: tuple[dict[str, Any], ...] = ({'name': '__pycache__',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('__pycache__',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'written again by the next import',
  'why': 'Python bytecode cache'},
 {'name': 'pyc',
  'ecosystem': 'python',
  'type': 'file',
  'names': (),
  'globs': ('*.pyc', '*.pyo'),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'written again by the next import',
  'why': 'stray Python bytecode outside __pycache__'},
 {'name': '.pytest_cache',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.pytest_cache',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'pytest writes it on the next run',
  'why': "pytest's cache (last failures, step-wise state)"},
 {'name': '.mypy_cache',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.mypy_cache',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'mypy rebuilds it (the next run is slower)',
  'why': "mypy's incremental cache"},
 {'name': '.ruff_cache',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.ruff_cache',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'ruff rebuilds it on the next run',
  'why': "ruff's lint cache"},
 {'name': '.pytype',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.pytype', '.pyre', '.pyright'),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'the type checker rebuilds it',
  'why': 'type checker cache'},
 {'name': '.hypothesis',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.hypothesis',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'hypothesis writes it again (saved failing examples are lost)',
  'why': 'hypothesis example database'},
 {'name': '.tox',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.tox',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'tox recreates its environments',
  'why': 'tox test environments'},
 {'name': '.nox',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.nox',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': "nox recreates its sessions' environments (nox -r reuses them)",
  'why': 'nox session environments'},
 {'name': '.ipynb_checkpoints',
  'ecosystem': 'jupyter',
  'type': 'dir',
  'names': ('.ipynb_checkpoints',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'Jupyter writes a new checkpoint on save',
  'why': 'Jupyter notebook checkpoints'},
 {'name': 'htmlcov',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('htmlcov',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'coverage html',
  'why': 'coverage.py HTML report'},
 {'name': 'pytestdebug-log',
  'ecosystem': 'python',
  'type': 'file',
  'names': ('pytestdebug.log',),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'pytest --debug',
  'why': "pytest's debug log",
  'header': ('versions pytest-',)},
 {'name': '.coverage',
  'ecosystem': 'python',
  'type': 'file',
  'names': (),
  'globs': ('.coverage', '.coverage.*'),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'coverage run',
  'why': 'coverage.py data file'},
 {'name': 'coverage-report',
  'ecosystem': 'python',
  'type': 'file',
  'names': ('coverage.xml', 'coverage.json', 'coverage.lcov'),
  'globs': (),
  'tier': 'marker',
  'markers': ('pyproject.toml', 'setup.py', 'setup.cfg', 'tox.ini', '.coveragerc'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'coverage xml / coverage json / coverage lcov',
  'why': 'coverage.py report file'},
 {'name': 'python-build',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pyproject.toml', 'setup.py', 'setup.cfg'),
  'inside': (),
  'signature': ('lib', 'lib.*', 'bdist.*', 'temp.*', 'scripts-*', '__editable__.*'),
  'safe': True,
  'regenerate': 'python -m build',
  'why': 'setuptools build tree',
  'only': ('lib',
           'lib.*',
           'bdist.*',
           'temp.*',
           'scripts-*',
           'src.*',
           '__editable__.*',
           '.DS_Store')},
 {'name': 'python-dist',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pyproject.toml', 'setup.py', 'setup.cfg'),
  'inside': (),
  'signature': ('*.whl', '*.tar.gz', '*.zip', '*.egg'),
  'safe': True,
  'regenerate': 'python -m build',
  'why': 'built sdists and wheels'},
 {'name': 'pyinstaller-build',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.spec',),
  'inside': (),
  'signature': ('*/warn-*.txt',
                '*/xref-*.html',
                '*/Analysis-00.toc',
                '*/PKG-00.toc',
                '*/base_library.zip'),
  'safe': True,
  'regenerate': 'pyinstaller NAME.spec',
  'why': "PyInstaller's work folder"},
 {'name': 'pyinstaller-dist',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.spec',),
  'inside': (),
  'signature': ('*/_internal',),
  'safe': True,
  'regenerate': 'pyinstaller NAME.spec',
  'why': "PyInstaller's bundled program (one-folder build)"},
 {'name': 'pyinstaller-onefile',
  'ecosystem': 'python',
  'type': 'file',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'pyinstaller NAME.spec',
  'why': 'program PyInstaller bundled into one file (dist/NAME, NAME.spec above it)',
  'built_from': ('dist:../NAME.spec',)},
 {'name': 'sphinx-build',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('_build', 'build'),
  'globs': (),
  'tier': 'marker',
  'markers': ('conf.py', 'source/conf.py', '_toc.yml'),
  'inside': (),
  'signature': ('doctrees', '.doctrees', '.buildinfo', '*/.buildinfo'),
  'safe': True,
  'regenerate': 'make html (or sphinx-build)',
  'why': 'Sphinx documentation build'},
 {'name': 'myst-build',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('_build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('myst.yml',),
  'inside': (),
  'signature': ('site/content',
                'site/public',
                'site/config.json',
                'html/index.html',
                'templates/site'),
  'safe': True,
  'regenerate': 'jupyter-book build (or myst build)',
  'why': 'Jupyter Book 2 / MyST build folder',
  'only': ('site', 'html', 'templates', 'cache', 'exports', 'temp', 'execute', 'logs')},
 {'name': 'mkdocs-site',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('site',),
  'globs': (),
  'tier': 'marker',
  'markers': ('mkdocs.yml', 'mkdocs.yaml'),
  'inside': (),
  'signature': ('sitemap.xml.gz', 'search/search_index.json'),
  'safe': True,
  'regenerate': 'mkdocs build',
  'why': 'MkDocs site build'},
 {'name': 'cython-c',
  'ecosystem': 'python',
  'type': 'file',
  'names': (),
  'globs': ('*.c', '*.cpp'),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'cythonize (python setup.py build_ext --inplace / pip install -e .)',
  'why': 'C source Cython generated from the .pyx beside it',
  'sources': ('*.pyx',)},
 {'name': 'python-ext-inplace',
  'ecosystem': 'python',
  'type': 'file',
  'names': (),
  'globs': ('*.cpython-*.so', '*.abi3.so'),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'python setup.py build_ext --inplace (or pip install -e .); the package does not '
                'import until then',
  'why': 'Python extension module built in place beside its source',
  'sources': ('*.pyx', '*.c', '*.cpp', '*.py')},
 {'name': 'egg-info',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': ('*.egg-info',),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'pip install -e . / python -m build',
  'why': 'setuptools metadata'},
 {'name': 'setuptools-eggs',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.eggs',),
  'globs': (),
  'tier': 'marker',
  'markers': ('setup.py', 'setup.cfg', 'pyproject.toml'),
  'inside': (),
  'signature': ('README.txt', '*.egg'),
  'safe': True,
  'regenerate': 'setuptools fetches them again on the next setup.py run',
  'why': 'eggs setuptools downloaded for setup_requires'},
 {'name': 'pdm-build',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('.pdm-build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pyproject.toml',),
  'inside': (),
  'signature': ('.gitignore',),
  'safe': True,
  'regenerate': 'the next pdm build / pip install -e .',
  'why': "pdm-backend's build folder"},
 {'name': 'pip-cache-in-project',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('pip',),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('wheels', 'http', 'http-v2'),
  'signature': ('wheels/[0-9a-f][0-9a-f]',),
  'safe': True,
  'regenerate': 'pip downloads and builds the wheels again when it needs them',
  'why': "pip's cache inside the project (PIP_CACHE_DIR=.cache/pip, a CI cache)",
  'only': ('wheels', 'http', 'http-v2', 'selfcheck', 'selfcheck.json')},
 {'name': 'pdm-python',
  'ecosystem': 'python',
  'type': 'file',
  'names': ('.pdm-python',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pyproject.toml',),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'pdm use (pdm picks an interpreter again: the one you chose may not be it)',
  'why': "pdm's choice of interpreter for this project (a path on this machine)"},
 {'name': '__pypackages__',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('__pypackages__',),
  'globs': (),
  'tier': 'opt-in',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'pdm install',
  'why': 'PEP 582 local packages'},
 {'name': 'venv',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'opt-in',
  'markers': (),
  'inside': ('pyvenv.cfg',),
  'signature': (),
  'safe': False,
  'regenerate': "python -m venv + reinstall the project's dependencies",
  'why': 'Python virtual environment (a folder with a pyvenv.cfg)'},
 {'name': 'django-staticfiles',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('staticfiles.json',),
  'signature': (),
  'safe': True,
  'regenerate': 'python manage.py collectstatic',
  'why': "Django's collected static files (STATIC_ROOT, with its staticfiles.json manifest)",
  'header': ('{"paths": {',),
  'listed_by': 'staticfiles.json:paths'},
 {'name': 'conda-env',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'opt-in',
  'markers': (),
  'inside': ('conda-meta',),
  'signature': (),
  'safe': False,
  'regenerate': 'conda env create',
  'why': 'conda environment'},
 {'name': 'node_modules',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('node_modules',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'npm ci / pnpm install / yarn install',
  'why': 'installed npm dependencies (restored from package.json and the lockfile)'},
 {'name': 'yarn-unplugged',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('unplugged',),
  'globs': (),
  'tier': 'marker',
  'markers': ('install-state.gz', 'build-state.yml', 'releases', 'cache'),
  'inside': (),
  'signature': ('*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]',),
  'safe': True,
  'regenerate': 'yarn install',
  'why': "Yarn Berry's unplugged packages (.yarn/unplugged/<name>-<10-hex hash>, extracted from "
         'the cache)',
  'only': ('*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]',)},
 {'name': 'yarn-install-state',
  'ecosystem': 'node',
  'type': 'file',
  'names': (),
  'globs': ('install-state.gz',),
  'tier': 'marker',
  'markers': ('unplugged', 'cache', 'releases', 'plugins', 'sdks'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'yarn install',
  'why': "Yarn Berry's install state (.yarn/install-state.gz)"},
 {'name': 'bower_components',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('bower_components',),
  'globs': (),
  'tier': 'marker',
  'markers': ('bower.json',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'bower install',
  'why': 'installed Bower dependencies'},
 {'name': '.next',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.next',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'next build / next dev',
  'why': 'Next.js build output and cache'},
 {'name': '.nuxt',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.nuxt',),
  'globs': (),
  'tier': 'marker',
  'markers': ('package.json', 'nuxt.config.*'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'nuxt build',
  'why': 'Nuxt build output'},
 {'name': 'nitro-output',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.output',),
  'globs': (),
  'tier': 'marker',
  'markers': ('package.json', 'nuxt.config.*', 'nitro.config.*'),
  'inside': (),
  'signature': ('nitro.json',),
  'safe': True,
  'regenerate': 'nuxt build / nitro build',
  'why': "Nitro's (Nuxt's) server build output"},
 {'name': 'nitro-build',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.nitro',),
  'globs': (),
  'tier': 'marker',
  'markers': ('package.json', 'nuxt.config.*', 'nitro.config.*'),
  'inside': (),
  'signature': ('types', 'dev'),
  'safe': True,
  'regenerate': 'nitro build / nitro dev',
  'why': "Nitro's build folder (generated types, dev builds)"},
 {'name': 'playwright-report',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('playwright-report', 'blob-report'),
  'globs': (),
  'tier': 'marker',
  'markers': ('playwright.config.*', 'playwright-ct.config.*'),
  'inside': (),
  'signature': ('index.html', 'report*.zip'),
  'safe': True,
  'regenerate': 'npx playwright test',
  'why': "Playwright's test report"},
 {'name': 'playwright-test-results',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('test-results',),
  'globs': (),
  'tier': 'marker',
  'markers': ('playwright.config.*', 'playwright-ct.config.*'),
  'inside': (),
  'signature': ('.last-run.json',),
  'safe': True,
  'regenerate': 'npx playwright test',
  'why': "Playwright's test output (traces, screenshots, the last run's failures)"},
 {'name': 'vitepress-cache',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('cache',),
  'globs': (),
  'tier': 'marker',
  'markers': ('config.mts', 'config.ts', 'config.mjs', 'config.js'),
  'inside': (),
  'signature': ('deps/_metadata.json',),
  'safe': True,
  'regenerate': 'vitepress dev',
  'why': "VitePress's dependency cache",
  'only': ('deps', 'deps_temp_*'),
  'parent': ('.vitepress',)},
 {'name': 'vitepress-dist',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('config.mts', 'config.ts', 'config.mjs', 'config.js'),
  'inside': (),
  'signature': ('hashmap.json',),
  'safe': True,
  'regenerate': 'vitepress build',
  'why': "VitePress's built site",
  'parent': ('.vitepress',)},
 {'name': 'vuepress-dist',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('config.mts', 'config.ts', 'config.mjs', 'config.js'),
  'inside': (),
  'signature': ('assets/app-*.js',),
  'safe': True,
  'regenerate': 'vuepress build',
  'why': "VuePress's built site",
  'parent': ('.vuepress',)},
 {'name': 'vuepress-temp',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.temp',),
  'globs': (),
  'tier': 'marker',
  'markers': ('config.mts', 'config.ts', 'config.mjs', 'config.js'),
  'inside': (),
  'signature': ('internal/siteData.js', 'internal/routes.js'),
  'safe': True,
  'regenerate': 'vuepress build / vuepress dev',
  'why': "VuePress's generated client files",
  'parent': ('.vuepress',)},
 {'name': 'expo-dist',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('app.json', 'app.config.js', 'app.config.ts'),
  'inside': (),
  'signature': ('_expo',),
  'safe': True,
  'regenerate': 'npx expo export',
  'why': "Expo's exported app (expo export)"},
 {'name': '.svelte-kit',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.svelte-kit',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'vite build / svelte-kit sync',
  'why': 'SvelteKit generated files'},
 {'name': '.angular',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.angular',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'ng build',
  'why': 'Angular CLI cache'},
 {'name': '.turbo',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.turbo',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'turbo run',
  'why': 'Turborepo cache'},
 {'name': '.parcel-cache',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.parcel-cache',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'parcel build',
  'why': 'Parcel cache'},
 {'name': '.vite',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.vite',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'vite (pre-bundling runs again)',
  'why': 'Vite dependency pre-bundling cache'},
 {'name': '.nx',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.nx',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'nx recreates it on its next run',
  'why': "Nx's task cache and workspace data",
  'only': ('cache', 'workspace-data', 'installation')},
 {'name': 'nx-wrapper-data',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('cache', 'workspace-data', 'installation'),
  'globs': (),
  'tier': 'marker',
  'markers': ('nxw.js',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': "./nx (the wrapper installs Nx again) / nx's next run",
  'why': "Nx's cache, workspace data and wrapper installation beside the committed wrapper "
         '.nx/nxw.js'},
 {'name': 'gatsby-cache',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.cache',),
  'globs': (),
  'tier': 'marker',
  'markers': ('gatsby-config.js',
              'gatsby-config.ts',
              'gatsby-config.mjs',
              'gatsby-node.js',
              'gatsby-node.ts'),
  'inside': (),
  'signature': ('api-runner-browser.js', 'api-runner-ssr.js', 'babelState.json', 'caches-lmdb'),
  'safe': True,
  'regenerate': 'gatsby build / gatsby develop (gatsby clean removes it)',
  'why': "Gatsby's build cache"},
 {'name': 'gatsby-public',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('public',),
  'globs': (),
  'tier': 'marker',
  'markers': ('gatsby-config.js',
              'gatsby-config.ts',
              'gatsby-config.mjs',
              'gatsby-node.js',
              'gatsby-node.ts'),
  'inside': (),
  'signature': ('page-data', 'chunk-map.json', 'webpack.stats.json'),
  'safe': True,
  'regenerate': 'gatsby build (gatsby clean removes it; the sources are in static/ and src/)',
  'why': "Gatsby's built site"},
 {'name': 'js-tool-caches',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.swc',
            '.esbuild',
            '.rpt2_cache',
            '.rollup.cache',
            '.jest',
            '.docusaurus',
            'gatsby_cache',
            '.expo',
            '.metro',
            '.vercel',
            '.netlify',
            '.serverless',
            '.sass-cache'),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'the tool recreates it on its next run',
  'why': 'JavaScript tool cache'},
 {'name': '.eslintcache',
  'ecosystem': 'node',
  'type': 'file',
  'names': (),
  'globs': ('.eslintcache', '.stylelintcache'),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'eslint --cache / stylelint --cache',
  'why': 'lint cache file'},
 {'name': 'tsbuildinfo',
  'ecosystem': 'node',
  'type': 'file',
  'names': (),
  'globs': ('*.tsbuildinfo',),
  'tier': 'marker',
  'markers': ('tsconfig.json', 'tsconfig.*.json', 'jsconfig.json'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'tsc -b / tsc --incremental (the next build is a full one)',
  'why': "TypeScript's incremental build state (it goes with its outDir: kept without it, tsc -b "
         'calls the project up to date and writes nothing)'},
 {'name': 'tsbuildinfo-set',
  'ecosystem': 'node',
  'type': 'file',
  'names': ('tsbuildinfo',
            '.tsbuildinfo',
            'tsbuildinfo.json',
            '.tsbuildinfo.json',
            'buildinfo.json'),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'tsc -b / tsc --incremental (the next build is a full one)',
  'why': "TypeScript's incremental build state at the path tsBuildInfoFile sets (it goes with its "
         'outDir: kept without it, tsc calls the project up to date and writes nothing)',
  'header': ('{"fileNames":["', '{"program":{"fileNames":["')},
 {'name': 'js-coverage',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('coverage', '.nyc_output'),
  'globs': (),
  'tier': 'marker',
  'markers': ('package.json', 'deno.json', 'deno.jsonc'),
  'inside': (),
  'signature': ('lcov.info',
                'lcov-report',
                'coverage-final.json',
                'coverage-summary.json',
                'clover.xml',
                'cobertura-coverage.xml',
                'index.html',
                'tmp',
                'processinfo',
                '????????-????-????-????-????????????.json'),
  'safe': True,
  'regenerate': 'the test runner with coverage (jest --coverage / nyc / c8)',
  'why': 'JavaScript coverage output'},
 {'name': 'storybook-static',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('storybook-static',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'build-storybook',
  'why': 'static Storybook build'},
 {'name': '.react-router',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.react-router',),
  'globs': (),
  'tier': 'marker',
  'markers': ('react-router.config.*', 'vite.config.*', 'package.json'),
  'inside': (),
  'signature': ('types',),
  'safe': True,
  'regenerate': 'react-router typegen (also run by react-router dev / build)',
  'why': "React Router's generated route types",
  'only': ('types',)},
 {'name': '.astro',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('.astro',),
  'globs': (),
  'tier': 'marker',
  'markers': ('astro.config.*', 'package.json'),
  'inside': (),
  'signature': ('types.d.ts',
                'content.d.ts',
                'data-store.json',
                'content-modules.mjs',
                'content-assets.mjs'),
  'safe': True,
  'regenerate': 'astro sync / astro build / astro dev',
  'why': "Astro's generated types and content data store"},
 {'name': 'js-dist',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('dist', 'out', 'build'),
  'globs': (),
  'tier': 'marker',
  'markers': ('vite.config.*',
              'webpack.config.*',
              'rollup.config.*',
              'next.config.*',
              'tsconfig.json',
              'angular.json',
              'astro.config.*',
              'rspack.config.*',
              'rsbuild.config.*'),
  'inside': (),
  'signature': ('index.html',
                'assets',
                'static',
                '_next',
                '_astro',
                'asset-manifest.json',
                '*.map',
                '*.d.ts',
                '*.d.mts',
                '*.d.cts',
                '*.tsbuildinfo',
                '*.LICENSE.txt',
                '*.bundle.js',
                '*.chunk.js',
                '*.min.js',
                '*.umd.js',
                '*.umd.cjs',
                '3rdpartylicenses.txt'),
  'safe': True,
  'regenerate': "the project's build script (npm run build)",
  'why': 'JavaScript build output',
  'declared': ('tsconfig.json:compilerOptions.outDir',
               'package.json:scripts',
               'turbo.json:outputs',
               'nx.json:targetDefaults',
               'deno.json:tasks',
               'deno.jsonc:tasks'),
  'with_kinds': ('tsbuildinfo', 'tsbuildinfo-set')},
 {'name': 'angular-dist',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('angular.json',),
  'inside': (),
  'signature': ('*/3rdpartylicenses.txt', '*/prerendered-routes.json', '*/browser'),
  'safe': True,
  'regenerate': 'ng build',
  'why': 'Angular CLI build output (dist/<project>/)'},
 {'name': 'parcel-dist',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('package.json', '.parcelrc'),
  'inside': (),
  'signature': ('*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].js',
                '*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].css'),
  'safe': True,
  'regenerate': 'parcel build',
  'why': "Parcel's build output (hashed bundles in dist/)"},
 {'name': 'vite-dist',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('package.json',),
  'inside': (),
  'signature': ('assets/index-????????.js',
                'assets/index-????????.css',
                'assets/index.????????.js'),
  'safe': True,
  'regenerate': 'vite build (npm run build)',
  'why': 'Vite build output (hashed bundles in dist/assets/)'},
 {'name': 'react-router-build',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('react-router.config.*', 'vite.config.*', 'remix.config.*'),
  'inside': (),
  'signature': ('server/index.js', 'server/index.mjs', 'client/assets'),
  'safe': True,
  'regenerate': 'react-router build / remix vite:build (npm run build)',
  'why': 'React Router (framework mode) / Remix build output: build/client and build/server',
  'only': ('client', 'server', '.vite')},
 {'name': 'docusaurus-build',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('docusaurus.config.js',
              'docusaurus.config.ts',
              'docusaurus.config.mjs',
              'docusaurus.config.mts',
              'docusaurus.config.cjs'),
  'inside': (),
  'signature': ('assets/js',),
  'safe': True,
  'regenerate': 'docusaurus build (npm run build)',
  'why': 'Docusaurus static site build'},
 {'name': 'cargo-target',
  'ecosystem': 'rust',
  'type': 'dir',
  'names': ('target',),
  'globs': (),
  'tier': 'marker',
  'markers': ('Cargo.toml',),
  'inside': (),
  'signature': ('CACHEDIR.TAG',
                '.rustc_info.json',
                'debug',
                'release',
                '*-unknown-*/debug',
                '*-unknown-*/release',
                '*-apple-*/debug',
                '*-apple-*/release',
                '*-pc-windows-*/debug',
                '*-pc-windows-*/release',
                '*-linux-android*/debug',
                '*-linux-android*/release'),
  'safe': True,
  'regenerate': 'cargo build',
  'why': 'Cargo build directory'},
 {'name': 'cargo-target-dir',
  'ecosystem': 'rust',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('.rustc_info.json',),
  'signature': ('CACHEDIR.TAG',),
  'safe': True,
  'regenerate': 'cargo build',
  'why': 'Cargo build directory (its target-dir or CARGO_TARGET_DIR: .rustc_info.json inside)'},
 {'name': '.xwin-cache',
  'ecosystem': 'rust',
  'type': 'dir',
  'names': ('.xwin-cache',),
  'globs': (),
  'tier': 'marker',
  'markers': ('Cargo.toml',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'cargo xwin',
  'why': 'cargo-xwin SDK cache'},
 {'name': 'maven-target',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('target',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pom.xml', 'build.sbt'),
  'inside': (),
  'signature': ('classes',
                'test-classes',
                'maven-status',
                'maven-archiver',
                'generated-sources',
                'generated-test-sources',
                'surefire-reports',
                '*.jar',
                '*.war',
                '*.ear',
                'scala-*',
                'streams',
                'global-logging',
                'task-temp-directory'),
  'safe': True,
  'regenerate': 'mvn package / sbt compile',
  'why': 'Maven / sbt build directory'},
 {'name': 'java-class',
  'ecosystem': 'jvm',
  'type': 'file',
  'names': (),
  'globs': ('*.class',),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'javac',
  'why': 'class file compiled from the .java beside it',
  'sources': ('*.java',)},
 {'name': 'java-classes-out',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('out', 'bin', 'build', 'classes'),
  'globs': (),
  'tier': 'marker',
  'markers': ('src', '*.java', '.classpath', '.project', '*.iml', '.idea', 'build.xml'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': "javac -d <dir> (or the IDE's or Ant's build)",
  'why': 'compiled Java classes (only .class files below)',
  'every_file': ('*.class',)},
 {'name': 'intellij-out',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('out',),
  'globs': (),
  'tier': 'marker',
  'markers': ('.idea', '*.iml'),
  'inside': (),
  'signature': ('production', 'test'),
  'safe': True,
  'regenerate': 'Build > Build Project in IntelliJ IDEA',
  'why': "IntelliJ IDEA's build output",
  'only': ('production', 'test', 'artifacts')},
 {'name': 'ant-dist',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('dist',),
  'globs': (),
  'tier': 'marker',
  'markers': ('build.xml',),
  'inside': (),
  'signature': ('*.jar', '*.war', '*.ear'),
  'safe': True,
  'regenerate': 'ant (its jar/dist target)',
  'why': "Ant's built archives",
  'only': ('*.jar', '*.war', '*.ear')},
 {'name': 'gradle-build',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'),
  'inside': (),
  'signature': ('tmp',
                'classes',
                'intermediates',
                'generated',
                'kotlin',
                'libs',
                'reports',
                'test-results',
                'resources',
                'outputs',
                'distributions',
                'scripts',
                'kotlin-dsl',
                'jacoco'),
  'safe': True,
  'regenerate': 'gradle build',
  'why': 'Gradle build directory'},
 {'name': '.gradle',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('.gradle',),
  'globs': (),
  'tier': 'marker',
  'markers': ('build.gradle',
              'build.gradle.kts',
              'settings.gradle',
              'settings.gradle.kts',
              'gradlew'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'gradle (any task)',
  'why': 'project-local Gradle cache'},
 {'name': '.kotlin',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('.kotlin',),
  'globs': (),
  'tier': 'marker',
  'markers': ('build.gradle.kts',
              'settings.gradle.kts',
              'build.gradle',
              'settings.gradle',
              'gradlew'),
  'inside': (),
  'signature': ('sessions', 'errors', 'metadata'),
  'safe': True,
  'regenerate': 'gradle (any build with the Kotlin plugin)',
  'why': "the Kotlin Gradle plugin's project state",
  'only': ('sessions', 'errors', 'metadata')},
 {'name': 'scala-tooling',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': ('.bloop', '.metals', '.bsp'),
  'globs': (),
  'tier': 'marker',
  'markers': ('build.sbt', 'build.sc'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'the IDE / build server re-imports',
  'why': 'Scala build server state'},
 {'name': 'dotnet-bin-obj',
  'ecosystem': 'dotnet',
  'type': 'dir',
  'names': ('bin', 'obj'),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.csproj', '*.fsproj', '*.vbproj'),
  'inside': (),
  'signature': ('Debug',
                'Release',
                'x64',
                'x86',
                'ARM64',
                'arm64',
                'project.assets.json',
                'project.nuget.cache',
                '*.nuget.g.props',
                '*.nuget.g.targets',
                '*.nuget.dgspec.json'),
  'safe': True,
  'regenerate': 'dotnet build',
  'why': '.NET build output'},
 {'name': 'msvc-platform-output',
  'ecosystem': 'dotnet',
  'type': 'dir',
  'names': ('x64', 'ARM64', 'Win32'),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.sln', '*.slnx', '*.vcxproj'),
  'inside': (),
  'signature': ('Debug/*.pdb',
                'Release/*.pdb',
                'Debug/*.tlog',
                'Release/*.tlog',
                'Debug/*.obj',
                'Release/*.obj'),
  'safe': True,
  'regenerate': 'Build > Build Solution (msbuild)',
  'why': "MSBuild's C++ output and intermediates (x64/Debug)",
  'only': ('Debug', 'Release')},
 {'name': 'msvc-configuration-output',
  'ecosystem': 'dotnet',
  'type': 'dir',
  'names': ('Debug', 'Release'),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.sln', '*.slnx', '*.vcxproj'),
  'inside': (),
  'signature': ('*.tlog',
                '*.pdb',
                '*.obj',
                '*.ilk',
                '*.idb',
                '*.iobj',
                '*.ipdb',
                '*.lastbuildstate'),
  'safe': True,
  'regenerate': 'Build > Build Solution (msbuild)',
  'why': "MSBuild's C++ output and intermediates (Debug, Release)"},
 {'name': 'dotnet-test-results',
  'ecosystem': 'dotnet',
  'type': 'dir',
  'names': ('TestResults',),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.csproj', '*.fsproj', '*.vbproj', '*.sln', '*.slnx'),
  'inside': (),
  'signature': ('*.trx', '*/coverage.cobertura.xml', '*/coverage.opencover.xml'),
  'safe': True,
  'regenerate': 'dotnet test',
  'why': "dotnet test's results (.trx, coverage reports)"},
 {'name': 'visual-studio-state',
  'ecosystem': 'dotnet',
  'type': 'dir',
  'names': ('.vs',),
  'globs': (),
  'tier': 'never',
  'markers': ('*.sln',
              '*.slnx',
              'CMakeLists.txt',
              'CMakePresets.json',
              'CMakeSettings.json',
              '*.csproj',
              '*.vcxproj'),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'Visual Studio writes it again on open (breakpoints and open documents are lost)',
  'why': "Visual Studio's per-user state (.vs)"},
 {'name': 'swift-build',
  'ecosystem': 'swift',
  'type': 'dir',
  'names': ('.build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('Package.swift',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'swift build',
  'why': 'Swift Package Manager build directory'},
 {'name': 'swiftpm-state',
  'ecosystem': 'swift',
  'type': 'dir',
  'names': ('.swiftpm',),
  'globs': (),
  'tier': 'never',
  'markers': ('Package.swift',),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'Xcode writes its workspace again; mirrors and registries set with `swift package '
                'config` are lost',
  'why': "SwiftPM's per-package configuration (mirrors, registries) and Xcode's workspace"},
 {'name': 'xcode-deriveddata',
  'ecosystem': 'swift',
  'type': 'dir',
  'names': ('DerivedData',),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.xcodeproj', '*.xcworkspace', 'Podfile'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'xcodebuild',
  'why': 'Xcode derived data'},
 {'name': 'cocoapods',
  'ecosystem': 'swift',
  'type': 'dir',
  'names': ('Pods',),
  'globs': (),
  'tier': 'marker',
  'markers': ('Podfile',),
  'inside': (),
  'signature': ('Manifest.lock',
                'Pods.xcodeproj',
                'Target Support Files',
                'Headers',
                'Local Podspecs'),
  'safe': True,
  'regenerate': 'pod install',
  'why': 'installed CocoaPods'},
 {'name': 'go-program',
  'ecosystem': 'go',
  'type': 'file',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'go build',
  'why': 'program go build wrote (named after its module or a package of it)',
  'built_from': ('go.mod:module', 'folder:*.go', 'go.mod:cmd', 'go.mod:bin')},
 {'name': 'go-coverage',
  'ecosystem': 'go',
  'type': 'file',
  'names': ('coverage.out', 'cover.out', 'c.out', 'coverage.txt', 'profile.out'),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'go test -coverprofile=... ./...',
  'why': 'Go coverage profile (go test -coverprofile)',
  'header': ('mode: set\n', 'mode: count\n', 'mode: atomic\n')},
 {'name': 'zig-cache',
  'ecosystem': 'zig',
  'type': 'dir',
  'names': ('zig-cache', '.zig-cache', 'zig-out'),
  'globs': (),
  'tier': 'marker',
  'markers': ('build.zig',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'zig build',
  'why': 'Zig build cache and output'},
 {'name': 'elixir-build',
  'ecosystem': 'elixir',
  'type': 'dir',
  'names': ('_build', '.elixir_ls', '.elixir-tools', '.lexical'),
  'globs': (),
  'tier': 'marker',
  'markers': ('mix.exs',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'mix compile',
  'why': 'Elixir build output'},
 {'name': 'dune-build',
  'ecosystem': 'ocaml',
  'type': 'dir',
  'names': ('_build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('dune-project',),
  'inside': (),
  'signature': ('.db', '.digest-db', '.filesystem-clock', 'default/.dune'),
  'safe': True,
  'regenerate': 'dune build',
  'why': "dune's build folder (OCaml)"},
 {'name': 'elixir-deps',
  'ecosystem': 'elixir',
  'type': 'dir',
  'names': ('deps',),
  'globs': (),
  'tier': 'marker',
  'markers': ('mix.exs', 'mix.lock'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'mix deps.get',
  'why': 'fetched Mix dependencies'},
 {'name': 'stack-work',
  'ecosystem': 'haskell',
  'type': 'dir',
  'names': ('.stack-work',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'stack build',
  'why': 'Haskell Stack build directory'},
 {'name': 'dist-newstyle',
  'ecosystem': 'haskell',
  'type': 'dir',
  'names': ('dist-newstyle',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'cabal build',
  'why': 'Cabal build directory'},
 {'name': 'dart-tool',
  'ecosystem': 'dart',
  'type': 'dir',
  'names': ('.dart_tool',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pubspec.yaml',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'dart pub get',
  'why': 'Dart tool state'},
 {'name': 'flutter-build',
  'ecosystem': 'dart',
  'type': 'dir',
  'names': ('build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pubspec.yaml',),
  'inside': (),
  'signature': ('.last_build_id',
                'flutter_assets',
                'native_assets',
                'unit_test_assets',
                'test_cache',
                '*.dill',
                'app',
                'ios',
                'macos',
                'linux',
                'windows',
                'web'),
  'safe': True,
  'regenerate': 'flutter build',
  'why': 'Flutter build output'},
 {'name': 'godot',
  'ecosystem': 'godot',
  'type': 'dir',
  'names': ('.godot', '.import'),
  'globs': (),
  'tier': 'marker',
  'markers': ('project.godot',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'the Godot editor re-imports',
  'why': 'Godot import cache'},
 {'name': 'terraform',
  'ecosystem': 'terraform',
  'type': 'dir',
  'names': ('.terraform',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'terraform init',
  'why': 'Terraform providers and modules'},
 {'name': 'php-vendor',
  'ecosystem': 'php',
  'type': 'dir',
  'names': ('vendor',),
  'globs': (),
  'tier': 'marker',
  'markers': ('composer.json',),
  'inside': (),
  'signature': ('autoload.php', 'composer'),
  'safe': True,
  'regenerate': 'composer install',
  'why': 'Composer dependencies'},
 {'name': 'ruby-vendor-bundle',
  'ecosystem': 'ruby',
  'type': 'dir',
  'names': ('bundle',),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('ruby', 'jruby', 'truffleruby'),
  'signature': ('ruby/[0-9]*.[0-9]*.[0-9]*',
                'jruby/[0-9]*.[0-9]*.[0-9]*',
                'truffleruby/[0-9]*.[0-9]*.[0-9]*'),
  'safe': True,
  'regenerate': 'bundle install',
  'why': 'gems Bundler installed into the project (vendor/bundle)',
  'only': ('ruby', 'jruby', 'truffleruby')},
 {'name': 'jekyll-cache',
  'ecosystem': 'ruby',
  'type': 'dir',
  'names': ('.jekyll-cache',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'jekyll build',
  'why': "Jekyll's build cache"},
 {'name': 'jekyll-site',
  'ecosystem': 'ruby',
  'type': 'dir',
  'names': ('_site',),
  'globs': (),
  'tier': 'marker',
  'markers': ('.jekyll-cache', '.jekyll-metadata'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'jekyll build',
  'why': "Jekyll's built site"},
 {'name': 'eleventy-site',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('_site',),
  'globs': (),
  'tier': 'marker',
  'markers': ('eleventy.config.*', '.eleventy.js', '.eleventy.cjs'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'npx @11ty/eleventy',
  'why': "Eleventy's built site",
  'declared': ('package.json:scripts',)},
 {'name': 'pelican-output',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('output',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pelicanconf.py',),
  'inside': (),
  'signature': ('archives.html', 'categories.html', 'tags.html', 'authors.html'),
  'safe': True,
  'regenerate': 'pelican content (make html)',
  'why': "Pelican's built site"},
 {'name': 'hexo-public',
  'ecosystem': 'node',
  'type': 'dir',
  'names': ('public',),
  'globs': (),
  'tier': 'marker',
  'markers': ('scaffolds/post.md', 'scaffolds/draft.md', 'scaffolds/page.md'),
  'inside': (),
  'signature': ('archives',),
  'safe': True,
  'regenerate': 'hexo generate',
  'why': "Hexo's generated site"},
 {'name': 'hexo-db',
  'ecosystem': 'node',
  'type': 'file',
  'names': ('db.json',),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'hexo generate',
  'why': "Hexo's cache database (warehouse)",
  'header': ('{"meta":{"version":1,"warehouse":"', '{"meta":{"version":2,"warehouse":"')},
 {'name': 'hugo-public',
  'ecosystem': 'hugo',
  'type': 'dir',
  'names': ('public',),
  'globs': (),
  'tier': 'marker',
  'markers': ('.hugo_build.lock', 'hugo.toml', 'hugo.yaml', 'hugo.json'),
  'inside': (),
  'signature': ('sitemap.xml', 'index.xml'),
  'safe': True,
  'regenerate': 'hugo',
  'why': "Hugo's built site"},
 {'name': 'hugo-resources',
  'ecosystem': 'hugo',
  'type': 'dir',
  'names': ('resources',),
  'globs': (),
  'tier': 'marker',
  'markers': ('.hugo_build.lock', 'hugo.toml', 'hugo.yaml', 'hugo.json'),
  'inside': (),
  'signature': ('_gen/images', '_gen/assets'),
  'safe': True,
  'regenerate': 'hugo (processes the images and assets again)',
  'why': "Hugo's processed images and assets (resources/_gen)",
  'only': ('_gen',)},
 {'name': 'hugo-build-lock',
  'ecosystem': 'hugo',
  'type': 'file',
  'names': ('.hugo_build.lock',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'hugo',
  'why': "Hugo's build lock file"},
 {'name': 'ruby-bundle',
  'ecosystem': 'ruby',
  'type': 'dir',
  'names': ('.bundle',),
  'globs': (),
  'tier': 'marker',
  'markers': ('Gemfile',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'bundle install',
  'why': 'Bundler state'},
 {'name': 'cmake-build',
  'ecosystem': 'cmake',
  'type': 'dir',
  'names': ('build',
            'out',
            'cmake-build-debug',
            'cmake-build-release',
            'cmake-build-relwithdebinfo',
            'cmake-build-minsizerel'),
  'globs': (),
  'tier': 'marker',
  'markers': ('CMakeLists.txt',),
  'inside': (),
  'signature': ('CMakeCache.txt', 'CMakeFiles'),
  'safe': True,
  'regenerate': 'cmake -B build && cmake --build build',
  'why': 'CMake build tree',
  'absent': ('CMakeLists.txt',)},
 {'name': 'skbuild-build',
  'ecosystem': 'python',
  'type': 'dir',
  'names': ('build',),
  'globs': (),
  'tier': 'marker',
  'markers': ('pyproject.toml',),
  'inside': (),
  'signature': ('*/CMakeCache.txt',),
  'safe': True,
  'regenerate': 'pip install . (or python -m build): scikit-build-core configures it again',
  'why': "scikit-build-core's build folder (one CMake tree per wheel tag)",
  'only': ('cp3*-*-*', 'pp3*-*-*', 'py3*-*-*')},
 {'name': 'cmake-tree',
  'ecosystem': 'cmake',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('CMakeCache.txt',),
  'signature': ('CMakeFiles',),
  'safe': True,
  'regenerate': 'cmake -B <dir> && cmake --build <dir>',
  'why': 'CMake build tree (CMakeCache.txt inside)',
  'absent': ('CMakeLists.txt',)},
 {'name': 'cmake-presets-out',
  'ecosystem': 'cmake',
  'type': 'dir',
  'names': ('out',),
  'globs': (),
  'tier': 'marker',
  'markers': ('CMakePresets.json', 'CMakeUserPresets.json', 'CMakeSettings.json'),
  'inside': (),
  'signature': ('build/*',),
  'safe': True,
  'regenerate': 'cmake --preset <name>, cmake --build and cmake --install (Visual Studio: Build '
                'All, Install)',
  'why': "CMake presets' build and install trees (out/build, out/install)",
  'only': ('build', 'install')},
 {'name': 'cmake-files',
  'ecosystem': 'cmake',
  'type': 'dir',
  'names': ('CMakeFiles',),
  'globs': (),
  'tier': 'marker',
  'markers': ('CMakeCache.txt', 'cmake_install.cmake', 'CMakeLists.txt'),
  'inside': (),
  'signature': ('*.dir',
                'progress.marks',
                'CMakeDirectoryInformation.cmake',
                'cmake.check_cache',
                'CMakeOutput.log',
                'CMakeConfigureLog.yaml',
                'rules.ninja',
                'TargetDirectories.txt'),
  'safe': True,
  'regenerate': 'cmake . in the source folder (CMakeCache.txt keeps the options given)',
  'why': "CMake's files of an in-source build (CMakeFiles)",
  'with_kinds': ('cmake-generated',)},
 {'name': 'ctest-testing',
  'ecosystem': 'cmake',
  'type': 'dir',
  'names': ('Testing',),
  'globs': (),
  'tier': 'marker',
  'markers': ('CTestTestfile.cmake', 'DartConfiguration.tcl'),
  'inside': (),
  'signature': ('Temporary/LastTest*.log', 'Temporary/CTestCostData.txt'),
  'safe': True,
  'regenerate': 'ctest',
  'why': "CTest's test logs (Testing/Temporary)",
  'only': ('Temporary', 'TAG', '[0-9]*-[0-9]*')},
 {'name': 'cmake-generated',
  'ecosystem': 'cmake',
  'type': 'file',
  'names': ('Makefile', 'build.ninja', 'cmake_install.cmake', 'CTestTestfile.cmake'),
  'globs': (),
  'tier': 'marker',
  'markers': ('CMakeLists.txt', 'CMakeCache.txt', 'CMakeFiles'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'cmake . in the source folder (CMakeCache.txt keeps the options given)',
  'why': 'file CMake generated in the source folder (in-source build)',
  'header': ('# CMAKE generated file: DO NOT EDIT!',
             '# Install script for directory: ',
             '# CMake generated Testfile for ')},
 {'name': 'cmake-cache',
  'ecosystem': 'cmake',
  'type': 'file',
  'names': ('CMakeCache.txt',),
  'globs': (),
  'tier': 'marker',
  'markers': ('CMakeLists.txt', 'CMakeFiles', 'Makefile', 'build.ninja', 'cmake_install.cmake'),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'cmake . -D<the options given before> (they are lost with it)',
  'why': "CMake's cache of an in-source build (keeps the -D options)",
  'header': ('# This is the CMakeCache file.',)},
 {'name': 'ninja-state',
  'ecosystem': 'ninja',
  'type': 'file',
  'names': ('.ninja_log', '.ninja_deps'),
  'globs': (),
  'tier': 'marker',
  'markers': ('build.ninja',),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'ninja (it writes them again; what it cannot prove up to date is built again)',
  'why': "ninja's build log and dependency state",
  'header': ('# ninja log v', '# ninjadeps')},
 {'name': 'autoconf-log',
  'ecosystem': 'c',
  'type': 'file',
  'names': ('config.log',),
  'globs': (),
  'tier': 'marker',
  'markers': ('configure', 'configure.ac', 'configure.in', 'config.status'),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': './configure (it writes a new log)',
  'why': "configure's log",
  'header': ('This file contains any messages produced by compilers while',)},
 {'name': 'autoconf-status',
  'ecosystem': 'c',
  'type': 'file',
  'names': ('config.status',),
  'globs': (),
  'tier': 'marker',
  'markers': ('configure', 'configure.ac', 'configure.in'),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': './configure with the options it was given (./config.status --config shows them)',
  'why': "configure's results (config.status: keeps the options given)",
  'header': ('# Generated by configure.',)},
 {'name': 'native-program',
  'ecosystem': 'c',
  'type': 'file',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'the compiler or make, from the source beside it',
  'why': 'program compiled from the source of its name beside it',
  'built_from': ('*.c',
                 '*.cc',
                 '*.cpp',
                 '*.cxx',
                 '*.c++',
                 '*.zig',
                 '*.rs',
                 '*.go',
                 '*.hs',
                 '*.f90',
                 '*.f',
                 '*.m',
                 '*.d',
                 '*.nim',
                 '*.s',
                 '*.S')},
 {'name': 'cmake-program',
  'ecosystem': 'c',
  'type': 'file',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'make (or cmake --build .) in the source folder',
  'why': 'program CMake built in the source folder (CMakeFiles/NAME.dir beside it: an in-source '
         'build)',
  'built_from': ('CMakeFiles:target',)},
 {'name': 'cmake-library',
  'ecosystem': 'c',
  'type': 'file',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'make (or cmake --build .) in the source folder',
  'why': 'library CMake built in the source folder (CMakeFiles/NAME.dir beside libNAME.a/.so: an '
         'in-source build)',
  'built_from': ('CMakeFiles:library',)},
 {'name': 'object-file',
  'ecosystem': 'c',
  'type': 'file',
  'names': (),
  'globs': ('*.o', '*.lo', '*.hi'),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'make (or the build that compiled it)',
  'why': 'object file compiled from the source beside it',
  'sources': ('*.c',
              '*.cc',
              '*.cpp',
              '*.cxx',
              '*.c++',
              '*.C',
              '*.s',
              '*.S',
              '*.m',
              '*.mm',
              '*.f',
              '*.f90',
              '*.F90',
              '*.for',
              '*.hs',
              '*.lhs')},
 {'name': 'libtool-objdir',
  'ecosystem': 'c',
  'type': 'dir',
  'names': ('.libs', '_libs'),
  'globs': (),
  'tier': 'marker',
  'markers': ('*.la', '*.lo', 'libtool', 'Makefile.am', 'Makefile.in'),
  'inside': (),
  'signature': ('*.o', '*.lai', '*.so', '*.so.*', '*.a', '*.dylib', '*.dll', 'lt-*'),
  'safe': True,
  'regenerate': 'make (with the .lo and .o beside it moved too)',
  'why': "libtool's objdir (.libs)",
  'with_kinds': ('object-file',),
  'wrapped_by': 'temporary wrapper script for '},
 {'name': 'autom4te.cache',
  'ecosystem': 'c',
  'type': 'dir',
  'names': ('autom4te.cache',),
  'globs': (),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'autoreconf (autoconf writes it again)',
  'why': "autoconf's cache"},
 {'name': 'automake-deps',
  'ecosystem': 'c',
  'type': 'dir',
  'names': ('.deps',),
  'globs': (),
  'tier': 'marker',
  'markers': ('Makefile.am', 'Makefile.in'),
  'inside': (),
  'signature': ('*.Po', '*.Plo'),
  'safe': True,
  'regenerate': 'make (automake 1.16 or later; older: ./config.status depfiles)',
  'why': "automake's dependency files",
  'only': ('*.Po', '*.Plo', '*.Tpo', '*.Tplo')},
 {'name': 'meson-python-build',
  'ecosystem': 'meson',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('meson-python-native-file.ini',),
  'signature': (),
  'safe': False,
  'regenerate': 'pip install --no-build-isolation -e . (an editable install imports from it: the '
                'package does not import until then)',
  'why': "meson-python's build tree (meson-python-native-file.ini inside)"},
 {'name': 'meson-setup-build',
  'ecosystem': 'meson',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('meson-private',),
  'signature': ('CACHEDIR.TAG',),
  'safe': True,
  'regenerate': 'meson setup <dir> (with the options it was set up with), then ninja -C <dir>',
  'why': "Meson build tree (meson-private and Meson's CACHEDIR.TAG inside)"},
 {'name': 'meson-build',
  'ecosystem': 'meson',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': ('meson-private',),
  'signature': (),
  'safe': False,
  'regenerate': 'meson setup <dir>, or pip install --no-build-isolation -e . for meson-python (an '
                'editable install imports from it: reinstall after)',
  'why': 'Meson build tree (meson-private inside)'},
 {'name': 'cachedir-tagged',
  'ecosystem': 'generic',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'marker',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': "the tool that tagged it (CACHEDIR.TAG means 'do not back up', not 'cheap to "
                "rebuild')",
  'why': 'a folder marked as a cache with CACHEDIR.TAG'},
 {'name': 'os-junk',
  'ecosystem': 'os',
  'type': 'file',
  'names': ('.DS_Store', 'Thumbs.db', 'ehthumbs.db', 'desktop.ini', '.directory'),
  'globs': ('._*',),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': True,
  'regenerate': 'the OS writes it again when the folder is browsed',
  'why': 'file-manager metadata'},
 {'name': 'editor-swap',
  'ecosystem': 'editor',
  'type': 'file',
  'names': (),
  'globs': ('.*.swp', '.*.swo', '*~', '.#*', '#*#'),
  'tier': 'default',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'none: a swap or backup file may hold unsaved work of a running editor',
  'why': 'editor swap or backup file'},
 {'name': 'ml-outputs',
  'ecosystem': 'data',
  'type': 'dir',
  'names': ('outputs', 'mlruns', '.mlruns', 'wandb', 'lightning_logs'),
  'globs': (),
  'tier': 'never',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'none: experiment results and history',
  'why': 'experiment outputs (may be the only copy)'},
 {'name': 'dvc',
  'ecosystem': 'data',
  'type': 'dir',
  'names': ('.dvc',),
  'globs': (),
  'tier': 'never',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': "none: DVC's cache may hold the only copy of data",
  'why': 'DVC state and cache'},
 {'name': 'pip-cache',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'pip downloads and builds wheels again when it needs them',
  'why': "pip's download and wheel cache",
  'home': ('.cache/pip', 'Library/Caches/pip'),
  'clean': 'pip cache purge'},
 {'name': 'uv-cache',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'uv downloads again what a project needs',
  'why': "uv's package cache",
  'home': ('.cache/uv', 'Library/Caches/uv'),
  'clean': '`uv cache clean` (or `uv cache prune`: only what no environment uses)'},
 {'name': 'poetry-cache',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'poetry downloads again on the next install',
  'why': "Poetry's package cache (and its virtualenvs folder)",
  'home': ('.cache/pypoetry', 'Library/Caches/pypoetry'),
  'clean': 'poetry cache clear --all PyPI'},
 {'name': 'pipenv-virtualenvs',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': "pipenv install recreates a project's environment",
  'why': "pipenv's virtual environments, one per project",
  'home': ('.local/share/virtualenvs',),
  'clean': '`pipenv --rm` in each project you no longer use (`pipenv --venv` shows which is '
           'whose)'},
 {'name': 'pyenv',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'pyenv install VERSION builds it again',
  'why': "pyenv's installed Python versions",
  'home': ('.pyenv',),
  'clean': '`pyenv versions`, then `pyenv uninstall VERSION` for the ones you no longer need'},
 {'name': 'pre-commit-cache',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': "pre-commit installs a hook's environment again on its next run",
  'why': "pre-commit's hook environments",
  'home': ('.cache/pre-commit',),
  'clean': '`pre-commit clean` (or `pre-commit gc`: only unused hook repos)'},
 {'name': 'npm-cache',
  'ecosystem': 'node',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'npm downloads again on the next install',
  'why': "npm's package cache (_cacache), logs and npx installs",
  'home': ('.npm',),
  'clean': 'npm cache clean --force'},
 {'name': 'yarn-cache',
  'ecosystem': 'node',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'yarn downloads again on the next install',
  'why': "Yarn's package cache",
  'home': ('.cache/yarn', '.yarn/berry/cache', 'Library/Caches/Yarn'),
  'clean': 'yarn cache clean'},
 {'name': 'pnpm-store',
  'ecosystem': 'node',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'pnpm downloads again on the next install',
  'why': "pnpm's content-addressable store",
  'home': ('.local/share/pnpm/store', '.pnpm-store', 'Library/pnpm/store'),
  'clean': 'pnpm store prune'},
 {'name': 'rustup',
  'ecosystem': 'rust',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'rustup toolchain install NAME',
  'why': "rustup's installed Rust toolchains (with their documentation)",
  'home': ('.rustup',),
  'clean': '`rustup toolchain list`, then `rustup toolchain uninstall NAME` for the ones you no '
           'longer need'},
 {'name': 'cargo-registry',
  'ecosystem': 'rust',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'cargo downloads again what a build needs',
  'why': "Cargo's downloaded crates and git dependencies",
  'home': ('.cargo/registry', '.cargo/git'),
  'clean': '`cargo cache --autoclean` (after `cargo install cargo-cache`), or `cargo +nightly -Zgc '
           'clean gc`'},
 {'name': 'go-cache',
  'ecosystem': 'go',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'go build rebuilds what it needs',
  'why': "Go's build cache",
  'home': ('.cache/go-build', 'Library/Caches/go-build'),
  'clean': 'go clean -cache'},
 {'name': 'go-modules',
  'ecosystem': 'go',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'go downloads modules again on the next build',
  'why': "Go's module cache",
  'home': ('go/pkg/mod',),
  'clean': 'go clean -modcache'},
 {'name': 'gradle-caches',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'gradle downloads again what a build needs',
  'why': "Gradle's dependency and build caches, and downloaded distributions",
  'home': ('.gradle/caches', '.gradle/wrapper/dists'),
  'clean': '`gradle --stop`, then remove `~/.gradle/caches` (Gradle cleans entries unused for 30 '
           'days itself)'},
 {'name': 'maven-repository',
  'ecosystem': 'jvm',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'mvn downloads again what a build needs',
  'why': "Maven's local repository",
  'home': ('.m2/repository',),
  'clean': '`mvn dependency:purge-local-repository` in each project (or remove artifacts you no '
           'longer build)'},
 {'name': 'nuget-packages',
  'ecosystem': 'dotnet',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'dotnet restore downloads again',
  'why': "NuGet's global packages folder",
  'home': ('.nuget/packages',),
  'clean': 'dotnet nuget locals all --clear'},
 {'name': 'conda-pkgs',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'conda downloads again what an environment needs',
  'why': "conda's package cache",
  'home': ('.conda/pkgs', 'miniconda3/pkgs', 'anaconda3/pkgs', 'miniforge3/pkgs'),
  'clean': 'conda clean --all'},
 {'name': 'pipx',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'pipx install PACKAGE',
  'why': "pipx's installed command-line tools, one venv each",
  'home': ('.local/share/pipx', '.local/pipx'),
  'clean': '`pipx list`, then `pipx uninstall PACKAGE` for the tools you no longer use'},
 {'name': 'virtualenv-app-data',
  'ecosystem': 'python',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'virtualenv writes it again on the next environment it makes',
  'why': "virtualenv's seed wheels and interpreter cache",
  'home': ('.cache/virtualenv',),
  'clean': '`virtualenv --reset-app-data DEST` (empties it while making DEST), or remove '
           '`~/.cache/virtualenv`'},
 {'name': 'bazel-cache',
  'ecosystem': 'bazel',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'bazel build (fetches and builds again)',
  'why': "Bazel's output bases (what the bazel-* links in a workspace point to) and caches",
  'home': ('.cache/bazel',),
  'clean': '`bazel clean --expunge` in each workspace you no longer build'},
 {'name': 'nvm',
  'ecosystem': 'node',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'nvm install VERSION',
  'why': "nvm's installed Node.js versions and their global packages",
  'home': ('.nvm',),
  'clean': '`nvm ls`, then `nvm uninstall VERSION` for the ones you no longer need (and `nvm cache '
           'clear`)'},
 {'name': 'bun-cache',
  'ecosystem': 'node',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'bun downloads again on the next install',
  'why': "Bun's package cache",
  'home': ('.bun/install/cache',),
  'clean': 'bun pm cache rm'},
 {'name': 'rbenv',
  'ecosystem': 'ruby',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'rbenv install VERSION',
  'why': "rbenv's installed Ruby versions",
  'home': ('.rbenv',),
  'clean': '`rbenv versions`, then `rbenv uninstall VERSION` for the ones you no longer need'},
 {'name': 'editor-extensions',
  'ecosystem': 'editors',
  'type': 'dir',
  'names': (),
  'globs': (),
  'tier': 'global',
  'markers': (),
  'inside': (),
  'signature': (),
  'safe': False,
  'regenerate': 'the editor installs an extension again from its marketplace',
  'why': 'installed editor extensions (each with its own node_modules)',
  'home': ('.vscode/extensions',
           '.vscode-server/extensions',
           '.vscode-oss/extensions',
           '.cursor/extensions',
           '.windsurf/extensions'),
  'clean': '`code --list-extensions`, then `code --uninstall-extension ID` for the ones you no '
           'longer use'})
