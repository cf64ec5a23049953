"""Buddhist-era dates and Thai fiscal years.

A fiscal year (ปีงบประมาณ) runs 1 October – 30 September and is named by the
BE year in which it ends: ปีงบประมาณ ๒๕๖๕ = 1 ต.ค. ๒๕๖๔ – 30 ก.ย. ๒๕๖๕.
"""

from __future__ import annotations

import datetime as _dt

from .thai_numbers import digits

BE_OFFSET = 543

MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def format_date_full(day: _dt.date, *, thai: bool = True, with_era: bool = False) -> str:
    """"๒๕ มีนาคม ๒๕๖๔" (the วันที่ of a memo); ``with_era`` adds "พ.ศ."."""
    era = "พ.ศ. " if with_era else ""
    text = f"{day.day} {MONTHS_FULL[day.month - 1]} {era}{be_year(day.year)}"
    return digits(text, thai)


def format_date_short(day: _dt.date, *, thai: bool = True) -> str:
    """"๒๕ มี.ค. ๖๔" (tables, short references)."""
    text = f"{day.day} {MONTHS_ABBR[day.month - 1]} {be_year(day.year) % 100:02d}"
    return digits(text, thai)


def format_month_short(day: _dt.date, *, thai: bool = True) -> str:
    """"ต.ค. ๖๘" (periods of measures)."""
    text = f"{MONTHS_ABBR[day.month - 1]} {be_year(day.year) % 100:02d}"
    return digits(text, thai)


def format_month_full(day: _dt.date, *, thai: bool = True) -> str:
    """"มีนาคม ๒๕๖๗" (the date line under a foreword)."""
    return digits(f"{MONTHS_FULL[day.month - 1]} {be_year(day.year)}", thai)


def fiscal_year_of(day: _dt.date) -> int:
    """The BE fiscal year that contains ``day``."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_range(fiscal_be: int) -> tuple[_dt.date, _dt.date]:
    """First and last day of BE fiscal year ``fiscal_be``."""
    end_ce = ce_year(fiscal_be)
    return _dt.date(end_ce - 1, 10, 1), _dt.date(end_ce, 9, 30)


def format_period(start: _dt.date | None, end: _dt.date | None, *, thai: bool = True) -> str:
    """A measure's period as the seeds write it.

    Whole fiscal year → "ตลอดปีงบประมาณ"; same month → "มี.ค. ๖๖";
    otherwise "ต.ค. ๖๖ – ธ.ค. ๖๖" (year shown on both ends, as in the seeds).
    """
    if start is None and end is None:
        return ""
    if start is None or end is None:
        only = start or end
        return format_month_short(only, thai=thai)
    fy = fiscal_year_of(start)
    if (start, end) == fiscal_year_range(fy):
        return "ตลอดปีงบประมาณ"
    if (start.year, start.month) == (end.year, end.month):
        return format_month_short(start, thai=thai)
    return f"{format_month_short(start, thai=thai)} – {format_month_short(end, thai=thai)}"


def parse_iso(text: str | None) -> _dt.date | None:
    """ISO date from the database (None stays None)."""
    if not text:
        return None
    return _dt.date.fromisoformat(text)


MIN_BE, MAX_BE = 2500, 2700  # the years a clerk's dates can be in


def parse_thai_date(text: str) -> _dt.date:
    """Parse "25 มีนาคม 2564", "๒๕ มี.ค. ๖๔", "25/03/2564" or ISO "2021-03-25".

    Years below 2400 are taken as CE, two-digit years as BE 25xx. Raises
    ValueError with the text when it is not a date.
    """
    from .thai_numbers import to_arabic_digits

    raw = to_arabic_digits(text).replace("พ.ศ.", " ").strip()
    try:
        return _dt.date.fromisoformat(raw)
    except ValueError:
        pass
    parts = raw.replace("/", " ").replace("-", " ").split()
    if len(parts) != 3:
        raise ValueError(f"not a date: {text!r}")
    day_s, month_s, year_s = parts
    if month_s.isdigit():
        month = int(month_s)
    elif month_s in MONTHS_FULL:
        month = MONTHS_FULL.index(month_s) + 1
    elif month_s in MONTHS_ABBR or month_s + "." in MONTHS_ABBR:
        month = (MONTHS_ABBR.index(month_s) if month_s in MONTHS_ABBR else MONTHS_ABBR.index(month_s + ".")) + 1
    else:
        raise ValueError(f"unknown month in {text!r}")
    if not (day_s.isdigit() and year_s.isdigit()):
        raise ValueError(f"not a date: {text!r}")
    year = int(year_s)
    if len(year_s) <= 2:  # "65" is 2565; "0001" is not
        year += 2500
    if year >= 2400:
        year -= BE_OFFSET
    if not MIN_BE - BE_OFFSET <= year <= MAX_BE - BE_OFFSET:
        # "25/03/3110" is a typing slip, not the year 2567
        raise ValueError(f"year out of range (BE {MIN_BE}–{MAX_BE}) in {text!r}")
    return _dt.date(year, month, int(day_s))


def is_ce_year(text: str) -> bool:
    """Was the year typed as a Christian year (2022 rather than 2565)? The form says so."""
    from .thai_numbers import to_arabic_digits

    digits_only = [p for p in to_arabic_digits(text).replace("/", " ").replace("-", " ").split() if p.isdigit()]
    return bool(digits_only) and len(digits_only[-1]) == 4 and int(digits_only[-1]) < 2400
