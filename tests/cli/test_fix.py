"""`tidy fix`, `tidy undo`, `tidy trash list|purge`, `tidy log` through the real entry point."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import commit, du_apparent, make_repo, write
from tests.fixes.helpers import backdate, run_tidy, snapshot, tidy_env
from tidy.fixes import report


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


def project(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "proj")
    write(root / "pkg" / "mod.py", "x = 1\n")
    write(root / "pkg" / "__pycache__" / "mod.cpython-311.pyc", b"\x00" * 300)
    write(root / "web" / "package.json", "{}\n")
    write(root / "web" / "node_modules" / "a" / "index.js", "x" * 5000)
    commit(root, "pkg/mod.py", "web/package.json")
    backdate(root)
    return root


FIX = ("fix", "-q", "--select", "TDY1")  # the cache family; 5xx fixers are tested elsewhere


@pytest.mark.slow
def test_without_a_terminal_and_without_yes_it_refuses(tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    before = snapshot(root)
    result = run_tidy(*FIX, cwd=root, state=state)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--yes" in result.stderr
    assert snapshot(root) == before
    assert not (state / "runs").exists()


@pytest.mark.slow
@pytest.mark.parametrize("flag", ["--dry-run"])
def test_dry_run_shows_the_plan_and_changes_nothing(tmp_path: Path, state: Path,
                                                    flag: str) -> None:
    root = project(tmp_path)
    before = snapshot(root)
    result = run_tidy(*FIX, flag, cwd=root, state=state)
    assert result.returncode == 0, result.stderr
    assert "web/node_modules" in result.stdout and "pkg/__pycache__" in result.stdout
    assert "dry run" in result.stdout
    assert snapshot(root) == before
    as_json = run_tidy(*FIX, flag, "--format", "json", cwd=root, state=state)
    document = json.loads(as_json.stdout)
    assert document["dry_run"] and document["result"] is None and document["run"] is None
    assert {a["rel"] for a in document["plan"]["actions"]} == {"web/node_modules",
                                                               "pkg/__pycache__"}


@pytest.mark.slow
def test_yes_json_reports_moved_not_freed_and_undo_restores(tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    before = snapshot(root)
    result = run_tidy(*FIX, "--yes", "--format", "json", cwd=root, state=state)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    planned = sum(a["bytes"] for a in document["plan"]["actions"])
    moved = document["result"]["moved_to_trash"]
    assert moved["items"] == 2 and moved["bytes"] == planned > 5000
    assert document["result"]["freed_bytes"] == 0
    assert not (root / "web" / "node_modules").exists()
    listing = json.loads(run_tidy("trash", "list", "--format", "json", cwd=root,
                                  state=state).stdout)
    (run,) = listing["runs"]
    assert run["run"] == document["run"] and run["bytes"] == planned
    assert run["status"] == "complete"
    undo = run_tidy("undo", cwd=root, state=state)
    assert undo.returncode == 0 and "put back 2 items from the trash (" in undo.stdout
    assert snapshot(root) == before


@pytest.mark.slow
@pytest.mark.parametrize("named", [("p0", "p1"), ("p1", "p0"), ("p0", "p0/sub")])
def test_each_folder_named_of_one_repo_is_fixed_and_no_other(tmp_path: Path, state: Path,
                                                              named: tuple[str, str]) -> None:
    """`tidy fix repo/a repo/b`: both named folders are one repo's group; each one's caches
    move (the plan once limited every finding to one of them), the folder not named stays."""
    root = make_repo(tmp_path / "proj")
    for part in ("p0", "p0/sub", "p1", "p2"):
        write(root / part / "package.json", "{}\n")
        write(root / part / "node_modules" / "a" / "index.js", "x" * 3000)
        commit(root, f"{part}/package.json")
    backdate(root)
    before = snapshot(root)
    result = run_tidy(*FIX, "--yes", "--format", "json", *(str(root / n) for n in named),
                      cwd=tmp_path, state=state)
    assert result.returncode == 0, result.stderr
    moved = {os.path.relpath(a["path"], root) for a in json.loads(result.stdout)["plan"]["actions"]}
    assert moved == {f"{n}/node_modules" for n in named} | (
        {"p0/sub/node_modules"} if "p0" in named else set())
    for part in ("p0", "p0/sub", "p1", "p2"):
        assert (root / part / "node_modules").exists() == (f"{part}/node_modules" not in moved)
    assert run_tidy("undo", cwd=root, state=state).returncode == 0
    assert snapshot(root) == before


@pytest.mark.slow
def test_text_output_says_the_space_is_not_freed_until_purge(tmp_path: Path,
                                                             state: Path) -> None:
    root = project(tmp_path)
    result = run_tidy(*FIX, "--yes", cwd=root, state=state)
    assert result.returncode == 0
    assert "moved to trash: 2 items" in result.stdout and "tidy trash purge" in result.stdout
    purge = run_tidy("trash", "purge", cwd=root, state=state)
    assert purge.returncode == 0 and purge.stdout.startswith("freed ")
    assert not list((root / ".git" / "tidy" / "trash").iterdir())
    assert "the trash is empty" in run_tidy("trash", "list", cwd=root, state=state).stdout
    undo = run_tidy("undo", cwd=root, state=state)
    assert "nothing to undo" in undo.stderr
    log = run_tidy("log", cwd=root, state=state).stdout.splitlines()
    assert [line.split()[3] for line in log] == ["fix", "purge"]
    assert "tidy fix -q --select TDY1 --yes" in log[0]


@pytest.mark.slow
def test_text_output_names_the_file_each_rule_went_to(tmp_path: Path, state: Path) -> None:
    # The result said "ignore: pkg/__pycache__" and left the user to find the edited file.
    root = project(tmp_path)
    result = run_tidy("fix", "-q", "--yes", cwd=root, state=state)
    assert result.returncode == 0, result.stderr
    assert "ignore: pkg/__pycache__ (written to .gitignore)" in result.stdout, result.stdout
    assert "__pycache__/" in (root / ".gitignore").read_text()


@pytest.mark.slow
def test_git_rm_result_says_where_the_files_went_and_how_to_undo(tmp_path: Path,
                                                                 state: Path) -> None:
    # The result said only "git-rm: static/vendor/chartlib": the files were gone from disk
    # and nothing said they were in the trash or how to get them back.
    root = make_repo(tmp_path / "web")
    write(root / "src" / "index.js", "console.log(1);\n")
    write(root / "static" / "vendor" / "chartlib" / "chartlib.js",
          "/*! ChartLib v2.1.0 | MIT */\n" + "function f(a){return a;}\n" * 200)
    commit(root)
    backdate(root)
    result = run_tidy("fix", "-q", "--unsafe-fixes", "--select", "TDY401", "--yes", cwd=root,
                      state=state)
    assert result.returncode == 0, result.stderr
    assert not (root / "static" / "vendor" / "chartlib").exists()
    run = json.loads(run_tidy("trash", "list", "--format", "json", cwd=root,
                              state=state).stdout)["runs"][0]["run"]
    line = next(x for x in result.stdout.splitlines() if x.startswith("git rm -r: "))
    assert line == ("git rm -r: static/vendor/chartlib (files in tidy's trash; commit to make "
                    f"it stick, `tidy undo {run}` puts them back)"), line


@pytest.mark.slow
def test_purge_counts_the_runs_trash_list_shows(tmp_path: Path, state: Path) -> None:
    # An undone run leaves nothing in the trash and `tidy trash list` hides it; purge still
    # counted it: the list showed 1 run of 666.4 kB, purge said "freed 666.4 kB from 2 run(s)".
    root = project(tmp_path)
    assert run_tidy(*FIX, "--yes", cwd=root, state=state).returncode == 0
    assert run_tidy("undo", cwd=root, state=state).returncode == 0
    assert "the trash is empty" in run_tidy("trash", "list", cwd=root, state=state).stdout
    assert run_tidy("trash", "purge", cwd=root, state=state).stdout.startswith(
        "nothing to purge")
    write(root / "pkg" / "__pycache__" / "mod.cpython-311.pyc", b"\x00" * 300)
    backdate(root)
    assert run_tidy(*FIX, "--yes", cwd=root, state=state).returncode == 0
    assert run_tidy("undo", cwd=root, state=state).returncode == 0
    assert run_tidy(*FIX, "--yes", cwd=root, state=state).returncode == 0
    listing = json.loads(run_tidy("trash", "list", "--format", "json", cwd=root,
                                  state=state).stdout)
    (run,) = listing["runs"]
    purge = run_tidy("trash", "purge", cwd=root, state=state)
    assert purge.returncode == 0
    assert purge.stdout.startswith(f"freed {report.size(run['bytes'])} from 1 run\n"), \
        purge.stdout


@pytest.mark.slow
def test_purge_older_than_keeps_recent_runs_and_dry_run_deletes_nothing(
        tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    assert run_tidy(*FIX, "--yes", cwd=root, state=state).returncode == 0
    trash = root / ".git" / "tidy" / "trash"
    kept = run_tidy("trash", "purge", "--older-than", "7d", cwd=root, state=state)
    # Not a dry run, and nothing old enough: it says so, not "would free" (issue 17.14).
    assert kept.returncode == 0 and kept.stdout == "nothing to purge\n"
    dry = run_tidy("trash", "purge", "--dry-run", cwd=root, state=state)
    assert dry.stdout.startswith("would free") and len(list(trash.iterdir())) == 1
    freed = run_tidy("trash", "purge", "--older-than", "0s", cwd=root, state=state)
    assert freed.returncode == 0 and freed.stdout.startswith("freed ") and "would" not in (
        freed.stdout)
    assert list(trash.iterdir()) == []


@pytest.mark.slow
def test_undo_that_would_overwrite_exits_1_and_keeps_both(tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    assert run_tidy(*FIX, "--yes", cwd=root, state=state).returncode == 0
    write(root / "web" / "node_modules" / "new.js", "rebuilt\n")
    undo = run_tidy("undo", cwd=root, state=state)
    assert undo.returncode == 1
    assert "exists at the original path" in undo.stdout
    assert (root / "web" / "node_modules" / "new.js").read_text() == "rebuilt\n"
    assert (root / "pkg" / "__pycache__" / "mod.cpython-311.pyc").exists()  # the other one


@pytest.mark.parametrize("path", ["/", "HOME"])
def test_refuses_the_filesystem_root_and_home(tmp_path: Path, state: Path, path: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = tidy_env(state, {"HOME": str(home)})
    target = str(home) if path == "HOME" else "/"
    result = subprocess.run([sys.executable, "-m", "tidy", "fix", "--yes", target],
                            cwd=tmp_path, capture_output=True, text=True, env=env, check=False,
                            timeout=60)
    assert result.returncode == 2 and "refusing" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_run_is_a_usage_error(tmp_path: Path, state: Path) -> None:
    result = run_tidy("undo", "20990101-000000-abcdef", cwd=tmp_path, state=state)
    assert result.returncode == 2 and "no fix run" in result.stderr


@pytest.mark.slow
def test_kind_and_older_than_narrow_the_plan(tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    only = json.loads(run_tidy(*FIX, "--dry-run", "--format", "json", "--kind", "node_modules",
                               cwd=root, state=state).stdout)
    assert [a["rel"] for a in only["plan"]["actions"]] == ["web/node_modules"]
    write(root / "pkg" / "new.py", "y = 2\n")  # pkg touched today; web is 2h old
    recent = json.loads(run_tidy(*FIX, "--dry-run", "--format", "json", "--older-than", "1h",
                                 cwd=root, state=state).stdout)
    assert [a["rel"] for a in recent["plan"]["actions"]] == ["web/node_modules"]
    reasons = {i["path"]: i["reason"] for i in recent["plan"]["left_out"]}
    assert "project changed" in reasons[str(root / "pkg" / "__pycache__")]


@pytest.mark.slow
def test_venv_needs_both_its_kind_and_unsafe_fixes(tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    write(root / ".venv" / "pyvenv.cfg", "home = /usr/bin\n")
    write(root / ".venv" / "lib" / "site.py", "pass\n")
    backdate(root)
    plain = json.loads(run_tidy(*FIX, "--dry-run", "--format", "json", cwd=root,
                                state=state).stdout)
    assert ".venv" not in {a["rel"] for a in plain["plan"]["actions"]}
    kind = json.loads(run_tidy(*FIX, "--dry-run", "--format", "json", "--kind", "venv",
                               cwd=root, state=state).stdout)
    assert kind["plan"]["actions"] == []
    assert any("--unsafe-fixes" in i["reason"] for i in kind["plan"]["left_out"])
    both = json.loads(run_tidy(*FIX, "--dry-run", "--format", "json", "--kind", "venv",
                               "--unsafe-fixes", cwd=root, state=state).stdout)
    assert [a["rel"] for a in both["plan"]["actions"]] == [".venv"]


def _run_on_a_terminal(args: list[str], cwd: Path, state: Path, answer: bytes) -> tuple[int, str]:
    """Run tidy with stdin/stderr on a pseudo-terminal and answer its question."""
    primary, secondary = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "tidy", *args], cwd=cwd, env=tidy_env(state),
                             stdin=secondary, stderr=secondary, stdout=subprocess.PIPE)
    os.close(secondary)
    seen = b""
    deadline = time.monotonic() + 60
    while b"?" not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.5)
        if ready:
            try:
                seen += os.read(primary, 4096)
            except OSError:
                break
    os.write(primary, answer)
    out, _ = child.communicate(timeout=60)
    os.close(primary)
    return child.returncode, seen.decode(errors="replace") + out.decode(errors="replace")


@pytest.mark.slow
def test_on_a_terminal_it_asks_first(tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    before = snapshot(root)
    code, text = _run_on_a_terminal([*FIX], root, state, b"n\n")
    assert code == 0 and "to tidy's trash" in text
    assert snapshot(root) == before
    code, text = _run_on_a_terminal([*FIX], root, state, b"y\n")
    assert code == 0 and "moved to trash" in text
    assert not (root / "web" / "node_modules").exists()


@pytest.mark.slow
def test_the_question_counts_a_folder_trashed_and_ignored_once(tmp_path: Path,
                                                              state: Path) -> None:
    # An unignored __pycache__ is two plan rows (TDY101 to the trash, TDY501 an ignore rule):
    # the question asked "move 3 item(s), 1.3 MB" for 2 folders of 666 kB.
    root = project(tmp_path)
    moving = [root / "pkg" / "__pycache__", root / "web" / "node_modules"]
    code, text = _run_on_a_terminal(["fix", "-q"], root, state, b"n\n")
    question = next(line for line in text.splitlines() if "[y/N]" in line)
    expected = report.size(sum(du_apparent(path) for path in moving))
    assert code == 0 and f"move 2 items, {expected}, to tidy's trash" in question, question
    assert "and make 2 index or config edits?" in question, question


@pytest.mark.slow
def test_kind_accepts_any_name_of_a_kind(tmp_path: Path, state: Path) -> None:
    root = project(tmp_path)
    write(root / ".nox" / "py311" / "bin" / "python", "#!\n")  # kind ".tox" names .tox and .nox
    backdate(root)
    plan = json.loads(run_tidy(*FIX, "--dry-run", "--format", "json", "--kind", ".nox",
                               cwd=root, state=state).stdout)
    assert [a["rel"] for a in plan["plan"]["actions"]] == [".nox"]


def _scanned_with_caches(tmp_path: Path, state: Path) -> tuple[Path, Path]:
    """A repo with a vendored library and a plain folder with a big file and its copy, each
    scanned once: each has a content cache (the repo's in its git dir, the folder's in the
    state folder)."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "static/vendor/jquery/package.json", '{"name": "jquery", "version": "3.6.0"}')
    write(repo / "static/vendor/jquery/jquery.min.js", "var a=function(){return 1};" * 300)
    commit(repo)
    plain = tmp_path / "plain"
    write(plain / "a.bin", b"a" * 300_000)
    write(plain / "b.bin", b"a" * 300_000)  # a copy: both hashed whole, hashes kept
    backdate(repo)
    backdate(plain)
    for folder in (repo, plain):
        assert run_tidy("scan", "-q", "--no-record", str(folder), cwd=tmp_path,
                        state=state).returncode in (0, 1)
    repo_cache = repo / ".git" / "tidy" / "content-cache.json"
    [plain_cache] = (state / "content-cache").glob("*.json")
    assert repo_cache.is_file() and plain_cache.is_file()
    return repo_cache, plain_cache


@pytest.mark.slow
def test_purge_drops_the_content_caches_and_says_which(tmp_path: Path, state: Path) -> None:
    repo_cache, plain_cache = _scanned_with_caches(tmp_path, state)
    notes = repo_cache.parent / "content-notes.json"  # the repo cache's notes (content_notes)
    untracked = repo_cache.parent / "untracked-listing"  # git's untracked walk (untracked_cache)
    assert notes.is_file() and untracked.is_file()

    dry = run_tidy("trash", "purge", "--dry-run", cwd=tmp_path, state=state)
    assert dry.returncode == 0 and "would drop 4 content caches" in dry.stdout
    assert str(repo_cache) in dry.stdout and str(plain_cache) in dry.stdout
    assert str(notes) in dry.stdout and str(untracked) in dry.stdout
    assert repo_cache.exists() and plain_cache.exists() and notes.exists() and untracked.exists()
    only_old = run_tidy("trash", "purge", "--older-than", "7d", cwd=tmp_path, state=state)
    assert only_old.stdout == "nothing to purge\n" and repo_cache.exists()  # runs only

    done = run_tidy("trash", "purge", "--format", "json", cwd=tmp_path, state=state)

    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    dropped = body["content_caches"]["dropped"]
    assert sorted(d["path"] for d in dropped) == sorted(
        [str(repo_cache), str(plain_cache), str(notes), str(untracked)])
    assert body["freed_bytes"] == sum(d["bytes"] for d in dropped) > 0
    assert not repo_cache.exists() and not plain_cache.exists() and not notes.exists()
    assert not untracked.exists()
    log = run_tidy("log", cwd=tmp_path, state=state).stdout
    assert "dropped 4 content caches" in log


@pytest.mark.slow
def test_purge_leaves_a_symlinked_cache_and_says_so(tmp_path: Path, state: Path) -> None:
    repo_cache, plain_cache = _scanned_with_caches(tmp_path, state)
    victim = write(tmp_path / "victim.txt", "keep me\n")
    repo_cache.unlink()
    repo_cache.symlink_to(victim)

    done = run_tidy("trash", "purge", cwd=tmp_path, state=state)

    assert done.returncode == 1  # something needs a look
    assert f"! {repo_cache}: a symlink, not tidy's cache: left alone" in done.stdout
    # The plain folder's cache, the repo's notes and untracked listing (tidy's own files) go.
    assert "dropped 3 content caches" in done.stdout and not plain_cache.exists()
    assert not (repo_cache.parent / "content-notes.json").exists()
    assert not (repo_cache.parent / "untracked-listing").exists()
    assert victim.read_text() == "keep me\n" and repo_cache.is_symlink()
