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
    for subset, chars in font.splitString(shaped, doc):
        if subset != tx._curSubset:
            code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf {fp_str(tx._leading)} TL")
            tx._curSubset = subset
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

        for byte, (_cl, x_advance, _ya, x_offset, y_offset, width) in zip(chars, data[k:k + len(chars)], strict=True):
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
        k += len(chars)
        if gap > _TINY or gap < -_TINY:
            if run:
                items.append(f"({escapePDF(bytes(run))})")
                run.clear()
            items.append(fp_str(gap))
        flush()
    if rise:
        code.append("0 Ts")
