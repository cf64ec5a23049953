"""A reportlab flowable that sets Thai the way Thai readers expect.

* Lines break only at Thai word boundaries (``itadesk.text.breaks``), at
  spaces, or — for a word wider than the line — between grapheme clusters;
  nothing is ever inserted into the text.
* Every piece is shaped by HarfBuzz (``shaping.py``, into reportlab's ``ShapedStr``) so marks stack.
* Alignment: left, center, right, ``words`` (justify by word gaps) and
  ``thai`` (Word's Thai Distributed: the slack goes between every cluster);
  the last line of a paragraph, and a line ended by a hard break, stay left,
  and so does a line whose gaps would grow past ``MAX_GAP_EM``.
* Each piece is wrapped in ``/Span <</ActualText …>> BDC … EMC`` with its
  source text, so text copied from the PDF equals the text typed.
* ``split`` hands the remaining lines to a new paragraph: a long paragraph
  flows over pages and table rows split cleanly.

User text is data, never markup: build runs with :class:`Run` (``<``, ``&``
print literally).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus.flowables import Flowable

from ..text.breaks import break_candidates, current_names, is_local_boundary
from . import fonts
from .emit import shaped_out
from .fallback import font_runs
from .glyphs import gap_glyphs as _gap_glyphs
from .glyphs import split_after_sara_am as _split_after_sara_am
from .glyphs import utf16 as _utf16
from .glyphs import with_extra as _with_extra
from .pieces import CACHE_CHARS, Part, Piece, cut, measure, shape
from .shaping import shape_text

ZWSP = "\u200b"
# The most a justified line widens one gap, in em of the paragraph's size. A line
# that would need more (it ends early before a long word) is set ragged instead:
# 0.08 em between clusters keeps Thai distributed text even (letters 0.2 em apart
# read as spaced out, defect L4); word gaps may grow to 0.6 em.
MAX_GAP_EM = {"thai": 0.08, "words": 0.6}


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
        return _but(self, tuple(kw.items()))


@lru_cache(maxsize=256)
def _but(style: ParaStyle, changes: tuple) -> ParaStyle:
    # a table asks the same few variants for each of its cells; dataclasses.replace costs ~10 µs
    return replace(style, **dict(changes))


_Part, _Piece = Part, Piece  # the names the drawing code and tests use
_shape = shape


@dataclass
class _Line:
    pieces: list[_Piece]
    width: float
    last: bool  # last line of the paragraph or before a hard break
    avail: float = 0.0


def _normalise(text: str) -> str:
    # tabs become spaces; other text is kept exactly (ActualText gives it back)
    return text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")


# pieces of recently made paragraphs, by (runs, style, glued names): a document built twice (the
# contents' page numbers) or a block repeated shapes its text once; bounded by characters
_PIECES: OrderedDict[tuple, list] = OrderedDict()
_PIECES_BUDGET = 400_000
_pieces_chars = 0


def _pieces_of(para: ThaiParagraph) -> list:
    global _pieces_chars
    key = (tuple(para.runs), para.style, current_names())
    hit = _PIECES.get(key)
    if hit is not None:
        _PIECES.move_to_end(key)
        return hit
    pieces = para._make_pieces()
    size = sum(len(r.text) for r in para.runs)
    if size <= _PIECES_BUDGET // 4:
        _PIECES[key] = pieces
        _pieces_chars += size
        while _pieces_chars > _PIECES_BUDGET:
            (old_runs, _style, _names), _old = _PIECES.popitem(last=False)
            _pieces_chars -= sum(len(r.text) for r in old_runs)
    return pieces


def _parts_of(src: str, font: str, size: float, color: str) -> list[_Part]:
    """One part per face: a letter Sarabun lacks is drawn in a fallback face."""
    return [_Part(text, face, size, color, *_shape(text, face, size)) for text, face in font_runs(src, font)]


def _one_run_piece(src: str, font: str, size: float, color: str) -> tuple[tuple[_Part, ...], float, float]:
    """(parts, width, full width) of a piece in one style: words recur (cached), parts never change."""
    return (_made_cached if len(src) <= CACHE_CHARS else _made)(src, font, size, color)


def _made(src: str, font: str, size: float, color: str) -> tuple[tuple[_Part, ...], float, float]:
    p = measure(_Piece(src, _parts_of(src, font, size, color), 0, 0))
    return tuple(p.parts), p.width, p.full


_made_cached = lru_cache(maxsize=20000)(_made)


def _may_end_after(piece: _Piece) -> bool:
    return piece.check is None or is_local_boundary(*piece.check)


class ThaiParagraph(Flowable):
    """A paragraph of runs; ``ThaiParagraph("ข้อความ", style)`` for plain text."""

    def __init__(self, runs: list[Run] | str, style: ParaStyle | None = None, *, _pieces=None, _continued=False):
        super().__init__()
        fonts.register_fonts()
        self.style = style or ParaStyle()
        if isinstance(runs, str):
            runs = [Run(runs)]
        self.runs = [r if (text := _normalise(r.text)) == r.text else replace(r, text=text) for r in runs if r.text]
        # pieces are made on the first wrap: a story holds many paragraphs, and only the
        # one being laid out needs its shaped glyphs (a 100,000-letter field: ~20 MB each)
        self._given_pieces = _pieces
        self._continued = _continued
        self._lines: list[_Line] = []
        self._wrapped_for: float | None = None
        self.keepWithNext = self.style.keep_with_next
        self.width = self.height = 0.0

    # ------------------------------------------------------------- building
    @classmethod
    def _part_of(cls, whole: ThaiParagraph, lines: list[_Line], continued: bool) -> ThaiParagraph:
        """A paragraph of some of ``whole``'s lines, already broken at ``whole``'s width
        (its runs are not normalised again: on a long paragraph that costs each page)."""
        part = cls.__new__(cls)
        Flowable.__init__(part)
        part.style, part.runs, part._continued = whole.style, whole.runs, continued
        part._given_pieces, part._from_lines = None, lines
        part._lines, part._wrapped_for = lines, whole._wrapped_for
        part.keepWithNext = whole.keepWithNext
        part.width = part.height = 0.0
        return part

    @property
    def _pieces(self) -> list[_Piece]:
        if self._given_pieces is None:
            lines = getattr(self, "_from_lines", None)
            self._given_pieces = [p for line in lines for p in line.pieces] if lines is not None else _pieces_of(self)
        return self._given_pieces

    @property
    def text(self) -> str:
        if self._given_pieces is None and getattr(self, "_from_lines", None) is None:
            return "".join(r.text for r in self.runs).replace("\n", "")  # hard breaks are in no piece
        return "".join(p.src for p in self._pieces)

    def _make_pieces(self) -> list[_Piece]:
        text = "".join(r.text for r in self.runs)
        pieces: list[_Piece] = []
        for block_no, block in enumerate(text.split("\n")):
            if block_no:
                if not pieces or pieces[-1].hard_break:  # an empty line
                    pieces.append(_Piece("", [], 0.0, 0.0))
                pieces[-1].hard_break = True
            sure, unsure = break_candidates(block)
            zwsp = {i for i in range(1, len(block)) if block[i - 1] == ZWSP} if ZWSP in block else set()
            cuts = sorted(sure | unsure | zwsp)
            start = 0
            for c in [*cuts, len(block)]:
                if c > start:
                    pieces.append(_Piece(block[start:c], [], 0.0, 0.0, check=(block, c) if c in unsure else None))
                start = c
        # attach style runs: walk the runs in parallel with the pieces
        return self._style_pieces(pieces)

    def _style_pieces(self, pieces: list[_Piece]) -> list[_Piece]:
        """Each piece with one part per style run (and face) it covers, walking the
        runs alongside the pieces; a word in one run is made once and reused."""
        st = self.style
        spans = []  # (start, end, font, size, colour)
        pos = 0
        for r in self.runs:
            spans.append((pos, pos + len(r.text), fonts.face(bold=r.bold or st.bold, italic=r.italic), r.size or st.size,
                          r.color or st.color))
            pos += len(r.text)
        pos, k = 0, 0
        styled = []
        for p in pieces:
            start, end = pos, pos + len(p.src)
            pos = end + (1 if p.hard_break else 0)  # hard breaks consume the "\n" in the run text
            while k < len(spans) - 1 and spans[k][1] <= start:
                k += 1
            s0, s1, font, size, color = spans[k] if spans else (0, 0, "", 0, "")
            if s0 <= start and end <= s1:  # the usual case: the piece lies in one run
                parts, width, full = _one_run_piece(p.src, font, size, color)
                styled.append(_Piece(p.src, list(parts), width, full, p.hard_break, p.check))
                continue
            parts = []
            j = k
            while j < len(spans) and spans[j][0] < end:
                a, b = max(start, spans[j][0]), min(end, spans[j][1])
                if a < b:
                    parts += _parts_of(p.src[a - start:b - start], *spans[j][2:])
                j += 1
            styled.append(measure(_Piece(p.src, parts, 0, 0, p.hard_break, p.check)))
        return styled

    @staticmethod
    def _measure(p: _Piece) -> _Piece:
        return measure(p)

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
        stack = self._pieces[::-1]  # the next piece is last: taking and giving back cost nothing
        while stack:
            p = stack.pop()
            if p.width > avail and not current and len(p.src.strip()) > 1:
                pieces = cut(p, avail)
                if len(pieces) > 1:
                    stack += pieces[::-1]
                    continue
            if current and used + p.width > avail + 1e-6:
                # the line ends at its last break that holds: pieces after it go on the next line
                k = len(current)
                while k and not _may_end_after(current[k - 1]):
                    k -= 1
                k = k or len(current)  # no boundary holds on the whole line: it ends where it is full
                stack.append(p)
                stack += current[k:][::-1]
                lines.append(_Line(current[:k], used, False, avail))
                first = False
                avail = avail_for(False)
                current, used = [], 0.0
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
        # no single orphan or widow line: a paragraph of two or three lines moves whole
        fit = min(fit, n - 2)
        if fit < 2:
            return []
        first = ThaiParagraph._part_of(self, self._lines[:fit], self._continued)
        first.style = self.style.but(space_after=0)
        # the rest's lines are this wrap's later lines: a continued paragraph has no first
        # line, so breaking it again would give the same lines (and cost each page the rest's length)
        rest = ThaiParagraph._part_of(self, self._lines[fit:], True)
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
        if spots and per_gap > MAX_GAP_EM[gaps] * self.style.size:  # set ragged, as Word does
            spots, per_gap = [], 0.0
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
                    shaped = shape_text(str(shaped), part.font, part.size)[0]
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
            if len(run) == 1:
                glyphs = run[0][3]
            else:  # one string of the run's glyphs (adding them pairwise copies each again)
                glyphs = ShapedStr("".join(seg[3] for seg in run), shapeData=[sd for seg in run for sd in seg[3].__shapeData__])
            shaped_out(tx, glyphs)
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
                shaped_out(tx, part.shaped)
        tx._code.append("EMC")
        canv.drawText(tx)


@lru_cache(maxsize=64)
def _color(spec: str):
    from reportlab.lib.colors import toColor

    return toColor(spec)


def plain_text_width(text: str, *, size: float = 11.0, bold: bool = False) -> float:
    """Width of ``text`` set in Sarabun (shaped, fallback faces included), in points."""
    fonts.register_fonts()
    return sum(_shape(chunk, font, size)[1] for chunk, font in font_runs(_normalise(text), fonts.face(bold=bold)))


__all__ = ["Run", "ParaStyle", "ThaiParagraph", "plain_text_width"]
