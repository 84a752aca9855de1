"""extract_module(path, ...) -> ExtractResult: the whole extraction, verified first.

Two ways to the same result, chosen by what the data is (plan.py holds what they share):
- top-level literals, the 51 MB `QUESTIONS = [...]` (literal_way.py): statements are found
  without a parse tree (locate.py, bounded memory), values are converted piece by piece in
  capped workers, and nothing is imported (`--verify-import` and `tidy fix` import the
  rewritten module);
- class attributes, functions that only return data, values built by calls or names,
  `u('...')`, `frozenset([...])` (tree_way.py): the module's parse tree finds the bindings
  (bindings.py); literals are taken with ast.literal_eval, anything else only with
  `--evaluate`, by importing the module in the project's interpreter (interpreter.py,
  evaluate.py, importing.py); the rewritten module is then imported again in a fresh
  interpreter and every module-level name is compared type-exactly, order included.

Nothing is written until every check that can run before writing has passed: the data file
decodes (with the loader's own decoder, in a fresh process) to the very same text, the new
module compiles, packaging allows it. A check after writing (the import) that fails puts the
original bytes back. guards.py refuses what cannot be done exactly.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tidy.core.owners import not_yours
from tidy.core.safe_files import UnsafeFile, read_in_root
from tidy.extract import backup, convert, encode, guards, packaging, stub
from tidy.extract.importing import verify_after_writing
from tidy.extract.literal_way import literal_statements, literal_way
from tidy.extract.plan import (
    ExtractError,
    NeedsEvaluate,
    NotPackaged,
    Options,
    Prepared,
    data_file_bytes,
)
from tidy.extract.rewrite import RewriteError, encoding_of
from tidy.extract.tree_way import tree_way
from tidy.workspace.build_config import BuildConfigs

__all__ = ["ExtractError", "ExtractResult", "NeedsEvaluate", "NotPackaged", "data_file_name",
           "extract_module", "latest_backup", "undo_extract"]

latest_backup = backup.latest_backup


@dataclass(frozen=True)
class ExtractResult:
    module: str
    data_file: str
    status: str  # extracted, dry-run, up-to-date
    names: tuple[str, ...] = ()
    eager: tuple[str, ...] = ()
    tagged: bool = False
    original_bytes: int = 0
    module_bytes: int = 0
    module_lines: int = 0
    json_bytes: int = 0
    data_bytes: int = 0
    backup: str = ""
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    evaluated: tuple[str, ...] = ()  # keys whose values were taken by importing the module
    interpreter: str = ""  # the interpreter that imported the module, and why that one
    verified: str = ""  # what the import after writing compared


def data_file_name(module_path: str, fmt: str) -> str:
    stem = os.path.splitext(os.path.basename(module_path))[0]
    return f"{stem}.json.gz" if fmt == "gz" else f"{stem}.json"


def extract_module(
    path: str, names: Sequence[str] = (), fmt: str = "gz", *, verify_import: bool = False,
    dry_run: bool = False, workers: int = 0, memory_cap: int = convert.DEFAULT_MEMORY_CAP,
    evaluate: bool = False, python: str | None = None, always_verify: bool = False,
) -> ExtractResult:
    options = Options(tuple(dict.fromkeys(names)), fmt, verify_import, dry_run, workers,
                      memory_cap, evaluate, python, always_verify)
    started = time.monotonic()
    path = os.path.abspath(path)
    data_path = os.path.join(os.path.dirname(path), data_file_name(path, fmt))
    data, encoding, notes = _read_checked(path, data_path)
    done = _already_extracted(path, data, encoding)
    if done is not None:
        return dataclasses.replace(done, notes=tuple(notes))
    if os.path.lexists(data_path):
        raise ExtractError(guards.data_path_refusal(data_path) or (
            f"{data_path} already exists and the module has no extraction manifest: move it "
            "away first"))
    # First the build config (a few small files): a project whose wheels would not ship the
    # data file is refused before the module is converted (Faker: 20 modules, 80 s of
    # converting, each then refused for the same reason).
    package = packaging.check(path, data_path, BuildConfigs([_TOP]))
    if package.refusal:
        raise NotPackaged(f"{path}: {package.refusal}", package.refusal)
    prepared = _prepare(path, data, encoding, data_path, options)
    prepared.notes[:0] = notes
    data_bytes = data_file_bytes(prepared.json_bytes, fmt)
    _check_round_trip(data_bytes, prepared.manifest, prepared.layouts,
                      hashlib.sha256(prepared.json_bytes).hexdigest())
    result = _result(path, data_path, data, data_bytes, prepared,
                     [*package.notes, *_churn_note(path, fmt)], dry_run)
    if dry_run:
        return dataclasses.replace(result, seconds=time.monotonic() - started)
    _refuse_another_users(path)
    _unchanged_since_read(path, data, data_path)
    try:
        written = backup.write_all(path, data, prepared.new_module, data_path, data_bytes,
                                   package.edit, package.edit_from)
    except backup.UndoRefused as error:
        raise ExtractError(str(error)) from None
    verified = ""
    if prepared.interpreter is not None:
        verified = verify_after_writing(path, prepared, written.backup)
    return dataclasses.replace(result, backup=written.backup, verified=verified,
                               seconds=time.monotonic() - started)


def _read_checked(path: str, data_path: str) -> tuple[bytes, str, list[str]]:
    """The module's bytes and encoding, after the path checks and after finishing what a
    killed run left (notes say what)."""
    refusal = guards.path_refusal(path)
    if refusal:
        raise ExtractError(f"{path}: {refusal}")
    # First: a kill in the instant the module stood aside left it under another name.
    notes = backup.clear_leftovers(path, data_path)
    data = _read(path)
    return data, _encoding(path, data), notes


def _result(path: str, data_path: str, data: bytes, data_bytes: bytes, prepared: Prepared,
            notes: list[str], dry_run: bool) -> ExtractResult:
    manifest = prepared.manifest
    return ExtractResult(
        module=path, data_file=data_path, status="dry-run" if dry_run else "extracted",
        names=manifest.names, eager=prepared.eager, tagged=manifest.tagged,
        original_bytes=len(data), module_bytes=len(prepared.new_module),
        module_lines=prepared.new_module.count(b"\n"), json_bytes=len(prepared.json_bytes),
        data_bytes=len(data_bytes), evaluated=prepared.evaluated,
        notes=tuple([*prepared.notes, *notes]),
        interpreter=prepared.interpreter.describe() if prepared.interpreter else "")


def _unchanged_since_read(path: str, data: bytes, data_path: str) -> None:
    """Right before writing (an import may have taken minutes): the module is still the
    bytes the new one was made from, and no data file appeared. (The build config is read
    just before this, by packaging.check.)"""
    if guards.path_refusal(path) or _read_from_top(path) != data:
        raise ExtractError(f"{path}: the module changed while it was being extracted; "
                           "nothing written")
    if os.path.lexists(data_path):
        raise ExtractError(f"{data_path} appeared while the module was being extracted; "
                           "nothing written")


# -- reading and choosing --------------------------------------------------------------------
def _read(path: str) -> bytes:
    if not path.endswith(".py"):
        raise ExtractError(f"{path}: not a Python module (.py)")
    data = _read_from_top(path)
    if data is None:
        raise ExtractError(f"{path}: no such file")
    return data


# The module's path holds no link (guards.path_refusal: its real path is its path), so what
# extract reads of it, beside it and above it (the module, its data file, its build config)
# is opened from "/" down with no link followed at any level: a folder swapped for a link
# after that check is an error, never an outside file's bytes read as the module's.
_TOP = "/"
_MODULE_MAX_BYTES = 1 << 40  # no limit but the file's own size


def _read_from_top(path: str) -> bytes | None:
    """The bytes of the absolute `path` (None: missing), read with no link followed."""
    try:
        return read_in_root(_TOP, path.lstrip("/"), limit=_MODULE_MAX_BYTES, verb="read")
    except UnsafeFile as error:
        raise ExtractError(f"{path}: {error}") from None
    except OSError as error:
        raise ExtractError(f"{path}: cannot read it ({error.strerror or error})") from None


def _encoding(path: str, data: bytes) -> str:
    try:
        encoding = encoding_of(data)
        data.decode(encoding)
    except (RewriteError, UnicodeDecodeError) as error:
        raise ExtractError(f"{path}: {error}") from None
    return encoding


def _prepare(path: str, data: bytes, encoding: str, data_path: str,
             options: Options) -> Prepared:
    literal = literal_statements(path, data, options)
    if literal is not None:
        return literal_way(path, data, encoding, data_path, literal, options)
    return tree_way(path, data, encoding, data_path, options)


def _churn_note(path: str, fmt: str) -> list[str]:
    commits = packaging.commits_last_year(path)
    if fmt == "gz" and commits >= packaging.CHURN_COMMITS:
        return [f"the module changed in {commits} commits last year: --format json deltas in "
                "git, a .gz adds its full size to history on every change"]
    return []


# -- the data file, read back in a fresh process ---------------------------------------------
_ROUND_TRIP = r"""
import gzip, hashlib, json, sys
spec = json.loads(sys.argv[1])
namespace = {}
exec("import builtins as _tidy_builtins\n" + spec["decoder"], namespace)
with open(spec["path"], "rb") as f:
    raw = f.read()
if spec["compressed"]:
    raw = gzip.decompress(raw)
untag = namespace["_tidy_untag"]
reordered = []
def hook(obj):
    # A set of numbers is written in its iteration order; the loader, inserting in that
    # order, may still build one that iterates otherwise (colliding hashes): noted, to say so.
    built = untag(obj)
    written = list(obj.values())[0] if len(obj) == 1 else None
    if built is not obj and type(built) in (set, frozenset) and list(built) != written:
        reordered.append(1)
    return built
data = json.loads(raw, object_hook=hook) if spec["tagged"] else json.loads(raw)
sys.path.insert(0, spec["tidy"])
from tidy.extract.encode import encode
parts = []
for name, layout in spec["layouts"]:
    value = data[name]
    if layout == "whole":
        text = encode(value)[0]
    elif layout == "dict":
        items = [json.dumps(k) + ":" + encode(v)[0] for k, v in value.items()]
        text = "{\n" + ",\n".join(items) + "\n}" if items else "{}"
    else:
        items = [encode(v)[0] for v in value]
        head, tail = ("[", "]") if layout == "list" else ('{"$tuple":[', "]}")
        text = head + "\n" + ",\n".join(items) + "\n" + tail if items else head + tail
    parts.append(json.dumps(name) + ":" + text)
digest = hashlib.sha256(("{" + ",\n".join(parts) + "}\n").encode("ascii")).hexdigest()
if digest != spec["expected"] and reordered:
    sys.exit("a set iterates in another order once the loader rebuilds it")
print(digest)
"""


def _tidy_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _check_round_trip(data_bytes: bytes, manifest: stub.Manifest,
                      layouts: list[tuple[str, str]], expected: str) -> None:
    """Decode the data file as the loader will, in a fresh process; it must re-encode exactly."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        f.write(data_bytes)
        temp = f.name
    try:
        spec = {"path": temp, "compressed": manifest.compressed, "tagged": manifest.tagged,
                "decoder": encode.DECODER_SOURCE, "tidy": _tidy_root(),
                "layouts": [list(pair) for pair in layouts], "expected": expected}
        done = subprocess.run([sys.executable, "-I", "-c", _ROUND_TRIP, json.dumps(spec)],
                              capture_output=True, text=True, check=False,
                              preexec_fn=_die_with_parent)
    finally:
        os.unlink(temp)
    got = done.stdout.strip()
    if done.returncode != 0 or got != expected:
        reason = done.stderr.strip().splitlines()[-1:] or ["a different text"]
        raise ExtractError(f"{manifest.data_file}: the data does not read back exactly "
                           f"({reason[0]}); nothing written")


def _die_with_parent() -> None:
    from tidy.extract.interpreter import set_death_signal

    set_death_signal()


# -- undo ------------------------------------------------------------------------------------
def undo_extract(module_path: str, backup_folder: str | None = None, force: bool = False,
                 hint: str = backup.FORCE_HINT) -> str:
    """Put the original module back; refused when anything changed since, unless force (the
    refusal names `hint`, the command that forces it)."""
    _refuse_another_users(os.path.abspath(module_path))
    try:
        return backup.undo(os.path.abspath(module_path), backup_folder, force, hint)
    except backup.UndoRefused as error:
        raise ExtractError(f"{module_path}: {error}") from None


def _refuse_another_users(path: str) -> None:
    """The module and its folder must be the running user's: root extracting a user's module
    left its backup (`.git/tidy/extract/`, 0700) and the new files root's (tidy.core.owners)."""
    why = not_yours(os.path.dirname(path), "extract") or not_yours(path, "extract")
    if why:
        raise ExtractError(why)


def _already_extracted(path: str, data: bytes, encoding: str) -> ExtractResult | None:
    manifest = stub.read_manifest(data.decode(encoding, "replace"))
    if manifest is None:
        return None
    data_path = os.path.join(os.path.dirname(path), manifest.data_file)
    kept = _read_from_top(data_path)
    if kept is None:
        raise ExtractError(f"{path}: already extracted, but {manifest.data_file} is missing")
    if hashlib.sha256(kept).hexdigest() != manifest.data_sha256:
        raise ExtractError(f"{path}: {manifest.data_file} changed since extraction "
                           "(stale: its hash differs from the module's manifest)")
    return ExtractResult(module=path, data_file=data_path, status="up-to-date",
                         names=manifest.names, tagged=manifest.tagged,
                         original_bytes=len(data), module_bytes=len(data),
                         module_lines=data.count(b"\n"))
