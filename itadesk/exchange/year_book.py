"""What one year's workbook carries, gathered from a database or read from a file.

Besides the year's view (office, framework, scores, texts, analyses, measures,
status history, memos — and the facts issues 10 and 11 added to it: the rules,
the published result, the evidence of each item, the assessment issues), a year
takes along what documents and plans read from outside the view:

* **the year's own document outlines** (a kind the year has none of follows the
  office's default, and so it does on the other laptop), and the office's default
  outlines for new years, which — like the office itself — come along only into a
  database nobody has filled in yet;
* **the plans across years that cover it**: those spanning the fiscal year of the
  assessment or the next one (a year's measures are carried out in the next fiscal
  year, ``plan_rows.plan_for_year``), or — when none does — the plan its documents
  print. A plan is not a record of one year, so on import it is matched by its
  title: a plan of the same title is replaced (never duplicated, its place kept),
  other plans are left alone. A re-import of the same workbook changes nothing;
  exporting two years that share a plan and importing both leaves one plan;
* which of the year's measures were drawn from which plan measure (so that drawing
  from the plan again on the other laptop does not make them twice).

A workbook written before these parts existed lacks their sheets. Importing it
leaves those parts as the database has them for that year (``fill_missing``), or
gives a new year the defaults a year added by hand gets; the summary says which.

Nothing here imports openpyxl: the window gathers a book on its own thread and
writes it on a worker.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

from ..domain.models import Issue
from ..domain.plans import Plan
from ..domain.results import Statement, build_result, default_categories, default_explanation
from ..domain.year import YearView
from ..outline.blocks import Outline
from ..store import year_parts
from ..store.store import Store

# the parts a workbook of an older itadesk may lack, as the import's summary names them
PARTS: dict[str, str] = {
    "eit_rule": "วิธีคำนวณคะแนน EIT จากส่วนย่อย",
    "explanations": "คำอธิบายระดับผลการประเมิน",
    "categories": "ผลการประเมินตามเกณฑ์",
    "statement": "ผลที่ประกาศ (วันที่ประกาศ ลำดับ ระดับและผลการประเมินที่ประกาศ)",
    "verdicts": "ผลรายเครื่องมือที่ประกาศ",
    "points": "แนวทางการพัฒนาหรือการแก้ไขของผลการวิเคราะห์",
    "issues": "ประเด็นการประเมินและรายละเอียด",
    "evidence": "หลักฐานข้อคำถาม",
    "outlines": "รูปแบบเอกสารของปี",
    "plans": "แผนหลายปี",
}


@dataclass
class YearBook:
    view: YearView
    # document kind → the year's own outline; None: not carried (a new year takes the office's defaults)
    outlines: dict[str, Outline] | None = field(default_factory=dict)
    plans: list[Plan] | None = field(default_factory=list)  # None: not carried (plans are left as they are)
    drawn: dict[int, int] = field(default_factory=dict)  # measure position (from 1) → plan measure id (in ``plans``)
    missing: frozenset[str] = frozenset()  # PARTS the file did not carry
    office_outlines: dict[str, Outline] = field(default_factory=dict)  # the office's defaults for new years

    def as_year(self, year: int) -> YearBook:
        """The same book, imported as ``year``."""
        return dataclasses.replace(self, view=dataclasses.replace(self.view, year=year))


def plans_covering(plans: list[Plan], year: int, printed: Plan | None) -> list[Plan]:
    hit = [p for p in plans if p.first_year <= year + 1 and p.last_year >= year]
    if not hit and printed is not None:
        hit = [p for p in plans if p.id == printed.id]
    return hit


def year_book(store: Store, year: int, view: YearView | None = None) -> YearBook:
    """Everything year ``year`` of ``store`` carries to another database (``view``: its view, when at hand)."""
    view = view if view is not None else store.view(year)
    plans = plans_covering(store.plans(), year, view.plan)
    in_plans = {m.id for p in plans for m in p.measures()}
    position = {s.measure.id: n for n, s in enumerate(view.states, 1)}
    drawn = {position[mid]: pm for mid, pm in year_parts.drawn(store.db, year).items() if mid in position and pm in in_plans}
    return YearBook(view, year_parts.own_outlines(store.db, year), plans, drawn,
                    office_outlines=year_parts.own_outlines(store.db, None))


def fill_missing(store: Store, book: YearBook) -> YearBook:
    """``book`` with the parts its file lacks as the database has them for that year (or the
    defaults of a new year), so that writing it leaves them as they are."""
    if not book.missing:
        return book
    book = copy.deepcopy(book)
    view, miss = book.view, book.missing
    fw = view.framework
    current = year_book(store, view.year) if store.has_year(view.year) else None
    cv = current.view if current else None
    if "eit_rule" in miss:
        fw.eit_from_parts = cv.framework.eit_from_parts if cv else True
    if "explanations" in miss:
        old = {lv.name: lv.explanation for lv in cv.framework.levels} if cv else {}
        for lv in fw.levels:
            lv.explanation = old[lv.name] if lv.name in old else default_explanation(lv, fw.levels)
    if "categories" in miss:
        fw.categories = copy.deepcopy(cv.framework.categories) if cv else default_categories(fw.levels, fw.pass_mark)
    stated = view.result.stated if view.result else Statement()
    was = cv.result.stated if cv and cv.result else Statement()
    if "statement" in miss:
        stated = dataclasses.replace(was, verdicts=stated.verdicts)
    if "verdicts" in miss:
        stated.verdicts = {code: v for code, v in was.verdicts.items() if fw.tool(code)}
    view.result = build_result(fw, view.scores, stated)
    view.level = view.result.level_printed
    if "points" in miss and cv:
        old_points = {(a.indicator, a.topic): a.points for a in reversed(cv.analyses)}
        for a in view.analyses:
            a.points = old_points.get((a.indicator, a.topic), a.points)
    if "issues" in miss:
        view.issues = [Issue(None, view.year, i.title, i.detail, i.sort) for i in cv.issues] if cv else []
    if "evidence" in miss:
        view.evidence = {code: ev for code, ev in cv.evidence.items() if fw.item(code)} if cv else {}
    if "outlines" in miss:
        book.outlines = dict(current.outlines) if current else None
    if "plans" in miss:
        book.plans = None
        book.drawn = _same_title_links(cv, current.drawn, view) if current else {}
    return book


def _same_title_links(old: YearView, drawn: dict[int, int], new: YearView) -> dict[int, int]:
    """A measure keeps the plan link of the measure of the same title it replaces."""
    by_title: dict[str, list[int]] = {}
    for n, s in enumerate(old.states, 1):
        if n in drawn:
            by_title.setdefault(s.measure.title, []).append(drawn[n])
    out = {}
    for n, s in enumerate(new.states, 1):
        links = by_title.get(s.measure.title)
        if links:
            out[n] = links.pop(0)
    return out


def summary(book: YearBook) -> dict[str, int]:
    """How much a year holds, by what a clerk counts."""
    view = book.view
    sc, fw = view.scores, view.framework
    scores = (sc.overall is not None) + sum(len(d) for d in (sc.tools, sc.indicators, sc.items, sc.items_part2))
    st = view.result.stated if view.result else Statement()
    stated = sum(1 for x in (st.published, st.rank_district, st.rank_province, st.level, st.category) if x) + len(st.verdicts)
    return {
        "ข้อคำถาม": len(fw.items), "คะแนน": scores, "ข้อความ": sum(1 for t in view.texts.values() if t),
        "ผลการวิเคราะห์": len(view.analyses), "ข้อจำกัด": len(view.limitations), "มาตรการ": len(view.states),
        "ขั้นตอน": sum(len(s.measure.steps) for s in view.states),
        "รายงานสถานะ": sum(len(s.history) for s in view.states), "บันทึกข้อความ": len(view.memos),
        "ระดับผลการประเมิน": len(fw.levels), "ผลการประเมินตามเกณฑ์": len(fw.categories), "ผลที่ประกาศ (รายการ)": stated,
        "ประเด็นการประเมิน": len(view.issues),
        "ลิงก์หลักฐานข้อคำถาม": sum(len(e.links) for e in view.evidence.values()),
        "ข้อที่เผยแพร่แล้ว": sum(1 for e in view.evidence.values() if e.published),
        "รูปแบบเอกสารของปี": len(book.outlines or {}), "แผนหลายปี": len(book.plans or []),
    }
