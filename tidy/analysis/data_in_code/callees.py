"""What a module binds the names its data values call to: a function, a class, an import.

The scan decides whether a built value holds objects JSON cannot hold (and so whether it
offers `tidy extract --evaluate` at all) from its callees. By name alone, `def Row(a, b):
return {...}` was a class (capitalised: no offer, though the extractor moves what it returns)
and a `deque` imported from collections was a function (advised, then "nothing could be
moved"; dic-12). The module's own top-level statements say what such a name is where they
bind it once: a `def` or `NAME = lambda ...` is a function, a `class` or `NAME =
namedtuple(...)` a class, and `from m import n [as a]` names `m.n` (the rule knows the
standard library's); `import datetime as dt` makes `dt.date` `datetime.date`. A name bound
twice, or not at the top level, is not known here.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from tidy.analysis.data_in_code.segments import ScanError, Segment, Splitter, triple_spans

# `from m import ...` (the judge reads the UPPER_CASE constants it imports with these too)
FROM_IMPORT = re.compile(rb"from[ \t]+(?P<module>[\w.]+)[ \t]+import[ \t]*"
                         rb"(?P<names>\([^)]*\)|[^\n;#]*)")
IMPORTED = re.compile(rb"(?P<name>[A-Za-z_]\w*)(?:[ \t\r\n\\]+as[ \t\r\n\\]+"
                      rb"(?P<alias>[A-Za-z_]\w*))?")
_IMPORT = re.compile(rb"import[ \t]+(?P<names>[^\n;#]*)")
_MODULE = re.compile(rb"(?P<name>[A-Za-z_][\w.]*)(?:[ \t]+as[ \t]+(?P<alias>[A-Za-z_]\w*))?")
COMMENT = re.compile(rb"#[^\n]*")
_LAMBDA = re.compile(rb"lambda(?![\w\x80-\xff])")
# what binds a class to a name by a call: `Row = namedtuple('Row', 'a b')`, `NamedTuple(...)`,
# `make_dataclass(...)`, `type('Row', (), {})`
_CLASS_FACTORY = re.compile(rb"(?:collections\.|typing\.|dataclasses\.)?"
                            rb"(?:namedtuple|NamedTuple|make_dataclass|type)[ \t]*\(")

FUNCTION = "def"
CLASS = "class"


def callee_origins(data: bytes, segments: Iterable[Segment],
                   callees: Container[str]) -> tuple[tuple[str, str], ...]:
    """(name, what the module binds it to) for each name of `callees` (bare, or the root of
    a dotted callee) its top-level statements bind exactly once: "def", "class", or the
    dotted name imported (`module.name`, or the module of `import module as name`; a
    relative import keeps its dots: `from . import m` binds m to `.m`)."""
    if not callees:
        return ()
    seen: dict[str, list[str]] = {}
    for segment in segments:
        for name, origin in _binds(data, segment, callees):
            seen.setdefault(name, []).append(origin)
    return tuple(sorted((name, kinds[0]) for name, kinds in seen.items()
                        if len(kinds) == 1 and kinds[0]))


class _Every:
    """Every name (callee_origins over all that a module binds)."""

    def __contains__(self, name: object) -> bool:
        return True

    def __bool__(self) -> bool:
        return True


def module_binds(data: bytes) -> dict[str, str]:
    """What another module's top-level statements bind each name to, where they bind it once
    (callee_origins over all its names): read from its bytes, never imported. {} for bytes
    the splitter cannot read."""
    try:
        splitter = Splitter(data, triple_spans(data))
        segments = splitter.split(0, len(data), b"")
    except ScanError:
        return {}
    return dict(callee_origins(data, segments, _Every()))


def _binds(data: bytes, segment: Segment, callees: Container[str]) -> list[tuple[str, str]]:
    """The names of `callees` the statement binds, each with what it binds it to ("": a
    value of no kind known here, which still counts as a binding)."""
    if segment.kind in ("def", "class"):
        return [(segment.name, segment.kind)] if segment.name in callees else []
    if segment.kind == "assign":
        return [(segment.name, _assigned(data, segment))] if segment.name in callees else []
    if segment.kind == "unpack":
        return [(name, "") for name in segment.names if name in callees]
    if segment.kind != "other":
        return []
    if data.startswith(b"import", segment.start):
        return _modules(data, segment, callees)
    if data.startswith(b"from", segment.start):
        return _from_import(data, segment, callees)
    return []


def _from_import(data: bytes, segment: Segment,
                 callees: Container[str]) -> list[tuple[str, str]]:
    """`from m import a, b as c`: (a, m.a) and (c, m.b), for those of `callees`."""
    match = FROM_IMPORT.match(data, segment.start, segment.end)
    if match is None:
        return []
    module = match.group("module").decode("ascii")
    # `from . import m`: m is `.m` (the package's m), not `..m` (its parent's)
    joint = "" if module.endswith(".") else "."
    found = []
    for one in IMPORTED.finditer(COMMENT.sub(b"", match.group("names")).strip(b"() \t\r\n")):
        bound = (one.group("alias") or one.group("name")).decode("ascii")
        if bound in callees:
            found.append((bound, f"{module}{joint}{one.group('name').decode('ascii')}"))
    return found


def _modules(data: bytes, segment: Segment, callees: Container[str]) -> list[tuple[str, str]]:
    """`import datetime as dt`: dt is `datetime` (a value calling `dt.date(...)` calls
    `datetime.date`); a plain `import a.b` binds `a`, which is `a`."""
    match = _IMPORT.match(data, segment.start, segment.end)
    if match is None:
        return []
    found = []
    for one in _MODULE.finditer(match.group("names")):
        dotted = one.group("name").decode("ascii")
        bound = one.group("alias").decode("ascii") if one.group("alias") else \
            dotted.split(".", 1)[0]
        if bound in callees:
            found.append((bound, dotted if one.group("alias") else bound))
    return found


def _assigned(data: bytes, segment: Segment) -> str:
    """"def" for `NAME = lambda ...`, "class" for `NAME = namedtuple(...)`; "" (a value of
    any other kind: not known) otherwise."""
    if _LAMBDA.match(data, segment.value_start, segment.end):
        return FUNCTION
    if _CLASS_FACTORY.match(data, segment.value_start, segment.end):
        return CLASS
    return ""
