"""The one background runner: long jobs (exports, recounts) on a QThreadPool worker.

A job is a plain callable that opens what it needs itself (its own Journal connection:
a Journal is not thread-safe) and returns a result or raises. The runner never touches
widgets from the worker: each job reports through its own unparented signals object, which
lives in the GUI thread, so ``on_done``/``on_error`` run there (queued connection). The
runner keeps each signals object alive until its job reported; a widget closed while a
job runs is simply never called back once its runner is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    """Lives in the GUI thread; its own slots receive what the worker emits (queued), so
    the callbacks run on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, finish: Callable[[_Signals, Callable[[Any], None], object], None],
                 on_done: Callable[[Any], None], on_error: Callable[[Exception], None]):
        super().__init__()
        self.finish = finish
        self.on_done = on_done
        self.on_error = on_error
        self.done.connect(self._done)
        self.failed.connect(self._failed)

    @Slot(object)
    def _done(self, result: object) -> None:
        self.finish(self, self.on_done, result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self.finish(self, self.on_error, exc)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.work = work
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # a worker must never die silently: the caller words it
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


class BackgroundRunner(QObject):
    """Runs jobs one at a time (or ``threads`` at a time) off the UI thread."""

    def __init__(self, parent: QObject | None = None, threads: int = 1):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.pending: set[QObject] = set()  # each running job's signals object, kept alive

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None]) -> None:
        signals = _Signals(self._finish, on_done, on_error)
        self.pending.add(signals)
        self.pool.start(_Job(work, signals))

    def _finish(self, signals: _Signals, callback: Callable[[Any], None], value: object) -> None:
        self.pending.discard(signals)
        if shiboken6.isValid(self):  # the widget that asked (the runner's parent) still exists
            callback(value)

    @property
    def busy(self) -> bool:
        return bool(self.pending)

    def wait(self) -> None:
        """Block until every job ran (tests, closing the window)."""
        self.pool.waitForDone()
