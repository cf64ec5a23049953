"""The demo database: a fictional เทศบาล with three assessed years, measures,
status history and a memo — what ``itadesk`` opens on first start."""

from __future__ import annotations

import datetime as _dt
import random
from pathlib import Path

from ..atomic import atomic_path
from ..domain.models import Analysis, Evidence, Item, Limitation, Measure, Memo, Office, Signer, StatusUpdate
from ..domain.thai_dates import fiscal_year_range
from ..domain.thai_numbers import to_thai_digits
from ..errors import ItadeskError
from . import demo_content as c
from . import demo_plans
from .frameworks import default_framework
from .store import Store

DEMO_YEARS = (2567, 2568, 2569)


def _framework(year: int):
    fw = default_framework(year, eit_parts=True)
    iit = [i for i in default_framework(2564).items if i.tool == "IIT"]
    oit = [i for i in fw.items if i.tool == "OIT"]
    if len(oit) < 20:  # the reference knows only fragments of this year's OIT list
        oit = [Item(i.code, i.tool, i.indicator, i.title_th, i.sub_indicator, True) for i in default_framework(2566).items
               if i.tool == "OIT"]
    items = [Item(i.code, "IIT", i.indicator, i.title_th, None, True) for i in iit]
    items += [Item(code, "EIT", ind, title, None, True) for code, ind, title in c.EIT_ITEMS]
    items += oit
    for n, it in enumerate(items):
        it.sort = n
    fw.items = items
    return fw


def _period(year: int, months: tuple[int, int] | None) -> tuple[_dt.date, _dt.date]:
    """A period inside fiscal year ``year + 1`` (when the measures of ``year`` are carried out)."""
    start_fy, end_fy = fiscal_year_range(year + 1)
    if months is None:
        return start_fy, end_fy
    m1, m2 = months
    y1 = start_fy.year if m1 >= 10 else end_fy.year
    y2 = start_fy.year if m2 >= 10 else end_fy.year
    last = (_dt.date(y2 + (m2 == 12), m2 % 12 + 1, 1) - _dt.timedelta(days=1))
    return _dt.date(y1, m1, 1), last


def build_demo(store: Store) -> None:
    """Fill an empty store with the demo office."""
    rng = random.Random(2569)
    store.save_office(Office(**c.OFFICE))
    store.save_units(c.UNITS)
    store.save_signers([Signer(None, n, p, r) for n, p, r in c.SIGNERS])
    for year in DEMO_YEARS:
        fw = _framework(year)
        store.add_year(year, framework=fw)
        data = c.SCORES[year]
        inds = dict(enumerate(data["indicators"], 1))
        items, items2 = {}, {}
        for it in fw.items:
            base = inds.get(it.indicator or 9, 90.0)
            if it.tool == "OIT":
                items[it.code] = rng.choice([100, 100, 100, 100, 100, 100, 100, 50, 0]) if base < 99 else 100
            else:
                items[it.code] = round(min(100.0, max(60.0, base + rng.uniform(-6, 4))), 2)
                if it.tool == "EIT":
                    items2[it.code] = round(min(100.0, max(60.0, base + rng.uniform(-4, 5))), 2)
        store.set_scores(year, overall=data["overall"], tools=data["tools"], indicators=inds, items=items, items_part2=items2)
        store.set_text(year, "foreword", "\n\n".join(c.FOREWORD))
        store.set_text(year, "principles", "\n\n".join(c.PRINCIPLES))
        for no, (topic, assessment, development) in c.ANALYSIS.items():
            score = inds[no]
            ind = fw.indicator(no)
            analysis = (to_thai_digits(f"ตัวชี้วัดที่ {no} {ind.name_th} ได้คะแนนเท่ากับร้อยละ {score:.2f} ")
                        + ("ซึ่งอยู่ในระดับดี ควรรักษามาตรฐานการดำเนินงานไว้อย่างต่อเนื่อง" if score >= 90
                           else "ซึ่งต่ำกว่าเกณฑ์ที่หน่วยงานกำหนด จึงเป็นประเด็นที่ต้องพัฒนาปรับปรุง"))
            store.save_analysis(Analysis(None, year, no, topic, assessment, analysis, to_thai_digits(development), no))
        for n, (lim, impact, dev) in enumerate(c.LIMITATIONS):
            store.save_limitation(Limitation(None, year, lim, impact, dev, n))
        count = len(c.MEASURES) if year >= 2568 else 8
        for n, (kind, title, ind_nos, codes, steps, units, months, monitoring, target, budget) in enumerate(c.MEASURES[:count]):
            start, end = _period(year, months)
            codes = [x for x in codes if fw.item(x)]
            topic = c.ANALYSIS[ind_nos[0]][0]
            m = Measure(None, year, title, kind, issue=topic, steps=steps, units=units, start=start, end=end,
                        monitoring=monitoring, target=target, budget=budget, indicators=ind_nos, items=codes,
                        evidence=[Evidence("รายงานผลการดำเนินงาน", f"{c.OFFICE['website']}/ita/{year + 1}/m{n + 1}.pdf")])
            mid = store.save_measure(m).id
            _status_history(store, year, mid, n, start, end, rng)
    demo_plans.enrich(store, 2568)
    demo_plans.six_month_memo(store, 2568)  # the memo of the 6-month round comes first, the 12-month one last
    memo = Memo(None, 2568, agency=f"สำนักปลัดเทศบาล งานนิติการ โทร. {c.OFFICE['phone']}", number=f"{c.OFFICE['doc_prefix']}/๑๒๓",
                date=_dt.date(2026, 10, 5),
                subject="รายงานผลการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                salutation="นายกเทศมนตรีตำบลโป่งสะแก", paragraphs=demo_plans.memo_paragraphs(list(c.MEMO_PARAGRAPHS)),
                closing=c.MEMO_CLOSING,
                signer_name=c.SIGNERS[2][0], signer_position=c.SIGNERS[2][1], table_style="three",
                include_table=True, status_round="12", comment_block=True)
    store.save_memo(memo)
    _results_plan_evidence(store, rng)
    store.clear_history()


def _results_plan_evidence(store: Store, rng: random.Random) -> None:
    """Issue 11 at a glance: the published results, a four-year plan, evidence per OIT item."""
    for year, r in c.RESULTS.items():
        store.edit_result(year, "published", r["published"])
        for where in ("district", "province"):
            place, total = r[f"rank_{where}"]
            store.edit_result(year, f"rank_{where}_of", total)
            store.edit_result(year, f"rank_{where}", place)
        if r.get("category"):
            store.edit_result(year, "category_stated", r["category"])
    pid = store.add_plan(c.PLAN_TITLE, *c.PLAN_YEARS).id
    store.edit_plan(pid, "note", "แผนปฏิบัติการฉบับนี้ใช้เป็นกรอบในการจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสประจำปี "
                                 "ผลการประเมิน ITA แต่ละปีใช้ทบทวนโครงการของปีถัดไป")

    def projects(node_id: int, items: list) -> None:
        for kind, title, budgets, note in items:
            mid = store.add_plan_measure(node_id, title, kind).id
            for year, amount in budgets.items():
                store.set_plan_budget(mid, year, amount)
            if note:
                store.edit_plan_measure(mid, "note", note)

    for dim_title, missions in c.PLAN:
        dim = store.add_node(pid, None, dim_title).id
        for title, items, subs in missions:
            mission = store.add_node(pid, dim, title).id
            projects(mission, items)
            for sub_title, sub_items in subs:
                projects(store.add_node(pid, mission, sub_title).id, sub_items)
    site = c.OFFICE["website"]
    for year in (2568, 2569):
        for n, item in enumerate(i for i in store.framework(year).items if i.tool == "OIT"):
            code = item.code.lower()
            links = [Evidence(item.title_th, f"{site}/ita/{year}/{code}")]
            if n % 4 == 0:  # some items are answered by two pages
                links.append(Evidence(f"{item.title_th} (ฉบับเต็ม PDF)", f"{site}/ita/{year}/{code}.pdf"))
            store.edit_item_evidence(year, item.code, "links", links)
            store.edit_item_evidence(year, item.code, "published", rng.random() > 0.1)
            store.edit_item_evidence(year, item.code, "steps", f"หน้าแรก > ITA > {year} > {item.code}")


def _status_history(store: Store, year: int, mid: int, n: int, start: _dt.date, end: _dt.date, rng: random.Random) -> None:
    fy_start, fy_end = fiscal_year_range(year + 1)
    six = _dt.date(fy_end.year, 3, 31)
    twelve = fy_end
    today = _dt.date(2026, 11, 21)
    if six <= today:
        status = "done" if end <= six else ("in_progress" if n % 5 else "not_started")
        progress = {"done": 100, "in_progress": 40 + 10 * (n % 4), "not_started": 0}[status]
        note = "ดำเนินการตามแผน" if status != "not_started" else "รอการอนุมัติงบประมาณ"
        store.add_status(StatusUpdate(None, mid, six, status, "6", progress, note))
    if twelve <= today:
        status = "in_progress" if n == 4 and year == 2568 else "done"
        note = "อยู่ระหว่างทดสอบระบบกับผู้ใช้บริการ" if status == "in_progress" else "ดำเนินการแล้วเสร็จ รายงานผู้บริหารทราบ"
        store.add_status(StatusUpdate(None, mid, twelve, status, "12", 100 if status == "done" else 80, note))
    elif fy_start <= today and n % 3 == 0:
        store.add_status(StatusUpdate(None, mid, _dt.date(2026, 11, 15), "in_progress", "6", 20, "เริ่มดำเนินการแล้ว"))


def write_demo(path: str | Path) -> Path:
    """Write a fresh demo database to ``path``; refuses to overwrite an existing file."""
    target = Path(path)
    with atomic_path(target, overwrite=False) as tmp:
        try:
            store = Store.open(tmp, lock=False)  # a new private file: no one else can open it yet
            try:
                build_demo(store)
            finally:
                store.close()
        except ItadeskError as err:  # the clerk named the target, not our temporary file
            raise ItadeskError(err.message_th.replace(str(tmp), str(target)), str(err)) from err
    return target
