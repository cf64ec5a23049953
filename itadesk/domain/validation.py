"""Rules for what a clerk types; every failure names the field in Thai."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from decimal import Decimal

from ..errors import UnusualValueError, ValidationError
from .thai_dates import BE_OFFSET, MAX_BE, MIN_BE, fiscal_year_range, format_date_full, is_ce_year, parse_thai_date
from .thai_numbers import parse_decimal
from .vocab import ROUNDS_TH, STATUS_TH, MeasureKind, OfficeKind, Status

__all__ = ["MEASURE_KINDS", "OFFICE_KINDS", "ROUNDS_TH", "STATUS_CODES", "STATUS_TH"]

# the choices a clerk may pick, in display order (the types live in vocab)
STATUS_CODES = tuple(Status)
MEASURE_KINDS = tuple(MeasureKind)
OFFICE_KINDS = tuple(OfficeKind)


def parse_score(field: str, value: object, *, allow_empty: bool = True) -> float | None:
    """A score 0–100 with at most two decimals, from a number or typed text
    (Thai or Arabic digits, spaces around it; a decimal comma is refused).

    Empty text means "no score yet" (None) when ``allow_empty``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_empty:
            return None
        raise ValidationError(field, "ต้องกรอกคะแนน", "a score is required")
    if isinstance(value, bool):
        raise ValidationError(field, "ต้องเป็นตัวเลข", "must be a number")
    if isinstance(value, str) and "," in value:
        # a score is at most 100, so a comma is never a thousands separator: "88,37" is a
        # decimal comma (European Excel), and "1,00" may mean 1 or 100 — refuse, never guess
        raise ValidationError(field, f"“{value.strip()}” มีจุลภาค (,) กรุณาใช้จุดทศนิยม (.) เช่น 88.37",
                              f"{value!r}: decimal comma, use a decimal point")
    try:
        number = parse_decimal(value) if isinstance(value, str) else Decimal(str(value))
    except (ValueError, ArithmeticError):
        raise ValidationError(field, f"“{value}” ไม่ใช่ตัวเลข", f"{value!r} is not a number") from None
    if number < 0 or number > 100:
        raise ValidationError(field, "คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐", "a score must be between 0 and 100")
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError(field, "คะแนนมีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง", "at most two decimals")
    return float(number)


def require_text(field: str, value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "ต้องไม่เว้นว่าง", "must not be empty")
    return text


def check_choice(field: str, value: str, choices: tuple[str, ...] | dict) -> str:
    if value not in choices:
        raise ValidationError(field, f"ค่า “{value}” ไม่อยู่ในรายการที่เลือกได้", f"{value!r} not allowed")
    return value


def parse_progress(field: str, value: object) -> int:
    try:
        number = int(str(value).strip() or 0)
    except ValueError:
        raise ValidationError(field, "ต้องเป็นจำนวนเต็ม ๐–๑๐๐", "must be an integer 0-100") from None
    if not 0 <= number <= 100:
        raise ValidationError(field, "ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐", "must be between 0 and 100")
    return number


def parse_year(field: str, value: object) -> int:
    """A BE fiscal year (2550–2700); CE years are refused with a hint."""
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValidationError(field, "ต้องเป็นปี พ.ศ. เช่น ๒๕๖๘", "must be a BE year") from None
    if 1950 <= year <= 2150:
        raise ValidationError(field, f"ปี {year} ดูเหมือนเป็น ค.ศ. กรุณากรอกปี พ.ศ. ({year + 543})", "CE year given")
    if not 2550 <= year <= 2700:
        raise ValidationError(field, "ปี พ.ศ. ต้องอยู่ระหว่าง ๒๕๕๐ ถึง ๒๗๐๐", "BE year out of range")
    return year


MAX_BUDGET = 10_000_000_000  # ten billion baht: far above any local office's measure


def parse_budget(field: str, value: object) -> float | None:
    """A budget in baht as typed ("50,000", "๕๐,๐๐๐.๕๐"); empty means no budget."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = parse_decimal(value) if isinstance(value, str) else Decimal(str(value))
    except (ValueError, ArithmeticError):
        raise ValidationError(field, f"“{value}” ไม่ใช่จำนวนเงิน", f"{value!r} is not an amount") from None
    if not number.is_finite() or number < 0 or number > MAX_BUDGET:
        raise ValidationError(field, "ต้องเป็นจำนวนเงินตั้งแต่ ๐ ถึง ๑๐,๐๐๐ ล้านบาท", "amount out of range")
    return float(number)


# ------------------------------------------------------------------ money
def check_budget(field: str, value: object) -> float | None:
    """A budget already a number (from a form, a script, an import): finite, 0 … MAX_BUDGET.

    ``float("inf")`` and ``1e300`` compare as numbers and slip past a plain ``< 0`` test."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_budget(field, value)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValidationError(field, "ต้องเป็นจำนวนเงิน", "must be an amount")
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > MAX_BUDGET:
        raise ValidationError(field, "ต้องเป็นจำนวนเงินตั้งแต่ ๐ ถึง ๑๐,๐๐๐ ล้านบาท", "amount out of range")
    return number


# ------------------------------------------------------------------ dates
def _with_year(day: _dt.date, year: int) -> _dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February of a year that has none
        return day.replace(year=year, day=28)


def check_date(field: str, day: object) -> tuple[_dt.date | None, str | None]:
    """A date any record may hold: within BE 2500–2700. Returns ``(date, note)``.

    A date whose *Christian* year is 2500–2700 is a Buddhist year written where a
    Christian one belongs ("2568-10-01" in an ISO field, an import, a script): it is
    recognised and converted, and ``note`` says so in Thai. Anything else outside
    the range (0001, 9999, 1900) is refused."""
    if day is None:
        return None, None
    if isinstance(day, _dt.datetime) or not isinstance(day, _dt.date):
        raise ValidationError(field, "ต้องเป็นวันที่", "must be a date")
    if MIN_BE <= day.year <= MAX_BE:
        converted = _with_year(day, day.year - BE_OFFSET)
        return converted, (f"{field}: ปี {day.year} เป็นปี พ.ศ. จึงบันทึกเป็นวันที่ "
                           f"{format_date_full(converted, thai=False, with_era=True)}")
    be = day.year + BE_OFFSET
    if not MIN_BE <= be <= MAX_BE:
        raise ValidationError(field, f"ปี พ.ศ. {be} อยู่นอกช่วงที่ใช้ได้ ({MIN_BE}–{MAX_BE})",
                              f"BE year {be} outside {MIN_BE}-{MAX_BE}")
    return day, None


# how far a measure's or a report's date may lie from its assessment year before the
# window asks: the measures of assessment year Y run in fiscal year Y + 1, are planned
# in Y and reported up to the start of Y + 2; a year either side is still plausible
NEAR_YEARS_BEFORE, NEAR_YEARS_AFTER = 1, 2


def near_range(year: int) -> tuple[_dt.date, _dt.date]:
    """The dates that need no question for the records of assessment year ``year``."""
    first, _ = fiscal_year_range(year - NEAR_YEARS_BEFORE)
    _, last = fiscal_year_range(year + NEAR_YEARS_AFTER)
    return first, last


def check_near(field: str, day: _dt.date | None, year: int, *, accept_unusual: bool = False) -> None:
    """A date years away from assessment year ``year`` is most likely a slip: refused with
    :class:`UnusualValueError` (the window asks, then passes ``accept_unusual``)."""
    if day is None or accept_unusual:
        return
    first, last = near_range(year)
    if not first <= day <= last:
        shown = format_date_full(day, thai=False, with_era=True)
        raise UnusualValueError(
            field, f"วันที่ {shown} ห่างจากปีงบประมาณของปีการประเมิน {year} มาก "
                   f"(ปกติอยู่ระหว่าง {format_date_full(first, thai=False)} ถึง {format_date_full(last, thai=False)})",
            f"{day.isoformat()} is far from assessment year {year}")


def parse_date(text: str, field: str = "วันที่") -> tuple[_dt.date | None, str | None]:
    """A date as a clerk types it (25/03/2568, ๒๕ มี.ค. ๖๘, 2025-03-25, 25/03/2025),
    the one parser of the window, the command line and imports. Returns ``(date, note)``;
    empty text is ``(None, None)``. A Christian year is converted with a note;
    "25/03/3110" and other years outside BE 2500–2700 are refused."""
    if text is None or not str(text).strip():
        return None, None
    try:
        day = parse_thai_date(str(text))
    except ValueError as err:
        if str(err).startswith("year out of range"):  # "25/03/3110": a slip, not the year 2567
            raise ValidationError(field, f"“{text}”: ปี พ.ศ. ต้องอยู่ระหว่าง {MIN_BE} ถึง {MAX_BE}",
                                  f"{text!r}: year out of range") from None
        raise ValidationError(field, f"“{text}” ไม่ใช่วันที่ที่ใช้ได้ (พิมพ์เช่น 25/03/2568)",
                              f"{text!r} is not a date") from None
    day, note = check_date(field, day)
    if note is None and is_ce_year(str(text)):
        note = f"{field}: ปี {day.year} เป็นปี ค.ศ. จึงบันทึกเป็น พ.ศ. {day.year + BE_OFFSET}"
    return day, note


# ------------------------------------------------------------------ text
_CONTROL = {c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | set(range(0x7F, 0xA0))


def check_text(field: str, value: object) -> str:
    """Text any field may hold: no lone surrogate (it cannot be saved nor printed) and no
    control character (invisible, and a PDF cannot show it). Tabs and line breaks stay."""
    text = "" if value is None else str(value)
    for ch in text:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            raise ValidationError(field, f"มีอักขระที่ไม่สมบูรณ์ (U+{code:04X}) ซึ่งบันทึกไม่ได้ กรุณาพิมพ์ข้อความนี้ใหม่",
                                  f"lone surrogate U+{code:04X}")
        if code in _CONTROL:
            raise ValidationError(field, f"มีอักขระควบคุมที่พิมพ์ไม่ได้ (U+{code:04X}) กรุณาลบออก",
                                  f"control character U+{code:04X}")
    return text


def check_texts(record: object, labels: dict[str, str], *, prefix: str = "") -> None:
    """Every text (and list of texts) of a dataclass record, each named by its Thai label."""
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        label = prefix + labels.get(f.name, f.name)
        if isinstance(value, str):
            check_text(label, value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    check_text(label, item)
                elif dataclasses.is_dataclass(item):
                    check_texts(item, {}, prefix=label + " ")


# --------------------------------------------------------------- settings
SETTING_LABELS = {
    "thai_digits": "ใช้เลขไทยในเอกสาร",
    "strength_threshold": "เกณฑ์จุดแข็ง (ตั้งแต่)",
    "memo_table_style": "รูปแบบตารางสถานะ",
}


def check_setting(key: str, value: object) -> str:
    """An office preference, validated like any field; returns the text to store."""
    if key not in SETTING_LABELS:
        raise ValidationError("การตั้งค่า", f"ไม่รู้จักการตั้งค่า “{key}”", f"unknown setting {key!r}")
    field = SETTING_LABELS[key]
    if key == "thai_digits":
        if value in (True, 1, "1"):
            return "1"
        if value in (False, 0, "0"):
            return "0"
        raise ValidationError(field, "ต้องเป็น ใช้ หรือ ไม่ใช้", f"{value!r} is not 0 or 1")
    if key == "strength_threshold":
        if isinstance(value, str) and "," in value:
            raise ValidationError(field, "ใช้จุดทศนิยม ไม่ใช่จุลภาค", "decimal comma")
        number = parse_score(field, value, allow_empty=False)
        return f"{number:g}"
    return check_choice(field, str(value), ("three", "one"))


# ------------------------------------------------------------ stored values
def stored_date(field: str, text: object) -> tuple[_dt.date | None, str | None]:
    """A date as the file holds it, read without ever failing: ``(date, problem)``.

    Written by an older itadesk, another program or a script, it may be unreadable
    (``None``), a Buddhist year stored as a Christian one (converted, as on input), or
    out of range (kept as stored, so the clerk sees it). ``problem`` says so in Thai."""
    if text is None or text == "":
        return None, None
    try:
        day = _dt.date.fromisoformat(str(text))
    except ValueError:
        return None, f"{field}: ค่าที่บันทึกไว้ “{text}” ไม่ใช่วันที่ กรุณากรอกวันที่ใหม่"
    try:
        day, note = check_date(field, day)
    except ValidationError as err:
        return day, f"{err.message_th} (ค่าที่บันทึกไว้ {text}) กรุณาแก้ไข"
    if note:
        return day, f"{field}: วันที่ที่บันทึกไว้ {text} ใช้ปี พ.ศ. แทน ค.ศ. โปรแกรมอ่านเป็น {day.isoformat()} กรุณาบันทึกใหม่"
    return day, None


def usable_date(day: _dt.date | None) -> bool:
    """A date the rules may compare (the newest status, behind schedule): within BE 2500–2700."""
    return day is not None and MIN_BE <= day.year + BE_OFFSET <= MAX_BE
