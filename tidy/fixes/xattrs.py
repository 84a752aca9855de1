"""An entry's extended attributes (POSIX ACLs included) read, set and compared: what a copy
across filesystems must keep, or fail (trust round 18: a copied item came back from undo
without its `user.*` attributes and without the ACL granting another user access).

Read and set by descriptor for what the copy holds open (files, folders), else by name below
a folder's descriptor through /proc/self/fd, never following the entry itself (links, fifos:
a fifo is never opened). Kept and compared: the user's own (`user.*`), `trusted.*`, POSIX
ACLs and a file's capabilities. The rest belong to the system, not the item: a security
module's label (SELinux, Smack, AppArmor), IMA/EVM's hashes, a filesystem's own view
(`system.nfs4_acl`); the policy or the kernel gives a new file its own and a user may not set
them, so they are set where allowed and never compared (a copy from an NFS home or under
SELinux would else be refused every time).
"""

from __future__ import annotations

import contextlib
import errno
import os

_KEPT = ("user.", "trusted.", "system.posix_acl_access", "system.posix_acl_default",
         "security.capability")
# No attributes at all here (the filesystem keeps none, or a link's name space refuses them).
_NONE = (errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOENT)


def by_name(dir_fd: int, name: str) -> str:
    """The path that reaches `name` in the open folder `dir_fd` (the folder's descriptor
    followed, `name` itself not, when used with follow_symlinks=False)."""
    return f"/proc/self/fd/{dir_fd}/{name}"


def read(target: int | str) -> dict[str, bytes]:
    """The extended attributes of `target` (a descriptor, or a path not followed) a copy
    keeps; {} where there are none. Any other failure is raised."""
    return _read(target)[0]


def _read(target: int | str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """(the attributes a copy keeps, the system's others) of `target`."""
    try:
        names = _names(target)
    except OSError as error:
        if error.errno in _NONE:
            return {}, {}
        raise
    kept: dict[str, bytes] = {}
    others: dict[str, bytes] = {}
    for name in names:
        try:
            value = _get(target, name)
        except OSError as error:
            if name.startswith(_KEPT) and error.errno != errno.ENODATA:  # ENODATA: removed
                raise
            continue
        (kept if name.startswith(_KEPT) else others)[name] = value
    return kept, others


def copy(source: int | str, target: int | str) -> None:
    """Give `target` exactly the kept attributes `source` holds: each set, and any it has
    that `source` has not (a default ACL inherited from the folder it was made in) removed;
    OSError when one cannot be (the copy is then refused: nothing moved). The system's
    others: set where allowed."""
    held, others = _read(source)
    for name in set(read(target)) - set(held):
        _remove(target, name)
    for name, value in held.items():
        _set(target, name, value)
    for name, value in others.items():
        with contextlib.suppress(OSError):
            _set(target, name, value)


def difference(a: int | str, b: int | str) -> str:
    """"" when `a` and `b` hold the same kept attributes, else what differs."""
    try:
        left, right = read(a), read(b)
    except OSError as error:
        return f"extended attributes unreadable: {error.strerror or error}"
    if left == right:
        return ""
    names = sorted(set(left) ^ set(right)) or sorted(n for n in left if left[n] != right[n])
    return f"other extended attributes ({names[0]})"


def _names(target: int | str) -> list[str]:
    if isinstance(target, int):
        return os.listxattr(target)
    return os.listxattr(target, follow_symlinks=False)


def _get(target: int | str, name: str) -> bytes:
    if isinstance(target, int):
        return os.getxattr(target, name)
    return os.getxattr(target, name, follow_symlinks=False)


def _set(target: int | str, name: str, value: bytes) -> None:
    if isinstance(target, int):
        os.setxattr(target, name, value)
    else:
        os.setxattr(target, name, value, follow_symlinks=False)


def _remove(target: int | str, name: str) -> None:
    if isinstance(target, int):
        os.removexattr(target, name)
    else:
        os.removexattr(target, name, follow_symlinks=False)
