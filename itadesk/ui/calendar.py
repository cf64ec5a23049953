"""The pop-up calendar of every date field: Thai month and day names, Buddhist-era years.

Qt has no Buddhist calendar system, and its calendar's own navigation bar prints
the Christian year (its year button formats "yyyy" of the Gregorian date). So the
stock bar is hidden and replaced by our own: ◀, a drop-down of Thai month names,
a spin box of BE years, ▶. The grid below is Qt's, in the Thai locale (จ. อ. พ. …).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget, QComboBox, QHBoxLayout, QSpinBox, QToolButton, QWidget

from ..domain.thai_dates import BE_OFFSET, MAX_BE, MIN_BE, MONTHS_FULL

THAI = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)


class ThaiCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLocale(THAI)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)  # Thai wall calendars start on Sunday
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setNavigationBarVisible(False)

        bar = QWidget(self)
        bar.setObjectName("itadesk_calendar_bar")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(4, 2, 4, 2)
        self.prev_button = _arrow("◀", "เดือนก่อน", self.showPreviousMonth)
        self.next_button = _arrow("▶", "เดือนถัดไป", self.showNextMonth)
        self.month_box = QComboBox()
        self.month_box.addItems(MONTHS_FULL)
        self.month_box.setAccessibleName("เดือน")
        self.year_box = QSpinBox()
        self.year_box.setRange(MIN_BE, MAX_BE)
        self.year_box.setPrefix("พ.ศ. ")
        self.year_box.setAccessibleName("ปี พ.ศ.")
        self.year_box.setGroupSeparatorShown(False)
        for w in (self.prev_button, self.month_box, self.year_box, self.next_button):
            lay.addWidget(w)
        self.layout().insertWidget(0, bar)

        self.month_box.activated.connect(lambda i: self.setCurrentPage(self.yearShown(), i + 1))
        self.year_box.valueChanged.connect(lambda be: self.setCurrentPage(be - BE_OFFSET, self.monthShown()))
        self.currentPageChanged.connect(self._show_page)
        self._show_page(self.yearShown(), self.monthShown())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # an empty date field ("ไม่ระบุ") sits on a sentinel day outside the clerk's years:
        # open on this month rather than on a year the bar cannot show
        if not QDate(MIN_BE - BE_OFFSET, 1, 1) <= self.selectedDate() <= QDate(MAX_BE - BE_OFFSET, 12, 31):
            today = QDate.currentDate()
            self.setCurrentPage(today.year(), today.month())
        super().showEvent(event)

    def _show_page(self, year: int, month: int) -> None:
        for box, value in ((self.month_box, month - 1), (self.year_box, year + BE_OFFSET)):
            box.blockSignals(True)
            if isinstance(box, QComboBox):
                box.setCurrentIndex(value)
            else:
                box.setValue(value)
            box.blockSignals(False)

    def shown_title(self) -> str:
        """What the bar says, e.g. "มีนาคม พ.ศ. 2568" (tests and screen readers read it)."""
        return f"{self.month_box.currentText()} {self.year_box.text()}"


def _arrow(text: str, name: str, slot) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setToolTip(name)
    b.setAccessibleName(name)
    b.setAutoRaise(True)
    b.clicked.connect(slot)
    return b
