"""Reading the sheets of ``year_extras`` back, every cell checked as ``year_reader`` checks
its own: each problem names the file, the sheet, the row and the column, and the
workbook is refused when there is any. A part whose sheets the workbook lacks (an
older itadesk wrote it) is left to ``year_book.fill_missing``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..domain.evidence import ItemEvidence
from ..domain.labels import ISSUE_FIELDS
from ..domain.models import Category, Evidence, Framework, Issue
from ..domain.plans import MAX_SPAN, Plan, PlanMeasure, PlanNode
from ..domain.results import TOOL_RULES_TH, Rank, Statement, build_result
from ..domain.thai_numbers import to_arabic_digits
from ..domain.validation import MAX_BUDGET, MEASURE_KINDS
from ..domain.year import YearView
from ..errors import ValidationError
from ..outline import blocks as ob
from ..store.results import CATEGORY_FIELDS, RESULT_FIELDS
from . import workbook_checks as wc
from .year_book import YearBook
from .year_extras import DRAWN, NODE_NO, OUTLINE_DOCS, PF, PLAN_NO, PM, PM_NO, SCOPES

if TYPE_CHECKING:
    from .year_reader import _Reader


def read_extras(r: _Reader, view: YearView, missing: set[str]) -> YearBook:
    """The book of ``view`` with the parts of the later sheets read into it."""
    x = _Extras(r)
    fw = view.framework
    if "categories" not in missing:
        fw.categories = x.categories()
    stated = x.statement() if "statement" not in missing else Statement()
    stated.verdicts = dict(r.verdicts)
    view.result = build_result(fw, view.scores, stated)
    view.level = view.result.level_printed
    if "issues" not in missing:
        view.issues = x.issues(view.year)
    if "evidence" not in missing:
        view.evidence = x.evidence(fw)
    outlines = x.outlines(view.year) if "outlines" not in missing else {}
    plans, drawn = x.plans(r.measure_numbers) if "plans" not in missing else ([], {})
    view.plan = plans[0] if plans else None
    return YearBook(view, outlines.get("year", {}), plans, drawn, frozenset(missing), outlines.get("office", {}))


class _Extras:
    def __init__(self, r: _Reader):
        self.r, self.p = r, r.p

    # ------------------------------------------------------------- results
    def categories(self) -> list[Category]:
        f, out = CATEGORY_FIELDS, []
        for n, (_row, col) in enumerate(self.r.rows("ผลการประเมินตามเกณฑ์")):
            lo, hi = self.r.num(col(f["overall_min"]), lo=0, hi=100), self.r.num(col(f["overall_max"]), lo=0, hi=100)
            if lo is not None and hi is not None and lo > hi:
                self.p.at(col(f["overall_max"])[1], "คะแนนตั้งแต่ต้องไม่มากกว่าคะแนนไม่เกิน")
            rule = wc.choice(*col(f["tools"]), self.p, dict(TOOL_RULES_TH))
            out.append(Category(self.r.req(col(f["name"])), lo, hi, rule or "any", n))
        return out

    def statement(self) -> Statement:
        st, values = Statement(), {}
        for _row, col in self.r.rows("ผลที่ประกาศ"):
            key = self.r.text(col("รหัส")).strip()
            if key not in RESULT_FIELDS:
                self.p.at(col("รหัส")[1], f"ไม่รู้จักรหัส “{key}”")
            elif not self.r.unique(set(values), key, col("รหัส"), "รหัส"):
                continue
            elif key == "published":
                values[key] = st.published = wc.date(*col("ค่า"), self.p)
            elif key.startswith("rank_"):
                values[key] = self.r.whole(col("ค่า"), 1, 100_000)
                values[key + ":where"] = col("ค่า")[1]
            else:
                values[key] = self.r.text(col("ค่า")).strip()
        for where in ("district", "province"):
            place, total = values.get(f"rank_{where}"), values.get(f"rank_{where}_of")
            if place and total and place > total:
                self.p.at(values[f"rank_{where}:where"], f"ลำดับที่ {place} มากกว่าจำนวนทั้งหมด {total} แห่ง")
            rank = Rank(place, total) if place else None
            setattr(st, f"rank_{where}", rank)
        st.level, st.category = values.get("level_stated", ""), values.get("category_stated", "")
        return st

    # ------------------------------------------------------ issues, evidence
    def issues(self, year: int) -> list[Issue]:
        out, seen = [], set()
        for n, (_row, col) in enumerate(self.r.rows("ประเด็นการประเมิน")):
            title = self.r.req(col(ISSUE_FIELDS["title"]))
            if title and self.r.unique(seen, title, col(ISSUE_FIELDS["title"]), "ประเด็น"):
                out.append(Issue(None, year, title, self.r.text(col(ISSUE_FIELDS["detail"])).strip(), n))
        return out

    def _item(self, fw: Framework, c) -> str | None:
        code = self.r.req(c)
        item = fw.item(code) if code else None
        if code and item is None:
            self.p.at(c[1], f"ไม่มีข้อ {code} ในแผ่นงาน “ข้อคำถาม”")
        return item.code if item else None

    def evidence(self, fw: Framework) -> dict[str, ItemEvidence]:
        out = {i.code: ItemEvidence(i.code) for i in fw.items}
        seen: set = set()
        for _row, col in self.r.rows("หลักฐานข้อคำถาม"):
            code = self._item(fw, col("รหัสข้อ"))
            if code and self.r.unique(seen, code, col("รหัสข้อ"), "รหัสข้อ"):
                out[code].published = wc.flag(*col("เผยแพร่บนเว็บไซต์แล้ว"), self.p)
                out[code].steps = self.r.text(col("ขั้นตอนการเข้าถึงบนเว็บไซต์")).strip()
        for _row, col in self.r.rows("ลิงก์หลักฐานข้อคำถาม"):
            code = self._item(fw, col("รหัสข้อ"))
            link = Evidence(self.r.text(col("ชื่อหลักฐาน")).strip(), self.r.text(col("ลิงก์")).strip())
            if code and (link.title or link.link):
                out[code].links.append(link)
        return out

    # ------------------------------------------------------------- outlines
    def _json(self, c) -> dict:
        raw = self.r.text(c).strip()
        if not raw:
            return {}
        try:
            value = json.loads(raw)
        except ValueError:
            self.p.at(c[1], "ไม่ใช่ข้อมูล JSON ที่อ่านได้ (ถ้าไม่แน่ใจ ให้เว้นว่างเพื่อใช้ค่าเริ่มต้น)")
            return {}
        if not isinstance(value, dict):
            self.p.at(c[1], "ต้องเป็น JSON แบบ {\"ชื่อ\": ค่า} (ถ้าไม่แน่ใจ ให้เว้นว่างเพื่อใช้ค่าเริ่มต้น)")
            return {}
        return value

    def _options(self, c, check) -> dict:
        out = {}
        for name, value in self._json(c).items():
            try:
                out[name] = check(name, value)
            except ValidationError as err:
                self.p.at(c[1], err.message_th)
        return out

    def outlines(self, year: int) -> dict[str, dict[str, ob.Outline]]:
        """scope ("year", "office") → document kind → outline."""
        out: dict[tuple[str, str], ob.Outline] = {}
        for _row, col in self.r.rows("รูปแบบเอกสาร"):
            scope = wc.choice(*col("ใช้กับ"), self.p, SCOPES)
            kind = wc.choice(*col("เอกสาร"), self.p, OUTLINE_DOCS)
            if scope and kind and self.r.unique(set(out), (scope, kind), col("เอกสาร"), f"{SCOPES[scope]}: เอกสาร"):
                out[(scope, kind)] = ob.Outline(kind, [], self.r.text(col("รูปแบบตั้งต้น")).strip(),
                                                self._options(col("ตัวเลือกของเอกสาร"), ob.check_outline_option),
                                                year if scope == "year" else None)
        kinds = {spec.code: spec.label for spec in ob.all_kinds()}
        for _row, col in self.r.rows("บล็อกของเอกสาร"):
            scope = wc.choice(*col("ใช้กับ"), self.p, SCOPES)
            doc = wc.choice(*col("เอกสาร"), self.p, OUTLINE_DOCS)
            outline = out.get((scope, doc))
            if scope and doc and outline is None:
                self.p.at(col("เอกสาร")[1], f"ไม่มีเอกสาร “{OUTLINE_DOCS[doc]}” ({SCOPES[scope]}) ในแผ่นงาน “รูปแบบเอกสาร”")
            kind = wc.choice(*col("ชนิดบล็อก"), self.p, kinds)
            key = self.r.req(col("รหัสบล็อก"))
            options = self._options(col("ตัวเลือกของบล็อก"), lambda n, v, k=kind: ob.check_block_option(k, n, v)) if kind else {}
            if not (outline and kind and key):
                continue
            if key in {b.key for b in outline.blocks}:
                self.p.at(col("รหัสบล็อก")[1], f"รหัสบล็อก “{key}” ซ้ำกับแถวก่อนหน้าของเอกสารเดียวกัน")
                continue
            outline.blocks.append(ob.Block(kind, self.r.text(col("ชื่อบล็อก")).strip(), self.r.text(col("ข้อความ")), options,
                                           wc.flag(*col("พิมพ์"), self.p), key))
        found: dict[str, dict[str, ob.Outline]] = {"year": {}, "office": {}}
        for (scope, kind), outline in out.items():
            found[scope][kind] = outline
        return found

    # ----------------------------------------------------------------- plans
    def _path(self, c) -> tuple[int, ...] | None:
        raw = to_arabic_digits(self.r.text(c)).strip().rstrip(".")
        parts = raw.split(".")
        if not raw or not all(x.strip().isdigit() and int(x) > 0 for x in parts):
            self.p.at(c[1], f"“{raw}” ไม่ใช่เลขที่มิติหรือภารกิจ (เช่น 1 หรือ 1.2 หรือ 1.2.1)")
            return None
        return tuple(int(x) for x in parts)

    def plans(self, measure_numbers: list[int]) -> tuple[list[Plan], dict[int, int]]:
        plans: dict[int, Plan] = {}
        titles: set = set()
        for _row, col in self.r.rows("แผน"):
            no = self.r.whole(col(PLAN_NO), 1, required=True)
            title = self.r.req(col(PF["title"]))
            first = self.r.whole(col(PF["first_year"]), 2550, 2700, required=True)
            last = self.r.whole(col(PF["last_year"]), 2550, 2700, required=True)
            if first and last and last < first:
                self.p.at(col(PF["last_year"])[1], "ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน")
            elif first and last and last - first + 1 > MAX_SPAN:
                self.p.at(col(PF["last_year"])[1], f"แผนหนึ่งครอบคลุมได้ไม่เกิน {MAX_SPAN} ปีงบประมาณ")
            if title:
                self.r.unique(titles, title, col(PF["title"]), "ชื่อแผน")
            if no is not None and self.r.unique(set(plans), no, col(PLAN_NO), "ลำดับแผน") and first and last:
                plans[no] = Plan(no, title, first, last, self.r.text(col(PF["note"])).strip())
        nodes: dict[tuple[int, tuple[int, ...]], PlanNode] = {}
        for _row, col in self.r.rows("มิติและภารกิจของแผน"):
            no, path = self._plan_of(col, plans), self._path(col("เลขที่"))
            title = self.r.req(col("ชื่อมิติ/ภารกิจ"))
            if no is not None and path and self.r.unique(set(nodes), (no, path), col("เลขที่"), "เลขที่"):
                nodes[(no, path)] = PlanNode(len(nodes) + 1, no, None, title)
        for (no, path), node in sorted(nodes.items()):
            parent = nodes.get((no, path[:-1])) if len(path) > 1 else None
            if len(path) > 1 and parent is None:
                self.p.add(f"{self.r.t['มิติและภารกิจของแผน'].where(None)}: แผนลำดับที่ {no} มีเลขที่ "
                           f"{'.'.join(map(str, path))} แต่ไม่มีเลขที่ {'.'.join(map(str, path[:-1]))}")
                continue
            node.parent_id = parent.id if parent else None
            (parent.children if parent else plans[no].nodes).append(node)
        measures: dict[int, PlanMeasure] = {}
        position = {n: k for k, n in enumerate(measure_numbers, 1)}
        drawn: dict[int, int] = {}
        for _row, col in self.r.rows("โครงการในแผน"):
            pm_no = self.r.whole(col(PM_NO), 1, required=True)
            no, path = self._plan_of(col, plans), self._path(col(NODE_NO))
            node = nodes.get((no, path)) if no is not None and path else None
            if no is not None and path and node is None:
                self.p.at(col(NODE_NO)[1], f"ไม่มีเลขที่ {'.'.join(map(str, path))} ของแผนลำดับที่ {no} "
                                           "ในแผ่นงาน “มิติและภารกิจของแผน”")
            kind = wc.choice(*col(PM["kind"]), self.p, {k: k for k in MEASURE_KINDS})
            m = PlanMeasure(pm_no, no or 0, node.id if node else 0, self.r.req(col(PM["title"])), kind or "โครงการ",
                            self.r.text(col(PM["units"])).strip(), wc.date(*col(PM["start"]), self.p),
                            wc.date(*col(PM["end"]), self.p), self.r.text(col(PM["note"])).strip())
            if m.start and m.end and m.end < m.start:
                self.p.at(col(PM["end"])[1], "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น")
            for n in wc.integer_list(*col(DRAWN), self.p):
                if n not in position:
                    self.p.at(col(DRAWN)[1], f"ไม่มีมาตรการลำดับที่ {n} ในแผ่นงาน “มาตรการ”")
                elif position[n] in drawn:
                    self.p.at(col(DRAWN)[1], f"มาตรการลำดับที่ {n} ดึงจากโครงการอื่นในแผนแล้ว (ดึงได้จากรายการเดียว)")
                elif pm_no is not None:
                    drawn[position[n]] = pm_no
            if pm_no is not None and self.r.unique(set(measures), pm_no, col(PM_NO), "ลำดับโครงการ"):
                measures[pm_no] = m
                if node is not None:
                    node.measures.append(m)
        for _row, col in self.r.rows("งบประมาณตามแผน"):
            m = self._measure_of(col, measures)
            year = self.r.whole(col("ปีงบประมาณ"), 2550, 2700, required=True)
            amount = self.r.num(col("งบประมาณ (บาท)"), lo=0, hi=MAX_BUDGET)
            if amount is None:
                self.p.at(col("งบประมาณ (บาท)")[1], "ต้องไม่เว้นว่าง (ปีที่ไม่มีในแผน ให้ลบทั้งแถว)")
            if m is not None and year is not None and amount is not None:
                if year in m.budgets:
                    self.p.at(col("ปีงบประมาณ")[1], f"งบประมาณปี {year} ของโครงการนี้ซ้ำกับแถวก่อนหน้า")
                m.budgets[year] = amount
        for m in measures.values():
            m.budgets = dict(sorted(m.budgets.items()))
        for _row, col in self.r.rows("หลักฐานโครงการในแผน"):
            m = self._measure_of(col, measures)
            link = Evidence(self.r.text(col("ชื่อหลักฐาน")).strip(), self.r.text(col("ลิงก์")).strip())
            if m is not None and (link.title or link.link):
                m.links.append(link)
        return [plans[k] for k in sorted(plans)], drawn

    def _plan_of(self, col, plans: dict[int, Plan]) -> int | None:
        no = self.r.whole(col(PLAN_NO), 1, required=True)
        if no is not None and no not in plans:
            self.p.at(col(PLAN_NO)[1], f"ไม่มีแผนลำดับที่ {no} ในแผ่นงาน “แผน”")
            return None
        return no

    def _measure_of(self, col, measures: dict[int, PlanMeasure]) -> PlanMeasure | None:
        no = self.r.whole(col(PM_NO), 1, required=True)
        if no is not None and no not in measures:
            self.p.at(col(PM_NO)[1], f"ไม่มีโครงการลำดับที่ {no} ในแผ่นงาน “โครงการในแผน”")
            return None
        return measures.get(no)
