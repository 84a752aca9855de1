"""tidy's trash: what the TRASH applier (applier.py) moves, undo and recovery put back
(recover.py), `tidy trash` lists and purges (purge.py); where things go is locate.py, how they
move is move.py; what an interrupted run left that no whole journal line names, strays.py.

Where things go (first that is on the same filesystem as the path wins, so the move is one
O(1) rename however many files the folder holds):

1. inside a git repo: <git dir>/tidy/trash/<run-id>/   (never committed, never walked)
2. the per-user state folder: <state>/trash/<run-id>/  (see tidy/core/state.py)
3. `.tidy-trash/<run-id>/` at the top of that filesystem's part of the scanned root. It gets
   a `.gitignore` of `*` (git never lists it, even if the folder later becomes a repo) and a
   CACHEDIR.TAG (backup tools skip it); plans never include anything below it. Undo and
   purge remove it again once it holds no run.
4. none of these: a copy into (1) or (2) (tidy/fixes/fdcopy.py), every entry compared before
   the original is deleted; of the original only what the copy holds, unchanged since the
   copy began (fdops.remove_copied_at: what a build writes there meanwhile stays at home).
   `tidy undo` puts such a copy back around what stayed at home (merge.py): entry by
   entry, never over anything; what differs at home keeps its old version in the trash.
   Refused up front where the original could not be deleted (a read-only filesystem, a
   folder without write permission) and for a path an earlier run already copied but could
   not delete: the trash never fills with copies run after run.

Every step acts on folder descriptors (tidy/fixes/fdops.py): the scan root is opened once
with O_DIRECTORY|O_NOFOLLOW, each folder below it one name at a time; the re-check
(tidy/fixes/recheck.py) runs on those descriptors and the rename uses them. The trash
folders are opened the same way below their anchor (the git dir, the state folder, the scan
root); a symlink where tidy's `tidy/`, `trash/` or a run folder should be is refused, and so
is such a folder (`.tidy-trash/` included) that belongs to another user or that anyone may
write (fdops.open_chain `private`).

Each item lands in <run-id>/<nnnnnn>/<its name>: a folder (or a copy) in a slot of its own,
files moved by rename in slots they share, a name once per slot (locate.SharedSlot). The
journal (tidy/fixes/journal.py) holds the original path; the item keeps its inode, bytes,
modes, mtimes and links, so a rename back restores it exactly. Journals are input, not
trusted: undo, recovery and purge act on an entry only when its paths lie inside its run's
root and one of its run's trash folders (`spot_of`), and then only through descriptors again.
"""
