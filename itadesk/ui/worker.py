"""One helper for background work: run ``fn`` on the thread pool, get the result
or the error back on the GUI thread. Workers never touch widgets or the database.

``start_job`` is the same with two more things a long task (printing) needs:
progress reported from the worker and a cancel request from the GUI. Both cross
threads safely: progress is a signal, delivered queued on the GUI thread; cancel
is a ``threading.Event`` the worker polls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable, signals: _Signals):
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self):
        try:
            result = self.fn()
        except BaseException as err:  # reported to the GUI thread, never lost
            self.signals.failed.emit(err)
        else:
            self.signals.done.emit(result)


class Job:
    """Handle on a task started by ``start_job``; every method may be called from any thread."""

    def __init__(self, signals: _Signals):
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, k: int, n: int) -> None:
        """From the worker: step ``k`` of ``n``; ``on_progress(k, n)`` runs on the GUI thread."""
        self._signals.progress.emit(k, n)

    def cancel(self) -> None:
        """From the GUI: ask the worker to stop at its next check."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


_alive: set[_Signals] = set()


def _start(fn: Callable, signals: _Signals, on_done: Callable, on_error: Callable) -> None:
    _alive.add(signals)  # keep the QObject alive until it reports

    def finish(handler, value):
        _alive.discard(signals)
        handler(value)

    signals.done.connect(lambda r: finish(on_done, r))
    signals.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(_Task(fn, signals))


def run_in_background(fn: Callable, on_done: Callable, on_error: Callable) -> None:
    _start(fn, _Signals(), on_done, on_error)


def start_job(fn: Callable[[Job], object], on_done: Callable, on_error: Callable,
              on_progress: Callable[[int, int], object] | None = None) -> Job:
    """Run ``fn(job)`` on the thread pool; ``fn`` calls ``job.report(k, n)`` and polls ``job.cancelled()``."""
    signals = _Signals()
    job = Job(signals)
    if on_progress is not None:
        # connected before the task starts, so no report is lost; reports are queued
        # in order ahead of done/failed, which come from the same thread
        signals.progress.connect(on_progress)
    _start(lambda: fn(job), signals, on_done, on_error)
    return job
