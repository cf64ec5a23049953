"""The words of the development plan (seed 003) that its outline blocks share: the
full names of the three tools, and the drafted recommendation per tool. The plan
itself is an outline (``itadesk.outline.presets``: ``plan``, ``plan-003``)."""

from __future__ import annotations

from ..domain.thai_numbers import digits, format_score
from ..domain.year import YearView

TOOL_TH = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment: EIT)",
    "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)",
}


def tool_recommendation(snap: YearView, tool: str) -> str:
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
