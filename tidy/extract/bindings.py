"""The bindings of a module that can hold extracted data, found on its parse tree.

Used when the data is not only top-level literals (for those, locate.py finds statements
without a tree, in bounded memory, for modules of any size): class attributes, functions that
only return data, and values built by calls or names. Each target knows the byte span to
replace, and whether its value is a literal (taken with ast.literal_eval, no import) or has to
be taken by importing the module (`--evaluate`).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace

AST_MAX_BYTES = 16_000_000  # a parse tree of a bigger module takes gigabytes
_DATA_NODES = (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.Call, ast.Name,
               ast.Attribute, ast.keyword, ast.UnaryOp, ast.BinOp, ast.Load, ast.USub,
               ast.UAdd, ast.Add, ast.Sub, ast.Starred, ast.expr_context)


class BindingError(ValueError):
    pass


@dataclass(frozen=True)
class Target:
    key: str  # NAME, Class.NAME, or name() for a function
    scope: str  # module, class, function
    line: int
    start: int  # bytes replaced: data[start:end]
    end: int
    header: str  # kept before the new value (`NAME = `, `    attr: T = `); "" for functions
    literal: bool  # ast.literal_eval takes it: no import needed
    why_evaluate: str  # for the others: "line 12 calls u()"
    value_bytes: int
    data_like: bool  # built only of literals, calls, names and + (what detection counts)
    top_start: int = -1  # where the top-level statement holding it starts (the loader goes
    # before the first of them)
    value: ast.expr | None = None  # the value's node (literal targets are taken from it)
    # classes of this module the value calls (`State(**{...})`): their objects are not data
    # JSON can hold, and rebuilding them would mean the loader calling the module's code
    own_classes: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.key.split(".")[-1].removesuffix("()")


class _Offsets:
    """ast positions (line, UTF-8 column) -> byte offsets in the file as it is on disk."""

    def __init__(self, data: bytes, encoding: str) -> None:
        self.data, self.encoding = data, encoding
        self.starts = [0] + [m.end() for m in re.finditer(rb"\n", data)]
        self.bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0

    def at(self, line: int, column: int) -> int:
        start = self.starts[line - 1] + (self.bom if line == 1 else 0)
        if self.encoding.replace("_", "-").lower() in ("utf-8", "utf-8-sig", "ascii"):
            return start + column
        end = self.starts[line] if line < len(self.starts) else len(self.data)
        text = self.data[start:end].decode(self.encoding)
        prefix = text.encode("utf-8")[:column].decode("utf-8")
        return start + len(prefix.encode(self.encoding))


def parse(data: bytes, path: str) -> ast.Module:
    if len(data) > AST_MAX_BYTES:
        raise BindingError(f"{path}: {len(data) // 1_000_000} MB is too big to parse for "
                           "class attributes, functions and calls; top-level literals can "
                           "still be named with --name")
    try:
        return ast.parse(data, path)
    except SyntaxError as error:
        raise BindingError(f"{path}: line {error.lineno}: {error.msg}") from None
    except (MemoryError, RecursionError):
        raise BindingError(f"{path}: too deeply nested or too big to parse") from None


def targets(tree: ast.Module, data: bytes, encoding: str) -> list[Target]:
    """Every binding that could be extracted, in source order."""
    offsets = _Offsets(data, encoding)
    module_counts = _assign_counts(tree.body)
    classes = frozenset(n.name for n in tree.body if isinstance(n, ast.ClassDef))
    found: list[Target] = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            target = _assignment(node, "", offsets, module_counts)
            if target is not None:
                found.append(replace(target, top_start=target.start))
        elif isinstance(node, ast.ClassDef) and not node.decorator_list and not node.keywords \
                and module_counts.get(node.name, 0) == 1:  # two `class A:`: one key, two values
            counts = _assign_counts(node.body)
            top = offsets.at(node.lineno, node.col_offset)
            for inner in node.body:
                if isinstance(inner, ast.Assign | ast.AnnAssign):
                    target = _assignment(inner, node.name, offsets, counts)
                    if target is not None:
                        found.append(replace(target, top_start=top))
        elif isinstance(node, ast.FunctionDef) and module_counts.get(node.name, 0) == 1:
            target = _function(node, offsets)
            if target is not None:
                found.append(replace(target, top_start=offsets.at(node.lineno,
                                                                   node.col_offset)))
    return _naming_own_objects([replace(t, own_classes=called_classes(t.value, classes))
                                if t.value is not None and not t.literal else t
                                for t in found])


def _naming_own_objects(found: list[Target]) -> list[Target]:
    """A value that names a module binding holding such objects holds them too
    (us' `STATES = [AL, AK, ...]`), to a fixpoint."""
    while True:
        own = {t.key: t.own_classes for t in found if t.own_classes and t.scope == "module"}
        changed = False
        for index, target in enumerate(found):
            if target.own_classes or target.value is None or target.literal:
                continue
            named = [own[n.id] for n in ast.walk(target.value)
                     if isinstance(n, ast.Name) and n.id in own]
            if named:
                classes = tuple(dict.fromkeys(c for of in named for c in of))
                found[index] = replace(target, own_classes=classes)
                changed = True
        if not changed:
            return found


def called_classes(value: ast.expr, classes: frozenset[str]) -> tuple[str, ...]:
    """The classes of `classes` that the value calls by name, in order of first call."""
    called: dict[str, None] = {}
    for node in ast.walk(value):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in classes:
            called.setdefault(node.func.id)
    return tuple(called)


def table_items(tree: ast.Module) -> list[ast.stmt]:
    """Top-level statements that put items into a table (`TABLE[0x3665] = '...'` with a
    constant key, `TABLE.update(...)`, `.extend(...)`, `.append(...)`): detection counts them
    as data; they are not bindings this module can move (the rule says why)."""
    return [node for node in tree.body if _keyed_item(node) or _table_call(node)]


def branch_assignments(tree: ast.Module) -> list[ast.stmt]:
    """`NAME = value` statements directly inside a top-level if/elif/else: detection counts
    them as data; which one binds depends on the branch taken, so none is moved."""
    found: list[ast.stmt] = []
    stack = [n for n in tree.body if isinstance(n, ast.If)]
    while stack:
        node = stack.pop()
        for child in [*node.body, *node.orelse]:
            if isinstance(child, ast.If):
                stack.append(child)
            elif isinstance(child, ast.Assign | ast.AnnAssign):
                found.append(child)
    return sorted(found, key=lambda n: n.lineno)


def _keyed_item(node: ast.stmt) -> bool:
    return isinstance(node, ast.Assign) and len(node.targets) == 1 and \
        isinstance(node.targets[0], ast.Subscript) and \
        isinstance(node.targets[0].slice, ast.Constant | ast.UnaryOp)


def _table_call(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and \
        isinstance(node.value.func, ast.Attribute) and \
        node.value.func.attr in ("update", "extend", "append")


def _assign_counts(body: list[ast.stmt]) -> dict[str, int]:
    """How often each name is bound in a body (blocks included, nested scopes not)."""
    counts: dict[str, int] = {}
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            counts[node.name] = counts.get(node.name, 0) + 1
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            counts[node.id] = counts.get(node.id, 0) + 1
        elif isinstance(node, ast.alias):
            name = (node.asname or node.name).split(".")[0]
            counts[name] = counts.get(name, 0) + 1
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            counts[node.target.id] = counts.get(node.target.id, 0) + 1
        stack.extend(ast.iter_child_nodes(node))
    return counts


def _assignment(node: ast.Assign | ast.AnnAssign, owner: str, offsets: _Offsets,
                counts: dict[str, int]) -> Target | None:
    head_end: ast.expr
    if isinstance(node, ast.Assign):
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            return None
        name, head_end = node.targets[0].id, node.targets[0]
    else:
        if node.value is None or not isinstance(node.target, ast.Name) or not node.simple:
            return None
        name, head_end = node.target.id, node.annotation
    value = node.value
    if counts.get(name, 0) != 1 or _dunder(name) or value is None:
        return None
    start = offsets.at(node.lineno, node.col_offset)
    head_stop = offsets.at(head_end.end_lineno or node.lineno, head_end.end_col_offset or 0)
    header = offsets.data[start:head_stop].decode(offsets.encoding) + " = "
    end = offsets.at(node.end_lineno or node.lineno, node.end_col_offset or 0)
    value_start = offsets.at(value.lineno, value.col_offset)
    literal, why = _literal(value)
    return Target(f"{owner}.{name}" if owner else name, "class" if owner else "module",
                  node.lineno, start, end, header, literal, why, end - value_start,
                  _data_like(value), value=value)


def _dunder(name: str) -> bool:
    """`__all__`, `__slots__`...: Python reads these itself. (`__table` in a class body is
    only a private name, mangled to `_Class__table`: it can move.)"""
    return name.startswith("__") and name.endswith("__")


def _function(node: ast.FunctionDef, offsets: _Offsets) -> Target | None:
    args = node.args
    if node.decorator_list or args.args or args.posonlyargs or args.kwonlyargs or \
            args.vararg or args.kwarg:
        return None
    body = list(node.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]  # the docstring stays
    value = _returned(body)
    if value is None or not body:
        return None
    start = offsets.at(body[0].lineno, body[0].col_offset)
    end = offsets.at(node.end_lineno or node.lineno, node.end_col_offset or 0)
    literal, why = _literal(value)
    value_start = offsets.at(value.lineno, value.col_offset)
    return Target(f"{node.name}()", "function", node.lineno, start, end, "", literal, why,
                  end - value_start, _data_like(value), value=value)


def _returned(body: list[ast.stmt]) -> ast.expr | None:
    """The value of `return VALUE`, or of `NAME = VALUE; return NAME`; else None."""
    if len(body) == 1 and isinstance(body[0], ast.Return):
        return body[0].value
    if len(body) != 2 or not isinstance(body[0], ast.Assign) or \
            not isinstance(body[1], ast.Return) or len(body[0].targets) != 1:
        return None
    (target,), returned = body[0].targets, body[1].value
    if isinstance(target, ast.Name) and isinstance(returned, ast.Name) and \
            returned.id == target.id:
        return body[0].value
    return None


def _literal(value: ast.expr) -> tuple[bool, str]:
    try:
        ast.literal_eval(value)
        return True, ""
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, why_not_literal(value)


def why_not_literal(value: ast.expr) -> str:
    """`line 2019 calls u()`, `line 12 names fully_qualified`, ... (the first, in order)."""
    nodes = sorted((n for n in ast.walk(value) if isinstance(n, ast.expr)),
                   key=lambda n: (n.lineno, n.col_offset))
    for node in nodes:
        if isinstance(node, ast.Call):
            return f"line {node.lineno} calls {_callee(node.func)}()"
        if isinstance(node, ast.Attribute):
            return f"line {node.lineno} reads {_callee(node)}"
        if isinstance(node, ast.Name) and node.id not in ("True", "False", "None"):
            return f"line {node.lineno} names {node.id}"
        if isinstance(node, ast.BinOp | ast.Subscript | ast.Compare):
            return f"line {node.lineno} computes a value ({type(node).__name__})"
    return f"line {value.lineno}: not a literal"


def _callee(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        inner = _callee(func.value) if isinstance(func.value, ast.Name | ast.Attribute) else \
            ("'...'" if isinstance(func.value, ast.Constant) else "(...)")
        return f"{inner}.{func.attr}"
    return "(...)"


def _data_like(value: ast.expr) -> bool:
    """Only literals, containers, calls, names, attributes of names, `+`, `-` and unpacking
    (`[*A, *B]`): the shapes detection counts as data (no lambda, comprehension, subscript,
    comparison). The scan advises `--evaluate` for `7 - 2` and `[*(1, 2)]`, so the
    extractor takes them with it (it refused them as no data binding at all)."""
    for node in ast.walk(value):
        if not isinstance(node, _DATA_NODES):
            return False
        if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.Add | ast.Sub):
            return False
    return True
