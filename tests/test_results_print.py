"""The printed parts of issue 11, read back from the PDFs: the published result in the
score summary and the measures report, the multi-year plan, the OIT evidence index."""

import pytest

from itadesk.errors import NotFoundError
from itadesk.export.documents import export_document, render
from itadesk.store.store import Store
from tests.pdf_checks import check_pdf, needs_poppler, raw_text, squeeze


def _clean(pdf) -> None:
    report = check_pdf(pdf)
    assert report.cluster == [] and report.word == [] and report.pua == 0


@needs_poppler
def test_score_summary_prints_the_published_result(demo_path, tmp_path):
    out = export_document("scores", db=demo_path, year=2568, out=tmp_path / "s.pdf")
    text = squeeze(raw_text(out))
    for needle in ("ผลการประเมินที่ประกาศ", "ประกาศผลการประเมินเมื่อวันที่๑๘สิงหาคม๒๕๖๘",
                   "ลำดับที่๒จาก๑๕แห่งขององค์กรปกครองส่วนท้องถิ่นในอำเภอแก่งหางแมว",
                   "ลำดับที่๗๖จาก๒๑๑แห่งขององค์กรปกครองส่วนท้องถิ่นในจังหวัดจันทบุรี",
                   "EITส่วนที่๒๘๓.๖๐๘๕.๐๐ไม่ผ่าน", "EITส่วนที่๑๙๓.๙๐๘๕.๐๐ผ่าน", "(คำนวณจากส่วนที่๑และ๒)๘๘.๗๕",
                   "ผลการประเมิน:ผ่านและบรรลุค่าเป้าหมาย", "ระดับผลการประเมิน:ผ่าน", "แต่มีบางเครื่องมือต่ำกว่า๘๕คะแนน"):
        assert needle in text, needle
    _clean(out)


@needs_poppler
def test_the_stated_level_and_verdict_are_printed(demo_store, tmp_path):
    demo_store.edit_result(2568, "level_stated", "ผ่านดี")
    demo_store.set_tool_verdict(2568, "EIT2", "ผ่าน")
    text = squeeze(raw_text(render("scores", demo_store.view(2568), tmp_path / "s.pdf")))
    assert "ระดับผลการประเมิน:ผ่านดี" in text and "EITส่วนที่๒๘๓.๖๐๘๕.๐๐ผ่าน" in text
    assert "ไม่ผ่าน" not in text
    report = squeeze(raw_text(render("measures", demo_store.view(2568), tmp_path / "r.pdf")))
    assert "ระดับผลการประเมิน:ผ่านดีคะแนนภาพรวมตั้งแต่๘๕คะแนนขึ้นไปและคะแนนทุกเครื่องมือ" in report


@needs_poppler
def test_measures_report_prints_rankings_category_and_tool_verdicts(demo_path, tmp_path):
    out = export_document("measures", db=demo_path, year=2568, out=tmp_path / "r.pdf")
    text = squeeze(raw_text(out))
    assert "ลำดับที่๗๖จาก๒๑๑แห่ง" in text and "ผลการประเมิน:ผ่านและบรรลุค่าเป้าหมาย" in text
    # the published-result block of the report's outline: each tool, its score, the pass mark, ผ่าน/ไม่ผ่าน
    assert "EITส่วนที่๒๘๓.๖๐๘๕.๐๐ไม่ผ่าน" in text
    _clean(out)


@needs_poppler
def test_multiyear_plan_prints_a_budget_column_per_year_and_totals(demo_path, tmp_path):
    out = export_document("multiyear", db=demo_path, year=2568, out=tmp_path / "p.pdf")
    pages = raw_text(out).split("\f")
    text = squeeze(raw_text(out))
    assert "แผนปฏิบัติการป้องกันการทุจริต๔ปี" in text and "พ.ศ.๒๕๖๗–๒๕๗๐" in text
    for year in ("๒๕๖๗", "๒๕๖๘", "๒๕๖๙", "๒๕๗๐"):
        assert f"ปี{year}งบประมาณ(บาท)" in text
    assert "มิติที่๑การสร้างสังคมที่ไม่ทนต่อการทุจริต" in text and "๑.๑.๑สร้างจิตสำนึก" in text
    assert "รวมมิติที่๑๕โครงการ/กิจกรรม/มาตรการ๖๐,๐๐๐๔๐,๐๐๐๗๒,๐๐๐๔๒,๐๐๐" in text
    assert "รวมทั้งสิ้น๑๔โครงการ/กิจกรรม/มาตรการ๑๐๐,๐๐๐๑๐๓,๐๐๐๑๓๕,๐๐๐๑๑๗,๐๐๐" in text
    assert "ไม่ใช้งบประมาณ" in text and "จัดทุก๒ปี" in text
    # landscape from the first page
    import subprocess

    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "1", str(out)], capture_output=True, text=True).stdout
    w, h = (float(x) for x in next(line for line in info.splitlines() if "size" in line).split(":")[1].split("pts")[0].split("x"))
    assert w > h and len(pages) >= 2
    _clean(out)


@needs_poppler
def test_evidence_index_lists_every_oit_item_with_its_links(demo_path, tmp_path):
    out = export_document("evidence", db=demo_path, year=2568, out=tmp_path / "e.pdf")
    text = squeeze(raw_text(out))
    assert "ข้อURLคำอธิบาย" in text
    assert "https://www.pongsakae.go.th/ita/2568/o1" in text and "o1.pdf" in text
    assert "ขั้นตอนการเข้าถึง:หน้าแรก>ITA>2568>O1" in text
    for code in ("O1", "O10", "O26"):
        assert code in text
    _clean(out)


def test_multiyear_without_a_plan_says_so_in_thai(tmp_path):
    store = Store.open(None)
    store.add_year(2568)
    with pytest.raises(NotFoundError) as err:
        render("multiyear", store.view(2568), tmp_path / "p.pdf")
    assert "ยังไม่มีแผน" in err.value.message_th
    assert not (tmp_path / "p.pdf").exists()
