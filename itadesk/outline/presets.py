"""Starting outlines: today's four documents, and one per seed document's structure.

A preset is a starting point the clerk then edits (blocks added, moved, renamed,
switched off, options changed); the year keeps its own copy. The text a preset
holds is the wording every office uses (section titles, table headings); what
is the office's own (its name, the years) goes through placeholders
(``{office}``, ``{year}`` …) so one preset serves every office.

* ``memo``, ``measures``, ``plan``, ``scores``: the layouts itadesk printed
  before outlines (each kind's default);
* ``memo-001``: the memo as seed 001 — analysis, plan and status tables between
  the paragraphs;
* ``measures-002``: the measures report as seed 002 — cover, foreword, contents,
  six numbered sections, tool verdicts as a list, the plan grouped by issue;
* ``measures-004``: the measures document as seed 004 — no cover page, ranking
  in Arabic digits, strengths and weaknesses with development points, issue
  tables per tool, the plan one measure a row;
* ``plan-003``: the development table as seed 003 — one indicator per page with
  the title repeated, all eight columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ValidationError
from . import builtin  # noqa: F401  (registers the built-in kinds)
from .blocks import Block, Outline, new_block


@dataclass(frozen=True)
class Preset:
    name: str
    kind: str
    label: str
    build: Callable[[], list[Block]]
    default: bool = False  # the kind's layout when a year has no outline of its own
    options: tuple[tuple[str, object], ...] = ()  # the document's options (first numbered page, orientation)

    def outline(self) -> Outline:
        blocks = self.build()
        for n, b in enumerate(blocks, 1):
            b.key = str(n)
        return Outline(self.kind, blocks, self.name, dict(self.options))


b = new_block

SECTION_2 = "๒. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{office_full}"
SECTION_3 = "๓. การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ในปี พ.ศ. {year}"
SECTION_4 = "๔. การเปรียบเทียบสรุปผลจากการวิเคราะห์ในแต่ละประเด็น ดังนี้"
SECTION_5 = "๕. วิธีการนำผลการวิเคราะห์แต่ละประเด็นไปสู่การปฏิบัติ"
SECTION_6 = "๖. การวิเคราะห์ข้อจำกัดของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
DEVELOPMENT_TITLE = ("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ในปีงบประมาณ พ.ศ. {year} และ\n"
                     "การแสดงผลการนำผลการวิเคราะห์ไปสู่การปรับปรุงหรือพัฒนาองค์กรหรือรักษาระดับ\nของ{office_full}")


def _memo_today() -> list[Block]:
    return [b("memo_head"), b("memo_text"), b("status"), b("signature"), b("comment_box")]


def _memo_001() -> list[Block]:
    return [
        b("memo_head"),
        b("memo_text", "ที่มา (ย่อหน้าที่ ๑)", paras="1"),
        b("compare", "ตารางตัวชี้วัดที่ต้องพัฒนา", columns=["indicator", "assessment", "development"], which="lowest",
          indicator_label="words"),
        b("memo_text", "สิ่งที่ควรพัฒนา (ย่อหน้าที่ ๒–๕)", paras="2-5"),
        b("memo_text", "ข้อเสนอแนะ (ย่อหน้าที่ ๖)", paras="6"),
        b("plan", "ตารางมาตรการ", columns=["measure", "steps", "units", "monitoring"], group="none", measure_numbers="paren",
          step_numbers="dash", labels={"measure": "มาตรการ", "steps": "ขั้นตอนหรือวิธีการ", "units": "ผู้รับผิดชอบ",
                                       "monitoring": "การกำกับติดตาม"}),
        b("memo_text", "ผลการดำเนินการ (ย่อหน้าที่ ๗ เป็นต้นไป)", paras="7-"),
        b("status", "ตารางสถานะ", columns=["measure", "steps", "status"], style="three", measure_numbers="paren",
          labels={"measure": "มาตรการ"}),
        b("signature"),
        b("comment_box"),
    ]


def _measures_today() -> list[Block]:
    return [
        b("cover"),
        b("foreword"),
        b("contents"),
        b("heading", "๑. หลักการและเหตุผล", toc=True),
        b("year_text", "หลักการและเหตุผล", key="principles"),
        b("heading", SECTION_2, toc=True, toc_title="๒. ผลการประเมินคุณธรรมและความโปร่งใสฯ"),
        b("drafted", "ผลการประเมินภาพรวม", draft="overall"),
        b("result", heading="ผลการประเมินที่ประกาศ"),
        b("tool_scores"),
        b("ranking", caption="คะแนนรายตัวชี้วัดเรียงตามลำดับ"),
        b("heading", SECTION_3, toc=True, toc_title="๓. การวิเคราะห์ผลการประเมินคุณธรรมฯ"),
        b("drafted", "ลำดับคะแนน", draft="ranking"),
        b("drafted", "เทียบกับปีก่อน", draft="change"),
        b("strengths"),
        b("weaknesses", points="none"),
        b("analyses"),
        b("heading", SECTION_4, toc=True, toc_title="๔. การเปรียบเทียบสรุปผลจากการวิเคราะห์ฯ"),
        b("compare"),
        b("page_break", orientation="landscape"),
        b("heading", SECTION_5, toc=True, toc_title="๕. วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"),
        b("drafted", "นำตารางมาตรการ", draft="plan_intro"),
        # today's layout printed each measure's target and budget too (under its monitoring)
        b("plan", columns=["issue", "measure", "steps", "units", "period", "monitoring", "target", "budget"]),
        b("page_break", orientation="portrait"),
        b("heading", SECTION_6, toc=True, toc_title="๖. การวิเคราะห์ข้อจำกัดฯ ในการดำเนินการประเมินคุณธรรมและความโปร่งใสฯ"),
        b("limitations"),
    ]


def _measures_002() -> list[Block]:
    return [
        b("cover", "หน้าปก", lines="มาตรการส่งเสริมคุณธรรมและความโปร่งใส", tagline="Center for Integrity and Transparency Assessment"),
        b("cover", "ปกใน", lines="มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {plan_year}", emblem=False,
          own_page=False),
        b("foreword"),
        b("contents"),
        b("heading", "๑. หลักการและเหตุผล", toc=True),
        b("year_text", "หลักการและเหตุผล", key="principles"),
        b("heading", SECTION_2, toc=True, toc_title="๒. ผลการประเมินคุณธรรมและความโปร่งใสฯ"),
        b("drafted", "ผลการประเมินภาพรวม", draft="overall"),
        b("tool_scores", form="list"),
        b("heading", SECTION_3, toc=True, toc_title="๓. การวิเคราะห์ผลการประเมินคุณธรรมฯ ในปี {year}"),
        b("drafted", "นำการวิเคราะห์", draft="analysis_intro"),
        b("analyses"),
        b("heading", SECTION_4, toc=True, toc_title="๔. การเปรียบเทียบสรุปผลจากการวิเคราะห์ฯ"),
        b("compare", columns=["indicator", "assessment", "development"]),
        b("page_break", orientation="landscape"),
        b("heading", SECTION_5, toc=True, toc_title="๕. วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"),
        b("drafted", "นำตารางมาตรการ", draft="plan_intro"),
        b("plan", measure_numbers="dash"),
        b("page_break", orientation="portrait"),
        b("heading", SECTION_6, toc=True, toc_title="๖. การวิเคราะห์ข้อจำกัดฯ ในการดำเนินการประเมินคุณธรรมและความโปร่งใสฯ"),
        b("limitations"),
    ]


def _measures_004() -> list[Block]:
    return [
        b("cover", "ชื่อเรื่อง", lines="มาตรการส่งเสริมคุณธรรมและความโปร่งใส\nประจำปีงบประมาณ พ.ศ. {plan_year}", emblem=False,
          own_page=False, ornament="*****"),
        b("drafted", "ผลการประเมินภาพรวม", draft="overall"),
        b("ranking", caption="คะแนนสูงสุดรายตัวชี้วัด", with_number=False, digits="arabic"),
        b("drafted", "ลำดับคะแนน", draft="ranking"),
        b("heading", "การวิเคราะห์ข้อมูล"),
        b("drafted", "นำการวิเคราะห์", draft="analysis_intro"),
        b("strengths", heading="จุดแข็ง (ตัวชี้วัดที่ได้คะแนนมากกว่าร้อยละ {threshold}) จำนวน {count} ตัวชี้วัด"),
        b("weaknesses", sub_heading="การพัฒนาหรือการแก้ไข"),
        b("heading", "ประเด็นที่ต้องแก้ไข/ปรับปรุง", level="2"),
        b("issue_tables", labels={"development": "ประเด็นควรพัฒนา"}),
        b("heading", "ประเด็นที่จะต้องพัฒนาให้ดีขึ้น"),
        b("drafted", "จำนวนประเด็น", draft="weak_count"),
        b("weaknesses", "ประเด็นที่จะต้องพัฒนา", heading="", points="analysis", points_style="paragraph", extra=False),
        b("heading", "ข้อเสนอแนะในการจัดทำมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรม และความโปร่งใส ภายในหน่วยงานให้ดีขึ้น", level="2"),
        b("paragraph", "นำตารางมาตรการ",
          "ผู้บริหารและเจ้าหน้าที่ได้ร่วมกันพิจารณาเพื่อกำหนดมาตรการในการส่งเสริมคุณธรรมและความโปร่งใสของ{office} ดังนี้"),
        b("plan", columns=["measure", "steps", "units", "period", "monitoring"], group="none", measure_numbers="dot",
          labels={"measure": "มาตรการ/แนวทาง", "steps": "วิธีการดำเนินการ", "units": "ผู้รับผิดชอบ", "period": "ระยะเวลาดำเนินการ",
                  "monitoring": "การติดตามผล"}),
    ]


def _plan_today() -> list[Block]:
    return [
        b("cover", lines="การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร\nประจำปีงบประมาณ พ.ศ. {plan_year}"),
        b("heading", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. {plan_year}", level="0", align="center"),
        b("drafted", "คำอธิบาย", draft="development_intro", style="center"),
        b("drafted", "ผลภาพรวม", draft="overall_line", style="bold_center"),
        b("ranking", "คะแนนรายตัวชี้วัด", columns=["no", "indicator", "score"], order="number", minmax=False, with_number=False,
          labels={"no": "ตัวชี้วัด", "indicator": "รายละเอียดตัวชี้วัด"}),
        b("page_break"),
        b("development", group="measure", repeat_title=DEVELOPMENT_TITLE),
        b("page_break"),
        b("recommendations"),
    ]


def _plan_003() -> list[Block]:
    return [
        b("cover", lines="การนำผลการประเมิน ITA\nไปสู่การพัฒนาองค์กร\nประจำปีงบประมาณ พ.ศ. {plan_year}", unit="สำนักปลัด",
          office="{office}\nอำเภอ{amphoe} จังหวัด{province}"),
        b("heading", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. {year}", level="0", align="center"),
        b("drafted", "คำอธิบาย", draft="development_intro", style="center"),
        b("heading", "ผลการประเมินในภาพรวมหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year}", level="2", align="center"),
        b("drafted", "ผลภาพรวม", draft="overall_line", style="bold_center"),
        b("heading", "สรุปผลการประเมินรายตัวชี้วัด", level="2", align="center"),
        b("ranking", "คะแนนรายตัวชี้วัด", columns=["no", "indicator", "score"], order="number", minmax=False, with_number=False,
          digits="arabic", labels={"no": "ตัวชี้วัด", "indicator": "รายละเอียดตัวชี้วัด"}),
        b("page_break"),
        b("development", per_indicator=True, repeat_title=DEVELOPMENT_TITLE, labels={"measures": "มาตรการ/โครงการ กิจกรรม"}),
        b("page_break"),
        b("recommendations", heading="ข้อเสนอแนะต่อผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ\n"
                                     "ประจำปีงบประมาณ พ.ศ. {year}\n{office}"),
    ]


def _scores_today() -> list[Block]:
    return [
        b("heading", "สรุปผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", level="0", align="center",
          only_with_content=False),
        b("paragraph", "ปีและหน่วยงาน", "ประจำปีงบประมาณ พ.ศ. {year}  {office_full}", style="bold_center"),
        b("score_compare"),
        b("result"),
        b("indicator_table"),
        b("score_chart"),
        b("drafted", "ลำดับคะแนน", draft="ranking"),
        b("drafted", "เทียบกับปีก่อน", draft="change"),
    ]


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("memo", "memo", "บันทึกข้อความ (รูปแบบเดิมของโปรแกรม)", _memo_today, default=True),
    Preset("memo-001", "memo", "บันทึกข้อความ แทรกตารางวิเคราะห์ มาตรการ และสถานะระหว่างย่อหน้า (แบบเอกสารตัวอย่าง ๐๐๑)", _memo_001),
    Preset("measures", "measures", "มาตรการส่งเสริมคุณธรรมฯ (รูปแบบเดิมของโปรแกรม)", _measures_today, default=True,
           options=(("first_numbered_page", 3),)),
    Preset("measures-002", "measures", "รายงานมาตรการ ๖ หัวข้อ จัดกลุ่มมาตรการตามประเด็น (แบบเอกสารตัวอย่าง ๐๐๒)", _measures_002,
           options=(("first_numbered_page", 3),)),
    Preset("measures-004", "measures", "เอกสารมาตรการ ไม่มีปก วิเคราะห์จุดแข็ง/จุดอ่อนและตารางรายเครื่องมือ (แบบเอกสารตัวอย่าง ๐๐๔)",
           _measures_004),
    Preset("plan", "plan", "การนำผลการประเมินไปสู่การพัฒนาองค์กร (รูปแบบเดิมของโปรแกรม)", _plan_today, default=True,
           options=(("orientation", "landscape"),)),
    Preset("plan-003", "plan", "ตารางการนำผลไปสู่การพัฒนา ๘ ช่อง ตัวชี้วัดละหน้า (แบบเอกสารตัวอย่าง ๐๐๓)", _plan_003,
           options=(("orientation", "landscape"),)),
    Preset("scores", "scores", "สรุปผลคะแนน (รูปแบบเดิมของโปรแกรม)", _scores_today, default=True),
)}


def preset(name: str) -> Preset:
    found = PRESETS.get(name)
    if found is None:
        raise ValidationError("รูปแบบเอกสาร", f"ไม่มีรูปแบบ “{name}” (มี: {', '.join(PRESETS)})", f"no preset {name!r}")
    return found


def presets_for(kind: str) -> list[Preset]:
    return [p for p in PRESETS.values() if p.kind == kind]


def default_outline(kind: str) -> Outline:
    """The layout of ``kind`` when neither the year nor the office has one of its own."""
    return next(p for p in PRESETS.values() if p.kind == kind and p.default).outline()
