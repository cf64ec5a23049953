"""Sarabun for PDF: registered once, embedded as subsets, with a ToUnicode map
that gives back real Thai text.

Glyphs HarfBuzz reaches only through GSUB (``uni0E48.small``, ``uni0E4D0E49``,
``yoYingthai.less`` …) get private-use codes in reportlab, and its ToUnicode
CMap maps them to those codes: copy/paste and search then fail on ที่ น้ำ ป่า.
:class:`ThaiTTFont` maps each such code to the text its glyph stands for,
read from the glyph name (``uniXXXX[YYYY]`` or a cmap glyph plus a suffix).
The nikhahit+tone ligature is written tone first so that NFKC(ำ) matches.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from .. import paths
from . import fallback

REGULAR, BOLD, ITALIC, BOLD_ITALIC = "Sarabun", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-BoldItalic"
_FILES = {REGULAR: "Sarabun-Regular.ttf", BOLD: "Sarabun-Bold.ttf", ITALIC: "Sarabun-Italic.ttf", BOLD_ITALIC: "Sarabun-BoldItalic.ttf"}
_PUA = range(0xE000, 0xF900)
_NIKHAHIT = "\u0e4d"


def _hex_text(text: str) -> str:
    return "".join(f"{b:02X}" for b in text.encode("utf-16-be"))


class ThaiTTFont(TTFont):
    """A TTFont whose ToUnicode CMap maps GSUB-only glyphs back to their text."""

    def _glyph_text(self, gid: int) -> str | None:
        hb = self.hbFont(10)
        name = hb.glyph_to_string(gid)
        base = name.split(".")[0]
        if base.startswith("uni") and len(base) >= 7 and (len(base) - 3) % 4 == 0:
            try:
                chars = [chr(int(base[i:i + 4], 16)) for i in range(3, len(base), 4)]
            except ValueError:
                chars = []
            if chars:
                if len(chars) == 2 and chars[0] == _NIKHAHIT:
                    chars.reverse()  # NFKC(น้ำ) = น + ้ + ํ + า: tone before nikhahit
                return "".join(chars)
        if "_" in base:  # ligature of named glyphs: a_b_c
            parts = [self._name_text(hb, p) for p in base.split("_")]
            return "".join(parts) if all(parts) else None
        return self._name_text(hb, base)

    def _name_text(self, hb, name: str) -> str | None:
        gid = hb.get_glyph_from_name(name)
        for code in self.face.glyphToChar.get(gid, []) if gid is not None else []:
            if code not in _PUA:
                return chr(code)
        from fontTools.agl import toUnicode  # Adobe glyph names: yoYingthai → ญ

        return toUnicode(name) or toUnicode(name.lower()) or None

    def _tounicode(self, font_name: str, subset: list[int]) -> str:
        entries = []
        for i, code in enumerate(subset):
            text = chr(code)
            if code in _PUA:
                gid = self.face.charToGlyph.get(code)
                text = (self._glyph_text(gid) if gid is not None else None) or text
            entries.append(f"<{i:02X}> <{_hex_text(text)}>")
        return "\n".join([
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
            f"<< /Registry ({font_name})", f"/Ordering ({font_name})", "/Supplement 0", ">> def",
            f"/CMapName /{font_name} def", "/CMapType 2 def", "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
            *entries, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
        ])

    def addObjects(self, doc):
        # reportlab 5.1.0's TTFont.addObjects with our ToUnicode content (pinned version)
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = "Font %s subset %d" % (self.fontName, n)  # noqa: UP031 (as in reportlab's copy)
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap = pdfdoc.PDFStream()
            cmap.content = self._tounicode(base_font_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]


_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register Sarabun regular and bold (and the fallback faces) once per process (one object per file:
    reportlab aliases a second TTFont of the same face name to the first); :func:`face` adds an italic one."""
    global _registered
    with _lock:
        if _registered:
            return
        for name in (REGULAR, BOLD, *fallback.FILES):  # Noto Sans Lao for what Sarabun lacks
            _register(name)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        addMapping(REGULAR, 0, 0, REGULAR)
        _registered = True


def _register(name: str) -> None:
    file = _FILES.get(name) or fallback.FILES[name]
    pdfmetrics.registerFont(ThaiTTFont(name, str(paths.fonts_dir() / file), shapable=True))


def face(bold: bool = False, italic: bool = False) -> str:
    name = {(False, False): REGULAR, (True, False): BOLD, (False, True): ITALIC, (True, True): BOLD_ITALIC}[(bold, italic)]
    if italic and name not in _italics:
        # the italic faces are read when first asked for (~2 ms each): itadesk's documents print none
        register_fonts()
        with _lock:
            if name not in _italics:
                _register(name)
                _italics.add(name)
    return name


_italics: set[str] = set()
