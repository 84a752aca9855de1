"""Search and indexing excludes outside git: `.ignore`, AI-editor ignore files, pyright.

Every function here computes a new file text from the old one (pure), or writes one file
(write_config: atomic, and only while the file is still the one read, tidy.core.swap;
tidy.fixes.ignore.apply journals it first and re-merges when it changed meanwhile). Files are
read and written only as regular files reached from the root without following a link
(tidy.core.safe_files): a symlinked `.ignore` or `pyproject.toml`, or one in a linked folder,
is refused with the reason. What to exclude is decided elsewhere (tidy.analysis.ignore_choice);
fixers never detect.

Which files are meant to be committed:
- `.ignore` (ripgrep, fd, ag, VS Code search): yes, it is the project's search scope.
- `.cursorindexingignore` (Cursor: not indexed, still readable by the AI; `.cursorignore`
  would block access and is not written): yes for a team that uses Cursor, although
  github/gitignore's Cursor template lists it as personal.
- `.aiignore` (JetBrains AI Assistant and Junie): yes, it sits at the project root for everyone.
- `.codeiumignore` (Windsurf / Codeium indexing): yes, repo root.
- pyright `exclude` in pyproject.toml / pyrightconfig.json: yes, it is project config.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tidy.core import jsonc
from tidy.core.safe_files import UnsafeFile, check_editable
from tidy.core.swap import Seen, read_seen, swap_in_root
from tidy.fixes.ignore.managed_block import (
    IgnoreFileError,
    TextEdit,
    merge_block,
    read_file,
)
from tidy.workspace.tidy_written import (
    ANY_TOML_HEADER,
    PYRIGHT_EXCLUDE,
    PYRIGHT_HEADER,
    toml_array_end,
)

DOT_IGNORE = ".ignore"


@dataclass(frozen=True)
class EditorFile:
    editor: str
    filename: str
    markers: tuple[str, ...]  # any of these at the repo root means the tool is in use
    note: str


EDITOR_FILES: dict[str, EditorFile] = {
    "cursor": EditorFile(
        "cursor", ".cursorindexingignore", (".cursor", ".cursorignore", ".cursorindexingignore",
                                            ".cursorrules"),
        "Cursor indexing (files stay readable by the AI); commit it for a team that uses "
        "Cursor (github/gitignore's Cursor template treats it as personal)"),
    "jetbrains": EditorFile(
        "jetbrains", ".aiignore", (".idea", ".aiignore", ".noai"),
        "JetBrains AI Assistant / Junie; meant to be committed"),
    "windsurf": EditorFile(
        "windsurf", ".codeiumignore", (".windsurf", ".codeiumignore", ".windsurfrules"),
        "Windsurf / Codeium indexing; meant to be committed"),
}
EDITOR_NAMES = ("vscode", *EDITOR_FILES)
# pyright's own defaults, which any explicit `exclude` list replaces (pyright configuration.md)
PYRIGHT_DEFAULTS = ("**/node_modules", "**/__pycache__", "**/.*")


def edited_by_tidy(action: str, rel: str) -> bool:
    """Whether an `action` fix ("ignore", "editor-exclude") ever writes `rel` (relative to its
    root): the only files its undo may write. A journal is input, not trusted: an entry
    naming .git/config or a source file must never make undo write its "old text" there."""
    if action == "ignore":
        return rel == ".gitignore"
    pyright = ("pyrightconfig.json", "pyproject.toml")
    return rel in (DOT_IGNORE, ".vscode/settings.json", *pyright,
                   *(spec.filename for spec in EDITOR_FILES.values()))


class EditError(ValueError):
    """A file tidy will not edit; nothing was written."""


@dataclass(frozen=True)
class FileEdit(TextEdit):
    note: str = ""
    added: tuple[str, ...] | None = None  # managed-block files: the patterns this edit adds


def read_config(root: str, rel: str) -> str | None:
    """root/rel as text, None when missing; EditError when tidy will not read it for an edit
    (a symlink, a FIFO, a linked folder on the way, unreadable)."""
    try:
        return read_file(root, rel)
    except (UnsafeFile, IgnoreFileError) as error:
        raise EditError(str(error)) from None


def edit_problem(root: str, rel: str) -> str:
    """Why tidy would not edit root/rel ("" when it would); reads nothing (for plans)."""
    try:
        return check_editable(root, rel)
    except OSError as error:
        return f"{rel}: {error.strerror or error}"


def parse_editors(value: str | Sequence[str]) -> tuple[str, ...]:
    """`--editor cursor,jetbrains` -> ("cursor", "jetbrains"); unknown names are an error."""
    names = value.split(",") if isinstance(value, str) else list(value)
    cleaned = tuple(dict.fromkeys(n.strip().lower() for n in names if n.strip()))
    unknown = [n for n in cleaned if n not in EDITOR_NAMES]
    if unknown:
        raise ValueError(f"unknown editor {unknown[0]!r} (known: {', '.join(EDITOR_NAMES)})")
    return cleaned


def editors_in_use(root: str, requested: Sequence[str] = ()) -> tuple[str, ...]:
    """The requested editors plus those whose folder or file is at the repo root."""
    found = list(requested)
    if os.path.isdir(os.path.join(root, ".vscode")) and "vscode" not in found:
        found.append("vscode")
    for name, spec in EDITOR_FILES.items():
        if name not in found and any(os.path.lexists(os.path.join(root, m))
                                     for m in spec.markers):
            found.append(name)
    return tuple(found)


# ---------------------------------------------------------------------------- plans

def holds_python(folder: str) -> bool:
    """Any .py/.pyi file below `folder` (.git skipped): pyright's exclude then matters."""
    for _current, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".git"]
        if any(f.endswith((".py", ".pyi")) for f in files):
            return True
    return False


def files_to_edit(root: str, ignore_rules: bool, python: bool = True) -> list[str]:
    """The files an ignore fix (`ignore_rules`) or an editor-exclude fix may edit at `root`
    (pyright's only when an excluded folder holds `python`)."""
    if ignore_rules:
        return [".gitignore"]
    files = [DOT_IGNORE]
    if os.path.lexists(os.path.join(root, ".vscode")):
        files.append(".vscode/settings.json")
    files += [EDITOR_FILES[name].filename for name in editors_in_use(root)
              if name in EDITOR_FILES]
    if python:
        files += [rel for rel in ("pyrightconfig.json", "pyproject.toml")
                  if os.path.lexists(os.path.join(root, rel))][:1]  # the one pyright reads
    return files


def refused_files(root: str, ignore_rules: bool, python: bool = True
                  ) -> list[tuple[str, str]]:
    """(file, why) for each file that fix would edit but tidy will not (for plans)."""
    found = []
    for rel in files_to_edit(root, ignore_rules, python):
        problem = edit_problem(root, rel)
        if problem:
            found.append((rel, problem))
    return found


def ignore_file_edit(root: str, filename: str, patterns: Sequence[str], note: str = "") -> FileEdit:
    """`patterns` added to the tidy block of `root/filename` (.gitignore syntax files)."""
    before = read_config(root, filename)
    try:
        after = merge_block(before or "", patterns)
    except IgnoreFileError as error:
        raise EditError(f"{filename}: {error}") from None
    old = set(_block_patterns(before or ""))
    added = tuple(p for p in _block_patterns(after) if p not in old)
    return FileEdit(root, filename, before, after, note, added)


def _block_patterns(text: str) -> list[str]:
    from tidy.fixes.ignore.managed_block import managed_patterns

    try:
        return managed_patterns(text)
    except IgnoreFileError:
        return []


def editor_file_edits(root: str, editors: Sequence[str], patterns: Sequence[str]
                      ) -> list[FileEdit]:
    edits = []
    for name in editors:
        spec = EDITOR_FILES.get(name)
        if spec is not None:
            edits.append(ignore_file_edit(root, spec.filename, patterns, spec.note))
    return edits


def pyright_edit(root: str, globs: Sequence[str]) -> FileEdit | None:
    """`globs` added to pyright's `exclude`, where the project configures pyright.

    pyrightconfig.json wins over [tool.pyright] (as in pyright). A new list restates
    pyright's defaults, which an explicit list replaces. Without any pyright config, only a
    pyproject.toml gets a [tool.pyright] table; no file is created from nothing, because a
    pyright config makes Pylance ignore the overlapping python.analysis.* settings.
    """
    if os.path.lexists(os.path.join(root, "pyrightconfig.json")):
        return _pyrightconfig_edit(root, globs)
    if os.path.lexists(os.path.join(root, "pyproject.toml")):
        return _pyproject_edit(root, globs)
    return None


def _pyrightconfig_edit(root: str, globs: Sequence[str]) -> FileEdit:
    rel = "pyrightconfig.json"
    before = read_config(root, rel) or ""
    try:
        current = jsonc.loads(before)
        has_list = isinstance(current, dict) and isinstance(current.get("exclude"), list)
        items = list(globs) if has_list else [*PYRIGHT_DEFAULTS, *globs]
        after = jsonc.merge_items(before, ["exclude"], items)
        expected = dict(current or {})
        merged = list(expected.get("exclude", []))
        merged += [i for i in dict.fromkeys(items) if i not in merged]
        expected["exclude"] = merged
        if jsonc.loads(after) != expected or (before and not _kept(before, after)):
            raise jsonc.JsoncError("internal check failed")
    except jsonc.JsoncError as error:
        raise EditError(f"{rel}: {error}; tidy changed nothing") from None
    return FileEdit(root, rel, before, after, "pyright / Pylance exclude")


def _kept(before: str, after: str) -> bool:
    it = iter(after)
    return all(char in it for char in before)


def _pyproject_edit(root: str, globs: Sequence[str]) -> FileEdit | None:
    rel = "pyproject.toml"
    before = read_config(root, rel) or ""
    try:
        document = tomllib.loads(before)
    except tomllib.TOMLDecodeError as error:
        raise EditError(f"{rel}: invalid TOML ({error}); tidy changed nothing") from None
    table = document.get("tool", {}).get("pyright")
    current = table.get("exclude") if isinstance(table, dict) else None
    if current is not None and not isinstance(current, list):
        raise EditError(f"{rel}: [tool.pyright] exclude is not a list; tidy changed nothing")
    new = [g for g in globs if g not in (current or [])]
    if current is not None and not new:
        return None
    eol = "\r\n" if "\r\n" in before else "\n"
    after = _toml_with_exclude(before, current, new, eol)
    _check_toml(rel, document, after, current, new)
    return FileEdit(root, rel, before, after, "pyright / Pylance exclude")


def _toml_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(_toml_string(i) for i in items) + "]"


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_with_exclude(text: str, current: list[Any] | None, new: list[str], eol: str) -> str:
    lines = text.splitlines(keepends=True)
    header = next((i for i, line in enumerate(lines) if PYRIGHT_HEADER.match(line)), None)
    if header is None:  # no [tool.pyright]: a new table at the end
        prefix = "" if not text or text.endswith("\n") else eol
        table = f"{eol}[tool.pyright]{eol}exclude = {_toml_list([*PYRIGHT_DEFAULTS, *new])}{eol}"
        return text + prefix + table
    end = next((i for i in range(header + 1, len(lines)) if ANY_TOML_HEADER.match(lines[i])),
               len(lines))
    if current is None:  # the table exists without exclude: one line right under the header
        line = f"exclude = {_toml_list([*PYRIGHT_DEFAULTS, *new])}{eol}"
        return "".join([*lines[:header + 1], line, *lines[header + 1:]])
    at = next((i for i in range(header + 1, end) if PYRIGHT_EXCLUDE.match(lines[i])), None)
    if at is None:
        raise EditError("pyproject.toml: [tool.pyright] exclude is written in a form tidy "
                        "does not edit (dotted key?); tidy changed nothing")
    return _append_to_toml_array(lines, at, new, eol)


def _append_to_toml_array(lines: list[str], at: int, new: list[str], eol: str) -> str:
    """Insert before the array's closing bracket (on its line or on its own line)."""
    text = "".join(lines)
    start = sum(len(line) for line in lines[:at]) + lines[at].index("[")
    close = toml_array_end(text, start)
    if close is None:
        raise EditError("pyproject.toml: an unterminated array; tidy changed nothing")
    inner = text[start + 1:close]
    body = re.sub(r"#[^\n]*", "", inner).strip()
    items = ", ".join(_toml_string(g) for g in new)
    if "\n" not in inner:
        piece = items if not body else (" " + items if body.endswith(",") else ", " + items)
        return text[:close] + piece + text[close:]
    indent = re.match(r"[ \t]*", lines[at + 1] if at + 1 < len(lines) else "")
    pad = indent.group() if indent and indent.group() else "    "
    line_start = text.rfind("\n", 0, close) + 1
    added = "".join(f"{pad}{_toml_string(g)},{eol}" for g in new)
    if text[line_start:close].strip():  # `"last"]` on one line: break before the bracket
        return text[:close] + ("" if body.endswith(",") or not body else ",") + eol + \
            added + text[close:]
    comma = "" if not body or body.endswith(",") else ","
    if comma:
        last = _last_value_end(text, start, line_start)
        text = text[:last] + comma + text[last:]
        line_start += 1
    return text[:line_start] + added + text[line_start:]


def _last_value_end(text: str, start: int, limit: int) -> int:
    """End of the last value before `limit` (comments and blank space skipped)."""
    segment = text[start + 1:limit]
    cleaned = re.sub(r"#[^\n]*", lambda m: " " * len(m.group()), segment)
    return start + 1 + len(cleaned.rstrip())


def _check_toml(rel: str, document: dict[str, Any], after: str, current: list[Any] | None,
                new: list[str]) -> None:
    try:
        parsed = tomllib.loads(after)
    except tomllib.TOMLDecodeError:
        raise EditError(f"{rel}: the edit would break the TOML; tidy changed nothing") from None
    expected = dict(document)
    tool = dict(expected.get("tool", {}))
    pyright = dict(tool.get("pyright", {}))
    pyright["exclude"] = [*current, *new] if current is not None else [*PYRIGHT_DEFAULTS, *new]
    tool["pyright"] = pyright
    expected["tool"] = tool
    if parsed != expected:
        raise EditError(f"{rel}: the edit would change more than pyright's exclude; "
                        "tidy changed nothing")


# ---------------------------------------------------------------------------- writing

def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def read_seen_config(root: str, rel: str) -> tuple[str | None, Seen]:
    """read_config, with what a compare-and-swap of the file needs (tidy.core.swap.Seen)."""
    try:
        seen = read_seen(root, rel)
    except UnsafeFile as error:
        raise EditError(str(error)) from None
    except OSError as error:
        raise EditError(f"{rel}: cannot read: {error.strerror or error}") from None
    text = None if seen.data is None else seen.data.decode("utf-8", "surrogateescape")
    return text, seen


def write_config(root: str, rel: str, text: str | None, seen: Seen) -> None:
    """Make root/rel hold `text` (None: remove it) only while it is still the file `seen`
    (tidy.core.swap.swap_in_root): FileChanged when it is not, EditError when refused."""
    data = None if text is None else text.encode("utf-8", "surrogateescape")
    try:
        swap_in_root(root, rel, data, seen)
    except UnsafeFile as error:
        raise EditError(str(error)) from None
