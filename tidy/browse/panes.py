"""Text panes updated without laying the whole screen out again when their size stays.

Textual's Static.update lays out the whole screen by default (its text may need more or fewer
lines). A key that moves the cursor updates the evidence pane and the status line: two
layouts of every widget on screen, which were most of what a key cost at 50,000 findings
(bench/bench_browse.py). A pane whose height is fixed, or whose text takes as many lines as
before, only needs its own lines drawn again.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def show(pane: Static, text: Text) -> None:
    """Put `text` in `pane`; the screen is laid out again only when its size can change."""
    height, width = pane.styles.height, pane.styles.width
    fixed = height is not None and not height.is_auto and not (width is not None
                                                              and width.is_auto)
    pane.update(text, layout=False)
    if fixed:
        return
    region = pane.content_region
    if region.width <= 0 or (width is not None and width.is_auto) or \
            pane.get_content_height(pane.size, pane.app.size, region.width) != region.height:
        pane.refresh(layout=True)
