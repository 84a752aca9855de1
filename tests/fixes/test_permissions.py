"""As an ordinary user: read-only and unreadable folders move, come back, and purge.

Tests run as root in CI, where permissions do not bite; this one forks a child that drops
to `nobody` and runs the real commands on a tree that child owns.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.fixes.helpers import backdate

NOBODY = 65534


def _as_nobody(work: Path, state: Path) -> dict[str, Any]:
    from tidy.cli import main

    def tidy(*args: str) -> int:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(list(args))
        facts.setdefault("output", []).append(out.getvalue())
        return code

    facts: dict[str, Any] = {}
    os.environ["TIDY_STATE_DIR"] = str(state)
    os.environ["HOME"] = str(work.parent)
    proj = work / "proj"
    modules = proj / "node_modules"
    (modules / "dep").mkdir(parents=True)
    (proj / "mod.py").write_text("x = 1\n")
    (proj / "package.json").write_text("{}\n")
    (modules / "dep" / "a.js").write_text("a\n")
    (modules / "dep" / "a.js").chmod(0o444)
    (modules / "closed").mkdir()
    (modules / "closed" / "secret.js").write_text("s\n")
    (modules / "closed").chmod(0o000)
    (modules / "dep").chmod(0o555)
    modules.chmod(0o555)
    backdate(work)
    facts["fix"] = tidy("fix", "--yes", "-q", "--select", "TDY1", str(work))
    facts["moved"] = not os.path.lexists(modules)
    facts["undo"] = tidy("undo", "--last-anywhere")  # run from elsewhere: reach further
    facts["mode_back"] = stat.S_IMODE(os.lstat(modules).st_mode)
    facts["closed_back"] = stat.S_IMODE(os.lstat(modules / "closed").st_mode)
    facts["fix_again"] = tidy("fix", "--yes", "-q", "--select", "TDY1", str(work))
    facts["purge"] = tidy("trash", "purge")
    facts["trash_left"] = sorted(os.listdir(state / "trash")) if (state / "trash").exists() else []
    return facts


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user")
def test_read_only_and_unreadable_folders_as_an_ordinary_user(shared_tmp: Path) -> None:
    import importlib
    import pkgutil

    import tidy
    from tidy.cli import main

    # Everything the child needs is loaded now, as root: nobody cannot read root's site-packages.
    for module in pkgutil.walk_packages(tidy.__path__, "tidy."):
        importlib.import_module(module.name)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["fix", "--dry-run", "-q", str(shared_tmp)])
        main(["trash", "list"])
        main(["log"])

    work, state = shared_tmp / "work", shared_tmp / "state"
    for folder in (work, state):
        folder.mkdir()
        subprocess.run(["chown", f"{NOBODY}:{NOBODY}", str(folder)], check=True)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        payload: dict[str, Any] = {}
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            payload = _as_nobody(work, state)
        except BaseException as error:
            payload = {"crash": repr(error)}
        finally:
            with os.fdopen(write_end, "w") as pipe:
                pipe.write(json.dumps(payload))
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        facts = json.loads(pipe.read())
    os.waitpid(pid, 0)
    assert "crash" not in facts, facts
    assert facts["fix"] == 0 and facts["moved"], "\n".join(facts["output"])
    assert facts["undo"] == 0 and facts["mode_back"] == 0o555 and facts["closed_back"] == 0
    assert facts["fix_again"] == 0
    assert facts["purge"] == 0 and facts["trash_left"] == []
