"""tidy's dataclasses get their generated methods other than __init__ compiled on first call.

Why: on Python 3.11 and 3.12, `dataclasses` compiles every method it generates with an `exec`
of its own as the class is created: a `tidy scan` creates 82 dataclasses before its walk (432
generated methods, ~55 ms of the start-up's CPU, paid in the main process before the workers
fork, so on the scan's wall too). Most of them are never called in a run: a frozen class's
__setattr__ and __delattr__ only raise, __repr__ is for debugging, and __eq__ and __hash__ of
most classes go unused. So for a class of a tidy module, each generated method but __init__
is a stub that, on its first call, has `dataclasses` compile the very method it would have
(same name, arguments, body, globals and locals), puts it on the class in the stub's place
and calls it: the same behaviour, compiled only where used. __init__ stays as it was: every
class made is made through it, and `inspect.signature` of a class reads it.

And __init__ itself is not compiled either where it can be loaded: tidy/_dataclass_inits.py
(written by scripts/dataclass_inits.py) holds the code Python compiles from each of tidy's
__init__ texts, loaded from its .pyc. `dataclasses` still builds each text as it always does;
only its `exec` of a text found there is answered with that code (the 75 __init__ compiles
before a scan's walk: ~12 ms of its start-up's CPU). A text not found (a class changed since
the file was written, another Python) is compiled as before: slower, never different.

Python 3.13 compiles a class's methods in one `exec` (dataclasses._FuncBuilder, no
`_create_fn`): there, and wherever `_create_fn` is not the function this was written for,
nothing is changed. Classes of other packages (click, rich, textual) are left as they are.
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
import types
from collections.abc import Callable
from typing import Any

_EAGER = frozenset({"__init__"})
_EXPECTED_PARAMETERS = ("name", "args", "body", "globals", "locals", "return_type")

MethodMaker = Callable[..., Callable[..., Any]]


def install() -> bool:
    """Wrap `dataclasses._create_fn` once; False where it is not the 3.11/3.12 function."""
    create = getattr(dataclasses, "_create_fn", None)
    if create is None or getattr(create, "_tidy_deferred", False):
        return False
    code = getattr(create, "__code__", None)  # not inspect.signature: tidy --version's imports
    if code is None or code.co_varnames[:code.co_argcount + code.co_kwonlyargcount] != \
            _EXPECTED_PARAMETERS:
        return False
    deferring = _deferring(create)
    setattr(deferring, "_tidy_deferred", True)  # noqa: B010 (a mark on a function)
    setattr(dataclasses, "_create_fn", deferring)  # noqa: B010 (the private name is the point)
    # `exec` as _create_fn looks it up: the module's globals come before the builtins.
    setattr(dataclasses, "exec", exec_compiled_ahead)  # noqa: B010
    return True


def exec_compiled_ahead(source: Any, globals: dict[str, Any] | None = None,
                        locals: dict[str, Any] | None = None) -> None:
    """`exec` as dataclasses._create_fn calls it, `exec(text, globals, ns)`: the text of a
    tidy class's __init__ found in tidy/_dataclass_inits.py is answered with the code
    compiled ahead from that very text, made into its `__create_fn__` in `ns` as the
    text's own `def` would (name, qualname, globals, no defaults); any other text is
    compiled as the builtin `exec` would there (no `from __future__` of this module:
    dataclasses has none)."""
    if globals is None:  # the caller's, as the builtin takes them
        globals = sys._getframe(1).f_globals
    if isinstance(source, str):
        code = _compiled_ahead(source) if _is_tidys(globals) and locals is not None else None
        if code is not None and locals is not None:
            locals[code.co_name] = types.FunctionType(code, globals)
            return
        source = compile(source, "<string>", "exec", dont_inherit=True)
    builtins.exec(source, globals, locals)


_AHEAD: list[dict[str, types.CodeType]] = []  # _dataclass_inits.CODES, once loaded


def _compiled_ahead(text: str) -> types.CodeType | None:
    if not _AHEAD:
        try:
            from tidy._dataclass_inits import CODES
        except ImportError:  # not written yet (scripts/dataclass_inits.py): compiled here
            CODES = {}
        _AHEAD.append(CODES)
    return _AHEAD[0].get(text)


def _deferring(create: MethodMaker) -> MethodMaker:
    def create_fn(name: str, args: list[str], body: list[str], *,
                  globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None,
                  return_type: Any = dataclasses.MISSING) -> Callable[..., Any]:
        if name in _EAGER or not _is_tidys(globals):
            return create(name, args, body, globals=globals, locals=locals,
                          return_type=return_type)
        return _stub(lambda: create(name, args, body, globals=globals, locals=locals,
                                    return_type=return_type), name)
    return create_fn


def _is_tidys(module_globals: dict[str, Any] | None) -> bool:
    """Whether the class being made is defined in a tidy module (its module's globals)."""
    module = (module_globals or {}).get("__name__", "")
    return isinstance(module, str) and (module == "tidy" or module.startswith("tidy."))


def _stub(compile_method: Callable[[], Callable[..., Any]], name: str) -> Callable[..., Any]:
    """A method that compiles the real one at its first call, then hands every call on.

    The class is found from the instance (the first class in its MRO holding this stub) and
    given the real method, so later calls do not pass through the stub. Where the stub is not
    in the class's dict (dataclasses wraps __repr__ in its recursion guard), it stays and
    calls the compiled method it keeps. Two threads both compiling at once is harmless: each
    compiles the same method."""
    compiled: list[Callable[..., Any]] = []

    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not compiled:
            real = compile_method()
            real.__qualname__ = method.__qualname__
            compiled.append(real)
            for owner in type(self).__mro__:
                if owner.__dict__.get(name) is method:
                    setattr(owner, name, real)
                    break
        return compiled[0](self, *args, **kwargs)

    method.__name__ = name
    method.__qualname__ = name
    return method
