"""The published result as an outline block: date, rankings, each tool ผ่าน/ไม่ผ่าน, the
result category, the level and its meaning (the printed part of ``results.py``)."""

from __future__ import annotations

from ..outline.blocks import Block
from .outline_doc import Ctx, renderer
from .results import results_brief, results_flowables


@renderer("result")
def result(ctx: Ctx, blk: Block) -> list:
    view = ctx.v(blk)  # the year's view in the block's digits
    if blk.opt("form") == "brief":
        return results_brief(view)
    return results_flowables(view, heading=ctx.fill(blk.opt("heading") or "ผลการประเมินที่ประกาศ", blk))
