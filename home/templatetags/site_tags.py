"""Template tags for the shared layout: navigation, breadcrumbs, language switcher."""

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.sharing import live_translations
from home.sites import absolute_url

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _home_for_language(request, language_code: str):
    """The home page translation for ``language_code``, or None."""
    root = _site_root(request)
    if root is None:
        return None
    if root.locale.language_code == language_code:
        return root
    return root.get_translations().filter(locale__language_code=language_code).first()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = _home_for_language(request, get_language())
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    # The header's « Se faire aider » button: the help section among the menu's pages (found in
    # the list already fetched, so no query of its own), not listed again in the menu.
    # ressources is looked up by name: home/ imports no other app.
    items = list(items)
    help_type = ContentType.objects.get_for_model(apps.get_model("ressources", "ResourceIndexPage"))
    help_page = next((item for item in items if item.content_type_id == help_type.pk), None)
    items = [item for item in items if item is not help_page]
    return {"home": home, "items": items, "help_page": help_page, "current_path": current.path if current else ""}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = page.get_ancestors().filter(depth__gt=1) if page and page.depth > 2 else Page.objects.none()
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each other language, or to that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = None
        if page is not None and getattr(page, "locale_id", None):
            translation = page.get_translations().filter(locale__language_code=code).live().first()
            if translation is not None:
                url = translation.url
        elif request is not None:
            translated = translate_url(request.get_full_path(), code)
            if translated != request.get_full_path():
                url = translated
        if url is None:
            home = _home_for_language(request, code)
            url = home.url if home else f"/{code}/"
        links.append({"code": code, "name": name, "url": url})
    return {"links": links}


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home_for_language(context.get("request"), get_language())
    return home.url if home else "/"


@register.simple_tag(takes_context=True)
def alternate_links(context, page=None):
    """(hreflang, absolute URL) of every language version of the current page, then ``x-default``.

    For a Wagtail page: its live translations, itself included. For another view under
    ``i18n_patterns`` (the search page): the same URL in each language. ``x-default`` is the
    version in the site's default language, the one visitors without a preference get.
    """
    request = context.get("request")
    links: list[tuple[str, str]] = []
    if page is not None and getattr(page, "locale_id", None):
        links = [
            (p.locale.language_code, p.get_full_url(request))
            for p in live_translations(page)
        ]
    elif request is not None and getattr(request, "resolver_match", None) is not None:
        path = request.path
        for code, _name in settings.LANGUAGES:
            translated = translate_url(path, code)
            links.append((code, absolute_url(translated)))
        if len({url for _code, url in links}) < 2:
            links = []
    if len(links) < 2:
        return []  # one language only: nothing to point to
    by_code = dict(links)
    default = by_code.get(settings.LANGUAGE_CODE) or links[0][1]
    return [*sorted(links), ("x-default", default)]

