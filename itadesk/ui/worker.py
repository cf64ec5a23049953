"""One helper for background work: run ``fn`` on the thread pool, get the result
or the error back on the GUI thread. Workers never touch widgets or the database."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


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


_alive: set[_Signals] = set()


def run_in_background(fn: Callable, on_done: Callable, on_error: Callable) -> None:
    signals = _Signals()
    _alive.add(signals)  # keep the QObject alive until it reports

    def finish(handler, value):
        _alive.discard(signals)
        handler(value)

    signals.done.connect(lambda r: finish(on_done, r))
    signals.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(_Task(fn, signals))
