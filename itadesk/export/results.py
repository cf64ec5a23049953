"""The published result as printed parts: the publication date, the rankings ("ลำดับที่ …
จาก … แห่ง"), each tool with ผ่าน/ไม่ผ่าน against the year's pass mark, the result
category, the level and what it means.

Self-contained functions from a YearView to reportlab flowables (as ``blocks``
are), so the score summary and the measures report call them in one line and an
outline can wrap them as blocks. What is printed is the *stated* value when the
clerk entered one (the office reproduces what NACC published), else the computed.
"""

from __future__ import annotations

from ..domain.results import ToolVerdict, YearResult
from ..domain.thai_dates import format_date_full
from ..domain.thai_numbers import digits, format_score
from ..domain.year import YearView
from ..pdf.layout import portrait_width
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import Run, ThaiParagraph
from . import blocks as b


def tool_label(v: ToolVerdict, *, thai: bool = True) -> str:
    """"IIT แบบวัด…", "EIT ส่วนที่ ๑", with "(คำนวณจากส่วนที่ ๑ และ ๒)" for a derived EIT."""
    code = v.code
    if code[:3] == "EIT" and code[3:].isdigit():
        return digits(f"EIT ส่วนที่ {code[3:]}", thai)
    label = f"{code} {v.name_th}"
    return label + (digits(" (คำนวณจากส่วนที่ 1 และ 2)", thai) if v.derived else "")


def ranking_lines(snap: YearView) -> list[str]:
    """"ลำดับที่ ๒ จาก ๑๕ แห่ง ของหน่วยงานในอำเภอ…" and the same in the province (those stated)."""
    r, office, thai = snap.result, snap.office, snap.thai_digits
    if r is None:
        return []
    out = []
    if r.stated.rank_district:
        where = f"อำเภอ{office.amphoe}" if office.amphoe else "อำเภอ"
        out.append(f"{r.stated.rank_district.text(thai=thai)} ขององค์กรปกครองส่วนท้องถิ่นใน{where}")
    if r.stated.rank_province:
        where = f"จังหวัด{office.province}" if office.province else "จังหวัด"
        out.append(f"{r.stated.rank_province.text(thai=thai)} ขององค์กรปกครองส่วนท้องถิ่นใน{where}")
    return out


def published_line(snap: YearView) -> str:
    r = snap.result
    if r is None or r.stated.published is None:
        return ""
    return f"ประกาศผลการประเมินเมื่อวันที่ {format_date_full(r.stated.published, thai=snap.thai_digits)}"


def verdict_table(r: YearResult, width: float, *, thai: bool = True):
    """เครื่องมือ | คะแนน | เกณฑ์ผ่าน | ผล, one row per tool with a score."""
    rows = [["เครื่องมือการประเมิน", "คะแนน", "เกณฑ์ผ่าน", "ผล"]]
    for v in r.verdicts:
        if v.score is None:
            continue
        rows.append([tool_label(v, thai=thai), format_score(v.score, thai=thai), format_score(r.pass_mark, thai=thai), v.printed])
    if len(rows) == 1:
        return None
    return thai_table(rows, [width * 0.58, width * 0.14, width * 0.14, width * 0.14], size=10.5,
                      col_align={1: "center", 2: "center", 3: "center"})


def results_flowables(snap: YearView, *, heading: str = "ผลการประเมินที่ประกาศ") -> list:
    """The whole printed part: heading, date, rankings, the tools' verdicts, category, level and its meaning."""
    r, thai = snap.result, snap.thai_digits
    if r is None:
        return []
    story: list = [b.heading(heading)]
    lines = [x for x in [published_line(snap)] + ranking_lines(snap) if x]
    story += [b.plain(x, left_indent=b.INDENT / 2) for x in lines]
    table = verdict_table(r, portrait_width(), thai=thai)
    if table is not None:
        story += [b.gap(4), table]
        if any(v.derived for v in r.verdicts) and r.eit_rule:
            story.append(b.plain(f"หมายเหตุ: {digits(r.eit_rule, thai)}", size=9.5, leading=15))
    summary: list = []
    if r.category_printed:
        summary.append(ThaiParagraph([Run("ผลการประเมิน : ", bold=True), Run(r.category_printed)], b.PLAIN.but(left_indent=b.INDENT / 2)))
    level = r.level_printed
    if level:
        summary.append(ThaiParagraph([Run("ระดับผลการประเมิน : ", bold=True), Run(level)], b.PLAIN.but(left_indent=b.INDENT / 2)))
        meaning = r.explanation(level)
        if meaning:
            summary.append(b.body(digits(meaning, thai)))
    if summary:
        story += [b.gap(6)] + summary
    return story


def results_brief(snap: YearView) -> list:
    """For a report's results section: date, rankings, category and the level's meaning (no table)."""
    r, thai = snap.result, snap.thai_digits
    if r is None:
        return []
    parts = [x for x in [published_line(snap)] + ranking_lines(snap) if x]
    if r.category_printed:
        parts.append(f"ผลการประเมิน : {r.category_printed}")
    story: list = [b.plain(x, left_indent=b.INDENT / 2) for x in parts]
    meaning = r.explanation()
    if r.level_printed and meaning:
        story.append(b.body(f"ระดับผลการประเมิน {r.level_printed} {digits(meaning, thai)}"))
    return story
