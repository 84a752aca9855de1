"""A value's whole text, read past its sampled windows before the scan offers `tidy extract`
or advises `tidy extract --evaluate` for it (values.py judges a long value on three windows;
what lies between them is never tokenized).

- A value the windows found a plain literal: phonenumbers' geodata holds `u('Ca\\u00f1on
  City, CO')` at line 1,941 of 10,022, and the scan offered an extraction the extractor
  refused ("use --evaluate").
- A value the windows found built (a call, a name): `'abc'[1]` or a comprehension between the
  windows is code, and the scan advised `--evaluate`, which the extractor refused ("no data
  binding"; dic-7 left it: a Python loop over each of phonenumbers' 10,000 `u()` calls a
  value cost as much as the judgement itself).

Both reads run in C (literalscan.first_mark, then built_marks: calls, names, keyword
arguments, `+`, `-`, a sign before a name (`-COUNT`), a call of what a call returns
(`f(x)(y)`: dic-9, the windows call both built and the extractor takes them with --evaluate)
and unpacking passed over and noted at ~700 MB/s); what built_marks stops
at is judged here as the windows would judge it (`_mark_at`): code, or something a built value
may still hold (`+` after a value, unpacking, a method call, a member's value).
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field

from tidy.analysis.data_in_code.literalscan import built_marks, first_mark
from tidy.analysis.data_in_code.values import member_value_root

_CALLEE = re.compile(rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*(?:[ \t]*\.[ \t]*[A-Za-z_\x80-\xff]"
                     rb"[\w\x80-\xff]*)*[ \t]*\(")
_CHAIN = re.compile(rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*(?:[ \t]*\.[ \t]*[A-Za-z_\x80-\xff]"
                    rb"[\w\x80-\xff]*)*")
_MARK_NAME = re.compile(rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*")
_METHOD_CALL = re.compile(rb"\.[ \t]*[A-Za-z_\x80-\xff][\w\x80-\xff]*[ \t]*\(")
_BLANKS = re.compile(rb"[ \t\r\n\f]*")
_UNPACKING = re.compile(rb"\*\*?")
_PREFIXES = frozenset({b"r", b"u", b"b", b"br", b"rb"})
# `Ellipsis` is a name to ast.literal_eval: a value naming it is built (the windows say so
# too), but it names nothing the module binds
_BUILTIN_CONSTANT = "Ellipsis"


@dataclass
class WholeRead:
    """What a value's whole text holds beyond a literal (None from read_whole: nothing)."""

    code: bool = False  # a code mark: the value is code, wherever the mark is
    built: bool = False  # something literal_eval refuses (a call, a name, `1 + 2`)
    refs: set[str] = field(default_factory=set)  # bare names read
    callees: list[str] = field(default_factory=list)  # in order of first call
    roots: set[str] = field(default_factory=set)  # classes whose members' values are read


def read_whole(data: bytes, start: int, end: int, pure: bool) -> WholeRead | None:
    """What data[start:end] (a value's text) holds. `pure`: the windows found a plain
    literal; then None when it is one all through (ast.literal_eval takes it: `set()` and
    `1+2j` are no marks). The read ends at the first code mark; before it every call and name
    is noted (their names may not be data: judge.py resolves them as the windows' names)."""
    if pure and first_mark(data, start, end) < 0:
        return None
    # built_marks reads from the value's start even where first_mark found something: what
    # a mark means depends on what was before it (`'abc'[1]`: a `[` after a value)
    at = start
    found = WholeRead(built=pure)
    while True:
        at, names = built_marks(data, at, end)
        _note(found, names)
        if at < 0:
            return found
        kind, text, resume = _mark_at(data, start, at, end)
        found.built = True
        if kind == "code":
            found.code = True
            return found
        if kind == "call":
            found.callees.append(text)
        elif kind == "root":
            found.roots.add(text)
        at = resume


def _note(found: WholeRead, names: list[bytes]) -> None:
    for name in names:
        text = name.decode("utf-8", "replace")
        found.built = True
        if text.endswith("("):
            found.callees.append(text[:-1])
        elif text != _BUILTIN_CONSTANT:
            found.refs.add(text)


def _mark_at(data: bytes, start: int, at: int, end: int) -> tuple[str, str, int]:
    """The mark at `at`, where built_marks stopped, as the windows would judge it: ("code",
    ...) or (kind, its text, where the read goes on: always past `at`) for what a built value
    may hold still: "call" (a method of a literal, `"a,b".split(",")`), "root" (the value of a
    member of a class: `Holiday.new_years_day.value`, chinesecalendar's), "other" (a `+` or
    `-` after a value, unpacking). built_marks itself passes the common ones; it stops here
    where it cannot see back past the place it began (a `+` or a `*` just there)."""
    name = _MARK_NAME.match(data, at, end)
    if name is not None:
        word = name.group()
        quoted = data[name.end():name.end() + 1] in (b"'", b'"')
        if keyword.iskeyword(word.decode("ascii", "replace")) or (
                quoted and word.lower() not in _PREFIXES):
            return "code", "", end  # lambda, for, if, not(...); an f-string
        chain = _CHAIN.match(data, at, end)
        assert chain is not None
        root = member_value_root(chain.group())
        following = _BLANKS.match(data, chain.end(), end)
        after = following.end() if following is not None else chain.end()
        if root is not None and data[after:after + 1] not in (b"(", b"["):
            return "root", root, chain.end()
        called = _CALLEE.match(data, at, end)
        if called is not None:  # as built_marks would have taken it
            callee = data[at:called.end() - 1]
            return "call", callee.replace(b" ", b"").replace(b"\t", b"").decode(
                "utf-8", "replace"), called.end()
        return "code", "", end  # an attribute read (`Name.Builtin`), a subscript (`A[0]`)
    if data[at:at + 1] in (b"+", b"-") and _after_a_value(data, start, at):
        return "other", "", at + 1
    stars = _UNPACKING.match(data, at, end)
    if stars is not None and _unpacks(data, start, at):
        return "other", "", stars.end()  # `State(**{...})`, `[*A, *B]`
    method = _METHOD_CALL.match(data, at, end)
    if method is not None:  # `"a,b".split(",")`: a method of a literal
        name_end = method.end() - 1
        return "call", data[at:name_end].rstrip(b" \t").replace(b" ", b"").replace(
            b"\t", b"").decode("utf-8", "replace"), method.end()
    return "code", "", end


def _unpacks(data: bytes, start: int, at: int) -> bool:
    """The `*` or `**` at `at` follows a bracket or a comma: unpacking, not arithmetic."""
    while at > start and data[at - 1] in b" \t\r\n\x0c":
        at -= 1
    return at > start and data[at - 1] in b"([{,"


def _after_a_value(data: bytes, start: int, at: int) -> bool:
    """The + or - at `at` follows a value (binary, as in `'a' + 'b'`), not a comma or a
    bracket (a sign before something other than a number: code)."""
    while at > start and data[at - 1] in b" \t\r\n\x0c":
        at -= 1
    return at > start and data[at - 1] not in b",[({:+-"
