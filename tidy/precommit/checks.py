"""`tidy hook ...`: the checks behind tidy's git hooks (.pre-commit-hooks.yaml, hooks/pre-commit).

check-staged FILE...  (commit stage, per file)
    Blocks what should never be committed: caches, build outputs and OS/editor junk from the
    catalogue, files whose *staged blob* is over the size limit, and new Python modules that are
    mostly data (the data-in-code judgement, run on the staged blob's bytes),
    and a vendored library added that nothing in the repo references (TDY401).
    Sizes come from the index (`git ls-files -s` + one `git cat-file --batch-check`), never
    from the working tree: a file staged at 2 MB and shrunk afterwards is still committed at
    2 MB. So does every content judged (tidy/workspace/staged.py): a library's heads and the
    references to it in the staged files, the catalogue's evidence files, and the root's
    settings files when the working copy is not the staged one (`git add -p`, an edit after
    `git add`).
check-push  (pre-push, whole repo, no file names)
    Checks every blob the commits in PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF add or change, in
    every commit of the range (`git rev-list --objects` for what is pushed, one `git log --raw`
    for where): a file added in one commit and deleted in a later one is still pushed and still
    counts; a blob FROM already holds is not pushed again. Without a range it checks HEAD's
    whole tree. The catalogue's evidence files are read as the pushed commit holds them.

Every problem says how to fix it; tidy/cli/hook.py prints them (exit 0 clean, 1 problems
found, 2 usage error: not a repo). Only the standard library is imported at import time; the
catalogue and git helpers load when a check runs.
"""

from __future__ import annotations

import fnmatch
import os
import shlex
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tidy.analysis.data_in_code.verdict import DataVerdict
    from tidy.analysis.vendored.candidates import Library
    from tidy.core.catalog import Catalog, Evidence, Kind
    from tidy.core.config import Config
    from tidy.workspace.blobs import Blob
    from tidy.workspace.staged import StagedIndex


@dataclass(frozen=True)
class Problem:
    path: str
    code: str  # the TDY rule it matches
    message: str
    fix: str

    def render(self) -> str:
        from tidy.core.printable import printable  # a newline in a name stays on its line

        return f"{printable(self.path)}: {self.message} [{self.code}]\n    fix: {self.fix}"


# ------------------------------------------------------------------------ evidence
class _Names(Collection[str]):
    """The entry names of one folder, from git's path list, computed on first use."""

    def __init__(self, children: Callable[[], dict[str, set[str]]], folder: str) -> None:
        self._children = children
        self._folder = folder

    def _names(self) -> set[str]:
        return self._children().get(self._folder, set())

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


class _Tree:
    """Folder -> entry names, built from git paths (the index, or a commit's tree)."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.children: dict[str, set[str]] = {}
        self.paths = sorted(paths)
        for path in self.paths:
            parts = path.split("/")
            for depth in range(len(parts)):
                parent = "/".join(parts[:depth]) or "."
                self.children.setdefault(parent, set()).add(parts[depth])

    def names(self, folder: str) -> _Names:
        return _Names(lambda: self.children, folder or ".")

    def count_under(self, folder: str) -> int:
        """How many paths lie below `folder`."""
        import bisect

        prefix = folder + "/"
        start = bisect.bisect_left(self.paths, prefix)
        return bisect.bisect_left(self.paths, prefix + "\U0010ffff", lo=start) - start


class ArtifactFinder:
    """Which catalogued cache, build output or junk a path lies in (or is), judged by its path
    and by the names git holds beside it -- the same evidence rules as the scan, with the
    evidence files' contents read from what is judged (`evidence`: the staged blobs, or the
    pushed commit's), never from the working tree."""

    def __init__(self, root: str, config: Config, tree: _LazyTree,
                 evidence: Evidence | None = None,
                 paths_named: Callable[[Iterable[str]], Iterable[str]] | None = None) -> None:
        """`paths_named(names)`: the judged paths that are, or lie in a folder, named one of
        `names`; it tells which folders of no kind's name may still be a kind's (a venv or
        a STATIC_ROOT by a file inside, tsc's outDir by the tsconfig.json beside it)."""
        self.root = root
        self.config = config
        self.catalog: Catalog = config.catalog()
        self.tree = tree
        self.evidence = evidence
        self._paths_named = paths_named
        self._unnamed: _UnnamedEvidence | None = None
        self._dirs: dict[str, Kind | None] = {}

    def artifact_of(self, path: str) -> tuple[str, Kind] | None:
        """(the artifact's path, its kind): the outermost catalogued folder, else the file."""
        parts = path.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            kind = self._dir_kind(folder, parts[depth - 1])
            if kind is not None:
                return folder, kind
        parent = "/".join(parts[:-1])
        kind = self.catalog.file_kind(parts[-1], self.tree.names(parent))
        if kind is not None and self.config.kind_enabled(kind):
            return path, kind
        return None

    def _dir_kind(self, folder: str, name: str) -> Kind | None:
        if folder in self._dirs:
            return self._dirs[folder]
        kind = None
        # A dict lookup, then (once per run) where the evidence of unnamed kinds lies: most
        # folders stop here without the index listed.
        if self.catalog.dir_candidates(name) or self._unnamed_evidence().may_be_kind(
                folder, self._declared, self._written_above):
            parent = folder.rpartition("/")[0]
            found = self.catalog.classify_dir(os.path.join(self.root, folder), name,
                                              self.tree.names(parent), self.tree.names(folder),
                                              self.evidence)
            kind = found if found is not None and self.config.kind_enabled(found) else None
        self._dirs[folder] = kind
        return kind


    def _declared(self, folder: str, configs: frozenset[str]) -> bool:
        return self.catalog.declared_by(os.path.join(self.root, folder), configs, self.evidence)

    def _written_above(self, folder: str) -> bool:
        return self.catalog.written_by_scripts_above(os.path.join(self.root, folder),
                                                     self.evidence)

    def _unnamed_evidence(self) -> _UnnamedEvidence:
        if self._unnamed is None:
            self._unnamed = _UnnamedEvidence.find(self.catalog, self._paths_named)
        return self._unnamed


_PACKAGE_JSON = "package.json"
# The files a task runner's outputs are named for (catalog._task_output): a package.json
# (turbo.json, nx.json, its "nx" targets) or an Nx project.json, which may be a project's
# only file (`nx g @nx/js:lib` writes no package.json; round 23).
_PROJECT_FILES = frozenset({_PACKAGE_JSON, "project.json"})
_PACKAGE_ABOVE_LEVELS = 3  # above the parent: the scan looks 2 to 4 folders above a folder


@dataclass(frozen=True)
class _UnnamedEvidence:
    """The folders that hold a file confirming a kind of any name (pyvenv.cfg,
    staticfiles.json, CMakeCache.txt, CACHEDIR.TAG ...), and those that hold a config naming
    a sibling folder as a tool's output (tsconfig.json): only a folder in the first, or
    beside such a config, can be a kind's without one of its names."""

    holders: frozenset[str]
    configured: Mapping[str, frozenset[str]]  # folder -> the declaring configs it holds

    @classmethod
    def find(cls, catalog: Catalog,
             paths_named: Callable[[Iterable[str]], Iterable[str]] | None) -> _UnnamedEvidence:
        if paths_named is None:
            return cls(frozenset(), {})
        confirming = catalog.confirming_names
        declaring = catalog.declaring_files | _PROJECT_FILES
        holders: set[str] = set()
        configured: dict[str, set[str]] = {}
        for path in paths_named(confirming | declaring):
            parts = path.split("/")
            for depth, part in enumerate(parts):
                folder = "/".join(parts[:depth])
                if any(fnmatch.fnmatchcase(part, n) for n in confirming):
                    holders.add(folder)
                if depth == len(parts) - 1 and part in declaring:
                    configured.setdefault(folder, set()).add(part)
        return cls(frozenset(holders), {k: frozenset(v) for k, v in configured.items()})

    def may_be_kind(self, folder: str, declared: Callable[[str, frozenset[str]], bool],
                    written_above: Callable[[str], bool]) -> bool:
        """`declared(folder, configs)`: whether one of the configs beside `folder` names it
        as a tool's output (one blob read, before the index is listed: a TypeScript repo's
        root tsconfig.json sits beside every top-level folder a commit touches)."""
        if folder in self.holders:
            return True
        parent = folder.rpartition("/")[0]
        configs = self.configured.get(parent)
        if configs is not None and not configs.isdisjoint(_PROJECT_FILES):
            return True  # turbo.json or Nx may name it the project's outputs
        if self._below_a_package(parent) and written_above(folder):
            return True
        return configs is not None and declared(folder, configs)

    def _below_a_package(self, parent: str) -> bool:
        """Whether a package.json is 1 to _PACKAGE_ABOVE_LEVELS folders above `parent`: its
        scripts may write to the folder (`--outdir=app/static/js`), as the scan looks
        (catalog._declared_above): the hook agrees with it (round 22)."""
        folder = parent
        for _ in range(_PACKAGE_ABOVE_LEVELS):
            if not folder:
                return False
            folder = folder.rpartition("/")[0]
            if _PACKAGE_JSON in self.configured.get(folder, ()):
                return True
        return False


class _LazyTree:
    """A _Tree read from git only when some evidence is asked for: a name no catalogue kind
    matches never asks, so a commit of ordinary files lists no index (21k tracked files:
    ~0.3 s saved per commit)."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._tree: _Tree | None = None

    def _children(self) -> dict[str, set[str]]:
        if self._tree is None:
            self._tree = _Tree(self._load())
        return self._tree.children

    def names(self, folder: str) -> _Names:
        return _Names(self._children, folder or ".")

    def count_under(self, folder: str) -> int:
        self._children()
        assert self._tree is not None
        return self._tree.count_under(folder)


# ------------------------------------------------------------------------ problems
def _q(path: str) -> str:
    """`path` as one shell word on one line: shlex's quoting, or bash's $'...' (each byte
    that is not printable ASCII as \\xNN) when the name holds a control character or bytes
    that are not UTF-8: a newline inside '...' would split the fix over two lines."""
    if path.isprintable():
        return shlex.quote(path)
    escaped = "".join(chr(b) if 0x20 <= b < 0x7F and chr(b) not in "'\\" else f"\\x{b:02x}"
                      for b in os.fsencode(path))
    return f"$'{escaped}'"


STAGED, RANGE, TREE = "staged", "range", "tree"  # what is judged: the index, pushed commits, HEAD


def _ignore_rule(artifact: str, kind: Kind) -> str:
    """The .gitignore rule the advice names, chosen as `tidy fix` chooses it: this one place
    (`/pkg/lib/`, `/msgpack/_cmsgpack.c`) where the name or glob also fits sources (a lib/
    of code, a hand-written .c beside Cython's) or only evidence made it the kind's; the
    kind's own name or glob (`__pycache__/`, `*.pyc`) where it never does."""
    from tidy.core.catalog import AMBIGUOUS_NAMES

    name = artifact.rsplit("/", 1)[-1]
    if name in AMBIGUOUS_NAMES or kind.tier != "default":
        from tidy.analysis.ignore_choice import anchored

        return anchored(artifact, kind.type == "dir")
    if kind.type == "dir":
        return f"{name}/"
    if name in kind.names:
        return name
    return next((g for g in kind.globs if fnmatch.fnmatchcase(name, g)), name)


def _sdist_advice(artifact: str, kind: Kind, tree: _LazyTree) -> str:
    """For what an unpacked sdist ships (its egg-info, Cython's C), the other way out: a
    release kept as published is left out of the hooks and scans, not untracked."""
    from tidy.core.catalog import SDIST_SHIPS, sdist_exclude, unpacked_sdist

    if kind.name not in SDIST_SHIPS:
        return ""

    def held(path: str) -> bool:
        parent, _, name = path.rpartition("/")
        return name in tree.names(parent)

    sdist = unpacked_sdist(artifact, held)
    if sdist is None:
        return ""
    where = f"in {_q(sdist)}/" if sdist else "here"
    return (f"; or, for a release kept as published (the sdist unpacked {where} ships it), "
            f"add {sdist_exclude(artifact, kind.type == 'dir')} to .tidy.toml")


def _artifact_problem(artifact: str, kind: Kind, files: int, scope: str,
                      alternative: str = "") -> Problem:
    rule = _ignore_rule(artifact, kind)
    what = "folder" if kind.type == "dir" else "file"
    held = f" ({files:,} file{'s' if files != 1 else ''})" if kind.type == "dir" else ""
    untrack = f"git rm {'-r ' if kind.type == 'dir' else ''}--cached -q -- {_q(artifact)}"
    if scope == STAGED:
        # Said, not scripted: `echo RULE >> .gitignore` would join the rule onto a last
        # line that has no newline, and the rule would match nothing.
        fix = (f"{untrack}, then add {_q(rule)} to .gitignore (the files stay on disk; "
               f"{kind.regenerate or 'the tool writes it again'})")
    elif scope == RANGE:
        fix = (f"take it out of the unpushed commits ({untrack}, add {_q(rule)} to .gitignore, "
               "then git commit --amend, or git rebase -i for older commits)")
    else:
        fix = (f"{untrack}, add {_q(rule)} to .gitignore and commit "
               "(or: tidy fix --unsafe-fixes --select TDY102)")
    return Problem(artifact, "TDY102",
                   f"{kind.why} ({kind.name} {what}){held} must not be committed",
                   fix + alternative)


def _size_problem(blob: Blob, limit: int, scope: str, deleted_later: bool) -> Problem:
    from tidy.core.units import human_bytes

    where = {STAGED: "staged blob", RANGE: f"blob added in {blob.commit[:10]}",
             TREE: "tracked file"}[scope]
    message = (f"{where} is {human_bytes(blob.size)}, over the limit of {human_bytes(limit)}"
               + ("; deleted in a later commit, but still pushed with history"
                  if deleted_later else ""))
    path = _q(blob.path)
    raise_limit = "or raise the limit (--max-size, [tool.tidy.budgets] largest-file)"
    if scope == STAGED:
        fix = (f"git rm --cached -q -- {path} (keeps the file), then track it with Git LFS "
               f"(git lfs track {path}) or keep it out of the repository; {raise_limit}")
    elif scope == RANGE:
        fix = (f"rewrite the unpushed commits without it (git rebase -i {blob.commit[:10]}^ "
               f"and drop it there, or git filter-repo --path {path} --invert-paths), or move "
               f"it to Git LFS (git lfs migrate import --include={path}); {raise_limit}")
    else:
        fix = (f"move it to Git LFS (git lfs migrate import --include={path}) or out of the "
               f"repository; {raise_limit}")
    return Problem(blob.path, "TDY202", message, fix)


def find_problems(root: str, blobs: Sequence[Blob], finder: ArtifactFinder, limit: int,
                  scope: str, deleted: Collection[str] = (),
                  carried: Collection[str] = ()) -> list[Problem]:
    """`carried`: paths whose blob the repository already holds (a rename, a merge): no
    bytes added, no size problem."""
    problems: list[Problem] = []
    artifacts: dict[str, tuple[Kind, int]] = {}
    excluded = _exclusion(finder.config)
    for blob in blobs:
        if excluded is not None and excluded(blob.path):
            continue
        found = finder.artifact_of(blob.path)
        if found is not None:
            kind, count = artifacts.get(found[0], (found[1], 0))
            artifacts[found[0]] = (kind, count + 1)
            continue
        if blob.is_file and blob.size > limit and blob.path not in carried:
            problems.append(_size_problem(blob, limit, scope, blob.path in deleted))
    # A folder's files are counted in the whole index (or tree), not among the names given:
    # pre-commit splits a long list over several runs, each seeing part of the folder.
    problems += [_artifact_problem(path, kind, max(count, finder.tree.count_under(path))
                                   if kind.type == "dir" else count, scope,
                                   _sdist_advice(path, kind, finder.tree))
                 for path, (kind, count) in artifacts.items()]
    return sorted(problems, key=lambda p: (p.path, p.code))


def data_module_problems(root: str, blobs: Sequence[Blob], config: Config,
                         is_new: Callable[[Blob], bool], scope: str,
                         judged: list[str] | None = None) -> list[Problem]:
    """New Python modules that are mostly data (TDY301), judged on the blob's content by the
    same judgement the scan uses. The staged blob itself is judged every time: a verdict kept
    in the repo's content cache (as one was, by blob id) is a file in `.git` that anything
    writing the repo (a repo copied from elsewhere, another program) can write, and a lie
    there let a data module through the check. Judging costs little next to git's own work
    (a 20 MB module: about 60 ms). `judged` gets the ids of the blobs judged here."""
    candidates = [b for b in blobs if b.is_file and b.path.endswith(".py")
                  and b.size >= config.data_min_size]
    candidates = [b for b in candidates if is_new(b)]
    if not candidates:
        return []
    verdicts = _judge_blobs(root, candidates, judged)
    return [problem for blob in candidates if (verdict := verdicts.get(blob.sha)) is not None
            and (problem := _data_module(blob, verdict, scope)) is not None]


def _judge_blobs(root: str, blobs: Sequence[Blob],
                 judged: list[str] | None) -> dict[str, DataVerdict]:
    from tidy.analysis.data_in_code import judge_python
    from tidy.workspace.blobs import hook_env, read_blobs

    contents = read_blobs(root, (b.sha for b in blobs), env=hook_env())
    verdicts: dict[str, DataVerdict] = {}
    for blob in blobs:
        data = contents.get(blob.sha)
        if data is None:  # git did not give it: judged as empty
            verdicts[blob.sha] = judge_python(b"")
            continue
        verdicts[blob.sha] = judge_python(data)
        if judged is not None:
            judged.append(blob.sha)
    return verdicts


def vendored_problems(staged: StagedIndex, blobs: Sequence[Blob],
                      is_new: Callable[[Blob], bool], finder: ArtifactFinder,
                      scope: str) -> list[Problem]:
    """A third-party library being added that nothing being committed references (TDY401),
    judged on the staged content: the library's files as staged, the references in the
    staged files. The path test is cheap; only when a commit adds a library are its heads
    read and the staged text searched once."""
    paths = [b.path for b in blobs if b.is_file]
    libraries = _discover_staged(paths, staged)
    if not libraries:
        return []
    # A committed node_modules is blocked as a cache already: one problem, not two.
    libraries = [lib for lib in libraries if finder.artifact_of(lib.files[0]) is None]
    if not libraries:
        return []
    added = {b.path for b in blobs if b.is_file and is_new(b)}
    libraries = [lib for lib in libraries if set(lib.files) <= added]
    if not libraries:
        return []
    return [_unused_library_problem(lib, scope)
            for lib in _unreferenced(staged, libraries)]


def _discover_staged(paths: list[str], staged: StagedIndex) -> list[Library]:
    """Library discovery on the staged files' heads. Discovery asks for a head at a time; a
    first pass with empty heads names the files it may ask for (those, or fewer), which
    are then read from git at once, so the second pass reads nothing more but a rare
    file that pass did not name."""
    from tidy.analysis.vendored.candidates import discover

    asked: list[str] = []

    def note(path: str, _limit: int) -> bytes:
        asked.append(path)
        return b""

    if not discover(paths, note) and not asked:
        return []  # no path looks like a library's: nothing read
    staged.contents(asked)
    return discover(paths, staged.head)


def _unreferenced(staged: StagedIndex, libraries: list[Library]) -> list[Library]:
    """The libraries nothing staged refers to: the scan's reference search over the staged
    text files (tidy.workspace.staged), each read afresh: from the working tree where git
    vouches it is the staged file, else from its blob. The content cache (a file in `.git`,
    untrusted) is not asked: a lie there ("templates/editor.html loads ketcher") let an
    unused library through the hook; on a 5,000-file repo loading and saving it also cost
    more than the search it saved. This runs only for a commit that adds a library."""
    from tidy.analysis.vendored.evidence import judge, patterns_for
    from tidy.workspace.textscan import may_be_text, outside

    patterns = patterns_for(libraries)
    entries = staged.entries
    files = [p for p in staged.paths() if entries[p].is_file and may_be_text(p)]
    if len(libraries) == 1:  # (as the scan: a lone library's own files are no reference)
        files = outside(files, [libraries[0].root])
    matches = staged.search(files, [p.text for p in patterns], None)
    verdicts = judge(libraries, patterns, matches)
    return [v.library for v in verdicts if not v.used]


def _unused_library_problem(library: Library, scope: str) -> Problem:
    return Problem(
        library.root, "TDY401",
        f"vendored {library.package_name or library.name} ({len(library.files)} files) is "
        f"being added ({scope}) and nothing in the repo references it",
        f"reference it from your code in this commit, or leave it out: "
        f"git rm -r --cached {_q(library.root)}",
    )


def _data_module(blob: Blob, verdict: DataVerdict, scope: str) -> Problem | None:
    from tidy.core.units import human_bytes

    if verdict.error or not verdict.is_data:
        return None  # code, or not provably data: never block a commit on a guess
    then = "git add both" if scope == STAGED else "amend the commit that added it"
    return Problem(blob.path, "TDY301",
                   f"new module of {human_bytes(blob.size)} is {verdict.literal_fraction:.0%} "
                   f"data ({', '.join(b.name for b in verdict.bindings[:3])})",
                   f"tidy extract {_q(blob.path)} (moves the data to a .json.gz beside it with a "
                   f"verified loader stub), then {then}; or keep the data out of the source tree")


def _exclusion(config: Config) -> Callable[[str], bool] | None:
    if not config.exclude:
        return None
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(config.exclude)
    return lambda path: bool(spec.match_file(path))


# ------------------------------------------------------------------------ the checks
def _settings(root: str, config_path: str | None, max_size: int | None,
              given: Mapping[str, bytes | None] | None = None) -> tuple[Config, int]:
    """The settings and the size limit; `given`: settings files taken as staged."""
    from tidy.core.config import load
    from tidy.rules import budgets

    config = load(root, config_path, given)
    if config.codes_from_files:  # a typo in select/ignore/fail-on stops the hook too (exit 2)
        from tidy.rules.registry import check_file_codes

        check_file_codes(config)
    if max_size is not None:
        return config, max_size
    largest = budgets.load(config, given).get("largest-file")
    return config, largest if largest is not None else config.large_file


def _relative_to_root(cwd: str, root: str, files: Sequence[str]) -> list[str]:
    """File names as git lists them (relative to the root), whatever folder the hook ran in."""
    here = os.path.realpath(cwd)
    if here == os.path.realpath(root):
        return [f.replace(os.sep, "/").removeprefix("./") for f in files]
    paths = []
    for name in files:
        absolute = os.path.realpath(os.path.join(here, name))
        paths.append(os.path.relpath(absolute, os.path.realpath(root)).replace(os.sep, "/"))
    return paths


def check_staged(cwd: str, files: Sequence[str], config_path: str | None = None,
                 max_size: int | None = None, judged: list[str] | None = None) -> list[Problem]:
    """The commit-stage checks of `files` as staged; `judged` gets the ids of the blobs whose
    content was judged (not answered by the content cache)."""
    from tidy.workspace import blobs
    from tidy.workspace.staged import StagedIndex, staged_settings

    env = blobs.hook_env()  # keeps the temporary index of `git commit -a`
    root = blobs.repo_root(cwd, env)
    config, limit = _settings(root, config_path, max_size, staged_settings(root, env))
    paths = _relative_to_root(cwd, root, files)
    staged = blobs.with_sizes(root, blobs.index_entries(root, paths, env), env)
    index = StagedIndex(root, env)  # the whole index, listed only when evidence is asked for
    finder = ArtifactFinder(root, config, _LazyTree(index.paths), index.evidence,
                            index.paths_named)
    problems = find_problems(root, staged, finder, limit, STAGED,
                             carried=_carried(root, staged, limit, env))
    added: list[set[str]] = []

    def is_new(blob: Blob) -> bool:  # `git diff --cached` only when a candidate exists
        if not added:
            added.append(blobs.added_paths(root, env))
        return blob.path in added[0]

    return (problems + data_module_problems(root, staged, config, is_new, STAGED, judged)
            + vendored_problems(index, staged, is_new, finder, STAGED))


def _carried(root: str, staged: Sequence[Blob], limit: int,
             env: Mapping[str, str]) -> set[str]:
    """Staged paths over the limit whose blob the commit's parents already hold under another
    name or mode (a rename, `chmod +x`, a merge bringing in the other side's file): the
    commit adds no bytes, as pre-commit's check-added-large-files lets a rename pass. A path
    as HEAD has it (`pre-commit run --all-files` names every file) is still judged: it is
    the tree's own big file."""
    from tidy.workspace import blobs  # (a pre-merge-commit hook has no MERGE_HEAD yet)

    big = [b for b in staged if b.is_file and b.size > limit]
    if not big:
        return set()
    head, held = blobs.parent_blob_ids(root, env, blobs.merged_heads(os.environ))
    return {b.path for b in big if b.sha in held and head.get(b.path) != b.sha}


def check_range(cwd: str, from_ref: str | None, to_ref: str | None,
                config_path: str | None = None, max_size: int | None = None) -> list[Problem]:
    from tidy.workspace import blobs

    env = blobs.hook_env()
    root = blobs.repo_root(cwd, env)
    config, limit = _settings(root, config_path, max_size)
    target = to_ref or "HEAD"
    at_target = blobs.paths_at(root, target, env)
    if from_ref:
        added = _range_blobs(root, from_ref, target, env)
        deleted = {b.path for b in added} - at_target
    else:  # no range (first push of a branch, or a manual run): the whole tree
        added = blobs.tree_blobs(root, target, env)
        deleted = set()
    from tidy.workspace.staged import commit_evidence

    known = at_target | {b.path for b in added}
    from tidy.workspace.staged import part_named

    finder = ArtifactFinder(root, config, _LazyTree(lambda: known),
                            commit_evidence(root, target, at_target, env),
                            lambda names: list(filter(part_named(names), known)))
    scope = RANGE if from_ref else TREE
    latest = _latest_per_path(added)
    problems = find_problems(root, latest, finder, limit, scope, deleted)
    if scope == RANGE:  # a whole tree has nothing "new"; the scan reports data modules there
        problems += data_module_problems(root, latest, config, lambda b: b.status == "A", scope)
    return problems


def _range_blobs(root: str, from_ref: str, to_ref: str, env: Mapping[str, str]) -> list[Blob]:
    from tidy.workspace import blobs
    from tidy.workspace.git import GitUnavailable

    try:
        return blobs.range_blobs(root, from_ref, to_ref, env)
    except GitUnavailable as error:
        if not blobs.is_shallow(root, env):
            raise
        # CI checks out one commit by default: the start of the range is not in the clone.
        raise GitUnavailable(
            f"{error} -- this is a shallow clone, so the range's start may not be in it: "
            "fetch the history first (actions/checkout: fetch-depth: 0; or git fetch "
            "--unshallow)") from None


def _latest_per_path(added: Sequence[Blob]) -> list[Blob]:
    """One blob per path: the biggest one the range adds (what decides the size check)."""
    best: dict[str, Blob] = {}
    for blob in added:
        current = best.get(blob.path)
        if current is None or blob.size > current.size:
            best[blob.path] = blob
    return list(best.values())


__all__ = ["ArtifactFinder", "Problem", "check_range", "check_staged", "find_problems"]
