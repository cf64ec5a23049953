"""The demo's grouped plan and memo rounds: details of its assessment issues, steps
with their own unit, period, monitoring and status wording, development points
under the weaknesses, the foreword's date, and a 6-month memo before the 12-month
one — so every block of every preset has something to print on the demo."""

from __future__ import annotations

import datetime as _dt
import re

from ..domain.models import Memo, Step
from ..domain.thai_numbers import to_thai_digits
from ..domain.vocab import Round
from .store import Store

ISSUE_DETAIL = {
    "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ":
        "- หน่วยงานควรขับเคลื่อนมาตรการเสริมสร้างมาตรฐานทางจริยธรรม (อ้างอิงจาก O16)\n"
        "- ควรปรับปรุงคู่มือการปฏิบัติงานและมาตรฐานการให้บริการ โดยลดขั้นตอนการปฏิบัติงาน",
    "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน":
        "- หน่วยงานควรกำหนดแนวทางการจัดการเรื่องร้องเรียนการทุจริตให้ชัดเจน (อ้างอิงจาก O17–O19)\n"
        "- ควรประเมินความเสี่ยงการทุจริตประจำปีและเผยแพร่ให้บุคลากรรับทราบ",
    "การให้บริการและระบบ E-Service": "- หน่วยงานควรพัฒนาช่องทางบริการออนไลน์ และประเมินความพึงพอใจของผู้รับบริการอย่างต่อเนื่อง",
    "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ":
        "- หน่วยงานควรเผยแพร่ข้อมูลข่าวสารผ่านช่องทางที่หลากหลาย และปรับปรุงข้อมูลบนเว็บไซต์ให้เป็นปัจจุบัน",
    "การป้องกันการทุจริต": "- หน่วยงานควรขับเคลื่อนมาตรการป้องกันการทุจริตให้ครอบคลุมทุกภารกิจ (อ้างอิงจาก O34–O36)",
    "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง":
        "- หน่วยงานควรให้บุคลากรมีส่วนร่วมในการจัดทำและติดตามแผนการใช้จ่ายงบประมาณ",
    "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ": "- หน่วยงานควรกำหนดแนวทางการยืมและใช้ทรัพย์สินของราชการไว้ในคู่มือการปฏิบัติงาน",
}

# (measure title starts with, step number from 1, unit, period, monitoring, wording in the status table)
STEP_DETAILS = [
    ("มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม", 1, "สำนักปลัดเทศบาล", "ตุลาคม – พฤศจิกายน", "มีมาตรการที่ผู้บริหารอนุมัติ",
     "จัดทำมาตรการและขออนุมัติ"),
    ("มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม", 2, "กองการเจ้าหน้าที่", "ธันวาคม", "เผยแพร่อย่างน้อย ๓ ช่องทาง",
     "เผยแพร่ประมวลจริยธรรม"),
    ("มาตรการบริหารจัดการความเสี่ยงการทุจริต", 2, "หน่วยตรวจสอบภายใน", "มกราคม – กุมภาพันธ์", "รายงานผลการประเมินความเสี่ยง",
     "ประเมินความเสี่ยงแล้ว"),
]

POINTS = {
    10: ["มอบหมายผู้รับผิดชอบการประเมินความเสี่ยงการทุจริตของแต่ละกอง",
         "จัดประชุมชี้แจงมาตรการภายในเพื่อป้องกันการทุจริตแก่บุคลากรทุกระดับ",
         "รายงานผลการดำเนินการตามแผนป้องกันการทุจริตรอบ ๖ เดือนและรอบ ๑๒ เดือน"],
    9: ["ตรวจสอบข้อมูลบนเว็บไซต์ทุกหัวข้อก่อนการประเมิน"],
}

MEMO_MIDDLE = [
    "ผลการประเมินข้างต้น ชี้ให้เห็นว่าสิ่งที่ควรพัฒนาเพื่อให้หน่วยงานได้คะแนนดีขึ้น คือหน่วยงานควรให้ความสำคัญกับการป้องกันการทุจริต "
    "ในหัวข้อย่อยที่ต้องนำไปปรับปรุง ดังนี้",
    "- การประเมินความเสี่ยงเพื่อการป้องกันการทุจริต (ข้อ O34) ให้ครอบคลุมทุกภารกิจของหน่วยงาน",
    "- การเสริมสร้างวัฒนธรรมองค์กรตามนโยบาย No Gift Policy (ข้อ O31–O33)",
    "- การรายงานผลการดำเนินงานตามแผนป้องกันการทุจริตรอบ ๖ เดือน (ข้อ O36)",
    "สำนักปลัดเทศบาลจึงได้เสนอมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น ดังนี้",
]


def enrich(store: Store, year: int) -> None:
    """Add the grouped-plan details of ``year`` (after its measures and analyses exist)."""
    for issue in store.issues(year):
        if issue.title in ISSUE_DETAIL:
            store.edit_issue(issue.id, "detail", ISSUE_DETAIL[issue.title])
    for m in store.measures(year):
        for prefix, n, unit, period, monitoring, short in STEP_DETAILS:
            if m.title.startswith(prefix) and n <= len(m.steps):
                store.set_steps(m.id, [Step(s.text, unit, f"{period} {to_thai_digits(year + 1)}", monitoring, short)
                                       if k == n - 1 else s for k, s in enumerate(m.step(j) for j in range(len(m.steps)))])
                m = store.measure(m.id)
    for a in store.analyses(year):
        if a.indicator in POINTS:
            store.edit_analysis(year, a.indicator, a.id, "points", "\n".join(POINTS[a.indicator]))
    # the year's own measures report: the office's layout with the foreword dated as the clerk dates it
    foreword = next(b for b in store.outline(year, "measures").blocks if b.kind == "foreword")
    store.set_block_option(year, "measures", foreword.key, "date", "มีนาคม {plan_year}")


def six_month_memo(store: Store, year: int) -> None:
    """The memo of the 6-month round (April), drafted from the year as the window drafts it and
    worded as seed 001 like the 12-month one: each paragraph block of the memo-001 preset prints."""
    view = store.view(year)
    fields = view.memo_fields()
    store.save_memo(Memo(None, year, date=_dt.date(year - 543 + 1, 4, 5), paragraphs=memo_paragraphs(view.memo_paragraphs(Round.SIX)),
                         status_round=Round.SIX, number=f"{fields['number']}{to_thai_digits(45)}",
                         **{k: fields[k] for k in ("agency", "subject", "salutation", "closing", "signer_name", "signer_position")}))


def memo_paragraphs(first_and_last: list[str]) -> list[str]:
    """The 12-month memo as seed 001 words it: background, what should improve (with
    bullets), the measures, then where they stand."""
    first, *rest = first_and_last
    return [first, *MEMO_MIDDLE, *rest, re.sub(r"\s+", " ", "รายละเอียดปรากฏตามตารางสถานะการดำเนินงานด้านล่างนี้")]
