"""The artifact catalogue: kinds of caches and build outputs, loaded from catalog.toml.

A kind is recognised by its name (or a glob) and, where the name is ambiguous, by evidence:
a sibling marker file, a file inside, a CACHEDIR.TAG with the standard signature, or a
.gitignore inside that ignores everything (what pytest writes into .pytest_cache). Where the
tool leaves a signature inside its output folder (setuptools' build/lib, CMake's
CMakeCache.txt), that signature is required on top of the evidence: a marker beside a
hand-written build/ of scripts proves nothing about the folder itself.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import itertools
import json
import os
import posixpath
import re
import stat
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from tidy.core import task_outputs
from tidy.core.build_scripts import EMITS, eleventy_inputs, script_entries, script_outputs
from tidy.core.cra_build import cra_wrote_only
from tidy.core.eleventy_site import eleventy_wrote_only
from tidy.core.lazy_re import LazyPattern
from tidy.core.safe_files import UnsafeFile, read_regular, read_regular_at

TIERS = ("default", "marker", "opt-in", "never", "global")
TYPES = ("dir", "file")
# Names that are also ordinary source folders: never enough on their own (DESIGN.md rule 5).
AMBIGUOUS_NAMES = frozenset(
    {"build", "dist", "target", "out", "bin", "obj", "lib", "vendor", "deps", "Library",
     "coverage", "Pods", "env", ".env", "outputs", "Build", "Builds", "Temp", "Obj", "Logs",
     "public", "Debug", "Release", "x64", "Makefile", "build.ninja"}
)
# Folders where a project keeps test fixtures: what lies below them is committed on purpose, as
# test input (a resolver's tests/fixtures/x/node_modules, a Go testdata/ tree), not a cache or
# a vendored copy. Linguist treats them as not first-party too (research/vendored-ignores.md).
FIXTURE_FOLDERS = frozenset({"fixtures", "fixture", "__fixtures__", "testdata"})
# The bytes of a file read for its `header` (a generated Makefile's first lines), and of a
# wrapper script read for the folder it names (`wrapped_by`).
HEAD_BYTES = 512


# What an sdist carries on purpose: setuptools writes NAME.egg-info into every sdist it builds,
# and projects ship the C that Cython generated so that no one needs Cython to install them
# (msgpack 1.2.4's _cmsgpack.c). A repository that keeps an sdist as it unpacked (a vendored
# release, an old tarball imported) tracks both beside the sdist's PKG-INFO.
SDIST_SHIPS = frozenset({"egg-info", "cython-c"})
_SDIST_PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg")


def unpacked_sdist(rel: str, is_tracked: Callable[[str], bool]) -> str | None:
    """The folder of the unpacked sdist the tracked path `rel` lies in ("" for the top), or
    None: the nearest folder above it that tracks a PKG-INFO (written only by sdist builders:
    setuptools, flit, hatch, poetry, maturin) beside a project file."""
    folder = rel
    while folder:
        folder = folder.rpartition("/")[0]
        prefix = f"{folder}/" if folder else ""
        if is_tracked(f"{prefix}PKG-INFO") and any(
                is_tracked(prefix + name) for name in _SDIST_PROJECT_FILES):
            return folder
    return None


def sdist_exclude(rel: str, is_dir: bool) -> str:
    """The .tidy.toml line that leaves the sdist's own `rel` out of scans and hooks."""
    import json  # a TOML basic string escapes as JSON does

    return f"exclude = [{json.dumps('/' + rel + ('/' if is_dir else ''))}]"


def in_test_fixture(rel: str) -> bool:
    """Whether a repo-relative path lies below a test-fixture folder."""
    return any(part in FIXTURE_FOLDERS for part in rel.split("/")[:-1])


# https://bford.info/cachedir/ : the first 43 bytes of a valid CACHEDIR.TAG.
CACHEDIR_SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"
# Names that mark a version-controlled checkout (git: a folder or a `gitdir:` file). A planned
# path that holds one may hold work that exists nowhere else (a dependency installed from git,
# a crate checkout inside target/): it is never moved by default.
VCS_MARKERS = frozenset(
    {".git", ".hg", ".svn", ".bzr", "_darcs", ".pijul", ".jj", ".sl", ".fslckout", "_FOSSIL_",
     "CVS"}
)
_FIELDS = {"name", "ecosystem", "type", "names", "globs", "tier", "markers", "inside",
           "signature", "only", "declared", "sources", "with", "safe", "regenerate", "why",
           "home", "clean", "built_from", "every_file", "header", "absent", "wrapped_by",
           "parent", "listed_by"}


class CatalogError(ValueError):
    pass


@dataclass(frozen=True)
class Kind:
    """One kind of artifact the catalogue knows (catalog.toml): how the walk recognises it,
    what it is and how it comes back."""

    name: str
    ecosystem: str
    type: str
    names: tuple[str, ...]
    globs: tuple[str, ...]
    tier: str
    markers: tuple[str, ...]
    inside: tuple[str, ...]
    signature: tuple[str, ...]  # one of these must be inside as well, whatever confirmed it
    safe: bool
    regenerate: str
    why: str
    # A global cache (tier "global"): where it lives below the home folder, and the tool's
    # own command that cleans it.
    home: tuple[str, ...] = ()
    clean: str = ""
    # Every entry directly inside must match one of these, whatever confirmed the kind: the
    # only names the tool writes there (setuptools' build/: lib*, bdist.*, temp.*, ...).
    only: tuple[str, ...] = ()
    # "FILE:key.path" entries: a sibling config file whose setting names this very folder as
    # the tool's output (tsconfig.json's compilerOptions.outDir). It confirms the kind where
    # the signature is missing: tsc's dist/ of plain .js files has nothing else to show.
    declared: tuple[str, ...] = ()
    # Kinds whose items go stale when this kind's output is moved without them: a selection
    # of this kind (`tidy fix --kind js-dist`) takes them too. tsc's tsbuildinfo left beside
    # its moved outDir makes `tsc -b` call the project up to date and write nothing.
    with_kinds: tuple[str, ...] = ()
    # "*.EXT" entries (file kinds): a sibling source of the same stem must be there, the one
    # this file is compiled from (main.o beside main.c, Cython's core.c beside core.pyx): a
    # hand-written helper.c has no helper.pyx. The stem is the name up to its first "." or "$"
    # (core.cpython-311-x86_64-linux-gnu.so is core's; javac's App$1.class is App's).
    sources: tuple[str, ...] = ()
    # (file kinds found by no name) what names a program a compiler wrote beside its source:
    # "*.EXT" a sibling NAME.EXT (`cc -o hello hello.c`), "folder:*.EXT" the folder's own
    # name beside a *.EXT file (`go build` in cmd/tool writes cmd/tool/tool), "go.mod:module"
    # the last element of go.mod's module path, "go.mod:cmd" a package cmd/NAME beside go.mod
    # (`go build ./cmd/NAME` at the module's root). The file has no extension, the executable bit
    # and an executable image's header (ELF, Mach-O, PE): a script of the same name is no
    # compiler's.
    built_from: tuple[str, ...] = ()
    # (folder kinds) every file below matches one of these, and there is one: what javac -d
    # writes (only .class files, in package folders of any depth).
    every_file: tuple[str, ...] = ()
    # (file kinds) one of these texts is in the file's first HEAD_BYTES bytes, the line the
    # tool writes at its top ("# CMAKE generated file: DO NOT EDIT!"): a hand-written
    # Makefile of the same name has none. Only where the file's bytes can be read (the scan).
    # (folder kinds confirmed by `inside`) what the file inside that confirms it starts with:
    # Django's staticfiles.json starts `{"paths": {`.
    header: tuple[str, ...] = ()
    # (folder kinds confirmed by `inside`) FILE:key, a JSON file inside whose object at `key`
    # names every file the tool wrote below the folder (Django's staticfiles.json "paths":
    # each collected file, as a key, and its hashed copy, as the value). A file it does not
    # name is someone's: a forged manifest, or a STATIC_ROOT that is a source folder too.
    listed_by: str = ""
    # (folder kinds) names that must not be directly inside: a source folder's own files
    # (a folder holding CMakeLists.txt and CMakeCache.txt is a project configured in place,
    # its sources beside the cache, not a build tree).
    absent: tuple[str, ...] = ()
    # (folder kinds) where the signature is missing: some entry E inside has a sibling file E
    # beside the folder whose first HEAD_BYTES bytes hold this text, then "<folder>/E"
    # (libtool's wrapper script hello: "temporary wrapper script for .libs/hello").
    wrapped_by: str = ""
    # (folder kinds) the folder's parent has one of these names: VitePress keeps cache/ and
    # dist/ in `.vitepress/`, and a config.js beside a dist/ is any Node app's (trust round
    # 11: an app's hand-written dist/ holding a hashmap.json was moved as VitePress's site).
    parent: tuple[str, ...] = ()

    @property
    def is_global(self) -> bool:
        return self.tier == "global"

    @property
    def clean_advice(self) -> str:
        """`clean` as advice text: a lone command in backticks; a value with words around its
        commands has them marked already (prose never goes inside backticks)."""
        return self.clean if "`" in self.clean else f"`{self.clean}`"

    @property
    def needs_evidence(self) -> bool:
        return (self.tier == "marker" or bool(self.markers) or bool(self.inside)
                or bool(self.sources) or bool(self.built_from) or bool(self.header))

    def matches_name(self, name: str) -> bool:
        return name in self.names or any(fnmatch.fnmatchcase(name, g) for g in self.globs)


def companions_of(named: Iterable[Kind], kinds: Iterable[Kind]) -> frozenset[str]:
    """The kinds a selection of `named` takes along (their `with`), of those in `kinds`:
    only kinds that are safe and offered by default (tier default or marker), by every
    declaration of that name. A `with` is about output that goes stale beside its folder
    (tsc's tsbuildinfo), never a way for a kind the user named to bring in one they would
    have had to ask for: a repo's own `gen` kind with `with = ["venv", "ml-outputs"]` made
    `tidy fix --unsafe-fixes --kind gen` trash the virtualenv and the experiment outputs
    ("may be the only copy", tier never)."""
    all_kinds = tuple(kinds)
    refused = {k.name for k in all_kinds if not (k.safe and k.tier in ("default", "marker"))}
    return frozenset(c for k in named for c in k.with_kinds if c not in refused)


_KIND_FIELDS = tuple(f.name for f in fields(Kind))  # what catalog_data's KINDS must name


def kind_from_table(table: Mapping[str, Any], origin: str) -> Kind:
    unknown = set(table) - _FIELDS
    if unknown:
        raise CatalogError(f"{origin}: unknown key(s) {', '.join(sorted(unknown))} in a kind")
    name = _text(table, "name", origin)
    where = f"{origin}: kind {name!r}"
    kind = Kind(
        name=name,
        ecosystem=_text(table, "ecosystem", where, default="custom"),
        type=_choice(table, "type", TYPES, where, default="dir"),
        names=_texts(table, "names", where),
        globs=_texts(table, "globs", where),
        tier=_choice(table, "tier", TIERS, where, default="marker"),
        markers=_texts(table, "markers", where),
        inside=_texts(table, "inside", where),
        signature=_texts(table, "signature", where),
        safe=_flag(table, "safe", where, default=False),
        regenerate=_text(table, "regenerate", where, default=""),
        why=_text(table, "why", where, default=name),
        home=_texts(table, "home", where),
        clean=_text(table, "clean", where, default=""),
        only=_texts(table, "only", where),
        declared=_texts(table, "declared", where),
        with_kinds=_texts(table, "with", where),
        sources=_texts(table, "sources", where),
        built_from=_texts(table, "built_from", where),
        every_file=_texts(table, "every_file", where),
        header=_texts(table, "header", where),
        absent=_texts(table, "absent", where),
        wrapped_by=_text(table, "wrapped_by", where, default=""),
        parent=_texts(table, "parent", where),
        listed_by=_text(table, "listed_by", where, default=""),
    )
    _check_global(kind, where)
    _check_ambiguity(kind, where)
    _check_signature(kind, where)
    _check_declared(kind, where)
    _check_sources(kind, where)
    _check_built_from(kind, where)
    _check_every_file(kind, where)
    _check_header(kind, where)
    _check_listed_by(kind, where)
    _check_markers(kind, where)
    return kind


def _check_ambiguity(kind: Kind, where: str) -> None:
    ambiguous = AMBIGUOUS_NAMES.intersection(kind.names)
    if ambiguous and not kind.needs_evidence and kind.tier in ("default", "marker"):
        raise CatalogError(
            f"{where}: {', '.join(sorted(ambiguous))} is a common source folder name; "
            "give it markers or tier = \"marker\""
        )


def _check_global(kind: Kind, where: str) -> None:
    """A global cache is found by where it lives under the home folder, nothing else."""
    if kind.is_global != bool(kind.home):
        raise CatalogError(f"{where}: 'home' and tier = \"global\" go together")
    if not kind.is_global:
        if kind.clean:
            raise CatalogError(f"{where}: 'clean' is for global caches (tier = \"global\")")
        return
    if kind.type != "dir" or kind.names or kind.globs or kind.markers or kind.inside:
        raise CatalogError(f"{where}: a global cache is a folder found by its 'home' path only")
    if not kind.clean:
        raise CatalogError(f"{where}: a global cache needs its tool's 'clean' command")
    for rel in kind.home:
        parts = rel.split("/")
        if rel.startswith(("/", "~")) or any(p in ("", ".", "..") for p in parts):
            raise CatalogError(f"{where}: 'home' entries are paths below the home folder "
                               f"(`.cache/pip`), not {rel!r}")


def _check_declared(kind: Kind, where: str) -> None:
    for entry in kind.declared:
        file, _, keys = entry.partition(":")
        if kind.type != "dir" or not file or "/" in file or not keys or "" in keys.split("."):
            raise CatalogError(f"{where}: 'declared' entries are FILE:key.path naming a "
                               f"sibling JSON file's setting (a folder kind), not {entry!r}")


def _check_sources(kind: Kind, where: str) -> None:
    for entry in kind.sources:
        ext = entry[2:]
        if kind.type != "file" or not entry.startswith("*.") or not ext or any(
                c in ext for c in "*?[]/$"):
            raise CatalogError(f"{where}: 'sources' entries are \"*.EXT\" (a file kind's "
                               f"sibling source of the same stem), not {entry!r}")


_GO_MODULE = "go.mod:module"
_GO_CMD = "go.mod:cmd"
_GO_BIN = "go.mod:bin"
_CMAKE_TARGET = "CMakeFiles:target"
_CMAKE_LIBRARY = "CMakeFiles:library"
_PYINSTALLER_ONEFILE = "dist:../NAME.spec"
_GO_ENTRIES = (_GO_MODULE, _GO_CMD, _GO_BIN, _CMAKE_TARGET, _CMAKE_LIBRARY, _PYINSTALLER_ONEFILE)


def _check_built_from(kind: Kind, where: str) -> None:
    if kind.built_from and (kind.type != "file" or kind.names or kind.globs):
        raise CatalogError(f"{where}: 'built_from' is for file kinds found by no name or glob")
    for entry in kind.built_from:
        pattern = entry.removeprefix("folder:")
        ext = pattern[2:]
        if entry not in _GO_ENTRIES and (not pattern.startswith("*.") or not ext or any(
                c in ext for c in "*?[]/$:")):
            raise CatalogError(f"{where}: 'built_from' entries are \"*.EXT\", "
                               f"\"folder:*.EXT\", \"{_GO_MODULE}\", \"{_GO_CMD}\", "
                               f"\"{_GO_BIN}\", \"{_CMAKE_TARGET}\", \"{_CMAKE_LIBRARY}\" or "
                               f"\"{_PYINSTALLER_ONEFILE}\", "
                               f"not {entry!r}")


def _check_every_file(kind: Kind, where: str) -> None:
    if kind.every_file and (kind.type != "dir" or not kind.names or any(
            "/" in p for p in kind.every_file)):
        raise CatalogError(f"{where}: 'every_file' narrows a named folder kind: globs of "
                           "file names")


def _check_listed_by(kind: Kind, where: str) -> None:
    file, _, key = kind.listed_by.partition(":")
    if kind.listed_by and (file not in kind.inside or not key):
        raise CatalogError(f"{where}: 'listed_by' is FILE:key naming a plain file of 'inside'")


def _check_header(kind: Kind, where: str) -> None:
    plain_inside = kind.inside and not any(c in n for n in kind.inside for c in "*?[")
    narrows = (kind.type == "file" and kind.names) or (kind.type == "dir" and plain_inside)
    if kind.header and (not narrows or any(
            not h or len(h.encode()) > HEAD_BYTES for h in kind.header)):
        raise CatalogError(f"{where}: 'header' narrows a named file kind, or the file inside "
                           f"(a plain name) that confirms a folder kind: texts within its first "
                           f"{HEAD_BYTES} bytes")
    if (kind.absent or kind.wrapped_by) and kind.type != "dir":
        raise CatalogError(f"{where}: 'absent' and 'wrapped_by' are for folder kinds")
    if kind.wrapped_by and not kind.names:
        raise CatalogError(f"{where}: 'wrapped_by' narrows a named folder kind")


def _check_markers(kind: Kind, where: str) -> None:
    """A marker is a sibling name or glob; a folder kind's may be SUB/NAME: SUB a sibling
    folder's plain name (no glob: one folder is opened), NAME a name or glob inside it."""
    for marker in kind.markers:
        if "/" not in marker:
            continue
        parts = marker.split("/")
        sub, name = parts[0], parts[-1]
        if (kind.type != "dir" or len(parts) != 2 or sub in ("", ".", "..")
                or any(c in sub for c in "*?[") or name in ("", ".", "..")):
            raise CatalogError(f"{where}: 'markers' entries are sibling names (or globs), or "
                               f"for a folder kind SUB/NAME (a sibling folder SUB holding "
                               f"NAME), not {marker!r}")


def _check_signature(kind: Kind, where: str) -> None:
    """A signature (and `only`) narrows a named folder kind: names directly inside it."""
    for key, patterns in (("signature", kind.signature), ("only", kind.only)):
        if not patterns:
            continue
        if kind.type != "dir":
            raise CatalogError(f"{where}: '{key}' is for folder kinds (type = \"dir\")")
        if not (kind.names or kind.globs or kind.inside):
            raise CatalogError(f"{where}: '{key}' narrows a kind found by its name or by "
                               "what is inside ('inside')")
        for pattern in patterns:
            parts = pattern.split("/")
            nested = key == "signature" and len(parts) == 2  # SUB/NAME: one level below
            if (len(parts) > 1 and not nested) or any(p in ("", ".", "..") for p in parts):
                raise CatalogError(f"{where}: '{key}' entries are names (or globs) directly "
                                   "inside the folder (a signature may also name SUB/NAME, "
                                   f"one level below), not {pattern!r}")


def _text(table: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise CatalogError(f"{where}: {key!r} must be a string")
    return value


def _texts(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogError(f"{where}: {key!r} must be a list of strings")
    return tuple(value)


def _flag(table: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise CatalogError(f"{where}: {key!r} must be true or false")
    return value


def _choice(
    table: Mapping[str, Any], key: str, choices: Iterable[str], where: str, default: str
) -> str:
    value = _text(table, key, where, default)
    if value not in choices:
        raise CatalogError(f"{where}: {key!r} must be one of {', '.join(choices)}")
    return value


@functools.cache  # immutable kinds; every Config and scan asks for them
def load_builtin() -> tuple[Kind, ...]:
    # pkgutil reads package data through the package's loader (a folder or a zip), as
    # importlib.resources does, without its ~3 ms of imports (zipfile, tempfile) per run.
    import pkgutil

    data = pkgutil.get_data("tidy.core", "catalog.toml")
    if data is None:  # a loader that cannot read data: not one Python ships
        raise CatalogError("tidy/core/catalog.toml: the package's loader cannot read it")
    text = data.decode("utf-8")
    return builtin_kinds(text) or kinds_from_document(builtin_document(text),
                                                      "tidy/core/catalog.toml")


def builtin_kinds(text: str) -> tuple[Kind, ...]:
    """catalog.toml's kinds as catalog_data keeps them, checked when it was written (each
    table through kind_from_table: ~4 ms a process less), while it was made from this very
    text and Kind still has the fields it was made with; else () and the caller checks."""
    from tidy.core import catalog_data

    if text != catalog_data.SOURCE or catalog_data.KIND_FIELDS != _KIND_FIELDS:
        return ()
    return tuple(Kind(**values) for values in catalog_data.KINDS)


def builtin_document(text: str) -> Mapping[str, Any]:
    """catalog.toml's text, parsed: catalog_data's copy while it was made from this very
    text (its .pyc loads in a fraction of the ~5 ms tomllib takes), else parsed here."""
    from tidy.core import catalog_data

    if text == catalog_data.SOURCE:
        return catalog_data.DOCUMENT
    import tomllib

    return tomllib.loads(text)


def kinds_from_document(document: Mapping[str, Any], origin: str) -> tuple[Kind, ...]:
    tables = document.get("kind", [])
    kinds = tuple(kind_from_table(t, origin) for t in tables)
    seen: set[str] = set()
    for kind in kinds:
        if kind.name in seen:
            raise CatalogError(f"{origin}: kind {kind.name!r} is defined twice")
        seen.add(kind.name)
    return kinds


class Catalog:
    """Kinds indexed for the walker: one dict lookup per entry on the hot path."""

    def __init__(self, kinds: Iterable[Kind]) -> None:
        self.kinds = tuple(kinds)
        self.by_kind_name = {k.name: k for k in self.kinds}
        self._dirs_by_name: dict[str, list[Kind]] = {}
        self._files_by_name: dict[str, list[Kind]] = {}
        self._dir_globs: list[Kind] = []
        self._file_globs: list[Kind] = []
        self._content_kinds: list[Kind] = []  # recognised only by what is inside
        self._built_kinds: list[Kind] = []  # programs named after their source (built_from)
        self._library_kinds: list[Kind] = []  # libraries of a build's target (built_from)
        # Folder kinds a sibling config may name by any name (tsconfig.json's outDir "lib"),
        # and those config files: a folder with none of them beside it is not looked at.
        self._declared_kinds = [k for k in self.kinds if k.type == "dir" and k.declared]
        self._declaring_files = frozenset(
            entry.partition(":")[0] for k in self._declared_kinds for entry in k.declared)
        for kind in self.kinds:
            self._index(kind)
        self._confirming_names = frozenset(
            name for k in self._content_kinds for name in k.inside) | {"CACHEDIR.TAG"}
        # What classify_dir's last step needs inside a folder before it asks any content
        # kind (nearly every folder has none of these): their exact names, or anything at
        # all when one of them is a glob.
        self._content_inside: frozenset[str] | None = None if any(
            _is_glob(name) for name in self._confirming_names) else self._confirming_names
        # Global caches by absolute (real) folder: `~/.cache/pip` as this user's home has it.
        self._global_dirs = global_locations(
            tuple((k.name, k.home) for k in self.kinds if k.is_global),
            os.path.expanduser("~"), os.environ.get("XDG_CACHE_HOME", ""))
        # One compiled alternation, so most names are rejected by a single regex call; before
        # it, two str calls reject names no glob can match (what a glob's literal start and
        # end demand), which is nearly every file name.
        file_globs = [g for k in self._file_globs for g in k.globs]
        # Each glob kind's globs in a named group of its own: the group a name matches says
        # the first kind whose globs match it (every .c file: Cython's kind), with no regex
        # compiled per kind (those were two thirds of the catalogue's build, before the fork).
        self._file_glob_re = _kinds_union(self._file_globs)
        self._file_glob_starts, self._file_glob_ends, self._any_file = _literal_ends(file_globs)
        self._dir_glob_re = _union(g for k in self._dir_globs for g in k.globs)

    def _index(self, kind: Kind) -> None:
        by_name = self._dirs_by_name if kind.type == "dir" else self._files_by_name
        for name in kind.names:
            by_name.setdefault(name, []).append(kind)
        if kind.globs:
            (self._dir_globs if kind.type == "dir" else self._file_globs).append(kind)
        if kind.type == "dir" and not kind.names and not kind.globs and not kind.is_global:
            self._content_kinds.append(kind)
        if _CMAKE_LIBRARY in kind.built_from:
            self._library_kinds.append(kind)
        elif kind.built_from:
            self._built_kinds.append(kind)

    @property
    def confirming_names(self) -> frozenset[str]:
        """Names of a file or folder inside that can make a folder of *any* name a kind's
        (a venv's pyvenv.cfg, Django's staticfiles.json, CMakeCache.txt, CACHEDIR.TAG): a
        folder holding none of them, beside none of `declaring_files`, and of no kind's
        name, is of no kind. Callers that judge folders one by one (watch, the hooks) ask
        this before they list or read anything."""
        return self._confirming_names

    @property
    def declaring_files(self) -> frozenset[str]:
        """Config files whose setting may name a sibling folder of any name as a kind's
        output (tsconfig.json's outDir "lib")."""
        return self._declaring_files

    def may_be_unnamed_kind(self, siblings: Collection[str], inside: Collection[str]) -> bool:
        """Whether a folder of none of the kinds' names could still be one, by what is
        beside it (`siblings`) and in it (`inside`): worth a classify_dir."""
        return (_has_any(self._confirming_names, inside)
                or any(f in siblings for f in self._declaring_files))

    def declared_by(self, path: str, configs: Collection[str],
                    evidence: Evidence | None = None) -> bool:
        """Whether one of `configs` beside the folder `path` names it as a tool's output
        (tsconfig.json's outDir): the setting alone, the first of what classify_dir asks of
        such a folder."""
        return any(declared_here(k.declared, path, configs, evidence)
                   for k in self._declared_kinds)

    def written_by_scripts_above(self, path: str, evidence: Evidence | None = None) -> bool:
        """Whether a package.json 2 to 4 folders above the folder `path` runs a build command
        writing to it (`--outdir=app/static/dist`): what classify_dir's look above asks
        first, for callers that judge folders one by one (the commit hook)."""
        return any(_PACKAGE_SCRIPTS in k.declared for k in self._declared_kinds) and (
            _script_writers_above(path, evidence or DISK) is not None)

    def dir_candidates(self, name: str) -> list[Kind]:
        found = list(self._dirs_by_name.get(name, ()))
        if self._dir_glob_re.match(name):
            found.extend(k for k in self._dir_globs if k.matches_name(name))
        return found

    def file_kind(self, name: str, siblings: Collection[str],
                  head: Callable[[str], bytes | None] | None = None) -> Kind | None:
        """The kind of the regular file `name` among `siblings`. `head(name)` gives its first
        HEAD_BYTES bytes (None: unreadable); without it, a kind that needs its header (the
        commit hook, a file with several names) is never confirmed."""
        for kind in self._files_by_name.get(name, ()):
            if _file_confirmed(kind, name, siblings) and (
                    not kind.header or (head is not None and _has_header(kind, head(name)))):
                return kind
        if not (self._any_file or name.startswith(self._file_glob_starts)
                or name.endswith(self._file_glob_ends)):
            return None
        matched = self._file_glob_re.match(name)
        if matched is None or matched.lastgroup is None:
            return None
        first = int(matched.lastgroup.removeprefix(_KIND_GROUP))
        for index in range(first, len(self._file_globs)):
            kind = self._file_globs[index]
            # A later kind whose globs match too is asked when the first is not confirmed.
            if (index == first or _any_glob(kind.globs, name)) and _file_confirmed(
                    kind, name, siblings):
                return kind
        return None

    def file_names(self) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], bool]:
        """What a file's name must be to have a chance of a kind, as file_kind tests it
        first: one of these names, or starting with one of these, or ending with one of
        these, or anything at all (True). A name that is none is of no kind: the walk's C
        loop sums such files without asking file_kind (measure.lstat_sum)."""
        starts = self._file_glob_starts + (_LIBRARY_PREFIX,) * bool(self._library_kinds)
        return (frozenset(self._files_by_name), starts, self._file_glob_ends, self._any_file)

    @property
    def finds_programs(self) -> bool:
        """Whether some kind is a program named after its source (built_from): only then
        need an executable file without an extension (or, for a library kind, a file named
        lib*) be looked at again."""
        return bool(self._built_kinds or self._library_kinds)

    def may_be_program(self, name: str, mode: int) -> bool:
        """Whether program_kind could name the regular file `name` of mode `mode`: an
        executable, or a file named like a library when some kind is one."""
        return bool(mode & 0o111) or (bool(self._library_kinds)
                                      and library_target(name) is not None)

    def program_kind(self, name: str, siblings: Collection[str], folder: int,
                     folder_name: str) -> Kind | None:
        """The kind of the executable file `name` (its mode says so: the caller asks only
        for one) in the open folder `folder` named `folder_name`: a program a compiler wrote
        beside its source (`built_from`), its header read to be sure it is one. A Windows
        program (GOOS=windows, MinGW) is named like the others, with ".exe" after it. A
        library (libNAME.a, libNAME.so[.VERSION], libNAME.dylib) is a library kind's when its
        target's folder is there and it starts like one (ar archive, shared object)."""
        target = library_target(name) if self._library_kinds else None
        if target is not None:
            return self._library_kind(name, target, siblings, folder)
        stem = name.removesuffix(".exe")
        if not stem or "." in stem or not self._built_kinds:
            return None
        for kind in self._built_kinds:
            if _named_by_source(kind.built_from, stem, siblings, folder, folder_name) and (
                    is_executable_image(name, folder)):
                return kind
        return None

    def _library_kind(self, name: str, target: str, siblings: Collection[str],
                      folder: int) -> Kind | None:
        for kind in self._library_kinds:
            if "CMakeFiles" in siblings and _is_cmake_target(target, folder) and (
                    _is_library_image(name, folder)) and not _linked_set(
                        name, target, siblings, folder):
                return kind
        return None

    def classify_dir(
        self, path: str, name: str, siblings: Collection[str], inside: Collection[str],
        evidence: Evidence | None = None,
    ) -> Kind | None:
        """The kind of directory `path`, given its siblings' and its own entry names.

        A marker names the ecosystem; a CACHEDIR.TAG or self-ignoring .gitignore only says
        "generated". So candidates confirmed by a marker win over the first one confirmed
        by a tag (a Gradle build/ with a CACHEDIR.TAG is Gradle's, not setuptools').
        `evidence`: where the contents of evidence files come from (the disk, DISK, unless
        given: the commit hook reads the staged blobs).
        """
        evidence = evidence or Evidence(_read_regular, _ListedOnce().holds)
        if self._global_dirs:
            found = self._global_dirs.get(path)
            if found is not None:
                return self.by_kind_name[found]
        candidates = self.dir_candidates(name)
        for kind in candidates:
            named = not kind.needs_evidence or kind.inside or _has_marker(
                kind.markers, path, siblings, evidence)
            if named and _confirmed(kind, path, siblings, inside, evidence):
                return kind
        for kind in candidates:
            if _confirmed(kind, path, siblings, inside, evidence):
                return kind
        if not self._declaring_files.isdisjoint(siblings):
            for kind in self._declared_kinds:
                if kind not in candidates and _declared_output(kind, path, siblings, inside,
                                                               evidence):
                    return kind
        for kind in self._declared_kinds:
            if _declared_above(kind, path, inside, evidence):
                return kind
        if "package.json" in siblings or "project.json" in siblings:
            for kind in self._declared_kinds:
                if _task_output(kind, path, siblings, inside, evidence):
                    return kind
        if self._content_inside is not None and self._content_inside.isdisjoint(inside):
            return None  # no content kind's file, no CACHEDIR.TAG
        for kind in self._content_kinds:
            if kind.inside and _has_any(kind.inside, inside) and _confirmed(
                    kind, path, siblings, inside, evidence):
                return kind
        if "CACHEDIR.TAG" in inside and has_cachedir_tag(path, evidence):
            return self.by_kind_name.get("cachedir-tagged")
        return None


    def global_cache_of(self, path: str) -> Kind | None:
        """The global cache `path` (absolute) is, or lies inside: `~/.rustup/toolchains/x`
        -> rustup's. Its contents are a tool's store, never a project's files (no artifacts,
        no duplicates, no vendored code in them)."""
        if not self._global_dirs:
            return None
        probe = os.path.realpath(path)
        while True:
            found = self._global_dirs.get(probe)
            if found is not None:
                return self.by_kind_name[found]
            parent = os.path.dirname(probe)
            if parent == probe:
                return None
            probe = parent


@functools.cache  # a few realpath calls per distinct home; every Catalog asks
def global_locations(
    homes: tuple[tuple[str, tuple[str, ...]], ...], home: str, xdg_cache: str
) -> dict[str, str]:
    """Absolute real folder -> kind name, for each kind's `home` entries below `home` (and
    below $XDG_CACHE_HOME for entries under `.cache/`, where the user moved that folder)."""
    if not home or home == "~":
        return {}  # no home folder to speak of: nothing is global
    found: dict[str, str] = {}
    for name, rels in homes:
        for rel in rels:
            places = [os.path.join(home, rel)]
            if xdg_cache and rel.startswith(".cache/"):
                places.append(os.path.join(xdg_cache, rel[len(".cache/"):]))
            for place in places:
                found.setdefault(os.path.realpath(place), name)
    return found


def _literal_ends(globs: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """What a name must start with, or else end with, to have a chance against any glob;
    True when some glob (`*`) could match anything.

    A glob's literal start is what comes before its first wildcard; its literal end what
    follows its last `*` or `?`. A `[class]` is not parsed: a glob holding one gives no end.
    """
    starts: list[str] = []
    ends: list[str] = []
    for glob in globs:
        specials = [i for i, c in enumerate(glob) if c in "*?["]
        if not specials:
            starts.append(glob)
            continue
        head = glob[:specials[0]]
        tail = "" if "[" in glob else glob[specials[-1] + 1:]
        if head:
            starts.append(head)
        elif tail:
            ends.append(tail)
        else:
            return (), (), True
    return tuple(starts), tuple(ends), False


def _union(globs: Iterable[str]) -> re.Pattern[str]:
    patterns = [fnmatch.translate(g) for g in globs]
    return re.compile("|".join(f"(?:{p})" for p in patterns) if patterns else "(?!)")


_KIND_GROUP = "kind"  # the name of kind i's group in _kinds_union is "kind<i>"


def _kinds_union(kinds: Sequence[Kind]) -> re.Pattern[str]:
    """One alternation of every kind's globs, kind i's in the group "kind<i>", in order: as
    alternatives are tried left to right, the group that matched (`lastgroup`: it closes
    after any group fnmatch puts inside) is that of the first kind with a glob matching the
    whole name."""
    parts = [f"(?P<{_KIND_GROUP}{index}>"
             + "|".join(f"(?:{fnmatch.translate(g)})" for g in kind.globs) + ")"
             for index, kind in enumerate(kinds)]
    return re.compile("|".join(parts) if parts else "(?!)")


def _any_glob(globs: Iterable[str], name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, glob) for glob in globs)


def _confirmed(kind: Kind, path: str, siblings: Collection[str], inside: Collection[str],
               evidence: Evidence) -> bool:
    if kind.parent and os.path.basename(os.path.dirname(path)) not in kind.parent:
        return False  # not where the tool keeps it: a folder of that name elsewhere
    if kind.absent and _has_any(kind.absent, inside):
        return False  # a source folder's own file is there: sources live in it
    if kind.signature and not _has_signature(kind.signature, path, inside, evidence):
        # The tool always leaves this; without it the folder is someone's own, unless the
        # tool's own config names it as where it writes, or a wrapper beside it names a
        # file inside (libtool's program-only objdir).
        found = _declaration(kind.declared, path, siblings, evidence) if kind.declared \
            else None
        if found is not None:
            return declared_wrote_only(*found, path, evidence)
        if not (kind.wrapped_by and _wrapped(kind.wrapped_by, path, siblings, inside,
                                             evidence)):
            return False
        # a wrapper beside it names a file inside: the checks below (markers) still apply
    if kind.only and not _only_these(kind.only, path, inside, evidence):
        return False  # the tool writes nothing else there: someone's own files are mixed in
    if kind.every_file and not only_files_below(kind.every_file, path):
        return False  # a file javac does not write: not (only) its output
    if not kind.needs_evidence:
        return True
    if kind.inside:  # e.g. a venv: the file inside is required, a name proves nothing
        return _has_any(kind.inside, inside) and (
            not kind.header or _inside_has_header(kind, path, inside, evidence)) and (
            not kind.listed_by or not on_disk(evidence) or listed_in_manifest(kind.listed_by,
                                                                            path))
    return (
        _marked(kind, path, siblings, evidence)
        or ("CACHEDIR.TAG" in inside and has_cachedir_tag(path, evidence))
        or (".gitignore" in inside and ignores_itself(path, evidence))
        or _declared_and_wrote_only(kind, path, siblings, evidence)
    )


def _marked(kind: Kind, path: str, siblings: Collection[str], evidence: Evidence) -> bool:
    """A marker confirms the kind; one that is the config a tool declares its output in
    (tsconfig.json, a `declared` entry's file) confirms only what that tool wrote there, each
    file traced to it, as a declared outDir does: a tsconfig.json says tsc is used, not that a
    dist/ beside it is tsc's (a hand-written dist/index.js with its index.d.ts, a page of the
    user's: trust round 16). Another marker (vite.config.ts) confirms as before."""
    tracing = _tracing_markers(kind)
    if not tracing:
        return _has_marker(kind.markers, path, siblings, evidence)
    others = tuple(marker for marker in kind.markers if marker not in tracing)
    return _has_marker(others, path, siblings, evidence) or any(
        config in siblings and tsc_wrote_only(path, config) for config in tracing)


def _tracing_markers(kind: Kind) -> tuple[str, ...]:
    """The kind's markers that are a config a tool declares its output in (tsconfig.json of
    "tsconfig.json:compilerOptions.outDir"; not package.json, whose scripts run tools of
    their own)."""
    configs = [entry.partition(":")[0] for entry in kind.declared
               if entry.partition(":")[2] not in _COMMAND_TABLES]
    return tuple(marker for marker in kind.markers if marker in configs)


def _declared_and_wrote_only(kind: Kind, path: str, siblings: Collection[str],
                             evidence: Evidence) -> bool:
    """A config that names the folder as the tool's output is evidence like a marker (an
    esbuild script's dist/ has no config file beside it), where every file below is one
    the tool writes."""
    if not kind.declared:
        return False
    found = _declaration(kind.declared, path, siblings, evidence)
    return found is not None and declared_wrote_only(*found, path, evidence)


_WRAPPED_MAX_ENTRIES = 16  # entries of the folder whose wrapper is looked for; past them, none


def _declared_output(kind: Kind, path: str, siblings: Collection[str],
                     inside: Collection[str], evidence: Evidence) -> bool:
    """Whether the folder `path`, of none of the kind's names, is the tool's output all the
    same: a sibling config names it (tsconfig.json's compilerOptions.outDir "lib") and the
    signature is inside. Both, where a folder of the kind's own name needs either: a name
    such as lib/ or types/ says nothing by itself, and a setting is only what the tool would
    write there (tsc writes .d.ts and .map files, or its tsbuildinfo, beside the .js)."""
    # The setting first: read once per config file (_disk_setting), it rules out src/, test/,
    # public/ ... at the cost of a stat, where the signature's globs would be matched again.
    found = _declaration(kind.declared, path, siblings, evidence) if kind.signature \
        else None
    return (found is not None and (
                _has_signature(kind.signature, path, inside, evidence)
                or (found[0] == _PACKAGE_SCRIPTS and _named_after_entries(
                    os.path.dirname(path), [os.path.basename(path)], path, evidence)))
            and _confirmed(kind, path, siblings, inside, evidence)
            and declared_wrote_only(*found, path, evidence))


def _wrapped(text: str, path: str, siblings: Collection[str], inside: Collection[str],
             evidence: Evidence) -> bool:
    """Whether an entry E inside the folder `path` has a sibling file E whose head holds
    `text` then "<folder name>/E": libtool's wrapper script `hello` beside `.libs/` names
    `.libs/hello`. A wrapper that names another folder, a link, a FIFO: no evidence."""
    folder = os.path.basename(path)
    parent = os.path.dirname(path)
    wrapped = [name for name in inside if name in siblings]
    for name in sorted(wrapped)[:_WRAPPED_MAX_ENTRIES]:
        head = evidence.read(os.path.join(parent, name), HEAD_BYTES)
        if head is not None and f"{text}{folder}/{name}\n".encode() in head:
            return True
    return False


def _has_header(kind: Kind, head: bytes | None) -> bool:
    return head is not None and any(h.encode() in head for h in kind.header)


def _inside_has_header(kind: Kind, path: str, inside: Collection[str],
                       evidence: Evidence) -> bool:
    """Whether a file inside the folder that `inside` names (a plain name) starts as the tool
    writes it: Django's staticfiles.json starts `{"paths": {`, a hand-written staticfiles.json
    of the same name does not. Its very start, where a named file's header may be anywhere in
    its head: a JSON file holding those bytes further in is someone else's."""
    for name in kind.inside:
        head = evidence.read(os.path.join(path, name), HEAD_BYTES) if name in inside else None
        if head is not None and head.startswith(tuple(h.encode() for h in kind.header)):
            return True
    return False


def file_head_reader(folder: int) -> Callable[[str], bytes | None]:
    """The first HEAD_BYTES bytes of a regular file of the open folder `folder` (no link
    followed, nothing but a regular file opened; unreadable: None)."""
    def head(name: str) -> bytes | None:
        try:
            return read_regular_at(name, folder, limit=HEAD_BYTES, head=True)
        except (OSError, UnsafeFile):
            return None
    return head


def _only_these(only: tuple[str, ...], path: str, inside: Collection[str],
                evidence: Evidence) -> bool:
    """Every entry is one `only` allows, or evidence that all of it is generated (a tag,
    even one that is no valid tag, is nobody's source; a .gitignore is, unless it ignores
    everything)."""
    for name in inside:
        if _has_any(only, (name,)) or name == "CACHEDIR.TAG":
            continue
        if name == ".gitignore" and ignores_itself(path, evidence):
            continue
        return False
    return True


def _has_signature(signature: tuple[str, ...], path: str, inside: Collection[str],
                   evidence: Evidence) -> bool:
    """A signature entry directly inside, or one SUB/NAME entry one level below (Angular
    writes dist/<project>/3rdpartylicenses.txt, Vite dist/assets/index-<hash>.js). A
    CACHEDIR.TAG counts only with the standard signature."""
    direct = [p for p in signature if "/" not in p]
    if _has_any(direct, [n for n in inside if n != "CACHEDIR.TAG"]):
        return True
    if ("CACHEDIR.TAG" in inside and _has_any(direct, ("CACHEDIR.TAG",))
            and has_cachedir_tag(path, evidence)):  # a tag without the standard signature
        return True                                 # is no one's
    nested = [(sub, leaf) for sub, slash, leaf in (p.partition("/") for p in signature) if slash]
    if not nested:
        return False
    # Each subfolder listed once for all the leaves it may hold: Angular's three `*/...`
    # entries listed every subfolder of a `dist` three times (250k bench tree: 216 listings
    # of ketcher's dist, ~60 ms of the walk, a tenth of it).
    for name in inside:
        leaves = tuple(leaf for sub, leaf in nested if fnmatch.fnmatchcase(name, sub))
        if leaves and evidence.holds(os.path.join(path, name), leaves):
            return True
    return False


_SIGNATURE_LISTING_MAX = 4096  # entries of a subfolder looked at; past them, no evidence


def _holds(folder: str, leaves: tuple[str, ...]) -> bool:
    """Whether `folder`, a real folder (a link to one is not followed: evidence lies in the
    tree itself), has an entry whose name matches one of `leaves`. Unreadable: no evidence."""
    return any(map(_any_of(leaves), _listing_head(folder)))


def _listing_head(folder: str) -> list[str]:
    """The first _SIGNATURE_LISTING_MAX names of `folder` in the kernel's order, never
    through a link; what was read before an error ([] when it cannot be opened): the
    entries _holds looks at."""
    names: list[str] = []
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return names
    try:
        with os.scandir(fd) as entries:
            for entry in entries:
                if len(names) >= _SIGNATURE_LISTING_MAX:
                    break
                names.append(entry.name)
    except OSError:
        pass
    finally:
        os.close(fd)
    return names


class _ListedOnce:
    """DISK for one classify_dir call, each folder's head listed once for every holds()
    asked of it: two kinds' nested signatures (PyInstaller's `*/_internal`, Angular's
    `*/3rdpartylicenses.txt` ...) each listed every subfolder of a `dist` (250k bench tree:
    ketcher's dist, 144 listings of 72 folders, ~26 ms of the main process's walk)."""

    __slots__ = ("_listed",)

    def __init__(self) -> None:
        self._listed: dict[str, list[str]] = {}

    def holds(self, folder: str, leaves: tuple[str, ...]) -> bool:
        names = self._listed.get(folder)
        if names is None:
            names = self._listed[folder] = _listing_head(folder)
        return any(map(_any_of(leaves), names))


@functools.lru_cache(maxsize=64)
def _any_of(leaves: tuple[str, ...]) -> Callable[[str], object]:
    """One match for a name against several fnmatch patterns (fnmatchcase of each, in one
    regular expression: a `dist` folder's subfolders hold thousands of entries)."""
    return re.compile("|".join(fnmatch.translate(leaf) for leaf in leaves)).match


_EVERY_FILE_MAX_ENTRIES = 65_536  # entries looked at below a folder; past them, no evidence


def only_files_below(patterns: tuple[str, ...], path: str) -> bool:
    """Whether every file below `path` (folders opened without following links, relative to
    their parent's descriptor) matches one of `patterns`, and there is at least one. A link,
    a FIFO or anything else that is no folder or matching file, an unreadable folder, or
    more than _EVERY_FILE_MAX_ENTRIES entries: no evidence."""
    folders = files_by_folder(path)
    return folders is not None and any(names for _, names in folders) and all(
        _has_any(patterns, (name,)) for _, names in folders for name in names)


def files_below(path: str) -> list[str] | None:
    """Every file below `path`, relative to it ("a.css", "admin/js/x.js"): files_by_folder."""
    folders = files_by_folder(path)
    return None if folders is None else [
        f"{place}/{name}" if place else name for place, names in folders for name in names]


def files_by_folder(path: str) -> list[tuple[str, list[str]]] | None:
    """Each folder below `path`, `path` too ("" for it, then "sub", "sub/deeper"), with its
    file names (folders opened without following links, relative to their parent's
    descriptor). None where the answer is no evidence of anything: a link, a FIFO or anything
    else that is no folder or regular file, an unreadable folder, more than
    _EVERY_FILE_MAX_ENTRIES entries."""
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        pending = [os.open(path, flags)]
    except OSError:
        return None
    seen = 0
    found: list[tuple[str, list[str]]] = []
    places = [""]
    try:
        while pending:
            fd, place = pending.pop(), places.pop()
            names: list[str] = []
            found.append((place, names))
            try:
                with os.scandir(fd) as entries:
                    for entry in entries:
                        seen += 1
                        if seen > _EVERY_FILE_MAX_ENTRIES:
                            return None
                        if entry.is_dir(follow_symlinks=False):
                            pending.append(os.open(entry.name, flags, dir_fd=fd))
                            places.append(f"{place}/{entry.name}" if place else entry.name)
                        elif entry.is_file(follow_symlinks=False):
                            names.append(entry.name)
                        else:
                            return None
            finally:
                os.close(fd)
    except OSError:
        return None
    finally:
        for fd in pending:
            os.close(fd)
    return found


_MANIFEST_MAX_BYTES = 16 << 20  # Django admin's manifest is ~40 kB; a big site's a few MB
_HASHED_COPY = LazyPattern(r"(.+)\.[0-9a-f]{12}(\.[^./]+)?$")  # Django's NAME.<md5 12>.EXT
_COMPRESSED = (".gz", ".br")  # whitenoise's compressed copies beside each file


def listed_in_manifest(listed_by: str, path: str) -> bool:
    """Whether the manifest inside the folder `path` (`listed_by`: FILE:key) names every
    file below it: as a key or a value of its object at `key`, a hashed copy of a key (a
    CSS file's intermediate pass: NAME.<12 hex>.EXT), or a .gz/.br of one of those. The
    manifest is read relative to the folder opened with no link followed; a manifest that is
    no regular file, too big or not such an object names nothing."""
    file, _, key = listed_by.partition(":")
    try:
        folder = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        data = read_regular_at(file, folder, limit=_MANIFEST_MAX_BYTES)  # longer: None
    except (OSError, UnsafeFile):
        return False
    finally:
        os.close(folder)
    named = None if data is None else _manifest_names(data, key)
    below = files_below(path)
    return named is not None and below is not None and all(
        rel == file or _named_in(rel, named) for rel in below)


def _manifest_names(data: bytes, key: str) -> set[str] | None:
    try:
        paths = json.loads(data).get(key)
    except (ValueError, AttributeError, RecursionError):  # no JSON object: names nothing
        return None
    if not isinstance(paths, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in paths.items()):
        return None
    return set(paths) | set(paths.values())


def _named_in(rel: str, named: set[str]) -> bool:
    for end in _COMPRESSED:
        if rel.endswith(end) and rel[:-len(end)] in named:
            return True
    hashed = _HASHED_COPY.match(rel)
    return rel in named or (hashed is not None and (
        hashed.group(1) + (hashed.group(2) or "")) in named)


# What tsc writes to its outDir: the emitted JavaScript, declarations, their maps, the build
# info. No .ts source (an outDir "src" that is also where the sources are), no .json (tsc
# copies one only where a source imports it; a folder's own data file is more likely).
_TSC_EMITS = ("*.js", "*.mjs", "*.cjs", "*.jsx", "*.d.ts", "*.d.mts", "*.d.cts", "*.map",
              "*.tsbuildinfo")
_TSC_DECLARATIONS = {".d.ts": (".js", ".jsx"), ".d.mts": (".mjs",), ".d.cts": (".cjs",)}


def tsc_wrote_only(path: str, config: str = "tsconfig.json") -> bool:
    """Whether every file below the folder a tsconfig.json names as its outDir is one tsc
    writes there: a setting says where tsc would write, not that the folder holds nothing
    else. An outDir "src" beside its .ts sources, a folder of other files, and a hand-written
    declaration file (tsc writes a .d.ts beside the .js it declares, or with its own map,
    where only declarations are emitted: a globals.d.ts has neither) make it no evidence.
    Nor does a .js with a .d.ts of its name (a user's hand-written pair: trust round 15):
    each emitted file must be traced to tsc, by its map beside it or by the TypeScript source
    it was emitted from (tsc_emitted)."""
    folders = files_by_folder(path)
    if folders is None or not any(names for _, names in folders) or not all(
            _tsc_wrote_all(names) for _, names in folders):
        return False
    roots = SourceRoots(os.path.dirname(path), os.path.basename(path), config)
    return all(tsc_emitted(place, name, set(names), roots)
               for place, names in folders for name in names)


# What any of the tools a package.json script may run writes (build_scripts.EMITS).
_SCRIPT_EMITS = tuple(sorted({glob for globs in EMITS.values() for glob in globs}))


def scripts_wrote_only(tools: Iterable[str], path: str, package: str | None = None,
                       parts: list[str] | None = None, evidence: Evidence | None = None
                       ) -> bool:
    """Whether every file below the folder a build script names as its output is one of
    `tools` writes (build_scripts.EMITS): a script says where it would write, not that the
    folder holds nothing else (an outdir "public" beside hand-made pages is no bundle
    folder). tsup's files must be named after its entries too (a tsconfig.json no longer
    confirms a dist/ beside it: trust round 16), Create React App's build/ be what its
    asset manifest and public/ account for (cra_build), and a zero-config Eleventy site's
    every page have its template (eleventy_site). `package` is the folder of the
    package.json whose scripts write there, `parts` the folder's path below it (beside it
    unless given)."""
    tools = frozenset(tools)
    package = os.path.dirname(path) if package is None else package
    if _CRA in tools:  # with another tool writing there too, neither accounts for all
        below = files_below(path)
        return tools == {_CRA} and below is not None and cra_wrote_only(path, package, below)
    if _ELEVENTY in tools:  # each page traced to its template (eleventy_site)
        below = files_below(path)
        inputs = eleventy_inputs(_package_scripts(os.path.join(package, "package.json"),
                                                  evidence or DISK))
        return tools == {_ELEVENTY} and below is not None and eleventy_wrote_only(
            path, frozenset(os.path.join(package, i) for i in inputs), below)
    emits = tuple(glob for tool in tools for glob in EMITS.get(tool, ()))
    folders = files_by_folder(path)
    return bool(emits) and folders is not None and any(names for _, names in folders) and all(
        _has_any(emits, (name,)) for _, names in folders for name in names) and (
        _TSUP not in tools or _tsup_named(package, [os.path.basename(path)] if parts is None
                                          else parts, path, evidence or DISK))


_CRA, _TSUP, _ELEVENTY = "react-scripts", "tsup", "eleventy"


def _tsup_named(package: str, parts: list[str], path: str, evidence: Evidence) -> bool:
    """tsup names each file after its entry: the entries on its command line, or, with
    them in its config file, the files package.json publishes from the folder."""
    return _named_after_entries(package, parts, path, evidence) or _published_from(
        package, parts, path, evidence)


def _tsc_wrote_all(names: list[str]) -> bool:
    present = set(names)
    return all(_tsc_wrote(name, present) for name in names)


# An emitted file's ending -> the endings of the TypeScript sources tsc emits it from. Not
# .js ones (allowJs): a project's own index.js beside its hand-written lib/index.js would
# then trace it; such output is traced by its map, or missed.
_TSC_SOURCES = {".js": (".ts", ".tsx"), ".jsx": (".tsx",), ".mjs": (".mts",), ".cjs": (".cts",)}
_NOT_SOURCE_ROOTS = {"node_modules", "bower_components"}


def tsc_emitted(place: str, name: str, names: set[str], roots: SourceRoots) -> bool:
    """Whether the file `name` in the outDir's folder `place` (its siblings `names`) is
    traced to tsc: a map beside it (sourceMap, declarationMap), the .js it declares traced,
    or a TypeScript source of the same path below one of the project's source roots (tsc
    writes outDir/PLACE/NAME.js for ROOT/PLACE/NAME.ts). Build info and maps need none."""
    if name.endswith((".tsbuildinfo", ".map")) or f"{name}.map" in names:
        return True
    for ending, scripts in _TSC_DECLARATIONS.items():
        if name.endswith(ending):
            stem = name[:-len(ending)]
            return any((stem + end in names and f"{stem}{end}.map" in names)
                       or roots.has_source(place, stem, end) for end in scripts)
    stem, ending = os.path.splitext(name)
    return ending in _TSC_SOURCES and roots.has_source(place, stem, ending)


class SourceRoots:
    """Where an outDir's TypeScript sources may be, relative to its project: the rootDir
    setting when there is one; else src/ and the project itself first (where nearly every
    project keeps them), then, only when a source is not found there, each other folder of
    the project but the outDir, dependencies and hidden ones (tsc takes the folder common to
    every source). The root a source was found in is tried first next time: one project's
    output comes from one root, a look or two a file."""

    def __init__(self, project: str, out_dir: str, config: str) -> None:
        self._project = project
        self._out_dir = out_dir
        root_dir = _disk_setting(os.path.join(project, config), "compilerOptions.rootDir")
        self._fixed = isinstance(root_dir, str) and bool(root_dir)
        self._roots = [root_dir] if isinstance(root_dir, str) and root_dir else ["src", "."]
        self._listed = self._fixed

    def has_source(self, place: str, stem: str, ending: str) -> bool:
        rel = f"{place}/{stem}" if place else stem
        if self._found_in(0, rel, ending):
            return True
        if not self._listed:
            self._listed = True
            self._roots += self._other_folders()
            return self._found_in(2, rel, ending)
        return False

    def _found_in(self, first: int, rel: str, ending: str) -> bool:
        for index in range(first, len(self._roots)):
            root = self._roots[index]
            for source in _TSC_SOURCES.get(ending, ()):
                with contextlib.suppress(OSError, ValueError):
                    path = os.path.join(self._project, root, rel + source)
                    if stat.S_ISREG(os.lstat(path).st_mode):
                        self._roots.insert(0, self._roots.pop(index))
                        return True
        return False

    def _other_folders(self) -> list[str]:
        skip = {self._out_dir, "src", *_NOT_SOURCE_ROOTS}
        with contextlib.suppress(OSError), os.scandir(self._project) as entries:
            return sorted(entry.name for entry in entries
                          if entry.is_dir(follow_symlinks=False) and entry.name not in skip
                          and not entry.name.startswith("."))
        return []


def _tsc_wrote(name: str, names: set[str]) -> bool:
    if not _has_any(_TSC_EMITS, (name,)):
        return False
    for ending, scripts in _TSC_DECLARATIONS.items():
        if name.endswith(ending):
            stem = name[:-len(ending)]
            return f"{name}.map" in names or any(stem + end in names for end in scripts)
    return True


# The first bytes of an executable image: ELF; Mach-O (32/64 bit, either byte order, and
# universal); PE (the DOS header's MZ). A script (#!) or text is nobody's compiled program.
_EXECUTABLE_MAGIC = (b"\x7fELF", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
                     b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"MZ")


_LIBRARY_PREFIX = "lib"
# libNAME.a, libNAME.so, libNAME.so.1.2.0, libNAME.dylib: NAME the CMake target (the library's
# file name is its target's with the platform's prefix and suffix, unless OUTPUT_NAME says
# otherwise; such a library is left alone).
_LIBRARY_NAME = LazyPattern(r"lib([^./]+)\.(?:a|so(?:\.[0-9]+)*|dylib)")
_ARCHIVE_MAGIC = b"!<arch>\n"


def library_target(name: str) -> str | None:
    """The target a file named like a library (libcalc.a, libcalc.so.1.2.0) was built for
    (calc); None for any other name."""
    found = _LIBRARY_NAME.fullmatch(name)
    return None if found is None else found.group(1)


def _linked_set(name: str, target: str, siblings: Collection[str], folder: int) -> bool:
    """Whether the library `name` is one of a set of links: a versioned shared library
    (libcalc.so.1.2.0) with its links beside it (libcalc.so.1 -> libcalc.so.1.2.0,
    libcalc.so -> libcalc.so.1). The links stay where they are (tidy moves no link), so
    moving the library alone left them dangling until the next build (round 21): the set
    stays whole. A link of the target's name pointing at another of its names is enough."""
    if name.endswith(".a"):
        return False
    for sibling in siblings:
        if sibling == name or library_target(sibling) != target:
            continue
        try:
            points_at = os.readlink(sibling, dir_fd=folder)
        except OSError:  # no link (or gone): not one of the set
            continue
        if library_target(points_at.removeprefix("./")) == target:
            return True
    return False


def _is_library_image(name: str, folder: int) -> bool:
    """Whether the regular file `name` in the open folder `folder` starts like a library: an
    ar archive for a static one (.a), a compiled image (ELF, Mach-O) for a shared one."""
    try:
        head = read_regular_at(name, folder, limit=8, head=True)
    except (OSError, UnsafeFile):
        return False
    if head is None:
        return False
    if name.endswith(".a"):
        return head.startswith(_ARCHIVE_MAGIC)
    return head.startswith(_EXECUTABLE_MAGIC) and not head.startswith(b"MZ")


def is_executable_image(name: str, folder: int) -> bool:
    """Whether the regular file `name` in the open folder `folder` starts like a compiled
    program (links not followed; unreadable or anything else: no)."""
    try:
        head = read_regular_at(name, folder, limit=4, head=True)
    except (OSError, UnsafeFile):
        return False
    return head is not None and head.startswith(_EXECUTABLE_MAGIC)


def _named_by_source(built_from: tuple[str, ...], name: str, siblings: Collection[str],
                     folder: int, folder_name: str) -> bool:
    for entry in built_from:
        if entry == _GO_MODULE:
            if "go.mod" in siblings and go_module_program(folder) == name:
                return True
        elif entry == _GO_CMD:
            if "go.mod" in siblings and "cmd" in siblings and _is_go_package(
                    folder, "cmd/" + name):
                return True
        elif entry == _GO_BIN:
            if folder_name == "bin" and "go.mod" not in siblings and _built_into_bin(name, folder):
                return True
        elif entry == _CMAKE_TARGET:
            if "CMakeFiles" in siblings and _is_cmake_target(name, folder):
                return True
        elif entry == _PYINSTALLER_ONEFILE:
            if folder_name == "dist" and _spec_above(name, folder):
                return True
        elif entry.startswith("folder:"):
            if name == folder_name and _has_any((entry[len("folder:"):],), siblings):
                return True
        elif name + entry[1:] in siblings:
            return True
    return False


_GO_MOD_MAX_BYTES = 65_536


def _is_cmake_target(name: str, folder: int) -> bool:
    """Whether CMakeFiles/NAME.dir, the folder CMake keeps target NAME's objects in, is a
    folder (no link followed) in the open folder `folder`: an in-source build writes the
    program NAME beside it (`cmake . && make` wrote calc_test beside CMakeFiles/calc_test.dir)."""
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        cmake_files = os.open("CMakeFiles", flags, dir_fd=folder)
    except OSError:
        return False
    try:
        return stat.S_ISDIR(os.stat(f"{name}.dir", dir_fd=cmake_files,
                                    follow_symlinks=False).st_mode)
    except (OSError, ValueError):
        return False
    finally:
        os.close(cmake_files)


def _spec_above(name: str, folder: int) -> bool:
    """Whether NAME.spec is a regular file (no link followed) in the parent of the open dist/
    folder `folder`: `pyinstaller --onefile` (or its NAME.spec) writes the one program
    dist/NAME beside nothing else that says so (real trees, round 24)."""
    try:
        parent = os.open("..", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC, dir_fd=folder)
    except OSError:
        return False
    try:
        return _is_regular_file(f"{name}.spec", parent)
    finally:
        os.close(parent)


def _built_into_bin(name: str, folder: int) -> bool:
    """Whether `name` in the open bin/ folder `folder` is what `go build -o bin/NAME` names
    a program of the module whose go.mod is in bin/'s parent: the module path's last element,
    or a package cmd/NAME or NAME beside go.mod. In a Go workspace (a go.work in bin/'s
    parent, no go.mod: real trees, round 24) a package cmd/NAME or NAME beside go.work
    (`go build -o bin/app ./app`). The parent is reached from the folder's own descriptor
    (its "..": the folder it is in now), never by a path."""
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        parent = os.open("..", flags, dir_fd=folder)
    except OSError:
        return False
    try:
        module = go_module_program(parent)
        if module is None and not _is_regular_file("go.work", parent):
            return False
        return (name == module or _is_go_package(parent, "cmd/" + name)
                or _is_go_package(parent, name))
    finally:
        os.close(parent)


def _is_regular_file(name: str, folder: int) -> bool:
    """Whether `name` in the open folder `folder` is a regular file (a link is not followed)."""
    try:
        return stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except (OSError, ValueError):
        return False


def _is_go_package(folder: int, rel: str) -> bool:
    """Whether `rel` below the open folder `folder` is a real folder (no link followed on
    the way) holding a .go file: the package `go build ./cmd/NAME` names its program after."""
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    opened = [folder]
    try:
        for part in rel.split("/"):
            opened.append(os.open(part, flags, dir_fd=opened[-1]))
        with os.scandir(opened[-1]) as entries:
            return any(e.name.endswith(".go") and e.is_file(follow_symlinks=False)
                       for e in entries)
    except OSError:
        return False
    finally:
        for fd in opened[1:]:
            os.close(fd)


def go_module_program(folder: int) -> str | None:
    """The name `go build` gives the program of the module whose go.mod is in `folder`:
    the module path's last element (`example.com/tool/v2` -> tool). No go.mod that reads
    as one: None."""
    try:
        data = read_regular_at("go.mod", folder, limit=_GO_MOD_MAX_BYTES, head=True)
    except (OSError, UnsafeFile):
        return None
    if data is None:
        return None
    for line in data.decode("utf-8", "replace").splitlines():
        words = line.split("//", 1)[0].split()
        if len(words) == 2 and words[0] == "module":
            parts = words[1].strip('"`').split("/")
            if len(parts) > 1 and re.fullmatch(r"v[0-9]+", parts[-1]):
                parts.pop()
            return parts[-1] or None
    return None


def _file_confirmed(kind: Kind, name: str, siblings: Collection[str]) -> bool:
    if kind.sources and not has_source_sibling(kind.sources, name, siblings):
        return False
    if kind.markers:
        return has_sibling_marker(kind, siblings)
    return bool(kind.sources) or bool(kind.header) or not kind.needs_evidence


def has_source_sibling(sources: Iterable[str], name: str, siblings: Collection[str]) -> bool:
    """Whether a sibling `<stem><ext>` is there for an entry "*<ext>" of `sources`, the stem
    being `name` up to its first "." or "$" (a name starting with "." has none)."""
    stem = re.split(r"[.$]", name, maxsplit=1)[0]
    return bool(stem) and any(stem + entry[1:] in siblings for entry in sources)


def has_sibling_marker(kind: Kind, siblings: Collection[str]) -> bool:
    return _has_any(kind.markers, siblings)


def _has_marker(markers: tuple[str, ...], path: str, siblings: Collection[str],
                evidence: Evidence) -> bool:
    """A sibling marker, or for a folder kind a SUB/NAME marker: a sibling folder SUB
    holding NAME (sphinx-quickstart's separate layout: source/conf.py beside build/), SUB a
    real folder, no link followed."""
    if _has_any(markers, siblings):
        return True
    parent = os.path.dirname(path)
    for marker in markers:
        sub, slash, leaf = marker.partition("/")
        if slash and sub in siblings and evidence.holds(os.path.join(parent, sub), (leaf,)):
            return True
    return False


_Matcher = Callable[[str], "re.Match[str] | None"]


def _is_glob(pattern: str) -> bool:
    return any(c in pattern for c in "*?[")


def _has_any(patterns: Iterable[str], names: Collection[str]) -> bool:
    """Whether a name matches one of `patterns` (fnmatchcase's globs, or exact names)."""
    exact, ends, matches = _pattern_split(tuple(patterns))
    if any(pattern in names for pattern in exact):
        return True
    if ends and any(map(str.endswith, names, itertools.repeat(ends))):
        return True
    return matches is not None and any(map(matches, names))


@functools.lru_cache(maxsize=1024)
def _pattern_split(patterns: tuple[str, ...]
                   ) -> tuple[tuple[str, ...], tuple[str, ...], _Matcher | None]:
    """`patterns`' exact names (looked up in the names), the literal ends of its globs that
    are `*` and then no wildcard ("*.js": a name matches when it ends with ".js", a C call
    per name, a third of a regex match's cost: every folder of the walk is asked whether it
    holds a bundler's output, build_scripts.EMITS), and one compiled regex for its other
    globs, each name matched once against all of them: fnmatchcase per glob per name cost
    the walk of the 250k bench tree ~0.75 s once every unclassified folder's names were
    asked about build-script outputs (rw-21's _declared_above)."""
    globs = [pattern for pattern in patterns if _is_glob(pattern)]
    exact = tuple(pattern for pattern in patterns if pattern not in globs)
    ends = tuple(glob[1:] for glob in globs if glob.startswith("*") and not _is_glob(glob[1:]))
    rest = [glob for glob in globs if not (glob.startswith("*") and not _is_glob(glob[1:]))]
    if not rest:
        return exact, ends, None
    return exact, ends, re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in rest)).match


def declared_here(declared: Iterable[str], path: str, siblings: Collection[str],
                  evidence: Evidence | None = None) -> bool:
    """Whether a sibling config file's setting (`declared`: FILE:key.path) names the folder
    `path` itself ("dist", "./dist/"). A file that is no regular file, too big or malformed
    confirms nothing; a setting inherited through `extends` is not followed (a miss, never
    a wrong folder)."""
    return declaring_entry(declared, path, siblings, evidence) is not None


def declaring_entry(declared: Iterable[str], path: str, siblings: Collection[str],
                    evidence: Evidence | None = None) -> str | None:
    """The `declared` entry whose sibling config names the folder `path` as its tool's
    output, or None. A string setting names it as a path (tsconfig.json's outDir); a
    package.json "scripts" table names it where a build command there writes to it
    (`--outdir=dist`, `--output-path dist`, `--file dist/app.js`: core.build_scripts)."""
    found = _declaration(declared, path, siblings, evidence)
    return None if found is None else found[0]


def _declaration(declared: Iterable[str], path: str, siblings: Collection[str],
                 evidence: Evidence | None = None) -> tuple[str, frozenset[str]] | None:
    """declaring_entry's entry, with the tools a package.json script runs to write there
    (esbuild, webpack ...; none for a config's setting)."""
    name = os.path.basename(path)
    for entry in declared:
        file, _, keys = entry.partition(":")
        if file not in siblings:
            continue
        config = os.path.join(os.path.dirname(path), file)
        value = (_disk_setting(config, keys) if evidence is None or on_disk(evidence)
                 else _setting(config, keys.split("."), evidence or DISK))
        if isinstance(value, str) and _names_folder(value, name):
            return entry, frozenset()
        if keys in _COMMAND_TABLES:
            tools = _writers_of(value, [name])
            if tools:
                return entry, tools
    return None


def _writers_of(scripts: object, parts: list[str]) -> frozenset[str]:
    """The tools a package.json "scripts" table runs to write to the folder at `parts`
    below it (["dist"], ["app", "static", "dist"])."""
    if not isinstance(scripts, Mapping):
        return frozenset()
    return _writers_by_parts(tuple(_command_line(v) for v in scripts.values())).get(
        tuple(parts), frozenset())


def _command_line(entry: object) -> str:
    """A script's command line: the string, or a deno task object's "command" ("" else)."""
    if isinstance(entry, Mapping):
        entry = entry.get("command")
    return entry if isinstance(entry, str) else ""


# Every folder below a package.json asks its scripts' writers (the scan's and the commit
# hook's look above a folder): one table of them by the folder's parts, kept per table.
@functools.lru_cache(maxsize=256)
def _writers_by_parts(scripts: tuple[str, ...]) -> dict[tuple[str, ...], frozenset[str]]:
    found: dict[tuple[str, ...], frozenset[str]] = {}
    for folder, tools in script_outputs(dict(enumerate(scripts))).items():
        key = tuple(_folder_parts(folder))
        found[key] = found.get(key, frozenset()) | tools
    return found


_SCRIPTS = "scripts"  # package.json's table of command lines (a `declared` key of its own)
_PACKAGE_SCRIPTS = "package.json:" + _SCRIPTS
# Tables of command lines read as package.json's scripts are: deno.json's "tasks" (a task is a
# command line, or an object with one in "command"; round 25: `deno bundle -o dist/main.js`).
_COMMAND_TABLES = frozenset({_SCRIPTS, "tasks"})


def declared_wrote_only(entry: str, tools: frozenset[str], path: str,
                        evidence: Evidence | None = None) -> bool:
    """Whether every file below `path` is one the tool that `entry` declares writes there:
    for a package.json script the `tools` it runs (esbuild ...), tsc for a tsconfig.json's
    outDir."""
    if entry.partition(":")[2] in _COMMAND_TABLES:
        return scripts_wrote_only(tools, path, evidence=evidence)
    return tsc_wrote_only(path, entry.partition(":")[0])


# How far above a folder a package.json's scripts are looked for, when the folder is of none
# of the kind's names and holds what such a tool writes: app/static/dist below the package.json
# of a Flask app (`esbuild ... --outdir=app/static/dist`), public/build (`webpack
# --output-path ./public/build`).
_SCRIPTS_ABOVE_LEVELS = 3


def _declared_above(kind: Kind, path: str, inside: Collection[str],
                    evidence: Evidence) -> bool:
    """Whether a package.json up to _SCRIPTS_ABOVE_LEVELS folders above `path` (not beside
    it: classify_dir's declared step asks that) runs a build command writing to `path`,
    and every file below is one that command's tool writes. A folder of none of the kind's
    names needs its signature too (a .map), as one beside the package.json does. The
    package.json is read from `evidence` (the staged blob for the commit hook, which must
    agree with the scan: round 22), the folder's files from the disk as for one beside it."""
    if _PACKAGE_SCRIPTS not in kind.declared or not _has_any(_SCRIPT_EMITS, inside):
        return False
    named = os.path.basename(path) in kind.names or _has_signature(
        kind.signature, path, inside, evidence)
    found = _script_writers_above(path, evidence)
    if found is None:
        return False
    package, parts, tools = found
    return (named or _named_after_entries(package, parts, path, evidence)) and \
        scripts_wrote_only(tools, path, package, parts, evidence)


def _script_writers_above(path: str, evidence: Evidence
                          ) -> tuple[str, list[str], frozenset[str]] | None:
    """The nearest package.json up to _SCRIPTS_ABOVE_LEVELS folders above `path` (not
    beside it) whose scripts write to `path`: its folder, `path`'s parts below it and the
    tools that write there; None when there is none."""
    parts = [os.path.basename(path)]
    folder = os.path.dirname(path)
    for _ in range(_SCRIPTS_ABOVE_LEVELS):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        parts.insert(0, os.path.basename(folder))
        folder = parent
        tools = _writers_of(_package_scripts(os.path.join(folder, "package.json"), evidence),
                            parts)
        if tools:
            return folder, parts, tools
    return None


# A chunk rollup names `[name]-[hash]` (8 characters of base64url in rollup 3 and 4).
_CHUNK_HASH = LazyPattern(r"-[A-Za-z0-9_-]{8}$")
_ENTRY_OUTPUTS = (".js", ".mjs", ".cjs", ".css")


def _named_after_entries(package: str, parts: list[str], path: str,
                         evidence: Evidence) -> bool:
    """Whether every file directly in `path` (a folder at `parts` below the package.json in
    `package`, of none of the kind's names and with no source map: rollup's `-d lib-esm`
    without --sourcemap) is named after an entry a rollup or esbuild command writing there
    reads: src/main.js -> main.js, main-Ab3_x9Zq.js, main.css, or the map of one. An entry
    is a regular file outside the folder; the folder has no subfolder."""
    words = next((w for folder, w in script_entries(_package_scripts(
        os.path.join(package, "package.json"), evidence)).items()
        if _folder_parts(folder) == parts), frozenset())
    stems = {_stem(word) for word in words if _is_entry(package, word, parts)}
    return _all_named_after(stems, path)


def _all_named_after(stems: set[str], path: str) -> bool:
    """Whether `path` holds files and no subfolder, each named after one of `stems`."""
    folders = files_by_folder(path)
    return bool(stems) and folders is not None and len(folders) == 1 and bool(
        folders[0][1]) and all(_entry_output(name, stems) for name in folders[0][1])


# package.json's fields that name the files a package publishes as its entry points.
_PUBLISHED_FIELDS = ("main", "module", "types", "typings", "exports")


def _published_from(package: str, parts: list[str], path: str, evidence: Evidence) -> bool:
    """Whether every file directly in `path` (at `parts` below the package.json) is named
    after a file package.json's main, module, types or exports names there: tsup run with
    its entries in tsup.config.ts (`"build": "tsup"`) names none on its command line, and
    `"main": "./dist/index.js"` says dist/index.* is what the build publishes."""
    stems = {posixpath.basename(value).partition(".")[0]
             for field in _PUBLISHED_FIELDS
             for value in _strings_in(_json_at(os.path.join(package, "package.json"),
                                               [field], evidence))
             if _folder_parts(value)[:-1] == parts}
    return _all_named_after(stems - {""}, path)


def _strings_in(value: object, depth: int = 0) -> list[str]:
    """The strings in a JSON value (exports' nested conditions), a few levels deep."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and depth < 4:
        return [s for item in value.values() for s in _strings_in(item, depth + 1)]
    return []


def _is_entry(package: str, word: str, parts: list[str]) -> bool:
    entry = _folder_parts(word)
    if not entry or ".." in entry or entry[:len(parts)] == parts:
        return False
    try:
        return stat.S_ISREG(os.lstat(os.path.join(package, *entry)).st_mode)
    except OSError:
        return False


def _stem(word: str) -> str:
    return posixpath.basename(word.replace("\\", "/")).partition(".")[0]


def _entry_output(name: str, stems: set[str]) -> bool:
    name = name.removesuffix(".map")
    for declaration, output in _DECLARATION_OF.items():  # tsup --dts: index.d.mts
        if name.endswith(declaration):
            name = name.removesuffix(declaration) + output
    base, dot, ending = name.rpartition(".")
    if not dot or "." + ending not in _ENTRY_OUTPUTS:
        return False
    return base in stems or _CHUNK_HASH.sub("", base) in stems or bool(
        _SPLIT_CHUNK.fullmatch(base))


# The declarations tsup --dts writes beside each format's bundle, as the bundle's ending.
_DECLARATION_OF = {".d.ts": ".js", ".d.mts": ".mjs", ".d.cts": ".cjs"}
# The chunks esbuild --splitting (tsup's esm default) shares between entries: chunk-<8 of
# base32, upper case> (esbuild 0.2x).
_SPLIT_CHUNK = re.compile(r"chunk-[A-Z2-7]{8}")


def _package_scripts(path: str, evidence: Evidence) -> object:
    """package.json's "scripts" table: the disk's (kept by the file's identity) for a scan,
    the staged blob's for the commit hook."""
    return _json_at(path, [_SCRIPTS], evidence)


_TURBO = "turbo.json:outputs"  # `declared` entries of their own: read above the package too
_NX = "nx.json:targetDefaults"
# How far above a package's folder its workspace's turbo.json or nx.json is looked for:
# packages/a, apps/web, packages/ui/core below the root.
_WORKSPACE_ABOVE_LEVELS = 3
# Folders of sources by their conventional names: a turbo.json naming src/** as outputs is
# mistaken, and a src/ of plain .js files would pass the look at what is below.
_SOURCE_FOLDERS = frozenset({"src", "source", "sources", "test", "tests", "__tests__"})
# What a package's build writes to the folder a task runner names: what the bundlers and
# tsc write (a copy of index.js, a bundle, its map, declarations).
_TASK_EMITS = tuple(sorted({*_SCRIPT_EMITS, "*.d.ts", "*.d.mts", "*.d.cts", "*.tsbuildinfo"}))


def _task_output(kind: Kind, path: str, siblings: Collection[str], inside: Collection[str],
                 evidence: Evidence) -> bool:
    """Whether the folder `path`, beside a package.json or an Nx project.json, is named as
    a task's outputs by the workspace's turbo.json (_turbo_folders) or Nx's config
    (_nx_folders), and every file below is one a build writes (_TASK_EMITS): a config
    naming src/** as outputs names no folder of sources, whose .ts, .json and the rest
    make it no evidence."""
    name = os.path.basename(path)
    if name in _SOURCE_FOLDERS or not _has_any(_TASK_EMITS, inside):
        return False
    package = os.path.dirname(path)
    named = (_TURBO in kind.declared and "package.json" in siblings
             and name in _turbo_folders(package, evidence)) or (
        _NX in kind.declared and name in _nx_folders(package, siblings, evidence))
    return named and only_files_below(_TASK_EMITS, path)


def _turbo_folders(package: str, evidence: Evidence) -> frozenset[str]:
    """The folders turbo.json names as the package's outputs: the package's own (one that
    extends the workspace's), then the nearest up to _WORKSPACE_ABOVE_LEVELS folders above."""
    found: frozenset[str] = frozenset()
    for folder in _up_from(package):
        turbo = _json_at(os.path.join(folder, "turbo.json"), [], evidence)
        if turbo is None:
            continue
        found |= task_outputs.output_folders(turbo, _package_name(package, evidence),
                                             folder == package)
        if not (folder == package and isinstance(turbo, dict) and "extends" in turbo):
            break  # the workspace's own turbo.json: none above it
    return found


def _nx_folders(package: str, siblings: Collection[str], evidence: Evidence
                ) -> frozenset[str]:
    """The folders Nx names as the project's outputs: its project.json's targets, its
    package.json's "nx" targets, the nearest nx.json's targetDefaults (the project's folder
    or up to _WORKSPACE_ABOVE_LEVELS above)."""
    found: set[str] = set()
    if "project.json" in siblings:
        found |= task_outputs.nx_output_folders(
            _json_at(os.path.join(package, "project.json"), ["targets"], evidence))
    if "package.json" in siblings:
        found |= task_outputs.nx_output_folders(
            _json_at(os.path.join(package, "package.json"), ["nx", "targets"], evidence))
    for folder in _up_from(package):
        defaults = _json_at(os.path.join(folder, "nx.json"), ["targetDefaults"], evidence)
        if defaults is not None:
            found |= task_outputs.nx_output_folders(defaults)
            break
    return frozenset(found)


def _up_from(folder: str) -> list[str]:
    """`folder` and up to _WORKSPACE_ABOVE_LEVELS folders above it."""
    found = [folder]
    for _ in range(_WORKSPACE_ABOVE_LEVELS):
        parent = os.path.dirname(found[-1])
        if parent == found[-1]:
            break
        found.append(parent)
    return found


def _package_name(package: str, evidence: Evidence) -> str | None:
    name = _json_at(os.path.join(package, "package.json"), ["name"], evidence)
    return name if isinstance(name, str) else None


def _json_at(path: str, keys: list[str], evidence: Evidence) -> object:
    """A JSON(C) file's value at `keys` (the whole of it for none): the disk's kept by the
    file's identity, another evidence's (the staged blobs, which do not change while the
    hook runs) kept by the evidence."""
    if on_disk(evidence):
        return _disk_setting(path, ".".join(keys))
    return _evidence_setting(path, tuple(keys), evidence)


# The commit hook asks each folder below a package.json for the scripts, turbo.json and
# nx.json above it: read and parsed again each time, a first commit of 6,000 files in 2,200
# folders below a package.json cost the hook 0.22 s more CPU (round 22).
@functools.lru_cache(maxsize=1024)
def _evidence_setting(path: str, keys: tuple[str, ...], evidence: Evidence) -> object:
    return _setting(path, list(keys), evidence)


_CONFIG_MAX_BYTES = 65_536  # a tsconfig.json is a few kB

# A config file's setting as last read, by its path and key, with the file's identity then
# (device, inode, size, mtime and ctime, no link followed): every folder beside a tsconfig.json
# asks it (an outDir of any name), and parsing it again for each cost a scan of 2,000 packages
# nearly as long again as the rest of it. A file changed since is read again.
_SETTINGS_SEEN: dict[tuple[str, str], tuple[tuple[int, ...], object]] = {}
_SETTINGS_SEEN_MAX = 1024


def _disk_setting(path: str, keys: str) -> object:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    identity = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    seen = _SETTINGS_SEEN.get((path, keys))
    if seen is not None and seen[0] == identity:
        return seen[1]
    value = _setting(path, keys.split(".") if keys else [], DISK)
    if len(_SETTINGS_SEEN) >= _SETTINGS_SEEN_MAX:
        _SETTINGS_SEEN.clear()
    _SETTINGS_SEEN[(path, keys)] = (identity, value)
    return value


def _setting(path: str, keys: list[str], evidence: Evidence) -> object:
    from tidy.core import jsonc  # only where a signature is missing: seldom

    data = evidence.read(path, _CONFIG_MAX_BYTES + 1)
    if data is None or len(data) > _CONFIG_MAX_BYTES:
        return None
    try:
        text = data.decode("utf-8")
    except ValueError:  # not UTF-8: says nothing
        return None
    # Nested deeper than the parsers recurse ([[[[...]]]]): no tsconfig, says nothing (it
    # made the scan die of a RecursionError: trust round 13).
    try:  # plain JSON, as most are, in C; comments and trailing commas by the JSONC parser
        value: object = json.loads(text)
    except (ValueError, RecursionError):
        try:
            value = jsonc.loads(text)
        except (ValueError, RecursionError):  # no JSON: says nothing
            return None
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _names_folder(value: str, name: str) -> bool:
    """"dist", "./dist", "dist/" name the folder dist beside the file; "dist/server" and
    "../dist" do not (the folder is then not all the tool's)."""
    return _folder_parts(value) == [name]


def _folder_parts(value: str) -> list[str]:
    """A folder as a setting or a command line names it, in parts: "./public/build/" is
    ["public", "build"]; ".." stays a part (it names no folder below)."""
    return [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]


_EVIDENCE_MAX_BYTES = 4096  # a real CACHEDIR.TAG or self-ignoring .gitignore is tiny


def _read_regular(path: str, limit: int) -> bytes | None:
    """Up to `limit` bytes of `path` if it is a regular file, else None.

    Evidence files are opened without following links and without blocking, so a FIFO
    named CACHEDIR.TAG cannot hang the scan and a link to /dev/zero cannot fill memory
    (tidy.core.safe_files.read_regular; a longer file is evidence of nothing here).
    """
    try:
        return read_regular(path, limit=limit, head=True)
    except (OSError, UnsafeFile):
        return None


@dataclass(frozen=True)
class Evidence:
    """Where the contents of evidence files come from: `read(path, limit)` gives up to
    `limit` bytes of a regular file (None when it is none), `holds(folder, leaves)` whether
    a folder has an entry matching one of `leaves`. The disk (DISK) for a scan; the staged blobs and
    the index's names for the commit hook (tidy.workspace.staged), which judges what is
    committed, not the working tree."""

    read: Callable[[str, int], bytes | None]
    holds: Callable[[str, tuple[str, ...]], bool]


DISK = Evidence(_read_regular, _holds)


def on_disk(evidence: Evidence) -> bool:
    """`evidence` reads the disk (DISK, or one classify_dir call's _ListedOnce over it), not
    the staged blobs: what only the disk can prove (a manifest naming every file, a config
    file kept by its identity) is asked of it. Never by identity with DISK alone: a scan's
    classify_dir reads through its own Evidence, and a manifest naming none of a folder's
    files let the folder through (the CI of cec19e1, tests/safety/test_trust_13.py)."""
    return evidence.read is _read_regular


def has_cachedir_tag(path: str, evidence: Evidence | None = None) -> bool:
    head = (evidence or DISK).read(os.path.join(path, "CACHEDIR.TAG"), len(CACHEDIR_SIGNATURE))
    return head == CACHEDIR_SIGNATURE


def ignores_itself(path: str, evidence: Evidence | None = None) -> bool:
    """A .gitignore inside the folder whose only rule is `*` (pytest, ruff, mypy write one)."""
    data = (evidence or DISK).read(os.path.join(path, ".gitignore"), _EVIDENCE_MAX_BYTES)
    if data is None:
        return False
    lines = (ln.strip() for ln in data.decode("utf-8", "replace").splitlines())
    rules = [ln for ln in lines if ln and not ln.startswith("#")]
    return rules == ["*"]
