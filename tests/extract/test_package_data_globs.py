"""Does setup.py / setup.cfg / MANIFEST.in ship the extracted data file? tidy's answer against
setuptools' own: a real wheel built from the same project, and glob.glob over a real tree.

Faker (setup.py, `package_data={"faker": [...]}`, data modules in subpackages such as
faker/providers/geo): a pattern `*.json.gz` under "faker" does not reach
faker/providers/geo/__init__.json.gz in a wheel, yet tidy read it with fnmatch (whose `*`
crosses folders) and called the file declared; the extraction would have gone ahead and the
installed provider could not load its data."""

from __future__ import annotations

import glob
import importlib.util
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, make_repo
from tests.extract.helpers import wheel_files
from tidy.extract.core import extract_module
from tidy.extract.packaging import check, glob_matches, setup_declares
from tidy.extract.plan import ExtractError

_SETUP_PY = ('from setuptools import setup, find_packages\n\nsetup(name="qglob", version="1.0", '
             'packages=find_packages(), {extra})\n')
_CFG = ("[metadata]\nname = qglob\nversion = 1.0\n\n[options]\npackages = find:\n"
        "{options}\n{package_data}")
_BLACK = '[tool.black]\ntarget-version = ["py311"]\n'

# shape -> (files of the project, whether setuptools ships qglob/sub/questions.json.gz)
_SHAPES: dict[str, tuple[dict[str, str], bool]] = {
    "setup.py, '*' under the top package (Faker)": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["*.json.gz"]}')}, False),
    "setup.py, '**/' under the top package (tidy's advice)": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"]}')}, True),
    "setup.py, '*' under the subpackage itself": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob.sub": ["*.json.gz"]}')}, True),
    "setup.py, '*' under another package": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"other": ["*.json.gz"]}')}, False),
    "setup.py, '' for every package": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"": ["*.json.gz"]}')}, True),
    "setup.py, a path pattern under the top package": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["sub/*.json.gz"]}')}, True),
    "setup.cfg, '*' under the top package": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "qglob = *.json.gz\n"), "pyproject.toml": _BLACK}, False),
    "setup.cfg, '**/' under the top package (tidy's advice)": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "qglob = **/*.json.gz\n"), "pyproject.toml": _BLACK}, True),
    "setup.cfg, '*' as the key: every package": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "* = *.json.gz\n"), "pyproject.toml": _BLACK}, True),
    "MANIFEST.in 'include *.json.gz' stays in the project folder": (
        {"setup.py": _SETUP_PY.format(extra="include_package_data=True"),
         "MANIFEST.in": "include *.json.gz\n"}, False),
    "MANIFEST.in recursive-include (tidy's advice)": (
        {"setup.py": _SETUP_PY.format(extra="include_package_data=True"),
         "MANIFEST.in": "recursive-include qglob *.json.gz\n"}, True),
    # Trust round 11: what exclude_package_data takes out (4 called declared on the old code).
    "setup.py, '**/' declared and '' excluded": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"]}, '
                                      'exclude_package_data={"": ["*.json.gz"]}')}, False),
    "setup.py, '**/' declared, excluded under the top package ('*' crosses folders)": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"]}, '
                                      'exclude_package_data={"qglob": ["*.gz"]}')}, False),
    "setup.py, declared twice, excluded under one package only": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"], '
                                      '"qglob.sub": ["*.json.gz"]}, '
                                      'exclude_package_data={"qglob": ["*.gz"]}')}, True),
    "setup.cfg, '**/' declared, [options.exclude_package_data] '*'": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "qglob = **/*.json.gz\n\n[options.exclude_package_data]\n"
                                  "* = *.json.gz\n"), "pyproject.toml": _BLACK}, False),
    "MANIFEST.in recursive-include, exclude_package_data of the subpackage": (
        {"setup.py": _SETUP_PY.format(extra="include_package_data=True, "
                                      'exclude_package_data={"qglob.sub": ["*.json.gz"]}'),
         "MANIFEST.in": "recursive-include qglob *.json.gz\n"}, False),
}


def _project(root: Path, files: dict[str, str]) -> Path:
    for folder in (root / "qglob", root / "qglob" / "sub"):
        folder.mkdir(parents=True)
        (folder / "__init__.py").write_text("")
    for name, text in files.items():
        (root / name).write_text(text)
    return root / "qglob" / "sub" / "questions.json.gz"


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_tidy_says_declared_exactly_when_a_real_wheel_ships_the_file(tmp_path: Path,
                                                                     shape: str) -> None:
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed")
    files, ships = _SHAPES[shape]
    project = tmp_path / "project"
    data = _project(project, files)
    declared = setup_declares(str(project), str(data))
    data.write_bytes(b"placeholder")  # what an extraction would write there
    wheels = tmp_path / "wheels"
    in_wheel = "qglob/sub/questions.json.gz" in wheel_files(project, wheels)
    assert in_wheel is ships, "the shape's expectation is setuptools' own answer"
    assert bool(declared) is in_wheel, (shape, declared)


def test_a_module_whose_data_would_not_ship_is_refused_before_anything_is_written(
        tmp_path: Path) -> None:
    files, _ = _SHAPES["setup.py, '*' under the top package (Faker)"]
    project = tmp_path / "project"
    _project(project, files)
    module = project / "qglob" / "sub" / "questions.py"
    module.write_text("QUESTIONS = [\n" + "".join(f"    {i!r},\n" for i in range(3000)) + "]\n")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    with pytest.raises(ExtractError) as caught:
        extract_module(str(module))
    message = str(caught.value)
    # The advice names the top package once, so every module of the project shares it.
    assert "package_data={'qglob': ['**/*.json.gz']}" in message, message
    assert "recursive-include qglob *.json.gz" in message, message
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


_SEGMENTS = st.sampled_from(["a", "b", ".h", "a.json.gz", "b.txt", "x-1"])
_PATHS = st.lists(st.lists(_SEGMENTS, min_size=1, max_size=4).map("/".join),
                  min_size=1, max_size=12)
_PATTERN_PARTS = st.sampled_from(["*", "**", "?", "a", "b", "*.gz", "*.json.gz", "[ab]",
                                  "[!a]*", "a*", ".h", "x-?"])
_PATTERNS = st.lists(_PATTERN_PARTS, min_size=1, max_size=4).map("/".join)


@settings(max_examples=150, deadline=None)
@given(_PATHS, _PATTERNS)
def test_glob_matches_agrees_with_glob_over_a_real_tree(tmp_path_factory: pytest.TempPathFactory,
                                                        paths: list[str], pattern: str) -> None:
    root = tmp_path_factory.mktemp("tree")
    files = set()
    for path in paths:
        target = root / path
        if any(parent.is_file() for parent in target.parents if root in parent.parents):
            continue  # a file where a folder is needed: not a tree
        if target.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x")
        files.add(path)
    found = {os.path.relpath(p, root) for p in glob.glob(str(root / pattern), recursive=True)
             if os.path.isfile(p)}
    assert {p for p in files if glob_matches(p, pattern)} == found


# The rest of what setuptools reads, and the other build backends: tidy's verdict (the data
# file ships with the config as it is: no refusal and nothing to edit) against a real wheel.
# setup.py's package_data held in a name was read as nothing; patterns built by an expression
# were taken for declared (their string literals); exclude_package_data (which wins) and
# pyproject's exclude-package-data were not read; pyproject's `**/` under an outer package
# was not recognised (tidy added an entry it did not need).
_PD = '{"qglob": ["**/*.json.gz"]}'
_PYPROJECT = ('[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"'
              '\n\n[project]\nname = "qglob"\nversion = "1.0"\n\n[tool.setuptools]\n'
              'packages = ["qglob", "qglob.sub"]\n\n{tables}')
_MORE_SHAPES: dict[str, tuple[dict[str, str], bool]] = {
    "setup.py, package_data in a module-level name": (
        {"setup.py": f"PACKAGE_DATA = {_PD}\n" + _SETUP_PY.format(
            extra="package_data=PACKAGE_DATA")}, True),
    "setup.py, the name changed after it is bound": (
        {"setup.py": f"PACKAGE_DATA = {_PD}\nPACKAGE_DATA['qglob'] = []\n" + _SETUP_PY.format(
            extra="package_data=PACKAGE_DATA")}, False),
    "setup.py, patterns built by an expression": (
        {"setup.py": _SETUP_PY.format(extra='package_data={"qglob": ["**/*.json.gz"] * 0}')},
        False),
    "setup.py, exclude_package_data under the top package": (
        {"setup.py": _SETUP_PY.format(extra=f"package_data={_PD}, exclude_package_data="
                                      '{"qglob": ["*.json.gz"]}')}, False),
    "setup.py, exclude_package_data under the subpackage only": (
        {"setup.py": _SETUP_PY.format(extra=f"package_data={_PD}, exclude_package_data="
                                      '{"qglob.sub": ["*.json.gz"]}')}, True),
    "setup.py, exclude_package_data of another file type": (
        {"setup.py": _SETUP_PY.format(extra=f"package_data={_PD}, exclude_package_data="
                                      '{"": ["*.txt"]}')}, True),
    "setup.py, exclude_package_data built by a call": (
        {"setup.py": _SETUP_PY.format(extra=f"package_data={_PD}, exclude_package_data="
                                      'dict(qglob=["*.gz"])')}, False),
    "setup.cfg, [options.exclude_package_data]": (
        {"setup.cfg": _CFG.format(options="", package_data="\n[options.package_data]\n"
                                  "qglob = **/*.json.gz\n\n[options.exclude_package_data]\n"
                                  "qglob = *.json.gz\n"), "pyproject.toml": _BLACK}, False),
    "MANIFEST.in with exclude_package_data for every package": (
        {"setup.py": _SETUP_PY.format(extra='include_package_data=True, exclude_package_data='
                                      '{"": ["*.gz"]}'),
         "MANIFEST.in": "recursive-include qglob *.json.gz\n"}, False),
    "pyproject, '**/' under the top package": (
        {"pyproject.toml": _PYPROJECT.format(
            tables='[tool.setuptools.package-data]\nqglob = ["**/*.json.gz"]\n')}, True),
    "pyproject, '*' as the key with '**/'": (
        {"pyproject.toml": _PYPROJECT.format(
            tables='[tool.setuptools.package-data]\n"*" = ["**/*.json.gz"]\n')}, True),
    "pyproject, exclude-package-data wins": (
        {"pyproject.toml": _PYPROJECT.format(
            tables='[tool.setuptools.package-data]\nqglob = ["**/*.json.gz"]\n\n'
                   '[tool.setuptools.exclude-package-data]\nqglob = ["*.json.gz"]\n')}, False),
}

_BACKEND_SYSTEMS = {
    "hatchling": ('requires = ["hatchling"]\nbuild-backend = "hatchling.build"', "hatchling"),
    "flit": ('requires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"', "flit_core"),
    "poetry": ('requires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"',
               "poetry.core"),
    "pdm": ('requires = ["pdm-backend"]\nbuild-backend = "pdm.backend"', "pdm.backend"),
}
# backend, the shape -> (tool tables, .gitignore, whether the wheel holds the data file)
_BACKEND_SHAPES: dict[tuple[str, str], tuple[str, str, bool]] = {
    **{(b, "no config"): ("", "", True) for b in _BACKEND_SYSTEMS},
    **{(b, "git ignores *.json.gz"): ("", "*.json.gz\n", b in ("flit", "pdm"))
       for b in _BACKEND_SYSTEMS},
    ("hatchling", "wheel exclude"): (
        '[tool.hatch.build.targets.wheel]\nexclude = ["*.json.gz"]\n', "", False),
    ("hatchling", "build exclude of tests"): (
        '[tool.hatch.build]\nexclude = ["tests/", "*.txt"]\n', "", True),
    ("hatchling", "wheel packages"): (
        '[tool.hatch.build.targets.wheel]\npackages = ["qglob"]\n', "", True),
    ("hatchling", "only-include of another folder"): (
        '[tool.hatch.build.targets.wheel]\nonly-include = ["qglob/__init__.py"]\n', "", False),
    ("flit", "sdist exclude (the wheel keeps it)"): (
        '[tool.flit.sdist]\nexclude = ["qglob/sub/*.json.gz"]\n', "", True),
    ("poetry", "exclude"): ('[tool.poetry]\nexclude = ["qglob/sub/*.json.gz"]\n', "", False),
    ("pdm", "excludes"): ('[tool.pdm.build]\nexcludes = ["**/*.json.gz"]\n', "", False),
    ("pdm", "includes the package"): ('[tool.pdm.build]\nincludes = ["qglob/"]\n', "", True),
}


def _tidy_ships(project: Path, data: Path) -> bool:
    """Whether tidy would extract (no refusal), with the build config edit it would make
    written: then the wheel must hold the data file."""
    found = check(str(data.parent / "questions.py"), str(data))
    if found.edit is not None and not found.refusal:
        Path(found.edit[0]).write_text(found.edit[1])
    return not found.refusal


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(_MORE_SHAPES))
def test_setuptools_verdicts_for_names_excludes_and_pyproject_match_a_real_wheel(
        tmp_path: Path, shape: str) -> None:
    files, ships = _MORE_SHAPES[shape]
    project = tmp_path / "project"
    data = _project(project, files)
    declared = _tidy_ships(project, data)
    data.write_bytes(b"placeholder")
    in_wheel = "qglob/sub/questions.json.gz" in wheel_files(project, tmp_path / "wheels")
    assert in_wheel is ships, "the shape's expectation is setuptools' own answer"
    assert declared is in_wheel, shape


@pytest.mark.slow
@pytest.mark.parametrize("backend_shape", sorted(_BACKEND_SHAPES),
                         ids=[f"{b}: {s}" for b, s in sorted(_BACKEND_SHAPES)])
def test_other_backends_verdicts_match_a_real_wheel(tmp_path: Path,
                                                    backend_shape: tuple[str, str]) -> None:
    backend, _ = backend_shape
    system, module = _BACKEND_SYSTEMS[backend]
    if importlib.util.find_spec(module.split(".")[0]) is None or \
            importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed")
    tables, gitignore, ships = _BACKEND_SHAPES[backend_shape]
    project = make_repo(tmp_path / "project")
    data = _project(project, {"pyproject.toml": (
        f'[build-system]\n{system}\n\n[project]\nname = "qglob"\nversion = "1.0"\n'
        f'description = "x"\n\n{tables}')})
    if gitignore:
        (project / ".gitignore").write_text(gitignore)
    commit(project)
    declared = _tidy_ships(project, data)
    data.write_bytes(b"placeholder")  # written after the commit, as an extraction writes it
    in_wheel = "qglob/sub/questions.json.gz" in wheel_files(project, tmp_path / "wheels")
    assert in_wheel is ships, "the shape's expectation is the backend's own answer"
    assert declared is in_wheel, backend_shape


@pytest.mark.parametrize("key", ["qglob", '"*"'])
def test_a_pyproject_pattern_under_an_outer_package_is_read_as_declared(tmp_path: Path,
                                                                        key: str) -> None:
    # `qglob = ["**/*.json.gz"]` ships qglob/sub/questions.json.gz (the real wheels above):
    # tidy added `"qglob.sub" = ["questions.json.gz"]` all the same, an edit of the user's
    # pyproject.toml it did not need (and one more entry for every later undo to take back).
    project = tmp_path / "project"
    data = _project(project, {"pyproject.toml": _PYPROJECT.format(
        tables=f'[tool.setuptools.package-data]\n{key} = ["**/*.json.gz"]\n')})
    found = check(str(data.parent / "questions.py"), str(data))
    assert (found.refusal, found.edit) == ("", None)


_GIT_PARTS = st.sampled_from(["*", "**", "?", "qglob", "sub", "*.gz", "*.json.gz", "q*", "[qs]*",
                              "questions.json.gz", "tests", "*.txt"])
_GIT_PATTERNS = st.tuples(st.sampled_from(["", "/"]),
                          st.lists(_GIT_PARTS, min_size=1, max_size=3).map("/".join),
                          st.sampled_from(["", "/"])).map("".join)
_DATA_RELS = st.sampled_from(["qglob/sub/questions.json.gz", "src/qglob/questions.json.gz",
                              "qglob/questions.json.gz", "a/b/qglob/sub/x.json.gz"])


@settings(max_examples=400, deadline=None)
@given(_DATA_RELS, _GIT_PATTERNS)
def test_an_exclude_hatchling_applies_is_never_missed(rel: str, pattern: str) -> None:
    """hatchling reads `exclude` as gitignore patterns (pathspec's GitIgnoreSpec): whenever
    one leaves the data file out, tidy must say it may (a refusal with advice, never a wrong
    "ships")."""
    pathspec = pytest.importorskip("pathspec")
    from tidy.extract.packaging import _may_match

    spec = pathspec.GitIgnoreSpec.from_lines([pattern])
    if spec.match_file(rel):
        assert _may_match(rel, pattern), (rel, pattern)


@settings(max_examples=400, deadline=None)
@given(_DATA_RELS, _GIT_PATTERNS)
def test_an_include_tidy_counts_on_takes_the_file_in_hatchling_too(rel: str,
                                                                    pattern: str) -> None:
    """hatchling's `include`/`only-include` keep only what they match: tidy counts on one only
    when gitignore matching (pathspec, as hatchling reads it) takes the data file too."""
    pathspec = pytest.importorskip("pathspec")
    from tidy.extract.packaging import _surely_matches

    if _surely_matches(rel, pattern):
        assert pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(rel), (rel, pattern)
