"""History analysis on real repositories built with `git fast-import`.

Expected values come from two independent places: the generator's own bookkeeping (which
content was committed where, sha1 of "blob <len>\\0<data>" computed here), and
`git filter-repo --analyze` run on a fresh `git clone --no-local`.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import findings, git, hermetic_env, make_repo, scan_json
from tidy.workspace.githistory import (
    NO_EXTENSION,
    TOPLEVEL,
    ShallowClone,
    analyze,
    extension,
    roll_up,
    stream_blobs,
)


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Built:
    """What the generator knows about the history it wrote."""

    commits: list[str] = field(default_factory=list)  # marks' shas, oldest first
    added_in: dict[str, int] = field(default_factory=dict)  # blob sha -> commit index
    first_path: dict[str, str] = field(default_factory=dict)
    paths: dict[str, set[str]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    head: dict[str, bytes] = field(default_factory=dict)  # path -> content at HEAD


def fast_import(repo: Path, steps: list[list[tuple[str, str, bytes]]], branch: str = "main",
                built: Built | None = None) -> Built:
    """Commit `steps` (each a list of ("M", path, data) / ("D", path, b"")) on `branch`."""
    built = built or Built()
    tree: dict[str, bytes] = dict(built.head)
    stream = bytearray()
    parent = git(repo, "rev-parse", "--verify", "-q", branch, check=False).strip()
    for number, ops in enumerate(steps):
        stream += b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), number + 1)
        stream += b"committer T <t@t> %d +0000\ndata 1\nc\n" % (1_600_000_000 + number)
        if number == 0 and parent:
            stream += b"from %s\n" % parent.encode()
        for op, path, data in ops:
            if op == "M":
                stream += b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)
                tree[path] = data
            else:
                stream += b"D %s\n" % path.encode()
                tree.pop(path, None)
        stream += b"\n"
        index = len(built.commits) + number
        for op, path, data in ops:
            if op == "M" and path in tree and tree[path] is data:
                sha = blob_sha(data)
                built.added_in.setdefault(sha, index)
                built.first_path.setdefault(sha, path)
                built.paths.setdefault(sha, set()).add(path)
                built.sizes[sha] = len(data)
    marks = repo / ".git" / "marks.txt"
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet",
                    f"--export-marks={marks}"], input=bytes(stream), check=True,
                   env=hermetic_env())
    by_mark = dict(line.split() for line in marks.read_text().splitlines())
    built.commits += [by_mark[f":{n + 1}"] for n in range(len(steps))]
    built.head = tree
    return built


def rand(rng: random.Random, size: int) -> bytes:
    return rng.randbytes(size)


def sample_history(tmp_path: Path) -> tuple[Path, Built]:
    """Big blobs added, one deleted, one renamed, one replaced, one only on a side branch."""
    rng = random.Random(1)
    repo = make_repo(tmp_path / "repo")
    steps = [
        [("M", "README.md", b"hello\n"), ("M", "data/a.bin", rand(rng, 300_001)),
         ("M", "data/b.zip", rand(rng, 250_003))],
        [("M", "assets/c.psd", rand(rng, 410_007)), ("M", "src/x.py", b"print(1)\n" * 50)],
        [("D", "data/a.bin", b"")],  # deleted but still in history
        [("M", "media/d.bin", rand(rng, 120_011)), ("M", "Makefile", rand(rng, 90_013))],
        [("M", "assets/c.psd", rand(rng, 50_021))],  # the old c.psd is an older version now
        [("M", "data/e.tar", rand(rng, 700_001))],  # renamed to archive/ below
    ]
    built = fast_import(repo, steps)
    moved = built.head["data/e.tar"]
    built = fast_import(repo, [[("D", "data/e.tar", b""), ("M", "archive/e.tar", moved)]],
                        built=built)
    main_head = built.head
    git(repo, "branch", "-q", "side", "main")
    built = fast_import(repo, [[("M", "side-only/f.dat", rand(rng, 333_333))]], branch="side",
                        built=built)
    built.head = main_head  # HEAD stays on main
    git(repo, "reset", "-q", "--hard", "main")
    return repo, built


# --------------------------------------------------------------------- against the oracle
def biggest(sizes: dict[str, int], n: int) -> list[str]:
    """The n biggest blobs; ties broken by sha, descending, as git filter-repo sorts."""
    return sorted(sizes, key=lambda s: (sizes[s], s), reverse=True)[:n]


def test_top_blobs_sizes_commits_and_head_state(tmp_path: Path) -> None:
    repo, built = sample_history(tmp_path)
    analysis = analyze(str(repo), top=5)
    expected = biggest(built.sizes, 5)
    assert [b.sha for b in analysis.top] == expected
    for blob in analysis.top:
        assert blob.size == built.sizes[blob.sha]
        assert blob.commit == built.commits[built.added_in[blob.sha]]
        assert set(blob.paths) == built.paths[blob.sha]
        head_paths = {p for p, data in built.head.items() if blob_sha(data) == blob.sha}
        assert set(blob.head_paths) == head_paths
    by_sha = {b.sha: b for b in analysis.top}
    deleted = blob_sha_of(built, "data/a.bin")
    assert not by_sha[deleted].at_head and by_sha[deleted].paths == ("data/a.bin",)
    renamed = blob_sha_of(built, "data/e.tar")
    assert by_sha[renamed].paths == ("archive/e.tar", "data/e.tar")
    assert by_sha[renamed].head_paths == ("archive/e.tar",)


def blob_sha_of(built: Built, path: str) -> str:
    return next(sha for sha, first in built.first_path.items() if first == path)


def test_totals_per_extension_and_folder(tmp_path: Path) -> None:
    repo, built = sample_history(tmp_path)
    analysis = analyze(str(repo), top=3, totals=100)
    expected_ext: dict[str, int] = {}
    expected_dir: dict[str, int] = {}
    for sha, size in built.sizes.items():
        path = built.first_path[sha]
        expected_ext[extension(path)] = expected_ext.get(extension(path), 0) + size
        parts = path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            expected_dir[key] = expected_dir.get(key, 0) + size
        if not parts:
            expected_dir[TOPLEVEL] = expected_dir.get(TOPLEVEL, 0) + size
    assert {t.name: t.size for t in analysis.by_extension} == expected_ext
    assert {t.name: t.size for t in analysis.by_directory} == expected_dir
    assert analysis.blobs == len(built.sizes)
    assert analysis.blob_bytes == sum(built.sizes.values())
    assert analysis.commits == len(built.commits)


@pytest.mark.slow
def test_packed_sizes_match_git(tmp_path: Path) -> None:
    repo, _ = sample_history(tmp_path)
    git(repo, "repack", "-adq")
    analysis = analyze(str(repo))
    reachable = int(git(repo, "rev-list", "--objects", "--all", "--disk-usage").strip())
    assert analysis.object_disk == reachable
    for blob in analysis.top:
        assert blob.disk == _disk(repo, blob.sha)
    pack_kib = next(int(line.split()[1]) for line in git(repo, "count-objects", "-v").splitlines()
                    if line.startswith("size-pack:"))
    assert analysis.repo_disk == pack_kib * 1024


def _disk(repo: Path, sha: str) -> int:
    proc = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch-check=%(objectsize:disk)"],
                          input=sha.encode() + b"\n", capture_output=True, check=True,
                          env=hermetic_env())
    return int(proc.stdout)


# --------------------------------------------------------------------- against filter-repo
def filter_repo_blobs(clone: Path) -> dict[str, tuple[int, int, set[str]]]:
    subprocess.run(["git", "filter-repo", "--analyze"], cwd=clone, check=True,
                   capture_output=True, env=hermetic_env())
    report = clone / ".git" / "filter-repo" / "analysis" / "blob-shas-and-paths.txt"
    rows: dict[str, tuple[int, int, set[str]]] = {}
    for line in report.read_text().splitlines():
        parts = line.split(None, 3)
        if len(parts) == 4 and len(parts[0]) == 40:
            names = parts[3]
            paths = set(names[1:-1].split(", ")) if names.startswith("[") else {names}
            rows[parts[0]] = (int(parts[1]), int(parts[2]), paths)
    return rows


@pytest.mark.slow
def test_top_ten_equals_git_filter_repo_analyze(tmp_path: Path) -> None:
    repo, _ = sample_history(tmp_path)
    rng = random.Random(7)
    # More big blobs than ten, in several folders, so the cut at ten is tested too.
    fast_import(repo, [[("M", f"more/{n}.bin", rand(rng, 10_000 + 997 * n))] for n in range(8)],
                built=Built(head={}))
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-local", str(repo), str(clone)], check=True,
                   env=hermetic_env())
    theirs = filter_repo_blobs(clone)
    ranked = sorted(theirs, key=lambda s: (theirs[s][0], s), reverse=True)[:10]
    ours = analyze(str(clone), top=10).top
    assert [b.sha for b in ours] == ranked
    for blob in ours:
        size, disk, paths = theirs[blob.sha]
        assert (blob.size, blob.disk) == (size, disk)
        assert set(blob.paths) == paths


# --------------------------------------------------------------------- properties
_ops = st.lists(
    st.lists(st.tuples(st.sampled_from(["M", "M", "M", "D"]), st.integers(0, 5),
                       st.integers(1, 40_000)), min_size=1, max_size=4),
    min_size=1, max_size=6,
)


@pytest.mark.slow
@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=_ops, seed=st.integers(0, 2**16))
def test_random_histories_match_the_generator(tmp_path_factory: pytest.TempPathFactory,
                                              plan: list[list[tuple[str, int, int]]],
                                              seed: int) -> None:
    rng = random.Random(seed)
    repo = make_repo(tmp_path_factory.mktemp("h") / "r")
    names = ["a.bin", "d/b.bin", "d/e/c", "f.tar.gz", "g/.hidden", "h/i/j.k"]
    steps = []
    for ops in plan:
        step = []
        for op, index, size in ops:
            # One op per path and commit: fast-import applies them in order and so does Built.
            if any(path == names[index] for _, path, _ in step):
                continue
            step.append((op, names[index], rand(rng, size) if op == "M" else b""))
        steps.append(step)
    built = fast_import(repo, steps)
    analysis = analyze(str(repo), top=4)
    expected = biggest(built.sizes, 4)
    assert [b.sha for b in analysis.top] == expected
    assert analysis.blob_bytes == sum(built.sizes.values())
    for blob in analysis.top:
        assert blob.commit == built.commits[built.added_in[blob.sha]]
        assert blob.at_head == any(blob_sha(d) == blob.sha for d in built.head.values())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text("abc/", min_size=1, max_size=12), st.integers(0, 99)),
                max_size=20))
def test_roll_up_counts_every_blob_once_per_ancestor(rows: list[tuple[str, int]]) -> None:
    folders = [f.strip("/") or TOPLEVEL for f, _ in rows]
    folders = ["/".join(p for p in f.split("/") if p) or TOPLEVEL for f in folders]
    by_parent: dict[str, list[int]] = {}
    for folder, (_, size) in zip(folders, rows, strict=True):
        slot = by_parent.setdefault(folder, [0, 0, 0])
        slot[0] += size
        slot[2] += 1
    rolled = roll_up(by_parent)
    for folder, (size, _, count) in rolled.items():
        if folder == TOPLEVEL:
            continue
        inside = [(f, s) for f, (_, s) in zip(folders, rows, strict=True)
                  if f == folder or f.startswith(folder + "/")]
        assert size == sum(s for _, s in inside) and count == len(inside)


# --------------------------------------------------------------------- edges
def test_extension_like_filter_repo() -> None:
    assert extension("a/b.tar.gz") == ".gz"
    assert extension("Makefile") == NO_EXTENSION
    assert extension("d.x/.bashrc") == NO_EXTENSION  # splitext: a leading dot is no extension


def test_empty_repository(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "empty")
    analysis = analyze(str(repo))
    assert (analysis.commits, analysis.blobs, analysis.top) == (0, 0, ())


def test_unknown_revision_is_a_clear_error(tmp_path: Path) -> None:
    from tidy.workspace.git import GitUnavailable

    repo, _ = sample_history(tmp_path)
    with pytest.raises(GitUnavailable, match="nope"):
        list(stream_blobs(str(repo), ["nope..main"]))


def test_shallow_clone_is_refused_with_a_message(tmp_path: Path) -> None:
    repo, _ = sample_history(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True, env=hermetic_env())
    with pytest.raises(ShallowClone, match="git fetch --unshallow"):
        analyze(str(shallow))


def test_non_ascii_paths_survive(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    name = "données/é.bin"
    fast_import(repo, [[("M", name, os.urandom(5000))]])
    top = analyze(str(repo), top=1).top
    assert top[0].path == name and top[0].paths == (name,)


# --------------------------------------------------------------------- through the CLI
def test_scan_history_reports_blobs_and_totals(tmp_path: Path) -> None:
    repo, built = sample_history(tmp_path)
    report = scan_json(repo, "--history", "--top", "4", "--large-file", "200KB")
    blobs = findings(report, "TDY203")
    expected = biggest(built.sizes, 4)
    assert [dict(f["details"])["blob"] for f in blobs] == expected
    gone = blob_sha_of(built, "data/a.bin")
    deleted = next(f for f in blobs if dict(f["details"])["blob"] == gone)
    assert "deleted but still in history" in deleted["message"]
    assert "git filter-repo --invert-paths --path data/a.bin" in deleted["fix"]["description"]
    kept = next(f for f in blobs if f["path"] == "archive/e.tar")
    command = "git lfs migrate import --everything --include=archive/e.tar"
    assert command in kept["fix"]["description"]
    summary = findings(report, "TDY206")
    assert len(summary) == 1 and summary[0]["bytes"] == sum(built.sizes.values())


def test_scan_without_history_flag_walks_no_history(tmp_path: Path) -> None:
    repo, _ = sample_history(tmp_path)
    report = scan_json(repo)
    assert not findings(report, "TDY203") and not findings(report, "TDY206")


@pytest.mark.slow
def test_scan_history_of_shallow_clone_says_so(tmp_path: Path) -> None:
    repo, _ = sample_history(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True, env=hermetic_env())
    report = scan_json(shallow, "--history")
    assert not findings(report, "TDY203")
    [note] = findings(report, "TDY206")
    assert "shallow clone" in note["message"]


def test_a_reader_that_stops_early_leaves_no_git_behind(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """rev-list | cat-file --batch-check stopped after one blob of a thousand: both killed
    and reaped when the stream is closed, and closing it is no error."""
    from tests.git_calls import GitRecorder, still_there

    repo = make_repo(tmp_path / "repo")
    fast_import(repo, [[("M", f"f{n % 7}.txt", b"version %d\n" % n)] for n in range(1_000)])
    recorder = GitRecorder(tmp_path / "git")
    monkeypatch.setenv("PATH", recorder.env()["PATH"])  # tidy finds git on PATH
    stream = stream_blobs(str(repo))
    assert any(not isinstance(item, str) for item in stream)  # the first blob: it stops
    stream.close()  # type: ignore[attr-defined]  # stream_blobs gives a generator
    # (and the one `git config` that names the repo's filters, to switch them off)
    readers = [c for c in recorder.calls() if c.args[2] != "config"]
    assert {c.args[2] for c in readers} == {"rev-list", "cat-file"}
    assert not any(still_there(c) for c in readers)
