#!/bin/bash
# ab_git_children.sh PY_A PY_B TREE ROUNDS: the git processes a warm scan starts and their CPU
# (bench/git_cpu_wrapper.py: wait4 of each), then the whole warm scan's CPU (/usr/bin/time,
# without the wrapper), A and B alternated (issue 16, git-27). PY_A/PY_B: pythons (or wrappers
# setting PYTHONPATH) whose `-m tidy` is the tidy to measure. Set TIDY_STATE_DIR and HOME to
# temp folders first. tidy keys its kept untracked listing on git's path: each phase begins
# with one untimed scan of each, so that B's listing is kept for the git that phase runs.
set -eu
A=$1 B=$2 TREE=$3 ROUNDS=$4
WRAP=$(mktemp -d)
# never the user's own state: a temp one unless one is given (the key signing the listing is there)
export TIDY_STATE_DIR="${TIDY_STATE_DIR:-$WRAP/state}"
ln -s "$(cd "$(dirname "$0")" && pwd)/git_cpu_wrapper.py" "$WRAP/git"
cd /
scan() { "$@" -m tidy scan --format json -q "$TREE" >/dev/null || true; }
echo "git children (through the wrapper):"
PATH="$WRAP:$PATH" GITWRAP_LOG=/dev/null scan "$A"; PATH="$WRAP:$PATH" GITWRAP_LOG=/dev/null scan "$B"
for i in $(seq "$ROUNDS"); do
  for side in A B; do
    py=$A; [ "$side" = B ] && py=$B
    log="$WRAP/$side-$i.log"
    PATH="$WRAP:$PATH" GITWRAP_LOG=$log scan "$py"
    echo "$side $i: $(awk '{s+=$1} END {printf "%d gits %.1f ms", NR, s}' "$log")"
  done
done
echo "whole scans:"
scan "$A"; scan "$B"
for i in $(seq "$ROUNDS"); do
  for side in A B; do
    py=$A; [ "$side" = B ] && py=$B
    whole=$( { /usr/bin/time -f "%e s wall, %U + %S s CPU" "$py" -m tidy scan --format json -q "$TREE" >/dev/null; } 2>&1 | tail -1)
    echo "$side $i: $whole; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
rm -rf "$WRAP"
