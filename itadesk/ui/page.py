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

Another window or a script may change the same field meanwhile. A field remembers
the stored value it showed when the typing began; a flush reloads the page inside
one write transaction (nothing can change between that read and the write) and a
field whose stored value moved under the typing is not written: it stays on screen,
outlined, with the other value in its message, until the clerk presses Ctrl+S to
keep theirs (``flush(force=True)``). Only the fields that changed are written.

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
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ..domain.vocab import Area
from ..errors import ItadeskError
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
        self.loaded = _UNSET  # the stored value this field last showed (what typing starts from)
        widget.setAccessibleName(label)
        if isinstance(widget, QComboBox | QAbstractSpinBox):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel over it must not focus it either
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab moves on, as in every other field; it never types a tab
        widget.installEventFilter(self)
        _edited_signal(widget).connect(self._edited)
        if isinstance(widget, BEDateEdit):
            widget.label = label  # a refused date names its field

    # ------------------------------------------------------------- values
    def value(self):
        w = self.widget
        if isinstance(w, BEDateEdit):
            return w.day()  # raises ValidationError for text that is not a date
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
            return getattr(w, "day", lambda: from_qdate(w.date()))()
        if isinstance(w, QAbstractSpinBox):
            return w.value()
        raise TypeError(type(w))

    def show(self, value) -> None:
        """Show a stored value — unless the clerk is typing here, or it is already shown."""
        if self.page.is_pending(self):
            self.page.stored_meanwhile(self, value)
            return
        self.loaded = value
        if self.shows(value):
            return
        if self.widget.hasFocus() and not isinstance(self.widget, BEDateEdit):
            try:
                if _trimmed(self.value()) == _trimmed(value):
                    # the store keeps text trimmed; the clerk who paused after "ประชุม " and goes
                    # on typing must keep that space (and a new line), not see it taken mid-word
                    return
            except ItadeskError:
                pass
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

    def shows(self, value) -> bool:
        """Does the widget already say ``value``? (A date typed wrongly says no stored value.)"""
        if isinstance(self.widget, BEDateEdit):  # said the way the field writes dates ("1 ต.ค. 2568")
            return self.widget.text().strip() == self.widget.display(value)
        try:
            return self.same(self.value(), value)
        except ItadeskError:
            return False

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
    if isinstance(w, BEDateEdit):
        return w.edited
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


_UNSET = object()


@dataclass
class _Pending:
    record: object  # the record shown when the typing began
    loaded: object = _UNSET  # the stored value shown when the typing began
    conflict: object = _UNSET  # the value stored meanwhile elsewhere, when it differs


class Page(QWidget):
    """Base of every tab. Subclasses set ``TITLE`` and ``AREAS`` and implement ``load()``."""

    TITLE = ""
    AREAS: frozenset[Area] = frozenset()

    def __init__(self, session: Session, *, lazy: bool = False):
        super().__init__()
        self.session = session
        self._fields: list[Field] = []
        self._by_label: dict[str, Field] = {}
        self._pending: dict[Field, _Pending] = {}
        self._triggers: dict = {}  # item views' edit triggers while the file is read-only
        self._flushing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(lambda: self.flush(paused=True))
        session.register(self)
        session.changed.connect(self._changed)
        session.year_changed.connect(lambda _y: self.refresh())
        session.store_replaced.connect(self.refresh)
        self._built = self._building = False
        if not lazy:
            self.ensure_built()

    # ------------------------------------------------------ building late
    # The window's tabs are built when first shown (``lazy=True``): a clerk sees the
    # window in half the time, and a tab never opened costs nothing. A tab is shown
    # through ``setVisible`` (QTabWidget switches pages with ``show()``), and any
    # attribute a caller asks of a tab not built yet builds it first, so nothing
    # outside needs to know.
    def build(self) -> None:
        """Subclasses: make the widgets and fields, and show the stored data."""

    @property
    def built(self) -> bool:
        return self._built

    def ensure_built(self) -> None:
        if self._built or self._building:
            return
        self._building = True
        try:
            self.build()
        finally:
            self._building = False
        self._built = True
        if self.session.store.readonly:
            self.set_read_only(True)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt override)
        # a tab made current inside a window not shown yet waits: the window builds
        # the tab it opens on when it shows (``MainWindow.setVisible``)
        if visible and self.window().isVisible():
            self.ensure_built()
        super().setVisible(visible)

    def __getattr__(self, name: str):
        # only reached when normal lookup fails: a widget of a tab not built yet
        state = self.__dict__
        if name.startswith("__") or state.get("_built", True) or state.get("_building"):
            raise AttributeError(name)
        self.ensure_built()
        return getattr(self, name)

    @property
    def fields(self) -> list[Field]:
        self.ensure_built()
        return self._fields

    def shutdown(self) -> None:
        """Subclasses with work under way (an export) end it here, with the window."""

    # --------------------------------------------------------- subclasses
    def load(self) -> None:
        """Show the stored data (through ``Field.show``, which never disturbs typing)."""

    def field(self, widget: QWidget, label: str, record: Callable[[], object],
              write: Callable[[object, object], object], same: Callable[[object, object], bool] | None = None) -> Field:
        f = Field(self, widget, label, record, write, same)
        self._fields.append(f)
        self._by_label[label] = f
        return f

    def show_field(self, label: str, value) -> None:
        """Show a stored value in the field labelled ``label`` (see ``Field.show``)."""
        self._by_label[label].show(value)

    def mark_problems(self, place: str, record_id: int | None) -> None:
        """Outline the fields of the record shown whose stored value the program cannot use
        (``YearView.problems``), each with its message: the clerk sees it and types a new one."""
        view = self.session.view()
        for p in view.problems if view else []:
            f = self._by_label.get(p.field)
            if p.place == place and p.record_id == record_id and f is not None and not self.is_pending(f):
                f.mark(p.message)

    # ------------------------------------------------------------ editing
    def is_pending(self, f: Field) -> bool:
        return f in self._pending

    def has_pending(self) -> bool:
        return bool(self._pending)

    def edited(self, f: Field) -> None:
        if self.session.store.readonly:
            # a file opened for reading: the field goes back to what is stored, and the clerk is told why
            self.session.error.emit("แก้ไขไม่ได้", "ไฟล์นี้เปิดแบบอ่านอย่างเดียว ใช้ “บันทึกสำเนาเป็น…” ในเมนู ไฟล์ เพื่อแก้ไขในสำเนา")
            loaded, f.loaded = f.loaded, _UNSET
            if loaded is not _UNSET:
                f.show(loaded)
            return
        if f not in self._pending:
            record = f.record()
            if record is None:  # nothing shown to edit (no year yet)
                return
            self._pending[f] = _Pending(record, f.loaded)
            self.session.typing.emit()
        self._timer.start()

    def stored_meanwhile(self, f: Field, value) -> None:
        """A reload while ``f`` has typing: a stored value other than the one the typing began
        from was written elsewhere (another window, a script)."""
        pending = self._pending.get(f)
        if pending is None or pending.loaded is _UNSET:
            return
        try:
            moved = not f.same(pending.loaded, value) and not f.same(value, pending.loaded)
        except Exception:  # a comparison the field's rule cannot make: plain equality
            moved = pending.loaded != value
        if moved and not f.shows(value):
            pending.conflict = value

    def flush(self, only: Field | None = None, *, force: bool = False, paused: bool = False) -> bool:
        """Write pending edits (all, or ``only``); returns False if a value was refused or
        was left unwritten because it was changed elsewhere meanwhile (``force`` writes it)."""
        targets = [f for f in ([only] if only is not None else list(self._pending)) if f in self._pending]
        if not targets:
            if not self._pending:
                self._timer.stop()
            return True
        store = self.session.store
        if store.readonly or store.closed:
            for f in targets:
                self._pending.pop(f, None)
            return False
        if self._flushing:  # a timer fired while a question of this flush is open
            return False
        ok = True
        self._flushing = True
        self._written: list = []
        try:
            with store.transaction():
                # read what is stored now, inside the write lock: a field whose value moved
                # under the typing learns it here (``stored_meanwhile``), and nothing can move it
                # again before the write below
                self.load()
                for f in targets:
                    ok = self._write_one(f, force, paused) and ok
        except ItadeskError as err:  # the write lock never came (another program held the file), a full disk
            for f, pending in self._written:  # nothing was committed: the typing stays pending, and on screen
                self._pending[f] = pending
                f.mark(err.message_th)
            self.session.error.emit("ยังไม่ได้บันทึก", err.message_th)
            return False
        finally:
            self._flushing = False
        if not self._pending:
            self._timer.stop()
        return ok

    def _write_one(self, f: Field, force: bool, paused: bool = False) -> bool:
        pending = self._pending.pop(f, None)
        if pending is None or f.record() != pending.record:
            return True  # the form shows another record now: never write into it
        try:
            value = f.value()
        except ItadeskError as err:  # a date that is not a date yet: said when the clerk leaves the field
            if paused:
                self._pending[f] = pending
                return True
            f.mark(err.message_th)
            self.session.error.emit("ข้อมูลไม่ถูกต้อง", err.message_th)
            return False
        if pending.conflict is not _UNSET and not force:
            self._pending[f] = pending  # kept, unwritten: the clerk decides (Ctrl+S keeps what they typed)
            other = pending.conflict
            shown = "\n".join(other) if isinstance(other, list) else ("(ว่าง)" if other in (None, "") else str(other))
            message = (f"{f.label}: ระหว่างที่คุณพิมพ์ ช่องนี้ถูกแก้ไขจากที่อื่น (อีกหน้าต่างหรือโปรแกรมอื่น) เป็น “{shown[:200]}” "
                       "สิ่งที่คุณพิมพ์ยังไม่ได้บันทึก กด Ctrl+S เพื่อบันทึกสิ่งที่คุณพิมพ์แทน")
            if f.widget.toolTip() != message:
                self.session.error.emit("ข้อมูลถูกแก้ไขจากที่อื่น", message)
            f.mark(message)
            return False
        # a pause is not a decision: a value refused then is outlined with its reason and
        # noted in the status bar, never a dialog that interrupts the typing
        message = self.session.try_write(f.write, pending.record, value, quiet=paused)
        if message is None and isinstance(f.widget, BEDateEdit) and (note := f.widget.take_note()):
            self.session.notice.emit(note)
        f.mark(message)
        if message is None:
            self._written.append((f, pending))
        return message is None

    def conflicts(self) -> list[Field]:
        """Fields whose typing is kept unwritten because the stored value changed elsewhere."""
        return [f for f, p in self._pending.items() if p.conflict is not _UNSET]

    def set_read_only(self, on: bool) -> None:
        """A file opened for reading: the fields show, nothing can be typed or changed."""
        for f in self._fields:
            w = f.widget
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(on)
            else:
                w.setEnabled(not on)
        for b in self.findChildren(QPushButton):
            if not b.property("reads"):
                b.setEnabled(not on)
        for view in self.findChildren(QAbstractItemView):
            if isinstance(view, QListWidget | QListView):
                continue
            if on:
                self._triggers.setdefault(view, view.editTriggers())
                view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            elif view in self._triggers:
                view.setEditTriggers(self._triggers.pop(view))

    # ---------------------------------------------------------- refreshing
    def refresh(self) -> None:
        if self._built:  # a tab built later shows the data as it is then
            self.load()

    def _changed(self, areas: frozenset) -> None:
        if areas & self.AREAS:
            self.refresh()
