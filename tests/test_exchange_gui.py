"""Excel in the window, through real clicks: forms out, filled forms back with the preview,
a year out and in from the File menu, scores pasted with their codes."""

from __future__ import annotations

import datetime as _dt

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QListView, QTableWidget

from itadesk.domain.vocab import STATUS_TH
from itadesk.exchange import status_forms as sf
from itadesk.ui.dialogs import ThaiQtTranslator
from itadesk.ui.tabs.scores import ScoresTab
from itadesk.ui.tabs.status import StatusTab
from tests.test_window_state import Clerk, click, type_file_name
from tests.workbooks import fill_form

YEAR = 2569


def _page(window, kind):
    return next(p for p in window.pages if isinstance(p, kind))


def _status_tab(window):
    window.year_box.setCurrentIndex(window.year_box.findData(YEAR))
    page = _page(window, StatusTab)
    window.tabs.setCurrentWidget(page)
    return page


def _type_path(path: str, then: str):
    """A step in a file or folder dialog: type a name (ASCII, relative to the folder shown: the
    field's completer rewrites a typed absolute path) into the name field, click ``then``."""
    def step(dialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
        QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(edit, path)
        click(then)(dialog)
    return step


def _pick_files(names: list[str], then: str):
    """A step in the file dialog: click the first file in the list, Ctrl+click the others, click ``then``."""
    def step(dialog) -> None:
        view = dialog.findChild(QListView, "listView")
        model, root = view.model(), view.rootIndex()
        shown = {model.index(r, 0, root).data(): model.index(r, 0, root) for r in range(model.rowCount(root))}
        if not all(n in shown for n in names):  # the folder is read in the background: look again
            QTimer.singleShot(20, lambda: step(dialog))
            return
        for k, name in enumerate(names):
            ctrl = Qt.KeyboardModifier.ControlModifier if k else Qt.KeyboardModifier.NoModifier
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, ctrl, view.visualRect(shown[name]).center())
        click(then)(dialog)
    return step


def _preview(seen: dict):
    """A step in the preview: keep what it lists, then click its apply button."""
    def step(dialog) -> None:
        table = dialog.findChild(QTableWidget, "changes_table")
        seen["rows"] = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
        seen["apply"] = dialog.apply_button.text()
        QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    return step


@pytest.fixture
def thai_qt(qapp):
    """As app.run does: Qt's own words in Thai (a file dialog with two files chosen says "&Open" otherwise)."""
    translator = ThaiQtTranslator()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_status_forms_out_and_back_through_the_window(qtbot, window, tmp_path, thai_qt):
    store = window.session.store
    page = _status_tab(window)
    # --- out: the round, a folder, then a message saying where the forms are
    out = tmp_path / "forms"  # beside the database: where the dialogs start
    out.mkdir()
    clerk = Clerk(click("ตกลง"), _type_path("forms", "เลือก"), click("ตกลง"))
    qtbot.mouseClick(page.send_forms_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clerk.done, timeout=15000)
    assert clerk.seen[0]["title"] == "ส่งแบบรายงานให้หน่วยงาน"
    assert any("หน่วยงานละหนึ่งไฟล์" in text for text in clerk.seen[2]["labels"])
    written = sorted(out.glob("*.xlsx"))
    assert len(written) == len(sf.units_of(store.view(YEAR))) == 7

    # --- two units fill theirs in (saved under plain names, as they come back by e-mail)
    states = store.view(YEAR).states
    t = [s.measure.title for s in states]
    day = _dt.date(2027, 3, 20)
    fill_form(out / sf.file_name(YEAR, "6", "กองคลัง"), {t[10]: (STATUS_TH["done"], 100, day, "ประกาศแล้ว")}, tmp_path / "kk.xlsx")
    fill_form(out / sf.file_name(YEAR, "6", "กองช่าง"), {t[2]: (STATUS_TH["in_progress"], 55, day, None)}, tmp_path / "kc.xlsx")
    before = store.undo_label()

    # --- back: choose both files, the preview lists each change, the clerk clicks บันทึก
    seen: dict = {}
    clerk = Clerk(_pick_files(["kk.xlsx", "kc.xlsx"], "เปิด"), _preview(seen))
    qtbot.mouseClick(page.receive_forms_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clerk.done, timeout=15000)
    assert clerk.seen[1]["title"] == "รับแบบรายงานคืน"
    assert seen["apply"] == "บันทึกสถานะ 2 มาตรการ"
    rows = {r[0]: r for r in seen["rows"]}
    assert rows[t[10]][1:5] == ["ยังไม่เคยรายงาน", "ดำเนินการเรียบร้อยแล้ว ร้อยละ 100", "20 มี.ค. 70", "ประกาศแล้ว"]
    assert rows[t[2]][1:3] == ["ยังไม่เคยรายงาน", "อยู่ระหว่างดำเนินการ ร้อยละ 55"] and rows[t[2]][5].startswith("kc.xlsx แถว")
    qtbot.waitUntil(lambda: store.undo_label() != before)
    assert store.undo_label().startswith("รับแบบรายงานสถานะรอบ ๖ เดือน ปี 2569")
    assert store.view(YEAR).states[10].status_in("6") == "done"
    # the status tab shows it at once
    qtbot.waitUntil(lambda: page.table.item(10, 2).text() == STATUS_TH["done"])
    # one Ctrl+Z takes the whole batch back
    window.undo()
    assert store.view(YEAR).states[10].history == [] and store.view(YEAR).states[2].history == []


def test_a_cancelled_preview_writes_nothing_and_a_bad_form_says_why(qtbot, window, tmp_path):
    store = window.session.store
    page = _status_tab(window)
    paths = sf.write_forms(store.view(YEAR), "6", tmp_path / "forms")
    kk = next(p for p in paths if "กองคลัง" in p.name)
    t = [s.measure.title for s in store.view(YEAR).states]
    fill_form(kk, {t[10]: (STATUS_TH["done"], None, None, None)}, tmp_path / "kk.xlsx")
    fill_form(kk, {t[10]: (STATUS_TH["not_started"], 30, None, None)}, tmp_path / "bad.xlsx")
    label = store.undo_label()
    clerk = Clerk(_type_path("kk.xlsx", "เปิด"), click("ยกเลิก"))
    qtbot.mouseClick(page.receive_forms_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clerk.done, timeout=15000)
    assert clerk.seen[1]["buttons"] == {"บันทึกสถานะ 1 มาตรการ", "ยกเลิก"}
    assert store.undo_label() == label and store.view(YEAR).states[10].history == []
    # a contradiction: the Thai reason names file, row and column (in the status bar: quiet_errors)
    clerk = Clerk(_type_path("bad.xlsx", "เปิด"))
    qtbot.mouseClick(page.receive_forms_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "bad.xlsx" in window.statusBar().currentMessage(), timeout=15000)
    message = window.statusBar().currentMessage()
    assert "คอลัมน์ H (ร้อยละความก้าวหน้า)" in message and "ยังไม่ดำเนินการ" in message
    assert store.undo_label() == label


def test_a_year_out_and_back_in_from_the_file_menu(qtbot, window, tmp_path):
    store = window.session.store
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    clerk = Clerk(type_file_name("year.xlsx", "บันทึก"))
    window.export_excel_action.trigger()
    book = tmp_path / "year.xlsx"
    qtbot.waitUntil(lambda: clerk.done and book.exists(), timeout=15000)
    qtbot.waitUntil(lambda: "ส่งออกข้อมูลปี 2568" in window.statusBar().currentMessage())
    titles = [m.title for m in store.measures(2568)]
    seen: dict = {}
    # the year is here already: replace it (the first choice), see what comes, apply, confirm
    clerk = Clerk(_type_path("year.xlsx", "เปิด"), click("ตกลง"), _preview(seen), click("ใช่"))
    window.import_excel_action.trigger()
    qtbot.waitUntil(lambda: clerk.done, timeout=15000)
    assert seen["apply"] == "แทนที่ปี 2568" and ["มาตรการ: 12 → 12"] in seen["rows"]
    # the parts issues 10 and 11 added are listed too, the plan by what happens to it
    for row in ("ผลการประเมินตามเกณฑ์: 3 → 3", "ประเด็นการประเมิน: 7 → 7", "รูปแบบเอกสารของปี: 1 → 1", "แผนหลายปี: 1 → 1",
                "แผน “แผนปฏิบัติการป้องกันการทุจริต ๔ ปี” (2567–2570): แทนที่แผนชื่อเดียวกันในฐานข้อมูลนี้"):
        assert [row] in seen["rows"], row
    qtbot.waitUntil(lambda: store.undo_label() == "แทนที่ข้อมูลปี 2568 จาก Excel")
    assert [m.title for m in store.measures(2568)] == titles
    # and as another year: the window goes to it, the year box too
    window.year_box.setCurrentIndex(window.year_box.findData(2567))

    def type_year(dialog) -> None:
        spin = dialog.findChild(QAbstractSpinBox)
        spin.setFocus()
        QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(spin, "2571")
        click("ตกลง")(dialog)

    def pick_second(dialog) -> None:
        box = dialog.findChild(QComboBox)
        box.setFocus()
        QTest.keyClick(box, Qt.Key.Key_Down)
        click("ตกลง")(dialog)

    clerk = Clerk(_type_path("year.xlsx", "เปิด"), pick_second, type_year, _preview(seen))
    window.import_excel_action.trigger()
    qtbot.waitUntil(lambda: clerk.done, timeout=15000)
    assert seen["apply"] == "นำเข้าปี 2571"
    qtbot.waitUntil(lambda: window.session.year == 2571)
    assert window.year_box.currentData() == 2571 and "ปี 2571" in window.windowTitle()
    assert [m.title for m in store.measures(2571)] == titles


def test_scores_pasted_with_their_codes(qtbot, window):
    store = window.session.store
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    scores = _page(window, ScoresTab)
    window.tabs.setCurrentWidget(scores)
    view = scores.views["tools"]  # any cell: lines that name their codes go by code
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 2))
    QGuiApplication.clipboard().setText("ผลคะแนน\n\n  o1   โครงสร้าง   ๗๕.๐๐\nI3\t91.25\nO3 88,37\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    sc = store.scores(2568)
    assert (sc.items["O1"], sc.items["i3"]) == (75.0, 91.25)
    assert sc.overall == 92.87  # the current cell was not touched
    message = window.statusBar().currentMessage()
    assert "1 บรรทัดไม่ถูกบันทึก" in message and "ใช้จุดทศนิยม" in message


def test_scores_from_a_sheet_through_the_scores_tab(qtbot, window, tmp_path):
    import openpyxl

    store = window.session.store
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    scores = _page(window, ScoresTab)
    window.tabs.setCurrentWidget(scores)
    wb = openpyxl.Workbook()
    for row in (["ผลการประเมิน"], ["O1", "โครงสร้าง", "50.00"], ["EIT", "การประเมินการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", 95.5]):
        wb.active.append(row)
    wb.save(tmp_path / "nacc.xlsx")
    seen: dict = {}
    clerk = Clerk(_type_path("nacc.xlsx", "เปิด"), _preview(seen))
    qtbot.mouseClick(scores.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clerk.done, timeout=15000)
    assert seen["apply"] == "บันทึกคะแนน 2 รายการ"
    # EIT of the demo's 2568 is derived from its two parts (not entered): the old value shows as "-"
    assert ["คะแนนเครื่องมือ EIT", "-", "95.50"] in seen["rows"]
    qtbot.waitUntil(lambda: store.scores(2568).tools["EIT"] == 95.5)
    assert store.scores(2568).items["O1"] == 50.0 and store.undo_label() == "แก้ไขคะแนนปี 2568"
