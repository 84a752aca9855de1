"""Trust round 15: what tidy takes on trust from outside itself.

The early job's hand-over (workspace/early.py): the pipe a worker hands its first answer over
is inherited by the worker, and any process of the same user can write into it through
/proc/PID/fd. On 8c8f68d a message written there before the worker's own (a forged "nothing
references this vendored library") was unpickled and taken as the job's answer; one whose
length said more than came left the worker's own message unread, and the job's answer, only
the rest by then, was taken as all of it. Now a hand-over is signed with a key the worker
inherits and nobody else has, and a job that handed over whose hand-over did not arrive whole
and signed answers nothing: the checks work it out themselves.

A user's own package named `tidy` (workspace/procfs.is_tidy): `python -m tidy` run in that
project's root, or a console script importing `tidy.__main__` with the project on PYTHONPATH,
was taken for another tidy, so the in-use check left out what it held open, and `tidy fix`
moved the cache it was writing to (on 8c8f68d: exit 0, the cache gone). Now the `tidy` such a
Python imports first (its cwd or script's folder, then PYTHONPATH) must be this tidy's.

A hand-written .js with a hand-written .d.ts of its name, in the folder tsconfig.json names
as its outDir (core/catalog.tsc_wrote_only): read as tsc's output (js-dist, safe) and moved
by `tidy fix` (on 8c8f68d). Now each emitted file must be traced to tsc: its map beside it,
or the TypeScript source it was emitted from.

A program that starts using a planned folder after the run's one look at /proc (its cwd, a
file it holds open), before the folder's rename: on 8c8f68d the folder moved into the trash
with the program inside, writing there. A descriptor follows a rename, so one lean look after
each batch's renames (fixes/trash/applier._used_once_moved) sees it; the folder goes back.

The notes key (workspace/content_notes) was read from a state folder others may write, or of
another user's, which the journals are never read from (state.check_private): now it is
not, and what it signed is not used. The key itself swapped for a link, a FIFO, another
user's file, a file of the wrong mode or size was refused already (tried: passes on 8c8f68d).
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import commit, make_repo, run_cli, write
from tests.fixes.helpers import backdate, tidy_env
from tests.safety.helpers import (
    artifacts_by_path,
    fix_moves_exactly,
    forge,
    held_tidy,
    left_alone,
    used_and_unused_node_modules,
    wait_for,
    wait_for_intents,
)
from tests.users import HOLD, detached
from tidy.workspace import content_notes
from tidy.workspace.blobs import IndexListing
from tidy.workspace.early import EarlyWork
from tidy.workspace.pool import WorkerPool

pytestmark = pytest.mark.slow

REAL = {"TDY401": "static/vendor/lib is referenced by app.js"}
REST = {"rest": "the history walk's notes"}


def _repo(path: Path) -> str:
    repo = make_repo(path)
    write(repo / "a.py", "print(1)\n")
    commit(repo)
    return str(repo)


def _hands_over_when_told(repo: str, listing: IndexListing) -> dict[str, object]:
    """In the worker: says where its hand-over pipe is, waits until the test's other process
    has written into it, then hands its real answer over and returns the rest."""
    import tidy.workspace.early as early_module
    from tidy.workspace.early import hand_over

    assert early_module._handing is not None
    git = Path(repo) / ".git"
    (git / "where").write_text(f"{os.getpid()} {early_module._handing[0]}")
    wait_for(git / "go-on")
    hand_over(dict(REAL))
    return dict(REST)


def _framed(answer: Mapping[str, object], signature: bytes = b"") -> bytes:
    data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(8, "little") + signature + data


FORGED = {"TDY401": "nothing references static/vendor/lib"}
MESSAGES = {
    # as 8c8f68d framed a hand-over: its length, then the pickle
    "a forged answer": _framed(FORGED),
    # as this round frames one, with a signature made without the key
    "a forged answer, signed by a guess": _framed(FORGED, os.urandom(32)),
    # a length that says more than will ever come: the worker's own message is read as its tail
    "a length and nothing after it": (1 << 20).to_bytes(8, "little"),
}


@pytest.mark.parametrize("how", list(MESSAGES))
def test_a_message_another_process_writes_into_the_hand_over_pipe_is_not_taken(
        tmp_path: Path, how: str) -> None:
    repo = _repo(tmp_path / "one")
    with WorkerPool() as pool:
        early = EarlyWork(_hands_over_when_told, pool, min_index_bytes=0)
        early.start(repo)
        wait_for(Path(repo, ".git", "where"))
        pid, fd = map(int, Path(repo, ".git", "where").read_text().split())
        forge(pid, fd, MESSAGES[how])
        Path(repo, ".git", "go-on").write_text("")
        first = early.results(repo)
        rest = early.rest(repo)
        early.close()
    assert first != FORGED, "the forged answer was taken as the job's"
    assert first != REST, "the job's rest was taken as all of its answer"
    # nothing of the job taken: the checks work it out themselves
    assert first == {} and rest == {}
    assert not early.handed_over(repo)


def test_the_workers_own_hand_over_is_still_taken(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "one")
    with WorkerPool() as pool:
        early = EarlyWork(_hands_over_when_told, pool, min_index_bytes=0)
        early.start(repo)
        wait_for(Path(repo, ".git", "where"))
        Path(repo, ".git", "go-on").write_text("")
        assert early.results(repo) == REAL and early.handed_over(repo)
        assert early.rest(repo) == REST
        early.close()


# --------------------------------------------- a user's own package named tidy is not tidy
# The user's program: it holds a file of the project's .pytest_cache open and works on.
_USERS_MAIN = ("import sys, time\n"
               "held = open(sys.argv[1], 'rb')\n"
               "print('ready', flush=True)\n"
               "time.sleep(60)\n")
_CONSOLE_SCRIPT = ("import sys\n"
                   "from tidy.__main__ import run\n"
                   "sys.exit(run())\n")


def _project_named_tidy(root: Path) -> tuple[Path, Path]:
    """A repo whose own package is `tidy`, with a .pytest_cache; (the cache, a file in it)."""
    project = make_repo(root / "tidy-project")
    write(project / "tidy" / "__init__.py", "")
    write(project / "tidy" / "__main__.py", "def run():\n" + "".join(
        f"    {line}\n" for line in _USERS_MAIN.splitlines()) + "\nrun()\n")
    held = project / ".pytest_cache" / "v" / "cache" / "lastfailed"
    write(held, "{}")
    write(project / ".pytest_cache" / "bin" / "data.bin", size=8192)
    backdate(project)
    return project / ".pytest_cache", held


def _fix_keeps(cache: Path, held: Path, tmp_path: Path) -> None:
    result = run_cli("fix", "--yes", "-q", "--select", "TDY101", str(cache.parent),
                     cwd=tmp_path, env=tidy_env(tmp_path / "state"))
    assert cache.is_dir() and held.exists(), \
        "the cache a user's program named tidy holds open was moved: " + result.out + result.err
    assert result.code == 1 and "in use by pid" in result.out, result.out + result.err


def test_python_m_tidy_of_the_users_own_package_counts_as_a_user(tmp_path: Path) -> None:
    cache, held = _project_named_tidy(tmp_path)
    with detached([sys.executable, "-m", "tidy", str(held)], cwd=cache.parent):
        _fix_keeps(cache, held, tmp_path)


def test_a_console_script_importing_the_users_own_tidy_counts_as_a_user(
        tmp_path: Path) -> None:
    """pip's console script for the user's `tidy = "tidy.__main__:run"`, with their project
    on PYTHONPATH: the line it imports by is tidy's, the package it imports is theirs."""
    cache, held = _project_named_tidy(tmp_path)
    script = tmp_path / "bin" / "tidy"
    write(script, _CONSOLE_SCRIPT)
    argv = ["env", f"PYTHONPATH={cache.parent}", sys.executable, str(script), str(held)]
    with detached(argv, cwd=tmp_path):
        _fix_keeps(cache, held, tmp_path)


def test_this_tidy_run_as_python_m_tidy_is_still_tidy(tmp_path: Path) -> None:
    """A `python -m tidy` of this tidy (its own checkout as cwd): what it holds open is not a
    user's (a watcher's walk)."""
    from tidy.workspace.procfs import is_tidy

    checkout = Path(__file__).resolve().parents[2]
    with detached([sys.executable, "-c", "import time; print('ready', flush=True); "
                   "time.sleep(60)"], cwd=checkout) as pid:
        argv = [sys.executable.encode(), b"-m", b"tidy", b"watch"]
        exe = (os.path.realpath(sys.executable),)
        assert is_tidy(argv, exe, f"/proc/{pid}")
    with detached([sys.executable, "-c", "import time; print('ready', flush=True); "
                   "time.sleep(60)"], cwd=tmp_path) as pid:
        _project_named_tidy(tmp_path)
        Path(tmp_path, "tidy").symlink_to(tmp_path / "tidy-project" / "tidy")
        assert not is_tidy(argv, exe, f"/proc/{pid}")


# ------------------------------------------- a hand-written .js and .d.ts in a declared outDir
def _ts_project(root: Path, out_dir: str = "lib") -> Path:
    project = make_repo(root)
    write(project / "package.json", '{"name": "ui", "version": "1.0.0"}\n')
    write(project / "tsconfig.json", json.dumps({"compilerOptions": {
        "outDir": out_dir, "declaration": True}}))
    return project


@pytest.mark.parametrize("layout", ["flat", "nested", "module"])
def test_a_hand_written_js_with_its_d_ts_in_the_out_dir_stays(tmp_path: Path,
                                                              layout: str) -> None:
    project = _ts_project(tmp_path / "ui")
    js, dts = {"flat": ("index.js", "index.d.ts"),
               "nested": ("util/sum.js", "util/sum.d.ts"),
               "module": ("index.mjs", "index.d.mts")}[layout]
    write(project / "lib" / js, "export const three = 3;\n")  # the user's, by hand
    write(project / "lib" / dts, "export declare const three: number;\n")
    write(project / "src" / "other.ts", "export const four = 4\n")  # sources of other files
    if layout == "nested":  # beside tsc's own output, traced by its source
        write(project / "src" / "other.ts", "export const four = 4\n")
        write(project / "lib" / "other.js", "export const four = 4;\n")
        write(project / "lib" / "other.d.ts", "export declare const four: number;\n")
    left_alone(project, tmp_path / "state", "lib")


def test_tsc_output_traced_to_its_sources_or_maps_still_moves(tmp_path: Path) -> None:
    project = _ts_project(tmp_path / "ui")
    write(project / "src" / "index.ts", "export const three = 3\n")
    write(project / "src" / "util" / "sum.ts", "export const sum = 1\n")
    write(project / "lib" / "index.js", "export const three = 3;\n")
    write(project / "lib" / "index.d.ts", "export declare const three: number;\n")
    write(project / "lib" / "util" / "sum.js", "export const sum = 1;\n")
    write(project / "lib" / "util" / "sum.d.ts", "export declare const sum: number;\n")
    write(project / "lib" / "gone.js", "export const gone = 1;\n")  # its source deleted since
    write(project / "lib" / "gone.js.map", "{}")
    assert artifacts_by_path(project) == {"lib": ("js-dist", "safe")}
    fix_moves_exactly(project, tmp_path / "state", {"lib"})


# ------------------------------------------ a program that starts using a folder mid-fix
@pytest.mark.parametrize("how", ["open", "cwd"])
def test_a_program_that_starts_using_a_folder_after_the_look_keeps_it(
        tmp_path: Path, how: str) -> None:
    ws, state = tmp_path / "ws", tmp_path / "state"
    project, held, other = used_and_unused_node_modules(ws)
    # held at its first rename: every intent durable, the run's look at /proc taken
    fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json", str(ws),
                    cwd=tmp_path, state=state, syscall="renameat2", hold_s=2.5, text=True)
    wait_for_intents(state, 2)
    argv = ([sys.executable, "-c", HOLD, str(held)] if how == "open" else
            [sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(60)"])
    with detached(argv, cwd=held.parent if how == "cwd" else "/") as pid:
        out, err = fix.communicate(timeout=120)
        outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
        mine = outcomes[str(project / "node_modules")]
        assert held.exists(), "the folder a program started using mid-fix was moved: " + out
        assert mine["status"] == "skipped", out + err
        assert f"in use by pid {pid}" in str(mine["reason"]), mine
        assert "put back" in str(mine["reason"])
        uses = ([os.readlink(f"/proc/{pid}/cwd")] if how == "cwd" else
                [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")])
        assert str(held.parent if how == "cwd" else held) in uses, "it works in the trash"
    assert not other.exists(), "the unused node_modules was not moved"
    assert outcomes[str(ws / "b" / "node_modules")]["status"] == "done"


# ----------------------------------------------------------- the notes key and its folder
SHAPE = "0123456789abcdef0123456789abcdef"


def _notes_saved(tmp_path: Path) -> tuple[str, str, Path]:
    """A repo's signed notes; (its root, the notes' path, the key file)."""
    repo = make_repo(tmp_path / "r")
    path = content_notes.notes_path(str(repo))
    assert path is not None
    assert content_notes.save(path, str(repo), SHAPE, {"k": "v"})
    content_notes._keys.clear()  # a new process: it reads the key again
    assert content_notes.load(path, str(repo), SHAPE) == {"k": "v"}
    content_notes._keys.clear()
    return str(repo), path, Path(os.environ["TIDY_STATE_DIR"]) / content_notes.KEY_NAME


@pytest.mark.parametrize("how", ["group-writable", "anyone-writable", "another user's"])
def test_a_key_in_a_state_folder_others_control_signs_nothing(tmp_path: Path, how: str) -> None:
    repo, path, key = _notes_saved(tmp_path)
    state = key.parent
    if how == "another user's":
        os.chown(state, 4242, -1)  # the tests run as root; as a user: a folder shared to them
    else:
        state.chmod(0o770 if how == "group-writable" else 0o777)
    assert content_notes.signing_key(make=False) is None
    assert content_notes.load(path, repo, SHAPE) == {}, "notes signed by a key others control"


@pytest.mark.parametrize("how", ["a link", "a FIFO", "another user's", "readable by others",
                                 "too big"])
def test_a_swapped_key_file_is_never_used(tmp_path: Path, how: str) -> None:
    repo, path, key = _notes_saved(tmp_path)
    real = key.read_bytes()
    key.unlink()
    if how == "a link":
        kept = write(tmp_path / "kept-key", real)
        kept.chmod(0o600)
        key.symlink_to(kept)
    elif how == "a FIFO":
        os.mkfifo(key, 0o600)
    else:
        key.write_bytes(real + (b"\0" * (1 << 20) if how == "too big" else b""))
        key.chmod(0o644 if how == "readable by others" else 0o600)
        if how == "another user's":
            os.chown(key, 4242, -1)
    assert content_notes.signing_key(make=False) is None  # never blocks on the FIFO
    assert content_notes.load(path, repo, SHAPE) == {}


_PART = st.text(alphabet="ab-/.\n", min_size=1, max_size=4).filter(
    lambda t: "/" not in t and t not in (".", ".."))


@given(st.lists(st.lists(_PART, min_size=1, max_size=3), min_size=1, max_size=6),
       st.lists(_PART, min_size=1, max_size=5))
def test_the_lean_look_finds_the_folder_holding_a_path_as_a_plain_scan_would(
        folders: list[list[str]], path: list[str]) -> None:
    """procfs._holding, by bisection over the moved folders, against a scan of each."""
    from tidy.workspace.procfs import _holding

    moved = sorted({"/" + "/".join(f) for f in folders})
    moved = [f for f in moved if not any(f.startswith(g + "/") for g in moved)]  # no nesting
    target = "/" + "/".join(path)
    plain = [f for f in moved if target == f or target.startswith(f + "/")]
    assert _holding(sorted(f + "/" for f in moved), target) == (plain[0] if plain else "")
