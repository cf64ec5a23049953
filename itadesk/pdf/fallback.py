"""Characters Sarabun has no glyph for.

Text pasted from neighbours' documents brings Lao letters (ສະບາຍດີ); Sarabun
would draw them as empty boxes. Such characters are drawn in a font that has
them — Noto Sans Lao (OFL, 31 KB a face, in fonts/) — and whatever no shipped
font draws (emoji, Khmer, CJK …) is reported by :func:`undrawable` so the
window and the command line can warn before the clerk prints boxes.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

from .glyphs import INVISIBLE

LAO, LAO_BOLD = "NotoSansLao", "NotoSansLao-Bold"
FILES = {LAO: "NotoSansLao-Regular.ttf", LAO_BOLD: "NotoSansLao-Bold.ttf"}
# for each Sarabun face, the fallback faces tried in order
_CHAIN = {
    "Sarabun": (LAO,), "Sarabun-Italic": (LAO,),
    "Sarabun-Bold": (LAO_BOLD,), "Sarabun-BoldItalic": (LAO_BOLD,),
}
# never drawn, so never missing: line ends, tabs (made spaces), invisible format characters
_NOT_DRAWN = frozenset("\n\r\t") | INVISIBLE


@lru_cache(maxsize=16)
def _drawn(font: str) -> frozenset[str]:
    """The characters ``font`` draws (and those never drawn), as a set of strings."""
    return frozenset(map(chr, pdfmetrics.getFont(font).face.charToGlyph)) | _NOT_DRAWN


def has_glyph(font: str, ch: str) -> bool:
    return ch in _drawn(font)


def font_for(ch: str, font: str) -> str:
    """The face that draws ``ch``: ``font`` itself, a fallback, or ``font`` (a box) when none can."""
    if has_glyph(font, ch):
        return font
    for other in _CHAIN.get(font, ()):
        if has_glyph(other, ch):
            return other
    return font


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` as (chunk, face) runs; a combining mark stays in its base letter's face."""
    if text.isascii() or _drawn(font).issuperset(text):
        return [(text, font)]
    runs: list[list] = []
    for ch in text:
        face = font_for(ch, font)
        if runs and unicodedata.category(ch) == "Mn" and has_glyph(runs[-1][1], ch):
            face = runs[-1][1]
        if runs and runs[-1][1] == face:
            runs[-1][0] += ch
        else:
            runs.append([ch, face])
    return [(t, f) for t, f in runs]


def undrawable(text: str, font: str = "Sarabun") -> list[str]:
    """The characters of ``text`` that neither Sarabun nor a fallback face can draw, in order."""
    if text.isascii():
        return []
    lacking = set(text) - _drawn(font)  # a set difference first: the text may be long
    if not lacking:
        return []
    # in order of first use: found for the few lacking letters, not by a walk over the whole text
    return [ch for ch in sorted(lacking, key=text.index) if font_for(ch, font) == font]
