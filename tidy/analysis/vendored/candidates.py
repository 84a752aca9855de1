"""Which tracked folders are copies of third-party libraries.

A candidate is found by its path (a vendor/third_party container, a committed node_modules, a
lib/ or vendor/ folder under a static root, a well-known library name) and confirmed by its
content (its own manifest or licence, minified files, source maps, version banners, a
version-numbered name). `.gitattributes` `linguist-vendored` is honoured both ways.
Linguist's vendor list is about language statistics, so its non-library entries (.github,
.vscode, cache, dist, ...) are never candidates (research/vendored-ignores.md A.6).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from tidy.core.catalog import in_test_fixture

ReadHead = Callable[[str, int], bytes]  # (repo-relative path, max bytes) -> bytes, b"" on error

# A container whose every child folder is somebody else's library. `_vendor` is Python's:
# pypa/vendoring's default destination (pip, setuptools, poetry-core).
_CONTAINER_NAMES = (
    r"(?:vendors?|[Vv]endor|_vendor(?:ed)?|third[-_]?party|3rd[-_]?party|"
    r"[Ee]xtern(?:als?)?|bower_components|node_modules|web_modules|jspm_packages)"
)
_CONTAINER = re.compile(r"(?:^|/)" + _CONTAINER_NAMES + r"/([^/]+)/")
# A file anywhere below a container (`_vendor/six.py` is a library of one module).
_IN_CONTAINER = re.compile(r"(?:^|/)" + _CONTAINER_NAMES + r"/")
# Under a static root, lib/ and vendor/ hold copied front-end code more often than not.
_STATIC_LIB = re.compile(
    r"(?:^|/)(?:static|public|assets|www|wwwroot|web)/(?:[^/]+/)*?(?:vendors?|libs?)/([^/]+)/"
)
_KNOWN = (
    "jquery", "jquery-ui", "bootstrap", "font-awesome", "fontawesome", "ketcher", "mathjax",
    "ace-builds", "ace", "codemirror", "monaco-editor", "tinymce", "tiny_mce", "ckeditor",
    "pdfjs", "pdf.js", "d3", "three", "leaflet", "chart.js", "chartjs", "highcharts", "lodash",
    "moment", "select2", "datatables", "swagger-ui", "redoc", "plotly", "echarts", "katex",
    "mermaid", "openlayers", "cesium", "video.js", "videojs", "fullcalendar", "handsontable",
)
_KNOWN_DIR = re.compile(
    r"(?:^|/)(?:static|public|assets|www|wwwroot|web)/(?:[^/]+/)*?(("
    + "|".join(re.escape(k) for k in _KNOWN)
    + r")(?:[-_.]?v?\d[\w.]*)?)/",
    re.IGNORECASE,
)
# Linguist lists these as vendored for statistics; they are not libraries.
_NOT_LIBRARIES = frozenset({
    ".github", ".vscode", ".idea", "cache", "dist", "env", "testdata", "fixtures", "debian",
    "docs", "doc", "examples", "tests", "test", "src", "include", "bin", "build",
    "__pycache__",
})
# `pip install --target vendor/` leaves each library's metadata beside it (`requests/` and
# `requests-2.32.3.dist-info/`): part of that install, not a library of its own, and nothing
# ever imports it by path.
_PACKAGE_METADATA = re.compile(r"\.(?:dist|egg)-info$", re.IGNORECASE)
_MANIFESTS = ("package.json", "bower.json", ".bower.json", "composer.json", "setup.py",
              "pyproject.toml", "setup.cfg", "Cargo.toml", "go.mod")
_LICENSE = re.compile(r"^(?:licen[cs]e|copying|notice)(?:[.-][\w.]*)?$", re.IGNORECASE)
_VERSIONED = re.compile(r"[-_.@]v?\d+\.\d+")
# A version banner opens the file: `/*! jQuery v3.7.1`, `/*!\n * Bootstrap v5.3.3`,
# `/**\n * @popperjs/core v2.11.8`. Only the file's own first comment counts: a bundle embeds
# other libraries' banners further down (react-dom's production build carries Modernizr's).
_BANNER = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*/\*[!*]?(?:\s|\*)*(?:@license\s+)?"
    rb"(@?[A-Za-z][\w.\-]*(?:/[\w.\-]+)?)\s+v?(\d+\.\d+[\w.\-]*)")
_MINIFIED = re.compile(r"[.-]min\.(?:js|css)$")
_MINIFIED_ENDS = (".min.js", "-min.js", ".min.css", "-min.css")  # its matches, as ends
_LICENSE_NAMES = (
    ("MIT License", "MIT"), ("Permission is hereby granted, free of charge", "MIT"),
    ("Apache License", "Apache-2.0"), ("GNU GENERAL PUBLIC LICENSE", "GPL"),
    ("GNU LESSER GENERAL PUBLIC LICENSE", "LGPL"), ("Mozilla Public License", "MPL-2.0"),
    ("BSD 3-Clause", "BSD-3-Clause"), ("Redistribution and use in source and binary", "BSD"),
    ("ISC License", "ISC"), ("The Unlicense", "Unlicense"),
)


@dataclass(frozen=True)
class Library:
    """A folder of tracked files that looks like a copy of a third-party library, and what
    says so."""

    root: str  # repo-relative folder
    files: tuple[str, ...]  # repo-relative tracked files inside
    signals: tuple[str, ...]  # why tidy thinks it is a third-party copy
    package_name: str = ""
    version: str = ""
    license: str = ""
    entry_files: tuple[str, ...] = ()  # main/module/browser, top-level .js/.css
    python_package: str = ""  # importable name, for a Python package under third_party/

    @property
    def name(self) -> str:
        return self.root.rsplit("/", 1)[-1]


@dataclass
class _Draft:
    """A library candidate while discover() gathers its signals."""

    root: str
    by_path: bool = False  # the path alone is strong (a vendor/ container, linguist-vendored)
    signals: list[str] = field(default_factory=list)


class PathFacts(NamedTuple):
    """What a candidate's tracked paths alone say of it (no file read): worked out from
    each of its files (a library of 15,000 files: ~10 ms of a warm early job), so kept with
    the index's listing between scans (discover's `path_facts`)."""

    top: tuple[str, ...]  # the names of the files directly in its root, in the paths' order
    minified: int  # minified files (_MINIFIED)
    maps: int  # source maps
    scripts: tuple[str, ...]  # the banner's candidates (_banner): its shallowest .js/.css
    python_package: str  # _python_package's answer


# (candidate roots, each one's tracked files) -> each root's PathFacts
PathFactsOf = Callable[[list[str], Mapping[str, list[str]]], Mapping[str, PathFacts]]


def path_facts(root: str, files: list[str]) -> PathFacts:
    """The PathFacts of the candidate at `root` whose tracked files are `files` (sorted)."""
    start = len(root) + 1
    top = tuple(p[start:] for p in files if "/" not in p[start:])
    # _MINIFIED's matches by their ends (a library of 15,000 files), the expression itself
    # only for a name ending in a newline (where its `$` matches too)
    minified = sum(1 for p in files if p.endswith(_MINIFIED_ENDS)
                   or (p.endswith("\n") and _MINIFIED.search(p)))
    maps = sum(1 for p in files if p.endswith((".js.map", ".css.map")))
    scripts = sorted((p for p in files if p.endswith((".js", ".css"))),
                     key=lambda p: p.count("/"))
    return PathFacts(top, minified, maps, tuple(scripts[:BANNER_FILES]),
                     _python_package(root, {name: root + "/" + name for name in top}, files))


def each_path_facts(roots: list[str], files_by_root: Mapping[str, list[str]]
                    ) -> dict[str, PathFacts]:
    """path_facts of each of `roots` (discover's default PathFactsOf)."""
    return {root: path_facts(root, files_by_root.get(root, [])) for root in roots}


def discover(
    tracked: Iterable[str],
    read_head: ReadHead,
    vendored_attr: Mapping[str, bool] | None = None,
    candidates: Sequence[tuple[str, bool, str]] | None = None,
    path_facts_of: PathFactsOf | None = None,
) -> list[Library]:
    """Candidate libraries among `tracked` paths, outermost folders only, biggest first.
    `candidates`: path_candidates(tracked), when the caller kept it; `path_facts_of`: how
    the caller has the candidates' PathFacts (kept), else each_path_facts."""
    tracked = sorted(tracked)
    drafts: dict[str, _Draft] = {}
    for root, by_path, signal in (path_candidates(tracked) if candidates is None
                                  else candidates):
        draft = drafts.setdefault(root, _Draft(root))
        draft.by_path = draft.by_path or by_path
        if signal not in draft.signals:
            draft.signals.append(signal)
    _apply_attributes(drafts, tracked, vendored_attr or {})
    roots = _outermost(sorted(drafts))
    files_by_root = _files_by_root(tracked, roots)
    facts = (path_facts_of or each_path_facts)(roots, files_by_root)
    libraries = []
    for root in roots:
        library = _confirm(drafts[root], files_by_root.get(root, []), read_head, facts[root])
        if library is not None:
            libraries.append(library)
    return libraries


def path_candidates(tracked: Iterable[str]) -> list[tuple[str, bool, str]]:
    """What the paths alone say: (library root, strong by its path alone, signal), in the
    order discover() meets them (sorted, so the same set of paths gives the same list)."""
    # Folders, not files, are what the patterns name: far fewer strings to match.
    folders = sorted({path.rsplit("/", 1)[0] + "/" for path in tracked if "/" in path})
    return [found for folder in folders for found in _path_candidates(folder)]


def in_vendor_container(path: str) -> bool:
    """Whether a repo-relative file lies in a vendor container (vendor/, _vendor/,
    third_party/, a committed node_modules, ...): somebody else's code by its path alone."""
    folder = path.rpartition("/")[0]
    return bool(folder) and _IN_CONTAINER.search(folder + "/") is not None


def _path_candidates(path: str) -> Iterable[tuple[str, bool, str]]:
    for pattern, by_path, label in ((_CONTAINER, True, "vendor folder"),
                                    (_STATIC_LIB, False, "library folder under a static root"),
                                    (_KNOWN_DIR, False, "well-known library name")):
        match = pattern.search(path)
        if match is None:
            continue
        root = path[: match.end() - 1]
        name = root.rsplit("/", 1)[-1]
        if name.lower() in _NOT_LIBRARIES or _PACKAGE_METADATA.search(name):
            continue
        if in_test_fixture(root + "/"):
            continue  # a fixture's node_modules is test input: its users are the tests
        yield root, by_path, label


def _apply_attributes(
    drafts: dict[str, _Draft], tracked: list[str], vendored_attr: Mapping[str, bool]
) -> None:
    """linguist-vendored set -> the outermost all-vendored folder is a candidate; unset -> never."""
    if not vendored_attr:
        return
    for root in [r for r in drafts if _attribute_says(vendored_attr, r, tracked) is False]:
        del drafts[root]
    vendored = [p for p in tracked if vendored_attr.get(p) is True]
    for root in _all_vendored_folders(vendored, tracked, vendored_attr):
        draft = drafts.setdefault(root, _Draft(root))
        draft.by_path = True
        draft.signals.append("linguist-vendored in .gitattributes")


def _attribute_says(attr: Mapping[str, bool], root: str, tracked: list[str]) -> bool | None:
    inside = [attr.get(p) for p in tracked if p.startswith(root + "/")]
    if inside and all(v is False for v in inside):
        return False
    return None


def _all_vendored_folders(
    vendored: list[str], tracked: list[str], attr: Mapping[str, bool]
) -> list[str]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # folder -> [vendored, all]
    for path in tracked:
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            slot = counts["/".join(parts[:i])]
            slot[1] += 1
            slot[0] += attr.get(path) is True
    full = {d for d, (v, n) in counts.items() if v == n and n > 0}
    return [d for d in full if d.rsplit("/", 1)[0] not in full or "/" not in d]


def _outermost(roots: list[str]) -> list[str]:
    kept: list[str] = []
    for root in roots:  # sorted: a parent comes right before its children
        if kept and root.startswith(kept[-1] + "/"):
            continue
        kept.append(root)
    return kept


def _files_by_root(tracked: list[str], roots: list[str]) -> dict[str, list[str]]:
    """Tracked files under each root; `tracked` is sorted, so each root is one slice."""
    by_root: dict[str, list[str]] = {}
    for root in roots:
        prefix = root + "/"
        start = bisect.bisect_left(tracked, prefix)
        end = bisect.bisect_left(tracked, prefix + "\U0010ffff", lo=start)
        by_root[root] = tracked[start:end]
    return by_root


def _confirm(draft: _Draft, files: list[str], read_head: ReadHead,
             facts: PathFacts | None = None) -> Library | None:
    if not files:
        return None
    if facts is None:
        facts = path_facts(draft.root, files)
    signals = list(draft.signals)
    top = {name: draft.root + "/" + name for name in facts.top}
    manifest = _read_manifest(top, read_head)
    if manifest:
        signals.append(f"own manifest ({manifest['file']})")
    license_name = _license(top, read_head) or str(manifest.get("license", ""))
    if any(_LICENSE.match(name) for name in top):
        signals.append("own licence file")
    if _VERSIONED.search(draft.root.rsplit("/", 1)[-1]):
        signals.append("version-numbered folder name")
    if facts.minified:
        signals.append(f"{facts.minified} minified file(s)")
    if facts.maps:
        signals.append(f"{facts.maps} source map(s)")
    banner = _banner(facts.scripts, read_head)
    if banner:
        signals.append(f"version banner ({banner[0]} {banner[1]})")
    confirmed = draft.by_path or len(signals) > len(draft.signals)
    if not confirmed:
        return None
    return Library(
        root=draft.root,
        files=tuple(files),
        signals=tuple(signals),
        package_name=str(manifest.get("name", "")) or (banner[0] if banner else ""),
        version=str(manifest.get("version", "")) or (banner[1] if banner else ""),
        license=license_name,
        entry_files=_entry_files(draft.root, top, manifest),
        python_package=facts.python_package,
    )


def _read_manifest(top: dict[str, str], read_head: ReadHead) -> dict[str, object]:
    for name in ("package.json", "bower.json", ".bower.json", "composer.json"):
        if name in top:
            try:
                data = json.loads(read_head(top[name], 256 * 1024) or b"{}")
            except (ValueError, UnicodeDecodeError, RecursionError):  # nested past the parser
                continue
            if isinstance(data, dict):
                return {**data, "file": name}
    for name in _MANIFESTS:
        if name in top:
            return {"file": name}
    return {}


def _license(top: dict[str, str], read_head: ReadHead) -> str:
    for name, path in top.items():
        if _LICENSE.match(name):
            head = read_head(path, 2048).decode("utf-8", "replace")
            for needle, spdx in _LICENSE_NAMES:
                if needle.lower() in head.lower():
                    return spdx
            return name
    return ""


BANNER_FILES = 12  # a bundle with a banner shows it in its first few files; no need to read all


def _banner(scripts: Sequence[str], read_head: ReadHead) -> tuple[str, str] | None:
    """The first version banner among `scripts` (PathFacts.scripts)."""
    for path in scripts:
        match = _BANNER.search(read_head(path, 512))
        if match:
            return match.group(1).decode(errors="replace"), match.group(2).decode(
                errors="replace")
    return None


def _entry_files(root: str, top: dict[str, str], manifest: Mapping[str, object]) -> tuple[str, ...]:
    names: list[str] = []
    for key in ("main", "module", "browser", "unpkg", "jsdelivr", "style"):
        value = manifest.get(key)
        if isinstance(value, str) and value:
            names.append(value.rsplit("/", 1)[-1])
    names += [n for n in top if n.endswith((".js", ".css", ".html"))]
    return tuple(dict.fromkeys(names))


def _python_package(root: str, top: dict[str, str], files: list[str]) -> str:
    if "__init__.py" in top:
        return root.rsplit("/", 1)[-1]
    for path in files:
        if not path.endswith("/__init__.py"):
            continue  # neither form below: not split (a library of 15,000 files)
        rest = path[len(root) + 1:].split("/")
        if len(rest) == 2 and rest[1] == "__init__.py":
            return rest[0]
        if len(rest) == 3 and rest[0] == "src" and rest[2] == "__init__.py":
            return rest[1]
    return ""
