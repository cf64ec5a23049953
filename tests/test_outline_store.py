"""Outlines in the store (one undo step per change, office default for new years,
preset files) and grouped plans (issues, step details)."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from itadesk.domain.models import Measure, Step
from itadesk.domain.plan import plan_groups
from itadesk.errors import ValidationError
from itadesk.outline import PRESETS, default_outline, new_block, preset
from itadesk.outline.blocks import outline_from_json, outline_to_json
from itadesk.store import schema
from itadesk.store.store import Store


@pytest.fixture
def year_store(store):
    store.add_year(2568)
    store.clear_history()
    return store


def test_a_year_without_an_outline_shows_the_default_preset(year_store):
    o = year_store.outline(2568, "measures")
    assert o.preset == "measures" and not year_store.has_own_outline(2568, "measures")
    assert [b.kind for b in o.blocks] == [b.kind for b in default_outline("measures").blocks]
    assert len({b.key for b in o.blocks}) == len(o.blocks)


def test_each_outline_change_is_one_undo_step(year_store):
    s = year_store
    keys = [b.key for b in s.outline(2568, "memo").blocks]
    changes = [
        lambda: s.add_block(2568, "memo", "paragraph", after=keys[1]),
        lambda: s.move_block(2568, "memo", keys[0], 2),
        lambda: s.rename_block(2568, "memo", keys[2], "ตารางสถานะรอบ ๑๒ เดือน"),
        lambda: s.set_block_enabled(2568, "memo", keys[4], False),
        lambda: s.set_block_option(2568, "memo", keys[2], "round", "12"),
        lambda: s.remove_block(2568, "memo", keys[3]),
        lambda: s.set_outline_option(2568, "memo", "digits", "arabic"),
    ]
    snapshots = [s.outline(2568, "memo")]
    for make in changes:
        make()
        snapshots.append(s.outline(2568, "memo"))
    assert s.has_own_outline(2568, "memo")
    last = snapshots[-1]
    assert last.opt("digits") == "arabic" and all(b.key != keys[3] for b in last.blocks)
    status = last.block(keys[2])
    assert status.title == "ตารางสถานะรอบ ๑๒ เดือน" and status.opt("round") == "12"
    assert last.block(keys[4]).enabled is False
    for expected in reversed(snapshots[:-1]):
        assert s.undo()
        got = s.outline(2568, "memo")
        assert [(b.key, b.kind, b.title, b.enabled, b.options) for b in got.blocks] == \
               [(b.key, b.kind, b.title, b.enabled, b.options) for b in expected.blocks]
    # back to the start: the first edit made the year's copy, its undo took it away again
    assert not s.has_own_outline(2568, "memo")
    assert s.redo() and s.has_own_outline(2568, "memo")


def test_added_block_lands_after_the_named_one_and_typing_merges(year_store):
    s = year_store
    first = s.outline(2568, "memo").blocks[0].key
    key = str(s.add_block(2568, "memo", "paragraph", after=first).id)
    o = s.outline(2568, "memo")
    assert [b.key for b in o.blocks][:2] == [first, key]
    for text in ("ย่อ", "ย่อหน้า", "ย่อหน้าใหม่ ๑๒ มี.ค."):
        s.set_block_text(2568, "memo", key, text)
    assert s.outline(2568, "memo").block(key).text == "ย่อหน้าใหม่ ๑๒ มี.ค."
    assert s.undo_label() == "แก้ไขข้อความในเอกสาร"
    s.undo()  # the burst of typing is one step
    assert s.outline(2568, "memo").block(key).text == ""


def test_options_are_checked_with_thai_field_names(year_store):
    s = year_store
    key = s.outline(2568, "memo").blocks[2].key  # the status table
    with pytest.raises(ValidationError) as err:
        s.set_block_option(2568, "memo", key, "round", "24")
    assert err.value.field == "รอบการรายงาน"
    with pytest.raises(ValidationError) as err:
        s.set_block_option(2568, "memo", key, "columns", [])
    assert err.value.field == "ช่องของตาราง"
    with pytest.raises(ValidationError):
        s.add_block(2568, "memo", "no-such-kind")
    with pytest.raises(ValidationError):
        s.apply_preset(2568, "memo", "plan-003")
    assert not s.has_own_outline(2568, "memo")  # nothing half-written


def test_office_default_applies_to_new_years_only(year_store):
    s = year_store
    s.apply_preset(2568, "measures", "measures-004")
    s.make_office_default(2568, "measures")
    s.add_year(2569)
    assert s.outline(2569, "measures").preset == "measures-004" and s.has_own_outline(2569, "measures")
    # changing the office default later leaves the years that have their own outline alone
    s.apply_preset(None, "measures", "measures-002")
    assert s.outline(2569, "measures").preset == "measures-004"
    s.add_year(2570)
    assert s.outline(2570, "measures").preset == "measures-002"


def test_preset_file_round_trip_and_refusals(year_store):
    s = year_store
    s.apply_preset(2568, "plan", "plan-003")
    key = s.outline(2568, "plan").blocks[-1].key
    s.set_block_option(2568, "plan", key, "general", False)
    text = outline_to_json(s.outline(2568, "plan"))
    s.add_year(2569)
    s.import_outline(2569, outline_from_json(text))
    a, b = s.outline(2568, "plan"), s.outline(2569, "plan")
    assert [(x.key, x.kind, x.title, x.options, x.enabled) for x in a.blocks] == \
           [(x.key, x.kind, x.title, x.options, x.enabled) for x in b.blocks]
    assert b.block(key).opt("general") is False
    for bad in ("{", '{"format": "other"}', text.replace('"plan-003"', '"x"').replace('"kind": "ranking"', '"kind": "nope"'),
                text.replace('"per_indicator": true', '"per_indicator": "yes"')):
        with pytest.raises(ValidationError):
            outline_from_json(bad)


def test_every_preset_is_well_formed():
    for name, p in PRESETS.items():
        o = preset(name).outline()
        assert o.kind == p.kind and o.blocks and len({b.key for b in o.blocks}) == len(o.blocks)
        assert outline_from_json(outline_to_json(o)).blocks == o.blocks
    assert new_block("heading", "x", level="2").opt("level") == "2"


# ------------------------------------------------------------------ grouped plans
def test_issues_group_measures_and_follow_renames(year_store):
    s = year_store
    for title, issue in (("ก", "การเปิดเผยข้อมูล"), ("ข", "การป้องกันการทุจริต"), ("ค", "การเปิดเผยข้อมูล"), ("ง", "")):
        s.save_measure(Measure(None, 2568, title, issue=issue, steps=["ขั้น ๑", "ขั้น ๒"]))
    issues = s.issues(2568)
    assert [i.title for i in issues] == ["การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]
    groups = plan_groups(s.view(2568))
    assert [(g.title, [m.title for m in g.measures]) for g in groups] == [
        ("การเปิดเผยข้อมูล", ["ก", "ค"]), ("การป้องกันการทุจริต", ["ข"]), ("", ["ง"])]
    assert [n for _m, n, _s in groups[0].steps()] == [1, 2, 3, 4]  # numbered across the group
    s.edit_issue(issues[0].id, "title", "การเปิดเผยข้อมูลสาธารณะ")
    s.edit_issue(issues[0].id, "detail", "- ควรปรับปรุงเว็บไซต์\n- ควรมีผู้รับผิดชอบ")
    assert {m.issue for m in s.measures(2568) if m.title in "กค"} == {"การเปิดเผยข้อมูลสาธารณะ"}
    assert plan_groups(s.view(2568))[0].detail == ["- ควรปรับปรุงเว็บไซต์", "- ควรมีผู้รับผิดชอบ"]
    s.move_issue(issues[1].id, -1)
    assert plan_groups(s.view(2568))[0].title == "การป้องกันการทุจริต"
    s.delete_issue(issues[1].id)
    assert next(m for m in s.measures(2568) if m.title == "ข").issue == ""
    s.undo()
    assert next(m for m in s.measures(2568) if m.title == "ข").issue == "การป้องกันการทุจริต"


def test_step_details_survive_edits_of_the_step_list(year_store):
    s = year_store
    mid = s.save_measure(Measure(None, 2568, "มาตรการ", steps=["จัดประชุม", "เผยแพร่", "รายงานผล"])).id
    s.edit_step(mid, 1, "unit", "กองคลัง")
    s.edit_step(mid, 1, "period", "ต.ค.-ธ.ค. ๖๘")
    s.edit_step(mid, 2, "status_text", "รายงานแล้ว")
    m = s.measure(mid)
    assert m.step(1) == Step("เผยแพร่", "กองคลัง", "ต.ค.-ธ.ค. ๖๘")
    # the clerk retypes the list in the measures tab: a new first step, and "เผยแพร่" edited in place
    s.edit_measure(mid, "steps", ["แต่งตั้งคณะทำงาน", "จัดประชุม", "เผยแพร่ทางเว็บไซต์", "รายงานผล"])
    m = s.measure(mid)
    assert m.step(3).status_text == "รายงานแล้ว"  # followed its text to its new place
    assert m.step(0) == Step("แต่งตั้งคณะทำงาน")
    assert s.undo() and s.measure(mid).step(1).unit == "กองคลัง"
    with pytest.raises(ValidationError):
        s.edit_step(mid, 0, "text", "  ")


def test_migration_makes_issues_from_typed_issue_texts(tmp_path):
    path = tmp_path / "old.sqlite"
    db = Database(path)
    names = [m.name for m in schema.migrations._migrations]
    schema.migrations.apply(db, stop_before="m010_outline")
    db.table("years").insert({"year": 2568})
    for n, (title, issue) in enumerate((("ก", "การเปิดเผยข้อมูล "), ("ข", "การเปิดเผยข้อมูล"), ("ค", ""))):
        db.table("measures").insert({"year": 2568, "title": title, "issue": issue, "sort": n})
    db.close()
    assert "m010_outline" in names
    store = Store.open(path)
    try:
        assert [i.title for i in store.issues(2568)] == ["การเปิดเผยข้อมูล"]
        ids = {m.title: m.issue_id for m in store.measures(2568)}
        assert ids["ก"] == ids["ข"] is not None and ids["ค"] is None
    finally:
        store.close()
