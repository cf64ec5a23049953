"""มาตรการส่งเสริมคุณธรรมและความโปร่งใส — the measures report (seeds 002 and 004):
cover, foreword, contents with page numbers, principles, score table with
ranking and max/min, analysis with strengths and weaknesses, comparison table,
the measures plan (landscape) and the limitations table."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from ..domain import drafting as d
from ..domain.thai_dates import format_month_full, format_period
from ..domain.thai_numbers import digits, format_score
from ..domain.year import YearView
from ..pdf.layout import ThaiDocTemplate, landscape_width, portrait_width, to_landscape, to_portrait
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph
from . import blocks as b
from .results import results_brief

SECTIONS = [
    ("principles", "๑. หลักการและเหตุผล"),
    ("results", "๒. ผลการประเมินคุณธรรมและความโปร่งใสฯ"),
    ("analysis", "๓. การวิเคราะห์ผลการประเมินคุณธรรมฯ"),
    ("compare", "๔. การเปรียบเทียบสรุปผลจากการวิเคราะห์ฯ"),
    ("plan", "๕. วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"),
    ("limits", "๖. การวิเคราะห์ข้อจำกัดฯ ในการดำเนินการประเมินคุณธรรมและความโปร่งใสฯ"),
]


class _Marked(ThaiParagraph):
    """A heading whose page number goes into the contents."""

    def __init__(self, key, *a, **kw):
        super().__init__(*a, **kw)
        self.toc_key = key


class _Doc(ThaiDocTemplate):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.toc_pages: dict[str, int] = {}

    def afterFlowable(self, flowable):
        key = getattr(flowable, "toc_key", None)
        if key and key not in self.toc_pages:
            self.toc_pages[key] = self.page


def _section_heading(key: str, text: str) -> _Marked:
    return _Marked(key, [Run(text, bold=True)], ParaStyle(size=13, leading=20, space_before=12, space_after=4, keep_with_next=True))


def build_measures_report(path: str, snap: YearView, title: str) -> None:
    """Two passes: the first finds the page of each section for the contents."""
    pages: dict[str, int] = {}
    for _pass in range(2):
        doc = _Doc(path, title=title, thai_digits=snap.thai_digits, first_page_number=3)
        doc.build(_story(snap, pages))
        if doc.toc_pages == pages:
            break
        pages = doc.toc_pages


def _story(snap: YearView, pages: dict[str, int]) -> list:
    thai = snap.thai_digits
    n = lambda v: digits(v, thai)  # noqa: E731
    plan_year = snap.year + 1
    office = snap.office
    fw, sc = snap.framework, snap.scores
    story: list = []

    story += b.cover("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", f"ประจำปีงบประมาณ พ.ศ. {n(plan_year)}",
                     office.full_name, office.emblem_png, top=4 * cm, logo=3 * cm, gap_below=3 * cm)

    # foreword and contents
    story.append(b.heading("คำนำ", size=16, align="center"))
    for para in (snap.texts.get("foreword") or "").split("\n\n"):
        if para.strip():
            story.append(b.body(para.strip()))
    unit = snap.signer("reporter")
    story += [Spacer(1, 1 * cm), ThaiParagraph(snap.texts.get("foreword_signer") or (f"สำนักปลัด{office.name}" if office.name else ""),
                                              b.PLAIN.but(align="right"))]
    if snap.measures and snap.measures[0].start:
        story.append(ThaiParagraph(format_month_full(snap.measures[0].start, thai=thai), b.PLAIN.but(align="right")))
    del unit
    story += [PageBreak(), b.heading("สารบัญ", size=16, align="center")]
    rows = [["เรื่อง", "หน้า"]] + [[label, n(pages.get(key, "")) if key in pages else ""] for key, label in SECTIONS]
    story += [thai_table(rows, [portrait_width() - 2.2 * cm, 2.2 * cm], size=11, header_rows=1, col_align={1: "center"}), PageBreak()]

    # 1 principles
    story.append(_section_heading("principles", SECTIONS[0][1]))
    for para in (snap.texts.get("principles") or "").split("\n\n"):
        if para.strip():
            story.append(b.body(para.strip()))

    # 2 results
    story.append(_section_heading("results", f"๒. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{office.full_name}"))
    story.append(b.body(d.overall_sentence(office.full_name, sc, snap.level, thai=thai)))
    story += results_brief(snap)  # publication date, rankings, category, the level's meaning
    tool_rows = [["เครื่องมือการประเมิน", "คะแนน", "ผลการประเมิน"]]
    order = {"IIT": 0, "EIT": 1, "EIT1": 2, "EIT2": 3, "OIT": 4}
    for t in sorted(fw.tools, key=lambda t: (order.get(t.code, 9), t.sort)):
        value = sc.tools.get(t.code)
        if value is None:
            continue
        verdict = snap.result.verdict(t.code) if snap.result else None  # as published when stated
        result = verdict.printed if verdict else ("ผ่าน" if value >= fw.pass_mark else "ไม่ผ่าน")
        tool_rows.append([f"{t.name_th} ({t.code[:3]}{' ส่วนที่ ' + n(t.code[3:]) if t.code[3:] else ''})", format_score(value, thai=thai), result])
    if len(tool_rows) > 1:
        w = portrait_width()
        story += [b.gap(6), thai_table(tool_rows, [w * 0.62, w * 0.15, w * 0.23], size=10.5, col_align={1: "center", 2: "center"})]
    ranks = d.ranking(fw, sc)
    if ranks:
        story += [b.gap(8), ThaiParagraph([Run("คะแนนรายตัวชี้วัดเรียงตามลำดับ", bold=True)], b.CENTER)]
        rows = [["อันดับ", "ตัวชี้วัด", "คะแนน"]] + [[n(r.rank), f"ตัวชี้วัดที่ {n(r.no)} {r.name}", format_score(r.score, thai=thai)] for r in ranks]
        high, low = format_score(ranks[0].score, thai=thai), format_score(ranks[-1].score, thai=thai)
        rows.append(["", f"คะแนนสูงสุด {high} คะแนน   คะแนนต่ำสุด {low} คะแนน", ""])
        w = portrait_width()
        story.append(thai_table(rows, [w * 0.12, w * 0.68, w * 0.20], size=10.5, col_align={0: "center", 2: "center"},
                                spans=[((1, len(rows) - 1), (2, len(rows) - 1))]))

    # 3 analysis
    story.append(_section_heading("analysis", f"๓. การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ในปี พ.ศ. {n(snap.year)}"))
    story.append(b.body(snap.texts.get("ranking") or d.ranking_sentence(fw, sc, thai=thai)))
    change = snap.change_sentence()
    if change:
        story.append(b.body(change))
    t = snap.strength_threshold
    for heading, items, custom in (
        (d.strengths_heading(fw, sc, t, thai=thai), d.strengths(fw, sc, t), snap.texts.get("strengths")),
        (d.weaknesses_heading(fw, sc, t, thai=thai), d.weaknesses(fw, sc, t), snap.texts.get("weaknesses")),
    ):
        story.append(ThaiParagraph([Run(heading, bold=True)], b.PLAIN.but(space_before=8, keep_with_next=True)))
        if custom:
            story += [b.body(p) for p in custom.split("\n\n") if p.strip()]
        for k, r in enumerate(items, 1):
            story.append(ThaiParagraph(d.indicator_line(r, k, thai=thai), b.PLAIN.but(left_indent=b.INDENT)))
    for a in snap.analyses:
        if not (a.analysis or a.development):
            continue
        label = a.topic or (fw.indicator(a.indicator).name_th if a.indicator and fw.indicator(a.indicator) else "")
        story.append(ThaiParagraph([Run(f"๓.{n(a.sort or 0)} {label}" if a.sort else label, bold=True)],
                                   b.PLAIN.but(space_before=8, keep_with_next=True)))
        if a.analysis:
            story.append(b.body(a.analysis))
        if a.development:
            story.append(b.body(a.development))

    # 4 comparison table
    story += [CondPageBreak(6 * cm), _section_heading("compare", "๔. การเปรียบเทียบสรุปผลจากการวิเคราะห์ในแต่ละประเด็น ดังนี้")]
    rows = [["ตัวชี้วัด", "คะแนน", "ประเด็นการประเมิน", "ประเด็นที่ควรพัฒนา"]]
    for a in snap.analyses:
        ind = fw.indicator(a.indicator) if a.indicator else None
        label = f"{n(a.indicator)}. {ind.name_th}" if ind else a.topic
        rows.append([label, format_score(sc.indicators.get(a.indicator), thai=thai) if a.indicator else "", a.assessment or a.topic, a.development])
    w = portrait_width()
    story.append(thai_table(rows, [w * 0.22, w * 0.11, w * 0.30, w * 0.37], size=10, col_align={1: "center"}))

    # 5 measures plan, landscape
    story += to_landscape() + [PageBreak()]
    story.append(_section_heading("plan", "๕. วิธีการนำผลการวิเคราะห์แต่ละประเด็นไปสู่การปฏิบัติ"))
    story.append(b.body("เพื่อยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
                        f"ประจำปีงบประมาณ พ.ศ. {n(plan_year)} ให้ดีขึ้น", first_indent=1.5 * cm))
    story.append(b.gap(6))
    story.append(plan_table(snap, landscape_width()))
    story += to_portrait() + [PageBreak()]

    # 6 limitations
    story.append(_section_heading("limits", "๖. การวิเคราะห์ข้อจำกัดของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"))
    rows = [["ข้อจำกัดของหน่วยงาน", "ผลกระทบในการดำเนินการประเมินคุณธรรมฯ", "แนวทางการพัฒนา"]]
    rows += [[f"{n(k)}. {lim.limitation}", lim.impact, lim.development] for k, lim in enumerate(snap.limitations, 1)]
    w = portrait_width()
    story.append(thai_table(rows, [w * 0.34, w * 0.30, w * 0.36], size=10))
    return story


def plan_table(snap: YearView, width: float):
    """issue | measure | steps | responsible | period | monitoring, one row per measure."""
    thai = snap.thai_digits
    rows = [["ประเด็นการประเมิน", "มาตรการ/กิจกรรม/โครงการ", "ขั้นตอน หรือวิธีปฏิบัติ", "ผู้รับผิดชอบ /ผู้เกี่ยวข้อง",
             "ระยะเวลา", "การกำกับติดตาม / การรายงานผล"]]
    for m in snap.measures:
        steps = [f"{digits(k, thai)}. {s}" for k, s in enumerate(m.steps, 1)]
        period = m.period_text or format_period(m.start, m.end, thai=thai)
        follow = [x for x in (m.monitoring, f"เป้าหมาย: {m.target}" if m.target else "") if x]
        if m.budget:
            follow.append(f"งบประมาณ {digits(f'{m.budget:,.0f}', thai)} บาท")
        rows.append([m.issue, f"{m.kind}: {m.title}" if not m.title.startswith(m.kind) else m.title, steps, m.units, period, follow])
    fr = [0.17, 0.18, 0.29, 0.12, 0.09, 0.15]
    return thai_table(rows, [width * f for f in fr], size=9.5, col_align={4: "center"})


__all__ = ["build_measures_report", "plan_table", "cm"]
