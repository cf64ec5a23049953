"""The outline editor in the documents tab, driven by real mouse clicks and key
presses: switch a block off by its tick, rename a heading, add a paragraph and
type it in Thai, move it, change a table's digits, see the preview follow,
"ไม่มีข้อมูล" on blocks with nothing to print, undo, and preset files."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton

from tests.keys import click_into, select_all, type_text
from tests.pdf_checks import needs_poppler, raw_text, squeeze


def _button(widget, text):
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def _row(ed, label_start):
    return next(i for i in range(ed.blocks.count()) if ed.blocks.item(i).text().startswith(label_start))


def _click_row(qtbot, ed, i, *, tick=False):
    rect = ed.blocks.visualItemRect(ed.blocks.item(i))
    x = rect.left() + 10 if tick else rect.center().x()
    qtbot.mouseClick(ed.blocks.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


def _preview_text(qtbot, docs):
    qtbot.waitUntil(lambda: not docs.previewing and not docs._soon.isActive(), timeout=60000)
    return squeeze(raw_text(docs.last_pdf))


@needs_poppler
def test_outline_editor_with_real_events(qtbot, window, tmp_path):
    s = window.session
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    docs = window.pages[6]
    window.tabs.setCurrentWidget(docs)
    docs.kind.setFocus()
    qtbot.keyClick(docs.kind, Qt.Key.Key_Down)  # บันทึกข้อความ → มาตรการส่งเสริมคุณธรรมฯ, by keyboard
    assert docs.kind.currentData() == "measures"
    ed = docs.editor
    qtbot.waitUntil(lambda: ed.blocks.count() > 10 and docs.last_pdf is not None, timeout=60000)
    assert "คำนำ" in _preview_text(qtbot, docs)

    # the foreword off, by its tick: one undo step, and the preview follows
    foreword = _row(ed, "คำนำ")
    _click_row(qtbot, ed, foreword, tick=True)
    key = ed.blocks.item(foreword).data(Qt.ItemDataRole.UserRole)
    assert s.store.outline(2568, "measures").block(key).enabled is False
    assert s.store.undo_label() == "ปิดบล็อก"
    assert "คำนำ" not in _preview_text(qtbot, docs)

    # rename the first heading by typing over it
    heading = _row(ed, "๑. หลักการ")
    _click_row(qtbot, ed, heading)
    title = ed.findChild(QLineEdit, "block_title")
    assert title.text() == "๑. หลักการและเหตุผล"
    qtbot.waitUntil(title.isVisible)  # a new form shows on the next turn of the event loop
    click_into(qtbot, title)
    select_all(title)
    type_text(title, "๑. หลักการและเหตุผลของมาตรการ")
    qtbot.keyClick(title, Qt.Key.Key_Tab)  # leaving the field writes it
    hkey = ed.blocks.item(heading).data(Qt.ItemDataRole.UserRole)
    assert s.store.outline(2568, "measures").block(hkey).title == "๑. หลักการและเหตุผลของมาตรการ"
    assert ed.blocks.item(heading).text().startswith("๑. หลักการและเหตุผลของมาตรการ")

    # add a paragraph after the heading and type it
    ed.add_kind.setFocus()
    target = ed.add_kind.findData("paragraph")
    while ed.add_kind.currentIndex() != target:
        qtbot.keyClick(ed.add_kind, Qt.Key.Key_Down if ed.add_kind.currentIndex() < target else Qt.Key.Key_Up)
    qtbot.mouseClick(_button(ed, "เพิ่มบล็อก"), Qt.MouseButton.LeftButton)
    keys = [b.key for b in s.store.outline(2568, "measures").blocks]
    new = keys[keys.index(hkey) + 1]
    assert s.store.outline(2568, "measures").block(new).kind == "paragraph"
    text = ed.findChild(QPlainTextEdit, "block_text")
    qtbot.waitUntil(text.isVisible)
    click_into(qtbot, text)
    type_text(text, "ย่อหน้าที่เจ้าหน้าที่พิมพ์เพิ่ม ๑๒ ข้อ")
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert s.store.outline(2568, "measures").block(new).text == "ย่อหน้าที่เจ้าหน้าที่พิมพ์เพิ่ม ๑๒ ข้อ"
    t = _preview_text(qtbot, docs)
    heading_at = t.rindex("หลักการและเหตุผลของมาตรการ")  # the heading itself, after its line in the contents
    assert heading_at < t.index("ย่อหน้าที่เจ้าหน้าที่พิมพ์เพิ่ม๑๒ข้อ")

    # move it above the heading
    qtbot.mouseClick(_button(ed, "เลื่อนขึ้น"), Qt.MouseButton.LeftButton)
    keys = [b.key for b in s.store.outline(2568, "measures").blocks]
    assert keys.index(new) == keys.index(hkey) - 1
    t = _preview_text(qtbot, docs)
    assert t.index("ย่อหน้าที่เจ้าหน้าที่พิมพ์เพิ่ม๑๒ข้อ") < t.rindex("หลักการและเหตุผลของมาตรการ")

    # the ranking table in Arabic digits, chosen in its drop-down: written at once
    _click_row(qtbot, ed, _row(ed, "อันดับคะแนน"))
    digits_box = next(f.widget for f in ed.block_form.fields if f.label == "ตัวเลข")
    qtbot.waitUntil(digits_box.isVisible)
    digits_box.setFocus()
    while digits_box.currentData() != "arabic":
        qtbot.keyClick(digits_box, Qt.Key.Key_Down)
    rkey = ed.current
    assert s.store.outline(2568, "measures").block(rkey).opt("digits") == "arabic"
    t = _preview_text(qtbot, docs)
    assert "97.45" in t and "๙๗.๔๕" in t  # the table in Arabic, the sentences still in Thai

    # undo the digits, then the move: the preview follows each time
    window.undo()
    assert s.store.outline(2568, "measures").block(rkey).opt("digits") == ""
    window.undo()
    keys = [b.key for b in s.store.outline(2568, "measures").blocks]
    assert keys.index(new) == keys.index(hkey) + 1

    # a preset file out, then into another year
    from itadesk.ui.outline_editor import save_preset_file

    path = save_preset_file(s.store.outline(2568, "measures"), tmp_path / "preset.json")
    window.year_box.setCurrentIndex(window.year_box.findData(2569))
    assert ed.import_path(str(path))
    assert s.store.outline(2569, "measures").block(new).text == "ย่อหน้าที่เจ้าหน้าที่พิมพ์เพิ่ม ๑๒ ข้อ"


def test_blocks_without_data_are_greyed(qtbot, window):
    window.year_box.setCurrentIndex(window.year_box.findData(2569))  # a year without memos
    docs = window.pages[6]
    window.tabs.setCurrentWidget(docs)
    assert docs.kind.currentData() == "memo"
    ed = docs.editor
    qtbot.waitUntil(lambda: ed.blocks.count() == 5, timeout=10000)
    head = ed.blocks.item(0)
    assert head.text().endswith("ไม่มีข้อมูล") and head.foreground().color().name() == "#9a9a9a"
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    qtbot.waitUntil(lambda: not ed.blocks.item(0).text().endswith("ไม่มีข้อมูล"), timeout=10000)
    # every field of the form has its Thai label as its accessible name
    assert all(f.widget.accessibleName() == f.label for f in ed.fields)


def test_issue_detail_and_step_details_in_the_measures_tab(qtbot, window):
    s = window.session
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    tab = window.pages[3]
    window.tabs.setCurrentWidget(tab)
    m = tab.current()
    assert m.issue_id is not None and tab.issue_detail.isEnabled()
    click_into(qtbot, tab.issue_detail)
    select_all(tab.issue_detail)
    type_text(tab.issue_detail, "- ควรทบทวนคู่มือทุกปี")
    qtbot.keyClick(tab.issue_detail, Qt.Key.Key_Tab)
    assert s.store.issue(m.issue_id).detail == "- ควรทบทวนคู่มือทุกปี"

    table = tab.step_table
    assert table.rowCount() == len(m.steps)
    table.scrollTo(table.model().index(1, 1))
    qtbot.waitUntil(table.isVisible)
    rect = table.visualItemRect(table.item(1, 1))  # the second step's own responsible unit
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == 1 and table.currentColumn() == 1
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the cell, as with the keyboard
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))  # the cell's own editor opened
    editor = QApplication.focusWidget()
    select_all(editor)
    type_text(table, "กองคลัง")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits the cell on its next turn
    qtbot.waitUntil(lambda: s.store.measure(m.id).step(1).unit == "กองคลัง")
    assert s.store.undo_label().startswith("แก้ไขผู้รับผิดชอบขั้นตอน")
    window.undo()
    assert s.store.measure(m.id).step(1).unit != "กองคลัง"
