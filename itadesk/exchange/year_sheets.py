"""A year as one workbook: the sheets, their documented headers, and the writer.

One sheet per table of the database, headed in Thai; the first sheet, คำอธิบาย,
documents every column. Records are tied together by their order number
(ลำดับมาตรการ, ลำดับบันทึก), never by database ids: the workbook is read into
another database whose ids differ. Choices are written as the Thai words the
window shows (สถานะ, รอบ, บทบาท) and read back from them.

The content depends on the year's data only (no date of export, no ids), so
export → import into an empty database → export gives the same workbook.
"""

from __future__ import annotations

import base64
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from ..atomic import atomic_path
from ..domain import labels
from ..domain.vocab import ROLES_TH, ROUNDS_TH, STATUS_TH, TEXT_LABELS, OfficeKind
from ..domain.year import YearView
from ..errors import ExportError
from . import styles
from .workbook_checks import EXCEL_CELL_LIMIT, NO, YES, mark, put
from .year_book import YearBook
from .year_extras import COLUMN_NOTES, EXTRA_NOTES, EXTRA_SHEETS, LAYOUT, NEW_COLUMNS, extra_rows
from .year_extras import WIDE as EXTRA_WIDE

KIND = "itadesk-year"
DOC_SHEET = "คำอธิบาย"
EMBLEM_KEY = "emblem_png"
EMBLEM_CHUNK = 30000  # base64 characters per row: under Excel's limit for one cell
TABLE_STYLES = {"three": "สามช่อง (ทำเครื่องหมาย)", "one": "ช่องเดียว"}
OFFICE_KINDS = {k.value: k.value for k in OfficeKind}
SETTINGS = {"thai_digits": "พิมพ์ตัวเลขไทยในเอกสาร", "strength_threshold": "เกณฑ์จุดแข็ง (คะแนนตั้งแต่)"}
M = labels.MEASURE_FIELDS
MEMO = labels.MEMO_FIELDS

# sheet → [(header, what it holds)]; the reader finds columns by these headers
SHEETS: dict[str, list[tuple[str, str]]] = {
    "ปี": [("ปี พ.ศ.", "ปีการประเมิน ITA"), ("คะแนนผ่าน", "เกณฑ์ผ่านของปีนั้น"),
           ("กรอบยังไม่ยืนยัน", "ใช่ = กรอบการประเมินยังไม่ได้ตรวจกับประกาศของ ป.ป.ช."),
           ("หมายเหตุกรอบการประเมิน", "ข้อความ"), ("คะแนนภาพรวม", "๐–๑๐๐ ทศนิยมไม่เกิน ๒ ตำแหน่ง ใช้จุดทศนิยม")],
    "เครื่องมือ": [("รหัส", "IIT EIT EIT1 EIT2 OIT"), ("ชื่อเครื่องมือ", ""), ("น้ำหนัก", "ร้อยละ (เว้นว่างได้)"),
                   ("อยู่ภายใต้", "รหัสเครื่องมือหลัก (EIT1 และ EIT2 อยู่ภายใต้ EIT)"), ("คะแนน", "๐–๑๐๐")],
    "ตัวชี้วัด": [("ตัวชี้วัดที่", "๑–๑๐"), ("ชื่อตัวชี้วัด", ""), ("เครื่องมือ", "รหัสเครื่องมือ"), ("คะแนน", "๐–๑๐๐")],
    "ข้อคำถาม": [("รหัส", "เช่น i1 e3 o12"), ("เครื่องมือ", "รหัสเครื่องมือ"), ("ตัวชี้วัดที่", ""), ("ข้อคำถาม", ""),
                 ("ตัวชี้วัดย่อย", "เว้นว่างได้"), ("ยังไม่ยืนยัน", "ใช่/ไม่ใช่"), ("คะแนน", "๐–๑๐๐"),
                 ("คะแนนส่วนที่ 2", "ข้อ EIT ที่ประเมินสองส่วน")],
    "ระดับผลการประเมิน": [("ระดับ", ""), ("คะแนนต่ำสุด", ""), ("คะแนนสูงสุด", ""),
                          ("คะแนนเครื่องมือขั้นต่ำ", "ทุกเครื่องมือต้องได้อย่างน้อยเท่านี้ (เว้นว่างได้)")],
    "ข้อความ": [("รหัส", "ชนิดของข้อความ (อย่าแก้)"), ("หัวข้อ", "ชื่อที่แสดงในโปรแกรม"), ("ข้อความ", "")],
    "ผลการวิเคราะห์": [("ตัวชี้วัดที่", "เว้นว่างได้")] + [(v, "") for v in labels.ANALYSIS_FIELDS.values()],
    "ข้อจำกัด": [(v, "") for v in labels.LIMITATION_FIELDS.values()],
    "มาตรการ": [("ลำดับ", "เลขที่ใช้อ้างในแผ่นงานขั้นตอน ผู้รับผิดชอบ หลักฐาน และสถานะ"),
                (M["kind"], "มาตรการ/โครงการ/กิจกรรม"), (M["title"], ""), (M["issue"], ""),
                (M["start"], "วันที่ของ Excel"), (M["end"], "วันที่ของ Excel"), (M["period_text"], "ใช้แทนช่วงวันที่ถ้ามี"),
                (M["monitoring"], ""), (M["target"], ""), (M["budget"], "ตัวเลข"),
                (M["indicators"], "เลขตัวชี้วัดคั่นด้วยจุลภาค เช่น 1, 3"), (M["items"], "รหัสข้อคั่นด้วยจุลภาค เช่น o1, o2")],
    "ขั้นตอน": [("ลำดับมาตรการ", ""), ("ขั้นที่", ""), ("ขั้นตอน", ""),
                ("ผู้รับผิดชอบขั้นตอน", "ว่าง = ผู้รับผิดชอบของมาตรการ"), ("ระยะเวลาของขั้นตอน", "ว่าง = ระยะเวลาของมาตรการ"),
                ("การกำกับติดตามของขั้นตอน", "ว่าง = ของมาตรการ"), ("ข้อความในตารางสถานะ", "ว่าง = ข้อความขั้นตอน")],
    "ผู้รับผิดชอบ": [("ลำดับมาตรการ", ""), ("หน่วยงานผู้รับผิดชอบ", "เรียงตามลำดับที่พิมพ์ในเอกสาร")],
    "หลักฐาน": [("ลำดับมาตรการ", ""), ("ชื่อหลักฐาน", ""), ("ลิงก์", "")],
    "สถานะ": [("ลำดับมาตรการ", ""), ("มาตรการ", "ชื่อ (เพื่ออ่าน ไม่ได้นำเข้า)"), ("วันที่รายงาน", "วันที่ของ Excel"),
              ("รอบการรายงาน", "รอบ ๖ เดือน/รอบ ๑๒ เดือน/อื่น ๆ"), ("สถานะ", " / ".join(STATUS_TH.values())),
              ("ร้อยละความก้าวหน้า", "จำนวนเต็ม ๐–๑๐๐"), ("หมายเหตุ", "")],
    "บันทึกข้อความ": [("ลำดับ", "เลขที่ใช้อ้างในแผ่นงานย่อหน้าบันทึก")]
    + [(MEMO[k], "") for k in ("agency", "number", "date", "subject", "salutation", "closing", "signer_name",
                               "signer_position", "table_style", "include_table", "status_round", "comment_block")],
    "ย่อหน้าบันทึก": [("ลำดับบันทึก", ""), ("ย่อหน้าที่", ""), ("ข้อความ", "")],
    "หน่วยงาน": [("รหัส", "ชนิดของข้อมูล (อย่าแก้)"), ("รายการ", ""), ("ค่า", "")],
    "ส่วนราชการ": [("ชื่อส่วนราชการ", "เรียงตามลำดับที่แสดงในโปรแกรม")],
    "ผู้ลงนาม": [(v, "") for v in labels.SIGNER_FIELDS.values()],
    "การตั้งค่า": [("รหัส", "ชนิดของการตั้งค่า (อย่าแก้)"), ("รายการ", ""), ("ค่า", "")],
}
for _sheet, _header in NEW_COLUMNS:  # columns a later layout added, last in their sheets
    SHEETS[_sheet].append((_header, COLUMN_NOTES[_header]))
ALL_SHEETS = {**SHEETS, **EXTRA_SHEETS}  # the first layout's sheets, then those added after it
SHEET_NOTES = {
    "ปี": "หนึ่งแถว", "ข้อคำถาม": "คะแนนของแต่ละข้ออยู่ในแผ่นงานเดียวกัน",
    "ผลการวิเคราะห์": "เรียงตามลำดับที่แสดง", "หน่วยงาน": "ข้อมูลหน่วยงานจะนำเข้าเฉพาะฐานข้อมูลที่ยังไม่มีข้อมูลหน่วยงาน",
    "สถานะ": "ประวัติการรายงานสถานะทุกครั้ง", "ผู้ลงนาม": "บทบาท: " + " / ".join(ROLES_TH.values()), **EXTRA_NOTES,
}


def _no(value) -> str | None:
    """An optional text stays an empty cell."""
    return value if value not in (None, "") else None


def _yes(flag: bool) -> str:
    return YES if flag else NO


def year_rows(view: YearView) -> dict[str, list[list]]:
    """Every sheet's rows (without headers), in the order the database keeps them."""
    fw, sc = view.framework, view.scores
    order = {s.measure.id: n for n, s in enumerate(view.states, 1)}
    out: dict[str, list[list]] = {name: [] for name in SHEETS}
    verdicts = view.result.stated.verdicts if view.result else {}
    out["ปี"].append([view.year, fw.pass_mark, _yes(fw.unverified), _no(fw.note), sc.overall, _yes(fw.eit_from_parts)])
    out["เครื่องมือ"] = [[t.code, t.name_th, t.weight, t.parent, sc.tools.get(t.code), _no(verdicts.get(t.code))]
                         for t in fw.tools]
    out["ตัวชี้วัด"] = [[i.no, i.name_th, i.tool, sc.indicators.get(i.no)] for i in fw.indicators]
    out["ข้อคำถาม"] = [[i.code, i.tool, i.indicator, _no(i.title_th), _no(i.sub_indicator), _yes(i.uncertain),
                        sc.items.get(i.code), sc.items_part2.get(i.code)] for i in fw.items]
    out["ระดับผลการประเมิน"] = [[lv.name, lv.min, lv.max, lv.tool_min, _no(lv.explanation)] for lv in fw.levels]
    out["ข้อความ"] = [[k, TEXT_LABELS.get(k, k), v] for k, v in sorted(view.texts.items())]
    out["ผลการวิเคราะห์"] = [[a.indicator, a.topic, a.assessment, a.analysis, a.development, _no(a.points)]
                              for a in view.analyses]
    out["ข้อจำกัด"] = [[x.limitation, x.impact, x.development] for x in view.limitations]
    for s in view.states:
        m, n = s.measure, order[s.measure.id]
        out["มาตรการ"].append([n, m.kind, m.title, m.issue, m.start, m.end, m.period_text, m.monitoring, m.target, m.budget,
                              ", ".join(str(i) for i in m.indicators), ", ".join(m.items)])
        out["ขั้นตอน"] += [[n, k, st.text, st.unit, st.period, st.monitoring, st.status_text]
                           for k, st in enumerate((m.step(i) for i in range(len(m.steps))), 1)]
        out["ผู้รับผิดชอบ"] += [[n, unit] for unit in m.units]
        out["หลักฐาน"] += [[n, e.title, e.link] for e in m.evidence]
        out["สถานะ"] += [[n, m.title, u.date, ROUNDS_TH[u.round], STATUS_TH[u.status], u.progress, u.note] for u in s.history]
    for n, memo in enumerate(view.memos, 1):
        out["บันทึกข้อความ"].append([n, memo.agency, memo.number, memo.date, memo.subject, memo.salutation, memo.closing,
                                    memo.signer_name, memo.signer_position, TABLE_STYLES.get(memo.table_style, memo.table_style),
                                    _yes(memo.include_table), ROUNDS_TH.get(memo.status_round, memo.status_round),
                                    _yes(memo.comment_block)])
        out["ย่อหน้าบันทึก"] += [[n, k, p] for k, p in enumerate(memo.paragraphs, 1)]
    office = view.office
    for key, label in labels.OFFICE_FIELDS.items():
        out["หน่วยงาน"].append([key, label, getattr(office, key)])
    if office.emblem_png:
        data = base64.b64encode(office.emblem_png).decode("ascii")
        for k in range(0, len(data), EMBLEM_CHUNK):
            out["หน่วยงาน"].append([EMBLEM_KEY, "ตราสัญลักษณ์ (PNG base64)", data[k:k + EMBLEM_CHUNK]])
    out["ส่วนราชการ"] = [[u.name] for u in view.units]
    out["ผู้ลงนาม"] = [[s.name, s.position, ROLES_TH.get(s.role, s.role)] for s in view.signers]
    out["การตั้งค่า"] = [["thai_digits", SETTINGS["thai_digits"], _yes(view.thai_digits)],
                         ["strength_threshold", SETTINGS["strength_threshold"], view.strength_threshold]]
    return out


WIDE = {"ข้อความ", "ขั้นตอน", "ข้อคำถาม", M["title"], "ผลการวิเคราะห์", "ประเด็นที่ควรพัฒนา", "ค่า", "หมายเหตุ",
        labels.ANALYSIS_FIELDS["points"], *EXTRA_WIDE}


def write_year_workbook(book: YearBook, out: str | Path) -> Path:
    """Write ``book`` (``year_book.year_book``) to ``out`` (atomically)."""
    view = book.view
    wb = Workbook()
    doc = wb.active
    doc.title = DOC_SHEET
    _doc_sheet(doc, view)
    rows = year_rows(view) | extra_rows(book)
    for name, columns in ALL_SHEETS.items():
        ws = wb.create_sheet(name)
        headers = [h for h, _ in columns]
        styles.header_cells(ws, 1, headers)
        ws.freeze_panes = "A2"
        for r, values in enumerate(rows[name], 2):
            for c, value in enumerate(values, 1):
                if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
                    raise ExportError(f"แผ่นงาน “{name}” แถว {r}: ข้อความยาว {len(value):,} ตัวอักษร เกินกว่าที่ Excel เก็บได้ในช่องเดียว",
                                      "text longer than an Excel cell")
                try:
                    cell = put(ws.cell(r, c), value)
                except IllegalCharacterError:
                    raise ExportError(f"แผ่นงาน “{name}” แถว {r}: ข้อความมีอักขระควบคุมที่ Excel เก็บไม่ได้ กรุณาแก้ข้อความนี้ในโปรแกรมก่อน",
                                      "control character in text") from None
                cell.font, cell.alignment = styles.BODY, styles.WRAP_TOP
                if hasattr(value, "year"):
                    cell.number_format = styles.DATE_FORMAT
        for c, header in enumerate(headers, 1):
            ws.column_dimensions[ws.cell(1, c).column_letter].width = 60 if header in WIDE else max(12, len(header) + 4)
        styles.page_setup(ws, landscape=True, title_rows="1:1")
    mark(wb, KIND, {"year": view.year, "office": view.office.name, "layout": LAYOUT})
    try:
        with atomic_path(out) as tmp:
            wb.save(tmp)
    except OSError as err:
        raise ExportError(f"เขียนไฟล์ {out} ไม่ได้ ({err.strerror or err})", str(err)) from err
    return Path(out)


def _doc_sheet(ws, view: YearView) -> None:
    ws.cell(1, 1, f"ข้อมูลปีการประเมิน {view.year} ของ{view.office.name or 'หน่วยงาน'} จากโปรแกรม itadesk").font = styles.TITLE
    ws.cell(2, 1, "นำเข้าในโปรแกรม itadesk ของเครื่องอื่นได้ที่เมนู ไฟล์ → นำเข้า Excel… แก้ไขค่าได้ แต่อย่าเปลี่ยนชื่อแผ่นงาน"
                  "และหัวคอลัมน์ อย่าใส่สูตรหรือผสานเซลล์ วันที่ต้องเป็นวันที่ของ Excel และคะแนนใช้จุดทศนิยม").font = styles.BODY
    styles.header_cells(ws, 4, ["แผ่นงาน", "คอลัมน์", "ความหมาย"])
    r = 5
    for name, columns in ALL_SHEETS.items():
        note = SHEET_NOTES.get(name, "")
        for k, (header, meaning) in enumerate(columns):
            for c, value in enumerate((name if k == 0 else "", header, meaning or (note if k == 0 else "")), 1):
                put(ws.cell(r, c), value).font = styles.BOLD if c == 1 else styles.BODY
            r += 1
    for letter, width in (("A", 22), ("B", 34), ("C", 80)):
        ws.column_dimensions[letter].width = width
    styles.page_setup(ws, landscape=False, title_rows="4:4")
