"""ExtractResult -> text for the command line (the CLI prints it)."""

from __future__ import annotations

import os

import humanize

from tidy.core.printable import printable
from tidy.extract.core import ExtractResult


def describe(result: ExtractResult) -> str:
    module = os.path.relpath(result.module)
    data = os.path.relpath(result.data_file)
    if result.status == "up-to-date":
        return printable(f"{module}: already extracted to {data} (manifest and data file "
                         "agree)") + "\n"
    verb = "would move" if result.status == "dry-run" else "moved"
    share = result.data_bytes / result.original_bytes if result.original_bytes else 0.0
    lines = [
        f"{module}: {verb} {', '.join(result.names)} to {data}",
        f"  module  {humanize.naturalsize(result.original_bytes)} -> "
        f"{humanize.naturalsize(result.module_bytes)} ({result.module_lines:,} lines)",
        f"  data    {humanize.naturalsize(result.json_bytes)} of JSON -> "
        f"{humanize.naturalsize(result.data_bytes)} on disk ({share:.1%} of the original)"
        + (", tagged form" if result.tagged else ", plain JSON"),
    ]
    if result.eager:
        lines.append(f"  loaded at import (the module's own code uses them): "
                     f"{', '.join(result.eager)}")
    lazy = [n for n in result.names if n not in result.eager and "." not in n
            and not n.endswith("()")]
    bound = [n for n in result.names if "." in n or n.endswith("()")]
    if bound:
        lines.append(f"  loaded where they were (class attributes, functions): "
                     f"{', '.join(bound)}")
    if lazy:
        lines.append(f"  loaded on first access: {', '.join(lazy)}")
    if result.evaluated:
        lines.append(f"  taken by importing the module: {', '.join(result.evaluated)}")
    if result.interpreter:
        lines.append(f"  interpreter: {result.interpreter}")
    if result.verified:
        lines.append(f"  verified: {result.verified}")
    lines += [f"  note: {note}" for note in result.notes]
    if result.backup:
        lines.append(f"  original kept in {result.backup} (undo: tidy extract --undo {module})")
    lines.append(f"  {result.seconds:.1f} s")
    return "".join(printable(line) + "\n" for line in lines)  # one line each, whatever the names
