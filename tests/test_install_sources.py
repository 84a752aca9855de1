"""Where tidy is installed from, and nothing pointing at a package index entry that does not
exist: `tidy init --repo URL` pins a commit the repository has, SARIF's informationUri names
the repository tidy came from (never with credentials), and no file in the repository tells
anyone to install `tidy-workspace` from an index (tidy is on none).

tidy runs here from git copies of this tree (PYTHONPATH), as from a clone."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, git, hermetic_env, make_repo, write
from tests.tidy_copies import SOURCE, committed_copy
from tidy.core.models import Report
from tidy.reporters import sarif
from tidy.workspace import provenance


def _tidy_from(copy: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m tidy ...` importing tidy from `copy` (a clone, or a plain folder)."""
    env = hermetic_env({"PYTHONPATH": str(copy)})
    return subprocess.run([sys.executable, "-m", "tidy", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def _written_pin(project: Path) -> tuple[str, str]:
    repos = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())["repos"]
    return repos[0]["repo"], repos[0]["rev"]


def test_init_repo_pins_the_commit_tidy_runs_from_and_git_can_fetch_it(tmp_path: Path) -> None:
    published, commit_id = committed_copy(tmp_path / "tidy")
    project = make_repo(tmp_path / "project")

    result = _tidy_from(published, "init", "--write", "--repo", published.as_uri(), cwd=project)

    assert result.returncode == 0, result.stderr
    assert _written_pin(project) == (published.as_uri(), commit_id)
    assert f"rev {commit_id} is the HEAD of the checkout tidy runs from" in result.stderr
    # What pre-commit does with the pin: fetch that commit from the URL, in a fresh repository.
    fetcher = make_repo(tmp_path / "fetcher")
    git(fetcher, "fetch", "-q", "--depth=1", published.as_uri(), commit_id)
    assert git(fetcher, "rev-parse", "FETCH_HEAD").strip() == commit_id
    checked = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config",
                              ".pre-commit-config.yaml"], cwd=project, env=hermetic_env(),
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_init_repo_without_a_known_commit_asks_for_rev_and_writes_nothing(
        tmp_path: Path) -> None:
    loose = tmp_path / "unpacked"  # tidy's files with no git and no install record
    shutil.copytree(SOURCE / "tidy", loose / "tidy",
                    ignore=shutil.ignore_patterns("__pycache__"))
    project = make_repo(tmp_path / "project")

    result = _tidy_from(loose, "init", "--write", "--repo", "https://example.invalid/t",
                        cwd=project)

    assert result.returncode == 2
    assert "--repo needs --rev" in result.stderr and "Traceback" not in result.stderr
    assert not (project / ".pre-commit-config.yaml").exists()
    pinned = _tidy_from(loose, "init", "--write", "--repo", "https://example.invalid/t",
                        "--rev", "a" * 40, cwd=project)
    assert pinned.returncode == 0, pinned.stderr
    assert _written_pin(project) == ("https://example.invalid/t", "a" * 40)


def _published_with_origin(tmp_path: Path, origin_url: str) -> tuple[Path, str]:
    """A clone of tidy that pushed to a remote, whose URL then reads `origin_url`."""
    published, commit_id = committed_copy(tmp_path / "tidy")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(published, "remote", "add", "origin", str(remote))
    git(published, "push", "-q", "origin", "main")
    git(published, "remote", "set-url", "origin", origin_url)
    return published, commit_id


def test_a_commit_on_no_remote_branch_is_pinned_with_a_warning(tmp_path: Path) -> None:
    published, pushed = _published_with_origin(tmp_path, "git@github.com:example/tidy.git")
    project = make_repo(tmp_path / "project")
    pushed_pin = _tidy_from(published, "init", "--repo", "u", cwd=project)
    assert "not on any remote branch" not in pushed_pin.stderr
    assert f"rev: {pushed}" in pushed_pin.stdout

    write(published / "tidy" / "local_change.py", "x = 1\n")
    commit(published, "tidy/local_change.py", message="not pushed")
    local = git(published, "rev-parse", "HEAD").strip()
    result = _tidy_from(published, "init", "--repo", "u", cwd=project)
    assert result.returncode == 0
    assert f"rev: {local}" in result.stdout
    assert "not on any remote branch: push it, or pass --rev" in result.stderr


def _information_uri(published: Path, tmp_path: Path) -> str | None:
    repo = make_repo(tmp_path / "scanned")
    result = _tidy_from(published, "scan", "--format", "sarif", "--quiet", cwd=repo)
    assert result.returncode == 0, result.stderr
    driver = json.loads(result.stdout)["runs"][0]["tool"]["driver"]
    uri: str | None = driver.get("informationUri")
    return uri


def test_sarif_information_uri_is_the_origin_as_a_web_page_without_credentials(
        tmp_path: Path) -> None:
    published, _ = _published_with_origin(
        tmp_path, "https://ci-bot:s3cret-token@gitlab.example.org/tools/tidy.git")
    uri = _information_uri(published, tmp_path)
    assert uri == "https://gitlab.example.org/tools/tidy"


def test_sarif_information_uri_without_a_remote_is_the_readme_section(tmp_path: Path) -> None:
    published, _ = committed_copy(tmp_path / "tidy")
    uri = _information_uri(published, tmp_path)
    assert uri == f"{(published / 'README.md').as_uri()}#{sarif.README_SECTION}"
    assert sarif.README_SECTION in _github_anchors((published / "README.md").read_text())
    # No link to a package index entry (rule docs may still name PyPI as prose).
    assert "pypi.org" not in sarif.render(sarif_report()).lower()


def sarif_report() -> Report:
    return Report(roots=("/nowhere",), groups=())


def _github_anchors(markdown: str) -> set[str]:
    """The ids GitHub gives Markdown headings: lower case, punctuation dropped, spaces to -."""
    headings = re.findall(r"^#{1,6} (.+)$", markdown, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


_WEB_CASES = [
    ("git@github.com:owner/tidy.git", "https://github.com/owner/tidy"),
    ("ssh://git@gitlab.example.org:2222/g/sub/tidy.git", "https://gitlab.example.org/g/sub/tidy"),
    ("git+https://user:pw@host.example/o/tidy.git", "https://host.example/o/tidy"),
    ("https://github.com/owner/tidy/", "https://github.com/owner/tidy"),
    ("file:///srv/git/tidy.git", "file:///srv/git/tidy.git"),
]


def test_web_url_forms() -> None:
    assert [provenance.web_url(url) for url, _ in _WEB_CASES] == [w for _, w in _WEB_CASES]
    assert provenance.web_url("/srv/../srv/tidy") == "file:///srv/tidy"


_SECRET = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126,
                                         exclude_characters="@/:?#[]%"), min_size=3,
                  max_size=20)


@settings(max_examples=200, deadline=None)
@given(user=_SECRET, password=_SECRET, scheme=st.sampled_from(["https", "http", "ssh"]))
def test_no_credentials_survive(user: str, password: str, scheme: str) -> None:
    url = f"{scheme}://{user}:{password}@git.example.org/o/tidy.git"
    assert provenance.without_credentials(url) == f"{scheme}://git.example.org/o/tidy.git"
    web = "http" if scheme == "http" else "https"
    assert provenance.web_url(url) == f"{web}://git.example.org/o/tidy"


# Install instructions that name tidy's distribution on a package index: pip/pipx/uv install of
# the bare name, an index page, or a CI variable holding the bare name as what to install.
_NAME = r"tidy[-_]workspace"
_INDEX_SOURCE = re.compile(
    rf"(pip3?|pipx|uv( tool| pip)?)\s+install\b[^\n`]*?(?<![/\w+.-]){_NAME}\b"
    rf"|pypi\.(org|python\.org)/(project|simple|pypi)/{_NAME}"
    rf"|^\s*[\w-]+:\s*[\"']?{_NAME}[\"']?\s*(#.*)?$",
    re.IGNORECASE | re.MULTILINE)


def test_no_file_points_at_a_package_index_entry_for_tidy() -> None:
    tracked = subprocess.run(["git", "-C", str(SOURCE), "ls-files", "-z"], capture_output=True,
                             check=True, env=hermetic_env()).stdout.decode().split("\0")
    offenders = []
    for name in filter(None, tracked):
        path = SOURCE / name
        if not path.is_file() or path == Path(__file__):
            continue
        text = path.read_bytes()[:2_000_000].decode("utf-8", "replace")
        offenders += [f"{name}: {m.group(0).strip()}" for m in _INDEX_SOURCE.finditer(text)]
    assert offenders == []
    assert tomllib.loads((SOURCE / "pyproject.toml").read_text())["project"]["name"] == \
        provenance.DISTRIBUTION  # the one place the name lives: metadata, not an install source


def test_the_index_pattern_catches_what_the_old_files_said() -> None:
    old = ["    TIDY_SPEC: tidy-workspace        # what pip installs",
           'echo "tidy: not installed (python -m pip install tidy-workspace)"',
           'INFORMATION_URI = "https://pypi.org/project/tidy-workspace/"',
           "pipx install tidy-workspace", "uv tool install tidy_workspace"]
    fine = ['pipx install "git+https://host/o/tidy@abc"', 'name = "tidy-workspace"',
            "~/.local/pipx/venvs/tidy-workspace/bin/python -m tidy"]
    assert all(_INDEX_SOURCE.search(line) for line in old)
    assert not any(_INDEX_SOURCE.search(line) for line in fine)
