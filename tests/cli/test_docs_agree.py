"""Docs and the command line agree: every option the README's `tidy ...` examples and the rule
pages name exists on that command; every code tidy can emit has a `tidy rule` page; the
renamed `--no-history` still works, with a note; `--duplicates` says what it does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from tests.conftest import CliResult, make_repo, write
from tidy.cli import cli
from tidy.core.config import SETTINGS
from tidy.rules.registry import RULES

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE = re.compile(r"\bTDY\d{3}\b")


def _commands(context: click.Context) -> Iterator[tuple[str, click.Command]]:
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None
        yield name, command
        if isinstance(command, click.Group):
            for sub in command.list_commands(context):
                found = command.get_command(context, sub)
                assert found is not None
                yield f"{name} {sub}", found


def _options(command: click.Command) -> set[str]:
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts)}


def _examples(text: str) -> Iterator[str]:
    """Every `tidy ...` command line of a shell block or an inline code span."""
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, re.S)
    for line in [*"\n".join(blocks).splitlines(), *re.findall(r"`(tidy [^`\n]+)`", text)]:
        line = line.split(" #")[0].strip()
        if line.startswith("tidy "):
            yield line


def test_every_option_of_a_readme_example_exists_on_its_command() -> None:
    context = click.Context(cli)
    commands = dict(_commands(context))
    checked, wrong = 0, []
    for line in _examples(README):
        words = line.split()
        name = " ".join(words[1:3]) if " ".join(words[1:3]) in commands else words[1]
        command = commands.get(name)
        if command is None:
            continue
        for word in words[1 + len(name.split()):]:
            flag = word.split("=")[0]
            if flag.startswith("-"):
                checked += 1
                if flag not in _options(command) | {"-h", "--help"}:
                    wrong.append(f"{line!r}: `tidy {name}` has no {flag}")
    assert checked > 15 and not wrong, wrong


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_option_a_rule_page_names_exists(rule: object) -> None:
    context = click.Context(cli)
    options = set().union(*(_options(c) for _, c in _commands(context)))
    # Options in prose and in `tidy ...` spans; other tools' (`git rm --cached`) are theirs.
    doc = re.sub(r"`([^`]*)`", lambda span: span[0] if span[1].startswith("tidy ") else "",
                 rule.doc)
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", doc))
    assert named <= options, f"{rule.code} names {sorted(named - options)}"


def _page(tidy_main: object, code: str) -> CliResult:
    result: CliResult = tidy_main("rule", code)  # type: ignore[operator]
    return result


def test_every_code_tidy_can_emit_has_a_rule_page(tidy_main: object) -> None:
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "tidy").rglob("*.py")]
    sources += [p.read_text(encoding="utf-8") for p in (ROOT / "tidy").rglob("*.toml")]
    emitted = {c for text in sources for c in CODE.findall(text)}
    documented = set(CODE.findall(README))
    registered = {r.code for r in RULES}
    assert registered <= emitted and len(registered) > 20
    for code in sorted(emitted | documented | registered):
        page = _page(tidy_main, code)
        assert page.code == 0 and page.out.startswith(code + " "), (code, page.err)


def test_no_history_is_no_record_with_a_deprecation_note(tidy_main: object,
                                                         tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "pkg/__pycache__/m.pyc", size=100)
    state = Path(__import__("os").environ["TIDY_STATE_DIR"])
    old = tidy_main("scan", "-q", "--no-history", str(repo))  # type: ignore[operator]
    assert old.code == 0 and "--no-history is deprecated" in old.err and "--no-record" in old.err
    assert not (state / "history.sqlite").exists()
    new = tidy_main("scan", "-q", "--no-record", str(repo))  # type: ignore[operator]
    assert new.code == 0 and new.err == "" and not (state / "history.sqlite").exists()
    assert "--no-history" not in click.Context(cli).command.get_command(  # type: ignore[union-attr]
        click.Context(cli), "scan").get_help(click.Context(cli))


def test_history_and_duplicates_help_say_what_they_do() -> None:
    history, duplicates = SETTINGS["history"].option, SETTINGS["duplicates"].option
    assert history is not None and "git history" in history.help
    # Files of every size were never reported (test_scan_reports_copies_of_tracked_content):
    # the floor is duplicate-min-size either way, and --duplicates lowers the folders' floor.
    assert duplicates is not None and "every size" not in duplicates.help
    assert "every folder copy from duplicate-min-size" in duplicates.help
