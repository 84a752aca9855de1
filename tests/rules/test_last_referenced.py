"""TDY401's "last referenced" through a real `tidy scan` (the CLI in a subprocess), with every
git it starts recorded (tests.git_calls): the repo's size asked once a scan, and the one-walk
path (the content pass counting the libraries' paths, one `git log --raw` listing, blobs from
`git cat-file --batch`) giving what `git log -1 -S<path> -- . ':(exclude)<path>'` gives.

Which path a scan takes is git's real answer about the repo (githistory.history_walk_pays:
object bytes x libraries asked against WALK_MIN_WORK): a big history is a real one, a
WALK_MIN_WORK-sized blob of random bytes committed and dropped, no threshold bent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import commit, findings, git, make_repo, run_cli, write
from tests.git_calls import GitCall, GitRecorder
from tests.rules.test_vendored import _library
from tidy.workspace.early import EARLY_MIN_INDEX_BYTES
from tidy.workspace.githistory import WALK_MIN_WORK

KETCHER = "static/vendor/ketcher"
# A tracked file with a long name: an index entry of 62 bytes + its name, 8-byte aligned.
_LONG_NAME = ("src/package_{:02d}/a_subpackage_whose_name_is_long_enough/"
              "a_module_whose_name_is_as_long_as_some_generated_ones_{:04d}.py")
# Enough of them for the index to pass EARLY_MIN_INDEX_BYTES: the libraries are then found
# and "last referenced" answered by the early job, in a worker.
_MANY_FILES = EARLY_MIN_INDEX_BYTES // (62 + len(_LONG_NAME.format(0, 0))) + 100


def _site(repo: Path, *, big_history: bool, big_index: bool) -> None:
    """ketcher referenced, dropped, referenced again from another page and dropped again,
    then an unrelated commit; jquery referenced throughout (used: never asked about)."""
    _library(repo, KETCHER, "ketcher")
    _library(repo, "static/vendor/jquery", "jquery", entry="jquery-3.6.0.min.js")
    write(repo / "templates/base.html",
          f'<script src="/{KETCHER}/ketcher.min.js"></script>\n'
          '<script src="/static/vendor/jquery/jquery-3.6.0.min.js"></script>\n')
    if big_history:
        write(repo / "data/capture.bin", os.urandom(WALK_MIN_WORK))  # incompressible
    if big_index:
        for n in range(_MANY_FILES):
            write(repo / _LONG_NAME.format(n // 100, n), f"VALUE = {n}\n")
    commit(repo, message="add the site")
    if big_history:
        git(repo, "rm", "-q", "data/capture.bin")
        commit(repo, message="drop the capture")
    write(repo / "templates/base.html",
          '<script src="/static/vendor/jquery/jquery-3.6.0.min.js"></script>\n')
    commit(repo, message="drop the editor page")
    write(repo / "templates/editor.html", f'<script src="/{KETCHER}/ketcher.min.js"></script>\n')
    commit(repo, message="bring the editor back")
    git(repo, "rm", "-q", "templates/editor.html")
    commit(repo, message="drop the editor again")
    write(repo / "app/views.py", "X = 1\n")
    commit(repo, message="an unrelated change")
    # Packed as a clone is: count-objects counts a loose object's whole disk blocks, and
    # thousands of small files would make a big history of a small one.
    git(repo, "repack", "-a", "-d", "-q")


def _git_log_s(repo: Path, path: str) -> str:
    """What tidy answered before the walk: git's own pickaxe, run directly."""
    return git(repo, "log", "-1", "--format=%h %as %s", f"-S{path}", "--", ".",
               f":(exclude){path}").strip()


def _scan(repo: Path, recorder: GitRecorder) -> tuple[dict[str, str], list[GitCall]]:
    """`tidy scan --no-cache` (nothing remembered: git is asked everything) through the
    recording git; TDY401's details of ketcher, and the git calls."""
    recorder.clear()
    result = run_cli("scan", str(repo), "--format", "json", "--no-cache", "--select", "TDY4",
                     cwd=repo, env=recorder.env())
    assert result.code in (0, 1), result.err
    [unused] = [f for f in findings(result.json(), "TDY401") if f["path"] == KETCHER]
    return dict(unused["details"]), recorder.calls()


def _walked(calls: list[GitCall]) -> bool:
    """The one-walk path: a `git log --raw` listing, blobs through `cat-file --batch`, and no
    `git log -S` (asserted both ways: a scan takes one path or the other)."""
    listing = any(c.asks("log") and "--raw" in c.args for c in calls)
    pickaxe = any(c.asks("log") and any(a.startswith("-S") for a in c.args) for c in calls)
    assert listing != pickaxe, [c.args for c in calls]
    return listing


@pytest.mark.slow
@pytest.mark.parametrize("big_index", [False, True], ids=["checks", "early-job"])
@pytest.mark.parametrize("big_history", [False, True], ids=["git-log-S", "one-walk"])
def test_last_referenced_end_to_end(tmp_path: Path, big_history: bool, big_index: bool) -> None:
    repo = make_repo(tmp_path / "site")
    _site(repo, big_history=big_history, big_index=big_index)
    expected = _git_log_s(repo, KETCHER)
    assert expected.endswith("drop the editor again")
    details, calls = _scan(repo, GitRecorder(tmp_path / "git"))
    assert details["last referenced"] == expected
    # The repo's size is asked once a scan: the choice of needles the content pass counts
    # and "last referenced"'s choice of method share the answer.
    [size] = [c for c in calls if c.asks("count-objects")]
    # ... by the early job in a worker for a big index, else by the checks after the walk
    # (in the process that listed the index with `ls-files --cached` as the walk began)
    [listing] = [c for c in calls if c.args[-2:] == ("-z", "--cached")]
    assert (size.parent != listing.parent) == big_index
    # HEAD, which the answers are kept under, is asked once too: the early job hands its
    # answer to the check
    assert len([c for c in calls if c.asks("rev-parse") and "HEAD" in c.args]) == 1
    # A history of WALK_MIN_WORK bytes with one library to ask about takes the walk; the
    # needles were counted by the pass and the older blobs read by cat-file.
    assert _walked(calls) == big_history
    if big_history:
        assert any(c.asks("cat-file", "--batch") for c in calls)


@pytest.mark.slow
def test_the_one_walk_lets_cat_file_go_from_a_fifo_config(tmp_path: Path) -> None:
    """`git cat-file --batch` reads .git/config as it starts, before it answers: with a FIFO
    there the blob reader's first readline waited for ever. Now the FIFO is let go (as for
    every git of a scan), and the answer is git's own."""
    repo = make_repo(tmp_path / "site")
    _site(repo, big_history=True, big_index=False)
    expected = _git_log_s(repo, KETCHER)
    config = repo / ".git" / "config"
    config.unlink()
    os.mkfifo(config)
    result = run_cli("scan", str(repo), "--format", "json", "--no-cache", "--select", "TDY4",
                     cwd=repo, timeout=60)
    assert result.code in (0, 1), result.err
    [unused] = [f for f in findings(result.json(), "TDY401") if f["path"] == KETCHER]
    assert dict(unused["details"])["last referenced"] == expected


@pytest.mark.slow
def test_a_rescan_at_the_same_commit_asks_the_repo_size_no_more(tmp_path: Path) -> None:
    """The repo's size chooses how to walk the history; the early job notes it under HEAD,
    so a rescan at that commit (with the cache) starts no `git count-objects`; after a new
    commit it is asked again, once. The answer stays git's own."""
    repo = make_repo(tmp_path / "site")
    _site(repo, big_history=True, big_index=True)
    recorder = GitRecorder(tmp_path / "git")

    def scan() -> tuple[str, list[GitCall]]:
        recorder.clear()
        result = run_cli("scan", str(repo), "--format", "json", "--select", "TDY4", cwd=repo,
                         env=recorder.env())
        assert result.code in (0, 1), result.err
        [unused] = [f for f in findings(result.json(), "TDY401") if f["path"] == KETCHER]
        return dict(unused["details"])["last referenced"], recorder.calls()

    def sizes(calls: list[GitCall]) -> int:
        return len([c for c in calls if c.asks("count-objects")])

    first, calls = scan()
    assert first == _git_log_s(repo, KETCHER)
    assert sizes(calls) == 1
    again, calls = scan()
    assert again == first
    assert sizes(calls) == 0
    write(repo / "app/other.py", "Y = 2\n")
    commit(repo, message="another commit")
    later, calls = scan()
    assert later == _git_log_s(repo, KETCHER)
    assert sizes(calls) == 1
