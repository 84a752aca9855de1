#!/usr/bin/env bash
# ab_primed.sh RUNS TREE "ARGS" PYTHON_A PYTHON_B: A and B scans of TREE alternated, each timed
# scan (under /work/tools/prio when it exists) right after an untimed one of the same python;
# medians of wall and CPU (user + system) per python.
# The prime matters when A and B keep their caches in the same files in different formats (an
# index listing of format 1 and one of format 2): alternated without it, each would time a miss.
# Every scan runs with a state folder and HOME of its own (temp folders), never the user's.
set -eu
runs=$1 tree=$2 args=$3 a=$4 b=$5
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TIDY_STATE_DIR=$scratch/state HOME=$scratch/home
mkdir -p "$TIDY_STATE_DIR" "$HOME"
prio=""
[ -x /work/tools/prio ] && prio=/work/tools/prio
cd /
for _ in $(seq "$runs"); do
  for py in "$a" "$b"; do
    # shellcheck disable=SC2086
    "$py" -m tidy scan $args --format json -q "$tree" >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    /usr/bin/time -f "$py %e %U %S" $prio "$py" -m tidy scan $args --format json -q "$tree" \
      2>&1 >/dev/null | tail -1
  done
done | python3 -c "
import collections, statistics, sys
d = collections.defaultdict(list)
for line in sys.stdin:
    p = line.split()
    if len(p) == 4:
        d[p[0]].append((float(p[1]), float(p[2]) + float(p[3])))
for k, v in d.items():
    print(f'{k}: wall median {statistics.median(x[0] for x in v):.3f} min '
          f'{min(x[0] for x in v):.3f}  cpu median {statistics.median(x[1] for x in v):.3f}  n={len(v)}')
"
