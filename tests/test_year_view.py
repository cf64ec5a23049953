"""The one year view: previous recorded year, status rule, behind schedule, query count."""

import datetime as dt
import os
import stat

import pytest

from itadesk.domain.models import Measure, Memo, StatusUpdate
from itadesk.domain.vocab import Round, Status
from itadesk.domain.year import MeasureState
from itadesk.errors import NotFoundError
from itadesk.export.documents import render
from itadesk.store.store import Store
from tests.pdf_checks import needs_poppler, raw_text, squeeze


@pytest.fixture
def gap_store():
    """Years 2566 and 2568 recorded, 2567 never entered."""
    s = Store.open(None)
    s.save_office(s.office().__class__(name="เทศบาลตำบลทดสอบ"))
    for year, overall, ind in ((2566, 81.25, 70.0), (2568, 90.5, 95.0)):
        s.add_year(year)
        s.set_scores(year, overall=overall, indicators={n: ind + n for n in range(1, 6)})
    mid = s.save_measure(Measure(None, 2568, "กิจกรรมเผยแพร่ข้อมูล", steps=["จัดทำประกาศ"])).id
    s.add_status(StatusUpdate(None, mid, dt.date(2026, 3, 31), "in_progress", "6", 40))
    s.save_memo(Memo(None, 2568, subject="รายงานผล", paragraphs=["ทดสอบ"], date=dt.date(2026, 4, 5)))
    yield s
    s.close()


def test_previous_is_the_latest_recorded_year(gap_store):
    view = gap_store.view(2568)
    assert view.previous.year == 2566 and view.previous.scores.overall == 81.25
    assert "๒๕๖๖" in view.change_sentence() and "๒๕๖๗" not in view.change_sentence()
    gap_store.add_year(2567)  # entered but without scores: still not "the previous year"
    assert gap_store.view(2568).previous.year == 2566
    assert gap_store.view(2566).previous is None


@needs_poppler
@pytest.mark.parametrize("kind", ["scores", "measures", "plan"])
def test_documents_compare_with_the_recorded_year(gap_store, tmp_path, kind):
    text = squeeze(raw_text(render(kind, gap_store.view(2568), tmp_path / f"{kind}.pdf")))
    assert "เมื่อเปรียบเทียบกับปี๒๕๖๖" in text
    assert "๒๕๖๗" not in text
    if kind == "scores":
        assert "ปี๒๕๖๖" in text and "๘๑.๒๕" in text  # 2566's figure, under 2566's name


def _state(*updates):
    m = Measure(1, 2568, "x", start=dt.date(2025, 10, 1), end=dt.date(2025, 12, 31))
    return MeasureState(m, [StatusUpdate(k, 1, day, status, rnd) for k, (day, status, rnd) in enumerate(updates)])


def test_status_rule_per_round():
    s = _state((dt.date(2026, 3, 31), "in_progress", "6"), (dt.date(2026, 9, 30), "done", "12"),
               (dt.date(2026, 10, 2), "in_progress", "other"))
    assert s.status_in(Round.SIX) == Status.IN_PROGRESS
    assert s.status_in(Round.TWELVE) == Status.DONE
    assert s.status_in(None) == Status.IN_PROGRESS  # the newest report of any round
    only_six = _state((dt.date(2026, 3, 31), "done", "6"))
    assert only_six.status_in(Round.TWELVE) == Status.DONE  # six months' report stands until the next
    assert _state().status_in(Round.SIX) == Status.NOT_STARTED


def test_behind_schedule_rule():
    today = dt.date(2026, 2, 1)
    assert _state().behind(today)
    assert _state((today, "in_progress", "6")).behind(today)
    assert not _state((today, "done", "6")).behind(today)
    assert not _state().behind(dt.date(2025, 10, 15))
    m = Measure(2, 2568, "เริ่มแล้วไม่มีรายงาน", start=dt.date(2025, 10, 1))
    assert MeasureState(m).behind(dt.date(2025, 12, 15)) and not MeasureState(m).behind(dt.date(2025, 11, 15))


@needs_poppler
@pytest.mark.parametrize("round_", ["6", "12"])
def test_memo_text_and_table_agree(demo_store, tmp_path, round_):
    view = demo_store.view(2568)
    counts = view.counts(round_)
    paragraph = view.memo_paragraphs(round_)[1]
    from itadesk.domain.thai_numbers import digits

    assert f"ดำเนินการเรียบร้อยแล้ว {digits(counts[Status.DONE], True)} จาก {digits(len(view.measures), True)}" in paragraph
    memo = view.memos[-1]  # the memo an export prints when none is named (the demo's 12-month one)
    memo.status_round, memo.paragraphs = round_, view.memo_paragraphs(round_)
    demo_store.save_memo(memo)
    out = render("memo", demo_store.view(2568), tmp_path / "memo.pdf")
    # the table marks one "/" per measure, in the column of its status in this round
    from itadesk.export.outline_doc import Ctx
    from itadesk.export.outline_plan import status_rows
    from itadesk.outline import default_outline

    outline = default_outline("memo")
    block = next(b for b in outline.blocks if b.kind == "status")
    rows, header_rows, _spans, _cols, _style = status_rows(Ctx(demo_store.view(2568), outline, memo), block)
    marks = [row[3:6] for row in rows[header_rows:]]
    from_table = {code: sum(1 for r in marks if r[k] == "/") for k, code in enumerate(Status)}
    assert from_table == counts
    assert sum(counts.values()) == len(view.measures)
    assert squeeze(view.memo_paragraphs(round_)[1])[:60] in squeeze(raw_text(out))
    if round_ == "6":  # the demo's six-month round is not all done; the twelve-month one almost is
        assert counts[Status.DONE] < len(view.measures) - 1


def test_view_loads_in_a_fixed_number_of_queries(demo_store):
    def count(year):
        seen = []
        demo_store.db.conn.set_trace_callback(seen.append)
        try:
            demo_store.view(year)
        finally:
            demo_store.db.conn.set_trace_callback(None)
        return len(seen)

    before = count(2569)
    for k in range(40):
        mid = demo_store.save_measure(Measure(None, 2569, f"กิจกรรมที่ {k}", steps=["ก", "ข"], units=["กองคลัง"])).id
        demo_store.add_status(StatusUpdate(None, mid, dt.date(2026, 3, 31), "in_progress", "6", 10))
    assert count(2569) == before
    assert before <= 56  # about 54: the year, framework, rules, previous recorded year, plan, stored-value problems, one per table


def test_pdf_gets_the_folders_normal_permissions(demo_store, tmp_path):
    old = os.umask(0o022)
    try:
        out = render("scores", demo_store.view(2568), tmp_path / "out" / "scores.pdf")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in out.parent.iterdir()] == ["scores.pdf"]  # no temporary file left


def test_failed_export_leaves_nothing(demo_store, tmp_path):
    view = demo_store.view(2568)
    view.memos.clear()
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(NotFoundError):
        render("memo", view, folder / "memo.pdf")
    assert list(folder.iterdir()) == []


def test_interrupted_build_leaves_no_temporary_file(tmp_path):
    from itadesk.pdf.layout import build_atomic

    def broken(tmp):
        with open(tmp, "wb") as fh:
            fh.write(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    from itadesk.errors import ItadeskError

    with pytest.raises(ItadeskError) as info:  # a Thai message naming the file, never a bare OSError
        build_atomic(tmp_path / "x.pdf", broken)
    assert "ดิสก์เต็ม" in info.value.message_th and str(tmp_path / "x.pdf") in info.value.message_th
    assert list(tmp_path.iterdir()) == []
