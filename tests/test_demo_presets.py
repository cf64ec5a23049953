"""`itadesk export` of the demo with every preset, with the year's own outline of each kind, and
for each of the year's memos: every enabled block has data on the demo, every printed block puts
its own words on the page — each paragraph, table cell and signature line its renderer made, in
the outline's order — and no line ends inside a word or splits a cluster, not even a word wider
than its column (tests/pdf_checks.py)."""

from __future__ import annotations

import pytest
from reportlab.platypus import Table
from reportlab.platypus.flowables import KeepTogether

from itadesk.export.blocks import DottedField, ScoreBars, _Signature
from itadesk.export.documents import export_document
from itadesk.export.memo import _TitleRow
from itadesk.export.outline_doc import RENDERERS, Ctx, story
from itadesk.outline import PRESETS
from itadesk.outline.blocks import has_data
from itadesk.pdf.thai_paragraph import ThaiParagraph
from itadesk.store.store import Store
from tests.pdf_checks import check_pdf, needs_poppler, raw_text, squeeze

KINDS = ("memo", "measures", "plan", "scores")
PREFIX = 14  # letters of a paragraph looked for: its first line holds them, even when the rest goes to the next page


def _texts(flowable) -> list[str]:
    """The words ``flowable`` prints, in drawing order (the kinds an outline renderer makes)."""
    if isinstance(flowable, ThaiParagraph):
        return [flowable.text]
    if isinstance(flowable, Table):
        return [t for row in flowable._cellvalues for cell in row
                for f in (cell if isinstance(cell, (list, tuple)) else [cell]) for t in _texts(f)]
    if isinstance(flowable, KeepTogether):
        return [t for f in flowable._content for t in _texts(f)]
    if isinstance(flowable, DottedField):
        return [t for pair in flowable.pairs for t in pair]
    if isinstance(flowable, _Signature):
        return [flowable.name, flowable.position]
    if isinstance(flowable, _TitleRow):
        return [flowable.title]
    if isinstance(flowable, ScoreBars):
        return [row[0] for row in flowable.rows]
    if isinstance(flowable, str):
        return [flowable]
    return []


def _words(text: str) -> str:
    """What to look for: the first letters, without the dotted lines of a form to fill."""
    return squeeze(text).strip(".")[:PREFIX]


def _cases() -> list[tuple[str, str | None, int]]:
    """(kind, preset or None for the year's own outline, memo index)."""
    cases = []
    for name, p in PRESETS.items():
        cases += [(p.kind, name, m) for m in ((0, 1) if p.kind == "memo" else (0,))]
    cases += [(kind, None, 0) for kind in KINDS]
    return cases


@needs_poppler
@pytest.mark.parametrize(("kind", "name", "memo_no"), _cases(), ids=lambda v: str(v))
def test_every_printed_block_of_the_demo_is_on_the_page_and_no_word_is_broken(demo_path, tmp_path, kind, name, memo_no):
    store = Store.open(demo_path, readonly=True)
    try:
        view = store.view(2568)
        outline = PRESETS[name].outline() if name else store.outline(2568, kind)
    finally:
        store.close()
    memo = view.memos[memo_no] if kind == "memo" else None
    if kind == "memo":
        assert len(view.memos) == 2, "the demo has a 6-month and a 12-month memo"
    # the demo holds data for every block switched on
    empty = [b.label for b in outline.blocks if b.enabled and not has_data(b, view, memo)]
    assert not empty, empty

    out = export_document(kind, db=demo_path, year=2568, out=tmp_path / f"{kind}.pdf", preset_name=name,
                          memo_id=memo.id if memo else None)
    report = check_pdf(out)
    assert report.word == [] and report.cluster == [] and report.pua == 0, (report.word[:3], report.cluster[:3])
    # nor is a word cut for want of room: every column is as wide as its longest word on the demo
    # (the development table's period cut "ปีงบประ|มาณ", its units "กอง|การเจ้าหน้าที่")
    assert report.forced == 0
    page = squeeze(raw_text(out))

    # each block's own words, as its renderer makes them: the blocks one after another, the words of a
    # block after its first (a table row split across pages puts its cells' later lines after the page break)
    _flowables, ctx = story(outline, view, memo, {})
    at = 0
    for blk in outline.blocks:
        if blk.key not in ctx.printed or blk.kind == "page_break":
            continue
        own = Ctx(view, outline, memo, {}, ctx.orientation, [], ctx.printed)
        made = RENDERERS[blk.kind](own, blk)
        texts = [w for f in [*own.story, *made] for t in _texts(f) if (w := _words(t))]  # a page part adds to the story
        assert texts, f"{blk.label}: prints nothing"
        # a number or a mark (๑, /) is found anywhere: it says nothing of the order
        words = [w for w in texts if len(w) >= 4]
        start = page.find(words[0], at) if words else at
        assert start >= 0, f"{blk.label}: “{words[0]}” not on the page after offset {at} ({name or 'own'} {kind})"
        missing = [w for w in words if page.find(w, start) < 0] + [w for w in texts if w not in page]
        assert not missing, f"{blk.label}: {missing[:3]} not on the page ({name or 'own'} {kind})"
        at = start
