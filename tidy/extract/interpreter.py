"""Which interpreter runs the project's code, and how tidy starts children that die with it.

Importing a module runs its code, with its dependencies: that is the project's interpreter,
never tidy's own when they differ. In order: `--python PATH`; the project's `.venv` or `venv`
(looked for from the module's folder up to the repository's top); `$VIRTUAL_ENV`; and only
when none exists, tidy's own interpreter (the result says which one was used, and why).

Every child tidy starts here calls prctl(PR_SET_PDEATHSIG, SIGKILL) first and exits if its
parent is already gone: a `kill -9` of tidy takes its children with it (Linux; elsewhere they
stay in tidy's process group, so killing the group does).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import Any

# Prepended to every child script (stdlib only: it runs in the project's interpreter).
DIE_WITH_PARENT = """\
import os as _tidy_os, sys as _tidy_sys
def _tidy_die_with_parent(parent):
    if _tidy_sys.platform.startswith("linux"):
        try:
            import ctypes, signal
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except Exception:
            pass
    if _tidy_os.getppid() != parent:
        _tidy_os._exit(1)
"""


class InterpreterError(ValueError):
    """No usable interpreter, or it failed to run the child."""


@dataclass(frozen=True)
class Interpreter:
    python: str
    why: str  # "--python", "the project's .venv", "$VIRTUAL_ENV", "tidy's own (no project ...)"

    def describe(self) -> str:
        return f"{self.python} ({self.why})"


def choose(module_path: str, explicit: str | None = None, top: str = "") -> Interpreter:
    if explicit:
        python = os.path.abspath(explicit)
        if not (os.path.isfile(python) and os.access(python, os.X_OK)):
            raise InterpreterError(f"--python {explicit}: not an executable file")
        return Interpreter(python, "--python")
    folder = os.path.dirname(os.path.abspath(module_path))
    stop = os.path.abspath(top) if top else ""
    while True:
        for name in (".venv", "venv"):
            python = os.path.join(folder, name, "bin", "python")
            if os.path.isfile(python) and os.access(python, os.X_OK):
                return Interpreter(python, f"the project's {name}")
        parent = os.path.dirname(folder)
        if folder == stop or parent == folder or os.path.isdir(os.path.join(folder, ".git")):
            break
        folder = parent
    virtual = os.environ.get("VIRTUAL_ENV", "")
    python = os.path.join(virtual, "bin", "python") if virtual else ""
    if python and os.path.isfile(python) and os.access(python, os.X_OK):
        return Interpreter(python, "$VIRTUAL_ENV")
    return Interpreter(sys.executable, "tidy's own: the project has no .venv, venv or "
                                       "$VIRTUAL_ENV; pass --python to choose")


def preexec_new_child() -> None:
    """For children tidy starts from Python (the convert workers set it themselves)."""
    set_death_signal()


def set_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def run_script(interpreter: Interpreter, script: str, spec: dict[str, Any], cwd: str,
               timeout: float) -> dict[str, Any]:
    """Run `script` (which reads its spec from argv[1] and writes JSON to spec['out']) in a
    fresh interpreter that dies with tidy; return what it wrote."""
    with tempfile.TemporaryDirectory(prefix="tidy-eval-") as folder:
        out = os.path.join(folder, "out.json")
        spec_path = os.path.join(folder, "spec.json")
        with open(spec_path, "w", encoding="utf-8") as f:
            json.dump({**spec, "out": out}, f)
        code = DIE_WITH_PARENT + f"_tidy_die_with_parent({os.getpid()})\n" + script
        # One hash seed for every import tidy compares: a module that builds a list from a
        # set (faker's it_IT `cities`) differs between two imports otherwise.
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONSAFEPATH": "1",
               "PYTHONHASHSEED": "0"}
        env.pop("PYTHONPATH", None)
        try:
            done = subprocess.run([interpreter.python, "-c", code, spec_path], cwd=cwd,
                                  capture_output=True, text=True, timeout=timeout,
                                  check=False, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise InterpreterError(f"{interpreter.python} took over {timeout:.0f} s") from None
        except OSError as error:
            raise InterpreterError(f"{interpreter.python}: {error.strerror}") from None
        if done.returncode != 0 or not os.path.exists(out):
            last = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
            raise InterpreterError(last)
        with open(out, encoding="utf-8") as f:
            result: dict[str, Any] = json.load(f)
        return result
