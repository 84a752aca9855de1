"""The watch policy: what `tidy watch` (and `--once`, and the nightly schedule) does on its own.

Read from, later winning per key:

    built-in defaults
    the user's file       $XDG_CONFIG_HOME/tidy/config.toml (else ~/.config/tidy/config.toml),
                          table [watch]
    the project's file    [tool.tidy.watch] in pyproject.toml, or [watch] in .tidy.toml
    the command line      (runner options)

    [tool.tidy.watch]
    stale-bytecode = "trash"         # "trash" at once | "report" | "off"
    artifacts-older-than = "30d"     # trash artifacts of projects untouched this long; false: off
    artifact-kinds = []              # only these catalogue kinds (default: every safe kind)
    cache-budget = "5GB"             # per watched root: evict the oldest caches above it; false
    cache-kinds = []                 # what counts against the budget (default: every safe kind)
    big-file = "50MB"                # warn when a file this big sits where git would add it
    settle = "2s"                    # quiet time before a rescan (Watchman's settle)
    quiet = "10s"                    # nothing written more recently than this is touched
    rescan-every = "1h"              # reconciliation scan (events can be lost)
    max-watches = 100000             # inotify watches tidy may use (default: half the free ones)

Unknown keys and wrong types are errors naming the key and the file (tidy/core/config.py accepts the
`watch` table and leaves it to this module).

Decisions are pure functions of a Report (and the clock): each returns a Plan built by
tidy.fixes.plan.build, so whatever the watcher moves goes through apply_plan and the journal.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tidy.core.catalog import load_builtin
from tidy.core.config import Config, ConfigError, read_toml, size_value, table_in
from tidy.core.models import ActionKind, Report
from tidy.core.units import parse_age
from tidy.fixes.plan import LeftOut, Plan, PlannedAction, PlanOptions, build

STALE_MODES = ("trash", "report", "off")
DAY = 86400.0


@dataclass(frozen=True)
class WatchPolicy:
    stale_bytecode: str = "trash"
    artifacts_older_than: float | None = 30 * DAY
    artifact_kinds: tuple[str, ...] = ()
    cache_budget: int | None = None
    cache_kinds: tuple[str, ...] = ()
    big_file: int | None = 50_000_000
    settle: float = 2.0
    quiet: float = 10.0
    rescan_every: float = 3600.0
    max_watches: int | None = None
    sources: tuple[str, ...] = ()  # the files the settings came from, for messages


# -- reading ---------------------------------------------------------------------------------
def _age(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value >= 0 else None
    if isinstance(value, str):
        try:
            return parse_age(value)
        except ValueError:
            return None
    return None


def _age_or_off(value: Any) -> float | bool | None:
    return False if value is False else _age(value)


def _size_or_off(value: Any) -> int | bool | None:
    return False if value is False else size_value(value)


def _stale_mode(value: Any) -> str | None:
    return value if value in STALE_MODES else None


def _names(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


# key -> (field, converter returning None on a wrong type, what it must be).
# Converters may return False for "off" (the key's feature disabled), stored as None.
_KEYS: dict[str, tuple[str, Callable[[Any], Any], str]] = {
    "stale-bytecode": ("stale_bytecode", _stale_mode, '"trash", "report" or "off"'),
    "artifacts-older-than": ("artifacts_older_than", _age_or_off, "an age such as 30d, or false"),
    "artifact-kinds": ("artifact_kinds", _names, "a list of catalogue kind names"),
    "cache-budget": ("cache_budget", _size_or_off, "a size such as 5GB, or false"),
    "cache-kinds": ("cache_kinds", _names, "a list of catalogue kind names"),
    "big-file": ("big_file", _size_or_off, "a size such as 50MB, or false"),
    "settle": ("settle", _age, "a duration such as 2s"),
    "quiet": ("quiet", _age, "a duration such as 10s"),
    "rescan-every": ("rescan_every", _age, "a duration such as 1h"),
    "max-watches": ("max_watches", _count, "a positive number of inotify watches"),
}


def policy_from_table(table: Any, source: str, base: WatchPolicy | None = None,
                      where: str = "[tool.tidy.watch]",
                      known_kinds: Iterable[str] | None = None) -> WatchPolicy:
    """Validate one watch table; unknown keys and wrong values name the key and the file."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{source}: {where} must be a table")
    changes: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{source}: unknown key {key!r} in {where} (known: {known})")
        field_name, convert, expected = _KEYS[key]
        converted = convert(value)
        if converted is None:
            raise ConfigError(f"{source}: {key!r} in {where} must be {expected}, not {value!r}")
        changes[field_name] = None if converted is False else converted
    for key in ("artifact_kinds", "cache_kinds"):
        if key in changes:
            _check_kinds(changes[key], source, where, known_kinds)
    policy = dataclasses.replace(base or WatchPolicy(), **changes)
    return dataclasses.replace(policy, sources=(*policy.sources, source))


def _check_kinds(names: Sequence[str], source: str, where: str,
                 known_kinds: Iterable[str] | None) -> None:
    known = set(known_kinds) if known_kinds is not None else _builtin_kind_names()
    unknown = sorted(set(names) - known)
    if unknown:
        raise ConfigError(f"{source}: unknown catalogue kind {', '.join(map(repr, unknown))} "
                          f"in {where} (see catalog.toml)")


def _builtin_kind_names() -> set[str]:
    kinds = load_builtin()
    return {k.name for k in kinds} | {n for k in kinds for n in k.names}


def user_config_path() -> str:
    """$XDG_CONFIG_HOME/tidy/config.toml (a relative XDG value is ignored, as the spec says)."""
    xdg = os.environ.get("XDG_CONFIG_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "tidy", "config.toml")


_USER_TABLES = frozenset({"watch"})


def load_user_policy(base: WatchPolicy | None = None, path: str | None = None,
                     known_kinds: Iterable[str] | None = None) -> WatchPolicy:
    path = path or user_config_path()
    if not os.path.isfile(path):
        return base or WatchPolicy()
    check_owned(path)
    document = read_toml(path)
    for key in document:
        if key not in _USER_TABLES:
            raise ConfigError(f"{path}: unknown key {key!r} (known: {', '.join(_USER_TABLES)})")
    if "watch" not in document:
        return base or WatchPolicy()
    return policy_from_table(document["watch"], path, base, "[watch]", known_kinds)


def check_owned(path: str) -> None:
    """The user's file decides what the nightly job and `tidy watch` trash on their own
    (`artifacts-older-than = "0d"` moves every artifact, `cache-budget = "1B"` every cache).
    So it is read only when no other user could have written it: the file (a link followed)
    and a link in its place are the user's or root's, and neither the file nor any folder
    above it, up to the home folder (or `/` for a file outside it), may be written by others
    (a group is other users too; a sticky folder such as /tmp lets no one rename what is
    not theirs), as OpenSSH's StrictModes asks of ~/.ssh: whoever may write `~/.config`
    may rename `tidy/` away and put their own in its place. Else ConfigError."""
    me = os.geteuid()
    try:
        checked = [(path, os.stat(path, follow_symlinks=False), "file")]
        real = os.path.realpath(path)
        checked += [(real, os.stat(real), "file")]
        checked += [(folder, st, "folder") for folder, st in _folders_above(path, real)]
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    for where, st, what in checked:
        why = _not_only_yours(st, me, what)
        if why:
            raise ConfigError(f"{path}: not read, {why} ({where}); the [watch] settings there "
                              "decide what tidy moves on its own: make it yours, `chmod go-w`")


def _folders_above(path: str, real: str) -> list[tuple[str, os.stat_result]]:
    """Every folder holding `path` (as written, each a link's own entry and where it leads)
    and `real` (the file it resolves to), from its own folder up to the home folder, or up to
    `/` when it is not inside the home folder; each once."""
    home = os.path.expanduser("~")
    stops = {os.path.normpath(home), os.path.realpath(home)}
    found: dict[str, list[os.stat_result]] = {}
    for start in (os.path.dirname(os.path.abspath(path)), os.path.dirname(real)):
        folder = start
        while folder not in found:
            found[folder] = [os.stat(folder, follow_symlinks=False), os.stat(folder)]
            parent = os.path.dirname(folder)
            if folder in stops or parent == folder:
                break
            folder = parent
    return [(folder, st) for folder, stats in found.items() for st in stats]


def _not_only_yours(st: os.stat_result, me: int, what: str) -> str:
    if st.st_uid not in (me, 0):
        return f"the {what} belongs to another user (uid {st.st_uid})"
    if stat.S_ISLNK(st.st_mode):
        return ""  # a link's own mode means nothing; its owner was checked
    sticky = what == "folder" and st.st_mode & stat.S_ISVTX
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not sticky:
        who = "anyone" if st.st_mode & stat.S_IWOTH else "its group"
        return f"the {what} may be written by {who}"
    return ""


def load_policy(config: Config, user_file: str | None = None) -> WatchPolicy:
    """Defaults < the user's file < the project's [tool.tidy.watch] (where `config` came from)."""
    known = _builtin_kind_names() | {k.name for k in config.extra_kinds} | {
        n for k in config.extra_kinds for n in k.names}
    policy = load_user_policy(path=user_file, known_kinds=known)
    if not config.source:
        return policy
    table = table_in(config.source) or {}
    if "watch" not in table:
        return policy
    where = "[watch]" if config.source.endswith(".tidy.toml") else "[tool.tidy.watch]"
    return policy_from_table(table["watch"], config.source, policy, where, known)


# -- deciding --------------------------------------------------------------------------------
_TRASH_ONLY = (ActionKind.TRASH,)


def _kind_filter(kinds: tuple[str, ...], catalog_names: Mapping[str, str]) -> tuple[str, ...]:
    """Kind names as findings carry them (a kind's alias `.nox` means kind `.tox`)."""
    return tuple(dict.fromkeys(catalog_names.get(k, k) for k in kinds))


def _aliases(config: Config) -> dict[str, str]:
    kinds = (*config.extra_kinds, *load_builtin())
    return {n: k.name for k in kinds for n in (k.name, *k.names)}


def stale_bytecode_plan(report: Report, policy: WatchPolicy) -> Plan:
    """Bytecode whose source is gone (TDY103): moved at once, the same moment it settles."""
    if policy.stale_bytecode != "trash":
        return Plan(report.roots, ())
    return build(report, PlanOptions(select=("TDY103",), actions=_TRASH_ONLY))


def old_artifacts_plan(report: Report, policy: WatchPolicy, config: Config,
                       now: float | None = None) -> Plan:
    """Artifacts (TDY101, safe) of projects whose own newest file is older than the policy's age.

    The artifact itself must be as old too: a node_modules installed yesterday in a project
    whose sources are a year old belongs to someone who is running it again. The plan's
    `left_out` names each artifact the age keeps, and why: a pass that moves nothing says so.
    """
    older = policy.artifacts_older_than
    if older is None:
        return Plan(report.roots, ())
    now = now or time.time()
    plan = build(report, PlanOptions(
        select=("TDY101",), kinds=_kind_filter(policy.artifact_kinds, _aliases(config)),
        now=now, actions=_TRASH_ONLY, catalog=config.catalog()))
    kept: list[PlannedAction] = []
    young: list[LeftOut] = []
    for action in plan.actions:
        why = _too_recent(action, older, now)
        if why:
            young.append(LeftOut(action.path, action.code, why))
        else:
            kept.append(action)
    return dataclasses.replace(plan, actions=tuple(kept), left_out=tuple(young))


def _too_recent(action: PlannedAction, older: float, now: float) -> str:
    """Why the age policy keeps `action` (empty: old enough to move)."""
    limit = f"artifacts-older-than {_span(older)}"
    if not action.activity:
        return f"project age unknown (no files of its own); {limit}"
    if now - action.activity < older:
        return f"project changed {_span(now - action.activity)} ago; {limit}"
    if now - action.expected.newest_mtime < older:
        return f"written {_span(now - action.expected.newest_mtime)} ago; {limit}"
    return ""


def _span(seconds: float) -> str:
    return f"{max(0, int(seconds // 3600))}h" if seconds < DAY else f"{int(seconds // DAY)}d"


def cache_candidates(report: Report, policy: WatchPolicy, config: Config) -> tuple[
        PlannedAction, ...]:
    """What counts against the cache budget: safe TDY101 artifacts of the policy's kinds."""
    if policy.cache_budget is None:
        return ()
    plan = build(report, PlanOptions(
        select=("TDY101",), kinds=_kind_filter(policy.cache_kinds, _aliases(config)),
        actions=_TRASH_ONLY, catalog=config.catalog()))
    return plan.actions


@dataclass(frozen=True)
class Eviction:
    chosen: tuple[PlannedAction, ...]
    total_before: int
    total_after: int


def evict_oldest(candidates: Iterable[PlannedAction], budget: int) -> Eviction:
    """The least recently written caches first (then the bigger), until the rest fits."""
    pool = list(candidates)
    total = sum(c.bytes for c in pool)
    chosen: list[PlannedAction] = []
    remaining = total
    for candidate in sorted(pool, key=lambda c: (c.expected.newest_mtime, -c.bytes, c.path)):
        if remaining <= budget:
            break
        chosen.append(candidate)
        remaining -= candidate.bytes
    return Eviction(tuple(chosen), total, remaining)


def tracked_big_files(report: Report, policy: WatchPolicy) -> list[tuple[str, int]]:
    """Tracked files over the policy's size (the scan's TDY201/TDY202 findings), absolute."""
    if policy.big_file is None:
        return []
    found = []
    for group in report.groups:
        for finding in group.findings:
            if finding.code in ("TDY201", "TDY202") and finding.size.apparent >= policy.big_file:
                found.append((os.path.join(group.root, finding.path), finding.size.apparent))
    return found
