"""CPU time of catalog.tsc_wrote_only over N declared outDirs (trust round 15: each emitted
file traced to its .ts source or its map). Run it under each tidy to compare, alternating:

    PYTHONPATH=OLD_SRC:SITE python -S bench/tsc_traced.py   (then NEW_SRC, and again)

Each package: package.json, tsconfig.json (outDir "lib"), src/index.ts, public/, test/, and
lib/ as tsc writes it (index.js, index.d.ts). Prints the median and min CPU of 7 passes."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

from tidy.core.catalog import tsc_wrote_only


def build(root: str, packages: int) -> list[str]:
    libs = []
    for i in range(packages):
        package = os.path.join(root, f"pkg{i}")
        for folder in ("src", "lib", "public", "test"):
            os.makedirs(os.path.join(package, folder))
        files = {"package.json": '{"name": "x"}', "src/index.ts": "export const a = 1\n",
                 "tsconfig.json": json.dumps({"compilerOptions": {"outDir": "lib",
                                                                  "declaration": True}}),
                 "lib/index.js": "export const a = 1;\n",
                 "lib/index.d.ts": "export declare const a: number;\n"}
        for name, text in files.items():
            with open(os.path.join(package, name), "w", encoding="utf-8") as f:
                f.write(text)
        libs.append(os.path.join(package, "lib"))
    return libs


def main() -> int:
    packages = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as root:
        libs = build(root, packages)
        times = []
        for _ in range(7):
            started = time.process_time()
            found = sum(tsc_wrote_only(lib) for lib in libs)
            times.append(time.process_time() - started)
        times.sort()
    print(f"{packages} outDirs, {found} tsc's: CPU median {times[3] * 1000:.1f} ms, "
          f"min {times[0] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
