"""Bad input never crashes a scan: it goes on, says what it skipped, and errors are one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import (
    CliResult,
    commit,
    findings,
    git,
    hermetic_env,
    make_repo,
    run_cli,
    scan_foundation,
    scan_json,
    write,
)

Main = Callable[..., CliResult]
NOBODY = 65534


def assert_clean_failure(result: CliResult, code: int, *needles: str) -> None:
    assert result.code == code, result
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    for needle in needles:
        assert needle in lines[0]


def schema() -> dict[str, Any]:
    path = Path(__file__).resolve().parents[2] / "tidy" / "schemas" / "report-v1.json"
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


# ------------------------------------------------------------------ unreadable folders
def run_main_as(uid: int, args: list[str]) -> CliResult:
    """tidy.cli.main(args) in a forked child that dropped to `uid` (root ignores chmod 000).

    The interpreter lives where `nobody` cannot read, so the child is a fork of this process
    with every module it needs already imported, not a new `python -m tidy`.
    """
    import contextlib
    import importlib
    import io
    import pkgutil

    import tidy
    from tidy.cli import main

    for module in pkgutil.walk_packages(tidy.__path__, "tidy."):  # lazy imports, done now
        importlib.import_module(module.name)
    for name in ("sqlite3", "multiprocessing.popen_fork", "concurrent.futures.process"):
        importlib.import_module(name)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(args)  # once as root: whatever the run imports lazily (rich) is loaded now

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        out, err = io.StringIO(), io.StringIO()
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(args)
        except BaseException as error:  # reported to the parent, which fails the test
            err.write(f"child crashed: {error!r}")
        finally:
            payload = json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()})
            with os.fdopen(write_end, "w") as pipe:
                pipe.write(payload)
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    data = json.loads(payload)
    return CliResult(data["code"], data["out"], data["err"])


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user")
def test_unreadable_folders_are_skipped_and_said(
    shared_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(shared_tmp / "repo")
    state = shared_tmp / "state"
    state.mkdir()
    subprocess.run(["chown", f"{NOBODY}:{NOBODY}", str(state)], check=True)
    monkeypatch.setenv("XDG_STATE_HOME", str(state))  # history.sqlite: writable by nobody
    write(repo / "src" / "main.py", "print()\n")
    commit(repo)
    write(repo / "secret" / "keys.txt", "k")
    write(repo / "node_modules" / "ok" / "index.js", size=100)
    write(repo / "node_modules" / "locked" / "x.js", size=100)
    write(repo / "app" / "__pycache__" / "m.cpython-311.pyc", size=10)
    write(repo / "app" / "m.py", "")
    subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(repo)], check=True)
    (repo / "secret").chmod(0)
    (repo / "node_modules" / "locked").chmod(0)
    (repo / "app" / "__pycache__").chmod(0o311)  # can enter, cannot list
    result = run_main_as(NOBODY, ["scan", str(repo), "--format", "json", "-q",
                                  "--select", "TDY1"])
    assert result.code == 0, result.err
    report = json.loads(result.out)
    jsonschema.validate(report, schema())
    skipped = {os.path.relpath(s["path"], repo): s["reason"] for s in report["skipped"]}
    assert skipped.get("secret") == "permission denied"
    assert skipped.get("node_modules/locked") == "permission denied"
    assert skipped.get("app/__pycache__") == "permission denied"
    assert "node_modules" in {f["path"] for f in findings(report)}
    text = run_main_as(NOBODY, ["scan", str(repo), "-q", "--select", "TDY1"])
    assert "skipped" in text.out and "permission denied" in text.out


# -------------------------------------------------------------------- vanishing files
def _many_files(root: Path, dirs: int = 40, per_dir: int = 230) -> None:
    for d in range(dirs):
        folder = root / f"d{d:02d}"
        folder.mkdir(parents=True)
        for f in range(per_dir):
            (folder / f"f{f}.txt").write_bytes(b"x")
        write(folder / "node_modules" / "p" / "i.js", size=10)
        write(folder / "__pycache__" / "m.pyc", size=10)


@pytest.mark.slow
def test_files_vanishing_mid_scan_via_progress_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Delete everything the walk has not reached yet, from inside the walk (deterministic:
    one process walks it all, so nothing was reached early by a worker)."""
    from tidy import engine
    from tidy.core.config import Config
    from tidy.reporters import json as json_reporter
    from tidy.workspace.pool import WorkerPool

    monkeypatch.setattr(engine, "WorkerPool", lambda: WorkerPool(0))
    root = tmp_path / "tree"
    _many_files(root)
    deleted: list[int] = []

    def progress(entries: int, _bytes: int) -> None:
        if not deleted:
            deleted.append(entries)
            for child in root.iterdir():
                shutil.rmtree(child, ignore_errors=True)

    report = engine.scan([str(root)], Config(), progress)
    assert deleted, "the tree was too small to reach a progress tick"
    reasons = {s.reason for s in report.skipped}
    assert "vanished during the scan" in reasons
    jsonschema.validate(json.loads(json_reporter.render(report)), schema())


def test_a_folder_gone_before_its_worker_reaches_it_is_skipped(tmp_path: Path) -> None:
    from tidy.core.config import Config
    from tidy.workspace.walk import WalkOptions, explore_part

    root = tmp_path / "tree"
    root.mkdir()
    options = WalkOptions(share_above=0, defer_links=True)
    part = explore_part(str(root), root.stat().st_dev, Config().catalog(), options,
                        str(root / "gone"), "gone", False)
    assert [(s.path, s.reason) for s in part.result.skipped] == [
        ("gone", "vanished during the scan")]


@pytest.mark.slow
def test_files_vanishing_while_a_cli_scan_runs(tmp_path: Path) -> None:
    """A real race: a thread deletes folders while `python -m tidy scan` walks them."""
    root = tmp_path / "tree"
    _many_files(root, dirs=30, per_dir=100)
    proc = subprocess.Popen([sys.executable, "-m", "tidy", "scan", str(root), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=hermetic_env())

    def delete() -> None:
        for child in sorted(root.iterdir(), reverse=True):
            shutil.rmtree(child, ignore_errors=True)
            time.sleep(0.002)

    deleter = threading.Thread(target=delete)
    deleter.start()
    out, err = proc.communicate(timeout=120)
    deleter.join()
    assert proc.returncode == 0, err
    assert b"Traceback" not in err
    jsonschema.validate(json.loads(out), schema())


# ------------------------------------------------------------------------ odd names
@pytest.mark.slow
def test_non_utf8_names_in_the_text_report(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write(root / os.fsdecode(b"caf\xe9") / "node_modules" / "x.js", size=10)
    write(root / os.fsdecode(b"\xff\xfe") / ".DS_Store", size=10)
    for env in (hermetic_env(), hermetic_env({"LC_ALL": "C", "LANG": "C"})):
        proc = subprocess.run([sys.executable, "-m", "tidy", "scan", str(root)], env=env,
                              capture_output=True, check=False)
        assert proc.returncode == 0, proc.stderr
        text = proc.stdout.decode("utf-8")  # valid UTF-8 whatever the names were
        assert "caf\\xe9/node_modules" in text
        assert "\\xff\\xfe/.DS_Store" in text


def test_newlines_and_control_characters_in_names(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write(root / "two\nlines" / "node_modules" / "x.js", size=10)
    write(root / "tab\there" / "__pycache__" / "m.pyc", size=10)
    write(root / "tab\there" / "m.py", "")
    report = scan_foundation(root)
    assert {f["path"] for f in findings(report)} == {
        "two\nlines/node_modules", "tab\there/__pycache__"}


def test_very_deep_tree(tmp_path: Path) -> None:
    deep = tmp_path / "p"
    for _ in range(400):  # deeper than Python's recursion limit would allow a recursive walk
        deep = deep / "d"
    write(deep / "__pycache__" / "m.pyc", size=10)
    write(deep / "m.py", "")
    (finding,) = findings(scan_foundation(tmp_path / "p"))
    assert finding["path"].endswith("d/__pycache__")


# --------------------------------------------------------------- traps for the reader
def test_fifo_and_device_links_as_evidence_files_do_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write(root / "setup.py", "")
    write(root / "build" / "temp.linux-x86_64-cpython-311" / "x.o", size=10)  # setuptools'
    os.mkfifo(root / "build" / "CACHEDIR.TAG")  # opening this for reading would block
    write(root / "dist" / "x.whl", size=10)
    os.symlink("/dev/zero", root / "dist" / ".gitignore")  # reading lines would never end
    write(root / "out" / "y", size=10)
    os.symlink("/dev/zero", root / "out" / "CACHEDIR.TAG")
    result = run_cli("scan", "--format", "json", "--select", "TDY1", str(root), cwd=tmp_path,
                     timeout=60)
    assert result.code == 0, result.err
    paths = {f["path"] for f in findings(result.json())}
    assert {"build", "dist"} <= paths  # confirmed by setup.py, not by the odd files
    assert "out" not in paths  # a link is no CACHEDIR.TAG


# ----------------------------------------------------------------------- git trouble
def _conflicting_rebase(repo: Path) -> None:
    write(repo / "package-lock.json", "{}\n")  # an install's: the committed folder is one
    write(repo / "node_modules" / "a.js", "base\n")
    write(repo / "README.md", "base\n")
    commit(repo)
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo / "node_modules" / "a.js", "topic\n")
    commit(repo, message="topic")
    git(repo, "checkout", "-q", "main")
    write(repo / "node_modules" / "a.js", "main\n")
    commit(repo, message="main")
    git(repo, "checkout", "-q", "topic")
    rebase = subprocess.run(["git", "-C", str(repo), "rebase", "main"], capture_output=True,
                            env=hermetic_env(), check=False)
    assert rebase.returncode != 0, "the rebase was meant to stop on a conflict"
    assert (repo / ".git" / "rebase-merge").is_dir() or (repo / ".git" / "rebase-apply").is_dir()


def test_repo_mid_rebase(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    _conflicting_rebase(repo)
    write(repo / "node_modules" / "b.js", "untracked\n")
    write(repo / "node_modules" / "c.js", "untracked\n")
    report = scan_foundation(repo)
    assert any("rebase" in w for w in report["warnings"])
    (group,) = report["groups"]
    assert any("rebase" in n for n in group["notes"])
    (finding,) = findings(report)
    # a.js is conflicted (three index stages) but it is one tracked file out of three
    assert (finding["code"], finding["tracked"]) == ("TDY102", "partly-tracked")
    assert dict(map(tuple, finding["details"]))["tracked files"] == "1"


def test_bare_repo_is_said_not_walked(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    git(tmp_path, "init", "-q", "--bare", str(ws / "mirror.git"))
    write(ws / "mirror.git" / "hooks" / "__pycache__" / "x.pyc", size=10)  # never reported
    write(ws / "notes.txt", "hi")
    for target in (ws, ws / "mirror.git"):
        report = scan_foundation(target)
        assert findings(report) == []
        assert any("bare repository" in w for w in report["warnings"])


@pytest.mark.slow
def test_no_git_on_path(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "pkg" / "__pycache__" / "m.pyc", size=10)
    write(repo / "pkg" / "m.py", "")
    commit(repo)
    write(repo / "node_modules" / "x.js", size=10)
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    result = run_cli("scan", "--format", "json", "--select", "TDY1", str(repo), cwd=tmp_path,
                     env=hermetic_env({"PATH": str(empty_bin)}))
    assert result.code == 0, result.err
    report = result.json()
    assert any("git is not on PATH" in w for w in report["warnings"])
    assert all("\n" not in w for w in report["warnings"])
    states = {f["path"]: (f["tracked"], f["ignored"]) for f in findings(report)}
    assert states == {"node_modules": ("unknown", None), "pkg/__pycache__": ("unknown", None)}
    text = run_cli("scan", str(repo), cwd=tmp_path, env=hermetic_env({"PATH": str(empty_bin)}))
    assert text.code == 0 and "git is not on PATH" in text.out


def test_broken_repo_is_a_warning(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "node_modules" / "x.js", size=10)
    (repo / ".git" / "HEAD").write_text("garbage\n")
    report = scan_foundation(repo)
    assert report["warnings"]
    assert {f["tracked"] for f in findings(report)} == {"unknown"}


# ------------------------------------------------------------------ command-line trouble
@pytest.mark.slow
def test_path_problems_are_one_line_usage_errors(tmp_path: Path) -> None:
    write(tmp_path / "file.txt", "x")
    assert_clean_failure(run_cli("scan", "missing", cwd=tmp_path), 2, "missing")
    assert_clean_failure(run_cli("scan", "file.txt", cwd=tmp_path), 2, "not a directory")
    odd = os.fsdecode(b"caf\xe9-missing")
    proc = subprocess.run([sys.executable, "-m", "tidy", "scan", odd], cwd=tmp_path,
                          capture_output=True, env=hermetic_env(), check=False)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


def test_unwritable_output_file_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "p" / "node_modules" / "x.js", size=1)
    result = run_cli("scan", "-q", "-o", str(tmp_path / "no" / "such" / "dir.json"),
                     str(tmp_path / "p"), cwd=tmp_path)
    assert_clean_failure(result, 2, "dir.json")


def test_internal_error_is_exit_3_in_one_line(
    tmp_path: Path, tidy_main: Main, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit 3 is reserved for tidy's own bugs: injected here, since none is known."""
    from tidy import engine

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(engine, "scan", broken)
    result = tidy_main("scan", "-q", str(tmp_path))
    assert_clean_failure(result, 3, "internal error", "KeyError")


def test_a_repo_git_cannot_read_offers_no_fix(tmp_path: Path) -> None:
    """git refusing the repo (here: a broken index) means nothing is provably untracked:
    the cache is reported, but `tidy fix` plans nothing for it."""
    repo = make_repo(tmp_path / "r")
    write(repo / "pkg" / "mod.py", "x = 1\n")
    commit(repo)
    write(repo / "pkg" / "__pycache__" / "mod.cpython-311.pyc", size=100)
    (repo / ".git" / "index").write_bytes(b"not an index")
    report = scan_json(repo, "--select", "TDY1")
    (cache,) = [f for g in report["groups"] for f in g["findings"] if f["code"] == "TDY101"]
    assert cache["tracked"] == "unknown"
    assert cache["fix"]["applicability"] == "display-only"
    assert report["warnings"]
    assert report["summary"]["reclaimable"]["bytes"] == 0


@pytest.mark.parametrize(("option", "value"), [
    ("--select", "TDY999"), ("--select", "TDY101,TDY11"), ("--ignore", "TDY7"),
    ("--fail-on", "TDY1O2"), ("--select", "untracked-artifact"),
])
def test_an_unknown_rule_code_is_a_usage_error_not_an_empty_report(
        tmp_path: Path, option: str, value: str) -> None:
    # A typo (`--select TDY11`) printed "nothing to report" and exited 0: a clean bill for a
    # tree holding a __pycache__. ruff says "Unknown rule selector" for the same mistake.
    root = make_repo(tmp_path / "proj")
    write(root / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 100)
    result = run_cli("scan", option, value, cwd=root)
    assert result.code == 2, result
    assert "Traceback" not in result.err and "nothing to report" not in result.out
    bad = value.upper().split(",")[-1]
    assert f"unknown rule code or prefix {bad!r}" in result.err, result.err
    assert "`tidy rules` lists them" in result.err


def test_known_codes_and_prefixes_still_select(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "proj")
    write(root / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 100)
    for value in ("TDY", "tdy1", "TDY101", "TDY9"):
        result = run_cli("scan", "--select", value, "--fail-on", "none", cwd=root)
        assert result.code == 0, (value, result)
    assert run_cli("scan", "--fail-on", "none", cwd=root).code == 0


@pytest.mark.parametrize(("args", "needle"), [
    (("scan", "--min-size", "10XB"), "Invalid value for '--min-size': not a size: '10XB'"),
    (("scan", "--select", "TDY11"), "unknown rule code or prefix 'TDY11'"),
    (("scan", "--nosuch"), "No such option '--nosuch'"),
    (("nosuch",), "No such command 'nosuch'"),
    (("trash", "purge", "--older-than", "7x"), "not an age: '7x'"),
])
def test_a_usage_error_is_one_line_naming_the_help(tmp_path: Path, args: tuple[str, ...],
                                                   needle: str) -> None:
    # click printed four lines ("Usage: ...", "Try 'tidy scan --help' for help.", a blank, then
    # "Error: ..."): the one line the standards promise for bad input, plus three.
    result = run_cli(*args, cwd=tmp_path, env=hermetic_env({
        "TIDY_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path)}))
    assert_clean_failure(result, 2, needle, "--help")
    assert result.err.startswith("Error: "), result.err


def test_no_command_still_prints_the_help(tmp_path: Path) -> None:
    result = run_cli(cwd=tmp_path)
    assert result.code == 2 and "Commands:" in result.out + result.err
