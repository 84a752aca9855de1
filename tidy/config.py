"""Configuration: built-in defaults < [tool.tidy] in pyproject.toml or .tidy.toml < command line.

Unknown keys and wrong types are errors that name the key and the file, like deptry and ruff.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tidy.catalog import Catalog, CatalogError, Kind, kind_from_table, load_builtin
from tidy.safe_files import UnsafeFile, read_regular
from tidy.units import parse_size


class ConfigError(ValueError):
    """A problem with the user's configuration: exit code 2."""


DEFAULT_FAIL_ON = ("TDY102", "TDY202")


@dataclass(frozen=True)
class Config:
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ("TDY",)
    ignore: tuple[str, ...] = ()
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    min_size: int = 0
    large_file: int = 1_000_000  # TDY201: a tracked file this big is reported
    max_file_size: int = 50_000_000  # TDY202: over this a tracked file fails (GitHub warns)
    heavy_folder: int = 5_000_000  # TDY502: a committed vendored/generated folder this big
    # TDY301-303: a module/data file this big is checked for data. 64 kB: every data module of
    # the corpus at or over it is found and no code module is (bench/RESULTS.md, issue 15).
    data_min_size: int = 64_000
    kinds: tuple[str, ...] = ()  # opt-in / never kinds the user turned on
    disable_kinds: tuple[str, ...] = ()
    only_kinds: tuple[str, ...] = ()  # --kind: narrow to these
    cross_filesystems: bool = False
    history: bool = False  # TDY203/TDY206: walk all of git history (`tidy scan --history`)
    history_top: int = 10  # how many of the biggest blobs in history to report
    duplicates: bool = False  # full duplicate pass (folders, all sizes): --duplicates
    duplicate_min_size: int = 100_000  # TDY204/TDY205: smaller duplicates are not reported
    extra_kinds: tuple[Kind, ...] = ()
    source: str = ""  # the file the settings came from, for messages

    def catalog(self) -> Catalog:
        disabled = set(self.disable_kinds)
        kinds = [k for k in (*self.extra_kinds, *load_builtin()) if k.name not in disabled]
        return Catalog(kinds)

    def selects(self, code: str) -> bool:
        """ruff's prefix semantics: the longest matching prefix of select/ignore decides."""
        best_select = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_select >= 0 and best_select > best_ignore

    def fails(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.fail_on)

    def __post_init__(self) -> None:
        # `--kind venvs` or kinds = ["venvs"] would otherwise report nothing, silently.
        unknown = self.unknown_kinds()
        if unknown:
            raise ConfigError(_unknown_kinds_message(unknown))

    def unknown_kinds(self) -> list[str]:
        named = (*self.kinds, *self.disable_kinds, *self.only_kinds)
        if not named:
            return []
        kinds = (*self.extra_kinds, *load_builtin())
        known = {k.name for k in kinds} | {n for k in kinds for n in k.names}
        return sorted(set(named) - known)

    def kind_enabled(self, kind: Kind) -> bool:
        if self.only_kinds:
            return kind.name in self.only_kinds or any(n in self.only_kinds for n in kind.names)
        return kind.tier in ("default", "marker") or kind.name in self.kinds


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def size_value(value: Any) -> int | None:
    """A size from a config file (an int of bytes or "10MB"); None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str):
        try:
            return parse_size(value)
        except ValueError:
            return None
    return None


def _boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


# key in the file -> (Config field, converter returning None on a wrong type, what it must be)
_KEYS: dict[str, tuple[str, Callable[[Any], Any], str]] = {
    "exclude": ("exclude", _strings, "a list of gitignore-style patterns"),
    "select": ("select", _strings, "a list of rule codes or prefixes"),
    "ignore": ("ignore", _strings, "a list of rule codes or prefixes"),
    "fail-on": ("fail_on", _strings, "a list of rule codes or prefixes"),
    "min-size": ("min_size", size_value, "a size such as 1MB"),
    "large-file": ("large_file", size_value, "a size such as 1MB"),
    "max-file-size": ("max_file_size", size_value, "a size such as 50MB"),
    "heavy-folder": ("heavy_folder", size_value, "a size such as 5MB"),
    "data-min-size": ("data_min_size", size_value, "a size such as 256KB"),
    "kinds": ("kinds", _strings, "a list of catalogue kind names"),
    "disable-kinds": ("disable_kinds", _strings, "a list of catalogue kind names"),
    "cross-filesystems": ("cross_filesystems", _boolean, "true or false"),
    "history": ("history", _boolean, "true or false"),
    "duplicates": ("duplicates", _boolean, "true or false"),
    "duplicate-min-size": ("duplicate_min_size", size_value, "a size such as 100KB"),
}
# Tables that later features own; accepted here so one file serves every command.
_SUBTABLES = frozenset({"watch", "budgets"})


def config_from_table(table: Mapping[str, Any], source: str, base: Config | None = None) -> Config:
    changes: dict[str, Any] = {"source": source}
    for key, value in table.items():
        if key == "catalog":
            changes["extra_kinds"] = _extra_kinds(value, source)
            continue
        if key in _SUBTABLES:
            continue
        if key not in _KEYS:
            known = ", ".join(sorted([*_KEYS, "catalog", *_SUBTABLES]))
            where = "" if source.endswith(".tidy.toml") else " in [tool.tidy]"
            raise ConfigError(f"{source}: unknown key {key!r}{where} (known: {known})")
        field_name, convert, expected = _KEYS[key]
        converted = convert(value)
        if converted is None:
            raise ConfigError(f"{source}: {key!r} must be {expected}, not {value!r}")
        changes[field_name] = converted
    try:
        return dataclasses.replace(base or Config(), **changes)
    except ConfigError as error:  # an unknown kind name: say which file named it
        raise ConfigError(f"{source}: {error}") from None


def _unknown_kinds_message(unknown: list[str]) -> str:
    names = ", ".join(repr(n) for n in unknown)
    return f"unknown catalogue kind {names} in kinds / disable-kinds / --kind (see catalog.toml)"


def _extra_kinds(value: Any, source: str) -> tuple[Kind, ...]:
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise ConfigError(f"{source}: 'catalog' must be an array of tables ([[tool.tidy.catalog]])")
    try:
        return tuple(kind_from_table(t, source) for t in value)
    except CatalogError as error:
        raise ConfigError(str(error)) from None


def read_toml(path: str) -> dict[str, Any]:
    """The TOML document at `path`; ConfigError (exit 2) for anything wrong with the file.

    A link to a shared config is followed, but only a regular file is read: a FIFO named
    `.tidy.toml` or given to --config cannot hang tidy.
    """
    try:
        data = read_regular(path, follow_links=True)
    except UnsafeFile as error:
        raise ConfigError(str(error)) from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    if data is None:
        raise ConfigError(f"{path}: no such file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte {error.start}); TOML files are UTF-8"
                          ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def table_in(path: str) -> dict[str, Any] | None:
    """The tidy table of a .tidy.toml (whole file) or a pyproject.toml ([tool.tidy])."""
    document = read_toml(path)
    if os.path.basename(path) == ".tidy.toml":
        return document
    tool = document.get("tool", {})
    table = tool.get("tidy") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.tidy] must be a table")
    return table


def discover(start: str) -> str | None:
    """The nearest .tidy.toml, or pyproject.toml with [tool.tidy], at or above `start`."""
    current = os.path.abspath(start)
    if not os.path.isdir(current):
        current = os.path.dirname(current)
    while True:
        for name in (".tidy.toml", "pyproject.toml"):
            candidate = os.path.join(current, name)
            if os.path.isfile(candidate) and _holds_tidy_config(candidate):
                return candidate
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _holds_tidy_config(path: str) -> bool:
    if os.path.basename(path) == ".tidy.toml":
        return True
    # Only a pyproject.toml that mentions tidy is read, so a broken one elsewhere in a
    # workspace does not stop a scan; a broken one that mentions tidy is still an error.
    try:
        data = read_regular(path, follow_links=True)
    except (OSError, UnsafeFile):
        return False
    return data is not None and b"tool.tidy" in data


def load(start: str, explicit: str | None = None) -> Config:
    path = explicit or discover(start)
    if path is None:
        return Config()
    table = table_in(path)
    return config_from_table(table or {}, path)
