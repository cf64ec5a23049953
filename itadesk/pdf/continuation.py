"""The continuation line of สารบรรณ practice: at the foot of every page but the
last, on the right, "/" and the first words of the next page ("/จึงเรียน…"), so
a reader knows no page is missing.

The words are known only once the next page is laid out, so the document is
built twice (``export.outline_doc.render_outline``): a first pass records each
page's first words (``ThaiDocTemplate.first_words``), and the second draws them
in the bottom margin — outside the frame, so the pages break exactly as in the
first pass.
"""

from __future__ import annotations

from reportlab.platypus import Table
from reportlab.platypus.flowables import KeepTogether

from ..text.breaks import segments
from .thai_paragraph import ThaiParagraph

MIN_CHARS = 6  # "จึงเรียน", "ทั้งนี้": at least a word or two of the next page
_LEADING = "-•·–— \u00a0"


def _first_line(para: ThaiParagraph) -> str:
    lines = para._lines
    return "".join(p.src for p in lines[0].pieces) if lines else para.text


def _words(text: str) -> str:
    text = " ".join(text.split()).lstrip(_LEADING)
    if not text:
        return ""
    out = ""
    for seg in segments(text):
        out += seg
        # a number alone ("๔)" of a numbered row) says little: go on to a word with letters
        if len(out.strip()) >= MIN_CHARS or (seg.endswith(" ") and any(ch.isalpha() for ch in out)):
            break
    return out.strip()


def _cell_text(cell) -> str:
    items = cell if isinstance(cell, (list, tuple)) else [cell]
    for item in items:
        if isinstance(item, ThaiParagraph):
            text = _first_line(item)
            if text.strip():
                return text
        elif isinstance(item, str) and item.strip():
            return item
    return ""


def first_words(flowable) -> str:
    """The first words ``flowable`` prints, or "" (a spacer, an image, a page break)."""
    if isinstance(flowable, ThaiParagraph):
        return _words(_first_line(flowable))
    own = getattr(flowable, "first_text", None)  # a drawn block of text (a header field, a signature)
    if callable(own):
        return _words(own())
    if isinstance(flowable, KeepTogether):
        for f in flowable._content:
            words = first_words(f)
            if words:
                return words
        return ""
    if isinstance(flowable, Table):
        heads = flowable.repeatRows if isinstance(flowable.repeatRows, int) else len(flowable.repeatRows)
        for row in flowable._cellvalues[heads:]:
            texts = [_cell_text(c) for c in row]
            # the row's first text with letters in it (a row number alone says little)
            best = next((t for t in texts if any(ch.isalpha() for ch in t)), next((t for t in texts if t.strip()), ""))
            if best:
                return _words(best)
    return ""


def continuation_text(words: str) -> str:
    return f"/{words}…"


def continuation_lines(first: dict[int, str], pages: int) -> dict[int, str]:
    """Page → its continuation line, from the first words of each page (``first``) of
    a document of ``pages`` pages: every page but the last that has a next with words."""
    return {p: continuation_text(first[p + 1]) for p in range(1, pages) if first.get(p + 1)}

