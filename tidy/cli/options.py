"""Options several commands share, written once: --config, --format text|json, the settings of
tidy.core.config (each declared there, with its help), sizes and ages.

A command takes its settings with `@settings("select", "ignore", ...)`: one click option per
setting, built from its declaration, whose values reach the command together as a `Given`;
`Given.config(path, config_path)` is the Config the command runs with (file < command line).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar, cast

import click

from tidy.core.config import SETTINGS, Config, OptionKind, Setting, with_options
from tidy.core.config import load as load_config
from tidy.core.units import parse_age, parse_size

F = TypeVar("F", bound=Callable[..., object])


class Decorator(Protocol):
    """What an option decorator is: the function back, with the option attached."""

    def __call__(self, function: F, /) -> F: ...


CONFIG_HELP = "Read settings from this file instead of the nearest .tidy.toml/pyproject.toml."
TEXT_OR_JSON = ("text", "json")


def config_option(command: F) -> F:
    return click.option("--config", "config_path", type=click.Path(dir_okay=False),
                        help=CONFIG_HELP)(command)


FORMAT_HELP = "text for people; json for scripts."


def format_option(help: str | None = None) -> Decorator:
    """--format text|json (the output of a command other than `tidy scan`)."""
    return click.option("--format", "output_format", type=click.Choice(TEXT_OR_JSON),
                        default="text", show_default=True, help=help or FORMAT_HELP)


def size(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    """A click callback: "10MB" -> bytes; a bad size is a usage error naming the option."""
    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def age(_ctx: click.Context, _param: click.Parameter, value: str | None) -> float | None:
    """A click callback: "14d" -> seconds."""
    if value is None:
        return None
    try:
        return parse_age(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


# ---------------------------------------------------------------------------- settings
def _split_codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _known_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    """`codes`, each the prefix of some rule's code; else a usage error (the check a settings
    file's codes get too: tidy.rules.registry.unknown_code)."""
    from tidy.rules.registry import unknown_code, unknown_code_message

    bad = unknown_code(codes)
    if bad is not None:
        raise click.BadParameter(unknown_code_message(bad))
    return codes


def _codes(_ctx: click.Context, _param: click.Parameter,
           value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return _known_codes(_split_codes(value))


def _codes_or_none(_ctx: click.Context, _param: click.Parameter,
                   value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = _split_codes(value)
    return () if codes in (("NONE",), ()) else _known_codes(codes)


def _names(_ctx: click.Context, _param: click.Parameter,
           value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip() for c in value.split(",") if c.strip())


def _option(setting: Setting) -> Decorator:
    option = setting.option
    assert option is not None, f"{setting.name} has no command-line option"
    name, kind, text = setting.name, option.kind, option.help
    if kind is OptionKind.FLAG:
        return click.option(option.flag, name, is_flag=True, default=None, help=text)
    if kind is OptionKind.COUNT:
        return click.option(option.flag, name, type=click.IntRange(min=1), default=None,
                            help=text)
    if kind is OptionKind.PATTERNS:
        return click.option(option.flag, name, multiple=True, help=text)
    callback = {OptionKind.CODES: _codes, OptionKind.CODES_OR_NONE: _codes_or_none,
                OptionKind.NAMES: _names, OptionKind.SIZE: size}[kind]
    return click.option(option.flag, name, callback=callback, help=text)


@dataclass(frozen=True)
class Given:
    """The settings the command line set (a value of None: not given)."""

    values: Mapping[str, object]

    def config(self, start: str, config_path: str | None) -> Config:
        """The nearest config file's (or --config's) settings, the command line's on top; a
        rule code in a file that names no rule is an error (exit 2) here, before any work."""
        config = with_options(load_config(start, config_path), self.values)
        if config.codes_from_files:  # the registry is imported only then (a fast start)
            from tidy.rules.registry import check_file_codes

            check_file_codes(config)
        if self.values.get("select") is not None or self.values.get("ignore") is not None:
            _some_rule_selected(config)
        return config

    def codes(self, name: str) -> tuple[str, ...]:
        value = self.values.get(name)
        return value if isinstance(value, tuple) else ()


def _some_rule_selected(config: Config) -> None:
    """`--select TDY1 --ignore TDY1` (or `--select ''`) ran no rule and printed "nothing to
    report": a clean tree to the reader. A usage error instead, as an unknown code is. Only
    for the command line: a folder's own settings file may turn every rule off on purpose."""
    from tidy.rules.registry import RULES

    if not any(config.selects(rule.code) for rule in RULES):
        select = ",".join(config.select) or "''"
        ignore = f" with --ignore {','.join(config.ignore)}" if config.ignore else ""
        raise click.UsageError(f"--select {select}{ignore} leaves no rule to run "
                               "(`tidy rules` lists them)")


def settings(*names: str) -> Decorator:
    """One option per setting, as tidy.core.config declares it; the command gets their values
    as one keyword argument, `given: Given`."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def with_given(**values: object) -> object:
            given = Given({name: values.pop(name) for name in names})
            return command(given=given, **values)

        decorated = with_given
        for name in reversed(names):
            decorated = _option(SETTINGS[name])(decorated)
        return cast(F, decorated)

    return decorate
