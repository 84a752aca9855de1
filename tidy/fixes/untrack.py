"""The UNTRACK applier: stop tracking a committed cache, keep the files on disk.

`git rm -r --cached -q -- <path>` (the working tree is not touched) plus an anchored rule
in the managed block of the repo's `.gitignore` (tidy.fixes.ignore.managed_block.add_rules), so the
cache does not come back with the next `git add -A`. Always an unsafe fix: it changes what
the next commit contains.

Undo puts the exact index entries back (mode, blob id, path, from `git ls-files -s` taken
before the change, via `git update-index --index-info`; never over entries staged at that
path since, which it leaves as they are and says so), and takes tidy's rule out of
`.gitignore` again (tidy.fixes.edit_restore: later edits are kept). `.gitignore` is edited
under the repository's edit lock, only as a regular file reached without following a link;
when it is not one (a symlink, a FIFO) the path is not untracked at all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from tidy.core.models import ActionKind
from tidy.fixes import ApplySettings, Outcome, Status, edit_restore, skipped
from tidy.fixes.edit_lock import editing
from tidy.fixes.editors.excludes import sha256
from tidy.fixes.ignore.managed_block import add_rules, managed_patterns, read_file
from tidy.fixes.journal import Intent, RunJournal
from tidy.fixes.plan import PlannedAction
from tidy.fixes.recovery import resolve_from_disk
from tidy.workspace import fifo_guard
from tidy.workspace.git import GitUnavailable, git_env, git_executable, repo_state

_ENCODING, _ERRORS = "utf-8", "surrogateescape"
_GLOB_SPECIALS = "\\*?["


def ignore_pattern(rel: str, is_dir: bool) -> str | None:
    """An anchored .gitignore pattern matching exactly `rel`; None if none can (a newline)."""
    if "\n" in rel or "\r" in rel:
        return None
    escaped = "".join("\\" + c if c in _GLOB_SPECIALS else c for c in rel)
    stripped = escaped.rstrip(" ")
    escaped = stripped + "\\ " * (len(escaped) - len(stripped))  # trailing spaces count
    return "/" + escaped + ("/" if is_dir else "")


def _git(repo: str, *args: str, stdin: bytes | None = None) -> bytes:
    try:  # git opens the index and its config with a blocking open(): a FIFO there is let go
        proc = fifo_guard.run([git_executable(), "-C", repo, "--literal-pathspecs", *args],
                              input=stdin, env=git_env(repo))
    except fifo_guard.FifoBlocked as error:
        raise GitUnavailable(str(error)) from None
    if proc.returncode != 0:
        first = proc.stderr.decode("utf-8", "replace").strip().split("\n")[0]
        raise GitUnavailable(first or f"git {args[0]} failed")
    return proc.stdout


def index_entries(repo: str, rel: str) -> list[str]:
    """`git ls-files -s` records at or below `rel`: "<mode> <blob> <stage>\\t<path>"."""
    out = _git(repo, "ls-files", "-s", "-z", "--", rel)
    return [os.fsdecode(r) for r in out.split(b"\0") if r]


def index_busy(repo: str, again: str = "tidy fix") -> str:
    """Why git's index may not be edited now ("" when it may): a rebase, merge, cherry-pick,
    am or bisect git has in progress. An entry taken out now would land in the commit git
    is making for it (a rebase replaying someone's commit), not in one of the user's own."""
    busy = repo_state(repo)
    if not busy:
        return ""
    return (f"{busy}: an index change now would land in the commit git is making for it; "
            f"finish or abort it, then run {again} again")


def tracked_entries(repo: str, rel: str) -> tuple[list[str], str, bool]:
    """The index entries at or below `rel`, or why they cannot be taken out of the index
    now (and whether that needs the user's attention)."""
    busy = index_busy(repo)
    if busy:
        return [], busy, True
    try:
        entries = index_entries(repo, rel)
    except GitUnavailable as error:
        return [], f"git: {error}", True
    if not entries:
        return [], "no longer tracked", False
    if any(e.split(" ", 2)[2].split("\t", 1)[0] != "0" for e in entries):
        return [], "unmerged entries (a merge is in progress)", True
    hidden = _hidden_entries(repo, rel)
    if hidden:
        # `git rm --cached` leaves such an entry in the index, and git status hides the
        # file's edits: the fix would report the folder untracked while it is not, and undo
        # would find it "tracked again".
        return [], (f"{len(hidden)} file(s) marked skip-worktree or assume-unchanged, as "
                    f"{hidden[0]!r} (sparse checkout, or `git update-index`): clear the mark "
                    "first"), True
    return entries, "", False


def _hidden_entries(repo: str, rel: str) -> list[str]:
    """Index entries at or below `rel` with the skip-worktree (`S`) or assume-unchanged
    (a lower-case tag) bit, as `git ls-files -v` shows them."""
    try:
        out = _git(repo, "ls-files", "-v", "-z", "--", rel)
    except GitUnavailable:
        return []  # the caller's own ls-files said what git could not do
    return [os.fsdecode(r[2:]) for r in out.split(b"\0")
            if len(r) > 2 and (r[:1] == b"S" or r[:1].islower())]


def _read(root: str) -> str | None:
    """The repo's .gitignore as text; None when missing. UnsafeFile / IgnoreFileError when
    it is not a regular file tidy may read for an edit."""
    return read_file(root, ".gitignore")


class UntrackApplier:
    kind = ActionKind.UNTRACK

    def apply(self, actions: Sequence[PlannedAction], journal: RunJournal,
              settings: ApplySettings) -> list[Outcome]:
        outcomes = []
        for action in actions:
            with editing(action.root):  # .gitignore: one tidy process at a time
                outcomes.append(self._one(action, journal))
        return outcomes

    def _one(self, action: PlannedAction, journal: RunJournal) -> Outcome:
        def skip(reason: str, attention: bool = True) -> Outcome:
            return skipped(journal, action, self.kind, reason, attention)

        if not action.is_repo:
            return skip("not in a git repository")
        if not action.path.startswith(action.scan_root.rstrip(os.sep) + os.sep):
            return skip("outside the scanned folder")
        pattern = ignore_pattern(action.rel, action.expected.type == "dir")
        if pattern is None:
            return skip("a newline in the name: no ignore rule can match it")
        entries, problem, attention = tracked_entries(action.root, action.rel)
        if problem:
            return skip(problem, attention)
        ignore_file = os.path.join(action.root, ".gitignore")
        try:
            before = _read(action.root)
        except ValueError as error:  # a symlink, a FIFO: no rule can be written there
            return skip(f"the ignore rule cannot be written: {error}")
        before_mtime = os.stat(ignore_file).st_mtime_ns if before is not None else None
        seq = journal.intent(
            "untrack", path=action.path, root=action.root, rel=action.rel, code=action.code,
            kind=action.kind, bytes=action.bytes, files=len(entries), index=entries,
            pattern=pattern, gitignore=ignore_file, gitignore_before=before,
            gitignore_mtime_ns=before_mtime,
        )
        try:
            _git(action.root, "rm", "-r", "--cached", "-q", "--", action.rel)
        except GitUnavailable as error:
            journal.failed(seq, f"git rm --cached: {error}")
            return Outcome(action.path, self.kind, Status.FAILED, f"git rm --cached: {error}",
                           True, code=action.code, run=journal.run_id)
        try:
            add_rules(action.root, [pattern])
            rule_note = ""
        except (OSError, ValueError) as error:
            rule_note = f"untracked, but the ignore rule was not written: {error}"
        try:
            after = _read(action.root)
        except ValueError:
            after = None
        journal.done(seq, gitignore_after=after, warning=rule_note)
        return Outcome(action.path, self.kind, Status.DONE if not rule_note else Status.FAILED,
                       rule_note, bool(rule_note), action.bytes, len(entries),
                       where=f"index of {action.root}; rule {pattern} in .gitignore",
                       code=action.code, run=journal.run_id)

    def undo(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        outcomes = []
        for intent in intents:
            with editing(str(intent.entry["root"])):
                outcomes.append(self._undo_one(intent, journal))
        return outcomes

    def _undo_one(self, intent: Intent, journal: RunJournal) -> Outcome:
        entry = intent.entry
        path, root = str(entry["path"]), str(entry["root"])
        recorded = entry.get("index", [])
        now: list[str] = []
        problem = index_problem(recorded, str(entry["rel"]))
        if problem:
            problem = f"journal entry refused: {problem}; nothing done"
        elif index_busy(root):
            problem = index_busy(root, "tidy undo")
        else:
            try:
                now = index_entries(root, str(entry["rel"]))
            except GitUnavailable as error:
                problem = f"git ls-files: {error}"
            if now and sorted(now) != sorted(recorded):
                # Staged again since (a newer copy `git add`ed): the old entries would
                # replace what the user staged. Left as it is.
                problem = (f"{entry['rel']} is tracked again since ({len(now)} index "
                           "entries now); the index is left as it is")
        if problem:
            journal.write({"op": "undo-fail", "ref": intent.seq, "reason": problem}, sync=True)
            return Outcome(path, self.kind, Status.FAILED, problem, True, run=journal.run_id)
        journal.write({"op": "undo-intent", "ref": intent.seq}, sync=True)
        records = b"".join(os.fsencode(r) + b"\0" for r in recorded)
        try:
            if not now:  # else they are back already (an undo cut short after this step)
                _git(root, "update-index", "-z", "--index-info", stdin=records)
        except GitUnavailable as error:
            journal.write({"op": "undo-fail", "ref": intent.seq, "reason": str(error)}, sync=True)
            return Outcome(path, self.kind, Status.FAILED, f"git update-index: {error}", True,
                           run=journal.run_id)
        note, attention = _restore_ignore_file(intent)
        journal.write({"op": "undo-done", "ref": intent.seq, "warning": note})
        return Outcome(path, self.kind, Status.DONE, note, attention,
                       int(entry.get("bytes", 0)), len(entry.get("index", [])),
                       where=f"index of {root}", run=journal.run_id)

    def recover(self, intents: Sequence[Intent], journal: RunJournal) -> list[Outcome]:
        return resolve_from_disk(intents, journal, self.kind, "untrack", _in_effect)


_INDEX_RECORD = re.compile(r"[0-7]{6} (?:[0-9a-f]{40}|[0-9a-f]{64}) 0\t(.+)", re.DOTALL)


def index_problem(records: object, rel: str) -> str:
    """Why a journal's index records may not go back into the index ("" when they may):
    each must be a `git ls-files -s` record of `rel` or of a path below it, as the untrack
    took them out; an edited one would stage any content at any path of the repo."""
    if not isinstance(records, list):
        return "the index records are not a list"
    for record in records:
        found = _INDEX_RECORD.fullmatch(record) if isinstance(record, str) else None
        if found is None:
            return f"not an index record: {record!r}"
        if not (found[1] == rel or found[1].startswith(rel.rstrip("/") + "/")):
            return f"index record of {found[1]!r}, not of {rel!r}"
    return ""


def _in_effect(intent: Intent) -> bool:
    """For an untrack a kill cut short: did it happen (the entries are out of the index)?
    For an undo a kill cut short: is any of it still in effect: the entries still out, or
    tidy's rule still in .gitignore (the undo puts the entries back first, then takes the
    rule out)?"""
    if not intent.undo_in_flight:
        return _untracked(intent)
    return _untracked(intent) or _rule_still_there(intent)


def _rule_still_there(intent: Intent) -> bool:
    pattern, ignore_file = intent.entry.get("pattern"), intent.entry.get("gitignore")
    if not (isinstance(pattern, str) and pattern and isinstance(ignore_file, str)
            and ignore_file):
        return False
    try:
        current = read_file(os.path.dirname(ignore_file), ".gitignore")
    except ValueError:
        return False
    return current is not None and pattern in managed_patterns(current)


def _untracked(intent: Intent) -> bool:
    """The index entries are gone (git cannot tell: say it did not happen)."""
    entry = intent.entry
    try:
        return not index_entries(str(entry["root"]), str(entry["rel"]))
    except GitUnavailable:
        return not entry.get("index", [])


def _restore_ignore_file(intent: Intent) -> tuple[str, bool]:
    """Take the rule back out of .gitignore; a note when that was not exact (tidy.fixes.
    edit_restore keeps a changed file beside it rather than drop anyone's edit)."""
    entry = intent.entry
    done = intent.last("done") or {}
    ignore_file = str(entry.get("gitignore", ""))
    before, after = entry.get("gitignore_before"), done.get("gitignore_after")
    if not ignore_file or before == after or not isinstance(after, str):
        return "", False
    root = os.path.dirname(ignore_file)
    result = edit_restore.restore(root, ".gitignore", before if isinstance(before, str) else None,
                                  sha256(after), [str(entry.get("pattern", ""))])
    mtime = entry.get("gitignore_mtime_ns")
    if result.done and isinstance(mtime, int) and _read_or_none(root) == before:
        os.utime(ignore_file, ns=(mtime, mtime), follow_symlinks=False)
    return result.note, result.attention or not result.done


def _read_or_none(root: str) -> str | None:
    try:
        return _read(root)
    except ValueError:
        return None

