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
import hashlib, importlib, json, sys
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

def fingerprint(value):
    try:
        text = encoder["dumps"](encoder["tagged"](value))
    except Exception:
        return "a " + type(value).__name__
    return hashlib.sha256(text.encode("ascii")).hexdigest()

out = {"values": {}, "errors": {}, "fingerprints": {}, "names": []}
for key in spec["values"]:
    try:
        text, tagged = encoder["encode"](fetch(key), key)
        out["values"][key] = [text, tagged]
    except Exception as error:
        out["errors"][key] = type(error).__name__ + ": " + str(error)[:300]
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
         names: list[str] | None, extra: list[str]) -> Taken:
    """Import `dotted` from `root` in `interpreter`; values of `keys`, fingerprints of `names`
    (None: every module-level name but dunders) and of `extra` keys."""
    spec: dict[str, Any] = {"encoder": _encoder_source(), "root": root, "module": dotted,
                            "values": keys, "names": names, "extra": extra}
    body = run_script(interpreter, _SCRIPT, spec, root, TIMEOUT)
    values = {k: (str(v[0]), bool(v[1])) for k, v in body["values"].items()}
    return Taken(values, dict(body["errors"]), dict(body["fingerprints"]),
                 tuple(body["names"]))


def differences(before: Taken, after: Taken) -> list[str]:
    """Names whose fingerprints differ (a missing one counts)."""
    keys = set(before.fingerprints) | set(after.fingerprints)
    return sorted(k for k in keys if before.fingerprints.get(k) != after.fingerprints.get(k))
