#!/usr/bin/env bash
# bench_pyc_fix_ab.sh OLD_CHECKOUT NEW_CHECKOUT [N] [ROUNDS]: `tidy fix --yes --select TDY1`
# of a repo with N legacy mod.pyc beside their mod.py (100 per folder), the two checkouts
# interleaved (PYTHONPATH on each; the python of $PYTHON, default python3, with tidy's
# dependencies), ROUNDS rounds, each on a fresh `cp -a`. Every run has its own
# TIDY_STATE_DIR and HOME under $BENCH_DIR (default /tmp/tidy-bench-pyc-ab). Trust round 8
# used it for the cost of the birth time kept per renamed item (bench/RESULTS.md).
set -euo pipefail
old=$1 new=$2 n=${3:-10000} rounds=${4:-3}
python=${PYTHON:-python3}
dir=${BENCH_DIR:-/tmp/tidy-bench-pyc-ab}
base=$dir/tree-$n
if [ ! -d "$base" ]; then
  mkdir -p "$base"; git -C "$base" init -q -b main
  "$python" - "$base" "$n" <<'PY'
import os, sys
base, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(base, f"p{i // 100:04d}")
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, f"m{i}.py"), "w").write("x = 1\n")
    open(os.path.join(d, f"m{i}.pyc"), "wb").write(b"\0" * 200)
PY
  git -C "$base" add -A '*.py'
  git -C "$base" -c user.name=bench -c user.email=bench@example.com commit -qm tree
  find "$base" -name '*.pyc' -exec touch -d '3 hours ago' {} +
fi
for round in $(seq "$rounds"); do
  for which in old new; do
    rm -rf "$dir/copy" "$dir/state" "$dir/home"
    cp -a "$base" "$dir/copy"; mkdir -p "$dir/home"; sync
    if [ "$which" = old ]; then pp=$old; else pp=$new; fi
    start=$(date +%s.%N)
    HOME=$dir/home TIDY_STATE_DIR=$dir/state PYTHONPATH=$pp \
      "$python" -m tidy fix --yes -q --select TDY1 "$dir/copy" >/dev/null || true
    end=$(date +%s.%N)
    left=$(find "$dir/copy" -path '*/.git' -prune -o -name '*.pyc' -print | wc -l)
    echo "round $round $which: fix $(echo "$end - $start" | bc) s, .pyc left $left," \
         "load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
rm -rf "$dir/copy" "$dir/state" "$dir/home"
