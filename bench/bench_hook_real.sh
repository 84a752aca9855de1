#!/usr/bin/env bash
# A one-file commit through tidy-staged in a big real repository (bench/RESULTS.md, "Hooks and
# CI reporters used for real").
#
#   bash bench/bench_hook_real.sh [REV]     # REV: the tidy commit pre-commit installs (HEAD)
#
# Builds, under $TIDY_BENCH_DIR (default /tmp/tidy-bench-hook), a repository of the Django
# 5.1.4 sdist (from PyPI) plus a real `npm install` tree committed under frontend/ (typescript,
# webpack, eslint, lodash, jquery, date-fns, rxjs: ~21k tracked files), installs tidy-staged
# from this checkout at REV with `pre-commit install`, and prints medians of 7 one-file commits:
# with the hook, with a hook that does nothing (pre-commit's own cost), with --no-verify; and
# the CPU time (user+sys) and wall time of the `tidy hook check-staged` process itself, for that
# one file and for a commit that adds a vendored library (TDY401's reference search).
# HOME, PRE_COMMIT_HOME and tidy's state are folders under the bench folder: nothing of the
# user's is read or written.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$here" rev-parse "${1:-HEAD}")
bench=${TIDY_BENCH_DIR:-/tmp/tidy-bench-hook}
mkdir -p "$bench/home" "$bench/state"
export HOME=$bench/home TIDY_STATE_DIR=$bench/state XDG_STATE_HOME=$bench/home/.local/state \
       XDG_CACHE_HOME=$bench/home/.cache PRE_COMMIT_HOME=$bench/home/.cache/pre-commit
unset PYTHONDONTWRITEBYTECODE
git config --global user.email bench@example.com; git config --global user.name bench
py=${PYTHON:-python3}
pre_commit=("$py" -m pre_commit)

repo=$bench/repo
if [ ! -d "$repo/.git" ]; then
    src=$bench/src; rm -rf "$src"; mkdir -p "$src/dl" "$src/npm"
    "$py" -m pip download -q --no-binary :all: --no-deps --no-build-isolation -d "$src/dl" \
        django==5.1.4
    tar -xzf "$src"/dl/[Dd]jango-5.1.4.tar.gz -C "$src" --no-same-owner
    (cd "$src/npm" && npm init -y >/dev/null &&
     npm install -s --no-audit --no-fund typescript webpack eslint lodash jquery date-fns rxjs)
    mkdir -p "$repo"; cp -r "$src/Django-5.1.4/." "$repo/"; cp -r "$src/npm" "$repo/frontend"
    git -C "$repo" init -q; git -C "$repo" add -A; git -C "$repo" commit -qm initial
fi
cd "$repo"
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { sort -n | sed -n "$(( ($1 + 1) / 2 ))p"; }
config() {
    printf '%s\n' "$1" > .pre-commit-config.yaml
    git add .pre-commit-config.yaml; git commit -qm "hook config" --no-verify || true
    "${pre_commit[@]}" install >/dev/null; "${pre_commit[@]}" install-hooks >/dev/null
}
commits() {  # median ms of 7 one-file commits (extra git commit arguments in "$@")
    for i in 1 2 3 4 5 6 7; do
        echo "$i $RANDOM" >> django/bench_notes.py; git add django/bench_notes.py
        ms git commit -qm "bench $i" "$@"
    done | median 7
}
config "repos:
  - repo: local
    hooks:
      - id: nothing
        name: nothing
        entry: 'true'
        language: system"
noop=$(commits)
config "repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: tidy-staged"
hooked=$(commits)
plain=$(commits --no-verify)
tidy=$(ls -d "$PRE_COMMIT_HOME"/repo*/py_env-*/bin/tidy | while read -r t; do
    if [ "$(git -C "${t%/py_env-*}" rev-parse HEAD)" = "$rev" ]; then echo "$t"; fi
    done | head -1)
echo "x $RANDOM" >> django/bench_notes.py; git add django/bench_notes.py
process=$(for i in 1 2 3 4 5 6 7 8 9; do
    /usr/bin/time -f "%U %S %e" "$tidy" hook check-staged django/bench_notes.py 2>&1 >/dev/null |
        awk '{printf "%.2f %.2f\n", $1 + $2, $3}'; done | median 9)
git reset -q; git checkout -q -- django/bench_notes.py
# A commit that adds a vendored library (TDY401: its heads read, then the staged text of the
# whole repo searched for a reference to it): jquery's dist/ copied from the npm tree to
# static/vendor/jquery-copy and staged, and one tracked file edited after `git add` (so the
# working tree and the index differ there). The first run fills the content cache; the median
# is of the 9 after it.
lib=static/vendor/jquery-copy
mkdir -p "$lib"; cp frontend/node_modules/jquery/dist/*.js "$lib/"; git add "$lib"
echo "x $RANDOM" >> django/bench_notes.py; git add django/bench_notes.py
echo "y $RANDOM" >> django/bench_notes.py  # not staged
mapfile -d '' staged < <(git diff --cached --name-only -z)
"$tidy" hook check-staged "${staged[@]}" >/dev/null 2>&1 || true
library=$(for i in 1 2 3 4 5 6 7 8 9; do
    /usr/bin/time -f "%U %S %e" "$tidy" hook check-staged "${staged[@]}" 2>&1 >/dev/null |
        awk '{printf "%.2f %.2f\n", $1 + $2, $3}'; done | median 9)
verdict=$("$tidy" hook check-staged "${staged[@]}" 2>&1 | grep -c TDY401 || true)
git reset -q; rm -rf "$lib"; git checkout -q -- django/bench_notes.py
echo "tidy ${rev:0:7}, $(git ls-files | wc -l) tracked files, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "one-file commit, median of 7: tidy-staged ${hooked} ms; a do-nothing pre-commit hook ${noop} ms; --no-verify ${plain} ms"
echo "tidy hook check-staged (1 file), median of 9: ${process% *} s CPU (user+sys), ${process#* } s wall"
echo "tidy hook check-staged (${#staged[@]} files: a vendored library added, one file edited after git add), warm cache, median of 9: ${library% *} s CPU, ${library#* } s wall; TDY401 lines: ${verdict}"
