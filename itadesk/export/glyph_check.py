"""Characters no shipped font can print, found before a document is made.

Sarabun draws Thai and Latin; Noto Sans Lao draws Lao (``pdf/fallback.py``).
Anything else pasted into a field — Khmer, Chinese, emoji — would print as an
empty box. :func:`undrawable_fields` lists such characters with the field they
sit in, so the window can warn before exporting and the command line can say
so; the clerk then fixes the text or prints anyway.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..domain import labels
from ..domain.vocab import TEXT_LABELS
from ..domain.year import YearView
from ..pdf import fonts
from ..pdf.fallback import undrawable


@dataclass(frozen=True)
class Undrawable:
    where: str  # the record, in Thai ("มาตรการ: ชื่อ…")
    field: str  # the field's Thai label
    chars: str  # the characters, each once, in order


def _texts(snap: YearView):
    """(where, field label, text) of every text the documents print."""
    yield from _fields("ข้อมูลหน่วยงาน", snap.office, labels.OFFICE_FIELDS)
    for u in snap.units:
        yield "หน่วยงานย่อย", "ชื่อหน่วยงาน", u.name
    for s in snap.signers:
        yield "ผู้ลงนาม", labels.SIGNER_FIELDS["name"], s.name
        yield "ผู้ลงนาม", labels.SIGNER_FIELDS["position"], s.position
    for ind in snap.framework.indicators:
        yield "ตัวชี้วัด", "ชื่อตัวชี้วัด", ind.name_th
    for item in snap.framework.items:
        yield "ข้อคำถาม", item.code, item.title_th
    for state in snap.states:
        m = state.measure
        where = f"มาตรการ: {_short(m.title)}"
        yield from _fields(where, m, labels.MEASURE_FIELDS)
        yield where, labels.MEASURE_FIELDS["evidence"], "\n".join(f"{e.title} {e.link}" for e in m.evidence)
        for u in state.history:
            yield where, "หมายเหตุสถานะ", u.note
    for a in snap.analyses:
        yield from _fields(f"การวิเคราะห์: {_short(a.topic or str(a.indicator or ''))}", a, labels.ANALYSIS_FIELDS)
    for lim in snap.limitations:
        yield from _fields(f"ข้อจำกัด: {_short(lim.limitation)}", lim, labels.LIMITATION_FIELDS)
    for memo in snap.memos:
        yield from _fields(f"บันทึกข้อความ: {_short(memo.subject)}", memo, labels.MEMO_FIELDS)
    for key, body in snap.texts.items():
        yield "ข้อความประจำปี", TEXT_LABELS.get(key, key), body


def _fields(where: str, record, field_labels: dict[str, str]):
    """(where, label, text) of each text field of ``record`` (a list of lines joined)."""
    for key, label in field_labels.items():
        value = getattr(record, key, None)
        if isinstance(value, str):
            yield where, label, value
        elif isinstance(value, list):
            yield where, label, "\n".join(x for x in value if isinstance(x, str))


def _chars(found: list[Undrawable]) -> str:
    """The undrawable characters of all fields, each once, in order."""
    return "".join(dict.fromkeys("".join(f.chars for f in found)))


def _short(text: str, n: int = 30) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n] + "…"


def undrawable_fields(snap: YearView) -> list[Undrawable]:
    """Every field of ``snap`` holding characters no shipped font draws."""
    fonts.register_fonts()
    out = []
    for where, field, text in _texts(snap):
        missing = undrawable(text or "")
        if missing:
            out.append(Undrawable(where, field, "".join(missing)))
    return out


def _show(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        name = "?"
    return f"{ch} (U+{ord(ch):04X} {name})"


def warning_th(found: list[Undrawable], *, limit: int = 12) -> str:
    """The warning the clerk reads: which characters, in which fields."""
    chars = _chars(found)
    lines = ["อักษรต่อไปนี้ไม่มีในแบบอักษรของเอกสาร จะพิมพ์เป็นช่องว่างเปล่า:",
             "  " + ", ".join(_show(c) for c in chars[:limit]) + (" …" if len(chars) > limit else ""),
             "พบในช่อง:"]
    lines += [f"  • {f.where} — {f.field}: {f.chars[:limit]}" for f in found[:limit]]
    if len(found) > limit:
        lines.append(f"  • และอีก {len(found) - limit} ช่อง")
    return "\n".join(lines)


def warning_short(found: list[Undrawable]) -> str:
    """One line for a status bar: the characters and the first field they sit in."""
    chars = _chars(found)
    more = f" และอีก {len(found) - 1} ช่อง" if len(found) > 1 else ""
    return f"คำเตือน: อักษร {' '.join(chars[:6])}{' …' if len(chars) > 6 else ''} พิมพ์ไม่ได้ ({found[0].where} — {found[0].field}{more})"


def warning_en(found: list[Undrawable]) -> str:
    chars = _chars(found)
    return f"warning: {len(chars)} character(s) no font can print ({', '.join(f'U+{ord(c):04X}' for c in chars[:12])}) in {len(found)} field(s)"
