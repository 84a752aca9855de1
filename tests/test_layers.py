"""The layers of docs/ARCHITECTURE.md hold: read from the source with `ast` (nothing imported).

core <- workspace <- analysis <- extract <- rules <- engine/trends <- fixes/reporters
<- precommit/watch/browse <- cli: no import runs from a lower layer to a higher one or
sideways between one layer's units, no import cycle (lazy imports included), rules and
analysis read nothing themselves, reporters take only the registry's metadata from rules.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tidy"


def _graph_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph",
                                                  ROOT / "scripts" / "import_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


graph = _graph_script()
EDGES = graph.edges(PACKAGE)


def test_every_module_is_in_a_layer() -> None:
    for module in graph.modules(PACKAGE):
        graph.unit_of(module)  # raises for a module no layer holds


def test_every_module_says_what_it_is_for() -> None:
    """`scripts/import_graph.py --map` explains the folder tree with each module's first
    docstring line (docs/ARCHITECTURE.md points there): none may be missing."""
    silent = [name for name, path in graph.modules(PACKAGE).items() if not graph.purpose(path)]
    assert silent == []


def test_no_import_runs_up_or_sideways() -> None:
    assert graph.wrong_arrows(EDGES) == []


def test_no_import_cycle_even_through_lazy_imports() -> None:
    assert graph.cycles(EDGES, ("eager", "lazy")) == []


def test_the_checker_sees_a_wrong_arrow_and_a_cycle() -> None:
    """The check itself, on edges made by hand: it must not pass vacuously."""
    edge = graph.Edge
    up = [edge("tidy.core.models", "tidy.rules.base", "lazy", 1)]
    sideways = [edge("tidy.fixes.plan", "tidy.reporters.text", "eager", 1)]
    loop = [edge("tidy.rules.a", "tidy.rules.b", "lazy", 1),
            edge("tidy.rules.b", "tidy.rules.a", "eager", 1)]
    assert len(graph.wrong_arrows(up + sideways)) == 2
    assert graph.cycles(loop) == [["tidy.rules.a", "tidy.rules.b"]]
    assert graph.cycles(loop, ("eager",)) == []


def test_at_most_four_flat_modules() -> None:
    flat = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(flat) <= 4, flat


# What rules and analysis may not do themselves: open files, list folders, stat, start
# processes. They ask tidy.workspace (called or handed in).
_READS = {"open", "os.open", "os.listdir", "os.scandir", "os.stat", "os.lstat", "os.walk",
          "os.path.exists", "os.path.lexists", "os.path.isdir", "os.path.isfile",
          "os.path.islink", "os.path.getsize"}
# None: the content pass (tidy/workspace/content.py) reads for data in code too (issue 16).
_READS_ALLOWED: set[str] = set()


def _reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in _READS:
            found.append(f"{ast.unparse(node.func)} at line {node.lineno}")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                node.module or ""]
            found += [f"import {n} at line {node.lineno}" for n in names
                      if n.split(".")[0] == "subprocess"]
    return found


@pytest.mark.parametrize("layer", ["rules", "analysis"])
def test_rules_and_analysis_read_nothing_themselves(layer: str) -> None:
    offenders = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        if rel in _READS_ALLOWED:
            continue
        reads = _reads(path)
        if reads:
            offenders[rel] = reads
    assert offenders == {}


def test_the_read_check_sees_reads() -> None:
    sample = PACKAGE / "workspace" / "measure.py"  # reads, as workspace may
    assert any(r.startswith("os.lstat") for r in _reads(sample))


def test_reporters_take_only_the_registry_from_rules() -> None:
    taken = {e.target for e in EDGES
             if graph.unit_of(e.source) == "tidy.reporters" and graph.unit_of(e.target)
             == "tidy.rules"}
    assert taken <= {"tidy.rules.registry"}


def test_only_the_cli_imports_click() -> None:
    """cli/ parses and prints; the layers below return values and raise their own errors
    (a click.UsageError raised in precommit/ would tie it to one front end)."""
    importers: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).parts
        if rel[0] == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "click" for n in names):
                importers.append(str(path.relative_to(ROOT)))
    assert importers == []
