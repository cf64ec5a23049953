"""Scores as clerks copy them (NACC result pages, Excel): digits, codes, spacing, the decimal comma."""

import pytest

from itadesk.domain.score_paste import parse_scores_text
from itadesk.domain.validation import parse_score
from itadesk.errors import ValidationError
from itadesk.store.demo import _framework


@pytest.fixture(scope="module")
def fw():
    return _framework(2568)  # the demo's framework: IIT i*, EIT e* (two parts), OIT o*, tools with EIT1/EIT2


@pytest.mark.parametrize("raw", ["88,37", "9,5", "1,00", " 100,00 ", "๘๘,๓๗"])
def test_decimal_comma_is_refused_with_its_reason(raw):
    with pytest.raises(ValidationError) as info:
        parse_score("คะแนนข้อ o1", raw)
    assert "ใช้จุดทศนิยม" in info.value.message_th
    assert info.value.field == "คะแนนข้อ o1" and raw.strip() in info.value.message_th


@pytest.mark.parametrize("raw,expected", [("88.37", 88.37), ("๘๘.๓๗", 88.37), (" 9.5 ", 9.5), ("100", 100.0), ("๑๐๐", 100.0)])
def test_point_and_thai_digits_are_accepted(raw, expected):
    assert parse_score("คะแนน", raw) == expected


def test_a_pasted_block_with_codes_in_either_case_spaces_and_empty_lines(fw):
    text = """ผลการประเมิน ITA ปี 2568

    O1   โครงสร้าง   100.00
o3\tอำนาจหน้าที่\t๕๐

  I3   การใช้อำนาจ  95.20
e1  93.10   95.20
EIT 94.19
ตัวชี้วัดที่ 3  การใช้อำนาจ  ๙๗.๑๐
10 การป้องกันการทุจริต 87.50
คะแนนภาพรวม   92.87
"""
    pasted = parse_scores_text(text, fw)
    assert pasted.problems == []
    assert pasted.values == {
        ("item", "O1"): 100.0, ("item", "O3"): 50.0, ("item", "i3"): 95.2, ("item", "e1"): 93.1, ("item2", "e1"): 95.2,
        ("tool", "EIT"): 94.19, ("indicator", 3): 97.1, ("indicator", 10): 87.5, ("overall", None): 92.87,
    }
    assert pasted.skipped == 1  # the heading
    assert pasted.plan() == {"items": {"O1": 100.0, "O3": 50.0, "i3": 95.2, "e1": 93.1}, "items_part2": {"e1": 95.2},
                             "tools": {"EIT": 94.19}, "indicators": {3: 97.1, 10: 87.5}, "overall": 92.87}


def test_bad_lines_are_named_and_the_good_ones_kept(fw):
    pasted = parse_scores_text("o1 100\nO3 88,37\nx99 50\no4 101\no8 โครงสร้าง\n", fw)
    assert pasted.values == {("item", "O1"): 100.0}  # the framework's own spelling of the code
    assert len(pasted.problems) == 4
    assert pasted.problems[0].startswith("บรรทัดที่ 2:") and "ใช้จุดทศนิยม" in pasted.problems[0]
    assert "บรรทัดที่ 3" in pasted.problems[1] and "x99" in pasted.problems[1]
    assert "บรรทัดที่ 4" in pasted.problems[2] and "๑๐๐" in pasted.problems[2]
    assert "บรรทัดที่ 5" in pasted.problems[3] and "ไม่พบคะแนน" in pasted.problems[3]


def test_numbers_side_by_side_are_not_taken_for_an_indicator(fw):
    # "10\t100" is two scores pasted from two columns, not indicator 10 = 100: left to the positional paste
    pasted = parse_scores_text("10\t100\n99.10\n", fw)
    assert pasted.values == {} and pasted.problems == []
