"""Where a build tool run from package.json's "scripts" writes, read from its command line.

esbuild has no config file: `esbuild src/main.ts --bundle --outdir=dist` in a script is the
only place that says dist/ is its output (real trees, round 19: a Flask app's bundle and a
pnpm workspace package's dist/ were missed). webpack, rollup and parcel take theirs on the
command line too when a project has no config file for them (round 21: `webpack
--output-path ./public/build`, `rollup src/main.js --file out/bundle.js`, `parcel build
src/index.html --dist-dir www`). Only what the command line states is taken: the folder a
flag names, and the folder of a flag naming an output file; and, for the tools that always
write to one folder unless told otherwise (round 23: `tsup src/index.ts` writes dist/,
`react-scripts build` build/ or $BUILD_PATH), that folder where no flag names another. A
script that cannot be split as the shell would (an open quote) says nothing, and so does an
output folder holding one of the command's other words (`esbuild dist/in.js --outdir=dist`:
a source would be in it).
"""

from __future__ import annotations

import functools
import os
import posixpath
import shlex
from collections.abc import Iterable, Mapping

# Where one shell command ends and the next begins: `tsc && esbuild ...`, `a; b`, `a | b`.
_SEPARATORS = frozenset({"&&", "||", ";", "|", "&"})

# Each tool's flags that name where it writes: True where the value is a file (the folder is
# the one it is in). esbuild takes its values only after "=" (`--outdir=dist`); the others
# take "--flag=value" or "--flag value". webpack-cli 4/5's -o is --output-path (webpack 3's
# named a file: then no folder of that name is found); rollup's -o is --file and -d --dir;
# parcel 1's -d is --out-dir, parcel 2's --dist-dir.
_OUTPUT_FLAGS: dict[str, dict[str, bool]] = {
    "esbuild": {"--outdir": False, "--outfile": True},
    "webpack": {"--output-path": False, "-o": False},
    "rollup": {"--dir": False, "-d": False, "--file": True, "-o": True},
    "parcel": {"--dist-dir": False, "--out-dir": False, "-d": False},
    "tsup": {"--out-dir": False, "-d": False},
    "react-scripts": {},
    "eleventy": {"--output": False},
    # `deno bundle` (Deno 2.4+, esbuild underneath): -o/--output a file, --outdir a folder.
    "deno": {"--output": True, "-o": True, "--outdir": False},
}
# Where a tool writes when no flag says: tsup's dist/; Create React App's build/ (its
# `react-scripts build` only; `start` and `test` write nothing), or the folder a BUILD_PATH=
# assignment before the command names. A BUILD_PATH in a .env file is not read: build/ is
# then not written, and only what CRA writes there would be taken (catalog's asset manifest).
# Eleventy's _site/ (round 25: a zero-config site, `"build": "eleventy"`).
_DEFAULT_OUTPUT = {"tsup": "dist", "react-scripts": "build", "eleventy": "_site"}
_SUBCOMMAND = {"react-scripts": "build", "deno": "bundle"}
_OUTPUT_VARIABLE = {"react-scripts": "BUILD_PATH"}
_EQUALS_ONLY = frozenset({"esbuild"})
# The program's name as a script runs it (node_modules/.bin/NAME), to the tool it is.
_PROGRAMS = {"esbuild": "esbuild", "webpack": "webpack", "webpack-cli": "webpack",
             "rollup": "rollup", "parcel": "parcel", "tsup": "tsup",
             "react-scripts": "react-scripts", "eleventy": "eleventy", "deno": "deno"}

# What each tool writes to its output folder with no plugin or loader that copies files
# there: bundles, stylesheets, source maps, the legal comments moved out of the bundles
# (esbuild's .LEGAL.txt, webpack's .LICENSE.txt), and the pages parcel builds from its
# HTML entries.
EMITS: dict[str, tuple[str, ...]] = {
    "esbuild": ("*.js", "*.mjs", "*.cjs", "*.css", "*.map", "*.LEGAL.txt"),
    "webpack": ("*.js", "*.mjs", "*.cjs", "*.css", "*.map", "*.LICENSE.txt"),
    "rollup": ("*.js", "*.mjs", "*.cjs", "*.css", "*.map"),
    "parcel": ("*.js", "*.mjs", "*.css", "*.map", "*.html"),
    # tsup (esbuild, then rollup-plugin-dts for --dts): each entry's bundle per format,
    # its declarations, maps, a CSS an entry imports; named after the entries (tsup's
    # files must be: catalog).
    "tsup": ("*.js", "*.mjs", "*.cjs", "*.css", "*.map", "*.d.ts", "*.d.mts", "*.d.cts"),
    # CRA copies public/ into build/ whatever it holds: no glob says what it writes; its
    # asset-manifest.json and public/ do (catalog).
    "react-scripts": (),
    # Eleventy with no config writes each template's page (.html); with a passthrough copy
    # in a config anything, but then the config is the marker. Each page must be traced to
    # its template too (eleventy_site).
    "eleventy": ("*.html",),
    "deno": ("*.js", "*.mjs", "*.css", "*.map"),
}


def script_outputs(scripts: object) -> dict[str, frozenset[str]]:
    """The folders (relative to package.json, as written: "dist", "./public/js") that a
    build command in the scripts table writes to, each with the tools that write there.
    Anything but a table of strings names none."""
    if not isinstance(scripts, Mapping):
        return {}
    return dict(_outputs_of_all(tuple(s for s in scripts.values() if isinstance(s, str))))


# Every folder of JavaScript below a package.json asks for its scripts' outputs (catalog's
# look above a folder): the same table, split again with shlex each time, cost ~0.1 ms a
# script. A table's answer is kept by its command lines.
@functools.lru_cache(maxsize=256)
def _outputs_of_all(scripts: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    found: dict[str, set[str]] = {}
    for script in scripts:
        for folder, tool in _outputs_of(script):
            found.setdefault(folder, set()).add(tool)
    return tuple((folder, frozenset(tools)) for folder, tools in found.items())


# The tools whose output files are named after the entries on their command line: rollup's
# `-d lib-esm` and esbuild's --outdir write src/main.js's bundle as main.js (webpack's is
# main.js whatever the entry, parcel's a hashed name).
_NAMED_AFTER_ENTRIES = frozenset({"rollup", "esbuild", "tsup"})


def script_entries(scripts: object) -> dict[str, frozenset[str]]:
    """The folders (as script_outputs gives them) that a rollup or esbuild command writes to,
    each with the words of those commands that may name an entry (`src/main.js`; a flag's
    value such as `es` of `-f es` too: the caller looks for the file)."""
    if not isinstance(scripts, Mapping):
        return {}
    return dict(_entries_of_all(tuple(s for s in scripts.values() if isinstance(s, str))))


@functools.lru_cache(maxsize=256)
def _entries_of_all(scripts: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    found: dict[str, set[str]] = {}
    for script in scripts:
        for command in _split(script):
            for folder, tool, words in _command_writes(command):
                if tool in _NAMED_AFTER_ENTRIES:
                    found.setdefault(folder, set()).update(words)
    return tuple((folder, frozenset(words)) for folder, words in found.items())


def esbuild_output_folders(scripts: object) -> frozenset[str]:
    """The folders an esbuild command in the scripts table writes its bundles to."""
    return frozenset(f for f, tools in script_outputs(scripts).items() if "esbuild" in tools)


def eleventy_inputs(scripts: object) -> frozenset[str]:
    """The folders (relative to package.json) an `eleventy` command in the scripts table
    reads its templates from: the one `--input` names, else the package's own (".")."""
    if not isinstance(scripts, Mapping):
        return frozenset()
    return _eleventy_inputs(tuple(s for s in scripts.values() if isinstance(s, str)))


@functools.lru_cache(maxsize=64)
def _eleventy_inputs(scripts: tuple[str, ...]) -> frozenset[str]:
    found: set[str] = set()
    for script in scripts:
        for command in _split(script):
            program = _program_of(command)
            if program is not None and program[0] == "eleventy":
                found.add(_flag_value(command[program[1] + 1:], "--input") or ".")
    return frozenset(f for f in found if f == "." or _inside_the_package(f))


def _flag_value(args: list[str], flag: str) -> str | None:
    """The value of `flag` among the words (`--flag=value` or `--flag value`); None without."""
    for index, word in enumerate(args):
        name, equals, value = word.partition("=")
        if name == flag:
            return value if equals else (args[index + 1] if index + 1 < len(args) else None)
    return None


def _outputs_of(script: str) -> Iterable[tuple[str, str]]:
    return [(folder, tool) for command in _split(script)
            for folder, tool, _ in _command_writes(command)]


def _split(script: str) -> list[list[str]]:
    """The script's commands, each its words as the shell splits them; none where it cannot
    be split so (an open quote)."""
    try:
        lexer = shlex.shlex(script, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        words = list(lexer)
    except ValueError:  # an open quote: not split as the shell would
        return []
    return list(_commands(words))


def _commands(words: list[str]) -> Iterable[list[str]]:
    command: list[str] = []
    for word in words:
        if word in _SEPARATORS:
            yield command
            command = []
        else:
            command.append(word)
    yield command


def _command_writes(command: list[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """The output folders of one command, when it runs one of the tools: `esbuild`,
    `npx webpack`, `./node_modules/.bin/rollup`, `NODE_ENV=production parcel build`; each
    with the tool and the command's words that are no flag and name no output."""
    program = _program_of(command)
    if program is None:
        return []
    tool, index = program
    args = command[index + 1:]
    if not _builds(tool, args):
        return []  # `react-scripts test` writes nothing
    folders, used = _named_folders(tool, args)
    if not used and tool in _DEFAULT_OUTPUT:  # a flag naming a folder outside: not there
        default = _default_output(tool, command[:index])
        folders = [default] if default is not None else []
    others = [_path_in(arg) for i, arg in enumerate(args) if i not in used]
    words = tuple(a for i, a in enumerate(args) if i not in used and a[:1] != "-")
    return [(f, tool, words) for f in folders if not any(_below(o, f) for o in others)]


def _program_of(command: list[str]) -> tuple[str, int] | None:
    """The tool one command runs and its word's index: `esbuild`, `npx webpack`,
    `./node_modules/.bin/rollup`, `NODE_ENV=production parcel build`, `npx @11ty/eleventy`;
    None for another program (`echo esbuild --outdir=x` runs echo)."""
    for index, word in enumerate(command):
        tool = _PROGRAMS.get(os.path.basename(word))
        if tool is not None and all(map(_runs_a_command, command[:index])):
            return tool, index
        if not _runs_a_command(word):
            return None
    return None


def _builds(tool: str, args: list[str]) -> bool:
    """Whether the command builds: its subcommand is the one that writes, for a tool that
    has subcommands (`react-scripts build`, not `react-scripts start`)."""
    wanted = _SUBCOMMAND.get(tool)
    return wanted is None or (bool(args) and args[0] == wanted)


def _default_output(tool: str, before: list[str]) -> str | None:
    """Where `tool` writes when no flag says: the folder an assignment before it names
    (`BUILD_PATH=out react-scripts build`, `cross-env BUILD_PATH=out ...`; none where that is
    outside the package), else its own."""
    variable = _OUTPUT_VARIABLE.get(tool)
    for word in before:
        name, equals, value = word.partition("=")
        if variable and equals and name == variable:
            return value if _inside_the_package(value) else None
    return _DEFAULT_OUTPUT[tool]


def _named_folders(tool: str, args: list[str]) -> tuple[list[str], set[int]]:
    """The folders the tool's output flags name, and the indices of the words that named
    them (a flag and its value)."""
    flags = _OUTPUT_FLAGS[tool]
    found: list[str] = []
    used: set[int] = set()
    for index, word in enumerate(args):
        name, equals, value = word.partition("=")
        if name not in flags:
            continue
        if not equals:
            if tool in _EQUALS_ONLY or index + 1 >= len(args):
                continue
            value = args[index + 1]
            used.add(index + 1)
        used.add(index)
        folder = posixpath.dirname(value) if flags[name] else value
        if _inside_the_package(folder):
            found.append(folder)
    return found, used


def _normal(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/")) if path else "."


def _inside_the_package(folder: str) -> bool:
    """A folder below package.json's own: not it ("." or "./"), not above it, not absolute."""
    normal = _normal(folder)
    return normal != "." and normal != ".." and not normal.startswith(("../", "/"))


def _path_in(word: str) -> str:
    """The path a word of the command may name: a flag's value (`--tsconfig=src/x.json`), or
    the word itself (a source: `src/app.ts`)."""
    return word.partition("=")[2] if word.startswith("-") else word


def _below(path: str, folder: str) -> bool:
    """Whether `path` is inside `folder` (both relative to package.json): a source read from
    the output folder (`esbuild dist/in.js --outdir=dist`) makes it not all output."""
    return bool(path) and _normal(path).startswith(_normal(folder) + "/")


# Words that may stand before the program a command runs: a package runner and its options,
# an environment assignment (NODE_ENV=production esbuild ...). `echo esbuild --outdir=x`
# runs echo.
_RUNNERS = frozenset({"npx", "pnpm", "yarn", "bunx", "exec", "dlx", "env", "cross-env"})


def _runs_a_command(word: str) -> bool:
    return word in _RUNNERS or word.startswith("-") or "=" in word
