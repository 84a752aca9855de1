"""The literal way: top-level literal assignments, found without a parse tree (locate.py) and
converted piece by piece in capped workers (convert.py), for modules of any size."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from tidy.analysis.data_in_code import judge_python
from tidy.extract import bindings, convert, stub
from tidy.extract.importing import interpreter_for, take
from tidy.extract.locate import LocateError, Statement, statements
from tidy.extract.plan import (
    ALL_BINDINGS,
    MIN_VALUE_BYTES,
    ExtractError,
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


def literal_statements(path: str, data: bytes, options: Options) -> list[Statement] | None:
    """The top-level literal assignments to move, when that is all there is to move; None
    when the parse-tree way is needed (class attributes, functions, calls, names)."""
    names = options.names
    if names and not all(n.isidentifier() for n in names):
        return None  # Class.attr or func()
    verdict = judge_python(data, ALL_BINDINGS)
    # items put into tables (`T[k] = v`) are data to detection, but no binding to move
    held = [b for b in verdict.bindings if b.scope != "item"]
    floor = value_floor([b.bytes for b in held])
    if not names:
        wanted = [b for b in held if b.bytes >= floor]
        if any(b.scope != "module" or not b.pure for b in wanted) and \
                len(data) <= bindings.AST_MAX_BYTES:
            return None
    try:
        found = statements(data)
    except LocateError as error:
        raise ExtractError(f"{path}: {error}") from None
    by_name: dict[str, list[Statement]] = {}
    for stmt in found:
        if stmt.is_assignment:
            by_name.setdefault(stmt.name, []).append(stmt)
    if names:
        chosen = []
        for name in names:
            matches = by_name.get(name)
            if not matches:
                if len(data) <= bindings.AST_MAX_BYTES:
                    return None  # perhaps bound another way (annotated, in a block): the tree
                raise ExtractError(f"{path}: no top-level assignment `{name} = ...`")
            if len(matches) > 1:
                lines = ", ".join(str(s.line) for s in matches)
                raise ExtractError(f"{path}: {name} is assigned more than once (lines {lines})")
            if not matches[0].literal_shaped and len(data) <= bindings.AST_MAX_BYTES:
                return None
            chosen.append(matches[0])
        return sorted(chosen, key=lambda s: s.start)
    candidates = [s for s in found if s.is_assignment and s.literal_shaped
                  and not s.name.startswith("__") and len(by_name[s.name]) == 1]
    chosen = [s for s in candidates if s.value_bytes >= floor]
    shaped = {s.name for s in chosen}
    if len(data) <= bindings.AST_MAX_BYTES and (not chosen or any(
            b.name not in shaped for b in held if b.bytes >= floor)):
        return None  # detection judged on samples; the tree sees every byte
    if not chosen:
        raise ExtractError(f"{path}: no top-level literal of {MIN_VALUE_BYTES} bytes or more; "
                           "name one with --name")
    return chosen


@dataclass(frozen=True)
class _Converted:
    stmt: Statement
    value: convert.ValueResult
    layout: str  # whole, list, dict, tuple


def literal_way(path: str, data: bytes, encoding: str, data_path: str,
                 chosen: list[Statement], options: Options) -> Prepared:
    converted = [_convert(path, data, s, encoding, options) for s in chosen]
    tagged = any(c.value.tagged for c in converted)
    json_bytes = compose([(c.stmt.name, _value_text(c)) for c in converted])
    manifest = manifest_for(data_path, [c.stmt.name for c in converted], tagged, options.fmt,
                         source_hash(data, [(s.value_start, s.end) for s in chosen]),
                         json_bytes)
    new_module, eager = _rewritten(path, data, encoding, converted, manifest)
    prepared = Prepared(new_module, json_bytes, manifest, eager,
                         [(c.stmt.name, c.layout) for c in converted],
                         {c.stmt.name: fingerprint(_compact_text(c)) for c in converted})
    if options.verify_import or options.always_verify:
        prepared.interpreter = interpreter_for(path, options)
        if len(data) <= bindings.AST_MAX_BYTES and not options.dry_run:
            prepared.before = take(path, prepared.interpreter, [], list(prepared.expected))
        else:
            prepared.notes.append("the original is too big to import for comparison: the "
                                  "moved names are checked against their literals")
    return prepared


def _convert(path: str, data: bytes, stmt: Statement, encoding: str,
             options: Options) -> _Converted:
    try:
        value = convert.convert_value(data, stmt, encoding, options.workers, options.memory_cap)
    except convert.ConversionError as error:
        raise ExtractError(f"{path}: {stmt.name} (line {stmt.line}): {error}") from None
    layout = "whole" if value.whole else {"[": "list", "{": "dict", "(": "tuple"}[stmt.opener]
    return _Converted(stmt, value, layout)


def _value_text(item: _Converted) -> str:
    if item.layout == "whole":
        return item.value.text_parts[0]
    body = ",\n".join(part for part in item.value.text_parts if part)
    head, tail = {"list": ("[", "]"), "dict": ("{", "}"), "tuple": ('{"$tuple":[', "]}")}[
        item.layout]
    return f"{head}\n{body}\n{tail}" if body else head + tail


def _compact_text(item: _Converted) -> str:
    """The value's tagged JSON as the fingerprint script writes it (compact separators):
    every part is already compact, so joining them with bare commas is the same text."""
    if item.layout == "whole":
        return item.value.text_parts[0]
    body = ",".join(part.replace(",\n", ",") for part in item.value.text_parts if part)
    head, tail = {"list": ("[", "]"), "dict": ("{", "}"), "tuple": ('{"$tuple":[', "]}")}[
        item.layout]
    return head + body + tail


def _placeholder(data: bytes, start: int, end: int) -> str:
    """`None` spanning as many lines as the value it stands for: the skeleton's line numbers
    are the module's, so a refusal names the line the user sees (hanziconv's runtests.py:
    `locals()` on line 2999 was said to be on line 65)."""
    lines = data.count(b"\n", start, end)
    if not lines:
        return "None"
    if data.endswith(b"\n", start, end):
        return "(None" + "\n" * (lines - 1) + ")\n"
    return "(None" + "\n" * lines + ")"


def _rewritten(path: str, data: bytes, encoding: str, converted: list[_Converted],
               manifest: stub.Manifest) -> tuple[bytes, tuple[str, ...]]:
    skeleton = splice(data, [Edit(c.stmt.value_start, c.stmt.end,
                                  _placeholder(data, c.stmt.value_start, c.stmt.end))
                             for c in converted], encoding)
    try:
        tree = ast.parse(skeleton.decode(encoding))
    except SyntaxError as error:
        raise ExtractError(f"{path}: line {error.lineno}: {error.msg}") from None
    keyed = refuse_unsafe_module(path, tree)
    targets = [c.stmt.name for c in converted]
    eager, lazy, has_all = eager_or_lazy(tree, targets, keyed)
    annotations = {c.stmt.name: convert.annotation(c.value, c.stmt.opener) for c in converted}
    declare = sets_up_annotations(tree)
    uses_any = declare and any("Any" in annotations[n] for n in lazy)
    if uses_any:
        annotations = {n: a.replace("Any", "_TidyAny") for n, a in annotations.items()}
    plan = stub.StubPlan(manifest, lazy, eager, has_all, uses_any)
    edits = []
    for index, item in enumerate(converted):
        stmt = item.stmt
        header = data[stmt.start:stmt.value_start].decode(encoding)
        text = (stub.eager_statement(header, stmt.name) if stmt.name in eager
                else stub.lazy_statement(header, stmt.name, annotations[stmt.name],
                                         declare=declare,
                                         code_follows=code_follows(data, stmt.end)))
        if index == 0:
            text = stub.loader_block(plan) + text
        edits.append(Edit(stmt.start, stmt.end, text))
    return compiled(path, splice(data, edits, encoding)), eager
