"""A module's whole namespace, as a fresh interpreter sees it, in a type-exact canonical form
written for the tests (not tidy's encoder or verify.py).

`snapshot(root, dotted)` imports the module in a new process and returns what `vars()` held
right after the import (names, in order) and a canonical form of every name: the exact type
of every node, floats by bit pattern, dict order, sets sorted, and a mutable object (list,
dict, set, bytearray) reached a second time written as a reference to where it was first seen,
so `B = A` differs from two equal copies. With `names`, those are read with getattr first
(lazy names load), in that order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# What tidy's loader stub adds to a module's namespace (tidy/extract/stub.py).
LOADER_NAMES = frozenset({"_tidy_builtins", "_tidy_cache", "_tidy_data", "_tidy_decode",
                          "_tidy_read", "_tidy_untag", "_tidy_fresh", "_TidyAny", "_TIDY_LAZY",
                          "__getattr__", "__dir__"})

_SNAPSHOT = r"""
import importlib, json, re, struct, sys, types
sys.dont_write_bytecode = True
sys.setrecursionlimit(10000)
sys.path.insert(0, sys.argv[1])
module = importlib.import_module(sys.argv[2])
at_import = list(vars(module))
SKIP = {"__builtins__", "__cached__", "__file__", "__loader__", "__spec__", "__name__",
        "__package__", "__path__"}
CLASS_SKIP = {"__dict__", "__weakref__", "__module__", "__firstlineno__",
              "__static_attributes__"}
seen = {}
keep = []

def name_of(t):
    return t.__module__ + "." + t.__qualname__

def fixed(v):
    # hashes the same in every process: such a set iterates in one order everywhere
    if type(v) in (int, bool, float, complex):
        return True
    return type(v) in (tuple, frozenset) and all(fixed(x) for x in v)

def canon(v, path):
    t = type(v)
    n = name_of(t)
    if isinstance(v, (list, dict, set, bytearray)):
        if id(v) in seen:
            return ["ref", seen[id(v)]]
        seen[id(v)] = path
        keep.append(v)
    if v is None or v is ... or t is bool:
        return [n, repr(v)]
    if isinstance(v, int):
        return [n, hex(v)]
    if isinstance(v, float):
        return [n, struct.pack("<d", v).hex()]
    if isinstance(v, complex):
        return [n, struct.pack("<dd", v.real, v.imag).hex()]
    if isinstance(v, str):
        return [n, v]
    if isinstance(v, (bytes, bytearray)):
        return [n, bytes(v).hex()]
    if isinstance(v, (list, tuple)):
        return [n, [canon(x, f"{path}[{i}]") for i, x in enumerate(v)]]
    if isinstance(v, dict):
        return [n, [[canon(k, path + " key"), canon(x, f"{path}[{k!r}]")] for k, x in v.items()]]
    if isinstance(v, (set, frozenset)):
        items = [json.dumps(canon(x, path + " element")) for x in v]
        return [n, items if all(fixed(x) for x in v) else sorted(items)]
    if isinstance(v, type):
        if v.__module__ != module.__name__:
            return ["class", name_of(v)]
        return ["class", v.__qualname__, [[k, canon(x, f"{path}.{k}")]
                                           for k, x in vars(v).items() if k not in CLASS_SKIP]]
    if isinstance(v, (types.FunctionType, types.BuiltinFunctionType, types.ModuleType)):
        return [n, getattr(v, "__qualname__", getattr(v, "__name__", ""))]
    return [n, re.sub(r" at 0x[0-9a-f]+", "", repr(v))]

names = json.loads(sys.argv[3])
values = {}
for name in names:
    values[name] = canon(getattr(module, name), name)
for name in list(vars(module)):
    if name not in SKIP and name not in values:
        values[name] = canon(vars(module)[name], name)
sys.stdout.write(json.dumps({"at_import": at_import, "values": values}, ensure_ascii=True))
"""


def snapshot(root: Path, dotted: str, names: list[str] | None = None) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", _SNAPSHOT, str(root), dotted,
                           json.dumps(names or [])], capture_output=True, text=True,
                          check=False, cwd=root,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
                               "PYTHONHASHSEED": "0"})
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Every way the module after extraction differs from before, in words ([] = exact):
    a name whose value, type or sharing differs, a name missing, a name added that is not
    the loader's, a name bound at import before that is neither bound nor lazy now."""
    found = []
    old, new = before["values"], after["values"]
    for name, value in old.items():
        if name not in new:
            found.append(f"{name} is missing")
        elif new[name] != value:
            found.append(f"{name} differs")
    found += [f"{name} was added" for name in new if name not in old and
              name not in LOADER_NAMES]
    return found
