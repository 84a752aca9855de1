"""The command table: each name is a click command of that name, loaded only when it runs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import click

from tests.conftest import commit, make_repo, write
from tidy.cli import COMMANDS, cli


def test_every_command_in_the_table_is_that_command() -> None:
    context = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert isinstance(command, click.Command) and command.name == name, name
    assert cli.get_command(context, "no-such-command") is None


def test_version_loads_no_command_and_no_layer_below() -> None:
    probe = ("import sys; from tidy.cli import main; code = main(['--version']); "
             "print(sorted(m for m in sys.modules if m.startswith('tidy.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    loaded = done.stdout.strip().splitlines()[-1]
    # streams: sys.stdout fixed up before any command (closed, or a narrow locale);
    # _dataclass_methods: installed by `import tidy`, before any of tidy's dataclasses
    assert loaded == ("['tidy._dataclass_methods', 'tidy.cli', 'tidy.cli.exits', "
                      "'tidy.cli.streams']"), loaded


# What a scan of a small tree has no use for: the worker pool (nothing runs in parallel),
# the duplicate pass (no two files of one size), the data-in-code judges (no module big
# enough), git history, the vendored-library judgement (no library), VS Code's settings
# parser (no .vscode), importlib.resources and secrets (a read-only run). Each costs a few
# milliseconds of every hook and watch run that does not need it (issue 16).
NOT_FOR_A_SMALL_SCAN = ("multiprocessing", "concurrent.futures", "tidy.workspace.duplicates",
                        "tidy.analysis.data_in_code.judge", "tidy.workspace.githistory",
                        "tidy.analysis.vendored.evidence", "tidy.core.jsonc",
                        "importlib.resources", "secrets")


def _loaded_by_scan(folder: Path) -> set[str]:
    probe = ("import sys; from tidy.cli import main; "
             f"code = main(['scan', '--format', 'json', '-q', '--no-record', {str(folder)!r}]); "
             "print(sorted(sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    loaded = ast.literal_eval(done.stderr.strip().splitlines()[-1])
    assert isinstance(loaded, list)
    return set(loaded)


def test_a_scan_of_an_empty_folder_loads_only_what_it_uses(tmp_path: Path) -> None:
    loaded = _loaded_by_scan(tmp_path)
    assert "tidy.engine" in loaded and "tidy.rules.registry" in loaded  # it did scan
    assert not loaded & set(NOT_FOR_A_SMALL_SCAN), sorted(loaded & set(NOT_FOR_A_SMALL_SCAN))


def test_a_scan_of_a_small_repo_loads_only_what_it_uses(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    for i in range(20):
        write(repo / "src" / f"m{i}.py", f"def f{i}(x):\n    return x + {i}\n")
    write(repo / "README.md", "# small\n")
    commit(repo, ".")
    loaded = _loaded_by_scan(repo)
    assert "tidy.workspace.blobs" in loaded  # it asked git
    assert not loaded & set(NOT_FOR_A_SMALL_SCAN), sorted(loaded & set(NOT_FOR_A_SMALL_SCAN))


def test_what_a_small_scan_leaves_out_loads_when_the_tree_needs_it(tmp_path: Path) -> None:
    """The same scan over a repo with two equal big files, a big data module and a
    .vscode/settings.json loads the duplicate pass, the judge and the settings parser."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "a.bin", b"x" * 2_000_000)
    write(repo / "b.bin", b"x" * 2_000_000)
    rows = ",\n".join(f"    ({i}, {i * 2}, 'row{i}')" for i in range(40_000))
    write(repo / "table.py", f"ROWS = [\n{rows}\n]\n")
    write(repo / ".vscode" / "settings.json", '{"search.exclude": {"build": true}}\n')
    commit(repo, ".")
    loaded = _loaded_by_scan(repo)
    assert {"tidy.workspace.duplicates", "tidy.analysis.data_in_code.judge",
            "tidy.core.jsonc"} <= loaded


# What the walk does not use, loaded only once it runs (engine.scan's `meanwhile`, the rules'
# registry in the walk's while_waiting, the early job's own imports in its worker): each was a
# few milliseconds before the walk started, with the machine's second core idle (issue 16).
NOT_BEFORE_THE_WALK = ("tidy.workspace.content", "tidy.workspace.content_cache",
                       "tidy.workspace.index_cache", "tidy.rules.base", "tidy.rules.registry",
                       "tidy.trends", "sqlite3", "tidy.reporters.render", "tidy.reporters.json")


def _modules_at_walk_and_end(argv: list[str]) -> tuple[str, list[str], list[str]]:
    """A fresh interpreter runs `tidy ARGV`: its output, and the modules loaded when the walk
    began and when the command ended."""
    probe = ("import sys, tidy.engine as engine; walk = engine.walk; seen = []\n"
             "def spy(*args, **kwargs):\n"
             "    seen.append(sorted(sys.modules))\n"
             "    return walk(*args, **kwargs)\n"
             "engine.walk = spy\n"
             "from tidy.cli import main\n"
             f"code = main({argv!r})\n"
             "print(repr((seen[0], sorted(sys.modules))), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    at_walk, at_end = ast.literal_eval(done.stderr.strip().splitlines()[-1])
    return done.stdout, at_walk, at_end


def test_the_walk_starts_before_what_only_the_checks_and_the_report_use(
        tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "src" / "app.py", "print('hi')\n")
    write(repo / "node_modules" / "left-pad" / "index.js", "module.exports = 1\n")
    commit(repo, "src")
    out, at_walk, at_end = _modules_at_walk_and_end(["scan", "--format", "json", "-q", str(repo)])
    assert '"node_modules"' in out  # it scanned, and found what is there
    early = sorted(set(NOT_BEFORE_THE_WALK) & set(at_walk))
    assert not early, early
    missing = sorted(set(NOT_BEFORE_THE_WALK) - set(at_end))
    # ... and loaded when it came to be used (the index's kept listing: a big index's only)
    assert missing == ["tidy.workspace.index_cache"], missing


# What `tidy fix` uses only after its scan (the plan's and the result's report with rich's
# tables, the appliers with the extractor and git's index edits, ctypes for renameat2 and
# statx), loaded while its walk waits for its workers or after the scan: importing them
# before the walk was ~0.13 s of every fix run (issue 16).
NOT_BEFORE_A_FIX_WALK = ("rich", "tidy.fixes.report", "tidy.fixes.extract", "tidy.extract.core",
                         "tidy.fixes.git_rm", "tidy.fixes.untrack", "tidy.fixes.trash.applier",
                         "tidy.fixes.ignore.apply", "tidy.fixes.editors.excludes", "ctypes")


def test_a_fix_walks_before_it_loads_what_only_its_plan_and_moves_use(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    write(repo / "src" / "app.py", "print('hi')\n")
    write(repo / "node_modules" / "left-pad" / "index.js", "module.exports = 1\n")
    write(repo / "package.json", "{}\n")
    commit(repo, "src", "package.json")
    out, at_walk, at_end = _modules_at_walk_and_end(["fix", "--dry-run", "--format", "json", "-q",
                                                     str(repo)])
    assert "node_modules" in out  # it scanned and planned the move
    early = sorted(set(NOT_BEFORE_A_FIX_WALK) & set(at_walk))
    assert not early, early
    # ... and loaded to plan and report (ctypes only to move: a dry run moves nothing)
    missing = sorted(set(NOT_BEFORE_A_FIX_WALK) - set(at_end))
    assert missing == ["ctypes"], missing


def test_the_start_up_imports_run_no_cyclic_collection(tmp_path: Path) -> None:
    """click, the command and the engine are imported with the collector paused
    (tidy.core.cycles): what they make lives as long as the process, and every pass over it
    was wasted (a warm 250k bench scan made 24 collections before its walk, ~6-11 ms)."""
    repo = make_repo(tmp_path / "repo")
    write(repo / "src" / "app.py", "print('hi')\n")
    commit(repo, "src")
    probe = ("import gc, sys\n"
             "from tidy.__main__ import run\n"
             "import tidy.workspace.walk as walk_module\n"
             "seen, at_walk = [], []\n"
             "gc.callbacks.append(lambda phase, info: seen.append(info['generation'])\n"
             "                    if phase == 'start' else None)\n"
             "walk_run = walk_module.Walker.run\n"
             "def spy(self, *args, **kwargs):\n"
             "    at_walk.append(list(seen))\n"
             "    return walk_run(self, *args, **kwargs)\n"
             "walk_module.Walker.run = spy\n"
             "sys.argv = ['tidy', 'scan', '--format', 'json', '-q', '--no-record', "
             f"{str(repo)!r}]\n"
             "code = run()\n"
             "print(repr(at_walk[0]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    collections = ast.literal_eval(done.stderr.strip().splitlines()[-1])
    assert done.stdout.startswith("{")  # it scanned: the JSON report
    assert len(collections) <= 1, collections


def test_the_dataclasses_a_scan_imports_each_say_what_they_are() -> None:
    """A dataclass with no docstring of its own gets one made from its signature as Python
    creates it (dataclasses calls inspect.signature): ~0.1 ms a class, paid on the start-up's
    path by every scan before its walk (33 such classes: ~4 ms of a warm 250k scan's CPU)."""
    probe = ("import dataclasses, sys\n"
             "import tidy.cli.scan, tidy.engine, tidy.rules.registry\n"
             "import tidy.workspace.pool, tidy.workspace.walk\n"
             "tidy.engine._early_imports()\n"
             "tidy.cli.scan._load_what_follows([('json', None)])\n"
             "made = sorted(f'{name}.{value.__qualname__}'\n"
             "              for name, module in list(sys.modules.items())\n"
             "              if name.startswith('tidy.')\n"
             "              for value in list(vars(module).values())\n"
             "              if isinstance(value, type) and dataclasses.is_dataclass(value)\n"
             "              and value.__module__ == name\n"
             "              and (value.__doc__ or '').startswith(value.__name__ + '('))\n"
             "print(repr(made))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert ast.literal_eval(done.stdout.strip()) == []
