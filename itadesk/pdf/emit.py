"""Shaped glyphs written as PDF text operators, in one pass.

What reportlab's ``PDFTextObject.textOut`` writes for a ``ShapedStr`` — the
subset font (``Tf``), each glyph moved by its HarfBuzz offsets and advanced by
its HarfBuzz advance (``TJ`` numbers), marks raised with ``Ts`` — without its
costs per glyph that do not change the page: measuring the string again for a
text cursor nobody reads, and building a list of objects per glyph before
grouping it. About a third of a document's time went there.

A ``TJ`` number moves the next glyph left by 1/1000 em, so a glyph drawn
``x_offset`` to the right of its origin is preceded by ``-x_offset``, and
followed by ``width - x_advance + x_offset`` to land on the HarfBuzz advance.
"""

from __future__ import annotations

from itertools import compress, groupby
from operator import add, sub

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr

_TINY = 1e-7


def shaped_out(tx, shaped: ShapedStr) -> None:
    """Append ``shaped`` to the text object ``tx`` in its current font and size."""
    font = pdfmetrics.getFont(tx._fontname)
    doc = tx._canvas._doc
    size = tx._fontsize
    code = tx._code
    data = shaped.__shapeData__
    rise = 0.0
    k = 0
    for subset, chars in _split(font, shaped, doc):
        if subset != tx._curSubset:
            code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf {fp_str(tx._leading)} TL")
            tx._curSubset = subset
        glyphs = data[k:k + len(chars)]
        k += len(chars)
        if not rise and glyphs:
            _cl, x_advance, _ya, x_offset, y_offset, width = zip(*glyphs, strict=True)
            if not any(y_offset):
                _level_out(code, chars, x_advance, x_offset, width)
                continue
        rise = _glyph_out(code, chars, glyphs, size, rise)
    if rise:
        code.append("0 Ts")


def _split(font, text: str, doc) -> list[tuple[int, bytes]]:
    """``font.splitString(text, doc)``: (subset, codes) chunks. When every character already has
    its code in the document's subsets — nearly always once the first pages are drawn — the codes
    are looked up a column at a time instead of a character at a time (reportlab's loop also
    assigns new codes; it still does that for any other text)."""
    state = font.state.get(doc) if text and "\xa0" not in text else None
    if state is not None:
        codes = list(map(state.assignments.get, map(ord, text)))
        if None not in codes:
            return [(subset, bytes(map(_LOW_BYTE, group))) for subset, group in groupby(codes, _SUBSET)]
    return font.splitString(text, doc)


_LOW_BYTE, _SUBSET = (255).__and__, (8).__rrshift__  # n & 0xFF, n >> 8 (as reportlab splits)


def _level_out(code: list, chars: bytes, x_advance, x_offset, width) -> None:
    """Glyphs none of which is raised or lowered (nearly all): the numbers between them worked
    out a column at a time, the bytes between two numbers written as one string."""
    after = list(map(add, map(sub, width, x_advance), x_offset))  # what each glyph's advance leaves over
    before = list(map(sub, [0.0, *after[:-1]], x_offset))  # the TJ number due before each glyph
    n = len(chars)
    cuts = list(compress(range(n), map(_TINY.__lt__, map(abs, before))))  # glyphs with a number before them
    if cuts:
        numbers = [fp_str(before[i]) for i in cuts]
        strings = [f"({escapePDF(chars[a:b])})" for a, b in zip(cuts, [*cuts[1:], n], strict=True)]
        items = [f"({escapePDF(chars[:cuts[0]])})"] if cuts[0] else []
        items += [x for pair in zip(numbers, strings, strict=True) for x in pair]
    else:
        items = [f"({escapePDF(chars)})"]
    if abs(after[-1]) > _TINY:
        items.append(fp_str(after[-1]))
    code.append(f"{items[0]} Tj" if len(items) == 1 and items[0][0] == "(" else f"[{' '.join(items)}] TJ")


def _glyph_out(code: list, chars: bytes, glyphs, size: float, rise: float) -> float:
    """Glyph by glyph, for a run with a raised or lowered mark: returns the rise it ends with."""
    items: list[str] = []
    run = bytearray()
    gap = 0.0  # the TJ number pending before the next glyph

    def flush(items=items, run=run):
        if run:
            items.append(f"({escapePDF(bytes(run))})")
            run.clear()
        if items:
            code.append(f"{items[0]} Tj" if len(items) == 1 and items[0][0] == "(" else f"[{' '.join(items)}] TJ")
            items.clear()

    for byte, (_cl, x_advance, _ya, x_offset, y_offset, width) in zip(chars, glyphs, strict=True):
        r = size * y_offset / 1000 if y_offset else 0.0
        if r != rise:  # a raised or lowered mark: Ts applies to the glyphs after it
            if gap > _TINY or gap < -_TINY:
                if run:
                    items.append(f"({escapePDF(bytes(run))})")
                    run.clear()
                items.append(fp_str(gap))
            gap = 0.0
            flush()
            code.append(f"{fp_str(r)} Ts")
            rise = r
        gap -= x_offset
        if gap > _TINY or gap < -_TINY:
            if run:
                items.append(f"({escapePDF(bytes(run))})")
                run.clear()
            items.append(fp_str(gap))
        run.append(byte)
        gap = width - x_advance + x_offset
    if gap > _TINY or gap < -_TINY:
        if run:
            items.append(f"({escapePDF(bytes(run))})")
            run.clear()
        items.append(fp_str(gap))
    flush()
    return rise
