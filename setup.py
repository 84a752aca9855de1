"""The one thing pyproject.toml holds nowhere every setuptools reads: the optional C extensions.

tidy/workspace/_fastmeasure.c is the measuring loop in C (why, in its header), and
tidy/analysis/data_in_code/_literalscan.c the reading of a value's whole text. Both are optional:
where one cannot be built (no C compiler, no Python headers, no POSIX *at() calls) the install
goes on and tidy runs the same loop in Python. Everything else is in pyproject.toml.
"""

from setuptools import Extension, setup

setup(ext_modules=[
    Extension("tidy.workspace._fastmeasure", ["tidy/workspace/_fastmeasure.c"], optional=True),
    # the whole text of a value that looked like a literal, read before an extraction is offered
    Extension("tidy.analysis.data_in_code._literalscan",
              ["tidy/analysis/data_in_code/_literalscan.c"], optional=True),
])
