"""The lines of a repo's files that tidy's own fixes wrote, so no rule mistakes them for the
user's: the managed block of an ignore file (`.gitignore`, `.ignore`, `.aiignore` ...), the
exclude entries of `.vscode/settings.json`, and pyright's `exclude` (pyrightconfig.json, or
[tool.pyright] in pyproject.toml).

Each of them only keeps a path out of git, search, a watcher or a type checker: that is never
evidence that anything uses the path (a vendored library tidy excluded from search is as
unused after the fix as before it). The settings keys carry no marker, so every exclude entry
there counts, whoever wrote it: an exclusion is not a use either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tidy.core import jsonc
from tidy.core.safe_files import UnsafeFile, read_in_root
from tidy.workspace.textscan import Match

# The markers of the block tidy writes into ignore files (tidy.fixes.ignore.managed_block).
BLOCK_BEGIN = "# >>> tidy managed (do not edit this block) >>>"
BLOCK_END = "# <<< tidy managed <<<"
# VS Code keys whose entries only exclude (search, the explorer, the file watcher).
SETTINGS_EXCLUDE_KEYS = ("search.exclude", "files.watcherExclude", "files.exclude")
PYRIGHT_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*pyright\s*\]\s*(#.*)?$")
ANY_TOML_HEADER = re.compile(r"^\s*\[")
PYRIGHT_EXCLUDE = re.compile(r"^(\s*)exclude\s*=\s*\[")


def without_written(root: str, matches: Sequence[Match]) -> list[Match]:
    """`matches` less those on a line tidy wrote (or an exclude entry, see the module doc)."""
    written = {path: written_lines(root, path) for path in {m.path for m in matches}
               if may_hold_written(path)}
    return [m for m in matches if m.line_no not in written.get(m.path, ())]


def may_hold_written(path: str) -> bool:
    """A file tidy's fixes write lines into (the only ones without_written reads)."""
    name = path.rsplit("/", 1)[-1]
    return (name.endswith("ignore") or path == ".vscode/settings.json"
            or path in ("pyrightconfig.json", "pyproject.toml"))


def written_lines(root: str, rel: str) -> frozenset[int]:
    """1-based line numbers of `root/rel` that tidy wrote (empty for a file it cannot read:
    a link, a FIFO, not UTF-8)."""
    try:
        data = read_in_root(root, rel, verb="read")
        text = data.decode("utf-8") if data is not None else ""
    except (OSError, UnsafeFile, UnicodeDecodeError):
        return frozenset()
    if rel == ".vscode/settings.json":
        return _json_entry_lines(text, SETTINGS_EXCLUDE_KEYS)
    if rel == "pyrightconfig.json":
        return _json_entry_lines(text, ("exclude",))
    if rel == "pyproject.toml":
        return _pyright_exclude_lines(text)
    return _block_lines(text)


def _block_lines(text: str) -> frozenset[int]:
    lines = [line.strip() for line in text.splitlines()]
    if lines.count(BLOCK_BEGIN) != 1 or lines.count(BLOCK_END) != 1:
        return frozenset()  # no block, or a broken one: nothing is provably tidy's
    begin, end = lines.index(BLOCK_BEGIN), lines.index(BLOCK_END)
    return frozenset(range(begin + 1, end + 2)) if begin < end else frozenset()


def _json_entry_lines(text: str, keys: Sequence[str]) -> frozenset[int]:
    """Lines holding the entries of the top-level `keys` (members or items), less any line
    where another key starts too (a one-line file is the user's, not tidy's)."""
    try:
        root = jsonc.parse(text).root
    except jsonc.JsoncError:
        return frozenset()
    if root is None or root.kind != "object":
        return frozenset()
    entries: set[int] = set()
    others: set[int] = set()
    for member in root.members:
        others.add(_line(text, member.key_start))
        if member.key in keys:
            for start in _entry_starts(member.value):
                entries.add(_line(text, start))
        else:
            others.update(_line(text, start) for start in _key_starts(member.value))
    return frozenset(entries - others)


def _entry_starts(node: jsonc.Node) -> list[int]:
    if node.kind == "object":
        return [m.key_start for m in node.members]
    if node.kind == "array":
        return [item.start for item in node.items]
    return []


def _key_starts(node: jsonc.Node) -> Iterable[int]:
    for member in node.members:
        yield member.key_start
        yield from _key_starts(member.value)
    for item in node.items:
        yield from _key_starts(item)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _pyright_exclude_lines(text: str) -> frozenset[int]:
    """The lines inside `exclude = [...]` of [tool.pyright], the `exclude =` line included."""
    lines = text.splitlines(keepends=True)
    header = next((i for i, line in enumerate(lines) if PYRIGHT_HEADER.match(line)), None)
    if header is None:
        return frozenset()
    end = next((i for i in range(header + 1, len(lines)) if ANY_TOML_HEADER.match(lines[i])),
               len(lines))
    at = next((i for i in range(header + 1, end) if PYRIGHT_EXCLUDE.match(lines[i])), None)
    if at is None:
        return frozenset()
    start = sum(len(line) for line in lines[:at]) + lines[at].index("[")
    close = toml_array_end(text, start)
    if close is None:
        return frozenset()
    return frozenset(range(at + 1, _line(text, close) + 1))


def toml_array_end(text: str, start: int) -> int | None:
    """The offset of the `]` closing the TOML array opened at `start`; None when unclosed."""
    depth, i = 0, start
    while i < len(text):
        char = text[i]
        if char in "\"'":
            i = _toml_string_end(text, i)
            continue
        if char == "#":
            i = text.find("\n", i)
            if i < 0:
                break
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _toml_string_end(text: str, i: int) -> int:
    quote = text[i]
    triple = text.startswith(quote * 3, i)
    delimiter = quote * 3 if triple else quote
    j = i + len(delimiter)
    while j < len(text):
        if quote == '"' and text[j] == "\\":
            j += 2
            continue
        if text.startswith(delimiter, j):
            return j + len(delimiter)
        j += 1
    return j
