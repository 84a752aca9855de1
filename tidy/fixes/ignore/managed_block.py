"""Append ignore rules to a managed block in `.gitignore`-style files.

The block is the only part of the file tidy ever writes:

    # >>> tidy managed (do not edit this block) >>>
    __pycache__/
    /frontend/.next/
    # <<< tidy managed <<<

Lines outside it are never touched, re-running with the same rules changes nothing, the
file's line ending (LF or CRLF) is kept, and a missing final newline is handled. The write
is atomic (temp file in the same folder + rename) and keeps the file's mode, and it happens
only to a regular file reached from the root without following a link, and only while it is
still the file read (tidy.core.swap: a save meanwhile is merged again, never overwritten): a
`.gitignore` that is a symlink, a FIFO, or sits in a linked folder is refused with the
reason, never written through.

Fixers never detect: which rules to write is decided by tidy.analysis.ignore_choice, which checks
each one against real git before it gets here.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass

from tidy.core.safe_files import UnsafeFile, read_in_root
from tidy.core.swap import RETRIES, FileChanged, read_seen, swap_in_root
from tidy.workspace.tidy_written import BLOCK_BEGIN, BLOCK_END

BEGIN, END = BLOCK_BEGIN, BLOCK_END  # defined where the scan recognises tidy's own lines
# The same non-UTF-8 bytes come back out: an ignore file is bytes to git, not text.
_ENCODING = "utf-8"
_ERRORS = "surrogateescape"


class IgnoreFileError(ValueError):
    """A file tidy refuses to edit (broken managed block, bad pattern): nothing was written."""


def merge_block(text: str, patterns: Sequence[str]) -> str:
    """`text` with `patterns` added to its managed block; `text` itself when nothing is new.

    A pattern already in the block, or already an identical line elsewhere in the file, is
    not added again. The block is created at the end of the file when it is missing.
    """
    wanted = _clean_patterns(patterns)
    lines = text.splitlines(keepends=True)
    begin, end = _find_block(lines)
    present = {line.rstrip("\r\n").strip() for line in lines}
    new = [p for p in wanted if p not in present]
    if not new:
        return text
    eol = _line_ending(text)
    if begin is None or end is None:
        return _append_block(text, new, eol)
    block_eol = _ending_of(lines[end]) or eol
    inserted = [p + block_eol for p in new]
    before = lines[:end]
    if before and not _ending_of(before[-1]):  # cannot happen before END, but stay safe
        before[-1] += block_eol
    return "".join([*before, *inserted, *lines[end:]])


def managed_patterns(text: str) -> list[str]:
    """The patterns inside the managed block (empty when there is none)."""
    lines = text.splitlines()
    begin, end = _find_block(text.splitlines(keepends=True))
    if begin is None or end is None:
        return []
    return [s for s in (line.strip() for line in lines[begin + 1:end]) if s and s[0] != "#"]


def take_out(text: str, added: Sequence[str]) -> str | None:
    """`text` without the lines tidy added to its managed block; None when that is not exact.

    Undo uses it when a file changed after tidy wrote it: only tidy's own lines go (each
    pattern it added, found once inside the block), and the block markers, with the blank line
    tidy puts before them, once nothing is left in the block. Every line the user wrote,
    inside the block or outside, stays. None when a pattern tidy added is no longer in the
    block exactly once: then the caller must not guess.
    """
    lines = text.splitlines(keepends=True)
    try:
        begin, end = _find_block(lines)
    except IgnoreFileError:
        return None
    if begin is None or end is None:
        return None
    inside = [line.strip() for line in lines[begin + 1:end]]
    wanted = set(added)
    if any(inside.count(p) != 1 for p in wanted):
        return None
    kept_block = [line for line in lines[begin + 1:end] if line.strip() not in wanted]
    if any(line.strip() for line in kept_block):
        return "".join([*lines[:begin + 1], *kept_block, *lines[end:]])
    head = lines[:begin]
    if len(head) >= 2 and not head[-1].strip() and head[-2].strip():
        head = head[:-1]  # the blank line tidy put between the user's rules and its block
    return "".join([*head, *lines[end + 1:]])


def add_rules(repo_root: str, patterns: Sequence[str], filename: str = ".gitignore") -> bool:
    """Add `patterns` to the managed block of `repo_root/filename`; True when the file changed.

    UnsafeFile when the file is a symlink, a FIFO ... or lies in a linked folder.
    """
    for _attempt in range(RETRIES):
        try:
            seen = read_seen(repo_root, filename)
        except OSError as error:
            raise IgnoreFileError(f"{filename}: cannot read: {error.strerror or error}") \
                from None
        text = (seen.data or b"").decode(_ENCODING, _ERRORS)
        merged = merge_block(text, patterns)
        if merged == text:
            return False
        try:  # only while it is still the file read: a save meanwhile is merged again
            swap_in_root(repo_root, filename, merged.encode(_ENCODING, _ERRORS), seen)
        except FileChanged as error:
            if not error.again:
                raise IgnoreFileError(str(error)) from None
            continue
        return True
    raise IgnoreFileError(f"{filename} kept changing while tidy wrote it ({RETRIES} tries); "
                          "tidy left it as it is")


def read_file(root: str, rel: str) -> str | None:
    """root/rel as text (None when it does not exist), undecodable bytes kept as they are.

    Reached without following links; UnsafeFile for a link, a FIFO, a device ...;
    IgnoreFileError when it cannot be read.
    """
    try:
        data = read_in_root(root, rel)
    except UnsafeFile:
        raise
    except OSError as error:
        raise IgnoreFileError(f"{rel}: cannot read: {error.strerror or error}") from None
    return None if data is None else data.decode(_ENCODING, _ERRORS)


def _clean_patterns(patterns: Sequence[str]) -> list[str]:
    if isinstance(patterns, str):
        raise TypeError("patterns must be a sequence of strings, not one string")
    cleaned: list[str] = []
    for pattern in patterns:
        stripped = pattern.strip()
        if not stripped:
            raise IgnoreFileError("an empty ignore pattern")
        if "\n" in stripped or "\r" in stripped:
            raise IgnoreFileError(f"an ignore pattern spans lines: {pattern!r}")
        if stripped.startswith("#"):
            # git would read it as a comment; `\#name` is how a name starting with # is written
            raise IgnoreFileError(f"an ignore pattern starts with '#': {pattern!r}")
        if stripped in (BEGIN, END):
            raise IgnoreFileError("a pattern cannot be tidy's own block marker")
        if stripped not in cleaned:
            cleaned.append(stripped)
    return cleaned


def _find_block(lines: list[str]) -> tuple[int | None, int | None]:
    """Indexes of the BEGIN and END lines; an unmatched or repeated marker is refused."""
    begins = [i for i, line in enumerate(lines) if line.strip() == BEGIN]
    ends = [i for i, line in enumerate(lines) if line.strip() == END]
    if not begins and not ends:
        return None, None
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        raise IgnoreFileError(
            f"the tidy managed block is broken ({len(begins)} begin and {len(ends)} end "
            "markers): fix or remove it by hand, tidy will not guess"
        )
    return begins[0], ends[0]


def _line_ending(text: str) -> str:
    """CRLF when the file's first line ends that way, LF otherwise (and for a new file)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _ending_of(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith("\n"):
        return "\n"
    return ""


def _ends_with_blank_line(text: str) -> bool:
    lines = text.splitlines()
    return bool(lines) and not lines[-1].strip() and text.endswith("\n")


def _append_block(text: str, new: list[str], eol: str) -> str:
    parts = [text]
    if text and not text.endswith("\n"):
        parts.append(eol)  # the missing final newline: the last user line stays whole
    if text.strip() and not _ends_with_blank_line(text):
        parts.append(eol)  # one blank line between the user's rules and tidy's
    parts.extend(line + eol for line in (BEGIN, *new, END))
    return "".join(parts)


@dataclass(frozen=True)
class TextEdit:
    """A planned change of one text file: what it holds now and what it will hold."""

    root: str
    rel: str  # the file, relative to root
    before: str | None  # None: the file does not exist yet
    after: str

    @property
    def path(self) -> str:
        return os.path.join(self.root, self.rel)

    @property
    def changed(self) -> bool:
        return self.after != (self.before or "")

    def diff(self, name: str | None = None) -> str:
        """A unified diff of the edit; `name` the file as the reader sees it (default: rel)."""
        name = name or self.rel
        old = (self.before or "").splitlines(keepends=True)
        new = self.after.splitlines(keepends=True)
        source = f"a/{name}" if self.before is not None else "/dev/null"
        return "".join(difflib.unified_diff(old, new, source, f"b/{name}"))
