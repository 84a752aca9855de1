"""The reference search's lowering in C (_fastmeasure.lowered, 16 bytes at a time) answers
what bytes.lower() does, byte for byte, and the search finds the same hits with the same
lines of text through it as through bytes.lower() (TIDY_PURE_PYTHON=1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidy.workspace import content

_C_OFF = pytest.mark.skipif(bool(os.environ.get("TIDY_PURE_PYTHON")),
                            reason="the C loop is turned off on purpose")

# Every byte around the letters' edges ('@', 'A', 'Z', '[', '`', 'a', 'z', '{'), and the
# Latin-1 capitals bytes.lower() leaves as they are (0xC0-0xDE), at every place in a block.
_EDGES = bytes([0x00, 0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xC0,
                0xC1, 0xDA, 0xDE, 0xE1, 0xFF])
_DATA = st.one_of(st.binary(max_size=200),
                  st.lists(st.sampled_from(_EDGES), max_size=70).map(bytes),
                  st.text(max_size=60).map(lambda t: t.encode("utf-8", "surrogatepass")))


def _lowered() -> Callable[[bytes | memoryview], bytes]:
    from tidy.workspace._fastmeasure import lowered

    return lowered


@_C_OFF
@settings(max_examples=400, deadline=None)
@given(data=_DATA, start=st.integers(0, 17))
def test_the_c_lowering_is_bytes_lower(data: bytes, start: int) -> None:
    """Any bytes, at any offset of a 16-byte block (a slice starts the data anywhere)."""
    view = memoryview(data)[min(start, len(data)):]
    assert _lowered()(view) == bytes(view).lower()
    assert type(_lowered()(data)) is bytes


@_C_OFF
def test_every_byte_at_every_place_of_a_block() -> None:
    every = bytes(range(256))
    for shift in range(17):
        data = every[shift:] + every[:shift] + every[::-1][:shift]
        assert _lowered()(data) == data.lower()
    assert _lowered()(b"") == b""
    assert content.lowered is _lowered()  # what the search uses where it was built


_SEARCH = """
import json, sys
from tidy.workspace.content import BytesSearch, lowered
data = open(sys.argv[1], "rb").read()
print(json.dumps([lowered.__name__, BytesSearch(["static/vendor/KetCher", "jquery"]).hits(data)]))
"""


def test_the_search_finds_the_same_hits_with_either_lowering(tmp_path: Path) -> None:
    """Mixed case, lines longer than a block, a hit across a block's edge, non-ASCII text:
    the same hits with the same (lowered) lines from the C lowering and from bytes.lower()."""
    text = ("<script src='/STATIC/Vendor/ketcher/x.js'></script>\n"
            + "x" * 13 + "JQuery.min.js é Ä " + "y" * 40 + " static/vendor/ketcheR\n"
            + "nothing here\n" + "\u00c9CRIT jQUERY\n")
    page = tmp_path / "page.html"
    page.write_bytes(text.encode())
    answers = []
    for pure in ("", "1"):
        env = {**os.environ, "TIDY_PURE_PYTHON": pure}
        done = subprocess.run([sys.executable, "-c", _SEARCH, str(page)], env=env,
                              capture_output=True, text=True, check=True)
        answers.append(json.loads(done.stdout))
    (c_name, c_hits), (py_name, py_hits) = answers
    assert py_name == "lower" and c_hits == py_hits
    assert [(pattern, line) for pattern, line, _ in c_hits] == [(0, 1), (0, 2), (1, 4)]
    assert all(text.encode() == text.encode().lower() for _, _, text in c_hits)  # ASCII only
    if not os.environ.get("TIDY_PURE_PYTHON"):
        assert c_name == "lowered"
