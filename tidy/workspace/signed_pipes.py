"""The worker pool's two pipes signed: the jobs going to the workers, their answers coming back.

The standard library's process pool sends each job over one pipe (its call queue) and each
answer over another (its result queue), as pickles, and loads whatever comes. Both pipes'
write ends are open in tidy's main process, and in the workers, so any process of the user
can open them through /proc/PID/fd (ptrace_scope keeps it from tidy's memory, not from these)
and write a message of its own: a forged answer was taken as the job's, the walk's or the
early job's final one, and a pickle's reduce ran its code in tidy (in a worker, it had the
hand-over's key of round 15: workspace/early). So every message on both pipes is signed here
with a key made before the workers fork, which they have by inheritance only, and one whose
signature does not hold is never unpickled: reading it raises, which stops the pool (the
executor's manager thread calls it broken; a worker's read ends the worker), and whoever
wanted an answer works it out in this process (WorkerPool.retire, the walk's rerun).

Only the pipes are changed, through the executor's own attributes (CPython 3.11 to 3.13
keep them the same: `_call_queue`, a multiprocessing Queue whose `_reset` sets its ends'
`_send_bytes` / `_recv_bytes`; `_result_queue`, a SimpleQueue whose `_reader` the manager
thread waits on and calls `recv()` of). An executor without them gets no workers: sign_pipes
answers False.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.queues import SimpleQueue
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext

_KEY_BYTES = 32
_SIGNATURE_BYTES = 32  # an HMAC-SHA256 before each message's pickle
_MAX_MESSAGE_BYTES = 1 << 30  # a length past this is no message of the pool's: not read


class NotSigned(Exception):
    """A message on one of the pool's pipes that the pool did not write."""


def _signed(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest() + data


def _verified(key: bytes, message: bytes) -> bytes:
    """The pickle `message` carries, when its signature is the pool's; else NotSigned."""
    data = message[_SIGNATURE_BYTES:]
    mine = hmac.new(key, data, hashlib.sha256).digest()
    if len(message) < _SIGNATURE_BYTES or not hmac.compare_digest(
            message[:_SIGNATURE_BYTES], mine):
        raise NotSigned("a message on the worker pool's pipe it did not write: not read, "
                        "the pool is stopped")
    return data


class _VerifyingReader:
    """The result pipe's read end as the executor's manager thread and SimpleQueue use it
    (waited on by its descriptor, then recv / recv_bytes), each message verified first."""

    def __init__(self, connection: Connection, key: bytes) -> None:
        self._connection = connection
        self._key = key

    def fileno(self) -> int:
        return self._connection.fileno()

    def recv_bytes(self, maxlength: int | None = None) -> bytes:
        return _verified(self._key, self._connection.recv_bytes(_MAX_MESSAGE_BYTES))

    def recv(self) -> Any:
        return ForkingPickler.loads(self.recv_bytes())

    def poll(self, timeout: float | None = 0.0) -> bool:
        return self._connection.poll(timeout)

    def close(self) -> None:
        self._connection.close()

    @property
    def closed(self) -> bool:
        return self._connection.closed


class SignedResults(SimpleQueue[Any]):
    """The result queue: a worker's put signs, the main process's reads verify."""

    def __init__(self, *, ctx: BaseContext, key: bytes) -> None:
        super().__init__(ctx=ctx)
        self._key = key
        reader = _VerifyingReader(self._reader, key)  # type: ignore[has-type]
        self._reader = reader
        self._poll = reader.poll

    def put(self, obj: Any) -> None:
        message = _signed(self._key, bytes(ForkingPickler.dumps(obj)))
        with self._wlock:  # type: ignore[attr-defined]
            self._writer.send_bytes(message)  # type: ignore[attr-defined]


def _sign_calls(calls: Any, key: bytes) -> None:
    """The call queue's ends wrapped: what its feeder thread sends is signed, what a worker
    reads is verified before it is unpickled. Its class is made one that wraps them again
    where multiprocessing resets them (in each forked worker: Queue._after_fork)."""
    base = type(calls)

    def reset(self: Any, after_fork: bool = False) -> None:
        base._reset(self, after_fork=after_fork)
        _wrap_ends(self)

    calls.__class__ = type("Signed" + base.__name__, (base,), {"_reset": reset})
    calls._pool_key = key
    _wrap_ends(calls)


def _wrap_ends(calls: Any) -> None:
    key: bytes = calls._pool_key
    send: Callable[[bytes], None] = calls._writer.send_bytes
    receive: Callable[[int], bytes] = calls._reader.recv_bytes
    calls._send_bytes = lambda data: send(_signed(key, bytes(data)))
    calls._recv_bytes = lambda: _verified(key, receive(_MAX_MESSAGE_BYTES))


def sign_pipes(executor: ProcessPoolExecutor) -> bool:
    """Sign both of `executor`'s pipes, before its first job forks a worker; False when the
    executor is not built as this module knows (nothing changed: it must not be used)."""
    calls = getattr(executor, "_call_queue", None)
    results = getattr(executor, "_result_queue", None)
    context = getattr(executor, "_mp_context", None)
    if not (isinstance(results, SimpleQueue) and context is not None and all(
            hasattr(calls, name) for name in ("_reset", "_writer", "_reader", "_send_bytes",
                                              "_recv_bytes"))):
        return False
    key = os.urandom(_KEY_BYTES)
    results.close()
    executor._result_queue = SignedResults(ctx=context, key=key)
    _sign_calls(calls, key)
    return True
