"""Bad input sweep: every command of tidy against every bad condition, as real processes.

    python bench/bad_input_sweep.py [--only SUBSTRING] [--keep]

Each case builds a throwaway tree (a git repo with a cache, a build output and a data module),
spoils it one way (an unreadable folder, a looping symlink, a malformed settings file, a repo
mid-rebase, a read-only or full filesystem, a closed stdout ...), runs one command of tidy in a
child process with its own HOME and TIDY_STATE_DIR, and flags what the project promises never
happens (README "Exit codes", DESIGN "Bad input: a clear one-line error, a non-zero exit,
nothing lost"):

    traceback     a Python traceback on stderr
    internal      "internal error" (exit 3): tidy's catch-all, a bug by definition
    exit-0        an error said on stderr, or a case that must fail, yet exit 0
    multi-line    an error of more than one line on stderr (a failing run)
    lost          a file the user had changed or gone (commands that must not write), or a
                  tracked file gone (fix)
    hang          no answer within the time limit

Cases needing root (mounts, a dropped uid) are skipped without it. The fast, root-free part of
the sweep runs in the test suite: tests/cli/test_bad_input_sweep.py imports `run_case` and
`flags` from here. Nothing here touches the real HOME, state, crontab or systemd: every child
gets a temp HOME, TIDY_STATE_DIR, XDG folders and TIDY_CRONTAB_FILE/TIDY_SYSTEMD_USER_DIR.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
TIMEOUT = 120


# --------------------------------------------------------------------------- the tree
def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **IDENTITY, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


def make_tree(root: Path) -> Path:
    """A small repo with something to find: a cache, a build output, an ignored log."""
    repo = root / "repo"
    (repo / "pkg" / "__pycache__").mkdir(parents=True)
    (repo / "pkg" / "__init__.py").write_text("")
    (repo / "pkg" / "__pycache__" / "x.cpython-312.pyc").write_bytes(b"\0" * 4096)
    (repo / "pyproject.toml").write_text('[project]\nname = "p"\nversion = "0"\n')
    (repo / "build" / "lib").mkdir(parents=True)
    (repo / "build" / "lib" / "m.py").write_text("x = 1\n")
    (repo / ".gitignore").write_text("*.log\n")
    (repo / "app.log").write_text("log\n")
    (repo / "pkg" / "data.py").write_text("DATA = " + repr(list(range(2000))) + "\n")
    git(repo.parent, "init", "-q", "-b", "main", str(repo))
    git(repo, "add", "pkg/__init__.py", "pyproject.toml", ".gitignore", "pkg/data.py")
    git(repo, "commit", "-q", "-m", "one")
    return repo


def snapshot(root: Path) -> dict[str, str]:
    """Every path below root (no .git internals) with a digest of what it is."""
    seen: dict[str, str] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            try:
                info = os.lstat(path)
                if stat.S_ISLNK(info.st_mode):
                    seen[rel] = "link:" + os.readlink(path)
                elif stat.S_ISREG(info.st_mode):
                    with open(path, "rb") as f:
                        seen[rel] = hashlib.sha1(f.read()).hexdigest()
                else:
                    seen[rel] = f"mode:{stat.S_IFMT(info.st_mode)}"
            except OSError as error:
                seen[rel] = f"error:{error.errno}"
    return seen


# --------------------------------------------------------------------------- a case
@dataclass
class Ctx:
    """What a spoiler made: the tree, the environment and where the command runs."""

    root: Path
    repo: Path
    home: Path
    env: dict[str, str]
    cwd: Path
    target: str  # what {target} stands for in a command
    stdout: str = "pipe"  # pipe | closed | head1
    must_fail: bool = False  # the condition is an error: exit 0 is wrong
    cleanups: list[Callable[[], None]] = field(default_factory=list)


@dataclass
class Outcome:
    case: str
    command: str
    code: int | None
    out: str
    err: str
    lost: list[str]
    flags: list[str]


def base_env(root: Path) -> dict[str, str]:
    home = root / "home"
    home.mkdir(exist_ok=True)
    keep = {k: v for k, v in os.environ.items()
            if k in ("PATH", "LANG", "LC_ALL", "TZ", "PYTHONPATH", "VIRTUAL_ENV")}
    return {**keep, **IDENTITY, "HOME": str(home), "TIDY_STATE_DIR": str(root / "state"),
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_STATE_HOME": str(home / "xstate"),
            "XDG_DATA_HOME": str(home / "xdata"), "XDG_CACHE_HOME": str(home / "xcache"),
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            "TIDY_CRONTAB_FILE": str(root / "crontab"),
            "TIDY_SYSTEMD_USER_DIR": str(root / "systemd"),
            "TIDY_LAUNCHD_DIR": str(root / "launchd"), "TERM": "xterm", "COLUMNS": "100"}


# Commands, `{target}` the path the spoiler chose (the repo by default). Each command also
# says whether it may change the tree (fix, undo, extract, init --write, cache clear).
@dataclass(frozen=True)
class Command:
    name: str
    argv: tuple[str, ...]
    writes: bool = False
    edits: tuple[str, ...] = ()  # files it may change on purpose (said in its output)


COMMANDS: tuple[Command, ...] = (
    Command("scan", ("scan", "{target}")),
    Command("scan-json", ("scan", "--format", "json", "{target}")),
    Command("scan-sarif", ("scan", "--format", "sarif", "{target}")),
    Command("scan-github", ("scan", "--format", "github", "{target}")),
    Command("scan-gitlab", ("scan", "--format", "gitlab", "{target}")),
    Command("scan-markdown", ("scan", "--format", "markdown", "{target}")),
    Command("scan-html-o", ("scan", "--format", "html", "-o", "{out}/r.html", "{target}")),
    Command("scan-also", ("scan", "--also", "json={out}/r.json", "{target}")),
    Command("scan-history", ("scan", "--history", "--duplicates", "{target}")),
    Command("fix-dry", ("fix", "--dry-run", "{target}")),
    Command("fix-diff", ("fix", "--diff", "{target}")),
    Command("fix", ("fix", "-y", "{target}"), writes=True),
    Command("fix-json", ("fix", "-y", "--format", "json", "{target}"), writes=True),
    Command("fix-ask", ("fix", "{target}"), writes=True),  # asks on a terminal; else exit 2
    Command("undo", ("undo", "-y"), writes=True),
    Command("log", ("log",)),
    Command("trash-list", ("trash", "list")),
    Command("trash-purge", ("trash", "purge", "--dry-run")),
    Command("trash-purge-yes", ("trash", "purge", "-y")),
    Command("cache-clear", ("cache", "clear", "{target}"), writes=True),
    Command("extract-dry", ("extract", "--dry-run", "{target}/pkg/data.py")),
    Command("watch-once", ("watch", "--once", "{target}"), writes=True),
    Command("watch-status", ("watch", "--status")),
    Command("watch-run", ("watch", "--stop-after", "3s", "{target}"), writes=True),
    Command("schedule-status", ("schedule", "status")),
    Command("init", ("init",)),
    Command("init-write", ("init", "--write"), edits=("pyproject.toml",)),  # appends [tool.tidy]
    Command("schedule-install", ("schedule", "install", "--no-activate", "{target}")),
    Command("hook-staged", ("hook", "check-staged")),
    Command("browse", ("browse", "{target}")),
    Command("rules", ("rules",)),
    Command("rule", ("rule", "TDY101")),
    Command("history", ("history", "{target}")),
)


# --------------------------------------------------------------------------- spoilers
Spoiler = Callable[[Ctx], None]
SPOILERS: dict[str, tuple[Spoiler, bool]] = {}  # name -> (spoiler, needs root)


def spoiler(name: str, *, root: bool = False) -> Callable[[Spoiler], Spoiler]:
    def register(fn: Spoiler) -> Spoiler:
        SPOILERS[name] = (fn, root)
        return fn
    return register


@spoiler("plain")
def _plain(c: Ctx) -> None:
    """The control: nothing wrong."""


@spoiler("missing-path")
def _missing(c: Ctx) -> None:
    c.target = str(c.root / "no-such-folder")
    c.must_fail = True


@spoiler("file-as-path")
def _file(c: Ctx) -> None:
    c.target = str(c.repo / "pyproject.toml")


@spoiler("dash-as-path")
def _dash(c: Ctx) -> None:
    c.target = "-"


@spoiler("unreadable-dir")
def _unreadable(c: Ctx) -> None:
    secret = c.repo / "secret"
    secret.mkdir()
    (secret / "a.txt").write_text("a")
    secret.chmod(0)
    c.cleanups.append(lambda: secret.chmod(0o755))


@spoiler("broken-and-looping-links")
def _links(c: Ctx) -> None:
    os.symlink("nowhere", c.repo / "broken")
    os.symlink("loop2", c.repo / "loop1")
    os.symlink("loop1", c.repo / "loop2")
    os.symlink(".", c.repo / "pkg" / "self")
    os.symlink("/", c.repo / "to-root")


@spoiler("non-utf8-names")
def _non_utf8(c: Ctx) -> None:
    folder = os.fsencode(c.repo) + b"/caf\xe9"
    os.mkdir(folder)
    os.mkdir(folder + b"/__pycache__")
    with open(folder + b"/__pycache__/m\xff.pyc", "wb") as f:
        f.write(b"\0" * 100)
    with open(folder + b"/line\nbreak.txt", "wb") as f:
        f.write(b"x")


def _bad_file(rel: str, data: bytes) -> Spoiler:
    def spoil(c: Ctx) -> None:
        path = c.repo / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return spoil


for _name, _rel, _data in (
    ("bad-gitignore", ".gitignore", b"\xff\xfe[\n!\n**/***\n\\\n"),
    ("bad-vscode", ".vscode/settings.json", b'{"search.exclude": {"a": tru,, /* \n'),
    ("vscode-not-object", ".vscode/settings.json", b'["a"]\n'),
    ("bad-pyproject", "pyproject.toml", b'[tool.tidy\nmin-size = \n'),
    ("pyproject-wrong-type", "pyproject.toml", b'[tool.tidy]\nmin-size = [1]\nselect = 5\n'),
    ("pyproject-not-utf8", "pyproject.toml", b'[tool.tidy]\nexclude = ["\xff"]\n'),
    ("bad-tidy-toml", ".tidy.toml", b"select = [\n"),
    ("tidy-toml-unknown-key", ".tidy.toml", b"colour = 1\n"),
    ("bad-precommit", ".pre-commit-config.yaml", b"repos: [\n  - {repo: \n\t:\n"),
):
    SPOILERS[_name] = (_bad_file(_rel, _data), False)


@spoiler("bad-user-config")
def _bad_user_config(c: Ctx) -> None:
    path = c.home / ".config" / "tidy" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[watch\nmode = 3\n")


@spoiler("config-is-a-folder")
def _config_folder(c: Ctx) -> None:
    (c.repo / ".tidy.toml").mkdir()


def _stop_in_a_conflict(c: Ctx, verb: str) -> None:
    """Two branches that change the same line, then `git VERB side` on main: it stops."""
    git(c.repo, "checkout", "-q", "-b", "side")
    (c.repo / "pkg" / "__init__.py").write_text("side = 1\n")
    git(c.repo, "commit", "-qam", "side")
    git(c.repo, "checkout", "-q", "main")
    (c.repo / "pkg" / "__init__.py").write_text("main = 1\n")
    git(c.repo, "commit", "-qam", "main")
    with contextlib.suppress(subprocess.CalledProcessError):
        git(c.repo, verb, "side")


@spoiler("mid-rebase")
def _rebase(c: Ctx) -> None:
    _stop_in_a_conflict(c, "rebase")


@spoiler("mid-merge")
def _merge(c: Ctx) -> None:
    _stop_in_a_conflict(c, "merge")


@spoiler("mid-cherry-pick")
def _pick(c: Ctx) -> None:
    _stop_in_a_conflict(c, "cherry-pick")


@spoiler("mid-bisect")
def _bisect(c: Ctx) -> None:
    (c.repo / "pkg" / "__init__.py").write_text("two = 1\n")
    git(c.repo, "commit", "-qam", "two")
    git(c.repo, "bisect", "start", "HEAD", "HEAD~1")


@spoiler("detached-head")
def _detached(c: Ctx) -> None:
    git(c.repo, "checkout", "-q", "--detach")


@spoiler("unborn-branch")
def _unborn(c: Ctx) -> None:
    shutil.rmtree(c.repo / ".git")
    git(c.repo.parent, "init", "-q", str(c.repo))


@spoiler("shallow-clone")
def _shallow(c: Ctx) -> None:
    (c.repo / "pkg" / "__init__.py").write_text("two = 1\n")
    git(c.repo, "commit", "-qam", "two")
    clone = c.root / "shallow"
    git(c.root, "clone", "-q", "--depth", "1", "file://" + str(c.repo), str(clone))
    (clone / "__pycache__").mkdir()
    (clone / "__pycache__" / "a.pyc").write_bytes(b"\0" * 100)
    c.repo = clone
    c.target = str(clone)
    c.cwd = clone


@spoiler("worktree")
def _worktree(c: Ctx) -> None:
    other = c.root / "wt"
    git(c.repo, "worktree", "add", "-q", str(other))
    (other / "__pycache__").mkdir()
    (other / "__pycache__" / "a.pyc").write_bytes(b"\0" * 100)
    c.repo = other
    c.target = str(other)
    c.cwd = other


@spoiler("submodule")
def _submodule(c: Ctx) -> None:
    sub = make_tree(c.root / "subsrc")
    env = {"GIT_ALLOW_PROTOCOL": "file"}
    subprocess.run(["git", "-C", str(c.repo), "-c", "protocol.file.allow=always", "submodule",
                    "add", "-q", str(sub), "vendor/sub"], check=True, capture_output=True,
                   env={**os.environ, **IDENTITY, **env})
    git(c.repo, "commit", "-qm", "sub")
    (c.repo / "vendor" / "sub" / "__pycache__").mkdir()
    (c.repo / "vendor" / "sub" / "__pycache__" / "a.pyc").write_bytes(b"\0" * 100)


@spoiler("bare-repo")
def _bare(c: Ctx) -> None:
    bare = c.root / "bare.git"
    git(c.root, "clone", "-q", "--bare", str(c.repo), str(bare))
    c.target = str(bare)
    c.cwd = bare


@spoiler("gitfile-nowhere")
def _gitfile(c: Ctx) -> None:
    shutil.rmtree(c.repo / ".git")
    (c.repo / ".git").write_text("gitdir: /nonexistent/modules/x\n")


@spoiler("git-dir-empty")
def _git_empty(c: Ctx) -> None:
    shutil.rmtree(c.repo / ".git")
    (c.repo / ".git").mkdir()


@spoiler("no-git")
def _no_git(c: Ctx) -> None:
    bin_dir = c.root / "bin"
    bin_dir.mkdir()
    os.symlink(PYTHON, bin_dir / "python")
    c.env["PATH"] = str(bin_dir)


@spoiler("old-git")
def _old_git(c: Ctx) -> None:
    """A git that says it is 2.0 and knows none of the newer options."""
    bin_dir = c.root / "bin"
    bin_dir.mkdir()
    real = shutil.which("git") or "/usr/bin/git"
    (bin_dir / "git").write_text(
        "#!/bin/sh\n"
        'case "$*" in *--version*) echo "git version 2.0.0"; exit 0;; esac\n'
        'for a in "$@"; do case "$a" in --no-optional-locks|-z|--format=*|--deduplicate'
        '|--sparse|--batch-all-objects|--unordered|--buffer) ;; esac; done\n'
        f'exec {real} "$@"\n')
    (bin_dir / "git").chmod(0o755)
    c.env["PATH"] = f"{bin_dir}:{c.env['PATH']}"


@spoiler("broken-git")
def _broken_git(c: Ctx) -> None:
    """A git on PATH that fails every call (a corrupt install)."""
    bin_dir = c.root / "bin"
    bin_dir.mkdir()
    (bin_dir / "git").write_text("#!/bin/sh\necho 'fatal: broken' >&2\nexit 128\n")
    (bin_dir / "git").chmod(0o755)
    c.env["PATH"] = f"{bin_dir}:{c.env['PATH']}"


@spoiler("home-unwritable")
def _home_ro(c: Ctx) -> None:
    c.env.pop("TIDY_STATE_DIR")
    for key in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        c.env.pop(key)
    c.home.chmod(0o555)
    c.cleanups.append(lambda: c.home.chmod(0o755))


@spoiler("home-missing")
def _home_missing(c: Ctx) -> None:
    c.env["HOME"] = str(c.root / "gone-home")
    for key in ("TIDY_STATE_DIR", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                "XDG_CONFIG_HOME"):
        c.env.pop(key)


@spoiler("state-dir-is-a-file")
def _state_file(c: Ctx) -> None:
    Path(c.env["TIDY_STATE_DIR"]).write_text("not a folder")


@spoiler("lang-c")
def _lang_c(c: Ctx) -> None:
    c.env.update(LANG="C", LC_ALL="C", PYTHONIOENCODING="")
    c.env.pop("PYTHONIOENCODING")
    _non_utf8(c)


@spoiler("latin1-locale")
def _latin1(c: Ctx) -> None:
    c.env.update(LANG="en_US.ISO-8859-1", LC_ALL="en_US.ISO-8859-1",
                 PYTHONIOENCODING="latin-1")
    _non_utf8(c)
    os.mkdir(c.repo / "日本")
    os.mkdir(c.repo / "日本" / "__pycache__")
    (c.repo / "日本" / "__pycache__" / "x.pyc").write_bytes(b"\0" * 10)


@spoiler("term-dumb-20-cols")
def _dumb(c: Ctx) -> None:
    c.env.update(TERM="dumb", COLUMNS="20", LINES="5")


@spoiler("tty-20-cols")
def _tty20(c: Ctx) -> None:
    c.stdout = "tty"
    c.env.update(COLUMNS="", LINES="")
    c.env.pop("COLUMNS")
    c.env.pop("LINES")
    c.env["_SWEEP_TTY_COLS"] = "20"


@spoiler("tty-dumb")
def _tty_dumb(c: Ctx) -> None:
    c.stdout = "tty"
    c.env.update(TERM="dumb")
    c.env.pop("COLUMNS")
    c.env["_SWEEP_TTY_COLS"] = "80"


@spoiler("tty-ctrl-c")
def _tty_ctrl_c(c: Ctx) -> None:
    """Ctrl-C typed on the terminal a second after start (at a prompt, or mid-run)."""
    c.stdout = "tty"
    c.env.pop("COLUMNS")
    c.env["_SWEEP_TTY_COLS"] = "80"
    c.env["_SWEEP_TTY_KEYS"] = "\x03"


@spoiler("tty-eof")
def _tty_eof(c: Ctx) -> None:
    """Ctrl-D (end of input) typed at whatever prompt comes."""
    c.stdout = "tty"
    c.env.pop("COLUMNS")
    c.env["_SWEEP_TTY_COLS"] = "80"
    c.env["_SWEEP_TTY_KEYS"] = "\x04"


@spoiler("stdout-closed")
def _closed(c: Ctx) -> None:
    c.stdout = "closed"


@spoiler("broken-pipe")
def _pipe(c: Ctx) -> None:
    c.stdout = "head1"
    for i in range(300):  # enough output to fill the pipe after `head -1` left
        d = c.repo / f"m{i}" / "__pycache__"
        d.mkdir(parents=True)
        (d / "a.pyc").write_bytes(b"\0" * 10)


@spoiler("cwd-deleted")
def _cwd_gone(c: Ctx) -> None:
    gone = c.root / "gone"
    gone.mkdir()
    c.cwd = gone
    c.cleanups.append(lambda: None)
    c.env["_SWEEP_RMDIR_CWD"] = "1"


def fill(path: Path) -> None:
    """Write until the filesystem is full (the last flush, at close, fails too)."""
    with contextlib.suppress(OSError), open(path, "wb", buffering=0) as f:
        while True:
            f.write(b"\0" * 4096)


@spoiler("readonly-fs", root=True)
def _readonly(c: Ctx) -> None:
    mnt = c.root / "ro"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], check=True)
    c.cleanups.append(lambda: subprocess.run(["umount", "-l", str(mnt)], check=False))
    shutil.copytree(c.repo, mnt / "repo", symlinks=True)
    subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
    c.repo = mnt / "repo"
    c.target = str(c.repo)
    c.cwd = c.repo


@spoiler("full-disk", root=True)
def _full(c: Ctx) -> None:
    mnt = c.root / "full"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], check=True)
    c.cleanups.append(lambda: subprocess.run(["umount", "-l", str(mnt)], check=False))
    shutil.copytree(c.repo, mnt / "repo", symlinks=True)
    fill(mnt / "filler")
    c.repo = mnt / "repo"
    c.target = str(c.repo)
    c.cwd = c.repo
    c.env["TIDY_STATE_DIR"] = str(mnt / "state")
    c.env["HOME"] = str(mnt)


@spoiler("state-on-full-disk", root=True)
def _state_full(c: Ctx) -> None:
    mnt = c.root / "full"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], check=True)
    c.cleanups.append(lambda: subprocess.run(["umount", "-l", str(mnt)], check=False))
    fill(mnt / "filler")
    c.env["TIDY_STATE_DIR"] = str(mnt / "state")


@spoiler("option-twice")
def _twice(c: Ctx) -> None:
    c.env["_SWEEP_EXTRA"] = "--format\x00json\x00--format\x00text"


@spoiler("sigterm")
def _sigterm(c: Ctx) -> None:
    c.env["_SWEEP_SIGNAL"] = str(int(signal.SIGTERM))


@spoiler("sigint")
def _sigint(c: Ctx) -> None:
    c.env["_SWEEP_SIGNAL"] = str(int(signal.SIGINT))


# --------------------------------------------------------------------------- running
def expand(command: Command, c: Ctx, out: Path) -> list[str]:
    return [a.replace("{target}", c.target).replace("{out}", str(out)) for a in command.argv]


def run_case(case: str, command: Command, workdir: Path) -> Outcome:
    spoil, _ = SPOILERS[case]
    root = workdir / f"{case}--{command.name}"
    root.mkdir(parents=True)
    repo = make_tree(root)
    env = base_env(root)
    c = Ctx(root=root, repo=repo, home=root / "home", env=env, cwd=repo, target=str(repo))
    out = root / "out"
    out.mkdir()
    try:
        try:
            spoil(c)
        except Exception as error:  # the sweep goes on; the case says why it did not run
            return Outcome(case, command.name, None, "", f"setup failed: {error!r}", [],
                           ["setup"])
        before = snapshot(c.repo)
        tracked = set(git_tracked(c.repo))
        argv = expand(command, c, out)
        extra = c.env.pop("_SWEEP_EXTRA", "")
        if extra and argv and argv[0] in ("scan", "fix", "log", "trash", "undo", "history"):
            argv = argv[:-1] + extra.split("\0") + argv[-1:] if "{target}" in command.argv[-1] \
                else argv + extra.split("\0")
        code, stdout, stderr = run_tidy(argv, c)
        lost = [rel for rel in lost_files(before, snapshot(c.repo), tracked, command.writes)
                if rel not in command.edits]
        outcome = Outcome(case, command.name, code, stdout, stderr, lost, [])
        takes_target = any("{target}" in a for a in command.argv)
        outcome.flags = flags(outcome, must_fail=c.must_fail and takes_target,
                              one_stream=c.stdout == "tty")
        return outcome
    finally:
        for undo in reversed(c.cleanups):
            with contextlib.suppress(Exception):
                undo()


def git_tracked(repo: Path) -> list[str]:
    try:
        listed = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"], capture_output=True,
                                check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return []
    return [os.fsdecode(p) for p in listed.split(b"\0") if p]


def run_tidy(argv: list[str], c: Ctx) -> tuple[int | None, str, str]:
    sig = int(c.env.pop("_SWEEP_SIGNAL", "0"))
    rm_cwd = c.env.pop("_SWEEP_RMDIR_CWD", "")
    cmd = [PYTHON, "-m", "tidy", *argv]
    pre: Callable[[], None] | None = None
    if rm_cwd:
        cwd = c.cwd

        def pre() -> None:
            os.chdir(cwd)
            os.rmdir(cwd)
    stdout: int | None = subprocess.PIPE
    if c.stdout == "closed":
        def pre_closed() -> None:
            os.close(1)
        pre = pre_closed
        stdout = None
    env = {**c.env, "PYTHONPATH": repo_root()}
    if c.stdout == "tty":
        return run_on_tty(cmd, c, env)
    proc = subprocess.Popen(cmd, cwd=None if rm_cwd else c.cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=stdout, stderr=subprocess.PIPE, preexec_fn=pre,
                            start_new_session=True)
    try:
        if c.stdout == "head1":
            assert proc.stdout is not None
            first = proc.stdout.readline()
            proc.stdout.close()
            err = proc.stderr.read() if proc.stderr else b""
            code = proc.wait(TIMEOUT)
            return code, first.decode(errors="replace"), err.decode(errors="replace")
        if sig:
            import time
            time.sleep(1.2)
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, sig)
        raw_out, raw_err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None, "", "HANG"
    return proc.returncode, (raw_out or b"").decode(errors="replace"), \
        raw_err.decode(errors="replace")


def run_on_tty(cmd: list[str], c: Ctx, env: dict[str, str]) -> tuple[int | None, str, str]:
    """The command with stdin, stdout and stderr on one pseudo-terminal of the given width;
    the keys, if any, typed after a second. What was drawn comes back as stderr (one stream)."""
    import fcntl
    import pty
    import struct
    import termios
    import time

    cols = int(env.pop("_SWEEP_TTY_COLS", "80"))
    keys = env.pop("_SWEEP_TTY_KEYS", "").encode().decode("unicode_escape").encode()
    if "browse" in cmd:
        keys += b"q"  # the app waits for its user (Ctrl-D is no quit key): quit it
    if not keys and "fix" in cmd and "-y" not in cmd:
        keys = b"n\r"  # the question waits for its answer: no
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))

    def own_terminal() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, cwd=c.cwd, env=env,
                            preexec_fn=own_terminal)
    os.close(slave)
    drawn = b""
    start = time.monotonic()
    os.set_blocking(master, False)
    while True:
        try:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            drawn += chunk
        except BlockingIOError:
            time.sleep(0.05)
        except OSError:  # EIO: the child's side is closed
            break
        if keys and time.monotonic() - start > (4.0 if "browse" in cmd else 1.0):
            os.write(master, keys)
            keys = b""
        if proc.poll() is not None and time.monotonic() - start > 0.2:
            with contextlib.suppress(OSError):
                drawn += os.read(master, 65536)
            break
        if time.monotonic() - start > TIMEOUT:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            os.close(master)
            return None, "", "HANG"
    os.close(master)
    code = proc.wait(TIMEOUT)
    text = drawn.decode(errors="replace").replace("\r\n", "\n")
    return code, "", text


def repo_root() -> str:
    return str(Path(__file__).resolve().parents[1])


def lost_files(before: dict[str, str], after: dict[str, str], tracked: set[str],
               writes: bool) -> list[str]:
    """Paths changed or gone. A writing command may move untracked artifacts (that is its job)
    but no tracked file may be gone or changed, except the files its fixes edit."""
    edited_by_fixes = {".gitignore", ".vscode/settings.json", ".ignore"}
    lost = []
    for rel, digest in before.items():
        if after.get(rel) == digest:
            continue
        if writes and (rel not in tracked or rel in edited_by_fixes):
            continue
        lost.append(rel)
    return lost


def flags(o: Outcome, *, must_fail: bool = False, one_stream: bool = False) -> list[str]:
    """What the run broke of the promise. `one_stream`: stdout and stderr were one terminal,
    so only the last line is the error's."""
    found = []
    if o.code is None:
        return ["hang"]
    if "Traceback (most recent call last)" in o.err:
        found.append("traceback")
    if "internal error" in o.err:
        found.append("internal")
    error_said = any(line.lower().startswith(("error", "tidy: error", "fatal"))
                     for line in o.err.splitlines())
    if o.code == 0 and (must_fail or error_said):
        found.append("exit-0")
    failing_lines = [line for line in o.err.splitlines() if line.strip()]
    if one_stream:
        failing_lines = failing_lines[-1:]
    if o.code not in (0, 1) and len(failing_lines) > 1 and "traceback" not in found:
        found.append("multi-line")
    if o.lost:
        found.append("lost")
    return found


# --------------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="cases or commands containing this")
    parser.add_argument("--command", default="", help="only commands containing this")
    parser.add_argument("--keep", action="store_true", help="keep the temp trees")
    parser.add_argument("--all", action="store_true", help="print every outcome, flagged or not")
    args = parser.parse_args(argv)
    is_root = os.geteuid() == 0
    bad = 0
    total = 0
    with workdir(args.keep) as where:
        for case, (_, needs_root) in SPOILERS.items():
            if args.only and args.only not in case:
                continue
            if needs_root and not is_root:
                print(f"skip {case}: needs root (mounts)")
                continue
            for command in COMMANDS:
                if args.command and args.command not in command.name:
                    continue
                total += 1
                o = run_case(case, command, where)
                if o.flags or args.all:
                    bad += bool(o.flags)
                    err = o.err.strip().replace("\n", " | ")[:400]
                    print(f"{','.join(o.flags) or 'ok':14} {case:26} {command.name:16} "
                          f"exit={o.code} lost={o.lost[:3]} err={err}", flush=True)
    print(f"{total} runs, {bad} flagged")
    return 1 if bad else 0


@contextlib.contextmanager
def workdir(keep: bool) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="tidy-sweep-"))
    try:
        yield path
    finally:
        if not keep:
            subprocess.run(["chmod", "-R", "u+rwx", str(path)], check=False,
                           capture_output=True)
            shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
