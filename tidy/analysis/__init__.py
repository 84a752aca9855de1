"""Analysis: pure judgements over content the workspace layer has already read (no file I/O,
no subprocesses, no globals): the rules turn their results into findings."""
