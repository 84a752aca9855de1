"""The artifact kinds added last session, fed a user's own folders (trust round 11).

VitePress keeps its cache/ and dist/ inside `.vitepress/`, beside its config.*; the kinds
asked only for a sibling config.js/ts/mts/mjs, which any Node app may have at its root (an
Express app's config.js). An app's hand-written dist/ that happened to hold a hashmap.json
(its own data) was moved as "VitePress's built site", and a cache/ holding only deps/ with a
_metadata.json as its dependency cache. Both now need the `.vitepress` parent (the catalog's
`parent` field). The other new kinds held against the same kind of folder: a test-results/
of JUnit XML in a project with no Playwright config, a TestResults/ of notes beside a .csproj,
an .output/ without nitro.json, .eggs/ and .pdm-build/ of someone's own files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_repo, write
from tests.safety.helpers import commit_all, left_alone

pytestmark = pytest.mark.slow


def _node_app(root: Path) -> Path:
    make_repo(root)
    write(root / "package.json", '{"name":"api","private":true}\n')
    write(root / "config.js", "module.exports = { port: 8080 };\n")
    write(root / "server.js", "require('./config');\n")
    commit_all(root)
    return root


def test_an_apps_own_dist_beside_its_config_js_is_not_vitepresss_site(tmp_path: Path) -> None:
    root = _node_app(tmp_path / "api")
    write(root / "dist" / "hashmap.json", '{"users": 1}\n')
    write(root / "dist" / "RELEASE-NOTES.md", "hand-written\n")
    # On the old code: reported as vitepress-dist, moved by `tidy fix`.
    left_alone(root, tmp_path / "state", "dist")


def test_an_apps_own_cache_beside_its_config_js_is_not_vitepresss_cache(tmp_path: Path) -> None:
    root = _node_app(tmp_path / "api")
    write(root / "cache" / "deps" / "_metadata.json", '{"kept": "by hand"}\n')
    write(root / "cache" / "deps" / "prices.json", '{"eur": 1}\n')
    left_alone(root, tmp_path / "state", "cache")


def test_other_new_kinds_leave_look_alike_folders_of_a_user(tmp_path: Path) -> None:
    """Held on the old code too: each kind's marker or signature is missing."""
    root = make_repo(tmp_path / "mixed")
    write(root / "package.json", '{"name":"m"}\n')
    write(root / "app.csproj", "<Project/>\n")
    write(root / "pyproject.toml", "[project]\nname = 'm'\n")
    commit_all(root)
    write(root / "test-results" / "junit.xml", "<testsuites/>\n")  # no Playwright config
    write(root / "test-results" / "notes.md", "flaky on Mondays\n")
    write(root / "TestResults" / "notes.txt", "what the manual test run showed\n")
    write(root / ".output" / "server" / "index.mjs", "export {}\n")  # no nitro.json
    write(root / ".eggs" / "notes.txt", "mine\n")
    write(root / ".pdm-build" / "draft.txt", "mine\n")  # no .gitignore of pdm's
    left_alone(root, tmp_path / "state", "test-results", "TestResults", ".output", ".eggs",
               ".pdm-build")
