"""`python -m tidy`: the same command line as the `tidy` script."""

from __future__ import annotations

from tidy.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
