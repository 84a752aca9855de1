#!/usr/bin/env bash
# Reproduce every figure of the "Scan (issue 2)" and "Fix (issue 3)" sections of
# bench/RESULTS.md: installs the peers if missing, builds the trees if missing, runs the
# benchmarks, rewrites those two sections, and removes its scratch copies.
#
# usage: bench/run_all.sh [--quick] [--clean]
#   --quick   the 250k tree only (skips the 1M tree: building it takes minutes)
#   --clean   also delete the benchmark trees at the end (they are reused by the next run)
# env: TIDY_BENCH_DIR (default /tmp/tidy-bench; never inside the repo), SCAN_RUNS_250K (5),
#      SCAN_RUNS_1M (3), FIX_RUNS (3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
quick=0
clean=0
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        --clean) clean=1 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "run_all.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done
export TIDY_BENCH_DIR="${TIDY_BENCH_DIR:-/tmp/tidy-bench}"
py="${PYTHON:-python3}"

need() { command -v "$1" >/dev/null 2>&1; }

# tidy itself, from this checkout
if ! need tidy || ! "$py" -c 'import tidy' 2>/dev/null; then
    "$py" -m pip install -q -e "$repo"
fi
# the peers: du and find are coreutils/findutils; gdu, fd-find from Debian; pyclean from PyPI;
# npkill from npm. A peer that cannot be installed is left out of the tables, with a note.
missing_deb=()
need gdu || missing_deb+=(gdu)
need fdfind || missing_deb+=(fd-find)
[ -x /usr/bin/time ] || missing_deb+=(time)
if [ "${#missing_deb[@]}" -gt 0 ]; then
    (apt-get update -qq && apt-get install -y -qq "${missing_deb[@]}") || echo "run_all.sh: could not install ${missing_deb[*]}" >&2
fi
need pyclean || "$py" -m pip install -q pyclean || echo "run_all.sh: pyclean not installed" >&2
if ! need npkill; then
    if need npm; then npm install -g --silent npkill || echo "run_all.sh: npkill not installed" >&2
    else echo "run_all.sh: no npm, npkill left out" >&2; fi
fi

cd "$repo"
cleanup() { rm -rf "$TIDY_BENCH_DIR/fix-work"; }
trap cleanup EXIT

"$py" bench/bench_scan.py --tree 250k --runs "${SCAN_RUNS_250K:-5}"
if [ "$quick" = 0 ]; then
    "$py" bench/bench_scan.py --tree 1m --runs "${SCAN_RUNS_1M:-3}"
fi
"$py" bench/bench_fix.py --tree 250k --runs "${FIX_RUNS:-3}"

if [ "$clean" = 1 ]; then
    rm -rf "$TIDY_BENCH_DIR"/tree-250k "$TIDY_BENCH_DIR"/tree-250k.built \
           "$TIDY_BENCH_DIR"/tree-1m "$TIDY_BENCH_DIR"/tree-1m.built
fi
echo "run_all.sh: done; see bench/RESULTS.md (raw figures in $TIDY_BENCH_DIR/results)"
