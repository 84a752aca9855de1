"""Why `tidy extract` refuses a module whatever its data (its namespace read as a whole, the
loader's private names already used), worded once for the extractor's refusal and the scan's
advice: the scan must never offer an extraction the extractor then refuses (hanziconv's
runtests.py, a TDY302 string beside `locals()`: offered, then refused).

`extraction_refusal(...)` is the judgement's side, for a module it reports: a regex over the
module's code at C speed, and the exact check below (an ast parse) only when it finds a
hint. The extractor runs the same checks on its own parse (tidy/extract/plan.py).
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

_NAMESPACE_CALLS = ("globals", "vars", "dir", "locals")
# What could make either check below refuse: a call of one of the namespace functions,
# `sys.modules[...]`, or a name starting `_tidy`/`_TIDY_LAZY` (a hint, not the check)
_HINT = re.compile(rb"(?<![\w.])(?P<call>globals|vars|dir|locals)[ \t\r\n\\]*\(|"
                   rb"modules[ \t\r\n\\]*\[|_tidy|_TIDY_LAZY")
_NEEDLES = (b"globals", b"vars", b"dir", b"locals", b"modules", b"_tidy", b"_TIDY_LAZY")
# A module tidy extract already rewrote: the extractor reports it up to date, not refused
_MANIFEST = b"# tidy-extract: "


@dataclass(frozen=True)
class Region:
    """Bytes of the module where a hint counts: a statement not judged data. In a top-level
    function (`in_def`), vars()/dir()/locals() read the function's own namespace."""

    start: int
    end: int
    in_def: bool = False


def extraction_refusal(data: bytes, regions: Iterable[Region], names: Iterable[str],
                       values: Iterable[tuple[int, int]]) -> str:
    """Why tidy extract would refuse the module whatever is asked of it, or "". Only the
    regions (the module's code) are searched for a hint, and `names` (what its data values
    call or name): a 49 MB table whose strings say `dir(` is not parsed for that. When a
    hint is found, the exact check parses the module with its data `values` (spans) blanked
    out, lines kept: what it looks at is code, and seaborn's cm.py (`locals()[_name] = _cmap`
    after 1,500 lines of tables) costs a parse of its loop, not of its tables. A hint in the
    data values themselves parses the whole module, as the extractor does."""
    if _MANIFEST in data:
        return ""
    whole = _named(names)
    if not whole and not any(_hinted(data, r) for r in regions):
        return ""
    try:
        tree = ast.parse(data if whole else _skeleton(data, values))
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return ""  # the extractor says why in its own words
    return module_refusal(tree)[0]


def syntax_refusal(data: bytes, values: Iterable[tuple[int, int]]) -> str:
    """The extractor's parse error ("line 17078: Missing parentheses in call to 'print'...")
    for a reported module whose code Python 3 refuses, or "". Any syntax the extractor's
    parse refuses counts (a print/exec statement, `except E, e:`, backticks, `0777`, `10L`,
    `ur''`, `<>`, `raise E, "msg"`, tabs mixed with spaces): the module is parsed with its data
    values blanked (_skeleton), so the cost is its code's, not its tables', and only for the
    few modules the judge reports (a hint prefilter missed every Python 2 shape but two).
    `values` are the spans to blank (the judge's choice: judge._refusal). A value is blanked
    to one line first (counting a 3 MB table's newlines, and parsing them, cost emoji's
    data_dict.py 1.6 ms a scan); only a module that fails is parsed again with its lines kept,
    for the line number the extractor says (newlines inside brackets change no parse)."""
    spans = sorted(values)
    if _parse_error(_skeleton(data, spans, keep_lines=False)) is None:
        return ""
    error = _parse_error(_skeleton(data, spans))
    return "" if error is None else f"line {error.lineno}: {error.msg}"


def _parse_error(source: bytes) -> SyntaxError | None:
    """Python 3's parse error of `source` (TabError and IndentationError too), or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `"\d"` warns at parse: the scan must stay quiet
            ast.parse(source)
    except SyntaxError as error:
        return error
    except (ValueError, MemoryError, RecursionError):
        return None  # not the extractor's parse error: it says its own words
    return None


def _skeleton(data: bytes, values: Iterable[tuple[int, int]], keep_lines: bool = True) -> bytes:
    """The module with each value span as `(None)`, over as many lines (line numbers kept)
    unless `keep_lines` is False."""
    pieces: list[bytes] = []
    pos = 0
    for start, end in sorted(values):
        if start < pos:
            continue
        lines = data.count(b"\n", start, end) if keep_lines else 0
        pieces += [data[pos:start], b"(None" + b"\n" * lines + b")"]
        pos = end
    pieces.append(data[pos:])
    return b"".join(pieces)


def _named(names: Iterable[str]) -> bool:
    return any(n in _NAMESPACE_CALLS or n.startswith("_tidy") or n == "_TIDY_LAZY"
               for n in names)


def _hinted(data: bytes, region: Region) -> bool:
    """A hint in the region: each needle found at memchr speed, then matched where found (the
    regex alone, with its lookbehind, tries every position: 1.6 ms on num2words' 36 kB
    TestCase)."""
    for needle in _NEEDLES:
        at = data.find(needle, region.start, region.end)
        while at >= 0:
            match = _HINT.match(data, at, region.end)
            if match is not None and not (region.in_def and
                                          match.group("call") not in (None, b"globals")):
                return True
            at = data.find(needle, at + 1, region.end)
    return False


def module_refusal(tree: ast.Module) -> tuple[str, bool]:
    """(why the module cannot be extracted exactly, or ""; whether it reads its namespace by
    key, which makes every moved name eager)."""
    reads, keyed = namespace_reads(tree)
    if reads:
        return (f"the module reads its own namespace as a whole ({', '.join(reads[:3])}): "
                "the loader's private names would change what it sees", keyed)
    return private_name_refusal(tree), keyed


def namespace_reads(tree: ast.Module) -> tuple[list[str], bool]:
    """(`line N: globals()` for each read of the module's whole namespace, whether it reads
    it by key). A keyed read (`globals()[name]`, `.get(name)`, `name in globals()`,
    `sys.modules[__name__].NAME`) sees every moved name when all are bound eagerly; a read of
    the whole (iterating it, `dir()`, passing the dict or module on) would also see the
    loader's private names: refused."""
    found: list[str] = []
    keyed = False
    top_level = set(_module_level_nodes(tree))
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in _NAMESPACE_CALLS and not node.args:
            if node.func.id != "globals" and id(node) not in top_level:
                continue  # vars()/dir()/locals() inside a function: that function's own
            if node.func.id != "dir" and _by_key(node, parents):
                keyed = True
            else:
                found.append(f"line {node.lineno}: {node.func.id}()")
        elif isinstance(node, ast.Subscript) and _is_own_module(node):
            if _by_key(node, parents):
                keyed = True
            else:
                found.append(f"line {node.lineno}: sys.modules[__name__]")
    return found, keyed


def _by_key(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return True
    if isinstance(parent, ast.Attribute) and parent.value is node:
        if isinstance(node, ast.Subscript):
            return True  # sys.modules[__name__].NAME
        grand = parents.get(id(parent))
        return parent.attr == "get" and isinstance(grand, ast.Call) and grand.func is parent
    if isinstance(parent, ast.Compare) and node in parent.comparators:
        return all(isinstance(op, ast.In | ast.NotIn) for op in parent.ops)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and \
            parent.func.id in ("getattr", "hasattr") and parent.args[:1] == [node]:
        return isinstance(node, ast.Subscript)
    return False


def _module_level_nodes(tree: ast.Module) -> list[int]:
    """ids of nodes that run at module level (not inside a def, lambda or class body's def)."""
    out: list[int] = []
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        out.append(id(node))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def _is_own_module(node: ast.Subscript) -> bool:
    value, key = node.value, node.slice
    return (isinstance(value, ast.Attribute) and value.attr == "modules"
            and isinstance(value.value, ast.Name) and value.value.id == "sys"
            and isinstance(key, ast.Name) and key.id == "__name__")


def private_name_refusal(tree: ast.Module) -> str:
    for node in ast.walk(tree):
        name = node.id if isinstance(node, ast.Name) else (
            node.name if isinstance(node, ast.FunctionDef | ast.ClassDef) else "")
        if name.startswith("_tidy") or name == "_TIDY_LAZY":
            return (f"line {getattr(node, 'lineno', 0)}: the module already uses the name "
                    f"{name}, which tidy's loader needs")
    return ""
