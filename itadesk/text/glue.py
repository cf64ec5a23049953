"""Stretches of text that a line never breaks inside, whatever the segmenters say.

* "พ.ศ. ๒๕๖๘", "ร้อยละ ๘๗.๕๐", "ข้อ ๓", "ตัวชี้วัดที่ ๑๐": a word that introduces
  a number stays with it;
* "๘ ตัวชี้วัด", "๑๒,๐๐๐ บาท", "๕ ตุลาคม ๒๕๖๙": a number stays with its unit
  (and a month with its year);
* the office's own names: the place part of the office's, the units' and the
  places' names ("ท่าเดื่อ-มืดกา" of "เทศบาลตำบลท่าเดื่อ-มืดกา"), and signers'
  names whole. The administrative words around a place name (เทศบาลตำบล,
  อำเภอ, กอง …) may still end a line: a long name then breaks where Thai
  readers expect, not inside the place.

:func:`glued_spans` gives (start, end) pairs; a break is allowed at their ends,
never strictly inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUM = r"[0-9๐-๙][0-9๐-๙,.:/]*"
_MONTHS = ("มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม "
           "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.").split()
# words that introduce a number ("พ.ศ. ๒๕๖๘", "ข้อ ๓")
_BEFORE = ["พ.ศ.", "ค.ศ.", "พ.ศ", "ค.ศ", "ร้อยละ", "ที่", "ข้อ", "หน้า", "ปี", "เลขที่", "หมู่ที่", "หมู่", "ม.", "โทร.",
           "โทรศัพท์", "ครั้งที่", "ลำดับที่", "ฉบับที่", "รอบ", "ระดับ", "จำนวน", "มาตรา", "วันที่", *_MONTHS]
# units that follow a number ("๘ ตัวชี้วัด", "๕ ตุลาคม")
_AFTER = ["บาท", "คะแนน", "ตัวชี้วัด", "คน", "ราย", "ครั้ง", "วัน", "เดือน", "ปี", "ชั่วโมง", "นาที", "ข้อ", "แห่ง",
          "หน่วยงาน", "โครงการ", "กิจกรรม", "มาตรการ", "เรื่อง", "ฉบับ", "หน้า", "%", "เปอร์เซ็นต์", "ล้าน", "ไตรมาส",
          "กิโลเมตร", "เมตร", "กม.", "ชุด", "เล่ม", "ตัว", *_MONTHS]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_BEFORE_NUMBER = re.compile(rf"(?:{_alternation(_BEFORE)})[ \u00a0]?{_NUM}")
_NUMBER_UNIT = re.compile(rf"{_NUM}[ \u00a0]?(?:{_alternation(_AFTER)})")

# administrative words around a place name: a line may end next to them
ADMIN_WORDS = ("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "เทศบาล",
               "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.", "กรุงเทพมหานคร", "จังหวัด", "อำเภอ", "ตำบล", "หมู่บ้าน", "บ้าน",
               "สำนักปลัด", "สำนัก", "กอง", "ฝ่าย", "งาน", "ส่วน")
_TITLES = ("นางสาว", "นาง", "นาย", "ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ดร.")


def name_cores(names: Iterable[str]) -> frozenset[str]:
    """The parts of the office's names that never break: each name's words less the
    administrative words they begin with (a place, a unit's own subject)."""
    out = set()
    for name in names:
        for word in (name or "").split():
            core = word
            stripped = True
            while stripped:
                stripped = False
                for admin in ADMIN_WORDS:
                    if core.startswith(admin) and len(core) > len(admin):
                        core, stripped = core[len(admin):], True
                        break
            if len(core) >= 2:
                out.add(core)
    return frozenset(out)


def person_names(names: Iterable[str]) -> frozenset[str]:
    """Signers' names, kept whole (title, first and last name on one line)."""
    out = set()
    for name in names:
        name = " ".join((name or "").split())
        if len(name) >= 2:
            out.add(name)
            for title in _TITLES:  # "(นาย ประเสริฐ มั่นคง)" is typed both ways
                if name.startswith(title) and name[len(title):].strip():
                    out.add(name[len(title):].strip())
    return frozenset(out)


def glued_spans(text: str, names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) stretches of ``text`` that must stay on one line."""
    spans = [m.span() for m in _BEFORE_NUMBER.finditer(text)]
    spans += [m.span() for m in _NUMBER_UNIT.finditer(text)]
    for name in names:
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


def forbidden(text: str, names: frozenset[str] = frozenset()) -> set[int]:
    """Positions strictly inside a glued stretch."""
    out: set[int] = set()
    for a, b in glued_spans(text, names):
        out.update(range(a + 1, b))
    return out
