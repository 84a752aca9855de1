"""A vendored library whose folder name is not UTF-8 (and holds a newline and a leading dash).

The content pass keyed its search patterns with `str.encode()`: a folder name git and the
walk decode with surrogateescape (b"\\xff" -> "\\udcff") made every `tidy scan` and `tidy fix`
of the repo an internal error (exit 3). Now the scan reports the library, `git rm -r` takes
exactly its entries out, and undo puts them back byte for byte.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.safety.helpers import tidy

MINIFIED = "var a=function(){return 1};" * 400 + "\n"


@pytest.mark.slow
def test_git_rm_and_undo_of_a_library_with_a_non_utf8_name(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "site")
    name = os.fsdecode(b"-ke\ntch\xffer")
    write(repo / "static/vendor" / name / "package.json", '{"name": "ketcher"}')
    write(repo / "static/vendor" / name / "ketcher.min.js", MINIFIED)
    write(repo / "templates/base.html", "<p>no scripts</p>\n")
    commit(repo)
    index = git(repo, "ls-files", "-s", "-z")
    state = tmp_path / "st"
    scan = tidy("scan", "--format", "json", cwd=repo, state=state)
    assert scan.returncode in (0, 1), scan.stderr
    done = tidy("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select", "TDY401",
                cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (repo / "static/vendor" / name).exists()
    assert git(repo, "ls-files", "-z") == "templates/base.html\0"
    undone = tidy("undo", cwd=repo, state=state)
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert git(repo, "ls-files", "-s", "-z") == index
    assert (repo / "static/vendor" / name / "ketcher.min.js").read_text() == MINIFIED
