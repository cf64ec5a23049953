"""สรุปผลคะแนน — the score summary: overall and level, tools, indicators against
the pass mark and the year before, a bar chart, the drafted sentences."""

from __future__ import annotations

from reportlab.lib.units import cm

from ..domain import drafting as d
from ..domain.thai_numbers import digits, format_score
from ..domain.year import YearView
from ..pdf.layout import portrait_width
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph
from . import blocks as b
from .results import results_flowables


def _delta(now: float | None, before: float | None, thai: bool) -> str:
    if now is None or before is None:
        return "-"
    diff = round(now - before, 2)
    sign = "+" if diff > 0 else ("−" if diff < 0 else "")
    return sign + format_score(abs(diff), thai=thai)


def scores_story(snap: YearView) -> list:
    thai = snap.thai_digits
    n = lambda v: digits(v, thai)  # noqa: E731
    fw, sc, prev = snap.framework, snap.scores, snap.previous_scores
    story: list = [
        ThaiParagraph([Run("สรุปผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", bold=True)],
                      ParaStyle(size=15, leading=24, align="center")),
        ThaiParagraph([Run(f"ประจำปีงบประมาณ พ.ศ. {n(snap.year)}  {snap.office.full_name}", bold=True)], b.CENTER.but(space_after=8)),
    ]
    w = portrait_width()
    prev_label = f"ปี {n(snap.previous.year)}" if snap.previous else "ปีก่อน"
    rows = [["รายการ", f"ปี {n(snap.year)}", prev_label, "เปลี่ยนแปลง"],
            ["คะแนนภาพรวม", format_score(sc.overall, thai=thai), format_score(prev.overall if prev else None, thai=thai),
             _delta(sc.overall, prev.overall if prev else None, thai)],
            ["ระดับผลการประเมิน", snap.level or "-", snap.previous_level or "-", ""]]
    for t in fw.tools:
        if sc.tools.get(t.code) is None:
            continue
        rows.append([f"{t.code} {t.name_th}", format_score(sc.tools.get(t.code), thai=thai),
                     format_score(prev.tools.get(t.code) if prev else None, thai=thai),
                     _delta(sc.tools.get(t.code), prev.tools.get(t.code) if prev else None, thai)])
    story.append(thai_table(rows, [w * 0.52, w * 0.16, w * 0.16, w * 0.16], size=10.5, col_align={1: "center", 2: "center", 3: "center"}))
    story += results_flowables(snap)  # date, rankings, each tool ผ่าน/ไม่ผ่าน, category, the level's meaning
    story.append(b.gap(10))
    rows = [["ตัวชี้วัด", "คะแนน", "เกณฑ์", "ผล", prev_label, "เปลี่ยนแปลง"]]
    for i in fw.indicators:
        value = sc.indicators.get(i.no)
        before = prev.indicators.get(i.no) if prev else None
        verdict = "-" if value is None else ("ผ่าน" if value >= fw.pass_mark else "ไม่ถึงเกณฑ์")
        rows.append([f"{n(i.no)}. {i.name_th}", format_score(value, thai=thai), format_score(fw.pass_mark, thai=thai),
                     verdict, format_score(before, thai=thai), _delta(value, before, thai)])
    story.append(thai_table(rows, [w * 0.40, w * 0.12, w * 0.10, w * 0.12, w * 0.12, w * 0.14], size=10,
                            col_align={k: "center" for k in range(1, 6)}))
    story += [b.gap(10), b.keep(
        ThaiParagraph([Run("คะแนนรายตัวชี้วัดเทียบเกณฑ์ผ่านและปีก่อน", bold=True)], b.CENTER),
        b.ScoreBars([(f"{n(i.no)}. {i.name_th}", sc.indicators.get(i.no), prev.indicators.get(i.no) if prev else None)
                     for i in fw.indicators], pass_mark=fw.pass_mark, thai_digits=thai, label_width=5.4 * cm,
                    legend=(f"ปี {n(snap.year)}", prev_label)))]
    story.append(b.body(d.ranking_sentence(fw, sc, thai=thai)))
    change = snap.change_sentence()
    if change:
        story.append(b.body(change))
    return story
