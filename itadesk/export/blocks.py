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

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        starts = self.splits or [i / len(self.pairs) for i in range(len(self.pairs))]
        bounds = [s * availWidth for s in starts] + [availWidth]
        self._paras = []
        height = 0.0
        for (label, value), (x0, x1) in zip(self.pairs, pairwise(bounds), strict=False):
            lab = ThaiParagraph([Run(label, bold=True)], ParaStyle(size=self.label_size, leading=self.leading))
            lw = plain_text_width(label, size=self.label_size, bold=True) + 6
            val = ThaiParagraph(value, ParaStyle(size=self.value_size, leading=self.leading))
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
    def __init__(self, name, position, space, lead_in, frac):
        super().__init__()
        self.name, self.position, self.space, self.lead_in, self.frac = name, position, space, lead_in, frac
        self.keepWithNext = False

    def _span(self) -> float:
        span = self.width * (1 - (1 - self.frac) * 2) if self.frac > 0.5 else self.width / 2
        return min(span, self.width * 0.55)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        name = f"({self.name})" if self.name else "(.......................................)"
        self._lines = [t for t in ([self.lead_in] if self.lead_in else []) + [name, self.position] if t]
        # the height the wrapped lines take (a long name or position wraps): drawn inside it, never below the page
        self._paras = [ThaiParagraph(text, CENTER) for text in self._lines]
        self.height = self.space + sum(max(p.wrap(self._span(), availHeight)[1], LEADING) for p in self._paras)
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        """Taller than a page (a name or position of thousands of characters): the room to sign,
        then the lines as centred paragraphs in the same column, which break across pages."""
        if self.height <= 12 * LEADING or availHeight < self.space + LEADING:
            return []  # an ordinary block goes whole to the next page
        from reportlab.platypus import Indenter

        left = self.width * self.frac - self._span() / 2
        right = self.width - left - self._span()
        paras = [ThaiParagraph(text, CENTER) for text in self._lines]
        _w, h = paras[0].wrap(self._span(), availHeight - self.space)
        head = [paras[0]] if h <= availHeight - self.space else paras[0].split(self._span(), availHeight - self.space)
        if not head:
            return []
        return [Spacer(1, self.space), Indenter(left, right), *head, *paras[1:], Indenter(-left, -right)]

    def draw(self):
        span = self._span()
        cx = self.width * self.frac
        y = self.height - self.space
        for p in self._paras:
            p.wrap(span, self.height)
            p.drawOn(self.canv, cx - span / 2, y - p.height)
            y -= max(p.height, LEADING)


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
