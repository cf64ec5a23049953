"""Document outlines in the database: one per year and document kind, and the
office's default for new years (``year`` NULL).

A mixin of :class:`~itadesk.store.store.Store`. A year without an outline of its
own reads the office's default, else the kind's default preset; the first edit
of such a year copies it in, inside the same undo step, so undoing that edit
leaves the year as it was. Blocks are named by their ``key`` (stable in a copy),
never by their position, so an edit reaches the block it was typed for.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from ..domain.vocab import Area, Change, change
from ..errors import ValidationError
from ..outline import blocks as ob
from ..outline.presets import default_outline, preset
from .ordering import reordered, write_order


def _dump(options: dict) -> str:
    return json.dumps(options, ensure_ascii=False, sort_keys=True)


def _where(year: int | None) -> tuple[str, list]:
    return ("year IS NULL", []) if year is None else ("year = ?", [year])


def read_outline(db: Database, year: int | None, kind: str) -> ob.Outline | None:
    """The outline stored for ``year`` (None: the office default), or None."""
    where, args = _where(year)
    row = db.execute(f"SELECT id, preset, options FROM outlines WHERE {where} AND kind = ?", [*args, kind]).fetchone()
    if row is None:
        return None
    blocks = []
    for bid, key, bkind, title, enabled, text, options in db.execute(
            "SELECT id, key, kind, title, enabled, text, options FROM outline_blocks WHERE outline_id = ? ORDER BY sort, id", [row[0]]):
        blocks.append(ob.Block(bkind, title, text, json.loads(options or "{}"), bool(enabled), key, bid))
    return ob.Outline(kind, blocks, row[1], json.loads(row[2] or "{}"), year, row[0])


def _check_kind(kind: str) -> None:
    if kind not in ob.DOCUMENT_KINDS:
        raise ValidationError("ชนิดเอกสาร", f"ไม่รู้จักเอกสารชนิด “{kind}”", f"unknown document kind {kind!r}")


class OutlineWrites:
    """Needs the Store's ``db``, ``_write`` and ``require_year``."""

    # ------------------------------------------------------------------ reading
    def outline(self, year: int | None, kind: str) -> ob.Outline:
        """The outline ``year`` prints ``kind`` with: its own, else the office's, else the default preset."""
        _check_kind(kind)
        found = read_outline(self.db, year, kind)
        if found is None and year is not None:
            found = read_outline(self.db, None, kind)
            if found is not None:
                found.id = None
                for blk in found.blocks:
                    blk.id = None
        if found is None:
            found = default_outline(kind)
        found.year = year
        return found

    def has_own_outline(self, year: int | None, kind: str) -> bool:
        return read_outline(self.db, year, kind) is not None

    # --------------------------------------------------------------- internals
    def _put_outline(self, db: Database, year: int | None, outline: ob.Outline) -> int:
        """Replace the stored outline of (``year``, its kind) with ``outline``."""
        where, args = _where(year)
        db.execute(f"DELETE FROM outlines WHERE {where} AND kind = ?", [*args, outline.kind])
        oid = db.table("outlines").insert({"year": year, "kind": outline.kind, "preset": outline.preset,
                                           "options": _dump(outline.options)}).last_pk
        db.table("outline_blocks").insert_all([
            {"outline_id": oid, "key": blk.key, "sort": n, "kind": blk.kind, "title": blk.title, "enabled": int(blk.enabled),
             "text": blk.text, "options": _dump(blk.options)} for n, blk in enumerate(outline.blocks)])
        return oid

    def _own(self, db: Database, year: int | None, kind: str) -> ob.Outline:
        """The year's stored outline, copied in from what it shows when it has none yet."""
        _check_kind(kind)
        if year is not None:
            self.require_year(year)
        found = read_outline(db, year, kind)
        if found is None:
            self._put_outline(db, year, self.outline(year, kind))
            found = read_outline(db, year, kind)
        return found

    def _block_row(self, db: Database, year: int | None, kind: str, key: str) -> tuple[ob.Outline, ob.Block]:
        outline = self._own(db, year, kind)
        return outline, outline.block(key)

    def _copy_office_outlines(self, db: Database, year: int) -> None:
        """A new year starts from the office's default outlines (when it has any)."""
        for kind in ob.DOCUMENT_KINDS:
            office = read_outline(db, None, kind)
            if office is not None:
                self._put_outline(db, year, office)

    @staticmethod
    def _where_label(year: int | None) -> str:
        return "ค่าเริ่มต้นของหน่วยงาน" if year is None else f"ปี {year}"

    # ------------------------------------------------------------------ blocks
    def add_block(self, year: int | None, kind: str, block_kind: str, *, after: str | None = None, title: str = "") -> Change:
        """A new block of ``block_kind`` after the block ``after`` (at the end without one);
        the change's id is the new block's key."""
        spec = ob.kind_spec(block_kind)
        with self._write(f"เพิ่มบล็อก “{spec.label}”") as db:
            outline = self._own(db, year, kind)
            key = outline.next_key()
            keys = [blk.key for blk in outline.blocks]
            at = keys.index(after) + 1 if after in keys else len(keys)
            self._shift(db, outline.id, at)
            db.table("outline_blocks").insert({"outline_id": outline.id, "key": key, "sort": at, "kind": spec.code,
                                               "title": title.strip(), "enabled": 1, "text": "", "options": "{}"})
        return change(Area.OUTLINE, id=int(key))

    @staticmethod
    def _shift(db: Database, outline_id: int, at: int) -> None:
        rows = db.execute("SELECT id FROM outline_blocks WHERE outline_id = ? ORDER BY sort, id", [outline_id]).fetchall()
        for n, (bid,) in enumerate(rows):
            db.execute("UPDATE outline_blocks SET sort = ? WHERE id = ?", [n if n < at else n + 1, bid])

    def remove_block(self, year: int | None, kind: str, key: str) -> Change:
        with self._write("ลบบล็อก") as db:
            _outline, blk = self._block_row(db, year, kind, key)
            db.execute("DELETE FROM outline_blocks WHERE id = ?", [blk.id])
        return change(Area.OUTLINE)

    def move_block(self, year: int | None, kind: str, key: str, offset: int) -> Change:
        with self._write("เลื่อนลำดับบล็อก") as db:
            outline, blk = self._block_row(db, year, kind, key)
            write_order(db, "outline_blocks", reordered([x.id for x in outline.blocks], blk.id, offset))
        return change(Area.OUTLINE)

    def rename_block(self, year: int | None, kind: str, key: str, title: str) -> Change:
        with self._write("เปลี่ยนชื่อบล็อก", merge_key=f"outline:{year}:{kind}:{key}:title") as db:
            _outline, blk = self._block_row(db, year, kind, key)
            if blk.kind == "heading" and not title.strip():
                raise ValidationError("ข้อความหัวข้อ", "หัวข้อต้องมีข้อความ (ถ้าไม่ต้องการให้ปิดบล็อกแทน)", "a heading needs text")
            db.execute("UPDATE outline_blocks SET title = ? WHERE id = ?", [title.strip(), blk.id])
        return change(Area.OUTLINE)

    def set_block_enabled(self, year: int | None, kind: str, key: str, on: bool) -> Change:
        with self._write("เปิดบล็อก" if on else "ปิดบล็อก") as db:
            _outline, blk = self._block_row(db, year, kind, key)
            db.execute("UPDATE outline_blocks SET enabled = ? WHERE id = ?", [int(bool(on)), blk.id])
        return change(Area.OUTLINE)

    def set_block_text(self, year: int | None, kind: str, key: str, text: str) -> Change:
        """The block's free text; for a drafted paragraph, empty text returns to the draft."""
        with self._write("แก้ไขข้อความในเอกสาร", merge_key=f"outline:{year}:{kind}:{key}:text") as db:
            _outline, blk = self._block_row(db, year, kind, key)
            db.execute("UPDATE outline_blocks SET text = ? WHERE id = ?", [text.strip() and text, blk.id])
        return change(Area.OUTLINE)

    def set_block_option(self, year: int | None, kind: str, key: str, name: str, value) -> Change:
        with self._write("แก้ไขตัวเลือกของบล็อก", merge_key=f"outline:{year}:{kind}:{key}:opt:{name}") as db:
            _outline, blk = self._block_row(db, year, kind, key)
            options = dict(blk.options)
            options[name] = ob.check_block_option(blk.kind, name, value)
            db.execute("UPDATE outline_blocks SET options = ? WHERE id = ?", [_dump(options), blk.id])
        return change(Area.OUTLINE)

    def reset_block_option(self, year: int | None, kind: str, key: str, name: str) -> Change:
        """Back to the kind's default value of option ``name``."""
        with self._write("คืนค่าเดิมของตัวเลือก") as db:
            _outline, blk = self._block_row(db, year, kind, key)
            options = {k: v for k, v in blk.options.items() if k != name}
            db.execute("UPDATE outline_blocks SET options = ? WHERE id = ?", [_dump(options), blk.id])
        return change(Area.OUTLINE)

    # ---------------------------------------------------------------- outlines
    def set_outline_option(self, year: int | None, kind: str, name: str, value) -> Change:
        checked = ob.check_outline_option(name, value)
        with self._write("แก้ไขตัวเลือกของเอกสาร") as db:
            outline = self._own(db, year, kind)
            options = dict(outline.options)
            options[name] = checked
            db.execute("UPDATE outlines SET options = ? WHERE id = ?", [_dump(options), outline.id])
        return change(Area.OUTLINE)

    def apply_preset(self, year: int | None, kind: str, name: str) -> Change:
        """The year's outline of ``kind`` becomes preset ``name`` (its edits go; undo brings them back)."""
        p = preset(name)
        if p.kind != kind:
            raise ValidationError("รูปแบบเอกสาร", f"รูปแบบ “{name}” ใช้กับเอกสารชนิด {p.kind} ไม่ใช่ {kind}",
                                  f"preset {name!r} is for {p.kind}, not {kind}")
        if year is not None:
            self.require_year(year)
        with self._write(f"ใช้รูปแบบเอกสาร “{p.label[:40]}”") as db:
            self._put_outline(db, year, p.outline())
        return change(Area.OUTLINE)

    def import_outline(self, year: int | None, outline: ob.Outline) -> Change:
        """A preset file's outline becomes the year's outline of its kind."""
        _check_kind(outline.kind)
        if year is not None:
            self.require_year(year)
        with self._write(f"นำเข้ารูปแบบเอกสาร ({self._where_label(year)})") as db:
            self._put_outline(db, year, outline)
        return change(Area.OUTLINE)

    def make_office_default(self, year: int, kind: str) -> Change:
        """The year's outline of ``kind`` becomes the office's default for new years."""
        outline = self.outline(year, kind)
        with self._write("ตั้งเป็นรูปแบบเริ่มต้นของหน่วยงาน") as db:
            self._put_outline(db, None, outline)
        return change(Area.OUTLINE)

    def reset_outline(self, year: int | None, kind: str) -> Change:
        """Forget the year's own outline: it shows the office default (or the preset) again."""
        where, args = _where(year)
        with self._write("คืนรูปแบบเอกสารเป็นค่าเริ่มต้น") as db:
            db.execute(f"DELETE FROM outlines WHERE {where} AND kind = ?", [*args, kind])
        return change(Area.OUTLINE)
