#!/usr/bin/env bash
# ab_copies.sh RUNS "ARGS" PYTHON_A TREE_A PYTHON_B TREE_B: A and B scans alternated, each python
# on its own copy of the tree (`cp -a` the tree twice first), so neither reads or rewrites the
# other's caches in the tree's git folder; one untimed scan each first; medians of wall, user
# and system time per python (under /work/tools/prio when it exists).
# Every scan runs with a state folder and HOME of its own (temp folders), never the user's.
set -eu
runs=$1 args=$2 a=$3 tree_a=$4 b=$5 tree_b=$6
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TIDY_STATE_DIR=$scratch/state HOME=$scratch/home
mkdir -p "$TIDY_STATE_DIR" "$HOME"
prio=""
[ -x /work/tools/prio ] && prio=/work/tools/prio
cd /
# shellcheck disable=SC2086
"$a" -m tidy scan $args --format json -q "$tree_a" >/dev/null 2>&1 || true
# shellcheck disable=SC2086
"$b" -m tidy scan $args --format json -q "$tree_b" >/dev/null 2>&1 || true
for _ in $(seq "$runs"); do
  for side in "A $a $tree_a" "B $b $tree_b"; do
    set -- $side
    # shellcheck disable=SC2086
    /usr/bin/time -f "$1 %e %U %S" $prio "$2" -m tidy scan $args --format json -q "$3" 2>&1 >/dev/null | tail -1
  done
done | python3 -c "
import collections, statistics, sys
seen = collections.defaultdict(list)
for line in sys.stdin:
    parts = line.split()
    if len(parts) == 4:
        seen[parts[0]].append(tuple(map(float, parts[1:])))
for side, runs in sorted(seen.items()):
    wall, user, system = (statistics.median(r[i] for r in runs) for i in range(3))
    print(f'{side}: wall {wall:.3f} min {min(r[0] for r in runs):.3f} user {user:.3f} '
          f'sys {system:.3f} n={len(runs)}')
"
