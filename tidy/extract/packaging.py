"""Make sure an extracted data file ships: find the build backend, add package data if needed.

Facts (research/extract-watch.md 1.9): setuptools puts a non-.py file in the wheel only when
`package-data` matches it (or MANIFEST.in / a VCS plugin with include-package-data);
hatchling, flit and poetry ship every file inside a package, but hatchling and poetry leave
out what git ignores; a single-module distribution (`py-modules`) has no package to hold data.
"""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
import tomllib
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
        result.backend = "setuptools"
        result.notes.append(f"{project_file}: add {os.path.basename(data_path)!r} to "
                            f"package_data for {result.package!r} (setup.py is not edited)")
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
    if result.backend == "setuptools":
        _setuptools(result, project, project_file, data_path)
    elif result.backend in ("hatchling", "poetry") and _git_ignored(data_path):
        result.notes.append(f"{result.backend} leaves out git-ignored files and "
                            f"{os.path.basename(data_path)} is ignored: un-ignore it")
    return result


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
    new = _add_package_data(text, result.package, name, table) if text else None
    if new is None:
        result.notes.append(f"{project_file}: add \"{name}\" to [tool.setuptools.package-data] "
                            f"{result.package} (could not edit it safely)")
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
    return _add_package_data(text, package, name, table)


def _add_package_data(text: str, package: str, name: str, table: Any) -> str | None:
    header = re.search(r"(?m)^\[tool\.setuptools\.package-data\][ \t]*(?:#.*)?$", text)
    key = f'"{package}"' if "." in package else package
    if header is None:
        if "package-data" in text:
            return None  # an inline table or another spelling: leave it to the user
        return text.rstrip("\n") + f'\n\n[tool.setuptools.package-data]\n{key} = ["{name}"]\n'
    if isinstance(table, dict) and package in table:
        line = re.compile(r"(?m)^[ \t]*\"?" + re.escape(package) + r"\"?[ \t]*=[ \t]*\[")
        found = line.search(text, header.end())
        if found is None:
            return None
        return text[:found.end()] + f'"{name}", ' + text[found.end():]
    return text[:header.end()] + f'\n{key} = ["{name}"]' + text[header.end():]


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
