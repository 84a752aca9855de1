"""settings.json merges: the corpus round-trips, refusals change nothing, random documents too."""

from __future__ import annotations

import copy
import json
import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fixes.editors import jsonc_oracle
from tests.fixes.ignore.journaled import write_journaled
from tidy.core import jsonc
from tidy.fixes import Status
from tidy.fixes.apply import undo_run
from tidy.fixes.editors import vscode
from tidy.fixes.editors.excludes import FileEdit
from tidy.fixes.journal import read_run

CORPUS = sorted((Path(__file__).parent / "settings_corpus").glob("*.json"))
FOLDERS = ["static/vendor/ketcher", "frontend/.next"]
GLOBS = ["static/vendor/ketcher/**", "frontend/.next/**"]


def _expected(before: dict[str, object]) -> dict[str, object]:
    """What the file must say afterwards: each key gains the globs it lacks, nothing else."""
    wanted = copy.deepcopy(before)
    for key in vscode.KEYS:
        section = wanted.setdefault(key, {})
        assert isinstance(section, dict)
        for glob in GLOBS:
            section.setdefault(glob, True)
    return wanted


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _setup(tmp_path: Path, text: str) -> Path:
    settings_file = tmp_path / ".vscode" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(text.encode("utf-8"))
    return settings_file


def test_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 15


@pytest.mark.parametrize("sample", CORPUS, ids=lambda p: p.name)
def test_corpus_round_trip(tmp_path: Path, sample: Path) -> None:
    text = sample.read_bytes().decode("utf-8")
    settings_file = _setup(tmp_path, text)
    plan = vscode.plan(str(tmp_path), FOLDERS)
    after = plan.after
    # the independent reader agrees: only the new keys were added, key order kept
    before_value = jsonc_oracle.load(text)
    assert json.dumps(jsonc_oracle.load(after)) == json.dumps(_expected(before_value))
    # nothing of the old text went away: every comment, comma and space is still there
    assert _is_subsequence(text, after)
    assert jsonc_oracle.comments(after) == jsonc_oracle.comments(text)
    # tidy's own parser reads the result too (still valid JSONC), and a re-run adds nothing
    assert jsonc.loads(after) == jsonc_oracle.load(after) or not after.strip()
    settings_file.write_text(after, encoding="utf-8", newline="")
    assert not vscode.plan(str(tmp_path), FOLDERS).changed
    _check_layout(text, after)


def _check_layout(before: str, after: str) -> None:
    if "\r\n" in before:
        assert after.count("\n") == after.count("\r\n"), "CRLF file got a bare LF"
    added = [line for line in after.splitlines() if '/**"' in line]
    if re.search(r"^\t", before, re.MULTILINE):
        assert all(line.startswith("\t") for line in added if line.strip() != line)
        assert not any(line.startswith(" ") for line in added)
    elif re.search(r"^  \S", before, re.MULTILINE) and not re.search(r"^\t", before, re.M):
        assert not any(line.startswith("\t") for line in added)


def test_existing_false_entry_is_kept(tmp_path: Path) -> None:
    _setup(tmp_path, (Path(__file__).parent / "settings_corpus" /
                      "09_existing_watcher_false.json").read_text())
    after = jsonc_oracle.load(vscode.plan(str(tmp_path), FOLDERS).after)
    assert after["files.watcherExclude"]["static/vendor/ketcher/**"] is False


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "a": 2}', "duplicate key 'a'"),
        ('{"search.exclude": {"x": true, "x": false}}', "duplicate key 'x' in search.exclude"),
        ('{"a": 1 "b": 2}', "expected"),
        ('{"a": "unterminated}', "unterminated string"),
        ('{"a": 1} /* open', "unterminated /* comment"),
        ('[1, 2]', "not an object"),
        ('{"search.exclude": ["x"]}', "not an object"),
        ('{"a": tru}', "unexpected"),
        ('{,}', "expected"),
    ],
)
def test_refusals_change_nothing(tmp_path: Path, text: str, message: str) -> None:
    settings_file = _setup(tmp_path, text)
    with pytest.raises(vscode.SettingsError, match=re.escape(message)) as raised:
        vscode.plan(str(tmp_path), FOLDERS)
    assert "tidy changed nothing" in str(raised.value)
    assert settings_file.read_text() == text


def test_not_utf8_refused(tmp_path: Path) -> None:
    settings_file = tmp_path / ".vscode" / "settings.json"
    settings_file.parent.mkdir()
    settings_file.write_bytes(b'{"a": "caf\xe9"}')
    with pytest.raises(vscode.SettingsError, match="not UTF-8"):
        vscode.plan(str(tmp_path), FOLDERS)


def _edit(plan: vscode.SettingsPlan) -> FileEdit:
    return FileEdit(plan.root, plan.rel, plan.before, plan.after, "VS Code")


def test_write_diff_and_undo(tmp_path: Path) -> None:
    original = '{\n  // mine\n  "a": 1,\n}\n'
    settings_file = _setup(tmp_path, original)
    os.chmod(settings_file, 0o600)
    plan = vscode.plan(str(tmp_path), FOLDERS)
    diff = plan.diff()
    assert diff.startswith("--- a/.vscode/settings.json\n+++ b/.vscode/settings.json\n")
    assert '+  "search.exclude": {' in diff
    assert all(not line.startswith("-") or line.startswith("---") for line in diff.splitlines())
    run_id, problems = write_journaled(str(tmp_path), [_edit(plan)])
    assert problems == []
    intent = read_run(run_id).intents()[0]
    assert intent.entry["before"] == original  # what undo puts back is in the journal
    assert settings_file.read_text() == plan.after
    assert os.stat(settings_file).st_mode & 0o777 == 0o600
    assert [o.status for o in undo_run(run_id).outcomes] == [Status.DONE]
    assert settings_file.read_text() == original


def test_write_refuses_a_file_changed_since_the_plan(tmp_path: Path) -> None:
    settings_file = _setup(tmp_path, "{}")
    plan = vscode.plan(str(tmp_path), FOLDERS)
    settings_file.write_text('{"b": 2}')
    _, problems = write_journaled(str(tmp_path), [_edit(plan)])
    assert len(problems) == 1 and "changed since" in problems[0]
    assert settings_file.read_text() == '{"b": 2}'


def test_missing_file_is_created_and_undo_removes_it(tmp_path: Path) -> None:
    plan = vscode.plan(str(tmp_path), FOLDERS)
    assert plan.before is None and plan.diff().startswith("--- /dev/null")
    run_id, problems = write_journaled(str(tmp_path), [_edit(plan)])
    assert problems == []
    assert jsonc_oracle.load(plan.after) == _expected({})
    assert [o.status for o in undo_run(run_id).outcomes] == [Status.DONE]
    assert not (tmp_path / ".vscode" / "settings.json").exists()


def test_no_leading_double_star() -> None:
    assert vscode.exclude_glob("/static/vendor/") == "static/vendor/**"
    with pytest.raises(ValueError):
        vscode.exclude_glob(".")


# ---------------------------------------------------------------- random documents

_KEYS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                max_size=6)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                     st.text(max_size=8))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=3)), max_leaves=8)


def _decorate(value: dict[str, object], indent: str, crlf: bool, seed: int) -> str:
    """json.dumps with comments and trailing commas sprinkled in at line boundaries."""
    rnd = random.Random(seed)
    text = json.dumps(value, indent=indent, ensure_ascii=rnd.random() < 0.5)
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if nxt[:1] in ("}", "]") and line.rstrip()[-1:] not in ("{", "[", ",") and \
                rnd.random() < 0.5:
            line += ","  # a trailing comma
        if rnd.random() < 0.3:
            line += " // note " + str(i)
        out.append(line)
        if rnd.random() < 0.2 and i + 1 < len(lines):
            out.append("/* block\n   comment */")
    eol = "\r\n" if crlf else "\n"
    return eol.join(x.replace("\n", eol) for x in out) + eol


@settings(max_examples=60, deadline=None)
@given(
    value=st.dictionaries(_KEYS, _VALUES, max_size=5),
    indent=st.sampled_from(["  ", "    ", "\t"]),
    crlf=st.booleans(),
    seed=st.integers(0, 10**6),
)
def test_random_documents(value: dict[str, object], indent: str, crlf: bool, seed: int) -> None:
    text = _decorate(value, indent, crlf, seed)
    assert jsonc_oracle.load(text) == value
    assert jsonc.loads(text) == value
    entries = {g: True for g in GLOBS}
    after = text
    for key in vscode.KEYS:
        edited = jsonc.merge_entries(after, [key], entries)
        jsonc.verify_merge(after, edited, [key], entries)
        after = edited
    wanted = copy.deepcopy(value)
    for key in vscode.KEYS:
        section = wanted.setdefault(key, {})
        if isinstance(section, dict):
            for glob in GLOBS:
                section.setdefault(glob, True)
    assert json.dumps(jsonc_oracle.load(after)) == json.dumps(wanted)
    assert _is_subsequence(text, after)
    assert jsonc_oracle.comments(after) == jsonc_oracle.comments(text)
    if crlf:
        assert after.count("\n") == after.count("\r\n")
