"""Thai digits (๐–๙) both ways, and number formatting as Thai documents print it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def to_thai_digits(text: object) -> str:
    """Replace every Arabic digit in ``text`` with its Thai digit."""
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace every Thai digit in ``text`` with its Arabic digit."""
    return text.translate(_TO_ARABIC)


def digits(text: object, thai: bool) -> str:
    """``text`` with Thai digits when ``thai`` is true, unchanged otherwise."""
    return to_thai_digits(text) if thai else str(text)


def format_score(value: float | None, *, thai: bool = False, places: int = 2) -> str:
    """A score as documents print it: two decimals ("๙๖.๒๙"), "-" when missing."""
    if value is None:
        return "-"
    text = f"{Decimal(str(value)).quantize(Decimal(10) ** -places):f}"
    return digits(text, thai)


def format_amount(value: float | None, *, thai: bool = False) -> str:
    """A budget in baht with thousands separators ("1,234.50"); "-" when missing."""
    if value is None:
        return "-"
    return digits(f"{value:,.2f}", thai)


def parse_decimal(text: str) -> Decimal:
    """Parse what a clerk types or pastes: Thai or Arabic digits, commas, spaces.

    Raises ValueError when the text is not a number.
    """
    cleaned = to_arabic_digits(text).replace(",", "").replace("\u00a0", "").strip()
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    if not cleaned:
        raise ValueError("empty")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as err:
        raise ValueError(f"not a number: {text!r}") from err
    if not value.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return value
