"""extract_module(path, ...) -> ExtractResult: the whole extraction, verified first.

Two ways to the same result, chosen by what the data is:
- top-level literals (the 51 MB `QUESTIONS = [...]`): statements are found without a parse
  tree (locate.py, bounded memory), values are converted piece by piece in capped workers,
  and nothing is imported (`--verify-import` and `tidy fix` import the rewritten module);
- class attributes, functions that only return data, values built by calls or names
  (`u('...')`, `frozenset([...])`): the module's parse tree finds the bindings
  (bindings.py); literals are taken with ast.literal_eval, anything else only with
  `--evaluate`, by importing the module in the project's interpreter (interpreter.py,
  evaluate.py); the rewritten module is then imported again in a fresh interpreter and every
  module-level name is compared type-exactly, order included, with what it was.

Nothing is written until every check that can run before writing has passed: the data file
decodes (with the loader's own decoder, in a fresh process) to the very same text, the new
module compiles, packaging allows it. A check after writing (the import) that fails puts the
original bytes back. guards.py refuses what cannot be done exactly.
"""

from __future__ import annotations

import ast
import dataclasses
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from tidy.analysis.data_in_code import DataSettings, judge_python
from tidy.extract import backup, bindings, convert, encode, evaluate, guards, packaging, stub
from tidy.extract import verify as verify_values
from tidy.extract.bindings import BindingError, Target
from tidy.extract.interpreter import Interpreter, InterpreterError, choose
from tidy.extract.locate import LocateError, Statement, statements
from tidy.extract.rewrite import Edit, RewriteError, encoding_of, splice

MIN_VALUE_BYTES = 1024  # a value smaller than this is left in place when no name is given
_ALL_BINDINGS = DataSettings(top_bindings=1_000_000)
latest_backup = backup.latest_backup


class ExtractError(ValueError):
    """A refusal: one line that says which value and where, and what to do."""


@dataclass(frozen=True)
class ExtractResult:
    module: str
    data_file: str
    status: str  # extracted, dry-run, up-to-date
    names: tuple[str, ...] = ()
    eager: tuple[str, ...] = ()
    tagged: bool = False
    original_bytes: int = 0
    module_bytes: int = 0
    module_lines: int = 0
    json_bytes: int = 0
    data_bytes: int = 0
    backup: str = ""
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    evaluated: tuple[str, ...] = ()  # keys whose values were taken by importing the module
    interpreter: str = ""  # the interpreter that imported the module, and why that one
    verified: str = ""  # what the import after writing compared


@dataclass(frozen=True)
class Options:
    names: tuple[str, ...] = ()
    fmt: str = "gz"
    verify_import: bool = False
    dry_run: bool = False
    workers: int = 0
    memory_cap: int = convert.DEFAULT_MEMORY_CAP
    evaluate: bool = False
    python: str | None = None
    always_verify: bool = False  # tidy fix: every extraction is verified by import


@dataclass
class _Prepared:
    """What both ways produce: the new module, the data file, and how to check them."""

    new_module: bytes
    json_bytes: bytes
    manifest: stub.Manifest
    eager: tuple[str, ...]
    layouts: list[tuple[str, str]]  # (key, whole/list/dict/tuple) for the round-trip check
    expected: dict[str, str]  # key -> fingerprint of its value as the source defines it
    evaluated: tuple[str, ...] = ()
    before: evaluate.Taken | None = None  # fingerprints of the original module, if imported
    interpreter: Interpreter | None = None
    notes: list[str] = field(default_factory=list)


def data_file_name(module_path: str, fmt: str) -> str:
    stem = os.path.splitext(os.path.basename(module_path))[0]
    return f"{stem}.json.gz" if fmt == "gz" else f"{stem}.json"


def extract_module(
    path: str, names: Sequence[str] = (), fmt: str = "gz", *, verify_import: bool = False,
    dry_run: bool = False, workers: int = 0, memory_cap: int = convert.DEFAULT_MEMORY_CAP,
    evaluate: bool = False, python: str | None = None, always_verify: bool = False,
) -> ExtractResult:
    options = Options(tuple(dict.fromkeys(names)), fmt, verify_import, dry_run, workers,
                      memory_cap, evaluate, python, always_verify)
    started = time.monotonic()
    path = os.path.abspath(path)
    data_path = os.path.join(os.path.dirname(path), data_file_name(path, fmt))
    data, encoding, notes = _read_checked(path, data_path)
    done = _already_extracted(path, data, encoding)
    if done is not None:
        return dataclasses.replace(done, notes=tuple(notes))
    if os.path.lexists(data_path):
        raise ExtractError(guards.data_path_refusal(data_path) or (
            f"{data_path} already exists and the module has no extraction manifest: move it "
            "away first"))
    prepared = _prepare(path, data, encoding, data_path, options)
    prepared.notes[:0] = notes
    data_bytes = _data_file_bytes(prepared.json_bytes, fmt)
    _check_round_trip(data_bytes, prepared.manifest, prepared.layouts,
                      hashlib.sha256(prepared.json_bytes).hexdigest())
    package = packaging.check(path, data_path)
    if package.refusal:
        raise ExtractError(f"{path}: {package.refusal}")
    result = _result(path, data_path, data, data_bytes, prepared,
                     [*package.notes, *_churn_note(path, fmt)], dry_run)
    if dry_run:
        return dataclasses.replace(result, seconds=time.monotonic() - started)
    _unchanged_since_read(path, data, data_path)
    written = backup.write_all(path, data, prepared.new_module, data_path, data_bytes,
                               package.edit)
    verified = ""
    if prepared.interpreter is not None:
        verified = _verify_after_writing(path, prepared, written.backup)
    return dataclasses.replace(result, backup=written.backup, verified=verified,
                               seconds=time.monotonic() - started)


def _read_checked(path: str, data_path: str) -> tuple[bytes, str, list[str]]:
    """The module's bytes and encoding, after the path checks and after finishing what a
    killed run left (notes say what)."""
    refusal = guards.path_refusal(path)
    if refusal:
        raise ExtractError(f"{path}: {refusal}")
    data = _read(path)
    encoding = _encoding(path, data)
    notes = backup.clear_leftovers(path, data_path)
    if notes:
        data = _read(path)
        encoding = _encoding(path, data)
    return data, encoding, notes


def _result(path: str, data_path: str, data: bytes, data_bytes: bytes, prepared: _Prepared,
            notes: list[str], dry_run: bool) -> ExtractResult:
    manifest = prepared.manifest
    return ExtractResult(
        module=path, data_file=data_path, status="dry-run" if dry_run else "extracted",
        names=manifest.names, eager=prepared.eager, tagged=manifest.tagged,
        original_bytes=len(data), module_bytes=len(prepared.new_module),
        module_lines=prepared.new_module.count(b"\n"), json_bytes=len(prepared.json_bytes),
        data_bytes=len(data_bytes), evaluated=prepared.evaluated,
        notes=tuple([*prepared.notes, *notes]),
        interpreter=prepared.interpreter.describe() if prepared.interpreter else "")


def _unchanged_since_read(path: str, data: bytes, data_path: str) -> None:
    """Right before writing (an import may have taken minutes): the module is still the
    bytes the new one was made from, and no data file appeared. (The build config is read
    just before this, by packaging.check.)"""
    if guards.path_refusal(path) or not os.path.isfile(path) or \
            backup.sha256_file(path) != backup.sha256_bytes(data):
        raise ExtractError(f"{path}: the module changed while it was being extracted; "
                           "nothing written")
    if os.path.lexists(data_path):
        raise ExtractError(f"{data_path} appeared while the module was being extracted; "
                           "nothing written")


def _data_file_bytes(json_bytes: bytes, fmt: str) -> bytes:
    return gzip.compress(json_bytes, compresslevel=9, mtime=0) if fmt == "gz" else json_bytes


# -- reading and choosing --------------------------------------------------------------------
def _read(path: str) -> bytes:
    if not os.path.isfile(path):
        raise ExtractError(f"{path}: no such file")
    if not path.endswith(".py"):
        raise ExtractError(f"{path}: not a Python module (.py)")
    with open(path, "rb") as f:
        return f.read()


def _encoding(path: str, data: bytes) -> str:
    try:
        encoding = encoding_of(data)
        data.decode(encoding)
    except (RewriteError, UnicodeDecodeError) as error:
        raise ExtractError(f"{path}: {error}") from None
    return encoding


def _prepare(path: str, data: bytes, encoding: str, data_path: str,
             options: Options) -> _Prepared:
    literal = _literal_statements(path, data, options)
    if literal is not None:
        return _literal_way(path, data, encoding, data_path, literal, options)
    return _tree_way(path, data, encoding, data_path, options)


def _literal_statements(path: str, data: bytes, options: Options) -> list[Statement] | None:
    """The top-level literal assignments to move, when that is all there is to move; None
    when the parse-tree way is needed (class attributes, functions, calls, names)."""
    names = options.names
    if names and not all(n.isidentifier() for n in names):
        return None  # Class.attr or func()
    verdict = judge_python(data, _ALL_BINDINGS)
    if not names:
        wanted = [b for b in verdict.bindings if b.bytes >= MIN_VALUE_BYTES]
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
    chosen = [s for s in candidates if s.value_bytes >= MIN_VALUE_BYTES]
    shaped = {s.name for s in chosen}
    if len(data) <= bindings.AST_MAX_BYTES and (not chosen or any(
            b.name not in shaped for b in verdict.bindings if b.bytes >= MIN_VALUE_BYTES)):
        return None  # detection judged on samples; the tree sees every byte
    if not chosen:
        raise ExtractError(f"{path}: no top-level literal of {MIN_VALUE_BYTES} bytes or more; "
                           "name one with --name")
    return chosen


def _manifest(data_path: str, keys: Sequence[str], tagged: bool, fmt: str, source_hash: str,
              json_bytes: bytes) -> stub.Manifest:
    data_bytes = _data_file_bytes(json_bytes, fmt)
    return stub.Manifest(os.path.basename(data_path), tuple(keys), tagged, fmt == "gz",
                         source_hash, hashlib.sha256(data_bytes).hexdigest())


def _compose(parts: Sequence[tuple[str, str]]) -> bytes:
    body = ",\n".join(json.dumps(key) + ":" + text for key, text in parts)
    return ("{" + body + "}\n").encode("ascii")


def _source_hash(data: bytes, spans: Sequence[tuple[int, int]]) -> str:
    digest = hashlib.sha256()
    for start, end in spans:
        digest.update(data[start:end])
        digest.update(b"\0")
    return digest.hexdigest()


def _fingerprint(compact_text: str) -> str:
    return hashlib.sha256(compact_text.encode("ascii")).hexdigest()


# -- the literal way -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Converted:
    stmt: Statement
    value: convert.ValueResult
    layout: str  # whole, list, dict, tuple


def _literal_way(path: str, data: bytes, encoding: str, data_path: str,
                 chosen: list[Statement], options: Options) -> _Prepared:
    converted = [_convert(path, data, s, encoding, options) for s in chosen]
    tagged = any(c.value.tagged for c in converted)
    json_bytes = _compose([(c.stmt.name, _value_text(c)) for c in converted])
    manifest = _manifest(data_path, [c.stmt.name for c in converted], tagged, options.fmt,
                         _source_hash(data, [(s.value_start, s.end) for s in chosen]),
                         json_bytes)
    new_module, eager = _rewritten(path, data, encoding, converted, manifest)
    prepared = _Prepared(new_module, json_bytes, manifest, eager,
                         [(c.stmt.name, c.layout) for c in converted],
                         {c.stmt.name: _fingerprint(_compact_text(c)) for c in converted})
    if options.verify_import or options.always_verify:
        prepared.interpreter = _interpreter(path, options)
        if len(data) <= bindings.AST_MAX_BYTES and not options.dry_run:
            prepared.before = _take(path, prepared.interpreter, [], [])
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


def _rewritten(path: str, data: bytes, encoding: str, converted: list[_Converted],
               manifest: stub.Manifest) -> tuple[bytes, tuple[str, ...]]:
    skeleton = splice(data, [Edit(c.stmt.value_start, c.stmt.end, "None") for c in converted],
                      encoding)
    try:
        tree = ast.parse(skeleton.decode(encoding))
    except SyntaxError as error:
        raise ExtractError(f"{path}: line {error.lineno}: {error.msg}") from None
    keyed = _refuse_unsafe_module(path, tree)
    targets = [c.stmt.name for c in converted]
    eager, lazy, has_all = _eager_or_lazy(tree, targets, keyed)
    annotations = {c.stmt.name: convert.annotation(c.value, c.stmt.opener) for c in converted}
    uses_any = any("Any" in annotations[n] for n in lazy)
    if uses_any:
        annotations = {n: a.replace("Any", "_TidyAny") for n, a in annotations.items()}
    plan = stub.StubPlan(manifest, lazy, eager, has_all, uses_any)
    edits = []
    for index, item in enumerate(converted):
        stmt = item.stmt
        header = data[stmt.start:stmt.value_start].decode(encoding)
        text = (stub.eager_statement(header, stmt.name) if stmt.name in eager
                else stub.lazy_statement(header, stmt.name, annotations[stmt.name]))
        if index == 0:
            text = stub.loader_block(plan) + text
        edits.append(Edit(stmt.start, stmt.end, text))
    return _compiled(path, splice(data, edits, encoding)), eager


def _compiled(path: str, new_module: bytes) -> bytes:
    try:
        compile(new_module, path, "exec", dont_inherit=True)
    except SyntaxError as error:  # a bug of ours, not the user's: say so and write nothing
        raise ExtractError(f"{path}: the rewritten module does not compile "
                           f"(line {error.lineno}: {error.msg}); nothing written") from None
    return new_module


def _refuse_unsafe_module(path: str, tree: ast.Module) -> bool:
    """Refuses what cannot be done exactly; True when the module reads its own namespace by
    key (then every moved name is bound eagerly)."""
    reads, keyed = guards.namespace_reads(tree)
    if reads:
        raise ExtractError(f"{path}: the module reads its own namespace as a whole "
                           f"({', '.join(reads[:3])}): the loader's private names would change "
                           "what it sees; nothing written")
    refusal = guards.private_name_refusal(tree)
    if refusal:
        raise ExtractError(f"{path}: {refusal}")
    return keyed


def _eager_or_lazy(tree: ast.Module, names: list[str],
                   keyed: bool) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Names the module's own code uses are bound where they were (module code bypasses
    `__getattr__`); all are, when the module has its own `__getattr__`/`__dir__` or reads its
    namespace by key."""
    used = _names_used(tree, names)
    hooks = keyed or guards.defines_module_hooks(tree)
    eager = tuple(n for n in names if n in used or hooks)
    lazy = tuple(n for n in names if n not in eager)
    return eager, lazy, "__all__" in _top_level_names(tree)


def _names_used(tree: ast.Module, targets: list[str]) -> set[str]:
    """Targets the module's own code reads (or rebinds): these must be bound eagerly."""
    wanted = set(targets)
    used: set[str] = set()
    assigned: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in wanted:
            if isinstance(node.ctx, ast.Load | ast.Del):
                used.add(node.id)
            else:
                assigned[node.id] = assigned.get(node.id, 0) + 1
        elif isinstance(node, ast.Global | ast.Nonlocal):
            used.update(wanted.intersection(node.names))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("eval", "exec"):
            used.update(wanted)  # dynamic access: be safe
    used.update(n for n, count in assigned.items() if count > 1)
    return used


def _top_level_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


# -- the parse-tree way ----------------------------------------------------------------------
@dataclass(frozen=True)
class _Value:
    target: Target
    text: str  # compact tagged JSON
    tagged: bool
    sketch: str  # for the annotation of a lazy name


def _tree_way(path: str, data: bytes, encoding: str, data_path: str,
              options: Options) -> _Prepared:
    try:
        tree = bindings.parse(data, path)
        found = bindings.targets(tree, data, encoding)
    except BindingError as error:
        raise ExtractError(str(error)) from None
    keyed = _refuse_unsafe_module(path, tree)
    chosen, notes = _chosen_targets(path, found, options)
    evaluated = [t for t in chosen if not t.literal]
    interpreter: Interpreter | None = None
    before: evaluate.Taken | None = None
    values: dict[str, _Value] = {}
    for target in chosen:
        if target.literal:
            values[target.key] = _literal_value(path, target)
    if evaluated or ((options.verify_import or options.always_verify) and
                     not options.dry_run):
        interpreter = _interpreter(path, options)
        extra = [t.key for t in chosen if t.scope != "module"]
        before = _take(path, interpreter, [t.key for t in evaluated], extra)
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
                          _Prepared(b"", b"", stub.Manifest("", (), False, False, "", ""), (),
                                    [], {}, tuple(t.key for t in kept if not t.literal),
                                    before, interpreter, notes))


def _chosen_targets(path: str, found: list[Target],
                    options: Options) -> tuple[list[Target], list[str]]:
    """The named targets, or every data binding of MIN_VALUE_BYTES or more. Values that need
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
        chosen = [t for t in found if t.value_bytes >= MIN_VALUE_BYTES
                  and (t.literal or t.data_like)]
        if not chosen:
            raise ExtractError(f"{path}: no data binding of {MIN_VALUE_BYTES} bytes or more; "
                               "name one with --name")
    notes: list[str] = []
    built = [t for t in chosen if not t.literal]
    if built and not options.evaluate:
        literal_bytes = sum(t.value_bytes for t in chosen if t.literal)
        first = built[0]
        if options.names or sum(t.value_bytes for t in built) >= literal_bytes:
            raise ExtractError(
                f"{path}: {first.key} (line {first.line}): {first.why_evaluate}: use "
                "--evaluate (tidy then imports the module in the project's interpreter to "
                "take the value, and imports the rewritten module to compare; that runs the "
                "project's code)")
        notes.append("left in place, built by calls or names (--evaluate moves them too): "
                     + ", ".join(f"{t.key} ({t.why_evaluate})" for t in built[:4]))
        chosen = [t for t in chosen if t.literal]
    return sorted(chosen, key=lambda t: t.start), notes


def _literal_value(path: str, target: Target) -> _Value:
    assert target.value is not None
    try:
        value = ast.literal_eval(target.value)
        text, tagged = encode.encode(value, target.key)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as error:
        raise ExtractError(f"{path}: {target.key} (line {target.line}): {error}") from None
    found = verify_values.difference(value, encode.loads(text, tagged), target.key)
    if found is not None:
        raise ExtractError(f"{path}: {found} in a round trip through JSON; nothing written")
    return _Value(target, text, tagged, convert.sketch(value))


def _tree_prepared(path: str, data: bytes, encoding: str, data_path: str, tree: ast.Module,
                   keyed: bool, kept: list[Target], values: dict[str, _Value],
                   options: Options, prepared: _Prepared) -> _Prepared:
    keys = [t.key for t in kept]
    tagged = any(values[k].tagged for k in keys)
    json_bytes = _compose([(k, values[k].text) for k in keys])
    manifest = _manifest(data_path, keys, tagged, options.fmt,
                         _source_hash(data, [(t.start, t.end) for t in kept]), json_bytes)
    module_names = [t.key for t in kept if t.scope == "module"]
    eager, lazy, has_all = _eager_or_lazy(tree, module_names, keyed)
    annotations = {k: values[k].sketch for k in lazy}
    uses_any = any("Any" in a for a in annotations.values())
    annotations = {k: a.replace("Any", "_TidyAny") for k, a in annotations.items()}
    plan = stub.StubPlan(manifest, lazy, eager, has_all, uses_any,
                         copies=any(t.scope == "function" for t in kept))
    edits = [Edit(t.start, t.end, _replacement(t, eager, annotations)) for t in kept]
    loader_at = min(t.top_start for t in kept)
    edits = _with_loader(edits, loader_at, stub.loader_block(plan))
    prepared.new_module = _compiled(path, splice(data, edits, encoding))
    prepared.json_bytes = json_bytes
    prepared.manifest = manifest
    prepared.eager = eager
    prepared.layouts = [(k, "whole") for k in keys]
    prepared.expected = {k: _fingerprint(values[k].text) for k in keys}
    return prepared


def _replacement(target: Target, eager: tuple[str, ...], annotations: dict[str, str]) -> str:
    if target.scope == "function":
        return stub.function_body("", target.key)
    if target.scope == "class":
        return stub.class_statement(target.header, target.key)
    if target.key in eager:
        return stub.eager_statement(target.header, target.key)
    return stub.lazy_statement(target.header, target.key, annotations[target.key])


def _with_loader(edits: list[Edit], at: int, loader: str) -> list[Edit]:
    """The loader goes right before the first top-level statement that holds a target."""
    for index, edit in enumerate(edits):
        if edit.start == at:
            edits[index] = Edit(edit.start, edit.end, loader + edit.text)
            return edits
    return [Edit(at, at, loader), *edits]


# -- importing: before and after -------------------------------------------------------------
def _interpreter(path: str, options: Options) -> Interpreter:
    try:
        return choose(path, options.python, _repository_top(path))
    except InterpreterError as error:
        raise ExtractError(f"{path}: {error}") from None


def _repository_top(path: str) -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"],
                              cwd=os.path.dirname(path), capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _take(path: str, interpreter: Interpreter, keys: list[str], extra: list[str],
          names: list[str] | None = None) -> evaluate.Taken:
    dotted, root = packaging.module_name(path)
    try:
        return evaluate.take(interpreter, root, dotted, keys, names, extra)
    except InterpreterError as error:
        raise ExtractError(f"{path}: importing {dotted} with {interpreter.describe()} "
                           f"failed: {error}; nothing written") from None


def _verify_after_writing(path: str, prepared: _Prepared, backup_folder: str) -> str:
    """Import the rewritten module in a fresh interpreter: every name the original had
    must have the same fingerprint, and every moved value the one its source gave. On any
    difference the original bytes are put back and the extraction is refused."""
    assert prepared.interpreter is not None
    before = prepared.before
    extra = [k for k in prepared.expected if k not in (before.names if before else ())]
    try:
        after = _take(path, prepared.interpreter, [], extra,
                      list(before.names) if before is not None else [])
    except ExtractError as error:
        backup.undo(path, backup_folder)
        raise ExtractError(f"{error}; the original module was put back") from None
    differing = sorted(k for k, want in prepared.expected.items()
                       if after.fingerprints.get(k) != want)
    if before is not None:
        differing += [k for k in evaluate.differences(before, after) if k not in differing]
    if differing:
        backup.undo(path, backup_folder)
        raise ExtractError(f"{path}: after extraction {', '.join(differing[:5])} differ on "
                           "import; the original module was put back, byte for byte")
    compared = len(before.names) if before is not None else 0
    return (f"imported again with {prepared.interpreter.python}: {len(prepared.expected)} "
            f"moved value(s) and {compared} module name(s) are the same, type for type")


def _churn_note(path: str, fmt: str) -> list[str]:
    commits = packaging.commits_last_year(path)
    if fmt == "gz" and commits >= packaging.CHURN_COMMITS:
        return [f"the module changed in {commits} commits last year: --format json deltas in "
                "git, a .gz adds its full size to history on every change"]
    return []


# -- the data file, read back in a fresh process ---------------------------------------------
_ROUND_TRIP = r"""
import gzip, hashlib, json, sys
spec = json.loads(sys.argv[1])
namespace = {}
exec("import builtins as _tidy_builtins\n" + spec["decoder"], namespace)
with open(spec["path"], "rb") as f:
    raw = f.read()
if spec["compressed"]:
    raw = gzip.decompress(raw)
data = json.loads(raw, object_hook=namespace["_tidy_untag"]) if spec["tagged"] else json.loads(raw)
sys.path.insert(0, spec["tidy"])
from tidy.extract.encode import encode
parts = []
for name, layout in spec["layouts"]:
    value = data[name]
    if layout == "whole":
        text = encode(value)[0]
    elif layout == "dict":
        items = [json.dumps(k) + ":" + encode(v)[0] for k, v in value.items()]
        text = "{\n" + ",\n".join(items) + "\n}" if items else "{}"
    else:
        items = [encode(v)[0] for v in value]
        head, tail = ("[", "]") if layout == "list" else ('{"$tuple":[', "]}")
        text = head + "\n" + ",\n".join(items) + "\n" + tail if items else head + tail
    parts.append(json.dumps(name) + ":" + text)
print(hashlib.sha256(("{" + ",\n".join(parts) + "}\n").encode("ascii")).hexdigest())
"""


def _tidy_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _check_round_trip(data_bytes: bytes, manifest: stub.Manifest,
                      layouts: list[tuple[str, str]], expected: str) -> None:
    """Decode the data file as the loader will, in a fresh process; it must re-encode exactly."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        f.write(data_bytes)
        temp = f.name
    try:
        spec = {"path": temp, "compressed": manifest.compressed, "tagged": manifest.tagged,
                "decoder": encode.DECODER_SOURCE, "tidy": _tidy_root(),
                "layouts": [list(pair) for pair in layouts]}
        done = subprocess.run([sys.executable, "-I", "-c", _ROUND_TRIP, json.dumps(spec)],
                              capture_output=True, text=True, check=False,
                              preexec_fn=_die_with_parent)
    finally:
        os.unlink(temp)
    got = done.stdout.strip()
    if done.returncode != 0 or got != expected:
        reason = done.stderr.strip().splitlines()[-1:] or ["a different text"]
        raise ExtractError(f"{manifest.data_file}: the data does not read back exactly "
                           f"({reason[0]}); nothing written")


def _die_with_parent() -> None:
    from tidy.extract.interpreter import set_death_signal

    set_death_signal()


# -- undo ------------------------------------------------------------------------------------
def undo_extract(module_path: str, backup_folder: str | None = None, force: bool = False) -> str:
    """Put the original module back; refused when anything changed since, unless force."""
    try:
        return backup.undo(os.path.abspath(module_path), backup_folder, force)
    except backup.UndoRefused as error:
        raise ExtractError(f"{module_path}: {error}") from None


def _already_extracted(path: str, data: bytes, encoding: str) -> ExtractResult | None:
    manifest = stub.read_manifest(data.decode(encoding, "replace"))
    if manifest is None:
        return None
    data_path = os.path.join(os.path.dirname(path), manifest.data_file)
    if not os.path.isfile(data_path):
        raise ExtractError(f"{path}: already extracted, but {manifest.data_file} is missing")
    with open(data_path, "rb") as f:
        if hashlib.sha256(f.read()).hexdigest() != manifest.data_sha256:
            raise ExtractError(f"{path}: {manifest.data_file} changed since extraction "
                               "(stale: its hash differs from the module's manifest)")
    return ExtractResult(module=path, data_file=data_path, status="up-to-date",
                         names=manifest.names, tagged=manifest.tagged,
                         original_bytes=len(data), module_bytes=len(data),
                         module_lines=data.count(b"\n"))
