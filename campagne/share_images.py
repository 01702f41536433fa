"""Share images (1200 × 630 PNG) for a study's key figures, drawn locally with Pillow.

Social networks show an image when a link is shared; a figure on its own carries the
study better than the site logo. Drawn on request; the response is public, so the page cache
(site_parlons/ops/pagecache.py) and browsers keep it.
"""

from __future__ import annotations

import io
import textwrap
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = "#3e1b5e"
INK = "#ffffff"
ACCENT = "#ffd166"


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


# --- The site's brand card: the share image of pages that have none of their own -------------
BRAND = "#5b2a86"


def _draw_logo(draw: ImageDraw.ImageDraw, left: int, top: int, size: int) -> None:
    """The logo of site_parlons/static/img/logo.svg (a face on a purple disc), at ``size`` pixels."""
    scale = size / 40
    draw.ellipse(
        (left + scale, top + scale, left + 39 * scale, top + 39 * scale),
        fill=BRAND,
        outline=INK,
        width=max(2, size // 60),
    )
    draw.arc(
        (left + 11 * scale, top + 15 * scale, left + 29 * scale, top + 33 * scale),
        start=180,
        end=360,
        fill=ACCENT,
        width=max(3, round(3 * scale)),
    )
    for cx in (14, 26):
        r = 2.5 * scale
        draw.ellipse(
            (left + cx * scale - r, top + 14 * scale - r, left + cx * scale + r, top + 14 * scale + r), fill=INK
        )


def draw_brand_card(slogan: str, tagline: str) -> bytes:
    """PNG bytes (1200 × 630): the logo, the site's name, the campaign's slogan and a tagline."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=ACCENT)
    _draw_logo(draw, 80, 80, 200)
    draw.text((320, 110), "Parlons", font=_font(84, bold=True), fill=INK)
    draw.text((320, 200), "Harcèlement", font=_font(84, bold=True), fill=INK)
    size = 72
    while size > 40 and draw.textlength(slogan, font=_font(size, bold=True)) > WIDTH - 160:
        size -= 4
    draw.text((80, 350), slogan, font=_font(size, bold=True), fill=ACCENT)
    y = 350 + size + 40
    for line in textwrap.wrap(tagline, width=48)[:2]:
        draw.text((80, y), line, font=_font(40), fill=INK)
        y += 54
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def draw_logo(size: int = 512) -> bytes:
    """PNG bytes of the logo alone, square, on a transparent background (structured data's logo)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    _draw_logo(ImageDraw.Draw(image), 0, 0, size)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
