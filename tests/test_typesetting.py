import re
import subprocess
import sys

import pytest
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak

from itadesk.pdf.layout import ThaiDocTemplate, portrait_width
from itadesk.pdf.tables import thai_table
from itadesk.pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph
from itadesk.pdf.typeset import cell_paragraphs, inline_runs, typeset_file
from itadesk.text import breaks
from tests.pdf_checks import check_pdf, needs_poppler, raw_text, squeeze

# the cases of section 5 of the typesetting research note
CASES = [
    "ดำ กำลัง ทำ น้ำ ค่ำ ต่ำ ซ้ำ กล่ำ การดำเนินงานประจำปี ชาวนาทำนาในฤดูฝนและดำนาพร้อมกัน",
    "ที่ ทั้ง ปั้น นี้ กี่ บุหรี่ ฟื้น ศักดิ์ กรุ๊ป โต๊ะ เก๋ ก็ แข็ง ที่นี่มีทั้งปั้นและฟื้นฟูศักดิ์ศรีของชุมชน",
    "ป่า ปี่ ฝ้าย ฟ้า ญุ ฐุ ป่าไม้ปี่พาทย์ฝ้ายคำฟ้าใส",
    "ผู้บริหารเมืองแข็งแรงโต๊ะใจไม้เมืองใหม่แข็งขันโตใจดีไม้งามเมืองแก้วใจกว้าง",
    "ฤๅษี ฦๅสาย ฤดู อังกฤษ ฯลฯ ต่าง ๆ กรุงเทพฯ คุณธรรมฯ",
    "ตัวเลขไทย ๑๒๓๔๕๖๗๘๙๐ พ.ศ. ๒๕๖๗ (๑) (๒) โทร. ๐ - ๓๙๓๘ - ๗๐๓๘ เลขอารบิก 1,234.50 บาท",
    "ภาษาไทยปนEnglishและตัวเลข123ติดกัน (Integrity and Transparency Assessment – ITA) ภายในประโยคภาษาไทย",
    "ความรับผิดชอบต่อสังคม กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮกขคงจฉชซฌญฎฏฐฑฒณดตถท ตากใบ",
    "https://www.example.go.th/ita/2567/รายงานผลการประเมิน.pdf info@example.go.th",
    "ข้อความที่มี\u200bศูนย์กว้าง\u00a0และช่องว่างไม่ตัดบรรทัด  ช่องว่างคู่ และ\tแท็บ ",
]
TEXT = " ".join(CASES)


def _no_page_numbers(text: str) -> str:
    return re.sub(r"(?m)(^|\f)- [๐-๙]+ -\n", r"\1", text)


def _build(tmp_path, name, flowables):
    out = tmp_path / name
    ThaiDocTemplate(str(out)).build(flowables)
    return out


@needs_poppler
@pytest.mark.parametrize("align", ["left", "thai", "words"])
@pytest.mark.parametrize("width", [16 * cm, 6 * cm, 1.6 * cm])
def test_breaks_only_between_words(tmp_path, align, width):
    style = ParaStyle(size=11, leading=15.5, align=align)
    # long enough to run over a page boundary at every width
    repeats = 4 if width > 10 * cm else 2
    story = [thai_table([[ThaiParagraph(TEXT, style)] for _ in range(repeats)], [width], header_rows=0)]
    pdf = _build(tmp_path, "t.pdf", story)
    report = check_pdf(pdf)
    assert report.junctions > 10
    assert report.cluster == []
    assert report.pua == 0
    if width > 2 * cm:
        assert report.word == []
        assert report.forced <= 3 * repeats  # only around the 60-letter run no dictionary knows
    else:
        # 1.6 cm holds ~6 Thai letters: many words must be cut, always between clusters;
        # a few such cuts land where a dictionary would have cut a little earlier
        assert len(report.word) <= 0.1 * report.junctions
    assert squeeze(_no_page_numbers(raw_text(pdf))) == squeeze(TEXT) * repeats


@needs_poppler
def test_long_paragraph_splits_over_pages_and_copies_exactly(tmp_path):
    text = " ".join([TEXT] * 12)
    para = ThaiParagraph(text, ParaStyle(size=11, leading=15.5, align="thai", first_indent=2.5 * cm))
    pdf = _build(tmp_path, "long.pdf", [para])
    out = raw_text(pdf)
    assert out.count("\f") >= 2  # three pages or more
    assert squeeze(_no_page_numbers(out)) == squeeze(text)
    assert check_pdf(pdf).word == []


@needs_poppler
def test_thai_distributed_fills_the_line_but_not_the_last(tmp_path):
    text = CASES[0] + " " + CASES[1] + " " + CASES[3]
    para = ThaiParagraph(text, ParaStyle(size=11, leading=17, align="thai"))
    pdf = _build(tmp_path, "j.pdf", [para])
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    right = [float(x) for x in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', xml)]
    frame_right = 3 * cm + portrait_width()
    assert len(right) >= 3
    assert all(abs(x - frame_right) < 1.5 for x in right[:-1])
    assert right[-1] < frame_right - 20


@needs_poppler
def test_user_text_is_never_markup(tmp_path):
    text = 'ค่า <b>ตัวหนา</b> & "อัญประกาศ" <font name=x> ไม่พัง'
    pdf = _build(tmp_path, "e.pdf", [ThaiParagraph(text)])
    assert squeeze(raw_text(pdf)) == squeeze(text)


@needs_poppler
def test_bold_inside_a_word(tmp_path):
    runs = [Run("ภาษา"), Run("ไทย", bold=True), Run("ง่าย", italic=True)]
    pdf = _build(tmp_path, "b.pdf", [ThaiParagraph(runs)])
    assert squeeze(raw_text(pdf)) == "ภาษาไทยง่าย"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Sarabun-Bold" in fonts and "Sarabun-Italic" in fonts
    rows = fonts.splitlines()[2:]
    assert rows and all("Sarabun" in r and r.split()[-5] == "yes" for r in rows)  # only Sarabun, embedded


def test_break_rules_hold_everywhere():
    for text in CASES:
        for i in breaks.break_positions(text):
            assert text[i] not in breaks.NO_START, (text, i)
            assert text[i - 1] not in breaks.NO_END, (text, i)
    # newmm alone would break before ฯ; ICU alone inside รับผิดชอบ
    assert "|".join(breaks.segments("คุณธรรมฯ ความรับผิดชอบ")) == "คุณธรรมฯ |ความรับผิดชอบ"


def test_user_words_join_unknown_names():
    name = "นาสร้อยใต้"
    assert breaks.break_positions("เทศบาล" + name)
    assert any(0 < i - 6 < len(name) for i in breaks.break_positions("เทศบาล" + name))
    breaks.add_user_words([name])
    assert not any(0 < i - 6 < len(name) for i in breaks.break_positions("เทศบาล" + name))


def test_cluster_positions_never_split_a_cluster():
    word = "ที่ทั้งน้ำเมือง"
    cuts = breaks.cluster_positions(word)
    assert 1 not in cuts and 2 not in cuts  # ท|ี่
    assert all(word[i] not in breaks.NO_START and word[i - 1] not in breaks.NO_END for i in cuts)


def test_cell_markup_and_inline_bold():
    items = cell_paragraphs('<p>ก</p> <p>ข<br>ค</p><ul style="x"><li>ง</li></ul>')
    assert items == [("p", "ก"), ("p", "ข\nค"), ("li", "ง")]
    runs = inline_runs("ปกติ **หนา** ต่อ \\*")
    assert [(r.text, r.bold) for r in runs] == [("ปกติ ", False), ("หนา", True), (" ต่อ *", False)]


@needs_poppler
def test_typeset_command_on_seed_format(tmp_path):
    src = "tests/data/sample_seed_format.txt"
    out = tmp_path / "s.pdf"
    r = subprocess.run([sys.executable, "-m", "itadesk", "typeset", src, str(out), "--justify", "thai"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    report = check_pdf(out)
    assert report.cluster == [] and report.word == [] and report.pua == 0
    text = squeeze(raw_text(out))
    assert "<b>&>" in text  # printed literally
    assert "ดำเนินการเรียบร้อยแล้ว" in text and "ตัวหนากลางประโยค" in text
    assert "<p>" not in text and "**" not in text


def test_typeset_never_leaves_half_a_pdf(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8 \x81")
    out = tmp_path / "out.pdf"
    with pytest.raises(UnicodeDecodeError):
        typeset_file(bad, out)
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []


def test_page_break_and_empty_paragraphs(tmp_path):
    story = [ThaiParagraph(""), ThaiParagraph("ก\n\nข"), PageBreak(), ThaiParagraph("ค")]
    pdf = _build(tmp_path, "x.pdf", story)
    assert pdf.stat().st_size > 1000


def test_spans_end_after_sara_am():
    """MuPDF repeats the rest of an ActualText span whose glyphs outnumber its
    characters (ำ is drawn as two glyphs), so a span ends after each ำ."""
    from itadesk.pdf.thai_paragraph import _shape, _split_after_sara_am

    src = "สำนักทำนา"
    shaped, _w = _shape(src, "Sarabun", 11)
    parts = _split_after_sara_am(shaped, src)
    assert [t for _g, t in parts] == ["สำ", "นักทำ", "นา"]
    assert sum(len(g) for g, _t in parts) == len(shaped)  # every glyph drawn once
    last, _w = _shape("ทำ", "Sarabun", 11)
    assert _split_after_sara_am(last, "ทำ") == [(last, "ทำ")]  # a final ำ needs no cut


@pytest.mark.parametrize("align", ["left", "thai", "words"])
def test_pdfium_reads_the_text_as_typed(tmp_path, align):
    """A second reader (PDFium: Chrome, Edge): same text, nothing repeated or lost."""
    import pypdfium2 as pdfium

    text = " ".join(CASES[:4]) + " สำนักปลัดเทศบาล ทำนาดำนา"
    pdf_path = _build(tmp_path, "p.pdf", [ThaiParagraph(text, ParaStyle(size=11, leading=16, align=align))])
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        out = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    assert squeeze(out) == squeeze(text)
