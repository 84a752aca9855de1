"""`tidy browse` says a fix the way `tidy scan`'s table and JSON do, and filters by those words.

Browse's fix column said `advice` for TDY401's `git rm` (JSON: `git-rm`, display-only; the
scan table: `git-rm**`) and `git rm`/`exclude` for `git-rm`/`editor-exclude`: three names for
one fix. Its filter took `fix:advice` but not the table's words.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.browse.helpers import app_for, drive, filter_by, rows, scanned
from tests.cli.many_rules import many_rules_repo
from tests.conftest import scan_json


def _json_label(fix: dict[str, str] | None) -> str:
    """The scan table's fix word for a JSON finding (tests/cli/test_scan_words.py checks the
    table says exactly this): the action, with the mark of its applicability."""
    if fix is None:
        return "-"
    if fix["action"] == "none":
        return "none"
    return fix["action"] + {"safe": "", "unsafe": "*", "display-only": "**"}[fix["applicability"]]


def _shown(table: list[list[str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in table:
        if row[1] != "repo":
            found[row[0][2:].strip()].add(row[5])
    return dict(found)


@pytest.mark.slow
def test_fix_column_and_filter_use_the_scan_tables_words(tmp_path: Path) -> None:
    repo = many_rules_repo(tmp_path / "repo")
    expected: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)  # the fix word -> the paths it is shown for
    for group in scan_json(repo, "--no-record")["groups"]:
        for finding in group["findings"]:
            label = _json_label(finding["fix"])
            expected[finding["path"]].add(label)
            kinds[label].add(finding["path"])
    assert kinds["git-rm**"] == {"static/vendor/ketcher"}, dict(kinds)
    app = app_for(repo)

    async def script(pilot: Pilot[int]) -> None:
        await scanned(pilot)
        shown = _shown(rows(app))
        assert shown == dict(expected)
        assert "advice" not in {w for words in shown.values() for w in words}
        # Each word of the column finds exactly the rows that show it; so does its kind
        # without the mark (`fix:git-rm`), and `advice` still finds what tidy only explains.
        for label, paths in kinds.items():
            await filter_by(pilot, f"fix:{label}")
            assert set(_shown(rows(app))) == paths, label
        await filter_by(pilot, "fix:git-rm")
        assert set(_shown(rows(app))) == kinds["git-rm**"]
        await filter_by(pilot, "fix:advice")
        explained = {p for label, paths in kinds.items()
                     if label == "none" or label.endswith("**") for p in paths}
        assert set(_shown(rows(app))) == explained and explained

    drive(app, script, size=(160, 60))
