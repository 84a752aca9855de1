"""extract_module(path, names, fmt) -> ExtractResult: the whole extraction, verified first.

Order of work (nothing is written until every check has passed):
1. locate top-level assignments (scanner, bounded memory), choose the literal(s);
2. convert each value piece by piece in capped workers (literal_eval, encode, decode, compare);
3. compose the data file, splice the loader into the original bytes, compile the result;
4. decode the data file in a fresh process with the loader's own decoder and check that it
   re-encodes to the very same text; check packaging;
5. back up the original under .git/tidy (or the state dir), write data, module, pyproject;
6. with --verify-import, compare every public name of the old and new module in fresh
   processes, and put the original back if anything differs.
"""

from __future__ import annotations

import ast
import dataclasses
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tidy.core.atomic import atomic_write
from tidy.extract import convert, packaging, stub
from tidy.extract.locate import LocateError, Statement, statements
from tidy.extract.rewrite import Edit, RewriteError, encoding_of, splice

MIN_VALUE_BYTES = 1024  # a literal smaller than this is left in place when no name is given


class ExtractError(ValueError):
    """A refusal: one line that says which value and where."""


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


@dataclass(frozen=True)
class _Converted:
    stmt: Statement
    value: convert.ValueResult
    layout: str  # whole, list, dict, tuple


def _layout(stmt: Statement, value: convert.ValueResult) -> str:
    if value.whole:
        return "whole"
    return {"[": "list", "{": "dict", "(": "tuple"}[stmt.opener]


def _value_text(item: _Converted) -> str:
    if item.layout == "whole":
        return item.value.text_parts[0]
    body = ",\n".join(part for part in item.value.text_parts if part)
    head, tail = {"list": ("[", "]"), "dict": ("{", "}"), "tuple": ('{"$tuple":[', "]}")}[
        item.layout]
    return f"{head}\n{body}\n{tail}" if body else head + tail


def data_file_name(module_path: str, fmt: str) -> str:
    stem = os.path.splitext(os.path.basename(module_path))[0]
    return f"{stem}.json.gz" if fmt == "gz" else f"{stem}.json"


def extract_module(
    path: str, names: Sequence[str] = (), fmt: str = "gz", *, verify_import: bool = False,
    dry_run: bool = False, workers: int = 0, memory_cap: int = convert.DEFAULT_MEMORY_CAP,
) -> ExtractResult:
    started = time.monotonic()
    path = os.path.abspath(path)
    data = _read(path)
    encoding = _encoding(path, data)
    data_name = data_file_name(path, fmt)
    data_path = os.path.join(os.path.dirname(path), data_name)
    done = _already_extracted(path, data, encoding)
    if done is not None:
        return done
    if os.path.exists(data_path):
        raise ExtractError(f"{data_path} already exists and the module has no extraction "
                           "manifest: move it away first")
    found = _statements(path, data)
    targets = _choose(path, found, names)
    old_digests = _public_digests(path, None) if verify_import and not dry_run else None
    converted = [_convert(path, data, s, encoding, workers, memory_cap) for s in targets]
    tagged = any(c.value.tagged for c in converted)
    json_bytes = _compose(converted)
    data_bytes = gzip.compress(json_bytes, compresslevel=9, mtime=0) if fmt == "gz" else json_bytes
    manifest = stub.Manifest(data_name, tuple(s.name for s in targets), tagged, fmt == "gz",
                             _source_hash(data, targets), hashlib.sha256(data_bytes).hexdigest())
    new_module, eager = _rewritten(path, data, encoding, converted, manifest)
    _check_round_trip(data_bytes, manifest, converted, hashlib.sha256(json_bytes).hexdigest())
    package = packaging.check(path, data_path)
    if package.refusal:
        raise ExtractError(f"{path}: {package.refusal}")
    notes = [*package.notes, *_churn_note(path, fmt)]
    result = ExtractResult(
        module=path, data_file=data_path, status="dry-run" if dry_run else "extracted",
        names=manifest.names, eager=eager, tagged=tagged, original_bytes=len(data),
        module_bytes=len(new_module), module_lines=new_module.count(b"\n"),
        json_bytes=len(json_bytes), data_bytes=len(data_bytes), notes=tuple(notes))
    if dry_run:
        return dataclasses.replace(result, seconds=time.monotonic() - started)
    backup = _write_all(path, data, new_module, data_path, data_bytes, package.edit)
    if old_digests is not None:
        _verify_import(path, old_digests, backup)
    return dataclasses.replace(result, backup=backup, seconds=time.monotonic() - started)


# -- reading and choosing --------------------------------------------------------------------
def _read(path: str) -> bytes:
    if not os.path.isfile(path):
        raise ExtractError(f"{path}: no such file")
    if not path.endswith(".py"):
        raise ExtractError(f"{path}: not a Python module (.py)")
    with open(path, "rb") as f:
        return f.read()


def _encoding(path: str, data: bytes) -> str:
    try:
        encoding = encoding_of(data)
        data.decode(encoding)
    except (RewriteError, UnicodeDecodeError) as error:
        raise ExtractError(f"{path}: {error}") from None
    return encoding


def _statements(path: str, data: bytes) -> list[Statement]:
    try:
        return statements(data)
    except LocateError as error:
        raise ExtractError(f"{path}: {error}") from None


def _choose(path: str, found: list[Statement], names: Sequence[str]) -> list[Statement]:
    by_name: dict[str, list[Statement]] = {}
    for stmt in found:
        if stmt.is_assignment:
            by_name.setdefault(stmt.name, []).append(stmt)
    if names:
        chosen = []
        for name in dict.fromkeys(names):
            matches = by_name.get(name)
            if not matches:
                raise ExtractError(f"{path}: no top-level assignment `{name} = ...`")
            if len(matches) > 1:
                lines = ", ".join(str(s.line) for s in matches)
                raise ExtractError(f"{path}: {name} is assigned more than once (lines {lines})")
            chosen.append(matches[0])
        return sorted(chosen, key=lambda s: s.start)
    candidates = [s for s in found if s.is_assignment and s.literal_shaped
                  and not s.name.startswith("__") and len(by_name[s.name]) == 1]
    chosen = [s for s in candidates if s.value_bytes >= MIN_VALUE_BYTES]
    if not chosen:
        raise ExtractError(f"{path}: no top-level literal of {MIN_VALUE_BYTES} bytes or more; "
                           "name one with --name")
    return chosen


def _convert(path: str, data: bytes, stmt: Statement, encoding: str, workers: int,
             cap: int) -> _Converted:
    try:
        value = convert.convert_value(data, stmt, encoding, workers, cap)
    except convert.ConversionError as error:
        raise ExtractError(f"{path}: {stmt.name} (line {stmt.line}): {error}") from None
    return _Converted(stmt, value, _layout(stmt, value))


def _compose(converted: list[_Converted]) -> bytes:
    body = ",\n".join(json.dumps(c.stmt.name) + ":" + _value_text(c) for c in converted)
    return ("{" + body + "}\n").encode("ascii")


def _source_hash(data: bytes, targets: list[Statement]) -> str:
    digest = hashlib.sha256()
    for stmt in targets:
        digest.update(data[stmt.value_start:stmt.end])
        digest.update(b"\0")
    return digest.hexdigest()


# -- the new module --------------------------------------------------------------------------
def _rewritten(path: str, data: bytes, encoding: str, converted: list[_Converted],
               manifest: stub.Manifest) -> tuple[bytes, tuple[str, ...]]:
    skeleton = splice(data, [Edit(c.stmt.value_start, c.stmt.end, "None") for c in converted],
                      encoding)
    try:
        tree = ast.parse(skeleton.decode(encoding))
    except SyntaxError as error:
        raise ExtractError(f"{path}: line {error.lineno}: {error.msg}") from None
    targets = [c.stmt.name for c in converted]
    used = _names_used(tree, targets)
    defined = _top_level_names(tree)
    lazy_ok = stub.lazy_allowed(defined)
    eager = tuple(n for n in targets if n in used or not lazy_ok)
    lazy = tuple(n for n in targets if n not in eager)
    annotations = {c.stmt.name: convert.annotation(c.value, c.stmt.opener) for c in converted}
    uses_any = any("Any" in annotations[n] for n in lazy)
    if uses_any:
        annotations = {n: a.replace("Any", "_TidyAny") for n, a in annotations.items()}
    plan = stub.StubPlan(manifest, lazy, eager, "__all__" in defined, uses_any)
    edits = []
    for index, item in enumerate(converted):
        stmt = item.stmt
        header = data[stmt.start:stmt.value_start].decode(encoding)
        text = (stub.eager_statement(header, stmt.name) if stmt.name in eager
                else stub.lazy_statement(header, stmt.name, annotations[stmt.name]))
        if index == 0:
            text = stub.loader_block(plan) + text
        edits.append(Edit(stmt.start, stmt.end, text))
    new_module = splice(data, edits, encoding)
    try:
        compile(new_module, path, "exec", dont_inherit=True)
    except SyntaxError as error:  # a bug of ours, not the user's: say so and write nothing
        raise ExtractError(f"{path}: the rewritten module does not compile "
                           f"(line {error.lineno}: {error.msg}); nothing written") from None
    return new_module, eager


def _names_used(tree: ast.Module, targets: list[str]) -> set[str]:
    """Targets the module's own code reads (or rebinds): these must be bound eagerly."""
    wanted = set(targets)
    used: set[str] = set()
    assigned: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in wanted:
            if isinstance(node.ctx, ast.Load | ast.Del):
                used.add(node.id)
            else:
                assigned[node.id] = assigned.get(node.id, 0) + 1
        elif isinstance(node, ast.Global | ast.Nonlocal):
            used.update(wanted.intersection(node.names))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("globals", "vars", "locals", "eval", "exec"):
            used.update(wanted)  # dynamic access: be safe
    used.update(n for n, count in assigned.items() if count > 1)
    return used


def _top_level_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


# -- verification in fresh processes ---------------------------------------------------------
_ROUND_TRIP = r"""
import gzip, hashlib, json, sys
spec = json.loads(sys.argv[1])
namespace = {}
exec(spec["decoder"], namespace)
with open(spec["path"], "rb") as f:
    raw = f.read()
if spec["compressed"]:
    raw = gzip.decompress(raw)
data = json.loads(raw, object_hook=namespace["_tidy_untag"]) if spec["tagged"] else json.loads(raw)
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
print(hashlib.sha256(("{" + ",\n".join(parts) + "}\n").encode("ascii")).hexdigest())
"""


def _tidy_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _check_round_trip(data_bytes: bytes, manifest: stub.Manifest,
                      converted: list[_Converted], expected: str) -> None:
    """Decode the data file as the loader will, in a fresh process; it must re-encode exactly."""
    from tidy.extract.encode import DECODER_SOURCE

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        f.write(data_bytes)
        temp = f.name
    try:
        spec = {"path": temp, "compressed": manifest.compressed, "tagged": manifest.tagged,
                "decoder": DECODER_SOURCE, "tidy": _tidy_root(),
                "layouts": [[c.stmt.name, c.layout] for c in converted]}
        done = subprocess.run([sys.executable, "-I", "-c", _ROUND_TRIP, json.dumps(spec)],
                              capture_output=True, text=True, check=False)
    finally:
        os.unlink(temp)
    got = done.stdout.strip()
    if done.returncode != 0 or got != expected:
        reason = done.stderr.strip().splitlines()[-1:] or ["a different text"]
        raise ExtractError(f"{manifest.data_file}: the data does not read back exactly "
                           f"({reason[0]}); nothing written")


_DIGESTS = r"""
import hashlib, importlib, json, sys
root, dotted, tidy_root = sys.argv[1:4]
sys.dont_write_bytecode = True
sys.path[:0] = [root]
module = importlib.import_module(dotted)
sys.path.append(tidy_root)
from tidy.extract.encode import dumps, tagged
out = {}
for name in sorted(n for n in dir(module) if not n.startswith("_")):
    value = getattr(module, name)
    try:
        out[name] = hashlib.sha256(dumps(tagged(value)).encode()).hexdigest()
    except Exception:
        out[name] = "a " + type(value).__name__
print(json.dumps(out))
"""


def _public_digests(path: str, _unused: None) -> dict[str, str]:
    dotted, root = packaging.module_name(path)
    done = subprocess.run([sys.executable, "-c", _DIGESTS, root, dotted, _tidy_root()],
                          capture_output=True, text=True, check=False, cwd=root)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ExtractError(f"{path}: importing {dotted} failed: {last}")
    result: dict[str, str] = json.loads(done.stdout)
    return result


def _verify_import(path: str, old: dict[str, str], backup: str) -> None:
    try:
        new = _public_digests(path, None)
    except ExtractError as error:
        undo_extract(path, backup)
        raise ExtractError(f"{error}; the original module was put back") from None
    if new != old:
        differing = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        undo_extract(path, backup)
        raise ExtractError(f"{path}: after extraction {', '.join(differing[:5])} differ on "
                           "import; the original module was put back")


def _churn_note(path: str, fmt: str) -> list[str]:
    commits = packaging.commits_last_year(path)
    if fmt == "gz" and commits >= packaging.CHURN_COMMITS:
        return [f"the module changed in {commits} commits last year: --format json deltas in "
                "git, a .gz adds its full size to history on every change"]
    return []


# -- writing, backup and undo ----------------------------------------------------------------
def backup_root(module_path: str) -> str:
    """.git/tidy/extract of the module's repository, else the user's state dir."""
    folder = os.path.dirname(os.path.abspath(module_path))
    try:
        done = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=folder,
                              capture_output=True, text=True, timeout=30, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return os.path.join(done.stdout.strip(), "tidy", "extract")
    except (OSError, subprocess.TimeoutExpired):
        pass
    from tidy.core.state import state_dir

    return os.path.join(state_dir(), "extract")


def _atomic_write(path: str, content: bytes, like: str | None = None) -> None:
    """Written in one rename, with the mode of `like` (the module it replaces) or 0644."""
    mode = os.stat(like).st_mode & 0o7777 if like and os.path.exists(like) else 0o644
    atomic_write(path, content, mode)


def _write_all(path: str, original: bytes, new_module: bytes, data_path: str,
               data_bytes: bytes, edit: tuple[str, str] | None) -> str:
    stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    backup = os.path.join(backup_root(path), f"{stamp}-{os.path.basename(path)}")
    os.makedirs(backup, exist_ok=True)
    record = {"module": path, "data_file": data_path, "project_file": edit[0] if edit else "",
              "data_sha256": hashlib.sha256(data_bytes).hexdigest(),
              "data_existed": os.path.exists(data_path)}
    with open(os.path.join(backup, "module.py.orig"), "wb") as f:
        f.write(original)
        os.fsync(f.fileno())
    if edit is not None:
        with open(edit[0], "rb") as src, open(os.path.join(backup, "project.orig"), "wb") as f:
            f.write(src.read())
    with open(os.path.join(backup, "record.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    _atomic_write(data_path, data_bytes, like=path)
    if edit is not None:
        _atomic_write(edit[0], edit[1].encode("utf-8"), like=edit[0])
    _atomic_write(path, new_module, like=path)
    return backup


def latest_backup(module_path: str) -> str | None:
    root = backup_root(module_path)
    if not os.path.isdir(root):
        return None
    target = os.path.abspath(module_path)
    for entry in sorted(os.listdir(root), reverse=True):
        record_path = os.path.join(root, entry, "record.json")
        try:
            with open(record_path, encoding="utf-8") as f:
                if json.load(f).get("module") == target:
                    return os.path.join(root, entry)
        except (OSError, ValueError):
            continue
    return None


def undo_extract(module_path: str, backup: str | None = None) -> str:
    """Put the original module (and pyproject) back and remove the data file we wrote."""
    backup = backup or latest_backup(module_path)
    if backup is None:
        raise ExtractError(f"{module_path}: no extraction backup found")
    with open(os.path.join(backup, "record.json"), encoding="utf-8") as f:
        record = json.load(f)
    with open(os.path.join(backup, "module.py.orig"), "rb") as f:
        _atomic_write(record["module"], f.read(), like=record["module"])
    if record.get("project_file"):
        with open(os.path.join(backup, "project.orig"), "rb") as f:
            _atomic_write(record["project_file"], f.read(), like=record["project_file"])
    data_path = record["data_file"]
    note = f"restored {record['module']}"
    if os.path.exists(data_path) and not record.get("data_existed"):
        with open(data_path, "rb") as f:
            unchanged = hashlib.sha256(f.read()).hexdigest() == record["data_sha256"]
        if unchanged:
            os.unlink(data_path)
            note += f", removed {data_path}"
        else:
            note += f"; kept {data_path}: it changed since extraction"
    os.rename(backup, backup + ".undone")
    return note


def _already_extracted(path: str, data: bytes, encoding: str) -> ExtractResult | None:
    manifest = stub.read_manifest(data.decode(encoding, "replace"))
    if manifest is None:
        return None
    data_path = os.path.join(os.path.dirname(path), manifest.data_file)
    if not os.path.isfile(data_path):
        raise ExtractError(f"{path}: already extracted, but {manifest.data_file} is missing")
    with open(data_path, "rb") as f:
        if hashlib.sha256(f.read()).hexdigest() != manifest.data_sha256:
            raise ExtractError(f"{path}: {manifest.data_file} changed since extraction "
                               "(stale: its hash differs from the module's manifest)")
    return ExtractResult(module=path, data_file=data_path, status="up-to-date",
                         names=manifest.names, tagged=manifest.tagged,
                         original_bytes=len(data), module_bytes=len(data),
                         module_lines=data.count(b"\n"))
