#!/usr/bin/env bash
# fix_undo_ab.sh RUNS "ARGS" PYTHON_A PYTHON_B TREE: `tidy fix --yes ARGS TREE` timed, A and B
# alternated on the same tree, each fix followed (untimed) by `tidy undo --yes` of its run,
# run in TREE (undo's scope), which renames everything back: no copy of a big tree per round. Each python has a state
# folder and HOME of its own (temp folders, never the user's). Medians of wall, user and system
# time per python (under /work/tools/prio when it exists); each round checks that the fix
# moved something and the undo put it back (the tree's entry count is the same again).
# Trust round 14 (a moved item walked once more in the trash): trust-14 against b87a4ff.
set -euo pipefail
runs=$1 args=$2 a=$3 b=$4 tree=$5
scratch=$(mktemp -d)
# Kept when a round fails: what the fix moved is then still in its trash there.
trap '[ $? = 0 ] && rm -rf "$scratch" || echo "kept $scratch" >&2' EXIT
mkdir -p "$scratch/A/state" "$scratch/A/home" "$scratch/B/state" "$scratch/B/home"
prio=""
[ -x /work/tools/prio ] && prio=/work/tools/prio
count() { find "$tree" -name .git -prune -o -print | wc -l; }  # a repo's trash is in .git
entries=$(count)
echo "tree: $tree, $entries entries" >&2
cd /
for _ in $(seq "$runs"); do
  for side in "A $a" "B $b"; do
    set -- $side
    export TIDY_STATE_DIR=$scratch/$1/state HOME=$scratch/$1/home
    # shellcheck disable=SC2086
    /usr/bin/time -f "$1 %e %U %S" $prio "$2" -m tidy fix --yes -q $args "$tree" 2>&1 >/dev/null | tail -1
    [ "$(count)" != "$entries" ] || { echo "side $1 moved nothing" >&2; exit 1; }
    (cd "$tree" && "$2" -m tidy undo --yes >/dev/null 2>&1) || { echo "side $1: undo failed" >&2; exit 1; }
    [ "$(count)" = "$entries" ] || { echo "side $1: undo did not put back all" >&2; exit 1; }
  done
done | python3 -c "
import collections, statistics, sys
seen = collections.defaultdict(list)
for line in sys.stdin:
    parts = line.split()
    if len(parts) == 4 and parts[0] in 'AB':
        seen[parts[0]].append([float(x) for x in parts[1:]])
for side in sorted(seen):
    rows = seen[side]
    med = [statistics.median(r[i] for r in rows) for i in range(3)]
    lo = min(r[0] for r in rows)
    print(f'{side}: {len(rows)} runs, median wall {med[0]:.2f} s (min {lo:.2f}), '
          f'user {med[1]:.2f} s, sys {med[2]:.2f} s')
"
