"""``itadesk export``: one entry point for every document, Qt-free.

The PDF is written to a temporary file and renamed into place only when it is
complete, so a failure never leaves half a PDF where the clerk expects one.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import sweep
from ..domain.year import YearView
from ..errors import ExportError, NotFoundError
from ..outline import Outline, default_outline, preset, presets_for
from ..store.store import Store
from ..text import breaks
from .kinds import KINDS


def render(kind: str, snap: YearView, out: Path, *, memo_id: int | None = None, outline: Outline | None = None,
           toc: dict | None = None) -> Path:
    """Render document ``kind`` of ``snap`` to ``out`` (atomically) with ``outline``
    (the kind's default layout when none is given). ``toc``: the pages of the headings
    from the render before (updated in place), so a preview with contents takes one pass.
    No line breaks inside the office's own names (``breaks.with_names``)."""
    with breaks.with_names(*snap.proper_names()):
        return _render(kind, snap, out, memo_id=memo_id, outline=outline, toc=toc)


def _render(kind: str, snap: YearView, out: Path, *, memo_id: int | None, outline: Outline | None, toc: dict | None) -> Path:
    if kind not in KINDS:
        raise ExportError(f"ไม่รู้จักเอกสารชนิด {kind}", f"unknown document kind {kind!r}")
    title = f"{KINDS[kind]} {snap.office.name} ปี {snap.year}"
    if kind in SINGLE_LAYOUT:
        return _render_single(kind, snap, Path(out), title)
    memo = _pick_memo(snap, memo_id) if kind == "memo" else None
    outline = outline or default_outline(kind)
    if outline.kind != kind:
        raise ExportError(f"รูปแบบเอกสารนี้ใช้กับเอกสารชนิด {outline.kind} ไม่ใช่ {kind}", f"outline for {outline.kind}, not {kind}")
    from .outline_doc import render_outline  # reportlab loads on the first export, not at start-up

    return render_outline(outline, snap, Path(out), title=title, memo=memo, toc=toc)


# documents with one layout of their own, not (yet) an outline of blocks
SINGLE_LAYOUT = ("multiyear", "evidence")


def _render_single(kind: str, snap: YearView, out: Path, title: str) -> Path:
    from ..pdf.layout import ThaiDocTemplate, build_atomic

    if kind == "multiyear":
        from .multiyear import build_multiyear

        return build_atomic(out, lambda tmp: build_multiyear(tmp, snap, title))
    from .evidence_index import evidence_index_story

    story = evidence_index_story(snap)
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


def export_document(kind: str, *, db: Path, year: int, out: Path, memo_id: int | None = None,
                    preset_name: str | None = None) -> Path:
    """Export ``kind`` of ``year`` with preset ``preset_name``, or the year's own outline, from
    the file ``db`` read-only: an export never writes the database (an older file is upgraded
    in memory; a missing, empty or foreign file is refused, naming ``db``)."""
    store = Store.open(db, readonly=True)
    try:
        snap = store.view(year)
        if kind in SINGLE_LAYOUT:
            outline = None
        elif preset_name:
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
    sweep(Path(out).parent)  # what an export killed half-way left in that folder
    return render(kind, snap, Path(out), memo_id=memo_id, outline=outline)
