"""``itadesk export``: one entry point for every document, Qt-free.

The PDF is written to a temporary file and renamed into place only when it is
complete, so a failure never leaves half a PDF where the clerk expects one.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.year import YearView
from ..errors import ExportError, NotFoundError
from ..outline import Outline, default_outline, preset, presets_for
from ..store.store import Store
from .kinds import KINDS


def render(kind: str, snap: YearView, out: Path, *, memo_id: int | None = None, outline: Outline | None = None,
           toc: dict | None = None) -> Path:
    """Render document ``kind`` of ``snap`` to ``out`` (atomically) with ``outline``
    (the kind's default layout when none is given). ``toc``: the pages of the headings
    from the render before (updated in place), so a preview with contents takes one pass."""
    if kind not in KINDS:
        raise ExportError(f"ไม่รู้จักเอกสารชนิด {kind}", f"unknown document kind {kind!r}")
    title = f"{KINDS[kind]} {snap.office.name} ปี {snap.year}"
    memo = _pick_memo(snap, memo_id) if kind == "memo" else None
    outline = outline or default_outline(kind)
    if outline.kind != kind:
        raise ExportError(f"รูปแบบเอกสารนี้ใช้กับเอกสารชนิด {outline.kind} ไม่ใช่ {kind}", f"outline for {outline.kind}, not {kind}")
    from .outline_doc import render_outline  # reportlab loads on the first export, not at start-up

    return render_outline(outline, snap, Path(out), title=title, memo=memo, toc=toc)


def _pick_memo(snap: YearView, memo_id: int | None):
    if not snap.memos:
        raise NotFoundError(f"ปี {snap.year} ยังไม่มีบันทึกข้อความ", f"year {snap.year} has no memo")
    if memo_id is None:
        return snap.memos[-1]
    for m in snap.memos:
        if m.id == memo_id:
            return m
    raise NotFoundError(f"ไม่พบบันทึกข้อความรหัส {memo_id} ในปี {snap.year}", f"no memo {memo_id} in {snap.year}")


def export_document(kind: str, *, db: Path, year: int, out: Path, memo_id: int | None = None,
                    preset_name: str | None = None) -> Path:
    """Export ``kind`` of ``year`` with preset ``preset_name``, or the year's own outline."""
    if not Path(db).exists():
        raise NotFoundError(f"ไม่พบไฟล์ฐานข้อมูล {db}", f"database not found: {db}")
    store = Store.open(db, create=False)
    try:
        snap = store.view(year)
        if preset_name:
            chosen = preset(preset_name)
            if chosen.kind != kind:
                names = ", ".join(p.name for p in presets_for(kind))
                raise ExportError(f"รูปแบบ “{preset_name}” ใช้กับเอกสาร {chosen.kind} (รูปแบบของ {kind}: {names})",
                                  f"preset {preset_name!r} is for {chosen.kind}, not {kind} ({names})")
            outline = chosen.outline()
        else:
            outline = store.outline(year, kind)
    finally:
        store.close()
    return render(kind, snap, Path(out), memo_id=memo_id, outline=outline)
