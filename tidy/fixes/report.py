"""Text and JSON for `tidy fix`, `tidy undo`, `tidy trash list/purge` and `tidy log`.

Pure functions: data in, text out (the CLI prints). Sizes are said honestly: what moved to
the trash still takes its space until `tidy trash purge`; only a purge "frees" bytes.
"""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import humanize
from rich import box
from rich.console import Console
from rich.table import Table

from tidy import __version__
from tidy.core.models import ActionKind
from tidy.core.printable import printable
from tidy.core.units import counted
from tidy.fixes import Outcome, Status
from tidy.fixes.apply import RunOutcomes
from tidy.fixes.journal import Entry, RunRecord
from tidy.fixes.plan import LeftOut, Plan, PlannedAction
from tidy.fixes.trash.purge import Purged, TrashRun
from tidy.fixes.trash.strays import Stray
from tidy.workspace.cache_registry import Dropped
from tidy.workspace.inuse import IN_USE, Use

SCHEMA_VERSION = 1
_LEFT_OUT_SHOWN = 15





def size(n: int) -> str:
    return humanize.naturalsize(n, binary=False)


def _shown(path: str, cwd: str) -> str:
    prefix = cwd.rstrip(os.sep) + os.sep
    if cwd and path.startswith(prefix):
        # by its text when both are plain (relpath asks for the working folder each call:
        # 100,000 rows of a plan)
        plain = os.path.isabs(cwd) and os.path.normpath(path) == path
        path = path[len(prefix):] if plain else os.path.relpath(path, cwd)
    return printable(path)


def _table(color: bool, **options: Any) -> Table:
    """A table with lines drawn only on a terminal: piped text stays plain ASCII columns."""
    return Table(show_edge=False, pad_edge=False, box=box.HEAVY_HEAD if color else None,
                 **options)


def _console(width: int, color: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      highlight=False, soft_wrap=False)
    return console, buffer


# -- fix: the plan ----------------------------------------------------------------------------
_PLAN_COLUMNS = (("path", "left"), ("code", "left"), ("does", "left"), ("size", "right"),
                 ("files", "right"), ("why", "left"))
# Up to this many rows the plan is a rich table (columns fitted to the terminal, long cells
# folded); beyond, plain columns, one line per row: rich measures every cell of every row
# again and again (about 5 ms a row: 100,000 __pycache__ folders took minutes to print).
_RICH_ROWS = 200
# Narrower than this, each action is a block of lines (the path whole on the first): the
# table's six columns left each cell a letter or two a line at 20-40 columns.
_NARROW = 72


def plan_text(plan: Plan, *, cwd: str = "", width: int = 120, color: bool = False,
              dry_run: bool = False, in_use: Mapping[str, Use] | None = None) -> str:
    """The plan as a table and its totals; `in_use` (a dry run's look at the live
    processes): the moves the real run would leave alone, said as the real run says them."""
    console, buffer = _console(width, color)
    title = "tidy fix: plan" + (" (dry run: nothing changes)" if dry_run else "")
    if not plan.actions:
        console.print("nothing to fix" + (" (dry run)" if dry_run else ""))
    elif len(plan.actions) > _RICH_ROWS:
        buffer.write(_plain_plan(plan, title, cwd))
        console.print(_plan_totals(plan))
    elif width < _NARROW:
        console.print(title)
        for path, code, does, bytes_, files, why in _plan_rows(plan, cwd):
            console.print(path, overflow="fold", markup=False)
            plural = "" if files == "1" else "s"
            console.print(f"  {code}  {does}  {bytes_}, {files} file{plural}", overflow="fold",
                          markup=False)
            console.print(f"  {why}", overflow="fold", markup=False)
        console.print(_plan_totals(plan))
    else:
        table = _table(color, title=title, title_justify="left")
        for name, justify in _PLAN_COLUMNS:
            table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
        for row in _plan_rows(plan, cwd):
            table.add_row(*row)
        console.print(table)
        console.print(_plan_totals(plan))
    if in_use:
        buffer.write(_in_use_text(plan, in_use, cwd))
    # A real run with work to do names only what the user must act on; the rest (unsafe
    # fixes not asked for, ...) is routine and said by a dry run.
    shown = plan.left_out if dry_run or not plan.actions else \
        tuple(item for item in plan.left_out if item.attention)
    if shown:
        console.print(f"left out: {len(shown)}")
        for line in _left_out_lines(shown, cwd):
            console.print(line, markup=False, highlight=False)
    return buffer.getvalue()


def _left_out_lines(items: Sequence[LeftOut], cwd: str) -> list[str]:
    """A line per item, up to _LEFT_OUT_SHOWN; a reason shared by several items (a build
    config that refuses each of a project's data modules) is said once, its paths below."""
    by_reason: dict[tuple[str, str], list[LeftOut]] = {}
    for item in items:
        by_reason.setdefault((item.code, item.reason), []).append(item)
    lines: list[str] = []
    listed = 0
    for (code, said), mine in by_reason.items():
        if listed >= _LEFT_OUT_SHOWN:
            break
        reason = printable(said)  # it may name a path (a build config's): one line
        if len(mine) == 1:
            lines.append(f"  {_shown(mine[0].path, cwd)}  {code}: {reason}")
            listed += 1
            continue
        lines.append(f"  {len(mine):,} paths, {code}: {reason}")
        lines += [f"    {_shown(item.path, cwd)}" for item in mine[:_LEFT_OUT_SHOWN]]
        if len(mine) > _LEFT_OUT_SHOWN:
            lines.append(f"    ... and {len(mine) - _LEFT_OUT_SHOWN:,} more")
        listed += len(mine)  # counted in its own line, listed or not
    if listed < len(items):
        lines.append(f"  ... and {len(items) - listed:,} more (--format json lists all)")
    return lines


def _in_use_text(plan: Plan, in_use: Mapping[str, Use], cwd: str) -> str:
    """What a dry run found in use: a summary line, then each item in the real run's words."""
    moving = len(_moving(plan))
    lines = [f"dry run: of {counted(moving, 'item')} to move, {len(in_use)} would be left "
             "alone now: a running program uses it (stop the program, or fix later; the real "
             "run looks again right before each move)"]
    lines += [_left_alone("!", path, use.reason, cwd) for path, use in in_use.items()]
    return "\n".join(lines) + "\n"


def _left_alone(mark: str, path: str, reason: str, cwd: str) -> str:
    """ "! left alone: .next in use by pid 4242 (node next dev): it has ... open" """
    return f"{mark} left alone: {_shown(path, cwd)} {printable(reason)}"


def _plan_rows(plan: Plan, cwd: str) -> Iterable[tuple[str, ...]]:
    """A row per action; the files of one folder's finding (an ignore rule for each .pyc of
    a package) one row for the folder, where its first file would be."""
    together: dict[tuple[str, str], list[PlannedAction]] = {}
    for action in plan.actions:
        if action.of_folder:
            together.setdefault((action.of_folder, action.code), []).append(action)
    for action in plan.actions:
        if not action.of_folder:
            yield (_shown(action.path, cwd), action.code, _does(action), size(action.bytes),
                   f"{action.files:,}", printable(action.why))
            continue
        mine = together.pop((action.of_folder, action.code), None)
        if mine is None:
            continue  # its folder's row is printed
        yield (_shown(action.of_folder, cwd) + os.sep, action.code, _does(action),
               size(sum(a.bytes for a in mine)), f"{sum(a.files for a in mine):,}",
               printable(action.why))


def _plain_plan(plan: Plan, title: str, cwd: str) -> str:
    """The plan's rows in plain columns (every row, one line each), in one linear pass."""
    rows = list(_plan_rows(plan, cwd))
    names = tuple(name for name, _ in _PLAN_COLUMNS)
    widths = [max(len(name), *(len(row[i]) for row in rows)) for i, name in enumerate(names)]

    def line(cells: tuple[str, ...]) -> str:
        padded = [cell.rjust(w) if justify == "right" else cell.ljust(w)
                  for cell, w, (_, justify) in zip(cells, widths, _PLAN_COLUMNS, strict=True)]
        return " ".join(padded).rstrip()

    return "\n".join([title, line(names), *(line(row) for row in rows)]) + "\n"


def _does(action: PlannedAction) -> str:
    return {ActionKind.TRASH: "to trash", ActionKind.UNTRACK: "untrack + ignore"}.get(
        action.action, action.action.value)


def _moving(plan: Plan) -> list[PlannedAction]:
    """The actions that move bytes (trash, git rm), apart from edits that only hide paths
    (ignore rules, untracking): the same folder trashed and ignored is not twice the space."""
    return [a for a in plan.actions if a.action in (ActionKind.TRASH, ActionKind.GIT_RM)]


def plan_question(plan: Plan) -> str:
    """`tidy fix`'s confirmation, with the same counts as the plan's totals line."""
    moving = _moving(plan)
    extracting, edits = _extracting_and_edits(plan)
    parts = ([f"move {counted(len(moving), 'item')}, {size(sum(a.bytes for a in moving))}, "
              "to tidy's trash"] if moving else [])
    if extracting:
        parts.append(f"extract the data of {counted(extracting, 'module')}")
    if edits:
        parts.append(f"make {counted(edits, 'index or config edit')}")
    return " and ".join(parts) + "?"


def _extracting_and_edits(plan: Plan) -> tuple[int, int]:
    """How many actions extract a data module, and how many edit an index or a config file
    (the rest move bytes): an extraction is neither an edit of git's index nor of a config."""
    extracting = sum(1 for a in plan.actions if a.action is ActionKind.EXTRACT)
    return extracting, len(plan.actions) - len(_moving(plan)) - extracting


def _plan_totals(plan: Plan) -> str:
    moving = _moving(plan)
    extracting, edits = _extracting_and_edits(plan)
    moved = sum(a.bytes for a in moving)
    line = (f"{counted(len(plan.actions), 'item')}: {len(moving)} to move, {size(moved)} in "
            f"{counted(sum(a.files for a in moving), 'file')}")
    linked = sum(min(a.linked_out, a.bytes) for a in moving)
    if linked:  # a pnpm node_modules: mostly links into a store that keeps them
        line += (f" ({size(linked)} of it hard links to files elsewhere: purging the trash "
                 f"frees {size(moved - linked)})")
    if extracting:
        line += f"; {counted(extracting, 'module')} to extract"
    return line + (f"; {counted(edits, 'index or config edit')}" if edits else "")


# -- fix / undo: results ----------------------------------------------------------------------
def result_text(outcomes: Sequence[Outcome], run_id: str, *, cwd: str = "") -> str:
    lines: list[str] = []
    done = [o for o in outcomes if o.status is Status.DONE]
    trashed = [o for o in done if o.action is ActionKind.TRASH]
    untracked = [o for o in done if o.action is ActionKind.UNTRACK]
    other = [o for o in done if o.action not in (ActionKind.TRASH, ActionKind.UNTRACK)]
    if trashed:
        total = sum(o.bytes for o in trashed)
        lines.append(f"moved to trash: {counted(len(trashed), 'item')}, {size(total)} "
                     f"(run {run_id}); run `tidy trash purge` to free the space, "
                     "`tidy undo` to put it back")
    if untracked:
        files = sum(o.files for o in untracked)
        lines.append(f"untracked: {counted(len(untracked), 'path')}, {counted(files, 'file')} "
                     "left on disk and now ignored; commit to make it stick "
                     f"(`tidy undo {run_id}` restores the index)")
    edits = [o for o in other if o.action in (ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE)]
    if len(edits) > _EDITS_LISTED:  # 100,000 stray .pyc under one `*.pyc`: a line per file
        lines += _edits_counted(edits)
        other = [o for o in other
                 if o.action not in (ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE)]
    for outcome in other:
        if outcome.action is ActionKind.GIT_RM:
            lines.append(f"git rm -r: {_shown(outcome.path, cwd)} (files in tidy's trash; "
                         f"commit to make it stick, `tidy undo {run_id}` puts them back)")
            continue
        lines.append(f"{outcome.action.value}: {_shown(outcome.path, cwd)}{_edited(outcome)}")
    lines += _problems(outcomes, cwd)
    if not lines:
        lines.append("nothing changed")
    return "\n".join(lines) + "\n"


_EDITS_LISTED = 50  # ignore / exclude outcomes named one per line; beyond, counted per file


def _edits_counted(edits: Sequence[Outcome]) -> list[str]:
    """`ignore: 100,188 paths (written to .gitignore)`: per action and files written."""
    counts: dict[tuple[str, str], int] = {}
    for outcome in edits:
        key = (outcome.action.value, _edited(outcome))
        counts[key] = counts.get(key, 0) + 1
    return [f"{action}: {counted(n, 'path')}{where}" for (action, where), n in counts.items()]


def _edited(outcome: Outcome) -> str:
    """The files an ignore or exclude rule went to (relative to the repository), so the user
    knows what `git status` will show; other edits name their files elsewhere."""
    if outcome.action not in (ActionKind.IGNORE, ActionKind.EDITOR_EXCLUDE) or not outcome.where:
        return ""
    if outcome.where == "already in place":
        return " (already in place)"
    return f" (written to {printable(outcome.where)})"


def _problems(outcomes: Sequence[Outcome], cwd: str) -> list[str]:
    """A line for each outcome that was not simply done, or done with a note; a reason or
    note shared by several paths (a project's build config refusing each of its 20 data
    modules) is said once, with its paths below it."""
    shared = _shared_reasons(outcomes)
    said: set[tuple[Status, bool, str]] = set()
    lines = []
    for outcome in outcomes:
        if outcome.status is Status.DONE and not outcome.reason:
            continue
        key = (outcome.status, outcome.attention, outcome.reason)
        if key in shared and not outcome.reason.startswith(IN_USE):
            if key not in said:
                said.add(key)
                lines += _shared_block(shared[key], cwd)
            continue
        if outcome.status is Status.DONE:
            lines.append(f"note: {_shown(outcome.path, cwd)}: {outcome.reason}")
            continue
        mark = "!" if outcome.attention else "-"
        if outcome.status is Status.SKIPPED and outcome.reason.startswith(IN_USE):
            lines.append(_left_alone(mark, outcome.path, outcome.reason, cwd))
            continue
        lines.append(f"{mark} {outcome.status.value}: {_shown(outcome.path, cwd)}: "
                     f"{printable(outcome.reason)}")
    return lines


_SHARED_SHOWN = 10  # paths listed under a shared reason; --format json lists each


def _shared_reasons(outcomes: Sequence[Outcome]) -> dict[tuple[Status, bool, str], list[Outcome]]:
    groups: dict[tuple[Status, bool, str], list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.reason:
            groups.setdefault((outcome.status, outcome.attention, outcome.reason),
                              []).append(outcome)
    return {key: mine for key, mine in groups.items() if len(mine) > 1}


def _shared_block(mine: Sequence[Outcome], cwd: str) -> list[str]:
    """ "! skipped, 20 paths: <reason>" (or "note, 23 paths: ...") and the paths, indented."""
    first = mine[0]
    label = ("note" if first.status is Status.DONE else
             f"{'!' if first.attention else '-'} {first.status.value}")
    lines = [f"{label}, {len(mine):,} paths: {printable(first.reason)}"]
    lines += [f"    {_shown(o.path, cwd)}" for o in mine[:_SHARED_SHOWN]]
    if len(mine) > _SHARED_SHOWN:
        lines.append(f"    ... and {len(mine) - _SHARED_SHOWN:,} more (--format json lists "
                     "each)")
    return lines


# What one undone action put back, in the unit undo counts: a file edit is undone per file
# (three ignore rules written to one .gitignore are one edit put back), not per line.
_PUT_BACK = {
    ActionKind.TRASH: ("item from the trash", "items from the trash"),
    ActionKind.GIT_RM: ("removed folder", "removed folders"),
    ActionKind.UNTRACK: ("untracked path", "untracked paths"),
    ActionKind.EXTRACT: ("extracted module", "extracted modules"),
    ActionKind.IGNORE: ("edited ignore file", "edited ignore files"),
    ActionKind.EDITOR_EXCLUDE: ("edited editor settings file", "edited editor settings files"),
}


def _put_back(restored: Sequence[Outcome]) -> str:
    """ "2 items from the trash (311.5 kB), 1 edited ignore file": what came back, by kind."""
    counts: dict[ActionKind, list[Outcome]] = {}
    for outcome in restored:
        counts.setdefault(outcome.action, []).append(outcome)
    parts = []
    for action, done in counts.items():
        one, many = _PUT_BACK.get(action, ("item", "items"))
        part = counted(len(done), one, many)
        moved = sum(o.bytes for o in done)
        parts.append(part + (f" ({size(moved)})" if moved else ""))
    return ", ".join(parts)


def undo_text(result: RunOutcomes, *, cwd: str = "") -> str:
    lines = list(result.notes)
    restored = [o for o in result.outcomes if o.status is Status.DONE]
    if restored:
        lines.append(f"run {result.run_id}: put back {_put_back(restored)}")
    else:
        lines.append(f"run {result.run_id}: nothing was put back")
    lines += _problems(result.outcomes, cwd)
    return "\n".join(lines) + "\n"


def recovered_text(results: Sequence[RunOutcomes], *, cwd: str = "") -> str:
    lines = []
    for result in results:
        counts: dict[str, int] = {}
        for outcome in result.outcomes:
            counts[outcome.reason.split(" (")[0]] = counts.get(outcome.reason.split(" (")[0],
                                                                 0) + 1
        summary = ", ".join(f"{n} {what}" for what, n in counts.items()) or "nothing in flight"
        lines.append(f"tidy: run {result.run_id} was interrupted; resolved from the disk: "
                     f"{summary}. `tidy undo {result.run_id}` rolls it back; `tidy fix` again "
                     "finishes the rest")
        # what was finished needs no note here: only what was not
        lines += _problems([o for o in result.outcomes if o.status is not Status.DONE], cwd)
    return "\n".join(lines) + ("\n" if lines else "")


# What a process does with the item (inuse.Use.how), as the JSON report names it.
_HOLDS = {"open": "file", "cwd": "cwd", "exe": "exe", "maps": "mapping", "watches": "watch",
          "project": "project", "given": "argument", "git": "git-lock"}


def use_json(use: Use | None) -> dict[str, Any] | None:
    """Who uses an item and how (docs/json-report.md, `in_use`); None when nobody does."""
    if use is None:
        return None
    process = use.how != "git"  # a git operation is known by its lock file, not a process
    return {"pid": use.pid if process else None, "program": use.name if process else None,
            "command": use.command if process else None, "holds": _HOLDS[use.how],
            "path": use.where}


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "path": outcome.path, "action": outcome.action.value, "status": outcome.status.value,
        "reason": outcome.reason, "attention": outcome.attention, "bytes": outcome.bytes,
        "files": outcome.files, "where": outcome.where, "code": outcome.code,
        "in_use": use_json(outcome.in_use),
    }


def action_json(action: PlannedAction, use: Use | None = None) -> dict[str, Any]:
    return {
        "path": action.path, "root": action.root, "rel": action.rel, "code": action.code,
        "rule": action.rule, "kind": action.kind, "action": action.action.value,
        "applicability": action.applicability.value, "bytes": action.bytes,
        "disk_bytes": action.disk_bytes, "files": action.files, "why": action.why,
        "regenerate": action.regenerate, "project_activity": action.activity or None,
        "tracked": action.expected.tracked.value, "in_use": use_json(use),
    }


def fix_json(plan: Plan, outcomes: Sequence[Outcome] | None, *, run_id: str | None,
             dry_run: bool, exit_code: int, recovered: Sequence[RunOutcomes] = (),
             warnings: Sequence[str] = (), in_use: Mapping[str, Use] | None = None) -> str:
    """The fix document (tidy/schemas/fix-v1.json); `in_use`: a dry run's look at the live
    processes, by planned path."""
    in_use = in_use or {}
    done = [o for o in outcomes or () if o.status is Status.DONE]
    trashed = [o for o in done if o.action is ActionKind.TRASH]
    document = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "tidy", "version": __version__},
        "command": "fix",
        "dry_run": dry_run,
        "run": run_id,
        "roots": list(plan.roots),
        "plan": {
            "items": len(plan.actions), "bytes": plan.bytes, "files": plan.files,
            "actions": [action_json(a, in_use.get(a.path)) for a in plan.actions],
            "held_in_use": len(in_use),
            "left_out": [{"path": i.path, "code": i.code, "reason": i.reason,
                          "attention": i.attention} for i in plan.left_out],
        },
        "result": None if outcomes is None else {
            "done": len(done),
            "skipped": sum(1 for o in outcomes if o.status is Status.SKIPPED),
            "failed": sum(1 for o in outcomes if o.status is Status.FAILED),
            "moved_to_trash": {"items": len(trashed), "bytes": sum(o.bytes for o in trashed),
                               "files": sum(o.files for o in trashed)},
            "freed_bytes": 0,  # the trash keeps them until `tidy trash purge`
            "outcomes": [outcome_json(o) for o in outcomes],
        },
        "recovered": [{"run": r.run_id, "outcomes": [outcome_json(o) for o in r.outcomes]}
                      for r in recovered],
        "warnings": list(warnings),  # what the scan could not look at (as in scan's report)
        "exit_code": exit_code,
    }
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def run_description(record: RunRecord, now: float | None = None) -> str:
    """`run ID: tidy fix in ROOT, 2026-12-05 10:15 (3h ago)`: what `tidy undo` would revert."""
    roots = ", ".join(printable(r) for r in record.begin.get("roots") or []
                      if isinstance(r, str)) or "?"
    command = record.begin.get("command") or "fix"
    started = record.started
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(started))
    ago = _age((now if now is not None else time.time()) - started)
    return f"run {record.run_id}: tidy {command} in {roots}, {when} ({ago} ago)"


def _left_json(left: Sequence[Stray]) -> list[dict[str, str]]:
    """Items interrupted runs left in the trash that no whole journal line names."""
    return [{"run": s.run_id, "path": s.path} for s in left]


def undo_json(result: RunOutcomes, exit_code: int, left: Sequence[Stray] = (),
              waiting: str | None = None) -> str:
    """The undo's outcomes; `left` as in trash_json; `waiting`: the run not undone because
    it reached outside the folder too (`tidy undo RUN` undoes it), else null."""
    return json.dumps({
        "version": SCHEMA_VERSION, "command": "undo", "run": result.run_id,
        "notes": list(result.notes), "outcomes": [outcome_json(o) for o in result.outcomes],
        "left": _left_json(left), "waiting": waiting, "exit_code": exit_code,
    }, indent=2, ensure_ascii=True) + "\n"


# -- trash list / purge -----------------------------------------------------------------------
def _age(seconds: float) -> str:
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    return f"{int(seconds // 86400)}d"


def trash_text(runs: Sequence[TrashRun], *, now: float | None = None, width: int = 120,
               color: bool = False, left: int = 0) -> str:
    """The runs as a table; `left`: how many items interrupted runs left in the trash that
    no whole journal line names (each named on stderr: commands._strays)."""
    now = now if now is not None else time.time()
    console, buffer = _console(width, color)
    unnamed = (f"still in tidy's trash, named above: {counted(left, 'item')} left by "
               "interrupted runs, which no whole journal line names; tidy neither puts back "
               "nor purges what only a torn line could say") if left else ""
    if not runs:
        console.print(unnamed or "the trash is empty")
        return buffer.getvalue()
    table = _table(color)
    for name, justify in (("run", "left"), ("age", "right"), ("status", "left"),
                          ("items", "right"), ("size", "right"), ("command", "left")):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for run in runs:
        status = run.status.upper() if run.status == "interrupted" else run.status
        table.add_row(run.run_id, _age(now - run.started), status, f"{run.items:,}",
                      size(run.bytes), printable(run.command))
    console.print(table)
    total = sum(r.bytes for r in runs)
    console.print(f"in the trash: {size(total)}; `tidy trash purge` frees it, "
                  "`tidy undo [RUN]` puts a run back")
    if any(r.status == "interrupted" for r in runs):
        console.print("INTERRUPTED runs were killed mid-way and resolved from the disk: "
                      "`tidy undo RUN` rolls one back, `tidy fix` finishes the rest")
    if unnamed:
        console.print(unnamed)
    return buffer.getvalue()


def trash_json(runs: Sequence[TrashRun], left: Sequence[Stray] = ()) -> str:
    """The runs, and (`left`) the items interrupted runs left that no whole line names."""
    return json.dumps({"version": SCHEMA_VERSION, "runs": [{
        "run": r.run_id, "started": r.started, "finished": r.finished, "status": r.status,
        "items": r.items, "bytes": r.bytes, "files": r.files, "command": r.command,
        "locations": list(r.locations), "skipped": r.skipped, "failed": r.failed,
    } for r in runs], "left": _left_json(left)},
        indent=2, ensure_ascii=True) + "\n"


def purge_text(purged: Sequence[Purged], dry_run: bool, caches: Dropped | None = None) -> str:
    dropped = caches.removed if caches is not None else []
    left = caches.left if caches is not None else []
    lines = []
    verb = "would free" if dry_run else "freed"
    # Runs that held nothing (undone ones) are not counted: `tidy trash list` hides them too.
    held = [p for p in purged if p.items or p.bytes]
    if held:
        lines.append(f"{verb} {size(sum(p.bytes for p in held))} from {counted(len(held), 'run')}")
    if dropped:
        verb = "would drop" if dry_run else "dropped"
        lines.append(f"{verb} {counted(len(dropped), 'content cache')}, "
                     f"{size(sum(b for _, b in dropped))}:")
        lines += [f"  {printable(path)}" for path, _ in dropped]
    unfinished = [p for p in purged if p.errors]
    if not lines and unfinished:
        # Part of a run that could not all be deleted: never "nothing to purge" above why.
        lines.append(f"could not delete all of {counted(len(unfinished), 'run')}; what is "
                     "left stays listed (`tidy trash list`) and the next purge tries again:")
    elif not lines:
        lines.append("nothing to purge" + (" (dry run)" if dry_run else ""))
    for item in purged:
        lines += [f"! {item.run_id}: {printable(error)}" for error in item.errors]
    lines += [f"! {printable(path)}: {why}" for path, why in left]
    return "\n".join(lines) + "\n"


def purge_json(purged: Sequence[Purged], dry_run: bool, exit_code: int,
               caches: Dropped | None = None, left: Sequence[Stray] = ()) -> str:
    """The runs purged (or, dry, to purge), the content caches, and (`left`, as in
    trash_json) what interrupted runs left that no whole line names: kept, never purged."""
    dropped = caches.removed if caches is not None else []
    return json.dumps({
        "version": SCHEMA_VERSION, "command": "trash purge", "dry_run": dry_run,
        "freed_bytes": 0 if dry_run else (sum(p.bytes for p in purged)
                                          + sum(b for _, b in dropped)),
        "runs": [{"run": p.run_id, "items": p.items, "bytes": p.bytes, "errors": list(p.errors)}
                 for p in purged],
        "content_caches": {
            "dropped": [{"path": path, "bytes": b} for path, b in dropped],
            "left": [{"path": path, "why": why}
                     for path, why in (caches.left if caches is not None else [])],
        },
        "left": _left_json(left),
        "exit_code": exit_code,
    }, indent=2, ensure_ascii=True) + "\n"


# -- log --------------------------------------------------------------------------------------
def log_text(entries: Sequence[Entry]) -> str:
    if not entries:
        return "the audit log is empty\n"
    lines = []
    for entry in entries:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(entry.get("time", 0))))
        argv = entry.get("argv") or []
        command = " ".join(["tidy", *map(str, argv[1:])]) if isinstance(argv, list) else ""
        what = entry.get("summary") or entry.get("event", "")
        lines.append(f"{when}  {entry.get('run', '')}  {entry.get('event', ''):<6}  "
                     f"{printable(str(what))}  [{printable(command)} in "
                     f"{printable(str(entry.get('cwd', '')))}]")
    return "\n".join(lines) + "\n"


def log_json(entries: Sequence[Entry]) -> str:
    return json.dumps({"version": SCHEMA_VERSION, "entries": list(entries)}, indent=2,
                      ensure_ascii=True) + "\n"
