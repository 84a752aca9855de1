"""What a commit will hold, read as the commit hook must judge it: every content from the
index's blob, never from the working tree. A file edited after `git add`, or staged in part
(`git add -p`), is committed as staged; its working copy is not what is judged. (pre-commit
stashes the unstaged changes of tracked files for the same reason; untracked files stay in
the working tree there, and are no part of the commit either.)

StagedIndex holds the index's stage-0 entries (one `git ls-files -s`) and reads their blobs by
id (`git cat-file --batch`), for
- the heads library discovery reads (a manifest, a licence, a version banner): `head`;
- the evidence the catalogue reads (a CACHEDIR.TAG, a self-ignoring .gitignore, a tool's
  config naming its output folder, a signature one folder down): `evidence`;
- the reference search over the staged text files (TDY401: does anything being committed
  refer to the library?): `search`. Most staged files are the working file byte for byte,
  and the content pass reads those from the disk through its cache, keyed by each file's
  stat. Which ones are not is asked of git (`git diff-files`: the working file differs from
  its index entry, or git cannot vouch for it by its stat) AFTER that read, so a file changed
  while it was read is listed too; each listed file's hits then come from its blob instead.
"""

from __future__ import annotations

import bisect
import fnmatch
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from tidy.core.catalog import Evidence
from tidy.workspace import blobs
from tidy.workspace.blobs import Blob

if TYPE_CHECKING:  # the content pass loads only when a commit adds a library (every hook
    # run pays this module's imports)
    from tidy.workspace.content import ContentFacts
    from tidy.workspace.textscan import Match

_LISTING_MAX = 4096  # entries of a folder a signature looks at (as the catalogue's own)


class StagedIndex:
    """The index of the repository at `root` (as the hook's `env` names it: the temporary
    index of `git commit -a` included), listed once when first asked."""

    def __init__(self, root: str, env: Mapping[str, str]) -> None:
        self.root = root
        self.env = env
        self._entries: dict[str, Blob] | None = None
        self._paths: list[str] = []
        self._data: dict[str, bytes] = {}  # blob id -> content, as read

    @property
    def entries(self) -> dict[str, Blob]:
        """Path -> its stage-0 entry (a conflicted path has none)."""
        if self._entries is None:
            self._entries = {b.path: b for b in blobs.index_entries(self.root, None, self.env)}
            self._paths = sorted(self._entries)
        return self._entries

    def paths_named(self, names: Iterable[str]) -> list[str]:
        """Staged paths that are, or lie in a folder, named one of `names` (globs allowed):
        from the listing when it is made already, else one `git ls-files` that lists no
        more."""
        if self._entries is None:
            return blobs.index_paths_named(self.root, names, self.env)
        return list(filter(part_named(names), self._paths))

    def paths(self) -> list[str]:
        """Every staged path, sorted."""
        _ = self.entries
        return self._paths

    def contents(self, paths: Iterable[str]) -> dict[str, bytes]:
        """The staged content of each of `paths` that is a file in the index (one
        `git cat-file --batch` for those not read yet)."""
        wanted = {p: b.sha for p in paths if (b := self.entries.get(p)) is not None and b.is_file}
        missing = [sha for sha in wanted.values() if sha not in self._data]
        if missing:
            self._data.update(blobs.read_blobs(self.root, missing, env=self.env))
        return {p: self._data[sha] for p, sha in wanted.items() if sha in self._data}

    def head(self, path: str, limit: int) -> bytes:
        """At most `limit` bytes of the staged `path`; b"" when it is no staged file."""
        return self.contents((path,)).get(path, b"")[:limit]

    # -- the catalogue's evidence (absolute paths, as the catalogue names them)
    @property
    def evidence(self) -> Evidence:
        return Evidence(self._evidence_read, self._evidence_holds)

    def _evidence_read(self, path: str, limit: int) -> bytes | None:
        rel = _relative(self.root, path)
        entry = self._entry(rel) if rel is not None else None
        if rel is None or entry is None or not entry.is_file:
            return None
        if self._entries is None:  # one blob asked for: the index stays unlisted
            data = blobs.read_blobs(self.root, [entry.sha], env=self.env).get(entry.sha)
            return None if data is None else data[:limit]
        return self.contents((rel,)).get(rel, b"")[:limit]

    def _entry(self, rel: str) -> Blob | None:
        """The stage-0 entry of `rel`: from the listing when it is made, else one `git
        ls-files -s -- rel` (a config file read as evidence, before anything lists the
        index)."""
        if self._entries is not None:
            return self._entries.get(rel)
        found = blobs.index_entries(self.root, [rel], self.env)
        return next((b for b in found if b.path == rel), None)

    def _evidence_holds(self, folder: str, leaves: tuple[str, ...]) -> bool:
        rel = _relative(self.root, folder)
        if rel is None:
            return False
        names = _names_in(self.paths(), rel)
        return len(names) <= _LISTING_MAX and any(
            fnmatch.fnmatchcase(n, leaf) for n in names for leaf in leaves)

    # -- the reference search
    def search(self, files: Sequence[str], patterns: Sequence[str],
               content: ContentFacts | None) -> list[Match]:
        """Every occurrence of `patterns` in the staged content of `files` (staged paths)."""
        from tidy.workspace.content import MAX_TEXT_BYTES, BytesSearch
        from tidy.workspace.textscan import Match, search_paths

        found, _ = search_paths(self.root, files, patterns, content)
        # Asked after the read: a file changed while it was read differs from its entry now.
        differ = set(_differing(self.root, self.env))
        redo = [f for f in files if f in differ]
        if not redo:
            return found
        matches = [m for m in found if m.path not in differ]
        sizes = blobs.object_sizes(self.root, (self.entries[f].sha for f in redo
                                               if f in self.entries), self.env)
        small = [f for f in redo if f in self.entries
                 and sizes.get(self.entries[f].sha, MAX_TEXT_BYTES + 1) <= MAX_TEXT_BYTES]
        searcher = BytesSearch(patterns)
        for path, data in self.contents(small).items():
            hits = searcher.hits(data)
            matches += [Match(path, pattern, line_no, line)
                        for pattern, line_no, line in hits or ()]
        return matches


def _differing(root: str, env: Mapping[str, str]) -> list[str]:
    """Index paths whose working file git cannot vouch is the staged one: changed, deleted,
    of another type, or with a stat unlike the entry's (`git diff-files` refreshes nothing,
    so it errs on the side of listing)."""
    return blobs.worktree_differs(root, env)


def commit_evidence(root: str, ref: str, paths: Iterable[str],
                    env: Mapping[str, str]) -> Evidence:
    """The catalogue's evidence as commit `ref` holds it (the push hook judges the pushed
    commits, not the working tree): a file's content from its blob there (`paths`: the
    files it holds), a folder's names from `paths`."""
    listed = sorted(paths)

    def read(path: str, limit: int) -> bytes | None:
        rel = _relative(root, path)
        if rel is None:
            return None
        data = blobs.read_at(root, ref, rel, env)
        return None if data is None else data[:limit]

    def holds(folder: str, leaves: tuple[str, ...]) -> bool:
        rel = _relative(root, folder)
        names = _names_in(listed, rel) if rel is not None else set()
        return len(names) <= _LISTING_MAX and any(
            fnmatch.fnmatchcase(n, leaf) for n in names for leaf in leaves)

    return Evidence(read, holds)


def _relative(root: str, path: str) -> str | None:
    """`path` (absolute, as the catalogue names it) relative to `root`, git's way; None
    outside it."""
    rel = os.path.relpath(path, root)
    if rel == os.curdir or rel.startswith(os.pardir):
        return None
    return rel.replace(os.sep, "/")


def part_named(names: Iterable[str]) -> Callable[[str], bool]:
    """A test of whether a component of a git path is named one of `names` (globs allowed).
    Plain names are a set lookup per component: a pushed tree of 20,000 paths is asked."""
    plain = frozenset(n for n in names if not any(c in n for c in "*?["))
    globs = tuple(n for n in names if n not in plain)

    def test(path: str) -> bool:
        parts = path.split("/")
        return not plain.isdisjoint(parts) or any(
            fnmatch.fnmatchcase(part, name) for name in globs for part in parts)
    return test


def _names_in(paths: Sequence[str], folder: str) -> set[str]:
    """The entry names of `folder` among `paths` (sorted)."""
    prefix = folder + "/"
    start = bisect.bisect_left(paths, prefix)
    end = bisect.bisect_left(paths, prefix + "\U0010ffff", lo=start)
    return {p[len(prefix):].split("/", 1)[0] for p in paths[start:end]}


SETTINGS_FILES = (".tidy.toml", "pyproject.toml")  # the repository's own, at its root


def staged_settings(root: str, env: Mapping[str, str]) -> dict[str, bytes | None]:
    """The repository's settings files whose working copy is not the staged one (edited,
    deleted, or of another type since `git add`), by absolute path, with their staged
    content (None: no file in the index), as pre-commit's stash of unstaged changes shows
    them: the hook judges the commit by the settings it holds. One `git diff-files` of two
    paths per hook run; an untracked settings file is read from the disk, as under
    pre-commit."""
    changed = blobs.worktree_differs(root, env, SETTINGS_FILES)
    if not changed:
        return {}
    entries = {b.path: b for b in blobs.index_entries(root, changed, env)}
    contents = blobs.read_blobs(root, [b.sha for b in entries.values() if b.is_file], env=env)
    return {os.path.join(root, name): (contents.get(entries[name].sha)
                                       if name in entries and entries[name].is_file else None)
            for name in changed}
