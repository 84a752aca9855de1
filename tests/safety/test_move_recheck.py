"""The re-check right before a move walks the whole planned subtree (issue 14, points 1, 3, 11).

Point 3 runs the real terminal flow: `tidy fix` plans and asks; while the question waits, a
process writes 5,000 files deep inside node_modules; then the user answers yes.
"""

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

from tests.conftest import commit, make_repo, write
from tests.fixes.helpers import backdate, snapshot, tidy_env
from tidy import engine
from tidy.core.config import Config
from tidy.fixes import ApplySettings, Status, recheck
from tidy.fixes import plan as planning
from tidy.fixes.apply import appliers, apply_plan
from tidy.fixes.journal import RunJournal, read_run

DEEP = ("web", "node_modules", "pkg", "lib", "a", "b", "c", "deep")
WRITER = """
import os, sys
folder = sys.argv[1]
for i in range(5000):
    with open(os.path.join(folder, f"out{i:04d}.js"), "w") as f:
        f.write("built\\n")
"""


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    return path


def project(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "proj")
    write(root / "web" / "package.json", "{}\n")
    write(root / Path(*DEEP) / "index.js", "module.exports = 1\n")
    write(root / "web" / "node_modules" / "top.js", "x\n")
    commit(root, "web/package.json")
    backdate(root)
    return root


def make_plan(root: Path) -> planning.Plan:
    since = planning.mark_since()
    report = engine.scan([str(root)], Config())
    return planning.build(report, planning.PlanOptions(select=("TDY1",), since_ns=since,
                                                       actions=tuple(appliers())))


def apply(plan: planning.Plan) -> tuple[str, list]:  # type: ignore[type-arg]
    with RunJournal.create("fix", plan.roots) as journal:
        outcomes = apply_plan(plan, journal, ApplySettings(skip_recent=0))
        journal.end("complete")
    return journal.run_id, outcomes


def _on_a_terminal_with(args: list[str], cwd: Path, state: Path,
                        meanwhile: list[str]) -> tuple[int, str]:
    """Run tidy on a pseudo-terminal; when it asks, run `meanwhile` to its end, answer y."""
    primary, secondary = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "tidy", *args], cwd=cwd,
                             env=tidy_env(state), stdin=secondary, stderr=secondary,
                             stdout=subprocess.PIPE)
    os.close(secondary)
    seen = b""
    deadline = time.monotonic() + 60
    while b"?" not in seen and time.monotonic() < deadline:
        if select.select([primary], [], [], 0.5)[0]:
            try:
                seen += os.read(primary, 4096)
            except OSError:
                break
    assert b"?" in seen, seen
    subprocess.run(meanwhile, check=True, timeout=60)
    os.write(primary, b"y\n")
    out, _ = child.communicate(timeout=60)
    os.close(primary)
    return child.returncode, seen.decode(errors="replace") + out.decode(errors="replace")


@pytest.mark.slow
def test_files_written_deep_inside_while_the_prompt_waits_are_seen(tmp_path: Path,
                                                                   state: Path) -> None:
    root = project(tmp_path)
    deep = root / Path(*DEEP)
    code, text = _on_a_terminal_with(
        ["fix", "--select", "TDY1", "--format", "json"], root, state,
        [sys.executable, "-c", WRITER, str(deep)])
    assert code == 0, text  # a routine skip: a build is writing there
    document = json.loads(text[text.index("{"):])
    (outcome,) = [o for o in document["result"]["outcomes"] if o["path"].endswith("node_modules")]
    assert outcome["status"] == "skipped" and "modified since the plan" in outcome["reason"]
    assert len([n for n in os.listdir(deep) if n.startswith("out")]) == 5000
    assert (deep / "index.js").read_text() == "module.exports = 1\n"


@pytest.mark.parametrize("full", [True, False], ids=["every-entry", "folders-only"])
def test_a_file_created_anywhere_inside_after_the_plan_is_seen(
        tmp_path: Path, state: Path, monkeypatch: pytest.MonkeyPatch, full: bool) -> None:
    if not full:  # the walk big trees get: folders only
        monkeypatch.setattr(recheck, "FULL_CHECK_ENTRIES", 0)
    root = project(tmp_path)
    plan = make_plan(root)
    write(root / Path(*DEEP) / "new.js", "fresh\n")
    _, (outcome,) = apply(plan)
    assert outcome.status is Status.SKIPPED and "modified since the plan" in outcome.reason
    assert str(root / Path(*DEEP)) in outcome.reason
    assert (root / Path(*DEEP) / "new.js").exists()


def test_a_file_rewritten_in_place_with_an_old_mtime_is_seen(tmp_path: Path,
                                                             state: Path) -> None:
    """npm and tar set old mtimes on what they write; ctime cannot be set back."""
    root = project(tmp_path)
    plan = make_plan(root)
    target = root / Path(*DEEP) / "index.js"
    old = os.stat(target)
    target.write_text("module.exports = 2\n")
    os.utime(target, ns=(old.st_atime_ns, old.st_mtime_ns))
    _, (outcome,) = apply(plan)
    assert outcome.status is Status.SKIPPED and "modified since the plan" in outcome.reason
    assert target.read_text() == "module.exports = 2\n"


@pytest.mark.parametrize("marker", [".git/HEAD", ".git", ".hg/store/x", "_darcs/format"])
@pytest.mark.parametrize("full", [True, False], ids=["every-entry", "folders-only"])
def test_a_nested_checkout_that_appeared_after_the_plan_is_never_moved(
        tmp_path: Path, state: Path, monkeypatch: pytest.MonkeyPatch, marker: str,
        full: bool) -> None:
    """A `git clone` into node_modules after the plan (a .git folder, or a .git file of a
    worktree/submodule): skipped with the path of the checkout, even though it is also new."""
    if not full:
        monkeypatch.setattr(recheck, "FULL_CHECK_ENTRIES", 0)
    root = project(tmp_path)
    plan = make_plan(root)
    checkout = root / "web" / "node_modules" / ("pkg" if full else "fresh-clone")
    write(checkout / marker, "gitdir: /elsewhere\n" if marker == ".git" else "ref\n")
    before = snapshot(root / "web")
    _, (outcome,) = apply(plan)
    assert outcome.status is Status.SKIPPED and outcome.attention
    name = marker.split("/")[0]
    assert f"nested checkout ({name})" in outcome.reason
    assert str(checkout / name) in outcome.reason
    assert snapshot(root / "web") == before


def test_a_parent_replaced_by_a_symlink_mid_run_is_a_skip_and_the_run_completes(
        tmp_path: Path, state: Path) -> None:
    """Point 11: a skipped item (exit 1 on the CLI), never an internal error, and the run is
    `complete`, not interrupted; nothing outside is touched."""
    root = project(tmp_path)
    outside = tmp_path / "outside"
    write(outside / "node_modules" / "pkg" / "victim.js", "outside\n")
    outside_before = snapshot(outside)
    plan = make_plan(root)
    os.rename(root / "web", tmp_path / "web-real")
    os.symlink(outside, root / "web")
    run_id, (outcome,) = apply(plan)
    assert outcome.status is Status.SKIPPED and outcome.attention
    assert "symlink" in outcome.reason
    assert snapshot(outside) == outside_before
    record = read_run(run_id)
    assert record.ended is not None and record.ended["status"] == "complete"


def test_a_parent_replaced_by_another_real_folder_is_refused(tmp_path: Path,
                                                             state: Path) -> None:
    """The way down is checked by inode, not only for links: a folder moved into the place
    of the planned one's parent is not the planned one's parent."""
    root = project(tmp_path)
    plan = make_plan(root)
    os.rename(root / "web", tmp_path / "web-real")
    write(root / "web" / "node_modules" / "other.js", "someone else's\n")
    _, (outcome,) = apply(plan)
    assert outcome.status is Status.SKIPPED and outcome.attention
    assert (root / "web" / "node_modules" / "other.js").exists()
