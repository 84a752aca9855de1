"""Library discovery (tidy.analysis.vendored.candidates): its shortcuts over a library's files
answer what the plain tests over every file would, and the path candidates a caller kept
give the libraries the paths themselves give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.analysis.vendored.candidates import discover, path_candidates

_PIECES = st.sampled_from(["a", "min", ".min", "-min", ".js", ".css", ".map", "src", "/",
                           "__init__.py", "\n", "x", ".", "-"])
_NAMES = st.lists(_PIECES, min_size=1, max_size=6).map("".join)


def _nothing(_path: str, _limit: int) -> bytes:
    return b""


def _minified_by_expression(files: list[str]) -> int:
    return sum(1 for p in files if re.search(r"[.-]min\.(?:js|css)$", p))


def _package_by_splitting(root: str, files: list[str]) -> str:
    """_python_package's loop as it was: every file split."""
    for path in files:
        rest = path[len(root) + 1:].split("/")
        if len(rest) == 2 and rest[1] == "__init__.py":
            return rest[0]
        if len(rest) == 3 and rest[0] == "src" and rest[2] == "__init__.py":
            return rest[1]
    return ""


@settings(max_examples=120, deadline=None)
@given(st.lists(_NAMES, min_size=1, max_size=12, unique=True))
def test_a_librarys_counts_and_package_are_those_of_every_file(names: list[str]) -> None:
    tracked = sorted({"vendor/lib/" + name.lstrip("/") for name in names
                      if name.lstrip("/") and "//" not in name and not name.endswith("/")})
    if not tracked:
        return
    libraries = [lib for lib in discover(tracked, _nothing) if lib.root == "vendor/lib"]
    assert len(libraries) == 1
    library = libraries[0]
    files = sorted(library.files)
    minified = _minified_by_expression(files)
    assert (f"{minified} minified file(s)" in library.signals) == (minified > 0)
    if "__init__.py" not in [p[len("vendor/lib/"):] for p in files]:
        assert library.python_package == _package_by_splitting("vendor/lib", files)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["vendor", "static", "lib", "js", "jquery", "src",
                                          "node_modules", "a", "b.js", "fixtures"]),
                         min_size=1, max_size=5).map("/".join), max_size=20))
def test_kept_path_candidates_give_the_same_libraries(tracked: list[str]) -> None:
    kept = path_candidates(tracked)
    assert kept == path_candidates(list(reversed(tracked)))  # the paths' set, not order
    assert discover(tracked, _nothing, candidates=kept) == discover(tracked, _nothing)
