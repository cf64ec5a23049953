"""Small Qt helpers shared by the tabs."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ..domain import validation as v
from .date_edit import BEDateEdit as BEDateEdit  # the date field every tab uses (re-exported)


def to_qdate(day: _dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


def from_qdate(q: QDate) -> _dt.date | None:
    return _dt.date(q.year(), q.month(), q.day()) if q.isValid() else None


class LinesEdit(QPlainTextEdit):
    """One item per line (steps, units): ``lines()`` / ``set_lines()``."""

    def lines(self) -> list[str]:
        return [x.strip() for x in self.toPlainText().splitlines() if x.strip()]

    def set_lines(self, lines: list[str]) -> None:
        self.setPlainText("\n".join(lines))


def same_amount(shown: str, stored: str) -> bool:
    """A budget field's rule for "already shows what is stored": "50000" and "50,000.00" do."""
    try:
        return v.parse_budget("", shown) == v.parse_budget("", stored)
    except v.ValidationError:
        return False


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


