"""The window driven offscreen through a clerk's whole yearly cycle (pytest-qt)."""

import subprocess
import sys

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from itadesk.store.store import Store
from itadesk.ui.main_window import MainWindow
from itadesk.ui.session import Session
from tests.keys import click_check, click_into, select_all, type_text


def test_clerk_cycle(qtbot, window, demo_path, tmp_path):
    s = window.session
    # --- the year 2569 is chosen in the toolbar
    window.year_box.setCurrentIndex(window.year_box.findData(2569))
    assert s.year == 2569

    # --- scores: paste a block from Excel into the indicators; 101 is rejected, the rest saved
    scores = window.pages[1]
    window.tabs.setCurrentWidget(scores)
    scores.inner.setCurrentIndex(1)
    view = scores.views["indicators"]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 2))
    QGuiApplication.clipboard().setText("99.10\n101\n๙๘.๕๐\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    sc = s.store.scores(2569)
    assert sc.indicators[1] == 99.10 and sc.indicators[3] == 98.50
    assert sc.indicators[2] == 96.75  # unchanged: 101 was not saved
    model = view.model()
    assert (1, 2) in model.errors and "๑๐๐" in model.errors[(1, 2)]
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole) == model.errors[(1, 2)]
    assert "ช่องไม่ถูกบันทึก" in window.statusBar().currentMessage()
    # a typed value through the model (the delegate path)
    assert model.setData(model.index(1, 2), "97.00")
    assert s.store.scores(2569).indicators[2] == 97.0 and (1, 2) not in model.errors

    # --- analysis: draft from the scores (written at once), then typed on
    analysis = window.pages[2]
    window.tabs.setCurrentWidget(analysis)
    analysis.list.setCurrentRow(0)
    analysis.draft()
    drafted = analysis.analysis.toPlainText()
    assert drafted.startswith("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนนเท่ากับร้อยละ ๙๙.๑๐")
    assert s.store.analyses(2569)[0].analysis == drafted
    click_into(qtbot, analysis.analysis)
    type_text(analysis.analysis, " เพิ่มเติม")
    qtbot.wait(1300)  # the clerk pauses: the field writes itself
    drafted += " เพิ่มเติม"
    assert s.store.analyses(2569)[0].analysis == drafted

    # --- measures: "เพิ่ม" makes the measure at once; typing goes into it
    measures = window.pages[3]
    window.tabs.setCurrentWidget(measures)
    qtbot.mouseClick(next(b for b in measures.findChildren(QPushButton) if b.text() == "เพิ่ม"), Qt.MouseButton.LeftButton)
    mid = measures.current_id
    assert s.store.measure(mid).title == "มาตรการใหม่"
    type_text(measures.title_edit, "กิจกรรมทดสอบการบันทึก <ทดสอบ> & ตากใบ")  # replaces the selected placeholder
    click_into(qtbot, measures.steps)
    type_text(measures.steps, "ประชุมชี้แจง\nรายงานผล")
    click_into(qtbot, measures.units)
    type_text(measures.units, "กองคลัง")
    click_check(qtbot, measures.ind_checks[10])
    qtbot.wait(1300)
    saved = s.store.measure(mid)
    assert saved.title == "กิจกรรมทดสอบการบันทึก <ทดสอบ> & ตากใบ" and saved.steps == ["ประชุมชี้แจง", "รายงานผล"]
    assert saved.indicators == [10] and saved.units == ["กองคลัง"]
    # emptying the title is refused with a Thai message naming the field; the stored title stays
    click_into(qtbot, measures.title_edit)
    select_all(measures.title_edit)
    qtbot.keyClick(measures.title_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(measures.title_edit, Qt.Key.Key_Tab)
    assert "ชื่อมาตรการ" in window.statusBar().currentMessage()
    assert s.store.measure(mid).title.endswith("ตากใบ")
    assert "ชื่อมาตรการ" in measures.title_edit.toolTip()

    # --- status: two updates in two clicks each
    status = window.pages[4]
    window.tabs.setCurrentWidget(status)
    row = [m.id for m in status.measures].index(mid)
    status.table.setCurrentCell(row, 0)
    status.status.setCurrentIndex(status.status.findData("in_progress"))
    status.progress.setValue(40)
    qtbot.mouseClick(status.add_button, Qt.MouseButton.LeftButton)
    status.table.setCurrentCell(row, 0)
    status.status.setCurrentIndex(status.status.findData("done"))
    status.round.setCurrentIndex(status.round.findData("12"))
    qtbot.mouseClick(status.add_button, Qt.MouseButton.LeftButton)
    history = s.store.status_updates(mid)
    assert [u.status for u in history] == ["in_progress", "done"] and history[-1].progress == 100
    assert "ดำเนินการเรียบร้อยแล้ว" in status.counts.text()

    # --- memo: "สร้างใหม่" drafts it from the office and the status, then the clerk types
    memo = window.pages[5]
    window.tabs.setCurrentWidget(memo)
    qtbot.mouseClick(next(b for b in memo.findChildren(QPushButton) if b.text() == "สร้างใหม่"), Qt.MouseButton.LeftButton)
    memo_id = memo.current_id
    assert memo.salutation.text() == "นายกเทศมนตรีตำบลโป่งสะแก"
    assert "ตามที่" in s.store.memo(memo_id).paragraphs[0]
    click_into(qtbot, memo.subject)
    select_all(memo.subject)
    type_text(memo.subject, "รายงานผลการดำเนินการตามมาตรการ รอบ ๑๒ เดือน")
    qtbot.keyClick(memo.subject, Qt.Key.Key_Tab)  # leaving the field writes it
    assert s.store.memo(memo_id).subject == "รายงานผลการดำเนินการตามมาตรการ รอบ ๑๒ เดือน"

    # --- documents: export the memo in the background; the window stays responsive
    docs = window.pages[6]
    window.tabs.setCurrentWidget(docs)
    docs.kind.setCurrentIndex(docs.kind.findData("memo"))
    out = tmp_path / "memo.pdf"
    with qtbot.waitSignal(docs.exported, timeout=60000) as blocker:
        assert docs.export(str(out))
        assert docs.busy and docs.progress.maximum() == 0  # a busy bar while it renders
    assert blocker.args[0] == str(out) and out.read_bytes().startswith(b"%PDF")

    # --- undo the last edit (the subject typed in one go is one step), redo it
    before = s.store.memo(memo_id).subject
    window.undo()
    assert s.store.memo(memo_id).subject != before
    window.redo()
    assert s.store.memo(memo_id).subject == before

    # --- reopen the database: everything is there
    window.close()
    again = Store.open(demo_path)
    try:
        assert again.scores(2569).indicators[1] == 99.10
        assert again.measure(mid).title.endswith("ตากใบ")
        assert [u.status for u in again.status_updates(mid)] == ["in_progress", "done"]
        assert again.memo(memo_id).subject.endswith("๑๒ เดือน")
        assert again.analyses(2569)[0].analysis == drafted
    finally:
        again.close()


def test_preview_renders_pages(qtbot, window):
    docs = window.pages[6]
    docs.kind.setCurrentIndex(docs.kind.findData("scores"))
    with qtbot.waitSignal(docs.previewed, timeout=60000):
        docs.show_preview()
    qtbot.waitUntil(lambda: len(docs.preview.pages) >= 1, timeout=10000)
    assert docs.preview.pages[0].width() > 500


def test_office_edits_save_as_typed(qtbot, window):
    office = window.pages[0]
    window.tabs.setCurrentWidget(office)
    edit = office.fields_by_key["name"]
    click_into(qtbot, edit)
    select_all(edit)
    type_text(edit, "เทศบาลตำบลทดสอบ")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert window.session.store.office().name == "เทศบาลตำบลทดสอบ"
    click_check(qtbot, office.thai_digits)
    qtbot.wait(1300)
    assert window.session.store.thai_digits is False
    window.undo()
    assert window.session.store.thai_digits is True

def test_window_state_comes_back(qtbot, demo_path):
    w = MainWindow(Session(Store.open(demo_path)))
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentIndex(4)
    w.resize(1000, 700)
    w.close()
    w2 = MainWindow(Session(Store.open(demo_path)))
    qtbot.addWidget(w2)
    assert w2.tabs.currentIndex() == 4
    assert str(demo_path) in (w2.recent_menu.actions()[0].text(),)
    w2.close()
    w.session.store.close()
    w2.session.store.close()


def _run(*args, env_home):
    import os

    env = dict(os.environ, ITADESK_HOME=str(env_home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True, text=True, timeout=180, env=env)


def test_screenshots_and_quit_when_ready(tmp_path):
    shots = tmp_path / "shots"
    r = _run("--screenshots", str(shots), env_home=tmp_path / "home")
    assert r.returncode == 0, r.stderr
    pngs = sorted(shots.glob("*.png"))
    assert len(pngs) == 9 and all(p.stat().st_size > 5000 for p in pngs)  # one per tab
    # first start created the user's database from the demo
    assert (tmp_path / "home" / "itadesk.sqlite").exists()
    r = _run("--db", str(tmp_path / "home" / "itadesk.sqlite"), "--quit-when-ready", env_home=tmp_path / "home")
    assert r.returncode == 0, r.stderr


def test_leaving_a_form_saves_it(qtbot, window):
    measures = window.pages[3]
    window.tabs.setCurrentWidget(measures)
    measures.list.setCurrentRow(0)
    first = measures.measures[0].id
    measures.target.setPlainText("เป้าหมายที่พิมพ์แล้วไม่ได้กดบันทึก")
    window.tabs.setCurrentIndex(0)  # moving to another tab
    assert window.session.store.measure(first).target == "เป้าหมายที่พิมพ์แล้วไม่ได้กดบันทึก"
    analysis = window.pages[2]
    window.tabs.setCurrentWidget(analysis)
    analysis.list.setCurrentRow(0)
    analysis.development.setPlainText("พิมพ์แล้วย้ายไปตัวชี้วัดอื่น")
    analysis.list.setCurrentRow(1)
    assert window.session.store.analyses(window.session.year)[0].development == "พิมพ์แล้วย้ายไปตัวชี้วัดอื่น"


def test_framework_item_titles_are_editable(qtbot, window):
    scores = window.pages[1]
    model = scores.models["items"]
    row = next(r for r, (_k, key, _l) in enumerate(model.rows) if key == "O1")
    assert model.setData(model.index(row, 1), "โครงสร้างหน่วยงาน (ตรวจแล้ว)")
    item = window.session.store.framework(window.session.year).item("O1")
    assert item.title_th == "โครงสร้างหน่วยงาน (ตรวจแล้ว)" and not item.uncertain
    ind = scores.models["indicators"]
    assert ind.setData(ind.index(7, 1), "การปรับปรุงการทำงาน")
    assert window.session.store.framework(window.session.year).indicator(8).name_th == "การปรับปรุงการทำงาน"


def test_switching_year_is_not_an_undo_step(qtbot, window):
    s = window.session
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    s.write(s.store.set_scores, 2568, overall="91")
    s.write(s.store.set_scores, 2568, overall="92")
    window.undo()
    labels = (window.undo_action.text(), window.redo_action.text())
    assert "ทำซ้ำ “แก้ไขคะแนนปี 2568”" == labels[1]
    window.year_box.setFocus()
    for key, year in ((Qt.Key.Key_Up, 2567), (Qt.Key.Key_Down, 2568), (Qt.Key.Key_Down, 2569), (Qt.Key.Key_Up, 2568)):
        qtbot.keyClick(window.year_box, key)  # the clerk picks a year with the keyboard
        qtbot.wait(10)
        assert s.year == year
        assert (window.undo_action.text(), window.redo_action.text()) == labels
    window.redo()
    assert s.store.scores(2568).overall == 92
    # the year shown comes back with the file, without being an edit
    assert s.store.ui_state("current_year") == "2568"
