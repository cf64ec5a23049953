"""The year's result under its own rules (issue 11): categories, tool verdicts, EIT from
its parts, editable levels, the stated values beside the computed ones; undo of each."""

import datetime as dt

import pytest

from itadesk.domain.models import Category, Framework, Level, Scores, Tool
from itadesk.domain.results import FAIL, PASS, Rank, Statement, ToolRule, build_result, category_of
from itadesk.errors import ValidationError
from itadesk.store.frameworks import default_framework


def _fw(**kw) -> Framework:
    return default_framework(2568, eit_parts=True) if not kw else Framework(2568, **kw)


def test_a_tool_below_the_pass_mark_makes_passed_and_reached_the_target():
    fw = _fw()
    s = Scores(2568, 94.64, {"IIT": 97.0, "EIT": 84.0, "OIT": 99.0})
    r = build_result(fw, s)
    assert r.category == "ผ่านและบรรลุค่าเป้าหมาย"
    assert r.level == "ผ่าน"  # the สตง. case of 2568: downgraded from ผ่านดี by its EIT
    assert r.verdict("EIT").printed == FAIL and r.verdict("IIT").printed == PASS


def test_a_tool_exactly_at_the_pass_mark_passes():
    fw = _fw()
    s = Scores(2568, 90.0, {"IIT": 85.0, "EIT": 90.0, "OIT": 95.0})
    r = build_result(fw, s)
    assert r.verdict("IIT").passed is True
    assert r.category == "ผ่านและบรรลุค่าเป้าหมายทุกเครื่องมือ"
    assert r.level == "ผ่านดี"
    below = build_result(fw, Scores(2568, 90.0, {"IIT": 84.99, "EIT": 90.0, "OIT": 95.0}))
    assert below.verdict("IIT").passed is False and below.category == "ผ่านและบรรลุค่าเป้าหมาย"


def test_category_rules_follow_the_order_and_the_bounds():
    cats = [Category("สูง", 90, None, ToolRule.ANY, 0), Category("กลาง", 85, 89.99, ToolRule.ALL_PASS, 1),
            Category("อื่น", None, None, ToolRule.ANY, 2)]
    assert category_of(92, [80], 85, cats) == "สูง"
    assert category_of(87, [85, 86], 85, cats) == "กลาง"
    assert category_of(87, [84, 86], 85, cats) == "อื่น"  # a tool below: not "กลาง"
    assert category_of(None, [90], 85, cats) is None
    assert category_of(87, [], 85, [Category("ทุกเครื่องมือ", 85, None, ToolRule.ALL_PASS)]) is None


def test_eit_is_derived_from_its_parts_only_when_they_alone_were_entered():
    fw = _fw()
    r = build_result(fw, Scores(2568, 90.0, {"IIT": 95, "EIT1": 93.90, "EIT2": 83.60, "OIT": 90}))
    eit = r.verdict("EIT")
    assert eit.score == 88.75 and eit.derived
    assert r.verdict("EIT2").printed == FAIL
    assert r.eit_rule.startswith("EIT = ส่วนที่ 1 × 50%")
    entered = build_result(fw, Scores(2568, 90.0, {"EIT": 91.0, "EIT1": 93.90, "EIT2": 83.60}))
    assert entered.verdict("EIT").score == 91.0 and not entered.verdict("EIT").derived
    fw.eit_from_parts = False
    assert build_result(fw, Scores(2568, 90.0, {"EIT1": 93.9, "EIT2": 83.6})).verdict("EIT").score is None


def test_weighted_parts_and_overall_from_the_tool_weights():
    fw = Framework(2568, tools=[Tool("IIT", "i", 30), Tool("EIT", "e", 30), Tool("OIT", "o", 40),
                                Tool("EIT1", "e1", 2, "EIT"), Tool("EIT2", "e2", 1, "EIT")],
                   levels=[Level("พอ", 80, 100, None, 0)])
    r = build_result(fw, Scores(2568, None, {"IIT": 90, "EIT1": 90, "EIT2": 60, "OIT": 100}))
    assert r.verdict("EIT").score == 80.0
    assert r.overall == 91.0 and r.overall_derived and r.level == "พอ"


def test_the_stated_values_are_printed_and_the_computed_stay_known():
    st = Statement(dt.date(2024, 3, 8), Rank(2, 15), Rank(76, 211), "ผ่านดี", "ผ่าน", {"EIT": PASS})
    r = build_result(_fw(), Scores(2568, 94.64, {"IIT": 97.0, "EIT": 84.0, "OIT": 99.0}), st)
    assert r.level == "ผ่าน" and r.level_printed == "ผ่านดี" and r.level_differs
    assert r.verdict("EIT").computed == FAIL and r.verdict("EIT").printed == PASS
    assert "ค่อนข้างครบถ้วน" in r.explanation()  # of the printed level, ผ่านดี
    assert Rank(76, 211).text() == "ลำดับที่ ๗๖ จาก ๒๑๑ แห่ง" and Rank(2).text(thai=False) == "ลำดับที่ 2"


def test_every_level_ships_an_explanation_and_named_years_ship_categories():
    for year in (2564, 2566, 2568):
        fw = default_framework(year)
        assert all(lv.explanation for lv in fw.levels)
    a = next(lv for lv in default_framework(2564).levels if lv.name == "A")
    assert "ค่อนข้างครบถ้วน" in a.explanation and "ราวร้อยละ 5-15" in a.explanation
    assert default_framework(2564).categories == []
    assert [c.name for c in default_framework(2568).categories][1] == "ผ่านและบรรลุค่าเป้าหมาย"


# ------------------------------------------------------------------ the store
@pytest.fixture
def year_store(store):
    store.add_year(2568)
    store.set_scores(2568, overall=92.0, tools={"IIT": 95, "EIT1": 90, "EIT2": 86, "OIT": 88})
    return store


def test_editing_a_level_rule_changes_the_computed_level_and_undoes(year_store):
    s = year_store
    assert s.level(2568) == "ผ่านดี"
    good = next(lv for lv in s.framework(2568).levels if lv.name == "ผ่านดี")
    s.edit_level(good.id, "tool_min", "90")  # the office's year asked every tool to reach 90
    assert s.level(2568) == "ผ่าน"
    assert s.view(2568).level == "ผ่าน"
    assert s.undo_label().startswith("แก้ไขคะแนนขั้นต่ำทุกเครื่องมือ")
    s.undo()
    assert s.level(2568) == "ผ่านดี"
    s.redo()
    assert s.level(2568) == "ผ่าน"
    with pytest.raises(ValidationError) as err:
        s.edit_level(good.id, "min", "101")
    assert err.value.field == "คะแนนภาพรวมต่ำสุด"


def test_pass_mark_and_weights_are_year_rules(year_store):
    s = year_store
    s.set_pass_mark(2568, "87")
    r = s.view(2568).result
    assert r.pass_mark == 87 and r.verdict("EIT2").passed is False and r.category == "ผ่านและบรรลุค่าเป้าหมาย"
    s.undo()
    assert s.view(2568).result.category == "ผ่านและบรรลุค่าเป้าหมายทุกเครื่องมือ"
    s.set_scores(2568, overall="")
    s.set_tool_weight(2568, "OIT", "0")  # overall from IIT and EIT alone, EIT from its parts (88)
    assert s.view(2568).result.overall == 91.5
    s.set_eit_from_parts(2568, False)
    assert s.view(2568).result.overall is None
    s.undo()
    s.undo()
    assert s.view(2568).result.overall == 90.1  # (95·30 + 88·30 + 88·40) / 100


def test_categories_are_added_edited_moved_and_undone(year_store):
    s = year_store
    cid = s.add_category(2568).id
    s.edit_category(cid, "name", "ผ่านเกณฑ์ของจังหวัด")
    s.edit_category(cid, "overall_min", "91")
    s.move_category(cid, -3)  # first: tried before the others
    assert s.view(2568).result.category == "ผ่านเกณฑ์ของจังหวัด"
    with pytest.raises(ValidationError):
        s.edit_category(cid, "tools", "some")
    s.undo()  # the move
    assert s.view(2568).result.category == "ผ่านและบรรลุค่าเป้าหมายทุกเครื่องมือ"
    s.delete_category(cid)
    s.undo()
    assert any(c.id == cid for c in s.framework(2568).categories)


def test_statement_fields_validate_and_undo(year_store):
    s = year_store
    s.edit_result(2568, "published", "8/3/2567")
    s.edit_result(2568, "rank_province", "๗๖")
    s.edit_result(2568, "rank_province_of", "211")
    s.edit_result(2568, "level_stated", "ผ่านดีเยี่ยม")
    st = s.statement(2568)
    assert st.published == dt.date(2024, 3, 8) and st.rank_province == Rank(76, 211) and st.level == "ผ่านดีเยี่ยม"
    assert s.view(2568).level == "ผ่านดีเยี่ยม" and s.view(2568).result.level == "ผ่านดี"
    with pytest.raises(ValidationError) as err:
        s.edit_result(2568, "rank_province", "300")
    assert "มากกว่าจำนวนทั้งหมด" in err.value.message_th and err.value.field == "ลำดับในจังหวัด"
    s.set_tool_verdict(2568, "EIT2", FAIL)
    assert s.statement(2568).verdicts == {"EIT2": FAIL}
    with pytest.raises(ValidationError):
        s.set_tool_verdict(2568, "OIT", "ดี")
    s.undo()
    s.undo()
    assert s.statement(2568).level == "" and s.statement(2568).verdicts == {}


def test_reset_rules_restores_the_shipped_ones_in_one_step(year_store):
    s = year_store
    for lv in s.framework(2568).levels:
        s.delete_level(lv.id)
    s.set_pass_mark(2568, 80)
    assert s.level(2568) is None
    s.reset_rules(2568)
    assert s.level(2568) == "ผ่านดี" and s.framework(2568).pass_mark == 85
    s.undo()
    assert s.level(2568) is None


def test_codes_match_whatever_their_case(year_store):
    s = year_store
    s.set_scores(2568, items={"o1": 100})
    assert s.scores(2568).items == {"O1": 100}
    assert s.framework(2568).item("o1").code == "O1"


def test_a_file_from_before_gets_the_default_explanations_and_categories(tmp_path):
    from sqlite_utils import Database

    from itadesk.store import schema
    from itadesk.store.store import Store

    path = tmp_path / "old.sqlite"
    db = Database(path, execute_plugins=False)
    schema.migrations.apply(db, stop_before="m011_results")
    db.execute("INSERT INTO office (id) VALUES (1)")
    db.execute("INSERT INTO years (year, overall) VALUES (2568, 92)")
    for n, (name, low, high, floor) in enumerate([("ผ่านดีเยี่ยม", 95, 100, 95), ("ผ่านดี", 85, 100, 85), ("ผ่าน", 85, 100, None),
                                                  ("ต้องปรับปรุง", 70, 84.99, None)]):
        db.execute("INSERT INTO levels (year, name, min, max, tool_min, sort) VALUES (2568, ?, ?, ?, ?, ?)", [name, low, high, floor, n])
    for n, code in enumerate(("IIT", "EIT", "OIT")):
        db.execute("INSERT INTO tools (year, code, name_th, weight, sort) VALUES (2568, ?, ?, 30, ?)", [code, code, n])
    db.execute("INSERT INTO tool_scores (tool_id, score) SELECT id, 84.5 FROM tools WHERE code = 'EIT'")
    db.conn.commit()
    db.close()
    store = Store.open(path)
    try:
        fw = store.framework(2568)
        assert all(lv.explanation for lv in fw.levels) and "แต่มีบางเครื่องมือต่ำกว่า 85" in fw.levels[2].explanation
        assert [c.name for c in fw.categories][1] == "ผ่านและบรรลุค่าเป้าหมาย"
        assert store.view(2568).result.category == "ผ่านและบรรลุค่าเป้าหมาย"
    finally:
        store.close()
