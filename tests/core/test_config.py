"""Configuration from [tool.tidy] / .tidy.toml, its errors, and the command line over it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import pytest

from tests.conftest import (
    FOUNDATION_RULES,
    CliResult,
    commit,
    findings,
    git,
    make_repo,
    run_cli,
    scan_json,
    write,
)
from tidy.cli import options
from tidy.core.config import SETTINGS, Config, OptionKind, load

Main = Callable[..., CliResult]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Caches of several sizes and kinds; no config yet."""
    root = tmp_path / "proj"
    write(root / "node_modules" / "big.js", size=200_000)
    write(root / "legacy" / "node_modules" / "old.js", size=30_000)
    write(root / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=1_000)
    write(root / "pkg" / "m.py", "")
    write(root / ".DS_Store", size=6148)
    return root


FOUNDATION = set(FOUNDATION_RULES.split(","))


def paths(root: Path, *args: str) -> set[str]:
    """Paths the foundation's rules report (config decides select/ignore, so filter here)."""
    return {f["path"] for f in findings(scan_json(root, *args)) if f["code"] in FOUNDATION}


ALL = {"node_modules", "legacy/node_modules", "pkg/__pycache__", ".DS_Store"}


def test_no_config_reports_everything(project: Path) -> None:
    assert paths(project) == ALL


@pytest.mark.parametrize("where", ["pyproject", "tidy-toml"])
def test_settings_from_either_file(project: Path, where: str) -> None:
    body = 'exclude = ["legacy/"]\nmin-size = "10KB"\nignore = ["TDY104"]\n'
    if where == "pyproject":
        write(project / "pyproject.toml", "[project]\nname = 'p'\n\n[tool.tidy]\n" + body)
    else:
        write(project / ".tidy.toml", body)
    assert paths(project) == {"node_modules"}


def test_tidy_toml_wins_over_pyproject(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.tidy]\nselect = ["TDY104"]\n')
    write(project / ".tidy.toml", 'select = ["TDY101"]\nexclude = ["legacy"]\n')
    assert paths(project) == {"node_modules", "pkg/__pycache__"}


def test_config_found_in_a_parent_folder(project: Path) -> None:
    write(project / ".tidy.toml", 'select = ["TDY104"]\n')
    (project / "sub").mkdir()
    write(project / "sub" / ".DS_Store", size=10)
    assert paths(project / "sub") == {".DS_Store"}  # a plain folder: paths from where it starts


def test_pyproject_without_tidy_table_is_not_config(project: Path) -> None:
    write(project / "pyproject.toml", "[project]\nname = 'p'\n[tool.black]\nline-length = 1\n")
    assert paths(project) == ALL


def test_broken_pyproject_that_is_not_ours_does_not_stop_a_scan(project: Path) -> None:
    write(project / "pyproject.toml", "[project\nname = \n")
    assert paths(project) == ALL


def test_explicit_config_file(project: Path, tmp_path: Path) -> None:
    elsewhere = write(tmp_path / "ci" / "tidy.toml", '[tool.tidy]\nselect = ["TDY104"]\n')
    assert paths(project, "--config", str(elsewhere)) == {".DS_Store"}


@pytest.mark.parametrize("name", ["ci.toml", "tidy.toml", ".tidy.toml", "strict"])
def test_an_explicit_file_of_any_name_holds_its_settings_at_the_top(
        project: Path, tmp_path: Path, name: str) -> None:
    """As a .tidy.toml does; before, a name other than .tidy.toml was read as a pyproject.toml
    and its top-level settings silently ignored."""
    elsewhere = write(tmp_path / "ci" / name, 'select = ["TDY104"]\n')
    assert paths(project, "--config", str(elsewhere)) == {".DS_Store"}


def test_an_explicit_pyproject_without_tool_tidy_is_an_error(project: Path,
                                                              tmp_path: Path) -> None:
    elsewhere = write(tmp_path / "ci" / "pyproject.toml", "[project]\nname = 'p'\n")
    result = run_cli("scan", "--config", str(elsewhere), str(project), cwd=project)
    assert_one_line_error(result, str(elsewhere), "no [tool.tidy] table")


def test_an_unknown_key_in_an_explicit_file_is_named(project: Path, tmp_path: Path) -> None:
    elsewhere = write(tmp_path / "ci" / "ci.toml", "selcet = ['TDY104']\n")
    result = run_cli("scan", "--config", str(elsewhere), str(project), cwd=project)
    assert_one_line_error(result, str(elsewhere), "'selcet'")
    assert "[tool.tidy]" not in result.err


# ------------------------------------------------------------------- errors: exit 2, one line
def assert_one_line_error(result: CliResult, *needles: str) -> None:
    assert result.code == 2, result
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.mark.parametrize(("body", "key"), [
    ("colour = 'red'\n", "colour"),
    ("min_size = 10\n", "min_size"),  # the key is spelled with a dash
    ("[watch]\n[budget]\n", "budget"),
])
def test_unknown_key(project: Path, body: str, key: str) -> None:
    config = write(project / ".tidy.toml", body)
    assert_one_line_error(run_cli("scan", str(project), cwd=project), repr(key), str(config))


@pytest.mark.parametrize(("body", "key"), [
    ("min-size = true\n", "min-size"),
    ("min-size = 'huge'\n", "min-size"),
    ("exclude = 'build/'\n", "exclude"),
    ("select = [101]\n", "select"),
    ("fail-on = 'TDY101'\n", "fail-on"),
    ("cross-filesystems = 'yes'\n", "cross-filesystems"),
    ("large-file = 1.5\n", "large-file"),
    ("kinds = 'venv'\n", "kinds"),
])
def test_wrong_type(project: Path, body: str, key: str) -> None:
    write(project / "pyproject.toml", "[tool.tidy]\n" + body)
    result = run_cli("scan", str(project), cwd=project)
    assert_one_line_error(result, repr(key), str(project / "pyproject.toml"))


@pytest.mark.parametrize("name", [".tidy.toml", "pyproject.toml"])
def test_malformed_toml(project: Path, name: str) -> None:
    write(project / name, "[tool.tidy]\nselect = [\"TDY101\"\nexclude = 1\n")
    result = run_cli("scan", str(project), cwd=project)
    assert_one_line_error(result, str(project / name), "invalid TOML", "line")


def test_tool_tidy_that_is_not_a_table(project: Path) -> None:
    write(project / "pyproject.toml", "tool.tidy = 3\n")
    assert_one_line_error(run_cli("scan", str(project), cwd=project), "[tool.tidy]")


def test_missing_explicit_config(project: Path) -> None:
    result = run_cli("scan", "--config", str(project / "nope.toml"), str(project), cwd=project)
    assert_one_line_error(result, "nope.toml")


def test_bad_extra_kind_names_the_file(project: Path) -> None:
    config = write(project / ".tidy.toml",
                   '[[catalog]]\nname = "mine"\nnames = ["build"]\ntier = "default"\n')
    assert_one_line_error(run_cli("scan", str(project), cwd=project), str(config), "build")


# ------------------------------------------------------------------ the settings themselves
def test_extra_catalogue_kind(project: Path) -> None:
    write(project / "bazel-out" / "x.o", size=100)
    write(project / ".tidy.toml", '[[catalog]]\nname = "bazel-out"\nnames = ["bazel-out"]\n'
          'tier = "default"\necosystem = "bazel"\nsafe = true\nregenerate = "bazel build"\n')
    found = {f["path"]: f for f in findings(scan_json(project))}
    assert found["bazel-out"]["ecosystem"] == "bazel"
    assert found["bazel-out"]["fix"]["applicability"] == "safe"


def test_disable_kinds(project: Path) -> None:
    write(project / ".tidy.toml", 'disable-kinds = ["node_modules", "os-junk"]\n')
    assert paths(project) == {"pkg/__pycache__"}


@pytest.mark.parametrize(("patterns", "expected"), [
    (["node_modules"], {"pkg/__pycache__", ".DS_Store"}),  # unanchored: both node_modules
    (["/node_modules"], ALL - {"node_modules"}),  # anchored at the scanned root
    (["legacy/"], ALL - {"legacy/node_modules"}),
    (["*.DS_Store", "pkg/**"], {"node_modules", "legacy/node_modules"}),
    (["legacy/", "!legacy/"], ALL),  # gitignore negation
])
def test_exclude_patterns(project: Path, patterns: list[str], expected: set[str]) -> None:
    write(project / ".tidy.toml", f"exclude = {patterns!r}\n".replace("'", '"'))
    assert paths(project) == expected


def test_exclude_patterns_of_the_file_and_of_the_command_line_have_their_own_base(
        project: Path) -> None:
    """A file's patterns are relative to its folder (as a .gitignore's); --exclude's to the
    folder scanned, whether or not some settings file lies above it."""
    legacy = project / "legacy"
    assert paths(legacy, "--exclude", "/node_modules") == set()
    write(project / ".tidy.toml", 'min-size = "0"\n')  # a file above, without exclude
    assert paths(legacy, "--exclude", "/node_modules") == set()
    write(project / ".tidy.toml", 'exclude = ["/legacy/node_modules/"]\n')
    assert paths(legacy) == set()
    assert paths(project, "--exclude", "/pkg/") == {"node_modules", ".DS_Store"}


def test_exclude_from_the_command_line_adds_to_config(project: Path) -> None:
    write(project / ".tidy.toml", 'exclude = ["legacy/"]\n')
    assert paths(project, "--exclude", "pkg/", "--exclude", ".DS_Store") == {"node_modules"}


def test_command_line_overrides_config(project: Path) -> None:
    write(project / ".tidy.toml", 'min-size = "100KB"\nselect = ["TDY104"]\nfail-on = ["TDY1"]\n')
    assert paths(project, "--fail-on", "none") == set()  # .DS_Store is under 100KB
    assert paths(project) == {".DS_Store"}  # ... but fails the run (fail-on TDY1): shown
    assert paths(project, "--min-size", "0") == {".DS_Store"}
    assert paths(project, "--min-size", "0", "--select", "TDY101") == {
        "node_modules", "legacy/node_modules", "pkg/__pycache__"}
    assert scan_json(project, "--min-size", "0")["_exit"] == 1  # config's fail-on
    assert scan_json(project, "--min-size", "0", "--fail-on", "none")["_exit"] == 0


def test_min_size_is_inclusive_and_uses_apparent_bytes(project: Path) -> None:
    report = scan_json(project)
    sizes = {f["path"]: f["bytes"] for f in findings(report)}
    cut = sizes["legacy/node_modules"]
    assert paths(project, "--min-size", str(cut)) == {
        p for p, b in sizes.items() if b >= cut}


def test_select_and_ignore_prefixes_longest_wins(project: Path) -> None:
    write(project / ".tidy.toml", 'select = ["TDY1"]\nignore = ["TDY10"]\n')
    assert paths(project) == set()
    write(project / ".tidy.toml", 'select = ["TDY1", "TDY104"]\nignore = ["TDY10"]\n')
    assert paths(project) == {".DS_Store"}


def test_fail_on_prefixes_and_budgets_from_config(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "data.bin", size=2_000_000)
    commit(repo)
    write(repo / "node_modules" / "x.js", size=10)
    assert scan_json(repo)["_exit"] == 0  # TDY201 is advice, TDY101 informational
    write(repo / ".tidy.toml", 'max-file-size = "1MB"\n')
    assert scan_json(repo)["_exit"] == 1  # TDY202 fails by default
    write(repo / ".tidy.toml", 'fail-on = ["TDY2"]\n')
    assert scan_json(repo)["_exit"] == 1
    write(repo / ".tidy.toml", 'fail-on = []\nmax-file-size = "1MB"\n')
    assert scan_json(repo)["_exit"] == 0


# The settings that hold rule codes: every one is tried (a new one joins by its declaration).
_CODE_KEYS = sorted(s.key for s in SETTINGS.values() if s.key and s.holds_codes)


def test_the_code_settings_are_the_ones_the_command_line_checks_too() -> None:
    assert _CODE_KEYS == ["fail-on", "ignore", "select"]
    assert {SETTINGS[n].option.kind for n in SETTINGS  # type: ignore[union-attr]
            if SETTINGS[n].holds_codes} == {OptionKind.CODES, OptionKind.CODES_OR_NONE}


@pytest.mark.parametrize("where", [".tidy.toml", "pyproject.toml"])
@pytest.mark.parametrize("key", _CODE_KEYS)
@pytest.mark.parametrize("bad", ["TDY11", "TDY7", "TDY1O2", "untracked-artifact", ""])
def test_an_unknown_rule_code_in_a_file_is_a_usage_error_naming_file_key_and_code(
        project: Path, where: str, key: str, bad: str) -> None:
    # `select = ["TDY11"]` selected nothing: "nothing to report", exit 0, for a tree holding
    # caches. The command line said "unknown rule code or prefix" for the same typo.
    table = "" if where == ".tidy.toml" else "[tool.tidy]\n"
    config = write(project / where, f'{table}{key} = ["TDY101", "{bad}"]\n')
    result = run_cli("scan", str(project), cwd=project)
    label = f"{key!r} in [tool.tidy]" if where == "pyproject.toml" else repr(key)
    assert_one_line_error(result, f"{config}: {label}: unknown rule code or prefix "
                          f"{bad.upper()!r} (`tidy rules` lists them)")


def test_the_file_and_the_command_line_say_the_same_of_the_same_typo(project: Path) -> None:
    on_the_line = run_cli("scan", "--ignore", "TDY11", str(project), cwd=project)
    write(project / ".tidy.toml", 'ignore = ["TDY11"]\n')
    in_the_file = run_cli("scan", str(project), cwd=project)
    said = on_the_line.err.strip().split("'--ignore': ", 1)[1].split(" (see `tidy", 1)[0]
    assert said == "unknown rule code or prefix 'TDY11' (`tidy rules` lists them)"
    assert in_the_file.code == on_the_line.code == 2
    assert in_the_file.err.strip().endswith(f"'ignore': {said}"), in_the_file.err


def test_a_typo_in_a_file_is_named_whatever_the_command_line_gives(project: Path) -> None:
    # A good --select on the command line replaces the file's list, but the file is still
    # wrong: as ruff, tidy says so instead of reading a broken file half.
    config = write(project / ".tidy.toml", 'select = ["TDY11"]\n')
    result = run_cli("scan", "--select", "TDY1", str(project), cwd=project)
    assert_one_line_error(result, str(config), "'select'", "'TDY11'")


def test_a_typo_in_a_repo_below_or_a_workspace_file_above_is_named(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    repo = make_repo(workspace / "app")
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=100)
    own = write(repo / ".tidy.toml", 'fail-on = ["TDY9O1"]\n')
    result = run_cli("scan", str(workspace), cwd=workspace)  # found below while scanning
    assert_one_line_error(result, f"{own}: 'fail-on'", "'TDY9O1'")
    own.unlink()
    above = write(workspace / "pyproject.toml", '[tool.tidy]\nignore = ["TDY5O1"]\n')
    for command in (["scan"], ["fix", "--dry-run"]):
        result = run_cli(*command, str(repo), cwd=repo)  # the workspace's file is the base
        assert_one_line_error(result, f"{above}: 'ignore' in [tool.tidy]", "'TDY5O1'")


def test_the_commit_hook_names_a_typo_in_the_file_too(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r")
    write(repo / "a.txt", "x\n")
    git(repo, "add", "a.txt")
    config = write(repo / ".tidy.toml", 'fail-on = ["TDY2O2"]\n')
    result = run_cli("hook", "check-staged", "a.txt", cwd=repo)
    assert_one_line_error(result, f"{config}: 'fail-on': unknown rule code or prefix 'TDY2O2'")


def test_codes_in_a_file_are_spelled_as_on_the_command_line(project: Path) -> None:
    write(project / ".tidy.toml", 'select = ["tdy1", " TDY104 "]\nignore = ["tdy10"]\n')
    assert paths(project) == {".DS_Store"}  # as `--select tdy1,TDY104 --ignore tdy10`
    assert paths(project, "--select", "tdy1,TDY104", "--ignore", "tdy10") == {".DS_Store"}


def test_unknown_kind_name_is_an_error(project: Path, tidy_main: Main) -> None:
    write(project / ".tidy.toml", 'kinds = ["venvs"]\n')
    result = tidy_main("scan", "-q", str(project))
    assert result.code == 2 and "venvs" in result.err
    (project / ".tidy.toml").unlink()
    result = tidy_main("scan", "-q", "--kind", "node-modules", str(project))
    assert result.code == 2 and "node-modules" in result.err


def test_exclude_patterns_are_relative_to_the_config_file(tmp_path: Path) -> None:
    """Like a .gitignore: an anchored pattern means the same whichever folder is scanned."""
    repo = make_repo(tmp_path / "r")
    write(repo / ".tidy.toml", 'exclude = ["/web/legacy/"]\n')
    write(repo / "web" / "legacy" / "node_modules" / "x.js", size=10)
    write(repo / "web" / "app" / "node_modules" / "y.js", size=10)
    assert paths(repo) == {"web/app/node_modules"}
    assert paths(repo / "web") == {"web/app/node_modules"}


# ----------------------------------------------------------------- the command line wins
# A value in the file and another on the command line, per kind of option (PATTERNS add to
# the file's list; a FLAG can only switch on what the file left off).
_FILE_AND_OPTION: dict[OptionKind, tuple[str, list[str], object]] = {
    OptionKind.CODES: ('["TDY1"]', ["TDY2"], ("TDY2",)),
    OptionKind.CODES_OR_NONE: ('["TDY1"]', ["none"], ()),
    OptionKind.SIZE: ('"1MB"', ["2MB"], 2_000_000),
    OptionKind.FLAG: ("false", [], True),
    OptionKind.PATTERNS: ('["from-file"]', ["from-option"], ("from-file", "from-option")),
}
_BOTH = sorted(name for name, s in SETTINGS.items() if s.key and s.option)


@pytest.mark.parametrize("name", _BOTH)
def test_each_option_wins_over_its_key_in_the_file(tmp_path: Path, name: str) -> None:
    setting = SETTINGS[name]
    assert setting.key is not None and setting.option is not None
    in_file, given, expected = _FILE_AND_OPTION[setting.option.kind]
    write(tmp_path / ".tidy.toml", f"{setting.key} = {in_file}\n")
    seen: list[Config] = []

    @click.command()
    @options.settings(name)
    def probe(given: options.Given) -> None:
        seen.append(given.config(str(tmp_path), None))

    probe.main([setting.option.flag, *given], standalone_mode=False)
    (config,) = seen
    assert getattr(config, name) == expected
    assert getattr(config, name) != getattr(load(str(tmp_path)), name) or (
        setting.option.kind is OptionKind.PATTERNS)


def test_every_kind_of_option_a_file_key_has_is_tried() -> None:
    kinds = {SETTINGS[name].option.kind for name in _BOTH}  # type: ignore[union-attr]
    assert kinds <= set(_FILE_AND_OPTION)


def _readme_section(title: str) -> str:
    text = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_configuration_lists_every_key_the_config_declares() -> None:
    import re

    section = _readme_section("Configuration")
    block = section.split("[tool.tidy]\n", 1)[1].split("\n[", 1)[0]
    keys = {m.group(1) for m in re.finditer(r"^([a-z][a-z-]*) *=", block, re.MULTILINE)}
    declared = {s.key for s in SETTINGS.values() if s.key is not None}
    assert keys == declared, f"missing: {declared - keys}; not a setting: {keys - declared}"
