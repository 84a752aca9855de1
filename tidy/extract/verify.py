"""Type-exact deep comparison: same type at every node, floats by bit pattern, dict key order.

`==` is not enough: (1, 2) == [1, 2] is False but 1 == 1.0 == True, -0.0 == 0.0, and
nan != nan. Here a value equals another only if a reader could not tell them apart.
"""

from __future__ import annotations

import struct
from collections import OrderedDict
from typing import Any

from tidy.extract.encode import dumps, short_repr, tagged

_SCALARS = (str, bytes, int, bool, type(None), type(Ellipsis))


def _float_bits(value: float) -> bytes:
    return struct.pack("<d", value)


def difference(a: Any, b: Any, where: str = "value") -> str | None:
    """None when a and b are the same value; else where and how they first differ."""
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} became {type(b).__name__}"
    kind = type(a)
    if kind in _SCALARS:
        return None if a == b else f"{where}: {_short(a)} became {_short(b)}"
    if kind is float:
        return None if _float_bits(a) == _float_bits(b) else f"{where}: {a!r} became {b!r}"
    if kind is complex:
        return difference(a.real, b.real, f"{where}.real") or difference(
            a.imag, b.imag, f"{where}.imag")
    if kind is list or kind is tuple:
        return _sequences(a, b, where)
    if kind is dict or kind is OrderedDict:
        return _dicts(a, b, where)
    if kind is set or kind is frozenset:
        return _sets(a, b, where)
    return f"{where}: cannot compare a {kind.__name__}"


def _sequences(a: Any, b: Any, where: str) -> str | None:
    if len(a) != len(b):
        return f"{where}: {len(a)} items became {len(b)}"
    for index, (x, y) in enumerate(zip(a, b, strict=True)):
        found = difference(x, y, f"{where}[{index}]")
        if found:
            return found
    return None


def _dicts(a: dict[Any, Any], b: dict[Any, Any], where: str) -> str | None:
    if len(a) != len(b):
        return f"{where}: {len(a)} keys became {len(b)}"
    for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True):
        found = difference(ka, kb, f"{where} key {_short(ka)}") or difference(
            va, vb, f"{where}[{_short(ka)}]")
        if found:
            return found
    return None


def _sets(a: Any, b: Any, where: str) -> str | None:
    # Set elements are hashable literals; their tagged JSON text is a type-exact canonical key.
    left = sorted(dumps(tagged(x)) for x in a)
    right = sorted(dumps(tagged(x)) for x in b)
    return None if left == right else f"{where}: the set's elements differ"


def _short(value: Any) -> str:
    return short_repr(value)


def same(a: Any, b: Any) -> bool:
    return difference(a, b) is None
