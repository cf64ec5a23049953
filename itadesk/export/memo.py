"""บันทึกข้อความ — the parts of the memo that are the memo's own (seed 001).

Layout of ระเบียบงานสารบรรณ แบบที่ 2 as the reference measures it: the office's
Garuda 1.5 cm at the top left, the title centred (``_TitleRow``), and the block
for the superior's comment and order (``comment_block``). The memo itself is an
outline (``itadesk.outline.presets``) rendered by ``outline_blocks``: header
fields, paragraphs, tables, the closing kept with the signature.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Table, TableStyle

from ..domain.vocab import SignerRole
from ..domain.year import YearView
from ..pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph
from . import blocks as b


class _TitleRow(Flowable):
    """Garuda at the left margin, "บันทึกข้อความ" centred on the line."""

    def __init__(self, garuda, title: str):
        super().__init__()
        self.garuda, self.title = garuda, title

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = max(1.5 * cm, b.TITLE_SIZE * 1.9)
        return availWidth, self.height

    def draw(self):
        if self.garuda is not None:
            self.garuda.wrap(2 * cm, 1.5 * cm)
            self.garuda.drawOn(self.canv, 0, self.height - self.garuda.drawHeight)
        p = ThaiParagraph([Run(self.title, bold=True)], ParaStyle(size=b.TITLE_SIZE, leading=b.TITLE_SIZE * 1.6, align="center"))
        p.wrap(self.width, self.height)
        p.drawOn(self.canv, 0, (self.height - p.height) / 2 - 2)


def comment_block(snap: YearView) -> Flowable:
    """ความเห็น / ข้อสั่งการ of the superior: dotted lines and room to sign."""
    executive = snap.signer(SignerRole.EXECUTIVE)
    dots = "." * 70
    cells = [
        [ThaiParagraph([Run("ความเห็นและข้อสั่งการ", bold=True)], b.PLAIN)],
        [ThaiParagraph(dots, b.PLAIN)], [ThaiParagraph(dots, b.PLAIN)],
        [b.gap(b.LEADING * 1.2)],
        [ThaiParagraph("ลงชื่อ" + "." * 40, b.CENTER)],
        [ThaiParagraph(f"({executive.name})" if executive else "(" + "." * 40 + ")", b.CENTER)],
        [ThaiParagraph(executive.position if executive else "ตำแหน่ง" + "." * 30, b.CENTER)],
    ]
    table = Table(cells, colWidths=[9.5 * cm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Sarabun", b.BODY_SIZE), ("BOX", (0, 0), (-1, -1), 0.5, "black"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table
