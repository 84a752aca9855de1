"""Running tidy as another, non-root user (uid 65534) against a tree that user owns: the
python and tidy must be readable by it (pytest's tmp folders and /root are not)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

USER = 65534


def readable_python() -> list[str] | None:
    """A python the other user can run with this tidy and its dependencies importable."""
    for candidate in ("/usr/bin/python3", sys.executable):
        probe = subprocess.run([candidate, "-c", "import tidy, click, rich, humanize"],
                               user=USER, group=USER, extra_groups=[], env=user_env(),
                               capture_output=True, check=False)
        if probe.returncode == 0:
            return [candidate]
    return None


def user_env() -> dict[str, str]:
    import tidy

    source = str(Path(tidy.__file__).resolve().parent.parent)
    site = [p for p in sys.path if p.endswith("site-packages")]
    return {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join([source, *site])}


def as_user_argv(python: list[str], state: Path, *args: str) -> list[str]:
    """`tidy ARGS` as USER with its own state folder (setpriv: no groups kept)."""
    return ["setpriv", f"--reuid={USER}", f"--regid={USER}", "--clear-groups", "env",
            f"TIDY_STATE_DIR={state}", *python, "-m", "tidy", *args]
