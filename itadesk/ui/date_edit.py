"""A date typed as clerks write it, or picked from a Thai pop-up calendar.

"1/1/2565", "1 ม.ค. 2565", "1 มกราคม 2565", "01/01/65", "๒๕ มี.ค. ๖๘" and ISO dates are all
understood through ``validation.parse_date``, the one date parser of the window, the
command line and imports: "25/03/3110" is refused with its reason, and a Christian
year ("1/1/2022") is converted with a note. Leaving the field shows the date the way
documents print it ("1 ม.ค. 2565"). With ``allow_empty`` the field may stay empty: no
date at all, never an invented one.

Not a QDateEdit: Qt's date edit types section by section from a display format that can
only write Christian years (Ctrl+A selects one section, "/" jumps to the next, a
retyped date was silently put back), so a clerk could not type a date as on paper.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QMainWindow, QStyle, QToolTip

from ..domain.thai_dates import MONTHS_ABBR, be_year
from ..domain.validation import parse_date
from ..errors import ValidationError
from .calendar import ThaiCalendar


def format_day(day: _dt.date) -> str:
    return f"{day.day} {MONTHS_ABBR[day.month - 1]} {be_year(day.year)}"


class BEDateEdit(QLineEdit):
    EMPTY_TEXT = "ไม่ระบุ"  # the placeholder of an empty date
    edited = Signal()  # the clerk typed or picked a date (never a programmatic set)
    note = Signal(str)  # a Christian year was converted: the note, also put in the status bar

    def __init__(self, parent=None, *, allow_empty: bool = False, label: str = "วันที่"):
        super().__init__(parent)
        self.allow_empty, self.label = allow_empty, label
        self.last_note = ""  # the last note shown (tests and screen readers read it)
        self._note: str | None = None  # the note of the date last read, until taken
        self.setPlaceholderText(self.EMPTY_TEXT if allow_empty else "เช่น 25/03/2568")
        self.setMinimumWidth(130)
        self.setMaximumWidth(170)
        self.calendar = ThaiCalendar()
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        pick = self.addAction(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                              QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("เลือกจากปฏิทิน (F4)")
        pick.triggered.connect(self.open_calendar)
        self._typed = ""  # the text as the clerk typed it, until the field is left
        self.textEdited.connect(self._on_typed)
        self.editingFinished.connect(self._finished)
        if not allow_empty:
            self.set_day(_dt.date.today())

    # ------------------------------------------------------------ values
    def day(self) -> _dt.date | None:
        """The date typed; None when empty (and allowed). Raises ValidationError naming the field."""
        text = self.text().strip()
        if not text:
            if self.allow_empty:
                return None
            raise ValidationError(self.label, "ต้องระบุวันที่", "a date is required")
        day, note = parse_date(text, self.label)
        self._note = note
        return day

    def shown_day(self) -> _dt.date | str | None:
        """What the field says without raising: a date, None, or the unreadable text."""
        try:
            return self.day()
        except ValidationError:
            return self.text()

    def take_note(self) -> str | None:
        note, self._note = self._note, None
        return note

    @staticmethod
    def display(day: _dt.date | None) -> str:
        return format_day(day) if day else ""

    def set_day(self, day: _dt.date | None) -> None:
        self.setText(self.display(day))

    # ------------------------------------------------------------ typing
    def _on_typed(self, text: str) -> None:
        self._typed = text
        self.edited.emit()

    def _finished(self) -> None:
        # what the clerk typed, read again: leaving the field wrote it first, and the form may
        # already show it reformatted ("30 มิ.ย. 2570" for "30/6/2027") and have taken its note
        typed, self._typed = self._typed or self.text(), ""
        try:
            day, note = parse_date(typed, self.label)
        except ValidationError:
            return
        if day is None:
            return
        if note:
            self.last_note = note
            self.note.emit(note)
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), note, self, self.rect(), 6000)
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(note, 8000)
        if self.text() != format_day(day) and not self.styleSheet():
            # the way documents print it, once the form took it (a refused date stays as typed)
            self.setText(format_day(day))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and isinstance(self.shown_day(), _dt.date):
            self._set_picked(self.shown_day() + _dt.timedelta(days=1 if key == Qt.Key.Key_Up else -1))  # ↑/↓: a day on
        else:
            super().keyPressEvent(event)

    # ---------------------------------------------------------- calendar
    def open_calendar(self) -> None:
        day = self.shown_day()
        day = day if isinstance(day, _dt.date) else _dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def show_calendar(self) -> None:  # the name the rest of the window knew it by
        self.open_calendar()

    def _picked(self, qdate: QDate) -> None:
        self.calendar.hide()
        self.setFocus()
        self._set_picked(_dt.date(qdate.year(), qdate.month(), qdate.day()))

    def _set_picked(self, day: _dt.date) -> None:
        self.setText(format_day(day))
        self.textEdited.emit(self.text())  # a pick is the clerk's edit: the form writes it as typing
