"""A reportlab flowable that sets Thai the way Thai readers expect.

* Lines break only at Thai word boundaries (``itadesk.text.breaks``), at
  spaces, or — for a word wider than the line — between grapheme clusters;
  nothing is ever inserted into the text.
* Every piece is shaped by HarfBuzz (reportlab's ``shapeStr``) so marks stack.
* Alignment: left, center, right, ``words`` (justify by word gaps) and
  ``thai`` (Word's Thai Distributed: the slack goes between every cluster);
  the last line of a paragraph, and a line ended by a hard break, stay left.
* Each piece is wrapped in ``/Span <</ActualText …>> BDC … EMC`` with its
  source text, so text copied from the PDF equals the text typed.
* ``split`` hands the remaining lines to a new paragraph: a long paragraph
  flows over pages and table rows split cleanly.

User text is data, never markup: build runs with :class:`Run` (``<``, ``&``
print literally).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus.flowables import Flowable

from ..text.breaks import break_positions, cluster_positions, is_known_word, sub_word_positions, word_positions
from . import fonts
from .glyphs import INVISIBLE as _INVISIBLE
from .glyphs import gap_glyphs as _gap_glyphs
from .glyphs import split_after_sara_am as _split_after_sara_am
from .glyphs import utf16 as _utf16
from .glyphs import with_extra as _with_extra

ZWSP = "\u200b"


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str | None = None


@dataclass(frozen=True)
class ParaStyle:
    size: float = 11.0
    leading: float = 18.0
    align: str = "left"  # left | center | right | words | thai
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    bold: bool = False
    color: str = "#000000"
    bullet: str | None = None  # drawn in the left indent of the first line
    keep_with_next: bool = False

    def but(self, **kw) -> ParaStyle:
        return replace(self, **kw)


@dataclass
class _Part:
    """One style run inside a piece: its source text and what is drawn."""

    src: str
    font: str
    size: float
    color: str
    shaped: ShapedStr | str  # glyph string (empty for invisible-only parts)
    width: float


@dataclass
class _Piece:
    """An unbreakable stretch of text (a word with its trailing spaces)."""

    src: str
    parts: list[_Part]
    width: float  # without trailing spaces
    full: float  # with trailing spaces
    hard_break: bool = False  # a "\n" ends the line after this piece


@dataclass
class _Line:
    pieces: list[_Piece]
    width: float
    last: bool  # last line of the paragraph or before a hard break
    avail: float = 0.0


@lru_cache(maxsize=20000)
def _shape(text: str, font: str, size: float) -> tuple[ShapedStr | str, float]:
    drawn = "".join(ch for ch in text if ch not in _INVISIBLE)
    if not drawn:
        return "", 0.0
    shaped = shapeStr(drawn, font, size, force=True)
    width = sum(sd.x_advance for sd in shaped.__shapeData__) * size / 1000
    return shaped, width


def _normalise(text: str) -> str:
    # tabs become spaces; other text is kept exactly (ActualText gives it back)
    return text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")


class ThaiParagraph(Flowable):
    """A paragraph of runs; ``ThaiParagraph("ข้อความ", style)`` for plain text."""

    def __init__(self, runs: list[Run] | str, style: ParaStyle | None = None, *, _pieces=None, _continued=False):
        super().__init__()
        fonts.register_fonts()
        self.style = style or ParaStyle()
        if isinstance(runs, str):
            runs = [Run(runs)]
        self.runs = [replace(r, text=_normalise(r.text)) for r in runs if r.text]
        self._pieces = _pieces if _pieces is not None else self._make_pieces()
        self._continued = _continued
        self._lines: list[_Line] = []
        self._wrapped_for: float | None = None
        self.keepWithNext = self.style.keep_with_next
        self.width = self.height = 0.0

    # ------------------------------------------------------------- building
    @property
    def text(self) -> str:
        return "".join(p.src for p in self._pieces)

    def _make_pieces(self) -> list[_Piece]:
        text = "".join(r.text for r in self.runs)
        pieces: list[_Piece] = []
        for block_no, block in enumerate(text.split("\n")):
            if block_no:
                if not pieces or pieces[-1].hard_break:  # an empty line
                    pieces.append(_Piece("", [], 0.0, 0.0))
                pieces[-1].hard_break = True
            cuts = sorted(break_positions(block) | {i for i in range(1, len(block)) if block[i - 1] == ZWSP})
            start = 0
            for c in [*cuts, len(block)]:
                if c > start:
                    pieces.append(_Piece(block[start:c], [], 0.0, 0.0))
                start = c
        # attach style runs: walk the runs in parallel with the pieces
        return self._style_pieces(pieces)

    def _style_pieces(self, pieces: list[_Piece]) -> list[_Piece]:
        spans = []  # (start, end, run)
        pos = 0
        for r in self.runs:
            spans.append((pos, pos + len(r.text), r))
            pos += len(r.text)
        pos = 0
        styled = []
        for p in pieces:
            start, end = pos, pos + len(p.src)
            pos = end + (1 if p.hard_break else 0)
            parts = []
            for s0, s1, run in spans:
                a, b = max(start, s0), min(end, s1)
                if a < b:
                    parts.append(self._part(p.src[a - start:b - start], run))
            # hard breaks consume the "\n" that sits in the run text
            styled.append(self._measure(_Piece(p.src, parts, 0, 0, p.hard_break)))
        return styled

    def _part(self, src: str, run: Run) -> _Part:
        st = self.style
        font = fonts.face(bold=run.bold or st.bold, italic=run.italic)
        size = run.size or st.size
        shaped, width = _shape(src, font, size)
        return _Part(src, font, size, run.color or st.color, shaped, width)

    @staticmethod
    def _measure(p: _Piece) -> _Piece:
        full = sum(part.width for part in p.parts)
        trailing = len(p.src) - len(p.src.rstrip())
        if trailing and p.parts:
            last = p.parts[-1]
            tail = last.src[len(last.src) - min(trailing, len(last.src)):]
            _s, tail_w = _shape(tail, last.font, last.size)
            p.width = full - tail_w
        else:
            p.width = full
        p.full = full
        return p

    def _cut(self, piece: _Piece, avail: float) -> list[_Piece]:
        """Cut an over-wide piece between grapheme clusters into pieces that fit."""
        out = []
        src = piece.src
        inner_spaces = [i for i in range(1, len(src.rstrip())) if src[i - 1].isspace() and not src[i].isspace()]
        if inner_spaces:  # first give up only the spaces that joined it (never a word)
            bounds = [0, *inner_spaces, len(src)]
            out = [self._restyle(piece, a, b) for a, b in pairwise(bounds)]
            out[-1].hard_break = piece.hard_break
            return out
        # then the dictionary's word cuts, and clusters only inside a word wider than the line
        words = word_positions(src)
        clusters = cluster_positions(src)
        start = 0
        while start < len(src):
            end = None
            for c in [*words, len(src)]:
                if c > start and self._restyle(piece, start, c).width <= avail:
                    end = c
            if end is None:  # the next word alone is wider than the line: its parts, then clusters
                end = next((c for c in [*words, len(src)] if c > start), len(src))
                word = src[start:end]
                # a compound (สำนักปลัดเทศบาล) splits at its parts; an unknown run only at clusters
                parts = [start + c for c in sub_word_positions(word)] if is_known_word(word.strip()) else []
                fit = [c for c in parts if self._restyle(piece, start, c).width <= avail]
                if not fit:
                    fit = [c for c in clusters if start < c < end and self._restyle(piece, start, c).width <= avail]
                end = fit[-1] if fit else next((c for c in clusters if c > start), end)
            out.append(self._restyle(piece, start, end))
            start = end
        out[-1].hard_break = piece.hard_break
        return out

    def _restyle(self, piece: _Piece, a: int, b: int) -> _Piece:
        parts, pos = [], 0
        for part in piece.parts:
            s0, s1 = pos, pos + len(part.src)
            pos = s1
            x, y = max(a, s0), min(b, s1)
            if x < y:
                src = part.src[x - s0:y - s0]
                shaped, width = _shape(src, part.font, part.size)
                parts.append(_Part(src, part.font, part.size, part.color, shaped, width))
        return self._measure(_Piece(piece.src[a:b], parts, 0, 0))

    # -------------------------------------------------------------- breaking
    def _break(self, width: float) -> list[_Line]:
        st = self.style
        lines: list[_Line] = []
        current: list[_Piece] = []
        used = 0.0
        first = not self._continued

        def avail_for(line_no_first: bool) -> float:
            return width - st.left_indent - st.right_indent - (st.first_indent if line_no_first else 0)

        avail = avail_for(first)
        queue = list(self._pieces)
        while queue:
            p = queue.pop(0)
            if p.width > avail and not current and len(p.src.strip()) > 1:
                pieces = self._cut(p, avail)
                if len(pieces) > 1:
                    queue[0:0] = pieces
                    continue
            if current and used + p.width > avail + 1e-6:
                lines.append(_Line(current, used, False, avail))
                first = False
                avail = avail_for(False)
                current, used = [], 0.0
                if p.width > avail and len(p.src.strip()) > 1:
                    queue.insert(0, p)
                    continue
            current.append(p)
            line_width = used + p.width
            used += p.full
            if p.hard_break:
                lines.append(_Line(current, line_width, True, avail))
                first = False
                avail = avail_for(False)
                current, used = [], 0.0
        if current:
            lines.append(_Line(current, 0.0, True, avail))
        for line in lines:
            line.width = sum(x.full for x in line.pieces[:-1]) + line.pieces[-1].width if line.pieces else 0.0
        return lines

    # ------------------------------------------------------------ flowable
    def wrap(self, availWidth, availHeight):
        if self._wrapped_for != availWidth:
            self._lines = self._break(availWidth)
            self._wrapped_for = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def getSpaceBefore(self):
        return 0 if self._continued else self.style.space_before

    def getSpaceAfter(self):
        return self.style.space_after

    def split(self, availWidth, availHeight):
        # reportlab's Table asks to split at the column width but wraps cells at the
        # width inside the padding: keep the lines of the last wrap
        if self._wrapped_for is not None:
            availWidth = self._wrapped_for
        self.wrap(availWidth, availHeight)
        fit = int((availHeight + 1e-6) // self.style.leading)
        n = len(self._lines)
        if fit >= n:  # only a table cell asks this (with a stale height): nothing to carry over
            from reportlab.platypus import Spacer

            return [self, Spacer(0, 0)]
        if n >= 4:  # no single orphan or widow line
            fit = min(fit, n - 2)
            if fit < 2:
                return []
        if fit < 1:
            return []
        head = self._lines[:fit]
        tail_pieces = [p for line in self._lines[fit:] for p in line.pieces]
        first = ThaiParagraph(self.runs, self.style, _pieces=[p for line in head for p in line.pieces], _continued=self._continued)
        first.style = self.style.but(space_after=0)
        first._lines, first._wrapped_for = head, availWidth
        first._lines[-1] = replace(head[-1], last=head[-1].last)
        rest = ThaiParagraph(self.runs, self.style, _pieces=tail_pieces, _continued=True)
        return [first, rest]

    def draw(self):
        canv = self.canv
        st = self.style
        size = st.size
        ascent, descent = 1.068 * size, 0.232 * size  # Sarabun's typo metrics
        extra = st.leading - (ascent + descent)
        y = self.height - extra / 2 - ascent
        for no, line in enumerate(self._lines):
            first = no == 0 and not self._continued
            x = st.left_indent + (st.first_indent if first else 0)
            if first and st.bullet:
                self._draw_text(canv, x - size * 1.2 if st.first_indent == 0 else st.left_indent, y, [
                    _Part(st.bullet, fonts.face(st.bold), size, st.color, *_shape(st.bullet, fonts.face(st.bold), size))], actual=st.bullet)
            slack = line.avail - line.width
            gaps = None
            if st.align == "center":
                x += slack / 2
            elif st.align == "right":
                x += slack
            elif st.align in ("words", "thai") and not line.last and slack > 0:
                gaps = st.align
            self._draw_line(canv, x, y, line, slack, gaps)
            y -= st.leading

    # -------------------------------------------------------------- drawing
    def _draw_line(self, canv, x: float, y: float, line: _Line, slack: float, gaps: str | None) -> None:
        pieces = line.pieces
        spots = _gap_glyphs(pieces, gaps) if gaps else []
        per_gap = slack / len(spots) if spots else 0.0
        extra_at: dict[tuple[int, int], dict[int, float]] = {}
        for pi, qi, gi in spots:
            extra_at.setdefault((pi, qi), {}).setdefault(gi, 0.0)
            extra_at[(pi, qi)][gi] += per_gap
        # segments: (font, size, colour, glyphs, source text), in drawing order
        segments: list[list] = []
        pending = ""  # source text with no glyph of its own (ZWSP …) joins a neighbour
        for pi, piece in enumerate(pieces):
            is_last = pi == len(pieces) - 1
            parts = piece.parts
            for qi, part in enumerate(parts):
                src = part.src
                shaped = part.shaped
                if is_last and qi == len(parts) - 1:  # trailing spaces: neither drawn nor copied
                    src = src.rstrip(" ")
                    if len(src) < len(part.src):
                        shaped, _w = _shape(src, part.font, part.size)
                if not shaped:
                    pending += src
                    continue
                if not isinstance(shaped, ShapedStr):
                    shaped = shapeStr(str(shaped), part.font, part.size, force=True)
                bonus = extra_at.get((pi, qi))
                if bonus:
                    shaped = _with_extra(shaped, bonus, part.size)
                for glyphs, text in _split_after_sara_am(shaped, src):
                    segments.append([part.font, part.size, part.color, glyphs, pending + text])
                    pending = ""
        if pending and segments:
            segments[-1][4] += pending
        tx = canv.beginText(x, y)
        state = {"font": None, "color": None}
        # ActualText spans give readers the text exactly as typed, however the gaps were
        # widened. A span ends after each SARA AM cluster: MuPDF (SumatraPDF) repeats the
        # rest of a span whose glyphs outnumber its characters (ำ is drawn as ํ + า).
        span: list[list] = []
        for k, seg in enumerate(segments):
            span.append(seg)
            if k == len(segments) - 1 or seg[4].endswith("\u0e33"):
                self._draw_span(tx, span, state)
                span = []
        canv.drawText(tx)

    @staticmethod
    def _draw_span(tx, span: list[list], state: dict) -> None:
        tx._code.append(f"/Span <</ActualText <FEFF{_utf16(''.join(seg[4] for seg in span))}>>> BDC")
        run: list = []  # consecutive segments in one font and colour are drawn as one string

        def flush():
            if not run:
                return
            font, size, color = run[0][0], run[0][1], run[0][2]
            if state["font"] != (font, size):
                tx.setFont(font, size)
                state["font"] = (font, size)
            if state["color"] != color:
                tx.setFillColor(_color(color))
                state["color"] = color
            glyphs = run[0][3]
            for seg in run[1:]:
                glyphs = glyphs + seg[3]
            tx.textOut(glyphs)
            run.clear()

        for seg in span:
            if run and tuple(seg[:3]) != tuple(run[0][:3]):
                flush()
            run.append(seg)
        flush()
        tx._code.append("EMC")

    def _draw_text(self, canv, x, y, parts, actual: str) -> None:
        tx = canv.beginText(x, y)
        tx._code.append(f"/Span <</ActualText <FEFF{_utf16(actual)}>>> BDC")
        for part in parts:
            if part.shaped:
                tx.setFont(part.font, part.size)
                tx.setFillColor(_color(part.color))
                tx.textOut(part.shaped)
        tx._code.append("EMC")
        canv.drawText(tx)


@lru_cache(maxsize=64)
def _color(spec: str):
    from reportlab.lib.colors import toColor

    return toColor(spec)


def plain_text_width(text: str, *, size: float = 11.0, bold: bool = False) -> float:
    """Width of ``text`` set in Sarabun (shaped), in points."""
    fonts.register_fonts()
    return _shape(_normalise(text), fonts.face(bold=bold), size)[1]


__all__ = ["Run", "ParaStyle", "ThaiParagraph", "plain_text_width"]
