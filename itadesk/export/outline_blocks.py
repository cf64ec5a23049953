"""PDF renderers of the page, text and memo blocks of an outline (cover, foreword,
contents, headings, paragraphs, drafted paragraphs, memo parts, signature)."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Spacer

from ..domain.thai_dates import format_date_full
from ..outline.blocks import Block
from ..outline.drafts import draft, pick_paragraphs
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph
from . import blocks as b
from .memo import _TitleRow, comment_block
from .outline_doc import Ctx, Marked, renderer

HEADING_SIZES = {"0": 16.0, "1": 13.0, "2": 12.0, "3": 11.0}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]


def styled(text: str, style: str) -> ThaiParagraph:
    """One paragraph in a paragraph style; a paragraph typed with a leading "- " is a bullet."""
    if style in ("body", "plain", "bullet") and text.startswith(("- ", "-", "• ")) and len(text) > 2:
        return b.bullet(text.lstrip("-• ").strip())
    if style == "body":
        return b.body(text)
    if style == "plain":
        return b.plain(text, space_before=4)
    if style == "center":
        return b.plain(text, align="center")
    if style == "right":
        return b.plain(text, align="right")
    if style == "bullet":
        return b.bullet(text)
    center = style == "bold_center"
    return ThaiParagraph([Run(text, bold=True)], b.PLAIN.but(align="center" if center else "left", space_before=4))


def text_flowables(ctx: Ctx, blk: Block, text: str, style: str | None = None) -> list:
    return [styled(ctx.fill(p, blk), style or blk.opt("style") or "body") for p in paragraphs(text)]


# ------------------------------------------------------------------ page parts
@renderer("cover")
def cover(ctx: Ctx, blk: Block) -> list:
    office = ctx.view.office
    lines = [ctx.fill(x, blk) for x in (blk.opt("lines") or "").splitlines() if x.strip()]
    names = [ctx.fill(x, blk) for x in (blk.opt("office") or "").splitlines() if x.strip()]
    big = ParaStyle(size=22, leading=34, align="center", bold=True)
    own = bool(blk.opt("own_page"))
    landscape = ctx.orientation == "landscape"
    top, logo, gap = ((2.5, 2.5, 2.0) if landscape else (4.0, 3.0, 3.0)) if own else (0, 1.8, 0.3)
    out: list = [Spacer(1, top * cm)] if own else []
    image = b.emblem(office.emblem_png, height=logo * cm) if blk.opt("emblem") else None
    if image is not None:
        out += [image, Spacer(1, logo * cm / 3)]
    for k, line in enumerate(lines):
        out.append(ThaiParagraph(line, big if (k == 0 and own) else big.but(size=18 if own else 15, leading=28 if own else 24)))
    if blk.opt("tagline"):
        out.append(ThaiParagraph(ctx.fill(blk.opt("tagline"), blk), big.but(size=14, leading=22, bold=False)))
    out.append(Spacer(1, gap * cm))
    if blk.opt("unit"):
        out.append(ThaiParagraph(ctx.fill(blk.opt("unit"), blk), big.but(size=16 if own else 13, leading=26 if own else 20)))
    for name in names:
        out.append(ThaiParagraph(name, big.but(size=16 if own else 13, leading=26 if own else 20)))
    if own:
        ctx.story += out
        return ctx.page_break()
    if blk.opt("ornament"):
        out.append(ThaiParagraph(blk.opt("ornament"), big.but(size=13, leading=20)))
    return out + [Spacer(1, 6)]


@renderer("foreword")
def foreword(ctx: Ctx, blk: Block) -> list:
    view = ctx.view
    out: list = [b.heading(ctx.fill(blk.opt("heading") or "คำนำ", blk), size=16, align="center")]
    out += [b.body(ctx.typed(p, blk)) for p in paragraphs(blk.text or view.texts.get("foreword", ""))]
    signer = blk.opt("signer") or view.texts.get("foreword_signer") or (f"สำนักปลัด{view.office.name}" if view.office.name else "")
    tail = [ThaiParagraph(ctx.fill(signer, blk), b.PLAIN.but(align="right"))] if signer else []
    if blk.opt("date"):
        tail.append(ThaiParagraph(ctx.fill(blk.opt("date"), blk), b.PLAIN.but(align="right")))
    if tail:
        out.append(KeepTogether([Spacer(1, 1 * cm), *tail]))
    if blk.opt("page_break"):
        ctx.story += out
        return ctx.page_break()
    return out


@renderer("contents")
def contents(ctx: Ctx, blk: Block) -> list:
    rows = [[ctx.fill(blk.opt("col_title") or "เรื่อง", blk), ctx.fill(blk.opt("col_page") or "หน้า", blk)]]
    for h in ctx.outline.blocks:
        if h.kind == "heading" and h.opt("toc") and h.key in ctx.printed:
            page = ctx.toc_pages.get(h.key)
            rows.append([ctx.fill(h.opt("toc_title") or h.title, h), ctx.n(page, blk) if page else ""])
    width = ctx.width()
    out: list = [b.heading(ctx.fill(blk.opt("heading") or "สารบัญ", blk), size=16, align="center"),
                 thai_table(rows, [width - 2.2 * cm, 2.2 * cm], size=11, header_rows=1, col_align={1: "center"})]
    if blk.opt("page_break"):
        ctx.story += out
        return ctx.page_break()
    return out


@renderer("page_break")
def page_break(ctx: Ctx, blk: Block) -> list:
    return ctx.page_break(blk.opt("orientation") or "same")


# ------------------------------------------------------------------- text
@renderer("heading")
def heading(ctx: Ctx, blk: Block) -> list:
    level = blk.opt("level") or "1"
    size = HEADING_SIZES.get(level, 13.0)
    style = ParaStyle(size=size, leading=round(size * 1.55, 1), align=blk.opt("align") or "left", space_before=12 if level in "01" else 8,
                      space_after=4, keep_with_next=True)
    runs = [Run(ctx.fill(line, blk), bold=True) for line in blk.title.splitlines() if line.strip()]
    if blk.opt("toc"):
        return [Marked(blk.key, runs[:1], style)] + [ThaiParagraph([r], style.but(space_before=0)) for r in runs[1:]]
    return [ThaiParagraph([r], style if k == 0 else style.but(space_before=0)) for k, r in enumerate(runs)]


@renderer("paragraph")
def paragraph(ctx: Ctx, blk: Block) -> list:
    return text_flowables(ctx, blk, blk.text)


@renderer("year_text")
def year_text(ctx: Ctx, blk: Block) -> list:
    return text_flowables(ctx, blk, ctx.view.texts.get(blk.opt("key"), ""))


@renderer("drafted")
def drafted(ctx: Ctx, blk: Block) -> list:
    text = blk.text.strip() or draft(blk.opt("draft"), ctx.v(blk), ctx.memo)
    return text_flowables(ctx, blk, text)


# ------------------------------------------------------------------- memo
@renderer("memo_head")
def memo_head(ctx: Ctx, blk: Block) -> list:
    memo = ctx.memo
    garuda = b.emblem(ctx.view.office.emblem_png) if blk.opt("emblem") else None
    date = format_date_full(memo.date, thai=ctx.thai(blk)) if memo.date else ""
    return [
        _TitleRow(garuda, ctx.fill(blk.opt("title") or "บันทึกข้อความ", blk)),
        b.DottedField([("ส่วนราชการ", ctx.typed(memo.agency, blk))]),
        b.DottedField([("ที่", ctx.typed(memo.number, blk)), ("วันที่", date)], splits=[0, 0.5]),
        b.DottedField([("เรื่อง", ctx.typed(memo.subject, blk))]),
        ThaiParagraph([Run("เรียน"), Run(f"  {ctx.typed(memo.salutation, blk)}")], b.PLAIN.but(space_before=6)),
    ]


@renderer("memo_text")
def memo_text(ctx: Ctx, blk: Block) -> list:
    return [styled(ctx.typed(p, blk), "body") for p in pick_paragraphs(ctx.memo.paragraphs, blk.opt("paras"))]


@renderer("signature")
def signature(ctx: Ctx, blk: Block) -> list:
    who, memo = blk.opt("who") or "memo", ctx.memo
    if who == "memo" and memo is not None:
        name, position = memo.signer_name, memo.signer_position
    elif who == "custom" or (who == "memo" and memo is None):
        name, position = blk.opt("name") or "", blk.opt("position") or ""
    else:
        signer = ctx.view.signer(who)
        name, position = (signer.name, signer.position) if signer else ("", "")
    closing = memo.closing if (memo is not None and blk.opt("closing")) else ""
    parts = [b.body(ctx.typed(closing, blk)) if closing else None,
             b.signature_block(ctx.typed(name, blk), ctx.typed(position, blk))]
    # the signature never stands alone on a page: it keeps the closing sentence with it
    return [KeepTogether([p for p in parts if p is not None])]


@renderer("comment_box")
def comment_box(ctx: Ctx, blk: Block) -> list:
    return [b.gap(10), KeepTogether([comment_block(ctx.view)])]


__all__ = ["paragraphs", "styled", "text_flowables"]
