"""Is this module mostly data? One pass over bytes already read, at C speed (TDY301, TDY302).

`judge_python(data, settings)` returns a small frozen, picklable, JSON-serialisable
`DataVerdict` that both rules read; `judge_js(data)` does the same for TDY303's .js/.ts files.
Nothing here opens files, starts processes or keeps state between calls.

The judges load on first use (PEP 562 `__getattr__`): a scan without a big module to judge
does not pay their imports and regular expressions (~3 ms), only the verdict's types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidy.analysis.data_in_code.verdict import DEFAULT_SETTINGS, Binding, DataSettings, DataVerdict

if TYPE_CHECKING:
    from tidy.analysis.data_in_code.jsdata import judge_js
    from tidy.analysis.data_in_code.judge import judge_python

__all__ = ["DEFAULT_SETTINGS", "Binding", "DataSettings", "DataVerdict", "judge_js",
           "judge_python"]


def __getattr__(name: str) -> object:
    if name == "judge_python":
        from tidy.analysis.data_in_code.judge import judge_python

        return judge_python
    if name == "judge_js":
        from tidy.analysis.data_in_code.jsdata import judge_js

        return judge_js
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
