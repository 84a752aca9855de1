"""Extraction keeps a module's whole namespace exactly: every name, value, type, order and
sharing, nothing added but the loader's private names (found on real packages by
bench/dic_corpus.py; each case reduced to the smallest module shape).

Each test imports the module in a fresh interpreter before and after (tests/extract/
namespace.py) and undoes the extraction: the module must be byte-identical again."""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import commit, hermetic_env, make_repo, run_cli, write
from tests.extract.helpers import lit, package
from tests.extract.namespace import differences, snapshot
from tidy.extract.core import ExtractError, extract_module, undo_extract


def _rows(count: int, template: str) -> str:
    return "\n".join(template.format(i=i) for i in range(count))


def _extract_exactly(root: Path, dotted: str, module: Path) -> tuple[str, dict[str, Any]]:
    """Extract (verified by import), compare the namespace, undo; the new module's text and
    what its namespace held right after import."""
    original = module.read_bytes()
    before = snapshot(root, dotted)
    result = extract_module(str(module), always_verify=True, python=sys.executable)
    assert result.status == "extracted"
    new_text = module.read_text()
    after = snapshot(root, dotted, list(before["values"]))
    assert differences(before, after) == []
    at_import = snapshot(root, dotted)["at_import"]
    undo_extract(str(module), result.backup)
    assert module.read_bytes() == original
    return new_text, at_import


# -- lazy names gave a module an __annotations__ it never had -----------------------------------
# Before: `ROWS: 'list[int]'` stood where ROWS was bound, so `vars(m)` gained `__annotations__`
# (chardet's big5freq, wcwidth's tables, pygments' _mapping: 52 of 82 modules of the corpus).
def test_a_lazy_name_adds_no_annotations(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "table.py", '"""A table."""\nSIZE = 3\nROWS = [\n'
                   + _rows(400, "    {i},  # row {i}") + "\n]\n")
    text, at_import = _extract_exactly(tmp_path, "pkg.table", module)
    assert "# ROWS: list[int], loaded on first access" in text
    assert "__annotations__" not in at_import and "ROWS" not in at_import  # lazy, no hints


def test_a_module_with_annotations_keeps_exactly_its_own(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "typed.py",
                   "VERSION: str = '1'\nROWS = [\n" + _rows(400, "    ({i}, 'x'),") + "\n]\n"
                   "if False:\n    HIDDEN: int = 0\n")
    text, _ = _extract_exactly(tmp_path, "pkg.typed", module)
    assert "(ROWS): 'list[tuple[int | str, ...]]'" in text  # type checkers still read the type


def test_code_after_the_value_on_the_same_line_stays(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "same_line.py",
                   "class Row:\n    pass\nROWS = [\n" + _rows(300, "    {i},") + "\n]; AFTER = 1\n")
    _extract_exactly(tmp_path, "pkg.same_line", module)


# -- a name the module deletes itself was refused as "differs" ----------------------------------
# pycparser's yacctab.py builds _lr_action from _lr_action_items and `del`s the latter; the check
# after writing compared the deleted name with its literal and put the original back.
def test_a_table_the_module_derives_from_and_deletes(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "yacctab.py",
                   "_tabversion = '3.10'\n_items = {\n"
                   + _rows(200, "    'T{i}': ([{i}, 7{i}], [1, 2]),") + "\n}\n"
                   "_table = {}\nfor _k, _v in _items.items():\n"
                   "    for _x, _y in zip(_v[0], _v[1]):\n"
                   "        _table.setdefault(_x, {})[_k] = _y\n"
                   "del _items\n")
    _extract_exactly(tmp_path, "pkg.yacctab", module)


@pytest.mark.slow
def test_fix_and_undo_of_a_derived_and_deleted_table(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "svc")
    module = write(repo / "pkg" / "yacctab.py",
                   "_items = {\n" + _rows(3000, "    'T{i}': ([{i}, 7{i}], [1, 2]),") + "\n}\n"
                   "_table = {}\nfor _k, _v in _items.items():\n"
                   "    _table[_k] = dict(zip(*_v))\ndel _items\n")
    write(repo / "pkg" / "__init__.py", "")
    commit(repo)
    original = module.read_bytes()
    before = snapshot(repo, "pkg.yacctab")
    env = hermetic_env({"TIDY_STATE_DIR": str(tmp_path / "state")})
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", "--format", "json", cwd=repo, env=env)
    assert fixed.code == 0, fixed.out + fixed.err
    assert [o["status"] for o in fixed.json()["result"]["outcomes"]] == ["done"]
    assert differences(before, snapshot(repo, "pkg.yacctab", list(before["values"]))) == []
    undone = run_cli("undo", "--yes", fixed.json()["run"], cwd=repo, env=env)
    assert undone.code == 0, undone.out + undone.err
    assert module.read_bytes() == original
    assert not (repo / "pkg" / "yacctab.json.gz").exists()


# -- threads reading a lazy name at once got different objects -----------------------------------
# Before: `_tidy_data()` checked its cache, read, then stored; `__getattr__` stored what it got:
# two threads that read at once each loaded the file, and one held a ROWS that was no longer
# the module's (an identity no import had before).
_RACE = """
import sys, threading, time
sys.path.insert(0, sys.argv[1])
import pkg.table as m
read = m._tidy_read
def slow(name):  # the loader's own reader, made slow: every thread is past the cache check
    time.sleep(0.3)
    return read(name)
m._tidy_read = slow
got = []
threads = [threading.Thread(target=lambda: got.append(m.ROWS)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(got), len({id(value) for value in got}), all(value is m.ROWS for value in got))
"""


def test_threads_reading_a_lazy_name_at_once_get_one_object(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "table.py",
                   "ROWS = [\n" + _rows(500, "    [{i}, 'row {i}'],") + "\n]\n")
    extract_module(str(module))
    done = subprocess.run([sys.executable, "-c", _RACE, str(tmp_path)], capture_output=True,
                          text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["4", "1", "True"]


# -- importlib.reload kept a lazy name's old, changed object ---------------------------------------
# Before: a reload ran the module again but a lazy name loaded before stayed in its globals,
# so a list changed since was not bound anew from the data as the original's literal was.
_RELOAD = """
import importlib, sys
sys.path.insert(0, sys.argv[1])
import pkg.table as m
old = m.ROWS
old.append('changed')
importlib.reload(m)
print(m.ROWS is old, m.ROWS[-1])
"""


def test_a_reload_binds_a_lazy_name_anew_as_the_original_did(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "table.py",
                   "ROWS = [\n" + _rows(500, "    {i},") + "\n]\n")

    def reloaded() -> list[str]:
        done = subprocess.run([sys.executable, "-c", _RELOAD, str(tmp_path)],
                              capture_output=True, text=True, check=False, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert reloaded() == ["False", "499"]
    extract_module(str(module))
    assert reloaded() == ["False", "499"]


# -- two top-level classes of one name shared one key -------------------------------------------
# Before: `class A: X = [...]`, `FIRST = A`, `class A: X = [...]` wrote two "A.X" keys; both
# classes loaded the second list, FIRST.X changed, and the check (classes by type only) passed.
def test_two_classes_of_one_name_are_left_alone(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "twice.py",
                   "class A:\n    X = [\n" + _rows(300, "        {i},") + "\n    ]\nFIRST = A\n"
                   "class A:\n    X = [\n" + _rows(300, "        -{i},") + "\n    ]\n")
    original = module.read_bytes()
    with pytest.raises(ExtractError, match="no data binding"):
        extract_module(str(module), verify_import=True, python=sys.executable)
    assert module.read_bytes() == original
    write(module, module.read_text().replace("class A:", "class B:", 1).replace(
        "FIRST = A", "FIRST = B"))
    _extract_exactly(tmp_path, "pkg.twice", module)  # two names: both move, each its own


# -- a name ending in "coding" at the top of the file -------------------------------------------
# Before: the loader's comment `# encoding: moved to enc.json.gz ...` landed on line 2, where
# Python reads `coding: moved` as the source encoding: "the rewritten module does not compile".
def test_a_name_ending_in_coding_at_the_top_of_the_file(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "enc.py",
                   "encoding = {\n" + _rows(200, "    'k{i}': 'utf-{i}',") + "\n}\n")
    _extract_exactly(tmp_path, "pkg.enc", module)


# -- a set of numbers came back in another iteration order ---------------------------------------
# Before: set elements were written sorted; the loader's set() then iterated {8, 0} as [0, 8]
# (numbers hash the same in every process, so the original's order was fixed, and module code
# that iterates it, `FIRST = next(iter(DATA))`, saw another value).
def _numbers_sorting_reorders() -> list[int]:
    """Numbers whose set display iterates in an order that sorting them loses (colliding in
    the hash table) and that inserting them in that order rebuilds."""
    rng = random.Random(5)
    for _ in range(1000):
        numbers = rng.sample(range(4096), rng.randint(150, 400))
        folded = eval(compile("{" + ", ".join(map(str, numbers)) + "}", "<set>", "eval"))
        order = list(folded)
        if list(set(order)) == order and list(set(sorted(folded))) != order:
            return numbers
    raise AssertionError("no such numbers: CPython's sets changed")


@pytest.mark.parametrize("how", ["literal", "evaluated"])
def test_a_set_of_numbers_keeps_its_iteration_order(tmp_path: Path, how: str) -> None:
    numbers = _numbers_sorting_reorders()
    value = "{\n    " + ",\n    ".join(map(str, numbers)) + ",\n}"
    if how == "evaluated":
        value = f"frozenset({value})"
    module = write(package(tmp_path) / "numbers.py",
                   f"DATA = {value}\nFIRST = list(DATA)[:3]\n")
    original = module.read_bytes()
    before = snapshot(tmp_path, "pkg.numbers")
    result = extract_module(str(module), always_verify=True, python=sys.executable,
                            evaluate=how == "evaluated")
    after = snapshot(tmp_path, "pkg.numbers", list(before["values"]))
    assert differences(before, after) == []
    undo_extract(str(module), result.backup)
    assert module.read_bytes() == original


# -- --evaluate copied objects another name held -----------------------------------------------
# Before: `TABLE = dict(first=COMMON, ...)` was taken by value: after the rewrite TABLE['first']
# was a copy, no longer COMMON, and the check by fingerprint called it "the same".
_BIG = "{\n" + _rows(300, "        {i}: ('x{i}', {i}.5),") + "\n    }"


def test_evaluate_refuses_a_value_holding_another_names_list(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "shared.py",
                   f"COMMON = ['a', 'b']\nTABLE = dict(\n    first=COMMON,\n    rows={_BIG},\n)\n")
    original = module.read_bytes()
    with pytest.raises(ExtractError, match=r"TABLE .*also held by COMMON: moving it"):
        extract_module(str(module), evaluate=True, python=sys.executable)
    assert module.read_bytes() == original
    assert not (module.parent / "shared.json.gz").exists()


def test_evaluate_refuses_a_value_holding_one_list_twice(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "twice.py",
                   "def pair(rows):\n    return {'a': rows, 'b': rows}\n"
                   f"TABLE = pair({_BIG})\n")
    original = module.read_bytes()
    with pytest.raises(ExtractError, match="holds the same dict twice"):
        extract_module(str(module), evaluate=True, python=sys.executable)
    assert module.read_bytes() == original


@pytest.mark.parametrize("binding", ["TABLE = COMMON", "TABLE = same(COMMON)"])
def test_evaluate_refuses_a_value_that_is_another_names_object(tmp_path: Path,
                                                               binding: str) -> None:
    # What a name or a call gives may be an object the module already holds: TABLE is COMMON.
    module = write(package(tmp_path) / "alias.py",
                   f"def same(value):\n    return value\nCOMMON = {_BIG}\n{binding}\n")
    original = module.read_bytes()
    with pytest.raises(ExtractError, match=r"TABLE .*also held by COMMON: moving it"):
        extract_module(str(module), names=["TABLE"], evaluate=True, python=sys.executable)
    assert module.read_bytes() == original


def test_evaluate_moves_a_display_another_name_is_bound_from(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "display.py",
                   f"STATUS = 2\nTABLE = {{'rows': {_BIG}, 'status': STATUS}}\nALIAS = TABLE\n")
    original = module.read_bytes()
    before = snapshot(tmp_path, "pkg.display")
    result = extract_module(str(module), evaluate=True, python=sys.executable)
    assert result.evaluated == ("TABLE",)
    assert differences(before, snapshot(tmp_path, "pkg.display", list(before["values"]))) == []
    undo_extract(str(module), result.backup)
    assert module.read_bytes() == original


def test_evaluate_still_moves_a_value_built_by_calls(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "built.py",
                   "from collections import OrderedDict\nSTATUS = 2\n"
                   f"TABLE = OrderedDict(\n    rows={_BIG},\n    status=STATUS,\n    "
                   "names=frozenset(['a', 'b']),\n)\n")
    original = module.read_bytes()
    before = snapshot(tmp_path, "pkg.built")
    result = extract_module(str(module), evaluate=True, python=sys.executable)
    assert result.evaluated == ("TABLE",)
    assert differences(before, snapshot(tmp_path, "pkg.built", list(before["values"]))) == []
    undo_extract(str(module), result.backup)
    assert module.read_bytes() == original


# -- module shapes of the corpus, combined at random --------------------------------------------
_leaf = (st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text(max_size=6)
         | st.sampled_from([-0.0, 1.5, float("inf"), float("-inf"), 1e-310, b"\x00b", 2j]))
_hashable = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=3).map(tuple),
                         max_leaves=4)
_element = st.recursive(
    _hashable,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_hashable, inner, max_size=3)
    | st.sets(_hashable, max_size=3) | st.frozensets(_hashable, max_size=2).map(
        lambda s: ("frozenset", s)),
    max_leaves=8)


def _source(value: object) -> str:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "frozenset":
        return f"frozenset({lit(set(value[1]))})"  # a call: the module is refused or kept
    if isinstance(value, list):
        return "[" + ", ".join(_source(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{lit(k)}: {_source(v)}" for k, v in value.items()) + "}"
    return lit(value)


@st.composite
def _modules(draw: st.DrawFn) -> str:
    element = draw(_element)
    container = draw(st.sampled_from(["list", "tuple", "dict", "set"]))
    count = max(80, 2000 // max(8, len(_source(element))))
    rows = [f"    {_source(element)},  # {i}" for i in range(count)]
    if container == "dict":
        rows = [f"    {i!r}: {_source(element)}," for i in range(count)]
    if container == "set":
        rows = [f"    ({i}, {lit(draw(_hashable))})," for i in range(count)]
    opener, closer = {"list": ("[", "]"), "tuple": ("(", ")"), "dict": ("{", "}"),
                      "set": ("{", "}")}[container]
    value = opener + "\n" + "\n".join(rows) + "\n" + closer
    lines = []
    if draw(st.booleans()):
        lines.append('"""Module docstring."""')
    if draw(st.booleans()):
        lines.append("from __future__ import annotations")
    if draw(st.booleans()):
        lines.append("__all__ = ['DATA', 'count']")
    uses = draw(st.lists(st.sampled_from(["alias", "derived", "block", "function",
                                          "hook", "small", "deleted", "embeds"]), unique=True))
    if "embeds" in uses and container in ("list", "tuple", "dict"):
        lines.append("COMMON = [1, 2]")  # a list the data names: its identity must survive
        value = value[0] + ("\n    'common': COMMON," if container == "dict" else
                            "\n    COMMON,") + value[1:]
    if draw(st.booleans()):
        lines.append("# a comment before the data\nimport sys")
    how = draw(st.sampled_from(["plain", "annotated", "class", "private", "function",
                                "semicolon"]))
    tail = draw(st.sampled_from(["", "  # trailing comment"]))
    if how == "plain":
        lines.append(f"DATA = {value}{tail}")
    elif how == "annotated":
        lines.append(f"DATA: object = {value}{tail}")
    elif how == "class":
        lines.append(f"class Table:\n    'Rows.'\n    DATA = {value}\nDATA = Table.DATA")
    elif how == "private":
        lines.append(f"class Table:\n    __rows = {value}\n    @classmethod\n"
                     "    def rows(cls):\n        return cls.__rows\nDATA = Table.rows()")
    elif how == "function":
        lines.append(f"def rows():\n    return {value}\nDATA = rows()")
    else:
        lines.append(f"DATA = {value}; AFTER = 1{tail}")
    if "alias" in uses:
        lines.append("ALIAS = DATA")
    if "derived" in uses:
        lines.append("SIZE = len(DATA)")
    if "block" in uses:  # (a set of str or None iterates in another order in every process)
        first = "len(DATA)" if container == "set" else "next(iter(DATA))"
        lines.append(f"if len(DATA) > 1:\n    FIRST = {first}\nelse:\n    FIRST = None")
    if "function" in uses:
        lines.append("def count():\n    return len(DATA)")
    if "hook" in uses:
        lines.append("def __getattr__(name):\n    raise AttributeError(name)")
    if "small" in uses:
        lines.append("SMALL = {'a': (1, 2.5), 'b': -0.0}")
    if "deleted" in uses and how in ("plain", "annotated"):
        lines.append("KEYS = list(DATA)\ndel DATA")
    if draw(st.booleans()):
        lines.append("if __name__ == '__main__':\n    print(len(DATA))")
    if draw(st.booleans()):
        lines.append("try:\n    import _no_such_module\nexcept ImportError:\n    HAVE = False")
    text = "\n".join(lines) + "\n"
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(_modules(), st.booleans())
def test_any_corpus_shape_is_extracted_exactly_or_left_alone(tmp_path: Path, source: str,
                                                             evaluate: bool) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis runs many examples per tmp_path
    module = write(package(root) / "shape.py", source.encode("utf-8", "surrogatepass"))
    original = module.read_bytes()
    before = snapshot(root, "pkg.shape")
    try:
        result = extract_module(str(module), always_verify=True, python=sys.executable,
                                evaluate=evaluate)
    except ExtractError as refusal:
        assert str(refusal)  # a reason in words
        assert module.read_bytes() == original
        assert not (module.parent / "shape.json.gz").exists()
        return
    after = snapshot(root, "pkg.shape", list(before["values"]))
    assert differences(before, after) == [], module.read_text()[:3000]
    undo_extract(str(module), result.backup)
    assert module.read_bytes() == original
    assert not (module.parent / "shape.json.gz").exists()
