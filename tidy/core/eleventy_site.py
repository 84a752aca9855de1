"""Whether a folder is all the site a zero-config Eleventy run writes, each page from a template.

Eleventy (11ty) run with no config file (`"build": "eleventy"` in package.json's scripts) reads
the templates of its input folder (the package's, or `--input DIR`) and writes each one's page
to _site/ (or `--output DIR`): `index.md` -> `index.html`, `about.md` -> `about/index.html`,
`posts/first.md` -> `posts/first/index.html` (or `posts/first/index.md` -> the same). Without a
config nothing else goes there: no passthrough copy, no assets. A script naming the folder says
where Eleventy would write, not that the folder holds nothing else, and `_site` is Jekyll's
and many a hand-made site's name too: so every file below must be such a page with its
template in the input folder, a regular file reached without following a link (real trees,
round 25: round 24 left a zero-config site). A page whose template moved it elsewhere
(`permalink: /feed.xml`) is traced to nothing, and the folder is left: a miss, never a user's
page taken.
"""

from __future__ import annotations

import os
import posixpath
import stat

from tidy.core.safe_files import UnsafeFile, folder_in_root, lstat_at, split_rel

_PAGE = "index.html"
# The template languages Eleventy reads with no config: 3.x's html, md, liquid, njk and
# JavaScript templates; 0.x-1.x's ejs, hbs, mustache, haml and pug as well.
TEMPLATE_EXTENSIONS = (".html", ".md", ".liquid", ".njk", ".11ty.js", ".11ty.cjs", ".11ty.mjs",
                       ".ejs", ".hbs", ".mustache", ".haml", ".pug")


def eleventy_wrote_only(path: str, inputs: frozenset[str], below: list[str]) -> bool:
    """Whether every file `below` (relative to the folder `path`, from files_below) is the
    page of a template in one of the `inputs` folders (absolute paths) that is not inside
    `path` itself."""
    output = os.path.normpath(path)
    folders = [os.path.normpath(folder) for folder in inputs]
    return bool(below) and bool(folders) and all(
        any(_traced(folder, rel, output) for folder in folders) for rel in below)


def _traced(folder: str, rel: str, output: str) -> bool:
    """Whether the page `rel` has a template in `folder` Eleventy writes it from."""
    return any(_template_at(folder, candidate, output) for candidate in template_paths(rel))


def template_paths(rel: str) -> list[str]:
    """The templates (relative to the input folder) whose page is `rel`: `index.html` <-
    index.EXT; `a/b/index.html` <- a/b.EXT or a/b/index.EXT; none for any other file."""
    if rel == _PAGE:
        stems = ["index"]
    elif rel.endswith("/" + _PAGE):
        place = rel.removesuffix("/" + _PAGE)
        stems = [place, posixpath.join(place, "index")]
    else:
        return []
    return [stem + extension for stem in stems for extension in TEMPLATE_EXTENSIONS]


def _template_at(folder: str, rel: str, output: str) -> bool:
    """Whether folder/rel is a regular file reached without following a link, outside the
    output folder (Eleventy reads no template from where it writes)."""
    full = os.path.normpath(os.path.join(folder, rel))
    if full == output or full.startswith(output + os.sep):
        return False
    try:
        parts, name = split_rel(rel)
        with folder_in_root(folder, parts, verb="read") as handle:
            st = lstat_at(name, handle)
    except (OSError, UnsafeFile):
        return False
    return st is not None and stat.S_ISREG(st.st_mode)
