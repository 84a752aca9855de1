"""History analysis: tidy's one pipeline against `git filter-repo --analyze`, one run each.

    python bench/bench_history.py [--commits 3000] [--files 4000] [--big 150] [--workdir DIR]

Builds a repository with `git fast-import` from a generated stream (thousands of commits of
small text edits, big random blobs added, some deleted, some renamed, one big blob only on a
side branch), checks that both tools name the same ten biggest blobs with the same sizes, then
times each once on the same repo with a warm page cache. Prints one Markdown table row.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from tidy.workspace.githistory import analyze

_ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@x",
        "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "b@x", "LC_ALL": "C"}


def _blob(mark: int, data: bytes) -> bytes:
    return b"blob\nmark :%d\ndata %d\n%s\n" % (mark, len(data), data)


def _commit(ref: str, mark: int, parent: int | None, when: int, ops: list[bytes]) -> bytes:
    message = b"change %d" % mark
    head = b"commit %s\nmark :%d\ncommitter bench <b@x> %d +0000\ndata %d\n%s\n" % (
        ref.encode(), mark, when, len(message), message)
    if parent is not None:
        head += b"from :%d\n" % parent
    return head + b"".join(ops) + b"\n"


def history_stream(commits: int, files: int, big: int, seed: int) -> Iterator[bytes]:
    """A fast-import stream; big blobs get distinct sizes so a top ten is unambiguous."""
    rng = random.Random(seed)
    mark = 0
    last_commit: int | None = None
    big_paths: list[str] = []
    big_every = max(1, commits // max(1, big))
    big_sizes = rng.sample(range(200_000, 6_000_000, 997), big + 1)
    when = 1_600_000_000
    for number in range(commits):
        ops: list[bytes] = []
        for _ in range(3 if number else min(files, 2000)):
            index = rng.randrange(files) if number else len(ops)
            mark += 1
            text = (f"file {index} at commit {number}\n" * rng.randint(1, 40)).encode()
            yield _blob(mark, text)
            ops.append(b"M 100644 :%d src/pkg%d/mod%d.txt\n" % (mark, index % 50, index))
        if number % big_every == 0 and big_sizes:
            mark += 1
            yield _blob(mark, rng.randbytes(big_sizes.pop()))
            path = f"data/set{number % 7}/blob{number}.{rng.choice(['bin', 'zip', 'psd'])}"
            big_paths.append(path)
            ops.append(b"M 100644 :%d %s\n" % (mark, path.encode()))
        if number % 17 == 5 and big_paths:
            ops.append(b"D %s\n" % big_paths.pop(rng.randrange(len(big_paths))).encode())
        if number % 23 == 11 and big_paths:
            old = big_paths.pop(rng.randrange(len(big_paths)))
            new = "moved/" + old.rsplit("/", 1)[-1]
            big_paths.append(new)
            ops.append(b"R %s %s\n" % (old.encode(), new.encode()))
        mark += 1
        when += 60
        yield _commit("refs/heads/main", mark, last_commit, when, ops)
        last_commit = mark
    mark += 1
    yield _blob(mark, rng.randbytes(7_777_777))
    side = _commit("refs/heads/side", mark + 1, last_commit, when + 60,
                   [b"M 100644 :%d side/only-here.bin\n" % mark])
    yield side


def build_repo(path: str, commits: int, files: int, big: int, seed: int = 7) -> str:
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True, env=_ENV)
    proc = subprocess.Popen(["git", "-C", path, "fast-import", "--quiet"],
                            stdin=subprocess.PIPE, env=_ENV)
    assert proc.stdin is not None
    for chunk in history_stream(commits, files, big, seed):
        proc.stdin.write(chunk)
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "-C", path, "repack", "-adq"], check=True, env=_ENV)
    subprocess.run(["git", "-C", path, "checkout", "-q", "main"], check=True, env=_ENV)
    return path


def filter_repo_top(repo: str, n: int = 10) -> list[tuple[str, int, int]]:
    report = os.path.join(repo, ".git", "filter-repo", "analysis", "blob-shas-and-paths.txt")
    rows = []
    with open(report, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4 and len(parts[0]) == 40:
                rows.append((parts[0], int(parts[1]), int(parts[2])))
    rows.sort(key=lambda r: (r[1], r[0]), reverse=True)
    return rows[:n]


def timed(job) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    job()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=3000)
    parser.add_argument("--files", type=int, default=4000)
    parser.add_argument("--big", type=int, default=150)
    parser.add_argument("--workdir", default="")
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="tidy-bench-history-")
    repo = os.path.join(workdir, "repo")
    if not os.path.isdir(repo):
        started = time.perf_counter()
        build_repo(repo, args.commits, args.files, args.big)
        print(f"built {repo} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    subprocess.run(["git", "-C", repo, "count-objects", "-vH"], check=True)
    subprocess.run(["cat", *[os.path.join(repo, ".git", "HEAD")]], check=True,
                   stdout=subprocess.DEVNULL)
    # Warm the page cache for both: one untimed pass over the pack.
    subprocess.run(["git", "-C", repo, "rev-list", "--objects", "--all"], check=True,
                   stdout=subprocess.DEVNULL)

    result: dict[str, object] = {}
    tidy_s = timed(lambda: result.update(a=analyze(repo, top=10)))
    shutil.rmtree(os.path.join(repo, ".git", "filter-repo"), ignore_errors=True)
    peer_s = timed(lambda: subprocess.run(
        ["git", "filter-repo", "--analyze", "--force"], cwd=repo, check=True,
        stdout=subprocess.DEVNULL, env=_ENV))
    ours = [(b.sha, b.size, b.disk) for b in result["a"].top]  # type: ignore[attr-defined]
    theirs = filter_repo_top(repo)
    same = [(s, u) for s, u, _ in ours] == [(s, u) for s, u, _ in theirs]
    same_disk = ours == theirs
    analysis = result["a"]
    print(f"| history, {analysis.commits:,} commits, {analysis.blobs:,} blobs, "  # type: ignore[attr-defined]
          f"{analysis.blob_bytes / 1e6:,.0f} MB | tidy {tidy_s:.2f}s "  # type: ignore[attr-defined]
          f"| git filter-repo --analyze {peer_s:.2f}s | {tidy_s / peer_s:.2f}x "
          f"| top-10 equal: {same} (packed sizes too: {same_disk}) |")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
