"""Status forms: one workbook per unit out, filled by a script and by LibreOffice, back in."""

from __future__ import annotations

import datetime as _dt

import openpyxl
import pytest

from itadesk.cli import main
from itadesk.domain.vocab import STATUS_TH
from itadesk.errors import ExportError
from itadesk.exchange import status_forms as sf
from itadesk.exchange.workbook_checks import KIND_SHEET, WorkbookError
from tests.workbooks import fill_form, sha256, soffice, through_libreoffice

YEAR = 2569  # its measures run in fiscal year 2570: round 6 is 1 Oct 2026 – 31 Mar 2027
DAY = _dt.date(2027, 3, 15)
IN_PROGRESS, DONE, NOT_STARTED = (STATUS_TH[k] for k in ("in_progress", "done", "not_started"))


def _titles(store) -> dict[str, int]:
    return {s.measure.title: s.measure.id for s in store.view(YEAR).states}


def _form(paths, unit: str):
    return next(p for p in paths if p.name == sf.file_name(YEAR, "6", unit))


def test_one_form_per_unit_as_the_unit_sees_it(demo_store, tmp_path):
    view = demo_store.view(YEAR)
    paths = sf.write_forms(view, "6", tmp_path)
    units = sf.units_of(view)
    assert [p.name for p in paths] == [sf.file_name(YEAR, "6", u) for u in units]
    assert "กองคลัง" in units and len(paths) == len(units)
    wb = openpyxl.load_workbook(_form(paths, "กองคลัง"))
    assert wb.sheetnames == [sf.SHEET, KIND_SHEET] and wb[KIND_SHEET].sheet_state == "hidden"
    ws = wb[sf.SHEET]
    # the unit's own measures and their steps, nothing else
    expected = [s.measure for s in units["กองคลัง"]]
    first, last = sf.HEADER_ROW + 1, sf.HEADER_ROW + len(expected)
    assert [ws.cell(r, sf.COL[sf.TITLE]).value for r in range(first, last + 1)] == [m.title for m in expected]
    assert ws.cell(first, sf.COL["ขั้นตอนการดำเนินงาน"]).value.startswith("๑. " + expected[0].steps[0])
    assert [c.value for c in ws[sf.HEADER_ROW]] == sf.HEADERS
    assert "กองคลัง" in ws["B3"].value and "รอบ ๖ เดือน" in ws["B2"].value
    # the status is a drop-down of the three states; progress and date are checked by Excel too
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    status_rule = rules[f"G{first}:G{last}"]
    assert status_rule.type == "list" and status_rule.formula1 == '"' + ",".join(STATUS_TH.values()) + '"'
    assert rules[f"H{first}:H{last}"].type == "whole" and rules[f"I{first}:I{last}"].type == "date"
    # protected: only the yellow cells may be typed in; the key column is hidden
    assert ws.protection.sheet
    for r in (first, last):
        assert all(not ws.cell(r, sf.COL[h]).protection.locked for h in (sf.STATUS, sf.PROGRESS, sf.DAY, sf.NOTE))
        assert all(ws.cell(r, sf.COL[h]).protection.locked for h in (sf.KEY, sf.TITLE, "ขั้นตอนการดำเนินงาน"))
    assert ws.column_dimensions["A"].hidden
    # print-ready: A4 landscape, one page wide, the header row on every page, a Thai office font
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${sf.HEADER_ROW}:${sf.HEADER_ROW}"
    assert ws.cell(first, sf.COL[sf.TITLE]).font.name == "TH SarabunPSK"


def test_forms_are_never_written_over(demo_store, tmp_path):
    sf.write_forms(demo_store.view(YEAR), "6", tmp_path)
    target = tmp_path / sf.file_name(YEAR, "6", "กองคลัง")
    before = sha256(target)
    with pytest.raises(ExportError) as info:
        sf.write_forms(demo_store.view(YEAR), "6", tmp_path)
    assert "จะไม่เขียนทับ" in info.value.message_th and target.name in info.value.message_th
    assert sha256(target) == before


def _answers(store):
    t = list(_titles(store))
    # t[2] belongs to สำนักปลัดเทศบาล, กองคลัง and กองช่าง; t[10] to กองคลัง only; t[1] to กองการเจ้าหน้าที่;
    # t[0] (สำนักปลัดเทศบาล, กองการเจ้าหน้าที่) was reported "in progress, 20 %" in the demo
    return t, {
        "กองคลัง": {t[2]: (IN_PROGRESS, 60, DAY, "จัดทำร่างคู่มือแล้ว"), t[10]: (DONE, None, None, None)},
        "สำนักปลัดเทศบาล": {t[2]: (IN_PROGRESS, 60, DAY, "จัดทำร่างคู่มือแล้ว"), t[0]: (IN_PROGRESS, "๓๕", DAY, "อบรมรุ่นแรกแล้ว")},
        "กองการเจ้าหน้าที่": {t[1]: (NOT_STARTED, None, None, "รออนุมัติงบประมาณ")},
    }


def _filled(store, tmp_path):
    paths = sf.write_forms(store.view(YEAR), "6", tmp_path / "out")
    _t, answers = _answers(store)
    (tmp_path / "back").mkdir()
    return [fill_form(_form(paths, unit), a, tmp_path / "back" / _form(paths, unit).name) for unit, a in answers.items()]


def _facts(result):
    return sorted((c.measure_id, c.new.status, c.new.progress, c.new.date, c.new.note, c.new.round) for c in result.changes)


def test_a_form_filled_by_a_script_imports_the_expected_changes(demo_store, tmp_path):
    filled = _filled(demo_store, tmp_path)
    ids = _titles(demo_store)
    t, _a = _answers(demo_store)
    result = sf.read_forms(demo_store, [tmp_path / "back"])  # a folder: every form in it
    end_of_round = _dt.date(2027, 3, 31)
    assert _facts(result) == sorted([
        (ids[t[2]], "in_progress", 60, DAY, "จัดทำร่างคู่มือแล้ว", "6"),  # reported by two units alike: once
        (ids[t[10]], "done", 100, end_of_round, "", "6"),  # done without a progress or a date: 100 %, the round's end
        (ids[t[0]], "in_progress", 35, DAY, "อบรมรุ่นแรกแล้ว", "6"),  # Thai digits typed as text
        (ids[t[1]], "not_started", 0, end_of_round, "รออนุมัติงบประมาณ", "6"),
    ])
    old = {c.measure_id: c.old for c in result.changes}
    assert old[ids[t[10]]] is None and old[ids[t[2]]] is None
    assert (old[ids[t[0]]].status, old[ids[t[0]]].progress) == ("in_progress", 20)
    assert "เปลี่ยน 4 มาตรการ" in result.lines()[0]
    line = next(c.line() for c in result.changes if c.measure_id == ids[t[0]])
    assert line.startswith(t[0]) and "อยู่ระหว่างดำเนินการ ร้อยละ 20 → อยู่ระหว่างดำเนินการ ร้อยละ 35" in line
    before = {m: len(demo_store.status_updates(m)) for m in ids.values()}
    sf.apply_forms(demo_store, result)
    assert demo_store.undo_label() == result.label
    assert demo_store.view(YEAR).state(ids[t[10]]).status_in("6") == "done"
    assert sum(len(demo_store.status_updates(m)) for m in ids.values()) == sum(before.values()) + 4
    # the same forms again change nothing; one Ctrl+Z takes all four back
    again = sf.read_forms(demo_store, filled)
    assert again.changes == [] and again.unchanged == 5
    demo_store.undo()
    assert {m: len(demo_store.status_updates(m)) for m in ids.values()} == before


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
def test_a_form_saved_by_libreoffice_imports_the_same(demo_store, tmp_path):
    filled = _filled(demo_store, tmp_path)
    by_script = sf.read_forms(demo_store, filled)
    converted = [through_libreoffice(p, tmp_path / "lo") for p in filled]
    assert all(openpyxl.load_workbook(p)[KIND_SHEET].sheet_state == "hidden" for p in converted)
    by_calc = sf.read_forms(demo_store, converted)
    assert _facts(by_calc) == _facts(by_script) and len(_facts(by_calc)) == 4


def test_cells_that_contradict_or_disagree_are_named_and_nothing_is_written(demo_store, demo_path, tmp_path):
    paths = sf.write_forms(demo_store.view(YEAR), "6", tmp_path / "out")
    t = list(_titles(demo_store))
    bad = fill_form(_form(paths, "กองคลัง"), {t[2]: (NOT_STARTED, 40, None, None), t[10]: (IN_PROGRESS, None, "31/3/2570", None)},
                    tmp_path / "คลัง.xlsx")
    ok = fill_form(_form(paths, "กองช่าง"), {t[2]: (IN_PROGRESS, 50, DAY, None)}, tmp_path / "ช่าง.xlsx")
    other = fill_form(_form(paths, "สำนักปลัดเทศบาล"), {t[2]: (IN_PROGRESS, 70, DAY, None)}, tmp_path / "ปลัด.xlsx")
    digest = sha256(demo_path)
    with pytest.raises(WorkbookError) as info:
        sf.read_forms(demo_store, [bad, ok, other])
    problems = info.value.problems
    assert any(p.startswith("ไฟล์ คลัง.xlsx แผ่นงาน “แบบรายงาน” แถว") and "คอลัมน์ H (ร้อยละความก้าวหน้า)" in p
               and "ยังไม่ดำเนินการ" in p for p in problems)
    assert any("คอลัมน์ I (วันที่รายงาน)" in p and "“31/3/2570”" in p and "ข้อความ (ปี พ.ศ.)" in p for p in problems)
    assert any("ปลัด.xlsx" in p and "ต่างจาก ช่าง.xlsx แถว" in p for p in problems)
    demo_store.close()
    assert sha256(demo_path) == digest


def test_command_line_forms_out_and_back(demo_path, tmp_path, capsys):
    out = tmp_path / "forms"
    assert main(["status-forms", "--db", str(demo_path), "--year", str(YEAR), "--round", "6", "--out", str(out)]) == 0
    assert "7 forms written" in capsys.readouterr().out
    form = out / sf.file_name(YEAR, "6", "กองคลัง")
    wb = openpyxl.load_workbook(form)
    ws = wb[sf.SHEET]
    ws.cell(sf.HEADER_ROW + 1, sf.COL[sf.STATUS]).value = DONE
    wb.save(form)
    digest = sha256(demo_path)
    assert main(["status-import", str(form), "--db", str(demo_path), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "เปลี่ยน 1 มาตรการ" in printed and "→ ดำเนินการเรียบร้อยแล้ว ร้อยละ 100" in printed and "--dry-run" in printed
    assert sha256(demo_path) == digest
    assert main(["status-import", str(out), "--db", str(demo_path)]) == 0
    assert "recorded: 1" in capsys.readouterr().out
    assert sha256(demo_path) != digest
