"""Indicator scores as horizontal bars against the pass mark and the year before."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ..domain.thai_numbers import format_score


class ScoreChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, float | None, float | None]] = []
        self.pass_mark = 85.0
        self.setMinimumHeight(260)

    def set_data(self, rows, pass_mark: float) -> None:
        self.rows, self.pass_mark = rows, pass_mark
        self.update()

    EMPTY = "ยังไม่มีคะแนนตัวชี้วัดของปีนี้ กรอกคะแนนในตาราง “ตัวชี้วัด ๑๐ ตัว” แล้วกราฟจะแสดงที่นี่"

    def has_scores(self) -> bool:
        return any(now is not None or before is not None for _label, now, before in self.rows)

    def caption(self) -> str:
        """The line under the bars: the legend, or what to do when there is nothing to draw."""
        if not self.has_scores():
            return self.EMPTY
        return f"เส้นประ = เกณฑ์ผ่าน {format_score(self.pass_mark, places=0)}   แท่งเข้ม = ปีนี้   แท่งอ่อน = ปีก่อน"

    def paintEvent(self, _event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        if not self.has_scores():  # a legend and a pass-mark line over nothing would only puzzle
            p.setPen(Qt.GlobalColor.darkGray)
            p.drawText(QRectF(8, 8, w - 16, h - 16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.caption())
            p.end()
            return
        label_w = min(240, w * 0.4)
        top = 8
        row_h = max(14, (h - 30) / max(1, len(self.rows)))
        span = w - label_w - 60
        for k, (label, now, before) in enumerate(self.rows):
            y = top + k * row_h
            p.setPen(Qt.GlobalColor.black)
            p.drawText(QRectF(4, y, label_w - 8, row_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            if before is not None:
                p.fillRect(QRectF(label_w, y + row_h * 0.55, span * before / 100, row_h * 0.3), QColor("#B7C4D8"))
            if now is not None:
                colour = QColor("#2E5E9E") if now >= self.pass_mark else QColor("#C0392B")
                p.fillRect(QRectF(label_w, y + row_h * 0.15, span * now / 100, row_h * 0.4), colour)
                p.drawText(QRectF(label_w + span * now / 100 + 4, y, 56, row_h), Qt.AlignmentFlag.AlignVCenter, format_score(now))
        x = label_w + span * self.pass_mark / 100
        pen = QPen(QColor("#C0392B"))
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(int(x), top, int(x), int(top + row_h * len(self.rows)))
        p.setPen(Qt.GlobalColor.darkGray)
        p.drawText(QRectF(label_w, h - 20, span, 18), Qt.AlignmentFlag.AlignLeft, self.caption())
        p.end()
