"""3xx: data in code. Python modules that are mostly a literal (TDY301), giant string constants
holding JSON/CSV/text (TDY302), big JSON/JS/TS data files in source folders (TDY303).

Candidates are the walk's big files (at or over `data-min-size`). Every file goes through a
streaming tokenize pre-filter first (never `ast.parse` on every file); only files that look
like data are confirmed, in a child process with a memory cap (tidy/extract/confirm.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import humanize

from tidy.core.models import ActionKind, Applicability, Finding, Fix, Size
from tidy.extract import prefilter
from tidy.extract.confirm import GIANT_STRING_BYTES, Confirmation, Holder, confirm_in_subprocess
from tidy.rules.base import GroupContext, Rule

DATA_SHARE = 0.8  # literal assignments must cover this much of the module
_STUB_LINES = 60  # the loader a rewrite adds, for the estimate
_JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")
_DATA_SUFFIXES = (".json", ".geojson", *_JS_SUFFIXES)
_SOURCE_SUFFIXES = (".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".vue", ".svelte")
_NOT_DATA_NAMES = frozenset({"package-lock.json", "npm-shrinkwrap.json", "composer.lock",
                             "pnpm-lock.json", "deno.lock", "bun.lockb"})
_JS_TOKEN = re.compile(
    rb"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`|(?P<num>\b\d[\w.]*)"
    rb"|(?P<name>[A-Za-z_$][\w$]*)|//[^\n]*|/\*[\s\S]*?\*/")


def _candidates(ctx: GroupContext, suffixes: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    if not ctx.is_repo:
        # Data in code is a project's problem: an installed toolchain's docs or a venv's
        # site-packages under a home folder are not the user's source to rewrite.
        return
    floor = ctx.config.data_min_size
    for big in ctx.big_files:
        if big.bytes >= floor and big.rel.endswith(suffixes) and not ctx.ignored(big.rel):
            yield big.rel, big.bytes


def _confirmed(ctx: GroupContext, rel: str) -> Confirmation | None:
    path = os.path.join(ctx.root, rel)
    if not prefilter.measure(path).passes:
        return None
    return confirm_in_subprocess(path)


def _python_checks(ctx: GroupContext) -> Iterator[tuple[str, int, Confirmation]]:
    for rel, size in _candidates(ctx, (".py",)):
        found = _confirmed(ctx, rel)
        if found is not None:
            yield rel, size, found


def _holders_text(found: Confirmation, holders: list[Holder]) -> str:
    parts = [f"{h.name} {h.bytes / max(1, found.bytes):.0%} (lines {h.line}-{h.end_line})"
             for h in sorted(holders, key=lambda h: -h.bytes)[:4]]
    return ", ".join(parts)


def _estimate(found: Confirmation, holders: list[Holder], lines: int) -> str:
    data = sum(h.bytes for h in holders)
    gz = int(data * found.estimate_ratio) if found.estimate_ratio else data // 4
    held_lines = sum(h.end_line - h.line + 1 for h in holders)
    module_lines = max(1, lines - held_lines) + _STUB_LINES
    return (f"a ~{module_lines:,}-line module plus a ~{humanize.naturalsize(gz)} .json.gz "
            f"(~{humanize.naturalsize(data)} of literal text)")


def _finding(ctx: GroupContext, code: str, name: str, rel: str, size: int, message: str,
             details: list[tuple[str, str]], fix: Fix) -> Finding:
    tracked, _ = ctx.tracked_state(rel, 1, False)
    return Finding(code=code, rule=name, path=rel, message=message,
                   size=Size(size, size, 1, 0), surface=ctx.surface.under(rel),
                   tracked=tracked, ignored=ctx.ignored(rel), fix=fix,
                   details=tuple(details))


def check_data_modules(ctx: GroupContext) -> Iterator[Finding]:
    for rel, size, found in _python_checks(ctx):
        if found.error:
            yield _finding(ctx, "TDY301", "data-module", rel, size,
                           f"looks like data but could not be confirmed: {found.error}",
                           [], Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY, "check by hand"))
            continue
        holders = [h for h in found.holders if h.kind != "str"]
        strings = [h for h in found.holders if h.kind == "str"]
        if found.share < DATA_SHARE or sum(h.bytes for h in holders) < sum(
                h.bytes for h in strings):
            continue  # code, or mostly one string (TDY302 reports that)
        names = _holders_text(found, holders)
        message = (f"module of {humanize.naturalsize(size)} and {found.lines:,} lines is "
                   f"{found.share:.0%} literal data: {names}")
        details = [("holds", names), ("estimate", _estimate(found, holders, found.lines)),
                   ("checked", "sampled batches" if any(h.sampled for h in holders) else "all")]
        fix = Fix(ActionKind.EXTRACT, Applicability.UNSAFE,
                  f"tidy extract {rel}: data to {_data_name(rel)} + a loader stub (verified)")
        yield _finding(ctx, "TDY301", "data-module", rel, size, message, details, fix)


def check_giant_strings(ctx: GroupContext) -> Iterator[Finding]:
    for rel, size, found in _python_checks(ctx):
        for holder in found.holders:
            if holder.kind != "str" or holder.bytes < max(GIANT_STRING_BYTES, size // 2):
                continue
            what = holder.content or "text"
            message = (f"{holder.name} (lines {holder.line}-{holder.end_line}) is one string "
                       f"constant of {humanize.naturalsize(holder.bytes)} holding {what}")
            fix = Fix(ActionKind.EXTRACT, Applicability.UNSAFE,
                      f"tidy extract {rel} --name {holder.name}; or keep the {what} in its own "
                      f"file and read it with importlib.resources")
            details = [("holds", f"{holder.name} {holder.bytes / max(1, size):.0%}"),
                       ("content", what)]
            yield _finding(ctx, "TDY302", "giant-string-constant", rel, size, message, details,
                           fix)


def _data_name(rel: str) -> str:
    return os.path.splitext(os.path.basename(rel))[0] + ".json.gz"


def _in_source_folder(ctx: GroupContext, rel: str) -> bool:
    folder = os.path.dirname(os.path.join(ctx.root, rel))
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    own = os.path.basename(rel)
    return any(n != own and n.endswith(_SOURCE_SUFFIXES) for n in names)


def _js_is_data(path: str) -> bool:
    """String/number bytes over half of the first MB, and few names: a data table, not code."""
    try:
        with open(path, "rb") as f:
            sample = f.read(prefilter.SAMPLE_BYTES)
    except OSError:
        return False
    literal = names = tokens = 0
    for match in _JS_TOKEN.finditer(sample):
        tokens += 1
        if match.group("name") is not None:
            names += 1
        elif not match.group(0).startswith((b"//", b"/*")):
            literal += len(match.group(0))
    return bool(sample) and literal / len(sample) >= 0.5 and names <= max(20, tokens // 10)


def check_data_files(ctx: GroupContext) -> Iterator[Finding]:
    for rel, size in _candidates(ctx, _DATA_SUFFIXES):
        name = os.path.basename(rel)
        if name in _NOT_DATA_NAMES or name.endswith((".min.js", ".d.ts", ".map")):
            continue
        if not _in_source_folder(ctx, rel):
            continue
        if rel.endswith(_JS_SUFFIXES) and not _js_is_data(os.path.join(ctx.root, rel)):
            continue
        message = (f"{humanize.naturalsize(size)} data file in a source folder: linters, "
                   "bundlers, type checkers and search all read it")
        fix = Fix(ActionKind.NONE, Applicability.DISPLAY_ONLY,
                  "move it to a data/ or assets/ folder (or compress it and load it at runtime)")
        yield _finding(ctx, "TDY303", "data-file-in-source", rel, size, message, [], fix)


RULES = (
    Rule(
        "TDY301", "data-module",
        "A Python module that is mostly one or more literals (data in code)",
        """What: a .py file (at least `data-min-size`, default 256KB) where top-level assignments
of pure literals (what ast.literal_eval accepts) cover at least 80% of the bytes. A tokenize
pre-filter picks candidates (string/number-heavy, few names); number-heavy code is not flagged.
Why: every import without a .pyc (uv installs, containers, read-only installs) re-parses it:
a 49 MB module costs seconds and gigabytes per process, and so does every linter, type
checker, test collector and IDE indexer; its .pyc is as big again.
Fix (unsafe, verified): `tidy extract MODULE` moves the data to MODULE.json.gz (or .json with
--format json) and leaves a stdlib loader stub; the round trip is checked type-exactly first.""",
        check_data_modules, Applicability.UNSAFE,
    ),
    Rule(
        "TDY302", "giant-string-constant",
        "One string constant of 100 KB or more holding JSON, CSV or text",
        """What: a top-level assignment whose value is a single string literal of at least 100 KB
and half the module (moto's 4 MB AWS policy JSON in a triple-quoted string).
Why: the same parse cost as any data module, and the data cannot be read by other tools.
Fix (unsafe): `tidy extract MODULE --name NAME`, or keep the content in its own file.""",
        check_giant_strings, Applicability.UNSAFE,
    ),
    Rule(
        "TDY303", "data-file-in-source",
        "A big JSON/JS/TS data file checked into a source folder (report only)",
        """What: a .json/.geojson file, or a .js/.ts file that is mostly string and number
literals, of at least `data-min-size`, next to source files (lockfiles, *.min.js, *.d.ts and
source maps are left out).
Why: bundlers, linters, type checkers and search index it with the code.
Fix (display only): move it to a data/assets folder, or load it at runtime.""",
        check_data_files, Applicability.DISPLAY_ONLY,
    ),
)
