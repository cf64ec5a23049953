"""Plans across fiscal years (issue 11): the hierarchy edited (add, rename, reorder, move),
measures with a budget per year, the year filter, drawing a year's measures; undo of each."""

import datetime as dt

import pytest

from itadesk.domain.models import Evidence
from itadesk.domain.plans import node_label
from itadesk.errors import ValidationError


@pytest.fixture
def plan_store(store):
    store.add_year(2568)
    pid = store.add_plan("แผนปฏิบัติการป้องกันการทุจริต ๔ ปี", 2561, 2564).id
    d1 = store.add_node(pid, None, "การสร้างสังคมที่ไม่ทนต่อการทุจริต").id
    d2 = store.add_node(pid, None, "การบริหารราชการเพื่อป้องกันการทุจริต").id
    m11 = store.add_node(pid, d1, "การสร้างจิตสำนึกและความตระหนักแก่บุคลากร").id
    m111 = store.add_node(pid, m11, "สร้างจิตสำนึกแก่ฝ่ายบริหาร").id
    m21 = store.add_node(pid, d2, "แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริต").id
    a = store.add_plan_measure(m111, "โครงการอบรมคุณธรรมจริยธรรม").id
    b = store.add_plan_measure(m111, "กิจกรรมให้ความรู้เรื่องผลประโยชน์ทับซ้อน", "กิจกรรม").id
    c = store.add_plan_measure(m21, "มาตรการประกาศเจตจำนงสุจริต", "มาตรการ").id
    for year, amount in ((2561, "20,000"), (2562, "20,000"), (2564, "๒๕,๐๐๐")):
        store.set_plan_budget(a, year, amount)
    store.set_plan_budget(b, 2562, "0")  # planned without money
    store.edit_plan_measure(c, "start", dt.date(2020, 11, 1))  # inside fiscal 2564 only
    store.edit_plan_measure(c, "end", dt.date(2021, 1, 31))
    store.edit_plan_measure(a, "note", "งบประมาณจากเทศบัญญัติ")
    return store, dict(pid=pid, d1=d1, d2=d2, m11=m11, m111=m111, m21=m21, a=a, b=b, c=c)


def test_the_hierarchy_numbers_and_totals(plan_store):
    store, ids = plan_store
    plan = store.plan(ids["pid"])
    assert plan.years == [2561, 2562, 2563, 2564]
    labels = [node_label(path, node.title) for node, path in plan.walk()]
    assert labels[:3] == ["มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต", "๑.๑ การสร้างจิตสำนึกและความตระหนักแก่บุคลากร",
                          "๑.๑.๑ สร้างจิตสำนึกแก่ฝ่ายบริหาร"]
    assert plan.totals() == {2561: 20000.0, 2562: 20000.0, 2563: 0.0, 2564: 25000.0}
    assert plan.node_totals(plan.nodes[1]) == dict.fromkeys(plan.years, 0.0)
    assert plan.count() == 3 and plan.count(plan.nodes[0]) == 2
    assert plan.measure(ids["a"]).note == "งบประมาณจากเทศบัญญัติ"


def test_year_filter_takes_budgets_and_periods(plan_store):
    store, ids = plan_store
    plan = store.plan(ids["pid"])
    titles = lambda fy: [m.title for m in plan.measures_in(fy)]  # noqa: E731
    assert titles(2561) == ["โครงการอบรมคุณธรรมจริยธรรม"]
    assert titles(2562) == ["โครงการอบรมคุณธรรมจริยธรรม", "กิจกรรมให้ความรู้เรื่องผลประโยชน์ทับซ้อน"]  # 0 baht counts
    assert titles(2563) == []
    assert titles(2564) == ["โครงการอบรมคุณธรรมจริยธรรม", "มาตรการประกาศเจตจำนงสุจริต"]  # by its period


def test_moving_a_measure_and_a_mission_in_the_hierarchy_and_undo(plan_store):
    store, ids = plan_store
    store.place_plan_measure(ids["c"], ids["m111"])
    plan = store.plan(ids["pid"])
    assert [m.title for m in plan.node(ids["m111"]).measures][-1] == "มาตรการประกาศเจตจำนงสุจริต"
    assert plan.node(ids["m21"]).measures == []
    store.undo()
    assert [m.id for m in store.plan(ids["pid"]).node(ids["m21"]).measures] == [ids["c"]]

    store.move_plan_measure(ids["b"], -1)
    assert [m.id for m in store.plan(ids["pid"]).node(ids["m111"]).measures] == [ids["b"], ids["a"]]
    store.undo()
    assert [m.id for m in store.plan(ids["pid"]).node(ids["m111"]).measures] == [ids["a"], ids["b"]]

    store.reparent_node(ids["m11"], ids["d2"])  # a mission with its sub-mission and measures moves to dimension 2
    plan = store.plan(ids["pid"])
    assert plan.path_of(ids["m111"]) == (2, 2, 1) and plan.count(plan.nodes[1]) == 3
    assert plan.node_totals(plan.nodes[1])[2561] == 20000
    with pytest.raises(ValidationError):
        store.reparent_node(ids["d2"], ids["m111"])  # under its own sub-mission
    store.undo()
    assert store.plan(ids["pid"]).path_of(ids["m111"]) == (1, 1, 1)

    store.move_node(ids["d2"], -1)
    assert store.plan(ids["pid"]).nodes[0].id == ids["d2"]
    store.rename_node(ids["d2"], "มิติที่ย้ายขึ้น")
    store.undo()
    store.undo()
    plan = store.plan(ids["pid"])
    assert plan.nodes[0].id == ids["d1"] and plan.nodes[1].title == "การบริหารราชการเพื่อป้องกันการทุจริต"


def test_budget_and_span_validation_and_undo(plan_store):
    store, ids = plan_store
    with pytest.raises(ValidationError) as err:
        store.set_plan_budget(ids["a"], 2563, "-5")
    assert err.value.field == "งบประมาณปี 2563 (บาท)"
    with pytest.raises(ValidationError):
        store.edit_plan(ids["pid"], "last_year", 2580)
    store.set_plan_budget(ids["a"], 2564, "")  # empty: not planned that year
    assert 2564 not in store.plan(ids["pid"]).measure(ids["a"]).budgets
    store.undo()
    assert store.plan(ids["pid"]).measure(ids["a"]).budgets[2564] == 25000
    store.edit_plan(ids["pid"], "last_year", 2563)  # a shorter span keeps the 2564 budget stored
    assert store.plan(ids["pid"]).totals() == {2561: 20000.0, 2562: 20000.0, 2563: 0.0}
    store.edit_plan(ids["pid"], "last_year", 2564)
    assert store.plan(ids["pid"]).totals()[2564] == 25000


def test_deleting_a_dimension_takes_its_missions_and_undo_brings_them_back(plan_store):
    store, ids = plan_store
    store.set_plan_links(ids["a"], [Evidence("รายงานผล", "https://example.go.th/a.pdf"), Evidence("", "")])
    store.delete_node(ids["d1"])
    assert store.plan(ids["pid"]).count() == 1
    store.undo()
    plan = store.plan(ids["pid"])
    assert plan.count() == 3 and plan.measure(ids["a"]).budgets[2561] == 20000
    assert plan.measure(ids["a"]).links == [Evidence("รายงานผล", "https://example.go.th/a.pdf")]


def test_a_years_measures_are_drawn_from_the_plan_once(plan_store):
    store, ids = plan_store
    store.add_year(2563)
    result = store.draw_plan_measures(ids["pid"], 2563)  # measures of 2563 are carried out in fiscal 2564
    assert result.count == 2
    drawn = store.measures(2563)
    assert [m.title for m in drawn] == ["โครงการอบรมคุณธรรมจริยธรรม", "มาตรการประกาศเจตจำนงสุจริต"]
    assert drawn[0].budget == 25000 and drawn[0].issue == "สร้างจิตสำนึกแก่ฝ่ายบริหาร"
    assert drawn[1].start == dt.date(2020, 11, 1)
    assert store.draw_plan_measures(ids["pid"], 2563).count == 0  # drawn already: nothing doubles
    store.undo()
    store.undo()
    assert store.measures(2563) == []


def test_the_year_view_carries_the_plan_of_its_measures(plan_store):
    store, ids = plan_store
    store.add_year(2563)
    assert store.view(2563).plan.id == ids["pid"]  # fiscal 2564 is in 2561–2564
    assert store.view(2568).plan.id == ids["pid"]  # no plan spans it: the latest
