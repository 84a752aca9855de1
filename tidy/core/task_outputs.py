"""The folders a monorepo task runner's config names as a package's task outputs: Turborepo's
turbo.json, Nx's nx.json, project.json and package.json "nx".

turbo caches and restores each task's `outputs` (globs relative to the package's folder:
`"dist/**"`), so a folder so named is, by the project's own word, what its build writes:
round 21's npm workspace whose package builds with `cp index.js dist/` had no other sign of
it (no map, no config of a bundler). Only an output glob naming a whole folder by plain
parts (`dist/**`, `dist/**/*`, `packages/a` is never one: turbo's outputs are the package's)
names one; a folder a negated glob takes something out of (`!dist/cache/**`) is not all
output. Keys: turbo 2's `tasks`, turbo 1's `pipeline`; a task `build` is every package's,
`NAME#build` the package NAME's, `//#build` the root package's.

Nx caches each target's `outputs` too, written with tokens: `{projectRoot}/dist` is the
folder dist of the project (nx.json's targetDefaults, every project's; a project.json's or
package.json "nx" targets, its own). Only `{projectRoot}/` followed by plain parts (and an
optional `/**`) names a folder here: `{workspaceRoot}/dist/...`, `{options.outputPath}` and
paths with no token (the workspace root's) name none beside the project.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_TASK_TABLES = ("tasks", "pipeline")
_ROOT_PACKAGE = "//"
# The endings of an output glob that name every file below its folder.
_EVERYTHING_BELOW = ("/**", "/**/*")
_WILDCARDS = frozenset("*?[{!$")


def output_folders(turbo: object, package: str | None, is_root: bool) -> frozenset[str]:
    """The folders (parts joined by "/", relative to the package) that a turbo.json's tasks
    for the package named `package` (None: unnamed) name as outputs. `is_root`: the package
    is the one beside the turbo.json (its `//#task` keys apply)."""
    named: set[str] = set()
    excluded: list[str] = []
    for outputs in _task_outputs(turbo, package, is_root):
        for glob in outputs:
            if glob.startswith("!"):
                excluded.append(glob[1:])
                continue
            folder = _whole_folder(glob)
            if folder is not None:
                named.add(folder)
    return frozenset(f for f in named if not any(_touches(x, f) for x in excluded))


def _task_outputs(turbo: object, package: str | None, is_root: bool
                  ) -> Iterable[list[str]]:
    if not isinstance(turbo, Mapping):
        return
    for table in _TASK_TABLES:
        tasks = turbo.get(table)
        if not isinstance(tasks, Mapping):
            continue
        for key, task in tasks.items():
            if not isinstance(key, str) or not _applies(key, package, is_root):
                continue
            outputs = task.get("outputs") if isinstance(task, Mapping) else None
            if isinstance(outputs, list):
                yield [glob for glob in outputs if isinstance(glob, str)]


def _applies(key: str, package: str | None, is_root: bool) -> bool:
    owner, hash_sign, _ = key.partition("#")
    if not hash_sign:
        return True  # every package's task
    if owner == _ROOT_PACKAGE:
        return is_root
    return package is not None and owner == package


def _whole_folder(glob: str) -> str | None:
    """"dist/**" -> "dist"; "./build/**/*" -> "build"; a glob with a wildcard in its folder,
    one above the package ("../x/**"), `$TURBO_ROOT$/...` or a file's glob -> None."""
    for ending in _EVERYTHING_BELOW:
        if glob.endswith(ending):
            parts = [p for p in glob[: -len(ending)].split("/") if p not in ("", ".")]
            if parts and ".." not in parts and not any(
                    c in _WILDCARDS for part in parts for c in part):
                return "/".join(parts)
    return None


def _touches(excluded: str, folder: str) -> bool:
    """Whether a negated glob takes something out of (or above) `folder`: `!dist/cache/**`
    out of dist, `!**/*.map` out of any."""
    parts = [p for p in excluded.split("/") if p not in ("", ".")]
    for index, part in enumerate(folder.split("/")):
        if index >= len(parts):
            return True
        if any(c in _WILDCARDS for c in parts[index]):
            return True
        if parts[index] != part:
            return False
    return True


_PROJECT_ROOT = "{projectRoot}/"


def nx_output_folders(targets: object) -> frozenset[str]:
    """The folders (relative to the project) that a table of Nx targets (nx.json's
    targetDefaults, project.json's targets) names as outputs."""
    if not isinstance(targets, Mapping):
        return frozenset()
    found: set[str] = set()
    for target in targets.values():
        outputs = target.get("outputs") if isinstance(target, Mapping) else None
        for output in outputs if isinstance(outputs, list) else ():
            folder = _project_folder(output) if isinstance(output, str) else None
            if folder is not None:
                found.add(folder)
    return frozenset(found)


def _project_folder(output: str) -> str | None:
    """"{projectRoot}/dist" and "{projectRoot}/dist/**" -> "dist"; anything else None."""
    if not output.startswith(_PROJECT_ROOT):
        return None
    rest = output[len(_PROJECT_ROOT):]
    return _whole_folder(rest if rest.endswith(_EVERYTHING_BELOW) else rest + "/**")
