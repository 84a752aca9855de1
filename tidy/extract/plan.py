"""What both ways of extracting share: options, the refusal error, the prepared result (new
module, data file, what to check), and the pieces that build and check it."""

from __future__ import annotations

import ast
import gzip
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from tidy.analysis.data_in_code import DataSettings
from tidy.extract import convert, evaluate, guards, stub
from tidy.extract.interpreter import Interpreter

MIN_VALUE_BYTES = 1024  # a value smaller than this is left in place when no name is given...
SMALL_VALUE_BYTES = 256  # ...unless such values hold most of the data (value_floor)


def value_floor(sizes: Sequence[int]) -> int:
    """The smallest value moved when no name is given: MIN_VALUE_BYTES, so that constants
    stay readable where they are; SMALL_VALUE_BYTES when the data values under it hold more
    bytes than those over it. A module of many small tables (holidays' calendars: 80 class
    attributes of ~900 bytes each) would otherwise keep nearly all its data in the stub.
    A value of 256 bytes becomes a line of about 60."""
    big = sum(n for n in sizes if n >= MIN_VALUE_BYTES)
    small = sum(n for n in sizes if SMALL_VALUE_BYTES <= n < MIN_VALUE_BYTES)
    return SMALL_VALUE_BYTES if small > big else MIN_VALUE_BYTES
ALL_BINDINGS = DataSettings(top_bindings=1_000_000)


class ExtractError(ValueError):
    """A refusal: one line that says which value and where, and what to do."""


class NotPackaged(ExtractError):
    """A refusal the build config decides: its wheels would not ship the data file. `why`
    names the config and what to declare, the same for every module of the project (so
    `tidy fix` says it once for all of them)."""

    def __init__(self, message: str, why: str) -> None:
        super().__init__(message)
        self.why = why


class NeedsEvaluate(ExtractError):
    """A refusal only `--evaluate` lifts: the data is built by calls or names, and taking it
    means importing the module (running the project's code). `why` says which value and where
    (`QUESTIONS (line 3): line 4 calls u()`): `tidy fix`, which never runs the project's
    code, words its own advice from it."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(
            f"{path}: {why}: use --evaluate (tidy then imports the module in the project's "
            "interpreter to take the value, and imports the rewritten module to compare; that "
            "runs the project's code)")
        self.path, self.why = path, why


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
class Prepared:
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


def data_file_bytes(json_bytes: bytes, fmt: str) -> bytes:
    return gzip.compress(json_bytes, compresslevel=9, mtime=0) if fmt == "gz" else json_bytes


def manifest_for(data_path: str, keys: Sequence[str], tagged: bool, fmt: str, source_hash: str,
              json_bytes: bytes) -> stub.Manifest:
    data_bytes = data_file_bytes(json_bytes, fmt)
    return stub.Manifest(os.path.basename(data_path), tuple(keys), tagged, fmt == "gz",
                         source_hash, hashlib.sha256(data_bytes).hexdigest())


def compose(parts: Sequence[tuple[str, str]]) -> bytes:
    body = ",\n".join(json.dumps(key) + ":" + text for key, text in parts)
    return ("{" + body + "}\n").encode("ascii")


def source_hash(data: bytes, spans: Sequence[tuple[int, int]]) -> str:
    digest = hashlib.sha256()
    for start, end in spans:
        digest.update(data[start:end])
        digest.update(b"\0")
    return digest.hexdigest()


def fingerprint(compact_text: str) -> str:
    return hashlib.sha256(compact_text.encode("ascii")).hexdigest()


def compiled(path: str, new_module: bytes) -> bytes:
    try:
        compile(new_module, path, "exec", dont_inherit=True)
    except SyntaxError as error:  # a bug of ours, not the user's: say so and write nothing
        raise ExtractError(f"{path}: the rewritten module does not compile "
                           f"(line {error.lineno}: {error.msg}); nothing written") from None
    return new_module


def refuse_unsafe_module(path: str, tree: ast.Module) -> bool:
    """Refuses what cannot be done exactly; True when the module reads its own namespace by
    key (then every moved name is bound eagerly)."""
    refusal, keyed = guards.module_refusal(tree)
    if refusal:
        raise ExtractError(f"{path}: {refusal}; nothing written")
    return keyed


def eager_or_lazy(tree: ast.Module, names: list[str],
                   keyed: bool) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Names the module's own code uses are bound where they were (module code bypasses
    `__getattr__`); all are, when the module has its own `__getattr__`/`__dir__` or reads its
    namespace by key."""
    used = _names_used(tree, names)
    hooks = keyed or guards.defines_module_hooks(tree)
    eager = tuple(n for n in names if n in used or hooks)
    lazy = tuple(n for n in names if n not in eager)
    return eager, lazy, "__all__" in _top_level_names(tree)


def sets_up_annotations(tree: ast.Module) -> bool:
    """Whether the module gets an `__annotations__` dict at import: CPython sets one up when
    an annotated assignment runs at module level, in a block too (compile.c, find_ann)."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.AnnAssign):
            return True
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                stack.append(child)
            elif isinstance(child, ast.ExceptHandler | ast.match_case):
                stack.extend(child.body)
    return False


def code_follows(data: bytes, end: int) -> bool:
    """Code after `end` on the same line (`X = [...]; Y = 1`): a comment put at `end` would
    swallow it."""
    newline = data.find(b"\n", end)
    rest = data[end:newline if newline >= 0 else len(data)].strip()
    return bool(rest) and not rest.startswith(b"#")


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
