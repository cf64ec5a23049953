"""Bad files: each is refused with a Thai message naming what is wrong (and where), no
traceback, and the database file byte for byte as it was (sha256 before and after)."""

from __future__ import annotations

import datetime as _dt
import zipfile

import openpyxl
import pytest

from itadesk.cli import main
from itadesk.exchange import status_forms as sf
from itadesk.exchange import xlsx_year
from itadesk.store.store import Store
from tests.workbooks import sha256


def _year_book(db, tmp_path):
    s = Store.open(db)
    try:
        return xlsx_year.export_year(s, 2568, tmp_path / "ปี2568.xlsx")
    finally:
        s.close()


def _form(db, tmp_path):
    s = Store.open(db)
    try:
        paths = sf.write_forms(s.view(2569), "6", tmp_path / "forms")
    finally:
        s.close()
    return next(p for p in paths if "กองคลัง" in p.name)


def _edit(path, sheet, edit):
    wb = openpyxl.load_workbook(path)
    edit(wb[sheet])
    wb.save(path)
    return path


FIRST = sf.HEADER_ROW + 1  # the first measure's row in a status form


# (name, which command reads it, how the bad file is made, what the message must say)
def _text_file(db, t):
    p = t / "คะแนน.xlsx"
    p.write_text("O1,100\nO2,50\n", encoding="utf-8")
    return p


def _old_xls(db, t):
    p = t / "old.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    return p


def _ods(db, t):
    p = t / "calc.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return p


def _damaged(db, t):
    p = t / "damaged.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "this is not xml <")
    return p


def _plain(db, t):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "รายงานทั่วไป"
    wb.save(t / "plain.xlsx")
    return t / "plain.xlsx"


def _missing_header(db, t):
    return _edit(_year_book(db, t), "มาตรการ", lambda ws: setattr(ws["C1"], "value", "ชื่อโครงการ"))


def _form_missing_header(db, t):
    return _edit(_form(db, t), sf.SHEET, lambda ws: setattr(ws.cell(sf.HEADER_ROW, sf.COL[sf.STATUS]), "value", "สถานะงาน"))


def _formula(db, t):
    def edit(ws):
        ws.cell(FIRST, sf.COL[sf.STATUS]).value = "อยู่ระหว่างดำเนินการ"
        ws.cell(FIRST, sf.COL[sf.PROGRESS]).value = "=40+10"
    return _edit(_form(db, t), sf.SHEET, edit)


def _merged(db, t):
    return _edit(_form(db, t), sf.SHEET, lambda ws: ws.merge_cells(f"J{FIRST}:J{FIRST + 1}"))


def _ten_thousand_rows(db, t):
    def edit(ws):
        for k in range(10_000):
            ws.append([1, k + 1, f"ขั้นที่ {k + 1}"])
    return _edit(_year_book(db, t), "ขั้นตอน", edit)


def _date_text_be(db, t):
    return _edit(_year_book(db, t), "มาตรการ", lambda ws: setattr(ws["E2"], "value", "1/10/2568"))


def _date_text_ce(db, t):
    def edit(ws):
        ws.cell(FIRST, sf.COL[sf.STATUS]).value = "อยู่ระหว่างดำเนินการ"
        ws.cell(FIRST, sf.COL[sf.PROGRESS]).value = 30
        ws.cell(FIRST, sf.COL[sf.DAY]).value = "15/03/2027"
    return _edit(_form(db, t), sf.SHEET, edit)


def _be_year_in_a_date(db, t):
    def edit(ws):
        ws.cell(FIRST, sf.COL[sf.STATUS]).value = "อยู่ระหว่างดำเนินการ"
        ws.cell(FIRST, sf.COL[sf.PROGRESS]).value = 30
        ws.cell(FIRST, sf.COL[sf.DAY]).value = _dt.date(2570, 3, 15)  # Excel took the BE year as CE
    return _edit(_form(db, t), sf.SHEET, edit)


def _row_added_by_the_unit(db, t):
    def edit(ws):
        ws.insert_rows(FIRST + 1)  # as after unprotecting the sheet: a row of its own, no measure behind it
        ws.cell(FIRST + 1, sf.COL[sf.STATUS]).value = "ดำเนินการเรียบร้อยแล้ว"
        ws.cell(FIRST + 1, sf.COL[sf.NOTE]).value = "โครงการใหม่ของกอง"
    return _edit(_form(db, t), sf.SHEET, edit)


def _decimal_comma(db, t):
    return _edit(_year_book(db, t), "ตัวชี้วัด", lambda ws: setattr(ws["D2"], "value", "88,37"))


CASES = [
    ("not a workbook", "xlsx", _text_file, ["คะแนน.xlsx", "ไม่ใช่ไฟล์ Excel (.xlsx)"]),
    ("old .xls", "status", _old_xls, ["old.xlsx", "Excel รุ่นเก่า (.xls)"]),
    (".ods", "xlsx", _ods, ["calc.xlsx", "LibreOffice (.ods)", ".xlsx"]),
    ("damaged", "xlsx", _damaged, ["damaged.xlsx", "เปิดไม่ได้"]),
    ("another program's workbook", "status", _plain, ["plain.xlsx", "ไม่ใช่แบบรายงานสถานะมาตรการของ itadesk"]),
    ("a status form given as a year", "xlsx", _form, ["เป็นแบบรายงานสถานะมาตรการของ itadesk ไม่ใช่ข้อมูลทั้งปีของ itadesk"]),
    ("a year given as status forms", "status", _year_book, ["เป็นข้อมูลทั้งปีของ itadesk ไม่ใช่แบบรายงานสถานะมาตรการของ itadesk"]),
    ("missing header (year)", "xlsx", _missing_header, ["แผ่นงาน “มาตรการ” แถว 1", "ไม่พบหัวคอลัมน์ “ชื่อมาตรการ/โครงการ/กิจกรรม”"]),
    ("missing header (form)", "status", _form_missing_header, [f"แผ่นงาน “แบบรายงาน” แถว {sf.HEADER_ROW}", "“สถานะ”"]),
    ("formula", "status", _formula, [f"แถว {FIRST} คอลัมน์ H (ร้อยละความก้าวหน้า)", "มีสูตร “=40+10”"]),
    ("merged cells", "status", _merged, ["แผ่นงาน “แบบรายงาน”", f"ผสานเซลล์ J{FIRST}:J{FIRST + 1}"]),
    ("10,000 rows", "xlsx", _ten_thousand_rows, ["แผ่นงาน “ขั้นตอน”", "แถว เกินกว่าที่ itadesk รับได้"]),
    ("date as text, BE", "xlsx", _date_text_be, ["แผ่นงาน “มาตรการ” แถว 2 คอลัมน์ E (วันเริ่มต้น)", "“1/10/2568”", "(ปี พ.ศ.)"]),
    ("date as text, CE", "status", _date_text_ce, [f"แถว {FIRST} คอลัมน์ I (วันที่รายงาน)", "“15/03/2027”", "(ปี ค.ศ.)"]),
    ("BE year in a date", "status", _be_year_in_a_date, [f"แถว {FIRST} คอลัมน์ I", "มีปีเป็น พ.ศ."]),
    ("a row the unit added", "status", _row_added_by_the_unit, [f"แถว {FIRST + 1}", "เพิ่มแถวเองไม่ได้"]),
    ("decimal comma", "xlsx", _decimal_comma, ["แผ่นงาน “ตัวชี้วัด” แถว 2 คอลัมน์ D (คะแนน)", "ใช้จุดทศนิยม"]),
]


@pytest.mark.parametrize(("name", "command", "make", "says"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_is_refused_and_the_database_untouched(name, command, make, says, demo_path, tmp_path, capsys):
    bad = make(demo_path, tmp_path)
    capsys.readouterr()
    digest = sha256(demo_path)
    args = (["xlsx", "import", str(bad), "--db", str(demo_path), "--replace"] if command == "xlsx"
            else ["status-import", str(bad), "--db", str(demo_path)])
    assert main(args) == 1
    out = capsys.readouterr()
    assert out.err.startswith("ผิดพลาด: ") and "Traceback" not in out.err + out.out
    for needle in says:
        assert needle in out.err, f"{name}: {needle!r} not in\n{out.err}"
    if command == "status" or "แผ่นงาน" in " ".join(says):
        assert bad.name in out.err  # the file is named too
    assert sha256(demo_path) == digest
