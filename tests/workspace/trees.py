"""Trees the walk tests draw (hypothesis) and write: a node is a file's size or a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import write

Node = int | dict[str, Any]  # a file of that many bytes, or a folder of named nodes


def materialise(path: Path, node: Node, files: list[Path], dirs: list[Path],
                size: Callable[[Path, int], int] = lambda _path, drawn: drawn) -> None:
    """`node` written at `path`, every file and folder made appended to `files`/`dirs`;
    `size(path, drawn)`: the bytes a file gets (the drawn number, unless told otherwise)."""
    if isinstance(node, int):
        write(path, size=size(path, node))
        files.append(path)
        return
    path.mkdir(parents=True, exist_ok=True)
    dirs.append(path)
    for name, child in node.items():
        materialise(path / name, child, files, dirs, size)
