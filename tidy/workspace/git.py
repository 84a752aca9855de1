"""What git knows about a work tree: tracked paths, ignored paths, and the repo's state.

Each repo costs three `git ls-files -z` processes, started together and left to run on the
other core while the walk goes on (one when no ignore rule exists anywhere: nothing is
ignored); nothing is asked per path.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from tidy.core.processes import running
from tidy.core.safe_files import UnsafeFile, read_regular
from tidy.workspace import fifo_guard

# Of the caller's GIT_* variables only these reach tidy's git: which config files are the
# user's (and tracing). Every other one can point git at another repo, index, object store or
# config (GIT_DIR, GIT_INDEX_FILE, GIT_WORK_TREE set in a hook or a shell; GIT_CONFIG_PARAMETERS
# and GIT_CONFIG_COUNT carrying `-c core.worktree=...`), read a path as a glob
# (GIT_ICASE_PATHSPECS) or run a command (GIT_EXTERNAL_DIFF): tidy names the repo itself.
_KEPT_GIT_ENV = ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM")
_KEPT_GIT_PREFIX = "GIT_TRACE"

# Settings that make git run a command, switched off on every git tidy starts. tidy reads
# repositories it did not make: a downloaded one's .git/config and hooks are whoever made
# it's, and a scan must run none of them. None of tidy's git commands needs any of these:
# core.fsmonitor runs on every read of the index (ls-files, rev-parse, check-attr); hooks
# (post-index-change after `git rm --cached` and `git update-index`); gpg.program for
# log.showSignature; a pager; an automatic gc.
_NO_COMMANDS = (("core.fsmonitor", "false"), ("core.hooksPath", "/dev/null"),
                ("log.showSignature", "false"), ("core.pager", "cat"), ("gc.auto", "0"),
                ("maintenance.auto", "false"))
# The repo's own filters, named in its config and chosen per path by .gitattributes: a clean
# filter runs when `git rm --cached` compares a work tree's file, a process filter when
# `git log -S` reads one. An empty filter command is no command to git. Only those the repo's
# own config (local or worktree scope, and what it includes) decides are emptied: one in the
# user's global or system config (git-lfs's) is the user's choice, and git status needs it
# to compare an LFS file with its pointer. (An empty textconv is an error to git, not none:
# tidy's one `git log -S` says --no-textconv --no-ext-diff.)
_FILTER_KEYS = r"^filter\..+\.(clean|smudge|process)$"


class GitUnavailable(RuntimeError):
    pass


def git_env(repo: str | None = None) -> dict[str, str]:
    """The environment of a git tidy starts in `repo` (or outside any repo): only the
    caller's variables that cannot point it elsewhere, and no setting that runs a command
    (`repo`'s own filters included)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GIT_") or k in _KEPT_GIT_ENV or k.startswith(_KEPT_GIT_PREFIX)}
    env["GIT_OPTIONAL_LOCKS"] = "0"  # a scan must never take index.lock from a running git
    # History as it is stored and cloned: a replace ref (`git replace --graft`) or a graft
    # hides the commits and blobs behind it from rev-list, while a push or clone carries them.
    env["GIT_NO_REPLACE_OBJECTS"] = "1"
    env["GIT_GRAFT_FILE"] = "/dev/null/no-grafts"  # nor .git/info/grafts (a path none has)
    env["LC_ALL"] = "C"
    top = find_repo_root(repo) if repo is not None else None
    if top is not None and git_dir(top) is not None:
        # The work tree is the folder that holds `.git`, the one tidy reports on: a
        # core.worktree in the repo's config must not make git read another folder.
        env["GIT_WORK_TREE"] = top
    elif top is not None:
        # git would follow the `.git` file or link to another work tree's repository (and
        # `git rm --cached` would edit that one's index), or pass over a `.git` it cannot
        # use (a FIFO, a socket, a dangling or looping link) and take the repository of a
        # folder above as this one's: it is given a git folder that cannot exist instead,
        # so every git tidy starts here fails as in a plain folder.
        env["GIT_DIR"] = _NO_GIT_DIR
    return no_commands(env, repo)


def no_commands(env: dict[str, str], repo: str | None) -> dict[str, str]:
    """`env` with every setting that makes git run a command switched off (GIT_CONFIG_COUNT:
    above every config file); the caller's own `-c` settings dropped, so none comes after."""
    for name in [k for k in env if k == "GIT_CONFIG_PARAMETERS"
                 or re.fullmatch(r"GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+)", k)]:
        del env[name]
    settings = list(_NO_COMMANDS)
    if repo is not None:
        filters = _filters(repo)
        settings += [(key, "") for key in filters]
        settings += [(name + ".required", "false")
                     for name in dict.fromkeys(key.rsplit(".", 1)[0] for key in filters)]
    for number, (key, value) in enumerate(settings):
        env[f"GIT_CONFIG_KEY_{number}"] = key
        env[f"GIT_CONFIG_VALUE_{number}"] = value
    env["GIT_CONFIG_COUNT"] = str(len(settings))
    # The same settings in the form every git reads (`git -c`'s own channel since git 1.7):
    # a git older than 2.31 ignores GIT_CONFIG_COUNT, and would run the repo's fsmonitor,
    # hooks and pager again. The 'key=value' form is the one old and new gits both parse.
    env["GIT_CONFIG_PARAMETERS"] = " ".join(_sq(f"{key}={value}") for key, value in settings)
    return env


def _sq(text: str) -> str:
    """`text` in single quotes as git's sq_quote writes it (a ' becomes '\\'')."""
    return "'" + text.replace("'", "'\\''") + "'"


_filter_cache: dict[tuple[str, tuple[tuple[int, int, int], ...]], tuple[str, ...]] = {}


def _filters(repo: str) -> tuple[str, ...]:
    """The config keys of filters whose command `repo`'s own config sets. Asked once per
    state of the repo's config files (a watch asks again after an edit)."""
    key = (repo, _config_state(repo))
    if key[1] and key in _filter_cache:
        return _filter_cache[key]
    try:  # `git config` runs no command; a FIFO as .git/config is let go, never waited on
        proc = fifo_guard.run(_filters_argv(repo), env=_filters_env())
    except (OSError, GitUnavailable, fifo_guard.FifoBlocked):
        return ()  # git cannot read the config either, so it runs nothing from it
    found = _own_filters(proc.stdout)
    if key[1]:
        _filter_cache[key] = found
    return found


@contextlib.contextmanager
def filters_asked(repo: str | None) -> Iterator[None]:
    """`repo`'s own filters (what git_env(repo) asks `git config` first) asked on entering
    and answered on leaving: the caller's work meanwhile overlaps the `git config` run it
    would otherwise wait for (~10 ms), and processes forked after find the answer kept
    (a scan's worker asks for its early job's git). Left by an exception, git is stopped
    and reaped, nothing kept; nor when git cannot answer: git_env asks again itself."""
    key = (repo, _config_state(repo)) if repo is not None else ("", ())
    if repo is None or not key[1] or key in _filter_cache:
        yield
        return
    with contextlib.ExitStack() as stack:  # git stopped and reaped however this is left
        try:
            proc: subprocess.Popen[bytes] | None = stack.enter_context(running(
                _filters_argv(repo), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env=_filters_env()))
        except (OSError, GitUnavailable):
            proc = None
        yield
        if proc is None:
            return
        try:  # `git config` runs no command; a FIFO as .git/config is let go, never waited on
            out, _ = fifo_guard.communicate(proc)
        except fifo_guard.FifoBlocked:
            return
        _filter_cache[key] = _own_filters(out)


def _filters_argv(repo: str) -> list[str]:
    return [git_executable(), "-C", repo, "config", "--show-scope", "-z", "--get-regexp",
            _FILTER_KEYS]


def _filters_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GIT_") or k in _KEPT_GIT_ENV}
    env["LC_ALL"] = "C"
    return no_commands(env, None)


def _own_filters(out: bytes) -> tuple[str, ...]:
    """`git config --show-scope -z`'s answer: the keys the repo's own config (local or
    worktree scope) sets."""
    # "<scope>\0<key>\n<value>\0" per setting, in the order git reads them: the last wins
    fields = out.split(b"\0")
    scope_of = {record.split(b"\n", 1)[0].decode("utf-8", "surrogateescape"): scope
                for scope, record in zip(fields[0::2], fields[1::2], strict=False)}
    return tuple(k for k, scope in scope_of.items() if scope in (b"local", b"worktree"))


def _config_state(repo: str) -> tuple[tuple[int, int, int], ...]:
    """What the repo's config files are now (inode, size, mtime); () when not known."""
    top = find_repo_root(repo)
    directory = git_dir(top) if top is not None else None
    if directory is None:
        return ()
    common = _small_file(os.path.join(directory, "commondir"))
    shared = os.path.normpath(os.path.join(directory, common.strip())) if common else directory
    state = []
    for path in (os.path.join(shared, "config"), os.path.join(directory, "config.worktree")):
        try:
            info = os.stat(path)
        except OSError:
            info = None
        state.append((info.st_ino, info.st_size, info.st_mtime_ns) if info else (0, 0, 0))
    return tuple(state)


def git_executable() -> str:
    found = shutil.which("git")
    if found is None:
        raise GitUnavailable("git is not on PATH: tracked and ignored state is unknown")
    return found


def run_git(repo: str, *args: str, check: bool = True) -> bytes:
    """Run one git command in `repo`; a failure becomes GitUnavailable with git's first line."""
    try:
        proc = fifo_guard.run([git_executable(), "-C", repo, *args], env=git_env(repo))
    except fifo_guard.FifoBlocked as error:
        raise GitUnavailable(str(error)) from None
    if check and proc.returncode != 0:
        raise GitUnavailable(_first_line(proc.stderr) or f"git {args[0]} failed")
    return proc.stdout


class RunningGit:
    """One git command started now, its output read when wanted (run_git, split in two)."""

    def __init__(self, repo: str, args: tuple[str, ...]) -> None:
        self._args = args
        self._proc = subprocess.Popen([git_executable(), "-C", repo, *args],
                                      stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE,
                                      env=git_env(repo))

    def output(self) -> bytes:
        try:
            out, err = fifo_guard.communicate(self._proc)
        except fifo_guard.FifoBlocked as error:
            raise GitUnavailable(str(error)) from None
        if self._proc.returncode != 0:
            raise GitUnavailable(_first_line(err) or f"git {self._args[0]} failed")
        return out

    def stop(self) -> None:
        """Its answer is not wanted after all: killed unless it has ended, and reaped."""
        from tidy.core.processes import stop

        stop(self._proc)


def start_git(repo: str, *args: str) -> RunningGit:
    """Like run_git, but returns at once; GitUnavailable comes from output()."""
    return RunningGit(repo, args)


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else ""


def split_z(data: bytes) -> list[str]:
    # git prints names as raw bytes; decode them as os.scandir does (os.fsdecode), so they
    # compare equal: the whole listing at once, not name by name.
    text = data.decode(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
    return [p for p in text.split("\0") if p]


@dataclass(frozen=True)
class GitFacts:
    """What git says of a repo: its tracked files, what its rules ignore, its state."""

    root: str
    tracked: tuple[str, ...] = ()  # sorted, relative to root, POSIX
    ignored_dirs: frozenset[str] = frozenset()
    ignored_files: frozenset[str] = frozenset()
    tracked_ignored: frozenset[str] = frozenset()  # committed before a rule matched them
    state: str = ""  # "rebase in progress", ...
    error: str = ""  # non-empty: git could not answer; tracked state unknown
    _tracked_set: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def known(self) -> bool:
        return not self.error

    def is_tracked(self, rel: str) -> bool:
        return rel in self._tracked_set

    def tracked_under(self, rel_dir: str) -> list[str]:
        """Tracked paths at or below the folder `rel_dir`."""
        if rel_dir in ("", "."):
            return list(self.tracked)
        prefix = rel_dir + "/"
        start = bisect.bisect_left(self.tracked, prefix)
        end = bisect.bisect_left(self.tracked, prefix + "\U0010ffff")
        found = list(self.tracked[start:end])
        if rel_dir in self._tracked_set:
            found.append(rel_dir)  # a submodule (gitlink) or a file of that name
        return found

    def is_ignored(self, rel: str) -> bool:
        """Ignored by git: the path itself, or a folder that holds it.

        A committed folder counts as ignored when a rule matches every tracked file in it
        (a committed `__pycache__/` under a `__pycache__/` rule), as `git check-ignore
        --no-index` says: the rule exists, only `git rm --cached` is missing.
        """
        if rel in self.ignored_files or rel in self.ignored_dirs or rel in self.tracked_ignored:
            return True
        if self.ignored_dirs:
            slash = rel.rfind("/")
            while slash > 0:
                if rel[:slash] in self.ignored_dirs:
                    return True
                slash = rel.rfind("/", 0, slash)
        if not self.tracked_ignored:
            return False
        inside = self.tracked_under(rel)
        return bool(inside) and all(p in self.tracked_ignored for p in inside)


class GitQuery:
    """The ls-files processes for one repo, running while the walk goes on.

    Listing ignored paths makes git walk every untracked folder, node_modules included, on
    the core the walk needs. It only starts early when ignore rules are known to exist;
    otherwise the walk says whether any `.gitignore` turned up, and a repo with no rules
    anywhere has nothing ignored, without asking.
    """

    def __init__(self, root: str) -> None:
        self.root = root
        self._error = ""
        self._procs: dict[str, subprocess.Popen[bytes]] = {}
        self._outputs: dict[str, list[str]] = {}
        self._excludes_file: subprocess.Popen[bytes] | None = None
        self._tracked: tuple[tuple[str, ...], frozenset[str]] | None = None
        self._gitignore_tracked = False  # a `.gitignore` in the index's listing
        try:
            self._git = git_executable()
        except GitUnavailable as error:
            self._error = str(error)
            return
        self._error = foreign_git_dir(root)
        if self._error:
            return
        self._start("tracked", "ls-files", "-z", "--cached")
        if os.path.lexists(os.path.join(root, ".gitignore")) or _holds_rules(
                _info_exclude(root)) or _holds_rules(_default_excludes_file()):
            self._start_ignored()
        else:
            self._excludes_file = self._spawn("config", "--path", "--get", "core.excludesFile")

    def _spawn(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([self._git, "-C", self.root, *args], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=git_env(self.root))

    def _start(self, name: str, *args: str) -> None:
        self._procs[name] = self._spawn(*args)

    def _start_ignored(self) -> None:
        """Both listings of what the ignore rules match: with no rule anywhere, neither
        is asked (each is empty), so a tree without one starts two gits fewer."""
        self._start("tracked_ignored", "ls-files", "-z", "--cached", "--ignored",
                    "--exclude-standard")
        self._start("ignored", "ls-files", "-z", "--others", "--ignored", "--exclude-standard",
                    "--directory")

    def prepare(self) -> None:
        """Read what the listings started at once have printed (the walk is far enough)."""
        for name, proc in self._procs.items():
            if name not in self._outputs:
                try:
                    out, err = fifo_guard.communicate(proc)
                except fifo_guard.FifoBlocked as error:
                    out, err = b"", str(error).encode()
                if proc.returncode != 0:
                    self._error = self._error or _first_line(err) or "git ls-files failed"
                self._outputs[name] = split_z(out)
                if name == "tracked":
                    self._gitignore_tracked = _names_gitignore(out)
        if "tracked" in self._outputs and self._tracked is None:
            # Sorted and set once here, while the walk's workers finish (36k paths: ~5 ms
            # that would otherwise follow the walk).
            self._tracked = _tracked_index(self._outputs["tracked"])

    def tracked(self) -> tuple[str, ...] | None:
        """The tracked paths, sorted, once prepare() has read them; None before, or when git
        could not answer."""
        if self._error or self._tracked is None:
            return None
        return self._tracked[0]

    def result(self, gitignore_found: bool = True) -> GitFacts:
        """What git said; `gitignore_found` is False when the walk saw no `.gitignore`
        anywhere in the repo."""
        if self._error:
            return GitFacts(self.root, error=self._error)
        if "ignored" not in self._procs and (gitignore_found or self._global_rules()
                                              or self._rules_in_index()):
            self._start_ignored()
        self.prepare()
        if self._error:
            return GitFacts(self.root, error=self._error)
        return _facts(self.root, {"ignored": [], "tracked_ignored": [], **self._outputs},
                      self._tracked)

    def _rules_in_index(self) -> bool:
        """Whether the index holds a `.gitignore` (git reads one the work tree lacks, a
        sparse checkout's, from the index); True when the index is not known yet."""
        self.prepare()
        if self._tracked is None:
            return not self._error
        return self._gitignore_tracked

    def _global_rules(self) -> bool:
        """Whether the user's core.excludesFile (or git's default one) holds a rule."""
        if self._excludes_file is None:
            return False
        try:  # `git config` reads .git/config: a FIFO there is let go, never waited on
            out, _ = fifo_guard.communicate(self._excludes_file)
        except fifo_guard.FifoBlocked:
            return True  # not known: git's own listing of ignored files decides
        configured = out.decode("utf-8", "surrogateescape").strip()
        return _holds_rules(configured or _default_excludes_file())


def _default_excludes_file() -> str:
    """Where git looks for per-user ignore rules when core.excludesFile is not set."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "git", "ignore")


def _info_exclude(root: str) -> str:
    directory = git_dir(root)
    if directory is None:
        return ""
    common = _small_file(os.path.join(directory, "commondir"))
    if common:  # a linked worktree keeps info/exclude in the main repo's git directory
        directory = os.path.normpath(os.path.join(directory, common.strip()))
    return os.path.join(directory, "info", "exclude")


def _holds_rules(path: str) -> bool:
    """Whether an ignore file has a rule (a line that is neither blank nor a comment).
    A file that cannot be read counts as having rules: git is asked rather than guessed."""
    if not path:
        return False
    try:  # links followed (a dotfiles checkout), but never a FIFO: it would block
        data = read_regular(path, limit=1 << 20, follow_links=True, head=True)
    except (OSError, UnsafeFile):
        return True
    if data is None:
        return False
    # Trailing blanks are dropped by git; a leading one is part of the pattern.
    return any((rule := line.rstrip()) and not rule.startswith(b"#") for line in data.splitlines())


def _names_gitignore(listing: bytes) -> bool:
    """Whether `git ls-files -z` printed a `.gitignore`, at the root or in a folder: one
    search of its bytes (every name ends with a NUL; a byte of a multi-byte name is never
    `/` or NUL), where a test of each of a big repo's decoded paths took ~4 ms after the
    walk (250k bench tree: 36,119 paths, no `.gitignore` anywhere)."""
    at = listing.find(b".gitignore\0")
    while at != -1:
        if at == 0 or listing[at - 1] in b"\0/":  # the whole name, or its last part
            return True
        at = listing.find(b".gitignore\0", at + 1)
    return False


def _tracked_index(listed: list[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The tracked paths, each once and sorted, and as a set."""
    # A conflicted file is listed once per index stage (1, 2, 3): count it once. The set
    # tells whether any is listed twice; only then are they dropped through a dict, which
    # keeps the order (250k bench tree, 36,119 paths, none twice: ~3-8 ms of the main
    # process saved). git lists in byte order, so the sort finds runs already in place.
    tracked_set = frozenset(listed)
    unique = listed if len(tracked_set) == len(listed) else list(dict.fromkeys(listed))
    return tuple(sorted(unique)), tracked_set


def _facts(root: str, outputs: dict[str, list[str]],
           tracked_index: tuple[tuple[str, ...], frozenset[str]] | None = None) -> GitFacts:
    tracked, tracked_set = tracked_index or _tracked_index(outputs["tracked"])
    ignored_dirs = frozenset(p.rstrip("/") for p in outputs["ignored"] if p.endswith("/"))
    # `--directory` still lists some files inside a collapsed folder; they add nothing.
    ignored_files = frozenset(p for p in outputs["ignored"] if not p.endswith("/"))
    return GitFacts(
        root=root,
        tracked=tracked,
        ignored_dirs=ignored_dirs,
        ignored_files=ignored_files,
        tracked_ignored=frozenset(outputs["tracked_ignored"]),
        state=repo_state(root),
        _tracked_set=tracked_set,
    )


def _small_file(path: str) -> str | None:
    """A `.git` file or `commondir`: text if it is a regular file, else None (a FIFO named
    `.git` must not block the scan)."""
    try:
        data = read_regular(path, limit=1 << 16, head=True, follow_links=True)
    except (OSError, UnsafeFile):
        return None
    return None if data is None else data.decode("utf-8", "replace")


def git_dir(root: str) -> str | None:
    """The repo's git directory: `.git`, or where a `.git` file (submodule, worktree) or
    link points, when that git folder belongs to `root` (foreign_git_dir)."""
    dot_git = os.path.join(root, ".git")
    if os.path.isdir(dot_git):  # a link to a folder stays the link (callers open no link)
        return None if os.path.islink(dot_git) and foreign_git_dir(root) else dot_git
    target = _linked_git_dir(root)
    if target is None or foreign_git_dir(root):
        return None
    return target


def _linked_git_dir(root: str) -> str | None:
    """Where `root/.git` leads when it is a `gitdir:` file or a link to a folder."""
    dot_git = os.path.join(root, ".git")
    if os.path.islink(dot_git) and os.path.isdir(dot_git):
        return os.path.realpath(dot_git)
    try:
        data = read_regular(dot_git, limit=1 << 16, head=True, follow_links=True)
    except (OSError, UnsafeFile):
        return None
    target = _gitfile_path(data or b"")
    if target is None:
        return None
    # Resolved as the kernel resolves git's path: `..` after a link is taken from where the
    # link leads (a lexical normpath would read `d/../.git` as this folder's own `.git`).
    return os.path.realpath(os.path.join(root, target))


def _gitfile_path(data: bytes) -> str | None:
    """The path in a `.git` file, byte for byte as git's read_gitfile takes it: after
    exactly "gitdir: ", up to the end with only trailing CRs and LFs dropped (a space, a
    second line or a byte that is not UTF-8 is part of the path), cut at a NUL. Read any
    other way, a planted `.git` could look like one thing to tidy and be another to git."""
    if not data.startswith(b"gitdir: "):
        return None  # git refuses the file ("invalid gitfile format")
    path = data.rstrip(b"\r\n")[len(b"gitdir: "):].split(b"\0", 1)[0]
    return os.fsdecode(path) if path else None


# A GIT_DIR no folder can be at (a path below a device file): git says "not a git repository".
_NO_GIT_DIR = "/dev/null/no-git-dir"

_foreign_cache: dict[tuple[object, ...], str] = {}


def foreign_git_dir(root: str) -> str:
    """Why git must not follow `root/.git` ("" when it may, or when it is a plain folder).

    A `.git` file or link names a git folder elsewhere: git's own ones are a linked
    worktree's (`<repo>/.git/worktrees/<name>`, whose `gitdir` file names this `.git`
    back), a submodule's (`<super>/.git/modules/<name>`, whose core.worktree names this
    folder back) and `git init --separate-git-dir`'s (no link back, not named `.git`, not
    bare). One copied from elsewhere, or planted in a downloaded folder, can name another
    work tree's `.git`: git would then read that repository as this folder's, and
    `tidy fix` would untrack files in that other repository's index, outside the root."""
    target = _linked_git_dir(root)
    if target is None:
        return ""
    key = (root, target, _stamp(os.path.join(root, ".git"), os.path.join(target, "gitdir"),
                                os.path.join(target, "config")))
    if key not in _foreign_cache:
        _foreign_cache[key] = _foreign_reason(root, target)
    return _foreign_cache[key]


def _stamp(*paths: str) -> tuple[int, ...]:
    """What the files are now (inode, size, mtime); zeros for one that is not there."""
    stamp: list[int] = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            stamp += (0, 0, 0)
        else:
            stamp += (info.st_ino, info.st_size, info.st_mtime_ns)
    return tuple(stamp)


def _foreign_reason(root: str, target: str) -> str:
    # Judged where it leads: `gitdir: inner` with `inner` a link to another repo's `.git`
    # is that repo's git folder, however its name reads inside this one.
    target = os.path.realpath(target)
    if _is_below(target, root):
        return ""  # a git folder inside this folder: nothing outside the root is read
    pointer = f"its .git points at {target}"
    back = _small_file(os.path.join(target, "gitdir"))
    if back is not None:  # a linked worktree's git folder names its work tree's `.git`
        named = os.path.normpath(os.path.join(target, back.strip()))
        if _same_file(named, os.path.join(root, ".git")):
            return ""
        return (f"{pointer}, the git folder of the worktree at {os.path.dirname(named)}: "
                "git is not asked about this folder (`git worktree repair` mends a moved "
                "worktree)")
    settings = _core_settings(os.path.join(target, "config"))
    if "core.worktree" in settings:  # a submodule's git folder names its work tree
        named = os.path.normpath(os.path.join(target, settings["core.worktree"]))
        if _same_file(named, root):
            return ""
        return (f"{pointer}, the git folder of the work tree at {named}: git is not asked "
                "about this folder")
    if os.path.basename(target) == ".git":
        return (f"{pointer}, the git folder of the repository at {os.path.dirname(target)}: "
                "git is not asked about this folder")
    if settings.get("core.bare") == "true":
        return f"{pointer}, a bare repository: git is not asked about this folder"
    if not _index_is_of(root, target):  # `--separate-git-dir`'s: git wrote no back-link
        return (f"{pointer}, whose index records other files than this folder's (another "
                "work tree's separate git folder): git is not asked about this folder")
    return ""


# How many index entries are compared with the folder's files (the index is sorted by path).
_INDEX_SAMPLE = 64
_DEBUG_ENTRY = re.compile(rb"  ctime:[^\n]*\n  mtime:[^\n]*\n  dev: \d+\tino: (\d+)\n"
                          rb"  uid:[^\n]*\n  size: \d+\tflags: [0-9a-fA-F]+\n")


def _index_is_of(root: str, git_folder: str) -> bool:
    """Whether the index in `git_folder` describes this folder: of its first entries that
    record an inode, one is the inode of this folder's file of that name. A separate git
    folder (`git init --separate-git-dir`) names no work tree, so a `.git` file planted in
    a download that names the user's own would otherwise make its index this folder's.
    An index git cannot read, or one with nothing recorded, has nothing to take: true."""
    env = no_commands({k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, None)
    env.update(LC_ALL="C", GIT_DIR=git_folder, GIT_WORK_TREE=root)
    try:  # ls-files reads the index and nothing of the work tree; a FIFO index is let go
        proc = fifo_guard.run([git_executable(), "ls-files", "--debug", "-z"], env=env)
    except (OSError, GitUnavailable, fifo_guard.FifoBlocked):
        return True
    if proc.returncode != 0:
        return True
    recorded = list(_index_inodes(proc.stdout))
    for rel, inode in recorded:
        try:
            if os.lstat(os.path.join(root, os.fsdecode(rel))).st_ino == inode:
                return True
        except (OSError, ValueError):
            continue
    return not recorded


def _index_inodes(listing: bytes) -> Iterator[tuple[bytes, int]]:
    """(path, inode) of the first entries of `git ls-files --debug -z` that record one:
    each entry is its path, a NUL, then its stat lines (a path may hold a newline)."""
    parts = listing.split(b"\0")
    path = parts[0]
    found = 0
    for part in parts[1:]:
        entry = _DEBUG_ENTRY.match(part)
        if entry is None:
            return
        inode = int(entry[1])
        if inode:  # 0: not recorded (an entry added without a file, core.checkStat)
            yield path, inode
            found += 1
            if found == _INDEX_SAMPLE:
                return
        path = part[entry.end():]


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _is_below(real: str, folder: str) -> bool:
    top = os.path.realpath(folder)
    return real.startswith(top.rstrip(os.sep) + os.sep)


def _core_settings(config: str) -> dict[str, str]:
    """core.worktree and core.bare as git reads them from one config file and the files it
    includes (git follows include.path when it opens the repository, so a `bare = true` in
    an included file makes it bare all the same). core.bare as git's bool ("true" or
    "false": a bare `bare` line, `2` or `on` are true to git). A config git cannot read
    (a FIFO, garbage) has neither."""
    settings = _config_values(config, "--get-regexp", r"^core\.worktree$")
    bare = _config_values(config, "--type=bool", "--get-regexp", r"^core\.bare$")
    if "core.bare" in bare:
        settings["core.bare"] = bare["core.bare"]
    return settings


def _config_values(config: str, *query: str) -> dict[str, str]:
    env = no_commands({k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, None)
    env["LC_ALL"] = "C"
    try:  # an include naming a FIFO is let go (fifo_guard), never waited on
        proc = fifo_guard.run([git_executable(), "config", "--file", config, "--includes",
                               "-z", *query], env=env)
    except (OSError, GitUnavailable, fifo_guard.FifoBlocked):
        return {}
    settings: dict[str, str] = {}
    for record in proc.stdout.split(b"\0"):
        key, _, value = record.decode("utf-8", "surrogateescape").partition("\n")
        if key:
            settings[key] = value
    return settings


def repo_state(root: str) -> str:
    """An operation git has in progress, which a cleaner should know about."""
    directory = git_dir(root)
    if directory is None:
        return ""
    markers = {
        "rebase-merge": "rebase in progress",
        "rebase-apply": "rebase or am in progress",
        "MERGE_HEAD": "merge in progress",
        "CHERRY_PICK_HEAD": "cherry-pick in progress",
        "REVERT_HEAD": "revert in progress",
        "BISECT_LOG": "bisect in progress",
    }
    for name, state in markers.items():
        if os.path.exists(os.path.join(directory, name)):
            return state
    return ""


def tracked_paths(repo: str, rels: list[str]) -> list[str]:
    """The tracked files at or below each of `rels` (literal paths), asked now."""
    try:  # ls-files opens the index: a FIFO there is let go (fifo_guard), never waited on
        proc = fifo_guard.run(
            [git_executable(), "-C", repo, "--literal-pathspecs", "ls-files", "-z", "--cached",
             "--", *rels], env=git_env(repo))
    except fifo_guard.FifoBlocked as error:
        raise GitUnavailable(str(error)) from None
    if proc.returncode != 0:
        raise GitUnavailable(proc.stderr.decode("utf-8", "replace").strip().split("\n")[0])
    return [os.fsdecode(p) for p in proc.stdout.split(b"\0") if p]


def find_repo_root(path: str) -> str | None:
    """The nearest folder at or above `path` that holds a `.git`, without asking git."""
    current = os.path.abspath(path)
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def ignore_source(repo: str, rel: str) -> tuple[str, int] | None:
    """The ignore file inside `repo` (relative, POSIX) and the line of the rule that matches
    `rel`, as `git check-ignore -v --no-index` says; None when no file of the repo's does
    (no rule, or one in .git/info/exclude or the user's global excludes)."""
    try:
        out = run_git(repo, "check-ignore", "-v", "--no-index", "--", rel, check=False)
    except (GitUnavailable, OSError):
        return None
    # SOURCE:LINE:PATTERN<TAB>PATH (the path may be quoted; the source is one of the repo's
    # files or an absolute one outside it).
    found = re.match(rb"(.+?):(\d+):", out.partition(b"\t")[0])
    if found is None:
        return None
    source = os.fsdecode(found[1])
    if os.path.isabs(source) or source.startswith((".git/", "../", '"')):
        return None
    return source, int(found[2])
