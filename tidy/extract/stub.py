"""The loader code that replaces an extracted literal: a few lines of stdlib, no tidy at runtime.

- The data file is read by the module's own loader (`__spec__.loader.get_data`, as
  pkgutil.get_data does), so it works from a folder, a wheel, a zip or a zipapp without
  importing importlib.resources (~18 ms); a loader without get_data falls back to
  `importlib.resources.files(__package__)`, a top-level module to the file beside `__file__`.
- Lazy names: a PEP 562 module `__getattr__` loads the data on first access and caches it
  in `globals()`; where the name was bound stands a declaration for type checkers that
  changes nothing at run time (`lazy_statement`: the module's `__annotations__` stay its
  own); `__dir__` lists the lazy names, and star-imports see them through `__all__`.
- Eager names: where the module's own code uses a name (global lookups inside the module
  bypass `__getattr__`), the name is bound at its original place, loaded at import time.
- Never pickle, never eval: gzip + json, plus the tagged-form decoder when the data needs it.
- Nothing a module can shadow: builtins are reached through `_tidy_builtins` (a module may
  rebind `set` or `open` at its top level), and the declarations the stub adds hold strings,
  which evaluate to themselves.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from tidy.extract.encode import BUILTINS_ALIAS, DECODER_SOURCE, FORMAT_VERSION

MANIFEST_PREFIX = "# tidy-extract: "


@dataclass(frozen=True)
class Manifest:
    data_file: str
    names: tuple[str, ...]
    tagged: bool
    compressed: bool
    source_sha256: str  # of the original literal texts, in order, joined by NUL
    data_sha256: str  # of the data file's bytes
    format: int = FORMAT_VERSION

    def line(self) -> str:
        body = {"format": self.format, "data": self.data_file, "names": list(self.names),
                "tagged": self.tagged, "compressed": self.compressed,
                "source_sha256": self.source_sha256, "data_sha256": self.data_sha256}
        return MANIFEST_PREFIX + json.dumps(body, separators=(",", ":"))


def read_manifest(text: str) -> Manifest | None:
    """The manifest of an already extracted module, if it has one."""
    for line in text.splitlines():
        if line.startswith(MANIFEST_PREFIX):
            try:
                body = json.loads(line[len(MANIFEST_PREFIX):])
                return Manifest(body["data"], tuple(body["names"]), bool(body["tagged"]),
                                bool(body["compressed"]), body["source_sha256"],
                                body["data_sha256"], int(body["format"]))
            except (ValueError, KeyError, TypeError, RecursionError):
                return None
    return None


@dataclass(frozen=True)
class StubPlan:
    manifest: Manifest
    lazy: tuple[str, ...]
    eager: tuple[str, ...]
    has_all: bool  # the module defines __all__ itself
    uses_any: bool  # generated annotations mention _TidyAny
    copies: bool = False  # a function returns extracted data: each call gets a new object


def loader_block(plan: StubPlan) -> str:
    """The code placed before the first extracted name."""
    manifest = plan.manifest
    # The names come last: at the top of a file a line like `# encoding: moved to ...` is a
    # PEP 263 source encoding declaration ("moved"), and the module would not compile.
    lines = [
        manifest.line(),
        f"# Moved to {manifest.data_file} by `tidy extract` (data format {manifest.format}, "
        f"see tidy's docs/extract-format.md): {', '.join(manifest.names)}",
    ]
    lines.append(BUILTINS_ALIAS)
    if plan.uses_any:
        lines.append("from typing import Any as _TidyAny")
    lines += ["", "", *_reader(manifest).splitlines()]
    if plan.copies:
        lines += ["", "", *_FRESH.splitlines()]
    if manifest.tagged:
        lines += ["", "", *DECODER_SOURCE.splitlines()]
    if plan.lazy:
        lines += ["", "", *_lazy_hooks(plan).splitlines()]
    return "\n".join(lines) + "\n\n\n"


def _reader(manifest: Manifest) -> str:
    decompress = "gzip.decompress(raw)" if manifest.compressed else "raw"
    imports = "import gzip\n    import json" if manifest.compressed else "import json"
    hook = ", object_hook=_tidy_untag" if manifest.tagged else ""
    return f'''\
_tidy_cache = {{}}


def _tidy_data():
    """The extracted values by name, read once from {manifest.data_file}."""
    data = _tidy_cache.get("data")
    if data is None:
        # Threads that read at once keep the first copy (setdefault is atomic), so a
        # name is one object in every thread, as it was.
        data = _tidy_cache.setdefault("data", _tidy_decode())
    return data


def _tidy_decode():
    {imports}
    raw = _tidy_read({manifest.data_file!r})
    return json.loads({decompress}{hook})


def _tidy_read(name):
    # The module's own loader reads the file beside it, from a folder or a zip (what
    # pkgutil.get_data does); importlib.resources, for loaders without get_data, costs
    # ~18 ms of imports, more than reading most data files.
    import os
    try:
        here = __file__
    except _tidy_builtins.NameError:
        here = None
    loader = _tidy_builtins.getattr(__spec__, "loader", None)
    get_data = _tidy_builtins.getattr(loader, "get_data", None)
    if here and get_data is not None:
        return get_data(os.path.join(os.path.dirname(os.path.abspath(here)), name))
    if __package__:
        from importlib.resources import files
        return files(__package__).joinpath(name).read_bytes()
    with _tidy_builtins.open(os.path.join(os.path.dirname(os.path.abspath(here)), name),
                             "rb") as f:
        return f.read()'''


def _lazy_hooks(plan: StubPlan) -> str:
    names = ", ".join(repr(n) for n in plan.lazy)
    star = "" if plan.has_all else '''
    if name == "__all__":  # star-imports of a module without __all__ must see lazy names too
        return [n for n in (*_tidy_builtins.globals(), *_TIDY_LAZY) if not n.startswith("_")]'''
    return f'''\
_TIDY_LAZY = ({names},)
# importlib.reload runs this again: what was loaded goes, as the original bound it anew.
[_tidy_builtins.globals().pop(_name, None) for _name in _TIDY_LAZY]


def __getattr__(name):
    if name in _TIDY_LAZY:
        return _tidy_builtins.globals().setdefault(name, _tidy_data()[name]){star}
    raise _tidy_builtins.AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")


def __dir__():
    return _tidy_builtins.sorted({{*_tidy_builtins.globals(), *_TIDY_LAZY}})'''


def eager_statement(header: str, name: str) -> str:
    """`NAME[: ann] = _tidy_data()["NAME"]`, keeping the original header text."""
    return f"{header}_tidy_data()[{name!r}]"


def lazy_statement(header: str, name: str, sketch: str, *, declare: bool,
                   code_follows: bool = False) -> str:
    """What stands where a lazy name was bound; it binds nothing and adds nothing to the
    module's `__annotations__`, so the namespace after import is the original's.

    - the author's own annotation (`NAME: T = ...`) stays as `NAME: T` (evaluated and stored
      at import, as it was before);
    - in a module that has an `__annotations__` of its own (`declare`): `(NAME): 'T'`, a
      declaration type checkers read; a parenthesized target is not stored, and a string
      annotation evaluates to itself, so the module's annotations stay as they were;
    - else a comment (a declaration would give the module an `__annotations__` it never
      had), or a string statement when code follows on the same line (`X = [...]; Y = 1`)."""
    target = header.rstrip()
    if target.endswith("="):
        target = target[:-1].rstrip()
    if ":" in target:
        return target  # the author's own annotation (evaluated at import, as it was before)
    if declare:
        return f"({name}): {sketch!r}"
    text = f"{name}: {sketch.replace('_TidyAny', 'Any')}, loaded on first access " \
        "(__getattr__ above)"
    return repr(text) if code_follows else f"# {text}"


def class_statement(header: str, key: str) -> str:
    """A class attribute, bound eagerly: a class body runs at import."""
    return f"{header}_tidy_data()[{key!r}]"


def function_body(indent: str, key: str) -> str:
    """The body of a function that returned data: a new object each call, as a literal made
    one (_FRESH)."""
    return f"{indent}return _tidy_fresh({key!r})"


# A function's value, new each call. The first call takes the decoded value itself out of the
# shared data (nothing else holds it): idna's uts46data calls its 82 `_seg_N()` once each at
# import, and a deep copy of each cost ~11 ms of the import. A later call copies a second
# decoding kept aside, never a value a caller already holds (and may have changed).
_FRESH = '''\
def _tidy_fresh(key):
    value = _tidy_data().pop(key, _tidy_cache)
    if value is not _tidy_cache:
        return value
    import copy
    kept = _tidy_cache.get("kept")
    if kept is None:
        kept = _tidy_cache.setdefault("kept", _tidy_decode())
    return copy.deepcopy(kept[key])'''


def lazy_allowed(defined_names: Sequence[str]) -> bool:
    """A module that defines its own __getattr__/__dir__ keeps them; its names load eagerly."""
    return "__getattr__" not in defined_names and "__dir__" not in defined_names
