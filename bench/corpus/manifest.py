"""The corpus manifest (manifest.toml) as typed records, and where the built corpus lives.

Shared by build.py (which downloads and unpacks what the manifest names) and
bench/bench_data_corpus.py (which measures tidy on it).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
MANIFEST = os.path.join(HERE, "manifest.toml")
SUPPORT = os.path.join(HERE, "support.txt")
DEFAULT_OUT = os.path.join(BENCH, "out", "corpus")
LABELS = ("data", "code")
DIST_KINDS = ("wheel", "sdist")


class ManifestError(ValueError):
    """The manifest is malformed: one line naming the package or module."""


def canonical(name: str) -> str:
    """PEP 503 normalized name: `pdfminer.six` -> `pdfminer-six`."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Module:
    package: str  # canonical package name (the tree folder)
    path: str  # relative to the package's tree root, which is also its import root
    label: str  # data | code
    shape: tuple[str, ...]
    reason: str
    boundary: bool = False

    @property
    def dotted(self) -> str:
        """The import name: `a/b/__init__.py` -> `a.b`, `a/b.py` -> `a.b`."""
        parts = self.path[: -len(".py")].split("/")
        if parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)

    @property
    def key(self) -> str:
        return f"{self.package}:{self.path}"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    dist: str
    why: str
    modules: tuple[Module, ...]

    @property
    def key(self) -> str:
        return canonical(self.name)

    @property
    def pin(self) -> str:
        return f"{self.name}=={self.version}"


def _module(package: str, table: dict[str, object]) -> Module:
    path = table.get("path")
    label = table.get("label")
    if not isinstance(path, str) or not path.endswith(".py") or path.startswith(("/", "..")):
        raise ManifestError(f"{package}: module path {path!r} must be a relative .py path")
    if label not in LABELS:
        raise ManifestError(f"{package}:{path}: label {label!r} must be one of {LABELS}")
    shape = table.get("shape", [])
    reason = table.get("reason", "")
    if not isinstance(shape, list) or not all(isinstance(s, str) for s in shape):
        raise ManifestError(f"{package}:{path}: shape must be a list of strings")
    if not isinstance(reason, str) or not reason:
        raise ManifestError(f"{package}:{path}: a one-line reason is required")
    return Module(package, path, str(label), tuple(shape), reason, bool(table.get("boundary")))


def load(path: str = MANIFEST) -> list[Package]:
    with open(path, "rb") as f:
        document = tomllib.load(f)
    packages: list[Package] = []
    seen: set[str] = set()
    for table in document.get("package", []):
        name, version = table.get("name"), table.get("version")
        if not isinstance(name, str) or not isinstance(version, str):
            raise ManifestError(f"every [[package]] needs a name and an exact version: {table!r}")
        dist = table.get("dist", "wheel")
        if dist not in DIST_KINDS:
            raise ManifestError(f"{name}: dist {dist!r} must be one of {DIST_KINDS}")
        key = canonical(name)
        if key in seen:
            raise ManifestError(f"{name}: listed twice")
        seen.add(key)
        modules = tuple(_module(key, m) for m in table.get("module", []))
        paths = [m.path for m in modules]
        if len(set(paths)) != len(paths):
            raise ManifestError(f"{name}: a module is listed twice")
        packages.append(Package(name, version, dist, str(table.get("why", "")), modules))
    return packages


def modules(packages: list[Package]) -> list[Module]:
    return [m for p in packages for m in p.modules]


def support_pins(path: str = SUPPORT) -> list[str]:
    """The pinned dependencies (requirements lines) that make the corpus importable."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        lines = [line.split("#", 1)[0].strip() for line in f]
    return [line for line in lines if line]


def tree_root(out: str = DEFAULT_OUT) -> str:
    return os.path.join(out, "tree")


def venv_python(out: str = DEFAULT_OUT) -> str:
    return os.path.join(out, "venv", "bin", "python")
