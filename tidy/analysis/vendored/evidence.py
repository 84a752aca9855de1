"""From matches to verdicts: how strongly is each vendored library referenced, and by what.

Evidence grading (research/vendored-ignores.md F.1): a path or an import in code or config is
strong; a bare name in code or config is medium; anything only in docs, comments or tests is
weak. A library referenced only by another vendored library is used only if that one is.
Paths built at run time (string concatenation or globs around the library's parent folder)
make "unused" a guess, so the verdict is downgraded.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tidy.analysis.vendored.candidates import Library
from tidy.workspace.textscan import Match

STRONG, MEDIUM, WEAK = "strong", "medium", "weak"
_RANK = {STRONG: 3, MEDIUM: 2, WEAK: 1}

_STATIC_ROOTS = ("static/", "public/", "assets/", "www/", "wwwroot/", "web/")
_GENERIC_NAMES = frozenset({
    "lib", "libs", "js", "css", "ui", "core", "common", "utils", "util", "src", "dist", "main",
    "index", "app", "vendor", "static", "assets", "fonts", "img", "images", "build", "base",
})
_GENERIC_FILES = frozenset({
    "index.js", "main.js", "app.js", "bundle.js", "style.css", "styles.css", "main.css",
    "index.html", "index.css", "package.json", "readme.md", "license", "index.d.ts",
})
# Prose is weak evidence; code and config are not, wherever they live: a docs theme's CSS
# that @imports a library (Sphinx `_static/`) uses it as surely as the app does.
_DOC = re.compile(
    r"(?:^|/)(?:readme|changelog|changes|history|contributing|authors|license|copying|notice)"
    r"[^/]*$|\.(?:md|rst|txt|adoc|markdown)$",
    re.IGNORECASE,
)
_TEST = re.compile(
    r"(?:^|/)(?:tests?|__tests__|specs?|testing)/|(?:^|/)test_[^/]*\.py$|_test\.py$|"
    r"\.(?:test|spec)\.[jt]sx?$|(?:^|/)conftest\.py$",
    re.IGNORECASE,
)
_COMMENT = ("#", "//", "/*", "*", "<!--", "{#", "--", ";", "rem ")
_IMPORT = re.compile(r"^\s*(?:from\s+\S+\s+import|import\s|from\s)|import_module\(|__import__\(")
_DYNAMIC = re.compile(
    r"\+\s*['\"`\w]|['\"`]\s*\+|\$\{|%s|\{\}|\.format\(|\bf['\"]|\*|glob|listdir|readdir|"
    r"require\.context|import\.meta\.glob|path\.join|os\.path\.join|walk\("
)


@dataclass(frozen=True)
class Pattern:
    library: int  # index into the libraries
    text: str
    tier: str  # what a match in code/config proves: STRONG for paths, MEDIUM for bare names
    python: bool = False  # a Python import name: strong on an import line
    hazard: bool = False  # the library's parent folder: only looked at for runtime paths


@dataclass(frozen=True)
class Evidence:
    path: str
    line_no: int
    line: str
    pattern: str
    tier: str


@dataclass
class Verdict:
    library: Library
    evidence: list[Evidence] = field(default_factory=list)  # from first-party files
    used_by: list[str] = field(default_factory=list)  # vendored libraries that reference it
    hazards: list[Evidence] = field(default_factory=list)
    strings: tuple[str, ...] = ()
    used: bool = False

    @property
    def best(self) -> str:
        return max((e.tier for e in self.evidence), key=_RANK.__getitem__, default="")


def patterns_for(libraries: Sequence[Library]) -> list[Pattern]:
    found: list[Pattern] = []
    for index, library in enumerate(libraries):
        found += _library_patterns(index, library)
    return found


def _library_patterns(index: int, library: Library) -> list[Pattern]:
    strong = {library.root}
    for static in _STATIC_ROOTS:
        position = library.root.find(static)
        if position == 0 or (position > 0 and library.root[position - 1] == "/"):
            # Its URL under the static root (`/static/x/`, Sphinx's `_static/x/`): a trailing
            # slash keeps a one-word folder a path, not a bare name.
            strong.add(library.root[position + len(static):] + "/")
    strong.update(f for f in library.entry_files if f.lower() not in _GENERIC_FILES)
    medium = {library.name, library.package_name} - {"", library.python_package}
    medium = {m for m in medium if len(m) >= 3 and m.lower() not in _GENERIC_NAMES}
    patterns = [Pattern(index, s, STRONG) for s in sorted(strong) if "/" in s or "." in s]
    patterns += [Pattern(index, m, MEDIUM) for m in sorted(medium - strong)]
    if library.python_package:
        patterns.append(Pattern(index, library.python_package, MEDIUM, python=True))
    parent = library.root.rsplit("/", 1)[0] if "/" in library.root else ""
    if parent:
        patterns.append(Pattern(index, parent + "/", WEAK, hazard=True))
    return patterns


def in_code(match: Match) -> bool:
    """Not in docs, tests or a comment line: where a mention means the code uses it."""
    return not _doc_or_test(match.path) and not match.line.startswith(_COMMENT)


@functools.lru_cache(maxsize=65536)
def _doc_or_test(path: str) -> bool:
    """Per path, not per match: a file holds many matches (a rescan judges them all again)."""
    return bool(_DOC.search(path) or _TEST.search(path))


def grade(match: Match, pattern: Pattern) -> str:
    if not in_code(match):
        return WEAK
    if pattern.python:
        return STRONG if _IMPORT.search(match.line) else MEDIUM
    return pattern.tier


def judge(
    libraries: Sequence[Library], patterns: Sequence[Pattern], matches: Iterable[Match]
) -> list[Verdict]:
    verdicts = [Verdict(lib, strings=tuple(p.text for p in patterns if p.library == i and
                                           not p.hazard))
                for i, lib in enumerate(libraries)]
    owner = _owner_of(libraries)
    edges: dict[int, set[int]] = defaultdict(set)  # referencing library -> referenced ones
    for match in matches:
        pattern = patterns[match.pattern]
        source = owner(match.path)
        if source == pattern.library:
            continue  # a library naming itself proves nothing
        if pattern.hazard:
            if source is None and _DYNAMIC.search(match.line) and in_code(match):
                verdicts[pattern.library].hazards.append(_evidence(match, pattern, STRONG))
            continue
        if source is not None and pattern.library in edges[source]:
            continue  # that edge is known: a library's many mentions need no more grading
        tier = grade(match, pattern)
        if source is None:
            verdicts[pattern.library].evidence.append(_evidence(match, pattern, tier))
        elif tier != WEAK:
            edges[source].add(pattern.library)
    _propagate(verdicts, edges)
    return verdicts


def _evidence(match: Match, pattern: Pattern, tier: str) -> Evidence:
    return Evidence(match.path, match.line_no, match.line, pattern.text, tier)


def _owner_of(libraries: Sequence[Library]):  # type: ignore[no-untyped-def]
    roots = {lib.root: i for i, lib in enumerate(libraries)}
    known: dict[str, int | None] = {}  # by path: a file holds many matches

    def owner(path: str) -> int | None:
        if path in known:
            return known[path]
        found = None
        parts = path.split("/")
        for i in range(1, len(parts)):
            found = roots.get("/".join(parts[:i]))
            if found is not None:
                break
        known[path] = found
        return found

    return owner


def _propagate(verdicts: list[Verdict], edges: dict[int, set[int]]) -> None:
    """Used = referenced (strong or medium) from first-party code, or from a used library."""
    used = [i for i, v in enumerate(verdicts) if v.best in (STRONG, MEDIUM)]
    for i in used:
        verdicts[i].used = True
    while used:
        source = used.pop()
        for target in edges.get(source, ()):
            if source != target:
                verdicts[target].used_by.append(verdicts[source].library.root)
                if not verdicts[target].used:
                    verdicts[target].used = True
                    used.append(target)
    for source, targets in edges.items():  # record unused referrers too, for the report
        for target in targets:
            root = verdicts[source].library.root
            if not verdicts[source].used and root not in verdicts[target].used_by:
                verdicts[target].used_by.append(root + " (itself unused)")
