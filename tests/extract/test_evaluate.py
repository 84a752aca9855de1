"""Extraction of data real packages write that is not a plain top-level literal: values built
by calls (--evaluate, in the project's interpreter), class attributes, functions that return
data; and every case that must be refused or handled exactly (issue 15.3/15.4).

Each test builds a real package in a tmp dir, extracts, and imports the result in a fresh
interpreter; refusals must leave the module byte-identical and write no data file.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import commit, make_repo, run_cli, write
from tests.extract.helpers import import_fresh, package, same
from tidy.extract.core import ExtractError, extract_module
from tidy.extract.interpreter import InterpreterError, choose


def _rows(n: int, template: str) -> str:
    return "\n".join(template.format(i=i) for i in range(n))


HELPER_CALLS = ("def u(s):\n    return s\n\n\ndata = {\n"
                + _rows(400, "    '{i:04d}': u('\\u042e city {i}'),") + "\n}\n")


def _expect_refusal(module: Path, *words: str, **options: object) -> str:
    before = module.read_bytes()
    with pytest.raises(ExtractError) as caught:
        extract_module(str(module), **options)  # type: ignore[arg-type]
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert module.read_bytes() == before
    assert not module.with_suffix(".json.gz").exists()
    return message


def _project_python(project: Path, marker: Path) -> Path:
    """A project .venv whose python records that it ran, then is the real interpreter."""
    python = project / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f"#!/bin/sh\necho ran >> '{marker}'\nexec '{sys.executable}' \"$@\"\n")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    return python


def test_calls_need_evaluate_and_say_where(tmp_path: Path) -> None:
    module = write(package(tmp_path) / "geo.py", HELPER_CALLS)
    _expect_refusal(module, "line 6 calls u()", "use --evaluate")


def test_evaluate_uses_the_projects_interpreter_and_is_exact(tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"
    _project_python(tmp_path, marker)
    module = write(package(tmp_path) / "geo.py", HELPER_CALLS)
    expected = import_fresh(tmp_path, "pkg.geo", "data")
    result = extract_module(str(module), evaluate=True)
    assert "the project's .venv" in result.interpreter and marker.read_text().count("ran") >= 2
    assert result.evaluated == ("data",) and "same, type for type" in result.verified
    assert b"u('" not in module.read_bytes()
    assert same(import_fresh(tmp_path, "pkg.geo", "data"), expected)


def test_class_attributes_and_data_functions_move_without_import(tmp_path: Path) -> None:
    source = ("class Provider:\n    first_names = (\n" + _rows(300, "        'Name{i}',")
              + "\n    )\n    formats = ('{{first}}',)\n    __JI = {\n"
              + _rows(300, "        {i}: 'ji',") + "\n    }\n\n    def pick(self, i):\n"
              "        return self.first_names[i] + self.__JI[i]\n\n\ndef _seg_0():\n    return [\n"
              + _rows(300, "        ({i}, 'M', 'x{i}'),") + "\n    ]\n\n\n"
              "uts46data = tuple(_seg_0())\n")
    module = write(package(tmp_path) / "prov.py", source)
    expected = import_fresh(tmp_path, "pkg.prov", "uts46data")
    result = extract_module(str(module))
    assert set(result.names) == {"Provider.first_names", "Provider.__JI", "_seg_0()"}
    assert not result.evaluated
    check = ("import pkg.prov as m; a = m._seg_0(); a.append(1); "
             "assert m._seg_0() != a and len(m._seg_0()) == 300; "
             "assert m.Provider().pick(7) == 'Name7ji' and type(m.Provider.first_names) is tuple")
    assert same(import_fresh(tmp_path, "pkg.prov", "uts46data"), expected)
    assert _python(tmp_path, check) == ""


def _python(cwd: Path, code: str) -> str:
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          check=False, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("reader", ["X = sorted(globals())", "X = dir()", "X = vars()",
                                    "import sys\nX = sys.modules[__name__]",
                                    "def f():\n    return list(globals().items())",
                                    "import inspect, sys\n"
                                    "X = inspect.getmembers(sys.modules[__name__])"])
def test_a_module_reading_its_whole_namespace_is_refused(tmp_path: Path, reader: str) -> None:
    source = "DATA = [\n" + _rows(300, "    'item {i}',") + "\n]\n" + reader + "\n"
    module = write(package(tmp_path) / "ns.py", source)
    _expect_refusal(module, "reads its own namespace as a whole")


@pytest.mark.parametrize("reader", ["def f(n):\n    return globals()[n]\nX = f('DATA')[3]",
                                    "X = vars()['DATA'][3]",
                                    "X = globals().get('DATA')[3]",
                                    "X = 'DATA' in globals()",
                                    "import sys\nX = sys.modules[__name__].DATA[3]",
                                    "import sys\nX = getattr(sys.modules[__name__], 'DATA')[3]"])
def test_a_read_by_key_binds_every_name_eagerly(tmp_path: Path, reader: str) -> None:
    # pygments' unistring and matplotlib's _cm read `globals()[name]`: exact when eager.
    source = "DATA = [\n" + _rows(300, "    'item {i}',") + "\n]\n" + reader + "\n"
    module = write(package(tmp_path) / "keyed.py", source)
    expected = import_fresh(tmp_path, "pkg.keyed", "DATA", "X")
    result = extract_module(str(module), verify_import=True, python=sys.executable)
    assert result.eager == ("DATA",)
    assert same(import_fresh(tmp_path, "pkg.keyed", "DATA", "X"), expected)


def test_an_ordered_dict_is_moved_as_one(tmp_path: Path) -> None:
    source = ("from collections import OrderedDict\n\n\nclass Provider:\n"
              "    first_names = OrderedDict((\n" + _rows(300, "        ('Name{i}', 0.00{i}),")
              + "\n    ))\n")
    module = write(package(tmp_path) / "names.py", source)
    _expect_refusal(module, "calls OrderedDict()", "--evaluate")
    result = extract_module(str(module), evaluate=True, python=sys.executable)
    assert result.names == ("Provider.first_names",) and result.tagged
    check = ("import pkg.names as m, collections; v = m.Provider.first_names; "
             "assert type(v) is collections.OrderedDict and list(v)[7] == 'Name7', v")
    assert _python(tmp_path, check) == ""


def test_an_array_table_is_moved_as_an_array(tmp_path: Path) -> None:
    # idna's uts46data.py: `uts46_starts: array[int] = array("I", (0x0, 0x1, ...))`, 8,000
    # lines; an array was "a value JSON cannot hold" and stayed in the stub
    source = ('from __future__ import annotations\n\nfrom array import array\n\n'
              '__version__ = "18.0.0"\n\nSTARTS: array[int] = array(\n    "I",\n    (\n'
              + _rows(2000, "        0x{i:X},") + "\n    ),\n)\n"
              'WEIGHTS = array("d", (\n' + _rows(300, "    {i}.5e-3,") + "\n    -0.0, 1e999,\n))\n"
              'SIGNED = array("b", [\n' + "\n".join(f"    -{i % 128}," for i in range(200))
              + "\n])\n")
    module = write(package(tmp_path) / "uts.py", source)
    expected = import_fresh(tmp_path, "pkg.uts", "STARTS", "WEIGHTS", "SIGNED")
    _expect_refusal(module, "calls array()", "--evaluate")
    result = extract_module(str(module), evaluate=True, python=sys.executable)
    assert set(result.names) == {"STARTS", "WEIGHTS", "SIGNED"} and result.tagged
    assert len(module.read_bytes()) < len(source) // 4
    got = import_fresh(tmp_path, "pkg.uts", "STARTS", "WEIGHTS", "SIGNED")
    for name in ("STARTS", "WEIGHTS", "SIGNED"):
        assert same(got[name], expected[name]), name


def test_own_dir_assigned_at_top_level_makes_names_eager(tmp_path: Path) -> None:
    source = ("DATA = [\n" + _rows(300, "    ('item', {i}),") + "\n]\ntry:\n"
              "    __dir__ = lambda: ['DATA', 'extra']\nexcept Exception:\n    pass\n")
    module = write(package(tmp_path) / "dirred.py", source)
    result = extract_module(str(module), verify_import=True, python=sys.executable)
    assert result.eager == ("DATA",) and b"def __dir__" not in module.read_bytes()
    assert _python(tmp_path, "import pkg.dirred as m; print(dir(m))").strip() == \
        "['DATA', 'extra']"


@pytest.mark.parametrize("where", ["before", "after"])
def test_own_getattr_inside_if_makes_names_eager(tmp_path: Path, where: str) -> None:
    hook = ("import sys\nif sys.version_info >= (3, 7):\n    def __getattr__(name):\n"
            "        if name == 'MAGIC':\n            return 42\n"
            "        raise AttributeError(name)\n")
    data = "DATA = [\n" + _rows(300, "    ('item', {i}),") + "\n]\n"
    source = hook + data if where == "before" else data + hook
    module = write(package(tmp_path) / "hooked.py", source)
    expected = import_fresh(tmp_path, "pkg.hooked", "DATA", "MAGIC")
    result = extract_module(str(module), verify_import=True, python=sys.executable)
    assert result.eager == ("DATA",)
    assert b"\ndef __getattr__" not in module.read_bytes().split(b"tidy-extract")[1][:4000] or \
        where == "before"
    assert same(import_fresh(tmp_path, "pkg.hooked", "DATA", "MAGIC"), expected)


@pytest.mark.parametrize("annotated", [False, True])
def test_rebound_builtins_do_not_reach_the_loader(tmp_path: Path, annotated: bool) -> None:
    data = ("DATA = {\n" + _rows(200, "    ({i}, 'k'): [{{1, 2}}, {i}j, b'x', (1, 2), 1e999],")
            + "\n}\n")
    rebind = ("set = tuple = frozenset = complex = float = int = len = open = None\n"
              "list = dict = str = bytes = sorted = globals_ = 'shadowed'\n")
    own = "VERSION: 'str' = '1'\n" if annotated else ""
    module = write(package(tmp_path) / "shadow.py", own + data + rebind)
    expected = import_fresh(tmp_path, "pkg.shadow", "DATA")
    result = extract_module(str(module), verify_import=True, python=sys.executable)
    assert result.tagged and "DATA" not in result.eager
    # What stands for the lazy name holds a string (a rebound `dict` cannot break it): a
    # declaration where the module has annotations of its own, else a comment.
    assert (b"(DATA): '" if annotated else b"# DATA: ") in module.read_bytes()
    assert same(import_fresh(tmp_path, "pkg.shadow", "DATA"), expected)


def test_a_symlinked_module_is_refused(tmp_path: Path) -> None:
    folder = package(tmp_path)
    real = write(tmp_path / "elsewhere" / "data.py", "DATA = [\n" + _rows(300, "    {i},")
                 + "\n]\n")
    (folder / "data.py").symlink_to(real)
    with pytest.raises(ExtractError, match="is a symlink"):
        extract_module(str(folder / "data.py"))
    write(folder / "plain.py", "DATA = [\n" + _rows(300, "    {i},") + "\n]\n")
    linked = tmp_path / "linked"
    linked.symlink_to(folder, target_is_directory=True)
    with pytest.raises(ExtractError, match="symlinked folder"):
        extract_module(str(linked / "plain.py"))
    assert not (folder / "plain.json.gz").exists()
    assert not (tmp_path / "elsewhere" / "data.json.gz").exists()


def test_a_data_path_that_is_a_symlink_is_refused(tmp_path: Path) -> None:
    folder = package(tmp_path)
    module = write(folder / "data.py", "DATA = [\n" + _rows(300, "    {i},") + "\n]\n")
    target = tmp_path / "outside.json.gz"
    (folder / "data.json.gz").symlink_to(target)
    _expect_refusal(module, "is a symlink")
    assert not target.exists()


def test_a_difference_after_import_puts_the_original_back(tmp_path: Path) -> None:
    # The value changes after its binding: taken at the end of import, it would be
    # appended to twice. The import after writing sees it; the module comes back intact.
    source = ("def make():\n    return [" + ", ".join(str(i) for i in range(400))
              + "]\n\n\nDATA = make()\nDATA.append('late')\n")
    module = write(package(tmp_path) / "late.py", source)
    _expect_refusal(module, "DATA differ on import", "put back", names=["DATA"],
                    evaluate=True, python=sys.executable)


def test_fix_verifies_by_import_and_rolls_back(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "svc")
    write(repo / "pkg" / "__init__.py", "")
    source = ("SIZE = len(open(__file__).read())\n\nDATA = [\n"
              + _rows(4000, "    {{'id': {i}, 'name': 'item number {i}'}},") + "\n]\n")
    module = write(repo / "pkg" / "sized.py", source)
    commit(repo)
    before = module.read_bytes()
    env = {**os.environ, "TIDY_STATE_DIR": str(tmp_path / "state"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    fixed = run_cli("fix", "--yes", "--skip-recent", "0s", "--unsafe-fixes", "--select",
                    "TDY301", cwd=repo, env=env)
    assert "SIZE differ on import" in fixed.out + fixed.err
    assert module.read_bytes() == before
    assert not (repo / "pkg" / "sized.json.gz").exists()


def test_interpreter_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    project = make_repo(tmp_path / "p")
    module = write(project / "src" / "pkg" / "m.py", "X = 1\n")
    assert choose(str(module), None, str(project)).python == sys.executable
    venv = tmp_path / "env"
    _project_python(venv.parent / "envroot", tmp_path / "m1")
    monkeypatch.setenv("VIRTUAL_ENV", str(venv.parent / "envroot" / ".venv"))
    assert choose(str(module), None, str(project)).why == "$VIRTUAL_ENV"
    own = _project_python(project, tmp_path / "m2")
    assert choose(str(module), None, str(project)).python == str(own)
    with pytest.raises(InterpreterError):
        choose(str(module), str(tmp_path / "missing-python"))


def test_a_big_set_display_stays_a_set(tmp_path: Path) -> None:
    # language_data's LANGUAGES_WITH_NAME_DATA: a set display cut into batches came back as
    # a list ("set became list"); a set is one $set piece now.
    from tidy.extract import convert, encode
    from tidy.extract.locate import statements

    data = ("NAMES = {\n" + _rows(3000, "    'lang{i}',") + "\n}\n").encode()
    (stmt,) = statements(data)
    value = convert.convert_value(data, stmt, "utf-8", 1, batch_bytes=2000)
    assert value.whole and value.tagged
    assert encode.loads(value.text_parts[0], True) == {f"lang{i}" for i in range(3000)}


def test_a_module_edited_while_it_is_extracted_is_left_alone(tmp_path: Path) -> None:
    # Here the module's own import appends to it (a stand-in for an editor saving during
    # a long --evaluate): the bytes the rewrite was made from are not on disk any more.
    source = ("def u(s):\n    return s\n\n\nDATA = [\n" + _rows(300, "    u('item {i}'),")
              + "\n]\nwith open(__file__, 'a') as _f:\n    _f.write('# touched\\n')\n")
    module = write(package(tmp_path) / "touchy.py", source)
    with pytest.raises(ExtractError, match="changed while it was being extracted"):
        extract_module(str(module), evaluate=True, python=sys.executable)
    assert module.read_text() == source + "# touched\n"
    assert not module.with_suffix(".json.gz").exists()


def test_objects_a_class_builds_are_left_with_a_plain_reason(tmp_path: Path) -> None:
    # fontTools' otData (FieldSpec rows), ua-parser's matchers, pypdf's font metrics: the
    # reason named the encoder's exception class ("Unencodable: ...") before what it meant
    folder = package(tmp_path)
    (folder / "spec.py").write_text("class Spec:\n    def __init__(self, *args):\n"
                                    "        self.args = args\n")
    module = folder / "tables.py"
    module.write_text("from pkg.spec import Spec\n\n"
                      "TABLES = [\n" + _rows(300, "    Spec('field{i}', {i}),") + "\n]\n")
    message = _expect_refusal(module, "TABLES (line 3) left in place: TABLES[0]: a Spec "
                              "cannot be written as data", evaluate=True, python=sys.executable)
    assert "Unencodable" not in message


def test_items_put_into_a_table_are_refused_with_why(tmp_path: Path) -> None:
    folder = package(tmp_path)
    (folder / "uds.py").write_text("class UDS_RDBI:\n    dataIdentifiers = {}\n")
    module = folder / "definitions.py"
    module.write_text("from pkg.uds import UDS_RDBI\n\n" + _rows(
        500, "UDS_RDBI.dataIdentifiers[0x{i:04x}] = 'Identifier {i}'") + "\n")
    _expect_refusal(module, "the data here is 500 items put into tables, from line 3",
                    "a table filled here may be another module's", evaluate=True,
                    python=sys.executable)


def test_data_in_if_blocks_is_refused_with_why(tmp_path: Path) -> None:
    module = package(tmp_path) / "controller_db.py"
    module.write_text("import sys\n\nif sys.platform.startswith('linux'):\n    mapping_list = [\n"
                      + _rows(300, "        '0300{i:04x},Pad {i},a:b1,b:b0',") + "\n    ]\n"
                      "else:\n    mapping_list = []\n")
    _expect_refusal(module, "the module binds 2 values inside if/else blocks, from line 4",
                    "moves top-level bindings only")


US_STATES = ("class County:\n    def __init__(self, **kwargs):\n        self.__dict__.update("
             "kwargs)\n\n\nclass State(County):\n    pass\n\n\n"
             + _rows(200, "S{i} = State(**{{'fips': '{i}', 'name': 'State {i}', 'counties': "
                         "[County(**{{'fips': '{i}01'}}), County(**{{'fips': '{i}02'}})]}})")
             + "\n\nSTATES = [" + ", ".join(f"S{i}" for i in range(200)) + "]\n"
             "NAMES = [\n" + _rows(200, "    'name {i}',") + "\n]\n")


@pytest.mark.parametrize("evaluate", [False, True])
def test_objects_of_the_modules_own_classes_are_refused_with_why(tmp_path: Path,
                                                                 evaluate: bool) -> None:
    # us' states.py: `AL = State(**{...})` records and a STATES list naming them. The plain
    # refusal asked for --evaluate, which then failed on the first object; both now say why
    # up front, and nothing is written
    module = package(tmp_path) / "states.py"
    module.write_text(US_STATES.split("NAMES")[0])
    message = _expect_refusal(module, "nothing can be moved: STATES (line 211) holds objects "
                              "of State, County, classes this module defines",
                              "the loader calling the module's own code",
                              evaluate=evaluate, python=sys.executable)
    assert "--evaluate" not in message


def test_plain_data_beside_objects_of_own_classes_moves_and_the_rest_stays(
        tmp_path: Path) -> None:
    module = package(tmp_path) / "states.py"
    module.write_text(US_STATES)
    result = extract_module(str(module), verify_import=True, python=sys.executable)
    assert result.names == ("NAMES",)
    assert any("STATES (line 211) holds objects of State, County" in n for n in result.notes)
    values = import_fresh(tmp_path, "pkg.states", "NAMES")
    assert same(values["NAMES"], [f"name {i}" for i in range(200)])


def test_class_attributes_and_evaluated_values_are_written_one_row_a_line(
        tmp_path: Path) -> None:
    # docs/extract-format.md: list and dict values hold one element per line, so `zcat | grep`
    # finds a row. The parse-tree way (faker's class attributes, html5lib's constants, values
    # taken with --evaluate) wrote each value on one line: 100 kB lines for faker
    folder = package(tmp_path)
    module = folder / "names.py"
    module.write_text("from collections import OrderedDict\n\n\nclass Provider:\n"
                      "    first_names = (\n" + _rows(2000, "        'Name{i}',") + "\n    )\n"
                      "    weights = OrderedDict((\n" + _rows(300, "        ('w{i}', {i}),")
                      + "\n    ))\n\n\nCODES = dict(\n" + _rows(500, "    c{i}='x{i}',") + "\n)\n"
                      "SINGLE = {'$tag': [" + ", ".join(str(i) for i in range(400)) + "]}\n",
                      encoding="utf-8")
    result = extract_module(str(module), fmt="json", evaluate=True, python=sys.executable)
    assert set(result.names) == {"Provider.first_names", "Provider.weights", "CODES", "SINGLE"}
    lines = (folder / "names.json").read_text(encoding="ascii").splitlines()
    assert '"Name1234",' in lines and '"c321":"x321",' in lines
    assert max(len(line) for line in lines if "Name" in line or '"c' in line) < 200
    got = import_fresh(tmp_path, "pkg.names", "CODES", "SINGLE")
    assert same(got["CODES"], {f"c{i}": f"x{i}" for i in range(500)})
    assert same(got["SINGLE"], {"$tag": list(range(400))})
    provider = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "from pkg.names import Provider as P; print(type(P.first_names).__name__, "
         "P.first_names == tuple(f'Name{i}' for i in range(2000)), type(P.weights).__name__, "
         "list(P.weights.items())[299])", str(tmp_path)],
        capture_output=True, text=True, check=True).stdout.split()
    assert provider == ["tuple", "True", "OrderedDict", "('w299',", "299)"]


# -- many small tables (holidays' calendars) ------------------------------------------------
def _dates(n: int, month: str) -> str:
    return "{" + ", ".join(f"{1990 + i}: ({month}, {1 + i % 28})" for i in range(n)) + "}"


def test_many_small_tables_in_a_class_are_moved_not_left_in_the_stub(tmp_path: Path) -> None:
    # holidays 0.109's calendars/hindu.py: 80 class attributes of ~900 bytes each and one of
    # 5 kB; before, only the big one moved and the stub kept 87 of the module's 94 kB
    folder = package(tmp_path)
    write(folder / "gregorian.py", "JAN, FEB, MAR = 1, 2, 3\n")
    tables = "".join(f"    HOLIDAY_{i}_DATES = {_dates(40, 'FEB')}\n" for i in range(60))
    source = ("from pkg.gregorian import JAN, FEB, MAR\n\nHOLI = 'HOLI'\n\n\nclass _Lunisolar:\n"
              f"    DIWALI_DATES = {_dates(200, 'MAR')}\n{tables}    SMALL = (JAN, 1)\n\n"
              "    def dates(self, name):\n        return getattr(self, name + '_DATES')\n")
    module = write(folder / "hindu.py", source)
    digest = ("import pkg.hindu as m; print(repr([(k, v, type(v).__name__) for k, v in "
              "vars(m._Lunisolar).items() if k.isupper()]))")
    expected = _python(tmp_path, digest)
    result = extract_module(str(module), evaluate=True, verify_import=True)
    moved = set(result.names)
    assert {f"_Lunisolar.HOLIDAY_{i}_DATES" for i in range(60)} <= moved
    assert "_Lunisolar.DIWALI_DATES" in moved and "_Lunisolar.SMALL" not in moved
    assert module.stat().st_size < len(source) // 4, module.read_text()[-2000:]
    check = ("import pkg.hindu as m; c = m._Lunisolar; "
             "assert c().dates('HOLIDAY_7') == " + _dates(40, "2") + "; "
             "assert c.SMALL == (1, 1) and type(c.DIWALI_DATES[1990]) is tuple")
    assert _python(tmp_path, check) == ""
    assert _python(tmp_path, digest) == expected and "HOLIDAY_59_DATES" in expected


def test_many_small_literals_at_top_level_are_moved_and_dunders_stay(tmp_path: Path) -> None:
    rows = "".join(f"TABLE_{i} = {[f'word{i}-{j}' for j in range(40)]!r}\n" for i in range(50))
    exported = "__all__ = " + repr([f"TABLE_{i}" for i in range(50)]) + "\n"
    source = f'"""Tables."""\n{exported}VERSION = "1.0"\n{rows}'
    module = write(package(tmp_path) / "tables.py", source)
    names = [f"TABLE_{i}" for i in range(50)] + ["VERSION", "__all__"]
    expected = import_fresh(tmp_path, "pkg.tables", *names)
    result = extract_module(str(module), verify_import=True)
    assert set(result.names) == {f"TABLE_{i}" for i in range(50)}
    text = module.read_text()
    assert exported in text and 'VERSION = "1.0"' in text and "word3-7" not in text
    after = import_fresh(tmp_path, "pkg.tables", *names)
    assert all(same(after[n], expected[n]) for n in names)


def test_small_tables_beside_a_big_one_stay_where_they_are(tmp_path: Path) -> None:
    # the small ones hold less than the big one: they stay readable in the module
    small = "".join(f"SMALL_{i} = {list(range(i * 60, i * 60 + 60))!r}\n" for i in range(3))
    big = "BIG = " + repr([f"row {i}" for i in range(3000)]) + "\n"
    module = write(package(tmp_path) / "mixed.py", small + big)
    result = extract_module(str(module))
    assert result.names == ("BIG",)
    assert all(f"SMALL_{i} = [" in module.read_text() for i in range(3))
