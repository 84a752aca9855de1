#!/usr/bin/env python3
"""tidy's import graph, read with `ast` (nothing is imported), and the layer rule it must keep.

    python scripts/import_graph.py            the layer table, the arrows between layers, cycles
    python scripts/import_graph.py --edges    every module's imports too
    python scripts/import_graph.py --check    exit 1 on a wrong arrow or a cycle (what
                                              tests/test_layers.py runs)
    python scripts/import_graph.py --map      every module, layer by layer, with the first
                                              line of its docstring: what it is for

Every `import` is an edge, wherever it sits: at module level, inside a function (lazy) or
under `if TYPE_CHECKING:` (typing). The layers, lowest first, are LAYERS below (and the table
in docs/ARCHITECTURE.md): a module may import its own layer's unit and lower layers, never a
higher layer nor another unit of its own layer. No cycle between modules is allowed either,
lazy imports included.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Lowest first. A layer is one or more units (a package or a top-level module); units of one
# layer do not import each other. `tidy` itself (tidy/__init__.py: __version__, and
# tidy/_dataclass_methods.py, which it installs first) sits in core.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("core", ("tidy.core", "tidy")),
    ("workspace", ("tidy.workspace",)),
    ("analysis", ("tidy.analysis",)),
    ("extract", ("tidy.extract",)),
    ("rules", ("tidy.rules",)),
    ("engine", ("tidy.engine", "tidy.trends")),
    ("fixes, reporters", ("tidy.fixes", "tidy.reporters")),
    ("precommit, watch, browse", ("tidy.precommit", "tidy.watch", "tidy.browse")),
    ("cli", ("tidy.cli",)),
    ("entry", ("tidy.__main__",)),
)
KINDS = ("eager", "lazy", "typing")  # module level / inside a function / under TYPE_CHECKING


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    line: int


def modules(package: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module under `package` (a folder named tidy)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    for stub in sorted(package.rglob("*.pyi")):  # a C extension: a module of its own
        if not stub.with_suffix(".py").exists():
            found.setdefault(".".join(stub.relative_to(package.parent).with_suffix("").parts),
                             stub)
    return found


def _targets(module: str, path: Path, node: ast.Import | ast.ImportFrom,
             known: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
            here = here[:len(here) - (node.level - 1)]
            base = ".".join(here + ([node.module] if node.module else []))
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                 for alias in node.names]
    found = []
    for name in names:
        if name.split(".")[0] != "tidy":
            continue
        while name not in known and "." in name:
            name = name.rsplit(".", 1)[0]
        if name != module:
            found.append(name)
    return found


Import = ast.Import | ast.ImportFrom


def _imports(tree: ast.AST, kind: str = "eager") -> Iterator[tuple[Import, str]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, kind
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), "typing")
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), kind)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _imports(node, "lazy" if kind == "eager" else kind)
        else:
            yield from _imports(node, kind)


def edges(package: Path) -> list[Edge]:
    known = modules(package)
    found: dict[Edge, None] = {}  # one edge per import statement and module it names
    for module, path in known.items():
        if path.suffix == ".pyi":
            continue  # a C extension's types: its imports are never run
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node, kind in _imports(tree):
            for target in _targets(module, path, node, known):
                found[Edge(module, target, kind, node.lineno)] = None
    return list(found)


def unit_of(module: str) -> str:
    """The layer unit a module belongs to (its longest matching unit name)."""
    units = [u for _, layer in LAYERS for u in layer if module == u or module.startswith(u + ".")]
    if not units:
        raise KeyError(f"{module}: in no layer (add it to LAYERS)")
    return max(units, key=len)


def rank_of(unit: str) -> int:
    return next(i for i, (_, layer) in enumerate(LAYERS) if unit in layer)


def wrong_arrows(found: list[Edge]) -> list[str]:
    """An import of a higher layer, or of another unit of the same layer."""
    problems = []
    for edge in found:
        source, target = unit_of(edge.source), unit_of(edge.target)
        if source == target:
            continue
        if rank_of(target) > rank_of(source):
            problems.append(f"{edge.source}:{edge.line} imports {edge.target} ({edge.kind}): "
                            f"{source} is below {target}")
        elif rank_of(target) == rank_of(source):
            problems.append(f"{edge.source}:{edge.line} imports {edge.target} ({edge.kind}): "
                            f"{source} and {target} are one layer's units")
    return problems


def cycles(found: list[Edge], kinds: tuple[str, ...] = ("eager", "lazy")) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for edge in found:
        if edge.kind in kinds:
            graph[edge.source].add(edge.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found_sccs: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            advanced = False
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found_sccs.append(sorted(component))
    return found_sccs


def layer_table(package: Path, found: list[Edge]) -> str:
    known = modules(package)
    count: dict[str, int] = defaultdict(int)
    for module in known:
        count[unit_of(module)] += 1
    uses: dict[str, set[str]] = defaultdict(set)
    for edge in found:
        source, target = unit_of(edge.source), unit_of(edge.target)
        if source != target:
            uses[source].add(target)
    lines = ["| layer | units | modules | imports from |", "| --- | --- | --- | --- |"]
    for name, layer in reversed(LAYERS):
        for unit in layer:
            below = ", ".join(sorted(_short(u) for u in uses[unit])) or "-"
            lines.append(f"| {name} | `{_short(unit)}` | {count[unit]} | {below} |")
    return "\n".join(lines)


def purpose(path: Path) -> str:
    """The first line of a module's docstring: what the module is for ("" when it has none;
    tests/test_layers.py requires one of every module but package markers)."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"), str(path))) or ""
    return doc.split("\n", 1)[0].strip()


def module_map(package: Path) -> str:
    """Every module under its layer and unit, with its purpose: the folder tree, explained."""
    known = modules(package)
    lines = []
    for name, layer in LAYERS:
        lines.append(f"{name}:")
        for unit in layer:
            for module in sorted(m for m in known if unit_of(m) == unit):
                text = purpose(known[module])
                lines.append(f"  {module:<42} {text}" if text else f"  {module}")
    return "\n".join(lines)


def _short(unit: str) -> str:
    return "__init__" if unit == "tidy" else unit.removeprefix("tidy.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", nargs="?", default=str(Path(__file__).parent.parent / "tidy"))
    parser.add_argument("--edges", action="store_true", help="list every module's imports")
    parser.add_argument("--check", action="store_true", help="exit 1 on a problem")
    parser.add_argument("--map", action="store_true",
                        help="print every module with the first line of its docstring")
    args = parser.parse_args(argv)
    package = Path(args.package)
    if args.map:
        print(module_map(package))
        return 0
    found = edges(package)
    if args.edges:
        by_source: dict[str, list[Edge]] = defaultdict(list)
        for edge in found:
            by_source[edge.source].append(edge)
        for source in sorted(by_source):
            targets = sorted({(e.target, e.kind) for e in by_source[source]})
            print(f"{source} -> " + ", ".join(f"{t} ({k})" for t, k in targets))
        print()
    problems = wrong_arrows(found)
    loops = cycles(found)
    print(layer_table(package, found))
    print(f"\n{len(modules(package))} modules, {len(found)} imports "
          f"({', '.join(f'{sum(e.kind == k for e in found)} {k}' for k in KINDS)})")
    print(f"wrong arrows: {len(problems)}")
    for problem in problems:
        print(f"  {problem}")
    print(f"cycles: {len(loops)}")
    for loop in loops:
        print(f"  {' <-> '.join(loop)}")
    return 1 if args.check and (problems or loops) else 0


if __name__ == "__main__":
    sys.exit(main())
