"""The real watcher (`python -m tidy watch`) on real tmp trees, reacting to real inotify events."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.watch.helpers import (
    DAY,
    compile_to_cache,
    log_entries,
    run_tidy,
    set_age,
    wait_for,
    watcher,
)

FAST = ("--settle", "0.5s", "--quiet-period", "1s")


@pytest.mark.slow
def test_a_deleted_source_sends_its_stale_bytecode_to_the_trash_and_undo_brings_it_back(
        tmp_path: Path, state: Path) -> None:
    repo = make_repo(tmp_path / "ws" / "app")
    gone_src = write(repo / "pkg" / "gone.py", "VALUE = 1\n")
    kept_src = write(repo / "pkg" / "kept.py", "VALUE = 2\n")
    stale, live = compile_to_cache(gone_src), compile_to_cache(kept_src)
    stale_bytes = stale.read_bytes()
    set_age(repo / "pkg", 3600)  # compiled an hour ago: nothing is being written now

    with watcher(tmp_path / "ws", state, *FAST):
        assert stale.exists(), "nothing is stale before the source goes"
        deleted_at = time.time()
        gone_src.unlink()
        wait_for(lambda: not stale.exists(), 20, "the stale .pyc to leave")
        moved_at = time.time()

    actions = log_entries(state, "action")
    assert [(a["path"], a["rule"], a["status"]) for a in actions] == [
        (str(stale), "stale-bytecode", "done")]
    # Debounced: not before the settle period, yet promptly.
    assert actions[0]["time"] - deleted_at >= 0.5
    assert moved_at - deleted_at < 15
    assert live.exists() and kept_src.exists(), "bytecode with its source stays"
    run = actions[0]["run"]
    journal = (state / "runs" / f"{run}.jsonl").read_text()
    assert '"op":"intent"' in journal and '"command":"watch"' in journal

    undone = run_tidy("undo", state=state)
    assert undone.returncode == 0, undone.stderr
    assert stale.read_bytes() == stale_bytes


@pytest.mark.slow
def test_an_npm_install_sized_burst_is_one_rescan_and_nothing_inside_is_touched_meanwhile(
        tmp_path: Path, state: Path) -> None:
    """20,000 files written by another process: the watcher coalesces the burst, leaves the
    project alone while it is written (and a process runs inside it), then applies the policy
    (a cache budget of 1 KB on node_modules) once it is quiet."""
    root = tmp_path / "ws"
    project = make_repo(root / "web")
    write(project / "package.json", '{"name": "web"}\n')
    write(root / ".tidy.toml", textwrap.dedent("""
        [watch]
        cache-budget = "1KB"
        cache-kinds = ["node_modules"]
        """))
    writer = textwrap.dedent("""
        import os, sys, time
        os.makedirs("node_modules")
        inode = os.stat("node_modules").st_ino
        for p in range(1500):
            folder = f"node_modules/pkg{p:04d}"
            os.mkdir(folder)
            for f in range(10):
                with open(f"{folder}/f{f}.js", "w") as out:
                    out.write("module.exports = 1;\\n")
        os.makedirs("assets")
        for f in range(5000):
            with open(f"assets/a{f:05d}.txt", "w") as out:
                out.write("x")
        assert os.stat("node_modules").st_ino == inode, "node_modules was replaced"
        missing = [p for p in range(1500) if not os.path.exists(f"node_modules/pkg{p:04d}/f9.js")]
        assert not missing, f"moved while being written: {missing[:3]}"
        print(time.time())
        """)
    with watcher(root, state, *FAST):
        started = time.time()
        proc = subprocess.run([sys.executable, "-c", writer], cwd=project, capture_output=True,
                              text=True, timeout=60, check=False)
        assert proc.returncode == 0, proc.stderr
        written = float(proc.stdout)
        wait_for(lambda: not (project / "node_modules").exists(), 30,
                 "node_modules to be evicted once quiet")

    events_total = log_entries(state, "stop")[-1]["events"]
    passes = [p for p in log_entries(state, "pass") if p["reason"] == "events"]
    assert events_total >= 10_000, f"the burst was seen ({events_total} events)"
    assert 1 <= len(passes) <= 5, f"coalesced into a handful of rescans, not {len(passes)}"
    touched_early = [a for a in log_entries(state, "action")
                     if a["time"] < written + 1.0 and a["status"] == "done"]
    assert touched_early == [], "nothing moved while it was written or within the quiet period"
    evicted = [a for a in log_entries(state, "action") if a["status"] == "done"]
    assert [(a["path"], a["rule"]) for a in evicted] == [
        (str(project / "node_modules"), "cache-budget")]
    assert evicted[0]["time"] > started
    assert (project / "assets" / "a04999.txt").exists()


@pytest.mark.slow
def test_artifacts_of_projects_untouched_for_n_days_go_to_the_trash_fresh_ones_stay(
        tmp_path: Path, state: Path) -> None:
    root = tmp_path / "ws"
    write(root / ".tidy.toml", '[watch]\nartifacts-older-than = "30d"\n')
    now = time.time()
    projects = {}
    for name, days in (("ancient", 31), ("recent", 29), ("fresh", 0)):
        project = make_repo(root / name)
        write(project / "package.json", "{}\n")
        write(project / "index.js", "console.log(1)\n")
        write(project / "node_modules" / "left-pad" / "index.js", "module.exports = 1\n")
        for entry in project.iterdir():
            if entry.name != ".git":
                set_age(entry, days * DAY, now)
        set_age(project, days * DAY, now) if days else None
        projects[name] = project

    with watcher(root, state, *FAST):
        pass  # the start pass applies the policy to everything already there

    moved = {a["path"] for a in log_entries(state, "action") if a["status"] == "done"}
    assert moved == {str(projects["ancient"] / "node_modules")}
    assert not (projects["ancient"] / "node_modules").exists()
    assert (projects["recent"] / "node_modules" / "left-pad" / "index.js").exists()
    assert (projects["fresh"] / "node_modules" / "left-pad" / "index.js").exists()
    assert (projects["ancient"] / "index.js").exists(), "the project's own files stay"


@pytest.mark.slow
def test_the_mode_is_said_and_a_small_budget_falls_back_to_projects_and_rescans(
        tmp_path: Path, state: Path) -> None:
    root = tmp_path / "ws"
    for r in range(3):
        repo = make_repo(root / f"r{r}")
        for d in range(20):
            write(repo / "src" / f"d{d}" / "m.py", "")
        write(repo / "node_modules" / "x" / "i.js", "")
    with watcher(root, state, *FAST):
        pass
    selective = log_entries(state, "start")[-1]
    assert selective["mode"] == "inotify-selective"
    limit = int(Path("/proc/sys/fs/inotify/max_user_watches").read_text())
    assert selective["limit"] == limit
    # root + 3 repos x (repo, src, 20 dirs) project folders + 3 node_modules with 1 inner dir
    assert selective["watches"] == 1 + 3 * 22 + 3 * 2
    assert f"of {limit:,} allowed" in selective["description"]

    with watcher(root, state, *FAST, "--max-watches", "20"):
        pass
    fallback = log_entries(state, "start")[-1]
    assert fallback["mode"] == "inotify-projects"
    assert fallback["watches"] == 1 + 3 + 3  # the root, the repos, the node_modules folders
    assert "rescan every 15m" in fallback["description"]

    status = run_tidy("watch", "--status", state=state)
    assert status.returncode == 0
    assert "no watcher is running" in status.stdout
    assert "inotify-projects" in status.stdout


@pytest.mark.slow
def test_tidys_own_moves_do_not_start_another_pass(tmp_path: Path, state: Path) -> None:
    repo = make_repo(tmp_path / "ws" / "app")
    sources = [write(repo / "pkg" / f"m{i}.py", "") for i in range(5)]
    stale = [compile_to_cache(s) for s in sources]
    set_age(repo / "pkg", 3600)
    with watcher(tmp_path / "ws", state, "--settle", "0.2s", "--quiet-period", "1s"):
        for source in sources:
            source.unlink()
        wait_for(lambda: not any(p.exists() for p in stale), 20, "the stale files to leave")
        time.sleep(1.0)  # five settle periods: a pass caused by the moves would show
    passes = [p for p in log_entries(state, "pass") if p["reason"] == "events"]
    assert len(passes) == 1, passes
    assert os.listdir(repo / "pkg" / "__pycache__") == []


@pytest.mark.slow
def test_a_cache_renamed_into_place_then_deleted_keeps_the_watcher_alive_and_quiet(
        tmp_path: Path, state: Path) -> None:
    """cargo builds in `targetXXXX` and renames it to `target`. The watcher printed watchdog's
    RuntimeWarning ("Callback with id '1' already exists") on the user's terminal, miscounted
    the renamed folder's watch, and when `target` was deleted (`cargo clean`) or the watcher
    stopped, that count raised KeyError: on the inotify thread (no event was seen again) and
    at exit (exit 3)."""
    repo = make_repo(tmp_path / "ws" / "rs")
    write(repo / "Cargo.toml", '[package]\nname = "rs"\nversion = "0.1.0"\n')
    source = write(repo / "py" / "gone.py", "")
    stale = compile_to_cache(source)
    set_age(repo / "py", 3600)
    with watcher(tmp_path / "ws", state, *FAST):
        write(repo / "targetXX01" / "debug" / "rs", "binary")
        time.sleep(0.3)
        os.rename(repo / "targetXX01", repo / "target")
        time.sleep(0.3)
        shutil.rmtree(repo / "target")  # cargo clean: the watch goes (IN_IGNORED)
        time.sleep(0.3)
        source.unlink()  # still watching: the stale .pyc goes
        wait_for(lambda: not stale.exists(), 20, "the stale .pyc to be moved")
    errors = "".join(p.read_text() for p in tmp_path.glob("watcher-*.err"))
    assert "Warning" not in errors and "Error" not in errors, errors


@pytest.mark.slow
def test_a_repo_renamed_or_deleted_while_watched_is_no_warning(tmp_path: Path,
                                                               state: Path) -> None:
    """Renaming or deleting a repo is the user's business: the passes over its old name said
    `warning: ... scan failed: no such file or directory` on the terminal and in --status."""
    root = tmp_path / "ws"
    app, old = make_repo(root / "app"), make_repo(root / "old")
    write(app / "pkg" / "keep.py", "")
    with watcher(root, state, *FAST):
        os.rename(app, root / "renamed")
        shutil.rmtree(old)
        source = write(root / "renamed" / "pkg" / "gone.py", "")
        stale = compile_to_cache(source)
        set_age(root / "renamed" / "pkg", 3600)
        source.unlink()
        wait_for(lambda: not stale.exists(), 20, "the renamed repo's stale .pyc to be moved")
        wait_for(lambda: any({str(app), str(old)} & set(p["targets"])
                             for p in log_entries(state, "pass")), 20, "a pass over the old names")
    assert log_entries(state, "warning") == []
    assert {e["path"] for e in log_entries(state, "gone")} & {str(app), str(old)}
    errors = "".join(p.read_text() for p in tmp_path.glob("watcher-*.err"))
    assert "scan failed" not in errors and " 0 warning(s)" in errors, errors


@pytest.mark.slow
def test_a_log_appended_line_by_line_is_one_warning_and_no_pass_per_line(
        tmp_path: Path, state: Path) -> None:
    """A 51 MB log where git would add it, appended by a program that opens and closes it for
    each line (`>>`, most loggers): every close was an event, every event a rescan of the
    project (16 passes in 11 s) and a new big-file warning on the terminal (the size had
    changed). Appending changes no folder's time; the files the events name are now looked at
    too, and a big file is named again only once it has doubled."""
    repo = make_repo(tmp_path / "ws" / "app")
    log = write(repo / "app.log", size=51_000_000)
    set_age(log, 3600)
    with watcher(tmp_path / "ws", state, "--settle", "0.3s", "--quiet-period", "1s"):
        passes = len(log_entries(state, "pass"))
        for _ in range(8):  # a line every 0.6 s: each close settles before the next
            with log.open("ab") as out:
                out.write(b"a line\n")
            time.sleep(0.6)
        appended = len(log_entries(state, "pass")) - passes
        wait_for(lambda: len(log_entries(state, "pass")) > passes, 20,
                 "a pass once the log is quiet")
    assert appended <= 1, f"{appended} passes while the log was appended"
    warned = [w for w in log_entries(state, "warning") if "a big file" in w["message"]]
    assert len(warned) == 1, warned
