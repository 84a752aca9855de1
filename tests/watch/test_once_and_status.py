"""`tidy watch --once` (one pass of the policy, as cron runs it) and `tidy watch --status`."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.watch.helpers import DAY, compile_to_cache, log_entries, run_tidy, set_age


def _du_apparent(path: Path) -> int:
    out = subprocess.run(["du", "-sb", "--apparent-size", str(path)], capture_output=True,
                         check=True).stdout
    return int(out.split(b"\t", 1)[0])


def _caches(root: Path) -> dict[str, tuple[Path, int]]:
    """Four .mypy_cache folders of different sizes, written 1 to 4 hours ago (a oldest)."""
    made = {}
    for age, name in enumerate(("d", "c", "b", "a"), start=1):
        project = make_repo(root / name)
        write(project / "main.py", "")
        write(project / ".mypy_cache" / "3.11" / "main.data.json", size=1000 * (5 - age) + 7)
        set_age(project / ".mypy_cache", age * 3600)
        made[name] = (project / ".mypy_cache", _du_apparent(project / ".mypy_cache"))
    return made


@pytest.mark.slow
def test_cache_budget_evicts_the_oldest_first_until_the_rest_fits(tmp_path: Path,
                                                                  state: Path) -> None:
    root = tmp_path / "ws"
    caches = _caches(root)
    total = sum(size for _, size in caches.values())
    # Just too much for the oldest alone to make room: the two oldest must go.
    budget = total - caches["a"][1] - 1
    write(root / ".tidy.toml",
          f'[watch]\ncache-budget = {budget}\ncache-kinds = [".mypy_cache"]\n')

    done = run_tidy("watch", "--once", str(root), "--format", "json", state=state)

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    moved = [a["path"] for a in result["actions"] if a["status"] == "done"]
    assert sorted(moved) == sorted([str(caches["a"][0]), str(caches["b"][0])])
    assert all(a["rule"] == "cache-budget" for a in result["actions"])
    assert result["bytes"] == caches["a"][1] + caches["b"][1]
    left = sum(_du_apparent(p) for p, _ in caches.values() if p.exists())
    assert left <= budget
    assert caches["c"][0].exists() and caches["d"][0].exists()

    again = run_tidy("watch", "--once", str(root), "--format", "json", state=state)
    assert json.loads(again.stdout)["done"] == 0, "under budget now: nothing more goes"


@pytest.mark.slow
def test_once_prints_what_it_did_and_status_shows_it(tmp_path: Path, state: Path) -> None:
    repo = make_repo(tmp_path / "app")
    source = write(repo / "old.py", "A = 1\n")
    stale = compile_to_cache(source)
    source.unlink()
    set_age(stale, 3600)
    write(repo / "node_modules" / "x" / "index.js", "1\n")
    write(repo / "index.js", "\n")
    write(repo / "big.bin", size=3_000_000)
    for entry in ("node_modules", "index.js", "big.bin"):
        set_age(repo / entry, 60 * DAY)
    write(repo / ".tidy.toml", '[watch]\nbig-file = "2MB"\n')
    set_age(repo / ".tidy.toml", 60 * DAY)

    once = run_tidy("watch", "--once", str(repo), state=state)

    assert once.returncode == 0, once.stderr
    assert f"done    stale-bytecode  {stale}" in once.stdout
    assert f"done    old-artifact    {repo / 'node_modules'}" in once.stdout
    assert f"warning: {repo / 'big.bin'}: a big file (3,000,000 bytes)" in once.stdout
    run = once.stdout.strip().splitlines()[-1].removeprefix("undo: tidy undo ")
    assert (state / "runs" / f"{run}.jsonl").exists()
    audit = [json.loads(line) for line in (state / "log.jsonl").read_text().splitlines()]
    assert audit[-1]["event"] == "watch" and audit[-1]["run"] == run

    status = run_tidy("watch", "--status", state=state)
    assert status.returncode == 0
    assert "no watcher is running" in status.stdout
    assert f"undo: tidy undo {run}" in status.stdout
    assert str(repo / "big.bin") in status.stdout
    as_json = json.loads(run_tidy("watch", "--status", "--format", "json", state=state).stdout)
    assert as_json["running"] is False
    assert [a["rule"] for a in as_json["actions"]] == ["stale-bytecode", "old-artifact"] or [
        a["rule"] for a in as_json["actions"]] == ["old-artifact", "stale-bytecode"]

    # The big file is said once, not at every pass; tidy undo puts both moves back.
    second = run_tidy("watch", "--once", str(repo), state=state)
    assert "big file" not in second.stdout
    assert run_tidy("undo", run, state=state).returncode == 0
    assert stale.exists() and (repo / "node_modules" / "x" / "index.js").exists()


@pytest.mark.slow
def test_once_leaves_a_file_written_in_the_quiet_period(tmp_path: Path, state: Path) -> None:
    repo = make_repo(tmp_path / "app")
    source = write(repo / "m.py", "")
    stale = compile_to_cache(source)
    source.unlink()  # the .pyc was written just now: a build may be running
    once = run_tidy("watch", "--once", str(repo), "--format", "json", state=state)
    result = json.loads(once.stdout)
    assert result["done"] == 0 and result["skipped"] == 1
    assert "a build may be running" in result["actions"][0]["reason"]
    assert stale.exists()
    set_age(stale, 60)
    assert json.loads(run_tidy("watch", "--once", str(repo), "--format", "json",
                               state=state).stdout)["done"] == 1


@pytest.mark.slow
def test_a_git_operation_in_progress_defers_the_project(tmp_path: Path, state: Path) -> None:
    repo = make_repo(tmp_path / "app")
    source = write(repo / "m.py", "")
    stale = compile_to_cache(source)
    source.unlink()
    set_age(stale, 3600)
    (repo / ".git" / "index.lock").write_text("")
    result = json.loads(run_tidy("watch", "--once", str(repo), "--format", "json",
                                 state=state).stdout)
    assert result["deferred"] == [str(repo)] and result["done"] == 0 and stale.exists()
    deferred = log_entries(state, "deferred")
    assert "index.lock" in deferred[-1]["reason"]
    os.unlink(repo / ".git" / "index.lock")
    assert json.loads(run_tidy("watch", "--once", str(repo), "--format", "json",
                               state=state).stdout)["done"] == 1


@pytest.mark.slow
def test_bad_watch_settings_are_one_line_and_exit_2(tmp_path: Path, state: Path) -> None:
    write(tmp_path / "p" / "pyproject.toml", '[tool.tidy.watch]\nstale-bytcode = "trash"\n')
    done = run_tidy("watch", "--once", str(tmp_path / "p"), state=state)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "unknown key 'stale-bytcode' in [tool.tidy.watch]" in done.stderr
    assert str(tmp_path / "p" / "pyproject.toml") in done.stderr

    refused = run_tidy("watch", "--once", "/", state=state)
    assert refused.returncode == 2 and "filesystem root" in refused.stderr
    missing = run_tidy("watch", "--once", str(tmp_path / "nope"), state=state)
    assert missing.returncode == 2 and "not a folder" in missing.stderr


def test_status_with_no_history(state: Path) -> None:
    done = run_tidy("watch", "--status", state=state)
    assert done.returncode == 0
    assert done.stdout.startswith("no watcher is running\n")
    assert "no passes yet" in done.stdout


@pytest.mark.slow
def test_status_sees_a_running_watcher(tmp_path: Path, state: Path) -> None:
    from tests.watch.helpers import watcher

    make_repo(tmp_path / "ws" / "a")
    with watcher(tmp_path / "ws", state, "--settle", "0.5s") as proc:
        status = run_tidy("watch", "--status", "--format", "json", state=state)
        found = json.loads(status.stdout)
        assert found["running"] is True
        assert found["watchers"][0]["pid"] == proc.pid
        assert found["watchers"][0]["mode"] == "inotify-selective"
        text = run_tidy("watch", "--status", state=state).stdout
        assert text.startswith(f"watching (pid {proc.pid}) since ")
        assert "mode inotify-selective: 2 inotify watches of" in text
    time.sleep(0.1)
    assert json.loads(run_tidy("watch", "--status", "--format", "json",
                               state=state).stdout)["running"] is False


@pytest.mark.slow
def test_a_watch_pass_reads_and_writes_the_scans_content_cache(tmp_path: Path) -> None:
    """`tidy watch` scans through the same engine, and so the same content cache: its pass
    writes the repo's cache, and a scan after it agrees with one that reads every file."""
    from tests.conftest import git, run_cli
    from tidy.workspace import content_cache
    from tidy.workspace.content import RACY_MARGIN_NS

    root = make_repo(tmp_path / "app")
    write(root / "mock_api.py", "DATA = [\n" + ",\n".join(f"  {i}" for i in range(40_000))
          + "\n]\n")
    write(root / "main.py", "print(1)\n")
    git(root, "add", "-A")
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)
    state = tmp_path / "state"
    done = run_tidy("watch", "--once", str(root), "--format", "json", state=state)
    assert done.returncode == 0, done.stderr
    assert os.path.isfile(content_cache.cache_path(str(root)))
    env = {**os.environ, "TIDY_STATE_DIR": str(state)}
    warm = run_cli("scan", "--format", "json", "-q", "--no-record", str(root), cwd=root, env=env)
    cold = run_cli("scan", "--format", "json", "-q", "--no-record", "--no-cache", str(root),
                   cwd=root, env=env)
    codes = [sorted(f["code"] for g in r.json()["groups"] for f in g["findings"])
             for r in (warm, cold)]
    assert codes[0] == codes[1] and "TDY301" in codes[0]


def test_once_names_the_artifacts_it_left_because_they_are_recent(tmp_path: Path,
                                                                  state: Path) -> None:
    # `tidy scan` listed node_modules as reclaimable; `tidy watch --once` said only "moved 0
    # item(s), 0 bytes" and never why (artifacts-older-than: 30d by default).
    repo = make_repo(tmp_path / "app")
    write(repo / "index.js", "\n")
    write(repo / "node_modules" / "x" / "index.js", "1\n")
    old = make_repo(tmp_path / "old")
    write(old / "index.js", "\n")
    write(old / "node_modules" / "x" / "index.js", "1\n")
    for entry in ("index.js", "node_modules"):
        set_age(old / entry, 60 * DAY)
    for root in (repo, old):
        once = run_tidy("watch", "--once", str(root), state=state)
        assert once.returncode == 0, once.stderr
    assert (repo / "node_modules").exists() and not (old / "node_modules").exists()

    text = run_tidy("watch", "--once", str(repo), state=state).stdout
    assert (f"  left    old-artifact    {repo / 'node_modules'} (project changed 0h ago; "
            "artifacts-older-than 30d)") in text, text
    result = json.loads(run_tidy("watch", "--once", str(repo), "--format", "json",
                                 state=state).stdout)
    assert result["left"] == [{"path": str(repo / "node_modules"), "rule": "old-artifact",
                               "reason": "project changed 0h ago; artifacts-older-than 30d"}]


@pytest.mark.slow
def test_a_rule_code_typo_in_a_settings_file_is_named_not_ignored(tmp_path: Path,
                                                                   state: Path) -> None:
    # The root's own file: a usage error before any pass (exit 2). A repo found below with
    # one: a warning naming that file, and the pass goes on for the rest.
    root = tmp_path / "ws"
    repo = make_repo(root / "app")
    write(repo / "main.py", "")
    own = write(repo / ".tidy.toml", 'select = ["TDY11"]\n')
    below = run_tidy("watch", "--once", str(root), state=state)
    assert below.returncode == 0, below.stderr
    assert (f"{own}: 'select': unknown rule code or prefix 'TDY11'"
            in below.stdout + below.stderr), below.stdout + below.stderr
    own.unlink()
    top = write(root / ".tidy.toml", 'ignore = ["TDY1O1"]\n')
    at_root = run_tidy("watch", "--once", str(root), state=state)
    assert at_root.returncode == 2, at_root
    assert f"{top}: 'ignore': unknown rule code or prefix 'TDY1O1'" in at_root.stderr
    assert len(at_root.stderr.strip().splitlines()) == 1, at_root.stderr


@pytest.mark.slow
def test_once_over_a_workspace_follows_each_repos_own_watch_table(tmp_path: Path,
                                                                   state: Path) -> None:
    """`tidy watch --once ~/code` (what the nightly schedule runs) judges each repo by its own
    [watch] table, as watching that repo alone does: a repo that limits the age policy to
    node_modules keeps its old .tox and its stale bytecode; its neighbour without a table
    gets the defaults."""
    root = tmp_path / "code"
    made = {}
    for name in ("strict", "plain"):
        repo = make_repo(root / name)
        write(repo / "tox.ini", "[tox]\n")
        write(repo / ".tox" / "py311" / "x.txt", "1\n")
        source = write(repo / "gone.py", "A = 1\n")
        stale = compile_to_cache(source)
        source.unlink()
        for entry in (".tox", "tox.ini"):
            set_age(repo / entry, 60 * DAY)
        set_age(stale, 3600)
        made[name] = (repo, stale)
    strict = made["strict"][0]
    write(strict / ".tidy.toml",
          '[watch]\nartifact-kinds = ["node_modules"]\nstale-bytecode = "off"\n')
    set_age(strict / ".tidy.toml", 60 * DAY)

    once = run_tidy("watch", "--once", str(root), "--format", "json", state=state)

    assert once.returncode == 0, once.stderr
    moved = {a["path"] for a in json.loads(once.stdout)["actions"] if a["status"] == "done"}
    plain, plain_stale = made["plain"]
    assert moved == {str(plain / ".tox"), str(plain_stale)}
    assert (strict / ".tox").exists() and made["strict"][1].exists()


@pytest.mark.parametrize("line", [
    '{"event":"pass","time":1,"targets":null,"seconds":"s","done":"d"}',
    '{"event":"action","time":1e300,"path":7,"status":["done"]}',
    '{"event":"start","time":1,"pid":"abc","roots":5,"mode":{}}',
    '{"event":"pass","time":-1e20,"bytes":1.5,"deferred":[1]}',
    '{"event":"warning","time":"yesterday","message":["a"]}',
])
def test_status_reads_an_edited_log_without_an_internal_error(state: Path, line: str) -> None:
    """The watch log is untrusted input: a field of another type ended --status in an
    internal error (exit 3). Such a field now shows as "?" and the rest is still shown."""
    state.mkdir(parents=True, mode=0o700)
    good = '{"event":"pass","time":1000,"reason":"once","targets":["/r"],"done":2,"bytes":9}'
    (state / "watch.log").write_text(f"{line}\n{good}\n")
    shown = run_tidy("watch", "--status", state=state)
    assert shown.returncode == 0, shown.stderr
    assert "once     1 folder(s)" in shown.stdout and "moved 2 (9 bytes)" in shown.stdout
    as_json = run_tidy("watch", "--status", "--format", "json", state=state)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["passes"][-1]["done"] == 2
