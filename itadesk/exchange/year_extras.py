"""The sheets a year's workbook gained after its first layout, and what they hold.

The first layout (``year_sheets``) carried the office, framework, scores, texts,
analyses, measures, status history and memos. These carry the rest of the year
(``year_book``): the result categories and the result as NACC published it, the
assessment issues, the evidence of each question item, the year's own document
outlines and the plans across years that cover it. Three columns joined sheets
of the first layout where a value belongs to a row already there: the EIT rule
on the year's row, each tool's published verdict beside its score, each level's
explanation beside its range. The analyses' development points had a column
from the start, left empty until now (``LAYOUT``).

Each sheet is a table a clerk can read and edit: Thai headers, choices written
as the Thai words the window shows, records tied by order numbers (ลำดับแผน,
ลำดับโครงการ, ลำดับมาตรการ) rather than ids. A plan's hierarchy is written as
the numbers the printed plan shows (1, 1.2, 1.2.1). An outline's options, which
differ from one kind of block to the next, sit in a cell as JSON.

An older itadesk reads a workbook of this layout as before: it looks only for
its own sheets and headers, and the format mark keeps its version.
"""

from __future__ import annotations

import json

from ..domain.labels import ISSUE_FIELDS
from ..domain.results import TOOL_RULES_TH, VERDICTS, Statement
from ..errors import ValidationError
from ..outline.blocks import kind_spec
from ..store.plans import PLAN_FIELDS, PLAN_MEASURE_FIELDS
from ..store.results import CATEGORY_FIELDS, RESULT_FIELDS
from .workbook_checks import NO, YES
from .year_book import YearBook

LAYOUT = 2  # 1: the first layout (its development points column was always empty)

# the document kinds an outline shapes, named as the documents tab names them
OUTLINE_DOCS = {
    "memo": "บันทึกข้อความรายงานผลการดำเนินการตามมาตรการ",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "plan": "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "scores": "สรุปผลคะแนนการประเมิน ITA",
}
VERDICT_LABELS = {v: v for v in VERDICTS}
# whose outline a row is: the year's own, or the office's default for new years
SCOPES = {"year": "ปีนี้", "office": "ค่าเริ่มต้นของหน่วยงาน"}

# columns added to sheets of the first layout: (sheet, header) → the part it carries
EIT_RULE, VERDICT, EXPLANATION = "คำนวณ EIT จากส่วนย่อย", "ผลที่ประกาศ", "คำอธิบายระดับ"
NEW_COLUMNS: dict[tuple[str, str], str] = {
    ("ปี", EIT_RULE): "eit_rule", ("เครื่องมือ", VERDICT): "verdicts", ("ระดับผลการประเมิน", EXPLANATION): "explanations",
}
COLUMN_NOTES = {
    EIT_RULE: "ใช่ = เมื่อกรอกเฉพาะคะแนน EIT ส่วนที่ 1 และ 2 โปรแกรมคำนวณคะแนน EIT ให้",
    VERDICT: "ผ่าน/ไม่ผ่าน ตามที่ ป.ป.ช. ประกาศ (เว้นว่าง = ตามที่คำนวณ)",
    EXPLANATION: "ข้อความที่พิมพ์ใต้ระดับในเอกสาร",
}

PF, PM = PLAN_FIELDS, PLAN_MEASURE_FIELDS
PLAN_NO, NODE_NO, PM_NO = "ลำดับแผน", "เลขที่มิติ/ภารกิจ", "ลำดับโครงการ"
DRAWN = "มาตรการของปีที่ดึงจากรายการนี้"

EXTRA_SHEETS: dict[str, list[tuple[str, str]]] = {
    "ผลการประเมินตามเกณฑ์": [
        (CATEGORY_FIELDS["name"], "เรียงตามลำดับที่ตรวจ: ผลแรกที่เข้าเงื่อนไขคือผลของปี"),
        (CATEGORY_FIELDS["overall_min"], "๐–๑๐๐ (เว้นว่าง = ไม่กำหนด)"), (CATEGORY_FIELDS["overall_max"], "๐–๑๐๐ (เว้นว่าง = ไม่กำหนด)"),
        (CATEGORY_FIELDS["tools"], " / ".join(TOOL_RULES_TH.values()))],
    "ผลที่ประกาศ": [("รหัส", "ชนิดของข้อมูล (อย่าแก้)"), ("รายการ", ""), ("ค่า", "วันที่ของ Excel / จำนวนเต็ม / ข้อความ")],
    "ประเด็นการประเมิน": [(ISSUE_FIELDS["title"], "ชื่อเดียวกับช่อง “ประเด็นการประเมินที่ตอบ” ของมาตรการในประเด็นนี้"),
                          (ISSUE_FIELDS["detail"], "")],
    "หลักฐานข้อคำถาม": [("รหัสข้อ", "รหัสในแผ่นงานข้อคำถาม"), ("ข้อคำถาม", "ชื่อ (เพื่ออ่าน ไม่ได้นำเข้า)"),
                        ("เผยแพร่บนเว็บไซต์แล้ว", "ใช่/ไม่ใช่"), ("ขั้นตอนการเข้าถึงบนเว็บไซต์", "")],
    "ลิงก์หลักฐานข้อคำถาม": [("รหัสข้อ", ""), ("ชื่อหลักฐาน", ""), ("ลิงก์", "")],
    "รูปแบบเอกสาร": [("ใช้กับ", " / ".join(SCOPES.values()) + " (ค่าเริ่มต้นนำเข้าเฉพาะฐานข้อมูลที่ยังว่าง)"),
                     ("เอกสาร", " / ".join(OUTLINE_DOCS.values())), ("รูปแบบตั้งต้น", "ชื่อรูปแบบที่ใช้เริ่ม (อย่าแก้)"),
                     ("ตัวเลือกของเอกสาร", "JSON (อย่าแก้ถ้าไม่แน่ใจ)")],
    "บล็อกของเอกสาร": [("ใช้กับ", ""), ("เอกสาร", "เรียงบล็อกตามลำดับที่พิมพ์"), ("รหัสบล็อก", "อย่าแก้"),
                       ("ชนิดบล็อก", "ชื่อชนิดบล็อกในโปรแกรม"),
                       ("ชื่อบล็อก", ""), ("พิมพ์", "ใช่/ไม่ใช่"), ("ข้อความ", ""), ("ตัวเลือกของบล็อก", "JSON (อย่าแก้ถ้าไม่แน่ใจ)")],
    "แผน": [(PLAN_NO, "เลขที่ใช้อ้างในแผ่นงานของแผน"), (PF["title"], "แผนชื่อเดียวกันในฐานข้อมูลที่นำเข้าจะถูกแทนที่"),
            (PF["first_year"], "ปี พ.ศ."), (PF["last_year"], "ปี พ.ศ."), (PF["note"], "")],
    "มิติและภารกิจของแผน": [(PLAN_NO, ""), ("เลขที่", "1 = มิติที่ 1, 1.2 = ภารกิจที่ 2 ของมิติที่ 1, 1.2.1 = ภารกิจย่อย"),
                            ("ชื่อมิติ/ภารกิจ", "")],
    "โครงการในแผน": [(PM_NO, "เลขที่ใช้อ้างในแผ่นงานงบประมาณและหลักฐานของโครงการ"), (PLAN_NO, ""),
                     (NODE_NO, "เลขที่ในแผ่นงานมิติและภารกิจของแผน"), (PM["kind"], "มาตรการ/โครงการ/กิจกรรม"), (PM["title"], ""),
                     (PM["units"], ""), (PM["start"], "วันที่ของ Excel"), (PM["end"], "วันที่ของ Excel"), (PM["note"], ""),
                     (DRAWN, "ลำดับในแผ่นงานมาตรการ คั่นด้วยจุลภาค (มาตรการที่ดึงจากแผนแล้ว)")],
    "งบประมาณตามแผน": [(PM_NO, ""), ("ชื่อโครงการ", "ชื่อ (เพื่ออ่าน ไม่ได้นำเข้า)"), ("ปีงบประมาณ", "ปี พ.ศ."),
                       ("งบประมาณ (บาท)", "ตัวเลข (๐ = อยู่ในแผนโดยไม่ใช้งบประมาณ)")],
    "หลักฐานโครงการในแผน": [(PM_NO, ""), ("ชื่อหลักฐาน", ""), ("ลิงก์", "")],
}
PLAN_SHEETS = ("แผน", "มิติและภารกิจของแผน", "โครงการในแผน", "งบประมาณตามแผน", "หลักฐานโครงการในแผน")
SHEET_PARTS: dict[str, str] = {
    "ผลการประเมินตามเกณฑ์": "categories", "ผลที่ประกาศ": "statement", "ประเด็นการประเมิน": "issues",
    "หลักฐานข้อคำถาม": "evidence", "ลิงก์หลักฐานข้อคำถาม": "evidence", "รูปแบบเอกสาร": "outlines", "บล็อกของเอกสาร": "outlines",
    **dict.fromkeys(PLAN_SHEETS, "plans"),
}
EXTRA_NOTES = {
    "ผลที่ประกาศ": "ผลการประเมินตามที่ ป.ป.ช. ประกาศ (ผลรายเครื่องมืออยู่ในแผ่นงานเครื่องมือ)",
    "ประเด็นการประเมิน": "เรียงตามลำดับที่พิมพ์ในเอกสาร",
    "รูปแบบเอกสาร": "เอกสารที่ปีนี้มีรูปแบบของตัวเอง (นอกนั้นใช้ค่าเริ่มต้นของหน่วยงาน) และค่าเริ่มต้นของหน่วยงานสำหรับปีใหม่",
    "แผน": "แผนหลายปีที่ครอบคลุมปีนี้หรือปีงบประมาณถัดไป",
}
WIDE = {"รายละเอียดของประเด็น (บรรทัดละข้อ)", "ขั้นตอนการเข้าถึงบนเว็บไซต์", "ตัวเลือกของบล็อก", "ตัวเลือกของเอกสาร",
        PM["title"], "ชื่อมิติ/ภารกิจ", "ชื่อโครงการ", "ชื่อหลักฐาน", "ลิงก์", EXPLANATION, CATEGORY_FIELDS["name"]}


def dump(options: dict) -> str | None:
    """Options as one cell of JSON (Thai kept readable); no options: an empty cell."""
    return json.dumps(options, ensure_ascii=False, sort_keys=True) if options else None


def _text(value) -> str | None:
    return value if value not in (None, "") else None


def statement_rows(st: Statement) -> list[list]:
    d, p = st.rank_district, st.rank_province
    values = {"published": st.published, "rank_district": d.place if d else None, "rank_district_of": d.of if d else None,
              "rank_province": p.place if p else None, "rank_province_of": p.of if p else None,
              "level_stated": _text(st.level), "category_stated": _text(st.category)}
    return [[key, label, values[key]] for key, label in RESULT_FIELDS.items()]


def extra_rows(book: YearBook) -> dict[str, list[list]]:
    """The rows (without headers) of every sheet of ``EXTRA_SHEETS``."""
    view = book.view
    fw = view.framework
    out: dict[str, list[list]] = {name: [] for name in EXTRA_SHEETS}
    out["ผลการประเมินตามเกณฑ์"] = [[c.name, c.overall_min, c.overall_max, TOOL_RULES_TH.get(c.tools, c.tools)]
                                  for c in fw.categories]
    out["ผลที่ประกาศ"] = statement_rows(view.result.stated if view.result else Statement())
    out["ประเด็นการประเมิน"] = [[i.title, _text(i.detail)] for i in view.issues]
    for item in fw.items:
        ev = view.evidence.get(item.code)
        out["หลักฐานข้อคำถาม"].append([item.code, _text(item.title_th), YES if ev and ev.published else NO,
                                       _text(ev.steps) if ev else None])
        out["ลิงก์หลักฐานข้อคำถาม"] += [[item.code, _text(e.title), _text(e.link)] for e in (ev.links if ev else [])]
    for scope, outlines in (("year", book.outlines or {}), ("office", book.office_outlines)):
        for kind, outline in outlines.items():
            whose, doc = SCOPES[scope], OUTLINE_DOCS.get(kind, kind)
            out["รูปแบบเอกสาร"].append([whose, doc, _text(outline.preset), dump(outline.options)])
            out["บล็อกของเอกสาร"] += [[whose, doc, b.key, _block_label(b.kind), _text(b.title), YES if b.enabled else NO,
                                       _text(b.text), dump(b.options)] for b in outline.blocks]
    drawn: dict[int, list[int]] = {}
    for n, pm in sorted(book.drawn.items()):
        drawn.setdefault(pm, []).append(n)
    pm_no = 0
    for plan_no, plan in enumerate(book.plans or [], 1):
        out["แผน"].append([plan_no, plan.title, plan.first_year, plan.last_year, _text(plan.note)])
        for node, path in plan.walk():
            number = ".".join(str(k) for k in path)
            out["มิติและภารกิจของแผน"].append([plan_no, number, node.title])
            for m in node.measures:
                pm_no += 1
                out["โครงการในแผน"].append([pm_no, plan_no, number, m.kind, m.title, _text(m.units), m.start, m.end,
                                           _text(m.note), ", ".join(str(n) for n in drawn.get(m.id, [])) or None])
                out["งบประมาณตามแผน"] += [[pm_no, m.title, year, amount] for year, amount in sorted(m.budgets.items())]
                out["หลักฐานโครงการในแผน"] += [[pm_no, _text(e.title), _text(e.link)] for e in m.links]
    return out


def _block_label(kind: str) -> str:
    try:
        return kind_spec(kind).label
    except ValidationError:  # a kind this itadesk does not know: kept by its code
        return kind
