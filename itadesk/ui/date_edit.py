"""A date field a clerk can type into: "25/03/2568", "๒๕ มี.ค. ๖๘", "2025-03-25", or
pick from a calendar. It shows Buddhist-era years and gives Gregorian dates.

Qt's QDateEdit edits a date section by section under a display format that can only
write Christian years; with a Buddhist-era text it turned typed digits into
nonsense and silently put back the previous date. This field is a plain line edit:
the typed text goes through ``validation.parse_date``, the one date parser of the
window, the command line and imports, so "25/03/3110" is refused with its reason
and a Christian year is converted with a note.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle

from ..domain.thai_dates import MONTHS_ABBR, be_year
from ..domain.validation import parse_date
from ..errors import ValidationError


def format_day(day: _dt.date) -> str:
    return f"{day.day} {MONTHS_ABBR[day.month - 1]} {be_year(day.year)}"


class BEDateEdit(QLineEdit):
    EMPTY_TEXT = "ไม่ระบุ"
    edited = Signal()  # the clerk typed or picked a date (never a programmatic set)
    noted = Signal(str)  # a Christian year was converted: the note for the status bar

    def __init__(self, parent=None, *, allow_empty: bool = False, label: str = "วันที่"):
        super().__init__(parent)
        self.label, self.allow_empty = label, allow_empty
        self._note: str | None = None
        self.setPlaceholderText(self.EMPTY_TEXT if allow_empty else "เช่น 25/03/2568")
        self.setMinimumWidth(130)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        pick = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("เลือกจากปฏิทิน")
        pick.triggered.connect(self.show_calendar)
        self.textEdited.connect(lambda _text: self.edited.emit())
        self._calendar: QCalendarWidget | None = None
        if not allow_empty:
            self.set_day(_dt.date.today())

    def day(self) -> _dt.date | None:
        """The date typed; ``None`` when empty (and allowed). Raises ValidationError naming the field."""
        text = self.text().strip()
        if not text:
            if self.allow_empty:
                return None
            raise ValidationError(self.label, "ต้องระบุวันที่", "a date is required")
        day, note = parse_date(text, self.label)
        self._note = note
        return day

    def take_note(self) -> str | None:
        note, self._note = self._note, None
        return note

    @staticmethod
    def display(day: _dt.date | None) -> str:
        return format_day(day) if day else ""

    def set_day(self, day: _dt.date | None) -> None:
        self.setText(self.display(day))

    def show_calendar(self) -> None:
        cal = QCalendarWidget(self)
        cal.setWindowFlags(Qt.WindowType.Popup)
        cal.setMinimumDate(QDate(2500 - 543, 1, 1))
        cal.setMaximumDate(QDate(2700 - 543, 12, 31))
        try:
            current = self.day()
        except ValidationError:
            current = None
        if current:
            cal.setSelectedDate(QDate(current.year, current.month, current.day))
        cal.clicked.connect(lambda q: self._picked(cal, q))
        cal.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._calendar = cal
        cal.show()

    def _picked(self, cal: QCalendarWidget, q: QDate) -> None:
        cal.close()
        self.set_day(_dt.date(q.year(), q.month(), q.day()))
        self.edited.emit()
