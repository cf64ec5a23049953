"""Render an outline to PDF: each block kind has a function that returns flowables.

The registry is open: ``@renderer("kind")`` from any module adds a kind (issue
11's results, multi-year plan and evidence blocks register theirs beside their
``itadesk.outline.register_kind``). A block the clerk switched off, or one with no
data for the year (its kind's ``has_data``), is not printed; a heading whose
section prints nothing is left out with it. A contents block takes a second pass
to learn the pages its headings landed on.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import NextPageTemplate, PageBreak

from ..domain.models import Memo
from ..domain.thai_numbers import digits, to_thai_digits
from ..domain.year import YearView
from ..outline import blocks as ob
from ..outline.blocks import Block, Outline
from ..pdf.continuation import continuation_lines
from ..pdf.layout import ThaiDocTemplate, build_atomic, landscape_width, portrait_width
from ..pdf.thai_paragraph import ThaiParagraph

Renderer = Callable[["Ctx", Block], list]
RENDERERS: dict[str, Renderer] = {}
# modules whose import registers renderers; a module of later block kinds (results, a multi-year
# plan, an evidence index) adds its name here beside its ``register_kind`` in itadesk.outline
RENDERER_MODULES = ["itadesk.export.outline_blocks", "itadesk.export.outline_tables", "itadesk.export.outline_plan",
                    "itadesk.export.outline_results"]


def renderer(kind: str) -> Callable[[Renderer], Renderer]:
    def register(fn: Renderer) -> Renderer:
        RENDERERS[kind] = fn
        return fn

    return register


class Marked(ThaiParagraph):
    """A heading whose page goes into the contents."""

    def __init__(self, key, *a, **kw):
        super().__init__(*a, **kw)
        self.toc_key = key


class OutlineDoc(ThaiDocTemplate):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.toc_pages: dict[str, int] = {}

    def afterFlowable(self, flowable):
        super().afterFlowable(flowable)  # the page's first words, for a memo's continuation line
        key = getattr(flowable, "toc_key", None)
        if key and key not in self.toc_pages:
            self.toc_pages[key] = self.page


# text that looks like a link or an e-mail keeps its digits: a URL is not a number. Tried
# only where a run of non-spaces starts (the look-behind): tried at every letter, a run of
# 30,000 letters with no "://" took a minute (each try scans the rest of the run)
_LINK = re.compile(r"(?<!\S)(\S+://\S+|\S*www\.\S+|\S+@\S+)")


@dataclasses.dataclass
class Ctx:
    view: YearView
    outline: Outline
    memo: Memo | None = None
    toc_pages: dict[str, int] = dataclasses.field(default_factory=dict)
    orientation: str = "portrait"
    story: list = dataclasses.field(default_factory=list)
    printed: set[str] = dataclasses.field(default_factory=set)  # keys of the blocks that print
    _views: dict = dataclasses.field(default_factory=dict)

    # ------------------------------------------------------------ digits
    def doc_thai(self) -> bool:
        style = self.outline.opt("digits")
        return self.view.thai_digits if not style else style == "thai"

    def thai(self, block: Block | None) -> bool:
        style = block.opt("digits") if block is not None else ""
        return self.doc_thai() if not style else style == "thai"

    def v(self, block: Block | None) -> YearView:
        """The year's view in the block's digits (every drafted sentence follows it)."""
        thai = self.thai(block)
        if thai == self.view.thai_digits:
            return self.view
        if thai not in self._views:
            self._views[thai] = dataclasses.replace(self.view, thai_digits=thai)
        return self._views[thai]

    def n(self, value: object, block: Block | None) -> str:
        return digits(value, self.thai(block))

    def typed(self, text: str, block: Block | None) -> str:
        """Text the clerk typed, with Thai digits when the block prints Thai digits and the
        document says typed numbers follow (links keep theirs)."""
        if not text or not self.thai(block) or not self.outline.opt("typed_digits"):
            return text
        parts = _LINK.split(text)
        return "".join(p if k % 2 else to_thai_digits(p) for k, p in enumerate(parts))

    def fill(self, template: str, block: Block | None, **extra) -> str:
        v, office = self.view, self.view.office
        values = {"office": office.name, "office_full": office.full_name, "amphoe": office.amphoe, "province": office.province,
                  "year": self.n(v.year, block), "plan_year": self.n(v.year + 1, block)}
        values.update({k: self.n(x, block) for k, x in extra.items()})
        return self.typed(ob.fill(template, values), block)

    # ------------------------------------------------------------- pages
    def width(self) -> float:
        return landscape_width() if self.orientation == "landscape" else portrait_width()

    def page_break(self, orientation: str = "same") -> list:
        """A page break, never a blank page: a break right after another only changes
        the orientation of the page that follows."""
        wanted = self.orientation if orientation == "same" else orientation
        out: list = []
        if wanted != self.orientation:
            out.append(NextPageTemplate(wanted))
        last = next((f for f in reversed(self.story) if not isinstance(f, NextPageTemplate)), None)
        if self.story and not isinstance(last, PageBreak):
            out.append(PageBreak())
        elif out:  # at the top of a fresh page already: the template applies from that break on
            at = max(i for i, f in enumerate(self.story) if isinstance(f, PageBreak))
            self.story[at:at] = out
            out = []
        self.orientation = wanted
        return out


def has_data(block: Block, view: YearView, memo: Memo | None) -> bool:
    return ob.has_data(block, view, memo)


def story(outline: Outline, view: YearView, memo: Memo | None, toc_pages: dict[str, int]) -> tuple[list, Ctx]:
    for name in RENDERER_MODULES:
        importlib.import_module(name)
    ctx = Ctx(view, outline, memo, toc_pages, outline.opt("orientation") or "portrait")
    ctx.printed = ob.printed(outline, view, memo, renderable=set(RENDERERS))
    for blk in outline.blocks:
        if blk.key in ctx.printed:
            ctx.story += RENDERERS[blk.kind](ctx, blk)
    return ctx.story, ctx


def render_outline(outline: Outline, view: YearView, out: Path, *, title: str = "", memo: Memo | None = None,
                   toc: dict[str, int] | None = None) -> Path:
    """Render ``outline`` of ``view`` to ``out`` (atomically).

    With a contents block the pages of its headings are known only after a pass; a
    second pass prints them. ``toc`` starts from the pages found last time (and gets
    the pages found now): an edit that moves no heading renders in one pass.

    A memo (สารบรรณ practice) ends each page but the last with "/" and the first words
    of the next page (``pdf.continuation``): the pass that laid the pages out records
    those words, and one more pass draws them in the bottom margin, outside the frame,
    so the pages break as in the pass before. A memo of one page takes one pass."""
    has_contents = any(b.kind == "contents" and b.enabled for b in outline.blocks)
    continued = outline.kind == "memo"

    def make(target, pages: dict[str, int], continuations: dict[int, str] | None = None) -> OutlineDoc:
        flowables, ctx = story(outline, view, memo, pages)
        doc = OutlineDoc(target, title=title, thai_digits=ctx.doc_thai(),
                         first_page_number=int(outline.opt("first_numbered_page") or 2),
                         landscape_first=(outline.opt("orientation") == "landscape"))
        if continued:
            doc.first_words = {}
        doc.continuations = continuations or {}
        doc.build(flowables)
        return doc

    def build(tmp: str) -> None:
        pages: dict[str, int] = dict(toc or {})
        for _pass in range(3 if has_contents else 1):
            doc = make(tmp, pages)
            if doc.toc_pages == pages:
                break
            pages = doc.toc_pages
        if continued and doc.page > 1:
            make(tmp, pages, continuation_lines(doc.first_words, doc.page))
        if toc is not None:
            toc.clear()
            toc.update(pages)

    return build_atomic(Path(out), build)
