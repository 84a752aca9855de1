"""What ignore files say, read from the tree and asked of git: `.ignore`/`.rgignore` (the search
surface), `.gitattributes`, and proposed `.gitignore` rules tried with real git.

* SurfaceFilter: what `.ignore` / `.rgignore` files (read by ripgrep, fd and VS Code search)
  take out of the search surface. pathspec's GitIgnoreSpec decides where it agrees with git;
  when a file holds a pattern shape where pathspec is known to differ from git (negations,
  `**`; python-pathspec #129, #134, #137), git decides, on a mirror of the ignore files in a
  throwaway repo.
* trial / RuleTrial: proposed `.gitignore` rules put in a temporary core.excludesFile, so
  `git check-ignore --no-index` and `git ls-files -ci --exclude-standard` answer what they
  would do (tidy.analysis.ignore_choice.verify_rules decides from the answers).
* read_gitattributes, check_attribute: the root `.gitattributes` and `git check-attr`.

tidy's own walk never reads `.ignore`: it must keep seeing the folders it reports on.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from tidy.core.safe_files import UnsafeFile, read_in_root, read_regular
from tidy.workspace import fifo_guard
from tidy.workspace.git import GitUnavailable, git_env, git_executable, split_z

if TYPE_CHECKING:
    import pathspec

DOT_IGNORE_NAMES = (".rgignore", ".ignore")  # ripgrep precedence: .rgignore over .ignore


# ---------------------------------------------------------------------------- .ignore files

_RISKY = re.compile(r"^\s*!|\*\*")  # shapes where pathspec and git are known to disagree


@dataclass
class SurfaceFilter:
    """Whether `.ignore` / `.rgignore` files hide a path from ripgrep-based search.

    Call it as `f(rel_dir, name)` (an entry `name` inside the folder `rel_dir`, "." for the
    root; a folder unless is_dir=False) or `f.excluded(rel, is_dir)`. A path inside an
    excluded folder is excluded: ripgrep never descends there.
    """

    root: str
    files: dict[str, list[list[str]]] = field(default_factory=dict)  # dir -> [lines per file]
    _specs: dict[str, list[pathspec.GitIgnoreSpec]] = field(default_factory=dict, repr=False)
    _cache: dict[tuple[str, bool], bool] = field(default_factory=dict, repr=False)
    use_git: bool = False

    def __post_init__(self) -> None:
        for folder, contents in self.files.items():
            self._specs[folder] = [_spec(lines) for lines in contents]
        risky = any(_RISKY.search(line) for c in self.files.values() for f in c for line in f)
        self.use_git = risky and _has_git()

    def __bool__(self) -> bool:
        return bool(self.files)

    def __call__(self, rel_dir: str, name: str, is_dir: bool = True) -> bool:
        rel = name if rel_dir in ("", ".") else f"{rel_dir}/{name}"
        return self.excluded(rel, is_dir)

    def excluded(self, rel: str, is_dir: bool) -> bool:
        if not self.files or rel in ("", "."):
            return False
        key = (rel, is_dir)
        if key not in self._cache:
            if self.use_git:
                self.prepare([(rel, is_dir)])
            else:
                self._cache[key] = self._decide_tree(rel, is_dir)
        return self._cache[key]

    def prepare(self, paths: Iterable[tuple[str, bool]]) -> None:
        """Decide many paths in one go (one git process when git decides)."""
        todo = [p for p in paths if p not in self._cache and p[0] not in ("", ".")]
        if not todo:
            return
        if not self.use_git:
            for rel, is_dir in todo:
                self._cache[(rel, is_dir)] = self._decide_tree(rel, is_dir)
            return
        decided = _git_mirror_decide(self.files, todo)
        for path in todo:
            self._cache[path] = path in decided

    def _decide_tree(self, rel: str, is_dir: bool) -> bool:
        slash = rel.rfind("/")
        if slash > 0 and self.excluded(rel[:slash], True):
            return True
        return self._decide(rel, is_dir)

    def _decide(self, rel: str, is_dir: bool) -> bool:
        """The deepest ignore file with a matching pattern decides (ripgrep and git agree)."""
        parts = rel.split("/")
        for depth in range(len(parts) - 1, -1, -1):
            folder = "/".join(parts[:depth]) or "."
            for spec in self._specs.get(folder, ()):
                sub = "/".join(parts[depth:]) + ("/" if is_dir else "")
                include = spec.check_file(sub).include
                if include is not None:
                    return include
        return False


def _spec(lines: Sequence[str]) -> pathspec.GitIgnoreSpec:
    import pathspec  # imported on use: it costs ~35 ms, and most scans have no .ignore file

    usable = []
    for line in lines:
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except ValueError:  # pathspec rejects lines git accepts silently (#146, #148)
            continue
        usable.append(line)
    return pathspec.GitIgnoreSpec.from_lines(usable)


@lru_cache(maxsize=1)
def _has_git() -> bool:
    try:
        git_executable()
    except GitUnavailable:
        return False
    return True


def _git_mirror_decide(files: dict[str, list[list[str]]],
                       paths: Sequence[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """Ask git: each folder's ignore files become one `.gitignore` in a throwaway repo.

    The files are joined in reverse precedence (.ignore, then .rgignore: the last match wins)
    and CRLF is normalised. The queried paths are created there (empty folders and files) so
    git reads their type from the disk: a trailing slash on a path that is not there makes
    git consult the folder's own ignore file, and 2.39 matches a blank line against it.
    """
    import tempfile  # on use: ~2 ms of imports (shutil, random) a scan without it saves

    with tempfile.TemporaryDirectory(prefix="tidy-mirror-") as mirror:
        subprocess.run([git_executable(), "init", "-q", mirror], check=True,
                       stdin=subprocess.DEVNULL, capture_output=True, env=git_env())
        for folder, contents in files.items():
            target = mirror if folder == "." else os.path.join(mirror, folder)
            os.makedirs(target, exist_ok=True)
            lines = [line.rstrip("\r") for lines in reversed(contents) for line in lines]
            with open(os.path.join(target, ".gitignore"), "w", encoding="utf-8",
                      errors="surrogateescape") as f:
                f.write("".join(line + "\n" for line in lines if line.strip()))
        names = [_materialise(mirror, rel, is_dir) for rel, is_dir in paths]
        data = b"".join(os.fsencode(n) + b"\0" for n in names)
        out = _git(mirror, "-c", "core.excludesFile=/dev/null", "check-ignore", "--no-index",
                   "-z", "--stdin", stdin=data, ok=(0, 1))
    hits = _split(out)
    return {(rel, is_dir) for (rel, is_dir), name in zip(paths, names, strict=True)
            if name in hits}


def _materialise(mirror: str, rel: str, is_dir: bool) -> str:
    """Create `rel` in the mirror; the name to ask git about (with a slash if that failed)."""
    full = os.path.join(mirror, rel)
    try:
        if is_dir:
            os.makedirs(full, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "a"):
                pass
    except OSError:
        return rel + "/" if is_dir else rel
    return rel


def find_ignore_files(root: str, names: Sequence[str] = DOT_IGNORE_NAMES) -> list[str]:
    """Folders (relative, "." for the root) holding a `.ignore`/`.rgignore`, `.git` skipped.

    The walk does not prune anything else, so this costs a listing of every folder; the
    engine's walker can hand the same list over instead (it sees every name once anyway).
    """
    wanted = set(names)
    found: list[str] = []
    for current, dirs, filenames in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        if wanted.intersection(filenames):
            rel = os.path.relpath(current, root).replace(os.sep, "/")
            found.append(rel)
    return found


def read_ignore_files(root: str, folders: Iterable[str],
                      names: Sequence[str] = DOT_IGNORE_NAMES) -> dict[str, list[list[str]]]:
    files: dict[str, list[list[str]]] = {}
    for folder in folders:
        contents = []
        for name in names:  # highest precedence first
            # Never a FIFO (it would block the scan) nor a link out of the tree; the engine
            # notes such a file in the report (tidy.engine, config_file_notes). Reached from
            # the root with no link followed at any level: a folder the walk found swapped
            # for a link meanwhile gave the surface filter the rules of a file outside it.
            try:
                data = read_in_root(root, name if folder == "." else f"{folder}/{name}",
                                    verb="read")
            except (OSError, UnsafeFile):
                continue
            if data is not None:
                contents.append(data.decode("utf-8", "surrogateescape").splitlines())
        if contents:
            files[folder] = contents
    return files


def surface_filter(group_root: str, folders: Iterable[str] | None = None) -> SurfaceFilter:
    """What `.ignore`/`.rgignore` files under `group_root` take out of the search surface.

    `folders`: the folders that hold such files, when the caller already knows them
    (the walker); otherwise they are looked for.
    """
    where = find_ignore_files(group_root) if folders is None else list(folders)
    return SurfaceFilter(group_root, read_ignore_files(group_root, where))


def ancestors_filter(group_root: str, rel: str) -> SurfaceFilter:
    """A filter that reads only the ignore files on the way from the root down to `rel`:
    enough to decide `rel` itself, without looking anywhere else in the tree."""
    parts = [] if rel in ("", ".") else rel.split("/")
    folders = ["."] + ["/".join(parts[:i]) for i in range(1, len(parts))]
    return SurfaceFilter(group_root, read_ignore_files(group_root, folders))


# ---------------------------------------------------------------------------- trying rules with git

def _git(root: str, *args: str, stdin: bytes | None = None, ok: tuple[int, ...] = (0,)) -> bytes:
    try:  # a FIFO named .gitignore would block git's open() for ever
        proc = fifo_guard.run([git_executable(), "-C", root, *args], input=stdin, env=git_env(root))
    except fifo_guard.FifoBlocked as error:
        raise GitUnavailable(str(error)) from None
    if proc.returncode not in ok:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitUnavailable(message[0] if message else f"git {args[0]} failed")
    return proc.stdout


def _split(data: bytes) -> set[str]:
    return {os.fsdecode(p) for p in data.split(b"\0") if p}


def global_excludes(root: str) -> str:
    """The user's core.excludesFile (or git's default one), so a check keeps seeing it."""
    configured = _git(root, "config", "--path", "core.excludesFile", ok=(0, 1)).strip()
    if configured:
        path = os.fsdecode(configured)
    else:
        config_home = os.environ.get("XDG_CONFIG_HOME") or os.path.join(
            os.path.expanduser("~"), ".config")
        path = os.path.join(config_home, "git", "ignore")
    try:  # the user's own file: a link to their dotfiles is followed, a FIFO is not read
        data = read_regular(path, follow_links=True)
    except (OSError, UnsafeFile):
        return ""
    return "" if data is None else data.decode("utf-8", "surrogateescape")


@contextlib.contextmanager
def _pattern_file(lines: Iterable[str], prefix: str = "") -> Iterator[str]:
    import tempfile

    fd, path = tempfile.mkstemp(prefix="tidy-ignore-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as f:
            if prefix:
                f.write(prefix if prefix.endswith("\n") else prefix + "\n")
            f.write("".join(line + "\n" for line in lines))
        yield path
    finally:
        os.unlink(path)


def tracked_ignored(root: str, excludes_file: str | None = None) -> set[str]:
    config = ["-c", f"core.excludesFile={excludes_file}"] if excludes_file else []
    return _split(_git(root, *config, "ls-files", "-z", "--cached", "--ignored",
                       "--exclude-standard"))


def tracked_matched_alone(root: str, patterns: Sequence[str]) -> set[str]:
    with _pattern_file(patterns) as path:
        return _split(_git(root, "ls-files", "-z", "--cached", "--ignored",
                           f"--exclude-from={path}"))


def ignored_paths(root: str, paths: Sequence[str], excludes_file: str) -> set[str]:
    # Paths without a trailing slash: the folders exist, git reads their type from disk
    # (and git 2.39 matches a blank CRLF line against "dir/", an empty basename).
    data = b"".join(os.fsencode(p) + b"\0" for p in paths)
    out = _git(root, "-c", f"core.excludesFile={excludes_file}", "check-ignore", "--no-index",
               "-z", "--stdin", stdin=data, ok=(0, 1))
    return _split(out)


def _query_name(root: str, path: str, is_dir: bool) -> str:
    """The path itself when it exists (git reads its type), else with a slash for a folder:
    a target `tidy fix` just moved to the trash still gets its rule."""
    if is_dir and not os.path.lexists(os.path.join(root, path)):
        return path + "/"
    return path


def decided_by(root: str, path: str, excludes_file: str) -> str:
    """The ignore file (and line) that decides `path`, "" when none does."""
    out = _git(root, "-c", f"core.excludesFile={excludes_file}", "check-ignore", "--no-index",
               "-v", "-n", "--", path, ok=(0, 1)).decode("utf-8", "replace").strip()
    source, _, _ = out.partition("\t")
    return source if source and not source.startswith("::") else ""


@dataclass
class RuleTrial:
    """Proposed `.gitignore` rules where git reads them: a temporary core.excludesFile holding
    the user's own global excludes and the rules, and what was ignored before them."""

    root: str
    excludes: str  # the temporary excludes file
    _before: frozenset[str] | None = None  # asked of git only when needed (before)

    @property
    def before(self) -> frozenset[str]:
        """Tracked files an ignore rule matched before the trial (the trial changes no file
        git reads for it, so asking later gives what asking first would)."""
        if self._before is None:
            self._before = frozenset(tracked_ignored(self.root))
        return self._before

    def ignored(self, targets: Mapping[str, bool]) -> set[str]:
        """Which of `targets` (path -> is a folder) git ignores with the rules."""
        queries = {t: _query_name(self.root, t, is_dir) for t, is_dir in targets.items()}
        answered = ignored_paths(self.root, list(queries.values()), self.excludes)
        return {t for t, name in queries.items() if name in answered}

    def newly_matched(self, patterns: Sequence[str]) -> set[str]:
        """Tracked files the rules match that nothing matched before (with all ignore files,
        and with `patterns` alone: a `!` line elsewhere cannot hide one)."""
        alone = tracked_matched_alone(self.root, patterns)
        if not alone and not any(p.startswith("!") for p in patterns):
            # Rules that only exclude and, on their own, match no tracked file: no rule of
            # them matches one alone either (what a newly matched file must be to be named:
            # ignore_choice._verdict), so none is newly matched that could be named, and git
            # need not list the index twice more (two of the five processes a repository's
            # rule cost: a workspace of 2,000 repos).
            return set()
        after = tracked_ignored(self.root, self.excludes)
        return (after | alone) - self.before

    def matched_alone(self, patterns: Sequence[str]) -> set[str]:
        return tracked_matched_alone(self.root, patterns)

    def decided_by(self, path: str) -> str:
        return decided_by(self.root, path, self.excludes)


@contextlib.contextmanager
def trial(root: str, patterns: Sequence[str]) -> Iterator[RuleTrial]:
    """Rules put where git reads them for the length of the `with` (see RuleTrial)."""
    with _pattern_file(patterns, prefix=global_excludes(root)) as excludes:
        yield RuleTrial(root, excludes)


# ---------------------------------------------------------------------------- .gitattributes

def read_gitattributes(root: str) -> str:
    try:
        data = read_regular(os.path.join(root, ".gitattributes"))
    except (OSError, UnsafeFile):
        return ""  # a FIFO or a link: not read (the engine notes it in the report)
    return "" if data is None else data.decode("utf-8", "replace")


def check_attribute(root: str, tracked: Sequence[str], attribute: str) -> dict[str, bool]:
    """`attribute` (linguist-vendored ...) of each tracked path: True when set, False when
    explicitly unset, absent when unspecified; nothing when no .gitattributes is tracked."""
    if not any(p.rsplit("/", 1)[-1] == ".gitattributes" for p in tracked):
        return {}
    try:
        proc = fifo_guard.run(  # a FIFO named .gitattributes would block git's open()
            [git_executable(), "-C", root, "check-attr", "-z", "--stdin", attribute],
            input=b"\0".join(os.fsencode(p) for p in tracked), env=git_env(),
        )
    except (GitUnavailable, fifo_guard.FifoBlocked):
        return {}
    fields = split_z(proc.stdout)
    values: dict[str, bool] = {}
    for path, _name, value in zip(fields[0::3], fields[1::3], fields[2::3], strict=False):
        if value in ("set", "true"):
            values[path] = True
        elif value in ("unset", "false"):
            values[path] = False
    return values
