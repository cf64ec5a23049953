"""A clerk types into every field of every tab, and nothing typed is lost or misplaced.

Every field a page declares (``Page.fields``: the editing model's list, so a new field
is covered the day it is added) gets real key events — Thai as text-carrying key
events, ASCII through QTest — in two bursts with a pause between them long enough
for the field's save timer to fire while the clerk is still in it. The last field of
each tab is left with unwritten typing and the clerk switches tab at once (the
switch must flush it). Then the clerk changes record and year, comes back, and
closes the window. The file is reopened in a new window: each field shows exactly
what was typed, and no record other than the ones shown changed in the database.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from itadesk.store.store import Store
from itadesk.ui import page as page_module
from itadesk.ui.widgets import BEDateEdit, LinesEdit
from tests.keys import click_check, click_into, select_all, type_text

PAUSE = 120  # ms: the field timer, shortened so a test of ~50 fields stays quick
YEAR = 2569
# fields whose text has a format of its own: (first burst, second burst), typed over the old value
REPLACE = {
    "งบประมาณ (บาท)": ("12", "345.5"),
    "ข้อคำถามที่เกี่ยวข้อง": ("O1", "2 i3"),
    "เว็บไซต์": ("https://www.ตัวอย่าง.go.th", "/ita x1"),
    "โทรศัพท์": ("0 4455", " 1234 ต่อ 12"),
    "วันเริ่มต้น": ("5/6/", "2568"),
    "วันสิ้นสุด": ("30 ก.ย.", " 2569"),
    "วันที่": ("7 มีนาคม", " 2569"),
    "เกณฑ์จุดแข็ง (ตั้งแต่)": ("7", "2.5"),
    "ลำดับในอำเภอ": ("1", "2"),
    "จำนวนหน่วยงานในอำเภอ": ("2", "0"),
    "ลำดับในจังหวัด": ("7", "5"),
    "จำนวนหน่วยงานในจังหวัด": ("21", "1"),
    "เกณฑ์ผ่าน (คะแนน)": ("8", "0"),
    "ปีงบประมาณแรกของแผน": ("25", "67"),
    "ปีงบประมาณสุดท้ายของแผน": ("25", "70"),
}
for _n in range(1, 11):
    REPLACE[f"งบประมาณปีที่ {_n} ของแผน"] = ("1", f"{_n}000")
APPEND_LINES = {"หลักฐาน (ชื่อ | ลิงก์ บรรทัดละรายการ)": ("\nรายงานผล ก | https://e.x/1", "\nภาพถ่าย ข | https://e.x/2")}


DATE = ("8/3/", "2567")  # any other date field: a date as clerks write it, with a pause mid-way


def _bursts(label: str, n: int, widget=None) -> tuple[str, str]:
    if label in REPLACE:
        return REPLACE[label]
    if isinstance(widget, BEDateEdit):
        return DATE
    if label in APPEND_LINES:
        return APPEND_LINES[label]
    return f" เพิ่ม{n}ก่ำ x{n}", f" ต่อ{n} น้ำ y{n}"


def _type_into(qtbot, f, n: int, *, last: bool) -> None:
    """Two bursts with a pause between them (the timer fires mid-typing) — except the
    last field of a tab, where the clerk switches tab straight after the second burst."""
    w = f.widget
    label = f.label
    if isinstance(w, QCheckBox):
        click_check(qtbot, w)
        return
    if isinstance(w, QComboBox):
        w.setFocus()
        qtbot.keyClick(w, Qt.Key.Key_Down)  # the next choice, as with the keyboard
        return
    first, second = _bursts(label, n, w)
    click_into(qtbot, w)
    if label in REPLACE or isinstance(w, BEDateEdit):
        select_all(w.lineEdit() if isinstance(w, QAbstractSpinBox) else w)
    elif isinstance(w, LinesEdit) and label not in APPEND_LINES:
        first, second = "\n" + first.strip(), second  # a new line, then more of it
    type_text(w, first)
    qtbot.wait(PAUSE + 150)  # paused: the field writes itself while the clerk is still in it
    assert w.isEnabled() and w.hasFocus(), f"{label}: the write took the focus away (to {QApplication.focusWidget()!r})"
    type_text(w, second)
    if not last:
        qtbot.wait(PAUSE + 150)


def _expected_text(before: str, label: str, n: int, widget) -> str | None:
    """What the box must show once both bursts are typed at its end (None: checked by value)."""
    if label in REPLACE or isinstance(widget, QCheckBox | QComboBox | BEDateEdit):
        return None
    first, second = _bursts(label, n, widget)
    if isinstance(widget, LinesEdit) and label not in APPEND_LINES:
        first = "\n" + first.strip()
    return before + first + second


def _ids(record) -> set[int]:
    if isinstance(record, tuple | list):
        return {x for x in record if isinstance(x, int)}
    return {record} if isinstance(record, int) else set()


def _same(shown, typed) -> bool:
    if page_module._trimmed(shown) == page_module._trimmed(typed):
        return True
    try:
        return float(str(shown).replace(",", "")) == float(str(typed).replace(",", ""))
    except ValueError:
        return False


def _shown_text(w) -> str:
    return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()


def _rows(path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_%' ESCAPE '\\' "
                                            "AND name NOT LIKE 'sqlite%'")]
        out = {}
        for t in tables:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
            con.row_factory = sqlite3.Row
            out[t] = [dict(r) for r in con.execute(f'SELECT * FROM "{t}"')]
            con.row_factory = None
            assert cols
        return out
    finally:
        con.close()


def _show_records(window, picks: dict[str, int]) -> None:
    """Each page shows the record the clerk picked (by its row in the page's chooser)."""
    for page in window.pages:
        window.tabs.setCurrentWidget(page)
        name = type(page).__name__
        if name == "MeasuresTab":
            page.list.setCurrentRow(picks["measure"])
        elif name == "AnalysisTab":
            page.list.setCurrentRow(picks["analysis"])
        elif name == "MemoTab":
            page.picker.setCurrentIndex(picks["memo"])


def _open(qtbot, path):
    from itadesk.ui.main_window import MainWindow
    from itadesk.ui.session import Session

    w = MainWindow(Session(Store.open(path)))
    w.quiet_errors = True
    qtbot.addWidget(w)
    w.show()
    w.year_box.setCurrentIndex(w.year_box.findData(YEAR))
    return w


def test_every_field_keeps_what_was_typed(qtbot, demo_path, monkeypatch):
    monkeypatch.setattr(page_module, "PAUSE_MS", PAUSE)
    before_rows = _rows(demo_path)
    window = _open(qtbot, demo_path)
    picks = {"measure": 1, "analysis": 2, "memo": 0}
    memo = next(p for p in window.pages if type(p).__name__ == "MemoTab")
    if memo.picker.count() == 0:  # the year has no memo yet: the clerk makes one
        window.tabs.setCurrentWidget(memo)
        qtbot.mouseClick(next(b for b in memo.findChildren(QPushButton) if b.text() == "สร้างใหม่"), Qt.MouseButton.LeftButton)
        assert memo.picker.count() == 1
    _show_records(window, picks)
    shown = {}  # which record each page showed: only those may change
    records: dict[str, set[int]] = {}  # every record id a page's fields were bound to
    expected: dict[tuple[str, str], object] = {}
    errors: list[str] = []
    window.session.error.connect(lambda title, message: errors.append(message))
    n = 0
    for page in window.pages:
        fields = [f for f in page.fields if f.widget.isVisibleTo(page)]
        if not fields:
            continue
        qtbot.mouseClick(window.tabs.tabBar(), Qt.MouseButton.LeftButton,
                         pos=window.tabs.tabBar().tabRect(window.tabs.indexOf(page)).center())
        assert window.tabs.currentWidget() is page
        shown[type(page).__name__] = fields[0].record()
        for f in fields:
            records.setdefault(type(page).__name__, set()).update(_ids(f.record()))
        for i, f in enumerate(fields):
            n += 1
            before = _shown_text(f.widget) if isinstance(f.widget, QLineEdit | QPlainTextEdit) else None
            _type_into(qtbot, f, n, last=i == len(fields) - 1)
            text = _expected_text(before, f.label, n, f.widget) if before is not None else None
            if text is not None:
                assert _shown_text(f.widget) == text, f"{f.label}: the box does not show what was typed where it was typed"
            expected[(type(page).__name__, f.label)] = f.value()
        # the last field still holds unwritten typing: the tab switch must write it
    assert not errors, errors
    # the clerk looks at another record and another year, then comes back, then closes
    window.year_box.setCurrentIndex(window.year_box.findData(YEAR - 1))
    window.year_box.setCurrentIndex(window.year_box.findData(YEAR))
    _show_records(window, {"measure": 0, "analysis": 0, "memo": 0})
    _show_records(window, picks)
    window.close()
    window.session.store.close()

    # ---- reopened: each field shows what was typed
    again = _open(qtbot, demo_path)
    _show_records(again, picks)
    measure_units = again.session.store.measure(shown["MeasuresTab"]).units
    for page in again.pages:
        for f in page.fields:
            key = (type(page).__name__, f.label)
            if key == ("OfficeTab", "ส่วนราชการ/กอง (บรรทัดละหนึ่งหน่วย)"):
                # the office's list, then the unit typed only in the measure (listed while a measure names it)
                assert f.value() == expected[key] + [u for u in measure_units if u not in expected[key]]
                assert not [u for u in f.value() if u.startswith("เพิ่ม") and u not in expected[key] + measure_units]
            elif key in expected and f.label != "งบประมาณ (บาท)":  # the budget is shown formatted: checked below
                # the store trims the ends of a text ("  x " is kept as "x"), nothing inside it;
                # an amount comes back formatted ("11,000.00" for "11000")
                assert _same(f.value(), expected[key]), \
                    f"{key}: shows {f.value()!r}, typed {expected[key]!r}"
    m = again.session.store.measure(shown["MeasuresTab"])
    assert m.budget == 12345.5 and m.start == _dt.date(2025, 6, 5) and m.end == _dt.date(2026, 9, 30)
    assert sorted(m.items) == ["O12", "i3"]
    assert again.session.store.strength_threshold == 72.5
    again.close()
    again.session.store.close()

    # ---- and nothing else moved: every changed row belongs to a record that was shown
    after_rows = _rows(demo_path)
    mid, memo_id = shown["MeasuresTab"], shown["MemoTab"]
    final_issue = next(r["issue_id"] for r in after_rows["measures"] if r["id"] == mid)
    owned_by_shown = {
        "measures": lambda r: r["id"] == mid,
        "issues": lambda r: r["id"] == final_issue,
        "measure_steps": lambda r: r["measure_id"] == mid,
        "measure_units": lambda r: r["measure_id"] == mid,
        "measure_items": lambda r: r["measure_id"] == mid,
        "measure_indicators": lambda r: r["measure_id"] == mid,
        "evidence": lambda r: r.get("measure_id") == mid,
        "memos": lambda r: r["id"] == memo_id,
        "memo_paragraphs": lambda r: r["memo_id"] == memo_id,
        "analyses": lambda r: r["year"] == YEAR,
        "texts": lambda r: r["year"] == YEAR,
        "years": lambda r: r["year"] == YEAR,
        "levels": lambda r: r["year"] == YEAR,
        "categories": lambda r: r["year"] == YEAR,
        "tools": lambda r: r["year"] == YEAR,
        "plans": lambda r: r["id"] in records["PlansTab"],
        "plan_nodes": lambda r: r["id"] in records["PlansTab"],
        "plan_measures": lambda r: r["id"] in records["PlansTab"],
        "plan_budgets": lambda r: r["measure_id"] in records["PlansTab"],
        "plan_links": lambda r: r["measure_id"] in records["PlansTab"],
        "office": lambda r: True,
        "units": lambda r: True,
        "settings": lambda r: True,
    }
    for table, rows in after_rows.items():
        old = before_rows.get(table, [])
        gone = [r for r in old if r not in rows]
        new = [r for r in rows if r not in old]
        for r in gone + new:
            rule = owned_by_shown.get(table)
            assert rule is not None and rule(r), f"{table}: a row no one edited changed: {r}"
    # the analysis edited is the one shown (year, indicator, id), not a neighbour
    _year, indicator, analysis_id = shown["AnalysisTab"]
    changed = [r for r in after_rows["analyses"] if r not in before_rows["analyses"]]
    assert changed and all(r["id"] == analysis_id or (analysis_id is None and r["indicator"] == indicator) for r in changed)
