"""The logic behind `tidy fix`, `tidy undo`, `tidy trash list|purge` and `tidy log`.

tidy/cli/ parses arguments and owns the terminal; these functions get an `out` callback
(text for stdout or, with err=True, stderr) and a `confirm` callback, and return the exit
code:

    0  done (or nothing to do); routine skips (a build is writing there, already gone) too
    1  something needs attention: an action failed, or was skipped for a safety reason
       (tracked files inside, a link or another inode where a folder was planned, outside
       the root), or an undo could not put something back
    2  usage: no terminal and no --yes, a refused root (/, the home folder), unknown run
    3  internal error (cli.main turns an exception into this)
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tidy.core.config import Config
from tidy.core.models import Report
from tidy.core.printable import printable
from tidy.core.units import counted
from tidy.fixes import STOPPED, ApplySettings, Outcome, Status
from tidy.fixes import plan as planning
from tidy.fixes.apply import (
    RunOutcomes,
    appliers,
    apply_plan,
    in_scope,
    last_reaching,
    last_undoable,
    recover_interrupted,
    undo_run,
)
from tidy.fixes.journal import (
    JournalError,
    JournalWriteError,
    RunJournal,
    RunRecord,
    audit,
    list_runs,
    read_audit,
    read_run,
    take_notices,
)
from tidy.fixes.plan import mark_since
from tidy.fixes.trash.purge import Purged, TrashRun, purge_run, summarize
from tidy.fixes.trash.strays import Stray, stray_lines, strays_of
from tidy.workspace import cache_registry
from tidy.workspace.git import find_repo_root
from tidy.workspace.inuse import Look, Use

EXIT_OK, EXIT_ATTENTION, EXIT_USAGE = 0, 1, 2

Out = Callable[..., None]  # out(text, err=False)
Confirm = Callable[[str], bool]


class CommandError(ValueError):
    """A usage problem: print the one-line message, exit 2."""


@dataclass(frozen=True)
class FixRequest:
    paths: tuple[str, ...]
    config: Config
    yes: bool = False
    dry_run: bool = False
    diff: bool = False  # a dry run that prints a unified diff of every edit, not the table
    unsafe: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    older_than: float | None = None
    skip_recent: float = 10.0
    output_format: str = "text"
    can_ask: bool = False  # a terminal to confirm on
    width: int = 120
    color: bool = False
    editors: tuple[str, ...] = ()  # exclude files to write for these editors too

    @property
    def changes_nothing(self) -> bool:
        return self.dry_run or self.diff


def _attention(outcomes: Sequence[Outcome], plan: planning.Plan | None = None) -> int:
    """1 when an outcome, or a fix the plan left out, needs the user (README: exit codes)."""
    left = plan is not None and any(item.attention for item in plan.left_out)
    return EXIT_ATTENTION if left or any(o.attention for o in outcomes) else EXIT_OK


def run_fix(request: FixRequest, scan: Callable[[Sequence[str], Config], Report],
            out: Out, confirm: Confirm) -> int:
    for path in request.paths:
        planning.refuse_root(os.path.abspath(path))
    if not (request.changes_nothing or request.yes or request.can_ask):
        raise CommandError("tidy fix changes files: without a terminal to confirm on, pass "
                           "--yes (or --dry-run to only see the plan)")
    # A dry run writes nothing, journals included: runs a kill left half-done are resolved
    # by the next real command.
    recovered = [] if request.changes_nothing else recover_interrupted()
    _notices(out)
    if recovered and request.output_format == "text":
        from tidy.fixes import report

        out(report.recovered_text(recovered, cwd=_cwd()), err=True)
    since = mark_since()  # before the scan reads anything: later writes are "since the plan"
    # The cache may serve this scan: an action it decides (git rm of a vendored library,
    # an extraction) is confirmed from the files themselves before it runs (fixes/confirm).
    config = request.config
    found = scan(request.paths, config)
    # What follows the scan (the report's rich tables, the appliers) loaded only now, or by
    # the scan's caller while its walk waited (cli/fix.py): not before the walk starts.
    from tidy.fixes import report

    plan = planning.build(found, planning.PlanOptions(
        unsafe=request.unsafe, select=request.select, ignore=request.ignore,
        kinds=request.kinds, older_than=request.older_than, actions=tuple(appliers()),
        since_ns=since, catalog=config.catalog(),
    ))
    as_json = request.output_format == "json"
    if not as_json:  # what the scan could not look at is not in the plan either: say why
        for warning in found.warnings:
            out(f"tidy fix: warning: {warning}\n", err=True)
    if request.diff and not as_json:  # JSON: the plan, as a dry run gives it
        from tidy.fixes.preview import plan_diff

        out(plan_diff(plan, _settings(request), cwd=_cwd()))
        return EXIT_OK
    dry = request.changes_nothing
    # A dry run asks the real run's in-use look too: it promises no move the run would refuse.
    held, blind = _in_use_now(plan) if dry else ({}, "")
    if not as_json:
        if blind:
            out(f"tidy fix: note: {blind}\n", err=True)
        out(report.plan_text(plan, cwd=_cwd(), width=request.width, color=request.color,
                             dry_run=dry, in_use=held))
    if dry or not plan.actions:
        code = EXIT_OK if dry else _attention([], plan)
        if as_json:
            out(report.fix_json(plan, None if dry else [], run_id=None, dry_run=dry,
                                exit_code=code, recovered=recovered,
                                warnings=(*found.warnings, *([blind] if blind else [])),
                                in_use=held))
        return code
    if not request.yes and not confirm(report.plan_question(plan)):
        out("nothing changed", err=True)
        return EXIT_OK
    run_id, outcomes, blind = _apply(plan, request)
    _notices(out)
    code = _attention(outcomes, plan)
    if as_json:
        out(report.fix_json(plan, outcomes, run_id=run_id, dry_run=False, exit_code=code,
                            recovered=recovered,
                            warnings=(*found.warnings, *([blind] if blind else []))))
    else:
        if blind:
            out(f"tidy fix: note: {blind}\n", err=True)
        out(report.result_text(outcomes, run_id, cwd=_cwd()))
    return code


def _settings(request: FixRequest) -> ApplySettings:
    return ApplySettings(skip_recent=request.skip_recent, editors=request.editors,
                         config=request.config)


def _apply(plan: planning.Plan, request: FixRequest) -> tuple[str, list[Outcome], str]:
    """The run id, an outcome per action, and why it could not check which programs use
    the items ("" when it could, or moved nothing)."""
    look = Look()
    settings = dataclasses.replace(_settings(request), in_use=look)
    run_id, outcomes = apply_and_record(plan, settings)
    return run_id, outcomes, blind_note(look)


def blind_note(look: Look, dry_run: bool = False) -> str:
    """The one line said when /proc could not be read: the fix went on as before."""
    if not look.blind:
        return ""
    moved = ("a real run would move them" if dry_run else "they were moved")
    return (f"could not check which programs use the items ({look.blind}); {moved} "
            "without that check")


def _in_use_now(plan: planning.Plan) -> tuple[dict[str, Use], str]:
    """A dry run's look at the live processes: the planned moves a real run would leave
    alone now (by path), and why it could not look ("" when it could)."""
    from tidy.fixes.preview import held_in_use

    look = Look()
    held = held_in_use(plan, look)
    return held, blind_note(look, dry_run=True)


def apply_and_record(plan: planning.Plan, settings: ApplySettings,
                     command: str = "fix") -> tuple[str, list[Outcome]]:
    """Apply a confirmed plan as one journaled run (`tidy undo` reverts it) and add it to the
    audit log (`tidy log`) under `command`; the run id and an outcome per action."""
    journal = RunJournal.create(command, plan.roots)
    try:
        outcomes = apply_plan(plan, journal, settings)
        summary = _summary(outcomes)
        journal.end("complete", summary=summary)
    except JournalWriteError as error:
        # The run stops at the first line it cannot write (nothing is done unjournaled); what
        # it did before is journaled, and the next tidy resolves the run from the disk.
        raise JournalWriteError.stopped(error, journal.run_id) from None
    finally:
        journal.close()
    done = [o for o in outcomes if o.status is Status.DONE]
    audit(command, journal.run_id, summary=summary, items=len(done),
          bytes=sum(o.bytes for o in done), files=sum(o.files for o in done),
          skipped=sum(1 for o in outcomes if o.status is Status.SKIPPED),
          failed=sum(1 for o in outcomes if o.status is Status.FAILED),
          roots=list(plan.roots))
    return journal.run_id, outcomes


def _summary(outcomes: Sequence[Outcome]) -> str:
    from tidy.fixes import report

    done = [o for o in outcomes if o.status is Status.DONE]
    skipped = sum(1 for o in outcomes if o.status is Status.SKIPPED)
    failed = sum(1 for o in outcomes if o.status is Status.FAILED)
    stopped = sum(1 for o in outcomes if o.reason == STOPPED)
    return (f"moved/changed {counted(len(done), 'item')}, "
            f"{report.size(sum(o.bytes for o in done))} "
            f"(to trash, not freed); {skipped} skipped, {failed} failed"
            + (f"; stopped before {stopped}" if stopped else ""))


def _notices(out: Out) -> int:
    """Journals set aside as damaged, and the like: one line each, on stderr; how many."""
    notices = take_notices()
    for notice in notices:
        out(notice + "\n", err=True)
    return len(notices)


@dataclass(frozen=True)
class UndoRequest:
    run_id: str | None = None
    # Without a run id: the newest run whose roots lie inside this folder (None: anywhere).
    scope: str | None = None
    force: bool = False  # keep what was edited since beside the restored files
    yes: bool = False
    output_format: str = "text"
    can_ask: bool = False  # a terminal: name the run and ask before acting


def undo_scope(path: str) -> str:
    """The folder `tidy undo` looks in: the repository around `path`, else `path` itself
    (real paths: a fix run records its roots with links resolved)."""
    real = os.path.realpath(path)
    return find_repo_root(real) or real


def run_undo(request: UndoRequest, out: Out, confirm: Confirm) -> int:
    from tidy.fixes import report

    output_format = request.output_format
    recovered = recover_interrupted()
    said = _notices(out)
    if recovered and output_format == "text":
        out(report.recovered_text(recovered, cwd=_cwd()), err=True)
    asking = output_format == "text" and request.can_ask and not request.yes
    record, whole = _undo_target(request, asking)
    if record is None or not (whole or asking):
        said += _notices(out)
        # Items an interrupted run left that no whole line names are never put back (the
        # torn line is not trusted: tidy.fixes.trash.strays): said, never passed over.
        left = _strays(out, strays_of(r for r in list_runs() if in_scope(r, request.scope)))
        waiting = record if isinstance(record, RunRecord) else None
        out((_nothing_to_undo(request.scope) if waiting is None
             else _reaches_outside(waiting, request.scope)) + _left_note(len(left))
            + ("\n" if output_format == "text" else ""), err=True)
        # A journal set aside just now (damaged, another user's, a FIFO in its place) may
        # have been the run the user meant: "nothing to undo" then asks for a look; so
        # does a run that changed this folder and more, left waiting.
        code = EXIT_ATTENTION if said or left or waiting is not None else EXIT_OK
        if output_format == "json":
            out(report.undo_json(RunOutcomes(""), code, left,
                                 waiting.run_id if waiting is not None else None))
        return code
    target = record if isinstance(record, str) else record.run_id
    if asking and not isinstance(record, str):
        out(report.run_description(record) + "\n", err=True)
        if not whole:
            out(f"it reached outside {printable(request.scope or '')} too: what it "
                "changed there is put back as well\n", err=True)
        if not confirm("put back what this run changed?"):
            out("nothing changed\n", err=True)
            return EXIT_OK
    try:
        result = undo_run(target, force=request.force)
    except JournalError as error:
        raise CommandError(str(error)) from None
    finally:
        _notices(out)
    left = _strays(out, _strays_of_run(target))
    # A put-back that kept a changed file beside the restored one is done, but worth a look.
    code = EXIT_ATTENTION if left or any(o.status is not Status.DONE or o.attention
                                         for o in result.outcomes) else 0
    restored = [o for o in result.outcomes if o.status is Status.DONE]
    audit("undo", target, items=len(restored), bytes=sum(o.bytes for o in restored),
          failed=len(result.outcomes) - len(restored),
          summary=f"put back {counted(len(restored), 'item')}, "
                  f"{report.size(sum(o.bytes for o in restored))}")
    out(report.undo_json(result, code, left) if output_format == "json"
        else report.undo_text(result, cwd=_cwd()))
    return code


def _strays_of_run(run_id: str) -> list[Stray]:
    """What the run's trash holds that no whole line of its journal names (none when it
    cannot be read again: undo said why already)."""
    try:
        return strays_of([read_run(run_id)])
    except JournalError:
        return []


def _left_note(left: int) -> str:
    return (f"; still in tidy's trash, named above: {counted(left, 'item')} left by an "
            "interrupted run" if left else "")


def _undo_target(request: UndoRequest, describe: bool) -> tuple[RunRecord | str | None, bool]:
    """The run to undo: the one named (its record when it is to be described: reading it
    first would change which error a bad id gives), else the newest that changed something
    in scope; and whether all of it lies in scope (False: it reached outside too)."""
    if request.run_id is None:
        if request.scope is None:
            return last_undoable(None), True
        return last_reaching(request.scope) or (None, True)
    if not describe:
        return request.run_id, True
    try:
        return read_run(request.run_id), True
    except JournalError as error:
        raise CommandError(str(error)) from None


def _reaches_outside(record: RunRecord, scope: str | None) -> str:
    """Why nothing was undone in `scope`: its newest run reached outside it too (undone
    whole or not at all, and only when asked by its id or on a terminal)."""
    from tidy.fixes import report

    return (f"nothing undone: the newest run that changed {printable(scope or '')} reached "
            f"outside it too: {report.run_description(record)}; `tidy undo {record.run_id}` "
            "puts back all it changed, there and here")


def _nothing_to_undo(scope: str | None) -> str:
    from tidy.fixes import report

    if scope is None:
        return "nothing to undo"
    elsewhere = last_undoable(None)
    line = f"nothing to undo in {printable(scope)}"
    if elsewhere is not None:
        line += (f"; the newest run elsewhere: {report.run_description(elsewhere)} "
                 f"(`tidy undo {elsewhere.run_id}` or `tidy undo --last-anywhere`)")
    return line


def trash_runs(show_all: bool) -> tuple[list[TrashRun], list[Stray]]:
    """The runs to list, and what their trash holds that no whole journal line names."""
    recover_interrupted()
    records = list_runs()
    runs = [summarize(r) for r in records]
    left = strays_of(records)
    if show_all:
        return runs, left
    return [r for r in runs if r.items or r.status in ("running", "interrupted")], left


def _strays(out: Out, left: Sequence[Stray]) -> list[Stray]:
    """Say where each item an interrupted run left unnamed is (stderr); the items."""
    for line in stray_lines(list(left)):
        out(line + "\n", err=True)
    return list(left)


def run_trash_list(output_format: str, show_all: bool, out: Out, width: int = 120,
                   color: bool = False) -> int:
    from tidy.fixes import report

    runs, left = trash_runs(show_all)
    _notices(out)
    _strays(out, left)
    out(report.trash_json(runs, left) if output_format == "json"
        else report.trash_text(runs, width=width, color=color, left=len(left)))
    return EXIT_OK


def run_trash_purge(older_than: float | None, run_ids: Sequence[str], dry_run: bool,
                    yes: bool, can_ask: bool, output_format: str, out: Out,
                    confirm: Confirm) -> int:
    from tidy.fixes import report

    if not dry_run:
        recover_interrupted()
    now = time.time()
    wanted = set(run_ids)
    for run_id in wanted:
        try:
            read_run(run_id, quarantine_damaged=not dry_run)
        except JournalError as error:
            _notices(out)
            raise CommandError(str(error)) from None
    records = list_runs(quarantine_damaged=not dry_run)
    _notices(out)
    # What no whole journal line names is never deleted (tidy.fixes.trash.strays): said.
    left = _strays(out, strays_of(r for r in records if not wanted or r.run_id in wanted))
    summaries = [summarize(record) for record in records]
    chosen = [r for r in summaries
              if r.status not in ("running", "purged")
              and (not wanted or r.run_id in wanted)
              and (older_than is None or now - r.finished >= older_than)]
    # A run another tidy holds (a fix still moving, an undo putting it back) is never
    # purged under it; said, so "nothing to purge" never hides a trash that is not empty.
    held = [r.run_id for r in summaries if r.status == "running"
            and (not wanted or r.run_id in wanted)]
    for run_id in held:
        out(f"left alone: run {run_id} is in use by another tidy process (a fix or an undo "
            "still running); purge it once that ends\n", err=True)
    busy = [run_id for run_id in held if run_id in wanted]  # asked for by name: attention
    # A purge of everything (no run named, no age) drops the content caches too: what scans
    # learnt of files, in the state folder and in the git dirs of the repos tidy scanned.
    caches = cache_registry.drop_all(dry_run=True) if not wanted and older_than is None else None
    if dry_run or not (chosen or (caches is not None and caches.removed)):
        preview = [Purged(r.run_id, r.items, r.bytes, ()) for r in chosen]
        code = EXIT_OK if (caches is None or dry_run or not caches.left) and not busy \
            and not left else EXIT_ATTENTION
        out(report.purge_json(preview, dry_run, code, caches, left) if output_format == "json"
            else report.purge_text(preview, dry_run, caches))
        return code
    total = sum(r.bytes for r in chosen) + (caches.bytes if caches is not None else 0)
    what = counted(len(chosen), "run") + (f" and {counted(len(caches.removed), 'content cache')}"
                                      if caches is not None and caches.removed else "")
    if not yes and can_ask and not confirm(f"delete {report.size(total)} in {what} for good?"):
        out("nothing changed", err=True)
        return EXIT_OK
    purged = []
    for run in chosen:
        try:
            with RunJournal.reopen(run.run_id) as journal:
                purged.append(purge_run(read_run(run.run_id), journal))
        except JournalError as error:
            purged.append(Purged(run.run_id, 0, 0, (str(error),)))
    dropped = cache_registry.drop_all() if caches is not None else None
    _notices(out)
    code = (EXIT_ATTENTION if any(p.errors for p in purged) or busy or left
            or (dropped is not None and dropped.left) else EXIT_OK)
    freed = sum(p.bytes for p in purged)
    summary = f"freed {report.size(freed)} from {counted(len(purged), 'run')}"
    if dropped is not None and dropped.removed:
        summary += (f"; dropped {counted(len(dropped.removed), 'content cache')}, "
                    f"{report.size(dropped.bytes)}")
    audit("purge", ",".join(p.run_id for p in purged), items=sum(p.items for p in purged),
          bytes=freed + (dropped.bytes if dropped is not None else 0), summary=summary)
    out(report.purge_json(purged, False, code, dropped, left) if output_format == "json"
        else report.purge_text(purged, False, dropped))
    return code


def run_log(output_format: str, limit: int | None, out: Out) -> int:
    from tidy.fixes import report

    entries = list(read_audit())
    if limit is not None:
        entries = entries[-limit:] if limit > 0 else []
    out(report.log_json(entries) if output_format == "json" else report.log_text(entries))
    return EXIT_OK


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:
        return ""
