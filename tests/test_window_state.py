"""The window's files and state, its Thai dialogs, and the Linux start-up check (pytest-qt).

Dialogs are answered as a clerk would: a timer waits for the modal dialog, reads
its buttons and labels, types into it and clicks a button with the mouse.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
)

from itadesk import paths
from itadesk.store.store import Store
from itadesk.ui import app as ui_app
from itadesk.ui import dialogs
from itadesk.ui.main_window import MainWindow, backup_name, recent_files, remember_database, settings
from itadesk.ui.session import Session
from itadesk.ui.widgets import confirm

# ----------------------------------------------------------------- helpers


class Clerk:
    """Answers the modal dialogs that open, one step per dialog, in order.

    Each step gets the dialog and does what a person would (type, click); what
    every dialog showed is kept in ``seen`` to be checked after it closed.
    """

    def __init__(self, *steps):
        self.steps = list(steps)
        self.seen: list[dict] = []
        self._last = None
        self._tries = 0
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        self._tries += 1
        modal = QApplication.activeModalWidget()
        if modal is None or modal is self._last:
            if self.steps and self._tries < 500:
                QTimer.singleShot(10, self._poll)
            return
        self._last = modal
        self.seen.append(shown(modal))
        step = self.steps.pop(0)
        step(modal)
        if self.steps:
            QTimer.singleShot(10, self._poll)

    @property
    def done(self) -> bool:
        return not self.steps


def shown(dialog) -> dict:
    return {
        "class": type(dialog).__name__,
        "title": dialog.windowTitle(),
        "buttons": {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()},
        "labels": [x.text() for x in dialog.findChildren(QLabel) if x.isVisible()],
    }


def click(text: str):
    """A step: click the visible button that reads ``text``."""
    def step(dialog) -> None:
        button = next(b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.text() == text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return step


def type_file_name(name: str, then: str):
    """A step in the file dialog: select the file-name field, type ``name`` (ASCII), click ``then``."""
    def step(dialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
        QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(edit, name)
        click(then)(dialog)
    return step


def type_thai(widget, text: str) -> None:
    """Thai as a Thai keyboard layout sends it: key events carrying the text
    (QTest.keyClicks aborts on non-ASCII text)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def make_window(qtbot, store: Store) -> MainWindow:
    w = MainWindow(Session(store))
    w.quiet_errors = True  # errors go to the status bar instead of a modal box
    qtbot.addWidget(w)
    w.show()
    return w


def close_window(w: MainWindow) -> None:
    w.close()
    w.session.store.close()


def contents(page) -> list:
    """Everything a page shows from a database: texts, list items, table rows, chart bars
    (a tab is built when first shown: this is what it shows when the clerk opens it)."""
    page.ensure_built()
    out = []
    for x in page.findChildren(QLineEdit):
        if isinstance(x.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's or combo box's own editor: a value, not the file's data
        if x.accessibleName() == "เกณฑ์จุดแข็ง (ตั้งแต่)" and x.text() == "90":
            continue  # a preference's default, in effect in every file: not the previous file's data
        if x.accessibleName() == "วันที่รายงาน":
            continue  # the date of the next status report: today, whatever the file
        if x.text().strip():
            out.append(("field", x.accessibleName() or x.objectName(), x.text()))
    for x in page.findChildren(QPlainTextEdit):
        if x.toPlainText().strip():
            out.append(("text", x.accessibleName() or x.objectName(), x.toPlainText()[:40]))
    for x in page.findChildren(QListWidget):
        if x.count():
            out.append(("list", x.objectName(), x.count()))
    for x in page.findChildren(QTableWidget):
        if x.rowCount():
            out.append(("table", x.objectName(), x.rowCount()))
    for x in page.findChildren(QTableView):
        if not isinstance(x, QTableWidget) and x.model() is not None and x.model().rowCount():
            out.append(("view", x.objectName(), x.model().rowCount()))
    chart = getattr(page, "chart", None)
    if chart is not None and chart.rows:
        out.append(("chart", len(chart.rows)))
    preview = getattr(page, "preview", None)
    if preview is not None and getattr(preview, "pages", None):
        out.append(("preview", len(preview.pages)))
    return out


def office_name_edit(window) -> QLineEdit:
    office = window.pages[0]
    named = [e for e in office.findChildren(QLineEdit) if e.accessibleName() == "ชื่อหน่วยงาน"]
    if named:
        return named[0]
    return office.fields["name"]


# ------------------------------------------------------------ Thai dialogs


def test_ask_yes_no_has_thai_buttons_and_answers(qtbot):
    clerk = Clerk(click("ใช่"))
    assert dialogs.ask_yes_no(None, "ลบปี", "ลบข้อมูลทั้งหมดของปี 2569?") is True
    assert clerk.done
    assert clerk.seen[0]["buttons"] == {"ใช่", "ไม่ใช่"}
    assert clerk.seen[0]["title"] == "ลบปี" and "ลบข้อมูลทั้งหมดของปี 2569?" in clerk.seen[0]["labels"]

    clerk = Clerk(click("ไม่ใช่"))
    assert dialogs.ask_yes_no(None, "ลบปี", "ลบ?") is False
    assert clerk.done

    def escape(dialog):
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    clerk = Clerk(escape)
    assert dialogs.ask_yes_no(None, "ลบปี", "ลบ?") is False  # Esc answers ไม่ใช่
    assert clerk.done


def test_the_tabs_confirm_is_the_same_thai_question(qtbot):
    clerk = Clerk(click("ใช่"))
    assert confirm(None, "ลบมาตรการ", "ลบ “ทดสอบ”?") is True
    assert clerk.seen[0]["buttons"] == {"ใช่", "ไม่ใช่"}


def test_ok_cancel_message_and_number_dialogs_are_thai(qtbot):
    clerk = Clerk(click("ยกเลิก"))
    assert dialogs.ask_ok_cancel(None, "ยืนยัน", "ดำเนินการต่อ?") is False
    assert clerk.seen[0]["buttons"] == {"ตกลง", "ยกเลิก"}

    for show in (dialogs.warn, dialogs.inform):
        clerk = Clerk(click("ตกลง"))
        show(None, "แจ้ง", "ข้อความ")
        assert clerk.done and clerk.seen[0]["buttons"] == {"ตกลง"}

    def type_year(dialog):
        spin = dialog.findChild(QAbstractSpinBox)
        spin.setFocus()
        QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(spin, "2570")
        click("ตกลง")(dialog)

    clerk = Clerk(type_year)
    assert dialogs.ask_int(None, "เพิ่มปีการประเมิน", "ปี พ.ศ.", 2569, 2550, 2700) == 2570
    assert clerk.seen[0]["buttons"] == {"ตกลง", "ยกเลิก"}
    assert "ปี พ.ศ." in clerk.seen[0]["labels"]

    clerk = Clerk(click("ยกเลิก"))
    assert dialogs.ask_int(None, "เพิ่มปีการประเมิน", "ปี พ.ศ.", 2569, 2550, 2700) is None


def test_file_dialog_speaks_thai(qtbot, tmp_path):
    clerk = Clerk(click("ยกเลิก"))
    assert dialogs.save_file(None, "สำรองข้อมูล", str(tmp_path / "a.sqlite"), "ฐานข้อมูล itadesk (*.sqlite)") is None
    seen = clerk.seen[0]
    assert seen["class"] == "QFileDialog" and seen["title"] == "สำรองข้อมูล"
    assert seen["buttons"] == {"บันทึก", "ยกเลิก"}
    assert {"ค้นหาใน:", "ชื่อไฟล์:", "ชนิดไฟล์:"} <= set(seen["labels"])

    clerk = Clerk(click("ยกเลิก"))
    assert dialogs.open_file(None, "เปิดฐานข้อมูล itadesk", str(tmp_path), "ฐานข้อมูล itadesk (*.sqlite)") is None
    assert clerk.seen[0]["buttons"] == {"เปิด", "ยกเลิก"}


def test_save_file_asks_in_thai_before_replacing(qtbot, tmp_path):
    existing = tmp_path / "old.sqlite"
    existing.write_bytes(b"keep me")
    # a name typed without its extension gets .sqlite; a new name needs no question
    clerk = Clerk(type_file_name("fresh", "บันทึก"))
    assert dialogs.save_file(None, "บันทึก", str(tmp_path / "x.sqlite"), "ฐานข้อมูล itadesk (*.sqlite)") == str(tmp_path / "fresh.sqlite")
    assert clerk.done
    # an existing name: our Thai question (not Qt's English one); ไม่ใช่ opens the dialog again
    clerk = Clerk(type_file_name("old", "บันทึก"), click("ไม่ใช่"), click("ยกเลิก"))
    assert dialogs.save_file(None, "บันทึก", str(tmp_path / "x.sqlite"), "ฐานข้อมูล itadesk (*.sqlite)") is None
    assert clerk.done
    question = clerk.seen[1]
    assert question["buttons"] == {"ใช่", "ไม่ใช่"} and any("old.sqlite" in t and "เขียนทับ" in t for t in question["labels"])
    assert clerk.seen[2]["class"] == "QFileDialog"
    clerk = Clerk(type_file_name("old", "บันทึก"), click("ใช่"))
    assert dialogs.save_file(None, "บันทึก", str(tmp_path / "x.sqlite"), "ฐานข้อมูล itadesk (*.sqlite)") == str(existing)
    assert existing.read_bytes() == b"keep me"  # choosing the name writes nothing


def test_qt_own_words_come_out_in_thai(qtbot):
    translator = dialogs.ThaiQtTranslator()
    QApplication.instance().installTranslator(translator)
    try:
        edit = QLineEdit("ข้อความ")
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
        assert "คัดลอก" in texts and "วาง" in texts and not any("Copy" in t or "Paste" in t for t in texts)
    finally:
        QApplication.instance().removeTranslator(translator)


# ------------------------------------------------------- files and restart


def test_restart_opens_the_last_database(qtbot, demo_template, tmp_path):
    home = paths.data_home()
    # very first start: nothing remembered, no default file -> the demo in the default file
    first = ui_app.open_store(None)
    assert first.path == paths.default_db_path() and first.years()
    w = make_window(qtbot, first)
    second = tmp_path / "อบต ที่สอง.sqlite"
    shutil.copyfile(demo_template, second)
    assert w.switch_to(second)
    assert w.session.path == second and second.name in w.windowTitle()
    close_window(w)

    again = ui_app.open_store(None)  # restart
    w2 = make_window(qtbot, again)
    try:
        assert w2.session.path == second
        assert w2.windowTitle().endswith("— " + second.name)
        assert [a.data() for a in w2.recent_menu.actions()] == [str(second), str(paths.default_db_path())]
    finally:
        close_window(w2)

    # the remembered file is gone (a USB stick taken out): the default file, and the status bar says so
    second.unlink()
    notices: list[str] = []
    fallback = ui_app.open_store(None, notices)
    try:
        assert fallback.path == paths.default_db_path()
        assert notices and str(second) in notices[0] and "ไม่พบไฟล์" in notices[0]
    finally:
        fallback.close()
    # the demo is written only on the very first start: later, a missing default file starts empty
    paths.default_db_path().unlink()
    remember_database(home / "gone.sqlite")
    empty = ui_app.open_store(None, [])
    try:
        assert empty.path == paths.default_db_path() and empty.years() == []
    finally:
        empty.close()


def test_recent_files_hold_whole_paths(qtbot, demo_template, tmp_path):
    one, two = tmp_path / "one.sqlite", tmp_path / "สอง.sqlite"
    for p in (one, two):
        shutil.copyfile(demo_template, p)
    w = make_window(qtbot, Store.open(one))
    try:
        w._remember(one)
        assert recent_files() == [str(one)]
        # as the clerk sees it after a restart: a fresh read of ui.ini, one whole path per item
        assert [a.text() for a in w.recent_menu.actions()] == [str(one)]
        assert w.switch_to(two)
        assert recent_files() == [str(two), str(one)]
        assert [a.text() for a in w.recent_menu.actions()] == [str(two), str(one)]
        assert w.switch_to(one)  # no duplicate, newest first
        assert recent_files() == [str(one), str(two)]
        two.unlink()
        w.recent_menu.aboutToShow.emit()
        assert [a.data() for a in w.recent_menu.actions()] == [str(one)]
        w._remember(one)
        assert recent_files() == [str(one)]
        shutil.copyfile(demo_template, two)  # the USB stick is back: so is its file in the menu
        assert recent_files() == [str(one), str(two)]
    finally:
        close_window(w)
    # an ini file written by an older itadesk: one path as a plain string, read back as a string
    ini = paths.data_home() / "ui.ini"
    s = settings()
    s.setValue("recent", str(one))
    s.sync()
    assert "recent=" in ini.read_text(encoding="utf-8")
    assert recent_files() == [str(one)]


def test_recent_list_survives_restart_and_stops_at_eight(qtbot, demo_template, tmp_path):
    files = []
    for k in range(10):
        p = tmp_path / f"f{k}, ชุด.sqlite"  # a comma and Thai in the name
        p.write_bytes(b"")
        files.append(p)
        remember_database(p)
    text = (paths.data_home() / "ui.ini").read_text(encoding="utf-8")
    assert "f9" in text
    assert recent_files() == [str(p) for p in reversed(files)][:8]


def test_title_shows_office_year_and_file(qtbot, window, demo_path):
    assert window.windowTitle() == f"itadesk — เทศบาลตำบลโป่งสะแก — ปี 2569 — {demo_path.name}"
    window.year_box.setFocus()
    qtbot.keyClick(window.year_box, Qt.Key.Key_Up)  # the clerk picks 2568 with the keyboard
    assert window.windowTitle() == f"itadesk — เทศบาลตำบลโป่งสะแก — ปี 2568 — {demo_path.name}"
    # the clerk clicks the office name, replaces it, and leaves the field with Tab
    window.tabs.setCurrentIndex(0)
    edit = office_name_edit(window)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_thai(edit, "เทศบาลตำบลทดสอบ")
    qtbot.keyClicks(edit, " 2")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.session.store.office().name == "เทศบาลตำบลทดสอบ 2", timeout=3000)
    assert window.windowTitle() == f"itadesk — เทศบาลตำบลทดสอบ 2 — ปี 2568 — {demo_path.name}"


def test_title_of_a_new_database_and_its_first_year(qtbot, window, tmp_path):
    new = tmp_path / "ใหม่.sqlite"
    assert window.switch_to(new, create=True)
    assert window.windowTitle() == "itadesk — ยังไม่ได้ตั้งชื่อหน่วยงาน — ปี - — ใหม่.sqlite"

    def add_2570(dialog):
        spin = dialog.findChild(QAbstractSpinBox)
        spin.setFocus()
        QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(spin, "2570")
        click("ตกลง")(dialog)

    clerk = Clerk(add_2570)
    window.add_year()
    assert clerk.done and clerk.seen[0]["buttons"] == {"ตกลง", "ยกเลิก"}
    assert window.session.year == 2570 and window.year_box.currentData() == 2570
    assert window.windowTitle() == "itadesk — ยังไม่ได้ตั้งชื่อหน่วยงาน — ปี 2570 — ใหม่.sqlite"
    # deleting the only year: the question is Thai, and the title has no year again
    clerk = Clerk(click("ใช่"))
    window.delete_year()
    assert clerk.done and clerk.seen[0]["buttons"] == {"ใช่", "ไม่ใช่"}
    assert window.session.store.years() == []
    assert window.windowTitle() == "itadesk — ยังไม่ได้ตั้งชื่อหน่วยงาน — ปี - — ใหม่.sqlite"


def test_a_new_database_clears_every_view(qtbot, window, tmp_path):
    scores = window.pages[1]
    assert scores.chart.rows and window.pages[3].list.count() and window.pages[4].table.rowCount()
    assert scores.chart.caption().startswith("เส้นประ = เกณฑ์ผ่าน")
    for page in window.pages:  # every tab has been shown once, as a clerk would have
        window.tabs.setCurrentWidget(page)
    docs = window.pages[6]
    docs.kind.setCurrentIndex(docs.kind.findData("scores"))
    with qtbot.waitSignal(docs.previewed, timeout=60000):
        docs.show_preview()
    qtbot.waitUntil(lambda: len(docs.preview.pages) >= 1, timeout=10000)
    window.tabs.setCurrentWidget(scores)
    # the clerk chooses ไฟล์ → สร้างฐานข้อมูลใหม่… and types a name in the Thai file dialog
    clerk = Clerk(type_file_name("empty", "บันทึก"))  # the dialog opens beside the file open now
    window.new_database()
    assert clerk.done and clerk.seen[0]["title"] == "สร้างฐานข้อมูลใหม่"
    assert window.session.path == tmp_path / "empty.sqlite"
    assert scores.chart.rows == []
    assert scores.chart.caption() == scores.chart.EMPTY  # no legend over an empty chart
    assert window.year_box.count() == 0
    stale = {type(page).__name__: contents(page) for page in window.pages}
    assert stale == {name: [] for name in stale}, stale
    assert window.windowTitle() == "itadesk — ยังไม่ได้ตั้งชื่อหน่วยงาน — ปี - — empty.sqlite"


def test_switching_back_shows_that_files_data(qtbot, window, demo_path, tmp_path):
    before = {type(p).__name__: contents(p) for p in window.pages}
    assert window.switch_to(tmp_path / "empty.sqlite", create=True)
    assert window.switch_to(demo_path)
    after = {type(p).__name__: contents(p) for p in window.pages}
    assert after["ScoresTab"] == before["ScoresTab"] and after["StatusTab"] == before["StatusTab"]
    assert window.pages[1].chart.rows


# ---------------------------------------------------------------- geometry


def test_the_window_opened_has_the_keyboard(qtbot, window):
    """Even on a bare X server (no window manager gives it focus), keys go to the new window."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.year_box.setFocus()
    qtbot.keyClick(window.year_box, Qt.Key.Key_Up)
    assert window.session.year == 2568


def _fits(window, avail: QRect) -> bool:
    """On the available area: the top-left corner (title bar) inside it, and no larger than it,
    as far as the window's minimum size allows (the offscreen test screen is 800 wide)."""
    geo = window.geometry()
    least = window.minimumSizeHint()
    return (avail.contains(geo.topLeft())
            and geo.width() <= max(avail.width(), least.width()) and geo.height() <= max(avail.height(), least.height())
            and (geo.right() <= avail.right() or geo.width() > avail.width())
            and (geo.bottom() <= avail.bottom() or geo.height() > avail.height()))


def test_default_window_fits_a_1366x768_screen(qtbot, demo_path):
    w = make_window(qtbot, Store.open(demo_path))
    try:
        qtbot.waitExposed(w)
        frame = w.frameGeometry()
        assert frame.width() <= 1366 and frame.height() <= 768
        assert w.width() <= 1280 and w.height() <= 720
        assert _fits(w, QGuiApplication.primaryScreen().availableGeometry())
    finally:
        close_window(w)


def test_geometry_saved_on_a_larger_monitor_comes_back_on_screen(qtbot, demo_path):
    w = make_window(qtbot, Store.open(demo_path))
    w.setGeometry(3000, 2000, 2400, 1400)  # off the right and bottom of this screen
    close_window(w)
    w2 = make_window(qtbot, Store.open(demo_path))
    try:
        avail = QGuiApplication.primaryScreen().availableGeometry()
        assert _fits(w2, avail), (w2.geometry(), avail)
        # and directly: a geometry entirely off the screen is moved onto it
        w2.setGeometry(-4000, -3000, 900, 600)
        w2.keep_on_screen()
        assert _fits(w2, avail), (w2.geometry(), avail)
    finally:
        close_window(w2)


# ------------------------------------------------------------------ backup


def test_backup_name_is_dated_in_thai_digits(tmp_path):
    assert backup_name(Path("/x/itadesk.sqlite"), _dt.date(2026, 11, 22)) == "itadesk-สำรอง-๒๕๖๙-๑๑-๒๒.sqlite"
    assert backup_name(None, _dt.date(2025, 1, 5)) == "itadesk-สำรอง-๒๕๖๘-๐๑-๐๕.sqlite"


def test_backup_offers_the_dated_name_and_never_overwrites_silently(qtbot, window, demo_path, tmp_path):
    today = backup_name(demo_path)
    offered = {}

    def read_name_then_save(dialog):
        offered["name"] = dialog.findChild(QLineEdit, "fileNameEdit").text()
        click("บันทึก")(dialog)  # the name offered, in the folder offered

    clerk = Clerk(read_name_then_save)
    window.backup()
    assert clerk.done and offered["name"] == today
    target = paths.data_home() / today
    assert target.exists() and "สำรองข้อมูลไว้ที่" in window.statusBar().currentMessage()
    with sqlite3.connect(target) as con:
        assert con.execute("select count(*) from years").fetchone()[0] > 0

    # the same day again: the file exists; ไม่ใช่ leaves it alone
    target.write_bytes(b"an older backup")
    clerk = Clerk(click("ไม่ใช่"))
    assert window.backup_to(target) is False
    assert clerk.done and clerk.seen[0]["buttons"] == {"ใช่", "ไม่ใช่"}
    assert any(today in t and "เขียนทับ" in t for t in clerk.seen[0]["labels"])
    assert target.read_bytes() == b"an older backup"
    # ใช่ replaces it with the current data
    clerk = Clerk(click("ใช่"))
    assert window.backup_to(target) is True
    with sqlite3.connect(target) as con:
        assert con.execute("select count(*) from years").fetchone()[0] > 0
    # never onto the open database itself
    assert window.backup_to(demo_path) is False
    assert "คนละไฟล์" in window.statusBar().currentMessage()


# ------------------------------------------------------------ Linux start


def test_missing_x_library_names_the_debian_packages(monkeypatch, capsys):
    env = {"DISPLAY": ":0"}
    gone = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    message = ui_app.check_linux_desktop(env, "linux", loadable=lambda lib: lib not in gone)
    assert message is not None
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message
    assert "ติดตั้งด้วยคำสั่งนี้" in message and "cannot open its window" in message
    # nothing missing, another platform, no X display, or offscreen: no message
    assert ui_app.check_linux_desktop(env, "linux", loadable=lambda lib: True) is None
    assert ui_app.check_linux_desktop(env, "win32", loadable=lambda lib: False) is None
    assert ui_app.check_linux_desktop({}, "linux", loadable=lambda lib: False) is None
    assert ui_app.check_linux_desktop({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", loadable=lambda lib: False) is None
    assert ui_app.check_linux_desktop({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", loadable=lambda lib: False)

    # run() stops before Qt with exit code 2 and the message on stderr
    monkeypatch.setattr(ui_app.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(ui_app, "_loadable", lambda lib: lib != "libxkbcommon-x11.so.0")
    assert ui_app.run() == 2
    err = capsys.readouterr().err
    assert "sudo apt-get install libxkbcommon-x11-0" in err and "libxkbcommon-x11.so.0" in err


def test_x_libraries_are_all_there_on_this_machine():
    """The real loader finds every library the check names (CI installs them)."""
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    assert ui_app.missing_x_libraries() == [], "install the packages .ci/run installs"
