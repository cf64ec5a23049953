"""Glyph-level helpers of the Thai paragraph: where justification may widen a gap,
ActualText spans cut after SARA AM, advances with extra space, UTF-16 for PDF strings.

Apart from ``thai_paragraph`` so each module stays small; they read reportlab's
``ShapedStr``/``ShapeData`` (pinned internals, see tests/test_guard_rails.py).
"""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from ..text.breaks import cluster_positions
from .shaping import base_of, with_base

# characters drawn as nothing: a part holding them is never cut by glyph index
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}


def split_after_sara_am(shaped: ShapedStr, src: str) -> list[tuple[ShapedStr, str]]:
    """``shaped``/``src`` cut right after every SARA AM that is not last (see _draw_span).

    Glyph clusters index the drawn text; a part holding invisible characters is
    kept whole (its indices would not line up with ``src``).
    """
    if "\u0e33" not in src[:-1] or any(ch in INVISIBLE for ch in src):
        return [(shaped, src)]
    data = shaped.__shapeData__
    base = base_of(shaped)
    out, g0, c0 = [], 0, 0
    for k, ch in enumerate(src[:-1]):
        if ch != "\u0e33":
            continue
        g1 = next((i for i, sd in enumerate(data) if sd.cluster - base > k), len(data))
        if g1 > g0:
            out.append((shaped[g0:g1], src[c0:k + 1]))
            g0, c0 = g1, k + 1
    out.append((shaped[g0:], src[c0:]))
    return out


def gap_glyphs(pieces: list, mode: str) -> list[tuple[int, int, int]]:
    """The glyphs that get extra advance after them, as (piece, part, glyph) indices.

    ``words``: after the last glyph of each piece but the line's last (word gaps);
    ``thai``: also after every grapheme cluster (Word's Thai Distributed).
    Glyphs are found through HarfBuzz clusters (monotone character clusters).
    """
    spots = []
    for pi, piece in enumerate(pieces):
        last_piece = pi == len(pieces) - 1
        for qi, part in enumerate(piece.parts):
            if not isinstance(part.shaped, ShapedStr):
                continue
            drawn = part.src if part.indexed else "".join(ch for ch in part.src if ch not in INVISIBLE)
            boundaries = []
            if mode == "thai":
                limit = len(drawn.rstrip()) if last_piece else len(drawn)
                boundaries = [c for c in cluster_positions(drawn) if c < limit]
            if qi == len(piece.parts) - 1 and not last_piece:
                boundaries.append(len(drawn))  # the gap to the next word
            # no widened gap right after ำ: an ActualText span ends there (see _draw_span) and a
            # reader would read the gap between two spans as a space that is not in the text
            boundaries = [b for b in boundaries if drawn[b - 1] != "\u0e33"]
            base = base_of(part.shaped)
            spots += [(pi, qi, gi) for gi in last_glyphs_before(part.shaped.__shapeData__, [b + base for b in boundaries])]
    return spots


def last_glyphs_before(data, boundaries: list[int]) -> list[int]:
    """For each boundary ``b`` (ascending), the last glyph whose cluster is before ``b``.

    One walk over the glyphs: HarfBuzz clusters of a left-to-right run ascend.
    """
    out, gi, last = [], 0, None
    for b in sorted(boundaries):
        while gi < len(data) and data[gi].cluster < b:
            last = gi
            gi += 1
        if last is not None:
            out.append(last)
    return out


def with_extra(shaped: ShapedStr, bonus: dict[int, float], size: float) -> ShapedStr:
    """A copy of ``shaped`` with ``bonus`` points of advance after some glyphs.

    The shared cached ShapedStr is never mutated (split paragraphs reuse it).
    """
    data = list(shaped.__shapeData__)
    for gi, pts in bonus.items():
        if not 0 <= gi < len(data):
            # a gap counted on the piece before its trailing space was cut off; right-to-left text
            # puts that space's glyph last in visual order, so its index is gone: no gap to widen
            continue
        sd = data[gi]
        data[gi] = ShapeData(sd.cluster, sd.x_advance + pts * 1000 / size, sd.y_advance, sd.x_offset, sd.y_offset, sd.width)
    return with_base(ShapedStr(str(shaped), shapeData=data), base_of(shaped))


def utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()
