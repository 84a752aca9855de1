"""Every verdict of the commit hook comes from what is staged, never from the working tree.

Real partial staging (`git add -p` fed its answers, a file edited after `git add`, a file
never added) through the plain git hook (hooks/pre-commit) and real `git commit`s: the
working tree and the index differ in both directions, and the commit is blocked only when
what is staged deserves it. Covered: the vendored library's own files (TDY401 reads their
heads: a manifest, a version banner), the references to it in the rest of the repo (the
reference search, and the content cache keyed by the working file's stat), and the
catalogue's evidence files (a CACHEDIR.TAG's signature), and the settings (a size limit in
pyproject.toml edited, or .tidy.toml deleted, after `git add`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tidy
from tests.conftest import commit, git, hermetic_env, make_repo, run_cli, write
from tidy.precommit.checks import check_staged
from tidy.workspace.content import RACY_MARGIN_NS

pytestmark = pytest.mark.slow  # every test commits through the hook in a real repo

SOURCE = Path(tidy.__file__).resolve().parent.parent
BANNER = "/*! Widget v1.2.3 | (c) Widget Authors | MIT */\n"
BODY = "var w=function(a){return a+1};\n" * 40
LIB = "static/vendor/ketcher"
LIB_FILES = [f"{LIB}/package.json", f"{LIB}/ketcher.min.js"]
REFERENCE = '<script src="/static/vendor/ketcher/ketcher.min.js"></script>\n'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repo with the plain git hook installed, and a tracked page that refers to nothing."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "README.md", "# demo\n")
    write(repo / "templates" / "editor.html", "<p>editor</p>\n" * 3)
    commit(repo)
    hook = repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(SOURCE / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    return repo


@pytest.fixture
def env(tidy_on_path: dict[str, str]) -> dict[str, str]:
    """PATH with a `tidy` that runs this checkout's tidy (the hook runs `tidy`)."""
    return tidy_on_path


def _commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "commit", "-q", "-m", "change"], cwd=repo, env=env,
                          capture_output=True, text=True, check=False, timeout=120)


def _staged(repo: Path, path: str) -> str:
    return git(repo, "show", f":{path}")


def _add_library(repo: Path) -> None:
    write(repo / LIB / "package.json", '{"name": "ketcher", "version": "2.4.0"}')
    write(repo / LIB / "ketcher.min.js", "var a=function(){return 1};" * 300 + "\n")
    git(repo, "add", LIB)


def _blocked_for(result: subprocess.CompletedProcess[str], what: str) -> bool:
    return result.returncode != 0 and what in result.stdout + result.stderr


# ---------------------------------------------------------------- the library's own files
def _widget(repo: Path, banner: bool) -> None:
    """static/lib/widget: a library only by its content (its banner), not by its path."""
    write(repo / "static" / "lib" / "widget" / "widget.js", (BANNER if banner else "") + BODY)
    write(repo / "static" / "lib" / "widget" / "widget.css", ".w { color: red }\n")


def test_a_banner_staged_and_removed_from_the_working_file_still_blocks(
        repo: Path, env: dict[str, str]) -> None:
    _widget(repo, banner=True)
    git(repo, "add", "static")
    _widget(repo, banner=False)  # edited after `git add`: the commit holds the banner
    assert _staged(repo, "static/lib/widget/widget.js").startswith(BANNER)
    result = _commit(repo, env)
    assert _blocked_for(result, "static/lib/widget: vendored Widget"), result.stderr
    assert "[TDY401]" in result.stdout + result.stderr


def test_a_banner_only_in_the_working_file_does_not_block(
        repo: Path, env: dict[str, str]) -> None:
    _widget(repo, banner=False)
    git(repo, "add", "static")
    _widget(repo, banner=True)  # not staged: the commit holds first-party code
    result = _commit(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(repo, "show", "HEAD:static/lib/widget/widget.js") == BODY


# ---------------------------------------------------------------- the references to it
def test_a_reference_only_in_the_working_tree_does_not_let_the_library_in(
        repo: Path, env: dict[str, str]) -> None:
    """The page refers to the library in the working tree, but that edit is not staged;
    and an untracked page refers to it too: neither is committed."""
    _add_library(repo)
    write(repo / "templates" / "editor.html", REFERENCE)  # tracked, edited, not added
    write(repo / "templates" / "draft.html", REFERENCE)  # never added
    assert REFERENCE not in _staged(repo, "templates/editor.html")
    assert _blocked_for(_commit(repo, env), f"{LIB}: vendored ketcher")
    git(repo, "add", "templates/editor.html")
    assert _commit(repo, env).returncode == 0


def test_a_staged_reference_removed_from_the_working_file_lets_it_in(
        repo: Path, env: dict[str, str]) -> None:
    _add_library(repo)
    write(repo / "templates" / "editor.html", REFERENCE)
    git(repo, "add", "templates/editor.html")
    write(repo / "templates" / "editor.html", "<p>editor</p>\n")  # after `git add`
    result = _commit(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(repo, "show", "HEAD:templates/editor.html") == REFERENCE


def _add_p(repo: Path, path: str, answers: str) -> None:
    """`git add -p PATH`, answering its questions hunk by hunk (y: stage, n: leave)."""
    result = subprocess.run(["git", "add", "-p", path], cwd=repo, input=answers, text=True,
                            capture_output=True, check=False, env=hermetic_env())
    assert result.returncode == 0, result.stderr


def _page(reference_at_top: bool, new_ending: bool) -> str:
    middle = "".join(f"<p>paragraph {i}</p>\n" for i in range(20))
    return ((REFERENCE if reference_at_top else "<p>top</p>\n") + middle
            + ("<p>the end</p>\n" if new_ending else "<p>bottom</p>\n"))


@pytest.mark.parametrize("staged_hunk", ["none", "the reference"])
def test_git_add_p_with_a_warm_cache_judges_the_staged_hunks(
        repo: Path, env: dict[str, str], staged_hunk: str) -> None:
    """The working page refers to the library (one hunk) and changes its last line (another);
    `git add -p` stages one of them. A first hook run with working tree and index alike fills
    the content cache under the working file's stat; the stat is unchanged by `git add -p`,
    the staged blob is not the working file, and only the blob decides."""
    write(repo / "templates" / "editor.html", _page(False, False))
    commit(repo)
    _add_library(repo)
    write(repo / "templates" / "editor.html", _page(True, False))
    git(repo, "add", "templates/editor.html")
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.05)  # old enough for the cache to keep it
    warm = run_cli("hook", "check-staged", *LIB_FILES, "templates/editor.html", cwd=repo,
                   env=env)
    assert warm.code == 0, warm.out  # referenced, as staged and as in the working tree
    git(repo, "reset", "-q", "--", "templates/editor.html")
    write(repo / "templates" / "editor.html", _page(True, True))
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.05)
    again = run_cli("hook", "check-staged", *LIB_FILES, cwd=repo, env=env)  # cache: new stat
    assert again.code == 1  # nothing staged refers to it yet
    _add_p(repo, "templates/editor.html", "y\nn\n" if staged_hunk == "the reference" else "n\ny\n")
    staged = _staged(repo, "templates/editor.html")
    assert (REFERENCE in staged) == (staged_hunk == "the reference")
    assert (repo / "templates" / "editor.html").read_text() == _page(True, True)
    result = _commit(repo, env)
    if staged_hunk == "the reference":
        assert result.returncode == 0, result.stdout + result.stderr
    else:
        assert _blocked_for(result, f"{LIB}: vendored ketcher"), result.stdout


# ---------------------------------------------------------------- the catalogue's evidence
SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55\n# a cache\n"


def _tagged_build(repo: Path, tag: bytes) -> None:
    write(repo / "build" / "CACHEDIR.TAG", tag)
    write(repo / "build" / "out.o", b"\x7fELF")


def test_a_cachedir_tag_staged_with_its_signature_blocks_whatever_the_working_copy_says(
        repo: Path, env: dict[str, str]) -> None:
    _tagged_build(repo, SIGNATURE)
    git(repo, "add", "-f", "build")
    write(repo / "build" / "CACHEDIR.TAG", b"not a tag\n")
    assert _blocked_for(_commit(repo, env), "build:")


def test_a_signature_only_in_the_working_copy_does_not_block(
        repo: Path, env: dict[str, str]) -> None:
    _tagged_build(repo, b"not a tag\n")
    git(repo, "add", "-f", "build")
    write(repo / "build" / "CACHEDIR.TAG", SIGNATURE)
    result = _commit(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("committed", [SIGNATURE, b"not a tag\n"], ids=["tag", "no-tag"])
def test_the_push_hook_reads_the_tag_as_the_pushed_commit_holds_it(
        repo: Path, committed: bytes) -> None:
    """check-push judges the commits: a tag committed with its signature blocks, one
    committed without it does not, whatever the working copy says."""
    _tagged_build(repo, committed)
    git(repo, "add", "-f", "build")
    git(repo, "commit", "-q", "--no-verify", "-m", "build")
    write(repo / "build" / "CACHEDIR.TAG", b"not a tag\n" if committed == SIGNATURE
          else SIGNATURE)
    pushed = run_cli("hook", "check-push", "--from-ref", "HEAD~1", "--to-ref", "HEAD", cwd=repo)
    assert (pushed.code == 1 and "build:" in pushed.out) == (committed == SIGNATURE), pushed.out


# ---------------------------------------------------------------- the settings
def _limit(repo: Path, limit: str) -> None:
    write(repo / "pyproject.toml",
          f'[project]\nname = "demo"\n\n[tool.tidy.budgets]\nlargest-file = "{limit}"\n')


@pytest.mark.parametrize(("staged", "working", "blocked"),
                         [("5MB", "1MB", False), ("1MB", "5MB", True)])
def test_the_size_limit_is_the_staged_settings(repo: Path, env: dict[str, str], staged: str,
                                                working: str, blocked: bool) -> None:
    """pyproject.toml's budget edited after `git add`: the commit holds the staged one."""
    _limit(repo, "1MB")
    commit(repo)
    _limit(repo, staged)
    git(repo, "add", "pyproject.toml")
    _limit(repo, working)
    write(repo / "model.bin", size=2_000_000)
    git(repo, "add", "model.bin")
    result = _commit(repo, env)
    assert (result.returncode != 0) == blocked, result.stdout + result.stderr
    if blocked:
        assert "model.bin: staged blob is 2.0 MB, over the limit of 1.0 MB" in result.stderr


def test_a_settings_file_deleted_from_the_working_tree_still_counts_as_staged(
        repo: Path, env: dict[str, str]) -> None:
    write(repo / ".tidy.toml", 'large-file = "5MB"\n')
    commit(repo)
    (repo / ".tidy.toml").unlink()  # not staged: the commit still holds it
    write(repo / "model.bin", size=2_000_000)
    git(repo, "add", "model.bin")
    result = _commit(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_commit_of_ordinary_files_loads_no_content_pass(repo: Path) -> None:
    """Reading the staged content costs only the commits that need it: a one-file commit
    loads neither the content pass nor the text search (every hook run pays its imports)."""
    import ast

    write(repo / "src" / "more.py", "y = 2\n")
    git(repo, "add", "src/more.py")
    probe = ("import sys; from tidy.cli import main; "
             "code = main(['hook', 'check-staged', 'src/more.py']); "
             "print(sorted(sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True,
                          text=True, check=False, env=hermetic_env())
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert "tidy.workspace.staged" in loaded  # it ran
    assert not loaded & {"tidy.workspace.content", "tidy.workspace.textscan"}


# ---------------------------------------------------------------- any mix, warm cache
PAGE_STATES = st.tuples(st.sampled_from(["ref", "noref", "absent"]),
                        st.sampled_from(["ref", "noref", "absent"]))


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(PAGE_STATES, min_size=1, max_size=4))
def test_any_mix_of_staged_and_working_pages_is_judged_by_the_staged_ones(
        tmp_path_factory: pytest.TempPathFactory, pages: list[tuple[str, str]]) -> None:
    """Each page staged as (ref | noref | absent) and left in the working tree as (ref |
    noref | absent): the library is let in exactly when a staged page refers to it, on a
    first run and on a second one that the content cache answers for the working files."""
    repo = make_repo(tmp_path_factory.mktemp("mix") / "repo")
    write(repo / "README.md", "# demo\n")
    commit(repo)
    _add_library(repo)
    body = {"ref": REFERENCE, "noref": "<p>nothing here</p>\n"}
    for i, (staged, working) in enumerate(pages):
        page = repo / "templates" / f"page{i}.html"
        if staged != "absent":
            write(page, body[staged])
            git(repo, "add", str(page))
        if working == "absent":
            page.unlink(missing_ok=True)
        else:
            write(page, f"<!-- working copy -->\n{body[working]}")
    time.sleep(RACY_MARGIN_NS / 1e9 + 0.05)  # old enough for the cache to keep the reads
    referenced = any(staged == "ref" for staged, _ in pages)
    for _run in ("first", "from the cache"):
        problems = check_staged(str(repo), LIB_FILES)
        assert [p.code for p in problems] == ([] if referenced else ["TDY401"]), pages
