"""A LazyPattern (tidy/core/lazy_re.py) answers as the compiled pattern does, and the modules
that keep theirs so compile none at import (issue 16: a warm scan used 14 of the 56 patterns
its modules compiled before the walk)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from tidy.analysis.vendored import evidence
from tidy.core import catalog, units
from tidy.core.lazy_re import LazyPattern

_TEXT = st.text(st.sampled_from("aAbB01 ./_-:'\"`#=\n"), max_size=12)
_PATTERNS = [(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE),
             (r"""(['"`])((?:\\.|(?!\1).)*)\1""", 0), (r"a|b+", re.IGNORECASE),
             (r"(?m)^#=?\s*\w", 0), (r"", 0)]


@given(st.sampled_from(_PATTERNS), _TEXT, st.integers(0, 13), st.integers(0, 13))
def test_a_lazy_pattern_answers_as_the_compiled_one(
        pattern: tuple[str, int], text: str, pos: int, endpos: int) -> None:
    lazy, compiled = LazyPattern(*pattern), re.compile(*pattern)

    def seen(found: re.Match[str] | None) -> object:
        return None if found is None else (found.span(), found.groups())

    assert seen(lazy.search(text)) == seen(compiled.search(text))
    assert seen(lazy.search(text, pos, endpos)) == seen(compiled.search(text, pos, endpos))
    assert seen(lazy.match(text, pos)) == seen(compiled.match(text, pos))
    assert seen(lazy.fullmatch(text)) == seen(compiled.fullmatch(text))
    assert [seen(m) for m in lazy.finditer(text, pos)] == [
        seen(m) for m in compiled.finditer(text, pos)]
    assert lazy.sub("x", text) == compiled.sub("x", text)
    assert lazy.sub(lambda m: m.group(0).upper(), text, 1) == compiled.sub(
        lambda m: m.group(0).upper(), text, 1)
    assert (lazy.pattern, lazy.flags) == pattern


def test_the_modules_compile_their_patterns_only_when_used() -> None:
    """Imported in a fresh process: not one of their LazyPatterns compiled; each compiles on
    its first use, once."""
    names = {module.__name__: sorted(name for name, value in vars(module).items()
                                     if isinstance(value, LazyPattern))
             for module in (evidence, units, catalog)}
    assert len(names[evidence.__name__]) == 16 and names[units.__name__] == ["_AGE", "_SIZE"]
    probe = ("import importlib, re, sys\n"
             "compiled = []\n"
             "making = re._compile\n"
             "def recorded(pattern, flags):\n"
             "    compiled.append(pattern)\n"
             "    return making(pattern, flags)\n"
             "re._compile = recorded\n"
             f"names = {names!r}\n"
             "patterns = [getattr(importlib.import_module(m), n).pattern\n"
             "            for m, found in names.items() for n in found]\n"
             "print(repr(sorted(set(compiled) & set(patterns))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert ast.literal_eval(done.stdout.strip().splitlines()[-1]) == []
    assert units.parse_size("10MB") == 10_000_000
    first = units._SIZE.compiled
    assert units._SIZE.compiled is first
