"""The content cache's notes in a file of their own (workspace/content_notes), on real repos.

A scan writes the big cache at most once (counted across processes by an audit hook on the
renames that replace it); the notes file is used only when it is exactly what this user's tidy
signed for this root, version and shape, and a forged, edited, truncated or foreign one never
changes a report; `--no-cache` writes none; `tidy cache clear` and `tidy trash purge` drop it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import commit, findings, git, hermetic_env, make_repo, run_cli, scan_json, write
from tidy.core.config import Config
from tidy.rules.content import content_spec
from tidy.workspace import cache_registry, content_cache, content_notes
from tidy.workspace.content import RACY_MARGIN_NS, ContentFacts

MINIFIED = "var a=function(){return 1};" * 400 + "\n"
SHAPE = "0123456789abcdef0123456789abcdef"


def _settle() -> None:
    import time

    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)


def _site(repo: Path, big: bool = True) -> Path:
    """An unused vendored library (TDY401: its last reference is a note), a used one, and
    (`big`) a big tracked file (TDY201: which big files are LFS pointers is a note)."""
    make_repo(repo)
    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", MINIFIED)
    write(repo / "static/vendor/jquery/package.json", '{"name": "jquery", "version": "3.6.0"}')
    write(repo / "static/vendor/jquery/jquery.min.js", MINIFIED)
    write(repo / "templates/base.html", '<script src="/static/vendor/jquery/jquery.min.js">\n')
    if big:
        write(repo / "plain.bin", os.urandom(1_200_000))
    commit(repo)
    _settle()
    return repo


# ------------------------------------------------------------------ written at most once
# A scan in a child with an audit hook: every rename onto the cache or the notes file, in the
# main process and in the early job's worker (forked: the hook goes with it), is logged.
# The early job runs whatever the index's size, as in a big repo.
_COUNT_WRITES = """
import os, sys, runpy
log = sys.argv.pop(1)
def hook(event, args):
    if event == "os.rename" and isinstance(args[1], str):
        name = os.path.basename(args[1])
        if name in ("content-cache.json", "content-notes.json"):
            with open(log, "a") as out:
                out.write(f"{os.getpid()} {name}\\n")
sys.addaudithook(hook)
import tidy.workspace.early
tidy.workspace.early.EARLY_MIN_INDEX_BYTES = 0
sys.argv[0] = "tidy"
runpy.run_module("tidy", run_name="__main__")
"""


def _writes(repo: Path, tmp_path: Path, record: bool = False) -> dict[str, list[str]]:
    """The renames onto each file during one `tidy scan` (by name: the writing pids);
    `record`: the scan's totals recorded (the index's size is asked, and noted)."""
    log = tmp_path / "renames.log"
    log.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_WRITES, str(log), "scan", "--format", "json", "-q",
         *([] if record else ["--no-record"]), "."],
        cwd=repo, capture_output=True, timeout=120, check=False,
        env=hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")}))
    assert done.returncode in (0, 1), done.stderr
    written: dict[str, list[str]] = {"content-cache.json": [], "content-notes.json": []}
    for line in log.read_text().splitlines() if log.exists() else []:
        pid, name = line.split()
        written[name].append(pid)
    return written


@pytest.mark.slow
def test_a_first_scan_and_a_scan_after_a_commit_write_the_cache_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker saves the cache after its pass; the main process's notes (the LFS pointers,
    the history's `asked`) used to make it load and write the whole cache a second time."""
    repo = _site(tmp_path / "site")
    first = _writes(repo, tmp_path)
    assert len(first["content-cache.json"]) == 1
    # The notes kept apart, written once: by the main process, the worker's (the history's
    # answers, the index's size) with its own (`asked`, the LFS pointers); the worker
    # wrote them too before.
    assert len(first["content-notes.json"]) == 1
    assert first["content-notes.json"] != first["content-cache.json"]  # not the worker

    git(repo, "commit", "-q", "--allow-empty", "-m", "empty")
    _settle()
    after = _writes(repo, tmp_path)
    assert len(after["content-cache.json"]) <= 1
    assert len(after["content-notes.json"]) == 1  # the new HEAD's answers, once

    assert _writes(repo, tmp_path) == {"content-cache.json": [], "content-notes.json": []}
    path = content_notes.notes_path(str(repo))
    assert path is not None
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))  # the scans' key
    shape = json.loads(Path(path).read_bytes())["shape"]
    kept = content_notes.load(path, str(repo), shape)
    head = git(repo, "rev-parse", "HEAD").strip()
    assert kept[f"last-reference\0{head}\0\0asked"] == json.dumps(["static/vendor/ketcher"])
    assert "lfs-pointers" in kept
    assert f"last-reference\0{head}\0static/vendor/ketcher" in kept  # the worker's


@pytest.mark.slow
def test_notes_only_the_early_job_learnt_are_written_once_by_the_main_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed index with the same HEAD and no big tracked file: the index's size is the
    one new note, the early job's; the main process notes nothing new, and writes the job's
    note all the same."""
    repo = _site(tmp_path / "site", big=False)
    _writes(repo, tmp_path, record=True)
    write(repo / "templates/more.html", "<p>more</p>\n")
    git(repo, "add", "templates/more.html")
    _settle()
    after = _writes(repo, tmp_path, record=True)
    assert len(after["content-notes.json"]) == 1
    path = content_notes.notes_path(str(repo))
    assert path is not None
    monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "state"))  # the scans' key
    shape = json.loads(Path(path).read_bytes())["shape"]
    stamp = content_notes.load(path, str(repo), shape)["index-size"]
    assert _writes(repo, tmp_path, record=True) == {"content-cache.json": [],
                                                    "content-notes.json": []}
    assert content_notes.load(path, str(repo), shape)["index-size"] == stamp


# ------------------------------------------------------------------ the file's own checks
def _saved(tmp_path: Path, notes: dict[str, str] | None = None) -> tuple[Path, str, bytes]:
    repo = make_repo(tmp_path / "r")
    path = content_notes.notes_path(str(repo))
    assert path is not None
    assert content_notes.save(path, str(repo), SHAPE, notes or {"k": "v", "é\0x": "y\n"})
    return repo, path, Path(path).read_bytes()


def test_notes_are_read_back_for_the_same_root_shape_version_and_key(tmp_path: Path) -> None:
    repo, path, _ = _saved(tmp_path)
    assert content_notes.load(path, str(repo), SHAPE) == {"k": "v", "é\0x": "y\n"}
    assert (Path(content_notes.notes_path(str(repo)) or "").stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("field", ["root", "shape", "tidy", "format", "key"])
def test_notes_for_anything_else_are_not_read(tmp_path: Path, field: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    repo, path, _ = _saved(tmp_path)
    root, shape = str(repo), SHAPE
    if field == "root":
        root = str(tmp_path / "elsewhere")
    elif field == "shape":
        shape = "f" * 32
    elif field == "tidy":
        monkeypatch.setattr(content_notes, "__version__", "0.0.0-other")
    elif field == "format":
        monkeypatch.setattr(content_notes, "FORMAT", content_notes.FORMAT + 1)
    else:  # another user's state (or this user's after its key was replaced)
        monkeypatch.setenv("TIDY_STATE_DIR", str(tmp_path / "other-state"))
    assert content_notes.load(path, root, shape) == {}


def _resigned(data: bytes, edit: bytes, into: bytes, after: bytes = b"") -> bytes:
    """The file with `edit` replaced (and `after` added to the signed part) and signed again
    with this user's key: well signed, but not what save() writes."""
    key = content_notes._key(make=False)
    assert key is not None
    signed = data[:-content_notes._MAC_TAIL].replace(edit, into) + after
    return signed + b',"mac":"' + content_notes._mac(key, signed) + b'"}'


@pytest.mark.parametrize("damage", [
    "truncated", "half", "empty", "edited", "mac-of-other-bytes", "mac-upper-case",
    "garbage-after", "value-not-text", "notes-not-object", "not-json"])
def test_a_damaged_or_tampered_notes_file_is_ignored_as_a_whole(tmp_path: Path,
                                                                damage: str) -> None:
    repo, path, data = _saved(tmp_path)
    mac = data[-content_notes._MAC_TAIL:]
    bad = {
        "truncated": data[:-1],
        "half": data[:len(data) // 2],
        "empty": b"",
        "edited": data.replace(b'"k":"v"', b'"k":"w"'),
        "mac-of-other-bytes": data[:-content_notes._MAC_TAIL] + _resigned(
            data, b'"k":"v"', b'"k":"w"')[-content_notes._MAC_TAIL:],
        "mac-upper-case": data[:-content_notes._MAC_TAIL] + mac.upper().replace(b"MAC", b"mac"),
        "garbage-after": data + b" ",
        "value-not-text": _resigned(data, b'"k":"v"', b'"k":1'),
        "notes-not-object": _resigned(data, b'"notes":{', b'"notes":[{', b"]"),
        "not-json": _resigned(data, b'"k":"v"', b'"k":v'),
    }[damage]
    assert bad != data
    Path(path).write_bytes(bad)
    assert content_notes.load(path, str(repo), SHAPE) == {}


def test_a_link_a_fifo_or_a_file_over_the_bound_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, path, data = _saved(tmp_path)
    elsewhere = write(tmp_path / "elsewhere.json", data)
    os.unlink(path)
    os.symlink(elsewhere, path)
    assert content_notes.load(path, str(repo), SHAPE) == {}  # read through no link
    os.unlink(path)
    os.mkfifo(path)
    assert content_notes.load(path, str(repo), SHAPE) == {}  # and never blocks on a FIFO
    assert not content_notes.save(path, str(repo), SHAPE, {"k": "v"}) or Path(path).is_file()
    Path(path).unlink(missing_ok=True)
    write(Path(path), data)
    monkeypatch.setattr(content_notes, "MAX_NOTES_BYTES", len(data) - 1)
    assert content_notes.load(path, str(repo), SHAPE) == {}
    assert not content_notes.save(path, str(repo), SHAPE, {"k": "v" * len(data)})
    monkeypatch.setattr(content_notes, "MAX_NOTES", 1)
    assert not content_notes.save(path, str(repo), SHAPE, {"a": "", "b": ""})


def test_a_key_file_that_is_not_private_or_not_whole_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, path, _ = _saved(tmp_path)
    key = Path(os.environ["TIDY_STATE_DIR"]) / content_notes.KEY_NAME
    content_notes._keys.clear()  # a new process: it reads the key again
    key.chmod(0o644)
    assert content_notes.load(path, str(repo), SHAPE) == {}
    content_notes._keys.clear()
    key.chmod(0o600)
    key.write_bytes(key.read_bytes()[:-1])
    assert content_notes.load(path, str(repo), SHAPE) == {}


def test_scans_making_the_key_at_once_all_get_the_same(tmp_path: Path) -> None:
    top = str(tmp_path / "fresh-state")
    made: list[bytes | None] = []
    threads = [threading.Thread(target=lambda: made.append(content_notes._make_key(top)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 8 and made[0] is not None and len(set(made)) == 1
    assert sorted(os.listdir(top)) == [content_notes.KEY_NAME]  # no temp left behind


def test_two_writers_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    path = content_notes.notes_path(str(repo))
    assert path is not None
    content_notes._key(make=True)
    seen: list[dict[str, str]] = []

    def writer(n: int) -> None:
        for i in range(30):
            content_notes.save(path, str(repo), SHAPE, {f"w{n}": str(i) * 200})
            seen.append(content_notes.load(path, str(repo), SHAPE))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(notes) == 1 for notes in seen)  # never half of one, never empty
    assert sorted(os.listdir(os.path.dirname(path))) == [content_notes.NOTES_NAME]


# ------------------------------------------------------------------ through ContentFacts
def test_a_scan_that_only_notes_writes_the_notes_not_the_cache(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "README.md", "# hello\n")
    _settle()
    first = ContentFacts(str(repo), content_spec(Config()))
    first.head("README.md", 100)
    first.set_note("k", "v")
    assert first.save()
    cache = Path(content_cache.cache_path(str(repo)))
    before = cache.stat()
    noted = ContentFacts(str(repo), content_spec(Config()))
    assert noted.note("k") == "v"
    noted.set_note("k2", "v2")
    assert noted.save()
    after = cache.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert content_cache.load(str(cache), str(repo), noted.spec.shape).notes == {}
    third = ContentFacts(str(repo), content_spec(Config()))
    assert (third.note("k"), third.note("k2")) == ("v", "v2")
    assert not third.save()  # nothing new: nothing written


def test_a_plain_folder_keeps_its_notes_in_its_cache(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    write(folder / "README.md", "# hello\n")
    _settle()
    assert content_notes.notes_path(str(folder)) is None
    facts = ContentFacts(str(folder), content_spec(Config()))
    facts.set_note("k", "v")
    assert facts.save()
    cache = content_cache.cache_path(str(folder))
    assert content_cache.load(cache, str(folder), facts.spec.shape).notes == {"k": "v"}
    assert ContentFacts(str(folder), content_spec(Config())).note("k") == "v"


def test_without_the_cache_no_notes_are_read_or_written(tmp_path: Path) -> None:
    repo = _site(tmp_path / "site")
    off = scan_json(repo, "--no-cache")
    path = content_notes.notes_path(str(repo))
    assert path is not None and not os.path.exists(path)
    assert not os.path.exists(Path(os.environ["TIDY_STATE_DIR"]) / content_notes.KEY_NAME)
    on = scan_json(repo)
    assert os.path.exists(path)
    assert _found(on) == _found(off) == _found(scan_json(repo, "--no-cache"))


def _found(report: dict[str, object]) -> list[tuple[str, str, str, object]]:
    return sorted((f["code"], f["path"], f["message"], json.dumps(f.get("details")))
                  for f in findings(report))  # type: ignore[arg-type]


def _last_referenced(report: dict[str, object]) -> str | None:
    [found] = [f for f in findings(report, "TDY401")  # type: ignore[arg-type]
               if f["path"] == "static/vendor/ketcher"]
    return dict(found.get("details") or []).get("last referenced")


def test_a_forged_last_reference_never_changes_a_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The history's answer for ketcher at HEAD, forged into the notes file: written without
    this user's key (another user's tidy, a downloaded repo's .git) it is not used; the
    same note signed by this user's tidy is (so the forgery would have shown)."""
    repo = _site(tmp_path / "site")
    truth = scan_json(repo)
    path = content_notes.notes_path(str(repo))
    assert path is not None
    shape = json.loads(Path(path).read_bytes())["shape"]
    head = git(repo, "rev-parse", "HEAD").strip()
    key = f"last-reference\0{head}\0static/vendor/ketcher"
    notes = content_notes.load(path, str(repo), shape)
    assert key in notes
    forged = {**notes, key: "deadbee 2001-01-01 forged"}

    with monkeypatch.context() as other:
        other.setenv("TIDY_STATE_DIR", str(tmp_path / "someone-else"))
        assert content_notes.save(path, str(repo), shape, forged)
    assert _found(scan_json(repo)) == _found(truth)

    assert content_notes.save(path, str(repo), shape, forged)
    Path(path).write_bytes(Path(path).read_bytes().replace(b"forged", b"forgeD"))
    assert _found(scan_json(repo)) == _found(truth)

    assert content_notes.save(path, str(repo), shape, forged)  # tidy's own: believed
    assert _last_referenced(scan_json(repo)) == "deadbee 2001-01-01 forged"
    assert _last_referenced(truth) != "deadbee 2001-01-01 forged"


def test_cache_clear_and_trash_purge_drop_the_notes(tmp_path: Path) -> None:
    repo = _site(tmp_path / "site")
    scan_json(repo)
    path = content_notes.notes_path(str(repo))
    assert path is not None and os.path.isfile(path)
    env = hermetic_env({"TIDY_STATE_DIR": os.environ["TIDY_STATE_DIR"]})
    done = run_cli("cache", "clear", cwd=repo, env=env)
    assert done.code == 0, done.err
    assert not os.path.exists(path)

    scan_json(repo)
    assert os.path.isfile(path)
    cache_registry._registered.clear()
    dropped = cache_registry.drop_all()
    assert path in [p for p, _ in dropped.removed]
    assert not os.path.exists(path)
    assert not os.path.exists(content_cache.cache_path(str(repo)))


def test_purge_leaves_a_notes_file_of_another_root_alone(tmp_path: Path) -> None:
    repo = _site(tmp_path / "site")
    scan_json(repo)
    path = content_notes.notes_path(str(repo))
    assert path is not None
    other = make_repo(tmp_path / "other")
    assert content_notes.save(path, str(other), SHAPE, {"k": "v"})  # its header names other
    body = Path(path).read_bytes()
    done = cache_registry.drop_all()
    assert Path(path).read_bytes() == body
    assert (path, "a cache of another folder: left alone") in done.left


def test_notes_past_the_byte_bound_keep_only_this_scans(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Old answers (earlier commits' histories) pile up: past the bound they go, this scan's
    stay, and the file keeps being written (not refused for ever)."""
    repo = make_repo(tmp_path / "r")
    write(repo / "README.md", "# hello\n")
    first = ContentFacts(str(repo), content_spec(Config()))
    for i in range(20):
        first.set_note(f"old{i}", "x" * 100)
    assert first.save()
    path = content_notes.notes_path(str(repo))
    assert path is not None
    monkeypatch.setattr(content_notes, "MAX_NOTES_BYTES", Path(path).stat().st_size + 50)
    second = ContentFacts(str(repo), content_spec(Config()))
    assert second.note("old3") == "x" * 100
    second.set_note("new", "y" * 100)
    assert second.save()
    assert content_notes.load(path, str(repo), second.spec.shape) == {"new": "y" * 100}


def test_the_main_process_keeps_the_workers_notes_it_adopted(tmp_path: Path) -> None:
    """The main process read the notes file (a look-up it missed) before the early job's
    worker wrote its own into it; the main's save must keep what it adopted from the worker,
    not write them away with its older copy."""
    from tidy.workspace.content import PassResult, PassStats

    repo = make_repo(tmp_path / "r")
    main = ContentFacts(str(repo), content_spec(Config()))
    assert main.note("walk") is None  # the (empty) file read now
    worker = ContentFacts(str(repo), content_spec(Config()))
    worker.set_note("walk", "answer")
    assert worker.save()
    main.adopt(PassResult({}, PassStats(), worker.export().notes, {}), worker.spec)
    main.set_note("lfs", "pointers")
    assert main.save()
    path = content_notes.notes_path(str(repo))
    assert path is not None
    assert content_notes.load(path, str(repo), main.spec.shape) == {
        "walk": "answer", "lfs": "pointers"}
