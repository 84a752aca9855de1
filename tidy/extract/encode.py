"""Python literal values <-> JSON: plain JSON where it is exact, else the tagged form (version 1).

The tagged form is documented in docs/extract-format.md. A tag is a JSON object with exactly
one key that starts with "$"; every other JSON value means what it means in plain JSON:

    {"$tuple": [...]}        tuple
    {"$set": [...]}          set: in its iteration order when that is the same in every
                             process (numbers only, see fixed_order), else sorted by the
                             elements' encoded text (deterministic output)
    {"$frozenset": [...]}    frozenset, ordered the same way
    {"$bytes": "<base64>"}   bytes
    {"$complex": [re, im]}   complex; re and im are encoded floats
    {"$float": "nan"}        also "inf" and "-inf": JSON has no non-finite numbers
    {"$int": "<hex>"}        an int too long for decimal conversion (over 4300 digits)
    {"$ellipsis": 0}         ...
    {"$dict": [[k, v], ...]} a dict with a key that is not a str, or a real dict that would
                             read as a tag (one key starting with "$")
    {"$odict": [[k, v], ...]} collections.OrderedDict (faker's weighted name tables)
    {"$array": [typecode, [...]]} array.array (idna's uts46_starts: compact number tables)

The decoder is an `object_hook`; its source (DECODER_SOURCE) is copied into every loader stub
so the loader needs nothing but the standard library.
"""

from __future__ import annotations

import base64
import json
import math
from array import array
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

FORMAT_VERSION = 1
TAGS = ("$tuple", "$set", "$frozenset", "$bytes", "$complex", "$float", "$int", "$ellipsis",
        "$dict", "$odict", "$array")
_INT_BITS_LIMIT = 13_000  # well under 4300 decimal digits (~14,284 bits): int <-> str stays legal


class Unencodable(ValueError):
    """A value the extractor will not write (it names the value and where it is)."""


def _is_tag_like(value: dict[Any, Any]) -> bool:
    if len(value) != 1:
        return False
    key = next(iter(value))
    return isinstance(key, str) and key.startswith("$")


def is_plain(value: Any) -> bool:
    """True when json.dumps -> json.loads gives back the very same value, types included."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return bool(value.bit_length() <= _INT_BITS_LIMIT)
    if kind is float:
        return math.isfinite(value)
    if kind is list:
        return all(is_plain(item) for item in value)
    if kind is dict:
        return (not _is_tag_like(value) and all(type(k) is str for k in value)
                and all(is_plain(v) for v in value.values()))
    return False


def tagged(value: Any, where: str = "value") -> Any:
    """The JSON-ready tagged form of a value (plain values come back as they are)."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        return value if value.bit_length() <= _INT_BITS_LIMIT else {"$int": format(value, "x")}
    if kind is float:
        return value if math.isfinite(value) else {"$float": _nonfinite(value, where)}
    if kind is list:
        return [tagged(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if kind is dict:
        return _tagged_dict(value, where)
    if kind is tuple:
        return {"$tuple": [tagged(item, f"{where}[{i}]") for i, item in enumerate(value)]}
    if kind is set or kind is frozenset:
        items = [tagged(item, f"{where} element") for item in value]
        if not fixed_order(value):
            items.sort(key=dumps)
        return {"$set" if kind is set else "$frozenset": items}
    if kind is bytes:
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if kind is complex:
        return {"$complex": [tagged(value.real, where), tagged(value.imag, where)]}
    if value is Ellipsis:
        return {"$ellipsis": 0}
    if kind is OrderedDict:
        return {"$odict": [[tagged(k, f"{where} key"), tagged(v, f"{where}[{short_repr(k)}]")]
                           for k, v in value.items()]}
    if kind is array:
        # tolist() gives ints, floats (a 'f' item widened exactly) or 1-char strs, which
        # array(typecode, items) takes back bit for bit
        return {"$array": [value.typecode, [tagged(item, f"{where}[{i}]")
                                            for i, item in enumerate(value.tolist())]]}
    raise Unencodable(f"{where}: a {kind.__name__} cannot be written as data")


_FIXED_HASH = (int, bool, float, complex)


def fixed_order(value: set[Any] | frozenset[Any]) -> bool:
    """Whether a set iterates in the same order in every process: every element hashes the
    same everywhere (numbers, and tuples/frozensets of them; str and bytes hashes are salted
    per process, None's and ...'s are addresses). Such a set is written in its iteration
    order, so the loader, inserting in that order, rebuilds that order; any other is sorted
    (its order is a per-process accident either way, and the file stays reproducible)."""
    return all(_hashes_fixed(item) for item in value)


def _hashes_fixed(value: Any) -> bool:
    kind = type(value)
    if kind in _FIXED_HASH:
        return True
    if kind is tuple or kind is frozenset:
        return all(_hashes_fixed(item) for item in value)
    return False


def short_repr(value: Any, limit: int = 60) -> str:
    """repr for messages: short, and safe for ints over the 4300-digit conversion limit."""
    if type(value) is int and value.bit_length() > _INT_BITS_LIMIT:
        return f"<int of {value.bit_length()} bits>"
    try:
        text = repr(value)
    except ValueError:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _tagged_dict(value: dict[Any, Any], where: str) -> Any:
    if all(type(k) is str for k in value) and not _is_tag_like(value):
        return {k: tagged(v, f"{where}[{short_repr(k)}]") for k, v in value.items()}
    return {"$dict": [[tagged(k, f"{where} key"), tagged(v, f"{where}[{short_repr(k)}]")]
                      for k, v in value.items()]}


def _nonfinite(value: float, where: str) -> str:
    if math.isnan(value):
        # One NaN spelling is written; verify.py compares bit patterns and refuses another.
        return "nan"
    return "inf" if value > 0 else "-inf"


def dumps(value: Any) -> str:
    """Compact, deterministic JSON text of an already JSON-ready value (ASCII only: lone
    surrogates survive as \\udxxx escapes, and the text is valid UTF-8 whatever it holds)."""
    return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


def encode(value: Any, where: str = "value") -> tuple[str, bool]:
    """(JSON text, whether the tagged form was needed)."""
    if is_plain(value):
        return dumps(value), False
    ready = tagged(value, where)
    return dumps(ready), True


# The decoder copied into every loader stub. Keep it short, stdlib only, no eval. Builtins are
# reached through the stub's private alias `_tidy_builtins`: a module may rebind `set`,
# `tuple`, `complex`... at its top level, and a global lookup would find the module's.
DECODER_SOURCE = '''\
def _tidy_untag(obj):
    if _tidy_builtins.len(obj) != 1:
        return obj
    ((tag, value),) = obj.items()
    if tag[:1] != "$":
        return obj
    if tag == "$tuple":
        return _tidy_builtins.tuple(value)
    if tag == "$set":
        return _tidy_builtins.set(value)
    if tag == "$frozenset":
        return _tidy_builtins.frozenset(value)
    if tag == "$bytes":
        import base64
        return base64.b64decode(value)
    if tag == "$complex":
        return _tidy_builtins.complex(value[0], value[1])
    if tag == "$float":
        return _tidy_builtins.float(value)
    if tag == "$int":
        return _tidy_builtins.int(value, 16)
    if tag == "$ellipsis":
        return ...
    if tag == "$dict":
        return {k: v for k, v in value}
    if tag == "$odict":
        import collections
        return collections.OrderedDict((k, v) for k, v in value)
    if tag == "$array":
        import array
        return array.array(value[0], value[1])
    raise _tidy_builtins.ValueError("unknown tag %r in extracted data" % (tag,))
'''
BUILTINS_ALIAS = "import builtins as _tidy_builtins"


def _load_decoder() -> Callable[[dict[str, Any]], Any]:
    namespace: dict[str, Any] = {}
    source = BUILTINS_ALIAS + "\n" + DECODER_SOURCE
    exec(compile(source, "<tidy decoder>", "exec"), namespace)  # our own constant text
    hook: Callable[[dict[str, Any]], Any] = namespace["_tidy_untag"]
    return hook


untag = _load_decoder()


def loads(text: str | bytes, is_tagged: bool) -> Any:
    """Decode exactly as the generated loader does."""
    return json.loads(text, object_hook=untag) if is_tagged else json.loads(text)
