"""Whether a folder is all Create React App's build: what `react-scripts build` writes.

CRA's build/ holds index.html, asset-manifest.json naming every file webpack wrote
(`"main.js": "/static/js/main.ebd80575.js"`, its map, the CSS, the media), the licence
comments webpack moved out of a bundle (`main.ebd80575.js.LICENSE.txt`), and a copy of
everything in public/ beside package.json (favicon.ico, robots.txt, a logo ...), whatever
it is. No glob says what that is, so each file below must be accounted for: named in the
manifest (below the prefix its index.html entry shows, `/` or a `homepage` path), the
licence file of one so named, or a copy of the file at the same place in public/ (the same
bytes). A page, an image or a script of the user's in the folder is none of these (real
trees, round 23: a TypeScript CRA app's build/ was left because its tsconfig.json no longer
confirmed it, trust round 16). Every file and folder is reached without following a link.
"""

from __future__ import annotations

import json
import os
import stat

from tidy.core.safe_files import (
    MAX_CONFIG_BYTES,
    UnsafeFile,
    folder_in_root,
    lstat_at,
    read_in_root,
    split_rel,
)

MANIFEST = "asset-manifest.json"
_PAGE = "index.html"
_LICENSE = ".LICENSE.txt"  # terser-webpack-plugin's extracted comments, beside the bundle
_PUBLIC = "public"
# A file copied from public/ is compared byte for byte up to this size; CRA's copies of a
# larger file (a video) are taken by their size, which the copy keeps.
_COMPARED_BYTES = 1 << 20


def cra_wrote_only(path: str, package: str, below: list[str]) -> bool:
    """Whether every file `below` (relative to the folder `path`, from files_below) is one
    `react-scripts build` writes there, for the package.json in `package`."""
    public = os.path.join(package, _PUBLIC)
    if os.path.normpath(path) == os.path.normpath(public):
        return False  # `BUILD_PATH=public`: every file would be a copy of itself
    listed = _listed(path)
    if listed is None or _PAGE not in listed:
        return False
    return bool(below) and all(
        rel == MANIFEST or rel in listed
        or (rel.endswith(_LICENSE) and rel.removesuffix(_LICENSE) in listed)
        or _copied_from(public, path, rel)
        for rel in below)


def _listed(path: str) -> set[str] | None:
    """The files the manifest's "files" names, relative to the folder (the prefix its
    index.html entry has taken off each); None where there is no such manifest."""
    try:
        data = read_in_root(path, MANIFEST, limit=MAX_CONFIG_BYTES, verb="read")
    except (OSError, UnsafeFile):
        return None
    try:
        files = json.loads(data).get("files") if data is not None else None
    except (ValueError, AttributeError, RecursionError):
        return None
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        return None
    page = files.get(_PAGE)
    if not isinstance(page, str) or not page.endswith(_PAGE):
        return None
    prefix = page.removesuffix(_PAGE)
    return {value.removeprefix(prefix) for value in files.values()
            if value.startswith(prefix) and ".." not in value.split("/")}


def _copied_from(public: str, path: str, rel: str) -> bool:
    """Whether public/REL is a regular file of the same bytes (the same size past
    _COMPARED_BYTES) as the folder's REL: CRA's copy of it."""
    try:
        copy = _stat_in(path, rel)
        original = _stat_in(public, rel)
        if copy is None or original is None or copy.st_size != original.st_size:
            return False
        if copy.st_size > _COMPARED_BYTES:
            return True
        return read_in_root(path, rel, limit=_COMPARED_BYTES, verb="read") == read_in_root(
            public, rel, limit=_COMPARED_BYTES, verb="read")
    except (OSError, UnsafeFile):
        return False


def _stat_in(root: str, rel: str) -> os.stat_result | None:
    """root/rel's lstat reached without following a link; None unless a regular file."""
    folders, name = split_rel(rel)
    try:
        with folder_in_root(root, folders, verb="read") as folder:
            st = lstat_at(name, folder)
    except (OSError, UnsafeFile):
        return None
    return st if st is not None and stat.S_ISREG(st.st_mode) else None
