"""Default ITA frameworks, built from the reference (resources/ita-frameworks.json,
read by ``itadesk.store.frameworks``: the domain does no file I/O).

The reference is incomplete and compiled from secondary sources, so every
default is marked unverified and the clerk can edit it per year. Years missing
from the file borrow the nearest earlier year that has indicators.
"""

from __future__ import annotations

from .models import Framework, Indicator, Item, Level, Tool
from .results import with_defaults

DEFAULT_TOOLS = (
    ("IIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", 30.0),
    ("EIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", 30.0),
    ("OIT", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ", 40.0),
)
EIT_PARTS = (
    ("EIT1", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ ๑"),
    ("EIT2", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ ๒"),
)


def _levels(raw: list[dict]) -> list[Level]:
    levels = []
    for n, lv in enumerate(raw):
        cond = lv.get("condition", "")
        tool_min = None
        if "each >=" in cond:
            # "overall >= 95 AND IIT, EIT, OIT each >= 95 (...)"
            tool_min = float(cond.split("each >=")[1].split()[0])
        levels.append(Level(lv["name"], float(lv["min"]), float(lv["max"]), tool_min, n))
    return levels


def from_reference(reference: dict, year: int, *, eit_parts: bool = False) -> Framework:
    """The framework for BE ``year`` as the reference knows it."""
    years = reference["years"]
    raw = years.get(str(year), {})
    base_year = year
    # indicators and levels are stable across years: borrow from the nearest earlier year
    if not raw.get("indicators") or not raw.get("levels"):
        earlier = [int(y) for y in years if int(y) <= year and years[y].get("indicators") and years[y].get("levels")]
        if not earlier:
            earlier = [min(int(y) for y in years if years[y].get("indicators"))]
        base_year = max(earlier)
    base = years[str(base_year)]
    weights = {t["code"]: t.get("weight") for t in raw.get("tools", base.get("tools", []))}
    tools = [Tool(code, name, float(weights.get(code) or w), None, n) for n, (code, name, w) in enumerate(DEFAULT_TOOLS)]
    if eit_parts:
        tools[1:1] = []
        tools += [Tool(code, name, None, "EIT", 10 + n) for n, (code, name) in enumerate(EIT_PARTS)]
    indicators = [Indicator(int(i["no"]), i["name_th"], i["tool"]) for i in (raw.get("indicators") or base["indicators"])]
    items = []
    for n, it in enumerate(raw.get("items", [])):
        items.append(
            Item(
                code=it["code"],
                tool=it["tool"],
                indicator=it.get("indicator"),
                title_th=it.get("title_th") or it.get("title_as_found") or "",
                sub_indicator=it.get("sub_indicator"),
                uncertain=bool(it.get("uncertain") or it.get("variant") or it.get("carried_over")),
                sort=n,
            )
        )
    _infer_oit_indicators(items)
    borrowed = _borrow_iit(years, year, items)
    levels = _levels(raw.get("levels") or base["levels"])
    note = raw.get("status", "")
    if base_year != year:
        note = f"ตัวชี้วัดและระดับผลยกมาจากปี {base_year}; {note}".strip("; ")
    if borrowed:
        note = f"{note}; ข้อคำถาม IIT ยกมาจากปี {borrowed} (ยังไม่ยืนยัน)".strip("; ")
    return with_defaults(Framework(
        year=year,
        tools=tools,
        indicators=indicators,
        items=items,
        levels=levels,
        pass_mark=float(raw.get("pass_mark") or base.get("pass_mark") or 85),
        unverified=True,
        note=note,
    ))


def _infer_oit_indicators(items: list[Item]) -> None:
    """OIT items the reference left without an indicator (2568) go to indicator 9 up to the
    first No Gift Policy item, then to 10: the split of 2566, where the No Gift items open
    10.1 (the reference names this the likely split for 2568, unconfirmed). Unverified."""
    oit = [i for i in items if i.tool == "OIT"]
    if not oit or any(i.indicator is not None for i in oit):
        return
    first_10 = next((n for n, i in enumerate(oit) if "No Gift" in i.title_th), None)
    if first_10 is None:
        return
    for n, it in enumerate(oit):
        it.indicator = 9 if n < first_10 else 10
        it.uncertain = True


def _borrow_iit(years: dict, year: int, items: list[Item]) -> int | None:
    """A year whose IIT questions were not found borrows the nearest earlier year's (marked
    unverified): the IIT kept 30 questions on the same five indicators (2567: "30 ข้อ")."""
    if any(i.tool == "IIT" for i in items):
        return None
    earlier = [int(y) for y in years if int(y) < year and sum(1 for i in years[y].get("items", []) if i.get("tool") == "IIT") >= 10]
    if not earlier:
        return None
    source = max(earlier)
    iit = [Item(it["code"], "IIT", it.get("indicator"), it.get("title_th") or it.get("title_as_found") or "", it.get("sub_indicator"), True)
           for it in years[str(source)]["items"] if it.get("tool") == "IIT"]
    items[:0] = iit
    for n, it in enumerate(items):
        it.sort = n
    return source
