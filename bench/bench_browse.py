"""`tidy browse`: how long each key takes to answer, on a 50,000-finding scan and on a real tree.

Two ways of driving the real app, both on real trees (nothing is injected):

  pilot  the app run headless by Textual's pilot, as the tests run it; a key is answered when
         every message it caused is handled and the screen is composed again
         (tests.browse.helpers.settled). `--profile KEY` runs cProfile over that key's presses.
  tmux   `tidy browse` in tmux (a real terminal, xterm-256color, 200x60), a key sent with
         `tmux send-keys`; answered when the pane's text stops changing: the time of its last
         change, read with `capture-pane` every few milliseconds, after which it stayed the
         same for --quiet seconds. The peer: `less -S` on `tidy scan`'s listing of the same
         tree, with its own keys for the same moves, measured the same way.

The 50,000-finding tree (`--build`): 25 git repos under $TIDY_BENCH_DIR/browse-50k, each with
1,000 `__pycache__` folders beside committed sources (each a TDY101 and a TDY501 finding).

    bench/bench_browse.py --build
    bench/bench_browse.py --mode pilot --tree 50k --rounds 5
    bench/bench_browse.py --mode tmux --tree 50k --rounds 5
    bench/bench_browse.py --mode tmux --tree /tmp/bk/trees/ws
    bench/bench_browse.py --mode pilot --checkout /tmp/old   # `git archive REV tidy | tar -x`

Every tidy run gets its own HOME and TIDY_STATE_DIR under the bench folder.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench._harness import bench_dir  # noqa: E402

REPOS, PER_REPO = 25, 1_000  # 25,000 __pycache__ folders: 50,000 findings
WIDTH, HEIGHT = 200, 60

# The keys, in the order pressed; each a name, the keys for tidy browse (Textual names),
# and for the peer (less) the keys of the same move (tmux names), or None when less has none.
Step = tuple[str, tuple[str, ...], tuple[str, ...] | None]
STEPS: tuple[Step, ...] = (
    ("down from a repo row", ("down",), ("j",)),  # each round starts on a repo's row
    ("down", ("down",), ("j",)),  # finding to finding: the evidence pane keeps its height
    ("page down", ("pagedown",), ("Space",)),
    ("end", ("end",), ("G",)),
    ("home", ("home",), ("g",)),
    ("mark", ("space",), None),
    ("mark all", ("a",), None),
    ("unmark all", ("a",), None),
    ("sort", ("s",), None),
    ("filter open", ("slash",), None),
    ("filter key", ("m",), None),
    ("filter key 2", ("1",), None),
    ("filter done", ("enter",), None),
    ("filter clear", ("escape",), None),
    ("search", (), ("/", "m", "1", "Enter")),  # less: a search typed and entered
    ("folders", ("enter",), None),
    ("folders back", ("escape",), None),
)


def build_50k(dest: Path) -> Path:
    """25 repos of 1,000 packages each with a `__pycache__` beside a committed module."""
    if (dest / ".built").exists():
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b",
           "GIT_AUTHOR_DATE": "2026-01-01T00:00:00", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00"}
    for r in range(REPOS):
        repo = dest / f"repo{r:02d}"
        for i in range(PER_REPO):
            package = repo / f"pkg{i // 100:02d}" / f"mod{i % 100:02d}"
            (package / "__pycache__").mkdir(parents=True)
            (package / "core.py").write_text(f"VALUE = {i}\n")
            (package / "__pycache__" / "core.cpython-311.pyc").write_bytes(b"\0" * (100 + i))
        subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
        subprocess.run(["git", "-C", str(repo), "add", "--", "*.py"], check=True, env=env)
        subprocess.run(["git", "-C", str(repo), "commit", "-qm", "sources"], check=True, env=env)
    old = time.time() - 40 * 86400  # a project last touched 40 days ago
    for path in dest.rglob("*"):
        if ".git" not in path.parts:
            os.utime(path, (old, old), follow_symlinks=False)
    (dest / ".built").write_text("")
    return dest


def _tree(arg: str) -> Path:
    if arg == "50k":
        return build_50k(Path(bench_dir()) / "browse-50k")
    return Path(arg).resolve()


def _private_env(scratch: Path) -> dict[str, str]:
    """tidy's state and HOME in a scratch folder: never the user's."""
    home, state = scratch / "home", scratch / "state"
    home.mkdir(parents=True, exist_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "HOME": str(home), "TIDY_STATE_DIR": str(state),
            "TERM": "xterm-256color"}


# -- pilot ------------------------------------------------------------------------------------
def run_pilot(tree: Path, rounds: int, profile: str | None) -> tuple[dict[str, list[float]],
                                                                      dict[str, list[float]]]:
    """Wall and CPU seconds (of this process: the app and the pilot) per press of each key."""
    from tests.browse.helpers import app_for, press, scanned
    from tidy.browse.app import BrowseApp

    times: dict[str, list[float]] = {name: [] for name, keys, _ in STEPS if keys}
    cpu: dict[str, list[float]] = {name: [] for name in times}
    profiler = cProfile.Profile() if profile else None
    app: BrowseApp = app_for(tree)

    async def main() -> None:
        async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
            started = time.monotonic()
            await scanned(pilot)
            found = sum(len(g.findings) for g in app.model.groups)
            print(f"scanned {found:,} findings in {time.monotonic() - started:.1f} s",
                  flush=True)
            while app._tree is None:  # the folder view's tree, built after the scan
                await asyncio.sleep(0.05)
            for _ in range(rounds):
                for name, keys, _peer in STEPS:
                    if not keys:
                        continue
                    if profiler is not None and name == profile:
                        profiler.enable()
                    start, start_cpu = time.perf_counter(), time.process_time()
                    await press(pilot, *keys)
                    times[name].append(time.perf_counter() - start)
                    cpu[name].append(time.process_time() - start_cpu)
                    if profiler is not None:
                        profiler.disable()
            await press(pilot, "q")

    asyncio.run(main())
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return times, cpu


# -- tmux -------------------------------------------------------------------------------------
class Pane:
    """A command in a detached tmux session of its own, its screen read as text."""

    def __init__(self, command: str, cwd: Path, env: dict[str, str]) -> None:
        self.session = f"bench-browse-{os.getpid()}-{time.monotonic_ns()}"
        self.socket = ["tmux", "-L", self.session]
        subprocess.run([*self.socket, "-f", "/dev/null", "new-session", "-d", "-s",
                        self.session, "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(cwd),
                        "env " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()
                                          if k in ("HOME", "TIDY_STATE_DIR", "TERM", "PATH",
                                                   "LESS", "PYTHONPATH"))
                        + " " + command], check=True, env=env)

    def cpu(self) -> float:
        """Seconds on a CPU of the pane's process, all its threads (schedstat: nanoseconds)."""
        pid = subprocess.run([*self.socket, "display-message", "-p", "-t", self.session,
                              "#{pane_pid}"], capture_output=True, text=True,
                             check=True).stdout.strip()
        total = 0
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])
        return total / 1e9

    def text(self) -> str:
        return subprocess.run([*self.socket, "capture-pane", "-p", "-t", self.session],
                              capture_output=True, text=True, check=False).stdout

    def send(self, key: str) -> None:
        subprocess.run([*self.socket, "send-keys", "-t", self.session, key], check=True)

    def wait_for(self, wanted: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.text():
            if time.monotonic() > deadline:
                raise SystemExit(f"bench: timed out waiting for {wanted!r}:\n{self.text()}")
            time.sleep(0.1)

    def answer(self, keys: tuple[str, ...], quiet: float) -> tuple[float, float]:
        """Send `keys`; the seconds until the screen's last change before `quiet` of calm,
        and the CPU seconds the pane's process spent meanwhile."""
        before = self.text()
        start_cpu = self.cpu()
        start = time.perf_counter()
        for key in keys:
            self.send(key)
        last_change, shown = start, before
        while True:
            now_text = self.text()
            now = time.perf_counter()
            if now_text != shown:
                shown, last_change = now_text, now
            elif now - last_change >= quiet and shown != before:
                return last_change - start, self.cpu() - start_cpu
            elif now - start > 5:  # the key changed nothing on screen (end, at the end)
                return float("nan"), self.cpu() - start_cpu

    def close(self) -> None:
        subprocess.run([*self.socket, "kill-server"], check=False, capture_output=True)


Answers = dict[str, list[tuple[float, float]]]  # key -> (wall, CPU) seconds per press


def run_tmux(tree: Path, rounds: int, quiet: float) -> tuple[Answers, Answers]:
    scratch = Path(tempfile.mkdtemp(prefix="bench-browse-", dir=bench_dir()))
    env = _private_env(scratch)
    tidy = f"{shlex.quote(sys.executable)} -m tidy"
    ours: Answers = {name: [] for name, keys, _ in STEPS if keys}
    peer: Answers = {name: [] for name, _, keys in STEPS if keys}
    listing = scratch / "listing.txt"
    with open(listing, "w") as out:  # the peer's input: tidy scan's own listing of the tree
        subprocess.run([sys.executable, "-m", "tidy", "scan", "--no-record", str(tree)],
                       stdout=out, env={**env, "COLUMNS": str(WIDTH)}, check=False,
                       cwd=str(scratch))
    # Run from the scratch folder: `python -m` puts its folder first on sys.path.
    pane = Pane(f"{tidy} browse {shlex.quote(str(tree))}", scratch, env)
    try:
        pane.wait_for("scanned in", timeout=900)
        time.sleep(3)  # the folder view's tree is built after the scan, on a worker thread
        for _ in range(rounds):
            for name, keys, _peer in STEPS:
                if keys:
                    ours[name].append(pane.answer(tuple(_tmux_key(k) for k in keys), quiet))
    finally:
        pane.close()
    less = Pane(f"less -S {shlex.quote(str(listing))}", HERE.parent, env)
    try:
        less.wait_for(tree.name, timeout=60)
        for _ in range(rounds):
            for name, _keys, less_keys in STEPS:
                if less_keys:
                    peer[name].append(less.answer(less_keys, quiet))
    finally:
        less.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return ours, peer


_TMUX_KEYS = {"down": "Down", "pagedown": "NPage", "end": "End", "home": "Home",
              "space": "Space", "slash": "/", "enter": "Enter", "escape": "Escape"}


def _tmux_key(key: str) -> str:
    return _TMUX_KEYS.get(key, key)


def _ms(seconds: list[float]) -> list[float]:
    """Milliseconds, sorted; a press that changed nothing on screen (nan) left out."""
    return sorted(t * 1000 for t in seconds if t == t)


def _median(ms: list[float]) -> str:
    return f"{statistics.median(ms):.0f}" if ms else "-"


def _cell(ms: list[float]) -> str:
    return f"{statistics.median(ms):.0f} / {ms[-1]:.0f}" if ms else "-"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="build the 50,000-finding tree")
    parser.add_argument("--mode", choices=("pilot", "tmux"), default="pilot")
    parser.add_argument("--tree", default="50k", help="50k, or the path of a real tree")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quiet", type=float, default=0.3,
                        help="tmux: seconds without a change that end a key's answer")
    parser.add_argument("--profile", metavar="KEY", help="pilot: cProfile that step's presses")
    parser.add_argument("--checkout", metavar="PATH",
                        help="measure the `tidy` package of another checkout (e.g. a `git "
                             "archive REV tidy` unpacked there): the before of a change")
    args = parser.parse_args(argv)
    if args.checkout:  # before anything imports tidy; the scan child inherits PYTHONPATH
        checkout = str(Path(args.checkout).resolve())
        sys.path.insert(0, checkout)
        os.environ["PYTHONPATH"] = checkout
    if args.build:
        print(build_50k(Path(bench_dir()) / "browse-50k"))
        return 0
    tree = _tree(args.tree)
    print(f"tree {tree}; load average at start {_load()}", flush=True)
    if args.mode == "pilot":
        scratch = Path(tempfile.mkdtemp(prefix="bench-browse-", dir=bench_dir()))
        os.environ.update({k: v for k, v in _private_env(scratch).items()
                           if k in ("HOME", "TIDY_STATE_DIR")})
        times, cpu = run_pilot(tree, args.rounds, args.profile)
        shutil.rmtree(scratch, ignore_errors=True)
        print("\n| key | presses | wall median ms | wall worst ms | CPU median ms |\n"
              "| --- | ---: | ---: | ---: | ---: |")
        for name, got in times.items():
            print(f"| {name} | {len(got)} | {_cell(_ms(got))} | {_median(_ms(cpu[name]))} |")
    else:
        ours, peer = run_tmux(tree, args.rounds, args.quiet)
        print("\n| key | tidy browse wall median / worst ms | CPU median ms "
              "| less -S wall median / worst ms | CPU median ms |\n"
              "| --- | ---: | ---: | ---: | ---: |")
        for name, _keys, _peer in STEPS:
            cells = []
            for answers in (ours.get(name, []), peer.get(name, [])):
                cells += [_cell(_ms([w for w, _ in answers])),
                          _median(_ms([c for _, c in answers]))]
            print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\nload average at end {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
