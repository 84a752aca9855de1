"""The scan's TDY301 offer in a tree another user owns (dic-13).

Root's scan of a user's repo (an sdist unpacked with its owner's uid, a CI container, a
nightly job) offered `tidy extract pkg/data.py`, which the extractor then refused: "belongs
to uid N, not to you" (tidy writes only into the running user's trees, tidy.core.owners).
Now the finding offers no fix there and says the extractor's reason; the tree's owner,
scanning the same tree, is offered the extraction.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import findings, hermetic_env, run_cli
from tests.safety.helpers import data_module_repo
from tests.safety.other_user import USER as OTHER
from tests.safety.other_user import as_user_argv, readable_python, user_env
from tests.safety.test_fix_another_users_tree import _give
from tests.workspace.trees import open_tree

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("as_root")]


@pytest.fixture
def reachable() -> Iterator[Path]:
    """A folder the other user can reach (pytest's tmp is private)."""
    with open_tree() as top:
        yield top


def _data_fix(said: str) -> dict[str, object]:
    found = findings(json.loads(said), "TDY301")
    assert [f["path"] for f in found] == ["pkg/data.py"], said
    return found[0]["fix"]


def test_root_is_offered_no_extraction_in_another_users_tree(reachable: Path) -> None:
    repo = data_module_repo(reachable / "repo")
    _give(repo, OTHER)
    trusting = reachable / "gitconfig"
    trusting.write_text("[safe]\n\tdirectory = *\n")  # git reads another user's repo
    env = hermetic_env({"TIDY_STATE_DIR": str(reachable / "root-state"),
                        "HOME": str(reachable / "root-home"),
                        "GIT_CONFIG_GLOBAL": str(trusting)})
    scanned = run_cli("scan", "--select", "TDY301", "--format", "json", "-q", "--no-record",
                      "--no-cache", ".", cwd=repo, env=env)
    fix = _data_fix(scanned.out)
    assert fix["action"] == "none", fix
    assert "no extraction offered: tidy extract refuses this module" in fix["description"]
    assert "belongs to nobody (uid 65534)" in fix["description"], fix
    refused = run_cli("extract", "pkg/data.py", cwd=repo, env=env)
    assert refused.code == 1 and "belongs to nobody (uid 65534)" in refused.err, refused.err
    # the same words: what the finding says is what the extractor answers
    assert refused.err.strip().split("belongs to", 1)[1] in fix["description"]

    python = readable_python()
    if python is None:
        pytest.skip("no python the other user can run tidy with")
    state = reachable / "owner-state"
    state.mkdir()
    _give(state, OTHER)
    done = subprocess.run(
        as_user_argv(python, state, "scan", "--select", "TDY301", "--format", "json", "-q",
                     "--no-record", "--no-cache", "."),
        cwd=repo, env=user_env(), capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    owners = _data_fix(done.stdout)
    assert owners["action"] == "extract", owners  # the owner is offered it
    assert str(owners["description"]).startswith("tidy extract pkg/data.py")
