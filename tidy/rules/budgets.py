"""Budgets from [tool.tidy.budgets]: what decides exit code 1 besides --fail-on.

    [tool.tidy.budgets]
    largest-file = "10MB"          # any tracked file bigger fails (TDY901, one finding per file)
    total-tracked-bytes = "500MB"  # the index's blobs added up (TDY902)
    committed-caches = false       # false: committed caches fail (TDY903); true: TDY102 never fails
    data-in-code-modules = 0       # at most this many 3xx (data in code) findings (TDY904)
    vendored-bytes = "5MB"         # 4xx (vendored code) findings' bytes added up (TDY905)
    history-size = "1GB"           # packed bytes of everything reachable in history (TDY906)

Each budget is a Rule of the one registry (`tidy rule TDY901`) whose `budget` is judged per
group after the scan. Over its limit it adds a finding to the repo's group, which fails the
scan as fail-on says: a file with budgets adds TDY9 to its fail-on (tidy/core/config.py), and
`--fail-on` on the command line replaces that list (`--fail-on none`: nothing fails); sizes are
read from the Report and, where the Report has no such number, from git (index blob sizes in
one `cat-file --batch-check`, `rev-list --disk-usage` for history).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tidy.core.config import Config, ConfigError, Given, table_in
from tidy.core.models import ActionKind, Applicability, Finding, Fix, Group, Report, Size, Tracked
from tidy.core.units import human_bytes, parse_size
from tidy.rules.base import Budget, BudgetInput, BudgetValue, Judge, Judged, Rule
from tidy.workspace.git import GitUnavailable


# ------------------------------------------------------------------------ values in the file
def _size(value: object) -> BudgetValue | None:
    if isinstance(value, bool):
        return None
    try:
        return parse_size(value) if isinstance(value, int | str) else None
    except ValueError:
        return None


def _count(value: object) -> BudgetValue | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _flag(value: object) -> BudgetValue | None:
    return value if isinstance(value, bool) else None


# ------------------------------------------------------------------------ judging
def _budget(rule: Rule) -> Budget:
    assert rule.budget is not None
    return rule.budget


def _budget_finding(rule: Rule, path: str, message: str, size: Size,
                    tracked: Tracked = Tracked.UNKNOWN) -> Finding:
    fix_line = rule.doc.rsplit("Fix: ", 1)[-1].replace("\n", " ")
    return rule.finding(path, message, size=size, tracked=tracked, fails=True,
                        fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, fix_line),
                        details=(("budget", _budget(rule).key),))


def _judge_largest(rule: Rule, given: BudgetInput, limit: BudgetValue) -> Judged | None:
    if not given.group.is_repo:
        return None
    blobs = given.tracked_blobs()
    over = sorted(((p, s) for p, s in blobs if s > limit), key=lambda item: (-item[1], item[0]))
    largest = max((s for _, s in blobs), default=0)
    failing = tuple(_budget_finding(
        rule, path, f"tracked file of {human_bytes(size)} is over the largest-file "
        f"budget of {human_bytes(limit)}", Size(size, size, 1, 0), Tracked.TRACKED)
        for path, size in over)
    return Judged(int(limit), largest, failing)


def _judge_total(rule: Rule, given: BudgetInput, limit: BudgetValue) -> Judged | None:
    if not given.group.is_repo:
        return None
    blobs = given.tracked_blobs()
    total = sum(s for _, s in blobs)
    failing = () if total <= limit else (_budget_finding(
        rule, ".", f"tracked files add up to {human_bytes(total)} in "
        f"{len(blobs):,} files, over the total-tracked-bytes budget of {human_bytes(limit)}",
        Size(total, total, len(blobs), 0), Tracked.TRACKED),)
    return Judged(int(limit), total, failing)


def _names(findings: Sequence[Finding], shown: int = 5) -> str:
    names = ", ".join(f.path for f in findings[:shown])
    more = len(findings) - shown
    return names + (f" and {more} more" if more > 0 else "")


def _judge_count(what: str, one: str) -> Judge:
    """A budget on how many findings of its family (Budget.counts) there are (the limit is a
    count; `false` means none allowed, `true` means the budget does not apply)."""

    def judge(rule: Rule, given: BudgetInput, value: BudgetValue) -> Judged | None:
        if value is True:
            return None
        limit = 0 if value is False else int(value)
        matching = [f for f in given.findings if f.code.startswith(_budget(rule).counts)]
        size = sum((f.size for f in matching), Size())
        failing = () if len(matching) <= limit else (_budget_finding(
            rule, ".", f"{len(matching)} {one if len(matching) == 1 else what} "
            f"({human_bytes(size.apparent)}): "
            f"{_names(matching)}; the budget allows {limit}", size),)
        return Judged(limit, len(matching), failing)

    return judge


def _judge_bytes(what: str) -> Judge:
    """A budget on the bytes of its family's findings (Budget.counts) added up."""

    def judge(rule: Rule, given: BudgetInput, limit: BudgetValue) -> Judged | None:
        matching = [f for f in given.findings if f.code.startswith(_budget(rule).counts)]
        size = sum((f.size for f in matching), Size())
        failing = () if size.apparent <= limit else (_budget_finding(
            rule, ".", f"{what} add up to {human_bytes(size.apparent)} "
            f"({_names(matching)}), over the {_budget(rule).key} budget of {human_bytes(limit)}",
            size),)
        return Judged(int(limit), size.apparent, failing)

    return judge


def _judge_history(rule: Rule, given: BudgetInput, limit: BudgetValue) -> Judged | None:
    if not given.group.is_repo:
        return None
    measured = given.history_disk()
    if measured is None:
        return None
    failing = () if measured <= limit else (_budget_finding(
        rule, ".", f"history packs to {human_bytes(measured)}, over the "
        f"history-size budget of {human_bytes(limit)}", Size(measured, measured, 0, 0)),)
    return Judged(int(limit), measured, failing)


# ------------------------------------------------------------------------ the rules
LARGEST_FILE = Rule(
    "TDY901", "largest-file-budget",
    "A tracked file is bigger than the `largest-file` budget",
    """What: a file in the index (what the next commit holds) bigger than `largest-file`.
Why: every clone downloads it, every version of it stays in history; GitHub recommends
objects under 1 MB, warns at 50 MiB and rejects 100 MiB.
Fix: move it to Git LFS (`git lfs migrate import --include=PATH`) or out of the repository,
or raise the budget.""",
    None, Applicability.DISPLAY_ONLY,
    budget=Budget("largest-file", "a size such as 10MB", _size, _judge_largest),
)
TOTAL_TRACKED_BYTES = Rule(
    "TDY902", "total-tracked-bytes-budget",
    "The tracked files add up to more than the `total-tracked-bytes` budget",
    """What: the blobs in the index added up are over `total-tracked-bytes`.
Why: a checkout that size slows every clone, CI job and editor index.
Fix: `tidy scan` lists the biggest tracked files and folders; move data and build outputs
out of the repository, or raise the budget.""",
    None, Applicability.DISPLAY_ONLY,
    budget=Budget("total-tracked-bytes", "a size such as 500MB", _size, _judge_total),
)
COMMITTED_CACHES = Rule(
    "TDY903", "committed-caches-budget",
    "Caches or build outputs are committed while `committed-caches = false`",
    """What: `committed-caches = false` and the repository tracks caches or build outputs
(TDY102 findings). With `committed-caches = true` committed caches never fail the scan.
Why: caches churn on every run, bloat history and make diffs noisy.
Fix: `tidy fix --unsafe-fixes --select TDY102` untracks them (`git rm -r --cached`) and adds
ignore rules; the files stay on disk.""",
    None, Applicability.DISPLAY_ONLY,
    budget=Budget("committed-caches", "true or false", _flag,
                  _judge_count("committed caches or build outputs",
                               "committed cache or build output"), counts="TDY102"),
)
DATA_IN_CODE_BUDGET = Rule(
    "TDY904", "data-in-code-budget",
    "More modules that are mostly data (3xx findings) than `data-in-code-modules` allows",
    """What: the number of source modules that are mostly one literal (3xx findings) is over
`data-in-code-modules`.
Why: such modules cost seconds and gigabytes on every import and every parse by linters,
type checkers and IDEs.
Fix: `tidy extract MODULE` moves the data to a compressed JSON file with a loader stub.""",
    None, Applicability.DISPLAY_ONLY,
    budget=Budget("data-in-code-modules", "a whole number (0 allows none)", _count,
                  _judge_count("modules that are mostly data", "module that is mostly data"),
                  counts="TDY3"),
)
VENDORED_BYTES = Rule(
    "TDY905", "vendored-bytes-budget",
    "Vendored code (4xx findings) adds up to more than `vendored-bytes`",
    """What: the bytes of vendored third-party code that tidy reports (4xx findings) are over
`vendored-bytes`.
Why: copied libraries nobody uses are read by every search and every clone.
Fix: remove what nothing references (`tidy fix --unsafe-fixes --select TDY401`), or install
the library as a dependency.""",
    None, Applicability.DISPLAY_ONLY,
    budget=Budget("vendored-bytes", "a size such as 5MB", _size,
                  _judge_bytes("vendored libraries"), counts="TDY4"),
)
HISTORY_SIZE_BUDGET = Rule(
    "TDY906", "history-size-budget",
    "Everything reachable in git history packs to more than `history-size`",
    """What: `git rev-list --all --objects --disk-usage` (the packed bytes of every object any
ref reaches) is over `history-size`.
Why: every clone downloads all of it; GitHub asks for repositories under 1 GB (5 GB at most).
Fix: `tidy scan --history` names the biggest blobs ever committed and the `git filter-repo`
command that removes them (a history rewrite: coordinate with everyone who has a clone).""",
    None, Applicability.DISPLAY_ONLY,
    budget=Budget("history-size", "a size such as 1GB", _size, _judge_history),
)
RULES = (LARGEST_FILE, TOTAL_TRACKED_BYTES, COMMITTED_CACHES, DATA_IN_CODE_BUDGET,
         VENDORED_BYTES, HISTORY_SIZE_BUDGET)

BY_KEY: dict[str, Rule] = {_budget(rule).key: rule for rule in RULES}


# ------------------------------------------------------------------------ the file's table
@dataclass(frozen=True)
class Budgets:
    """The budgets a config file sets, by their key in [tool.tidy.budgets]."""

    values: Mapping[str, BudgetValue] = field(default_factory=dict)
    source: str = ""

    def get(self, key: str) -> BudgetValue | None:
        return self.values.get(key)

    @property
    def any(self) -> bool:
        return bool(self.values)


def from_table(table: object, source: str) -> Budgets:
    """Validate [tool.tidy.budgets]: unknown keys and wrong types name the key and the file."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{source}: [tool.tidy.budgets] must be a table")
    values: dict[str, BudgetValue] = {}
    for key, value in table.items():
        if key not in BY_KEY:
            known = ", ".join(BY_KEY)
            raise ConfigError(f"{source}: unknown key {key!r} in [tool.tidy.budgets] "
                              f"(known: {known})")
        budget = _budget(BY_KEY[key])
        converted = budget.parse(value)
        if converted is None:
            raise ConfigError(f"{source}: budget {key!r} must be {budget.expects}, "
                              f"not {value!r}")
        values[key] = converted
    return Budgets(values, source)


def load(config: Config, given: Given | None = None) -> Budgets:
    """The budgets of the file the config came from (none when it came from nowhere);
    `given`: settings files whose content is given, not read (core.config.load's)."""
    if not config.source:
        return Budgets()
    table = table_in(config.source, given) or {}
    if "budgets" not in table:
        return Budgets(source=config.source)
    return from_table(table["budgets"], config.source)


def counted_families(config: Config) -> tuple[str, ...]:
    """The codes (or family prefixes) of the findings the config file's budgets add up, for
    the budgets it sets that can fail the run (`true` counts none; `--fail-on none` fails
    none). A table that does not load gives none here: the budgets' own load says what is
    wrong with it."""
    try:
        limits = load(config)
    except ConfigError:
        return ()
    return tuple(budget.counts for rule in RULES
                 if (budget := _budget(rule)).counts and config.fails(rule.code)
                 and (value := limits.get(budget.key)) is not None and value is not True)


# ------------------------------------------------------------------------ applying
@dataclass(frozen=True)
class Verdict:
    """One budget in one group: the limit, what was measured, and whether it holds."""

    rule: Rule
    group: str  # label
    limit: int
    measured: int
    ok: bool


def apply(report: Report, budgets: Budgets, config: Config) -> tuple[Report, list[Verdict]]:
    """The report with budget findings added (failing) and TDY102 re-judged per the budgets."""
    if not budgets.any:
        return report, []
    groups, verdicts = [], []
    for group in report.groups:
        found, judged = _judge_group(group, budgets, config)
        verdicts.extend(judged)
        groups.append(dataclasses.replace(group, findings=found))
    return dataclasses.replace(report, groups=tuple(groups)), verdicts


def _judge_group(group: Group, budgets: Budgets,
                 config: Config) -> tuple[tuple[Finding, ...], list[Verdict]]:
    findings = list(group.findings)
    committed = budgets.get(_budget(COMMITTED_CACHES).key)
    if isinstance(committed, bool):
        findings = [_rejudge_committed(f, committed) for f in findings]
    given = BudgetInput(group, findings, functools.cache(lambda: _tracked_blobs(group)),
                        lambda: _history_disk(group.root))
    extra: list[Finding] = []
    verdicts: list[Verdict] = []
    for rule in RULES:
        value = budgets.get(_budget(rule).key)
        if value is None or not config.selects(rule.code):
            continue
        judged = _budget(rule).judge(rule, given, value)
        if judged is None:
            continue
        verdicts.append(Verdict(rule, group.label, judged.limit, judged.measured,
                                not judged.failing))
        extra.extend(dataclasses.replace(f, fails=config.fails(f.code)) for f in judged.failing)
    return tuple(findings + extra), verdicts


def _rejudge_committed(finding: Finding, allowed: bool) -> Finding:
    """committed-caches = true: TDY102 never fails. (false: TDY903 fails, as fail-on says.)"""
    if finding.code != "TDY102" or not allowed:
        return finding
    return dataclasses.replace(finding, fails=False)


def _tracked_blobs(group: Group) -> list[tuple[str, int]]:
    from tidy.workspace.blobs import index_entries, object_sizes

    try:
        entries = [b for b in index_entries(group.root) if b.is_file]
        sizes = object_sizes(group.root, (b.sha for b in entries))
    except GitUnavailable:
        return []
    return [(b.path, sizes.get(b.sha, 0)) for b in entries]


def _history_disk(root: str) -> int | None:
    from tidy.workspace.blobs import history_disk_usage

    try:
        return history_disk_usage(root)
    except GitUnavailable:
        return None
