"""Budgets from [tool.tidy.budgets], and `--baseline`: what decides exit code 1 besides --fail-on.

    [tool.tidy.budgets]
    largest-file = "10MB"          # any tracked file bigger fails (TDY901, one finding per file)
    total-tracked-bytes = "500MB"  # the index's blobs added up (TDY902)
    committed-caches = false       # false: committed caches fail (TDY903); true: TDY102 never fails
    data-in-code-modules = 0       # at most this many 3xx (data in code) findings (TDY904)
    vendored-bytes = "5MB"         # 4xx (vendored code) findings' bytes added up (TDY905)
    history-size = "1GB"           # packed bytes of everything reachable in history (TDY906)

Each budget over its limit adds a failing finding to the repo's group; sizes are read from the
Report and, where the Report has no such number, from git (index blob sizes in one
`cat-file --batch-check`, `rev-list --disk-usage` for history).

A baseline is a JSON report (`tidy scan --format json -o baseline.json`). With
`--baseline baseline.json`, a failing finding whose fingerprint (rule code, path from the scan
root, kind) is in the baseline with at least as many bytes and files no longer fails: only what
is new or grew does, so a team can adopt tidy on an old repository.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tidy.core.config import Config, ConfigError, table_in
from tidy.core.models import (
    ActionKind,
    Applicability,
    Finding,
    Fix,
    Group,
    Report,
    Size,
    Tracked,
    fingerprint,
    scan_path,
)
from tidy.core.safe_files import UnsafeFile, read_regular
from tidy.core.units import human_bytes, parse_size


@dataclass(frozen=True)
class BudgetSpec:
    key: str  # in [tool.tidy.budgets]
    code: str
    name: str
    summary: str
    doc: str
    expects: str  # what the value must be, for error messages


SPECS: tuple[BudgetSpec, ...] = (
    BudgetSpec(
        "largest-file", "TDY901", "largest-file-budget",
        "A tracked file is bigger than the `largest-file` budget",
        """What: a file in the index (what the next commit holds) bigger than `largest-file`.
Why: every clone downloads it, every version of it stays in history; GitHub recommends
objects under 1 MB, warns at 50 MiB and rejects 100 MiB.
Fix: move it to Git LFS (`git lfs migrate import --include=PATH`) or out of the repository,
or raise the budget.""",
        "a size such as 10MB",
    ),
    BudgetSpec(
        "total-tracked-bytes", "TDY902", "total-tracked-bytes-budget",
        "The tracked files add up to more than the `total-tracked-bytes` budget",
        """What: the blobs in the index added up are over `total-tracked-bytes`.
Why: a checkout that size slows every clone, CI job and editor index.
Fix: `tidy scan` lists the biggest tracked files and folders; move data and build outputs
out of the repository, or raise the budget.""",
        "a size such as 500MB",
    ),
    BudgetSpec(
        "committed-caches", "TDY903", "committed-caches-budget",
        "Caches or build outputs are committed while `committed-caches = false`",
        """What: `committed-caches = false` and the repository tracks caches or build outputs
(TDY102 findings). With `committed-caches = true` committed caches never fail the scan.
Why: caches churn on every run, bloat history and make diffs noisy.
Fix: `tidy fix --unsafe-fixes --select TDY102` untracks them (`git rm -r --cached`) and adds
ignore rules; the files stay on disk.""",
        "true or false",
    ),
    BudgetSpec(
        "data-in-code-modules", "TDY904", "data-in-code-budget",
        "More modules that are mostly data (3xx findings) than `data-in-code-modules` allows",
        """What: the number of source modules that are mostly one literal (3xx findings) is over
`data-in-code-modules`.
Why: such modules cost seconds and gigabytes on every import and every parse by linters,
type checkers and IDEs.
Fix: `tidy extract MODULE` moves the data to a compressed JSON file with a loader stub.""",
        "a whole number (0 allows none)",
    ),
    BudgetSpec(
        "vendored-bytes", "TDY905", "vendored-bytes-budget",
        "Vendored code (4xx findings) adds up to more than `vendored-bytes`",
        """What: the bytes of vendored third-party code that tidy reports (4xx findings) are over
`vendored-bytes`.
Why: copied libraries nobody uses are read by every search and every clone.
Fix: remove what nothing references (`tidy fix --select TDY4 --unsafe-fixes`), or install
the library as a dependency.""",
        "a size such as 5MB",
    ),
    BudgetSpec(
        "history-size", "TDY906", "history-size-budget",
        "Everything reachable in git history packs to more than `history-size`",
        """What: `git rev-list --all --objects --disk-usage` (the packed bytes of every object any
ref reaches) is over `history-size`.
Why: every clone downloads all of it; GitHub asks for repositories under 1 GB (5 GB at most).
Fix: `tidy scan --history` names the biggest blobs ever committed and the `git filter-repo`
command that removes them (a history rewrite: coordinate with everyone who has a clone).""",
        "a size such as 1GB",
    ),
)
BY_KEY = {spec.key: spec for spec in SPECS}
BY_CODE = {spec.code: spec for spec in SPECS}


@dataclass(frozen=True)
class Budgets:
    largest_file: int | None = None
    total_tracked_bytes: int | None = None
    committed_caches: bool | None = None  # None: --fail-on alone decides about TDY102
    data_in_code_modules: int | None = None
    vendored_bytes: int | None = None
    history_size: int | None = None
    source: str = ""

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) is not None for f in dataclasses.fields(self)
                   if f.name != "source")


def _size(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return parse_size(value) if isinstance(value, int | str) else None
    except ValueError:
        return None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "largest-file": _size,
    "total-tracked-bytes": _size,
    "committed-caches": _flag,
    "data-in-code-modules": _count,
    "vendored-bytes": _size,
    "history-size": _size,
}


def from_table(table: Any, source: str) -> Budgets:
    """Validate [tool.tidy.budgets]: unknown keys and wrong types name the key and the file."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{source}: [tool.tidy.budgets] must be a table")
    values: dict[str, Any] = {"source": source}
    for key, value in table.items():
        if key not in BY_KEY:
            known = ", ".join(BY_KEY)
            raise ConfigError(f"{source}: unknown key {key!r} in [tool.tidy.budgets] "
                              f"(known: {known})")
        converted = _CONVERTERS[key](value)
        if converted is None:
            raise ConfigError(f"{source}: budget {key!r} must be {BY_KEY[key].expects}, "
                              f"not {value!r}")
        values[key.replace("-", "_")] = converted
    return Budgets(**values)


def load(config: Config) -> Budgets:
    """The budgets of the file the config came from (none when it came from nowhere)."""
    if not config.source:
        return Budgets()
    table = table_in(config.source) or {}
    if "budgets" not in table:
        return Budgets(source=config.source)
    return from_table(table["budgets"], config.source)


# ------------------------------------------------------------------------ measuring
@dataclass(frozen=True)
class Verdict:
    """One budget in one group: the limit, what was measured, and whether it holds."""

    spec: BudgetSpec
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
    if budgets.committed_caches is not None:
        findings = [_rejudge_committed(f, budgets.committed_caches) for f in findings]
    extra: list[Finding] = []
    verdicts: list[Verdict] = []
    for check in _CHECKS:
        for spec, limit, measured, new in check(group, findings, budgets):
            if not config.selects(spec.code):
                continue
            verdicts.append(Verdict(spec, group.label, limit, measured, not new))
            extra.extend(new)
    return tuple(findings + extra), verdicts


def _rejudge_committed(finding: Finding, allowed: bool) -> Finding:
    if finding.code != "TDY102":
        return finding
    return dataclasses.replace(finding, fails=not allowed)


Check = Callable[[Group, list[Finding], Budgets],
                 list[tuple[BudgetSpec, int, int, list[Finding]]]]


def _budget_finding(spec: BudgetSpec, path: str, message: str, size: Size,
                    tracked: Tracked = Tracked.UNKNOWN) -> Finding:
    fix_line = spec.doc.rsplit("Fix: ", 1)[-1].replace("\n", " ")
    return Finding(code=spec.code, rule=spec.name, path=path, message=message, size=size,
                   tracked=tracked, fails=True,
                   fix=Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, fix_line),
                   details=(("budget", spec.key),))


def _tracked_blobs(group: Group) -> list[tuple[str, int]]:
    from tidy.workspace.blobs import index_entries, object_sizes
    from tidy.workspace.git import GitUnavailable

    try:
        entries = [b for b in index_entries(group.root) if b.is_file]
        sizes = object_sizes(group.root, (b.sha for b in entries))
    except GitUnavailable:
        return []
    return [(b.path, sizes.get(b.sha, 0)) for b in entries]


def _check_largest(group: Group, _findings: list[Finding],
                   budgets: Budgets) -> list[tuple[BudgetSpec, int, int, list[Finding]]]:
    limit = budgets.largest_file
    if limit is None or not group.is_repo:
        return []
    spec = BY_KEY["largest-file"]
    blobs = _tracked_blobs(group)
    over = sorted(((p, s) for p, s in blobs if s > limit), key=lambda item: (-item[1], item[0]))
    largest = max((s for _, s in blobs), default=0)
    new = [_budget_finding(spec, path, f"tracked file of {human_bytes(size)} is over the "
                           f"largest-file budget of {human_bytes(limit)}",
                           Size(size, size, 1, 0), Tracked.TRACKED)
           for path, size in over]
    return [(spec, limit, largest, new)]


def _check_total(group: Group, _findings: list[Finding],
                 budgets: Budgets) -> list[tuple[BudgetSpec, int, int, list[Finding]]]:
    limit = budgets.total_tracked_bytes
    if limit is None or not group.is_repo:
        return []
    spec = BY_KEY["total-tracked-bytes"]
    blobs = _tracked_blobs(group)
    total = sum(s for _, s in blobs)
    new = [] if total <= limit else [_budget_finding(
        spec, ".", f"tracked files add up to {human_bytes(total)} in {len(blobs):,} files, over "
        f"the total-tracked-bytes budget of {human_bytes(limit)}",
        Size(total, total, len(blobs), 0), Tracked.TRACKED)]
    return [(spec, limit, total, new)]


def _count_check(key: str, prefix: str, what: str) -> Check:
    """A budget on how many findings of a family there are (limit is a count)."""

    def check(group: Group, findings: list[Finding],
              budgets: Budgets) -> list[tuple[BudgetSpec, int, int, list[Finding]]]:
        limit = getattr(budgets, key.replace("-", "_"))
        if limit is None or limit is True:
            return []
        limit = 0 if limit is False else limit
        spec = BY_KEY[key]
        matching = [f for f in findings if f.code.startswith(prefix)]
        size = sum((f.size for f in matching), Size())
        new = [] if len(matching) <= limit else [_budget_finding(
            spec, ".", f"{len(matching)} {what} ({human_bytes(size.apparent)}): "
            f"{_names(matching)}; the budget allows {limit}", size)]
        return [(spec, limit, len(matching), new)]

    return check


def _bytes_check(key: str, prefix: str, what: str) -> Check:
    def check(group: Group, findings: list[Finding],
              budgets: Budgets) -> list[tuple[BudgetSpec, int, int, list[Finding]]]:
        limit = getattr(budgets, key.replace("-", "_"))
        if limit is None:
            return []
        spec = BY_KEY[key]
        matching = [f for f in findings if f.code.startswith(prefix)]
        size = sum((f.size for f in matching), Size())
        new = [] if size.apparent <= limit else [_budget_finding(
            spec, ".", f"{what} add up to {human_bytes(size.apparent)} ({_names(matching)}), "
            f"over the {key} budget of {human_bytes(limit)}", size)]
        return [(spec, limit, size.apparent, new)]

    return check


def _names(findings: list[Finding], shown: int = 5) -> str:
    names = ", ".join(f.path for f in findings[:shown])
    more = len(findings) - shown
    return names + (f" and {more} more" if more > 0 else "")


def _check_history(group: Group, _findings: list[Finding],
                   budgets: Budgets) -> list[tuple[BudgetSpec, int, int, list[Finding]]]:
    limit = budgets.history_size
    if limit is None or not group.is_repo:
        return []
    from tidy.workspace.blobs import history_disk_usage
    from tidy.workspace.git import GitUnavailable

    spec = BY_KEY["history-size"]
    try:
        measured = history_disk_usage(group.root)
    except GitUnavailable:
        return []
    new = [] if measured <= limit else [_budget_finding(
        spec, ".", f"history packs to {human_bytes(measured)}, over the history-size budget "
        f"of {human_bytes(limit)}", Size(measured, measured, 0, 0))]
    return [(spec, limit, measured, new)]


_CHECKS: tuple[Check, ...] = (
    _check_largest,
    _check_total,
    _count_check("committed-caches", "TDY102", "committed caches or build outputs"),
    _count_check("data-in-code-modules", "TDY3", "modules that are mostly data"),
    _bytes_check("vendored-bytes", "TDY4", "vendored libraries"),
    _check_history,
)

# ------------------------------------------------------------------------ baseline
class BaselineError(ConfigError):
    """The baseline file is missing or not a tidy JSON report: exit code 2."""


def load_baseline(path: str) -> dict[str, tuple[int, int]]:
    """fingerprint -> (bytes, files) of every finding in a `tidy scan --format json` report.

    BaselineError (exit 2, one line) for a file that cannot be read, is not a regular file
    (a FIFO would block), is not JSON, or is JSON of another shape.
    """
    try:
        data = read_regular(path, follow_links=True, limit=1 << 30)
    except UnsafeFile as error:
        raise BaselineError(f"{error} (the baseline)") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror}") from None
    if data is None:
        raise BaselineError(f"{path}: cannot read the baseline: No such file or directory")
    try:
        document = json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise BaselineError(f"{path}: the baseline is not JSON ({error})") from None
    return load_baseline_document(document, path)


def load_baseline_document(document: Any, path: str) -> dict[str, tuple[int, int]]:
    if not isinstance(document, dict) or document.get("version") != 1 or not isinstance(
            document.get("groups"), list):
        raise BaselineError(f"{path}: not a tidy JSON report (make one with "
                            f"`tidy scan --format json -o {path}`)")
    known: dict[str, tuple[int, int]] = {}
    for index, group in enumerate(document["groups"]):
        label, findings = _baseline_group(group, index, path)
        for item in findings:
            code, where, kind, size, files = _baseline_finding(item, path)
            known[fingerprint(code, _joined(label, where), kind)] = (size, files)
    return known


def _baseline_group(group: Any, index: int, path: str) -> tuple[str, list[Any]]:
    label = group.get("label", ".") if isinstance(group, dict) else None
    findings = group.get("findings", []) if isinstance(group, dict) else None
    if not isinstance(label, str) or not isinstance(findings, list):
        raise BaselineError(f"{path}: group {index} is not a report group (an object with a "
                            "text `label` and a `findings` array); not a tidy JSON report")
    return label, findings


def _baseline_count(value: Any) -> int | None:
    """A byte or file count: a whole number >= 0 (JSON has no other kind of count)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _baseline_finding(item: Any, path: str) -> tuple[str, str, str, int, int]:
    shown = repr(item)
    shown = shown if len(shown) <= 120 else shown[:117] + "..."
    if not isinstance(item, dict):
        raise BaselineError(f"{path}: a finding that is not an object: {shown}")
    code, where, kind = item.get("code"), item.get("path"), item.get("kind", "")
    size, files = _baseline_count(item.get("bytes", 0)), _baseline_count(item.get("files", 0))
    if not isinstance(code, str) or not isinstance(where, str):
        raise BaselineError(f"{path}: a finding without code and path: {shown}")
    if not isinstance(kind, str) or size is None or files is None:
        raise BaselineError(f"{path}: a finding whose kind, bytes or files has the wrong "
                            f"type: {shown}")
    return code, where, kind, size, files


def _joined(label: str, path: str) -> str:
    if label in ("", "."):
        return path
    return label if path in ("", ".") else f"{label}/{path}"


def apply_baseline(report: Report, baseline: Mapping[str, tuple[int, int]]) -> Report:
    """Failing findings already in the baseline, no bigger than then, stop failing."""
    groups = []
    waived = 0
    for group in report.groups:
        findings = []
        for finding in group.findings:
            status = baseline_status(group, finding, baseline)
            if finding.fails and status == "unchanged":
                finding = dataclasses.replace(
                    finding, fails=False,
                    details=(*finding.details, ("baseline", "in the baseline, not grown")))
                waived += 1
            elif status == "grown":
                finding = dataclasses.replace(
                    finding, details=(*finding.details, ("baseline", "grew since the baseline")))
            findings.append(finding)
        groups.append(dataclasses.replace(group, findings=tuple(findings)))
    warnings = report.warnings
    if waived:
        warnings = (*warnings, f"baseline: {waived} finding(s) over budget are in the baseline "
                    "and have not grown; they do not fail the scan")
    return dataclasses.replace(report, groups=tuple(groups), warnings=warnings)


def baseline_status(group: Group, finding: Finding,
                    baseline: Mapping[str, tuple[int, int]]) -> str:
    """'new', 'grown' or 'unchanged' (not bigger in bytes or files than in the baseline)."""
    key = fingerprint(finding.code, scan_path(group, finding), finding.kind)
    if key not in baseline:
        return "new"
    old_bytes, old_files = baseline[key]
    if finding.size.apparent > old_bytes or finding.size.files > old_files:
        return "grown"
    return "unchanged"


def finish(report: Report, config: Config,
           baseline: str | Mapping[str, tuple[int, int]] | None) -> Report:
    """Everything the CLI does after the scan: budgets, then the baseline (a path, or one
    load_baseline already read: the CLI reads it before scanning, so a bad one fails fast)."""
    budgets = load(config)
    report, _ = apply(report, budgets, config)
    if baseline is not None:
        known = load_baseline(baseline) if isinstance(baseline, str) else baseline
        report = apply_baseline(report, known)
    return report


__all__ = ["BY_CODE", "BY_KEY", "SPECS", "BaselineError", "BudgetSpec", "Budgets", "Verdict",
           "apply", "apply_baseline", "baseline_status", "finish", "from_table", "load",
           "load_baseline", "load_baseline_document"]
