"""The records the data-in-code judgement returns: frozen, picklable, JSON round-trippable."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

VERDICT_VERSION = 15  # bump when a field, its meaning or the judgement changes (caches key on it)


# Why a module's objects of its own classes never move, as the scan's advice and tidy
# extract's refusal both say it.
OWN_OBJECTS_WHY = ("a data file holds plain values only (lists, dicts, str, numbers), and "
                   "rebuilding the objects would mean the loader calling the module's own code")

@dataclass(frozen=True)
class DataSettings:
    """What makes a module 'mostly data'. Chosen on the corpus (bench/corpus, bench/RESULTS.md):
    every labelled data module of 64 kB or more is at 0.86 or over, no code module over 0.41."""

    min_share: float = 0.85  # data bytes / bytes of the module's statements
    # The share when no data is a class attribute: tables bound at module level beside code
    # that only reads them (num2words' test_uk.py: 3,000 lines of TEST_CASES_* tuples and
    # one TestCase, 0.83) come apart as they are. Code that carries its tables in classes
    # beside their methods (arrow's 100 locale classes: 0.82) keeps the 0.85 share. Under
    # 0.82 the corpus holds modules labelled code (chemicals' test_reaction.py, 0.80: test
    # cases documented by comments) and objects of the module's own classes (molmass, 0.80).
    min_share_module_data: float = 0.82
    giant_string_bytes: int = 100_000  # TDY302: one string constant at least this big...
    giant_string_share: float = 0.5  # ...and at least this share of the module
    window_bytes: int = 24_000  # a value bigger than 3 windows is judged on 3 samples
    # Tokenizing costs ~0.3 us a string: a module is tokenized for at most this many bytes.
    # Once values outnumber it, each is judged on smaller windows (head, middle, tail of at
    # least min_window bytes): a table of 300 ASCII-art fonts costs what one big literal does.
    scrub_budget: int = 160_000
    min_window: int = 256
    top_bindings: int = 8  # how many of the biggest bindings the verdict keeps
    # Values under this many bytes are never moved by `tidy extract` (SMALL_VALUE_BYTES in
    # tidy/extract/plan.py): a module whose data is mostly such values (win32con's 3,000
    # `WM_PAINT = 0x000F`) is named constants, and extraction would move nothing.
    min_holder_bytes: int = 256


DEFAULT_SETTINGS = DataSettings()


@dataclass(frozen=True)
class Binding:
    """One name bound to a data value: at module level, in a class body, or a function that
    only returns one."""

    name: str  # NAME, Class.NAME, or name() for a function
    line: int  # 1-based, first line of the statement
    end_line: int
    bytes: int  # of the whole statement
    kind: str  # list, dict, tuple, set, str, bytes, number, call, name, other
    scope: str  # module, class, function, item (`TABLE[KEY] = value`: name is `TABLE[...]`),
    # branch (`NAME = value` in a module-level if/elif/else block)
    pure: bool  # a literal ast.literal_eval accepts (as far as the scanner sees)
    calls: tuple[str, ...] = ()  # callees in the value (u, frozenset, .split, re.compile, ...)
    names: tuple[str, ...] = ()  # module constants the value names
    sampled: bool = False  # judged on samples of its text (a value over 3 windows)
    content: str = ""  # str/bytes bindings: json, csv or text

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Binding:
        return cls(**{**body, "calls": tuple(body.get("calls", ())),
                      "names": tuple(body.get("names", ()))})


@dataclass(frozen=True)
class DataVerdict:
    """What one pass over a module found: how much of it binds data, and its biggest bindings."""

    size: int  # bytes of the module
    lines: int
    statement_bytes: int  # bytes of the module's statements (leading docstring/comments not)
    data_bytes: int  # bytes of statements that bind data
    string_bytes: int  # the part of data_bytes in bindings of one str/bytes value
    is_data: bool  # TDY301: mostly data, and not mostly one string (that is TDY302)
    bindings: tuple[Binding, ...] = ()  # the biggest data bindings, biggest first
    giant_strings: tuple[Binding, ...] = ()  # TDY302
    shapes: tuple[str, ...] = ()  # literal, tagged, call, names, class-attrs, functions, ...
    code_bytes: int = 0  # statements judged code (imports, defs, derived loops, ...)
    gzip_ratio: float = 0.0  # gzip size / source size of a sample of the biggest binding
    complete: bool = True  # False when the judgement stopped early: it cannot be data
    error: str = ""
    # classes of the module itself that the data values call, directly or through names
    # (us' `State(**{...})`): their objects are not plain data, and no extraction is offered
    own_classes: tuple[str, ...] = ()
    own_object_bytes: int = 0  # of data_bytes, in such bindings
    # of own_classes, those only whose members' values the data reads (chinesecalendar's
    # `Holiday.new_years_day.value`: an Enum's values), never called to build an object
    member_value_classes: tuple[str, ...] = ()
    item_bytes: int = 0  # of data_bytes, in items put into tables (`TABLE[KEY] = value`)
    branch_bytes: int = 0  # of data_bytes, bound inside module-level if/elif/else blocks
    # of data_bytes, in the bodies of classes and functions tidy extract leaves whole: a
    # decorated one (`@dataclass`), a class with `metaclass=` in its header, a name bound twice
    held_bytes: int = 0
    # of data_bytes, bound to module names the module binds again (`test_data = [...]`, then
    # `test_data += more`): tidy extract moves names bound once only
    rebound_bytes: int = 0
    # why tidy extract refuses the module whatever is asked (it reads its namespace as a
    # whole, or uses the loader's names): found for reported modules only (namespace.py)
    refusal: str = ""
    # of data_bytes, in values that are a comprehension over a literal table (the table is
    # data; what the comprehension builds from it, ndarrays in colour-science's, is not)
    derived_bytes: int = 0
    # what the module binds the callees of `bindings` (a dotted one's root) to, where it binds
    # one once at its top level (callees.py): "def", "class", or the dotted name imported
    # (`collections.deque` for `from collections import deque`, `datetime` for `dt`; a
    # relative import keeps its dots, `.models.Row`: rules/first_party.py follows it)
    callee_origins: tuple[tuple[str, str], ...] = ()
    version: int = VERDICT_VERSION
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def literal_fraction(self) -> float:
        return self.data_bytes / self.statement_bytes if self.statement_bytes else 0.0

    def to_json(self) -> dict[str, Any]:
        body = asdict(self)
        body["bindings"] = [b.to_json() for b in self.bindings]
        body["giant_strings"] = [b.to_json() for b in self.giant_strings]
        return body

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> DataVerdict:
        if body.get("version") != VERDICT_VERSION:
            raise ValueError(f"verdict version {body.get('version')!r} is not "
                             f"{VERDICT_VERSION}")
        return cls(**{**body,
                      "bindings": tuple(Binding.from_json(b) for b in body["bindings"]),
                      "giant_strings": tuple(Binding.from_json(b)
                                             for b in body["giant_strings"]),
                      "shapes": tuple(body["shapes"]),
                      "own_classes": tuple(body.get("own_classes", ())),
                      "member_value_classes": tuple(body.get("member_value_classes", ())),
                      "callee_origins": tuple(tuple(x) for x in body.get("callee_origins", ())),
                      "extra": tuple(tuple(x) for x in body.get("extra", ()))})
