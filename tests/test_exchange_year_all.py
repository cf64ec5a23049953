"""The year workbook carries everything of the year: the rules, the published result, the
evidence of each item, the assessment issues with their steps, the year's own outlines and
the plans that cover it — compared by their domain values, not counted."""

from __future__ import annotations

import datetime as _dt
import sqlite3

import openpyxl
import pytest

from itadesk.cli import main
from itadesk.domain.models import Analysis, Evidence, Measure, Step
from itadesk.exchange import xlsx_year
from itadesk.exchange.year_extras import EXTRA_SHEETS, NEW_COLUMNS, OUTLINE_DOCS
from itadesk.store.store import Store
from tests.workbooks import content, soffice, through_libreoffice
from tests.year_facts import facts

YEAR = 2568


def _round_trip(source: Store, year: int, tmp_path, name="other.sqlite") -> Store:
    book = xlsx_year.export_year(source, year, tmp_path / f"{year}.xlsx")
    other = Store.open(tmp_path / name)
    xlsx_year.apply_year_import(other, xlsx_year.plan_year_import(other, book))
    return other


def test_the_demo_year_arrives_whole(demo_store, tmp_path):
    other = _round_trip(demo_store, YEAR, tmp_path)
    try:
        a, b = facts(demo_store, YEAR), facts(other, YEAR)
        for part in a:
            assert b[part] == a[part], part
        # the demo has every part filled, so the comparison compared something
        assert a["categories"] and a["statement"][0] == _dt.date(2025, 8, 18) and a["statement"][2].place == 76
        assert sum(len(e[2]) for e in a["evidence"].values()) > 20 and a["outlines"]["measures"][3]
        assert all(detail for _t, detail in a["issues"]) and a["plan"] and a["plans"] == [a["plan"]]
        assert any(p for _i, _t, p in a["points"])
    finally:
        other.close()


def filled(store: Store) -> Store:
    """A year with every new kind of data typed in, through the store as the window does it."""
    store.add_year(YEAR)
    store.set_eit_from_parts(YEAR, False)
    fw = store.framework(YEAR)
    store.edit_level(fw.levels[0].id, "explanation", "คำอธิบายของหน่วยงานเอง\nสองบรรทัด")
    store.edit_level(fw.levels[1].id, "explanation", "")  # cleared on purpose: stays empty
    cid = store.add_category(YEAR).id
    store.edit_category(cid, "name", "ผลที่หน่วยงานเพิ่มเอง")
    store.edit_category(cid, "overall_min", "50")
    store.edit_category(cid, "overall_max", "84.99")
    store.edit_category(cid, "tools", "some_fail")
    store.delete_category(fw.categories[0].id)
    for field, value in (("published", "8/3/2568"), ("rank_district", "3"), ("rank_district_of", "12"),
                         ("rank_province", "40"), ("level_stated", "ผ่าน"), ("category_stated", "ผ่านและบรรลุค่าเป้าหมาย")):
        store.edit_result(YEAR, field, value)
    store.set_tool_verdict(YEAR, "IIT", "ผ่าน")
    store.set_tool_verdict(YEAR, "EIT2", "ไม่ผ่าน")
    store.set_scores(YEAR, tools={"IIT": "91.5", "EIT1": "88", "EIT2": "80", "OIT": "95"})
    store.edit_item_evidence(YEAR, "o1", "links", [Evidence("โครงสร้าง “อัญประกาศ” & <tag>", "https://example.go.th/o1"),
                                                   Evidence("", "https://example.go.th/o1-2")])
    store.edit_item_evidence(YEAR, "o1", "published", True)
    store.edit_item_evidence(YEAR, "o3", "steps", "หน้าแรก > ITA > O3")
    store.add_issue(YEAR, "ประเด็นที่ยังไม่มีมาตรการ", "- รายละเอียด\n- บรรทัดที่สอง")
    mid = store.save_measure(Measure(None, YEAR, "มาตรการมีประเด็น", issue="ประเด็นของมาตรการ", steps=["ขั้นหนึ่ง", "ขั้นสอง"],
                                     units=["กองคลัง"])).id
    store.set_steps(mid, [Step("ขั้นหนึ่ง", "กองช่าง", "ต.ค.", "รายงานทุกเดือน", "สั้น"), Step("ขั้นสอง")])
    issue = next(i for i in store.issues(YEAR) if i.title == "ประเด็นของมาตรการ")
    store.edit_issue(issue.id, "detail", "รายละเอียดของประเด็นที่มีมาตรการ")
    store.save_analysis(Analysis(None, YEAR, 1, "ประเด็นวิเคราะห์", points="แนวทางที่หนึ่ง\nแนวทางที่สอง"))
    store.apply_preset(YEAR, "plan", "plan-003")
    key = store.outline(YEAR, "plan").blocks[1].key
    store.set_block_text(YEAR, "plan", key, "ข้อความที่พิมพ์เองในรูปแบบเอกสาร {office}")
    store.set_block_enabled(YEAR, "plan", key, False)
    store.set_outline_option(YEAR, "plan", "digits", "arabic")
    store.add_block(YEAR, "memo", "paragraph", title="ย่อหน้าเพิ่ม")
    store.make_office_default(YEAR, "plan")  # the office's own layout for new years
    store.set_block_text(None, "plan", key, "ค่าเริ่มต้นของหน่วยงาน")
    # a plan covering the year, with a nested hierarchy, budgets (0 too), links, and measures drawn from it
    pid = store.add_plan("แผนป้องกันการทุจริต", 2567, 2570).id
    store.edit_plan(pid, "note", "หมายเหตุของแผน")
    dim = store.add_node(pid, None, "มิติที่ ๑ การสร้างสังคม").id
    mission = store.add_node(pid, dim, "ภารกิจ ๑.๑").id
    sub = store.add_node(pid, mission, "ภารกิจย่อย ๑.๑.๑").id
    store.add_node(pid, None, "มิติที่ ๒ (ยังไม่มีโครงการ)")
    for node, title, budgets in ((mission, "โครงการอบรม", {2569: "50,000", 2570: "0"}), (sub, "กิจกรรมย่อย", {2569: "1,500.50"})):
        pm = store.add_plan_measure(node, title, "กิจกรรม").id
        for y, amount in budgets.items():
            store.set_plan_budget(pm, y, amount)
        store.edit_plan_measure(pm, "units", "กองคลัง, กองช่าง")
        store.edit_plan_measure(pm, "start", "1/10/2568")
        store.edit_plan_measure(pm, "note", "หมายเหตุ")
        store.set_plan_links(pm, [Evidence("ลิงก์โครงการ", "https://example.go.th/p")])
    store.draw_plan_measures(pid, YEAR)
    # a plan of other years: not this year's to carry
    store.add_plan("แผนเก่า", 2560, 2563)
    return store


def test_a_year_with_every_new_kind_of_data_arrives_whole(store, tmp_path):
    filled(store)
    other = _round_trip(store, YEAR, tmp_path)
    try:
        a, b = facts(store, YEAR), facts(other, YEAR)
        for part in a:
            assert b[part] == a[part], part
        assert a["eit_rule"] is False and a["levels"][1][4] == "" and a["levels"][0][4].endswith("สองบรรทัด")
        assert ("ผลที่หน่วยงานเพิ่มเอง", 50.0, 84.99, "some_fail") in a["categories"]
        assert a["statement"][0] == _dt.date(2025, 3, 8) and a["statement"][5] == {"IIT": "ผ่าน", "EIT2": "ไม่ผ่าน"}
        assert a["evidence"]["O1"] == (True, "", [("โครงสร้าง “อัญประกาศ” & <tag>", "https://example.go.th/o1"),
                                                  ("", "https://example.go.th/o1-2")])
        assert ("ประเด็นที่ยังไม่มีมาตรการ", "- รายละเอียด\n- บรรทัดที่สอง") in a["issues"]
        assert a["steps"][0][0] == ("ขั้นหนึ่ง", "กองช่าง", "ต.ค.", "รายงานทุกเดือน", "สั้น")
        assert set(a["outlines"]) == {"plan", "memo"} and a["outlines"]["plan"][2]["digits"] == "arabic"
        assert set(a["office_outlines"]) == {"plan"} and a["office_outlines"]["plan"][3][1][4] == "ค่าเริ่มต้นของหน่วยงาน"
        assert len(a["drawn"]) == 2 and a["drawn"][0] == ("กิจกรรมย่อย", "กิจกรรมย่อย")
        assert [p[0] for p in a["plans"]] == ["แผนป้องกันการทุจริต"]  # the plan of 2560–2563 stays home
        assert [p.title for p in other.plans()] == ["แผนป้องกันการทุจริต"]
        # drawing from the plan again on the other laptop adds nothing: the link came along
        assert other.draw_plan_measures(other.plans()[0].id, YEAR).count == 0
        # and the second export is the first
        assert content(xlsx_year.export_year(other, YEAR, tmp_path / "again.xlsx")) == content(tmp_path / f"{YEAR}.xlsx")
    finally:
        other.close()


def test_a_reimport_replaces_and_never_duplicates(demo_store, tmp_path):
    """Into the same database again (and again): one plan, one set of issues, links and outlines;
    the measures of another year drawn from the replaced plan stay drawn from it."""
    demo_store.draw_plan_measures(demo_store.plans()[0].id, 2569)
    drawn_2569 = facts(demo_store, 2569)["drawn"]
    assert drawn_2569
    before = facts(demo_store, YEAR)
    book = xlsx_year.export_year(demo_store, YEAR, tmp_path / "y.xlsx")
    for _ in range(2):
        plan = xlsx_year.plan_year_import(demo_store, book)
        assert any("แทนที่แผนชื่อเดียวกัน" in line for line in plan.lines())
        xlsx_year.apply_year_import(demo_store, plan, replace=True)
        assert facts(demo_store, YEAR) == before
        assert len(demo_store.plans()) == 1
        assert facts(demo_store, 2569)["drawn"] == drawn_2569
        assert demo_store.draw_plan_measures(demo_store.plans()[0].id, 2569).count == 0
    # one undo step takes the whole import back, the plan included
    demo_store.undo()
    assert facts(demo_store, YEAR) == before and len(demo_store.plans()) == 1 and facts(demo_store, 2569)["drawn"] == drawn_2569


def test_the_office_defaults_come_only_into_an_empty_database(store, tmp_path):
    filled(store)
    book = xlsx_year.export_year(store, YEAR, tmp_path / "y.xlsx")
    other = Store.open(tmp_path / "used.sqlite")
    try:
        office = other.office()
        office.name = "อบต.ที่ใช้งานอยู่แล้ว"
        other.save_office(office)
        other.apply_preset(None, "memo", "memo-001")
        mine = facts_office(other)
        plan = xlsx_year.plan_year_import(other, book)
        assert "รูปแบบเอกสารเริ่มต้น และการตั้งค่าของฐานข้อมูลนี้คงเดิม" in plan.lines()[-1]
        xlsx_year.apply_year_import(other, plan)
        assert facts_office(other) == mine and other.office().name == "อบต.ที่ใช้งานอยู่แล้ว"
        assert facts(other, YEAR)["outlines"] == facts(store, YEAR)["outlines"]  # the year's own ones do come
    finally:
        other.close()


def facts_office(s: Store) -> dict:
    from itadesk.store.year_parts import own_outlines
    from tests.year_facts import outline_facts

    return {kind: outline_facts(o) for kind, o in own_outlines(s.db, None).items()}


def old_style(path, out):
    """The workbook as the previous itadesk wrote it: without the later sheets and columns."""
    wb = openpyxl.load_workbook(path)
    for name in EXTRA_SHEETS:
        del wb[name]
    for sheet, header in NEW_COLUMNS:
        ws = wb[sheet]
        col = next(c.column for c in ws[1] if c.value == header)
        ws.delete_cols(col)
    analyses = wb["ผลการวิเคราะห์"]
    for row in analyses.iter_rows(min_row=2, min_col=analyses.max_column, max_col=analyses.max_column):
        row[0].value = None  # the previous writer left the development points empty
    marks = wb["_itadesk"]
    for row in marks.iter_rows():
        if row[0].value == "layout":
            marks.delete_rows(row[0].row)
    wb.save(out)
    return out


def test_an_old_workbook_still_imports_and_leaves_the_new_parts_as_they_are(store, tmp_path):
    filled(store)
    before = facts(store, YEAR)
    old = old_style(xlsx_year.export_year(store, YEAR, tmp_path / "new.xlsx"), tmp_path / "old.xlsx")
    plan = xlsx_year.plan_year_import(store, old)
    text = "\n".join(plan.lines())
    assert "ไฟล์นี้สร้างด้วย itadesk รุ่นก่อน" in text and "ผลที่ประกาศ" in text and "แผนหลายปี" in text
    assert "คงไว้ตามที่มีในฐานข้อมูลนี้" in text and "แทนที่แผน" not in text
    xlsx_year.apply_year_import(store, plan, replace=True)
    assert facts(store, YEAR) == before  # rules, result, evidence, issues, points, outlines, plan links: as they were
    assert [p.title for p in store.plans()] == ["แผนป้องกันการทุจริต", "แผนเก่า"]
    # into an empty database it arrives as a new year with the defaults of one added by hand
    fresh = Store.open(tmp_path / "fresh.sqlite")
    try:
        plan = xlsx_year.plan_year_import(fresh, old)
        assert "ใช้ค่าเริ่มต้นเหมือนปีที่เพิ่มเอง" in "\n".join(plan.lines())
        xlsx_year.apply_year_import(fresh, plan)
        got, hand = facts(fresh, YEAR), facts(_hand_made(tmp_path), YEAR)
        for part in ("eit_rule", "categories", "statement", "evidence", "outlines", "plans"):
            assert got[part] == hand[part], part
        assert got["levels"] == [lv[:4] + (h[4],) for lv, h in zip(before["levels"], hand["levels"], strict=True)]
        assert got["measure_issues"] == before["measure_issues"] and got["steps"] == before["steps"]
    finally:
        fresh.close()


def _hand_made(tmp_path) -> Store:
    s = Store.open(tmp_path / "hand.sqlite")
    s.add_year(YEAR)
    return s


def test_the_new_parts_are_readable_sheets(store, tmp_path):
    filled(store)
    wb = openpyxl.load_workbook(xlsx_year.export_year(store, YEAR, tmp_path / "y.xlsx"))
    rows = {name: [[c.value for c in r] for r in wb[name].iter_rows(min_row=2)] for name in EXTRA_SHEETS}
    assert ["ผลที่หน่วยงานเพิ่มเอง", 50, 84.99, "มีเครื่องมือต่ำกว่าเกณฑ์ผ่านอย่างน้อยหนึ่ง"] in rows["ผลการประเมินตามเกณฑ์"]
    assert ["rank_district", "ลำดับในอำเภอ", 3] in rows["ผลที่ประกาศ"]
    assert [r[1:] for r in rows["มิติและภารกิจของแผน"]] == [["1", "มิติที่ ๑ การสร้างสังคม"], ["1.1", "ภารกิจ ๑.๑"],
                                                             ["1.1.1", "ภารกิจย่อย ๑.๑.๑"], ["2", "มิติที่ ๒ (ยังไม่มีโครงการ)"]]
    assert [r[:2] for r in rows["รูปแบบเอกสาร"]] == [["ปีนี้", OUTLINE_DOCS["memo"]], ["ปีนี้", OUTLINE_DOCS["plan"]],
                                                     ["ค่าเริ่มต้นของหน่วยงาน", OUTLINE_DOCS["plan"]]]
    assert all(r[3] and not r[3].isascii() for r in rows["บล็อกของเอกสาร"])  # block kinds by their Thai names
    tools = [[c.value for c in r] for r in wb["เครื่องมือ"].iter_rows(min_row=2)]
    assert ["IIT", "ผ่าน"] == [tools[0][0], tools[0][-1]]


def test_outline_document_names_are_the_documents_tab_names():
    from itadesk.export.kinds import KINDS

    assert OUTLINE_DOCS == {k: KINDS[k] for k in OUTLINE_DOCS}


def _put(sheet, cell, value):
    def edit(wb):
        wb[sheet][cell] = value
    return edit


def _find(sheet, first, header, value):
    """Set ``header`` of the row whose first cell is ``first``."""
    def edit(wb):
        ws = wb[sheet]
        col = next(c.column for c in ws[1] if c.value == header)
        row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == first)
        ws.cell(row, col).value = value
    return edit


BAD = [
    ("category min above max", _put("ผลการประเมินตามเกณฑ์", "C2", 10),
     "แผ่นงาน “ผลการประเมินตามเกณฑ์” แถว 2 คอลัมน์ C (คะแนนภาพรวมไม่เกิน): คะแนนตั้งแต่ต้องไม่มากกว่าคะแนนไม่เกิน"),
    ("published as text", _find("ผลที่ประกาศ", "published", "ค่า", "8/3/2568"),
     "แผ่นงาน “ผลที่ประกาศ” แถว 2 คอลัมน์ C (ค่า): วันที่ “8/3/2568” พิมพ์ไว้เป็นข้อความ (ปี พ.ศ.)"),
    ("rank beyond its total", _find("ผลที่ประกาศ", "rank_district", "ค่า", 20),
     "แผ่นงาน “ผลที่ประกาศ” แถว 3 คอลัมน์ C (ค่า): ลำดับที่ 20 มากกว่าจำนวนทั้งหมด 12 แห่ง"),
    ("a verdict not a verdict", _put("เครื่องมือ", "F2", "ผ่านดี"),
     "แผ่นงาน “เครื่องมือ” แถว 2 คอลัมน์ F (ผลที่ประกาศ): “ผ่านดี” ไม่อยู่ในรายการที่เลือกได้: ผ่าน, ไม่ผ่าน"),
    ("evidence of an unknown item", _put("ลิงก์หลักฐานข้อคำถาม", "A2", "o99"),
     "แผ่นงาน “ลิงก์หลักฐานข้อคำถาม” แถว 2 คอลัมน์ A (รหัสข้อ): ไม่มีข้อ o99 ในแผ่นงาน “ข้อคำถาม”"),
    ("two issues of one title", _put("ประเด็นการประเมิน", "A3", "ประเด็นที่ยังไม่มีมาตรการ"),
     "แผ่นงาน “ประเด็นการประเมิน” แถว 3 คอลัมน์ A (ประเด็นที่ต้องพัฒนา): ประเด็น “ประเด็นที่ยังไม่มีมาตรการ” ซ้ำ"),
    ("block options not JSON", _put("บล็อกของเอกสาร", "H2", "{ไม่ใช่ json"),
     "แผ่นงาน “บล็อกของเอกสาร” แถว 2 คอลัมน์ H (ตัวเลือกของบล็อก): ไม่ใช่ข้อมูล JSON"),
    ("a block option the kind has not", _put("บล็อกของเอกสาร", "H2", '{"ไม่มี": 1}'),
     "แผ่นงาน “บล็อกของเอกสาร” แถว 2 คอลัมน์ H (ตัวเลือกของบล็อก): ตัวเลือกของบล็อก: บล็อก"),
    ("a block of a document not listed", _put("บล็อกของเอกสาร", "B2", "สรุปผลคะแนนการประเมิน ITA"),
     "แผ่นงาน “บล็อกของเอกสาร” แถว 2 คอลัมน์ B (เอกสาร): ไม่มีเอกสาร “สรุปผลคะแนนการประเมิน ITA” (ปีนี้)"),
    ("a mission without its dimension", _put("มิติและภารกิจของแผน", "B3", "7.1"),
     "แผ่นงาน “มิติและภารกิจของแผน”: แผนลำดับที่ 1 มีเลขที่ 7.1 แต่ไม่มีเลขที่ 7"),
    ("a negative budget", _put("งบประมาณตามแผน", "D2", -5),
     "แผ่นงาน “งบประมาณตามแผน” แถว 2 คอลัมน์ D (งบประมาณ (บาท)): ต้องอยู่ระหว่าง 0 ถึง 10000000000 ไม่ใช่ -5"),
    ("a plan the wrong way round", _put("แผน", "D2", 2560),
     "แผ่นงาน “แผน” แถว 2 คอลัมน์ D (ปีงบประมาณสุดท้ายของแผน): ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน"),
    ("drawn into a measure that is not there", _put("โครงการในแผน", "J2", "1, 40"),
     "แผ่นงาน “โครงการในแผน” แถว 2 คอลัมน์ J (มาตรการของปีที่ดึงจากรายการนี้): ไม่มีมาตรการลำดับที่ 40"),
    ("one of a part's sheets deleted", lambda wb: wb.remove(wb["ลิงก์หลักฐานข้อคำถาม"]),
     "มีแผ่นงาน “หลักฐานข้อคำถาม” แต่ไม่พบแผ่นงาน “ลิงก์หลักฐานข้อคำถาม” ที่ต้องมีคู่กัน"),
]


def _rows(db) -> str:
    """Every row of every table, the undo journal included. (The file's bytes change at each
    opening, so the sha256 of ``test_bad_workbooks`` would not tell a refused import.)"""
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize(("name", "edit", "says"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_cell_in_a_new_sheet_is_refused_by_its_place(name, edit, says, tmp_path, capsys):
    db = tmp_path / "filled.sqlite"
    s = filled(Store.open(db))
    book = xlsx_year.export_year(s, YEAR, tmp_path / "ปี2568.xlsx")
    s.close()
    wb = openpyxl.load_workbook(book)
    edit(wb)
    wb.save(book)
    before = _rows(db)
    capsys.readouterr()
    assert main(["xlsx", "import", str(book), "--db", str(db), "--replace"]) == 1
    err = capsys.readouterr().err
    assert f"ไฟล์ {book.name}" in err and says in err, f"{name}: {says!r} not in\n{err}"
    assert "Traceback" not in err and _rows(db) == before


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
def test_a_year_saved_by_libreoffice_arrives_whole(store, tmp_path):
    filled(store)
    book = xlsx_year.export_year(store, YEAR, tmp_path / "y.xlsx")
    again = through_libreoffice(book, tmp_path / "lo")
    other = Store.open(tmp_path / "other.sqlite")
    try:
        xlsx_year.apply_year_import(other, xlsx_year.plan_year_import(other, again))
        a, b = facts(store, YEAR), facts(other, YEAR)
        for part in a:
            assert b[part] == a[part], part
    finally:
        other.close()
