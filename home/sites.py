"""The site's public address (``settings.SITE_URL``) applied to Wagtail's default ``Site``.

Wagtail builds every absolute page URL (sitemap, feeds, ``og:url``, hreflang, share links)
from the default site's host name and port; ``absolute_url`` does the same for what is not a
page (images, static files). Both read the one setting.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page, Site

from site_parlons.settings.base import parse_site_url

SITE_NAME = "Parlons Harcèlement"


def site_address() -> tuple[str, int]:
    """(host name, port) of ``SITE_URL``."""
    _scheme, hostname, port = parse_site_url(settings.SITE_URL)
    return hostname, port


def sync_default_site(root_page: Page | None = None) -> Site:
    """Point the default Wagtail site at ``SITE_URL`` (and at ``root_page`` when given).

    Creates the default site if there is none; updates an existing one in place, so running it
    again, or after SITE_URL changed, leaves exactly one default site with the new address.
    """
    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        if root_page is None:
            raise ValueError("no default site yet: give the root page to create it")
        _refuse_taken_address(hostname, port, None)
        return Site.objects.create(
            hostname=hostname, port=port, root_page=root_page, is_default_site=True, site_name=SITE_NAME
        )
    changed = {"hostname": hostname, "port": port}
    if root_page is not None:
        changed["root_page"] = root_page
        changed["site_name"] = SITE_NAME
    if any(getattr(site, field) != value for field, value in changed.items()):
        _refuse_taken_address(hostname, port, site)
        for field, value in changed.items():
            setattr(site, field, value)
        site.save()
    return site


def _refuse_taken_address(hostname: str, port: int, site: Site | None) -> None:
    """Another site holding that address is an editor's, never removed here."""
    other = Site.objects.filter(hostname=hostname, port=port).exclude(pk=getattr(site, "pk", None)).first()
    if other is not None:
        raise ValueError(f"the site {other} already uses {hostname}:{port}, the address of SITE_URL")


def absolute_url(url: str) -> str:
    """``url`` made absolute on ``SITE_URL``; an address that already is (object storage) is kept."""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return parse_site_url(settings.SITE_URL)[0] + ":" + url
    return settings.SITE_URL + "/" + url.lstrip("/")
