"""Reading /proc for the in-use check: names as the kernel prints them, processes that vanish
mid-read, entries that cannot be read, no /proc at all; and the index that answers per item.

The /proc trees built by hand here stand for what the kernel shows in states a test cannot
make on demand (a file where a folder was, a stat line cut short); the live cases run against
the real /proc with real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.users import MAP, detached, leader_leaves, thread_state
from tidy.workspace import procfs
from tidy.workspace.inuse import Use, Users
from tidy.workspace.procfs import Process, Snapshot

PREFIX = b"7f3c2a000000-7f3c2a021000 r--p 00000000 fe:01 1835060                    "
# A name: path components of any bytes but "/" and NUL (a newline, a backslash, bytes that
# are not UTF-8, spaces at the end included).
component = st.binary(min_size=1, max_size=12).map(
    lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")).filter(lambda b: b not in (b".", b".."))
names = st.lists(component, min_size=1, max_size=4).map(lambda parts: b"/" + b"/".join(parts))


def printed(name: bytes, deleted: bool = False) -> bytes:
    """The maps line the kernel writes for `name`: seq_file_path(m, file, "\\n") escapes a
    newline as \\012 and nothing else; an unlinked file gets " (deleted)"."""
    return PREFIX + name.replace(b"\n", b"\\012") + (b" (deleted)" if deleted else b"") + b"\n"


@given(names, st.booleans())
def test_the_name_a_maps_line_prints_is_among_its_readings(name: bytes, deleted: bool) -> None:
    readings = procfs.map_readings(printed(name, deleted))
    assert os.fsdecode(name) in readings
    assert len(readings) <= 4


def test_an_anonymous_or_special_map_names_no_file() -> None:
    for line in (b"7f00-7f01 rw-p 00000000 00:00 0\n",
                 b"7ffd-7ffe rw-p 00000000 00:00 0                          [stack]\n",
                 b"garbage\n", b""):
        assert procfs.map_readings(line) == ()


def test_a_real_mapping_of_a_file_named_with_a_newline_is_read(tmp_path: Path) -> None:
    target = tmp_path / "two\nlines" / "data.bin"
    target.parent.mkdir()
    target.write_bytes(b"x" * 4096)
    code = MAP
    child = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        process = procfs.read_process(procfs.PROC, child.pid)
        assert process is not None and str(target) in process.mapped
        assert str(target) not in process.open  # the descriptor is closed: only the map
    finally:
        child.kill()
        child.wait()


def test_reading_while_processes_come_and_go_never_fails() -> None:
    """Processes ending mid-read (their /proc entries vanish between listing and reading,
    their pids taken again): every look still finishes, with what it could read."""
    churn = subprocess.Popen(
        ["sh", "-c", "i=0; while [ $i -lt 400 ]; do /bin/true & i=$((i+1)); done; wait"])
    looks = 0
    try:
        while churn.poll() is None or looks < 3:
            snapshot = procfs.read()
            assert snapshot.blind == "" and snapshot.listed > 0
            looks += 1
    finally:
        churn.wait(timeout=60)
    assert looks >= 3


def test_no_proc_is_said_not_raised(tmp_path: Path) -> None:
    assert "does not exist" in procfs.read(str(tmp_path / "absent")).blind
    empty = tmp_path / "empty"  # a container with nothing mounted on /proc
    empty.mkdir()
    snapshot = procfs.read(str(empty))
    assert "is not mounted" in snapshot.blind and snapshot.processes == ()
    assert Users(snapshot).blind == snapshot.blind


def _odd_proc(root: Path) -> Path:
    """A /proc with entries no kernel would leave but a race or a permission can: a process
    whose files are all gone, one whose fd folder is a file, links where files were."""
    root.mkdir()
    (root / "self").symlink_to("1")
    gone = root / "4242"
    gone.mkdir(parents=True)
    odd = root / "4243"
    (odd / "fdinfo").mkdir(parents=True)
    (odd / "fd").write_text("not a folder")
    (odd / "maps").mkdir()  # reading it: IsADirectoryError
    (odd / "cmdline").write_bytes(b"\xff\xfe\0-c\0")
    (odd / "stat").write_bytes(b"4243 (x")  # cut short
    (odd / "comm").write_bytes(b"\xff\n")
    (odd / "cwd").symlink_to("/nowhere/at/all")
    half = root / "4244"
    (half / "fd").mkdir(parents=True)
    (half / "fd" / "3").symlink_to("anon_inode:inotify")  # its fdinfo is missing
    (half / "fd" / "4").symlink_to("/tmp/x (deleted)")
    (half / "exe").symlink_to("/usr/bin/python3")
    (half / "cmdline").write_bytes(b"")
    (root / "notapid").mkdir()
    return root


def test_entries_that_vanished_or_make_no_sense_are_nothing_known(tmp_path: Path) -> None:
    snapshot = procfs.read(str(_odd_proc(tmp_path / "proc")))
    assert snapshot.blind == ""
    by_pid = {p.pid: p for p in snapshot.processes}
    assert 4242 not in by_pid and snapshot.unreadable >= 1  # nothing of it could be read
    assert by_pid[4243].cwd == ("/nowhere/at/all",) and by_pid[4243].mapped == frozenset()
    assert by_pid[4244].open == {"/tmp/x (deleted)", "/tmp/x"}
    assert by_pid[4244].watched == frozenset() and by_pid[4244].command == "?"


def _process(pid: int, *, cwd: str = "", opened: frozenset[str] = frozenset(),
             name: str = "node", given: tuple[str, ...] = ()) -> Process:
    return Process(pid, name, f"{name} next dev", (cwd,) if cwd else (), (), opened,
                   frozenset(), frozenset(), given)


paths = st.lists(st.sampled_from(["a", "b", "a b", "a\nb", "ab", "\udcff"]), min_size=1,
                 max_size=4).map(lambda parts: "/w/" + "/".join(parts))


@settings(max_examples=300)
@given(st.lists(paths, max_size=6), paths)
def test_an_item_is_in_use_exactly_when_a_path_held_is_in_it(held: list[str], item: str) -> None:
    """Prefixes by path components: /w/a holds /w/a/x back, never /w/ab (the index is a
    binary search over sorted strings, where /w/a b sorts between /w/a and /w/a/x)."""
    users = Users(Snapshot(tuple(_process(100 + i, opened=frozenset({p}))
                                 for i, p in enumerate(held))))
    inside = [p for p in held if p == item or p.startswith(item + "/")]
    use = users.use_of(item, "/elsewhere")
    assert (use is not None) == bool(inside)
    if use is not None:
        assert use.where in inside and use.how == "open"


def test_a_build_in_a_project_holds_back_its_items_a_shell_does_not() -> None:
    users = Users(Snapshot((_process(7, cwd="/w/app"), _process(8, cwd="/w/web", name="bash"),
                            _process(9, name="python3", given=("/w/api/tests",)))))
    assert users.use_of("/w/app/.next", "/w/app") == Use("project", "/w/app", 7, "node",
                                                         "node next dev")
    assert users.use_of("/w/web/.next", "/w/web") is None
    given_use = users.use_of("/w/api/.pytest_cache", "/w/api")
    assert given_use is not None and given_use.how == "given"
    assert users.use_of("/w/other/.next", "/w/other") is None


def test_the_reason_is_one_line_whatever_the_names_hold() -> None:
    use = Use("open", "/w/a\nb/\udcff", 42, "no\nde", "node\nevil \udcfe")
    assert use.reason == "in use by pid 42 (node\\nevil \\xfe): it has /w/a\\nb/\\xff open"
    assert "\n" not in use.watch_reason


def _proc_with_ending_tidy(root: Path, project: Path) -> Path:
    """A /proc as the kernel shows three processes working in `project` whose memory is gone
    (no program, no command line: what an exiting process reads as once do_exit has let its
    memory go): one ending (its one thread flagged PF_EXITING), one a zombie whose second
    thread runs on (its main thread alone has left), one whose thread is not flagged."""
    root.mkdir()
    (root / "self").symlink_to("1")
    threads = {"4250": [(b"R", 0x404)], "4251": [(b"Z", 0x404), (b"S", 0x400000)],
               "4252": [(b"R", 0x400000)]}
    for pid, states in threads.items():
        base = root / pid
        (base / "fd").mkdir(parents=True)
        (base / "cwd").symlink_to(project)
        (base / "cmdline").write_bytes(b"")
        (base / "stat").write_bytes(f"{pid} (python) R 1 1 1 0 -1 1024 0".encode())
        for n, (state, flags) in enumerate(states):
            task = base / "task" / str(int(pid) + n)
            task.mkdir(parents=True)
            # a name in parentheses may hold ") " itself: the fields are counted after the last
            task.joinpath("stat").write_bytes(
                b"%d (py) x) %s 1 1 1 0 -1 %d 0 0" % (int(pid) + n, state, flags))
    return root


def test_a_process_ending_as_tidy_looks_counts_for_nothing(tmp_path: Path) -> None:
    """Another tidy ending just as this one looks (its memory gone, its working folder still
    readable) held back an item of its project: the CI of 2026-12-07 saw two fixes in one
    repo do so. A process whose every thread is exiting uses nothing from now on; one with a
    thread running on, or none flagged, still counts, in the full look and the lean one."""
    project = tmp_path / "repo"
    (project / ".next").mkdir(parents=True)
    proc = str(_proc_with_ending_tidy(tmp_path / "proc", project))
    listed = {p.pid for p in procfs.read(proc).processes}
    assert 4250 not in listed and {4251, 4252} <= listed
    held = procfs.holders([str(project)], proc)
    assert held[str(project)][0] in (4251, 4252)
    assert not procfs.ending(proc, 4251) and not procfs.ending(proc, 4252)
    assert procfs.ending(proc, 4250) and procfs.ending(proc, 4999)  # 4999: gone


def test_a_live_process_is_not_ending_a_zombie_is(tmp_path: Path) -> None:
    """Against the real /proc: a running child is not ending; once it has exited, unreaped
    (a zombie) and then reaped, it is."""
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)
    try:
        assert not procfs.ending(procfs.PROC, child.pid)
        assert child.stdin is not None
        child.stdin.close()
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # exited, not reaped
        assert procfs.ending(procfs.PROC, child.pid)
    finally:
        child.wait()
    assert procfs.ending(procfs.PROC, child.pid)


def test_a_program_whose_main_thread_alone_left_is_still_seen(tmp_path: Path) -> None:
    """A program that ends its main thread with pthread_exit and runs on in another: /proc/PID
    then reads no working folder, program, descriptor or map (they are read through the
    leader, a zombie), so the look saw nothing and a folder it worked in and held open was
    moved. Now read through a live thread's task folder: the full look and the lean look both
    see its working folder and the file it holds."""
    program = leader_leaves(tmp_path)
    work = tmp_path / "work"
    held = tmp_path / "held" / "data.bin"
    work.mkdir()
    held.parent.mkdir()
    held.write_bytes(b"x")
    # An orphan, as a user's program is: tidy leaves its own descendants out of a look.
    with detached([str(program), str(work), str(held)]) as pid:
        deadline = time.monotonic() + 10
        while thread_state(pid) != b"Z" and time.monotonic() < deadline:
            time.sleep(0.01)  # the main thread is leaving
        assert thread_state(pid) == b"Z"
        process = {p.pid: p for p in procfs.read().processes}[pid]
        assert str(work) in process.cwd and str(held) in process.open
        assert str(program) in process.exe and not process.tidy
        held_now = procfs.holders([str(work), str(held.parent)])
        assert held_now[str(work)][:2] == (pid, "cwd")
        assert held_now[str(held.parent)][:2] == (pid, "open")
        assert not procfs.ending(procfs.PROC, pid)

