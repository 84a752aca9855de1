"""A content cache may save work, never decide a destructive action alone (trust round 6).

The cache sits in the repo's `.git` (tidy/workspace/content_cache.py): a downloaded repo, or
any program that can write there, can ship entries whose stat key matches (size and mtime
are the attacker's, inode and ctime can be read back by anything running in the tree) and
whose facts lie: a template that loads a library "mentions nothing", a settings module "is
data". `tidy fix --unsafe-fixes` read every file afresh already; `tidy browse` with the unsafe
toggle planned from its cached scan and acted on it: it git-rm'ed a used library and
rewrote a settings module into a stub. Now every caller's content-decided action is
confirmed by a scan that reads the files again (tidy/fixes/confirm.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cache_body import entries, read_cache, set_entries, write_cache
from tests.conftest import commit, git, run_cli, write
from tests.safety.test_content_cache import (
    _env,
    _found,
    _scan,
    _settle,
    _site,
    _tamper_references,
)
from tidy import engine
from tidy.analysis.data_in_code.facts import PY
from tidy.browse import actions
from tidy.browse.model import Model
from tidy.core.config import load
from tidy.fixes import Status
from tidy.workspace import content_cache

pytestmark = pytest.mark.slow


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tidy's state for this test, in-process (the browse run) and in the CLI's children."""
    state = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(state))
    return state

# A module of code with one modest table: above the data-in-code size floor, not data.
SETTINGS = ("LIMITS = {" + ", ".join(f'"limit_{i}": {i}' for i in range(200)) + "}\n\n"
            + "".join(f"def handler_{i}(request):\n    value = request.get({i!r})\n"
                      f"    return value * {i} + len(LIMITS)\n\n" for i in range(1600)))


def _browse_apply(repo: Path, code: str, path: str) -> list[tuple[Status, str]]:
    """What `tidy browse` does when `code` at `path` is marked with the unsafe toggle on and
    the plan is applied: its scan (engine.scan with the settings files, the cache on), the
    marked findings' plan, the journaled run."""
    config = load(str(repo), None)
    report = engine.scan([str(repo)], config)
    model = Model()
    for group in report.groups:
        model.add_group(group)
    marked = [i for i in model.items() if (i.finding.code, i.finding.path) == (code, path)]
    assert marked, f"the scan shows no {code} at {path}"
    for item in marked:
        model.toggle(item.key)
    plan = actions.build_plan(model.marked_report(report.roots), unsafe=True)
    assert [a.rel for a in plan.actions] == [path]
    applied = actions.apply(plan, skip_recent=0)
    return [(o.status, o.reason) for o in applied.outcomes]


def test_browse_never_git_rms_a_library_only_the_cache_calls_unused(
        tmp_path: Path, state_dir: Path) -> None:
    repo = _site(tmp_path / "site")
    _scan(repo, state_dir)
    _tamper_references(repo)
    outcomes = _browse_apply(repo, "TDY401", "static/vendor/jquery")
    assert [s for s, _ in outcomes] == [Status.SKIPPED]
    assert "read afresh" in outcomes[0][1] and "tidy cache clear" in outcomes[0][1]
    assert (repo / "static/vendor/jquery/jquery.min.js").is_file()
    assert "static/vendor/jquery/jquery.min.js" in git(repo, "ls-files")


def test_browse_still_git_rms_a_library_the_files_show_unused(
        tmp_path: Path, state_dir: Path) -> None:
    repo = _site(tmp_path / "site")
    _scan(repo, state_dir)  # a true cache: it serves the plan, the fresh read agrees
    outcomes = _browse_apply(repo, "TDY401", "static/vendor/ketcher")
    assert [s for s, _ in outcomes] == [Status.DONE]
    assert not (repo / "static/vendor/ketcher").exists()


def _settings_repo(repo: Path) -> Path:
    _site(repo)
    write(repo / "app/settings.py", SETTINGS)
    commit(repo)
    _settle()
    return repo


def _tamper_verdict(repo: Path, liar: str, truth: str) -> None:
    """Give `liar` the data-in-code verdict of `truth` (its stat key left matching)."""
    path = Path(content_cache.cache_path(str(repo)))
    body = read_cache(path)
    rows = entries(body)
    entry = rows[liar]
    verdict = body["facts"][rows[truth][5]][PY]
    body["facts"].append({**body["facts"][entry[5]], PY: verdict})
    entry[5] = len(body["facts"]) - 1
    set_entries(body, rows)
    write_cache(path, body)
    _settle()


def test_browse_never_extracts_a_module_only_the_cache_calls_data(
        tmp_path: Path, state_dir: Path) -> None:
    repo = _settings_repo(tmp_path / "site")
    truth = _found(_scan(repo, state_dir))
    assert "app/settings.py" not in {p for _, p, _ in truth}
    _tamper_verdict(repo, "app/settings.py", "app/mock_api.py")
    assert ("TDY301", "app/settings.py") in {(c, p) for c, p, _ in _found(_scan(repo, state_dir))}
    outcomes = _browse_apply(repo, "TDY301", "app/settings.py")
    assert [s for s, _ in outcomes] == [Status.SKIPPED]
    assert (repo / "app/settings.py").read_text() == SETTINGS
    assert not (repo / "app/settings.json.gz").exists()


def test_fix_reads_afresh_what_the_cache_says_is_data(tmp_path: Path) -> None:
    """`tidy fix --unsafe-fixes` plans from its cached scan too now (a fix that plans no git rm
    or extraction reads no file again), and confirms the extraction before it runs."""
    repo = _settings_repo(tmp_path / "site")
    state = tmp_path / "state"
    _scan(repo, state)
    _tamper_verdict(repo, "app/settings.py", "app/mock_api.py")
    done = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                   "TDY301", "--format", "json", cwd=repo, env=_env(state))
    assert done.code == 1, done.err  # the refused one needs the user's attention
    results = {r["path"]: r for r in done.json()["result"]["outcomes"]}
    assert results[str(repo / "app/settings.py")]["status"] == "skipped"
    assert results[str(repo / "app/mock_api.py")]["status"] == "done"  # the true one goes on
    assert (repo / "app/settings.py").read_text() == SETTINGS
    assert (repo / "app/mock_api.json.gz").is_file()
