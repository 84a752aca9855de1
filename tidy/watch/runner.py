"""One pass of the watch policy, and the watcher loop around it.

A pass: for each target folder (a project whose events settled, or every root):
    busy? (debounce.busy_reason)  -> deferred, looked at again later
    tidy.engine.scan([target])    -> Report
    policy (tidy.watch.policy)    -> PlannedActions: stale bytecode, artifacts of old projects,
                                     the oldest caches over the budget
    apply_plan under RunJournal.create("watch", roots), then the audit log
    the watch log                 -> `tidy watch --status`
so `tidy undo` puts back what a pass moved, exactly as after `tidy fix`.

`tidy watch --once` runs one pass over every root in this process. The watcher runs each pass
in a child process (`python -m tidy.watch.runner`, the request as JSON on stdin): the scan's
memory goes back to the system when the child ends, so the long-running watcher stays small,
and the scan's forked measuring workers start from a single-threaded process.

What persists between passes (<state>/watch-state.json, under <state>/watch-pass.lock so
a cron `--once` and a watcher never run a pass at the same time): the caches seen per repo
(for the budget, which spans a whole root while a pass may rescan one repo) and the big files
already warned about.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from tidy.core import state, stop_signals
from tidy.core.config import Config, ConfigError, for_folder
from tidy.core.config import load as load_settings
from tidy.core.models import Report
from tidy.core.printable import printable
from tidy.core.safe_files import UnsafeFile, open_own_file, read_regular, replace_at
from tidy.fixes import ApplySettings, Outcome, Status
from tidy.fixes.apply import apply_plan, recover_interrupted
from tidy.fixes.journal import JournalWriteError, RunJournal, audit
from tidy.fixes.plan import Plan, PlannedAction, PlanRefused, refuse_root
from tidy.watch import kept as put_back
from tidy.watch import log as watch_log
from tidy.watch import policy as policies
from tidy.watch.debounce import MAX_BACKOFF, Debouncer, Pending, busy_reason
from tidy.watch.policy import WatchPolicy
from tidy.workspace.inuse import GIT_BUSY, IN_USE, Look, project_of


def load_config(start: str, config_path: str | None) -> Config:
    """The settings a pass runs with; a rule code in a file that names no rule is a
    ConfigError here, which the pass reports as a warning for that root."""
    config = load_settings(start, config_path)
    if config.codes_from_files:
        from tidy.rules.registry import check_file_codes

        check_file_codes(config)
    return config


RETRY_REASONS = ("a build may be running", "modified since the plan", "locked by another",
                 IN_USE, GIT_BUSY)


class WatchError(ValueError):
    """A usage problem (a root tidy must not watch, a bad option): exit 2 with this line."""


# -- the pass --------------------------------------------------------------------------------
@dataclass(frozen=True)
class PassRequest:
    roots: tuple[str, ...]
    targets: tuple[str, ...]
    reason: str = "once"
    config_path: str | None = None
    touched: dict[str, list[str]] = field(default_factory=dict)  # target -> folders events hit
    check_busy: bool = True
    overrides: dict[str, Any] = field(default_factory=dict)  # WatchPolicy fields (command line)


@dataclass
class PassResult:
    reason: str
    targets: list[str]
    seconds: float = 0.0
    run_id: str = ""
    done: int = 0
    skipped: int = 0
    failed: int = 0
    bytes: int = 0
    moved: list[str] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)  # targets to look at again after `quiet`
    deferred: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    # Artifacts the policy keeps (too recent), so "moved 0" does not read as "found none".
    left: list[dict[str, str]] = field(default_factory=list)


def _policy_for(config: Config, overrides: dict[str, Any]) -> WatchPolicy:
    policy = policies.load_policy(config)
    return dataclasses.replace(policy, **overrides) if overrides else policy


def run_pass(request: PassRequest) -> PassResult:
    started = time.time()
    result = PassResult(request.reason, list(request.targets))
    with _pass_lock():
        memory = _load_state()
        put_back.learn(memory)  # what `tidy undo` put back since the last pass: left alone
        planned: dict[str, tuple[PlannedAction, str, str]] = {}  # path -> (action, rule, root)
        candidates: dict[str, PlannedAction] = {}
        for target in request.targets:
            _one_target(request, target, memory, planned, candidates, result)
        _leave_put_back(memory, planned, result)
        _budget(request, memory, planned, candidates, result)
        result.left = [item for item in result.left if item["path"] not in planned]
        _apply(request, memory, planned, result)
        _save_state(memory)
    result.seconds = round(time.time() - started, 3)
    watch_log.write("pass", reason=result.reason, targets=result.targets,
                    seconds=result.seconds, run=result.run_id, done=result.done,
                    skipped=result.skipped, failed=result.failed, bytes=result.bytes,
                    deferred=result.deferred, warnings=len(result.warnings))
    return result


def _one_target(request: PassRequest, target: str, memory: dict[str, Any],
                planned: dict[str, tuple[PlannedAction, str, str]],
                candidates: dict[str, PlannedAction], result: PassResult) -> None:
    from tidy import engine

    root = _root_of(target, request.roots)
    escaped = escaped_from(target, request.roots)
    if escaped:
        _warn(result, f"{printable(target)}: {escaped}; left alone")
        return
    try:
        config = load_config(target, request.config_path)
        policy = _policy_for(config, request.overrides)
    except ConfigError as error:
        _warn(result, f"{target}: {error}")
        return
    if request.check_busy:
        # Folders the events hit must have been quiet; without events (--once, periodic) the
        # applier's own check of each path's age is the finer one.
        busy = busy_reason(target, request.touched.get(target, []), policy.quiet,
                           builds=target not in request.roots)
        if busy is not None:
            result.deferred.append(target)
            result.retry.append(target)
            watch_log.write("deferred", path=target, reason=busy.reason, wait=round(busy.wait, 2))
            return
    try:
        report = engine.scan([target], config)
    except ConfigError as error:  # the settings file of a repo below the target
        _warn(result, f"{target}: {error}")
        return
    except (engine.ScanError, OSError) as error:
        if not os.path.lexists(target):  # deleted or renamed since its events: nothing to do
            watch_log.write("gone", path=target)
            return
        _warn(result, f"{target}: scan failed: {error}")
        return
    for group in report.groups:
        try:  # a repo below the target: its own [watch] table, as when it is watched alone
            own = for_folder(config, group.root)
            own_policy = policy if own is config else _policy_for(own, request.overrides)
        except ConfigError as error:
            _warn(result, f"{group.root}: {error}")
            continue
        _per_project(dataclasses.replace(report, groups=(group,)), own, own_policy, root,
                     memory, planned, result)
    # The cache budget is the watched folder's: one budget over every project below it.
    _remember_caches(memory, root, target, report,
                     policies.cache_candidates(report, policy, config), candidates)


def _per_project(report: Report, config: Config, policy: WatchPolicy, root: str,
                 memory: dict[str, Any], planned: dict[str, tuple[PlannedAction, str, str]],
                 result: PassResult) -> None:
    """The policies one project (a group of the report) decides for itself."""
    for action in policies.stale_bytecode_plan(report, policy).actions:
        planned.setdefault(action.path, (action, "stale-bytecode", root))
    old_artifacts = policies.old_artifacts_plan(report, policy, config)
    for action in old_artifacts.actions:
        planned.setdefault(action.path, (action, "old-artifact", root))
    result.left += [{"path": item.path, "rule": "old-artifact", "reason": item.reason}
                    for item in old_artifacts.left_out]
    if policy.stale_bytecode == "report":
        for group in report.groups:
            for finding in group.findings:
                if finding.code == "TDY103":
                    _warn(result, f"{os.path.join(group.root, finding.path)}: {finding.message}")
    _big_files(report, policy, memory, result)


def _leave_put_back(memory: dict[str, Any],
                    planned: dict[str, tuple[PlannedAction, str, str]],
                    result: PassResult) -> None:
    """Never move again what the user put back from an earlier pass (tidy/watch/kept.py)."""
    for path, (_action, rule, _root) in list(planned.items()):
        why = put_back.why_left(memory, path)
        if why:
            del planned[path]
            result.left.append({"path": path, "rule": rule, "reason": why})


def _root_of(target: str, roots: Sequence[str]) -> str:
    inside = [r for r in roots if target == r or target.startswith(r.rstrip(os.sep) + os.sep)]
    return max(inside, key=len) if inside else target


def _warn(result: PassResult, message: str, **payload: Any) -> None:
    result.warnings.append(message)
    watch_log.write("warning", message=message, **payload)


# -- the cache budget ------------------------------------------------------------------------
def _remember_caches(memory: dict[str, Any], root: str, target: str, report: Report,
                     found: Sequence[PlannedAction],
                     candidates: dict[str, PlannedAction]) -> None:
    """Replace what is known about caches below `target` with what this scan found."""
    known: dict[str, list[list[Any]]] = memory.setdefault("caches", {}).setdefault(root, {})
    for group_root in [g for g in known if _inside(g, target) or _inside(target, g)]:
        kept = [c for c in known[group_root] if not _inside(c[0], target)]
        if kept:
            known[group_root] = kept
        else:
            del known[group_root]
    for action in found:
        known.setdefault(action.root, []).append(
            [action.path, action.bytes, action.expected.newest_mtime])
        candidates[action.path] = action


def _budget(request: PassRequest, memory: dict[str, Any],
            planned: dict[str, tuple[PlannedAction, str, str]],
            candidates: dict[str, PlannedAction], result: PassResult) -> None:
    for root in request.roots:
        try:
            config = load_config(root, request.config_path)
            policy = _policy_for(config, request.overrides)
        except ConfigError as error:
            _warn(result, f"{root}: {error}")
            continue
        if policy.cache_budget is None:
            continue
        known = memory.get("caches", {}).get(root, {})
        entries = [(path, group, size, newest) for group, items in known.items()
                   for path, size, newest in items
                   if path not in planned and not put_back.why_left(memory, path)]
        entries.sort(key=lambda e: (e[3], -e[2], e[0]))
        total = sum(e[2] for e in entries)
        if total <= policy.cache_budget:
            continue
        chosen, remaining = [], total
        for entry in entries:
            if remaining <= policy.cache_budget:
                break
            chosen.append(entry)
            remaining -= entry[2]
        watch_log.write("budget", root=root, total=total, budget=policy.cache_budget,
                        evicting=len(chosen), after=remaining)
        fresh = _fresh_actions(root, chosen, candidates, config, policy)
        for path, _group, _size, _newest in chosen:
            action = fresh.get(path)
            if action is not None:
                planned.setdefault(path, (action, "cache-budget", root))


def _fresh_actions(root: str, chosen: Sequence[tuple[str, str, int, float]],
                   candidates: dict[str, PlannedAction], config: Config,
                   policy: WatchPolicy) -> dict[str, PlannedAction]:
    """PlannedActions for the chosen caches: from this pass's scans, else a scan of their repo
    (remembered from an earlier pass: scanned only while it is still a folder inside `root`,
    reached without a link; a repo swapped for a link since is never followed)."""
    from tidy import engine

    fresh = {path: candidates[path] for path, *_ in chosen if path in candidates}
    for group in sorted({g for path, g, *_ in chosen if path not in fresh}):
        if escaped_from(group, [root]):
            continue
        with contextlib.suppress(engine.ScanError, OSError):
            report = engine.scan([group], config)
            for action in policies.cache_candidates(report, policy, config):
                if _inside(action.path, root):
                    fresh.setdefault(action.path, action)
    return fresh


# -- applying --------------------------------------------------------------------------------
def _apply(request: PassRequest, memory: dict[str, Any],
           planned: dict[str, tuple[PlannedAction, str, str]], result: PassResult) -> None:
    look = Look()
    chosen = _not_in_use(_outermost(planned), planned, request, result, look)
    if not chosen:
        return
    journal = RunJournal.create("watch", request.roots,
                                argv=["tidy", "watch", f"--{request.reason}", *request.roots])
    outcomes: list[tuple[Outcome, str]] = []
    try:
        by_root: dict[str, list[PlannedAction]] = {}
        for path in chosen:
            action, _rule, root = planned[path]
            by_root.setdefault(root, []).append(action)
        for root, actions in by_root.items():
            quiet = _quiet_for(root, request)
            plan = Plan(request.roots, tuple(actions), created=time.time())
            settings = ApplySettings(skip_recent=quiet, in_use=look)
            for outcome in apply_plan(plan, journal, settings):
                outcomes.append((outcome, planned[outcome.path][1]))
        journal.end("complete", summary=_summary(outcomes))
    except JournalWriteError as error:  # a full disk: the pass stops, what it did is journaled
        raise JournalWriteError.stopped(error, journal.run_id) from None
    finally:
        journal.close()
    result.run_id = journal.run_id
    _record(outcomes, memory, result, request)
    if result.done:
        put_back.remember_run(memory, journal.run_id)
    done = [o for o, _ in outcomes if o.status is Status.DONE]
    if done:
        audit("watch", journal.run_id, summary=_summary(outcomes), items=len(done),
              bytes=sum(o.bytes for o in done), files=sum(o.files for o in done),
              skipped=result.skipped, failed=result.failed, roots=list(request.roots))


def _not_in_use(chosen: list[str], planned: dict[str, tuple[PlannedAction, str, str]],
                request: PassRequest, result: PassResult, look: Look) -> list[str]:
    """The chosen paths no live process uses (tidy/workspace/inuse.py); the others are
    skipped, and their project (not the whole watched folder) is looked at again later. The
    applier asks the same look again right before each move (no second read of /proc)."""
    if not chosen:
        return chosen
    free = []
    for path in chosen:
        action, rule, _root = planned[path]
        project = project_of(path, action.root, action.is_repo)
        escaped = escaped_from(action.scan_root, request.roots)
        use = None if escaped else look.users.use_of(path, project)
        reason = escaped or (use.watch_reason if use is not None else "")
        if not reason:
            free.append(path)
            continue
        entry = {"path": path, "rule": rule, "code": action.code, "status": "skipped",
                 "reason": reason, "bytes": 0, "files": 0, "run": "", "where": ""}
        result.actions.append(entry)
        watch_log.write("action", **entry)
        result.skipped += 1
        if not escaped:
            result.retry.append(project)
    if look.blind:  # said in the log, not as a warning: on macOS it would be every pass
        watch_log.write("note", message="could not check which programs use what this pass "
                        f"moves: {look.blind}")
    result.retry = sorted(set(result.retry))
    return free


def _quiet_for(root: str, request: PassRequest) -> float:
    try:
        return _policy_for(load_config(root, request.config_path), request.overrides).quiet
    except ConfigError:
        return WatchPolicy().quiet


def _outermost(planned: dict[str, tuple[PlannedAction, str, str]]) -> list[str]:
    """Each path once: a path inside another planned folder goes with it."""
    kept: list[str] = []
    for path in sorted(planned, key=lambda p: p.split(os.sep)):
        if kept and _inside(path, kept[-1]):
            continue
        kept.append(path)
    return kept


def _record(outcomes: Sequence[tuple[Outcome, str]], memory: dict[str, Any],
            result: PassResult, request: PassRequest) -> None:
    for outcome, rule in outcomes:
        entry = {"path": outcome.path, "rule": rule, "code": outcome.code,
                 "status": outcome.status.value, "reason": outcome.reason,
                 "bytes": outcome.bytes, "files": outcome.files, "run": outcome.run,
                 "where": outcome.where}
        result.actions.append(entry)
        watch_log.write("action", **entry)
        if outcome.status is Status.DONE:
            result.done += 1
            result.bytes += outcome.bytes
            result.moved.append(outcome.path)
            _forget_cache(memory, outcome.path)
        elif outcome.status is Status.SKIPPED:
            result.skipped += 1
            if any(r in outcome.reason for r in RETRY_REASONS):
                result.retry.append(_unit_of(outcome.path, request.targets))
        else:
            result.failed += 1
    result.retry = sorted(set(result.retry))


def _unit_of(path: str, targets: Sequence[str]) -> str:
    inside = [t for t in targets if _inside(path, t)]
    return max(inside, key=len) if inside else path


def _forget_cache(memory: dict[str, Any], path: str) -> None:
    for groups in memory.get("caches", {}).values():
        for group, items in list(groups.items()):
            groups[group] = [c for c in items if not _inside(c[0], path)]


def _summary(outcomes: Sequence[tuple[Outcome, str]]) -> str:
    done = [o for o, _ in outcomes if o.status is Status.DONE]
    moved = sum(o.bytes for o in done)
    skipped = sum(1 for o, _ in outcomes if o.status is Status.SKIPPED)
    failed = sum(1 for o, _ in outcomes if o.status is Status.FAILED)
    return (f"watch moved {len(done)} item(s), {moved:,} bytes, to the trash; "
            f"{skipped} skipped, {failed} failed")


# -- big files -------------------------------------------------------------------------------
def _big_files(report: Report, policy: WatchPolicy, memory: dict[str, Any],
               result: PassResult) -> None:
    if policy.big_file is None:
        return
    warned: dict[str, int] = memory.setdefault("warned", {})
    found = policies.tracked_big_files(report, policy)
    for group in report.groups:
        if group.is_repo:
            found += [(p, s, ) for p, s in _untracked_big(group.root, policy.big_file)]
    for path, size in found:
        before = warned.get(path)
        if before is not None and before <= size < 2 * before:
            continue  # said once; said again when it has doubled (a log grows all day)
        warned[path] = size
        _warn(result, f"{path}: a big file ({size:,} bytes) where git would add it",
              path=path, bytes=size, kind="big-file")


def _untracked_big(repo: str, limit: int) -> Iterator[tuple[str, int]]:
    """Files git would add with `git add -A` (untracked, not ignored) of `limit` bytes or more."""
    from tidy.workspace.git import GitUnavailable, run_git, split_z

    try:
        listed = split_z(run_git(repo, "ls-files", "-z", "--others", "--exclude-standard"))
    except (GitUnavailable, OSError):
        return
    for rel in listed:
        path = os.path.join(repo, rel)
        with contextlib.suppress(OSError):
            size = os.lstat(path).st_size
            if size >= limit:
                yield path, size


# -- state between passes --------------------------------------------------------------------
def _state_path() -> str:
    return os.path.join(state.state_dir(), "watch-state.json")


def _own_file(name: str) -> int:
    """<state>/name, one of the watcher's locks: a regular file (never through a link,
    never a FIFO that would hang the pass); WatchError, one line, otherwise."""
    path = os.path.join(state.ensure_dir(state.state_dir()), name)
    try:
        return open_own_file(path)
    except UnsafeFile as error:
        raise WatchError(f"{error}: tidy's state files are only regular files; remove it") \
            from None
    except OSError as error:  # a read-only state disk, a folder not the user's: not its kind
        raise WatchError(f"cannot open {printable(path)}: {error.strerror}; set "
                         "TIDY_STATE_DIR to a folder you may write") from None


@contextlib.contextmanager
def _pass_lock() -> Iterator[None]:
    fd = _own_file("watch-pass.lock")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _load_state() -> dict[str, Any]:
    try:  # only a regular file, never a link or a FIFO: anything else starts afresh
        data = read_regular(_state_path())
        loaded = json.loads(data) if data is not None else {}
    except (OSError, ValueError):
        return {}
    return _sane_state(loaded) if isinstance(loaded, dict) else {}


def _sane_state(loaded: dict[str, Any]) -> dict[str, Any]:
    """The state as tidy writes it, whatever the file held: entries of the wrong shape are
    dropped (they ended each pass in an internal error, so the watcher never cleaned again),
    and so is a remembered cache outside the watched folder it is filed under (it made the
    budget move caches anywhere). Its repo may be above the watched folder (`tidy watch
    ~/code/mono/packages`). What kept.py keeps it checks itself."""
    memory: dict[str, Any] = {key: loaded[key] for key in ("runs", "kept") if key in loaded}
    caches: dict[str, dict[str, list[list[Any]]]] = {}
    for root, groups in _items(loaded.get("caches")):
        for group, items in _items(groups):
            kept_items = [list(item) for item in items
                          if _cache_entry(item, group) and _inside(item[0], root)] \
                if isinstance(items, list) else []
            if kept_items:
                caches.setdefault(root, {})[group] = kept_items
    memory["caches"] = caches
    memory["warned"] = {path: size for path, size in _items(loaded.get("warned"))
                        if isinstance(size, int) and not isinstance(size, bool)}
    return memory


def _items(value: Any) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in value.items() if isinstance(k, str) and os.path.isabs(k)] \
        if isinstance(value, dict) else []


def _cache_entry(item: Any, group: str) -> bool:
    return (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
            and os.path.normpath(item[0]) == item[0]  # no `..` to climb out with
            and _inside(item[0], group) and item[0] != group
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in item[1:]))


def _save_state(memory: dict[str, Any]) -> None:
    """Replaced in one rename inside the state folder (a new temp file of tidy's own: a link
    at the name is replaced, never written through)."""
    data = json.dumps(memory, separators=(",", ":")).encode("utf-8")
    folder = os.open(state.ensure_dir(state.state_dir()),
                     os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        replace_at(folder, os.path.basename(_state_path()), data, 0o600)
    finally:
        os.close(folder)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def escaped_from(path: str, roots: Sequence[str]) -> str:
    """Why a pass must not act at `path` by its name, or "": it is outside every watched
    folder, or reaching it now goes through a symlink (the watched folder, or a project in
    it, swapped for a link since: its name leads elsewhere, and tidy never follows it).
    Watched folders are resolved once, when watching starts (check_roots)."""
    if not any(_inside(path, root) for root in roots):
        return "outside every watched folder"
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return "cannot be resolved"
    if real != path:
        return f"reached through a symlink now (it leads to {printable(real)}): never followed"
    return ""


# -- entry points ----------------------------------------------------------------------------
def result_json(result: PassResult) -> str:
    """`tidy watch --once --format json`."""
    return json.dumps(dataclasses.asdict(result), indent=2) + "\n"


_LEFT_SHOWN = 10  # artifacts kept for their age, listed in the text; JSON lists every one


def describe(result: PassResult) -> str:
    """The text `tidy watch --once` prints."""
    lines = [f"tidy watch --once: {len(result.targets)} folder(s) in {result.seconds:.1f}s: "
             f"moved {result.done} item(s), {result.bytes:,} bytes, to the trash; "
             f"skipped {result.skipped}, failed {result.failed}"]
    for action in result.actions:
        why = f" ({action['reason']})" if action["reason"] else ""
        lines.append(f"  {action['status']:<7} {action['rule']:<15} {action['path']}{why}")
    lines += [f"  {'left':<7} {item['rule']:<15} {item['path']} ({item['reason']})"
              for item in result.left[:_LEFT_SHOWN]]
    if len(result.left) > _LEFT_SHOWN:
        lines.append(f"  ... and {len(result.left) - _LEFT_SHOWN} more left "
                     "(--format json lists all)")
    lines += [f"  deferred {path}: busy" for path in result.deferred]
    lines += [f"  warning: {message}" for message in result.warnings]
    if result.done:
        lines.append(f"undo: tidy undo {result.run_id}")
    return _one_per_line(lines)


def _one_per_line(lines: Sequence[str]) -> str:
    """Each line as it is, but a newline (or other control character, or a byte that is
    not UTF-8) in a path or a reason escaped: one line is one action."""
    from tidy.core.printable import printable

    return "".join(printable(line) + "\n" for line in lines)


def check_roots(paths: Sequence[str]) -> tuple[str, ...]:
    roots = []
    for path in paths:
        absolute = os.path.abspath(path)
        if not os.path.isdir(absolute):
            raise WatchError(f"{path}: not a folder")
        real = os.path.realpath(absolute)
        try:
            refuse_root(real)
        except PlanRefused as error:
            raise WatchError(str(error).replace("fix", "watch")) from None
        roots.append(real)
    return tuple(dict.fromkeys(roots))


def run_once(roots: Sequence[str], config_path: str | None = None,
             overrides: dict[str, Any] | None = None) -> PassResult:
    """`tidy watch --once`: one pass over every root, here (for cron and tests)."""
    for root in roots:  # a broken policy is a usage error (exit 2), not a warning
        _policy_for(load_config(root, config_path), overrides or {})
    recover_interrupted()
    return run_pass(PassRequest(tuple(roots), tuple(roots), "once", config_path,
                                overrides=overrides or {}))


def run_child_pass(request: PassRequest, timeout: float = 3600) -> PassResult:
    """One pass in a fresh interpreter; its result comes back as JSON on stdout."""
    payload = json.dumps(dataclasses.asdict(request))
    proc = subprocess.run([sys.executable, "-m", "tidy.watch.runner"], input=payload,
                          capture_output=True, text=True, timeout=timeout, check=False,
                          cwd="/", start_new_session=True)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        result = PassResult(request.reason, list(request.targets))
        _warn(result, f"pass failed (exit {proc.returncode}): {last}")
        return result
    data = json.loads(proc.stdout)
    return PassResult(**data)


def _child_main() -> int:
    data = json.loads(sys.stdin.read())
    data["roots"], data["targets"] = tuple(data["roots"]), tuple(data["targets"])
    result = run_pass(PassRequest(**data))
    sys.stdout.write(json.dumps(dataclasses.asdict(result)))
    return 0


# -- the watcher -----------------------------------------------------------------------------
@dataclass
class WatchOptions:
    roots: tuple[str, ...]
    config_path: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    mode: str | None = None  # force a mode (scale.MODES)
    max_watches: int | None = None
    initial_pass: bool = True
    max_seconds: float | None = None  # stop after this long (tests, benchmarks)


class Watcher:
    def __init__(self, options: WatchOptions, say: Any = None) -> None:
        from tidy.watch import scale

        self.options = options
        self.say = say or (lambda text: None)
        self.config = load_config(options.roots[0], options.config_path)
        self.policy = _policy_for(self.config, options.overrides)
        catalog = self.config.catalog()
        self.catalog = catalog
        self.layout = scale.survey(options.roots, catalog, self.config.cross_filesystems)
        limits = scale.read_limits()
        self.plan = scale.choose(self.layout, limits, self.policy.rescan_every,
                                 options.max_watches or self.policy.max_watches, options.mode)
        self.debouncer = Debouncer(self.layout.units, options.roots, self.policy.settle,
                                   ignore=[state.state_dir()])
        self.stop_event = threading.Event()
        self.passes = 0
        self._retries: dict[str, int] = {}  # target -> passes in a row that left it busy

    def _is_artifact(self, folder: str, name: str) -> bool:
        """Whether the new folder `name` in `folder` is a catalogued cache or output: by its
        name, or (a folder moved in whole, a venv made) by a file inside or a config beside
        it that confirms a kind of any name, as the scan judges it."""
        path = os.path.join(folder, name)
        # The parent is listed only when the folder may be of a kind: a lstat per declaring
        # config decides it first, as a new folder in a big project is mostly of none.
        configs = {f for f in self.catalog.declaring_files
                   if os.path.lexists(os.path.join(folder, f))}
        try:
            inside = set(os.listdir(path))
            if not (self.catalog.dir_candidates(name)
                    or self.catalog.may_be_unnamed_kind(configs, inside)):
                return False
            siblings = set(os.listdir(folder))
        except OSError:
            return False
        return self.catalog.classify_dir(path, name, siblings, inside) is not None

    def run(self) -> int:
        from tidy.watch.observer import make_observer

        observer = make_observer(self.plan, self.debouncer, self._is_artifact)
        lock_fd = _hold_watch_lock()
        try:
            observer.start()
            self._started(observer)
            if self.options.initial_pass:
                self._pass(list(self.options.roots), "start", {})
            self._loop(observer)
        finally:
            observer.stop()
            watch_log.write("stop", pid=os.getpid(), passes=self.passes,
                            events=self.debouncer.events_total)
            os.close(lock_fd)
        return 0

    def _started(self, observer: Any) -> None:
        description = self.plan.describe()
        watch_log.write("start", pid=os.getpid(), roots=list(self.options.roots),
                        mode=self.plan.mode, description=description,
                        watches=observer.watches, limit=self.plan.limit,
                        budget=self.plan.budget, settle=self.policy.settle,
                        quiet=self.policy.quiet, units=len(self.layout.units),
                        project_dirs=len(self.layout.project_dirs),
                        caches=len(self.layout.caches))
        self.say(f"tidy watch: {description}")
        if getattr(observer, "exhausted", False):
            self._degraded(observer)

    def _degraded(self, observer: Any) -> None:
        message = (f"the watch budget ran out at {observer.watches:,} watches: folders beyond "
                   "it are covered by the periodic rescan")
        watch_log.write("mode", mode=self.plan.mode, degraded=True, message=message)
        self.say(f"tidy watch: {message}")

    def _loop(self, observer: Any) -> None:
        started = time.monotonic()
        next_rescan = started + self.plan.rescan_every
        warned_exhausted = getattr(observer, "exhausted", False)
        while not self.stop_event.is_set():
            now = time.monotonic()
            if self.options.max_seconds is not None and now - started >= self.options.max_seconds:
                return
            due = self.debouncer.next_due()
            timeout = next_rescan - now if due is None else min(due, next_rescan - now)
            if self.options.max_seconds is not None:
                timeout = min(timeout, self.options.max_seconds - (now - started))
            if timeout > 0:
                self.debouncer.wait(min(timeout, 60.0) if due is None else timeout + 0.01)
            if self.stop_event.is_set():
                return
            if not warned_exhausted and getattr(observer, "exhausted", False):
                warned_exhausted = True
                self._degraded(observer)
            if time.monotonic() >= next_rescan:
                next_rescan = time.monotonic() + self.plan.rescan_every
                self._pass(list(self.options.roots), "periodic", {})
                continue
            ready = self.debouncer.take_ready()
            if ready:
                self._settled(ready)

    def _settled(self, ready: list[Pending]) -> None:
        targets, touched, again = [], {}, []
        for pending in ready:
            # The files the events named too: appending to a file (a log) changes no
            # folder's time, and each close was a pass of its own, seconds apart.
            written = set(pending.touched) | set(pending.paths)
            busy = busy_reason(pending.unit, written or {pending.unit}, self.policy.quiet,
                               builds=pending.unit not in self.options.roots)
            if busy is not None:
                pending.deferrals += 1
                wait = busy.backoff(pending.deferrals)
                if pending.deferrals & (pending.deferrals - 1) == 0:  # 1st, 2nd, 4th, 8th ...
                    watch_log.write("deferred", path=pending.unit, reason=busy.reason,
                                    wait=round(wait, 2), events=pending.events,
                                    times=pending.deferrals)
                again.append((pending, wait))
                continue
            targets.append(pending.unit)
            touched[pending.unit] = sorted(written)
        for pending, wait in again:
            self.debouncer.defer(pending, wait)
        if targets:
            events = sum(p.events for p in ready if p.unit in targets)
            self._pass(_without_nested(targets), "events", touched, events)

    def _pass(self, targets: list[str], reason: str, touched: dict[str, list[str]],
              events: int = 0) -> None:
        request = PassRequest(self.options.roots, tuple(targets), reason,
                              self.options.config_path, touched, True, self.options.overrides)
        result = run_child_pass(request)
        self.passes += 1
        # tidy's own moves make events in the parents: they are not news.
        self.debouncer.discard_own(result.moved)
        self.debouncer.suppress(result.moved, self.policy.settle * 3 + 1)
        self._look_again(targets, result.retry)
        if result.done or result.warnings or result.deferred:
            self.say(f"tidy watch: {reason} pass over {len(targets)} folder(s)"
                     f"{f' ({events:,} events)' if events else ''}: moved {result.done}, "
                     f"skipped {result.skipped}, deferred {len(result.deferred)}, "
                     f"{len(result.warnings)} warning(s)"
                     + (f"; `tidy undo {result.run_id}` reverts it" if result.done else ""))


    def _look_again(self, targets: list[str], retry: list[str]) -> None:
        """Busy items' projects come back after `quiet`, then later and later while they stay
        busy (a dev server holding node_modules open all day costs a look every 5 min)."""
        for target in targets:
            if target not in retry:
                self._retries.pop(target, None)
        if len(self._retries) > 10_000:
            self._retries.clear()
        for target in retry:
            tries = self._retries[target] = self._retries.get(target, 0) + 1
            wait = min(self.policy.quiet * 2.0 ** (tries - 1), MAX_BACKOFF)
            self.debouncer.defer(Pending(target, time.monotonic(), time.monotonic()), wait)


def _without_nested(targets: list[str]) -> list[str]:
    kept: list[str] = []
    for target in sorted(targets, key=lambda p: p.split(os.sep)):
        if not kept or not _inside(target, kept[-1]):
            kept.append(target)
    return kept


def _hold_watch_lock() -> int:
    """An flock on <state>/watch.lock for as long as this watcher runs (see status.py)."""
    fd = _own_file(os.path.basename(watch_log.lock_path()))
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError as error:  # a full state disk: was an internal error (exit 3)
        os.close(fd)
        raise WatchError(f"cannot write {printable(watch_log.lock_path())}: {error.strerror}; "
                         "free some space on its filesystem (or set TIDY_STATE_DIR)") from None
    return fd


def watch(options: WatchOptions, say: Any = None) -> int:
    recover_interrupted()
    watcher = Watcher(options, say)

    def stop(signum: int, _frame: object) -> None:
        # The pass in progress (a child of its own session: a Ctrl-C at the terminal does
        # not reach it) finishes, the log says `stop`; then the process ends by the signal
        # as every tidy command does (tidy/__main__.py: 130, 143, 129 in a shell, a script's
        # loop stops; systemd counts a service ended by SIGTERM as stopped cleanly). Trust
        # round 11: it answered 0, as if its --stop-after time had come.
        stop_signals.note(signum)
        watcher.stop_event.set()
        watcher.debouncer.wake()

    if threading.current_thread() is threading.main_thread():
        for signum in stop_signals.STOP_SIGNALS:
            if signal.getsignal(signum) is not signal.SIG_IGN:  # `nohup`: stays ignored
                signal.signal(signum, stop)
    return watcher.run()


if __name__ == "__main__":
    sys.exit(_child_main())
