"""A coachee's scores over time, drawn with QPainter (no chart library needed for one line):
the scores as points joined in order of completion, the axis from zero to the form's highest
possible score (so 14 of 16 does not look perfect; else to the highest score shown), dates
below (with the time where a day has several). A screen reader receives the same values as
text (the chart's description)."""

import itertools
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sop_desktop.fonts import enlarged

Point = tuple[str, float]  # (when it was completed, as the axis says it; the score)


class ScoreChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[Point] = []
        self.unit = ""
        self.maximum: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Scores over time"))

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 140)

    def set_points(
        self,
        points: list[Point],
        unit: str,
        maximum: float | None = None,
        said: Callable[[float], str] | None = None,
    ) -> None:
        """Show ``points``; ``maximum`` is the form's highest possible score, if known;
        ``said`` writes a score for a screen reader ("14 of 16"; else "14 points")."""
        self.points, self.unit, self.maximum = list(points), unit, maximum
        if points:
            write = said or (lambda value: f"{value:g} {unit}")
            described = "; ".join(f"{day}: {write(value)}" for day, value in points)
        else:
            described = self.tr("No scores yet.")
        self.setAccessibleDescription(described)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(palette.ColorRole.WindowText)
        line = palette.color(palette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        text_height = metrics.height()
        if not self.points:
            painter.setPen(ink)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No scores yet."))
            return
        top = max([value for _, value in self.points] + [self.maximum or 0.0]) or 1.0
        left = metrics.horizontalAdvance(f"{top:g}") + 12
        area = QRectF(left, text_height, self.width() - left - 16, self.height() - 3 * text_height)
        # The points sit half a date's width inside the axes, so the first and last dates show.
        widest = max(metrics.horizontalAdvance(day) for day, _ in self.points)
        inset = widest / 2 + 4
        points_area = area.adjusted(inset, 0, -inset, 0)
        painter.setPen(QPen(ink, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.drawText(
            QRectF(0, area.top() - text_height / 2, left - 6, text_height),
            Qt.AlignmentFlag.AlignRight,
            f"{top:g}",
        )
        painter.drawText(
            QRectF(0, area.bottom() - text_height / 2, left - 6, text_height),
            Qt.AlignmentFlag.AlignRight,
            "0",
        )
        count = len(self.points)
        step = points_area.width() / max(1, count - 1)
        places = []
        for number, (_, value) in enumerate(self.points):
            x = points_area.left() + (step * number if count > 1 else points_area.width() / 2)
            y = area.bottom() - area.height() * max(0.0, value) / top
            places.append(QPointF(x, y))
        painter.setPen(QPen(line, 3))
        for start, end in itertools.pairwise(places):
            painter.drawLine(start, end)
        painter.setBrush(line)
        for place in places:
            painter.drawEllipse(place, 5, 5)
        painter.setPen(ink)
        painter.setFont(enlarged(self.font(), 0.9))
        shown_every = max(1, count // max(1, int(area.width() // (widest + 12))))
        for number, ((day, _), place) in enumerate(zip(self.points, places, strict=True)):
            if number % shown_every == 0 or number == count - 1:
                half = inset + 4
                box = QRectF(place.x() - half, area.bottom() + 4, 2 * half, text_height * 1.5)
                painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, day)
        painter.end()
