"""``itadesk export``: one entry point for every document, Qt-free.

The PDF is written to a temporary file and renamed into place only when it is
complete, so a failure never leaves half a PDF where the clerk expects one.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import sweep
from ..domain.year import YearView
from ..errors import ExportError, NotFoundError
from ..pdf.layout import ThaiDocTemplate, build_atomic
from ..store.store import Store
from .kinds import KINDS


def render(kind: str, snap: YearView, out: Path, *, memo_id: int | None = None) -> Path:
    """Render document ``kind`` of ``snap`` to ``out`` (atomically)."""
    if kind not in KINDS:
        raise ExportError(f"ไม่รู้จักเอกสารชนิด {kind}", f"unknown document kind {kind!r}")
    title = f"{KINDS[kind]} {snap.office.name} ปี {snap.year}"
    if kind == "memo":
        memo = _pick_memo(snap, memo_id)
        from .memo import memo_story

        story = memo_story(snap, memo)
        return build_atomic(out, lambda tmp: ThaiDocTemplate(tmp, title=title, thai_digits=snap.thai_digits).build(story))
    if kind == "measures":
        from .report import build_measures_report

        return build_atomic(out, lambda tmp: build_measures_report(tmp, snap, title))
    if kind == "plan":
        from .plan import build_plan

        return build_atomic(out, lambda tmp: build_plan(tmp, snap, title))
    if kind == "multiyear":
        from .multiyear import build_multiyear

        return build_atomic(out, lambda tmp: build_multiyear(tmp, snap, title))
    if kind == "evidence":
        from .evidence_index import evidence_index_story

        story = evidence_index_story(snap)
        return build_atomic(out, lambda tmp: ThaiDocTemplate(tmp, title=title, thai_digits=snap.thai_digits).build(story))
    from .scores import scores_story

    story = scores_story(snap)
    return build_atomic(out, lambda tmp: ThaiDocTemplate(tmp, title=title, thai_digits=snap.thai_digits).build(story))


def _pick_memo(snap: YearView, memo_id: int | None):
    if not snap.memos:
        raise NotFoundError(f"ปี {snap.year} ยังไม่มีบันทึกข้อความ", f"year {snap.year} has no memo")
    if memo_id is None:
        return snap.memos[-1]
    for m in snap.memos:
        if m.id == memo_id:
            return m
    raise NotFoundError(f"ไม่พบบันทึกข้อความรหัส {memo_id} ในปี {snap.year}", f"no memo {memo_id} in {snap.year}")


def export_document(kind: str, *, db: Path, year: int, out: Path, memo_id: int | None = None) -> Path:
    """Export from the file ``db``, read-only: an export never writes the database (an older
    file is upgraded in memory; a missing, empty or foreign file is refused, naming ``db``)."""
    store = Store.open(db, readonly=True)
    try:
        snap = store.view(year)
    finally:
        store.close()
    sweep(Path(out).parent)  # what an export killed half-way left in that folder
    return render(kind, snap, Path(out), memo_id=memo_id)
