#!/usr/bin/env python3
"""git_cpu_wrapper.py: stands in for `git` on PATH and logs each git's CPU (issue 16, git-27).

    mkdir -p W && ln -sf $PWD/bench/git_cpu_wrapper.py W/git
    PATH=$PWD/W:$PATH GITWRAP_LOG=/tmp/gits.log python -m tidy scan --format json -q TREE
    awk '{s+=$1} END {print NR, s}' /tmp/gits.log    # git processes, their CPU in ms

Runs the real git (GITWRAP_GIT, default /usr/bin/git) as a child and appends one line per
run to GITWRAP_LOG: its user + system CPU in ms (from wait4, microsecond resolution, which
/usr/bin/time's 10 ms cannot give for 1 ms gits) and its command (pathspecs left out). tidy
keys its kept untracked listing on git's path: the first scan through the wrapper lists again.
"""

import os
import sys

real = os.environ.get("GITWRAP_GIT", "/usr/bin/git")
pid = os.fork()
if pid == 0:
    os.execv(real, [real, *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
with open(os.environ.get("GITWRAP_LOG", "/tmp/gitwrap.log"), "a", encoding="utf-8") as log:
    shown = [a for a in sys.argv[1:] if not a.startswith(":(")]
    log.write(f"{(usage.ru_utime + usage.ru_stime) * 1000:.2f} {' '.join(shown[2:7])}\n")
sys.exit(os.waitstatus_to_exitcode(status))
