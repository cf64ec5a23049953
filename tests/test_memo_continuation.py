"""The memo's continuation line (สารบรรณ practice): the foot of each page but the
last carries "/" and the first words of the next page."""

from __future__ import annotations

import re

import pytest
from reportlab.lib.units import cm

from itadesk.export.documents import render
from itadesk.outline import preset, presets_for
from itadesk.pdf.continuation import first_words
from itadesk.pdf.layout import portrait_width
from itadesk.pdf.thai_paragraph import ThaiParagraph
from tests.pdf_checks import needs_poppler, pdf_words, raw_text, squeeze


def test_first_words_are_a_word_or_two():
    para = ThaiParagraph("จึงเรียนมาเพื่อโปรดทราบและพิจารณาสั่งการต่อไป")
    para.wrap(portrait_width(), 1000)
    assert first_words(para) == "จึงเรียน"
    bullet = ThaiParagraph("- จัดทำแผนจัดการความเสี่ยงและติดตามผล")
    bullet.wrap(portrait_width(), 1000)
    assert first_words(bullet) == "จัดทำแผน"


@needs_poppler
@pytest.mark.parametrize("preset_name", [p.name for p in presets_for("memo")])
def test_each_page_but_the_last_ends_with_the_next_pages_first_words(demo_store, tmp_path, preset_name):
    memo = demo_store.memos(2568)[0]
    memo.paragraphs = memo.paragraphs + ["ข้อความเพิ่มเติมเพื่อให้บันทึกยาวหลายหน้า " * 30]
    memo.closing = "จึงเรียนมาเพื่อโปรดทราบและพิจารณาสั่งการต่อไป"
    demo_store.save_memo(memo)
    pdf = render("memo", demo_store.view(2568), tmp_path / "memo.pdf", memo_id=memo.id, outline=preset(preset_name).outline())
    pages = raw_text(pdf).split("\f")[:-1]
    assert len(pages) >= 3
    words = pdf_words(pdf)
    for no, page in enumerate(pages, 1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        last = lines[-1]
        if no == len(pages):
            assert not re.fullmatch(r"/.+…", last)  # the last page has none
            continue
        m = re.fullmatch(r"/(.+)…", last)
        assert m, f"page {no} ends with {last!r}"
        following = squeeze(pages[no])
        assert squeeze(m.group(1)) in following[:400], (m.group(1), following[:120])
        # at the right, below the last line of the page's text
        mark = [w for w in words if w.page == no and w.text.startswith("/") and w.text.endswith(("…", "..."))]  # NFKC: "..."
        assert mark and abs(mark[0].x1 - (21 * cm - 2 * cm)) < 2
        assert mark[0].y0 > max(w.y1 for w in words if w.page == no and w is not mark[0]) - 1
