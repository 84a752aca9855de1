#!/usr/bin/env bash
# undo_reach_ab.sh RUNS TREE_A TREE_B: instructions (callgrind) of one `tidy undo` in a repo
# with nothing to undo, after RUNS fix runs elsewhere (each `tidy fix a ../out-N`-like: a
# folder of another repo and one outside it), for two source trees (PYTHONPATH on each;
# tidy/ of a base commit: `git archive BASE tidy | tar -x -C TREE_A`, plus the built .so
# files). State folder and HOME: temp folders of their own. Undo's look at the journals
# (last_undoable, then last_reaching) is what differs between the trees.
set -euo pipefail
runs=$1 a=$2 b=$3
py=${PYTHON:-$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TIDY_STATE_DIR=$scratch/state HOME=$scratch/home GIT_CONFIG_GLOBAL=/dev/null
mkdir -p "$TIDY_STATE_DIR" "$HOME"
git init -q "$scratch/other" && git init -q "$scratch/here"
for n in $(seq "$runs"); do
  for d in "$scratch/other/a$n" "$scratch/out$n"; do
    mkdir -p "$d/node_modules/dep" && echo '{}' > "$d/package.json"
    echo "// $n" > "$d/node_modules/dep/i.js" && touch -d '2 hours ago' "$d/node_modules" "$d/node_modules/dep" "$d/node_modules/dep/i.js"
  done
  (cd "$scratch/other" && PYTHONPATH=$b "$py" -m tidy fix --yes -q --select TDY1 "a$n" "../out$n" >/dev/null)
done
for side in "A $a" "B $b"; do
  set -- $side
  (cd "$scratch/here" && PYTHONPATH=$2 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
     "$py" -m tidy undo 2>&1 >/dev/null | grep -o 'refs: .*' | sed "s/^/$1 /")
done
