"""The parse-tree way: class attributes, functions that only return data, and values built by
calls or names (taken with --evaluate, in the project's interpreter)."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass

from tidy.analysis.data_in_code.verdict import OWN_OBJECTS_WHY
from tidy.extract import bindings, convert, encode, evaluate, stub
from tidy.extract import verify as verify_values
from tidy.extract.bindings import BindingError, Target
from tidy.extract.importing import interpreter_for, take
from tidy.extract.interpreter import Interpreter
from tidy.extract.plan import (
    MIN_VALUE_BYTES,
    ExtractError,
    NeedsEvaluate,
    Options,
    Prepared,
    code_follows,
    compiled,
    compose,
    eager_or_lazy,
    fingerprint,
    manifest_for,
    refuse_unsafe_module,
    sets_up_annotations,
    source_hash,
    value_floor,
)
from tidy.extract.rewrite import Edit, splice


@dataclass(frozen=True)
class _Value:
    target: Target
    text: str  # compact tagged JSON
    tagged: bool
    sketch: str  # for the annotation of a lazy name


def tree_way(path: str, data: bytes, encoding: str, data_path: str,
              options: Options) -> Prepared:
    try:
        tree = bindings.parse(data, path)
        found = bindings.targets(tree, data, encoding)
    except BindingError as error:
        raise ExtractError(str(error)) from None
    keyed = refuse_unsafe_module(path, tree)
    chosen, notes = _chosen_targets(path, found, options, bindings.table_items(tree),
                                    bindings.branch_assignments(tree))
    evaluated = [t for t in chosen if not t.literal]
    interpreter: Interpreter | None = None
    before: evaluate.Taken | None = None
    values: dict[str, _Value] = {}
    for target in chosen:
        if target.literal:
            values[target.key] = _literal_value(path, target)
    if evaluated or ((options.verify_import or options.always_verify) and
                     not options.dry_run):
        interpreter = interpreter_for(path, options)
        extra = [t.key for t in chosen]  # module names too: the module may `del` one
        fresh = [t.key for t in evaluated if isinstance(t.value, ast.Dict | ast.List |
                                                         ast.Set | ast.Tuple)]
        before = take(path, interpreter, [t.key for t in evaluated], extra, fresh=fresh)
        for target in evaluated:
            taken = before.values.get(target.key)
            if taken is None:
                why = before.errors.get(target.key, "it could not be read after import")
                notes.append(f"{target.key} (line {target.line}) left in place: {why}")
                continue
            values[target.key] = _Value(target, taken[0], taken[1],
                                        convert.sketch(encode.loads(taken[0], taken[1])))
    kept = [t for t in chosen if t.key in values]
    if not kept:
        raise ExtractError(f"{path}: nothing could be moved: " + "; ".join(notes))
    return _tree_prepared(path, data, encoding, data_path, tree, keyed, kept, values, options,
                          Prepared(b"", b"", stub.Manifest("", (), False, False, "", ""), (),
                                    [], {}, tuple(t.key for t in kept if not t.literal),
                                    before, interpreter, notes))


def _chosen_targets(path: str, found: list[Target], options: Options,
                    items: list[ast.stmt] | None = None,
                    branches: list[ast.stmt] | None = None) -> tuple[list[Target], list[str]]:
    """The named targets, or every data binding of value_floor() or more. Values that need
    the module imported are refused without --evaluate (or left in place, with a note, when
    literals hold most of the data)."""
    by_key = {t.key: t for t in found}
    if options.names:
        chosen = []
        for name in options.names:
            target = by_key.get(name) or by_key.get(f"{name}()")
            if target is None:
                raise ExtractError(f"{path}: no binding `{name}` that can be moved (a top-level "
                                   "or class-body `NAME = ...` bound once, or a function "
                                   "without arguments that only returns a value)")
            chosen.append(target)
    else:
        data_like = [t for t in found if t.literal or t.data_like]
        floor = value_floor([t.value_bytes for t in data_like])
        chosen = [t for t in data_like if t.value_bytes >= MIN_VALUE_BYTES
                  or (t.value_bytes >= floor and not _dunder(t.name))]
        if not chosen:
            raise ExtractError(f"{path}: no data binding of {MIN_VALUE_BYTES} bytes or more; "
                               "name one with --name" + _items_reason(items or [])
                               + _branches_reason(branches or []))
    chosen, notes = _without_own_objects(path, chosen, named=bool(options.names))
    built = [t for t in chosen if not t.literal]
    if built and not options.evaluate:
        literal_bytes = sum(t.value_bytes for t in chosen if t.literal)
        first = built[0]
        if options.names or sum(t.value_bytes for t in built) >= literal_bytes:
            raise NeedsEvaluate(path, f"{first.key} (line {first.line}): {first.why_evaluate}")
        notes.append("left in place, built by calls or names (--evaluate moves them too): "
                     + ", ".join(f"{t.key} ({t.why_evaluate})" for t in built[:4]))
        chosen = [t for t in chosen if t.literal]
    return sorted(chosen, key=lambda t: t.start), notes


def _items_reason(items: list[ast.stmt]) -> str:
    """Why the data of a module that fills tables item by item stays (scapy's automotive
    definitions: `UDS_RDBI.dataIdentifiers[0x3665] = '...'`, 3,000 times)."""
    if not items:
        return ""
    return (f" (the data here is {len(items):,} items put into tables, from line "
            f"{items[0].lineno}: `TABLE[KEY] = value` and `TABLE.update(...)` are not moved, "
            "since tidy proves a move exact by comparing the module's own names after import, "
            "and a table filled here may be another module's)")


def _branches_reason(branches: list[ast.stmt]) -> str:
    """Why data bound inside if/else blocks stays (pyglet's controller_db.py)."""
    if not branches:
        return ""
    return (f" (the module binds {len(branches)} values inside if/else blocks, from line "
            f"{branches[0].lineno}: which one is bound depends on the branch taken at import, "
            "and tidy extract moves top-level bindings only)")


def own_objects_reason(target: Target) -> str:
    """Why a value built by calling the module's own classes stays where it is."""
    classes = ", ".join(target.own_classes[:3])
    return (f"{target.key} (line {target.line}) holds objects of {classes}, "
            f"{'a class' if len(target.own_classes) == 1 else 'classes'} this module defines: "
            f"{OWN_OBJECTS_WHY}")


def _without_own_objects(path: str, chosen: list[Target],
                         named: bool) -> tuple[list[Target], list[str]]:
    """The targets that are not objects of the module's own classes (us' `State(**{...})`,
    molmass' `Element(...)`); those stay, with a note, and when nothing is left the refusal
    says why (--evaluate cannot help: it would take the objects and fail to write them)."""
    own = [t for t in chosen if t.own_classes]
    if not own:
        return chosen, []
    kept = [t for t in chosen if not t.own_classes]
    if not kept or named:
        raise ExtractError(f"{path}: nothing can be moved: {own_objects_reason(own[0])}"
                           + (f" (and {len(own) - 1} more such values)" if len(own) > 1
                              else "") + "; nothing written")
    return kept, [f"left in place: {own_objects_reason(t)}" for t in own[:3]] + (
        [f"and {len(own) - 3} more values of the module's own classes"] if len(own) > 3
        else [])


def _dunder(name: str) -> bool:
    """`__all__`, `__doc__`: the module's own protocol, never moved unless named or big."""
    return name.startswith("__") and name.endswith("__")


def _literal_value(path: str, target: Target) -> _Value:
    assert target.value is not None
    try:
        value = convert.as_imported(target.value, ast.literal_eval(target.value))
        text, tagged = encode.encode(value, target.key)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as error:
        raise ExtractError(f"{path}: {target.key} (line {target.line}): {error}") from None
    found = verify_values.difference(value, encode.loads(text, tagged), target.key)
    if found is not None:
        raise ExtractError(f"{path}: {found} in a round trip through JSON; nothing written")
    return _Value(target, text, tagged, convert.sketch(value))


def _tree_prepared(path: str, data: bytes, encoding: str, data_path: str, tree: ast.Module,
                   keyed: bool, kept: list[Target], values: dict[str, _Value],
                   options: Options, prepared: Prepared) -> Prepared:
    keys = [t.key for t in kept]
    tagged = any(values[k].tagged for k in keys)
    laid = {k: _laid_out(values[k].text, values[k].tagged) for k in keys}
    json_bytes = compose([(k, laid[k][1]) for k in keys])
    manifest = manifest_for(data_path, keys, tagged, options.fmt,
                         source_hash(data, [(t.start, t.end) for t in kept]), json_bytes)
    module_names = [t.key for t in kept if t.scope == "module"]
    eager, lazy, has_all = eager_or_lazy(tree, module_names, keyed)
    annotations = {k: values[k].sketch for k in lazy}
    declare = sets_up_annotations(tree)
    uses_any = declare and any("Any" in a for a in annotations.values())
    annotations = {k: a.replace("Any", "_TidyAny") for k, a in annotations.items()}
    plan = stub.StubPlan(manifest, lazy, eager, has_all, uses_any,
                         copies=any(t.scope == "function" for t in kept))
    edits = [Edit(t.start, t.end, _replacement(t, eager, annotations, declare, data))
             for t in kept]
    loader_at = min(t.top_start for t in kept)
    edits = _with_loader(edits, loader_at, stub.loader_block(plan))
    prepared.new_module = compiled(path, splice(data, edits, encoding))
    prepared.json_bytes = json_bytes
    prepared.manifest = manifest
    prepared.eager = eager
    prepared.layouts = [(k, laid[k][0]) for k in keys]
    prepared.expected = {k: fingerprint(values[k].text) for k in keys}
    return prepared


_BRACKETS = {"list": ("[", "]"), "tuple": ('{"$tuple":[', "]}"), "dict": ("{", "}")}


def _laid_out(text: str, tagged: bool) -> tuple[str, str]:
    """(layout, text): a list, tuple or str-keyed dict with one element (or member) per line,
    as the literal way writes them (`zcat m.json.gz | grep` finds one row, not a line of
    megabytes: docs/extract-format.md); any other value whole. The lines joined must give
    the compact text back, else the value stays whole (and the round-trip check judges it as
    before)."""
    value = encode.loads(text, tagged)
    kind = type(value)
    if kind is list or kind is tuple:
        layout, parts = ("list" if kind is list else "tuple"), [encode.encode(v)[0]
                                                                for v in value]
    elif kind is dict and all(type(k) is str for k in value):
        layout, parts = "dict", [json.dumps(k) + ":" + encode.encode(v)[0]
                                 for k, v in value.items()]
    else:
        return "whole", text
    head, tail = _BRACKETS[layout]
    if head + ",".join(parts) + tail != text:
        return "whole", text
    return layout, (f"{head}\n" + ",\n".join(parts) + f"\n{tail}" if parts else head + tail)


def _replacement(target: Target, eager: tuple[str, ...], annotations: dict[str, str],
                 declare: bool, data: bytes) -> str:
    if target.scope == "function":
        return stub.function_body("", target.key)
    if target.scope == "class":
        return stub.class_statement(target.header, target.key)
    if target.key in eager:
        return stub.eager_statement(target.header, target.key)
    return stub.lazy_statement(target.header, target.key, annotations[target.key],
                               declare=declare, code_follows=code_follows(data, target.end))


def _with_loader(edits: list[Edit], at: int, loader: str) -> list[Edit]:
    """The loader goes right before the first top-level statement that holds a target."""
    for index, edit in enumerate(edits):
        if edit.start == at:
            edits[index] = Edit(edit.start, edit.end, loader + edit.text)
            return edits
    return [Edit(at, at, loader), *edits]
