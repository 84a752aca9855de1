"""The rules with an early job (Rule.early), found without importing every rule module.

The engine's early job runs in a pool worker forked before the main process imports the
rules; importing the whole registry there costs ~35 ms of a core the walk is using, the two
modules below ~15 ms. tests/rules/test_registry.py fails when this list and the registry's
rules with an early job differ.
"""

from __future__ import annotations

import importlib

from tidy.rules.base import Rule

EARLY_MODULES = ("tidy.rules.ignore_rules", "tidy.rules.vendored")


def early_rules() -> list[Rule]:
    """Every rule with an early job, by code."""
    found: list[Rule] = []
    for name in EARLY_MODULES:
        module = importlib.import_module(name)
        found += [rule for rule in module.RULES if rule.early is not None]
    return sorted(found, key=lambda rule: rule.code)
