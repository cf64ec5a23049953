import pytest

from itadesk.domain.levels import compute_level, weighted_overall
from itadesk.domain.validation import parse_score, parse_year
from itadesk.errors import ValidationError
from itadesk.store.frameworks import default_framework


@pytest.mark.parametrize("raw,expected", [("96.29", 96.29), ("๘๑.๒๕", 81.25), (100, 100.0), ("0", 0.0), ("", None), (" ", None)])
def test_scores_accepted(raw, expected):
    assert parse_score("คะแนนภาพรวม", raw) == expected


@pytest.mark.parametrize("raw,needle", [
    ("100.01", "ระหว่าง"), ("-1", "ระหว่าง"), ("96.295", "ทศนิยม"), ("abc", "ไม่ใช่ตัวเลข"), (True, "ตัวเลข"),
])
def test_bad_scores_name_the_field(raw, needle):
    with pytest.raises(ValidationError) as info:
        parse_score("คะแนนตัวชี้วัดที่ 3 การใช้อำนาจ", raw)
    assert info.value.field == "คะแนนตัวชี้วัดที่ 3 การใช้อำนาจ"
    assert needle in info.value.message_th
    assert "การใช้อำนาจ" in info.value.message_th


def test_year_must_be_be():
    assert parse_year("ปีงบประมาณ", "2568") == 2568
    with pytest.raises(ValidationError) as info:
        parse_year("ปีงบประมาณ", 2025)
    assert "ค.ศ." in info.value.message_th and "2568" in info.value.message_th


def test_letter_grades_until_2565():
    levels = default_framework(2565).levels
    assert compute_level(92.42, [], levels) == "A"
    assert compute_level(95.0, [], levels) == "AA"
    assert compute_level(49.99, [], levels) == "F"
    assert compute_level(None, [], levels) is None


def test_named_levels_from_2566_need_every_tool():
    levels = default_framework(2568).levels
    assert compute_level(96.1, [96.99, 95.7, 96.0, 95.63], levels) == "ผ่านดีเยี่ยม"
    # overall ≥ 95 but a tool under 95: not the top level
    assert compute_level(96.29, [93.17, 91.33, 97.58, 100], levels) == "ผ่านดี"
    # the สตง. case of 2568: 94.64 with EIT under 85 is only ผ่าน
    assert compute_level(94.64, [97.0, 84.0, 99.0], levels) == "ผ่าน"
    assert compute_level(80.0, [80, 80, 80], levels) == "ต้องปรับปรุง"
    assert compute_level(60.0, [60, 60, 60], levels) == "ต้องปรับปรุงโดยด่วน"


def test_weighted_overall():
    assert weighted_overall({"IIT": 90, "EIT": 80, "OIT": 100}, {"IIT": 30, "EIT": 30, "OIT": 40}) == 91.0
    assert weighted_overall({"IIT": 90, "EIT": None, "OIT": 100}, {"IIT": 30, "EIT": 30, "OIT": 40}) is None


def test_defaults_are_marked_unverified():
    fw = default_framework(2566)
    assert fw.unverified
    assert [i.no for i in fw.indicators] == list(range(1, 11))
    assert fw.item("O43") is not None
    assert any(i.uncertain for i in default_framework(2567).items)
