"""The year's result as the NACC reports it: each tool against the pass mark, the
level and the result category under that year's rules, EIT from its parts, and
what the clerk states beside the computed values (rankings, publication date,
the published level, category and per-tool verdicts).

Every rule here reads the year's stored rules (``Framework``): the pass mark,
the levels with their tool floors, the categories with their conditions and
the tool weights. A clerk who edits them changes what is computed; nothing is
hard-wired to 85 or to the 2566 names.

Documents print the *stated* value when there is one (the office reproduces
what NACC published); the window shows the computed one beside it, so a
difference is seen rather than hidden.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum

from .levels import compute_level, weighted_overall
from .models import Category, Framework, Level, Scores
from .thai_numbers import digits, format_score

EPS = 1e-9  # scores have two decimals; a tool exactly at the pass mark passes

PASS, FAIL = "ผ่าน", "ไม่ผ่าน"
VERDICTS = (PASS, FAIL)


class ToolRule(StrEnum):
    """How a category looks at the tools (against the year's pass mark)."""

    ANY = "any"
    ALL_PASS = "all_pass"
    SOME_FAIL = "some_fail"

    @property
    def th(self) -> str:
        return TOOL_RULES_TH[self]


TOOL_RULES_TH: dict[str, str] = {
    ToolRule.ANY: "ไม่พิจารณารายเครื่องมือ",
    ToolRule.ALL_PASS: "ทุกเครื่องมือถึงเกณฑ์ผ่าน",
    ToolRule.SOME_FAIL: "มีเครื่องมือต่ำกว่าเกณฑ์ผ่านอย่างน้อยหนึ่ง",
}


@dataclass(frozen=True)
class Rank:
    """"ลำดับที่ 76 จาก 211 แห่ง" — the total is optional (some offices print only the place)."""

    place: int
    of: int | None = None

    def text(self, *, thai: bool = True) -> str:
        out = f"ลำดับที่ {self.place}" + (f" จาก {self.of} แห่ง" if self.of else "")
        return digits(out, thai)


@dataclass
class Statement:
    """What the clerk copied from the published result (all optional)."""

    published: _dt.date | None = None
    rank_district: Rank | None = None
    rank_province: Rank | None = None
    level: str = ""
    category: str = ""
    verdicts: dict[str, str] = field(default_factory=dict)  # tool code → ผ่าน / ไม่ผ่าน


@dataclass(frozen=True)
class ToolVerdict:
    code: str
    name_th: str
    score: float | None
    passed: bool | None  # None without a score
    stated: str = ""  # ผ่าน / ไม่ผ่าน as published, "" when not stated
    derived: bool = False  # computed from the parts (EIT), not entered

    @property
    def computed(self) -> str:
        return "-" if self.passed is None else (PASS if self.passed else FAIL)

    @property
    def printed(self) -> str:
        return self.stated or self.computed


@dataclass
class YearResult:
    pass_mark: float
    overall: float | None
    overall_derived: bool
    verdicts: list[ToolVerdict]
    level: str | None  # computed from the year's levels
    category: str | None  # computed from the year's categories
    stated: Statement
    levels: list[Level]
    eit_rule: str  # the rule, in words ("" when the year has no EIT parts)

    @property
    def level_printed(self) -> str | None:
        return self.stated.level or self.level

    @property
    def category_printed(self) -> str | None:
        return self.stated.category or self.category

    @property
    def level_differs(self) -> bool:
        return bool(self.stated.level and self.level and self.stated.level != self.level)

    @property
    def category_differs(self) -> bool:
        return bool(self.stated.category and self.category and self.stated.category != self.category)

    def explanation(self, name: str | None = None) -> str:
        """The explanation of level ``name`` (the printed level by default)."""
        name = name if name is not None else self.level_printed
        return next((lv.explanation for lv in self.levels if lv.name == name), "")

    def verdict(self, code: str) -> ToolVerdict | None:
        return next((v for v in self.verdicts if v.code == code), None)


# ------------------------------------------------------------------ rules
def passes(score: float | None, pass_mark: float) -> bool | None:
    return None if score is None else score >= pass_mark - EPS


def tools_in_order(fw: Framework) -> list:
    """Main tools in their order, each followed by its parts (IIT, EIT, EIT1, EIT2, OIT)."""
    main = [t for t in fw.tools if t.parent is None]
    out = []
    for t in main:
        out.append(t)
        out += [p for p in fw.tools if p.parent == t.code]
    return out + [t for t in fw.tools if t not in out]


def eit_parts(fw: Framework) -> list:
    return [t for t in fw.tools if t.parent == "EIT"]


def derive_eit(fw: Framework, tools: dict[str, float | None]) -> float | None:
    """EIT from its parts, when the year's rule says so and only the parts were entered.

    Each part weighs its stored weight (equal weights when none is stored): the
    mean of part 1 and part 2 unless the clerk says otherwise."""
    parts = eit_parts(fw)
    if not fw.eit_from_parts or not parts or tools.get("EIT") is not None:
        return None
    values = [tools.get(t.code) for t in parts]
    if any(v is None for v in values):
        return None
    weights = [t.weight if t.weight else 1.0 for t in parts]
    return round(sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights), 2)


def eit_rule_text(fw: Framework, *, thai: bool = True) -> str:
    parts = eit_parts(fw)
    if not parts:
        return ""
    if not fw.eit_from_parts:
        return "ไม่คำนวณ EIT จากส่วนย่อย (กรอกคะแนน EIT เอง)"
    weights = [t.weight if t.weight else 1.0 for t in parts]
    total = sum(weights)
    terms = " + ".join(f"ส่วนที่ {k} × {format_score(100 * w / total, places=2).rstrip('0').rstrip('.')}%"
                       for k, w in enumerate(weights, 1))
    return digits(f"EIT = {terms} (เมื่อกรอกเฉพาะคะแนนส่วนย่อย)", thai)


def effective_tools(fw: Framework, scores: Scores) -> tuple[dict[str, float], set[str]]:
    """Every tool score that counts: as entered, plus EIT derived from its parts."""
    tools = {code: v for code, v in scores.tools.items() if v is not None}
    derived: set[str] = set()
    eit = derive_eit(fw, scores.tools)
    if eit is not None and fw.tool("EIT") is not None:
        tools["EIT"] = eit
        derived.add("EIT")
    return tools, derived


def effective_overall(fw: Framework, scores: Scores, tools: dict[str, float]) -> tuple[float | None, bool]:
    """The overall as entered, else weighted from the main tools by the year's weights."""
    if scores.overall is not None:
        return scores.overall, False
    weights = {t.code: t.weight for t in fw.tools if t.parent is None}
    value = weighted_overall({c: tools.get(c) for c in weights}, weights)
    return value, value is not None


def category_of(overall: float | None, tool_scores: list[float], pass_mark: float, categories: list[Category]) -> str | None:
    """The first category (in their order) whose conditions hold; None without an overall."""
    if overall is None:
        return None
    for cat in sorted(categories, key=lambda c: c.sort):
        if cat.overall_min is not None and overall < cat.overall_min - EPS:
            continue
        if cat.overall_max is not None and overall > cat.overall_max + EPS:
            continue
        rule = ToolRule(cat.tools) if cat.tools in tuple(ToolRule) else ToolRule.ANY
        if rule == ToolRule.ALL_PASS and (not tool_scores or any(not passes(s, pass_mark) for s in tool_scores)):
            continue
        if rule == ToolRule.SOME_FAIL and not any(not passes(s, pass_mark) for s in tool_scores):
            continue
        return cat.name
    return None


def build_result(fw: Framework, scores: Scores, stated: Statement | None = None) -> YearResult:
    stated = stated or Statement()
    tools, derived = effective_tools(fw, scores)
    overall, overall_derived = effective_overall(fw, scores, tools)
    verdicts = [ToolVerdict(t.code, t.name_th, tools.get(t.code), passes(tools.get(t.code), fw.pass_mark),
                            stated.verdicts.get(t.code, ""), t.code in derived) for t in tools_in_order(fw)]
    reported = [v.score for v in verdicts if v.score is not None]
    return YearResult(
        pass_mark=fw.pass_mark, overall=overall, overall_derived=overall_derived, verdicts=verdicts,
        level=compute_level(overall, reported, fw.levels),
        category=category_of(overall, reported, fw.pass_mark, fw.categories),
        stated=stated, levels=fw.levels, eit_rule=eit_rule_text(fw, thai=False),
    )


# --------------------------------------------------------------- defaults
# What a level means, drafted from its range: a level of min–max points has left
# undone about (100 − max)–(100 − min) per cent of what the assessment asks (A,
# 85–94.99: "ราวร้อยละ 5–15", the wording offices print). The reference holds no
# NACC text for these, so they are editable defaults, stored per year.
_QUALITY = ("ครบถ้วนเกือบทุกประเด็น", "ค่อนข้างครบถ้วน", "ได้ในระดับดี", "ได้ในระดับปานกลาง", "ได้บางส่วน",
            "ได้น้อย", "ได้น้อยมาก")


def default_explanation(level: Level, levels: list[Level]) -> str:
    ordered = sorted(levels, key=lambda lv: lv.sort)
    k = next((i for i, lv in enumerate(ordered) if lv is level or (lv.name, lv.sort) == (level.name, level.sort)), 0)
    quality = _QUALITY[min(k, len(_QUALITY) - 1)]
    low_gap, high_gap = round(100 - min(level.max, 100)), round(100 - level.min)
    if low_gap <= 0:
        gap = f"ขาดการดำเนินการไม่เกินร้อยละ {high_gap}"
    elif level.min <= 0:
        gap = f"ยังขาดการดำเนินการตั้งแต่ร้อยละ {low_gap} ขึ้นไป"
    else:
        gap = f"ยังขาดการดำเนินการในบางประเด็น ราวร้อยละ {low_gap}-{high_gap}"
    if level.max >= 100 - EPS:
        rule = f"คะแนนภาพรวมตั้งแต่ {level.min:g} คะแนนขึ้นไป"
    elif level.min <= 0:
        rule = f"คะแนนภาพรวมต่ำกว่า {round(level.max + 0.01, 2):g} คะแนน"
    else:
        rule = f"คะแนนภาพรวม {level.min:g}–{level.max:g} คะแนน"
    if level.tool_min is not None:
        rule += f" และคะแนนทุกเครื่องมือตั้งแต่ {level.tool_min:g} คะแนนขึ้นไป"
    else:
        stricter = [lv for lv in ordered[:k] if lv.tool_min is not None and abs(lv.min - level.min) < EPS]
        if stricter:
            rule += f" แต่มีบางเครื่องมือต่ำกว่า {stricter[-1].tool_min:g} คะแนน"
    return f"{rule} หมายถึง หน่วยงานสามารถดำเนินการ{quality}ตามเกณฑ์การประเมิน {gap}"


# Result categories as the NACC reports them from 2566. Only "ผ่านและบรรลุค่าเป้าหมาย"
# (overall at or above the pass mark while a tool is below it) is seen on published
# results; the other names are itadesk's, unverified, and the clerk renames them.
def default_categories(levels: list[Level], pass_mark: float) -> list[Category]:
    if not any(lv.tool_min is not None for lv in levels):
        return []  # AA–F years: no categories were reported
    return [
        Category("ผ่านและบรรลุค่าเป้าหมายทุกเครื่องมือ", pass_mark, None, ToolRule.ALL_PASS, 0),
        Category("ผ่านและบรรลุค่าเป้าหมาย", pass_mark, None, ToolRule.SOME_FAIL, 1),
        Category("ไม่บรรลุค่าเป้าหมาย", None, round(pass_mark - 0.01, 2), ToolRule.ANY, 2),
    ]


def with_defaults(fw: Framework) -> Framework:
    """``fw`` with default explanations and categories where it has none."""
    for lv in fw.levels:
        if not lv.explanation:
            lv.explanation = default_explanation(lv, fw.levels)
    if not fw.categories:
        fw.categories = default_categories(fw.levels, fw.pass_mark)
    return fw
