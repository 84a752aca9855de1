"""A warm content pass's whole-list steps answer what its per-file steps do.

run_pass keeps every file of a rescan with nothing changed in one step (_all_kept) and
ContentFacts.ensure finds what the scan has by one intersection of key sets; a request
whose values are lists (not hashable) still takes the per-file loop, so each case here is
run both ways, over a real repo whose files are changed, removed, replaced by a link or a
folder, made racy or left alone between the passes: the same entries in the same order,
the same counts, the same files read."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import make_repo, write
from tidy.core.config import Config
from tidy.rules.content import content_spec
from tidy.workspace import content_cache
from tidy.workspace.content import (
    RACY_MARGIN_NS,
    REFS,
    ContentFacts,
    PassResult,
    Spec,
    run_pass,
)

PATTERNS = ("widgetlib",)
_FILES = 6
_CHANGES = st.sampled_from(["same", "same", "same", "edit", "gone", "link", "folder", "new"])


def _spec() -> Spec:
    return content_spec(Config(data_min_size=10_000)).with_patterns(PATTERNS)


def _write_files(repo: Path) -> None:
    for i in range(_FILES):
        text = "import widgetlib\n" if i % 2 else f"nothing in {i}\n"
        write(repo / "src" / f"f{i}.py", text)


def _change(repo: Path, i: int, how: str) -> None:
    path = repo / "src" / f"f{i}.py"
    if how == "edit":
        path.write_text("now widgetlib twice: widgetlib\n")
    elif how == "gone":
        path.unlink()
    elif how == "link":
        path.unlink()
        path.symlink_to(repo / "src" / "f0.py")
    elif how == "folder":
        path.unlink()
        path.mkdir()


def _warm(repo: Path, requests: dict[str, object]) -> PassResult:
    spec = _spec()
    loaded = content_cache.load(content_cache.cache_path(str(repo)), str(repo), spec.shape)
    return run_pass(str(repo), requests, spec, loaded.entries)  # type: ignore[arg-type]


def _shown(result: PassResult) -> object:
    return ([(rel, entry.key, entry.facts) for rel, entry in result.entries.items()],
            result.stats.files_read, result.stats.hits)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(_CHANGES, min_size=_FILES, max_size=_FILES), racy=st.booleans())
@example(changes=["same"] * _FILES, racy=False)  # all kept at once
@example(changes=["same"] * _FILES, racy=True)
@example(changes=["same"] * (_FILES - 1) + ["edit"], racy=False)  # the last one only
@example(changes=["same"] * (_FILES - 1) + ["new"], racy=False)
def test_a_warm_pass_keeps_and_reads_what_the_per_file_loop_does(changes: list[str],
                                                                  racy: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        repo = make_repo(Path(scratch) / "r")
        _write_files(repo)
        time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)
        requests = {f"src/f{i}.py": (REFS,) for i in range(_FILES)}
        cold = ContentFacts(str(repo), _spec())
        cold.ensure(requests)
        assert cold.save()
        for i, how in enumerate(changes):
            _change(repo, i, how)
        time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)
        if racy:  # the cache dated before its files: every entry is racy, read again
            os.utime(content_cache.cache_path(str(repo)), ns=(0, 0))
        if "new" in changes:  # asked, with nothing known of it
            write(repo / "src" / "new.py", "widgetlib\n")
            requests["src/new.py"] = (REFS,)
        fast = _warm(repo, dict(requests))
        loop = _warm(repo, {rel: list(asked) for rel, asked in requests.items()})
        assert _shown(fast) == _shown(loop)
        if set(changes) == {"same"}:
            assert (fast.stats.files_read, fast.stats.hits) == ((_FILES, 0) if racy
                                                                else (0, _FILES))


def test_ensure_after_a_few_files_asks_only_what_it_lacks(tmp_path: Path) -> None:
    """Library discovery reads a few heads first; the search's pass after it reads the rest
    once, and asks nothing again of what it has."""
    repo = make_repo(tmp_path / "r")
    _write_files(repo)
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)
    requests = {f"src/f{i}.py": (REFS,) for i in range(_FILES)}
    facts = ContentFacts(str(repo), _spec(), use_cache=False)
    facts.ensure({"src/f1.py": (REFS,)})
    assert facts.stats.files_read == 1
    facts.ensure(requests)
    assert facts.stats.files_read == _FILES
    facts.ensure(requests)
    assert facts.stats.files_read == _FILES
    assert facts.hits("src/f1.py") == [(0, 1, "import widgetlib")]
    assert facts.hits("src/f2.py") == []
