"""The rule registry: one explicit tuple of every code tidy knows, listed by code.

Scan checks, the codes another rule's check yields (TDY402/TDY403, TDY401's verdicts) and
the budgets (TDY9xx, judged after the scan) are all here: `tidy rules`, `tidy rule CODE`,
SARIF's rule list and the engine read this one table.
"""

from __future__ import annotations

from collections.abc import Iterable

from tidy.core.config import Config, ConfigError, key_in_file
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
           "check_file_codes", "found_by", "unknown_code", "unknown_code_message"]


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


def unknown_code(codes: Iterable[str]) -> str | None:
    """The first of `codes` that is neither a rule's code nor the prefix of one; None when
    each names a rule. The one check of the codes a user writes, on the command line
    (tidy/cli/options.py) and in a settings file (check_file_codes): a typo (`TDY11`) would
    select nothing and read as a clean tree, so both say so, as ruff's "unknown rule
    selector"."""
    return next((code for code in codes
                 if not code or not any(rule.code.startswith(code) for rule in RULES)), None)


def unknown_code_message(code: str) -> str:
    return f"unknown rule code or prefix {code!r} (`tidy rules` lists them)"


def check_file_codes(config: Config) -> Config:
    """`config`, once every rule code its settings files gave (select, ignore, fail-on) names
    a rule; else ConfigError (exit 2) naming the file, the key and the code."""
    for source, key, codes in config.codes_from_files:
        bad = unknown_code(codes)
        if bad is not None:
            raise ConfigError(f"{source}: {key_in_file(source, key)}: "
                              f"{unknown_code_message(bad)}")
    return config
