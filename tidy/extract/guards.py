"""What makes an extraction unsafe, found before anything is written: each check returns the
reason in words (a refusal), or nothing.

- a module reached through a symlink, or resolving outside the repository it is in: the
  write would land somewhere else than the path the user named;
- a module that reads its whole namespace (iterates `globals()`, `vars()`, `dir()` or
  `locals()` at top level, hands `sys.modules[__name__]` on): the loader's private names
  would change what it sees (a read by key makes every name eager instead: exact);
- a module that already uses the loader's private names (`_tidy_data`, `_tidy_builtins`...).

A module-level `__getattr__`/`__dir__` is not a refusal: its names are bound eagerly
(`defines_module_hooks`).
"""

from __future__ import annotations

import ast
import os
import subprocess

from tidy.workspace.git import git_env

_NAMESPACE_CALLS = ("globals", "vars", "dir", "locals")
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


def namespace_reads(tree: ast.Module) -> tuple[list[str], bool]:
    """(`line N: globals()` for each read of the module's whole namespace, whether it reads
    it by key). A keyed read (`globals()[name]`, `.get(name)`, `name in globals()`,
    `sys.modules[__name__].NAME`) sees every moved name when all are bound eagerly; a read of
    the whole (iterating it, `dir()`, passing the dict or module on) would also see the
    loader's private names: refused."""
    found: list[str] = []
    keyed = False
    top_level = set(_module_level_nodes(tree))
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in _NAMESPACE_CALLS and not node.args:
            if node.func.id != "globals" and not _in(node, top_level):
                continue  # vars()/dir()/locals() inside a function: that function's own
            if node.func.id != "dir" and _by_key(node, parents):
                keyed = True
            else:
                found.append(f"line {node.lineno}: {node.func.id}()")
        elif isinstance(node, ast.Subscript) and _is_own_module(node):
            if _by_key(node, parents):
                keyed = True
            else:
                found.append(f"line {node.lineno}: sys.modules[__name__]")
    return found, keyed


def _by_key(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return True
    if isinstance(parent, ast.Attribute) and parent.value is node:
        if isinstance(node, ast.Subscript):
            return True  # sys.modules[__name__].NAME
        grand = parents.get(id(parent))
        return parent.attr == "get" and isinstance(grand, ast.Call) and grand.func is parent
    if isinstance(parent, ast.Compare) and node in parent.comparators:
        return all(isinstance(op, ast.In | ast.NotIn) for op in parent.ops)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and \
            parent.func.id in ("getattr", "hasattr") and parent.args[:1] == [node]:
        return isinstance(node, ast.Subscript)
    return False


def _in(node: ast.AST, top_level: set[int]) -> bool:
    return id(node) in top_level


def _module_level_nodes(tree: ast.Module) -> list[int]:
    """ids of nodes that run at module level (not inside a def, lambda or class body's def)."""
    out: list[int] = []
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        out.append(id(node))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def _is_own_module(node: ast.Subscript) -> bool:
    value, key = node.value, node.slice
    return (isinstance(value, ast.Attribute) and value.attr == "modules"
            and isinstance(value.value, ast.Name) and value.value.id == "sys"
            and isinstance(key, ast.Name) and key.id == "__name__")


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


def private_name_refusal(tree: ast.Module) -> str:
    for node in ast.walk(tree):
        name = node.id if isinstance(node, ast.Name) else (
            node.name if isinstance(node, ast.FunctionDef | ast.ClassDef) else "")
        if name.startswith("_tidy") or name == "_TIDY_LAZY":
            return (f"line {getattr(node, 'lineno', 0)}: the module already uses the name "
                    f"{name}, which tidy's loader needs")
    return ""
