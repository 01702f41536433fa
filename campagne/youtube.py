"""YouTube links: parse the video id in Python and build privacy-enhanced URLs.

Nothing here contacts YouTube: the site only ever *links* to youtube-nocookie.com, and the
visitor's browser loads the player after they click (see ``components/video_facade.html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NOCOOKIE_EMBED = "https://www.youtube-nocookie.com/embed/"
_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
_NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}

WARNING_NONE = "none"
WARNING_SENSITIVE = "sensitive"
WARNING_SHOCKING = "shocking"
CONTENT_WARNING_CHOICES = [
    (WARNING_NONE, _("Aucun avertissement")),
    (WARNING_SENSITIVE, _("Sujet sensible")),
    (WARNING_SHOCKING, _("Images ou propos choquants")),
]


def parse_youtube_id(url: str) -> str | None:
    """The 11-character video id of a YouTube link, or None if ``url`` is not one.

    Accepts ``youtube.com/watch?v=ID``, ``youtu.be/ID``, ``/embed/ID``, ``/shorts/ID``,
    ``/live/ID`` and youtube-nocookie.com embeds, with or without extra parameters.
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    candidate = None
    if host == "youtu.be":
        candidate = segments[0] if segments else None
    elif host in _YOUTUBE_HOSTS:
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [None])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            candidate = segments[1]
    elif host in _NOCOOKIE_HOSTS and len(segments) >= 2 and segments[0] == "embed":
        candidate = segments[1]
    if candidate and _ID.match(candidate):
        return candidate
    return None


def validate_youtube_url(value: str) -> None:
    """Form/model validator: a clear French message for a link we cannot read."""
    if value and parse_youtube_id(value) is None:
        raise ValidationError(
            _(
                "Cette adresse n'est pas une vidéo YouTube reconnue. Collez l'adresse de la vidéo, "
                "par exemple https://www.youtube.com/watch?v=… ou https://youtu.be/…"
            ),
            code="invalid_youtube_url",
        )


@dataclass(frozen=True)
class VideoEmbed:
    """What the video facade template needs; built by pages and blocks."""

    youtube_id: str
    title: str
    poster: Any = None  # a Wagtail image, or None for the local placeholder
    warning: str = WARNING_NONE

    @property
    def has_warning(self) -> bool:
        return self.warning in (WARNING_SENSITIVE, WARNING_SHOCKING)

    @property
    def is_shocking(self) -> bool:
        return self.warning == WARNING_SHOCKING

    @property
    def play_url(self) -> str:
        """Link target without JavaScript: the privacy-enhanced player itself."""
        return f"{NOCOOKIE_EMBED}{self.youtube_id}"

    @property
    def embed_url(self) -> str:
        """The iframe the script inserts after the click.

        The click already is the visitor's choice, so a video without warning starts at
        once; a video with a warning never autoplays: the visitor presses play again.
        """
        if self.has_warning:
            return f"{self.play_url}?rel=0"
        return f"{self.play_url}?autoplay=1&rel=0"


def video_embed(url: str, title: str, poster=None, warning: str = WARNING_NONE) -> VideoEmbed | None:
    youtube_id = parse_youtube_id(url)
    if youtube_id is None:
        return None
    return VideoEmbed(youtube_id=youtube_id, title=title, poster=poster, warning=warning or WARNING_NONE)
