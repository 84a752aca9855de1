"""Is this module mostly data? One pass over bytes already read, at C speed (TDY301, TDY302).

`judge_python(data, settings)` returns a small frozen, picklable, JSON-serialisable
`DataVerdict` that both rules read; `judge_js(data)` does the same for TDY303's .js/.ts files.
Nothing here opens files, starts processes or keeps state between calls.
"""

from tidy.analysis.data_in_code.jsdata import judge_js
from tidy.analysis.data_in_code.judge import judge_python
from tidy.analysis.data_in_code.verdict import DEFAULT_SETTINGS, Binding, DataSettings, DataVerdict

__all__ = ["DEFAULT_SETTINGS", "Binding", "DataSettings", "DataVerdict", "judge_js",
           "judge_python"]
