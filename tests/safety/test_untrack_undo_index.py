"""`tidy undo` of an untrack never overwrites what the user staged at that path since.

Untrack (and `git rm` of a vendored library, which untracks then trashes) records the index
entries it takes out; undo wrote them back with `git update-index --index-info` whatever the
index held by then. A user who had added a newer copy of the library at the same path and
staged it (`git add`) had those staged entries replaced by the old blobs: the index said
the old files, the work tree the new ones, and `tidy undo` reported the library as put
back. Now undo leaves an index that tracks something at that path again alone, and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.safety.helpers import tidy

MINIFIED = "var a=function(){return 1};" * 400 + "\n"


@pytest.mark.slow
def test_undo_keeps_what_was_staged_at_the_path_since(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "site")
    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", MINIFIED)
    write(repo / "templates/base.html", "<p>no scripts</p>\n")
    commit(repo)
    state = tmp_path / "st"
    done = tidy("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select", "TDY401",
                "--format", "json", cwd=repo, state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (repo / "static/vendor/ketcher").exists()

    # The user vendors a newer ketcher at the same path and stages it.
    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "3.0.0"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", "/* ketcher 3 */\n" + MINIFIED)
    git(repo, "add", "static/vendor/ketcher")
    staged = git(repo, "ls-files", "-s", "static/vendor/ketcher")

    undo = tidy("undo", cwd=repo, state=state)
    assert undo.returncode == 1, undo.stdout + undo.stderr  # nothing could go back: look
    assert git(repo, "ls-files", "-s", "static/vendor/ketcher") == staged
    assert '"3.0.0"' in (repo / "static/vendor/ketcher/package.json").read_text()
    assert json.loads(done.stdout)["run"] in undo.stdout
