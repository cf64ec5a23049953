"""Small Qt helpers shared by the tabs."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ..domain.thai_dates import MONTHS_ABBR, be_year


def to_qdate(day: _dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


def from_qdate(q: QDate) -> _dt.date | None:
    return _dt.date(q.year(), q.month(), q.day()) if q.isValid() else None


class BEDateEdit(QDateEdit):
    """A date field that shows Buddhist-era years (๒๕ มี.ค. ๒๕๖๘) and stores Gregorian dates.

    Typed text goes through ``validation.parse_date``, the one date parser: a year outside
    BE 2500–2700 ("25/03/3110") is refused with a message (``refused``) instead of being
    silently put back, and a Christian year is converted with a note (``noted``)."""

    # an empty date shows this text and sits on the minimum date (Qt's way to hold "no date")
    EMPTY_TEXT = "ไม่ระบุ"
    refused = Signal(str)
    noted = Signal(str)

    def __init__(self, parent=None, *, allow_empty: bool = False, label: str = "วันที่"):
        super().__init__(parent)
        self.label = label
        self.allow_empty = allow_empty
        self.refused_text: str | None = None  # the last typed text that was refused, until a date is accepted
        self._note: str | None = None
        self.setCalendarPopup(True)
        self.setDisplayFormat("d/M/yyyy")
        self.setMaximumDate(QDate(2700 - 543, 12, 31))
        if allow_empty:
            self.setMinimumDate(QDate(1900, 1, 1))
            self.setSpecialValueText(self.EMPTY_TEXT)
        else:
            self.setMinimumDate(QDate(2500 - 543, 1, 1))
        self.setDate(QDate.currentDate())
        self.dateChanged.connect(self._accepted)
        self.editingFinished.connect(self._finished)

    def _accepted(self, _date) -> None:
        self.refused_text = None

    def _finished(self) -> None:
        if self._note:
            note, self._note = self._note, None
            self.noted.emit(note)

    def fixup(self, text):
        from ..domain.validation import parse_date
        from ..errors import ValidationError

        if text.strip() and text.strip() != self.EMPTY_TEXT:
            try:
                parse_date(text, self.label)
            except ValidationError as err:
                self.refused_text = text
                self.refused.emit(err.message_th)
        return super().fixup(text)

    def day(self) -> _dt.date | None:
        """The date shown, or None when the field is empty ("ไม่ระบุ")."""
        if self.allow_empty and self.date() == self.minimumDate():
            return None
        return from_qdate(self.date())

    def set_day(self, day: _dt.date | None) -> None:
        if day is None and self.allow_empty:
            self.setDate(self.minimumDate())
        elif day is not None:
            self.setDate(to_qdate(day))

    def textFromDateTime(self, dt):  # noqa: N802 (Qt override)
        d = dt.date()
        return f"{d.day()} {MONTHS_ABBR[d.month() - 1]} {be_year(d.year())}"

    def dateTimeFromText(self, text):  # noqa: N802
        from ..domain.validation import parse_date
        from ..errors import ValidationError

        try:
            day, note = parse_date(text, self.label)
        except ValidationError:
            return self.dateTime()
        if day is None:
            return self.dateTime()
        self._note = note
        dt = self.dateTime()
        dt.setDate(to_qdate(day))
        return dt

    def validate(self, text, pos):
        from PySide6.QtGui import QValidator

        from ..domain.validation import parse_date
        from ..errors import ValidationError

        if self.allow_empty and text.strip() == self.EMPTY_TEXT:
            return QValidator.State.Acceptable, text, pos
        try:
            day, _note = parse_date(text, self.label)
        except ValidationError:
            return QValidator.State.Intermediate, text, pos
        return (QValidator.State.Acceptable if day else QValidator.State.Intermediate), text, pos


class LinesEdit(QPlainTextEdit):
    """One item per line (steps, units): ``lines()`` / ``set_lines()``."""

    def lines(self) -> list[str]:
        return [x.strip() for x in self.toPlainText().splitlines() if x.strip()]

    def set_lines(self, lines: list[str]) -> None:
        self.setPlainText("\n".join(lines))


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


def button(text: str, slot, *, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if tip:
        b.setToolTip(tip)
    return b


def row(*widgets) -> QWidget:
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    for x in widgets:
        if x is None:
            lay.addStretch(1)
        else:
            lay.addWidget(x)
    return w


def confirm(parent, title: str, text: str) -> bool:
    """ใช่ / ไม่ใช่, the same question box as everywhere else (``dialogs.ask_yes_no``)."""
    from .dialogs import ask_yes_no

    return ask_yes_no(parent, title, text)


