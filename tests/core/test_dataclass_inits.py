"""tidy's dataclasses get their __init__ from tidy/_dataclass_inits.py, compiled ahead
(scripts/dataclass_inits.py, tidy/_dataclass_methods.exec_compiled_ahead): the very
__init__ Python compiles from the same text, without the compile at start-up."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tidy
from tidy import _dataclass_inits, _dataclass_methods

ROOT = Path(__file__).resolve().parents[2]
_AHEAD = hasattr(dataclasses, "_create_fn")  # 3.11, 3.12: one exec per generated method
_WRITTEN_HERE = f"{sys.version_info.major}.{sys.version_info.minor}" == _dataclass_inits.PYTHON

# Every dataclass of every tidy module, each __init__ described by everything that decides
# what it does: its code (bytecode, names, constants, nested code the same way), defaults,
# annotations, the values it closes over, and the signature `inspect` reads.
_DESCRIBE = r'''
import dataclasses, importlib, inspect, pkgutil, sys, types
{setup}
import tidy

def code(c):
    return (c.co_name, c.co_qualname, c.co_code, c.co_names, c.co_varnames, c.co_freevars,
            c.co_cellvars, c.co_argcount, c.co_kwonlyargcount, c.co_posonlyargcount,
            c.co_flags, tuple(code(k) if isinstance(k, types.CodeType) else repr(k)
                              for k in c.co_consts))

def value(v):  # a default factory (a lambda) by name: its repr holds its address
    return (v.__module__, v.__qualname__) if callable(v) and hasattr(v, "__qualname__") \
        else repr(v)

found = {{}}
for module in pkgutil.walk_packages(tidy.__path__, "tidy."):
    loaded = importlib.import_module(module.name)
    for made in vars(loaded).values():
        if isinstance(made, type) and dataclasses.is_dataclass(made) and (
                made.__module__ == module.name and "__init__" in made.__dict__):
            init = made.__dict__["__init__"]
            found[made.__module__ + "." + made.__qualname__] = repr((
                code(init.__code__), init.__qualname__, init.__defaults__, init.__kwdefaults__,
                init.__annotations__,
                [value(cell.cell_contents) for cell in init.__closure__ or ()],
                str(inspect.signature(made)), init.__module__))
print(repr(sorted(found.items())))
'''


def _describe(setup: str) -> list[tuple[str, str]]:
    done = subprocess.run([sys.executable, "-c", _DESCRIBE.format(setup=setup)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    found = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert isinstance(found, list)
    return found


@pytest.mark.skipif(not _AHEAD, reason="this Python compiles a class's methods in one text")
def test_every_init_compiled_ahead_is_the_one_python_compiles() -> None:
    """The same description of every tidy dataclass's __init__ with the code compiled ahead
    and with every text compiled at import (the table emptied first): only where the code
    came from (its file and lines) may differ, which the description leaves out."""
    ahead = _describe("")
    compiled = _describe("import tidy._dataclass_methods as m; m._AHEAD.append({})")
    assert len(ahead) > 150
    assert ahead == compiled


@pytest.mark.skipif(not (_AHEAD and _WRITTEN_HERE),
                    reason="the file holds the texts of the Python it was written with")
def test_the_file_holds_every_init_text_of_tidy() -> None:
    """scripts/dataclass_inits.py --check: a class added or changed since the file was
    written has its __init__ compiled at start-up again (slower, never wrong)."""
    done = subprocess.run([sys.executable, "scripts/dataclass_inits.py", "--check"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(not (_AHEAD and _WRITTEN_HERE),
                    reason="the file holds the texts of the Python it was written with")
def test_a_scans_start_up_compiles_no_init_of_tidy() -> None:
    """Every __init__ of the classes a scan makes before its walk (75 of them, ~12 ms of its
    CPU then) comes from the file: no exec of an __init__ text of a tidy module."""
    probe = ("import sys\n"
             "made = []\n"
             "def hook(event, args):\n"  # an exec of an __init__ text, from _create_fn
             "    if event != 'exec' or getattr(args[0], 'co_filename', '') != '<string>':\n"
             "        return\n"
             "    making = sys._getframe(1)\n"
             "    while making is not None and making.f_code.co_name != '_create_fn':\n"
             "        making = making.f_back\n"
             "    if making is not None and making.f_locals['name'] == '__init__':\n"
             "        made.append(making.f_locals['globals']['__name__'])\n"
             "sys.addaudithook(hook)\n"
             "import tidy.cli.scan, tidy.engine, tidy.rules.registry\n"
             "import tidy.workspace.pool, tidy.workspace.walk\n"
             "tidy.engine._early_imports()\n"
             "tidy.cli.scan._load_what_follows([('json', None)])\n"
             "from tidy.core.models import Finding\n"
             "print(repr(made), Finding.__init__.__code__.co_filename)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    made, where = done.stdout.strip().rsplit(" ", 1)
    assert [m for m in ast.literal_eval(made) if m.startswith("tidy")] == []
    assert where == _dataclass_inits.__file__


_OTHER = '''
import dataclasses

@dataclasses.dataclass(frozen=True)
class Pair:
    """Not tidy's: Python's own __init__, compiled from its text."""
    a: int
    b: list = dataclasses.field(default_factory=list)
'''


@pytest.mark.skipif(not _AHEAD, reason="this Python compiles a class's methods in one text")
@given(a=st.integers(), b=st.lists(st.integers(), max_size=3))
def test_a_text_not_in_the_file_is_compiled_as_python_does(a: int, b: list[int]) -> None:
    """A class of another package, or a tidy class the file does not know (changed since it
    was written): its __init__ compiled from the text, as the builtin exec would (no
    `from __future__ import annotations` of tidy's module leaks into it)."""
    made = []
    for name in ("probe_other_package", "tidy._probe_not_in_the_file"):
        module = types.ModuleType(name)
        sys.modules[name] = module
        try:
            exec(compile(_OTHER, f"<{name}>", "exec", dont_inherit=True), module.__dict__)
        finally:
            del sys.modules[name]
        init = module.Pair.__init__
        assert init.__code__.co_filename == "<string>"
        made.append((init.__annotations__["a"] is int, module.Pair(a, b),
                     module.Pair(a) == module.Pair(a, [])))
    assert [(first, (p.a, p.b), same) for first, p, same in made] == [
        (True, (a, b), True), (True, (a, b), True)]


def test_exec_answers_any_other_call_as_the_builtin() -> None:
    """The exec dataclasses now calls: a code object, the caller's globals when none given."""
    space: dict[str, object] = {}
    _dataclass_methods.exec_compiled_ahead("x = 1 + 1", space, space)
    assert space["x"] == 2
    code = compile("y = 3", "<probe>", "exec")
    _dataclass_methods.exec_compiled_ahead(code, space)
    assert space["y"] == 3
    assert tidy.__name__ == "tidy"
