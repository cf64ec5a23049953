import datetime as dt

import pytest

from itadesk.domain.thai_dates import (
    fiscal_year_of,
    fiscal_year_range,
    format_date_full,
    format_date_short,
    format_month_short,
    format_period,
    parse_thai_date,
)
from itadesk.domain.thai_numbers import format_amount, format_score, parse_decimal, to_arabic_digits, to_thai_digits


def test_thai_digits_round_trip():
    assert to_thai_digits("0 - 3938 - 7038") == "๐ - ๓๙๓๘ - ๗๐๓๘"
    assert to_arabic_digits("๒๕๖๘") == "2568"
    assert to_thai_digits("ITA 2567 ข้อ 12") == "ITA ๒๕๖๗ ข้อ ๑๒"


@pytest.mark.parametrize("value,thai,expected", [
    (96.29, True, "๙๖.๒๙"), (100, True, "๑๐๐.๐๐"), (81.25, False, "81.25"), (None, True, "-"), (84.5, False, "84.50"),
])
def test_format_score(value, thai, expected):
    assert format_score(value, thai=thai) == expected


def test_format_amount():
    assert format_amount(1234.5) == "1,234.50"
    assert format_amount(25000, thai=True) == "๒๕,๐๐๐.๐๐"


def test_parse_decimal_accepts_what_clerks_type():
    assert str(parse_decimal("๙๖.๒๙")) == "96.29"
    assert str(parse_decimal(" 1,234.5 ")) == "1234.5"
    assert str(parse_decimal("85%")) == "85"
    with pytest.raises(ValueError):
        parse_decimal("แปดสิบ")
    with pytest.raises(ValueError):
        parse_decimal("nan")


def test_full_date_is_be_with_thai_digits():
    assert format_date_full(dt.date(2021, 3, 25)) == "๒๕ มีนาคม ๒๕๖๔"
    assert format_date_full(dt.date(2021, 3, 25), thai=False) == "25 มีนาคม 2564"
    assert format_date_full(dt.date(2026, 6, 24), with_era=True) == "๒๔ มิถุนายน พ.ศ. ๒๕๖๙"


def test_short_dates():
    assert format_month_short(dt.date(2025, 10, 1)) == "ต.ค. ๖๘"
    assert format_date_short(dt.date(2020, 1, 31)) == "๓๑ ม.ค. ๖๓"


def test_fiscal_year_boundaries():
    assert fiscal_year_of(dt.date(2021, 9, 30)) == 2564
    assert fiscal_year_of(dt.date(2021, 10, 1)) == 2565
    assert fiscal_year_range(2565) == (dt.date(2021, 10, 1), dt.date(2022, 9, 30))


def test_period_wording():
    start, end = fiscal_year_range(2569)
    assert format_period(start, end) == "ตลอดปีงบประมาณ"
    assert format_period(dt.date(2023, 10, 1), dt.date(2023, 12, 31)) == "ต.ค. ๖๖ – ธ.ค. ๖๖"
    assert format_period(dt.date(2023, 3, 1), dt.date(2023, 3, 31), thai=False) == "มี.ค. 66"
    assert format_period(None, None) == ""


@pytest.mark.parametrize("text,expected", [
    ("25 มีนาคม 2564", dt.date(2021, 3, 25)),
    ("๒๕ มี.ค. ๖๔", dt.date(2021, 3, 25)),
    ("25/03/2564", dt.date(2021, 3, 25)),
    ("2021-03-25", dt.date(2021, 3, 25)),
    ("๕ ตุลาคม พ.ศ. ๒๕๖๙", dt.date(2026, 10, 5)),
])
def test_parse_thai_date(text, expected):
    assert parse_thai_date(text) == expected


def test_parse_thai_date_rejects_nonsense():
    with pytest.raises(ValueError):
        parse_thai_date("พรุ่งนี้")
    with pytest.raises(ValueError):
        parse_thai_date("31 เดือนใหม่ 2564")
