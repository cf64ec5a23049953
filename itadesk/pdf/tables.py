"""Tables whose cells wrap Thai like paragraphs, rows that split across pages,
and header rows repeated at the top of every page — and only there."""

from __future__ import annotations

from itertools import pairwise

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.doctemplate import FrameBreak

from ..text.breaks import is_known_word, segments, sub_word_positions
from . import fonts
from .thai_paragraph import ParaStyle, Run, ThaiParagraph, plain_text_width

PAD = 5.0


def cell(content, style: ParaStyle) -> list:
    """Flowables for one cell: a string, a list of strings (one paragraph each),
    a list of Run lists, or flowables already made."""
    if content is None:
        return []
    if isinstance(content, str) or not isinstance(content, (list, tuple)):
        content = [content]
    out = []
    for item in content:
        if isinstance(item, str):
            if item.strip():
                out.append(ThaiParagraph(item, style))
        elif isinstance(item, list):
            out.append(ThaiParagraph(item, style))
        else:
            out.append(item)
    return out


def _cell_text(content) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, ThaiParagraph):
        return content.text
    parts = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, list):
            parts.append("".join(r.text for r in item if isinstance(r, Run)))
        elif isinstance(item, ThaiParagraph):
            parts.append(item.text)
    return "\n".join(parts)


def auto_widths(rows: list[list], total: float, *, size: float, min_width: float = 28.0,
                fixed: dict[int, float] | None = None, header_rows: int = 1) -> list[float]:
    """Column widths that fit ``total``: proportional to how much each column
    holds, never narrower than its longest word (capped) unless space runs out."""
    ncols = max(len(r) for r in rows)
    fixed = fixed or {}
    weight, floor = _measure(rows, ncols, total, size=size, min_width=min_width, header_rows=header_rows)
    free = total - sum(fixed.values())
    cols = [j for j in range(ncols) if j not in fixed]
    widths = {j: fixed[j] for j in fixed}
    total_weight = sum(weight[j] for j in cols) or 1.0
    # give every column its floor, then share the rest by weight
    base = sum(floor[j] for j in cols)
    if base > free:
        scale = free / base
        for j in cols:
            widths[j] = floor[j] * scale
    else:
        spare = free - base
        for j in cols:
            widths[j] = floor[j] + spare * weight[j] / total_weight
    return [widths[j] for j in range(ncols)]


def widen_to_words(widths: list[float], rows: list[list], *, size: float, header_rows: int = 1) -> list[float]:
    """``widths`` (a table's designed shape) with every column at least as wide as its longest
    word — "ปีงบประมาณ" in a narrow period column is not cut — the space taken from the columns
    with room to spare, in proportion to that room; as designed when the words cannot all fit."""
    floor = _measure(rows, len(widths), sum(widths), size=size, min_width=0.0, header_rows=header_rows, compounds=True)[1]
    need = [max(0.0, f - w) for w, f in zip(widths, floor, strict=True)]
    spare = [max(0.0, w - f) for w, f in zip(widths, floor, strict=True)]
    short, room = sum(need), sum(spare)
    if not short or room <= short:
        return list(widths)
    return [w + n - short * s / room for w, n, s in zip(widths, need, spare, strict=True)]


def _parts(word: str) -> list[str]:
    cuts = sub_word_positions(word) if is_known_word(word) else []
    return [word[a:b] for a, b in pairwise([0, *cuts, len(word)])]


def _measure(rows: list[list], ncols: int, total: float, *, size: float, min_width: float,
             header_rows: int, compounds: bool = False) -> tuple[list[float], list[float]]:
    """(weight, floor) of each column: how much it holds, and its longest word's width (capped).
    ``compounds``: a dictionary compound counts by its widest part, where a line may break it
    (สำนัก|ปลัด|เทศบาล) without cutting a word."""
    weight, floor = [0.0] * ncols, [min_width] * ncols
    for i, row in enumerate(rows):
        for j in range(ncols):
            text = _cell_text(row[j]) if j < len(row) else ""
            if not text.strip():
                continue
            if i >= header_rows or len(rows) <= header_rows:  # headers wrap; they set floors, not shares
                weight[j] += (len(text) * size * 0.48) ** 0.85  # Sarabun averages ~0.48 em per character
            words = [w.strip() for block in text.split("\n") for w in segments(block)]
            if compounds:
                words = [p for w in words for p in _parts(w)]
            most = max((len(w) for w in words), default=0)
            width = max((plain_text_width(w, size=size) for w in words if len(w) >= 0.6 * most), default=0)
            floor[j] = max(floor[j], min(width + 2 * PAD + 1, total * 0.22))
    return weight, floor


class ThaiTable(Table):
    """A table that fills a page to its foot, splitting the row that does not fit
    (as Word does), and whose remainder starts on the next page.

    reportlab tries whole rows first, then offers the remainder — with its header
    repeated — the space left on the same page, where it splits the next row: the
    header then stood in mid-page above the split row (defect L1). Here the row
    that crosses the page is split where the page ends, and the remainder, headed
    by the repeated header, goes to the top of the next frame.
    """

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            return [parts[0], FrameBreak(), parts[1]]
        return parts


def thai_table(rows: list[list], widths: list[float], *, size: float = 10.0, leading: float | None = None,
               header_rows: int = 1, align: str = "left", header_align: str = "center",
               col_align: dict[int, str] | None = None, spans: list | None = None,
               header_fill=colors.HexColor("#EDEDED"), zebra: bool = False) -> Table:
    """A grid table of Thai cells; ``rows`` hold strings, lists or flowables."""
    leading = leading or round(size * 1.45, 1)
    body = ParaStyle(size=size, leading=leading, align=align)
    head = body.but(bold=True, align=header_align)
    col_align = col_align or {}
    data = []
    for i, row in enumerate(rows):
        out = []
        for j, content in enumerate(row):
            st = head if i < header_rows else body.but(align=col_align.get(j, align))
            out.append(cell(content, st))
        data.append(out)
    style = [
        # reportlab selects each cell's font even for flowable cells: never Helvetica
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        style += [("BACKGROUND", (0, 0), (-1, header_rows - 1), header_fill), ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    if zebra:
        for i in range(header_rows, len(rows), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F7F7F7")))
    for sp in spans or []:
        style.append(("SPAN",) + tuple(sp))
    # splitByRow=0: split the row that crosses the page first; splitInRow: the least height
    # a split row leaves on the first page (two lines), so no row is cut to a sliver
    table = ThaiTable(data, colWidths=widths, repeatRows=header_rows, splitByRow=0,
                      splitInRow=round(2 * leading + 4), hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table
