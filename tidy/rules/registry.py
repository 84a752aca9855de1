"""The rule registry: one explicit tuple of every code tidy knows, listed by code.

Scan checks, the codes another rule's check yields (TDY402/TDY403, TDY401's verdicts) and
the budgets (TDY9xx, judged after the scan) are all here: `tidy rules`, `tidy rule CODE`,
SARIF's rule list and the engine read this one table.
"""

from __future__ import annotations

from tidy.rules import artifacts, budgets, data_in_code, duplicates, ignore_rules, size, vendored
from tidy.rules import history as history_rules
from tidy.rules.base import GroupContext, Rule

RULES: tuple[Rule, ...] = tuple(sorted(
    (*artifacts.RULES, *size.RULES, *history_rules.RULES, *duplicates.RULES, *vendored.RULES,
     *ignore_rules.RULES, *data_in_code.RULES, *budgets.RULES),
    key=lambda rule: rule.code))  # listed by code (`tidy rules`); no rule depends on the order
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
CHECKED: tuple[Rule, ...] = tuple(rule for rule in RULES if rule.check is not None)

__all__ = ["BY_CODE", "CHECKED", "RULES", "GroupContext", "Rule", "by_code_or_name",
           "found_by"]


def by_code_or_name(key: str) -> Rule | None:
    key = key.strip()
    found = BY_CODE.get(key.upper())
    if found is not None:
        return found
    return next((r for r in RULES if r.name == key), None)


def found_by(rule: Rule) -> Rule:
    """The rule whose check yields `rule`'s findings (itself when it has a check or a budget)."""
    if rule.check is not None or rule.budget is not None:
        return rule
    return next(r for r in CHECKED if rule.code in r.also_emits)
