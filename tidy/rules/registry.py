"""The rule registry: one explicit tuple of every rule, listed by code."""

from __future__ import annotations

from tidy.rules import artifacts, data_in_code, duplicates, ignore_rules, size, vendored
from tidy.rules import history as history_rules
from tidy.rules.base import GroupContext, Rule

RULES: tuple[Rule, ...] = (*artifacts.RULES, *size.RULES, *history_rules.RULES,
                          *duplicates.RULES, *vendored.RULES, *ignore_rules.RULES,
                          *data_in_code.RULES)
# Listed by code (`tidy rules`); no rule depends on another's order.
RULES = tuple(sorted(RULES, key=lambda rule: rule.code))
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}

__all__ = ["BY_CODE", "RULES", "GroupContext", "Rule", "by_code_or_name"]


def by_code_or_name(key: str) -> Rule | None:
    key = key.strip()
    found = BY_CODE.get(key.upper())
    if found is not None:
        return found
    return next((r for r in RULES if r.name == key), None)
