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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from tidy.analysis.vendored.candidates import Library
from tidy.core.lazy_re import LazyPattern
from tidy.workspace.content import LINE_SHOWN
from tidy.workspace.textscan import Match

STRONG, MEDIUM, WEAK = "strong", "medium", "weak"
# The name as a package manager's package (an npm dependency with a version, a bare import
# specifier): what the package manager installs into node_modules, not this copy.
REGISTRY = "registry"
_RANK = {STRONG: 3, MEDIUM: 2, WEAK: 1, REGISTRY: 0}
USE = (STRONG, MEDIUM)  # what proves use; weak and registry mentions are only listed
CODE = "code"  # a mention that is not (only) a package manager's package

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
_DOC = LazyPattern(
    r"(?:^|/)(?:readme|changelog|changes|history|contributing|authors|license|copying|notice)"
    r"[^/]*$|\.(?:md|rst|txt|adoc|markdown)$",
    re.IGNORECASE,
)
# .txt files that are build input, not prose: CMake's lists (`add_subdirectory(fmt)`) and
# pip's requirement files (`-e ./vendor/foo`, `./third_party/bar.whl`).
_BUILD_TXT = LazyPattern(r"(?:^|/)(?:CMakeLists|(?:[\w.-]*[-_.])?(?:requirements|constraints)"
                         r"(?:[-_.][\w.-]*)?)\.txt$", re.IGNORECASE)
_TEST = LazyPattern(
    r"(?:^|/)(?:tests?|__tests__|specs?|testing)/|(?:^|/)test_[^/]*\.py$|_test\.py$|"
    r"\.(?:test|spec)\.[jt]sx?$|(?:^|/)conftest\.py$",
    re.IGNORECASE,
)
_COMMENT = ("#", "//", "/*", "*", "<!--", "{#", "--", ";", "rem ")
# A C-family preprocessor directive starts with '#' but is code: `#include <fmt/core.h>` is
# how a C or C++ project uses its third_party/fmt.
_DIRECTIVE = LazyPattern(r"#\s*(?:include|include_next|import)\s*[<\"]")
_C_FAMILY = LazyPattern(
    r"\.(?:c|h|cc|cp|cpp|cxx|c\+\+|hh|hpp|hxx|h\+\+|ipp|tpp|inl|inc|m|mm|cu|cuh|ino|S)$",
    re.IGNORECASE)
_IMPORT = LazyPattern(r"^\s*(?:from\s+\S+\s+import|import\s|from\s)|import_module\(|__import__\(")
_QUOTED = LazyPattern(r"""(['"`])((?:\\.|(?!\1).)*)\1""")
# Right before a quoted module specifier: `from "x"`, `import "x"`, `require("x")`, `import("x")`.
_SPECIFIER_BEFORE = LazyPattern(r"(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*$")
_KEY_AFTER = LazyPattern(r"""^\s*:\s*(['"])((?:\\.|(?!\1).)*)\1""")  # `"x": "1.2.3"`
_LOCAL_RANGE = LazyPattern(r"^(?:file:|link:|portal:|\.{0,2}/)")
_MANIFESTS = frozenset({"package.json", "bower.json", "composer.json"})
# Assets and data: a bare name there is a label (an icon font's glyph), not code.
_DATA_FILE = LazyPattern(r"\.(?:svg|csv|tsv|xml|po|pot|lock)$", re.IGNORECASE)
# Package metadata (a wheel's or an sdist's: RECORD, SOURCES.txt, top_level.txt) lists the
# files and names of an install; it describes a library, it never loads one.
_METADATA_FILE = LazyPattern(r"(?:^|/)[^/]+\.(?:dist|egg)-info/", re.IGNORECASE)
# Modules a bundler builds: they import what their project's package.json installs.
_MODULE_FILE = LazyPattern(r"\.(?:[cm]?[jt]sx?|vue|svelte|astro)$", re.IGNORECASE)
_DYNAMIC = LazyPattern(
    r"\+\s*['\"`\w]|['\"`]\s*\+|\$\{|%s|\{\}|\.format\(|\bf['\"]|\*|glob|listdir|readdir|"
    r"require\.context|import\.meta\.glob|path\.join|os\.path\.join|walk\("
)


@dataclass(frozen=True)
class Pattern:
    """A string whose presence in a file references a library, and how strongly."""

    library: int  # index into the libraries
    text: str
    tier: str  # what a match in code/config proves: STRONG for paths, MEDIUM for bare names
    python: bool = False  # a Python import name: strong on an import line
    hazard: bool = False  # the library's parent folder: only looked at for runtime paths
    # Inside a committed node_modules: a bare import or a dependency of this name resolves
    # to this very copy.
    resolvable: bool = False


@dataclass(frozen=True)
class Evidence:
    """One line of a file that references a library, with the tier of that reference."""

    path: str
    line_no: int
    line: str
    pattern: str
    tier: str


@dataclass
class Verdict:
    """Whether a library is used, and the evidence, users and runtime paths that say so."""

    library: Library
    evidence: list[Evidence] = field(default_factory=list)  # from first-party files
    used_by: list[str] = field(default_factory=list)  # vendored libraries that reference it
    hazards: list[Evidence] = field(default_factory=list)
    strings: tuple[str, ...] = ()
    used: bool = False

    @property
    def best(self) -> str:
        return max((e.tier for e in self.evidence), key=_RANK.__getitem__, default="")

    @property
    def referenced(self) -> bool:
        """First-party code or config uses it directly (not only through another library)."""
        return self.best in USE


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
    resolvable = "node_modules/" in f"/{library.root}/"
    patterns += [Pattern(index, m, MEDIUM, resolvable=resolvable)
                 for m in sorted(medium - strong)]
    if library.python_package:
        patterns.append(Pattern(index, library.python_package, MEDIUM, python=True))
    parent = library.root.rsplit("/", 1)[0] if "/" in library.root else ""
    if parent:
        patterns.append(Pattern(index, parent + "/", WEAK, hazard=True))
    return patterns


def in_code(match: Match) -> bool:
    """Not in docs, tests or a comment line: where a mention means the code uses it."""
    return not _doc_or_test(match.path) and not _comment(match)


# Sprockets (the Rails asset pipeline) loads assets through directives written as comments:
# `//= require select2/select2` in application.js, ` *= require select2` in application.css,
# `#= require` in CoffeeScript, `//= link_tree` in manifest.js.
_SPROCKETS = LazyPattern(
    r"(?://|\*|#)=\s*(?:require(?:_tree|_directory)?|link(?:_tree|_directory)?|"
    r"depend_on(?:_asset)?|include)\s")
_ASSET_FILE = LazyPattern(r"\.(?:js|coffee|css|scss|sass|less)(?:\.erb)?$", re.IGNORECASE)


def _comment(match: Match) -> bool:
    if not match.line.startswith(_COMMENT):
        return False
    if _DIRECTIVE.match(match.line) and _C_FAMILY.search(match.path):
        return False
    return not (_SPROCKETS.match(match.line) and _ASSET_FILE.search(match.path))


def _loaded_by_tests(match: Match, pattern: Pattern) -> bool:
    """A test's own code loading the library: the test suite is the project's too, and what
    it builds or imports is used (googletest under third_party/, added only by
    test/CMakeLists.txt). Only a load counts there: the library's path outside a comment
    (`add_subdirectory(.../third_party/googletest)`), an import of its package, an #include;
    a test's other mentions of its name (fixture strings, asserts) prove nothing."""
    if not _TEST.search(match.path) or _doc_only(match.path) or _comment(match):
        return False
    if pattern.python:
        return bool(_IMPORT.search(match.line))
    if pattern.tier == STRONG and "/" in pattern.text:
        return True
    return bool(_DIRECTIVE.match(match.line) and _C_FAMILY.search(match.path))


@functools.lru_cache(maxsize=65536)
def _doc_only(path: str) -> bool:
    return bool(_DOC.search(path) and not _BUILD_TXT.search(path))


@functools.lru_cache(maxsize=65536)
def _doc_or_test(path: str) -> bool:
    """Per path, not per match: a file holds many matches (a rescan judges them all again)."""
    return bool((_DOC.search(path) and not _BUILD_TXT.search(path)) or _TEST.search(path))


def grade(match: Match, pattern: Pattern) -> str | None:
    """What the match proves; None when it is no mention of the library at all (the name
    inside a longer one: `react` in `eslint-plugin-react-hooks` or `@emotion/react`), or a
    line that only describes the folder (`.gitattributes`: `linguist-vendored`, `-diff`)."""
    if match.path.rsplit("/", 1)[-1] == ".gitattributes":
        return None  # TDY403's own advice: marking a library vendored is no use of it
    if _METADATA_FILE.search(match.path):
        return None
    named: str | None = CODE
    if not pattern.python and (pattern.tier == MEDIUM or "/" not in pattern.text):
        # a name (`react`, `@popperjs/core`) or a file name, not a path
        named = mention(match.path, match.line, pattern.text)
    if named is None:
        return None
    if _loaded_by_tests(match, pattern):
        return STRONG if pattern.python else pattern.tier
    if not in_code(match) or (pattern.tier == MEDIUM and _DATA_FILE.search(match.path)):
        return WEAK  # an icon font's glyph named `react` is no use of React either
    if pattern.python:
        return STRONG if _IMPORT.search(match.line) else MEDIUM
    if named == REGISTRY and not pattern.resolvable:
        return REGISTRY
    return pattern.tier


def mention(path: str, line: str, name: str) -> str | None:
    """How `name` stands on `line`: REGISTRY when it is only the package manager's package
    of that name (`from "react"`, `"react": "^18"` in package.json), CODE when it is also
    anything else (`jQuery(...)`, a `file:` dependency on a local copy), None when every
    occurrence belongs to a longer name or to another package."""
    return _mention(path.rsplit("/", 1)[-1] in _MANIFESTS, line, name)


@functools.lru_cache(maxsize=4096)
def _mention(manifest: bool, line: str, name: str) -> str | None:
    """mention() of a line in a manifest or not: per distinct line, not per match (a cold
    web-app scan asks 1,786 times of 705 lines, a line hit by several patterns or in several
    files; half of mention's ~12 ms of CPU was answers already given)."""
    lowered, needle = line.lower(), name.lower()
    occurrences = _occurrences(lowered, needle)
    strings = _strings_until(lowered, occurrences[-1]) if occurrences else []
    found: set[str] = set()
    for start in occurrences:
        inside = next((q for q in strings if q.start(2) <= start < q.end(2)), None)
        spec = None if inside is None else _package_reference(lowered, inside, manifest)
        if spec is None:
            found.add(CODE)
        elif _package_of(spec[0]) == needle:
            found.add(CODE if spec[1] else REGISTRY)
        # else: the name inside another package's name, e.g. `@types/react`
    if not found and len(line) >= LINE_SHOWN:
        return CODE  # the mention lies past the part of the line the search kept
    return CODE if CODE in found else (REGISTRY if found else None)


def _strings_until(line: str, offset: int) -> list[re.Match[str]]:
    """The quoted strings of `line` that start at or before `offset` (a minified line holds
    thousands; only those up to the last mention can hold one)."""
    found = []
    for quoted in _QUOTED.finditer(line):
        if quoted.start() > offset:
            break
        found.append(quoted)
    return found


def _occurrences(line: str, needle: str) -> list[int]:
    """Where `needle` stands as a name of its own: not inside a longer word, nor a
    hyphenated package name (`react` in `react-hooks`)."""
    found = []
    start = line.find(needle)
    while start >= 0:
        before = line[start - 1] if start else " "
        end = start + len(needle)
        after = line[end] if end < len(line) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            found.append(start)
        start = line.find(needle, start + 1)
    return found


def _package_reference(line: str, quoted: re.Match[str], manifest: bool
                       ) -> tuple[str, bool] | None:
    """(specifier, is a local path) when the quoted string is a module specifier or a
    manifest's dependency key; None otherwise."""
    spec = quoted.group(2)
    if _SPECIFIER_BEFORE.search(line[:quoted.start()]):
        return (spec, False) if _bare(spec) else None
    if manifest:
        value = _KEY_AFTER.match(line[quoted.end():])
        if value is not None and _bare(spec):
            return spec, bool(_LOCAL_RANGE.match(value.group(2)))
    return None


def _bare(spec: str) -> bool:
    return bool(spec) and not spec.startswith((".", "/")) and "://" not in spec and " " not in spec


def _package_of(spec: str) -> str:
    """`react-dom/client` -> `react-dom`; `@emotion/react/jsx` -> `@emotion/react`."""
    parts = spec.split("/")
    return "/".join(parts[:2]) if spec.startswith("@") else parts[0]


_UNGRADED = "?"  # not in a grades memo yet (grade() answers None or a tier)


def first_party_grades(libraries: Sequence[Library], patterns: Sequence[Pattern],
                       matches: Iterable[Match]) -> dict[Match, str | None]:
    """grade() of each match judge() grades whatever the other matches are: those of
    first-party files, but of a run-time path's pattern (judge's memo, worked out beside
    the other part of a split content pass)."""
    owner = _owner_of(libraries)
    return {match: grade(match, patterns[match.pattern]) for match in matches
            if owner(match.path) is None and not patterns[match.pattern].hazard}


def judge(
    libraries: Sequence[Library], patterns: Sequence[Pattern], matches: Iterable[Match],
    grades: dict[Match, str | None] | None = None,
) -> list[Verdict]:
    """Each library's verdict from the matches. `grades`: a memo of grade() by match (the
    same patterns' matches), read and filled: the early job hands its own to the main
    process, which judges the same matches less those in artifact folders."""
    verdicts = [Verdict(lib, strings=tuple(p.text for p in patterns if p.library == i and
                                           not p.hazard))
                for i, lib in enumerate(libraries)]
    owner = _owner_of(libraries)
    edges: dict[int, set[int]] = defaultdict(set)  # referencing library -> referenced ones
    first_party: list[tuple[Match, Pattern, str]] = []
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
            continue  # one reference makes the edge: a bundle names its dependency 1000 times
        if grades is None:
            tier = grade(match, pattern)
        else:
            tier = grades.get(match, _UNGRADED)
            if tier == _UNGRADED:
                tier = grades[match] = grade(match, pattern)
        if tier is None:
            continue
        if source is None:
            first_party.append((match, pattern, tier))
        elif tier in USE:
            edges[source].add(pattern.library)
    installed = _installed_projects(first_party)
    for match, pattern, tier in first_party:
        if tier == MEDIUM and _installed_there(installed, pattern.library, match.path):
            tier = REGISTRY
        verdicts[pattern.library].evidence.append(_evidence(match, pattern, tier))
    _propagate(verdicts, edges)
    return verdicts


def _installed_projects(graded: Sequence[tuple[Match, Pattern, str]]) -> dict[int, set[str]]:
    """Per library, the folders whose package.json installs the package of its name from the
    registry (a REGISTRY mention there): the modules below import that copy, not this one."""
    found: dict[int, set[str]] = defaultdict(set)
    for match, pattern, tier in graded:
        name = match.path.rsplit("/", 1)[-1]
        if tier == REGISTRY and name == "package.json" and not pattern.resolvable:
            found[pattern.library].add(match.path[: -len(name)])  # "" or "frontend/"
    return found


def _installed_there(installed: dict[int, set[str]], library: int, path: str) -> bool:
    """`path` is a bundled module under a project that installs the library's package: its
    bare mentions (`import react from ...`, `react()`) name the installed package."""
    return bool(_MODULE_FILE.search(path)) and any(path.startswith(folder)
                                                   for folder in installed.get(library, ()))


def deciding_matches(libraries: Sequence[Library], patterns: Sequence[Pattern],
                     matches: Iterable[Match],
                     judged_by_line: Callable[[str], bool] = lambda path: False) -> list[Match]:
    """The matches that can move judge(), in their order: judge() gives the same verdicts
    from these as from all of them, also after any of them are left out by path (a folder
    found to be an artifact after the walk) or, in files `judged_by_line` names, by line
    (the lines tidy wrote: kept whole there).

    First-party matches all count (they are the evidence). A match inside a library counts
    only as a use of another library (an edge): one graded strong or medium per file and
    library referred to is enough; its matches of itself, its hazards and its weak mentions
    never count. The early job hands the main process these instead of every match: on the
    web-app bench tree 1,956 of 19,290 (the bundles name themselves thousands of times).
    """
    keep = deciding_hits(libraries, patterns, judged_by_line)
    tests: dict[str, Callable[[int, int, str], bool] | None] = {}
    kept = []
    for match in matches:
        if match.path not in tests:
            tests[match.path] = keep(match.path)
        test = tests[match.path]
        if test is None or test(match.pattern, match.line_no, match.line):
            kept.append(match)
    return kept


def deciding_hits(libraries: Sequence[Library], patterns: Sequence[Pattern],
                  judged_by_line: Callable[[str], bool] = lambda path: False
                  ) -> Callable[[str], Callable[[int, int, str], bool] | None]:
    """deciding_matches as a filter of each file's hits (textscan.search_paths's `keep`):
    None for a file whose matches all count, else a test of (pattern, line number, line)
    that keeps a file's hits in their order. No Match is made for a hit it drops."""
    owner = _owner_of(libraries)
    edges: set[tuple[int, int, str]] = set()

    def for_file(path: str) -> Callable[[int, int, str], bool] | None:
        source = owner(path)
        if source is None or judged_by_line(path):
            return None

        def test(index: int, line_no: int, line: str) -> bool:
            pattern = patterns[index]
            if pattern.library == source or pattern.hazard:
                return False
            edge = (source, pattern.library, path)
            if edge in edges or grade(Match(path, index, line_no, line), pattern) not in USE:
                return False
            edges.add(edge)
            return True

        return test

    return for_file


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
    used = [i for i, v in enumerate(verdicts) if v.referenced]
    for i in used:
        verdicts[i].used = True
    while used:
        source = used.pop()
        for target in sorted(edges.get(source, ())):
            if source != target:
                verdicts[target].used_by.append(verdicts[source].library.root)
                if not verdicts[target].used:
                    verdicts[target].used = True
                    used.append(target)
    # Unused referrers too, for the report, in the libraries' order: not in the order the
    # matches came (the early job hands over fewer matches than the search found).
    for source, targets in sorted(edges.items()):
        for target in sorted(targets):
            root = verdicts[source].library.root
            if not verdicts[source].used and root not in verdicts[target].used_by:
                verdicts[target].used_by.append(root + " (itself unused)")
