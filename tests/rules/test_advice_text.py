"""Backticks hold what a user types or looks up -- a command line, a path, a setting -- never
prose: "clean it with `pyenv versions, then pyenv uninstall VERSION for the ones you no longer
need`" reads as one command to paste. Every text a finding can carry is checked: each rule's
summary and doc, the catalogue's texts, every global cache's TDY105 message and fix, and the
messages, fixes and details of a real scan that triggers most rules."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.many_rules import SCAN_OPTIONS, many_rules_repo
from tests.conftest import hermetic_env
from tests.rules.context import context, hit
from tidy.core.catalog import load_builtin
from tidy.rules import artifacts
from tidy.rules.registry import RULES

BACKTICKED = re.compile(r"`([^`]+)`")
# Words of English that no command, path or setting of tidy's advice is made of.
PROSE_WORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "for", "to", "in", "is", "are", "it", "its", "that",
    "this", "which", "what", "only", "no", "not", "you", "your", "with", "when", "then", "each",
    "ones", "them", "if", "by", "be", "on", "once"})


def prose_spans(text: str) -> list[str]:
    """Backticked spans of 4 words or more that read as prose: an English word among them,
    or a word ending a clause (`,` or `:`). Shorter spans are left alone: `kinds = ["venv"]`,
    `git rm -r`."""
    found = []
    for span in BACKTICKED.findall(text):
        words = span.split()
        if len(words) < 4:
            continue
        if any(w.lower() in PROSE_WORDS or w.endswith((",", ":")) for w in words):
            found.append(span)
    return found


def test_the_check_tells_a_command_line_from_prose() -> None:
    commands = ["`git filter-repo --invert-paths --path PATH`", "`poetry cache clear --all PyPI`",
                "`tidy fix --unsafe-fixes --select TDY102`", "`dotnet nuget locals all --clear`",
                "`filter=lfs diff=lfs merge=lfs -text`", "`cargo +nightly -Zgc clean gc`"]
    assert [prose_spans(c) for c in commands] == [[]] * len(commands)
    # What TDY105 said before: a command, and the words around it, all in one span.
    old = ["clean it with `uv cache clean (or uv cache prune: only what no environment uses)`",
           "run `pyenv versions, then pyenv uninstall VERSION for the ones you no longer need`",
           "`cargo cache --autoclean (cargo install cargo-cache), or cargo +nightly -Zgc clean gc`"]
    assert all(prose_spans(text) for text in old)


def test_no_rule_doc_or_summary_puts_prose_in_backticks() -> None:
    bad = {rule.code: prose_spans(rule.summary + "\n" + rule.doc) for rule in RULES}
    assert {code: spans for code, spans in bad.items() if spans} == {}


def test_no_catalogue_text_puts_prose_in_backticks() -> None:
    bad = {}
    for kind in load_builtin():
        texts = [kind.why, kind.regenerate] + ([kind.clean_advice] if kind.clean else [])
        spans = [span for text in texts for span in prose_spans(text)]
        if spans:
            bad[kind.name] = spans
    assert bad == {}


def test_a_global_caches_advice_backticks_its_commands_and_only_them() -> None:
    globals_ = [kind for kind in load_builtin() if kind.is_global]
    assert len(globals_) >= 20
    for kind in globals_:
        (finding,) = artifacts.check_global_caches(
            context(hits=[hit(kind.home[0], kind.name)], tracked=None))
        assert finding.fix is not None
        for text in (finding.message, finding.fix.description):
            assert prose_spans(text) == [], (kind.name, text)
            assert BACKTICKED.search(text), (kind.name, text)  # the command is marked


def _texts_of(report: dict[str, object]) -> Iterator[tuple[str, str]]:
    for group in report["groups"]:  # type: ignore[attr-defined]
        for finding in group["findings"]:
            code = finding["code"]
            yield code, finding["message"]
            if finding["fix"]:
                yield code, finding["fix"]["description"]
            for _label, value in finding["details"]:
                yield code, value


@pytest.mark.slow
def test_a_real_scans_messages_fixes_and_details_put_no_prose_in_backticks(
        tmp_path: Path) -> None:
    repo = many_rules_repo(tmp_path / "repo")
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    out = subprocess.run([sys.executable, "-m", "tidy", "scan", "--format", "json",
                          "--duplicates", *SCAN_OPTIONS], cwd=repo, env=env,
                         capture_output=True, text=True, check=False)
    report = json.loads(out.stdout)
    texts = list(_texts_of(report))
    assert len({code for code, _ in texts}) >= 10, sorted({code for code, _ in texts})
    assert [(code, text) for code, text in texts if prose_spans(text)] == []
