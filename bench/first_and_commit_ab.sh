#!/usr/bin/env bash
# first_and_commit_ab.sh RUNS TREE PYTHON_A PYTHON_B WORK: A/B of the two scans that write the
# content cache (issue 16, notes-19): a first scan (no <git dir>/tidy) and a scan after
# `git commit --allow-empty` (the cache warm, HEAD new). Each python scans its own copy of TREE
# (WORK/tree-A, WORK/tree-B) with its own state folder and HOME under WORK, interleaved A, B,
# A, B ... under /work/tools/prio. Prints wall and CPU (user+sys) medians of each, the 1-minute
# load average after each round, and whether A's and B's reports (duration_s dropped, the tree
# path unified) are the same, scan for scan.
set -eu
runs=$1 tree=$2 a=$3 b=$4 work=$5
mkdir -p "$work"; rm -rf "$work/out"; mkdir -p "$work/out"
for tag in A B; do
  rm -rf "$work/tree-$tag" "$work/state-$tag" "$work/home-$tag"
  cp -a "$tree" "$work/tree-$tag"; mkdir -p "$work/home-$tag"
done
cd /
for i in $(seq "$runs"); do
  for tag in A B; do
    py=$a; [ "$tag" = B ] && py=$b
    t=$work/tree-$tag
    export TIDY_STATE_DIR=$work/state-$tag HOME=$work/home-$tag
    rm -rf "$t/.git/tidy"
    /usr/bin/time -f "$tag first %e %U %S" -a -o "$work/out/times" /work/tools/prio \
      "$py" -m tidy scan --format json -q "$t" > "$work/out/$tag-first-$i.json" || true
    git -C "$t" -c user.email=bench@tidy.invalid -c user.name=bench commit -q --allow-empty -m "run $i"
    /usr/bin/time -f "$tag commit %e %U %S" -a -o "$work/out/times" /work/tools/prio \
      "$py" -m tidy scan --format json -q "$t" > "$work/out/$tag-commit-$i.json" || true
  done
  cut -d' ' -f1 /proc/loadavg >> "$work/out/load"
done
python3 - "$work" <<'PY'
import collections, glob, json, os, statistics, sys
work = sys.argv[1]
out = os.path.join(work, "out")
d = collections.defaultdict(list)
for line in open(os.path.join(out, "times")):
    p = line.split()
    if len(p) == 5:
        d[(p[0], p[1])].append((float(p[2]), float(p[3]) + float(p[4])))
for kind in ("first", "commit"):
    for tag in ("A", "B"):
        v = d[(tag, kind)]
        print(f"{kind:>6} {tag}: wall median {statistics.median(x[0] for x in v):.3f} "
              f"min {min(x[0] for x in v):.3f}  cpu median {statistics.median(x[1] for x in v):.3f}"
              f"  n={len(v)}")
print("load1 after each round:", " ".join(open(os.path.join(out, "load")).read().split()))
def norm(path, tag):
    report = json.load(open(path))
    report.pop("duration_s", None)
    return json.dumps(report, sort_keys=True).replace(os.path.join(work, f"tree-{tag}"), "TREE")
same = [norm(a, "A") == norm(a.replace("/A-", "/B-"), "B")
        for a in sorted(glob.glob(os.path.join(out, "A-*.json")))]
print(f"reports the same: {sum(same)} of {len(same)}")
sys.exit(0 if all(same) else 1)
PY
