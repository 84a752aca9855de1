"""How one value reads in a cell of `tidy browse`: sizes, ages, git state, the fix, paths.

The same words as `tidy scan`'s table, so the two read alike; every number is the scan's.
"""

from __future__ import annotations

import humanize
from rich.cells import cell_len

from tidy.core.models import ActionKind, Applicability, Finding, Tracked
from tidy.reporters._common import fix_label


def size(n: int) -> str:
    """Decimal units as `tidy scan` prints them (412.0 MB), bytes as "999 B" (narrow)."""
    return f"{n} B" if n < 1000 else str(humanize.naturalsize(n, binary=False))


def age(mtime: float, now: float) -> str:
    """How long ago, in the largest unit that keeps it short: 5h, 12d, 7mo, 3y; "?" unknown."""
    if not mtime:
        return "?"
    seconds = max(0.0, now - mtime)
    days = seconds / 86400
    if days < 1:
        return f"{int(seconds // 3600)}h"
    if days < 60:
        return f"{int(days)}d"
    if days < 730:
        return f"{int(days / 30)}mo"
    return f"{int(days / 365)}y"


def state_word(finding: Finding) -> str:
    """tracked / partly / ignored / untracked, or unknown (no git)."""
    if finding.tracked is Tracked.TRACKED:
        return "tracked"
    if finding.tracked is Tracked.PARTLY:
        return "partly"
    if finding.ignored:
        return "ignored"
    if finding.tracked is Tracked.UNTRACKED:
        return "untracked"
    return "unknown"


def fixable(finding: Finding) -> bool:
    """Whether tidy can carry out the fix (trash, untrack, edit ...), not only advise."""
    return finding.fix is not None and finding.fix.action is not ActionKind.NONE


def fix_word(finding: Finding) -> str:
    """The fix in a word, as `tidy scan`'s table says it: `trash`; `untrack*` when it needs
    the unsafe toggle; `git-rm**` when tidy only explains (display-only); `none`: advice."""
    return fix_label(finding)


def only_explains(finding: Finding) -> bool:
    """tidy shows the fix but does not apply it here (display-only, or advice)."""
    fix = finding.fix
    return fix is not None and (fix.action is ActionKind.NONE
                                or fix.applicability is Applicability.DISPLAY_ONLY)


def kind_word(finding: Finding) -> str:
    return finding.kind or finding.rule


def fit(text: str, width: int) -> str:
    """`text` in `width` terminal columns, its start cut (the end of a path says the most)."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:max(width, 0)]
    kept: list[str] = []
    room = width - 1
    for char in reversed(text):
        room -= cell_len(char)
        if room < 0:
            break
        kept.append(char)
    return "…" + "".join(reversed(kept))


def clip(text: str, width: int) -> str:
    """`text` in `width` terminal columns, its end cut (a sentence's start says the most)."""
    if cell_len(text) <= width:
        return text
    kept: list[str] = []
    room = width - 1
    for char in text:
        room -= cell_len(char)
        if room < 0:
            break
        kept.append(char)
    return "".join(kept) + "…" if width > 0 else ""
