import datetime as dt
import sqlite3

import pytest

from itadesk.domain.models import Item, Measure, Memo, Office, StatusUpdate
from itadesk.errors import DatabaseError, NotFoundError, ValidationError
from itadesk.store.store import Store


def test_foreign_keys_are_on(store):
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_office_round_trip(store):
    store.save_office(Office(name="อบต.คอนนิม", kind="อบต.", amphoe="เวียงใหญ่", province="ขอนแก่น"))
    assert store.office().full_name == "อบต.คอนนิม อำเภอเวียงใหญ่ จังหวัดขอนแก่น"
    with pytest.raises(ValidationError):
        store.save_office(Office(name="x", kind="บริษัท"))


def test_scores_validated_all_or_nothing(store):
    store.add_year(2568)
    store.set_scores(2568, overall="92.87", indicators={1: "97.45"})
    with pytest.raises(ValidationError) as info:
        store.set_scores(2568, overall="95", indicators={2: "101"})
    assert "ตัวชี้วัดที่ 2" in info.value.field
    s = store.scores(2568)
    assert s.overall == 92.87  # the good value of the failed call was not written
    assert s.indicators == {1: 97.45}


def test_check_constraint_backs_validation(store):
    store.add_year(2568)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE years SET overall = 150 WHERE year = 2568")


def test_year_level_from_thresholds(store):
    store.add_year(2568)
    store.set_scores(2568, overall=96.29, tools={"IIT": 93.17, "EIT1": 91.33, "EIT2": 97.58, "OIT": 100})
    assert store.level(2568) == "ผ่านดี"
    store.add_year(2565, eit_parts=False)
    store.set_scores(2565, overall=92.42)
    assert store.level(2565) == "A"


def test_framework_items_are_editable(store):
    store.add_year(2569)
    store.save_item(2569, Item("O2", "OIT", 9, "ข้อมูลผู้บริหาร"))
    assert store.framework(2569).item("O2").title_th == "ข้อมูลผู้บริหาร"
    store.save_item(2569, Item("O2b", "OIT", 9, "ข้อมูลผู้บริหาร (แก้)"), old_code="O2")
    assert store.framework(2569).item("O2") is None
    with pytest.raises(ValidationError):
        store.save_item(2569, Item("O1", "OIT", 9, "ซ้ำ"), old_code="O2b")
    store.rename_indicator(2569, 8, "การปรับปรุงการทำงาน")
    assert store.framework(2569).indicator(8).name_th == "การปรับปรุงการทำงาน"


def test_measure_round_trip_and_cascade(store):
    store.add_year(2568)
    m = Measure(None, 2568, "มาตรการป้องกันผลประโยชน์ทับซ้อน", "มาตรการ", steps=["ขั้นที่ ๑", " ", "ขั้นที่ ๒"],
                units=["สำนักปลัด", "กองคลัง"], start=dt.date(2025, 10, 1), end=dt.date(2025, 12, 31),
                budget=1500.0, indicators=[10], items=["O21"])
    mid = store.save_measure(m).id
    back = store.measure(mid)
    assert back.steps == ["ขั้นที่ ๑", "ขั้นที่ ๒"]
    assert back.units == ["สำนักปลัด", "กองคลัง"]
    assert back.indicators == [10] and back.items == ["O21"]
    store.add_status(StatusUpdate(None, mid, dt.date(2026, 3, 31), "in_progress", "6", 50))
    store.delete_measure(mid)
    assert store.db.execute("SELECT count(*) FROM status_updates").fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        store.measure(mid)


def test_measure_validation(store):
    store.add_year(2568)
    with pytest.raises(ValidationError) as info:
        store.save_measure(Measure(None, 2568, "  "))
    assert info.value.field.startswith("ชื่อมาตรการ")
    with pytest.raises(ValidationError) as info:
        store.save_measure(Measure(None, 2568, "x", start=dt.date(2026, 1, 2), end=dt.date(2026, 1, 1)))
    assert info.value.field == "ระยะเวลา"
    assert store.measures(2568) == []


def test_status_done_means_full_progress(store):
    store.add_year(2568)
    mid = store.save_measure(Measure(None, 2568, "กิจกรรม")).id
    store.add_status(StatusUpdate(None, mid, dt.date(2026, 3, 31), "in_progress", "6", 40))
    store.add_status(StatusUpdate(None, mid, dt.date(2026, 9, 30), "done", "12", 10))
    state = store.view(2568).state(mid)
    assert state.update_in(None).progress == 100
    assert state.status_in("6") == "in_progress" and state.status_in("12") == "done"
    with pytest.raises(ValidationError):
        store.add_status(StatusUpdate(None, mid, dt.date(2026, 9, 30), "finished", "12"))


def test_copy_measures_to_next_year(demo_store):
    before = len(demo_store.measures(2569))
    n = demo_store.copy_measures(2568, 2569).count
    assert n == 12
    copied = demo_store.measures(2569)[before:]
    assert copied[0].start.year == demo_store.measures(2568)[0].start.year + 1
    assert all(demo_store.status_updates(m.id) == [] for m in copied)


def test_memo_round_trip(store):
    store.add_year(2568)
    mid = store.save_memo(Memo(None, 2568, subject="รายงานผล", paragraphs=["ย่อหน้า ๑", "", "ย่อหน้า ๒"], date=dt.date(2026, 10, 5))).id
    memo = store.memo(mid)
    assert memo.paragraphs == ["ย่อหน้า ๑", "ย่อหน้า ๒"] and memo.date == dt.date(2026, 10, 5)


def test_undo_redo_restores_each_step(store):
    store.add_year(2568)
    store.set_scores(2568, overall=90)
    store.set_scores(2568, overall=95)
    assert store.undo_label() == "แก้ไขคะแนนปี 2568"
    store.undo()
    assert store.scores(2568).overall == 90
    store.redo()
    assert store.scores(2568).overall == 95
    store.undo()
    store.undo()
    assert store.scores(2568).overall is None
    store.undo()  # the year itself
    assert not store.has_year(2568)
    store.redo()
    assert store.has_year(2568) and len(store.framework(2568).indicators) == 10


def test_undo_of_cascading_delete_brings_children_back(demo_store):
    m = demo_store.measures(2568)[0]
    history = demo_store.status_updates(m.id)
    demo_store.delete_measure(m.id)
    demo_store.undo()
    back = demo_store.measure(m.id)
    assert back.steps == m.steps and back.units == m.units
    assert demo_store.status_updates(m.id) == history
    assert demo_store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_new_write_clears_redo(store):
    store.add_year(2568)
    store.set_scores(2568, overall=90)
    store.undo()
    store.set_scores(2568, overall=80)
    assert store.redo_label() is None


def test_backup_is_a_full_copy(demo_store, tmp_path):
    target = demo_store.backup(tmp_path / "copy.sqlite")
    other = Store.open(target)
    assert other.years() == demo_store.years()
    assert len(other.measures(2568)) == 12


def test_open_rejects_non_database(tmp_path):
    bad = tmp_path / "x.sqlite"
    bad.write_text("not a database at all")
    with pytest.raises(DatabaseError):
        Store.open(bad)
    with pytest.raises(DatabaseError):
        Store.open(tmp_path / "missing.sqlite", create=False)


def test_demo_holds_what_the_seeds_hold(demo_store):
    assert demo_store.years() == [2567, 2568, 2569]
    for year in demo_store.years():
        s = demo_store.scores(year)
        assert s.overall and len(s.indicators) == 10 and len(s.tools) >= 4
        assert len(s.items) > 40 and s.items_part2
        assert len(demo_store.analyses(year)) == 10
        assert demo_store.limitations(year)
    assert len(demo_store.measures(2568)) >= 10
    statuses = {u.status for m in demo_store.measures(2568) for u in demo_store.status_updates(m.id)}
    assert statuses == {"not_started", "in_progress", "done"}
    assert demo_store.memos(2568)[0].paragraphs
    assert demo_store.undo_label() is None  # building the demo leaves no undo history
