"""Type-exact deep comparison: same type at every node, floats by bit pattern, dict key order.

`==` is not enough: (1, 2) == [1, 2] is False but 1 == 1.0 == True, -0.0 == 0.0, and
nan != nan. Here a value equals another only if a reader could not tell them apart.
"""

from __future__ import annotations

import struct
from array import array
from collections import OrderedDict
from typing import Any

from tidy.extract.encode import dumps, fixed_order, short_repr, tagged

_SCALARS = (str, bytes, int, bool, type(None), type(Ellipsis))


def _float_bits(value: float) -> bytes:
    return struct.pack("<d", value)


def difference(a: Any, b: Any, where: str = "value", set_order: bool = True) -> str | None:
    """None when a and b are the same value; else where and how they first differ. With
    set_order=False, sets of numbers may iterate in different orders (two ways of building
    one literal: the compiler's folded constant and ast.literal_eval's insertions)."""
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
        return _sequences(a, b, where, set_order)
    if kind is dict or kind is OrderedDict:
        return _dicts(a, b, where, set_order)
    if kind is set or kind is frozenset:
        return _sets(a, b, where, set_order)
    if kind is array:
        if a.typecode != b.typecode:
            return f"{where}: array('{a.typecode}') became array('{b.typecode}')"
        return None if a.tobytes() == b.tobytes() else f"{where}: the array's items differ"
    return f"{where}: cannot compare a {kind.__name__}"


def _sequences(a: Any, b: Any, where: str, set_order: bool) -> str | None:
    if len(a) != len(b):
        return f"{where}: {len(a)} items became {len(b)}"
    for index, (x, y) in enumerate(zip(a, b, strict=True)):
        found = difference(x, y, f"{where}[{index}]", set_order)
        if found:
            return found
    return None


def _dicts(a: dict[Any, Any], b: dict[Any, Any], where: str, set_order: bool) -> str | None:
    if len(a) != len(b):
        return f"{where}: {len(a)} keys became {len(b)}"
    for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True):
        found = difference(ka, kb, f"{where} key {_short(ka)}", set_order) or difference(
            va, vb, f"{where}[{_short(ka)}]", set_order)
        if found:
            return found
    return None


def _sets(a: Any, b: Any, where: str, set_order: bool) -> str | None:
    # Elements are paired by a type-exact key that ignores the order of sets nested in them
    # (a frozenset of frozensets: equal inner sets may iterate differently, and that is the
    # inner set's order to check, not a different element); then each pair is compared.
    left = {_element_key(x): x for x in a}
    right = {_element_key(x): x for x in b}
    if left.keys() != right.keys():
        return f"{where}: the set's elements differ"
    if set_order and fixed_order(a) and list(left) != list(right):
        # Numbers iterate in the same order in every process: code that iterates the set
        # (`next(iter(S))`, `list(S)`) would see another order.
        return f"{where}: the set iterates in another order"
    for key, element in left.items():
        found = difference(element, right[key], f"{where} element {_short(element)}",
                           set_order)
        if found:
            return found
    return None


def _element_key(value: Any) -> str:
    """A set element's tagged JSON text, with the elements of sets in it sorted (elements
    are hashable: scalars, tuples and frozensets of them)."""
    kind = type(value)
    if kind is tuple:
        return "tuple:(" + ",".join(_element_key(x) for x in value) + ")"
    if kind is frozenset:
        return "frozenset:{" + ",".join(sorted(_element_key(x) for x in value)) + "}"
    return dumps(tagged(value))


def _short(value: Any) -> str:
    return short_repr(value)


def same(a: Any, b: Any) -> bool:
    return difference(a, b) is None
