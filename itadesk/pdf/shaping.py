"""HarfBuzz shaping into reportlab's ``ShapedStr``, in one tight loop.

reportlab's ``shapeStr`` gives the same result but measures the string first,
then walks the glyphs through several calls each (``pdfScale``, a per-glyph
frag look-up, string concatenation): about 9 µs a glyph, most of the time of a
document. Here the glyph → character map and the scale are looked up once per
font, so shaping costs what HarfBuzz costs plus one small step per glyph.

The output is exactly reportlab's (tests/test_layout_defects.py compares them):
the same characters (a private-use code for a glyph reached only through GSUB,
registered through reportlab's own ``hbAddPrivate`` so its ToUnicode maps it),
the same ``ShapeData`` (cluster, advances and offsets in 1/1000 em, width).

:func:`slice_shaped` cuts a shaped run at character offsets without shaping it
again: a line cut from a long word reuses the word's glyphs.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

_FEATURES = {"kern": True, "liga": True, "dlig": True}  # reportlab's defaults
_cluster = attrgetter("cluster")


class _FontShaper:
    def __init__(self, name: str):
        self.ttf = pdfmetrics.getFont(name)
        self.hb = self.ttf.hbFont(10)  # sizes do not change glyph positions in font units
        self.scale = self.ttf.face._pdfScale(1000) / 1000
        self.glyph_char: dict[int, tuple[str, float]] = {}

    def char_of(self, gid: int, x_advance: int) -> tuple[str, float]:
        hit = self.glyph_char.get(gid)
        if hit is None:
            face = self.ttf.face
            try:
                code = face.glyphToChar[gid][0]
            except KeyError:
                code = self.ttf.hbAddPrivate(self.hb.glyph_to_string(gid), gid, x_advance)
            hit = self.glyph_char[gid] = (chr(code), face.charWidths[code])
        return hit

    def shape(self, text: str) -> ShapedStr:
        buf = uharfbuzz.Buffer()
        buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
        buf.add_str(text)
        buf.guess_segment_properties()
        uharfbuzz.shape(self.hb, buf, _FEATURES)
        k = self.scale
        chars, data = [], []
        known = self.glyph_char
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            gid = info.codepoint
            ch, width = known.get(gid) or self.char_of(gid, pos.x_advance)
            chars.append(ch)
            if k == 1:  # 1000 units an em (Sarabun, Noto): HarfBuzz's integers, zeros shared
                data.append(ShapeData(info.cluster, pos.x_advance, pos.y_advance, pos.x_offset, pos.y_offset, width))
            else:
                data.append(ShapeData(info.cluster, pos.x_advance * k, pos.y_advance * k, pos.x_offset * k, pos.y_offset * k, width))
        return ShapedStr("".join(chars), shapeData=data)


@lru_cache(maxsize=32)
def _shaper(font: str) -> _FontShaper:
    return _FontShaper(font)


def shape_text(text: str, font: str, size: float) -> tuple[ShapedStr, float]:
    """``text`` (no invisible characters) shaped: glyphs and width in points."""
    shaped = _shaper(font).shape(text)
    return shaped, sum(sd.x_advance for sd in shaped.__shapeData__) * size / 1000


def base_of(shaped: ShapedStr) -> int:
    """The cluster number of the run's first character (nonzero for a slice)."""
    return getattr(shaped, "base", 0)


def with_base(shaped: ShapedStr, base: int) -> ShapedStr:
    if base:
        shaped.base = base
    return shaped


def slice_shaped(shaped: ShapedStr, a: int, b: int, size: float) -> tuple[ShapedStr, float] | None:
    """The glyphs of characters ``a:b`` of a shaped run, without shaping again; None when
    a glyph straddles ``a`` or ``b`` (a ligature across the cut).

    The glyphs keep their cluster numbers (no copy per glyph); the slice's ``base``
    says which cluster its first character has.
    """
    data = shaped.__shapeData__
    base = base_of(shaped)
    a, b = a + base, b + base
    g0 = bisect_left(data, a, key=_cluster)  # clusters of a left-to-right run ascend
    g1 = bisect_left(data, b, lo=g0, key=_cluster)
    if (g0 < len(data) and data[g0].cluster != a) or (g1 < len(data) and data[g1].cluster != b):
        return None
    part = data[g0:g1]
    out = with_base(ShapedStr(str.__getitem__(shaped, slice(g0, g1)), shapeData=part), a)
    return out, sum(sd.x_advance for sd in part) * size / 1000
