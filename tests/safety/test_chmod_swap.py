"""tidy makes a folder of the user's own that it may not open readable before it deletes it
(a Go module cache is read-only); that chmod never reaches through a link.

Before: fdops._chmod_owner called chmod by name, which follows a symlink. Deleting what a
copy-fallback move copied (remove_copied_at, in the user's own tree, which another user may
be able to write in a shared folder): a folder tidy could not open, swapped for a link to a
file of the user's between the failed open and the chmod, had that file get the folder's
mode plus rwx for the owner (measured: a private 0600 file made 0733, writable by anyone).
Now the chmod goes through an O_PATH|O_NOFOLLOW descriptor checked to be that folder.

A real non-root user (uid 65534) runs tidy on a tree it owns on a tmpfs whose top it may
not write (so the copy fallback is taken); strace holds tidy at the copy's rename (root, the
other user here, puts a folder tidy may not open in place) and at the chmod (it swaps in the
link).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import write
from tests.safety.helpers import strace_hold
from tests.safety.moves_helpers import node_project
from tests.safety.other_user import USER, readable_python, user_env

HOLD_US = 3_000_000


@pytest.mark.slow
def test_the_chmod_of_a_folder_tidy_cannot_open_never_follows_a_link(user_tree: Path) -> None:
    python = readable_python()
    if python is None:
        pytest.skip("no python the other user can run tidy with")
    root = node_project(user_tree, repo=False)
    secret = write(user_tree / "secret.txt", "the user's private key\n")
    secret.chmod(0o600)
    state = Path(tempfile.mkdtemp(prefix="tidy-chmod-state-"))  # another filesystem
    state.chmod(0o700)
    for path in [root, *root.rglob("*"), secret, state]:
        os.chown(path, USER, USER, follow_symlinks=False)
    old = time.time() - 7200
    for path in [*root.rglob("*"), root]:
        os.utime(path, (old, old), follow_symlinks=False)
    root.chmod(0o555)  # no .tidy-trash there: the cache is copied into the state trash

    fix = subprocess.Popen(
        [*strace_hold("renameat2,fchmodat", HOLD_US / 1e6),
         "setpriv", f"--reuid={USER}", f"--regid={USER}", "--clear-groups",
         "env", f"TIDY_STATE_DIR={state}", *python, "-m", "tidy", "fix", "--yes", "-q",
         "--select", "TDY1", str(root)],
        cwd=user_tree, env=user_env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    dep = root / "web" / "node_modules" / "dep"
    deadline = time.monotonic() + 30
    while not any(p.name == "index.js" for p in (state / "trash").rglob("index.js")) \
            if (state / "trash").is_dir() else True:
        assert time.monotonic() < deadline and fix.poll() is None, fix.communicate()
        time.sleep(0.02)
    time.sleep(0.5)  # held at the rename that finishes the copy
    # The other user: a folder the user may not open where dep was ...
    dep.rename(root / "web" / "node_modules" / "dep-moved")
    dep.mkdir(mode=0o733)
    dep.chmod(0o733)
    time.sleep(HOLD_US / 1e6)  # tidy lstat's it, fails to open it, waits at the chmod
    # ... and a link to the user's file in its place before the chmod runs.
    dep.rmdir()
    dep.symlink_to(secret)
    fix.communicate(timeout=60)
    subprocess.run(["rm", "-rf", "--", str(state)], check=False)

    assert secret.stat().st_mode & 0o777 == 0o600
