"""TDY301-TDY303 on hand-made contexts over real module files (no walk, no git).

TDY301/TDY302 confirm a candidate in a child process (a memory cap), so these take a tenth
of a second, not milliseconds. Through a scan and `tidy extract`: tests/extract/.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write
from tests.rules.context import context
from tidy.core.models import ActionKind, Applicability
from tidy.rules import data_in_code


def _module(path: Path, body: str) -> int:
    write(path, body)
    return path.stat().st_size


def test_tdy301_a_module_that_is_one_literal(tmp_path: Path) -> None:
    rows = ",\n".join(f'    {{"id": {i}, "name": "item {i}", "score": {i * 1.5}}}'
                      for i in range(3000))
    size = _module(tmp_path / "pkg" / "mock_api.py", f"DATA = [\n{rows}\n]\n")
    _module(tmp_path / "pkg" / "code.py", "def f():\n    return 1\n" * 10)
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/mock_api.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert (found.code, found.path) == ("TDY301", "pkg/mock_api.py")
    assert found.fix is not None and found.fix.action is ActionKind.EXTRACT


def test_tdy302_one_giant_string_constant(tmp_path: Path) -> None:
    policy = json.dumps({f"Statement{i}": {"Effect": "Allow", "Resource": f"arn:aws:{i}"}
                         for i in range(4000)})
    size = _module(tmp_path / "policies.py", f'POLICY = """{policy}"""\n')
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"policies.py": size})
    found = list(data_in_code.check_giant_strings(ctx))
    assert [(f.code, f.path) for f in found] == [("TDY302", "policies.py")]


def test_tdy303_a_json_data_file_beside_source(tmp_path: Path) -> None:
    data = json.dumps([{"lat": i / 7, "lon": i / 3} for i in range(3000)])
    write(tmp_path / "src" / "cities.json", data)
    write(tmp_path / "src" / "app.js", "export const x = 1;\n")
    write(tmp_path / "data" / "alone.json", data)  # no source beside it: not reported
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"src/cities.json": len(data), "data/alone.json": len(data)})
    found = list(data_in_code.check_data_files(ctx))
    assert [(f.code, f.path) for f in found] == [("TDY303", "src/cities.json")]
    assert found[0].fix is not None and found[0].fix.action is ActionKind.NONE


def test_tdy303_says_which_tools_read_it_by_the_sources_beside_it(tmp_path: Path) -> None:
    # emoji's unicode_codes/*.json sit beside Python modules: no bundler or type checker
    # takes them in, search and editors do; beside a .ts file, TypeScript and bundlers do too.
    data = json.dumps([{"lat": i / 7, "lon": i / 3} for i in range(3000)])
    write(tmp_path / "py" / "emoji.json", data)
    write(tmp_path / "py" / "core.py", "X = 1\n")
    write(tmp_path / "ts" / "emoji.json", data)
    write(tmp_path / "ts" / "index.ts", "export const x = 1;\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"py/emoji.json": len(data), "ts/emoji.json": len(data)})
    messages = {f.path: f.message for f in data_in_code.check_data_files(ctx)}
    assert "bundlers" not in messages["py/emoji.json"]
    assert "search tools, editors" in messages["py/emoji.json"]
    assert "bundlers, type checkers" in messages["ts/emoji.json"]


def test_tdy303_a_vendored_data_file_is_advised_upstream(tmp_path: Path) -> None:
    data = json.dumps([{"lat": i / 7, "lon": i / 3} for i in range(3000)])
    write(tmp_path / "vendor" / "geo" / "cities.json", data)
    write(tmp_path / "vendor" / "geo" / "index.js", "export const x = 1;\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"vendor/geo/cities.json": len(data)})
    [found] = data_in_code.check_data_files(ctx)
    assert found.fix is not None and "upstream" in found.fix.description


def test_data_in_code_is_a_project_matter_only() -> None:
    plain = context(big_files={"x.py": 10_000_000})  # a plain folder: no repo, nothing read
    assert list(data_in_code.check_data_modules(plain)) == []


def test_a_vendored_copys_data_is_reported_but_never_extracted(tmp_path: Path) -> None:
    """pip's src/pip/_vendor/idna/uts46data.py is data, but pip re-vendors idna with
    pypa/vendoring: an extraction there is undone by the next sync and belongs upstream.
    The finding stays (it is data in code) with advice instead of the unsafe rewrite."""
    rows = ",\n".join(f"    ({i}, 'V', '{chr(0x41 + i % 26)}')" for i in range(4000))
    table = f"uts46_starts = (\n{rows}\n)\n"
    policy = json.dumps({f"Statement{i}": {"Effect": "Allow"} for i in range(4000)})
    big = {rel: _module(tmp_path / rel, body) for rel, body in (
        ("src/tool/_vendor/idna/uts46data.py", table),
        ("third_party/awsish/policies.py", f'POLICY = """{policy}"""\n'),
        ("src/tool/tables.py", table))}
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000, big_files=big)
    fixes = {f.path: f.fix for f in [*data_in_code.check_data_modules(ctx),
                                     *data_in_code.check_giant_strings(ctx)]}
    assert set(fixes) == set(big)
    actions = {rel: (fix.action, fix.applicability) for rel, fix in fixes.items() if fix}
    assert actions == {
        "src/tool/_vendor/idna/uts46data.py": (ActionKind.NONE, Applicability.DISPLAY_ONLY),
        "third_party/awsish/policies.py": (ActionKind.NONE, Applicability.DISPLAY_ONLY),
        "src/tool/tables.py": (ActionKind.EXTRACT, Applicability.UNSAFE)}
    vendored = fixes["src/tool/_vendor/idna/uts46data.py"]
    assert vendored is not None and "upstream" in vendored.description


def test_tdy301_says_objects_a_class_builds_may_stay(tmp_path: Path) -> None:
    # fontTools' otData, ua-parser's matchers, pypdf's font metrics: the fix promised the data
    # moved to a .json.gz, and tidy extract --evaluate then refused every value (objects).
    # dic-11: when they are most of the data, no extraction is offered, and the advice says
    # what would make it one (FieldSpec a function returning plain data)
    rows = ",\n".join(f"    FieldSpec('field{i}', {i}, 'uint16')" for i in range(3000))
    size = _module(tmp_path / "pkg" / "otData.py", f"from x import FieldSpec\n\n"
                   f"otData = [\n{rows}\n]\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/otData.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert found.fix.description.startswith("no extraction offered: most of the data (otData) "
                                            "is the objects of FieldSpec()")
    assert "were FieldSpec() a function returning plain data" in found.fix.description


def test_tdy301_ordered_dict_calls_need_no_caveat(tmp_path: Path) -> None:
    rows = ",\n".join(f"    ('name{i}', 0.{i:04d})" for i in range(3000))
    size = _module(tmp_path / "pkg" / "names.py", "from collections import OrderedDict\n\n"
                   f"NAMES = OrderedDict([\n{rows}\n])\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/names.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None and "OrderedDict()" in found.fix.description
    assert "plain data" not in found.fix.description


def test_tdy301_offers_no_extraction_for_objects_of_the_modules_own_classes(
        tmp_path: Path) -> None:
    # us' states.py: `AL = State(**{...})` records of the module's own class and a list naming
    # them. The finding offered `tidy extract --evaluate`, which then refused every value
    counties = ", ".join(f"County(**{{{{'fips': '{{i:02d}}00{n}', 'name': 'County {n}'}}}})"
                         for n in range(4))
    rows = "\n".join(f"S{i} = State(**{{'fips': '{i:02d}', 'name': 'State {i}', 'counties': "
                     f"[{counties.format(i=i)}]}})" for i in range(600))
    size = _module(tmp_path / "pkg" / "states.py",
                   "class County:\n    def __init__(self, **kw):\n        self.__dict__.update(kw)"
                   "\n\n\nclass State(County):\n    pass\n\n\n" + rows + "\n\nSTATES = ["
                   + ", ".join(f"S{i}" for i in range(600)) + "]\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/states.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None
    assert (found.fix.action, found.fix.applicability) == (ActionKind.NONE,
                                                           Applicability.DISPLAY_ONLY)
    assert "no extraction offered: 100% of the data is objects of County, State, defined in " \
        "this module" in found.fix.description
    assert ("objects of", "County, State (this module's classes): 100% of the data") in \
        found.details


def test_tdy301_items_put_into_a_table_are_reported_without_an_extraction(
        tmp_path: Path) -> None:
    # scapy 2.8's contrib/automotive/volkswagen/definitions.py: 3,000
    # `UDS_RDBI.dataIdentifiers[0x3665] = '...'` into an imported class's table: not reported
    rows = "\n".join(f"UDS_RDBI.dataIdentifiers[0x{i:04x}] = 'Identifier {i}'"
                     for i in range(3000))
    size = _module(tmp_path / "pkg" / "definitions.py",
                   f"from scapy.contrib.automotive.uds import UDS_RDBI\n\n{rows}\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/definitions.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.code == "TDY301"
    assert "UDS_RDBI.dataIdentifiers[...] (3,000 items) 100% (lines 3-3002)" in found.message
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert found.fix.description == data_in_code.ITEMS_ADVICE


def test_tdy301_data_in_if_blocks_is_reported_without_an_extraction(tmp_path: Path) -> None:
    # pyglet 2.1's input/controller_db.py: `if compat_platform.startswith("linux"):
    # mapping_list = [...]` (196 kB), `else: mapping_list = []`: not reported before
    rows = "\n".join(f'        "0300{i:04x},Pad {i},a:b1,b:b0,back:b6,guide:b8",'
                     for i in range(3000))
    size = _module(tmp_path / "pkg" / "controller_db.py",
                   "from pkg import compat_platform\n\nif compat_platform == 'linux':\n"
                   f"    mapping_list = [\n{rows}\n    ]\nelse:\n    mapping_list = []\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/controller_db.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert "mapping_list (in an if block)" in found.message
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert found.fix.description == data_in_code.BRANCH_ADVICE


def test_tdy301_data_bound_again_is_reported_without_an_extraction(tmp_path: Path) -> None:
    # pycryptodome 4.5's SelfTest/Cipher/test_AES.py: `test_data = [...]` (67 kB of vectors),
    # then `test_data += test_data_8_lanes`: the fix offered `tidy extract`, which refused
    # ("no data binding of 1024 bytes or more"), since it moves names bound once only
    rows = "\n".join(f"    ('{i:032x}', '{i * 7:032x}', '{i * 3:032x}', 'vector {i}'),"
                     for i in range(1500))
    size = _module(tmp_path / "pkg" / "test_aes.py",
                   f"test_data = [\n{rows}\n]\n\ntest_data_8_lanes = []\nfor td in test_data:\n"
                   "    test_data_8_lanes.append(td)\ntest_data += test_data_8_lanes\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/test_aes.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.code == "TDY301" and "test_data" in found.message
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert found.fix.description == data_in_code.REBOUND_ADVICE


def test_tdy301_says_a_numpy_array_may_stay(tmp_path: Path) -> None:
    # ase 3.29's dft/pars_mbeef.py: `uiOmega = np.array([...])`: the fix promised the matrix
    # moved with --evaluate, and the encoder then refused the ndarray
    rows = ",\n".join(f"    [{i}.5, -{i}.25, {i}e-3]" for i in range(3000))
    size = _module(tmp_path / "pkg" / "pars.py", f"import numpy as np\n\nuiOmega = np.array([\n"
                   f"{rows}\n])\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/pars.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert found.fix.description.startswith("no extraction offered: most of the data "
                                            "(uiOmega) is the objects of np.array()")
    assert "were" not in found.fix.description  # numpy's arrays are never plain data


def test_tdy301_offers_no_extraction_for_a_comprehension_over_a_table(tmp_path: Path) -> None:
    # colour-science 0.4.7's Munsell tables: the names hold ndarrays the comprehension builds
    rows = "\n".join(f"        (('{i}GY', 0.2, 2.0), [0.7{i}, 1.4{i}, 0.2370]),"
                     for i in range(3000))
    size = _module(tmp_path / "pkg" / "all.py", "import numpy as np\n\nTABLE = tuple(\n"
                   f"    (hvc, np.array(xyY))\n    for hvc, xyY in (\n{rows}\n    )\n)\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/all.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert found.fix.description == data_in_code.COMPREHENSION_ADVICE


def _loads_packaging(big_files: list[tuple[str, int]], floor: int) -> bool:
    """load_checks_for in a fresh interpreter: whether the build config reader got imported."""
    import subprocess
    import sys

    code = ("import sys\nfrom tidy.rules.data_in_code import load_checks_for\n"
            f"load_checks_for({big_files!r}, {floor})\n"
            "print('tidy.extract.packaging' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return done.stdout.strip() == "True"


def test_the_extraction_check_is_loaded_ahead_only_for_a_module_it_may_judge() -> None:
    """The engine loads what _if_shipped imports while it waits for the early work, only
    when the walk listed a Python module at or over the data floor (the checks then judge
    it); nothing for a big file of another kind or a module under the floor."""
    assert _loads_packaging([("pkg/mock_api.py", 20_000)], 10_000)
    assert not _loads_packaging([("pkg/mock_api.py", 9_999)], 10_000)
    assert not _loads_packaging([("data/dump.json", 50_000), ("src/app.pyc", 50_000)], 10_000)
    assert not _loads_packaging([], 10_000)


def test_tdy301_says_an_enums_member_values_are_what_the_data_reads(tmp_path: Path) -> None:
    """chinesecalendar 1.11's constants.py (`datetime.date(...): Holiday.new_years_day.value`,
    Holiday an Enum of the module): the advice said "objects of Holiday", where the values are
    its members' values. Objects its own class builds (`State(...)`) are still called so."""
    rows = "\n".join(f"    datetime.date(year={1900 + i}, month=1, day=1): "
                     f"Holiday.day_{i % 17}.value," for i in range(1500))
    members = "\n".join(f"    day_{i} = 'Day {i}'" for i in range(17))
    size = _module(tmp_path / "pkg" / "constants.py", "import datetime\nfrom enum import Enum\n"
                   f"\n\nclass Holiday(Enum):\n{members}\n\n\nholidays = {{\n{rows}\n}}\n")
    objects = "\n".join(f"    State('{i}', {i})," for i in range(2500))
    size_objects = _module(tmp_path / "pkg" / "states.py", "class State:\n    def __init__("
                           f"self, *args):\n        self.args = args\n\n\nSTATES = [\n{objects}"
                           "\n]\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/constants.py": size, "pkg/states.py": size_objects})
    found = {f.path: f for f in data_in_code.check_data_modules(ctx)}
    enum = found["pkg/constants.py"]
    assert enum.fix is not None and enum.fix.action is ActionKind.NONE
    assert "reads the values of members of Holiday (`Holiday.member.value`)" in \
        enum.fix.description
    assert "objects of" not in enum.fix.description
    assert ("members' values of", "Holiday (this module's classes): 100% of the data") in \
        enum.details
    built = found["pkg/states.py"]
    assert built.fix is not None and "of the data is objects of State" in built.fix.description


def test_a_scan_says_what_to_do_about_a_build_config_not_run_it_again(tmp_path: Path) -> None:
    """The reason a scan gives for an extraction the build config would not ship ends with
    what the scan then offers, not "then run it again" (the extractor's and tidy fix's
    words, where running again is what comes next)."""
    write(tmp_path / "setup.py", "from setuptools import setup\nsetup(name='p', "
          "packages=['pkg'])\n")
    write(tmp_path / "pkg" / "__init__.py", "")
    size = _module(tmp_path / "pkg" / "table.py", "ROWS = [\n" + "\n".join(
        f"    ({i}, 'row {i}')," for i in range(3000)) + "\n]\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/table.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None and found.fix.blocked_by
    assert not found.fix.blocked_by.endswith(("run it again", "extract again"))
    assert found.fix.blocked_by.endswith("the scan offers the extraction once that is done "
                                         "(`tidy fix --unsafe-fixes` then carries it out)")


def test_tdy301_says_compiled_patterns_may_stay(tmp_path: Path) -> None:
    # a table of `re.compile(...)` rows: --evaluate takes the value, and the encoder refuses
    # the patterns ("a Pattern cannot be written as data"); the advice did not say they stay
    rows = ",\n".join(f"    'k{i}': re.compile(r'\\d{{{i % 9 + 1}}}-row-{i}')" for i in range(3000))
    size = _module(tmp_path / "pkg" / "pats.py", f"import re\n\nPATTERNS = {{\n{rows}\n}}\n")
    ctx = context(root=str(tmp_path), tracked=[], data_min_size=10_000,
                  big_files={"pkg/pats.py": size})
    [found] = data_in_code.check_data_modules(ctx)
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert found.fix.description.startswith("no extraction offered: most of the data "
                                            "(PATTERNS) is the objects of re.compile()")
