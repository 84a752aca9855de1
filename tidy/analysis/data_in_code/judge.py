"""judge_python(bytes) -> DataVerdict: the share of a module's statements that bind data.

Statements are judged biggest first, and the judgement stops as soon as the module can no
longer reach the share (code stops after its first few classes and functions). Statements:
- `NAME = value` at module level, or in a class body: data when the value is (values.py);
  a value that names other bindings is data when they all are (a fixpoint over the names);
- `TABLE[KEY] = value` with a literal KEY, `TABLE.update(value)`, `.extend(...)`,
  `.append(...)`: an item put into a table, data when the value is (scapy's automotive
  definitions put 3,000 items into an imported class's dict); tidy extract does not move
  these (the rule says why);
- `NAME = value` inside a module-level `if`/`elif`/`else` (one table per platform): data
  when the value is; tidy extract does not move these either;
- `def f(): return value` with nothing else in its body (idna's uts46data): data when the
  value is;
- a name in a value may also be a constant imported from another module: an UPPER_CASE name
  of a module-level `from m import ...` (odfpy's `(TEXTNS, 'p')` keys, holidays' `(SEP, 28)`
  dates), or one bound nowhere in a module that does `from m import *`. PEP 8 spells
  constants so; classes and functions (a lexer's `Keyword`, a handler) are not;
- everything else (imports, functions, loops that derive tables, `if __name__ ...`) is code.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from tidy.analysis.data_in_code.callees import COMMENT, FROM_IMPORT, IMPORTED, callee_origins
from tidy.analysis.data_in_code.namespace import Region, extraction_refusal, syntax_refusal
from tidy.analysis.data_in_code.segments import (
    ASSIGN_HEAD,
    ScanError,
    Segment,
    Splitter,
    trimmed_end,
    triple_spans,
)
from tidy.analysis.data_in_code.values import (
    ONE_SHORT_STRING,
    ValueFacts,
    string_body,
    value_facts,
)
from tidy.analysis.data_in_code.verdict import DEFAULT_SETTINGS, Binding, DataSettings, DataVerdict
from tidy.analysis.data_in_code.whole import read_whole

_BODY_LINE = re.compile(rb"\n([ \t]+)(?=[A-Za-z_@'\"\x80-\xff])")
_RETURN = re.compile(rb"return[ \t]+")
_CONSTANT = re.compile(r"_*[A-Z][A-Z0-9_]*\Z")
_BRANCH = re.compile(rb"(?:if|elif|else)(?![\w\x80-\xff])")
# A value that is one short string on its line, with no escape and no prefix but r/u, and
# nothing after it but blank or comment lines: `UDS_RDBI.dataIdentifiers[0x3665] = "..."`
_SHORT_STRING = re.compile(rb"""[rRuU]?(?:'[^'\\\n]*'|"[^"\\\n]*")[ \t\f]*"""
                           rb"(?:\r?\n[ \t\f]*(?:#[^\n]*)?)*[ \t\f\r\n]*")
# `for TARGETS in (` in a value's head: a comprehension over the literal that follows
_COMPREHENSION = re.compile(rb"[ \t\r\n]for[ \t]+[\w, \t()]+?[ \t]in[ \t\r\n]*(?=[(\[{])")
_TABLE_SHARE = 0.9  # of the value's bytes, in the literal the comprehension runs over
# a keyword argument in a class header: `class T(Base, metaclass=Meta):`, `total=False`
_HEADER_KEYWORD = re.compile(rb"[(,][ \t\r\n\\]*[A-Za-z_\x80-\xff][\w\x80-\xff]*[ \t\r\n\\]*=(?!=)")
_AUGMENTED = re.compile(rb"(?P<name>[A-Za-z_][\w]*)[ \t]*(?:\*\*|//|>>|<<|[-+*/%&|^@])=")


@dataclass(slots=True)
class _Candidate:
    """A binding that is data if the names its value reads are."""

    name: str
    scope: str  # module, class, function
    owner: str  # the class or function it is in ("" at module level)
    start: int
    end: int
    facts: ValueFacts
    value_start: int
    derived: bool = False  # the value is a comprehension over a literal table (facts: its)


@dataclass(frozen=True)
class _Imports:
    """What module-level `from m import ...` statements bind that a value may name as data,
    and the names the module binds by unpacking a literal or a `range(...)`."""

    constants: frozenset[str]  # UPPER_CASE names imported by name; names unpacked from data
    star: bool  # a `from m import *`: its names are not known here
    bound: frozenset[str]  # every name the module binds at its top level

    def resolves(self, name: str) -> bool:
        if name in self.constants:
            return True
        return self.star and name not in self.bound and _CONSTANT.match(name) is not None


def _imports(segments: list[Segment], froms: list[list[str] | None],
             unpacked: frozenset[str]) -> _Imports:
    """`froms`: _from_imported of each segment."""
    constants: set[str] = set(unpacked)
    bound = {s.name for s in segments if s.kind not in ("other", "item")}
    bound.update(n for s in segments for n in s.names)
    star = False
    for names in froms:
        if names is None:
            star = True
            continue
        for name in names:
            bound.add(name)
            if _CONSTANT.match(name):
                constants.add(name)
    return _Imports(frozenset(constants), star, frozenset(bound))


def _from_imported(data: bytes, segment: Segment) -> list[str] | None:
    """The names a module-level `from m import ...` binds ([] for any other statement);
    None for `from m import *`."""
    if segment.kind != "other" or not data.startswith(b"from", segment.start):
        return []
    match = FROM_IMPORT.match(data, segment.start, segment.end)
    if match is None:
        return []
    # a comment in a parenthesised list (`# NOTE: FOO is ...`) imports nothing
    names = COMMENT.sub(b"", match.group("names")).strip(b"() \t\r\n")
    if names == b"*":
        return None
    return [(one.group("alias") or one.group("name")).decode("ascii")
            for one in IMPORTED.finditer(names)]


@dataclass
class _State:
    splitter: Splitter
    settings: DataSettings
    candidates: list[_Candidate] = field(default_factory=list)
    code_bytes: int = 0
    unknown_bytes: int = 0  # not judged yet
    scrub_left: int = 0  # of the tokenizing budget
    values_left: int = 0  # values still to judge (an estimate: class bodies add theirs)
    code_cap: int = 1 << 62  # code bytes past which the module cannot be data any more
    # classes and functions tidy extract leaves whole (decorated, keywords in a class header,
    # bound twice): their data is reported, never offered (_held_owners)
    held: frozenset[str] = frozenset()
    # (class, attribute) bound twice in the class body (`TABLE = {...}`, then `TABLE =
    # dict(TABLE, x=1)` or `TABLE += ...`): tidy extract moves attributes bound once only
    rebound_attributes: set[tuple[str, str]] = field(default_factory=set)
    statement_bytes: int = 0
    in_classes: bool = False  # a class body binds a value that looks like data
    # names bound by unpacking a literal or a range (`(A, B) = range(2)`): each is a number
    # or a literal at import, so a value naming it is built of data
    unpacked: set[str] = field(default_factory=set)

    def class_data_seen(self) -> None:
        """The module's share is min_share from now on: judging stops where it says."""
        if not self.in_classes:
            self.in_classes = True
            self.code_cap = int(self.statement_bytes * (1 - self.settings.min_share))

    def window(self) -> int:
        share = self.scrub_left // (3 * max(1, self.values_left))
        return max(self.settings.min_window, min(self.settings.window_bytes, share))


def judge_python(data: bytes, settings: DataSettings = DEFAULT_SETTINGS) -> DataVerdict:
    size = len(data)
    try:
        splitter = Splitter(data, triple_spans(data))
    except ScanError as error:
        return DataVerdict(size, _lines(data, 1, 0), 0, 0, 0, False, error=str(error))
    segments = splitter.split(0, size, b"")
    statement_bytes = sum(s.end - s.start for s in segments)
    state = _State(splitter, settings, unknown_bytes=statement_bytes,
                   scrub_left=settings.scrub_budget,
                   values_left=sum(s.kind != "other" for s in segments))
    # judging stops once the share is out of reach: the lower one (all data at module level)
    # until a class body binds something that looks like data
    state.statement_bytes = statement_bytes
    # what each `from m import ...` binds, read once for _held_owners and _imports (each
    # read it apart: ~4 % of the judgement of the web app's Django modules)
    froms = [_from_imported(data, s) for s in segments]
    state.held = _held_owners(data, segments, froms)
    state.code_cap = int(statement_bytes * (1 - min(settings.min_share,
                                                    settings.min_share_module_data)))
    complete = True
    for segment in sorted(segments, key=lambda s: s.start - s.end):
        if state.code_bytes > state.code_cap and not _may_hold_giant(segment, size, settings):
            complete = False
            break
        state.unknown_bytes -= segment.end - segment.start
        _judge_segment(state, segment)
    classes = frozenset(s.name for s in segments if s.kind == "class")
    imports = _imports(segments, froms, frozenset(state.unpacked))
    data_bindings = _resolved(state.candidates, imports, classes)
    verdict = _verdict(data, size, statement_bytes, state, data_bindings, complete)
    if verdict.is_data:
        code = _read_past_windows(data, data_bindings, classes)
        if code is not None:
            if code:
                data_bindings = _resolved([c for c in state.candidates if id(c) not in code],
                                          imports, classes)
            verdict = _verdict(data, size, statement_bytes, state, data_bindings, complete)
    if verdict.is_data or verdict.giant_strings:
        refusal = _refusal(data, segments, data_bindings)
        if refusal:
            verdict = replace(verdict, refusal=refusal)
    rebound = _rebound(data, segments)
    if rebound or state.rebound_attributes:
        verdict = replace(verdict, rebound_bytes=sum(
            c.end - c.start for c in data_bindings
            if (c.scope == "module" and c.name in rebound)
            or (c.scope == "class" and (c.owner, c.name) in state.rebound_attributes)))
    if verdict.is_data:  # what the rule judges a built value's callees by (callees.py)
        bare = frozenset(c.split(".", 1)[0] for b in verdict.bindings for c in b.calls)
        verdict = replace(verdict, callee_origins=callee_origins(data, segments, bare))
    own = _own_objects(data_bindings, classes) if classes else {}
    if not own:
        return verdict
    called = {k for c in data_bindings for k in c.facts.callees & classes}
    own_classes = tuple(dict.fromkeys(c for of in own.values() for c in of))
    return replace(verdict, own_classes=own_classes,
                   own_object_bytes=sum(c.end - c.start for c in data_bindings
                                        if id(c) in own),
                   member_value_classes=tuple(c for c in own_classes if c not in called))


def _held_owners(data: bytes, segments: list[Segment],
                 froms: list[list[str] | None]) -> frozenset[str]:
    """Classes and functions whose data tidy extract never moves (tidy/extract/bindings.py
    takes class attributes and data-returning functions of plain ones only): a decorated one
    (`@dataclass`, `@lru_cache`: the decorator may read or replace what the body binds), a
    class with a keyword in its header (`metaclass=`, `total=False`), and one whose name the
    module binds more than once (one name, two values; `from . import Provider` counts, a
    plain `import` of a dotted path seldom shadows a class and is not read here). dic-10: a
    `@dataclass` holding a table was offered `tidy extract`, which answered "no data
    binding"."""
    counts: dict[str, int] = {}
    for segment, imported in zip(segments, froms, strict=True):
        if segment.kind in ("assign", "class", "def", "unpack"):  # (an item binds no name)
            bound = list(segment.names or (segment.name,))
        else:  # `from . import Provider`, then `class Provider(Provider):`
            bound = imported or []
        for name in bound:
            counts[name] = counts.get(name, 0) + 1
    held: set[str] = set()
    for index, segment in enumerate(segments):
        if segment.kind not in ("class", "def"):
            continue
        decorated = index > 0 and data.startswith(b"@", segments[index - 1].start)
        colon = data.find(b":", segment.start, segment.end)
        header = data[segment.start:colon] if segment.kind == "class" and colon > 0 else b""
        if decorated or counts.get(segment.name, 0) > 1 or _HEADER_KEYWORD.search(header):
            held.add(segment.name)
    return frozenset(held)


def _read_past_windows(data: bytes, found: list[_Candidate],
                       classes: frozenset[str]) -> set[int] | None:
    """Each binding judged on sampled windows, read whole (whole.py says why) before the
    scan offers its extraction or advises `--evaluate`. A code mark anywhere makes the value
    code, as the windows judge one they see (a `u('...')` row first and a `lambda` later; a
    name in a window and `'abc'[1]` between them); else what the rest calls and names is
    added to its facts (a value found a literal becomes built: the scan then advises `tidy
    extract --evaluate`), and its names are resolved as the windows' are. A built value that
    calls the module's own classes is not read: its objects never move, whatever else it
    holds (nameparser's 800 kB of `Case(...)` rows, one of which reads an Enum member between
    the windows, stay reported with no extraction offered, as they were). None: nothing
    found past the windows; else the ids of the bindings that are code (perhaps none)."""
    code: set[int] = set()
    changed = False
    for c in found:
        if not c.facts.sampled or c.derived or c.scope not in _MOVED_SCOPES:
            continue
        if not c.facts.pure and not (c.facts.callees | c.facts.attr_roots).isdisjoint(classes):
            continue
        read = read_whole(data, c.value_start, trimmed_end(data, c.value_start, c.end),
                          c.facts.pure)
        if read is None:
            continue
        if read.code:
            code.add(id(c))
            changed = True
            continue
        facts = c.facts
        callees = [m for m in dict.fromkeys(read.callees) if m]
        if (not facts.pure or not read.built) and read.refs <= facts.refs and \
                set(callees) <= facts.callees and read.roots <= facts.attr_roots:
            continue  # nothing the windows did not see
        changed = True
        c.facts = replace(facts, pure=False, refs=facts.refs | read.refs,
                          calls=tuple(dict.fromkeys((*facts.calls, *callees)))[:4],
                          callees=facts.callees | set(callees),
                          attr_roots=facts.attr_roots | read.roots)
    return code if changed else None


_MOVED_SCOPES = ("module", "class", "function")  # what tidy extract moves (not items, branches)
_BLANKED_MIN = 4096  # a value this big is blanked before the syntax parse (_refusal)


def _refusal(data: bytes, segments: list[Segment], found: list[_Candidate]) -> str:
    """Why tidy extract would refuse the reported module whatever is asked (hanziconv's
    runtests.py: a giant string, and `locals()` handed on in its `__main__` block): its code
    statements and what its data values call are searched for a hint (namespace.py); and
    why its parse fails: its code (data values blanked) is parsed as the extractor parses the
    module (naftawayh's `print "..."`, `except E, e:` and every other Python 2 shape)."""
    data_spans = {(c.start, c.end) for c in found if c.scope in ("module", "item")}
    regions = [Region(s.start, s.end, s.kind == "def") for s in segments
               if (s.start, s.end) not in data_spans]
    # what the data values call or name, and the names they are bound to (`_tidy_data = None`)
    names = {n for c in found for n in (c.name, *c.facts.callees, *c.facts.refs)}

    def values() -> Iterator[tuple[int, int]]:  # read only where a hint is found
        return ((c.value_start, trimmed_end(data, c.value_start, c.end)) for c in found)

    def blanked() -> Iterator[tuple[int, int]]:
        """What the syntax parse blanks: a table's items and every big value (their bytes would
        be most of its cost: emoji's 3 MB dict is items). A small value is parsed where it is:
        the judge takes `MODE = 0777` and `N = 10L` as data, and a small value in an `if`
        block can run on over a tab-indented line the splitter did not see as its block's."""
        for c in found:
            end = trimmed_end(data, c.value_start, c.end)
            if c.scope == "item" or end - c.value_start >= _BLANKED_MIN:
                yield c.value_start, end

    return (extraction_refusal(data, regions, names, values())
            or syntax_refusal(data, blanked()))


def _rebound(data: bytes, segments: list[Segment]) -> frozenset[str]:
    """Module names bound by two top-level assignments, or by one and an augmented one
    (pycryptodome's test_AES.py: `test_data = [...]`, later `test_data += test_data_8_lanes`)."""
    seen: set[str] = set()
    again: set[str] = set()
    for segment in segments:
        name = segment.name if segment.kind == "assign" else ""
        if segment.kind == "other":
            match = _AUGMENTED.match(data, segment.start, segment.end)
            name = match.group("name").decode("ascii") if match else ""
            if name:
                again.add(name)
                continue
        if name:
            (again if name in seen else seen).add(name)
    return frozenset(again & seen)


def _own_objects(found: list[_Candidate],
                 classes: frozenset[str]) -> dict[int, tuple[str, ...]]:
    """Module-level data bindings whose values are objects of the module's own classes:
    they call one (`State(**{...})`), read a member's value (`Holiday.new_years_day.value`,
    an Enum of the module) or name a binding that does (`STATES = [AL, ...]`).
    By id() of the candidate: the classes."""
    own = {id(c): tuple(sorted((c.facts.callees | c.facts.attr_roots) & classes))
           for c in found if (c.facts.callees | c.facts.attr_roots) & classes}
    while True:
        names = {c.name: own[id(c)] for c in found if id(c) in own
                 and c.scope in ("module", "branch")}
        more = {id(c): tuple(sorted({k for r in c.facts.refs if r in names for k in names[r]}))
                for c in found if id(c) not in own and c.facts.refs & names.keys()}
        if not more:
            return own
        own.update(more)


def _may_hold_giant(segment: Segment, size: int, settings: DataSettings) -> bool:
    """A statement big enough to be a TDY302 string is looked at even in a code module."""
    floor = max(settings.giant_string_bytes, size * settings.giant_string_share)
    return segment.kind == "assign" and segment.end - segment.start >= floor


def _judge_segment(state: _State, segment: Segment) -> None:
    if segment.kind in ("assign", "item"):
        _bind(state, segment.name, "module" if segment.kind == "assign" else "item", "",
              segment.start, segment.end, segment.value_start)
    elif segment.kind == "unpack":
        _unpack(state, segment)
    elif segment.kind == "class":
        _judge_class(state, segment)
    elif segment.kind == "other" and _BRANCH.match(state.splitter.data, segment.start):
        _judge_branch(state, segment)
    elif segment.kind == "def" and _judge_function(state, segment):
        return
    else:
        state.code_bytes += segment.end - segment.start


def _unpack(state: _State, segment: Segment) -> None:
    """`(AUTUMN_BREAK, ..., SUMMER_BREAK) = range(6)` (holidays' germany_school.py, whose
    233 kB table names them), `A, B = 1, 2`: its names are data a value may name when what is
    unpacked is a literal or a range of literal bounds (numbers, strings at import; `tidy
    extract --evaluate` takes a value naming them). The statement itself is code: tidy
    extract moves `NAME = value` bindings only."""
    state.code_bytes += segment.end - segment.start
    data = state.splitter.data
    value_end = trimmed_end(data, segment.value_start, segment.end)
    if value_end - segment.value_start > 3 * state.settings.min_window:
        return  # a big table unpacked: not a few named constants
    facts = value_facts(state.splitter, segment.value_start, value_end,
                        state.settings.min_window)
    if not facts.marks and not facts.refs and not facts.attr_roots and \
            facts.callees <= _UNPACKED_CALLS:
        state.unpacked.update(segment.names)


_UNPACKED_CALLS = frozenset({"range"})  # what an unpacking of data may call: ints come out


def _bind(state: _State, name: str, scope: str, owner: str, start: int, end: int,
          value_start: int) -> None:
    data = state.splitter.data
    if end - value_start <= 3 * state.settings.min_window and \
            _SHORT_STRING.fullmatch(data, value_start, end):
        # what value_facts finds for it, without trimming and tokenizing (scapy's automotive
        # definitions: 3,000-5,000 such items, ~3 us each the long way)
        state.values_left = max(0, state.values_left - 1)
        state.candidates.append(_Candidate(name, scope, owner, start, end, ONE_SHORT_STRING,
                                           value_start))
        if scope == "class":
            state.class_data_seen()
        return
    value_end = trimmed_end(data, value_start, end)
    if value_end <= value_start:
        state.code_bytes += end - start
        return
    # a value of up to three smallest windows is read whole whatever the window (most items
    # and constants): the budget's share is worked out only for bigger ones
    small = value_end - value_start <= 3 * state.settings.min_window
    window = state.settings.min_window if small else state.window()
    facts = value_facts(state.splitter, value_start, value_end, window)
    state.scrub_left = max(0, state.scrub_left - facts.scrubbed)
    state.values_left = max(0, state.values_left - 1)
    derived = False
    if facts.marks and scope == "module":
        table = _comprehended_table(state, value_start, value_end, window)
        if table is not None:
            facts, derived = table, True
    if facts.marks:
        state.code_bytes += end - start
        return
    state.candidates.append(_Candidate(name, scope, owner, start, end, facts, value_start,
                                       derived))
    if scope == "class":
        state.class_data_seen()


def _comprehended_table(state: _State, value_start: int, value_end: int,
                        window: int) -> ValueFacts | None:
    """The facts of the literal a comprehension runs over, when it is most of the value and
    data (colour-science's Munsell tables: `tuple((hvc, np.array(xyY)) for hvc, xyY in
    (((...), [...]), ...))`, 5,000 rows made into ndarrays). None: the value stays code."""
    data = state.splitter.data
    head_end = min(value_end, value_start + 1024)
    if data.find(b"for", value_start, head_end) < 0:
        return None
    found = _COMPREHENSION.search(data, value_start, head_end)
    if found is None:
        return None
    last = trimmed_end(data, found.end(), value_end)
    doc = state.splitter.span_at(last - 1)  # an attribute docstring after the value
    if doc is not None and data[doc[0] - 1:doc[0]] == b"\n":
        last = trimmed_end(data, found.end(), doc[0])
    closer = last - 1  # the comprehension's own bracket
    if closer <= found.end() or data[closer] not in b")]}":
        return None
    table_end = trimmed_end(data, found.end(), closer)
    if table_end - found.end() < _TABLE_SHARE * (value_end - value_start):
        return None
    facts = value_facts(state.splitter, found.end(), table_end, window)
    state.scrub_left = max(0, state.scrub_left - facts.scrubbed)
    return facts if not facts.marks else None


def _body_or_code(state: _State, segment: Segment) -> tuple[bytes, int] | None:
    """A block's body (its indent, where it starts); None, the whole block counted as code,
    when it has no indented body to judge."""
    body = _body_indent(state.splitter.data, segment.start, segment.end)
    if body is None:
        state.code_bytes += segment.end - segment.start
    return body


def _judge_class(state: _State, segment: Segment) -> None:
    splitter = state.splitter
    body = _body_or_code(state, segment)
    if body is None:
        return
    indent, body_start = body
    inner = splitter.split(body_start, segment.end, indent)
    state.values_left += sum(s.kind == "assign" for s in inner)
    state.rebound_attributes.update((segment.name, n) for n in _rebound(splitter.data, inner))
    judged = 0
    for statement in inner:
        judged += statement.end - statement.start
        if statement.kind == "assign":
            _bind(state, statement.name, "class", segment.name, statement.start, statement.end,
                  statement.value_start)
        else:
            state.code_bytes += statement.end - statement.start
    state.code_bytes += (segment.end - segment.start) - judged  # header, docstring


def _judge_branch(state: _State, segment: Segment) -> None:
    """An `if`/`elif`/`else` branch at module level whose body binds data (pyglet's generated
    controller_db.py: `if compat_platform.startswith("linux"): mapping_list = [...]`): its
    assignments are module names bound to data (scope "branch"); the header and anything
    else in it are code."""
    splitter = state.splitter
    body = _body_or_code(state, segment)
    if body is None:
        return
    indent, body_start = body
    judged = 0
    for statement in splitter.statements(body_start, segment.end, indent):
        if state.code_bytes > state.code_cap:
            break  # the module cannot be data any more (protobuf's _pb2: thousands of lines)
        judged += statement.end - statement.start
        if statement.kind == "assign":
            state.values_left += 1
            _bind(state, statement.name, "branch", "", statement.start, statement.end,
                  statement.value_start)
        else:
            state.code_bytes += statement.end - statement.start
    state.code_bytes += (segment.end - segment.start) - judged  # the header, the rest


def _judge_function(state: _State, segment: Segment) -> bool:
    """A function whose body is `return VALUE`, or `NAME = VALUE` then `return NAME` (a
    docstring allowed): a data binding (idna's uts46data, pygments' _vim_builtins). Else
    False: the caller counts it as code."""
    data = state.splitter.data
    body = _body_indent(data, segment.start, segment.end)
    if body is None:
        return False
    indent, body_start = body
    first = re.compile(rb"\n" + re.escape(indent) + rb"(?=[A-Za-z_@\x80-\xff])")
    match = first.search(data, body_start - 1, segment.end)
    if match is None or not (_RETURN.match(data, match.end())
                             or ASSIGN_HEAD.match(data, match.end())):
        return False
    inner = state.splitter.split(body_start, segment.end, indent)
    value_start = -1
    if len(inner) == 1:
        returned = _RETURN.match(data, inner[0].start)
        value_start = returned.end() if returned is not None else -1
    elif len(inner) == 2 and inner[0].kind == "assign":
        returned = _RETURN.match(data, inner[1].start)
        name = inner[0].name.encode()
        if returned is not None and data[returned.end():trimmed_end(
                data, returned.end(), inner[1].end)] == name:
            value_start = inner[0].value_start
            segment = Segment(segment.start, inner[0].end, segment.kind, segment.name)
            state.code_bytes += inner[1].end - inner[1].start
    if value_start < 0:
        return False
    _bind(state, segment.name, "function", segment.name, segment.start, segment.end,
          value_start)
    return True


def _body_indent(data: bytes, start: int, end: int) -> tuple[bytes, int] | None:
    """(indentation, offset of the first body line) of a def/class; None for a one-liner."""
    match = _BODY_LINE.search(data, start, end)
    if match is None:
        return None
    return match.group(1), match.start() + 1


def _resolved(candidates: list[_Candidate], imports: _Imports,
              classes: frozenset[str]) -> list[_Candidate]:
    """Candidates whose names are all data, found as the greatest fixpoint. A function that
    returns data counts only when a module-level data binding calls it (`command =
    _getcommand()`): an ANTLR lexer's serializedATN() feeds a deserializer in its class
    body, and is the code's input, not the module's data."""
    alive = list(candidates)
    while True:
        module = {c.name for c in alive if c.scope in ("module", "branch")}
        by_class: dict[str, set[str]] = {}
        for c in alive:
            if c.scope == "class":
                by_class.setdefault(c.owner, set()).add(c.name)
        called = set().union(*(c.facts.callees for c in alive
                               if c.scope in ("module", "branch")))
        kept = [c for c in alive if _names_resolve(c, module, by_class, imports)
                and c.facts.attr_roots <= classes
                and (c.scope != "function" or c.name in called)]
        if len(kept) == len(alive):
            return kept
        alive = kept


def _names_resolve(c: _Candidate, module: set[str], by_class: dict[str, set[str]],
                   imports: _Imports) -> bool:
    if not c.facts.refs:
        return True  # most items and literals name nothing
    known = module | by_class.get(c.owner, set()) if c.scope == "class" else module
    return all(ref in known or imports.resolves(ref) for ref in c.facts.refs)


def _verdict(data: bytes, size: int, statement_bytes: int, state: _State,
             found: list[_Candidate], complete: bool) -> DataVerdict:
    settings = state.settings
    dropped = sum(c.end - c.start for c in state.candidates) - sum(c.end - c.start
                                                                  for c in found)
    data_bytes = sum(c.end - c.start for c in found)
    giant_floor = max(settings.giant_string_bytes, size * settings.giant_string_share)
    strings = [c for c in found if c.facts.one_string]
    giants = [c for c in strings if c.end - c.start >= giant_floor and c.scope != "item"]
    string_bytes = sum(c.end - c.start for c in strings)
    share = data_bytes / statement_bytes if statement_bytes else 0.0
    giant_bytes = sum(c.end - c.start for c in giants)
    # Items put into one table are one holder (3,000 `T[0x..] = '...'` are one table's rows)
    tables: dict[str, list[_Candidate]] = {}
    for c in found:
        if c.scope == "item":
            tables.setdefault(c.name, []).append(c)
    rows = [sorted(group, key=lambda c: c.start) for group in tables.values()]
    every = sorted([[c] for c in found if c.scope != "item"] + rows,
                   key=lambda group: -sum(c.end - c.start for c in group))
    held = sum(n for n in (sum(c.end - c.start for c in g) for g in every)
               if n >= settings.min_holder_bytes)
    # the higher share when any class attribute looked like data, resolved or not: the
    # judgement stopped by that share (arrow's locale tables are class attributes)
    floor = settings.min_share if state.in_classes else min(settings.min_share,
                                                            settings.min_share_module_data)
    is_data = (complete and share >= floor
               and data_bytes - giant_bytes >= giant_bytes and 2 * held >= data_bytes)
    holders = every[:settings.top_bindings]
    numbered, line, pos = _numbered(data, [*(c for group in holders
                                             for c in (group[0], group[-1])), *giants])
    lines = _lines(data, line, pos)
    bindings = tuple(_holder(data, numbered, group) for group in holders)
    return DataVerdict(
        size=size, lines=lines, statement_bytes=statement_bytes, data_bytes=data_bytes,
        item_bytes=sum(c.end - c.start for c in found if c.scope == "item"),
        branch_bytes=sum(c.end - c.start for c in found if c.scope == "branch"),
        held_bytes=sum(c.end - c.start for c in found
                       if c.scope in ("class", "function") and c.owner in state.held),
        derived_bytes=sum(c.end - c.start for c in found if c.derived),
        string_bytes=string_bytes, is_data=is_data, bindings=bindings,
        giant_strings=tuple(_with_content(data, numbered[id(c)], c) for c in giants),
        shapes=_shapes(found), code_bytes=state.code_bytes + dropped, complete=complete,
        gzip_ratio=_gzip_ratio(data, holders[0]) if is_data and holders else 0.0)


def _holder(data: bytes, numbered: dict[int, Binding], group: list[_Candidate]) -> Binding:
    """A binding, or the items of one table as one holder: `T[...] (3,168 items)`."""
    first = numbered[id(group[0])]
    if group[0].scope != "item":
        return first
    table = group[0].name
    return replace(first, name=f"{table}[...] ({len(group):,} items)",
                   end_line=numbered[id(group[-1])].end_line,
                   bytes=sum(c.end - c.start for c in group),
                   pure=all(c.facts.pure for c in group),
                   calls=tuple(dict.fromkeys(x for c in group for x in c.facts.calls))[:4],
                   names=tuple(sorted({r for c in group for r in c.facts.refs}))[:8],
                   sampled=any(c.facts.sampled for c in group))


def _gzip_ratio(data: bytes, holder: list[_Candidate]) -> float:
    """How well the data compresses, from 64 kB of the biggest holder (for the estimate).
    Level 5: two thirds of level 6's CPU, which was a sixth of the judgement of a data module
    (phonenumbers+emoji+pypinyin: 45 of 271 ms), for a ratio 1.8 % higher at the median and
    5.8 % at worst (38 modules; the data file itself is level 9: the estimate was already the
    higher; dic-10, bench/RESULTS.md)."""
    start = holder[0].value_start if len(holder) == 1 else holder[0].start
    sample = data[start:min(holder[-1].end, start + 64_000)]
    return len(zlib.compress(sample, 5)) / max(1, len(sample))


def _lines(data: bytes, line: int, pos: int) -> int:
    """The module's lines, from `line`, the line at `pos` (_numbered counted up to there:
    the count of the whole module, a pass over all its bytes, is not made again; dic-11)."""
    return line - 1 + data.count(b"\n", pos) + (1 if data and not data.endswith(b"\n") else 0)


def _numbered(data: bytes, chosen: Iterable[_Candidate]) -> tuple[dict[int, Binding], int, int]:
    """Bindings with line numbers, counted once in order over the bytes (each binding's own
    lines once: counted again from its start, they were a sixth of the judgement's
    instructions on phonenumbers+emoji+pypinyin with the module's line count; dic-10); and
    the line the count reached, with where (the module's line count goes on from there)."""
    out: dict[int, Binding] = {}
    line, pos = 1, 0
    for c in sorted({id(c): c for c in chosen}.values(), key=lambda c: c.start):
        if c.start >= pos:
            line += data.count(b"\n", pos, c.start)
        else:  # (bindings never overlap; were one inside the last, count back)
            line -= data.count(b"\n", c.start, pos)
        end = trimmed_end(data, c.start, c.end)
        end_line = line + data.count(b"\n", c.start, end)
        out_line = line
        line, pos = end_line, end
        name = _item_name(data, c) if c.scope == "item" else {
            "module": c.name, "class": f"{c.owner}.{c.name}", "function": f"{c.name}()",
            "branch": f"{c.name} (in an if block)"}[c.scope]
        out[id(c)] = Binding(name, out_line, end_line, c.end - c.start, c.facts.kind, c.scope,
                             c.facts.pure, c.facts.calls, tuple(sorted(c.facts.refs)),
                             c.facts.sampled)
    return out, line, pos


def _item_name(data: bytes, item: _Candidate) -> str:
    """`TABLE[0x3665]` or `TABLE.update(...)`: the statement's head as written."""
    head = data[item.start:item.value_start].decode("utf-8", "replace").strip()
    return head[:-1].rstrip() if head.endswith("=") else head + "(...)"


def _with_content(data: bytes, binding: Binding, candidate: _Candidate) -> Binding:
    body = string_body(data, candidate.value_start, trimmed_end(data, candidate.value_start,
                                                                candidate.end))
    return replace(binding, content=sniff(body))


def sniff(body: bytes) -> str:
    """What a big string holds: json, csv or text (from its source characters)."""
    head = body.lstrip()[:1]
    if head in (b"{", b"[") and body.rstrip()[-1:] in (b"}", b"]"):
        if len(body) > 1_000_000:  # parsing megabytes costs more than the whole judgement
            return "json" if re.search(rb'"[ \t]*:', body[:4096]) else "text"
        try:
            json.loads(body)
            return "json"
        except ValueError:
            pass
    lines = [line for line in body.strip().splitlines()[:20] if line]
    if len(lines) >= 3:
        for delimiter in (b",", b"\t", b";", b"|"):
            counts = {line.count(delimiter) for line in lines}
            if len(counts) == 1 and counts.pop() > 0:
                return "csv"
    return "text"


def _shapes(found: list[_Candidate]) -> tuple[str, ...]:
    shapes = []
    if any(c.facts.pure for c in found):
        shapes.append("literal")
    if any(c.facts.calls for c in found):
        shapes.append("helper-call")
    if any(c.facts.refs for c in found):
        shapes.append("names")
    if any(c.scope == "class" for c in found):
        shapes.append("class-attrs")
    if any(c.scope == "function" for c in found):
        shapes.append("functions")
    if any(c.facts.one_string for c in found):
        shapes.append("string")
    if any(c.scope == "item" for c in found):
        shapes.append("items")
    if any(c.scope == "branch" for c in found):
        shapes.append("if-blocks")
    if any(c.derived for c in found):
        shapes.append("comprehension")
    if len(found) >= 20:
        shapes.append("many-names")
    return tuple(shapes)
