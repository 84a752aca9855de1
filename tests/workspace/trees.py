"""Trees the walk tests draw (hypothesis) and write: a node is a file's size or a folder."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.conftest import write
from tidy.workspace.pool import WorkerPool

NOBODY = 65534

Node = int | dict[str, Any]  # a file of that many bytes, or a folder of named nodes


def materialise(path: Path, node: Node, files: list[Path], dirs: list[Path],
                size: Callable[[Path, int], int] = lambda _path, drawn: drawn) -> None:
    """`node` written at `path`, every file and folder made appended to `files`/`dirs`;
    `size(path, drawn)`: the bytes a file gets (the drawn number, unless told otherwise)."""
    if isinstance(node, int):
        write(path, size=size(path, node))
        files.append(path)
        return
    path.mkdir(parents=True, exist_ok=True)
    dirs.append(path)
    for name, child in node.items():
        materialise(path / name, child, files, dirs, size)


def as_nobody(work: Callable[[], Any]) -> Any:
    """`work()` in a forked child that dropped to nobody (root reads every folder), its
    answer pickled back; in this process when not root."""
    if os.geteuid() != 0:
        return work()
    with WorkerPool(2) as pool:  # loaded now what a pool imports lazily: nobody cannot read
        executor = pool.get()  # root's interpreter
        assert executor is not None
        executor.submit(int).result()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            answer: Any = ("ok", work())
        except BaseException as error:  # reported to the parent, which fails the test
            answer = ("crash", repr(error))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(pickle.dumps(answer))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    status, value = pickle.loads(payload)
    assert status == "ok", value
    return value


@contextlib.contextmanager
def open_tree() -> Iterator[Path]:
    """A folder `nobody` can enter (tmp_path is 0700), removed afterwards whatever was closed."""
    top = Path(tempfile.mkdtemp(prefix="tidy-walk-"))
    top.chmod(0o755)
    try:
        yield top
    finally:
        for folder, dirs, _files in os.walk(top):
            for name in dirs:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    with contextlib.suppress(OSError):
                        os.chmod(path, 0o755)
        shutil.rmtree(top, ignore_errors=True)


# ------------------------------------------------------------------ random trees
# Name fragments: spaces, accents, CJK, a newline, a byte that is not UTF-8 (as os.fsdecode
# gives it back), dots, dashes; and names the walk treats specially.
_FRAGMENTS = ["a", "b", "Z", " ", "é", "日本", "\n", os.fsdecode(b"\xe9"), "-", ".x", "~1"]
_SPECIAL = ["node_modules", "__pycache__", ".mypy_cache", ".git", ".gitignore", "skipme",
            "big.bin", "mod.pyc", "mod.py", ".ignore", "target", "Cargo.toml"]
names = st.one_of(
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=4).map("".join),
    st.sampled_from(_SPECIAL),
).filter(lambda n: n not in (".", ".."))
random_tree = st.recursive(
    st.integers(min_value=0, max_value=9000),  # a file of this many bytes
    lambda children: st.dictionaries(names, children, max_size=5),  # a folder
    max_leaves=20,
)


def sized(path: Path, drawn: int) -> int:
    return 1_000_000 + drawn if path.name == "big.bin" else drawn  # a big file now and then


SYMLINKS = ["file", "dir", "outside", "dangling", "loop"]


def make_symlink(data: st.DataObject, what: str, at: Path, files: list[Path],
                 dirs: list[Path]) -> bool:
    """A symlink of kind `what` (one of SYMLINKS) made at `at`; False for another kind (or a
    file link with no file to point at)."""
    if what == "file" and files:
        target = os.path.relpath(data.draw(st.sampled_from(files)), at.parent)
    elif what == "dir":
        target = os.path.relpath(data.draw(st.sampled_from(dirs)), at.parent)
    elif what in ("outside", "dangling", "loop"):
        target = {"outside": "/usr", "dangling": "no such target", "loop": "."}[what]
    else:
        return False
    os.symlink(target, at)
    return True


def decorate(data: st.DataObject, top: Path, files: list[Path], dirs: list[Path]) -> None:
    """Links of every kind, nested repos, a big artifact, unreadable folders."""
    for _ in range(data.draw(st.integers(0, 8), label="extras")):
        where = data.draw(st.sampled_from(dirs))
        name = data.draw(names) + "-x"
        if os.path.lexists(where / name):
            continue
        what = data.draw(st.sampled_from(
            ["same-folder hard link", "file", "dir", "outside", "dangling", "loop", "repo",
             "gitfile", "big artifact", "closed", "unlistable"]))
        siblings = [f for f in files if f.parent == where and f.is_file()]
        if what == "same-folder hard link" and siblings:
            os.link(data.draw(st.sampled_from(siblings)), where / name)
        elif make_symlink(data, what, where / name, files, dirs):
            pass
        elif what == "repo":  # a nested repository: its .git is never entered
            write(where / name / ".git" / "HEAD", "ref: refs/heads/main\n")
            write(where / name / "src" / "m.py", "x = 1\n")
        elif what == "gitfile":  # a submodule's or worktree's `.git` file
            write(where / name / ".git", "gitdir: ../elsewhere\n")
        elif what == "big artifact":  # enough subfolders to be measured on the workers
            modules = where / name / "node_modules"
            for i in range(34):
                write(modules / f"p{i}" / "index.js", size=i * 7)
            write(modules / "p0" / ".git" / "HEAD", "x")
        elif what == "closed":
            write(where / name / "inside.txt", "secret")
            (where / name).chmod(0)
        elif what == "unlistable":
            write(where / name / "inside.txt", "secret")
            (where / name).chmod(0o311)  # can be entered, not listed
