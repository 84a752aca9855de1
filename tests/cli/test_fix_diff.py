"""`tidy fix --diff`: a real unified diff of every file edit (the same edits `tidy fix` then
writes, checked by applying the diff with git), a summary of each extraction, a line per move;
nothing changes. And `--editor`, which TDY502's page documents, exists and does what it says."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import commit, hermetic_env, make_repo, run_cli, write
from tests.extract.helpers import data_module, data_module_repo
from tests.fixes.helpers import backdate, snapshot

EDITED = (".gitignore", ".ignore", ".vscode/settings.json")


def _repo(root: Path) -> Path:
    repo = make_repo(root)
    for i in range(6):  # a heavy vendored folder, tracked: TDY502
        write(repo / "vendor" / "lib" / f"f{i}.js", ("var a=1;" * 1000 + "\n") * 130)
    write(repo / "pkg" / "m.py", "x = 1\n")
    write(repo / ".gitignore", "# ours\n*.log\n")
    commit(repo)
    write(repo / "pkg" / "__pycache__" / "m.cpython-312.pyc", size=3_000)
    backdate(repo)
    return repo


@pytest.mark.slow
def test_diff_is_the_edits_fix_writes_and_changes_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "r")
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy, symlinks=True)
    before = snapshot(repo)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    shown = run_cli("fix", "--diff", "--editor", "vscode", cwd=repo, env=env)
    assert shown.code == 0, shown.err
    assert snapshot(repo) == before and not (tmp_path / "state" / "runs").exists()
    assert "tidy fix: plan" not in shown.out  # not the --dry-run table
    assert "# trash: pkg/__pycache__" in shown.out
    for name in EDITED:
        assert f"+++ b/{name}\n" in shown.out, shown.out
    # The diff, applied by git to a copy, gives exactly what the fix writes.
    patch = tmp_path / "fix.diff"
    patch.write_text(shown.out)
    subprocess.run(["git", "apply", str(patch)], cwd=copy, check=True, env=hermetic_env())
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--editor", "vscode", cwd=repo,
                    env=env)
    assert fixed.code == 0, fixed.out + fixed.err
    for name in EDITED:
        assert (copy / name).read_text() == (repo / name).read_text(), name
    as_json = run_cli("fix", "--diff", "--format", "json", cwd=copy, env=env).json()
    assert as_json["dry_run"] and as_json["result"] is None


@pytest.mark.slow
def test_without_editor_vscode_settings_are_left_alone_and_a_bad_name_is_refused(
        tmp_path: Path) -> None:
    repo = _repo(tmp_path / "r")
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    assert "+++ b/.vscode/settings.json" not in run_cli("fix", "--diff", cwd=repo, env=env).out
    bad = run_cli("fix", "--diff", "--editor", "emacs", cwd=repo, env=env)
    assert bad.code == 2 and "unknown editor 'emacs'" in bad.err
    page = run_cli("rule", "TDY502", cwd=repo, env=env).out
    assert "tidy fix --editor vscode" in page


@pytest.mark.slow
def test_diff_summarises_an_extraction_and_writes_nothing(tmp_path: Path) -> None:
    module = data_module_repo(tmp_path / "svc")
    repo = module.parent.parent
    before = snapshot(repo)
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    shown = run_cli("fix", "--diff", "--unsafe-fixes", "--select", "TDY301", cwd=repo, env=env)
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == "# mockapi/data.py: would move QUESTIONS to mockapi/data.json.gz", lines
    assert any(line.startswith("#   module ") and "->" in line for line in lines)
    assert snapshot(repo) == before and module.read_text() == data_module(3000)
    assert json.loads(run_cli("fix", "--dry-run", "--format", "json", "--unsafe-fixes",
                              "--select", "TDY301", cwd=repo, env=env).out)["dry_run"]
