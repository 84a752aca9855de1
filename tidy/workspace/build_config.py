"""A Python project's build config as read from the tree (pyproject.toml, setup.py, setup.cfg,
MANIFEST.in, the __init__.py chain of a module's packages), each file read at most once per
BuildConfigs: one plan, or one scan's group, asks about all its data modules from one reading.
Whether git ignores a data file (hatchling and poetry leave such files out of wheels) is asked
of git once per project for all the data files expected (`expect`), not once per module.

Only reading happens here; what the files declare is judged by tidy.extract.packaging. A
BuildConfigs is never kept across runs: the config may change between two of them."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tidy.core.safe_files import UnsafeFile, read_in_root, read_regular

CONFIG_NAMES = ("pyproject.toml", "setup.py", "setup.cfg")
# pyproject.toml and MANIFEST.in are the files an extraction may edit: their refusals say so.
_EDITED = frozenset({"pyproject.toml", "MANIFEST.in"})


@dataclass(frozen=True)
class ConfigFile:
    """One file as read: its bytes (None: not there), or why it could not be read."""

    data: bytes | None
    unsafe: UnsafeFile | None = None  # a link, a FIFO, too big: never read through
    error: OSError | None = None

    @property
    def text(self) -> str:
        """Its text ("" when missing or unreadable), undecodable bytes replaced."""
        return (self.data or b"").decode("utf-8", "replace")


class BuildConfigs:
    """The build config files read so far, by path; what packaging parsed from them (`parsed`,
    keyed by the caller); the project file and package found for each folder.

    A file below one of `roots` (the scanned groups, the plan's) is reached from that root
    with no link followed at any level (tidy.core.safe_files.read_in_root): a folder of the
    project swapped for a link after the walk found its modules makes the file unsafe, never
    a read of a build config outside the root judged as the project's (trust round 12)."""

    def __init__(self, roots: Iterable[str] = ()) -> None:
        # Longest first: a root inside another (a repo below the scanned folder) is its own.
        self._roots = sorted({os.path.join(r, "") for r in roots}, key=len, reverse=True)
        self._files: dict[str, ConfigFile] = {}
        self._project_files: dict[str, str] = {}
        self._packages: dict[str, tuple[str, str]] = {}
        self.parsed: dict[tuple[str, str], Any] = {}
        self.reads = 0  # files opened: what a plan or scan cost (bench, tests)
        self._expected: dict[str, None] = {}  # data files git may be asked about, in order
        self._ignored: dict[str, bool] = {}  # git's answers so far

    def file(self, path: str) -> ConfigFile:
        found = self._files.get(path)
        if found is None:
            found = self._files[path] = self._read(path)
        return found

    def _read(self, path: str) -> ConfigFile:
        self.reads += 1
        verb = "edited" if os.path.basename(path) in _EDITED else "read"
        root = next((r for r in self._roots if path.startswith(r)), "")
        try:
            if root:
                return ConfigFile(read_in_root(root, path[len(root):], verb=verb))
            return ConfigFile(read_regular(path, verb=verb))
        except UnsafeFile as error:
            return ConfigFile(None, unsafe=error)
        except OSError as error:
            return ConfigFile(None, error=error)

    def exists(self, path: str) -> bool:
        """Whether `path` is there as a file of some sort (a link or a FIFO counts: the
        project file is found, and then refused to be read through)."""
        found = self.file(path)
        return found.data is not None or found.unsafe is not None or found.error is not None

    def project_file(self, start: str) -> str:
        """The pyproject.toml / setup.py / setup.cfg nearest above `start` (a file), up to the
        repository's top; "" when there is none."""
        return self._project_file_of(os.path.dirname(os.path.abspath(start)))

    def _project_file_of(self, folder: str) -> str:
        found = self._project_files.get(folder)
        if found is not None:
            return found
        result = ""
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                result = candidate
                break
        else:
            parent = os.path.dirname(folder)
            if not os.path.isdir(os.path.join(folder, ".git")) and parent != folder:
                result = self._project_file_of(parent)
        self._project_files[folder] = result
        return result

    def package_of(self, module_path: str) -> tuple[str, str]:
        """(dotted package, import root folder) of a module file, following __init__.py up."""
        return self._package_of_folder(os.path.dirname(os.path.abspath(module_path)))

    def _package_of_folder(self, folder: str) -> tuple[str, str]:
        found = self._packages.get(folder)
        if found is not None:
            return found
        result = ("", folder)
        if os.path.isfile(os.path.join(folder, "__init__.py")):
            parent = os.path.dirname(folder)
            name = os.path.basename(folder)
            if parent == folder:
                result = (name, folder)
            else:
                above, root = self._package_of_folder(parent)
                result = (f"{above}.{name}" if above else name, root)
        self._packages[folder] = result
        return result

    def expect(self, data_paths: Iterable[str]) -> None:
        """Data files whose git-ignored state may be asked (`git_ignored`) for this plan or
        scan's group: the first question about a project asks git about all of its files."""
        self._expected.update((os.path.abspath(p), None) for p in data_paths)

    def git_ignored(self, data_path: str, project_folder: str) -> bool:
        """Whether git ignores `data_path` (a file of the project in `project_folder`): one
        `git check-ignore --stdin -z` per project answers every expected file under it
        (a scan of a hatchling project with 30 data modules: 1 git instead of 30)."""
        path = os.path.abspath(data_path)
        found = self._ignored.get(path)
        if found is not None:
            return found
        inside = os.path.join(os.path.abspath(project_folder), "")
        batch = [p for p in self._expected if p.startswith(inside) and p not in self._ignored]
        answers = _check_ignore(project_folder, [*dict.fromkeys([path, *batch])])
        if answers is None:  # git refused the batch (a path in a nested repo): this one
            answers = {path: _check_ignore(os.path.dirname(path), [path]) == {path: True}}
        self._ignored.update(answers)
        return self._ignored.get(path, False)


def _check_ignore(folder: str, paths: list[str]) -> dict[str, bool] | None:
    """git's answer for each path (True: ignored), or None when git could not answer (not a
    repository, a path it refuses): then nothing is taken as ignored by the caller."""
    from tidy.workspace.git import git_env

    try:
        done = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=folder,
                              input=b"".join(os.fsencode(p) + b"\0" for p in paths),
                              capture_output=True, timeout=30, check=False,
                              env=git_env(folder))
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode not in (0, 1):
        return None
    ignored = set(done.stdout.split(b"\0"))
    return {p: os.fsencode(p) in ignored for p in paths}
