"""Make sure an extracted data file ships: find the build backend, add package data if needed.

Facts (research/extract-watch.md 1.9): setuptools puts a non-.py file in the wheel only when
`package-data` matches it (or MANIFEST.in / a VCS plugin with include-package-data);
hatchling, flit and poetry ship every file inside a package, but hatchling and poetry leave
out what git ignores; a single-module distribution (`py-modules`) has no package to hold data.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import functools
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tidy.workspace.build_config import BuildConfigs

_BACKENDS = {
    "setuptools": "setuptools", "hatchling": "hatchling", "flit_core": "flit", "flit": "flit",
    "poetry": "poetry", "poetry.core": "poetry", "pdm": "pdm", "pdm.backend": "pdm",
}


@dataclass
class Packaging:
    backend: str = "none"  # setuptools, hatchling, flit, poetry, pdm, unknown, none
    project_file: str = ""  # the pyproject.toml / setup.py that decides
    package: str = ""  # dotted name of the package holding the module ("" for top level)
    edit: tuple[str, str] | None = None  # (path, new text) to write with the extraction
    edit_from: bytes = b""  # the bytes `edit` was made from (written only while it holds them)
    notes: list[str] = field(default_factory=list)
    refusal: str = ""


def package_of(module_path: str, configs: BuildConfigs | None = None) -> tuple[str, str]:
    """(dotted package name, import root folder) of a module file, following __init__.py up."""
    return (configs or BuildConfigs()).package_of(module_path)


def module_name(module_path: str) -> tuple[str, str]:
    """(dotted module name, import root) of a module file."""
    package, root = package_of(module_path)
    stem = os.path.splitext(os.path.basename(module_path))[0]
    if stem == "__init__":
        return package, root
    return (f"{package}.{stem}" if package else stem), root


def _backend(project: dict[str, Any]) -> str:
    build = project.get("build-system", {})
    name = str(build.get("build-backend", "")) if isinstance(build, dict) else ""
    if not name:
        return "setuptools"  # PEP 517's fallback when there is no build-backend
    for prefix, backend in _BACKENDS.items():
        if name == prefix or name.startswith(prefix + "."):
            return backend
    return "unknown"


# How a refusal that asks the user to change the build config ends, as `tidy extract` and
# `tidy fix` say it (run again once it is done); a scan says what it then offers instead.
THEN_AGAIN = ", then extract again"
_THEN_OFFERED = ("; the scan offers the extraction once that is done (`tidy fix "
                 "--unsafe-fixes` then carries it out)")


def as_the_scan_says(refusal: str) -> str:
    """A refusal worded for `tidy scan` (and the plan, which says the scan's reason): what to
    do, then what the scan offers once it is done; "then extract again" reads oddly there."""
    return refusal.removesuffix(THEN_AGAIN) + _THEN_OFFERED if refusal.endswith(
        THEN_AGAIN) else refusal


def check(module_path: str, data_path: str, configs: BuildConfigs | None = None) -> Packaging:
    """What it takes for data_path to ship with the module (nothing is written here).

    `configs` holds the build config files already read (a plan's or a scan's: each file is
    read and parsed once for all the modules of a project)."""
    configs = configs or BuildConfigs()
    result = Packaging()
    result.package, _ = configs.package_of(module_path)
    project_file = configs.project_file(module_path)
    result.project_file = project_file
    if not project_file:
        result.notes.append("no pyproject.toml/setup.py above the module: not packaged, "
                            "nothing to declare")
        return result
    if not result.package:
        result.backend = "unknown"
        result.refusal = ("the module is not inside a package (a single-module distribution): "
                          "its data file would have no package to ship in; move the module "
                          "into a package first")
        return result
    if os.path.basename(project_file) != "pyproject.toml":
        _legacy_setuptools(result, os.path.dirname(project_file), data_path, configs)
        return result
    read = configs.file(project_file)  # read (and later edited) only as a regular file
    if read.unsafe is not None:
        result.notes.append(f"{read.unsafe}: declare {os.path.basename(data_path)!r} as "
                            "package data by hand")
        return result
    project = _toml_of(configs, project_file)
    if isinstance(project, str):
        result.refusal = f"{project_file}: {project}"
        return result
    result.backend = _backend(project)
    folder = os.path.dirname(project_file)
    if result.backend == "setuptools" and "project" not in project:
        # Configured by setup.py/setup.cfg, or not a distribution at all (a pyproject.toml
        # holding tool settings): a [tool.setuptools] table here would make setuptools
        # refuse to build ("`project` must contain ['version']").
        if "build-system" in project or any(
                os.path.isfile(os.path.join(folder, name)) for name in _LEGACY_FILES):
            _legacy_setuptools(result, folder, data_path, configs)
        else:
            result.backend = "none"
            result.notes.append(f"{project_file} declares no [project] nor [build-system]: "
                                "not packaged, nothing to declare")
    elif result.backend == "setuptools":
        _setuptools(result, project, project_file, data_path, configs)
    elif result.backend in _SHIP_EVERY_FILE:
        result.refusal = _left_out_by(result.backend, project, project_file, data_path,
                                      configs)
    return result


# Build backends whose wheels hold every file inside a package unless their config leaves it
# out (real wheels of hatchling 1.x, flit_core 3.x, poetry-core 2.x, pdm-backend 2.x: a
# sub/x.json.gz beside the modules ships with no config at all; tests/extract/
# test_package_data_globs.py): {backend: [(tool table path, key, restricts)]}. An exclude
# leaves out what it matches; an include that `restricts` keeps only what it matches.
_SHIP_EVERY_FILE: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {
    "hatchling": [(("hatch", "build"), "exclude", False),
                  (("hatch", "build", "targets", "wheel"), "exclude", False),
                  (("hatch", "build"), "include", True),
                  (("hatch", "build", "targets", "wheel"), "include", True),
                  (("hatch", "build"), "only-include", True),
                  (("hatch", "build", "targets", "wheel"), "only-include", True)],
    "poetry": [(("poetry",), "exclude", False)],
    "pdm": [(("pdm", "build"), "excludes", False), (("pdm", "build"), "includes", True)],
    "flit": [],  # [tool.flit.sdist] exclude leaves the wheel as it is (a real wheel shows)
}
# ...and those that also leave out what git ignores (pdm-backend and flit_core ship it).
_GIT_IGNORE_AWARE = frozenset({"hatchling", "poetry"})


def _left_out_by(backend: str, project: dict[str, Any], project_file: str,
                 data_path: str, configs: BuildConfigs) -> str:
    """Why the backend's wheel would leave the data file out ("" when it ships it): an
    exclude pattern that may match it, an include list none of whose patterns surely
    matches it, or (hatchling, poetry) git ignoring it. Patterns are read to err towards
    "left out": a refusal with advice, never a wrong "ships"."""
    folder = os.path.dirname(project_file)
    rel = os.path.relpath(data_path, folder).replace(os.sep, "/")
    name = os.path.basename(data_path)
    tool = project.get("tool", {})
    for table_path, key, restricts in _SHIP_EVERY_FILE[backend]:
        table: Any = tool
        for part in table_path:
            table = table.get(part, {}) if isinstance(table, dict) else {}
        patterns = table.get(key) if isinstance(table, dict) else None
        if patterns is None:
            continue
        where = f"[tool.{'.'.join(table_path)}] {key}"
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            return (f"{project_file}: tidy cannot read {where} for sure, so {name!r} might "
                    f"not ship in {backend}'s wheels; make it a list of patterns that keeps "
                    "*.json.gz files" + THEN_AGAIN)
        if restricts and not any(_surely_matches(rel, p) for p in patterns):
            return (f"{project_file}: {where} keeps only what it names, and none of its "
                    f"patterns surely takes {rel!r}, so it would not ship in {backend}'s "
                    f"wheels and the installed module could not load it; add \"{rel}\" "
                    "(or its package's folder) first" + THEN_AGAIN)
        if not restricts and any(_may_match(rel, p) for p in patterns):
            return (f"{project_file}: {where} may leave {rel!r} out of {backend}'s wheels, "
                    "so the installed module could not load it; take *.json.gz out of its "
                    "patterns first" + THEN_AGAIN)
    if backend in _GIT_IGNORE_AWARE and configs.git_ignored(data_path, folder):
        return (f"{backend} leaves out git-ignored files and {rel} would be ignored, so it "
                "would not ship in wheels and the installed module could not load it; "
                "un-ignore it first (a `!*.json.gz` line at the end of .gitignore)"
                + THEN_AGAIN)
    return ""


def _may_match(rel: str, pattern: str) -> bool:
    """Whether an exclude pattern (gitignore-like, or a glob from the project folder) could
    match `rel` or a folder above it: fnmatch, whose `*` crosses folders, against the path,
    each of its tails (a pattern without a leading `/` matches at any depth) and each folder
    above. A `!` pattern (re-including) is not counted: that errs towards "left out"."""
    pattern = pattern.strip()
    if not pattern or pattern.startswith(("#", "!")):
        return False
    anchored = pattern.startswith("/")
    pattern = pattern.strip("/")
    parts = rel.split("/")
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    if not anchored:
        candidates += ["/".join(parts[i:j]) for i in range(1, len(parts))
                       for j in range(i + 1, len(parts) + 1)]
    # `**/` may stand for no folder at all; fnmatch's `*` covers any number of them.
    variants = {pattern, pattern.replace("/**/", "/"), pattern.replace("**/", ""),
                pattern.replace("/**", "")} - {""}
    return any(fnmatch.fnmatchcase(c, v) or fnmatch.fnmatchcase(c, v + "/*")
               for c in candidates for v in variants)


def _surely_matches(rel: str, pattern: str) -> bool:
    """Whether an include pattern surely takes `rel`: a folder above it named as it is, the
    path itself, or a glob of the whole path (its `*` staying in one folder). A trailing `/`
    takes folders only."""
    raw = pattern.strip()
    if not raw or raw.startswith(("!", "#")):
        return False
    folder_only = raw.endswith("/")
    pattern = raw.strip("/")
    if not any(char in pattern for char in "*?["):
        return rel.startswith(pattern + "/") or (not folder_only and rel == pattern)
    return not folder_only and glob_matches(rel, pattern)


def _toml_of(configs: BuildConfigs, path: str) -> dict[str, Any] | str:
    """pyproject.toml parsed once per BuildConfigs, or why it cannot be."""
    key = ("toml", path)
    if key not in configs.parsed:
        read = configs.file(path)
        parsed: dict[str, Any] | str
        if read.error is not None:
            parsed = f"cannot read it ({read.error})"
        else:
            try:
                parsed = tomllib.loads((read.data or b"").decode("utf-8"))
            except UnicodeDecodeError as error:
                parsed = f"cannot read it ({error})"
            except tomllib.TOMLDecodeError as error:
                parsed = f"invalid TOML ({error})"
        configs.parsed[key] = parsed
    found: dict[str, Any] | str = configs.parsed[key]
    return found


_LEGACY_FILES = ("setup.py", "setup.cfg")


def _legacy_setuptools(result: Packaging, folder: str, data_path: str,
                       configs: BuildConfigs) -> None:
    """setuptools configured by setup.py/setup.cfg, which tidy does not edit: the extraction
    goes ahead only when they already declare the data file, else it would not ship."""
    result.backend = "setuptools"
    declared = setup_declares(folder, data_path, configs)
    if declared:
        # Worded without the file's name: `tidy fix` says a note shared by a project's
        # modules once.
        result.notes.append(f"{declared} declares the data file as package data")
        return
    top = result.package.split(".")[0]
    excluded = _excluded_by(folder, data_path, configs)
    if excluded:
        result.refusal = (
            f"{excluded}: exclude_package_data leaves the extracted *.json.gz files of "
            f"{top!r} out of wheels (it wins over package_data), so the installed modules "
            "could not load them; take *.json.gz out of its patterns first"
            + THEN_AGAIN)
        return
    if _manifest_edit(result, folder, data_path, configs):
        return
    unread = _unread(folder, configs)
    if unread:
        result.refusal = (
            f"{unread}, so tidy cannot tell whether it declares the extracted *.json.gz "
            f"files as package data of {top!r}: they might not ship in wheels; make it a "
            "regular file tidy can read" + THEN_AGAIN)
        return
    files = [f for f in _LEGACY_FILES if os.path.isfile(os.path.join(folder, f))]
    where = " / ".join(os.path.join(folder, f) for f in files) or folder
    # Said per project, not per module: every data module of the project is refused for the
    # same reason, and `tidy fix` says a shared reason once. `**/` reaches the subpackages.
    result.refusal = (
        f"{where}: setuptools is configured there, which tidy does not edit, and nothing "
        f"declares the extracted *.json.gz files as package data of {top!r}, so they would "
        "not ship in wheels and the installed modules could not load them; declare them "
        f"first (package_data={{{top!r}: ['**/*.json.gz']}} in setup.py, `{top} = "
        "**/*.json.gz` under [options.package_data] in setup.cfg, or `recursive-include "
        f"{top} *.json.gz` in MANIFEST.in with include_package_data=True)"
        + THEN_AGAIN)


def _unread(folder: str, configs: BuildConfigs) -> str:
    """The first of setup.py, setup.cfg and MANIFEST.in in `folder` that is there but was
    not read (a link, a FIFO, no permission), and why; or "". What it says is unknown: it
    must not pass for a file that declares nothing."""
    for name in (*_LEGACY_FILES, "MANIFEST.in"):
        read = configs.file(os.path.join(folder, name))
        if read.unsafe is not None:
            return f"{os.path.join(folder, name)} was not read: {read.unsafe.reason}"
        if read.error is not None:
            return (f"{os.path.join(folder, name)} was not read: "
                    f"{read.error.strerror or read.error}")
    return ""


def _manifest_edit(result: Packaging, folder: str, data_path: str,
                   configs: BuildConfigs) -> bool:
    """With include_package_data on, setuptools ships the package files MANIFEST.in names:
    an existing MANIFEST.in (a regular file) gets `include <data file>` appended."""
    if not _legacy_declared(folder, configs).include_package_data:
        return False
    path = os.path.join(folder, "MANIFEST.in")
    read = configs.file(path)
    if read.data is None:
        return False
    try:
        text = read.data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    rel = os.path.relpath(data_path, folder).replace(os.sep, "/")
    result.edit = (path, merge_manifest(text, rel))
    result.edit_from = read.data
    result.notes.append(f"{path}: now includes {rel} (include_package_data ships what "
                        "MANIFEST.in names)")
    return True


def merge_manifest(text: str, rel: str) -> str:
    """MANIFEST.in with `include rel` appended, or as it is when it already includes it."""
    if manifest_includes(text, rel):
        return text
    if text and not text.endswith("\n"):
        text += "\n"
    return text + f"include {rel}\n"


@dataclass(frozen=True)
class PackageData:
    """What a build config declares for setuptools' build_py, as read for sure: package_data
    and exclude_package_data ({package: patterns}, "" for every package) and
    include_package_data. `unsure_exclude`: an exclude_package_data tidy cannot read for sure
    (a name, a call): it might leave any file out."""

    include: dict[str, list[str]] = field(default_factory=dict)
    exclude: dict[str, list[str]] = field(default_factory=dict)
    include_package_data: bool = False
    unsure_exclude: bool = False


@dataclass(frozen=True)
class _Legacy:
    """setup.py's and setup.cfg's declarations, and MANIFEST.in's text, of one folder."""

    setup_py: PackageData
    setup_cfg: PackageData
    manifest: str

    @property
    def include_package_data(self) -> bool:
        return self.setup_py.include_package_data or self.setup_cfg.include_package_data


def _legacy_declared(folder: str, configs: BuildConfigs) -> _Legacy:
    key = ("legacy", folder)
    if key not in configs.parsed:
        configs.parsed[key] = _Legacy(
            setup_py_package_data(configs.file(os.path.join(folder, "setup.py")).text),
            setup_cfg_package_data(configs.file(os.path.join(folder, "setup.cfg")).text),
            configs.file(os.path.join(folder, "MANIFEST.in")).text)
    found: _Legacy = configs.parsed[key]
    return found


def setup_declares(folder: str, data_path: str, configs: BuildConfigs | None = None) -> str:
    """The file that declares data_path as package data for setuptools (setup.py's
    package_data, setup.cfg's [options.package_data], or MANIFEST.in with
    include_package_data on), or "". exclude_package_data (of either file) wins, as in
    setuptools' build_py."""
    configs = configs or BuildConfigs()
    legacy = _legacy_declared(folder, configs)
    chain = _packages_holding(folder, data_path, configs)
    merged = _merged(legacy.setup_py, legacy.setup_cfg)
    rel = os.path.relpath(data_path, folder).replace(os.sep, "/")
    manifest = legacy.include_package_data and manifest_includes(legacy.manifest, rel)
    for package, below in chain:
        if merged.unsure_exclude or _excludes(merged.exclude, package, below):
            continue
        for name, declared in (("setup.py", legacy.setup_py), ("setup.cfg", legacy.setup_cfg)):
            if _collects(declared.include, package, below):
                return os.path.join(folder, name)
        if manifest and package == chain[0][0]:
            return os.path.join(folder, "MANIFEST.in")
    return ""


def _excluded_by(folder: str, data_path: str, configs: BuildConfigs) -> str:
    """The file whose exclude_package_data (unreadable for sure, or matching the data file
    for one of its packages) would leave it out whatever else declared it, or ""."""
    legacy = _legacy_declared(folder, configs)
    chain = _packages_holding(folder, data_path, configs)
    for name, declared in (("setup.py", legacy.setup_py), ("setup.cfg", legacy.setup_cfg)):
        if declared.unsure_exclude or any(_excludes(declared.exclude, package, below)
                                          for package, below in chain):
            return os.path.join(folder, name)
    return ""


def _merged(first: PackageData, second: PackageData) -> PackageData:
    """setup.py's keywords and setup.cfg's sections together (setuptools reads both)."""
    def both(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[str]]:
        return {k: [*a.get(k, []), *b.get(k, [])] for k in {*a, *b}}
    return PackageData(both(first.include, second.include), both(first.exclude, second.exclude),
                       first.include_package_data or second.include_package_data,
                       first.unsure_exclude or second.unsure_exclude)


def _packages_holding(folder: str, data_path: str,
                      configs: BuildConfigs | None = None) -> list[tuple[str, str]]:
    """(dotted package, the data file's path from that package's folder) for each package
    above the data file, innermost first: faker/providers/geo/x.json.gz gives
    ("faker.providers.geo", "x.json.gz"), ("faker.providers", "geo/x.json.gz"), ("faker",
    "providers/geo/x.json.gz"). package_data patterns are globs relative to their key's
    package folder."""
    package, _ = (configs or BuildConfigs()).package_of(data_path)
    parts = package.split(".") if package else []
    chain, below = [], os.path.basename(data_path)
    here = os.path.dirname(os.path.abspath(data_path))
    while parts:
        chain.append((".".join(parts), below))
        if here == folder:
            break
        below = parts.pop() + "/" + below
        here = os.path.dirname(here)
    return chain


def _collects(table: dict[str, list[str]], package: str, below: str) -> bool:
    """Whether setuptools' build_py collects the data file for `package`: it globs (with
    `recursive=True`) the patterns under "" and under the package's own name, relative to
    the package's folder. A plain `*` stays in one folder: `{"faker": ["*.json.gz"]}` does
    not ship faker/providers/geo/x.json.gz (a real wheel of Faker left it out, where
    fnmatch, whose `*` crosses folders, said declared)."""
    return any(glob_matches(below, pattern)
               for key in ("", package) for pattern in table.get(key, ()))


def _excludes(table: dict[str, list[str]], package: str, below: str) -> bool:
    """Whether exclude_package_data drops the file from what `package` collected: build_py
    filters with fnmatch (whose `*` crosses folders) the patterns under "" and the package,
    joined to the package's folder."""
    return any(fnmatch.fnmatchcase(below, pattern.replace(os.sep, "/"))
               for key in ("", package) for pattern in table.get(key, ()))


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    parts = pattern.replace(os.sep, "/").strip("/").split("/")
    out = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":  # any folders below (none too), hidden ones left out as by glob
            out.append(r"(?:(?!\.)[^/]+/)*" + (r"(?!\.)[^/]+" if last else ""))
            continue
        out.append(_segment_regex(part) + ("" if last else "/"))
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def _segment_regex(part: str, hidden_apart: bool = True) -> str:
    """One path segment of a glob: `*` and `?` never cross a `/`; with hidden_apart, a
    leading wildcard does not match a leading dot (glob's hidden files; MANIFEST.in's
    patterns match them)."""
    out, i = [], 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in part[i + 2:]:
            end = part.index("]", i + 2)
            body = part[i + 1:end]
            negate = body.startswith("!")
            body = body[1:] if negate else body
            out.append("[" + ("^/" if negate else "") + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    regex = "".join(out)
    return f"(?!\\.){regex}" if hidden_apart and part[:1] in ("*", "?", "[") else regex


def _manifest_pattern_matches(rel: str, pattern: str) -> bool:
    """MANIFEST.in's `include`/`exclude` pattern against a path from the project folder:
    anchored, and a `*` stays in one folder (fnmatch's crosses them)."""
    regex = "/".join(_segment_regex(part, hidden_apart=False) for part in pattern.split("/"))
    return re.fullmatch(regex, rel, re.DOTALL) is not None


def glob_matches(path: str, pattern: str) -> bool:
    """Whether glob.glob(pattern, recursive=True), run in a folder, would list `path` (a
    '/'-separated path from that folder)."""
    return _glob_regex(pattern).match(path) is not None


def setup_py_package_data(text: str) -> PackageData:
    """setup.py's `package_data=`, `exclude_package_data=` and `include_package_data=True`
    (read with ast, never run). Only what is written out counts: a dict literal, or a
    module-level name bound once to one and used only there; a pattern list of string
    literals. Anything else (a call, a computed value) could hold anything: it declares
    nothing, and an exclude_package_data read so is `unsure_exclude`."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return PackageData()
    include: dict[str, list[str]] = {}
    exclude: dict[str, list[str]] = {}
    include_data = unsure = False
    for node in ast.walk(tree):
        if not isinstance(node, ast.keyword):
            continue
        if node.arg in ("package_data", "exclude_package_data"):
            table = _dict_written_out(tree, node.value)
            if table is None:
                unsure = unsure or node.arg == "exclude_package_data"
                continue
            target = include if node.arg == "package_data" else exclude
            for key, patterns in table.items():
                target.setdefault(key, []).extend(patterns)
            if node.arg == "exclude_package_data" and table.get(_UNSURE_KEY) is not None:
                unsure = True
        elif node.arg == "include_package_data":
            include_data = isinstance(node.value, ast.Constant) and node.value.value is True
    include.pop(_UNSURE_KEY, None)
    exclude.pop(_UNSURE_KEY, None)
    return PackageData(include, exclude, include_data, unsure)


_UNSURE_KEY = "\0unsure"  # a key or value of the dict that is not written out


def _dict_written_out(tree: ast.Module, value: ast.expr) -> dict[str, list[str]] | None:
    """The {package: patterns} a dict literal (or a name bound once, at module level, to one
    and read only where it is passed) writes out; None when it is neither. Entries that are
    not string keys with lists of string literals go under _UNSURE_KEY."""
    if isinstance(value, ast.Name):
        value = _bound_once(tree, value.id)  # type: ignore[assignment]
    if not isinstance(value, ast.Dict):
        return None
    table: dict[str, list[str]] = {}
    for key, item in zip(value.keys, value.values, strict=True):
        patterns = _strings(item)
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)) or patterns is None:
            table[_UNSURE_KEY] = []
            continue
        table.setdefault(key.value, []).extend(patterns)
    return table


def _bound_once(tree: ast.Module, name: str) -> ast.expr | None:
    """The value of `name` when the module binds it once, at its top level, as `NAME = ...`,
    and reads it once (where it is passed): anything else may change the dict."""
    stores = loads = 0
    value: ast.expr | None = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name:
            if isinstance(node.ctx, ast.Store):
                stores += 1
            else:
                loads += 1
        elif isinstance(node, ast.Global | ast.Nonlocal) and name in node.names:
            return None
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else (
            [statement.target] if isinstance(statement, ast.AnnAssign) else [])
        if [t.id for t in targets if isinstance(t, ast.Name)] == [name] and len(targets) == 1:
            value = statement.value  # type: ignore[attr-defined]
    return value if stores == 1 and loads == 1 else None


def _strings(node: ast.expr) -> list[str] | None:
    """The patterns of a list/tuple/set of string literals (or one string); None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple | ast.Set) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]  # type: ignore[attr-defined]
    return None


def setup_cfg_package_data(text: str) -> PackageData:
    """[options.package_data] and [options.exclude_package_data] as {package: patterns} (`*`
    is every package, as setuptools reads it: "") and [options] include_package_data of a
    setup.cfg."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # package names keep case
    try:
        parser.read_string(text)
    except configparser.Error:
        return PackageData()
    tables: list[dict[str, list[str]]] = []
    for section in ("options.package_data", "options.exclude_package_data"):
        table: dict[str, list[str]] = {}
        if parser.has_section(section):
            for key, value in parser[section].items():
                patterns = [p.strip() for p in re.split(r"[,\n]", value) if p.strip()]
                table.setdefault("" if key.strip() == "*" else key.strip(), []).extend(patterns)
        tables.append(table)
    include = parser.get("options", "include_package_data", fallback="").strip().lower() in (
        "true", "1", "yes", "on")
    return PackageData(tables[0], tables[1], include)


def manifest_includes(text: str, rel: str) -> bool:
    """Whether MANIFEST.in's commands, in order, leave `rel` (a path from the project folder,
    '/'-separated) included."""
    included = False
    base = rel.rsplit("/", 1)[-1]
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 2:
            continue
        command, args = words[0], [w.strip("/") for w in words[1:]]
        if command in ("include", "exclude"):
            hit = any(_manifest_pattern_matches(rel, p) for p in args)
        elif command in ("recursive-include", "recursive-exclude"):
            hit = rel.startswith(args[0] + "/") and any(fnmatch.fnmatch(base, p)
                                                        for p in args[1:])
        elif command in ("global-include", "global-exclude"):
            hit = any(fnmatch.fnmatch(base, p) for p in args)
        elif command in ("graft", "prune"):
            hit = any(rel.startswith(p + "/") for p in args)
        else:
            continue
        if hit:
            included = command in ("include", "recursive-include", "global-include", "graft")
    return included


def _pyproject_tables(tool: Any) -> tuple[dict[str, list[str]], dict[str, list[str]], bool]:
    """[tool.setuptools] package-data and exclude-package-data as {package: patterns} ("*"
    read as "", every package, as setuptools does), and whether either holds something tidy
    cannot read for sure."""
    tables: list[dict[str, list[str]]] = []
    unsure = False
    for name in ("package-data", "exclude-package-data"):
        raw = tool.get(name, {}) if isinstance(tool, dict) else {}
        table: dict[str, list[str]] = {}
        if not isinstance(raw, dict):
            unsure = unsure or name.startswith("exclude")
            raw = {}
        for key, patterns in raw.items():
            if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
                unsure = unsure or name.startswith("exclude")
                continue
            table.setdefault("" if key == "*" else str(key), []).extend(patterns)
        tables.append(table)
    return tables[0], tables[1], unsure


def _setuptools(result: Packaging, project: dict[str, Any], project_file: str,
                data_path: str, configs: BuildConfigs) -> None:
    name = os.path.basename(data_path)
    tool = project.get("tool", {}).get("setuptools", {})
    table = tool.get("package-data", {}) if isinstance(tool, dict) else {}
    include, exclude, unsure = _pyproject_tables(tool)
    chain = _packages_holding(os.path.dirname(project_file), data_path, configs)
    if unsure or any(_excludes(exclude, package, below) for package, below in chain):
        result.refusal = (f"{project_file}: [tool.setuptools.exclude-package-data] leaves "
                          f"{name!r} out of wheels (it wins over package-data), so the "
                          "installed module could not load it; take *.json.gz out of its "
                          "patterns first" + THEN_AGAIN)
        return
    if any(_collects(include, package, below) for package, below in chain):
        return  # already declared
    read = configs.file(project_file)
    try:
        data = read.data or b""
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        data, text = b"", ""
    new = _line_ends_kept(text, lambda lf: _add_package_data(lf, result.package, name, table)) \
        if text else None
    if new is None:
        # Not a note: without the declaration the data file would not ship in the wheel.
        result.refusal = (f"{project_file}: tidy cannot add {name!r} to the package-data of "
                          f"{result.package!r} safely (an inline table or another spelling), "
                          "so it would not ship in wheels and the installed module could not "
                          f"load it; add \"{name}\" to [tool.setuptools.package-data] "
                          f"{result.package} first" + THEN_AGAIN)
        return
    result.edit = (project_file, new)
    result.edit_from = data
    result.notes.append(f"{project_file}: package-data for {result.package!r} now includes "
                        f"{name!r} (setuptools ships only declared data files)")


def merge_again(text: str, package: str, name: str) -> str | None:
    """The package-data edit made anew on `text` (the build config as it is now, after a
    save since it was first read): the new text, `text` itself when it already declares
    `name`, None when tidy cannot edit it safely any more."""
    try:
        tool = tomllib.loads(text).get("tool", {}).get("setuptools", {})
    except tomllib.TOMLDecodeError:
        return None
    table = tool.get("package-data", {}) if isinstance(tool, dict) else {}
    top = package.split(".")[0]
    for key in (package, "*", "" if top else "*"):
        patterns = table.get(key, []) if isinstance(table, dict) else []
        if any(fnmatch.fnmatch(name, p) for p in patterns if isinstance(p, str)):
            return text
    return _line_ends_kept(text, lambda lf: _add_package_data(lf, package, name, table))


def _line_ends_kept(text: str, edit: Callable[[str], str | None]) -> str | None:
    """An edit written for \\n line ends, made on a file that ends its lines with \\r\\n
    (scapy 2.8.0's pyproject.toml: the table's header was not found, and the extraction was
    refused) and given back with the file's own line ends. A file that mixes both is not
    edited: the edit could not say which to write."""
    crlf = text.count("\r\n")
    if not crlf:
        return edit(text)
    if crlf != text.count("\n"):
        return None
    new = edit(text.replace("\r\n", "\n"))
    return None if new is None else new.replace("\n", "\r\n")


def _add_package_data(text: str, package: str, name: str, table: Any) -> str | None:
    header = re.search(r"(?m)^\[tool\.setuptools\.package-data\][ \t]*(?:#.*)?$", text)
    key = f'"{package}"' if "." in package else package
    if header is None:
        if table:
            return None  # an inline table or another spelling: leave it to the user
        if re.search(r"(?m)^[ \t]*[\"']?package-data[\"']?[ \t]*=", text):
            return None  # a package-data key of some table (read as empty): not tidy's to guess
        if re.search(r"(?m)^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*setuptools[ \t]*\.[ \t]*[\"']?"
                     r"package-data", text):
            return None  # the table's header spelled with spaces or quotes
        return text.rstrip("\n") + f'\n\n[tool.setuptools.package-data]\n{key} = ["{name}"]\n'
    if isinstance(table, dict) and package in table:
        line = re.compile(r"(?m)^[ \t]*\"?" + re.escape(package) + r"\"?[ \t]*=[ \t]*\[")
        found = line.search(text, header.end())
        if found is None:
            return None
        return text[:found.end()] + f'"{name}", ' + text[found.end():]
    return text[:header.end()] + f'\n{key} = ["{name}"]' + text[header.end():]


def unmerge(text: str, config_name: str, package: str, data_rel: str) -> str | None:
    """`text` without what an extraction added for the data file `data_rel` (relative to
    the config's folder): its package-data entry, or its MANIFEST.in `include` line; all
    else as it is (later extractions' entries, the user's edits). None when the entry is not
    there as tidy writes it: then it is not tidy's to take back."""
    if config_name == "MANIFEST.in":
        line = f"include {data_rel}\n"
        at = text.rfind(line)
        if at < 0 or (at > 0 and text[at - 1] != "\n"):
            return None
        return text[:at] + text[at + len(line):]
    name = os.path.basename(data_rel)
    new = _line_ends_kept(text, lambda lf: _unmerge_package_data(lf, package, name))
    after = _toml(new) if new is not None else None
    expected = _without(_toml(text), package, name)
    if after is None or expected is None or _pruned(after) != _pruned(expected):
        return None  # removing the entry would change more than the entry
    return new


_HEADER = re.compile(r"(?m)^\[tool\.setuptools\.package-data\][ \t]*(?:#.*)?$")


def _unmerge_package_data(text: str, package: str, name: str) -> str | None:
    header = _HEADER.search(text)
    if header is None:
        return None
    line = re.compile(r"(?m)^[ \t]*\"?" + re.escape(package)
                      + r"\"?[ \t]*=[ \t]*\[(?P<items>[^\]\n]*)\][ \t]*(?P<note>#[^\n]*)?"
                      + r"(?:\n|$)")
    found = line.search(text, header.end())
    if found is None:
        return None
    items, token = found.group("items"), f'"{name}"'
    if items.strip() == token and not found.group("note"):  # the line tidy wrote, alone
        return _drop_empty_table(text[:found.start()] + text[found.end():])
    for spelled in (f"{token}, ", f", {token}"):  # as tidy inserts it, or after another
        if spelled in items:
            start, end = found.span("items")
            return text[:start] + items.replace(spelled, "", 1) + text[end:]
    return None


def _drop_empty_table(text: str) -> str:
    """The package-data table tidy appended (a blank line, the header), once empty, goes."""
    header = _HEADER.search(text)
    if header is None or not text[:header.start()].endswith("\n\n"):
        return text
    rest = text[header.end():].lstrip(" \t\n")
    if rest and not rest.startswith("["):
        return text  # keys of the user's below it
    before = text[:header.start()].rstrip("\n") + "\n"
    return before + ("\n" + rest if rest else "")


def _toml(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _without(document: dict[str, Any] | None, package: str, name: str) -> Any:
    if document is None:
        return None
    table = document.get("tool", {}).get("setuptools", {}).get("package-data", {})
    items = table.get(package) if isinstance(table, dict) else None
    if not isinstance(items, list) or name not in items:
        return None
    items.remove(name)
    return document


def _pruned(value: Any) -> Any:
    """A TOML document with empty tables and arrays left out (what an emptied package-data
    table or entry leaves means nothing)."""
    if isinstance(value, dict):
        kept = {k: _pruned(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ({}, [])}
    return value


def commits_last_year(path: str) -> int:
    """How often the module changed in git history (last 365 days); 0 outside git."""
    import subprocess

    from tidy.workspace.git import git_env

    try:
        done = subprocess.run(
            ["git", "log", "--since=365.days", "--format=%H", "--", os.path.basename(path)],
            cwd=os.path.dirname(os.path.abspath(path)), capture_output=True, text=True,
            timeout=60, check=False, stdin=subprocess.DEVNULL,
            env=git_env(os.path.dirname(os.path.abspath(path))))
    except (OSError, subprocess.TimeoutExpired):
        return 0
    return len(done.stdout.split()) if done.returncode == 0 else 0


CHURN_COMMITS = 6  # a year; over this, plain JSON (deltas well) beats .gz (a full blob per change)
