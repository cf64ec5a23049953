import datetime as dt
import subprocess
import sys

import pytest

from itadesk.domain import drafting as d
from itadesk.domain.models import Measure, Memo, Scores
from itadesk.errors import NotFoundError
from itadesk.export.documents import export_document, render
from itadesk.store.frameworks import default_framework
from tests.pdf_checks import check_pdf, needs_poppler, raw_text, squeeze

KINDS = ["memo", "measures", "plan", "scores"]


def _fonts(pdf):
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    return [(r.split()[0], r.split()[-5]) for r in out]


@needs_poppler
@pytest.mark.parametrize("kind", KINDS)
def test_every_document_exports_from_the_demo(demo_path, tmp_path, kind):
    out = export_document(kind, db=demo_path, year=2568, out=tmp_path / f"{kind}.pdf")
    fonts = _fonts(out)
    assert fonts and all("Sarabun" in name and emb == "yes" for name, emb in fonts)
    report = check_pdf(out)
    assert report.cluster == [] and report.word == [] and report.pua == 0
    text = squeeze(raw_text(out))
    assert "เทศบาลตำบลโป่งสะแก" in text or kind == "memo"


@needs_poppler
def test_memo_content(demo_path, tmp_path):
    out = export_document("memo", db=demo_path, year=2568, out=tmp_path / "m.pdf")
    text = squeeze(raw_text(out))
    for needle in ("บันทึกข้อความ", "ส่วนราชการ", "วันที่๕ตุลาคม๒๕๖๙", "เรื่องรายงานผลการดำเนินการ",
                   "เรียนนายกเทศมนตรีตำบลโป่งสะแก", "ดำเนินการเรียบร้อยแล้ว", "(นายประเสริฐมั่นคง)", "ความเห็นและข้อสั่งการ"):
        assert needle in text, needle
    pages = raw_text(out).split("\f")
    assert "- ๒ -" in pages[1] and "- ๑ -" not in pages[0]


@needs_poppler
def test_measures_report_has_contents_with_pages(demo_path, tmp_path):
    out = export_document("measures", db=demo_path, year=2568, out=tmp_path / "r.pdf")
    pages = raw_text(out).split("\f")
    contents = next(p for p in pages if "สารบัญ" in p)
    # every section title is listed with the page it actually starts on
    for title in ("หลักการและเหตุผล", "ข้อจำกัด"):
        line = next(x for x in contents.splitlines() if title in x)
        number = int(line.split()[-1].translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
        assert title in squeeze(pages[number - 1])


HOSTILE = 'ค่า <b>ตัวหนา</b> & "อัญประกาศ" \'เดี่ยว\' > < ' + "ก" * 80 + " " + ("ข้อความยาวมาก " * 150)


@needs_poppler
@pytest.mark.parametrize("kind", KINDS)
def test_hostile_text_prints_literally(demo_store, demo_path, tmp_path, kind):
    m = demo_store.measures(2568)[0]
    m.title = HOSTILE[:300]
    m.steps = [HOSTILE]
    demo_store.save_measure(m)
    memo = demo_store.memos(2568)[0]
    memo.paragraphs = [HOSTILE]
    memo.subject = "<เรื่อง> & ทดสอบ"
    demo_store.save_memo(memo)
    assert len(HOSTILE) > 2000
    out = render(kind, demo_store.view(2568), tmp_path / f"{kind}.pdf")
    text = squeeze(raw_text(out))
    if kind in ("memo", "measures", "plan"):
        assert squeeze('<b>ตัวหนา</b>&"อัญประกาศ"') in text
    report = check_pdf(out)
    assert report.cluster == [] and report.pua == 0


@needs_poppler
def test_sixty_measures_split_over_pages(demo_store, tmp_path):
    for k in range(60):
        demo_store.save_measure(Measure(None, 2569, f"กิจกรรมที่ {k + 1} ส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน", "กิจกรรม",
                                        issue="การป้องกันการทุจริต", steps=["จัดประชุมชี้แจง", "ดำเนินการตามแผน", "รายงานผล"],
                                        units=["สำนักปลัดเทศบาล"], indicators=[10], monitoring="รายงานทุกไตรมาส"))
    snap = demo_store.view(2569)
    assert len(snap.measures) >= 60
    demo_store.save_memo(Memo(None, 2569, subject="รายงาน", paragraphs=["ทดสอบ"], date=dt.date(2026, 11, 1)))
    for kind in ("measures", "memo", "plan"):
        out = render(kind, demo_store.view(2569), tmp_path / f"{kind}.pdf")
        text = raw_text(out)
        # typed numbers print in the document's Thai digits too
        assert "กิจกรรมที่๖๐" in squeeze(text)
        report = check_pdf(out)
        assert report.cluster == [] and report.word == []
    assert raw_text(tmp_path / "measures.pdf").count("\f") > 10


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True, text=True, timeout=120)


def test_export_cli_errors_leave_no_file(demo_path, tmp_path):
    out = tmp_path / "x.pdf"
    r = _cli("export", "memo", "--db", str(demo_path), "--year", "2550", "--out", str(out))
    assert r.returncode == 1 and "2550" in r.stderr and not out.exists()
    r = _cli("export", "memo", "--db", str(demo_path), "--year", "2568", "--memo", "999", "--out", str(out))
    assert r.returncode == 1 and "999" in r.stderr and not out.exists()
    r = _cli("export", "scores", "--db", str(tmp_path / "none.sqlite"), "--year", "2568", "--out", str(out))
    assert r.returncode == 1 and not out.exists() and not (tmp_path / "none.sqlite").exists()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".itadesk-*")) == []


def test_export_cli_writes_pdf(demo_path, tmp_path):
    out = tmp_path / "s.pdf"
    r = _cli("export", "scores", "--db", str(demo_path), "--year", "2568", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")
    # no Qt on this path
    code = ("import sys; from itadesk.cli import main; main(['export','scores','--db',sys.argv[1],'--year','2568','--out',sys.argv[2]]);"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code, str(demo_path), str(tmp_path / "t.pdf")], capture_output=True, text=True)
    assert r.stdout.strip().endswith("False")


def test_missing_memo_raises(store):
    store.add_year(2568)
    with pytest.raises(NotFoundError):
        render("memo", store.view(2568), "/tmp/never.pdf")


# ------------------------------------------------------------------ drafting
def _scores():
    fw = default_framework(2565)
    values = [100.0, 97.19, 99.80, 98.79, 99.80, 99.04, 97.72, 98.49, 84.56, 81.25]
    return fw, Scores(2565, 92.42, indicators=dict(enumerate(values, 1)))


def test_ranking_like_seed_004():
    fw, sc = _scores()
    ranks = d.ranking(fw, sc)
    assert [r.no for r in ranks][:3] == [1, 3, 5]  # 99.80 tie keeps indicator order
    sentence = d.ranking_sentence(fw, sc)
    assert sentence.startswith("เมื่อพิจารณาตามตัวชี้วัดพบว่า ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนนเท่ากับร้อยละ ๑๐๐.๐๐ รองลงมาคือตัวชี้วัดที่ ๓")
    assert "ส่วนที่จะต้องพัฒนาปรับปรุง คือ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต ได้คะแนนเท่ากับร้อยละ ๘๑.๒๕" in sentence
    assert "81.25" in d.ranking_sentence(fw, sc, thai=False)


def test_strengths_and_weaknesses_follow_threshold():
    fw, sc = _scores()
    assert len(d.strengths(fw, sc, 90)) == 8 and len(d.weaknesses(fw, sc, 90)) == 2
    assert d.strengths_heading(fw, sc, 90) == "จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ร้อยละ ๙๐ ขึ้นไป) จำนวน ๘ ตัวชี้วัด"
    assert len(d.strengths(fw, sc, 99)) == 4
    assert d.indicator_line(d.weaknesses(fw, sc, 90)[0], 1) == "๑. ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล โดยรวมได้คะแนนเท่ากับร้อยละ ๘๔.๕๖"


def test_change_against_last_year():
    fw, sc = _scores()
    prev = Scores(2564, 89.87, indicators={10: 85.0})
    assert d.change_sentence(sc, prev, 2564) == "เมื่อเปรียบเทียบกับปี ๒๕๖๔ คะแนนภาพรวมเพิ่มขึ้น ๒.๕๕ คะแนน (จากร้อยละ ๘๙.๘๗ เป็นร้อยละ ๙๒.๔๒)"
    text = d.indicator_analysis(fw, sc, 10, threshold=90, pass_mark=85, previous=prev)
    assert "ต่ำกว่าเกณฑ์ร้อยละ ๘๕" in text and "ลดลงจากปีก่อน ๓.๗๕ คะแนน" in text
    assert d.change_sentence(sc, None, None) == ""


@needs_poppler
def test_no_blank_first_page(demo_path, tmp_path):
    for kind, title in (("plan", "การนำผลการประเมินITAไปสู่การพัฒนาองค์กร"), ("measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
                        ("memo", "บันทึกข้อความ"), ("scores", "สรุปผลการประเมิน")):
        out = export_document(kind, db=demo_path, year=2568, out=tmp_path / f"{kind}.pdf")
        assert title in squeeze(raw_text(out).split("\f")[0]), kind
