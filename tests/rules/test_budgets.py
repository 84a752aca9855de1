"""Budgets from [tool.tidy.budgets] and `tidy scan --baseline`: real repos, numbers checked
against git and the file system, exit codes through the CLI."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import commit, findings, git, make_repo, run_cli, scan_json, write
from tests.reporters.ci_builders import finding, synthetic
from tidy.core.config import Config, ConfigError, for_folder
from tidy.core.models import Finding, Group, Size, Surface
from tidy.rules import budgets
from tidy.rules.base import BudgetInput, Judged
from tidy.rules.baseline import apply_baseline, baseline_status, load_baseline_document
from tidy.rules.registry import BY_CODE

SIZES = {"small.txt": 500_000, "data/medium.bin": 2_000_000, "data/large.bin": 3_000_000}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    for name, size in SIZES.items():
        write(repo / name, size=size)
    write(repo / "pkg" / "__pycache__" / "m.cpython-311.pyc", size=2000)
    write(repo / "pkg" / "m.py", "x = 1\n")
    commit(repo)
    return repo


def _budget(repo: Path, text: str) -> None:
    write(repo / ".tidy.toml", f"[budgets]\n{text}")


def _tracked_sizes(repo: Path) -> dict[str, int]:
    """Oracle: every tracked file's size from the file system (the tree is clean)."""
    names = git(repo, "ls-files", "-z").split("\0")
    return {n: (repo / n).stat().st_size for n in names if n}


# ----------------------------------------------------------------- configuration
@pytest.mark.parametrize(("text", "message"), [
    ('largest-fil = "1MB"\n', "unknown key 'largest-fil' in [tool.tidy.budgets]"),
    ('largest-file = "huge"\n', "budget 'largest-file' must be a size such as 10MB"),
    ("committed-caches = 1\n", "budget 'committed-caches' must be true or false"),
    ("data-in-code-modules = -1\n", "budget 'data-in-code-modules' must be a whole number"),
])
def test_bad_budgets_name_the_key_and_the_file(repo: Path, text: str, message: str) -> None:
    _budget(repo, text)
    result = run_cli("scan", "-q", cwd=repo)
    assert result.code == 2
    assert message in result.err and ".tidy.toml" in result.err
    assert "Traceback" not in result.err


def test_budgets_in_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.tidy.budgets]\nlargest-file = "2MB"\nhistory-size = 1000\n')
    from tidy.core.config import load

    loaded = budgets.load(load(str(tmp_path)))
    assert (loaded.get("largest-file"), loaded.get("history-size"), loaded.source) == (
        2_000_000, 1000, str(path))
    with pytest.raises(ConfigError, match="must be a table"):
        budgets.from_table(["x"], "f.toml")


# ----------------------------------------------------------------- each budget
def test_largest_file_flags_exactly_the_files_over_it(repo: Path) -> None:
    _budget(repo, 'largest-file = "1MB"\n')
    report = scan_json(repo)
    expected = sorted(n for n, s in _tracked_sizes(repo).items() if s > 1_000_000)
    got = findings(report, "TDY901")
    assert sorted(f["path"] for f in got) == expected == ["data/large.bin", "data/medium.bin"]
    assert all(f["fails"] and f["bytes"] == SIZES[f["path"]] for f in got)
    assert report["_exit"] == 1


def test_total_tracked_bytes_against_the_file_system(repo: Path) -> None:
    total = sum(_tracked_sizes(repo).values())
    _budget(repo, f"total-tracked-bytes = {total}\n")
    assert findings(scan_json(repo, "--fail-on", "TDY902"), "TDY902") == []
    _budget(repo, f"total-tracked-bytes = {total - 1}\n")
    git(repo, "add", ".tidy.toml")  # the config file is tracked now: count it too
    total = sum(_tracked_sizes(repo).values())
    (over,) = findings(scan_json(repo, "--fail-on", "TDY902"), "TDY902")
    assert over["bytes"] == total and over["files"] == len(_tracked_sizes(repo))
    assert over["fails"]


def test_committed_caches_allowed_or_not(repo: Path) -> None:
    default = scan_json(repo)
    assert [f["fails"] for f in findings(default, "TDY102")] == [True]

    _budget(repo, "committed-caches = true\n")
    allowed = scan_json(repo)
    assert [f["fails"] for f in findings(allowed, "TDY102")] == [False]
    assert findings(allowed, "TDY903") == [] and allowed["_exit"] == 0

    _budget(repo, "committed-caches = false\n")
    refused = scan_json(repo)
    (verdict,) = findings(refused, "TDY903")
    assert "1 committed cache or build output (" in verdict["message"]
    assert refused["_exit"] == 1
    # The command line wins: --fail-on none means nothing fails, budgets included.
    assert scan_json(repo, "--fail-on", "none")["_exit"] == 0


def test_min_size_never_hides_what_fails_the_run(repo: Path) -> None:
    """`min-size` hides small findings from the report, not the gate: a committed cache of
    2 kB under `min-size = "1MB"` still fails (TDY102, and TDY903 with the budget), while a
    small finding that does not fail (the untracked bytecode below) is hidden."""
    write(repo / "pkg" / "sub" / "__pycache__" / "n.cpython-311.pyc", size=2000)
    write(repo / "pkg" / "sub" / "n.py", "y = 1\n")
    write(repo / ".tidy.toml", 'min-size = "1MB"\n')
    report = scan_json(repo)
    assert [f["fails"] for f in findings(report, "TDY102")] == [True]
    assert findings(report, "TDY101") == [] and report["_exit"] == 1
    write(repo / ".tidy.toml", 'min-size = "1MB"\n\n[budgets]\ncommitted-caches = false\n')
    budgeted = scan_json(repo)
    assert len(findings(budgeted, "TDY903")) == 1 and budgeted["_exit"] == 1
    nothing_fails = scan_json(repo, "--fail-on", "none", "--min-size", "1MB")
    assert findings(nothing_fails, "TDY102") == [] and findings(nothing_fails, "TDY903") == []


def test_min_size_never_hides_what_a_budget_adds_up(repo: Path) -> None:
    """A 100 kB data module under `min-size = "1MB"`: hidden from the report, until a budget
    counts data modules (`data-in-code-modules = 0`), which must see it and fail. The bytes
    budget of vendored code counts what min-size would hide the same way (TDY4)."""
    rows = ",\n".join(f"    ({n}, 'row {n}', {n * 0.5})" for n in range(4_000))
    write(repo / "pkg" / "table.py", f"ROWS = [\n{rows},\n]\n")
    commit(repo)
    write(repo / ".tidy.toml", 'min-size = "1MB"\n')
    hidden = scan_json(repo)
    assert findings(hidden, "TDY301") == [] and hidden["_exit"] == 1  # (TDY102 fails)
    write(repo / ".tidy.toml", 'min-size = "1MB"\n\n[budgets]\ndata-in-code-modules = 0\n')
    counted = scan_json(repo)
    assert [f["path"] for f in findings(counted, "TDY301")] == ["pkg/table.py"]
    (over,) = findings(counted, "TDY904")
    assert over["fails"] and counted["_exit"] == 1
    write(repo / ".tidy.toml", 'min-size = "1MB"\n\n[budgets]\ndata-in-code-modules = 1\n')
    allowed = scan_json(repo)  # 1 is a count, not `true`: the module is still counted
    assert findings(allowed, "TDY301") != [] and findings(allowed, "TDY904") == []
    settings = for_folder(Config(), str(repo))
    assert budgets.counted_families(settings) == ("TDY3",)
    nothing_fails = dataclasses.replace(settings, fail_on=())
    assert budgets.counted_families(nothing_fails) == ()


def test_history_size_against_git(repo: Path) -> None:
    # Oracle: the packed size of every reachable object, added up from cat-file.
    objects = subprocess.run(["git", "rev-list", "--all", "--objects"], cwd=repo,
                             capture_output=True, check=True).stdout
    ids = b"\n".join(line.split(b" ")[0] for line in objects.splitlines()) + b"\n"
    disk = subprocess.run(["git", "cat-file", "--batch-check=%(objectsize:disk)"], cwd=repo,
                          input=ids, capture_output=True, check=True).stdout
    packed = sum(int(n) for n in disk.split())
    _budget(repo, f"history-size = {packed}\n")
    assert findings(scan_json(repo), "TDY906") == []
    _budget(repo, f"history-size = {packed - 1}\n")
    (over,) = findings(scan_json(repo), "TDY906")
    assert over["bytes"] == packed


def test_count_and_byte_budgets_on_3xx_and_4xx_findings() -> None:
    report = synthetic([finding("TDY301", "a/mock_api.py", 40_000_000),
                        finding("TDY301", "b/table.py", 1_000_000),
                        finding("TDY401", "static/vendor/editor", 48_000_000),
                        finding("TDY402", "static/vendor/old", 2_000_000)])
    limits = budgets.Budgets({"data-in-code-modules": 1, "vendored-bytes": 49_999_999})
    judged, verdicts = budgets.apply(report, limits, Config())
    extra = {f.code: f for f in judged.findings if f.code.startswith("TDY9")}
    assert set(extra) == {"TDY904", "TDY905"}
    assert extra["TDY904"].size.files == 2 and extra["TDY905"].size.apparent == 50_000_000
    assert {(v.rule.budget and v.rule.budget.key, v.measured, v.ok) for v in verdicts} == {
        ("data-in-code-modules", 2, False), ("vendored-bytes", 50_000_000, False)}
    loose = budgets.Budgets({"data-in-code-modules": 2, "vendored-bytes": 50_000_000})
    assert budgets.apply(report, loose, Config())[0].findings == report.findings


# ----------------------------------------------------------------- baseline
@pytest.mark.slow
def test_baseline_fails_only_on_new_or_grown(repo: Path, tmp_path: Path) -> None:
    _budget(repo, 'largest-file = "1MB"\n')
    baseline = tmp_path / "baseline.json"
    first = run_cli("scan", "-q", "--format", "json", "-o", str(baseline), cwd=repo)
    assert first.code == 1

    unchanged = run_cli("scan", "-q", "--baseline", str(baseline), cwd=repo)
    assert unchanged.code == 0, unchanged.out
    assert "in the baseline and have not grown" in unchanged.out + unchanged.err

    write(repo / "data" / "medium.bin", size=2_100_000)  # grew
    commit(repo, "data/medium.bin")
    grown = scan_json(repo, "--baseline", str(baseline))
    failing = [(f["code"], f["path"]) for f in findings(grown) if f["fails"]]
    assert failing == [("TDY901", "data/medium.bin")]
    grew = {f["path"]: f["details"] for f in findings(grown, "TDY901")}
    assert ["baseline", "grew since the baseline"] in grew["data/medium.bin"]
    assert ["baseline", "in the baseline, not grown"] in grew["data/large.bin"]

    write(repo / "data" / "medium.bin", size=2_000_000)  # back to the baseline size
    write(repo / "lib" / "__pycache__" / "n.cpython-311.pyc", size=100)  # new
    commit(repo, "data/medium.bin", "lib/__pycache__/n.cpython-311.pyc")
    new = scan_json(repo, "--baseline", str(baseline))
    assert sorted((f["code"], f["path"]) for f in findings(new) if f["fails"]) == [
        ("TDY102", "lib/__pycache__")]


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read the baseline"),
    ("not json", "the baseline is not JSON"),
    ('{"version": 9, "groups": []}', "not a tidy JSON report"),
])
def test_bad_baseline_is_a_usage_error(repo: Path, tmp_path: Path, content: str | None,
                                       message: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    result = run_cli("scan", "-q", "--baseline", str(path), cwd=repo)
    assert result.code == 2 and message in result.err


@settings(max_examples=60, deadline=None)
@given(old=st.tuples(st.integers(0, 10**9), st.integers(0, 1000)),
       new=st.tuples(st.integers(0, 10**9), st.integers(0, 1000)),
       same_path=st.booleans())
def test_baseline_status_is_new_grown_or_unchanged(old: tuple[int, int], new: tuple[int, int],
                                                   same_path: bool) -> None:
    base_report = synthetic([finding("TDY202", "a.bin", old[0], fails=True)])
    document = json.loads(_json(base_report, files=old[1]))
    current = finding("TDY202", "a.bin" if same_path else "b.bin", new[0], fails=True)
    import dataclasses

    current = dataclasses.replace(current, size=dataclasses.replace(current.size, files=new[1]))
    report = synthetic([current])
    known = load_baseline_document(document, "mem")
    status = baseline_status(report.groups[0], current, known)
    if not same_path:
        assert status == "new"
    elif new[0] > old[0] or new[1] > old[1]:
        assert status == "grown"
    else:
        assert status == "unchanged"
    judged = apply_baseline(report, known)
    assert judged.failed == (status != "unchanged")


def _json(report: object, files: int) -> str:
    from tidy.reporters import json as json_reporter

    document = json.loads(json_reporter.render(report))  # type: ignore[arg-type]
    for group in document["groups"]:
        for item in group["findings"]:
            item["files"] = files
    return json.dumps(document)


# ----------------------------------------------------------------- each budget on made-up groups
# (no scan, no git: a group's findings and git's answers are handed to the judge)
def _judge(code: str, value: int | bool, *found: Finding,
           blobs: tuple[tuple[str, int], ...] = (), history: int | None = None,
           is_repo: bool = True) -> Judged | None:
    rule = BY_CODE[code]
    assert rule.budget is not None and rule.check is None
    group = Group("/r", ".", is_repo, found, Size(), Surface(), Surface(), Size())
    given = BudgetInput(group, list(found), lambda: blobs, lambda: history)
    return rule.budget.judge(rule, given, value)


def _judged(code: str, value: int | bool, *found: Finding, **facts: object) -> Judged:
    judged = _judge(code, value, *found, **facts)  # type: ignore[arg-type]
    assert judged is not None
    return judged


def _finding(code: str, path: str, size: int) -> Finding:
    return Finding(code, "x", path, "m", size=Size(size, size, 1, 0))


def test_tdy901_one_failing_finding_per_file_over_largest_file() -> None:
    judged = _judged("TDY901", 1000, blobs=(("a.bin", 5000), ("b.bin", 999), ("c.bin", 2000)))
    assert [(f.code, f.path, f.fails) for f in judged.failing] == [
        ("TDY901", "a.bin", True), ("TDY901", "c.bin", True)]
    assert (judged.limit, judged.measured) == (1000, 5000)
    assert _judge("TDY901", 1000, is_repo=False) is None  # a plain folder has no index


def test_tdy902_the_index_added_up() -> None:
    over = _judged("TDY902", 100, blobs=(("a", 60), ("b", 50)))
    assert [f.path for f in over.failing] == ["."]
    assert _judged("TDY902", 110, blobs=(("a", 60), ("b", 50))).failing == ()


def test_tdy903_committed_caches_false_fails_true_switches_off() -> None:
    cache = _finding("TDY102", "node_modules", 10)
    assert [f.code for f in _judged("TDY903", False, cache).failing] == ["TDY903"]
    assert _judge("TDY903", True, cache) is None


def test_tdy904_tdy905_counts_and_bytes_of_a_family() -> None:
    data = [_finding("TDY301", f"m{i}.py", 100) for i in range(3)]
    assert _judged("TDY904", 3, *data).failing == ()
    [over] = _judged("TDY904", 2, *data).failing
    assert "3 modules that are mostly data" in over.message
    vendored = [_finding("TDY401", "vendor/a", 4000), _finding("TDY403", "vendor/b", 2000)]
    [too_big] = _judged("TDY905", 5000, *vendored).failing
    assert "over the vendored-bytes budget" in too_big.message


def test_tdy906_history_or_nothing_when_git_cannot_say() -> None:
    [over] = _judged("TDY906", 1000, history=5000).failing
    assert over.code == "TDY906" and over.size.apparent == 5000
    assert _judge("TDY906", 1000, history=None) is None


# ----------------------------------------------------------------- the command line wins
def _over_every_budget(root: Path) -> Path:
    """A repo over every budget at its tightest: a tracked file, a committed cache, a data
    module, an unused vendored library, history."""
    repo = make_repo(root)
    write(repo / "data/blob.bin", size=5_000)
    write(repo / "pkg/__pycache__/m.cpython-311.pyc", size=2_000)
    rows = ",\n".join(f"    {{'id': {i}, 'name': 'row {i}'}}" for i in range(400))
    write(repo / "pkg/mock_api.py", f"DATA = [\n{rows}\n]\n")
    write(repo / "static/vendor/ketcher/package.json",
          json.dumps({"name": "ketcher", "version": "1.2.3", "main": "ketcher.min.js"}))
    write(repo / "static/vendor/ketcher/LICENSE", "MIT License\n\nPermission is hereby granted")
    write(repo / "static/vendor/ketcher/ketcher.min.js",
          ("var a=function(){return 1};" * 200 + "\n") * 20)
    commit(repo)
    return repo


# The tightest value of each budget the file can set: each one over, in _over_every_budget.
_TIGHTEST = {"largest-file": "1", "total-tracked-bytes": "1", "committed-caches": "false",
             "data-in-code-modules": "0", "vendored-bytes": "1", "history-size": "1"}


@pytest.fixture(scope="module")
def over_every_budget(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _over_every_budget(tmp_path_factory.mktemp("budgets") / "repo")


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(budgets.BY_KEY))
@pytest.mark.parametrize("option", [("--fail-on", "none"), ("--exit-zero",)])
def test_fail_on_and_exit_zero_on_the_command_line_win_over_each_budget(
        over_every_budget: Path, key: str, option: tuple[str, ...]) -> None:
    repo = over_every_budget
    write(repo / ".tidy.toml", f'data-min-size = "1KB"\n[budgets]\n{key} = {_TIGHTEST[key]}\n')
    code = budgets.BY_KEY[key].code
    plain = scan_json(repo, "--fail-on", code)  # this budget alone fails: it is over
    assert any(f["fails"] for f in findings(plain, code)) and plain["_exit"] == 1
    assert scan_json(repo)["_exit"] == 1  # a budget in the file fails the scan
    assert scan_json(repo, *option)["_exit"] == 0


def test_every_budget_has_its_tightest_value_here() -> None:
    assert set(_TIGHTEST) == set(budgets.BY_KEY)


@pytest.mark.slow
def test_tidy_inits_starter_config_and_fail_on_none(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "big.bin", size=11_000_000)  # over the starter's largest-file = "10MB"
    commit(repo)
    assert run_cli("init", "--write", cwd=repo).code == 0
    assert run_cli("scan", "--quiet", "--no-record", cwd=repo).code == 1
    assert run_cli("scan", "--quiet", "--no-record", "--fail-on", "none", cwd=repo).code == 0
    assert run_cli("scan", "--quiet", "--no-record", "--exit-zero", cwd=repo).code == 0
