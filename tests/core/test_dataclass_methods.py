"""tidy's dataclasses compile their generated methods but __init__ at first call
(tidy/_dataclass_methods.py): the same behaviour as Python's own, without the start-up's
compiles of methods a run never calls."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tidy  # noqa: F401  (installs the deferral, as any import of tidy does)
from tidy import _dataclass_methods

_DEFERS = hasattr(dataclasses, "_create_fn")  # 3.11, 3.12; 3.13 batches its compiles itself

# Classes of every kind the deferral touches: frozen (its __setattr__, __delattr__, __hash__),
# ordered, unsafe_hash, slots, a field left out of repr and compare, inheritance, recursion.
_SOURCE = '''
from __future__ import annotations
import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    """A frozen pair."""
    x: int
    y: int = 0


@dataclass(frozen=True)
class Point3(Point):
    """A subclass adding a field."""
    z: int = 0


@dataclass(order=True)
class Ranked:
    """Ordered, mutable: no hash."""
    rank: int
    name: str = field(default="", compare=False)
    hidden: str = field(default="h", repr=False)


@dataclass(unsafe_hash=True)
class Keyed:
    """Mutable with a hash anyway."""
    key: str
    items: list[int] = field(default_factory=list, hash=False)


@dataclass(frozen=True, slots=True)
class Slotted:
    """Frozen with slots (dataclasses makes a new class)."""
    a: int
    b: str = "b"


@dataclass
class Node:
    """May hold itself: repr's recursion guard."""
    value: int
    child: object = None
'''


def _module(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module  # dataclasses reads the class's module's globals from here
    exec(compile(_SOURCE, f"<{name}>", "exec"), module.__dict__)
    return module


@pytest.fixture(scope="module")
def pair() -> Iterator[tuple[types.ModuleType, types.ModuleType]]:
    """The same classes made twice: in a tidy module (deferred) and elsewhere (Python's own)."""
    deferred, eager = _module("tidy._probe_deferred"), _module("probe_eager_dataclasses")
    yield deferred, eager
    del sys.modules["tidy._probe_deferred"], sys.modules["probe_eager_dataclasses"]


def _outcome(call: Any) -> tuple[str, Any]:
    try:
        return "value", call()
    except Exception as error:  # the error is the outcome compared
        return type(error).__name__, str(error)


@pytest.mark.skipif(not _DEFERS, reason="dataclasses compiles a class's methods at once here")
def test_a_tidy_class_holds_stubs_until_called_and_the_method_after(
        pair: tuple[types.ModuleType, types.ModuleType]) -> None:
    deferred, eager = pair
    for name in ("__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert deferred.Point.__dict__[name].__code__.co_name == "method"
        assert eager.Point.__dict__[name].__code__.co_name == name
    assert deferred.Point.__dict__["__init__"].__code__.co_name == "__init__"
    stub = deferred.Point.__dict__["__eq__"]
    assert deferred.Point(1, 2) == deferred.Point(1, 2)
    real = deferred.Point.__dict__["__eq__"]
    assert real is not stub and real.__code__.co_name == "__eq__"
    assert real.__qualname__ == eager.Point.__dict__["__eq__"].__qualname__ == "Point.__eq__"


@given(x=st.integers(), y=st.integers(), z=st.integers(), other=st.integers())
def test_frozen_classes_behave_as_pythons_own(
        pair: tuple[types.ModuleType, types.ModuleType], x: int, y: int, z: int,
        other: int) -> None:
    outcomes = []
    for module in pair:
        point, point3 = module.Point(x, y), module.Point3(x, y, z)
        outcomes.append([
            repr(point), repr(point3), point == module.Point(x, y), point == module.Point(other),
            point3 == module.Point3(x, y, z), point == point3, point != (x, y),
            point.__eq__((x, y)), hash(point) == hash(module.Point(x, y)),
            hash(point3) == hash((x, y, z)), hash(point) == hash((x, y)),
            _outcome(lambda p=point: setattr(p, "x", other)),
            _outcome(lambda p=point3: delattr(p, "z")),
            _outcome(lambda p=point: setattr(p, "new", 1)),
            dataclasses.replace(point3, z=other) == module.Point3(x, y, other),
            dataclasses.astuple(point3)])
    assert outcomes[0] == outcomes[1]


@given(rank=st.integers(), other=st.integers(), name=st.text(max_size=5),
       items=st.lists(st.integers(), max_size=3))
def test_ordered_hashed_and_slotted_classes_behave_as_pythons_own(
        pair: tuple[types.ModuleType, types.ModuleType], rank: int, other: int, name: str,
        items: list[int]) -> None:
    outcomes = []
    for module in pair:
        ranked, keyed = module.Ranked(rank, name), module.Keyed(name, items)
        slotted = module.Slotted(rank, name)
        outcomes.append([
            repr(ranked), ranked < module.Ranked(other), ranked <= module.Ranked(other),
            ranked > module.Ranked(other), ranked >= module.Ranked(other),
            ranked == module.Ranked(rank, name + "x"), module.Ranked.__hash__ is None,
            _outcome(lambda r=ranked: r < (rank,)), repr(keyed),
            hash(keyed) == hash((name,)), keyed == module.Keyed(name, []),
            repr(slotted), slotted == module.Slotted(rank, name),
            hash(slotted) == hash((rank, name)),
            _outcome(lambda s=slotted: setattr(s, "a", other)),
            _outcome(lambda s=slotted: setattr(s, "c", other)),
            not hasattr(slotted, "__dict__")])
    assert outcomes[0] == outcomes[1]


def test_a_subclass_calling_first_puts_the_method_on_the_class_that_made_it() -> None:
    module = _module("tidy._probe_subclass_first")
    try:
        plain = type("Plain", (module.Point,), {"__module__": "elsewhere"})
        if _DEFERS:
            assert module.Point.__dict__["__hash__"].__code__.co_name == "method"
        assert hash(plain(1, 2)) == hash((1, 2))
        assert module.Point.__dict__["__hash__"].__code__.co_name == "__hash__"
        assert "__hash__" not in plain.__dict__
        assert hash(module.Point(1, 2)) == hash((1, 2))
        assert (plain(1, 2) == module.Point(1, 2)) is False  # another class: not equal
    finally:
        del sys.modules["tidy._probe_subclass_first"]


def test_a_recursive_repr_is_guarded_as_pythons_own(
        pair: tuple[types.ModuleType, types.ModuleType]) -> None:
    texts = []
    for module in pair:
        node = module.Node(1)
        node.child = node
        texts.append(repr(node))
        texts.append(repr(node))  # the second call: the compiled method kept by the stub
    assert texts[0] == texts[1] == texts[2] == texts[3] == "Node(value=1, child=...)"


def test_installing_again_wraps_once() -> None:
    assert _dataclass_methods.install() is False
    if _DEFERS:
        assert getattr(dataclasses._create_fn, "_tidy_deferred", False)


def test_a_scans_start_up_compiles_only_the_init_of_tidys_dataclasses() -> None:
    """Before its walk a scan made 82 dataclasses and compiled each generated method with an
    exec of its own: 432 (~55 ms of CPU, before the workers fork). Only the 82 __init__ now;
    the rest where a run calls them (a warm 250k scan: 4)."""
    probe = ("import collections, sys\n"
             "made = collections.Counter()\n"
             "def hook(event, args):\n"
             "    if event != 'exec' or getattr(args[0], 'co_name', '') != '<module>':\n"
             "        return\n"
             "    for outer in args[0].co_consts:\n"
             "        if getattr(outer, 'co_name', '') == '__create_fn__':\n"
             "            made.update(c.co_name for c in outer.co_consts\n"
             "                        if hasattr(c, 'co_name'))\n"
             "sys.addaudithook(hook)\n"
             "import tidy.cli.scan, tidy.engine, tidy.rules.registry\n"
             "import tidy.workspace.pool, tidy.workspace.walk\n"
             "tidy.engine._early_imports()\n"
             "tidy.cli.scan._load_what_follows([('json', None)])\n"
             "print(repr(sorted(made)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    compiled = ast.literal_eval(done.stdout.strip())
    assert set(compiled) <= {"__init__"}
