"""Find the top-level statements of a module, and the assignments among them, without a parse tree.

`ast.parse` of a 51 MB literal module takes 40 s and 6.4 GB here, and the stdlib `tokenize`
module 28 s (12 million tokens, one Python-level step each). This scanner follows the
tokenizer's rules for what matters to find statement boundaries (strings with every prefix,
triple quotes, backslash escapes and continuations, comments, brackets) but works line by
line with C-level regex substitutions: about one Python step per line instead of per token.
The assignment header (`NAME [: annotation] =`) is then checked with the real tokenizer, and
everything the scanner says about a value is checked again by `ast` when it is converted:
a wrong split shows up as a syntax error there, never as different data.

Offsets are byte offsets into the file as it is on disk (any ASCII-compatible encoding).
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

_STRING = (
    rb"'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''"
    rb'|"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""'
    rb"|'(?:[^'\\\n]|\\[\s\S])*'"
    rb'|"(?:[^"\\\n]|\\[\s\S])*"'
)
# Strings become \x01, a comment becomes \x01# (an unmatched group is replaced by nothing),
# so what is left holds brackets, operators and names only, and '#' only from comments.
_SCRUB = re.compile(rb"(?:" + _STRING + rb")|(#)[^\n]*")
_REPL = b"\x01\\1"
_WHOLE_STRING = re.compile(_STRING)
# Like _SCRUB within one line; a string that does not close on the line is an opener there.
_OPENER = re.compile(
    _STRING.replace(b"|'(?:", b"|(?P<open3>'''|\"\"\")|'(?:", 1)
    + rb"|(#)[^\n]*|(?P<open>'|\")")
# A name other than the literal keywords and string prefixes: the value is code, not data.
_NAME = re.compile(
    rb"(?<![\w.\x80-\xff])(?!(?:True|False|None)(?![\w\x80-\xff]))"
    rb"(?![rRbBuU]{1,2}\x01)[A-Za-z_\x80-\xff][\w\x80-\xff]*"
)
# Operators a literal never needs (only , : + - and brackets; '.' only inside numbers or ...).
_OPERATOR = re.compile(
    rb"[*/%@<>=!~&|^;`$?]|(?<![\d.])\.(?![\d.])"
    # a subscript or call right after a value: (1, 2)[0] folds to a constant, literal_eval refuses
    rb"|[\w\x01)\]}][ \t]*[\[(]"
    # a binary + or - (not an exponent's sign), unless its right side is imaginary (1+2j)
    rb"|(?:(?<![\d.])[eE]|[\w\x01)\]}](?<![eE]))[ \t]*[+-](?![ \t]*[\d.][\w.]*[jJ](?!\w))"
)
_HEADER = re.compile(rb"([A-Za-z_][\w]*)[ \t]*(?::[ \t]*([^=\n#]*?))?[ \t]*=(?!=)[ \t]*")
_OPENERS = {ord("["): "[", ord("{"): "{", ord("("): "("}


class LocateError(ValueError):
    """The file does not tokenize (an unterminated string or bracket)."""


@dataclass(frozen=True)
class Statement:
    """One top-level statement, blocks of compound statements included."""

    start: int  # byte offset of its first character (column 0)
    end: int  # byte offset just after its last code character (comments and blanks excluded)
    line: int  # 1-based
    end_line: int
    literal_shaped: bool  # no names but True/False/None, no operators a literal cannot hold
    # Set for `NAME [: ANNOTATION] = VALUE` statements only:
    name: str = ""
    annotation: str = ""
    value_start: int = -1
    opener: str = ""  # "[", "{" or "(" when the value is a display; "" otherwise
    splits: tuple[int, ...] = ()  # offsets after a newline where a depth-1 element list may be cut

    @property
    def is_assignment(self) -> bool:
        return self.value_start >= 0

    @property
    def value_bytes(self) -> int:
        return self.end - self.value_start if self.is_assignment else 0


@dataclass
class _Open:
    """The statement being scanned."""

    start: int
    line: int
    end: int
    end_line: int
    shaped: bool = True
    name: str = ""
    annotation: str = ""
    value_start: int = -1
    opener: str = ""
    splits: list[int] | None = None


class _Scanner:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.depth = 0
        self.continued = False
        self.current: _Open | None = None
        self.done: list[Statement] = []

    def run(self) -> list[Statement]:
        data, line_no, size = self.data, 1, len(self.data)
        pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0  # a UTF-8 BOM: no statement's
        while pos < size:
            newline = data.find(b"\n", pos)
            stop = size if newline < 0 else newline
            pos, line_no = self._line(pos, stop, line_no)
        if self.depth > 0:
            raise LocateError(f"line {line_no}: a bracket opened above is never closed")
        self._close()
        return self.done

    def _line(self, start: int, stop: int, line_no: int) -> tuple[int, int]:
        """Scan one physical line (more when a string runs on); return the next line's start."""
        data = self.data
        at_top = self.depth == 0 and not self.continued
        if at_top and not self._begin(data[start:stop], start, line_no):
            return stop + 1, line_no + 1
        current = self.current
        piece_start = start
        if current is not None and current.value_start > start:
            piece_start = current.value_start  # the header is not part of the value
        had_string = False
        scrubbed = _SCRUB.sub(_REPL, data[piece_start:stop])
        while b"'" in scrubbed or b'"' in scrubbed:
            # A string that goes on past this line: account what comes before it, jump to
            # its end, and go on with the rest of the line where it closes.
            opener, end = self._string_running_on(piece_start, stop, line_no)
            self._account(_SCRUB.sub(_REPL, data[piece_start:opener]))
            line_no += data.count(b"\n", opener, end)
            newline = data.find(b"\n", end)
            stop = len(data) if newline < 0 else newline
            piece_start, had_string = end, True
            scrubbed = _SCRUB.sub(_REPL, data[piece_start:stop])
        code = self._account(scrubbed)
        self.continued = code.endswith(b"\\")
        if current is not None:
            if had_string or code.strip(b" \t\r\x0c"):
                current.end = _code_end(data, piece_start, stop)
                current.end_line = line_no
            if current.splits is not None and self.depth == 1 and code.endswith(b","):
                current.splits.append(stop + 1)
        return stop + 1, line_no + 1

    def _string_running_on(self, start: int, stop: int, line_no: int) -> tuple[int, int]:
        """(where it opens, where it ends) of the first string in data[start:stop] that runs on."""
        data = self.data
        for match in _OPENER.finditer(data, start, stop):
            if match.group("open") is None and match.group("open3") is None:
                continue
            at = match.start()
            whole = _WHOLE_STRING.match(data, at)
            if whole is None:
                raise LocateError(f"line {line_no}: unterminated string")
            return at, whole.end()
        raise LocateError(f"line {line_no}: cannot find where a string starts")

    def _account(self, scrubbed: bytes) -> bytes:
        """Brackets, names and operators of a scrubbed piece; returns its code without comment."""
        cut = scrubbed.find(b"#")
        code = scrubbed if cut < 0 else scrubbed[:cut - 1]  # a comment is "\x01#..."
        code = code.rstrip(b" \t\r\x0c").replace(b"set()", b"\x01")
        opens = code.count(b"[") + code.count(b"{") + code.count(b"(")
        closes = code.count(b"]") + code.count(b"}") + code.count(b")")
        self.depth += opens - closes
        if self.depth < 0:
            raise LocateError("a closing bracket with no opening one")
        current = self.current
        if current is not None and current.shaped and (
                _NAME.search(code) or _OPERATOR.search(code)):
            current.shaped = False
        return code

    def _begin(self, text: bytes, start: int, line_no: int) -> bool:
        """A line at the top level: a new statement, part of a block, or nothing. Scan it?"""
        stripped = text.lstrip(b" \t\x0c")
        if not stripped.rstrip(b"\r") or stripped.startswith(b"#"):
            return False
        if text[:1] in (b" ", b"\t", b"\x0c") and self.current is not None:
            self.current.shaped = False  # an indented block: this statement is code
            return True
        self._close()
        self.current = _Open(start, line_no, start + len(text.rstrip()), line_no)
        header = _HEADER.match(text)
        if header is not None and _header_tokenizes(text[: header.end()]):
            current = self.current
            current.name = header.group(1).decode("ascii")
            current.annotation = (header.group(2) or b"").strip().decode("utf-8", "replace")
            current.value_start = start + header.end()
            after = header.end()
            current.opener = _OPENERS.get(text[after] if after < len(text) else -1, "")
            current.splits = [] if current.opener else None
        return True

    def _close(self) -> None:
        current = self.current
        if current is None:
            return
        self.done.append(Statement(
            start=current.start, end=current.end, line=current.line, end_line=current.end_line,
            literal_shaped=current.shaped and current.value_start >= 0,
            name=current.name, annotation=current.annotation, value_start=current.value_start,
            opener=current.opener, splits=tuple(current.splits or ()),
        ))
        self.current = None


def _header_tokenizes(header: bytes) -> bool:
    """The real tokenizer agrees: NAME, maybe ':' and an annotation, then one '=' at depth 0."""
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(header.rstrip() + b" 0\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    significant = [t for t in tokens if t.type not in (
        tokenize.ENCODING, tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.COMMENT)]
    if len(significant) < 3 or significant[0].type != tokenize.NAME:
        return False
    if significant[-2].string != "=" or significant[-1].string != "0":
        return False
    return len(significant) == 3 or significant[1].string == ":"


def _code_end(data: bytes, start: int, stop: int) -> int:
    """Offset just after the last code byte of data[start:stop] (comment and blanks dropped)."""
    cut = stop
    if b"#" in data[start:stop]:
        for match in _SCRUB.finditer(data, start, stop):
            if match.group(1) is not None:
                cut = match.start()
                break
    while cut > start and data[cut - 1] in b" \t\r\x0c":
        cut -= 1
    return cut


def statements(data: bytes) -> list[Statement]:
    """The top-level statements of a module's bytes, in order."""
    return _Scanner(data).run()

