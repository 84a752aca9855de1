"""Which ignore rules to write, proved with real git; and what `.ignore` files hide from search.

Three parts:

* choose_rules: the fewest patterns that cover the targets. A cache every project of an
  ecosystem makes (`__pycache__`, `.mypy_cache`, `node_modules`, `*.pyc`) gets one unanchored
  rule (`__pycache__/`) however many copies exist; an output that belongs to one project
  (`frontend/.next`, a marker-confirmed `build/`) is anchored to its place (`/frontend/.next/`),
  and a name that is ambiguous (`build`, `dist`, `target`) is always anchored.
* verify_rules: each proposed `.gitignore` rule is tried with git before anything is written:
  `git check-ignore --no-index` must report every target ignored, and
  `git ls-files -ci --exclude-standard` must not list a tracked file it did not list before
  (the rule is put in a temporary core.excludesFile; a second check with `--exclude-from`
  sees the rule alone, so a `!` line elsewhere cannot hide a tracked file it matches).
  A failing rule is kept out, with the reason.
* SurfaceFilter: what `.ignore` / `.rgignore` files (read by ripgrep, fd and VS Code search)
  take out of the search surface. pathspec's GitIgnoreSpec decides where it agrees with git;
  when a file holds a pattern shape where pathspec is known to differ from git (negations,
  `**`; python-pathspec #129, #134, #137), git decides, on a mirror of the ignore files in a
  throwaway repo.

tidy's own walk never reads `.ignore`: it must keep seeing the folders it reports on.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from tidy.core.catalog import AMBIGUOUS_NAMES, Kind
from tidy.core.safe_files import UnsafeFile, read_regular
from tidy.workspace import fifo_guard
from tidy.workspace.git import GitUnavailable, git_env, git_executable

if TYPE_CHECKING:
    import pathspec

    from tidy.fixes.editors.excludes import FileEdit

# Kinds that any project of their ecosystem makes, anywhere: one unanchored rule covers all.
_ANYWHERE = frozenset({
    "__pycache__", "pyc", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".pytype",
    ".hypothesis", ".tox", ".ipynb_checkpoints", "egg-info", ".coverage", "node_modules",
    ".eslintcache", "os-junk", "editor-swap", "js-tool-caches", ".terraform",
})
DOT_IGNORE_NAMES = (".rgignore", ".ignore")  # ripgrep precedence: .rgignore over .ignore


# ---------------------------------------------------------------------------- choosing

@dataclass(frozen=True)
class Target:
    """Something that should be ignored: a path relative to the repo root (POSIX)."""

    path: str
    is_dir: bool
    kind: Kind | None = None


@dataclass(frozen=True)
class Candidate:
    pattern: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    pattern: str
    targets: tuple[str, ...]
    ok: bool
    reason: str = ""  # why the rule was not written
    file: str = ".gitignore"


def anchored(path: str, is_dir: bool) -> str:
    """`/frontend/.next/`: this one place only (glob characters escaped)."""
    escaped = "/".join(_escape(part) for part in path.split("/"))
    return "/" + escaped + ("/" if is_dir else "")


def _escape(name: str) -> str:
    escaped = re.sub(r"([*?\[\]\\!#])", r"\\\1", name)
    if escaped.endswith(" "):
        escaped = escaped[:-1] + "\\ "  # git strips unescaped trailing spaces
    return escaped


def _generic_pattern(target: Target) -> str:
    """The unanchored rule for a target's kind: `__pycache__/`, `*.pyc`, `*.egg-info/`."""
    name = target.path.rsplit("/", 1)[-1]
    kind = target.kind
    if kind is not None:
        from fnmatch import fnmatchcase

        glob = next((g for g in kind.globs if fnmatchcase(name, g)), None)
        if glob is not None:
            return glob + ("/" if target.is_dir else "")
    return _escape(name) + ("/" if target.is_dir else "")


def _outermost(targets: Sequence[Target]) -> list[Target]:
    """Drop targets inside another target: the outer rule covers them."""
    ordered = sorted(targets, key=lambda t: t.path)
    kept: list[Target] = []
    for target in ordered:
        if kept and kept[-1].is_dir and target.path.startswith(kept[-1].path + "/"):
            continue
        if kept and kept[-1].path == target.path:
            continue
        kept.append(target)
    return kept


def choose_rules(targets: Sequence[Target]) -> list[Candidate]:
    """The fewest rules that cover `targets`, in a stable order (generic rules first)."""
    places: dict[str, int] = defaultdict(int)
    outer = _outermost(targets)
    for target in outer:
        places[_generic_pattern(target)] += 1
    generic: dict[str, list[str]] = defaultdict(list)
    specific: list[Candidate] = []
    for target in outer:
        name = target.path.rsplit("/", 1)[-1]
        pattern = _generic_pattern(target)
        kind_name = target.kind.name if target.kind is not None else ""
        ambiguous = name in AMBIGUOUS_NAMES or (
            target.kind is not None and target.kind.tier != "default")
        if not ambiguous and (kind_name in _ANYWHERE or places[pattern] > 1):
            generic[pattern].append(target.path)
        else:
            specific.append(Candidate(anchored(target.path, target.is_dir), (target.path,)))
    found = [Candidate(p, tuple(paths)) for p, paths in sorted(generic.items())]
    return found + sorted(specific, key=lambda c: c.pattern)


# ---------------------------------------------------------------------------- verifying

def _git(root: str, *args: str, stdin: bytes | None = None, ok: tuple[int, ...] = (0,)) -> bytes:
    try:  # a FIFO named .gitignore would block git's open() for ever
        proc = fifo_guard.run([git_executable(), "-C", root, *args], input=stdin, env=git_env())
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


def _tracked_matched_alone(root: str, patterns: Sequence[str]) -> set[str]:
    with _pattern_file(patterns) as path:
        return _split(_git(root, "ls-files", "-z", "--cached", "--ignored",
                           f"--exclude-from={path}"))


def _ignored_targets(root: str, paths: Sequence[str], excludes_file: str) -> set[str]:
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


def _decided_by(root: str, path: str, excludes_file: str) -> str:
    out = _git(root, "-c", f"core.excludesFile={excludes_file}", "check-ignore", "--no-index",
               "-v", "-n", "--", path, ok=(0, 1)).decode("utf-8", "replace").strip()
    source, _, _ = out.partition("\t")
    return source if source and not source.startswith("::") else ""


def verify_rules(root: str, candidates: Sequence[Candidate]) -> list[Verdict]:
    """Try every candidate with git; a rule that misses a target or hides a tracked file fails."""
    if not candidates:
        return []
    patterns = [c.pattern for c in candidates]
    before = tracked_ignored(root)
    with _pattern_file(patterns, prefix=global_excludes(root)) as excludes:
        queries = {t: _query_name(root, t, c.pattern.endswith("/"))
                   for c in candidates for t in c.targets}
        answered = _ignored_targets(root, list(queries.values()), excludes)
        matched = {t for t, name in queries.items() if name in answered}
        after = tracked_ignored(root, excludes)
        newly = (after | _tracked_matched_alone(root, patterns)) - before
        return [_verdict(root, c, matched, newly, excludes) for c in candidates]


def _verdict(root: str, candidate: Candidate, matched: set[str], newly: set[str],
             excludes: str) -> Verdict:
    missed = [t for t in candidate.targets if t not in matched]
    if missed:
        decided = _decided_by(root, missed[0], excludes)
        why = f" (git decides with {decided})" if decided else ""
        return Verdict(candidate.pattern, candidate.targets, False,
                       f"git does not ignore {missed[0]} with this rule{why}")
    hidden = sorted(newly & _tracked_matched_alone(root, [candidate.pattern])) if newly else []
    if hidden:
        more = f" and {len(hidden) - 1} more" if len(hidden) > 1 else ""
        return Verdict(candidate.pattern, candidate.targets, False,
                       f"it would match tracked file {hidden[0]}{more}")
    return Verdict(candidate.pattern, candidate.targets, True)


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
    with tempfile.TemporaryDirectory(prefix="tidy-mirror-") as mirror:
        subprocess.run([git_executable(), "init", "-q", mirror], check=True,
                       capture_output=True, env=git_env())
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
        base = root if folder == "." else os.path.join(root, folder)
        contents = []
        for name in names:  # highest precedence first
            # Never a FIFO (it would block the scan) nor a link out of the tree; the engine
            # notes such a file in the report (tidy.engine, config_file_notes).
            try:
                data = read_regular(os.path.join(base, name))
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


# ---------------------------------------------------------------------------- heavy folders

_VENDOR_DIR = re.compile(
    r"(?:^|/)(?:vendors?|third[-_]?party|3rd[-_]?party|extern(?:als?)?|bower_components|"
    r"web_modules|jspm_packages)/",
    re.IGNORECASE,
)
_GENERATED_FILE = re.compile(
    r"(?:[.-]min\.(?:js|css|mjs)|\.(?:js|css|mjs)\.map|\.bundle\.js|\.chunk\.js)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HeavyCandidate:
    path: str  # folder, relative to the repo root
    why: str  # "vendored (vendor folder)", "generated (minified bundles)", "linguist-vendored"


def heavy_candidates(tracked: Sequence[str], attributes: Sequence[tuple[str, str]] = ()
                     ) -> list[HeavyCandidate]:
    """Folders of tracked files that look vendored or generated, outermost only."""
    files_in, generated_in = _folder_counts(tracked)
    found: dict[str, str] = {}
    for folder in sorted(files_in):  # per folder, not per file: a folder's files agree
        match = _VENDOR_DIR.search(folder + "/")
        if match is not None:
            found.setdefault(_library_root(folder + "/", match.end()),
                             "vendored (a vendor folder)")
    for folder, count in generated_in.items():
        if count >= 3 and count * 2 >= files_in[folder]:
            found.setdefault(folder, "generated (minified bundles and source maps)")
    for folder, attribute in attributes:
        found.setdefault(folder, f"marked {attribute} in .gitattributes")
    ordered = sorted(found)
    kept: list[HeavyCandidate] = []
    for folder in ordered:
        if kept and folder.startswith(kept[-1].path + "/"):
            continue
        kept.append(HeavyCandidate(folder, found[folder]))
    return kept


def _library_root(path: str, vendor_end: int) -> str:
    """`static/vendor/ketcher/dist/x.js` -> `static/vendor/ketcher`: one library per folder."""
    rest = path[vendor_end:]
    slash = rest.find("/")
    if slash < 0:
        return path[:vendor_end - 1]  # a file right inside vendor/: the vendor folder
    return path[:vendor_end] + rest[:slash]


_MAYBE_GENERATED = ("s", "S", "p", "P")  # last letter of .js .css .mjs .map: skips the regex


def _folder_counts(tracked: Sequence[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Per folder: tracked files directly inside, and how many are bundles or source maps."""
    total: dict[str, int] = defaultdict(int)
    generated: dict[str, int] = defaultdict(int)
    for path in tracked:
        slash = path.rfind("/")
        if slash < 0:
            continue
        folder = path[:slash]
        total[folder] += 1
        if path.endswith(_MAYBE_GENERATED) and _GENERATED_FILE.search(path):
            generated[folder] += 1
    return total, generated


_ATTRIBUTES = ("linguist-vendored", "linguist-generated")


def gitattributes_folders(text: str) -> list[tuple[str, str]]:
    """Folders a root .gitattributes marks linguist-vendored / linguist-generated."""
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        for attribute in _ATTRIBUTES:
            if attribute in fields[1:] or f"{attribute}=true" in fields[1:]:
                folder = _folder_of_pattern(fields[0])
                if folder:
                    found.append((folder, attribute))
    return found


def _folder_of_pattern(pattern: str) -> str:
    for suffix in ("/**", "/*", "/"):
        if pattern.endswith(suffix):
            pattern = pattern[: -len(suffix)]
            break
    pattern = pattern.lstrip("/")
    if not pattern or any(c in pattern for c in "*?[]"):
        return ""  # only plain folder patterns name a folder
    return pattern


def read_gitattributes(root: str) -> str:
    try:
        data = read_regular(os.path.join(root, ".gitattributes"))
    except (OSError, UnsafeFile):
        return ""  # a FIFO or a link: not read (the engine notes it in the report)
    return "" if data is None else data.decode("utf-8", "replace")


def holds_python(tracked: Sequence[str], folder: str) -> bool:
    """Any .py/.pyi among the tracked files (sorted) below `folder`."""
    prefix = folder + "/"
    start = bisect.bisect_left(tracked, prefix)
    end = bisect.bisect_left(tracked, prefix + "\U0010ffff", lo=start)
    return any(p.endswith((".py", ".pyi")) for p in tracked[start:end])


# ---------------------------------------------------------------------------- planning a fix

@dataclass(frozen=True)
class IgnorePlan:
    """Every file edit one repo's ignore fix would make, and the rules that were refused."""

    root: str
    edits: tuple[FileEdit, ...] = ()
    verdicts: tuple[Verdict, ...] = ()  # each .gitignore rule tried with git
    errors: tuple[str, ...] = ()  # files tidy will not edit (a parse error ...), with why

    @property
    def refused(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if not v.ok)

    def diff(self) -> str:
        return "".join(e.diff() for e in self.edits if e.changed)


def plan_fixes(root: str, targets: Sequence[Target], heavy: Sequence[str] = (),
               editors: Sequence[str] = (), python_folders: Sequence[str] = ()) -> IgnorePlan:
    """The edits for untracked artifacts (`targets`) and heavy committed folders (`heavy`).

    `.gitignore` gets the rules git accepted; `.ignore` gets every heavy folder; VS Code,
    Cursor, JetBrains and Windsurf files are edited for `editors` (see editors_in_use);
    pyright's exclude gets the heavy folders in `python_folders`.
    """
    from tidy.fixes.editors import vscode
    from tidy.fixes.editors.excludes import (
        EditError,
        edit_problem,
        editor_file_edits,
        ignore_file_edit,
        pyright_edit,
    )

    edits: list[FileEdit] = []
    errors: list[str] = []
    verdicts = _verdicts(root, targets, edit_problem(root, ".gitignore")) if targets else []
    accepted = [v.pattern for v in verdicts if v.ok]
    folders = sorted({h.strip("/") for h in heavy if h.strip("/")})
    patterns = [anchored(f, True) for f in folders]

    def attempt(make: Callable[[], FileEdit | None]) -> None:
        try:
            edit = make()
        except (EditError, vscode.SettingsError) as error:
            errors.append(str(error))
            return
        if edit is not None and edit.changed:
            edits.append(edit)

    if accepted:
        attempt(lambda: ignore_file_edit(root, ".gitignore", accepted))
    if patterns:
        attempt(lambda: ignore_file_edit(root, ".ignore", patterns,
                                         "ripgrep, fd and VS Code search; meant to be committed"))
        if "vscode" in editors:
            attempt(lambda: _settings_edit(root, folders))
        for edit in _safely(lambda: editor_file_edits(root, editors, patterns), errors):
            if edit.changed:
                edits.append(edit)
        python = [f for f in folders if f in set(python_folders)]
        if python:
            attempt(lambda: pyright_edit(root, python))
    return IgnorePlan(os.path.abspath(root), tuple(edits), tuple(verdicts), tuple(errors))


def _verdicts(root: str, targets: Sequence[Target], problem: str) -> list[Verdict]:
    """Each rule tried with git, unless `.gitignore` itself is not something tidy edits (a
    symlink, a FIFO git would wait on forever): then every rule is refused with that reason."""
    candidates = choose_rules(targets)
    if problem:
        return [Verdict(c.pattern, c.targets, False, problem) for c in candidates]
    return verify_rules(root, candidates)


def _settings_edit(root: str, folders: Sequence[str]) -> FileEdit:
    from tidy.fixes.editors import vscode
    from tidy.fixes.editors.excludes import FileEdit

    settings = vscode.plan(root, folders)
    return FileEdit(root, settings.rel, settings.before, settings.after,
                    "VS Code search.exclude and files.watcherExclude")


def _safely(make: Callable[[], list[FileEdit]], errors: list[str]) -> list[FileEdit]:
    from tidy.fixes.editors.excludes import EditError

    try:
        return make()
    except EditError as error:
        errors.append(str(error))
        return []


@dataclass(frozen=True)
class Written:
    rel: str
    backup: str | None  # None: tidy created the file
    sha256: str  # of what tidy wrote, so undo never clobbers a later edit


def apply_plan(plan: IgnorePlan, backup_dir: str) -> tuple[list[Written], list[str]]:
    """Write every edit (each re-checked, atomic, backed up); returns what was written and
    the errors of what was not."""
    from tidy.fixes.editors.excludes import EditError, sha256, write_edit

    written: list[Written] = []
    errors: list[str] = []
    for edit in plan.edits:
        try:
            backup = write_edit(edit, backup_dir)
        except (EditError, OSError) as error:
            errors.append(str(error))
            continue
        written.append(Written(edit.rel, backup, sha256(edit.after)))
    return written, errors
