"""Draft the Thai sentences the documents hold, from the scores alone.

The clerk edits what this writes; these are starting points phrased as the
seed documents phrase them ("ได้คะแนนเท่ากับร้อยละ …", "รองลงมาคือ …").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import Framework, Scores
from .thai_numbers import digits, format_score
from .vocab import ROUNDS_TH, Round, SignerRole, Status

if TYPE_CHECKING:  # the view is built from these sentences' inputs; no import cycle at run time
    from .year import YearView


@dataclass(frozen=True)
class RankedIndicator:
    rank: int
    no: int
    name: str
    score: float


def ranking(fw: Framework, scores: Scores) -> list[RankedIndicator]:
    """Indicators with a score, best first (ties keep indicator order)."""
    scored = [(scores.indicators[i.no], i.no, i.name_th) for i in fw.indicators if scores.indicators.get(i.no) is not None]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [RankedIndicator(n + 1, no, name, score) for n, (score, no, name) in enumerate(scored)]


def _s(value: float | None, thai: bool) -> str:
    return format_score(value, thai=thai)


def _n(value: object, thai: bool) -> str:
    return digits(value, thai)


def overall_sentence(office_name: str, scores: Scores, level: str | None, *, thai: bool = True) -> str:
    text = (f"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{office_name} "
            f"โดยภาพรวมได้คะแนนเท่ากับร้อยละ {_s(scores.overall, thai)} คะแนน")
    if level:
        text += f" ระดับผลการประเมิน : {level}"
    return text


def ranking_sentence(fw: Framework, scores: Scores, *, thai: bool = True) -> str:
    ranks = ranking(fw, scores)
    if not ranks:
        return ""
    parts = []
    for r in ranks:
        lead = "" if r.rank == 1 else ("รองลงมาคือ" if r.rank == 2 else "")
        parts.append(f"{lead}ตัวชี้วัดที่ {_n(r.no, thai)} {r.name} ได้คะแนนเท่ากับร้อยละ {_s(r.score, thai)}")
    best, worst = ranks[0], ranks[-1]
    return ("เมื่อพิจารณาตามตัวชี้วัดพบว่า " + " ".join(parts)
            + f" สรุปได้ว่า จุดแข็งที่หน่วยงานได้คะแนนสูงสุดเท่ากับร้อยละ {_s(best.score, thai)} คือ ตัวชี้วัดที่ "
            f"{_n(best.no, thai)} {best.name} ส่วนที่จะต้องพัฒนาปรับปรุง คือ ตัวชี้วัดที่ {_n(worst.no, thai)} "
            f"{worst.name} ได้คะแนนเท่ากับร้อยละ {_s(worst.score, thai)}")


def strengths(fw: Framework, scores: Scores, threshold: float) -> list[RankedIndicator]:
    return [r for r in ranking(fw, scores) if r.score >= threshold]


def weaknesses(fw: Framework, scores: Scores, threshold: float) -> list[RankedIndicator]:
    return [r for r in ranking(fw, scores) if r.score < threshold]


def strengths_heading(fw: Framework, scores: Scores, threshold: float, *, thai: bool = True) -> str:
    n = len(strengths(fw, scores, threshold))
    return f"จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ร้อยละ {_n(f'{threshold:g}', thai)} ขึ้นไป) จำนวน {_n(n, thai)} ตัวชี้วัด"


def weaknesses_heading(fw: Framework, scores: Scores, threshold: float, *, thai: bool = True) -> str:
    n = len(weaknesses(fw, scores, threshold))
    return f"จุดอ่อนที่ต้องพัฒนาและปรับปรุง (ตัวชี้วัดที่ได้คะแนนต่ำกว่าร้อยละ {_n(f'{threshold:g}', thai)}) จำนวน {_n(n, thai)} ตัวชี้วัด"


def indicator_line(r: RankedIndicator, n: int, *, thai: bool = True) -> str:
    return f"{_n(n, thai)}. ตัวชี้วัดที่ {_n(r.no, thai)} {r.name} โดยรวมได้คะแนนเท่ากับร้อยละ {_s(r.score, thai)}"


def change_word(delta: float) -> str:
    if abs(delta) < 0.005:
        return "เท่าเดิม"
    return "เพิ่มขึ้น" if delta > 0 else "ลดลง"


def change_sentence(scores: Scores, previous: Scores | None, prev_year: int | None, *, thai: bool = True) -> str:
    """How the overall result moved against the year before."""
    if previous is None or previous.overall is None or scores.overall is None:
        return ""
    delta = round(scores.overall - previous.overall, 2)
    if abs(delta) < 0.005:
        return f"เมื่อเปรียบเทียบกับปี {_n(prev_year, thai)} คะแนนภาพรวมเท่าเดิมที่ร้อยละ {_s(scores.overall, thai)}"
    return (f"เมื่อเปรียบเทียบกับปี {_n(prev_year, thai)} คะแนนภาพรวม{change_word(delta)} {_s(abs(delta), thai)} คะแนน "
            f"(จากร้อยละ {_s(previous.overall, thai)} เป็นร้อยละ {_s(scores.overall, thai)})")


def indicator_analysis(fw: Framework, scores: Scores, no: int, *, threshold: float, pass_mark: float,
                       previous: Scores | None = None, thai: bool = True) -> str:
    """A first draft of the analysis of one indicator."""
    ind = fw.indicator(no)
    score = scores.indicators.get(no)
    if ind is None or score is None:
        return ""
    text = f"ตัวชี้วัดที่ {_n(no, thai)} {ind.name_th} ได้คะแนนเท่ากับร้อยละ {_s(score, thai)}"
    if score >= threshold:
        text += " ซึ่งเป็นจุดแข็งของหน่วยงาน ควรรักษามาตรฐานการดำเนินงานไว้อย่างต่อเนื่อง"
    elif score >= pass_mark:
        text += f" ผ่านเกณฑ์ร้อยละ {_n(f'{pass_mark:g}', thai)} แต่ยังต่ำกว่าเป้าหมายของหน่วยงาน จึงควรพัฒนาให้ดียิ่งขึ้น"
    else:
        text += f" ต่ำกว่าเกณฑ์ร้อยละ {_n(f'{pass_mark:g}', thai)} จึงเป็นประเด็นที่ต้องพัฒนาปรับปรุงเป็นลำดับแรก"
    if previous is not None and previous.indicators.get(no) is not None:
        delta = round(score - previous.indicators[no], 2)
        if abs(delta) >= 0.005:
            text += f" และ{change_word(delta)}จากปีก่อน {_s(abs(delta), thai)} คะแนน"
    return text


# ------------------------------------------------------------------- memo
def memo_fields(view: YearView) -> dict[str, str]:
    """The memo's header and signature as a clerk usually fills them, from the office."""
    office, units = view.office, view.units
    executive, reporter = view.signer(SignerRole.EXECUTIVE), view.signer(SignerRole.REPORTER)
    return {
        "agency": f"{units[0].name if units else ''} โทร. {office.phone}".strip(),
        "number": f"{office.doc_prefix}/" if office.doc_prefix else "",
        "subject": "รายงานผลการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "salutation": executive.position if executive else "",
        "closing": "จึงเรียนมาเพื่อโปรดทราบ และพิจารณาสั่งการต่อไป",
        "signer_name": reporter.name if reporter else "",
        "signer_position": reporter.position if reporter else "",
    }


def memo_paragraphs(view: YearView, round: Round) -> list[str]:  # noqa: A002
    """The memo's two body paragraphs: what was planned, and where the measures stand
    in ``round`` — counted with the same rule as the memo's status table."""
    thai, year, units = view.thai_digits, view.year, view.units
    first = (f"ตามที่{units[0].name if units else 'หน่วยงาน'} ได้รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"
             f"ในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {_n(year, thai)} และได้กำหนดมาตรการเพื่อขับเคลื่อน"
             "การส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น")
    ranks = ranking(view.framework, view.scores)
    if ranks:
        low = ranks[-1]
        first += (f" ในประเด็นที่จะต้องพัฒนา เนื่องจากได้คะแนนต่ำสุด คือตัวชี้วัดที่ {_n(low.no, thai)} "
                  f"{low.name} ซึ่งได้คะแนนเท่ากับร้อยละ {_s(low.score, thai)} นั้น")
    counts = view.counts(round)
    total = sum(counts.values())
    second = (f"บัดนี้ ได้ติดตามผลการดำเนินการตามมาตรการดังกล่าวของ{view.office.name} ประจำปีงบประมาณ พ.ศ. "
              f"{_n(year + 1, thai)} {ROUNDS_TH[round]} แล้ว ดำเนินการเรียบร้อยแล้ว "
              f"{_n(counts[Status.DONE], thai)} จาก {_n(total, thai)} มาตรการ")
    if counts[Status.IN_PROGRESS]:
        second += f" อยู่ระหว่างดำเนินการ {_n(counts[Status.IN_PROGRESS], thai)} มาตรการ"
    if counts[Status.NOT_STARTED]:
        second += f" ยังไม่ดำเนินการ {_n(counts[Status.NOT_STARTED], thai)} มาตรการ"
    return [first, second + " รายละเอียดดังนี้"]
