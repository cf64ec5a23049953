"""ดัชนีหลักฐานการเปิดเผยข้อมูลสาธารณะ (OIT): ข้อ | URL | คำอธิบาย, one row per OIT item of
the year's framework with the links that answer it, whether it is published and
the steps to find it on the office's website.

``evidence_index_flowables`` returns reportlab flowables from a YearView (an
outline wraps them as a block); ``evidence_index_story`` is the whole document.
"""

from __future__ import annotations

from ..domain.evidence import ItemEvidence
from ..domain.thai_numbers import digits
from ..domain.year import YearView
from ..pdf.layout import portrait_width
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph
from . import blocks as b


def _description(ev: ItemEvidence | None) -> list[str]:
    if ev is None:
        return ["ยังไม่เผยแพร่"]
    out = [e.title for e in ev.links if e.title]
    if ev.steps:
        out.append(f"ขั้นตอนการเข้าถึง: {ev.steps}")
    out.append("เผยแพร่แล้ว" if ev.published else "ยังไม่เผยแพร่")
    return out


def evidence_index_table(snap: YearView, width: float, *, size: float = 9.5):
    rows: list[list] = [["ข้อ", "URL", "คำอธิบาย"]]
    for it in snap.framework.items:
        if it.tool != "OIT":
            continue
        ev = snap.evidence.get(it.code)
        links = [e.link for e in ev.links if e.link] if ev else []
        rows.append([[[Run(it.code, bold=True)], it.title_th], links or "-", _description(ev)])
    return thai_table(rows, [width * 0.30, width * 0.40, width * 0.30], size=size, header_rows=1)


def evidence_index_flowables(snap: YearView) -> list:
    fw = snap.framework
    oit = [i for i in fw.items if i.tool == "OIT"]
    published = sum(1 for i in oit if (ev := snap.evidence.get(i.code)) and ev.published)
    lead = digits(f"ข้อมูลที่เผยแพร่บนเว็บไซต์ของหน่วยงาน {snap.office.website}".strip() + f" เผยแพร่แล้ว {published} จาก {len(oit)} ข้อ",
                  snap.thai_digits)
    return [b.plain(lead, space_after=6), evidence_index_table(snap, portrait_width())]


def evidence_index_story(snap: YearView) -> list:
    n = lambda v: digits(v, snap.thai_digits)  # noqa: E731
    return [
        ThaiParagraph([Run("ดัชนีหลักฐานการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)", bold=True)],
                      ParaStyle(size=15, leading=24, align="center")),
        ThaiParagraph([Run(f"ประจำปีงบประมาณ พ.ศ. {n(snap.year)}  {snap.office.full_name}", bold=True)], b.CENTER.but(space_after=8)),
    ] + evidence_index_flowables(snap)
