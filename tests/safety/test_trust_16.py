"""Trust round 16: what tidy takes on trust, and what a careless user or an attacker can make
it move, delete, overwrite or run.

A folder named dist/, out/ or build/ beside a tsconfig.json (core/catalog._confirmed): the
tsconfig.json was taken as the marker of js-dist and any of its signature (a .d.ts, an
index.html) confirmed it, without the trace round 15 asks of a declared outDir. So a
hand-written dist/index.js with its dist/index.d.ts in a TypeScript package was moved by
`tidy fix` (on 76087a1). Now a tsconfig.json, the config tsc declares its output in, confirms
only what tsc wrote there, each file traced to tsc (catalog.tsc_wrote_only: its map beside
it, or the .ts source it was emitted from); another marker (vite.config.ts ...) still
confirms the folder as before.

The worker pool's own pipes (workspace/signed_pipes), and the forked content child's
(workspace/forked): pipes carrying pickles, which any process of the user can write into
through /proc/PID/fd. A forged answer was taken as a job's, and a forged pickle's reduce ran
in tidy or in a worker (76087a1). Now every message is signed with a key inherited at the fork,
and one not signed is never unpickled.

The split content pass's dealer (workspace/content._Dealer): the chunk numbers in its pipe
could be taken out through /proc by another process, and those files were then in no part of
the answer. Now the chunks neither process read are read after; an empty pipe is its end (a
write end held open elsewhere no longer hangs both readers), and a number not the dealer's is
skipped.

`tidy browse`'s scan child (browse/stream): its Job and its events went as pickles through
its stdin and stdout pipes, open to the same /proc trick: now a socket pair, which no other
process can open.

`tidy extract` renamed its data file over whatever appeared at its name after its check (the
user's file, a planted link): now it links it in, never over anything, and goes back.

A folder copied to the trash (no trash on its filesystem): its original was deleted before
anything looked again at who uses it (round 15's look after the renames skipped copies). Now
the original is removed only after that look; one in use keeps it, its copy dropped.

Tried and found holding (no change): undo over a journal edited to point outside the root,
at another run's slot, at a path whose parent is now a link, with duplicated entries, over a
file re-created since, of another user or in a runs folder others may write; a `git init`
inside a planned node_modules, a repo moved into it, or the item itself becoming a repo
between the plan and the rename (the walk of the renamed item in the trash sees it and it
goes back); `tidy trash purge` racing an undo (tests/safety/test_concurrent_commands.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.safety.helpers import (
    artifacts_by_path,
    copied_node_modules,
    data_module_repo,
    fix_moves_exactly,
    forge,
    held_tidy,
    left_alone,
    pipe_write_end,
    wait_for,
    wait_for_intents,
    wait_while_held,
)
from tests.users import HOLD, detached
from tidy.workspace.pool import WorkerPool

pytestmark = pytest.mark.slow


# ---------------------------------- a hand-written dist/ beside a tsconfig.json (no outDir)
def _ts_package(root: Path, out_dir: str | None = None) -> Path:
    project = make_repo(root)
    write(project / "package.json", '{"name": "ui", "version": "1.0.0"}\n')
    options: dict[str, object] = {"declaration": True}
    if out_dir is not None:
        options["outDir"] = out_dir
    write(project / "tsconfig.json", json.dumps({"compilerOptions": options}))
    write(project / "src" / "other.ts", "export const four = 4\n")  # sources of other files
    return project


HAND_WRITTEN = {
    "a .js and its .d.ts": {"index.js": "export const three = 3;\n",
                            "index.d.ts": "export declare const three: number;\n"},
    "an ES module and its .d.mts": {"index.mjs": "export const three = 3;\n",
                                    "index.d.mts": "export declare const three: number;\n"},
    "a page and its script": {"index.html": "<h1>mine</h1>\n",
                              "assets/app.js": "console.log('the only copy')\n"},
}


@pytest.mark.parametrize("folder", ["dist", "out", "build"])
@pytest.mark.parametrize("what", list(HAND_WRITTEN))
@pytest.mark.parametrize("out_dir", [None, "same"])
def test_a_hand_written_folder_beside_a_tsconfig_stays(tmp_path: Path, folder: str, what: str,
                                                       out_dir: str | None) -> None:
    """Fails on 76087a1: each is found as js-dist (safe) and moved."""
    project = _ts_package(tmp_path / "ui", folder if out_dir else None)
    for name, text in HAND_WRITTEN[what].items():
        write(project / folder / name, text)
    left_alone(project, tmp_path / "state", folder)


@pytest.mark.parametrize("folder", ["dist", "out", "build"])
@pytest.mark.parametrize("traced_by", ["source", "map"])
def test_tsc_output_beside_a_tsconfig_traced_to_tsc_still_moves(tmp_path: Path, folder: str,
                                                                traced_by: str) -> None:
    project = _ts_package(tmp_path / "ui")
    if traced_by == "source":
        write(project / "src" / "index.ts", "export const three = 3\n")
    else:
        write(project / folder / "index.js.map", '{"version":3,"sources":["../src/x.ts"]}')
        write(project / folder / "index.d.ts.map", '{"version":3,"sources":["../src/x.ts"]}')
    write(project / folder / "index.js", "export const three = 3;\n")
    write(project / folder / "index.d.ts", "export declare const three: number;\n")
    assert artifacts_by_path(project) == {folder: ("js-dist", "safe")}
    fix_moves_exactly(project, tmp_path / "state", {folder})


def test_another_marker_beside_the_tsconfig_still_confirms_the_folder(tmp_path: Path) -> None:
    """A vite.config.ts says Vite writes dist/: its bundle, hashed names or not, is moved as
    before (Vite's output is traced by nothing of tsc's)."""
    project = _ts_package(tmp_path / "ui")
    write(project / "vite.config.ts", "export default {}\n")
    write(project / "dist" / "index.html", '<script src="/assets/app.js"></script>\n')
    write(project / "dist" / "assets" / "app.js", "(function(){})();\n")
    assert artifacts_by_path(project) == {"dist": ("js-dist", "safe")}
    fix_moves_exactly(project, tmp_path / "state", {"dist"})


# ------------------------------------------------ the worker pool's own pipes, forged into
# The executor's result pipe (the answer of every job: the walk's measuring, the early job's
# final answer) and its call pipe (the jobs a worker runs) are pipes whose write ends the main
# process holds: another process of the user opens them through /proc/PID/fd. What came there
# was unpickled by the standard library (on 76087a1 a forged result was taken as the job's
# answer, and a pickle's reduce ran in tidy: code of the attacker's, with tidy's keys; through
# the call pipe in a worker, where the hand-over's key of round 15 lives).
class _Runs:
    """A pickle that, when loaded, creates the file `path`: what code it would run."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (open, (self.path, "w"))


def _framed_message(obj: object) -> bytes:
    """As multiprocessing's Connection frames a message: its length (4 bytes, big-endian),
    then the pickle."""
    data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(4, "big") + data


def _wait_then(go_on: str, answer: str) -> str:
    """In a worker: wait until the test has forged its message, then answer."""
    wait_for(Path(go_on))
    return answer


@pytest.mark.parametrize("what", ["a forged answer", "a pickle that runs code"])
def test_a_message_forged_into_the_pools_result_pipe_is_not_taken(tmp_path: Path,
                                                                  what: str) -> None:
    """Fails on 76087a1: the forged answer is the job's; the pickle's code runs."""
    from concurrent.futures.process import _ResultItem

    ran = tmp_path / "ran"
    with WorkerPool() as pool:
        executor = pool.get()
        assert executor is not None
        future = executor.submit(_wait_then, str(tmp_path / "go-on"), "the job's own")
        forged = _ResultItem(0, result="forged" if what == "a forged answer" else _Runs(str(ran)))
        forge(os.getpid(), executor._result_queue._writer.fileno(), _framed_message(forged))
        time.sleep(0.5)  # the pool's thread reads what came
        write(tmp_path / "go-on", "")
        try:
            answer: object = future.result(timeout=60)
        except Exception as error:  # the pool is stopped: whoever asked works it out itself
            answer = error
    assert answer != "forged" and not ran.exists(), "the forged message was taken"


def test_a_job_forged_into_the_pools_call_pipe_never_runs(tmp_path: Path) -> None:
    """Fails on 76087a1: the worker unpickles the forged job, and its code runs there."""
    from concurrent.futures.process import _CallItem

    ran = tmp_path / "ran"
    with WorkerPool() as pool:
        executor = pool.get()
        assert executor is not None
        forged = _CallItem(0, _Runs(str(ran)), (), {})
        forge(os.getpid(), executor._call_queue._writer.fileno(), _framed_message(forged))
        future = executor.submit(str, "the job's own")
        try:
            answer: object = future.result(timeout=60)
        except Exception as error:
            answer = error
    assert not ran.exists(), "a forged job ran in a worker"
    assert answer == "the job's own" or isinstance(answer, Exception)


def test_the_pools_own_jobs_and_answers_still_go(tmp_path: Path) -> None:
    with WorkerPool() as pool:
        executor = pool.get()
        assert executor is not None
        assert list(executor.map(str, range(50))) == [str(i) for i in range(50)]
        assert executor.submit(bytes, 4 << 20).result(timeout=60) == bytes(4 << 20)


# ---------------------------------- a data file appearing while `tidy extract` writes its own
@pytest.mark.parametrize("planted", ["a file", "a link"])
def test_what_appears_at_the_data_files_name_while_it_is_written_stays(tmp_path: Path,
                                                                       planted: str) -> None:
    """`tidy extract` checks that no pkg/data.json.gz is there, writes its data file under a
    temp name, then renamed it over the name: what appeared there meanwhile (the user's own
    file, a link planted to another) was replaced, gone (on 76087a1, exit 0). Now it is
    linked in without replacing anything, and the extraction goes back."""
    repo = data_module_repo(tmp_path / "repo")
    module, data = repo / "pkg" / "data.py", repo / "pkg" / "data.json.gz"
    original = module.read_bytes()
    outside = write(tmp_path / "outside.json.gz", b"the user's own data\n")
    # fsync: the backup's module and record, its folder after the record's rename, the
    # backup folder again, then the data file's temp (held there), before the temp takes the
    # name (a rename on 76087a1, a link now).
    extract = held_tidy("extract", "pkg/data.py", cwd=repo, state=tmp_path / "st",
                        syscall="fsync", hold_s=3, when="4")
    wait_while_held(extract, lambda: any(p.name.endswith(".tmp")
                                         for p in (repo / "pkg").iterdir()),
                    "wrote its data file")
    if planted == "a file":
        data.write_bytes(b"the user's own data\n")
    else:
        data.symlink_to(outside)
    out, err = extract.communicate(timeout=120)
    assert extract.returncode == 1, (out + err).decode()
    assert b"appeared while the module was being extracted" in err, err
    if planted == "a file":
        assert data.read_bytes() == b"the user's own data\n", "the user's file was replaced"
    else:
        assert data.is_symlink() and os.readlink(data) == str(outside)
    assert outside.read_bytes() == b"the user's own data\n"
    assert module.read_bytes() == original, "the module was rewritten"
    assert sorted(p.name for p in (repo / "pkg").iterdir()) == [
        "__init__.py", "data.json.gz", "data.py"]



# ------------------------------- a program that starts using a folder tidy copies to the trash
@pytest.mark.parametrize("how", ["open", "cwd"])
def test_a_program_that_starts_using_a_folder_while_it_is_copied_keeps_it(
        tmp_path: Path, how: str) -> None:
    """No trash can be made on the tree's filesystem (a tmpfs whose top folder is immutable):
    each item is copied into the state folder's trash, verified, then its original deleted.
    Round 15's look after the renames skipped copies ("nothing to put back"): a program that
    started working in the folder after the run's look at /proc, before its original was
    deleted, had it deleted under it (on 76087a1: the file it holds open gone, its cwd
    deleted, the fix done). Now the copy is dropped and the original stays, in use."""
    state = tmp_path / "state"
    with copied_node_modules(tmp_path) as (ws, project, held, other):
        # held at its first rename: the first item's verified copy taking its name in the
        # trash, before the original is deleted
        fix = held_tidy("fix", "--yes", "-q", "--select", "TDY1", "--format", "json",
                        str(ws), cwd=tmp_path, state=state, syscall="renameat2", hold_s=2.5,
                        text=True)
        wait_for_intents(state, 2)
        wait_while_held(fix, lambda: any(p.name.endswith(".partial")
                                         for p in state.rglob("*")),
                        "copied")  # the first copy in the trash, before it takes its name
        argv = ([sys.executable, "-c", HOLD, str(held)] if how == "open" else
                [sys.executable, "-c", "import time; print('ready', flush=True); "
                 "time.sleep(60)"])
        with detached(argv, cwd=held.parent if how == "cwd" else "/") as pid:
            out, err = fix.communicate(timeout=120)
            assert held.exists(), "the folder a program started using was deleted: " + out
            outcomes = {o["path"]: o for o in json.loads(out)["result"]["outcomes"]}
            mine = outcomes[str(project / "node_modules")]
            assert mine["status"] == "skipped", out + err
            assert f"in use by pid {pid}" in str(mine["reason"]), mine
        assert not other.exists(), "the unused node_modules was not moved"
        assert outcomes[str(ws / "b" / "node_modules")]["status"] == "done"
        assert not [p for p in state.rglob("*") if "dep" in p.parts], "the copy stayed"



# ------------------------------------ the content pass's forked child: its answer's pipe
# workspace/forked.run_beside: the child's answer came pickled through a pipe, unpickled as
# "our own fork's bytes". Any process of the user opens either end through /proc/PID/fd for
# writing; pickle.loads stops at the first pickle's end, so one written there before the
# child's own was loaded (on 76087a1 its reduce ran here). Now the answer is signed with a key
# the child inherits; anything else there makes this process do the child's part itself.
def _forged_beside(tmp_path: Path, ran: Path) -> Callable[[str], str]:
    where, go, here = tmp_path / "where", tmp_path / "go", os.getpid()

    def work(part: str) -> str:
        if part == "theirs":
            if os.getpid() != here:  # in the child: say where its pipe is, wait for the forgery
                where.write_text(f"{os.getpid()} {pipe_write_end(os.getpid())}")
                wait_for(go)
            return "the child's answer"  # the child's, or this process's in its stead
        wait_for(where)  # in this process: another process of the user forges
        pid, fd = map(int, where.read_text().split())
        forge(pid, fd, pickle.dumps((_Runs(str(ran)),), pickle.HIGHEST_PROTOCOL))
        go.write_text("")
        return "mine"
    return work


def test_a_pickle_written_into_the_forked_childs_pipe_is_never_loaded(tmp_path: Path) -> None:
    """Fails on 76087a1: the forged pickle is loaded, its code runs, its answer taken."""
    from tidy.workspace import forked

    ran = tmp_path / "ran"
    mine, theirs = forked.run_beside(_forged_beside(tmp_path, ran), "mine", "theirs")
    assert not ran.exists(), "a pickle another process wrote into the pipe was loaded"
    assert (mine, theirs) == ("mine", "the child's answer")


# ---------------------------------------------- `tidy browse`'s scan child: its event stream
# browse/stream.ScanStream: the child's events came through its stdout, a pipe, unpickled by
# the app ("nothing else can write to it"); its Job through its stdin. Any process of the user
# opens either through /proc/PID/fd: on 76087a1 an event written there before the child's own
# was unpickled by the app (its reduce ran there). Now both go over a socket pair, which no
# other process can open through /proc (ENXIO).
def test_an_event_forged_into_the_browse_scans_stream_is_never_loaded(tmp_path: Path) -> None:
    from tidy.browse.stream import Finished, Job, ScanStream
    from tidy.core.config import load

    root = make_repo(tmp_path / "repo")
    ran = tmp_path / "ran"
    stream = ScanStream(Job((str(root),), load(str(root), None)))
    stream.start()
    try:
        assert stream.pid is not None
        data = pickle.dumps(_Runs(str(ran)), pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(subprocess.CalledProcessError):  # it cannot be opened: good
            forge(stream.pid, 1, len(data).to_bytes(8, "big") + data)
        events = list(stream.events())
    finally:
        stream.close()
    assert not ran.exists(), "an event another process wrote was unpickled by the app"
    assert isinstance(events[-1], Finished), events


# ------------------------------------------ the split content pass's dealer: numbers taken
# workspace/content._Dealer: the chunks of a split pass are dealt by their numbers, written into
# a pipe both processes read. Another process of the user opens that pipe through /proc/PID/fd
# and takes numbers out: on 76087a1 those chunks' files were read by neither process, and the
# pass answered nothing of them (a reference in them not found). Now the chunks neither part
# read are read by this process after.
def _steal_numbers(pid: int) -> None:
    """Take two numbers out of the dealer's pipe (the one pipe of this process holding
    bytes), through /proc as another process of the user can."""
    import fcntl
    import termios

    for fd in map(int, os.listdir("/proc/self/fd")):
        with contextlib.suppress(OSError):
            if not os.readlink(f"/proc/self/fd/{fd}").startswith("pipe:"):
                continue
            stolen = os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_NONBLOCK)
            try:
                waiting = bytearray(4)
                fcntl.ioctl(stolen, termios.FIONREAD, waiting)
                if int.from_bytes(waiting, sys.byteorder) >= 4:
                    assert len(os.read(stolen, 4)) == 4
                    return
            finally:
                os.close(stolen)
    raise AssertionError("no dealer's pipe")


def test_chunks_taken_out_of_the_dealers_pipe_are_still_read(tmp_path: Path) -> None:
    """Fails on 76087a1: the files of the two stolen chunks are missing from the answer."""
    from tests.workspace.split_trees import ALWAYS, same_answer, spec_for, split_tree
    from tidy.workspace.content import run_pass

    root, requests = split_tree(tmp_path, count=48)
    spec = spec_for()
    whole = run_pass(root, requests, spec, {})
    forks: list[int] = []

    def steal(pid: int) -> None:
        forks.append(pid)
        if len(forks) == 1:  # the first round's dealer
            _steal_numbers(pid)

    split = run_pass(root, requests, spec, {}, ALWAYS, on_fork=steal)
    assert forks, "the pass did not split"
    same_answer(split, whole)
