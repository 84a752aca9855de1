"""The one thing pyproject.toml holds nowhere every setuptools reads: the optional C extension.

tidy/workspace/_fastmeasure.c is the measuring loop in C (why, in its header). It is optional:
where it cannot be built (no C compiler, no Python headers, no POSIX *at() calls) the install
goes on and tidy runs the same loop in Python. Everything else is in pyproject.toml.
"""

from setuptools import Extension, setup

setup(ext_modules=[
    Extension("tidy.workspace._fastmeasure", ["tidy/workspace/_fastmeasure.c"], optional=True),
])
