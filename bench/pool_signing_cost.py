"""What signing the worker pool's pipes costs one scan (trust round 16, workspace/signed_pipes).

Runs `tidy scan --format json -q [ARGS] TREE` in this process with signed_pipes' sign and
verify wrapped: the messages this process signed (the jobs it sends) or verified (the answers
it reads), their bytes, and the CPU time spent on them, against the process's whole CPU time.
The workers sign their answers and verify their jobs: about the same bytes again, in them.

    TIDY_STATE_DIR=$(mktemp -d) HOME=$(mktemp -d) python bench/pool_signing_cost.py TREE [--no-cache]
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    for name in ("TIDY_STATE_DIR", "HOME"):  # never the user's state or home
        if not os.environ.get(name, "").startswith(("/tmp/", "/var/tmp/")):
            sys.exit(f"set {name} to a temp folder first")
    from tidy.workspace import signed_pipes

    stats = {"messages": 0, "bytes": 0, "cpu": 0.0}
    sign, verify = signed_pipes._signed, signed_pipes._verified

    def counted(function):  # type: ignore[no-untyped-def]
        def wrapped(key: bytes, data: bytes) -> bytes:
            began = time.thread_time()
            done = function(key, data)
            stats["cpu"] += time.thread_time() - began
            stats["messages"] += 1
            stats["bytes"] += len(data)
            return done
        return wrapped

    signed_pipes._signed, signed_pipes._verified = counted(sign), counted(verify)
    from tidy.__main__ import run

    sys.argv = ["tidy", "scan", "--format", "json", "-q", *sys.argv[2:], sys.argv[1]]
    began = time.process_time()
    with open(os.devnull, "w") as quiet:
        out, sys.stdout = sys.stdout, quiet
        try:
            run()
        except SystemExit:
            pass
        finally:
            sys.stdout = out
    print(f"this process: {stats['messages']} messages, {stats['bytes'] / 1e6:.2f} MB signed "
          f"or verified, {stats['cpu'] * 1000:.1f} ms CPU of its "
          f"{(time.process_time() - began) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
