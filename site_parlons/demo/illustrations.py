"""The campaign's demo illustrations: drawn with Pillow, deterministic, attached by the demo loader.

Abstract, warm and hopeful scenes in the campaign's colours (sun rays, speech bubbles, hands,
groups of figures without faces) — never a person's likeness. Each is drawn from a fixed seed,
so every machine gets the same pixels; they are made for the project and given to the public
domain (CC0), which the image's tags tell editors.

``attach_illustrations(home)`` stores them as Wagtail images (collection « Illustrations de la
campagne », a French description used as alternative text, a focal point) and gives the pages
that have none their vignette, the videos their poster, each harassment type its drawing and
the home page its hero. It finds images by title in that collection, so a second run creates
nothing, and it never replaces an image an editor chose.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

COLLECTION_NAME = "Illustrations de la campagne"
LICENCE_TAGS = ["licence CC0", "créée pour la campagne"]
SEED = 2019
SUPERSAMPLE = 2  # drawn larger, then reduced: smooth edges without an anti-aliasing library
PALETTE_SIZE = 48  # flat colours: a small PNG original

PURPLE = (91, 42, 134)
PURPLE_DARK = (62, 27, 94)
LILAC = (183, 154, 214)
LAVENDER = (244, 240, 248)
YELLOW = (255, 209, 102)
CORAL = (242, 140, 107)
PEACH = (255, 228, 208)
PINK = (246, 181, 200)
TEAL = (79, 179, 169)
MINT = (206, 237, 230)
WHITE = (255, 255, 255)
FIGURE_COLOURS = [PURPLE, CORAL, TEAL, LILAC, YELLOW, PINK, PURPLE_DARK]


@dataclass(frozen=True)
class Illustration:
    key: str  # stable: the image's title is built from it
    title: str
    description: str  # the alternative text, in French
    motif: str  # a drawing function of MOTIFS
    size: tuple[int, int] = (1200, 675)


class Canvas:
    """A supersampled drawing surface; coordinates are given at the final size."""

    def __init__(self, size: tuple[int, int], background, rng: random.Random):
        self.width, self.height = size
        self.rng = rng
        self.image = Image.new("RGB", (self.width * SUPERSAMPLE, self.height * SUPERSAMPLE), background)
        self.draw = ImageDraw.Draw(self.image)
        # The part of the image that must survive any crop (x, y, w, h at the final size).
        self.focus = (self.width // 4, self.height // 4, self.width // 2, self.height // 2)

    def s(self, *values):
        return [v * SUPERSAMPLE for v in values]

    def ellipse(self, x0, y0, x1, y1, fill):
        self.draw.ellipse(self.s(x0, y0, x1, y1), fill=fill)

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx - r, cy - r, cx + r, cy + r, fill)

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        self.draw.rounded_rectangle(self.s(x0, y0, x1, y1), radius=radius * SUPERSAMPLE, fill=fill)

    def polygon(self, points, fill):
        self.draw.polygon([tuple(self.s(x, y)) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line([tuple(self.s(x, y)) for x, y in points], fill=fill, width=width * SUPERSAMPLE, joint="curve")

    def result(self) -> Image.Image:
        return self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)


# --- Primitives ----------------------------------------------------------------------------


def sun(c: Canvas, cx, cy, r, colour=YELLOW, rays=12, ray_colour=None):
    ray_colour = ray_colour or colour
    for i in range(rays):
        angle = 2 * math.pi * i / rays
        spread = math.pi / rays / 2.2
        inner, outer = r * 1.25, r * 1.9
        c.polygon(
            [
                (cx + inner * math.cos(angle - spread), cy + inner * math.sin(angle - spread)),
                (cx + outer * math.cos(angle), cy + outer * math.sin(angle)),
                (cx + inner * math.cos(angle + spread), cy + inner * math.sin(angle + spread)),
            ],
            ray_colour,
        )
    c.circle(cx, cy, r, colour)


def hills(c: Canvas, base, colours):
    for i, colour in enumerate(colours):
        top = base + i * 45
        c.ellipse(-c.width * 0.3 + i * 200, top, c.width * 0.7 + i * 200, top + c.height, colour)
        c.ellipse(c.width * 0.35 - i * 120, top + 30, c.width * 1.4 - i * 120, top + c.height, colour)


def figure(c: Canvas, x, base, height, colour):
    """A person without a face: a round head over a rounded body."""
    head = height * 0.2
    c.circle(x, base - height + head, head, colour)
    c.rect(x - height * 0.23, base - height + head * 2.25, x + height * 0.23, base, colour, radius=height * 0.2)


def group(c: Canvas, cx, base, count, height, colours=None):
    """People side by side, each in a colour of its own (neighbours never merge)."""
    colours = colours or FIGURE_COLOURS
    gap = height * 0.5
    start = cx - gap * (count - 1) / 2
    first = c.rng.randrange(len(colours))
    for i in range(count):
        lift = c.rng.uniform(-0.08, 0.1) * height
        figure(c, start + i * gap, base, height + lift, colours[(first + i) % len(colours)])


def bubble(c: Canvas, x, y, w, h, colour, tail="left", lines_colour=None, dots=False):
    c.rect(x, y, x + w, y + h, colour, radius=min(w, h) * 0.3)
    tx = x + w * (0.25 if tail == "left" else 0.75)
    c.polygon(
        [
            (tx - w * 0.08, y + h - 2),
            (tx + w * 0.08, y + h - 2),
            (tx - w * 0.12 * (1 if tail == "left" else -1), y + h + h * 0.35),
        ],
        colour,
    )
    if lines_colour:
        if dots:
            for i in range(3):
                c.circle(x + w * (0.3 + 0.2 * i), y + h / 2, h * 0.09, lines_colour)
        else:
            for i in range(2):
                c.rect(
                    x + w * 0.15,
                    y + h * (0.3 + 0.28 * i),
                    x + w * (0.85 - 0.25 * i),
                    y + h * (0.42 + 0.28 * i),
                    lines_colour,
                    radius=h * 0.06,
                )


def hand(c: Canvas, x, y, size, colour, mirror=False):
    """An open hand reaching up: a palm, four fingers and a thumb."""
    d = -1 if mirror else 1
    c.rect(x - size * 0.3, y, x + size * 0.3, y + size * 0.55, colour, radius=size * 0.18)
    for i, length in enumerate((0.45, 0.55, 0.52, 0.4)):
        fx = x - size * 0.27 + i * size * 0.18
        c.rect(fx, y - size * length + size * 0.15, fx + size * 0.15, y + size * 0.2, colour, radius=size * 0.075)
    tx = x + d * size * 0.3
    c.polygon(
        [
            (tx - d * size * 0.05, y + size * 0.45),
            (tx + d * size * 0.28, y + size * 0.05),
            (tx + d * size * 0.36, y + size * 0.14),
            (tx + d * size * 0.05, y + size * 0.55),
        ],
        colour,
    )
    c.rect(x - size * 0.22, y + size * 0.5, x + size * 0.22, y + size * 1.1, colour, radius=size * 0.1)  # wrist


def heart(c: Canvas, cx, cy, r, colour):
    c.circle(cx - r * 0.5, cy, r * 0.55, colour)
    c.circle(cx + r * 0.5, cy, r * 0.55, colour)
    c.polygon([(cx - r * 1.02, cy + r * 0.15), (cx + r * 1.02, cy + r * 0.15), (cx, cy + r * 1.2)], colour)


def confetti(c: Canvas, count, colours, area=None):
    x0, y0, x1, y1 = area or (0, 0, c.width, c.height * 0.6)
    for _ in range(count):
        c.circle(c.rng.uniform(x0, x1), c.rng.uniform(y0, y1), c.rng.uniform(4, 10), c.rng.choice(colours))


# --- Scenes: each draws on the canvas and sets its focus -----------------------------------


def scene_hero(c: Canvas):
    sun(c, c.width * 0.5, c.height * 0.5, c.height * 0.17, YELLOW, rays=16)
    hills(c, c.height * 0.62, [LILAC, PURPLE])
    # Light colours: the figures stand out against the purple hill.
    group(c, c.width * 0.5, c.height * 0.9, 6, c.height * 0.34, [CORAL, TEAL, LILAC, YELLOW, PINK, WHITE])
    bubble(c, c.width * 0.14, c.height * 0.12, 190, 110, WHITE, "right", PURPLE, dots=True)
    bubble(c, c.width * 0.72, c.height * 0.16, 170, 100, CORAL, "left", WHITE)
    confetti(c, 18, [CORAL, TEAL, PURPLE])
    c.focus = (int(c.width * 0.25), int(c.height * 0.3), int(c.width * 0.5), int(c.height * 0.6))


def scene_words(c: Canvas):
    """Édito, testimonies: words that rise and are heard."""
    sun(c, c.width * 0.8, c.height * 0.28, c.height * 0.12)
    for i in range(4):
        w = c.rng.uniform(170, 260)
        bubble(
            c,
            80 + i * c.width * 0.2,
            c.height * (0.55 - 0.1 * i),
            w,
            w * 0.55,
            [WHITE, CORAL, TEAL, LILAC][i],
            "left",
            PURPLE if i == 0 else WHITE,
            dots=i % 2 == 1,
        )
    hills(c, c.height * 0.8, [PURPLE])
    c.focus = (60, int(c.height * 0.2), int(c.width * 0.8), int(c.height * 0.6))


def scene_conversation(c: Canvas):
    """Interviews: two people face to face, listening."""
    sun(c, c.width * 0.5, c.height * 0.3, c.height * 0.1)
    hills(c, c.height * 0.78, [LILAC])
    figure(c, c.width * 0.34, c.height * 0.95, c.height * 0.55, c.rng.choice([PURPLE, TEAL]))
    figure(c, c.width * 0.66, c.height * 0.95, c.height * 0.5, c.rng.choice([CORAL, PURPLE_DARK]))
    bubble(c, c.width * 0.18, c.height * 0.08, 220, 120, WHITE, "right", PURPLE)
    bubble(c, c.width * 0.6, c.height * 0.14, 200, 110, YELLOW, "left", PURPLE_DARK, dots=True)
    c.focus = (int(c.width * 0.2), int(c.height * 0.1), int(c.width * 0.6), int(c.height * 0.8))


def scene_screen(c: Canvas):
    """Videos: a screen with a play sign, people around it."""
    w, h = c.width * 0.46, c.height * 0.5
    x, y = (c.width - w) / 2, c.height * 0.12
    c.rect(x, y, x + w, y + h, PURPLE_DARK, radius=24)
    c.rect(x + 16, y + 16, x + w - 16, y + h - 16, c.rng.choice([LILAC, TEAL, CORAL]), radius=14)
    cx, cy, r = c.width / 2, y + h / 2, h * 0.2
    c.circle(cx, cy, r, WHITE)
    c.polygon([(cx - r * 0.35, cy - r * 0.5), (cx - r * 0.35, cy + r * 0.5), (cx + r * 0.55, cy)], PURPLE)
    hills(c, c.height * 0.8, [PURPLE])
    group(c, c.width * 0.18, c.height * 0.98, 2, c.height * 0.3)
    group(c, c.width * 0.82, c.height * 0.98, 2, c.height * 0.3)
    confetti(c, 10, [YELLOW, CORAL])
    c.focus = (int(x), int(y), int(w), int(h))


def scene_poster(c: Canvas):
    """A video's poster: people and their words under the sun. No play sign: the player draws its own."""
    sun(c, c.width * c.rng.uniform(0.3, 0.7), c.height * 0.35, c.height * 0.14, YELLOW, rays=c.rng.choice([10, 14, 18]))
    hills(c, c.height * 0.7, [c.rng.choice([LILAC, PINK]), PURPLE])
    group(c, c.width * c.rng.uniform(0.4, 0.6), c.height * 0.95, c.rng.randint(3, 5), c.height * 0.36)
    bubble(c, c.width * 0.08, c.height * 0.1, 200, 110, c.rng.choice([WHITE, CORAL]), "right", PURPLE, dots=True)
    bubble(c, c.width * 0.7, c.height * 0.14, 190, 100, c.rng.choice([TEAL, LILAC]), "left", WHITE)
    c.focus = (int(c.width * 0.2), int(c.height * 0.2), int(c.width * 0.6), int(c.height * 0.75))


def scene_chart(c: Canvas):
    """Studies: bars that rise towards the sun."""
    sun(c, c.width * 0.82, c.height * 0.22, c.height * 0.1)
    base = c.height * 0.85
    count = 5
    for i in range(count):
        height = c.height * (0.2 + 0.1 * i + c.rng.uniform(-0.04, 0.04))
        x = c.width * 0.2 + i * 130
        c.rect(
            x,
            base - height,
            x + 90,
            base,
            [LILAC, TEAL, CORAL, PURPLE, YELLOW][(i + c.rng.randrange(5)) % 5],
            radius=14,
        )
    c.rect(c.width * 0.15, base, c.width * 0.8, base + 10, PURPLE_DARK, radius=5)
    c.focus = (int(c.width * 0.15), int(c.height * 0.25), int(c.width * 0.65), int(c.height * 0.65))


def scene_hands(c: Canvas):
    """Getting help: two hands reaching towards each other under a heart."""
    sun(c, c.width * 0.5, c.height * 0.32, c.height * 0.16, YELLOW, rays=14)
    heart(c, c.width * 0.5, c.height * 0.28, c.height * 0.09, CORAL)
    hand(c, c.width * 0.36, c.height * 0.55, c.height * 0.4, c.rng.choice([PURPLE, TEAL]))
    hand(c, c.width * 0.64, c.height * 0.55, c.height * 0.4, c.rng.choice([CORAL, LILAC]), mirror=True)
    c.focus = (int(c.width * 0.25), int(c.height * 0.1), int(c.width * 0.5), int(c.height * 0.8))


def scene_letter(c: Canvas):
    """Contact and social networks: messages going out, linked together."""
    points = [(c.width * c.rng.uniform(0.15, 0.85), c.height * c.rng.uniform(0.2, 0.75)) for _ in range(6)]
    for a, b in zip(points, points[1:], strict=False):
        c.line([a, b], LILAC, 8)
    for i, (x, y) in enumerate(points):
        c.circle(x, y, 34, FIGURE_COLOURS[i % len(FIGURE_COLOURS)])
    x, y, w, h = c.width * 0.35, c.height * 0.32, c.width * 0.3, c.height * 0.36
    c.rect(x, y, x + w, y + h, WHITE, radius=18)
    c.polygon([(x + 6, y + 10), (x + w / 2, y + h * 0.58), (x + w - 6, y + 10)], LILAC)
    c.focus = (int(x), int(y), int(w), int(h))


def scene_portrait(c: Canvas):
    """An interview's portrait placeholder: a figure without a face and a speech bubble."""
    sun(c, c.width * 0.5, c.height * 0.45, c.height * 0.28, PEACH, rays=0)
    figure(c, c.width * 0.5, c.height * 1.02, c.height * 0.78, c.rng.choice([PURPLE, TEAL, CORAL]))
    bubble(c, c.width * 0.62, c.height * 0.1, 230, 120, YELLOW, "left", PURPLE_DARK, dots=True)
    c.focus = (int(c.width * 0.3), int(c.height * 0.05), int(c.width * 0.45), int(c.height * 0.9))


def type_icon(c: Canvas, code: str):
    """The object that tells a harassment type apart, in the middle of the type's scene."""
    cx, cy = c.width * 0.5, c.height * 0.45
    if code == "scolaire":  # a school building with a flag
        c.rect(cx - 170, cy - 60, cx + 170, cy + 150, LILAC, radius=10)
        c.polygon([(cx - 200, cy - 55), (cx, cy - 170), (cx + 200, cy - 55)], PURPLE)
        c.rect(cx - 35, cy + 60, cx + 35, cy + 150, PURPLE_DARK, radius=8)
        for dx in (-120, 70):
            c.rect(cx + dx, cy - 20, cx + dx + 50, cy + 30, WHITE, radius=6)
    elif code == "sexuel":  # a raised open hand: stop
        hand(c, cx, cy - 90, 240, CORAL)
    elif code == "travail":  # a briefcase
        c.rect(cx - 60, cy - 130, cx + 60, cy - 60, PURPLE_DARK, radius=24)
        c.rect(cx - 35, cy - 105, cx + 35, cy - 70, LAVENDER, radius=10)
        c.rect(cx - 190, cy - 80, cx + 190, cy + 150, PURPLE, radius=24)
        c.rect(cx - 190, cy - 5, cx + 190, cy + 10, PURPLE_DARK)
    elif code == "cyber":  # a phone with messages
        c.rect(cx - 110, cy - 190, cx + 110, cy + 190, PURPLE_DARK, radius=30)
        c.rect(cx - 92, cy - 160, cx + 92, cy + 160, LAVENDER, radius=14)
        bubble(c, cx - 80, cy - 140, 130, 60, CORAL, "left")
        bubble(c, cx - 50, cy - 40, 130, 60, TEAL, "right")
        bubble(c, cx - 80, cy + 60, 130, 60, LILAC, "left")
    elif code == "rue":  # a street lamp and houses
        c.rect(cx - 12, cy - 170, cx + 12, cy + 180, PURPLE_DARK, radius=6)
        c.circle(cx, cy - 180, 42, YELLOW)
        for dx, colour in ((-300, LILAC), (150, CORAL)):
            c.rect(cx + dx, cy, cx + dx + 150, cy + 180, colour, radius=8)
    elif code == "famille":  # a house with a heart
        c.rect(cx - 160, cy - 40, cx + 160, cy + 170, LILAC, radius=10)
        c.polygon([(cx - 200, cy - 30), (cx, cy - 190), (cx + 200, cy - 30)], PURPLE)
        heart(c, cx, cy + 40, 55, CORAL)
    elif code == "confinement":  # a window open on the sun
        c.rect(cx - 170, cy - 170, cx + 170, cy + 170, PURPLE_DARK, radius=18)
        c.rect(cx - 150, cy - 150, cx + 150, cy + 150, MINT, radius=10)
        sun(c, cx, cy - 20, 60, YELLOW, rays=10)
        c.rect(cx - 8, cy - 150, cx + 8, cy + 150, PURPLE_DARK)
        c.rect(cx - 150, cy - 8, cx + 150, cy + 8, PURPLE_DARK)
    else:  # a circle of people holding together
        for i in range(6):
            angle = 2 * math.pi * i / 6
            figure(c, cx + 170 * math.cos(angle), cy + 60 + 70 * math.sin(angle), 150, FIGURE_COLOURS[i])
    c.focus = (int(cx - 260), int(cy - 220), 520, 440)


def scene_type(code: str) -> Callable[[Canvas], None]:
    def draw(c: Canvas):
        hills(c, c.height * 0.78, [LILAC])
        confetti(c, 12, [YELLOW, CORAL, TEAL])
        type_icon(c, code)
        group(c, c.width * 0.12, c.height * 0.98, 1, c.height * 0.3)
        group(c, c.width * 0.88, c.height * 0.98, 1, c.height * 0.3)

    return draw


MOTIFS: dict[str, Callable[[Canvas], None]] = {
    "hero": scene_hero,
    "words": scene_words,
    "conversation": scene_conversation,
    "screen": scene_screen,
    "poster": scene_poster,
    "chart": scene_chart,
    "hands": scene_hands,
    "letter": scene_letter,
    "portrait": scene_portrait,
}
BACKGROUNDS = {"hero": PEACH, "hands": MINT, "portrait": LAVENDER, "screen": PEACH}


def render(illustration: Illustration) -> tuple[bytes, tuple[int, int, int, int]]:
    """The PNG bytes of ``illustration`` (the same on every machine for the same key) and its focus box."""
    rng = random.Random(f"{SEED}:{illustration.key}")  # noqa: S311 -- a drawing, not a secret
    motif = illustration.motif
    background = BACKGROUNDS.get(motif) or rng.choice([LAVENDER, PEACH, MINT])
    canvas = Canvas(illustration.size, background, rng)
    draw = scene_type(motif.removeprefix("type:")) if motif.startswith("type:") else MOTIFS[motif]
    draw(canvas)
    image = canvas.result().quantize(colors=PALETTE_SIZE, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), canvas.focus


# --- What the demo gets --------------------------------------------------------------------

HERO = Illustration(
    "accueil",
    "Illustration – accueil",
    "Un groupe de personnes côte à côte devant un soleil levant, des bulles de parole au-dessus d'elles.",
    "hero",
    (1200, 800),
)

#: Section pages (children of the home page), by model label.
SECTIONS = {
    "campagne.editopage": Illustration(
        "edito", "Illustration – édito", "Des bulles de parole qui montent vers le soleil.", "words"
    ),
    "campagne.interviewindexpage": Illustration(
        "interviews",
        "Illustration – interviews",
        "Deux personnes face à face qui se parlent, chacune avec sa bulle de parole.",
        "conversation",
    ),
    "campagne.videoindexpage": Illustration(
        "videos",
        "Illustration – vidéos",
        "Un écran avec un bouton de lecture, entouré de quelques personnes.",
        "screen",
    ),
    "campagne.studyindexpage": Illustration(
        "etudes", "Illustration – études", "Des barres de graphique qui montent vers le soleil.", "chart"
    ),
    "temoignages.testimonyindexpage": Illustration(
        "temoignages",
        "Illustration – témoignages",
        "Des bulles de parole de toutes les couleurs, comme des récits qui se suivent.",
        "words",
    ),
    "ressources.resourceindexpage": Illustration(
        "aide",
        "Illustration – se faire aider",
        "Deux mains tendues l'une vers l'autre sous un cœur et un soleil.",
        "hands",
    ),
    "campagne.contactpage": Illustration(
        "contact", "Illustration – contacts", "Une enveloppe au centre de messages reliés entre eux.", "letter"
    ),
    "campagne.socialnetworkspage": Illustration(
        "reseaux",
        "Illustration – réseaux sociaux",
        "Des points de couleur reliés entre eux autour d'un message.",
        "letter",
    ),
}

TYPE_DESCRIPTIONS = {
    "scolaire": "Une école dessinée simplement, avec deux silhouettes de part et d'autre.",
    "sexuel": "Une main ouverte levée qui dit stop.",
    "travail": "Une mallette de travail posée entre deux silhouettes.",
    "cyber": "Un téléphone dont l'écran montre des bulles de messages.",
    "rue": "Un lampadaire allumé dans une rue, entre deux maisons.",
    "famille": "Une maison avec un cœur sur sa façade.",
    "confinement": "Une fenêtre ouverte sur le soleil.",
    "autre": "Des silhouettes en cercle qui se tiennent ensemble.",
}


def type_illustration(code: str, name: str) -> Illustration:
    description = TYPE_DESCRIPTIONS.get(code, TYPE_DESCRIPTIONS["autre"])
    return Illustration(f"type-{code}", f"Illustration – {name}", description, f"type:{code}")


def collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def ensure_image(illustration: Illustration, target: Collection):
    """The stored image of ``illustration``: found by title in the collection, else drawn and stored."""
    Image_ = get_image_model()
    image = Image_.objects.filter(collection=target, title=illustration.title).first()
    if image is not None:
        return image
    data, (fx, fy, fw, fh) = render(illustration)
    image = Image_(
        title=illustration.title,
        description=illustration.description,
        collection=target,
        file=ImageFile(io.BytesIO(data), name=f"illustration-{illustration.key}.png"),
        focal_point_x=fx + fw // 2,
        focal_point_y=fy + fh // 2,
        focal_point_width=fw,
        focal_point_height=fh,
    )
    image.save()
    image.tags.add(*LICENCE_TAGS)
    return image


def _set_if_empty(page: Page, field: str, image) -> None:
    """Give ``page`` and its translations ``image`` in ``field`` where it is empty, published."""
    for version in [page, *page.get_translations().specific()]:
        if getattr(version, f"{field}_id") is None:
            setattr(version, field, image)
            revision = version.save_revision()
            if version.live:
                revision.publish()


def attach_illustrations(home) -> None:
    """Draw (once) and attach the campaign's illustrations to the French tree and its translations."""
    from home.models import HarassmentType

    # The campaign's page types through the registry: the demo imports no app.
    InterviewPage, StudyPage, VideoPage = (  # noqa: N806 - model classes
        apps.get_model("campagne", name) for name in ("InterviewPage", "StudyPage", "VideoPage")
    )

    target = collection()
    _set_if_empty(home, "hero_image", ensure_image(HERO, target))
    for child in home.get_children().specific():
        illustration = SECTIONS.get(child._meta.label_lower)
        if illustration is not None:
            _set_if_empty(child, "listing_image", ensure_image(illustration, target))
    for study in StudyPage.objects.descendant_of(home):
        art = Illustration(
            f"etude-{study.slug}",
            f"Illustration – {study.title}",
            "Des barres de graphique qui montent vers le soleil.",
            "chart",
        )
        _set_if_empty(study, "listing_image", ensure_image(art, target))
    for interview in InterviewPage.objects.descendant_of(home):
        art = Illustration(
            f"interview-{interview.slug}",
            f"Illustration – interview « {interview.title} »",
            "Une silhouette sans visage, une bulle de parole à côté d'elle.",
            "portrait",
        )
        image = ensure_image(art, target)
        _set_if_empty(interview, "listing_image", image)
        _set_if_empty(interview, "video_poster", image)
    for video in VideoPage.objects.descendant_of(home):
        art = Illustration(
            f"video-{video.slug}",
            f"Affiche – vidéo « {video.title} »",
            "Des personnes côte à côte sous le soleil, des bulles de parole au-dessus d'elles.",
            "poster",
        )
        _set_if_empty(video, "video_poster", ensure_image(art, target))
    french = Locale.objects.get(language_code="fr")
    for source in HarassmentType.objects.filter(locale=french):
        image = ensure_image(type_illustration(source.code, source.name), target)
        HarassmentType.objects.filter(code=source.code, illustration__isnull=True).update(illustration=image)
