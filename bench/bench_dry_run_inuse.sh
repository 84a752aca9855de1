#!/usr/bin/env bash
# What `tidy fix --dry-run` pays for looking at the live processes (it now asks the in-use
# check the real run asks before each move): 20 projects with a .pytest_cache each, the dry
# run of this checkout against the one at REV, alternating, median of 9 of each.
#
#   bash bench/bench_dry_run_inuse.sh [REV]     # REV: the tidy to compare with (main)
#
# REV is unpacked with `git archive` under $TIDY_BENCH_DIR (default /tmp/tidy-bench-dry-run)
# and run from there with PYTHONPATH (its C measuring loop unbuilt: both runs use
# TIDY_PURE_PYTHON=1). HOME and tidy's state are folders under the bench folder.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$here" rev-parse "${1:-main}")
bench=${TIDY_BENCH_DIR:-/tmp/tidy-bench-dry-run}
py=${PYTHON:-python3}
rm -rf "$bench/old" "$bench/ws"; mkdir -p "$bench/old" "$bench/home" "$bench/state"
git -C "$here" archive "$rev" | tar -x -C "$bench/old"
export HOME=$bench/home TIDY_STATE_DIR=$bench/state TIDY_PURE_PYTHON=1
for i in $(seq 1 20); do
    p=$bench/ws/p$i; mkdir -p "$p/.pytest_cache/v/cache"; git -C "$p" init -q
    echo "print($i)" > "$p/main.py"; echo '{}' > "$p/.pytest_cache/v/cache/lastfailed"
done
find "$bench/ws" -exec touch -h -d '3 hours ago' {} +
median() { sort -n | sed -n "$(( ($1 + 1) / 2 ))p"; }
run() { /usr/bin/time -f "%U %S %e" env PYTHONPATH="$1" "$py" -m tidy fix --dry-run -q \
        --select TDY101 "$bench/ws" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f %.2f\n", $1 + $2, $3}'; }
for i in 1 2 3 4 5 6 7 8 9; do run "$bench/old" >> "$bench/before"; run "$here" >> "$bench/after"; done
before=$(median 9 < "$bench/before"); after=$(median 9 < "$bench/after"); rm -f "$bench/before" "$bench/after"
echo "processes listed in /proc: $(ls -d /proc/[0-9]* | wc -l); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tidy fix --dry-run, 20 projects, median of 9: ${rev:0:7} ${before% *} s CPU, ${before#* } s wall; $(git -C "$here" rev-parse --short HEAD) ${after% *} s CPU, ${after#* } s wall"
