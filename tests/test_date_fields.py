"""Dates as clerks write them, in the real window: typed forms, Christian years, the Thai pop-up calendar."""

from __future__ import annotations

import datetime as _dt

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView

from itadesk.ui.calendar import ThaiCalendar
from tests.keys import click_into, select_all, type_text


def _measures(window):
    page = window.pages[3]
    window.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(0)
    return page


@pytest.mark.parametrize("typed", ["1/1/2568", "1 ม.ค. 2568", "1 มกราคม 2568", "01/01/68", "๑/๑/๒๕๖๘"])
def test_typed_be_dates_are_understood(qtbot, window, typed):
    page = _measures(window)
    mid = page.current_id
    click_into(qtbot, page.start)
    select_all(page.start)
    type_text(page.start, typed)
    qtbot.keyClick(page.start, Qt.Key.Key_Tab)  # leaving the field writes it
    qtbot.wait(50)
    assert window.session.store.measure(mid).start == _dt.date(2025, 1, 1)
    assert page.start.last_note == ""  # a Buddhist-era year needs no note


def test_christian_year_is_converted_with_a_note(qtbot, window):
    page = _measures(window)
    mid = page.current_id
    notes = []
    page.end.note.connect(notes.append)
    click_into(qtbot, page.end)
    select_all(page.end)
    type_text(page.end, "30/6/2027")
    qtbot.keyClick(page.end, Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert window.session.store.measure(mid).end == _dt.date(2027, 6, 30), (page.end.text(), window.statusBar().currentMessage(), notes)
    assert len(notes) == 1 and "2027" in notes[0] and "ค.ศ." in notes[0] and "พ.ศ. 2570" in notes[0]
    assert window.statusBar().currentMessage() == notes[0]


def test_popup_calendar_speaks_thai_and_buddhist_era(qtbot, window):
    page = _measures(window)
    mid = page.current_id
    click_into(qtbot, page.start)
    select_all(page.start)
    type_text(page.start, "15/3/2568")
    qtbot.keyClick(page.start, Qt.Key.Key_F4)  # opens the calendar, as Alt+↓ or the calendar button does
    cal = page.start.calendar
    assert isinstance(cal, ThaiCalendar)
    qtbot.waitUntil(cal.isVisible)
    assert cal.shown_title() == "มีนาคม พ.ศ. 2568"
    assert cal.selectedDate() == QDate(2025, 3, 15)
    assert cal.year_box.accessibleName() == "ปี พ.ศ." and cal.month_box.accessibleName() == "เดือน"
    qtbot.mouseClick(cal.next_button, Qt.MouseButton.LeftButton)
    assert cal.shown_title() == "เมษายน พ.ศ. 2568"
    # the year box takes BE years typed by the clerk
    cal.year_box.setFocus()
    select_all(cal.year_box)
    type_text(cal.year_box, "2569")
    qtbot.keyClick(cal.year_box, Qt.Key.Key_Return)
    assert (cal.yearShown(), cal.monthShown()) == (2026, 4)
    assert cal.locale().dayName(1, cal.locale().FormatType.ShortFormat) == "จันทร์"  # Thai day names in the grid
    # click a day in the grid: the field shows it, and the form writes it as typing
    view = cal.findChild(QTableView, "qt_calendar_calendarview")
    model = view.model()
    cell = next(model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                if str(model.data(model.index(r, c))) in ("20", "๒๐"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    qtbot.waitUntil(lambda: not cal.isVisible())
    assert page.start.text() == "20 เม.ย. 2569"
    qtbot.wait(1300)  # the pause: the field writes itself
    assert window.session.store.measure(mid).start == _dt.date(2026, 4, 20)


def test_empty_date_stays_empty_and_popup_opens_on_today(qtbot, window):
    page = _measures(window)
    mid = page.current_id
    click_into(qtbot, page.start)
    select_all(page.start)
    qtbot.keyClick(page.start, Qt.Key.Key_Delete)
    qtbot.keyClick(page.start, Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert window.session.store.measure(mid).start is None
    assert page.start.text() == "" and page.start.placeholderText() == page.start.EMPTY_TEXT
    page.start.setFocus()
    qtbot.keyClick(page.start, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    cal = page.start.calendar
    qtbot.waitUntil(cal.isVisible)
    assert cal.yearShown() == _dt.date.today().year
    qtbot.keyClick(cal, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not cal.isVisible())
    assert window.session.store.measure(mid).start is None


def test_unreadable_date_is_refused_naming_the_field_and_kept(qtbot, window):
    page = _measures(window)
    mid = page.current_id
    before = window.session.store.measure(mid).start
    click_into(qtbot, page.start)
    select_all(page.start)
    type_text(page.start, "32 ม.ค. 2568")
    qtbot.keyClick(page.start, Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert window.session.store.measure(mid).start == before
    assert page.start.text() == "32 ม.ค. 2568"  # the clerk's typing stays, outlined, to be corrected
    assert "วันเริ่มต้น" in page.start.toolTip() and "ไม่ใช่วันที่" in page.start.toolTip()


def test_up_and_down_move_a_day(qtbot, window):
    page = _measures(window)
    mid = page.current_id
    click_into(qtbot, page.end)
    select_all(page.end)
    type_text(page.end, "28/2/2571")
    qtbot.keyClick(page.end, Qt.Key.Key_Up)
    qtbot.keyClick(page.end, Qt.Key.Key_Up)
    assert page.end.text() == "1 มี.ค. 2571"  # 2028 is a leap year: 28, 29 Feb, 1 Mar
    qtbot.keyClick(page.end, Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert window.session.store.measure(mid).end == _dt.date(2028, 3, 1)
