"""TDY501-503 found by a scan; the search surface against rg; the fix through `tidy fix`."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import commit, git, make_repo, write
from tests.fixes.ignore.journaled import write_journaled
from tidy import engine
from tidy.analysis import ignore_choice as ir
from tidy.core.catalog import load_builtin
from tidy.core.config import Config
from tidy.core.models import Finding, Report
from tidy.fixes import Status
from tidy.fixes.apply import undo_run
from tidy.fixes.editors import excludes as editor_ignores
from tidy.fixes.ignore import plan as ignore_plan

KINDS = {k.name: k for k in load_builtin()}
pytestmark = pytest.mark.skipif(shutil.which("rg") is None, reason="ripgrep is not installed")


def _target(path: str, kind: str) -> ir.Target:
    return ir.Target(path, KINDS[kind].type == "dir", KINDS[kind])


# ---------------------------------------------------------------- findings

def _scan(root: Path, **config: object) -> Report:
    return engine.scan([str(root)], dataclasses.replace(Config(), **config))


def _codes(report: Report, code: str) -> dict[str, Finding]:
    return {f.path: f for f in report.findings if f.code == code}


def test_tdy501_only_for_untracked_unignored(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / ".gitignore", ".mypy_cache/\n")
    write(repo / "app" / "m.py", "x = 1\n")
    write(repo / "app" / "__pycache__" / "m.cpython-311.pyc", b"\0" * 100)
    write(repo / ".mypy_cache" / "x.json", "{}")
    commit(repo, ".gitignore", "app/m.py")
    found = _codes(_scan(repo), "TDY501")
    assert set(found) == {"app/__pycache__"}
    assert ("ignore rule", "__pycache__/") in found["app/__pycache__"].details


def _venv_repo(tmp_path: Path) -> Path:
    import sys

    repo = make_repo(tmp_path / "r")
    write(repo / "app.py", "print(1)\n")
    commit(repo)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(repo / ".venv")],
                   check=True)
    return repo


def test_tdy501_an_unignored_venv_gets_its_rule_while_trashing_it_stays_opt_in(
    tmp_path: Path,
) -> None:
    """Issue 17 point 7: a real, untracked, unignored `.venv` gets the safe rule `/.venv/`;
    its TDY101 stays off by default and unsafe when turned on; a `--kind` scan of other kinds
    proposes nothing for it."""
    repo = _venv_repo(tmp_path)
    report = _scan(repo)
    (rule,) = _codes(report, "TDY501").values()
    assert (rule.path, rule.kind) == (".venv", "venv")
    assert ("ignore rule", "/.venv/") in rule.details
    assert rule.fix is not None and rule.fix.applicability.value == "safe"
    assert not _codes(report, "TDY101")
    opted = _codes(_scan(repo, kinds=("venv",)), "TDY101")
    assert opted[".venv"].fix is not None and opted[".venv"].fix.applicability.value == "unsafe"
    assert not _codes(_scan(repo, only_kinds=("node_modules",)), "TDY501")


@pytest.mark.slow
def test_fix_writes_the_venv_rule_and_leaves_the_venv(tmp_path: Path) -> None:
    from tests.conftest import hermetic_env, run_cli

    repo = _venv_repo(tmp_path)
    config = (repo / ".venv" / "pyvenv.cfg").read_bytes()
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    result = run_cli("fix", "--yes", "--skip-recent", "0s", str(repo), cwd=repo, env=env)
    assert result.code == 0, result.out + result.err
    assert "/.venv/" in (repo / ".gitignore").read_text().splitlines()
    assert (repo / ".venv" / "pyvenv.cfg").read_bytes() == config
    assert git(repo, "check-ignore", ".venv").strip() == ".venv"


def test_tdy502_heavy_vendored_folder_until_ignore_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    for i in range(30):
        write(repo / "static" / "vendor" / "lib" / f"c{i}.min.js", "var a=1;" * 500)
    write(repo / "src" / "main.py", "x = 1\n")
    commit(repo)
    found = _codes(_scan(repo, heavy_folder=50_000), "TDY502")
    assert set(found) == {"static/vendor/lib"}
    rg = subprocess.run(["rg", "--files", "static"], cwd=repo, capture_output=True, text=True,
                        check=False).stdout.split()
    assert found["static/vendor/lib"].surface.files == len(rg) == 30
    assert not _codes(_scan(repo, heavy_folder=10_000_000), "TDY502")  # under the threshold
    write(repo / ".ignore", "/static/vendor/lib/\n")
    assert not _codes(_scan(repo, heavy_folder=50_000), "TDY502")


def test_tdy502_found_the_same_by_a_worker_while_the_walk_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidy.workspace.early

    repo = make_repo(tmp_path / "r")
    for i in range(10):
        write(repo / "web" / "assets" / f"app.{i}.js.map", "{}" * 3000)
        write(repo / "third_party" / "lib" / f"m{i}.py", "x = 1\n" * 3000)
    write(repo / ".gitattributes", "docs/api/** linguist-generated\n")
    write(repo / "docs" / "api" / "index.html", "<p>" * 30000)
    commit(repo)

    def heavy() -> list[tuple[str, str, str]]:
        return sorted((f.path, f.message, str(f.details))
                      for f in _codes(_scan(repo, heavy_folder=10_000), "TDY502").values())

    inline = heavy()
    monkeypatch.setattr(tidy.workspace.early, "EARLY_MIN_INDEX_BYTES", 0)
    assert heavy() == inline
    assert [path for path, _, _ in inline] == ["docs/api", "third_party/lib", "web/assets"]


def test_tdy502_generated_and_linguist_marked(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    for i in range(10):
        write(repo / "web" / "assets" / f"app.{i}.js.map", "{}" * 3000)
        write(repo / "docs" / "api" / f"p{i}.html", "<p>" * 3000)
    write(repo / ".gitattributes", "docs/api/** linguist-generated\n")
    commit(repo)
    found = _codes(_scan(repo, heavy_folder=10_000), "TDY502")
    assert set(found) == {"web/assets", "docs/api"}
    assert "linguist-generated" in found["docs/api"].message


def test_tdy503_tracked_files_a_rule_matches(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    for i in range(3):
        write(repo / "logs" / f"run{i}.log", "x")
    write(repo / "notes.log", "x")
    write(repo / "keep.txt", "x")
    commit(repo)
    write(repo / ".gitignore", "*.log\n")
    found = _codes(_scan(repo), "TDY503")
    expected = git(repo, "ls-files", "-ci", "--exclude-standard").split()
    assert set(found) == {"logs", "notes.log"}
    listed = [v for f in found.values() for k, v in f.details if k == "file"]
    assert sorted(listed) == sorted(expected)


def test_tdy503_says_how_big_what_git_still_ships_is(tmp_path: Path) -> None:
    """babel's generated locale-data/ (1,150 files, 32 MB) committed before its ignore rule
    was reported as "0 Bytes, 0 files", in the scan and in `tidy fix --dry-run`. The folder
    is sized as `du -sb` counts it, a single file as its own size."""
    repo = make_repo(tmp_path / "r")
    for i in range(3):
        write(repo / "locale-data" / f"l{i}.dat", b"\x80" * (1000 * (i + 1)))
    write(repo / "global.dat", b"\x80" * 4321)
    write(repo / "keep.txt", "x")
    commit(repo)
    write(repo / ".gitignore", "locale-data/\nglobal.dat\n")
    found = _codes(_scan(repo), "TDY503")
    du = subprocess.run(["du", "-sb", str(repo / "locale-data")], capture_output=True,
                        text=True, check=True).stdout.split()[0]
    assert (found["locale-data"].size.apparent, found["locale-data"].size.files) == (int(du), 3)
    assert (found["global.dat"].size.apparent, found["global.dat"].size.files) == (4321, 1)


# ---------------------------------------------------------------- the surface, against rg

def _rg_files(root: Path) -> set[str]:
    proc = subprocess.run(["rg", "--files"], cwd=root, capture_output=True, check=True)
    return set(proc.stdout.decode().split("\n")) - {""}


def _bloated(root: Path) -> Path:
    repo = make_repo(root)
    for i in range(20):
        write(repo / "backend" / f"mod{i}.py", f"def f():\n    return {i}  # TODO\n")
        write(repo / "backend" / "__pycache__" / f"mod{i}.cpython-311.pyc", b"\0" * 300)
    for i in range(40):
        write(repo / "frontend" / "node_modules" / f"p{i % 5}" / f"f{i}.js", "x=1; // TODO\n")
        write(repo / "frontend" / ".next" / "cache" / f"{i}.pack", "x" * 100)
        write(repo / "static" / "vendor" / "ketcher" / f"chunk{i}.min.js", "var a;" * 400)
    write(repo / "frontend" / "package.json", '{"name": "fe"}')
    (repo / ".vscode").mkdir()
    write(repo / ".vscode" / "settings.json", '{\n  // team settings\n  "a": 1,\n}\n')
    commit(repo, *(f"backend/mod{i}.py" for i in range(20)), "frontend/package.json",
           "static", ".vscode")
    return repo


def test_file_artifacts_leave_the_surface_as_tidy_said(tmp_path: Path) -> None:
    """A file artifact (Thumbs.db, coverage.xml beside pyproject.toml) had a surface of
    nothing, because the surface is summed per folder: the scan said "search surface 5
    files" and no "after", yet `tidy fix` took two files out of what rg lists. The
    predicted after is what rg lists once the fix ran."""
    from tests.conftest import run_cli

    repo = make_repo(tmp_path / "r")
    write(repo / "pyproject.toml", "[project]\nname = 'p'\n")
    write(repo / "a.py", "x = 1\n")
    commit(repo)
    write(repo / "Thumbs.db", b"\0" * 5000)
    write(repo / "coverage.xml", '<?xml version="1.0" ?>\n<coverage version="7.6"/>\n')
    write(repo / "notes" / "todo.md", "- ship\n")
    group = _scan(repo).groups[0]
    assert group.surface_before.files == len(_rg_files(repo)) == 5
    done = run_cli("fix", "--yes", cwd=repo)
    assert done.code == 0, done.err
    after = _rg_files(repo)
    assert after == {"pyproject.toml", "a.py", "notes/todo.md"}
    sizes = sum((repo / rel).stat().st_size for rel in after)
    assert (group.surface_after.files, group.surface_after.bytes) == (len(after), sizes)


def test_fix_drops_the_rg_surface_as_tidy_said(tmp_path: Path) -> None:
    repo = _bloated(tmp_path / "r")
    before_rg = _rg_files(repo)
    report = _scan(repo, heavy_folder=50_000)
    group = report.groups[0]
    assert group.surface_before.files == len(before_rg)  # tidy counts what rg lists
    untracked = [f for f in group.findings if f.code == "TDY501"]
    heavy = [f for f in group.findings if f.code == "TDY502"]
    targets = [_target(f.path, f.kind) for f in untracked]
    folders = [f.path for f in heavy]
    editors = editor_ignores.editors_in_use(str(repo))
    assert editors == ("vscode",)
    plan = ignore_plan.plan_fixes(str(repo), targets, folders, editors)
    assert not plan.refused and not plan.errors
    predicted = sum(f.surface.files for f in [*untracked, *heavy])
    _, errors = write_journaled(str(repo), plan.edits)
    assert not errors
    assert {e.rel for e in plan.edits} == {".gitignore", ".ignore", ".vscode/settings.json"}
    after_rg = _rg_files(repo)
    assert len(before_rg) - len(after_rg) == predicted
    # to the file: exactly what the findings covered went away
    gone = before_rg - after_rg
    covered = {p for p in before_rg
               if any(p.startswith(f.path + "/") for f in [*untracked, *heavy])}
    assert gone == covered
    # tidy's own walk does not read .ignore: it still sees the folder it reported on
    assert tidy_walk_sees(repo, "static/vendor/ketcher")
    # and the rule reports it no more: search no longer reads it
    assert not _codes(_scan(repo, heavy_folder=50_000), "TDY502")


def tidy_walk_sees(repo: Path, folder: str) -> bool:
    from tidy.workspace.walk import walk

    result = walk(str(repo), Config().catalog())
    return any(rel == folder or rel.startswith(folder + "/") for rel in result.surface_by_dir)


def test_rerun_changes_nothing_and_undo_restores(tmp_path: Path) -> None:
    repo = _bloated(tmp_path / "r")
    settings_before = (repo / ".vscode" / "settings.json").read_bytes()
    targets = [_target("backend/__pycache__", "__pycache__")]
    plan = ignore_plan.plan_fixes(str(repo), targets, ["static/vendor/ketcher"], ("vscode",))
    run_id, _ = write_journaled(str(repo), plan.edits)
    again = ignore_plan.plan_fixes(str(repo), [], ["static/vendor/ketcher"], ("vscode",))
    assert again.edits == ()
    undone = undo_run(run_id).outcomes
    assert [(o.status, o.reason) for o in undone] == [(Status.DONE, "")] * len(plan.edits)
    assert (repo / ".vscode" / "settings.json").read_bytes() == settings_before
    assert not (repo / ".gitignore").exists() and not (repo / ".ignore").exists()


def test_undo_leaves_a_file_edited_later(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    plan = ignore_plan.plan_fixes(str(repo), [], ["vendor"], ())
    run_id, _ = write_journaled(str(repo), plan.edits)
    (repo / ".ignore").write_text((repo / ".ignore").read_text() + "mine/\n")
    reason = undo_run(run_id).outcomes[0].reason
    assert "changed after tidy wrote it" in reason
    assert "mine/" in (repo / ".ignore").read_text()


# ---------------------------------------------------------------- through `tidy fix`

@pytest.mark.slow
def test_tidy_fix_yes_then_undo(tmp_path: Path) -> None:
    from tests.conftest import hermetic_env, run_cli

    repo = _bloated(tmp_path / "r")
    write(repo / ".tidy.toml", 'heavy-folder = "50KB"\n')
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    before_rg = _rg_files(repo)
    report = _scan(repo, heavy_folder=50_000)
    said = {f.path for f in report.findings if f.code in ("TDY101", "TDY501", "TDY502")}
    settings_before = (repo / ".vscode" / "settings.json").read_text()
    result = run_cli("fix", "--yes", "--skip-recent", "0s", "--quiet", str(repo), cwd=repo,
                     env=env)
    assert result.code == 0, result.out + result.err
    gitignore = (repo / ".gitignore").read_text()
    assert "__pycache__/" in gitignore and "/frontend/.next/" in gitignore
    assert (repo / ".ignore").read_text().count("/static/vendor/ketcher/") == 1
    settings_after = (repo / ".vscode" / "settings.json").read_text()
    assert "// team settings" in settings_after and '"static/vendor/ketcher/**": true' in \
        settings_after
    after_rg = _rg_files(repo)
    gone = before_rg - after_rg
    assert gone == {p for p in before_rg if any(p.startswith(s + "/") for s in said)}
    undo = run_cli("undo", cwd=repo, env=env)
    assert undo.code == 0, undo.out + undo.err
    assert (repo / ".vscode" / "settings.json").read_text() == settings_before
    assert not (repo / ".gitignore").exists() and not (repo / ".ignore").exists()


# ----------------------------------------------------------------- the checks on a built context
# (tests.rules.context: no walk, no git; git's facts and the index's candidates handed in)
def test_tdy501_one_rule_per_kind_for_what_git_neither_tracks_nor_ignores() -> None:
    from tests.rules.context import context, hit
    from tidy.rules.ignore_rules import check_unignored_artifacts

    ctx = context(hits=[hit("a/__pycache__", "__pycache__"), hit("b/__pycache__", "__pycache__"),
                        hit("c/__pycache__", "__pycache__")],
                  tracked=["a/x.py"], ignored_dirs=["c/__pycache__"])
    found = {f.path: f for f in check_unignored_artifacts(ctx)}
    assert sorted(found) == ["a/__pycache__", "b/__pycache__"]  # c is ignored already
    assert all(dict(f.details)["ignore rule"] == "__pycache__/" for f in found.values())
    assert all(f.code == "TDY501" and f.ignored is False for f in found.values())


def test_tdy502_a_heavy_vendored_folder_from_the_early_candidates() -> None:
    from tests.rules.context import context
    from tidy.analysis.ignore_choice import heavy_candidates
    from tidy.rules.ignore_rules import check_heavy_folders

    tracked = [f"vendor/lib/f{i}.js" for i in range(3)] + ["app/main.py"]
    ctx = context(tracked=tracked, surface={"vendor/lib": (3, 6_000_000), "app": (1, 100)},
                  early={"TDY502": heavy_candidates(tracked)})
    [found] = check_heavy_folders(ctx)
    assert (found.code, found.path, found.surface.files) == ("TDY502", "vendor/lib", 3)
    assert dict(found.details)["ignore rule"] == "/vendor/lib/"
    assert dict(found.details)["python"] == "no"
    small = context(tracked=tracked, surface={"vendor/lib": (3, 6_000)},
                    early={"TDY502": heavy_candidates(tracked)})
    assert list(check_heavy_folders(small)) == []  # under heavy-folder


def test_tdy503_tracked_files_a_rule_matches_grouped_by_folder() -> None:
    from tests.rules.context import context
    from tidy.rules.ignore_rules import check_tracked_but_ignored

    tracked = ["logs/a.log", "logs/b.log", "src/x.py", "src/debug.log"]
    ctx = context(tracked=tracked, tracked_ignored=["logs/a.log", "logs/b.log",
                                                    "src/debug.log"])
    found = {f.path: f for f in check_tracked_but_ignored(ctx)}
    assert sorted(found) == ["logs", "src/debug.log"]  # src holds a file no rule matches
    assert found["logs"].message.startswith("2 tracked files match")
    assert all(f.code == "TDY503" for f in found.values())


def test_tdy503_in_fix_diff_with_its_size(tmp_path: Path) -> None:
    """`tidy fix --diff --unsafe-fixes` listed babel's untrack as '(0 Bytes, 0 files)';
    a single file now reads '(4.3 kB, 1 file)'."""
    from tests.conftest import run_cli

    repo = make_repo(tmp_path / "r")
    write(repo / "global.dat", b"\x80" * 4321)
    write(repo / "keep.txt", "x")
    commit(repo)
    write(repo / ".gitignore", "global.dat\n")
    shown = run_cli("fix", "--diff", "--unsafe-fixes", "--select", "TDY503", cwd=repo).out
    assert "# untrack: global.dat (4.3 kB, 1 file)" in shown, shown


def test_a_test_fixtures_node_modules_keeps_the_new_rule_anchored(tmp_path: Path) -> None:
    """A resolver's tests commit test/fixtures/basic/node_modules; its own npm install is
    untracked. The proposed `node_modules/` matched the fixture too: rg stopped listing it
    (the scan predicted 6 files after the fix, rg listed 4) and a new fixture file would be
    ignored. The rule is anchored to the project's own folder, in the scan and the fix."""
    from tests.conftest import run_cli

    repo = make_repo(tmp_path / "r")
    write(repo / "package.json", '{"name": "resolver"}\n')
    write(repo / "lib" / "resolve.js", "module.exports = (x) => x;\n")
    write(repo / "test" / "fixtures" / "basic" / "node_modules" / "dep" / "index.js", "1;\n")
    commit(repo)
    write(repo / "node_modules" / "tape" / "index.js", "module.exports = {};\n")
    group = _scan(repo).groups[0]
    [finding] = _codes(_scan(repo), "TDY501").values()
    assert ("ignore rule", "/node_modules/") in finding.details
    done = run_cli("fix", "--yes", cwd=repo)
    assert done.code == 0, done.err
    assert "/node_modules/" in (repo / ".gitignore").read_text().splitlines()
    after = _rg_files(repo)
    assert "test/fixtures/basic/node_modules/dep/index.js" in after
    assert group.surface_after.files == len(after)
