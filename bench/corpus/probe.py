"""Import one module in a fresh interpreter and fingerprint every top-level name, type-exactly.

usage: PYTHONHASHSEED=0 python -B -s -P probe.py ROOT DOTTED OUT.json [--names NAMES.json]
       [--explain NAME,... DIR]

Run by the corpus virtualenv's interpreter (standard library only). ROOT goes first on sys.path,
so the copy under ROOT is imported, not the installed package; the module's __file__ is checked.

Each name gets the sha256 of a canonical token stream of its value:
- the exact type of every node (bool is not int, tuple is not list, OrderedDict is not dict,
  subclasses by module and qualified name), floats by their bit pattern, ints in full;
- lists, tuples and dicts in order (dict keys are walked too); sets and frozensets as the
  digests of their elements, in iteration order for numbers (the same in every process),
  else sorted (the order of str/bytes/None elements depends on the process);
- shared mutable objects: the second time an object is reached (in the same name or a later
  one) it is written as a reference to the first path, so an extraction that turns one shared
  dict into two equal copies differs;
- classes defined in the module: their attributes in definition order (class-attribute tables);
  other classes, functions and modules: by qualified name; objects: their type, then their
  __dict__ and __slots__ values (numpy arrays: dtype, shape and bytes); standard-library objects
  without a data layout (loggers, locks, ...): type and a repr without addresses.
With --names (the names of an earlier probe), each of them is fetched with getattr first, so a
name that an extraction made lazy (module __getattr__) is loaded and compared like any other.
--explain writes the token stream of the given names, one `path<TAB>token` line each, to DIR.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import struct
import sys
import time
import types
from collections.abc import Callable
from typing import Any

SKIP = frozenset({"__builtins__", "__cached__", "__file__", "__loader__", "__spec__",
                  "__name__", "__package__", "__path__"})
_CLASS_SKIP = frozenset({"__dict__", "__weakref__", "__module__", "__firstlineno__",
                         "__static_attributes__"})
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_IMMUTABLE = (str, bytes, int, float, complex, bool, type(None), tuple, frozenset)
_STDLIB: frozenset[str] = getattr(sys, "stdlib_module_names", frozenset())
_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
              types.BuiltinMethodType, types.MethodWrapperType, types.WrapperDescriptorType,
              types.MethodDescriptorType, types.ClassMethodDescriptorType)
MAX_DEPTH = 3000


def _tname(t: type) -> str:
    return f"{t.__module__}.{t.__qualname__}"


def _text_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


class Canon:
    """One canonical walk; `emit(path, token)` receives the stream."""

    def __init__(self, module: str, emit: Callable[[str, str], None]) -> None:
        self.module = module
        self.emit = emit
        self.seen: dict[int, str] = {}
        self.alive: list[object] = []  # ids stay unique while the walk runs

    def _shared(self, value: object, path: str) -> bool:
        key = id(value)
        if key in self.seen:
            self.emit(path, f"ref:{self.seen[key]}")
            return True
        self.seen[key] = path
        self.alive.append(value)
        return False

    def walk(self, value: Any, path: str, depth: int = 0) -> None:  # one dispatch, every kind
        if depth > MAX_DEPTH:
            self.emit(path, "too-deep")
            return
        t = type(value)
        name = _tname(t)
        if value is None or t is bool:
            self.emit(path, f"{name}:{value!r}")
        elif isinstance(value, int) and not isinstance(value, bool):
            extra = f":{value.name}" if hasattr(value, "name") and t is not int else ""
            self.emit(path, f"{name}:{int(value):x}{extra}")
        elif isinstance(value, float):
            self.emit(path, f"{name}:{struct.pack('<d', value).hex()}")
        elif isinstance(value, complex):
            bits = struct.pack("<dd", value.real, value.imag).hex()
            self.emit(path, f"{name}:{bits}")
        elif isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            self.emit(path, f"{name}:{len(value)}:{_text_digest(data)}:{value[:60]!r}")
        elif isinstance(value, (bytes, bytearray)):
            if isinstance(value, bytearray) and self._shared(value, path):
                return
            self.emit(path, f"{name}:{len(value)}:{_text_digest(bytes(value))}")
        elif isinstance(value, re.Pattern):
            self.emit(path, f"{name}:flags={value.flags}")
            self.walk(value.pattern, path + ".pattern", depth + 1)
        elif isinstance(value, types.ModuleType):
            self.emit(path, f"module:{value.__name__}")
        elif isinstance(value, _FUNCTIONS):
            owner = getattr(value, "__module__", None)
            self.emit(path, f"{name}:{owner}.{getattr(value, '__qualname__', '?')}")
        elif isinstance(value, (staticmethod, classmethod)):
            self.emit(path, name)
            self.walk(value.__func__, path + ".__func__", depth + 1)
        elif isinstance(value, property):
            fget = value.fget
            self.emit(path, f"{name}:{getattr(fget, '__qualname__', None)}")
        elif isinstance(value, type):
            self._class(value, path, depth)
        elif isinstance(value, (list, tuple)):
            if not isinstance(value, _IMMUTABLE) and self._shared(value, path):
                return
            self.emit(path, f"{name}[{len(value)}")
            for index, item in enumerate(value):
                self.walk(item, f"{path}[{index}]", depth + 1)
            self._extra_attrs(value, path, depth)
            self.emit(path, "]")
        elif isinstance(value, dict):
            if self._shared(value, path):
                return
            self.emit(path, f"{name}{{{len(value)}")
            factory = getattr(value, "default_factory", None)
            if factory is not None:
                self.walk(factory, path + ".default_factory", depth + 1)
            for key, item in value.items():
                label = repr(key)[:40]
                self.walk(key, f"{path}<key {label}>", depth + 1)
                self.walk(item, f"{path}[{label}]", depth + 1)
            self.emit(path, "}")
        elif isinstance(value, (set, frozenset)):
            if isinstance(value, set) and self._shared(value, path):
                return
            digests = [digest_of(item, self.module) for item in value]
            if not all(_fixed_hash(item) for item in value):
                digests.sort()  # str/bytes/None hashes differ per process: so does the order
            self.emit(path, f"{name}{{{len(value)}:{_text_digest(''.join(digests).encode())}")
        elif hasattr(value, "tobytes") and hasattr(value, "dtype") and hasattr(value, "shape"):
            if self._shared(value, path):
                return
            raw = value.tobytes()
            self.emit(path, f"{name}:{value.dtype}:{tuple(value.shape)}:{_text_digest(raw)}")
        else:
            self._object(value, name, path, depth)

    def _extra_attrs(self, value: Any, path: str, depth: int) -> None:
        """A list/tuple subclass instance may carry attributes (namedtuples do not)."""
        attrs = getattr(value, "__dict__", None)
        if isinstance(attrs, dict) and attrs:
            for key, item in attrs.items():
                self.walk(item, f"{path}.{key}", depth + 1)

    def _class(self, cls: type, path: str, depth: int) -> None:
        if cls.__module__ != self.module:
            self.emit(path, f"class:{_tname(cls)}")
            return
        if self._shared(cls, path):
            return
        self.emit(path, f"class:{cls.__qualname__}{{")
        for key, item in vars(cls).items():
            if key in _CLASS_SKIP:
                continue
            self.emit(path, f"attr:{key}")
            self.walk(item, f"{path}.{key}", depth + 1)
        self.emit(path, "}")

    def _object(self, value: Any, name: str, path: str, depth: int) -> None:
        if self._shared(value, path):
            return
        top = type(value).__module__.split(".")[0]
        attrs = getattr(value, "__dict__", None)
        slots = [s for cls in type(value).__mro__ for s in _slot_names(cls)]
        if top in _STDLIB and top not in ("collections", "enum", "dataclasses", "decimal",
                                          "fractions", "datetime", "array", "typing"):
            self.emit(path, f"obj:{name}:{_ADDRESS.sub('', repr(value))[:200]}")
            return
        if not isinstance(attrs, dict) and not slots:
            self.emit(path, f"obj:{name}:{_ADDRESS.sub('', repr(value))}")
            return
        self.emit(path, f"obj:{name}(")
        if isinstance(attrs, dict):
            for key, item in attrs.items():
                self.emit(path, f"attr:{key}")
                self.walk(item, f"{path}.{key}", depth + 1)
        for slot in slots:
            if slot in ("__dict__", "__weakref__") or not hasattr(value, slot):
                continue
            self.emit(path, f"slot:{slot}")
            self.walk(getattr(value, slot), f"{path}.{slot}", depth + 1)
        self.emit(path, ")")


def _fixed_hash(value: Any) -> bool:
    """Hashes the same in every process (numbers, tuples of them): a set of such elements
    iterates in one order everywhere, and code iterating it sees that order."""
    if type(value) in (int, bool, float, complex):
        return True
    return type(value) in (tuple, frozenset) and all(_fixed_hash(item) for item in value)


def _slot_names(cls: type) -> list[str]:
    slots = cls.__dict__.get("__slots__", ())
    if isinstance(slots, str):
        return [slots]
    try:
        return [s for s in slots if isinstance(s, str)]
    except TypeError:
        return []


def digest_of(value: Any, module: str) -> str:
    """The digest of one value on its own (set elements)."""
    digest = hashlib.sha256()

    def emit(_path: str, token: str) -> None:
        digest.update(token.encode("utf-8", "surrogatepass") + b"\n")

    Canon(module, emit).walk(value, "")
    return digest.hexdigest()


def digest_names(values: dict[str, Any], module: str, explain_names: list[str],
                 explain_dir: str) -> dict[str, dict[str, str]]:
    """One walk over every name in order, so an object shared by two names (`B = A`) is a
    reference in the second; the token streams of `explain_names` also go to explain_dir."""
    canon = Canon(module, lambda _path, _token: None)
    names: dict[str, dict[str, str]] = {}
    for name, value in values.items():
        digest = hashlib.sha256()
        sink = None
        if name in explain_names:
            os.makedirs(explain_dir, exist_ok=True)
            sink = open(os.path.join(explain_dir, name + ".txt"), "w", encoding="utf-8",  # noqa: SIM115
                        errors="surrogatepass")

        def emit(path: str, token: str, digest: Any = digest, sink: Any = sink) -> None:
            digest.update(token.encode("utf-8", "surrogatepass") + b"\n")
            if sink is not None:
                sink.write(f"{path}\t{token}\n")

        canon.emit = emit
        try:
            canon.walk(value, name)
            names[name] = {"type": _tname(type(value)), "digest": digest.hexdigest()}
        except BaseException as error:  # report, do not crash the probe
            names[name] = {"type": _tname(type(value)), "digest": f"error {error!r}"[:200]}
        finally:
            if sink is not None:
                sink.close()
    return names


def main(argv: list[str]) -> int:
    root, dotted, out = argv[0], argv[1], argv[2]
    names_file = argv[argv.index("--names") + 1] if "--names" in argv else ""
    explain_names: list[str] = []
    explain_dir = ""
    if "--explain" in argv:
        at = argv.index("--explain")
        explain_names, explain_dir = argv[at + 1].split(","), argv[at + 2]
    sys.setrecursionlimit(20000)
    sys.path.insert(0, root)
    result: dict[str, Any] = {"module": dotted}
    started = time.perf_counter()
    try:
        module = importlib.import_module(dotted)
    except BaseException as error:  # any failure is the finding
        result["error"] = f"{type(error).__name__}: {error}"[:500]
        _write(out, result)
        return 0
    result["import_s"] = time.perf_counter() - started
    result["file"] = getattr(module, "__file__", "")
    # What the namespace holds right after the import, before any getattr: a name an
    # extraction made lazy (PEP 562 __getattr__) is missing here until first read.
    result["vars"] = [name for name in vars(module) if name not in SKIP]
    if not str(result["file"]).startswith(os.path.abspath(root) + os.sep):
        result["error"] = f"imported {result['file']}, not the copy under {root}"
        _write(out, result)
        return 0
    wanted: list[str] = []
    if names_file:
        with open(names_file, encoding="utf-8") as f:
            wanted = json.load(f)
    values: dict[str, Any] = {}
    missing: dict[str, str] = {}
    for name in wanted:
        try:
            values[name] = getattr(module, name)
        except BaseException as error:  # a lazy load that fails is a finding
            missing[name] = f"{type(error).__name__}: {error}"[:300]
    for name, value in list(vars(module).items()):
        if name not in SKIP and name not in values and name not in missing:
            values[name] = value
    result["names"] = digest_names(values, dotted, explain_names, explain_dir)
    result["missing"] = missing
    result["seconds"] = time.perf_counter() - started
    _write(out, result)
    return 0


def _write(out: str, result: dict[str, Any]) -> None:
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
