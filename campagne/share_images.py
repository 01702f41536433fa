"""Share images (1200 × 630 PNG) for a study's key figures, drawn locally with Pillow.

Social networks show an image when a link is shared; a figure on its own carries the
study better than the site logo. Drawn on request, cached by page revision and figure.
"""

from __future__ import annotations

import io
import textwrap
from functools import lru_cache
from pathlib import Path

from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = "#3e1b5e"
INK = "#ffffff"
ACCENT = "#ffd166"
CACHE_SECONDS = 24 * 60 * 60


# DejaVu Sans ships with the app (Pillow's built-in font has no accented letters).
FONTS = Path(__file__).resolve().parent / "fonts"


@lru_cache(maxsize=32)
def _font(size: int, bold: bool = False):
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def draw_figure_card(figure: str, label: str, footer: str, badge: str = "") -> bytes:
    """PNG bytes: the figure in large type, its explanation, the site name, an optional badge."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    size = 190
    while size > 60 and draw.textlength(figure, font=_font(size, bold=True)) > WIDTH - 160:
        size -= 10
    draw.text((80, 70), figure, font=_font(size, bold=True), fill=ACCENT)
    y = 110 + size
    for line in textwrap.wrap(label, width=40)[:4]:
        draw.text((80, y), line, font=_font(42), fill=INK)
        y += 56
    draw.text((80, HEIGHT - 80), footer, font=_font(34), fill=INK)
    if badge:
        width = draw.textlength(badge, font=_font(30, bold=True)) + 40
        draw.rounded_rectangle((WIDTH - 80 - width, 40, WIDTH - 80, 96), radius=12, fill=ACCENT)
        draw.text((WIDTH - 60 - width, 50), badge, font=_font(30, bold=True), fill=BACKGROUND)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def figure_card(cache_key: str, **kwargs) -> bytes:
    data = cache.get(cache_key)
    if data is None:
        data = draw_figure_card(**kwargs)
        cache.set(cache_key, data, CACHE_SECONDS)
    return data
