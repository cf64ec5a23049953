"""The rules editor, the plan editor and OIT evidence driven by real key and mouse events (issue 11)."""

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.keys import click_check, click_into, select_all, type_text
from tests.test_window_state import Clerk, click


def _page(window, name):
    page = next(p for p in window.pages if type(p).__name__ == name)
    window.tabs.setCurrentWidget(page)
    return page


def _button(page, text):
    return next(b for b in page.findChildren(QPushButton) if b.text() == text and b.isVisible())


def _edit_cell(qtbot, table, row, col, text):
    """Go to a cell, open its editor with F2 (the text is selected), type, and Enter."""
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor)
    select_all(editor)
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)  # Qt commits the editor queued


def _undo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_rules_editor_by_keyboard(qtbot, window):
    s = window.session
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    rules = _page(window, "RulesTab")
    assert s.store.level(2568) == "ผ่าน" and "คำนวณได้: ผ่าน" in rules.level_computed.text()

    # the ผ่านดี floor lowered to 80: EIT part 2 (83.60) reaches it, the computed level follows
    row = next(r for r in range(rules.levels.rowCount()) if rules.levels.item(r, 0).text() == "ผ่านดี")
    _edit_cell(qtbot, rules.levels, row, 3, "80")
    assert s.store.level(2568) == "ผ่านดี"
    assert "คำนวณได้: ผ่านดี" in rules.level_computed.text()
    _undo(qtbot, window)
    assert s.store.level(2568) == "ผ่าน"

    # a refused cell keeps what was typed, red, with the reason; the stored floor stays
    row = next(r for r in range(rules.levels.rowCount()) if rules.levels.item(r, 0).text() == "ผ่านดี")
    _edit_cell(qtbot, rules.levels, row, 3, "120")
    cell = rules.levels.item(row, 3)
    assert cell.text() == "120" and "๑๐๐" in cell.toolTip()
    assert next(lv for lv in s.store.framework(2568).levels if lv.name == "ผ่านดี").tool_min == 85

    # the pass mark, typed and left with Tab
    click_into(qtbot, rules.pass_mark)
    select_all(rules.pass_mark)
    type_text(rules.pass_mark, "95")
    qtbot.keyClick(rules.pass_mark, Qt.Key.Key_Tab)
    assert s.store.framework(2568).pass_mark == 95
    assert s.store.view(2568).result.verdict("OIT").printed == "ไม่ผ่าน"

    # the explanation of a level, typed in Thai, written after a pause
    rules.levels.setCurrentCell(0, 0)
    click_into(qtbot, rules.explanation)
    type_text(rules.explanation, " ตามประกาศ ป.ป.ช.")
    qtbot.wait(1300)
    top = s.store.framework(2568).levels[0]
    assert top.explanation.endswith(" ตามประกาศ ป.ป.ช.")

    # the published ranks: a place beyond the total is refused and stays on screen
    click_into(qtbot, rules.ranks["rank_district"])
    select_all(rules.ranks["rank_district"])
    type_text(rules.ranks["rank_district"], "3")
    qtbot.keyClick(rules.ranks["rank_district"], Qt.Key.Key_Tab)
    assert s.store.statement(2568).rank_district.place == 3
    click_into(qtbot, rules.ranks["rank_district"])
    select_all(rules.ranks["rank_district"])
    type_text(rules.ranks["rank_district"], "40")
    qtbot.keyClick(rules.ranks["rank_district"], Qt.Key.Key_Tab)
    assert s.store.statement(2568).rank_district.place == 3
    assert rules.ranks["rank_district"].text() == "40" and "มากกว่าจำนวนทั้งหมด" in rules.ranks["rank_district"].toolTip()

    # the stated level, chosen with the arrow keys: printed, the computed one still shown beside it
    rules.level_stated.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(rules.level_stated, Qt.Key.Key_Down)  # the first named level after "ตามที่คำนวณ"
    qtbot.keyClick(rules.level_stated, Qt.Key.Key_Tab)  # leaving the field writes it
    assert s.store.statement(2568).level == "ผ่านดีเยี่ยม"
    assert s.store.view(2568).level == "ผ่านดีเยี่ยม" and "ต่างจากที่ประกาศ" in rules.level_computed.text()

    # a category's tool rule from its drop-down, by keyboard
    combo = rules.categories.cellWidget(2, 3)
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # ไม่พิจารณารายเครื่องมือ → ทุกเครื่องมือถึงเกณฑ์ผ่าน
    assert s.store.framework(2568).categories[2].tools == "all_pass"
    combo = rules.categories.cellWidget(2, 3)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    cat = s.store.framework(2568).categories[2]
    assert cat.tools == "some_fail"


def test_tool_verdicts_and_pasted_items_in_the_scores_tab(qtbot, window):
    s = window.session
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    scores = _page(window, "ScoresTab")
    scores.inner.setCurrentIndex(0)
    model = scores.models["tools"]
    row = next(r for r in range(model.rowCount()) if model.rows[r][1] == "EIT2")
    assert model.data(model.index(row, 4)) == "ไม่ผ่าน"
    eit = next(r for r in range(model.rowCount()) if model.rows[r][1] == "EIT")
    assert model.data(model.index(eit, 2)) == "88.75"  # derived from the parts, shown in italics
    assert "คำนวณจากคะแนนส่วนย่อย" in model.data(model.index(eit, 2), Qt.ItemDataRole.ToolTipRole)
    view = scores.views["tools"]
    view.setFocus()
    view.setCurrentIndex(model.index(row, 5))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    type_text(QApplication.focusWidget(), "ผ่าน")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)
    assert s.store.statement(2568).verdicts == {"EIT2": "ผ่าน"}
    row = next(r for r in range(model.rowCount()) if model.rows[r][1] == "EIT2")
    assert model.data(model.index(row, 4)) == "ไม่ผ่าน" and model.data(model.index(row, 5)) == "ผ่าน"  # computed beside stated

    scores.inner.setCurrentIndex(2)
    before = len(s.store.framework(2568).items)
    click_into(qtbot, scores.paste_box)
    type_text(scores.paste_box, "e16\tการให้บริการอย่างเป็นธรรม")  # a typed tab separates code and title
    qtbot.mouseClick(_button(scores, "เพิ่มข้อที่ยังไม่มี"), Qt.MouseButton.LeftButton)
    fw = s.store.framework(2568)
    assert len(fw.items) == before + 1 and fw.item("E16").uncertain and fw.item("e16").tool == "EIT"
    assert scores.paste_box.toPlainText() == ""


def test_oit_evidence_by_keyboard(qtbot, window):
    s = window.session
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    scores = _page(window, "ScoresTab")
    scores.inner.setCurrentIndex(3)
    page = scores.evidence
    page.list.setCurrentRow(page.codes.index("O3"))
    click_into(qtbot, page.links)
    type_text(page.links, "\nแผนที่สำนักงาน | https://www.pongsakae.go.th/map")
    click_check(qtbot, page.published)
    qtbot.wait(1300)
    ev = s.store.item_evidence(2568)["O3"]
    assert ev.links[-1].title == "แผนที่สำนักงาน" and ev.links[-1].link.endswith("/map") and len(ev.links) >= 2
    published = ev.published
    _undo(qtbot, window)
    assert s.store.item_evidence(2568)["O3"].published != published


def test_plan_editor_by_keyboard_and_mouse(qtbot, window):
    s = window.session
    window.year_box.setCurrentIndex(window.year_box.findData(2568))
    plans = _page(window, "PlansTab")
    plan = s.store.plans()[0]
    dims = len(plan.nodes)

    # a new dimension: its title is selected, typing replaces it
    qtbot.mouseClick(_button(plans, "เพิ่มมิติ"), Qt.MouseButton.LeftButton)
    type_text(plans.node_title, "มิติทดสอบการพิมพ์")
    qtbot.keyClick(plans.node_title, Qt.Key.Key_Tab)
    plan = s.store.plans()[0]
    assert len(plan.nodes) == dims + 1 and plan.nodes[-1].title == "มิติทดสอบการพิมพ์"
    new_dim = plan.nodes[-1].id

    # a project in it, with a budget in fiscal 2569 only
    qtbot.mouseClick(_button(plans, "เพิ่มโครงการ/กิจกรรม"), Qt.MouseButton.LeftButton)
    type_text(plans.m_title, "โครงการทดสอบงบประมาณ")
    budget = plans.budget_edits[plan.years.index(2569)]
    assert budget.accessibleName() == "ปี 2569 งบประมาณ (บาท)"
    click_into(qtbot, budget)
    type_text(budget, "12,500")
    qtbot.keyClick(budget, Qt.Key.Key_Tab)
    plan = s.store.plans()[0]
    project = plan.node(new_dim).measures[0]
    assert project.title == "โครงการทดสอบงบประมาณ" and project.budgets == {2569: 12500.0}

    # the year filter: fiscal 2568 leaves it out, 2569 shows it
    plans.year_filter.setFocus(Qt.FocusReason.TabFocusReason)
    while plans.year_filter.currentData() != 2568:
        qtbot.keyClick(plans.year_filter, Qt.Key.Key_Down)
    assert not plans.tree.select(("measure", project.id))
    qtbot.keyClick(plans.year_filter, Qt.Key.Key_Down)
    assert plans.year_filter.currentData() == 2569 and plans.tree.select(("measure", project.id))

    # moved under mission 1.1.1 with "ย้ายไปไว้ใต้", then undone with Ctrl+Z
    target = plan.nodes[0].children[0].children[0]
    plans.move_to.setCurrentIndex(plans.move_to.findData(target.id))
    qtbot.mouseClick(_button(plans, "ย้าย"), Qt.MouseButton.LeftButton)
    assert s.store.plan(plan.id).measure(project.id).node_id == target.id
    _undo(qtbot, window)
    assert s.store.plan(plan.id).measure(project.id).node_id == new_dim

    # the new dimension moved up one place
    plans.tree.select(("node", new_dim))
    qtbot.mouseClick(_button(plans, "เลื่อนขึ้น"), Qt.MouseButton.LeftButton)
    assert [n.id for n in s.store.plan(plan.id).nodes][-2] == new_dim

    # the measures of 2568 (carried out in fiscal 2569) drawn from the plan, after ใช่
    before = len(s.store.measures(2568))
    clerk = Clerk(click("ใช่"), click("ตกลง"))
    qtbot.mouseClick(_button(plans, "สร้างมาตรการประจำปีจากแผน"), Qt.MouseButton.LeftButton)
    assert clerk.done and "ปีงบประมาณ 2569" in " ".join(clerk.seen[0]["labels"])
    drawn = s.store.measures(2568)[before:]
    assert "โครงการทดสอบงบประมาณ" in [m.title for m in drawn]
    assert next(m for m in drawn if m.title == "โครงการทดสอบงบประมาณ").budget == 12500
