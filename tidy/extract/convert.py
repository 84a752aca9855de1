"""Literal source text -> verified JSON fragments, in bounded pieces, in capped worker processes.

A display value (`[...]`, `{...}`, `(...)`) is cut at depth-1 commas at line ends (found by
locate.py) into batches of about BATCH_BYTES of source. Each batch is parsed with `ast`,
converted with `ast.literal_eval`, encoded, decoded again exactly as the loader will, and
compared type-exactly with the literal value before its JSON text is handed back. Memory is
bounded by the batch, not the module (a whole-module `ast.parse` of 51 MB needs 6.4 GB).
Workers run with RLIMIT_AS set, so a pathological input fails with a clear message instead
of taking the machine down.
"""

from __future__ import annotations

import ast
import dis
import itertools
import os
import resource
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from tidy.extract import encode, verify
from tidy.extract.interpreter import set_death_signal
from tidy.extract.locate import Statement

BATCH_BYTES = 512 * 1024
DEFAULT_MEMORY_CAP = 2 * 1024**3  # per worker: a batch needs ~100 MB; this is headroom, not a need
_WINDOW_PER_WORKER = 3


class ConversionError(ValueError):
    """The value is not a literal, or cannot be written exactly."""


class MemoryCapHit(ConversionError):
    """A worker ran out of the memory it was allowed."""


@dataclass(frozen=True)
class Piece:
    """Source of one batch: data[start:end], wrapped as `wrap[0] + text + wrap[1]`."""

    start: int
    end: int
    line: int
    wrap: tuple[str, str]
    whole: bool  # the piece is the entire value (not a run of elements)
    strict: bool = True  # the value is small: ast.literal_eval must agree too


@dataclass(frozen=True)
class PieceResult:
    text: str  # JSON of the batch: the whole value, or the elements/members without brackets
    tagged: bool
    items: int
    sketches: frozenset[str]  # type sketches of the elements (or of the whole value)
    str_keys: bool = True  # for dict batches: every key a str (else the batch is not usable)
    # for dict batches: the keys (a key repeated in a later batch makes the value one piece)
    keys: tuple[str, ...] = ()


@dataclass
class ValueResult:
    """A whole value, assembled from its pieces."""

    name: str
    text_parts: list[str] = field(default_factory=list)
    tagged: bool = False
    items: int = 0
    sketches: set[str] = field(default_factory=set)
    whole: bool = False  # converted in one piece: text_parts[0] is the value's whole JSON


def pieces(data: bytes, stmt: Statement, batch_bytes: int = BATCH_BYTES) -> list[Piece]:
    """Cut a value into batches; a value that is not a list/dict/tuple display is one piece."""
    start, end = stmt.value_start, stmt.end
    opener = stmt.opener
    closer = {"[": b"]", "{": b"}", "(": b")"}.get(opener)
    if closer is None or data[end - 1:end] != closer or not stmt.splits:
        return [Piece(start, end, stmt.line, ("(", "\n)"), True, end - start <= STRICT_BYTES)]
    wrap = ("{", "\n}") if opener == "{" else ("[", "\n]")
    cuts = [start + 1]
    for split in stmt.splits:
        if split - cuts[-1] >= batch_bytes and split < end - 1:
            cuts.append(split)
    cuts.append(end - 1)
    result = []
    line = stmt.line
    for left, right in itertools.pairwise(cuts):
        result.append(Piece(left, right, line, wrap, False, end - start <= STRICT_BYTES))
        line += data.count(b"\n", left, right)
    return result


def _limit_memory(cap: int) -> None:
    if cap > 0:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def convert_piece(source: str, piece: Piece, opener: str) -> PieceResult:
    """Evaluate, encode, decode, compare. Raises ConversionError with a location."""
    text = piece.wrap[0] + source + piece.wrap[1]
    value = _constant_value(text, piece)
    if value is _NOT_CONSTANT or piece.strict:
        exact = _literal_eval(text, piece)
        # The compiled value is what an import builds (a set display of numbers iterates in
        # the order of the compiler's folded frozenset, not always in source order);
        # literal_eval must agree with it but for that order.
        if value is not _NOT_CONSTANT and verify.difference(value, exact,
                                                            set_order=False) is not None:
            raise ConversionError(f"line {piece.line}: not a plain literal (an expression "
                                  "Python folds into a constant)")
        if value is _NOT_CONSTANT:
            value = exact
    del opener  # the elements of a tuple display are parsed and checked as a list
    return _checked(value, piece, whole=piece.whole)


# Bytecode that only builds containers out of constants (CPython 3.11-3.13 spellings).
_BUILDING = frozenset(dis.opmap[name] for name in (
    "LOAD_CONST", "BUILD_LIST", "BUILD_TUPLE", "BUILD_SET", "BUILD_MAP", "BUILD_CONST_KEY_MAP",
    "LIST_EXTEND", "LIST_APPEND", "LIST_TO_TUPLE", "SET_UPDATE", "SET_ADD", "DICT_UPDATE",
    "MAP_ADD", "RETURN_VALUE", "RETURN_CONST", "RESUME", "NOP", "EXTENDED_ARG", "CACHE",
    "CALL_INTRINSIC_1") if name in dis.opmap)
_INTRINSIC = dis.opmap.get("CALL_INTRINSIC_1", -1)
_NOT_CONSTANT = object()
STRICT_BYTES = 2_000_000  # up to this, ast.literal_eval is run as well and must agree


def as_imported(node: ast.expr, literal: Any) -> Any:
    """A literal's value as an import builds it: the compiled expression evaluated when it
    only builds constants (sets of numbers then iterate as they will in the module), else
    `literal` (ast.literal_eval's value) itself."""
    expression = ast.fix_missing_locations(ast.Expression(body=node))
    try:
        code = compile(expression, "<literal>", "eval", dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return literal
    value = _compiled_constant(code)
    if value is _NOT_CONSTANT or verify.difference(value, literal, set_order=False):
        return literal
    return value


def _compiled_constant(code: Any) -> Any:
    ops = frozenset(code.co_code[::2])
    if code.co_names or code.co_varnames or not ops <= _BUILDING:
        return _NOT_CONSTANT
    if _INTRINSIC in ops and any(i.opcode == _INTRINSIC and i.argrepr != "INTRINSIC_LIST_TO_TUPLE"
                                 for i in dis.get_instructions(code)):
        return _NOT_CONSTANT
    return eval(code, {"__builtins__": {}})


def _constant_value(text: str, piece: Piece) -> Any:
    """The value, when the compiled code only builds constants (no names, no calls, no
    operations left after constant folding); else _NOT_CONSTANT.

    `ast.parse` of a batch costs twice its `compile` (the tree is made of Python objects),
    and on a 283,000-element module that is the difference between 40 s and 20 s. Code that
    has no names and only LOAD_CONST/BUILD_* instructions cannot run anything: evaluating it
    is as safe as literal_eval. The locate scanner has already refused names, calls,
    subscripts and operators other than unary +/- and complex +/- in the text.
    """
    try:
        code = compile(text, f"<line {piece.line}>", "eval", dont_inherit=True)
    except SyntaxError:
        return _NOT_CONSTANT  # _literal_eval reports it with its line
    except MemoryError:
        raise MemoryCapHit(f"line {piece.line}: out of memory compiling the value") from None
    return _compiled_constant(code)


def _literal_eval(text: str, piece: Piece) -> Any:
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        line = piece.line + max(0, (error.lineno or 1) - 1)
        raise ConversionError(f"line {line}: not valid Python: {error.msg}") from None
    except MemoryError:
        raise MemoryCapHit(f"line {piece.line}: out of memory parsing the value") from None
    try:
        return ast.literal_eval(tree.body)
    except (ValueError, TypeError, SyntaxError, RecursionError) as error:
        raise ConversionError(f"line {_node_line(error, tree, piece)}: not a literal "
                              f"({_why(error)})") from None


def _checked(value: Any, piece: Piece, whole: bool) -> PieceResult:
    if not whole and (type(value) is set or (isinstance(value, dict) and not all(
            type(k) is str and not k.startswith("$") for k in value))):
        # A set display, or a dict with keys JSON objects cannot hold: its tagged form is
        # one list ($set, $dict), converted in one piece (str_keys=False says so).
        return PieceResult("", False, len(value), frozenset(), str_keys=False)
    where = f"line {piece.line}"
    try:
        if whole:
            text, is_tagged = encode.encode(value, where)
            sketches = frozenset({sketch(value)})
        elif isinstance(value, dict):
            text, is_tagged = _members(value, where)
            sketches = frozenset(f"{sketch(k)}\0{sketch(v)}" for k, v in value.items())
        else:
            text, is_tagged = _elements(value, where)
            sketches = frozenset(sketch(item) for item in value)
    except encode.Unencodable as error:
        raise ConversionError(str(error)) from None
    wrapped = text if whole else ("{" if isinstance(value, dict) else "[") + text + (
        "}" if isinstance(value, dict) else "]")
    found = verify.difference(value, encode.loads(wrapped, is_tagged), where)
    if found is not None:
        raise ConversionError(f"{found} in a round trip through JSON")
    return PieceResult(text, is_tagged, 1 if whole else len(value), sketches,
                       keys=tuple(value) if isinstance(value, dict) and not whole else ())


def _elements(value: list[Any], where: str) -> tuple[str, bool]:
    """One element a line: the data file stays line-oriented (grep-able, diff-able)."""
    texts, any_tagged = [], False
    for index, item in enumerate(value):
        text, is_tagged = encode.encode(item, f"{where} item {index}")
        texts.append(text)
        any_tagged = any_tagged or is_tagged
    return ",\n".join(texts), any_tagged


def _members(value: dict[str, Any], where: str) -> tuple[str, bool]:
    texts, any_tagged = [], False
    for key, item in value.items():
        text, is_tagged = encode.encode(item, f"{where} [{encode.short_repr(key)}]")
        texts.append(encode.dumps(key) + ":" + text)
        any_tagged = any_tagged or is_tagged
    return ",\n".join(texts), any_tagged


def _why(error: BaseException) -> str:
    message = str(error)
    return message if len(message) < 120 else message[:117] + "..."


def _node_line(error: BaseException, tree: ast.Expression, piece: Piece) -> int:
    for node in ast.walk(tree.body):
        if isinstance(node, ast.Name | ast.Call | ast.Attribute | ast.BinOp | ast.Subscript
                      | ast.JoinedStr | ast.Compare | ast.BoolOp | ast.Lambda):
            return piece.line + node.lineno - 1
    return piece.line


def _worker(encoding: str, cap: int, raw: bytes, piece: Piece, opener: str) -> PieceResult:
    del cap
    return convert_piece(raw.decode(encoding), piece, opener)


def _init_worker(cap: int, parent: int) -> None:
    # A `kill -9` of tidy must not leave workers converting for nobody (issue 15.6): they
    # get SIGKILL when tidy dies, and give up if it is already gone.
    set_death_signal()
    if os.getppid() != parent:
        os._exit(1)
    _limit_memory(cap)


def convert_value(
    data: bytes, stmt: Statement, encoding: str, workers: int = 0,
    memory_cap: int = DEFAULT_MEMORY_CAP, batch_bytes: int = BATCH_BYTES,
) -> ValueResult:
    """Convert one assignment's value. workers=0: as many as CPUs, at most 2."""
    parts = pieces(data, stmt, batch_bytes)
    result = ValueResult(stmt.name, whole=len(parts) == 1 and parts[0].whole)
    if stmt.opener == "(" and not result.whole:
        result.tagged = True
    count = workers or min(2, os.cpu_count() or 1)
    keys: set[str] = set()
    for piece, outcome in zip(parts, _run(data, parts, stmt.opener, encoding, count, memory_cap),
                              strict=True):
        if not outcome.str_keys or not keys.isdisjoint(outcome.keys):
            # mishkal 0.4.1's unknown_const.py: 89,111 `"word": "vocalized"` rows, 62,051 keys.
            # Python keeps a repeated key once (where it first came, with its last value);
            # batches joined would write it twice, and the data file read back would differ.
            return _convert_whole(data, stmt, encoding, memory_cap)
        keys.update(outcome.keys)
        result.text_parts.append(outcome.text)
        result.tagged = result.tagged or outcome.tagged
        result.items += outcome.items
        result.sketches |= outcome.sketches
        del piece
    return result


def _convert_whole(data: bytes, stmt: Statement, encoding: str, memory_cap: int) -> ValueResult:
    """A dict with keys that are not all str (its tagged form is one pair list), or with a key
    repeated across batches (Python's dict keeps it once): done in one go."""
    piece = Piece(stmt.value_start, stmt.end, stmt.line, ("(", "\n)"), True,
                  stmt.end - stmt.value_start <= STRICT_BYTES)
    (outcome,) = list(_run(data, [piece], "", encoding, 1, memory_cap))
    return ValueResult(stmt.name, [outcome.text], outcome.tagged, 1, set(outcome.sketches),
                       whole=True)


def _run(data: bytes, parts: list[Piece], opener: str, encoding: str, workers: int,
         cap: int) -> Iterator[PieceResult]:
    """Results in order, at most a few batches in flight per worker (bounded memory)."""
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(cap, os.getpid())) as pool:
        window: list[Future[PieceResult]] = []
        queue = iter(parts)
        for piece in queue:
            window.append(pool.submit(_worker, encoding, cap, data[piece.start:piece.end],
                                      piece, opener))
            if len(window) >= workers * _WINDOW_PER_WORKER:
                yield _result(window.pop(0))
        while window:
            yield _result(window.pop(0))


def _result(future: Future[PieceResult]) -> PieceResult:
    try:
        return future.result()
    except MemoryError:
        raise MemoryCapHit("a worker hit the memory cap while converting the value "
                           "(raise it with --memory-cap)") from None
    except ConversionError:
        raise
    except Exception as error:  # a worker killed by the cap shows up as BrokenProcessPool
        if type(error).__name__ == "BrokenProcessPool":
            raise MemoryCapHit("a worker died while converting the value (memory cap hit?)"
                               ) from None
        raise


# -- type sketches for the annotation a type checker will see --------------------------------
def sketch(value: Any, depth: int = 0) -> str:
    kind = type(value)
    if value is None:
        return "None"
    if kind in (str, int, float, bool, bytes, complex):
        return kind.__name__
    if depth >= 3:
        return "Any"
    if kind is list or kind is set or kind is frozenset:
        return f"{kind.__name__}[{join_sketches({sketch(v, depth + 1) for v in value})}]"
    if kind is tuple:
        return f"tuple[{join_sketches({sketch(v, depth + 1) for v in value})}, ...]"
    if kind is dict:
        keys = join_sketches({sketch(k, depth + 1) for k in value})
        values = join_sketches({sketch(v, depth + 1) for v in value.values()})
        return f"dict[{keys}, {values}]"
    return "Any"


def join_sketches(sketches: set[str] | frozenset[str]) -> str:
    if not sketches:
        return "Any"
    if len(sketches) == 1:
        return next(iter(sketches))
    if "Any" in sketches:
        return "Any"
    kinds = sorted(sketches)
    if len(kinds) <= 3 and all("[" not in k for k in kinds):
        return " | ".join(kinds)
    return "Any"


def annotation(result: ValueResult, opener: str) -> str:
    """A type for what stands where a lazy name was bound (stub.lazy_statement), from what
    the pieces saw."""
    if result.whole:
        return join_sketches(result.sketches)
    if opener == "{":
        keys = join_sketches({s.split("\0", 1)[0] for s in result.sketches})
        values = join_sketches({s.split("\0", 1)[1] for s in result.sketches})
        return f"dict[{keys}, {values}]"
    inner = join_sketches(result.sketches)
    return f"tuple[{inner}, ...]" if opener == "(" else f"list[{inner}]"
