"""The data-in-code judgements as facts of the content pass (tidy.workspace.content): computed
from the one read every content rule shares, and kept in the content cache as JSON."""

from __future__ import annotations

from tidy.analysis.data_in_code.jsdata import SAMPLE_BYTES as JS_SAMPLE_BYTES
from tidy.analysis.data_in_code.jsdata import judge_js  # one small regex: cheap to load
from tidy.analysis.data_in_code.verdict import DEFAULT_SETTINGS, VERDICT_VERSION
from tidy.workspace.content import Judge

PY, JS = "py", "js"  # the facts' names
JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")
_JS_VERSION = "1"  # bump when judge_js changes


def _py_verdict(data: bytes) -> object:
    """A module's verdict as JSON (DataVerdict.from_json reads it back). The judge loads
    here, on the first module judged: a scan with none to judge does not import it."""
    from tidy.analysis.data_in_code.judge import judge_python

    return judge_python(data).to_json()


def _load_py_judge() -> None:
    """The modules _py_verdict loads (Judge.load)."""
    import tidy.analysis.data_in_code.judge  # noqa: F401


def _js_data(data: bytes) -> object:
    return judge_js(data)


def data_judges(min_size: int) -> tuple[Judge, ...]:
    """A Python module's verdict (TDY301, TDY302) and whether a .js/.ts file is data (TDY303),
    each for files of `min_size` or more."""
    return (
        Judge(PY, (".py",), min_size, _py_verdict, f"{VERDICT_VERSION}:{DEFAULT_SETTINGS!r}",
              load=_load_py_judge),
        # Asked for by TDY303 only, after its cheaper tests (name, a source folder): judging
        # every big .js the reference search reads costs more than reading the few again
        # (0.7 s of 0.8 s over the web app's first-party files).
        Judge(JS, JS_SUFFIXES, min_size, _js_data, f"{_JS_VERSION}:{JS_SAMPLE_BYTES}",
              sample=JS_SAMPLE_BYTES, eager=False),
    )
