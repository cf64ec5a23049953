"""Exports in a worker process of their own, so that an export can be cancelled at once.

The window renders documents in a separate Python process (started on the first
export and kept warm: reportlab and the fonts load once). Cancelling, or closing
the window, kills that process: no export, however long a field, keeps the window
busy or the program alive, and the half-written temporary file it leaves (named
with its pid) is swept away (``itadesk.atomic.sweep``). The process is given the
year's :class:`~itadesk.domain.year.YearView` (a picklable snapshot) and never
opens the database.
"""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

from ..atomic import sweep
from ..domain.year import YearView
from ..errors import ExportError, ItadeskError


class ExportCancelledError(ExportError):
    def __init__(self):
        super().__init__("ยกเลิกการสร้างเอกสารแล้ว", "export cancelled")


def _serve(conn) -> None:
    """The worker's loop: one (kind, snap, out, memo_id, outline) in, ("ok", path) or ("error", th, en) out."""
    from ..atomic import ignore_file_size_signal
    from ..pdf import fonts
    from .documents import render

    ignore_file_size_signal()
    fonts.register_fonts()  # while the clerk is still choosing what to export
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        kind, snap, out, memo_id, outline = job
        try:
            result = ("ok", str(render(kind, snap, Path(out), memo_id=memo_id, outline=outline)))
        except ItadeskError as err:
            result = ("error", err.message_th, str(err))
        except Exception as err:  # reported to the window as a Thai message, never lost
            result = ("error", f"สร้างเอกสารไม่สำเร็จ: {err}", repr(err))
        conn.send(result)


class ExportProcess:
    """One warm worker process; ``render`` blocks (call it from a background thread)."""

    def __init__(self):
        self._ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        self._proc = None
        self._conn = None
        self._lock = threading.Lock()
        self._cancelled = False

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child,), daemon=True, name="itadesk-export")
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent

    def warm(self) -> None:
        """Start the worker ahead of the first export (reportlab and the fonts load meanwhile)."""
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._start()

    def render(self, kind: str, snap: YearView, out: Path, memo_id: int | None = None, outline=None) -> Path:
        with self._lock:
            self._cancelled = False
            if self._proc is None or not self._proc.is_alive():
                self._start()
            conn, proc = self._conn, self._proc
        try:
            conn.send((kind, snap, str(out), memo_id, outline))
            result = conn.recv()
        except (EOFError, OSError):
            # the pipe closes as the process dies, before it is reaped: until then its pid is
            # alive and its half-written file (named with that pid) would be kept by the sweep
            proc.join(5)
            if self._cancelled:
                sweep(Path(out).parent)
                raise ExportCancelledError() from None
            with self._lock:
                self._proc = None
            sweep(Path(out).parent)
            raise ExportError("โปรแกรมสร้างเอกสารหยุดทำงานกลางคัน ไม่มีไฟล์ที่เขียนไม่ครบเหลืออยู่ กรุณาลองอีกครั้ง",
                              "the export process ended") from None
        if result[0] == "ok":
            return Path(result[1])
        raise ExportError(result[1], result[2])

    def cancel(self) -> None:
        """Stop the export under way at once (the process is killed; the next export starts another)."""
        with self._lock:
            proc, self._proc = self._proc, None
            self._cancelled = True
        if proc is not None and proc.is_alive():
            proc.kill()
            proc.join(5)

    def close(self) -> None:
        self.cancel()
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
