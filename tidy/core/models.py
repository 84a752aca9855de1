"""The data that flows between the workspace, the rules, the fixers and the reporters.

Everything here is a frozen value: rules produce findings, reporters render them,
fixers consume them. Nothing in this module touches the disk.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Applicability(enum.Enum):
    """How sure tidy is that applying a fix changes nothing the user cares about (ruff's model)."""

    SAFE = "safe"  # regenerable, untracked: applied by plain `tidy fix`
    UNSAFE = "unsafe"  # changes the repository or is costly to rebuild: needs --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # tidy explains, the user acts


class ActionKind(enum.Enum):
    TRASH = "trash"  # move into tidy's trash (undoable)
    UNTRACK = "untrack"  # git rm --cached + ignore rule; files stay on disk
    IGNORE = "ignore"  # add rules to .gitignore / .ignore (managed block)
    EDITOR_EXCLUDE = "editor-exclude"  # merge search/watcher excludes into editor settings
    EXTRACT = "extract"  # move a data literal to <module>.json.gz + loader stub
    GIT_RM = "git-rm"  # git rm -r of a tracked folder (unused vendored code)
    NONE = "none"


class Tracked(enum.Enum):
    UNTRACKED = "untracked"
    TRACKED = "tracked"
    PARTLY = "partly-tracked"
    UNKNOWN = "unknown"  # no git, or git failed


@dataclass(frozen=True)
class Size:
    """Sizes of a path, as `du -sb --apparent-size` and `du -sB1` would count them."""

    apparent: int = 0  # bytes of every entry, directories and links included; hard links once
    disk: int = 0  # allocated blocks * 512
    files: int = 0  # regular files
    dirs: int = 0  # directories, the path itself included
    newest_mtime: float = 0.0
    # Of the above, the files that also have a name outside the path (hard links into pnpm's
    # or uv's store, a `cp -al` backup): `du PATH` counts them, deleting PATH frees none of it.
    linked_out: int = 0  # apparent bytes
    linked_out_disk: int = 0
    linked_out_files: int = 0

    def __add__(self, other: Size) -> Size:
        return Size(
            self.apparent + other.apparent,
            self.disk + other.disk,
            self.files + other.files,
            self.dirs + other.dirs,
            max(self.newest_mtime, other.newest_mtime),
            self.linked_out + other.linked_out,
            self.linked_out_disk + other.linked_out_disk,
            self.linked_out_files + other.linked_out_files,
        )

    @property
    def freed(self) -> Size:
        """What deleting the path gives back: its files with no name elsewhere."""
        return Size(self.apparent - self.linked_out, self.disk - self.linked_out_disk,
                    self.files - self.linked_out_files, self.dirs, self.newest_mtime)


@dataclass(frozen=True)
class Surface:
    """What git-aware search (`rg --files`) still has to read."""

    files: int = 0
    bytes: int = 0

    def __add__(self, other: Surface) -> Surface:
        return Surface(self.files + other.files, self.bytes + other.bytes)

    def __sub__(self, other: Surface) -> Surface:
        return Surface(max(0, self.files - other.files), max(0, self.bytes - other.bytes))


# Detail key of a version-control checkout found inside a finding's folder (TDY101): the plan
# never moves such a folder and the text report says why.
NESTED_REPO_DETAIL = "nested repository"
# The detail a finding carries when some of its files have names outside it (Size.linked_out).
LINKED_OUT_DETAIL = "hard links"
# A finding about some files of one folder (TDY501's stray .pyc of a package) names each in its
# details under this key; the plan acts on each file (fixes/plan.py).
FOLDER_FILE_DETAIL = "file in folder"


@dataclass(frozen=True)
class Fix:
    """What a finding's fix does, how safe it is, and what the user reads about it."""

    action: ActionKind
    applicability: Applicability
    description: str
    # Why tidy cannot carry out the fix it would offer until the user acts, and what to do (a
    # data module whose build config would not ship its data file, or whose values are built by
    # calls and need `tidy extract --evaluate`): the fix is then advice (action NONE), and
    # `tidy fix` lists the finding as left out, needing attention.
    blocked_by: str = ""
    # An extraction whose data file the scan found the build config would ship (TDY301 and
    # TDY302 read it once per group): a plan made from this run's findings need not read the
    # config again. Never written to a report: a fix read back from anywhere else is checked.
    ships: bool = False


@dataclass(frozen=True)
class Finding:
    """One thing a rule found at a path of a group, with its sizes, its git state and its fix."""

    code: str
    rule: str
    path: str  # relative to the group root, POSIX separators; "." for the root itself
    message: str
    kind: str = ""  # catalogue kind, when the finding is about one
    ecosystem: str = ""
    size: Size = Size()
    surface: Surface = Surface()  # the part of the search surface this path holds
    tracked: Tracked = Tracked.UNKNOWN
    ignored: bool | None = None  # None: not known (no git)
    fix: Fix | None = None
    fails: bool = False  # over budget: decides exit code 1
    activity: float = 0.0  # newest mtime of the project's own files (kondo's age rule)
    details: tuple[tuple[str, str], ...] = ()
    anchor: Anchor | None = None  # the file and line it is about (engine.anchored)


@dataclass(frozen=True)
class Anchor:
    """Where a finding attaches to a line, for tools that only show results on lines of files
    (SARIF code scanning, GitHub annotations): a file finding's own file, a data module's
    literal, or, for a folder, the file that makes it a problem (its marker, its first
    tracked file, the .gitignore line that matches it, the config line of a budget)."""

    path: str  # relative to the group root, POSIX separators
    line: int = 1


@dataclass(frozen=True)
class Skipped:
    """A path the scan could not read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Group:
    """One repository (or a plain folder) of a scan, reported on its own."""

    root: str  # absolute path
    label: str  # path relative to the scan root, "." when it is the root
    is_repo: bool
    findings: tuple[Finding, ...]
    scanned: Size
    surface_before: Surface
    surface_after: Surface
    reclaimable: Size
    notes: tuple[str, ...] = ()
    # Every explored (non-artifact) folder: (path, files directly inside, their bytes incl. the
    # folder entry). With the findings' sizes this draws the whole tree (treemaps, HTML report).
    layout: tuple[tuple[str, int, int], ...] = ()
    tracked: tuple[int, int] | None = None  # (files, bytes) in git's index, when measured


@dataclass(frozen=True)
class Report:
    """A whole scan: its roots, their groups with their findings, and what it skipped or
    warns of."""

    roots: tuple[str, ...]
    groups: tuple[Group, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    hidden_kinds: tuple[tuple[str, int, int], ...] = ()  # (kind, count, bytes) seen but opt-in
    duration_s: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for group in self.groups for f in group.findings)

    @property
    def failed(self) -> bool:
        return any(f.fails for f in self.findings)


# A finding's identity across runs: what `--baseline` matches on and what SARIF/GitLab use to
# follow a finding -- the rule code, the path from the scan root and the catalogue kind, never
# the size or the message, which change while the finding stays the same one.
def scan_path(group: Group, finding: Finding) -> str:
    """The finding's path relative to the scan root (groups below it get their label in front);
    in a repo that holds the scan root (a scan of one of its subfolders), relative to the
    repo's root, as a scan of the whole repo names it: CI shows files by their path in the
    checkout, where `../pkg/x` links nowhere, and a baseline keeps matching."""
    if group.label in ("", ".") or encloses_scan_root(group):
        return finding.path
    if finding.path in ("", "."):
        return group.label
    return f"{group.label}/{finding.path}"


def encloses_scan_root(group: Group) -> bool:
    """Whether the group is the repo a scanned subfolder lies in (its label climbs: "..")."""
    return all(part == ".." for part in group.label.split("/"))


def fingerprint(code: str, path: str, kind: str) -> str:
    import hashlib  # a baseline or a CI report only: OpenSSL's hashlib costs ~1 ms to load

    identity = "\0".join((code, path, kind)).encode("utf-8", "surrogateescape")
    return hashlib.sha256(identity).hexdigest()


def finding_fingerprint(group: Group, finding: Finding) -> str:
    return fingerprint(finding.code, scan_path(group, finding), finding.kind)
