"""One editing model for every form: a field writes itself, bound to its record.

A :class:`Field` ties one widget to one field of one record. When the clerk
edits it, the record shown *at that moment* is remembered with the edit; the
value is written about a second after the clerk pauses, when focus leaves the
widget, and before anything shows another record, tab, year or file
(:meth:`Page.flush`). A write never reloads the widget being edited: a refresh
leaves a widget alone while it has pending typing, and never sets a value the
widget already shows, so the cursor and the selection stay where they are.

An edit whose record is no longer the one shown is dropped, never written into
whatever is shown now (as Anki's editor ignores a late edit for another note).

Each page says which areas of change refresh it (``AREAS``) and implements
``load()``; everything else — pending edits, the pause timer, flushing,
refreshing — lives here, in the spirit of Picard's option pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain.vocab import Area
from .session import Session
from .widgets import BEDateEdit, LinesEdit, from_qdate, to_qdate

PAUSE_MS = 1000  # a field is written this long after the clerk stops typing
INVALID_STYLE = "border: 1px solid #C0392B;"


class Field(QObject):
    """One widget ↔ one field of the record ``record()`` returns."""

    def __init__(self, page: Page, widget: QWidget, label: str, record: Callable[[], object],
                 write: Callable[[object, object], object], same: Callable[[object, object], bool] | None = None):
        super().__init__(widget)
        self.page, self.widget, self.label = page, widget, label
        self.record, self.write = record, write
        # does the widget's value already say what is stored? ("50000" and "50,000.00" do)
        self.same = same or (lambda shown, stored: shown == stored)
        if isinstance(widget, BEDateEdit):
            widget.label = label  # its "not a date" message names the field
            self.write = lambda rec, _shown, w=widget, write=write: write(rec, w.day())  # raises the Thai reason
        widget.setAccessibleName(label)
        if isinstance(widget, QComboBox | QAbstractSpinBox):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel over it must not focus it either
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab moves on, as in every other field; it never types a tab
        widget.installEventFilter(self)
        _edited_signal(widget).connect(self._edited)

    # ------------------------------------------------------------- values
    def value(self):
        w = self.widget
        if isinstance(w, BEDateEdit):
            return w.shown_day()
        if isinstance(w, LinesEdit):
            return w.lines()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QComboBox):
            data = w.currentData()
            return data if data is not None else w.currentText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QDateEdit):
            return from_qdate(w.date())
        if isinstance(w, QAbstractSpinBox):
            return w.value()
        raise TypeError(type(w))

    def show(self, value) -> None:
        """Show a stored value — unless the clerk is typing here, or it is already shown."""
        if self.page.is_pending(self) or self.same(self.value(), value):
            return
        if self.widget.hasFocus() and _trimmed(self.value()) == _trimmed(value):
            # the store keeps text trimmed; the clerk who paused after "ประชุม " and goes on
            # typing must keep that space (and a new line), not see it taken away mid-word
            return
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, BEDateEdit):
                w.set_day(value)
            elif isinstance(w, LinesEdit):
                w.set_lines(value or [])
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            elif isinstance(w, QLineEdit):
                w.setText(value or "")
            elif isinstance(w, QComboBox):
                i = w.findData(value)
                w.setCurrentIndex(i if i >= 0 else max(0, w.findText(str(value))))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QDateEdit):
                w.setDate(to_qdate(value))
            elif isinstance(w, QAbstractSpinBox):
                w.setValue(value or 0)
        finally:
            w.blockSignals(False)
        self.mark(None)

    def mark(self, message: str | None) -> None:
        """A value the store refused stays on screen, outlined in red with the reason."""
        self.widget.setStyleSheet(INVALID_STYLE if message else "")
        self.widget.setToolTip(message or "")

    # ------------------------------------------------------------- events
    def _edited(self, *_args) -> None:
        w = self.widget
        if isinstance(w, QLineEdit) and ("\n" in w.text() or "\r" in w.text()):
            # a paste into a one-line field: its line breaks become spaces, the cursor stays after it
            before = w.text()[: w.cursorPosition()]
            w.setText(_one_line(w.text()))
            w.setCursorPosition(len(_one_line(before)))
        self.page.edited(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.FocusOut and self.page.is_pending(self):
            self.page.flush(self)
        elif kind == QEvent.Type.Wheel and isinstance(obj, QComboBox | QAbstractSpinBox) and not obj.hasFocus():
            return True  # scrolling the page past a drop-down or a number must never change it
        return False


def _trimmed(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [_trimmed(v) for v in value]
    return value


def _one_line(text: str) -> str:
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text)


def _edited_signal(w: QWidget):
    """The signal that fires on the clerk's edits (programmatic sets are signal-blocked)."""
    if isinstance(w, QPlainTextEdit):
        return w.textChanged
    if isinstance(w, QLineEdit):
        return w.textEdited
    if isinstance(w, QComboBox):
        return w.activated
    if isinstance(w, QCheckBox):
        return w.clicked
    if isinstance(w, QDateEdit):
        return w.dateChanged
    if isinstance(w, QAbstractSpinBox):
        return w.valueChanged
    raise TypeError(type(w))


@dataclass
class _Pending:
    record: object  # the record shown when the typing began


class Page(QWidget):
    """Base of every tab. Subclasses set ``TITLE`` and ``AREAS`` and implement ``load()``."""

    TITLE = ""
    AREAS: frozenset[Area] = frozenset()

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.fields: list[Field] = []
        self._by_label: dict[str, Field] = {}
        self._pending: dict[Field, _Pending] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        # a pause is not a decision: a value refused then ("5/6/" of a date still being typed)
        # is outlined with its reason, never a dialog that interrupts the typing
        self._timer.timeout.connect(lambda: self.flush(quiet=True))
        session.register(self)
        session.changed.connect(self._changed)
        session.year_changed.connect(lambda _y: self.refresh())
        session.store_replaced.connect(self.refresh)

    # --------------------------------------------------------- subclasses
    def load(self) -> None:
        """Show the stored data (through ``Field.show``, which never disturbs typing)."""

    def field(self, widget: QWidget, label: str, record: Callable[[], object],
              write: Callable[[object, object], object], same: Callable[[object, object], bool] | None = None) -> Field:
        f = Field(self, widget, label, record, write, same)
        self.fields.append(f)
        self._by_label[label] = f
        return f

    def show_field(self, label: str, value) -> None:
        """Show a stored value in the field labelled ``label`` (see ``Field.show``)."""
        self._by_label[label].show(value)

    # ------------------------------------------------------------ editing
    def is_pending(self, f: Field) -> bool:
        return f in self._pending

    def has_pending(self) -> bool:
        return bool(self._pending)

    def edited(self, f: Field) -> None:
        if f not in self._pending:
            record = f.record()
            if record is None:  # nothing shown to edit (no year yet)
                return
            self._pending[f] = _Pending(record)
            self.session.typing.emit()
        self._timer.start()

    def flush(self, only: Field | None = None, *, quiet: bool = False) -> bool:
        """Write pending edits (all, or ``only``); returns False if a value was refused."""
        ok = True
        for f in [only] if only is not None else list(self._pending):
            pending = self._pending.pop(f, None)
            if pending is None:
                continue
            if f.record() != pending.record:
                continue  # the form shows another record now: never write into it
            message = self.session.try_write(f.write, pending.record, f.value(), quiet=quiet)
            f.mark(message)
            ok = ok and message is None
        if not self._pending:
            self._timer.stop()
        return ok

    # ---------------------------------------------------------- refreshing
    def refresh(self) -> None:
        self.load()

    def _changed(self, areas: frozenset) -> None:
        if areas & self.AREAS:
            self.refresh()
