"""Layout defects L1–L6 of issue 10, each checked in the PDF the project writes
(text and positions read back with poppler, see tests/pdf_checks.py)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from reportlab.lib.units import cm

from itadesk.pdf.layout import ThaiDocTemplate, portrait_width
from itadesk.pdf.tables import thai_table
from itadesk.pdf.thai_paragraph import ParaStyle, ThaiParagraph
from tests.pdf_checks import needs_poppler, pdf_words, raw_text, squeeze

FILLER = ("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ เป็นเครื่องมือที่ช่วยให้หน่วยงาน"
          "ทราบจุดแข็งและจุดที่ควรพัฒนา เพื่อนำไปปรับปรุงการบริหารงานให้เกิดประโยชน์ต่อประชาชน ")


def _build(tmp_path, name, story, **kw):
    out = tmp_path / name
    ThaiDocTemplate(str(out), **kw).build(story)
    return out


def _body_words(words, page):
    # the page number "- ๒ -" sits in the top margin, above the frame
    return [w for w in words if w.page == page and w.y0 > 2.4 * cm]


# ---------------------------------------------------------------- L1
@needs_poppler
def test_l1_header_repeats_only_at_the_top_of_a_page(tmp_path):
    style = ParaStyle(size=11, leading=18, align="thai")
    rows = [["หัวข้อทดสอบ", "รายละเอียดทดสอบ"]]
    for k in range(6):
        rows.append([f"แถวที่{k + 1}", FILLER * (4 + k)])
    story = [ThaiParagraph(FILLER * 5, style), thai_table(rows, [3 * cm, portrait_width() - 3 * cm], size=10)]
    pdf = _build(tmp_path, "l1.pdf", story)
    words = pdf_words(pdf)
    pages = sorted({w.page for w in words})
    assert len(pages) >= 3
    split_rows = 0
    for page in pages:
        body = _body_words(words, page)
        heads = [w for w in body if "หัวข้อทดสอบ" in w.text]
        assert len(heads) <= 1, f"header twice on page {page}"
        if page > 1:
            assert heads, f"no header on page {page}"
        for head in heads:
            table_words = [w for w in body if w.y0 > head.y0 + 1]
            above = [w for w in body if w.y1 < head.y0 - 1]
            # only the paragraph before the table may stand above the header, on the table's first page
            assert page == 1 or not above, f"header in mid-page on page {page}: {[w.text for w in above][:5]}"
            assert table_words
        # a page that begins inside a row (no row label right below the header) proves a split row
        if page > 1 and heads:
            first_body = min((w for w in body if w.y0 > heads[0].y1), key=lambda w: w.y0)
            split_rows += not first_body.text.startswith("แถวที่")
    assert split_rows >= 1  # the case of L1 happened: a row crossed a page break
    assert squeeze(raw_text(pdf)).count("หัวข้อทดสอบ") == len(pages)


# ---------------------------------------------------------------- L2
@needs_poppler
def test_l2_signature_reserves_its_lines_above_the_comment_box(demo_store, tmp_path):
    from itadesk.export.documents import render

    memo = demo_store.memos(2568)[0]
    memo.signer_position = "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ ปฏิบัติหน้าที่แทนปลัดองค์การบริหารส่วนตำบลท่าเดื่อ-มืดกา"
    memo.comment_block = True
    demo_store.save_memo(memo)
    pdf = render("memo", demo_store.view(2568), tmp_path / "memo.pdf", memo_id=memo.id)
    words = pdf_words(pdf)
    box = next(w for w in words if w.text.startswith("ความเห็น"))
    position = [w for w in words if w.page == box.page and w.y0 < box.y0 and
                any(part in w.text for part in ("ปฏิบัติหน้าที่", "ท่าเดื่อ", "มืดกา", "ยุทธศาสตร์"))]
    lines = sorted({round(w.y0) for w in position})
    assert len(lines) >= 2  # the position wraps: the case of L2
    # the box's border is drawn just above its title: every line of the position ends above it
    assert max(w.y1 for w in position) < box.y0 - 8


@needs_poppler
def test_l2_empty_signer_prints_one_dotted_line(demo_store, tmp_path):
    import re

    from itadesk.export.documents import render
    from tests.pdf_checks import pdf_lines

    memo = demo_store.memos(2568)[0]
    memo.signer_name = ""
    demo_store.save_memo(memo)
    pdf = render("memo", demo_store.view(2568), tmp_path / "memo.pdf", memo_id=memo.id)
    lines = [line for _page, block in pdf_lines(pdf) for line in block]
    assert any(re.fullmatch(r"\(\.{10,}\)", line.replace(" ", "")) for line in lines), lines[-12:]
    assert not any(line.replace(" ", "") in (".)", "..)") for line in lines)


# ---------------------------------------------------------------- L3
def _heading(text):
    return ThaiParagraph(text, ParaStyle(size=13, leading=20, bold=True, space_before=12, space_after=4, keep_with_next=True))


@needs_poppler
@pytest.mark.parametrize("block", ["table", "paragraph"])
def test_l3_heading_keeps_with_first_lines_not_the_whole_block(tmp_path, block):
    style = ParaStyle(size=11, leading=18, align="thai")
    if block == "table":
        rows = [["หัวข้อทดสอบ", "รายละเอียดทดสอบ"]] + [[f"แถวที่{k}", FILLER * 4] for k in range(1, 14)]
        following = thai_table(rows, [3 * cm, portrait_width() - 3 * cm], size=10)
    else:
        following = ThaiParagraph("ย่อหน้ายาว " + FILLER * 60, style)
    # about half a page of text, then the heading and a block of several pages
    story = [ThaiParagraph(FILLER * 4, style), _heading("หัวเรื่องทดสอบ"), following]
    pdf = _build(tmp_path, "l3.pdf", story)
    words = pdf_words(pdf)
    head = next(w for w in words if "หัวเรื่องทดสอบ" in w.text)
    assert head.page == 1  # it used to jump to page 2 with the whole block, leaving page 1 half empty
    first = "หัวข้อทดสอบ" if block == "table" else "ย่อหน้ายาว"
    assert next(w for w in words if first in w.text).page == 1
    assert max(w.page for w in words) >= 3


@needs_poppler
def test_l3_heading_at_the_foot_moves_with_its_first_lines(tmp_path):
    from reportlab.platypus import Spacer

    style = ParaStyle(size=11, leading=18, align="thai")
    frame = 29.7 * cm - 2.5 * cm - 2 * cm
    # room for the heading (12 + 20 + 4) and one line of the paragraph, not two
    story = [Spacer(1, frame - 60), _heading("หัวเรื่องทดสอบ"), ThaiParagraph("ย่อหน้ายาว " + FILLER * 6, style)]
    pdf = _build(tmp_path, "l3b.pdf", story)
    words = pdf_words(pdf)
    head = next(w for w in words if "หัวเรื่องทดสอบ" in w.text)
    body = next(w for w in words if "ย่อหน้ายาว" in w.text)
    assert head.page == body.page == 2
    # and with room for two lines, they stay
    story = [Spacer(1, frame - 80), _heading("หัวเรื่องทดสอบ"), ThaiParagraph("ย่อหน้ายาว " + FILLER * 6, style)]
    words = pdf_words(_build(tmp_path, "l3c.pdf", story))
    assert next(w for w in words if "หัวเรื่องทดสอบ" in w.text).page == 1
    assert next(w for w in words if "ย่อหน้ายาว" in w.text).page == 1


# ---------------------------------------------------------------- L4
UNKNOWN_RUN = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ" * 2  # no dictionary word: never cut


@needs_poppler
def test_l4_distributed_justification_never_stretches_a_gap_past_the_maximum(tmp_path):
    from itadesk.pdf.thai_paragraph import MAX_GAP_EM, plain_text_width

    assert MAX_GAP_EM["thai"] == 0.08  # the stated maximum
    from itadesk.text.breaks import cluster_positions
    from tests.pdf_checks import pdf_line_boxes

    size, width = 11, portrait_width()
    text = FILLER * 2 + UNKNOWN_RUN + " " + FILLER * 2 + "สั้น " + UNKNOWN_RUN + " " + FILLER
    pdf = _build(tmp_path, "l4.pdf", [ThaiParagraph(text, ParaStyle(size=size, leading=18, align="thai"))])
    left = 3 * cm
    lines = [(t, x0, x1) for _p, t, x0, x1 in pdf_line_boxes(pdf) if x0 >= left - 1 and not t.startswith("-")]
    assert len(lines) >= 6
    flush, ragged = 0, 0
    for t, x0, x1 in lines[:-1]:
        natural = plain_text_width(t, size=size)
        gaps = max(len(cluster_positions(t.replace(" ", ""))), 1)
        stretch = (x1 - x0) - natural
        assert stretch / gaps <= 0.08 * size * 1.15 + 0.05, (t[:30], stretch / gaps / size)
        if abs(x1 - (left + width)) < 1.5:
            flush += 1
        elif x1 < left + width - 20:
            ragged += 1
    assert flush >= 3  # ordinary lines are still justified to the margin
    assert ragged >= 1  # the line before an unbreakable run stays ragged (it used to spread ~0.2 em a gap)


# ---------------------------------------------------------------- L5
OFFICE = "เทศบาลตำบลท่าเดื่อ-มืดกา"
L5_TEXT = ("รายงานผลการประเมินประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ของเทศบาลตำบลท่าเดื่อ-มืดกา ได้คะแนนร้อยละ ๘๗.๕๐ "
           "จำนวน ๘ ตัวชี้วัด งบประมาณ ๑๒,๐๐๐ บาท ลงนามโดยนายประเสริฐ มั่นคง ") * 3


def _junctions(pdf):
    """Consecutive printed lines in reading order (page numbers left out), spaces removed."""
    from tests.pdf_checks import norm

    lines = [norm(x).replace(" ", "") for x in raw_text(pdf).replace("\f", "\n").splitlines()]
    lines = [x for x in lines if x and not (x.startswith("-") and x.endswith("-"))]
    return list(pairwise(lines))


def _splits(pdf, whole: str) -> list[str]:
    """Line ends that fall strictly inside ``whole`` (spaces ignored)."""
    w = whole.replace(" ", "")
    return [f"{a[-12:]}|{c[:12]}" for a, c in _junctions(pdf)
            if any(a.endswith(w[:j]) and c.startswith(w[j:]) for j in range(1, len(w)))]


def _sweep(tmp_path, name):
    style = ParaStyle(size=11, leading=17, align="thai", space_after=6)
    story = [ThaiParagraph(L5_TEXT, style.but(right_indent=k * 9.0)) for k in range(0, 36)]
    return _build(tmp_path, name, story)


@needs_poppler
def test_l5_no_break_inside_dates_numbers_with_units_and_the_offices_names(tmp_path):
    from itadesk.text import breaks

    with breaks.with_names([OFFICE], ["นายประเสริฐ มั่นคง"]):
        pdf = _sweep(tmp_path, "l5.pdf")
    junctions = list(_junctions(pdf))
    assert len(junctions) > 150
    for whole in ("พ.ศ. ๒๕๖๘", "ร้อยละ ๘๗.๕๐", "๘ ตัวชี้วัด", "๑๒,๐๐๐ บาท", "ท่าเดื่อ-มืดกา", "นายประเสริฐ มั่นคง"):
        assert _splits(pdf, whole) == [], whole
    # "เทศบาลตำบล|ท่าเดื่อ-มืดกา" is where a long name may end a line
    assert not _splits(pdf, "ท่าเดื่อ-มืดกา")
    # without the names the segmenters cut the place name (ท่า|เดื่อ-มืด|กา): the sweep does meet the case
    plain = _sweep(tmp_path, "plain.pdf")
    assert _splits(plain, "ท่าเดื่อ-มืดกา")


@needs_poppler
def test_l5_export_gives_the_offices_names_to_the_segmenter(demo_store, tmp_path):
    from itadesk.export.documents import render

    office = demo_store.office()
    office.name = OFFICE
    demo_store.save_office(office)
    for kind in ("measures", "plan"):
        pdf = render(kind, demo_store.view(2568), tmp_path / f"{kind}.pdf")
        assert OFFICE.replace(" ", "") in squeeze(raw_text(pdf))
        assert _splits(pdf, "ท่าเดื่อ-มืดกา") == [], kind


# ---------------------------------------------------------------- L6
LAO = "ສະບາຍດີ ປະເທດລາວ"
KHMER = "ភាសាខ្មែរ"


@needs_poppler
def test_l6_lao_falls_back_to_a_font_that_has_it(tmp_path):
    import subprocess

    text = f"ข้อความไทย {LAO} และ **หนา** ต่อท้าย"
    pdf = _build(tmp_path, "lao.pdf", [ThaiParagraph(text, ParaStyle(size=12, leading=20, align="thai"))])
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "NotoSansLao" in fonts and "Sarabun" in fonts
    # a character drawn as Sarabun's empty box (glyph 0) would not read back as itself
    assert squeeze(LAO) in squeeze(raw_text(pdf))
    assert squeeze(text) == squeeze(raw_text(pdf))


def test_l6_check_lists_the_characters_no_font_prints_and_their_fields(demo_store):
    from itadesk.export.glyph_check import undrawable_fields, warning_th

    assert undrawable_fields(demo_store.view(2568)) == []  # the demo as shipped prints every character
    m = demo_store.measures(2568)[0]
    m.title = f"โครงการ {KHMER} 😀"
    m.steps = [f"ขั้นตอน {LAO}"]  # Lao prints (fallback): not reported
    demo_store.save_measure(m)
    memo = demo_store.memos(2568)[0]
    memo.subject = "เรื่อง 漢字"
    demo_store.save_memo(memo)
    found = undrawable_fields(demo_store.view(2568))
    fields = {(f.field, f.chars) for f in found}
    assert ("ชื่อมาตรการ/โครงการ/กิจกรรม", "ភាសខ្មែរ😀") in fields
    assert ("เรื่อง", "漢字") in fields
    assert not any("ສ" in f.chars for f in found)
    text = warning_th(found)
    assert "ชื่อมาตรการ/โครงการ/กิจกรรม" in text and "U+1797" in text and "เรื่อง" in text


def test_l6_command_line_prints_the_warning(demo_path, tmp_path):
    import subprocess
    import sys

    from itadesk.store.store import Store

    store = Store.open(demo_path)
    m = store.measures(2568)[0]
    m.title = f"โครงการ {KHMER}"
    store.save_measure(m)
    store.close()
    out = tmp_path / "plan.pdf"
    r = subprocess.run([sys.executable, "-m", "itadesk", "export", "plan", "--db", str(demo_path), "--year", "2568",
                        "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and out.exists()
    assert "คำเตือน" in r.stderr and "ชื่อมาตรการ/โครงการ/กิจกรรม" in r.stderr and "U+1797" in r.stderr
    clean = subprocess.run([sys.executable, "-m", "itadesk", "export", "scores", "--db", str(demo_path), "--year", "2567",
                            "--out", str(tmp_path / "s.pdf")], capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0 and "คำเตือน" not in clean.stderr
