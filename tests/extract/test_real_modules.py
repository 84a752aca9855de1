"""Real data modules from widely used packages installed here, copied into a temp package:
extracted, imported in a fresh process, equal (type-exact) to the original module's values."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

from tests.extract.helpers import import_fresh, package, same
from tidy.extract.core import extract_module

# (module, names): idna's Unicode tables (tuples, int-keyed dicts), pygments' lexer map,
# rich's emoji table, CPython's pydoc topics (one big str-keyed dict of long strings).
_MODULES = [
    ("idna.idnadata", ("scripts", "codepoint_classes")),
    ("pygments.lexers._mapping", ("LEXERS",)),
    ("rich._emoji_codes", ("EMOJI",)),
    ("pydoc_data.topics", ("topics",)),
]


@pytest.mark.slow
@pytest.mark.parametrize(("dotted", "names"), _MODULES, ids=[m for m, _ in _MODULES])
def test_real_module(tmp_path: Path, dotted: str, names: tuple[str, ...]) -> None:
    try:
        original = importlib.import_module(dotted)
    except ImportError:
        pytest.skip(f"{dotted} is not installed")
    folder = package(tmp_path)
    target = folder / "data.py"
    shutil.copyfile(original.__file__ or "", target)
    before = target.stat().st_size
    result = extract_module(str(target), names)
    assert set(result.names) == set(names)
    got = import_fresh(tmp_path, "pkg.data", *names)
    for name in names:
        assert same(got[name], getattr(original, name)), name
    assert result.data_bytes < before
