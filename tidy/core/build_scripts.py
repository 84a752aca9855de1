"""Where a build tool run from package.json's "scripts" writes, read from its command line.

esbuild has no config file: `esbuild src/main.ts --bundle --outdir=dist` in a script is the
only place that says dist/ is its output (real trees, round 19: a Flask app's bundle and a
pnpm workspace package's dist/ were missed). Only what the command line states is taken:
`--outdir=DIR`, and the folder of `--outfile=DIR/NAME`. A script that cannot be split as the
shell would (an open quote) says nothing.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterable, Mapping

# Where one shell command ends and the next begins: `tsc && esbuild ...`, `a; b`, `a | b`.
_SEPARATORS = frozenset({"&&", "||", ";", "|", "&"})
_OUTPUT_FLAGS = ("--outdir=", "--outfile=")


def esbuild_output_folders(scripts: object) -> frozenset[str]:
    """The folders (relative to package.json, as written: "dist", "./public/js") that an
    esbuild command in the scripts table writes its bundles to. Anything but a table of
    strings names none."""
    if not isinstance(scripts, Mapping):
        return frozenset()
    found: set[str] = set()
    for script in scripts.values():
        if isinstance(script, str):
            found.update(_outputs_of(script))
    return frozenset(found)


def _outputs_of(script: str) -> Iterable[str]:
    try:
        lexer = shlex.shlex(script, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        words = list(lexer)
    except ValueError:  # an open quote: not split as the shell would
        return ()
    outputs: list[str] = []
    before: list[str] = []  # the words of the current command before esbuild, if any
    in_esbuild = False
    for word in words:
        if word in _SEPARATORS:
            in_esbuild, before = False, []
        elif in_esbuild:
            outputs.extend(_output_folder(word))
        elif os.path.basename(word) == "esbuild" and all(map(_runs_a_command, before)):
            in_esbuild = True  # esbuild, npx esbuild, ./node_modules/.bin/esbuild
        else:
            before.append(word)
    return outputs


# Words that may stand before the program a command runs: a package runner and its options,
# an environment assignment (NODE_ENV=production esbuild ...). `echo esbuild --outdir=x`
# runs echo.
_RUNNERS = frozenset({"npx", "pnpm", "yarn", "bunx", "exec", "dlx", "env", "cross-env"})


def _runs_a_command(word: str) -> bool:
    return word in _RUNNERS or word.startswith("-") or "=" in word


def _output_folder(word: str) -> Iterable[str]:
    for flag in _OUTPUT_FLAGS:
        if word.startswith(flag):
            value = word[len(flag):]
            folder = value if flag == "--outdir=" else os.path.dirname(value)
            return (folder,) if folder else ()
    return ()
