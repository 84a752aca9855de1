"""What `tidy scan` says in words, read as a newcomer reads it: the table's fix column names
the fix kind JSON names, the state column says nothing git-ish outside git, counts and plurals
are right, and every word of the table is explained under it. Real repos, real subprocesses."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.cli.many_rules import SCAN_OPTIONS, many_rules_repo
from tests.conftest import CliResult, commit, hermetic_env, make_repo, run_cli, write

CODE = re.compile(r"\bTDY\d{3}\b")


def _scan(root: Path, tmp_path: Path, *args: str) -> tuple[CliResult, dict[str, Any]]:
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path)})
    shown = run_cli("scan", "--quiet", *args, cwd=root, env=env)
    as_json = run_cli("scan", "--quiet", "--format", "json", *args, cwd=root, env=env)
    assert shown.code == as_json.code, (shown, as_json)
    return shown, as_json.json()


def _rows(out: str) -> list[dict[str, str]]:
    """The table rows of a text report (every group's): column name -> the row's first line
    in that column (the path column: the path alone, without the kinds after it)."""
    rows, columns = [], None
    for line in out.splitlines():
        if re.match(r"\s*size\s+files\s+age\s+code\s+state\s+fix\s+path", line):
            names = ["size", "files", "age", "code", "state", "fix", "path"]
            starts = [line.index(" " + n) + 1 if n != "size" else 0 for n in names]
            columns = list(zip(names, starts, [*starts[1:], None], strict=True))
            continue
        if columns is None or not CODE.search(line[:columns[5][1]]):
            continue
        row = {name: line[start:end].strip() for name, start, end in columns}
        row["path"] = row["path"].split("  ")[0]
        rows.append(row)
    return rows


_TOPICS = re.compile(r"^(state: |fix: |codes marked ! |age = )")


def _legend(out: str, topic: str) -> str:
    """The legend's entry on `topic`, its lines (wrapped at the width) joined."""
    lines = out.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.startswith(f"{topic}: ")), None)
    if start is None:
        return ""
    end = next((i for i in range(start + 1, len(lines)) if _TOPICS.match(lines[i])), len(lines))
    return " ".join(ln.strip() for ln in lines[start:end])


def _json_label(fix: dict[str, str] | None) -> str:
    """What the fix column must say for a JSON finding's fix: its action, with the mark of
    its applicability the legend explains (advice, action "none", has none)."""
    if fix is None:
        return "-"
    if fix["action"] == "none":
        return "none"
    return fix["action"] + {"safe": "", "unsafe": "*", "display-only": "**"}[fix["applicability"]]


@pytest.mark.slow
def test_the_fix_column_names_the_fix_kind_json_names_for_every_row(tmp_path: Path) -> None:
    # TDY401's row said "advice" where JSON said "git-rm": two names for one fix.
    repo = many_rules_repo(tmp_path / "repo")
    shown, report = _scan(repo, tmp_path, "--duplicates", *SCAN_OPTIONS)
    expected: dict[str, set[str]] = defaultdict(set)
    for group in report["groups"]:
        for finding in group["findings"]:
            expected[finding["path"]].add(_json_label(finding["fix"]))
    rows = _rows(shown.out)
    assert len({code for r in rows for code in CODE.findall(r["code"])}) >= 10, shown.out
    table = {row["path"]: set(row["fix"].split(", ")) for row in rows}
    assert table == dict(expected)
    assert table["static/vendor/ketcher"] == {"git-rm**"}  # JSON: git-rm, display-only
    legend = _legend(shown.out, "fix")
    for label in set().union(*table.values()):
        kind = label.rstrip("*")
        assert f"{kind} = " in legend, (label, legend)
        if label != kind:
            assert f"; {label[len(kind):]} = " in legend, (label, legend)


@pytest.mark.slow
def test_outside_git_the_state_is_not_in_git_and_inside_it_is_gits(tmp_path: Path) -> None:
    # "new" (untracked and not ignored) was shown for paths of a plain folder, where git
    # state does not exist. A workspace holding a repo and plain folders shows both.
    workspace = tmp_path / "ws"
    write(workspace / "notes" / "__pycache__" / "a.cpython-311.pyc", size=1_000)
    write(workspace / "notes" / "node_modules" / "x" / "index.js", size=2_000)
    repo = make_repo(workspace / "repo")
    write(repo / ".gitignore", "ignored_cache/\n")
    write(repo / "kept" / "__pycache__" / "m.cpython-311.pyc", size=500)
    commit(repo)
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=3_000)
    write(repo / "web" / "node_modules" / "y.js", size=4_000)
    write(repo / "ignored_cache" / "__pycache__" / "z.cpython-311.pyc", size=100)

    shown, report = _scan(workspace, tmp_path, "--no-record")
    states = {r["path"]: r["state"] for r in _rows(shown.out)}
    plain = [g for g in report["groups"] if not g["is_repo"]]
    assert plain and all(f["tracked"] == "untracked" for g in plain for f in g["findings"])
    for group in report["groups"]:
        for finding in group["findings"]:
            path = finding["path"]  # relative to its group's root, as the table shows it
            want = {"untracked": "new", "tracked": "tracked"}[finding["tracked"]]
            if finding["ignored"]:
                want = "ignored"
            assert states[path] == (want if group["is_repo"] else "not in git"), (path, states)
    assert "not in git" in states.values() and "new" in states.values()
    assert "tracked" in states.values()
    legend = _legend(shown.out, "state")
    assert "not in git = in a folder outside any git repository" in legend
    assert "new = untracked and not ignored" in legend

    only_plain, _ = _scan(workspace / "notes", tmp_path, "--no-record")
    assert {r["state"] for r in _rows(only_plain.out)} == {"not in git"}
    assert "new =" not in only_plain.out and "(folder, not in git," in only_plain.out


@pytest.mark.slow
def test_totals_count_findings_paths_repos_and_plain_folders(tmp_path: Path) -> None:
    # "6 findings in 1 group(s)" above a table of 4 rows: which is it, and what is a group?
    workspace = tmp_path / "ws"
    many_rules_repo(workspace / "repo")
    write(workspace / "notes" / "__pycache__" / "a.cpython-311.pyc", size=1_000)
    shown, report = _scan(workspace, tmp_path, *SCAN_OPTIONS)
    found = [f for g in report["groups"] for f in g["findings"]]
    paths = {(g["label"], f["path"]) for g in report["groups"] for f in g["findings"]}
    assert len(found) > len(paths) == len(_rows(shown.out))
    total = next(ln for ln in shown.out.splitlines() if ln.startswith("total: "))
    assert total.startswith(f"total: {len(found)} findings on {len(paths)} paths in 1 repo "
                            "and 1 plain folder, "), total
    failing = sum(f["fails"] for f in found)
    assert f"  {failing} findings fail the run (marked !): exit 1" in shown.out
    assert "group(s)" not in shown.out and "(s)" not in shown.out
    single = make_repo(tmp_path / "single")
    write(single / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=500)
    commit(single)  # one committed cache: one finding, failing
    one, _ = _scan(single, tmp_path, "--no-record")
    assert "total: 1 finding on 1 path in 1 repo" in one.out, one.out
    assert "1 finding fails the run" in one.out


@pytest.mark.slow
def test_a_scan_of_a_folder_inside_a_repo_is_titled_with_the_repo_not_dot_dot(
        tmp_path: Path) -> None:
    # `cd app; tidy scan` titled the repo's table "..": its paths are the repo's, so is the title.
    repo = many_rules_repo(tmp_path / "repo")
    shown, report = _scan(repo / "app", tmp_path, "--no-record")
    assert report["groups"][0]["label"] == ".."  # JSON keeps the root and the label
    title = shown.out.splitlines()[0]
    assert title.startswith(f"{repo}  (repo, "), title
    assert not title.startswith(".."), title


@pytest.mark.slow
def test_one_of_a_thing_is_said_in_the_singular(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "app" / "mock_data.py", "DATA = " + repr(list(range(20_000))) + "\n")
    write(repo / ".tidy.toml", '[budgets]\ncommitted-caches = false\n')
    write(repo / "old" / "__pycache__" / "m.cpython-311.pyc", size=100)
    commit(repo)  # one committed cache (TDY102, TDY903)
    write(repo / "app" / "__pycache__" / "gone.cpython-311.pyc", size=100)  # no gone.py
    shown, report = _scan(repo, tmp_path, "--no-record")
    messages = {f["code"]: f["message"] for g in report["groups"] for f in g["findings"]}
    assert " and 1 line is " in messages["TDY301"] and "(line 1)" in messages["TDY301"]
    assert messages["TDY103"].startswith("1 .pyc file whose source is gone")
    assert messages["TDY903"].startswith("1 committed cache or build output ("), messages
    assert "1 file," in shown.out or "in 1 file\n" in shown.out, shown.out
    assert not re.search(r"\b1 (files|lines|findings|paths)\b", shown.out), shown.out


@pytest.mark.slow
def test_an_opt_in_venv_in_the_table_is_not_called_not_reported(tmp_path: Path) -> None:
    # "not reported: 1 venv (23.1 MB)" under a table whose first row was that .venv (TDY501:
    # it has no ignore rule). What is true either way: it is not offered to the trash.
    repo = make_repo(tmp_path / "r")
    write(repo / "main.py", "")
    commit(repo)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(repo / ".venv")],
                   check=True)
    shown, report = _scan(repo, tmp_path, "--no-record")
    rows = {r["path"]: r for r in _rows(shown.out)}
    assert rows[".venv"]["code"] == "TDY501" and rows[".venv"]["fix"] == "ignore"
    assert report["not_reported"][0]["kind"] == "venv"
    assert "not reported" not in shown.out
    assert re.search(r'opt-in, not offered to the trash: 1 venv \([\d.]+ [kM]B\); '
                     r'kinds = \["venv"\] in the settings offers it, --kind venv shows only '
                     r"that kind", re.sub(r"\s+", " ", shown.out)), shown.out
    assert "so opt-in" not in shown.out  # the kind's description is not policy


@pytest.mark.parametrize("command", [["schedule", "status"], ["schedule", "remove"]])
def test_schedule_status_and_remove_do_not_say_they_write(command: list[str],
                                                          tmp_path: Path) -> None:
    result = run_cli(*command, "--help", cwd=tmp_path)
    assert result.code == 0
    assert "Write" not in result.out, result.out
    assert "--systemd-dir" in result.out and "TIDY_SYSTEMD_USER_DIR" in result.out


@pytest.mark.parametrize("command", [["history"], ["log"], ["trash", "list"], ["undo"],
                                     ["trash", "purge"]])
def test_every_format_option_says_what_it_does(command: list[str], tmp_path: Path) -> None:
    result = run_cli(*command, "--help", cwd=tmp_path)
    line = re.search(r"--format \[text\|json\]\s+(.*)", result.out)
    assert line is not None and line.group(1).strip().startswith("text for people"), result.out


def test_tidy_rules_lines_every_summary_up_in_one_column(tmp_path: Path) -> None:
    # Names longer than the old 24-character column pushed their summaries one space after
    # them (TDY402, TDY902): a ragged column that read as part of the name.
    result = run_cli("rules", cwd=tmp_path)
    assert result.code == 0
    from tidy.rules.registry import RULES

    starts = set()
    for line, rule in zip(result.out.splitlines(), RULES, strict=True):
        assert line.startswith(f"{rule.code}  {rule.name}  "), line
        starts.add(line.index(rule.summary))
    assert len(starts) == 1, starts


@pytest.mark.slow
def test_undo_says_what_it_put_back_in_units_that_add_up(tmp_path: Path) -> None:
    # `tidy fix` said "5 item(s): 2 to move ...; 3 index or config edit(s)" and `tidy undo`
    # "put back 3 item(s)": the three ignore rules were one .gitignore, put back as one file.
    repo = make_repo(tmp_path / "r")
    write(repo / "app" / "main.py", "")
    commit(repo)
    write(repo / "app" / "__pycache__" / "main.cpython-311.pyc", size=2_000)
    write(repo / "web" / "node_modules" / "x" / "index.js", size=3_000)
    write(repo / ".DS_Store", size=6148)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path)})
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--format", "json", cwd=repo, env=env)
    assert fixed.code == 0, fixed.err
    moved = fixed.json()["result"]["moved_to_trash"]
    undone = run_cli("undo", "--yes", cwd=repo, env=env)
    assert undone.code == 0, undone.err
    line = undone.out.strip().splitlines()[-1]
    assert f"{moved['items']} items from the trash (" in line, line
    assert "1 edited ignore file" in line, line
    assert "(s)" not in line


@pytest.mark.slow
def test_history_names_each_family_in_words_and_codes(tmp_path: Path) -> None:
    # A row "ignore  23.4 MB" read as bytes tidy ignores; it is the findings without an
    # ignore rule (5xx). "1 scan(s)" for one scan.
    repo = make_repo(tmp_path / "r")
    write(repo / "app" / "main.py", "")
    commit(repo)
    write(repo / "app" / "__pycache__" / "main.cpython-311.pyc", size=2_000)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path)})
    assert run_cli("scan", "-q", cwd=repo, env=env).code == 0
    shown = run_cli("history", cwd=repo, env=env)
    assert shown.code == 0, shown.err
    assert ": 1 scan, " in shown.out and "(s)" not in shown.out
    labels = [re.split(r"\s{2,}", line.strip())[0] for line in shown.out.splitlines()[2:]]
    assert "caches (1xx)" in labels and "missing ignore rules (5xx)" in labels, labels
    assert "ignore" not in labels and "cache" not in labels


@pytest.mark.slow
def test_the_markdown_summary_counts_in_words_and_has_no_git_state_outside_git(
        tmp_path: Path) -> None:
    # "6 finding(s), 0 failing, ..., in 1 group(s)", and "untracked" in the git column of a
    # plain folder's findings: the Markdown summary says what the terminal says.
    workspace = tmp_path / "ws"
    write(workspace / "notes" / "__pycache__" / "a.cpython-311.pyc", size=1_000)
    repo = make_repo(workspace / "repo")
    write(repo / "main.py", "")
    commit(repo)
    write(repo / "node_modules" / "x.js", size=2_000)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path)})
    shown = run_cli("scan", "-q", "--no-record", "--format", "markdown", cwd=workspace, env=env)
    assert shown.code == 0, shown.err
    assert "(s)" not in shown.out, shown.out
    assert "findings, 0 failing, " in shown.out and " in 1 repo and 1 plain folder (" in shown.out
    rows = [line.split(" | ") for line in shown.out.splitlines() if "| TDY" in line]
    git = {cells[2].strip("`"): cells[5] for cells in rows}
    assert git["notes/__pycache__"] == "not in git", git
    assert git["repo/node_modules"] == "untracked", git
