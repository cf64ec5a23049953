"""Building blocks shared by the documents: styles at the official sizes,
headings, dotted header fields, signature blocks and a shaped bar chart.

Official documents are typed in TH SarabunPSK 16 pt; Google's Sarabun is ~1.5×
larger at the same size, so body 11 pt, labels 13 pt and title 19 pt give the
look of a memo typed in Word (reference: thai-official-documents.md §4.2).
"""

from __future__ import annotations

from itertools import pairwise

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from ..pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph, plain_text_width

BODY_SIZE = 11.0
LEADING = 18.0
LABEL_SIZE = 13.0
TITLE_SIZE = 19.0
INDENT = 2.5 * cm

BODY = ParaStyle(size=BODY_SIZE, leading=LEADING, align="thai", first_indent=INDENT, space_before=6)
PLAIN = ParaStyle(size=BODY_SIZE, leading=LEADING, align="left")
CENTER = PLAIN.but(align="center")


def heading(text: str, *, size: float = 13.0, align: str = "left", space_before: float = 10) -> ThaiParagraph:
    return ThaiParagraph([Run(text, bold=True)], ParaStyle(size=size, leading=size * 1.55, align=align,
                                                             space_before=space_before, space_after=4, keep_with_next=True))


def body(text: str, **kw) -> ThaiParagraph:
    return ThaiParagraph(text, BODY.but(**kw) if kw else BODY)


def plain(text: str, **kw) -> ThaiParagraph:
    return ThaiParagraph(text, PLAIN.but(**kw) if kw else PLAIN)


def bullet(text: str, *, indent: float = INDENT, mark: str = "-") -> ThaiParagraph:
    return ThaiParagraph(text, PLAIN.but(align="thai", left_indent=indent, bullet=mark))


class DottedField(Flowable):
    """``label`` in bold, then ``value``, then a dotted leader to the right margin
    (ส่วนราชการ / ที่ / วันที่ / เรื่อง of a memo). Several (label, value) pairs
    share one line when given (ที่ … วันที่ …)."""

    def __init__(self, pairs: list[tuple[str, str]], *, label_size: float = LABEL_SIZE,
                 value_size: float = BODY_SIZE, leading: float = 22.0, splits: list[float] | None = None):
        super().__init__()
        self.pairs = pairs
        self.label_size, self.value_size, self.leading = label_size, value_size, leading
        self.splits = splits  # x where each pair starts, as fractions of the width
        self._paras: list[tuple[float, float, ThaiParagraph, ThaiParagraph]] = []
        self._value_para: ThaiParagraph | None = None  # the first lines of a split value

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        starts = self.splits or [i / len(self.pairs) for i in range(len(self.pairs))]
        bounds = [s * availWidth for s in starts] + [availWidth]
        self._paras = []
        height = 0.0
        for (label, value), (x0, x1) in zip(self.pairs, pairwise(bounds), strict=False):
            lab = ThaiParagraph([Run(label, bold=True)], ParaStyle(size=self.label_size, leading=self.leading))
            lw = plain_text_width(label, size=self.label_size, bold=True) + 6
            val = self._value_para or ThaiParagraph(value, ParaStyle(size=self.value_size, leading=self.leading))
            _w, h = val.wrap(x1 - x0 - lw - 4, availHeight)
            lab.wrap(lw + 2, availHeight)
            self._paras.append((x0, x1, lab, val, lw))
            height = max(height, h, self.leading)
        self.height = height
        return availWidth, height

    def split(self, availWidth, availHeight):
        """A value too long for the page (thousands of characters without a space): the
        field continues as plain paragraphs, label then value, which break across pages
        (at clusters inside an unbroken word); the dotted leader is dropped only then."""
        if availHeight < self.leading or self.height <= 10 * self.leading:
            return []  # an ordinary field goes whole to the next page, leader and all
        style = ParaStyle(size=self.value_size, leading=self.leading)
        paras = [ThaiParagraph([Run(label, bold=True, size=self.label_size), Run("  " + value)], style)
                 for label, value in self.pairs if label or value]
        # reportlab wants the first part to fit where it stands: split the first paragraph here
        _w, h = paras[0].wrap(availWidth, availHeight)
        head = [paras[0]] if h <= availHeight else paras[0].split(availWidth, availHeight)
        return head + paras[1:] if head else []

    def first_text(self) -> str:
        """What a continuation line quotes when the field starts a page."""
        return " ".join(f"{label} {value}" for label, value in self.pairs[:1])

    def draw(self):
        canv = self.canv
        for x0, x1, lab, val, lw in self._paras:
            lab.drawOn(canv, x0, self.height - lab.height)
            val.drawOn(canv, x0 + lw, self.height - val.height)
            # dotted leader from the end of the value's last line to the end of this field
            lines = val._lines
            last_w = lines[-1].width if lines else 0.0
            y = self.height - len(lines or [0]) * self.leading + self.leading * 0.22
            canv.saveState()
            canv.setDash(0.6, 1.8)
            canv.setLineWidth(0.6)
            start = x0 + lw + last_w + 3
            if start < x1 - 6:
                canv.line(start, y, x1 - 6, y)
            canv.restoreState()


def signature_block(name: str, position: str, *, space: float = 3 * LEADING, lead_in: str = "",
                    x_center_frac: float = 0.62) -> Flowable:
    """Room to sign, "(name)" and the position, centred in the right half."""
    return _Signature(name, position, space, lead_in, x_center_frac)


class _Signature(Flowable):
    """Room to sign, then "(name)" and the position centred under it.

    Each line is wrapped at the block's own width when the block is measured, so a
    position that takes two lines reserves them (it was drawn over the comment box
    below); a missing name prints a dotted line that fits in one line.
    """

    def __init__(self, name, position, space, lead_in, frac):
        super().__init__()
        self.name, self.position, self.space, self.lead_in, self.frac = name, position, space, lead_in, frac
        self.keepWithNext = False
        self._paras: list[ThaiParagraph] = []

    def _span(self, width: float) -> float:
        # centred at frac of the width and never past the right margin
        return min(2 * (1 - self.frac) * width, 0.55 * width) if self.frac > 0.5 else width / 2

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        span = self._span(availWidth)
        name = f"({self.name})" if self.name.strip() else _dotted_name(span)
        texts = [t for t in ([self.lead_in] if self.lead_in else []) + [name, self.position] if t.strip()]
        self._paras = [ThaiParagraph(t, CENTER) for t in texts]
        self.height = self.space + sum(p.wrap(span, availHeight)[1] for p in self._paras)
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        """Taller than a page (a name or position of thousands of characters): the room to sign,
        then the lines as centred paragraphs in the same column, which break across pages."""
        if self.height <= 12 * LEADING or availHeight < self.space + LEADING:
            return []  # an ordinary block goes whole to the next page
        from reportlab.platypus import Indenter

        span = self._span(self.width)
        left = self.width * self.frac - span / 2
        right = self.width - left - span
        paras = [ThaiParagraph(p.text, CENTER) for p in self._paras]
        _w, h = paras[0].wrap(span, availHeight - self.space)
        head = [paras[0]] if h <= availHeight - self.space else paras[0].split(span, availHeight - self.space)
        if not head:
            return []
        return [Spacer(1, self.space), Indenter(left, right), *head, *paras[1:], Indenter(-left, -right)]

    def first_text(self) -> str:
        """What a continuation line quotes when the block starts a page."""
        return self._paras[0].text if self._paras else self.name

    def draw(self):
        span = self._span(self.width)
        cx = self.width * self.frac
        y = self.height - self.space
        for p in self._paras:
            p.drawOn(self.canv, cx - span / 2, y - p.height)
            y -= p.height


def _dotted_name(span: float) -> str:
    """"(……)" as wide as most names, and never wider than the line it stands on."""
    dot = plain_text_width(".", size=BODY_SIZE)
    room = min(span * 0.8, 6 * cm) - plain_text_width("()", size=BODY_SIZE)
    return "(" + "." * max(3, int(room / dot)) + ")"


def emblem(png: bytes | None, *, height: float = 1.5 * cm) -> Flowable | None:
    """The office's Garuda image scaled to ``height`` (None without one)."""
    if not png:
        return None
    import io

    from reportlab.lib.utils import ImageReader

    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    return Image(io.BytesIO(png), width=height * w / h, height=height)


class ScoreBars(Flowable):
    """Horizontal bars of indicator scores against the pass mark (and last year).

    Drawn with canvas rectangles and shaped Thai labels: reportlab's chart
    strings are not shaped, so Thai marks would collide there.
    """

    def __init__(self, rows: list[tuple[str, float | None, float | None]], *, pass_mark: float = 85.0,
                 thai_digits: bool = True, label_width: float = 5.2 * cm, bar_height: float = 9.0,
                 legend: tuple[str, str] = ("ปีนี้", "ปีก่อน")):
        super().__init__()
        self.rows, self.pass_mark, self.thai = rows, pass_mark, thai_digits
        self.label_width, self.bar_h, self.legend = label_width, bar_height, legend

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.row_h = self.bar_h * 2 + 6
        self.height = len(self.rows) * self.row_h + 34
        return availWidth, self.height

    def draw(self):
        from reportlab.lib import colors

        from ..domain.thai_numbers import format_score

        canv = self.canv
        x0 = self.label_width + 4
        span = self.width - x0 - 46
        small = ParaStyle(size=9, leading=11)
        y = self.height - 20
        for label, now, before in self.rows:
            p = ThaiParagraph(label, small)
            p.wrap(self.label_width, self.row_h)
            p.drawOn(canv, 0, y - self.row_h / 2 - p.height / 2 + 2)
            for k, (value, colour) in enumerate(((now, colors.HexColor("#2E5E9E")), (before, colors.HexColor("#B7C4D8")))):
                if value is None:
                    continue
                top = y - 3 - k * self.bar_h
                canv.setFillColor(colour)
                canv.rect(x0, top - self.bar_h + 1, span * value / 100, self.bar_h - 2, stroke=0, fill=1)
                if k == 0:
                    t = ThaiParagraph(format_score(value, thai=self.thai), small)
                    t.wrap(44, 12)
                    t.drawOn(canv, x0 + span * value / 100 + 3, top - self.bar_h)
            y -= self.row_h
        # pass mark line
        canv.setStrokeColor(colors.HexColor("#C0392B"))
        canv.setDash(3, 2)
        px = x0 + span * self.pass_mark / 100
        canv.line(px, 14, px, self.height - 16)
        canv.setDash()
        legend = ThaiParagraph(f"เส้นประ: เกณฑ์ผ่านร้อยละ {format_score(self.pass_mark, thai=self.thai, places=0)}   "
                               f"แท่งเข้ม: {self.legend[0]}   แท่งอ่อน: {self.legend[1]}", small)
        legend.wrap(self.width - x0, 12)
        legend.drawOn(canv, x0, 0)


def keep(*flowables) -> KeepTogether:
    return KeepTogether([f for f in flowables if f is not None])


def gap(h: float = 6) -> Spacer:
    return Spacer(1, h)
