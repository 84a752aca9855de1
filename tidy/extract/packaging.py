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
import subprocess
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tidy.core.safe_files import UnsafeFile, read_regular
from tidy.workspace.git import git_env

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


def package_of(module_path: str) -> tuple[str, str]:
    """(dotted package name, import root folder) of a module file, following __init__.py up."""
    folder = os.path.dirname(os.path.abspath(module_path))
    parts: list[str] = []
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parts.insert(0, os.path.basename(folder))
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return ".".join(parts), folder


def module_name(module_path: str) -> tuple[str, str]:
    """(dotted module name, import root) of a module file."""
    package, root = package_of(module_path)
    stem = os.path.splitext(os.path.basename(module_path))[0]
    if stem == "__init__":
        return package, root
    return (f"{package}.{stem}" if package else stem), root


def _project_file(start: str) -> str:
    folder = os.path.dirname(os.path.abspath(start))
    while True:
        for name in ("pyproject.toml", "setup.py", "setup.cfg"):
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        if os.path.isdir(os.path.join(folder, ".git")):
            return ""
        parent = os.path.dirname(folder)
        if parent == folder:
            return ""
        folder = parent


def _backend(project: dict[str, Any]) -> str:
    build = project.get("build-system", {})
    name = str(build.get("build-backend", "")) if isinstance(build, dict) else ""
    if not name:
        return "setuptools"  # PEP 517's fallback when there is no build-backend
    for prefix, backend in _BACKENDS.items():
        if name == prefix or name.startswith(prefix + "."):
            return backend
    return "unknown"


def check(module_path: str, data_path: str) -> Packaging:
    """What it takes for data_path to ship with the module (nothing is written here)."""
    result = Packaging()
    result.package, _ = package_of(module_path)
    project_file = _project_file(module_path)
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
        _legacy_setuptools(result, os.path.dirname(project_file), data_path)
        return result
    try:  # read (and later edited) only as a regular file, never through a link
        data = read_regular(project_file, verb="edited")
        project = tomllib.loads((data or b"").decode("utf-8"))
    except UnsafeFile as error:
        result.notes.append(f"{error}: declare {os.path.basename(data_path)!r} as package "
                            "data by hand")
        return result
    except (OSError, UnicodeDecodeError) as error:
        result.refusal = f"{project_file}: cannot read it ({error})"
        return result
    except tomllib.TOMLDecodeError as error:
        result.refusal = f"{project_file}: invalid TOML ({error})"
        return result
    result.backend = _backend(project)
    folder = os.path.dirname(project_file)
    if result.backend == "setuptools" and "project" not in project:
        # Configured by setup.py/setup.cfg, or not a distribution at all (a pyproject.toml
        # holding tool settings): a [tool.setuptools] table here would make setuptools
        # refuse to build ("`project` must contain ['version']").
        if "build-system" in project or any(
                os.path.isfile(os.path.join(folder, name)) for name in _LEGACY_FILES):
            _legacy_setuptools(result, folder, data_path)
        else:
            result.backend = "none"
            result.notes.append(f"{project_file} declares no [project] nor [build-system]: "
                                "not packaged, nothing to declare")
    elif result.backend == "setuptools":
        _setuptools(result, project, project_file, data_path)
    elif result.backend in ("hatchling", "poetry") and _git_ignored(data_path):
        result.notes.append(f"{result.backend} leaves out git-ignored files and "
                            f"{os.path.basename(data_path)} is ignored: un-ignore it")
    return result


_LEGACY_FILES = ("setup.py", "setup.cfg")


def _legacy_setuptools(result: Packaging, folder: str, data_path: str) -> None:
    """setuptools configured by setup.py/setup.cfg, which tidy does not edit: the extraction
    goes ahead only when they already declare the data file, else it would not ship."""
    result.backend = "setuptools"
    declared = setup_declares(folder, data_path)
    if declared:
        # Worded without the file's name: `tidy fix` says a note shared by a project's
        # modules once.
        result.notes.append(f"{declared} declares the data file as package data")
        return
    files = [f for f in _LEGACY_FILES if os.path.isfile(os.path.join(folder, f))]
    where = " / ".join(os.path.join(folder, f) for f in files) or folder
    excluded = excluded_package_data(_read_text(os.path.join(folder, "setup.py")),
                                     _read_text(os.path.join(folder, "setup.cfg")))
    if _excluded(excluded, _packages_holding(folder, data_path)[:1]):
        result.refusal = (
            f"{where}: exclude_package_data takes the extracted *.json.gz files out of the "
            "wheel whatever declares them, so the installed modules could not load them; "
            "narrow it so they ship, then run it again")
        return
    if _manifest_edit(result, folder, data_path):
        return
    # Said per project, not per module: every data module of the project is refused for the
    # same reason, and `tidy fix` says a shared reason once. `**/` reaches the subpackages.
    top = result.package.split(".")[0]
    result.refusal = (
        f"{where}: setuptools is configured there, which tidy does not edit, and nothing "
        f"declares the extracted *.json.gz files as package data of {top!r}, so they would "
        "not ship in wheels and the installed modules could not load them; declare them "
        f"first (package_data={{{top!r}: ['**/*.json.gz']}} in setup.py, `{top} = "
        "**/*.json.gz` under [options.package_data] in setup.cfg, or `recursive-include "
        f"{top} *.json.gz` in MANIFEST.in with include_package_data=True), then run it again")


def _manifest_edit(result: Packaging, folder: str, data_path: str) -> bool:
    """With include_package_data on, setuptools ships the package files MANIFEST.in names:
    an existing MANIFEST.in (a regular file) gets `include <data file>` appended."""
    _, include_py = setup_py_package_data(_read_text(os.path.join(folder, "setup.py")))
    _, include_cfg = setup_cfg_package_data(_read_text(os.path.join(folder, "setup.cfg")))
    path = os.path.join(folder, "MANIFEST.in")
    if not (include_py or include_cfg):
        return False
    try:
        data = read_regular(path, verb="edited")
        text = (data or b"").decode("utf-8")
    except (OSError, UnsafeFile, UnicodeDecodeError):
        return False
    if data is None:
        return False
    rel = os.path.relpath(data_path, folder).replace(os.sep, "/")
    excluded = excluded_package_data(_read_text(os.path.join(folder, "setup.py")),
                                     _read_text(os.path.join(folder, "setup.cfg")))
    if _excluded(excluded, _packages_holding(folder, data_path)[:1]):
        return False  # exclude_package_data drops it whatever MANIFEST.in says
    result.edit = (path, merge_manifest(text, rel))
    result.edit_from = data
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


def setup_declares(folder: str, data_path: str) -> str:
    """The file that declares data_path as package data for setuptools (setup.py's
    package_data, setup.cfg's [options.package_data], or MANIFEST.in with
    include_package_data on), or ""."""
    chain = _packages_holding(folder, data_path)
    setup_py = _read_text(os.path.join(folder, "setup.py"))
    setup_cfg = _read_text(os.path.join(folder, "setup.cfg"))
    excluded = excluded_package_data(setup_py, setup_cfg)
    table, include_data = setup_py_package_data(setup_py)
    if _table_ships(table, chain, excluded):
        return os.path.join(folder, "setup.py")
    cfg_table, cfg_include = setup_cfg_package_data(setup_cfg)
    if _table_ships(cfg_table, chain, excluded):
        return os.path.join(folder, "setup.cfg")
    manifest = _read_text(os.path.join(folder, "MANIFEST.in"))
    rel = os.path.relpath(data_path, folder).replace(os.sep, "/")
    if ((include_data or cfg_include) and manifest_includes(manifest, rel)
            and not _excluded(excluded, chain[:1])):
        return os.path.join(folder, "MANIFEST.in")
    return ""


def excluded_package_data(setup_py: str, setup_cfg: str) -> dict[str, list[str]]:
    """exclude_package_data of setup.py and [options.exclude_package_data] of setup.cfg,
    together: setuptools takes what they match out of every package's data files, whatever
    package_data or MANIFEST.in included (trust round 11: a file declared there and excluded
    here was called declared, and the extraction went ahead without it in the wheel)."""
    table: dict[str, list[str]] = {}
    for found in (setup_py_package_data(setup_py, "exclude_package_data")[0],
                  setup_cfg_package_data(setup_cfg, "options.exclude_package_data")[0]):
        for package, patterns in found.items():
            table.setdefault(package, []).extend(patterns)
    return table


def _excluded(excluded: dict[str, list[str]], chain: list[tuple[str, str]]) -> bool:
    """Whether build_py's exclude_data_files drops the file as data of each (package, path
    from its folder) of `chain`: fnmatch (a `*` crosses folders there) of the patterns under
    "" and under the package."""
    return bool(chain) and all(
        any(fnmatch.fnmatchcase(rel, pattern.replace(os.sep, "/").strip("/"))
            for pattern in [*excluded.get("", ()), *excluded.get(package, ())])
        for package, rel in chain)


def _packages_holding(folder: str, data_path: str) -> list[tuple[str, str]]:
    """(dotted package, the data file's path from that package's folder) for each package
    above the data file, innermost first: faker/providers/geo/x.json.gz gives
    ("faker.providers.geo", "x.json.gz"), ("faker.providers", "geo/x.json.gz"), ("faker",
    "providers/geo/x.json.gz"). package_data patterns are globs relative to their key's
    package folder."""
    package, _ = package_of(data_path)
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


def _table_ships(table: dict[str, list[str]], chain: list[tuple[str, str]],
                 excluded: dict[str, list[str]] | None = None) -> bool:
    """Whether setuptools' build_py would take the data file into the wheel: it globs (with
    `recursive=True`) the patterns under "" and under each package's own name, relative to
    that package's folder. A plain `*` stays in one folder: `{"faker": ["*.json.gz"]}` does
    not ship faker/providers/geo/x.json.gz (a real wheel of Faker left it out, where
    fnmatch, whose `*` crosses folders, said declared)."""
    return any(any(glob_matches(rel, pattern) for key in ("", package)
                   for pattern in table.get(key, ()))
               and not _excluded(excluded or {}, [(package, rel)])
               for package, rel in chain)


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


def _read_text(path: str) -> str:
    try:
        data = read_regular(path, verb="read")
    except (OSError, UnsafeFile):
        return ""
    return (data or b"").decode("utf-8", "replace")


def setup_py_package_data(text: str, arg: str = "package_data"
                          ) -> tuple[dict[str, list[str]], bool]:
    """setup.py's `package_data=` (or `arg`: exclude_package_data) as {package: patterns}
    and whether `include_package_data=True` is passed (read with ast, never run). Only a
    dict written out counts: a name or a call could hold anything."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}, False
    table: dict[str, list[str]] = {}
    include = False
    for node in ast.walk(tree):
        if not isinstance(node, ast.keyword):
            continue
        if node.arg == arg and isinstance(node.value, ast.Dict):
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    table.setdefault(key.value, []).extend(
                        n.value for n in ast.walk(value)
                        if isinstance(n, ast.Constant) and isinstance(n.value, str))
        elif node.arg == "include_package_data":
            include = isinstance(node.value, ast.Constant) and node.value.value is True
    return table, include


def setup_cfg_package_data(text: str, section: str = "options.package_data"
                           ) -> tuple[dict[str, list[str]], bool]:
    """[options.package_data] (or `section`: options.exclude_package_data) as {package:
    patterns} (`*` is every package, as setuptools reads it: "") and [options]
    include_package_data of a setup.cfg."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # package names keep case
    try:
        parser.read_string(text)
    except configparser.Error:
        return {}, False
    table: dict[str, list[str]] = {}
    if parser.has_section(section):
        for key, value in parser[section].items():
            patterns = [p.strip() for p in re.split(r"[,\n]", value) if p.strip()]
            table.setdefault("" if key.strip() == "*" else key.strip(), []).extend(patterns)
    include = parser.get("options", "include_package_data", fallback="").strip().lower() in (
        "true", "1", "yes", "on")
    return table, include


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


def _setuptools(result: Packaging, project: dict[str, Any], project_file: str,
                data_path: str) -> None:
    name = os.path.basename(data_path)
    tool = project.get("tool", {}).get("setuptools", {})
    table = tool.get("package-data", {}) if isinstance(tool, dict) else {}
    top = result.package.split(".")[0]
    for key in (result.package, "*", "" if top else "*"):
        patterns = table.get(key, []) if isinstance(table, dict) else []
        if any(fnmatch.fnmatch(name, p) for p in patterns if isinstance(p, str)):
            return  # already declared
    try:
        data = read_regular(project_file, verb="edited") or b""
        text = data.decode("utf-8")
    except (OSError, UnsafeFile, UnicodeDecodeError):
        data, text = b"", ""
    new = _line_ends_kept(text, lambda lf: _add_package_data(lf, result.package, name, table)) \
        if text else None
    if new is None:
        # Not a note: without the declaration the data file would not ship in the wheel.
        result.refusal = (f"{project_file}: tidy cannot add {name!r} to the package-data of "
                          f"{result.package!r} safely (an inline table or another spelling), "
                          "so it would not ship in wheels and the installed module could not "
                          f"load it; add \"{name}\" to [tool.setuptools.package-data] "
                          f"{result.package} first, then extract again")
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


def _git_ignored(path: str) -> bool:
    try:
        done = subprocess.run(["git", "check-ignore", "-q", path], cwd=os.path.dirname(path),
                              capture_output=True, timeout=30, check=False,
                              stdin=subprocess.DEVNULL, env=git_env(os.path.dirname(path)))
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def commits_last_year(path: str) -> int:
    """How often the module changed in git history (last 365 days); 0 outside git."""
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
