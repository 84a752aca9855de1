"""git's listing of the untracked files kept between scans (tidy.workspace.untracked_cache):
used only when nothing git would see has changed (a folder's names, a `.gitignore`,
info/exclude, core.excludesFile, git's config, the index, even rewritten under the same
stat), never when racy, never when it is not this user's signed file, never with
--no-cache; whatever it holds, the files a scan gets are git's own answer."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, make_repo, run_cli, write
from tidy.workspace import untracked_cache
from tidy.workspace.index_cache import RACY_MARGIN_NS
from tidy.workspace.textscan import PendingFiles

_SKIP = ["build"]


def _after_a_tick() -> None:
    """Past the racy margin: what was just changed is older than the next listing's start."""
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.03)


def _repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "r")
    for name in ("a.txt", "src/b.py", "docs/d.md"):
        write(repo / name, name)
    commit(repo)
    write(repo / "notes.txt", "untracked")
    write(repo / "src/new.py", "untracked")
    write(repo / "build/out.txt", "left out by the pathspec")
    (repo / "empty").mkdir()
    _after_a_tick()
    return repo


def _git_says(repo: Path) -> list[str]:
    """git's own answer, asked now."""
    out = git(repo, "ls-files", "-z", "--others", "--exclude-standard", "--", ".",
              *(f":(exclude,top,literal){s}" for s in _SKIP))
    return sorted(p for p in out.split("\0") if p)


def _listed(repo: Path, use_cache: bool = True) -> tuple[list[str], bool]:
    """What TDY401's listing gives, and whether git was started for it."""
    listing = PendingFiles(str(repo), _SKIP, tracked=(), use_cache=use_cache)
    ran = listing._git is not None
    return sorted(listing.result()), ran


def _kept_then(repo: Path) -> None:
    """A listing that keeps git's answer (or takes it kept), and one that takes it kept."""
    first, _ran = _listed(repo)
    assert first == _git_says(repo)
    path = untracked_cache.cache_path(str(repo))
    assert path is not None and os.path.isfile(path)
    again, ran = _listed(repo)
    assert not ran and again == first


def _asks_git_again(repo: Path) -> list[str]:
    found, ran = _listed(repo)
    assert ran, "the kept listing was used after a change git sees"
    assert found == _git_says(repo)
    return found


def _kept_with_rules(tmp_path: Path, rules: bytes) -> Path:
    """_repo with a `src/.gitignore` of `rules`, its listing kept."""
    repo = _repo(tmp_path)
    write(repo / "src/.gitignore", rules)
    _after_a_tick()
    _kept_then(repo)
    return repo


def _edit_in_place(path: Path, data: bytes) -> None:
    """Rewrite `path` in place (the same inode), its mtime put back: only its ctime moves."""
    before = path.stat()
    with open(path, "r+b") as handle:
        handle.truncate(0)
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_warm_listing_starts_no_git_and_gives_gits_answer(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    assert _listed(repo)[0] == ["notes.txt", "src/new.py"]


def test_a_file_added_removed_or_renamed_in_any_folder_is_seen(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    write(repo / "docs/added.md", "x")
    assert "docs/added.md" in _asks_git_again(repo)
    _after_a_tick()
    _kept_then(repo)
    (repo / "src/new.py").rename(repo / "src/moved.py")
    assert "src/moved.py" in _asks_git_again(repo)
    _after_a_tick()
    _kept_then(repo)
    (repo / "notes.txt").unlink()
    assert "notes.txt" not in _asks_git_again(repo)


def test_a_file_in_a_folder_that_listed_nothing_is_seen(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    write(repo / "empty/inside.txt", "x")  # only `empty`'s own stat moves
    assert "empty/inside.txt" in _asks_git_again(repo)


def test_a_gitignore_edited_in_place_under_the_same_size_and_mtime_is_seen(
        tmp_path: Path) -> None:
    repo = _kept_with_rules(tmp_path, b"zzzzzz.py\n")
    _edit_in_place(repo / "src/.gitignore", b"new.py\n\n\n")  # the same size
    assert "src/new.py" not in _asks_git_again(repo)


def test_a_new_gitignore_is_seen(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    write(repo / ".gitignore", "notes.txt\n")
    assert "notes.txt" not in _asks_git_again(repo)


def test_an_edited_info_exclude_is_seen(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    exclude = repo / ".git/info/exclude"
    write(exclude, exclude.read_bytes() + b"notes.txt\n")
    assert "notes.txt" not in _asks_git_again(repo)


def test_core_excludes_file_set_and_edited_is_seen(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    rules = write(tmp_path / "global-ignore", "zzz\n")
    _kept_then(repo)
    git(repo, "config", "core.excludesFile", str(rules))
    assert _asks_git_again(repo) == ["notes.txt", "src/new.py"]
    _after_a_tick()
    _kept_then(repo)
    write(rules, "*.py\n")
    assert _asks_git_again(repo) == ["notes.txt"]


def test_any_config_git_reads_is_part_of_the_key(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    git(repo, "config", "core.ignoreCase", "true")
    _asks_git_again(repo)


def test_a_file_added_to_the_index_is_seen(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    git(repo, "add", "notes.txt")
    assert "notes.txt" not in _asks_git_again(repo)


def test_an_index_rewritten_in_place_with_its_mtime_put_back_is_seen(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    index = repo / ".git/index"
    old = index.read_bytes()
    git(repo, "add", "notes.txt")
    new = index.read_bytes()
    git(repo, "reset", "-q", "notes.txt")
    write(index, old)
    _after_a_tick()
    _kept_then(repo)
    assert new != old
    _edit_in_place(index, new)
    assert "notes.txt" not in _asks_git_again(repo)


def test_a_folder_changed_within_the_racy_margin_is_not_kept(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write(repo / "docs/late.md", "x")  # now: within the tick the listing starts in
    found, ran = _listed(repo)
    assert ran and found == _git_says(repo)
    path = untracked_cache.cache_path(str(repo))
    assert path is not None and not os.path.exists(path)


def test_an_index_written_within_the_racy_margin_is_not_kept(tmp_path: Path) -> None:
    """Written in the tick the listing starts in, it could change again unseen: git's
    answer is given, and not kept."""
    repo = _repo(tmp_path)
    git(repo, "add", "notes.txt")  # the index rewritten now
    found, ran = _listed(repo)
    assert ran and found == _git_says(repo) == ["src/new.py"]
    path = untracked_cache.cache_path(str(repo))
    assert path is not None and not os.path.exists(path)
    _after_a_tick()
    _kept_then(repo)


def test_a_nested_repository_is_never_kept(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    make_repo(repo / "vendor/inner")
    write(repo / "vendor/inner/x.txt", "x")
    _after_a_tick()
    assert _listed(repo)[0] == _git_says(repo)
    path = untracked_cache.cache_path(str(repo))
    assert path is not None and not os.path.exists(path)


def test_a_tampered_or_foreign_cache_is_ignored(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    path = Path(untracked_cache.cache_path(str(repo)) or "")
    data = path.read_bytes()
    head, _, rest = data.partition(b"\n")
    header, _, rest = rest.partition(b"\n")
    _mac, _, body = rest.partition(b"\n")
    payload = json.loads(body)
    payload["out"] = "bm90ZXMudHh0AA=="  # "notes.txt\0" alone: src/new.py hidden
    forged = json.dumps(payload, separators=(",", ":")).encode()
    path.write_bytes(b"\n".join((head, header, b"0" * 64, forged)))
    assert _asks_git_again(repo) == ["notes.txt", "src/new.py"]
    _after_a_tick()
    _kept_then(repo)
    data = path.read_bytes()
    path.write_bytes(data[:-3] + bytes([data[-3] ^ 1]) + data[-2:])  # one bit of the body
    assert _asks_git_again(repo) == ["notes.txt", "src/new.py"]


def test_the_pathspecs_are_part_of_the_key(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _kept_then(repo)
    listing = PendingFiles(str(repo), [], tracked=(), use_cache=True)
    assert listing._git is not None
    assert "build/out.txt" in listing.result()


def test_no_cache_reads_and_writes_none(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    found, ran = _listed(repo, use_cache=False)
    assert ran and found == _git_says(repo)
    path = untracked_cache.cache_path(str(repo))
    assert path is not None and not os.path.exists(path)
    _kept_then(repo)
    assert _listed(repo, use_cache=False)[1]


def test_a_scan_keeps_it_and_cache_clear_drops_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    lib = repo / "static/vendor/plotter"
    write(lib / "package.json", json.dumps({"name": "plotter", "version": "1.2.3",
                                            "main": "plotter.min.js", "license": "MIT"}))
    write(lib / "LICENSE", "MIT License\n\nPermission is hereby granted, free of charge")
    write(lib / "plotter.min.js", ("var a=function(){return 1};" * 200 + "\n") * 20)
    write(repo / "app/views.py", "X = 1\n")
    commit(repo)
    write(repo / "templates/new.html", "<script src='/static/vendor/plotter/plotter.min.js'>\n")
    _after_a_tick()
    reports = [run_cli("scan", "--format", "json", "-q", *flags, str(repo), cwd=tmp_path)
               for flags in ((), (), ("--no-cache",))]
    found = [{k: v for k, v in json.loads(r.out).items() if k != "duration_s"} for r in reports]
    assert found[0] == found[1] == found[2]
    assert "TDY401" not in json.dumps(found[1])  # the untracked template uses it
    path = untracked_cache.cache_path(str(repo))
    assert path is not None and os.path.isfile(path)
    assert untracked_cache.root_in_head(Path(path).read_bytes()[:4096]) == str(repo)
    run_cli("cache", "clear", str(repo), cwd=tmp_path)
    assert not os.path.exists(path)


def _records_what_a_whole_walk_does(repo: Path) -> None:
    """The kept folders and rules are those a walk of the whole tree finds now (a listing
    kept again after a change lists only the folders whose stat moved)."""
    path = untracked_cache.cache_path(str(repo))
    assert path is not None
    payload = untracked_cache._load(path)
    if payload is None:
        return  # not kept (racy): nothing to hold
    whole = untracked_cache._folders(str(repo), frozenset(_SKIP), time.time_ns())
    assert whole is not None
    assert sorted(map(str, payload["folders"])) == sorted(map(str, whole[0]))  # type: ignore
    assert sorted(map(str, payload["ignores"])) == sorted(map(str, whole[1]))  # type: ignore


def test_kept_again_after_a_change_it_lists_only_what_moved_and_records_it_all(
        tmp_path: Path) -> None:
    repo = _kept_with_rules(tmp_path, b"zzz\n")
    write(repo / "docs/deep/er/x.txt", "x")  # new folders below a changed one
    _edit_in_place(repo / "src/.gitignore", b"yyy\n")  # a folder whose names did not change
    _after_a_tick()
    listed: list[str] = []
    real = os.scandir

    def counted(path: str) -> object:
        listed.append(os.path.relpath(path, repo))
        return real(path)

    try:
        os.scandir = counted  # type: ignore[assignment]
        assert "docs/deep/er/x.txt" in _asks_git_again(repo)
    finally:
        os.scandir = real
    assert sorted(listed) == ["docs", "docs/deep", "docs/deep/er"]
    _records_what_a_whole_walk_does(repo)
    assert _listed(repo) == (_git_says(repo), False)


_EDITS = st.lists(st.tuples(
    st.sampled_from(["add", "remove", "mkdir", "ignore", "exclude", "stage", "tick"]),
    st.sampled_from(["a", "b", "d/c", "d/e/f", "g/h"])), max_size=6)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_EDITS)
def test_any_edits_give_gits_answer_with_and_without_the_cache(
        tmp_path_factory: object, edits: list[tuple[str, str]]) -> None:
    base = tmp_path_factory.mktemp("h")  # type: ignore[attr-defined]
    repo = _repo(base)
    _listed(repo)
    for action, name in edits:
        target = repo / (name + ".txt")
        if action == "add":
            write(target, name)
        elif action == "remove" and target.exists():
            target.unlink()
        elif action == "mkdir":
            (repo / name).mkdir(parents=True, exist_ok=True)
        elif action == "ignore":
            rules = repo / os.path.dirname(name) / ".gitignore"
            write(rules, (rules.read_bytes() if rules.exists() else b"")
                  + os.path.basename(name).encode() + b".txt\n")
        elif action == "exclude":
            exclude = repo / ".git/info/exclude"
            write(exclude, exclude.read_bytes() + name.encode() + b".txt\n")
        elif action == "stage" and target.exists():
            git(repo, "add", "-f", "--", name + ".txt")
        elif action == "tick":
            _after_a_tick()
        truth = _git_says(repo)
        assert _listed(repo)[0] == truth
        again, ran = _listed(repo)
        assert again == truth  # from the cache, when it was kept
        assert _listed(repo, use_cache=False)[0] == truth
        if not ran:  # the kept folders are all there are (a new one moves a kept one)
            _records_what_a_whole_walk_does(repo)


def test_trash_purge_drops_it_with_the_content_cache(tmp_path: Path) -> None:
    from tidy.core.config import Config
    from tidy.rules.content import content_spec
    from tidy.workspace import cache_registry
    from tidy.workspace.content import ContentFacts

    repo = _repo(tmp_path)
    facts = ContentFacts(str(repo), content_spec(Config()))
    facts.head("a.txt", 100)
    assert facts.save()  # the content cache registers the repo for the purge
    _kept_then(repo)
    kept = Path(untracked_cache.cache_path(str(repo)) or "")
    done = cache_registry.drop_all()
    assert str(kept) in [p for p, _ in done.removed] and not done.left
    assert not kept.exists()
