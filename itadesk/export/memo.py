"""บันทึกข้อความ — the memo that reports the measures' status to the executive (seed 001).

Layout of ระเบียบงานสารบรรณ แบบที่ 2 as the reference measures it: the office's
Garuda 1.5 cm at the top left, the title centred, ส่วนราชการ / ที่ + วันที่ /
เรื่อง with dotted leaders, เรียน, body paragraphs indented 2.5 cm with 6 pt
before, the status table, the closing line kept with the signature, and an
optional block for the superior's comment and order.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ..domain.models import Memo
from ..domain.thai_dates import format_date_full
from ..domain.thai_numbers import digits
from ..domain.validation import STATUS_CODES, STATUS_TH
from ..domain.vocab import SignerRole, Status
from ..domain.year import YearView
from ..pdf.layout import portrait_width
from ..pdf.tables import thai_table
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


def status_rows(snap: YearView, memo: Memo) -> list[list]:
    """The status table's cells (header rows first); the status of each measure in the
    memo's round comes from the one rule of ``domain.year`` — as in the memo's text."""
    thai = snap.thai_digits
    rows: list[list] = []
    if memo.table_style == "three":
        rows.append(["ที่", "มาตรการ/โครงการ/กิจกรรม", "ขั้นตอนหรือวิธีการ", "สถานะการดำเนินงาน", "", ""])
        rows.append(["", "", "", STATUS_TH["not_started"], STATUS_TH["in_progress"], STATUS_TH["done"]])
    else:
        rows.append(["ที่", "มาตรการ/โครงการ/กิจกรรม", "ขั้นตอนหรือวิธีการ", "สถานะการดำเนินงาน", "ผลการดำเนินงาน"])
    for n, state in enumerate(snap.states, 1):
        m, current = state.measure, state.update_in(memo.status_round)
        status = state.status_in(memo.status_round)
        steps = [f"- {s}" for s in m.steps] or ["-"]
        if memo.table_style == "three":
            marks = ["/" if status == code else "" for code in STATUS_CODES]
            rows.append([digits(n, thai), m.title, steps, *marks])
        else:
            note = current.note if current else ""
            if current and current.status == Status.IN_PROGRESS:
                note = f"ร้อยละ {digits(current.progress, thai)} {note}".strip()
            rows.append([digits(n, thai), m.title, steps, STATUS_TH[status], note])
    return rows


def status_table(snap: YearView, memo: Memo) -> Table | None:
    rows = status_rows(snap, memo)
    if len(rows) <= (2 if memo.table_style == "three" else 1):
        return None
    width = portrait_width()
    if memo.table_style == "three":
        widths = [0.9 * cm, 4.2 * cm, 4.9 * cm, 2.0 * cm, 2.0 * cm, 2.0 * cm]
        spans = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1)), ((3, 0), (5, 0))]
        table = thai_table(rows, [w * width / sum(widths) for w in widths], size=10, header_rows=2, spans=spans,
                           col_align={0: "center", 3: "center", 4: "center", 5: "center"})
    else:
        widths = [0.9 * cm, 4.6 * cm, 5.0 * cm, 2.4 * cm, 3.1 * cm]
        table = thai_table(rows, [w * width / sum(widths) for w in widths], size=10, header_rows=1,
                           col_align={0: "center", 3: "center"})
    return table


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


def memo_story(snap: YearView, memo: Memo) -> list:
    thai = snap.thai_digits
    story: list = [_TitleRow(b.emblem(snap.office.emblem_png), "บันทึกข้อความ")]
    story.append(b.DottedField([("ส่วนราชการ", memo.agency)]))
    date = format_date_full(memo.date, thai=thai) if memo.date else ""
    story.append(b.DottedField([("ที่", memo.number), ("วันที่", date)], splits=[0, 0.5]))
    story.append(b.DottedField([("เรื่อง", memo.subject)]))
    story.append(ThaiParagraph([Run("เรียน", bold=False), Run(f"  {memo.salutation}")], b.PLAIN.but(space_before=6)))
    for para in memo.paragraphs:
        story.append(b.body(para))
    if memo.include_table:
        table = status_table(snap, memo)
        if table is not None:
            story += [b.gap(8), table, b.gap(4)]
    signer = b.signature_block(memo.signer_name, memo.signer_position)
    closing = b.body(memo.closing) if memo.closing else None
    # the signature never stands alone on a page: it keeps the closing sentence with it
    story.append(KeepTogether([f for f in (closing, signer) if f is not None]))
    if memo.comment_block:
        story += [b.gap(10), KeepTogether([comment_block(snap)])]
    return story
