"""Small Qt helpers shared by the tabs."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolTip,
    QWidget,
)

from ..domain.thai_dates import MONTHS_ABBR, be_year
from .calendar import ThaiCalendar


def to_qdate(day: _dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


def from_qdate(q: QDate) -> _dt.date | None:
    return _dt.date(q.year(), q.month(), q.day()) if q.isValid() else None


class BEDateEdit(QLineEdit):
    """A date typed as clerks write it, or picked from a Thai pop-up calendar.

    "1/1/2565", "1 ม.ค. 2565", "1 มกราคม 2565", "01/01/65" and Thai digits are all
    understood; a Christian year ("1/1/2022") is converted and the field says so
    (``note``). Leaving the field shows the date the way documents print it
    ("1 ม.ค. 2565"). With ``allow_empty`` the field may stay empty: no date at all,
    never an invented one.

    Not a QDateEdit: Qt's date edit types section by section from its display format
    (Ctrl+A selects one section, "/" jumps to the next, replacing the whole text is
    undone), so a clerk could not type a date the way it is written on paper.
    """

    EMPTY_TEXT = "ไม่ระบุ"  # the placeholder of an empty date
    note = Signal(str)  # "“1/1/2022” เป็นปี ค.ศ. ..." after a Christian year was typed

    def __init__(self, parent=None, *, allow_empty: bool = False, label: str = "วันที่"):
        super().__init__(parent)
        self.allow_empty = allow_empty
        self.label = label
        self.last_note = ""
        self.setPlaceholderText(self.EMPTY_TEXT if allow_empty else "วว/ดด/ปปปป")
        self.setMaximumWidth(170)
        self.calendar = ThaiCalendar()
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        pick = self.addAction(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                              QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("เลือกจากปฏิทิน (F4)")
        pick.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self._finished)
        if not allow_empty:
            self.set_day(_dt.date.today())

    # ------------------------------------------------------------ values
    def day(self) -> _dt.date | None:
        """The date typed; None when empty (if allowed). A text that is no date raises
        ValidationError naming the field, so the form marks it and keeps the text."""
        from ..domain.thai_dates import parse_thai_date
        from ..errors import ValidationError

        text = self.text().strip()
        if not text:
            if self.allow_empty:
                return None
            raise ValidationError(self.label, "ต้องระบุวันที่", "a date is required")
        try:
            return parse_thai_date(text)
        except ValueError:
            raise ValidationError(self.label, f"“{text}” ไม่ใช่วันที่ที่อ่านได้ (ตัวอย่าง ๑/๑/๒๕๖๘ หรือ ๑ ม.ค. ๒๕๖๘)",
                                  f"{text!r} is not a date") from None

    def shown_day(self) -> _dt.date | str | None:
        """What the field says without raising: a date, None, or the unreadable text."""
        from ..errors import ValidationError

        try:
            return self.day()
        except ValidationError:
            return self.text()

    def set_day(self, day: _dt.date | None) -> None:
        self.setText(_format(day) if day else "")

    # ------------------------------------------------------------ typing
    def _finished(self) -> None:
        from ..domain.thai_dates import is_ce_year

        text = self.text().strip()
        day = self.shown_day()
        if not isinstance(day, _dt.date):
            return
        if is_ce_year(text):
            self.last_note = f"“{text}” เป็นปี ค.ศ. {day.year} จึงบันทึกเป็นปี พ.ศ. {be_year(day.year)} ({_format(day)})"
            self.note.emit(self.last_note)
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.last_note, self, self.rect(), 6000)
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(self.last_note, 8000)
        if self.text() != _format(day):
            self.setText(_format(day))  # the way documents print it; the field is being left

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
        self.calendar.setSelectedDate(to_qdate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, qdate: QDate) -> None:
        self.calendar.hide()
        self.setFocus()
        self._set_picked(from_qdate(qdate))

    def _set_picked(self, day: _dt.date) -> None:
        self.setText(_format(day))
        self.textEdited.emit(self.text())  # a pick is the clerk's edit: the form writes it as typing


def _format(day: _dt.date) -> str:
    return f"{day.day} {MONTHS_ABBR[day.month - 1]} {be_year(day.year)}"


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


def label_for(text: str, widget) -> QLabel:
    """A label beside ``widget`` that screen readers tie to it (its buddy, and its accessible name)."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text)
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


