"""The one object that performs writes for the window and says what changed.

Tabs call ``session.write(store_method, *args)``; a core error becomes a Thai
message (``error`` signal) instead of an exception, and every success emits
``changed`` with the areas the store reported, so each tab refreshes only what
it shows. The year being edited lives here too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..errors import ItadeskError
from ..store.store import AREAS, Store


class Session(QObject):
    changed = Signal(frozenset)  # areas
    error = Signal(str, str)  # title, Thai message
    year_changed = Signal(int)
    store_replaced = Signal()

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        years = store.years()
        saved = store.setting("current_year")
        self.year = int(saved) if saved.isdigit() and int(saved) in years else (years[-1] if years else 0)

    @property
    def path(self) -> Path | None:
        return self.store.path

    def set_year(self, year: int) -> None:
        if year and year != self.year:
            self.year = year
            self.store.set_setting("current_year", str(year))
            self.year_changed.emit(year)

    def write(self, fn: Callable, *args, **kwargs):
        """Run a store write; returns its result, or None after reporting an error."""
        try:
            result = fn(*args, **kwargs)
        except ItadeskError as err:
            self.error.emit("ข้อมูลไม่ถูกต้อง", err.message_th)
            return None
        changes = result[0] if isinstance(result, tuple) else result
        if isinstance(changes, frozenset):
            self.changed.emit(changes)
        return result

    def undo(self) -> str | None:
        label = self.store.undo()
        if label:
            self.changed.emit(frozenset(AREAS))
        return label

    def redo(self) -> str | None:
        label = self.store.redo()
        if label:
            self.changed.emit(frozenset(AREAS))
        return label

    def replace_store(self, store: Store) -> None:
        old = self.store
        self.store = store
        years = store.years()
        saved = store.setting("current_year")
        self.year = int(saved) if saved.isdigit() and int(saved) in years else (years[-1] if years else 0)
        old.close()
        self.store_replaced.emit()
        self.changed.emit(frozenset(AREAS))
