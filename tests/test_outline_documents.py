"""Documents rendered from outlines: every preset on the demo, blocks switched off
or without data left out, digits per document and per block, drafted paragraphs
overridden and returned to the draft, contents pages, several memos a year."""

from __future__ import annotations

import dataclasses

import pytest

from itadesk.export.documents import export_document, render
from itadesk.export.outline_doc import has_data
from itadesk.outline import PRESETS, preset
from tests.pdf_checks import check_pdf, needs_poppler, raw_text, squeeze

TH = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@needs_poppler
@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_prints_every_block_of_the_demo(demo_path, tmp_path, name):
    """The demo holds data for every block of every preset; each block's own words are in the PDF."""
    from itadesk.store.store import Store

    p = PRESETS[name]
    store = Store.open(demo_path)
    try:
        view = store.view(2568)
    finally:
        store.close()
    memo = view.memos[-1] if p.kind == "memo" else None
    outline = p.outline()
    assert all(has_data(b, view, memo) for b in outline.blocks), [b.kind for b in outline.blocks if not has_data(b, view, memo)]
    out = export_document(p.kind, db=demo_path, year=2568, out=tmp_path / f"{name}.pdf", preset_name=name)
    report = check_pdf(out)
    assert report.cluster == [] and report.word == [] and report.pua == 0
    text = squeeze(raw_text(out))
    for b in outline.blocks:
        if b.kind == "heading":
            first = b.title.splitlines()[0].replace("{year}", "๒๕๖๘").replace("{plan_year}", "๒๕๖๙")
            assert squeeze(first.replace("{office_full}", view.office.full_name)) in text, first
    if p.kind == "measures":
        assert squeeze(view.measures[0].title)[:30] in text


@needs_poppler
def test_blocks_without_data_or_switched_off_are_not_printed(store, tmp_path):
    store.add_year(2568)
    store.set_scores(2568, overall=92.42, indicators={1: 100, 2: 97.19, 9: 84.56})
    store.apply_preset(2568, "measures", "measures-004")
    out = render("measures", store.view(2568), tmp_path / "a.pdf", outline=store.outline(2568, "measures"))
    text = squeeze(raw_text(out))
    assert "คะแนนสูงสุดรายตัวชี้วัด" in text and "จุดอ่อนที่ต้องพัฒนาและปรับปรุง" in text
    # no analyses and no measures: their tables, and the headings over nothing, are left out
    for gone in ("ประเด็นที่ต้องแก้ไข/ปรับปรุง", "มาตรการ/แนวทาง", "การพัฒนาหรือการแก้ไข", "ตัวชี้วัดคะแนนประเด็นการประเมิน"):
        assert squeeze(gone) not in text, gone
    ranking = next(b for b in store.outline(2568, "measures").blocks if b.kind == "ranking")
    store.set_block_enabled(2568, "measures", ranking.key, False)
    out = render("measures", store.view(2568), tmp_path / "b.pdf", outline=store.outline(2568, "measures"))
    assert "คะแนนสูงสุดรายตัวชี้วัด" not in squeeze(raw_text(out))


@needs_poppler
def test_digits_per_document_per_block_and_typed_numbers(demo_store, tmp_path):
    s = demo_store
    memo = s.memos(2568)[-1]
    s.edit_memo(memo.id, "number", "จบ 52101/123")
    s.apply_preset(2568, "memo", "memo")
    status = next(b for b in s.outline(2568, "memo").blocks if b.kind == "status")

    def text():
        out = render("memo", s.view(2568), tmp_path / "m.pdf", memo_id=memo.id, outline=s.outline(2568, "memo"))
        return squeeze(raw_text(out))

    t = text()  # the office prints Thai digits: typed numbers follow
    assert "จบ๕๒๑๐๑/๑๒๓" in t and "วันที่๕ตุลาคม๒๕๖๙" in t
    s.set_outline_option(2568, "memo", "typed_digits", False)
    t = text()
    assert "จบ52101/123" in t and "วันที่๕ตุลาคม๒๕๖๙" in t
    s.set_outline_option(2568, "memo", "digits", "arabic")
    t = text()
    assert "วันที่5ตุลาคม2569" in t and "-2-" in t  # the page numbers too
    s.set_block_option(2568, "memo", status.key, "digits", "thai")
    s.set_block_option(2568, "memo", status.key, "columns", ["no", "measure", "status"])
    t = text()
    assert "วันที่5ตุลาคม2569" in t and "ดำเนินการเรียบร้อยแล้ว๑" in t  # the status table numbers its rows in Thai


@needs_poppler
def test_drafted_paragraph_override_and_back_to_the_draft(demo_store, tmp_path):
    s = demo_store
    s.apply_preset(2568, "scores", "scores")
    block = next(b for b in s.outline(2568, "scores").blocks if b.kind == "drafted" and b.opt("draft") == "ranking")
    draft = s.view(2568).ranking_sentence()

    def text():
        return squeeze(raw_text(render("scores", s.view(2568), tmp_path / "s.pdf", outline=s.outline(2568, "scores"))))

    assert squeeze(draft)[:60] in text()
    s.set_block_text(2568, "scores", block.key, "ข้อความที่เจ้าหน้าที่เขียนเอง ๒ ย่อหน้า\n\nย่อหน้าที่สอง")
    t = text()
    assert "ข้อความที่เจ้าหน้าที่เขียนเอง" in t and "ย่อหน้าที่สอง" in t and squeeze(draft)[:60] not in t
    s.set_block_text(2568, "scores", block.key, "")  # empty: back to the draft
    assert squeeze(draft)[:60] in text()


@needs_poppler
def test_contents_lists_the_pages_its_headings_land_on(demo_path, tmp_path):
    out = export_document("measures", db=demo_path, year=2568, out=tmp_path / "r.pdf", preset_name="measures-002")
    pages = raw_text(out).split("\f")
    contents = next(p for p in pages if "สารบัญ" in p)
    for title in ("หลักการและเหตุผล", "การเปรียบเทียบสรุปผล", "วิธีการนำผลการวิเคราะห์", "ข้อจำกัด"):
        line = next(x for x in contents.splitlines() if title in x)
        number = int(line.split()[-1].translate(TH))
        assert title in squeeze(pages[number - 1]), (title, number)


@needs_poppler
def test_several_memos_a_year_each_with_its_round(demo_path, tmp_path):
    from itadesk.store.store import Store

    store = Store.open(demo_path)
    try:
        memos = store.memos(2568)
        view = store.view(2568)
    finally:
        store.close()
    assert [m.status_round for m in memos] == ["6", "12"]
    texts = {}
    for m in memos:
        out = export_document("memo", db=demo_path, year=2568, out=tmp_path / f"{m.id}.pdf", memo_id=m.id)
        texts[m.status_round] = squeeze(raw_text(out))
    assert "รอบ๖เดือน" in texts["6"] and "รอบ๑๒เดือน" in texts["12"]
    # the status table follows the memo's round: a measure done only by the 12-month report is open at 6 months
    late = next(s for s in view.states if s.status_in("6") != "done" and s.status_in("12") == "done")
    assert late is not None


@needs_poppler
def test_grouped_plan_prints_each_issue_once_with_steps_numbered_across(demo_store, tmp_path):
    s = demo_store
    from itadesk.domain.plan import plan_groups

    view = s.view(2568)
    group = next(g for g in plan_groups(view) if len(g.measures) > 1)
    out = render("measures", view, tmp_path / "p.pdf", outline=preset("measures-002").outline())
    text = squeeze(raw_text(out))
    assert text.count(squeeze(group.title)) >= 1
    second = group.measures[1]
    n = len(group.measures[0].steps) + 1  # the second measure's first step continues the group's numbering
    assert squeeze(f"{str(n).translate(str.maketrans('0123456789', '๐๑๒๓๔๕๖๗๘๙'))}. {second.steps[0]}")[:30] in text
    # a step's own unit and its status wording
    detailed = next(m for m in view.measures if any(d.unit for d in m.step_details))
    step = next(d for d in detailed.step_details if d.unit)
    assert squeeze(step.unit) in text and squeeze(step.period) in text
    memo = render("memo", view, tmp_path / "m.pdf", outline=preset("memo").outline())
    assert squeeze(step.status_text) in squeeze(raw_text(memo))


def test_today_layouts_are_presets_and_the_outline_is_the_year_default(demo_store):
    # the four documents itadesk printed before outlines are the kinds' defaults
    assert {p.kind for p in PRESETS.values() if p.default} == {"memo", "measures", "plan", "scores"}
    assert demo_store.outline(2569, "plan").preset == "plan"
    view = dataclasses.replace(demo_store.view(2568), thai_digits=False)
    assert view.thai_digits is False


@needs_poppler
def test_a_new_block_kind_registers_from_its_own_module(demo_store, tmp_path):
    """Issue 11's results and evidence blocks plug in the same way: a kind in the outline
    registry, a renderer in the export registry — no edit of the built-in ones."""
    from itadesk.export import outline_doc
    from itadesk.outline import KindSpec, Option, register_kind
    from itadesk.outline.blocks import _KINDS
    from itadesk.pdf.thai_paragraph import ThaiParagraph

    register_kind(KindSpec("evidence_count", "จำนวนหลักฐาน", "data", (Option("word", "คำนำหน้า", "text", "หลักฐาน"),),
                           lambda block, view, memo: any(m.evidence for m in view.measures)))

    @outline_doc.renderer("evidence_count")
    def _render(ctx, blk):
        count = sum(len(m.evidence) for m in ctx.view.measures)
        return [ThaiParagraph(f"{blk.opt('word')} {ctx.n(count, blk)} รายการ")]

    try:
        s = demo_store
        s.add_block(2568, "scores", "evidence_count")
        out = render("scores", s.view(2568), tmp_path / "e.pdf", outline=s.outline(2568, "scores"))
        count = sum(len(m.evidence) for m in s.measures(2568))
        assert squeeze(f"หลักฐาน {count} รายการ".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))) in squeeze(raw_text(out))
    finally:
        _KINDS.pop("evidence_count", None)
        outline_doc.RENDERERS.pop("evidence_count", None)
