"""The sentences a drafted paragraph shows until the clerk types their own.

Every draft reads the one YearView through ``itadesk.domain.drafting`` (or is
phrased here as the seeds phrase it), in the digits of the view it is given: a
renderer passes a view in the block's digit style.
"""

from __future__ import annotations

from ..domain import drafting as d
from ..domain.models import Memo
from ..domain.thai_numbers import digits, format_score
from ..domain.vocab import Round
from ..domain.year import YearView


def draft(code: str, view: YearView, memo: Memo | None = None) -> str:
    thai = view.thai_digits
    n = lambda v: digits(v, thai)  # noqa: E731
    fw, sc, office = view.framework, view.scores, view.office
    if code == "overall":
        return d.overall_sentence(office.full_name, sc, view.level, thai=thai) if sc.overall is not None else ""
    if code == "overall_line":
        if sc.overall is None:
            return ""
        level = f" ระดับผลการประเมิน ({view.level})" if view.level else ""
        return f"{office.name} : {format_score(sc.overall, thai=thai)} คะแนน{level}"
    if code == "ranking":
        return d.ranking_sentence(fw, sc, thai=thai)
    if code == "change":
        return view.change_sentence()
    if code == "analysis_intro":
        if not any(v is not None for v in sc.indicators.values()) and not view.analyses:
            return ""
        return (f"จากผลการประเมินคุณธรรมและความโปร่งใสจำแนกตามดัชนีของ{office.name} ประจำปี {n(view.year)} "
                "มีผลการวิเคราะห์ข้อมูลในแต่ละตัวชี้วัดที่แสดงให้เห็นถึงจุดแข็ง และจุดอ่อนที่ต้องพัฒนาปรับปรุงแก้ไขต่อไป")
    if code == "weak_count":
        weak = view.weaknesses()
        return f"มีจำนวน {n(len(weak))} ตัวชี้วัด คือ" if weak else ""
    if code == "plan_intro":
        if not view.states:
            return ""
        return ("เพื่อยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
                f"ประจำปีงบประมาณ พ.ศ. {n(view.year + 1)} ให้ดีขึ้น")
    if code == "development_intro":
        if not fw.indicators:
            return ""
        return (f"แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ในปีงบประมาณ "
                f"พ.ศ. {n(view.year)} จำนวน {n(len(fw.indicators))} ตัวชี้วัด และแสดงการนำผลการวิเคราะห์ไปสู่การปรับปรุง"
                "หรือพัฒนาองค์กรหรือรักษาระดับ")
    if code in ("memo_first", "memo_status"):
        round_ = Round(memo.status_round) if memo is not None else Round.SIX
        paragraphs = d.memo_paragraphs(view, round_)
        return paragraphs[0 if code == "memo_first" else 1]
    return ""


def pick_paragraphs(paragraphs: list[str], spec: str | None) -> list[str]:
    """The paragraphs a memo-text block prints: ``""`` all, ``"2"`` the second,
    ``"2-3"`` a range, ``"4-"`` from the fourth on, ``"1,3"`` a list (1-based)."""
    spec = (spec or "").strip()
    if not spec:
        return list(paragraphs)
    chosen: list[int] = []
    for part in spec.replace(" ", "").split(","):
        if not part:
            continue
        lo, dash, hi = part.partition("-")
        try:
            start = int(lo) if lo else 1
            end = (int(hi) if hi else len(paragraphs)) if dash else start
        except ValueError:
            continue
        chosen += [k for k in range(start, end + 1) if 1 <= k <= len(paragraphs) and k not in chosen]
    return [paragraphs[k - 1] for k in chosen]
