"""Scores as clerks copy them: from the NACC result pages, from Excel, typed in a message.

One line per score, the code first and the score last, anything between (the title)
ignored::

    O1   โครงสร้าง                     100.00
    i3 \t การใช้อำนาจ \t ๙๕.๒๐
    e1   93.10   95.20                  (EIT items: part 1 and part 2)
    EIT  94.19                          (a tool)
    ตัวชี้วัดที่ 3  การใช้อำนาจ  97.10     (an indicator; "3 การใช้อำนาจ 97.10" too)
    คะแนนภาพรวม  92.87

Codes in either case (o1, O1), Thai or Arabic digits, extra spaces and empty lines
are fine; a heading line without a code is skipped. Each score goes through
``validation.parse_score``, the one rule for a score (a decimal comma is refused).
The scores tab's paste, the scores sheet of a workbook and ``itadesk xlsx import
--scores`` all read through here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ValidationError
from .models import Framework
from .thai_numbers import to_arabic_digits
from .validation import parse_score

OVERALL_WORDS = ("คะแนนภาพรวม", "ภาพรวม", "คะแนนรวม", "overall", "ita")
INDICATOR_WORD = "ตัวชี้วัดที่"
# what a code looks like: a few Latin letters and digits (o1, EIT1, i13); a heading is Thai words
_CODE_LIKE = re.compile(r"[A-Za-z]{1,4}\d{0,3}")
# a score token: digits (Thai or Arabic) with a point, a comma (refused later, with its reason) or a percent sign
_NUMBER_LIKE = re.compile(r"[0-9๐-๙]+(?:[.,][0-9๐-๙]*)?%?|[.,][0-9๐-๙]+%?")
_PUNCT = ".:;)(]["


@dataclass
class PastedScores:
    """What a block of lines says: the scores by key, and the lines that could not be used.

    Keys are ``("overall", None)``, ``("tool", "EIT")``, ``("indicator", 3)``,
    ``("item", "o1")`` and ``("item2", "e1")`` (EIT part 2), with the framework's own
    spelling of each code."""

    values: dict[tuple[str, object], float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped: int = 0  # heading lines without a code

    def plan(self) -> dict:
        """Keyword arguments for ``Store.set_scores``."""
        out: dict = {}
        names = {"tool": "tools", "indicator": "indicators", "item": "items", "item2": "items_part2"}
        for (kind, key), value in self.values.items():
            if kind == "overall":
                out["overall"] = value
            else:
                out.setdefault(names[kind], {})[key] = value
        return out


def _tokens(line: str) -> list[str]:
    return [t.strip(_PUNCT) if not _NUMBER_LIKE.fullmatch(t) else t for t in line.split()]


def _is_number(token: str) -> bool:
    return bool(_NUMBER_LIKE.fullmatch(token.strip()))


def _trailing_numbers(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for t in reversed(tokens):
        if not _is_number(t):
            break
        out.insert(0, t)
    return out


def _key_of(tokens: list[str], fw: Framework) -> tuple[tuple[str, object] | None, int]:
    """The key a line names and how many leading tokens name it; (None, 0) for none."""
    first = tokens[0]
    low = first.lower()
    items = {i.code.lower(): i.code for i in fw.items}
    tools = {t.code.lower(): t.code for t in fw.tools}
    if low in items:
        return ("item", items[low]), 1
    if low in tools:
        return ("tool", tools[low]), 1
    if low in OVERALL_WORDS:
        return ("overall", None), 1
    if first.startswith(INDICATOR_WORD):
        rest = first[len(INDICATOR_WORD):]
        if rest and to_arabic_digits(rest).isdigit():
            return ("indicator", int(to_arabic_digits(rest))), 1
        if len(tokens) > 1 and to_arabic_digits(tokens[1]).isdigit():
            return ("indicator", int(to_arabic_digits(tokens[1]))), 2
    # "3 การใช้อำนาจ 97.10": a bare number names an indicator only when its name follows
    # ("10\t100" is two scores pasted side by side, not indicator 10)
    if to_arabic_digits(first).isdigit() and any(not _is_number(t) for t in tokens[1:]):
        no = int(to_arabic_digits(first))
        if fw.indicator(no) is not None:
            return ("indicator", no), 1
    return None, 0


def parse_scores_text(text: str, fw: Framework, *, where: str = "บรรทัดที่") -> PastedScores:
    """Read every line of ``text`` against the framework of one year.

    ``where`` names a line in messages ("บรรทัดที่ 3", or "แถวที่ 3" for a sheet)."""
    out = PastedScores()
    for no, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.replace("\u00a0", " ").replace("\u200b", "").strip()
        if not line:
            continue
        tokens = _tokens(line)
        key, used = _key_of(tokens, fw)
        numbers = _trailing_numbers(tokens[used:]) if key else []
        if key is None:
            if _CODE_LIKE.fullmatch(tokens[0]) and _trailing_numbers(tokens[1:]):
                out.problems.append(f"{where} {no}: ไม่มีรหัส “{tokens[0]}” ในกรอบการประเมินปี {fw.year}")
            else:
                out.skipped += 1
            continue
        if key[0] == "indicator" and fw.indicator(key[1]) is None:
            out.problems.append(f"{where} {no}: ไม่มีตัวชี้วัดที่ {key[1]} ในปี {fw.year}")
            continue
        if not numbers:
            if tokens[-1] in ("-", "–", "—"):
                continue  # "not assessed" on the NACC pages: nothing to record
            out.problems.append(f"{where} {no}: ไม่พบคะแนนท้ายบรรทัด “{line}”")
            continue
        keys = [key]
        if key[0] == "item" and len(numbers) >= 2:
            item = fw.item(key[1])
            if item is not None and item.tool == "EIT":
                keys = [key, ("item2", key[1])]
                numbers = numbers[-2:]
        for k, token in zip(keys, numbers[-len(keys):], strict=True):
            label = score_label(k)
            try:
                value = parse_score(label, token)
            except ValidationError as err:
                out.problems.append(f"{where} {no}: {err.message_th}")
                continue
            if value is not None:
                if k in out.values and out.values[k] != value:
                    out.problems.append(f"{where} {no}: {label} ซ้ำกับบรรทัดก่อนหน้าแต่คะแนนไม่ตรงกัน")
                    continue
                out.values[k] = value
    return out


def score_label(key: tuple[str, object]) -> str:
    kind, k = key
    return {"overall": "คะแนนภาพรวม", "tool": f"คะแนนเครื่องมือ {k}", "indicator": f"คะแนนตัวชี้วัดที่ {k}",
            "item": f"คะแนนข้อ {k}", "item2": f"คะแนนข้อ {k} (ส่วนที่ ๒)"}[kind]


__all__ = ["PastedScores", "parse_scores_text", "score_label"]
