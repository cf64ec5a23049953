"""The unbreakable pieces a Thai paragraph is made of, their shaping, and the
cutting of a piece wider than the line — in time linear in its length.

A piece is a word with its trailing spaces (``itadesk.text.breaks`` says where
words end); each piece holds one part per style run, shaped by HarfBuzz.

Cutting used to try every cluster of an over-wide piece, shaping the prefix
each time: quadratic work and memory (20,000 "x" took 100 s and 5.8 GiB).
Now the piece's own shaping gives the width before every character once
(:func:`prefix_widths`), a bisection picks the farthest cut that fits, and only
the chosen line is shaped again to confirm it (contextual forms may change a
glyph at the cut). The shaping cache keeps short texts only: long runs never
repeat, and caching them is what made memory grow with the square.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from reportlab.pdfbase.ttfonts import ShapedStr

from ..text.breaks import cluster_positions, is_known_word, sub_word_positions, word_positions
from .glyphs import INVISIBLE
from .shaping import base_of, shape_text, slice_shaped

# texts up to this length are cached (words, cells, short runs); longer ones are shaped each time
CACHE_CHARS = 80
EPS = 1e-6


@dataclass
class Part:
    """One style run inside a piece: its source text and what is drawn."""

    src: str
    font: str
    size: float
    color: str
    shaped: ShapedStr | str  # glyph string (empty for invisible-only parts)
    width: float
    indexed: bool = True  # glyph clusters index ``src`` (no invisible character was dropped)

    def __post_init__(self):
        self.indexed = isinstance(self.shaped, ShapedStr) and INVISIBLE.isdisjoint(self.src)


@dataclass
class Piece:
    """An unbreakable stretch of text (a word with its trailing spaces)."""

    src: str
    parts: list[Part]
    width: float  # without trailing spaces
    full: float  # with trailing spaces
    hard_break: bool = False  # a "\n" ends the line after this piece
    # (text, offset) when the break after this piece is unsure: a line ends here only
    # if ``breaks.is_local_boundary`` agrees (asked when a line would end here)
    check: tuple[str, int] | None = None


def _shape_now(text: str, font: str, size: float) -> tuple[ShapedStr | str, float]:
    drawn = text if INVISIBLE.isdisjoint(text) else "".join(ch for ch in text if ch not in INVISIBLE)
    if not drawn:
        return "", 0.0
    return shape_text(drawn, font, size)


_shape_cached = lru_cache(maxsize=50000)(_shape_now)


def shape(text: str, font: str, size: float) -> tuple[ShapedStr | str, float]:
    """``text`` shaped in ``font`` at ``size``: (glyphs, width in points)."""
    if len(text) <= CACHE_CHARS:
        return _shape_cached(text, font, size)
    return _shape_now(text, font, size)


def measure(p: Piece) -> Piece:
    """Set the piece's widths with and without its trailing spaces."""
    full = sum(part.width for part in p.parts)
    trailing = len(p.src) - len(p.src.rstrip())
    if trailing and p.parts:
        last = p.parts[-1]
        tail = last.src[len(last.src) - min(trailing, len(last.src)):]
        p.width = full - shape(tail, last.font, last.size)[1]
    else:
        p.width = full
    p.full = full
    return p


def restyle(piece: Piece, a: int, b: int) -> Piece:
    """The characters ``a:b`` of ``piece`` as a piece of their own, shaped anew."""
    parts, pos = [], 0
    for part in piece.parts:
        s0, s1 = pos, pos + len(part.src)
        pos = s1
        x, y = max(a, s0), min(b, s1)
        if x < y:
            src = part.src[x - s0:y - s0]
            if (x, y) == (s0, s1):
                shaped, width = part.shaped, part.width
            else:  # the part's own glyphs when the cut falls between them, else shaped anew
                sliced = _slice(part, x - s0, y - s0)
                shaped, width = sliced or shape(src, part.font, part.size)
            parts.append(Part(src, part.font, part.size, part.color, shaped, width))
        if pos >= b:
            break
    return measure(Piece(piece.src[a:b], parts, 0, 0))


def _slice(part: Part, a: int, b: int) -> tuple[ShapedStr, float] | None:
    if not part.indexed:
        return None  # invisible characters are not drawn: clusters would not index the source
    return slice_shaped(part.shaped, a, b, part.size)


def prefix_widths(piece: Piece) -> list[float]:
    """Width of ``piece.src[:i]`` for every ``i`` (0..len), from the piece's own shaping.

    A character inside a glyph cluster (a mark on its consonant) gets the width
    of the whole cluster: a cut is never made there anyway.
    """
    out = [0.0] * (len(piece.src) + 1)
    base = 0.0
    pos = 0
    for part in piece.parts:
        n = len(part.src)
        local = [0.0] * (n + 1)
        if part.indexed:
            scale = part.size / 1000
            base = base_of(part.shaped) - 1
            for sd in part.shaped.__shapeData__:  # clusters are monotone (left to right)
                if sd.cluster - base <= n:
                    local[sd.cluster - base] += sd.x_advance * scale
            run = 0.0
            for i in range(1, n + 1):
                run += local[i]
                local[i] = run
        else:  # invisible characters shift clusters: spread the part's width evenly
            for i in range(1, n + 1):
                local[i] = part.width * i / n
        for i in range(1, n + 1):
            out[pos + i] = base + local[i]
        base += part.width
        pos += n
    return out


class _Cutter:
    """The state of one over-wide piece being cut into lines of width ``avail``."""

    def __init__(self, piece: Piece, avail: float):
        self.piece, self.avail = piece, avail
        self.widths = prefix_widths(piece)
        self.parts_of: dict[tuple[int, int], tuple[list[int], list[float]]] = {}

    def cuts(self, positions: list[int]) -> tuple[list[int], list[float]]:
        """Sorted cut positions with the width before each (searched by bisection)."""
        return positions, [self.widths[c] for c in positions]

    def farthest(self, cuts: tuple[list[int], list[float]], start: int, end: int | None = None) -> Piece | None:
        """The longest piece ``start:c`` that fits, ``c`` one of ``cuts``, or None."""
        pos, keys = cuts
        lo = bisect_right(pos, start)
        hi = len(pos) if end is None else bisect_right(pos, end - 1)
        k = bisect_right(keys, self.widths[start] + self.avail + EPS, lo, hi) - 1
        while k >= lo:  # the estimate is confirmed by shaping the line itself
            chunk = restyle(self.piece, start, pos[k])
            if chunk.width <= self.avail + EPS:
                return chunk
            k -= 1
        return None

    def sub_words(self, start: int, end: int) -> tuple[list[int], list[float]]:
        """Cuts inside a dictionary compound (สำนัก|ปลัด|เทศบาล), absolute offsets."""
        key = (start, end)
        if key not in self.parts_of:
            word = self.piece.src[start:end]
            self.parts_of[key] = self.cuts([start + c for c in sub_word_positions(word)] if is_known_word(word.strip()) else [])
        return self.parts_of[key]


def cut(piece: Piece, avail: float) -> list[Piece]:
    """Cut an over-wide piece into pieces that fit ``avail`` (where possible).

    First only the spaces that joined it (never a word); then the dictionary's
    word cuts; a word wider than the line splits at its parts when it is a known
    compound, else between grapheme clusters.
    """
    src = piece.src
    inner_spaces = [i for i in range(1, len(src.rstrip())) if src[i - 1].isspace() and not src[i].isspace()]
    if inner_spaces:
        bounds = [0, *inner_spaces, len(src)]
        out = [restyle(piece, a, b) for a, b in pairwise(bounds)]
        out[-1].hard_break, out[-1].check = piece.hard_break, piece.check
        return out
    state = _Cutter(piece, avail)
    words = state.cuts([*word_positions(src), len(src)])
    clusters = state.cuts(cluster_positions(src))
    out: list[Piece] = []
    start = 0
    while start < len(src):
        chunk = state.farthest(words, start)
        if chunk is None:  # the next word alone is wider than the line
            end = words[0][bisect_right(words[0], start)]
            chunk = state.farthest(state.sub_words(start, end), start, end) or state.farthest(clusters, start, end)
            if chunk is None:  # not even one cluster fits: it goes alone
                k = bisect_right(clusters[0], start)
                chunk = restyle(piece, start, min(clusters[0][k] if k < len(clusters[0]) else len(src), end))
        out.append(chunk)
        start += len(chunk.src)
    out[-1].hard_break, out[-1].check = piece.hard_break, piece.check
    return out
