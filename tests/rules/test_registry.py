"""The one registry of every code: each found exactly one way, each explained."""

from __future__ import annotations

from tidy.core.models import Applicability
from tidy.rules.registry import BY_CODE, CHECKED, RULES, by_code_or_name, found_by


def test_codes_and_names_are_unique_and_listed_in_order() -> None:
    codes = [r.code for r in RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert len({r.name for r in RULES}) == len(RULES)


def test_every_code_is_found_exactly_one_way() -> None:
    emitted = {code: rule.code for rule in CHECKED for code in rule.also_emits}
    for rule in RULES:
        ways = [rule.check is not None, rule.budget is not None, rule.code in emitted]
        assert sum(ways) == 1, rule.code
        assert found_by(rule).check is not None or rule.budget is not None
    assert found_by(BY_CODE["TDY402"]).code == found_by(BY_CODE["TDY403"]).code == "TDY401"


def test_every_code_is_explained_and_its_fix_is_an_applicability() -> None:
    for rule in RULES:
        assert isinstance(rule.fix_applicability, Applicability), rule.code
        assert "What:" in rule.doc and "Why:" in rule.doc, rule.code
    assert by_code_or_name("tdy901") is BY_CODE["TDY901"]
    assert by_code_or_name("largest-file-budget") is BY_CODE["TDY901"]


def test_a_rules_finding_carries_its_own_code_and_name() -> None:
    rule = BY_CODE["TDY101"]
    finding = rule.finding("x/__pycache__", "a cache")
    assert (finding.code, finding.rule) == ("TDY101", "untracked-artifact")


def test_early_work_is_declared_by_the_rules_that_use_it() -> None:
    early = {r.code for r in RULES if r.early is not None}
    assert early == {"TDY401", "TDY502"}


def test_the_early_rules_are_the_registrys_rules_with_an_early_job() -> None:
    from tidy.rules.early import EARLY_MODULES, early_rules

    wanted = sorted((r for r in CHECKED if r.early is not None), key=lambda r: r.code)
    assert early_rules() == wanted and wanted
    # each module listed holds one at least (none is imported for nothing)
    assert {r.early.__module__ for r in wanted if r.early is not None} == set(EARLY_MODULES)
