"""Trust round 21: an item in tidy's trash that no whole journal line names, two tidies at
once on one root, and the kept untracked listing as an attacker's input.

A journal cut inside a later intent line (its item already moved) read as a run killed before
that move: undo put back the items of the whole lines and said nothing of the other, `tidy
trash list` showed nothing of it, and purge deleted it with the slot it shared with a named
file (on a71221d). Now every command that looks at the trash names such an item, with where it
is; none moves or deletes it, since only the torn line could say where it came from.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, commit, hermetic_env, make_repo, write
from tests.fixes.helpers import backdate
from tests.safety.helpers import held_tidy, tidy, wait_while_held
from tidy.workspace import untracked_cache
from tidy.workspace.index_cache import RACY_MARGIN_NS
from tidy.workspace.textscan import PendingFiles

Tidy = Callable[..., CliResult]


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state"
    monkeypatch.setenv("TIDY_STATE_DIR", str(path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return path


# ------------------------------------------------- a journal cut inside a later intent line
def _journal(state: Path) -> Path:
    (journal,) = (state / "runs").glob("*.jsonl")
    return journal


def _cut_inside_intent(journal: Path, ending: str, fraction: float) -> None:
    """Keep the journal's lines up to the trash intent whose path ends with `ending`, and
    `fraction` of that line: what a crash that kept the move but not the line leaves."""
    lines = journal.read_bytes().split(b"\n")
    at = next(i for i, line in enumerate(lines) if b'"op":"intent"' in line
              and json.loads(line)["path"].endswith(ending))
    torn = lines[at][: max(1, int(len(lines[at]) * fraction))]
    journal.write_bytes(b"\n".join(lines[:at]) + b"\n" + torn)


def _two_node_modules(root: Path) -> Path:
    make_repo(root)
    for name in ("a", "b"):
        write(root / name / "package.json", "{}\n")
        write(root / name / "node_modules" / "dep" / "i.js", f"// {name}\n")
    commit(root, "a/package.json", "b/package.json")
    backdate(root)
    return root


def _fixed(tidy_main: Tidy, root: Path, *select: str) -> str:
    result = tidy_main("fix", "--yes", "--format", "json", *select, str(root), cwd=root)
    assert result.code == 0, result.out + result.err
    run_id: str = json.loads(result.out)["run"]
    return run_id


def _in_trash(root: Path, run_id: str, name: str) -> list[Path]:
    return sorted((root / ".git" / "tidy" / "trash" / run_id).glob(f"*/{name}"))


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.97])
def test_an_item_under_a_torn_intent_line_is_named_by_list_and_undo(
        tmp_path: Path, state: Path, tidy_main: Tidy, fraction: float) -> None:
    """Fails on a71221d: `trash list` showed nothing of b's node_modules, undo put a's back
    and exited 0 saying nothing of b's."""
    root = _two_node_modules(tmp_path / "repo")
    run_id = _fixed(tidy_main, root, "--select", "TDY1")
    _cut_inside_intent(_journal(state), "b/node_modules", fraction)
    (stray,) = _in_trash(root, run_id, "node_modules")[1:]

    listed = tidy_main("trash", "list", "--format", "json", cwd=root)
    assert {"run": run_id, "path": str(stray)} in listed.json()["left"], listed.out
    assert str(stray) in listed.err and "interrupted run" in listed.err

    undo = tidy_main("undo", cwd=root)
    assert undo.code == 1, undo.out + undo.err
    assert (root / "a" / "node_modules" / "dep" / "i.js").read_text() == "// a\n"
    assert str(stray) in undo.err and "neither puts it back nor deletes it" in undo.err
    # never moved because of the torn line: the item is whole where it was
    assert not (root / "b" / "node_modules").exists()
    assert (stray / "dep" / "i.js").read_text() == "// b\n"

    again = tidy_main("undo", cwd=root)
    assert again.code == 1 and str(stray) in again.err and "nothing to undo" in again.err
    text = tidy_main("trash", "list", cwd=root)
    assert "the trash is empty" not in text.out and "1 item left by" in text.out, text.out


def test_an_undo_of_only_a_torn_intent_says_where_the_item_is(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Fails on a71221d: "nothing to undo", exit 0, the item unnamed in the trash."""
    root = _two_node_modules(tmp_path / "repo")
    run_id = _fixed(tidy_main, root, "--select", "TDY1")
    _cut_inside_intent(_journal(state), "a/node_modules", 0.5)
    items = _in_trash(root, run_id, "node_modules")

    undo = tidy_main("undo", cwd=root)
    assert undo.code == 1, undo.out + undo.err
    assert "nothing to undo" in undo.err and all(str(p) in undo.err for p in items), undo.err
    assert len(_in_trash(root, run_id, "node_modules")) == 2
    assert not (root / "a" / "node_modules").exists()


def test_an_unnamed_item_in_the_state_folders_trash_is_named_too(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """A plain folder (no repo): the items go to the state folder's trash, which no
    `trash-base` line names. Fails on a71221d (nothing named it)."""
    root = tmp_path / "plain"
    for name in ("a", "b"):
        write(root / name / "package.json", "{}\n")
        write(root / name / "node_modules" / "dep" / "i.js", f"// {name}\n")
    backdate(root)
    run_id = _fixed(tidy_main, root, "--select", "TDY1")
    _cut_inside_intent(_journal(state), "b/node_modules", 0.5)
    (stray,) = [p for p in (state / "trash" / run_id).glob("*/node_modules")
                if (p / "dep" / "i.js").read_text() == "// b\n"]
    listed = tidy_main("trash", "list", "--format", "json", cwd=root)
    assert {"run": run_id, "path": str(stray)} in listed.json().get("left", []), listed.err
    undo = tidy_main("undo", run_id, cwd=root)
    assert undo.code == 1 and str(stray) in undo.err, undo.out + undo.err
    assert (root / "a" / "node_modules").is_dir() and not (root / "b" / "node_modules").exists()
    assert (stray / "dep" / "i.js").read_text() == "// b\n"


def _two_files_in_one_slot(root: Path) -> Path:
    """a/.DS_Store and b/Thumbs.db: files of different names, which share one slot."""
    make_repo(root)
    write(root / "a" / ".DS_Store", "finder\n")
    write(root / "b" / "Thumbs.db", "explorer\n")
    write(root / "b" / "keep.txt", "kept\n")
    commit(root, "b/keep.txt")
    backdate(root)
    return root


def test_a_purge_keeps_an_unnamed_item_sharing_a_slot_with_a_named_one(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Fails on a71221d: the purge deleted the slot, Thumbs.db (never listed) with it."""
    root = _two_files_in_one_slot(tmp_path / "repo")
    run_id = _fixed(tidy_main, root, "--select", "TDY104")
    (thumbs,) = _in_trash(root, run_id, "Thumbs.db")
    assert _in_trash(root, run_id, ".DS_Store")[0].parent == thumbs.parent  # one slot
    _cut_inside_intent(_journal(state), "b/Thumbs.db", 0.5)

    purge = tidy_main("trash", "purge", "--yes", cwd=root)
    assert thumbs.exists(), "the purge deleted an item no whole journal line names"
    assert thumbs.read_text() == "explorer\n"
    assert purge.code == 1, purge.out + purge.err
    assert str(thumbs) in purge.err and "interrupted run" in purge.err
    assert not _in_trash(root, run_id, ".DS_Store")  # the named item went
    assert str(thumbs) in tidy_main("trash", "list", cwd=root).err


def test_a_finished_runs_trash_names_nothing_extra(
        tmp_path: Path, state: Path, tidy_main: Tidy) -> None:
    """Control: a run that ended is never listed for strays (held on a71221d too)."""
    root = _two_node_modules(tmp_path / "repo")
    _fixed(tidy_main, root, "--select", "TDY1")
    listed = tidy_main("trash", "list", "--format", "json", cwd=root)
    assert listed.json().get("left", []) == [] and "interrupted run" not in listed.err


# ------------------------------------------------- two tidies at once on one root
PACKAGES = 4
FILES = 3
SEEDS = 4


def _packages(root: Path) -> Path:
    """PACKAGES projects, each a node_modules of FILES files whose text is theirs alone."""
    make_repo(root)
    for p in range(PACKAGES):
        write(root / f"p{p}" / "package.json", "{}\n")
        for f in range(FILES):
            write(root / f"p{p}" / "node_modules" / "dep" / f"f{f}.js", f"// p{p} f{f}\n")
    commit(root, *(f"p{p}/package.json" for p in range(PACKAGES)))
    backdate(root)
    return root


def _copies(root: Path) -> Counter[str]:
    """Each node_modules file by its text, wherever it is below the root (home or trash)."""
    return Counter(path.read_text() for path in root.rglob("f*.js")
                   if path.is_file() and not path.is_symlink())


def _all_texts() -> set[str]:
    return {f"// p{p} f{f}\n" for p in range(PACKAGES) for f in range(FILES)}


def _at_home(root: Path) -> set[str]:
    return {p.read_text() for p in root.glob("p*/node_modules/dep/f*.js")}


def _together(root: Path, state: Path, seed: int, *commands: tuple[str, ...]
              ) -> list[tuple[int, str]]:
    """The commands started together as real processes (in an order and with a start gap of
    0-40 ms drawn from `seed`); each one's exit code and output once all have ended."""
    rng = random.Random(seed)
    order = list(commands)
    rng.shuffle(order)
    env = hermetic_env({"TIDY_STATE_DIR": str(state), "HOME": str(state.parent / "home")})
    procs = []
    for args in order:
        procs.append(subprocess.Popen([sys.executable, "-m", "tidy", *args], cwd=root, env=env,
                                      stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
        time.sleep(rng.uniform(0, 0.04))
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        results.append((proc.returncode, out + err))
    for code, text in results:
        assert code in (0, 1, 2) and "Traceback" not in text and "internal error" not in text, \
            text
        if code == 2:  # the one that gives way says why in one line
            assert len(text.strip().splitlines()) <= 3, text
    return results


def _undo_all(root: Path, state: Path) -> None:
    for _ in range(6):
        if tidy("undo", cwd=root, state=state).returncode != 0:
            break


def _fixed_run(root: Path, state: Path, *paths: str) -> str:
    done = tidy(*SELECT_TDY1, "--format", "json", *(paths or (str(root),)), cwd=root,
                state=state)
    assert done.returncode == 0, done.stdout + done.stderr
    run_id: str = json.loads(done.stdout)["run"]
    return run_id


SELECT_TDY1 = ("fix", "--yes", "-q", "--select", "TDY1")


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(SEEDS))
def test_a_fix_and_an_undo_started_together_move_each_item_once(
        tmp_path: Path, seed: int) -> None:
    root, state = _packages(tmp_path / "repo"), tmp_path / "state"
    first = _fixed_run(root, state, str(root / "p0"))
    _together(root, state, seed, (*SELECT_TDY1, str(root)), ("undo", first))
    assert _copies(root) == Counter(_all_texts())  # each file once: home or trash
    _undo_all(root, state)
    assert _at_home(root) == _all_texts()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(SEEDS))
def test_two_undos_started_together_put_each_item_back_once(tmp_path: Path, seed: int) -> None:
    root, state = _packages(tmp_path / "repo"), tmp_path / "state"
    run_id = _fixed_run(root, state)
    results = _together(root, state, seed, ("undo", run_id), ("undo", run_id))
    assert any(code == 0 for code, _ in results), results
    assert _copies(root) == Counter(_all_texts())
    assert _at_home(root) == _all_texts(), results


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(SEEDS))
def test_an_undo_and_a_purge_started_together_leave_each_item_whole_or_gone(
        tmp_path: Path, seed: int) -> None:
    root, state = _packages(tmp_path / "repo"), tmp_path / "state"
    run_id = _fixed_run(root, state)
    _together(root, state, seed, ("undo", run_id), ("trash", "purge", "--yes", run_id))
    copies = _copies(root)
    assert all(n == 1 for n in copies.values()), copies
    for p in range(PACKAGES):  # never a node_modules half put back, half purged
        home = {t for t in _at_home(root) if t.startswith(f"// p{p} ")}
        assert len(home) in (0, FILES), home
    if _at_home(root) != _all_texts():  # the purge won: nothing of it may still be undone
        assert tidy("undo", run_id, cwd=root, state=state).returncode != 0


def _killed_after_its_move(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A fix of p0 as a kill after its move leaves it (its `done` and `end` lines lost, so
    recovery resolves its intent from the disk): the root, the state folder, its journal."""
    root, state = _packages(tmp_path / "repo"), tmp_path / "state"
    killed = _fixed_run(root, state, str(root / "p0"))
    journal = state / "runs" / f"{killed}.jsonl"
    kept = [line for line in journal.read_text().splitlines()
            if json.loads(line)["op"] not in ("done", "end")]
    journal.write_text("\n".join(kept) + "\n")
    return root, state, journal


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(SEEDS))
def test_two_recoveries_and_a_fix_started_together_resolve_each_item_once(
        tmp_path: Path, seed: int) -> None:
    """A run killed after its moves (its `done` and `end` lines lost), then a `tidy fix` and a
    `tidy trash list` at once: both recover it first, then the fix moves what is new."""
    root, state, journal = _killed_after_its_move(tmp_path)
    _together(root, state, seed, (*SELECT_TDY1, str(root)), ("trash", "list"))
    assert _copies(root) == Counter(_all_texts())
    recovered = [json.loads(line) for line in journal.read_text().splitlines()]
    states = Counter(e["ref"] for e in recovered if e["op"] == "recovered")
    assert list(states.values()) == [1], recovered  # the in-flight intent resolved once
    _undo_all(root, state)
    assert _at_home(root) == _all_texts()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_a_fix_while_another_tidy_holds_a_recovery_leaves_that_run_to_it(
        tmp_path: Path) -> None:
    """`tidy trash list` held by strace at its recovery's first fsync (the killed run's
    journal locked, its `recovered` line written); a `tidy fix` meanwhile passes over that
    run (in use) and moves the rest; the held recovery then ends: each item moved once, the
    killed run resolved once, everything undoes (held on a71221d)."""
    root, state, journal = _killed_after_its_move(tmp_path)
    per_core = os.getloadavg()[0] / (os.cpu_count() or 1)
    held = held_tidy("trash", "list", cwd=root, state=state, syscall="fsync",
                     hold_s=min(20.0, 3.0 * max(1.0, per_core)), text=True)
    wait_while_held(held, lambda: '"op":"recovered"' in journal.read_text(), "recovered")
    fix = tidy(*SELECT_TDY1, str(root), cwd=root, state=state)
    assert held.poll() is None, "the recovery was not held through the fix"
    _out, err = held.communicate(timeout=300)
    assert fix.returncode in (0, 1) and held.returncode == 0, fix.stderr + err
    assert _copies(root) == Counter(_all_texts())
    recovered = [json.loads(line) for line in journal.read_text().splitlines()]
    assert [e["op"] for e in recovered].count("recovered") == 1, recovered
    _undo_all(root, state)
    assert _at_home(root) == _all_texts()


# ------------------------------------------------- the kept untracked listing as an attacker's
def _listing_repo(root: Path, extra: str = "") -> Path:
    make_repo(root)
    write(root / "a.txt", "a")
    commit(root)
    write(root / "notes.txt", "untracked")
    if extra:  # the untracked file that references a vendored library, say
        write(root / extra, "import plotter\n")
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.03)
    return root


def _listed(root: Path) -> tuple[list[str], bool]:
    """TDY401's listing of the untracked files, and whether git was asked for it."""
    listing = PendingFiles(str(root), [], tracked=(), use_cache=True)
    return sorted(listing.result()), listing._git is not None


def _kept(root: Path) -> Path:
    _listed(root)
    _found, ran = _listed(root)
    assert not ran, "the listing was not kept"
    return Path(untracked_cache.cache_path(str(root)) or "")


def _plant(kind: str, clones: Path, own: Path, mine: Path) -> None:
    """Put in `mine`'s place a listing read from where tidy must not take it: `clones` (a
    whole listing of another clone, signed with this user's own key) copied in; `own` (the
    repo's own valid listing, kept aside) through a link or as another user's file; a FIFO."""
    mine.unlink(missing_ok=True)
    if kind == "copied from another clone":
        shutil.copy2(clones, mine)
    elif kind == "its own through a link":
        mine.symlink_to(own)
    elif kind == "its own, another user's":
        shutil.copy2(own, mine)
        os.chown(mine, 65534, 65534)
    else:
        os.mkfifo(mine)


@pytest.mark.parametrize("kind", ["copied from another clone", "its own through a link",
                                  "its own, another user's", "a FIFO"])
def test_a_listing_not_this_repos_own_file_is_never_used(
        tmp_path: Path, state: Path, kind: str) -> None:
    """Clone A's kept listing (signed with this user's own key, so its signature holds) in
    clone B, which has one more untracked file (one that keeps a vendored library in use);
    B's own listing read through a link, or given to another user; a FIFO in its place:
    B's scan asks git, gets that file, and waits on nothing (held on a71221d)."""
    if kind == "its own, another user's" and os.geteuid() != 0:
        pytest.skip("needs root to give a file away")
    clones = _kept(_listing_repo(tmp_path / "A"))
    other = _listing_repo(tmp_path / "B", extra="src/uses_plotter.py")
    mine = _kept(other)
    own = shutil.copy2(mine, tmp_path / "kept-aside")
    _plant(kind, clones, Path(own), mine)
    started = time.monotonic()
    found, ran = _listed(other)
    assert ran, "a listing that is not the repo's own file was used"
    assert found == ["notes.txt", "src/uses_plotter.py"], found
    assert time.monotonic() - started < 30  # a FIFO is never waited on
