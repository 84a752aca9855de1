"""`tidy rules` and `tidy rule CODE`: the rule registry (tidy/rules/registry.py)."""

from __future__ import annotations

import click

from tidy.cli.exits import EXIT_OK


@click.command("rules")
def list_rules() -> int:
    """List every rule with its code and summary."""
    from tidy.rules.registry import RULES

    width = max(len(rule.name) for rule in RULES)  # the summaries in one column, however long
    for rule in RULES:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.summary}")
    return EXIT_OK


@click.command("rule")
@click.argument("code")
def show_rule(code: str) -> int:
    """Explain one rule (by code such as TDY101, or by name)."""
    from tidy.rules.registry import by_code_or_name

    rule = by_code_or_name(code)
    if rule is None:
        raise click.UsageError(f"no rule {code!r}; `tidy rules` lists them")
    click.echo(f"{rule.code} {rule.name}\n\n{rule.summary}.\n\n{rule.doc}\n\n"
               f"fix: {rule.fix_applicability.value}")
    return EXIT_OK
