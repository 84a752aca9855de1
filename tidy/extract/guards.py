"""What makes an extraction unsafe, found before anything is written: each check returns the
reason in words (a refusal), or nothing.

- a module reached through a symlink, or resolving outside the repository it is in: the
  write would land somewhere else than the path the user named;
- a module that reads its whole namespace (iterates `globals()`, `vars()`, `dir()` or
  `locals()` at top level, hands `sys.modules[__name__]` on): the loader's private names
  would change what it sees (a read by key makes every name eager instead: exact);
- a module that already uses the loader's private names (`_tidy_data`, `_tidy_builtins`...).

The two module checks live in tidy.analysis.data_in_code.namespace, where the scan's
judgement runs them too (it must never offer what is refused here).
A module-level `__getattr__`/`__dir__` is not a refusal: its names are bound eagerly
(`defines_module_hooks`).
"""

from __future__ import annotations

import ast
import os
import subprocess

from tidy.analysis.data_in_code.namespace import (
    module_refusal,
    namespace_reads,
    private_name_refusal,
)
from tidy.workspace.git import git_env

__all__ = ["data_path_refusal", "defines_module_hooks", "module_refusal", "namespace_reads",
           "path_refusal", "private_name_refusal"]

_HOOKS = frozenset({"__getattr__", "__dir__"})


def path_refusal(path: str) -> str:
    """Why `path` must not be rewritten in place, or ""."""
    absolute = os.path.abspath(path)
    if os.path.islink(absolute):
        return "is a symlink: extract the file it points to, under its own name"
    real = os.path.realpath(absolute)
    if real != absolute:
        return (f"its path goes through a symlinked folder (it resolves to {real}): extract "
                "it where it really is")
    root = _repository_root(os.path.dirname(absolute))
    if root and os.path.commonpath([root, real]) != root:
        return f"it resolves outside its repository ({root})"
    return ""


def data_path_refusal(data_path: str) -> str:
    if os.path.islink(data_path):
        return f"{os.path.basename(data_path)} beside it is a symlink: tidy writes no file " \
               "through a link"
    return ""


def _repository_root(folder: str) -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder,
                              capture_output=True, text=True, timeout=30, check=False,
                              stdin=subprocess.DEVNULL, env=git_env(folder))
    except (OSError, subprocess.TimeoutExpired):
        return ""
    top = done.stdout.strip()
    return os.path.realpath(top) if done.returncode == 0 and top else ""


def defines_module_hooks(tree: ast.Module) -> bool:
    """A `__getattr__`/`__dir__` bound at module level anywhere (inside `if`/`try` too,
    before or after the data): the stub must not add its own."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node.name in _HOOKS:
                return True
            continue  # what a function or class binds is not module level
        if isinstance(node, ast.Name) and node.id in _HOOKS and \
                isinstance(node.ctx, ast.Store | ast.Del):
            return True
        if isinstance(node, ast.alias) and (node.asname or node.name) in _HOOKS:
            return True
        if isinstance(node, ast.Global) and _HOOKS.intersection(node.names):
            return True
        stack.extend(ast.iter_child_nodes(node))
    return False
