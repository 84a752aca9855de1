"""The content pass split over two processes (issue 16, speed): a forked child reads part of
the files, and the answer is the one a single process gives, whatever the child does.

Trees are real files in tmp dirs; the thresholds are lowered through SplitWhen (a parameter)
so small trees split; the child is killed with a real SIGKILL, interrupted with a real SIGINT.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workspace.split_trees import (
    ALWAYS,
    DATA,
    JS_DATA,
    NAMES,
    NEEDLES,
    PATTERNS,
    PIECES,
    requests_for,
    same_answer,
    spec_for,
    split_tree,
    write_tree,
)
from tidy.workspace import content_cache, forked
from tidy.workspace.content import (
    HASH,
    REFS,
    TEXT,
    ContentFacts,
    Judge,
    Spec,
    SplitWhen,
    run_pass,
)

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="the split forks (Linux)")

_PARENT = [os.getpid()]


def _fails_in_child(data: bytes) -> object:
    """A judge that raises in any process but the test's (the split's child)."""
    if os.getpid() != _PARENT[0]:
        raise RuntimeError("the child fails")
    return len(data)


trees = st.dictionaries(st.sampled_from(NAMES),
                        st.lists(st.sampled_from(PIECES), min_size=0, max_size=4).map("".join),
                        min_size=1, max_size=10)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=trees, edited=st.sets(st.sampled_from(NAMES), max_size=4),
       hash_min_size=st.sampled_from([1, 2_000, 100_000]))
def test_a_split_pass_answers_as_one_process(files: dict[str, str], edited: set[str],
                                             hash_min_size: int) -> None:
    spec = spec_for(hash_min_size)
    requests = requests_for(files)
    with tempfile.TemporaryDirectory() as folder:
        write_tree(Path(folder), files)
        whole = run_pass(folder, requests, spec, {})
        forks: list[int] = []
        split = run_pass(folder, requests, spec, {}, ALWAYS, on_fork=forks.append)
        same_answer(split, whole)
        assert (len(forks) > 0) == (whole.stats.files_read > 1)  # it did split
        # A rescan that knows the first pass's entries, some files since edited (new sizes)
        for rel in edited & files.keys():
            (Path(folder) / rel).write_bytes((files[rel] + "jquery\n" + rel).encode())
        again_whole = run_pass(folder, requests, spec, whole.entries)
        again_split = run_pass(folder, requests, spec, whole.entries, ALWAYS)
        same_answer(again_split, again_whole)


def _hits_of(view: ContentFacts, files: list[str]) -> tuple[int, list[str], dict[str, object]]:
    """A part's digest: who worked it out, the files it read, and their search hits."""
    return os.getpid(), files, {rel: view.hits(rel) for rel in files}


def _hits_or_fail(view: ContentFacts, files: list[str]) -> object:
    """A digest that fails in any process but the test's (the split's child)."""
    if os.getpid() != _PARENT[0]:
        raise RuntimeError("the child's digest fails")
    return _hits_of(view, files)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=trees, keep_hits=st.booleans())
def test_each_part_digests_the_files_it_read_in_its_own_process(
        files: dict[str, str], keep_hits: bool) -> None:
    """What each process of a split pass works out from the files it read (the early job's
    matches) is what one process gives from the whole pass's facts; without kept hits (no
    cache is written), the child's entries leave them out and are otherwise the same."""
    spec = spec_for()
    requests = requests_for(files)
    with tempfile.TemporaryDirectory() as folder:
        write_tree(Path(folder), files)
        whole = run_pass(folder, requests, spec, {})
        forks: list[int] = []
        split = run_pass(folder, requests, spec, {}, ALWAYS, digest=_hits_of,
                         keep_hits=keep_hits, on_fork=forks.append)
        if whole.stats.files_read < 2:
            return  # nothing to split
        # Files are dealt to whichever process asks first: which one read what varies, and
        # one may have read nothing; each digest is of a process that read, once a round.
        pids = [digest[0] for digest in split.digests]  # type: ignore[index]
        assert forks and set(pids) <= {os.getpid(), *forks}
        assert all(pids.count(pid) <= 1 for pid in forks)
        read = [rel for digest in split.digests for rel in digest[1]]  # type: ignore[index]
        assert sorted(read) == sorted(set(read))  # each file in one part only
        assert set(read) == set(whole.entries)  # and every file read in one
        view = ContentFacts(folder, spec, use_cache=False)
        view.adopt(whole, spec)
        for digest in split.digests:
            assert digest[2] == {rel: view.hits(rel) for rel in digest[1]}  # type: ignore[index]
        child = {rel for d in split.digests if d[0] != os.getpid()  # type: ignore[index]
                 for rel in d[1]}  # type: ignore[index]
        expected = {}
        for rel, entry in whole.entries.items():
            facts = dict(entry.facts)
            if not keep_hits and rel in child:
                facts.pop(REFS, None)
                if set(facts) <= {TEXT}:
                    continue  # only searched: the digest has what was wanted of it
            expected[rel] = (entry.key, facts)
        assert {rel: (e.key, e.facts) for rel, e in split.entries.items()} == expected


def test_a_digest_that_fails_in_the_child_leaves_its_files_to_the_caller(
        tmp_path: Path) -> None:
    root, requests = split_tree(tmp_path)
    spec = spec_for()
    whole = run_pass(root, requests, spec, {})
    split = run_pass(root, requests, spec, {}, ALWAYS, digest=_hits_or_fail, keep_hits=False)
    assert {digest[0] for digest in split.digests} == {os.getpid()}  # type: ignore[index]
    same_answer(split, whole)  # the child's entries came with their hits: nothing digested them


def _gone(pid: int) -> bool:
    """No such process, or only its zombie (a parent that exited leaves it to init)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_a_child_killed_midway_has_its_part_read_by_the_parent(tmp_path: Path) -> None:
    root, requests = split_tree(tmp_path)
    spec = spec_for()
    whole = run_pass(root, requests, spec, {})
    children: list[int] = []

    def kill(pid: int) -> None:
        children.append(pid)
        os.kill(pid, signal.SIGKILL)

    split = run_pass(root, requests, spec, {}, ALWAYS, on_fork=kill)
    same_answer(split, whole)
    assert len(children) == 2  # one a round: the first's dealt files, the second's big ones
    for child in children:
        with pytest.raises(ChildProcessError):  # reaped: no zombie left behind either
            os.waitpid(child, os.WNOHANG)


def test_a_child_that_fails_has_its_part_read_by_the_parent(tmp_path: Path) -> None:
    root, requests = split_tree(tmp_path)
    spec = Spec(PATTERNS, (Judge("n", (".py", ".js"), 0, _fails_in_child, "1"),), 2_000,
                NEEDLES)
    whole = run_pass(root, requests, spec, {})
    children: list[int] = []
    split = run_pass(root, requests, spec, {}, ALWAYS, on_fork=children.append)
    same_answer(split, whole)
    assert len(children) == 2  # it did fork: the children failed, their parts were read here
    assert all("n" in e.facts for rel, e in split.entries.items() if rel.endswith(".py"))


_loaded_in: list[int] = []  # the pids Judge.load ran in (this process's list: a child's is its own)


def _note_load() -> None:
    _loaded_in.append(os.getpid())
    sys.modules.setdefault("tidy_test_loaded_judge", sys)  # what the judge would import


def _sees_loaded(data: bytes) -> object:
    """A judge that says whether its module was loaded in this process before it ran."""
    return "tidy_test_loaded_judge" in sys.modules


def test_a_judge_is_loaded_once_before_the_fork(tmp_path: Path) -> None:
    """Judge.load runs in the forking process before the first round's fork: both processes
    then judge with its modules there (not each loading them), and the answer is the same.
    A pass with no file the judge could look at does not load it."""
    root, requests = split_tree(tmp_path)
    spec = Spec(PATTERNS, (Judge("n", (".py",), 0, _sees_loaded, "1", load=_note_load),),
                2_000, NEEDLES)
    sys.modules.pop("tidy_test_loaded_judge", None)
    _loaded_in.clear()
    children: list[int] = []
    split = run_pass(root, requests, spec, {}, ALWAYS, on_fork=children.append)
    assert len(children) == 2
    assert _loaded_in == [os.getpid()]
    judged = {rel: e.facts["n"] for rel, e in split.entries.items() if "n" in e.facts}
    assert judged and all(judged.values())  # in the child's part as in this process's
    sys.modules.pop("tidy_test_loaded_judge", None)
    _loaded_in.clear()
    no_py = {rel: asked for rel, asked in requests.items() if not rel.endswith(".py")}
    run_pass(root, no_py, spec, {}, ALWAYS)
    assert _loaded_in == [] and "tidy_test_loaded_judge" not in sys.modules


def test_below_the_thresholds_nothing_is_forked(tmp_path: Path) -> None:
    root, requests = split_tree(tmp_path)
    spec = spec_for()
    forks: list[int] = []
    big = run_pass(root, requests, spec, {}, SplitWhen(), on_fork=forks.append)
    few_bytes = run_pass(root, requests, spec, {}, SplitWhen(10**9, 0), on_fork=forks.append)
    small_files = run_pass(root, requests, spec, {}, SplitWhen(0, 10**9), on_fork=forks.append)
    many_cores = run_pass(root, requests, spec, {}, SplitWhen(0, 0, 10**6), on_fork=forks.append)
    assert forks == []
    same_answer(many_cores, big)
    same_answer(big, run_pass(root, requests, spec, {}))
    same_answer(few_bytes, big)
    same_answer(small_files, big)
    # Warm: everything known under its stat: nothing to read, nothing forked
    warm = run_pass(root, requests, spec, big.entries, ALWAYS, on_fork=forks.append)
    assert forks == [] and warm.stats.files_read == 0 and warm.entries == big.entries


def test_a_round_with_little_to_read_is_not_forked(tmp_path: Path) -> None:
    """A repo of a few big modules: the first round (files below hash_min_size) could not
    read a quarter of min_bytes and stays in this process; the big files are dealt out."""
    files = {"a.py": DATA * 30, "b.js": JS_DATA * 300, "c.txt": "jquery\n", "d.py": "x = 1\n"}
    write_tree(tmp_path, files)
    requests = requests_for(files)
    spec = spec_for()
    forks: list[int] = []
    split = run_pass(str(tmp_path), requests, spec, {}, SplitWhen(400_000, 0, 0),
                     on_fork=forks.append)
    same_answer(split, run_pass(str(tmp_path), requests, spec, {}))
    assert len(forks) == 1  # the second round's


def test_content_facts_split_saves_the_same_cache_once(tmp_path: Path) -> None:
    root, requests = split_tree(tmp_path / "t")
    time.sleep(0.08)  # clearly older than the scans (not racy): every entry is cached
    saved: list[bytes] = []
    for split in (None, ALWAYS):
        facts = ContentFacts(root, spec_for(), split=split)
        facts.ensure(requests)
        assert facts.save()
        path = content_cache.cache_path(root)
        saved.append(Path(path).read_bytes())
        os.unlink(path)
    assert saved[0] == saved[1]
    assert HASH.encode() in saved[0]  # duplicate candidates were hashed in both


_INTERRUPTED = textwrap.dedent("""
    import os, sys, time
    from tidy.workspace.content import Judge, Spec, SplitWhen, run_pass

    def slow(data):
        time.sleep(0.05)
        return len(data)

    root = sys.argv[1]
    names = sorted(os.listdir(root))
    spec = Spec((), (Judge("slow", (".py",), 0, slow, "1"),))
    def started(pid):
        print(pid, flush=True)
    run_pass(root, {n: ("slow",) for n in names}, spec, {}, SplitWhen(0, 0, 0),
             on_fork=started)
    print("done", flush=True)
""")


@pytest.mark.parametrize("how", ["ctrl-c", "sigint-parent-only", "sigkill-parent"])
def test_nothing_outlives_an_interrupted_pass(tmp_path: Path, how: str) -> None:
    tree = tmp_path / "t"
    tree.mkdir()
    for i in range(200):  # 10 s of judging: it is interrupted long before
        (tree / f"f{i}.py").write_text(f"x = {i}\n")
    script = tmp_path / "interrupted.py"
    script.write_text(_INTERRUPTED)
    proc = subprocess.Popen([sys.executable, str(script), str(tree)], stdout=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        assert proc.stdout is not None
        child = int(proc.stdout.readline())
        time.sleep(0.3)
        assert not _gone(child)  # reading, beside the parent
        if how == "ctrl-c":  # the terminal's SIGINT goes to the whole process group
            os.killpg(proc.pid, signal.SIGINT)
        elif how == "sigint-parent-only":
            os.kill(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _gone(child)
        assert proc.returncode != 0
        assert "done" not in proc.stdout.read()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_run_beside_answers_both_parts() -> None:
    own, theirs = forked.run_beside(sorted, [3, 1, 2], [9, 7, 8])
    assert (own, theirs) == ([1, 2, 3], [7, 8, 9])


def test_a_process_with_threads_does_not_fork() -> None:
    import threading

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        forks: list[int] = []
        own, theirs = forked.run_beside(sorted, [2, 1], [4, 3], on_fork=forks.append)
        assert (own, theirs, forks) == ([1, 2], [3, 4], [])
    finally:
        release.set()
        thread.join()


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=600))
def test_the_dealer_hands_each_chunk_to_one_process_only(count: int) -> None:
    """The split pass's files are dealt in chunks to whichever process asks: between this
    process and a forked child, every chunk is taken once, and what the child took is what
    this one did not (read here when the child fails)."""
    from tidy.workspace.content import _Dealer

    dealer = _Dealer([[f"f{i}"] for i in range(count)], os.getpid())
    assert dealer.open()
    try:
        own, theirs = forked.run_beside(lambda _: list(iter(dealer.next, None)), 0, 0)
    finally:
        dealer.close()
    assert sorted(own + theirs) == list(range(count))
    assert sorted(dealer.rest()) == sorted(theirs)


def test_the_main_process_saves_the_hits_the_early_jobs_export_left_out(
        tmp_path: Path) -> None:
    """The early job saves the cache and hands the main process its judged entries without
    their search hits; a save of the main process (it learnt a hash) keeps the hits the cache
    holds for those very files, so the next scan reads none of them."""
    root, requests = split_tree(tmp_path / "t")
    time.sleep(0.08)  # clearly older than the scans (not racy): every entry is cached
    worker = ContentFacts(root, spec_for())
    worker.ensure(requests)
    assert worker.save()
    spec, export = worker.spec, worker.export()
    assert export.entries and all(REFS not in e.facts for e in export.entries.values())
    main = ContentFacts(root, spec_for())
    main.adopt(export, spec)
    first = sorted(requests)[0]
    key = main.key(first) or worker.key(first)
    assert key is not None
    main.remember(first, key, b"\1" * 32)  # something new: the main process saves
    assert main.save()
    rescan = ContentFacts(root, spec_for())
    rescan.ensure(requests)
    assert rescan.stats.files_read == 0
    for rel in export.entries:
        assert rescan.hits(rel) == worker.hits(rel)
        assert set(rescan.facts(rel) or ()) == set(worker.facts(rel) or ()) | (
            {HASH} if rel == first else set())


_IDS = st.one_of(st.binary(min_size=20, max_size=20), st.binary(min_size=32, max_size=32)).map(
    bytes.hex)


@given(blob_of=st.dictionaries(st.text(min_size=1, max_size=8), _IDS, max_size=6),
       counts=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1))
def test_a_childs_part_crosses_the_pipe_as_it_was(blob_of: dict[str, str],
                                                   counts: list[tuple[int, int]]) -> None:
    """A part's blob ids travel as bytes (sha1 or sha256, or both kinds: as they are)."""
    import pickle

    from tidy.workspace.content import PassStats, _PartRead
    from tidy.workspace.content_cache import Entry

    blobs = {sha: counts[i % len(counts)] for i, sha in enumerate(blob_of.values())}
    part = _PartRead({"a.py": Entry((1, 2, 3, 4, 5), {"t": True})}, blob_of, blobs,
                     PassStats(2, 30, 0, 0.5), ("digest",))
    again = pickle.loads(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == part
    assert list(again.blob_of.items()) == list(part.blob_of.items())
