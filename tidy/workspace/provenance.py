"""Where this tidy comes from: the repository URL and the commit, when they can be known.

`tidy init --repo URL` pins pre-commit's `rev:` to a commit that exists (not a tag nobody
made), and SARIF's `informationUri` names the repository tidy was installed from. tidy is not
on a package index, so it always comes from a git repository, in one of three ways:

- run from a git checkout (an editable install, `PYTHONPATH`, `pre-commit try-repo`): the
  checkout's HEAD, and its `origin` remote;
- `pip install "git+URL@REV"` (the CI templates, pre-commit's own install): pip records the
  URL and the resolved commit in the install's `direct_url.json` (PEP 610);
- `pipx install .` / `pip install .` from a clone: `direct_url.json` names the folder; its HEAD
  and `origin` are read now (the clone may have moved on since; a note says so).

Anything else (a wheel copied around, a folder that is gone) is unknown, and callers say so
rather than guess.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import tidy
from tidy.workspace.git import GitUnavailable, run_git

DISTRIBUTION = "tidy-workspace"  # the name in pyproject.toml (not on any package index)
_SHA = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_SCP_LIKE = re.compile(r"^(?:[^@/:]+@)?(?P<host>[^/:]+):(?P<path>[^/].*)$")  # git@host:o/r.git


@dataclass(frozen=True)
class Provenance:
    commit: str | None  # full hex commit id
    url: str | None  # the repository as configured (remote or pip URL), credentials removed
    checkout: str | None  # the local clone it was read from, if any
    how: str  # one line for messages: where the facts came from

    def web_url(self) -> str | None:
        """`url` as a link a person can open: https for ssh and scp-like remotes, no `.git`."""
        return web_url(self.url) if self.url else None


def installed() -> Provenance | None:
    """The provenance of the tidy package being run, or None when nothing says."""
    package = Path(tidy.__file__).resolve().parent
    from_checkout = _checkout(package.parent, "the HEAD of the checkout tidy runs from,")
    if from_checkout is not None:
        return from_checkout
    return _from_direct_url(package)


def _checkout(folder: Path, how: str) -> Provenance | None:
    """HEAD and origin of `folder` when it is the top of a git work tree (not merely inside
    one: a virtualenv kept inside some project's repo is not tidy's checkout)."""
    try:
        lines = run_git(str(folder), "rev-parse", "--show-toplevel", "HEAD").decode().splitlines()
    except (GitUnavailable, OSError, UnicodeDecodeError):
        return None
    if len(lines) != 2 or Path(lines[0]).resolve() != folder.resolve() or not _SHA.match(lines[1]):
        return None
    try:
        origin = run_git(str(folder), "remote", "get-url", "origin").decode().strip()
    except (GitUnavailable, OSError, UnicodeDecodeError):
        origin = ""
    return Provenance(lines[1], without_credentials(origin) or None, str(folder),
                      f"{how} {folder}")


def _from_direct_url(package: Path) -> Provenance | None:
    """What pip recorded (PEP 610), if the installed distribution is the one holding `package`."""
    # The distribution whose files are this package (an egg-info in the current folder, or
    # another environment's copy on sys.path, can carry the same name).
    dist = next((d for d in metadata.distributions(name=DISTRIBUTION)
                 if Path(str(d.locate_file("tidy"))).resolve() == package), None)
    if dist is None:
        return None
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "null")
    except json.JSONDecodeError:
        return None
    if not isinstance(direct, dict) or not isinstance(direct.get("url"), str):
        return None
    url: str = direct["url"]
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        commit = vcs.get("commit_id")
        if isinstance(commit, str) and _SHA.match(commit):
            shown = without_credentials(url)
            return Provenance(commit, shown, None, f"the commit pip installed tidy from ({shown})")
    parts = urlsplit(url)
    if parts.scheme == "file" and isinstance(direct.get("dir_info"), dict):
        return _checkout(Path(unquote(parts.path)),
                         "the HEAD (now) of the clone tidy was installed from,")
    return None


def without_credentials(url: str) -> str:
    """The URL without a user:password (or token) part: nothing tidy writes may carry one."""
    parts = urlsplit(url)
    if parts.scheme and parts.netloc and "@" in parts.netloc:
        return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
    return url


def web_url(url: str) -> str:
    """https://host/owner/repo for `git@host:owner/repo.git`, `ssh://git@host/...`,
    `git+https://...`; a local path becomes a file: URI; other URLs are kept."""
    url = without_credentials(url.removeprefix("git+"))
    scp = _SCP_LIKE.match(url)
    if scp and "://" not in url:
        url = f"https://{scp['host']}/{scp['path']}"
    parts = urlsplit(url)
    if parts.scheme in ("ssh", "git"):
        parts = parts._replace(scheme="https", netloc=parts.hostname or "")
    elif not parts.scheme:
        return Path(url).resolve().as_uri()
    path = parts.path.removesuffix("/")
    if parts.scheme in ("http", "https"):
        path = path.removesuffix(".git")  # the project's page, not the clone address
    return urlunsplit(parts._replace(path=path))


def information_uri(section: str) -> str | None:
    """Where to read about tidy: the repository it came from when known, else a file: link to
    `section` of the README in tidy's checkout, else None (no address is better than a wrong
    one)."""
    found = installed()
    if found is None:
        return None
    if found.url:
        return found.web_url()
    readme = Path(found.checkout or "/nonexistent") / "README.md"
    return f"{readme.as_uri()}#{section}" if readme.is_file() else None


def unpublished(found: Provenance) -> bool:
    """True when `found` is a checkout whose commit no remote-tracking branch contains (it may
    exist nowhere but here); False when one does or nothing can tell."""
    if found.checkout is None or found.commit is None:
        return False
    try:
        remotes = run_git(found.checkout, "branch", "-r", "--contains", found.commit)
        return bool(run_git(found.checkout, "remote").strip()) and not remotes.strip()
    except (GitUnavailable, OSError):
        return False
