"""Server-side chart geometry: editors type numbers, visitors get an accessible SVG.

No JavaScript and no third-party service: this module turns label/value rows into plain
shapes (bars, pie slices, a polyline) that ``chart_block.html`` prints as SVG next to the
data table. All coordinates are in the SVG's own viewBox units.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from decimal import Decimal

# Colours checked for 3:1 contrast against white (WCAG 1.4.11, graphical objects).
PALETTE = ["#6a1b9a", "#00695c", "#c62828", "#1565c0", "#8d5a00", "#37474f", "#ad1457", "#2e7d32"]

WIDTH = 640
BAR_ROW = 46
PIE_SIZE = 260
LINE_HEIGHT = 300


@dataclass
class Row:
    label: str
    value: float
    display: str  # the number as the editor typed it, with the unit


@dataclass
class Chart:
    kind: str
    rows: list[Row]
    width: int = WIDTH
    height: int = 0
    shapes: list[dict] = field(default_factory=list)
    extras: dict = field(default_factory=dict)


def format_value(value: Decimal | float | int, unit: str = "") -> str:
    """French-style number: decimal comma, no trailing zeros, unit after a thin space."""
    number = Decimal(str(value)).normalize()
    if number == number.to_integral():
        text = f"{int(number):,}".replace(",", "\u202f")
    else:
        text = format(number, "f").replace(".", ",")
    if not unit:
        return text
    return f"{text}\u202f{unit}" if unit != "%" else f"{text}\u00a0%"


def chart_id(*parts: object) -> str:
    """A stable id for the SVG's title/desc references, derived from the data."""
    digest = hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
    return f"chart-{digest[:10]}"


def build_chart(kind: str, rows: list[tuple[str, float]], unit: str = "") -> Chart:
    """Geometry for ``kind`` (``bar``, ``pie`` or ``line``) from (label, value) rows."""
    clean = [Row(str(label), max(float(value), 0.0), format_value(value, unit)) for label, value in rows]
    builder = {"bar": _bar, "pie": _pie, "line": _line}.get(kind, _bar)
    chart = Chart(kind=kind if kind in ("bar", "pie", "line") else "bar", rows=clean)
    builder(chart)
    if chart.kind == "pie":
        for shape in chart.shapes:
            row = shape["row"]
            shape["legend"] = f"{row.label} : {row.display}" + ("" if unit == "%" else f" ({shape['percent']})")
    return chart


def _bar(chart: Chart) -> None:
    """Horizontal bars, label above each bar: long French labels stay readable on phones."""
    top = max((r.value for r in chart.rows), default=0) or 1
    usable = chart.width - 110
    for i, row in enumerate(chart.rows):
        y = i * BAR_ROW
        length = round(usable * row.value / top, 1)
        chart.shapes.append(
            {
                "label": row.label,
                "display": row.display,
                "label_y": y + 16,
                "bar_y": y + 22,
                "bar_width": max(length, 1),
                "value_x": max(length, 1) + 8,
                "value_y": y + 37,
                "color": PALETTE[i % len(PALETTE)],
            }
        )
    chart.height = max(len(chart.rows), 1) * BAR_ROW + 4


def _pie(chart: Chart) -> None:
    total = sum(r.value for r in chart.rows)
    radius = PIE_SIZE / 2 - 10
    cx = cy = PIE_SIZE / 2
    angle = -math.pi / 2  # start at twelve o'clock
    for i, row in enumerate(chart.rows):
        share = row.value / total if total else 0
        color = PALETTE[i % len(PALETTE)]
        legend = {"legend_y": 24 + i * 30, "rect_y": 10 + i * 30, "percent": format_value(round(share * 100, 1), "%")}
        if share >= 0.9999:
            chart.shapes.append({"circle": True, "cx": cx, "cy": cy, "r": radius, "color": color, "row": row, **legend})
            angle += 2 * math.pi
            continue
        end = angle + share * 2 * math.pi
        x0, y0 = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        x1, y1 = cx + radius * math.cos(end), cy + radius * math.sin(end)
        large = 1 if share > 0.5 else 0
        path = f"M{cx:.1f},{cy:.1f} L{x0:.1f},{y0:.1f} A{radius:.1f},{radius:.1f} 0 {large} 1 {x1:.1f},{y1:.1f} Z"
        chart.shapes.append({"circle": False, "path": path if share else "", "color": color, "row": row, **legend})
        angle = end
    chart.height = max(PIE_SIZE, 30 * len(chart.rows) + 20)
    chart.extras = {"legend_x": PIE_SIZE + 20, "legend_text_x": PIE_SIZE + 44}


def _line(chart: Chart) -> None:
    left, right, top_pad, bottom = 40, 20, 30, 60
    plot_w = chart.width - left - right
    plot_h = LINE_HEIGHT - top_pad - bottom
    top = max((r.value for r in chart.rows), default=0) or 1
    count = len(chart.rows)
    points = []
    for i, row in enumerate(chart.rows):
        x = left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)
        y = top_pad + plot_h - plot_h * row.value / top
        points.append((round(x, 1), round(y, 1)))
        chart.shapes.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "row": row,
                "value_y": round(y - 10, 1),
                "label_y": LINE_HEIGHT - bottom + 22,
            }
        )
    chart.height = LINE_HEIGHT
    chart.extras = {
        "points": " ".join(f"{x},{y}" for x, y in points),
        "axis_y": top_pad + plot_h,
        "axis_left": left,
        "axis_right": chart.width - right,
        "color": PALETTE[0],
    }
