"""The signals that stop tidy: Ctrl-C (SIGINT), `kill` or a cancelled CI job (SIGTERM), a closed
terminal (SIGHUP). One way for all three, installed first thing (tidy.__main__.run):

- each raises KeyboardInterrupt where the program is (SIGTERM and SIGHUP as its subclass
  Stopped), so the same finally blocks run for all three: a fix's journal is closed, temp
  files are removed, git children and worker processes are stopped and reaped. Python's own
  default for SIGTERM and SIGHUP ends the process at once, none of that run;
- a KeyboardInterrupt Python drops is given again: raised inside a weakref callback or a
  `__del__` (importlib's module-lock callback, a closing file), it is only printed
  ("Exception ignored in ...") and the program went on, a Ctrl-C lost and the command's
  work finished as if none came; sys.unraisablehook has it raised again 10 ms later (a
  SIGALRM: tidy sets no other alarm);
- the process then ends by the signal itself (end_at_exit), as Python ends on an uncaught
  KeyboardInterrupt and as shells expect: bash stops a script's loop only when the command
  it waits for died of the SIGINT (exit 130 in $?, 143 for SIGTERM, 129 for SIGHUP).

Imported before click and the command line: only the standard library's signal, sys, os.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised as Ctrl-C's KeyboardInterrupt is: every `except
    KeyboardInterrupt` and finally block treats them alike."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_received = 0  # the first stop signal that came (0: none)
_previous_hook = sys.unraisablehook


def received() -> int:
    """The first stop signal the process got since install() (0: none)."""
    return _received


def note(signum: int) -> None:
    """A stop signal a program handled itself (browse quits as its q key does, stopping a
    run after its current move): once it has, the process still says it was interrupted and
    ends by the signal (tidy.__main__.run), as every other command does (trust round 10:
    browse ended with exit 0, as if it had been quit)."""
    global _received
    _received = _received or signum


def _on_stop_signal(signum: int, _frame: FrameType | None) -> None:
    global _received
    _received = _received or signum
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)


def _give_again(unraisable: Any) -> None:
    """A KeyboardInterrupt Python could not raise (in a weakref callback, a __del__): given
    again 10 ms from now, by then in the program's own code. Not here: a signal's handler
    runs at the hook's own next instruction, and what the hook raises is dropped too.
    Anything else goes to the hook that was there."""
    if not (isinstance(unraisable.exc_value, KeyboardInterrupt) and _received):
        _previous_hook(unraisable)
        return
    try:
        signal.signal(signal.SIGALRM, _raise_again)
        signal.setitimer(signal.ITIMER_REAL, 0.01)
    except ValueError:  # not the main thread: no interrupt was raised in it
        _previous_hook(unraisable)


def _raise_again(_signum: int, _frame: FrameType | None) -> None:
    """The dropped stop signal, through whatever handles it now (a hold, CtrlCHeld, keeps
    it until its end, as it would have the signal itself)."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.raise_signal(_received)


def install() -> None:
    """Our handler for each stop signal still at Python's default (a SIGHUP ignored by
    `nohup` stays ignored), the hook that gives a dropped Ctrl-C again, and the ending by
    the signal (registered first, so it runs after every other exit handler)."""
    atexit.register(_end_if_stopped)
    for signum in STOP_SIGNALS:
        current = signal.getsignal(signum)
        if current in (signal.SIG_DFL, signal.default_int_handler):
            signal.signal(signum, _on_stop_signal)
    sys.unraisablehook = _give_again


def ended_by(error: BaseException) -> int:
    """The signal a KeyboardInterrupt stands for."""
    if isinstance(error, Stopped):
        return error.signum
    return _received or signal.SIGINT


def interrupted_line(error: BaseException | None = None) -> str:
    """What tidy says when stopped: "tidy: interrupted", and which signal when not Ctrl-C."""
    signum = ended_by(error) if error is not None else (_received or signal.SIGINT)
    if signum == signal.SIGINT:
        return "tidy: interrupted"
    return f"tidy: interrupted ({signal.Signals(signum).name})"


_ending = 0  # the signal to end by once Python has finished (end_at_exit)


def end_at_exit(signum: int) -> int:
    """The process ends by `signum` once Python's exit has run: the worker pool joined (a
    worker's job finishing stops its git children: a worker killed with tidy would leave
    them), every other exit handler called. Answers the exit status a shell would show, for
    the SystemExit on the way there."""
    global _ending
    _ending = signum
    return 128 + signum


def _end_if_stopped() -> None:
    if _ending:
        end_by(_ending)


def end_by(signum: int) -> int:
    """End this process by `signum`, its default action restored: what was printed is
    flushed first. Answers 128 + signum only if the process is still there (a signal that
    does not end it: never for the three above)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed or broken pipe: nothing more to say there
    signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signum})
    os.kill(os.getpid(), signum)
    return 128 + signum


def default_in_this_child(but: tuple[int, ...] = ()) -> None:
    """In a process tidy forked: the stop signals (those not in `but`) take their default
    action again (it is killed by them, as any child; the parent stops and reaps it)."""
    for signum in STOP_SIGNALS:
        if signum not in but:
            signal.signal(signum, signal.SIG_DFL)
