"""What a page shows when it is shared: its image, type, locales and dates (Open Graph).

``share_image(page)`` is the one place that chooses a page's share image; the Open Graph
tags (``components/social_meta.html``) and the structured data (``home.structured_data``)
both use it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _

from home.sites import absolute_url

logger = logging.getLogger(__name__)

SHARE_WIDTH, SHARE_HEIGHT = 1200, 630
# Drawn once by `manage.py make_brand_images` (campagne/share_images.py), served by whitenoise.
BRAND_CARD = "img/share-{language}.png"
BRAND_LOGO = "img/logo-512.png"
# Open Graph wants a territory; English is the campaign's British English.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
# Page types shared as articles (a dated piece of writing); every other page is a website.
ARTICLE_TYPES = {"temoignages.testimonypage", "campagne.interviewpage", "campagne.studypage"}


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    alt: str


def page_images(page) -> list:
    """The page's own images that may represent it, best first."""
    specific = page.specific
    return [
        getattr(specific, "og_image", None),  # chosen by an editor for sharing
        getattr(specific, "listing_image", None),
        getattr(specific, "person_photo", None),  # an interview's portrait
        getattr(specific, "video_poster", None),
    ]


def share_image(page=None, request=None) -> ShareImage:
    """The image shown when ``page`` is shared: its own image when it has one, then the site's
    default image (Paramètres du site), then the campaign's brand card in the page's language.

    A missing or unreadable image file is skipped, never an error on the page.
    """
    candidates = page_images(page) if page is not None else []
    candidates.append(_site_default_image(page, request))
    for image in candidates:
        if image is None:
            continue
        try:
            rendition = image.get_rendition(f"fill-{SHARE_WIDTH}x{SHARE_HEIGHT}")
        except Exception:  # SourceImageIOError, a corrupt file: the next candidate will do
            logger.warning("share image %s could not be rendered", image.pk)
            continue
        return ShareImage(absolute_url(rendition.url), rendition.width, rendition.height, image.default_alt_text)
    return brand_card(_language_of(page))


def brand_card(language: str) -> ShareImage:
    """The campaign's own card (logo, name, slogan) in ``language`` (French if it has none)."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        alt = _("Parlons Harcèlement : « Plus forts, ensemble ! »")
    return ShareImage(absolute_url(static(BRAND_CARD.format(language=language))), SHARE_WIDTH, SHARE_HEIGHT, alt)


def _site_default_image(page, request):
    from home.models import SiteSettings

    try:
        if request is not None:
            return SiteSettings.for_request(request).default_og_image
        site = page.get_site() if page is not None else None
        return SiteSettings.for_site(site).default_og_image if site is not None else None
    except Exception:  # no site yet (a fresh database): the brand card
        return None


def _language_of(page) -> str:
    if page is not None and getattr(page, "locale_id", None):
        return page.locale.language_code
    return translation.get_language() or settings.LANGUAGE_CODE


def og_type(page) -> str:
    model = getattr(page, "specific_class", None)
    return "article" if model is not None and model._meta.label_lower in ARTICLE_TYPES else "website"


def live_translations(page) -> list:
    """The live versions of ``page`` in every language, itself included, with their locale.

    Kept on the page object: the hreflang links and og:locale:alternate read the same list.
    """
    cached = getattr(page, "_live_translations", None)
    if cached is None:
        cached = list(page.get_translations(inclusive=True).live().select_related("locale"))
        page._live_translations = cached
    return cached


def og_locales(page) -> tuple[str, list[str]]:
    """(og:locale, [og:locale:alternate…]) of the page: its language and its live translations'."""
    language = _language_of(page)
    alternates = []
    if page is not None and getattr(page, "locale_id", None):
        codes = [translation.locale.language_code for translation in live_translations(page)]
        alternates = sorted(OG_LOCALES[code] for code in set(codes) if code in OG_LOCALES and code != language)
    else:
        alternates = sorted(OG_LOCALES[code] for code, _name in settings.LANGUAGES if code != language)
    return OG_LOCALES.get(language, language), alternates


def share_meta(page=None, request=None) -> dict:
    """Everything ``components/social_meta.html`` prints, computed in Python."""
    locale, alternates = og_locales(page)
    kind = og_type(page)
    meta = {
        "type": kind,
        "locale": locale,
        "locale_alternates": alternates,
        "image": share_image(page, request),
        "url": page.get_full_url(request) if page is not None else "",
    }
    if kind == "article":
        meta["published_time"] = page.first_published_at.isoformat() if page.first_published_at else ""
        meta["modified_time"] = page.last_published_at.isoformat() if page.last_published_at else ""
    return meta
