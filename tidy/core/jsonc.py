"""JSON with comments (VS Code's settings dialect): a tokenizer, a parser that keeps offsets,
and insertion-only edits that leave every comment, comma, key order and indent as it was.

The dialect is JSON plus `//` and `/* */` comments and trailing commas in objects and arrays
(VS Code registers its settings schemas with allowComments and allowTrailingCommas). A
document is never re-serialised: an edit is text inserted at offsets computed from the
tokens, in the style of node-jsonc-parser's modify()/applyEdits(), one edit per parse so
separately computed edits never collide (node-jsonc-parser#48).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

JsonValue = Any  # what json.loads returns


class JsoncError(ValueError):
    """Text tidy cannot read or will not edit; the message names the line and column."""


# ---------------------------------------------------------------------------- tokens

@dataclass(frozen=True)
class Token:
    """One token of a JSONC text, by offsets, with its decoded value."""

    kind: str  # one of { } [ ] : , string number literal comment ws
    start: int
    end: int
    value: JsonValue = None  # decoded string / number / literal


_WS = re.compile(r"[ \t\r\n\ufeff]+")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_LITERAL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def tokenize(text: str) -> list[Token]:
    """Every token, trivia (whitespace and comments) included, covering the text end to end."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        token = _next_token(text, i)
        tokens.append(token)
        i = token.end
    return tokens


def _next_token(text: str, i: int) -> Token:
    char = text[i]
    if char in "{}[]:,":
        return Token(char, i, i + 1)
    if (ws := _WS.match(text, i)) is not None:
        return Token("ws", i, ws.end())
    if text.startswith("//", i):
        end = _line_end(text, i)
        return Token("comment", i, end)
    if text.startswith("/*", i):
        close = text.find("*/", i + 2)
        if close < 0:
            raise JsoncError(f"unterminated /* comment at {position(text, i)}")
        return Token("comment", i, close + 2)
    if char == '"':
        return _string(text, i)
    if char == "-" or char.isdigit():
        number = _NUMBER.match(text, i)
        if number is None:
            raise JsoncError(f"bad number at {position(text, i)}")
        literal = number.group()
        value = float(literal) if any(c in literal for c in ".eE") else int(literal)
        return Token("number", i, number.end(), value)
    word = _LITERAL.match(text, i)
    if word is not None and word.group() in _LITERALS:
        return Token("literal", i, word.end(), _LITERALS[word.group()])
    shown = word.group() if word is not None else char
    raise JsoncError(f"unexpected {shown!r} at {position(text, i)}")


def _line_end(text: str, i: int) -> int:
    """Offset of the line break ending the line that holds `i` (a CR of CRLF excluded)."""
    newline = text.find("\n", i)
    if newline < 0:
        return len(text)
    return newline - 1 if newline > i and text[newline - 1] == "\r" else newline


def _string(text: str, start: int) -> Token:
    parts: list[str] = []
    i = start + 1
    n = len(text)
    while i < n:
        char = text[i]
        if char == '"':
            return Token("string", start, i + 1, "".join(parts))
        if char == "\\":
            i = _escape(text, i, parts)
            continue
        if ord(char) < 0x20:
            raise JsoncError(f"control character in a string at {position(text, i)}")
        parts.append(char)
        i += 1
    raise JsoncError(f"unterminated string at {position(text, start)}")


def _is_hex(digits: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in digits)


def _escape(text: str, i: int, parts: list[str]) -> int:
    code = text[i + 1:i + 2]
    if code in _ESCAPES:
        parts.append(_ESCAPES[code])
        return i + 2
    if code == "u":
        digits = text[i + 2:i + 6]
        if len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
            unit = int(digits, 16)
            low = text[i + 8:i + 12] if text.startswith("\\u", i + 6) else ""
            if 0xD800 <= unit < 0xDC00 and len(low) == 4 and _is_hex(low) and \
                    0xDC00 <= int(low, 16) < 0xE000:  # a surrogate pair, as json.loads reads it
                parts.append(chr(0x10000 + ((unit - 0xD800) << 10) + int(low, 16) - 0xDC00))
                return i + 12
            parts.append(chr(unit))
            return i + 6
    raise JsoncError(f"bad escape in a string at {position(text, i)}")


# ---------------------------------------------------------------------------- tree

@dataclass
class Node:
    """A parsed JSONC value by offsets: an object's members, an array's items, or a scalar."""

    kind: str  # "object" | "array" | "scalar"
    start: int
    end: int  # offset just after the value
    value: JsonValue = None  # scalars only
    members: list[Member] = field(default_factory=list)  # objects
    items: list[Node] = field(default_factory=list)  # arrays
    trailing_comma: int | None = None  # offset of a comma after the last member or item
    # (the parser sets it at every comma and clears it at every element: what is left at the
    # closing bracket is a trailing comma)


@dataclass
class Member:
    """One key of a JSONC object, with its value."""

    key: str
    key_start: int
    value: Node


@dataclass
class Document:
    """A parsed JSONC text: its tokens and its root value."""

    text: str
    tokens: list[Token]
    root: Node | None  # None: only whitespace and comments

    def comments(self) -> list[str]:
        return [self.text[t.start:t.end] for t in self.tokens if t.kind == "comment"]


def parse(text: str) -> Document:
    """Parse JSONC; duplicate keys and anything after the root value are errors."""
    tokens = tokenize(text)
    parser = _Parser(text, [t for t in tokens if t.kind not in ("ws", "comment")])
    root = parser.document()
    return Document(text, tokens, root)


class _Parser:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.i = 0

    def document(self) -> Node | None:
        if not self.tokens:
            return None
        root = self.value(())
        if self.i < len(self.tokens):
            extra = self.tokens[self.i]
            raise JsoncError(f"unexpected {extra.kind!r} after the end at "
                             f"{position(self.text, extra.start)}")
        return root

    def peek(self) -> Token:
        if self.i >= len(self.tokens):
            raise JsoncError("unexpected end of the file")
        return self.tokens[self.i]

    def take(self, kind: str) -> Token:
        token = self.peek()
        if token.kind != kind:
            raise JsoncError(f"expected {kind!r}, found {token.kind!r} at "
                             f"{position(self.text, token.start)}")
        self.i += 1
        return token

    def value(self, path: tuple[str, ...]) -> Node:
        token = self.peek()
        if token.kind == "{":
            return self.object(path)
        if token.kind == "[":
            return self.array(path)
        if token.kind in ("string", "number", "literal"):
            self.i += 1
            return Node("scalar", token.start, token.end, token.value)
        raise JsoncError(f"expected a value, found {token.kind!r} at "
                         f"{position(self.text, token.start)}")

    def object(self, path: tuple[str, ...]) -> Node:
        node = Node("object", self.take("{").start, 0)
        seen: set[str] = set()
        while self.peek().kind != "}":
            key = self.take("string")
            if key.value in seen:
                where = ".".join(path) or "the top level"
                raise JsoncError(f"duplicate key {key.value!r} in {where} at "
                                 f"{position(self.text, key.start)}")
            seen.add(key.value)
            self.take(":")
            node.members.append(Member(key.value, key.start, self.value((*path, key.value))))
            node.trailing_comma = None
            if self.peek().kind != ",":
                break
            node.trailing_comma = self.take(",").start
        node.end = self.take("}").end
        return node

    def array(self, path: tuple[str, ...]) -> Node:
        node = Node("array", self.take("[").start, 0)
        while self.peek().kind != "]":
            node.items.append(self.value(path))
            node.trailing_comma = None
            if self.peek().kind != ",":
                break
            node.trailing_comma = self.take(",").start
        node.end = self.take("]").end
        return node


def to_python(node: Node | None) -> JsonValue:
    if node is None:
        return None
    if node.kind == "object":
        return {m.key: to_python(m.value) for m in node.members}
    if node.kind == "array":
        return [to_python(item) for item in node.items]
    return node.value


def loads(text: str) -> JsonValue:
    return to_python(parse(text).root)


# ---------------------------------------------------------------------------- style

@dataclass(frozen=True)
class Style:
    """How a JSONC text is laid out: its indent unit and line ending, which edits follow."""

    unit: str  # one level of indentation
    eol: str


def detect_style(document: Document) -> Style:
    text = document.text
    first = text.find("\n")
    eol = "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
    steps: Counter[str] = Counter()
    _collect_steps(document.root, text, steps)
    if steps:
        unit = steps.most_common(1)[0][0]
    elif re.search(r"^\t", text, re.MULTILINE):
        unit = "\t"
    else:
        unit = "    "  # VS Code's default formatting: 4 spaces
    return Style(unit, eol)


def _collect_steps(node: Node | None, text: str, steps: Counter[str]) -> None:
    """Count the indent added from a container's line to each member that starts its own line."""
    if node is None or node.kind == "scalar":
        return
    parent = line_indent(text, node.start)
    children = [m.value for m in node.members] if node.kind == "object" else node.items
    starts = [m.key_start for m in node.members] if node.kind == "object" else [
        c.start for c in node.items]
    for start in starts:
        if starts_line(text, start):
            own = line_indent(text, start)
            if own.startswith(parent) and len(own) > len(parent):
                steps[own[len(parent):]] += 1
    for child in children:
        _collect_steps(child, text, steps)


def line_indent(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    indent = re.match(r"[ \t]*", text[line_start:])
    return indent.group() if indent else ""


def starts_line(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return not text[line_start:offset].strip(" \t\ufeff")


def _same_line(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


# ---------------------------------------------------------------------------- edits

def merge_entries(text: str, path: Sequence[str], entries: Mapping[str, JsonValue]) -> str:
    """Add `entries` to the object at `path` (created when missing); keys already there stay.

    Only insertions: existing members keep their values, even where the user set `false`
    (an object setting merged across scopes: `false` is the user re-enabling a path).
    """
    if not path:
        raise ValueError("merge_entries needs the path of the object to add to")
    current = text
    for key, value in entries.items():  # one edit per parse (node-jsonc-parser#48)
        current = _insert_one(current, tuple(path), key, value)
    return current


def _insert_one(text: str, path: tuple[str, ...], key: str, value: JsonValue) -> str:
    document = parse(text)
    style = detect_style(document)
    if document.root is None:
        return _new_root(text, style, {path[0]: _wrap((*path, key), value)})
    if document.root.kind != "object":
        raise JsoncError("the file's top-level value is not an object")
    node = document.root
    for depth, name in enumerate(path):
        member = next((m for m in node.members if m.key == name), None)
        if member is None:
            nested = _wrap((name, *path[depth + 1:], key), value)
            return _add_member(text, style, node, name, nested)
        if member.value.kind != "object":
            shown = ".".join(path[:depth + 1])
            raise JsoncError(f"{shown!r} is not an object, tidy will not replace it")
        node = member.value
    if any(m.key == key for m in node.members):
        return text
    return _add_member(text, style, node, key, value)


def merge_items(text: str, path: Sequence[str], items: Sequence[JsonValue]) -> str:
    """Append `items` missing from the array at `path` (the array is created when missing)."""
    if not path:
        raise ValueError("merge_items needs the path of the array to add to")
    current = text
    for item in items:
        current = _append_item(current, tuple(path), item)
    return current


def _append_item(text: str, path: tuple[str, ...], item: JsonValue) -> str:
    document = parse(text)
    style = detect_style(document)
    if document.root is None:
        return _new_root(text, style, {path[0]: _wrap(path, [item])})
    if document.root.kind != "object":
        raise JsoncError("the file's top-level value is not an object")
    node = document.root
    for depth, name in enumerate(path):
        member = next((m for m in node.members if m.key == name), None)
        if member is None:
            nested = _wrap((name, *path[depth + 1:]), [item])
            return _add_member(text, style, node, name, nested)
        wanted = "array" if depth == len(path) - 1 else "object"
        if member.value.kind != wanted:
            shown = ".".join(path[:depth + 1])
            raise JsoncError(f"{shown!r} is not an {wanted}, tidy will not replace it")
        node = member.value
    if item in to_python(node):
        return text
    return _add_element(text, style, node, _item(item, style))


def _wrap(keys: tuple[str, ...], value: JsonValue) -> JsonValue:
    """{k2: {k3: value}} for keys (k1, k2, k3): k1 becomes the member name."""
    for name in reversed(keys[1:]):
        value = {name: value}
    return value


def _new_root(text: str, style: Style, value: JsonValue) -> str:
    """An object for a file that holds only whitespace and comments (VS Code reads it as {})."""
    raise_if_not_object(value)
    body = format_value(value, "", style)
    prefix = text
    if prefix and not prefix.endswith("\n"):
        prefix += style.eol
    return prefix + body + style.eol


def raise_if_not_object(value: JsonValue) -> None:
    if not isinstance(value, dict):
        raise ValueError("a new top-level value must be an object")


def format_value(value: JsonValue, indent: str, style: Style, inline: bool = False) -> str:
    """JSON text for a new value, laid out like the file around it."""
    if isinstance(value, dict) and value:
        if inline:
            inner = ", ".join(f"{_key(k)}: {format_value(v, indent, style, True)}"
                              for k, v in value.items())
            return "{" + inner + "}"
        child = indent + style.unit
        lines = [f"{child}{_key(k)}: {format_value(v, child, style)}" for k, v in value.items()]
        return "{" + style.eol + ("," + style.eol).join(lines) + style.eol + indent + "}"
    if isinstance(value, list) and value:
        if inline:
            return "[" + ", ".join(format_value(v, indent, style, True) for v in value) + "]"
        child = indent + style.unit
        lines = [child + format_value(v, child, style) for v in value]
        return "[" + style.eol + ("," + style.eol).join(lines) + style.eol + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def _key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


Render = Callable[[str, bool], str]  # (indent, inline) -> the element's text


def _member(key: str, value: JsonValue, style: Style) -> Render:
    return lambda indent, inline: f"{_key(key)}: {format_value(value, indent, style, inline)}"


def _item(value: JsonValue, style: Style) -> Render:
    return lambda indent, inline: format_value(value, indent, style, inline)


def _add_member(text: str, style: Style, obj: Node, key: str, value: JsonValue) -> str:
    return _add_element(text, style, obj, _member(key, value, style))


def _elements(node: Node) -> list[tuple[int, int]]:
    """(start, end) of each member (key to end of value) or item."""
    if node.kind == "object":
        return [(m.key_start, m.value.end) for m in node.members]
    return [(item.start, item.end) for item in node.items]


def _add_element(text: str, style: Style, node: Node, render: Render) -> str:
    """Append one element after the last, in the container's layout (one line or one per line)."""
    elements = _elements(node)
    if not elements:
        return _fill_empty(text, style, node, render)
    last_start, last_end = elements[-1]
    if _same_line(text, node.start, node.end):
        element = render("", True)
        if node.trailing_comma is not None:
            return _insert(text, node.trailing_comma + 1, f" {element},")
        return _insert(text, last_end, f", {element}")
    indent = (line_indent(text, last_start) if starts_line(text, last_start)
              else line_indent(text, node.start) + style.unit)
    element = indent + render(indent, False)
    if node.trailing_comma is not None:
        at = _after_same_line_trivia(text, node.trailing_comma + 1, node.end - 1)
        return _insert(text, at, style.eol + element + ",")
    at = _after_same_line_trivia(text, last_end, node.end - 1)
    text = _insert(text, at, style.eol + element)
    return _insert(text, last_end, ",")  # before `at`: the later offset went first


def _fill_empty(text: str, style: Style, node: Node, render: Render) -> str:
    close = node.end - 1
    brace_indent = line_indent(text, node.start)
    child = brace_indent + style.unit
    element = child + render(child, False)
    if starts_line(text, close) and not _same_line(text, node.start, close):
        line_start = text.rfind("\n", 0, close) + 1  # `{ // note` ... `}` alone on its line
        return _insert(text, line_start, element + style.eol)
    if not text[node.start + 1:close].strip(" \t"):  # `{}` or `{ }`: opens up over lines
        return _insert(text, close, style.eol + element + style.eol + brace_indent)
    at = _after_same_line_trivia(text, node.start + 1, close)
    return _insert(text, at, style.eol + element + style.eol + brace_indent)


def _after_same_line_trivia(text: str, offset: int, limit: int) -> int:
    """Past spaces and comments that end on the same line, so a note stays with its member."""
    i = offset
    while i < limit:
        if text[i] in " \t":
            i += 1
        elif text.startswith("//", i):
            return min(_line_end(text, i), limit)
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2) + 2
            if "\n" in text[i:close]:
                return _trim_back(text, offset, i)
            i = close
        else:
            return _trim_back(text, offset, i)
    return _trim_back(text, offset, min(i, limit))


def _trim_back(text: str, floor: int, i: int) -> int:
    while i > floor and text[i - 1] in " \t":
        i -= 1
    return i


def _insert(text: str, offset: int, piece: str) -> str:
    return text[:offset] + piece + text[offset:]


# ---------------------------------------------------------------------------- checks

def expected_after(before: JsonValue, path: Sequence[str],
                   entries: Mapping[str, JsonValue]) -> JsonValue:
    """What merge_entries must produce, computed on plain values."""
    result = json.loads(json.dumps(before if before is not None else {}))
    node = result
    for name in path:
        node = node.setdefault(name, {})
    for key, value in entries.items():
        node.setdefault(key, value)
    return result


def verify_merge(before_text: str, after_text: str, path: Sequence[str],
                 entries: Mapping[str, JsonValue]) -> None:
    """Prove the edit: both parse, the only change is the added keys, every comment survived."""
    before, after = parse(before_text), parse(after_text)
    wanted = expected_after(to_python(before.root), path, entries)
    got = to_python(after.root)
    if json.dumps(got) != json.dumps(wanted):  # key order counts too
        raise JsoncError("internal check failed: the edited settings differ in more than "
                         "the added keys; nothing was written")
    if before.comments() != after.comments():
        raise JsoncError("internal check failed: a comment changed; nothing was written")
    if not _is_insertion_only(before_text, after_text):
        raise JsoncError("internal check failed: existing text changed; nothing was written")


def _is_insertion_only(before: str, after: str) -> bool:
    """`before` is a subsequence of `after`: every original character is still in order."""
    it = iter(after)
    return all(char in it for char in before)
