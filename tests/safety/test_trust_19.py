"""Trust round 19: tidy's own state as untrusted input, config files through links.

The content cache's blob table (workspace/content_cache: how often each vendored library's
path occurs in a blob, by blob id, for TDY401's "last referenced") needs no stat to be used:
a blob id names its bytes for ever. On b6d55fb it was taken from any well-formed cache file
this user owns in the git directory, and a git directory is a folder others write (a
downloaded or unpacked repo's .git, where the unpacking user owns every file): a table of the
right shape that says no blob ever named the library made a scan report "last referenced"
wrongly. Now the table is signed with the user's key (content_notes' key, as the notes and the
index memo's answers are): a table this user's tidy did not write for this root is no table.

Config files hard-linked to a file outside the root (each file tidy edits), a cache or state
file swapped for a FIFO or a link: tried, held (tests here keep them held).

A program whose main thread alone has left (pthread_exit in main, the process running on in
another thread): /proc/PID read nothing of it, so the look saw no user and the folder it held
was moved (on f35d019); now read through a live thread (workspace/procfs.live_thread).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import findings, make_repo, run_cli, write
from tests.fixes.helpers import backdate
from tests.rules.test_last_referenced import KETCHER, _site
from tests.safety.helpers import EDITED, config_repo, tidy, used_and_unused_node_modules
from tests.users import detached, leader_leaves, thread_state
from tidy.workspace import content_cache, content_notes

TAIL = content_cache.TAIL


def _ketcher(repo: Path, *flags: str) -> dict[str, str]:
    """TDY401's details of ketcher from `tidy scan` (with the cache unless flags say)."""
    result = run_cli("scan", str(repo), "--format", "json", "--select", "TDY4", *flags,
                     cwd=repo)
    assert result.code in (0, 1), result.err
    [unused] = [f for f in findings(result.json(), "TDY401") if f["path"] == KETCHER]
    return dict(unused["details"])


def _forge_blob_table(cache: Path) -> int:
    """Rewrite the cache's blob table (as whoever writes the git directory may): every blob
    said to hold none of the libraries' paths. The number of blobs it lies about."""
    data = cache.read_bytes()
    end = data.index(TAIL)
    body = json.loads(data[:end])
    blobs = body["blobs"]
    lied = [sha for sha, row in blobs["counts"].items() if any(row) and len(sha) == 40]
    zero = sorted({*(blobs["zero"][i:i + 40] for i in range(0, len(blobs["zero"]), 40)),
                   *lied})
    blobs["zero"] = "".join(zero)
    blobs["counts"] = {sha: row for sha, row in blobs["counts"].items() if sha not in lied}
    cache.write_bytes(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
                      + data[end:])
    return len(lied)


def _kept_table(repo: Path, cache: Path) -> content_cache.BlobTable:
    """The blob table a scan of `repo` takes from `cache`."""
    data = cache.read_bytes()
    shape = json.loads(data[:data.index(TAIL)])["shape"]
    return content_cache.load(str(cache), str(repo), shape, content_notes.signing_key).blobs


@pytest.mark.slow
def test_a_forged_blob_table_in_the_git_dir_never_changes_last_referenced(
        tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "site")
    _site(repo, big_history=True, big_index=False)
    truth = _ketcher(repo, "--no-cache")
    assert _ketcher(repo) == truth  # the walk counted every blob and kept the table
    cache = Path(content_cache.cache_path(str(repo)))
    assert len(_kept_table(repo, cache)) > 0  # this user's tidy's own table is used
    assert _forge_blob_table(cache) > 0
    # A downloaded .git holds no notes this user's key signed: the history is walked again
    (cache.parent / "content-notes.json").unlink()

    assert _ketcher(repo) == truth
    _forge_blob_table(cache)  # again, over the table that scan kept
    assert len(_kept_table(repo, cache)) == 0, "a table this user's tidy did not sign is read"


@pytest.mark.slow
@pytest.mark.parametrize("rel", EDITED)
def test_a_config_file_hard_linked_to_a_file_outside_is_not_edited(tmp_path: Path,
                                                                  rel: str) -> None:
    """Held on b6d55fb: a second name outside the root is refused as any second name is."""
    repo = config_repo(tmp_path / "repo")
    if not (repo / rel).exists():
        write(repo / rel, "")
    outside = tmp_path / "outside" / "shared"
    outside.parent.mkdir()
    os.link(repo / rel, outside)
    before = outside.read_bytes()
    backdate(repo)

    done = tidy("fix", "--yes", "--skip-recent", "0s", ".", cwd=repo, state=tmp_path / "st")

    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{rel} has 2 hard links" in done.stdout, done.stdout
    assert outside.read_bytes() == before and os.path.samefile(repo / rel, outside)


def test_a_program_whose_main_thread_left_keeps_the_folder_it_holds(tmp_path: Path) -> None:
    """Fails on f35d019: project a's node_modules, which the program works in and holds a
    file of, was moved into the trash; b's, which nobody uses, moves either way."""
    ws, state = tmp_path / "ws", tmp_path / "state"
    project, held, other = used_and_unused_node_modules(ws)
    program = leader_leaves(tmp_path)
    with detached([str(program), str(held.parent), str(held)]) as pid:
        deadline = time.monotonic() + 10
        while thread_state(pid) != b"Z" and time.monotonic() < deadline:
            time.sleep(0.01)  # the main thread is leaving
        assert thread_state(pid) == b"Z", "the main thread did not leave"
        fix = tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(ws),
                   cwd=tmp_path, state=state)
        assert held.exists(), "a folder a running program holds was moved: " + fix.stdout
        outcomes = {o["path"]: o for o in json.loads(fix.stdout)["result"]["outcomes"]}
        mine = outcomes[str(project / "node_modules")]
        assert mine["status"] == "skipped" and f"in use by pid {pid}" in mine["reason"], mine
        assert not other.exists(), "the unused node_modules was not moved"
