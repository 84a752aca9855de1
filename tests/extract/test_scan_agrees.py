"""The scan never offers an extraction `tidy extract` refuses whatever it is asked: for a
module that reads its own namespace as a whole, or uses the loader's private names, the
finding offers no fix and says the extractor's reason in its words (hanziconv 0.3.2's
runtests.py: a 228 kB zlib+base64 string, TDY302, and `do_exec(entry, locals())` in its
`__main__` block; the scan offered `tidy extract --name sources`, the extractor refused).

Each case is a real module file judged by the rule (as the scan's content pass does) and
handed to the extractor with --dry-run: the fix is EXTRACT exactly when the extractor would
write, and otherwise holds the extractor's refusal.
"""

from __future__ import annotations

import base64
import os
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tests.rules.context import context
from tidy.core.models import ActionKind, Finding
from tidy.extract.core import ExtractError, extract_module
from tidy.rules import data_in_code

TABLE = "ROWS = [\n" + "\n".join(f"    ({i}, 'row {i}', {i * 0.5})," for i in range(600)) + \
    "\n]\n"


def _findings(module: Path) -> list[Finding]:
    rel = module.name
    ctx = context(root=str(module.parent), tracked=[], data_min_size=10_000,
                  big_files={rel: module.stat().st_size})
    return [*data_in_code.check_data_modules(ctx), *data_in_code.check_giant_strings(ctx)]


def _extractor_says(module: Path, *names: str) -> str:
    """"" when the extractor would write; its refusal (without the path) otherwise."""
    before = module.read_bytes()
    try:
        extract_module(str(module), names, dry_run=True)
    except ExtractError as error:
        return str(error).removeprefix(f"{module}: ")
    finally:
        assert module.read_bytes() == before
    assert not os.path.exists(module.with_suffix(".json.gz"))
    return ""


def test_a_giant_string_beside_locals_is_offered_no_extraction(tmp_path: Path) -> None:
    packed = base64.encodebytes(zlib.compress(os.urandom(90_000), 0)).decode("ascii")
    module = write(tmp_path / "runtests.py", f'#! /usr/bin/env python\n\nsources = """\n{packed}'
                   '"""\n\nimport sys\n\n\ndef do_exec(co, loc):\n    exec(co, loc)\n\n\n'
                   'if __name__ == "__main__":\n    entry = "raise SystemExit(0)"\n'
                   '    do_exec(entry, locals())  # noqa\n')
    [found] = _findings(module)
    refusal = _extractor_says(module, "sources")
    assert found.code == "TDY302"
    assert "reads its own namespace as a whole" in refusal and "locals()" in refusal
    assert found.fix is not None and found.fix.action is ActionKind.NONE
    assert refusal.removesuffix("; nothing written") in found.fix.description


READS = {
    "iterated": "for _name in list({call}):\n    pass\n",
    "handed on": "print({call})\n",
    "by key": "_first = {call}['ROWS']\n",
    "by get": "_first = {call}.get('ROWS')\n",
    "membership": "_has = 'ROWS' in {call}\n",
    "in main": "if __name__ == '__main__':\n    print(sorted({call}))\n",
    "in a function": "def names():\n    return {call}\n",
    "in a method": "class C:\n    def names(self):\n        return {call}\n",
    "in a class body": "class C:\n    seen = list({call})\n",
}
CALLS = ("globals()", "vars()", "dir()", "locals()", "globals ( )", "sys.modules[__name__]")
PRIVATE = ("", "_tidy_data = None\n", "def _tidy_builtins():\n    pass\n", "x = 1  # _tidy\n")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(read=st.sampled_from(sorted(READS)), call=st.sampled_from(CALLS),
       private=st.sampled_from(PRIVATE), before=st.booleans())
def test_the_fix_is_offered_exactly_when_the_extractor_would_write(
        tmp_path: Path, read: str, call: str, private: str, before: bool) -> None:
    code = "import sys\n" + private + READS[read].format(call=call)
    module = write(tmp_path / "table.py", code + TABLE if before else TABLE + code)
    [found] = _findings(module)
    refusal = _extractor_says(module)
    assert found.fix is not None
    if refusal:
        assert found.fix.action is ActionKind.NONE, refusal
        assert refusal.removesuffix("; nothing written") in found.fix.description
    else:
        assert found.fix.action is ActionKind.EXTRACT, found.fix.description
