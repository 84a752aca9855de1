"""Configuration: built-in defaults < [tool.tidy] in pyproject.toml or .tidy.toml < command line.

Settings files at or above the scanned folder are layered, the nearest on top (a workspace's
file is the base of its repos' own); a repo found below the scanned folder reads its own
(`for_folder`), so a repo gives the same findings whether a scan starts at it or above it.
`--config FILE` names the one file instead.

Each setting is declared once, as a field of Config: its default, its key in the file, what a
file value must be, and its command-line option (tidy/cli/options.py builds the click option
from it; `with_options` puts the command line's values on top). Unknown keys and wrong types
are errors that name the key and the file, like deptry and ruff.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from tidy.core.catalog import (
    Catalog,
    CatalogError,
    Kind,
    companions_of,
    kind_from_table,
    load_builtin,
)
from tidy.core.safe_files import UnsafeFile, read_regular
from tidy.core.units import parse_size


class ConfigError(ValueError):
    """A problem with the user's configuration: exit code 2."""


DEFAULT_FAIL_ON = ("TDY102", "TDY202")
# The budgets' codes (TDY9xx, tidy/rules/budgets.py): a file that sets [budgets] wants them to
# fail the scan, so they join that file's fail-on; a --fail-on on the command line replaces
# the whole list, budgets included (the command line wins).
BUDGET_CODES = "TDY9"


# ---------------------------------------------------------------------------- the settings
def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _rule_codes(value: Any) -> tuple[str, ...] | None:
    """Rule codes or prefixes from a file, spelled as the command line takes them (`tdy1` is
    TDY1). Whether each names a rule is checked above this layer, where the rules are:
    tidy.rules.registry.check_file_codes, the command line's own check."""
    codes = _strings(value)
    return None if codes is None else tuple(code.strip().upper() for code in codes)


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


class OptionKind(enum.Enum):
    """What a setting's command-line option takes (tidy/cli/options.py turns it into click)."""

    CODES = "codes"  # rule codes or prefixes, comma-separated
    CODES_OR_NONE = "codes-or-none"  # the same, or `none` for none at all
    NAMES = "names"  # catalogue kind names, comma-separated
    SIZE = "size"  # 10MB, 1.5GiB
    FLAG = "flag"  # a switch: on when given, the file's value when not
    COUNT = "count"  # a whole number, 1 or more
    PATTERNS = "patterns"  # repeatable; added to the file's list, not instead of it


@dataclass(frozen=True)
class Option:
    """A setting's command-line option."""

    flag: str  # --min-size
    kind: OptionKind
    help: str


@dataclass(frozen=True)
class Setting:
    """One setting: a Config field, its key in the file, and its command-line option."""

    name: str  # the Config field
    key: str | None  # in [tool.tidy] / .tidy.toml; None: command line only
    expects: str  # what a file value must be, for the error message
    parse: Callable[[Any], Any]  # a file value -> the field's value; None for a wrong type
    option: Option | None  # None: file only

    @property
    def holds_codes(self) -> bool:
        """Rule codes or prefixes: a file's value is kept in Config.codes_from_files, for the
        check that each names a rule (the command line checks its own as it parses)."""
        return self.parse is _rule_codes


def _setting(default: Any, *, expects: str = "", parse: Callable[[Any], Any] = _strings,
             option: Option | None = None, file: bool = True) -> Any:
    """A Config field that is a setting: in the file (`file`) under its name with dashes,
    on the command line when it has an `option`."""
    spec = {"expects": expects, "parse": parse, "option": option, "file": file}
    return field(default=default, metadata={"setting": spec})


_CODES_HELP = "rule codes or prefixes (comma-separated)"
_CODES_EXPECTED = "a list of rule codes or prefixes"


@dataclass(frozen=True)
class Config:
    """The settings a command runs with: each declared once, with its default, its file key
    and its option (file < command line)."""

    exclude: tuple[str, ...] = _setting(
        (), expects="a list of gitignore-style patterns",
        option=Option("--exclude", OptionKind.PATTERNS,
                      "Gitignore-style pattern to leave out, relative to the folder "
                      "named (repeatable)."))
    select: tuple[str, ...] = _setting(
        ("TDY",), expects=_CODES_EXPECTED, parse=_rule_codes,
        option=Option("--select", OptionKind.CODES, f"Only these {_CODES_HELP}."))
    ignore: tuple[str, ...] = _setting(
        (), expects=_CODES_EXPECTED, parse=_rule_codes,
        option=Option("--ignore", OptionKind.CODES, f"Skip these {_CODES_HELP}."))
    fail_on: tuple[str, ...] = _setting(
        DEFAULT_FAIL_ON, expects=_CODES_EXPECTED, parse=_rule_codes,
        option=Option("--fail-on", OptionKind.CODES_OR_NONE,
                      "Codes or prefixes whose findings fail the scan (exit 1); 'none' for "
                      "never. Replaces the config's list, budgets (TDY9xx) included. "
                      "Default: TDY102,TDY202, and TDY9 when the config sets budgets."))
    min_size: int = _setting(
        0, expects="a size such as 1MB", parse=size_value,
        option=Option("--min-size", OptionKind.SIZE,
                      "Hide findings smaller than this (e.g. 1MB), except those that "
                      "fail the run or that a budget adds up."))
    # TDY201: a tracked file this big is reported
    large_file: int = _setting(
        1_000_000, expects="a size such as 1MB", parse=size_value,
        option=Option("--large-file", OptionKind.SIZE, "Report tracked files over this size."))
    # TDY202: over this a tracked file fails (GitHub warns)
    max_file_size: int = _setting(
        50_000_000, expects="a size such as 50MB", parse=size_value,
        option=Option("--max-file-size", OptionKind.SIZE,
                      "Fail on tracked files over this size."))
    # TDY502: a committed vendored/generated folder this big
    heavy_folder: int = _setting(5_000_000, expects="a size such as 5MB", parse=size_value)
    # TDY301-303: a module/data file this big is checked for data. 64 kB: every data module of
    # the corpus at or over it is found and no code module is (bench/RESULTS.md, issue 15).
    data_min_size: int = _setting(64_000, expects="a size such as 64KB", parse=size_value)
    kinds: tuple[str, ...] = _setting(  # opt-in / never kinds the user turned on
        (), expects="a list of catalogue kind names")
    disable_kinds: tuple[str, ...] = _setting((), expects="a list of catalogue kind names")
    only_kinds: tuple[str, ...] = _setting(  # --kind: narrow to these
        (), file=False, option=Option(
            "--kind", OptionKind.NAMES, "Only these catalogue kinds (comma-separated), "
            "opt-in kinds such as venv included."))
    cross_filesystems: bool = _setting(
        False, expects="true or false", parse=_boolean,
        option=Option("--cross-filesystems", OptionKind.FLAG,
                      "Descend into other mounted filesystems."))
    # TDY203/TDY206: walk all of git history (`tidy scan --history`)
    history: bool = _setting(
        False, expects="true or false", parse=_boolean,
        option=Option("--history", OptionKind.FLAG,
                      "Also report the biggest blobs in git history (TDY203, TDY206)."))
    history_top: int = _setting(  # how many of the biggest blobs in history to report
        10, file=False, option=Option(
            "--top", OptionKind.COUNT,
            "With --history: how many of the biggest blobs to report (default 10)."))
    # full duplicate pass (folders, all sizes): --duplicates
    duplicates: bool = _setting(
        False, expects="true or false", parse=_boolean,
        option=Option("--duplicates", OptionKind.FLAG,
                      "Full duplicate search: every folder copy from duplicate-min-size "
                      "(default 100 KB) on (TDY205); without it only folders of 1 MB or more "
                      "are compared. Files (TDY204) of duplicate-min-size or more either way: "
                      "lower it for smaller copies."))
    # TDY204/TDY205: smaller duplicates are not reported
    duplicate_min_size: int = _setting(100_000, expects="a size such as 100KB", parse=size_value)
    # the content cache (tidy/workspace/content_cache.py): read and written unless this is set
    no_cache: bool = _setting(
        False, expects="true or false", parse=_boolean,
        option=Option("--no-cache", OptionKind.FLAG,
                      "Neither read nor write the content cache (per repo, in its git dir): "
                      "every file's content is read again."))
    extra_kinds: tuple[Kind, ...] = ()  # [[tool.tidy.catalog]] tables
    source: str = ""  # the file the settings came from (the nearest of the chain), for messages
    # (file, key, codes) of every setting holding rule codes that a file gave, every file of
    # the chain: tidy.rules.registry.check_file_codes names the file and key of a typo.
    codes_from_files: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    exclude_from: str = ""  # the file whose folder `exclude` patterns are relative to
    # The command line's values (with_options), put on top again of a repo's own settings.
    command_line: tuple[tuple[str, Any], ...] = ()
    # Repos found below a scanned folder read their own file (False: --config named one file).
    per_repo: bool = True
    # Settings files at or above the folder that were not read, each "PATH: why" (another
    # user's: discover_all); the scan reports them as warnings.
    untrusted: tuple[str, ...] = ()

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
            return (kind.name in self.only_kinds or any(n in self.only_kinds for n in kind.names)
                    or kind.name in _companions(self.only_kinds, self.extra_kinds))
        return kind.tier in ("default", "marker", "global") or kind.name in self.kinds


@functools.cache  # asked once per hit of a scan narrowed with --kind
def _companions(only_kinds: tuple[str, ...], extra_kinds: tuple[Kind, ...]) -> frozenset[str]:
    """The kinds that go with those `--kind` names (the catalogue's `with`): tsc's
    tsbuildinfo with its outDir, which `tsc -b` otherwise calls up to date."""
    kinds = (*extra_kinds, *load_builtin())
    named = [k for k in kinds if k.name in only_kinds or any(n in only_kinds for n in k.names)]
    return companions_of(named, kinds)


def _declared(found: dataclasses.Field[Any]) -> Setting:
    spec = found.metadata["setting"]
    key = found.name.replace("_", "-") if spec["file"] else None
    return Setting(found.name, key, spec["expects"], spec["parse"], spec["option"])


SETTINGS: dict[str, Setting] = {f.name: _declared(f) for f in dataclasses.fields(Config)
                                if "setting" in f.metadata}
_KEYS: dict[str, Setting] = {s.key: s for s in SETTINGS.values() if s.key is not None}
# Tables that later features own; accepted here so one file serves every command.
_SUBTABLES = frozenset({"watch", "budgets"})


def key_in_file(source: str, key: str) -> str:
    """How a message names a key of a settings file: 'select' in [tool.tidy] of a pyproject."""
    return f"{key!r} in [tool.tidy]" if source.endswith("pyproject.toml") else repr(key)


def config_from_table(table: Mapping[str, Any], source: str, base: Config | None = None) -> Config:
    changes: dict[str, Any] = {"source": source}
    codes = list((base or Config()).codes_from_files)
    for key, value in table.items():
        if key == "catalog":
            changes["extra_kinds"] = _extra_kinds(value, source)
            continue
        if key in _SUBTABLES:
            continue
        if key not in _KEYS:
            known = ", ".join(sorted([*_KEYS, "catalog", *_SUBTABLES]))
            raise ConfigError(f"{source}: unknown key {key_in_file(source, key)} "
                              f"(known: {known})")
        setting = _KEYS[key]
        converted = setting.parse(value)
        if converted is None:
            raise ConfigError(f"{source}: {key!r} must be {setting.expects}, not {value!r}")
        changes[setting.name] = converted
        if setting.holds_codes:
            codes.append((source, key, converted))
    changes["codes_from_files"] = tuple(codes)
    if "exclude" in changes:
        changes["exclude_from"] = source
    if table.get("budgets"):
        fail_on = changes.get("fail_on", (base or Config()).fail_on)
        changes["fail_on"] = tuple(dict.fromkeys((*fail_on, BUDGET_CODES)))
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


# Settings files whose content is given rather than read (path -> its bytes; None: no such
# file): the commit hook's view, where a settings file the working tree changed is taken as
# staged (tidy.precommit.checks).
Given = Mapping[str, bytes | None]


def read_toml(path: str, given: Given | None = None) -> dict[str, Any]:
    """The TOML document at `path`; ConfigError (exit 2) for anything wrong with the file.

    A link to a shared config is followed, but only a regular file is read: a FIFO named
    `.tidy.toml` or given to --config cannot hang tidy.
    """
    try:
        data = (given[path] if given is not None and path in given
                else read_regular(path, follow_links=True))
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
    import tomllib  # with a settings file only: ~2 ms of imports a folder without one saves

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def table_in(path: str, given: Given | None = None) -> dict[str, Any] | None:
    """The tidy table of a .tidy.toml (whole file) or a pyproject.toml ([tool.tidy])."""
    document = read_toml(path, given)
    if os.path.basename(path) == ".tidy.toml":
        return document
    return table_in_pyproject(path, document)


def explicit_table(path: str) -> dict[str, Any]:
    """The settings of a file named by --config: a pyproject.toml's [tool.tidy], which must be
    there; any other name holds them at its top level, as a .tidy.toml does (or in a
    [tool.tidy] table, a pyproject.toml kept under another name). Never silently nothing."""
    document = read_toml(path)
    tool = document.get("tool")
    pyproject_shaped = isinstance(tool, dict) and "tidy" in tool
    if os.path.basename(path) == "pyproject.toml" or pyproject_shaped:
        table = table_in_pyproject(path, document)
        if table is None:
            raise ConfigError(f"{path}: no [tool.tidy] table; --config names a file of tidy's "
                              "settings (a .tidy.toml, or a pyproject.toml with [tool.tidy])")
        return table
    return document


def table_in_pyproject(path: str, document: Mapping[str, Any]) -> dict[str, Any] | None:
    tool = document.get("tool", {})
    table = tool.get("tidy") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.tidy] must be a table")
    return table


def discover(start: str) -> str | None:
    """The nearest .tidy.toml, or pyproject.toml with [tool.tidy], at or above `start`."""
    return next(discover_all(start), None)


def discover_all(start: str, untrusted: list[str] | None = None,
                 given: Given | None = None) -> Iterator[str]:
    """Each folder's .tidy.toml (else pyproject.toml with [tool.tidy]) at or above `start`,
    nearest first; one owned by another user is passed over (noted in `untrusted`).

    A settings file can declare a catalogue kind that makes `tidy fix` move any folder name
    (`src`) to the trash: one that another user planted in a shared folder above (/tmp,
    /srv/projects) must not steer a scan of the user's own folder below it, as git ignores
    a `.git` above that another user owns. Trusted are the user's own files, root's, and
    those of the scanned folder's owner (a checkout another uid made in CI, scanned by root)."""
    current = os.path.abspath(start)
    if not os.path.isdir(current):
        current = os.path.dirname(current)
    trusted = _trusted_owners(current)
    while True:
        for name in (".tidy.toml", "pyproject.toml"):
            candidate = os.path.join(current, name)
            if _holds_tidy_config(candidate, given):
                owner = next((uid for uid in _owners(candidate) if uid not in trusted), None)
                if owner is None:
                    yield candidate
                    break
                if untrusted is not None:
                    untrusted.append(
                        f"{candidate}: owned by another user (uid {owner}); its settings are "
                        f"not read (`--config {candidate}` reads it)")
                # Not `break`: a .tidy.toml planted beside the user's own pyproject.toml
                # must not hide the user's settings (their excludes and protections).
        parent = os.path.dirname(current)
        if parent == current:
            return
        current = parent


def _trusted_owners(folder: str) -> frozenset[int]:
    owners = {os.getuid(), 0}
    with contextlib.suppress(OSError):
        owners.add(os.stat(folder).st_uid)
    return frozenset(owners)


def _owners(path: str) -> tuple[int, ...]:
    """Whose the file that is read is (a link is followed, as reading follows it), and
    whose a link in its place is: another user's link to one of the user's own files
    chooses which settings apply here, as much as a file of theirs would."""
    owners = []
    for follow in (True, False):
        try:
            owners.append(os.stat(path, follow_symlinks=follow).st_uid)
        except OSError:
            owners.append(os.getuid())  # gone: reading it fails and says so
    return tuple(owners)


def _holds_tidy_config(path: str, given: Given | None = None) -> bool:
    if given is not None and path in given:
        data = given[path]
        return data is not None and (os.path.basename(path) == ".tidy.toml"
                                     or b"tool.tidy" in data)
    if not os.path.isfile(path):
        return False
    if os.path.basename(path) == ".tidy.toml":
        return True
    # Only a pyproject.toml that mentions tidy is read, so a broken one elsewhere in a
    # workspace does not stop a scan; a broken one that mentions tidy is still an error.
    try:
        data = read_regular(path, follow_links=True)
    except (OSError, UnsafeFile):
        return False
    return data is not None and b"tool.tidy" in data


def load(start: str, explicit: str | None = None, given: Given | None = None) -> Config:
    """`explicit`'s settings alone; else every settings file at or above `start`, each over
    the one above it (a workspace's file is the base of its repos' own). `given`: files
    whose content is given, not read."""
    if explicit:
        table = explicit_table(explicit)
        return dataclasses.replace(config_from_table(table, explicit), per_repo=False)
    config = Config()
    untrusted: list[str] = []
    for path in reversed(list(discover_all(start, untrusted, given))):
        config = config_from_table(table_in(path, given) or {}, path, base=config)
    return dataclasses.replace(config, untrusted=tuple(untrusted)) if untrusted else config


def for_folder(config: Config, folder: str) -> Config:
    """The settings a repo found below the scanned folder runs with: its own file over the
    workspace's (load), the command line on top; `config` itself when nothing nearer is
    there (or --config named the one file)."""
    if not config.per_repo or discover(folder) == (config.source or None):
        return config
    return with_options(load(folder), dict(config.command_line))


def with_options(config: Config, given: Mapping[str, object]) -> Config:
    """`config` with the command line's values on top (parsed by tidy/cli/options.py; None:
    not given). An option of kind PATTERNS adds to the file's list instead of replacing it."""
    changes: dict[str, Any] = {}  # checked by the option's parsing, typed by its kind
    given_now: list[tuple[str, Any]] = []
    for name, value in given.items():
        option = SETTINGS[name].option
        if option is not None and option.kind is OptionKind.PATTERNS:
            if isinstance(value, tuple) and value:
                changes[name] = tuple(dict.fromkeys((*getattr(config, name), *value)))
                given_now.append((name, value))
        elif value is not None:
            changes[name] = value
            given_now.append((name, value))
    return dataclasses.replace(config, command_line=tuple(given_now), **changes)
