"""tidy's exit codes (README "Exit codes")."""

EXIT_OK = 0  # nothing over budget; done
EXIT_FAIL = 1  # findings over budget; something needs attention
EXIT_USAGE = 2  # usage or configuration error
EXIT_INTERNAL = 3  # a bug in tidy: one line on stderr, TIDY_DEBUG=1 for the traceback
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as a shell reports it)
