"""Undoing one config-file edit from what the journal recorded: never fails for good, never
loses an edit.

The journal holds the file's text before tidy's edit, the sha256 of what tidy wrote, and, for
managed-block files (.gitignore, .ignore, the AI-editor ignore files), the patterns tidy
added. What undo finds decides:

- the file as tidy wrote it: the old text goes back (or the file goes, when tidy made it);
- the file gone: the old text goes back from the journal (nothing of anyone's is in the way);
- the file changed since, managed block: only tidy's own lines are taken out of the block
  (tidy.fixes.ignore.managed_block.take_out), when each is still there exactly once, and the block
  markers once the block is empty; every later edit, the user's or another tidy run's, stays
  where it is. This is exact, so it is tried first;
- the file changed since, anything else (settings.json, pyproject.toml, an edited block):
  the changed file is first kept beside it as `<name>.tidy-undo-conflict` (a new name,
  created with O_EXCL and fsync'ed), then the old text goes back, and the outcome asks for
  attention naming that file. Restoring is what `tidy undo` was asked for; keeping the later
  version beside it means no edit is lost, and saying so means none is lost silently.

Refusals stay refusals: a file that became a symlink, a FIFO or sits in a linked folder is
not touched, and the undo says why (it can be run again once that is sorted out).

Every put-back is a compare-and-swap (tidy.core.swap): the file is replaced or removed only
while it is still the very file undo read and judged; a save landing meanwhile makes undo
read it and judge again, so it is never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tidy.core.safe_files import UnsafeFile, create_in_root
from tidy.core.swap import RETRIES, FileChanged, Seen, read_seen, swap_in_root
from tidy.fixes.editors.excludes import sha256
from tidy.fixes.ignore.managed_block import take_out

CONFLICT_SUFFIX = ".tidy-undo-conflict"
_ENCODING, _ERRORS = "utf-8", "surrogateescape"


@dataclass(frozen=True)
class Restored:
    done: bool  # False: nothing was changed, `note` says why
    note: str = ""
    attention: bool = False


def restore(root: str, rel: str, before: str | None, written_sha: str,
            added: Sequence[str] | None = None, before_mtime_ns: int | None = None) -> Restored:
    """Put root/rel back as it was before tidy's edit, as far as that loses nothing. The
    file is replaced only while it is still the one read (tidy.core.swap): one written to
    meanwhile is read again and judged again, up to swap.RETRIES times. Where the old text
    goes back whole, so does `before_mtime_ns`, its modification time then."""
    for _attempt in range(RETRIES):
        try:
            seen = read_seen(root, rel)
        except UnsafeFile as error:
            return Restored(False, f"{error}; undo left it alone", True)
        except OSError as error:
            return Restored(False, f"{rel}: cannot read: {error.strerror or error}", True)
        current = None if seen.data is None else seen.data.decode(_ENCODING, _ERRORS)
        try:
            return _restore(root, rel, current, seen, before, written_sha, added,
                            before_mtime_ns)
        except FileChanged as error:
            if not error.again:
                return Restored(False, f"{error}; undo put nothing back", True)
        except UnsafeFile as error:
            return Restored(False, f"{error}; undo left it alone", True)
        except OSError as error:
            return Restored(False, f"{rel}: {error.strerror or error}", True)
    return Restored(False, f"{rel} kept changing while undo put it back ({RETRIES} tries); "
                    "undo left it as it is (run it again)", True)


def _restore(root: str, rel: str, current: str | None, seen: Seen, before: str | None,
             written_sha: str, added: Sequence[str] | None,
             before_mtime_ns: int | None = None) -> Restored:
    if current is None:
        if before is None:
            return Restored(True)
        _put(root, rel, before, seen, before_mtime_ns)
        return Restored(True, f"{rel} was gone; its old text was put back from the journal")
    if sha256(current) == written_sha:
        _put(root, rel, before, seen, before_mtime_ns)
        return Restored(True)
    if current == before:
        return Restored(True, f"{rel} already holds its text from before tidy's edit")
    if added:
        taken = take_out(current, added)
        if taken is not None:
            _put(root, rel, None if before is None and not taken.strip() else taken, seen)
            return Restored(True, f"{rel} changed after tidy wrote it: only tidy's lines were "
                            "taken out, later edits kept")
    kept = keep_beside(root, rel, current)
    _put(root, rel, before, seen)
    return Restored(True, f"{rel} changed after tidy wrote it: put back as it was before "
                    f"tidy's edit; the changed version is kept in {kept}", True)


def _put(root: str, rel: str, text: str | None, seen: Seen,
         mtime_ns: int | None = None) -> None:
    """root/rel holds `text` (None: removed), only while it is still the file `seen`."""
    swap_in_root(root, rel, None if text is None else text.encode(_ENCODING, _ERRORS), seen,
                 mtime_ns=mtime_ns)


def keep_beside(root: str, rel: str, text: str) -> str:
    """Write `text` to a new `<rel>.tidy-undo-conflict[-N]`; its name (never overwrites)."""
    for n in range(1, 1000):
        name = rel + CONFLICT_SUFFIX + ("" if n == 1 else f"-{n}")
        try:
            create_in_root(root, name, text.encode(_ENCODING, _ERRORS))
        except FileExistsError:
            continue
        return name
    raise OSError(f"{rel}: 999 undo conflict copies already beside it; clean them up first")
