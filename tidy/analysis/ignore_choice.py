"""Which ignore rules to propose: the fewest that cover what should be ignored, each proved
with real git; and which committed folders are heavy enough to keep out of search.

* choose_rules: the fewest patterns that cover the targets. A cache every project of an
  ecosystem makes (`__pycache__`, `.mypy_cache`, `node_modules`, `*.pyc`) gets one unanchored
  rule (`__pycache__/`) however many copies exist; an output that belongs to one project
  (`frontend/.next`, a marker-confirmed `build/`) is anchored to its place (`/frontend/.next/`),
  and a name that is ambiguous (`build`, `dist`, `target`) is always anchored.
* verify_rules: each proposed `.gitignore` rule is tried with git before anything is written
  (tidy.workspace.ignorefiles.trial): `git check-ignore --no-index` must report every target
  ignored, and `git ls-files -ci --exclude-standard` must not list a tracked file it did not
  list before (a second check with `--exclude-from` sees the rule alone, so a `!` line
  elsewhere cannot hide a tracked file it matches). A failing rule is kept out, with the reason.
* heavy_candidates: committed folders that look vendored or generated (TDY502).

The fix that writes the accepted rules is tidy.fixes.ignore; what `.ignore` files already hide
is tidy.workspace.ignorefiles.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tidy.core.catalog import AMBIGUOUS_NAMES, Kind, in_test_fixture
from tidy.workspace import ignorefiles
from tidy.workspace.ignorefiles import RuleTrial

# Kinds that any project of their ecosystem makes, anywhere: one unanchored rule covers all.
_ANYWHERE = frozenset({
    "__pycache__", "pyc", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".pytype",
    ".hypothesis", ".tox", ".nox", ".ipynb_checkpoints", "egg-info", ".coverage", "node_modules",
    ".eslintcache", "os-junk", "editor-swap", "js-tool-caches", ".terraform",
})


# ---------------------------------------------------------------------------- choosing

@dataclass(frozen=True)
class Target:
    """Something that should be ignored: a path relative to the repo root (POSIX)."""

    path: str
    is_dir: bool
    kind: Kind | None = None


@dataclass(frozen=True)
class Candidate:
    """A proposed ignore rule and the targets it covers."""

    pattern: str
    targets: tuple[str, ...]
    kind: Kind | None = None  # the kind an unanchored rule is for (its tracked copies may stay)


@dataclass(frozen=True)
class Verdict:
    """What git said of a proposed rule: whether it may be written, and why not."""

    pattern: str
    targets: tuple[str, ...]
    ok: bool
    reason: str = ""  # why the rule was not written
    file: str = ".gitignore"
    hides_tracked: bool = False  # refused because it would match a tracked file


def anchored(path: str, is_dir: bool) -> str:
    """`/frontend/.next/`: this one place only (glob characters escaped)."""
    escaped = "/".join(_escape(part) for part in path.split("/"))
    return "/" + escaped + ("/" if is_dir else "")


_GLOB_SPECIAL = re.compile(r"([*?\[\]\\!#])")


def _escape(name: str) -> str:
    escaped = _GLOB_SPECIAL.sub(r"\\\1", name) if _GLOB_SPECIAL.search(name) else name
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


def choose_rules(targets: Sequence[Target], tracked: Sequence[str] = ()) -> list[Candidate]:
    """The fewest rules that cover `targets`, in a stable order (generic rules first).
    `tracked`: the index, when known; a kind with a tracked copy in a test fixture gets
    anchored rules (an unanchored one would hide the fixture: verify_rules anchors it too)."""
    places: dict[str, int] = defaultdict(int)
    outer = _outermost(targets)
    in_fixtures = _kinds_in_fixtures(tracked, {t.kind for t in outer if t.kind is not None})
    # Each target's generic rule worked out once (a glob match per kind glob, an escape).
    patterns = [_generic_pattern(target) for target in outer]
    for pattern in patterns:
        places[pattern] += 1
    generic: dict[str, list[str]] = defaultdict(list)
    kind_of: dict[str, Kind | None] = {}
    specific: list[Candidate] = []
    for target, pattern in zip(outer, patterns, strict=True):
        name = target.path.rsplit("/", 1)[-1]
        kind_name = target.kind.name if target.kind is not None else ""
        ambiguous = name in AMBIGUOUS_NAMES or (
            target.kind is not None and target.kind.tier != "default") or (
            target.kind is not None and target.kind.name in in_fixtures)
        if not ambiguous and (kind_name in _ANYWHERE or places[pattern] > 1):
            generic[pattern].append(target.path)
            kind_of.setdefault(pattern, target.kind)
        else:
            specific.append(Candidate(anchored(target.path, target.is_dir), (target.path,)))
    found = [Candidate(p, tuple(paths), kind_of[p]) for p, paths in sorted(generic.items())]
    return found + sorted(specific, key=lambda c: c.pattern)


# Folders named as a store of environments (virtualenvwrapper's WORKON_HOME is ~/.virtualenvs;
# a project keeps `.virtualenvs/app-dev`, `.virtualenvs/app-docs`, `venvs/py311` ...).
ENV_STORES = frozenset({".virtualenvs", "virtualenvs", ".venvs", "venvs", ".envs", "envs"})
_ENV_KINDS = frozenset({"venv", "conda-env"})


def env_stores(targets: Sequence[Target]) -> dict[str, list[str]]:
    """The folders named as a store of environments (ENV_STORES) that some targets are
    environments right in, with those targets: the candidates for one rule each."""
    found: dict[str, list[str]] = {}
    for target in targets:
        folder, _, _ = target.path.rpartition("/")
        if (target.is_dir and target.kind is not None and target.kind.name in _ENV_KINDS
                and folder.rpartition("/")[2] in ENV_STORES):
            found.setdefault(folder, []).append(target.path)
    return found


def gather_stores(rules: Sequence[Candidate], stores: Mapping[str, Sequence[str]]
                  ) -> list[Candidate]:
    """`rules` with the anchored rules of the environments in each of `stores` (a folder
    that holds those environments and nothing else: the caller knows what it holds) made one
    rule for the folder: `/.virtualenvs/` instead of one per environment, so the next one
    made there is ignored too."""
    store_of = {path: folder for folder, paths in stores.items() for path in paths}
    kept: list[Candidate] = []
    gathered: dict[str, list[str]] = {}
    for rule in rules:
        folder = store_of.get(rule.targets[0]) if len(rule.targets) == 1 else None
        if folder is None or not rule.pattern.startswith("/"):
            kept.append(rule)
        else:
            gathered.setdefault(folder, []).extend(rule.targets)
    stored = [Candidate(anchored(folder, True), tuple(sorted(paths)))
              for folder, paths in sorted(gathered.items())]
    return kept + stored


def _kinds_in_fixtures(tracked: Sequence[str], kinds: set[Kind]) -> set[str]:
    """Names of the folder kinds among `kinds` that a tracked test fixture holds a copy of."""
    found: set[str] = set()
    dir_kinds = [k for k in kinds if k.type == "dir"]
    if not dir_kinds or not tracked:
        return found
    for path in tracked:
        if ("fixture" not in path and "testdata" not in path) or not in_test_fixture(path):
            continue  # the substring test first: a big index holds few fixtures
        for part in path.split("/")[:-1]:
            found.update(k.name for k in dir_kinds if k.matches_name(part))
    return found


# ---------------------------------------------------------------------------- verifying

def verify_or_anchor(root: str, candidates: Sequence[Candidate]) -> list[Verdict]:
    """verify_rules, and an unanchored rule refused because it would hide a tracked file (a
    test fixture's node_modules) tried again as one anchored rule per target: the artifacts
    still get their rules, and the tracked files stay searched and addable."""
    verdicts = verify_rules(root, candidates)
    retry = [not c.pattern.startswith("/") and v.hides_tracked
             for c, v in zip(candidates, verdicts, strict=True)]
    again = [Candidate(anchored(t, c.pattern.endswith("/")), (t,))
             for c, redo in zip(candidates, retry, strict=True) if redo for t in c.targets]
    if not again:
        return verdicts
    kept = [v for v, redo in zip(verdicts, retry, strict=True) if not redo]
    return kept + verify_rules(root, again)


def verify_rules(root: str, candidates: Sequence[Candidate]) -> list[Verdict]:
    """Try every candidate with git; a rule that misses a target or hides a tracked file fails."""
    if not candidates:
        return []
    patterns = [c.pattern for c in candidates]
    with ignorefiles.trial(root, patterns) as trial:
        matched = trial.ignored({t: c.pattern.endswith("/")
                                 for c in candidates for t in c.targets})
        newly = trial.newly_matched(patterns)
        return [_verdict(trial, c, matched, newly) for c in candidates]


def _verdict(trial: RuleTrial, candidate: Candidate, matched: set[str],
             newly: set[str]) -> Verdict:
    missed = [t for t in candidate.targets if t not in matched]
    if missed:
        decided = trial.decided_by(missed[0])
        why = f" (git decides with {decided})" if decided else ""
        return Verdict(candidate.pattern, candidate.targets, False,
                       f"git does not ignore {missed[0]} with this rule{why}")
    hidden = sorted(newly & trial.matched_alone([candidate.pattern])) if newly else []
    hidden = [path for path in hidden if not committed_copy(candidate.kind, path)]
    if hidden:
        more = f" and {len(hidden) - 1} more" if len(hidden) > 1 else ""
        return Verdict(candidate.pattern, candidate.targets, False,
                       f"it would match tracked file {hidden[0]}{more}", hides_tracked=True)
    return Verdict(candidate.pattern, candidate.targets, True)


def committed_copy(kind: Kind | None, path: str) -> bool:
    """A tracked file that is itself a copy of the kind a rule is for: `pkg/__pycache__/x.pyc`
    under `__pycache__/`, `static/.DS_Store` under `.DS_Store`.

    TDY102/TDY104 report it with its untrack fix, and the rule leaves it tracked (an ignore
    rule never untracks a file): one committed cache must not keep every other copy
    unignored. Only unambiguous kinds count, a file kind only by its exact names: `*.pyc`
    also matches a legacy `mod.pyc` with no source, which may be shipped code (TDY103).
    """
    if kind is None or kind.needs_evidence or kind.tier != "default":
        return False
    if in_test_fixture(path):
        return False  # test input committed on purpose, not a cache TDY102 reports
    parts = path.split("/")
    if kind.type == "dir":
        return any(kind.matches_name(name) for name in parts[:-1])
    return parts[-1] in kind.names


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
    """A committed folder that looks vendored or generated (TDY502), and why."""

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


def holds_python(tracked: Sequence[str], folder: str) -> bool:
    """Any .py/.pyi among the tracked files (sorted) below `folder`."""
    prefix = folder + "/"
    start = bisect.bisect_left(tracked, prefix)
    end = bisect.bisect_left(tracked, prefix + "\U0010ffff", lo=start)
    # One search of the paths joined (a path holds no NUL), not a Python test per path: a
    # vendored folder holds thousands of tracked files and usually no Python.
    below = "\0".join(tracked[start:end]) + "\0"
    return ".py\0" in below or ".pyi\0" in below
