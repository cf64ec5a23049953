"""A heading keeps with the first lines of what follows it — not with all of it.

reportlab's keep-with-next wraps the heading and the whole next flowable in a
KeepTogether; when that block is taller than the rest of the page, both jump
to the next page and leave the page 7 % full (defect L3). Word keeps a heading
with the *first lines* of the next paragraph, or the first row of the next
table. :func:`keep_with_first_lines` does that: before a run of keep-with-next
flowables it asks whether they fit together with the *lead* of the flowable
after them — two lines of a paragraph (all of it when it has three or fewer:
it is never split), a table's header and the least part of its first row — and
breaks the frame before the run only when they do not.
"""

from __future__ import annotations

from reportlab.platypus import Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak
from reportlab.platypus.flowables import KeepTogether

from .thai_paragraph import ThaiParagraph


def lead_height(flowable, width: float, height: float) -> float:
    """The least height ``flowable`` needs on a page to start there."""
    if flowable is None or isinstance(flowable, ActionFlowable):
        return 0.0
    _w, full = flowable.wrap(width, height)
    if isinstance(flowable, ThaiParagraph):
        lines = len(flowable._lines)
        shown = lines if lines <= 3 else 2  # split() never leaves fewer than two lines
        return flowable.getSpaceBefore() + shown * flowable.style.leading
    if isinstance(flowable, Table) and getattr(flowable, "_rowHeights", None):
        heads = flowable.repeatRows if isinstance(flowable.repeatRows, int) else len(flowable.repeatRows)
        rows = flowable._rowHeights
        first = rows[heads] if len(rows) > heads else 0.0
        least = min(first, flowable.splitInRow) if flowable.splitInRow else first
        return flowable.getSpaceBefore() + sum(rows[:heads]) + least
    if isinstance(flowable, KeepTogether):
        return full
    return flowable.getSpaceBefore() + full


def keep_with_first_lines(doc, flowables: list) -> None:
    """reportlab's ``handle_keepWithNext`` for ``doc``: see the module's text."""
    run = 0
    while run < len(flowables) and getattr(flowables[run], "keepWithNext", False):
        run += 1
    if not run:
        return
    frame = doc.frame
    if frame._atTop:
        return  # nothing above to leave behind: a taller block simply splits
    width = frame._getAvailableWidth()
    avail = frame._y - frame._y1p
    need = 0.0
    for k, f in enumerate(flowables[:run]):
        _w, h = f.wrap(width, frame._aH)
        need += h + (f.getSpaceBefore() if k else max(f.getSpaceBefore() - frame._prevASpace, 0)) + f.getSpaceAfter()
    following = flowables[run] if run < len(flowables) else None
    need += min(lead_height(following, width, frame._aH), frame._aH - need)
    if need > avail + 1e-6:
        flowables.insert(0, FrameBreak())
