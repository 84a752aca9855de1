"""The command table: each name is a click command of that name, loaded only when it runs."""

from __future__ import annotations

import subprocess
import sys

import click

from tidy.cli import COMMANDS, cli


def test_every_command_in_the_table_is_that_command() -> None:
    context = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert isinstance(command, click.Command) and command.name == name, name
    assert cli.get_command(context, "no-such-command") is None


def test_version_loads_no_command_and_no_layer_below() -> None:
    probe = ("import sys; from tidy.cli import main; code = main(['--version']); "
             "print(sorted(m for m in sys.modules if m.startswith('tidy.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    loaded = done.stdout.strip().splitlines()[-1]
    assert loaded == "['tidy.cli', 'tidy.cli.exits']", loaded
