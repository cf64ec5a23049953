"""The one object that performs writes for the window and says what changed.

Tabs call ``session.write(store_method, *args)``; a core error becomes a Thai
message (``error`` signal) instead of an exception, and every success emits
``changed`` with the areas of the store's ``Change``, so each tab refreshes only
what it shows. The year being edited lives here too; it is remembered in the
file's UI state, outside the undo journal (choosing a year is not an edit).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..domain.vocab import ALL_AREAS, Change
from ..domain.year import YearView
from ..errors import ItadeskError, UnusualValueError
from ..store.connect import translate
from ..store.store import Store


class Session(QObject):
    changed = Signal(frozenset)  # areas
    error = Signal(str, str)  # title, Thai message
    year_changed = Signal(int)
    store_replaced = Signal()
    typing = Signal()  # a field has unwritten typing (Ctrl+Z will write it, then take it back)
    notice = Signal(str)  # a Thai note for the status bar (a Christian year converted, say)

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.year = self._initial_year(store)
        self.editors: list = []  # pages with fields that write themselves (ui.page.Page)
        self._view: tuple | None = None  # (state key, YearView)
        # asks the clerk a yes/no question (the window sets one); without it, an unusual value is refused
        self.ask: Callable[[str, str], bool] = lambda _title, _text: False

    def register(self, editor) -> None:
        self.editors.append(editor)

    def flush(self, *, force: bool = False) -> bool:
        """Write every pending edit of every page (before another year, file, or closing).

        Typing that met a change made elsewhere meanwhile stays pending, unwritten, unless
        ``force`` (the clerk pressed Ctrl+S after being told)."""
        ok = True
        for editor in self.editors:
            ok = editor.flush(force=force) and ok
        return ok

    def _call(self, fn: Callable, args, kwargs):
        """Run a store write; an unusual value (a date years from its fiscal year) is asked
        about and written only after ใช่; SQLite's own errors become Thai ones."""
        try:
            try:
                result = fn(*args, **kwargs)
            except UnusualValueError as err:
                if not self.ask("ยืนยันค่าที่ผิดปกติ", f"{err.message_th}\n\nต้องการบันทึกค่านี้หรือไม่?"):
                    raise
                with self.store.accepting_unusual():
                    result = fn(*args, **kwargs)
        except sqlite3.Error as err:
            raise translate(err, self.store.path) from err
        notes = self.store.take_notes()
        if notes:
            self.notice.emit("  ".join(notes))
        return result

    @staticmethod
    def _initial_year(store: Store) -> int:
        years = store.years()
        saved = store.ui_state("current_year")
        return int(saved) if saved.isdigit() and int(saved) in years else (years[-1] if years else 0)

    def view(self) -> YearView | None:
        """The one view of the year shown (None when the file has no year yet)."""
        if not self.year or not self.store.has_year(self.year):
            return None
        # every page reads the view when it refreshes: build it once per state of the file.
        # total_changes counts this connection's writes, data_version another process's.
        conn = self.store.db.conn
        key = (id(self.store), self.year, conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
        if self._view is None or self._view[0] != key:
            self._view = (key, self.store.view(self.year))
        return self._view[1]

    @property
    def path(self) -> Path | None:
        return self.store.path

    def set_year(self, year: int) -> None:
        if year and year != self.year:
            self.flush()  # typing belongs to the year it was typed in
            self.year = year
            self.store.set_ui_state("current_year", str(year))
            self.year_changed.emit(year)

    def write(self, fn: Callable, *args, **kwargs):
        """Run a store write; returns its result, or None after reporting an error."""
        try:
            result = self._call(fn, args, kwargs)
        except ItadeskError as err:
            self.error.emit("ข้อมูลไม่ถูกต้อง", err.message_th)
            return None
        if isinstance(result, Change):
            self.changed.emit(result.areas)
        return result

    def try_write(self, fn: Callable, *args, quiet: bool = False, **kwargs) -> str | None:
        """Run a store write; None when it succeeded, else the Thai reason (also reported:
        in a dialog, or ``quiet`` in the status bar only)."""
        try:
            result = self._call(fn, args, kwargs)
        except ItadeskError as err:
            if quiet:
                self.notice.emit(err.message_th)
            else:
                self.error.emit("ข้อมูลไม่ถูกต้อง", err.message_th)
            return err.message_th
        if isinstance(result, Change):
            self.changed.emit(result.areas)
        return None

    def undo(self) -> str | None:
        self.flush()  # what was just typed is the step Ctrl+Z takes back
        return self._replay(self.store.undo)

    def redo(self) -> str | None:
        self.flush()
        return self._replay(self.store.redo)

    def _replay(self, fn: Callable) -> str | None:
        try:
            label = fn()
        except ItadeskError as err:  # another window changed the same data since: nothing set back
            self.error.emit("เลิกทำไม่ได้", err.message_th)
            self.changed.emit(ALL_AREAS)  # the step left the history; the menu says what comes next
            return None
        if label:
            self.changed.emit(ALL_AREAS)
        return label

    def replace_store(self, store: Store) -> None:
        self.flush()
        old = self.store
        self.store = store
        self.year = self._initial_year(store)
        old.close()
        self.store_replaced.emit()
        self.changed.emit(ALL_AREAS)
