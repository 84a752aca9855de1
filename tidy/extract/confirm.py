"""Confirmation for the 3xx rules: which top-level assignments hold pure literals, and how much
of the file they cover. Runs in a child process with RLIMIT_AS (`confirm_in_subprocess`).

Bounded work whatever the size: the scanner (locate.py) finds every top-level statement and
says which values are literal-shaped (no names but True/False/None, no operators a literal
cannot hold); then `ast.literal_eval` checks each candidate exactly, whole when it is at most
FULL_CHECK_BYTES, else on a sample of its batches (first, middle, last). Extraction itself
checks every batch.
"""

from __future__ import annotations

import ast
import gzip
import json
import os
import resource
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from tidy.extract import convert
from tidy.extract.locate import LocateError, Statement, statements
from tidy.extract.rewrite import RewriteError, encoding_of

FULL_CHECK_BYTES = 2_000_000
DEFAULT_CAP = 1536 * 1024**2
GIANT_STRING_BYTES = 100_000


@dataclass
class Holder:
    name: str
    line: int
    end_line: int
    bytes: int
    kind: str  # list, dict, tuple, str, bytes, other
    sampled: bool  # checked on a sample of its batches
    content: str = ""  # for strings: json, csv, text


@dataclass
class Confirmation:
    bytes: int = 0
    lines: int = 0
    holders: list[Holder] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # literal-shaped but not literals
    estimate_ratio: float = 0.0  # gzip size / source size, measured on a sample
    error: str = ""

    @property
    def literal_bytes(self) -> int:
        return sum(h.bytes for h in self.holders)

    @property
    def share(self) -> float:
        return self.literal_bytes / self.bytes if self.bytes else 0.0


def confirm(path: str) -> Confirmation:
    with open(path, "rb") as f:
        data = f.read()
    result = Confirmation(len(data), data.count(b"\n") + (not data.endswith(b"\n")))
    try:
        encoding = encoding_of(data)
        found = statements(data)
    except (RewriteError, LocateError) as error:
        result.error = str(error)
        return result
    for stmt in found:
        if stmt.literal_shaped and stmt.value_bytes > 0:
            _check(data, stmt, encoding, result)
    biggest = max(result.holders, key=lambda h: h.bytes, default=None)
    if biggest is not None:
        stmt = next(s for s in found if s.name == biggest.name and s.line == biggest.line)
        sample = data[stmt.value_start:stmt.value_start + 1_000_000]
        result.estimate_ratio = len(gzip.compress(sample, 6)) / max(1, len(sample))
    return result


def _check(data: bytes, stmt: Statement, encoding: str, result: Confirmation) -> None:
    parts = convert.pieces(data, stmt)
    sampled = stmt.value_bytes > FULL_CHECK_BYTES and len(parts) > 3
    chosen = [parts[0], parts[len(parts) // 2], parts[-1]] if sampled else parts
    kind = {"[": "list", "{": "dict", "(": "tuple"}.get(stmt.opener, "other")
    content = ""
    for piece in chosen:
        text = piece.wrap[0] + data[piece.start:piece.end].decode(encoding) + piece.wrap[1]
        try:
            value = ast.literal_eval(ast.parse(text, mode="eval").body)
        except (ValueError, TypeError, SyntaxError, RecursionError) as error:
            result.rejected.append(f"{stmt.name} (line {stmt.line}): {type(error).__name__}")
            return
        if piece.whole:
            kind = _kind(value)
            content = sniff(value) if isinstance(value, str) else ""
    result.holders.append(Holder(stmt.name, stmt.line, stmt.end_line,
                                 stmt.end - stmt.start, kind, sampled, content))


def _kind(value: Any) -> str:
    for kind in (str, bytes, list, dict, tuple, set):
        if type(value) is kind:
            return kind.__name__
    return "other"


def sniff(text: str) -> str:
    """What a big string holds: json, csv or text."""
    head = text.lstrip()[:1]
    if head in ("{", "["):
        try:
            json.loads(text)
            return "json"
        except ValueError:
            pass
    lines = [line for line in text.strip().splitlines()[:20] if line]
    if len(lines) >= 3:
        for delimiter in (",", "\t", ";", "|"):
            counts = {line.count(delimiter) for line in lines}
            if len(counts) == 1 and counts.pop() > 0:
                return "csv"
    return "text"


# -- the capped child --------------------------------------------------------------------------
def confirm_in_subprocess(path: str, cap: int = DEFAULT_CAP, timeout: float = 600) -> Confirmation:
    """Run confirm() in a fresh interpreter with RLIMIT_AS = cap; a clear error if it is hit."""
    # -P: the caller's folder (maybe the scanned repo, with a tidy/ of its own) is not on sys.path.
    command = [sys.executable, "-P", "-m", "tidy.extract.confirm", path, str(cap)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              check=False, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    except subprocess.TimeoutExpired:
        return Confirmation(error=f"confirmation took over {timeout:.0f} s; skipped")
    if done.returncode != 0 or not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        if "MemoryError" in done.stderr or done.returncode in (-9, 137):
            return Confirmation(error=f"confirmation hit its memory cap of {cap // 1024**2} MiB "
                                      "(the file is too big to check here)")
        return Confirmation(error=f"confirmation failed: {last}")
    body = json.loads(done.stdout)
    holders = [Holder(**h) for h in body.pop("holders")]
    return Confirmation(holders=holders, **body)


def _main(argv: list[str]) -> int:
    path, cap = argv[0], int(argv[1])
    if cap > 0:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        found = confirm(path)
    except MemoryError:
        sys.stderr.write("MemoryError: the memory cap was hit\n")
        return 1
    print(json.dumps(asdict(found)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
