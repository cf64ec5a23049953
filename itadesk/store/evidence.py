"""Evidence per question item (links, published, steps to find it) and the quick
way to add a year's missing items from a pasted block of "code<TAB>title" lines.

A mixin of :class:`~itadesk.store.store.Store`; every write is one undo step.
"""

from __future__ import annotations

from ..domain.evidence import ItemEvidence, parse_item_lines, tool_of
from ..domain.models import Evidence, Item
from ..domain.vocab import Area, Change, change
from ..errors import ValidationError
from .frameworks import default_framework
from .sqlite import Database

ITEM_EVIDENCE_FIELDS: dict[str, str] = {
    "links": "ลิงก์หลักฐาน (ชื่อ | ลิงก์ บรรทัดละรายการ)",
    "published": "เผยแพร่บนเว็บไซต์แล้ว",
    "steps": "ขั้นตอนการเข้าถึงบนเว็บไซต์",
}


def read_item_evidence(db: Database, year: int) -> dict[str, ItemEvidence]:
    """Every item of ``year`` with its evidence, keyed by its code as stored."""
    out: dict[str, ItemEvidence] = {}
    ids: dict[int, str] = {}
    for item_id, code, published, steps in db.execute(
            "SELECT id, code, published, find_steps FROM items WHERE year=? ORDER BY sort, id", [year]):
        out[code] = ItemEvidence(code, [], bool(published), steps)
        ids[item_id] = code
    for item_id, title, link in db.execute(
            "SELECT item_id, title, link FROM item_links WHERE item_id IN (SELECT id FROM items WHERE year=?) "
            "ORDER BY item_id, sort, id", [year]):
        out[ids[item_id]].links.append(Evidence(title, link))
    return out


class EvidenceWrites:
    """Needs the Store's ``db``, ``_write``, ``_id``, ``require_year`` and ``framework``."""

    def item_evidence(self, year: int) -> dict[str, ItemEvidence]:
        self.require_year(year)
        return read_item_evidence(self.db, year)

    def edit_item_evidence(self, year: int, code: str, field: str, value) -> Change:
        """One field of one item's evidence: ``links`` (a list of Evidence), ``published``, ``steps``."""
        item_id = self._id("items", year, "code", code)
        label = ITEM_EVIDENCE_FIELDS[field]
        with self._write(f"แก้ไข{label} ข้อ {code}", merge_key=f"item_evidence:{item_id}:{field}") as db:
            if field == "links":
                kept = [e for e in value if e.title.strip() or e.link.strip()]
                db.execute("DELETE FROM item_links WHERE item_id=?", [item_id])
                db.table("item_links").insert_all([{"item_id": item_id, "title": e.title.strip(), "link": e.link.strip(), "sort": n}
                                                   for n, e in enumerate(kept)])
            elif field == "published":
                db.execute("UPDATE items SET published=? WHERE id=?", [int(bool(value)), item_id])
            elif field == "steps":
                db.execute("UPDATE items SET find_steps=? WHERE id=?", [str(value or "").strip(), item_id])
            else:
                raise KeyError(field)
        return change(Area.FRAMEWORK)

    def add_items_text(self, year: int, text: str) -> Change:
        """Add the items of a pasted block ("O1<TAB>โครงสร้าง", an optional third column with the
        indicator number) that the year does not have yet, in one step.

        Codes are matched whatever their case. An item the shipped framework knows keeps its
        code's spelling, its indicator and its flag; one it does not know is marked unverified.
        An item the year already has is left alone, except that an empty title is filled."""
        self.require_year(year)
        lines = parse_item_lines(text)
        if not lines:
            raise ValidationError("รายการข้อคำถาม", "ไม่พบบรรทัดรูปแบบ “รหัส<แท็บ>ชื่อข้อ” เช่น O1<แท็บ>โครงสร้าง",
                                  "no code<TAB>title lines")
        fw = self.framework(year)
        shipped = default_framework(year, eit_parts=True)
        tools = {t.code for t in fw.tools}
        added = 0
        with self._write(f"เพิ่มข้อคำถามปี {year} จากรายการที่วาง") as db:
            for code, rest in lines:
                title, _, extra = rest.partition("\t")
                have = fw.item(code)
                if have is not None:
                    if not have.title_th.strip() and title.strip():
                        db.execute("UPDATE items SET title_th=? WHERE year=? AND code=? COLLATE NOCASE", [title.strip(), year, code])
                    continue
                known = shipped.item(code)
                tool = known.tool if known else tool_of(code)
                if tool not in tools:
                    raise ValidationError("รายการข้อคำถาม", f"ข้อ {code}: ปี {year} ไม่มีเครื่องมือ {tool}", f"no tool {tool}")
                indicator = int(extra) if extra.strip().isdigit() else (known.indicator if known else None)
                item = Item(known.code if known else code, tool, indicator, title.strip() or (known.title_th if known else ""),
                            known.sub_indicator if known else None, known.uncertain if known else True)
                sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM items WHERE year=?", [year]).fetchone()[0]
                db.table("items").insert({"year": year, "code": item.code, "tool": item.tool, "indicator": item.indicator,
                                          "title_th": item.title_th, "sub_indicator": item.sub_indicator,
                                          "uncertain": int(item.uncertain), "sort": sort})
                fw.items.append(item)
                added += 1
        return change(Area.FRAMEWORK, Area.SCORES, count=added)

    def missing_items(self, year: int) -> list[Item]:
        """The shipped framework's items this year does not have (to offer them back)."""
        fw = self.framework(year)
        return [i for i in default_framework(year, eit_parts=True).items if fw.item(i.code) is None]
