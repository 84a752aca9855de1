"""`tidy cache clear` removes only the file tidy writes, and says so in one line.

The content cache is one regular file, `<git dir>/tidy/content-cache.json`. Before, a folder
standing at that name made `tidy cache clear` an internal error (exit 3, IsADirectoryError),
a fifo there was unlinked as if it were the cache, and a repository whose name holds a
newline printed its path over two lines. Now anything but a regular file (or a link, the
link itself) is left alone with one line naming it, exit 1; paths are printed escaped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.safety.helpers import tidy

ODD = os.fsdecode(b"re\npo\xff")


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_something_else_at_the_cache_name_is_named_and_left_alone(tmp_path: Path,
                                                                  kind: str) -> None:
    repo = make_repo(tmp_path / ODD)
    cache = repo / ".git" / "tidy" / "content-cache.json"
    cache.parent.mkdir()
    if kind == "folder":
        write(cache / "mine.txt", "mine\n")
    else:
        os.mkfifo(cache)

    done = tidy("cache", "clear", str(repo), cwd=tmp_path, state=tmp_path / "st")
    assert done.returncode == 1, done.stdout + done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    assert len(lines) == 1 and "content-cache.json" in lines[0], lines
    assert "re\\npo\\xff" in lines[0], lines
    if kind == "folder":
        assert (cache / "mine.txt").read_text() == "mine\n"
    else:
        assert cache.is_fifo()


def test_the_cache_of_an_oddly_named_repo_is_removed_in_one_line(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / ODD)
    cache = write(repo / ".git" / "tidy" / "content-cache.json", "{}")
    done = tidy("cache", "clear", str(repo), cwd=tmp_path, state=tmp_path / "st")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("\n") == 1 and "re\\npo\\xff" in done.stdout, done.stdout
    assert not cache.exists()
    bad = tidy("cache", "clear", str(tmp_path / "no\nsuch"), cwd=tmp_path, state=tmp_path / "st")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad.stderr
