"""The built-in block kinds: their Thai names, options, and when they have data.

``has_data`` reads the one YearView (and the memo being printed), so the editor
greys a block exactly when the renderer would leave it out.
"""

from __future__ import annotations

from ..domain.vocab import TEXT_LABELS
from .blocks import DIGITS_CHOICES, KindSpec, Option, register_kind

DIGITS = Option("digits", "ตัวเลข", "choice", "", DIGITS_CHOICES)
CAPTION = Option("caption", "ข้อความเหนือตาราง", "text", "")
LABELS = Option("labels", "หัวตาราง (แก้ชื่อช่อง)", "labels", {})
STYLE = Option("style", "รูปแบบย่อหน้า", "choice", "body", (
    ("body", "ย่อหน้าปกติ (เยื้องบรรทัดแรก กระจายเต็มบรรทัด)"), ("plain", "ชิดซ้าย ไม่เยื้อง"), ("center", "กึ่งกลาง"),
    ("right", "ชิดขวา"), ("bullet", "รายการย่อย (-)"), ("bold", "ตัวหนา ชิดซ้าย"), ("bold_center", "ตัวหนา กึ่งกลาง")))
NUMBERS = (("none", "ไม่ใส่เลข"), ("dash", "- นำหน้า"), ("paren", "๑) นำหน้า"), ("dot", "๑. นำหน้า"))


def _memo(block, view, memo) -> bool:
    return memo is not None


def _comment(block, view, memo) -> bool:
    return memo is None or memo.comment_block


def _status(block, view, memo) -> bool:
    # "as the memo says" follows the memo's own switch for its status table
    if block.opt("style") == "memo" and memo is not None and not memo.include_table:
        return False
    return bool(view.states)


def _memo_text(block, view, memo) -> bool:
    from .drafts import pick_paragraphs

    return memo is not None and bool(pick_paragraphs(memo.paragraphs, block.opt("paras")))


def _year_text(block, view, memo) -> bool:
    return bool((view.texts.get(block.opt("key")) or "").strip())


def _text(block, view, memo) -> bool:
    return bool(block.text.strip())


def _heading(block, view, memo) -> bool:
    return bool(block.title.strip())


def _foreword(block, view, memo) -> bool:
    return bool(block.text.strip() or (view.texts.get("foreword") or "").strip())


def _tools(block, view, memo) -> bool:
    return any(view.scores.tools.get(t.code) is not None for t in view.framework.tools)


def _indicators(block, view, memo) -> bool:
    return any(v is not None for v in view.scores.indicators.values())


def _strengths(block, view, memo) -> bool:
    return bool(view.strengths())


def _weaknesses(block, view, memo) -> bool:
    return bool(view.weaknesses())


def _analyses(block, view, memo) -> bool:
    return any(a.assessment.strip() or a.development.strip() or a.analysis.strip() for a in view.analyses)


def _issue_tables(block, view, memo) -> bool:
    tools = {t.strip() for t in (block.opt("tools") or "").split(",") if t.strip()}
    fw = view.framework
    for a in view.analyses:
        ind = fw.indicator(a.indicator) if a.indicator else None
        if ind and ind.tool[:3] in tools and (a.assessment.strip() or a.development.strip()):
            return True
    return False


def _measures(block, view, memo) -> bool:
    return bool(view.states)


def _development(block, view, memo) -> bool:
    return bool(view.framework.indicators) and (_indicators(block, view, memo) or bool(view.states))


def _limitations(block, view, memo) -> bool:
    return bool(view.limitations)


def _drafted(block, view, memo) -> bool:
    if block.text.strip():
        return True
    from .drafts import draft

    return bool(draft(block.opt("draft"), view, memo).strip())


def _recommendations(block, view, memo) -> bool:
    return _indicators(block, view, memo) or bool((view.texts.get("recommend_general") or "").strip())


def _scores(block, view, memo) -> bool:
    return view.scores.overall is not None or _tools(block, view, memo) or _indicators(block, view, memo)


TEXT_KEYS = tuple((k, v) for k, v in {**TEXT_LABELS, "recommend_IIT": "ข้อเสนอแนะ IIT", "recommend_EIT": "ข้อเสนอแนะ EIT",
                                      "recommend_OIT": "ข้อเสนอแนะ OIT"}.items())

BUILTIN = (
    # ---------------------------------------------------------------- page parts
    KindSpec("cover", "หน้าปก", "page", (
        Option("lines", "ชื่อเรื่อง (บรรทัดละบรรทัด)", "lines", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส\nประจำปีงบประมาณ พ.ศ. {plan_year}"),
        Option("tagline", "ข้อความรอง", "text", ""),
        Option("unit", "หน่วยงานที่จัดทำ", "text", ""),
        Option("office", "ชื่อหน่วยงาน (บรรทัดละบรรทัด)", "lines", "{office_full}"),
        Option("emblem", "พิมพ์ตราสัญลักษณ์", "bool", True),
        Option("own_page", "เป็นหน้าปกแยก (ขึ้นหน้าใหม่หลังปก)", "bool", True),
        Option("ornament", "เครื่องหมายคั่นใต้ชื่อเรื่อง (เช่น *****)", "text", ""),
        DIGITS)),
    KindSpec("foreword", "คำนำ", "page", (
        Option("heading", "หัวเรื่อง", "text", "คำนำ"),
        Option("signer", "ผู้จัดทำ (ท้ายคำนำ)", "text", ""),
        Option("date", "วันที่ของคำนำ", "text", ""),
        Option("page_break", "ขึ้นหน้าใหม่หลังคำนำ", "bool", True),
        DIGITS), _foreword, text_label="ข้อความคำนำ (ว่างไว้ = ข้อความคำนำของปีในแท็บวิเคราะห์)"),
    KindSpec("contents", "สารบัญ", "page", (
        Option("heading", "หัวเรื่อง", "text", "สารบัญ"),
        Option("col_title", "หัวช่องเรื่อง", "text", "เรื่อง"),
        Option("col_page", "หัวช่องหน้า", "text", "หน้า"),
        Option("page_break", "ขึ้นหน้าใหม่หลังสารบัญ", "bool", True),
        DIGITS)),
    KindSpec("page_break", "ขึ้นหน้าใหม่", "page", (
        Option("orientation", "แนวกระดาษหน้าถัดไป", "choice", "same",
               (("same", "เหมือนเดิม"), ("portrait", "แนวตั้ง"), ("landscape", "แนวนอน"))),)),
    # ------------------------------------------------------------------ text
    KindSpec("heading", "หัวข้อ", "text", (
        Option("level", "ระดับหัวข้อ", "choice", "1", (("0", "ชื่อเรื่อง (ตัวใหญ่)"), ("1", "หัวข้อหลัก"), ("2", "หัวข้อย่อย"),
                                                      ("3", "หัวข้อย่อยระดับ ๓"))),
        Option("align", "การจัดวาง", "choice", "left", (("left", "ชิดซ้าย"), ("center", "กึ่งกลาง"))),
        Option("toc", "แสดงในสารบัญ", "bool", False),
        Option("toc_title", "ชื่อในสารบัญ (ว่างไว้ = ชื่อหัวข้อ)", "text", ""),
        Option("only_with_content", "พิมพ์เฉพาะเมื่อเนื้อหาใต้หัวข้อมีข้อมูล", "bool", True),
        DIGITS), _heading, title_label="ข้อความหัวข้อ"),
    KindSpec("paragraph", "ย่อหน้า (พิมพ์เอง)", "text", (STYLE, DIGITS), _text,
             text_label="ข้อความ (เว้นบรรทัดระหว่างย่อหน้า)"),
    KindSpec("year_text", "ข้อความที่บันทึกไว้ของปี", "text", (
        Option("key", "ข้อความ", "choice", "principles", TEXT_KEYS), STYLE, DIGITS), _year_text),
    KindSpec("drafted", "ย่อหน้าร่างอัตโนมัติ", "text", (
        Option("draft", "ร่างจาก", "choice", "overall", (
            ("overall", "ผลการประเมินภาพรวม"), ("overall_line", "บรรทัดคะแนนภาพรวมและระดับ"), ("ranking", "ลำดับคะแนนรายตัวชี้วัด"),
            ("change", "เทียบกับปีก่อน"), ("analysis_intro", "นำการวิเคราะห์ข้อมูล"), ("weak_count", "จำนวนประเด็นที่ต้องพัฒนา"),
            ("plan_intro", "นำตารางมาตรการ"), ("development_intro", "นำตารางการนำผลไปสู่การพัฒนา"),
            ("memo_first", "บันทึก: ย่อหน้าที่มา"), ("memo_status", "บันทึก: ผลการดำเนินการ"))),
        STYLE, DIGITS), _drafted, text_label="ข้อความของท่าน (ว่างไว้ = ใช้ข้อความที่ร่างให้)", drafted=True),
    # ------------------------------------------------------------------ memo
    KindSpec("memo_head", "หัวบันทึกข้อความ", "memo", (
        Option("title", "ชื่อหนังสือ", "text", "บันทึกข้อความ"), Option("emblem", "พิมพ์ตราครุฑ", "bool", True), DIGITS), _memo),
    KindSpec("memo_text", "ข้อความในบันทึก", "memo", (
        Option("paras", "ย่อหน้าที่ (เช่น 1, 2-3, 4- ว่างไว้ = ทั้งหมด)", "text", ""), DIGITS), _memo_text),
    KindSpec("signature", "ลงนาม", "memo", (
        Option("who", "ผู้ลงนาม", "choice", "memo", (("memo", "ตามบันทึกข้อความ"), ("reporter", "ผู้รายงาน"),
                                                    ("executive", "ผู้บริหาร"), ("head", "ปลัด/หัวหน้าส่วนราชการ"), ("custom", "พิมพ์เอง"))),
        Option("closing", "พิมพ์ย่อหน้าปิดของบันทึกก่อนลงนาม", "bool", True),
        Option("name", "ชื่อ (เมื่อพิมพ์เอง)", "text", ""), Option("position", "ตำแหน่ง (เมื่อพิมพ์เอง)", "text", ""), DIGITS)),
    KindSpec("comment_box", "ช่องความเห็นและข้อสั่งการ", "memo", (), _comment),
    # ------------------------------------------------------------------ data
    KindSpec("tool_scores", "คะแนนรายเครื่องมือ", "data", (
        Option("form", "รูปแบบ", "choice", "table", (("table", "ตาราง"), ("list", "รายการเป็นข้อ"))),
        Option("columns", "ช่องของตาราง", "columns", ["tool", "score", "verdict"],
               (("tool", "เครื่องมือการประเมิน"), ("score", "คะแนน"), ("verdict", "ผลการประเมิน"))),
        Option("verdict", "ผลการประเมินรายเครื่องมือ", "choice", "level", (
            ("level", "ระดับตามเกณฑ์ของปี (ผ่านดีเยี่ยม/ผ่านดี…)"),
            ("excellent", "ผ่านดีเยี่ยม/ผ่านเกณฑ์การประเมิน/ต่ำกว่าเกณฑ์"), ("pass", "ผ่านเกณฑ์/ต่ำกว่าเกณฑ์"))),
        LABELS, CAPTION, DIGITS), _tools),
    KindSpec("ranking", "อันดับคะแนนรายตัวชี้วัด", "data", (
        Option("columns", "ช่องของตาราง", "columns", ["rank", "indicator", "score"],
               (("rank", "อันดับ"), ("no", "ตัวชี้วัด"), ("indicator", "ตัวชี้วัด"), ("score", "คะแนน"))),
        Option("order", "เรียงตาม", "choice", "score", (("score", "คะแนนสูงไปต่ำ"), ("number", "ลำดับตัวชี้วัด"))),
        Option("minmax", "แสดงคะแนนสูงสุดและต่ำสุด", "bool", True),
        Option("with_number", "ใส่ “ตัวชี้วัดที่ …” หน้าชื่อ", "bool", True),
        LABELS, CAPTION, DIGITS), _indicators),
    KindSpec("strengths", "จุดแข็ง", "data", (
        Option("heading", "หัวข้อ ({count} {threshold} แทนค่าให้)", "text",
               "จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ร้อยละ {threshold} ขึ้นไป) จำนวน {count} ตัวชี้วัด"),
        Option("extra", "พิมพ์ข้อความจุดแข็งเพิ่มเติมของปี", "bool", True), DIGITS), _strengths),
    KindSpec("weaknesses", "จุดอ่อนและแนวทางพัฒนา", "data", (
        Option("heading", "หัวข้อ ({count} {threshold} แทนค่าให้)", "text",
               "จุดอ่อนที่ต้องพัฒนาและปรับปรุง (ตัวชี้วัดที่ได้คะแนนต่ำกว่าร้อยละ {threshold}) จำนวน {count} ตัวชี้วัด"),
        Option("points", "ใต้แต่ละตัวชี้วัดพิมพ์", "choice", "points", (
            ("points", "แนวทางการพัฒนาหรือการแก้ไข"), ("analysis", "ผลการวิเคราะห์"), ("development", "ประเด็นที่ควรพัฒนา"),
            ("none", "ไม่พิมพ์"))),
        Option("sub_heading", "หัวข้อย่อยก่อนแนวทาง", "text", ""),
        Option("points_style", "รูปแบบแนวทาง", "choice", "bullets", (("bullets", "รายการย่อย (-)"), ("paragraph", "ย่อหน้า"))),
        Option("extra", "พิมพ์ข้อความจุดอ่อนเพิ่มเติมของปี", "bool", True), DIGITS), _weaknesses),
    KindSpec("analyses", "ผลการวิเคราะห์รายประเด็น", "data", (
        Option("prefix", "เลขนำหัวข้อย่อย (เช่น ๓.)", "text", "๓."), DIGITS), _analyses),
    KindSpec("issue_tables", "ตารางประเด็นที่ต้องแก้ไขรายเครื่องมือ", "data", (
        Option("tools", "เครื่องมือ (คั่นด้วย ,)", "text", "IIT,EIT,OIT"),
        Option("columns", "ช่องของตาราง", "columns", ["indicator", "score", "assessment", "development"],
               (("indicator", "ตัวชี้วัด"), ("score", "คะแนน"), ("assessment", "ประเด็นการประเมิน"), ("development", "ประเด็นควรพัฒนา"))),
        LABELS, DIGITS), _issue_tables),
    KindSpec("compare", "ตารางเปรียบเทียบผลการวิเคราะห์", "data", (
        Option("columns", "ช่องของตาราง", "columns", ["indicator", "score", "assessment", "development"],
               (("indicator", "ตัวชี้วัด"), ("score", "คะแนน"), ("assessment", "ประเด็นการประเมิน"), ("development", "ประเด็นที่ควรพัฒนา"))),
        Option("which", "ตัวชี้วัดที่พิมพ์", "choice", "all", (("all", "ทุกตัวชี้วัดที่วิเคราะห์"), ("weak", "เฉพาะจุดอ่อน"),
                                                             ("lowest", "เฉพาะคะแนนต่ำสุด"))),
        Option("indicator_label", "ชื่อตัวชี้วัดในตาราง", "choice", "number", (("number", "๑๐. ชื่อ"), ("words", "ตัวชี้วัดที่ ๑๐ ชื่อ"))),
        LABELS, CAPTION, DIGITS), _analyses),
    KindSpec("plan", "ตารางมาตรการ (จัดกลุ่มตามประเด็น)", "data", (
        Option("columns", "ช่องของตาราง", "columns", ["issue", "measure", "steps", "units", "period", "monitoring"], (
            ("issue", "ประเด็นการประเมิน"), ("measure", "มาตรการ/กิจกรรม/โครงการ"), ("steps", "ขั้นตอน หรือวิธีปฏิบัติ"),
            ("units", "ผู้รับผิดชอบ /ผู้เกี่ยวข้อง"), ("period", "ระยะเวลา"), ("monitoring", "การกำกับติดตาม / การรายงานผล"),
            ("target", "เป้าหมาย"), ("budget", "งบประมาณ (บาท)"))),
        Option("group", "จัดกลุ่ม", "choice", "issue", (("issue", "ตามประเด็น (เลขขั้นตอนต่อเนื่องทั้งกลุ่ม)"),
                                                      ("none", "มาตรการละแถว"))),
        Option("measure_numbers", "เลขนำชื่อมาตรการ", "choice", "none", NUMBERS),
        Option("step_numbers", "เลขขั้นตอน", "choice", "dot", (("dot", "๑. ๒. …"), ("paren", "๑) ๒) …"), ("dash", "- นำหน้า"),
                                                             ("none", "ไม่ใส่เลข"))),
        LABELS, CAPTION, DIGITS), _measures),
    KindSpec("development", "ตารางการนำผลไปสู่การพัฒนา (๘ ช่อง)", "data", (
        Option("columns", "ช่องของตาราง", "columns",
               ["indicator", "questions", "analysis", "measures", "measure_analysis", "steps", "period", "units"], (
                   ("indicator", "ประเด็น/ตัวชี้วัด"), ("questions", "ข้อคำถาม ITA"), ("analysis", "ผลการวิเคราะห์ประเมิน"),
                   ("measures", "มาตรการ/โครงการ/กิจกรรม"),
                   ("measure_analysis", "ผลการวิเคราะห์ตัวชี้วัดที่สอดคล้องกับมาตรการ/โครงการ/กิจกรรม"),
                   ("steps", "ขั้นตอน/วิธีการดำเนินการ"), ("period", "ระยะเวลาดำเนินการ"), ("units", "ผู้รับผิดชอบ"))),
        Option("group", "แถวของตาราง", "choice", "indicator", (("indicator", "ตัวชี้วัดละแถว (มาตรการและขั้นตอนเรียงเลขต่อกัน)"),
                                                              ("measure", "มาตรการละแถว"))),
        Option("per_indicator", "ตัวชี้วัดละหน้า (พิมพ์หัวเรื่องซ้ำทุกตัวชี้วัด)", "bool", False),
        Option("repeat_title", "หัวเรื่องที่พิมพ์ซ้ำ (บรรทัดละบรรทัด)", "lines", ""),
        LABELS, DIGITS), _development),
    KindSpec("status", "ตารางสถานะการดำเนินงาน", "data", (
        Option("style", "รูปแบบ", "choice", "memo", (("memo", "ตามบันทึกข้อความ"), ("three", "สามช่อง ทำเครื่องหมาย /"),
                                                   ("one", "ช่องเดียว เป็นข้อความ"))),
        Option("wording", "ข้อความขั้นตอน", "choice", "status", (("status", "ข้อความสั้นสำหรับตารางสถานะ (ถ้ามี)"),
                                                             ("plan", "ข้อความเดียวกับแผน"))),
        Option("round", "รอบการรายงาน", "choice", "memo", (("memo", "ตามบันทึกข้อความ"), ("6", "รอบ ๖ เดือน"),
                                                        ("12", "รอบ ๑๒ เดือน"), ("other", "ล่าสุด"))),
        Option("columns", "ช่องของตาราง", "columns", ["no", "measure", "steps", "status"],
               (("no", "ที่"), ("measure", "มาตรการ/โครงการ/กิจกรรม"), ("steps", "ขั้นตอนหรือวิธีการ"), ("status", "สถานะการดำเนินงาน"))),
        Option("measure_numbers", "เลขนำชื่อมาตรการ", "choice", "none", NUMBERS),
        LABELS, CAPTION, DIGITS), _status),
    KindSpec("limitations", "ตารางข้อจำกัด", "data", (
        Option("columns", "ช่องของตาราง", "columns", ["limitation", "impact", "development"], (
            ("limitation", "ข้อจำกัดของหน่วยงาน"), ("impact", "ผลกระทบในการดำเนินการประเมินคุณธรรมฯ"), ("development", "แนวทางการพัฒนา"))),
        LABELS, DIGITS), _limitations),
    KindSpec("recommendations", "ข้อเสนอแนะรายเครื่องมือ", "data", (
        Option("heading", "หัวเรื่อง (บรรทัดละบรรทัด)", "lines",
               "ข้อเสนอแนะต่อผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {year}\n{office}"),
        Option("general", "พิมพ์ข้อเสนอแนะภาพรวม", "bool", True), DIGITS), _recommendations),
    KindSpec("score_compare", "ตารางคะแนนภาพรวมเทียบปีก่อน", "data", (DIGITS,), _scores),
    KindSpec("indicator_table", "ตารางคะแนนรายตัวชี้วัดเทียบเกณฑ์", "data", (DIGITS,), _indicators),
    KindSpec("score_chart", "แผนภูมิคะแนนรายตัวชี้วัด", "data", (DIGITS,), _indicators),
)

for _spec in BUILTIN:
    register_kind(_spec)

__all__ = ["BUILTIN"]


# ------------------------------------------------------------ the published result (issue 11)
def _result(block, view, memo) -> bool:
    return getattr(view, "result", None) is not None


register_kind(KindSpec(
    "result", "ผลการประเมินที่ประกาศ (วันที่ประกาศ ลำดับ ผลรายเครื่องมือ ผลการประเมิน ความหมายของระดับ)", "data",
    (Option("form", "รูปแบบ", "choice", "full", (("full", "เต็ม: มีตารางผลรายเครื่องมือ (ผ่าน/ไม่ผ่าน)"),
                                                ("brief", "ย่อ: วันที่ประกาศ ลำดับ ผลการประเมิน และความหมายของระดับ"))),
     Option("heading", "หัวข้อ", "text", "ผลการประเมินที่ประกาศ"), DIGITS),
    has_data=_result))
