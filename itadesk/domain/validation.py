"""Rules for what a clerk types; every failure names the field in Thai."""

from __future__ import annotations

from decimal import Decimal

from ..errors import ValidationError
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
