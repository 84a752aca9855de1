"""What bench_scan.py and bench_fix.py share: running a command under measurement, trees,
the machine header and the sections of RESULTS.md.

Measurement of one child: wall time around the run, and from `/usr/bin/time -f "%M %U %S"`
the CPU time and ru_maxrss (the peak of the largest single process among the command and the
children it waited for); plus the peak of the *sum* of the resident sets of the command's whole
process tree, sampled every 100 ms (tidy forks measuring workers: the sum is what the machine
has to hold; copy-on-write pages shared by forked workers count twice, so it is an upper bound).
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from types import ModuleType

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
RESULTS_MD = os.path.join(BENCH, "RESULTS.md")
PAGE = os.sysconf("SC_PAGE_SIZE")
TREES = {"250k": 250_000, "1m": 1_000_000, "smoke": 20_000}  # smoke: a quick check of the harness


def other_module(path: str, name: str) -> ModuleType:
    """Another version of one of tidy's modules (`git show REV:tidy/... > PATH`), loaded from
    `path` as module `name`, for an A/B beside this tree's in one process."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def bench_dir() -> str:
    """$TIDY_BENCH_DIR or /tmp/tidy-bench; never inside the repository."""
    path = os.path.realpath(os.environ.get("TIDY_BENCH_DIR") or "/tmp/tidy-bench")
    if path == REPO or path.startswith(REPO + os.sep):
        sys.exit(f"bench: TIDY_BENCH_DIR={path} is inside the repository; trees live outside it")
    os.makedirs(path, exist_ok=True)
    return path


def isolate_state() -> None:
    """Benchmarks run tidy hundreds of times: its scan history, journals and trash go to the
    bench folder, never to the user's state (an explicit TIDY_STATE_DIR is kept)."""
    os.environ.setdefault("TIDY_STATE_DIR", os.path.join(bench_dir(), "state"))


def results_dir() -> str:
    path = os.path.join(bench_dir(), "results")
    os.makedirs(path, exist_ok=True)
    return path


def tree_path(label: str) -> str:
    return os.path.join(bench_dir(), f"tree-{label}")


def ensure_tree(label: str) -> str:
    """The tree for `label` ("250k", "1m"), built with mktree.py unless a complete one exists."""
    path = tree_path(label)
    if os.path.exists(path + ".built") and os.path.isdir(path):
        return path
    print(f"bench: building {path} ({TREES[label]:,} entries) ...", file=sys.stderr, flush=True)
    subprocess.run(
        [
            sys.executable,
            os.path.join(BENCH, "mktree.py"),
            path,
            "--entries",
            str(TREES[label]),
            "--force",
        ],
        check=True,
    )
    return path


def installed_tidy() -> str:
    """tidy as `pip install .` gives it, in a virtualenv of its own under the bench folder,
    re-installed from this checkout on every call: byte-compiled like any installed package,
    started by its own entry point (not an editable finder, not a version manager's shim)."""
    venv = os.path.join(bench_dir(), "venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", REPO], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                    REPO], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(venv, "bin", "tidy")


def tree_info(path: str) -> dict[str, object]:
    with open(path + ".built", encoding="utf-8") as f:
        info: dict[str, object] = json.load(f)
    return info


# ---------------------------------------------------------------------- measuring one child
@dataclass
class Run:
    wall_s: float
    cpu_s: float
    maxrss_kb: int  # largest single process (wait4 ru_maxrss)
    tree_rss_kb: int  # peak sum over the process tree, sampled
    returncode: int


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split(None, 2)[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


def _tree_rss_kb(pid: int, skip_root: bool = True) -> int:
    kids = _children_map()
    total, todo = 0, list(kids.get(pid, ())) if skip_root else [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE // 1024
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(kids.get(current, ()))
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int, every_s: float = 0.1, skip_root: bool = True) -> None:
        super().__init__(daemon=True)
        self.pid, self.every_s, self.peak_kb, self.skip_root = pid, every_s, 0, skip_root
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.every_s):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(self.pid, self.skip_root))


def measure(
    cmd: Sequence[str],
    cwd: str | None = None,
    stdout: int | None = subprocess.DEVNULL,
    check: bool = True,
    sample: bool = True,
    env: dict[str, str] | None = None,
) -> Run:
    """Run cmd once under /usr/bin/time; wall time, CPU, peak memory; stdout to /dev/null.

    /usr/bin/time, not wait4 from here: a child forked from this Python process would carry
    Python's ~18 MB high-water mark into ru_maxrss across exec.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = ["/usr/bin/time", "-o", report.name, "-f", "%M %U %S", *cmd]
        started = time.perf_counter()
        proc = subprocess.Popen(
            wrapped,
            cwd=cwd,
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        sampler = _Sampler(proc.pid)
        if sample:
            sampler.start()
        stderr = proc.stderr.read() if proc.stderr else b""
        code = proc.wait()
        wall = time.perf_counter() - started
        sampler.done.set()
        fields = report.read().split()[-3:]
    if check and code != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} exited {code}: {stderr.decode(errors='replace')[-500:]}"
        )
    maxrss = int(fields[0])
    return Run(
        wall, float(fields[1]) + float(fields[2]), maxrss, max(sampler.peak_kb, maxrss), code
    )


def drop_nothing_sync() -> None:
    """Flush dirty pages so writeback from an untimed step does not land in a timed one."""
    os.sync()


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarize(runs: Sequence[Run]) -> dict[str, float]:
    return {
        "median_s": median([r.wall_s for r in runs]),
        "min_s": min(r.wall_s for r in runs),
        "max_s": max(r.wall_s for r in runs),
        "cpu_s": median([r.cpu_s for r in runs]),
        "maxrss_mb": max(r.maxrss_kb for r in runs) * 1024 / 1e6,
        "tree_rss_mb": max(r.tree_rss_kb for r in runs) * 1024 / 1e6,
        "runs": len(runs),
    }


def save_json(name: str, data: object) -> str:
    path = os.path.join(results_dir(), name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, default=lambda o: asdict(o))
    return path


def load_json(name: str) -> dict[str, object] | None:
    path = os.path.join(results_dir(), name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        data: dict[str, object] = json.load(f)
    return data


# ---------------------------------------------------------------------- the machine
def _first(path: str, pattern: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                found = re.match(pattern, line)
                if found:
                    return found.group(1).strip()
    except OSError:
        pass
    return "?"


def _out(cmd: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(cmd), capture_output=True, text=True, timeout=30)
        return (done.stdout or done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def machine() -> dict[str, str]:
    mem_kb = int(_first("/proc/meminfo", r"MemTotal:\s+(\d+)") or 0)
    where = bench_dir()
    df = _out(["df", "-hT", where]).splitlines()[-1].split()
    device = df[0] if df else "?"
    options = "?"
    for line in _out(["findmnt", "-no", "OPTIONS", "-T", where]).splitlines()[:1]:
        options = line
    tidy_rev = _out(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
    return {
        "nproc": _out(["nproc"]),
        "cpu": _first("/proc/cpuinfo", r"model name\s*:\s*(.*)"),
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "disk": f"{device} {df[1] if len(df) > 1 else '?'} ({df[2] if len(df) > 2 else '?'}), "
        f"mounted {options}",
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "load": open("/proc/loadavg", encoding="utf-8").read().split()[0],
        "tidy": tidy_rev,
        "kernel": platform.release(),
    }


def versions() -> dict[str, str]:
    probes = {
        "du": ["du", "--version"],
        "find": ["find", "--version"],
        "gdu": ["gdu", "--version"],
        "fdfind": ["fdfind", "--version"],
        "pyclean": ["pyclean", "--version"],
        "npkill": ["npkill", "--version"],
        "node": ["node", "--version"],
    }
    found = {}
    for name, cmd in probes.items():
        if shutil.which(cmd[0]):
            first = _out(cmd).splitlines()
            found[name] = re.sub(r"\x1b\[[0-9;]*m", "", first[0]).strip() if first else "?"
    return found


# ---------------------------------------------------------------------- RESULTS.md
HEADER_START, HEADER_END = "<!-- machine:start -->", "<!-- machine:end -->"


def header_text(info: dict[str, str]) -> str:
    return (
        f"{HEADER_START}\n"
        f"Machine of the last `bench/run_all.sh`: {info['nproc']} CPUs ({info['cpu']}), "
        f"{info['ram']} RAM, disk {info['disk']}; Linux {info['kernel']}, Python {info['python']}; "
        f"{info['date']}; tidy {info['tidy']}. Each section says when and how its figures were "
        f"measured.\n{HEADER_END}\n"
    )


def write_section(heading: str, body: str, info: dict[str, str], path: str = RESULTS_MD,
                  refresh_header: bool = True) -> None:
    """Replace (or append) the section `## heading` and refresh the machine header (that of
    the last run_all.sh: only its scripts pass refresh_header); the rest of the file (other
    engineers' sections) is kept byte for byte."""
    text = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
    header = header_text(info)
    if HEADER_START in text and HEADER_END in text and not refresh_header:
        pass
    elif HEADER_START in text and HEADER_END in text:
        start, end = text.index(HEADER_START), text.index(HEADER_END) + len(HEADER_END) + 1
        text = text[:start] + header + text[end:]
    elif text.startswith("# "):  # under the file's title
        title_end = text.index("\n") + 1
        text = text[:title_end] + "\n" + header + text[title_end:]
    else:
        text = "# Benchmark results\n\n" + header + "\n" + text
    title = f"## {heading}"
    section = f"{title}\n\n{body.strip()}\n\n"
    lines = text.splitlines(keepends=True)
    begin = next((i for i, line in enumerate(lines) if line.rstrip() == title), None)
    if begin is None:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = next(
            (i for i in range(begin + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        text = "".join(lines[:begin]) + section + "".join(lines[end:])
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n")
    os.replace(tmp, path)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def has_command(*argv: str) -> bool:
    """True when `argv --help` runs: a subcommand that is not there yet exits non-zero."""
    try:
        return subprocess.run([*argv, "--help"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False
