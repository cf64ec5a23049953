"""Page set-up shared by every itadesk PDF: A4, official margins, portrait and
landscape page templates, "- ๒ -" page numbers from page 2, atomic writing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

from ..atomic import atomic_path
from ..domain.thai_numbers import digits
from . import fonts
from .keep import keep_with_first_lines
from .thai_paragraph import plain_text_width

# the official memo layout: left 3 cm, right 2 cm, top 2.5 cm, bottom 2 cm
MARGINS = dict(left=3 * cm, right=2 * cm, top=2.5 * cm, bottom=2 * cm)
LANDSCAPE_MARGINS = dict(left=2 * cm, right=2 * cm, top=2 * cm, bottom=1.8 * cm)


def portrait_width() -> float:
    return A4[0] - MARGINS["left"] - MARGINS["right"]


def landscape_width() -> float:
    return landscape(A4)[0] - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]


class ThaiDocTemplate(BaseDocTemplate):
    """Portrait and landscape templates; page numbers in Thai digits at the top."""

    def __init__(self, filename, *, title: str = "", author: str = "", thai_digits: bool = True,
                 number_pages: bool = True, first_page_number: int = 2, on_page: Callable | None = None,
                 landscape_first: bool = False):
        fonts.register_fonts()
        super().__init__(filename, pagesize=A4, title=title, author=author, creator="itadesk",
                         leftMargin=MARGINS["left"], rightMargin=MARGINS["right"],
                         topMargin=MARGINS["top"], bottomMargin=MARGINS["bottom"],
                         # without this every page references a non-embedded Helvetica
                         initialFontName=fonts.REGULAR, initialFontSize=11)
        self.thai_digits = thai_digits
        self.number_pages = number_pages
        self.first_page_number = first_page_number
        self.extra_on_page = on_page
        self.first_words: dict[int, str] | None = None  # recorded when a dict (continuation.py)
        self.continuations: dict[int, str] = {}  # page → "/จึงเรียน…" at its foot
        pw, ph = A4
        lw, lh = landscape(A4)
        m, lm = MARGINS, LANDSCAPE_MARGINS
        templates = [
            PageTemplate("portrait", [Frame(m["left"], m["bottom"], pw - m["left"] - m["right"], ph - m["top"] - m["bottom"],
                                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="p")],
                         pagesize=A4, onPage=self._decorate, onPageEnd=self._finish_page),
            PageTemplate("landscape", [Frame(lm["left"], lm["bottom"], lw - lm["left"] - lm["right"], lh - lm["top"] - lm["bottom"],
                                             leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="l")],
                         pagesize=landscape(A4), onPage=self._decorate, onPageEnd=self._finish_page),
        ]
        # the first template in the list lays out page 1
        self.addPageTemplates(templates[::-1] if landscape_first else templates)

    def handle_keepWithNext(self, flowables):  # noqa: N802 (reportlab's name)
        # a heading keeps with the first lines of the next block, not all of it (keep.py)
        keep_with_first_lines(self, flowables)

    def afterFlowable(self, flowable):
        if self.first_words is not None and self.page not in self.first_words:
            from .continuation import first_words

            words = first_words(flowable)
            if words:
                self.first_words[self.page] = words

    def _finish_page(self, canv, doc):
        # drawn last, so a reader's text of the page also ends with it
        page = canv.getPageNumber()
        if page in self.continuations:
            self._draw_continuation(canv, self.continuations[page])

    def _decorate(self, canv, doc):
        page = canv.getPageNumber()
        if self.number_pages and page >= self.first_page_number:
            label = digits(f"- {page} -", self.thai_digits)
            width, height = canv._pagesize
            from .thai_paragraph import ParaStyle, ThaiParagraph

            p = ThaiParagraph(label, ParaStyle(size=11, leading=14, align="center"))
            p.wrapOn(canv, 4 * cm, 2 * cm)
            p.drawOn(canv, (width - 4 * cm) / 2, height - 1.5 * cm)
        if self.extra_on_page:
            self.extra_on_page(canv, doc)


    @staticmethod
    def _draw_continuation(canv, text: str) -> None:
        """The first words of the next page, at the right under the last line of this one."""
        from .thai_paragraph import ParaStyle, ThaiParagraph

        width, height = canv._pagesize
        m = LANDSCAPE_MARGINS if width > height else MARGINS
        span = width - m["left"] - m["right"]
        p = ThaiParagraph(text, ParaStyle(size=11, leading=14, align="right"))
        p.wrapOn(canv, span, 2 * cm)
        p.drawOn(canv, m["left"], m["bottom"] - 4 - p.height)


def to_landscape() -> list:
    return [NextPageTemplate("landscape")]


def to_portrait() -> list:
    return [NextPageTemplate("portrait")]


def build_atomic(out: Path, build: Callable[[str], None]) -> Path:
    """Run ``build(tmp_path)`` and move the result onto ``out`` only when it succeeded:
    never a half-written PDF where the clerk expects one."""
    with atomic_path(out) as tmp:
        build(str(tmp))
    return Path(out)


__all__ = ["ThaiDocTemplate", "build_atomic", "portrait_width", "landscape_width", "to_landscape", "to_portrait", "plain_text_width"]
