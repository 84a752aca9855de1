"""3xx: data in code. Python modules that are mostly data (TDY301), giant string constants
holding JSON/CSV/text (TDY302), big JSON/JS/TS data files in source folders (TDY303).

Candidates are the walk's big files (at or over `data-min-size`). Each is judged by
tidy.analysis.data_in_code (one pass over the bytes, no parse, no child process) in the scan's
content pass (tidy.workspace.content), from the one read every content rule shares, and the
verdict is kept in the content cache; TDY301 and TDY302 read the same verdict.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import humanize

from tidy.analysis.data_in_code.callees import CLASS, FUNCTION
from tidy.analysis.data_in_code.facts import JS, JS_SUFFIXES, PY
from tidy.analysis.data_in_code.verdict import OWN_OBJECTS_WHY, Binding, DataVerdict
from tidy.analysis.vendored.candidates import in_vendor_container
from tidy.core.models import ActionKind, Anchor, Applicability, Finding, Fix, Size
from tidy.core.owners import not_yours
from tidy.rules.base import GroupContext, Rule, per_context
from tidy.rules.content import content_of
from tidy.rules.first_party import resolved_origins
from tidy.workspace.content import ContentFacts
from tidy.workspace.index_memo import Json, kept_positions, memoized, paths_at
from tidy.workspace.measure import folder_names

if TYPE_CHECKING:
    from tidy.workspace.blobs import IndexListing
    from tidy.workspace.build_config import BuildConfigs

_STUB_LINES = 60  # the loader a rewrite adds, for the estimate
_JS_SUFFIXES = JS_SUFFIXES
_DATA_SUFFIXES = (".json", ".geojson", *_JS_SUFFIXES)
_SOURCE_SUFFIXES = (".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".vue", ".svelte")
_NOT_DATA_NAMES = frozenset({"package-lock.json", "npm-shrinkwrap.json", "composer.lock",
                             "pnpm-lock.json", "deno.lock", "bun.lockb"})


def early_content_requests(tracked: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """What the engine's early content pass (on a worker, from the index alone) should judge
    for this family: every tracked .py module (big ones get their verdict) and the .js/.ts
    files TDY303 may ask about (its name test, and another source file beside it in the
    index). The check decides with the tree as it is; this only reads ahead."""
    sources: dict[str, int] = {}
    for path in tracked:
        if path.endswith(_SOURCE_SUFFIXES):
            folder = path.rpartition("/")[0]
            sources[folder] = sources.get(folder, 0) + 1
    requests: dict[str, tuple[str, ...]] = {}
    for path in tracked:
        if path.endswith(".py"):
            requests[path] = (PY,)
        elif (path.endswith(_JS_SUFFIXES) and _may_be_data_file(path)
              and sources.get(path.rpartition("/")[0], 0) > 1):
            requests[path] = (JS,)
    return requests


# Bumped whenever early_content_requests would answer a listing differently: a kept answer
# of another version is worked out again (workspace/index_memo).
_REQUESTS_VERSION = "2"  # 2: the positions kept in runs (index_memo.kept_positions)
_KINDS = {"p": (PY,), "j": (JS,)}


def early_requests(listing: IndexListing) -> dict[str, tuple[str, ...]]:
    """early_content_requests over the listing's paths, kept with the listing between scans
    (a rescan of the same index: ~1 ms instead of ~17 ms on the 250k bench tree)."""
    return memoized(listing, "data_in_code.requests", _REQUESTS_VERSION,
                    lambda: early_content_requests(listing.paths),
                    lambda requests: _encode_requests(listing, requests),
                    lambda kept: _decode_requests(listing, kept))


def _encode_requests(listing: IndexListing, requests: dict[str, tuple[str, ...]]) -> Json:
    kinds = "".join("p" if names == (PY,) else "j" for names in requests.values())
    return [kept_positions(listing, list(requests)), kinds]


def _decode_requests(listing: IndexListing, kept: Json) -> dict[str, tuple[str, ...]] | None:
    """The kept requests: positions of the listing's paths (in its order) and one kind
    letter each; None when they are anything else."""
    if not (isinstance(kept, list) and len(kept) == 2 and isinstance(kept[1], str)):
        return None
    paths, kinds = paths_at(listing, kept[0]), kept[1]
    if paths is None or len(paths) != len(kinds) or kinds.strip("pj"):
        return None
    return {path: _KINDS[kind] for path, kind in zip(paths, kinds, strict=True)}


def _may_be_data_file(rel: str) -> bool:
    name = os.path.basename(rel)
    return name not in _NOT_DATA_NAMES and not name.endswith((".min.js", ".d.ts", ".map"))


def _candidates(ctx: GroupContext, suffixes: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    if not ctx.is_repo:
        # Data in code is a project's problem: an installed toolchain's docs or a venv's
        # site-packages under a home folder are not the user's source to rewrite.
        return
    floor = ctx.config.data_min_size
    for big in ctx.big_files:
        if big.bytes >= floor and big.rel.endswith(suffixes) and not ctx.ignored(big.rel):
            yield big.rel, big.bytes


def load_checks_for(big_files: Iterable[tuple[str, int]], floor: int) -> None:
    """What the checks import only for a Python module big enough to be judged (_if_shipped's
    build config reader, ~9 ms), imported beforehand, when the engine would wait for the early
    work (the cold scan's longest chain), not after it. `big_files`: (path, bytes) as the walk
    listed them; `floor`: config.data_min_size."""
    if any(size >= floor and rel.endswith(".py") for rel, size in big_files):
        import tidy.extract.packaging  # noqa: F401 (the name `tidy`, bound once)


def _python_verdicts(ctx: GroupContext) -> Iterator[tuple[str, int, DataVerdict]]:
    content = content_of(ctx)
    candidates = list(_candidates(ctx, (".py",)))
    content.ensure({rel: (PY,) for rel, _ in candidates})
    for rel, size in candidates:
        verdict = _verdict(content, rel)
        if verdict is not None and not verdict.error:
            yield rel, size, verdict


def _verdict(content: ContentFacts, rel: str) -> DataVerdict | None:
    """The module's verdict from the content pass; a cached one that does not decode (the
    cache is untrusted input) is thrown away and the module read again."""
    for _ in range(2):
        facts = content.facts(rel)
        if facts is None:
            return None
        try:
            return DataVerdict.from_json(facts[PY])  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError, AttributeError):
            content.forget(rel)
            content.ensure({rel: (PY,)})
    return None


def holders_text(verdict: DataVerdict, limit: int = 4) -> str:
    """`NAME 97% (lines 4-283005), ...` for the biggest data bindings."""
    return ", ".join(f"{b.name} {b.bytes / max(1, verdict.size):.0%} "
                     f"({_line_span(b.line, b.end_line)})" for b in verdict.bindings[:limit])


def _line_span(first: int, last: int) -> str:
    return f"line {first}" if last <= first else f"lines {first}-{last}"


def _estimate(verdict: DataVerdict) -> str:
    data = verdict.data_bytes
    gz = int(data * verdict.gzip_ratio) if verdict.gzip_ratio else data // 4
    held_lines = sum(b.end_line - b.line + 1 for b in verdict.bindings)
    module_lines = max(1, verdict.lines - held_lines) + _STUB_LINES
    return (f"a ~{module_lines:,}-line module plus a ~{humanize.naturalsize(gz)} .json.gz "
            f"(~{humanize.naturalsize(data)} of data text)")


def _evaluated(bindings: tuple[Binding, ...]) -> list[Binding]:
    """Bindings whose values are built by calls or names: extraction evaluates them."""
    return [b for b in bindings if not b.pure]


def _built_by(built: list[Binding]) -> str:
    """What builds the values of `built`: its calls (`u()`, `OrderedDict()`), else names."""
    return ", ".join(sorted({f"{c}()" for b in built for c in b.calls} or {"module names"}))


# A vendored copy is rewritten by its next re-vendoring (pypa/vendoring, `pip install
# --target`, a copy script): extracting its data here is undone, and the fix belongs upstream.
_VENDORED_FIX = ("a vendored copy of another project's file: move its data upstream (or where "
                 "the copy comes from); tidy does not rewrite vendored code")


def _extract_fix(rel: str, verdict: DataVerdict,
                 origins: Mapping[str, str] | None = None) -> Fix:
    """What TDY301 offers for the module; `origins`: what its callees are bound to, first-party
    imports followed (first_party.py; the verdict's own when not given)."""
    if in_vendor_container(rel):
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, _VENDORED_FIX)
    if verdict.refusal:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, refused_advice(verdict))
    if verdict.own_object_bytes * 2 >= verdict.data_bytes > 0:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, own_objects_advice(verdict))
    if verdict.item_bytes * 2 >= verdict.data_bytes > 0:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, ITEMS_ADVICE)
    if verdict.branch_bytes * 2 >= verdict.data_bytes > 0:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, BRANCH_ADVICE)
    if verdict.held_bytes * 2 >= verdict.data_bytes > 0:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, HELD_ADVICE)
    if verdict.rebound_bytes * 2 >= verdict.data_bytes > 0:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, REBOUND_ADVICE)
    if verdict.derived_bytes * 2 >= verdict.data_bytes > 0:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, COMPREHENSION_ADVICE)
    built = _evaluated(verdict.bindings)
    if not built:
        return Fix(ActionKind.EXTRACT, Applicability.UNSAFE,
                   f"tidy extract {rel}: data to {_data_name(rel)} + a loader stub (verified)")
    origins = dict(verdict.callee_origins) if origins is None else origins
    staying = [b for b in built if _holds_objects(b, origins)]
    if sum(b.bytes for b in staying) * 2 >= verdict.data_bytes > 0:
        return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                   objects_advice(staying, origins))
    callees = {c for b in built if b not in staying for c in b.calls}
    how = _built_by(built)
    classes = sorted(f"{c}()" for c in callees if _builds_objects(c, origins))
    caveat = (f"; what {', '.join(classes[:3])} build{'s' if len(classes) == 1 else ''} "
              "moves only if it is plain data (lists, dicts, str, numbers...): other objects "
              "stay, named in a note") if classes else ""
    if staying:
        names = ", ".join(b.name for b in staying[:3])
        caveat += (f"; {names} stay{'s' if len(staying) == 1 else ''} in place: "
                   f"{_objects_of(staying, origins)} are no data JSON holds")
    return Fix(ActionKind.EXTRACT, Applicability.UNSAFE,
               f"tidy extract {rel} --evaluate: values built by {how} are taken by importing "
               f"the module in the project's interpreter; data to {_data_name(rel)} + a loader "
               f"stub, verified by importing it again{caveat}")


# scapy's automotive definitions: 3,000 `UDS_RDBI.dataIdentifiers[0x3665] = '...'` into an
# imported class's table. A stub could replay stored (key, value) pairs into the same table,
# but tidy extract proves an extraction exact by importing the module and comparing its own
# names, and the table here is another module's object: the replay could not be checked.
ITEMS_ADVICE = ("no extraction offered: most of the data is put into tables item by item "
                "(`TABLE[KEY] = value`, `TABLE.update(...)`); tidy extract moves `NAME = value` "
                "bindings only, since it proves a move exact by comparing the module's own "
                "names after import, and a table filled here may be another module's. To move "
                "it, keep the items in a data file and fill the table from it in code")


# pyglet's generated controller_db.py: `if compat_platform.startswith("linux"): mapping_list
# = [...]`, else `[]`. Which value the module gets depends on the branch taken at import.
BRANCH_ADVICE = ("no extraction offered: most of the data is bound inside `if`/`else` blocks "
                 "(one value per condition); tidy extract moves top-level `NAME = value` "
                 "bindings only. To move it, keep each value in a data file and pick one in "
                 "code")


# A table in a `@dataclass` (or a class with `metaclass=` in its header, or a decorated
# function that returns it): the decorator or metaclass runs over the body at import and may
# read, copy or replace what it binds, and tidy extract moves the class attributes and
# functions of plain ones only (it answered "no data binding"; dic-10).
HELD_ADVICE = ("no extraction offered: most of the data is bound in a decorated class or "
               "function, a class with keywords in its header (`metaclass=`), or one whose "
               "name the module binds twice; tidy extract leaves those whole, since what the "
               "decorator or metaclass does with the body at import is not its to prove. To "
               "move it, bind the table at module level and name it in the class")


# pycryptodome's SelfTest/Cipher/test_AES.py: `test_data = [...]` (67 kB of vectors), then
# `test_data += test_data_8_lanes`. The name's value at the end of the import is not the
# literal, and tidy extract moves names bound once only (it refused: "no data binding").
REBOUND_ADVICE = ("no extraction offered: most of the data is bound to names the module (or "
                  "their class) binds again (`NAME += ...` or a second `NAME = ...`); tidy "
                  "extract moves names bound once only. To move it, load the first value from "
                  "a data file under another name and build the final one from it in code")


# colour-science's Munsell tables: `tuple((hvc, np.array(xyY)) for hvc, xyY in (...))`. The
# module's name holds what the comprehension builds (ndarrays), not the literal: tidy extract
# moves a name's value, and this one is not plain data.
COMPREHENSION_ADVICE = ("no extraction offered: most of the data is a literal table a "
                        "comprehension turns into the values the module binds (`NAME = "
                        "f(row) for row in (...)`); tidy extract moves a name's value, and "
                        "that is what the comprehension builds. To move it, keep the table in "
                        "a data file and run the comprehension over it in code")


def refused_advice(verdict: DataVerdict) -> str:
    """The extractor's own refusal (hanziconv's runtests.py reads `locals()`): offering
    `tidy extract` would only get this answer."""
    return f"no extraction offered: tidy extract refuses this module: {verdict.refusal}"


def own_objects_advice(verdict: DataVerdict) -> str:
    """Why no extraction is offered for a module whose data is objects of its own classes,
    or values of the members of its own Enum."""
    classes = ", ".join(verdict.own_classes[:3])
    share = f"{verdict.own_object_bytes / verdict.data_bytes:.0%}"
    if _members_only(verdict):
        # chinesecalendar's constants.py: `datetime.date(2004, 1, 1): Holiday.new_years_day
        # .value`, 900 rows: the values are plain, but they are the class's own
        return (f"no extraction offered: {share} of the data reads the values of members of "
                f"{classes} (`{verdict.own_classes[0]}.member.value`), defined in this "
                "module; a data file would hold copies of those values that no longer follow "
                "the class. To move it, keep the rows with the members' names in a data file "
                "and look the members up in code")
    return (f"no extraction offered: {share} of the data is objects of {classes}, defined in "
            f"this module; {OWN_OBJECTS_WHY}. To move it, keep the records' plain fields in a "
            "data file and build the objects from them in code")


def _members_only(verdict: DataVerdict) -> bool:
    return set(verdict.own_classes) <= set(verdict.member_value_classes)


# Capitalized callees that give data the format holds (the rest are most likely classes
# whose objects JSON cannot hold: fontTools' FieldSpec, ua-parser's UserAgentMatcher, pypdf's
# CoreFontMetrics, faker's Country; tidy extract leaves those in place with a note).
_DATA_CLASSES = frozenset({"OrderedDict", "dict", "list", "tuple", "set", "frozenset"})


# numpy's constructors are lower case but build arrays JSON cannot hold (ase's
# dft/pars_mbeef.py: `uiOmega = np.array([...])`, refused by the encoder after --evaluate)
_ARRAY_BUILDERS = frozenset({"array", "asarray", "zeros", "ones", "arange", "frombuffer",
                             "fromstring", "linspace"})
_NUMPY = frozenset({"np", "numpy"})
# lower case too, and never plain data: a compiled pattern (a dict of `re.compile(...)` rows
# was advised --evaluate with no word that the patterns stay; dic-10), dates, a bytearray
_OBJECT_CALLS = frozenset({"re.compile", "regex.compile", "date", "datetime", "timedelta",
                           "timezone", "datetime.date", "datetime.datetime", "datetime.time",
                           "datetime.timedelta", "datetime.timezone", "bytearray",
                           # lower-case classes (or builders of objects) of the standard
                           # library, known as such when the module imports them (dic-12)
                           "collections.deque", "collections.defaultdict", "functools.partial",
                           "ipaddress.ip_address", "ipaddress.ip_network",
                           "ipaddress.ip_interface", "operator.itemgetter",
                           "operator.attrgetter", "operator.methodcaller", "memoryview",
                           "slice", "object"})
# classes of the standard library whose objects JSON never holds (an imported class of
# another name may be a function that returns a dict: the advice says so)
_KNOWN_CLASSES = frozenset({"Decimal", "Fraction", "UUID", "Path", "PurePath", "PosixPath",
                            "Counter", "ChainMap", "SimpleNamespace", "MappingProxyType",
                            "IPv4Address", "IPv6Address", "IPv4Network", "IPv6Network",
                            "Struct"})
# what may turn such an object back into plain data: `str(Decimal('1.5'))`, `len(...)`, a
# method (`d.isoformat()`, `a.tolist()`): a value calling one of these may be plain after all
_UNWRAPPING = frozenset({"str", "int", "float", "complex", "repr", "bool", "format", "round",
                         "len", "hash", "bytes", "ord", "chr", "sum", "min", "max", "abs"})


def _known(callee: str, origins: Mapping[str, str]) -> str:
    """The callee as the module binds it, where that is known: "def", "class", the dotted
    name a standard-library import binds (`from decimal import Decimal as dec`: dec is
    `decimal.Decimal`); else the name as written (another project's import, a name bound
    twice or under an `if`: the name is all there is to go by)."""
    root, dot, rest = callee.partition(".")
    if dot and callee in origins:  # `rows.Row`, followed into the project's rows module
        return origins[callee]
    origin = origins.get(root, "")
    if origin in (FUNCTION, CLASS):  # a method of the module's class: `Row.make(...)`
        return callee if dot else origin
    if origin and origin.split(".", 1)[0] in sys.stdlib_module_names:
        return f"{origin}{dot}{rest}"
    return callee


def _builds_objects(callee: str, origins: Mapping[str, str]) -> bool:
    """The call builds what JSON cannot hold: a class (of the module, or the standard
    library's), a numpy array, a date, a compiled pattern; a function of the module builds
    what it returns, which only `tidy extract --evaluate` sees."""
    known = _known(callee, origins)
    if known in (FUNCTION, CLASS):
        return known == CLASS
    owner, _, name = known.rpartition(".")
    if owner.split(".", 1)[0] in _NUMPY and name in _ARRAY_BUILDERS:
        return True
    if known in _OBJECT_CALLS:
        return True
    return name[:1].isupper() and name not in _DATA_CLASSES


def _holds_objects(binding: Binding, origins: Mapping[str, str]) -> bool:
    """The value holds what JSON cannot (`tidy extract --evaluate` leaves it in place: "a
    Pattern cannot be written as data"): it calls an object builder (re.compile(), Decimal(),
    np.array(), an imported class), and nothing that may turn its objects back into plain
    data (`str(Decimal('1.5'))` is a str; `list(range(3))`, `dict(zip(...))` are data:
    iterators are no objects here)."""
    calls = frozenset(c for c in binding.calls if _known(c, origins) != FUNCTION)
    if any(c in _UNWRAPPING or c.startswith(".") for c in calls):
        return False
    return any(_builds_objects(c, origins) for c in calls) or (
        not calls.isdisjoint(_ITERATORS) and calls.isdisjoint(_CONSUMERS))


# an iterator is an object too (`'k': range(3)`: "a range cannot be written as data") unless
# something in the value may consume it: `list(range(3))`, `dict(zip(KEYS, VALUES))`
_ITERATORS = frozenset({"range", "zip", "map", "filter", "reversed", "enumerate", "iter"})
_CONSUMERS = _DATA_CLASSES | {"sorted", "bytes", "array", "array.array", "collections.OrderedDict"}


def _objects_of(staying: list[Binding], origins: Mapping[str, str]) -> str:
    """What builds the objects of `staying`: `the objects of re.compile(), Decimal()`."""
    builders = sorted({f"{c}()" for b in staying for c in b.calls
                       if _builds_objects(c, origins)
                       or (c in _ITERATORS and _known(c, origins) != FUNCTION)})
    return "the objects of " + ", ".join(builders[:4])


def objects_advice(staying: list[Binding], origins: Mapping[str, str]) -> str:
    """No extraction: most of the data is objects JSON cannot hold (dic-11: the scan advised
    `tidy extract --evaluate` for a table of `re.compile()`, `Decimal()` or an imported
    namedtuple's objects, and the extractor then answered "nothing could be moved")."""
    names = ", ".join(b.name for b in staying[:3])
    unknown = sorted({f"{c}()" for b in staying for c in b.calls
                      if _builds_objects(c, origins) and _known(c, origins) == c
                      and c not in _OBJECT_CALLS and c.rpartition(".")[2] not in _KNOWN_CLASSES
                      and c.rpartition(".")[0].split(".", 1)[0] not in _NUMPY})
    maybe = (f" (were {', '.join(unknown[:3])} a function returning plain data, `tidy extract "
             "--evaluate` would move it)") if unknown else ""
    return (f"no extraction offered: most of the data ({names}) is "
            f"{_objects_of(staying, origins)}, "
            "which JSON cannot hold: `tidy extract --evaluate` would leave it in place, "
            f"named in a note{maybe}. To move it, keep the objects' plain arguments in a data "
            "file and build the objects from them in code")


def _finding(ctx: GroupContext, code: str, name: str, rel: str, size: int, message: str,
             details: list[tuple[str, str]], fix: Fix, line: int = 1) -> Finding:
    tracked, _ = ctx.tracked_state(rel, 1, False)
    return Finding(code=code, rule=name, path=rel, message=message,
                   size=Size(size, size, 1, 0), surface=ctx.surface_of(rel, False, size),
                   tracked=tracked, ignored=ctx.ignored(rel), fix=fix,
                   details=tuple(details), anchor=Anchor(rel, max(1, line)))


def _expecting(ctx: GroupContext, found: list[tuple[str, int, DataVerdict]]
               ) -> list[tuple[str, int, DataVerdict]]:
    """`found`, once the group's build configs know every data file the rule may ask git
    about (one `git check-ignore` per project, not per module: BuildConfigs.expect)."""
    if found:
        _build_configs(ctx).expect(os.path.join(ctx.root, os.path.dirname(rel), _data_name(rel))
                                   for rel, _, _ in found)
    return found


def check_data_modules(ctx: GroupContext) -> Iterator[Finding]:
    found = [v for v in _python_verdicts(ctx) if v[2].is_data]
    for rel, size, verdict in _expecting(ctx, found):
        names = holders_text(verdict)
        lines = f"{verdict.lines:,} line" + ("" if verdict.lines == 1 else "s")
        message = (f"module of {humanize.naturalsize(size)} and {lines} is "
                   f"{verdict.literal_fraction:.0%} data: {names}")
        details = [("holds", names), ("shapes", ", ".join(verdict.shapes)),
                   ("estimate", _estimate(verdict)),
                   ("checked", "sampled windows" if any(b.sampled for b in verdict.bindings)
                    else "all")]
        if verdict.own_classes:
            details.append(("members' values of" if _members_only(verdict) else "objects of",
                            f"{', '.join(verdict.own_classes)} (this module's "
                            f"classes): {verdict.own_object_bytes / verdict.data_bytes:.0%} "
                            "of the data"))
        biggest = max(verdict.bindings, key=lambda b: b.bytes, default=None)
        origins = resolved_origins(ctx, rel, verdict, _package_of(ctx, rel)) \
            if verdict.callee_origins else None
        shipped = _if_shipped(ctx, rel, _if_yours(ctx, rel, _extract_fix(rel, verdict, origins)))
        fix = _unless_evaluated(shipped, verdict)
        yield _finding(ctx, "TDY301", "data-module", rel, size, _said(message, shipped),
                       details, fix, biggest.line if biggest else 1)


def _unless_evaluated(fix: Fix, verdict: DataVerdict) -> Fix:
    """An extraction of values built by calls or names, as advice: taking them means
    importing the module, which `tidy fix` never does. The description names `tidy extract
    --evaluate`, and `tidy fix` lists the module as left out, needing attention: phonenumbers'
    25 `u()` modules were asked about, then parsed and refused one by one after the prompt
    (~50 s). As the extractor does, only when the values built so are at least those written
    out (fewer are left in place, with a note); it still refuses what sampled windows missed."""
    built = _evaluated(verdict.bindings)
    literal = sum(b.bytes for b in verdict.bindings if b.pure)
    if fix.action is not ActionKind.EXTRACT or not built or sum(
            b.bytes for b in built) < literal:
        return fix
    return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, fix.description,
               blocked_by=f"its values are built by {_built_by(built)}: taking them means "
               "importing the module, and `tidy fix` never runs the project's code; `tidy "
               "extract MODULE --evaluate` does, one module at a time, and imports the result "
               "again to compare")


def _package_of(ctx: GroupContext, rel: str) -> tuple[str, str]:
    """(dotted package, import root folder) of the module, as the extractor's import finds it."""
    return _build_configs(ctx).package_of(os.path.join(ctx.root, rel))


@per_context
def _build_configs(ctx: GroupContext) -> BuildConfigs:
    """The group's build config files, read once for all its data modules (and only in a
    scan that found one)."""
    from tidy.workspace.build_config import BuildConfigs

    return BuildConfigs((ctx.root,))


def _if_yours(ctx: GroupContext, rel: str, fix: Fix) -> Fix:
    """The extraction offered (or advised with --evaluate), or, where the module or its folder
    is another user's, the extractor's own refusal: `tidy extract` writes only into the
    running user's trees (tidy.core.owners; dic-12: root's scan of an sdist unpacked with
    its owner's uid offered what the extractor then refused)."""
    if fix.action is not ActionKind.EXTRACT:
        return fix
    module = os.path.join(ctx.root, rel)
    why = not_yours(os.path.dirname(module), "extract") or not_yours(module, "extract")
    if not why:
        return fix
    return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
               f"no extraction offered: tidy extract refuses this module: {why}")


NOT_SHIPPED = "its data file would not ship with the package: declare it as package data first"


def _if_shipped(ctx: GroupContext, rel: str, fix: Fix) -> Fix:
    """The extraction offered, or, when the project's build config would not ship the data
    file (`tidy fix` would leave the module out of its plan for the same reason), advice that
    says why and what to declare: the scan agrees with the plan."""
    if fix.action is not ActionKind.EXTRACT:
        return fix
    # only a scan that found a data module needs these
    from tidy.extract.packaging import as_the_scan_says, check

    module = os.path.join(ctx.root, rel)
    data = os.path.join(os.path.dirname(module), _data_name(rel))
    refusal = check(module, data, _build_configs(ctx)).refusal
    if not refusal:
        return replace(fix, ships=True)  # the plan trusts it (fixes/plan.py)
    refusal = as_the_scan_says(refusal)
    return Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
               f"{fix.description}, once the build config ships the data file: {refusal}",
               blocked_by=refusal)


def _said(message: str, fix: Fix) -> str:
    return f"{message}; {NOT_SHIPPED}" if fix.blocked_by else message


def check_giant_strings(ctx: GroupContext) -> Iterator[Finding]:
    found = [v for v in _python_verdicts(ctx) if v[2].giant_strings]
    for rel, size, verdict in _expecting(ctx, found):
        for holder in verdict.giant_strings:
            what = holder.content or "text"
            message = (f"{holder.name} (lines {holder.line}-{holder.end_line}) is one string "
                       f"constant of {humanize.naturalsize(holder.bytes)} holding {what}")
            fix = _if_shipped(ctx, rel, _if_yours(ctx, rel, (
                Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, _VENDORED_FIX)
                if in_vendor_container(rel) else
                Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, refused_advice(verdict))
                if verdict.refusal else
                Fix(ActionKind.EXTRACT, Applicability.UNSAFE,
                    f"tidy extract {rel} --name {holder.name}; or keep the {what} in its "
                    "own file and read it with importlib.resources"))))
            details = [("holds", f"{holder.name} {holder.bytes / max(1, size):.0%}"),
                       ("content", what)]
            yield _finding(ctx, "TDY302", "giant-string-constant", rel, size,
                           _said(message, fix), details, fix, holder.line)


def _data_name(rel: str) -> str:
    return os.path.splitext(os.path.basename(rel))[0] + ".json.gz"


def _source_neighbours(ctx: GroupContext, rel: str) -> set[str]:
    """The source suffixes of the other files in this file's folder."""
    own = os.path.basename(rel)
    return {os.path.splitext(n)[1] for n in folder_names(ctx.root, os.path.dirname(rel))
            if n != own and n.endswith(_SOURCE_SUFFIXES)}


def _who_reads(neighbours: set[str]) -> str:
    # Only a JS/TS project's tools take a JSON file in with the code (bundlers inline it,
    # TypeScript's resolveJsonModule type-checks it); beside Python sources it is search,
    # editors and assistants that still read it.
    if neighbours - {".py"}:
        return "bundlers, type checkers and search read it with the code"
    return "search tools, editors and AI assistants read it with the code"


def _js_is_data(ctx: GroupContext, rel: str) -> bool:
    content = content_of(ctx)
    content.ensure({rel: (JS,)})
    facts = content.facts(rel)
    return facts is not None and facts.get(JS) is True


def check_data_files(ctx: GroupContext) -> Iterator[Finding]:
    for rel, size in _candidates(ctx, _DATA_SUFFIXES):
        if not _may_be_data_file(rel):
            continue
        neighbours = _source_neighbours(ctx, rel)
        if not neighbours:
            continue
        if rel.endswith(_JS_SUFFIXES) and not _js_is_data(ctx, rel):
            continue
        message = (f"{humanize.naturalsize(size)} data file in a source folder: "
                   f"{_who_reads(neighbours)}")
        fix = Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                  _VENDORED_FIX if in_vendor_container(rel) else
                  "move it to a data/ or assets/ folder (or compress it and load it at runtime)")
        yield _finding(ctx, "TDY303", "data-file-in-source", rel, size, message, [], fix)


RULES = (
    Rule(
        "TDY301", "data-module",
        "A Python module that is mostly data (data in code)",
        """What: a .py file of at least `data-min-size` (default 64kB) where statements that
bind data cover at least 85% of its statements' bytes. Data is: literals and containers of
them; calls whose arguments are data (`u('...')`, `frozenset([...])`, `Matcher('...', 1)`,
`"a,b".split(",")`, `State(**{...})`); names bound to other data, and UPPER_CASE constants
imported from other modules (`from odf.namespaces import *` then `(TEXTNS, 'p')`);
assignments in class bodies; items put into a table (`TABLE[0x3665] = '...'` with a
literal key, `TABLE.update({...})`, `.extend([...])`); assignments inside a module-level
`if`/`else` block; a function whose body only returns
data when the module binds its result (idna's uts46data); a comprehension over a literal
table that is most of the value (colour-science's Munsell tables); the value of a member of
a class the module defines (`Holiday.new_years_day.value`). Imports, functions, classes'
methods and loops that derive tables are code.
Detection reads the bytes once, without a parse (about 300 MB/s on a 51 MB literal, 130 MB/s
over the corpus's modules of 64 kB or more); big values are judged on sampled windows.
How the thresholds were chosen: on a corpus of 35 PyPI packages (bench/corpus/, 74 data
modules of 64 kB or more, 72 code modules chosen to look like data: lexers, parsers, big
tables inside code), every data module scores 0.88 or more and no code module over 0.78;
85% sits between. At 64 kB every data module of the corpus is found and no code module is.
Below it the share stops telling a data module from code that holds a table: of the corpus's
1,322 modules of 16-64 kB, 127 would be reported, among them settings modules (django's
global_settings.py) and lexers whose bulk is a word list (pygments' igor.py, phix.py).
Why: every import without a .pyc (uv installs, containers, read-only installs) re-parses it:
a 49 MB module costs seconds and gigabytes per process, and so does every linter, type
checker, test collector and IDE indexer; its .pyc is as big again.
The trade: where a .pyc is already there, decoding the JSON can cost more than loading the
.pyc (measured on 36 PyPI packages: emoji 30 -> 58 ms, wcwidth 3 -> 12 ms warm; 341 -> 62 ms
and 42 -> 22 ms without a .pyc); what is gained is every parse without one and every tool
that reads sources.
Fix (unsafe, verified): `tidy extract MODULE` moves the data to MODULE.json.gz (or .json with
--format json) and leaves a stdlib loader stub; the round trip is checked type-exactly first.
None is offered when most of the data is items put into a table (`TABLE[0x3665] = '...'`,
`TABLE.update({...})`: counted as data, but the table may be another module's, and the import
check compares this module's names), or bound inside `if`/`else` blocks, or objects of the
module's own classes (us' states.py:
`AL = State(**{...})`): a data file holds plain values, and a loader rebuilding the objects
would be calling the module's code with arguments read from a file. Nor when the data is a
comprehension's table (the name holds what the comprehension builds), or when `tidy extract`
refuses the module whatever is asked (it reads its own namespace as a whole, `locals()`
handed on; the finding says the extractor's reason).
Values built by calls or names need `--evaluate`: the module is imported in the project's
interpreter (.venv, $VIRTUAL_ENV or --python), and the rewritten module is imported again
and compared, or nothing is changed. Whether a call builds plain data or objects JSON cannot
hold is judged by what the module binds the callee to (a `def`, a `class`, a standard-library
import), and for a name imported from the project itself (`from .models import Row`) by what
that module binds it to: one hop, its file read below the scanned root, never imported; any
other import by the callee's name. In a tree another user owns none is offered: `tidy extract`
writes only into the running user's trees, and the finding says so. A module whose project's
build config would not ship
the data file (setup.py/setup.cfg declaring no package data for it, an exclude-package-data
that leaves it out, a hatchling/poetry project that git-ignores it) gets advice instead:
why, and what to declare (`tidy fix` leaves such modules out for the same reason; the build
config is read once per group, and only when a data module is found). A module in a vendor
folder (vendor/, _vendor/, third_party/, ...) is reported with advice only: the next
re-vendoring would undo a rewrite there, and the data belongs upstream.""",
        check_data_modules, Applicability.UNSAFE,
    ),
    Rule(
        "TDY302", "giant-string-constant",
        "One string constant of 100 KB or more holding JSON, CSV or text",
        """What: an assignment whose value is a single string literal of at least 100 KB
and half the module (moto's 4 MB AWS policy JSON in a triple-quoted string). Read from the
same pass over the bytes as TDY301.
Why: the same parse cost as any data module, and the data cannot be read by other tools.
Fix (unsafe): `tidy extract MODULE --name NAME`, or keep the content in its own file.""",
        check_giant_strings, Applicability.UNSAFE,
    ),
    Rule(
        "TDY303", "data-file-in-source",
        "A big JSON/JS/TS data file checked into a source folder (report only)",
        """What: a .json/.geojson file, or a .js/.ts file that is mostly string and number
literals, of at least `data-min-size`, next to source files (lockfiles, *.min.js, *.d.ts and
source maps are left out).
Why: search tools, editors and AI assistants read it with the code; beside JS/TS sources,
bundlers and type checkers (TypeScript's resolveJsonModule) take it in too.
Fix (display only): move it to a data/assets folder, or load it at runtime.""",
        check_data_files, Applicability.DISPLAY_ONLY,
    ),
)
