"""Blobs as git will commit or push them: index entries, blobs added in a range, their sizes.

The hooks judge what git stores, never the working tree: a file staged at 2 MB and shrunk
afterwards is still committed at 2 MB (pre-commit/pre-commit#2013). Every question costs one
git process however many paths it covers: `git ls-files -s` for the index, one
`git log --raw` for a whole range, one `git cat-file --batch-check` for all sizes.

Inside a git hook, git sets GIT_INDEX_FILE (to a temporary index for `git commit -a` or
`git commit PATH`) and GIT_DIR; `hook_env()` keeps them so the hook reads the index that is
about to be committed. Scans outside hooks use `tidy.workspace.git.git_env()`, which drops them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

ZERO_SHA = "0" * 40
GITLINK, SYMLINK = "160000", "120000"


class GitError(RuntimeError):
    """git could not answer (not a repository, a bad ref): a usage error for the hook."""


@dataclass(frozen=True)
class Blob:
    path: str  # relative to the repo root, POSIX
    mode: str  # "100644", "100755", "120000" (symlink), "160000" (submodule)
    sha: str
    size: int = -1  # bytes of the blob; -1 until asked, or when git does not have it
    commit: str = ""  # range mode: the commit that added or changed it
    status: str = "A"  # range mode: A added, M modified, T type changed

    @property
    def is_file(self) -> bool:
        return self.mode not in (GITLINK, SYMLINK)


def hook_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env["GIT_OPTIONAL_LOCKS"] = "0"
    env["GIT_LITERAL_PATHSPECS"] = "1"  # file names are names, never globs
    env.update(extra or {})
    return env


def git(cwd: str, args: Sequence[str], env: Mapping[str, str] | None = None,
        stdin: bytes | None = None) -> bytes:
    executable = shutil.which("git")
    if executable is None:
        raise GitError("git is not on PATH")
    proc = subprocess.run([executable, *args], cwd=cwd, input=stdin, capture_output=True,
                          env=dict(env) if env is not None else hook_env(), check=False)
    if proc.returncode != 0:
        first = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(first[0] if first else f"git {args[0]} failed")
    return proc.stdout


def repo_root(cwd: str, env: Mapping[str, str] | None = None) -> str:
    """The work tree's top folder (`git rev-parse --show-toplevel`)."""
    try:
        out = git(cwd, ["rev-parse", "--show-toplevel"], env)
    except GitError as error:
        raise GitError(f"not inside a git work tree ({error})") from None
    return os.fsdecode(out.rstrip(b"\n"))


def _decode(raw: bytes) -> str:
    return os.fsdecode(raw)


def index_entries(root: str, paths: Sequence[str] | None = None,
                  env: Mapping[str, str] | None = None) -> list[Blob]:
    """Stage-0 index entries for `paths` (all when None); conflicted paths are left out."""
    args = ["ls-files", "-s", "-z"]
    if paths is not None:
        if not paths:
            return []
        args += ["--", *paths]
    entries = []
    for record in git(root, args, env).split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, sha, stage = meta.decode("ascii").split(" ")
        if stage == "0":
            entries.append(Blob(_decode(name), mode, sha))
    return entries


def index_paths(root: str, env: Mapping[str, str] | None = None) -> list[str]:
    return [_decode(p) for p in git(root, ["ls-files", "-z"], env).split(b"\0") if p]


def added_paths(root: str, env: Mapping[str, str] | None = None) -> set[str]:
    """Paths staged as new (`git diff --cached --diff-filter=A`); all of them before a commit."""
    has_head = _has_commit(root, "HEAD", env)
    if not has_head:
        return set(index_paths(root, env))
    out = git(root, ["diff", "--cached", "--name-only", "--no-renames", "--diff-filter=A", "-z"],
              env)
    return {_decode(p) for p in out.split(b"\0") if p}


def _has_commit(root: str, ref: str, env: Mapping[str, str] | None) -> bool:
    try:
        git(root, ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], env)
    except GitError:
        return False
    return True


def object_sizes(root: str, shas: Iterable[str],
                 env: Mapping[str, str] | None = None) -> dict[str, int]:
    """Sizes of objects by id, in one `cat-file --batch-check`; missing objects are left out."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    out = git(root, ["cat-file", "--batch-check=%(objectname) %(objectsize)"], env,
              stdin="".join(f"{sha}\n" for sha in wanted).encode("ascii"))
    sizes = {}
    for line in out.decode("ascii", "replace").splitlines():
        name, _, size = line.partition(" ")
        if size.isdigit():  # "<sha> missing" otherwise
            sizes[name] = int(size)
    return sizes


def with_sizes(root: str, blobs: Sequence[Blob],
               env: Mapping[str, str] | None = None) -> list[Blob]:
    sizes = object_sizes(root, (b.sha for b in blobs if b.is_file), env)
    return [Blob(b.path, b.mode, b.sha, sizes.get(b.sha, -1), b.commit, b.status) for b in blobs]


def read_blobs(root: str, shas: Iterable[str], env: Mapping[str, str] | None = None,
               ) -> dict[str, bytes]:
    """Contents of blobs by id, in one `cat-file --batch` process."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    out = git(root, ["cat-file", "--batch"], env,
              stdin="".join(f"{sha}\n" for sha in wanted).encode("ascii"))
    contents: dict[str, bytes] = {}
    position = 0
    while position < len(out):
        end = out.index(b"\n", position)
        header = out[position:end].decode("ascii", "replace").split(" ")
        position = end + 1
        if len(header) != 3:  # "<sha> missing"
            continue
        size = int(header[2])
        contents[header[0]] = out[position:position + size]
        position += size + 1  # the blob is followed by a newline
    return contents


def range_blobs(root: str, from_ref: str | None, to_ref: str,
                env: Mapping[str, str] | None = None) -> list[Blob]:
    """Every blob a commit in FROM..TO added or changed, in every commit: a file added in one
    commit and deleted in a later one is still listed (it is still pushed)."""
    revision = to_ref if not from_ref or from_ref == ZERO_SHA else f"{from_ref}..{to_ref}"
    # One process for the whole range; merges show nothing of their own (their sides'
    # commits are in the range and show the additions themselves).
    out = git(root, ["log", "--no-renames", "--raw", "--no-abbrev", "-z", "--diff-filter=AMT",
                     "--format=%x01%H", revision, "--"], env)
    return _parse_log(out)


def _parse_log(out: bytes) -> list[Blob]:
    """Tokens of `log -z --raw --format=%x01%H`: '\x01<commit>', then per change a
    ':old_mode new_mode old_sha new_sha status' token and a path token. Read in order, so a
    path holding odd bytes is never mistaken for a header."""
    tokens = out.split(b"\0")
    blobs: list[Blob] = []
    commit = ""
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if token.startswith(b"\x01"):
            commit = token[1:].decode("ascii")
        elif token.startswith(b":") and index < len(tokens):
            fields = token[1:].decode("ascii").split(" ")
            name = tokens[index]
            index += 1
            if len(fields) == 5:
                blobs.append(Blob(_decode(name), fields[1], fields[3], commit=commit,
                                  status=fields[4][:1]))
    return blobs


def paths_at(root: str, ref: str, env: Mapping[str, str] | None = None) -> set[str]:
    """Paths that exist in `ref`'s tree."""
    out = git(root, ["ls-tree", "-r", "-z", "--name-only", ref], env)
    return {_decode(p) for p in out.split(b"\0") if p}


def tree_blobs(root: str, ref: str, env: Mapping[str, str] | None = None) -> list[Blob]:
    """Every blob of `ref`'s tree with its size (`git ls-tree -r -l`)."""
    out = git(root, ["ls-tree", "-r", "-l", "-z", "--full-tree", ref], env)
    blobs = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, _kind, sha, size = meta.decode("ascii").split()
        blobs.append(Blob(_decode(name), mode, sha, int(size) if size.isdigit() else -1))
    return blobs


def history_disk_usage(root: str, env: Mapping[str, str] | None = None) -> int:
    """Bytes the objects reachable from every ref take in the object store (packed)."""
    out = git(root, ["rev-list", "--all", "--objects", "--disk-usage"], env)
    text = out.decode("ascii").strip()
    return int(text) if text.isdigit() else 0
