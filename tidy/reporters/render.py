"""One function from a Report and a format name to its text; each reporter is imported only
when its format is asked for (a scan to JSON never loads rich)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from tidy.core.models import Report

if TYPE_CHECKING:
    from tidy.trends import Past


def render(report: Report, output_format: str, past: Past | None = None, *, width: int = 120,
           color: bool = False, workspace: str | None = None) -> str:
    """`past`: the groups' recorded scans (html draws them); `width`/`color`: the text
    report's; `workspace`: $GITHUB_WORKSPACE, for github annotations' paths."""
    if output_format == "html":
        from tidy.reporters import html

        return html.render(report, past)
    if output_format == "github":
        from tidy.reporters import github

        return github.render(report, workspace=workspace)
    if output_format == "text":
        from tidy.reporters import text

        return text.render(report, width=width, color=color)
    # json, sarif, gitlab, markdown: the report alone
    return str(importlib.import_module(f"tidy.reporters.{output_format}").render(report))
