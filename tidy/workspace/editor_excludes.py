"""What VS Code's own settings keep out of search: `search.exclude` and `files.exclude`.

ripgrep does not read `.vscode/settings.json`, but VS Code search (and the assistants built on
it) does, so the search surface honours the globs set to `true` there. Globs are matched
against folders: a folder is out when the glob matches it or everything inside it
(`**/node_modules`, `static/vendor/**`); a pattern about file names (`**/*.min.js`) cannot be
applied to per-folder sums and is left out, as with `.ignore`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tidy.core.safe_files import read_in_root

KEYS = ("search.exclude", "files.exclude")
SETTINGS = ".vscode/settings.json"


def settings_globs(root: str) -> list[str]:
    """The globs turned on in `<root>/.vscode/settings.json`; none for a missing or bad file."""
    try:  # never a FIFO, nor a link (the engine notes those: config_file_notes)
        raw = read_in_root(root, SETTINGS, verb="read")
    except (OSError, ValueError):  # ValueError: UnsafeFile
        return []
    if raw is None:
        return []
    from tidy.core.jsonc import JsoncError, loads  # only with a settings file: ~2 ms

    try:
        data = loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, JsoncError, ValueError):
        return []  # a malformed file is the fixer's to report, not the scan's to guess at
    if not isinstance(data, dict):
        return []
    globs: list[str] = []
    for key in KEYS:
        table = data.get(key)
        if isinstance(table, dict):
            globs += [glob for glob, on in table.items() if on is True]
    return list(dict.fromkeys(globs))


def glob_regex(glob: str) -> re.Pattern[str]:
    """VS Code's glob syntax (`**`, `*`, `?`, `{a,b}`, `[...]`) as an anchored regex."""
    out: list[str] = []
    i = 0
    glob = glob.strip().lstrip("/")
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("/**", i) and i + 3 == len(glob):
            out.append("(?:/.*)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            out.append(_one(glob[i]))
            i += 1
    return re.compile("".join(out).replace("\0{", "(?:").replace("\0}", ")") + r"\Z")


def _one(char: str) -> str:
    return {"*": "[^/]*", "?": "[^/]", "{": "\0{", "}": "\0}", ",": "|", "[": "[",
            "]": "]"}.get(char, re.escape(char))


def folder_filter(root: str) -> Callable[[str], bool] | None:
    """A test `excluded(rel_folder)`, or None when the settings exclude nothing."""
    patterns = [glob_regex(g) for g in settings_globs(root)]
    if not patterns:
        return None

    def excluded(rel: str) -> bool:
        inside = rel + "/\0"  # any name in the folder: a glob over its contents matches it
        return any(p.match(rel) or p.match(inside) for p in patterns)

    return excluded
