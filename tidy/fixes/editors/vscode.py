"""Merge `search.exclude` and `files.watcherExclude` entries into `.vscode/settings.json`.

The file is JSONC and belongs to the user: it is edited with insertions only (tidy.core.jsonc),
then both versions are parsed and the edit is refused unless the one difference is the added
keys and every comment is still there. A parse error or a duplicate key stops the fix with a
message and the file untouched. The write is atomic and journaled (tidy.fixes.ignore.apply),
and a dry run shows the unified diff. Only a regular `settings.json` reached from the root without
following a link is read for an edit or written (tidy.core.safe_files): a symlinked file or
`.vscode` folder is refused with the reason.

Globs are root-relative (`static/vendor/ketcher/**`), never `**/…` on big trees: a leading
`**/` defeats VS Code's relative-pattern optimisation (microsoft/vscode#306224).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from tidy.core import jsonc
from tidy.core.safe_files import UnsafeFile, read_in_root
from tidy.fixes.ignore.managed_block import TextEdit

SETTINGS = ".vscode/settings.json"
KEYS = ("search.exclude", "files.watcherExclude")


class SettingsError(ValueError):
    """settings.json cannot be edited safely; nothing was written."""


@dataclass(frozen=True)
class SettingsPlan(TextEdit):
    added: tuple[str, ...]  # globs that are new in at least one key


def exclude_glob(folder: str) -> str:
    """`static/vendor/ketcher` -> `static/vendor/ketcher/**` (root-relative, no leading **/)."""
    cleaned = folder.strip().strip("/")
    if not cleaned or cleaned == ".":
        raise ValueError("refusing to exclude the whole workspace")
    return cleaned + "/**"


def plan(root: str, folders: Sequence[str], rel: str = SETTINGS) -> SettingsPlan:
    """The settings file with every folder excluded from search and the file watcher."""
    before = read_settings(root, rel)
    globs = [exclude_glob(f) for f in folders]
    entries: dict[str, jsonc.JsonValue] = {g: True for g in globs}
    text = before or ""
    try:
        current = _values(text)
        after = text
        for key in KEYS:
            edited = jsonc.merge_entries(after, [key], entries)
            jsonc.verify_merge(after, edited, [key], entries)
            after = edited
    except jsonc.JsoncError as error:
        raise SettingsError(f"{rel}: {error}; tidy changed nothing") from None
    added = tuple(g for g in globs if any(g not in _section(current, k) for k in KEYS))
    return SettingsPlan(os.path.abspath(root), rel, before, after, added)


def read_settings(root: str, rel: str = SETTINGS) -> str | None:
    """root/rel as text (None when missing); SettingsError for a link, a FIFO, bad UTF-8."""
    try:
        data = read_in_root(root, rel)
    except UnsafeFile as error:
        raise SettingsError(str(error)) from None
    except OSError as error:
        raise SettingsError(f"{rel}: cannot read: {error.strerror or error}") from None
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SettingsError(f"{rel}: not UTF-8 (byte {error.start}); tidy changed nothing") \
            from None


def _values(text: str) -> dict[str, jsonc.JsonValue]:
    value = jsonc.loads(text)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise jsonc.JsoncError("the top-level value is not an object")
    return value


def _section(values: dict[str, jsonc.JsonValue], key: str) -> dict[str, jsonc.JsonValue]:
    section = values.get(key)
    return section if isinstance(section, dict) else {}
