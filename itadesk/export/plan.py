"""การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (seed 003): landscape, one block
per indicator — score, ITA questions, analysis, measures, steps, period,
responsible — with headers repeated on every page, then recommendations per tool."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import PageBreak

from ..domain import drafting as d
from ..domain.thai_dates import format_period
from ..domain.thai_numbers import digits, format_score
from ..domain.year import YearView
from ..pdf.layout import ThaiDocTemplate, landscape_width, to_landscape
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import Run, ThaiParagraph
from . import blocks as b

TOOL_TH = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment: EIT)",
    "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)",
}


def build_plan(path: str, snap: YearView, title: str) -> None:
    ThaiDocTemplate(path, title=title, thai_digits=snap.thai_digits, landscape_first=True).build(plan_story(snap))


def _tool_recommendation(snap: YearView, tool: str) -> str:
    custom = snap.texts.get(f"recommend_{tool}")
    if custom:
        return custom
    thai = snap.thai_digits
    fw, sc = snap.framework, snap.scores
    inds = [i for i in fw.indicators if i.tool == tool and sc.indicators.get(i.no) is not None]
    if not inds:
        return ""
    low = [i for i in inds if sc.indicators[i.no] < snap.strength_threshold]
    nos = f"{digits(inds[0].no, thai)}-{digits(inds[-1].no, thai)}" if len(inds) > 1 else digits(inds[0].no, thai)
    best = max(sc.indicators[i.no] for i in inds)
    text = f"{snap.office.name} ได้ดำเนินการตามตัวชี้วัดที่ {nos} โดยมีคะแนนสูงสุด {format_score(best, thai=thai)} คะแนน "
    if low:
        names = " ".join(f"ตัวชี้วัดที่ {digits(i.no, thai)} {i.name_th} ({format_score(sc.indicators[i.no], thai=thai)})" for i in low)
        text += f"ควรพัฒนาในประเด็น {names} และพัฒนาประสิทธิภาพของการทำงานอย่างต่อเนื่อง"
    else:
        text += "ควรรักษามาตรฐานไว้และพัฒนาประสิทธิภาพของการทำงานอย่างต่อเนื่อง"
    return text


def plan_story(snap: YearView) -> list:
    thai = snap.thai_digits
    n = lambda v: digits(v, thai)  # noqa: E731
    fw, sc, office = snap.framework, snap.scores, snap.office
    plan_year = snap.year + 1
    story: list = to_landscape()  # the whole document, cover included, is landscape
    story += b.cover("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", f"ประจำปีงบประมาณ พ.ศ. {n(plan_year)}",
                     office.full_name, office.emblem_png, top=2.5 * cm, logo=2.5 * cm, gap_below=2.5 * cm)
    width = landscape_width()
    story.append(b.heading(f"การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. {n(plan_year)}", size=15, align="center"))
    story.append(ThaiParagraph(f"แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ในปีงบประมาณ "
                               f"พ.ศ. {n(snap.year)} จำนวน {n(len(fw.indicators))} ตัวชี้วัด และแสดงการนำผลการวิเคราะห์ไปสู่การปรับปรุง"
                               f"หรือพัฒนาองค์กรหรือรักษาระดับ", b.CENTER))
    story.append(ThaiParagraph([Run(f"ผลการประเมินในภาพรวมหน่วยงาน ประจำปีงบประมาณ พ.ศ. {n(snap.year)}  {office.name} : "
                                    f"{format_score(sc.overall, thai=thai)} คะแนน"
                                    + (f" ระดับผลการประเมิน ({snap.level})" if snap.level else ""), bold=True)],
                               b.CENTER.but(space_before=8)))
    rows = [["ตัวชี้วัด", "รายละเอียดตัวชี้วัด", "คะแนน"]] + [
        [n(i.no), i.name_th, format_score(sc.indicators.get(i.no), thai=thai)] for i in fw.indicators]
    story += [b.gap(8), thai_table(rows, [2.2 * cm, 9 * cm, 3 * cm], size=10.5, col_align={0: "center", 2: "center"}), PageBreak()]

    story.append(ThaiParagraph([Run(f"การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ในปีงบประมาณ "
                                    f"พ.ศ. {n(snap.year)} และการแสดงผลการนำผลการวิเคราะห์ไปสู่การปรับปรุงหรือพัฒนาองค์กรหรือรักษาระดับ "
                                    f"ของ{office.full_name}", bold=True)], b.CENTER.but(space_after=6)))
    head = [["ประเด็น/ตัวชี้วัด", f"การวิเคราะห์ผลการประเมินในปีงบประมาณ {n(snap.year)}", "",
             "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (การนำผลการวิเคราะห์ไปสู่การปรับปรุง หรือพัฒนาองค์กร หรือรักษาระดับ)", "", "", ""],
            ["", "ข้อคำถาม ITA", "ผลการวิเคราะห์ประเมิน", "มาตรการ/โครงการ/กิจกรรม", "ขั้นตอน/วิธีการดำเนินการ", "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ"]]
    rows = list(head)
    analyses = {a.indicator: a for a in snap.analyses if a.indicator}
    for ind in fw.indicators:
        measures = [m for m in snap.measures if ind.no in m.indicators]
        a = analyses.get(ind.no)
        items = [f"{it.code} {it.title_th}" + (f" ({format_score(sc.items.get(it.code), thai=thai)})" if sc.items.get(it.code) is not None else "")
                 for it in fw.items if it.indicator == ind.no]
        linked = {c for m in measures for c in m.items}
        shown = [x for x in items if x.split(" ")[0] in linked] or items[:3]
        analysis = (a.analysis if a and a.analysis else d.indicator_analysis(
            fw, sc, ind.no, threshold=snap.strength_threshold, pass_mark=fw.pass_mark, previous=snap.previous_scores, thai=thai))
        label = f"{n(ind.no)}. {ind.name_th} ({format_score(sc.indicators.get(ind.no), thai=thai)} คะแนน)"
        if not measures:
            rows.append([label, shown, [analysis] + ([a.development] if a and a.development else []), "-", "-", "-", "-"])
            continue
        for k, m in enumerate(measures):
            steps = [f"{n(j)}. {s}" for j, s in enumerate(m.steps, 1)]
            period = m.period_text or format_period(m.start, m.end, thai=thai)
            rows.append([label if k == 0 else "", shown if k == 0 else "", [analysis] if k == 0 else "",
                         m.title, steps, period, m.units])
    fr = [0.11, 0.14, 0.19, 0.15, 0.22, 0.08, 0.11]
    spans = [((0, 0), (0, 1)), ((1, 0), (2, 0)), ((3, 0), (6, 0))]
    story.append(thai_table(rows, [width * f for f in fr], size=9, header_rows=2, spans=spans, col_align={5: "center"}))

    story.append(PageBreak())
    story.append(b.heading(f"ข้อเสนอแนะต่อผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {n(snap.year)}",
                           size=14, align="center"))
    story.append(ThaiParagraph([Run(office.name, bold=True)], b.CENTER))
    general = snap.texts.get("recommend_general") or (
        d.overall_sentence(office.name, sc, snap.level, thai=thai) + " "
        + snap.change_sentence())
    story.append(b.body(general.strip()))
    for tool in ("IIT", "EIT", "OIT"):
        text = _tool_recommendation(snap, tool)
        if text:
            heading = ThaiParagraph([Run(f"ข้อเสนอแนะสำหรับการประเมินตาม{TOOL_TH[tool]}", bold=True)],
                                    b.PLAIN.but(space_before=10, keep_with_next=True))
            story += [heading,
                      b.body(text)]
    return story
