"""What a first-party import binds a data value's callee to, one module away (TDY301's offer).

A data module's verdict knows what its own statements bind each callee to (callees.py): a
`def`, a `class`, or an import, kept as the dotted name imported (`from .models import Row`:
`.models.Row`). A standard-library name is judged by what it is (rules/data_in_code.py); a
name imported from the project itself was judged by its name alone (dic-12: `Row` from the
package's models.py, capitalised, "a class", though it was a `def` returning a dict that
`tidy extract --evaluate` moves). Here such an import is followed one hop: the module it
names, resolved as the extractor's import would resolve it (the package's folder for a
relative import, the import root for an absolute one), read from the content pass (never
imported, never through a link, inside the scanned root only), and its top-level statements
say what they bind the name to (callees.module_binds). A name that module imports in turn
from the project, binds twice or under an `if`, or a module not found, too big, or outside
the root: left to its name, as before. Another project's import stays by its name.

The verdict (cached per file) holds only the import as written; what the other module binds
is read at check time from that module's own content facts (its head, keyed by its own
stat), so a change to it is seen by the next scan without the data module being judged again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping

from tidy.analysis.data_in_code.callees import CLASS, FUNCTION, module_binds
from tidy.analysis.data_in_code.verdict import DataVerdict
from tidy.rules.base import GroupContext
from tidy.rules.content import content_of

# How much of the imported module is read: a first-party module bigger than this is left to
# the callee's name (its bindings past the head could bind the name a second time).
HEAD_BYTES = 256 * 1024


def resolved_origins(ctx: GroupContext, rel: str, verdict: DataVerdict,
                     package: tuple[str, str]) -> dict[str, str]:
    """The verdict's callee origins, with each callee imported from the project itself (a
    bare name, or a dotted one through an imported module: `rows.Row`) mapped to what the
    module it comes from binds it to: "def", "class", or a standard-library dotted name.
    `package`: (dotted package, import root folder) of the module, as the extractor finds it."""
    origins = dict(verdict.callee_origins)
    wanted = _first_party(origins, (c for b in verdict.bindings if not b.pure for c in b.calls),
                          package[0])
    if not wanted:
        return origins
    prefix = os.path.relpath(package[1], ctx.root)
    if prefix.startswith(".."):
        return origins  # the import root lies outside the scanned root: not followed
    content = content_of(ctx)
    for callee, (module, name) in wanted.items():
        kind = _bound_in(content.head, _files_of(prefix, module), name)
        if kind:
            origins[callee] = kind
    return origins


def _first_party(origins: Mapping[str, str], callees: Iterable[str],
                 package: str) -> dict[str, tuple[str, str]]:
    """callee -> (absolute dotted module, name) for each callee whose root the module imports
    from outside the standard library."""
    found: dict[str, tuple[str, str]] = {}
    for callee in set(callees):
        root, dot, rest = callee.partition(".")
        origin = origins.get(root, "")
        if not origin or origin in (FUNCTION, CLASS):
            continue
        dotted = _absolute(f"{origin}{dot}{rest}", package)
        if not dotted or dotted.split(".", 1)[0] in sys.stdlib_module_names:
            continue
        module, _, name = dotted.rpartition(".")
        if module:
            found[callee] = (module, name)
    return found


def _absolute(dotted: str, package: str) -> str:
    """`.models.Row` in package `a.b`: `a.b.models.Row`; `..x.Row`: `a.x.Row`; "" where the
    dots climb above the package (the import fails: nothing to follow)."""
    tail = dotted.lstrip(".")
    level = len(dotted) - len(tail)
    if not level:
        return dotted
    parts = package.split(".") if package else []
    if level > len(parts):
        return ""
    base = parts[:len(parts) - level + 1]
    return ".".join([*base, tail]) if tail else ".".join(base)


def _files_of(prefix: str, module: str) -> tuple[str, str]:
    """The files (group-relative) a dotted module may be, in the order Python's path finder
    takes them: a package's __init__.py before a module of the same name."""
    folder = os.path.normpath(os.path.join(prefix, *module.split(".")))
    return os.path.join(folder, "__init__.py"), f"{folder}.py"


def _bound_in(head: Callable[[str, int], bytes], files: tuple[str, str], name: str) -> str:
    """What the first of `files` that exists binds `name` to ("def", "class", a standard
    library name), or "" (not found, too big, bound otherwise)."""
    for rel in files:
        data = head(rel, HEAD_BYTES)
        if not data:
            continue  # not there (or empty: binds nothing either way)
        if len(data) >= HEAD_BYTES:
            return ""
        kind = module_binds(data).get(name, "")
        if kind in (FUNCTION, CLASS) or (
                not kind.startswith(".") and kind.split(".", 1)[0] in sys.stdlib_module_names):
            return kind
        return ""
    return ""
