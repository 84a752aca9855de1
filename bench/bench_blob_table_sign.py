"""What signing the content cache's blob table costs (trust round 19): a cache holding a
table of N blobs (one in ten with counts, as a history walk of a few libraries keeps them)
saved, then loaded and its table used once (the signature is checked on first use), this
tree's content_cache against another copy, alternating in one run. CPU time of the process.

    python -m bench.bench_blob_table_sign OTHER_CONTENT_CACHE_PY [N=20000] [ROUNDS=15]
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import time
from types import ModuleType

from bench._harness import other_module
from tidy.workspace import content_cache, content_notes


def _table(module: ModuleType, n: int) -> object:
    ids = [hashlib.sha1(str(i).encode()).hexdigest() for i in range(n)]
    counts = {sha: (1, 0, 2) for sha in ids[::10]}
    zero = "".join(sorted(sha for i, sha in enumerate(ids) if i % 10))
    return module.BlobTable(("static/vendor/a", "static/vendor/b", "c.min.js"), zero, counts)


def _round(module: ModuleType, path: str, n: int, signed: bool) -> float:
    key = {"key": content_notes.signing_key} if signed else {}
    table = _table(module, n)
    start = time.process_time()
    assert module.save(path, "/r", "s", {}, {}, table, **key)
    loaded = module.load(path, "/r", "s", **key).blobs
    assert loaded.get(hashlib.sha1(b"0").hexdigest()) == (1, 0, 2)
    return time.process_time() - start


def main() -> None:
    other = other_module(sys.argv[1], "content_cache_other")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    times: dict[str, list[float]] = {"this": [], "other": []}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, content_cache.CACHE_NAME)
        for _ in range(rounds):
            times["this"].append(_round(content_cache, path, n, True))
            times["other"].append(_round(other, path, n, False))
    for name, got in times.items():
        print(f"{name}: {statistics.median(got) * 1000:.1f} ms "
              f"({min(got) * 1000:.1f}-{max(got) * 1000:.1f}), {n} blobs, save+load+get")


if __name__ == "__main__":
    main()
