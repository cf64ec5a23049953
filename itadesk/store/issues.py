"""Grouped plans: assessment issues that group measures, and the details of steps.

A mixin of :class:`~itadesk.store.store.Store`. An issue is a record of its year;
a measure belongs to the issue named by its ``issue`` text (saving a measure
finds or makes the issue, so typing the issue in the measures tab groups it).
Renaming an issue renames it in its measures too; deleting it leaves its
measures without an issue. A step may carry its own unit, period, monitoring
and a shorter wording for the status table.
"""

from __future__ import annotations

import dataclasses

from ..domain import validation as v
from ..domain.labels import ISSUE_FIELDS, STEP_FIELDS
from ..domain.models import Issue, Step
from ..domain.vocab import Area, Change, change
from ..errors import NotFoundError, ValidationError
from . import rows
from .ordering import reordered, write_order


class IssueWrites:
    """Needs the Store's ``db``, ``_write``, ``require_year``, ``measure`` and ``save_measure``."""

    def issues(self, year: int) -> list[Issue]:
        return rows.issues(self.db, year)

    def issue(self, issue_id: int) -> Issue:
        row = self.db.execute("SELECT id, year, title, detail, sort FROM issues WHERE id = ?", [issue_id]).fetchone()
        if row is None:
            raise NotFoundError(f"ไม่พบประเด็นรหัส {issue_id}", f"no issue {issue_id}")
        return Issue(*row)

    def _issue_id(self, year: int, title: str) -> int | None:
        """The issue titled ``title`` in ``year``, made when new (inside the caller's step)."""
        title = (title or "").strip()
        if not title:
            return None
        row = self.db.execute("SELECT id FROM issues WHERE year = ? AND title = ?", [year, title]).fetchone()
        if row:
            return row[0]
        sort = self.db.execute("SELECT coalesce(max(sort), -1) + 1 FROM issues WHERE year = ?", [year]).fetchone()[0]
        return self.db.table("issues").insert({"year": year, "title": title, "detail": "", "sort": sort}).last_pk

    def add_issue(self, year: int, title: str, detail: str = "") -> Change:
        self.require_year(year)
        title = v.require_text(ISSUE_FIELDS["title"], title)
        if self.db.execute("SELECT 1 FROM issues WHERE year = ? AND title = ?", [year, title]).fetchone():
            raise ValidationError(ISSUE_FIELDS["title"], f"มีประเด็น “{title}” อยู่แล้วในปี {year}", "issue exists")
        with self._write(f"เพิ่มประเด็น “{title[:30]}”") as db:
            iid = self._issue_id(year, title)
            db.execute("UPDATE issues SET detail = ? WHERE id = ?", [detail.strip(), iid])
        return change(Area.MEASURES, id=iid)

    def save_issue(self, issue: Issue) -> Change:
        """Rename an issue (and the issue text of its measures) or change its detail."""
        old = self.issue(issue.id)
        title = v.require_text(ISSUE_FIELDS["title"], issue.title)
        clash = self.db.execute("SELECT id FROM issues WHERE year = ? AND title = ? AND id != ?", [old.year, title, old.id]).fetchone()
        if clash:
            raise ValidationError(ISSUE_FIELDS["title"], f"มีประเด็น “{title}” อยู่แล้วในปี {old.year}", "issue exists")
        with self._write(f"แก้ไขประเด็น “{title[:30]}”") as db:
            db.execute("UPDATE issues SET title = ?, detail = ? WHERE id = ?", [title, issue.detail.strip(), old.id])
            db.execute("UPDATE measures SET issue = ? WHERE issue_id = ?", [title, old.id])
        return change(Area.MEASURES, Area.STATUS, id=old.id)

    def edit_issue(self, issue_id: int, field: str, value: str) -> Change:
        if field not in ISSUE_FIELDS:
            raise KeyError(field)
        current = self.issue(issue_id)
        with self._write(f"แก้ไข{ISSUE_FIELDS[field]}", merge_key=f"issue:{issue_id}:{field}"):
            self.save_issue(dataclasses.replace(current, **{field: value}))
        return change(Area.MEASURES, Area.STATUS, id=issue_id)

    def delete_issue(self, issue_id: int) -> Change:
        """The issue goes; its measures stay, without an issue."""
        current = self.issue(issue_id)
        with self._write(f"ลบประเด็น “{current.title[:30]}”") as db:
            db.execute("UPDATE measures SET issue = '', issue_id = NULL WHERE issue_id = ?", [issue_id])
            db.execute("DELETE FROM issues WHERE id = ?", [issue_id])
        return change(Area.MEASURES, Area.STATUS)

    def move_issue(self, issue_id: int, offset: int) -> Change:
        current = self.issue(issue_id)
        ids = [r[0] for r in self.db.execute("SELECT id FROM issues WHERE year = ? ORDER BY sort, id", [current.year])]
        with self._write("เลื่อนลำดับประเด็น") as db:
            write_order(db, "issues", reordered(ids, issue_id, offset))
        return change(Area.MEASURES, Area.STATUS)

    # ------------------------------------------------------------------ steps
    def edit_step(self, measure_id: int, n: int, field: str, value: str) -> Change:
        """One field of step ``n`` (0-based) of a measure: its text, unit, period,
        monitoring, or its wording in the status table."""
        if field not in STEP_FIELDS:
            raise KeyError(field)
        m = self.measure(measure_id)
        if not 0 <= n < len(m.steps):
            raise NotFoundError(f"มาตรการนี้ไม่มีขั้นตอนที่ {n + 1}", f"measure {measure_id} has no step {n}")
        details = [m.step(k) for k in range(len(m.steps))]
        if field == "text":
            v.require_text(STEP_FIELDS["text"], value)
        details[n] = dataclasses.replace(details[n], **{field: value})
        steps = [s.text for s in details]
        with self._write(f"แก้ไข{STEP_FIELDS[field]}ที่ {n + 1}", merge_key=f"step:{measure_id}:{n}:{field}"):
            self.save_measure(dataclasses.replace(m, steps=steps, step_details=details))
        return change(Area.MEASURES, Area.STATUS, id=measure_id)

    def set_steps(self, measure_id: int, steps: list[Step]) -> Change:
        """Replace a measure's steps with their details in one step."""
        m = self.measure(measure_id)
        kept = [s for s in steps if s.text.strip()]
        with self._write("แก้ไขขั้นตอน"):
            self.save_measure(dataclasses.replace(m, steps=[s.text for s in kept], step_details=kept))
        return change(Area.MEASURES, Area.STATUS, id=measure_id)
