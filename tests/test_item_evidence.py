"""Evidence per item and the frameworks (issue 11): several titled links per OIT item,
published and the steps to find it; codes in any case; pasting missing items."""

import pytest

from itadesk.domain.evidence import parse_item_lines, parse_link_lines
from itadesk.domain.models import Evidence
from itadesk.errors import ValidationError
from itadesk.store.frameworks import default_framework


def test_link_lines_take_titles_bare_links_and_links_in_text():
    assert parse_link_lines(["โครงสร้าง | https://a.go.th/o1", "https://a.go.th/o2", "แผนผัง: https://a.go.th/map", "", "ไม่มีลิงก์"]) == [
        Evidence("โครงสร้าง", "https://a.go.th/o1"), Evidence("", "https://a.go.th/o2"), Evidence("แผนผัง", "https://a.go.th/map"),
        Evidence("ไม่มีลิงก์", "")]


def test_item_lines_are_read_from_a_pasted_block():
    text = "o1\tโครงสร้าง\nO 2\tข้อมูลผู้บริหาร\n\nหัวข้อที่ไม่มีรหัส\ne16: การให้บริการ\ni31\tคำถามใหม่\t3\n"
    assert parse_item_lines(text) == [("o1", "โครงสร้าง"), ("O2", "ข้อมูลผู้บริหาร"), ("e16", "การให้บริการ"), ("i31", "คำถามใหม่\t3")]


def test_evidence_of_an_item_is_kept_per_field_and_undone(store):
    store.add_year(2568)
    store.edit_item_evidence(2568, "o1", "links", [Evidence("โครงสร้างองค์กร", "https://a.go.th/o1"), Evidence("แผนภูมิ", "https://a.go.th/o1b")])
    store.edit_item_evidence(2568, "O1", "published", True)
    store.edit_item_evidence(2568, "O1", "steps", "หน้าแรก > ITA > O1")
    ev = store.view(2568).evidence["O1"]
    assert [e.link for e in ev.links] == ["https://a.go.th/o1", "https://a.go.th/o1b"] and ev.published and ev.steps.startswith("หน้าแรก")
    store.undo()
    store.undo()
    ev = store.item_evidence(2568)["O1"]
    assert not ev.published and len(ev.links) == 2


def test_the_2568_framework_has_iit_items_and_o_items_with_indicators():
    fw = default_framework(2568, eit_parts=True)
    assert sum(1 for i in fw.items if i.tool == "IIT") == 30 and all(i.uncertain for i in fw.items if i.tool == "IIT")
    assert all(i.indicator in (9, 10) for i in fw.items if i.tool == "OIT")
    assert fw.item("o21").indicator == 10 and fw.item("O20").indicator == 9
    assert "ข้อคำถาม IIT ยกมาจากปี 2564" in fw.note


def test_pasting_items_adds_only_the_missing_ones_in_one_step(store):
    store.add_year(2568)
    before = len(store.framework(2568).items)
    result = store.add_items_text(2568, "o1\tชื่ออื่น\nO2\tข้อมูลผู้บริหาร\ne1\tการปฏิบัติงานตามขั้นตอน\t6\ne2\tการให้บริการอย่างเท่าเทียม")
    assert result.count == 3  # O1 exists (its title stays), O2 and e1, e2 are new
    fw = store.framework(2568)
    assert len(fw.items) == before + 3
    assert fw.item("O1").title_th == "โครงสร้างและอำนาจหน้าที่"
    e1 = fw.item("E1")
    assert e1.tool == "EIT" and e1.indicator == 6 and e1.uncertain  # the shipped file knows no EIT items
    assert fw.item("o2").uncertain
    store.undo()
    assert len(store.framework(2568).items) == before
    with pytest.raises(ValidationError) as err:
        store.add_items_text(2568, "ไม่มีรหัส")
    assert err.value.field == "รายการข้อคำถาม"


def test_an_item_the_shipped_file_knows_keeps_its_spelling_and_flag(store):
    store.add_year(2564)
    store.delete_item(2564, "O5")
    store.add_items_text(2564, "o5\t")
    item = store.framework(2564).item("O5")
    assert item.code == "O5" and item.title_th == "ข้อมูลการติดต่อ" and not item.uncertain and item.indicator == 9
