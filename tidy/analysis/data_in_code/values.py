"""Is one value (the right side of an assignment, or what a function returns) data?

Data is what the extractor can move to a file: literals and containers of them, calls whose
arguments are such values (`u('...')`, `frozenset([...])`, `Matcher('...', 1)`,
`State(**{...})`), methods called on a literal (`"a,b".split(",")`), `+` between them,
unpacking (`[*A, *B]`), and names bound to other data.
Anything else (a name that is not data, a keyword such as `for`/`lambda`/`if`, an operator,
an attribute that is not called) is a code mark.

The value's text is tokenized exactly (strings and comments scrubbed, numbers folded), but a
value longer than three windows is judged on three windows (head, middle, tail, cut at line
starts, never inside a triple-quoted string): work is bounded per value, not per byte.
"""

from __future__ import annotations

import keyword
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tidy.analysis.data_in_code.segments import Splitter

_STRING = (
    rb"'''[^'\\]*(?:(?:\\[\s\S]|'(?!''))[^'\\]*)*'''"
    rb'|"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""'
    rb"|'[^'\\\n]*(?:\\[\s\S][^'\\\n]*)*'"
    rb'|"[^"\\\n]*(?:\\[\s\S][^"\\\n]*)*"'
)
# A string or a comment becomes \x01 (a literal replacement: a template with a group reference
# costs a Python call per match). A comment read as one more string changes nothing here.
_SCRUB = re.compile(_STRING + rb"|#[^\n]*")
_WHOLE_STRING = re.compile(_STRING)
_NAME = rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*"
# lead: `.name` right after a value (a method of a literal); chain: a dotted name; then
# what follows it: a call's `(` or a keyword argument's `=`.
# A dotted name and what follows it: a call's `(`, a keyword argument's `=`, or a string (the
# name is its prefix). Every pattern here starts with a byte class, so the engine skips to
# candidates at C speed; a name right after a letter, digit or dot is a number's tail
# (0x1F, 1e5, 2j) or an attribute (found by _METHOD).
# (The lookbehind comes after the name's first byte, which it reads again: a pattern that
# starts with a lookbehind is tried at every position, and _CHAIN ran at ~25 MB/s over
# phonenumbers' windows; starting with the byte class, 3.8 times faster; dic-11.)
_NAME_START = rb"[A-Za-z_\x80-\xff]"
_CHAIN = re.compile(
    rb"(?P<chain>" + _NAME_START + rb"(?<![\w\x80-\xff.]" + _NAME_START + rb")[\w\x80-\xff]*"
    rb"(?:[ \t]*\.[ \t]*" + _NAME + rb")*)(?P<next>[ \t]*(?:\(|=(?!=))|\x01)?")
# the same, as it was written before (tests/analysis/test_data_in_code.py holds them equal)
CHAIN_AS_WRITTEN = (rb"(?<![\w\x80-\xff.])(?P<chain>" + _NAME + rb"(?:[ \t]*\.[ \t]*" + _NAME
                    + rb")*)(?P<next>[ \t]*(?:\(|=(?!=))|\x01)?")
# `.name` after a string, a call or a display: a method call (`"a,b".split(",")`,
# `np.array([...]).reshape(...)`) when a `(` follows; an attribute read otherwise.
_METHOD = re.compile(rb"\.[ \t]*(?P<name>" + _NAME + rb")(?P<call>[ \t]*\()?")
_OPERATORS = b"*/%@<>=!~&|^;`$?"
# `NAME[...]`, `f(x)[0]`, `"abc"[1:]`: a subscript reads a value, it does not spell one.
_SUBSCRIPT = re.compile(rb"[\w\x80-\xff\x01)\]}][ \t]*\[")
_NOT_OPERATORS = bytes(b for b in range(256) if b not in _OPERATORS)
# `*` or `**` right after `(`, `[`, `{` or `,`: unpacking (`State(**{...})`, `[*A, *B]`,
# `dict(A, **{...})`), which spells a value; after a value it is arithmetic (a code mark).
_UNPACK = re.compile(rb"[(\[{,][ \t\r\n]*(\*\*?)")
_PREFIXES = frozenset({b"r", b"u", b"b", b"f", b"br", b"rb", b"fr", b"rf"})
# An f-string is no literal (ast.JoinedStr, even without a placeholder) and no shape the
# extractor takes, with --evaluate or without: a code mark (astropy's wcs/docstrings.py)
_FORMATTED = frozenset({b"f", b"fr", b"rf"})
# A binary + or - after a string, a bracket or a number: literal_eval refuses it, but for a
# complex number spelled as a sum (`1+2j`: a real number, then an unsigned imaginary one).
# So: after an imaginary number (`1j+2`); before a sign (`1+-2j`); between two numbers when
# the right one is real (`1+2`, `1+2e3`: what follows it is no letter, digit or dot).
# A sign before a sign, a bracket or a string (`--1`, `-(1, 2)`, `-'a'`) is no literal either.
_ARITHMETIC = re.compile(rb"[\x01)\]}][ \t]*[+-]|\d[jJ][ \t]*[+-]|[+-][ \t]*[-+(\[{\x01]"
                         rb"|\d[ \t]*[+-][ \t]*\.?\d(?:[\w.]|(?<=[eE])[+-])*(?<![jJ])"
                         rb"(?![\w.])")
# A number in brackets, `(1)`, `(-2.5)`, is the number itself to ast.literal_eval (brackets
# leave no node): `(1)+2j` and `-(1)` are literals. Not after a name or a value (a call).
_BRACKETED_NUMBER = re.compile(rb"(?<![\w\x80-\xff\x01)\]}])\([ \t\r\n]*([+-]?[ \t\r\n]*"
                               rb"(?:\d|\.\d)(?:[eE][-+]|[\w.])*)[ \t\r\n]*\)")
_BRACKET_DEPTH = 8  # brackets taken off a number at most; deeper stays arithmetic (advice)
# what follows `set(` in literal_eval's empty set, `set()` (blanks only: a comment is \x01 here,
# as a string is, and `set('')` is a call)
_EMPTY_CALL = re.compile(rb"[ \t\r\n\f]*\)")
_SYNC = re.compile(rb",[ \t]*(?=['\"\\[{(\d-])")
# A value's first lines, read for a code mark before its whole window is tokenized
_HEAD_BYTES = 256
_DOT_NAME = re.compile(rb"\.[ \t]*[A-Za-z_]")  # what an attribute read needs (not 1.5)
_LONG_LINE = 64_000  # a line up to this long is taken whole rather than cut at a guess
_WHOLE_VALUE = 1_000_000  # a value with no safe cut is tokenized whole up to this size
# the names ast.literal_eval takes; `Ellipsis` is a name to it (`...` is the constant): a
# value naming it is built (tidy extract takes it with --evaluate), whatever the module binds
_CONSTANTS = frozenset({b"True", b"False", b"None"})
_BUILTIN_CONSTANT = b"Ellipsis"
_KEYWORDS = frozenset(k.encode() for k in keyword.kwlist) - _CONSTANTS
# A value that is one number (`WM_PAINT = 0x000F`, `LIMIT = -1.5e3`): judged without the
# tokenizing below, which costs ~100 us a value (win32con's 3,000 constants: 0.6 s a MB)
_NUMBER = re.compile(rb"-?(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?"
                     rb"[jJ]?)")
_BARE_NAME = re.compile(_NAME)
_KINDS = {ord("["): "list", ord("{"): "dict", ord("("): "tuple", ord("'"): "str",
          ord('"'): "str"}


@dataclass(frozen=True)
class ValueFacts:
    marks: int  # code marks (0: data, if every name in `refs` is data too)
    refs: frozenset[str]  # bare names the value reads
    calls: tuple[str, ...]  # callees, in order of first appearance (at most 4)
    callees: frozenset[str]  # every callee
    kind: str  # list, dict, tuple, str, bytes, number, call, name, other
    pure: bool  # no call, no name, no operator: a literal as far as the text shows
    sampled: bool
    one_string: bool  # the value is exactly one string literal
    scrubbed: int = 0  # bytes tokenized to judge it
    # classes whose members' values the value reads (`Holiday.new_years_day.value`): data
    # only when each is a class of the module itself (judge.py); no extraction is offered
    attr_roots: frozenset[str] = frozenset()


# The facts of a number and of one string, made once: a table of 3,000 one-line items
# (scapy's automotive definitions) would otherwise build a frozen record for each
_A_NUMBER = ValueFacts(0, frozenset(), (), frozenset(), "number", True, False, False)
_ONE_STRING = {(kind, sampled): ValueFacts(0, frozenset(), (), frozenset(), kind, True, sampled,
                                           True)
               for kind in ("str", "bytes") for sampled in (False, True)}
ONE_SHORT_STRING = _ONE_STRING["str", False]


def value_facts(splitter: Splitter, start: int, end: int, window: int) -> ValueFacts:
    data = splitter.data
    if end - start <= 40 and _NUMBER.fullmatch(data, start, end):
        return _A_NUMBER
    marks, impure = 0, False
    refs: set[str] = set()
    roots: set[str] = set()
    calls: dict[str, None] = {}
    if end - start <= 80 and _BARE_NAME.fullmatch(data, start, end):
        return _bare_name(data[start:end], end - start)
    if _one_string(splitter, start, end):
        kind, sampled = _kind(data, start, {}), end - start > 3 * window
        return _ONE_STRING.get((kind, sampled)) or ValueFacts(
            0, frozenset(), (), frozenset(), kind, True, sampled, True)
    windows = _windows(splitter, start, end, window)
    if not windows:
        marks += 1  # megabytes on one line with nowhere safe to cut: not judged as data
    scrubbed_bytes = sum(b - a for a, b in windows)
    if windows and windows[0][1] - start > 2 * _HEAD_BYTES and _code_in_head(splitter, start):
        return _code(scrubbed_bytes)
    for a, b in windows:
        scrubbed = _scrubbed(splitter.masked(a, b))
        if a > start and data[a - 1] in b"'\"":
            scrubbed = b"\x01" + scrubbed  # the window starts after a string: `.split(...)`
        if b"'" in scrubbed or b'"' in scrubbed:
            marks += 1  # a string the window cut: judged as code, never guessed as data
            continue
        keywords = 0
        for chain, after, count, at in _chains(scrubbed):
            if after == b"\x01" and chain.lower() in _FORMATTED:
                return _code(scrubbed_bytes)
            if chain in _CONSTANTS or (after == b"\x01" and chain.lower() in _PREFIXES):
                continue  # True/False/None, or a string prefix (b"...", rb'...')
            if chain == _BUILTIN_CONSTANT and not after:
                impure = True
                continue
            if chain.split(b".", 1)[0].strip() in _KEYWORDS:
                return _code(scrubbed_bytes)
            elif after.strip().startswith(b"("):
                if chain == b"set" and _EMPTY_CALL.match(scrubbed, at):
                    continue  # `set()`: ast.literal_eval's empty set (tidy extract writes it)
                calls.setdefault(chain.replace(b" ", b"").decode("utf-8", "replace"))
                impure = True
            elif after.strip() == b"=":
                impure, keywords = True, keywords + count  # keyword arguments of a call
            elif b"." in chain:
                root = member_value_root(chain)
                if root is None:
                    return _code(scrubbed_bytes)  # an attribute read (Name.Builtin): code
                roots.add(root)
                impure = True
            else:
                refs.add(chain.decode("utf-8", "replace"))
        if b"." in scrubbed:
            marks += _methods(scrubbed, calls)
        unpacked = sum(len(stars) for stars in _UNPACK.findall(scrubbed)) if b"*" in \
            scrubbed else 0
        impure = impure or unpacked > 0
        marks += len(scrubbed.translate(None, _NOT_OPERATORS)) - keywords - unpacked
        if b"[" in scrubbed:
            marks += len(_SUBSCRIPT.findall(scrubbed))
        impure = impure or _arithmetic(scrubbed)
    kind = _kind(data, start, calls)
    return ValueFacts(marks, frozenset(refs), tuple(list(calls)[:4]), frozenset(calls), kind,
                      not impure and not refs and not calls, len(windows) > 1, False,
                      scrubbed_bytes, frozenset(roots))


def _chains(scrubbed: bytes) -> Iterable[tuple[bytes, bytes, int, int]]:
    """Each (name chain, what follows it) of the scrubbed text once, in order of first
    appearance, with how often it appears (and -1): a table of calls (phonenumbers' geodata,
    10,000 `u('...')` a value) is read by the regex at C speed, and judged once per kind of
    chain, not per match (the per-match Python was a third of the windows' time; dic-11).
    Where an empty `set()` may be among them (judged where it is), one match at a time, with
    where each ends, as before."""
    if b"set" not in scrubbed:
        return [(chain, after, count, -1)
                for (chain, after), count in Counter(_CHAIN.findall(scrubbed)).items()]
    return [(m["chain"], m["next"] or b"", 1, m.end()) for m in _CHAIN.finditer(scrubbed)]


def _arithmetic(scrubbed: bytes) -> bool:
    """Whether the text computes a value literal_eval would refuse (`1 - 2`, `'a' + 'b'`),
    with numbers in brackets read as the numbers (only where a first search found some)."""
    if b"+" not in scrubbed and b"-" not in scrubbed:
        return False  # (memchr: the search tries most positions of a table's window)
    if _ARITHMETIC.search(scrubbed) is None:
        return False
    if b")" not in scrubbed:
        return True
    for _ in range(_BRACKET_DEPTH):
        unbracketed = _BRACKETED_NUMBER.sub(rb"\1", scrubbed)
        if unbracketed == scrubbed:
            break
        scrubbed = unbracketed
    return _ARITHMETIC.search(scrubbed) is not None


def member_value_root(chain: bytes) -> str | None:
    """`Holiday.new_years_day.value` (chinesecalendar's holiday table, an Enum the module
    defines): the plain value of a class's member, whose class (returned) the judgement then
    looks for among the module's own; None for any other attribute read, which is code (a
    member itself, `MODEL_ARCH.LLAMA`, is an identifier of the code, as `Name.Builtin`)."""
    parts = [p.strip() for p in chain.split(b".")]
    if len(parts) == 3 and parts[2] in (b"value", b"name") and parts[0][:1].isupper():
        return parts[0].decode("utf-8", "replace")
    return None


def _code_in_head(splitter: Splitter, start: int) -> bool:
    """Whether the value's first whole lines (up to _HEAD_BYTES) hold a code mark the walk
    below would stop at (a keyword, an attribute read), found without tokenizing the rest of
    the window: protobuf's descriptor calls read `_descriptor._internal_create_key` in their
    first lines, then run on for kilobytes. Only what the walk would find is found: the head
    is cut at a line end, and read up to its first quote the scrub left open (a string the
    cut split), so each chain before it is tokenized as in the whole window."""
    data = splitter.data
    cut = data.rfind(b"\n", start, start + _HEAD_BYTES)
    if cut <= start or _DOT_NAME.search(data, start, cut) is None:
        return False  # no attribute read to find (a keyword is left to the whole walk)
    scrubbed = _scrubbed(splitter.masked(start, cut + 1))
    open_at = min((i for i in (scrubbed.find(b"'"), scrubbed.find(b'"')) if i >= 0),
                  default=len(scrubbed))
    for match in _CHAIN.finditer(scrubbed, 0, open_at):
        chain, after = match.groups(b"")
        if match.end() >= open_at and open_at < len(scrubbed):
            return False  # touches the open string: the whole window may read it otherwise
        if after == b"\x01" and chain.lower() in _FORMATTED:
            return True
        if chain in _CONSTANTS or (after == b"\x01" and chain.lower() in _PREFIXES):
            continue
        if chain.split(b".", 1)[0].strip() in _KEYWORDS:
            return True
        if not after.strip().startswith(b"(") and after.strip() != b"=" and b"." in chain \
                and member_value_root(chain) is None:
            return True
    return False


def _bare_name(name: bytes, size: int) -> ValueFacts:
    """`CET_L2 = b_linear_grey`, `palette['CET_L2'] = b_linear_grey`: what the tokenizing
    below finds for one name, without it (colorcet binds 1,200 names so, ~20 us each)."""
    if name in _CONSTANTS or name == _BUILTIN_CONSTANT:
        return ValueFacts(0, frozenset(), (), frozenset(), "name", name != _BUILTIN_CONSTANT,
                          False, False, size)
    if name in _KEYWORDS:
        return _code(size)
    return ValueFacts(0, frozenset({name.decode("utf-8", "replace")}), (), frozenset(), "name",
                      False, False, False, size)


def _code(scrubbed_bytes: int) -> ValueFacts:
    """A value with a code mark that nothing after it can take back (a keyword, an attribute
    read): the rest is not read. Only whether a value has marks matters to the judgement, and
    the many keyword arguments of a protobuf descriptor call cost ~100 us to walk to the end.
    The whole value counts against the tokenizing budget as before, so the windows of the
    values after it do not change."""
    return ValueFacts(1, frozenset(), (), frozenset(), "other", False, False, False,
                      scrubbed_bytes)


def _scrubbed(text: bytes) -> bytes:
    """Strings and comments of the text as \x01 each."""
    quick = _quick_scrub(text)
    return quick if quick is not None else _SCRUB.sub(b"\x01", text)


def _quick_scrub(text: bytes) -> bytes | None:
    """The common case at C speed: one kind of quote, no escaped quote, no comment outside
    the strings. Then the text between quotes alternates code, string, code..., and
    bytes.split does what the regex does at ~0.3 us a string. None: use the regex."""
    single, double = b"'" in text, b'"' in text
    if single and double:
        return None
    if not single and not double:
        return None if b"#" in text else text
    quote = b"'" if single else b'"'
    if b"\\" + quote in text:
        return None
    parts = text.split(quote)
    if len(parts) % 2 == 0:
        return None  # a string the window cut, or one that runs on: let the regex say
    joined = b"\x01".join(parts[0::2])
    return None if b"#" in joined else joined


def _methods(scrubbed: bytes, calls: dict[str, None]) -> int:
    """Marks for `.name` after a value: a method called on a string, a call's result or a
    display is data's (recorded as a call); any other attribute is code."""
    marks = 0
    for match in _METHOD.finditer(scrubbed):
        at = match.start() - 1
        while at >= 0 and scrubbed[at] in b" \t":
            at -= 1
        before = scrubbed[at:at + 1] if at >= 0 else b""
        if before.isalnum() or before == b"_" or before >= b"\x80":
            continue  # a dotted name (_CHAIN judged it) or a number (1.5, 2.e3)
        if match.group("call") and before in (b"\x01", b")", b"]", b"}"):
            calls.setdefault("." + match.group("name").decode("utf-8", "replace"))
        else:
            marks += 1
    return marks


def _windows(splitter: Splitter, start: int, end: int, window: int) -> list[tuple[int, int]]:
    """Head, middle and tail of a long value, cut where no string can be open: at line
    starts, else (a line of megabytes) after a comma that starts an element. A value with
    no such place near its windows is taken whole up to _WHOLE_VALUE bytes."""
    if end - start <= 3 * window:
        return [(start, end)]
    middle = start + (end - start) // 2
    chosen = []
    for a, b in ((start, start + window), (middle, middle + window), (end - window, end)):
        if a > start:
            a = _cut(splitter, a, end, window, opens=True)
        if a >= 0 and b <= a:  # the start moved past a long string: a window after it
            b = min(end, a + window)
        if b < end:
            b = _cut(splitter, b, end, window, opens=False)
        if 0 <= a < b:
            chosen.append((a, b))
        elif a >= 0 and b < 0:
            chosen.append((a, end))
    if not chosen or sum(b - a for a, b in chosen) > _WHOLE_VALUE:
        return [(start, end)] if end - start <= _WHOLE_VALUE else []
    return chosen


def _cut(splitter: Splitter, at: int, end: int, window: int, opens: bool) -> int:
    """A place at or after `at` (and before `end`) to cut a value's text outside any
    string, or -1 when there is none near; `opens`: the cut starts a window (else ends one)."""
    data = splitter.data
    reach = min(end, at + max(4 * window, _LONG_LINE))
    newline = data.find(b"\n", at, reach)
    if newline >= 0:
        cut = newline + 1
    else:
        sync = _SYNC.search(data, at, reach)
        if sync is None:
            return -1
        cut = sync.end()
        # `,1` or `,'` is also text inside a string ("123456,password,..."): on a long line
        # the cut is checked against the line's strings before it is trusted
        # (a window starts after the string and ends before it: what is between two
        # strings, `.split(","),` and the next key, is what gets judged)
        around = _token_around(splitter, cut)
        if around is None:
            return -1
        if around[0] < cut:
            return min(around[1] if opens else around[0], end)
    inside = splitter.span_at(cut)
    if inside is not None and inside[0] < cut:
        cut = inside[1] if inside[1] - cut <= window else inside[0]
    return min(cut, end)


def _token_around(splitter: Splitter, at: int) -> tuple[int, int] | None:
    """The one-line string or comment `at` is inside, as (start with its prefix, end); (at,
    at) when `at` is outside any; None when that cannot be told cheaply (a line of more than
    _WHOLE_VALUE bytes before `at` that needs the tokenizer). Counting quotes tells when the
    line before `at` has one kind of quote, no escaped quote and no `#`."""
    data = splitter.data
    line = data.rfind(b"\n", 0, at) + 1
    triple = splitter.span_at(line)
    if triple is not None:
        line = triple[1]
    if data.find(b"\\", line, at) < 0 and data.find(b"#", line, at) < 0:
        single, double = data.find(b"'", line, at) >= 0, data.find(b'"', line, at) >= 0
        if not (single and double):
            quote = b"'" if single else b'"'
            if not (single or double) or data.count(quote, line, at) % 2 == 0:
                return at, at
            opened = data.rfind(quote, line, at)
            closed = _WHOLE_STRING.match(data, opened)
            return (_with_prefix(data, opened, line), closed.end()) if closed else None
    if at - line > _WHOLE_VALUE:
        return None
    for match in _SCRUB.finditer(data, line):
        if match.start() >= at:
            break
        if match.end() > at:
            return _with_prefix(data, match.start(), line), match.end()
    return at, at


def _with_prefix(data: bytes, start: int, line: int) -> int:
    """A string's start with its prefix (`u'`, `rb"`): a cut must not split them."""
    while start > line and start - 1 >= 0 and data[start - 1:start] in b"rRbBuUfF":
        start -= 1
    return start


def _kind(data: bytes, start: int, calls: dict[str, None]) -> str:
    first = data[start] if start < len(data) else 0
    if first in _KINDS:
        return _KINDS[first]
    if first in b"rRuUfF" and data[start + 1:start + 2] in (b"'", b'"'):
        return "str"
    if first in b"bB" and data[start + 1:start + 2] in (b"'", b'"', b"r", b"R"):
        return "bytes"
    if first in b"0123456789-+.":
        return "number"
    return "call" if calls else "name"


def _one_string(splitter: Splitter, start: int, end: int) -> bool:
    data = splitter.data
    at = start
    while at < end and data[at] in b"rRbBuU" and at - start < 2:
        at += 1
    if at >= end or data[at] not in b"'\"":
        return False  # an f-string too: its tokens say it is code
    span = splitter.span_at(at)
    stop = span[1] if span is not None and span[0] == at else -1
    if stop < 0:
        match = _WHOLE_STRING.match(data, at, end)
        stop = match.end() if match is not None else -1
    return stop > 0 and not data[stop:end].strip()


def string_body(data: bytes, start: int, end: int) -> bytes:
    """The characters between the quotes of a one-string value (escapes left as written)."""
    at = start
    while at < end and data[at] not in b"'\"":
        at += 1
    quote = data[at:at + 3] if data[at:at + 3] in (b'"""', b"'''") else data[at:at + 1]
    tail = data[at + len(quote):end].rstrip()
    return tail[:-len(quote)] if quote and tail.endswith(quote) else tail
