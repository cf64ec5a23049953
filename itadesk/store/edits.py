"""Field by field edits: what a form writes when the clerk pauses or leaves a field.

A mixin of :class:`~itadesk.store.store.Store`. Each edit names its record by
id (never "whatever is shown"), writes only that field through the record's own
validated save, and is one undo step that later edits of the same field of the
same record join (``merge_key``): typing for a while is undone in one go.
"""

from __future__ import annotations

import dataclasses

from ..domain import labels
from ..domain.models import Analysis, Limitation, Signer
from ..domain.vocab import Area, Change, change
from ..errors import NotFoundError


def _replace(record, field: str, value):
    if field not in {f.name for f in dataclasses.fields(record)}:
        raise KeyError(f"{type(record).__name__} has no field {field!r}")
    return dataclasses.replace(record, **{field: value})


class FieldEdits:
    """Needs the Store's ``_write`` and its record reads and saves."""

    def edit_office(self, field: str, value) -> Change:
        label = labels.OFFICE_FIELDS.get(field, field)
        # the record is read inside the write's transaction: nothing changes between reading and writing
        with self._write(f"แก้ไข{label}", merge_key=f"office:{field}"):
            self.save_office(_replace(self.office(), field, value))
        return change(Area.OFFICE)

    def edit_measure(self, measure_id: int, field: str, value) -> Change:
        with self._tx():
            m = self.measure(measure_id)
            label = labels.MEASURE_FIELDS.get(field, field)
            with self._write(f"แก้ไข{label} “{m.title[:30]}”", merge_key=f"measure:{measure_id}:{field}"):
                self.save_measure(_replace(m, field, value))
        if field == "units":  # a unit a measure names appears in (or leaves) the office's list
            return change(Area.MEASURES, Area.STATUS, Area.OFFICE, id=measure_id)
        return change(Area.MEASURES, Area.STATUS, id=measure_id)

    def set_measure_dates(self, measure_id: int, start, end) -> Change:
        """Both ends of the period in one step (the whole fiscal year, or no dates at all)."""
        with self._tx():
            m = self.measure(measure_id)
            with self._write(f"แก้ไขระยะเวลา “{m.title[:30]}”"):
                self.save_measure(dataclasses.replace(m, start=start, end=end))
        return change(Area.MEASURES, Area.STATUS, id=measure_id)

    def edit_analysis(self, year: int, indicator: int | None, analysis_id: int | None, field: str, value) -> Change:
        """The analysis of ``indicator`` (made on its first edit) or the one ``analysis_id``."""
        with self._tx():
            return self._edit_analysis(year, indicator, analysis_id, field, value)

    def _edit_analysis(self, year: int, indicator: int | None, analysis_id: int | None, field: str, value) -> Change:
        current = None
        for a in self.analyses(year):
            if (analysis_id is not None and a.id == analysis_id) or (analysis_id is None and a.indicator == indicator):
                current = a
                break
        if current is None:
            if analysis_id is not None:
                raise NotFoundError(f"ไม่พบผลการวิเคราะห์รหัส {analysis_id}", f"no analysis {analysis_id}")
            fw = self.framework(year)
            ind = fw.indicator(indicator) if indicator else None
            current = Analysis(None, year, indicator, ind.name_th if ind else "", sort=indicator or 0)
        label = labels.ANALYSIS_FIELDS.get(field, field)
        key = f"analysis:{year}:{current.id or indicator}:{field}"
        with self._write(f"แก้ไข{label}", merge_key=key):
            result = self.save_analysis(_replace(current, field, value))
        return change(Area.ANALYSIS, id=result.id)

    def edit_limitation(self, limitation_id: int, field: str, value) -> Change:
        with self._tx():
            return self._edit_limitation(limitation_id, field, value)

    def _edit_limitation(self, limitation_id: int, field: str, value) -> Change:
        row = self.db.execute("SELECT year FROM limitations WHERE id=?", [limitation_id]).fetchone()
        lim = next((x for x in self.limitations(row[0]) if x.id == limitation_id), None) if row else None
        if lim is None:
            raise NotFoundError(f"ไม่พบข้อจำกัดรหัส {limitation_id}", f"no limitation {limitation_id}")
        label = labels.LIMITATION_FIELDS.get(field, field)
        with self._write(f"แก้ไข{label}", merge_key=f"limitation:{limitation_id}:{field}"):
            self.save_limitation(_replace(lim, field, value))
        return change(Area.ANALYSIS, id=limitation_id)

    def add_limitation(self, year: int) -> Change:
        rows = self.limitations(year)
        return self.save_limitation(Limitation(None, year, "ข้อจำกัดใหม่", sort=len(rows)))

    def delete_limitation(self, limitation_id: int) -> Change:
        with self._write("ลบข้อจำกัด") as db:
            db.execute("DELETE FROM limitations WHERE id=?", [limitation_id])
        return change(Area.ANALYSIS)

    def edit_memo(self, memo_id: int, field: str, value) -> Change:
        label = labels.MEMO_FIELDS.get(field, field)
        with self._write(f"แก้ไข{label}ในบันทึกข้อความ", merge_key=f"memo:{memo_id}:{field}"):
            self.save_memo(_replace(self.memo(memo_id), field, value))
        return change(Area.MEMOS, id=memo_id)

    def edit_text(self, year: int, key: str, body: str) -> Change:
        with self._write("แก้ไขข้อความ", merge_key=f"text:{year}:{key}"):
            self.set_text(year, key, body)
        return change(Area.ANALYSIS)

    # ---------------------------------------------------------------- signers
    def add_signer(self) -> Change:
        with self._write("เพิ่มผู้ลงนาม") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM signers").fetchone()[0]
            sid = db.table("signers").insert({"name": "ผู้ลงนามใหม่", "position": "", "role": "reporter", "sort": sort}).last_pk
        return change(Area.OFFICE, id=sid)

    def edit_signer(self, signer_id: int, field: str, value) -> Change:
        with self._tx():
            return self._edit_signer(signer_id, field, value)

    def _edit_signer(self, signer_id: int, field: str, value) -> Change:
        signer = next((s for s in self.signers() if s.id == signer_id), None)
        if signer is None:
            raise NotFoundError(f"ไม่พบผู้ลงนามรหัส {signer_id}", f"no signer {signer_id}")
        new: Signer = _replace(signer, field, value)
        from ..domain import validation as v

        v.check_texts(new, labels.SIGNER_FIELDS)
        name = v.require_text(labels.SIGNER_FIELDS["name"], new.name)
        with self._write(f"แก้ไข{labels.SIGNER_FIELDS.get(field, field)}ผู้ลงนาม", merge_key=f"signer:{signer_id}:{field}") as db:
            db.table("signers").update(signer_id, {"name": name, "position": new.position.strip(), "role": str(new.role)})
        return change(Area.OFFICE, id=signer_id)

    def delete_signer(self, signer_id: int) -> Change:
        with self._write("ลบผู้ลงนาม") as db:
            db.execute("DELETE FROM signers WHERE id=?", [signer_id])
        return change(Area.OFFICE)
