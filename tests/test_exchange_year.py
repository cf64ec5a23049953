"""A year to one workbook and back: exact round trip, one undo step, replacing only when asked."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os

import openpyxl
import pytest

from itadesk.cli import main
from itadesk.domain.models import Measure, StatusUpdate
from itadesk.errors import ValidationError
from itadesk.exchange import xlsx_year
from itadesk.exchange.year_sheets import ALL_SHEETS, DOC_SHEET, SHEETS
from itadesk.store.demo import DEMO_YEARS
from itadesk.store.store import Store
from tests.workbooks import content, sha256


def test_round_trip_of_every_demo_year(demo_store, tmp_path):
    """export → import into an empty database → export again: the same workbook content."""
    empty = Store.open(tmp_path / "other-laptop.sqlite")
    for year in DEMO_YEARS:
        first = xlsx_year.export_year(demo_store, year, tmp_path / f"{year}.xlsx")
        plan = xlsx_year.plan_year_import(empty, first)
        assert not plan.exists and plan.office == (year == DEMO_YEARS[0])  # the office comes with the first year only
        xlsx_year.apply_year_import(empty, plan)
        again = xlsx_year.export_year(empty, year, tmp_path / f"{year}-again.xlsx")
        assert content(again) == content(first)
        # and the data is all there, not an empty workbook twice
        a, b = demo_store.view(year), empty.view(year)
        assert len(b.states) == len(a.states) > 0 and b.scores == a.scores and b.texts == a.texts
        assert [s.history for s in b.states] != [] and sum(len(s.history) for s in b.states) == sum(len(s.history) for s in a.states)
        assert [dataclasses.replace(s.measure, id=None, sort=0) for s in b.states] == \
               [dataclasses.replace(s.measure, id=None, sort=0) for s in a.states]
        assert [m.paragraphs for m in b.memos] == [m.paragraphs for m in a.memos]
    assert empty.office() == demo_store.office() and [u.name for u in empty.units()] == [u.name for u in demo_store.units()]
    empty.close()


def test_the_workbook_documents_its_headers(demo_store, tmp_path):
    wb = openpyxl.load_workbook(xlsx_year.export_year(demo_store, 2568, tmp_path / "y.xlsx"))
    assert wb.sheetnames[0] == DOC_SHEET and set(SHEETS) <= set(wb.sheetnames)
    documented, sheet = [], None
    for name, header, meaning in wb[DOC_SHEET].iter_rows(min_row=5, values_only=True):
        sheet = name or sheet  # the sheet is named on its first row
        documented.append((sheet, header, meaning))
    assert [(s, h) for s, h, _m in documented] == [(name, h) for name, cols in ALL_SHEETS.items() for h, _ in cols]
    assert set(SHEETS) < set(ALL_SHEETS)  # the sheets added after the first layout are documented too
    assert all(m for _s, _h, m in documented if _h in ("ลำดับ", "สถานะ", "คะแนน"))
    for name, columns in ALL_SHEETS.items():
        assert [c.value for c in wb[name][1]] == [h for h, _ in columns]  # each sheet headed as documented


def test_an_import_is_one_undo_step_and_replacing_needs_asking(demo_store, demo_path, tmp_path):
    book = xlsx_year.export_year(demo_store, 2568, tmp_path / "2568.xlsx")
    wb = openpyxl.load_workbook(book)
    wb["มาตรการ"]["C2"] = "=ชื่อที่ขึ้นต้นด้วยเครื่องหมายเท่ากับ"  # typed by a clerk, kept as text by the writer below
    wb["มาตรการ"]["C2"].data_type = "s"
    wb.save(book)
    plan = xlsx_year.plan_year_import(demo_store, book)
    assert plan.exists and not plan.office and plan.lines()[0].startswith("แทนที่ข้อมูลปี 2568")
    with pytest.raises(ValidationError) as info:
        xlsx_year.apply_year_import(demo_store, plan)  # not asked to replace
    assert "มีปี 2568 อยู่แล้ว" in info.value.message_th
    before_titles = [m.title for m in demo_store.measures(2568)]
    xlsx_year.apply_year_import(demo_store, plan, replace=True)
    assert demo_store.undo_label() == "แทนที่ข้อมูลปี 2568 จาก Excel"
    assert demo_store.measures(2568)[0].title == "=ชื่อที่ขึ้นต้นด้วยเครื่องหมายเท่ากับ"
    demo_store.undo()
    assert [m.title for m in demo_store.measures(2568)] == before_titles
    # as another year, beside the one there: the office of this database stays as it is
    other = xlsx_year.plan_year_import(demo_store, book, year=2570)
    assert not other.exists and not other.office
    xlsx_year.apply_year_import(demo_store, other)
    assert 2570 in demo_store.years() and len(demo_store.measures(2570)) == len(before_titles)
    demo_store.undo()
    assert 2570 not in demo_store.years()


def test_emblem_and_awkward_text_survive(store, tmp_path):
    store.add_year(2568)
    emblem = os.urandom(70_000)  # more than one cell of base64
    office = store.office()
    office.name, office.emblem_png = "อบต.ทดสอบ", emblem
    store.save_office(office)
    mid = store.save_measure(Measure(None, 2568, "=1+1 ไม่ใช่สูตร", steps=["ขั้น\nที่มีบรรทัดใหม่"], units=["กองคลัง"])).id
    store.add_status(StatusUpdate(None, mid, _dt.date(2026, 3, 31), "in_progress", "6", 45,
                                  "หมายเหตุ “อัญประกาศ” & <tag>"))
    book = xlsx_year.export_year(store, 2568, tmp_path / "y.xlsx")
    fresh = Store.open(tmp_path / "fresh.sqlite")
    xlsx_year.apply_year_import(fresh, xlsx_year.plan_year_import(fresh, book))
    assert fresh.office().emblem_png == emblem
    m = fresh.measures(2568)[0]
    assert m.title == "=1+1 ไม่ใช่สูตร" and m.steps == ["ขั้น\nที่มีบรรทัดใหม่"]
    assert fresh.status_updates(m.id)[0].note == "หมายเหตุ “อัญประกาศ” & <tag>"
    assert content(xlsx_year.export_year(fresh, 2568, tmp_path / "again.xlsx")) == content(book)
    fresh.close()


def test_command_line_export_import_dry_run_and_replace(demo_path, tmp_path, capsys):
    book = tmp_path / "2567.xlsx"
    assert main(["xlsx", "export", "--db", str(demo_path), "--year", "2567", "--out", str(book)]) == 0
    digest = sha256(demo_path)
    assert main(["xlsx", "import", str(book), "--db", str(demo_path), "--dry-run"]) == 1  # the year is there
    err = capsys.readouterr()
    assert "แทนที่ข้อมูลปี 2567" in err.out and "--replace" in err.err
    assert main(["xlsx", "import", str(book), "--db", str(demo_path), "--replace", "--dry-run"]) == 0
    assert "มาตรการ: 8 → 8" in capsys.readouterr().out
    assert main(["xlsx", "import", str(book), "--db", str(demo_path), "--year", "2570", "--dry-run"]) == 0
    assert "เพิ่มปี 2570" in capsys.readouterr().out
    assert sha256(demo_path) == digest  # dry runs wrote nothing
    assert main(["xlsx", "import", str(book), "--db", str(demo_path), "--year", "2570"]) == 0
    s = Store.open(demo_path)
    assert 2570 in s.years() and s.undo_label() == "นำเข้าข้อมูลปี 2570 จาก Excel"
    s.close()


def test_scores_from_any_sheet(demo_path, tmp_path, capsys):
    """Rows as a clerk pastes the NACC result page into Excel: a heading, codes in either case,
    Thai digits as text; then the same sheet with a decimal comma is refused whole."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["ผลการประเมิน ITA", None, None], ["รหัส", "ข้อ", "คะแนน"], ["o1", "โครงสร้าง", 75], ["I3", "การใช้อำนาจ", "๙๑.๒๕"],
                [None, None, None], ["ตัวชี้วัดที่ 10", "การป้องกันการทุจริต", 88.5]):
        ws.append(row)
    good = tmp_path / "nacc.xlsx"
    wb.save(good)
    ws["C3"] = "88,37"
    bad = tmp_path / "nacc-comma.xlsx"
    wb.save(bad)
    digest = sha256(demo_path)
    assert main(["xlsx", "import", str(bad), "--db", str(demo_path), "--year", "2568", "--scores"]) == 1
    err = capsys.readouterr().err
    assert "แผ่นงาน “Sheet” แถว 3" in err and "ใช้จุดทศนิยม" in err
    assert sha256(demo_path) == digest
    assert main(["xlsx", "import", str(good), "--db", str(demo_path), "--year", "2568", "--scores"]) == 0
    out = capsys.readouterr().out
    assert "คะแนนข้อ O1:" in out and "→ 75.00" in out and "คะแนนข้อ i3:" in out and "→ 91.25" in out
    s = Store.open(demo_path)
    sc = s.scores(2568)
    assert (sc.items["O1"], sc.items["i3"], sc.indicators[10]) == (75.0, 91.25, 88.5)
    assert s.undo_label() == "แก้ไขคะแนนปี 2568"
    s.close()
