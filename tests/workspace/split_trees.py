"""The trees and spec the content pass's split is tried on (tests/workspace/test_content_split.py,
tests/safety/test_trust_16.py): real files in a temp folder, the thresholds lowered so small
trees split."""

from __future__ import annotations

from pathlib import Path

from tidy.core.config import Config
from tidy.rules.content import content_spec
from tidy.workspace.content import REFS, PassResult, Spec, SplitWhen

ALWAYS = SplitWhen(min_bytes=0, min_average=0, min_cores=0)  # split whatever there is to read
PATTERNS = ("widgetlib", "static/vendor/widget/", "jquery")
NEEDLES = ("static/vendor/widget/", "jquery")
_ROWS = ",\n".join(f'    {{"id": {i}, "name": "n{i}"}}' for i in range(300))
DATA = f"ROWS = [\n{_ROWS}\n]\n"
JS_DATA = "export default [" + ",".join(f'"item{i}"' for i in range(400)) + "];\n"


def spec_for(hash_min_size: int = 2_000) -> Spec:
    spec = content_spec(Config(data_min_size=1_000)).with_patterns(PATTERNS)
    return Spec(spec.patterns, spec.judges, hash_min_size, NEEDLES)


PIECES = [
    "import widgetlib\n", '<script src="/static/vendor/widget/w.js"></script>\n',
    "$ = require('jquery') // jQuery\n", "nothing here\n", "x" * 700 + "\n", DATA, JS_DATA,
    "\0binary\0", "mdjquery replace\n",
]
NAMES = ["app.py", "page.html", "lib.js", "notes.txt", "mock_api.py", "data.js", "a/b.py",
         "a/c.ts", "a/d.txt", "e.bin", "f.py", "g.js"]


def write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())


def requests_for(files: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {rel: (REFS, "py") if rel.endswith(".py") else (REFS, "js") if rel.endswith(
        (".js", ".ts")) else (REFS,) for rel in files}


def same_answer(split: PassResult, whole: PassResult) -> None:
    """The same answer, in the same order (the cache written from it is the same file)."""
    assert list(split.entries.items()) == list(whole.entries.items())
    assert list(split.blobs.items()) == list(whole.blobs.items())
    assert (split.stats.files_read, split.stats.bytes_read, split.stats.hits) == (
        whole.stats.files_read, whole.stats.bytes_read, whole.stats.hits)


def split_tree(tmp_path: Path, count: int = 24) -> tuple[str, dict[str, tuple[str, ...]]]:
    files = {f"m{i}/{NAMES[i % len(NAMES)]}": PIECES[i % len(PIECES)] * (1 + i % 3)
             for i in range(count)}
    write_tree(tmp_path, files)
    return str(tmp_path), requests_for(files)
