"""tidy's git hooks for real: `tidy hook check-staged/check-push` in throwaway repos, the plain
git hook script, and both hooks installed through the pre-commit framework (`try-repo`, `run`,
and a real `git push`).

Sizes are always judged by what git stores: the tests stage a big file and shrink it in the
working tree (the hook must still fail), or commit through `git commit -a` (git hands the hook
a temporary index).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tidy
from tests.cache_body import entries, read_cache, set_entries, write_cache
from tests.conftest import commit, git, hermetic_env, make_repo, run_cli, write
from tidy.analysis.data_in_code import judge_python
from tidy.precommit.checks import Problem, check_staged
from tidy.workspace import content_cache

MB = 1_000_000
SOURCE = Path(tidy.__file__).resolve().parent.parent


def _head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def _blob_size(repo: Path, path: str) -> int:
    """Oracle: the size git stores for the staged `path` (`git cat-file -s :path`)."""
    return int(git(repo, "cat-file", "-s", f":{path}").strip())


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    write(repo / "README.md", "# demo\n")
    write(repo / "src" / "app.py", "print('hi')\n")
    commit(repo)
    return repo


# ----------------------------------------------------------------- check-staged, directly
def test_staged_blob_decides_not_the_working_tree(repo: Path) -> None:
    write(repo / "data.bin", size=2 * MB)
    git(repo, "add", "data.bin")
    write(repo / "data.bin", b"tiny now")  # shrunk after staging: the commit still holds 2 MB
    assert _blob_size(repo, "data.bin") == 2 * MB

    result = run_cli("hook", "check-staged", "--max-size", "1MB", "data.bin", cwd=repo)

    assert result.code == 1, result.err
    assert "data.bin: staged blob is 2.0 MB, over the limit of 1.0 MB" in result.out
    assert "fix: git rm --cached -q -- data.bin" in result.out


def test_small_staged_blob_passes_though_the_working_tree_grew(repo: Path) -> None:
    write(repo / "data.bin", b"small")
    git(repo, "add", "data.bin")
    write(repo / "data.bin", size=3 * MB)

    result = run_cli("hook", "check-staged", "--max-size", "1MB", "data.bin", cwd=repo)

    assert (result.code, result.out) == (0, ""), result.err


def _sizes(problems: list[Problem]) -> list[str]:
    return [p.path for p in problems if p.code == "TDY202"]


def test_a_blob_the_commit_already_holds_adds_no_bytes(repo: Path) -> None:
    # A big file committed before the hook (or with --no-verify) is renamed, made
    # executable, or moved into a folder: the commit adds no blob, as pre-commit's
    # check-added-large-files judges a rename. Changing its bytes is a new blob again.
    write(repo / "model.bin", size=2 * MB)
    commit(repo, "model.bin")
    git(repo, "mv", "model.bin", "renamed.bin")
    assert _sizes(check_staged(str(repo), ["renamed.bin"], max_size=MB)) == []
    git(repo, "update-index", "--chmod=+x", "renamed.bin")
    assert _sizes(check_staged(str(repo), ["renamed.bin"], max_size=MB)) == []
    with (repo / "renamed.bin").open("ab") as f:
        f.write(b"one more byte")
    git(repo, "add", "renamed.bin")
    assert _sizes(check_staged(str(repo), ["renamed.bin"], max_size=MB)) == ["renamed.bin"]


def test_an_unchanged_big_file_is_still_judged_when_named(repo: Path) -> None:
    # `pre-commit run --all-files` names every tracked file: the tree's big files fail there.
    write(repo / "model.bin", size=2 * MB)
    commit(repo, "model.bin")
    assert _sizes(check_staged(str(repo), ["model.bin"], max_size=MB)) == ["model.bin"]


def test_a_merge_brings_in_the_other_branchs_blobs_without_blocking(repo: Path) -> None:
    # pre-merge-commit (and pre-commit after a conflict): the big file the other branch
    # committed is already in the repository; content the merge itself creates is judged.
    git(repo, "checkout", "-q", "-b", "side")
    write(repo / "side.bin", size=2 * MB)
    write(repo / "README.md", "# side\n")
    commit(repo, "side.bin", "README.md")
    git(repo, "checkout", "-q", "main")
    write(repo / "README.md", "# main\n")
    commit(repo, "README.md")
    git(repo, "merge", "-q", "--no-commit", "side", check=False)  # README.md conflicts
    assert git(repo, "rev-parse", "-q", "--verify", "MERGE_HEAD").strip()
    assert _sizes(check_staged(str(repo), ["side.bin"], max_size=MB)) == []
    write(repo / "README.md", os.urandom(2 * MB))  # the conflict resolved with new content
    git(repo, "add", "README.md")
    assert _sizes(check_staged(str(repo), ["README.md", "side.bin"], max_size=MB)) == [
        "README.md"]


def test_an_ordinary_file_costs_no_listing_of_the_whole_index(repo: Path,
                                                               tmp_path: Path) -> None:
    # The hook's cost for a one-file commit must not grow with the repo: the index's full
    # path list is the evidence for catalogue names (build/, *.pyc beside its .py), and
    # `src/more.py` needs none. Seen from outside: every git the real hook starts.
    from tests.git_calls import GitRecorder

    recorder = GitRecorder(tmp_path / "git")
    write(repo / "src" / "more.py", "y = 2\n")
    git(repo, "add", "src/more.py")
    assert run_cli("hook", "check-staged", "src/more.py", cwd=repo,
                   env=recorder.env()).code == 0
    calls = recorder.calls()
    assert calls, "the recording git was not used"
    listings = [c.args for c in calls if c.asks("ls-files") and "--" not in c.args]
    assert listings == [], listings
    write(repo / "build" / "lib" / "x.py", "z = 3\n")  # a name that needs evidence: listed
    write(repo / "setup.py", "")
    git(repo, "add", "build/lib/x.py", "setup.py")
    recorder.clear()
    assert run_cli("hook", "check-staged", "build/lib/x.py", "setup.py", cwd=repo,
                   env=recorder.env()).code == 1
    assert [c for c in recorder.calls() if c.asks("ls-files") and "--" not in c.args]


def test_caches_and_junk_are_blocked_once_per_artifact(repo: Path) -> None:
    for name in ("a.cpython-311.pyc", "b.cpython-311.pyc", "c.cpython-311.pyc"):
        write(repo / "src" / "__pycache__" / name, b"\x00bytecode")
    write(repo / "node_modules" / "left-pad" / "index.js", "module.exports = 1\n")
    write(repo / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    git(repo, "add", "-f", "src/__pycache__", "node_modules", ".DS_Store")
    staged = git(repo, "diff", "--cached", "--name-only").split()

    result = run_cli("hook", "check-staged", *staged, cwd=repo)

    assert result.code == 1
    lines = [ln for ln in result.out.splitlines() if not ln.startswith(("    fix:", "tidy:"))]
    assert sorted(ln.split(":")[0] for ln in lines) == [".DS_Store", "node_modules",
                                                        "src/__pycache__"]
    assert "(3 files) must not be committed [TDY102]" in result.out
    assert "git rm -r --cached -q -- src/__pycache__, then add __pycache__/ to .gitignore" \
        in result.out
    assert "git rm --cached -q -- .DS_Store, then add .DS_Store to .gitignore" in result.out


@pytest.mark.slow
def test_ambiguous_names_need_evidence(repo: Path) -> None:
    """`build/` is a cache only beside a marker such as pyproject.toml (the scan's rule)."""
    write(repo / "docs" / "build" / "index.html", "<p>source, not output</p>")
    git(repo, "add", "docs/build/index.html")
    assert run_cli("hook", "check-staged", "docs/build/index.html", cwd=repo).code == 0

    write(repo / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n")
    write(repo / "pkg" / "build" / "lib" / "pkg.py", "x = 1\n")
    git(repo, "add", "pkg")
    result = run_cli("hook", "check-staged", "pkg/build/lib/pkg.py", cwd=repo)
    assert result.code == 1 and result.out.count("[TDY102]") == 1
    assert "pkg/build: " in result.out


def _data_module(rows: int) -> str:
    items = "".join(f"    {{'id': {i}, 'question': 'What is item {i}?', 'answers': "
                    f"['a', 'b', 'c'], 'score': {i * 1.5}}},\n" for i in range(rows))
    return f"QUESTIONS = [\n{items}]\n"


def _code_module(functions: int) -> str:
    return "".join(f"def f{i}(x, y):\n    z = x * {i} + y\n    return z - {i}.5\n"
                   for i in range(functions))


@pytest.mark.slow
def test_new_data_modules_are_blocked_but_code_and_old_modules_are_not(repo: Path) -> None:
    write(repo / "src" / "mock_api.py", _data_module(4000))
    write(repo / "src" / "numbers.py", _code_module(8000))
    assert (repo / "src" / "mock_api.py").stat().st_size > 256_000  # over data-min-size
    assert (repo / "src" / "numbers.py").stat().st_size > 256_000
    git(repo, "add", "src")

    result = run_cli("hook", "check-staged", "src/mock_api.py", "src/numbers.py", cwd=repo)

    assert result.code == 1, result.err
    assert result.out.count("[TDY301]") == 1
    assert "src/mock_api.py: new module of " in result.out
    assert "% data (QUESTIONS) [TDY301]" in result.out
    assert "fix: tidy extract src/mock_api.py" in result.out

    commit(repo, "src/mock_api.py", "src/numbers.py")
    write(repo / "src" / "mock_api.py", _data_module(4100))  # an old data module, changed
    git(repo, "add", "src/mock_api.py")
    assert run_cli("hook", "check-staged", "src/mock_api.py", cwd=repo).code == 0


def test_size_limit_comes_from_the_budget(repo: Path) -> None:
    write(repo / ".tidy.toml", '[budgets]\nlargest-file = "100KB"\n')
    write(repo / "table.csv", size=150_000)
    git(repo, "add", ".tidy.toml", "table.csv")

    result = run_cli("hook", "check-staged", "table.csv", cwd=repo)

    assert result.code == 1
    assert "over the limit of 100.0 kB" in result.out


def test_clean_files_and_no_files_pass(repo: Path) -> None:
    write(repo / "src" / "more.py", "y = 2\n")
    git(repo, "add", "src/more.py")
    assert run_cli("hook", "check-staged", "src/more.py", cwd=repo).code == 0
    assert run_cli("hook", "check-staged", cwd=repo).code == 0


def test_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", "x")
    result = run_cli("hook", "check-staged", "x.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("tidy: error: not inside a git work tree")


# ----------------------------------------------------------------- check-push, directly
def test_push_range_counts_a_file_added_and_deleted_inside_it(repo: Path) -> None:
    start = _head(repo)
    write(repo / "dump.sql", size=2 * MB)
    commit(repo, "dump.sql", message="add a dump")
    git(repo, "rm", "-q", "dump.sql")
    git(repo, "commit", "-q", "--no-verify", "-m", "oops, remove it")
    assert "dump.sql" not in git(repo, "ls-tree", "-r", "--name-only", "HEAD")

    result = run_cli("hook", "check-push", "--max-size", "1MB", cwd=repo,
                     env=hermetic_env({"PRE_COMMIT_FROM_REF": start,
                                       "PRE_COMMIT_TO_REF": _head(repo)}))

    assert result.code == 1, result.err
    added_in = git(repo, "log", "--format=%H", "--diff-filter=A", "--", "dump.sql").strip()
    assert f"dump.sql: blob added in {added_in[:10]} is 2.0 MB" in result.out
    assert "deleted in a later commit, but still pushed with history" in result.out


def test_a_range_beyond_a_shallow_clones_history_says_so(repo: Path, tmp_path: Path) -> None:
    # CI's default checkout is `git clone --depth 1`: the range's start is not there.
    write(repo / "notes.md", "second\n")
    commit(repo, "notes.md")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   check=True, env=hermetic_env())
    base = git(repo, "rev-parse", "HEAD~1").strip()
    result = run_cli("hook", "check-push", "--from-ref", base, "--to-ref", "HEAD", cwd=clone)
    assert result.code == 2, result.out
    assert len(result.err.splitlines()) == 1, result.err
    assert "shallow clone" in result.err and "fetch-depth: 0" in result.err
    assert "Traceback" not in result.err


def test_push_range_of_clean_commits_passes(repo: Path) -> None:
    start = _head(repo)
    write(repo / "src" / "feature.py", "def f():\n    return 1\n")
    commit(repo, "src/feature.py")
    result = run_cli("hook", "check-push", "--from-ref", start, "--to-ref", _head(repo),
                     cwd=repo)
    assert (result.code, result.out) == (0, ""), result.err


def test_push_without_a_range_checks_the_whole_tree(repo: Path) -> None:
    write(repo / "lib" / "__pycache__" / "m.cpython-311.pyc", b"\x00")
    commit(repo, "lib/__pycache__/m.cpython-311.pyc")
    result = run_cli("hook", "check-push", cwd=repo)
    assert result.code == 1
    assert "lib/__pycache__: Python bytecode cache" in result.out
    assert "HEAD's tree" in result.out


# ----------------------------------------------------------------- the plain git hook script
def _git_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "commit", "-q", "-m", "change", *args], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_plain_git_hook_blocks_a_committed_pycache(repo: Path,
                                                   tidy_on_path: dict[str, str]) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(SOURCE / "hooks" / "pre-commit", hook)
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    write(repo / "src" / "__pycache__" / "app.cpython-311.pyc", b"\x00")
    git(repo, "add", "-f", "src/__pycache__")

    blocked = _git_commit(repo, tidy_on_path)
    assert blocked.returncode != 0
    assert "src/__pycache__: Python bytecode cache" in blocked.stdout + blocked.stderr
    git(repo, "rm", "-r", "-q", "--cached", "src/__pycache__")

    write(repo / "src" / "ok.py", "z = 3\n")
    git(repo, "add", "src/ok.py")
    assert _git_commit(repo, tidy_on_path).returncode == 0
    assert git(repo, "log", "-1", "--format=%s").strip() == "change"


def test_plain_git_hook_reads_the_index_git_commit_a_builds(
        repo: Path, tidy_on_path: dict[str, str]) -> None:
    """`git commit -a` stages into a temporary index (GIT_INDEX_FILE): the hook must read it."""
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(SOURCE / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    write(repo / "src" / "app.py", size=2 * MB)
    assert git(repo, "diff", "--cached", "--name-only").strip() == ""

    result = _git_commit(repo, {**tidy_on_path, "TIDY_HOOK_ARGS": "--max-size 1MB"}, "-a")

    assert result.returncode != 0
    assert "src/app.py: staged blob is 2.0 MB" in result.stdout + result.stderr


# ----------------------------------------------------------------- through pre-commit
@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of this tidy tree, for pre-commit to install from (never the live,
    possibly uncommitted, checkout)."""
    dest = tmp_path_factory.mktemp("tidy-hook-repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(SOURCE / name, dest / name)
    shutil.copytree(SOURCE / "tidy", dest / "tidy",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    make_repo(dest)
    commit(dest, message="tidy for pre-commit")
    return dest


@pytest.fixture(scope="session")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One PRE_COMMIT_HOME for the session: the hook's virtualenv is built once."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    return hermetic_env({"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"})


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900, check=False)


@pytest.mark.slow
def test_try_repo_staged_hook_passes_clean_and_fails_on_a_committed_pyc(
        repo: Path, hook_repo: Path, pre_commit_env: dict[str, str]) -> None:
    # `pre-commit try-repo` (the README's "try it") builds a fresh environment on every call,
    # in a throwaway store: once here, on the clean repo.
    clean = _pre_commit(repo, pre_commit_env, "try-repo", str(hook_repo), "tidy-staged",
                        "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "tidy (staged files)" in clean.stdout and "Passed" in clean.stdout

    # The same hook installed from the same commit (the session's store: built once, shared
    # with the next test) fails on a committed cache.
    write(repo / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {hook_repo}\n    rev: {_head(hook_repo)}\n    hooks:\n"
          "      - id: tidy-staged\n")
    write(repo / "__pycache__" / "x.pyc", b"\x00")
    commit(repo, ".pre-commit-config.yaml", "__pycache__/x.pyc")
    dirty = _pre_commit(repo, pre_commit_env, "run", "tidy-staged", "--all-files")
    assert dirty.returncode == 1
    assert "Failed" in dirty.stdout
    assert "__pycache__: Python bytecode cache (__pycache__ folder) (1 file) must not be " \
           "committed [TDY102]" in dirty.stdout
    assert "git rm -r --cached -q -- __pycache__" in dirty.stdout


def _state(repo: Path) -> tuple[str, str, bytes]:
    """What a hook must not change: the index, the status, and the working tree's bytes."""
    files = sorted(p for p in repo.rglob("*") if ".git" not in p.parts and p.is_file())
    return (git(repo, "ls-files", "-s", "-z"),
            git(repo, "status", "--porcelain", "-z", "--untracked-files=all"),
            b"".join(os.fsencode(p) + b"\0" + p.read_bytes() for p in files))


@pytest.mark.slow
def test_real_commits_through_the_installed_hook(
        repo: Path, hook_repo: Path, pre_commit_env: dict[str, str], tmp_path: Path) -> None:
    """`pre-commit install` (commit and merge stages) and real `git commit`s, as a user
    works: what fails fails with the staged blob's size, what adds no bytes passes, and the
    hook never changes the index or a file (pre-commit stashes unstaged changes itself)."""
    write(repo / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {hook_repo}\n    rev: {_head(hook_repo)}\n    hooks:\n"
          "      - id: tidy-staged\n")
    write(repo / "legacy.bin", os.urandom(2 * MB))  # committed before the hook existed
    commit(repo, ".pre-commit-config.yaml", "legacy.bin")
    installed = _pre_commit(repo, pre_commit_env, "install", "--hook-type", "pre-commit",
                            "--hook-type", "pre-merge-commit")
    assert installed.returncode == 0, installed.stderr

    def commit_(cwd: Path = repo) -> subprocess.CompletedProcess[str]:
        # git hands the hook's output to stderr
        return subprocess.run(["git", "commit", "-q", "-m", "c"], cwd=cwd, env=pre_commit_env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=900, check=False)

    # Staged at 2 MB, shrunk in the working tree: fails, and nothing is touched.
    write(repo / "dump.sql", os.urandom(2 * MB))
    git(repo, "add", "dump.sql")
    write(repo / "dump.sql", "shrunk\n")
    before = _state(repo)
    failed = commit_()
    assert failed.returncode == 1, failed.stdout
    assert "dump.sql: staged blob is 2.0 MB, over the limit of 1.0 MB [TDY202]" in failed.stdout
    assert _state(repo) == before
    git(repo, "rm", "-q", "--cached", "-f", "dump.sql")
    (repo / "dump.sql").unlink()

    # A name with a newline, from a subfolder: one problem, its fix on one line.
    odd = repo / "src" / "new\nline.bin"
    write(odd, os.urandom(2 * MB))
    git(repo, "add", "--", "src/new\nline.bin")
    failed = commit_(cwd=repo / "src")
    assert failed.returncode == 1
    assert "git rm --cached -q -- $'src/new\\x0aline.bin'" in failed.stdout, failed.stdout
    git(repo, "rm", "-q", "--cached", "--", "src/new\nline.bin")
    odd.unlink()

    # The legacy file renamed: no byte added, the commit goes through.
    git(repo, "mv", "legacy.bin", "assets.bin")
    renamed = commit_()
    assert renamed.returncode == 0, renamed.stdout

    # A branch committed a big file with --no-verify; merging it (pre-merge-commit) passes:
    # the merge adds no blob, the branch's push is tidy-push's to judge.
    git(repo, "checkout", "-q", "-b", "side")
    write(repo / "side.bin", os.urandom(2 * MB))
    git(repo, "add", "side.bin")
    git(repo, "commit", "-q", "--no-verify", "-m", "side")
    git(repo, "checkout", "-q", "main")
    merged = subprocess.run(["git", "merge", "--no-ff", "--no-edit", "side"], cwd=repo,
                            env=pre_commit_env, capture_output=True, text=True, timeout=900,
                            check=False)
    assert merged.returncode == 0, str(merged.stdout) + str(merged.stderr)
    assert "tidy (staged files)" in str(merged.stdout) + str(merged.stderr)  # the hook did run
    assert len(git(repo, "rev-list", "--parents", "-n1", "HEAD").split()) == 3

    # A linked worktree: its own index is judged.
    linked = tmp_path / "linked"
    git(repo, "worktree", "add", "-q", str(linked), "-b", "wt")
    write(linked / "wt.bin", os.urandom(2 * MB))
    git(linked, "add", "wt.bin")
    failed = commit_(cwd=linked)
    assert failed.returncode == 1 and "wt.bin: staged blob is 2.0 MB" in failed.stdout


@pytest.mark.slow
def test_a_committed_node_modules_is_said_once_with_its_whole_count(
        repo: Path, hook_repo: Path, pre_commit_env: dict[str, str]) -> None:
    # `git add -A` in an npm project without a .gitignore. pre-commit splits a long file
    # list over several runs of the hook (one per CPU, and more past its command-line
    # limit): each run sees part of node_modules, and said it with that part's count.
    write(repo / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {hook_repo}\n    rev: {_head(hook_repo)}\n    hooks:\n"
          "      - id: tidy-staged\n")
    write(repo / "package.json", '{"name": "app", "dependencies": {"left-pad": "1"}}\n')
    commit(repo, ".pre-commit-config.yaml", "package.json")
    for n in range(60):  # a small commit: one run
        write(repo / "node_modules" / f"dep{n}" / "index.js", f"module.exports = {n}\n")
    git(repo, "add", "-A")
    run = _pre_commit(repo, pre_commit_env, "run")
    assert run.returncode == 1, run.stdout + run.stderr
    said = [ln for ln in run.stdout.splitlines() if ln.startswith("node_modules: ")]
    assert len(said) == 1, run.stdout
    assert "(60 files) must not be committed [TDY102]" in said[0]

    for n in range(60, 4000):  # past pre-commit's 128 KiB command line: several runs
        write(repo / "node_modules" / f"package-number-{n}" / "lib" / "index.js", "1\n")
    git(repo, "add", "-A")
    run = _pre_commit(repo, pre_commit_env, "run")
    said = [ln for ln in run.stdout.splitlines() if ln.startswith("node_modules: ")]
    assert said and all("(4,000 files) must not be committed" in ln for ln in said), said


@pytest.mark.slow
def test_pre_commit_run_blocks_a_big_staged_file_and_a_real_push(
        repo: Path, hook_repo: Path, pre_commit_env: dict[str, str], tmp_path: Path) -> None:
    config = (f"repos:\n  - repo: {hook_repo}\n    rev: {_head(hook_repo)}\n    hooks:\n"
              "      - id: tidy-staged\n        args: [--max-size, 1MB]\n"
              "      - id: tidy-push\n        args: [--max-size, 1MB]\n")
    write(repo / ".pre-commit-config.yaml", config)
    commit(repo, ".pre-commit-config.yaml")

    write(repo / "model.bin", size=2 * MB)
    git(repo, "add", "model.bin")
    write(repo / "model.bin", b"shrunk in the working tree")
    run = _pre_commit(repo, pre_commit_env, "run", "tidy-staged")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "model.bin: staged blob is 2.0 MB, over the limit of 1.0 MB [TDY202]" in run.stdout
    git(repo, "rm", "-q", "--cached", "-f", "model.bin")
    (repo / "model.bin").unlink()

    # pre-push through git itself: a file added and deleted again before the push.
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, "push", "-q", "--no-verify", "origin", "main")
    installed = _pre_commit(repo, pre_commit_env, "install", "--hook-type", "pre-push")
    assert installed.returncode == 0, installed.stderr
    write(repo / "dump.sql", size=2 * MB)
    commit(repo, "dump.sql", message="add dump")
    git(repo, "rm", "-q", "dump.sql")
    git(repo, "commit", "-q", "--no-verify", "-m", "drop dump")

    push = subprocess.run(["git", "push", "origin", "main"], cwd=repo, env=pre_commit_env,
                          capture_output=True, text=True, timeout=900, check=False)
    assert push.returncode != 0
    assert "dump.sql: blob added in" in push.stdout + push.stderr
    assert "deleted in a later commit, but still pushed with history" in push.stdout + push.stderr
    assert git(remote, "rev-parse", "main").strip() != _head(repo)

    git(repo, "reset", "-q", "--hard", "origin/main")
    write(repo / "notes.md", "fine\n")
    commit(repo, "notes.md")
    ok = subprocess.run(["git", "push", "origin", "main"], cwd=repo, env=pre_commit_env,
                        capture_output=True, text=True, timeout=900, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert git(remote, "rev-parse", "main").strip() == _head(repo)


@pytest.mark.slow
def test_an_unreferenced_vendored_library_is_blocked_a_referenced_one_is_not(repo: Path) -> None:
    bundle = "var a=function(){return 1};" * 300 + "\n"
    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", bundle)
    git(repo, "add", "static")
    staged = ["static/vendor/ketcher/package.json", "static/vendor/ketcher/ketcher.min.js"]
    result = run_cli("hook", "check-staged", *staged, cwd=repo)
    assert result.code == 1
    assert "static/vendor/ketcher: vendored ketcher (2 files)" in result.out + result.err
    assert "[TDY401]" in result.out + result.err
    write(repo / "templates/editor.html",
          '<script src="/static/vendor/ketcher/ketcher.min.js"></script>\n')
    git(repo, "add", "templates")
    assert run_cli("hook", "check-staged", *staged, "templates/editor.html", cwd=repo).code == 0


@pytest.mark.slow
def test_a_lying_content_cache_never_lets_an_unused_library_through(repo: Path) -> None:
    """Trust round 7: the hook's reference search went through the repo's content cache (a
    file in `.git`, which anything writing the repo can write). A cache entry for a template
    that mentions nothing, given the facts of one that loads the library (its stat key
    still matching), let an unused library through. Now the hook reads the files afresh."""
    import time

    from tidy.workspace import content_cache
    from tidy.workspace.content import RACY_MARGIN_NS

    write(repo / "static/vendor/ketcher/package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / "static/vendor/ketcher/ketcher.min.js", "var b=function(){return 2};" * 300)
    write(repo / "templates/editor.html",
          '<script src="/static/vendor/ketcher/ketcher.min.js"></script>\n')
    write(repo / "templates/other.html", "<p>nothing of it</p>\n")
    git(repo, "add", "static", "templates")  # the hook judges what is staged
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)
    staged = ["static/vendor/ketcher/package.json", "static/vendor/ketcher/ketcher.min.js"]
    assert run_cli("scan", "-q", "--no-record", ".", cwd=repo).code in (0, 1)  # a cache
    assert run_cli("hook", "check-staged", *staged, cwd=repo).code == 0  # referenced
    path = Path(content_cache.cache_path(str(repo)))
    body = read_cache(path)
    rows = entries(body)
    if "templates/editor.html" in rows and "templates/other.html" in rows:
        rows["templates/other.html"][5] = rows["templates/editor.html"][5]
        set_entries(body, rows)
        write_cache(path, body)  # "other.html loads ketcher", its stat key kept
    git(repo, "rm", "-q", "-f", "templates/editor.html")  # the only real reference goes
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.02)

    lied_to = run_cli("hook", "check-staged", *staged, cwd=repo)
    assert lied_to.code == 1, lied_to.out + lied_to.err
    assert "static/vendor/ketcher: vendored ketcher" in lied_to.out + lied_to.err


def test_tidy_init_repo_writes_a_pin_pre_commit_installs_and_runs(
        repo: Path, hook_repo: Path, pre_commit_env: dict[str, str]) -> None:
    """`tidy init --repo URL`, run by the tidy in that repository, pins a rev pre-commit can
    clone and install (no invented tag): the hooks then run and block a committed cache."""
    init = subprocess.run([sys.executable, "-m", "tidy", "init", "--write", "--repo",
                           str(hook_repo)], cwd=repo, capture_output=True, text=True,
                          env={**pre_commit_env, "PYTHONPATH": str(hook_repo)}, check=False)
    assert init.returncode == 0, init.stderr
    assert f"rev: {_head(hook_repo)}" in (repo / ".pre-commit-config.yaml").read_text()
    commit(repo, ".pre-commit-config.yaml", ".tidy.toml")

    clean = _pre_commit(repo, pre_commit_env, "run", "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", b"\x00")
    git(repo, "add", "-f", "pkg/__pycache__")
    blocked = _pre_commit(repo, pre_commit_env, "run", "tidy-staged")
    assert blocked.returncode == 1
    assert "pkg/__pycache__: Python bytecode cache" in blocked.stdout


@pytest.fixture
def html_tidy_first(tmp_path: Path) -> dict[str, str]:
    """PATH whose first `tidy` is Debian's HTML Tidy (scripts/test.sh installs it)."""
    html_tidy = Path("/usr/bin/tidy")
    found = html_tidy.is_file() and subprocess.run(
        [str(html_tidy), "--version"], capture_output=True, text=True,
        check=False).stdout.startswith("HTML Tidy")
    if not found:
        message = "HTML Tidy (/usr/bin/tidy) is not installed: bash scripts/test.sh installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    bin_dir = tmp_path / "html-tidy-bin"
    bin_dir.mkdir()
    (bin_dir / "tidy").symlink_to(html_tidy)
    env = hermetic_env()
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return env


def test_plain_git_hook_refuses_html_tidy_and_takes_TIDY(
        repo: Path, html_tidy_first: dict[str, str], tidy_on_path: dict[str, str]) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(SOURCE / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    write(repo / "page.html", "<p>unclosed\n")
    git(repo, "add", "page.html")

    refused = _git_commit(repo, html_tidy_first)
    assert refused.returncode != 0
    assert "tidy: tidy is not the repository-hygiene tidy (HTML Tidy, or nothing)" in \
        refused.stderr
    assert (repo / "page.html").read_text() == "<p>unclosed\n"  # HTML Tidy never ran on it

    ours = shutil.which("tidy", path=tidy_on_path["PATH"])
    assert ours is not None
    env = {**html_tidy_first, "TIDY": ours, "PYTHONPATH": tidy_on_path["PYTHONPATH"]}
    assert _git_commit(repo, env).returncode == 0


# ----------------------------------------------------------- data-module verdicts, cached
def _stage_data_module(repo: Path, rows: int = 4000) -> str:
    write(repo / "src" / "mock_api.py", _data_module(rows))
    git(repo, "add", "src/mock_api.py")
    return git(repo, "rev-parse", ":src/mock_api.py").strip()


def _tdy301(problems: list[Problem]) -> list[str]:
    return [p.render() for p in problems if p.code == "TDY301"]


@pytest.mark.slow
def test_the_staged_blob_is_judged_every_time_never_a_kept_verdict(repo: Path) -> None:
    """Trust round 7: the hook kept a blob's verdict in the repo's content cache (a file in
    `.git`, which a repo copied from elsewhere or any program writing the repo can write)
    and believed it: a note saying "not data" let a 4,000-row data module through. Now the
    staged blob is judged on every run, and a changed module too."""
    sha = _stage_data_module(repo)
    judged: list[str] = []
    first = check_staged(str(repo), ["src/mock_api.py"], judged=judged)
    assert judged == [sha] and len(_tdy301(first)) == 1

    lie = {**judge_python(b"x = 1\n" * 20_000).to_json(), "is_data": False}
    path = Path(content_cache.cache_path(str(repo)))
    body = read_cache(path) if path.exists() else {}
    if "notes" in body:  # where a verdict was kept: "this blob is code"
        body["notes"][f"data-verdict\0{sha}"] = json.dumps(lie)
        write_cache(path, body)
        time.sleep(0.02)
    judged.clear()
    again = check_staged(str(repo), ["src/mock_api.py"], judged=judged)
    assert _tdy301(again) == _tdy301(first)  # blocked again: the lie let it through before
    assert judged == [sha]

    changed = _stage_data_module(repo, rows=4100)
    judged.clear()
    third = check_staged(str(repo), ["src/mock_api.py"], judged=judged)
    assert changed != sha and judged == [changed] and len(_tdy301(third)) == 1


@pytest.mark.slow
def test_no_cache_judges_every_time(repo: Path) -> None:
    write(repo / ".tidy.toml", "no-cache = true\n")
    sha = _stage_data_module(repo)
    for _ in range(2):
        judged: list[str] = []
        assert len(_tdy301(check_staged(str(repo), ["src/mock_api.py"], judged=judged))) == 1
        assert judged == [sha]
    assert not os.path.exists(content_cache.cache_path(str(repo)))
