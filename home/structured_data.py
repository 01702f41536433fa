"""JSON-LD (schema.org) that helps people find the campaign: built in Python, escaped for HTML.

Organization and WebSite on the home page, BreadcrumbList below it, Article for interviews and
studies, VideoObject for videos. Testimonies get none at all: a rich result would make a story
stand out in search engines without its author having asked for it.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from home.sharing import BRAND_LOGO, share_image
from home.sites import SITE_NAME, absolute_url

CONTEXT = "https://schema.org"
# Never any structured data for these page types (see the module's docstring).
WITHOUT_STRUCTURED_DATA = {"temoignages.testimonypage"}
ARTICLE_TYPES = {"campagne.interviewpage", "campagne.studypage"}
VIDEO_TYPES = {"campagne.videopage"}
# What Django's json_script escapes: a "</script>" or "<!--" in a title cannot end the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def dumps_for_script(data: dict) -> SafeString:
    """``data`` as JSON safe to put between ``<script type="application/ld+json">`` tags."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308


def scripts_for(page, request=None) -> list[SafeString]:
    """The JSON-LD documents of ``page`` (none for a view that is not a page), escaped."""
    return [dumps_for_script(document) for document in documents_for(page, request)]


def documents_for(page, request=None) -> list[dict]:
    if page is None or getattr(page, "specific_class", None) is None:
        return []
    label = page.specific_class._meta.label_lower
    if label in WITHOUT_STRUCTURED_DATA:
        return []
    page = page.specific
    # From the language's home page down to this page (the home page is its own trail).
    trail = [page] if page.depth == 2 else list(page.get_ancestors(inclusive=True).filter(depth__gte=2))
    if not trail:
        return []
    home = trail[0]
    home_url = home.get_full_url(request)
    if page.depth <= 2:
        return [organization(page, home_url, request), website(page, home_url)]
    documents = [breadcrumb_list(trail, request)]
    if label in ARTICLE_TYPES:
        documents.append(article(page, home_url, request))
    elif label in VIDEO_TYPES and getattr(page, "video_embed", None) is not None:
        documents.append(video_object(page, home_url, request))
    return documents


def _organisation_ref(home_url: str) -> dict:
    return {
        "@type": "Organization",
        "@id": f"{home_url}#organisation",
        "name": SITE_NAME,
        "url": home_url,
        "logo": _logo(),
    }


def _logo() -> dict:
    return {"@type": "ImageObject", "url": absolute_url(static(BRAND_LOGO)), "width": 512, "height": 512}


def organization(home, home_url: str, request=None) -> dict:
    """The campaign: name, address, logo, social profiles, founding (press kit)."""
    from home.models import SiteSettings

    site_settings = SiteSettings.for_request(request) if request is not None else SiteSettings.for_site(home.get_site())
    document = {
        "@context": CONTEXT,
        **_organisation_ref(home_url),
        "alternateName": getattr(home, "hero_title", "") or None,
        "description": _(
            "Campagne contre le harcèlement lancée en octobre 2019 à Lens par des étudiants de l'IUT de Lens : "
            "témoignages, interviews, vidéos et aide pour les victimes."
        ),
        "foundingDate": "2019-10",
        "foundingLocation": {"@type": "Place", "name": "Lens, France"},
        "image": share_image(home, request).url,
        "sameAs": [url for _name, url in site_settings.social_links],
    }
    if site_settings.contact_email:
        document["email"] = site_settings.contact_email
    return {key: value for key, value in document.items() if value not in (None, "", [])}


def website(home, home_url: str) -> dict:
    """The site, and how to search it (the search page of the home page's language)."""
    document = {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": f"{home_url}#site",
        "url": home_url,
        "name": SITE_NAME,
        "inLanguage": home.locale.language_code,
        "publisher": {"@id": f"{home_url}#organisation"},
    }
    try:
        search_url = absolute_url(reverse("search"))
    except NoReverseMatch:
        return document
    document["potentialAction"] = {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
        "query-input": "required name=search_term_string",
    }
    return document


def breadcrumb_list(trail: list, request=None) -> dict:
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": page.title, "item": page.get_full_url(request)}
            for position, page in enumerate(trail, start=1)
        ],
    }


def article(page, home_url: str, request=None) -> dict:
    """An interview or a study, written by the campaign."""
    url = page.get_full_url(request)
    document = {
        "@context": CONTEXT,
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.get_share_description() or None,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "datePublished": page.first_published_at,
        "dateModified": page.last_published_at or page.first_published_at,
        "image": [share_image(page, request).url],
        "author": _organisation_ref(home_url),
        "publisher": _organisation_ref(home_url),
    }
    return {key: value for key, value in document.items() if value not in (None, "")}


def video_object(page, home_url: str, request=None) -> dict:
    """A campaign video. ``embedUrl`` is the privacy-enhanced player's address: structured data
    makes no request, the visitor's browser still loads nothing from YouTube before « Lire »."""
    document = {
        "@context": CONTEXT,
        "@type": "VideoObject",
        "name": page.title,
        "description": page.get_share_description() or page.title,
        "thumbnailUrl": [share_image(page, request).url],
        "uploadDate": page.first_published_at,
        "embedUrl": page.video_embed.play_url,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "publisher": _organisation_ref(home_url),
    }
    duration = page.duration_iso() if hasattr(page, "duration_iso") else ""
    if duration:
        document["duration"] = duration
    return {key: value for key, value in document.items() if value not in (None, "")}
