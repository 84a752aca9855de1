"""A GroupContext made by hand, as the engine makes it from a walk and git's facts: each rule
tested on data, in milliseconds, without a walk or a git process.

    ctx = context(hits=[hit("pkg/__pycache__", "__pycache__", files=3)],
                  tracked=["pkg/a.py"], ignored_dirs=["pkg/__pycache__"])
    found = list(artifacts.check_untracked_artifacts(ctx))

`tracked=None` makes a plain folder (no git); a list makes a repo whose index holds those
paths. Sizes and the search surface default to what the hits and big files say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from tidy.core.catalog import load_builtin
from tidy.core.config import Config
from tidy.core.models import Size
from tidy.rules.base import GroupContext, SizeIndex, SurfaceIndex
from tidy.workspace.git import GitFacts
from tidy.workspace.walk import BigFile, Hit, Stale

ROOT = "/nonexistent/tidy-rule-test"  # nothing is read there: a check that reads would fail
KINDS = {kind.name: kind for kind in load_builtin()}


def hit(rel: str, kind: str, *, files: int = 1, size: int = 1000, dirs: int = 1,
        newest: float = 1_000_000.0, stale: Iterable[str] = (),
        nested: Iterable[str] = ()) -> Hit:
    """A catalogued artifact the walk found at `rel` (a kind name of catalog.toml)."""
    found = KINDS[kind]
    is_dir = found.type == "dir"
    stale_files = tuple(Stale(name, 100, 4096, newest) for name in stale)
    return Hit(rel, found, Size(size, size, files, dirs if is_dir else 0, newest),
               stale_bytecode=stale_files, nested_vcs=tuple(nested))


def facts(tracked: Iterable[str], *, ignored_dirs: Iterable[str] = (),
          ignored_files: Iterable[str] = (), tracked_ignored: Iterable[str] = (),
          error: str = "", root: str = ROOT) -> GitFacts:
    paths = tuple(sorted(tracked))
    return GitFacts(root, paths, frozenset(ignored_dirs), frozenset(ignored_files),
                    frozenset(tracked_ignored), error=error, _tracked_set=frozenset(paths))


def context(*, root: str = ROOT, hits: Iterable[Hit] = (),
            big_files: Mapping[str, int] | None = None, tracked: Iterable[str] | None = None,
            ignored_dirs: Iterable[str] = (), ignored_files: Iterable[str] = (),
            tracked_ignored: Iterable[str] = (), git_error: str = "",
            stale_legacy_pyc: Iterable[tuple[str, int]] = (), config: Config | None = None,
            surface: Mapping[str, tuple[int, int]] | None = None,
            sizes: Mapping[str, tuple[int, int, int, int, float]] | None = None,
            early: Mapping[str, object] | None = None,
            started: Mapping[str, object] | None = None, **settings: object) -> GroupContext:
    """The context of one group; `settings` go into the Config (large_file=..., ...)."""
    hits = tuple(hits)
    big = dict(big_files or {})
    git = None if tracked is None else facts(
        tracked, ignored_dirs=ignored_dirs, ignored_files=ignored_files,
        tracked_ignored=tracked_ignored, error=git_error, root=root)
    if surface is None:  # each hit and big file as search surface of its own
        surface = {h.rel: (h.size.files, h.size.apparent) for h in hits}
        surface.update({rel: (1, size) for rel, size in big.items()})
    if sizes is None:
        sizes = {h.rel: (h.size.files, h.size.apparent, h.size.disk, h.size.dirs,
                         h.size.newest_mtime) for h in hits if h.kind.type == "dir"}
    return GroupContext(
        root=root, is_repo=git is not None, hits=hits,
        artifact_dirs=tuple(sorted(h.rel for h in hits if h.kind.type == "dir")),
        big_files=tuple(BigFile(rel, size) for rel, size in sorted(big.items())),
        stale_legacy_pyc=tuple(stale_legacy_pyc), git=git,
        surface=SurfaceIndex(dict(surface)),
        config=replace(config or Config(), **settings),  # type: ignore[arg-type]
        sizes=SizeIndex(dict(sizes)), early=dict(early or {}), started=dict(started or {}),
    )
