"""Take values by importing the module in the project's interpreter, and fingerprint it.

One child script serves both sides of an evaluated extraction: before the rewrite it imports
the module, encodes the values asked for (tidy's own encoder, copied in as source: the child
has the project's packages, not tidy) and fingerprints every module-level name; after the
rewrite it fingerprints the same names again in a fresh interpreter. A fingerprint is the
sha256 of the value's tagged JSON (type-exact, order included), or `a TYPE` for a value JSON
cannot hold (a function, a class, a module, an object): those are compared by type only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from tidy.extract.interpreter import Interpreter, run_script

TIMEOUT = 600.0

_SCRIPT = r"""
import array, hashlib, importlib, json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    spec = json.load(f)
encoder = {}
exec(compile(spec["encoder"], "<tidy encoder>", "exec"), encoder)
sys.dont_write_bytecode = True
sys.path.insert(0, spec["root"])
module = importlib.import_module(spec["module"])

def fetch(key):
    if key.endswith("()"):
        return getattr(module, key[:-2])()
    if "." in key:
        owner, attr = key.split(".", 1)
        if attr.startswith("__") and not attr.endswith("__"):
            attr = "_" + owner.lstrip("_") + attr  # a private name, mangled
        return getattr(getattr(module, owner), attr)
    return getattr(module, key)

CLASS_SKIP = {"__dict__", "__weakref__", "__module__", "__firstlineno__",
              "__static_attributes__"}

def fingerprint(value, depth=0):
    try:
        text = encoder["dumps"](encoder["tagged"](value))
    except Exception:
        if isinstance(value, type) and value.__module__ == module.__name__ and depth < 20:
            # A class of this module: its attributes, in order (a class attribute moved to
            # the data file must come back the same, also where another name holds the class)
            parts = [k + "=" + fingerprint(v, depth + 1) for k, v in vars(value).items()
                     if k not in CLASS_SKIP]
            text = "class " + value.__qualname__ + "{" + ";".join(parts) + "}"
            return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return "a " + type(value).__name__
    return hashlib.sha256(text.encode("ascii")).hexdigest()

MUTABLE = (list, dict, set, bytearray, array.array)
WALK_LIMIT = 2_000_000

def children(value, own=(None, "")):
    # What a value holds; `own` is (class, attribute): the binding of the key itself, not
    # followed (the key's value is reached through it by definition).
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield v
    elif isinstance(value, (list, tuple, set, frozenset)):
        yield from value
    elif isinstance(value, type):
        if value.__module__ == module.__name__:
            yield from [v for k, v in vars(value).items() if not (value is own[0] and k == own[1])]
    elif hasattr(value, "__code__"):  # a function: what its defaults and closure hold
        yield from (getattr(value, "__defaults__", None) or ())
        yield from (getattr(value, "__kwdefaults__", None) or {}).values()
        for cell in getattr(value, "__closure__", None) or ():
            try:
                yield cell.cell_contents
            except ValueError:
                pass
    elif not isinstance(value, (str, bytes, int, float, complex, bool, type(None))) \
            and not isinstance(value, type(sys)):
        yield from (getattr(value, "__dict__", None) or {}).values()

def reached(roots, skip, own):
    # ids of the mutable objects reachable from roots (the object `skip` is not entered)
    found, stack, seen = set(), list(roots), set()
    while stack:
        value = stack.pop()
        if (skip is not None and value is skip) or id(value) in seen:
            continue
        seen.add(id(value))
        if len(seen) > WALK_LIMIT:
            return None
        if isinstance(value, MUTABLE):
            found.add(id(value))
        stack.extend(children(value, own))
    return found

def sharing(key, value):
    # Why moving `value` by value would lose an identity: a mutable object it holds twice,
    # or one another binding of the module holds too (a copy would stand in for it); else "".
    own, stack = {}, [value]
    while stack:
        item = stack.pop()
        if isinstance(item, MUTABLE):
            if id(item) in own:
                return "it holds the same " + type(item).__name__ + " twice: moving it " \
                    "would make two copies"
            own[id(item)] = item
        if isinstance(item, (dict, list, tuple, set, frozenset)):
            stack.extend(children(item))
    if not own:
        return ""
    binding = (None, "")
    if "." in key:
        owner, attr = key.split(".", 1)
        if attr.startswith("__") and not attr.endswith("__"):
            attr = "_" + owner.lstrip("_") + attr
        binding = (getattr(module, owner), attr)
    named = [(n, v) for n, v in vars(module).items()
             if n != key and n != "__builtins__" and not isinstance(v, type(sys))]
    # A display (`{...}`, `[...]`) makes a new object: another name holding it whole was
    # bound from it (`ALIAS = TABLE`, bound again after the rewrite). What a call or a name
    # gives may be an object the module held before: then no other name may hold it.
    skip = value if key in spec["fresh"] else None
    others = reached([v for _, v in named], skip, binding)
    if others is None:
        return "the module holds too many objects to check that nothing else shares them"
    shared = [i for i in own if i in others]
    if shared:
        return "a " + type(own[shared[0]]).__name__ + " in it is also held by " + \
            holder(shared[0], named, skip, binding) + ": moving it would put a copy there"
    return ""

def holder(target, named, skip, binding):
    # Which name reaches the shared object (the refusal names it): walked again one name at
    # a time, only on this refusal's path
    for name, root in named:
        found = reached([root], skip, binding)
        if found is not None and target in found:
            return name
    return "another name of the module"

out = {"values": {}, "errors": {}, "fingerprints": {}, "names": []}
for key in spec["values"]:
    try:
        value = fetch(key)
        why = sharing(key, value)
        if why:
            out["errors"][key] = why
            continue
        text, tagged = encoder["encode"](value, key)
        out["values"][key] = [text, tagged]
    except Exception as error:
        # the encoder's refusal says what and where itself; anything else is the module's
        # own error, named by its class
        kind = type(error).__name__
        out["errors"][key] = (kind + ": " if kind != "Unencodable" else "") + str(error)[:300]
names = spec["names"]
if names is None:
    names = [n for n in vars(module) if not (n.startswith("__") and n.endswith("__"))]
out["names"] = names
for key in [*names, *spec["extra"]]:
    try:
        out["fingerprints"][key] = fingerprint(fetch(key))
    except Exception as error:
        out["fingerprints"][key] = "error " + type(error).__name__
with open(spec["out"], "w", encoding="utf-8") as f:
    json.dump(out, f)
"""


@dataclass(frozen=True)
class Taken:
    values: dict[str, tuple[str, bool]]  # key -> (JSON text, tagged)
    errors: dict[str, str]  # key -> why it could not be taken
    fingerprints: dict[str, str]  # module-level names and extracted keys -> fingerprint
    names: tuple[str, ...]  # the module-level names that were fingerprinted


def _encoder_source() -> str:
    with open(os.path.join(os.path.dirname(__file__), "encode.py"), encoding="utf-8") as f:
        return f.read()


def take(interpreter: Interpreter, root: str, dotted: str, keys: list[str],
         names: list[str] | None, extra: list[str], fresh: list[str] | None = None) -> Taken:
    """Import `dotted` from `root` in `interpreter`; values of `keys`, fingerprints of `names`
    (None: every module-level name but dunders) and of `extra` keys."""
    spec: dict[str, Any] = {"encoder": _encoder_source(), "root": root, "module": dotted,
                            "values": keys, "names": names, "extra": extra,
                            "fresh": fresh or []}
    body = run_script(interpreter, _SCRIPT, spec, root, TIMEOUT)
    values = {k: (str(v[0]), bool(v[1])) for k, v in body["values"].items()}
    return Taken(values, dict(body["errors"]), dict(body["fingerprints"]),
                 tuple(body["names"]))


def differences(before: Taken, after: Taken) -> list[str]:
    """Names whose fingerprints differ (a missing one counts)."""
    keys = set(before.fingerprints) | set(after.fingerprints)
    return sorted(k for k in keys if before.fingerprints.get(k) != after.fingerprints.get(k))
