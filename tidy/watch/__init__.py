"""`tidy watch`: keep a workspace clean as it changes, through the same journal as `tidy fix`.

    observer.py   watchdog's inotify layer (one instance, one thread, selected folders), or
                  watchdog's native recursive observer where the OS offers one (FSEvents, Windows)
    scale.py      the inotify watch budget: which folders to watch, or a periodic rescan
    debounce.py   settle period (Watchman's), coalescing bursts, deferring busy projects
                  (which live process uses an item, right before moving: tidy/workspace/inuse.py,
                  the check `tidy fix` makes too)
    policy.py     [tool.tidy.watch] / the user config: what to do with what a scan finds
    kept.py       what `tidy undo` put back from watch's moves: never moved again (no fighting)
    runner.py     one pass: scan -> policy -> plan -> apply_plan (journal) -> log; the loop
    log.py        the watch log (JSON lines in the state folder)
    status.py     `tidy watch --status`

Data flow: events -> debounce -> pass (a child process: scan of the settled projects ->
policy -> Plan -> apply_plan under a RunJournal("watch")) -> log. `tidy undo` reverts a pass
like any fix run.
"""
